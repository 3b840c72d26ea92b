/* test-cli.c: san-portald's command line, exit codes, stdout and TLS
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "portald-test-util.h"

static char *dir;
static char *db;

static void
test_cli_usage_errors_exit_2 (void)
{
  const char * const no_db[] = { "--listen", "127.0.0.1:0", NULL };
  const char * const no_listen[] = { "--db", db, NULL };
  const char * const bad_listen[] = { "--db", db, "--listen", "nonsense", NULL };
  const char * const bad_port[] = { "--db", db, "--listen", "127.0.0.1:70000", NULL };
  const char * const no_port[] = { "--db", db, "--listen", "127.0.0.1", NULL };
  const char * const host_name[] = { "--db", db, "--listen", "example.com:0", NULL };
  const char * const bare_ipv6[] = { "--db", db, "--listen", "::1:0", NULL };
  const char * const cert_only[] = { "--db", db, "--listen", "127.0.0.1:0", "--tls-cert", "x.pem", NULL };
  const char * const zero_ttl[] = { "--db", db, "--listen", "127.0.0.1:0", "--access-ttl", "0", NULL };
  const char * const bad_ttl[] = { "--db", db, "--listen", "127.0.0.1:0", "--refresh-ttl", "soon", NULL };
  const char * const unknown[] = { "--db", db, "--listen", "127.0.0.1:0", "--frobnicate", NULL };
  const char * const extra[] = { "--db", db, "--listen", "127.0.0.1:0", "extra", NULL };
  const char * const * const cases[] = {
    no_db, no_listen, bad_listen, bad_port, no_port, host_name, bare_ipv6, cert_only, zero_ttl,
    bad_ttl, unknown, extra,
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *err = NULL;

      g_test_message ("case %u", i);
      g_assert_cmpint (portald_run (cases[i], &err), ==, 2);
      g_assert_cmpstr (err, !=, "");
    }
  /* nothing was created for a usage error */
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
}

static void
test_cli_non_loopback_without_tls_exits_2 (void)
{
  static const char * const addresses[] = { "0.0.0.0:0", "[::]:0", "192.0.2.10:8080", "10.1.2.3:0" };

  for (guint i = 0; i < G_N_ELEMENTS (addresses); i++)
    {
      const char * const args[] = { "--db", db, "--listen", addresses[i], NULL };
      g_autofree char *err = NULL;

      g_assert_cmpint (portald_run (args, &err), ==, 2);
      g_assert_nonnull (strstr (err, "--tls-cert"));
    }
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
}

static void
test_cli_prints_only_url (void)
{
  const char * const args[] = { "--db", db, "--listen", "127.0.0.1:0", "--demo", NULL };
  Portald *portald = portald_spawn (args, G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GBytes) rest = NULL;

  g_assert_nonnull (portald);
  uri = g_uri_parse (portald->url, G_URI_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_uri_get_scheme (uri), ==, "http");
  g_assert_cmpstr (g_uri_get_host (uri), ==, "127.0.0.1");
  g_assert_cmpint (g_uri_get_port (uri), >, 0);
  g_assert_false (g_str_has_suffix (portald->url, "/"));

  out = g_object_ref (portald->out);
  g_assert_cmpint (portald_stop (portald), ==, 0);

  /* after the URL line, stdout stays empty */
  rest = g_input_stream_read_bytes (G_INPUT_STREAM (out), 4096, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (rest), ==, 0);
}

static void
test_cli_bad_database_exits_1 (void)
{
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "portal.db", NULL);
  const char * const args[] = { "--db", missing, "--listen", "127.0.0.1:0", NULL };
  g_autofree char *err = NULL;

  g_assert_cmpint (portald_run (args, &err), ==, 1);
  g_assert_cmpstr (err, !=, "");
}

static char *
write_token_file (const char *name,
                  const char *contents,
                  gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents_full (path, contents, length, G_FILE_SET_CONTENTS_NONE, 0600, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_cli_admin_token_file (void)
{
  g_autofree char *good = write_token_file ("admin-token", "cli-admin-token-0123456789\n", -1);
  g_autofree char *short_token = write_token_file ("short", "too-short\n", -1);
  g_autofree char *two_lines = write_token_file ("two-lines", "cli-admin-token-0123456789\nmore\n", -1);
  g_autofree char *nul = write_token_file ("nul", "cli-admin-token\0-0123456789", 26);
  g_autofree char *missing = g_build_filename (dir, "no-such-token", NULL);
  const char * const args[] = {
    "--db", db, "--listen", "127.0.0.1:0", "--admin-token-file", good, NULL,
  };
  const char * const both[] = {
    "--db", db, "--listen", "127.0.0.1:0", "--admin-token-file", good,
    "--admin-token", "cli-admin-token-0123456789", NULL,
  };
  const char * const bad_short[] = { "--db", db, "--listen", "127.0.0.1:0", "--admin-token-file", short_token, NULL };
  const char * const bad_lines[] = { "--db", db, "--listen", "127.0.0.1:0", "--admin-token-file", two_lines, NULL };
  const char * const bad_nul[] = { "--db", db, "--listen", "127.0.0.1:0", "--admin-token-file", nul, NULL };
  const char * const bad_missing[] = { "--db", db, "--listen", "127.0.0.1:0", "--admin-token-file", missing, NULL };
  const char * const * const refused[] = { both, bad_short, bad_lines, bad_nul, bad_missing };
  g_autoptr(SoupSession) session = test_session_new (NULL);
  Portald *portald;

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *err = NULL;

      g_test_message ("case %u", i);
      g_assert_cmpint (portald_run (refused[i], &err), ==, 2);
      g_assert_nonnull (strstr (err, "admin-token"));
    }
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));

  /* the token is the file's line, without its newline */
  portald = portald_spawn (args, G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_assert_nonnull (portald);
  {
    g_autoptr(Reply) right = http_request (session, portald->url, "GET", "/admin/v1/events",
                                           "cli-admin-token-0123456789", NULL);
    g_autoptr(Reply) wrong = http_request (session, portald->url, "GET", "/admin/v1/events",
                                           "cli-admin-token-0123456780", NULL);

    g_assert_cmpuint (right->status, ==, 200);
    assert_problem (wrong, 401, "invalid_token");
  }
  g_assert_cmpint (portald_stop (portald), ==, 0);
}

static char *
tls_file (const char *name)
{
  return g_build_filename (PORTALD_TLS_DIR, name, NULL);
}

static void
test_cli_tls_serves_https (void)
{
  g_autofree char *cert = tls_file ("test-cert.pem");
  g_autofree char *key = tls_file ("test-key.pem");
  const char * const args[] = {
    "--db", db, "--listen", "127.0.0.1:0", "--demo", "--tls-cert", cert, "--tls-key", key, NULL,
  };
  Portald *portald = portald_spawn_tls (args, G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsDatabase) trust = g_tls_file_database_new (cert, &error);
  g_autoptr(SoupSession) trusting = NULL;
  g_autoptr(SoupSession) default_trust = test_session_new (NULL);
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *access = NULL;
  g_autofree char *me_uri = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (portald);
  g_assert_true (g_str_has_prefix (portald->url, "https://127.0.0.1:"));

  /* a client that trusts the test certificate signs in over TLS */
  trusting = test_session_new (trust);
  access = login (trusting, portald->url, "demo@example.com", "demo-1234", NULL);
  {
    g_autoptr(Reply) me = http_request (trusting, portald->url, "GET", "/api/v1/me", access, NULL);

    g_assert_cmpuint (me->status, ==, 200);
  }

  /* one that doesn't, refuses the connection */
  me_uri = g_strconcat (portald->url, "/api/v1/me", NULL);
  msg = soup_message_new ("GET", me_uri);
  body = soup_session_send_and_read (default_trust, msg, NULL, &error);
  g_assert_error (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE);
  g_assert_null (body);
  g_clear_error (&error);

  /* plain HTTP to the TLS port gets nowhere */
  {
    g_autofree char *plain = g_strconcat ("http://", portald->url + strlen ("https://"), "/api/v1/me", NULL);
    g_autoptr(SoupMessage) plain_msg = soup_message_new ("GET", plain);
    g_autoptr(GBytes) plain_body = soup_session_send_and_read (trusting, plain_msg, NULL, &error);

    g_assert_true (error != NULL || soup_message_get_status (plain_msg) >= 400);
    g_clear_error (&error);
  }

  g_assert_cmpint (portald_stop (portald), ==, 0);
}

static void
test_cli_tls_allows_any_address (void)
{
  g_autofree char *cert = tls_file ("test-cert.pem");
  g_autofree char *key = tls_file ("test-key.pem");
  const char * const args[] = {
    "--db", db, "--listen", "0.0.0.0:0", "--tls-cert", cert, "--tls-key", key, NULL,
  };
  Portald *portald = portald_spawn_tls (args, G_SUBPROCESS_FLAGS_STDERR_SILENCE);

  g_assert_nonnull (portald);
  g_assert_true (g_str_has_prefix (portald->url, "https://"));
  g_assert_cmpint (portald_stop (portald), ==, 0);
}

static void
test_cli_tls_bad_files_exit_1 (void)
{
  g_autofree char *cert = tls_file ("test-cert.pem");
  g_autofree char *missing = g_build_filename (dir, "missing-key.pem", NULL);
  const char * const missing_key[] = {
    "--db", db, "--listen", "127.0.0.1:0", "--tls-cert", cert, "--tls-key", missing, NULL,
  };
  const char * const cert_as_key[] = {
    "--db", db, "--listen", "127.0.0.1:0", "--tls-cert", cert, "--tls-key", cert, NULL,
  };
  g_autofree char *err = NULL;
  g_autofree char *err2 = NULL;

  g_assert_cmpint (portald_run (missing_key, &err), ==, 1);
  g_assert_nonnull (strstr (err, "certificate"));
  g_assert_cmpint (portald_run (cert_as_key, &err2), ==, 1);
}

static void
test_cli_sigint_stops_cleanly (void)
{
  const char * const args[] = { "--db", db, "--listen", "[::1]:0", NULL };
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  Portald *portald = portald_spawn (args, G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;

  g_assert_nonnull (portald);
  g_assert_true (g_str_has_prefix (portald->url, "http://[::1]:"));
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  process = g_object_ref (portald->process);
  g_subprocess_send_signal (process, SIGINT);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  /* the database was closed: its WAL checkpointed and removed */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  g_object_unref (portald->out);
  g_object_unref (portald->process);
  g_free (portald->url);
  g_free (portald);
}

static void
setup_db (void)
{
  temp_dir_remove (dir);
  g_assert_no_errno (g_mkdir (dir, 0700));
}

static void
add_test (const char *path,
          GTestFunc   func)
{
  g_test_add_vtable (path, 0, NULL, (GTestFixtureFunc) setup_db, (GTestFixtureFunc) func, NULL);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  add_test ("/portald/cli/usage-errors-exit-2", test_cli_usage_errors_exit_2);
  add_test ("/portald/cli/non-loopback-without-tls-exits-2", test_cli_non_loopback_without_tls_exits_2);
  add_test ("/portald/cli/prints-only-url", test_cli_prints_only_url);
  add_test ("/portald/cli/bad-database-exits-1", test_cli_bad_database_exits_1);
  add_test ("/portald/cli/admin-token-file", test_cli_admin_token_file);
  add_test ("/portald/cli/tls/serves-https", test_cli_tls_serves_https);
  add_test ("/portald/cli/tls/allows-any-address", test_cli_tls_allows_any_address);
  add_test ("/portald/cli/tls/bad-files-exit-1", test_cli_tls_bad_files_exit_1);
  add_test ("/portald/cli/sigint-stops-cleanly", test_cli_sigint_stops_cleanly);

  dir = temp_dir_new ();
  db = g_build_filename (dir, "portal.db", NULL);
  status = g_test_run ();
  temp_dir_remove (dir);
  g_free (db);
  g_free (dir);
  return status;
}
