/* test-pix.c: PIX BR Codes ("copia e cola"): CRC, parsing, building
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "san-common-error.h"
#include "san-pix-code.h"

/* Published payloads:
 * [MP] Banco Central do Brasil, "Manual de Padrões para Iniciação do Pix":
 *      the static example (§2.6.3, random key, no amount, CRC 1D3D), the
 *      dynamic one (§2.7.2, URL pix.example.com/..., CRC 64E4) and the
 *      composite one with an amount of 100.50 and a recurrence template 80
 *      (§2.8.5, CRC 2875).
 * [MB] Banco Central do Brasil, "Manual do BR Code" (v2.0.1, §2.2): a BR Code
 *      with a card template (04), the PIX GUI in upper case, another arranjo
 *      (27), amount 123.45, postal code (61) and txid RP12345678-2019 (CRC
 *      AD38).
 * [CRC] The CRC catalogue's check value of CRC-16/CCITT-FALSE (reveng.sf.net,
 *      "CRC-16/IBM-3740"): "123456789" -> 0x29B1. */
#define MP_STATIC \
  "00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-426655440000" \
  "5204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D"
#define MP_DYNAMIC \
  "00020101021226700014br.gov.bcb.pix2548pix.example.com/8b3da2f39a4140d1a91abd93113bd441" \
  "5204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***630464E4"
#define MP_COMPOSITE \
  "00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-426655440000" \
  "5204000053039865406100.505802BR5913Fulano de Tal6008BRASILIA62070503***" \
  "80740014br.gov.bcb.pix2552pix.example.com/rec/2353c790eefb11eaadc10242ac120002" \
  "63042875"
#define MB_EXAMPLE \
  "00020104141234567890123426580014BR.GOV.BCB.PIX0136123e4567-e12b-12d1-a456-426655440000" \
  "27300012BR.COM.OUTRO011001234567895204000053039865406123.455802BR5917NOME DO RECEBEDOR" \
  "6008BRASILIA61087007490062190515RP12345678-201980390012BR.COM.OUTRO01190123.ABCD.3456.WXYZ" \
  "6304AD38"

/* @body (everything up to and without "6304") with "6304" and its right CRC:
 * for payloads made here to fail one check and pass the CRC */
static char *
with_crc (const char *body)
{
  g_autofree char *data = g_strconcat (body, "6304", NULL);

  return g_strdup_printf ("%s%04X", data, san_pix_code_crc16 (data, strlen (data)));
}

static void
assert_fails (const char *payload,
              const char *expected_check)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanPixCode) code = NULL;
  const char *failed = NULL;

  g_test_message ("expecting %s from %s", expected_check, payload);
  code = san_pix_code_parse (payload, &failed, &error);
  g_assert_null (code);
  g_assert_error (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID);
  g_assert_cmpstr (failed, ==, expected_check);
}

static void
test_crc (void)
{
  /* [CRC] */
  g_assert_cmphex (san_pix_code_crc16 ("123456789", 9), ==, 0x29B1);
  g_assert_cmphex (san_pix_code_crc16 ("", 0), ==, 0xFFFF);
  /* [MP], [MB]: over everything up to and including "6304" */
  g_assert_cmphex (san_pix_code_crc16 (MP_STATIC, strlen (MP_STATIC) - 4), ==, 0x1D3D);
  g_assert_cmphex (san_pix_code_crc16 (MP_DYNAMIC, strlen (MP_DYNAMIC) - 4), ==, 0x64E4);
  g_assert_cmphex (san_pix_code_crc16 (MP_COMPOSITE, strlen (MP_COMPOSITE) - 4), ==, 0x2875);
  g_assert_cmphex (san_pix_code_crc16 (MB_EXAMPLE, strlen (MB_EXAMPLE) - 4), ==, 0xAD38);
}

/* [MP] §2.6.3 */
static void
test_parse_static (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanPixCode) code = NULL;
  g_autoptr(SanPixCode) lower = NULL;
  g_autoptr(SanPixCode) pasted = NULL;
  const char *failed = "unset";

  code = san_pix_code_parse (MP_STATIC, &failed, &error);
  g_assert_no_error (error);
  g_assert_nonnull (code);
  g_assert_null (failed);
  g_assert_cmpstr (code->payload_format, ==, "01");
  g_assert_false (code->dynamic);
  g_assert_cmpstr (code->gui, ==, "br.gov.bcb.pix");
  g_assert_cmpstr (code->key, ==, "123e4567-e12b-12d1-a456-426655440000");
  g_assert_null (code->description);
  g_assert_null (code->url);
  g_assert_cmpstr (code->mcc, ==, "0000");
  g_assert_cmpstr (code->currency, ==, "986");
  g_assert_cmpint (code->amount_cents, ==, -1);
  g_assert_cmpstr (code->country, ==, "BR");
  g_assert_cmpstr (code->merchant_name, ==, "Fulano de Tal");
  g_assert_cmpstr (code->merchant_city, ==, "BRASILIA");
  g_assert_cmpstr (code->txid, ==, "***");
  g_assert_cmpstr (code->crc, ==, "1D3D");

  /* The CRC's hex in lower case; a pasted code with a line break */
  lower = san_pix_code_parse ("00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-426655440000"
                              "5204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041d3d",
                              NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (lower);
  pasted = san_pix_code_parse ("  " MP_STATIC "\n", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pasted);
}

/* [MP] §2.7.2: a URL instead of a key, point of initiation 12 */
static void
test_parse_dynamic (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanPixCode) code = san_pix_code_parse (MP_DYNAMIC, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (code);
  g_assert_true (code->dynamic);
  g_assert_null (code->key);
  g_assert_cmpstr (code->url, ==, "pix.example.com/8b3da2f39a4140d1a91abd93113bd441");
  g_assert_cmpint (code->amount_cents, ==, -1);
}

/* [MP] §2.8.5 and [MB] §2.2: amounts, other templates, upper-case GUI */
static void
test_parse_amount_and_templates (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanPixCode) composite = NULL;
  g_autoptr(SanPixCode) manual = NULL;

  composite = san_pix_code_parse (MP_COMPOSITE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (composite->amount_cents, ==, 10050);
  g_assert_cmpstr (composite->key, ==, "123e4567-e12b-12d1-a456-426655440000");

  manual = san_pix_code_parse (MB_EXAMPLE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (manual->gui, ==, "BR.GOV.BCB.PIX");
  g_assert_cmpstr (manual->key, ==, "123e4567-e12b-12d1-a456-426655440000");
  g_assert_cmpint (manual->amount_cents, ==, 12345);
  g_assert_cmpstr (manual->merchant_name, ==, "NOME DO RECEBEDOR");
  g_assert_cmpstr (manual->txid, ==, "RP12345678-2019");
  g_assert_false (manual->dynamic);
}

static void
test_parse_invalid (void)
{
  g_autofree char *truncated = g_strndup (MP_STATIC, strlen (MP_STATIC) - 8);
  g_autofree char *other_gui = NULL;
  g_autofree char *no_key = NULL;
  g_autofree char *bad_format = NULL;
  g_autofree char *no_name = NULL;
  g_autofree char *dollars = NULL;
  g_autofree char *not_br = NULL;
  g_autofree char *comma = NULL;
  g_autofree char *three_decimals = NULL;
  g_autofree char *zero = NULL;
  g_autofree char *bad_62 = NULL;
  g_autofree char *repeated = NULL;

  /* Not TLV at all, a length running past the end, empty */
  assert_fails ("hello", SAN_PIX_CHECK_STRUCTURE);
  assert_fails ("", SAN_PIX_CHECK_STRUCTURE);
  assert_fails ("00020126990014br.gov.bcb.pix", SAN_PIX_CHECK_STRUCTURE);
  assert_fails ("000201 26580014", SAN_PIX_CHECK_STRUCTURE);

  /* [MP] with one letter of the name changed: the CRC no longer matches */
  assert_fails ("00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-426655440000"
                "5204000053039865802BR5913Fulano de Tel6008BRASILIA62070503***63041D3D",
                SAN_PIX_CHECK_CRC);
  /* [MP] with a wrong CRC, without CRC field, CRC not hex */
  assert_fails ("00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-426655440000"
                "5204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3E",
                SAN_PIX_CHECK_CRC);
  assert_fails (truncated, SAN_PIX_CHECK_CRC);
  assert_fails ("00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-426655440000"
                "5204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3G",
                SAN_PIX_CHECK_CRC);

  /* The right CRC, but not PIX: another arranjo's GUI only */
  other_gui = with_crc ("00020126300012BR.COM.OUTRO011001234567895204000053039865802BR"
                        "5913Fulano de Tal6008BRASILIA62070503***");
  assert_fails (other_gui, SAN_PIX_CHECK_GUI);
  /* The PIX GUI with neither key nor URL */
  no_key = with_crc ("00020126180014br.gov.bcb.pix5204000053039865802BR5913Fulano de Tal"
                     "6008BRASILIA62070503***");
  assert_fails (no_key, SAN_PIX_CHECK_FIELD);
  /* Format indicator 02; no merchant name; US dollars; country US */
  bad_format = with_crc ("00020226580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-426655440000"
                         "5204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***");
  assert_fails (bad_format, SAN_PIX_CHECK_FIELD);
  no_name = with_crc ("00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-426655440000"
                      "5204000053039865802BR6008BRASILIA62070503***");
  assert_fails (no_name, SAN_PIX_CHECK_FIELD);
  dollars = with_crc ("00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-426655440000"
                      "5204000053038405802BR5913Fulano de Tal6008BRASILIA62070503***");
  assert_fails (dollars, SAN_PIX_CHECK_FIELD);
  not_br = with_crc ("00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-426655440000"
                     "5204000053039865802US5913Fulano de Tal6008BRASILIA62070503***");
  assert_fails (not_br, SAN_PIX_CHECK_FIELD);
  /* Amounts: a comma, three decimals, zero */
  comma = with_crc ("00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-426655440000"
                    "5204000053039865406100,505802BR5913Fulano de Tal6008BRASILIA62070503***");
  assert_fails (comma, SAN_PIX_CHECK_AMOUNT);
  three_decimals = with_crc ("00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-426655440000"
                             "52040000530398654051.5005802BR5913Fulano de Tal6008BRASILIA62070503***");
  assert_fails (three_decimals, SAN_PIX_CHECK_AMOUNT);
  zero = with_crc ("00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-426655440000"
                   "52040000530398654040.005802BR5913Fulano de Tal6008BRASILIA62070503***");
  assert_fails (zero, SAN_PIX_CHECK_AMOUNT);
  /* Additional data that is not TLV; a field given twice */
  bad_62 = with_crc ("00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-426655440000"
                     "5204000053039865802BR5913Fulano de Tal6008BRASILIA6203***");
  assert_fails (bad_62, SAN_PIX_CHECK_STRUCTURE);
  repeated = with_crc ("00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-426655440000"
                       "5204000053039865802BR5802BR5913Fulano de Tal6008BRASILIA62070503***");
  assert_fails (repeated, SAN_PIX_CHECK_STRUCTURE);
}

/* The builder writes [MP] §2.6.3 the same way, with the name in upper case
 * (as the Manual recommends): the same fields in the same order */
static void
test_build_manual_example (void)
{
  g_autofree char *built = san_pix_code_build ("123e4567-e12b-12d1-a456-426655440000",
                                               "Fulano de Tal", "Brasília", "***", -1, NULL);
  g_autofree char *expected = with_crc ("00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-426655440000"
                                        "5204000053039865802BR5913FULANO DE TAL6008BRASILIA62070503***");

  g_assert_cmpstr (built, ==, expected);
}

static void
test_build_charge (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanPixCode) code = NULL;
  g_autoptr(SanPixCode) described = NULL;
  g_autofree char *brcode = NULL;
  g_autofree char *with_description = NULL;
  g_autofree char *long_names = NULL;

  brcode = san_pix_code_build ("financeiro@saninternet.com.br", "SAN Internet Ltda", "São Paulo",
                               "SAN12A7F3K9Q2M", 12990, NULL);
  g_assert_true (g_str_has_prefix (brcode, "000201"));
  g_assert_nonnull (strstr (brcode, "0014br.gov.bcb.pix0129financeiro@saninternet.com.br"));
  g_assert_nonnull (strstr (brcode, "5406129.90"));
  g_assert_nonnull (strstr (brcode, "5917SAN INTERNET LTDA6009SAO PAULO"));
  g_assert_nonnull (strstr (brcode, "62180514SAN12A7F3K9Q2M6304"));

  code = san_pix_code_parse (brcode, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (code->key, ==, "financeiro@saninternet.com.br");
  g_assert_cmpint (code->amount_cents, ==, 12990);
  g_assert_cmpstr (code->merchant_name, ==, "SAN INTERNET LTDA");
  g_assert_cmpstr (code->merchant_city, ==, "SAO PAULO");
  g_assert_cmpstr (code->txid, ==, "SAN12A7F3K9Q2M");
  g_assert_false (code->dynamic);

  /* Cents and whole reais */
  g_free (brcode);
  brcode = san_pix_code_build ("+5511999990000", "X", "Y", "A", 5, NULL);
  g_assert_nonnull (strstr (brcode, "54040.05"));
  g_free (brcode);
  brcode = san_pix_code_build ("+5511999990000", "X", "Y", "A", 100000, NULL);
  g_assert_nonnull (strstr (brcode, "54071000.00"));

  /* A description cut to what template 26 has room for, in ASCII */
  with_description = san_pix_code_build ("financeiro@saninternet.com.br", "SAN", "SAO PAULO", "T1", 100,
                                         "Fatura 2026-000123 — serviços de hospedagem, domínio e e-mail corporativo");
  described = san_pix_code_parse (with_description, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (described->description);
  g_assert_true (g_str_has_prefix (described->description, "Fatura 2026-000123 -- servicos"));
  g_assert_cmpuint (18 + 4 + strlen (described->key) + 4 + strlen (described->description), ==, 99);

  /* Name and city cut to 25 and 15 characters */
  long_names = san_pix_code_build ("a@b.co", "Tenda Espírita Caboclo Ubirajara e Pai João",
                                   "São José dos Campos", "A", 100, NULL);
  g_assert_nonnull (strstr (long_names, "5925TENDA ESPIRITA CABOCLO UB6015SAO JOSE DOS CA"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/common/pix/crc16", test_crc);
  g_test_add_func ("/common/pix/parse/static", test_parse_static);
  g_test_add_func ("/common/pix/parse/dynamic", test_parse_dynamic);
  g_test_add_func ("/common/pix/parse/amount-and-other-templates", test_parse_amount_and_templates);
  g_test_add_func ("/common/pix/parse/invalid-says-which-check", test_parse_invalid);
  g_test_add_func ("/common/pix/build/manual-example", test_build_manual_example);
  g_test_add_func ("/common/pix/build/charge-round-trip", test_build_charge);

  return g_test_run ();
}
