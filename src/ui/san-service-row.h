/* san-service-row.h: one service in the Services list
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "san-api.h"

G_BEGIN_DECLS

#define SAN_TYPE_SERVICE_ROW (san_service_row_get_type ())
G_DECLARE_FINAL_TYPE (SanServiceRow, san_service_row, SAN, SERVICE_ROW, GtkWidget)

GtkWidget  *san_service_row_new         (void);
SanService *san_service_row_get_service (SanServiceRow *self);
void        san_service_row_set_service (SanServiceRow *self,
                                         SanService    *service);

G_END_DECLS
