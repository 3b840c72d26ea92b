/* san-status-private.h: building the status models from the wire
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "san-status.h"

G_BEGIN_DECLS

/* A metrics sample: "time" RFC 3339, pcts in 0..100, bps and load >= 0
 * (finite), uptime_s an integer >= 0 */
gboolean          san_metric_sample_read_json       (JsonObject        *object,
                                                     SanMetricSample   *out,
                                                     GError           **error);
SanIncident      *san_incident_new_from_json        (JsonObject        *object,
                                                     GError           **error);
SanServerMetrics *san_server_metrics_new_from_json  (JsonObject        *object,
                                                     GError           **error);
/* @contract: a contract's status (instances with "services", "servers");
 * else the public one (no "servers") */
SanStatus        *san_status_new_from_json          (JsonObject        *object,
                                                     gboolean           contract,
                                                     GError           **error);

G_END_DECLS
