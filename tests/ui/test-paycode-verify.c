/* test-paycode-verify.c: a boleto or PIX code is shown only when it is a
 * valid code for the invoice's amount, due date and bank (or PIX key and
 * txid); anything else is withheld with a sentence that says what differs
 *
 * The models are built from wire JSON, as the client builds them from the
 * server's answers; the codes are made with src/common's builders and then
 * tampered with.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>

#include "san-boleto-code.h"
#include "san-boleto-private.h"
#include "san-date.h"
#include "san-invoice-private.h"
#include "san-paycode-verify.h"
#include "san-pix-charge-private.h"
#include "san-pix-code.h"

#define FREE_FIELD "0000003128557000000001218"
#define PIX_KEY    "financeiro@saninternet.com.br"
#define TXID       "SAN12A7F3K9Q2M"

static JsonObject *
parse_object (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static SanInvoice *
make_invoice (const char *id,
              gint64      total_cents,
              const char *due_date)
{
  g_autofree char *json = g_strdup_printf (
    "{\"id\": \"%s\", \"contract_id\": \"3\", \"number\": \"2026-000123\","
    " \"status\": \"unpaid\", \"overdue\": true, \"issue_date\": \"2026-11-01\","
    " \"due_date\": \"%s\", \"total_cents\": %" G_GINT64_FORMAT ","
    " \"payment_method\": \"boleto\", \"paid_at\": null, \"paid_with\": null,"
    " \"items\": [{\"description\": \"Hospedagem Linux Plano M\", \"service_id\": \"5\", \"service_kind\": \"shared\","
    " \"amount_cents\": %" G_GINT64_FORMAT "}]}",
    id, due_date, total_cents, total_cents);
  g_autoptr(JsonObject) object = parse_object (json);
  g_autoptr(GError) error = NULL;
  SanInvoice *invoice = san_invoice_new_from_json (object, &error);

  g_assert_no_error (error);
  return invoice;
}

/* A valid barcode for these fields */
static char *
make_barcode (const char *bank_code,
              gint64      amount_cents,
              const char *due_date)
{
  g_autoptr(GError) error = NULL;
  GDate due;
  char *barcode;

  g_assert_true (san_date_parse_iso (due_date, &due));
  barcode = san_boleto_code_build_barcode (bank_code, amount_cents, &due, FREE_FIELD, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (barcode), ==, 44);
  return barcode;
}

static char *
linha_of (const char *barcode)
{
  g_autoptr(GError) error = NULL;
  char *linha = san_boleto_code_barcode_to_linha (barcode, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (strlen (linha), ==, 47);
  return linha;
}

typedef struct
{
  const char *invoice_id;
  const char *bank_code;
  const char *barcode;
  const char *linha;
  const char *due_date;
  gint64      amount_cents;
  /* a 2ª via when original_due_date is set */
  const char *original_due_date;
  gint64      original_amount_cents;
  gint64      fine_cents;
  gint64      interest_cents;
  guint       days_late;
} BoletoFields;

static SanBoleto *
make_boleto (const BoletoFields *f)
{
  g_autofree char *second_copy = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GError) error = NULL;
  SanBoleto *boleto;

  if (f->original_due_date != NULL)
    second_copy = g_strdup_printf ("{\"original_due_date\": \"%s\", \"original_amount_cents\": %"
                                   G_GINT64_FORMAT ", \"fine_cents\": %" G_GINT64_FORMAT
                                   ", \"interest_cents\": %" G_GINT64_FORMAT
                                   ", \"days_late\": %u}",
                                   f->original_due_date, f->original_amount_cents,
                                   f->fine_cents, f->interest_cents, f->days_late);
  json = g_strdup_printf ("{\"invoice_id\": \"%s\", \"bank_code\": \"%s\","
                          " \"bank_name\": \"Banco do Brasil\", \"barcode\": \"%s\","
                          " \"linha_digitavel\": \"%s\", \"due_date\": \"%s\","
                          " \"amount_cents\": %" G_GINT64_FORMAT ","
                          " \"beneficiary\": \"SAN Internet Ltda\","
                          " \"beneficiary_document\": \"12.345.678/0001-95\","
                          " \"payer\": \"Padaria Pão Quente Ltda\","
                          " \"payer_document\": \"27.451.938/0001-84\","
                          " \"second_copy\": %s}",
                          f->invoice_id, f->bank_code, f->barcode, f->linha, f->due_date,
                          f->amount_cents, second_copy != NULL ? second_copy : "null");
  object = parse_object (json);
  boleto = san_boleto_new_from_json (object, &error);
  g_assert_no_error (error);
  return boleto;
}

/* The checks fail with @code and the message holds each of @needles */
static void
assert_fails (gboolean      ok,
              GError       *error,
              int           code,
              const char   *needle,
              const char   *needle2)
{
  g_assert_false (ok);
  g_assert_error (error, SAN_PAYCODE_ERROR, code);
  g_test_message ("%s", error->message);
  if (needle != NULL && strstr (error->message, needle) == NULL)
    g_error ("“%s” does not say “%s”", error->message, needle);
  if (needle2 != NULL && strstr (error->message, needle2) == NULL)
    g_error ("“%s” does not say “%s”", error->message, needle2);
}

/* /paycode/boleto/matching-is-shown */
static void
test_boleto_valid (void)
{
  g_autoptr(SanInvoice) invoice = make_invoice ("12", 12990, "2026-11-10");
  g_autofree char *barcode = make_barcode ("001", 12990, "2026-11-10");
  g_autofree char *linha = linha_of (barcode);
  BoletoFields f = { "12", "001", barcode, linha, "2026-11-10", 12990 };
  g_autoptr(SanBoleto) boleto = make_boleto (&f);
  g_autoptr(GError) error = NULL;

  g_assert_true (san_paycode_verify_boleto (boleto, invoice, &error));
  g_assert_no_error (error);
}

/* /paycode/boleto/amount-differs-from-invoice */
static void
test_boleto_amount_not_invoice (void)
{
  /* A consistent boleto and code, for a different amount than the invoice */
  g_autoptr(SanInvoice) invoice = make_invoice ("12", 12990, "2026-11-10");
  g_autofree char *barcode = make_barcode ("001", 19990, "2026-11-10");
  g_autofree char *linha = linha_of (barcode);
  BoletoFields f = { "12", "001", barcode, linha, "2026-11-10", 19990 };
  g_autoptr(SanBoleto) boleto = make_boleto (&f);
  g_autoptr(GError) error = NULL;
  gboolean ok = san_paycode_verify_boleto (boleto, invoice, &error);

  assert_fails (ok, error, SAN_PAYCODE_ERROR_MISMATCH, "R$\xc2\xa0" "199,90", "R$\xc2\xa0" "129,90");
}

/* /paycode/boleto/code-differs-from-fields */
static void
test_boleto_code_not_fields (void)
{
  /* The fields say the invoice's amount; the code charges more */
  g_autoptr(SanInvoice) invoice = make_invoice ("12", 12990, "2026-11-10");
  g_autofree char *barcode = make_barcode ("001", 99990, "2026-11-10");
  g_autofree char *linha = linha_of (barcode);
  BoletoFields f = { "12", "001", barcode, linha, "2026-11-10", 12990 };
  g_autoptr(SanBoleto) boleto = make_boleto (&f);
  g_autoptr(GError) error = NULL;
  gboolean ok = san_paycode_verify_boleto (boleto, invoice, &error);

  assert_fails (ok, error, SAN_PAYCODE_ERROR_MISMATCH, "The code is for R$\xc2\xa0" "999,90", NULL);
}

/* /paycode/boleto/linha-of-another-code */
static void
test_boleto_linha_other_code (void)
{
  g_autoptr(SanInvoice) invoice = make_invoice ("12", 12990, "2026-11-10");
  g_autofree char *barcode = make_barcode ("001", 12990, "2026-11-10");
  g_autofree char *other = make_barcode ("001", 12990, "2026-11-11");
  g_autofree char *linha = linha_of (other);
  BoletoFields f = { "12", "001", barcode, linha, "2026-11-10", 12990 };
  g_autoptr(SanBoleto) boleto = make_boleto (&f);
  g_autoptr(GError) error = NULL;
  gboolean ok = san_paycode_verify_boleto (boleto, invoice, &error);

  assert_fails (ok, error, SAN_PAYCODE_ERROR_MISMATCH, "different codes", NULL);
}

/* /paycode/boleto/bad-check-digit */
static void
test_boleto_bad_check_digit (void)
{
  g_autoptr(SanInvoice) invoice = make_invoice ("12", 12990, "2026-11-10");
  g_autofree char *barcode = make_barcode ("001", 12990, "2026-11-10");
  g_autofree char *linha = linha_of (barcode);
  g_autoptr(SanBoleto) bad_linha = NULL;
  g_autoptr(SanBoleto) bad_barcode = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tampered_linha = g_strdup (linha);
  g_autofree char *tampered_barcode = g_strdup (barcode);
  BoletoFields f = { "12", "001", barcode, tampered_linha, "2026-11-10", 12990 };
  gboolean ok;

  /* One digit of the linha's first field changed: its mod-10 digit fails */
  tampered_linha[5] = tampered_linha[5] == '9' ? '0' : tampered_linha[5] + 1;
  bad_linha = make_boleto (&f);
  ok = san_paycode_verify_boleto (bad_linha, invoice, &error);
  assert_fails (ok, error, SAN_PAYCODE_ERROR_INVALID, "linha digitável", NULL);
  g_clear_error (&error);

  /* One digit of the barcode's free field changed: the general digit fails */
  tampered_barcode[30] = tampered_barcode[30] == '9' ? '0' : tampered_barcode[30] + 1;
  f.barcode = tampered_barcode;
  f.linha = linha;
  bad_barcode = make_boleto (&f);
  ok = san_paycode_verify_boleto (bad_barcode, invoice, &error);
  assert_fails (ok, error, SAN_PAYCODE_ERROR_INVALID, "barcode", NULL);
}

/* /paycode/boleto/due-date-differs */
static void
test_boleto_due_date (void)
{
  /* The fields keep the invoice's due date; the code's factor is later */
  g_autoptr(SanInvoice) invoice = make_invoice ("12", 12990, "2026-11-10");
  g_autofree char *barcode = make_barcode ("001", 12990, "2026-12-10");
  g_autofree char *linha = linha_of (barcode);
  BoletoFields f = { "12", "001", barcode, linha, "2026-11-10", 12990 };
  g_autoptr(SanBoleto) boleto = make_boleto (&f);
  g_autoptr(GError) error = NULL;
  gboolean ok = san_paycode_verify_boleto (boleto, invoice, &error);
  GDate code_due;
  g_autofree char *shown = NULL;

  g_assert_true (san_date_parse_iso ("2026-12-10", &code_due));
  shown = san_date_format (&code_due);
  assert_fails (ok, error, SAN_PAYCODE_ERROR_MISMATCH, "due on", shown);
}

/* /paycode/boleto/other-invoice */
static void
test_boleto_other_invoice (void)
{
  g_autoptr(SanInvoice) invoice = make_invoice ("12", 12990, "2026-11-10");
  g_autofree char *barcode = make_barcode ("001", 12990, "2026-11-10");
  g_autofree char *linha = linha_of (barcode);
  BoletoFields f = { "13", "001", barcode, linha, "2026-11-10", 12990 };
  g_autoptr(SanBoleto) boleto = make_boleto (&f);
  g_autoptr(GError) error = NULL;
  gboolean ok = san_paycode_verify_boleto (boleto, invoice, &error);

  assert_fails (ok, error, SAN_PAYCODE_ERROR_MISMATCH, "another invoice", NULL);
}

/* /paycode/boleto/second-copy */
static void
test_boleto_second_copy (void)
{
  /* 12990 due 2026-11-10, new due date 2026-11-27: 17 days, fine 260,
   * interest round (12990 * 17 / 3000) = 74 */
  g_autoptr(SanInvoice) invoice = make_invoice ("12", 12990, "2026-11-10");
  g_autofree char *barcode = make_barcode ("001", 13324, "2026-11-27");
  g_autofree char *linha = linha_of (barcode);
  BoletoFields f = { "12", "001", barcode, linha, "2026-11-27", 13324,
                     "2026-11-10", 12990, 260, 74, 17 };
  g_autoptr(SanBoleto) boleto = make_boleto (&f);
  g_autoptr(SanBoleto) wrong_origin = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_assert_true (san_paycode_verify_boleto (boleto, invoice, &error));
  g_assert_no_error (error);
  g_assert_cmpint (san_paycode_expected_amount (invoice, boleto), ==, 13324);
  g_assert_cmpint (san_paycode_expected_amount (invoice, NULL), ==, 12990);

  /* A 2ª via that starts from another amount than the invoice's */
  f.original_amount_cents = 12900;
  f.interest_cents = 164;
  wrong_origin = make_boleto (&f);
  ok = san_paycode_verify_boleto (wrong_origin, invoice, &error);
  assert_fails (ok, error, SAN_PAYCODE_ERROR_MISMATCH, "starts from R$\xc2\xa0" "129,00", NULL);
}

/* PIX */

static SanPixCharge *
make_charge (const char *invoice_id,
             const char *txid,
             const char *key,
             gint64      amount_cents,
             const char *brcode)
{
  g_autofree char *json = g_strdup_printf (
    "{\"invoice_id\": \"%s\", \"txid\": \"%s\", \"brcode\": \"%s\","
    " \"amount_cents\": %" G_GINT64_FORMAT ", \"key\": \"%s\","
    " \"merchant_name\": \"SAN INTERNET LTDA\", \"merchant_city\": \"SAO PAULO\","
    " \"created_at\": \"2026-11-24T14:05:00Z\", \"expires_at\": \"2026-11-24T14:35:00Z\","
    " \"status\": \"active\"}",
    invoice_id, txid, brcode, amount_cents, key);
  g_autoptr(JsonObject) object = parse_object (json);
  g_autoptr(GError) error = NULL;
  SanPixCharge *charge = san_pix_charge_new_from_json (object, &error);

  g_assert_no_error (error);
  return charge;
}

static char *
make_brcode (const char *key,
             const char *txid,
             gint64      amount_cents)
{
  char *brcode = san_pix_code_build (key, "SAN INTERNET LTDA", "SAO PAULO", txid,
                                     amount_cents, NULL);
  g_autoptr(SanPixCode) parsed = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (brcode);
  parsed = san_pix_code_parse (brcode, NULL, &error);
  g_assert_no_error (error);
  return brcode;
}

/* /paycode/pix/matching-is-shown */
static void
test_pix_valid (void)
{
  g_autoptr(SanInvoice) invoice = make_invoice ("12", 12990, "2026-11-10");
  g_autofree char *brcode = make_brcode (PIX_KEY, TXID, 12990);
  g_autoptr(SanPixCharge) charge = make_charge ("12", TXID, PIX_KEY, 12990, brcode);
  g_autoptr(GError) error = NULL;

  g_assert_true (san_paycode_verify_pix (charge, invoice, NULL, &error));
  g_assert_no_error (error);
}

/* /paycode/pix/second-copy-amount */
static void
test_pix_second_copy (void)
{
  g_autoptr(SanInvoice) invoice = make_invoice ("12", 12990, "2026-11-10");
  g_autofree char *barcode = make_barcode ("001", 13324, "2026-11-27");
  g_autofree char *linha = linha_of (barcode);
  BoletoFields f = { "12", "001", barcode, linha, "2026-11-27", 13324,
                     "2026-11-10", 12990, 260, 74, 17 };
  g_autoptr(SanBoleto) second_copy = make_boleto (&f);
  g_autofree char *brcode = make_brcode (PIX_KEY, TXID, 13324);
  g_autoptr(SanPixCharge) charge = make_charge ("12", TXID, PIX_KEY, 13324, brcode);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  /* With its 2ª via the invoice is to be paid with the new amount ... */
  g_assert_true (san_paycode_verify_pix (charge, invoice, second_copy, &error));
  g_assert_no_error (error);

  /* ... without it, that is not the invoice's total */
  ok = san_paycode_verify_pix (charge, invoice, NULL, &error);
  assert_fails (ok, error, SAN_PAYCODE_ERROR_MISMATCH, "R$\xc2\xa0" "133,24", "R$\xc2\xa0" "129,90");
}

/* /paycode/pix/amount-differs */
static void
test_pix_amount (void)
{
  g_autoptr(SanInvoice) invoice = make_invoice ("12", 12990, "2026-11-10");
  g_autofree char *brcode = make_brcode (PIX_KEY, TXID, 1);
  g_autoptr(SanPixCharge) charge = make_charge ("12", TXID, PIX_KEY, 12990, brcode);
  g_autoptr(GError) error = NULL;
  gboolean ok = san_paycode_verify_pix (charge, invoice, NULL, &error);

  assert_fails (ok, error, SAN_PAYCODE_ERROR_MISMATCH, "The PIX code is for R$\xc2\xa0" "0,01", NULL);
}

/* /paycode/pix/other-key */
static void
test_pix_key (void)
{
  g_autoptr(SanInvoice) invoice = make_invoice ("12", 12990, "2026-11-10");
  g_autofree char *brcode = make_brcode ("golpe@example.com", TXID, 12990);
  g_autoptr(SanPixCharge) charge = make_charge ("12", TXID, PIX_KEY, 12990, brcode);
  g_autoptr(GError) error = NULL;
  gboolean ok = san_paycode_verify_pix (charge, invoice, NULL, &error);

  assert_fails (ok, error, SAN_PAYCODE_ERROR_MISMATCH, "another key", PIX_KEY);
}

/* /paycode/pix/other-txid */
static void
test_pix_txid (void)
{
  g_autoptr(SanInvoice) invoice = make_invoice ("12", 12990, "2026-11-10");
  g_autofree char *brcode = make_brcode (PIX_KEY, "SANOTHER000001", 12990);
  g_autoptr(SanPixCharge) charge = make_charge ("12", TXID, PIX_KEY, 12990, brcode);
  g_autoptr(GError) error = NULL;
  gboolean ok = san_paycode_verify_pix (charge, invoice, NULL, &error);

  assert_fails (ok, error, SAN_PAYCODE_ERROR_MISMATCH, "txid", NULL);
}

/* /paycode/pix/bad-crc */
static void
test_pix_crc (void)
{
  g_autoptr(SanInvoice) invoice = make_invoice ("12", 12990, "2026-11-10");
  g_autofree char *brcode = make_brcode (PIX_KEY, TXID, 12990);
  g_autoptr(SanPixCharge) charge = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = strlen (brcode);
  gboolean ok;

  /* The last CRC digit changed */
  brcode[len - 1] = brcode[len - 1] == '0' ? '1' : '0';
  charge = make_charge ("12", TXID, PIX_KEY, 12990, brcode);
  ok = san_paycode_verify_pix (charge, invoice, NULL, &error);
  assert_fails (ok, error, SAN_PAYCODE_ERROR_INVALID, "PIX code is not valid", NULL);
}

/* /paycode/pix/other-invoice */
static void
test_pix_other_invoice (void)
{
  g_autoptr(SanInvoice) invoice = make_invoice ("12", 12990, "2026-11-10");
  g_autofree char *brcode = make_brcode (PIX_KEY, TXID, 12990);
  g_autoptr(SanPixCharge) charge = make_charge ("14", TXID, PIX_KEY, 12990, brcode);
  g_autoptr(GError) error = NULL;
  gboolean ok = san_paycode_verify_pix (charge, invoice, NULL, &error);

  assert_fails (ok, error, SAN_PAYCODE_ERROR_MISMATCH, "another invoice", NULL);
}

int
main (int   argc,
      char *argv[])
{
  /* The sentences are checked in English, amounts in reais */
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/paycode/boleto/matching-is-shown", test_boleto_valid);
  g_test_add_func ("/paycode/boleto/amount-differs-from-invoice", test_boleto_amount_not_invoice);
  g_test_add_func ("/paycode/boleto/code-differs-from-fields", test_boleto_code_not_fields);
  g_test_add_func ("/paycode/boleto/linha-of-another-code", test_boleto_linha_other_code);
  g_test_add_func ("/paycode/boleto/bad-check-digit", test_boleto_bad_check_digit);
  g_test_add_func ("/paycode/boleto/due-date-differs", test_boleto_due_date);
  g_test_add_func ("/paycode/boleto/other-invoice", test_boleto_other_invoice);
  g_test_add_func ("/paycode/boleto/second-copy", test_boleto_second_copy);
  g_test_add_func ("/paycode/pix/matching-is-shown", test_pix_valid);
  g_test_add_func ("/paycode/pix/second-copy-amount", test_pix_second_copy);
  g_test_add_func ("/paycode/pix/amount-differs", test_pix_amount);
  g_test_add_func ("/paycode/pix/other-key", test_pix_key);
  g_test_add_func ("/paycode/pix/other-txid", test_pix_txid);
  g_test_add_func ("/paycode/pix/bad-crc", test_pix_crc);
  g_test_add_func ("/paycode/pix/other-invoice", test_pix_other_invoice);

  return g_test_run ();
}
