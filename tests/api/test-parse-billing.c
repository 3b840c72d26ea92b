/* test-parse-billing.c: billing answers that are not what the API promises,
 * and the requests the billing calls send, against an in-process server
 *
 * Each bad answer must end as the right SAN_API_ERROR: never a crash, never
 * a half-built model, never an answer about another contract or invoice.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "san-api-test.h"
#include "san-fake-server.h"

#define C1            "/api/v1/contracts/c1"
#define INVOICES_PATH C1 "/invoices"
#define INVOICE_PATH  C1 "/invoices/12"
#define PDF_PATH      C1 "/invoices/12/pdf"
#define BOLETO_PATH   C1 "/invoices/12/boleto"
#define PIX_PATH      C1 "/invoices/12/pix"
#define PAYMENTS_PATH C1 "/invoices/12/payments"
#define DEBIT_PATH    C1 "/invoices/12/debit-schedule"
#define TOKENS_PATH   C1 "/card-tokens"
#define CARDS_PATH    C1 "/cards"
#define CARD_PATH     C1 "/cards/4"
#define ACCOUNTS_PATH C1 "/bank-accounts"
#define ACCOUNT_PATH  C1 "/bank-accounts/3"
#define DDA_PATH      C1 "/dda"
#define METHODS_PATH  C1 "/pay-methods"
#define DEFAULT_PATH  C1 "/pay-methods/default"
#define SERVICE_PATH  C1 "/pay-methods/services/5"
#define NOTES_PATH    C1 "/fiscal-notes"
#define NOTE_PATH     C1 "/fiscal-notes/7"
#define NOTE_PDF_PATH C1 "/fiscal-notes/7/pdf"
#define NOTE_XML_PATH C1 "/fiscal-notes/7/xml"
#define ISSUE_PATH    C1 "/fiscal-notes/7/issue"

#define PROBLEM "application/problem+json"

/* Valid answers */

#define ITEM_JSON \
  "{\"description\":\"Hospedagem Linux Plano M - padaria.com.br (01/11/2026 a 30/11/2026)\"," \
  "\"service_id\":\"5\",\"service_kind\":\"shared\",\"amount_cents\":12990}"
#define FEE_JSON \
  "{\"description\":\"Taxa de religação\",\"service_id\":null,\"service_kind\":null,\"amount_cents\":0}"
#define INVOICE_JSON \
  "{\"id\":\"12\",\"contract_id\":\"c1\",\"number\":\"2026-000123\",\"status\":\"unpaid\"," \
  "\"overdue\":true,\"issue_date\":\"2026-11-01\",\"due_date\":\"2026-11-10\",\"total_cents\":12990," \
  "\"payment_method\":\"boleto\",\"paid_at\":null,\"paid_with\":null,\"items\":[" ITEM_JSON "," FEE_JSON "]}"
#define PAID_INVOICE_JSON \
  "{\"id\":\"12\",\"contract_id\":\"c1\",\"number\":\"2026-000123\",\"status\":\"paid\"," \
  "\"overdue\":false,\"issue_date\":\"2026-11-01\",\"due_date\":\"2026-11-10\",\"total_cents\":12990," \
  "\"payment_method\":\"boleto\",\"paid_at\":\"2026-11-05T14:05:00Z\",\"paid_with\":\"pix\",\"items\":[]}"
/* Of another contract */
#define OTHER_INVOICE_JSON \
  "{\"id\":\"13\",\"contract_id\":\"c9\",\"number\":\"2026-000124\",\"status\":\"unpaid\"," \
  "\"overdue\":false,\"issue_date\":\"2026-11-01\",\"due_date\":\"2026-12-10\",\"total_cents\":100," \
  "\"payment_method\":\"pix\",\"paid_at\":null,\"paid_with\":null,\"items\":[]}"
#define BARCODE "00193373700000129900000003128557000000001218"
#define LINHA   "00190000090312855700000000012189337370000012990"
#define BOLETO_JSON \
  "{\"invoice_id\":\"12\",\"bank_code\":\"001\",\"bank_name\":\"Banco do Brasil\"," \
  "\"barcode\":\"" BARCODE "\",\"linha_digitavel\":\"" LINHA "\",\"due_date\":\"2026-11-10\"," \
  "\"amount_cents\":12990,\"beneficiary\":\"SAN Internet Ltda\"," \
  "\"beneficiary_document\":\"12.345.678/0001-95\",\"payer\":\"Padaria Pão Quente Ltda\"," \
  "\"payer_document\":\"27.451.938/0001-84\",\"second_copy\":null}"
#define SECOND_COPY_JSON \
  "{\"invoice_id\":\"12\",\"bank_code\":\"001\",\"bank_name\":\"Banco do Brasil\"," \
  "\"barcode\":\"" BARCODE "\",\"linha_digitavel\":\"" LINHA "\",\"due_date\":\"2026-11-25\"," \
  "\"amount_cents\":13315,\"beneficiary\":\"SAN Internet Ltda\"," \
  "\"beneficiary_document\":\"12.345.678/0001-95\",\"payer\":\"Padaria Pão Quente Ltda\"," \
  "\"payer_document\":\"27.451.938/0001-84\",\"second_copy\":{\"original_due_date\":\"2026-11-10\"," \
  "\"original_amount_cents\":12990,\"fine_cents\":260,\"interest_cents\":65,\"days_late\":15}}"
#define PIX_JSON \
  "{\"invoice_id\":\"12\",\"txid\":\"SAN12A7F3K9Q2M\",\"brcode\":\"000201010212...6304ABCD\"," \
  "\"amount_cents\":12990,\"key\":\"financeiro@saninternet.com.br\"," \
  "\"merchant_name\":\"SAN INTERNET LTDA\",\"merchant_city\":\"SAO PAULO\"," \
  "\"created_at\":\"2026-11-20T14:05:00Z\",\"expires_at\":\"2026-11-20T14:35:00Z\",\"status\":\"active\"}"
#define PAYMENT_JSON \
  "{\"id\":\"9\",\"invoice_id\":\"12\",\"method\":\"card\",\"status\":\"approved\",\"amount_cents\":12990," \
  "\"created_at\":\"2026-11-20T14:05:00Z\",\"card\":{\"brand\":\"visa\",\"last4\":\"1111\"}}"
#define TOKEN_JSON \
  "{\"token\":\"ct_7Hq2\",\"brand\":\"visa\",\"last4\":\"1111\",\"exp_month\":12,\"exp_year\":2030," \
  "\"holder\":\"ANA SOUZA\",\"expires_at\":\"2026-11-20T14:20:00Z\"}"
#define CARD_JSON \
  "{\"id\":\"4\",\"brand\":\"visa\",\"last4\":\"1111\",\"exp_month\":12,\"exp_year\":2030," \
  "\"holder\":\"ANA SOUZA\",\"created_at\":\"2026-11-20T14:05:00Z\"}"
#define ACCOUNT_JSON \
  "{\"id\":\"3\",\"bank_code\":\"341\",\"bank_name\":\"Itaú Unibanco\",\"agency\":\"1234\"," \
  "\"account\":\"12345-6\",\"holder\":\"Ana Souza\",\"holder_document\":\"318.472.659-28\"," \
  "\"created_at\":\"2026-11-20T14:05:00Z\"}"
#define DEBIT_JSON \
  "{\"invoice_id\":\"12\",\"bank_account_id\":\"3\",\"date\":\"2026-11-09\",\"status\":\"scheduled\"," \
  "\"created_at\":\"2026-11-01T10:00:00Z\"}"
#define DDA_JSON \
  "{\"enabled\":true,\"enabled_at\":\"2026-11-20T14:05:00Z\"}"
#define METHODS_JSON \
  "{\"default_method\":\"pix\",\"services\":[{\"service_id\":\"5\"," \
  "\"name\":\"Hospedagem Linux Plano M - padaria.com.br\",\"method\":\"card\"}]}"
#define NOTE_JSON \
  "{\"id\":\"7\",\"invoice_id\":\"12\",\"invoice_number\":\"2026-000123\",\"status\":\"issued\"," \
  "\"number\":\"2026/000123\",\"verification_code\":\"A1B2-C3D4\",\"amount_cents\":12990," \
  "\"description\":\"Serviços de hospedagem - fatura 2026-000123\",\"scheduled_for\":\"2026-11-15\"," \
  "\"issued_at\":\"2026-11-15T09:00:00Z\"}"
#define PENDING_NOTE_JSON \
  "{\"id\":\"7\",\"invoice_id\":\"12\",\"invoice_number\":\"2026-000123\",\"status\":\"pending\"," \
  "\"number\":null,\"verification_code\":null,\"amount_cents\":12990," \
  "\"description\":\"Serviços de hospedagem - fatura 2026-000123\",\"scheduled_for\":\"2026-11-25\"," \
  "\"issued_at\":null}"
#define PDF_BODY "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
#define XML_BODY "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CompNfse><Nfse/></CompNfse>\n"

typedef struct
{
  FakeServer *fake;
  SanClient  *client;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->fake = fake_server_new (NULL);
  f->client = test_client_new (fake_server_get_url (f->fake), NULL);
  test_client_login (f->client, "ana@example.com", FAKE_PASSWORD);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->client);
  fake_server_free (f->fake);
}

static void
assert_date (const GDate *date,
             int          year,
             int          month,
             int          day)
{
  g_assert_nonnull (date);
  g_assert_true (g_date_valid (date));
  g_assert_cmpint (g_date_get_year (date), ==, year);
  g_assert_cmpint (g_date_get_month (date), ==, month);
  g_assert_cmpint (g_date_get_day (date), ==, day);
}

/* Every call, run to its end. The result is freed with *@out_free. */

typedef enum
{
  CALL_LIST_INVOICES,
  CALL_LIST_ALL_INVOICES,
  CALL_GET_INVOICE,
  CALL_INVOICE_PDF,
  CALL_GET_BOLETO,
  CALL_SECOND_COPY,
  CALL_CREATE_PIX,
  CALL_GET_PIX,
  CALL_TOKENIZE_CARD,
  CALL_LIST_CARDS,
  CALL_ADD_CARD,
  CALL_DELETE_CARD,
  CALL_PAY_WITH_CARD,
  CALL_LIST_ACCOUNTS,
  CALL_ADD_ACCOUNT,
  CALL_DELETE_ACCOUNT,
  CALL_GET_DEBIT,
  CALL_SET_DEBIT,
  CALL_CANCEL_DEBIT,
  CALL_GET_DDA,
  CALL_SET_DDA,
  CALL_GET_METHODS,
  CALL_SET_DEFAULT_METHOD,
  CALL_SET_SERVICE_METHOD,
  CALL_LIST_NOTES,
  CALL_LIST_ALL_NOTES,
  CALL_GET_NOTE,
  CALL_NOTE_PDF,
  CALL_NOTE_XML,
  CALL_ISSUE_NOTE,
} CallKind;

/* The method and path each call goes to */
static const struct
{
  const char *method;
  const char *path;
} call_routes[] = {
  [CALL_LIST_INVOICES] = { "GET", INVOICES_PATH },
  [CALL_LIST_ALL_INVOICES] = { "GET", INVOICES_PATH },
  [CALL_GET_INVOICE] = { "GET", INVOICE_PATH },
  [CALL_INVOICE_PDF] = { "GET", PDF_PATH },
  [CALL_GET_BOLETO] = { "GET", BOLETO_PATH },
  [CALL_SECOND_COPY] = { "POST", BOLETO_PATH },
  [CALL_CREATE_PIX] = { "POST", PIX_PATH },
  [CALL_GET_PIX] = { "GET", PIX_PATH },
  [CALL_TOKENIZE_CARD] = { "POST", TOKENS_PATH },
  [CALL_LIST_CARDS] = { "GET", CARDS_PATH },
  [CALL_ADD_CARD] = { "POST", CARDS_PATH },
  [CALL_DELETE_CARD] = { "DELETE", CARD_PATH },
  [CALL_PAY_WITH_CARD] = { "POST", PAYMENTS_PATH },
  [CALL_LIST_ACCOUNTS] = { "GET", ACCOUNTS_PATH },
  [CALL_ADD_ACCOUNT] = { "POST", ACCOUNTS_PATH },
  [CALL_DELETE_ACCOUNT] = { "DELETE", ACCOUNT_PATH },
  [CALL_GET_DEBIT] = { "GET", DEBIT_PATH },
  [CALL_SET_DEBIT] = { "PUT", DEBIT_PATH },
  [CALL_CANCEL_DEBIT] = { "DELETE", DEBIT_PATH },
  [CALL_GET_DDA] = { "GET", DDA_PATH },
  [CALL_SET_DDA] = { "PUT", DDA_PATH },
  [CALL_GET_METHODS] = { "GET", METHODS_PATH },
  [CALL_SET_DEFAULT_METHOD] = { "PUT", DEFAULT_PATH },
  [CALL_SET_SERVICE_METHOD] = { "PUT", SERVICE_PATH },
  [CALL_LIST_NOTES] = { "GET", NOTES_PATH },
  [CALL_LIST_ALL_NOTES] = { "GET", NOTES_PATH },
  [CALL_GET_NOTE] = { "GET", NOTE_PATH },
  [CALL_NOTE_PDF] = { "GET", NOTE_PDF_PATH },
  [CALL_NOTE_XML] = { "GET", NOTE_XML_PATH },
  [CALL_ISSUE_NOTE] = { "POST", ISSUE_PATH },
};

static void
nothing_to_free (gpointer data)
{
}

static gpointer
run_call (Fixture         *f,
          CallKind         kind,
          GDestroyNotify  *out_free,
          GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  SanClient *client = f->client;
  Waiter waiter = { 0 };
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 9, 11, 2026);
  *out_free = g_object_unref;

  switch (kind)
    {
    case CALL_LIST_INVOICES:
      san_client_list_invoices_async (client, "c1", NULL, NULL, NULL, NULL, NULL, 0, NULL, waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_list_invoices_finish (client, result, NULL, NULL, error);
    case CALL_LIST_ALL_INVOICES:
      san_client_list_all_invoices_async (client, "c1", NULL, waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_list_all_invoices_finish (client, result, NULL, NULL, error);
    case CALL_GET_INVOICE:
      san_client_get_invoice_async (client, "c1", "12", NULL, waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_get_invoice_finish (client, result, error);
    case CALL_INVOICE_PDF:
      *out_free = (GDestroyNotify) g_bytes_unref;
      san_client_download_invoice_pdf_async (client, "c1", "12", NULL, waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_download_invoice_pdf_finish (client, result, error);
    case CALL_GET_BOLETO:
      san_client_get_boleto_async (client, "c1", "12", NULL, waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_get_boleto_finish (client, result, error);
    case CALL_SECOND_COPY:
      san_client_request_second_copy_async (client, "c1", "12", NULL, waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_request_second_copy_finish (client, result, error);
    case CALL_CREATE_PIX:
      san_client_create_pix_async (client, "c1", "12", NULL, waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_create_pix_finish (client, result, error);
    case CALL_GET_PIX:
      san_client_get_pix_async (client, "c1", "12", NULL, waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_get_pix_finish (client, result, error);
    case CALL_TOKENIZE_CARD:
      *out_free = g_free;
      san_client_tokenize_card_async (client, "c1", "4111 1111 1111 1111", "ANA SOUZA", 12, 2030, "123",
                                      NULL, waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_tokenize_card_finish (client, result, error);
    case CALL_LIST_CARDS:
      san_client_list_cards_async (client, "c1", NULL, waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_list_cards_finish (client, result, error);
    case CALL_ADD_CARD:
      san_client_add_card_async (client, "c1", "4111 1111 1111 1111", "ANA SOUZA", 12, 2030, "123",
                                 NULL, waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_add_card_finish (client, result, error);
    case CALL_DELETE_CARD:
      *out_free = nothing_to_free;
      san_client_delete_card_async (client, "c1", "4", NULL, waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return GINT_TO_POINTER (san_client_delete_card_finish (client, result, error));
    case CALL_PAY_WITH_CARD:
      san_client_pay_with_card_async (client, "c1", "12", "4", NULL, "key-1", NULL, waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_pay_with_card_finish (client, result, error);
    case CALL_LIST_ACCOUNTS:
      san_client_list_bank_accounts_async (client, "c1", NULL, waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_list_bank_accounts_finish (client, result, error);
    case CALL_ADD_ACCOUNT:
      san_client_add_bank_account_async (client, "c1", "341", "1234", "12345-6", "Ana Souza",
                                         "318.472.659-28", NULL, waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_add_bank_account_finish (client, result, error);
    case CALL_DELETE_ACCOUNT:
      *out_free = nothing_to_free;
      san_client_delete_bank_account_async (client, "c1", "3", NULL, waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return GINT_TO_POINTER (san_client_delete_bank_account_finish (client, result, error));
    case CALL_GET_DEBIT:
      san_client_get_debit_schedule_async (client, "c1", "12", NULL, waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_get_debit_schedule_finish (client, result, error);
    case CALL_SET_DEBIT:
      san_client_set_debit_schedule_async (client, "c1", "12", "3", &date, NULL, waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_set_debit_schedule_finish (client, result, error);
    case CALL_CANCEL_DEBIT:
      *out_free = nothing_to_free;
      san_client_cancel_debit_schedule_async (client, "c1", "12", NULL, waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return GINT_TO_POINTER (san_client_cancel_debit_schedule_finish (client, result, error));
    case CALL_GET_DDA:
      san_client_get_dda_async (client, "c1", NULL, waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_get_dda_finish (client, result, error);
    case CALL_SET_DDA:
      san_client_set_dda_async (client, "c1", TRUE, NULL, waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_set_dda_finish (client, result, error);
    case CALL_GET_METHODS:
      san_client_get_pay_methods_async (client, "c1", NULL, waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_get_pay_methods_finish (client, result, error);
    case CALL_SET_DEFAULT_METHOD:
      san_client_set_default_pay_method_async (client, "c1", SAN_PAYMENT_METHOD_PIX, NULL, waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_set_default_pay_method_finish (client, result, error);
    case CALL_SET_SERVICE_METHOD:
      san_client_set_service_pay_method_async (client, "c1", "5", SAN_PAYMENT_METHOD_CARD, NULL,
                                               waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_set_service_pay_method_finish (client, result, error);
    case CALL_LIST_NOTES:
      san_client_list_fiscal_notes_async (client, "c1", NULL, NULL, NULL, NULL, 0, NULL, waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_list_fiscal_notes_finish (client, result, error);
    case CALL_LIST_ALL_NOTES:
      san_client_list_all_fiscal_notes_async (client, "c1", NULL, waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_list_all_fiscal_notes_finish (client, result, error);
    case CALL_GET_NOTE:
      san_client_get_fiscal_note_async (client, "c1", "7", NULL, waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_get_fiscal_note_finish (client, result, error);
    case CALL_NOTE_PDF:
    case CALL_NOTE_XML:
      *out_free = (GDestroyNotify) g_bytes_unref;
      san_client_download_fiscal_note_async (client, "c1", "7",
                                             kind == CALL_NOTE_PDF ? SAN_FISCAL_NOTE_FORMAT_PDF
                                                                   : SAN_FISCAL_NOTE_FORMAT_XML,
                                             NULL, waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_download_fiscal_note_finish (client, result, error);
    case CALL_ISSUE_NOTE:
      san_client_issue_fiscal_note_async (client, "c1", "7", NULL, waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_issue_fiscal_note_finish (client, result, error);
    default:
      g_assert_not_reached ();
    }
}

static void
answer (Fixture    *f,
        CallKind    kind,
        guint       status,
        const char *content_type,
        const char *body)
{
  fake_server_set_answer (f->fake, call_routes[kind].method, call_routes[kind].path, TRUE,
                          status, content_type, body, NULL);
}

/* Runs @kind, expecting it to fail with @code */
static GError *
run_failing (Fixture  *f,
             CallKind  kind,
             int       code)
{
  GError *error = NULL;
  GDestroyNotify free_func;
  gpointer result;

  result = run_call (f, kind, &free_func, &error);
  if (result != NULL)
    {
      free_func (result);
      g_error ("%s %s succeeded", call_routes[kind].method, call_routes[kind].path);
    }
  g_assert_error (error, SAN_API_ERROR, code);
  /* The session goes on */
  g_assert_true (san_client_get_signed_in (f->client));
  return error;
}

/* Valid answers, whole */

static void
test_invoice_valid (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanInvoice) invoice = NULL;
  g_autoptr(SanInvoiceItem) item = NULL;
  g_autoptr(SanInvoiceItem) fee = NULL;
  GDestroyNotify free_func;
  SanPaymentMethod paid_with = SAN_PAYMENT_METHOD_CARD;
  SanInvoiceStatus status;
  GListModel *items;

  answer (f, CALL_GET_INVOICE, 200, NULL, INVOICE_JSON);
  invoice = run_call (f, CALL_GET_INVOICE, &free_func, &error);
  g_assert_no_error (error);
  g_assert_true (SAN_IS_INVOICE (invoice));

  g_assert_cmpstr (san_invoice_get_id (invoice), ==, "12");
  g_assert_cmpstr (san_invoice_get_contract_id (invoice), ==, "c1");
  g_assert_cmpstr (san_invoice_get_number (invoice), ==, "2026-000123");
  g_assert_cmpint (san_invoice_get_status (invoice), ==, SAN_INVOICE_STATUS_UNPAID);
  g_assert_true (san_invoice_get_overdue (invoice));
  assert_date (san_invoice_get_issue_date (invoice), 2026, 11, 1);
  assert_date (san_invoice_get_due_date (invoice), 2026, 11, 10);
  g_assert_cmpint (san_invoice_get_total_cents (invoice), ==, 12990);
  g_assert_cmpint (san_invoice_get_payment_method (invoice), ==, SAN_PAYMENT_METHOD_BOLETO);
  g_assert_null (san_invoice_get_paid_at (invoice));
  g_assert_false (san_invoice_get_paid_with (invoice, &paid_with));
  g_assert_cmpint (paid_with, ==, SAN_PAYMENT_METHOD_CARD);   /* untouched */

  items = san_invoice_get_items (invoice);
  g_assert_cmpuint (g_list_model_get_item_type (items), ==, SAN_TYPE_INVOICE_ITEM);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
  item = g_list_model_get_item (items, 0);
  g_assert_cmpstr (san_invoice_item_get_description (item), ==,
                   "Hospedagem Linux Plano M - padaria.com.br (01/11/2026 a 30/11/2026)");
  g_assert_cmpstr (san_invoice_item_get_service_id (item), ==, "5");
  {
    SanServiceKind kind = SAN_SERVICE_KIND_DEDICATED;

    g_assert_true (san_invoice_item_get_service_kind (item, &kind));
    g_assert_cmpint (kind, ==, SAN_SERVICE_KIND_SHARED);
  }
  g_assert_cmpint (san_invoice_item_get_amount_cents (item), ==, 12990);
  fee = g_list_model_get_item (items, 1);
  g_assert_null (san_invoice_item_get_service_id (fee));
  g_assert_false (san_invoice_item_get_service_kind (fee, NULL));
  g_assert_cmpstr (san_invoice_item_get_description (fee), ==, "Taxa de religação");

  /* The properties say the same */
  g_object_get (invoice, "status", &status, NULL);
  g_assert_cmpint (status, ==, SAN_INVOICE_STATUS_UNPAID);
}

static void
test_invoice_paid (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanInvoice) invoice = NULL;
  GDestroyNotify free_func;
  SanPaymentMethod paid_with;

  answer (f, CALL_GET_INVOICE, 200, NULL, PAID_INVOICE_JSON);
  invoice = run_call (f, CALL_GET_INVOICE, &free_func, &error);
  g_assert_no_error (error);
  g_assert_cmpint (san_invoice_get_status (invoice), ==, SAN_INVOICE_STATUS_PAID);
  g_assert_false (san_invoice_get_overdue (invoice));
  assert_time (san_invoice_get_paid_at (invoice), "2026-11-05T14:05:00Z");
  g_assert_true (san_invoice_get_paid_with (invoice, &paid_with));
  g_assert_cmpint (paid_with, ==, SAN_PAYMENT_METHOD_PIX);
  g_assert_cmpuint (g_list_model_get_n_items (san_invoice_get_items (invoice)), ==, 0);
}

static void
test_boleto_valid (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanBoleto) boleto = NULL;
  GDestroyNotify free_func;

  answer (f, CALL_GET_BOLETO, 200, NULL, BOLETO_JSON);
  boleto = run_call (f, CALL_GET_BOLETO, &free_func, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (san_boleto_get_invoice_id (boleto), ==, "12");
  g_assert_cmpstr (san_boleto_get_bank_code (boleto), ==, "001");
  g_assert_cmpstr (san_boleto_get_bank_name (boleto), ==, "Banco do Brasil");
  g_assert_cmpstr (san_boleto_get_barcode (boleto), ==, BARCODE);
  g_assert_cmpstr (san_boleto_get_linha_digitavel (boleto), ==, LINHA);
  assert_date (san_boleto_get_due_date (boleto), 2026, 11, 10);
  g_assert_cmpint (san_boleto_get_amount_cents (boleto), ==, 12990);
  g_assert_cmpstr (san_boleto_get_beneficiary (boleto), ==, "SAN Internet Ltda");
  g_assert_cmpstr (san_boleto_get_beneficiary_document (boleto), ==, "12.345.678/0001-95");
  g_assert_cmpstr (san_boleto_get_payer (boleto), ==, "Padaria Pão Quente Ltda");
  g_assert_cmpstr (san_boleto_get_payer_document (boleto), ==, "27.451.938/0001-84");
  g_assert_false (san_boleto_get_is_second_copy (boleto));
  g_assert_null (san_boleto_get_original_due_date (boleto));
  g_assert_cmpint (san_boleto_get_original_amount_cents (boleto), ==, 0);
  g_assert_cmpint (san_boleto_get_fine_cents (boleto), ==, 0);
  g_assert_cmpint (san_boleto_get_interest_cents (boleto), ==, 0);
  g_assert_cmpuint (san_boleto_get_days_late (boleto), ==, 0);
}

static void
test_boleto_second_copy (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanBoleto) boleto = NULL;
  GDestroyNotify free_func;

  answer (f, CALL_SECOND_COPY, 201, NULL, SECOND_COPY_JSON);
  boleto = run_call (f, CALL_SECOND_COPY, &free_func, &error);
  g_assert_no_error (error);
  g_assert_true (san_boleto_get_is_second_copy (boleto));
  assert_date (san_boleto_get_due_date (boleto), 2026, 11, 25);
  g_assert_cmpint (san_boleto_get_amount_cents (boleto), ==, 13315);
  assert_date (san_boleto_get_original_due_date (boleto), 2026, 11, 10);
  g_assert_cmpint (san_boleto_get_original_amount_cents (boleto), ==, 12990);
  g_assert_cmpint (san_boleto_get_fine_cents (boleto), ==, 260);
  g_assert_cmpint (san_boleto_get_interest_cents (boleto), ==, 65);
  g_assert_cmpuint (san_boleto_get_days_late (boleto), ==, 15);
  /* A body was sent: an empty object */
  g_assert_cmpstr (fake_server_last_body (f->fake, BOLETO_PATH), ==, "{}");
}

static void
test_pix_valid (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanPixCharge) pix = NULL;
  GDestroyNotify free_func;

  answer (f, CALL_CREATE_PIX, 201, NULL, PIX_JSON);
  pix = run_call (f, CALL_CREATE_PIX, &free_func, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (san_pix_charge_get_invoice_id (pix), ==, "12");
  g_assert_cmpstr (san_pix_charge_get_txid (pix), ==, "SAN12A7F3K9Q2M");
  g_assert_cmpstr (san_pix_charge_get_brcode (pix), ==, "000201010212...6304ABCD");
  g_assert_cmpint (san_pix_charge_get_amount_cents (pix), ==, 12990);
  g_assert_cmpstr (san_pix_charge_get_key (pix), ==, "financeiro@saninternet.com.br");
  g_assert_cmpstr (san_pix_charge_get_merchant_name (pix), ==, "SAN INTERNET LTDA");
  g_assert_cmpstr (san_pix_charge_get_merchant_city (pix), ==, "SAO PAULO");
  assert_time (san_pix_charge_get_created_at (pix), "2026-11-20T14:05:00Z");
  assert_time (san_pix_charge_get_expires_at (pix), "2026-11-20T14:35:00Z");
  g_assert_cmpint (san_pix_charge_get_status (pix), ==, SAN_PIX_STATUS_ACTIVE);
}

static void
test_payment_valid (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanPayment) payment = NULL;
  g_autoptr(JsonNode) sent = NULL;
  GDestroyNotify free_func;
  JsonObject *object;

  answer (f, CALL_PAY_WITH_CARD, 201, NULL, PAYMENT_JSON);
  payment = run_call (f, CALL_PAY_WITH_CARD, &free_func, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (san_payment_get_id (payment), ==, "9");
  g_assert_cmpstr (san_payment_get_invoice_id (payment), ==, "12");
  g_assert_cmpint (san_payment_get_method (payment), ==, SAN_PAYMENT_METHOD_CARD);
  g_assert_cmpstr (san_payment_get_status (payment), ==, "approved");
  g_assert_cmpint (san_payment_get_amount_cents (payment), ==, 12990);
  assert_time (san_payment_get_created_at (payment), "2026-11-20T14:05:00Z");
  g_assert_cmpstr (san_payment_get_card_brand (payment), ==, "visa");
  g_assert_cmpstr (san_payment_get_card_last4 (payment), ==, "1111");

  /* What was sent: the key in its header, the card in the body */
  g_assert_cmpstr (fake_server_last_header (f->fake, PAYMENTS_PATH, "Idempotency-Key"), ==, "key-1");
  g_assert_cmpstr (fake_server_last_header (f->fake, PAYMENTS_PATH, "Content-Type"), ==, "application/json");
  sent = json_from_string (fake_server_last_body (f->fake, PAYMENTS_PATH), &error);
  g_assert_no_error (error);
  object = json_node_get_object (sent);
  g_assert_cmpuint (json_object_get_size (object), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (object, "method"), ==, "card");
  g_assert_cmpstr (json_object_get_string_member (object, "card_id"), ==, "4");
}

static void
test_payment_with_token (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanPayment) payment = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) sent = NULL;
  JsonObject *object;
  Waiter waiter = { 0 };

  answer (f, CALL_PAY_WITH_CARD, 201, NULL, PAYMENT_JSON);
  san_client_pay_with_card_async (f->client, "c1", "12", NULL, "ct_7Hq2", "key-2", NULL, waiter_cb, &waiter);
  result = waiter_wait (&waiter);
  payment = san_client_pay_with_card_finish (f->client, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (payment);

  g_assert_cmpstr (fake_server_last_header (f->fake, PAYMENTS_PATH, "Idempotency-Key"), ==, "key-2");
  sent = json_from_string (fake_server_last_body (f->fake, PAYMENTS_PATH), &error);
  g_assert_no_error (error);
  object = json_node_get_object (sent);
  g_assert_cmpuint (json_object_get_size (object), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (object, "method"), ==, "card");
  g_assert_cmpstr (json_object_get_string_member (object, "card_token"), ==, "ct_7Hq2");
}

/* A new key each time, a UUID */
static void
test_idempotency_key (void)
{
  g_autofree char *first = san_client_new_idempotency_key ();
  g_autofree char *second = san_client_new_idempotency_key ();

  g_assert_true (g_uuid_string_is_valid (first));
  g_assert_true (g_uuid_string_is_valid (second));
  g_assert_cmpstr (first, !=, second);
}

static void
test_tokenize_valid (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autoptr(JsonNode) sent = NULL;
  GDestroyNotify free_func;
  JsonObject *object;

  answer (f, CALL_TOKENIZE_CARD, 201, NULL, TOKEN_JSON);
  token = run_call (f, CALL_TOKENIZE_CARD, &free_func, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, "ct_7Hq2");

  /* The card went as the contract says */
  sent = json_from_string (fake_server_last_body (f->fake, TOKENS_PATH), &error);
  g_assert_no_error (error);
  object = json_node_get_object (sent);
  g_assert_cmpuint (json_object_get_size (object), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (object, "number"), ==, "4111 1111 1111 1111");
  g_assert_cmpstr (json_object_get_string_member (object, "holder"), ==, "ANA SOUZA");
  g_assert_cmpint (json_object_get_int_member (object, "exp_month"), ==, 12);
  g_assert_cmpint (json_object_get_int_member (object, "exp_year"), ==, 2030);
  g_assert_cmpstr (json_object_get_string_member (object, "cvv"), ==, "123");
}

/* Quotes and backslashes in the holder's name stay inside the JSON string */
static void
test_card_body_escaped (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(SanCard) card = NULL;
  g_autoptr(JsonNode) sent = NULL;
  Waiter waiter = { 0 };
  JsonObject *object;

  answer (f, CALL_ADD_CARD, 201, NULL, CARD_JSON);
  san_client_add_card_async (f->client, "c1", "4111111111111111", "ANA \"X\" \\ SOUZA\n", 12, 2030, "123",
                             NULL, waiter_cb, &waiter);
  result = waiter_wait (&waiter);
  card = san_client_add_card_finish (f->client, result, &error);
  g_assert_no_error (error);

  sent = json_from_string (fake_server_last_body (f->fake, CARDS_PATH), &error);
  g_assert_no_error (error);
  object = json_node_get_object (sent);
  g_assert_cmpuint (json_object_get_size (object), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (object, "holder"), ==, "ANA \"X\" \\ SOUZA\n");
  g_assert_cmpstr (json_object_get_string_member (object, "number"), ==, "4111111111111111");
}

static void
test_card_valid (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanCard) card = NULL;
  GDestroyNotify free_func;

  answer (f, CALL_ADD_CARD, 201, NULL, CARD_JSON);
  card = run_call (f, CALL_ADD_CARD, &free_func, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (san_card_get_id (card), ==, "4");
  g_assert_cmpstr (san_card_get_brand (card), ==, "visa");
  g_assert_cmpstr (san_card_get_last4 (card), ==, "1111");
  g_assert_cmpuint (san_card_get_exp_month (card), ==, 12);
  g_assert_cmpuint (san_card_get_exp_year (card), ==, 2030);
  g_assert_cmpstr (san_card_get_holder (card), ==, "ANA SOUZA");
  assert_time (san_card_get_created_at (card), "2026-11-20T14:05:00Z");
}

static void
test_cards_list (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) cards = NULL;
  g_autoptr(SanCard) card = NULL;
  GDestroyNotify free_func;

  answer (f, CALL_LIST_CARDS, 200, NULL, "{\"items\":[" CARD_JSON "],\"total\":1,\"next_cursor\":null}");
  cards = run_call (f, CALL_LIST_CARDS, &free_func, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_item_type (cards), ==, SAN_TYPE_CARD);
  g_assert_cmpuint (g_list_model_get_n_items (cards), ==, 1);
  card = g_list_model_get_item (cards, 0);
  g_assert_cmpstr (san_card_get_last4 (card), ==, "1111");
}

static void
test_account_valid (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanBankAccount) account = NULL;
  g_autoptr(JsonNode) sent = NULL;
  GDestroyNotify free_func;
  JsonObject *object;

  answer (f, CALL_ADD_ACCOUNT, 201, NULL, ACCOUNT_JSON);
  account = run_call (f, CALL_ADD_ACCOUNT, &free_func, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (san_bank_account_get_id (account), ==, "3");
  g_assert_cmpstr (san_bank_account_get_bank_code (account), ==, "341");
  g_assert_cmpstr (san_bank_account_get_bank_name (account), ==, "Itaú Unibanco");
  g_assert_cmpstr (san_bank_account_get_agency (account), ==, "1234");
  g_assert_cmpstr (san_bank_account_get_account (account), ==, "12345-6");
  g_assert_cmpstr (san_bank_account_get_holder (account), ==, "Ana Souza");
  g_assert_cmpstr (san_bank_account_get_holder_document (account), ==, "318.472.659-28");
  assert_time (san_bank_account_get_created_at (account), "2026-11-20T14:05:00Z");

  sent = json_from_string (fake_server_last_body (f->fake, ACCOUNTS_PATH), &error);
  g_assert_no_error (error);
  object = json_node_get_object (sent);
  g_assert_cmpuint (json_object_get_size (object), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (object, "bank_code"), ==, "341");
  g_assert_cmpstr (json_object_get_string_member (object, "agency"), ==, "1234");
  g_assert_cmpstr (json_object_get_string_member (object, "account"), ==, "12345-6");
  g_assert_cmpstr (json_object_get_string_member (object, "holder"), ==, "Ana Souza");
  g_assert_cmpstr (json_object_get_string_member (object, "holder_document"), ==, "318.472.659-28");
}

static void
test_debit_valid (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanDebitSchedule) schedule = NULL;
  g_autoptr(JsonNode) sent = NULL;
  GDestroyNotify free_func;
  JsonObject *object;

  answer (f, CALL_SET_DEBIT, 200, NULL, DEBIT_JSON);
  schedule = run_call (f, CALL_SET_DEBIT, &free_func, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (san_debit_schedule_get_invoice_id (schedule), ==, "12");
  g_assert_cmpstr (san_debit_schedule_get_bank_account_id (schedule), ==, "3");
  assert_date (san_debit_schedule_get_date (schedule), 2026, 11, 9);
  assert_time (san_debit_schedule_get_created_at (schedule), "2026-11-01T10:00:00Z");

  sent = json_from_string (fake_server_last_body (f->fake, DEBIT_PATH), &error);
  g_assert_no_error (error);
  object = json_node_get_object (sent);
  g_assert_cmpuint (json_object_get_size (object), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (object, "bank_account_id"), ==, "3");
  g_assert_cmpstr (json_object_get_string_member (object, "date"), ==, "2026-11-09");
}

static void
test_dda_valid (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanDda) dda = NULL;
  g_autoptr(SanDda) off = NULL;
  GDestroyNotify free_func;

  answer (f, CALL_SET_DDA, 200, NULL, DDA_JSON);
  dda = run_call (f, CALL_SET_DDA, &free_func, &error);
  g_assert_no_error (error);
  g_assert_true (san_dda_get_enabled (dda));
  assert_time (san_dda_get_enabled_at (dda), "2026-11-20T14:05:00Z");
  g_assert_cmpstr (fake_server_last_body (f->fake, DDA_PATH), ==, "{\"enabled\":true}");

  answer (f, CALL_GET_DDA, 200, NULL, "{\"enabled\":false,\"enabled_at\":null}");
  off = run_call (f, CALL_GET_DDA, &free_func, &error);
  g_assert_no_error (error);
  g_assert_false (san_dda_get_enabled (off));
  g_assert_null (san_dda_get_enabled_at (off));
}

static void
test_methods_valid (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanPayMethods) methods = NULL;
  g_autoptr(SanPayMethods) changed = NULL;
  g_autoptr(SanServicePayMethod) service = NULL;
  GDestroyNotify free_func;
  GListModel *services;

  answer (f, CALL_GET_METHODS, 200, NULL, METHODS_JSON);
  methods = run_call (f, CALL_GET_METHODS, &free_func, &error);
  g_assert_no_error (error);
  g_assert_cmpint (san_pay_methods_get_default_method (methods), ==, SAN_PAYMENT_METHOD_PIX);
  services = san_pay_methods_get_services (methods);
  g_assert_cmpuint (g_list_model_get_item_type (services), ==, SAN_TYPE_SERVICE_PAY_METHOD);
  g_assert_cmpuint (g_list_model_get_n_items (services), ==, 1);
  service = g_list_model_get_item (services, 0);
  g_assert_cmpstr (san_service_pay_method_get_service_id (service), ==, "5");
  g_assert_cmpstr (san_service_pay_method_get_name (service), ==, "Hospedagem Linux Plano M - padaria.com.br");
  g_assert_cmpint (san_service_pay_method_get_method (service), ==, SAN_PAYMENT_METHOD_CARD);

  answer (f, CALL_SET_SERVICE_METHOD, 200, NULL, METHODS_JSON);
  changed = run_call (f, CALL_SET_SERVICE_METHOD, &free_func, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fake_server_last_body (f->fake, SERVICE_PATH), ==, "{\"method\":\"card\"}");
}

static void
test_note_valid (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanFiscalNote) note = NULL;
  GDestroyNotify free_func;

  answer (f, CALL_GET_NOTE, 200, NULL, NOTE_JSON);
  note = run_call (f, CALL_GET_NOTE, &free_func, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (san_fiscal_note_get_id (note), ==, "7");
  g_assert_cmpstr (san_fiscal_note_get_invoice_id (note), ==, "12");
  g_assert_cmpstr (san_fiscal_note_get_invoice_number (note), ==, "2026-000123");
  g_assert_cmpint (san_fiscal_note_get_status (note), ==, SAN_FISCAL_NOTE_STATUS_ISSUED);
  g_assert_cmpstr (san_fiscal_note_get_number (note), ==, "2026/000123");
  g_assert_cmpstr (san_fiscal_note_get_verification_code (note), ==, "A1B2-C3D4");
  g_assert_cmpint (san_fiscal_note_get_amount_cents (note), ==, 12990);
  g_assert_cmpstr (san_fiscal_note_get_description (note), ==, "Serviços de hospedagem - fatura 2026-000123");
  assert_date (san_fiscal_note_get_scheduled_for (note), 2026, 11, 15);
  assert_time (san_fiscal_note_get_issued_at (note), "2026-11-15T09:00:00Z");
}

static void
test_note_pending (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanFiscalNote) note = NULL;
  GDestroyNotify free_func;

  answer (f, CALL_GET_NOTE, 200, NULL, PENDING_NOTE_JSON);
  note = run_call (f, CALL_GET_NOTE, &free_func, &error);
  g_assert_no_error (error);
  g_assert_cmpint (san_fiscal_note_get_status (note), ==, SAN_FISCAL_NOTE_STATUS_PENDING);
  g_assert_null (san_fiscal_note_get_number (note));
  g_assert_null (san_fiscal_note_get_verification_code (note));
  g_assert_null (san_fiscal_note_get_issued_at (note));
  assert_date (san_fiscal_note_get_scheduled_for (note), 2026, 11, 25);
}

/* No content */
static void
test_deletes (Fixture       *f,
              gconstpointer  data)
{
  static const CallKind kinds[] = { CALL_DELETE_CARD, CALL_DELETE_ACCOUNT, CALL_CANCEL_DEBIT };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(GError) error = NULL;
      GDestroyNotify free_func;

      answer (f, kinds[i], 204, NULL, NULL);
      g_assert_true (run_call (f, kinds[i], &free_func, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (fake_server_count (f->fake, call_routes[kinds[i]].method,
                                           call_routes[kinds[i]].path), ==, 1);
    }
}

/* Downloads */

static void
test_downloads_valid (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) note_pdf = NULL;
  g_autoptr(GBytes) xml = NULL;
  GDestroyNotify free_func;

  answer (f, CALL_INVOICE_PDF, 200, "application/pdf", PDF_BODY);
  pdf = run_call (f, CALL_INVOICE_PDF, &free_func, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), PDF_BODY, strlen (PDF_BODY));
  g_assert_nonnull (strstr (fake_server_last_header (f->fake, PDF_PATH, "Accept"), "application/pdf"));

  answer (f, CALL_NOTE_PDF, 200, "application/pdf", PDF_BODY);
  note_pdf = run_call (f, CALL_NOTE_PDF, &free_func, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (note_pdf), ==, strlen (PDF_BODY));

  answer (f, CALL_NOTE_XML, 200, "application/xml", XML_BODY);
  xml = run_call (f, CALL_NOTE_XML, &free_func, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (xml, NULL), g_bytes_get_size (xml), XML_BODY, strlen (XML_BODY));
}

typedef struct
{
  const char *name;
  CallKind    kind;
  guint       status;
  const char *content_type;
  const char *body;
  int         code;
  const char *message_part;   /* NULL: not checked */
} BadDownload;

static const BadDownload bad_downloads[] = {
  { "pdf-as-html", CALL_INVOICE_PDF, 200, "text/html", "<html><body>Login</body></html>",
    SAN_API_ERROR_MALFORMED, "application/pdf" },
  { "pdf-as-json", CALL_INVOICE_PDF, 200, "application/json", "{\"pdf\":\"JVBERi0=\"}",
    SAN_API_ERROR_MALFORMED, NULL },
  { "pdf-not-pdf", CALL_INVOICE_PDF, 200, "application/pdf", "<html>not a PDF</html>",
    SAN_API_ERROR_MALFORMED, NULL },
  { "pdf-empty", CALL_INVOICE_PDF, 200, "application/pdf", "", SAN_API_ERROR_MALFORMED, NULL },
  { "pdf-octet-stream", CALL_INVOICE_PDF, 200, "application/octet-stream", PDF_BODY, SAN_API_ERROR_MALFORMED, NULL },
  { "pdf-not-found", CALL_INVOICE_PDF, 404, PROBLEM, "{\"status\":404,\"code\":\"not_found\"}",
    SAN_API_ERROR_NOT_FOUND, NULL },
  { "note-pdf-as-xml", CALL_NOTE_PDF, 200, "application/xml", XML_BODY, SAN_API_ERROR_MALFORMED, NULL },
  { "note-pdf-pending", CALL_NOTE_PDF, 409, PROBLEM,
    "{\"status\":409,\"code\":\"invalid_state\",\"detail\":\"The nota fiscal is not issued yet\"}",
    SAN_API_ERROR_CONFLICT, "not issued yet" },
  { "note-xml-as-pdf", CALL_NOTE_XML, 200, "application/pdf", PDF_BODY, SAN_API_ERROR_MALFORMED, NULL },
  { "note-xml-binary", CALL_NOTE_XML, 200, "application/xml", "\xff\xfe<\x00x\x00", SAN_API_ERROR_MALFORMED, NULL },
  { "note-xml-text", CALL_NOTE_XML, 200, "application/xml", "hello", SAN_API_ERROR_MALFORMED, NULL },
};

static void
test_download_bad (Fixture       *f,
                   gconstpointer  data)
{
  const BadDownload *bad = data;
  g_autoptr(GError) error = NULL;

  answer (f, bad->kind, bad->status, bad->content_type, bad->body);
  error = run_failing (f, bad->kind, bad->code);
  if (bad->message_part != NULL)
    assert_message_contains (error, bad->message_part);
}

/* Lists */

static void
test_invoices_list_valid (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(SanPage) page = NULL;
  g_autoptr(GDate) from = g_date_new_dmy (1, 1, 2026);
  g_autoptr(GDate) to = g_date_new_dmy (31, 12, 2026);
  gint64 open_total = -1, overdue_total = -1;
  Waiter waiter = { 0 };

  answer (f, CALL_LIST_INVOICES, 200, NULL,
          "{\"items\":[" INVOICE_JSON "," PAID_INVOICE_JSON "],\"total\":7,\"next_cursor\":\"abc\","
          "\"open_total_cents\":25980,\"overdue_total_cents\":12990}");
  san_client_list_invoices_async (f->client, "c1", "overdue", from, to, "2026-0001", "xyz", 20,
                                  NULL, waiter_cb, &waiter);
  result = waiter_wait (&waiter);
  page = san_client_list_invoices_finish (f->client, result, &open_total, &overdue_total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_item_type (san_page_get_items (page)), ==, SAN_TYPE_INVOICE);
  g_assert_cmpuint (g_list_model_get_n_items (san_page_get_items (page)), ==, 2);
  g_assert_cmpuint (san_page_get_total (page), ==, 7);
  g_assert_cmpstr (san_page_get_next_cursor (page), ==, "abc");
  g_assert_cmpint (open_total, ==, 25980);
  g_assert_cmpint (overdue_total, ==, 12990);

  /* The filters went as query parameters */
  g_assert_cmpstr (fake_server_last_query (f->fake, INVOICES_PATH, "status"), ==, "overdue");
  g_assert_cmpstr (fake_server_last_query (f->fake, INVOICES_PATH, "from"), ==, "2026-01-01");
  g_assert_cmpstr (fake_server_last_query (f->fake, INVOICES_PATH, "to"), ==, "2026-12-31");
  g_assert_cmpstr (fake_server_last_query (f->fake, INVOICES_PATH, "q"), ==, "2026-0001");
  g_assert_cmpstr (fake_server_last_query (f->fake, INVOICES_PATH, "cursor"), ==, "xyz");
  g_assert_cmpstr (fake_server_last_query (f->fake, INVOICES_PATH, "limit"), ==, "20");
}

/* No filters: no parameters */
static void
test_invoices_list_plain (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanPage) page = NULL;
  GDestroyNotify free_func;

  answer (f, CALL_LIST_INVOICES, 200, NULL,
          "{\"items\":[],\"total\":0,\"next_cursor\":null,\"open_total_cents\":0,\"overdue_total_cents\":0}");
  page = run_call (f, CALL_LIST_INVOICES, &free_func, &error);
  g_assert_no_error (error);
  g_assert_null (fake_server_last_query (f->fake, INVOICES_PATH, "status"));
  g_assert_null (fake_server_last_query (f->fake, INVOICES_PATH, "from"));
  g_assert_null (fake_server_last_query (f->fake, INVOICES_PATH, "q"));
  g_assert_null (fake_server_last_query (f->fake, INVOICES_PATH, "cursor"));
  g_assert_null (fake_server_last_query (f->fake, INVOICES_PATH, "limit"));
}

static void
test_invoices_list_all (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) invoices = NULL;
  g_autofree char *second = fake_json_with (INVOICE_JSON, "id", "\"11\"");
  g_autofree char *page2 = g_strdup_printf ("{\"items\":[%s],\"total\":2,\"next_cursor\":null,"
                                            "\"open_total_cents\":25980,\"overdue_total_cents\":12990}",
                                            second);
  g_autoptr(SanInvoice) last = NULL;
  gint64 open_total = -1, overdue_total = -1;
  Waiter waiter = { 0 };

  fake_server_set_page (f->fake, INVOICES_PATH, NULL,
                        "{\"items\":[" INVOICE_JSON "],\"total\":2,\"next_cursor\":\"p2\","
                        "\"open_total_cents\":25980,\"overdue_total_cents\":12990}");
  fake_server_set_page (f->fake, INVOICES_PATH, "p2", page2);
  san_client_list_all_invoices_async (f->client, "c1", NULL, waiter_cb, &waiter);
  result = waiter_wait (&waiter);
  invoices = san_client_list_all_invoices_finish (f->client, result, &open_total, &overdue_total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_item_type (invoices), ==, SAN_TYPE_INVOICE);
  g_assert_cmpuint (g_list_model_get_n_items (invoices), ==, 2);
  last = g_list_model_get_item (invoices, 1);
  g_assert_cmpstr (san_invoice_get_id (last), ==, "11");
  g_assert_cmpint (open_total, ==, 25980);
  g_assert_cmpint (overdue_total, ==, 12990);
  g_assert_cmpuint (fake_server_count (f->fake, "GET", INVOICES_PATH), ==, 2);
  g_assert_cmpstr (fake_server_last_query (f->fake, INVOICES_PATH, "limit"), ==, "100");
}

/* A cursor that comes back is a list without end */
static void
test_invoices_list_all_endless (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fake_server_set_page (f->fake, INVOICES_PATH, NULL,
                        "{\"items\":[],\"total\":0,\"next_cursor\":\"p2\","
                        "\"open_total_cents\":0,\"overdue_total_cents\":0}");
  fake_server_set_page (f->fake, INVOICES_PATH, "p2",
                        "{\"items\":[],\"total\":0,\"next_cursor\":\"p2\","
                        "\"open_total_cents\":0,\"overdue_total_cents\":0}");
  error = run_failing (f, CALL_LIST_ALL_INVOICES, SAN_API_ERROR_MALFORMED);
  assert_message_contains (error, "does not end");
}

static void
test_notes_list_valid (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(SanPage) page = NULL;
  g_autoptr(GDate) from = g_date_new_dmy (1, 11, 2026);
  SanFiscalNoteStatus status = SAN_FISCAL_NOTE_STATUS_PENDING;
  Waiter waiter = { 0 };

  answer (f, CALL_LIST_NOTES, 200, NULL,
          "{\"items\":[" NOTE_JSON "," PENDING_NOTE_JSON "],\"total\":2,\"next_cursor\":null}");
  san_client_list_fiscal_notes_async (f->client, "c1", &status, from, NULL, NULL, 10, NULL, waiter_cb, &waiter);
  result = waiter_wait (&waiter);
  page = san_client_list_fiscal_notes_finish (f->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_item_type (san_page_get_items (page)), ==, SAN_TYPE_FISCAL_NOTE);
  g_assert_cmpuint (g_list_model_get_n_items (san_page_get_items (page)), ==, 2);
  g_assert_cmpstr (fake_server_last_query (f->fake, NOTES_PATH, "status"), ==, "pending");
  g_assert_cmpstr (fake_server_last_query (f->fake, NOTES_PATH, "from"), ==, "2026-11-01");
  g_assert_null (fake_server_last_query (f->fake, NOTES_PATH, "to"));
  g_assert_cmpstr (fake_server_last_query (f->fake, NOTES_PATH, "limit"), ==, "10");
}

/* One member wrong */

typedef struct
{
  const char *name;
  CallKind    kind;
  guint       status;
  const char *json;
  const char *member;         /* "a.b": member b of object a */
  const char *value;          /* raw JSON; NULL removes the member */
  const char *message_part;   /* NULL: the member's name */
} BadMember;

#define LIST_OF(item) \
  "{\"items\":[" item "],\"total\":10,\"next_cursor\":null,\"open_total_cents\":12990,\"overdue_total_cents\":12990}"

static const BadMember bad_members[] = {
  /* Invoices */
  { "invoice/id-number", CALL_GET_INVOICE, 200, INVOICE_JSON, "id", "12", NULL },
  { "invoice/contract-id-missing", CALL_GET_INVOICE, 200, INVOICE_JSON, "contract_id", NULL, NULL },
  { "invoice/number-empty", CALL_GET_INVOICE, 200, INVOICE_JSON, "number", "\"\"", NULL },
  { "invoice/status-unknown", CALL_GET_INVOICE, 200, INVOICE_JSON, "status", "\"overdue\"", NULL },
  { "invoice/status-nick", CALL_GET_INVOICE, 200, INVOICE_JSON, "status", "\"payment-pending\"", NULL },
  { "invoice/status-upper-case", CALL_GET_INVOICE, 200, INVOICE_JSON, "status", "\"UNPAID\"", NULL },
  { "invoice/overdue-string", CALL_GET_INVOICE, 200, INVOICE_JSON, "overdue", "\"true\"", NULL },
  { "invoice/overdue-missing", CALL_GET_INVOICE, 200, INVOICE_JSON, "overdue", NULL, NULL },
  { "invoice/overdue-when-paid", CALL_GET_INVOICE, 200, PAID_INVOICE_JSON, "overdue", "true", NULL },
  { "invoice/issue-date-bad", CALL_GET_INVOICE, 200, INVOICE_JSON, "issue_date", "\"2026-02-30\"", NULL },
  { "invoice/due-date-brazilian", CALL_GET_INVOICE, 200, INVOICE_JSON, "due_date", "\"10/11/2026\"", NULL },
  { "invoice/due-date-null", CALL_GET_INVOICE, 200, INVOICE_JSON, "due_date", "null", NULL },
  { "invoice/due-date-time", CALL_GET_INVOICE, 200, INVOICE_JSON, "due_date", "\"2026-11-10T00:00:00Z\"", NULL },
  { "invoice/total-fraction", CALL_GET_INVOICE, 200, INVOICE_JSON, "total_cents", "129.90", NULL },
  { "invoice/total-string", CALL_GET_INVOICE, 200, INVOICE_JSON, "total_cents", "\"12990\"", NULL },
  { "invoice/total-negative", CALL_GET_INVOICE, 200, INVOICE_JSON, "total_cents", "-1", NULL },
  { "invoice/payment-method-unknown", CALL_GET_INVOICE, 200, INVOICE_JSON, "payment_method", "\"cash\"", NULL },
  { "invoice/payment-method-null", CALL_GET_INVOICE, 200, INVOICE_JSON, "payment_method", "null", NULL },
  { "invoice/paid-at-missing", CALL_GET_INVOICE, 200, INVOICE_JSON, "paid_at", NULL, NULL },
  { "invoice/paid-at-no-offset", CALL_GET_INVOICE, 200, PAID_INVOICE_JSON, "paid_at", "\"2026-11-05T14:05:00\"", NULL },
  { "invoice/paid-at-date", CALL_GET_INVOICE, 200, PAID_INVOICE_JSON, "paid_at", "\"2026-11-05\"", NULL },
  { "invoice/paid-without-paid-at", CALL_GET_INVOICE, 200, PAID_INVOICE_JSON, "paid_at", "null", NULL },
  { "invoice/paid-without-paid-with", CALL_GET_INVOICE, 200, PAID_INVOICE_JSON, "paid_with", "null", "paid_with" },
  { "invoice/paid-with-unknown", CALL_GET_INVOICE, 200, PAID_INVOICE_JSON, "paid_with", "\"bank-debit\"", NULL },
  { "invoice/paid-with-missing", CALL_GET_INVOICE, 200, INVOICE_JSON, "paid_with", NULL, NULL },
  { "invoice/items-missing", CALL_GET_INVOICE, 200, INVOICE_JSON, "items", NULL, NULL },
  { "invoice/items-object", CALL_GET_INVOICE, 200, INVOICE_JSON, "items", "{}", NULL },
  { "invoice/item-string", CALL_GET_INVOICE, 200, INVOICE_JSON, "items", "[\"Hospedagem\"]", "item 1" },
  { "invoice/item-no-description", CALL_GET_INVOICE, 200, INVOICE_JSON, "items",
    "[{\"service_id\":\"5\",\"service_kind\":\"cloud\",\"amount_cents\":100}]", "description" },
  { "invoice/item-service-number", CALL_GET_INVOICE, 200, INVOICE_JSON, "items",
    "[{\"description\":\"x\",\"service_id\":5,\"service_kind\":\"cloud\",\"amount_cents\":100}]", "service_id" },
  { "invoice/item-amount-fraction", CALL_GET_INVOICE, 200, INVOICE_JSON, "items",
    "[{\"description\":\"x\",\"service_id\":null,\"service_kind\":null,\"amount_cents\":1.5}]", "amount_cents" },
  { "invoice/item-service-missing", CALL_GET_INVOICE, 200, INVOICE_JSON, "items",
    "[{\"description\":\"x\",\"service_kind\":null,\"amount_cents\":100}]", "service_id" },
  { "invoice/item-kind-missing", CALL_GET_INVOICE, 200, INVOICE_JSON, "items",
    "[{\"description\":\"x\",\"service_id\":\"5\",\"amount_cents\":100}]", "service_kind" },
  { "invoice/item-kind-unknown", CALL_GET_INVOICE, 200, INVOICE_JSON, "items",
    "[{\"description\":\"x\",\"service_id\":\"5\",\"service_kind\":\"vps\",\"amount_cents\":100}]", "service_kind" },
  { "invoice/item-kind-without-service", CALL_GET_INVOICE, 200, INVOICE_JSON, "items",
    "[{\"description\":\"x\",\"service_id\":null,\"service_kind\":\"shared\",\"amount_cents\":100}]", "service_kind" },
  { "invoice/item-service-without-kind", CALL_GET_INVOICE, 200, INVOICE_JSON, "items",
    "[{\"description\":\"x\",\"service_id\":\"5\",\"service_kind\":null,\"amount_cents\":100}]", "service_kind" },
  /* Another contract's or another invoice */
  { "invoice/other-id", CALL_GET_INVOICE, 200, INVOICE_JSON, "id", "\"13\"", "another invoice" },
  { "invoice/other-contract", CALL_GET_INVOICE, 200, INVOICE_JSON, "contract_id", "\"c9\"", "another invoice" },

  /* Lists of invoices */
  { "invoices/open-total-missing", CALL_LIST_INVOICES, 200, LIST_OF (INVOICE_JSON), "open_total_cents", NULL, NULL },
  { "invoices/open-total-string", CALL_LIST_INVOICES, 200, LIST_OF (INVOICE_JSON), "open_total_cents", "\"1\"", NULL },
  { "invoices/overdue-total-missing", CALL_LIST_INVOICES, 200, LIST_OF (INVOICE_JSON), "overdue_total_cents", NULL, NULL },
  { "invoices/overdue-total-over-open", CALL_LIST_INVOICES, 200, LIST_OF (INVOICE_JSON), "overdue_total_cents", "12991", NULL },
  { "invoices/total-negative", CALL_LIST_INVOICES, 200, LIST_OF (INVOICE_JSON), "open_total_cents", "-5", NULL },
  { "invoices/item-other-contract", CALL_LIST_INVOICES, 200, LIST_OF (INVOICE_JSON), "items",
    "[" INVOICE_JSON "," OTHER_INVOICE_JSON "]", "another contract" },
  { "invoices/one-bad-item", CALL_LIST_INVOICES, 200, LIST_OF (INVOICE_JSON), "items",
    "[{\"id\":\"12\"}]", "contract_id" },
  { "invoices/all-other-contract", CALL_LIST_ALL_INVOICES, 200, LIST_OF (INVOICE_JSON), "items",
    "[" OTHER_INVOICE_JSON "]", "another contract" },

  /* Boleto */
  { "boleto/bank-code-letters", CALL_GET_BOLETO, 200, BOLETO_JSON, "bank_code", "\"BB1\"", NULL },
  { "boleto/bank-code-number", CALL_GET_BOLETO, 200, BOLETO_JSON, "bank_code", "1", NULL },
  { "boleto/barcode-short", CALL_GET_BOLETO, 200, BOLETO_JSON, "barcode", "\"0019337370000012990000000312855700000000121\"", NULL },
  { "boleto/barcode-spaces", CALL_GET_BOLETO, 200, BOLETO_JSON, "barcode",
    "\"00193 37370000012990000000312855700000000121\"", NULL },
  { "boleto/barcode-other-bank", CALL_GET_BOLETO, 200, BOLETO_JSON, "bank_code", "\"341\"", "barcode" },
  { "boleto/linha-formatted", CALL_GET_BOLETO, 200, BOLETO_JSON, "linha_digitavel",
    "\"00190.00009 03128.557000 00000.012189 3 37370000012990\"", NULL },
  { "boleto/linha-missing", CALL_GET_BOLETO, 200, BOLETO_JSON, "linha_digitavel", NULL, NULL },
  { "boleto/due-date-bad", CALL_GET_BOLETO, 200, BOLETO_JSON, "due_date", "\"2026-11-31\"", NULL },
  { "boleto/amount-string", CALL_GET_BOLETO, 200, BOLETO_JSON, "amount_cents", "\"129,90\"", NULL },
  { "boleto/payer-missing", CALL_GET_BOLETO, 200, BOLETO_JSON, "payer", NULL, NULL },
  { "boleto/second-copy-missing", CALL_GET_BOLETO, 200, BOLETO_JSON, "second_copy", NULL, NULL },
  { "boleto/second-copy-string", CALL_GET_BOLETO, 200, BOLETO_JSON, "second_copy", "\"yes\"", NULL },
  { "boleto/second-copy-fine-missing", CALL_SECOND_COPY, 201, SECOND_COPY_JSON, "second_copy.fine_cents", NULL, NULL },
  { "boleto/second-copy-days-negative", CALL_SECOND_COPY, 201, SECOND_COPY_JSON, "second_copy.days_late", "-3", NULL },
  { "boleto/second-copy-date-bad", CALL_SECOND_COPY, 201, SECOND_COPY_JSON, "second_copy.original_due_date",
    "\"2026-11-10Z\"", NULL },
  { "boleto/second-copy-sum-wrong", CALL_SECOND_COPY, 201, SECOND_COPY_JSON, "second_copy.interest_cents", "66",
    "2ª via" },
  { "boleto/second-copy-not-given", CALL_SECOND_COPY, 201, SECOND_COPY_JSON, "second_copy", "null", "2ª via" },
  { "boleto/other-invoice", CALL_GET_BOLETO, 200, BOLETO_JSON, "invoice_id", "\"13\"", "another invoice" },

  /* PIX */
  { "pix/txid-missing", CALL_GET_PIX, 200, PIX_JSON, "txid", NULL, NULL },
  { "pix/brcode-empty", CALL_GET_PIX, 200, PIX_JSON, "brcode", "\"\"", NULL },
  { "pix/amount-zero", CALL_GET_PIX, 200, PIX_JSON, "amount_cents", "0", NULL },
  { "pix/status-unknown", CALL_GET_PIX, 200, PIX_JSON, "status", "\"paid\"", NULL },
  { "pix/expires-at-bad", CALL_GET_PIX, 200, PIX_JSON, "expires_at", "\"in 30 minutes\"", NULL },
  { "pix/expires-before-created", CALL_GET_PIX, 200, PIX_JSON, "expires_at", "\"2026-11-20T14:00:00Z\"", "expires" },
  { "pix/created-at-null", CALL_GET_PIX, 200, PIX_JSON, "created_at", "null", NULL },
  { "pix/other-invoice", CALL_CREATE_PIX, 201, PIX_JSON, "invoice_id", "\"13\"", "another invoice" },

  /* Cards and payments */
  { "token/missing", CALL_TOKENIZE_CARD, 201, TOKEN_JSON, "token", NULL, NULL },
  { "token/number", CALL_TOKENIZE_CARD, 201, TOKEN_JSON, "token", "42", NULL },
  { "token/last4-short", CALL_TOKENIZE_CARD, 201, TOKEN_JSON, "last4", "\"111\"", NULL },
  { "token/other-card", CALL_TOKENIZE_CARD, 201, TOKEN_JSON, "last4", "\"0002\"", "another card" },
  { "token/expires-at-missing", CALL_TOKENIZE_CARD, 201, TOKEN_JSON, "expires_at", NULL, NULL },
  { "card/last4-number", CALL_ADD_CARD, 201, CARD_JSON, "last4", "1111", NULL },
  { "card/exp-month-13", CALL_ADD_CARD, 201, CARD_JSON, "exp_month", "13", NULL },
  { "card/exp-year-short", CALL_ADD_CARD, 201, CARD_JSON, "exp_year", "30", NULL },
  { "card/holder-missing", CALL_ADD_CARD, 201, CARD_JSON, "holder", NULL, NULL },
  { "card/other-card", CALL_ADD_CARD, 201, CARD_JSON, "last4", "\"4242\"", "another card" },
  { "cards/item-bad", CALL_LIST_CARDS, 200, "{\"items\":[" CARD_JSON "],\"total\":1,\"next_cursor\":null}",
    "items", "[{\"id\":\"4\"}]", "brand" },
  { "cards/total-missing", CALL_LIST_CARDS, 200, "{\"items\":[" CARD_JSON "],\"total\":1,\"next_cursor\":null}",
    "total", NULL, NULL },
  { "payment/id-missing", CALL_PAY_WITH_CARD, 201, PAYMENT_JSON, "id", NULL, NULL },
  { "payment/method-unknown", CALL_PAY_WITH_CARD, 201, PAYMENT_JSON, "method", "\"credit_card\"", NULL },
  { "payment/method-pix", CALL_PAY_WITH_CARD, 201, PAYMENT_JSON, "method", "\"pix\"", "another payment" },
  { "payment/card-last4-long", CALL_PAY_WITH_CARD, 201, PAYMENT_JSON, "card.last4", "\"11111\"", NULL },
  { "payment/card-string", CALL_PAY_WITH_CARD, 201, PAYMENT_JSON, "card", "\"visa 1111\"", NULL },
  { "payment/created-at-bad", CALL_PAY_WITH_CARD, 201, PAYMENT_JSON, "created_at", "\"2026-13-20T14:05:00Z\"", NULL },
  { "payment/other-invoice", CALL_PAY_WITH_CARD, 201, PAYMENT_JSON, "invoice_id", "\"13\"", "another payment" },

  /* Bank accounts, debit, DDA, payment methods */
  { "account/bank-code-short", CALL_ADD_ACCOUNT, 201, ACCOUNT_JSON, "bank_code", "\"41\"", NULL },
  { "account/agency-missing", CALL_ADD_ACCOUNT, 201, ACCOUNT_JSON, "agency", NULL, NULL },
  { "account/created-at-number", CALL_ADD_ACCOUNT, 201, ACCOUNT_JSON, "created_at", "1700000000", NULL },
  { "account/other-bank", CALL_ADD_ACCOUNT, 201, ACCOUNT_JSON, "bank_code", "\"237\"", "another bank account" },
  { "accounts/item-bad", CALL_LIST_ACCOUNTS, 200, "{\"items\":[" ACCOUNT_JSON "],\"total\":1,\"next_cursor\":null}",
    "items", "[{\"id\":3}]", "id" },
  { "debit/date-bad", CALL_GET_DEBIT, 200, DEBIT_JSON, "date", "\"09/11/2026\"", NULL },
  { "debit/status-unknown", CALL_GET_DEBIT, 200, DEBIT_JSON, "status", "\"done\"", NULL },
  { "debit/account-missing", CALL_GET_DEBIT, 200, DEBIT_JSON, "bank_account_id", NULL, NULL },
  { "debit/other-invoice", CALL_GET_DEBIT, 200, DEBIT_JSON, "invoice_id", "\"13\"", "another debit schedule" },
  { "debit/set-other-account", CALL_SET_DEBIT, 200, DEBIT_JSON, "bank_account_id", "\"4\"", "another debit schedule" },
  { "debit/set-other-date", CALL_SET_DEBIT, 200, DEBIT_JSON, "date", "\"2026-11-08\"", "another debit schedule" },
  { "dda/enabled-number", CALL_GET_DDA, 200, DDA_JSON, "enabled", "1", NULL },
  { "dda/enabled-at-missing", CALL_GET_DDA, 200, DDA_JSON, "enabled_at", NULL, NULL },
  { "dda/not-changed", CALL_SET_DDA, 200, DDA_JSON, "enabled", "false", "DDA" },
  { "methods/default-unknown", CALL_GET_METHODS, 200, METHODS_JSON, "default_method", "\"cheque\"", NULL },
  { "methods/services-missing", CALL_GET_METHODS, 200, METHODS_JSON, "services", NULL, NULL },
  { "methods/service-no-name", CALL_GET_METHODS, 200, METHODS_JSON, "services",
    "[{\"service_id\":\"5\",\"method\":\"pix\"}]", "name" },
  { "methods/service-method-nick", CALL_GET_METHODS, 200, METHODS_JSON, "services",
    "[{\"service_id\":\"5\",\"name\":\"x\",\"method\":\"bank-debit\"}]", "method" },
  { "methods/default-not-changed", CALL_SET_DEFAULT_METHOD, 200, METHODS_JSON, "default_method", "\"boleto\"",
    "payment method" },
  { "methods/service-not-changed", CALL_SET_SERVICE_METHOD, 200, METHODS_JSON, "services",
    "[{\"service_id\":\"5\",\"name\":\"x\",\"method\":\"pix\"}]", "payment method" },
  { "methods/service-gone", CALL_SET_SERVICE_METHOD, 200, METHODS_JSON, "services", "[]", "payment method" },

  /* Notas fiscais */
  { "note/status-unknown", CALL_GET_NOTE, 200, NOTE_JSON, "status", "\"cancelled\"", NULL },
  { "note/number-missing", CALL_GET_NOTE, 200, NOTE_JSON, "number", NULL, NULL },
  { "note/issued-without-number", CALL_GET_NOTE, 200, NOTE_JSON, "number", "null", NULL },
  { "note/issued-without-code", CALL_GET_NOTE, 200, NOTE_JSON, "verification_code", "null", NULL },
  { "note/issued-without-time", CALL_GET_NOTE, 200, NOTE_JSON, "issued_at", "null", NULL },
  { "note/pending-with-number", CALL_GET_NOTE, 200, PENDING_NOTE_JSON, "number", "\"2026/000123\"", NULL },
  { "note/pending-without-date", CALL_GET_NOTE, 200, PENDING_NOTE_JSON, "scheduled_for", "null", NULL },
  { "note/scheduled-for-bad", CALL_GET_NOTE, 200, NOTE_JSON, "scheduled_for", "\"2026-11-15T00:00\"", NULL },
  { "note/amount-negative", CALL_GET_NOTE, 200, NOTE_JSON, "amount_cents", "-12990", NULL },
  { "note/description-missing", CALL_GET_NOTE, 200, NOTE_JSON, "description", NULL, NULL },
  { "note/other-id", CALL_GET_NOTE, 200, NOTE_JSON, "id", "\"8\"", "another nota fiscal" },
  { "note/issue-still-pending", CALL_ISSUE_NOTE, 200, PENDING_NOTE_JSON, "id", "\"7\"", "did not issue" },
  { "notes/item-bad", CALL_LIST_NOTES, 200, "{\"items\":[" NOTE_JSON "],\"total\":1,\"next_cursor\":null}",
    "items", "[" PENDING_NOTE_JSON ",{\"id\":\"9\",\"status\":\"issued\"}]", "invoice_id" },
  { "notes/all-item-bad", CALL_LIST_ALL_NOTES, 200, "{\"items\":[" NOTE_JSON "],\"total\":1,\"next_cursor\":null}",
    "items", "[{\"id\":\"9\",\"status\":\"issued\"}]", "invoice_id" },
};

static void
test_bad_member (Fixture       *f,
                 gconstpointer  data)
{
  const BadMember *bad = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = fake_json_with (bad->json, bad->member, bad->value);
  const char *part = bad->message_part;

  if (part == NULL)
    {
      part = strrchr (bad->member, '.');
      part = part != NULL ? part + 1 : bad->member;
    }

  answer (f, bad->kind, bad->status, NULL, json);
  error = run_failing (f, bad->kind, SAN_API_ERROR_MALFORMED);
  /* The message names what is wrong */
  assert_message_contains (error, part);
}

/* Error answers of the billing routes */

typedef struct
{
  const char *name;
  CallKind    kind;
  guint       status;
  const char *body;
  int         code;
  const char *message_part;   /* NULL: not checked */
} BadStatus;

static const BadStatus bad_statuses[] = {
  { "declined", CALL_PAY_WITH_CARD, 402,
    "{\"type\":\"about:blank\",\"title\":\"Payment declined\",\"status\":402,\"code\":\"payment_declined\","
    "\"detail\":\"The card was declined by the issuer\"}",
    SAN_API_ERROR_PAYMENT_DECLINED, "The card was declined by the issuer" },
  { "declined-no-detail", CALL_PAY_WITH_CARD, 402, "{\"status\":402,\"code\":\"payment_declined\"}",
    SAN_API_ERROR_PAYMENT_DECLINED, NULL },
  { "paid-already", CALL_PAY_WITH_CARD, 409,
    "{\"status\":409,\"code\":\"invalid_state\",\"detail\":\"The invoice is already paid\"}",
    SAN_API_ERROR_CONFLICT, "The invoice is already paid" },
  { "key-reused", CALL_PAY_WITH_CARD, 422,
    "{\"status\":422,\"code\":\"idempotency_key_reused\",\"detail\":\"The key was used for another request\"}",
    SAN_API_ERROR_IDEMPOTENCY, "The key was used for another request" },
  { "card-invalid", CALL_TOKENIZE_CARD, 400,
    "{\"status\":400,\"code\":\"validation_failed\",\"errors\":[{\"field\":\"number\",\"code\":\"invalid\","
    "\"message\":\"The card number is not valid\"}]}",
    SAN_API_ERROR_INVALID_INPUT, "number: The card number is not valid" },
  { "boleto-not-unpaid", CALL_GET_BOLETO, 409, "{\"status\":409,\"code\":\"invalid_state\"}",
    SAN_API_ERROR_CONFLICT, NULL },
  { "second-copy-not-overdue", CALL_SECOND_COPY, 409,
    "{\"status\":409,\"code\":\"invalid_state\",\"detail\":\"The invoice is not overdue\"}",
    SAN_API_ERROR_CONFLICT, "not overdue" },
  { "pix-none", CALL_GET_PIX, 404, "{\"status\":404,\"code\":\"not_found\"}", SAN_API_ERROR_NOT_FOUND, NULL },
  { "debit-none", CALL_GET_DEBIT, 404, "{\"status\":404,\"code\":\"not_found\"}", SAN_API_ERROR_NOT_FOUND, NULL },
  { "account-in-use", CALL_DELETE_ACCOUNT, 409,
    "{\"status\":409,\"code\":\"conflict\",\"detail\":\"A debit schedule uses this account\"}",
    SAN_API_ERROR_CONFLICT, "A debit schedule uses this account" },
  { "method-needs-card", CALL_SET_DEFAULT_METHOD, 409, "{\"status\":409,\"code\":\"invalid_state\"}",
    SAN_API_ERROR_CONFLICT, NULL },
  { "note-issued-already", CALL_ISSUE_NOTE, 409, "{\"status\":409,\"code\":\"invalid_state\"}",
    SAN_API_ERROR_CONFLICT, NULL },
  { "no-permission", CALL_LIST_INVOICES, 403, "{\"status\":403,\"code\":\"forbidden\"}",
    SAN_API_ERROR_FORBIDDEN, NULL },
  { "delete-card-server-error", CALL_DELETE_CARD, 500, "{\"status\":500,\"code\":\"internal_error\"}",
    SAN_API_ERROR_SERVER, NULL },
};

static void
test_bad_status (Fixture       *f,
                 gconstpointer  data)
{
  const BadStatus *bad = data;
  g_autoptr(GError) error = NULL;

  answer (f, bad->kind, bad->status, PROBLEM, bad->body);
  error = run_failing (f, bad->kind, bad->code);
  if (bad->message_part != NULL)
    assert_message_contains (error, bad->message_part);
}

/* The card's details are text or nothing: never sent otherwise */
static void
test_card_not_text (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *token = NULL;
  Waiter waiter = { 0 };

  san_client_tokenize_card_async (f->client, "c1", "4111 1111 1111 1111", "ANA \xff", 12, 2030, "123",
                                  NULL, waiter_cb, &waiter);
  result = waiter_wait (&waiter);
  token = san_client_tokenize_card_finish (f->client, result, &error);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_INVALID_INPUT);
  g_assert_null (token);
  g_assert_cmpuint (fake_server_count (f->fake, "POST", TOKENS_PATH), ==, 0);
}

/* Cancelled calls stay G_IO_ERROR_CANCELLED */
static void
test_cancelled (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(SanInvoice) invoice = NULL;
  Waiter waiter = { 0 };

  answer (f, CALL_GET_INVOICE, 200, NULL, INVOICE_JSON);
  fake_server_set_delay (f->fake, "GET", INVOICE_PATH, 2000);
  san_client_get_invoice_async (f->client, "c1", "12", cancellable, waiter_cb, &waiter);
  g_cancellable_cancel (cancellable);
  result = waiter_wait (&waiter);
  invoice = san_client_get_invoice_finish (f->client, result, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (invoice);
}

/* An expired token is refreshed, and the payment is sent again with the
 * same key and body */
static void
test_payment_after_refresh (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanPayment) payment = NULL;
  GDestroyNotify free_func;

  answer (f, CALL_PAY_WITH_CARD, 201, NULL, PAYMENT_JSON);
  fake_server_set_expires_in (f->fake, 900);
  fake_server_expire_access (f->fake);
  payment = run_call (f, CALL_PAY_WITH_CARD, &free_func, &error);
  g_assert_no_error (error);
  g_assert_nonnull (payment);
  g_assert_cmpuint (fake_server_count (f->fake, "POST", PAYMENTS_PATH), ==, 2);
  g_assert_cmpstr (fake_server_last_header (f->fake, PAYMENTS_PATH, "Idempotency-Key"), ==, "key-1");
  g_assert_cmpstr (fake_server_last_body (f->fake, PAYMENTS_PATH), ==, "{\"method\":\"card\",\"card_id\":\"4\"}");
}

int
main (int   argc,
      char *argv[])
{
  /* With isolated dirs there are no GSettings schemas, which GIO's GNOME
   * proxy resolver needs: talk to the loopback servers directly */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("/api/parse-billing/invoice/valid", test_invoice_valid, NULL);
  ADD ("/api/parse-billing/invoice/paid", test_invoice_paid, NULL);
  ADD ("/api/parse-billing/invoices/list-valid", test_invoices_list_valid, NULL);
  ADD ("/api/parse-billing/invoices/list-plain", test_invoices_list_plain, NULL);
  ADD ("/api/parse-billing/invoices/list-all", test_invoices_list_all, NULL);
  ADD ("/api/parse-billing/invoices/list-all-endless", test_invoices_list_all_endless, NULL);
  ADD ("/api/parse-billing/boleto/valid", test_boleto_valid, NULL);
  ADD ("/api/parse-billing/boleto/second-copy", test_boleto_second_copy, NULL);
  ADD ("/api/parse-billing/pix/valid", test_pix_valid, NULL);
  ADD ("/api/parse-billing/token/valid", test_tokenize_valid, NULL);
  ADD ("/api/parse-billing/token/not-text", test_card_not_text, NULL);
  ADD ("/api/parse-billing/card/valid", test_card_valid, NULL);
  ADD ("/api/parse-billing/card/body-escaped", test_card_body_escaped, NULL);
  ADD ("/api/parse-billing/cards/valid", test_cards_list, NULL);
  ADD ("/api/parse-billing/payment/valid", test_payment_valid, NULL);
  ADD ("/api/parse-billing/payment/with-token", test_payment_with_token, NULL);
  ADD ("/api/parse-billing/payment/after-refresh", test_payment_after_refresh, NULL);
  g_test_add_func ("/api/parse-billing/payment/idempotency-key", test_idempotency_key);
  ADD ("/api/parse-billing/account/valid", test_account_valid, NULL);
  ADD ("/api/parse-billing/debit/valid", test_debit_valid, NULL);
  ADD ("/api/parse-billing/dda/valid", test_dda_valid, NULL);
  ADD ("/api/parse-billing/methods/valid", test_methods_valid, NULL);
  ADD ("/api/parse-billing/note/valid", test_note_valid, NULL);
  ADD ("/api/parse-billing/note/pending", test_note_pending, NULL);
  ADD ("/api/parse-billing/notes/list-valid", test_notes_list_valid, NULL);
  ADD ("/api/parse-billing/deletes", test_deletes, NULL);
  ADD ("/api/parse-billing/download/valid", test_downloads_valid, NULL);
  ADD ("/api/parse-billing/cancelled", test_cancelled, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad_downloads); i++)
    {
      g_autofree char *path = g_strdup_printf ("/api/parse-billing/download/%s", bad_downloads[i].name);

      ADD (path, test_download_bad, &bad_downloads[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_members); i++)
    {
      g_autofree char *path = g_strdup_printf ("/api/parse-billing/%s", bad_members[i].name);

      ADD (path, test_bad_member, &bad_members[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_statuses); i++)
    {
      g_autofree char *path = g_strdup_printf ("/api/parse-billing/error/%s", bad_statuses[i].name);

      ADD (path, test_bad_status, &bad_statuses[i]);
    }

#undef ADD

  return g_test_run ();
}
