/* test-itf.c: Interleaved 2 of 5, the boleto barcode's symbology
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "san-itf.h"

/* The digit patterns (N narrow, W wide) of Interleaved 2 of 5 as published
 * in Wikipedia's "Interleaved 2 of 5" article (and ISO/IEC 16390):
 * 0 NNWWN, 1 WNNNW, 2 NWNNW, 3 WWNNN, 4 NNWNW, 5 WNWNN, 6 NWWNN, 7 NNNWW,
 * 8 WNNWN, 9 NWNWN; start NNNN, stop WNN. Written out here independently of
 * the encoder, as widths 1 and 3. */
static const char *const expected_patterns[10] = {
  "11331", "31113", "13113", "33111", "11313",
  "31311", "13311", "11133", "31131", "13131",
};

/* Reads @widths back into digits, checking start and stop; NULL if it can't */
static char *
decode (const GByteArray *widths)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  const guint8 *w = widths->data;
  guint n = widths->len;

  if (n < 7 || (n - 7) % 10 != 0)
    return NULL;
  if (w[0] != 1 || w[1] != 1 || w[2] != 1 || w[3] != 1)
    return NULL;
  if (w[n - 3] != 3 || w[n - 2] != 1 || w[n - 1] != 1)
    return NULL;

  for (guint pos = 4; pos < n - 3; pos += 10)
    {
      char bars[6] = { 0 };
      char spaces[6] = { 0 };
      int bar_digit = -1;
      int space_digit = -1;

      for (int e = 0; e < 5; e++)
        {
          bars[e] = (char) ('0' + w[pos + 2 * e]);
          spaces[e] = (char) ('0' + w[pos + 2 * e + 1]);
        }
      for (int d = 0; d < 10; d++)
        {
          if (g_str_equal (bars, expected_patterns[d]))
            bar_digit = d;
          if (g_str_equal (spaces, expected_patterns[d]))
            space_digit = d;
        }
      if (bar_digit < 0 || space_digit < 0)
        return NULL;
      g_string_append_printf (digits, "%d%d", bar_digit, space_digit);
    }

  return g_string_free (g_steal_pointer (&digits), FALSE);
}

/* "12": start, 1 in the bars (WNNNW) interleaved with 2 in the spaces (NWNNW), stop */
static void
test_encode_pair (void)
{
  static const guint8 expected[] = {
    1, 1, 1, 1,
    3, 1, 1, 3, 1, 1, 1, 1, 3, 3,
    3, 1, 1,
  };
  g_autoptr(GByteArray) widths = san_itf_encode ("12");

  g_assert_nonnull (widths);
  g_assert_cmpmem (widths->data, widths->len, expected, sizeof expected);
}

/* Every digit in both positions */
static void
test_encode_all_digits (void)
{
  g_autoptr(GByteArray) widths = san_itf_encode ("0123456789");
  g_autoptr(GByteArray) reversed = san_itf_encode ("9876543210");
  g_autofree char *back = NULL;
  g_autofree char *back_reversed = NULL;

  back = decode (widths);
  back_reversed = decode (reversed);
  g_assert_cmpstr (back, ==, "0123456789");
  g_assert_cmpstr (back_reversed, ==, "9876543210");
}

/* A boleto's 44 digits (github.com/mrmgomes/boleto-utils, test/test.js):
 * 4 + 22 * 10 + 3 elements, each pair 18 modules wide, and back */
static void
test_encode_boleto (void)
{
  static const char *barcode = "10499898100000214032006561000100040099726390";
  g_autoptr(GByteArray) widths = san_itf_encode (barcode);
  g_autofree char *back = NULL;
  guint modules = 0;
  guint wide = 0;

  g_assert_nonnull (widths);
  g_assert_cmpuint (widths->len, ==, 227);
  for (guint i = 0; i < widths->len; i++)
    {
      g_assert_true (widths->data[i] == 1 || widths->data[i] == 3);
      modules += widths->data[i];
      wide += widths->data[i] == 3;
    }
  /* Two wide elements per digit, plus the stop's wide bar */
  g_assert_cmpuint (wide, ==, 44 * 2 + 1);
  g_assert_cmpuint (modules, ==, 4 + 22 * 18 + 5);

  back = decode (widths);
  g_assert_cmpstr (back, ==, barcode);
}

static void
test_encode_invalid (void)
{
  g_assert_null (san_itf_encode (""));
  g_assert_null (san_itf_encode ("123"));
  g_assert_null (san_itf_encode ("12a4"));
  g_assert_null (san_itf_encode ("12 4"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/common/itf/encode/pair-interleaves-bars-and-spaces", test_encode_pair);
  g_test_add_func ("/common/itf/encode/every-digit", test_encode_all_digits);
  g_test_add_func ("/common/itf/encode/boleto-44-digits", test_encode_boleto);
  g_test_add_func ("/common/itf/encode/invalid", test_encode_invalid);

  return g_test_run ();
}
