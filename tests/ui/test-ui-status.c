/* test-ui-status.c: the real app, in-process under Xvfb, against a real
 * san-portald (--demo, metrics every 200 ms, the admin interface on): the
 * Status section shows the instances hosting the contract's services with
 * their states, its servers' live panels tick while shown and stay still
 * while hidden, an incident SAN raises shows in the timeline without a
 * reload (and its updates newest first), and a status that cannot load
 * shows the error state with Retry
 *
 * One app run for the whole program (CI time): the cases are steps of it.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "san-api.h"
#include "san-server-panel.h"
#include "san-sparkline.h"
#include "san-status-labels.h"
#include "san-status-page.h"
#include "san-test-server.h"
#include "ui-test-helpers.h"

#define DEMO_EMAIL    "demo@example.com"
#define DEMO_PASSWORD "demo-1234"
#define ADMIN_TOKEN   "test-admin-token-0123456789"
#define INCIDENT      "Teste: lentidão no acesso aos sites"
#define TIMEOUT       30

typedef struct
{
  SanTestServer *server;
  SanClient     *oracle;     /* what the server says, asked directly */
  SanContract   *contract;   /* one with running servers */
  SanStatus     *status;     /* its status, as the server says */
  guint          index;      /* its place in the contract drop-down */
} Fixture;

static SanStatus *
oracle_status (Fixture    *fixture,
               const char *contract_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SanStatus *status;

  san_client_get_contract_status_async (fixture->oracle, contract_id, NULL, ui_result_cb, &result);
  status = san_client_get_contract_status_finish (fixture->oracle, ui_wait_result (&result), &error);
  g_assert_no_error (error);
  return status;
}

static gboolean
has_running_server (SanStatus *status)
{
  GListModel *servers = san_status_get_servers (status);

  for (guint i = 0; i < g_list_model_get_n_items (servers); i++)
    {
      g_autoptr(SanServerMetrics) server = g_list_model_get_item (servers, i);

      if (san_server_metrics_get_running (server))
        return TRUE;
    }
  return FALSE;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char * const args[] = { "--admin-token", ADMIN_TOKEN, "--metrics-interval", "200", NULL };
  g_autoptr(SanMe) me = NULL;
  GListModel *contracts;

  fixture->server = san_test_server_start (TRUE, args);
  fixture->oracle = ui_signed_in_client (san_test_server_get_url (fixture->server),
                                         DEMO_EMAIL, DEMO_PASSWORD);
  me = ui_fetch_me (fixture->oracle);
  contracts = san_me_get_contracts (me);
  for (guint i = 0; i < g_list_model_get_n_items (contracts) && fixture->contract == NULL; i++)
    {
      g_autoptr(SanContract) contract = g_list_model_get_item (contracts, i);
      g_autoptr(SanStatus) status = NULL;

      if (!san_contract_has_permission (contract, "services"))
        continue;
      status = oracle_status (fixture, san_contract_get_id (contract));
      if (has_running_server (status) &&
          g_list_model_get_n_items (san_status_get_instances (status)) > 0)
        {
          fixture->contract = g_steal_pointer (&contract);
          fixture->status = g_steal_pointer (&status);
          fixture->index = i;
        }
    }
  g_assert_nonnull (fixture->contract);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->status);
  g_clear_object (&fixture->contract);
  g_clear_object (&fixture->oracle);
  g_clear_pointer (&fixture->server, san_test_server_stop);
}

/* POSTs @body to the admin interface; returns the answer's object */
static JsonObject *
admin_post (Fixture    *fixture,
            const char *path,
            const char *body)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strconcat (san_test_server_get_url (fixture->server), path, NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("POST", url);
  g_autoptr(GBytes) request = g_bytes_new (body, strlen (body));
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  soup_message_headers_replace (soup_message_get_request_headers (message),
                                "Authorization", "Bearer " ADMIN_TOKEN);
  soup_message_set_request_body_from_bytes (message, "application/json", request);
  soup_session_send_and_read_async (session, message, G_PRIORITY_DEFAULT, NULL,
                                    ui_result_cb, &result);
  answer = soup_session_send_and_read_finish (session, ui_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, SOUP_STATUS_CREATED);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (answer, NULL),
                                             g_bytes_get_size (answer), &error));
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return json_object_ref (json_node_get_object (root));
}

/* The app's widgets */

static GtkWidget *
status_page (GtkWindow *window)
{
  return ui_find (GTK_WIDGET (window), "status_page");
}

static gboolean
transition_done (gpointer stack)
{
  return !gtk_stack_get_transition_running (stack);
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/* The live panel of the first running server, and its CPU graph */
static SanServerPanel *
running_panel (GtkWidget *page)
{
  GtkWidget *box = ui_find (page, "servers_box");

  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      SanServerPanel *panel = SAN_SERVER_PANEL (child);

      if (san_server_metrics_get_running (san_server_panel_get_metrics (panel)))
        return panel;
    }
  g_error ("no live panel of a running server");
}

typedef struct
{
  SanServerMetrics *metrics;
  SanSparkline     *cpu;
  gint64            after_ms;     /* a sample newer than this */
  guint             draws;        /* more draws than this */
} LiveWait;

static gint64
latest_ms (SanServerMetrics *metrics)
{
  const SanMetricSample *latest = san_server_metrics_get_latest (metrics);

  return latest != NULL ? latest->time_ms : 0;
}

static gboolean
newer_sample (gpointer data)
{
  LiveWait *wait = data;

  return latest_ms (wait->metrics) > wait->after_ms;
}

/* A newer sample is there and the graph drew it: its value is the latest */
static gboolean
drew_newer_sample (gpointer data)
{
  LiveWait *wait = data;
  const SanMetricSample *latest = san_server_metrics_get_latest (wait->metrics);
  g_autofree char *expected = NULL;

  if (latest == NULL || latest->time_ms <= wait->after_ms ||
      san_sparkline_get_draw_count (wait->cpu) <= wait->draws)
    return FALSE;
  expected = san_status_format_percent (latest->cpu_pct);
  return g_strcmp0 (san_sparkline_get_value_text (wait->cpu), expected) == 0;
}

/* Drawn: the panel is entirely out of its scrolled window's view */
static gboolean
scrolled_out (gpointer panel)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (panel, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (panel, scrolled, &bounds));
  return bounds.origin.y + bounds.size.height <= 0;
}

static gboolean
panel_unmapped (gpointer panel)
{
  return !gtk_widget_get_mapped (panel);
}

static gboolean
first_update_is (gpointer data)
{
  gpointer *args = data;
  GtkWidget *list = args[0];

  return ui_count_rows (list) == GPOINTER_TO_UINT (args[2]) &&
         ui_find_label (ui_row_at (list, 0), args[1]) != NULL;
}

static void
on_load_failed_cb (SanStatusPage *page,
                   const GError  *error,
                   guint         *count)
{
  g_assert_nonnull (error);
  (*count)++;
}

/* Signs in, picks the fixture's contract and opens Status, loaded */
static GtkWidget *
open_status (GtkWindow *window,
             Fixture   *fixture)
{
  GtkWidget *root = GTK_WIDGET (window);
  GtkWidget *page;

  gtk_window_set_default_size (window, 1180, 900);
  ui_sign_in (window, san_test_server_get_url (fixture->server), DEMO_EMAIL, DEMO_PASSWORD, TIMEOUT);
  ui_wait_for (transition_done, ui_find (root, "stack"), TIMEOUT, "the main view to show");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ui_find (root, "contract_dropdown")), fixture->index);
  g_assert_true (gtk_widget_get_visible (ui_find (root, "status_row")));
  ui_select_section (window, "status_row");
  page = status_page (window);
  g_assert_true (adw_view_stack_get_visible_child (ADW_VIEW_STACK (ui_find (root, "content_stack")))
                 == page);
  ui_wait_stack_page (page, "main_stack", "content", TIMEOUT);
  return page;
}

/* Scrolls the Status section so that @widget is at the top (NULL: back to
 * the top) */
static GtkAdjustment *scrolled_adjustment;

static gboolean
laid_out (gpointer adjustment)
{
  return gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment);
}

static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scrolled;
  graphene_point_t point;

  if (widget == NULL)
    {
      gtk_adjustment_set_value (scrolled_adjustment, 0);
      return;
    }
  scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  scrolled_adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  ui_wait_for (laid_out, scrolled_adjustment, TIMEOUT, "the section to be laid out");
  g_assert_true (gtk_widget_compute_point (widget, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (scrolled_adjustment, point.y - 12);
}

/* Every instance hosting the contract's services shows, with its state as
 * a word (and an icon), never colour alone */
static void
check_grid (GtkWindow *window,
            Fixture   *fixture,
            GtkWidget *page)
{
  GListModel *instances = san_status_get_instances (fixture->status);
  GtkWidget *flow = ui_find (page, "instances_flow");
  guint n = g_list_model_get_n_items (instances);

  g_assert_cmpuint (count_children (flow), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SanInstance) instance = g_list_model_get_item (instances, i);
      GtkWidget *card = gtk_flow_box_child_get_child (gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (flow), (int) i));
      SanInstanceState state = san_instance_get_state (instance);

      g_assert_nonnull (ui_find_label (card, san_instance_get_name (instance)));
      g_assert_nonnull (ui_find_label (card, san_instance_state_label (state)));
      g_assert_true (gtk_widget_has_css_class (card, san_instance_state_css_class (state)));
      if (san_instance_get_service_names (instance)[0] != NULL)
        g_assert_nonnull (ui_find_label (card, san_instance_get_service_names (instance)[0]));
    }
  scroll_to (ui_find (page, "instances_section"));
  ui_screenshot (window, "status-grid");
  scroll_to (NULL);
}

static void
count_frame (guint *frames)
{
  (*frames)++;
}

/* Waits until @window draws no frame for 500 ms: what showing another
 * section started (a transition, a banner sliding in) is over. A window
 * that never stops drawing fails here. */
static void
wait_quiet (GtkWindow *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gint64 deadline = g_get_monotonic_time () + TIMEOUT * G_TIME_SPAN_SECOND;
  guint frames;
  gulong handler = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (count_frame), &frames);

  do
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      frames = 0;
      ui_wait_ms (500);
    }
  while (frames > 0);
  g_signal_handler_disconnect (clock, handler);
}

/* The panel ticks while shown; hidden, samples still come in but it does
 * not draw; shown again, it draws the newest */
static void
check_live_panel (GtkWindow *window,
                  GtkWidget *page)
{
  SanServerPanel *panel = running_panel (page);
  LiveWait wait = { san_server_panel_get_metrics (panel), NULL, 0, 0 };
  guint hidden_draws;

  wait.cpu = SAN_SPARKLINE (ui_find_type (GTK_WIDGET (panel), SAN_TYPE_SPARKLINE));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (panel)));

  ui_wait_for (transition_done, ui_find (GTK_WIDGET (window), "stack"), TIMEOUT, "the view to settle");
  for (guint i = 0; i < 2; i++)
    {
      wait.after_ms = latest_ms (wait.metrics);
      wait.draws = san_sparkline_get_draw_count (wait.cpu);
      ui_wait_for (drew_newer_sample, &wait, TIMEOUT, "the graph to draw a newer sample");
    }
  ui_screenshot (window, "status-live-panel");

  /* another section: the panel is not mapped and draws nothing, and the
   * window, with nothing on it changing, draws no frame at all (an
   * unmapped spinning spinner once kept it redrawing 60 times a second) */
  ui_select_section (window, "overview_row");
  ui_wait_for (panel_unmapped, panel, TIMEOUT, "the panel to hide");
  wait_quiet (window);
  hidden_draws = san_sparkline_get_draw_count (wait.cpu);
  {
    GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
    guint frames = 0;
    gulong handler = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (count_frame), &frames);

    for (guint i = 0; i < 3; i++)
      {
        wait.after_ms = latest_ms (wait.metrics);
        ui_wait_for (newer_sample, &wait, TIMEOUT, "a sample while hidden");
      }
    ui_wait_ms (100);
    g_signal_handler_disconnect (clock, handler);
    g_assert_cmpuint (frames, ==, 0);
  }
  g_assert_cmpuint (san_sparkline_get_draw_count (wait.cpu), ==, hidden_draws);

  /* back: it draws what came meanwhile */
  wait.after_ms = latest_ms (wait.metrics) - 1;
  wait.draws = hidden_draws;
  ui_select_section (window, "status_row");
  ui_wait_for (drew_newer_sample, &wait, TIMEOUT, "the graph to catch up");

  /* scrolled out of view: mapped, but it draws nothing either */
  scroll_to (ui_find (page, "incidents_list"));
  ui_wait_for (scrolled_out, panel, TIMEOUT, "the panel to scroll out of view");
  ui_wait_ms (100);
  hidden_draws = san_sparkline_get_draw_count (wait.cpu);
  for (guint i = 0; i < 3; i++)
    {
      wait.after_ms = latest_ms (wait.metrics);
      ui_wait_for (newer_sample, &wait, TIMEOUT, "a sample while scrolled away");
    }
  ui_wait_ms (100);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (panel)));
  g_assert_cmpuint (san_sparkline_get_draw_count (wait.cpu), ==, hidden_draws);

  wait.after_ms = latest_ms (wait.metrics) - 1;
  wait.draws = hidden_draws;
  scroll_to (NULL);
  ui_wait_for (drew_newer_sample, &wait, TIMEOUT, "the graph to catch up after scrolling back");
}

/* An incident raised by SAN shows in the timeline without a reload, with
 * the reassurance; its updates come newest first */
static void
check_incident (GtkWindow *window,
                Fixture   *fixture,
                GtkWidget *page)
{
  g_autoptr(SanInstance) instance = g_list_model_get_item (san_status_get_instances (fixture->status), 0);
  SanStatus *shown = san_status_page_get_status (SAN_STATUS_PAGE (page));
  GtkWidget *list = ui_find (page, "incidents_list");
  GtkWidget *updates = ui_find (page, "updates_list");
  g_autoptr(JsonObject) incident = NULL;
  g_autofree char *body = NULL;
  g_autofree char *path = NULL;
  guint n_rows = ui_count_rows (list);
  gpointer args[3];

  body = g_strdup_printf ("{\"title\":\"" INCIDENT "\",\"impact\":\"major\",\"instances\":[\"%s\"],"
                          "\"message\":\"Estamos investigando.\"}",
                          san_instance_get_id (instance));
  incident = admin_post (fixture, "/admin/v1/incidents", body);

  ui_wait_rows (list, n_rows + 1, TIMEOUT, "the new incident in the timeline");
  /* open ones first, newest first: it is the first row */
  g_assert_nonnull (ui_find_label (ui_row_at (list, 0), INCIDENT));
  g_assert_nonnull (ui_find_label (ui_row_at (list, 0), san_incident_status_label (SAN_INCIDENT_STATUS_INVESTIGATING)));
  /* live: the status shown is still the one loaded */
  g_assert_true (san_status_page_get_status (SAN_STATUS_PAGE (page)) == shown);

  g_signal_emit_by_name (list, "row-activated", ui_row_at (list, 0));
  g_assert_true (san_status_page_get_showing_detail (SAN_STATUS_PAGE (page)));
  g_assert_cmpstr (ui_label_text (page, "detail_title"), ==, INCIDENT);
  g_assert_true (gtk_widget_get_visible (ui_find (page, "detail_reassurance")));
  ui_assert_contains (ui_row_subtitle (page, "affected_row"), san_instance_get_name (instance));

  path = g_strdup_printf ("/admin/v1/incidents/%s/updates",
                          json_object_get_string_member (incident, "id"));
  g_clear_pointer (&incident, json_object_unref);
  incident = admin_post (fixture, path,
                         "{\"status\":\"identified\",\"message\":\"Causa identificada; corrigindo.\"}");
  args[0] = updates;
  args[1] = (gpointer) "Causa identificada; corrigindo.";
  args[2] = GUINT_TO_POINTER (2);
  ui_wait_for (first_update_is, args, TIMEOUT, "the newest update first");
  g_assert_nonnull (ui_find_label (ui_row_at (updates, 1), "Estamos investigando."));
  ui_screenshot (window, "status-incident");

  g_assert_true (san_status_page_go_back (SAN_STATUS_PAGE (page)));
  g_assert_false (san_status_page_get_showing_detail (SAN_STATUS_PAGE (page)));
}

/* Another contract whose status cannot load: the error state, Retry */
static void
check_error (GtkWindow *window,
             Fixture   *fixture,
             GtkWidget *page)
{
  guint failed = 0;
  const char *description;

  g_signal_connect (page, "load-failed", G_CALLBACK (on_load_failed_cb), &failed);
  g_clear_pointer (&fixture->server, san_test_server_stop);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ui_find (GTK_WIDGET (window), "contract_dropdown")),
                              fixture->index == 0 ? 1 : 0);
  ui_select_section (window, "status_row");
  ui_wait_stack_page (page, "main_stack", "error", TIMEOUT);
  g_assert_cmpuint (failed, >=, 1);
  description = adw_status_page_get_description (ADW_STATUS_PAGE (ui_find (page, "error_page")));
  g_assert_nonnull (description);
  g_assert_cmpstr (description, !=, "");
  g_assert_true (gtk_widget_get_visible (ui_find (page, "retry_button")));
  g_assert_null (ui_find_label (page, INCIDENT));

  /* Retry tries again (and fails again, the server is gone) */
  failed = 0;
  ui_click (ui_find (page, "retry_button"));
  ui_wait_stack_page (page, "main_stack", "error", TIMEOUT);
  g_assert_cmpuint (failed, ==, 1);
  g_signal_handlers_disconnect_by_func (page, on_load_failed_cb, &failed);
}

static void
live_body (SanApplication *app,
           GtkWindow      *window,
           gpointer        user_data)
{
  Fixture *fixture = user_data;
  GtkWidget *page = open_status (window, fixture);

  check_grid (window, fixture, page);
  check_live_panel (window, page);
  check_incident (window, fixture, page);
  check_error (window, fixture, page);
}

static void
test_live (Fixture       *fixture,
           gconstpointer  data)
{
  ui_run_app (san_test_server_get_url (fixture->server), live_body, fixture);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/ui/status/states-live-panel-incident-error", Fixture, NULL,
              fixture_set_up, test_live, fixture_tear_down);

  return g_test_run ();
}
