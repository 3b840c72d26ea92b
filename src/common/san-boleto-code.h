/* san-boleto-code.h: FEBRABAN boleto codes: the 44-digit barcode, the
 * 47-digit linha digitável of bank boletos (cobrança) and the 48-digit one
 * of convênio/arrecadação payments (utilities, taxes)
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SAN_BOLETO_KIND_BANK,         /* cobrança: 44-digit barcode, 47-digit linha */
  SAN_BOLETO_KIND_COLLECTION,   /* convênio/arrecadação: 44 / 48 digits, starts with 8 */
} SanBoletoKind;

/* A parsed boleto code. Strings are digits only, NUL-terminated. */
typedef struct
{
  SanBoletoKind kind;
  char          barcode[45];      /* the 44 digits of the barcode */
  char          linha[49];        /* the 47 (bank) or 48 (collection) digits */

  /* Bank boletos */
  char          bank_code[4];     /* "001" */
  char          currency;         /* '9': real */
  char          free_field[26];   /* campo livre: 25 digits, bank-specific */
  /* Both kinds: 0 when the code carries no amount */
  gint64        amount_cents;
  /* Bank boletos: the due date from the factor (invalid GDate when the
   * factor is 0000, "no due date") */
  GDate         due_date;

  /* Collection codes */
  char          segment;          /* '1'..'9' (1 prefeituras, 2 saneamento, 3 energia e gás, ...) */
  char          value_kind;       /* '6'/'7': mod 10, '8'/'9': mod 11; '6'/'8': value is an amount */
  char          company[9];       /* the company/agency id: 4 digits, or 8 (the CNPJ root) in segment 6 */
} SanBoletoCode;

/* Why a code is not valid: stable words, printed by san-paycode */
#define SAN_BOLETO_CHECK_CHARACTERS "characters"   /* something other than digits, spaces, dots, dashes */
#define SAN_BOLETO_CHECK_LENGTH     "length"       /* not 44, 47 or 48 digits */
#define SAN_BOLETO_CHECK_FIELD_DV   "field_check_digit"   /* a linha field's mod-10 (or block mod-10/11) digit */
#define SAN_BOLETO_CHECK_GENERAL_DV "general_check_digit" /* the barcode's general mod-11 (or mod-10) digit */
#define SAN_BOLETO_CHECK_CURRENCY   "currency"     /* bank boleto currency not '9' */
#define SAN_BOLETO_CHECK_PRODUCT    "product"      /* 48-digit code not starting with '8', or bad value kind */

/* Parses a barcode (44 digits) or linha digitável (47 or 48 digits), with
 * any spaces, dots and dashes between digits, and checks every check digit.
 * On failure returns FALSE, sets *@out_failed_check to one of the
 * SAN_BOLETO_CHECK_* words (when not NULL) and @error (SAN_COMMON_ERROR_INVALID)
 * to a sentence that says what is wrong; on success *@out_failed_check is
 * NULL. The due date is the factor's date nearest to today (local time). */
gboolean  san_boleto_code_parse          (const char     *text,
                                          SanBoletoCode  *out_code,
                                          const char    **out_failed_check,
                                          GError        **error);
/* The same, dating the factor against @reference instead of today */
gboolean  san_boleto_code_parse_at       (const char     *text,
                                          const GDate    *reference,
                                          SanBoletoCode  *out_code,
                                          const char    **out_failed_check,
                                          GError        **error);

/* Builds a bank boleto's 44-digit barcode (currency 9, real): @bank_code 3
 * digits, @amount_cents 0..9999999999, @due_date on or after 2000-07-03
 * (factor 1000; the factor restarts at 1000 on 2025-02-22 and every 9000
 * days after) or NULL for "no due date" (factor 0000), @free_field 25
 * digits. NULL with @error (SAN_COMMON_ERROR_INVALID) on bad input. */
char     *san_boleto_code_build_barcode  (const char     *bank_code,
                                          gint64          amount_cents,
                                          const GDate    *due_date,
                                          const char     *free_field,
                                          GError        **error);
/* 44-digit barcode -> linha digitável (47 digits, or 48 for collection codes),
 * and back. Both check every check digit (as san_boleto_code_parse()) and
 * fail when given the other form. */
char     *san_boleto_code_barcode_to_linha (const char   *barcode,
                                            GError      **error);
char     *san_boleto_code_linha_to_barcode (const char   *linha,
                                            GError      **error);
/* The linha in the groups printed on a boleto:
 * "00190.00009 01234.567890 12345.678901 2 12340000012345" (47) or
 * "83640000001-1 33120138000-2 81288462711-6 08013618155-1" (48).
 * Punctuation in @linha is ignored; NULL unless it has 47 or 48 digits. */
char     *san_boleto_code_format_linha   (const char     *linha);

/* The due-date factor of @date (1000..9999): days since 1997-10-07, so 1000
 * is 2000-07-03 and 9999 is 2025-02-21; from 2025-02-22 on the factor that
 * restarted at 1000 (and restarts again every 9000 days). 0 when @date can't
 * have one (invalid, or before 2000-07-03). */
guint     san_boleto_code_due_factor     (const GDate    *date);
/* The date of @factor, the one of its possible dates (before and after
 * the 2025 reset, and later resets) nearest to @reference (usually today).
 * FALSE for 0..999 and above 9999. */
gboolean  san_boleto_code_factor_to_date (guint           factor,
                                          const GDate    *reference,
                                          GDate          *out_date);

/* The name of a bank by its 3-digit FEBRABAN/COMPE code ("001" -> "Banco do
 * Brasil") for the banks SAN deals with; NULL for others. Not translated. */
const char *san_boleto_code_bank_name    (const char     *bank_code);

/* The check-digit algorithms (exposed for tests) on @length digits (-1: up
 * to the NUL). mod 10: weights 2, 1, 2, ... from the right, a product's
 * digits summed, (10 - sum % 10) % 10. */
guint     san_boleto_code_mod10          (const char     *digits,
                                          gssize          length);
/* The barcode's general digit: mod 11 with weights 2..9, results 0, 10, 11 -> 1 */
guint     san_boleto_code_mod11_barcode  (const char     *digits,
                                          gssize          length);

G_END_DECLS
