/* san-qr-paintable.h: a QR code (libqrencode) as a crisp GdkPaintable
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SAN_TYPE_QR_PAINTABLE (san_qr_paintable_get_type ())
G_DECLARE_FINAL_TYPE (SanQrPaintable, san_qr_paintable, SAN, QR_PAINTABLE, GObject)

/* Modules of white kept around the code (the QR standard's quiet zone) */
#define SAN_QR_QUIET_MODULES 4

/* The QR code of @text (8-bit mode, error correction level M), or NULL with
 * @error when it cannot be encoded (too long, or out of memory). */
SanQrPaintable *san_qr_paintable_new           (const char      *text,
                                                GError         **error);
const char     *san_qr_paintable_get_text      (SanQrPaintable  *self);
/* Modules on a side, without the quiet zone */
guint           san_qr_paintable_get_n_modules (SanQrPaintable  *self);
/* Whether the module at (@x, @y) is dark; (0, 0) is the top left */
gboolean        san_qr_paintable_get_module    (SanQrPaintable  *self,
                                                guint            x,
                                                guint            y);

G_END_DECLS
