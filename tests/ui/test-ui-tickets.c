/* test-ui-tickets.c: the Tickets section, in-process under Xvfb against a
 * real san-portald (--demo --today 2026-11-24): the list with its status
 * filter and search; a thread with an attachment saved through the save
 * dialog; a new ticket with files added by drag and drop (and the limits);
 * a reply; closing and reopening by a reply; a draft surviving a restart;
 * a send the server refuses, that keeps the text and offers Retry.
 *
 * The app is driven through its widgets (found by their template ids) and
 * checked against what the server answers to a separate SanClient.
 *
 * Drag and drop: Xvfb has no drag source, so the tests emit "drop" on the
 * form's own GtkDropTarget with a GDK_TYPE_FILE_LIST value, which is what
 * GTK does once a file manager's drop is read.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <locale.h>
#include <sys/stat.h>

#include "san-api.h"
#include "san-drafts.h"
#include "san-new-ticket-form.h"
#include "san-test-server.h"
#include "san-ticket-attachments.h"
#include "san-ticket-labels.h"
#include "san-ticket-row.h"
#include "san-ticket-thread.h"
#include "san-ticket-view.h"
#include "san-ticket-private.h"
#include "san-tickets-page.h"
#include "ui-test-helpers.h"

#define DEMO_EMAIL    "demo@example.com"
#define DEMO_PASSWORD "demo-1234"
#define TODAY         "2026-11-24"
#define TIMEOUT       30

/* The demo's ticket with a screenshot attached, in Ana's own contract */
#define ATTACHMENT_TICKET_SUBJECT "Site fora do ar após atualização do WordPress"
/* An open one, for replies and closing */
#define OPEN_TICKET_SUBJECT       "Como configurar o e-mail no celular"

typedef struct
{
  SanTestServer *server;
  SanClient     *oracle;    /* what the server says, asked directly */
  SanContract   *contract;  /* Ana's first contract, the one the app shows */
  char          *tmp_dir;
  /* A proxy that can refuse what the app sends */
  UiProxy       *proxy;
  gboolean       refuse_posts;
  guint          n_refused;
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
  g_assert_true (san_contract_has_permission (fixture->contract, "tickets"));

  fixture->tmp_dir = g_dir_make_tmp ("san-tickets-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->proxy, ui_proxy_free);
  ui_remove_tree (fixture->tmp_dir);
  g_clear_pointer (&fixture->tmp_dir, g_free);
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

static GPtrArray *
oracle_ticket_ids (Fixture    *fixture,
                   const char *status,
                   const char *search)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) tickets = NULL;
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  san_client_list_all_tickets_async (fixture->oracle, contract_id (fixture), status, search, NULL,
                                     ui_result_cb, &result);
  tickets = san_client_list_all_tickets_finish (fixture->oracle, ui_wait_result (&result), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (tickets); i++)
    {
      g_autoptr(SanTicket) ticket = g_list_model_get_item (tickets, i);

      g_ptr_array_add (ids, g_strdup (san_ticket_get_id (ticket)));
    }
  return ids;
}

static SanTicket *
oracle_ticket (Fixture    *fixture,
               const char *ticket_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SanTicket *ticket;

  san_client_get_ticket_async (fixture->oracle, contract_id (fixture), ticket_id, NULL,
                               ui_result_cb, &result);
  ticket = san_client_get_ticket_finish (fixture->oracle, ui_wait_result (&result), &error);
  g_assert_no_error (error);
  return ticket;
}

/* The id of the contract's ticket with this subject */
static char *
oracle_ticket_id_by_subject (Fixture    *fixture,
                             const char *subject)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) tickets = NULL;

  san_client_list_all_tickets_async (fixture->oracle, contract_id (fixture), NULL, NULL, NULL,
                                     ui_result_cb, &result);
  tickets = san_client_list_all_tickets_finish (fixture->oracle, ui_wait_result (&result), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (tickets); i++)
    {
      g_autoptr(SanTicket) ticket = g_list_model_get_item (tickets, i);

      if (g_str_equal (san_ticket_get_subject (ticket), subject))
        return g_strdup (san_ticket_get_id (ticket));
    }
  g_error ("no ticket “%s” in contract %s", subject, contract_id (fixture));
}

static GBytes *
oracle_download (Fixture    *fixture,
                 const char *attachment_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  san_client_download_attachment_async (fixture->oracle, contract_id (fixture), attachment_id,
                                        NULL, ui_result_cb, &result);
  bytes = san_client_download_attachment_finish (fixture->oracle, ui_wait_result (&result), NULL,
                                                 &error);
  g_assert_no_error (error);
  return bytes;
}

static SanTicketMessage *
last_message (SanTicket *ticket)
{
  GListModel *messages = san_ticket_get_messages (ticket);

  g_assert_cmpuint (g_list_model_get_n_items (messages), >, 0);
  return g_list_model_get_item (messages, g_list_model_get_n_items (messages) - 1);
}

/* The proxy's request function: answers 503 to what the app sends (POST)
 * while fixture->refuse_posts */
static gboolean
refuse_ticket_posts (SoupServerMessage *message,
                     const char        *path,
                     gpointer           user_data)
{
  static const char problem[] =
    "{\"type\":\"about:blank\",\"title\":\"Service unavailable\",\"status\":503,"
    "\"detail\":\"The server is busy; try again\",\"code\":\"unavailable\"}";
  Fixture *fixture = user_data;

  if (!fixture->refuse_posts || !g_str_equal (soup_server_message_get_method (message), "POST") ||
      strstr (path, "/tickets") == NULL)
    return FALSE;

  fixture->n_refused++;
  soup_server_message_set_status (message, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
  soup_server_message_set_response (message, "application/problem+json", SOUP_MEMORY_STATIC,
                                    problem, strlen (problem));
  return TRUE;
}

/* The app's widgets */

static GtkWidget *
tickets_page (GtkWindow *window)
{
  return ui_find (GTK_WIDGET (window), "tickets_page");
}

static SanTicketView *
ticket_view (GtkWindow *window)
{
  return SAN_TICKET_VIEW (ui_find (tickets_page (window), "ticket_view"));
}

static SanNewTicketForm *
new_ticket_form (GtkWindow *window)
{
  return SAN_NEW_TICKET_FORM (ui_find (tickets_page (window), "new_ticket_form"));
}

static GListModel *
shown_tickets (GtkWindow *window)
{
  GtkWidget *list_view = ui_find (tickets_page (window), "list_view");

  return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)));
}

/* Opens the Tickets section (signing in first when @server is not NULL) */
static GtkWidget *
open_tickets (GtkWindow  *window,
              const char *server)
{
  gtk_window_set_default_size (window, 1200, 860);
  if (server != NULL)
    ui_sign_in (window, server, DEMO_EMAIL, DEMO_PASSWORD, TIMEOUT);
  else
    ui_wait_stack_page (GTK_WIDGET (window), "stack", "main", TIMEOUT);
  return ui_open_section (window, "tickets_row", "tickets_page", TIMEOUT);
}

/* The list shows exactly @ids, in the server's order */
static void
wait_shown_ids (GtkWindow *window,
                GPtrArray *ids)
{
  ui_wait_list_ids (ui_find (tickets_page (window), "list_view"), ids, TRUE, TIMEOUT,
                    "the tickets list to show the server's tickets");
}

static gboolean
page_folded (gpointer data)
{
  return adw_leaflet_get_folded (ADW_LEAFLET (ui_find (tickets_page (data), "leaflet")));
}

static gboolean
thread_loaded (gpointer data)
{
  GtkWindow *window = data;

  return g_strcmp0 (ui_stack_page (GTK_WIDGET (ticket_view (window)), "thread_stack"),
                    "thread") == 0;
}

/* Selects @ticket_id in the list (as a click does); its thread shows */
static void
select_ticket (GtkWindow  *window,
               const char *ticket_id)
{
  GListModel *model = shown_tickets (window);

  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model),
                                     ui_model_find_id (model, ticket_id));
  g_assert_cmpstr (ui_stack_page (tickets_page (window), "detail_stack"), ==, "ticket");
  ui_wait_for (thread_loaded, window, TIMEOUT, "the thread to load");
  g_assert_cmpstr (san_ticket_get_id (san_ticket_view_get_ticket (ticket_view (window))),
                   ==, ticket_id);
}

static void
collect_class (GtkWidget  *root,
               const char *css_class,
               GPtrArray  *found)
{
  if (gtk_widget_has_css_class (root, css_class))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_class (child, css_class, found);
}

/* The widgets under @root with @css_class, in order */
static GPtrArray *
find_all_class (GtkWidget  *root,
                const char *css_class)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_class (root, css_class, found);
  return found;
}

static guint
n_thread_messages (GtkWindow *window)
{
  g_autoptr(GPtrArray) cards = find_all_class (GTK_WIDGET (ticket_view (window)), "ticket-message");

  return cards->len;
}

typedef struct
{
  GtkWindow *window;
  guint      n;
} CountWait;

static gboolean
thread_has_n (gpointer data)
{
  CountWait *wait = data;

  return n_thread_messages (wait->window) == wait->n;
}

static gboolean
has_label (gpointer data)
{
  const char **args = data;

  return ui_find_label (GTK_WIDGET (args[0]), args[1]) != NULL;
}

static void
wait_label (GtkWindow  *window,
            const char *text)
{
  const char *args[] = { (const char *) window, text };
  g_autofree char *what = g_strdup_printf ("a label “%s”", text);

  ui_wait_for (has_label, args, TIMEOUT, what);
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->tmp_dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

/* Drops @paths on @target as a file manager would: through the target's
 * GtkDropTarget for GDK_TYPE_FILE_LIST */
static void
drop_files (GtkWidget          *target,
            const char * const *paths)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (target);
  g_auto(GValue) value = G_VALUE_INIT;
  GtkDropTarget *drop = NULL;
  GSList *files = NULL;
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && drop == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        drop = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (drop);
  {
    gsize n_types = 0;
    const GType *types = gtk_drop_target_get_gtypes (drop, &n_types);

    g_assert_cmpuint (n_types, ==, 1);
    g_assert_true (types[0] == GDK_TYPE_FILE_LIST);
    g_assert_true (gtk_drop_target_get_actions (drop) & GDK_ACTION_COPY);
  }

  for (guint i = 0; paths[i] != NULL; i++)
    files = g_slist_append (files, g_file_new_for_path (paths[i]));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, files);
  g_signal_emit_by_name (drop, "drop", &value, 10.0, 10.0, &handled);
  g_assert_true (handled);
}

static gboolean
attachments_ready (gpointer data)
{
  return san_ticket_attachments_get_ready (data);
}

static gboolean
view_draft_saved (gpointer data)
{
  return !san_ticket_view_get_draft_saving (data);
}

static gboolean
form_draft_saved (gpointer data)
{
  return !san_new_ticket_form_get_draft_saving (data);
}

static gboolean
form_ready (gpointer data)
{
  GtkWidget *service_row = ui_find (data, "service_row");

  /* The departments, the draft and the contract's services are there */
  return san_new_ticket_form_get_ready (data) &&
         g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (service_row))) > 1;
}

static char *
draft_path (Fixture    *fixture,
            const char *server,
            const char *ticket_id)
{
  g_autofree char *key = san_drafts_key (server, DEMO_EMAIL, contract_id (fixture), ticket_id);

  return san_drafts_dup_path (key);
}

static void
set_reply (GtkWindow  *window,
           const char *text)
{
  GtkTextView *view = GTK_TEXT_VIEW (ui_find (GTK_WIDGET (ticket_view (window)), "reply_view"));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static char *
reply_text (GtkWindow *window)
{
  return san_ticket_view_dup_reply_text (ticket_view (window));
}

static gboolean
ticket_status_is (gpointer data)
{
  gpointer *args = data;
  SanTicket *ticket = san_ticket_view_get_ticket (ticket_view (args[0]));

  return ticket != NULL && san_ticket_get_status (ticket) == GPOINTER_TO_UINT (args[1]);
}

static void
wait_status (GtkWindow       *window,
             SanTicketStatus  status)
{
  gpointer args[] = { window, GUINT_TO_POINTER (status) };
  g_autofree char *what = g_strdup_printf ("the ticket to be %s", san_ticket_status_to_wire (status));

  ui_wait_for (ticket_status_is, args, TIMEOUT, what);
}

/* /ui/tickets/list-filter-search */

static void
list_body (SanApplication *app,
           GtkWindow      *window,
           gpointer        user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(GPtrArray) open_ids = oracle_ticket_ids (fixture, "open_any", NULL);
  g_autoptr(GPtrArray) all_ids = oracle_ticket_ids (fixture, NULL, NULL);
  g_autoptr(GPtrArray) closed_ids = oracle_ticket_ids (fixture, "closed", NULL);
  g_autoptr(GPtrArray) search_ids = oracle_ticket_ids (fixture, NULL, "IMAP");
  GtkWidget *page;
  GtkDropDown *dropdown;

  g_assert_cmpuint (open_ids->len, >=, 3);
  g_assert_cmpuint (all_ids->len, >, open_ids->len);
  g_assert_cmpuint (closed_ids->len, >, 0);
  /* "IMAP" is only in a message's text, not in a subject */
  g_assert_cmpuint (search_ids->len, ==, 1);

  page = open_tickets (window, server_url (fixture));

  /* Tickets that are not closed, newest activity first, as the server lists them */
  wait_shown_ids (window, open_ids);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (ui_find (page, "status_dropdown"))),
                    ==, 0);
  g_assert_cmpstr (ui_stack_page (page, "detail_stack"), ==, "none");

  /* A row: subject, number and department, who spoke last, activity, status */
  {
    g_autoptr(SanTicket) ticket = g_list_model_get_item (shown_tickets (window), 0);
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autofree char *meta = g_strdup_printf ("%s · %s", san_ticket_get_number (ticket),
                                             san_ticket_get_department_name (ticket));
    g_autofree char *activity = san_ticket_format_activity (san_ticket_get_updated_at (ticket), now);

    g_assert_nonnull (ui_find_label (page, san_ticket_get_subject (ticket)));
    g_assert_nonnull (ui_find_label (page, meta));
    g_assert_nonnull (ui_find_label (page, activity));
    g_assert_nonnull (ui_find_label (page, san_ticket_status_label (san_ticket_get_status (ticket))));
    g_assert_nonnull (ui_find_label (page, san_ticket_last_author_label (san_ticket_get_last_message_author (ticket))));
  }
  ui_screenshot (window, "tickets-list");

  /* Status filter: the same tickets as the server's status= */
  dropdown = GTK_DROP_DOWN (ui_find (page, "status_dropdown"));
  gtk_drop_down_set_selected (dropdown, 1);   /* All */
  wait_shown_ids (window, all_ids);
  gtk_drop_down_set_selected (dropdown, 2 + SAN_TICKET_STATUS_CLOSED);
  wait_shown_ids (window, closed_ids);
  gtk_drop_down_set_selected (dropdown, 1);
  wait_shown_ids (window, all_ids);

  /* Search finds text in messages too, as the server's q= */
  ui_type (ui_find (page, "search_entry"), "IMAP");
  wait_shown_ids (window, search_ids);

  /* A search that matches nothing says so, and clearing the filters helps */
  ui_type (ui_find (page, "search_entry"), "nada-disso-existe");
  ui_wait_stack_page (page, "list_stack", "empty", TIMEOUT);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (ui_find (page, "empty_page"))),
                   ==, "No Tickets Match");
  g_assert_false (gtk_widget_get_visible (ui_find (page, "empty_new_button")));
  ui_screenshot (window, "tickets-empty-search");
  ui_click (ui_find (page, "clear_filters_button"));
  wait_shown_ids (window, all_ids);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_find (page, "search_entry"))), ==, "");
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 1);

  /* The buttons beside the list */
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (ui_find (page, "callback_button"))),
                   ==, "win.request-callback");
  g_assert_true (gtk_widget_get_visible (ui_find (page, "new_ticket_button")));
}

static void
test_list (Fixture       *fixture,
           gconstpointer  unused)
{
  ui_run_app (server_url (fixture), list_body, fixture);
}

/* /ui/tickets/thread-saves-attachment */

static void
thread_body (SanApplication *app,
             GtkWindow      *window,
             gpointer        user_data)
{
  Fixture *fixture = user_data;
  g_autofree char *ticket_id = oracle_ticket_id_by_subject (fixture, ATTACHMENT_TICKET_SUBJECT);
  g_autoptr(SanTicket) expected = oracle_ticket (fixture, ticket_id);
  g_autoptr(GPtrArray) buttons = NULL;
  g_autoptr(SanAttachment) attachment = NULL;
  g_autoptr(GBytes) server_bytes = NULL;
  g_autofree char *saved_path = g_build_filename (fixture->tmp_dir, "salvo.png", NULL);
  g_autofree char *contents = NULL;
  GtkWidget *view;
  GtkWindow *dialog;
  gsize length = 0;

  open_tickets (window, server_url (fixture));
  select_ticket (window, ticket_id);
  view = GTK_WIDGET (ticket_view (window));

  /* Header: number, subject, status, department */
  g_assert_cmpstr (ui_label_text (view, "number_label"), ==, san_ticket_get_number (expected));
  g_assert_cmpstr (ui_label_text (view, "subject_label"), ==, ATTACHMENT_TICKET_SUBJECT);
  g_assert_cmpstr (ui_label_text (view, "status_label"), ==,
                   san_ticket_status_label (san_ticket_get_status (expected)));
  ui_assert_contains (ui_label_text (view, "details_label"), san_ticket_get_department_name (expected));
  ui_assert_contains (ui_label_text (view, "details_label"), "High priority");
  g_assert_true (gtk_widget_get_visible (ui_find (view, "close_button")));
  g_assert_false (gtk_widget_get_visible (ui_find (view, "closed_label")));

  /* Every message the customer may see, in order, text selectable; no note */
  g_assert_cmpuint (n_thread_messages (window), ==,
                    g_list_model_get_n_items (san_ticket_get_messages (expected)));
  g_assert_cmpuint (n_thread_messages (window), >=, 4);
  for (guint i = 0; i < g_list_model_get_n_items (san_ticket_get_messages (expected)); i++)
    {
      g_autoptr(SanTicketMessage) message = g_list_model_get_item (san_ticket_get_messages (expected), i);
      GtkLabel *body = ui_find_label (view, san_ticket_message_get_body (message));

      g_assert_nonnull (body);
      g_assert_true (gtk_label_get_selectable (body));
      g_assert_false (san_ticket_message_get_internal (message));
    }
  {
    g_autoptr(GPtrArray) staff = find_all_class (view, "staff");
    g_autoptr(GPtrArray) customer = find_all_class (view, "customer");
    g_autoptr(GPtrArray) notes = find_all_class (view, "internal");

    g_assert_cmpuint (staff->len, >=, 1);
    g_assert_cmpuint (customer->len, >=, 1);
    g_assert_cmpuint (notes->len, ==, 0);
  }

  /* The screenshot as an attachment button with its name and size */
  buttons = find_all_class (view, "ticket-attachment");
  g_assert_cmpuint (buttons->len, ==, 1);
  g_assert_nonnull (ui_find_label (buttons->pdata[0], "captura-de-tela.png"));
  ui_screenshot (window, "tickets-thread");

  /* Clicking it asks where to save it, under the attachment's name */
  ui_click (buttons->pdata[0]);
  dialog = ui_wait_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, TIMEOUT);
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (dialog)), ==,
                   GTK_FILE_CHOOSER_ACTION_SAVE);
  {
    g_autofree char *name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (dialog));

    g_assert_cmpstr (name, ==, "captura-de-tela.png");
  }
  g_assert_true (gtk_window_get_modal (dialog));
  /* Under Xvfb the dialog's own Save (which checks the typed name
   * asynchronously against the focused entry) never answers: cancel it and
   * save to a chosen file as its answer does */
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  ui_wait_for (ui_toplevel_is_gone, GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_DIALOG), TIMEOUT,
               "the save dialog to close");

  {
    g_autoptr(SanTicketMessage) message = g_list_model_get_item (san_ticket_get_messages (expected), 2);

    attachment = g_list_model_get_item (san_ticket_message_get_attachments (message), 0);
  }
  {
    g_autoptr(GFile) file = g_file_new_for_path (saved_path);

    san_ticket_view_save_attachment (ticket_view (window), attachment, file);
  }
  wait_label (window, "Saved salvo.png");

  server_bytes = oracle_download (fixture, san_attachment_get_id (attachment));
  g_assert_true (g_file_get_contents (saved_path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (server_bytes, NULL),
                   g_bytes_get_size (server_bytes));
  g_assert_cmpuint (length, ==, (gsize) san_attachment_get_size (attachment));

  /* A narrow window shows the thread alone (the one being read stays), and
   * the window's back button goes to the list */
  gtk_window_set_default_size (window, 420, 760);
  ui_wait_for (page_folded, window, TIMEOUT, "the page to fold");
  g_assert_true (san_tickets_page_get_showing_detail (SAN_TICKETS_PAGE (tickets_page (window))));
  ui_screenshot (window, "tickets-thread-narrow");
  ui_click (ui_find (GTK_WIDGET (window), "back_button"));
  g_assert_false (san_tickets_page_get_showing_detail (SAN_TICKETS_PAGE (tickets_page (window))));
  g_assert_false (san_tickets_page_go_back (SAN_TICKETS_PAGE (tickets_page (window))));
  ui_screenshot (window, "tickets-list-narrow");
}

static void
test_thread (Fixture       *fixture,
             gconstpointer  unused)
{
  ui_run_app (server_url (fixture), thread_body, fixture);
}

/* /ui/tickets/new-with-dropped-attachment */

static void
new_body (SanApplication *app,
          GtkWindow      *window,
          gpointer        user_data)
{
  Fixture *fixture = user_data;
  static const char log_text[] = "PHP Fatal error: Allowed memory size exhausted in wp-content/plugins/cache.php\n";
  g_autofree char *log_path = write_file (fixture, "erro-php.log", log_text, -1);
  g_autofree char *big = g_malloc (6 * 1024 * 1024);
  g_autofree char *big_path = NULL;
  g_autoptr(GPtrArray) before = oracle_ticket_ids (fixture, NULL, NULL);
  g_autoptr(SanTicket) opened = NULL;
  g_autoptr(SanTicketMessage) first = NULL;
  g_autoptr(SanAttachment) attachment = NULL;
  SanNewTicketForm *form;
  SanTicketAttachments *attachments;
  GtkWidget *page;

  memset (big, 'a', 6 * 1024 * 1024);
  big_path = write_file (fixture, "backup-enorme.txt", big, 6 * 1024 * 1024);

  page = open_tickets (window, server_url (fixture));
  ui_click (ui_find (page, "new_ticket_button"));
  g_assert_cmpstr (ui_stack_page (page, "detail_stack"), ==, "new");
  form = new_ticket_form (window);
  ui_wait_for (form_ready, form, TIMEOUT, "the departments");
  attachments = san_new_ticket_form_get_attachments (form);

  /* Sending empty says what is missing, next to the fields, and sends nothing */
  ui_click (ui_find (GTK_WIDGET (form), "send_button"));
  g_assert_true (gtk_widget_get_visible (ui_find (GTK_WIDGET (form), "fields_error_label")));
  ui_assert_contains (ui_label_text (GTK_WIDGET (form), "fields_error_label"), "Subject");
  g_assert_true (gtk_widget_get_visible (ui_find (GTK_WIDGET (form), "body_error_label")));
  g_assert_true (gtk_widget_has_css_class (ui_find (GTK_WIDGET (form), "subject_row"), "error"));

  /* The departments are the server's; pick one, a service and a priority */
  adw_combo_row_set_selected (ADW_COMBO_ROW (ui_find (GTK_WIDGET (form), "department_row")), 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (ui_find (GTK_WIDGET (form), "service_row")), 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (ui_find (GTK_WIDGET (form), "priority_row")), 2);
  ui_type (ui_find (GTK_WIDGET (form), "subject_row"), "Erro 500 no painel do WordPress");
  san_new_ticket_form_set_body (form, "Desde hoje cedo o painel mostra erro 500. Segue o log do PHP.");

  /* A file too large is left out, with the reason */
  {
    const char * const paths[] = { big_path, NULL };
    g_autofree char *limit = san_ticket_format_size (5 * 1024 * 1024);

    drop_files (GTK_WIDGET (form), paths);
    ui_wait_for (attachments_ready, attachments, TIMEOUT, "the dropped file's size");
    g_assert_cmpuint (san_ticket_attachments_get_n_files (attachments), ==, 0);
    ui_assert_contains (san_ticket_attachments_get_message (attachments), "backup-enorme.txt");
    ui_assert_contains (san_ticket_attachments_get_message (attachments), limit);
  }

  /* More than five files: the sixth is left out */
  {
    g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

    for (guint i = 0; i < 6; i++)
      {
        g_autofree char *name = g_strdup_printf ("nota-%u.txt", i);

        g_ptr_array_add (paths, write_file (fixture, name, "texto\n", -1));
      }
    g_ptr_array_add (paths, NULL);
    drop_files (GTK_WIDGET (form), (const char * const *) paths->pdata);
    ui_wait_for (attachments_ready, attachments, TIMEOUT, "the dropped files' sizes");
    g_assert_cmpuint (san_ticket_attachments_get_n_files (attachments), ==, 5);
    ui_assert_contains (san_ticket_attachments_get_message (attachments), "at most 5 files");
    ui_assert_contains (san_ticket_attachments_get_message (attachments), "nota-5.txt");
    san_ticket_attachments_clear (attachments);
  }

  /* The log, dropped on the form: shown with its size and a remove button */
  {
    const char * const paths[] = { log_path, NULL };
    g_autofree char *size = san_ticket_format_size (strlen (log_text));
    g_autoptr(GPtrArray) removes = NULL;

    drop_files (GTK_WIDGET (form), paths);
    ui_wait_for (attachments_ready, attachments, TIMEOUT, "the dropped file's size");
    g_assert_cmpuint (san_ticket_attachments_get_n_files (attachments), ==, 1);
    g_assert_null (san_ticket_attachments_get_message (attachments));
    removes = find_all_class (GTK_WIDGET (attachments), "ticket-attachment-remove");
    g_assert_cmpuint (removes->len, ==, 1);
    g_assert_nonnull (ui_find_label (GTK_WIDGET (attachments), "erro-php.log"));
    g_assert_nonnull (ui_find_label (GTK_WIDGET (attachments), size));
  }
  ui_wait_for (form_draft_saved, form, TIMEOUT, "the draft");
  ui_screenshot (window, "tickets-new-with-attachment");

  /* Sent: the server opened it with the file, the list shows it, the
   * thread shows it, the draft is gone */
  ui_click (ui_find (GTK_WIDGET (form), "send_button"));
  ui_wait_stack_page (page, "detail_stack", "ticket", TIMEOUT);
  ui_wait_for (thread_loaded, window, TIMEOUT, "the new ticket's thread");
  opened = g_object_ref (san_ticket_view_get_ticket (ticket_view (window)));
  g_assert_cmpstr (san_ticket_get_subject (opened), ==, "Erro 500 no painel do WordPress");
  g_assert_cmpint (san_ticket_get_priority (opened), ==, SAN_TICKET_PRIORITY_HIGH);
  g_assert_nonnull (san_ticket_get_service_id (opened));
  g_clear_object (&opened);
  {
    g_autoptr(GPtrArray) after = oracle_ticket_ids (fixture, "open_any", NULL);
    g_autoptr(GPtrArray) all = oracle_ticket_ids (fixture, NULL, NULL);

    g_assert_cmpuint (after->len, >, 0);
    opened = oracle_ticket (fixture, g_ptr_array_index (after, 0));
    g_assert_cmpstr (san_ticket_get_subject (opened), ==, "Erro 500 no painel do WordPress");
    g_assert_cmpuint (all->len, ==, before->len + 1);
    wait_shown_ids (window, after);
  }
  first = g_list_model_get_item (san_ticket_get_messages (opened), 0);
  g_assert_cmpuint (g_list_model_get_n_items (san_ticket_message_get_attachments (first)), ==, 1);
  attachment = g_list_model_get_item (san_ticket_message_get_attachments (first), 0);
  g_assert_cmpstr (san_attachment_get_filename (attachment), ==, "erro-php.log");
  g_assert_cmpint (san_attachment_get_size (attachment), ==, strlen (log_text));
  g_assert_nonnull (ui_find_label (GTK_WIDGET (ticket_view (window)), "erro-php.log"));
  {
    g_autofree char *path = draft_path (fixture, server_url (fixture), NULL);

    ui_wait_for (form_draft_saved, form, TIMEOUT, "the draft to go");
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }
  /* The form is empty for the next one */
  {
    g_autofree char *body = san_new_ticket_form_dup_body (form);

    g_assert_cmpstr (body, ==, "");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_find (GTK_WIDGET (form), "subject_row"))),
                     ==, "");
    g_assert_cmpuint (san_ticket_attachments_get_n_files (attachments), ==, 0);
  }
}

static void
test_new (Fixture       *fixture,
          gconstpointer  unused)
{
  ui_run_app (server_url (fixture), new_body, fixture);
}

/* /ui/tickets/reply-close-reopen */

static void
reply_body (SanApplication *app,
            GtkWindow      *window,
            gpointer        user_data)
{
  Fixture *fixture = user_data;
  g_autofree char *ticket_id = oracle_ticket_id_by_subject (fixture, OPEN_TICKET_SUBJECT);
  g_autoptr(SanTicket) before = oracle_ticket (fixture, ticket_id);
  guint n = g_list_model_get_n_items (san_ticket_get_messages (before));
  GtkWidget *view;
  GtkWindow *dialog;

  open_tickets (window, server_url (fixture));
  select_ticket (window, ticket_id);
  view = GTK_WIDGET (ticket_view (window));
  g_assert_cmpuint (n_thread_messages (window), ==, n);

  /* Nothing typed: nothing to send */
  g_assert_false (gtk_widget_is_sensitive (ui_find (view, "send_button")));

  /* A reply: in the thread and on the server, the box empty again */
  set_reply (window, "Uso um Android. Também preciso da porta do SMTP.");
  ui_click (ui_find (view, "send_button"));
  {
    CountWait wait = { window, n + 1 };

    ui_wait_for (thread_has_n, &wait, TIMEOUT, "the reply in the thread");
  }
  g_assert_nonnull (ui_find_label (view, "Uso um Android. Também preciso da porta do SMTP."));
  {
    g_autoptr(SanTicket) after = oracle_ticket (fixture, ticket_id);
    g_autoptr(SanTicketMessage) message = last_message (after);

    g_assert_cmpstr (san_ticket_message_get_body (message), ==,
                     "Uso um Android. Também preciso da porta do SMTP.");
    g_assert_cmpint (san_ticket_message_get_author_kind (message), ==,
                     SAN_TICKET_AUTHOR_KIND_CUSTOMER);
    g_assert_cmpint (san_ticket_get_status (after), ==, SAN_TICKET_STATUS_CUSTOMER_REPLY);
  }
  {
    g_autofree char *text = reply_text (window);

    g_assert_cmpstr (text, ==, "");
  }
  wait_status (window, SAN_TICKET_STATUS_CUSTOMER_REPLY);

  /* Close, after a confirmation: the button goes, the box says a reply reopens it */
  ui_click (ui_find (view, "close_button"));
  dialog = ui_wait_toplevel (ADW_TYPE_MESSAGE_DIALOG, TIMEOUT);
  ui_assert_contains (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)),
                      san_ticket_get_number (before));
  ui_screenshot (dialog, "tickets-close-confirm");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");
  wait_status (window, SAN_TICKET_STATUS_CLOSED);
  {
    g_autoptr(SanTicket) after = oracle_ticket (fixture, ticket_id);

    g_assert_cmpint (san_ticket_get_status (after), ==, SAN_TICKET_STATUS_CLOSED);
  }
  g_assert_false (gtk_widget_get_visible (ui_find (view, "close_button")));
  g_assert_true (gtk_widget_get_visible (ui_find (view, "closed_label")));
  g_assert_cmpstr (ui_label_text (view, "status_label"), ==, "Closed");
  ui_screenshot (window, "tickets-closed");

  /* A reply reopens it */
  set_reply (window, "Ainda não consegui enviar e-mails pelo celular.");
  ui_click (ui_find (view, "send_button"));
  wait_status (window, SAN_TICKET_STATUS_CUSTOMER_REPLY);
  {
    g_autoptr(SanTicket) after = oracle_ticket (fixture, ticket_id);

    g_assert_cmpint (san_ticket_get_status (after), ==, SAN_TICKET_STATUS_CUSTOMER_REPLY);
    g_assert_cmpuint (g_list_model_get_n_items (san_ticket_get_messages (after)), ==, n + 2);
  }
  g_assert_true (gtk_widget_get_visible (ui_find (view, "close_button")));
  g_assert_false (gtk_widget_get_visible (ui_find (view, "closed_label")));
}

static void
test_reply (Fixture       *fixture,
            gconstpointer  unused)
{
  ui_run_app (server_url (fixture), reply_body, fixture);
}

/* /ui/tickets/draft-survives-restart */

typedef struct
{
  Fixture *fixture;
  char    *ticket_id;
  char    *file_path;
} DraftData;

#define DRAFT_REPLY   "Rascunho: o site voltou, mas o painel ainda está lento.\nSegunda linha."
#define DRAFT_SUBJECT "Dúvida sobre backup"
#define DRAFT_BODY    "Com que frequência vocês fazem backup do Plano M?"

static void
draft_first_run_body (SanApplication *app,
                      GtkWindow      *window,
                      gpointer        user_data)
{
  DraftData *data = user_data;
  SanNewTicketForm *form;
  SanTicketView *view;

  open_tickets (window, server_url (data->fixture));

  /* A new ticket half written, with a file */
  ui_click (ui_find (tickets_page (window), "new_ticket_button"));
  form = new_ticket_form (window);
  ui_wait_for (form_ready, form, TIMEOUT, "the departments");
  adw_combo_row_set_selected (ADW_COMBO_ROW (ui_find (GTK_WIDGET (form), "department_row")), 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (ui_find (GTK_WIDGET (form), "service_row")), 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (ui_find (GTK_WIDGET (form), "priority_row")), 0);
  ui_type (ui_find (GTK_WIDGET (form), "subject_row"), DRAFT_SUBJECT);
  san_new_ticket_form_set_body (form, DRAFT_BODY);
  {
    const char * const paths[] = { data->file_path, NULL };

    drop_files (GTK_WIDGET (form), paths);
    ui_wait_for (attachments_ready, san_new_ticket_form_get_attachments (form), TIMEOUT,
                 "the dropped file");
  }
  ui_wait_for (form_draft_saved, form, TIMEOUT, "the new ticket's draft");

  /* A reply half written; the app closes right away, before the half
   * second after which a draft is written: closing writes it */
  select_ticket (window, data->ticket_id);
  view = ticket_view (window);
  set_reply (window, DRAFT_REPLY);
  g_assert_true (san_ticket_view_get_draft_saving (view));
}

static void
assert_private_file (const char *path,
                     int         mode)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, mode);
}

static void
draft_second_run_body (SanApplication *app,
                       GtkWindow      *window,
                       gpointer        user_data)
{
  DraftData *data = user_data;
  SanNewTicketForm *form;
  GtkWidget *view;

  /* Signed in again without asking (the session is in the keyring) */
  open_tickets (window, NULL);
  select_ticket (window, data->ticket_id);
  view = GTK_WIDGET (ticket_view (window));
  {
    g_autofree char *text = reply_text (window);

    g_assert_cmpstr (text, ==, DRAFT_REPLY);
  }
  g_assert_cmpstr (ui_label_text (view, "draft_label"), ==, "Draft saved on this computer");
  ui_screenshot (window, "tickets-draft-restored");

  /* The new ticket's draft: every field and the file */
  ui_click (ui_find (tickets_page (window), "new_ticket_button"));
  form = new_ticket_form (window);
  ui_wait_for (form_ready, form, TIMEOUT, "the departments and the draft");
  ui_wait_for (attachments_ready, san_new_ticket_form_get_attachments (form), TIMEOUT,
               "the draft's file");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (ui_find (GTK_WIDGET (form), "department_row"))),
                    ==, 2);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (ui_find (GTK_WIDGET (form), "service_row"))),
                    ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (ui_find (GTK_WIDGET (form), "priority_row"))),
                    ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_find (GTK_WIDGET (form), "subject_row"))),
                   ==, DRAFT_SUBJECT);
  {
    g_autofree char *body = san_new_ticket_form_dup_body (form);
    g_autofree char *name = g_path_get_basename (data->file_path);

    g_assert_cmpstr (body, ==, DRAFT_BODY);
    g_assert_cmpuint (san_ticket_attachments_get_n_files (san_new_ticket_form_get_attachments (form)),
                      ==, 1);
    g_assert_nonnull (ui_find_label (GTK_WIDGET (form), name));
  }
  ui_screenshot (window, "tickets-draft-restored-new");
}

static void
test_draft_restart (Fixture       *fixture,
                    gconstpointer  unused)
{
  DraftData data = { fixture, NULL, NULL };
  g_autofree char *reply_path = NULL;
  g_autofree char *new_path = NULL;
  g_autofree char *dir = san_drafts_dup_dir ();
  g_autofree char *contents = NULL;
  g_autofree char *url = g_strdup (server_url (fixture));

  data.ticket_id = oracle_ticket_id_by_subject (fixture, ATTACHMENT_TICKET_SUBJECT);
  data.file_path = write_file (fixture, "print-do-painel.txt", "Painel: 502 Bad Gateway\n", -1);
  reply_path = draft_path (fixture, url, data.ticket_id);
  new_path = draft_path (fixture, url, NULL);

  ui_run_app (url, draft_first_run_body, &data);

  /* On disk: private, named by a hash, no e-mail or text in the names */
  g_assert_true (g_file_test (reply_path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (new_path, G_FILE_TEST_IS_REGULAR));
  assert_private_file (dir, 0700);
  assert_private_file (reply_path, 0600);
  assert_private_file (new_path, 0600);
  {
    g_autofree char *name = g_path_get_basename (reply_path);

    g_assert_null (strstr (name, "demo"));
    g_assert_cmpuint (strlen (name), ==, 64 + strlen (".draft"));
    g_assert_true (g_str_has_suffix (name, ".draft"));
  }
  g_assert_true (g_file_get_contents (reply_path, &contents, NULL, NULL));
  g_assert_null (strstr (contents, "token"));
  g_assert_null (strstr (contents, "Bearer"));

  /* The app starts again, with the same data folder */
  ui_run_app (url, draft_second_run_body, &data);

  g_free (data.ticket_id);
  g_free (data.file_path);
}

/* /ui/tickets/failed-send-keeps-text-and-retries */

static gboolean
send_error_shown (gpointer data)
{
  return gtk_widget_get_visible (ui_find (data, "send_error_box"));
}

static void
failed_send_body (SanApplication *app,
                  GtkWindow      *window,
                  gpointer        user_data)
{
  Fixture *fixture = user_data;
  g_autofree char *ticket_id = oracle_ticket_id_by_subject (fixture, OPEN_TICKET_SUBJECT);
  g_autofree char *path = draft_path (fixture, ui_proxy_get_url (fixture->proxy), ticket_id);
  g_autofree char *new_path = draft_path (fixture, ui_proxy_get_url (fixture->proxy), NULL);
  g_autoptr(SanTicket) before = oracle_ticket (fixture, ticket_id);
  guint n = g_list_model_get_n_items (san_ticket_get_messages (before));
  SanNewTicketForm *form;
  GtkWidget *view;
  GtkWidget *page;

  page = open_tickets (window, ui_proxy_get_url (fixture->proxy));
  select_ticket (window, ticket_id);
  view = GTK_WIDGET (ticket_view (window));

  /* The server refuses: the text stays, the error says so, with Retry */
  fixture->refuse_posts = TRUE;
  set_reply (window, "Consegui configurar o IMAP, obrigado!");
  ui_click (ui_find (view, "send_button"));
  ui_wait_for (send_error_shown, view, TIMEOUT, "the send error");
  g_assert_cmpuint (fixture->n_refused, ==, 1);
  ui_assert_contains (ui_label_text (view, "send_error_label"), "Your reply was not sent");
  g_assert_true (gtk_widget_get_visible (ui_find (view, "retry_button")));
  {
    g_autofree char *text = reply_text (window);

    g_assert_cmpstr (text, ==, "Consegui configurar o IMAP, obrigado!");
  }
  ui_wait_for (view_draft_saved, view, TIMEOUT, "the draft");
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  ui_screenshot (window, "tickets-send-failed");

  /* Retry, now that the server takes it */
  fixture->refuse_posts = FALSE;
  ui_click (ui_find (view, "retry_button"));
  {
    CountWait wait = { window, n + 1 };

    ui_wait_for (thread_has_n, &wait, TIMEOUT, "the reply in the thread");
  }
  g_assert_false (gtk_widget_get_visible (ui_find (view, "send_error_box")));
  {
    g_autoptr(SanTicket) after = oracle_ticket (fixture, ticket_id);
    g_autoptr(SanTicketMessage) message = last_message (after);
    g_autofree char *text = reply_text (window);

    g_assert_cmpstr (san_ticket_message_get_body (message), ==, "Consegui configurar o IMAP, obrigado!");
    g_assert_cmpuint (g_list_model_get_n_items (san_ticket_get_messages (after)), ==, n + 1);
    g_assert_cmpstr (text, ==, "");
  }
  ui_wait_for (view_draft_saved, view, TIMEOUT, "the draft to go");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* A new ticket refused: the form stays open with everything in it */
  ui_click (ui_find (page, "new_ticket_button"));
  form = new_ticket_form (window);
  ui_wait_for (form_ready, form, TIMEOUT, "the departments");
  ui_type (ui_find (GTK_WIDGET (form), "subject_row"), "Quero mudar de plano");
  san_new_ticket_form_set_body (form, "Gostaria de passar do Plano M para o Plano G.");
  fixture->refuse_posts = TRUE;
  ui_click (ui_find (GTK_WIDGET (form), "send_button"));
  ui_wait_for (send_error_shown, form, TIMEOUT, "the send error");
  g_assert_cmpstr (ui_stack_page (page, "detail_stack"), ==, "new");
  ui_assert_contains (ui_label_text (GTK_WIDGET (form), "send_error_label"), "The ticket was not opened");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_find (GTK_WIDGET (form), "subject_row"))),
                   ==, "Quero mudar de plano");
  ui_wait_for (form_draft_saved, form, TIMEOUT, "the draft");
  g_assert_true (g_file_test (new_path, G_FILE_TEST_IS_REGULAR));
  ui_screenshot (window, "tickets-new-failed");

  fixture->refuse_posts = FALSE;
  ui_click (ui_find (GTK_WIDGET (form), "retry_button"));
  ui_wait_stack_page (page, "detail_stack", "ticket", TIMEOUT);
  ui_wait_for (thread_loaded, window, TIMEOUT, "the new ticket");
  g_assert_cmpstr (san_ticket_get_subject (san_ticket_view_get_ticket (ticket_view (window))), ==,
                   "Quero mudar de plano");
  ui_wait_for (form_draft_saved, form, TIMEOUT, "the draft to go");
  g_assert_false (g_file_test (new_path, G_FILE_TEST_EXISTS));
}

static void
test_failed_send (Fixture       *fixture,
                  gconstpointer  unused)
{
  fixture->proxy = ui_proxy_new (server_url (fixture), refuse_ticket_posts, NULL, fixture);
  ui_run_app (ui_proxy_get_url (fixture->proxy), failed_send_body, fixture);
}


/* /ui/tickets/thread-marks-internal-notes: the thread as the staff desk
 * uses it, with a ticket as the staff routes give it */

static const char staff_ticket_json[] =
  "{\"id\": \"6\", \"contract_id\": \"1\", \"contract\": {\"id\": \"1\", \"name\": \"Ana Souza\"},"
  " \"number\": \"#2026-0006\", \"department\": {\"id\": \"1\", \"name\": \"Suporte Técnico\"},"
  " \"service_id\": null, \"priority\": \"high\", \"subject\": \"Site fora do ar\","
  " \"status\": \"in_progress\", \"created_at\": \"2026-11-21T12:00:00Z\","
  " \"updated_at\": \"2026-11-22T11:00:00Z\", \"last_message_author\": \"staff\", \"message_count\": 3,"
  " \"messages\": ["
  "  {\"id\": \"1\", \"author\": {\"kind\": \"customer\", \"name\": \"Ana Souza\"},"
  "   \"body\": \"O site só mostra uma página em branco.\", \"created_at\": \"2026-11-21T12:00:00Z\","
  "   \"internal\": false, \"attachments\": [{\"id\": \"0123456789abcdef0123456789abcdef\","
  "   \"filename\": \"captura.png\", \"content_type\": \"image/png\", \"size\": 2048}]},"
  "  {\"id\": \"2\", \"author\": {\"kind\": \"staff\", \"name\": \"Marina Costa\"},"
  "   \"body\": \"Plugin de cache desatualizado; restaurar o backup de ontem se preciso.\","
  "   \"created_at\": \"2026-11-22T10:40:00Z\", \"internal\": true, \"attachments\": []},"
  "  {\"id\": \"3\", \"author\": {\"kind\": \"staff\", \"name\": \"Marina Costa\"},"
  "   \"body\": \"Estamos analisando o problema.\", \"created_at\": \"2026-11-22T11:00:00Z\","
  "   \"internal\": false, \"attachments\": []}"
  " ]}";

static void
on_attachment_activated_cb (SanTicketThread  *thread,
                            SanAttachment    *attachment,
                            SanAttachment   **out)
{
  g_set_object (out, attachment);
}

static void
test_internal_note (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SanTicket) ticket = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) customer = NULL;
  g_autoptr(GPtrArray) buttons = NULL;
  g_autoptr(SanAttachment) activated = NULL;
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  SanTicketThread *thread;
  GtkWindow *window;

  json_parser_load_from_data (parser, staff_ticket_json, -1, &error);
  g_assert_no_error (error);
  ticket = san_ticket_new_from_json (json_node_get_object (json_parser_get_root (parser)),
                                     TRUE, TRUE, &error);
  g_assert_no_error (error);

  /* The app's styles, as the app loads them */
  gtk_css_provider_load_from_resource (css, "/com/saninternet/ClientArea/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 640, 560);
  thread = san_ticket_thread_new ();
  gtk_window_set_child (window, GTK_WIDGET (thread));
  g_signal_connect (thread, "attachment-activated", G_CALLBACK (on_attachment_activated_cb),
                    &activated);
  san_ticket_thread_set_ticket (thread, ticket);
  g_assert_true (san_ticket_thread_get_ticket (thread) == ticket);
  gtk_window_present (window);

  /* The note is marked as one, apart from the replies */
  notes = find_all_class (GTK_WIDGET (thread), "internal");
  staff = find_all_class (GTK_WIDGET (thread), "staff");
  customer = find_all_class (GTK_WIDGET (thread), "customer");
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpuint (staff->len, ==, 1);
  g_assert_cmpuint (customer->len, ==, 1);
  g_assert_nonnull (ui_find_label (notes->pdata[0], "Internal note — only SAN staff see this"));
  g_assert_nonnull (ui_find_label (notes->pdata[0],
                                   "Plugin de cache desatualizado; restaurar o backup de ontem se preciso."));
  /* SAN's reply says it is SAN's when the name does not */
  g_assert_nonnull (ui_find_label (staff->pdata[0], "SAN"));
  ui_screenshot (window, "tickets-internal-note");

  /* An attachment's button hands it over */
  buttons = find_all_class (GTK_WIDGET (thread), "ticket-attachment");
  g_assert_cmpuint (buttons->len, ==, 1);
  ui_click (buttons->pdata[0]);
  g_assert_nonnull (activated);
  g_assert_cmpstr (san_attachment_get_filename (activated), ==, "captura.png");

  san_ticket_thread_set_ticket (thread, NULL);
  {
    g_autoptr(GPtrArray) left = find_all_class (GTK_WIDGET (thread), "ticket-message");

    g_assert_cmpuint (left->len, ==, 0);
  }
  gtk_window_destroy (window);
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                 GTK_STYLE_PROVIDER (css));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  /* No G_TEST_OPTION_ISOLATE_DIRS: it would hide XDG_DATA_DIRS and with it
   * the icon theme; meson's test_env already gives a private HOME and XDG. */
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/tickets/list-filter-search", Fixture, NULL,
              fixture_set_up, test_list, fixture_tear_down);
  g_test_add ("/ui/tickets/thread-saves-attachment", Fixture, NULL,
              fixture_set_up, test_thread, fixture_tear_down);
  g_test_add ("/ui/tickets/new-with-dropped-attachment", Fixture, NULL,
              fixture_set_up, test_new, fixture_tear_down);
  g_test_add ("/ui/tickets/reply-close-reopen", Fixture, NULL,
              fixture_set_up, test_reply, fixture_tear_down);
  g_test_add_func ("/ui/tickets/thread-marks-internal-notes", test_internal_note);
  g_test_add ("/ui/tickets/draft-survives-restart", Fixture, NULL,
              fixture_set_up, test_draft_restart, fixture_tear_down);
  g_test_add ("/ui/tickets/failed-send-keeps-text-and-retries", Fixture, NULL,
              fixture_set_up, test_failed_send, fixture_tear_down);

  return g_test_run ();
}
