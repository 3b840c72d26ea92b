/* san-memory-token-store.c: tokens kept only for the life of the process
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-api"

#include "config.h"

#include "san-token-store.h"

struct _SanMemoryTokenStore
{
  GObject     parent_instance;

  GHashTable *sessions;   /* server -> SanTokens */
};

static void token_store_iface_init (SanTokenStoreInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SanMemoryTokenStore, san_memory_token_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SAN_TYPE_TOKEN_STORE, token_store_iface_init))

static void
san_memory_token_store_load_async (SanTokenStore       *store,
                                   const char          *server,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  SanMemoryTokenStore *self = SAN_MEMORY_TOKEN_STORE (store);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  SanTokens *tokens;

  g_task_set_source_tag (task, san_memory_token_store_load_async);

  tokens = g_hash_table_lookup (self->sessions, server);
  g_task_return_pointer (task,
                         tokens != NULL ? san_tokens_copy (tokens) : NULL,
                         (GDestroyNotify) san_tokens_free);
}


static void
san_memory_token_store_save_async (SanTokenStore       *store,
                                   const char          *server,
                                   const SanTokens     *tokens,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  SanMemoryTokenStore *self = SAN_MEMORY_TOKEN_STORE (store);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, san_memory_token_store_save_async);

  g_hash_table_replace (self->sessions, g_strdup (server), san_tokens_copy (tokens));
  g_task_return_boolean (task, TRUE);
}


static void
san_memory_token_store_clear_async (SanTokenStore       *store,
                                    const char          *server,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  SanMemoryTokenStore *self = SAN_MEMORY_TOKEN_STORE (store);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, san_memory_token_store_clear_async);

  g_hash_table_remove (self->sessions, server);
  g_task_return_boolean (task, TRUE);
}


static void
token_store_iface_init (SanTokenStoreInterface *iface)
{
  iface->load_async = san_memory_token_store_load_async;
  iface->save_async = san_memory_token_store_save_async;
  iface->clear_async = san_memory_token_store_clear_async;
}

static void
san_memory_token_store_finalize (GObject *object)
{
  SanMemoryTokenStore *self = (SanMemoryTokenStore *) object;

  g_clear_pointer (&self->sessions, g_hash_table_unref);

  G_OBJECT_CLASS (san_memory_token_store_parent_class)->finalize (object);
}

static void
san_memory_token_store_class_init (SanMemoryTokenStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = san_memory_token_store_finalize;
}

static void
san_memory_token_store_init (SanMemoryTokenStore *self)
{
  self->sessions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) san_tokens_free);
}

SanTokenStore *
san_memory_token_store_new (void)
{
  return g_object_new (SAN_TYPE_MEMORY_TOKEN_STORE, NULL);
}
