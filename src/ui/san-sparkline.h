/* san-sparkline.h: one metric of a server as a small live graph with its
 * caption and current value (or the value alone, for disk and load)
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "san-api.h"

G_BEGIN_DECLS

typedef enum
{
  SAN_SPARKLINE_CPU,
  SAN_SPARKLINE_MEMORY,
  SAN_SPARKLINE_NET_IN,
  SAN_SPARKLINE_NET_OUT,
  SAN_SPARKLINE_DISK,     /* the value and a bar, no graph */
  SAN_SPARKLINE_LOAD,     /* the value alone */
} SanSparklineMetric;

#define SAN_TYPE_SPARKLINE (san_sparkline_get_type ())
G_DECLARE_FINAL_TYPE (SanSparkline, san_sparkline, SAN, SPARKLINE, GtkWidget)

GtkWidget  *san_sparkline_new            (SanSparklineMetric  metric,
                                          SanServerMetrics   *metrics);
/* A new sample came: redraws and updates the accessible label ("CPU: 12%").
 * Nothing is laid out again. Call it only while the sparkline is shown. */
void        san_sparkline_update         (SanSparkline       *self);
/* The value as shown: "12%", "1.2 MB/s", "0.42"; "—" without samples */
const char *san_sparkline_get_value_text (SanSparkline       *self);
/* How many times it drew itself (for tests: a hidden one does not) */
guint       san_sparkline_get_draw_count (SanSparkline       *self);

G_END_DECLS
