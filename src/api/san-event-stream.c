/* san-event-stream.c: the live event stream (one WebSocket per client),
 * reconnecting by itself, resuming where it stopped
 *
 * One connection at a time, through the client's SoupSession (its TLS
 * checks and proxy rules). The access token goes in the upgrade request's
 * Authorization header; a 401 there refreshes it once through the client.
 * After a failure or a drop it waits a random time in [0, min (max,
 * min * 2^attempt)] ("full jitter") and resumes with ?since=last-seq.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-api"

#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "san-event-stream.h"

#include "san-client-private.h"
#include "san-enum-types.h"
#include "san-event-private.h"

#define DEFAULT_MIN_MS 1000
#define DEFAULT_MAX_MS 60000
/* The ping interval assumed until hello says it */
#define DEFAULT_PING_SECONDS 20
/* A connection that got hello and lived this long resets the backoff */
#define LIVED_SECONDS 10
/* Silence for this many ping intervals (in tenths) ends a connection */
#define SILENCE_TENTHS 25

struct _SanEventStream
{
  GObject                  parent_instance;

  SanClient               *client;
  GCancellable            *cancellable;       /* the stream's life; cancelled in dispose */
  GCancellable            *attempt;           /* the current connection; cancelled on stop */
  SoupMessage             *handshake;         /* the upgrade request being sent */
  char                    *sent_token;        /* the token it went with; wiped */
  SoupWebsocketConnection *connection;

  SanEventStreamState      state;
  gint64                   last_seq;
  guint                    retry_in;
  guint                    min_ms;
  guint                    max_ms;
  guint                    backoff_step;      /* failures since the last good connection */
  guint                    ping_interval;     /* seconds */
  gint64                   connected_at;      /* monotonic, of the open connection */
  gint64                   last_heard;        /* monotonic, anything from the server */
  gint64                   retry_at;          /* monotonic, of the next try */

  guint                    retry_id;
  guint                    tick_id;
  guint                    liveness_id;

  guint                    have_seq : 1;
  guint                    got_hello : 1;
  guint                    refreshed : 1;     /* refreshed the token after a 401 already */
};

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_STATE,
  PROP_LAST_SEQ,
  PROP_RETRY_IN,
  N_PROPS
};

enum {
  EVENT,
  RESYNC,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (SanEventStream, san_event_stream, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void connect_start_after (SanEventStream *self,
                                const char     *refused_token);
static void connect_start       (SanEventStream *self);
static void reconnect_schedule (SanEventStream *self);

/* Helpers */

static void
set_state (SanEventStream      *self,
           SanEventStreamState  state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
set_retry_in (SanEventStream *self,
              guint           seconds)
{
  if (self->retry_in == seconds)
    return;
  self->retry_in = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RETRY_IN]);
}

static void
set_last_seq (SanEventStream *self,
              gint64          seq)
{
  self->have_seq = TRUE;
  if (self->last_seq == seq)
    return;
  self->last_seq = seq;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SEQ]);
}

static void
clear_timers (SanEventStream *self)
{
  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->liveness_id, g_source_remove);
}

/* Ends the current attempt or connection, without waiting for the server */
static void
drop_connection (SanEventStream *self)
{
  if (self->attempt != NULL)
    {
      g_cancellable_cancel (self->attempt);
      g_clear_object (&self->attempt);
    }
  g_clear_object (&self->handshake);
  g_clear_pointer (&self->sent_token, san_client_wipe_token);
  g_clear_handle_id (&self->liveness_id, g_source_remove);

  if (self->connection != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->connection, self);
      if (soup_websocket_connection_get_state (self->connection) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_close (self->connection, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, NULL);
      g_clear_object (&self->connection);
    }
  self->got_hello = FALSE;
}

static void
stop (SanEventStream *self)
{
  drop_connection (self);
  clear_timers (self);
  self->backoff_step = 0;
  self->refreshed = FALSE;
  set_retry_in (self, 0);
  set_state (self, SAN_EVENT_STREAM_STOPPED);
}

/* Countdown and retry */

static void
update_retry_in (SanEventStream *self)
{
  gint64 left = self->retry_at - g_get_monotonic_time ();

  set_retry_in (self, left > 0 ? (guint) ((left + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC) : 0);
}

static gboolean
on_tick_cb (gpointer user_data)
{
  SanEventStream *self = user_data;

  update_retry_in (self);
  return G_SOURCE_CONTINUE;
}

static gboolean
on_retry_cb (gpointer user_data)
{
  SanEventStream *self = user_data;

  self->retry_id = 0;
  g_clear_handle_id (&self->tick_id, g_source_remove);
  set_retry_in (self, 0);
  connect_start (self);
  return G_SOURCE_REMOVE;
}

/* The wait before try number backoff_step + 1: random in [0, min (max,
 * min * 2^step)] */
static guint
backoff_delay (SanEventStream *self)
{
  guint64 cap = self->min_ms;

  for (guint i = 0; i < self->backoff_step && cap < self->max_ms; i++)
    cap *= 2;
  cap = MIN (cap, self->max_ms);
  return (guint) g_random_int_range (0, (gint32) cap + 1);
}

static void
reconnect_schedule (SanEventStream *self)
{
  guint delay;

  drop_connection (self);
  clear_timers (self);
  if (!san_client_get_signed_in (self->client))
    {
      stop (self);
      return;
    }

  delay = backoff_delay (self);
  if (self->backoff_step < 31)
    self->backoff_step++;
  self->refreshed = FALSE;
  g_debug ("Event stream: trying again in %u ms", delay);

  set_state (self, SAN_EVENT_STREAM_RECONNECTING);
  self->retry_at = g_get_monotonic_time () + (gint64) delay * 1000;
  update_retry_in (self);
  self->retry_id = g_timeout_add (delay, on_retry_cb, self);
  self->tick_id = g_timeout_add (1000, on_tick_cb, self);
}

/* Liveness: our keepalive pings get pongs, the server's events come; a
 * connection silent for 2.5 ping intervals is dead */

static void
heard_from_server (SanEventStream *self)
{
  self->last_heard = g_get_monotonic_time ();
}

/* The open connection ended (closed, or silent too long) */
static void
connection_lost (SanEventStream *self)
{
  gint64 lived = g_get_monotonic_time () - self->connected_at;

  /* It worked for a while: the next wait starts from the shortest again */
  if (self->got_hello && lived >= LIVED_SECONDS * G_USEC_PER_SEC)
    self->backoff_step = 0;
  reconnect_schedule (self);
}

static gboolean
on_liveness_cb (gpointer user_data)
{
  SanEventStream *self = user_data;
  gint64 silence = g_get_monotonic_time () - self->last_heard;

  if (silence > (gint64) self->ping_interval * G_USEC_PER_SEC * SILENCE_TENTHS / 10)
    {
      g_debug ("Event stream: the server is silent, reconnecting");
      self->liveness_id = 0;
      connection_lost (self);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
liveness_start (SanEventStream *self)
{
  g_clear_handle_id (&self->liveness_id, g_source_remove);
  heard_from_server (self);
  /* Checked four times per interval: late by at most a quarter of one */
  self->liveness_id = g_timeout_add (MAX (self->ping_interval * 1000 / 4, 100),
                                     on_liveness_cb, self);
}

/* Events */

static void
handle_event (SanEventStream *self,
              SanEvent       *event)
{
  gint64 seq = san_event_get_seq (event);

  switch (san_event_get_event_type (event))
    {
    case SAN_EVENT_TYPE_HELLO:
      self->got_hello = TRUE;
      self->ping_interval = san_event_get_ping_interval (event);
      soup_websocket_connection_set_keepalive_interval (self->connection, self->ping_interval);
      liveness_start (self);
      set_retry_in (self, 0);
      set_state (self, SAN_EVENT_STREAM_CONNECTED);
      /* A fresh start: what comes from now on is new */
      if (self->connection != NULL && !self->have_seq)
        set_last_seq (self, seq);
      return;

    case SAN_EVENT_TYPE_RESYNC:
      g_debug ("Event stream: resync (%s)", san_event_get_reason (event));
      set_last_seq (self, seq);
      g_signal_emit (self, signals[RESYNC], 0);
      return;

    case SAN_EVENT_TYPE_INSTANCE_STATE:
    case SAN_EVENT_TYPE_INCIDENT_CREATED:
    case SAN_EVENT_TYPE_INCIDENT_UPDATED:
    case SAN_EVENT_TYPE_INCIDENT_RESOLVED:
    case SAN_EVENT_TYPE_METRICS:
    case SAN_EVENT_TYPE_NOTIFICATION:
    default:
      /* Seqs are one counter: anything not newer was seen already */
      if (self->have_seq && seq <= self->last_seq)
        {
          g_debug ("Event stream: dropped an event seen already");
          return;
        }
      set_last_seq (self, seq);
      g_signal_emit (self, signals[EVENT], 0, event);
      return;
    }
}

static void
on_connection_message_cb (SoupWebsocketConnection *connection,
                          int                      type,
                          GBytes                  *message,
                          gpointer                 user_data)
{
  g_autoptr(SanEventStream) self = g_object_ref (user_data);
  g_autoptr(SanEvent) event = NULL;
  g_autoptr(GError) error = NULL;

  heard_from_server (self);
  if (type != SOUP_WEBSOCKET_DATA_TEXT)
    {
      g_debug ("Event stream: ignored a binary message");
      return;
    }

  event = san_event_new_from_frame (message, &error);
  if (event == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
        g_debug ("Event stream: ignored an event of a type this version does not know");
      else
        /* Not the frame nor the details: they may hold the customer's data */
        g_warning ("Event stream: ignored a malformed event (%" G_GSIZE_FORMAT " bytes)",
                   g_bytes_get_size (message));
      return;
    }

  handle_event (self, event);
}

static void
on_connection_pong_cb (SoupWebsocketConnection *connection,
                       GBytes                  *message,
                       gpointer                 user_data)
{
  heard_from_server (user_data);
}

static void
on_connection_error_cb (SoupWebsocketConnection *connection,
                        GError                  *error,
                        gpointer                 user_data)
{
  g_debug ("Event stream: %s", error->message);
}

static void
on_connection_closed_cb (SoupWebsocketConnection *connection,
                         gpointer                 user_data)
{
  SanEventStream *self = user_data;

  g_debug ("Event stream: closed (%u)", soup_websocket_connection_get_close_code (connection));
  connection_lost (self);
}

/* Connecting */

static void
on_websocket_connected_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  SanEventStream *self = user_data;
  g_autoptr(SoupWebsocketConnection) connection = NULL;
  g_autoptr(GError) error = NULL;

  connection = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  if (connection == NULL)
    {
      guint status = soup_message_get_status (self->handshake);

      if (status == SOUP_STATUS_UNAUTHORIZED && !self->refreshed &&
          san_client_get_signed_in (self->client))
        {
          g_autofree char *refused = g_steal_pointer (&self->sent_token);

          /* Expired or revoked: refresh once and try again now */
          g_debug ("Event stream: the token was refused, refreshing it");
          self->refreshed = TRUE;
          connect_start_after (self, refused);
          san_client_wipe_token (g_steal_pointer (&refused));
          return;
        }

      g_debug ("Event stream: could not connect (HTTP %u): %s", status, error->message);
      reconnect_schedule (self);
      return;
    }

  g_clear_object (&self->handshake);
  g_clear_pointer (&self->sent_token, san_client_wipe_token);
  self->connection = g_steal_pointer (&connection);
  self->connected_at = g_get_monotonic_time ();
  self->got_hello = FALSE;
  self->ping_interval = DEFAULT_PING_SECONDS;

  g_signal_connect (self->connection, "message", G_CALLBACK (on_connection_message_cb), self);
  g_signal_connect (self->connection, "pong", G_CALLBACK (on_connection_pong_cb), self);
  g_signal_connect (self->connection, "error", G_CALLBACK (on_connection_error_cb), self);
  g_signal_connect (self->connection, "closed", G_CALLBACK (on_connection_closed_cb), self);
  liveness_start (self);
}

static void
on_token_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  SanEventStream *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GString) authorization = NULL;
  char *token;

  token = san_client_get_access_token_finish (SAN_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  if (token == NULL)
    {
      g_debug ("Event stream: no token: %s", error->message);
      /* Signed out (or the session ended): stop; else try again later */
      if (!san_client_get_signed_in (self->client))
        stop (self);
      else
        reconnect_schedule (self);
      return;
    }

  g_clear_pointer (&self->sent_token, san_client_wipe_token);
  self->sent_token = token;

  if (self->have_seq)
    path = g_strdup_printf ("/api/v1/events?since=%" G_GINT64_FORMAT, self->last_seq);
  else
    path = g_strdup ("/api/v1/events");
  uri = san_client_dup_websocket_uri (self->client, path);

  g_clear_object (&self->handshake);
  self->handshake = soup_message_new (SOUP_METHOD_GET, uri);
  if (self->handshake == NULL)
    {
      g_warning ("Event stream: the events address is not valid");
      stop (self);
      return;
    }
  /* A redirect could carry the token elsewhere: the API has none */
  soup_message_add_flags (self->handshake, SOUP_MESSAGE_NO_REDIRECT);

  authorization = g_string_sized_new (strlen (token) + 8);
  g_string_append (authorization, "Bearer ");
  g_string_append (authorization, token);
  soup_message_headers_replace (soup_message_get_request_headers (self->handshake),
                                "Authorization", authorization->str);
  explicit_bzero (authorization->str, authorization->len);

  soup_session_websocket_connect_async (san_client_get_session (self->client),
                                        self->handshake, NULL, NULL, G_PRIORITY_DEFAULT,
                                        self->attempt, on_websocket_connected_cb, self);
}

/* Connects with a fresh token (a new one if @refused_token is the one
 * there is) */
static void
connect_start_after (SanEventStream *self,
                     const char     *refused_token)
{
  drop_connection (self);
  self->attempt = g_cancellable_new ();
  if (self->state == SAN_EVENT_STREAM_STOPPED)
    set_state (self, SAN_EVENT_STREAM_CONNECTING);
  san_client_get_access_token_async (self->client, refused_token, self->attempt,
                                     on_token_cb, self);
}

static void
connect_start (SanEventStream *self)
{
  connect_start_after (self, NULL);
}

/* Signed out: the stream ends with the session */
static void
on_client_signed_in_cb (SanEventStream *self,
                        GParamSpec     *pspec,
                        SanClient      *client)
{
  if (!san_client_get_signed_in (client) && self->state != SAN_EVENT_STREAM_STOPPED)
    {
      g_debug ("Event stream: signed out, stopping");
      stop (self);
    }
}

/* GObject */

static void
san_event_stream_constructed (GObject *object)
{
  SanEventStream *self = (SanEventStream *) object;

  G_OBJECT_CLASS (san_event_stream_parent_class)->constructed (object);

  g_assert (SAN_IS_CLIENT (self->client));
  g_signal_connect_object (self->client, "notify::signed-in",
                           G_CALLBACK (on_client_signed_in_cb), self, G_CONNECT_SWAPPED);
}

static void
san_event_stream_dispose (GObject *object)
{
  SanEventStream *self = (SanEventStream *) object;

  g_cancellable_cancel (self->cancellable);
  drop_connection (self);
  clear_timers (self);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (san_event_stream_parent_class)->dispose (object);
}

static void
san_event_stream_finalize (GObject *object)
{
  SanEventStream *self = (SanEventStream *) object;

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (san_event_stream_parent_class)->finalize (object);
}

static void
san_event_stream_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SanEventStream *self = SAN_EVENT_STREAM (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_LAST_SEQ:
      g_value_set_int64 (value, self->last_seq);
      break;
    case PROP_RETRY_IN:
      g_value_set_uint (value, self->retry_in);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_event_stream_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SanEventStream *self = SAN_EVENT_STREAM (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_event_stream_class_init (SanEventStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = san_event_stream_constructed;
  object_class->dispose = san_event_stream_dispose;
  object_class->finalize = san_event_stream_finalize;
  object_class->get_property = san_event_stream_get_property;
  object_class->set_property = san_event_stream_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, SAN_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, SAN_TYPE_EVENT_STREAM_STATE,
                       SAN_EVENT_STREAM_STOPPED,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_SEQ] =
    g_param_spec_int64 ("last-seq", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RETRY_IN] =
    g_param_spec_uint ("retry-in", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[EVENT] =
    g_signal_new ("event", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SAN_TYPE_EVENT);
  signals[RESYNC] =
    g_signal_new ("resync", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
san_event_stream_init (SanEventStream *self)
{
  self->cancellable = g_cancellable_new ();
  self->min_ms = DEFAULT_MIN_MS;
  self->max_ms = DEFAULT_MAX_MS;
  self->ping_interval = DEFAULT_PING_SECONDS;
}

/* Public API */

SanEventStream *
san_event_stream_new (SanClient *client)
{
  g_return_val_if_fail (SAN_IS_CLIENT (client), NULL);

  return g_object_new (SAN_TYPE_EVENT_STREAM, "client", client, NULL);
}

SanClient *
san_event_stream_get_client (SanEventStream *self)
{
  g_return_val_if_fail (SAN_IS_EVENT_STREAM (self), NULL);

  return self->client;
}

void
san_event_stream_start (SanEventStream *self)
{
  g_return_if_fail (SAN_IS_EVENT_STREAM (self));

  if (self->state != SAN_EVENT_STREAM_STOPPED || self->client == NULL)
    return;
  if (!san_client_get_signed_in (self->client))
    {
      g_debug ("Event stream: not signed in, not starting");
      return;
    }
  self->backoff_step = 0;
  self->refreshed = FALSE;
  connect_start (self);
}

void
san_event_stream_stop (SanEventStream *self)
{
  g_return_if_fail (SAN_IS_EVENT_STREAM (self));

  stop (self);
}

SanEventStreamState
san_event_stream_get_state (SanEventStream *self)
{
  g_return_val_if_fail (SAN_IS_EVENT_STREAM (self), SAN_EVENT_STREAM_STOPPED);

  return self->state;
}

gint64
san_event_stream_get_last_seq (SanEventStream *self)
{
  g_return_val_if_fail (SAN_IS_EVENT_STREAM (self), 0);

  return self->last_seq;
}

guint
san_event_stream_get_retry_in (SanEventStream *self)
{
  g_return_val_if_fail (SAN_IS_EVENT_STREAM (self), 0);

  return self->retry_in;
}

void
san_event_stream_set_backoff (SanEventStream *self,
                              guint           min_ms,
                              guint           max_ms)
{
  g_return_if_fail (SAN_IS_EVENT_STREAM (self));
  g_return_if_fail (min_ms > 0);
  g_return_if_fail (max_ms >= min_ms);
  g_return_if_fail (max_ms < G_MAXINT32);

  self->min_ms = min_ms;
  self->max_ms = max_ms;
}

void
san_event_stream_retry_now (SanEventStream *self)
{
  g_return_if_fail (SAN_IS_EVENT_STREAM (self));

  if (self->state != SAN_EVENT_STREAM_RECONNECTING || self->retry_id == 0)
    return;
  clear_timers (self);
  set_retry_in (self, 0);
  connect_start (self);
}
