/* san-phone.c
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "san-common-error.h"
#include "san-phone.h"

/* The area codes (DDD) in use, per Anatel */
static const guint8 area_codes[] = {
  11, 12, 13, 14, 15, 16, 17, 18, 19,
  21, 22, 24, 27, 28,
  31, 32, 33, 34, 35, 37, 38,
  41, 42, 43, 44, 45, 46, 47, 48, 49,
  51, 53, 54, 55,
  61, 62, 63, 64, 65, 66, 67, 68, 69,
  71, 73, 74, 75, 77, 79,
  81, 82, 83, 84, 85, 86, 87, 88, 89,
  91, 92, 93, 94, 95, 96, 97, 98, 99,
};

static gboolean
area_code_exists (int ddd)
{
  for (guint i = 0; i < G_N_ELEMENTS (area_codes); i++)
    if (area_codes[i] == ddd)
      return TRUE;
  return FALSE;
}

/* The national number (DDD + subscriber) as bare digits, or NULL */
static char *
national_digits (const char *text)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *p = text;

  while (*p == ' ')
    p++;
  if (*p == '+')
    {
      p++;
      if (p[0] != '5' || p[1] != '5')
        return NULL;
      p += 2;
    }

  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p != ' ' && *p != '(' && *p != ')' && *p != '-' && *p != '.')
        return NULL;
    }

  /* "0 11 ..." (long-distance prefix) or "55 11 ..." typed without the + */
  if (digits->len == 11 + 1 || digits->len == 10 + 1)
    {
      if (digits->str[0] == '0')
        g_string_erase (digits, 0, 1);
    }
  else if ((digits->len == 13 || digits->len == 12) && g_str_has_prefix (digits->str, "55"))
    g_string_erase (digits, 0, 2);

  return g_string_free (g_steal_pointer (&digits), FALSE);
}

gboolean
san_phone_validate (const char  *text,
                    char       **out_e164,
                    GError     **error)
{
  g_autofree char *d = NULL;
  gsize len;

  g_return_val_if_fail (text != NULL, FALSE);

  d = national_digits (text);
  len = d != NULL ? strlen (d) : 0;

  if (len != 10 && len != 11)
    {
      g_set_error (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID,
                   _("Enter the area code and the number, such as (11) 91234-5678"));
      return FALSE;
    }
  if (!area_code_exists ((d[0] - '0') * 10 + (d[1] - '0')))
    {
      g_set_error (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID,
                   _("%.2s is not a Brazilian area code (DDD)"), d);
      return FALSE;
    }
  if ((len == 11 && d[2] != '9') || (len == 10 && (d[2] < '2' || d[2] > '5')))
    {
      g_set_error (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID,
                   _("A mobile number has 9 digits starting with 9; a landline has 8 digits"));
      return FALSE;
    }

  if (out_e164 != NULL)
    *out_e164 = g_strconcat ("+55", d, NULL);
  return TRUE;
}

char *
san_phone_format (const char *text)
{
  g_autofree char *e164 = NULL;
  const char *d;

  g_return_val_if_fail (text != NULL, NULL);

  if (!san_phone_validate (text, &e164, NULL))
    return NULL;

  d = e164 + 3;
  if (strlen (d) == 11)
    return g_strdup_printf ("+55 (%.2s) %.5s-%.4s", d, d + 2, d + 7);
  else
    return g_strdup_printf ("+55 (%.2s) %.4s-%.4s", d, d + 2, d + 6);
}
