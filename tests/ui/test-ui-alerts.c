/* test-ui-alerts.c: the real app, in-process under Xvfb, against a real
 * san-portald (--demo, the admin interface on, a one-second event ping):
 * the Overview's banner shows the contract's open incidents and follows a
 * new one live until it is resolved; the bell counts what happened (an
 * incident raised and resolved, an invoice paid, a server down), lists it
 * newest first and goes to it; the desktop notifications that
 * would be sent say it in the app's words; Preferences keeps "Run in the
 * background", and closing the window then only hides it with the stream
 * still live; the connection indicator says when the server went away.
 *
 * One app run: the steps build on each other (CI time is tight).
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "san-api.h"
#include "san-client-status.h"
#include "san-event-stream.h"
#include "san-incident-banner.h"
#include "san-notification-center.h"
#include "san-notifications-popover.h"
#include "san-overview-page.h"
#include "san-preferences-window.h"
#include "san-status-labels.h"
#include "san-status-page.h"
#include "san-tickets-page.h"
#include "san-test-server.h"
#include "ui-test-helpers.h"

#define DEMO_EMAIL    "demo@example.com"
#define DEMO_PASSWORD "demo-1234"
#define ADMIN_TOKEN   "alerts-test-admin-token-2026"
#define TIMEOUT       30

typedef struct
{
  SanTestServer *server;
  SanClient     *oracle;      /* what the server says, asked directly */
  SanContract   *contract;    /* one with an open incident */
  guint          index;       /* its place in the contract drop-down */
  SanStatus     *status;      /* its status, as the server says */
  guint          n_open;      /* its open incidents */
  GPtrArray     *sent;        /* SanAlert: the desktop notifications sent */
  /* A stand-in notification server on the session bus: what reached it */
  GDBusConnection *bus;
  guint          name_id;
  guint          object_id;
  gboolean       name_acquired;
  GPtrArray     *shown;       /* "summary\nbody" of each Notify call */
} Fixture;

/* The desktop's notification server, as far as GNotification needs it */
static const char notifications_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Notifications'>"
  "    <method name='Notify'>"
  "      <arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='as' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "      <arg type='u' direction='out'/>"
  "    </method>"
  "    <method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "    <method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "    <method name='GetServerInformation'>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "    </method>"
  "    <signal name='NotificationClosed'><arg type='u'/><arg type='u'/></signal>"
  "    <signal name='ActionInvoked'><arg type='u'/><arg type='s'/></signal>"
  "  </interface>"
  "</node>";

static void
on_notifications_call_cb (GDBusConnection       *connection,
                          const char            *sender,
                          const char            *object_path,
                          const char            *interface_name,
                          const char            *method_name,
                          GVariant              *parameters,
                          GDBusMethodInvocation *invocation,
                          gpointer               user_data)
{
  Fixture *fixture = user_data;

  if (g_str_equal (method_name, "Notify"))
    {
      const char *summary = NULL;
      const char *body = NULL;

      g_variant_get_child (parameters, 3, "&s", &summary);
      g_variant_get_child (parameters, 4, "&s", &body);
      g_ptr_array_add (fixture->shown, g_strdup_printf ("%s\n%s", summary, body));
      g_dbus_method_invocation_return_value (invocation,
                                             g_variant_new ("(u)", fixture->shown->len));
    }
  else if (g_str_equal (method_name, "GetCapabilities"))
    {
      const char *caps[] = { "body", "actions", NULL };

      g_dbus_method_invocation_return_value (invocation,
                                             g_variant_new ("(^as)", caps));
    }
  else if (g_str_equal (method_name, "GetServerInformation"))
    g_dbus_method_invocation_return_value (invocation,
                                           g_variant_new ("(ssss)", "test", "SAN", "1", "1.2"));
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
on_name_acquired_cb (GDBusConnection *connection,
                     const char      *name,
                     gpointer         user_data)
{
  ((Fixture *) user_data)->name_acquired = TRUE;
}

static void
start_notification_server (Fixture *fixture)
{
  static const GDBusInterfaceVTable vtable = { on_notifications_call_cb, NULL, NULL, { 0 } };
  g_autoptr(GDBusNodeInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  fixture->shown = g_ptr_array_new_with_free_func (g_free);
  fixture->bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  info = g_dbus_node_info_new_for_xml (notifications_xml, &error);
  g_assert_no_error (error);
  fixture->object_id = g_dbus_connection_register_object (fixture->bus,
                                                          "/org/freedesktop/Notifications",
                                                          info->interfaces[0], &vtable,
                                                          fixture, NULL, &error);
  g_assert_no_error (error);
  fixture->name_id = g_bus_own_name_on_connection (fixture->bus, "org.freedesktop.Notifications",
                                                   G_BUS_NAME_OWNER_FLAGS_NONE,
                                                   on_name_acquired_cb, NULL, fixture, NULL);
  san_test_wait_until (&fixture->name_acquired, 10);
}

static void
stop_notification_server (Fixture *fixture)
{
  g_clear_handle_id (&fixture->name_id, g_bus_unown_name);
  if (fixture->object_id != 0)
    g_dbus_connection_unregister_object (fixture->bus, fixture->object_id);
  fixture->object_id = 0;
  g_clear_object (&fixture->bus);
  g_clear_pointer (&fixture->shown, g_ptr_array_unref);
}

static SanStatus *
oracle_status (Fixture     *fixture,
               SanContract *contract)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SanStatus *status;

  san_client_get_contract_status_async (fixture->oracle, san_contract_get_id (contract), NULL,
                                        ui_result_cb, &result);
  status = san_client_get_contract_status_finish (fixture->oracle, ui_wait_result (&result), &error);
  g_assert_no_error (error);
  return status;
}

static guint
count_open (SanStatus *status)
{
  GListModel *incidents = san_status_get_incidents (status);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (incidents); i++)
    {
      g_autoptr(SanIncident) incident = g_list_model_get_item (incidents, i);

      n += san_incident_is_open (incident);
    }
  return n;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char * const args[] = { "--admin-token", ADMIN_TOKEN, "--event-ping", "1", NULL };
  g_autoptr(SanMe) me = NULL;
  GListModel *contracts;

  fixture->server = san_test_server_start (TRUE, args);
  fixture->oracle = ui_signed_in_client (san_test_server_get_url (fixture->server),
                                         DEMO_EMAIL, DEMO_PASSWORD);
  fixture->sent = g_ptr_array_new_with_free_func (g_object_unref);
  start_notification_server (fixture);
  me = ui_fetch_me (fixture->oracle);
  contracts = san_me_get_contracts (me);
  for (guint i = 0; i < g_list_model_get_n_items (contracts) && fixture->contract == NULL; i++)
    {
      g_autoptr(SanContract) contract = g_list_model_get_item (contracts, i);
      g_autoptr(SanStatus) status = NULL;

      if (!san_contract_has_permission (contract, SAN_PERMISSION_SERVICES))
        continue;
      status = oracle_status (fixture, contract);
      if (count_open (status) > 0 && g_list_model_get_n_items (san_status_get_instances (status)) > 0)
        {
          fixture->contract = g_steal_pointer (&contract);
          fixture->status = g_steal_pointer (&status);
          fixture->index = i;
        }
    }
  g_assert_nonnull (fixture->contract);
  fixture->n_open = count_open (fixture->status);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->sent, g_ptr_array_unref);
  stop_notification_server (fixture);
  g_clear_object (&fixture->status);
  g_clear_object (&fixture->contract);
  g_clear_object (&fixture->oracle);
  g_clear_pointer (&fixture->server, san_test_server_stop);
}

/* The admin interface: @method @json to @path, answered with @expected;
 * returns the answer's object */
static JsonObject *
admin_send (Fixture    *fixture,
            const char *method,
            const char *path,
            const char *json,
            guint       expected)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strconcat (san_test_server_get_url (fixture->server), path, NULL);
  g_autoptr(SoupMessage) message = soup_message_new (method, url);
  g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  soup_message_headers_append (soup_message_get_request_headers (message),
                               "Authorization", "Bearer " ADMIN_TOKEN);
  soup_message_set_request_body_from_bytes (message, "application/json", body);
  answer = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, expected);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (answer, NULL),
                                             g_bytes_get_size (answer), &error));
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static JsonObject *
admin_post (Fixture    *fixture,
            const char *path,
            const char *json,
            guint       expected)
{
  return admin_send (fixture, "POST", path, json, expected);
}

/* The app's parts */

static SanWindow *
app_window (GtkWindow *window)
{
  return SAN_WINDOW (window);
}

static SanNotificationCenter *
center (GtkWindow *window)
{
  return san_window_get_notification_center (app_window (window));
}

static void
on_center_sent_cb (SanNotificationCenter *center,
                   SanAlert              *alert,
                   Fixture               *fixture)
{
  g_ptr_array_add (fixture->sent, g_object_ref (alert));
}

/* The alert sent about @target_id of @kind, or NULL */
static SanAlert *
find_sent (Fixture      *fixture,
           SanAlertKind  kind,
           const char   *target_id)
{
  for (guint i = 0; i < fixture->sent->len; i++)
    {
      SanAlert *alert = g_ptr_array_index (fixture->sent, i);

      if (san_alert_get_kind (alert) == kind &&
          (target_id == NULL || g_strcmp0 (san_alert_get_target_id (alert), target_id) == 0))
        return alert;
    }
  return NULL;
}

/* The entry of @kind in the bell's list, or NULL */
static SanAlert *
find_item (GtkWindow    *window,
           SanAlertKind  kind)
{
  GListModel *items = san_notification_center_get_items (center (window));

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SanAlert) alert = g_list_model_get_item (items, i);

      if (san_alert_get_kind (alert) == kind)
        return alert;   /* the center holds it */
    }
  return NULL;
}

/* Whether the notification server showed "@title\n@body" */
static gboolean
was_shown (Fixture  *fixture,
           SanAlert *alert)
{
  g_autofree char *text = g_strdup_printf ("%s\n%s", san_alert_get_title (alert),
                                           san_alert_get_body (alert));

  for (guint i = 0; i < fixture->shown->len; i++)
    if (g_str_equal (g_ptr_array_index (fixture->shown, i), text))
      return TRUE;
  return FALSE;
}

typedef struct
{
  GtkWindow *window;
  Fixture   *fixture;
  guint      n;
  SanAlertKind kind;
  const char *target_id;
} Wait;

static gboolean
stream_connected (gpointer data)
{
  SanEventStream *stream = san_window_get_event_stream (SAN_WINDOW (data));

  return stream != NULL && san_event_stream_get_state (stream) == SAN_EVENT_STREAM_CONNECTED;
}

static gboolean
banner_counts (gpointer data)
{
  Wait *wait = data;
  GtkWidget *overview = ui_find (GTK_WIDGET (wait->window), "overview_page");

  return san_incident_banner_get_n_incidents (SAN_INCIDENT_BANNER (ui_find (overview, "incident_banner"))) == wait->n &&
         gtk_revealer_get_reveal_child (GTK_REVEALER (ui_find (overview, "incident_revealer")));
}

/* The same open incidents above the new-ticket form */
static gboolean
form_banner_counts (gpointer data)
{
  Wait *wait = data;
  GtkWidget *form = ui_find (GTK_WIDGET (wait->window), "new_ticket_form");
  GtkWidget *banner = ui_find (form, "incident_banner");

  return san_incident_banner_get_n_incidents (SAN_INCIDENT_BANNER (banner)) == wait->n &&
         gtk_widget_get_mapped (banner) &&
         gtk_revealer_get_reveal_child (GTK_REVEALER (ui_find (banner, "incident_revealer")));
}

/* Sent, and shown by the desktop's notification server */
static gboolean
alert_sent (gpointer data)
{
  Wait *wait = data;
  SanAlert *alert = find_sent (wait->fixture, wait->kind, wait->target_id);

  return alert != NULL && was_shown (wait->fixture, alert);
}

static gboolean
overview_loaded (gpointer data)
{
  GtkWidget *overview = ui_find (GTK_WIDGET (data), "overview_page");

  return g_strcmp0 (ui_stack_page (overview, "overview_stack"), "content") == 0;
}

static gboolean
reconnecting_shows (gpointer data)
{
  GtkWidget *root = GTK_WIDGET (data);
  const char *label = ui_label_text (root, "connection_label");

  return g_str_has_prefix (label, "Reconnecting") &&
         gtk_widget_get_visible (ui_find (root, "retry_now_button")) &&
         gtk_widget_get_visible (ui_find (root, "connection_box"));
}

static gboolean
window_drawn (gpointer data)
{
  GtkWidget *window = data;

  return gtk_widget_get_mapped (window) &&
         gtk_widget_get_width (window) > 0 && gtk_widget_get_height (window) > 0;
}

static gboolean
window_hidden (gpointer data)
{
  return !gtk_widget_get_visible (GTK_WIDGET (data));
}

/* The row of @alert in the bell's Recent list */
static GtkWidget *
recent_row (GtkWidget *popover,
            GtkWindow *window,
            SanAlert  *alert)
{
  GListModel *items = san_notification_center_get_items (center (window));

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SanAlert) item = g_list_model_get_item (items, i);

      if (item == alert)
        return ui_row_at (ui_find (popover, "items_list"), i);
    }
  g_assert_not_reached ();
}

static void
alerts_body (SanApplication *app,
             GtkWindow      *window,
             gpointer        user_data)
{
  Fixture *fixture = user_data;
  GtkWidget *root = GTK_WIDGET (window);
  GtkWidget *overview;
  GtkWidget *form;
  GtkWidget *bell;
  GtkWidget *popover;
  GtkWindow *preferences;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(JsonObject) incident = NULL;
  g_autoptr(JsonObject) accepted = NULL;
  g_autofree char *json = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(SanInstance) instance = NULL;
  const char *contract_id = san_contract_get_id (fixture->contract);
  const char *incident_id;
  SanAlert *alert;
  guint unread;
  Wait wait = { window, fixture, 0, 0, NULL };

  g_signal_connect (center (window), "sent", G_CALLBACK (on_center_sent_cb), fixture);

  ui_sign_in (window, NULL, DEMO_EMAIL, DEMO_PASSWORD, TIMEOUT);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ui_find (root, "contract_dropdown")), fixture->index);
  ui_wait_for (stream_connected, window, TIMEOUT, "the event stream to connect");
  g_assert_cmpstr (ui_label_text (root, "connection_label"), ==, "Live");
  g_assert_false (gtk_widget_get_visible (ui_find (root, "retry_now_button")));

  /* The banner: the contract's open incidents, as the server has them */
  overview = ui_find (root, "overview_page");
  ui_wait_for (overview_loaded, window, TIMEOUT, "the Overview to load");
  wait.n = fixture->n_open;
  ui_wait_for (banner_counts, &wait, TIMEOUT, "the banner of the demo's open incidents");
  if (fixture->n_open == 1)
    {
      g_autoptr(SanIncident) open = NULL;
      GListModel *incidents = san_status_get_incidents (fixture->status);

      for (guint i = 0; i < g_list_model_get_n_items (incidents) && open == NULL; i++)
        {
          g_autoptr(SanIncident) candidate = g_list_model_get_item (incidents, i);

          if (san_incident_is_open (candidate))
            open = g_steal_pointer (&candidate);
        }
      g_assert_cmpstr (ui_label_text (overview, "incident_title_label"), ==,
                       san_incident_get_title (open));
    }
  else
    {
      summary = san_status_summary (fixture->n_open);
      g_assert_cmpstr (ui_label_text (overview, "incident_title_label"), ==, summary);
      g_clear_pointer (&summary, g_free);
    }
  g_assert_cmpstr (ui_label_text (overview, "incident_body_label"), ==, san_status_reassurance ());
  ui_screenshot (window, "overview-incident-banner");

  /* A new incident on one of the contract's servers, raised while the
   * Services section shows: the banner follows live, the bell counts it and
   * a desktop notification says it */
  ui_select_section (window, "services_row");
  unread = san_notification_center_get_unread_count (center (window));
  instance = g_list_model_get_item (san_status_get_instances (fixture->status), 0);
  json = g_strdup_printf ("{\"title\":\"Falha no banco de dados de %s\",\"impact\":\"major\","
                          "\"instances\":[\"%s\"],\"message\":\"Estamos investigando.\"}",
                          san_instance_get_name (instance), san_instance_get_id (instance));
  incident = admin_post (fixture, "/admin/v1/incidents", json, SOUP_STATUS_CREATED);
  incident_id = json_object_get_string_member (incident, "id");

  wait.n = fixture->n_open + 1;
  ui_wait_for (banner_counts, &wait, TIMEOUT, "the banner to count the new incident");
  summary = san_status_summary (fixture->n_open + 1);
  g_assert_cmpstr (ui_label_text (overview, "incident_title_label"), ==, summary);
  wait.kind = SAN_ALERT_KIND_INCIDENT_CREATED;
  wait.target_id = incident_id;
  ui_wait_for (alert_sent, &wait, TIMEOUT, "a desktop notification of the new incident");
  alert = find_sent (fixture, SAN_ALERT_KIND_INCIDENT_CREATED, incident_id);
  g_assert_cmpstr (san_alert_get_contract_id (alert), ==, contract_id);
  g_assert_cmpint (san_alert_get_target (alert), ==, SAN_ALERT_TARGET_STATUS);
  ui_assert_contains (san_alert_get_body (alert),
                      json_object_get_string_member (incident, "title"));
  g_assert_cmpuint (san_notification_center_get_unread_count (center (window)), ==, unread + 1);
  bell = ui_find (root, "bell_button");
  g_assert_true (gtk_widget_get_visible (bell));
  g_assert_true (gtk_widget_get_visible (ui_find (root, "bell_badge")));
  {
    g_autofree char *count = g_strdup_printf ("%u", unread + 1);

    g_assert_cmpstr (ui_label_text (root, "bell_badge"), ==, count);
  }
  /* The new incident is one of the bell's alerts, once */
  {
    GListModel *alerts = san_notification_center_get_alerts (center (window));
    guint found = 0;

    for (guint i = 0; i < g_list_model_get_n_items (alerts); i++)
      {
        g_autoptr(SanAlert) open = g_list_model_get_item (alerts, i);

        found += g_strcmp0 (san_alert_get_target_id (open), incident_id) == 0;
      }
    g_assert_cmpuint (found, ==, 1);
  }

  /* In Tickets too: opening a ticket, the customer learns SAN already
   * knows, and the form stays there for whoever wants one anyway */
  ui_select_section (window, "tickets_row");
  san_tickets_page_new_ticket (SAN_TICKETS_PAGE (ui_find (root, "tickets_page")));
  ui_wait_for (form_banner_counts, &wait, TIMEOUT, "the new-ticket form's incident banner");
  form = ui_find (root, "new_ticket_form");
  g_assert_cmpstr (ui_label_text (form, "incident_title_label"), ==, summary);
  ui_assert_contains (ui_label_text (form, "incident_body_label"), "open a ticket");
  g_assert_true (gtk_widget_get_sensitive (ui_find (form, "subject_row")));
  ui_wait_ms (300);   /* the banner slides in */
  ui_screenshot (window, "tickets-new-incident");
  ui_select_section (window, "services_row");

  /* An invoice paid: in the bell in the app's words, not the server's */
  g_free (json);
  json = g_strdup_printf ("{\"contract_id\":\"%s\",\"kind\":\"invoice_paid\","
                          "\"title\":\"Fatura paga (texto do servidor)\",\"body\":\"Obrigado.\","
                          "\"target\":{\"kind\":\"invoice\",\"id\":\"44\"},"
                          "\"label\":\"2026-000123\"}", contract_id);
  accepted = admin_post (fixture, "/admin/v1/notifications", json, SOUP_STATUS_ACCEPTED);
  g_assert_true (json_object_has_member (accepted, "seq"));
  wait.kind = SAN_ALERT_KIND_INVOICE_PAID;
  wait.target_id = "44";
  ui_wait_for (alert_sent, &wait, TIMEOUT, "a desktop notification of the paid invoice");
  alert = find_item (window, SAN_ALERT_KIND_INVOICE_PAID);
  g_assert_nonnull (alert);
  g_assert_cmpstr (san_alert_get_title (alert), ==, "Payment received");
  ui_assert_contains (san_alert_get_body (alert), "2026-000123");
  g_assert_cmpint (san_alert_get_target (alert), ==, SAN_ALERT_TARGET_INVOICE);
  g_assert_cmpstr (san_alert_get_target_id (alert), ==, "44");
  g_assert_cmpuint (san_notification_center_get_unread_count (center (window)), ==, unread + 2);

  /* The server goes down: said with its name */
  {
    g_autofree char *path = g_strdup_printf ("/admin/v1/instances/%s/state",
                                             san_instance_get_id (instance));
    g_autofree char *title = g_strdup_printf ("%s is down", san_instance_get_name (instance));
    g_autoptr(JsonObject) changed = admin_send (fixture, "PUT", path,
                                                "{\"state\":\"major_outage\"}", SOUP_STATUS_OK);

    wait.kind = SAN_ALERT_KIND_SERVER_DOWN;
    wait.target_id = NULL;
    ui_wait_for (alert_sent, &wait, TIMEOUT, "a desktop notification of the server down");
    g_assert_cmpstr (san_alert_get_title (find_sent (fixture, SAN_ALERT_KIND_SERVER_DOWN, NULL)),
                     ==, title);
  }

  /* The new incident resolved: the banner is back to the demo's, the bell
   * says it and no longer lists it as ongoing */
  {
    g_autofree char *path = g_strdup_printf ("/admin/v1/incidents/%s/updates", incident_id);
    g_autoptr(JsonObject) resolved = admin_post (fixture, path,
                                                 "{\"status\":\"resolved\",\"message\":\"Resolvido.\"}",
                                                 SOUP_STATUS_CREATED);
    GListModel *alerts = san_notification_center_get_alerts (center (window));

    wait.n = fixture->n_open;
    ui_wait_for (banner_counts, &wait, TIMEOUT, "the banner to drop the resolved incident");
    g_assert_cmpuint (san_incident_banner_get_n_incidents (SAN_INCIDENT_BANNER (ui_find (form, "incident_banner"))),
                      ==, fixture->n_open);
    wait.kind = SAN_ALERT_KIND_INCIDENT_RESOLVED;
    wait.target_id = incident_id;
    ui_wait_for (alert_sent, &wait, TIMEOUT, "a desktop notification of the resolution");
    for (guint i = 0; i < g_list_model_get_n_items (alerts); i++)
      {
        g_autoptr(SanAlert) open = g_list_model_get_item (alerts, i);

        g_assert_cmpstr (san_alert_get_target_id (open), !=, incident_id);
      }
  }
  g_assert_cmpuint (san_notification_center_get_unread_count (center (window)), ==, unread + 4);

  /* Opening the bell marks all read; the entries are newest first */
  gtk_menu_button_popup (GTK_MENU_BUTTON (bell));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (bell)));
  ui_wait_ms (200);
  g_assert_cmpuint (san_notification_center_get_unread_count (center (window)), ==, 0);
  g_assert_false (gtk_widget_get_visible (ui_find (root, "bell_badge")));
  g_assert_cmpstr (ui_stack_page (popover, "popover_stack"), ==, "list");
  g_assert_cmpuint (ui_count_rows (ui_find (popover, "items_list")), ==,
                    g_list_model_get_n_items (san_notification_center_get_items (center (window))));
  g_assert_cmpuint (ui_count_rows (ui_find (popover, "alerts_list")), ==,
                    g_list_model_get_n_items (san_notification_center_get_alerts (center (window))));
  {
    g_autoptr(SanAlert) newest = g_list_model_get_item (san_notification_center_get_items (center (window)), 0);

    g_assert_true (newest == find_item (window, SAN_ALERT_KIND_INCIDENT_RESOLVED));
  }
  ui_screenshot_popover (popover, "notifications-bell");

  /* Clicking the incident goes to the Status section */
  alert = find_item (window, SAN_ALERT_KIND_INCIDENT_CREATED);
  g_signal_emit_by_name (ui_find (popover, "items_list"), "row-activated",
                         recent_row (popover, window, alert));
  g_assert_true (adw_view_stack_get_visible_child (ADW_VIEW_STACK (ui_find (root, "content_stack")))
                 == ui_find (root, "status_page"));
  g_assert_false (gtk_widget_get_visible (popover));

  /* Preferences: Run in the background, off by default, kept in GSettings */
  g_assert_false (g_settings_get_boolean (settings, "run-in-background"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = ui_wait_toplevel (SAN_TYPE_PREFERENCES_WINDOW, TIMEOUT);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (ui_find (GTK_WIDGET (preferences),
                                                               "background_switch"))));
  gtk_switch_set_active (GTK_SWITCH (ui_find (GTK_WIDGET (preferences), "background_switch")), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "run-in-background"));
  ui_wait_for (window_drawn, preferences, TIMEOUT, "Preferences to be drawn");
  ui_screenshot (preferences, "preferences");
  gtk_window_close (preferences);
  ui_wait_for (ui_toplevel_is_gone, GSIZE_TO_POINTER (SAN_TYPE_PREFERENCES_WINDOW), TIMEOUT,
               "Preferences to close");

  /* Closing the window now only hides it: the app holds, the stream stays
   * live and an answered ticket still comes as a desktop notification */
  gtk_window_close (window);
  ui_wait_for (window_hidden, window, TIMEOUT, "the window to hide");
  g_assert_true (san_application_get_in_background (app));
  g_assert_true (g_list_find (gtk_application_get_windows (GTK_APPLICATION (app)), window) != NULL);
  g_assert_nonnull (san_window_get_event_stream (app_window (window)));
  g_assert_cmpint (san_event_stream_get_state (san_window_get_event_stream (app_window (window))),
                   !=, SAN_EVENT_STREAM_STOPPED);
  ui_wait_for (stream_connected, window, TIMEOUT, "the stream to stay live in the background");
  g_free (json);
  json = g_strdup_printf ("{\"contract_id\":\"%s\",\"kind\":\"ticket_answered\","
                          "\"title\":\"Chamado respondido\",\"body\":\"Resposta.\","
                          "\"target\":{\"kind\":\"ticket\",\"id\":\"7\"},"
                          "\"label\":\"Site fora do ar\"}", contract_id);
  g_clear_pointer (&accepted, json_object_unref);
  accepted = admin_post (fixture, "/admin/v1/notifications", json, SOUP_STATUS_ACCEPTED);
  wait.kind = SAN_ALERT_KIND_TICKET_ANSWERED;
  wait.target_id = "7";
  ui_wait_for (alert_sent, &wait, TIMEOUT, "a desktop notification while in the background");
  alert = find_sent (fixture, SAN_ALERT_KIND_TICKET_ANSWERED, "7");
  g_assert_cmpstr (san_alert_get_title (alert), ==, "SAN answered your ticket");
  g_assert_cmpstr (san_alert_get_body (alert), ==, "Site fora do ar");
  g_assert_cmpuint (san_notification_center_get_unread_count (center (window)), ==, 1);

  /* Activating the app shows the window again */
  g_application_activate (G_APPLICATION (app));
  g_assert_true (gtk_widget_get_visible (root));
  ui_wait_for (window_drawn, window, TIMEOUT, "the window to show again");
  g_assert_false (san_application_get_in_background (app));

  /* The server goes away: the indicator says so, calmly, with Retry Now */
  ui_select_section (window, "overview_row");
  g_clear_pointer (&fixture->server, san_test_server_stop);
  ui_wait_for (reconnecting_shows, window, TIMEOUT, "the indicator to say it reconnects");
  ui_screenshot (window, "connection-reconnecting");
}

static void
test_alerts (Fixture       *fixture,
             gconstpointer  data)
{
  ui_run_app (san_test_server_get_url (fixture->server), alerts_body, fixture);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/ui/alerts/banner-bell-notifications-background-reconnect", Fixture, NULL,
              fixture_set_up, test_alerts, fixture_tear_down);

  return g_test_run ();
}
