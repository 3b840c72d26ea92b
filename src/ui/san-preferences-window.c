/* san-preferences-window.c: the app's preferences (running in the
 * background)
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include "san-preferences-window.h"

struct _SanPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  GtkSwitch            *background_switch;
};

G_DEFINE_FINAL_TYPE (SanPreferencesWindow, san_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
san_preferences_window_dispose (GObject *object)
{
  SanPreferencesWindow *self = SAN_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SAN_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (san_preferences_window_parent_class)->dispose (object);
}

static void
san_preferences_window_class_init (SanPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = san_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/saninternet/ClientArea/ui/san-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SanPreferencesWindow, background_switch);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
san_preferences_window_init (SanPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SanPreferencesWindow *
san_preferences_window_new (GtkWindow *parent,
                            GSettings *settings)
{
  SanPreferencesWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (SAN_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->settings = g_object_ref (settings);
  g_settings_bind (settings, "run-in-background", self->background_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  return self;
}
