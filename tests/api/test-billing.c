/* test-billing.c: SanClient's billing calls against the real san-portald
 * (demo data on a fixed day, a fresh database and a free port per test)
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "san-api-test.h"
#include "san-boleto-code.h"
#include "san-test-server.h"

#define DEMO_EMAIL      "demo@example.com"
#define DEMO_PASSWORD   "demo-1234"
#define VIEWER_EMAIL    "viewer@example.com"
#define VIEWER_PASSWORD "viewer-1234"
#define OTHER_EMAIL     "other@example.com"
#define OTHER_PASSWORD  "other-1234"

#define PADARIA "Padaria Pão Quente Ltda"
#define ANA     "Ana Souza"
#define OFICINA "Oficina Ribeiro ME"

/* The demo's "today": every date below follows from it */
#define TODAY_Y 2026
#define TODAY_M 11
#define TODAY_D 20
#define TODAY   "2026-11-20"

typedef struct
{
  SanTestServer *server;
  SanClient     *client;
  char          *padaria;   /* contract ids */
  char          *ana;
} Fixture;

/* Synchronous helpers (they run the main loop) */

static SanPage *
list_invoices (SanClient   *client,
               const char  *contract_id,
               const char  *status,
               const GDate *from,
               const GDate *to,
               const char  *search,
               const char  *cursor,
               guint        limit,
               gint64      *open_total,
               gint64      *overdue_total,
               GError     **error)
{
  RUN (san_client_list_invoices_async (client, contract_id, status, from, to, search, cursor, limit,
                                       NULL, waiter_cb, &waiter));
  return san_client_list_invoices_finish (client, result, open_total, overdue_total, error);
}

static GListModel *
list_all_invoices (SanClient   *client,
                   const char  *contract_id,
                   gint64      *open_total,
                   gint64      *overdue_total,
                   GError     **error)
{
  RUN (san_client_list_all_invoices_async (client, contract_id, NULL, waiter_cb, &waiter));
  return san_client_list_all_invoices_finish (client, result, open_total, overdue_total, error);
}

static SanInvoice *
get_invoice (SanClient   *client,
             const char  *contract_id,
             const char  *invoice_id,
             GError     **error)
{
  RUN (san_client_get_invoice_async (client, contract_id, invoice_id, NULL, waiter_cb, &waiter));
  return san_client_get_invoice_finish (client, result, error);
}

static GBytes *
download_invoice_pdf (SanClient   *client,
                      const char  *contract_id,
                      const char  *invoice_id,
                      GError     **error)
{
  RUN (san_client_download_invoice_pdf_async (client, contract_id, invoice_id, NULL, waiter_cb, &waiter));
  return san_client_download_invoice_pdf_finish (client, result, error);
}

static SanBoleto *
get_boleto (SanClient   *client,
            const char  *contract_id,
            const char  *invoice_id,
            GError     **error)
{
  RUN (san_client_get_boleto_async (client, contract_id, invoice_id, NULL, waiter_cb, &waiter));
  return san_client_get_boleto_finish (client, result, error);
}

static SanBoleto *
request_second_copy (SanClient   *client,
                     const char  *contract_id,
                     const char  *invoice_id,
                     GError     **error)
{
  RUN (san_client_request_second_copy_async (client, contract_id, invoice_id, NULL, waiter_cb, &waiter));
  return san_client_request_second_copy_finish (client, result, error);
}

static SanPixCharge *
create_pix (SanClient   *client,
            const char  *contract_id,
            const char  *invoice_id,
            GError     **error)
{
  RUN (san_client_create_pix_async (client, contract_id, invoice_id, NULL, waiter_cb, &waiter));
  return san_client_create_pix_finish (client, result, error);
}

static SanPixCharge *
get_pix (SanClient   *client,
         const char  *contract_id,
         const char  *invoice_id,
         GError     **error)
{
  RUN (san_client_get_pix_async (client, contract_id, invoice_id, NULL, waiter_cb, &waiter));
  return san_client_get_pix_finish (client, result, error);
}

static char *
tokenize_card (SanClient   *client,
               const char  *contract_id,
               const char  *number,
               GError     **error)
{
  RUN (san_client_tokenize_card_async (client, contract_id, number, "ANA SOUZA", 12, 2030, "123",
                                       NULL, waiter_cb, &waiter));
  return san_client_tokenize_card_finish (client, result, error);
}

static GListModel *
list_cards (SanClient   *client,
            const char  *contract_id,
            GError     **error)
{
  RUN (san_client_list_cards_async (client, contract_id, NULL, waiter_cb, &waiter));
  return san_client_list_cards_finish (client, result, error);
}

static SanCard *
add_card (SanClient   *client,
          const char  *contract_id,
          const char  *number,
          const char  *cvv,
          GError     **error)
{
  RUN (san_client_add_card_async (client, contract_id, number, "ANA SOUZA", 6, 2031, cvv,
                                  NULL, waiter_cb, &waiter));
  return san_client_add_card_finish (client, result, error);
}

static gboolean
delete_card (SanClient   *client,
             const char  *contract_id,
             const char  *card_id,
             GError     **error)
{
  RUN (san_client_delete_card_async (client, contract_id, card_id, NULL, waiter_cb, &waiter));
  return san_client_delete_card_finish (client, result, error);
}

static SanPayment *
pay_with_card (SanClient   *client,
               const char  *contract_id,
               const char  *invoice_id,
               const char  *card_id,
               const char  *card_token,
               const char  *key,
               GError     **error)
{
  RUN (san_client_pay_with_card_async (client, contract_id, invoice_id, card_id, card_token, key,
                                       NULL, waiter_cb, &waiter));
  return san_client_pay_with_card_finish (client, result, error);
}

static GListModel *
list_bank_accounts (SanClient   *client,
                    const char  *contract_id,
                    GError     **error)
{
  RUN (san_client_list_bank_accounts_async (client, contract_id, NULL, waiter_cb, &waiter));
  return san_client_list_bank_accounts_finish (client, result, error);
}

static SanBankAccount *
add_bank_account (SanClient   *client,
                  const char  *contract_id,
                  const char  *bank_code,
                  const char  *agency,
                  const char  *account,
                  GError     **error)
{
  RUN (san_client_add_bank_account_async (client, contract_id, bank_code, agency, account, "Ana Souza",
                                          "318.472.659-28", NULL, waiter_cb, &waiter));
  return san_client_add_bank_account_finish (client, result, error);
}

static gboolean
delete_bank_account (SanClient   *client,
                     const char  *contract_id,
                     const char  *account_id,
                     GError     **error)
{
  RUN (san_client_delete_bank_account_async (client, contract_id, account_id, NULL, waiter_cb, &waiter));
  return san_client_delete_bank_account_finish (client, result, error);
}

static SanDebitSchedule *
get_debit_schedule (SanClient   *client,
                    const char  *contract_id,
                    const char  *invoice_id,
                    GError     **error)
{
  RUN (san_client_get_debit_schedule_async (client, contract_id, invoice_id, NULL, waiter_cb, &waiter));
  return san_client_get_debit_schedule_finish (client, result, error);
}

static SanDebitSchedule *
set_debit_schedule (SanClient   *client,
                    const char  *contract_id,
                    const char  *invoice_id,
                    const char  *account_id,
                    const GDate *date,
                    GError     **error)
{
  RUN (san_client_set_debit_schedule_async (client, contract_id, invoice_id, account_id, date,
                                            NULL, waiter_cb, &waiter));
  return san_client_set_debit_schedule_finish (client, result, error);
}

static gboolean
cancel_debit_schedule (SanClient   *client,
                       const char  *contract_id,
                       const char  *invoice_id,
                       GError     **error)
{
  RUN (san_client_cancel_debit_schedule_async (client, contract_id, invoice_id, NULL, waiter_cb, &waiter));
  return san_client_cancel_debit_schedule_finish (client, result, error);
}

static SanDda *
get_dda (SanClient   *client,
         const char  *contract_id,
         GError     **error)
{
  RUN (san_client_get_dda_async (client, contract_id, NULL, waiter_cb, &waiter));
  return san_client_get_dda_finish (client, result, error);
}

static SanDda *
set_dda (SanClient   *client,
         const char  *contract_id,
         gboolean     enabled,
         GError     **error)
{
  RUN (san_client_set_dda_async (client, contract_id, enabled, NULL, waiter_cb, &waiter));
  return san_client_set_dda_finish (client, result, error);
}

static SanPayMethods *
get_pay_methods (SanClient   *client,
                 const char  *contract_id,
                 GError     **error)
{
  RUN (san_client_get_pay_methods_async (client, contract_id, NULL, waiter_cb, &waiter));
  return san_client_get_pay_methods_finish (client, result, error);
}

static SanPayMethods *
set_default_pay_method (SanClient         *client,
                        const char        *contract_id,
                        SanPaymentMethod   method,
                        GError           **error)
{
  RUN (san_client_set_default_pay_method_async (client, contract_id, method, NULL, waiter_cb, &waiter));
  return san_client_set_default_pay_method_finish (client, result, error);
}

static SanPayMethods *
set_service_pay_method (SanClient         *client,
                        const char        *contract_id,
                        const char        *service_id,
                        SanPaymentMethod   method,
                        GError           **error)
{
  RUN (san_client_set_service_pay_method_async (client, contract_id, service_id, method, NULL,
                                                waiter_cb, &waiter));
  return san_client_set_service_pay_method_finish (client, result, error);
}

static SanPage *
list_fiscal_notes (SanClient                 *client,
                   const char                *contract_id,
                   const SanFiscalNoteStatus *status,
                   const GDate               *from,
                   const GDate               *to,
                   const char                *cursor,
                   guint                      limit,
                   GError                   **error)
{
  RUN (san_client_list_fiscal_notes_async (client, contract_id, status, from, to, cursor, limit,
                                           NULL, waiter_cb, &waiter));
  return san_client_list_fiscal_notes_finish (client, result, error);
}

static GListModel *
list_all_fiscal_notes (SanClient   *client,
                       const char  *contract_id,
                       GError     **error)
{
  RUN (san_client_list_all_fiscal_notes_async (client, contract_id, NULL, waiter_cb, &waiter));
  return san_client_list_all_fiscal_notes_finish (client, result, error);
}

static SanFiscalNote *
get_fiscal_note (SanClient   *client,
                 const char  *contract_id,
                 const char  *note_id,
                 GError     **error)
{
  RUN (san_client_get_fiscal_note_async (client, contract_id, note_id, NULL, waiter_cb, &waiter));
  return san_client_get_fiscal_note_finish (client, result, error);
}

static GBytes *
download_fiscal_note (SanClient            *client,
                      const char           *contract_id,
                      const char           *note_id,
                      SanFiscalNoteFormat   format,
                      GError              **error)
{
  RUN (san_client_download_fiscal_note_async (client, contract_id, note_id, format, NULL,
                                              waiter_cb, &waiter));
  return san_client_download_fiscal_note_finish (client, result, error);
}

static SanFiscalNote *
issue_fiscal_note (SanClient   *client,
                   const char  *contract_id,
                   const char  *note_id,
                   GError     **error)
{
  RUN (san_client_issue_fiscal_note_async (client, contract_id, note_id, NULL, waiter_cb, &waiter));
  return san_client_issue_fiscal_note_finish (client, result, error);
}

/* The demo's PIX confirmation: POST /api/v1/_sim/pix/{txid}/settle, no token */
static guint
settle_pix (Fixture    *f,
            const char *txid)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *escaped = g_uri_escape_string (txid, NULL, FALSE);
  g_autofree char *uri = g_strdup_printf ("%s/api/v1/_sim/pix/%s/settle",
                                          san_test_server_get_url (f->server), escaped);
  g_autoptr(SoupMessage) message = soup_message_new ("POST", uri);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  Waiter waiter = { 0 };

  soup_session_send_and_read_async (session, message, G_PRIORITY_DEFAULT, NULL, waiter_cb, &waiter);
  result = waiter_wait (&waiter);
  body = soup_session_send_and_read_finish (session, result, &error);
  g_assert_no_error (error);
  return soup_message_get_status (message);
}

/* Fixtures */

static void
fixture_start (Fixture            *f,
               const char * const *extra_args)
{
  f->server = san_test_server_start (TRUE, extra_args);
  f->client = test_client_new (san_test_server_get_url (f->server), NULL);
  test_client_login (f->client, DEMO_EMAIL, DEMO_PASSWORD);
  f->padaria = test_client_contract_id (f->client, PADARIA);
  f->ana = test_client_contract_id (f->client, ANA);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char * const args[] = { "--today", TODAY, "--pix-settle-after", "0", NULL };

  fixture_start (f, args);
}

static void
fixture_set_up_auto_settle (Fixture       *f,
                            gconstpointer  data)
{
  const char * const args[] = { "--today", TODAY, "--pix-settle-after", "1", NULL };

  fixture_start (f, args);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->client);
  san_test_server_stop (f->server);
  g_free (f->padaria);
  g_free (f->ana);
}

/* Helpers on the demo data */

static GDate *
today_plus (int days)
{
  GDate *date = g_date_new_dmy (TODAY_D, TODAY_M, TODAY_Y);

  if (days >= 0)
    g_date_add_days (date, (guint) days);
  else
    g_date_subtract_days (date, (guint) -days);
  return date;
}

static GListModel *
all_invoices (Fixture    *f,
              const char *contract_id)
{
  g_autoptr(GError) error = NULL;
  GListModel *invoices = list_all_invoices (f->client, contract_id, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (invoices);
  return invoices;
}

/* The newest invoice of @contract_id in @status (and @overdue) */
static SanInvoice *
find_invoice (Fixture          *f,
              const char       *contract_id,
              SanInvoiceStatus  status,
              gboolean          overdue)
{
  g_autoptr(GListModel) invoices = all_invoices (f, contract_id);

  for (guint i = 0; i < g_list_model_get_n_items (invoices); i++)
    {
      g_autoptr(SanInvoice) invoice = g_list_model_get_item (invoices, i);

      if (san_invoice_get_status (invoice) == status && !san_invoice_get_overdue (invoice) == !overdue)
        return g_steal_pointer (&invoice);
    }
  g_error ("no invoice of status %d (overdue %d)", status, overdue);
  return NULL;
}

static void
assert_same_date (const GDate *a,
                  const GDate *b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpint (g_date_compare (a, b), ==, 0);
}

/* Invoices */

static void
test_invoices_list_all (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) invoices = NULL;
  g_autoptr(GDate) today = today_plus (0);
  gint64 open_total = -1, overdue_total = -1;
  gint64 unpaid_sum = 0, overdue_sum = 0;
  guint counts[SAN_INVOICE_STATUS_PAYMENT_PENDING + 1] = { 0 };
  guint n_overdue = 0;
  guint n;

  invoices = list_all_invoices (f->client, f->padaria, &open_total, &overdue_total, &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (invoices);
  g_assert_cmpuint (n, >=, 12);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SanInvoice) invoice = g_list_model_get_item (invoices, i);
      SanInvoiceStatus status = san_invoice_get_status (invoice);
      SanPaymentMethod paid_with;

      g_assert_cmpstr (san_invoice_get_contract_id (invoice), ==, f->padaria);
      g_assert_cmpuint (g_list_model_get_n_items (san_invoice_get_items (invoice)), >, 0);
      counts[status]++;
      if (status == SAN_INVOICE_STATUS_UNPAID)
        unpaid_sum += san_invoice_get_total_cents (invoice);
      if (san_invoice_get_overdue (invoice))
        {
          n_overdue++;
          overdue_sum += san_invoice_get_total_cents (invoice);
          g_assert_cmpint (g_date_compare (san_invoice_get_due_date (invoice), today), <, 0);
        }
      if (status == SAN_INVOICE_STATUS_PAID)
        {
          g_assert_nonnull (san_invoice_get_paid_at (invoice));
          g_assert_true (san_invoice_get_paid_with (invoice, &paid_with));
        }

      /* Newest first: due dates never grow down the list */
      if (i > 0)
        {
          g_autoptr(SanInvoice) previous = g_list_model_get_item (invoices, i - 1);

          g_assert_cmpint (g_date_compare (san_invoice_get_due_date (previous),
                                           san_invoice_get_due_date (invoice)), >=, 0);
        }
    }

  /* The demo: every status, one overdue */
  g_assert_cmpuint (counts[SAN_INVOICE_STATUS_UNPAID], ==, 2);
  g_assert_cmpuint (counts[SAN_INVOICE_STATUS_PAID], >=, 5);
  g_assert_cmpuint (counts[SAN_INVOICE_STATUS_CANCELLED], ==, 1);
  g_assert_cmpuint (counts[SAN_INVOICE_STATUS_REFUNDED], ==, 1);
  g_assert_cmpuint (counts[SAN_INVOICE_STATUS_PAYMENT_PENDING], ==, 1);
  g_assert_cmpuint (n_overdue, ==, 1);
  g_assert_cmpint (open_total, ==, unpaid_sum);
  g_assert_cmpint (overdue_total, ==, overdue_sum);
}

static void
test_invoices_filters (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanPage) overdue = NULL;
  g_autoptr(SanPage) paid = NULL;
  g_autoptr(SanPage) first = NULL;
  g_autoptr(SanPage) second = NULL;
  g_autoptr(SanPage) range = NULL;
  g_autoptr(SanPage) search = NULL;
  g_autoptr(SanInvoice) overdue_invoice = NULL;
  g_autoptr(SanInvoice) one = NULL;
  g_autoptr(GListModel) invoices = all_invoices (f, f->padaria);
  g_autoptr(GDate) from = today_plus (-100);
  g_autoptr(GDate) to = today_plus (0);
  gint64 open_total = -1, overdue_total = -1;
  guint n_all = g_list_model_get_n_items (invoices);
  GListModel *items;

  /* overdue: unpaid past due, and the totals whatever the filter */
  overdue = list_invoices (f->client, f->padaria, "overdue", NULL, NULL, NULL, NULL, 0,
                           &open_total, &overdue_total, &error);
  g_assert_no_error (error);
  items = san_page_get_items (overdue);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);
  overdue_invoice = g_list_model_get_item (items, 0);
  g_assert_true (san_invoice_get_overdue (overdue_invoice));
  g_assert_cmpint (overdue_total, ==, san_invoice_get_total_cents (overdue_invoice));
  g_assert_cmpint (open_total, >, overdue_total);

  paid = list_invoices (f->client, f->padaria, "paid", NULL, NULL, NULL, NULL, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  items = san_page_get_items (paid);
  g_assert_cmpuint (g_list_model_get_n_items (items), >=, 5);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SanInvoice) invoice = g_list_model_get_item (items, i);

      g_assert_cmpint (san_invoice_get_status (invoice), ==, SAN_INVOICE_STATUS_PAID);
    }

  /* Pages */
  first = list_invoices (f->client, f->padaria, NULL, NULL, NULL, NULL, NULL, 2, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (san_page_get_items (first)), ==, 2);
  g_assert_cmpuint (san_page_get_total (first), ==, n_all);
  g_assert_nonnull (san_page_get_next_cursor (first));
  second = list_invoices (f->client, f->padaria, NULL, NULL, NULL, NULL,
                          san_page_get_next_cursor (first), 2, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (san_page_get_items (second)), ==, 2);
  {
    g_autoptr(SanInvoice) a = g_list_model_get_item (san_page_get_items (second), 0);
    g_autoptr(SanInvoice) b = g_list_model_get_item (invoices, 2);

    g_assert_cmpstr (san_invoice_get_id (a), ==, san_invoice_get_id (b));
  }

  /* Due dates in a range, inclusive */
  range = list_invoices (f->client, f->padaria, NULL, from, to, NULL, NULL, 100, NULL, NULL, &error);
  g_assert_no_error (error);
  items = san_page_get_items (range);
  g_assert_cmpuint (g_list_model_get_n_items (items), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (items), <, n_all);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SanInvoice) invoice = g_list_model_get_item (items, i);

      g_assert_cmpint (g_date_compare (san_invoice_get_due_date (invoice), from), >=, 0);
      g_assert_cmpint (g_date_compare (san_invoice_get_due_date (invoice), to), <=, 0);
    }

  /* By number */
  one = g_list_model_get_item (invoices, 3);
  search = list_invoices (f->client, f->padaria, NULL, NULL, NULL, san_invoice_get_number (one), NULL, 0,
                          NULL, NULL, &error);
  g_assert_no_error (error);
  items = san_page_get_items (search);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);
  {
    g_autoptr(SanInvoice) found = g_list_model_get_item (items, 0);

    g_assert_cmpstr (san_invoice_get_id (found), ==, san_invoice_get_id (one));
  }
}

static void
test_invoice_get (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanInvoice) listed = find_invoice (f, f->padaria, SAN_INVOICE_STATUS_PAID, FALSE);
  g_autoptr(SanInvoice) invoice = NULL;
  g_autoptr(SanInvoice) of_ana = find_invoice (f, f->ana, SAN_INVOICE_STATUS_PAID, FALSE);
  g_autoptr(SanInvoice) missing = NULL;
  g_autoptr(SanInvoice) elsewhere = NULL;
  SanPaymentMethod a, b;

  invoice = get_invoice (f->client, f->padaria, san_invoice_get_id (listed), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (san_invoice_get_number (invoice), ==, san_invoice_get_number (listed));
  g_assert_cmpint (san_invoice_get_total_cents (invoice), ==, san_invoice_get_total_cents (listed));
  assert_same_date (san_invoice_get_due_date (invoice), san_invoice_get_due_date (listed));
  g_assert_true (san_invoice_get_paid_with (invoice, &a));
  g_assert_true (san_invoice_get_paid_with (listed, &b));
  g_assert_cmpint (a, ==, b);
  g_assert_true (g_date_time_equal (san_invoice_get_paid_at (invoice), san_invoice_get_paid_at (listed)));

  missing = get_invoice (f->client, f->padaria, "999999", &error);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_NOT_FOUND);
  g_assert_null (missing);
  g_clear_error (&error);

  /* Another contract's invoice is not found here */
  elsewhere = get_invoice (f->client, f->padaria, san_invoice_get_id (of_ana), &error);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_NOT_FOUND);
  g_assert_null (elsewhere);
}

static void
test_invoice_pdf (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanInvoice) invoice = find_invoice (f, f->padaria, SAN_INVOICE_STATUS_UNPAID, TRUE);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) missing = NULL;

  pdf = download_invoice_pdf (f->client, f->padaria, san_invoice_get_id (invoice), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (pdf), >, 100);
  g_assert_cmpmem (g_bytes_get_data (pdf, NULL), 5, "%PDF-", 5);

  missing = download_invoice_pdf (f->client, f->padaria, "999999", &error);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_NOT_FOUND);
  g_assert_null (missing);
}

/* Boleto */

static void
test_boleto (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanInvoice) invoice = find_invoice (f, f->padaria, SAN_INVOICE_STATUS_UNPAID, FALSE);
  g_autoptr(SanInvoice) paid = find_invoice (f, f->padaria, SAN_INVOICE_STATUS_PAID, FALSE);
  g_autoptr(SanBoleto) boleto = NULL;
  g_autoptr(SanBoleto) none = NULL;
  g_autofree char *barcode = NULL;
  SanBoletoCode code;

  boleto = get_boleto (f->client, f->padaria, san_invoice_get_id (invoice), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (san_boleto_get_invoice_id (boleto), ==, san_invoice_get_id (invoice));
  g_assert_cmpint (san_boleto_get_amount_cents (boleto), ==, san_invoice_get_total_cents (invoice));
  assert_same_date (san_boleto_get_due_date (boleto), san_invoice_get_due_date (invoice));
  g_assert_false (san_boleto_get_is_second_copy (boleto));
  g_assert_cmpstr (san_boleto_get_payer (boleto), ==, PADARIA);

  /* The codes agree with each other and with the boleto */
  g_assert_true (san_boleto_code_parse (san_boleto_get_linha_digitavel (boleto), &code, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (code.barcode, ==, san_boleto_get_barcode (boleto));
  g_assert_cmpstr (code.bank_code, ==, san_boleto_get_bank_code (boleto));
  g_assert_cmpint (code.amount_cents, ==, san_boleto_get_amount_cents (boleto));
  assert_same_date (&code.due_date, san_boleto_get_due_date (boleto));
  barcode = san_boleto_code_linha_to_barcode (san_boleto_get_linha_digitavel (boleto), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (barcode, ==, san_boleto_get_barcode (boleto));

  /* Only while unpaid */
  none = get_boleto (f->client, f->padaria, san_invoice_get_id (paid), &error);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_CONFLICT);
  g_assert_null (none);
}

static void
test_boleto_second_copy (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanInvoice) overdue = find_invoice (f, f->padaria, SAN_INVOICE_STATUS_UNPAID, TRUE);
  g_autoptr(SanInvoice) current = find_invoice (f, f->padaria, SAN_INVOICE_STATUS_UNPAID, FALSE);
  g_autoptr(SanBoleto) copy = NULL;
  g_autoptr(SanBoleto) again = NULL;
  g_autoptr(SanBoleto) refused = NULL;
  g_autoptr(GDate) new_due = today_plus (3);
  gint64 total = san_invoice_get_total_cents (overdue);
  gint64 fine, interest;
  guint days_late;

  copy = request_second_copy (f->client, f->padaria, san_invoice_get_id (overdue), &error);
  g_assert_no_error (error);
  g_assert_true (san_boleto_get_is_second_copy (copy));
  assert_same_date (san_boleto_get_due_date (copy), new_due);
  assert_same_date (san_boleto_get_original_due_date (copy), san_invoice_get_due_date (overdue));
  g_assert_cmpint (san_boleto_get_original_amount_cents (copy), ==, total);

  /* 2% fine, 1% a month of interest pro rata, rounded half up */
  days_late = (guint) g_date_days_between (san_invoice_get_due_date (overdue), new_due);
  fine = (total * 2 + 50) / 100;
  interest = (total * (gint64) days_late + 1500) / 3000;
  g_assert_cmpuint (san_boleto_get_days_late (copy), ==, days_late);
  g_assert_cmpuint (days_late, ==, 15);
  g_assert_cmpint (san_boleto_get_fine_cents (copy), ==, fine);
  g_assert_cmpint (san_boleto_get_interest_cents (copy), ==, interest);
  g_assert_cmpint (san_boleto_get_amount_cents (copy), ==, total + fine + interest);

  /* GET boleto gives the latest 2ª via */
  again = get_boleto (f->client, f->padaria, san_invoice_get_id (overdue), &error);
  g_assert_no_error (error);
  g_assert_true (san_boleto_get_is_second_copy (again));
  g_assert_cmpstr (san_boleto_get_barcode (again), ==, san_boleto_get_barcode (copy));
  g_assert_cmpint (san_boleto_get_amount_cents (again), ==, san_boleto_get_amount_cents (copy));

  /* Only for an overdue invoice */
  refused = request_second_copy (f->client, f->padaria, san_invoice_get_id (current), &error);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_CONFLICT);
  g_assert_null (refused);
}

/* PIX */

static void
test_pix_settle (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanInvoice) invoice = find_invoice (f, f->padaria, SAN_INVOICE_STATUS_UNPAID, FALSE);
  const char *id = san_invoice_get_id (invoice);
  g_autoptr(SanPixCharge) none = NULL;
  g_autoptr(SanPixCharge) pix = NULL;
  g_autoptr(SanPixCharge) same = NULL;
  g_autoptr(SanPixCharge) polled = NULL;
  g_autoptr(SanPixCharge) settled = NULL;
  g_autoptr(SanPixCharge) refused = NULL;
  g_autoptr(SanInvoice) paid = NULL;
  SanPaymentMethod paid_with;

  /* None yet */
  none = get_pix (f->client, f->padaria, id, &error);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_NOT_FOUND);
  g_assert_null (none);
  g_clear_error (&error);

  pix = create_pix (f->client, f->padaria, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (san_pix_charge_get_invoice_id (pix), ==, id);
  g_assert_cmpint (san_pix_charge_get_status (pix), ==, SAN_PIX_STATUS_ACTIVE);
  g_assert_cmpint (san_pix_charge_get_amount_cents (pix), ==, san_invoice_get_total_cents (invoice));
  g_assert_true (g_str_has_prefix (san_pix_charge_get_brcode (pix), "000201"));
  g_assert_cmpint (g_date_time_difference (san_pix_charge_get_expires_at (pix),
                                           san_pix_charge_get_created_at (pix)), ==, 30 * G_TIME_SPAN_MINUTE);

  /* Asking again gives the still-active charge */
  same = create_pix (f->client, f->padaria, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (san_pix_charge_get_txid (same), ==, san_pix_charge_get_txid (pix));
  polled = get_pix (f->client, f->padaria, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (san_pix_charge_get_txid (polled), ==, san_pix_charge_get_txid (pix));
  g_assert_cmpint (san_pix_charge_get_status (polled), ==, SAN_PIX_STATUS_ACTIVE);

  /* The bank confirms: the charge is settled and the invoice paid */
  g_assert_cmpuint (settle_pix (f, san_pix_charge_get_txid (pix)), ==, 200);
  settled = get_pix (f->client, f->padaria, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (san_pix_charge_get_status (settled), ==, SAN_PIX_STATUS_SETTLED);
  paid = get_invoice (f->client, f->padaria, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (san_invoice_get_status (paid), ==, SAN_INVOICE_STATUS_PAID);
  g_assert_true (san_invoice_get_paid_with (paid, &paid_with));
  g_assert_cmpint (paid_with, ==, SAN_PAYMENT_METHOD_PIX);
  g_assert_nonnull (san_invoice_get_paid_at (paid));

  /* Once */
  g_assert_cmpuint (settle_pix (f, san_pix_charge_get_txid (pix)), ==, 409);
  g_assert_cmpuint (settle_pix (f, "SANNOSUCHTXID"), ==, 404);
  refused = create_pix (f->client, f->padaria, id, &error);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_CONFLICT);
  g_assert_null (refused);
}

/* With --pix-settle-after, the app's polling sees the charge paid */
static void
test_pix_auto_settle (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanInvoice) invoice = find_invoice (f, f->ana, SAN_INVOICE_STATUS_UNPAID, FALSE);
  const char *id = san_invoice_get_id (invoice);
  g_autoptr(SanPixCharge) pix = NULL;
  g_autoptr(SanPixCharge) settled = NULL;
  g_autoptr(SanInvoice) paid = NULL;

  pix = create_pix (f->client, f->ana, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (san_pix_charge_get_status (pix), ==, SAN_PIX_STATUS_ACTIVE);

  test_sleep_ms (1200);
  settled = get_pix (f->client, f->ana, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (san_pix_charge_get_status (settled), ==, SAN_PIX_STATUS_SETTLED);
  paid = get_invoice (f->client, f->ana, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (san_invoice_get_status (paid), ==, SAN_INVOICE_STATUS_PAID);
}

/* Cards and payments */

static void
test_cards (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) cards = NULL;
  g_autoptr(GListModel) after = NULL;
  g_autoptr(GListModel) at_end = NULL;
  g_autoptr(SanCard) stored = NULL;
  g_autoptr(SanCard) added = NULL;
  g_autoptr(SanCard) bad = NULL;

  cards = list_cards (f->client, f->padaria, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cards), ==, 1);
  stored = g_list_model_get_item (cards, 0);
  g_assert_cmpstr (san_card_get_brand (stored), ==, "visa");
  g_assert_cmpstr (san_card_get_last4 (stored), ==, "1111");
  g_assert_cmpuint (san_card_get_exp_month (stored), ==, 12);
  g_assert_cmpuint (san_card_get_exp_year (stored), ==, 2030);

  added = add_card (f->client, f->padaria, "5555 5555 5555 4444", "321", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (san_card_get_brand (added), ==, "mastercard");
  g_assert_cmpstr (san_card_get_last4 (added), ==, "4444");
  g_assert_cmpuint (san_card_get_exp_month (added), ==, 6);
  g_assert_cmpuint (san_card_get_exp_year (added), ==, 2031);
  g_assert_cmpstr (san_card_get_holder (added), ==, "ANA SOUZA");

  after = list_cards (f->client, f->padaria, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, 2);

  g_assert_true (delete_card (f->client, f->padaria, san_card_get_id (added), &error));
  g_assert_no_error (error);
  g_assert_false (delete_card (f->client, f->padaria, san_card_get_id (added), &error));
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_NOT_FOUND);
  g_clear_error (&error);
  at_end = list_cards (f->client, f->padaria, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (at_end), ==, 1);

  /* Luhn */
  bad = add_card (f->client, f->padaria, "4111 1111 1111 1112", "123", &error);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "number"));
  g_assert_null (bad);
}

static void
test_payment_idempotent (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanInvoice) invoice = find_invoice (f, f->padaria, SAN_INVOICE_STATUS_UNPAID, FALSE);
  g_autoptr(SanInvoice) overdue = find_invoice (f, f->padaria, SAN_INVOICE_STATUS_UNPAID, TRUE);
  g_autoptr(GListModel) cards = NULL;
  g_autoptr(SanCard) card = NULL;
  g_autoptr(SanPayment) payment = NULL;
  g_autoptr(SanPayment) again = NULL;
  g_autoptr(SanPayment) reused = NULL;
  g_autoptr(SanPayment) twice = NULL;
  g_autoptr(SanInvoice) paid = NULL;
  g_autofree char *key = san_client_new_idempotency_key ();
  g_autofree char *other_key = san_client_new_idempotency_key ();
  const char *id = san_invoice_get_id (invoice);
  SanPaymentMethod paid_with;

  cards = list_cards (f->client, f->padaria, &error);
  g_assert_no_error (error);
  card = g_list_model_get_item (cards, 0);

  payment = pay_with_card (f->client, f->padaria, id, san_card_get_id (card), NULL, key, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (san_payment_get_invoice_id (payment), ==, id);
  g_assert_cmpint (san_payment_get_method (payment), ==, SAN_PAYMENT_METHOD_CARD);
  g_assert_cmpstr (san_payment_get_status (payment), ==, "approved");
  g_assert_cmpint (san_payment_get_amount_cents (payment), ==, san_invoice_get_total_cents (invoice));
  g_assert_cmpstr (san_payment_get_card_brand (payment), ==, "visa");
  g_assert_cmpstr (san_payment_get_card_last4 (payment), ==, "1111");

  /* A retry with the same key: the same payment, nothing charged twice */
  again = pay_with_card (f->client, f->padaria, id, san_card_get_id (card), NULL, key, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (san_payment_get_id (again), ==, san_payment_get_id (payment));
  g_assert_true (g_date_time_equal (san_payment_get_created_at (again), san_payment_get_created_at (payment)));

  paid = get_invoice (f->client, f->padaria, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (san_invoice_get_status (paid), ==, SAN_INVOICE_STATUS_PAID);
  g_assert_true (san_invoice_get_paid_with (paid, &paid_with));
  g_assert_cmpint (paid_with, ==, SAN_PAYMENT_METHOD_CARD);

  /* The key for another payment */
  reused = pay_with_card (f->client, f->padaria, san_invoice_get_id (overdue), san_card_get_id (card), NULL,
                          key, &error);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_IDEMPOTENCY);
  g_assert_null (reused);
  g_clear_error (&error);

  /* A new key on the paid invoice */
  twice = pay_with_card (f->client, f->padaria, id, san_card_get_id (card), NULL, other_key, &error);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_CONFLICT);
  g_assert_null (twice);
}

static void
test_payment_token (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanInvoice) invoice = find_invoice (f, f->ana, SAN_INVOICE_STATUS_UNPAID, TRUE);
  g_autoptr(SanPayment) payment = NULL;
  g_autoptr(GListModel) cards = NULL;
  g_autofree char *token = NULL;
  g_autofree char *bad_token = NULL;
  g_autofree char *key = san_client_new_idempotency_key ();

  token = tokenize_card (f->client, f->ana, "5555 5555 5555 4444", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (token, "ct_"));

  payment = pay_with_card (f->client, f->ana, san_invoice_get_id (invoice), NULL, token, key, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (san_payment_get_card_brand (payment), ==, "mastercard");
  g_assert_cmpstr (san_payment_get_card_last4 (payment), ==, "4444");

  /* A token is not a stored card */
  cards = list_cards (f->client, f->ana, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cards), ==, 1);

  bad_token = tokenize_card (f->client, f->ana, "1234", &error);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_INVALID_INPUT);
  g_assert_null (bad_token);
}

static void
test_payment_declined (Fixture       *f,
                       gconstpointer  data)
{
  static const struct
  {
    const char *number;
    const char *reason;
  } declines[] = {
    { "4000 0000 0000 0002", "The card was declined by the issuer" },
    { "4000 0000 0000 9995", "Insufficient funds" },
  };
  g_autoptr(SanInvoice) invoice = find_invoice (f, f->padaria, SAN_INVOICE_STATUS_UNPAID, FALSE);
  const char *id = san_invoice_get_id (invoice);

  for (guint i = 0; i < G_N_ELEMENTS (declines); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SanPayment) payment = NULL;
      g_autoptr(SanPayment) again = NULL;
      g_autoptr(SanInvoice) unpaid = NULL;
      g_autofree char *token = NULL;
      g_autofree char *key = san_client_new_idempotency_key ();

      token = tokenize_card (f->client, f->padaria, declines[i].number, &error);
      g_assert_no_error (error);
      payment = pay_with_card (f->client, f->padaria, id, NULL, token, key, &error);
      g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_PAYMENT_DECLINED);
      g_assert_nonnull (strstr (error->message, declines[i].reason));
      g_assert_null (payment);
      g_clear_error (&error);

      /* Remembered under its key */
      again = pay_with_card (f->client, f->padaria, id, NULL, token, key, &error);
      g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_PAYMENT_DECLINED);
      g_assert_null (again);
      g_clear_error (&error);

      unpaid = get_invoice (f->client, f->padaria, id, &error);
      g_assert_no_error (error);
      g_assert_cmpint (san_invoice_get_status (unpaid), ==, SAN_INVOICE_STATUS_UNPAID);
    }
}

/* Permissions: the server's 403 is SAN_API_ERROR_FORBIDDEN */

static void
test_permissions_viewer (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(SanClient) julia = test_client_new (san_test_server_get_url (f->server), NULL);
  g_autofree char *oficina = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) invoices = NULL;
  g_autoptr(GListModel) cards = NULL;
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(SanPayMethods) methods = NULL;
  g_autoptr(SanPayMethods) changed = NULL;
  g_autoptr(SanDda) dda = NULL;
  g_autoptr(GListModel) notes = NULL;
  g_autoptr(GListModel) ana_invoices = NULL;

  test_client_login (julia, VIEWER_EMAIL, VIEWER_PASSWORD);
  oficina = test_client_contract_id (julia, OFICINA);

  /* Invoices only */
  invoices = list_all_invoices (julia, oficina, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (invoices);

  cards = list_cards (julia, oficina, &error);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_FORBIDDEN);
  g_assert_null (cards);
  g_clear_error (&error);
  accounts = list_bank_accounts (julia, oficina, &error);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_FORBIDDEN);
  g_assert_null (accounts);
  g_clear_error (&error);
  methods = get_pay_methods (julia, oficina, &error);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_FORBIDDEN);
  g_assert_null (methods);
  g_clear_error (&error);
  changed = set_default_pay_method (julia, oficina, SAN_PAYMENT_METHOD_PIX, &error);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_FORBIDDEN);
  g_assert_null (changed);
  g_clear_error (&error);
  dda = get_dda (julia, oficina, &error);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_FORBIDDEN);
  g_assert_null (dda);
  g_clear_error (&error);
  notes = list_all_fiscal_notes (julia, oficina, &error);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_FORBIDDEN);
  g_assert_null (notes);
  g_clear_error (&error);

  /* Not a member of Ana's contracts */
  ana_invoices = list_all_invoices (julia, f->padaria, NULL, NULL, &error);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_FORBIDDEN);
  g_assert_null (ana_invoices);
}

static void
test_permissions_services_only (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *oficina = test_client_contract_id (f->client, OFICINA);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) invoices = NULL;
  g_autoptr(SanInvoice) invoice = NULL;
  g_autoptr(SanPixCharge) pix = NULL;

  /* Ana sees Oficina's services, not its invoices */
  invoices = list_all_invoices (f->client, oficina, NULL, NULL, &error);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_FORBIDDEN);
  g_assert_null (invoices);
  g_clear_error (&error);
  invoice = get_invoice (f->client, oficina, "1", &error);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_FORBIDDEN);
  g_assert_null (invoice);
  g_clear_error (&error);
  pix = create_pix (f->client, oficina, "1", &error);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_FORBIDDEN);
  g_assert_null (pix);
}

/* Bank accounts and Débito em Conta */

static void
test_bank_accounts (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(GListModel) after = NULL;
  g_autoptr(SanBankAccount) demo = NULL;
  g_autoptr(SanBankAccount) added = NULL;
  g_autoptr(SanBankAccount) bad = NULL;

  accounts = list_bank_accounts (f->client, f->padaria, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, 1);
  demo = g_list_model_get_item (accounts, 0);
  g_assert_cmpstr (san_bank_account_get_bank_code (demo), ==, "341");

  /* Itaú: mod 10 over agency and account */
  added = add_bank_account (f->client, f->padaria, "341", "1234", "12345-1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (san_bank_account_get_bank_code (added), ==, "341");
  g_assert_cmpstr (san_bank_account_get_agency (added), ==, "1234");
  g_assert_cmpstr (san_bank_account_get_account (added), ==, "12345-1");
  g_assert_cmpstr (san_bank_account_get_holder (added), ==, "Ana Souza");
  bad = add_bank_account (f->client, f->padaria, "341", "1234", "12345-6", &error);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "account"));
  g_assert_null (bad);
  g_clear_error (&error);

  after = list_bank_accounts (f->client, f->padaria, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, 2);
  g_assert_true (delete_bank_account (f->client, f->padaria, san_bank_account_get_id (added), &error));
  g_assert_no_error (error);
}

static void
test_debit_schedule (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanInvoice) pending = find_invoice (f, f->padaria, SAN_INVOICE_STATUS_PAYMENT_PENDING, FALSE);
  g_autoptr(SanInvoice) unpaid = find_invoice (f, f->padaria, SAN_INVOICE_STATUS_UNPAID, FALSE);
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(SanBankAccount) account = NULL;
  g_autoptr(SanDebitSchedule) seeded = NULL;
  g_autoptr(SanDebitSchedule) schedule = NULL;
  g_autoptr(SanDebitSchedule) got = NULL;
  g_autoptr(SanDebitSchedule) gone = NULL;
  g_autoptr(SanInvoice) scheduled = NULL;
  g_autoptr(SanInvoice) unpaid_again = NULL;
  g_autoptr(GDate) date = today_plus (1);
  const char *id = san_invoice_get_id (unpaid);

  accounts = list_bank_accounts (f->client, f->padaria, &error);
  g_assert_no_error (error);
  account = g_list_model_get_item (accounts, 0);

  /* The demo's payment_pending invoice has one */
  seeded = get_debit_schedule (f->client, f->padaria, san_invoice_get_id (pending), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (san_debit_schedule_get_bank_account_id (seeded), ==, san_bank_account_get_id (account));

  gone = get_debit_schedule (f->client, f->padaria, id, &error);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_NOT_FOUND);
  g_assert_null (gone);
  g_clear_error (&error);

  schedule = set_debit_schedule (f->client, f->padaria, id, san_bank_account_get_id (account), date, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (san_debit_schedule_get_invoice_id (schedule), ==, id);
  assert_same_date (san_debit_schedule_get_date (schedule), date);
  scheduled = get_invoice (f->client, f->padaria, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (san_invoice_get_status (scheduled), ==, SAN_INVOICE_STATUS_PAYMENT_PENDING);
  got = get_debit_schedule (f->client, f->padaria, id, &error);
  g_assert_no_error (error);
  assert_same_date (san_debit_schedule_get_date (got), date);

  /* An account in use stays */
  g_assert_false (delete_bank_account (f->client, f->padaria, san_bank_account_get_id (account), &error));
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_CONFLICT);
  g_clear_error (&error);

  g_assert_true (cancel_debit_schedule (f->client, f->padaria, id, &error));
  g_assert_no_error (error);
  unpaid_again = get_invoice (f->client, f->padaria, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (san_invoice_get_status (unpaid_again), ==, SAN_INVOICE_STATUS_UNPAID);
  g_clear_object (&gone);
  gone = get_debit_schedule (f->client, f->padaria, id, &error);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_NOT_FOUND);
  g_assert_null (gone);
}

static void
test_debit_schedule_bad_date (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanInvoice) unpaid = find_invoice (f, f->padaria, SAN_INVOICE_STATUS_UNPAID, FALSE);
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(SanBankAccount) account = NULL;
  g_autoptr(SanDebitSchedule) late = NULL;
  g_autoptr(SanDebitSchedule) past = NULL;
  g_autoptr(GDate) yesterday = today_plus (-1);
  GDate after_due = *san_invoice_get_due_date (unpaid);

  accounts = list_bank_accounts (f->client, f->padaria, &error);
  g_assert_no_error (error);
  account = g_list_model_get_item (accounts, 0);

  g_date_add_days (&after_due, 1);
  late = set_debit_schedule (f->client, f->padaria, san_invoice_get_id (unpaid),
                             san_bank_account_get_id (account), &after_due, &error);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_INVALID_INPUT);
  g_assert_null (late);
  g_clear_error (&error);
  past = set_debit_schedule (f->client, f->padaria, san_invoice_get_id (unpaid),
                             san_bank_account_get_id (account), yesterday, &error);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_INVALID_INPUT);
  g_assert_null (past);
}

static void
test_dda (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanDda) off = NULL;
  g_autoptr(SanDda) on = NULL;
  g_autoptr(SanDda) read = NULL;
  g_autoptr(SanDda) off_again = NULL;

  off = get_dda (f->client, f->padaria, &error);
  g_assert_no_error (error);
  g_assert_false (san_dda_get_enabled (off));
  g_assert_null (san_dda_get_enabled_at (off));

  on = set_dda (f->client, f->padaria, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (san_dda_get_enabled (on));
  g_assert_nonnull (san_dda_get_enabled_at (on));
  read = get_dda (f->client, f->padaria, &error);
  g_assert_no_error (error);
  g_assert_true (san_dda_get_enabled (read));

  off_again = set_dda (f->client, f->padaria, FALSE, &error);
  g_assert_no_error (error);
  g_assert_false (san_dda_get_enabled (off_again));
}

static void
test_pay_methods (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanPayMethods) methods = NULL;
  g_autoptr(SanPayMethods) by_pix = NULL;
  g_autoptr(SanPayMethods) by_card = NULL;
  g_autoptr(SanPayMethods) refused = NULL;
  g_autoptr(SanServicePayMethod) service = NULL;
  g_autoptr(GListModel) cards = NULL;
  g_autoptr(SanCard) card = NULL;
  GListModel *services;
  const char *service_id;

  methods = get_pay_methods (f->client, f->padaria, &error);
  g_assert_no_error (error);
  services = san_pay_methods_get_services (methods);
  g_assert_cmpuint (g_list_model_get_n_items (services), >, 0);
  service = g_list_model_get_item (services, 0);
  service_id = san_service_pay_method_get_service_id (service);
  g_assert_cmpstr (san_service_pay_method_get_name (service), !=, "");

  by_pix = set_default_pay_method (f->client, f->padaria, SAN_PAYMENT_METHOD_PIX, &error);
  g_assert_no_error (error);
  g_assert_cmpint (san_pay_methods_get_default_method (by_pix), ==, SAN_PAYMENT_METHOD_PIX);

  by_card = set_service_pay_method (f->client, f->padaria, service_id, SAN_PAYMENT_METHOD_CARD, &error);
  g_assert_no_error (error);
  g_assert_cmpint (san_pay_methods_get_default_method (by_card), ==, SAN_PAYMENT_METHOD_PIX);

  /* Card needs a stored card */
  cards = list_cards (f->client, f->padaria, &error);
  g_assert_no_error (error);
  card = g_list_model_get_item (cards, 0);
  g_assert_true (delete_card (f->client, f->padaria, san_card_get_id (card), &error));
  g_assert_no_error (error);
  refused = set_default_pay_method (f->client, f->padaria, SAN_PAYMENT_METHOD_CARD, &error);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_CONFLICT);
  g_assert_null (refused);
}

/* Bank debit needs a bank account: Ana Souza has none */
static void
test_pay_methods_no_account (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanPayMethods) refused = NULL;

  refused = set_default_pay_method (f->client, f->ana, SAN_PAYMENT_METHOD_BANK_DEBIT, &error);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_CONFLICT);
  g_assert_null (refused);
}

/* Notas fiscais */

static void
test_fiscal_notes (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) notes = NULL;
  g_autoptr(SanPage) pending_page = NULL;
  g_autoptr(SanFiscalNote) issued = NULL;
  g_autoptr(SanFiscalNote) pending = NULL;
  g_autoptr(SanFiscalNote) got = NULL;
  g_autoptr(SanFiscalNote) now_issued = NULL;
  g_autoptr(SanFiscalNote) twice = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(GBytes) not_yet = NULL;
  SanFiscalNoteStatus pending_status = SAN_FISCAL_NOTE_STATUS_PENDING;
  guint n_pending = 0;

  notes = list_all_fiscal_notes (f->client, f->padaria, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (notes), >=, 5);
  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(SanFiscalNote) note = g_list_model_get_item (notes, i);

      if (san_fiscal_note_get_status (note) == SAN_FISCAL_NOTE_STATUS_PENDING)
        {
          n_pending++;
          g_set_object (&pending, note);
        }
      else if (issued == NULL)
        g_set_object (&issued, note);
    }
  /* The latest paid invoice's note waits */
  g_assert_cmpuint (n_pending, ==, 1);
  g_assert_nonnull (issued);
  g_assert_nonnull (san_fiscal_note_get_number (issued));
  g_assert_nonnull (san_fiscal_note_get_verification_code (issued));

  pending_page = list_fiscal_notes (f->client, f->padaria, &pending_status, NULL, NULL, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (san_page_get_items (pending_page)), ==, 1);

  got = get_fiscal_note (f->client, f->padaria, san_fiscal_note_get_id (issued), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (san_fiscal_note_get_number (got), ==, san_fiscal_note_get_number (issued));
  g_assert_cmpstr (san_fiscal_note_get_invoice_id (got), ==, san_fiscal_note_get_invoice_id (issued));

  pdf = download_fiscal_note (f->client, f->padaria, san_fiscal_note_get_id (issued),
                              SAN_FISCAL_NOTE_FORMAT_PDF, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (pdf, NULL), 5, "%PDF-", 5);
  xml = download_fiscal_note (f->client, f->padaria, san_fiscal_note_get_id (issued),
                              SAN_FISCAL_NOTE_FORMAT_XML, &error);
  g_assert_no_error (error);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (xml, NULL), (gssize) g_bytes_get_size (xml),
                                  san_fiscal_note_get_verification_code (issued)));

  /* Pending: no files yet; issued on request, once */
  not_yet = download_fiscal_note (f->client, f->padaria, san_fiscal_note_get_id (pending),
                                  SAN_FISCAL_NOTE_FORMAT_PDF, &error);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_CONFLICT);
  g_assert_null (not_yet);
  g_clear_error (&error);

  now_issued = issue_fiscal_note (f->client, f->padaria, san_fiscal_note_get_id (pending), &error);
  g_assert_no_error (error);
  g_assert_cmpint (san_fiscal_note_get_status (now_issued), ==, SAN_FISCAL_NOTE_STATUS_ISSUED);
  g_assert_nonnull (san_fiscal_note_get_number (now_issued));
  g_assert_nonnull (san_fiscal_note_get_issued_at (now_issued));

  twice = issue_fiscal_note (f->client, f->padaria, san_fiscal_note_get_id (pending), &error);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_CONFLICT);
  g_assert_null (twice);
}

/* Paying an invoice makes its nota fiscal, pending */
static void
test_fiscal_note_after_payment (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanInvoice) invoice = find_invoice (f, f->padaria, SAN_INVOICE_STATUS_UNPAID, FALSE);
  g_autoptr(GListModel) cards = NULL;
  g_autoptr(SanCard) card = NULL;
  g_autoptr(SanPayment) payment = NULL;
  g_autoptr(GListModel) notes = NULL;
  g_autofree char *key = san_client_new_idempotency_key ();
  g_autoptr(GDate) scheduled = today_plus (5);
  gboolean found = FALSE;

  cards = list_cards (f->client, f->padaria, &error);
  g_assert_no_error (error);
  card = g_list_model_get_item (cards, 0);
  payment = pay_with_card (f->client, f->padaria, san_invoice_get_id (invoice), san_card_get_id (card),
                           NULL, key, &error);
  g_assert_no_error (error);

  notes = list_all_fiscal_notes (f->client, f->padaria, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(SanFiscalNote) note = g_list_model_get_item (notes, i);

      if (g_strcmp0 (san_fiscal_note_get_invoice_id (note), san_invoice_get_id (invoice)) != 0)
        continue;
      found = TRUE;
      g_assert_cmpint (san_fiscal_note_get_status (note), ==, SAN_FISCAL_NOTE_STATUS_PENDING);
      g_assert_cmpstr (san_fiscal_note_get_invoice_number (note), ==, san_invoice_get_number (invoice));
      g_assert_cmpint (san_fiscal_note_get_amount_cents (note), ==, san_invoice_get_total_cents (invoice));
      assert_same_date (san_fiscal_note_get_scheduled_for (note), scheduled);
    }
  g_assert_true (found);
}

int
main (int   argc,
      char *argv[])
{
  /* With isolated dirs there are no GSettings schemas, which GIO's GNOME
   * proxy resolver needs: talk to the loopback servers directly */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/api/billing/invoices/list-all", test_invoices_list_all);
  ADD ("/api/billing/invoices/filters", test_invoices_filters);
  ADD ("/api/billing/invoices/get", test_invoice_get);
  ADD ("/api/billing/invoices/pdf", test_invoice_pdf);
  ADD ("/api/billing/boleto/get", test_boleto);
  ADD ("/api/billing/boleto/second-copy", test_boleto_second_copy);
  ADD ("/api/billing/pix/settle", test_pix_settle);
  g_test_add ("/api/billing/pix/auto-settle", Fixture, NULL, fixture_set_up_auto_settle,
              test_pix_auto_settle, fixture_tear_down);
  ADD ("/api/billing/cards/manage", test_cards);
  ADD ("/api/billing/payment/idempotent", test_payment_idempotent);
  ADD ("/api/billing/payment/token", test_payment_token);
  ADD ("/api/billing/payment/declined", test_payment_declined);
  ADD ("/api/billing/permissions/viewer", test_permissions_viewer);
  ADD ("/api/billing/permissions/services-only", test_permissions_services_only);
  ADD ("/api/billing/bank-accounts/manage", test_bank_accounts);
  ADD ("/api/billing/debit/schedule", test_debit_schedule);
  ADD ("/api/billing/debit/bad-date", test_debit_schedule_bad_date);
  ADD ("/api/billing/dda/toggle", test_dda);
  ADD ("/api/billing/pay-methods/set", test_pay_methods);
  ADD ("/api/billing/pay-methods/no-account", test_pay_methods_no_account);
  ADD ("/api/billing/fiscal-notes/manage", test_fiscal_notes);
  ADD ("/api/billing/fiscal-notes/after-payment", test_fiscal_note_after_payment);

#undef ADD

  return g_test_run ();
}
