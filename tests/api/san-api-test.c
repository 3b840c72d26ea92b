/* san-api-test.c: waiting for async calls in the client library's tests
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "san-api-test.h"
#include "san-test-server.h"

/* Under AddressSanitizer. GLib 2.74 keeps the old strings each time
 * G_TEST_OPTION_ISOLATE_DIRS resets the user dirs (g_set_user_dirs), on
 * purpose; matching that needs whole stacks, which the fast unwinder does
 * not get through GLib (no frame pointers). These tests use no GTK, where
 * slow unwinding is known to hang. */
const char *__asan_default_options (void);
const char *__lsan_default_suppressions (void);

const char *
__asan_default_options (void)
{
  /* intercept_tls_get_addr=0: LSan misreads glibc 2.36's dynamic TLS of
   * dlopen()ed modules (GIO's GnuTLS) and its tracer crashes
   * (google/sanitizers#1322) */
  return "fast_unwind_on_malloc=0:intercept_tls_get_addr=0";
}

const char *
__lsan_default_suppressions (void)
{
  return "leak:g_set_user_dirs\n";
}

void
waiter_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Waiter *waiter = user_data;

  g_assert_false (waiter->done);
  waiter->result = g_object_ref (result);
  waiter->done = TRUE;
}

GAsyncResult *
waiter_wait (Waiter *waiter)
{
  san_test_wait_until (&waiter->done, 30);
  return g_steal_pointer (&waiter->result);
}

SanClient *
test_client_new (const char    *url,
                 SanTokenStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanTokenStore) memory = NULL;
  SanClient *client;

  if (store == NULL)
    store = memory = san_memory_token_store_new ();
  client = san_client_new (url, store, &error);
  g_assert_no_error (error);
  g_assert_true (SAN_IS_CLIENT (client));
  return client;
}

void
test_client_login (SanClient  *client,
                   const char *email,
                   const char *password)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  Waiter waiter = { 0 };

  san_client_login_async (client, email, password, NULL, waiter_cb, &waiter);
  result = waiter_wait (&waiter);
  g_assert_true (san_client_login_finish (client, result, &error));
  g_assert_no_error (error);
  g_assert_true (san_client_get_signed_in (client));
}

SanTokens *
test_store_load (SanTokenStore *store,
                 const char    *server)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  Waiter waiter = { 0 };
  SanTokens *tokens;

  san_token_store_load_async (store, server, NULL, waiter_cb, &waiter);
  result = waiter_wait (&waiter);
  tokens = san_token_store_load_finish (store, result, &error);
  g_assert_no_error (error);
  return tokens;
}

static gboolean
on_sleep_done_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

void
test_sleep_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_sleep_done_cb, &done);
  san_test_wait_until (&done, 30 + ms / 1000);
}

SanMe *
test_client_fetch_me (SanClient  *client,
                      GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  Waiter waiter = { 0 };

  san_client_fetch_me_async (client, NULL, waiter_cb, &waiter);
  result = waiter_wait (&waiter);
  return san_client_fetch_me_finish (client, result, error);
}

gboolean
test_client_restore (SanClient  *client,
                     GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  Waiter waiter = { 0 };

  san_client_restore_async (client, NULL, waiter_cb, &waiter);
  result = waiter_wait (&waiter);
  return san_client_restore_finish (client, result, error);
}

gboolean
test_client_logout (SanClient  *client,
                    GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  Waiter waiter = { 0 };

  san_client_logout_async (client, NULL, waiter_cb, &waiter);
  result = waiter_wait (&waiter);
  return san_client_logout_finish (client, result, error);
}
