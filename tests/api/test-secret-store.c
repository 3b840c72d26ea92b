/* test-secret-store.c: SanSecretTokenStore against the session's real
 * Secret Service (gnome-keyring, started by build-aux/check)
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE   /* memmem */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <libsecret/secret.h>

#include "san-api-test.h"
#include "san-fake-server.h"

/* The schema as other versions of the app will read it */
static const SecretSchema schema = {
  "com.saninternet.ClientArea.Session",
  SECRET_SCHEMA_NONE,
  {
    { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "email", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  },
};

/* The HOME the test was started with (before G_TEST_OPTION_ISOLATE_DIRS) */
static char *outer_home;

typedef struct
{
  SanTokenStore *store;
  char          *server;    /* unique per test, so runs never meet */
  char          *server2;
} Fixture;

static gboolean
clear_sync (SanTokenStore *store,
            const char    *server)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  Waiter waiter = { 0 };

  san_token_store_clear_async (store, server, NULL, waiter_cb, &waiter);
  result = waiter_wait (&waiter);
  return san_token_store_clear_finish (store, result, &error) && error == NULL;
}

static void
save_sync (SanTokenStore   *store,
           const char      *server,
           const SanTokens *tokens)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  Waiter waiter = { 0 };

  san_token_store_save_async (store, server, tokens, NULL, waiter_cb, &waiter);
  result = waiter_wait (&waiter);
  g_assert_true (san_token_store_save_finish (store, result, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = san_secret_token_store_new ();
  f->server = g_strdup_printf ("https://test-%08x.example.com", g_random_int ());
  f->server2 = g_strdup_printf ("https://test-%08x.example.com", g_random_int ());
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_true (clear_sync (f->store, f->server));
  g_assert_true (clear_sync (f->store, f->server2));
  g_assert_finalize_object (f->store);
  g_free (f->server);
  g_free (f->server2);
}

/* Tokens that look like the server's: random, unique per call */
static SanTokens *
random_tokens (const char *email)
{
  g_autofree char *access = g_strdup_printf ("acc-%08x%08x\"\\quote", g_random_int (), g_random_int ());
  g_autofree char *refresh = g_strdup_printf ("ref-%08x%08x", g_random_int (), g_random_int ());

  return san_tokens_new (email, access, refresh, 1795000000 + g_random_int_range (0, 1000));
}

static void
assert_tokens_equal (const SanTokens *a,
                     const SanTokens *b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpstr (a->email, ==, b->email);
  g_assert_cmpstr (a->access_token, ==, b->access_token);
  g_assert_cmpstr (a->refresh_token, ==, b->refresh_token);
  g_assert_cmpint (a->expires_at, ==, b->expires_at);
}

/* The items of our schema for @server, straight from libsecret (its async
 * API: the _sync one leaks in libsecret 0.20) */
static GList *
search_items (const char        *server,
              SecretSearchFlags  flags)
{
  g_autoptr(GHashTable) attributes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  Waiter waiter = { 0 };
  GList *items;

  g_hash_table_insert (attributes, (gpointer) "server", (gpointer) server);
  secret_password_searchv (&schema, attributes, flags | SECRET_SEARCH_ALL, NULL, waiter_cb, &waiter);
  result = waiter_wait (&waiter);
  items = secret_password_search_finish (result, &error);
  g_assert_no_error (error);
  return items;
}

static guint
count_items (const char *server)
{
  GList *items = search_items (server, SECRET_SEARCH_NONE);
  guint n = g_list_length (items);

  g_list_free_full (items, g_object_unref);
  return n;
}

static SecretValue *
retrieve_secret (SecretRetrievable *item)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SecretValue *value;
  Waiter waiter = { 0 };

  secret_retrievable_retrieve_secret (item, NULL, waiter_cb, &waiter);
  result = waiter_wait (&waiter);
  value = secret_retrievable_retrieve_secret_finish (item, result, &error);
  g_assert_no_error (error);
  return value;
}

static void
test_save_load (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SanTokens) tokens = random_tokens ("ana@example.com");
  g_autoptr(SanTokens) loaded = NULL;

  g_assert_null (test_store_load (f->store, f->server));
  save_sync (f->store, f->server, tokens);
  loaded = test_store_load (f->store, f->server);
  assert_tokens_equal (loaded, tokens);
  g_assert_cmpuint (count_items (f->server), ==, 1);
}

/* The item is what the brief says: the attributes server and email, the
 * secret a small JSON object */
static void
test_item_format (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SanTokens) tokens = random_tokens ("ana@example.com");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(SecretValue) value = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  GList *items;
  JsonObject *object;

  save_sync (f->store, f->server, tokens);
  items = search_items (f->server, SECRET_SEARCH_LOAD_SECRETS | SECRET_SEARCH_UNLOCK);
  g_assert_cmpuint (g_list_length (items), ==, 1);

  attributes = secret_retrievable_get_attributes (items->data);
  g_assert_cmpstr (g_hash_table_lookup (attributes, "server"), ==, f->server);
  g_assert_cmpstr (g_hash_table_lookup (attributes, "email"), ==, "ana@example.com");
  g_assert_cmpstr (g_hash_table_lookup (attributes, "xdg:schema"), ==, "com.saninternet.ClientArea.Session");

  value = retrieve_secret (items->data);
  g_assert_true (json_parser_load_from_data (parser, secret_value_get_text (value), -1, &error));
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (object, "access_token"), ==, tokens->access_token);
  g_assert_cmpstr (json_object_get_string_member (object, "refresh_token"), ==, tokens->refresh_token);
  g_assert_cmpint (json_object_get_int_member (object, "expires_at"), ==, tokens->expires_at);
  g_assert_cmpuint (json_object_get_size (object), ==, 3);
  g_list_free_full (items, g_object_unref);
}

/* Saving again replaces, even with another e-mail: one item per server */
static void
test_replace (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(SanTokens) first = random_tokens ("ana@example.com");
  g_autoptr(SanTokens) second = random_tokens ("bia@example.com");
  g_autoptr(SanTokens) third = random_tokens ("bia@example.com");
  g_autoptr(SanTokens) loaded = NULL;

  save_sync (f->store, f->server, first);
  save_sync (f->store, f->server, second);
  loaded = test_store_load (f->store, f->server);
  assert_tokens_equal (loaded, second);
  g_assert_cmpuint (count_items (f->server), ==, 1);
  g_clear_pointer (&loaded, san_tokens_free);

  save_sync (f->store, f->server, third);
  loaded = test_store_load (f->store, f->server);
  assert_tokens_equal (loaded, third);
  g_assert_cmpuint (count_items (f->server), ==, 1);
}

static void
test_clear (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(SanTokens) tokens = random_tokens ("ana@example.com");

  save_sync (f->store, f->server, tokens);
  g_assert_true (clear_sync (f->store, f->server));
  g_assert_null (test_store_load (f->store, f->server));
  g_assert_cmpuint (count_items (f->server), ==, 0);
  /* Clearing nothing is fine */
  g_assert_true (clear_sync (f->store, f->server));
}

static void
test_servers_apart (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SanTokens) a = random_tokens ("ana@example.com");
  g_autoptr(SanTokens) b = random_tokens ("ana@example.com");
  g_autoptr(SanTokens) loaded_a = NULL;
  g_autoptr(SanTokens) loaded_b = NULL;

  save_sync (f->store, f->server, a);
  save_sync (f->store, f->server2, b);
  loaded_a = test_store_load (f->store, f->server);
  loaded_b = test_store_load (f->store, f->server2);
  assert_tokens_equal (loaded_a, a);
  assert_tokens_equal (loaded_b, b);

  g_assert_true (clear_sync (f->store, f->server));
  g_assert_null (test_store_load (f->store, f->server));
  g_clear_pointer (&loaded_b, san_tokens_free);
  loaded_b = test_store_load (f->store, f->server2);
  assert_tokens_equal (loaded_b, b);
}

/* An item of ours whose secret is not our JSON reads as no session */
static void
test_unreadable_secret (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  Waiter waiter = { 0 };

  secret_password_store (&schema, SECRET_COLLECTION_DEFAULT, "broken", "not json", NULL,
                         waiter_cb, &waiter, "server", f->server, "email", "ana@example.com", NULL);
  result = waiter_wait (&waiter);
  g_assert_true (secret_password_store_finish (result, &error));
  g_assert_no_error (error);
  g_assert_null (test_store_load (f->store, f->server));
}

static void
test_cancelled (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SanTokens) tokens = NULL;
  Waiter waiter = { 0 };

  g_cancellable_cancel (cancellable);
  san_token_store_load_async (f->store, f->server, cancellable, waiter_cb, &waiter);
  result = waiter_wait (&waiter);
  tokens = san_token_store_load_finish (f->store, result, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (tokens);
}

/* A SanClient remembers its session in the keyring across "runs" */
static void
test_client_session (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(FakeServer) fake = fake_server_new (NULL);
  g_autoptr(SanClient) first = test_client_new (fake_server_get_url (fake), f->store);
  g_autoptr(SanClient) second = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  Waiter waiter = { 0 };

  fake_server_set_answer (fake, "GET", "/api/v1/me", TRUE, 200, NULL,
                          "{\"user\":" FAKE_USER_JSON ",\"contracts\":[]}", NULL);
  test_client_login (first, "ana@example.com", FAKE_PASSWORD);
  g_free (f->server);
  f->server = g_strdup (san_client_get_base_uri (first));   /* cleared at the end */
  g_assert_cmpuint (count_items (f->server), ==, 1);

  second = test_client_new (fake_server_get_url (fake), f->store);
  san_client_restore_async (second, NULL, waiter_cb, &waiter);
  result = waiter_wait (&waiter);
  g_assert_true (san_client_restore_finish (second, result, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (san_client_get_email (second), ==, "ana@example.com");
  g_clear_object (&result);

  waiter = (Waiter) { 0 };
  san_client_logout_async (second, NULL, waiter_cb, &waiter);
  result = waiter_wait (&waiter);
  g_assert_true (san_client_logout_finish (second, result, &error));
  g_assert_cmpuint (count_items (f->server), ==, 0);
}

/* Nothing token-like is written to files: HOME and the XDG dirs hold no
 * copy of a saved token */
static gboolean
tree_contains (const char *path,
               const char *needle,
               guint       depth)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (depth > 12)
    return FALSE;
  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    return FALSE;
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (!g_file_get_contents (path, &contents, &length, NULL))
        return FALSE;
      return memmem (contents, length, needle, strlen (needle)) != NULL;
    }

  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (tree_contains (child, needle, depth + 1))
        {
          g_test_message ("found a token in %s", child);
          return TRUE;
        }
    }
  return FALSE;
}

static void
test_no_files (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SanTokens) tokens = random_tokens ("ana@example.com");
  const char *dirs[] = {
    g_get_home_dir (),
    g_get_user_data_dir (),
    g_get_user_config_dir (),
    g_get_user_cache_dir (),
    g_get_user_state_dir (),
    g_get_user_runtime_dir (),
    outer_home,
  };

  save_sync (f->store, f->server, tokens);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      if (dirs[i] == NULL)
        continue;
      g_assert_false (tree_contains (dirs[i], tokens->access_token, 0));
      g_assert_false (tree_contains (dirs[i], tokens->refresh_token, 0));
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  outer_home = g_strdup (g_getenv ("HOME"));
  /* With isolated dirs there are no GSettings schemas, which GIO's GNOME
   * proxy resolver needs: talk to the loopback servers directly */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    g_printerr ("# These tests need a session bus with a Secret Service: run them the way build-aux/check does\n");

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/api/secret-store/save-load", test_save_load);
  ADD ("/api/secret-store/item-format", test_item_format);
  ADD ("/api/secret-store/replace", test_replace);
  ADD ("/api/secret-store/clear", test_clear);
  ADD ("/api/secret-store/servers-apart", test_servers_apart);
  ADD ("/api/secret-store/unreadable-secret", test_unreadable_secret);
  ADD ("/api/secret-store/cancelled", test_cancelled);
  ADD ("/api/secret-store/client-session", test_client_session);
  ADD ("/api/secret-store/no-files", test_no_files);

#undef ADD

  status = g_test_run ();
  g_free (outer_home);
  return status;
}
