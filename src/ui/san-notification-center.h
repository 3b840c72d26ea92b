/* san-notification-center.h: the app's alerts and notifications: the
 * bell's list, its unread count, and the desktop notifications sent
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "san-api.h"
#include "san-event.h"

G_BEGIN_DECLS

typedef enum
{
  SAN_ALERT_KIND_OPEN_INCIDENT,      /* an alert: an incident still open */
  SAN_ALERT_KIND_INCIDENT_CREATED,
  SAN_ALERT_KIND_INCIDENT_RESOLVED,
  SAN_ALERT_KIND_SERVER_DOWN,        /* partial or major outage */
  SAN_ALERT_KIND_SERVER_RECOVERED,   /* back to operational after one */
  SAN_ALERT_KIND_INVOICE_PAID,
  SAN_ALERT_KIND_TICKET_ANSWERED,
  SAN_ALERT_KIND_OTHER,              /* a notification kind this version does not know */
} SanAlertKind;

/* Where activating it goes */
typedef enum
{
  SAN_ALERT_TARGET_NONE,
  SAN_ALERT_TARGET_STATUS,    /* the Status section (incidents, servers) */
  SAN_ALERT_TARGET_INVOICE,
  SAN_ALERT_TARGET_TICKET,
} SanAlertTarget;

/* One entry of the bell's list */
#define SAN_TYPE_ALERT (san_alert_get_type ())
G_DECLARE_FINAL_TYPE (SanAlert, san_alert, SAN, ALERT, GObject)

SanAlertKind    san_alert_get_kind        (SanAlert *self);
/* Localized, composed from the kind (the server's text for OTHER) */
const char     *san_alert_get_title       (SanAlert *self);
const char     *san_alert_get_body        (SanAlert *self);
GDateTime      *san_alert_get_time        (SanAlert *self);
const char     *san_alert_get_contract_id (SanAlert *self);
SanAlertTarget  san_alert_get_target      (SanAlert *self);
/* The incident, invoice or ticket id; NULL for a server or no target */
const char     *san_alert_get_target_id   (SanAlert *self);
/* The desktop notification's id: a repeat about the same thing replaces it */
const char     *san_alert_get_notification_id (SanAlert *self);

#define SAN_TYPE_NOTIFICATION_CENTER (san_notification_center_get_type ())
G_DECLARE_FINAL_TYPE (SanNotificationCenter, san_notification_center, SAN, NOTIFICATION_CENTER, GObject)

/* Signals:
 *   "sent" (SanAlert *alert): a desktop notification about @alert was sent
 *          (g_application_send_notification).
 * Properties: "unread-count" (guint). */

/* Sends desktop notifications through @application (may be NULL: none) */
SanNotificationCenter *san_notification_center_new              (GApplication          *application);
/* SanAlert of kind OPEN_INCIDENT: the open incidents of the user's
 * contracts, each incident once, newest first */
GListModel            *san_notification_center_get_alerts       (SanNotificationCenter *self);
/* SanAlert: what happened, newest first, at most 100 */
GListModel            *san_notification_center_get_items        (SanNotificationCenter *self);
guint                  san_notification_center_get_unread_count (SanNotificationCenter *self);
void                   san_notification_center_mark_all_read    (SanNotificationCenter *self);
/* Replaces @contract_id's alerts with the open ones of @incidents
 * (SanIncident) */
void                   san_notification_center_set_incidents    (SanNotificationCenter *self,
                                                                 const char            *contract_id,
                                                                 GListModel            *incidents);
/* Takes in a stream event: updates the alerts and, when it is worth telling
 * (an incident created or resolved, a server down or recovered, a
 * notification), adds an entry and returns it (transfer none). Returns NULL
 * otherwise, and for a repeat about the same thing (one event per affected
 * contract). */
SanAlert              *san_notification_center_add_event        (SanNotificationCenter *self,
                                                                 SanEvent              *event);
/* Sends @alert as a desktop notification; activating it runs
 * app.show-alert ("(sss)": contract id, target word, target id) */
void                   san_notification_center_send             (SanNotificationCenter *self,
                                                                 SanAlert              *alert);
/* Forgets everything (sign-out) */
void                   san_notification_center_clear            (SanNotificationCenter *self);

/* The wire word of a target, for app.show-alert, and back */
const char            *san_alert_target_to_string               (SanAlertTarget         target);
SanAlertTarget         san_alert_target_from_string             (const char            *word);

G_END_DECLS
