/* san-server-panel.h: one of the contract's own servers, live: small graphs
 * of its recent CPU, memory and network, its disk and load, its uptime
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "san-api.h"

G_BEGIN_DECLS

#define SAN_TYPE_SERVER_PANEL (san_server_panel_get_type ())
G_DECLARE_FINAL_TYPE (SanServerPanel, san_server_panel, SAN, SERVER_PANEL, GtkWidget)

/* Follows @metrics' "notify::latest": redraws only while mapped and not
 * scrolled out of view (a sample that comes meanwhile is shown when the
 * panel is on screen again).
 * @instance_name may be NULL. */
GtkWidget        *san_server_panel_new         (SanServerMetrics *metrics,
                                                const char       *instance_name);
SanServerMetrics *san_server_panel_get_metrics (SanServerPanel   *self);

G_END_DECLS
