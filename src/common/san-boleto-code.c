/* san-boleto-code.c
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <time.h>

#include <glib/gi18n-lib.h>

#include "san-boleto-code.h"
#include "san-common-error.h"

/* Factor 0 is 1997-10-07; 1000 was 2000-07-03 and 9999 was 2025-02-21,
 * after which the factor started over at 1000 (2025-02-22) and does so
 * every 9000 days. */
#define FACTOR_BASE_YEAR  1997
#define FACTOR_BASE_MONTH G_DATE_OCTOBER
#define FACTOR_BASE_DAY   7
#define FACTOR_FIRST      1000
#define FACTOR_LAST       9999
#define FACTOR_CYCLE      (FACTOR_LAST - FACTOR_FIRST + 1)

#define MAX_BANK_AMOUNT   G_GINT64_CONSTANT (9999999999)

static guint32
factor_base_julian (void)
{
  GDate base;

  g_date_clear (&base, 1);
  g_date_set_dmy (&base, FACTOR_BASE_DAY, FACTOR_BASE_MONTH, FACTOR_BASE_YEAR);
  return g_date_get_julian (&base);
}

static gsize
digits_length (const char *digits,
               gssize      length)
{
  return length < 0 ? strlen (digits) : (gsize) length;
}

guint
san_boleto_code_mod10 (const char *digits,
                       gssize      length)
{
  gsize n;
  guint sum = 0;
  guint weight = 2;

  g_return_val_if_fail (digits != NULL, 0);

  n = digits_length (digits, length);
  for (gsize i = n; i > 0; i--)
    {
      guint product = (guint) (digits[i - 1] - '0') * weight;

      sum += product > 9 ? product - 9 : product;
      weight = weight == 2 ? 1 : 2;
    }

  return (10 - sum % 10) % 10;
}

static guint
mod11_sum (const char *digits,
           gsize       n)
{
  guint sum = 0;
  guint weight = 2;

  for (gsize i = n; i > 0; i--)
    {
      sum += (guint) (digits[i - 1] - '0') * weight;
      weight = weight == 9 ? 2 : weight + 1;
    }

  return sum;
}

guint
san_boleto_code_mod11_barcode (const char *digits,
                               gssize      length)
{
  guint dv;

  g_return_val_if_fail (digits != NULL, 0);

  dv = 11 - mod11_sum (digits, digits_length (digits, length)) % 11;
  return dv >= 10 ? 1 : dv;
}

/* Convênio codes' mod 11: remainders 0 and 1 give 0, 10 gives 1 */
static guint
mod11_collection (const char *digits,
                  gsize       n)
{
  guint rest = mod11_sum (digits, n) % 11;

  if (rest <= 1)
    return 0;
  return 11 - rest;
}

static guint
collection_dv (char        value_kind,
               const char *digits,
               gsize       n)
{
  if (value_kind == '6' || value_kind == '7')
    return san_boleto_code_mod10 (digits, (gssize) n);
  return mod11_collection (digits, n);
}

static gboolean
all_digits (const char *s,
            gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

guint
san_boleto_code_due_factor (const GDate *date)
{
  guint32 days;

  g_return_val_if_fail (date != NULL, 0);

  if (!g_date_valid (date))
    return 0;
  if (g_date_get_julian (date) < factor_base_julian () + FACTOR_FIRST)
    return 0;

  days = g_date_get_julian (date) - factor_base_julian ();
  return FACTOR_FIRST + (days - FACTOR_FIRST) % FACTOR_CYCLE;
}

gboolean
san_boleto_code_factor_to_date (guint        factor,
                                const GDate *reference,
                                GDate       *out_date)
{
  gint64 ref_days;
  gint64 cycles;
  gint64 days;

  g_return_val_if_fail (reference != NULL && g_date_valid (reference), FALSE);
  g_return_val_if_fail (out_date != NULL, FALSE);

  if (factor < FACTOR_FIRST || factor > FACTOR_LAST)
    return FALSE;

  ref_days = (gint64) g_date_get_julian (reference) - factor_base_julian ();
  /* The cycle that puts the date nearest to the reference (ties: the later) */
  cycles = ref_days - (gint64) factor + FACTOR_CYCLE / 2;
  cycles = cycles < 0 ? 0 : cycles / FACTOR_CYCLE;
  days = (gint64) factor + cycles * FACTOR_CYCLE;

  g_date_clear (out_date, 1);
  g_date_set_julian (out_date, (guint32) (factor_base_julian () + days));
  return TRUE;
}

static void
fail (const char  *check,
      const char **out_failed_check,
      GError     **error,
      const char  *message)
{
  if (out_failed_check != NULL)
    *out_failed_check = check;
  g_set_error_literal (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID, message);
}

/* The bank linha (47) from a checked bank barcode (44) */
static void
bank_barcode_to_linha (const char *b,
                       char       *linha)
{
  char *p = linha;

  /* Field 1: bank, currency, free field 1-5, DV */
  memcpy (p, b, 4);
  memcpy (p + 4, b + 19, 5);
  p[9] = (char) ('0' + san_boleto_code_mod10 (p, 9));
  p += 10;
  /* Field 2: free field 6-15, DV */
  memcpy (p, b + 24, 10);
  p[10] = (char) ('0' + san_boleto_code_mod10 (p, 10));
  p += 11;
  /* Field 3: free field 16-25, DV */
  memcpy (p, b + 34, 10);
  p[10] = (char) ('0' + san_boleto_code_mod10 (p, 10));
  p += 11;
  /* Field 4: the general DV; field 5: factor and amount */
  *p++ = b[4];
  memcpy (p, b + 5, 14);
  p[14] = '\0';
}

static void
collection_barcode_to_linha (const char *b,
                             char       *linha)
{
  for (int block = 0; block < 4; block++)
    {
      memcpy (linha + block * 12, b + block * 11, 11);
      linha[block * 12 + 11] = (char) ('0' + collection_dv (b[2], b + block * 11, 11));
    }
  linha[48] = '\0';
}

static gboolean
fill_bank (SanBoletoCode  *code,
           const GDate    *reference,
           const char    **out_failed_check,
           GError        **error)
{
  const char *b = code->barcode;
  guint factor;

  if (b[3] != '9')
    {
      fail (SAN_BOLETO_CHECK_CURRENCY, out_failed_check, error,
            _("The boleto's currency code is not 9 (real)."));
      return FALSE;
    }

  memcpy (code->bank_code, b, 3);
  code->bank_code[3] = '\0';
  code->currency = b[3];
  memcpy (code->free_field, b + 19, 25);
  code->free_field[25] = '\0';

  code->amount_cents = 0;
  for (int i = 9; i < 19; i++)
    code->amount_cents = code->amount_cents * 10 + (b[i] - '0');

  factor = (guint) ((b[5] - '0') * 1000 + (b[6] - '0') * 100 + (b[7] - '0') * 10 + (b[8] - '0'));
  g_date_clear (&code->due_date, 1);
  san_boleto_code_factor_to_date (factor, reference, &code->due_date);

  return TRUE;
}

static gboolean
fill_collection (SanBoletoCode  *code,
                 const char    **out_failed_check,
                 GError        **error)
{
  const char *b = code->barcode;

  if (b[2] < '6' || b[2] > '9')
    {
      fail (SAN_BOLETO_CHECK_PRODUCT, out_failed_check, error,
            _("The third digit of a convênio code (the kind of value) must be 6, 7, 8 or 9."));
      return FALSE;
    }

  code->segment = b[1];
  code->value_kind = b[2];
  code->amount_cents = 0;
  if (b[2] == '6' || b[2] == '8')
    for (int i = 4; i < 15; i++)
      code->amount_cents = code->amount_cents * 10 + (b[i] - '0');

  /* Segment 6 (companies identified by CNPJ) uses 8 digits */
  if (b[1] == '6')
    {
      memcpy (code->company, b + 15, 8);
      code->company[8] = '\0';
    }
  else
    {
      memcpy (code->company, b + 15, 4);
      code->company[4] = '\0';
    }

  return TRUE;
}

static gboolean
check_general_dv (const SanBoletoCode  *code,
                  const char          **out_failed_check,
                  GError              **error)
{
  const char *b = code->barcode;
  char rest[43];
  guint dv;
  int dv_pos = code->kind == SAN_BOLETO_KIND_BANK ? 4 : 3;

  memcpy (rest, b, dv_pos);
  memcpy (rest + dv_pos, b + dv_pos + 1, 43 - dv_pos);

  if (code->kind == SAN_BOLETO_KIND_BANK)
    dv = san_boleto_code_mod11_barcode (rest, 43);
  else
    dv = collection_dv (code->value_kind, rest, 43);

  if ((guint) (b[dv_pos] - '0') != dv)
    {
      fail (SAN_BOLETO_CHECK_GENERAL_DV, out_failed_check, error,
            _("The barcode's general check digit is wrong: the code was mistyped or is not a boleto."));
      return FALSE;
    }

  return TRUE;
}

/* Checks the field DVs of a linha and fills code->barcode */
static gboolean
linha_fields (SanBoletoCode  *code,
              const char     *d,
              gsize           n,
              const char    **out_failed_check,
              GError        **error)
{
  char *b = code->barcode;

  if (n == 47)
    {
      static const struct { int start; int len; } fields[] = { { 0, 9 }, { 10, 10 }, { 21, 10 } };

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        if ((guint) (d[fields[f].start + fields[f].len] - '0')
            != san_boleto_code_mod10 (d + fields[f].start, fields[f].len))
          {
            g_autofree char *message =
              g_strdup_printf (_("Field %u of the linha digitável has a wrong check digit: the code was mistyped."),
                               f + 1);

            fail (SAN_BOLETO_CHECK_FIELD_DV, out_failed_check, error, message);
            return FALSE;
          }

      memcpy (b, d, 4);           /* bank, currency */
      b[4] = d[32];               /* general DV */
      memcpy (b + 5, d + 33, 14); /* factor, amount */
      memcpy (b + 19, d + 4, 5);
      memcpy (b + 24, d + 10, 10);
      memcpy (b + 34, d + 21, 10);
      b[44] = '\0';
    }
  else
    {
      if (d[0] != '8')
        {
          fail (SAN_BOLETO_CHECK_PRODUCT, out_failed_check, error,
                _("A 48-digit linha digitável is a convênio payment and starts with 8."));
          return FALSE;
        }
      if (d[2] < '6' || d[2] > '9')
        {
          fail (SAN_BOLETO_CHECK_PRODUCT, out_failed_check, error,
                _("The third digit of a convênio code (the kind of value) must be 6, 7, 8 or 9."));
          return FALSE;
        }

      for (guint block = 0; block < 4; block++)
        {
          if ((guint) (d[block * 12 + 11] - '0') != collection_dv (d[2], d + block * 12, 11))
            {
              g_autofree char *message =
                g_strdup_printf (_("Block %u of the linha digitável has a wrong check digit: the code was mistyped."),
                                 block + 1);

              fail (SAN_BOLETO_CHECK_FIELD_DV, out_failed_check, error, message);
              return FALSE;
            }
          memcpy (b + block * 11, d + block * 12, 11);
        }
      b[44] = '\0';
    }

  return TRUE;
}

/* Like san_boleto_code_parse(), dating the due-date factor with the one of
 * its dates nearest to @reference. */
gboolean
san_boleto_code_parse_at (const char     *text,
                          const GDate    *reference,
                          SanBoletoCode  *out_code,
                          const char    **out_failed_check,
                          GError        **error)
{
  SanBoletoCode code;
  char d[49];
  gsize n = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (reference != NULL && g_date_valid (reference), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (&code, 0, sizeof code);
  g_date_clear (&code.due_date, 1);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (n < sizeof d - 1)
            d[n] = *p;
          n++;
        }
      else if (*p != ' ' && *p != '.' && *p != '-' && *p != '\t' && *p != '\n' && *p != '\r')
        {
          fail (SAN_BOLETO_CHECK_CHARACTERS, out_failed_check, error,
                _("A boleto code has only digits (spaces, dots and dashes between them are fine)."));
          return FALSE;
        }
    }

  if (n != 44 && n != 47 && n != 48)
    {
      g_autofree char *message =
        g_strdup_printf (_("A boleto code has 44, 47 or 48 digits, not %u."), (guint) MIN (n, G_MAXUINT));

      fail (SAN_BOLETO_CHECK_LENGTH, out_failed_check, error, message);
      return FALSE;
    }
  d[n] = '\0';

  if (n == 44)
    {
      memcpy (code.barcode, d, 45);
      code.kind = d[0] == '8' ? SAN_BOLETO_KIND_COLLECTION : SAN_BOLETO_KIND_BANK;
    }
  else
    {
      code.kind = n == 48 ? SAN_BOLETO_KIND_COLLECTION : SAN_BOLETO_KIND_BANK;
      if (code.kind == SAN_BOLETO_KIND_BANK && d[3] != '9')
        {
          fail (SAN_BOLETO_CHECK_CURRENCY, out_failed_check, error,
                _("The boleto's currency code is not 9 (real)."));
          return FALSE;
        }
      if (!linha_fields (&code, d, n, out_failed_check, error))
        return FALSE;
    }

  if (code.kind == SAN_BOLETO_KIND_BANK)
    {
      if (!fill_bank (&code, reference, out_failed_check, error))
        return FALSE;
    }
  else
    {
      if (!fill_collection (&code, out_failed_check, error))
        return FALSE;
    }

  if (!check_general_dv (&code, out_failed_check, error))
    return FALSE;

  if (code.kind == SAN_BOLETO_KIND_BANK)
    bank_barcode_to_linha (code.barcode, code.linha);
  else
    collection_barcode_to_linha (code.barcode, code.linha);

  if (out_code != NULL)
    *out_code = code;
  if (out_failed_check != NULL)
    *out_failed_check = NULL;
  return TRUE;
}

gboolean
san_boleto_code_parse (const char     *text,
                       SanBoletoCode  *out_code,
                       const char    **out_failed_check,
                       GError        **error)
{
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  return san_boleto_code_parse_at (text, &today, out_code, out_failed_check, error);
}

char *
san_boleto_code_build_barcode (const char   *bank_code,
                               gint64        amount_cents,
                               const GDate  *due_date,
                               const char   *free_field,
                               GError      **error)
{
  char b[45];
  char rest[43];
  guint factor = 0;

  g_return_val_if_fail (bank_code != NULL, NULL);
  g_return_val_if_fail (free_field != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (strlen (bank_code) != 3 || !all_digits (bank_code, 3))
    {
      g_set_error_literal (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID,
                           _("A bank code has 3 digits."));
      return NULL;
    }
  if (amount_cents < 0 || amount_cents > MAX_BANK_AMOUNT)
    {
      g_set_error_literal (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID,
                           _("The amount does not fit in a boleto."));
      return NULL;
    }
  if (due_date != NULL)
    {
      factor = san_boleto_code_due_factor (due_date);
      if (factor == 0)
        {
          g_set_error_literal (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID,
                               _("A boleto's due date must be on or after 3 July 2000."));
          return NULL;
        }
    }
  if (strlen (free_field) != 25 || !all_digits (free_field, 25))
    {
      g_set_error_literal (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID,
                           _("A boleto's free field has 25 digits."));
      return NULL;
    }

  g_snprintf (b, sizeof b, "%.3s9%c%04u%010" G_GINT64_FORMAT "%.25s",
              bank_code, '0', factor, amount_cents, free_field);

  memcpy (rest, b, 4);
  memcpy (rest + 4, b + 5, 39);
  b[4] = (char) ('0' + san_boleto_code_mod11_barcode (rest, 43));

  return g_strdup (b);
}

char *
san_boleto_code_barcode_to_linha (const char  *barcode,
                                  GError     **error)
{
  SanBoletoCode code;
  GDate reference;
  gsize n = 0;

  g_return_val_if_fail (barcode != NULL, NULL);

  /* The due date plays no part here: any reference will do */
  g_date_clear (&reference, 1);
  g_date_set_dmy (&reference, 1, G_DATE_JANUARY, 2025);

  if (!san_boleto_code_parse_at (barcode, &reference, &code, NULL, error))
    return NULL;
  for (const char *p = barcode; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      n++;
  if (n != 44)
    {
      g_set_error_literal (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID,
                           _("This is a linha digitável, not a barcode."));
      return NULL;
    }

  return g_strdup (code.linha);
}

char *
san_boleto_code_linha_to_barcode (const char  *linha,
                                  GError     **error)
{
  SanBoletoCode code;
  GDate reference;
  gsize n = 0;

  g_return_val_if_fail (linha != NULL, NULL);

  g_date_clear (&reference, 1);
  g_date_set_dmy (&reference, 1, G_DATE_JANUARY, 2025);

  if (!san_boleto_code_parse_at (linha, &reference, &code, NULL, error))
    return NULL;

  for (const char *p = linha; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      n++;
  if (n == 44)
    {
      g_set_error_literal (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID,
                           _("This is a barcode, not a linha digitável."));
      return NULL;
    }

  return g_strdup (code.barcode);
}

const char *
san_boleto_code_bank_name (const char *bank_code)
{
  static const struct { const char *code; const char *name; } banks[] = {
    { "001", "Banco do Brasil" },
    { "033", "Santander" },
    { "077", "Banco Inter" },
    { "104", "Caixa Econômica Federal" },
    { "237", "Bradesco" },
    { "260", "Nu Pagamentos" },
    { "336", "C6 Bank" },
    { "341", "Itaú Unibanco" },
    { "422", "Banco Safra" },
    { "748", "Sicredi" },
    { "756", "Sicoob" },
  };

  g_return_val_if_fail (bank_code != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (banks); i++)
    if (g_str_equal (banks[i].code, bank_code))
      return banks[i].name;
  return NULL;
}

char *
san_boleto_code_format_linha (const char *linha)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *d;

  g_return_val_if_fail (linha != NULL, NULL);

  for (const char *p = linha; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  d = digits->str;

  if (digits->len == 47)
    return g_strdup_printf ("%.5s.%.5s %.5s.%.6s %.5s.%.6s %c %.14s",
                            d, d + 5, d + 10, d + 15, d + 21, d + 26, d[32], d + 33);
  if (digits->len == 48)
    return g_strdup_printf ("%.11s-%c %.11s-%c %.11s-%c %.11s-%c",
                            d, d[11], d + 12, d[23], d + 24, d[35], d + 36, d[47]);

  return NULL;
}
