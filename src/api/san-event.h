/* san-event.h: one event of the live event stream
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "san-enums.h"
#include "san-instance.h"
#include "san-notification.h"
#include "san-status.h"

G_BEGIN_DECLS

#define SAN_TYPE_EVENT (san_event_get_type ())
G_DECLARE_FINAL_TYPE (SanEvent, san_event, SAN, EVENT, GObject)

gint64                 san_event_get_seq            (SanEvent *self);
SanEventType           san_event_get_event_type     (SanEvent *self);
/* NULL for connection events (hello, resync) */
const char            *san_event_get_contract_id    (SanEvent *self);
GDateTime             *san_event_get_time           (SanEvent *self);
/* INSTANCE_STATE: the instance with its new state, and the one before */
SanInstance           *san_event_get_instance       (SanEvent *self);
SanInstanceState       san_event_get_previous_state (SanEvent *self);
/* INCIDENT_*: the whole incident as it is now */
SanIncident           *san_event_get_incident       (SanEvent *self);
/* METRICS: the server (service id) and its sample */
const char            *san_event_get_service_id     (SanEvent *self);
const SanMetricSample *san_event_get_sample         (SanEvent *self);
/* NOTIFICATION */
SanNotification       *san_event_get_notification   (SanEvent *self);

G_END_DECLS
