/* san-status.h: live status models (instances' states, incidents, the
 * contract's own servers and their metrics)
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "san-enums.h"
#include "san-instance.h"

G_BEGIN_DECLS

/* One metrics sample of a server (a cloud or dedicated service) */
typedef struct
{
  gint64  time_ms;       /* when it was taken, ms since the epoch (UTC) */
  double  cpu_pct;       /* 0..100 */
  double  mem_pct;       /* 0..100 */
  double  disk_pct;      /* 0..100 */
  double  net_in_bps;    /* bytes per second, >= 0 */
  double  net_out_bps;   /* bytes per second, >= 0 */
  double  load1;         /* load average over one minute, >= 0 */
  gint64  uptime_s;      /* seconds since the server booted, >= 0 */
} SanMetricSample;

#define SAN_TYPE_METRIC_SAMPLE (san_metric_sample_get_type ())
GType            san_metric_sample_get_type (void) G_GNUC_CONST;
SanMetricSample *san_metric_sample_copy     (const SanMetricSample *sample);
void             san_metric_sample_free     (SanMetricSample       *sample);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SanMetricSample, san_metric_sample_free)

/* One entry of an incident's timeline */
#define SAN_TYPE_INCIDENT_UPDATE (san_incident_update_get_type ())
G_DECLARE_FINAL_TYPE (SanIncidentUpdate, san_incident_update, SAN, INCIDENT_UPDATE, GObject)

const char        *san_incident_update_get_id         (SanIncidentUpdate *self);
SanIncidentStatus  san_incident_update_get_status     (SanIncidentUpdate *self);
const char        *san_incident_update_get_message    (SanIncidentUpdate *self);
GDateTime         *san_incident_update_get_created_at (SanIncidentUpdate *self);

/* An incident: what is wrong, where, and what SAN has said since */
#define SAN_TYPE_INCIDENT (san_incident_get_type ())
G_DECLARE_FINAL_TYPE (SanIncident, san_incident, SAN, INCIDENT, GObject)

const char         *san_incident_get_id           (SanIncident *self);
const char         *san_incident_get_title        (SanIncident *self);
SanIncidentImpact   san_incident_get_impact       (SanIncident *self);
/* the status of the latest update */
SanIncidentStatus   san_incident_get_status       (SanIncident *self);
/* not resolved: an alert */
gboolean            san_incident_is_open          (SanIncident *self);
/* ids of the affected instances */
const char * const *san_incident_get_instance_ids (SanIncident *self);
gboolean            san_incident_affects          (SanIncident *self,
                                                   const char  *instance_id);
GDateTime          *san_incident_get_started_at   (SanIncident *self);
/* NULL while open */
GDateTime          *san_incident_get_resolved_at  (SanIncident *self);
/* SanIncidentUpdate, oldest first */
GListModel         *san_incident_get_updates      (SanIncident *self);

/* One of the contract's own servers (a cloud or dedicated service) with
 * its recent metrics */
#define SAN_TYPE_SERVER_METRICS (san_server_metrics_get_type ())
G_DECLARE_FINAL_TYPE (SanServerMetrics, san_server_metrics, SAN, SERVER_METRICS, GObject)

/* the service's id */
const char            *san_server_metrics_get_service_id  (SanServerMetrics *self);
/* "Cloud 4 GB" */
const char            *san_server_metrics_get_plan        (SanServerMetrics *self);
/* may be "" */
const char            *san_server_metrics_get_domain      (SanServerMetrics *self);
SanServiceKind         san_server_metrics_get_kind        (SanServerMetrics *self);
const char            *san_server_metrics_get_instance_id (SanServerMetrics *self);
/* FALSE: stopped (suspended), no metrics come */
gboolean               san_server_metrics_get_running     (SanServerMetrics *self);
/* seconds between two history samples */
guint                  san_server_metrics_get_step        (SanServerMetrics *self);
/* SanMetricSample, oldest first: the last hour at the step */
GArray                *san_server_metrics_get_history     (SanServerMetrics *self);
/* the newest sample (from the history or a later live one), NULL when none */
const SanMetricSample *san_server_metrics_get_latest      (SanServerMetrics *self);
/* Adds a live sample: appended to the history when at least a step newer
 * than its last entry (the oldest one then drops out), and made the latest.
 * Emits "notify::latest" */
void                   san_server_metrics_push            (SanServerMetrics      *self,
                                                           const SanMetricSample *sample);

/* The status page's data: the public one (every instance, recent incidents)
 * or a contract's (the instances hosting its services, the incidents that
 * affect them and its own servers) */
#define SAN_TYPE_STATUS (san_status_get_type ())
G_DECLARE_FINAL_TYPE (SanStatus, san_status, SAN, STATUS, GObject)

/* SanInstance (with state), by name */
GListModel *san_status_get_instances (SanStatus *self);
/* SanIncident, newest first */
GListModel *san_status_get_incidents (SanStatus *self);
/* SanServerMetrics (empty for the public status) */
GListModel *san_status_get_servers   (SanStatus *self);
/* Events with a seq up to this one are already in this view */
gint64      san_status_get_seq       (SanStatus *self);

G_END_DECLS
