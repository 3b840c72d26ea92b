/* san-service-row.c: one service in the Services list
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "san-service-labels.h"
#include "san-service-row.h"

struct _SanServiceRow
{
  GtkWidget   parent_instance;

  SanService *service;

  GtkLabel   *title_label;
  GtkLabel   *subtitle_label;
  GtkLabel   *status_label;
  GtkLabel   *price_label;
};

enum {
  PROP_0,
  PROP_SERVICE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SanServiceRow, san_service_row, GTK_TYPE_WIDGET)

static const char *status_classes[] = {
  "status-pending", "status-active", "status-suspended", "status-cancelled", "status-terminated",
};

static void
update_labels (SanServiceRow *self)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *price = NULL;
  SanServiceStatus status;

  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), status_classes[i]);

  if (self->service == NULL)
    {
      gtk_label_set_label (self->title_label, "");
      gtk_label_set_label (self->subtitle_label, "");
      gtk_label_set_label (self->status_label, "");
      gtk_label_set_label (self->price_label, "");
      return;
    }

  status = san_service_get_status (self->service);
  subtitle = san_service_dup_subtitle (self->service);
  price = san_service_dup_short_price (self->service);

  gtk_label_set_label (self->title_label, san_service_get_title (self->service));
  gtk_label_set_label (self->subtitle_label, subtitle);
  gtk_label_set_label (self->status_label, san_service_status_label (status));
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), san_service_status_css_class (status));
  gtk_label_set_label (self->price_label, price);
}

static void
san_service_row_dispose (GObject *object)
{
  SanServiceRow *self = SAN_SERVICE_ROW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SAN_TYPE_SERVICE_ROW);
  /* The template's top widget is not a bound child: unparent it too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->service);

  G_OBJECT_CLASS (san_service_row_parent_class)->dispose (object);
}

static void
san_service_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SanServiceRow *self = SAN_SERVICE_ROW (object);

  switch (prop_id)
    {
    case PROP_SERVICE:
      g_value_set_object (value, self->service);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_service_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SanServiceRow *self = SAN_SERVICE_ROW (object);

  switch (prop_id)
    {
    case PROP_SERVICE:
      san_service_row_set_service (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_service_row_class_init (SanServiceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = san_service_row_dispose;
  object_class->get_property = san_service_row_get_property;
  object_class->set_property = san_service_row_set_property;

  properties[PROP_SERVICE] =
    g_param_spec_object ("service", NULL, NULL, SAN_TYPE_SERVICE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/saninternet/ClientArea/ui/san-service-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SanServiceRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, SanServiceRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, SanServiceRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, SanServiceRow, price_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "servicerow");
}

static void
san_service_row_init (SanServiceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
san_service_row_new (void)
{
  return g_object_new (SAN_TYPE_SERVICE_ROW, NULL);
}

SanService *
san_service_row_get_service (SanServiceRow *self)
{
  g_return_val_if_fail (SAN_IS_SERVICE_ROW (self), NULL);

  return self->service;
}

void
san_service_row_set_service (SanServiceRow *self,
                             SanService    *service)
{
  g_return_if_fail (SAN_IS_SERVICE_ROW (self));
  g_return_if_fail (service == NULL || SAN_IS_SERVICE (service));

  if (!g_set_object (&self->service, service))
    return;
  update_labels (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE]);
}
