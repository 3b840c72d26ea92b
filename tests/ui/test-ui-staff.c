/* test-ui-staff.c: the real app, in-process under Xvfb, against a real
 * san-portald (--demo --today 2026-11-24), signed in as SAN staff: the
 * ticket queue instead of the customer sections, its filters and order, a
 * ticket's thread with an internal note the customer never sees, a reply
 * as SAN, status changes (and one the server cannot take), a note being
 * written that survives a restart as a note (and a reply as a reply), and
 * signing out and in as a customer bringing the customer sections back
 *
 * The app is driven through its widgets (found by their template ids) and
 * checked against what the server answers to separate SanClients: one
 * signed in as staff, one as the customer.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "san-api.h"
#include "san-drafts.h"
#include "san-staff-queue-page.h"
#include "san-staff-ticket-view.h"
#include "san-test-server.h"
#include "san-ticket-thread.h"
#include "ui-test-helpers.h"

#define DEMO_EMAIL     "demo@example.com"
#define DEMO_PASSWORD  "demo-1234"
#define STAFF_EMAIL    "staff@example.com"
#define STAFF_PASSWORD "staff-1234"
#define STAFF_NAME     "Marina Costa (SAN)"
#define TODAY          "2026-11-24"
#define TIMEOUT        30

/* The status dropdown of the queue: Any, Not closed, then the six */
#define STATUS_FILTER_FIRST 2
/* The priority dropdown of the queue: Any, High, Medium, Low */
#define PRIORITY_FILTER_HIGH 1

/* Ana's ticket with a seeded internal note, and the high-priority one of
 * Padaria waiting longest */
#define NOTE_SUBJECT    "Site fora do ar após atualização do WordPress"
#define LONGEST_SUBJECT "Lentidão no Cloud Server da loja"

typedef struct
{
  SanTestServer *server;
  SanClient     *staff;      /* the server as staff sees it, asked directly */
  SanClient     *customer;   /* ... and as Ana, the customer */
  char          *tmpdir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char * const args[] = { "--today", TODAY, NULL };
  g_autoptr(GError) error = NULL;

  fixture->server = san_test_server_start (TRUE, args);
  fixture->staff = ui_signed_in_client (san_test_server_get_url (fixture->server),
                                        STAFF_EMAIL, STAFF_PASSWORD);
  fixture->customer = ui_signed_in_client (san_test_server_get_url (fixture->server),
                                           DEMO_EMAIL, DEMO_PASSWORD);
  fixture->tmpdir = g_dir_make_tmp ("test-ui-staff-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->customer);
  g_clear_object (&fixture->staff);
  g_clear_pointer (&fixture->server, san_test_server_stop);
  ui_remove_tree (fixture->tmpdir);
  g_clear_pointer (&fixture->tmpdir, g_free);
}

static const char *
server_url (Fixture *fixture)
{
  return san_test_server_get_url (fixture->server);
}

/* What the server says */

static GPtrArray *
oracle_queue_ids (Fixture                 *fixture,
                  const char              *department_id,
                  const char              *status,
                  const SanTicketPriority *priority,
                  gboolean                 waiting_on_us,
                  const char              *search)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) tickets = NULL;
  SanTicketWaiting waiting = SAN_TICKET_WAITING_US;
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  san_client_list_all_staff_tickets_async (fixture->staff, department_id, status, priority,
                                           waiting_on_us ? &waiting : NULL, search, NULL,
                                           ui_result_cb, &result);
  tickets = san_client_list_all_staff_tickets_finish (fixture->staff, ui_wait_result (&result),
                                                      &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (tickets); i++)
    {
      g_autoptr(SanTicket) ticket = g_list_model_get_item (tickets, i);

      g_ptr_array_add (ids, g_strdup (san_ticket_get_id (ticket)));
    }
  return ids;
}

static SanTicket *
oracle_staff_ticket (Fixture    *fixture,
                     const char *ticket_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SanTicket *ticket;

  san_client_get_staff_ticket_async (fixture->staff, ticket_id, NULL, ui_result_cb, &result);
  ticket = san_client_get_staff_ticket_finish (fixture->staff, ui_wait_result (&result), &error);
  g_assert_no_error (error);
  return ticket;
}

static SanTicket *
oracle_customer_ticket (Fixture    *fixture,
                        const char *contract_id,
                        const char *ticket_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SanTicket *ticket;

  san_client_get_ticket_async (fixture->customer, contract_id, ticket_id, NULL, ui_result_cb,
                               &result);
  ticket = san_client_get_ticket_finish (fixture->customer, ui_wait_result (&result), &error);
  g_assert_no_error (error);
  return ticket;
}

/* How many e-mails of @contract_id the customer finds with @text */
static guint
oracle_emails_with (Fixture    *fixture,
                    const char *contract_id,
                    const char *text)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SanPage) page = NULL;

  san_client_list_emails_async (fixture->customer, contract_id, NULL, text, NULL, NULL, NULL, 100,
                                NULL, ui_result_cb, &result);
  page = san_client_list_emails_finish (fixture->customer, ui_wait_result (&result), &error);
  g_assert_no_error (error);
  return g_list_model_get_n_items (san_page_get_items (page));
}

static const char *
oracle_department_id (Fixture    *fixture,
                      const char *name)
{
  static char id[32];
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) departments = NULL;

  san_client_list_departments_async (fixture->staff, NULL, ui_result_cb, &result);
  departments = san_client_list_departments_finish (fixture->staff, ui_wait_result (&result), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
    {
      g_autoptr(SanDepartment) department = g_list_model_get_item (departments, i);

      if (g_str_equal (san_department_get_name (department), name))
        {
          g_strlcpy (id, san_department_get_id (department), sizeof id);
          return id;
        }
    }
  g_error ("no department “%s”", name);
}

/* The app's widgets */

static GtkWidget *
queue_page (GtkWindow *window)
{
  return ui_find (GTK_WIDGET (window), "staff_queue_page");
}

static SanStaffTicketView *
ticket_view (GtkWindow *window)
{
  return SAN_STAFF_TICKET_VIEW (ui_find (queue_page (window), "ticket_view"));
}

static GListModel *
shown_tickets (GtkWindow *window)
{
  return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (ui_find (queue_page (window),
                                                                         "list_view"))));
}

typedef struct
{
  GtkWindow *window;
  GPtrArray *ids;
} ShownWait;

static gboolean
shows_ids (gpointer data)
{
  ShownWait *wait = data;
  GtkWidget *page = queue_page (wait->window);

  return g_strcmp0 (ui_stack_page (page, "list_stack"), "list") == 0 &&
         ui_model_has_ids (shown_tickets (wait->window), wait->ids, FALSE);
}

/* Waits until the queue shows exactly @ids (any order); takes @ids */
static void
wait_shown_ids (GtkWindow *window,
                GPtrArray *ids)
{
  g_autoptr(GPtrArray) owned = ids;
  ShownWait wait = { window, owned };

  g_assert_cmpuint (owned->len, >, 0);
  ui_wait_for (shows_ids, &wait, TIMEOUT, "the queue to show the server's tickets");
}

static gboolean
waits_on_us (SanTicket *ticket)
{
  SanTicketStatus status = san_ticket_get_status (ticket);

  return status == SAN_TICKET_STATUS_OPEN || status == SAN_TICKET_STATUS_CUSTOMER_REPLY ||
         status == SAN_TICKET_STATUS_IN_PROGRESS;
}

/* What waits on SAN first, high priority first, the longest wait first */
static void
assert_desk_order (GtkWindow *window)
{
  GListModel *model = shown_tickets (window);

  for (guint i = 1; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SanTicket) a = g_list_model_get_item (model, i - 1);
      g_autoptr(SanTicket) b = g_list_model_get_item (model, i);

      g_assert_cmpint (waits_on_us (a), >=, waits_on_us (b));
      if (waits_on_us (a) != waits_on_us (b))
        continue;
      g_assert_cmpint (san_ticket_get_priority (a), >=, san_ticket_get_priority (b));
      if (san_ticket_get_priority (a) != san_ticket_get_priority (b) || !waits_on_us (a))
        continue;
      g_assert_cmpint (g_date_time_compare (san_ticket_get_updated_at (a),
                                            san_ticket_get_updated_at (b)), <=, 0);
    }
}

static int
position_of_subject (GtkWindow  *window,
                     const char *subject)
{
  GListModel *model = shown_tickets (window);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SanTicket) ticket = g_list_model_get_item (model, i);

      if (g_str_equal (san_ticket_get_subject (ticket), subject))
        return (int) i;
    }
  return -1;
}

static SanTicket *
shown_ticket_with_id (GtkWindow  *window,
                      const char *ticket_id)
{
  GListModel *model = shown_tickets (window);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SanTicket) ticket = g_list_model_get_item (model, i);

      if (g_str_equal (san_ticket_get_id (ticket), ticket_id))
        return g_steal_pointer (&ticket);
    }
  return NULL;
}

static void
sign_in (GtkWindow  *window,
         const char *server,
         const char *email,
         const char *password)
{
  GtkWidget *page;

  ui_wait_stack_page (GTK_WIDGET (window), "stack", "sign-in", TIMEOUT);
  page = ui_find (GTK_WIDGET (window), "sign_in_page");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_find (page, "server_row"))), ==,
                   server);
  ui_type (ui_find (page, "email_row"), email);
  ui_type (ui_find (page, "password_row"), password);
  ui_click (ui_find (page, "sign_in_button"));
  ui_wait_stack_page (GTK_WIDGET (window), "stack", "main", TIMEOUT);
}

static void
sign_out (SanApplication *app,
          GtkWindow      *window)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "sign-out", NULL);
  ui_wait_stack_page (GTK_WIDGET (window), "stack", "sign-in", TIMEOUT);
}

static gboolean
row_visible (GtkWindow  *window,
             const char *row_id)
{
  return gtk_widget_get_visible (ui_find (GTK_WIDGET (window), row_id));
}

static const char * const customer_rows[] = {
  "overview_row", "services_row", "invoices_row", "payment_methods_row", "fiscal_notes_row",
  "tickets_row", "emails_row",
};

static void
assert_staff_layout (GtkWindow *window)
{
  GtkWidget *root = GTK_WIDGET (window);
  GtkListBox *sidebar = GTK_LIST_BOX (ui_find (root, "sidebar_list"));

  for (guint i = 0; i < G_N_ELEMENTS (customer_rows); i++)
    g_assert_false (row_visible (window, customer_rows[i]));
  g_assert_false (gtk_widget_get_visible (ui_find (root, "contract_dropdown")));
  g_assert_true (row_visible (window, "staff_queue_row"));
  g_assert_true (GTK_WIDGET (gtk_list_box_get_selected_row (sidebar)) ==
                 ui_find (root, "staff_queue_row"));
  g_assert_true (adw_view_stack_get_visible_child (ADW_VIEW_STACK (ui_find (root, "content_stack")))
                 == queue_page (window));
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (ui_find (root, "content_title"))),
                   ==, "Ticket Queue");
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (ui_find (root,
                                                                             "sidebar_title"))),
                   ==, "Staff");
  /* The user menu stays */
  g_assert_true (gtk_widget_get_visible (ui_find (root, "user_menu_button")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ui_find (root, "user_name_label"))), ==,
                   STAFF_NAME);
}

static void
assert_customer_layout (GtkWindow *window)
{
  GtkWidget *root = GTK_WIDGET (window);
  GtkListBox *sidebar = GTK_LIST_BOX (ui_find (root, "sidebar_list"));
  const char *subtitle;

  /* Ana owns her contracts: every section, the switcher, no queue */
  for (guint i = 0; i < G_N_ELEMENTS (customer_rows); i++)
    g_assert_true (row_visible (window, customer_rows[i]));
  g_assert_true (gtk_widget_get_visible (ui_find (root, "contract_dropdown")));
  g_assert_false (row_visible (window, "staff_queue_row"));
  g_assert_true (GTK_WIDGET (gtk_list_box_get_selected_row (sidebar)) ==
                 ui_find (root, "overview_row"));
  g_assert_true (adw_view_stack_get_visible_child (ADW_VIEW_STACK (ui_find (root, "content_stack")))
                 == ui_find (root, "overview_page"));
  subtitle = adw_window_title_get_subtitle (ADW_WINDOW_TITLE (ui_find (root, "sidebar_title")));
  g_assert_true (subtitle == NULL || subtitle[0] == '\0');
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ui_find (root, "user_email_label"))), ==,
                   DEMO_EMAIL);
}

static gboolean
widget_has_class (GtkWidget  *widget,
                  const char *css_class)
{
  return gtk_widget_has_css_class (widget, css_class);
}

static guint
count_with_class (GtkWidget  *root,
                  const char *css_class)
{
  guint n = widget_has_class (root, css_class) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_with_class (child, css_class);
  return n;
}

static GtkLabel *
find_label_containing (GtkWidget  *root,
                       const char *text)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return GTK_LABEL (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label_containing (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelWait;

static gboolean
shows_label_containing (gpointer data)
{
  LabelWait *wait = data;

  return find_label_containing (wait->root, wait->text) != NULL;
}

static void
select_ticket (GtkWindow  *window,
               const char *subject)
{
  int position = position_of_subject (window, subject);

  g_assert_cmpint (position, >=, 0);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (shown_tickets (window)), position);
}

typedef struct
{
  SanStaffTicketView *view;
  const char         *ticket_id;
  guint               n_messages;
  int                 status;
} ViewWait;

static gboolean
view_shows (gpointer data)
{
  ViewWait *wait = data;
  SanTicket *ticket = san_staff_ticket_view_get_ticket (wait->view);

  return ticket != NULL &&
         g_strcmp0 (san_ticket_get_id (ticket), wait->ticket_id) == 0 &&
         (wait->n_messages == 0 ||
          g_list_model_get_n_items (san_ticket_get_messages (ticket)) == wait->n_messages) &&
         (wait->status < 0 || (int) san_ticket_get_status (ticket) == wait->status);
}

/* Waits until the view shows @ticket_id, with @n_messages (0: any) and
 * @status (-1: any) */
static SanTicket *
wait_view (GtkWindow  *window,
           const char *ticket_id,
           guint       n_messages,
           int         status)
{
  ViewWait wait = { ticket_view (window), ticket_id, n_messages, status };

  ui_wait_for (view_shows, &wait, TIMEOUT, "the ticket view to show the ticket");
  return san_staff_ticket_view_get_ticket (wait.view);
}

static SanTicketMessage *
last_message (SanTicket *ticket)
{
  GListModel *messages = san_ticket_get_messages (ticket);
  guint n = g_list_model_get_n_items (messages);
  g_autoptr(SanTicketMessage) message = NULL;

  g_assert_cmpuint (n, >, 0);
  message = g_list_model_get_item (messages, n - 1);
  return message;   /* still owned by the ticket */
}

static void
type_message (GtkWindow  *window,
              const char *text)
{
  GtkTextView *body = GTK_TEXT_VIEW (ui_find (GTK_WIDGET (ticket_view (window)), "body_view"));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (body), text, -1);
}

/* /ui/staff/queue/replaces-customer-sections */

static void
queue_body (SanApplication *app,
            GtkWindow      *window,
            gpointer        user_data)
{
  Fixture *fixture = user_data;
  GtkWidget *root = GTK_WIDGET (window);
  GtkWidget *page;
  GtkWidget *inner;
  GListModel *shown;

  gtk_window_set_default_size (window, 1180, 760);
  sign_in (window, server_url (fixture), STAFF_EMAIL, STAFF_PASSWORD);
  assert_staff_layout (window);

  /* What waits on SAN, across contracts, the desk's order: the high
   * priority that waited longest on top, the low one last */
  page = queue_page (window);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (ui_find (page,
                                                                           "waiting_toggle"))));
  wait_shown_ids (window, oracle_queue_ids (fixture, NULL, NULL, NULL, TRUE, NULL));
  assert_desk_order (window);
  shown = shown_tickets (window);
  {
    g_autoptr(SanTicket) first = g_list_model_get_item (shown, 0);
    g_autoptr(SanTicket) last = g_list_model_get_item (shown, g_list_model_get_n_items (shown) - 1);
    g_autoptr(GHashTable) contracts = g_hash_table_new (g_str_hash, g_str_equal);

    g_assert_cmpstr (san_ticket_get_subject (first), ==, LONGEST_SUBJECT);
    g_assert_cmpint (san_ticket_get_priority (first), ==, SAN_TICKET_PRIORITY_HIGH);
    g_assert_cmpint (san_ticket_get_priority (last), ==, SAN_TICKET_PRIORITY_LOW);
    for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
      {
        g_autoptr(SanTicket) ticket = g_list_model_get_item (shown, i);

        g_assert_true (waits_on_us (ticket));
        g_assert_nonnull (san_ticket_get_contract_name (ticket));
        g_hash_table_add (contracts, (gpointer) san_ticket_get_contract_name (ticket));
      }
    /* Across contracts */
    g_assert_cmpuint (g_hash_table_size (contracts), >=, 2);
    /* The row shows the contract, the subject and the priority */
    g_assert_nonnull (ui_find_label (page, san_ticket_get_contract_name (first)));
    g_assert_nonnull (ui_find_label (page, LONGEST_SUBJECT));
    g_assert_nonnull (ui_find_label (page, "High Priority"));
  }
  /* Nothing chosen yet */
  g_assert_cmpstr (ui_stack_page (page, "view_stack"), ==, "none");
  ui_screenshot (window, "staff-queue");

  /* Ctrl+F goes to the queue's search; F5 reloads the queue */
  g_assert_true (gtk_widget_activate_action (root, "win.search", NULL));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         ui_find (page, "queue_search_entry")));
  g_assert_true (gtk_widget_activate_action (root, "win.reload", NULL));
  wait_shown_ids (window, oracle_queue_ids (fixture, NULL, NULL, NULL, TRUE, NULL));

  /* A narrow window: the list, then the ticket, and Back */
  gtk_window_set_default_size (window, 420, 760);
  inner = ui_find (page, "leaflet");
  ui_wait_for (ui_leaflet_is_folded, inner, TIMEOUT, "the queue to fold");
  g_assert_true (adw_leaflet_get_visible_child (ADW_LEAFLET (inner)) == ui_find (page, "list_side"));
  select_ticket (window, LONGEST_SUBJECT);
  g_assert_true (adw_leaflet_get_visible_child (ADW_LEAFLET (inner)) ==
                 ui_find (page, "detail_side"));
  g_assert_true (san_staff_queue_page_get_showing_detail (SAN_STAFF_QUEUE_PAGE (page)));
  g_assert_true (gtk_widget_get_visible (ui_find (root, "back_button")));
  {
    g_autoptr(SanTicket) first = g_list_model_get_item (shown, 0);

    wait_view (window, san_ticket_get_id (first), 0, -1);
  }
  ui_screenshot (window, "staff-narrow-thread");
  ui_click (ui_find (root, "back_button"));
  g_assert_true (adw_leaflet_get_visible_child (ADW_LEAFLET (inner)) == ui_find (page, "list_side"));
  g_assert_true (adw_leaflet_get_visible_child (ADW_LEAFLET (ui_find (root, "leaflet"))) ==
                 ui_find (root, "content_box"));
  gtk_window_set_default_size (window, 1180, 760);
}

static void
test_queue (Fixture       *fixture,
            gconstpointer  data)
{
  ui_run_app (server_url (fixture), queue_body, fixture);
}

/* /ui/staff/queue/filters-narrow */

static void
filters_body (SanApplication *app,
              GtkWindow      *window,
              gpointer        user_data)
{
  Fixture *fixture = user_data;
  GtkWidget *page;
  GtkDropDown *departments;
  GtkWidget *empty_page;
  SanTicketPriority high = SAN_TICKET_PRIORITY_HIGH;
  const char *finance = oracle_department_id (fixture, "Financeiro");
  g_autoptr(GPtrArray) all = oracle_queue_ids (fixture, NULL, NULL, NULL, FALSE, NULL);
  g_autoptr(GPtrArray) waiting = oracle_queue_ids (fixture, NULL, NULL, NULL, TRUE, NULL);
  guint finance_position = 0;

  gtk_window_set_default_size (window, 1180, 760);
  sign_in (window, server_url (fixture), STAFF_EMAIL, STAFF_PASSWORD);
  page = queue_page (window);
  wait_shown_ids (window, g_ptr_array_ref (waiting));
  g_assert_cmpuint (waiting->len, <, all->len);

  /* Everything, not only what waits on SAN */
  ui_click (ui_find (page, "waiting_toggle"));
  wait_shown_ids (window, g_ptr_array_ref (all));
  assert_desk_order (window);

  /* High priority only */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ui_find (page, "priority_filter")),
                              PRIORITY_FILTER_HIGH);
  wait_shown_ids (window, oracle_queue_ids (fixture, NULL, NULL, &high, FALSE, NULL));
  ui_screenshot (window, "staff-queue-high");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ui_find (page, "priority_filter")), 0);

  /* A department, from the server's list */
  departments = GTK_DROP_DOWN (ui_find (page, "department_filter"));
  for (guint i = 0; i < g_list_model_get_n_items (gtk_drop_down_get_model (departments)); i++)
    {
      const char *name =
        gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (departments)), i);

      if (g_str_equal (name, "Financeiro"))
        finance_position = i;
    }
  g_assert_cmpuint (finance_position, >, 0);
  gtk_drop_down_set_selected (departments, finance_position);
  wait_shown_ids (window, oracle_queue_ids (fixture, finance, NULL, NULL, FALSE, NULL));
  gtk_drop_down_set_selected (departments, 0);

  /* A status */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ui_find (page, "status_filter")),
                              STATUS_FILTER_FIRST + SAN_TICKET_STATUS_CLOSED);
  wait_shown_ids (window, oracle_queue_ids (fixture, NULL, "closed", NULL, FALSE, NULL));
  {
    g_autoptr(SanTicket) closed = g_list_model_get_item (shown_tickets (window), 0);

    g_assert_cmpint (san_ticket_get_status (closed), ==, SAN_TICKET_STATUS_CLOSED);
  }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ui_find (page, "status_filter")), 0);
  wait_shown_ids (window, g_ptr_array_ref (all));

  /* Search, in the messages' text too */
  ui_type (ui_find (page, "queue_search_entry"), "wordpress");
  wait_shown_ids (window, oracle_queue_ids (fixture, NULL, NULL, NULL, FALSE, "wordpress"));
  g_assert_cmpint (position_of_subject (window, NOTE_SUBJECT), ==, 0);

  /* Nothing matches: the page says so, and clearing brings the desk's
   * start back (what waits on SAN) */
  ui_type (ui_find (page, "queue_search_entry"), "no-such-ticket-anywhere");
  ui_wait_stack_page (page, "list_stack", "empty", TIMEOUT);
  empty_page = ui_find (page, "empty_page");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (empty_page)), ==,
                   "No Tickets Match");
  ui_screenshot (window, "staff-queue-no-match");
  ui_click (ui_find (page, "empty_button"));
  wait_shown_ids (window, g_ptr_array_ref (waiting));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (ui_find (page,
                                                                           "waiting_toggle"))));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_find (page, "queue_search_entry"))), ==, "");
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  ui_run_app (server_url (fixture), filters_body, fixture);
}

/* /ui/staff/ticket/note-reply-status */

typedef struct
{
  GFile  *file;
  GBytes *expected;
} FileWait;

static gboolean
file_has_contents (gpointer data)
{
  FileWait *wait = data;
  g_autoptr(GBytes) bytes = g_file_load_bytes (wait->file, NULL, NULL, NULL);

  return bytes != NULL && g_bytes_equal (bytes, wait->expected);
}

static gboolean
dropdown_shows (gpointer data)
{
  GtkDropDown *dropdown = ((gpointer *) data)[0];
  guint expected = GPOINTER_TO_UINT (((gpointer *) data)[1]);

  return gtk_drop_down_get_selected (dropdown) == expected &&
         gtk_widget_get_sensitive (GTK_WIDGET (dropdown));
}

static void
thread_body (SanApplication *app,
             GtkWindow      *window,
             gpointer        user_data)
{
  Fixture *fixture = user_data;
  const char *note = "Nota interna do teste: o cliente nunca vê isto (XQZ-4821).";
  const char *reply = "Olá, Ana! Restauramos o backup de ontem; o site voltou (RPL-7710).";
  const char *upload_text = "diagnóstico: cache do plugin limpo\n";
  g_autofree char *upload_path = g_build_filename (fixture->tmpdir, "diagnostico.txt", NULL);
  g_autofree char *saved_path = g_build_filename (fixture->tmpdir, "saved.txt", NULL);
  g_autoptr(GFile) upload = g_file_new_for_path (upload_path);
  g_autoptr(GFile) saved = g_file_new_for_path (saved_path);
  g_autoptr(SanTicket) before = NULL;
  g_autoptr(SanTicket) seen_by_customer = NULL;
  g_autoptr(SanTicket) on_server = NULL;
  g_autofree char *ticket_id = NULL;
  g_autofree char *contract_id = NULL;
  GtkWidget *root = GTK_WIDGET (window);
  GtkWidget *view;
  GtkWidget *thread;
  GtkWidget *compose;
  GtkDropDown *status;
  SanTicket *ticket;
  SanTicketMessage *message;
  guint n_messages;
  guint n_notes;

  g_assert_true (g_file_set_contents (upload_path, upload_text, -1, NULL));
  gtk_window_set_default_size (window, 1180, 800);
  sign_in (window, server_url (fixture), STAFF_EMAIL, STAFF_PASSWORD);
  view = GTK_WIDGET (ticket_view (window));
  wait_shown_ids (window, oracle_queue_ids (fixture, NULL, NULL, NULL, TRUE, NULL));

  /* Open the ticket with a seeded internal note */
  select_ticket (window, NOTE_SUBJECT);
  {
    g_autoptr(SanTicket) row = g_list_model_get_item (shown_tickets (window),
                                                      position_of_subject (window, NOTE_SUBJECT));

    ticket_id = g_strdup (san_ticket_get_id (row));
    contract_id = g_strdup (san_ticket_get_contract_id (row));
  }
  before = oracle_staff_ticket (fixture, ticket_id);
  n_messages = g_list_model_get_n_items (san_ticket_get_messages (before));
  ticket = wait_view (window, ticket_id, n_messages, SAN_TICKET_STATUS_IN_PROGRESS);
  ui_wait_stack_page (view, "view_stack", "ticket", TIMEOUT);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (ui_find (view, "contract_label"))),
                            san_ticket_get_contract_name (before)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (ui_find (view, "contract_label"))),
                            san_ticket_get_number (before)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ui_find (view, "subject_label"))), ==,
                   NOTE_SUBJECT);
  status = GTK_DROP_DOWN (ui_find (view, "status_dropdown"));
  g_assert_cmpuint (gtk_drop_down_get_selected (status), ==, SAN_TICKET_STATUS_IN_PROGRESS);
  /* The thread (the shared widget) shows every message, the note as internal */
  thread = ui_find (view, "thread");
  g_assert_true (san_ticket_thread_get_ticket (SAN_TICKET_THREAD (thread)) == ticket);
  g_assert_cmpuint (count_with_class (thread, "ticket-message"), ==, n_messages);
  n_notes = count_with_class (thread, "internal");
  g_assert_cmpuint (n_notes, ==, 1);
  /* Replying is what the box does first */
  compose = ui_find (view, "compose_box");
  g_assert_false (gtk_widget_has_css_class (compose, "internal"));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (ui_find (view, "send_button"))), ==,
                   "_Send as SAN");
  g_assert_false (gtk_widget_get_sensitive (ui_find (view, "send_button")));
  ui_screenshot (window, "staff-thread");

  /* An internal note: it looks different and says the customer never sees it */
  ui_click (ui_find (view, "internal_toggle"));
  g_assert_true (gtk_widget_has_css_class (compose, "internal"));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (ui_find (view, "send_button"))), ==,
                   "Add Internal _Note");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (ui_find (view, "mode_label"))),
                            "never shown to the customer"));
  type_message (window, note);
  ui_screenshot (window, "staff-internal-note");
  ui_click (ui_find (view, "send_button"));
  ticket = wait_view (window, ticket_id, n_messages + 1, SAN_TICKET_STATUS_IN_PROGRESS);
  message = last_message (ticket);
  g_assert_true (san_ticket_message_get_internal (message));
  g_assert_cmpstr (san_ticket_message_get_body (message), ==, note);
  g_assert_cmpstr (san_ticket_message_get_author_name (message), ==, STAFF_NAME);
  g_assert_cmpuint (count_with_class (thread, "internal"), ==, n_notes + 1);
  g_assert_nonnull (ui_find_label (thread, note));
  /* The box is empty again, back to replying */
  {
    g_autofree char *left = NULL;
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (ui_find (view, "body_view")));
    GtkTextIter start, end;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    left = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (left, ==, "");
  }
  g_assert_false (gtk_widget_has_css_class (compose, "internal"));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (ui_find (view, "reply_toggle"))));

  /* The customer never sees the note: not in the ticket, not in an e-mail */
  seen_by_customer = oracle_customer_ticket (fixture, contract_id, ticket_id);
  for (guint i = 0; i < g_list_model_get_n_items (san_ticket_get_messages (seen_by_customer)); i++)
    {
      g_autoptr(SanTicketMessage) seen = g_list_model_get_item (san_ticket_get_messages (seen_by_customer), i);

      g_assert_false (san_ticket_message_get_internal (seen));
      g_assert_null (strstr (san_ticket_message_get_body (seen), "XQZ-4821"));
    }
  g_assert_cmpuint (g_list_model_get_n_items (san_ticket_get_messages (seen_by_customer)), ==,
                    n_messages + 1 - (n_notes + 1));
  g_assert_cmpuint (oracle_emails_with (fixture, contract_id, "XQZ-4821"), ==, 0);
  g_clear_object (&seen_by_customer);

  /* A reply as SAN, with a file: the ticket becomes answered, the customer
   * sees it and is e-mailed */
  type_message (window, reply);
  san_staff_ticket_view_add_file (SAN_STAFF_TICKET_VIEW (view), upload);
  g_assert_true (gtk_widget_get_visible (ui_find (view, "attachments_box")));
  g_assert_nonnull (ui_find_label (view, "diagnostico.txt"));
  ui_click (ui_find (view, "send_button"));
  ticket = wait_view (window, ticket_id, n_messages + 2, SAN_TICKET_STATUS_ANSWERED);
  message = last_message (ticket);
  g_assert_false (san_ticket_message_get_internal (message));
  g_assert_cmpint (san_ticket_message_get_author_kind (message), ==, SAN_TICKET_AUTHOR_KIND_STAFF);
  g_assert_cmpstr (san_ticket_message_get_body (message), ==, reply);
  g_assert_cmpuint (g_list_model_get_n_items (san_ticket_message_get_attachments (message)), ==, 1);
  g_assert_false (gtk_widget_get_visible (ui_find (view, "attachments_box")));
  g_assert_cmpuint (gtk_drop_down_get_selected (status), ==, SAN_TICKET_STATUS_ANSWERED);
  {
    /* Its row says so at once, and stays until the next reload */
    g_autoptr(SanTicket) row = shown_ticket_with_id (window, ticket_id);

    g_assert_nonnull (row);
    g_assert_cmpint (san_ticket_get_status (row), ==, SAN_TICKET_STATUS_ANSWERED);
  }
  seen_by_customer = oracle_customer_ticket (fixture, contract_id, ticket_id);
  g_assert_cmpint (san_ticket_get_status (seen_by_customer), ==, SAN_TICKET_STATUS_ANSWERED);
  g_assert_cmpstr (san_ticket_message_get_body (last_message (seen_by_customer)), ==, reply);
  g_assert_cmpuint (oracle_emails_with (fixture, contract_id, "RPL-7710"), >=, 1);

  /* The attachment saves to a file like the customer's thread does */
  {
    g_autoptr(SanAttachment) attachment =
      g_list_model_get_item (san_ticket_message_get_attachments (message), 0);
    g_autoptr(GBytes) expected = g_bytes_new_static (upload_text, strlen (upload_text));
    FileWait wait = { saved, expected };
    LabelWait toast = { ui_find (root, "toast_overlay"), "Saved saved.txt" };

    g_assert_cmpstr (san_attachment_get_filename (attachment), ==, "diagnostico.txt");
    san_staff_ticket_view_save_attachment (SAN_STAFF_TICKET_VIEW (view), attachment, saved);
    ui_wait_for (file_has_contents, &wait, TIMEOUT, "the attachment to be saved");
    ui_wait_for (shows_label_containing, &toast, TIMEOUT, "a toast saying it was saved");
  }

  /* Another status, straight from the dropdown */
  gtk_drop_down_set_selected (status, SAN_TICKET_STATUS_ON_HOLD);
  wait_view (window, ticket_id, n_messages + 2, SAN_TICKET_STATUS_ON_HOLD);
  on_server = oracle_staff_ticket (fixture, ticket_id);
  g_assert_cmpint (san_ticket_get_status (on_server), ==, SAN_TICKET_STATUS_ON_HOLD);
  ui_screenshot (window, "staff-thread-answered");

  /* The contract's services, read-only, with the ticket's own marked */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(GListModel) services = NULL;
    GtkWidget *button = ui_find (view, "contract_button");
    GtkListBox *list;
    guint n_rows = 0;

    san_client_list_all_services_async (fixture->customer, contract_id, NULL, ui_result_cb,
                                        &result);
    services = san_client_list_all_services_finish (fixture->customer, ui_wait_result (&result),
                                                    &error);
    g_assert_no_error (error);
    /* As a click does: the button takes the focus (GTK 4.8's popover
     * expects a focus in the window when it opens) */
    g_assert_true (gtk_widget_grab_focus (button));
    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
    ui_wait_stack_page (view, "services_stack", "list", TIMEOUT);
    list = GTK_LIST_BOX (ui_find (view, "services_list"));
    while (gtk_list_box_get_row_at_index (list, n_rows) != NULL)
      n_rows++;
    g_assert_cmpuint (n_rows, ==, g_list_model_get_n_items (services));
    g_assert_nonnull (ui_find_label (GTK_WIDGET (list), "This ticket"));
    gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  }

  /* A status the server never gets: the dropdown goes back and says why */
  g_clear_pointer (&fixture->server, san_test_server_stop);
  gtk_drop_down_set_selected (status, SAN_TICKET_STATUS_CLOSED);
  {
    gpointer data[] = { status, GUINT_TO_POINTER (SAN_TICKET_STATUS_ON_HOLD) };
    LabelWait toast = { ui_find (root, "toast_overlay"), "Could not change the status" };

    ui_wait_for (dropdown_shows, data, TIMEOUT, "the status to go back");
    ui_wait_for (shows_label_containing, &toast, TIMEOUT, "a toast saying why");
  }
  g_assert_cmpint (san_ticket_get_status (san_staff_ticket_view_get_ticket (SAN_STAFF_TICKET_VIEW (view))),
                   ==, SAN_TICKET_STATUS_ON_HOLD);

  /* A reply that cannot be sent keeps its text */
  type_message (window, "Texto que não pode se perder");
  ui_click (ui_find (view, "send_button"));
  {
    LabelWait toast = { ui_find (root, "toast_overlay"), "Could not send" };

    ui_wait_for (shows_label_containing, &toast, TIMEOUT, "a toast saying it was not sent");
    g_assert_nonnull (ui_find_button (ui_find (root, "toast_overlay"), "_Retry"));
  }
  {
    g_autofree char *left = NULL;
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (ui_find (view, "body_view")));
    GtkTextIter start, end;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    left = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (left, ==, "Texto que não pode se perder");
  }
}

static void
test_thread (Fixture       *fixture,
             gconstpointer  data)
{
  ui_run_app (server_url (fixture), thread_body, fixture);
}

/* /ui/staff/session/customer-layout-comes-back */

static void
session_body (SanApplication *app,
              GtkWindow      *window,
              gpointer        user_data)
{
  Fixture *fixture = user_data;
  GtkWidget *page;

  /* A customer first: no queue */
  sign_in (window, server_url (fixture), DEMO_EMAIL, DEMO_PASSWORD);
  assert_customer_layout (window);
  sign_out (app, window);

  /* Staff: the queue only */
  sign_in (window, server_url (fixture), STAFF_EMAIL, STAFF_PASSWORD);
  assert_staff_layout (window);
  page = queue_page (window);
  wait_shown_ids (window, oracle_queue_ids (fixture, NULL, NULL, NULL, TRUE, NULL));
  select_ticket (window, LONGEST_SUBJECT);
  ui_wait_stack_page (page, "view_stack", "ticket", TIMEOUT);
  /* Something typed, then signing out */
  type_message (window, "rascunho da equipe");
  sign_out (app, window);

  /* The customer again: the customer sections, nothing of the staff's */
  sign_in (window, server_url (fixture), DEMO_EMAIL, DEMO_PASSWORD);
  assert_customer_layout (window);
  g_assert_cmpuint (g_list_model_get_n_items (shown_tickets (window)), ==, 0);
  g_assert_cmpstr (ui_stack_page (page, "view_stack"), ==, "none");
  {
    g_autofree char *left = NULL;
    GtkTextBuffer *buffer =
      gtk_text_view_get_buffer (GTK_TEXT_VIEW (ui_find (page, "body_view")));
    GtkTextIter start, end;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    left = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (left, ==, "");
  }
  ui_screenshot (window, "staff-then-customer");
}

static void
test_session (Fixture       *fixture,
              gconstpointer  data)
{
  ui_run_app (server_url (fixture), session_body, fixture);
}

/* /ui/staff/ticket/note-draft-survives-restart */

#define DRAFT_NOTE_START "Nota em rascunho: conferir o backup"
#define DRAFT_NOTE       "Nota em rascunho: conferir o backup de ontem antes de responder (NTD-3391)."
#define DRAFT_REPLY      "Resposta em rascunho ao cliente: estamos olhando a lentidão (RPD-5520)."

typedef struct
{
  Fixture *fixture;
  char    *note_id;      /* the ticket with a note being written */
  char    *reply_id;     /* the ticket with a reply being written */
  char    *note_path;    /* their drafts' files */
  char    *reply_path;
} StaffDraftData;

static char *
staff_draft_path (Fixture    *fixture,
                  const char *ticket_id)
{
  g_autofree char *key = san_drafts_staff_key (server_url (fixture), STAFF_EMAIL, ticket_id);

  return san_drafts_dup_path (key);
}

static gboolean
staff_draft_saved (gpointer data)
{
  return !san_staff_ticket_view_get_draft_saving (data);
}

static char *
dup_body_text (GtkWindow *window)
{
  GtkTextView *body = GTK_TEXT_VIEW (ui_find (GTK_WIDGET (ticket_view (window)), "body_view"));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (body);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

typedef struct
{
  GtkWindow  *window;
  const char *text;
} BodyWait;

static gboolean
body_shows (gpointer data)
{
  BodyWait *wait = data;
  g_autofree char *text = dup_body_text (wait->window);

  return g_strcmp0 (text, wait->text) == 0;
}

static char *
file_contents (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* The box is in @internal mode, in words and looks */
static void
assert_mode (GtkWindow *window,
             gboolean   internal)
{
  GtkWidget *view = GTK_WIDGET (ticket_view (window));

  g_assert_cmpint (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (ui_find (view, "internal_toggle"))),
                   ==, internal);
  g_assert_cmpint (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (ui_find (view, "reply_toggle"))),
                   ==, !internal);
  g_assert_cmpint (gtk_widget_has_css_class (ui_find (view, "compose_box"), "internal"), ==,
                   internal);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (ui_find (view, "send_button"))), ==,
                   internal ? "Add Internal _Note" : "_Send as SAN");
}

static void
staff_draft_first_run_body (SanApplication *app,
                            GtkWindow      *window,
                            gpointer        user_data)
{
  StaffDraftData *data = user_data;
  Fixture *fixture = data->fixture;
  SanStaffTicketView *view;

  gtk_window_set_default_size (window, 1180, 800);
  sign_in (window, server_url (fixture), STAFF_EMAIL, STAFF_PASSWORD);
  view = ticket_view (window);
  wait_shown_ids (window, oracle_queue_ids (fixture, NULL, NULL, NULL, TRUE, NULL));

  /* A reply to the customer, half written, saved */
  select_ticket (window, LONGEST_SUBJECT);
  wait_view (window, data->reply_id, 0, -1);
  type_message (window, DRAFT_REPLY);
  ui_wait_for (staff_draft_saved, view, TIMEOUT, "the reply's draft");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ui_find (GTK_WIDGET (view), "draft_label"))), ==,
                   "Draft saved on this computer");

  /* Another ticket: its own empty box, replying */
  select_ticket (window, NOTE_SUBJECT);
  wait_view (window, data->note_id, 0, -1);
  {
    g_autofree char *text = dup_body_text (window);

    g_assert_cmpstr (text, ==, "");
  }
  assert_mode (window, FALSE);

  /* Begun as a reply, then made a note: the mode is on disk at once (no
   * main loop turn, no half-second wait) */
  type_message (window, DRAFT_NOTE_START);
  ui_wait_for (staff_draft_saved, view, TIMEOUT, "the note's first draft");
  {
    g_autofree char *contents = file_contents (data->note_path);

    g_assert_null (strstr (contents, "Internal"));
  }
  ui_click (ui_find (GTK_WIDGET (view), "internal_toggle"));
  san_drafts_wait ();
  {
    g_autofree char *contents = file_contents (data->note_path);

    g_assert_nonnull (strstr (contents, "Internal=true"));
  }

  /* The rest of the note; the app closes before the half second after
   * which a draft is written: closing writes it */
  type_message (window, DRAFT_NOTE);
  g_assert_true (san_staff_ticket_view_get_draft_saving (view));
}

static void
staff_draft_second_run_body (SanApplication *app,
                             GtkWindow      *window,
                             gpointer        user_data)
{
  StaffDraftData *data = user_data;
  Fixture *fixture = data->fixture;
  GtkWidget *root = GTK_WIDGET (window);
  SanStaffTicketView *view;
  g_autoptr(SanTicket) before = NULL;
  g_autoptr(SanTicket) seen_by_customer = NULL;
  SanTicketMessage *message;
  guint n_messages;

  /* Signed in again without asking (the session is in the keyring) */
  gtk_window_set_default_size (window, 1180, 800);
  ui_wait_stack_page (root, "stack", "main", TIMEOUT);
  assert_staff_layout (window);
  view = ticket_view (window);
  wait_shown_ids (window, oracle_queue_ids (fixture, NULL, NULL, NULL, TRUE, NULL));

  /* The note comes back as a note, never as a reply */
  select_ticket (window, NOTE_SUBJECT);
  wait_view (window, data->note_id, 0, -1);
  {
    BodyWait wait = { window, DRAFT_NOTE };

    ui_wait_for (body_shows, &wait, TIMEOUT, "the note's draft");
  }
  assert_mode (window, TRUE);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (ui_find (GTK_WIDGET (view), "mode_label"))),
                            "never shown to the customer"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ui_find (GTK_WIDGET (view), "draft_label"))), ==,
                   "Draft saved on this computer");
  ui_screenshot (window, "staff-note-draft-restored");

  /* The reply comes back as a reply */
  select_ticket (window, LONGEST_SUBJECT);
  wait_view (window, data->reply_id, 0, -1);
  {
    BodyWait wait = { window, DRAFT_REPLY };

    ui_wait_for (body_shows, &wait, TIMEOUT, "the reply's draft");
  }
  assert_mode (window, FALSE);

  /* The note sent: an internal note on the server, and its draft gone */
  before = oracle_staff_ticket (fixture, data->note_id);
  n_messages = g_list_model_get_n_items (san_ticket_get_messages (before));
  select_ticket (window, NOTE_SUBJECT);
  wait_view (window, data->note_id, n_messages, -1);
  {
    BodyWait wait = { window, DRAFT_NOTE };

    ui_wait_for (body_shows, &wait, TIMEOUT, "the note's draft again");
  }
  assert_mode (window, TRUE);
  ui_click (ui_find (GTK_WIDGET (view), "send_button"));
  message = last_message (wait_view (window, data->note_id, n_messages + 1, -1));
  g_assert_true (san_ticket_message_get_internal (message));
  g_assert_cmpstr (san_ticket_message_get_body (message), ==, DRAFT_NOTE);
  ui_wait_for (staff_draft_saved, view, TIMEOUT, "the sent note's draft to go");
  g_assert_false (g_file_test (data->note_path, G_FILE_TEST_EXISTS));
  seen_by_customer = oracle_customer_ticket (fixture, san_ticket_get_contract_id (before),
                                             data->note_id);
  for (guint i = 0; i < g_list_model_get_n_items (san_ticket_get_messages (seen_by_customer)); i++)
    {
      g_autoptr(SanTicketMessage) seen =
        g_list_model_get_item (san_ticket_get_messages (seen_by_customer), i);

      g_assert_null (strstr (san_ticket_message_get_body (seen), "NTD-3391"));
    }

  /* A reply the server never gets: the text and its draft stay, with Retry */
  select_ticket (window, LONGEST_SUBJECT);
  wait_view (window, data->reply_id, 0, -1);
  {
    BodyWait wait = { window, DRAFT_REPLY };

    ui_wait_for (body_shows, &wait, TIMEOUT, "the reply's draft again");
  }
  g_clear_pointer (&fixture->server, san_test_server_stop);
  ui_click (ui_find (GTK_WIDGET (view), "send_button"));
  {
    LabelWait toast = { ui_find (root, "toast_overlay"), "Could not send" };

    ui_wait_for (shows_label_containing, &toast, TIMEOUT, "a toast saying it was not sent");
    g_assert_nonnull (ui_find_button (ui_find (root, "toast_overlay"), "_Retry"));
  }
  {
    g_autofree char *text = dup_body_text (window);
    g_autofree char *contents = NULL;

    g_assert_cmpstr (text, ==, DRAFT_REPLY);
    ui_wait_for (staff_draft_saved, view, TIMEOUT, "the reply's draft");
    contents = file_contents (data->reply_path);
    g_assert_nonnull (strstr (contents, "RPD-5520"));
    g_assert_null (strstr (contents, "Internal"));
  }
  assert_mode (window, FALSE);
}

static void
test_note_draft (Fixture       *fixture,
                 gconstpointer  unused)
{
  StaffDraftData data = { fixture, NULL, NULL, NULL, NULL };
  g_autofree char *url = g_strdup (server_url (fixture));
  g_autoptr(GPtrArray) all = oracle_queue_ids (fixture, NULL, NULL, NULL, FALSE, NULL);

  for (guint i = 0; i < all->len; i++)
    {
      g_autoptr(SanTicket) ticket = oracle_staff_ticket (fixture, all->pdata[i]);

      if (g_str_equal (san_ticket_get_subject (ticket), NOTE_SUBJECT))
        data.note_id = g_strdup (all->pdata[i]);
      else if (g_str_equal (san_ticket_get_subject (ticket), LONGEST_SUBJECT))
        data.reply_id = g_strdup (all->pdata[i]);
    }
  g_assert_nonnull (data.note_id);
  g_assert_nonnull (data.reply_id);
  data.note_path = staff_draft_path (fixture, data.note_id);
  data.reply_path = staff_draft_path (fixture, data.reply_id);

  ui_run_app (url, staff_draft_first_run_body, &data);

  /* On disk: private files; the note marked as one, the reply not */
  {
    g_autofree char *note = file_contents (data.note_path);
    g_autofree char *reply = file_contents (data.reply_path);
    GStatBuf st;

    g_assert_nonnull (strstr (note, "NTD-3391"));
    g_assert_nonnull (strstr (note, "Internal=true"));
    g_assert_nonnull (strstr (reply, "RPD-5520"));
    g_assert_null (strstr (reply, "Internal"));
    g_assert_cmpint (g_stat (data.note_path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
  /* A staff draft never takes a customer draft's place: for the same
   * ticket, as the same user, the keys differ */
  {
    g_autoptr(SanTicket) ticket = oracle_staff_ticket (fixture, data.note_id);
    g_autofree char *staff_key = san_drafts_staff_key (url, STAFF_EMAIL, data.note_id);
    g_autofree char *customer_key = san_drafts_key (url, STAFF_EMAIL,
                                                    san_ticket_get_contract_id (ticket),
                                                    data.note_id);
    g_autofree char *customer_path = san_drafts_dup_path (customer_key);

    g_assert_cmpstr (staff_key, !=, customer_key);
    g_assert_false (g_file_test (customer_path, G_FILE_TEST_EXISTS));
  }

  /* The app starts again, with the same data folder */
  ui_run_app (url, staff_draft_second_run_body, &data);

  g_free (data.note_id);
  g_free (data.reply_id);
  g_free (data.note_path);
  g_free (data.reply_path);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/ui/staff/queue/replaces-customer-sections", Fixture, NULL,
              fixture_set_up, test_queue, fixture_tear_down);
  g_test_add ("/ui/staff/queue/filters-narrow", Fixture, NULL,
              fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/ui/staff/ticket/note-hidden-reply-answers-status-reverts", Fixture, NULL,
              fixture_set_up, test_thread, fixture_tear_down);
  g_test_add ("/ui/staff/ticket/note-draft-survives-restart", Fixture, NULL,
              fixture_set_up, test_note_draft, fixture_tear_down);
  g_test_add ("/ui/staff/session/customer-sections-come-back", Fixture, NULL,
              fixture_set_up, test_session, fixture_tear_down);

  return g_test_run ();
}
