/* san-portald-auth.c: passwords, tokens and login rate limits
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-portald"

#include "config.h"

#include <sodium.h>

#include "san-portald-auth.h"
#include "san-portald-db.h"

#define TOKEN_BYTES 32
#define TOKEN_TEXT_LENGTH 43   /* base64url of 32 bytes, no padding */

gboolean
san_portald_auth_init (GError **error)
{
  if (sodium_init () < 0)
    {
      g_set_error (error, SAN_PORTALD_ERROR, SAN_PORTALD_ERROR_FAILED,
                   "Could not initialize libsodium");
      return FALSE;
    }
  return TRUE;
}

char *
san_portald_password_hash (const char  *password,
                           GError     **error)
{
  char hash[crypto_pwhash_STRBYTES];

  if (crypto_pwhash_str (hash, password, strlen (password),
                         crypto_pwhash_OPSLIMIT_INTERACTIVE,
                         crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    {
      g_set_error (error, SAN_PORTALD_ERROR, SAN_PORTALD_ERROR_FAILED,
                   "Could not hash a password (out of memory)");
      return NULL;
    }
  return g_strdup (hash);
}

gboolean
san_portald_password_verify (const char *hash,
                             const char *password)
{
  return crypto_pwhash_str_verify (hash, password, strlen (password)) == 0;
}

static gpointer
make_dummy_hash (gpointer data)
{
  guint8 random[16];
  g_autofree char *secret = NULL;
  char *hash;

  randombytes_buf (random, sizeof random);
  secret = g_base64_encode (random, sizeof random);
  sodium_memzero (random, sizeof random);
  hash = san_portald_password_hash (secret, NULL);
  sodium_memzero (secret, strlen (secret));
  return hash;
}

const char *
san_portald_password_dummy_hash (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, make_dummy_hash, NULL);
}

char *
san_portald_token_new (guint8 out_hash[SAN_PORTALD_TOKEN_HASH_SIZE])
{
  guint8 raw[TOKEN_BYTES];
  char text[sodium_base64_ENCODED_LEN (TOKEN_BYTES, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];

  randombytes_buf (raw, sizeof raw);
  sodium_bin2base64 (text, sizeof text, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sodium_memzero (raw, sizeof raw);
  crypto_hash_sha256 (out_hash, (const guint8 *) text, strlen (text));
  return g_strdup (text);
}

gboolean
san_portald_token_hash (const char *token,
                        guint8      out_hash[SAN_PORTALD_TOKEN_HASH_SIZE])
{
  if (token == NULL || strlen (token) != TOKEN_TEXT_LENGTH)
    return FALSE;
  for (const char *p = token; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;
  crypto_hash_sha256 (out_hash, (const guint8 *) token, TOKEN_TEXT_LENGTH);
  return TRUE;
}

/* Rate limits */

struct _SanPortaldRateLimiter
{
  guint       max_failures;
  gint64      window_us;
  GHashTable *failures;   /* key -> GArray of gint64 monotonic times, oldest first */
};

SanPortaldRateLimiter *
san_portald_rate_limiter_new (guint  max_failures,
                              gint64 window_us)
{
  SanPortaldRateLimiter *self = g_new0 (SanPortaldRateLimiter, 1);

  self->max_failures = max_failures;
  self->window_us = window_us;
  self->failures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_array_unref);
  return self;
}

void
san_portald_rate_limiter_free (SanPortaldRateLimiter *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->failures);
  g_free (self);
}

/* Drops the failures that left the window; returns what is left (maybe NULL). */
static GArray *
current_failures (SanPortaldRateLimiter *self,
                  const char            *key,
                  gint64                 now_us)
{
  GArray *times = g_hash_table_lookup (self->failures, key);
  guint old = 0;

  if (times == NULL)
    return NULL;
  while (old < times->len && g_array_index (times, gint64, old) + self->window_us <= now_us)
    old++;
  if (old > 0)
    g_array_remove_range (times, 0, old);
  if (times->len == 0)
    {
      g_hash_table_remove (self->failures, key);
      return NULL;
    }
  return times;
}

gboolean
san_portald_rate_limiter_check (SanPortaldRateLimiter *self,
                                const char            *key,
                                gint64                 now_us,
                                guint                 *out_retry_after_s)
{
  return san_portald_rate_limiter_check_pending (self, key, 0, now_us, out_retry_after_s);
}

gboolean
san_portald_rate_limiter_check_pending (SanPortaldRateLimiter *self,
                                        const char            *key,
                                        guint                  pending,
                                        gint64                 now_us,
                                        guint                 *out_retry_after_s)
{
  GArray *times = current_failures (self, key, now_us);
  guint failures = times != NULL ? times->len : 0;
  gint64 free_at;

  *out_retry_after_s = 0;
  if (failures + (guint64) pending < self->max_failures)
    return TRUE;

  if (failures < self->max_failures)
    {
      /* only attempts still in progress tip it: they end within a second or so */
      *out_retry_after_s = 1;
      return FALSE;
    }

  /* one more try is allowed when the failure that tipped the count leaves the window */
  free_at = g_array_index (times, gint64, times->len - self->max_failures) + self->window_us;
  *out_retry_after_s = (guint) MAX (1, (free_at - now_us + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
  return FALSE;
}

void
san_portald_rate_limiter_record_failure (SanPortaldRateLimiter *self,
                                         const char            *key,
                                         gint64                 now_us)
{
  GArray *times = current_failures (self, key, now_us);

  if (times == NULL)
    {
      times = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (self->failures, g_strdup (key), times);
    }
  g_array_append_val (times, now_us);
  /* never keep more than the limit needs */
  if (times->len > self->max_failures)
    g_array_remove_range (times, 0, times->len - self->max_failures);
}

void
san_portald_rate_limiter_forget (SanPortaldRateLimiter *self,
                                 const char            *key)
{
  g_hash_table_remove (self->failures, key);
}

void
san_portald_rate_limiter_prune (SanPortaldRateLimiter *self,
                                gint64                 now_us)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->failures);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GArray *times = value;

      if (times->len == 0 ||
          g_array_index (times, gint64, times->len - 1) + self->window_us <= now_us)
        g_hash_table_iter_remove (&iter);
    }
}
