/* san-event-stream.h: the live event stream (one WebSocket per client),
 * reconnecting by itself, resuming where it stopped
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "san-client.h"
#include "san-event.h"

G_BEGIN_DECLS

typedef enum
{
  SAN_EVENT_STREAM_STOPPED,       /* not started, stopped, or signed out */
  SAN_EVENT_STREAM_CONNECTING,    /* first connection */
  SAN_EVENT_STREAM_CONNECTED,
  SAN_EVENT_STREAM_RECONNECTING,  /* lost: waiting to try again, or trying */
} SanEventStreamState;

#define SAN_TYPE_EVENT_STREAM (san_event_stream_get_type ())
G_DECLARE_FINAL_TYPE (SanEventStream, san_event_stream, SAN, EVENT_STREAM, GObject)

/* Signals:
 *   "event"  (SanEvent *event): a contract event (instance_state,
 *            incident_*, metrics, notification), each durable one once and
 *            in seq order, also across reconnections. hello and resync are
 *            not passed on as "event".
 *   "resync" (void): events were missed (the server's buffer was exceeded,
 *            it restarted, or this client lagged): reload what is shown.
 * Properties: "state" (SanEventStreamState), "last-seq" (gint64),
 *   "retry-in" (guint, seconds until the next try while reconnecting). */

SanEventStream      *san_event_stream_new           (SanClient      *client);
SanClient           *san_event_stream_get_client    (SanEventStream *self);
/* Connects (the client must be signed in) and keeps connecting: after a
 * failure or a drop it waits min..max with exponential backoff and full
 * jitter, then resumes with ?since=last-seq. Stops on sign-out. */
void                 san_event_stream_start         (SanEventStream *self);
void                 san_event_stream_stop          (SanEventStream *self);
SanEventStreamState  san_event_stream_get_state     (SanEventStream *self);
gint64               san_event_stream_get_last_seq  (SanEventStream *self);
guint                san_event_stream_get_retry_in  (SanEventStream *self);
/* Backoff bounds in milliseconds (default 1000 and 60000); tests shorten them */
void                 san_event_stream_set_backoff   (SanEventStream *self,
                                                     guint           min_ms,
                                                     guint           max_ms);
/* Tries again now when waiting to reconnect (the "Retry now" button) */
void                 san_event_stream_retry_now     (SanEventStream *self);

G_END_DECLS
