/* san-portald-status.h: instances' states, incidents, the contract's own
 * servers' metrics (demo), and the admin interface that changes them
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "san-portald-db.h"
#include "san-portald-events.h"
#include "san-portald-request.h"

G_BEGIN_DECLS

/* migration 7 (san-portald-status-db.c) */
extern const char san_portald_status_schema[];

/* GET /api/v1/status (public) */
void     san_portald_handle_status               (SanPortaldRequest *req);
/* GET /api/v1/contracts/{cid}/status ("services") */
void     san_portald_handle_contract_status      (SanPortaldRequest *req);

/* The admin interface (/admin/v1/, loopback and --admin-token only; the
 * router checks both before these run) */
void     san_portald_handle_admin_incident_create (SanPortaldRequest *req);
void     san_portald_handle_admin_incident_update (SanPortaldRequest *req);
void     san_portald_handle_admin_instance_state  (SanPortaldRequest *req);
void     san_portald_handle_admin_notification    (SanPortaldRequest *req);
void     san_portald_handle_admin_events          (SanPortaldRequest *req);

/* The demo's status data: states, open and past incidents */
gboolean san_portald_status_seed_demo            (SanPortaldDb      *db,
                                                  const GDate       *today,
                                                  GError           **error);

/* Benchmarks: adds @n active cloud servers to the demo's Padaria contract
 * (owned by demo@example.com), spread over the existing instances, in one
 * transaction. FALSE without the demo data. */
gboolean san_portald_status_seed_bench_servers   (SanPortaldDb      *db,
                                                  guint              n,
                                                  GError           **error);

/* --demo: the own servers' metrics move plausibly; every @interval_ms each
 * running cloud or dedicated service publishes a "metrics" event */
typedef struct _SanPortaldMetrics SanPortaldMetrics;
SanPortaldMetrics *san_portald_metrics_new  (SanPortaldDb      *db,
                                             SanPortaldEvents  *events,
                                             guint              interval_ms);
void               san_portald_metrics_free (SanPortaldMetrics *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SanPortaldMetrics, san_portald_metrics_free)

G_END_DECLS
