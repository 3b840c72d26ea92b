/* test-auth.c: san-portald sign-in, tokens, refresh, logout and rate limits
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "san-test-server.h"
#include "portald-test-util.h"

/* One demo server for the tests that don't need their own */
static SanTestServer *server;
static SoupSession *session;

#define URL (san_test_server_get_url (server))

static void
assert_user (JsonObject *user,
             const char *email,
             const char *display_name)
{
  g_assert_nonnull (json_object_get_string_member_with_default (user, "id", NULL));
  g_assert_cmpstr (json_object_get_string_member_with_default (user, "email", NULL), ==, email);
  g_assert_cmpstr (json_object_get_string_member_with_default (user, "display_name", NULL), ==,
                   display_name);
}

static void
assert_token_reply (Reply *reply,
                    gint64 expires_in)
{
  JsonObject *object;
  const char *access;
  const char *refresh;

  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_content_type (reply->headers, NULL), ==, "application/json");
  g_assert_cmpstr (reply_header (reply, "Cache-Control"), ==, "no-store");
  object = reply_object (reply);
  access = json_object_get_string_member_with_default (object, "access_token", NULL);
  refresh = json_object_get_string_member_with_default (object, "refresh_token", NULL);
  /* 256 random bits in base64url */
  g_assert_cmpuint (strlen (access), ==, 43);
  g_assert_cmpuint (strlen (refresh), ==, 43);
  g_assert_cmpstr (access, !=, refresh);
  g_assert_cmpstr (json_object_get_string_member_with_default (object, "token_type", NULL), ==, "Bearer");
  g_assert_cmpint (json_object_get_int_member_with_default (object, "expires_in", 0), ==, expires_in);
  assert_user (json_object_get_object_member (object, "user"), "demo@example.com", "Ana Souza");
}

static Reply *
post_login (const char *url,
            const char *email,
            const char *password)
{
  g_autofree char *body = login_body (email, password);

  return http_request (session, url, "POST", "/api/v1/auth/login", NULL, body);
}

static Reply *
post_refresh (const char *url,
              const char *refresh_token)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *body = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "refresh_token");
  json_builder_add_string_value (builder, refresh_token);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  body = json_to_string (root, FALSE);
  return http_request (session, url, "POST", "/api/v1/auth/refresh", NULL, body);
}

static guint
get_me_status (const char *url,
               const char *token)
{
  g_autoptr(Reply) reply = http_request (session, url, "GET", "/api/v1/me", token, NULL);

  return reply->status;
}

static void
test_login_succeeds (void)
{
  g_autoptr(Reply) reply = post_login (URL, "demo@example.com", "demo-1234");
  g_autoptr(Reply) again = post_login (URL, "demo@example.com", "demo-1234");

  assert_token_reply (reply, 900);
  assert_token_reply (again, 900);
  /* every sign-in gets fresh tokens */
  g_assert_cmpstr (json_object_get_string_member (reply_object (reply), "access_token"), !=,
                   json_object_get_string_member (reply_object (again), "access_token"));
  g_assert_cmpuint (get_me_status (URL, json_object_get_string_member (reply_object (reply), "access_token")),
                    ==, 200);
}

static void
test_login_email_ignores_case (void)
{
  g_autoptr(Reply) reply = post_login (URL, "Demo@Example.COM", "demo-1234");

  assert_token_reply (reply, 900);
}

static void
test_login_wrong_password (void)
{
  g_autoptr(Reply) reply = post_login (URL, "demo@example.com", "demo-12345");

  assert_problem (reply, 401, "invalid_credentials");
}

static void
test_login_unknown_email_same_answer (void)
{
  g_autoptr(Reply) wrong_password = post_login (URL, "partner@example.com", "not-it");
  g_autoptr(Reply) unknown = post_login (URL, "nobody@example.com", "not-it");

  assert_problem (wrong_password, 401, "invalid_credentials");
  assert_problem (unknown, 401, "invalid_credentials");
  g_assert_true (g_bytes_equal (wrong_password->body, unknown->body));
  g_assert_cmpstr (reply_header (wrong_password, "WWW-Authenticate"), ==,
                   reply_header (unknown, "WWW-Authenticate"));
}

static void
test_login_invalid_json (void)
{
  static const char * const bodies[] = {
    "", "{", "email=demo@example.com&password=demo-1234", "[1, 2]", "\"text\"", "null",
    "{\"email\": \"demo@example.com\", \"password\": \"demo-1234\"",
  };
  static const char invalid_utf8[] = "{\"email\": \"\xff\xfe\", \"password\": \"x\"}";

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(Reply) reply = http_request (session, URL, "POST", "/api/v1/auth/login", NULL, bodies[i]);

      g_test_message ("body: %s", bodies[i]);
      assert_problem (reply, 400, "invalid_json");
    }

  {
    g_autoptr(Reply) reply = http_request (session, URL, "POST", "/api/v1/auth/login", NULL, invalid_utf8);

    assert_problem (reply, 400, "invalid_json");
  }
  {
    g_autoptr(Reply) reply = http_request (session, URL, "POST", "/api/v1/auth/login", NULL, NULL);

    assert_problem (reply, 400, "invalid_json");
  }
}

static void
test_login_missing_fields (void)
{
  g_autoptr(Reply) empty = http_request (session, URL, "POST", "/api/v1/auth/login", NULL, "{}");
  g_autoptr(Reply) no_password = http_request (session, URL, "POST", "/api/v1/auth/login", NULL,
                                               "{\"email\": \"demo@example.com\"}");
  g_autoptr(Reply) blank = http_request (session, URL, "POST", "/api/v1/auth/login", NULL,
                                         "{\"email\": \"\", \"password\": null}");

  assert_problem (empty, 400, "validation_failed");
  g_assert_true (problem_has_field (empty, "email", "required"));
  g_assert_true (problem_has_field (empty, "password", "required"));

  assert_problem (no_password, 400, "validation_failed");
  g_assert_false (problem_has_field (no_password, "email", "required"));
  g_assert_true (problem_has_field (no_password, "password", "required"));

  assert_problem (blank, 400, "validation_failed");
  g_assert_true (problem_has_field (blank, "email", "required"));
  g_assert_true (problem_has_field (blank, "password", "required"));
}

static void
test_login_wrong_types (void)
{
  static const char * const bodies[] = {
    "{\"email\": 42, \"password\": true}",
    "{\"email\": [\"demo@example.com\"], \"password\": {\"p\": \"demo-1234\"}}",
    "{\"email\": 4.5, \"password\": [\"demo-1234\"]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(Reply) reply = http_request (session, URL, "POST", "/api/v1/auth/login", NULL, bodies[i]);

      g_test_message ("body: %s", bodies[i]);
      assert_problem (reply, 400, "validation_failed");
      g_assert_true (problem_has_field (reply, "email", "wrong_type"));
      g_assert_true (problem_has_field (reply, "password", "wrong_type"));
    }
}

static char *
padded_object (gsize size)
{
  char *body = g_malloc (size);

  memset (body, ' ', size);
  body[0] = '{';
  body[size - 1] = '}';
  return body;
}

static void
test_login_body_too_large (void)
{
  gsize limit = 64 * 1024;
  g_autofree char *too_big = padded_object (limit + 1);
  g_autofree char *just_fits = padded_object (limit);
  g_autoptr(Reply) reply = NULL;
  g_autoptr(Reply) fits = NULL;

  reply = http_request_bytes (session, URL, "POST", "/api/v1/auth/login", NULL, too_big, limit + 1);
  assert_problem (reply, 413, "payload_too_large");

  /* exactly the limit is read: a JSON object without the fields */
  fits = http_request_bytes (session, URL, "POST", "/api/v1/auth/login", NULL, just_fits, limit);
  assert_problem (fits, 400, "validation_failed");
}

static void
test_refresh_rotates (void)
{
  g_autofree char *refresh = NULL;
  g_autofree char *access = login (session, URL, "demo@example.com", "demo-1234", &refresh);
  g_autoptr(Reply) rotated = post_refresh (URL, refresh);
  g_autoptr(Reply) reused = NULL;
  g_autoptr(Reply) old_access = NULL;
  g_autoptr(Reply) again = NULL;
  const char *new_access;
  const char *new_refresh;

  assert_token_reply (rotated, 900);
  new_access = json_object_get_string_member (reply_object (rotated), "access_token");
  new_refresh = json_object_get_string_member (reply_object (rotated), "refresh_token");
  g_assert_cmpstr (new_access, !=, access);
  g_assert_cmpstr (new_refresh, !=, refresh);

  /* the old refresh token and the old access token stop working */
  reused = post_refresh (URL, refresh);
  assert_problem (reused, 401, "invalid_refresh_token");
  old_access = http_request (session, URL, "GET", "/api/v1/me", access, NULL);
  assert_problem (old_access, 401, "invalid_token");

  /* the new ones work, and rotate again */
  g_assert_cmpuint (get_me_status (URL, new_access), ==, 200);
  again = post_refresh (URL, new_refresh);
  assert_token_reply (again, 900);
  g_assert_cmpuint (get_me_status (URL, new_access), ==, 401);
}

static void
test_refresh_rejects_bad_tokens (void)
{
  g_autofree char *access = login (session, URL, "demo@example.com", "demo-1234", NULL);
  static const char * const tokens[] = {
    "Xq3m9dQ5tq0nWc1v3o8Vd1M9oQG2Y3v5l0h5m6n7o8p",   /* well-shaped, never issued */
    "not a token", "x",
  };
  g_autoptr(Reply) missing = http_request (session, URL, "POST", "/api/v1/auth/refresh", NULL, "{}");
  g_autoptr(Reply) wrong_type = http_request (session, URL, "POST", "/api/v1/auth/refresh", NULL,
                                              "{\"refresh_token\": 12}");
  g_autoptr(Reply) not_json = http_request (session, URL, "POST", "/api/v1/auth/refresh", NULL, "refresh");
  g_autoptr(Reply) access_as_refresh = post_refresh (URL, access);

  for (guint i = 0; i < G_N_ELEMENTS (tokens); i++)
    {
      g_autoptr(Reply) reply = post_refresh (URL, tokens[i]);

      assert_problem (reply, 401, "invalid_refresh_token");
    }
  /* an access token is not a refresh token */
  assert_problem (access_as_refresh, 401, "invalid_refresh_token");

  assert_problem (missing, 400, "validation_failed");
  g_assert_true (problem_has_field (missing, "refresh_token", "required"));
  assert_problem (wrong_type, 400, "validation_failed");
  g_assert_true (problem_has_field (wrong_type, "refresh_token", "wrong_type"));
  assert_problem (not_json, 400, "invalid_json");
}

static void
test_logout_revokes (void)
{
  g_autofree char *refresh = NULL;
  g_autofree char *access = login (session, URL, "demo@example.com", "demo-1234", &refresh);
  g_autofree char *other_session = login (session, URL, "demo@example.com", "demo-1234", NULL);
  g_autoptr(Reply) logout = http_request (session, URL, "POST", "/api/v1/auth/logout", access, NULL);
  g_autoptr(Reply) me = NULL;
  g_autoptr(Reply) refreshed = NULL;
  g_autoptr(Reply) twice = NULL;
  g_autoptr(Reply) anonymous = NULL;

  g_assert_cmpuint (logout->status, ==, 204);
  g_assert_cmpuint (g_bytes_get_size (logout->body), ==, 0);

  me = http_request (session, URL, "GET", "/api/v1/me", access, NULL);
  assert_problem (me, 401, "invalid_token");
  refreshed = post_refresh (URL, refresh);
  assert_problem (refreshed, 401, "invalid_refresh_token");
  twice = http_request (session, URL, "POST", "/api/v1/auth/logout", access, NULL);
  assert_problem (twice, 401, "invalid_token");
  anonymous = http_request (session, URL, "POST", "/api/v1/auth/logout", NULL, NULL);
  assert_problem (anonymous, 401, "unauthenticated");

  /* only that session ends */
  g_assert_cmpuint (get_me_status (URL, other_session), ==, 200);
}

static void
test_token_missing (void)
{
  g_autoptr(Reply) reply = http_request (session, URL, "GET", "/api/v1/me", NULL, NULL);

  assert_problem (reply, 401, "unauthenticated");
  g_assert_cmpstr (reply_header (reply, "WWW-Authenticate"), ==, "Bearer realm=\"san-portald\"");
}

static void
test_token_invalid (void)
{
  static const char * const headers[] = {
    "Bearer", "Bearer ", "Bearer not-a-token", "Basic ZGVtbzpkZW1vLTEyMzQ=",
    "Bearer Xq3m9dQ5tq0nWc1v3o8Vd1M9oQG2Y3v5l0h5m6n7o8p",
  };

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      g_autoptr(SoupMessage) msg = NULL;
      g_autofree char *uri = g_strconcat (URL, "/api/v1/me", NULL);
      g_autoptr(GBytes) body = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *object;

      msg = soup_message_new ("GET", uri);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", headers[i]);
      body = soup_session_send_and_read (session, msg, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (soup_message_get_status (msg), ==, 401);
      g_assert_true (g_str_has_prefix (soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                                     "WWW-Authenticate"), "Bearer"));
      g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                                 g_bytes_get_size (body), NULL));
      object = json_node_get_object (json_parser_get_root (parser));
      g_assert_cmpstr (json_object_get_string_member (object, "code"), ==, "invalid_token");
    }
}

static void
test_token_expires (void)
{
  const char * const args[] = { "--access-ttl", "1", NULL };
  g_autoptr(SanTestServer) short_lived = san_test_server_start (TRUE, args);
  const char *url = san_test_server_get_url (short_lived);
  g_autofree char *refresh = NULL;
  g_autofree char *access = NULL;
  g_autoptr(Reply) login_reply = post_login (url, "demo@example.com", "demo-1234");
  g_autoptr(Reply) expired = NULL;
  g_autoptr(Reply) refreshed = NULL;

  assert_token_reply (login_reply, 1);
  access = g_strdup (json_object_get_string_member (reply_object (login_reply), "access_token"));
  refresh = g_strdup (json_object_get_string_member (reply_object (login_reply), "refresh_token"));
  g_assert_cmpuint (get_me_status (url, access), ==, 200);

  g_usleep (1500 * G_TIME_SPAN_MILLISECOND);
  expired = http_request (session, url, "GET", "/api/v1/me", access, NULL);
  assert_problem (expired, 401, "token_expired");
  g_assert_nonnull (strstr (reply_header (expired, "WWW-Authenticate"), "error=\"invalid_token\""));

  /* the refresh token outlives it */
  refreshed = post_refresh (url, refresh);
  assert_token_reply (refreshed, 1);
  g_assert_cmpuint (get_me_status (url, json_object_get_string_member (reply_object (refreshed),
                                                                       "access_token")), ==, 200);
}

static void
test_refresh_expires (void)
{
  const char * const args[] = { "--access-ttl", "1", "--refresh-ttl", "1", NULL };
  g_autoptr(SanTestServer) short_lived = san_test_server_start (TRUE, args);
  const char *url = san_test_server_get_url (short_lived);
  g_autofree char *refresh = NULL;
  g_autofree char *access = login (session, url, "demo@example.com", "demo-1234", &refresh);
  g_autoptr(Reply) refreshed = NULL;

  g_usleep (1500 * G_TIME_SPAN_MILLISECOND);
  refreshed = post_refresh (url, refresh);
  assert_problem (refreshed, 401, "invalid_refresh_token");
}

static guint
retry_after (Reply *reply)
{
  const char *value = reply_header (reply, "Retry-After");
  guint64 seconds = 0;

  g_assert_nonnull (value);
  g_assert_true (g_ascii_string_to_unsigned (value, 10, 1, 15 * 60, &seconds, NULL));
  return (guint) seconds;
}

static void
test_rate_limit_account (void)
{
  g_autoptr(SanTestServer) own = san_test_server_start (TRUE, NULL);
  const char *url = san_test_server_get_url (own);
  g_autoptr(Reply) blocked = NULL;
  g_autoptr(Reply) blocked_other_case = NULL;
  g_autoptr(Reply) blocked_wrong = NULL;
  g_autofree char *partner = NULL;

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(Reply) reply = post_login (url, "demo@example.com", "guess");

      assert_problem (reply, 401, "invalid_credentials");
    }

  /* the sixth attempt is refused, even with the right password */
  blocked = post_login (url, "demo@example.com", "demo-1234");
  assert_problem (blocked, 429, "too_many_attempts");
  g_assert_cmpuint (retry_after (blocked), >, 800);
  blocked_other_case = post_login (url, "DEMO@example.com", "demo-1234");
  assert_problem (blocked_other_case, 429, "too_many_attempts");
  blocked_wrong = post_login (url, "demo@example.com", "guess");
  assert_problem (blocked_wrong, 429, "too_many_attempts");

  /* other accounts from the same address still sign in */
  partner = login (session, url, "partner@example.com", "partner-1234", NULL);
  g_assert_nonnull (partner);
}

static void
test_rate_limit_address (void)
{
  g_autoptr(SanTestServer) own = san_test_server_start (TRUE, NULL);
  const char *url = san_test_server_get_url (own);
  g_autoptr(Reply) blocked = NULL;

  /* 20 failures spread over accounts, none reaching its own limit */
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *email = g_strdup_printf ("user%u@example.com", i / 4);
      g_autoptr(Reply) reply = post_login (url, email, "guess");

      assert_problem (reply, 401, "invalid_credentials");
    }

  blocked = post_login (url, "demo@example.com", "demo-1234");
  assert_problem (blocked, 429, "too_many_attempts");
  g_assert_cmpuint (retry_after (blocked), >, 800);
}

static void
test_rate_limit_success_resets_account (void)
{
  g_autoptr(SanTestServer) own = san_test_server_start (TRUE, NULL);
  const char *url = san_test_server_get_url (own);
  g_autofree char *access = NULL;

  for (guint round = 0; round < 2; round++)
    {
      for (guint i = 0; i < 4; i++)
        {
          g_autoptr(Reply) reply = post_login (url, "demo@example.com", "guess");

          assert_problem (reply, 401, "invalid_credentials");
        }
      g_free (access);
      access = login (session, url, "demo@example.com", "demo-1234", NULL);
    }
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/portald/auth/login/succeeds", test_login_succeeds);
  g_test_add_func ("/portald/auth/login/email-ignores-case", test_login_email_ignores_case);
  g_test_add_func ("/portald/auth/login/wrong-password", test_login_wrong_password);
  g_test_add_func ("/portald/auth/login/unknown-email-same-answer", test_login_unknown_email_same_answer);
  g_test_add_func ("/portald/auth/login/invalid-json", test_login_invalid_json);
  g_test_add_func ("/portald/auth/login/missing-fields", test_login_missing_fields);
  g_test_add_func ("/portald/auth/login/wrong-types", test_login_wrong_types);
  g_test_add_func ("/portald/auth/login/body-too-large", test_login_body_too_large);
  g_test_add_func ("/portald/auth/refresh/rotates", test_refresh_rotates);
  g_test_add_func ("/portald/auth/refresh/rejects-bad-tokens", test_refresh_rejects_bad_tokens);
  g_test_add_func ("/portald/auth/refresh/expires", test_refresh_expires);
  g_test_add_func ("/portald/auth/logout/revokes", test_logout_revokes);
  g_test_add_func ("/portald/auth/token/missing", test_token_missing);
  g_test_add_func ("/portald/auth/token/invalid", test_token_invalid);
  g_test_add_func ("/portald/auth/token/expires", test_token_expires);
  g_test_add_func ("/portald/auth/rate-limit/account", test_rate_limit_account);
  g_test_add_func ("/portald/auth/rate-limit/address", test_rate_limit_address);
  g_test_add_func ("/portald/auth/rate-limit/success-resets-account", test_rate_limit_success_resets_account);

  server = san_test_server_start (TRUE, NULL);
  session = test_session_new (NULL);
  status = g_test_run ();
  g_clear_object (&session);
  g_clear_pointer (&server, san_test_server_stop);
  return status;
}
