/* san-notification.h: a notification event's content (invoice paid,
 * ticket answered, ...)
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SAN_TYPE_NOTIFICATION (san_notification_get_type ())
G_DECLARE_FINAL_TYPE (SanNotification, san_notification, SAN, NOTIFICATION, GObject)

/* The wire word: "invoice_paid", "ticket_answered", or a kind this version
 * does not know (show the title and body then) */
const char *san_notification_get_kind        (SanNotification *self);
/* The server's text (Portuguese), for kinds the app does not know */
const char *san_notification_get_title       (SanNotification *self);
const char *san_notification_get_body        (SanNotification *self);
/* What it is about: "invoice" or "ticket" with its id, or NULL */
const char *san_notification_get_target_kind (SanNotification *self);
const char *san_notification_get_target_id   (SanNotification *self);
/* The invoice number or the ticket subject, "" when none */
const char *san_notification_get_label       (SanNotification *self);

G_END_DECLS
