/* san-notifications-popover.c: the bell's list: alerts (open incidents)
 * first, then what happened, newest first
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "san-notifications-popover.h"
#include "san-status-labels.h"

struct _SanNotificationsPopover
{
  GtkPopover             parent_instance;

  SanNotificationCenter *center;

  GtkStack              *popover_stack;
  GtkScrolledWindow     *scrolled_window;
  GtkWidget             *alerts_box;
  GtkWidget             *items_box;
  GtkLabel              *reassurance_label;
  GtkListBox            *alerts_list;
  GtkListBox            *items_list;
};

enum {
  ALERT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SanNotificationsPopover, san_notifications_popover, GTK_TYPE_POPOVER)

static const char *
icon_for_kind (SanAlertKind kind)
{
  switch (kind)
    {
    case SAN_ALERT_KIND_OPEN_INCIDENT:
    case SAN_ALERT_KIND_INCIDENT_CREATED:
      return "dialog-warning-symbolic";
    case SAN_ALERT_KIND_SERVER_DOWN:
      return "computer-fail-symbolic";
    case SAN_ALERT_KIND_INCIDENT_RESOLVED:
    case SAN_ALERT_KIND_SERVER_RECOVERED:
      return "emblem-ok-symbolic";
    case SAN_ALERT_KIND_INVOICE_PAID:
      return "emblem-documents-symbolic";
    case SAN_ALERT_KIND_TICKET_ANSWERED:
      return "chat-message-new-symbolic";
    case SAN_ALERT_KIND_OTHER:
    default:
      return "dialog-information-symbolic";
    }
}

static void
update_stack (SanNotificationsPopover *self)
{
  guint n_alerts = 0;
  guint n_items = 0;

  if (self->center != NULL)
    {
      n_alerts = g_list_model_get_n_items (san_notification_center_get_alerts (self->center));
      n_items = g_list_model_get_n_items (san_notification_center_get_items (self->center));
    }
  gtk_widget_set_visible (self->alerts_box, n_alerts > 0);
  gtk_widget_set_visible (self->items_box, n_items > 0);
  gtk_stack_set_visible_child_name (self->popover_stack,
                                    n_alerts + n_items > 0 ? "list" : "empty");
}

static void
activate_row (SanNotificationsPopover *self,
              GListModel              *model,
              GtkListBoxRow           *row)
{
  g_autoptr(SanAlert) alert = NULL;
  int index = gtk_list_box_row_get_index (row);

  if (index < 0)
    return;
  alert = g_list_model_get_item (model, (guint) index);
  if (alert == NULL)
    return;
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[ALERT_ACTIVATED], 0, alert);
}

static void
on_alerts_list_row_activated_cb (SanNotificationsPopover *self,
                                 GtkListBoxRow           *row)
{
  if (self->center != NULL)
    activate_row (self, san_notification_center_get_alerts (self->center), row);
}

static void
on_items_list_row_activated_cb (SanNotificationsPopover *self,
                                GtkListBoxRow           *row)
{
  if (self->center != NULL)
    activate_row (self, san_notification_center_get_items (self->center), row);
}

/* Opens at the top, the newest first */
static void
on_show_cb (SanNotificationsPopover *self)
{
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  SanAlert *alert = item;
  SanAlertKind kind = san_alert_get_kind (alert);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *when = NULL;
  g_autofree char *a11y = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_for_kind (kind));
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (san_alert_get_title (alert));
  GtkWidget *body = gtk_label_new (san_alert_get_body (alert));
  GtkWidget *time;

  if (kind == SAN_ALERT_KIND_OPEN_INCIDENT)
    when = san_status_format_since (san_alert_get_time (alert), now);
  else
    when = san_status_format_time (san_alert_get_time (alert), now);
  time = gtk_label_new (when);

  gtk_widget_add_css_class (box, "notification-row");
  /* The icon's colour goes with its word: never colour alone */
  if (kind == SAN_ALERT_KIND_OPEN_INCIDENT || kind == SAN_ALERT_KIND_INCIDENT_CREATED ||
      kind == SAN_ALERT_KIND_SERVER_DOWN)
    gtk_widget_add_css_class (box, "alert");
  else if (kind == SAN_ALERT_KIND_INCIDENT_RESOLVED || kind == SAN_ALERT_KIND_SERVER_RECOVERED)
    gtk_widget_add_css_class (box, "resolved");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "notification-icon");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);

  gtk_widget_set_hexpand (texts, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 40);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (body), 3);
  gtk_label_set_ellipsize (GTK_LABEL (body), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (body), 40);
  gtk_widget_set_visible (body, san_alert_get_body (alert)[0] != '\0');
  gtk_widget_add_css_class (body, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (time), 0);
  gtk_widget_add_css_class (time, "caption");
  gtk_widget_add_css_class (time, "dim-label");
  gtk_widget_add_css_class (time, "numeric");

  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), body);
  gtk_box_append (GTK_BOX (texts), time);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  a11y = g_strdup_printf ("%s. %s. %s", san_alert_get_title (alert),
                          san_alert_get_body (alert), when);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  return row;
}

static void
san_notifications_popover_dispose (GObject *object)
{
  SanNotificationsPopover *self = SAN_NOTIFICATIONS_POPOVER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SAN_TYPE_NOTIFICATIONS_POPOVER);

  g_clear_object (&self->center);

  G_OBJECT_CLASS (san_notifications_popover_parent_class)->dispose (object);
}

static void
san_notifications_popover_class_init (SanNotificationsPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = san_notifications_popover_dispose;

  signals[ALERT_ACTIVATED] =
    g_signal_new ("alert-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SAN_TYPE_ALERT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/saninternet/ClientArea/ui/san-notifications-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, SanNotificationsPopover, popover_stack);
  gtk_widget_class_bind_template_child (widget_class, SanNotificationsPopover, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, SanNotificationsPopover, alerts_box);
  gtk_widget_class_bind_template_child (widget_class, SanNotificationsPopover, items_box);
  gtk_widget_class_bind_template_child (widget_class, SanNotificationsPopover, reassurance_label);
  gtk_widget_class_bind_template_child (widget_class, SanNotificationsPopover, alerts_list);
  gtk_widget_class_bind_template_child (widget_class, SanNotificationsPopover, items_list);
  gtk_widget_class_bind_template_callback (widget_class, on_alerts_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_items_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_show_cb);
}

static void
san_notifications_popover_init (SanNotificationsPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_label_set_label (self->reassurance_label, san_status_reassurance ());
  update_stack (self);
}

void
san_notifications_popover_set_center (SanNotificationsPopover *self,
                                      SanNotificationCenter   *center)
{
  g_return_if_fail (SAN_IS_NOTIFICATIONS_POPOVER (self));
  g_return_if_fail (center == NULL || SAN_IS_NOTIFICATION_CENTER (center));

  if (self->center == center)
    return;
  if (self->center != NULL)
    {
      g_signal_handlers_disconnect_by_data (san_notification_center_get_alerts (self->center), self);
      g_signal_handlers_disconnect_by_data (san_notification_center_get_items (self->center), self);
    }
  g_set_object (&self->center, center);

  gtk_list_box_bind_model (self->alerts_list,
                           center != NULL ? san_notification_center_get_alerts (center) : NULL,
                           create_row, NULL, NULL);
  gtk_list_box_bind_model (self->items_list,
                           center != NULL ? san_notification_center_get_items (center) : NULL,
                           create_row, NULL, NULL);
  if (center != NULL)
    {
      g_signal_connect_object (san_notification_center_get_alerts (center), "items-changed",
                               G_CALLBACK (update_stack), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (san_notification_center_get_items (center), "items-changed",
                               G_CALLBACK (update_stack), self, G_CONNECT_SWAPPED);
    }
  update_stack (self);
}
