/* san-portald-auth.h: passwords, tokens and login rate limits
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SAN_PORTALD_TOKEN_HASH_SIZE 32   /* SHA-256 */

/* Initializes libsodium; FALSE when it cannot. Call before anything else here. */
gboolean  san_portald_auth_init          (GError      **error);

/* Argon2id (crypto_pwhash_str, interactive limits). */
char     *san_portald_password_hash      (const char   *password,
                                          GError      **error);
gboolean  san_portald_password_verify    (const char   *hash,
                                          const char   *password);
/* The hash of a random password nobody knows, made on the first call
 * (thread-safe) with the same limits as real ones: verifying an unknown
 * e-mail's password against it spends the same effort as a real
 * verification. NULL only when it could not be made (out of memory). */
const char *san_portald_password_dummy_hash (void);

/* A new random 256-bit token, base64url without padding (43 characters),
 * and its SHA-256 hash (the only form that is stored). */
char     *san_portald_token_new          (guint8        out_hash[SAN_PORTALD_TOKEN_HASH_SIZE]);
/* Hashes a presented token; FALSE when it is not shaped like one of ours. */
gboolean  san_portald_token_hash         (const char   *token,
                                          guint8        out_hash[SAN_PORTALD_TOKEN_HASH_SIZE]);

/* Failure counting over a sliding window, in memory, on the monotonic clock. */
typedef struct _SanPortaldRateLimiter SanPortaldRateLimiter;

SanPortaldRateLimiter *san_portald_rate_limiter_new    (guint                  max_failures,
                                                        gint64                 window_us);
void                   san_portald_rate_limiter_free   (SanPortaldRateLimiter *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SanPortaldRateLimiter, san_portald_rate_limiter_free)

/* TRUE when @key may try again; otherwise *@out_retry_after_s says in how many seconds. */
gboolean san_portald_rate_limiter_check          (SanPortaldRateLimiter *self,
                                                  const char            *key,
                                                  gint64                 now_us,
                                                  guint                 *out_retry_after_s);
/* The same, counting @pending attempts still being checked as if they had
 * failed, so a burst of simultaneous attempts can't exceed the limit; when
 * only those tip it, *@out_retry_after_s is 1. */
gboolean san_portald_rate_limiter_check_pending  (SanPortaldRateLimiter *self,
                                                  const char            *key,
                                                  guint                  pending,
                                                  gint64                 now_us,
                                                  guint                 *out_retry_after_s);
void     san_portald_rate_limiter_record_failure (SanPortaldRateLimiter *self,
                                                  const char            *key,
                                                  gint64                 now_us);
void     san_portald_rate_limiter_forget         (SanPortaldRateLimiter *self,
                                                  const char            *key);
/* Drops keys whose failures are all older than the window. */
void     san_portald_rate_limiter_prune          (SanPortaldRateLimiter *self,
                                                  gint64                 now_us);

G_END_DECLS
