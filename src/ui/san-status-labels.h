/* san-status-labels.h: the words, icons and styles for live status
 * (instances' states, incidents' impact and status, metrics values)
 *
 * Shared by the Status section and the Overview banner / notifications bell.
 * A state is never shown by colour alone: show its icon and its word too.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "san-api.h"

G_BEGIN_DECLS

/* "Operational", "Degraded", "Partial outage", "Major outage",
 * "Under maintenance" ("Unknown" for UNKNOWN) */
const char *san_instance_state_label      (SanInstanceState  state);
/* A symbolic icon in adwaita-icon-theme 43: emblem-ok-symbolic,
 * dialog-warning-symbolic, dialog-error-symbolic, ... */
const char *san_instance_state_icon_name  (SanInstanceState  state);
/* "status-operational", "status-degraded", "status-partial-outage",
 * "status-major-outage", "status-maintenance", "status-unknown": style.css
 * colours text and icons with it (success / warning / error / accent) */
const char *san_instance_state_css_class  (SanInstanceState  state);
/* How bad a state is for ordering and summaries: OPERATIONAL 0,
 * MAINTENANCE 1, DEGRADED 2, PARTIAL_OUTAGE 3, MAJOR_OUTAGE 4 (UNKNOWN 0) */
int         san_instance_state_severity   (SanInstanceState  state);

/* "No impact", "Minor impact", "Major impact", "Critical impact" */
const char *san_incident_impact_label     (SanIncidentImpact impact);
const char *san_incident_impact_icon_name (SanIncidentImpact impact);
/* "status-impact-none" (dim), "status-impact-minor" (warning),
 * "status-impact-major" and "status-impact-critical" (error) */
const char *san_incident_impact_css_class (SanIncidentImpact impact);

/* "Investigating", "Identified", "Monitoring", "Resolved" */
const char *san_incident_status_label     (SanIncidentStatus status);
const char *san_incident_status_icon_name (SanIncidentStatus status);
/* "status-incident-investigating", ..., "status-incident-resolved" */
const char *san_incident_status_css_class (SanIncidentStatus status);

/* The summary a banner shows: "All systems operational" for 0, else
 * "1 open incident affects your services" / "N open incidents affect your
 * services" */
char       *san_status_summary            (guint             n_open_incidents);
/* What an alert means for the customer: "SAN's team is on it; you don't
 * need to do anything." */
const char *san_status_reassurance        (void);

/* A moment in the user's time zone and format: "24 Nov 2026, 14:05"
 * (pt_BR "24/11/2026, 14:05"); only "14:05" when it is today next to @now
 * (NULL @now: always the date too) */
char       *san_status_format_time        (GDateTime        *time,
                                           GDateTime        *now);
/* "Since 14:05" / "Since 24 Nov 2026, 14:05" */
char       *san_status_format_since       (GDateTime        *time,
                                           GDateTime        *now);
/* An uptime: "Up 12 days, 3 h", "Up 3 h, 20 min", "Up 5 min" */
char       *san_status_format_uptime      (gint64            uptime_s);
/* A rate in bytes per second: "1.2 MB/s" */
char       *san_status_format_rate        (double            bytes_per_s);
/* A percentage: "43%" */
char       *san_status_format_percent     (double            pct);

G_END_DECLS
