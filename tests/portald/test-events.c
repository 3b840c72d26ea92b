/* test-events.c: the live event stream (WebSocket /api/v1/events) against
 * the real server
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One server (--event-buffer 8, --event-queue 200, default pings, demo
 * metrics every 20 ms) serves every case but the liveness one, which starts its own with --event-ping 1.
 * Events are made with the admin interface (POST /admin/v1/notifications:
 * one durable event each). Clients are SoupSession WebSockets, except the
 * slow and the dead one: raw sockets that do the upgrade by hand and then
 * never read.
 */
#include "config.h"

#include <string.h>

#include "san-test-server.h"
#include "portald-test-util.h"

#define ADMIN_TOKEN "events-admin-token-0123456789"
#define BUFFER_SIZE 8
#define WAIT_S 10
/* Notifications of about 4.5 KiB: the kernel holds some 60 of them for a
 * client that does not read (the server's send buffer is 256 KiB, the
 * client's receive buffer the default), then QUEUE_SIZE more wait in the
 * server. So N_FILL_EVENTS fill the socket without overflowing the queue,
 * N_SLOW_EVENTS overflow it. */
#define BODY_SIZE 4500
#define QUEUE_SIZE 200
#define N_FILL_EVENTS 150
#define N_SLOW_EVENTS 400

static SanTestServer *server;
static SoupSession *session;      /* blocking requests */
static SoupSession *ws_session;   /* WebSockets and asynchronous requests */
static char *demo_token;
static char *viewer_token;
static char *other_token;
static char *padaria_cid;
static char *oficina_cid;
static char *mendes_cid;

#define URL (san_test_server_get_url (server))

/* Waiting */

typedef gboolean (*Condition) (gpointer data);

static gboolean
on_deadline_cb (gpointer user_data)
{
  gboolean *expired = user_data;

  *expired = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main context until @condition holds; fails the test after @timeout_ms */
static void
wait_for (Condition  condition,
          gpointer   data,
          guint      timeout_ms)
{
  gboolean expired = FALSE;
  guint id = g_timeout_add (timeout_ms, on_deadline_cb, &expired);

  while (!condition (data) && !expired)
    g_main_context_iteration (NULL, TRUE);
  if (expired)
    g_assert_true (condition (data));
  else
    g_source_remove (id);
}

/* Admin calls */

/* A notification on @cid needing @permission; returns its seq */
static gint64
notify_on (const char *base_url,
           const char *cid,
           const char *permission,
           const char *title)
{
  g_autofree char *body =
    g_strdup_printf ("{\"contract_id\": \"%s\", \"kind\": \"maintenance_notice\", \"title\": \"%s\","
                     " \"body\": \"Corpo\", \"permission\": \"%s\"}", cid, title, permission);
  g_autoptr(Reply) reply = http_request (session, base_url, "POST", "/admin/v1/notifications",
                                         ADMIN_TOKEN, body);

  g_assert_cmpuint (reply->status, ==, 202);
  return member_int (reply_object (reply), "seq");
}

static gint64
notify (const char *cid,
        const char *permission)
{
  return notify_on (URL, cid, permission, "Aviso");
}

/* GET /admin/v1/events: @name ("seq", "clients", "buffered") */
static gint64
hub_state (const char *base_url,
           const char *name)
{
  g_autoptr(Reply) reply = http_request (session, base_url, "GET", "/admin/v1/events",
                                         ADMIN_TOKEN, NULL);

  g_assert_cmpuint (reply->status, ==, 200);
  return member_int (reply_object (reply), name);
}

/* A WebSocket client */

typedef struct
{
  SoupWebsocketConnection *conn;
  GPtrArray               *events;     /* JsonObject, all but metrics */
  GPtrArray               *metrics;    /* JsonObject */
  GError                  *error;
  guint                    status;     /* of the upgrade */
  gboolean                 connected;  /* or failed */
  gboolean                 closed;
  gushort                  close_code;
  gint64                   wanted_seq;
} Ws;

static void
on_ws_message_cb (SoupWebsocketConnection *conn,
                  gint                     type,
                  GBytes                  *message,
                  gpointer                 user_data)
{
  Ws *ws = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  gsize length;
  const char *data = g_bytes_get_data (message, &length);
  g_autofree char *text = g_strndup (data, length);

  g_assert_cmpint (type, ==, SOUP_WEBSOCKET_DATA_TEXT);
  node = json_from_string (text, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  /* live samples of the demo's servers come and go: kept apart */
  if (g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (node), "type", NULL),
                 "metrics") == 0)
    g_ptr_array_add (ws->metrics, json_object_ref (json_node_get_object (node)));
  else
    g_ptr_array_add (ws->events, json_object_ref (json_node_get_object (node)));
}

static void
on_ws_closed_cb (SoupWebsocketConnection *conn,
                 gpointer                 user_data)
{
  Ws *ws = user_data;

  ws->closed = TRUE;
  ws->close_code = soup_websocket_connection_get_close_code (conn);
}

static void
on_ws_connected_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Ws *ws = user_data;

  ws->conn = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, &ws->error);
  if (ws->conn != NULL)
    {
      g_signal_connect (ws->conn, "message", G_CALLBACK (on_ws_message_cb), ws);
      g_signal_connect (ws->conn, "closed", G_CALLBACK (on_ws_closed_cb), ws);
    }
  ws->connected = TRUE;
}

static gboolean
ws_connected (gpointer data)
{
  return ((Ws *) data)->connected;
}

/* Connects (or fails to: ws->error, ws->status) to @base_url's stream */
static Ws *
ws_try_open (const char *base_url,
             const char *token,
             const char *since)
{
  g_autofree char *url = since != NULL ? g_strdup_printf ("%s/api/v1/events?since=%s", base_url, since)
                                       : g_strdup_printf ("%s/api/v1/events", base_url);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  Ws *ws = g_new0 (Ws, 1);

  ws->events = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  ws->metrics = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  if (token != NULL)
    {
      g_autofree char *bearer = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", bearer);
    }
  soup_session_websocket_connect_async (ws_session, msg, NULL, NULL, G_PRIORITY_DEFAULT, NULL,
                                        on_ws_connected_cb, ws);
  wait_for (ws_connected, ws, WAIT_S * 1000);
  ws->status = soup_message_get_status (msg);
  return ws;
}

static Ws *
ws_open_on (const char *base_url,
            const char *token,
            const char *since)
{
  Ws *ws = ws_try_open (base_url, token, since);

  g_assert_no_error (ws->error);
  g_assert_nonnull (ws->conn);
  return ws;
}

static Ws *
ws_open (const char *token,
         const char *since)
{
  return ws_open_on (URL, token, since);
}

static gboolean
ws_closed (gpointer data)
{
  return ((Ws *) data)->closed;
}

static void
ws_free (Ws *ws)
{
  if (ws->conn != NULL)
    {
      if (!ws->closed)
        {
          soup_websocket_connection_close (ws->conn, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
          wait_for (ws_closed, ws, WAIT_S * 1000);
        }
      g_signal_handlers_disconnect_by_data (ws->conn, ws);
      g_object_unref (ws->conn);
    }
  g_clear_error (&ws->error);
  g_ptr_array_unref (ws->events);
  g_ptr_array_unref (ws->metrics);
  g_free (ws);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Ws, ws_free)

static gint64
event_seq (JsonObject *event)
{
  return member_int (event, "seq");
}

static gboolean
ws_has_seq (gpointer data)
{
  Ws *ws = data;

  for (guint i = 0; i < ws->events->len; i++)
    if (event_seq (g_ptr_array_index (ws->events, i)) == ws->wanted_seq)
      return TRUE;
  return FALSE;
}

/* Waits for the event @seq */
static void
ws_wait_seq (Ws     *ws,
             gint64  seq)
{
  ws->wanted_seq = seq;
  wait_for (ws_has_seq, ws, WAIT_S * 1000);
}

static gboolean
ws_has_events (gpointer data)
{
  Ws *ws = data;

  return ws->events->len >= (guint) ws->wanted_seq;
}

/* Waits for @n messages in all */
static void
ws_wait_n (Ws    *ws,
           guint  n)
{
  ws->wanted_seq = n;
  wait_for (ws_has_events, ws, WAIT_S * 1000);
}

static JsonObject *
ws_event (Ws    *ws,
          guint  index)
{
  g_assert_cmpuint (index, <, ws->events->len);
  return g_ptr_array_index (ws->events, index);
}

/* Asserts the messages after the first (hello) are exactly the events @seqs */
static void
assert_events_are (Ws           *ws,
                   const gint64 *seqs,
                   guint         n_seqs)
{
  g_assert_cmpuint (ws->events->len, ==, n_seqs + 1);
  g_assert_cmpstr (member_str (ws_event (ws, 0), "type"), ==, "hello");
  for (guint i = 0; i < n_seqs; i++)
    g_assert_cmpint (event_seq (ws_event (ws, i + 1)), ==, seqs[i]);
}

/* A raw client: the upgrade by hand, then nothing read unless asked */

static GSocketConnection *
raw_open (const char *base_url,
          const char *token)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) uri = g_uri_parse (base_url, G_URI_FLAGS_NONE, &error);
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GString) response = g_string_new (NULL);
  g_autofree char *request = NULL;
  GSocketConnection *connection;
  GInputStream *input;

  g_assert_no_error (error);
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  address = g_inet_socket_address_new_from_string ("127.0.0.1", g_uri_get_port (uri));
  g_assert_true (g_socket_connect (socket, address, NULL, &error));
  connection = g_socket_connection_factory_create_connection (socket);

  request = g_strdup_printf ("GET /api/v1/events HTTP/1.1\r\n"
                             "Host: 127.0.0.1:%d\r\n"
                             "Upgrade: websocket\r\n"
                             "Connection: Upgrade\r\n"
                             "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                             "Sec-WebSocket-Version: 13\r\n"
                             "Authorization: Bearer %s\r\n"
                             "\r\n", g_uri_get_port (uri), token);
  g_assert_true (g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)),
                                            request, strlen (request), NULL, NULL, &error));
  g_assert_no_error (error);

  /* the response head, byte by byte: the frames after it stay unread */
  input = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  while (!g_str_has_suffix (response->str, "\r\n\r\n"))
    {
      char c;

      g_assert_cmpint (g_input_stream_read (input, &c, 1, NULL, &error), ==, 1);
      g_string_append_c (response, c);
    }
  g_assert_true (g_str_has_prefix (response->str, "HTTP/1.1 101"));
  return connection;
}

/* The next text frame's JSON (control frames skipped); NULL at a close
 * frame or the end */
static JsonObject *
raw_read_event (GSocketConnection *connection)
{
  GInputStream *input = g_io_stream_get_input_stream (G_IO_STREAM (connection));

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *payload = NULL;
      guint8 head[2];
      guint8 extended[8];
      guint64 length;
      gsize n;

      if (!g_input_stream_read_all (input, head, 2, &n, NULL, &error) || n < 2)
        return NULL;
      g_assert_cmpint (head[1] & 0x80, ==, 0);   /* a server never masks */
      length = head[1] & 0x7f;
      if (length == 126 || length == 127)
        {
          gsize size = length == 126 ? 2 : 8;

          g_assert_true (g_input_stream_read_all (input, extended, size, &n, NULL, &error));
          length = 0;
          for (gsize i = 0; i < size; i++)
            length = (length << 8) | extended[i];
        }
      g_assert_cmpuint (length, <, 1024 * 1024);
      payload = g_malloc0 (length + 1);
      g_assert_true (g_input_stream_read_all (input, payload, length, &n, NULL, &error));
      g_assert_cmpuint (n, ==, length);

      if ((head[0] & 0x0f) == 0x8)
        return NULL;
      if ((head[0] & 0x0f) != 0x1)
        continue;
      node = json_from_string (payload, &error);
      g_assert_no_error (error);
      return json_object_ref (json_node_get_object (node));
    }
}

/* Cases */

static gboolean
on_pause_over_cb (gpointer user_data)
{
  gboolean *over = user_data;

  *over = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main context for @ms */
static void
run_for (guint ms)
{
  gboolean over = FALSE;

  g_timeout_add (ms, on_pause_over_cb, &over);
  while (!over)
    g_main_context_iteration (NULL, TRUE);
}

/* Polls GET /admin/v1/events until it counts @clients; fails after @timeout_ms */
static void
wait_for_clients (const char *base_url,
                  gint64      clients,
                  guint       timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + timeout_ms * (gint64) 1000;

  while (hub_state (base_url, "clients") != clients)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      run_for (50);
    }
}

static void
test_refused_before_upgrade (void)
{
  const char *upgrade[] = { "Upgrade", "websocket", "Connection", "Upgrade",
                            "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==",
                            "Sec-WebSocket-Version", "13", NULL };
  g_autoptr(Reply) missing = http_request_full (session, URL, "GET", "/api/v1/events", NULL, NULL, upgrade);
  g_autoptr(Reply) bad = http_request_full (session, URL, "GET", "/api/v1/events", "not-a-token", NULL, upgrade);
  g_autoptr(Reply) since = http_request_full (session, URL, "GET", "/api/v1/events?since=-5", demo_token, NULL, upgrade);
  g_autoptr(Reply) post = http_request (session, URL, "POST", "/api/v1/events", demo_token, "{}");
  g_autoptr(Reply) plain = http_request (session, URL, "GET", "/api/v1/events", demo_token, NULL);
  g_autoptr(Reply) plain_anonymous = http_request (session, URL, "GET", "/api/v1/events", NULL, NULL);
  g_autoptr(Ws) ws = ws_try_open (URL, "not-a-token", NULL);

  assert_problem (missing, 401, "unauthenticated");
  assert_problem (bad, 401, "invalid_token");
  assert_problem (since, 400, "validation_failed");
  g_assert_true (problem_has_field (since, "since", "invalid"));
  assert_problem (post, 405, "method_not_allowed");
  g_assert_cmpstr (reply_header (post, "Allow"), ==, "GET");
  /* a plain GET, signed in: not a bare 400 but what to do instead */
  assert_problem (plain, 426, "upgrade_required");
  g_assert_cmpstr (reply_header (plain, "Upgrade"), ==, "websocket");
  assert_problem (plain_anonymous, 401, "unauthenticated");

  /* a real WebSocket client: the handshake fails with the 401 */
  g_assert_null (ws->conn);
  g_assert_nonnull (ws->error);
  g_assert_cmpuint (ws->status, ==, 401);
  g_assert_cmpint (hub_state (URL, "clients"), ==, 0);
}

static void
test_hello_first (void)
{
  gint64 seq;
  g_autoptr(Ws) ws = NULL;
  JsonObject *hello;
  const char *time;

  notify (padaria_cid, "services");
  seq = hub_state (URL, "seq");
  ws = ws_open (demo_token, NULL);
  ws_wait_n (ws, 1);

  /* the newest when it was sent (metrics samples take seqs all the time) */
  hello = ws_event (ws, 0);
  g_assert_cmpstr (member_str (hello, "type"), ==, "hello");
  g_assert_cmpint (event_seq (hello), >=, seq);
  g_assert_cmpint (event_seq (hello), <=, hub_state (URL, "seq"));
  g_assert_null (member_str (hello, "contract_id"));
  g_assert_cmpint (member_int (hello, "ping_interval_s"), ==, 20);
  time = member_str (hello, "time");
  g_assert_true (g_str_has_suffix (time, "Z"));
  g_assert_cmpuint (strlen (time), ==, strlen ("2026-12-02T21:46:23.123Z"));
  wait_for_clients (URL, 1, WAIT_S * 1000);
}

static void
test_order (void)
{
  g_autoptr(Ws) ws = ws_open (demo_token, NULL);
  gint64 seqs[20];

  for (guint i = 0; i < G_N_ELEMENTS (seqs); i++)
    {
      seqs[i] = notify (padaria_cid, "services");
      if (i > 0)
        g_assert_cmpint (seqs[i], >, seqs[i - 1]);
    }
  ws_wait_seq (ws, seqs[G_N_ELEMENTS (seqs) - 1]);

  assert_events_are (ws, seqs, G_N_ELEMENTS (seqs));
  for (guint i = 1; i < ws->events->len; i++)
    {
      JsonObject *event = ws_event (ws, i);
      JsonObject *notification = json_object_get_object_member (event, "notification");

      g_assert_cmpstr (member_str (event, "type"), ==, "notification");
      g_assert_cmpstr (member_str (event, "contract_id"), ==, padaria_cid);
      g_assert_nonnull (notification);
      g_assert_cmpstr (member_str (notification, "kind"), ==, "maintenance_notice");
    }
}

static void
test_resume (void)
{
  g_autoptr(Ws) first = ws_open (demo_token, NULL);
  g_autoptr(Ws) again = NULL;
  g_autofree char *since = NULL;
  gint64 missed[4];

  for (guint i = 0; i < 3; i++)
    ws_wait_seq (first, notify (padaria_cid, "services"));
  since = g_strdup_printf ("%" G_GINT64_FORMAT, event_seq (ws_event (first, first->events->len - 1)));
  g_clear_pointer (&first, ws_free);

  /* missed while away (the buffer holds 8) */
  for (guint i = 0; i < 3; i++)
    missed[i] = notify (padaria_cid, "services");
  again = ws_open (demo_token, since);
  missed[3] = notify (padaria_cid, "services");
  ws_wait_seq (again, missed[3]);

  /* hello, the three replayed, the live one: no gap, no duplicate */
  assert_events_are (again, missed, G_N_ELEMENTS (missed));
  g_assert_cmpint (event_seq (ws_event (again, 0)), >=, missed[2]);
  g_assert_cmpint (event_seq (ws_event (again, 0)), <, missed[3]);
}

static void
test_resync (void)
{
  gint64 before = notify (padaria_cid, "services");
  g_autofree char *old = g_strdup_printf ("%" G_GINT64_FORMAT, before);
  g_autofree char *future = NULL;
  g_autoptr(Ws) evicted = NULL;
  g_autoptr(Ws) ahead = NULL;
  g_autoptr(Ws) zero = NULL;
  gint64 newest = 0;
  JsonObject *resync;

  for (guint i = 0; i < BUFFER_SIZE + 1; i++)
    newest = notify (oficina_cid, "invoices");
  g_assert_cmpint (hub_state (URL, "buffered"), ==, BUFFER_SIZE);

  /* an event after @before has left the buffer */
  evicted = ws_open (demo_token, old);
  ws_wait_n (evicted, 2);
  resync = ws_event (evicted, 1);
  g_assert_cmpstr (member_str (resync, "type"), ==, "resync");
  g_assert_cmpstr (member_str (resync, "reason"), ==, "buffer_exceeded");
  g_assert_cmpint (event_seq (resync), >=, newest);
  g_assert_cmpint (event_seq (resync), <=, hub_state (URL, "seq"));
  g_assert_null (member_str (resync, "contract_id"));

  /* newer than anything given out, and older than the server */
  future = g_strdup_printf ("%" G_GINT64_FORMAT, newest + 1000);
  ahead = ws_open (demo_token, future);
  zero = ws_open (demo_token, "0");
  ws_wait_n (ahead, 2);
  ws_wait_n (zero, 2);
  g_assert_cmpstr (member_str (ws_event (ahead, 0), "type"), ==, "hello");
  g_assert_cmpstr (member_str (ws_event (ahead, 1), "reason"), ==, "unknown_since");
  g_assert_cmpstr (member_str (ws_event (zero, 1), "reason"), ==, "unknown_since");
}

static void
test_authorization (void)
{
  g_autoptr(Ws) owner = ws_open (demo_token, NULL);
  g_autoptr(Ws) viewer = ws_open (viewer_token, NULL);
  g_autoptr(Ws) other = ws_open (other_token, NULL);
  gint64 seqs[7];

  /* Ana: owner of Padaria, member of Oficina with "services" only;
   * Júlia: member of Oficina with "invoices" only; Carlos: Mendes only */
  seqs[0] = notify (padaria_cid, "services");
  seqs[1] = notify (oficina_cid, "services");
  seqs[2] = notify (oficina_cid, "invoices");
  seqs[3] = notify (mendes_cid, "services");
  seqs[4] = notify (padaria_cid, "invoices");
  seqs[5] = notify (oficina_cid, "invoices");
  seqs[6] = notify (mendes_cid, "services");
  ws_wait_seq (owner, seqs[4]);
  ws_wait_seq (viewer, seqs[5]);
  ws_wait_seq (other, seqs[6]);

  /* each stream is in order: nothing can come after its last event */
  assert_events_are (owner, (gint64[]) { seqs[0], seqs[1], seqs[4] }, 3);
  assert_events_are (viewer, (gint64[]) { seqs[2], seqs[5] }, 2);
  assert_events_are (other, (gint64[]) { seqs[3], seqs[6] }, 2);
}

/* Publishes @n notifications one after the other from a thread with its
 * own session (the main context keeps serving the WebSocket clients) */
typedef struct
{
  guint    n;
  char    *body;
  char    *url;
  GArray  *seqs;     /* read once done */
  gint     done;
} Publisher;

static gpointer
publish_thread (gpointer data)
{
  Publisher *publisher = data;
  g_autoptr(SoupSession) own = test_session_new (NULL);

  for (guint i = 0; i < publisher->n; i++)
    {
      g_autoptr(Reply) reply = http_request (own, publisher->url, "POST", "/admin/v1/notifications",
                                             ADMIN_TOKEN, publisher->body);
      gint64 seq;

      g_assert_cmpuint (reply->status, ==, 202);
      seq = member_int (reply_object (reply), "seq");
      g_array_append_val (publisher->seqs, seq);
    }
  g_atomic_int_set (&publisher->done, TRUE);
  g_main_context_wakeup (NULL);
  return NULL;
}

/* @n notifications on Padaria ("services") with a body of @body_size bytes */
static Publisher *
publisher_start (guint n,
                 gsize body_size)
{
  Publisher *publisher = g_new0 (Publisher, 1);
  g_autofree char *text = g_strnfill (body_size, 'x');

  publisher->n = n;
  publisher->url = g_strdup (URL);
  publisher->seqs = g_array_new (FALSE, FALSE, sizeof (gint64));
  publisher->body = g_strdup_printf ("{\"contract_id\": \"%s\", \"kind\": \"maintenance_notice\","
                                     " \"title\": \"Aviso\", \"body\": \"%s\", \"permission\": \"services\"}",
                                     padaria_cid, text);
  g_thread_unref (g_thread_new ("publisher", publish_thread, publisher));
  return publisher;
}

static void
publisher_free (Publisher *publisher)
{
  g_assert_true (g_atomic_int_get (&publisher->done));
  g_array_unref (publisher->seqs);
  g_free (publisher->body);
  g_free (publisher->url);
  g_free (publisher);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Publisher, publisher_free)

typedef struct
{
  Publisher *publisher;
  Ws        *ws;
} SlowCase;

/* All published, and the last one received */
static gboolean
fast_has_all (gpointer data)
{
  SlowCase *c = data;

  if (!g_atomic_int_get (&c->publisher->done))
    return FALSE;
  c->ws->wanted_seq = g_array_index (c->publisher->seqs, gint64, c->publisher->seqs->len - 1);
  return ws_has_seq (c->ws);
}

static void
test_slow_client (void)
{
  g_autoptr(GSocketConnection) slow = raw_open (URL, demo_token);
  g_autoptr(Ws) fast = ws_open (demo_token, NULL);
  g_autoptr(Publisher) publisher = publisher_start (N_SLOW_EVENTS, BODY_SIZE);
  SlowCase c = { publisher, fast };
  g_autoptr(JsonObject) hello = NULL;
  gint64 last;
  gboolean lagging = FALSE;
  guint received = 0;

  wait_for (fast_has_all, &c, 60 * 1000);

  /* the fast one got every event, in order, while the slow one, still
   * connected, read nothing */
  assert_events_are (fast, (const gint64 *) (gpointer) publisher->seqs->data, publisher->seqs->len);
  wait_for_clients (URL, 2, WAIT_S * 1000);

  /* the slow one: hello, what fitted in its socket (in order), then the
   * resync that replaced its dropped queue */
  hello = raw_read_event (slow);
  g_assert_nonnull (hello);
  g_assert_cmpstr (member_str (hello, "type"), ==, "hello");
  last = event_seq (hello);
  while (!lagging)
    {
      g_autoptr(JsonObject) event = raw_read_event (slow);

      g_assert_nonnull (event);
      if (g_str_equal (member_str (event, "type"), "resync"))
        {
          g_assert_cmpstr (member_str (event, "reason"), ==, "lagging");
          lagging = TRUE;
        }
      else if (g_str_equal (member_str (event, "type"), "notification"))
        received++;
      g_assert_cmpint (event_seq (event), >, last);
      last = event_seq (event);
    }
  g_test_message ("The slow client got %u of %u events before its resync", received,
                  publisher->seqs->len);
  g_assert_cmpuint (received, <, publisher->seqs->len);

  g_io_stream_close (G_IO_STREAM (slow), NULL, NULL);
}

/* Metrics for a client whose socket is full wait in its queue as one
 * latest sample per server, behind the durable events and in seq order */
static void
test_metrics_coalesced (void)
{
  g_autoptr(GSocketConnection) slow = raw_open (URL, demo_token);
  g_autoptr(Ws) fast = ws_open (demo_token, NULL);
  g_autoptr(Publisher) publisher = NULL;
  SlowCase c = { NULL, fast };
  g_autoptr(GHashTable) services = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 filled;
  gint64 marker;
  gint64 last = 0;
  guint n_fast = 0;
  guint n_slow = 0;
  guint n_notifications = 0;

  /* fill the slow socket: the kernel takes some, the queue the rest */
  c.publisher = publisher = publisher_start (N_FILL_EVENTS, BODY_SIZE);
  wait_for (fast_has_all, &c, WAIT_S * 1000);
  filled = g_array_index (publisher->seqs, gint64, N_FILL_EVENTS - 1);

  /* samples every 20 ms meanwhile, then one more durable event */
  run_for (300);
  marker = notify (padaria_cid, "services");
  ws_wait_seq (fast, marker);

  /* what the fast one got between the two: every sample */
  for (guint i = 0; i < fast->metrics->len; i++)
    {
      JsonObject *sample = g_ptr_array_index (fast->metrics, i);
      gint64 seq = event_seq (sample);

      if (seq > filled && seq < marker)
        {
          n_fast++;
          g_hash_table_add (services, g_strdup (member_str (sample, "service_id")));
        }
    }

  /* the slow one: every durable event, in order, no resync; between the
   * two, at most one sample per server (often none: a newer sample takes
   * the place of the queued one at the end of the queue, after the
   * marker, keeping the seqs in order) */
  for (;;)
    {
      g_autoptr(JsonObject) event = raw_read_event (slow);
      const char *type;

      g_assert_nonnull (event);
      type = member_str (event, "type");
      g_assert_cmpstr (type, !=, "resync");
      g_assert_cmpint (event_seq (event), >, last);
      last = event_seq (event);
      if (g_str_equal (type, "notification"))
        n_notifications++;
      else if (g_str_equal (type, "metrics") && last > filled && last < marker)
        {
          const char *service = member_str (event, "service_id");

          g_assert_false (g_hash_table_contains (seen, service));
          g_hash_table_add (seen, g_strdup (service));
          n_slow++;
        }
      if (last == marker)
        break;
    }
  g_test_message ("Samples between the two events: %u sent to the fast client, %u to the slow one",
                  n_fast, n_slow);
  g_assert_cmpuint (n_notifications, ==, N_FILL_EVENTS + 1);
  /* there was something to coalesce: several samples per server */
  g_assert_cmpuint (n_fast, >, 2 * g_hash_table_size (services));
  g_assert_cmpuint (n_slow, <=, g_hash_table_size (services));

  g_io_stream_close (G_IO_STREAM (slow), NULL, NULL);
}

static void
test_liveness (void)
{
  const char *args[] = { "--admin-token", ADMIN_TOKEN, "--event-ping", "1", NULL };
  g_autoptr(SanTestServer) quick = san_test_server_start (TRUE, args);
  const char *url = san_test_server_get_url (quick);
  g_autofree char *token = login (session, url, "demo@example.com", "demo-1234", NULL);
  g_autoptr(Ws) live = ws_open_on (url, token, NULL);
  g_autoptr(GSocketConnection) dead = raw_open (url, token);
  gint64 start = g_get_monotonic_time ();
  gint64 elapsed;

  g_assert_cmpint (hub_state (url, "clients"), ==, 2);
  /* the dead one answers no ping: gone after two intervals; the live one
   * (libsoup answers pings) stays */
  wait_for_clients (url, 1, 5000);
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("The dead client was dropped after %" G_GINT64_FORMAT " ms", elapsed / 1000);
  g_assert_cmpint (elapsed, >=, 1800 * 1000);
  g_assert_false (live->closed);

  /* a stopping server says so: 1001 */
  g_clear_pointer (&quick, san_test_server_stop);
  wait_for (ws_closed, live, WAIT_S * 1000);
  g_assert_cmpuint (live->close_code, ==, SOUP_WEBSOCKET_CLOSE_GOING_AWAY);
  g_io_stream_close (G_IO_STREAM (dead), NULL, NULL);
}

/* Signing out closes that session's sockets (4401) and no other's */
static void
test_sign_out_closes (void)
{
  g_autofree char *leaving = login (session, URL, "demo@example.com", "demo-1234", NULL);
  g_autofree char *staying = login (session, URL, "demo@example.com", "demo-1234", NULL);
  g_autoptr(Ws) left = ws_open (leaving, NULL);
  g_autoptr(Ws) stays = ws_open (staying, NULL);
  g_autoptr(Reply) logout = http_request (session, URL, "POST", "/api/v1/auth/logout", leaving, NULL);
  g_autoptr(Ws) again = NULL;

  g_assert_cmpuint (logout->status, ==, 204);
  wait_for (ws_closed, left, WAIT_S * 1000);
  g_assert_cmpuint (left->close_code, ==, 4401);
  g_assert_false (stays->closed);

  /* and the signed-out token opens no new one */
  again = ws_try_open (URL, leaving, NULL);
  g_assert_null (again->conn);
  g_assert_cmpuint (again->status, ==, 401);
}

int
main (int   argc,
      char *argv[])
{
  const char *args[] = { "--admin-token", ADMIN_TOKEN,
                         "--event-buffer", G_STRINGIFY (BUFFER_SIZE),
                         "--event-queue", G_STRINGIFY (QUEUE_SIZE),
                         "--metrics-interval", "20", NULL };
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/portald/events/upgrade/refused-without-a-valid-token-since-or-upgrade", test_refused_before_upgrade);
  g_test_add_func ("/portald/events/hello-first-with-the-newest-seq", test_hello_first);
  g_test_add_func ("/portald/events/order/every-event-in-increasing-seq", test_order);
  g_test_add_func ("/portald/events/resume/no-gap-no-duplicate", test_resume);
  g_test_add_func ("/portald/events/resume/resync-when-evicted-or-unknown", test_resync);
  g_test_add_func ("/portald/events/authorization/only-permitted-contracts", test_authorization);
  g_test_add_func ("/portald/events/slow-client/does-not-delay-the-others", test_slow_client);
  g_test_add_func ("/portald/events/slow-client/metrics-coalesced-per-server", test_metrics_coalesced);
  g_test_add_func ("/portald/events/liveness/dead-client-dropped-live-kept", test_liveness);
  g_test_add_func ("/portald/events/sign-out/closes-that-session-only", test_sign_out_closes);

  server = san_test_server_start (TRUE, args);
  session = test_session_new (NULL);
  ws_session = test_session_new (NULL);
  demo_token = login (session, URL, "demo@example.com", "demo-1234", NULL);
  viewer_token = login (session, URL, "viewer@example.com", "viewer-1234", NULL);
  other_token = login (session, URL, "other@example.com", "other-1234", NULL);
  padaria_cid = me_contract_id (session, URL, demo_token, "Padaria Pão Quente Ltda");
  oficina_cid = me_contract_id (session, URL, demo_token, "Oficina Ribeiro ME");
  mendes_cid = me_contract_id (session, URL, other_token, "Carlos Mendes");

  status = g_test_run ();

  g_object_unref (ws_session);
  g_object_unref (session);
  san_test_server_stop (server);
  g_free (demo_token);
  g_free (viewer_token);
  g_free (other_token);
  g_free (padaria_cid);
  g_free (oficina_cid);
  g_free (mendes_cid);
  return status;
}
