/* san-token-store.h: where a session's tokens are kept between runs
 *
 * Tokens live in the Secret Service (libsecret) and nowhere else; the memory
 * store is for tests and for sessions that must not outlive the process.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _SanTokens SanTokens;

struct _SanTokens
{
  char   *email;          /* the login e-mail */
  char   *access_token;
  char   *refresh_token;
  gint64  expires_at;     /* the access token's expiry, unix seconds (UTC) */
};

#define SAN_TYPE_TOKENS (san_tokens_get_type ())
GType      san_tokens_get_type (void) G_GNUC_CONST;
SanTokens *san_tokens_new      (const char *email,
                                const char *access_token,
                                const char *refresh_token,
                                gint64      expires_at);
SanTokens *san_tokens_copy     (const SanTokens *tokens);
/* Overwrites the token strings with zeros before freeing them */
void       san_tokens_free     (SanTokens  *tokens);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SanTokens, san_tokens_free)

#define SAN_TYPE_TOKEN_STORE (san_token_store_get_type ())
G_DECLARE_INTERFACE (SanTokenStore, san_token_store, SAN, TOKEN_STORE, GObject)

/* The _finish vfuncs default to propagating a GTask created with the store
 * as its source object; an implementation that answers otherwise sets them. */
struct _SanTokenStoreInterface
{
  GTypeInterface parent_iface;

  void       (*load_async)   (SanTokenStore       *self,
                              const char          *server,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data);
  SanTokens *(*load_finish)  (SanTokenStore       *self,
                              GAsyncResult        *result,
                              GError             **error);
  void       (*save_async)   (SanTokenStore       *self,
                              const char          *server,
                              const SanTokens     *tokens,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data);
  gboolean   (*save_finish)  (SanTokenStore       *self,
                              GAsyncResult        *result,
                              GError             **error);
  void       (*clear_async)  (SanTokenStore       *self,
                              const char          *server,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data);
  gboolean   (*clear_finish) (SanTokenStore       *self,
                              GAsyncResult        *result,
                              GError             **error);
};

/* Looks up the session kept for @server (the base URI). NULL without an
 * error when there is none. */
void       san_token_store_load_async   (SanTokenStore       *self,
                                         const char          *server,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
SanTokens *san_token_store_load_finish  (SanTokenStore       *self,
                                         GAsyncResult        *result,
                                         GError             **error);
/* Replaces whatever was kept for @server */
void       san_token_store_save_async   (SanTokenStore       *self,
                                         const char          *server,
                                         const SanTokens     *tokens,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gboolean   san_token_store_save_finish  (SanTokenStore       *self,
                                         GAsyncResult        *result,
                                         GError             **error);
void       san_token_store_clear_async  (SanTokenStore       *self,
                                         const char          *server,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gboolean   san_token_store_clear_finish (SanTokenStore       *self,
                                         GAsyncResult        *result,
                                         GError             **error);

/* The Secret Service, schema "com.saninternet.ClientArea.Session" with the
 * attributes "server" and "email". */
#define SAN_TYPE_SECRET_TOKEN_STORE (san_secret_token_store_get_type ())
G_DECLARE_FINAL_TYPE (SanSecretTokenStore, san_secret_token_store, SAN, SECRET_TOKEN_STORE, GObject)
SanTokenStore *san_secret_token_store_new (void);

#define SAN_TYPE_MEMORY_TOKEN_STORE (san_memory_token_store_get_type ())
G_DECLARE_FINAL_TYPE (SanMemoryTokenStore, san_memory_token_store, SAN, MEMORY_TOKEN_STORE, GObject)
SanTokenStore *san_memory_token_store_new (void);

G_END_DECLS
