/* san-sign-in-page.c: server, e-mail and password, and the sign-in itself
 *
 * The password is only ever handed to san_client_login_async(); it is never
 * logged, and it is cleared once the sign-in succeeds.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "san-sign-in-page.h"

struct _SanSignInPage
{
  GtkWidget      parent_instance;

  GCancellable  *cancellable;
  SanTokenStore *store;
  SanClient     *client;      /* while signing in */

  AdwEntryRow   *server_row;
  AdwEntryRow   *email_row;
  AdwEntryRow   *password_row;
  GtkWidget     *fields_group;
  GtkLabel      *error_label;
  GtkButton     *sign_in_button;
  GtkSpinner    *spinner;
};

enum {
  SIGNED_IN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SanSignInPage, san_sign_in_page, GTK_TYPE_WIDGET)

static void
set_busy (SanSignInPage *self,
          gboolean       busy)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* A focused entry that turns insensitive never hears of its focus-out
   * (GTK 4.8 warns): take the focus away first */
  if (busy && root != NULL)
    gtk_root_set_focus (root, NULL);

  gtk_widget_set_sensitive (self->fields_group, !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_in_button), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static char *
describe_error (const GError *error,
                const char   *server)
{
  if (error->domain == SAN_API_ERROR)
    {
      switch (error->code)
        {
        case SAN_API_ERROR_UNAUTHORIZED:
          return g_strdup (_("The e-mail or the password is wrong."));
        case SAN_API_ERROR_INSECURE:
          return g_strdup (_("This server address is not secure: use an https:// address. "
                             "Plain http:// is only allowed on this computer."));
        case SAN_API_ERROR_INVALID_INPUT:
          if (server != NULL)
            return g_strdup_printf (_("“%s” is not a server address. Use an address like "
                                      "https://portal.saninternet.com."), server);
          return g_strdup (error->message);
        case SAN_API_ERROR_NETWORK:
          return g_strdup_printf (_("Can’t reach %s. Check the server address and your "
                                    "connection."), server);
        case SAN_API_ERROR_TLS:
          return g_strdup (_("The server’s security certificate is not valid, so the "
                             "connection was refused."));
        case SAN_API_ERROR_SECRETS:
          return g_strdup_printf (_("Could not keep the session in the keyring: %s"),
                                  error->message);
        default:
          break;
        }
    }
  return g_strdup (error->message);
}

static void
show_error (SanSignInPage *self,
            const GError  *error,
            const char    *server)
{
  g_autofree char *message = describe_error (error, server);

  san_sign_in_page_set_error (self, message);
}

static void
on_login_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanClient) client = NULL;
  SanSignInPage *self;

  if (!san_client_login_finish (SAN_CLIENT (object), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = SAN_SIGN_IN_PAGE (user_data);
  client = g_steal_pointer (&self->client);
  set_busy (self, FALSE);

  if (error != NULL)
    {
      /* Nothing typed is lost: the fields keep their text */
      show_error (self, error, gtk_editable_get_text (GTK_EDITABLE (self->server_row)));
      if (error->domain == SAN_API_ERROR && error->code == SAN_API_ERROR_UNAUTHORIZED)
        gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }

  san_sign_in_page_set_error (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  g_signal_emit (self, signals[SIGNED_IN], 0, client);
}

static void
submit (SanSignInPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *server = NULL;
  g_autofree char *email = NULL;
  const char *password;

  if (self->client != NULL)
    return;   /* already signing in */

  server = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->server_row))));
  email = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->email_row))));
  password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  if (server[0] == '\0')
    {
      san_sign_in_page_set_error (self, _("Enter the address of the server."));
      gtk_widget_grab_focus (GTK_WIDGET (self->server_row));
      return;
    }
  if (email[0] == '\0')
    {
      san_sign_in_page_set_error (self, _("Enter your e-mail."));
      gtk_widget_grab_focus (GTK_WIDGET (self->email_row));
      return;
    }
  if (password[0] == '\0')
    {
      san_sign_in_page_set_error (self, _("Enter your password."));
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }

  self->client = san_client_new (server, self->store, &error);
  if (self->client == NULL)
    {
      show_error (self, error, server);
      gtk_widget_grab_focus (GTK_WIDGET (self->server_row));
      return;
    }

  san_sign_in_page_set_error (self, NULL);
  set_busy (self, TRUE);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  san_client_login_async (self->client, email, password, self->cancellable,
                          on_login_cb, self);
}

static void
on_entry_activated_cb (SanSignInPage *self)
{
  submit (self);
}

static void
on_sign_in_clicked_cb (SanSignInPage *self)
{
  submit (self);
}

static void
san_sign_in_page_dispose (GObject *object)
{
  SanSignInPage *self = SAN_SIGN_IN_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), SAN_TYPE_SIGN_IN_PAGE);
  /* The template's top widget is not a bound child: unparent it too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->client);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (san_sign_in_page_parent_class)->dispose (object);
}

static void
san_sign_in_page_class_init (SanSignInPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = san_sign_in_page_dispose;

  signals[SIGNED_IN] =
    g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SAN_TYPE_CLIENT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/saninternet/ClientArea/ui/san-sign-in-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SanSignInPage, server_row);
  gtk_widget_class_bind_template_child (widget_class, SanSignInPage, email_row);
  gtk_widget_class_bind_template_child (widget_class, SanSignInPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, SanSignInPage, fields_group);
  gtk_widget_class_bind_template_child (widget_class, SanSignInPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, SanSignInPage, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, SanSignInPage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sign_in_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
san_sign_in_page_init (SanSignInPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  set_busy (self, FALSE);
}

void
san_sign_in_page_set_token_store (SanSignInPage *self,
                                  SanTokenStore *store)
{
  g_return_if_fail (SAN_IS_SIGN_IN_PAGE (self));
  g_return_if_fail (store == NULL || SAN_IS_TOKEN_STORE (store));

  g_set_object (&self->store, store);
}

const char *
san_sign_in_page_get_server (SanSignInPage *self)
{
  g_return_val_if_fail (SAN_IS_SIGN_IN_PAGE (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->server_row));
}

void
san_sign_in_page_set_server (SanSignInPage *self,
                             const char    *server)
{
  g_return_if_fail (SAN_IS_SIGN_IN_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->server_row), server != NULL ? server : "");
}

void
san_sign_in_page_set_email (SanSignInPage *self,
                            const char    *email)
{
  g_return_if_fail (SAN_IS_SIGN_IN_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->email_row), email != NULL ? email : "");
}

void
san_sign_in_page_set_error (SanSignInPage *self,
                            const char    *message)
{
  g_return_if_fail (SAN_IS_SIGN_IN_PAGE (self));

  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

void
san_sign_in_page_reset (SanSignInPage *self)
{
  g_return_if_fail (SAN_IS_SIGN_IN_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->client);
  set_busy (self, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  san_sign_in_page_set_error (self, NULL);

  if (gtk_editable_get_text (GTK_EDITABLE (self->server_row))[0] == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->server_row));
  else if (gtk_editable_get_text (GTK_EDITABLE (self->email_row))[0] == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->email_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}
