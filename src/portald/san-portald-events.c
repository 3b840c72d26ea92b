/* san-portald-events.c: the live event stream (GET /api/v1/events, a
 * WebSocket): sequence numbers, the replay buffer, per-client queues
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The upgrade request goes through two libsoup handlers at the same path:
 * a normal one (on_events_request_cb) runs first and answers 401/400 like
 * the router would (libsoup skips the handshake when it set a status), then
 * the WebSocket one (on_events_websocket_cb) registers the client. The
 * router's generic handler never sees /api/v1/events. libsoup emits no
 * "request-finished" for a connection it hands over, so the WebSocket
 * handler does, and the request log shows the 101.
 *
 * Every event is serialized once and the same text goes to every client
 * allowed to see it (san_portald_authorize_contract (), with a per-client
 * cache cleared every SESSION_CHECK_S together with a check that the
 * client's session still exists). Nothing waits on a socket: a frame goes
 * straight to libsoup only while the client's own queue is empty and its
 * socket is writable; otherwise it waits in that queue, which a pollable
 * source on the socket drains. A queue over max_queued durable events is
 * dropped and replaced by one "resync" (reason "lagging") sent when the
 * socket drains. Each socket has a fixed send buffer (SO_SNDBUF, no
 * autotuning to megabytes), so what a client doesn't read waits in its
 * counted queue. One timer closes the sockets that said nothing (no pong,
 * no message) or whose queue did not move for two ping intervals.
 */
#define G_LOG_DOMAIN "san-portald"

#include "config.h"

#include <string.h>
#include <sys/socket.h>

#include "san-portald-auth.h"
#include "san-portald-events.h"
#include "san-portald-request.h"
#include "san-portald-server.h"

#define EVENTS_PATH "/api/v1/events"
#define SESSION_CHECK_S 30
#define CLOSE_SESSION_ENDED 4401
#define MAX_INCOMING_PAYLOAD 4096   /* clients only send small liveness frames */
#define STOP_WAIT_MS 500            /* for the peers to answer our close at exit */
#define SOCKET_SEND_BUFFER (128 * 1024)   /* the kernel doubles it */

/* One event, serialized once, shared (reference-counted) by the buffer and
 * the clients' queues */
typedef struct
{
  gint64      seq;
  gint64      contract_id;   /* 0: a connection event (hello, resync) */
  gint64      service_id;    /* metrics: the server; 0 for the others */
  const char *permission;    /* interned; NULL for connection events */
  char       *text;
} Event;

typedef struct _Client Client;

struct _SanPortaldEvents
{
  SanPortaldServer *server;
  SanPortaldDb     *db;
  GMainContext     *context;
  SoupServer       *soup;
  gint64            first_seq;      /* the start time in microseconds */
  gint64            seq;            /* the newest seq given out */
  gint64            evicted_seq;    /* the newest durable seq dropped from the buffer; 0: none */
  GQueue            buffer;         /* durable Events, oldest first */
  guint             buffer_size;
  guint             max_queued;
  guint             ping_interval_s;
  GList            *clients;        /* Clients receiving events */
  GList            *closing;        /* Clients we closed, until libsoup says "closed" */
  guint             liveness_id;
  guint             session_check_id;
  gboolean          stopping;
};

struct _Client
{
  SanPortaldEvents        *hub;
  SoupWebsocketConnection *conn;
  GPollableOutputStream   *output;      /* NULL when the stream can't be polled */
  gint64                   user_id;
  gint64                   session_id;
  GHashTable              *allowed;     /* "cid:permission" -> ALLOWED / DENIED */
  GQueue                   queue;       /* Events waiting for the socket, by seq */
  guint                    n_durable;   /* non-metrics Events in the queue */
  GHashTable              *metrics;     /* service id (gint64 *) -> its GList link in queue */
  gboolean                 lagging;     /* queue dropped: a resync goes out when writable */
  GSource                 *flush_source;
  gint64                   last_heard_us;  /* monotonic: the last pong or message */
  gint64                   stuck_since_us; /* monotonic: since the queue is not empty; 0 */
  gboolean                 closing;
};

enum { DENIED = 1, ALLOWED = 2 };

static void client_free (Client *client);

/* Events */

static void
event_clear (gpointer data)
{
  Event *event = data;

  g_free (event->text);
}

static void
event_unref (gpointer data)
{
  g_rc_box_release_full (data, event_clear);
}

static char *
format_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *seconds = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (now) / 1000);
}

/* The wire form: "seq", "type", "contract_id" (null for 0) and "time",
 * then @payload's members (taken; may be NULL) */
static Event *
event_new (gint64       seq,
           const char  *type,
           gint64       contract_id,
           const char  *permission,
           JsonObject  *payload)
{
  g_autoptr(JsonObject) members = payload;
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *time = format_now ();
  Event *event = g_rc_box_new0 (Event);

  json_object_set_int_member (object, "seq", seq);
  json_object_set_string_member (object, "type", type);
  if (contract_id > 0)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, contract_id);

      json_object_set_string_member (object, "contract_id", id);
    }
  else
    json_object_set_null_member (object, "contract_id");
  json_object_set_string_member (object, "time", time);

  if (members != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (members);

      for (GList *l = names; l != NULL; l = l->next)
        if (!json_object_has_member (object, l->data))
          json_object_set_member (object, l->data, json_object_dup_member (members, l->data));
    }

  json_node_set_object (root, object);
  json_generator_set_root (generator, root);

  event->seq = seq;
  event->contract_id = contract_id;
  event->permission = permission != NULL ? g_intern_string (permission) : NULL;
  event->text = json_generator_to_data (generator, NULL);
  return event;
}

static Event *
connection_event_new (SanPortaldEvents *self,
                      const char       *type,
                      const char       *member,
                      JsonNode         *value)
{
  JsonObject *payload = json_object_new ();

  json_object_set_member (payload, member, value);
  return event_new (self->seq, type, 0, NULL, payload);
}

/* Responses to the upgrade request: the router's problem+json; @field and
 * @field_message: the one field error of a validation_failed */
static void
send_problem (SoupServerMessage *msg,
              guint              status,
              const char        *code,
              const char        *detail,
              const char        *field,
              const char        *field_message)
{
  g_autoptr(GArray) errors = NULL;

  if (field != NULL)
    {
      errors = g_array_new (FALSE, FALSE, sizeof (SanPortaldFieldError));
      san_portald_add_field_error (errors, field, "invalid", field_message);
    }
  san_portald_message_send_problem (msg, status, code, detail, errors);
}

/* Authentication: the router's own check (san_portald_authenticate_message ()).
 * FALSE with *@out_code and *@out_detail set (the 401 to answer), or with
 * *@out_code "internal_error". */
static gboolean
authenticate (SanPortaldEvents   *self,
              SoupServerMessage  *msg,
              gint64             *out_user_id,
              gint64             *out_session_id,
              const char        **out_code,
              const char        **out_detail)
{
  g_autoptr(GError) error = NULL;

  if (san_portald_authenticate_message (self->db, msg, out_user_id, out_session_id,
                                        out_code, out_detail, &error))
    return TRUE;
  if (error != NULL)
    {
      g_printerr ("san-portald: internal error: %s\n", error->message);
      *out_code = "internal_error";
      *out_detail = "The server could not complete the request";
    }
  return FALSE;
}

/* @text: absent (-1 in *@out_since) or a non-negative integer */
static gboolean
parse_since (const char *text,
             gint64     *out_since)
{
  guint64 value;

  *out_since = -1;
  if (text == NULL)
    return TRUE;
  if (*text == '\0' || strlen (text) > 19)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  value = g_ascii_strtoull (text, NULL, 10);
  if (value > G_MAXINT64)
    return FALSE;
  *out_since = (gint64) value;
  return TRUE;
}

/* The same from the request's URI */
static gboolean
parse_since_of (SoupServerMessage *msg,
                gint64            *out_since)
{
  const char *query = g_uri_get_query (soup_server_message_get_uri (msg));
  g_autoptr(GHashTable) form = NULL;

  if (query == NULL)
    return parse_since (NULL, out_since);
  form = soup_form_decode (query);
  return parse_since (g_hash_table_lookup (form, "since"), out_since);
}

/* Clients */

static gboolean
client_may_see (Client      *client,
                const Event *event)
{
  g_autoptr(GError) error = NULL;
  char key[64];
  gpointer answer;
  gboolean allowed;

  if (event->contract_id == 0)
    return TRUE;

  /* permissions are short words: the key always fits */
  g_snprintf (key, sizeof key, "%" G_GINT64_FORMAT ":%s", event->contract_id, event->permission);
  answer = g_hash_table_lookup (client->allowed, key);
  if (answer != NULL)
    return GPOINTER_TO_INT (answer) == ALLOWED;

  if (!san_portald_authorize_contract (client->hub->db, client->user_id, event->contract_id,
                                       event->permission, NULL, &allowed, &error))
    {
      /* not cached: asked again next time */
      g_printerr ("san-portald: events: %s\n", error->message);
      return FALSE;
    }
  g_hash_table_insert (client->allowed, g_strdup (key),
                       GINT_TO_POINTER (allowed ? ALLOWED : DENIED));
  return allowed;
}

static gboolean
client_writable (Client *client)
{
  if (soup_websocket_connection_get_state (client->conn) != SOUP_WEBSOCKET_STATE_OPEN)
    return FALSE;
  return client->output == NULL || g_pollable_output_stream_is_writable (client->output);
}

static void
client_clear_queue (Client *client)
{
  g_queue_clear_full (&client->queue, event_unref);
  g_hash_table_remove_all (client->metrics);
  client->n_durable = 0;
}

static gboolean on_client_writable_cb (GObject  *stream,
                                       gpointer  user_data);

static void
client_watch_output (Client *client)
{
  if (client->flush_source != NULL || client->output == NULL)
    return;
  client->flush_source = g_pollable_output_stream_create_source (client->output, NULL);
  g_source_set_static_name (client->flush_source, "san-portald event queue");
  g_source_set_callback (client->flush_source, G_SOURCE_FUNC (on_client_writable_cb), client, NULL);
  g_source_attach (client->flush_source, client->hub->context);
}

static void
client_enqueue (Client *client,
                Event  *event)
{
  if (client->queue.length == 0 && !client->lagging)
    client->stuck_since_us = g_get_monotonic_time ();

  if (event->service_id != 0)
    {
      /* one latest sample per server: the older one goes, the newer
       * one joins at the end (seqs stay increasing in the queue) */
      GList *link = g_hash_table_lookup (client->metrics, &event->service_id);

      if (link != NULL)
        {
          /* the key lives in the queued event: out of the table first */
          g_hash_table_remove (client->metrics, &event->service_id);
          event_unref (link->data);
          g_queue_delete_link (&client->queue, link);
        }
      g_queue_push_tail (&client->queue, g_rc_box_acquire (event));
      g_hash_table_insert (client->metrics, &event->service_id, client->queue.tail);
    }
  else
    {
      g_queue_push_tail (&client->queue, g_rc_box_acquire (event));
      if (++client->n_durable > client->hub->max_queued)
        {
          /* the client must reload anyway: drop the backlog, say so once
           * the socket drains */
          client_clear_queue (client);
          client->lagging = TRUE;
        }
    }
  client_watch_output (client);
}

/* Sends @event to @client, if it may see it: straight to libsoup when
 * nothing waits before it and the socket takes it, else into the queue */
static void
client_deliver (Client *client,
                Event  *event)
{
  /* a socket closing (either side) takes nothing more; "closed" follows */
  if (client->closing || client->lagging ||
      soup_websocket_connection_get_state (client->conn) != SOUP_WEBSOCKET_STATE_OPEN ||
      !client_may_see (client, event))
    return;
  if (client->queue.length == 0 && client_writable (client))
    soup_websocket_connection_send_text (client->conn, event->text);
  else
    client_enqueue (client, event);
}

static void
client_send_resync (Client     *client,
                    const char *reason)
{
  Event *event = connection_event_new (client->hub, "resync", "reason",
                                       json_node_init_string (json_node_alloc (), reason));

  client_deliver (client, event);
  event_unref (event);
}

static gboolean
on_client_writable_cb (GObject  *stream,
                       gpointer  user_data)
{
  Client *client = user_data;

  if (soup_websocket_connection_get_state (client->conn) != SOUP_WEBSOCKET_STATE_OPEN)
    {
      /* closing: nothing more goes out; "closed" follows */
      client_clear_queue (client);
      client->lagging = FALSE;
    }

  if (client->lagging && client_writable (client))
    {
      client->lagging = FALSE;
      client_send_resync (client, "lagging");
    }

  while (client->queue.length > 0 && client_writable (client))
    {
      Event *event = g_queue_pop_head (&client->queue);

      if (event->service_id != 0)
        g_hash_table_remove (client->metrics, &event->service_id);
      else
        client->n_durable--;
      soup_websocket_connection_send_text (client->conn, event->text);
      event_unref (event);
    }

  if (client->queue.length > 0 || client->lagging)
    return G_SOURCE_CONTINUE;

  client->stuck_since_us = 0;
  g_clear_pointer (&client->flush_source, g_source_unref);
  return G_SOURCE_REMOVE;
}

static void
on_client_heard_cb (SoupWebsocketConnection *conn,
                    gint                     type,
                    GBytes                  *message,
                    gpointer                 user_data)
{
  Client *client = user_data;

  /* text frames mean nothing but "still here"; pongs the same */
  client->last_heard_us = g_get_monotonic_time ();
}

static void
on_client_pong_cb (SoupWebsocketConnection *conn,
                   GBytes                  *message,
                   gpointer                 user_data)
{
  Client *client = user_data;

  client->last_heard_us = g_get_monotonic_time ();
}

static void
on_client_closed_cb (SoupWebsocketConnection *conn,
                     gpointer                 user_data)
{
  Client *client = user_data;
  SanPortaldEvents *self = client->hub;

  self->clients = g_list_remove (self->clients, client);
  self->closing = g_list_remove (self->closing, client);
  client_free (client);
}

static void
on_client_error_cb (SoupWebsocketConnection *conn,
                    GError                  *error,
                    gpointer                 user_data)
{
  /* libsoup closes the socket itself; "closed" follows */
  g_debug ("Event socket error: %s", error->message);
}

/* The socket under @io: libsoup's SoupIOStream ("base-iostream") over a
 * GSocketConnection, or over a GTlsConnection ("base-io-stream") over one */
static GSocket *
find_socket (GIOStream *io)
{
  while (io != NULL && !G_IS_SOCKET_CONNECTION (io))
    {
      GObjectClass *klass = G_OBJECT_GET_CLASS (io);
      GParamSpec *pspec = g_object_class_find_property (klass, "base-iostream");
      GIOStream *base = NULL;

      if (pspec == NULL)
        pspec = g_object_class_find_property (klass, "base-io-stream");
      if (pspec == NULL || !(pspec->flags & G_PARAM_READABLE) ||
          !g_type_is_a (pspec->value_type, G_TYPE_IO_STREAM))
        return NULL;
      g_object_get (io, pspec->name, &base, NULL);
      /* the outer stream holds it */
      if (base != NULL)
        g_object_unref (base);
      io = base;
    }
  return io != NULL ? g_socket_connection_get_socket (G_SOCKET_CONNECTION (io)) : NULL;
}

static Client *
client_new (SanPortaldEvents        *self,
            SoupWebsocketConnection *conn,
            gint64                   user_id,
            gint64                   session_id)
{
  Client *client = g_new0 (Client, 1);
  GIOStream *io = soup_websocket_connection_get_io_stream (conn);
  GOutputStream *output = g_io_stream_get_output_stream (io);
  g_autoptr(GError) error = NULL;
  GSocket *socket;

  client->hub = self;
  client->conn = g_object_ref (conn);
  if (G_IS_POLLABLE_OUTPUT_STREAM (output) &&
      g_pollable_output_stream_can_poll (G_POLLABLE_OUTPUT_STREAM (output)))
    client->output = G_POLLABLE_OUTPUT_STREAM (g_object_ref (output));
  /* a fixed send buffer (no autotuning up to megabytes): what a client
   * does not read waits in its queue, where it is counted and bounded */
  socket = find_socket (io);
  if (socket != NULL && !g_socket_set_option (socket, SOL_SOCKET, SO_SNDBUF, SOCKET_SEND_BUFFER, &error))
    g_debug ("Event socket send buffer: %s", error->message);
  client->user_id = user_id;
  client->session_id = session_id;
  client->allowed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_queue_init (&client->queue);
  client->metrics = g_hash_table_new (g_int64_hash, g_int64_equal);
  client->last_heard_us = g_get_monotonic_time ();

  soup_websocket_connection_set_keepalive_interval (conn, self->ping_interval_s);
  soup_websocket_connection_set_max_incoming_payload_size (conn, MAX_INCOMING_PAYLOAD);
  g_signal_connect (conn, "message", G_CALLBACK (on_client_heard_cb), client);
  g_signal_connect (conn, "pong", G_CALLBACK (on_client_pong_cb), client);
  g_signal_connect (conn, "error", G_CALLBACK (on_client_error_cb), client);
  g_signal_connect (conn, "closed", G_CALLBACK (on_client_closed_cb), client);
  return client;
}

static void
client_free (Client *client)
{
  g_signal_handlers_disconnect_by_data (client->conn, client);
  if (client->flush_source != NULL)
    {
      g_source_destroy (client->flush_source);
      g_clear_pointer (&client->flush_source, g_source_unref);
    }
  client_clear_queue (client);
  g_hash_table_unref (client->metrics);
  g_hash_table_unref (client->allowed);
  g_clear_object (&client->output);
  g_clear_object (&client->conn);
  g_free (client);
}

/* Stops sending to @client and closes its socket; it is freed when libsoup
 * says "closed" */
static void
client_close (Client     *client,
              gushort     code,
              const char *reason)
{
  SanPortaldEvents *self = client->hub;

  if (client->closing)
    return;
  client->closing = TRUE;
  client->lagging = FALSE;
  if (client->flush_source != NULL)
    {
      g_source_destroy (client->flush_source);
      g_clear_pointer (&client->flush_source, g_source_unref);
    }
  client_clear_queue (client);
  self->clients = g_list_remove (self->clients, client);
  self->closing = g_list_prepend (self->closing, client);

  if (soup_websocket_connection_get_state (client->conn) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (client->conn, code, reason);
}

/* Timers */

static gboolean
on_liveness_cb (gpointer user_data)
{
  SanPortaldEvents *self = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 limit = 2 * (gint64) self->ping_interval_s * G_USEC_PER_SEC;
  GList *next;

  for (GList *l = self->clients; l != NULL; l = next)
    {
      Client *client = l->data;

      next = l->next;
      if (now - client->last_heard_us > limit)
        client_close (client, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, "No answer to pings");
      else if (client->stuck_since_us != 0 && now - client->stuck_since_us > limit)
        client_close (client, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, "Not reading");
    }
  return G_SOURCE_CONTINUE;
}

/* TRUE with *@out_exists when the check could be made */
static gboolean
session_exists (SanPortaldEvents *self,
                Client           *client,
                gboolean         *out_exists)
{
  g_autoptr(GError) error = NULL;

  /* by id: a refresh gives the session new token hashes, it lives on */
  if (!san_portald_db_session_exists (self->db, client->session_id, out_exists, &error))
    {
      g_printerr ("san-portald: events: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
on_session_check_cb (gpointer user_data)
{
  SanPortaldEvents *self = user_data;
  GList *next;

  for (GList *l = self->clients; l != NULL; l = next)
    {
      Client *client = l->data;
      gboolean exists;

      next = l->next;
      /* memberships and permissions may have changed: ask again */
      g_hash_table_remove_all (client->allowed);
      if (session_exists (self, client, &exists) && !exists)
        client_close (client, CLOSE_SESSION_ENDED, "Session ended");
    }
  return G_SOURCE_CONTINUE;
}

static void
start_timers (SanPortaldEvents *self)
{
  GSource *source;

  g_clear_handle_id (&self->liveness_id, g_source_remove);
  g_clear_handle_id (&self->session_check_id, g_source_remove);

  /* twice per interval: a silent socket goes between 2 and 2.5 intervals */
  source = g_timeout_source_new (self->ping_interval_s * 1000 / 2);
  g_source_set_static_name (source, "san-portald event liveness");
  g_source_set_callback (source, on_liveness_cb, self, NULL);
  self->liveness_id = g_source_attach (source, self->context);
  g_source_unref (source);

  source = g_timeout_source_new_seconds (SESSION_CHECK_S);
  g_source_set_static_name (source, "san-portald event sessions");
  g_source_set_callback (source, on_session_check_cb, self, NULL);
  self->session_check_id = g_source_attach (source, self->context);
  g_source_unref (source);
}

/* RFC 9110 15.5.22: libsoup has no name for it */
#define HTTP_UPGRADE_REQUIRED 426

/* The buffer */

static void
buffer_trim (SanPortaldEvents *self)
{
  while (self->buffer.length > self->buffer_size)
    {
      Event *event = g_queue_pop_head (&self->buffer);

      self->evicted_seq = event->seq;
      event_unref (event);
    }
}

/* The WebSocket */

static void
on_events_early_cb (SoupServer        *soup,
                    SoupServerMessage *msg,
                    const char        *path,
                    GHashTable        *query,
                    gpointer           user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  /* the router's rules: an exact path, then the method; before any body
   * is read */
  if (!g_str_equal (path, EVENTS_PATH))
    send_problem (msg, SOUP_STATUS_NOT_FOUND, "not_found", "There is nothing at this address",
                  NULL, NULL);
  else if (!g_str_equal (soup_server_message_get_method (msg), SOUP_METHOD_GET))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Allow", "GET");
      send_problem (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "method_not_allowed",
                    "This resource accepts: GET", NULL, NULL);
    }
  else
    return;

  /* like the router's 413: a body we won't read ends the connection */
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CHUNKED ||
      (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
       soup_message_headers_get_content_length (headers) > 0))
    soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                  "Connection", "close");
}

static void
on_events_request_cb (SoupServer        *soup,
                      SoupServerMessage *msg,
                      const char        *path,
                      GHashTable        *query,
                      gpointer           user_data)
{
  SanPortaldEvents *self = user_data;
  gint64 user_id;
  gint64 session_id;
  gint64 since;
  const char *code;
  const char *detail;

  if (!authenticate (self, msg, &user_id, &session_id, &code, &detail))
    {
      send_problem (msg, g_str_equal (code, "internal_error") ? SOUP_STATUS_INTERNAL_SERVER_ERROR
                                                              : SOUP_STATUS_UNAUTHORIZED,
                    code, detail, NULL, NULL);
      return;
    }
  if (!parse_since (query != NULL ? g_hash_table_lookup (query, "since") : NULL, &since))
    {
      send_problem (msg, SOUP_STATUS_BAD_REQUEST, "validation_failed",
                    "Some fields are not valid", "since", "Must be a non-negative integer (an event seq)");
      return;
    }
  /* a plain GET: say what this is, in our words (libsoup's own answer
   * would be a bare 400) */
  if (!soup_message_headers_header_contains (soup_server_message_get_request_headers (msg),
                                             "Upgrade", "websocket"))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Upgrade", "websocket");
      send_problem (msg, HTTP_UPGRADE_REQUIRED, "upgrade_required",
                    "This resource is a WebSocket: ask for an upgrade", NULL, NULL);
      return;
    }
  /* no status: libsoup goes on with the WebSocket handshake (its own 400
   * when the handshake is not valid) */
}

static void
on_events_websocket_cb (SoupServer              *soup,
                        SoupServerMessage       *msg,
                        const char              *path,
                        SoupWebsocketConnection *conn,
                        gpointer                 user_data)
{
  SanPortaldEvents *self = user_data;
  gint64 user_id;
  gint64 session_id;
  gint64 since;
  const char *code;
  const char *detail;
  const char *reason = NULL;
  Client *client;
  Event *hello;

  /* the response is written: the request log sees the 101 (libsoup does
   * not emit request-finished for a connection it hands over) */
  g_signal_emit_by_name (soup, "request-finished", msg);

  /* checked a moment ago in on_events_request_cb: only a session ended
   * in between, or a stop, fails here */
  if (self->stopping ||
      !authenticate (self, msg, &user_id, &session_id, &code, &detail) ||
      !parse_since_of (msg, &since))
    {
      soup_websocket_connection_close (conn, CLOSE_SESSION_ENDED, "Session ended");
      return;
    }

  client = client_new (self, conn, user_id, session_id);
  self->clients = g_list_prepend (self->clients, client);

  hello = connection_event_new (self, "hello", "ping_interval_s",
                                json_node_init_int (json_node_alloc (), self->ping_interval_s));
  client_deliver (client, hello);
  event_unref (hello);

  if (since < 0)
    return;
  if (since > self->seq || since < self->first_seq)
    reason = "unknown_since";
  else if (since < self->evicted_seq)
    reason = "buffer_exceeded";

  if (reason != NULL)
    client_send_resync (client, reason);
  else
    for (GList *l = self->buffer.head; l != NULL; l = l->next)
      {
        Event *event = l->data;

        if (event->seq > since)
          client_deliver (client, event);
      }
}

/* Publishing */

static void
dispatch (SanPortaldEvents *self,
          Event            *event)
{
  GList *next;

  for (GList *l = self->clients; l != NULL; l = next)
    {
      next = l->next;
      client_deliver (l->data, event);
    }
}

typedef struct
{
  SanPortaldEvents *self;
  char             *type;
  gint64            contract_id;
  const char       *permission;   /* interned */
  JsonObject       *payload;
} PendingEvent;

static void
pending_event_free (gpointer data)
{
  PendingEvent *pending = data;

  g_free (pending->type);
  g_clear_pointer (&pending->payload, json_object_unref);
  g_free (pending);
}

static void
on_transaction_done_cb (gboolean committed,
                        gpointer user_data)
{
  PendingEvent *pending = user_data;

  if (committed)
    san_portald_events_publish (pending->self, pending->type, pending->contract_id,
                                pending->permission, g_steal_pointer (&pending->payload));
}

/* Public API */

SanPortaldEvents *
san_portald_events_new (SanPortaldServer *server,
                        SanPortaldDb     *db)
{
  SanPortaldEvents *self = g_new0 (SanPortaldEvents, 1);

  self->server = server;
  self->db = db;
  self->context = g_main_context_ref_thread_default ();
  self->first_seq = g_get_real_time ();
  self->seq = self->first_seq;
  g_queue_init (&self->buffer);
  self->buffer_size = SAN_PORTALD_EVENTS_DEFAULT_BUFFER;
  self->max_queued = SAN_PORTALD_EVENTS_DEFAULT_QUEUE;
  self->ping_interval_s = SAN_PORTALD_EVENTS_DEFAULT_PING_S;
  start_timers (self);
  return self;
}

static gboolean
on_stop_deadline_cb (gpointer user_data)
{
  gboolean *expired = user_data;

  *expired = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main context until every closed client is gone or @ms passed */
static void
wait_for_closing (SanPortaldEvents *self,
                  guint             ms)
{
  gboolean expired = FALSE;
  GSource *deadline = g_timeout_source_new (ms);

  g_source_set_callback (deadline, on_stop_deadline_cb, &expired, NULL);
  g_source_attach (deadline, self->context);
  while (self->closing != NULL && !expired)
    g_main_context_iteration (self->context, TRUE);
  g_source_destroy (deadline);
  g_source_unref (deadline);
}

void
san_portald_events_free (SanPortaldEvents *self)
{
  if (self == NULL)
    return;

  self->stopping = TRUE;
  g_clear_handle_id (&self->liveness_id, g_source_remove);
  g_clear_handle_id (&self->session_check_id, g_source_remove);
  if (self->soup != NULL)
    {
      soup_server_remove_handler (self->soup, EVENTS_PATH);
      g_clear_object (&self->soup);
    }

  while (self->clients != NULL)
    client_close (self->clients->data, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, "Server stopping");
  /* a peer that answers our close is gone in a round trip */
  if (self->closing != NULL)
    wait_for_closing (self, STOP_WAIT_MS);
  /* the others are cut off: dropping the last reference closes the stream */
  while (self->closing != NULL)
    {
      client_free (self->closing->data);
      self->closing = g_list_delete_link (self->closing, self->closing);
    }

  g_queue_clear_full (&self->buffer, event_unref);
  g_main_context_unref (self->context);
  g_free (self);
}

void
san_portald_events_set_limits (SanPortaldEvents *self,
                               guint             buffer_size,
                               guint             max_queued,
                               guint             ping_interval_s)
{
  g_return_if_fail (buffer_size > 0 && max_queued > 0 && ping_interval_s > 0);

  self->buffer_size = buffer_size;
  self->max_queued = max_queued;
  self->ping_interval_s = ping_interval_s;
  buffer_trim (self);
  for (GList *l = self->clients; l != NULL; l = l->next)
    soup_websocket_connection_set_keepalive_interval (((Client *) l->data)->conn, ping_interval_s);
  start_timers (self);
}

void
san_portald_events_attach (SanPortaldEvents *self,
                           SoupServer       *soup)
{
  g_return_if_fail (self->soup == NULL);

  self->soup = g_object_ref (soup);
  soup_server_add_early_handler (soup, EVENTS_PATH, on_events_early_cb, self, NULL);
  soup_server_add_handler (soup, EVENTS_PATH, on_events_request_cb, self, NULL);
  soup_server_add_websocket_handler (soup, EVENTS_PATH, NULL, NULL, on_events_websocket_cb,
                                     self, NULL);
}

gint64
san_portald_events_publish (SanPortaldEvents *self,
                            const char       *type,
                            gint64            contract_id,
                            const char       *permission,
                            JsonObject       *payload)
{
  Event *event;

  g_return_val_if_fail (type != NULL && permission != NULL, 0);

  event = event_new (++self->seq, type, contract_id, permission, payload);
  g_queue_push_tail (&self->buffer, event);
  buffer_trim (self);
  dispatch (self, event);
  return self->seq;
}

void
san_portald_events_publish_when_done (SanPortaldEvents *self,
                                      SanPortaldDb     *db,
                                      const char       *type,
                                      gint64            contract_id,
                                      const char       *permission,
                                      JsonObject       *payload)
{
  PendingEvent *pending = g_new0 (PendingEvent, 1);

  pending->self = self;
  pending->type = g_strdup (type);
  pending->contract_id = contract_id;
  pending->permission = g_intern_string (permission);
  pending->payload = payload;
  san_portald_db_when_done (db, on_transaction_done_cb, pending, pending_event_free);
}

void
san_portald_events_notify_when_done (SanPortaldEvents *self,
                                     SanPortaldDb     *db,
                                     gint64            contract_id,
                                     const char       *permission,
                                     const char       *kind,
                                     const char       *title,
                                     const char       *body,
                                     const char       *target_kind,
                                     const char       *target_id,
                                     const char       *label)
{
  JsonObject *payload = json_object_new ();
  JsonObject *notification = json_object_new ();

  json_object_set_string_member (notification, "kind", kind);
  json_object_set_string_member (notification, "title", title);
  json_object_set_string_member (notification, "body", body);
  if (target_kind != NULL && target_id != NULL)
    {
      JsonObject *target = json_object_new ();

      json_object_set_string_member (target, "kind", target_kind);
      json_object_set_string_member (target, "id", target_id);
      json_object_set_object_member (notification, "target", target);
    }
  else
    json_object_set_null_member (notification, "target");
  json_object_set_string_member (notification, "label", label != NULL ? label : "");
  json_object_set_object_member (payload, "notification", notification);

  san_portald_events_publish_when_done (self, db, "notification", contract_id, permission,
                                        payload);
}

void
san_portald_events_publish_metrics (SanPortaldEvents *self,
                                    gint64            contract_id,
                                    gint64            service_id,
                                    JsonObject       *sample)
{
  JsonObject *payload = json_object_new ();
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, service_id);
  Event *event;

  json_object_set_string_member (payload, "service_id", id);
  json_object_set_object_member (payload, "sample", sample);
  event = event_new (++self->seq, "metrics", contract_id, "services", payload);
  event->service_id = service_id;
  dispatch (self, event);
  event_unref (event);
}

void
san_portald_events_end_session (SanPortaldEvents *self,
                                gint64            session_id)
{
  GList *next;

  for (GList *l = self->clients; l != NULL; l = next)
    {
      Client *client = l->data;

      next = l->next;
      if (client->session_id == session_id)
        client_close (client, CLOSE_SESSION_ENDED, "Session ended");
    }
}

gint64
san_portald_events_get_seq (SanPortaldEvents *self)
{
  return self->seq;
}

guint
san_portald_events_get_n_clients (SanPortaldEvents *self)
{
  return g_list_length (self->clients);
}

guint
san_portald_events_get_n_buffered (SanPortaldEvents *self)
{
  return self->buffer.length;
}
