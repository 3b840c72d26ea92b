/* san-api-test.c: waiting for async calls in the client library's tests
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

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

char *
test_client_contract_id (SanClient  *client,
                         const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanMe) me = test_client_fetch_me (client, &error);
  GListModel *contracts;

  g_assert_no_error (error);
  contracts = san_me_get_contracts (me);
  for (guint i = 0; i < g_list_model_get_n_items (contracts); i++)
    {
      g_autoptr(SanContract) contract = g_list_model_get_item (contracts, i);

      if (g_str_equal (san_contract_get_name (contract), name))
        return g_strdup (san_contract_get_id (contract));
    }
  g_error ("no contract named “%s”", name);
  return NULL;
}

GListModel *
test_files_model (GFile *first,
                  ...)
{
  GListStore *store = g_list_store_new (G_TYPE_FILE);
  va_list args;

  va_start (args, first);
  for (GFile *file = first; file != NULL; file = va_arg (args, GFile *))
    g_list_store_append (store, file);
  va_end (args);
  return G_LIST_MODEL (store);
}

void
test_dir_remove (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        test_dir_remove (child);
      else
        g_assert_cmpint (g_unlink (child), ==, 0);
    }
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

void
assert_message_contains (const GError *error,
                         const char   *text)
{
  if (strstr (error->message, text) == NULL)
    g_error ("“%s” is not in the message “%s”", text, error->message);
}

void
assert_time (GDateTime  *time,
             const char *iso)
{
  g_autofree char *text = NULL;

  g_assert_nonnull (time);
  text = g_date_time_format_iso8601 (time);
  g_assert_cmpstr (text, ==, iso);
}
