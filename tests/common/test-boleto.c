/* test-boleto.c: FEBRABAN boleto barcodes and linhas digitáveis, the due-date factor
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "san-boleto-code.h"
#include "san-common-error.h"

/* Published vectors.
 *
 * [BU] github.com/mrmgomes/boleto-utils, test/test.js (the npm package
 *      @mrmgomes/boleto-utils): a Caixa boleto of R$ 214,03 due 2022-05-10,
 *      a Bradesco credit-card boleto with no amount and no due date, convênio
 *      codes (energy and segment 5, value kind 8, mod 11; segment 4, value
 *      kind 6, mod 10).
 * [TV] github.com/Tagliatti/Boleto-Validator-PHP, README.md: two convênio
 *      linhas and a bank linha as printed.
 * [FF] FEBRABAN, "Manual Operacional do Fator de Vencimento da Cobrança
 *      Bancária", versão 01 (2012): the factor table 1000 = 03/07/2000,
 *      1001 = 04/07/2000, 5316 = 27/04/2012, 9998 = 20/02/2025,
 *      9999 = 21/02/2025 (the limit); FEBRABAN's 2025 rule (as its notices
 *      were reported): the factor restarts at 1000 on 22/02/2025. */
#define BU_CAIXA_BARCODE   "10499898100000214032006561000100040099726390"
#define BU_CAIXA_LINHA     "10492006506100010004200997263900989810000021403"
#define BU_CARD_BARCODE    "23797000000000000004150090019801673500021140"
#define BU_CARD_LINHA      "23794150099001980167035000211405700000000000000"
#define BU_ENERGY_BARCODE  "83860000005096000190000008017823000034306271"
#define BU_ENERGY_LINHA    "838600000050096000190009000801782309000343062712"
#define BU_MOD11_BARCODE   "85820000000572503282035607082021053959190446"
#define BU_MOD11_LINHA     "858200000007572503282030560708202107539591904460"
#define BU_SEG4_BARCODE    "84630000000299902962020041013600000200644114"
#define BU_SEG4_LINHA      "846300000003299902962024004101360008002006441147"
#define TV_CONVENIO_1      "83640000001-1 33120138000-2 81288462711-6 08013618155-1"
#define TV_CONVENIO_2      "85890000460-9 52460179160-5 60759305086-5 83148300001-0"
#define TV_BANK            "42297.11504 00001.954411 60020.034520 2 68610000054659"

static void
set_date (GDate *date,
          int    year,
          int    month,
          int    day)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static void
assert_date (const GDate *date,
             int          year,
             int          month,
             int          day)
{
  g_assert_true (g_date_valid (date));
  g_assert_cmpint (g_date_get_year (date), ==, year);
  g_assert_cmpint (g_date_get_month (date), ==, month);
  g_assert_cmpint (g_date_get_day (date), ==, day);
}

/* Parses @text as of @reference (or 2022-01-01), expecting success */
static void
parse_ok (const char    *text,
          SanBoletoCode *code)
{
  g_autoptr(GError) error = NULL;
  const char *failed = "unset";
  GDate reference;

  set_date (&reference, 2022, 1, 1);
  g_assert_true (san_boleto_code_parse_at (text, &reference, code, &failed, &error));
  g_assert_no_error (error);
  g_assert_null (failed);
}

static void
parse_fails (const char *text,
             const char *expected_check)
{
  g_autoptr(GError) error = NULL;
  const char *failed = NULL;
  SanBoletoCode code;

  g_test_message ("expecting %s from %s", expected_check, text);
  g_assert_false (san_boleto_code_parse (text, &code, &failed, &error));
  g_assert_error (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID);
  g_assert_cmpstr (failed, ==, expected_check);
  g_assert_cmpstr (error->message, !=, "");
}

/* [BU]: the Caixa boleto, from its barcode and from its linha */
static void
test_parse_bank (void)
{
  SanBoletoCode from_barcode;
  SanBoletoCode from_linha;

  parse_ok (BU_CAIXA_BARCODE, &from_barcode);
  g_assert_cmpint (from_barcode.kind, ==, SAN_BOLETO_KIND_BANK);
  g_assert_cmpstr (from_barcode.barcode, ==, BU_CAIXA_BARCODE);
  g_assert_cmpstr (from_barcode.linha, ==, BU_CAIXA_LINHA);
  g_assert_cmpstr (from_barcode.bank_code, ==, "104");
  g_assert_cmpint (from_barcode.currency, ==, '9');
  g_assert_cmpint (from_barcode.amount_cents, ==, 21403);
  assert_date (&from_barcode.due_date, 2022, 5, 10);
  g_assert_cmpstr (from_barcode.free_field, ==, "2006561000100040099726390");

  parse_ok (BU_CAIXA_LINHA, &from_linha);
  g_assert_cmpint (from_linha.kind, ==, SAN_BOLETO_KIND_BANK);
  g_assert_cmpstr (from_linha.barcode, ==, BU_CAIXA_BARCODE);
  g_assert_cmpstr (from_linha.linha, ==, BU_CAIXA_LINHA);
  g_assert_cmpint (from_linha.amount_cents, ==, 21403);
  assert_date (&from_linha.due_date, 2022, 5, 10);

  /* [TV]: the printed form, dots and spaces; bank 422, R$ 546,59, factor 6861 */
  parse_ok (TV_BANK, &from_linha);
  g_assert_cmpstr (from_linha.bank_code, ==, "422");
  g_assert_cmpint (from_linha.amount_cents, ==, 54659);
  assert_date (&from_linha.due_date, 2016, 7, 20);
  g_assert_cmpstr (from_linha.linha, ==, "42297115040000195441160020034520268610000054659");
}

/* [BU]: factor 0000 and amount 0: a boleto with neither */
static void
test_parse_bank_no_due_date (void)
{
  SanBoletoCode code;

  parse_ok (BU_CARD_LINHA, &code);
  g_assert_cmpstr (code.barcode, ==, BU_CARD_BARCODE);
  g_assert_cmpstr (code.bank_code, ==, "237");
  g_assert_cmpint (code.amount_cents, ==, 0);
  g_assert_false (g_date_valid (&code.due_date));

  parse_ok (BU_CARD_BARCODE, &code);
  g_assert_cmpstr (code.linha, ==, BU_CARD_LINHA);
}

/* [BU] and [TV]: convênio codes, mod 11 (value kind 8: 8386..., 8582...,
 * 8589...) and mod 10 (value kind 6: 8463..., 8364...) */
static void
test_parse_collection (void)
{
  SanBoletoCode code;

  parse_ok (BU_ENERGY_BARCODE, &code);
  g_assert_cmpint (code.kind, ==, SAN_BOLETO_KIND_COLLECTION);
  g_assert_cmpstr (code.linha, ==, BU_ENERGY_LINHA);
  g_assert_cmpint (code.segment, ==, '3');
  g_assert_cmpint (code.value_kind, ==, '8');
  g_assert_cmpint (code.amount_cents, ==, 50960);
  g_assert_cmpstr (code.company, ==, "0019");

  parse_ok (BU_ENERGY_LINHA, &code);
  g_assert_cmpstr (code.barcode, ==, BU_ENERGY_BARCODE);

  parse_ok (BU_MOD11_BARCODE, &code);
  g_assert_cmpint (code.value_kind, ==, '8');
  g_assert_cmpint (code.segment, ==, '5');
  g_assert_cmpstr (code.linha, ==, BU_MOD11_LINHA);
  g_assert_cmpint (code.amount_cents, ==, 5725);

  parse_ok (BU_SEG4_LINHA, &code);
  g_assert_cmpstr (code.barcode, ==, BU_SEG4_BARCODE);
  g_assert_cmpint (code.segment, ==, '4');
  g_assert_cmpint (code.value_kind, ==, '6');
  g_assert_cmpint (code.amount_cents, ==, 2999);

  parse_ok (TV_CONVENIO_1, &code);
  g_assert_cmpint (code.value_kind, ==, '6');
  g_assert_cmpstr (code.linha, ==, "836400000011331201380002812884627116080136181551");
  g_assert_cmpint (code.amount_cents, ==, 13312);

  parse_ok (TV_CONVENIO_2, &code);
  g_assert_cmpint (code.value_kind, ==, '8');
  g_assert_cmpint (code.amount_cents, ==, 4605246);
  g_assert_false (g_date_valid (&code.due_date));
}

static void
test_parse_invalid (void)
{
  /* Characters other than digits and punctuation */
  parse_fails ("10499898100000214032006561000100040099726X90", SAN_BOLETO_CHECK_CHARACTERS);
  parse_fails ("1049989810000021403200656100010004009972639/", SAN_BOLETO_CHECK_CHARACTERS);
  /* Lengths: one digit short, one too many, 46, empty */
  parse_fails ("1049989810000021403200656100010004009972639", SAN_BOLETO_CHECK_LENGTH);
  parse_fails (BU_CAIXA_BARCODE "0", SAN_BOLETO_CHECK_LENGTH);
  parse_fails ("1049200650610001000420099726390098981000002140", SAN_BOLETO_CHECK_LENGTH);
  parse_fails ("", SAN_BOLETO_CHECK_LENGTH);
  /* [BU] linha with field 1's, 2's and 3's check digit changed */
  parse_fails ("10492006516100010004200997263900989810000021403", SAN_BOLETO_CHECK_FIELD_DV);
  parse_fails ("10492006506100010004300997263900989810000021403", SAN_BOLETO_CHECK_FIELD_DV);
  parse_fails ("10492006506100010004200997263910989810000021403", SAN_BOLETO_CHECK_FIELD_DV);
  /* The general digit (field 4) changed; the amount changed (R$ 214,04) */
  parse_fails ("10492006506100010004200997263900889810000021403", SAN_BOLETO_CHECK_GENERAL_DV);
  parse_fails ("10492006506100010004200997263900989810000021404", SAN_BOLETO_CHECK_GENERAL_DV);
  /* The barcode's general digit, and two digits swapped */
  parse_fails ("10498898100000214032006561000100040099726390", SAN_BOLETO_CHECK_GENERAL_DV);
  parse_fails ("10499898100000241032006561000100040099726390", SAN_BOLETO_CHECK_GENERAL_DV);
  /* Currency 8 instead of 9 */
  parse_fails ("10489898100000214032006561000100040099726390", SAN_BOLETO_CHECK_CURRENCY);
  parse_fails ("10482006506100010004200997263900989810000021403", SAN_BOLETO_CHECK_CURRENCY);
  /* 48 digits not starting with 8; value kind 5 */
  parse_fails ("038600000050096000190009000801782309000343062712", SAN_BOLETO_CHECK_PRODUCT);
  parse_fails ("835600000050096000190009000801782309000343062712", SAN_BOLETO_CHECK_PRODUCT);
  parse_fails ("83560000005096000190000008017823000034306271", SAN_BOLETO_CHECK_PRODUCT);
  /* [TV] convênio with block 1's and block 4's digit changed */
  parse_fails ("83640000001-2 33120138000-2 81288462711-6 08013618155-1", SAN_BOLETO_CHECK_FIELD_DV);
  parse_fails ("85890000460-9 52460179160-5 60759305086-5 83148300001-1", SAN_BOLETO_CHECK_FIELD_DV);
  /* [BU] convênio barcode with its general digit changed, and with the amount changed */
  parse_fails ("83870000005096000190000008017823000034306271", SAN_BOLETO_CHECK_GENERAL_DV);
  parse_fails ("83860000005097000190000008017823000034306271", SAN_BOLETO_CHECK_GENERAL_DV);
  parse_fails ("85830000000572503282035607082021053959190446", SAN_BOLETO_CHECK_GENERAL_DV);
}

/* The check-digit routines on the fields of the [BU] Caixa linha */
static void
test_check_digits (void)
{
  g_assert_cmpuint (san_boleto_code_mod10 ("104920065", -1), ==, 0);
  g_assert_cmpuint (san_boleto_code_mod10 ("6100010004", -1), ==, 2);
  g_assert_cmpuint (san_boleto_code_mod10 ("0099726390", -1), ==, 0);
  g_assert_cmpuint (san_boleto_code_mod10 ("0099726390999", 10), ==, 0);
  /* The barcode without its general digit (position 5) */
  g_assert_cmpuint (san_boleto_code_mod11_barcode ("1049898100000214032006561000100040099726390", -1), ==, 9);
  /* [TV] bank boleto: general digit 2 */
  g_assert_cmpuint (san_boleto_code_mod11_barcode ("4229686100000546597115000001954416002003452", -1), ==, 2);
  /* Remainders 0 and 1 (results 11 and 10) give 1: "0" alone sums to 0 */
  g_assert_cmpuint (san_boleto_code_mod11_barcode ("0", -1), ==, 1);
  /* 5 * 2 = 10, remainder 10, 11 - 10 = 1 */
  g_assert_cmpuint (san_boleto_code_mod11_barcode ("5", -1), ==, 1);
  /* 9 * 2 = 18, remainder 7, 11 - 7 = 4 */
  g_assert_cmpuint (san_boleto_code_mod11_barcode ("9", -1), ==, 4);
}

/* [FF]: the factor table, and the 2025 restart at 1000 */
static void
test_factor_table (void)
{
  static const struct { int y, m, d; guint factor; } table[] = {
    { 2000, 7, 3, 1000 },
    { 2000, 7, 4, 1001 },
    { 2012, 4, 27, 5316 },
    { 2025, 2, 20, 9998 },
    { 2025, 2, 21, 9999 },
    /* From here on the restarted factor */
    { 2025, 2, 22, 1000 },
    { 2025, 2, 23, 1001 },
    /* [BU] Caixa boleto */
    { 2022, 5, 10, 8981 },
    /* 9000 days later the factor restarts again (counted, not published) */
    { 2049, 10, 13, 9999 },
    { 2049, 10, 14, 1000 },
  };
  GDate date;

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      set_date (&date, table[i].y, table[i].m, table[i].d);
      g_assert_cmpuint (san_boleto_code_due_factor (&date), ==, table[i].factor);
    }

  /* Before factor 1000 (and the base date itself): no factor */
  set_date (&date, 2000, 7, 2);
  g_assert_cmpuint (san_boleto_code_due_factor (&date), ==, 0);
  set_date (&date, 1997, 10, 7);
  g_assert_cmpuint (san_boleto_code_due_factor (&date), ==, 0);
  g_date_clear (&date, 1);
  g_assert_cmpuint (san_boleto_code_due_factor (&date), ==, 0);
}

/* A factor names a date in each cycle: the one nearest the reference wins */
static void
test_factor_to_date (void)
{
  GDate reference;
  GDate date;

  /* Just before the reset a boleto due "1000" is due the next day */
  set_date (&reference, 2025, 2, 20);
  g_assert_true (san_boleto_code_factor_to_date (1000, &reference, &date));
  assert_date (&date, 2025, 2, 22);
  g_assert_true (san_boleto_code_factor_to_date (9999, &reference, &date));
  assert_date (&date, 2025, 2, 21);
  g_assert_true (san_boleto_code_factor_to_date (9998, &reference, &date));
  assert_date (&date, 2025, 2, 20);

  /* In 2026, 9999 is still 2025-02-21 (a late boleto), 1000 the restart */
  set_date (&reference, 2026, 11, 1);
  g_assert_true (san_boleto_code_factor_to_date (9999, &reference, &date));
  assert_date (&date, 2025, 2, 21);
  g_assert_true (san_boleto_code_factor_to_date (1000, &reference, &date));
  assert_date (&date, 2025, 2, 22);
  /* [BU]'s factor 8981: 2022-05-10, not its date in the new cycle */
  g_assert_true (san_boleto_code_factor_to_date (8981, &reference, &date));
  assert_date (&date, 2022, 5, 10);

  /* Long before the reset there is only the first cycle */
  set_date (&reference, 2005, 1, 1);
  g_assert_true (san_boleto_code_factor_to_date (1000, &reference, &date));
  assert_date (&date, 2000, 7, 3);
  g_assert_true (san_boleto_code_factor_to_date (5316, &reference, &date));
  assert_date (&date, 2012, 4, 27);

  /* In 2045, 8981 is in the second cycle: 9000 days after 2022-05-10 */
  set_date (&reference, 2045, 1, 1);
  g_assert_true (san_boleto_code_factor_to_date (8981, &reference, &date));
  g_assert_cmpuint (san_boleto_code_due_factor (&date), ==, 8981);
  assert_date (&date, 2046, 12, 30);

  g_assert_false (san_boleto_code_factor_to_date (0, &reference, &date));
  g_assert_false (san_boleto_code_factor_to_date (999, &reference, &date));
  g_assert_false (san_boleto_code_factor_to_date (10000, &reference, &date));
}

/* The same code read before and after the reset: the due date follows the reference */
static void
test_parse_factor_reset (void)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  SanBoletoCode code;
  GDate due;
  GDate reference;

  set_date (&due, 2025, 2, 21);
  before = san_boleto_code_build_barcode ("001", 10000, &due, "0000003128557000000001218", NULL);
  set_date (&due, 2025, 2, 22);
  after = san_boleto_code_build_barcode ("001", 10000, &due, "0000003128557000000001218", NULL);
  g_assert_nonnull (before);
  g_assert_nonnull (after);
  /* Positions 6-9: the factor */
  g_assert_cmpmem (before + 5, 4, "9999", 4);
  g_assert_cmpmem (after + 5, 4, "1000", 4);

  set_date (&reference, 2025, 2, 18);
  g_assert_true (san_boleto_code_parse_at (before, &reference, &code, NULL, NULL));
  assert_date (&code.due_date, 2025, 2, 21);
  g_assert_true (san_boleto_code_parse_at (after, &reference, &code, NULL, NULL));
  assert_date (&code.due_date, 2025, 2, 22);

  set_date (&reference, 2026, 12, 2);
  g_assert_true (san_boleto_code_parse_at (code.linha, &reference, &code, NULL, NULL));
  assert_date (&code.due_date, 2025, 2, 22);
}

/* Build, then read back, through both forms */
static void
test_build_round_trip (void)
{
  static const struct { const char *bank; gint64 amount; int y, m, d; const char *free_field; } cases[] = {
    { "001", 12990, 2026, 11, 10, "0000003128557000000001218" },
    { "341", 1, 2025, 2, 21, "1090000000000000000000000" },
    { "237", 9999999999, 2025, 2, 22, "9999999999999999999999999" },
    { "104", 0, 2000, 7, 3, "0000000000000000000000000" },
    { "033", 21403, 2049, 10, 14, "1234567890123456789012345" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *barcode = NULL;
      g_autofree char *linha = NULL;
      g_autofree char *back = NULL;
      SanBoletoCode code;
      GDate due;

      set_date (&due, cases[i].y, cases[i].m, cases[i].d);
      barcode = san_boleto_code_build_barcode (cases[i].bank, cases[i].amount, &due,
                                               cases[i].free_field, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (strlen (barcode), ==, 44);

      g_assert_true (san_boleto_code_parse_at (barcode, &due, &code, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (code.bank_code, ==, cases[i].bank);
      g_assert_cmpint (code.amount_cents, ==, cases[i].amount);
      g_assert_cmpstr (code.free_field, ==, cases[i].free_field);
      assert_date (&code.due_date, cases[i].y, cases[i].m, cases[i].d);

      linha = san_boleto_code_barcode_to_linha (barcode, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (strlen (linha), ==, 47);
      g_assert_cmpstr (linha, ==, code.linha);
      back = san_boleto_code_linha_to_barcode (linha, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (back, ==, barcode);
    }
}

/* [BU]: the conversions of published codes, both ways */
static void
test_convert_published (void)
{
  static const char *pairs[][2] = {
    { BU_CAIXA_BARCODE, BU_CAIXA_LINHA },
    { BU_CARD_BARCODE, BU_CARD_LINHA },
    { BU_ENERGY_BARCODE, BU_ENERGY_LINHA },
    { BU_MOD11_BARCODE, BU_MOD11_LINHA },
    { BU_SEG4_BARCODE, BU_SEG4_LINHA },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autofree char *linha = san_boleto_code_barcode_to_linha (pairs[i][0], NULL);
      g_autofree char *barcode = san_boleto_code_linha_to_barcode (pairs[i][1], NULL);

      g_assert_cmpstr (linha, ==, pairs[i][1]);
      g_assert_cmpstr (barcode, ==, pairs[i][0]);
    }
}

static void
test_convert_invalid (void)
{
  g_autoptr(GError) error = NULL;
  char *out;

  /* The wrong form for each direction */
  out = san_boleto_code_barcode_to_linha (BU_CAIXA_LINHA, &error);
  g_assert_null (out);
  g_assert_error (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID);
  g_clear_error (&error);

  out = san_boleto_code_linha_to_barcode (BU_CAIXA_BARCODE, &error);
  g_assert_null (out);
  g_assert_error (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID);
  g_clear_error (&error);

  /* A wrong check digit is not converted */
  out = san_boleto_code_barcode_to_linha ("10498898100000214032006561000100040099726390", &error);
  g_assert_null (out);
  g_assert_error (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID);
  g_clear_error (&error);

  out = san_boleto_code_linha_to_barcode ("10492006516100010004200997263900989810000021403", &error);
  g_assert_null (out);
  g_assert_error (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID);
}

static void
test_build_invalid (void)
{
  static const char *free_field = "0000003128557000000001218";
  g_autoptr(GError) error = NULL;
  g_autofree char *no_due = NULL;
  GDate due;
  GDate early;
  SanBoletoCode code;

  set_date (&due, 2026, 11, 10);
  set_date (&early, 2000, 7, 2);

  g_assert_null (san_boleto_code_build_barcode ("01", 100, &due, free_field, &error));
  g_assert_error (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (san_boleto_code_build_barcode ("0a1", 100, &due, free_field, &error));
  g_assert_error (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (san_boleto_code_build_barcode ("001", -1, &due, free_field, &error));
  g_assert_error (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (san_boleto_code_build_barcode ("001", G_GINT64_CONSTANT (10000000000), &due, free_field, &error));
  g_assert_error (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (san_boleto_code_build_barcode ("001", 100, &early, free_field, &error));
  g_assert_error (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (san_boleto_code_build_barcode ("001", 100, &due, "000000312855700000000121", &error));
  g_assert_error (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (san_boleto_code_build_barcode ("001", 100, &due, "000000312855700000000121x", &error));
  g_assert_error (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID);
  g_clear_error (&error);

  /* No due date: factor 0000 */
  no_due = san_boleto_code_build_barcode ("001", 100, NULL, free_field, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (no_due + 5, 4, "0000", 4);
  g_assert_true (san_boleto_code_parse (no_due, &code, NULL, NULL));
  g_assert_false (g_date_valid (&code.due_date));
}

/* [TV]: the groups as printed on boletos and convênio bills */
static void
test_format_linha (void)
{
  g_autofree char *bank = san_boleto_code_format_linha ("42297115040000195441160020034520268610000054659");
  g_autofree char *convenio = san_boleto_code_format_linha ("836400000011331201380002812884627116080136181551");
  g_autofree char *again = san_boleto_code_format_linha (TV_BANK);
  g_autofree char *barcode = san_boleto_code_format_linha (BU_CAIXA_BARCODE);

  g_assert_cmpstr (bank, ==, TV_BANK);
  g_assert_cmpstr (convenio, ==, TV_CONVENIO_1);
  g_assert_cmpstr (again, ==, TV_BANK);
  g_assert_null (barcode);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/common/boleto/parse/bank", test_parse_bank);
  g_test_add_func ("/common/boleto/parse/bank-no-due-date", test_parse_bank_no_due_date);
  g_test_add_func ("/common/boleto/parse/collection", test_parse_collection);
  g_test_add_func ("/common/boleto/parse/invalid-says-which-check", test_parse_invalid);
  g_test_add_func ("/common/boleto/check-digits", test_check_digits);
  g_test_add_func ("/common/boleto/factor/table-and-2025-reset", test_factor_table);
  g_test_add_func ("/common/boleto/factor/date-nearest-reference", test_factor_to_date);
  g_test_add_func ("/common/boleto/factor/parse-across-reset", test_parse_factor_reset);
  g_test_add_func ("/common/boleto/build/round-trip", test_build_round_trip);
  g_test_add_func ("/common/boleto/build/invalid-input", test_build_invalid);
  g_test_add_func ("/common/boleto/convert/published", test_convert_published);
  g_test_add_func ("/common/boleto/convert/invalid", test_convert_invalid);
  g_test_add_func ("/common/boleto/format-linha", test_format_linha);

  return g_test_run ();
}
