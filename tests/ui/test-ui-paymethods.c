/* test-ui-paymethods.c: the real app, in-process under Xvfb, against a real
 * san-portald --demo: payment methods (default, per service, DDA, a bank
 * account added and removed) and notas fiscais (list, issue now, save a
 * file, export for the accountant); screenshots of each screen
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "san-api.h"
#include "san-bank-account-dialog.h"
#include "san-fiscal-export.h"
#include "san-fiscal-note-private.h"
#include "san-fiscal-notes-page.h"
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
  SanContract   *contract; /* Ana Souza's own contract, the first */
  char          *tmp_dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char * const args[] = { "--today", TODAY, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(SanMe) me = NULL;

  fixture->server = san_test_server_start (TRUE, args);
  fixture->oracle = ui_signed_in_client (san_test_server_get_url (fixture->server),
                                         DEMO_EMAIL, DEMO_PASSWORD);
  me = ui_fetch_me (fixture->oracle);
  fixture->contract = g_list_model_get_item (san_me_get_contracts (me), 0);
  g_assert_cmpstr (san_contract_get_name (fixture->contract), ==, "Ana Souza");

  fixture->tmp_dir = g_dir_make_tmp ("san-ui-paymethods-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ui_remove_tree (fixture->tmp_dir);
  g_free (fixture->tmp_dir);
  g_clear_object (&fixture->contract);
  g_clear_object (&fixture->oracle);
  g_clear_pointer (&fixture->server, san_test_server_stop);
}

static const char *
contract_id (Fixture *fixture)
{
  return san_contract_get_id (fixture->contract);
}

static SanPayMethods *
oracle_pay_methods (Fixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SanPayMethods *pay_methods;

  san_client_get_pay_methods_async (fixture->oracle, contract_id (fixture), NULL,
                                    ui_result_cb, &result);
  pay_methods = san_client_get_pay_methods_finish (fixture->oracle, ui_wait_result (&result), &error);
  g_assert_no_error (error);
  return pay_methods;
}

static SanDda *
oracle_dda (Fixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SanDda *dda;

  san_client_get_dda_async (fixture->oracle, contract_id (fixture), NULL, ui_result_cb, &result);
  dda = san_client_get_dda_finish (fixture->oracle, ui_wait_result (&result), &error);
  g_assert_no_error (error);
  return dda;
}

static GListModel *
oracle_bank_accounts (Fixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *accounts;

  san_client_list_bank_accounts_async (fixture->oracle, contract_id (fixture), NULL,
                                       ui_result_cb, &result);
  accounts = san_client_list_bank_accounts_finish (fixture->oracle, ui_wait_result (&result), &error);
  g_assert_no_error (error);
  return accounts;
}

static GListModel *
oracle_fiscal_notes (Fixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *notes;

  san_client_list_all_fiscal_notes_async (fixture->oracle, contract_id (fixture), NULL,
                                          ui_result_cb, &result);
  notes = san_client_list_all_fiscal_notes_finish (fixture->oracle, ui_wait_result (&result), &error);
  g_assert_no_error (error);
  return notes;
}

/* The app's widgets */

static void
sign_in (GtkWindow *window,
         Fixture   *fixture)
{
  /* Under Xvfb no window manager makes a window active: a focused entry's
   * cursor blink then warns that it "did not receive a focus-out event" */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);
  gtk_window_set_default_size (window, 1100, 760);
  ui_sign_in (window, NULL, DEMO_EMAIL, DEMO_PASSWORD, TIMEOUT);

  /* Ana Souza's own contract, whatever an earlier test left chosen */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ui_find (GTK_WIDGET (window), "contract_dropdown")), 0);
}

/* The first button under @root with @action_name (and string target @target) */
static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action_name,
                    const char *target)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_visible (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action_name) == 0)
    {
      GVariant *value = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (root));

      if (target == NULL ||
          (value != NULL && g_strcmp0 (g_variant_get_string (value, NULL), target) == 0))
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action_name, target);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  GtkWidget  *root;
  const char *action_name;
  const char *target;
  GtkWidget  *found;
} ButtonWait;

static gboolean
action_button_shown (gpointer data)
{
  ButtonWait *wait = data;

  wait->found = find_action_button (wait->root, wait->action_name, wait->target);
  return wait->found != NULL && gtk_widget_get_mapped (wait->found);
}

/* Waits for the list to show the button (its rows are made when drawn) */
static GtkWidget *
wait_action_button (GtkWidget  *root,
                    const char *action_name,
                    const char *target)
{
  ButtonWait wait = { root, action_name, target, NULL };
  g_autofree char *what = g_strdup_printf ("a button for %s(%s)", action_name, target);

  ui_wait_for (action_button_shown, &wait, TIMEOUT, what);
  return wait.found;
}

/* Toasts: one shows at a time and others wait their turn, so while waiting
 * for @text the others are dismissed with their close button */

typedef struct
{
  GtkWidget  *overlay;
  const char *text;
} ToastWait;

static GtkWidget *
find_toast_widget (GtkWidget *root)
{
  GType type = g_type_from_name ("AdwToastWidget");

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (type != 0 && G_TYPE_CHECK_INSTANCE_TYPE (child, type))
      return child;
  return NULL;
}

static GtkWidget *
find_close_button (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && gtk_widget_has_css_class (child, "circular"))
        return child;
      found = find_close_button (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
toast_shows (gpointer data)
{
  ToastWait *wait = data;
  GtkWidget *toast = find_toast_widget (wait->overlay);
  GtkWidget *close;

  if (toast == NULL)
    return FALSE;
  if (ui_find_label (toast, wait->text) != NULL)
    return TRUE;
  /* Another toast: on to the next one */
  close = find_close_button (toast);
  if (close != NULL && gtk_widget_get_sensitive (close))
    g_signal_emit_by_name (close, "clicked");
  return FALSE;
}

static void
wait_toast (GtkWindow  *window,
            const char *text)
{
  ToastWait wait = { ui_find (GTK_WIDGET (window), "toast_overlay"), text };
  g_autofree char *what = g_strdup_printf ("the toast “%s”", text);

  ui_wait_for (toast_shows, &wait, TIMEOUT, what);
}

/* Payment methods */

typedef struct
{
  Fixture          *fixture;
  GtkWidget        *row;
  const char       *service_id;   /* NULL: the default */
  SanPaymentMethod  method;
} MethodWait;

static gboolean
server_has_method (gpointer data)
{
  MethodWait *wait = data;
  g_autoptr(SanPayMethods) pay_methods = NULL;
  GListModel *services;

  if (!gtk_widget_get_sensitive (wait->row))
    return FALSE;   /* still saving */
  pay_methods = oracle_pay_methods (wait->fixture);
  if (wait->service_id == NULL)
    return san_pay_methods_get_default_method (pay_methods) == wait->method;

  services = san_pay_methods_get_services (pay_methods);
  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(SanServicePayMethod) service = g_list_model_get_item (services, i);

      if (g_strcmp0 (san_service_pay_method_get_service_id (service), wait->service_id) == 0)
        return san_service_pay_method_get_method (service) == wait->method;
    }
  return FALSE;
}

static gboolean
methods_loaded (gpointer data)
{
  return g_strcmp0 (ui_stack_page (data, "methods_stack"), "content") == 0;
}

static gboolean
dda_on (gpointer data)
{
  return gtk_switch_get_state (GTK_SWITCH (data)) && gtk_widget_get_sensitive (data);
}

static void
fill_bank_account (GtkWidget  *dialog,
                   const char *account)
{
  guint itau = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < san_bank_account_dialog_get_n_banks (); i++)
    if (g_strcmp0 (san_bank_account_dialog_get_bank_code (i), "341") == 0)
      itau = i;
  g_assert_cmpuint (itau, !=, GTK_INVALID_LIST_POSITION);

  adw_combo_row_set_selected (ADW_COMBO_ROW (ui_find (dialog, "bank_row")), itau);
  ui_type (ui_find (dialog, "agency_row"), "1234");
  ui_type (ui_find (dialog, "account_row"), account);
  ui_type (ui_find (dialog, "holder_row"), "Ana Souza");
}

static void
payment_methods_body (SanApplication *app,
                      GtkWindow      *window,
                      gpointer        user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(SanPayMethods) pay_methods = oracle_pay_methods (fixture);
  g_autoptr(SanServicePayMethod) first_service = NULL;
  g_autoptr(SanDda) dda = NULL;
  g_autoptr(GListModel) accounts = NULL;
  GListModel *services = san_pay_methods_get_services (pay_methods);
  GtkWidget *page, *default_row, *services_list, *cards_list, *accounts_list, *dda_switch;
  GtkWidget *dialog, *document_error, *account_error, *service_row, *remove;
  AdwMessageDialog *confirm;
  MethodWait wait = { fixture, NULL, NULL, SAN_PAYMENT_METHOD_PIX };
  SanPaymentMethod other;

  sign_in (window, fixture);
  ui_select_section (window, "payment_methods_row");
  page = ui_find (GTK_WIDGET (window), "payment_methods_page");
  ui_wait_for (methods_loaded, page, TIMEOUT, "the payment methods to load");

  /* What the server has, shown */
  default_row = ui_find (page, "default_row");
  services_list = ui_find (page, "services_list");
  cards_list = ui_find (page, "cards_list");
  accounts_list = ui_find (page, "accounts_list");
  dda_switch = ui_find (page, "dda_switch");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (default_row)), ==,
                    san_pay_methods_get_default_method (pay_methods));
  g_assert_cmpuint (ui_count_rows (services_list), ==, g_list_model_get_n_items (services));
  g_assert_cmpuint (ui_count_rows (cards_list), ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (ui_row_at (cards_list, 0))),
                   ==, "Visa •••• 1111");
  g_assert_cmpuint (ui_count_rows (accounts_list), ==, 0);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (dda_switch)));
  ui_screenshot (window, "payment-methods");

  /* The default method: PIX is saved */
  g_assert_cmpuint (san_pay_methods_get_default_method (pay_methods), !=, SAN_PAYMENT_METHOD_PIX);
  wait.row = default_row;
  adw_combo_row_set_selected (ADW_COMBO_ROW (default_row), SAN_PAYMENT_METHOD_PIX);
  ui_wait_for (server_has_method, &wait, TIMEOUT, "the default method to be PIX");

  /* Bank debit without a bank account: refused, explained, put back */
  adw_combo_row_set_selected (ADW_COMBO_ROW (default_row), SAN_PAYMENT_METHOD_BANK_DEBIT);
  wait_toast (window, "To pay by bank debit, first add a bank account under Bank Accounts.");
  ui_wait_for (ui_widget_is_sensitive, default_row, TIMEOUT, "the default row back");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (default_row)), ==,
                    SAN_PAYMENT_METHOD_PIX);
  ui_wait_for (server_has_method, &wait, TIMEOUT, "the default method to stay PIX");

  /* One service's method */
  first_service = g_list_model_get_item (services, 0);
  other = san_service_pay_method_get_method (first_service) == SAN_PAYMENT_METHOD_BOLETO
          ? SAN_PAYMENT_METHOD_CARD : SAN_PAYMENT_METHOD_BOLETO;
  service_row = ui_row_at (services_list, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (service_row)), ==,
                   san_service_pay_method_get_name (first_service));
  wait.row = service_row;
  wait.service_id = san_service_pay_method_get_service_id (first_service);
  wait.method = other;
  adw_combo_row_set_selected (ADW_COMBO_ROW (service_row), other);
  ui_wait_for (server_has_method, &wait, TIMEOUT, "the service's method to change");

  /* DDA on */
  gtk_switch_set_active (GTK_SWITCH (dda_switch), TRUE);
  ui_wait_for (dda_on, dda_switch, TIMEOUT, "DDA to be on");
  dda = oracle_dda (fixture);
  g_assert_true (san_dda_get_enabled (dda));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (ui_find (page, "dda_row"))),
                                   "On since "));
  {
    GtkAdjustment *adjustment =
      gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (ui_find_type (ui_find (page, "content_page"),
                                                                              GTK_TYPE_SCROLLED_WINDOW)));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    ui_screenshot (window, "payment-methods-dda");
    gtk_adjustment_set_value (adjustment, 0);
  }

  /* A bank account: a CPF is checked as it is typed */
  ui_click (ui_find (page, "add_account_button"));
  dialog = GTK_WIDGET (ui_wait_toplevel (SAN_TYPE_BANK_ACCOUNT_DIALOG, TIMEOUT));
  document_error = ui_find (dialog, "document_error_label");
  fill_bank_account (dialog, "12345-6");
  ui_type (ui_find (dialog, "document_row"), "318.472.659");
  g_assert_false (gtk_widget_get_visible (document_error));   /* not complete yet */
  ui_type (ui_find (dialog, "document_row"), "318.472.659-29");
  g_assert_true (gtk_widget_get_visible (document_error));
  g_assert_false (gtk_widget_get_sensitive (ui_find (dialog, "add_button")));
  ui_type (ui_find (dialog, "document_row"), "318.472.659-28");
  g_assert_false (gtk_widget_get_visible (document_error));
  g_assert_true (gtk_widget_get_visible (ui_find (dialog, "document_ok_image")));

  /* The wrong check digit: the server says so, next to the account */
  account_error = ui_find (dialog, "account_error_label");
  ui_click (ui_find (dialog, "add_button"));
  ui_wait_for (ui_label_is_shown, account_error, TIMEOUT, "the account's error");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (account_error)), ==,
                   "The account number or its check digit is not right for this bank. Check "
                   "them on your card or statement.");
  g_assert_true (gtk_widget_has_css_class (ui_find (dialog, "account_row"), "error"));
  g_assert_false (gtk_widget_get_visible (ui_find (dialog, "agency_error_label")));
  ui_screenshot (GTK_WINDOW (dialog), "bank-account-error");

  /* Fixed (Itaú: mod 10 over agency and account gives 1): added */
  ui_type (ui_find (dialog, "account_row"), "12345-1");
  g_assert_false (gtk_widget_get_visible (account_error));
  ui_click (ui_find (dialog, "add_button"));
  ui_wait_for (ui_toplevel_is_gone, GSIZE_TO_POINTER (SAN_TYPE_BANK_ACCOUNT_DIALOG), TIMEOUT,
               "the dialog to close");
  ui_wait_rows (accounts_list, 1, TIMEOUT, "the account in the list");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (ui_row_at (accounts_list, 0))),
                   ==, "Itaú · agency 1234 · account 12345-1");
  accounts = oracle_bank_accounts (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, 1);
  g_clear_object (&accounts);
  ui_screenshot (window, "payment-methods-account");

  /* Removed, after a confirmation */
  remove = find_action_button (accounts_list, "paymethods.remove-account", NULL);
  g_assert_nonnull (remove);
  ui_click (remove);
  confirm = ADW_MESSAGE_DIALOG (ui_wait_toplevel (ADW_TYPE_MESSAGE_DIALOG, TIMEOUT));
  g_assert_cmpstr (adw_message_dialog_get_heading (confirm), ==, "Remove the Itaú Account?");
  ui_screenshot (GTK_WINDOW (confirm), "bank-account-remove");
  adw_message_dialog_response (confirm, "remove");
  ui_wait_rows (accounts_list, 0, TIMEOUT, "the account gone from the list");
  accounts = oracle_bank_accounts (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, 0);
}

static void
test_payment_methods (Fixture       *fixture,
                      gconstpointer  data)
{
  ui_run_app (san_test_server_get_url (fixture->server), payment_methods_body, fixture);
}

/* Notas fiscais */

static GListModel *
shown_notes (GtkWidget *page)
{
  return G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (ui_find (page, "column_view"))));
}

static gboolean
notes_listed (gpointer data)
{
  return g_strcmp0 (ui_stack_page (data, "notes_stack"), "list") == 0;
}

static SanFiscalNote *
find_pending (GListModel *notes)
{
  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(SanFiscalNote) note = g_list_model_get_item (notes, i);

      if (san_fiscal_note_get_status (note) == SAN_FISCAL_NOTE_STATUS_PENDING)
        return g_steal_pointer (&note);
    }
  return NULL;
}

typedef struct
{
  GtkWidget  *page;
  const char *note_id;
} IssueWait;

static gboolean
note_shown_issued (gpointer data)
{
  IssueWait *wait = data;
  GListModel *notes = shown_notes (wait->page);

  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(SanFiscalNote) note = g_list_model_get_item (notes, i);

      if (g_strcmp0 (san_fiscal_note_get_id (note), wait->note_id) == 0)
        return san_fiscal_note_get_status (note) == SAN_FISCAL_NOTE_STATUS_ISSUED;
    }
  return FALSE;
}

static char *
read_file (const char *dir,
           const char *name,
           gsize      *out_length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, out_length, &error);
  g_assert_no_error (error);
  return contents;
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

/* The expected CSV line of an issued note */
static char *
expected_csv_line (SanFiscalNote *note)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (-3 * 3600);
  gint64 cents = san_fiscal_note_get_amount_cents (note);

  local = g_date_time_to_timezone (san_fiscal_note_get_issued_at (note), zone);
  return g_strdup_printf ("%s,%s,%s,%04d-%02d-%02d,%" G_GINT64_FORMAT ".%02d,%s\r\n",
                          san_fiscal_note_get_number (note),
                          san_fiscal_note_get_verification_code (note),
                          san_fiscal_note_get_invoice_number (note),
                          g_date_time_get_year (local), g_date_time_get_month (local),
                          g_date_time_get_day_of_month (local),
                          cents / 100, (int) (cents % 100),
                          san_fiscal_note_get_description (note));
}

static void
fiscal_notes_body (SanApplication *app,
                   GtkWindow      *window,
                   gpointer        user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(GListModel) expected = oracle_fiscal_notes (fixture);
  g_autoptr(SanFiscalNote) pending = find_pending (expected);
  g_autoptr(SanFiscalNote) issued_now = NULL;
  g_autoptr(SanFiscalNote) first_issued = NULL;
  g_autofree char *saved_path = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *pdf_name = NULL;
  g_autofree char *export_dir = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GPtrArray) period = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *page, *dropdown, *issue, *save, *chooser, *export_dialog, *choose;
  GtkWidget *from_row, *to_row;
  IssueWait issue_wait;
  gsize length;
  guint n_notes;

  g_assert_nonnull (pending);
  n_notes = g_list_model_get_n_items (expected);
  g_assert_cmpuint (n_notes, >=, 4);

  sign_in (window, fixture);
  ui_select_section (window, "fiscal_notes_row");
  page = ui_find (GTK_WIDGET (window), "fiscal_notes_page");
  ui_wait_for (notes_listed, page, TIMEOUT, "the notas fiscais to load");
  g_assert_cmpuint (g_list_model_get_n_items (shown_notes (page)), ==, n_notes);
  ui_screenshot (window, "fiscal-notes");

  /* Pending only: the one waiting, with Issue Now */
  dropdown = ui_find (page, "filter_dropdown");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 2);
  g_assert_cmpuint (g_list_model_get_n_items (shown_notes (page)), ==, 1);
  issue = wait_action_button (ui_find (page, "column_view"), "fiscal.issue",
                              san_fiscal_note_get_id (pending));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (issue)), ==, "Issue Now");
  ui_screenshot (window, "fiscal-notes-pending");

  /* Issued now: the row says so; the server agrees */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 0);
  issue = wait_action_button (ui_find (page, "column_view"), "fiscal.issue",
                              san_fiscal_note_get_id (pending));
  ui_click (issue);
  issue_wait.page = page;
  issue_wait.note_id = san_fiscal_note_get_id (pending);
  ui_wait_for (note_shown_issued, &issue_wait, TIMEOUT, "the note to show issued");
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *toast = NULL;

    san_client_get_fiscal_note_async (fixture->oracle, contract_id (fixture),
                                      san_fiscal_note_get_id (pending), NULL, ui_result_cb, &result);
    issued_now = san_client_get_fiscal_note_finish (fixture->oracle, ui_wait_result (&result), &error);
    g_assert_no_error (error);
    g_assert_cmpint (san_fiscal_note_get_status (issued_now), ==, SAN_FISCAL_NOTE_STATUS_ISSUED);
    toast = g_strdup_printf ("Nota fiscal %s issued", san_fiscal_note_get_number (issued_now));
    wait_toast (window, toast);
  }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 2);
  g_assert_cmpuint (g_list_model_get_n_items (shown_notes (page)), ==, 0);
  g_assert_cmpstr (ui_stack_page (page, "notes_stack"), ==, "empty");
  ui_screenshot (window, "fiscal-notes-none-pending");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 0);

  /* Save PDF: the file chooser opens with the note's file name (it cannot be
   * clicked headless: its answer is given to the page directly) */
  first_issued = g_list_model_get_item (shown_notes (page), 0);
  g_assert_cmpint (san_fiscal_note_get_status (first_issued), ==, SAN_FISCAL_NOTE_STATUS_ISSUED);
  save = wait_action_button (ui_find (page, "column_view"), "fiscal.save-pdf",
                             san_fiscal_note_get_id (first_issued));
  ui_click (save);
  chooser = GTK_WIDGET (ui_wait_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, TIMEOUT));
  pdf_name = san_fiscal_export_file_name (first_issued, SAN_FISCAL_NOTE_FORMAT_PDF);
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==,
                   GTK_FILE_CHOOSER_ACTION_SAVE);
  {
    g_autofree char *current_name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));

    g_assert_cmpstr (current_name, ==, pdf_name);
  }
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  ui_wait_for (ui_toplevel_is_gone, GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_DIALOG), TIMEOUT,
               "the file chooser to close");
  {
    g_autofree char *path = g_build_filename (fixture->tmp_dir, pdf_name, NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);

    san_fiscal_notes_page_save_note (SAN_FISCAL_NOTES_PAGE (page),
                                     san_fiscal_note_get_id (first_issued),
                                     SAN_FISCAL_NOTE_FORMAT_PDF, file);
  }
  saved_path = g_build_filename (fixture->tmp_dir, pdf_name, NULL);
  ui_wait_for (file_exists, saved_path, TIMEOUT, "the PDF to be saved");
  {
    g_autofree char *toast = g_strdup_printf ("Saved %s", pdf_name);

    wait_toast (window, toast);
  }
  saved = read_file (fixture->tmp_dir, pdf_name, &length);
  g_assert_true (g_str_has_prefix (saved, "%PDF-"));

  /* Export for the accountant: the dialog, up to its folder chooser */
  ui_click (ui_find (page, "export_button"));
  export_dialog = GTK_WIDGET (ui_wait_toplevel (ADW_TYPE_MESSAGE_DIALOG, TIMEOUT));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (export_dialog),
                                                           "export"));
  from_row = ui_find_named (export_dialog, "export_from_row");
  to_row = ui_find_named (export_dialog, "export_to_row");
  g_assert_nonnull (from_row);
  g_assert_nonnull (to_row);
  /* A period that ends before it starts cannot be exported */
  adw_combo_row_set_selected (ADW_COMBO_ROW (from_row), 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (to_row), 1);
  g_assert_nonnull (adw_action_row_get_subtitle (ADW_ACTION_ROW (to_row)));
  adw_combo_row_set_selected (ADW_COMBO_ROW (from_row), 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (to_row), 0);
  choose = ui_find_named (export_dialog, "export_choose_button");
  g_assert_nonnull (choose);
  ui_screenshot (GTK_WINDOW (export_dialog), "fiscal-export-dialog");
  ui_click (choose);
  chooser = GTK_WIDGET (ui_wait_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, TIMEOUT));
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==,
                   GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  ui_wait_for (ui_toplevel_is_gone, GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_DIALOG), TIMEOUT,
               "the folder chooser to close");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (export_dialog),
                                                           "export"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (export_dialog), "cancel");

  /* The export itself, into a folder: September to November 2026 */
  export_dir = g_build_filename (fixture->tmp_dir, "contador", NULL);
  g_assert_cmpint (g_mkdir (export_dir, 0700), ==, 0);
  folder = g_file_new_for_path (export_dir);
  {
    g_autoptr(GListModel) now = oracle_fiscal_notes (fixture);
    g_autofree char *toast = NULL;
    g_autofree char *csv = NULL;
    g_autofree char *csv_name = NULL;
    g_autoptr(GString) expected_csv = g_string_new ("Number,Verification code,Invoice,"
                                                    "Issue date,Amount,Description\r\n");
    GDate from, to;

    g_date_clear (&from, 1);
    g_date_clear (&to, 1);
    g_date_set_dmy (&from, 1, G_DATE_SEPTEMBER, 2026);
    g_date_set_dmy (&to, 30, G_DATE_NOVEMBER, 2026);
    for (guint i = 0; i < g_list_model_get_n_items (now); i++)
      {
        g_autoptr(SanFiscalNote) note = g_list_model_get_item (now, i);
        g_autofree char *line = NULL;
        GDate issued;

        if (!san_fiscal_export_issue_date (note, &issued) ||
            g_date_compare (&issued, &from) < 0 || g_date_compare (&issued, &to) > 0)
          continue;
        line = expected_csv_line (note);
        g_string_append (expected_csv, line);
        g_ptr_array_add (period, g_object_ref (note));
      }
    /* The note issued today and at least one before it */
    g_assert_cmpuint (period->len, >=, 2);

    san_fiscal_notes_page_export (SAN_FISCAL_NOTES_PAGE (page), &from, &to, folder);
    g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (ui_find (page, "export_revealer"))));
    toast = g_strdup_printf ("Exported %u notas fiscais to contador", period->len);
    wait_toast (window, toast);
    ui_screenshot (window, "fiscal-export-done");
    g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (ui_find (page, "export_revealer"))));

    for (guint i = 0; i < period->len; i++)
      {
        g_autofree char *pdf = san_fiscal_export_file_name (period->pdata[i], SAN_FISCAL_NOTE_FORMAT_PDF);
        g_autofree char *xml = san_fiscal_export_file_name (period->pdata[i], SAN_FISCAL_NOTE_FORMAT_XML);
        g_autofree char *pdf_data = read_file (export_dir, pdf, &length);
        g_autofree char *xml_data = read_file (export_dir, xml, &length);

        g_assert_true (g_str_has_prefix (pdf_data, "%PDF-"));
        g_assert_true (g_str_has_prefix (xml_data, "<?xml"));
        g_assert_nonnull (strstr (xml_data, san_fiscal_note_get_verification_code (period->pdata[i])));
      }
    csv_name = g_strdup ("notas-fiscais-2026-09-01-a-2026-11-30.csv");
    csv = read_file (export_dir, csv_name, &length);
    g_assert_cmpstr (csv, ==, expected_csv->str);
    g_assert_true (g_utf8_validate (csv, length, NULL));
  }
}

static void
test_fiscal_notes (Fixture       *fixture,
                   gconstpointer  data)
{
  ui_run_app (san_test_server_get_url (fixture->server), fiscal_notes_body, fixture);
}

/* Both pages when the server cannot be reached for a contract never shown:
 * an error state with Retry, not an empty list */

static gboolean
stack_shows_error (gpointer data)
{
  GtkWidget *page = data;
  const char *stack_id = SAN_IS_FISCAL_NOTES_PAGE (page) ? "notes_stack" : "methods_stack";

  return g_strcmp0 (ui_stack_page (page, stack_id), "error") == 0;
}

static void
error_state_body (SanApplication *app,
                  GtkWindow      *window,
                  gpointer        user_data)
{
  Fixture *fixture = user_data;
  GtkWidget *methods_page, *notes_page;

  sign_in (window, fixture);
  ui_select_section (window, "payment_methods_row");
  methods_page = ui_find (GTK_WIDGET (window), "payment_methods_page");
  notes_page = ui_find (GTK_WIDGET (window), "fiscal_notes_page");
  ui_wait_for (methods_loaded, methods_page, TIMEOUT, "the payment methods to load");

  /* The server goes away; the other contract cannot load */
  g_clear_pointer (&fixture->server, san_test_server_stop);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ui_find (GTK_WIDGET (window), "contract_dropdown")), 1);
  ui_wait_for (stack_shows_error, methods_page, TIMEOUT, "the payment methods' error state");
  g_assert_true (gtk_widget_get_visible (ui_find (methods_page, "methods_retry_button")));
  g_assert_nonnull (adw_status_page_get_description (ADW_STATUS_PAGE (ui_find (methods_page,
                                                                               "methods_error_page"))));
  ui_screenshot (window, "payment-methods-error");

  ui_select_section (window, "fiscal_notes_row");
  ui_wait_for (stack_shows_error, notes_page, TIMEOUT, "the notas fiscais' error state");
  g_assert_true (gtk_widget_get_visible (ui_find (notes_page, "notes_retry_button")));
  g_assert_false (gtk_widget_get_sensitive (ui_find (notes_page, "export_button")));
  ui_screenshot (window, "fiscal-notes-error");

  /* Retry, still unreachable: still the error, not a spinner forever */
  ui_click (ui_find (notes_page, "notes_retry_button"));
  ui_wait_for (stack_shows_error, notes_page, TIMEOUT, "the error state again");
}

static void
test_error_state (Fixture       *fixture,
                  gconstpointer  data)
{
  ui_run_app (san_test_server_get_url (fixture->server), error_state_body, fixture);
}

/* SanFiscalExport without the window: a period without notes, and one
 * whose note fails midway */

static void
on_export_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
test_export_empty_period (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->tmp_dir);
  g_autoptr(SanFiscalExport) export = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  GDate from, to;
  guint n = 99;

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 1, G_DATE_JANUARY, 2020);
  g_date_set_dmy (&to, 31, G_DATE_JANUARY, 2020);
  export = san_fiscal_export_new (fixture->oracle, contract_id (fixture), &from, &to, folder);
  san_fiscal_export_run_async (export, NULL, on_export_cb, &result);
  g_assert_true (san_fiscal_export_run_finish (export, ui_wait_result (&result), &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);

  /* Nothing written */
  dir = g_dir_open (fixture->tmp_dir, 0, NULL);
  g_assert_null (g_dir_read_name (dir));
}

static void
test_export_failure_keeps_files (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *export_dir = g_build_filename (fixture->tmp_dir, "out", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (export_dir);
  g_autoptr(SanFiscalExport) export = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) notes = oracle_fiscal_notes (fixture);
  g_autofree char *blocker = NULL;
  g_autofree char *first_pdf = NULL;
  g_autoptr(SanFiscalNote) first = NULL;
  g_autoptr(SanFiscalNote) second = NULL;
  guint n_issued = 0;
  GDate from, to;

  /* Newest first: the first two issued notes of the whole year */
  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(SanFiscalNote) note = g_list_model_get_item (notes, i);

      if (san_fiscal_note_get_status (note) != SAN_FISCAL_NOTE_STATUS_ISSUED)
        continue;
      if (n_issued == 0)
        first = g_object_ref (note);
      else if (n_issued == 1)
        second = g_object_ref (note);
      n_issued++;
    }
  g_assert_nonnull (second);

  /* The second note's PDF cannot be written: a folder has its name */
  g_assert_cmpint (g_mkdir (export_dir, 0700), ==, 0);
  {
    g_autofree char *name = san_fiscal_export_file_name (second, SAN_FISCAL_NOTE_FORMAT_PDF);

    blocker = g_build_filename (export_dir, name, NULL);
    g_assert_cmpint (g_mkdir (blocker, 0700), ==, 0);
  }

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 1, G_DATE_JANUARY, 2025);
  g_date_set_dmy (&to, 31, G_DATE_DECEMBER, 2026);
  export = san_fiscal_export_new (fixture->oracle, contract_id (fixture), &from, &to, folder);
  san_fiscal_export_run_async (export, NULL, on_export_cb, &result);
  g_assert_false (san_fiscal_export_run_finish (export, ui_wait_result (&result), NULL, &error));
  g_assert_nonnull (error);
  /* The error names the note; the first note's files stay; no summary */
  g_assert_nonnull (strstr (error->message, san_fiscal_note_get_number (second)));
  g_assert_cmpuint (san_fiscal_export_get_n_notes (export), ==, n_issued);
  g_assert_cmpuint (san_fiscal_export_get_n_done (export), ==, 1);
  first_pdf = san_fiscal_export_file_name (first, SAN_FISCAL_NOTE_FORMAT_PDF);
  {
    g_autofree char *path = g_build_filename (export_dir, first_pdf, NULL);
    g_autofree char *csv_name = san_fiscal_export_dup_csv_name (export);
    g_autofree char *csv_path = g_build_filename (export_dir, csv_name, NULL);

    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    g_assert_false (g_file_test (csv_path, G_FILE_TEST_EXISTS));
  }
  g_rmdir (blocker);
}

/* RFC 4180: commas, quotes and line breaks quoted, UTF-8 kept */
static void
test_export_csv_quoting (void)
{
  const char *json =
    "{\"id\": \"7\", \"invoice_id\": \"12\", \"invoice_number\": \"2026-000123\","
    " \"status\": \"issued\", \"number\": \"2026/000123\", \"verification_code\": \"A1B2-C3D4\","
    " \"amount_cents\": 123456, \"description\": \"Hospedagem, \\\"Plano M\\\"\\nPão Quente\","
    " \"scheduled_for\": \"2026-11-15\", \"issued_at\": \"2026-11-16T02:30:00Z\"}";
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SanFiscalNote) note = NULL;
  g_autoptr(GListStore) notes = g_list_store_new (SAN_TYPE_FISCAL_NOTE);
  g_autofree char *csv = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  note = san_fiscal_note_new_from_json (json_node_get_object (json_parser_get_root (parser)), &error);
  g_assert_no_error (error);
  g_list_store_append (notes, note);

  csv = san_fiscal_export_build_csv (G_LIST_MODEL (notes));
  /* 02:30 UTC is still the 15th in São Paulo */
  g_assert_cmpstr (csv, ==,
                   "Number,Verification code,Invoice,Issue date,Amount,Description\r\n"
                   "2026/000123,A1B2-C3D4,2026-000123,2026-11-15,1234.56,"
                   "\"Hospedagem, \"\"Plano M\"\"\nPão Quente\"\r\n");
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/fiscal-export/csv-quoting", test_export_csv_quoting);
  g_test_add ("/ui/fiscal-export/empty-period-writes-nothing", Fixture, NULL,
              fixture_set_up, test_export_empty_period, fixture_tear_down);
  g_test_add ("/ui/fiscal-export/failure-names-note-keeps-files", Fixture, NULL,
              fixture_set_up, test_export_failure_keeps_files, fixture_tear_down);
  g_test_add ("/ui/payment-methods/change-add-remove", Fixture, NULL,
              fixture_set_up, test_payment_methods, fixture_tear_down);
  g_test_add ("/ui/fiscal-notes/issue-save-export", Fixture, NULL,
              fixture_set_up, test_fiscal_notes, fixture_tear_down);
  g_test_add ("/ui/payment-methods/unreachable-shows-error", Fixture, NULL,
              fixture_set_up, test_error_state, fixture_tear_down);

  return g_test_run ();
}
