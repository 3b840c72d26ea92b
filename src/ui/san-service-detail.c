/* san-service-detail.c: everything about one service, in plain language
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "san-date.h"
#include "san-service-detail.h"
#include "san-service-labels.h"
#include "san-support-level-dialog.h"
#include "san-ui-util.h"

struct _SanServiceDetail
{
  GtkWidget     parent_instance;

  SanService   *service;
  SanClient    *client;
  SanContract  *contract;

  GtkLabel     *title_label;
  GtkLabel     *subtitle_label;
  GtkLabel     *status_label;
  GtkLabel     *explanation_label;
  AdwActionRow *plan_row;
  AdwActionRow *kind_row;
  AdwActionRow *domain_row;
  AdwActionRow *price_row;
  AdwActionRow *due_row;
  AdwActionRow *support_row;
  GtkWidget    *support_change_button;
  AdwActionRow *payment_row;
  AdwActionRow *instance_name_row;
  AdwActionRow *hostname_row;
  AdwActionRow *region_row;
  GtkWidget    *instance_group;
  GtkWidget    *no_instance_row;
};

enum {
  PROP_0,
  PROP_SERVICE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SERVICE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SanServiceDetail, san_service_detail, GTK_TYPE_WIDGET)

static const char *status_classes[] = {
  "status-pending", "status-active", "status-suspended", "status-cancelled", "status-terminated",
};

/* The support level can change with the permission, while the service is
 * not cancelled or terminated (the server answers 409 then) */
static void
update_support_change (SanServiceDetail *self)
{
  gboolean can_change = FALSE;

  if (self->service != NULL && self->client != NULL && self->contract != NULL)
    {
      SanServiceStatus status = san_service_get_status (self->service);

      can_change = san_contract_has_permission (self->contract, SAN_PERMISSION_MANAGE_SERVICES) &&
                   g_strcmp0 (san_service_get_contract_id (self->service),
                              san_contract_get_id (self->contract)) == 0 &&
                   status != SAN_SERVICE_STATUS_CANCELLED &&
                   status != SAN_SERVICE_STATUS_TERMINATED;
    }
  gtk_widget_set_visible (self->support_change_button, can_change);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.change-support-level", can_change);
}

static void
update (SanServiceDetail *self)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *price = NULL;
  g_autofree char *due = NULL;
  g_autofree char *explanation = NULL;
  SanInstance *instance;
  SanServiceStatus status;

  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), status_classes[i]);

  update_support_change (self);
  if (self->service == NULL)
    return;

  status = san_service_get_status (self->service);
  subtitle = san_service_dup_subtitle (self->service);
  price = san_service_dup_price_text (self->service);
  explanation = san_service_dup_status_explanation (self->service);
  if (san_service_get_next_due_date (self->service) != NULL)
    due = san_date_format (san_service_get_next_due_date (self->service));
  else
    due = g_strdup (C_("next due date", "None"));

  gtk_label_set_label (self->title_label, san_service_get_title (self->service));
  gtk_label_set_label (self->subtitle_label, subtitle);
  gtk_label_set_label (self->status_label, san_service_status_label (status));
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), san_service_status_css_class (status));
  gtk_label_set_label (self->explanation_label, explanation);

  san_ui_set_row (self->plan_row, san_service_get_plan (self->service));
  san_ui_set_row (self->kind_row, san_service_kind_label (san_service_get_kind (self->service)));
  san_ui_set_row (self->domain_row, san_service_get_domain (self->service));
  san_ui_set_row (self->price_row, price);
  san_ui_set_row (self->due_row, due);
  san_ui_set_row (self->support_row,
           san_support_level_label (san_service_get_support_level (self->service)));
  san_ui_set_row (self->payment_row,
           san_payment_method_label (san_service_get_payment_method (self->service)));

  instance = san_service_get_instance (self->service);
  gtk_widget_set_visible (GTK_WIDGET (self->instance_name_row), instance != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->hostname_row), instance != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->region_row), instance != NULL);
  gtk_widget_set_visible (self->no_instance_row, instance == NULL);
  if (instance != NULL)
    {
      san_ui_set_row (self->instance_name_row, san_instance_get_name (instance));
      san_ui_set_row (self->hostname_row, san_instance_get_hostname (instance));
      san_ui_set_row (self->region_row, san_instance_get_region (instance));
    }
}

static void
on_level_changed_cb (SanSupportLevelDialog *dialog,
                     SanService            *service,
                     SanServiceDetail      *self)
{
  g_autofree char *toast = NULL;

  if (self->service == NULL ||
      g_strcmp0 (san_service_get_id (service), san_service_get_id (self->service)) != 0)
    return;   /* another service is shown by now */

  /* Translators: %s is a support level like "Premium" */
  toast = g_strdup_printf (_("Support level changed to %s"),
                           san_support_level_label (san_service_get_support_level (service)));
  /* Those holding the list first (they may show their copy while they load
   * the services again), then what the server says */
  g_signal_emit (self, signals[SERVICE_CHANGED], 0, service);
  san_service_detail_set_service (self, service);
  san_ui_add_toast (GTK_WIDGET (self), toast, 5);
}

static void
change_support_level_action_cb (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  SanServiceDetail *self = SAN_SERVICE_DETAIL (widget);
  SanSupportLevelDialog *dialog;
  GtkRoot *root;

  if (self->service == NULL || self->client == NULL || self->contract == NULL)
    return;

  root = gtk_widget_get_root (widget);
  dialog = san_support_level_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         self->client, self->contract, self->service);
  g_signal_connect_object (dialog, "level-changed", G_CALLBACK (on_level_changed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
san_service_detail_dispose (GObject *object)
{
  SanServiceDetail *self = SAN_SERVICE_DETAIL (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SAN_TYPE_SERVICE_DETAIL);
  /* The template's top widget is not a bound child: unparent it too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->service);
  g_clear_object (&self->client);
  g_clear_object (&self->contract);

  G_OBJECT_CLASS (san_service_detail_parent_class)->dispose (object);
}

static void
san_service_detail_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SanServiceDetail *self = SAN_SERVICE_DETAIL (object);

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
san_service_detail_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SanServiceDetail *self = SAN_SERVICE_DETAIL (object);

  switch (prop_id)
    {
    case PROP_SERVICE:
      san_service_detail_set_service (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_service_detail_class_init (SanServiceDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = san_service_detail_dispose;
  object_class->get_property = san_service_detail_get_property;
  object_class->set_property = san_service_detail_set_property;

  properties[PROP_SERVICE] =
    g_param_spec_object ("service", NULL, NULL, SAN_TYPE_SERVICE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SERVICE_CHANGED] =
    g_signal_new ("service-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SAN_TYPE_SERVICE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/saninternet/ClientArea/ui/san-service-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, SanServiceDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, SanServiceDetail, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, SanServiceDetail, status_label);
  gtk_widget_class_bind_template_child (widget_class, SanServiceDetail, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, SanServiceDetail, plan_row);
  gtk_widget_class_bind_template_child (widget_class, SanServiceDetail, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SanServiceDetail, domain_row);
  gtk_widget_class_bind_template_child (widget_class, SanServiceDetail, price_row);
  gtk_widget_class_bind_template_child (widget_class, SanServiceDetail, due_row);
  gtk_widget_class_bind_template_child (widget_class, SanServiceDetail, support_row);
  gtk_widget_class_bind_template_child (widget_class, SanServiceDetail, support_change_button);
  gtk_widget_class_bind_template_child (widget_class, SanServiceDetail, payment_row);
  gtk_widget_class_bind_template_child (widget_class, SanServiceDetail, instance_name_row);
  gtk_widget_class_bind_template_child (widget_class, SanServiceDetail, hostname_row);
  gtk_widget_class_bind_template_child (widget_class, SanServiceDetail, region_row);
  gtk_widget_class_bind_template_child (widget_class, SanServiceDetail, instance_group);
  gtk_widget_class_bind_template_child (widget_class, SanServiceDetail, no_instance_row);
  gtk_widget_class_install_action (widget_class, "detail.change-support-level", NULL,
                                   change_support_level_action_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
san_service_detail_init (SanServiceDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_support_change (self);
}

SanService *
san_service_detail_get_service (SanServiceDetail *self)
{
  g_return_val_if_fail (SAN_IS_SERVICE_DETAIL (self), NULL);

  return self->service;
}

void
san_service_detail_set_service (SanServiceDetail *self,
                                SanService       *service)
{
  g_return_if_fail (SAN_IS_SERVICE_DETAIL (self));
  g_return_if_fail (service == NULL || SAN_IS_SERVICE (service));

  if (!g_set_object (&self->service, service))
    return;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE]);
}

void
san_service_detail_set_contract (SanServiceDetail *self,
                                 SanClient        *client,
                                 SanContract      *contract)
{
  g_return_if_fail (SAN_IS_SERVICE_DETAIL (self));
  g_return_if_fail (client == NULL || SAN_IS_CLIENT (client));
  g_return_if_fail (contract == NULL || SAN_IS_CONTRACT (contract));

  g_set_object (&self->client, client);
  g_set_object (&self->contract, contract);
  update_support_change (self);
}
