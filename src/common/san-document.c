/* san-document.c
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "san-common-error.h"
#include "san-document.h"

/* Bare characters, upper case, or NULL if anything but punctuation stands between them */
static char *
normalize (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (out, g_ascii_toupper (*p));
      else if (*p != '.' && *p != '-' && *p != '/' && *p != ' ')
        return NULL;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
all_same (const char *s)
{
  for (const char *p = s + 1; *p != '\0'; p++)
    if (*p != *s)
      return FALSE;
  return TRUE;
}

static gboolean
cpf_digits_valid (const char *d)
{
  int sum;
  int check;

  if (strlen (d) != 11 || all_same (d))
    return FALSE;
  for (int i = 0; i < 11; i++)
    if (!g_ascii_isdigit (d[i]))
      return FALSE;

  for (int n = 9; n <= 10; n++)
    {
      sum = 0;
      for (int i = 0; i < n; i++)
        sum += (d[i] - '0') * (n + 1 - i);
      check = (sum * 10) % 11;
      if (check == 10)
        check = 0;
      if (check != d[n] - '0')
        return FALSE;
    }

  return TRUE;
}

/* The 2026 alphanumeric CNPJ: each of the first 12 characters is worth its
 * ASCII code minus 48 (so digits keep their value and A is 17); the two check
 * digits are numeric and computed with the classic mod-11 weights. */
static gboolean
cnpj_chars_valid (const char *d)
{
  static const int weights[] = { 6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2 };

  if (strlen (d) != 14 || all_same (d))
    return FALSE;
  for (int i = 0; i < 12; i++)
    if (!g_ascii_isdigit (d[i]) && !(d[i] >= 'A' && d[i] <= 'Z'))
      return FALSE;
  if (!g_ascii_isdigit (d[12]) || !g_ascii_isdigit (d[13]))
    return FALSE;

  for (int n = 12; n <= 13; n++)
    {
      int sum = 0;
      int rest;
      int check;

      for (int i = 0; i < n; i++)
        sum += (d[i] - '0') * weights[i + 13 - n];
      rest = sum % 11;
      check = rest < 2 ? 0 : 11 - rest;
      if (check != d[n] - '0')
        return FALSE;
    }

  return TRUE;
}

gboolean
san_cpf_is_valid (const char *text)
{
  g_autofree char *d = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  d = normalize (text);
  return d != NULL && cpf_digits_valid (d);
}

gboolean
san_cnpj_is_valid (const char *text)
{
  g_autofree char *d = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  d = normalize (text);
  return d != NULL && cnpj_chars_valid (d);
}

gboolean
san_document_validate (const char       *text,
                       SanDocumentKind  *out_kind,
                       char            **out_normalized,
                       GError          **error)
{
  g_autofree char *d = NULL;
  SanDocumentKind kind;

  g_return_val_if_fail (text != NULL, FALSE);

  d = normalize (text);
  if (d != NULL && strlen (d) == 11 && cpf_digits_valid (d))
    kind = SAN_DOCUMENT_CPF;
  else if (d != NULL && strlen (d) == 14 && cnpj_chars_valid (d))
    kind = SAN_DOCUMENT_CNPJ;
  else
    {
      if (d != NULL && strlen (d) == 11)
        g_set_error (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID,
                     _("The CPF’s check digits do not match: please check the number"));
      else if (d != NULL && strlen (d) == 14)
        g_set_error (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID,
                     _("The CNPJ’s check digits do not match: please check the number"));
      else
        g_set_error (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID,
                     _("Enter a CPF (11 digits) or a CNPJ (14 characters)"));
      return FALSE;
    }

  if (out_kind != NULL)
    *out_kind = kind;
  if (out_normalized != NULL)
    *out_normalized = g_steal_pointer (&d);
  return TRUE;
}

char *
san_document_format (const char *text)
{
  g_autofree char *d = NULL;
  SanDocumentKind kind;

  g_return_val_if_fail (text != NULL, NULL);

  if (!san_document_validate (text, &kind, &d, NULL))
    return NULL;

  if (kind == SAN_DOCUMENT_CPF)
    return g_strdup_printf ("%.3s.%.3s.%.3s-%.2s", d, d + 3, d + 6, d + 9);
  else
    return g_strdup_printf ("%.2s.%.3s.%.3s/%.4s-%.2s", d, d + 2, d + 5, d + 8, d + 12);
}
