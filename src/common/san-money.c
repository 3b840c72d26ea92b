/* san-money.c
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "san-common-error.h"
#include "san-money.h"

#define NBSP "\xc2\xa0"

char *
san_money_format_brl (gint64 cents)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  guint64 magnitude;
  guint64 reais;
  guint cent_part;
  g_autofree char *reais_str = NULL;
  gsize len;

  /* G_MININT64 has no positive counterpart in gint64: go through guint64 */
  magnitude = cents < 0 ? (guint64) (-(cents + 1)) + 1 : (guint64) cents;
  reais = magnitude / 100;
  cent_part = (guint) (magnitude % 100);

  reais_str = g_strdup_printf ("%" G_GUINT64_FORMAT, reais);
  len = strlen (reais_str);
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (digits, '.');
      g_string_append_c (digits, reais_str[i]);
    }

  if (cents < 0)
    g_string_append_c (out, '-');
  g_string_append_printf (out, "R$" NBSP "%s,%02u", digits->str, cent_part);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
san_money_parse_brl (const char  *text,
                     gint64      *out_cents,
                     GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_auto(GStrv) groups = NULL;
  const char *p;
  const char *comma;
  g_autofree char *int_part = NULL;
  const char *frac_part = "";
  guint64 reais = 0;
  guint64 cents = 0;
  guint n_groups;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_cents != NULL, FALSE);

  trimmed = g_strstrip (g_strdup (text));
  p = trimmed;
  if (g_str_has_prefix (p, "R$"))
    {
      p += 2;
      while (*p == ' ' || g_str_has_prefix (p, NBSP))
        p += (*p == ' ') ? 1 : 2;
    }

  comma = strchr (p, ',');
  if (comma != NULL)
    {
      int_part = g_strndup (p, (gsize) (comma - p));
      frac_part = comma + 1;
      if (*frac_part == '\0' || strlen (frac_part) > 2)
        goto invalid;
      for (const char *f = frac_part; *f != '\0'; f++)
        if (!g_ascii_isdigit (*f))
          goto invalid;
    }
  else
    int_part = g_strdup (p);

  /* "1234" or "1.234.567": the first group 1-3 digits, the others exactly 3 */
  groups = g_strsplit (int_part, ".", -1);
  n_groups = g_strv_length (groups);
  if (n_groups == 0)
    goto invalid;
  for (guint i = 0; i < n_groups; i++)
    {
      gsize len = strlen (groups[i]);

      if (len == 0 || (n_groups > 1 && (i == 0 ? len > 3 : len != 3)))
        goto invalid;
      for (gsize j = 0; j < len; j++)
        {
          if (!g_ascii_isdigit (groups[i][j]))
            goto invalid;
          if (reais > (G_MAXINT64 / 100 - 9) / 10)
            goto invalid;
          reais = reais * 10 + (guint64) (groups[i][j] - '0');
        }
    }

  for (const char *f = frac_part; *f != '\0'; f++)
    cents = cents * 10 + (guint64) (*f - '0');
  if (strlen (frac_part) == 1)
    cents *= 10;

  *out_cents = (gint64) (reais * 100 + cents);
  return TRUE;

invalid:
  g_set_error (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID,
               _("“%s” is not an amount in reais, such as 1.234,56"), text);
  return FALSE;
}
