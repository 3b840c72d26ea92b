/* san-date.c
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "san-date.h"

gboolean
san_date_parse_iso (const char *text,
                    GDate      *out_date)
{
  int v[3] = { 0, 0, 0 };
  static const int widths[3] = { 4, 2, 2 };
  const char *p = text;

  g_return_val_if_fail (out_date != NULL, FALSE);

  if (text == NULL || strlen (text) != 10)
    return FALSE;

  for (int part = 0; part < 3; part++)
    {
      for (int i = 0; i < widths[part]; i++, p++)
        {
          if (!g_ascii_isdigit (*p))
            return FALSE;
          v[part] = v[part] * 10 + (*p - '0');
        }
      if (part < 2 && *p++ != '-')
        return FALSE;
    }

  if (v[0] < 1 || v[1] < 1 || v[1] > 12 || v[2] < 1 ||
      !g_date_valid_dmy ((GDateDay) v[2], (GDateMonth) v[1], (GDateYear) v[0]))
    return FALSE;

  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, (GDateDay) v[2], (GDateMonth) v[1], (GDateYear) v[0]);
  return TRUE;
}

char *
san_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

char *
san_date_format (const GDate *date)
{
  g_autoptr(GDateTime) dt = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  dt = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                            g_date_get_day (date), 0, 0, 0);
  /* Translators: a calendar date, in g_date_time_format() syntax.
   * Brazilian Portuguese uses "%d/%m/%Y" (24/11/2026). */
  return g_date_time_format (dt, C_("date", "%-d %b %Y"));
}

GDateTime *
san_datetime_parse_rfc3339 (const char *text)
{
  gsize len;

  if (text == NULL)
    return NULL;

  /* g_date_time_new_from_iso8601() also takes local times and week dates:
   * the wire only has full date-times with an offset. */
  len = strlen (text);
  if (len < 20 || text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != 't'))
    return NULL;
  if (text[len - 1] != 'Z' && text[len - 1] != 'z' &&
      !(len >= 6 && (text[len - 6] == '+' || text[len - 6] == '-') && text[len - 3] == ':'))
    return NULL;

  return g_date_time_new_from_iso8601 (text, NULL);
}

char *
san_datetime_to_rfc3339 (GDateTime *datetime)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (datetime != NULL, NULL);

  utc = g_date_time_to_utc (datetime);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

void
san_date_add_months_clamped (GDate *date,
                             guint  n_months)
{
  g_return_if_fail (date != NULL && g_date_valid (date));

  /* g_date_add_months() already clamps to the last day of the target month */
  g_date_add_months (date, n_months);
}
