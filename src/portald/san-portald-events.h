/* san-portald-events.h: the live event stream (GET /api/v1/events, a
 * WebSocket): sequence numbers, the replay buffer, per-client queues
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every event is a JSON object with "seq", "type", "contract_id" and "time"
 * (data/api/openapi.yaml, "Event stream"). Durable events (everything but
 * metrics) are kept in a bounded buffer for clients that resume with
 * ?since=SEQ; metrics are live samples, never replayed, and coalesced to the
 * latest per server for a client that lags. A client receives an event only
 * when san_portald_authorize_contract () allows it the event's permission
 * on the event's contract.
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "san-portald-db.h"

G_BEGIN_DECLS

#define SAN_PORTALD_EVENTS_DEFAULT_BUFFER 1024   /* durable events kept for resuming */
#define SAN_PORTALD_EVENTS_DEFAULT_QUEUE  256    /* durable events queued for one slow client */
#define SAN_PORTALD_EVENTS_DEFAULT_PING_S 20     /* WebSocket ping interval */

typedef struct _SanPortaldEvents SanPortaldEvents;
typedef struct _SanPortaldServer SanPortaldServer;

/* @db must outlive the hub */
SanPortaldEvents *san_portald_events_new          (SanPortaldServer *server,
                                                   SanPortaldDb     *db);
/* Closes every client's socket (1001 going away) */
void              san_portald_events_free         (SanPortaldEvents *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SanPortaldEvents, san_portald_events_free)

void              san_portald_events_set_limits   (SanPortaldEvents *self,
                                                   guint             buffer_size,
                                                   guint             max_queued,
                                                   guint             ping_interval_s);
/* Serves the WebSocket at /api/v1/events on @soup */
void              san_portald_events_attach       (SanPortaldEvents *self,
                                                   SoupServer       *soup);

/* Publishes a durable event now: adds "seq", "type", "contract_id" and
 * "time" to @payload (an object with the type's members; taken), buffers it
 * and sends it to every client that may see @permission on @contract_id.
 * Returns its seq. */
gint64            san_portald_events_publish      (SanPortaldEvents *self,
                                                   const char       *type,
                                                   gint64            contract_id,
                                                   const char       *permission,
                                                   JsonObject       *payload);
/* The same once the open transaction of @db commits (nothing on rollback);
 * at once when none is open. For handlers whose event follows their data. */
void              san_portald_events_publish_when_done (SanPortaldEvents *self,
                                                        SanPortaldDb     *db,
                                                        const char       *type,
                                                        gint64            contract_id,
                                                        const char       *permission,
                                                        JsonObject       *payload);
/* A notification event ("notification" with kind, title, body, target,
 * label), after commit: invoice_paid needs "invoices", ticket_answered
 * "tickets". @target_kind/@target_id/@label may be NULL. */
void              san_portald_events_notify_when_done (SanPortaldEvents *self,
                                                       SanPortaldDb     *db,
                                                       gint64            contract_id,
                                                       const char       *permission,
                                                       const char       *kind,
                                                       const char       *title,
                                                       const char       *body,
                                                       const char       *target_kind,
                                                       const char       *target_id,
                                                       const char       *label);
/* A metrics sample of @service_id (an object: time, cpu_pct, ...; taken):
 * permission "services"; not buffered; coalesced for a lagging client */
void              san_portald_events_publish_metrics (SanPortaldEvents *self,
                                                      gint64            contract_id,
                                                      gint64            service_id,
                                                      JsonObject       *sample);

/* The newest seq given out (the first is the server's start time in
 * microseconds, so seqs grow across restarts) */
gint64            san_portald_events_get_seq      (SanPortaldEvents *self);
/* Closes the event sockets of session @session_id with 4401 (it signed
 * out; a session that expires is found by the periodic check) */
void              san_portald_events_end_session  (SanPortaldEvents *self,
                                                   gint64            session_id);
/* Connected clients, for GET /admin/v1/events */
guint             san_portald_events_get_n_clients (SanPortaldEvents *self);
/* Durable events kept for resuming (at most --event-buffer), for
 * GET /admin/v1/events "buffered" */
guint             san_portald_events_get_n_buffered (SanPortaldEvents *self);

G_END_DECLS
