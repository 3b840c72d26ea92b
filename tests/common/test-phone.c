/* test-phone.c: Brazilian phone numbers
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "san-common-error.h"
#include "san-phone.h"

static void
test_valid (void)
{
  static const struct { const char *text; const char *e164; const char *shown; } cases[] = {
    { "(11) 91234-5678", "+5511912345678", "+55 (11) 91234-5678" },
    { "11912345678", "+5511912345678", "+55 (11) 91234-5678" },
    { "+55 11 91234-5678", "+5511912345678", "+55 (11) 91234-5678" },
    { "+5511912345678", "+5511912345678", "+55 (11) 91234-5678" },
    { "5511912345678", "+5511912345678", "+55 (11) 91234-5678" },
    { "011 91234-5678", "+5511912345678", "+55 (11) 91234-5678" },
    { "(21) 3456-7890", "+552134567890", "+55 (21) 3456-7890" },
    { "+55 (48) 2101.0000", "+554821010000", "+55 (48) 2101-0000" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *e164 = NULL;
      g_autofree char *shown = NULL;

      g_assert_true (san_phone_validate (cases[i].text, &e164, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (e164, ==, cases[i].e164);
      shown = san_phone_format (cases[i].text);
      g_assert_cmpstr (shown, ==, cases[i].shown);
    }
}

static void
test_invalid (void)
{
  static const char *cases[] = {
    "", "1234", "(11) 81234-5678", "(20) 91234-5678", "(11) 6456-7890",
    "+1 (11) 91234-5678", "(11) 91234-567", "(11) 91234-56789", "(11) 9123a-5678",
    "+55 (10) 3456-7890",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *e164 = NULL;

      g_assert_false (san_phone_validate (cases[i], &e164, &error));
      g_assert_error (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID);
      g_assert_null (e164);
      g_assert_null (san_phone_format (cases[i]));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/common/phone/valid", test_valid);
  g_test_add_func ("/common/phone/invalid", test_invalid);

  return g_test_run ();
}
