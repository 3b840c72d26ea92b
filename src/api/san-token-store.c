/* san-token-store.c: where a session's tokens are kept between runs
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-api"

#include "config.h"

#include <string.h>

#include "san-token-store.h"

G_DEFINE_BOXED_TYPE (SanTokens, san_tokens, san_tokens_copy, san_tokens_free)

G_DEFINE_INTERFACE (SanTokenStore, san_token_store, G_TYPE_OBJECT)

/* Overwrites @secret with zeros (the compiler may not drop it) and frees it */
static void
free_secret (char *secret)
{
  if (secret == NULL)
    return;
  explicit_bzero (secret, strlen (secret));
  g_free (secret);
}

SanTokens *
san_tokens_new (const char *email,
                const char *access_token,
                const char *refresh_token,
                gint64      expires_at)
{
  SanTokens *tokens;

  g_return_val_if_fail (access_token != NULL, NULL);
  g_return_val_if_fail (refresh_token != NULL, NULL);

  tokens = g_new0 (SanTokens, 1);
  tokens->email = g_strdup (email);
  tokens->access_token = g_strdup (access_token);
  tokens->refresh_token = g_strdup (refresh_token);
  tokens->expires_at = expires_at;
  return tokens;
}

SanTokens *
san_tokens_copy (const SanTokens *tokens)
{
  g_return_val_if_fail (tokens != NULL, NULL);

  return san_tokens_new (tokens->email, tokens->access_token,
                         tokens->refresh_token, tokens->expires_at);
}

void
san_tokens_free (SanTokens *tokens)
{
  if (tokens == NULL)
    return;

  g_free (tokens->email);
  free_secret (tokens->access_token);
  free_secret (tokens->refresh_token);
  explicit_bzero (tokens, sizeof *tokens);
  g_free (tokens);
}

/* Every store so far answers with a GTask of its own: these are the default
 * finish vfuncs, so an implementation only writes its _async ones. */
static SanTokens *
default_load_finish (SanTokenStore  *self,
                     GAsyncResult   *result,
                     GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
default_boolean_finish (SanTokenStore  *self,
                        GAsyncResult   *result,
                        GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
san_token_store_default_init (SanTokenStoreInterface *iface)
{
  iface->load_finish = default_load_finish;
  iface->save_finish = default_boolean_finish;
  iface->clear_finish = default_boolean_finish;
}

void
san_token_store_load_async (SanTokenStore       *self,
                            const char          *server,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (SAN_IS_TOKEN_STORE (self));
  g_return_if_fail (server != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  SAN_TOKEN_STORE_GET_IFACE (self)->load_async (self, server, cancellable, callback, user_data);
}

SanTokens *
san_token_store_load_finish (SanTokenStore  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (SAN_IS_TOKEN_STORE (self), NULL);
  g_return_val_if_fail (G_IS_ASYNC_RESULT (result), NULL);

  return SAN_TOKEN_STORE_GET_IFACE (self)->load_finish (self, result, error);
}

void
san_token_store_save_async (SanTokenStore       *self,
                            const char          *server,
                            const SanTokens     *tokens,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (SAN_IS_TOKEN_STORE (self));
  g_return_if_fail (server != NULL);
  g_return_if_fail (tokens != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  SAN_TOKEN_STORE_GET_IFACE (self)->save_async (self, server, tokens, cancellable, callback, user_data);
}

gboolean
san_token_store_save_finish (SanTokenStore  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (SAN_IS_TOKEN_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_ASYNC_RESULT (result), FALSE);

  return SAN_TOKEN_STORE_GET_IFACE (self)->save_finish (self, result, error);
}

void
san_token_store_clear_async (SanTokenStore       *self,
                             const char          *server,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (SAN_IS_TOKEN_STORE (self));
  g_return_if_fail (server != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  SAN_TOKEN_STORE_GET_IFACE (self)->clear_async (self, server, cancellable, callback, user_data);
}

gboolean
san_token_store_clear_finish (SanTokenStore  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (SAN_IS_TOKEN_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_ASYNC_RESULT (result), FALSE);

  return SAN_TOKEN_STORE_GET_IFACE (self)->clear_finish (self, result, error);
}
