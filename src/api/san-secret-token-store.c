/* san-secret-token-store.c: tokens kept in the Secret Service (libsecret)
 *
 * One item per server in the default collection. Its attributes are the
 * server (the client's base URI) and the login e-mail; its secret is a small
 * JSON object {"access_token", "refresh_token", "expires_at"}.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-api"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <libsecret/secret.h>

#include "san-token-store.h"

#include "san-api-error.h"
#include "san-json-private.h"

/* A keyring that does not answer (a prompt nobody sees) must not hang the
 * caller forever. */
#define KEYRING_TIMEOUT_SECONDS 25

struct _SanSecretTokenStore
{
  GObject parent_instance;
};

typedef struct
{
  char         *server;
  char         *email;
  SanTokens    *tokens;           /* to save */
  GCancellable *cancellable;      /* what libsecret gets */
  GCancellable *caller;           /* the caller's, chained to the above */
  gulong        caller_handler;
  guint         timeout_id;
  gboolean      timed_out;
} Operation;

static void token_store_iface_init (SanTokenStoreInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SanSecretTokenStore, san_secret_token_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SAN_TYPE_TOKEN_STORE, token_store_iface_init))

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    "com.saninternet.ClientArea.Session",
    SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "email", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

static void
operation_free (Operation *op)
{
  if (op->caller_handler != 0)
    g_cancellable_disconnect (op->caller, op->caller_handler);
  g_clear_handle_id (&op->timeout_id, g_source_remove);
  g_clear_object (&op->caller);
  g_clear_object (&op->cancellable);
  g_clear_pointer (&op->tokens, san_tokens_free);
  g_free (op->server);
  g_free (op->email);
  g_free (op);
}

static void
on_caller_cancelled_cb (GCancellable *caller,
                        gpointer      user_data)
{
  GCancellable *cancellable = user_data;

  g_cancellable_cancel (cancellable);
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  Operation *op = user_data;

  op->timeout_id = 0;
  op->timed_out = TRUE;
  g_cancellable_cancel (op->cancellable);
  return G_SOURCE_REMOVE;
}

/* A task whose data is a new Operation for @server */
static GTask *
operation_task_new (SanSecretTokenStore *self,
                    const char          *server,
                    GCancellable        *caller,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data,
                    gpointer             source_tag)
{
  GTask *task = g_task_new (self, caller, callback, user_data);
  Operation *op = g_new0 (Operation, 1);

  g_task_set_source_tag (task, source_tag);
  op->server = g_strdup (server);
  op->cancellable = g_cancellable_new ();
  if (caller != NULL)
    {
      op->caller = g_object_ref (caller);
      op->caller_handler = g_cancellable_connect (caller, G_CALLBACK (on_caller_cancelled_cb),
                                                  g_object_ref (op->cancellable),
                                                  g_object_unref);
    }
  op->timeout_id = g_timeout_add_seconds (KEYRING_TIMEOUT_SECONDS, on_timeout_cb, op);
  g_task_set_task_data (task, op, (GDestroyNotify) operation_free);
  return task;
}

/* Ends @task with libsecret's @error as SAN_API_ERROR_SECRETS */
static void
operation_return_error (GTask  *task,
                        GError *error)
{
  g_autoptr(GError) owned = error;
  Operation *op = g_task_get_task_data (task);

  if (op->timed_out)
    g_task_return_new_error (task, SAN_API_ERROR, SAN_API_ERROR_SECRETS,
                             _("The keyring did not answer. Is it locked?"));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_task_return_error (task, g_steal_pointer (&owned));
  else
    g_task_return_new_error (task, SAN_API_ERROR, SAN_API_ERROR_SECRETS,
                             _("Could not use the keyring: %s"), error->message);
}

static GHashTable *
attributes_new (const char *server,
                const char *email)
{
  GHashTable *attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_hash_table_insert (attributes, (gpointer) "server", g_strdup (server));
  if (email != NULL)
    g_hash_table_insert (attributes, (gpointer) "email", g_strdup (email));
  return attributes;
}

/* The secret's JSON; the caller wipes it with explicit_bzero() */
static char *
tokens_to_secret (const SanTokens *tokens)
{
  /* Sized once so no reallocation leaves a copy behind */
  gsize size = 96 + 6 * (strlen (tokens->access_token) + strlen (tokens->refresh_token));
  GString *json = g_string_sized_new (size);

  g_string_append (json, "{\"access_token\":");
  san_json_append_string (json, tokens->access_token);
  g_string_append (json, ",\"refresh_token\":");
  san_json_append_string (json, tokens->refresh_token);
  g_string_append_printf (json, ",\"expires_at\":%" G_GINT64_FORMAT "}", tokens->expires_at);
  return g_string_free (json, FALSE);
}

static SanTokens *
tokens_from_secret (const char  *email,
                    const char  *secret,
                    gsize        length,
                    GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonObject *object;
  const char *access_token, *refresh_token;
  gint64 expires_at;

  if (!json_parser_load_from_data (parser, secret, (gssize) length, error))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error_literal (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                           "not an object");
      return NULL;
    }
  object = json_node_get_object (json_parser_get_root (parser));
  if (!san_json_read_string (object, "access_token", FALSE, &access_token, error) ||
      !san_json_read_string (object, "refresh_token", FALSE, &refresh_token, error) ||
      !san_json_read_int (object, "expires_at", 0, G_MAXINT64, &expires_at, error))
    return NULL;

  return san_tokens_new (email, access_token, refresh_token, expires_at);
}

/* load */

static void
on_secret_retrieved_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SecretValue) value = NULL;
  g_autoptr(SanTokens) tokens = NULL;
  Operation *op = g_task_get_task_data (task);
  const char *secret;
  gsize length = 0;

  value = secret_retrievable_retrieve_secret_finish (SECRET_RETRIEVABLE (source), result, &error);
  if (value == NULL && error != NULL)
    {
      operation_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (value == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  secret = secret_value_get (value, &length);
  tokens = tokens_from_secret (op->email, secret, length, &error);
  if (tokens == NULL)
    {
      /* Not ours to read: as if there were no session. (Not the error's
       * message: it may quote the secret.) */
      g_debug ("Ignoring an unreadable session in the keyring");
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&tokens), (GDestroyNotify) san_tokens_free);
}

static void
on_search_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autolist(GObject) items = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  Operation *op = g_task_get_task_data (task);
  SecretRetrievable *newest = NULL;

  items = secret_password_search_finish (result, &error);
  if (error != NULL)
    {
      operation_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (items == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  /* save() keeps one item per server; should there be more, the newest wins */
  for (GList *l = items; l != NULL; l = l->next)
    if (newest == NULL ||
        secret_retrievable_get_modified (l->data) > secret_retrievable_get_modified (newest))
      newest = SECRET_RETRIEVABLE (l->data);

  attributes = secret_retrievable_get_attributes (newest);
  op->email = g_strdup (g_hash_table_lookup (attributes, "email"));
  secret_retrievable_retrieve_secret (newest, op->cancellable,
                                      on_secret_retrieved_cb, g_steal_pointer (&task));
}

static void
san_secret_token_store_load_async (SanTokenStore       *store,
                                   const char          *server,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  SanSecretTokenStore *self = SAN_SECRET_TOKEN_STORE (store);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = attributes_new (server, NULL);
  Operation *op;

  task = operation_task_new (self, server, cancellable, callback, user_data,
                             san_secret_token_store_load_async);
  op = g_task_get_task_data (task);

  secret_password_searchv (get_schema (), attributes,
                           SECRET_SEARCH_ALL | SECRET_SEARCH_UNLOCK | SECRET_SEARCH_LOAD_SECRETS,
                           op->cancellable, on_search_cb, g_steal_pointer (&task));
}


/* save: clear whatever this server had (another e-mail's item too), then store */

static void
on_stored_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    {
      operation_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_save_cleared_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *label = NULL;
  Operation *op = g_task_get_task_data (task);
  char *secret;

  secret_password_clear_finish (result, &error);
  if (error != NULL)
    {
      operation_return_error (task, g_steal_pointer (&error));
      return;
    }

  attributes = attributes_new (op->server, op->tokens->email != NULL ? op->tokens->email : "");
  /* Translators: the name of the keyring item; %s is the server's address */
  label = g_strdup_printf (_("SAN Client Area session on %s"), op->server);
  secret = tokens_to_secret (op->tokens);
  /* libsecret copies the secret into its own (wiped) memory right here */
  secret_password_storev (get_schema (), attributes, SECRET_COLLECTION_DEFAULT, label,
                          secret, op->cancellable, on_stored_cb, g_steal_pointer (&task));
  explicit_bzero (secret, strlen (secret));
  g_free (secret);
}

static void
san_secret_token_store_save_async (SanTokenStore       *store,
                                   const char          *server,
                                   const SanTokens     *tokens,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  SanSecretTokenStore *self = SAN_SECRET_TOKEN_STORE (store);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = attributes_new (server, NULL);
  Operation *op;

  task = operation_task_new (self, server, cancellable, callback, user_data,
                             san_secret_token_store_save_async);
  op = g_task_get_task_data (task);
  op->tokens = san_tokens_copy (tokens);

  secret_password_clearv (get_schema (), attributes, op->cancellable,
                          on_save_cleared_cb, g_steal_pointer (&task));
}


/* clear */

static void
on_cleared_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  /* FALSE without an error: there was nothing to clear */
  secret_password_clear_finish (result, &error);
  if (error != NULL)
    {
      operation_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
san_secret_token_store_clear_async (SanTokenStore       *store,
                                    const char          *server,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  SanSecretTokenStore *self = SAN_SECRET_TOKEN_STORE (store);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = attributes_new (server, NULL);
  Operation *op;

  task = operation_task_new (self, server, cancellable, callback, user_data,
                             san_secret_token_store_clear_async);
  op = g_task_get_task_data (task);

  secret_password_clearv (get_schema (), attributes, op->cancellable,
                          on_cleared_cb, g_steal_pointer (&task));
}


static void
token_store_iface_init (SanTokenStoreInterface *iface)
{
  iface->load_async = san_secret_token_store_load_async;
  iface->save_async = san_secret_token_store_save_async;
  iface->clear_async = san_secret_token_store_clear_async;
}

static void
san_secret_token_store_class_init (SanSecretTokenStoreClass *klass)
{
}

static void
san_secret_token_store_init (SanSecretTokenStore *self)
{
}

SanTokenStore *
san_secret_token_store_new (void)
{
  return g_object_new (SAN_TYPE_SECRET_TOKEN_STORE, NULL);
}
