/* san-server-panel.c: one of the contract's own servers, live
 *
 * Ticks only while on screen: a sample that arrives while the panel is
 * not mapped (another section shown, the window hidden) or is scrolled out
 * of its scrolled window's view only marks it stale, and the panel catches
 * up when it is mapped or scrolled into view again. A sample redraws the
 * six SanSparklines (no relayout); the uptime label changes at most once a
 * minute.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "san-server-panel.h"
#include "san-sparkline.h"
#include "san-status-labels.h"

#define N_SPARKLINES 6

struct _SanServerPanel
{
  GtkWidget         parent_instance;

  SanServerMetrics *metrics;
  GtkWidget        *sparklines[N_SPARKLINES];
  gint64            uptime_minutes;    /* shown in uptime_label; -1: none */
  GtkWidget        *scrolled;          /* the GtkScrolledWindow around, while mapped */
  GtkAdjustment    *vadjustment;       /* its vertical one, while mapped */
  guint             stale : 1;         /* a sample came while unmapped */

  GtkWidget        *box;
  GtkImage         *kind_icon;
  GtkLabel         *title_label;
  GtkLabel         *subtitle_label;
  GtkWidget        *state_badge;
  GtkImage         *state_icon;
  GtkLabel         *state_label;
  GtkLabel         *uptime_label;
  GtkWidget        *graphs_box;
  GtkFlowBox       *graphs_flow;
  GtkGrid          *values_grid;
  GtkWidget        *stopped_label;
};

G_DEFINE_FINAL_TYPE (SanServerPanel, san_server_panel, GTK_TYPE_WIDGET)

static void
update_uptime (SanServerPanel *self)
{
  const SanMetricSample *latest = san_server_metrics_get_latest (self->metrics);
  gint64 minutes;

  if (!san_server_metrics_get_running (self->metrics) || latest == NULL)
    minutes = -1;
  else
    minutes = latest->uptime_s / 60;

  if (minutes == self->uptime_minutes)
    return;
  self->uptime_minutes = minutes;
  if (minutes < 0)
    {
      gtk_label_set_label (self->uptime_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->uptime_label), FALSE);
    }
  else
    {
      g_autofree char *text = san_status_format_uptime (latest->uptime_s);

      gtk_label_set_label (self->uptime_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->uptime_label), TRUE);
    }
}

static void
refresh (SanServerPanel *self)
{
  self->stale = FALSE;
  for (guint i = 0; i < N_SPARKLINES; i++)
    san_sparkline_update (SAN_SPARKLINE (self->sparklines[i]));
  update_uptime (self);
}

/* Mapped, and not scrolled out of view */
static gboolean
is_on_screen (SanServerPanel *self)
{
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return FALSE;
  if (self->scrolled == NULL)
    return TRUE;
  if (!gtk_widget_compute_bounds (GTK_WIDGET (self), self->scrolled, &bounds))
    return TRUE;
  return bounds.origin.y + bounds.size.height > 0 &&
         bounds.origin.y < gtk_widget_get_height (self->scrolled);
}

static void
on_metrics_latest_cb (SanServerPanel *self)
{
  if (!is_on_screen (self))
    {
      self->stale = TRUE;
      return;
    }
  refresh (self);
}

static void
on_vadjustment_changed_cb (SanServerPanel *self)
{
  if (self->stale && is_on_screen (self))
    refresh (self);
}

static void
san_server_panel_map (GtkWidget *widget)
{
  SanServerPanel *self = SAN_SERVER_PANEL (widget);

  GTK_WIDGET_CLASS (san_server_panel_parent_class)->map (widget);

  self->scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  if (self->scrolled != NULL)
    {
      self->vadjustment = g_object_ref (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled)));
      g_signal_connect_object (self->vadjustment, "value-changed",
                               G_CALLBACK (on_vadjustment_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->vadjustment, "changed",
                               G_CALLBACK (on_vadjustment_changed_cb), self, G_CONNECT_SWAPPED);
    }

  if (self->stale)
    refresh (self);
}

static void
san_server_panel_unmap (GtkWidget *widget)
{
  SanServerPanel *self = SAN_SERVER_PANEL (widget);

  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_clear_object (&self->vadjustment);
  self->scrolled = NULL;

  GTK_WIDGET_CLASS (san_server_panel_parent_class)->unmap (widget);
}

static void
san_server_panel_dispose (GObject *object)
{
  SanServerPanel *self = SAN_SERVER_PANEL (object);

  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_clear_object (&self->vadjustment);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAN_TYPE_SERVER_PANEL);
  g_clear_object (&self->metrics);

  G_OBJECT_CLASS (san_server_panel_parent_class)->dispose (object);
}

static void
san_server_panel_class_init (SanServerPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = san_server_panel_dispose;
  widget_class->map = san_server_panel_map;
  widget_class->unmap = san_server_panel_unmap;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/saninternet/ClientArea/ui/san-server-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, SanServerPanel, box);
  gtk_widget_class_bind_template_child (widget_class, SanServerPanel, kind_icon);
  gtk_widget_class_bind_template_child (widget_class, SanServerPanel, title_label);
  gtk_widget_class_bind_template_child (widget_class, SanServerPanel, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, SanServerPanel, state_badge);
  gtk_widget_class_bind_template_child (widget_class, SanServerPanel, state_icon);
  gtk_widget_class_bind_template_child (widget_class, SanServerPanel, state_label);
  gtk_widget_class_bind_template_child (widget_class, SanServerPanel, uptime_label);
  gtk_widget_class_bind_template_child (widget_class, SanServerPanel, graphs_box);
  gtk_widget_class_bind_template_child (widget_class, SanServerPanel, graphs_flow);
  gtk_widget_class_bind_template_child (widget_class, SanServerPanel, values_grid);
  gtk_widget_class_bind_template_child (widget_class, SanServerPanel, stopped_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
san_server_panel_init (SanServerPanel *self)
{
  self->uptime_minutes = -2;
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
san_server_panel_new (SanServerMetrics *metrics,
                      const char       *instance_name)
{
  SanServerPanel *self;
  const char *domain;
  gboolean running;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (SAN_IS_SERVER_METRICS (metrics), NULL);

  self = g_object_new (SAN_TYPE_SERVER_PANEL, NULL);
  self->metrics = g_object_ref (metrics);

  gtk_label_set_label (self->title_label, san_server_metrics_get_plan (metrics));
  domain = san_server_metrics_get_domain (metrics);
  if (domain != NULL && *domain != '\0' && instance_name != NULL && *instance_name != '\0')
    /* Translators: a server's domain and the instance it runs on */
    subtitle = g_strdup_printf (C_("server subtitle", "%s · %s"), domain, instance_name);
  else if (domain != NULL && *domain != '\0')
    subtitle = g_strdup (domain);
  else
    subtitle = g_strdup (instance_name != NULL ? instance_name : "");
  gtk_label_set_label (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), *subtitle != '\0');
  gtk_image_set_from_icon_name (self->kind_icon,
                                san_server_metrics_get_kind (metrics) == SAN_SERVICE_KIND_DEDICATED
                                ? "computer-symbolic" : "network-server-symbolic");

  running = san_server_metrics_get_running (metrics);
  gtk_image_set_from_icon_name (self->state_icon,
                                running ? "media-playback-start-symbolic"
                                        : "media-playback-stop-symbolic");
  gtk_label_set_label (self->state_label,
                       running ? C_("server state", "Running") : C_("server state", "Stopped"));
  gtk_widget_add_css_class (self->state_badge, running ? "server-running" : "server-stopped");

  for (guint i = 0; i < N_SPARKLINES; i++)
    {
      self->sparklines[i] = san_sparkline_new ((SanSparklineMetric) i, metrics);
      gtk_widget_set_hexpand (self->sparklines[i], TRUE);
    }
  /* the four graphs, two or four a line as the width allows; disk and load
   * below them */
  for (guint i = SAN_SPARKLINE_CPU; i <= SAN_SPARKLINE_NET_OUT; i++)
    {
      gtk_flow_box_append (self->graphs_flow, self->sparklines[i]);
      gtk_widget_set_focusable (gtk_widget_get_parent (self->sparklines[i]), FALSE);
    }
  gtk_grid_attach (self->values_grid, self->sparklines[SAN_SPARKLINE_DISK], 0, 0, 1, 1);
  gtk_grid_attach (self->values_grid, self->sparklines[SAN_SPARKLINE_LOAD], 1, 0, 1, 1);
  gtk_widget_set_visible (self->graphs_box, running);
  gtk_widget_set_visible (self->stopped_label, !running);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, san_server_metrics_get_plan (metrics),
                                  -1);
  update_uptime (self);

  g_signal_connect_object (metrics, "notify::latest",
                           G_CALLBACK (on_metrics_latest_cb), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

SanServerMetrics *
san_server_panel_get_metrics (SanServerPanel *self)
{
  g_return_val_if_fail (SAN_IS_SERVER_PANEL (self), NULL);

  return self->metrics;
}
