/* test-date.c: wire dates and instants
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "san-date.h"

static void
test_parse_iso (void)
{
  GDate date;
  g_autofree char *back = NULL;

  g_assert_true (san_date_parse_iso ("2026-11-24", &date));
  g_assert_cmpint (g_date_get_year (&date), ==, 2026);
  g_assert_cmpint (g_date_get_month (&date), ==, 11);
  g_assert_cmpint (g_date_get_day (&date), ==, 24);
  back = san_date_to_iso (&date);
  g_assert_cmpstr (back, ==, "2026-11-24");

  g_assert_true (san_date_parse_iso ("2028-02-29", &date));
  g_assert_false (san_date_parse_iso ("2026-02-29", &date));
  g_assert_false (san_date_parse_iso ("2026-02-30", &date));
  g_assert_false (san_date_parse_iso ("2026-13-01", &date));
  g_assert_false (san_date_parse_iso ("2026-00-10", &date));
  g_assert_false (san_date_parse_iso ("2026-1-10", &date));
  g_assert_false (san_date_parse_iso ("2026-01-10T00:00:00Z", &date));
  g_assert_false (san_date_parse_iso ("24/11/2026", &date));
  g_assert_false (san_date_parse_iso ("", &date));
  g_assert_false (san_date_parse_iso (NULL, &date));
}

static void
test_format_english (void)
{
  GDate date;
  g_autofree char *text = NULL;

  g_assert_true (san_date_parse_iso ("2026-03-05", &date));
  text = san_date_format (&date);
  /* untranslated, the format is "5 Mar 2026" */
  g_assert_cmpstr (text, ==, "5 Mar 2026");
}

static void
test_rfc3339 (void)
{
  g_autoptr(GDateTime) dt = san_datetime_parse_rfc3339 ("2026-11-24T15:53:20Z");
  g_autoptr(GDateTime) offset = san_datetime_parse_rfc3339 ("2026-11-24T12:53:20-03:00");
  g_autofree char *text = NULL;
  g_autofree char *text2 = NULL;

  g_assert_nonnull (dt);
  g_assert_nonnull (offset);
  g_assert_true (g_date_time_equal (dt, offset));
  text = san_datetime_to_rfc3339 (dt);
  g_assert_cmpstr (text, ==, "2026-11-24T15:53:20Z");
  text2 = san_datetime_to_rfc3339 (offset);
  g_assert_cmpstr (text2, ==, "2026-11-24T15:53:20Z");

  g_assert_null (san_datetime_parse_rfc3339 ("2026-11-24T15:53:20"));
  g_assert_null (san_datetime_parse_rfc3339 ("2026-11-24"));
  g_assert_null (san_datetime_parse_rfc3339 ("2026-W48-2T15:53:20Z"));
  g_assert_null (san_datetime_parse_rfc3339 ("not a date at all!!"));
  g_assert_null (san_datetime_parse_rfc3339 (NULL));
}

static void
test_add_months (void)
{
  GDate date;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_assert_true (san_date_parse_iso ("2026-01-31", &date));
  san_date_add_months_clamped (&date, 1);
  a = san_date_to_iso (&date);
  g_assert_cmpstr (a, ==, "2026-02-28");

  g_assert_true (san_date_parse_iso ("2026-11-24", &date));
  san_date_add_months_clamped (&date, 3);
  b = san_date_to_iso (&date);
  g_assert_cmpstr (b, ==, "2027-02-24");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/common/date/parse-iso", test_parse_iso);
  g_test_add_func ("/common/date/format/english", test_format_english);
  g_test_add_func ("/common/date/rfc3339", test_rfc3339);
  g_test_add_func ("/common/date/add-months", test_add_months);

  return g_test_run ();
}
