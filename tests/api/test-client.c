/* test-client.c: SanClient against an in-process server: addresses, TLS,
 * cancellation, the session (refresh, sign-out, restore, logout) and paging
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "san-api-test.h"
#include "san-fake-server.h"
#include "san-test-server.h"

#define ME_PATH      "/api/v1/me"
#define LIST_PATH    "/api/v1/contracts/c1/services"
#define REFRESH_PATH "/api/v1/auth/refresh"

#define ME_JSON "{\"user\":" FAKE_USER_JSON ",\"contracts\":[]}"

/* A self-signed certificate for 127.0.0.1 and localhost, made for this test
 * only (openssl req -x509 -newkey ec ... -days 36500); nothing trusts it. */
static const char untrusted_pem[] =
  "-----BEGIN CERTIFICATE-----\n"
  "MIIBnDCCAUGgAwIBAgIUcwlB5ngCU4VLqnEbNp5QF6XnUlAwCgYIKoZIzj0EAwIw\n"
  "FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTEyNDE2MTAxOFoYDzIxMjYxMDMx\n"
  "MTYxMDE4WjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO\n"
  "PQMBBwNCAAQGq5aTsEabPhorTzjGjspCsSwgELS0tvv5CzBBhKdbCi+bYavFVvb4\n"
  "5xrPkMvlzVJpU0TY5GKaqWksxcf5yHwCo28wbTAdBgNVHQ4EFgQUr5XtIzJzGgTZ\n"
  "LufCk2fDek404VQwHwYDVR0jBBgwFoAUr5XtIzJzGgTZLufCk2fDek404VQwDwYD\n"
  "VR0TAQH/BAUwAwEB/zAaBgNVHREEEzARhwR/AAABgglsb2NhbGhvc3QwCgYIKoZI\n"
  "zj0EAwIDSQAwRgIhALkAymEpywFVZkUDr27bm2RFZgNhj4sv/80LuojqexPsAiEA\n"
  "6hsmpORS5CbqPdGgEgMyztMh7cq9boLOCxzp4RWBVNU=\n"
  "-----END CERTIFICATE-----\n"
  "-----BEGIN PRIVATE KEY-----\n"
  "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgl6Yp97GfdRvh56/i\n"
  "zozjxmumDdj117Q00dXIxY8p6UmhRANCAAQGq5aTsEabPhorTzjGjspCsSwgELS0\n"
  "tvv5CzBBhKdbCi+bYavFVvb45xrPkMvlzVJpU0TY5GKaqWksxcf5yHwC\n"
  "-----END PRIVATE KEY-----\n";

typedef struct
{
  FakeServer    *fake;
  SanTokenStore *store;
  SanClient     *client;
  guint          signed_out_count;
} Fixture;

static void
on_signed_out_cb (SanClient *client,
                  Fixture   *f)
{
  f->signed_out_count++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->fake = fake_server_new (NULL);
  f->store = san_memory_token_store_new ();
  f->client = test_client_new (fake_server_get_url (f->fake), f->store);
  g_signal_connect (f->client, "signed-out", G_CALLBACK (on_signed_out_cb), f);
  fake_server_set_answer (f->fake, "GET", ME_PATH, TRUE, 200, NULL, ME_JSON, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->client);
  g_assert_finalize_object (f->store);
  fake_server_free (f->fake);
}

static char *
service_json (const char *id)
{
  return g_strdup_printf (FAKE_SERVICE_JSON_FMT, id, "active", "null");
}

/* Addresses */

static void
test_uri_insecure_refused (void)
{
  const char *uris[] = {
    "http://example.com",
    "http://portal.saninternet.com/",
    "http://192.168.0.10:8080",
    "http://10.0.0.1",
    "http://[2001:db8::1]:8080",
    "http://127.0.0.1.example.com",
    "http://localhost.example.com",
  };

  for (guint i = 0; i < G_N_ELEMENTS (uris); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SanTokenStore) store = san_memory_token_store_new ();
      g_autoptr(SanClient) client = san_client_new (uris[i], store, &error);

      g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_INSECURE);
      g_assert_null (client);
    }
}

static void
test_uri_loopback_accepted (void)
{
  struct { const char *uri; const char *normalized; } uris[] = {
    { "http://localhost", "http://localhost" },
    { "http://localhost:8080/", "http://localhost:8080" },
    { "http://LOCALHOST:8080", "http://localhost:8080" },
    { "http://127.0.0.1:41234", "http://127.0.0.1:41234" },
    { "http://127.1.2.3", "http://127.1.2.3" },
    { "http://[::1]:8080/", "http://[::1]:8080" },
    { "HTTP://127.0.0.1", "http://127.0.0.1" },
    { "https://portal.saninternet.com", "https://portal.saninternet.com" },
    { "https://portal.saninternet.com/", "https://portal.saninternet.com" },
    { "https://example.com:8443/portal//", "https://example.com:8443/portal" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (uris); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SanTokenStore) store = san_memory_token_store_new ();
      g_autoptr(SanClient) client = san_client_new (uris[i].uri, store, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (san_client_get_base_uri (client), ==, uris[i].normalized);
      g_assert_false (san_client_get_signed_in (client));
      g_assert_null (san_client_get_email (client));
    }
}

static void
test_uri_invalid_refused (void)
{
  const char *uris[] = {
    "ftp://127.0.0.1",
    "file:///etc/passwd",
    "javascript:alert(1)",
    "127.0.0.1:8080",
    "not a uri",
    "",
    "https://",
    "https://user:secret@portal.example.com",
    "https://portal.example.com/?x=1",
    "https://portal.example.com/#top",
  };

  for (guint i = 0; i < G_N_ELEMENTS (uris); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SanTokenStore) store = san_memory_token_store_new ();
      g_autoptr(SanClient) client = san_client_new (uris[i], store, &error);

      g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_INVALID_INPUT);
      g_assert_null (client);
    }
}

/* Transport failures */

static void
test_network_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) login_error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(SanClient) client = NULL;
  g_autofree char *url = NULL;
  Waiter waiter = { 0 };

  /* A port nobody listens on: bound, never listening */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (socket, address, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  url = g_strdup_printf ("http://127.0.0.1:%u",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));

  client = test_client_new (url, NULL);
  san_client_login_async (client, "ana@example.com", "x", NULL, waiter_cb, &waiter);
  result = waiter_wait (&waiter);
  g_assert_false (san_client_login_finish (client, result, &login_error));
  g_assert_error (login_error, SAN_API_ERROR, SAN_API_ERROR_NETWORK);
  g_assert_false (san_client_get_signed_in (client));
}

/* A certificate nobody trusts is an error, never accepted */
static void
test_tls_untrusted (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) certificate = g_tls_certificate_new_from_pem (untrusted_pem, -1, &error);
  g_autoptr(FakeServer) fake = NULL;
  g_autoptr(SanClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  Waiter waiter = { 0 };

  g_assert_no_error (error);
  g_assert_true (g_tls_backend_supports_tls (g_tls_backend_get_default ()));
  fake = fake_server_new (certificate);
  g_assert_true (g_str_has_prefix (fake_server_get_url (fake), "https://"));

  client = test_client_new (fake_server_get_url (fake), NULL);
  san_client_login_async (client, "ana@example.com", FAKE_PASSWORD, NULL, waiter_cb, &waiter);
  result = waiter_wait (&waiter);
  g_assert_false (san_client_login_finish (client, result, &error));
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_TLS);
  g_assert_false (san_client_get_signed_in (client));
  /* The request never reached the handler */
  g_assert_cmpuint (fake_server_count (fake, "POST", "/api/v1/auth/login"), ==, 0);
}

/* Requests */

static void
test_not_signed_in (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanMe) me = test_client_fetch_me (f->client, &error);

  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_NOT_SIGNED_IN);
  g_assert_null (me);
  /* Nothing was sent */
  g_assert_cmpuint (fake_server_count (f->fake, "GET", ME_PATH), ==, 0);
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              GPtrArray  *names)
{
  g_ptr_array_add (names, g_strdup (pspec->name));
}

static void
test_login_ok (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) notified = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SanTokens) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SanMe) me = NULL;
  const char *agent;

  g_signal_connect (f->client, "notify", G_CALLBACK (on_notify_cb), notified);
  test_client_login (f->client, "Ana@Example.com", FAKE_PASSWORD);
  g_signal_handlers_disconnect_by_func (f->client, on_notify_cb, notified);

  /* The e-mail is the server's */
  g_assert_cmpstr (san_client_get_email (f->client), ==, "ana@example.com");
  g_assert_cmpuint (notified->len, ==, 2);
  g_assert_true (g_ptr_array_find_with_equal_func (notified, "signed-in", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (notified, "email", g_str_equal, NULL));

  /* The store keeps the session for this server */
  kept = test_store_load (f->store, san_client_get_base_uri (f->client));
  g_assert_nonnull (kept);
  g_assert_cmpstr (kept->email, ==, "ana@example.com");
  g_assert_cmpstr (kept->access_token, ==, fake_server_get_access_token (f->fake));
  g_assert_cmpstr (kept->refresh_token, ==, fake_server_get_refresh_token (f->fake));
  g_assert_cmpint (kept->expires_at, >, g_get_real_time () / G_USEC_PER_SEC + 800);

  /* Calls carry the token */
  me = test_client_fetch_me (f->client, &error);
  g_assert_no_error (error);
  g_assert_nonnull (me);
  g_assert_true (g_str_has_prefix (fake_server_last_header (f->fake, ME_PATH, "Authorization"), "Bearer "));
  agent = fake_server_last_header (f->fake, ME_PATH, "User-Agent");
  g_assert_cmpstr (agent, ==, "san-client-area/" PACKAGE_VERSION);
  g_assert_cmpuint (f->signed_out_count, ==, 0);
}

static void
test_login_wrong_password (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(SanTokens) kept = NULL;
  Waiter waiter = { 0 };

  san_client_login_async (f->client, "ana@example.com", "wrong \"quoted\" \\ pässword\n",
                          NULL, waiter_cb, &waiter);
  result = waiter_wait (&waiter);
  g_assert_false (san_client_login_finish (f->client, result, &error));
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_UNAUTHORIZED);
  g_assert_false (san_client_get_signed_in (f->client));
  kept = test_store_load (f->store, san_client_get_base_uri (f->client));
  g_assert_null (kept);
  g_assert_cmpuint (f->signed_out_count, ==, 0);
}

static void
test_login_rate_limited (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  Waiter waiter = { 0 };

  fake_server_set_answer (f->fake, "POST", "/api/v1/auth/login", FALSE, 429,
                          "application/problem+json", "{\"code\":\"too_many_attempts\"}",
                          "Retry-After: 1");
  san_client_login_async (f->client, "ana@example.com", FAKE_PASSWORD, NULL, waiter_cb, &waiter);
  result = waiter_wait (&waiter);
  g_assert_false (san_client_login_finish (f->client, result, &error));
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_RATE_LIMITED);
  g_assert_nonnull (strstr (error->message, "1 second"));
  g_assert_false (san_client_get_signed_in (f->client));
}

/* The contract id "c?1 #x" in one path segment, as SoupServer decodes it:
 * unescaped, its ? and # would have cut the path short */
#define DECODED_PATH "/api/v1/contracts/c?1 #x/services"

/* The path and query are escaped, and decode back to what was asked */
static void
test_list_query_escaped (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(SanPage) page = NULL;
  SanServiceStatus status = SAN_SERVICE_STATUS_SUSPENDED;
  const char *search = "pão & café/=?#%+ 100%";
  const char *cursor = "a+b/c==";
  Waiter waiter = { 0 };

  test_client_login (f->client, "ana@example.com", FAKE_PASSWORD);
  fake_server_set_answer (f->fake, "GET", DECODED_PATH, TRUE, 200, NULL,
                          "{\"items\":[],\"total\":0,\"next_cursor\":null}", NULL);

  san_client_list_services_async (f->client, "c?1 #x", &status, search, cursor, 25,
                                  NULL, waiter_cb, &waiter);
  result = waiter_wait (&waiter);
  page = san_client_list_services_finish (f->client, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (page);

  g_assert_cmpstr (fake_server_last_query (f->fake, DECODED_PATH, "status"), ==, "suspended");
  g_assert_cmpstr (fake_server_last_query (f->fake, DECODED_PATH, "q"), ==, search);
  g_assert_cmpstr (fake_server_last_query (f->fake, DECODED_PATH, "cursor"), ==, cursor);
  g_assert_cmpstr (fake_server_last_query (f->fake, DECODED_PATH, "limit"), ==, "25");
}

/* Cancellation */

typedef struct
{
  GCancellable *cancellable;
  char         *title;
} View;

static guint cancelled_callbacks;

static void
on_view_me_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  View *view = user_data;   /* may be gone: the rule says look at the error first */
  g_autoptr(GError) error = NULL;
  g_autoptr(SanMe) me = san_client_fetch_me_finish (SAN_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_assert_null (me);
      cancelled_callbacks++;
      return;
    }

  g_free (view->title);
  view->title = g_strdup ("should not happen");
  g_assert_not_reached ();
}

static void
view_free (View *view)
{
  g_cancellable_cancel (view->cancellable);
  g_object_unref (view->cancellable);
  g_free (view->title);
  g_free (view);
}

/* Cancelled while the server takes its time: CANCELLED, at once, and the
 * callback runs after its view is gone without the library touching it */
static void
test_cancel_in_flight (Fixture       *f,
                       gconstpointer  data)
{
  View *view = g_new0 (View, 1);
  gint64 start;
  guint before = cancelled_callbacks;

  test_client_login (f->client, "ana@example.com", FAKE_PASSWORD);
  fake_server_set_delay (f->fake, "GET", ME_PATH, 3000);

  view->cancellable = g_cancellable_new ();
  san_client_fetch_me_async (f->client, view->cancellable, on_view_me_cb, view);
  test_sleep_ms (50);
  g_assert_cmpuint (fake_server_count (f->fake, "GET", ME_PATH), ==, 1);

  start = g_get_monotonic_time ();
  view_free (g_steal_pointer (&view));   /* like a page's dispose */
  while (cancelled_callbacks == before)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);

  /* The client is not broken by it */
  fake_server_set_delay (f->fake, "GET", ME_PATH, 0);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SanMe) me = test_client_fetch_me (f->client, &error);

    g_assert_no_error (error);
    g_assert_nonnull (me);
  }
}

/* Cancelled before anything happened */
static void
test_cancel_before_start (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(SanPage) page = NULL;
  Waiter waiter = { 0 };

  test_client_login (f->client, "ana@example.com", FAKE_PASSWORD);
  g_cancellable_cancel (cancellable);
  san_client_list_services_async (f->client, "c1", NULL, NULL, NULL, 0, cancellable, waiter_cb, &waiter);
  result = waiter_wait (&waiter);
  page = san_client_list_services_finish (f->client, result, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (page);
  g_assert_true (san_client_get_signed_in (f->client));
}

/* A client whose caller cancelled and let go is finalized once the call
 * completes: nothing keeps it alive */
static void
test_cancel_client_released (void)
{
  g_autoptr(FakeServer) fake = fake_server_new (NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SanClient *client = test_client_new (fake_server_get_url (fake), NULL);
  Waiter waiter = { 0 };

  test_client_login (client, "ana@example.com", FAKE_PASSWORD);
  fake_server_set_answer (fake, "GET", ME_PATH, TRUE, 200, NULL, ME_JSON, NULL);
  fake_server_set_delay (fake, "GET", ME_PATH, 3000);

  san_client_fetch_me_async (client, cancellable, waiter_cb, &waiter);
  test_sleep_ms (50);
  g_cancellable_cancel (cancellable);
  result = waiter_wait (&waiter);
  g_assert_null (san_client_fetch_me_finish (client, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_object (&result);
  g_assert_finalize_object (client);
}

/* Refresh */

typedef struct
{
  GError *error;
  SanMe  *me;
  gboolean done;
} MeCall;

static void
on_me_call_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  MeCall *call = user_data;

  call->me = san_client_fetch_me_finish (SAN_CLIENT (source), result, &call->error);
  call->done = TRUE;
}

static void
run_concurrent_me (SanClient *client,
                   MeCall    *calls,
                   guint      n_calls)
{
  for (guint i = 0; i < n_calls; i++)
    san_client_fetch_me_async (client, NULL, on_me_call_cb, &calls[i]);
  for (guint i = 0; i < n_calls; i++)
    san_test_wait_until (&calls[i].done, 30);
}

static void
clear_calls (MeCall *calls,
             guint   n_calls)
{
  for (guint i = 0; i < n_calls; i++)
    {
      g_clear_error (&calls[i].error);
      g_clear_object (&calls[i].me);
    }
}

/* Calls made with an access token past its expiry wait for ONE refresh */
static void
test_refresh_coalesced (Fixture       *f,
                        gconstpointer  data)
{
  MeCall calls[4] = { 0 };
  g_autoptr(SanTokens) kept = NULL;
  g_autofree char *old_refresh = NULL;

  fake_server_set_expires_in (f->fake, 0);
  test_client_login (f->client, "ana@example.com", FAKE_PASSWORD);
  old_refresh = g_strdup (fake_server_get_refresh_token (f->fake));
  fake_server_set_expires_in (f->fake, 900);
  fake_server_set_refresh_delay (f->fake, 100);

  run_concurrent_me (f->client, calls, G_N_ELEMENTS (calls));
  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      g_assert_no_error (calls[i].error);
      g_assert_true (SAN_IS_ME (calls[i].me));
    }
  g_assert_cmpuint (fake_server_count (f->fake, "POST", REFRESH_PATH), ==, 1);
  g_assert_cmpuint (fake_server_count (f->fake, "GET", ME_PATH), ==, G_N_ELEMENTS (calls));
  g_assert_cmpstr (fake_server_last_header (f->fake, ME_PATH, "Authorization") + strlen ("Bearer "),
                   ==, fake_server_get_access_token (f->fake));

  /* The new tokens are kept */
  kept = test_store_load (f->store, san_client_get_base_uri (f->client));
  g_assert_nonnull (kept);
  g_assert_cmpstr (kept->refresh_token, ==, fake_server_get_refresh_token (f->fake));
  g_assert_cmpstr (kept->refresh_token, !=, old_refresh);
  g_assert_true (san_client_get_signed_in (f->client));
  g_assert_cmpuint (f->signed_out_count, ==, 0);
  clear_calls (calls, G_N_ELEMENTS (calls));
}

/* The server says the token expired (the client thought it fresh): one
 * refresh, each call retried once */
static void
test_refresh_on_401 (Fixture       *f,
                     gconstpointer  data)
{
  MeCall calls[3] = { 0 };

  test_client_login (f->client, "ana@example.com", FAKE_PASSWORD);
  fake_server_expire_access (f->fake);
  fake_server_set_refresh_delay (f->fake, 100);

  run_concurrent_me (f->client, calls, G_N_ELEMENTS (calls));
  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      g_assert_no_error (calls[i].error);
      g_assert_true (SAN_IS_ME (calls[i].me));
    }
  g_assert_cmpuint (fake_server_count (f->fake, "POST", REFRESH_PATH), ==, 1);
  /* Each call twice: refused, then retried */
  g_assert_cmpuint (fake_server_count (f->fake, "GET", ME_PATH), ==, 2 * G_N_ELEMENTS (calls));
  g_assert_true (san_client_get_signed_in (f->client));
  clear_calls (calls, G_N_ELEMENTS (calls));
}

/* The refresh token refused too: the session is over, everywhere */
static void
test_refresh_refused_signs_out (Fixture       *f,
                                gconstpointer  data)
{
  MeCall calls[3] = { 0 };
  g_autoptr(SanTokens) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SanMe) me = NULL;

  test_client_login (f->client, "ana@example.com", FAKE_PASSWORD);
  fake_server_expire_access (f->fake);
  fake_server_refuse_refresh (f->fake);

  run_concurrent_me (f->client, calls, G_N_ELEMENTS (calls));
  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      g_assert_error (calls[i].error, SAN_API_ERROR, SAN_API_ERROR_UNAUTHORIZED);
      g_assert_null (calls[i].me);
    }
  g_assert_cmpuint (fake_server_count (f->fake, "POST", REFRESH_PATH), ==, 1);
  g_assert_cmpuint (f->signed_out_count, ==, 1);
  g_assert_false (san_client_get_signed_in (f->client));
  g_assert_null (san_client_get_email (f->client));

  kept = test_store_load (f->store, san_client_get_base_uri (f->client));
  g_assert_null (kept);

  /* Later calls do not even try */
  me = test_client_fetch_me (f->client, &error);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_NOT_SIGNED_IN);
  g_assert_cmpuint (fake_server_count (f->fake, "POST", REFRESH_PATH), ==, 1);
  clear_calls (calls, G_N_ELEMENTS (calls));
}

/* A 401 again after a good refresh: signed out, not a loop */
static void
test_refresh_second_401_signs_out (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanMe) me = NULL;

  test_client_login (f->client, "ana@example.com", FAKE_PASSWORD);
  fake_server_set_answer (f->fake, "GET", ME_PATH, FALSE, 401, "application/problem+json",
                          "{\"code\":\"invalid_token\",\"status\":401}", "WWW-Authenticate: Bearer");
  me = test_client_fetch_me (f->client, &error);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_UNAUTHORIZED);
  g_assert_null (me);
  g_assert_cmpuint (fake_server_count (f->fake, "POST", REFRESH_PATH), ==, 1);
  g_assert_cmpuint (fake_server_count (f->fake, "GET", ME_PATH), ==, 2);
  g_assert_cmpuint (f->signed_out_count, ==, 1);
  g_assert_false (san_client_get_signed_in (f->client));
}

/* Restore */

static void
increment (guint *count)
{
  (*count)++;
}

static void
test_restore_none (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (test_client_restore (f->client, &error));
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_NOT_SIGNED_IN);
  g_assert_false (san_client_get_signed_in (f->client));
  g_assert_cmpuint (fake_server_count (f->fake, "GET", ME_PATH), ==, 0);
}

static void
test_restore_ok (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanClient) second = NULL;
  g_autoptr(SanMe) me = NULL;

  test_client_login (f->client, "ana@example.com", FAKE_PASSWORD);

  /* The next run: a new client on the same store */
  second = test_client_new (fake_server_get_url (f->fake), f->store);
  g_assert_true (test_client_restore (second, &error));
  g_assert_no_error (error);
  g_assert_true (san_client_get_signed_in (second));
  g_assert_cmpstr (san_client_get_email (second), ==, "ana@example.com");
  me = test_client_fetch_me (second, &error);
  g_assert_no_error (error);
  g_assert_nonnull (me);
}

/* A kept session the server no longer knows: forgotten */
static void
test_restore_unauthorized_clears (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanClient) second = NULL;
  g_autoptr(SanTokens) kept = NULL;
  guint second_signed_out = 0;

  test_client_login (f->client, "ana@example.com", FAKE_PASSWORD);
  fake_server_expire_access (f->fake);
  fake_server_refuse_refresh (f->fake);

  second = test_client_new (fake_server_get_url (f->fake), f->store);
  g_signal_connect_swapped (second, "signed-out", G_CALLBACK (increment), &second_signed_out);
  g_assert_false (test_client_restore (second, &error));
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_NOT_SIGNED_IN);
  g_assert_false (san_client_get_signed_in (second));
  /* It was never signed in: nothing to tell */
  g_assert_cmpuint (second_signed_out, ==, 0);
  kept = test_store_load (f->store, san_client_get_base_uri (f->client));
  g_assert_null (kept);
}

/* The server cannot be reached: say so, keep the session for Retry */
static void
test_restore_network_keeps (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanClient) second = NULL;
  g_autoptr(SanTokens) kept = NULL;
  g_autoptr(SanTokens) before = NULL;
  g_autofree char *url = g_strdup (fake_server_get_url (f->fake));

  test_client_login (f->client, "ana@example.com", FAKE_PASSWORD);
  before = test_store_load (f->store, san_client_get_base_uri (f->client));

  /* The server goes away */
  g_clear_pointer (&f->fake, fake_server_free);
  f->fake = fake_server_new (NULL);

  second = test_client_new (url, f->store);
  g_assert_false (test_client_restore (second, &error));
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_NETWORK);
  g_assert_false (san_client_get_signed_in (second));
  kept = test_store_load (f->store, san_client_get_base_uri (second));
  g_assert_nonnull (kept);
  g_assert_cmpstr (kept->access_token, ==, before->access_token);
  g_assert_cmpstr (kept->refresh_token, ==, before->refresh_token);
}

/* Logout */

static void
test_logout_ok (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanTokens) kept = NULL;
  g_autoptr(SanMe) me = NULL;
  g_autofree char *token = NULL;

  test_client_login (f->client, "ana@example.com", FAKE_PASSWORD);
  token = g_strdup_printf ("Bearer %s", fake_server_get_access_token (f->fake));
  g_assert_true (test_client_logout (f->client, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (fake_server_count (f->fake, "POST", "/api/v1/auth/logout"), ==, 1);
  g_assert_cmpstr (fake_server_last_header (f->fake, "/api/v1/auth/logout", "Authorization"), ==, token);
  g_assert_cmpuint (f->signed_out_count, ==, 1);
  g_assert_false (san_client_get_signed_in (f->client));
  g_assert_null (san_client_get_email (f->client));
  kept = test_store_load (f->store, san_client_get_base_uri (f->client));
  g_assert_null (kept);

  me = test_client_fetch_me (f->client, &error);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_NOT_SIGNED_IN);
}

/* The server cannot be told: signed out here all the same */
static void
test_logout_network (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanTokens) kept = NULL;

  test_client_login (f->client, "ana@example.com", FAKE_PASSWORD);
  g_clear_pointer (&f->fake, fake_server_free);
  f->fake = fake_server_new (NULL);

  g_assert_false (test_client_logout (f->client, &error));
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_NETWORK);
  g_assert_cmpuint (f->signed_out_count, ==, 1);
  g_assert_false (san_client_get_signed_in (f->client));
  kept = test_store_load (f->store, san_client_get_base_uri (f->client));
  g_assert_null (kept);
}

/* Signed out already: nothing to tell, nothing to emit */
static void
test_logout_signed_out (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (test_client_logout (f->client, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->signed_out_count, ==, 0);
  g_assert_cmpuint (fake_server_count (f->fake, "POST", "/api/v1/auth/logout"), ==, 0);
}

/* list_all_services */

static GListModel *
list_all (SanClient  *client,
          GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  Waiter waiter = { 0 };

  san_client_list_all_services_async (client, "c1", NULL, waiter_cb, &waiter);
  result = waiter_wait (&waiter);
  return san_client_list_all_services_finish (client, result, error);
}

static void
test_list_all_pages (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autofree char *s1 = service_json ("s1");
  g_autofree char *s2 = service_json ("s2");
  g_autofree char *s3 = service_json ("s3");
  g_autofree char *page1 = g_strdup_printf ("{\"items\":[%s],\"total\":3,\"next_cursor\":\"p/2\"}", s1);
  g_autofree char *page2 = g_strdup_printf ("{\"items\":[%s],\"total\":3,\"next_cursor\":\"p 3\"}", s2);
  g_autofree char *page3 = g_strdup_printf ("{\"items\":[%s],\"total\":3,\"next_cursor\":null}", s3);

  test_client_login (f->client, "ana@example.com", FAKE_PASSWORD);
  fake_server_set_page (f->fake, LIST_PATH, NULL, page1);
  fake_server_set_page (f->fake, LIST_PATH, "p/2", page2);
  fake_server_set_page (f->fake, LIST_PATH, "p 3", page3);

  all = list_all (f->client, &error);
  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (all) == SAN_TYPE_SERVICE);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(SanService) service = g_list_model_get_item (all, i);
      g_autofree char *id = g_strdup_printf ("s%u", i + 1);

      g_assert_cmpstr (san_service_get_id (service), ==, id);
    }
  g_assert_cmpuint (fake_server_count (f->fake, "GET", LIST_PATH), ==, 3);
}

static void
test_list_all_cursor_loop (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autofree char *s1 = service_json ("s1");
  g_autofree char *page1 = g_strdup_printf ("{\"items\":[%s],\"total\":9,\"next_cursor\":\"a\"}", s1);
  g_autofree char *page2 = g_strdup_printf ("{\"items\":[%s],\"total\":9,\"next_cursor\":\"b\"}", s1);
  g_autofree char *page3 = g_strdup_printf ("{\"items\":[%s],\"total\":9,\"next_cursor\":\"a\"}", s1);

  test_client_login (f->client, "ana@example.com", FAKE_PASSWORD);
  fake_server_set_page (f->fake, LIST_PATH, NULL, page1);
  fake_server_set_page (f->fake, LIST_PATH, "a", page2);
  fake_server_set_page (f->fake, LIST_PATH, "b", page3);

  all = list_all (f->client, &error);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED);
  g_assert_null (all);
  g_assert_cmpuint (fake_server_count (f->fake, "GET", LIST_PATH), ==, 3);
}

/* A bad page halfway: an error, not the first pages */
static void
test_list_all_bad_page (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autofree char *s1 = service_json ("s1");
  g_autofree char *page1 = g_strdup_printf ("{\"items\":[%s],\"total\":2,\"next_cursor\":\"a\"}", s1);

  test_client_login (f->client, "ana@example.com", FAKE_PASSWORD);
  fake_server_set_page (f->fake, LIST_PATH, NULL, page1);
  fake_server_set_page (f->fake, LIST_PATH, "a", "{\"items\":[{}],\"total\":2,\"next_cursor\":null}");

  all = list_all (f->client, &error);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED);
  g_assert_null (all);
}

/* A store whose keyring always fails */

#define TEST_TYPE_BROKEN_STORE (test_broken_store_get_type ())
G_DECLARE_FINAL_TYPE (TestBrokenStore, test_broken_store, TEST, BROKEN_STORE, GObject)

struct _TestBrokenStore
{
  GObject parent_instance;
};

static void broken_store_iface_init (SanTokenStoreInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestBrokenStore, test_broken_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SAN_TYPE_TOKEN_STORE, broken_store_iface_init))

static void
broken_fail (gpointer             self,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, user_data);

  g_task_return_new_error (task, SAN_API_ERROR, SAN_API_ERROR_SECRETS, "The keyring is locked");
}

static void
broken_load_async (SanTokenStore *self, const char *server, GCancellable *cancellable,
                   GAsyncReadyCallback callback, gpointer user_data)
{
  broken_fail (self, callback, user_data);
}

static SanTokens *
broken_load_finish (SanTokenStore *self, GAsyncResult *result, GError **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
broken_save_async (SanTokenStore *self, const char *server, const SanTokens *tokens,
                   GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  broken_fail (self, callback, user_data);
}

static void
broken_clear_async (SanTokenStore *self, const char *server, GCancellable *cancellable,
                    GAsyncReadyCallback callback, gpointer user_data)
{
  broken_fail (self, callback, user_data);
}

static gboolean
broken_boolean_finish (SanTokenStore *self, GAsyncResult *result, GError **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
broken_store_iface_init (SanTokenStoreInterface *iface)
{
  iface->load_async = broken_load_async;
  iface->load_finish = broken_load_finish;
  iface->save_async = broken_save_async;
  iface->save_finish = broken_boolean_finish;
  iface->clear_async = broken_clear_async;
  iface->clear_finish = broken_boolean_finish;
}

static void
test_broken_store_class_init (TestBrokenStoreClass *klass)
{
}

static void
test_broken_store_init (TestBrokenStore *self)
{
}

/* Without a working keyring: signing in works (the session is just not
 * remembered), restoring says SECRETS, signing out says so too but still
 * signs out */
static void
test_broken_keyring (void)
{
  g_autoptr(FakeServer) fake = fake_server_new (NULL);
  g_autoptr(SanTokenStore) store = g_object_new (TEST_TYPE_BROKEN_STORE, NULL);
  g_autoptr(SanClient) client = test_client_new (fake_server_get_url (fake), store);
  g_autoptr(GError) restore_error = NULL;
  g_autoptr(GError) logout_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SanMe) me = NULL;
  guint signed_out = 0;

  fake_server_set_answer (fake, "GET", ME_PATH, TRUE, 200, NULL, ME_JSON, NULL);
  g_signal_connect_swapped (client, "signed-out", G_CALLBACK (increment), &signed_out);

  g_assert_false (test_client_restore (client, &restore_error));
  g_assert_error (restore_error, SAN_API_ERROR, SAN_API_ERROR_SECRETS);

  test_client_login (client, "ana@example.com", FAKE_PASSWORD);
  me = test_client_fetch_me (client, &error);
  g_assert_no_error (error);

  g_assert_false (test_client_logout (client, &logout_error));
  g_assert_error (logout_error, SAN_API_ERROR, SAN_API_ERROR_SECRETS);
  g_assert_false (san_client_get_signed_in (client));
  g_assert_cmpuint (signed_out, ==, 1);
  g_assert_cmpuint (fake_server_count (fake, "POST", "/api/v1/auth/logout"), ==, 1);
}

/* The memory store keeps servers apart and copies what it is given */
static void
test_memory_store (void)
{
  g_autoptr(SanTokenStore) store = san_memory_token_store_new ();
  g_autoptr(SanTokens) a = san_tokens_new ("a@example.com", "access-a", "refresh-a", 100);
  g_autoptr(SanTokens) b = san_tokens_new ("b@example.com", "access-b", "refresh-b", 200);
  g_autoptr(SanTokens) loaded = NULL;
  g_autoptr(SanTokens) copy = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  Waiter waiter = { 0 };

  san_token_store_save_async (store, "https://a", a, NULL, waiter_cb, &waiter);
  result = waiter_wait (&waiter);
  g_assert_true (san_token_store_save_finish (store, result, &error));
  g_clear_object (&result);
  waiter = (Waiter) { 0 };
  san_token_store_save_async (store, "https://b", b, NULL, waiter_cb, &waiter);
  result = waiter_wait (&waiter);
  g_assert_true (san_token_store_save_finish (store, result, &error));
  g_clear_object (&result);

  loaded = test_store_load (store, "https://a");
  g_assert_cmpstr (loaded->email, ==, "a@example.com");
  g_assert_cmpstr (loaded->access_token, ==, "access-a");
  g_assert_cmpint (loaded->expires_at, ==, 100);
  g_clear_pointer (&loaded, san_tokens_free);

  waiter = (Waiter) { 0 };
  san_token_store_clear_async (store, "https://a", NULL, waiter_cb, &waiter);
  result = waiter_wait (&waiter);
  g_assert_true (san_token_store_clear_finish (store, result, &error));
  g_assert_null (test_store_load (store, "https://a"));
  loaded = test_store_load (store, "https://b");
  g_assert_cmpstr (loaded->refresh_token, ==, "refresh-b");

  copy = san_tokens_copy (loaded);
  g_assert_true (copy != loaded);
  g_assert_true (copy->access_token != loaded->access_token);
  g_assert_cmpstr (copy->access_token, ==, loaded->access_token);
  g_assert_true (G_TYPE_IS_BOXED (SAN_TYPE_TOKENS));
}

int
main (int   argc,
      char *argv[])
{
  /* With isolated dirs there are no GSettings schemas, which GIO's GNOME
   * proxy resolver needs: talk to the loopback servers directly */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/api/client/uri/insecure-refused", test_uri_insecure_refused);
  g_test_add_func ("/api/client/uri/loopback-accepted", test_uri_loopback_accepted);
  g_test_add_func ("/api/client/uri/invalid-refused", test_uri_invalid_refused);
  g_test_add_func ("/api/client/network/refused", test_network_refused);
  g_test_add_func ("/api/client/tls/untrusted", test_tls_untrusted);

  ADD ("/api/client/not-signed-in", test_not_signed_in);
  ADD ("/api/client/login/ok", test_login_ok);
  ADD ("/api/client/login/wrong-password", test_login_wrong_password);
  ADD ("/api/client/login/rate-limited", test_login_rate_limited);
  ADD ("/api/client/list/query-escaped", test_list_query_escaped);

  ADD ("/api/client/cancel/in-flight", test_cancel_in_flight);
  ADD ("/api/client/cancel/before-start", test_cancel_before_start);
  g_test_add_func ("/api/client/cancel/client-released", test_cancel_client_released);

  ADD ("/api/client/refresh/coalesced", test_refresh_coalesced);
  ADD ("/api/client/refresh/on-401", test_refresh_on_401);
  ADD ("/api/client/refresh/refused-signs-out", test_refresh_refused_signs_out);
  ADD ("/api/client/refresh/second-401-signs-out", test_refresh_second_401_signs_out);

  ADD ("/api/client/restore/none", test_restore_none);
  ADD ("/api/client/restore/ok", test_restore_ok);
  ADD ("/api/client/restore/unauthorized-clears", test_restore_unauthorized_clears);
  ADD ("/api/client/restore/network-keeps", test_restore_network_keeps);

  ADD ("/api/client/logout/ok", test_logout_ok);
  ADD ("/api/client/logout/network", test_logout_network);
  ADD ("/api/client/logout/signed-out", test_logout_signed_out);

  ADD ("/api/client/list-all/pages", test_list_all_pages);
  ADD ("/api/client/list-all/cursor-loop", test_list_all_cursor_loop);
  ADD ("/api/client/list-all/bad-page", test_list_all_bad_page);

  g_test_add_func ("/api/client/memory-store", test_memory_store);
  g_test_add_func ("/api/client/broken-keyring", test_broken_keyring);

#undef ADD

  return g_test_run ();
}
