/* test-ui-pt-br.c: the app speaks Brazilian Portuguese when the locale is
 * pt_BR (run with LANGUAGE=pt_BR and the build tree's translations in
 * $SAN_LOCALEDIR); screenshots of its screens in pt_BR: sign-in, overview,
 * services, billing, and support (tickets, a thread, a new ticket, the
 * e-mail history, "Nós ligamos para você", the support level picker and,
 * signed in as staff, the ticket queue)
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "san-api.h"
#include "san-callback-dialog.h"
#include "san-email-reader.h"
#include "san-new-ticket-form.h"
#include "san-preferences-window.h"
#include "san-service-labels.h"
#include "san-services-page.h"
#include "san-staff-ticket-view.h"
#include "san-support-level-dialog.h"
#include "san-test-server.h"
#include "san-tickets-page.h"
#include "ui-test-helpers.h"

#define TIMEOUT 30

#define PADARIA        "Padaria Pão Quente Ltda"
#define STAFF_EMAIL    "staff@example.com"
#define STAFF_PASSWORD "staff-1234"
/* Ana's ticket with a file attached (and, for staff, an internal note) */
#define THREAD_SUBJECT "Site fora do ar após atualização do WordPress"

/* The app's own translation of @msgid, which must exist */
static const char *
translated (const char *context,
            const char *msgid)
{
  const char *text = context != NULL
                     ? g_dpgettext2 (GETTEXT_PACKAGE, context, msgid)
                     : g_dgettext (GETTEXT_PACKAGE, msgid);

  g_assert_cmpstr (text, !=, msgid);
  return text;
}

static gboolean
list_is_loaded (gpointer data)
{
  return g_strcmp0 (ui_stack_page (data, "list_stack"), "list") == 0;
}

static void
select_section (GtkWindow  *window,
                const char *row_id)
{
  gtk_list_box_select_row (GTK_LIST_BOX (ui_find (GTK_WIDGET (window), "sidebar_list")),
                           GTK_LIST_BOX_ROW (ui_find (GTK_WIDGET (window), row_id)));
}

/* The label of a button whose child is an AdwButtonContent, or its own */
static const char *
button_content_label (GtkWidget *button)
{
  GtkWidget *child = gtk_button_get_child (GTK_BUTTON (button));

  if (ADW_IS_BUTTON_CONTENT (child))
    return adw_button_content_get_label (ADW_BUTTON_CONTENT (child));
  return gtk_button_get_label (GTK_BUTTON (button));
}

static const char *
content_title (GtkWindow *window)
{
  return adw_window_title_get_title (ADW_WINDOW_TITLE (ui_find (GTK_WIDGET (window),
                                                                "content_title")));
}

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* The first visible toplevel window of @type, still held by GTK */
static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
toplevel_mapped (gpointer data)
{
  GtkWindow *window = find_toplevel (GPOINTER_TO_SIZE (data));

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

static gboolean
toplevel_gone (gpointer data)
{
  return find_toplevel (GPOINTER_TO_SIZE (data)) == NULL;
}

static GtkWidget *
wait_toplevel (GType type)
{
  g_autofree char *what = g_strdup_printf ("a %s to show", g_type_name (type));

  ui_wait_for (toplevel_mapped, GSIZE_TO_POINTER (type), TIMEOUT, what);
  return GTK_WIDGET (find_toplevel (type));
}

static void
close_toplevel (GtkWidget *dialog)
{
  GType type = G_OBJECT_TYPE (dialog);

  gtk_window_close (GTK_WINDOW (dialog));
  ui_wait_for (toplevel_gone, GSIZE_TO_POINTER (type), TIMEOUT, "the dialog to close");
}

/* The position in @model (of SanTicket) of the ticket with @subject */
static guint
ticket_position (GListModel *model,
                 const char *subject)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SanTicket) ticket = g_list_model_get_item (model, i);

      if (g_str_equal (san_ticket_get_subject (ticket), subject))
        return i;
    }
  g_error ("no ticket “%s” shown", subject);
}

static gboolean
thread_loaded (gpointer data)
{
  return g_strcmp0 (ui_stack_page (data, "thread_stack"), "thread") == 0;
}

static gboolean
form_ready (gpointer data)
{
  GtkWidget *service_row = ui_find (data, "service_row");

  return san_new_ticket_form_get_ready (data) &&
         g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (service_row))) > 1;
}

static gboolean
reader_loaded (gpointer data)
{
  GtkWidget *page = data;

  return g_strcmp0 (ui_stack_page (page, "detail_stack"), "reader") == 0 &&
         san_email_reader_get_email (SAN_EMAIL_READER (ui_find (page, "reader"))) != NULL;
}

static gboolean
requests_loaded (gpointer data)
{
  return !gtk_widget_get_visible (ui_find (data, "requests_spinner")) &&
         gtk_list_box_get_row_at_index (GTK_LIST_BOX (ui_find (data, "requests_list")), 0) != NULL;
}

static gboolean
levels_loaded (gpointer data)
{
  return g_strcmp0 (ui_stack_page (data, "levels_stack"), "levels") == 0;
}

typedef struct
{
  GtkWidget  *view;
  const char *subject;
} StaffViewWait;

static gboolean
staff_view_shows (gpointer data)
{
  StaffViewWait *wait = data;
  SanTicket *ticket = san_staff_ticket_view_get_ticket (SAN_STAFF_TICKET_VIEW (wait->view));

  return g_strcmp0 (ui_stack_page (wait->view, "view_stack"), "ticket") == 0 &&
         ticket != NULL && g_str_equal (san_ticket_get_subject (ticket), wait->subject) &&
         g_list_model_get_n_items (san_ticket_get_messages (ticket)) > 0;
}

static void
sign_in (GtkWindow  *window,
         const char *email,
         const char *password)
{
  GtkWidget *page = ui_find (GTK_WIDGET (window), "sign_in_page");

  ui_wait_stack_page (GTK_WIDGET (window), "stack", "sign-in", TIMEOUT);
  ui_type (ui_find (page, "email_row"), email);
  ui_type (ui_find (page, "password_row"), password);
  ui_press_enter (ui_find (page, "password_row"));
  ui_wait_stack_page (GTK_WIDGET (window), "stack", "main", TIMEOUT);
}

static gboolean
banner_shown (gpointer data)
{
  return gtk_revealer_get_reveal_child (GTK_REVEALER (ui_find (data, "incident_revealer")));
}

/* Support: the Tickets section, a thread, a new ticket */
static void
visit_tickets (GtkWindow *window)
{
  GtkWidget *page = ui_find (GTK_WIDGET (window), "tickets_page");
  GtkWidget *view = ui_find (page, "ticket_view");
  GtkWidget *form = ui_find (page, "new_ticket_form");
  g_autoptr(SanTicket) ticket = NULL;
  GListModel *model;

  select_section (window, "tickets_row");
  ui_wait_for (list_is_loaded, page, TIMEOUT, "the tickets");
  g_assert_cmpstr (content_title (window), ==, translated (NULL, "Tickets"));
  g_assert_cmpstr (button_content_label (ui_find (page, "new_ticket_button")), ==,
                   translated (NULL, "_Open Ticket"));
  g_assert_cmpstr (button_content_label (ui_find (page, "callback_button")), ==,
                   translated (NULL, "_We’ll Call You"));
  g_assert_nonnull (ui_find_label (page, translated ("ticket filter", "Not Closed")));
  g_assert_nonnull (ui_find_label (page, translated (NULL, "No Ticket Selected")));
  ui_screenshot (window, "pt-br-tickets");

  /* A thread: SAN's replies, a file, the reply box */
  model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (ui_find (page, "list_view"))));
  ticket = g_list_model_get_item (model, ticket_position (model, THREAD_SUBJECT));
  san_tickets_page_show_ticket (SAN_TICKETS_PAGE (page), san_ticket_get_id (ticket));
  ui_wait_stack_page (page, "detail_stack", "ticket", TIMEOUT);
  ui_wait_for (thread_loaded, view, TIMEOUT, "the thread");
  {
    static const char *english[] = { "Open", "Answered", "Customer Reply", "On Hold",
                                     "In Progress", "Closed" };

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ui_find (view, "status_label"))), ==,
                     translated ("ticket status", english[san_ticket_get_status (ticket)]));
  }
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (ui_find (view, "send_button"))), ==,
                   translated (NULL, "_Send Reply"));
  g_assert_nonnull (ui_find_label (view, translated (NULL, "Write a reply…")));
  ui_screenshot (window, "pt-br-ticket-thread");

  /* The new ticket form */
  san_tickets_page_new_ticket (SAN_TICKETS_PAGE (page));
  ui_wait_stack_page (page, "detail_stack", "new", TIMEOUT);
  ui_wait_for (form_ready, form, TIMEOUT, "the departments and services");
  g_assert_nonnull (ui_find_label (form, translated (NULL, "New Ticket")));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (ui_find (form, "department_row"))),
                   ==, translated (NULL, "Department"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (ui_find (form, "priority_row"))),
                   ==, translated (NULL, "Priority"));
  g_assert_nonnull (ui_find_label (form, translated (NULL, "Attachments")));
  /* the demo's open incident on Ana's shared server: SAN already knows */
  ui_wait_for (banner_shown, form, TIMEOUT, "the incident banner above the form");
  g_assert_cmpstr (ui_label_text (form, "incident_body_label"), ==,
                   translated (NULL, "SAN’s team already knows and is working on it: "
                                     "you don’t need to open a ticket about it."));
  ui_wait_ms (300);   /* the banner slides in */
  ui_screenshot (window, "pt-br-new-ticket");
  ui_click (ui_find (form, "cancel_button"));
}

/* The support level picker, from an active service's detail */
static void
visit_support_level (GtkWindow *window)
{
  GtkWidget *page = ui_find (GTK_WIDGET (window), "services_page");
  GtkWidget *detail = ui_find (page, "detail");
  GListModel *model;
  GtkWidget *change;
  GtkWidget *dialog;
  gboolean found = FALSE;

  select_section (window, "services_row");
  ui_wait_for (list_is_loaded, page, TIMEOUT, "the services");
  model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (ui_find (page, "list_view"))));
  for (guint i = 0; i < g_list_model_get_n_items (model) && !found; i++)
    {
      g_autoptr(SanService) service = g_list_model_get_item (model, i);

      if (san_service_get_status (service) == SAN_SERVICE_STATUS_ACTIVE)
        {
          san_services_page_show_service (SAN_SERVICES_PAGE (page), san_service_get_id (service));
          found = TRUE;
        }
    }
  g_assert_true (found);
  ui_wait_stack_page (page, "detail_stack", "detail", TIMEOUT);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (ui_find (detail, "support_row"))),
                   ==, translated (NULL, "Support Level"));
  change = ui_find (detail, "support_change_button");
  ui_wait_for (widget_mapped, change, TIMEOUT, "the Change button");
  ui_click (change);

  dialog = wait_toplevel (SAN_TYPE_SUPPORT_LEVEL_DIALOG);
  ui_wait_for (levels_loaded, dialog, TIMEOUT, "the support levels");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, translated (NULL, "Support Level"));
  g_assert_nonnull (ui_find_label (dialog, translated ("support level", "Current")));
  g_assert_nonnull (ui_find_label (dialog, translated (NULL, "First response")));
  g_assert_nonnull (ui_find_button (dialog, translated (NULL, "C_hange Level")));
  ui_screenshot (GTK_WINDOW (dialog), "pt-br-support-level");
  close_toplevel (dialog);
}

/* The E-mail History, an e-mail open in the reader */
static void
visit_emails (GtkWindow *window)
{
  GtkWidget *page = ui_find (GTK_WIDGET (window), "emails_page");
  GListModel *model;

  select_section (window, "emails_row");
  ui_wait_for (list_is_loaded, page, TIMEOUT, "the e-mails");
  g_assert_cmpstr (content_title (window), ==, translated (NULL, "E-mail History"));
  model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (ui_find (page, "list_view"))));
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model), 0);
  ui_wait_for (reader_loaded, page, TIMEOUT, "the e-mail in the reader");
  g_assert_nonnull (ui_find_label (page, translated ("e-mail header", "From")));
  g_assert_nonnull (ui_find_label (page, translated (NULL, "Any Date")));
  g_assert_nonnull (ui_find_label (page, translated ("e-mail filter", "All Kinds")));
  ui_screenshot (window, "pt-br-emails");
}

/* "Nós ligamos para você", with the contract's earlier request */
static void
visit_callback (GtkWindow *window)
{
  GtkWidget *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.request-callback", NULL));
  dialog = wait_toplevel (SAN_TYPE_CALLBACK_DIALOG);
  ui_wait_for (requests_loaded, dialog, TIMEOUT, "the contract's requests");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, translated (NULL, "We’ll Call You"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (ui_find (dialog, "phone_row"))),
                   ==, translated (NULL, "Phone number, with area code"));
  g_assert_nonnull (ui_find_label (dialog, translated (NULL, "Your Requests")));
  g_assert_nonnull (ui_find_label (dialog, translated (NULL, "When to Call")));
  /* The earlier request, scheduled */
  g_assert_nonnull (ui_find_label (ui_find (dialog, "requests_list"),
                                   translated ("callback status", "Scheduled")));
  ui_screenshot (GTK_WINDOW (dialog), "pt-br-callback");
  close_toplevel (dialog);
}

static gboolean
status_loaded (gpointer data)
{
  return g_strcmp0 (ui_stack_page (data, "main_stack"), "content") == 0;
}

static gboolean
connection_live (gpointer data)
{
  return g_strcmp0 (ui_label_text (data, "connection_label"), translated (NULL, "Live")) == 0;
}

/* Live status, in Padaria (the demo's open incident on its shared
 * instance): the Overview's banner, the Status section, the connection
 * line and Preferences */
static void
visit_status (SanApplication *app,
              GtkWindow      *window)
{
  GtkWidget *root = GTK_WIDGET (window);
  GtkWidget *overview = ui_find (root, "overview_page");
  GtkWidget *page = ui_find (root, "status_page");
  GtkWidget *preferences;

  select_section (window, "overview_row");
  ui_wait_for (banner_shown, overview, TIMEOUT, "the incident banner");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (ui_find (overview, "incident_details_button"))),
                   ==, translated (NULL, "_Details"));
  ui_wait_for (connection_live, root, TIMEOUT, "the live connection");
  ui_screenshot (window, "pt-br-overview-incident");

  select_section (window, "status_row");
  ui_wait_for (status_loaded, page, TIMEOUT, "the status");
  /* the glossary keeps "Status" in Portuguese, so translated () can't be used */
  g_assert_cmpstr (content_title (window), ==, "Status");
  g_assert_nonnull (ui_find_label (page, translated ("instance state", "Degraded")));
  ui_screenshot (window, "pt-br-status");

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = wait_toplevel (SAN_TYPE_PREFERENCES_WINDOW);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (preferences)), ==, translated (NULL, "Preferences"));
  ui_screenshot (GTK_WINDOW (preferences), "pt-br-preferences");
  close_toplevel (preferences);
}

/* Staff: the ticket queue, a ticket with an internal note open */
static void
visit_staff_queue (SanApplication *app,
                   GtkWindow      *window)
{
  GtkWidget *page;
  GtkWidget *view;
  GListModel *model;
  StaffViewWait wait;

  g_action_group_activate_action (G_ACTION_GROUP (app), "sign-out", NULL);
  sign_in (window, STAFF_EMAIL, STAFF_PASSWORD);
  page = ui_find (GTK_WIDGET (window), "staff_queue_page");
  view = ui_find (page, "ticket_view");
  ui_wait_for (list_is_loaded, page, TIMEOUT, "the ticket queue");
  g_assert_cmpstr (content_title (window), ==, translated (NULL, "Ticket Queue"));
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (ui_find (GTK_WIDGET (window),
                                                                             "sidebar_title"))),
                   ==, translated (NULL, "Staff"));
  model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (ui_find (page, "list_view"))));
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model),
                                     ticket_position (model, THREAD_SUBJECT));
  wait.view = view;
  wait.subject = THREAD_SUBJECT;
  ui_wait_for (staff_view_shows, &wait, TIMEOUT, "the ticket");
  g_assert_nonnull (ui_find_label (view, translated (NULL, "Internal note — only SAN staff see this")));
  g_assert_nonnull (ui_find_button (page, translated (NULL, "_Waiting on Us")));
  g_assert_nonnull (ui_find_button (view, translated (NULL, "_Send as SAN")));
  g_assert_nonnull (ui_find_button (view, translated (NULL, "_Internal Note")));
  ui_screenshot (window, "pt-br-staff-queue");
}

static void
pt_br_body (SanApplication *app,
            GtkWindow      *window,
            gpointer        user_data)
{
  GtkWidget *root = GTK_WIDGET (window);
  GtkWidget *page;
  GtkWidget *services_page;
  GtkListView *list_view;
  GListModel *model;

  /* Strings from C, from templates and from the common library */
  g_assert_cmpstr (gtk_window_get_title (window), ==, translated (NULL, "SAN Client Area"));

  ui_wait_stack_page (root, "stack", "sign-in", TIMEOUT);
  page = ui_find (root, "sign_in_page");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (ui_find (page, "password_row"))),
                   ==, translated (NULL, "Password"));
  ui_screenshot (window, "pt-br-sign-in");

  ui_type (ui_find (page, "email_row"), "demo@example.com");
  ui_type (ui_find (page, "password_row"), "senha-errada");
  ui_press_enter (ui_find (page, "password_row"));
  while (!gtk_widget_get_visible (ui_find (page, "error_label")) ||
         !gtk_widget_get_sensitive (ui_find (page, "sign_in_button")))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ui_find (page, "error_label"))), ==,
                   translated (NULL, "The e-mail or the password is wrong."));
  ui_screenshot (window, "pt-br-sign-in-error");

  ui_type (ui_find (page, "password_row"), "demo-1234");
  ui_press_enter (ui_find (page, "password_row"));
  ui_wait_stack_page (root, "stack", "main", TIMEOUT);
  ui_wait_stack_page (ui_find (root, "overview_page"), "overview_stack", "content", TIMEOUT);
  g_assert_nonnull (ui_find_label (ui_find (root, "overview_page"),
                                   translated ("service status", "Suspended")));
  ui_screenshot (window, "pt-br-overview");

  gtk_list_box_select_row (GTK_LIST_BOX (ui_find (root, "sidebar_list")),
                           GTK_LIST_BOX_ROW (ui_find (root, "services_row")));
  services_page = ui_find (root, "services_page");
  ui_wait_for (list_is_loaded, services_page, TIMEOUT, "the services");
  list_view = GTK_LIST_VIEW (ui_find (services_page, "list_view"));
  model = G_LIST_MODEL (gtk_list_view_get_model (list_view));
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model), 0);
  {
    static const char *english[] = { "Pending", "Active", "Suspended", "Cancelled", "Terminated" };
    g_autoptr(SanService) service = g_list_model_get_item (model, 0);
    GtkWidget *detail = ui_find (services_page, "detail");

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ui_find (detail, "status_label"))), ==,
                     translated ("service status", english[san_service_get_status (service)]));
  }
  ui_screenshot (window, "pt-br-services");

  /* Billing: an overdue invoice, the payment methods, the notas fiscais */
  {
    GtkWidget *invoices_page = ui_find (root, "invoices_page");
    GtkWidget *detail;
    guint n;
    gboolean found = FALSE;

    gtk_list_box_select_row (GTK_LIST_BOX (ui_find (root, "sidebar_list")),
                             GTK_LIST_BOX_ROW (ui_find (root, "invoices_row")));
    ui_wait_for (list_is_loaded, invoices_page, TIMEOUT, "the invoices");
    model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (ui_find (invoices_page, "list_view"))));
    n = g_list_model_get_n_items (model);
    for (guint i = 0; i < n && !found; i++)
      {
        g_autoptr(SanInvoice) invoice = g_list_model_get_item (model, i);

        if (san_invoice_get_overdue (invoice))
          {
            gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model), i);
            found = TRUE;
          }
      }
    g_assert_true (found);
    detail = ui_find (invoices_page, "detail");
    g_assert_nonnull (ui_find_label (detail, translated ("invoice status", "Overdue")));
    ui_screenshot (window, "pt-br-invoice");

    gtk_list_box_select_row (GTK_LIST_BOX (ui_find (root, "sidebar_list")),
                             GTK_LIST_BOX_ROW (ui_find (root, "payment_methods_row")));
    ui_wait_stack_page (ui_find (root, "payment_methods_page"), "methods_stack", "content", TIMEOUT);
    ui_screenshot (window, "pt-br-payment-methods");

    gtk_list_box_select_row (GTK_LIST_BOX (ui_find (root, "sidebar_list")),
                             GTK_LIST_BOX_ROW (ui_find (root, "fiscal_notes_row")));
    ui_wait_stack_page (ui_find (root, "fiscal_notes_page"), "notes_stack", "list", TIMEOUT);
    ui_screenshot (window, "pt-br-fiscal-notes");
  }

  /* Support, in Ana's own contract: tickets and the support level; in
   * Padaria's, with a callback already asked for: the e-mails and the call */
  visit_tickets (window);
  visit_support_level (window);
  ui_select_contract (window, PADARIA);
  visit_emails (window);
  visit_callback (window);
  visit_status (app, window);

  /* The staff desk */
  visit_staff_queue (app, window);
}

static void
test_pt_br (void)
{
  g_autoptr(SanTestServer) server = san_test_server_start (TRUE, NULL);

  ui_run_app (san_test_server_get_url (server), pt_br_body, NULL);
}

int
main (int   argc,
      char *argv[])
{
  /* No G_TEST_OPTION_ISOLATE_DIRS: it would hide the icon theme (see test-ui.c) */
  ui_test_init (&argc, &argv);
  san_application_init_i18n ();

  g_test_add_func ("/ui/pt-br/screens", test_pt_br);
  return g_test_run ();
}
