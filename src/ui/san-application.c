/* san-application.c: the SAN Client Area application
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "san-application.h"
#include "san-preferences-window.h"
#include "san-window.h"

struct _SanApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  SanTokenStore  *store;
  char           *server;   /* --server, for this run */
  guint           quitting : 1;
  guint           held : 1;   /* running in the background, the window hidden */
};

G_DEFINE_FINAL_TYPE (SanApplication, san_application, ADW_TYPE_APPLICATION)

static GtkWindow *
get_main_window (SanApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (SAN_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

/* The window shows again: no more need to hold */
static void
release_background (SanApplication *self)
{
  if (!self->held)
    return;
  self->held = FALSE;
  g_application_release (G_APPLICATION (self));
}

static GtkWindow *
present_main_window (SanApplication *self)
{
  GtkWindow *window = get_main_window (self);

  if (window == NULL)
    window = GTK_WINDOW (san_window_new (self, self->server));
  gtk_window_present (window);
  release_background (self);
  return window;
}

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  SanApplication *self = SAN_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Quit really quits, also when running in the background */
  self->quitting = TRUE;
  release_background (self);

  /* Closing lets each window remember its size */
  while (windows != NULL)
    {
      GList *next = windows->next;

      gtk_window_close (GTK_WINDOW (windows->data));
      windows = next;
    }
  g_application_quit (G_APPLICATION (self));
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  SanApplication *self = SAN_APPLICATION (user_data);
  const char *developers[] = { "SAN Internet", NULL };

  adw_show_about_window (get_main_window (self),
                         "application-name", _("SAN Client Area"),
                         "application-icon", APP_ID,
                         "developer-name", "SAN Internet",
                         "version", PACKAGE_VERSION,
                         "comments", _("Manage your SAN Internet services"),
                         "website", "https://www.saninternet.com",
                         "support-url", "https://docs.saninternet.com",
                         "developers", developers,
                         "copyright", "© 2026 SAN Internet",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: your names, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
sign_out_action_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkWindow *window = get_main_window (SAN_APPLICATION (user_data));

  if (window != NULL)
    san_window_sign_out (SAN_WINDOW (window));
}

static void
preferences_action_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  SanApplication *self = SAN_APPLICATION (user_data);
  SanPreferencesWindow *preferences = san_preferences_window_new (get_main_window (self),
                                                                  self->settings);

  gtk_window_present (GTK_WINDOW (preferences));
}

/* A desktop notification's default action: the window shows what it is
 * about */
static void
show_alert_action_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  SanApplication *self = SAN_APPLICATION (user_data);
  const char *contract_id = NULL;
  const char *target = NULL;
  const char *target_id = NULL;
  GtkWindow *window;

  g_variant_get (parameter, "(&s&s&s)", &contract_id, &target, &target_id);
  window = present_main_window (self);
  san_window_show_alert (SAN_WINDOW (window), contract_id, san_alert_target_from_string (target),
                         target_id);
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_action_cb },
  { .name = "preferences", .activate = preferences_action_cb },
  { .name = "show-alert", .activate = show_alert_action_cb, .parameter_type = "(sss)" },
  { .name = "about", .activate = about_action_cb },
  { .name = "sign-out", .activate = sign_out_action_cb },
};

static int
san_application_handle_local_options (GApplication *application,
                                      GVariantDict *options)
{
  SanApplication *self = SAN_APPLICATION (application);
  const char *server = NULL;

  if (g_variant_dict_lookup (options, "server", "&s", &server))
    {
      g_free (self->server);
      self->server = g_strdup (server);
    }

  return G_APPLICATION_CLASS (san_application_parent_class)->handle_local_options (application,
                                                                                   options);
}

static void
san_application_startup (GApplication *application)
{
  SanApplication *self = SAN_APPLICATION (application);
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *close_accels[] = { "<Control>w", NULL };
  const char *search_accels[] = { "<Control>f", NULL };
  const char *reload_accels[] = { "<Control>r", "F5", NULL };
  const char *preferences_accels[] = { "<Control>comma", NULL };
  static gsize name_set = 0;

  san_application_init_i18n ();

  G_APPLICATION_CLASS (san_application_parent_class)->startup (application);

  /* Once per process (tests run several apps) */
  if (g_once_init_enter (&name_set))
    {
      g_set_application_name (_("SAN Client Area"));
      g_once_init_leave (&name_set, 1);
    }
  gtk_window_set_default_icon_name (APP_ID);

  self->settings = g_settings_new (APP_ID);
  self->store = san_secret_token_store_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.search", search_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.reload", reload_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
}

static void
san_application_activate (GApplication *application)
{
  present_main_window (SAN_APPLICATION (application));
}

static void
san_application_finalize (GObject *object)
{
  SanApplication *self = SAN_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_free (self->server);

  G_OBJECT_CLASS (san_application_parent_class)->finalize (object);
}

static void
san_application_class_init (SanApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = san_application_finalize;
  app_class->handle_local_options = san_application_handle_local_options;
  app_class->startup = san_application_startup;
  app_class->activate = san_application_activate;
}

static void
san_application_init (SanApplication *self)
{
  static const GOptionEntry entries[] = {
    { "server", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("The address of the SAN Client Area server"), N_("URL") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

SanApplication *
san_application_new (void)
{
  return g_object_new (SAN_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/com/saninternet/ClientArea",
                       NULL);
}

GSettings *
san_application_get_settings (SanApplication *self)
{
  g_return_val_if_fail (SAN_IS_APPLICATION (self), NULL);

  return self->settings;
}

SanTokenStore *
san_application_get_token_store (SanApplication *self)
{
  g_return_val_if_fail (SAN_IS_APPLICATION (self), NULL);

  return self->store;
}

void
san_application_init_i18n (void)
{
  const char *localedir = g_getenv ("SAN_LOCALEDIR");

  bindtextdomain (GETTEXT_PACKAGE,
                  localedir != NULL && localedir[0] != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

gboolean
san_application_hold_in_background (SanApplication *self)
{
  g_return_val_if_fail (SAN_IS_APPLICATION (self), FALSE);

  if (self->quitting)
    return FALSE;
  if (!self->held)
    {
      self->held = TRUE;
      g_application_hold (G_APPLICATION (self));
    }
  return TRUE;
}

gboolean
san_application_get_in_background (SanApplication *self)
{
  g_return_val_if_fail (SAN_IS_APPLICATION (self), FALSE);

  return self->held;
}
