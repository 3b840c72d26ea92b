/* test-status.c: status calls and the event stream against the real
 * san-portald
 *
 * One san-portald (--demo, the admin interface on, a ping each second, a
 * replay buffer of 4 events) serves every case. The client reaches it
 * through a small TCP proxy in this process, so a case can cut the
 * connections (as a network drop would) or refuse new ones (as a server
 * that is down would) while SAN staff's admin calls still reach the server.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "san-api-test.h"
#include "san-test-server.h"

#define DEMO_EMAIL    "demo@example.com"
#define DEMO_PASSWORD "demo-1234"
#define PADARIA       "Padaria Pão Quente Ltda"
#define ADMIN_TOKEN   "admin-token-for-tests-0123456789"
#define WAIT_SECONDS  15

static SanTestServer *server;

/* A TCP proxy to the server: forwards, or refuses (accepts and closes) */

typedef struct
{
  GSocketService *service;
  char           *url;
  char           *host;
  guint16         upstream_port;
  GPtrArray      *sockets;       /* GSocketConnection of both ends */
  GCancellable   *cancellable;
  guint           accepted;
  gboolean        refuse;
} Proxy;

typedef struct
{
  Proxy             *proxy;
  GSocketConnection *downstream;
} Pending;

/* One forwarded connection */
typedef struct
{
  GSocketConnection *down;
  GSocketConnection *up;
  GCancellable      *cancellable;
} Splice;

static void
on_spliced_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Splice *splice = user_data;

  g_io_stream_splice_finish (result, NULL);
  /* One end closed: close the other. Cancelled: cut (both shut down
   * already) or frozen (both left open, silent) */
  if (!g_cancellable_is_cancelled (splice->cancellable))
    {
      g_socket_shutdown (g_socket_connection_get_socket (splice->down), TRUE, TRUE, NULL);
      g_socket_shutdown (g_socket_connection_get_socket (splice->up), TRUE, TRUE, NULL);
    }
  g_object_unref (splice->down);
  g_object_unref (splice->up);
  g_object_unref (splice->cancellable);
  g_free (splice);
}

static void
on_upstream_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Pending *pending = user_data;
  g_autoptr(GSocketConnection) upstream = NULL;
  g_autoptr(GSocketConnection) downstream = pending->downstream;
  Proxy *proxy = pending->proxy;
  Splice *splice;

  g_free (pending);
  upstream = g_socket_client_connect_to_host_finish (G_SOCKET_CLIENT (source), result, NULL);
  if (upstream == NULL)
    return;   /* the proxy is gone, or the server */

  g_ptr_array_add (proxy->sockets, g_object_ref (upstream));
  g_ptr_array_add (proxy->sockets, g_object_ref (downstream));
  splice = g_new0 (Splice, 1);
  splice->down = g_object_ref (downstream);
  splice->up = g_object_ref (upstream);
  splice->cancellable = g_object_ref (proxy->cancellable);
  g_io_stream_splice_async (G_IO_STREAM (downstream), G_IO_STREAM (upstream),
                            G_IO_STREAM_SPLICE_NONE, G_PRIORITY_DEFAULT,
                            splice->cancellable, on_spliced_cb, splice);
}

static gboolean
on_incoming_cb (GSocketService    *service,
                GSocketConnection *connection,
                GObject           *source_object,
                gpointer           user_data)
{
  Proxy *proxy = user_data;
  g_autoptr(GSocketClient) client = NULL;
  Pending *pending;

  proxy->accepted++;
  if (proxy->refuse)
    {
      g_socket_close (g_socket_connection_get_socket (connection), NULL);
      return TRUE;
    }

  client = g_socket_client_new ();
  pending = g_new0 (Pending, 1);
  pending->proxy = proxy;
  pending->downstream = g_object_ref (connection);
  g_socket_client_connect_to_host_async (client, proxy->host, proxy->upstream_port,
                                         proxy->cancellable, on_upstream_cb, pending);
  return TRUE;
}

static Proxy *
proxy_new (const char *upstream_url)
{
  Proxy *proxy = g_new0 (Proxy, 1);
  g_autoptr(GUri) uri = g_uri_parse (upstream_url, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;
  guint16 port;

  g_assert_nonnull (uri);
  proxy->host = g_strdup (g_uri_get_host (uri));
  proxy->upstream_port = (guint16) g_uri_get_port (uri);
  proxy->sockets = g_ptr_array_new_with_free_func (g_object_unref);
  proxy->cancellable = g_cancellable_new ();
  proxy->service = g_socket_service_new ();
  port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (proxy->service), NULL, &error);
  g_assert_no_error (error);
  proxy->url = g_strdup_printf ("http://127.0.0.1:%u", port);
  g_signal_connect (proxy->service, "incoming", G_CALLBACK (on_incoming_cb), proxy);
  g_socket_service_start (proxy->service);
  return proxy;
}

/* Stops forwarding on the open connections but keeps them open: they go
 * silent, like a network that stopped answering */
static void
proxy_freeze (Proxy *proxy)
{
  g_cancellable_cancel (proxy->cancellable);
  g_clear_object (&proxy->cancellable);
  proxy->cancellable = g_cancellable_new ();
}

/* Cuts every forwarded connection, like a network drop */
static void
proxy_drop (Proxy *proxy)
{
  proxy_freeze (proxy);
  for (guint i = 0; i < proxy->sockets->len; i++)
    {
      GSocket *socket = g_socket_connection_get_socket (g_ptr_array_index (proxy->sockets, i));

      g_socket_shutdown (socket, TRUE, TRUE, NULL);
    }
  g_ptr_array_set_size (proxy->sockets, 0);
}

static void
proxy_free (Proxy *proxy)
{
  proxy_drop (proxy);
  g_socket_service_stop (proxy->service);
  g_socket_listener_close (G_SOCKET_LISTENER (proxy->service));
  g_signal_handlers_disconnect_by_data (proxy->service, proxy);
  g_clear_object (&proxy->service);
  g_clear_object (&proxy->cancellable);
  g_ptr_array_unref (proxy->sockets);
  g_free (proxy->host);
  g_free (proxy->url);
  g_free (proxy);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Proxy, proxy_free)

/* Waiting */

static gboolean
on_wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @cond holds; fails the test after WAIT_SECONDS */
#define WAIT_FOR(cond)                                                          \
  G_STMT_START {                                                                \
    gint64 deadline_ = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC; \
    guint wake_ = g_timeout_add (20, on_wake_cb, NULL);                         \
                                                                                \
    while (!(cond))                                                             \
      {                                                                         \
        if (g_get_monotonic_time () > deadline_)                                \
          g_error ("timed out waiting for %s", #cond);                          \
        g_main_context_iteration (NULL, TRUE);                                  \
      }                                                                         \
    g_source_remove (wake_);                                                    \
  } G_STMT_END

/* The admin interface (SAN staff), straight to the server */

static JsonObject *
admin (const char *method,
       const char *path,
       const char *body,
       guint       expected_status)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *uri = g_strconcat (san_test_server_get_url (server), path, NULL);
  g_autoptr(SoupMessage) message = soup_message_new (method, uri);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  soup_message_headers_replace (soup_message_get_request_headers (message),
                                "Authorization", "Bearer " ADMIN_TOKEN);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (message, "application/json", bytes);
    }
  answer = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, expected_status);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (answer, NULL),
                                             (gssize) g_bytes_get_size (answer), NULL));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* Sends a notification to @contract_id labelled @label; returns its seq */
static gint64
admin_notify (const char *contract_id,
              const char *label)
{
  g_autofree char *body = g_strdup_printf ("{\"contract_id\":\"%s\",\"kind\":\"invoice_paid\","
                                           "\"title\":\"Fatura paga\",\"body\":\"Recebemos o pagamento.\","
                                           "\"target\":{\"kind\":\"invoice\",\"id\":\"1\"},\"label\":\"%s\"}",
                                           contract_id, label);
  g_autoptr(JsonObject) answer = admin ("POST", "/admin/v1/notifications", body, 202);

  return json_object_get_int_member (answer, "seq");
}

/* A case's client (through its proxy), signed in, and its stream */

typedef struct
{
  guint wait;    /* seconds, as set after a failure */
  guint tries;   /* connections the proxy turned away by then */
} Wait;


typedef struct
{
  Proxy          *proxy;
  SanClient      *client;
  SanEventStream *stream;
  char           *contract_id;
  GPtrArray      *events;        /* SanEvent other than metrics, in arrival order */
  guint           metrics;
  guint           resyncs;
  gint64          seen_seq;      /* the highest seq passed on */
  gboolean        out_of_order;  /* an event passed on twice or after a newer one */
  GArray         *waits;         /* Wait */
  guint           retry_in;
  guint           state_changes;
} Fixture;

static void
on_stream_event_cb (SanEventStream *stream,
                    SanEvent       *event,
                    Fixture        *f)
{
  if (san_event_get_seq (event) <= f->seen_seq)
    f->out_of_order = TRUE;
  f->seen_seq = san_event_get_seq (event);
  if (san_event_get_event_type (event) == SAN_EVENT_TYPE_METRICS)
    f->metrics++;
  else
    g_ptr_array_add (f->events, g_object_ref (event));
}

static void
on_stream_state_notify_cb (SanEventStream *stream,
                           GParamSpec     *pspec,
                           Fixture        *f)
{
  f->state_changes++;
}

static void
on_stream_resync_cb (SanEventStream *stream,
                     Fixture        *f)
{
  f->resyncs++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->proxy = proxy_new (san_test_server_get_url (server));
  f->client = test_client_new (f->proxy->url, NULL);
  test_client_login (f->client, DEMO_EMAIL, DEMO_PASSWORD);
  f->contract_id = test_client_contract_id (f->client, PADARIA);
  f->events = g_ptr_array_new_with_free_func (g_object_unref);
  f->waits = g_array_new (FALSE, FALSE, sizeof (Wait));
  f->stream = san_event_stream_new (f->client);
  san_event_stream_set_backoff (f->stream, 50, 200);
  g_signal_connect (f->stream, "event", G_CALLBACK (on_stream_event_cb), f);
  g_signal_connect (f->stream, "resync", G_CALLBACK (on_stream_resync_cb), f);
  g_signal_connect (f->stream, "notify::state", G_CALLBACK (on_stream_state_notify_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_false (f->out_of_order);
  g_assert_finalize_object (f->stream);
  /* The stream's cancelled work lets go of the client once it unwinds */
  WAIT_FOR (G_OBJECT (f->client)->ref_count == 1);
  g_assert_finalize_object (f->client);
  g_clear_pointer (&f->proxy, proxy_free);
  g_clear_pointer (&f->events, g_ptr_array_unref);
  g_clear_pointer (&f->waits, g_array_unref);
  g_clear_pointer (&f->contract_id, g_free);
}

static void
start_connected (Fixture *f)
{
  san_event_stream_start (f->stream);
  g_assert_cmpint (san_event_stream_get_state (f->stream), ==, SAN_EVENT_STREAM_CONNECTING);
  WAIT_FOR (san_event_stream_get_state (f->stream) == SAN_EVENT_STREAM_CONNECTED);
  g_assert_cmpint (san_event_stream_get_last_seq (f->stream), >, 0);
}

/* The labels of the notifications received, joined by "," */
static char *
notification_labels (Fixture *f)
{
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  for (guint i = 0; i < f->events->len; i++)
    {
      SanEvent *event = g_ptr_array_index (f->events, i);

      if (san_event_get_event_type (event) == SAN_EVENT_TYPE_NOTIFICATION)
        g_strv_builder_add (labels, san_notification_get_label (san_event_get_notification (event)));
    }
  strv = g_strv_builder_end (labels);
  return g_strjoinv (",", strv);
}

/* Cases */

static SanStatus *
get_contract_status (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  SanStatus *status;

  RUN (san_client_get_contract_status_async (f->client, f->contract_id, NULL, waiter_cb, &waiter));
  status = san_client_get_contract_status_finish (f->client, result, &error);
  g_assert_no_error (error);
  return status;
}

static void
test_contract_status_loads (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(SanStatus) status = get_contract_status (f);
  g_autoptr(SanStatus) public_status = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *servers = san_status_get_servers (status);
  gboolean running_with_history = FALSE;
  guint n_instances;

  g_assert_cmpint (san_status_get_seq (status), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (servers), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (servers); i++)
    {
      g_autoptr(SanServerMetrics) server_metrics = g_list_model_get_item (servers, i);

      if (san_server_metrics_get_running (server_metrics))
        {
          running_with_history = TRUE;
          g_assert_cmpuint (san_server_metrics_get_history (server_metrics)->len, >, 0);
          g_assert_nonnull (san_server_metrics_get_latest (server_metrics));
        }
      else
        g_assert_cmpuint (san_server_metrics_get_history (server_metrics)->len, ==, 0);
    }
  g_assert_true (running_with_history);

  n_instances = g_list_model_get_n_items (san_status_get_instances (status));
  g_assert_cmpuint (n_instances, >, 0);
  for (guint i = 0; i < n_instances; i++)
    {
      g_autoptr(SanInstance) instance = g_list_model_get_item (san_status_get_instances (status), i);

      g_assert_cmpint (san_instance_get_state (instance), !=, SAN_INSTANCE_STATE_UNKNOWN);
      g_assert_nonnull (san_instance_get_service_ids (instance)[0]);
    }

  /* The public one: every instance, no servers */
  {
    RUN (san_client_get_status_async (f->client, NULL, waiter_cb, &waiter));
    public_status = san_client_get_status_finish (f->client, result, &error);
  }
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (san_status_get_instances (public_status)), >=, n_instances);
  g_assert_cmpuint (g_list_model_get_n_items (san_status_get_servers (public_status)), ==, 0);
}

static gboolean
has_event (Fixture      *f,
           SanEventType  type,
           const char   *incident_id)
{
  for (guint i = 0; i < f->events->len; i++)
    {
      SanEvent *event = g_ptr_array_index (f->events, i);

      if (san_event_get_event_type (event) == type &&
          (incident_id == NULL ||
           g_strcmp0 (san_incident_get_id (san_event_get_incident (event)), incident_id) == 0))
        return TRUE;
    }
  return FALSE;
}

static void
test_stream_delivers (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SanStatus) status = get_contract_status (f);
  g_autoptr(SanInstance) instance = g_list_model_get_item (san_status_get_instances (status), 0);
  g_autofree char *body = NULL;
  g_autofree char *path = NULL;
  g_autoptr(JsonObject) incident = NULL;
  g_autoptr(JsonObject) updated = NULL;
  g_autoptr(JsonObject) resolved = NULL;
  g_autoptr(JsonObject) state_answer = NULL;
  g_autofree char *labels = NULL;
  g_autofree char *state_path = NULL;
  g_autofree char *state_body = NULL;
  const char *new_state;
  const char *incident_id;
  guint n_states = 0;

  start_connected (f);

  body = g_strdup_printf ("{\"title\":\"Lentidão no envio de e-mails\",\"impact\":\"minor\","
                          "\"instances\":[\"%s\"],\"message\":\"Investigando.\"}",
                          san_instance_get_id (instance));
  incident = admin ("POST", "/admin/v1/incidents", body, 201);
  incident_id = json_object_get_string_member (incident, "id");
  WAIT_FOR (has_event (f, SAN_EVENT_TYPE_INCIDENT_CREATED, incident_id));

  path = g_strdup_printf ("/admin/v1/incidents/%s/updates", incident_id);
  updated = admin ("POST", path, "{\"status\":\"identified\",\"message\":\"Achamos a causa.\"}", 201);
  WAIT_FOR (has_event (f, SAN_EVENT_TYPE_INCIDENT_UPDATED, incident_id));
  resolved = admin ("POST", path, "{\"status\":\"resolved\",\"message\":\"Resolvido.\"}", 201);
  WAIT_FOR (has_event (f, SAN_EVENT_TYPE_INCIDENT_RESOLVED, incident_id));

  /* The instance's state changes, and back */
  state_path = g_strdup_printf ("/admin/v1/instances/%s/state", san_instance_get_id (instance));
  new_state = san_instance_get_state (instance) == SAN_INSTANCE_STATE_MAJOR_OUTAGE ? "degraded" : "major_outage";
  state_body = g_strdup_printf ("{\"state\":\"%s\"}", new_state);
  g_clear_pointer (&state_answer, json_object_unref);
  state_answer = admin ("PUT", state_path, state_body, 200);
  WAIT_FOR (has_event (f, SAN_EVENT_TYPE_INSTANCE_STATE, NULL));
  g_clear_pointer (&state_body, g_free);
  state_body = g_strdup_printf ("{\"state\":\"%s\"}", san_instance_state_to_wire (san_instance_get_state (instance)));
  g_clear_pointer (&state_answer, json_object_unref);
  state_answer = admin ("PUT", state_path, state_body, 200);

  admin_notify (f->contract_id, "2026-000123");
  WAIT_FOR (has_event (f, SAN_EVENT_TYPE_NOTIFICATION, NULL));

  for (guint i = 0; i < f->events->len; i++)
    {
      SanEvent *event = g_ptr_array_index (f->events, i);

      g_assert_cmpstr (san_event_get_contract_id (event), ==, f->contract_id);
      if (san_event_get_event_type (event) == SAN_EVENT_TYPE_INSTANCE_STATE && n_states++ == 0)
        {
          SanInstance *changed = san_event_get_instance (event);

          g_assert_cmpstr (san_instance_get_id (changed), ==, san_instance_get_id (instance));
          g_assert_cmpstr (san_instance_state_to_wire (san_instance_get_state (changed)), ==, new_state);
          g_assert_cmpint (san_event_get_previous_state (event), ==, san_instance_get_state (instance));
        }
      if (san_event_get_event_type (event) == SAN_EVENT_TYPE_INCIDENT_CREATED)
        {
          g_assert_true (san_incident_affects (san_event_get_incident (event), san_instance_get_id (instance)));
          g_assert_true (san_incident_is_open (san_event_get_incident (event)));
        }
    }
  labels = notification_labels (f);
  g_assert_cmpstr (labels, ==, "2026-000123");
  g_assert_cmpint (san_event_stream_get_last_seq (f->stream), ==, f->seen_seq);
  /* Padaria's running servers report each second */
  WAIT_FOR (f->metrics > 0);

  /* Signing out stops it */
  g_assert_true (test_client_logout (f->client, NULL));
  g_assert_cmpint (san_event_stream_get_state (f->stream), ==, SAN_EVENT_STREAM_STOPPED);
}

static void
test_resume_no_gap_no_duplicate (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *labels = NULL;
  gint64 seq2, seq3;

  start_connected (f);
  admin_notify (f->contract_id, "n1");
  WAIT_FOR (f->events->len == 1);

  /* The network drops, and the server cannot be reached for a while */
  f->proxy->refuse = TRUE;
  proxy_drop (f->proxy);
  WAIT_FOR (san_event_stream_get_state (f->stream) == SAN_EVENT_STREAM_RECONNECTING);

  /* Meanwhile two more (within the buffer of 4) */
  seq2 = admin_notify (f->contract_id, "n2");
  seq3 = admin_notify (f->contract_id, "n3");
  g_assert_cmpint (seq2, <, seq3);
  f->proxy->refuse = FALSE;

  WAIT_FOR (f->events->len == 3);
  g_assert_cmpint (san_event_stream_get_state (f->stream), ==, SAN_EVENT_STREAM_CONNECTED);
  labels = notification_labels (f);
  g_assert_cmpstr (labels, ==, "n1,n2,n3");
  g_assert_cmpint (san_event_get_seq (g_ptr_array_index (f->events, 1)), ==, seq2);
  g_assert_cmpint (san_event_get_seq (g_ptr_array_index (f->events, 2)), ==, seq3);
  g_assert_cmpuint (f->resyncs, ==, 0);
  g_assert_cmpint (san_event_stream_get_last_seq (f->stream), >=, seq3);
}

static void
test_resync_after_buffer_exceeded (Fixture       *f,
                                   gconstpointer  data)
{
  gint64 last = 0;

  start_connected (f);
  f->proxy->refuse = TRUE;
  proxy_drop (f->proxy);
  WAIT_FOR (san_event_stream_get_state (f->stream) == SAN_EVENT_STREAM_RECONNECTING);

  /* More than the server keeps (4) */
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *label = g_strdup_printf ("lost-%u", i);

      last = admin_notify (f->contract_id, label);
    }
  f->proxy->refuse = FALSE;

  WAIT_FOR (f->resyncs == 1);
  g_assert_cmpint (san_event_stream_get_last_seq (f->stream), >=, last);
  /* What was lost is not passed on piecemeal: the views reload instead */
  g_assert_cmpuint (f->events->len, ==, 0);

  /* And it carries on */
  WAIT_FOR (san_event_stream_get_state (f->stream) == SAN_EVENT_STREAM_CONNECTED);
  admin_notify (f->contract_id, "after");
  WAIT_FOR (f->events->len == 1);
}

static void
test_silent_connection_replaced (Fixture       *f,
                                 gconstpointer  data)
{
  gint64 frozen_at;
  gint64 noticed_after;
  guint changes;

  start_connected (f);
  /* Alive across a few ping intervals (1 s) with nothing to say: the
   * pongs to its pings keep it */
  changes = f->state_changes;
  test_sleep_ms (3000);
  g_assert_cmpuint (f->state_changes, ==, changes);
  g_assert_cmpint (san_event_stream_get_state (f->stream), ==, SAN_EVENT_STREAM_CONNECTED);

  /* Then nothing comes through any more, not even pongs */
  proxy_freeze (f->proxy);
  frozen_at = g_get_monotonic_time ();
  WAIT_FOR (san_event_stream_get_state (f->stream) == SAN_EVENT_STREAM_RECONNECTING);
  noticed_after = (g_get_monotonic_time () - frozen_at) / 1000;
  /* 2.5 ping intervals, checked each quarter interval */
  g_test_message ("noticed after %" G_GINT64_FORMAT " ms", noticed_after);
  g_assert_cmpint (noticed_after, >=, 1500);
  g_assert_cmpint (noticed_after, <=, 4000);

  WAIT_FOR (san_event_stream_get_state (f->stream) == SAN_EVENT_STREAM_CONNECTED);
  admin_notify (f->contract_id, "still-here");
  WAIT_FOR (f->events->len == 1);
}

static void
on_retry_in_notify_cb (SanEventStream *stream,
                       GParamSpec     *pspec,
                       Fixture        *f)
{
  guint retry_in = san_event_stream_get_retry_in (stream);

  /* A new wait (from 0), not the countdown */
  if (f->retry_in == 0 && retry_in > 0)
    {
      Wait wait = { retry_in, f->proxy->accepted };

      g_array_append_val (f->waits, wait);
    }
  f->retry_in = retry_in;
}

static void
test_backoff_grows_with_jitter (Fixture       *f,
                                gconstpointer  data)
{
  guint high = 0;
  gboolean varied = FALSE;

  /* The server is down: every try is turned away at once */
  f->proxy->refuse = TRUE;
  proxy_drop (f->proxy);
  f->proxy->accepted = 0;
  san_event_stream_set_backoff (f->stream, 1000, 30000);
  g_signal_connect (f->stream, "notify::retry-in", G_CALLBACK (on_retry_in_notify_cb), f);

  san_event_stream_start (f->stream);
  while (f->waits->len < 12)
    {
      guint before = f->waits->len;

      WAIT_FOR (f->waits->len > before);
      g_assert_cmpint (san_event_stream_get_state (f->stream), ==, SAN_EVENT_STREAM_RECONNECTING);
      /* No need to wait it out */
      san_event_stream_retry_now (f->stream);
    }

  for (guint i = 0; i < f->waits->len; i++)
    {
      Wait *wait = &g_array_index (f->waits, Wait, i);
      /* min * 2^(tries - 1), at most max, in whole seconds */
      guint cap = wait->tries >= 6 ? 30 : MIN (30u, 1u << (wait->tries - 1));

      g_test_message ("try %u: wait %u s (at most %u s)", wait->tries, wait->wait, cap);
      g_assert_cmpuint (wait->tries, >=, i + 1);
      g_assert_cmpuint (wait->wait, <=, cap);
      high = MAX (high, wait->wait);
      if (i > 0 && wait->wait != g_array_index (f->waits, Wait, i - 1).wait)
        varied = TRUE;
    }
  /* It grows past the first waits' bound, and is not one fixed number */
  g_assert_cmpuint (high, >, 2);
  g_assert_true (varied);

  san_event_stream_stop (f->stream);
  g_assert_cmpint (san_event_stream_get_state (f->stream), ==, SAN_EVENT_STREAM_STOPPED);
  g_assert_cmpuint (san_event_stream_get_retry_in (f->stream), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  const char * const args[] = { "--admin-token", ADMIN_TOKEN, "--event-ping", "1",
                                "--event-buffer", "4", "--metrics-interval", "1000", NULL };
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/status/contract/servers-with-history", Fixture, NULL,
              fixture_set_up, test_contract_status_loads, fixture_tear_down);
  g_test_add ("/events/stream/delivers-incidents-and-notifications", Fixture, NULL,
              fixture_set_up, test_stream_delivers, fixture_tear_down);
  g_test_add ("/events/resume/no-gap-no-duplicate", Fixture, NULL,
              fixture_set_up, test_resume_no_gap_no_duplicate, fixture_tear_down);
  g_test_add ("/events/resync/after-buffer-exceeded", Fixture, NULL,
              fixture_set_up, test_resync_after_buffer_exceeded, fixture_tear_down);
  g_test_add ("/events/liveness/silent-connection-replaced", Fixture, NULL,
              fixture_set_up, test_silent_connection_replaced, fixture_tear_down);
  g_test_add ("/events/backoff/grows-with-full-jitter", Fixture, NULL,
              fixture_set_up, test_backoff_grows_with_jitter, fixture_tear_down);

  server = san_test_server_start (TRUE, args);
  status = g_test_run ();
  san_test_server_stop (server);
  return status;
}
