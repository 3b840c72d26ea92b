/* san-barcode-widget.c: a boleto's ITF barcode, drawn natively as bars
 *
 * The bars come from san_itf_encode() (1 = narrow, 3 = wide). Each module is
 * a whole number of device pixels, so the bars stay crisp at any size; the
 * code sits on white with quiet zones, also in the dark style, so a reader
 * (or a banking app's camera) can scan it from the screen.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <math.h>

#include "san-barcode-widget.h"
#include "san-itf.h"

/* FEBRABAN: 13 mm high; about 50 logical pixels on a screen */
#define BAR_HEIGHT 56

struct _SanBarcodeWidget
{
  GtkWidget   parent_instance;

  char       *digits;
  GByteArray *widths;    /* NULL when there is nothing to draw */
  guint       n_modules; /* quiet zones included */
};

enum {
  PROP_0,
  PROP_DIGITS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SanBarcodeWidget, san_barcode_widget, GTK_TYPE_WIDGET)

static guint
count_modules (GByteArray *widths)
{
  guint n = 2 * SAN_BARCODE_QUIET_MODULES;

  for (guint i = 0; i < widths->len; i++)
    n += widths->data[i];
  return n;
}

static void
san_barcode_widget_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  SanBarcodeWidget *self = SAN_BARCODE_WIDGET (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* One pixel a module at least; two reads comfortably */
      *minimum = (int) self->n_modules;
      *natural = (int) self->n_modules * 2;
    }
  else
    {
      *minimum = *natural = self->widths != NULL ? BAR_HEIGHT : 0;
    }
}

static void
san_barcode_widget_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  SanBarcodeWidget *self = SAN_BARCODE_WIDGET (widget);
  const GdkRGBA white = { 1, 1, 1, 1 };
  const GdkRGBA black = { 0, 0, 0, 1 };
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  int device_width = width * scale;
  int module;   /* device pixels */
  double x, left;

  if (self->widths == NULL || self->n_modules == 0 || width <= 0 || height <= 0)
    return;

  /* Whole device pixels per module: no blurred edges between bars */
  module = MAX (1, device_width / (int) self->n_modules);
  left = floor ((device_width - module * (int) self->n_modules) / 2.0) / scale;
  if (left < 0)
    left = 0;

  gtk_snapshot_append_color (snapshot, &white,
                             &GRAPHENE_RECT_INIT (left, 0,
                                                  (float) module * self->n_modules / scale,
                                                  height));

  x = left + (double) module * SAN_BARCODE_QUIET_MODULES / scale;
  for (guint i = 0; i < self->widths->len; i++)
    {
      double w = (double) module * self->widths->data[i] / scale;

      if (i % 2 == 0)   /* bars at even positions, spaces between */
        gtk_snapshot_append_color (snapshot, &black,
                                   &GRAPHENE_RECT_INIT (x, 0, w, height));
      x += w;
    }
}

static void
san_barcode_widget_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SanBarcodeWidget *self = SAN_BARCODE_WIDGET (object);

  switch (prop_id)
    {
    case PROP_DIGITS:
      g_value_set_string (value, self->digits);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_barcode_widget_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SanBarcodeWidget *self = SAN_BARCODE_WIDGET (object);

  switch (prop_id)
    {
    case PROP_DIGITS:
      san_barcode_widget_set_digits (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_barcode_widget_finalize (GObject *object)
{
  SanBarcodeWidget *self = SAN_BARCODE_WIDGET (object);

  g_free (self->digits);
  g_clear_pointer (&self->widths, g_byte_array_unref);

  G_OBJECT_CLASS (san_barcode_widget_parent_class)->finalize (object);
}

static void
san_barcode_widget_class_init (SanBarcodeWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = san_barcode_widget_finalize;
  object_class->get_property = san_barcode_widget_get_property;
  object_class->set_property = san_barcode_widget_set_property;
  widget_class->measure = san_barcode_widget_measure;
  widget_class->snapshot = san_barcode_widget_snapshot;

  properties[PROP_DIGITS] =
    g_param_spec_string ("digits", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "barcode");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
san_barcode_widget_init (SanBarcodeWidget *self)
{
}

GtkWidget *
san_barcode_widget_new (void)
{
  return g_object_new (SAN_TYPE_BARCODE_WIDGET, NULL);
}

const char *
san_barcode_widget_get_digits (SanBarcodeWidget *self)
{
  g_return_val_if_fail (SAN_IS_BARCODE_WIDGET (self), NULL);

  return self->digits;
}

void
san_barcode_widget_set_digits (SanBarcodeWidget *self,
                               const char       *digits)
{
  g_return_if_fail (SAN_IS_BARCODE_WIDGET (self));

  if (g_strcmp0 (digits, self->digits) == 0)
    return;

  g_free (self->digits);
  self->digits = g_strdup (digits);
  g_clear_pointer (&self->widths, g_byte_array_unref);
  self->n_modules = 0;
  if (digits != NULL)
    self->widths = san_itf_encode (digits);
  if (self->widths != NULL)
    self->n_modules = count_modules (self->widths);

  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIGITS]);
}

guint
san_barcode_count_modules (const char *digits)
{
  g_autoptr(GByteArray) widths = NULL;

  g_return_val_if_fail (digits != NULL, 0);

  widths = san_itf_encode (digits);
  return widths != NULL ? count_modules (widths) : 0;
}

gboolean
san_barcode_draw_cairo (cairo_t    *cr,
                        const char *digits,
                        double      x,
                        double      y,
                        double      width,
                        double      height)
{
  g_autoptr(GByteArray) widths = NULL;
  double module;
  double bar_x;

  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (digits != NULL, FALSE);

  widths = san_itf_encode (digits);
  if (widths == NULL)
    return FALSE;

  module = width / count_modules (widths);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, width, height);
  cairo_fill (cr);

  cairo_set_source_rgb (cr, 0, 0, 0);
  bar_x = x + module * SAN_BARCODE_QUIET_MODULES;
  for (guint i = 0; i < widths->len; i++)
    {
      double w = module * widths->data[i];

      if (i % 2 == 0)
        cairo_rectangle (cr, bar_x, y, w, height);
      bar_x += w;
    }
  cairo_fill (cr);
  cairo_restore (cr);
  return TRUE;
}
