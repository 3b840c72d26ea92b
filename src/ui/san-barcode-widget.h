/* san-barcode-widget.h: a boleto's ITF barcode, drawn natively as bars
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SAN_TYPE_BARCODE_WIDGET (san_barcode_widget_get_type ())
G_DECLARE_FINAL_TYPE (SanBarcodeWidget, san_barcode_widget, SAN, BARCODE_WIDGET, GtkWidget)

/* Modules (narrow widths) of white kept on each side of the bars */
#define SAN_BARCODE_QUIET_MODULES 10

GtkWidget  *san_barcode_widget_new         (void);
/* The digits drawn (an even number, 44 for a boleto), or NULL */
const char *san_barcode_widget_get_digits  (SanBarcodeWidget *self);
/* Draws @digits as ITF; NULL, or digits ITF cannot encode, draw nothing */
void        san_barcode_widget_set_digits  (SanBarcodeWidget *self,
                                            const char       *digits);

/* How many modules @digits take as ITF, quiet zones included; 0 when ITF
 * cannot encode them */
guint       san_barcode_count_modules      (const char       *digits);
/* Draws @digits as ITF bars with cairo into the rectangle (@x, @y, @width,
 * @height), quiet zones included, on white; for printing. FALSE when ITF
 * cannot encode them. */
gboolean    san_barcode_draw_cairo         (cairo_t          *cr,
                                            const char       *digits,
                                            double            x,
                                            double            y,
                                            double            width,
                                            double            height);

G_END_DECLS
