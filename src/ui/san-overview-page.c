/* san-overview-page.c: a contract's services by status, at a glance
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "san-date.h"
#include "san-document.h"
#include "san-money.h"
#include "san-overview-page.h"
#include "san-service-labels.h"
#include "san-incident-banner.h"

#define N_STATUSES (SAN_SERVICE_STATUS_TERMINATED + 1)

struct _SanOverviewPage
{
  GtkWidget      parent_instance;

  GCancellable  *cancellable;
  SanClient     *client;
  SanContract   *contract;
  GListModel    *services;

  GtkButton     *status_buttons[N_STATUSES];
  GtkLabel      *count_labels[N_STATUSES];
  GListStore    *attention;        /* the suspended and pending services */

  GtkStack      *overview_stack;
  GtkLabel      *contract_label;
  GtkLabel      *document_label;
  GtkFlowBox    *status_box;
  GtkLabel      *total_label;
  AdwActionRow  *total_row;
  GtkListBox    *attention_list;
  GtkWidget     *attention_group;
  GtkWidget     *callback_group;
  SanIncidentBanner *incident_banner;
};

enum {
  LOAD_FAILED,
  STATUS_ACTIVATED,
  SERVICE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SanOverviewPage, san_overview_page, GTK_TYPE_WIDGET)

static void
on_attention_list_row_activated_cb (SanOverviewPage *self,
                                    GtkListBoxRow   *row)
{
  g_autoptr(SanService) service = NULL;
  int index = gtk_list_box_row_get_index (row);

  if (index < 0)
    return;
  service = g_list_model_get_item (G_LIST_MODEL (self->attention), (guint) index);
  if (service != NULL)
    g_signal_emit (self, signals[SERVICE_ACTIVATED], 0, san_service_get_id (service));
}

static GtkWidget *
create_attention_row (gpointer item,
                      gpointer user_data)
{
  SanService *service = item;
  g_autofree char *subtitle = NULL;
  g_autofree char *product = san_service_dup_subtitle (service);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *badge;
  GtkWidget *arrow;
  SanServiceStatus status = san_service_get_status (service);
  GDate kept;

  if (san_service_get_kept_until (service, &kept))
    {
      g_autofree char *date = san_date_format (&kept);

      /* Translators: %s is a product and plan, then a date */
      subtitle = g_strdup_printf (_("%s — pay the overdue invoice before %s to keep it"),
                                  product, date);
    }
  else if (status == SAN_SERVICE_STATUS_PENDING)
    /* Translators: %s is a product and plan */
    subtitle = g_strdup_printf (_("%s — waiting for the first payment and setup"), product);
  else
    subtitle = g_steal_pointer (&product);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), san_service_get_title (service));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  badge = gtk_label_new (san_service_status_label (status));
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "status-badge");
  gtk_widget_add_css_class (badge, san_service_status_css_class (status));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);

  arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

  return row;
}

static void
update (SanOverviewPage *self)
{
  guint counts[N_STATUSES] = { 0, };
  gint64 total = 0;
  guint n_billed = 0;
  guint n_suspended = 0;
  guint n;

  g_list_store_remove_all (self->attention);

  if (self->contract != NULL)
    {
      g_autofree char *document = san_document_format (san_contract_get_document (self->contract));

      gtk_label_set_label (self->contract_label, san_contract_get_name (self->contract));
      gtk_label_set_label (self->document_label,
                           document != NULL ? document : san_contract_get_document (self->contract));
    }
  /* "Nós ligamos para você" goes with the tickets */
  gtk_widget_set_visible (self->callback_group,
                          self->contract != NULL &&
                          san_contract_has_permission (self->contract, SAN_PERMISSION_TICKETS));

  if (self->services == NULL)
    {
      gtk_stack_set_visible_child_name (self->overview_stack,
                                        self->contract != NULL ? "loading" : "empty");
      return;
    }

  n = g_list_model_get_n_items (self->services);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SanService) service = g_list_model_get_item (self->services, i);
      SanServiceStatus status = san_service_get_status (service);

      if (status < N_STATUSES)
        counts[status]++;

      /* Pending, active and suspended services are billed (PRODUCT.md:
       * the time until termination is still billed) */
      if (status == SAN_SERVICE_STATUS_PENDING ||
          status == SAN_SERVICE_STATUS_ACTIVE ||
          status == SAN_SERVICE_STATUS_SUSPENDED)
        {
          total += san_service_get_price_cents (service);
          n_billed++;
        }

      /* Suspended ones first: they are about to be terminated */
      if (status == SAN_SERVICE_STATUS_SUSPENDED)
        g_list_store_insert (self->attention, n_suspended++, service);
      else if (status == SAN_SERVICE_STATUS_PENDING)
        g_list_store_append (self->attention, service);
    }

  for (guint s = 0; s < N_STATUSES; s++)
    {
      g_autofree char *count = g_strdup_printf ("%u", counts[s]);
      g_autofree char *a11y = NULL;

      gtk_label_set_label (self->count_labels[s], count);
      /* Translators: "3 services Active", for screen readers */
      a11y = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u service %s", "%u services %s",
                                           counts[s]),
                              counts[s], san_service_status_label (s));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_buttons[s]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
    }

  {
    g_autofree char *money = san_money_format_brl (total);
    g_autofree char *detail = NULL;

    gtk_label_set_label (self->total_label, money);
    detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u pending, active or suspended service",
                                           "%u pending, active or suspended services",
                                           n_billed),
                              n_billed);
    adw_action_row_set_subtitle (self->total_row, detail);
  }

  gtk_stack_set_visible_child_name (self->overview_stack, "content");
}

static void
on_services_loaded_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) services = NULL;
  SanOverviewPage *self;

  services = san_client_list_all_services_finish (SAN_CLIENT (object), result, &error);
  if (services == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = SAN_OVERVIEW_PAGE (user_data);
  if (services == NULL)
    {
      if (self->services == NULL)
        gtk_stack_set_visible_child_name (self->overview_stack, "empty");
      g_signal_emit (self, signals[LOAD_FAILED], 0, error);
      return;
    }

  g_set_object (&self->services, services);
  update (self);
}

static void
load (SanOverviewPage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->client == NULL || self->contract == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  san_client_list_all_services_async (self->client,
                                      san_contract_get_id (self->contract),
                                      self->cancellable,
                                      on_services_loaded_cb,
                                      self);
}

static void
on_status_button_clicked_cb (GtkButton       *button,
                             SanOverviewPage *self)
{
  for (guint s = 0; s < N_STATUSES; s++)
    if (self->status_buttons[s] == button)
      g_signal_emit (self, signals[STATUS_ACTIVATED], 0, (int) s);
}

static GtkWidget *
create_status_button (SanOverviewPage  *self,
                      SanServiceStatus  status)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *count = gtk_label_new ("0");
  GtkWidget *label = gtk_label_new (san_service_status_label (status));
  g_autofree char *tooltip = NULL;

  gtk_widget_add_css_class (button, "card");
  gtk_widget_add_css_class (button, "status-card");
  gtk_widget_add_css_class (button, san_service_status_css_class (status));
  gtk_widget_add_css_class (count, "status-count");
  gtk_widget_add_css_class (count, "numeric");
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), count);
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);

  /* Translators: %s is a status like "Suspended" */
  tooltip = g_strdup_printf (_("Show the %s services"), san_service_status_label (status));
  gtk_widget_set_tooltip_text (button, tooltip);

  self->status_buttons[status] = GTK_BUTTON (button);
  self->count_labels[status] = GTK_LABEL (count);
  g_signal_connect (button, "clicked", G_CALLBACK (on_status_button_clicked_cb), self);
  return button;
}

static void
san_overview_page_dispose (GObject *object)
{
  SanOverviewPage *self = SAN_OVERVIEW_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), SAN_TYPE_OVERVIEW_PAGE);
  /* The template's top widget is not a bound child: unparent it too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->services);
  g_clear_object (&self->attention);
  g_clear_object (&self->client);
  g_clear_object (&self->contract);

  G_OBJECT_CLASS (san_overview_page_parent_class)->dispose (object);
}

static void
san_overview_page_class_init (SanOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = san_overview_page_dispose;

  signals[LOAD_FAILED] =
    g_signal_new ("load-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
  signals[STATUS_ACTIVATED] =
    g_signal_new ("status-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  signals[SERVICE_ACTIVATED] =
    g_signal_new ("service-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (SAN_TYPE_INCIDENT_BANNER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/saninternet/ClientArea/ui/san-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SanOverviewPage, overview_stack);
  gtk_widget_class_bind_template_child (widget_class, SanOverviewPage, contract_label);
  gtk_widget_class_bind_template_child (widget_class, SanOverviewPage, document_label);
  gtk_widget_class_bind_template_child (widget_class, SanOverviewPage, status_box);
  gtk_widget_class_bind_template_child (widget_class, SanOverviewPage, total_label);
  gtk_widget_class_bind_template_child (widget_class, SanOverviewPage, total_row);
  gtk_widget_class_bind_template_child (widget_class, SanOverviewPage, attention_list);
  gtk_widget_class_bind_template_child (widget_class, SanOverviewPage, attention_group);
  gtk_widget_class_bind_template_child (widget_class, SanOverviewPage, callback_group);
  gtk_widget_class_bind_template_child (widget_class, SanOverviewPage, incident_banner);
  gtk_widget_class_bind_template_callback (widget_class, on_attention_list_row_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
san_overview_page_init (SanOverviewPage *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->attention = g_list_store_new (SAN_TYPE_SERVICE);
  gtk_list_box_bind_model (self->attention_list, G_LIST_MODEL (self->attention),
                           create_attention_row, NULL, NULL);
  placeholder = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (placeholder),
                                 _("Nothing needs your attention"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (placeholder),
                               _("No service is suspended or waiting for its first payment."));
  gtk_list_box_set_placeholder (self->attention_list, placeholder);

  for (guint s = 0; s < N_STATUSES; s++)
    gtk_flow_box_append (self->status_box, create_status_button (self, s));

  update (self);
}

void
san_overview_page_set_contract (SanOverviewPage *self,
                                SanClient       *client,
                                SanContract     *contract)
{
  g_return_if_fail (SAN_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (client == NULL || SAN_IS_CLIENT (client));
  g_return_if_fail (contract == NULL || SAN_IS_CONTRACT (contract));

  g_set_object (&self->client, client);
  g_set_object (&self->contract, contract);
  g_clear_object (&self->services);
  update (self);
  load (self);
}

void
san_overview_page_reload (SanOverviewPage *self)
{
  g_return_if_fail (SAN_IS_OVERVIEW_PAGE (self));

  load (self);
}

void
san_overview_page_set_incidents (SanOverviewPage *self,
                                 GListModel      *incidents)
{
  g_return_if_fail (SAN_IS_OVERVIEW_PAGE (self));

  san_incident_banner_set_incidents (self->incident_banner, incidents);
}
