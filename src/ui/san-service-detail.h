/* san-service-detail.h: everything about one service, in plain language
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "san-api.h"

G_BEGIN_DECLS

#define SAN_TYPE_SERVICE_DETAIL (san_service_detail_get_type ())
G_DECLARE_FINAL_TYPE (SanServiceDetail, san_service_detail, SAN, SERVICE_DETAIL, GtkWidget)

SanService *san_service_detail_get_service  (SanServiceDetail *self);
void        san_service_detail_set_service  (SanServiceDetail *self,
                                             SanService       *service);
/* The contract the service belongs to and the client to act with (both
 * NULL: nothing can be changed). With the manage_services permission, a
 * service that is not cancelled or terminated offers to change its support
 * level. */
void        san_service_detail_set_contract (SanServiceDetail *self,
                                             SanClient        *client,
                                             SanContract      *contract);

/* Signals:
 *   "service-changed" (SanService *service): the server changed the service
 *   (its support level). Whoever holds the list of services should take it
 *   in (or load them again); right after the handlers the detail shows
 *   @service. */

G_END_DECLS
