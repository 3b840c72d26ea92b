/* test-money.c: centavos to reais and back
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "san-common-error.h"
#include "san-money.h"

#define NBSP "\xc2\xa0"

static void
test_format (void)
{
  static const struct { gint64 cents; const char *text; } cases[] = {
    { 0, "R$" NBSP "0,00" },
    { 5, "R$" NBSP "0,05" },
    { 99, "R$" NBSP "0,99" },
    { 100, "R$" NBSP "1,00" },
    { 4990, "R$" NBSP "49,90" },
    { 123456, "R$" NBSP "1.234,56" },
    { 100000000, "R$" NBSP "1.000.000,00" },
    { -4990, "-R$" NBSP "49,90" },
    { G_MAXINT64, "R$" NBSP "92.233.720.368.547.758,07" },
    { G_MININT64, "-R$" NBSP "92.233.720.368.547.758,08" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = san_money_format_brl (cases[i].cents);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_parse_valid (void)
{
  static const struct { const char *text; gint64 cents; } cases[] = {
    { "0", 0 },
    { "10", 1000 },
    { "10,5", 1050 },
    { "10,05", 1005 },
    { "1234,56", 123456 },
    { "1.234,56", 123456 },
    { "1.234.567", 123456700 },
    { " R$ 49,90 ", 4990 },
    { "R$" NBSP "1.234,56", 123456 },
    { "R$49,90", 4990 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 cents = -1;

      g_assert_true (san_money_parse_brl (cases[i].text, &cents, &error));
      g_assert_no_error (error);
      g_assert_cmpint (cents, ==, cases[i].cents);
    }
}

static void
test_parse_invalid (void)
{
  static const char *cases[] = {
    "", "R$", "abc", "10,", ",50", "10,555", "1.23", "1234.567", "12.34,56", "1,234.56",
    "-10", "10 reais", "1..234", "99999999999999999999", "10,5a", ".123",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 cents = -1;

      g_assert_false (san_money_parse_brl (cases[i], &cents, &error));
      g_assert_error (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID);
      g_assert_cmpint (cents, ==, -1);
    }
}

static void
test_round_trip (void)
{
  static const gint64 values[] = { 0, 1, 10, 4990, 123456, 98765432100 };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *text = san_money_format_brl (values[i]);
      gint64 cents = -1;

      g_assert_true (san_money_parse_brl (text, &cents, NULL));
      g_assert_cmpint (cents, ==, values[i]);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/common/money/format", test_format);
  g_test_add_func ("/common/money/parse/valid", test_parse_valid);
  g_test_add_func ("/common/money/parse/invalid", test_parse_invalid);
  g_test_add_func ("/common/money/round-trip", test_round_trip);

  return g_test_run ();
}
