/* test-ui-emails.c: the real app, in-process under Xvfb, against a real
 * san-portald (--demo --today 2026-11-24): the E-mail History lists what
 * the server sent, newest first; search, kind and days narrow it the way
 * the server's own filters do; nothing matching says so and clears; pages
 * load on demand; the reader shows the text part as sent, or the HTML part
 * rendered as text with no markup and nothing loaded
 *
 * The app is driven through its widgets (found by their template ids) and
 * checked against what the server answers to a separate SanClient.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "san-api.h"
#include "san-date.h"
#include "san-email-reader.h"
#include "san-emails-page.h"
#include "san-html-view.h"
#include "san-test-server.h"
#include "ui-test-helpers.h"

#define DEMO_EMAIL    "demo@example.com"
#define DEMO_PASSWORD "demo-1234"
#define TODAY         "2026-11-24"
#define PADARIA       "Padaria Pão Quente Ltda"
#define TIMEOUT       30

typedef struct
{
  SanTestServer *server;
  SanClient     *oracle;     /* what the server says, asked directly */
  SanContract   *contract;   /* Padaria: a callback, two recipients */
  guint          index;      /* its place in the contract drop-down */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char * const args[] = { "--today", TODAY, NULL };
  g_autoptr(SanMe) me = NULL;
  GListModel *contracts;

  fixture->server = san_test_server_start (TRUE, args);
  fixture->oracle = ui_signed_in_client (san_test_server_get_url (fixture->server),
                                         DEMO_EMAIL, DEMO_PASSWORD);
  me = ui_fetch_me (fixture->oracle);
  contracts = san_me_get_contracts (me);
  for (guint i = 0; i < g_list_model_get_n_items (contracts); i++)
    {
      g_autoptr(SanContract) contract = g_list_model_get_item (contracts, i);

      if (g_str_equal (san_contract_get_name (contract), PADARIA))
        {
          fixture->contract = g_steal_pointer (&contract);
          fixture->index = i;
        }
    }
  g_assert_nonnull (fixture->contract);
  g_assert_true (san_contract_has_permission (fixture->contract, "emails"));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
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

/* The ids the server lists for these filters (every page) */
static GPtrArray *
oracle_ids (Fixture            *fixture,
            const SanEmailKind *kind,
            const char         *search,
            const char         *from,
            const char         *to)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *cursor = NULL;
  GDate from_date, to_date;

  g_date_clear (&from_date, 1);
  g_date_clear (&to_date, 1);
  if (from != NULL)
    g_assert_true (san_date_parse_iso (from, &from_date));
  if (to != NULL)
    g_assert_true (san_date_parse_iso (to, &to_date));

  do
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(SanPage) page = NULL;
      GListModel *items;

      san_client_list_emails_async (fixture->oracle, contract_id (fixture), kind, search,
                                    from != NULL ? &from_date : NULL, to != NULL ? &to_date : NULL,
                                    cursor, 100, NULL, ui_result_cb, &result);
      page = san_client_list_emails_finish (fixture->oracle, ui_wait_result (&result), &error);
      g_assert_no_error (error);
      items = san_page_get_items (page);
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(SanEmail) email = g_list_model_get_item (items, i);

          g_ptr_array_add (ids, g_strdup (san_email_get_id (email)));
        }
      g_free (cursor);
      cursor = g_strdup (san_page_get_next_cursor (page));
    }
  while (cursor != NULL);
  return ids;
}

static SanEmail *
oracle_email (Fixture    *fixture,
              const char *email_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SanEmail *email;

  san_client_get_email_async (fixture->oracle, contract_id (fixture), email_id, NULL,
                              ui_result_cb, &result);
  email = san_client_get_email_finish (fixture->oracle, ui_wait_result (&result), &error);
  g_assert_no_error (error);
  return email;
}

/* The newest e-mail of @kind */
static SanEmail *
oracle_first_of_kind (Fixture      *fixture,
                      SanEmailKind  kind)
{
  g_autoptr(GPtrArray) ids = oracle_ids (fixture, &kind, NULL, NULL, NULL);

  g_assert_cmpuint (ids->len, >, 0);
  return oracle_email (fixture, g_ptr_array_index (ids, 0));
}

/* The app's widgets */

static GtkWidget *
emails_page (GtkWindow *window)
{
  return ui_find (GTK_WIDGET (window), "emails_page");
}

static GListModel *
shown_emails (GtkWindow *window)
{
  GtkWidget *list_view = ui_find (emails_page (window), "list_view");

  return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)));
}

static void
assert_lacks (const char *haystack,
              const char *needle)
{
  if (haystack != NULL && strstr (haystack, needle) != NULL)
    g_error ("“%s” contains “%s”", haystack, needle);
}

static gboolean
transition_done (gpointer stack)
{
  return !gtk_stack_get_transition_running (stack);
}

/* Signs in, picks Padaria and opens the E-mail History, loaded */
static GtkWidget *
open_emails (GtkWindow *window,
             Fixture   *fixture,
             int        width,
             int        height)
{
  GtkWidget *root = GTK_WIDGET (window);

  gtk_window_set_default_size (window, width, height);
  ui_sign_in (window, server_url (fixture), DEMO_EMAIL, DEMO_PASSWORD, TIMEOUT);
  ui_wait_for (transition_done, ui_find (root, "stack"), TIMEOUT, "the main view to show");

  gtk_drop_down_set_selected (GTK_DROP_DOWN (ui_find (root, "contract_dropdown")), fixture->index);
  g_assert_true (gtk_widget_get_visible (ui_find (root, "emails_row")));
  return ui_open_section (window, "emails_row", "emails_page", TIMEOUT);
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

  /* The same order as the server's too: newest first */
  if (!ui_model_has_ids (shown_emails (wait->window), wait->ids, TRUE))
    return FALSE;
  /* ...and done loading */
  return !gtk_spinner_get_spinning (GTK_SPINNER (ui_find (emails_page (wait->window), "filter_spinner")));
}

/* The list shows exactly @ids, in the server's order */
static void
wait_shown_ids (GtkWindow  *window,
                GPtrArray  *ids,
                const char *what)
{
  ShownWait wait = { window, ids };

  ui_wait_for (shows_ids, &wait, TIMEOUT, what);
}

static gboolean
shows_empty (gpointer data)
{
  return g_strcmp0 (ui_stack_page (emails_page (data), "list_stack"), "empty") == 0;
}

/* Selects @email_id in the list, as a click does */
static void
select_email (GtkWindow  *window,
              const char *email_id)
{
  GListModel *model = shown_emails (window);

  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model),
                                     ui_model_find_id (model, email_id));
}

static gboolean
reader_shows (gpointer data)
{
  GtkWindow *window = data;
  GtkWidget *page = emails_page (window);
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (shown_emails (window));
  SanEmail *selected = gtk_single_selection_get_selected_item (selection);
  SanEmail *shown = san_email_reader_get_email (SAN_EMAIL_READER (ui_find (page, "reader")));

  return g_strcmp0 (ui_stack_page (page, "detail_stack"), "reader") == 0 &&
         selected != NULL && shown != NULL &&
         g_strcmp0 (san_email_get_id (selected), san_email_get_id (shown)) == 0;
}

static char *
body_text (GtkWidget *page)
{
  return san_html_view_dup_text (SAN_HTML_VIEW (ui_find (page, "body_view")));
}

static void
pick_day (GtkWidget  *page,
          const char *calendar_id,
          const char *iso)
{
  GtkCalendar *calendar = GTK_CALENDAR (ui_find (page, calendar_id));
  g_autoptr(GDateTime) day = NULL;
  GDate date;

  g_assert_true (san_date_parse_iso (iso, &date));
  day = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                               g_date_get_day (&date), 12, 0, 0);
  /* As a click on the day: the day, then "day-selected" */
  gtk_calendar_select_day (calendar, day);
  g_signal_emit_by_name (calendar, "day-selected");
}

/* Clicks a check button */
static void
toggle (GtkWidget  *page,
        const char *check_id)
{
  GtkCheckButton *check = GTK_CHECK_BUTTON (ui_find (page, check_id));

  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (check)));
  gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
}

/* /ui/emails/list */

static void
list_body (SanApplication *app,
           GtkWindow      *window,
           gpointer        user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(GPtrArray) all = oracle_ids (fixture, NULL, NULL, NULL, NULL);
  g_autoptr(SanEmail) callback = oracle_first_of_kind (fixture, SAN_EMAIL_KIND_CALLBACK);
  g_autofree char *count = NULL;
  g_autofree char *sent = san_email_format_sent_at (san_email_get_sent_at (callback));
  GtkWidget *page;

  g_assert_cmpuint (all->len, >=, 20);
  page = open_emails (window, fixture, 1200, 860);

  /* Every e-mail, newest first, all in one page */
  wait_shown_ids (window, all, "the list to show the server's e-mails");
  g_assert_cmpstr (ui_stack_page (page, "detail_stack"), ==, "none");
  count = g_strdup_printf ("%u e-mails", all->len);
  g_assert_cmpstr (ui_label_text (page, "count_label"), ==, count);
  g_assert_false (gtk_widget_get_visible (ui_find (page, "more_button")));
  g_assert_cmpstr (ui_label_text (page, "date_filter_label"), ==, "Any Date");

  /* A row: subject, date and time, recipients, kind */
  g_assert_nonnull (ui_find_label (page, san_email_get_subject (callback)));
  g_assert_nonnull (ui_find_label (page, sent));
  g_assert_nonnull (ui_find_label (page, "To demo@example.com, financeiro@contabilidade-exemplo.com.br"));
  g_assert_nonnull (ui_find_label (page, "Callback"));
  g_assert_nonnull (ui_find_label (page, "Invoice"));
  ui_screenshot (window, "emails-list");

  /* The kind filter: as the server's kind= */
  {
    SanEmailKind kind = SAN_EMAIL_KIND_CALLBACK;
    g_autoptr(GPtrArray) callbacks = oracle_ids (fixture, &kind, NULL, NULL, NULL);

    gtk_drop_down_set_selected (GTK_DROP_DOWN (ui_find (page, "kind_dropdown")), 2);
    wait_shown_ids (window, callbacks, "the callback e-mails only");
    g_assert_cmpuint (callbacks->len, ==, 1);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (ui_find (page, "kind_dropdown")), 0);
    wait_shown_ids (window, all, "every e-mail again");
  }
}

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  ui_run_app (server_url (fixture), list_body, fixture);
}

/* /ui/emails/search-narrows */

static void
search_body (SanApplication *app,
             GtkWindow      *window,
             gpointer        user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(GPtrArray) all = oracle_ids (fixture, NULL, NULL, NULL, NULL);
  g_autoptr(GPtrArray) paid = oracle_ids (fixture, NULL, "pagamento", NULL, NULL);
  g_autoptr(GPtrArray) call = oracle_ids (fixture, NULL, "LIGAÇÃO", NULL, NULL);
  g_autoptr(GPtrArray) in_text = oracle_ids (fixture, NULL, "migração da loja", NULL, NULL);
  GtkWidget *page = open_emails (window, fixture, 1200, 860);
  GtkWidget *entry = ui_find (page, "search_entry");

  g_assert_cmpuint (paid->len, >, 1);
  g_assert_cmpuint (paid->len, <, all->len);
  g_assert_cmpuint (call->len, ==, 1);
  g_assert_cmpuint (in_text->len, ==, 1);
  wait_shown_ids (window, all, "every e-mail");

  /* The server searches the subject, case and accents as typed */
  ui_type (entry, "pagamento");
  wait_shown_ids (window, paid, "the payment e-mails");
  ui_type (entry, "LIGAÇÃO");
  wait_shown_ids (window, call, "the callback e-mail");
  /* ...and the text */
  ui_type (entry, "  migração da loja ");
  wait_shown_ids (window, in_text, "the e-mail that says it in its text");

  /* The reader follows: the e-mail found, selected, stays while the
   * search widens */
  select_email (window, g_ptr_array_index (in_text, 0));
  ui_wait_for (reader_shows, window, TIMEOUT, "the e-mail read");
  ui_type (entry, "");
  wait_shown_ids (window, all, "every e-mail again");
  g_assert_true (reader_shows (window));
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  ui_run_app (server_url (fixture), search_body, fixture);
}

/* /ui/emails/date-range-narrows */

static void
dates_body (SanApplication *app,
            GtkWindow      *window,
            gpointer        user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(GPtrArray) all = oracle_ids (fixture, NULL, NULL, NULL, NULL);
  g_autoptr(GPtrArray) november = oracle_ids (fixture, NULL, NULL, "2026-11-01", "2026-11-22");
  g_autoptr(GPtrArray) since = oracle_ids (fixture, NULL, NULL, "2026-11-23", NULL);
  g_autoptr(GPtrArray) until = oracle_ids (fixture, NULL, NULL, NULL, "2026-01-31");
  g_autoptr(GPtrArray) one_day = oracle_ids (fixture, NULL, NULL, "2026-11-24", "2026-11-24");
  g_autoptr(GPtrArray) paid_november = oracle_ids (fixture, NULL, "pagamento", "2026-11-01", "2026-11-22");
  GtkWidget *page = open_emails (window, fixture, 1200, 860);
  GDate day;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *range = NULL;

  g_assert_cmpuint (november->len, >, 0);
  g_assert_cmpuint (november->len, <, all->len);
  g_assert_cmpuint (since->len, >, 0);
  g_assert_cmpuint (until->len, >, 0);
  g_assert_cmpuint (paid_november->len, <, november->len);
  wait_shown_ids (window, all, "every e-mail");

  /* From and to, inclusive, as the server's from= and to= */
  gtk_menu_button_popup (GTK_MENU_BUTTON (ui_find (page, "date_button")));
  ui_wait_for ((UiCondition) gtk_widget_get_mapped, ui_find (page, "from_calendar"), TIMEOUT,
               "the days to show");
  pick_day (page, "from_calendar", "2026-11-01");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (ui_find (page, "from_check"))));
  pick_day (page, "to_calendar", "2026-11-22");
  wait_shown_ids (window, november, "the e-mails of 1 to 22 November");
  g_assert_true (san_date_parse_iso ("2026-11-01", &day));
  first = san_date_format (&day);
  g_assert_true (san_date_parse_iso ("2026-11-22", &day));
  last = san_date_format (&day);
  range = g_strdup_printf ("%s – %s", first, last);
  g_assert_cmpstr (ui_label_text (page, "date_filter_label"), ==, range);
  ui_screenshot (window, "emails-dates");
  ui_screenshot_popover (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (ui_find (page, "date_button")))),
                      "emails-dates-popover");

  /* With a search too */
  ui_type (ui_find (page, "search_entry"), "pagamento");
  wait_shown_ids (window, paid_november, "the payments of 1 to 22 November");
  ui_type (ui_find (page, "search_entry"), "");
  wait_shown_ids (window, november, "the e-mails of 1 to 22 November again");

  /* A first day after the last moves the last one: never an empty range */
  pick_day (page, "from_calendar", "2026-11-24");
  wait_shown_ids (window, one_day, "the e-mails of 24 November");
  {
    g_autoptr(GDateTime) to = gtk_calendar_get_date (GTK_CALENDAR (ui_find (page, "to_calendar")));

    g_assert_cmpint (g_date_time_get_day_of_month (to), ==, 24);
  }

  /* One bound only */
  toggle (page, "to_check");
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (ui_find (page, "to_check"))));
  pick_day (page, "from_calendar", "2026-11-23");
  wait_shown_ids (window, since, "the e-mails since 23 November");
  ui_assert_contains (ui_label_text (page, "date_filter_label"), "Since ");
  toggle (page, "from_check");
  pick_day (page, "to_calendar", "2026-01-31");
  wait_shown_ids (window, until, "the e-mails until January");
  ui_assert_contains (ui_label_text (page, "date_filter_label"), "Until ");

  /* Any date */
  ui_click (ui_find (page, "any_date_button"));
  wait_shown_ids (window, all, "every e-mail again");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (ui_find (page, "date_button"))))));
  g_assert_cmpstr (ui_label_text (page, "date_filter_label"), ==, "Any Date");
}

static void
test_dates (Fixture       *fixture,
            gconstpointer  data)
{
  ui_run_app (server_url (fixture), dates_body, fixture);
}

/* /ui/emails/reader/text-part */

static void
reader_text_body (SanApplication *app,
                  GtkWindow      *window,
                  gpointer        user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(GPtrArray) all = oracle_ids (fixture, NULL, NULL, NULL, NULL);
  g_autoptr(SanEmail) callback = oracle_first_of_kind (fixture, SAN_EMAIL_KIND_CALLBACK);
  g_autofree char *sent = san_email_format_sent_at (san_email_get_sent_at (callback));
  g_autofree char *text = NULL;
  GtkWidget *page = open_emails (window, fixture, 1200, 860);
  GtkWidget *reader;

  wait_shown_ids (window, all, "every e-mail");
  select_email (window, san_email_get_id (callback));
  ui_wait_for (reader_shows, window, TIMEOUT, "the callback e-mail read");
  reader = ui_find (page, "reader");

  /* The header: subject, kind, from SAN, every recipient, when */
  g_assert_cmpstr (ui_label_text (reader, "subject_label"), ==, san_email_get_subject (callback));
  g_assert_cmpstr (ui_label_text (reader, "kind_label"), ==, "Callback");
  g_assert_cmpstr (ui_label_text (reader, "from_label"), ==, "SAN Internet");
  g_assert_cmpstr (ui_label_text (reader, "to_label"), ==,
                   "demo@example.com, financeiro@contabilidade-exemplo.com.br");
  g_assert_cmpstr (ui_label_text (reader, "date_label"), ==, sent);

  /* The text part, exactly as sent */
  g_assert_true (gtk_widget_get_sensitive (ui_find (reader, "formatted_button")));
  ui_click (ui_find (reader, "text_button"));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (ui_find (reader, "text_button"))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (ui_find (reader, "formatted_button"))));
  g_assert_true (san_email_reader_get_show_text (SAN_EMAIL_READER (reader)));
  text = body_text (page);
  g_assert_cmpstr (text, ==, san_email_get_text_body (callback));
  ui_screenshot (window, "emails-reader-text");

  /* The choice holds for the next e-mail */
  select_email (window, g_ptr_array_index (all, all->len - 1));
  ui_wait_for (reader_shows, window, TIMEOUT, "the oldest e-mail read");
  {
    g_autoptr(SanEmail) oldest = oracle_email (fixture, g_ptr_array_index (all, all->len - 1));
    g_autofree char *oldest_text = body_text (page);

    g_assert_cmpstr (oldest_text, ==, san_email_get_text_body (oldest));
  }
  ui_click (ui_find (reader, "formatted_button"));
  g_assert_false (san_email_reader_get_show_text (SAN_EMAIL_READER (reader)));
}

static void
test_reader_text (Fixture       *fixture,
                  gconstpointer  data)
{
  ui_run_app (server_url (fixture), reader_text_body, fixture);
}

/* /ui/emails/reader/html-part-safe */

static void
reader_html_body (SanApplication *app,
                  GtkWindow      *window,
                  gpointer        user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(SanEmail) ticket = NULL;
  g_autoptr(SanEmail) callback = oracle_first_of_kind (fixture, SAN_EMAIL_KIND_CALLBACK);
  g_autofree char *text = NULL;
  GtkWidget *page;
  GtkWidget *reader;

  /* A ticket whose message is markup: the server escapes it into the HTML
   * part, and the reader shows it as the customer typed it */
  {
    g_autoptr(GAsyncResult) departments_result = NULL;
    g_autoptr(GAsyncResult) open_result = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(GListModel) departments = NULL;
    g_autoptr(SanDepartment) department = NULL;
    g_autoptr(SanTicket) opened = NULL;

    san_client_list_departments_async (fixture->oracle, NULL, ui_result_cb, &departments_result);
    departments = san_client_list_departments_finish (fixture->oracle, ui_wait_result (&departments_result),
                                                      &error);
    g_assert_no_error (error);
    department = g_list_model_get_item (departments, 0);
    san_client_open_ticket_async (fixture->oracle, contract_id (fixture),
                                  san_department_get_id (department), NULL,
                                  SAN_TICKET_PRIORITY_MEDIUM, "Imagem <img src=x> no site",
                                  "Vejam: <img src=\"https://evil.example/track.png\" alt=\"x\">"
                                  "<script>alert('oi')</script> & <b>fim</b>",
                                  NULL, NULL, ui_result_cb, &open_result);
    opened = san_client_open_ticket_finish (fixture->oracle, ui_wait_result (&open_result), &error);
    g_assert_no_error (error);
    ticket = oracle_first_of_kind (fixture, SAN_EMAIL_KIND_TICKET);
    ui_assert_contains (san_email_get_html_body (ticket), "&lt;script&gt;");
  }
  all = oracle_ids (fixture, NULL, NULL, NULL, NULL);

  page = open_emails (window, fixture, 1200, 860);
  reader = ui_find (page, "reader");
  wait_shown_ids (window, all, "every e-mail, the ticket's first");
  g_assert_cmpstr (g_ptr_array_index (all, 0), ==, san_email_get_id (ticket));
  g_assert_nonnull (ui_find_label (page, "Ticket"));

  /* Formatted by default: the HTML part as text, structure kept */
  select_email (window, san_email_get_id (callback));
  ui_wait_for (reader_shows, window, TIMEOUT, "the callback e-mail read");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (ui_find (reader, "formatted_button"))));
  g_assert_false (san_email_reader_get_show_text (SAN_EMAIL_READER (reader)));
  text = body_text (page);
  g_assert_true (g_str_has_prefix (text, "Olá,\n\nRecebemos seu pedido para que a SAN Internet ligue para você.\n\n"
                                         "• Telefone: +55 (11) 91234-5678\n• Assunto: "));
  ui_assert_contains (text, "Área do Cliente > Nós ligamos para você.");
  g_assert_true (g_str_has_suffix (text, "\n\nEquipe SAN Internet"));
  assert_lacks (text, "<");
  assert_lacks (text, "&gt;");
  assert_lacks (text, "DOCTYPE");
  ui_assert_contains (ui_label_text (reader, "part_label"), "not loaded");
  ui_screenshot (window, "emails-reader-html");

  /* The customer's markup shows as typed: never run, never loaded */
  select_email (window, san_email_get_id (ticket));
  ui_wait_for (reader_shows, window, TIMEOUT, "the ticket e-mail read");
  g_free (text);
  text = body_text (page);
  ui_assert_contains (text, "Vejam: <img src=\"https://evil.example/track.png\" alt=\"x\">"
                            "<script>alert('oi')</script> & <b>fim</b>");
  assert_lacks (text, "[image");
  g_assert_cmpstr (ui_label_text (reader, "subject_label"), ==, san_email_get_subject (ticket));
  ui_assert_contains (ui_label_text (reader, "subject_label"), "<img src=x>");
  {
    g_auto(GStrv) links = san_html_view_dup_links (SAN_HTML_VIEW (ui_find (page, "body_view")));

    g_assert_cmpuint (g_strv_length (links), ==, 0);
  }
  ui_screenshot (window, "emails-reader-ticket");
}

static void
test_reader_html (Fixture       *fixture,
                  gconstpointer  data)
{
  ui_run_app (server_url (fixture), reader_html_body, fixture);
}

/* /ui/emails/empty-search-clears */

static void
empty_body (SanApplication *app,
            GtkWindow      *window,
            gpointer        user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(GPtrArray) all = oracle_ids (fixture, NULL, NULL, NULL, NULL);
  g_autoptr(GPtrArray) none = oracle_ids (fixture, NULL, "nada-parecido-xyz", NULL, NULL);
  GtkWidget *page = open_emails (window, fixture, 1200, 860);
  AdwStatusPage *empty;

  g_assert_cmpuint (none->len, ==, 0);
  wait_shown_ids (window, all, "every e-mail");

  ui_type (ui_find (page, "search_entry"), "nada-parecido-xyz");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ui_find (page, "kind_dropdown")), 1);
  ui_wait_for (shows_empty, window, TIMEOUT, "the empty state");
  empty = ADW_STATUS_PAGE (ui_find (page, "empty_page"));
  g_assert_cmpstr (adw_status_page_get_title (empty), ==, "No E-mails Match");
  g_assert_true (gtk_widget_get_visible (ui_find (page, "clear_filters_button")));
  g_assert_cmpstr (ui_stack_page (page, "detail_stack"), ==, "none");
  ui_screenshot (window, "emails-empty-search");

  /* Clear Filters: every e-mail again, the filters shown cleared */
  ui_click (ui_find (page, "clear_filters_button"));
  wait_shown_ids (window, all, "every e-mail after clearing");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_find (page, "search_entry"))), ==, "");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (ui_find (page, "kind_dropdown"))), ==, 0);
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  ui_run_app (server_url (fixture), empty_body, fixture);
}

/* /ui/emails/pages/load-more */

static gboolean
shows_count (gpointer data)
{
  GtkWindow *window = ((gpointer *) data)[0];
  guint count = GPOINTER_TO_UINT (((gpointer *) data)[1]);

  return g_list_model_get_n_items (shown_emails (window)) == count;
}

static void
pages_body (SanApplication *app,
            GtkWindow      *window,
            gpointer        user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(GPtrArray) all = oracle_ids (fixture, NULL, NULL, NULL, NULL);
  g_autofree char *count = NULL;
  GtkWidget *page;
  gpointer wait[2];

  g_assert_cmpuint (all->len, >, 100);
  page = open_emails (window, fixture, 1200, 860);

  /* The first page, and how many there are */
  wait[0] = window;
  wait[1] = GUINT_TO_POINTER (50);
  ui_wait_for (shows_count, wait, TIMEOUT, "the first page");
  count = g_strdup_printf ("50 of %u e-mails", all->len);
  g_assert_cmpstr (ui_label_text (page, "count_label"), ==, count);
  g_assert_true (gtk_widget_get_visible (ui_find (page, "more_button")));
  ui_screenshot (window, "emails-more");

  /* Load More: the next page after it */
  ui_click (ui_find (page, "more_button"));
  wait[1] = GUINT_TO_POINTER (100);
  ui_wait_for (shows_count, wait, TIMEOUT, "the second page");

  /* Scrolling to the end: the rest */
  g_signal_emit_by_name (ui_find (page, "list_scroller"), "edge-reached", GTK_POS_BOTTOM);
  wait_shown_ids (window, all, "every e-mail, every page, in order");
  g_free (count);
  count = g_strdup_printf ("%u e-mails", all->len);
  g_assert_cmpstr (ui_label_text (page, "count_label"), ==, count);
  g_assert_false (gtk_widget_get_visible (ui_find (page, "more_button")));
}

static void
test_pages (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GAsyncResult) services_result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) services = NULL;
  g_autoptr(SanService) service = NULL;

  /* More than two pages: each change of support level e-mails the contract */
  san_client_list_all_services_async (fixture->oracle, contract_id (fixture), NULL, ui_result_cb,
                                      &services_result);
  services = san_client_list_all_services_finish (fixture->oracle, ui_wait_result (&services_result), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (services) && service == NULL; i++)
    {
      g_autoptr(SanService) candidate = g_list_model_get_item (services, i);

      if (san_service_get_status (candidate) == SAN_SERVICE_STATUS_ACTIVE)
        service = g_steal_pointer (&candidate);
    }
  g_assert_nonnull (service);
  for (guint i = 0; i < 90; i++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(SanService) changed = NULL;

      san_client_set_support_level_async (fixture->oracle, contract_id (fixture),
                                          san_service_get_id (service),
                                          i % 2 == 0 ? SAN_SUPPORT_LEVEL_PREMIUM : SAN_SUPPORT_LEVEL_BUSINESS,
                                          NULL, ui_result_cb, &result);
      changed = san_client_set_support_level_finish (fixture->oracle, ui_wait_result (&result), &error);
      g_assert_no_error (error);
    }

  ui_run_app (server_url (fixture), pages_body, fixture);
}

/* /ui/emails/folded/reader-and-back */

static void
folded_body (SanApplication *app,
             GtkWindow      *window,
             gpointer        user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(GPtrArray) all = oracle_ids (fixture, NULL, NULL, NULL, NULL);
  GtkWidget *page = open_emails (window, fixture, 400, 760);
  AdwLeaflet *leaflet = ADW_LEAFLET (ui_find (page, "leaflet"));

  wait_shown_ids (window, all, "every e-mail");
  ui_wait_for ((UiCondition) adw_leaflet_get_folded, leaflet, TIMEOUT, "the page to fold");
  g_assert_false (san_emails_page_get_showing_detail (SAN_EMAILS_PAGE (page)));

  /* Picking an e-mail shows it; back shows the list */
  select_email (window, g_ptr_array_index (all, 0));
  ui_wait_for (reader_shows, window, TIMEOUT, "the e-mail read");
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == ui_find (page, "detail_side"));
  g_assert_true (san_emails_page_get_showing_detail (SAN_EMAILS_PAGE (page)));
  g_assert_true (gtk_widget_get_visible (ui_find (GTK_WIDGET (window), "back_button")));
  ui_screenshot (window, "emails-folded-reader");
  ui_click (ui_find (GTK_WIDGET (window), "back_button"));
  g_assert_false (san_emails_page_get_showing_detail (SAN_EMAILS_PAGE (page)));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == ui_find (page, "list_side"));
  g_assert_false (san_emails_page_go_back (SAN_EMAILS_PAGE (page)));
}

static void
test_folded (Fixture       *fixture,
             gconstpointer  data)
{
  ui_run_app (server_url (fixture), folded_body, fixture);
}

/* /ui/emails/server-gone-error-states */

static gboolean
read_error_shows (gpointer data)
{
  return g_strcmp0 (ui_stack_page (emails_page (data), "detail_stack"), "error") == 0;
}

static gboolean
unreachable_toast (gpointer window)
{
  return ui_find_label (GTK_WIDGET (window), "Can’t reach SAN. Check your connection.") != NULL;
}

static gboolean
list_error_shows (gpointer data)
{
  return g_strcmp0 (ui_stack_page (emails_page (data), "list_stack"), "error") == 0;
}

static void
gone_body (SanApplication *app,
           GtkWindow      *window,
           gpointer        user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(GPtrArray) all = oracle_ids (fixture, NULL, NULL, NULL, NULL);
  GtkWidget *page = open_emails (window, fixture, 1200, 860);
  const char *description;

  wait_shown_ids (window, all, "every e-mail");
  g_clear_pointer (&fixture->server, san_test_server_stop);

  /* An e-mail that cannot be read says so, and offers to try again */
  select_email (window, g_ptr_array_index (all, 1));
  ui_wait_for (read_error_shows, window, TIMEOUT, "the reader's error state");
  g_assert_true (gtk_widget_get_visible (ui_find (page, "read_retry_button")));
  description = adw_status_page_get_description (ADW_STATUS_PAGE (ui_find (page, "read_error_page")));
  g_assert_nonnull (description);
  g_assert_cmpstr (description, !=, "");
  ui_click (ui_find (page, "read_retry_button"));
  ui_wait_for (read_error_shows, window, TIMEOUT, "the reader's error state again");

  /* A filter that cannot load keeps what is shown */
  ui_type (ui_find (page, "search_entry"), "fatura");
  ui_wait_for (unreachable_toast, window, TIMEOUT, "a toast that SAN is unreachable");
  g_assert_false (gtk_widget_get_visible (ui_find (page, "filter_spinner")));
  wait_shown_ids (window, all, "the e-mails still shown");
  g_assert_cmpstr (ui_stack_page (page, "list_stack"), ==, "list");

  /* Another contract that cannot load: the list's error state */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ui_find (GTK_WIDGET (window), "contract_dropdown")),
                              fixture->index == 0 ? 1 : 0);
  ui_wait_for (list_error_shows, window, TIMEOUT, "the list's error state");
  g_assert_cmpuint (g_list_model_get_n_items (shown_emails (window)), ==, 0);
  g_assert_cmpstr (ui_stack_page (page, "detail_stack"), ==, "none");
  g_assert_true (gtk_widget_get_visible (ui_find (page, "retry_button")));
  g_assert_nonnull (adw_status_page_get_description (ADW_STATUS_PAGE (ui_find (page, "error_page"))));
  ui_screenshot (window, "emails-error");
}

static void
test_gone (Fixture       *fixture,
           gconstpointer  data)
{
  ui_run_app (server_url (fixture), gone_body, fixture);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/ui/emails/list-newest-first-kind-filter", Fixture, NULL,
              fixture_set_up, test_list, fixture_tear_down);
  g_test_add ("/ui/emails/search-narrows", Fixture, NULL,
              fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/ui/emails/date-range-narrows", Fixture, NULL,
              fixture_set_up, test_dates, fixture_tear_down);
  g_test_add ("/ui/emails/reader/text-part-as-sent", Fixture, NULL,
              fixture_set_up, test_reader_text, fixture_tear_down);
  g_test_add ("/ui/emails/reader/html-part-safe", Fixture, NULL,
              fixture_set_up, test_reader_html, fixture_tear_down);
  g_test_add ("/ui/emails/empty-search-clears", Fixture, NULL,
              fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/ui/emails/pages/load-more-and-scroll", Fixture, NULL,
              fixture_set_up, test_pages, fixture_tear_down);
  g_test_add ("/ui/emails/folded/reader-and-back", Fixture, NULL,
              fixture_set_up, test_folded, fixture_tear_down);
  g_test_add ("/ui/emails/server-gone-error-states", Fixture, NULL,
              fixture_set_up, test_gone, fixture_tear_down);

  return g_test_run ();
}
