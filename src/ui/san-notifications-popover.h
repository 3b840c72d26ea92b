/* san-notifications-popover.h: the bell's list: alerts (open incidents)
 * first, then what happened, newest first
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "san-notification-center.h"

G_BEGIN_DECLS

#define SAN_TYPE_NOTIFICATIONS_POPOVER (san_notifications_popover_get_type ())
G_DECLARE_FINAL_TYPE (SanNotificationsPopover, san_notifications_popover, SAN, NOTIFICATIONS_POPOVER, GtkPopover)

/* Signals:
 *   "alert-activated" (SanAlert *alert): the user clicked it; the popover
 *                     closes. */

/* Shows @center's alerts and entries (NULL: nothing) */
void san_notifications_popover_set_center (SanNotificationsPopover *self,
                                           SanNotificationCenter   *center);

G_END_DECLS
