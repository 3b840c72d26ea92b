/* san-incident-banner.c: the open incidents affecting the contract, said
 * calmly (PRODUCT.md: an alert means SAN already knows and the customer
 * need do nothing)
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include "san-api.h"
#include "san-incident-banner.h"
#include "san-status-labels.h"

struct _SanIncidentBanner
{
  GtkWidget    parent_instance;

  GListModel  *incidents;
  char        *body;

  GtkRevealer *incident_revealer;
  GtkWidget   *banner_box;
  GtkLabel    *incident_title_label;
  GtkLabel    *incident_body_label;
};

enum {
  PROP_0,
  PROP_INCIDENTS,
  PROP_BODY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SanIncidentBanner, san_incident_banner, GTK_TYPE_WIDGET)

static void
update (SanIncidentBanner *self)
{
  guint n = san_incident_banner_get_n_incidents (self);
  const char *body = self->body != NULL ? self->body : san_status_reassurance ();
  g_autofree char *title = NULL;

  if (n == 1)
    {
      g_autoptr(SanIncident) incident = g_list_model_get_item (self->incidents, 0);

      title = g_strdup (san_incident_get_title (incident));
    }
  else if (n > 1)
    title = san_status_summary (n);

  if (title != NULL)
    {
      g_autofree char *a11y = g_strdup_printf ("%s. %s", title, body);

      gtk_label_set_label (self->incident_title_label, title);
      gtk_label_set_label (self->incident_body_label, body);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->banner_box),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
    }
  gtk_widget_set_visible (GTK_WIDGET (self), n > 0);
  gtk_revealer_set_reveal_child (self->incident_revealer, n > 0);
}

static void
on_incidents_changed_cb (SanIncidentBanner *self)
{
  update (self);
}

static void
san_incident_banner_dispose (GObject *object)
{
  SanIncidentBanner *self = SAN_INCIDENT_BANNER (object);

  if (self->incidents != NULL)
    g_signal_handlers_disconnect_by_func (self->incidents, on_incidents_changed_cb, self);
  g_clear_object (&self->incidents);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAN_TYPE_INCIDENT_BANNER);
  g_clear_pointer (&self->body, g_free);

  G_OBJECT_CLASS (san_incident_banner_parent_class)->dispose (object);
}

static void
san_incident_banner_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SanIncidentBanner *self = SAN_INCIDENT_BANNER (object);

  switch (prop_id)
    {
    case PROP_INCIDENTS:
      g_value_set_object (value, self->incidents);
      break;
    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_incident_banner_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SanIncidentBanner *self = SAN_INCIDENT_BANNER (object);

  switch (prop_id)
    {
    case PROP_INCIDENTS:
      san_incident_banner_set_incidents (self, g_value_get_object (value));
      break;
    case PROP_BODY:
      san_incident_banner_set_body (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_incident_banner_class_init (SanIncidentBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = san_incident_banner_dispose;
  object_class->get_property = san_incident_banner_get_property;
  object_class->set_property = san_incident_banner_set_property;

  properties[PROP_INCIDENTS] =
    g_param_spec_object ("incidents", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/saninternet/ClientArea/ui/san-incident-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, SanIncidentBanner, incident_revealer);
  gtk_widget_class_bind_template_child (widget_class, SanIncidentBanner, banner_box);
  gtk_widget_class_bind_template_child (widget_class, SanIncidentBanner, incident_title_label);
  gtk_widget_class_bind_template_child (widget_class, SanIncidentBanner, incident_body_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
san_incident_banner_init (SanIncidentBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

GtkWidget *
san_incident_banner_new (void)
{
  return g_object_new (SAN_TYPE_INCIDENT_BANNER, NULL);
}

void
san_incident_banner_set_incidents (SanIncidentBanner *self,
                                   GListModel        *incidents)
{
  g_return_if_fail (SAN_IS_INCIDENT_BANNER (self));
  g_return_if_fail (incidents == NULL || G_IS_LIST_MODEL (incidents));

  if (self->incidents == incidents)
    return;
  if (self->incidents != NULL)
    g_signal_handlers_disconnect_by_func (self->incidents, on_incidents_changed_cb, self);
  g_set_object (&self->incidents, incidents);
  if (incidents != NULL)
    g_signal_connect_object (incidents, "items-changed",
                             G_CALLBACK (on_incidents_changed_cb), self, G_CONNECT_SWAPPED);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCIDENTS]);
}

GListModel *
san_incident_banner_get_incidents (SanIncidentBanner *self)
{
  g_return_val_if_fail (SAN_IS_INCIDENT_BANNER (self), NULL);

  return self->incidents;
}

void
san_incident_banner_set_body (SanIncidentBanner *self,
                              const char        *body)
{
  g_return_if_fail (SAN_IS_INCIDENT_BANNER (self));

  if (g_strcmp0 (self->body, body) == 0)
    return;
  g_free (self->body);
  self->body = g_strdup (body);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY]);
}

guint
san_incident_banner_get_n_incidents (SanIncidentBanner *self)
{
  g_return_val_if_fail (SAN_IS_INCIDENT_BANNER (self), 0);

  return self->incidents != NULL ? g_list_model_get_n_items (self->incidents) : 0;
}
