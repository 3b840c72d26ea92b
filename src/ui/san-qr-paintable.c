/* san-qr-paintable.c: a QR code (libqrencode) as a crisp GdkPaintable
 *
 * Snapshots dark modules as rectangles (one per horizontal run) on white with
 * the quiet zone, each module a whole number of pixels: no scaled bitmap, no
 * blur, readable by a phone camera at any size.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <glib/gi18n.h>
#include <qrencode.h>

#include "san-qr-paintable.h"

/* Pixels a module at the natural size */
#define MODULE_PIXELS 5

struct _SanQrPaintable
{
  GObject  parent_instance;

  char    *text;
  guint    n_modules;
  guint8  *modules;   /* n_modules * n_modules, 1 = dark */
};

static void san_qr_paintable_paintable_init (GdkPaintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SanQrPaintable, san_qr_paintable, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE,
                                                      san_qr_paintable_paintable_init))

static void
san_qr_paintable_snapshot (GdkPaintable *paintable,
                           GdkSnapshot  *snapshot,
                           double        width,
                           double        height)
{
  SanQrPaintable *self = SAN_QR_PAINTABLE (paintable);
  const GdkRGBA white = { 1, 1, 1, 1 };
  const GdkRGBA black = { 0, 0, 0, 1 };
  guint total = self->n_modules + 2 * SAN_QR_QUIET_MODULES;
  double side = MIN (width, height);
  double module = floor (side / total);
  double left, top;

  if (module < 1)
    module = side / total;   /* smaller than a pixel a module: unreadable anyway */

  left = floor ((width - module * total) / 2);
  top = floor ((height - module * total) / 2);

  gtk_snapshot_append_color (GTK_SNAPSHOT (snapshot), &white,
                             &GRAPHENE_RECT_INIT (left, top, module * total, module * total));

  for (guint y = 0; y < self->n_modules; y++)
    {
      guint x = 0;

      while (x < self->n_modules)
        {
          guint start;

          if (!self->modules[y * self->n_modules + x])
            {
              x++;
              continue;
            }
          start = x;
          while (x < self->n_modules && self->modules[y * self->n_modules + x])
            x++;
          gtk_snapshot_append_color (GTK_SNAPSHOT (snapshot), &black,
                                     &GRAPHENE_RECT_INIT (left + module * (start + SAN_QR_QUIET_MODULES),
                                                          top + module * (y + SAN_QR_QUIET_MODULES),
                                                          module * (x - start),
                                                          module));
        }
    }
}

static GdkPaintableFlags
san_qr_paintable_get_flags (GdkPaintable *paintable)
{
  return GDK_PAINTABLE_STATIC_SIZE | GDK_PAINTABLE_STATIC_CONTENTS;
}

static int
san_qr_paintable_get_intrinsic_size (GdkPaintable *paintable)
{
  SanQrPaintable *self = SAN_QR_PAINTABLE (paintable);

  return (int) (self->n_modules + 2 * SAN_QR_QUIET_MODULES) * MODULE_PIXELS;
}

static double
san_qr_paintable_get_intrinsic_aspect_ratio (GdkPaintable *paintable)
{
  return 1.0;
}

static void
san_qr_paintable_paintable_init (GdkPaintableInterface *iface)
{
  iface->snapshot = san_qr_paintable_snapshot;
  iface->get_flags = san_qr_paintable_get_flags;
  iface->get_intrinsic_width = san_qr_paintable_get_intrinsic_size;
  iface->get_intrinsic_height = san_qr_paintable_get_intrinsic_size;
  iface->get_intrinsic_aspect_ratio = san_qr_paintable_get_intrinsic_aspect_ratio;
}

static void
san_qr_paintable_finalize (GObject *object)
{
  SanQrPaintable *self = SAN_QR_PAINTABLE (object);

  g_free (self->text);
  g_free (self->modules);

  G_OBJECT_CLASS (san_qr_paintable_parent_class)->finalize (object);
}

static void
san_qr_paintable_class_init (SanQrPaintableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = san_qr_paintable_finalize;
}

static void
san_qr_paintable_init (SanQrPaintable *self)
{
}

SanQrPaintable *
san_qr_paintable_new (const char  *text,
                      GError     **error)
{
  g_autoptr(SanQrPaintable) self = NULL;
  QRcode *code;
  guint n;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  code = QRcode_encodeString (text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (code == NULL)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not make a QR code: %s"), g_strerror (saved));
      return NULL;
    }

  self = g_object_new (SAN_TYPE_QR_PAINTABLE, NULL);
  self->text = g_strdup (text);
  self->n_modules = n = (guint) code->width;
  self->modules = g_new (guint8, n * n);
  /* Bit 0 of each byte is the module's colour; the others say what it is */
  for (guint i = 0; i < n * n; i++)
    self->modules[i] = code->data[i] & 1;
  QRcode_free (code);

  return g_steal_pointer (&self);
}

const char *
san_qr_paintable_get_text (SanQrPaintable *self)
{
  g_return_val_if_fail (SAN_IS_QR_PAINTABLE (self), NULL);

  return self->text;
}

guint
san_qr_paintable_get_n_modules (SanQrPaintable *self)
{
  g_return_val_if_fail (SAN_IS_QR_PAINTABLE (self), 0);

  return self->n_modules;
}

gboolean
san_qr_paintable_get_module (SanQrPaintable *self,
                             guint           x,
                             guint           y)
{
  g_return_val_if_fail (SAN_IS_QR_PAINTABLE (self), FALSE);
  g_return_val_if_fail (x < self->n_modules && y < self->n_modules, FALSE);

  return self->modules[y * self->n_modules + x] != 0;
}
