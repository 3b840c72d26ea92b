/* test-ui-billing.c: the real app, in-process under Xvfb, against a real
 * san-portald (--demo --today 2026-11-24): the invoices list with its
 * totals, filter and search; an overdue invoice's details; the boleto and
 * its 2ª via; PIX turning paid by itself; the card dialog's checks, a
 * declined card and a payment; and codes tampered with on the way (a proxy
 * between the app and the server), which the app withholds
 *
 * The app is driven through its widgets (found by their template ids) and
 * checked against what the server answers to a separate SanClient.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "san-api.h"
#include "san-barcode-widget.h"
#include "san-billing-labels.h"
#include "san-boleto-code.h"
#include "san-boleto-view.h"
#include "san-card-dialog.h"
#include "san-date.h"
#include "san-invoice-detail.h"
#include "san-invoices-page.h"
#include "san-money.h"
#include "san-pix-code.h"
#include "san-pix-view.h"
#include "san-qr-paintable.h"
#include "san-test-server.h"
#include "ui-test-helpers.h"

#define DEMO_EMAIL    "demo@example.com"
#define DEMO_PASSWORD "demo-1234"
#define TODAY         "2026-11-24"
#define TIMEOUT       30

typedef struct
{
  SanTestServer *server;
  SanClient     *oracle;   /* what the server says, asked directly */
  SanContract   *contract; /* Ana's first contract, the one the app shows */
  /* The proxy of the tampering tests */
  UiProxy       *proxy;
  gboolean       tamper_codes;     /* change the boleto's amount and the PIX key */
  guint          lose_payments;    /* answers of payments to lose on the way */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char * const args[] = { "--today", TODAY, "--pix-settle-after", "0", NULL };
  g_autoptr(SanMe) me = NULL;

  fixture->server = san_test_server_start (TRUE, args);
  fixture->oracle = ui_signed_in_client (san_test_server_get_url (fixture->server),
                                         DEMO_EMAIL, DEMO_PASSWORD);
  me = ui_fetch_me (fixture->oracle);
  fixture->contract = g_list_model_get_item (san_me_get_contracts (me), 0);
  g_assert_true (san_contract_has_permission (fixture->contract, "invoices"));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->proxy, ui_proxy_free);
  g_clear_object (&fixture->contract);
  g_clear_object (&fixture->oracle);
  g_clear_pointer (&fixture->server, san_test_server_stop);
}

static const char *
server_url (Fixture *fixture)
{
  return san_test_server_get_url (fixture->server);
}

static const char *
contract_id (Fixture *fixture)
{
  return san_contract_get_id (fixture->contract);
}

/* The oracle */

static GListModel *
oracle_invoices (Fixture *fixture,
                 gint64  *out_open,
                 gint64  *out_overdue)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *invoices;

  san_client_list_all_invoices_async (fixture->oracle, contract_id (fixture), NULL,
                                      ui_result_cb, &result);
  invoices = san_client_list_all_invoices_finish (fixture->oracle, ui_wait_result (&result),
                                                  out_open, out_overdue, &error);
  g_assert_no_error (error);
  return invoices;
}

/* The ids of the invoices the server lists for these filters */
static GPtrArray *
oracle_invoice_ids (Fixture    *fixture,
                    const char *status,
                    const char *search)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SanPage) page = NULL;
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  GListModel *items;

  san_client_list_invoices_async (fixture->oracle, contract_id (fixture), status, NULL, NULL,
                                  search, NULL, 100, NULL, ui_result_cb, &result);
  page = san_client_list_invoices_finish (fixture->oracle, ui_wait_result (&result), NULL, NULL,
                                          &error);
  g_assert_no_error (error);
  g_assert_null (san_page_get_next_cursor (page));

  items = san_page_get_items (page);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SanInvoice) invoice = g_list_model_get_item (items, i);

      g_ptr_array_add (ids, g_strdup (san_invoice_get_id (invoice)));
    }
  return ids;
}

static SanInvoice *
oracle_invoice (Fixture    *fixture,
                const char *invoice_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SanInvoice *invoice;

  san_client_get_invoice_async (fixture->oracle, contract_id (fixture), invoice_id, NULL,
                                ui_result_cb, &result);
  invoice = san_client_get_invoice_finish (fixture->oracle, ui_wait_result (&result), &error);
  g_assert_no_error (error);
  return invoice;
}

static SanBoleto *
oracle_boleto (Fixture    *fixture,
               const char *invoice_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SanBoleto *boleto;

  san_client_get_boleto_async (fixture->oracle, contract_id (fixture), invoice_id, NULL,
                               ui_result_cb, &result);
  boleto = san_client_get_boleto_finish (fixture->oracle, ui_wait_result (&result), &error);
  g_assert_no_error (error);
  return boleto;
}

static SanPixCharge *
oracle_pix (Fixture    *fixture,
            const char *invoice_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SanPixCharge *charge;

  san_client_get_pix_async (fixture->oracle, contract_id (fixture), invoice_id, NULL,
                            ui_result_cb, &result);
  charge = san_client_get_pix_finish (fixture->oracle, ui_wait_result (&result), &error);
  g_assert_no_error (error);
  return charge;
}

/* The first invoice of the contract in @state (newest first) */
static SanInvoice *
find_invoice (Fixture         *fixture,
              SanInvoiceState  state)
{
  g_autoptr(GListModel) invoices = oracle_invoices (fixture, NULL, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (invoices); i++)
    {
      g_autoptr(SanInvoice) invoice = g_list_model_get_item (invoices, i);

      if (san_invoice_get_state (invoice) == state)
        return g_steal_pointer (&invoice);
    }
  g_error ("the demo contract has no invoice in state %d", state);
  return NULL;
}

/* The app's widgets */

static GtkWidget *
invoices_page (GtkWindow *window)
{
  return ui_find (GTK_WIDGET (window), "invoices_page");
}

static GListModel *
shown_invoices (GtkWindow *window)
{
  GtkWidget *list_view = ui_find (invoices_page (window), "list_view");

  return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)));
}

/* Signs in and opens the Invoices section, loaded */
static GtkWidget *
open_invoices (GtkWindow  *window,
               const char *server)
{
  gtk_window_set_default_size (window, 1200, 860);
  ui_sign_in (window, server, DEMO_EMAIL, DEMO_PASSWORD, TIMEOUT);
  return ui_open_section (window, "invoices_row", "invoices_page", TIMEOUT);
}

/* The list shows exactly @ids, in the server's order (newest first) */
static void
wait_shown_ids (GtkWindow *window,
                GPtrArray *ids)
{
  ui_wait_list_ids (ui_find (invoices_page (window), "list_view"), ids, TRUE, TIMEOUT,
                    "the invoices list to show the server's invoices");
}

/* Selects @invoice_id in the list; its details show */
static void
select_invoice (GtkWindow  *window,
                const char *invoice_id)
{
  GListModel *model = shown_invoices (window);

  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model),
                                     ui_model_find_id (model, invoice_id));
  g_assert_cmpstr (ui_stack_page (invoices_page (window), "detail_stack"), ==, "detail");
}

static void
assert_money (const char *shown,
              gint64      cents)
{
  g_autofree char *money = san_money_format_brl (cents);

  g_assert_cmpstr (shown, ==, money);
}

/* Activates a row of the details (an AdwActionRow with an action), as a click does */
static void
activate_row (GtkWidget  *root,
              const char *row_id)
{
  GtkWidget *row = ui_find (root, row_id);

  g_assert_true (gtk_widget_get_visible (row));
  g_assert_true (gtk_widget_is_sensitive (row));
  g_assert_true (gtk_widget_activate (row));
}

static char *
clipboard_text (GtkWidget *widget)
{
  GdkContentProvider *content = gdk_clipboard_get_content (gtk_widget_get_clipboard (widget));
  g_auto(GValue) value = G_VALUE_INIT;

  if (content == NULL)
    return NULL;
  g_value_init (&value, G_TYPE_STRING);
  if (!gdk_content_provider_get_value (content, &value, NULL))
    return NULL;
  return g_value_dup_string (&value);
}

static gboolean
has_toast (gpointer data)
{
  const char **args = data;

  return ui_find_label (GTK_WIDGET (args[0]), args[1]) != NULL;
}

static GtkWidget *
last_button (GtkWidget *root)
{
  GtkWidget *found = GTK_IS_BUTTON (root) ? root : NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = last_button (child);

      if (button != NULL)
        found = button;
    }
  return found;
}

static gboolean
no_toast (gpointer data)
{
  const char **args = data;

  return !has_toast (data) || !gtk_widget_get_mapped (GTK_WIDGET (ui_find_label (GTK_WIDGET (args[0]),
                                                                                   args[1])));
}

/* Closes the toast @title, as its close button does (under Xvfb the window
 * is never active, and toasts wait for that to time out) */
static void
dismiss_toast (GtkWindow  *window,
               const char *title)
{
  const char *args[] = { (const char *) window, title };
  GtkWidget *widget = GTK_WIDGET (ui_find_label (GTK_WIDGET (window), title));

  g_assert_nonnull (widget);
  while (widget != NULL && !g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget"))
    widget = gtk_widget_get_parent (widget);
  g_assert_nonnull (widget);
  ui_click (last_button (widget));
  ui_wait_for (no_toast, args, TIMEOUT, "the toast to go");
}

static void
wait_toast (GtkWindow  *window,
            const char *title)
{
  const char *args[] = { (const char *) window, title };
  g_autofree char *what = g_strdup_printf ("a toast “%s”", title);

  ui_wait_for (has_toast, args, TIMEOUT, what);
}

/* /ui/billing/invoices/list */

static void
list_body (SanApplication *app,
           GtkWindow      *window,
           gpointer        user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GPtrArray) all_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) overdue_ids = NULL;
  g_autoptr(GPtrArray) unpaid_ids = NULL;
  g_autoptr(GPtrArray) paid_ids = NULL;
  g_autoptr(GPtrArray) search_ids = NULL;
  g_autoptr(SanInvoice) first = NULL;
  g_autofree char *query = NULL;
  GtkWidget *page;
  GtkDropDown *dropdown;
  gint64 open_total = 0, overdue_total = 0;

  all = oracle_invoices (fixture, &open_total, &overdue_total);
  g_assert_cmpuint (g_list_model_get_n_items (all), >=, 10);
  g_assert_cmpint (open_total, >, overdue_total);
  g_assert_cmpint (overdue_total, >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(SanInvoice) invoice = g_list_model_get_item (all, i);

      g_ptr_array_add (all_ids, g_strdup (san_invoice_get_id (invoice)));
    }

  page = open_invoices (window, server_url (fixture));

  /* Every invoice of every page, newest first, with the server's totals */
  wait_shown_ids (window, all_ids);
  g_assert_true (gtk_widget_get_visible (ui_find (page, "summary_box")));
  assert_money (ui_label_text (page, "open_total_label"), open_total);
  assert_money (ui_label_text (page, "overdue_total_label"), overdue_total);
  g_assert_true (gtk_widget_get_visible (ui_find (page, "overdue_total_box")));
  g_assert_cmpstr (ui_stack_page (page, "detail_stack"), ==, "none");

  /* A row: number, due date, total and the status badge */
  {
    g_autoptr(SanInvoice) invoice = g_list_model_get_item (shown_invoices (window), 0);
    g_autofree char *total = san_money_format_brl (san_invoice_get_total_cents (invoice));
    g_autofree char *due = san_date_format (san_invoice_get_due_date (invoice));
    g_autofree char *due_text = g_strdup_printf ("Due %s", due);
    const char *state = san_invoice_state_label (san_invoice_get_state (invoice));

    g_assert_nonnull (ui_find_label (page, san_invoice_get_number (invoice)));
    g_assert_nonnull (ui_find_label (page, total));
    g_assert_nonnull (ui_find_label (page, due_text));
    g_assert_nonnull (ui_find_label (page, state));
  }
  ui_screenshot (window, "invoices");

  /* Status filter: the same invoices as the server's status= */
  dropdown = GTK_DROP_DOWN (ui_find (page, "status_dropdown"));
  overdue_ids = oracle_invoice_ids (fixture, "overdue", NULL);
  g_assert_cmpuint (overdue_ids->len, >, 0);
  gtk_drop_down_set_selected (dropdown, SAN_INVOICES_FILTER_OVERDUE);
  wait_shown_ids (window, overdue_ids);

  unpaid_ids = oracle_invoice_ids (fixture, "unpaid", NULL);
  gtk_drop_down_set_selected (dropdown, SAN_INVOICES_FILTER_OPEN);
  wait_shown_ids (window, unpaid_ids);
  ui_screenshot (window, "invoices-open");

  paid_ids = oracle_invoice_ids (fixture, "paid", NULL);
  san_invoices_page_set_filter (SAN_INVOICES_PAGE (page), SAN_INVOICES_FILTER_PAID);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, SAN_INVOICES_FILTER_PAID);
  wait_shown_ids (window, paid_ids);
  gtk_drop_down_set_selected (dropdown, SAN_INVOICES_FILTER_ALL);
  wait_shown_ids (window, all_ids);

  /* Search by number: the same invoices as the server's q= */
  first = g_list_model_get_item (all, 0);
  query = g_strdup (san_invoice_get_number (first) + strlen (san_invoice_get_number (first)) - 3);
  search_ids = oracle_invoice_ids (fixture, NULL, query);
  g_assert_cmpuint (search_ids->len, >, 0);
  ui_type (ui_find (page, "search_entry"), query);
  wait_shown_ids (window, search_ids);

  /* A search that matches nothing says so, and clearing the filters helps */
  ui_type (ui_find (page, "search_entry"), "9999-999999");
  ui_wait_stack_page (page, "list_stack", "empty", TIMEOUT);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (ui_find (page, "empty_page"))),
                   ==, "No Invoices Match");
  ui_screenshot (window, "invoices-empty-search");
  ui_click (ui_find (page, "clear_filters_button"));
  g_assert_cmpstr (ui_stack_page (page, "list_stack"), ==, "list");
  wait_shown_ids (window, all_ids);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_find (page, "search_entry"))), ==, "");
}

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  ui_run_app (server_url (fixture), list_body, fixture);
}

/* /ui/billing/invoices/detail */

static void
detail_body (SanApplication *app,
             GtkWindow      *window,
             gpointer        user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(SanInvoice) overdue = find_invoice (fixture, SAN_INVOICE_STATE_OVERDUE);
  g_autoptr(SanInvoice) paid = find_invoice (fixture, SAN_INVOICE_STATE_PAID);
  g_autofree char *due = san_date_format (san_invoice_get_due_date (overdue));
  g_autofree char *title = san_invoice_dup_title (overdue);
  GtkWidget *page = open_invoices (window, server_url (fixture));
  GtkWidget *detail = ui_find (page, "detail");
  GtkListBox *items;
  GListModel *model;
  GDate suspended;
  SanPaymentMethod paid_with;

  /* An overdue invoice: its items, total, dates, and what SAN's rules mean */
  select_invoice (window, san_invoice_get_id (overdue));
  g_assert_cmpstr (ui_label_text (detail, "title_label"), ==, title);
  g_assert_cmpstr (ui_label_text (detail, "status_label"), ==, "Overdue");
  g_assert_true (gtk_widget_has_css_class (ui_find (detail, "status_label"), "invoice-overdue"));
  assert_money (ui_label_text (detail, "total_label"), san_invoice_get_total_cents (overdue));
  g_assert_cmpstr (ui_row_subtitle (detail, "due_row"), ==, due);

  ui_assert_contains (ui_label_text (detail, "explanation_label"), due);
  ui_assert_contains (ui_label_text (detail, "explanation_label"), "Not paying is not cancelling");
  suspended = *san_invoice_get_due_date (overdue);
  g_date_add_days (&suspended, 10);
  {
    g_autofree char *date = san_date_format (&suspended);

    ui_assert_contains (ui_label_text (detail, "explanation_label"), date);
  }

  items = GTK_LIST_BOX (ui_find (detail, "items_list"));
  model = san_invoice_get_items (overdue);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SanInvoiceItem) item = g_list_model_get_item (model, i);
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (items, (int) i);

      g_assert_nonnull (row);
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                       san_invoice_item_get_description (item));
    }
  /* ... then the total */
  g_assert_nonnull (gtk_list_box_get_row_at_index (items, (int) g_list_model_get_n_items (model)));
  g_assert_null (gtk_list_box_get_row_at_index (items, (int) g_list_model_get_n_items (model) + 1));

  /* The ways to pay it, and the 2ª via */
  g_assert_true (gtk_widget_get_visible (ui_find (detail, "pay_group")));
  g_assert_true (gtk_widget_get_visible (ui_find (detail, "pix_row")));
  g_assert_true (gtk_widget_get_visible (ui_find (detail, "boleto_row")));
  g_assert_true (gtk_widget_get_visible (ui_find (detail, "card_row")));
  g_assert_true (gtk_widget_get_visible (ui_find (detail, "second_copy_row")));
  g_assert_true (gtk_widget_is_sensitive (ui_find (detail, "save_pdf_button")));
  g_assert_true (gtk_widget_is_sensitive (ui_find (detail, "print_button")));
  ui_screenshot (window, "invoice-overdue");

  /* A paid invoice: how and when it was paid; nothing to pay */
  select_invoice (window, san_invoice_get_id (paid));
  g_assert_cmpstr (ui_label_text (detail, "status_label"), ==, "Paid");
  g_assert_false (gtk_widget_get_visible (ui_find (detail, "pay_group")));
  g_assert_true (gtk_widget_get_visible (ui_find (detail, "paid_row")));
  g_assert_true (san_invoice_get_paid_with (paid, &paid_with));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (ui_find (detail,
                                                                                "method_row"))),
                   ==, "Paid with");
  ui_assert_contains (ui_label_text (detail, "explanation_label"), "Paid on");
  ui_screenshot (window, "invoice-paid");

  /* A narrow window folds: the list, then the invoice, and back */
  gtk_window_set_default_size (window, 420, 760);
  ui_wait_for (ui_leaflet_is_folded, ui_find (page, "leaflet"), TIMEOUT, "the page to fold");
  g_assert_true (adw_leaflet_get_visible_child (ADW_LEAFLET (ui_find (page, "leaflet")))
                 == ui_find (page, "list_side"));
  select_invoice (window, san_invoice_get_id (overdue));
  g_assert_true (adw_leaflet_get_visible_child (ADW_LEAFLET (ui_find (page, "leaflet")))
                 == ui_find (page, "detail_side"));
  g_assert_true (san_invoices_page_get_showing_detail (SAN_INVOICES_PAGE (page)));
  ui_screenshot (window, "invoice-narrow");
  ui_click (ui_find (GTK_WIDGET (window), "back_button"));
  g_assert_true (adw_leaflet_get_visible_child (ADW_LEAFLET (ui_find (page, "leaflet")))
                 == ui_find (page, "list_side"));
  ui_screenshot (window, "invoices-narrow");
}

static void
test_detail (Fixture       *fixture,
             gconstpointer  data)
{
  ui_run_app (server_url (fixture), detail_body, fixture);
}

/* /ui/billing/boleto */

static gboolean
file_is_pdf (gpointer data)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  return g_file_get_contents (data, &contents, &length, NULL) &&
         length > 5 && memcmp (contents, "%PDF-", 5) == 0;
}

static void
boleto_body (SanApplication *app,
             GtkWindow      *window,
             gpointer        user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(SanInvoice) unpaid = find_invoice (fixture, SAN_INVOICE_STATE_UNPAID);
  g_autoptr(SanBoleto) expected = oracle_boleto (fixture, san_invoice_get_id (unpaid));
  g_autofree char *linha = san_boleto_code_format_linha (san_boleto_get_linha_digitavel (expected));
  g_autofree char *copied = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *printed = NULL;
  g_autoptr(GFile) file = NULL;
  GtkWidget *page = open_invoices (window, server_url (fixture));
  GtkWidget *view = ui_find (page, "boleto_view");
  SanBoleto *shown;
  int n_pages = 0;

  select_invoice (window, san_invoice_get_id (unpaid));
  activate_row (page, "boleto_row");
  g_assert_cmpstr (ui_stack_page (page, "detail_stack"), ==, "boleto");
  ui_wait_stack_page (view, "boleto_stack", "boleto", TIMEOUT);

  /* The server's boleto, its linha in the printed groups, its barcode */
  shown = san_boleto_view_get_boleto (SAN_BOLETO_VIEW (view));
  g_assert_nonnull (shown);
  g_assert_cmpstr (san_boleto_get_barcode (shown), ==, san_boleto_get_barcode (expected));
  g_assert_cmpstr (ui_label_text (view, "linha_label"), ==, linha);
  g_assert_cmpstr (san_barcode_widget_get_digits (SAN_BARCODE_WIDGET (ui_find (view, "barcode"))),
                   ==, san_boleto_get_barcode (expected));
  assert_money (ui_label_text (view, "amount_label"), san_invoice_get_total_cents (unpaid));
  ui_assert_contains (ui_row_subtitle (view, "bank_row"), san_boleto_get_bank_name (expected));
  ui_assert_contains (ui_row_subtitle (view, "beneficiary_row"), san_boleto_get_beneficiary (expected));
  ui_assert_contains (ui_row_subtitle (view, "payer_row"), san_boleto_get_payer (expected));
  g_assert_false (gtk_widget_get_visible (ui_find (view, "second_copy_group")));
  g_assert_false (gtk_widget_get_visible (ui_find (view, "overdue_box")));
  g_assert_true (san_invoices_page_get_showing_detail (SAN_INVOICES_PAGE (page)));
  g_assert_true (gtk_widget_get_visible (ui_find (GTK_WIDGET (window), "back_button")));

  /* One click copies the digits */
  ui_click (ui_find (view, "copy_button"));
  copied = clipboard_text (view);
  g_assert_cmpstr (copied, ==, san_boleto_get_linha_digitavel (expected));
  wait_toast (window, "Copied");
  ui_screenshot (window, "boleto");
  dismiss_toast (window, "Copied");

  /* Save PDF writes the server's PDF where the person chose */
  dir = g_dir_make_tmp ("san-billing-XXXXXX", NULL);
  pdf = g_build_filename (dir, "fatura.pdf", NULL);
  file = g_file_new_for_path (pdf);
  san_invoices_page_save_pdf (SAN_INVOICES_PAGE (page), file);
  ui_wait_for (file_is_pdf, pdf, TIMEOUT, "the PDF to be saved");
  wait_toast (window, "Saved fatura.pdf");

  /* Printing draws the invoice and the boleto: two pages */
  printed = g_build_filename (dir, "printed.pdf", NULL);
  g_assert_true (san_billing_print_to_pdf (unpaid, shown,
                                           SAN_BILLING_PRINT_INVOICE | SAN_BILLING_PRINT_BOLETO,
                                           printed, &n_pages, NULL));
  g_assert_cmpint (n_pages, ==, 2);
  g_assert_true (file_is_pdf (printed));

  g_unlink (pdf);
  g_unlink (printed);
  g_rmdir (dir);

  /* Back: to the invoice */
  ui_click (ui_find (GTK_WIDGET (window), "back_button"));
  g_assert_cmpstr (ui_stack_page (page, "detail_stack"), ==, "detail");
  g_assert_false (san_invoices_page_get_showing_detail (SAN_INVOICES_PAGE (page)));
}

static void
test_boleto (Fixture       *fixture,
             gconstpointer  data)
{
  ui_run_app (server_url (fixture), boleto_body, fixture);
}

/* /ui/billing/boleto/second-copy */

static void
second_copy_body (SanApplication *app,
                  GtkWindow      *window,
                  gpointer        user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(SanInvoice) overdue = find_invoice (fixture, SAN_INVOICE_STATE_OVERDUE);
  g_autoptr(SanBoleto) after = NULL;
  GtkWidget *page = open_invoices (window, server_url (fixture));
  GtkWidget *view = ui_find (page, "boleto_view");
  SanSecondCopyEstimate estimate;
  SanBoleto *shown;
  GDate today;

  /* The overdue boleto suggests a 2ª via */
  select_invoice (window, san_invoice_get_id (overdue));
  activate_row (page, "boleto_row");
  ui_wait_stack_page (view, "boleto_stack", "boleto", TIMEOUT);
  g_assert_true (gtk_widget_get_visible (ui_find (view, "overdue_box")));
  g_assert_true (san_invoices_page_go_back (SAN_INVOICES_PAGE (page)));

  /* Before asking: what it will cost, worked out the server's way */
  activate_row (page, "second_copy_row");
  ui_wait_stack_page (view, "boleto_stack", "second-copy", TIMEOUT);
  san_billing_get_today (&today);
  san_second_copy_estimate (san_invoice_get_total_cents (overdue),
                            san_invoice_get_due_date (overdue), &today, &estimate);
  g_assert_cmpint (estimate.fine_cents, ==, (san_invoice_get_total_cents (overdue) * 2 + 50) / 100);
  assert_money (ui_row_subtitle (view, "preview_original_amount_row"), san_invoice_get_total_cents (overdue));
  assert_money (ui_row_subtitle (view, "preview_fine_row"), estimate.fine_cents);
  assert_money (ui_row_subtitle (view, "preview_new_amount_row"), estimate.new_amount_cents);
  {
    g_autofree char *original = san_date_format (san_invoice_get_due_date (overdue));
    g_autofree char *new_due = san_date_format (&estimate.new_due_date);
    g_autofree char *interest = san_money_format_brl (estimate.interest_cents);

    g_assert_cmpstr (ui_row_subtitle (view, "preview_original_due_row"), ==, original);
    g_assert_cmpstr (ui_row_subtitle (view, "preview_new_due_row"), ==, new_due);
    ui_assert_contains (ui_row_subtitle (view, "preview_interest_row"), interest);
  }
  ui_screenshot (window, "second-copy-before");

  /* Asking for it: the server's 2ª via, checked and shown with its breakdown */
  ui_click (ui_find (view, "request_button"));
  ui_wait_stack_page (view, "boleto_stack", "boleto", TIMEOUT);
  after = oracle_boleto (fixture, san_invoice_get_id (overdue));
  g_assert_true (san_boleto_get_is_second_copy (after));
  shown = san_boleto_view_get_boleto (SAN_BOLETO_VIEW (view));
  g_assert_nonnull (shown);
  g_assert_cmpstr (san_boleto_get_barcode (shown), ==, san_boleto_get_barcode (after));
  g_assert_true (gtk_widget_get_visible (ui_find (view, "second_copy_group")));
  g_assert_false (gtk_widget_get_visible (ui_find (view, "overdue_box")));
  assert_money (ui_row_subtitle (view, "sc_original_amount_row"), san_boleto_get_original_amount_cents (after));
  assert_money (ui_row_subtitle (view, "sc_fine_row"), san_boleto_get_fine_cents (after));
  assert_money (ui_row_subtitle (view, "sc_new_amount_row"), san_boleto_get_amount_cents (after));
  assert_money (ui_label_text (view, "amount_label"), san_boleto_get_amount_cents (after));
  {
    g_autofree char *new_due = san_date_format (san_boleto_get_due_date (after));
    g_autofree char *interest = san_money_format_brl (san_boleto_get_interest_cents (after));
    g_autofree char *days = g_strdup_printf ("%u day", san_boleto_get_days_late (after));

    g_assert_cmpstr (ui_row_subtitle (view, "sc_new_due_row"), ==, new_due);
    ui_assert_contains (ui_row_subtitle (view, "sc_interest_row"), interest);
    ui_assert_contains (ui_row_subtitle (view, "sc_days_row"), days);
  }
  {
    g_autofree char *linha = san_boleto_code_format_linha (san_boleto_get_linha_digitavel (after));

    g_assert_cmpstr (ui_label_text (view, "linha_label"), ==, linha);
  }
  ui_screenshot (window, "second-copy-after");
}

static void
test_second_copy (Fixture       *fixture,
                  gconstpointer  data)
{
  ui_run_app (server_url (fixture), second_copy_body, fixture);
}

/* /ui/billing/pix/paid-by-itself */

static void
settle_pix (Fixture    *fixture,
            const char *txid)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strdup_printf ("%s/api/v1/_sim/pix/%s/settle", server_url (fixture),
                                          txid);
  g_autoptr(SoupMessage) message = soup_message_new ("POST", url);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  soup_session_send_and_read_async (session, message, G_PRIORITY_DEFAULT, NULL,
                                    ui_result_cb, &result);
  body = soup_session_send_and_read_finish (session, ui_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, 200);
}

static void
pix_body (SanApplication *app,
          GtkWindow      *window,
          gpointer        user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(SanInvoice) unpaid = find_invoice (fixture, SAN_INVOICE_STATE_UNPAID);
  g_autoptr(SanPixCharge) expected = NULL;
  g_autoptr(SanInvoice) after = NULL;
  g_autoptr(SanPixCode) code = NULL;
  g_autofree char *copied = NULL;
  GtkWidget *page = open_invoices (window, server_url (fixture));
  GtkWidget *view = ui_find (page, "pix_view");
  SanPixCharge *shown;
  GdkPaintable *qr;
  SanPaymentMethod paid_with;

  select_invoice (window, san_invoice_get_id (unpaid));
  activate_row (page, "pix_row");
  g_assert_cmpstr (ui_stack_page (page, "detail_stack"), ==, "pix");
  ui_wait_stack_page (view, "pix_stack", "active", TIMEOUT);

  /* The server's charge: the QR code and the copia e cola of its BR Code */
  expected = oracle_pix (fixture, san_invoice_get_id (unpaid));
  shown = san_pix_view_get_charge (SAN_PIX_VIEW (view));
  g_assert_nonnull (shown);
  g_assert_cmpstr (san_pix_charge_get_txid (shown), ==, san_pix_charge_get_txid (expected));
  g_assert_cmpstr (ui_label_text (view, "brcode_label"), ==, san_pix_charge_get_brcode (expected));
  qr = gtk_picture_get_paintable (GTK_PICTURE (ui_find (view, "qr_picture")));
  g_assert_true (SAN_IS_QR_PAINTABLE (qr));
  g_assert_cmpstr (san_qr_paintable_get_text (SAN_QR_PAINTABLE (qr)), ==,
                   san_pix_charge_get_brcode (expected));
  code = san_pix_code_parse (san_pix_charge_get_brcode (expected), NULL, NULL);
  g_assert_nonnull (code);
  g_assert_cmpint (code->amount_cents, ==, san_invoice_get_total_cents (unpaid));
  assert_money (ui_label_text (view, "amount_label"), san_invoice_get_total_cents (unpaid));
  ui_assert_contains (ui_label_text (view, "countdown_label"), "Expires in ");

  ui_click (ui_find (view, "copy_button"));
  copied = clipboard_text (view);
  g_assert_cmpstr (copied, ==, san_pix_charge_get_brcode (expected));
  ui_screenshot (window, "pix");

  /* Paid from a bank: the view says so by itself within seconds */
  settle_pix (fixture, san_pix_charge_get_txid (expected));
  ui_wait_stack_page (view, "pix_stack", "paid", 10);
  {
    g_autofree char *title = san_invoice_dup_title (unpaid);
    g_autofree char *toast = g_strdup_printf ("%s is paid", title);

    wait_toast (window, toast);
  }
  after = oracle_invoice (fixture, san_invoice_get_id (unpaid));
  g_assert_cmpint (san_invoice_get_status (after), ==, SAN_INVOICE_STATUS_PAID);
  g_assert_true (san_invoice_get_paid_with (after, &paid_with));
  g_assert_cmpint (paid_with, ==, SAN_PAYMENT_METHOD_PIX);
  ui_screenshot (window, "pix-paid");

  /* Back on the invoice: it is paid there too */
  g_assert_true (san_invoices_page_go_back (SAN_INVOICES_PAGE (page)));
  g_assert_cmpstr (ui_label_text (ui_find (page, "detail"), "status_label"), ==, "Paid");
}

static void
test_pix (Fixture       *fixture,
          gconstpointer  data)
{
  ui_run_app (server_url (fixture), pix_body, fixture);
}

/* /ui/billing/card/checks-and-decline */

static SanCardDialog *
find_card_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (SAN_IS_CARD_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return SAN_CARD_DIALOG (window);
    }
  return NULL;
}

static gboolean
card_dialog_ready (gpointer data)
{
  SanCardDialog *dialog = find_card_dialog ();

  /* Its stored cards loaded */
  return dialog != NULL && gtk_widget_get_visible (ui_find (GTK_WIDGET (dialog), "cards_group"));
}

static gboolean
card_dialog_gone (gpointer data)
{
  return find_card_dialog () == NULL;
}

static gboolean
widget_visible (gpointer data)
{
  return gtk_widget_get_visible (data);
}

static SanCardDialog *
open_card_dialog (GtkWidget *page)
{
  activate_row (page, "card_row");
  ui_wait_for (card_dialog_ready, NULL, TIMEOUT, "the card dialog with the stored cards");
  return find_card_dialog ();
}

static void
card_errors_body (SanApplication *app,
                  GtkWindow      *window,
                  gpointer        user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(SanInvoice) unpaid = find_invoice (fixture, SAN_INVOICE_STATE_UNPAID);
  g_autoptr(SanInvoice) after = NULL;
  GtkWidget *page = open_invoices (window, server_url (fixture));
  SanCardDialog *dialog;
  GtkWidget *root;
  GtkWidget *submit;

  select_invoice (window, san_invoice_get_id (unpaid));
  dialog = open_card_dialog (page);
  root = GTK_WIDGET (dialog);
  submit = ui_find (root, "submit_button");
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == window);

  /* The stored card is chosen first; a new card is a choice */
  g_assert_nonnull (ui_find_label (root, "Visa •••• 1111"));
  g_assert_false (gtk_widget_get_visible (ui_find (root, "new_card_group")));
  g_assert_true (gtk_widget_is_sensitive (submit));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (ui_find (root, "new_card_check")), TRUE);
  g_assert_true (gtk_widget_get_visible (ui_find (root, "new_card_group")));
  g_assert_false (gtk_widget_is_sensitive (submit));

  /* The number is grouped as typed, its brand shown, Luhn checked once complete */
  ui_type (ui_find (root, "number_row"), "411111111111");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_find (root, "number_row"))), ==,
                   "4111 1111 1111");
  g_assert_cmpstr (ui_label_text (root, "brand_label"), ==, "Visa");
  g_assert_false (gtk_widget_get_visible (ui_find (root, "number_error_label")));
  ui_type (ui_find (root, "number_row"), "4111111111111112");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_find (root, "number_row"))), ==,
                   "4111 1111 1111 1112");
  g_assert_true (gtk_widget_get_visible (ui_find (root, "number_error_label")));
  ui_assert_contains (ui_label_text (root, "number_error_label"), "not valid");
  g_assert_true (gtk_widget_has_css_class (ui_find (root, "number_row"), "error"));

  /* An expired card; a security code too long for a Visa (once it has
   * the digits one expects, not while still typing them) */
  ui_type (ui_find (root, "holder_row"), "ANA SOUZA");
  ui_type (ui_find (root, "expiry_row"), "0124");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_find (root, "expiry_row"))), ==,
                   "01/24");
  g_assert_true (gtk_widget_get_visible (ui_find (root, "expiry_error_label")));
  ui_assert_contains (ui_label_text (root, "expiry_error_label"), "expired");
  ui_type (ui_find (root, "cvv_row"), "12");
  g_assert_false (gtk_widget_get_visible (ui_find (root, "cvv_error_label")));
  ui_type (ui_find (root, "cvv_row"), "12a34");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_find (root, "cvv_row"))), ==, "1234");
  g_assert_true (gtk_widget_get_visible (ui_find (root, "cvv_error_label")));
  ui_assert_contains (ui_label_text (root, "cvv_error_label"), "3 digits");
  g_assert_false (gtk_widget_get_visible (ui_find (root, "holder_error_label")));
  g_assert_false (gtk_widget_is_sensitive (submit));
  ui_screenshot (GTK_WINDOW (dialog), "card-errors");

  /* Right, but declined by the issuer: said in the dialog, which stays */
  ui_type (ui_find (root, "number_row"), "4000 0000 0000 0002");
  ui_type (ui_find (root, "holder_row"), "ANA SOUZA");
  ui_type (ui_find (root, "expiry_row"), "12/30");
  ui_type (ui_find (root, "cvv_row"), "123");
  g_assert_false (gtk_widget_get_visible (ui_find (root, "number_error_label")));
  g_assert_false (gtk_widget_get_visible (ui_find (root, "expiry_error_label")));
  g_assert_false (gtk_widget_get_visible (ui_find (root, "cvv_error_label")));
  g_assert_false (gtk_widget_get_visible (ui_find (root, "holder_error_label")));
  g_assert_true (gtk_widget_is_sensitive (submit));
  ui_click (submit);
  ui_wait_for (widget_visible, ui_find (root, "error_box"), TIMEOUT, "the decline to show");
  ui_assert_contains (ui_label_text (root, "error_label"), "declined");
  g_assert_true (find_card_dialog () == dialog);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (submit)), ==, "_Pay");
  ui_screenshot (GTK_WINDOW (dialog), "card-declined");

  after = oracle_invoice (fixture, san_invoice_get_id (unpaid));
  g_assert_cmpint (san_invoice_get_status (after), ==, SAN_INVOICE_STATUS_UNPAID);

  /* Closing it forgets what was typed */
  g_object_ref (dialog);
  gtk_window_close (GTK_WINDOW (dialog));
  ui_wait_for (card_dialog_gone, NULL, TIMEOUT, "the dialog to close");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_find (root, "number_row"))), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_find (root, "cvv_row"))), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_find (root, "expiry_row"))), ==, "");
  g_object_unref (dialog);
}

static void
test_card_errors (Fixture       *fixture,
                  gconstpointer  data)
{
  ui_run_app (server_url (fixture), card_errors_body, fixture);
}

/* /ui/billing/card/pay */

static void
card_pay_body (SanApplication *app,
               GtkWindow      *window,
               gpointer        user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(SanInvoice) overdue = find_invoice (fixture, SAN_INVOICE_STATE_OVERDUE);
  g_autoptr(SanInvoice) unpaid = find_invoice (fixture, SAN_INVOICE_STATE_UNPAID);
  g_autoptr(SanInvoice) after = NULL;
  g_autofree char *toast = NULL;
  g_autofree char *amount = NULL;
  GtkWidget *page = open_invoices (window, server_url (fixture));
  GtkWidget *detail = ui_find (page, "detail");
  SanCardDialog *dialog;
  GtkWidget *root;
  SanPaymentMethod paid_with;

  /* With the stored card */
  select_invoice (window, san_invoice_get_id (unpaid));
  dialog = open_card_dialog (page);
  ui_click (ui_find (GTK_WIDGET (dialog), "submit_button"));
  ui_wait_for (card_dialog_gone, NULL, TIMEOUT, "the dialog to close once paid");
  amount = san_money_format_brl (san_invoice_get_total_cents (unpaid));
  toast = g_strdup_printf ("Paid %s with Visa •••• 1111", amount);
  wait_toast (window, toast);
  after = oracle_invoice (fixture, san_invoice_get_id (unpaid));
  g_assert_cmpint (san_invoice_get_status (after), ==, SAN_INVOICE_STATUS_PAID);
  g_assert_true (san_invoice_get_paid_with (after, &paid_with));
  g_assert_cmpint (paid_with, ==, SAN_PAYMENT_METHOD_CARD);
  ui_wait_for (widget_visible, ui_find (detail, "paid_row"), TIMEOUT,
               "the invoice to show as paid");
  g_assert_cmpstr (ui_label_text (detail, "status_label"), ==, "Paid");
  ui_screenshot (window, "card-paid");
  g_clear_object (&after);

  /* With a new card, typed in */
  select_invoice (window, san_invoice_get_id (overdue));
  dialog = open_card_dialog (page);
  root = GTK_WIDGET (dialog);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (ui_find (root, "new_card_check")), TRUE);
  ui_type (ui_find (root, "number_row"), "5555555555554444");
  g_assert_cmpstr (ui_label_text (root, "brand_label"), ==, "Mastercard");
  ui_type (ui_find (root, "holder_row"), "ANA SOUZA");
  ui_type (ui_find (root, "expiry_row"), "08/31");
  ui_type (ui_find (root, "cvv_row"), "321");
  ui_click (ui_find (root, "submit_button"));
  ui_wait_for (card_dialog_gone, NULL, TIMEOUT, "the dialog to close once paid");
  after = oracle_invoice (fixture, san_invoice_get_id (overdue));
  g_assert_cmpint (san_invoice_get_status (after), ==, SAN_INVOICE_STATUS_PAID);
}

static void
test_card_pay (Fixture       *fixture,
               gconstpointer  data)
{
  ui_run_app (server_url (fixture), card_pay_body, fixture);
}

/* /ui/billing/tampered-codes-withheld
 *
 * A proxy between the app and the server passes everything through, except
 * that it raises the boleto's amount and makes the PIX code pay another
 * key: what someone in the middle would do. */

#define ATTACKER_KEY "golpe@example.com"

static GBytes *
tamper (const char *method,
        const char *path,
        GBytes     *body)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = NULL;
  JsonObject *object;
  char *text;
  gsize length;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                   (gssize) g_bytes_get_size (body), NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return g_bytes_ref (body);
  object = json_node_get_object (json_parser_get_root (parser));

  if (g_str_has_suffix (path, "/boleto") && g_str_equal (method, "GET"))
    {
      /* A bigger amount on the boleto's face; the codes say otherwise */
      json_object_set_int_member (object, "amount_cents",
                                  json_object_get_int_member (object, "amount_cents") + 10000);
    }
  else if (g_str_has_suffix (path, "/pix") && json_object_has_member (object, "brcode"))
    {
      /* A valid BR Code for the same amount and txid, paying someone else */
      g_autofree char *brcode =
        san_pix_code_build (ATTACKER_KEY, "SAN INTERNET LTDA", "SAO PAULO",
                            json_object_get_string_member (object, "txid"),
                            json_object_get_int_member (object, "amount_cents"), NULL);

      json_object_set_string_member (object, "brcode", brcode);
    }
  else
    return g_bytes_ref (body);

  generator = json_generator_new ();
  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (text, length);
}

/* The proxy's answer function: loses the answers of the first
 * fixture->lose_payments payments; tampers with the codes while
 * fixture->tamper_codes */
static GBytes *
on_proxy_answer (SoupServerMessage *message,
                 const char        *path,
                 guint              status,
                 GBytes            *body,
                 gpointer           user_data)
{
  Fixture *fixture = user_data;

  /* The server took the payment, but its answer is lost on the way */
  if (fixture->lose_payments > 0 && g_str_has_suffix (path, "/payments"))
    {
      fixture->lose_payments--;
      return NULL;
    }

  if (fixture->tamper_codes && status < 300)
    return tamper (soup_server_message_get_method (message), path, body);
  return g_bytes_ref (body);
}

static void
tampered_body (SanApplication *app,
               GtkWindow      *window,
               gpointer        user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(SanInvoice) unpaid = find_invoice (fixture, SAN_INVOICE_STATE_UNPAID);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtkWidget *page = open_invoices (window, ui_proxy_get_url (fixture->proxy));
  GtkWidget *boleto_view = ui_find (page, "boleto_view");
  GtkWidget *pix_view = ui_find (page, "pix_view");
  g_autofree char *code_amount = san_money_format_brl (san_invoice_get_total_cents (unpaid));
  g_autofree char *face_amount = san_money_format_brl (san_invoice_get_total_cents (unpaid) + 10000);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (page), "nothing copied");

  /* The boleto: a warning that says what differs; no linha, barcode or Copy */
  select_invoice (window, san_invoice_get_id (unpaid));
  activate_row (page, "boleto_row");
  ui_wait_stack_page (boleto_view, "boleto_stack", "warning", TIMEOUT);
  g_assert_null (san_boleto_view_get_boleto (SAN_BOLETO_VIEW (boleto_view)));
  ui_assert_contains (ui_label_text (boleto_view, "warning_label"), face_amount);
  ui_assert_contains (ui_label_text (boleto_view, "warning_label"), code_amount);
  g_assert_false (gtk_widget_get_mapped (ui_find (boleto_view, "copy_button")));
  g_assert_false (gtk_widget_get_mapped (ui_find (boleto_view, "barcode")));
  g_assert_cmpstr (ui_label_text (boleto_view, "linha_label"), ==, "");
  gtk_widget_activate_action (boleto_view, "boleto.copy", NULL);
  before = clipboard_text (page);
  g_assert_cmpstr (before, ==, "nothing copied");
  ui_screenshot (window, "boleto-tampered");

  /* PIX: the code pays another key; no QR code, no copia e cola */
  g_assert_true (san_invoices_page_go_back (SAN_INVOICES_PAGE (page)));
  activate_row (page, "pix_row");
  ui_wait_stack_page (pix_view, "pix_stack", "warning", TIMEOUT);
  g_assert_null (san_pix_view_get_charge (SAN_PIX_VIEW (pix_view)));
  ui_assert_contains (ui_label_text (pix_view, "warning_label"), "another key");
  g_assert_null (gtk_picture_get_paintable (GTK_PICTURE (ui_find (pix_view, "qr_picture"))));
  g_assert_cmpstr (ui_label_text (pix_view, "brcode_label"), ==, "");
  g_assert_false (gtk_widget_get_mapped (ui_find (pix_view, "copy_button")));
  gtk_widget_activate_action (pix_view, "pix.copy", NULL);
  after = clipboard_text (page);
  g_assert_cmpstr (after, ==, "nothing copied");
  ui_screenshot (window, "pix-tampered");
}

static void
test_tampered (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->proxy = ui_proxy_new (server_url (fixture), NULL, on_proxy_answer, fixture);
  fixture->tamper_codes = TRUE;
  ui_run_app (ui_proxy_get_url (fixture->proxy), tampered_body, fixture);
}

/* /ui/billing/card/retry-charges-once: the answer to a payment is lost; Retry
 * sends the same request (the same idempotency key), and the server answers
 * with the payment it already made instead of refusing a paid invoice */

static void
retry_body (SanApplication *app,
            GtkWindow      *window,
            gpointer        user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(SanInvoice) unpaid = find_invoice (fixture, SAN_INVOICE_STATE_UNPAID);
  g_autoptr(SanInvoice) after = NULL;
  GtkWidget *page = open_invoices (window, ui_proxy_get_url (fixture->proxy));
  SanCardDialog *dialog;
  GtkWidget *root;
  GtkWidget *submit;
  SanPaymentMethod paid_with;

  select_invoice (window, san_invoice_get_id (unpaid));
  dialog = open_card_dialog (page);
  root = GTK_WIDGET (dialog);
  submit = ui_find (root, "submit_button");

  fixture->lose_payments = 1;
  ui_click (submit);
  ui_wait_for (widget_visible, ui_find (root, "error_box"), TIMEOUT, "the lost answer to show");
  ui_assert_contains (ui_label_text (root, "error_label"), "charged at most once");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (submit)), ==, "_Retry");
  g_assert_cmpuint (fixture->lose_payments, ==, 0);
  ui_screenshot (GTK_WINDOW (dialog), "card-retry");

  /* The server did take it: the invoice is paid already */
  after = oracle_invoice (fixture, san_invoice_get_id (unpaid));
  g_assert_cmpint (san_invoice_get_status (after), ==, SAN_INVOICE_STATUS_PAID);
  g_clear_object (&after);

  /* Retry: the first answer again, no "already paid" refusal */
  ui_click (submit);
  ui_wait_for (card_dialog_gone, NULL, TIMEOUT, "the dialog to close once paid");
  after = oracle_invoice (fixture, san_invoice_get_id (unpaid));
  g_assert_cmpint (san_invoice_get_status (after), ==, SAN_INVOICE_STATUS_PAID);
  g_assert_true (san_invoice_get_paid_with (after, &paid_with));
  g_assert_cmpint (paid_with, ==, SAN_PAYMENT_METHOD_CARD);
}

static void
test_retry (Fixture       *fixture,
            gconstpointer  data)
{
  fixture->proxy = ui_proxy_new (server_url (fixture), NULL, on_proxy_answer, fixture);
  ui_run_app (ui_proxy_get_url (fixture->proxy), retry_body, fixture);
}

/* /ui/billing/card/add-stores-card: the dialog H6's Payment Methods uses */

typedef struct
{
  Fixture *fixture;
  SanCard *added;
} AddData;

static void
on_card_added_cb (SanCardDialog *dialog,
                  SanCard       *card,
                  AddData       *data)
{
  g_set_object (&data->added, card);
}

static void
add_body (SanApplication *app,
          GtkWindow      *window,
          gpointer        user_data)
{
  AddData *data = user_data;
  Fixture *fixture = data->fixture;
  g_autoptr(SanClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) cards = NULL;
  g_autoptr(GError) error = NULL;
  SanCardDialog *dialog;
  GtkWidget *root;
  gboolean found = FALSE;

  open_invoices (window, server_url (fixture));
  dialog = san_card_dialog_new_add (window, fixture->oracle, fixture->contract);
  root = GTK_WIDGET (dialog);
  g_signal_connect (dialog, "card-added", G_CALLBACK (on_card_added_cb), data);
  gtk_window_present (GTK_WINDOW (dialog));

  g_assert_false (gtk_widget_get_visible (ui_find (root, "cards_group")));
  g_assert_true (gtk_widget_get_visible (ui_find (root, "new_card_group")));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (ui_find (root, "submit_button"))), ==,
                   "_Add Card");
  g_assert_false (gtk_widget_is_sensitive (ui_find (root, "submit_button")));
  ui_type (ui_find (root, "number_row"), "378282246310005");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_find (root, "number_row"))), ==,
                   "3782 822463 10005");
  g_assert_cmpstr (ui_label_text (root, "brand_label"), ==, "American Express");
  ui_type (ui_find (root, "holder_row"), "ANA SOUZA");
  ui_type (ui_find (root, "expiry_row"), "1129");
  ui_type (ui_find (root, "cvv_row"), "123");
  g_assert_false (gtk_widget_is_sensitive (ui_find (root, "submit_button")));
  ui_type (ui_find (root, "cvv_row"), "1234");
  ui_screenshot (GTK_WINDOW (dialog), "card-add");
  ui_click (ui_find (root, "submit_button"));
  ui_wait_for (card_dialog_gone, NULL, TIMEOUT, "the dialog to close once stored");

  g_assert_nonnull (data->added);
  g_assert_cmpstr (san_card_get_brand (data->added), ==, "amex");
  g_assert_cmpstr (san_card_get_last4 (data->added), ==, "0005");
  g_assert_cmpuint (san_card_get_exp_month (data->added), ==, 11);
  g_assert_cmpuint (san_card_get_exp_year (data->added), ==, 2029);

  san_client_list_cards_async (fixture->oracle, contract_id (fixture), NULL, ui_result_cb, &result);
  cards = san_client_list_cards_finish (fixture->oracle, ui_wait_result (&result), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(SanCard) card = g_list_model_get_item (cards, i);

      found |= g_strcmp0 (san_card_get_id (card), san_card_get_id (data->added)) == 0;
    }
  g_assert_true (found);
}

static void
test_add (Fixture       *fixture,
          gconstpointer  unused)
{
  AddData data = { fixture, NULL };

  ui_run_app (server_url (fixture), add_body, &data);
  g_clear_object (&data.added);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/ui/billing/invoices/list-filter-search", Fixture, NULL,
              fixture_set_up, test_list, fixture_tear_down);
  g_test_add ("/ui/billing/invoices/overdue-and-paid-details", Fixture, NULL,
              fixture_set_up, test_detail, fixture_tear_down);
  g_test_add ("/ui/billing/boleto/copy-save-print", Fixture, NULL,
              fixture_set_up, test_boleto, fixture_tear_down);
  g_test_add ("/ui/billing/boleto/second-copy-breakdown", Fixture, NULL,
              fixture_set_up, test_second_copy, fixture_tear_down);
  g_test_add ("/ui/billing/pix/turns-paid-by-itself", Fixture, NULL,
              fixture_set_up, test_pix, fixture_tear_down);
  g_test_add ("/ui/billing/card/checks-as-typed-and-decline", Fixture, NULL,
              fixture_set_up, test_card_errors, fixture_tear_down);
  g_test_add ("/ui/billing/card/pay-stored-and-new", Fixture, NULL,
              fixture_set_up, test_card_pay, fixture_tear_down);
  g_test_add ("/ui/billing/card/retry-charges-once", Fixture, NULL,
              fixture_set_up, test_retry, fixture_tear_down);
  g_test_add ("/ui/billing/card/add-stores-card", Fixture, NULL,
              fixture_set_up, test_add, fixture_tear_down);
  g_test_add ("/ui/billing/tampered-codes-withheld", Fixture, NULL,
              fixture_set_up, test_tampered, fixture_tear_down);

  return g_test_run ();
}
