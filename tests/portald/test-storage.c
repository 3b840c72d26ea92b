/* test-storage.c: what san-portald keeps on disk and writes to its log
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "san-test-server.h"
#include "portald-test-util.h"

static SoupSession *session;

static sqlite3 *
open_db (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

/* Every value of every column of every table, as text and as raw bytes */
static GPtrArray *
all_values (const char *path)
{
  sqlite3 *db = open_db (path);
  sqlite3_stmt *tables = NULL;
  GPtrArray *values = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table'",
                                       -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      /* table names come from the schema itself, quoted as identifiers */
      char *sql = sqlite3_mprintf ("SELECT * FROM \"%w\"", sqlite3_column_text (tables, 0));
      sqlite3_stmt *rows = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL), ==, SQLITE_OK);
      sqlite3_free (sql);
      while (sqlite3_step (rows) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (rows); c++)
          {
            const void *blob = sqlite3_column_blob (rows, c);
            int size = sqlite3_column_bytes (rows, c);

            g_ptr_array_add (values, g_bytes_new (blob, size));
          }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);
  g_assert_cmpuint (values->len, >, 0);
  return values;
}

static gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return data != NULL && g_strstr_len (data, size, needle) != NULL;
}

static gboolean
db_contains (const char *path,
             const char *needle)
{
  g_autoptr(GPtrArray) values = all_values (path);

  for (guint i = 0; i < values->len; i++)
    if (bytes_contain (values->pdata[i], needle))
      return TRUE;
  return FALSE;
}

static char *
refresh (const char  *url,
         const char  *refresh_token,
         char       **out_refresh)
{
  g_autofree char *body = g_strdup_printf ("{\"refresh_token\": \"%s\"}", refresh_token);
  g_autoptr(Reply) reply = http_request (session, url, "POST", "/api/v1/auth/refresh", NULL, body);
  JsonObject *object;

  g_assert_cmpuint (reply->status, ==, 200);
  object = reply_object (reply);
  *out_refresh = g_strdup (json_object_get_string_member (object, "refresh_token"));
  return g_strdup (json_object_get_string_member (object, "access_token"));
}

static void
test_storage_no_plaintext_secrets (void)
{
  g_autoptr(SanTestServer) server = san_test_server_start (TRUE, NULL);
  const char *url = san_test_server_get_url (server);
  const char *db = san_test_server_get_db (server);
  g_autofree char *refresh1 = NULL;
  g_autofree char *access1 = login (session, url, "demo@example.com", "demo-1234", &refresh1);
  g_autofree char *refresh2 = NULL;
  g_autofree char *access2 = refresh (url, refresh1, &refresh2);
  g_autofree char *refresh3 = NULL;
  g_autofree char *access3 = login (session, url, "partner@example.com", "partner-1234", &refresh3);
  const char *secrets[] = {
    access1, refresh1, access2, refresh2, access3, refresh3,
    "demo-1234", "partner-1234", "other-1234", "viewer-1234", "staff-1234",
  };

  /* the checks below must be able to see something */
  g_assert_true (db_contains (db, "demo@example.com"));
  g_assert_true (db_contains (db, "$argon2id$"));

  for (guint i = 0; i < G_N_ELEMENTS (secrets); i++)
    {
      g_test_message ("looking for secret %u", i);
      g_assert_false (db_contains (db, secrets[i]));
    }
}

static void
test_storage_wal_and_schema_version (void)
{
  g_autoptr(SanTestServer) server = san_test_server_start (FALSE, NULL);
  sqlite3 *db = open_db (san_test_server_get_db (server));
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 7);   /* SAN_PORTALD_DB_SCHEMA_VERSION */
  sqlite3_finalize (stmt);

  /* without --demo nothing is seeded */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count (*) FROM users", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static int
count_rows (const char *path,
            const char *sql)
{
  sqlite3 *db = open_db (path);
  sqlite3_stmt *stmt = NULL;
  int n;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
test_storage_restart_keeps_data (void)
{
  g_autofree char *dir = temp_dir_new ();
  g_autofree char *db = g_build_filename (dir, "portal.db", NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  const char * const args[] = { "--db", db, "--listen", "127.0.0.1:0", "--demo", NULL };
  Portald *portald = portald_spawn (args, G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autofree char *refresh_token = NULL;
  g_autofree char *access = NULL;
  g_autofree char *access2 = NULL;
  g_autofree char *refresh2 = NULL;
  int users;
  int services;
  int contracts;

  g_assert_nonnull (portald);
  access = login (session, portald->url, "demo@example.com", "demo-1234", &refresh_token);
  g_assert_cmpint (portald_stop (portald), ==, 0);
  /* closed cleanly: the WAL was checkpointed and removed */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  users = count_rows (db, "SELECT count (*) FROM users");
  services = count_rows (db, "SELECT count (*) FROM services");
  contracts = count_rows (db, "SELECT count (*) FROM contracts");
  /* four customers and one of SAN's staff */
  g_assert_cmpint (users, ==, 5);
  g_assert_cmpint (count_rows (db, "SELECT count (*) FROM users WHERE role = 'staff'"), ==, 1);
  g_assert_cmpint (contracts, ==, 4);
  g_assert_cmpint (services, >=, 15);

  /* again with --demo: nothing seeded twice, and the session survives */
  portald = portald_spawn (args, G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_assert_nonnull (portald);
  {
    g_autoptr(Reply) me = http_request (session, portald->url, "GET", "/api/v1/me", access, NULL);

    g_assert_cmpuint (me->status, ==, 200);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (reply_object (me), "contracts")),
                      ==, 3);
  }
  access2 = refresh (portald->url, refresh_token, &refresh2);
  g_assert_cmpint (portald_stop (portald), ==, 0);

  g_assert_cmpint (count_rows (db, "SELECT count (*) FROM users"), ==, users);
  g_assert_cmpint (count_rows (db, "SELECT count (*) FROM services"), ==, services);
  g_assert_cmpint (count_rows (db, "SELECT count (*) FROM contracts"), ==, contracts);
  g_assert_cmpint (count_rows (db, "PRAGMA user_version"), ==, 7);   /* SAN_PORTALD_DB_SCHEMA_VERSION */

  temp_dir_remove (dir);
}

/* Runs @sql on the database at @path (read-write) */
static void
exec_on (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* A database of schema 5 (before roles and the audit log) with a user and
 * an instance gets migrations 6 and 7: the user is a customer, the audit log
 * is there and empty, the instance is operational and no incident exists */
static void
test_storage_migrations_6_7_keep_rows (void)
{
  g_autofree char *dir = temp_dir_new ();
  g_autofree char *db = g_build_filename (dir, "portal.db", NULL);
  const char * const args[] = { "--db", db, "--listen", "127.0.0.1:0", NULL };
  Portald *portald = portald_spawn (args, G_SUBPROCESS_FLAGS_STDERR_SILENCE);

  g_assert_nonnull (portald);
  g_assert_cmpint (portald_stop (portald), ==, 0);

  /* back to what schema 5 had */
  exec_on (db,
           "DROP TABLE incident_updates;"
           "DROP TABLE incident_instances;"
           "DROP TABLE incidents;"
           "DROP TRIGGER instances_state_since;"
           "DROP INDEX services_instance;"
           "ALTER TABLE instances DROP COLUMN state_since;"
           "ALTER TABLE instances DROP COLUMN state;"
           "INSERT INTO instances (name, hostname, region)"
           " VALUES ('br-sp-old-01', 'old01.saninternet.com', 'São Paulo');"
           "DROP TABLE staff_audit;"
           "DROP INDEX tickets_activity;"
           "ALTER TABLE users DROP COLUMN role;"
           "INSERT INTO users (email, display_name, password_hash, created_at)"
           " VALUES ('old@example.com', 'Old User', 'x', '2026-01-01T00:00:00Z');"
           "PRAGMA user_version = 5;");
  g_assert_cmpint (count_rows (db, "SELECT count (*) FROM pragma_table_info ('users') WHERE name = 'role'"), ==, 0);

  portald = portald_spawn (args, G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_assert_nonnull (portald);
  g_assert_cmpint (portald_stop (portald), ==, 0);

  g_assert_cmpint (count_rows (db, "PRAGMA user_version"), ==, 7);
  g_assert_cmpint (count_rows (db, "SELECT count (*) FROM instances WHERE name = 'br-sp-old-01'"
                                   " AND state = 'operational' AND state_since IS NOT NULL"), ==, 1);
  g_assert_cmpint (count_rows (db, "SELECT count (*) FROM incidents"), ==, 0);
  g_assert_cmpint (count_rows (db, "SELECT count (*) FROM users WHERE email = 'old@example.com'"
                                   " AND role = 'customer'"), ==, 1);
  g_assert_cmpint (count_rows (db, "SELECT count (*) FROM staff_audit"), ==, 0);
  g_assert_cmpint (count_rows (db, "SELECT count (*) FROM sqlite_schema WHERE type = 'index'"
                                   " AND name IN ('staff_audit_contract', 'staff_audit_user', 'tickets_activity')"),
                   ==, 3);
  temp_dir_remove (dir);
}

/* The role is a closed set, checked by the database itself */
static void
test_storage_role_is_checked (void)
{
  g_autofree char *dir = temp_dir_new ();
  g_autofree char *db_path = g_build_filename (dir, "portal.db", NULL);
  const char * const args[] = { "--db", db_path, "--listen", "127.0.0.1:0", NULL };
  Portald *portald = portald_spawn (args, G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  sqlite3 *db = NULL;

  g_assert_nonnull (portald);
  g_assert_cmpint (portald_stop (portald), ==, 0);
  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO users (email, display_name, password_hash, created_at, role)"
                                     " VALUES ('a@example.com', 'A', 'x', '2026-01-01T00:00:00Z', 'admin')",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  sqlite3_close (db);
  g_assert_cmpint (count_rows (db_path, "SELECT count (*) FROM users"), ==, 0);
  temp_dir_remove (dir);
}

static void
test_storage_refuses_newer_schema (void)
{
  g_autofree char *dir = temp_dir_new ();
  g_autofree char *db_path = g_build_filename (dir, "portal.db", NULL);
  const char * const args[] = { "--db", db_path, "--listen", "127.0.0.1:0", NULL };
  g_autofree char *err = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_cmpint (portald_run (args, &err), ==, 1);
  g_assert_nonnull (strstr (err, "newer"));
  temp_dir_remove (dir);
}

static void
test_log_no_secrets (void)
{
  g_autofree char *dir = temp_dir_new ();
  g_autofree char *db = g_build_filename (dir, "portal.db", NULL);
  const char * const args[] = { "--db", db, "--listen", "127.0.0.1:0", "--demo", NULL };
  Portald *portald = portald_spawn (args, G_SUBPROCESS_FLAGS_STDERR_PIPE);
  GSubprocess *process;
  g_autoptr(GError) error = NULL;
  g_autofree char *log = NULL;
  g_autofree char *refresh_token = NULL;
  g_autofree char *access = NULL;
  g_autofree char *access2 = NULL;
  g_autofree char *refresh2 = NULL;
  g_autofree char *failed_body = login_body ("demo@example.com", "wrong-secret-password");
  g_autoptr(GInputStream) err_stream = NULL;
  g_autoptr(GOutputStream) collected = g_memory_output_stream_new_resizable ();
  g_auto(GStrv) lines = NULL;
  guint request_lines = 0;

  g_assert_nonnull (portald);
  process = portald->process;
  err_stream = g_object_ref (g_subprocess_get_stderr_pipe (process));

  access = login (session, portald->url, "demo@example.com", "demo-1234", &refresh_token);
  access2 = refresh (portald->url, refresh_token, &refresh2);
  {
    g_autoptr(Reply) failed = http_request (session, portald->url, "POST", "/api/v1/auth/login", NULL,
                                            failed_body);
    g_autoptr(Reply) me = http_request (session, portald->url, "GET", "/api/v1/me", access2, NULL);
    g_autoptr(Reply) search = http_request (session, portald->url, "GET",
                                            "/api/v1/contracts/1/services?q=secret-search-text&limit=2",
                                            access2, NULL);

    g_assert_cmpuint (failed->status, ==, 401);
    g_assert_cmpuint (me->status, ==, 200);
    g_assert_cmpuint (search->status, ==, 200);
  }
  g_assert_cmpint (portald_stop (portald), ==, 0);

  g_output_stream_splice (collected, err_stream, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error);
  g_assert_no_error (error);
  log = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (collected)),
                   g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (collected)));

  /* one line per request: method, path without the query, status, time */
  g_assert_nonnull (strstr (log, " POST /api/v1/auth/login 200 "));
  g_assert_nonnull (strstr (log, " POST /api/v1/auth/refresh 200 "));
  g_assert_nonnull (strstr (log, " POST /api/v1/auth/login 401 "));
  g_assert_nonnull (strstr (log, " GET /api/v1/me 200 "));
  g_assert_nonnull (strstr (log, " GET /api/v1/contracts/1/services 200 "));
  lines = g_strsplit (log, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], " /api/v1/") != NULL)
      {
        g_assert_true (g_str_has_suffix (lines[i], "ms"));
        request_lines++;
      }
  g_assert_cmpuint (request_lines, ==, 5);

  /* and never a secret, a body or a query */
  g_assert_null (strstr (log, access));
  g_assert_null (strstr (log, refresh_token));
  g_assert_null (strstr (log, access2));
  g_assert_null (strstr (log, refresh2));
  g_assert_null (strstr (log, "demo-1234"));
  g_assert_null (strstr (log, "wrong-secret-password"));
  g_assert_null (strstr (log, "demo@example.com"));
  g_assert_null (strstr (log, "secret-search-text"));
  g_assert_null (strstr (log, "Bearer"));

  temp_dir_remove (dir);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/portald/storage/no-plaintext-secrets", test_storage_no_plaintext_secrets);
  g_test_add_func ("/portald/storage/wal-and-schema-version", test_storage_wal_and_schema_version);
  g_test_add_func ("/portald/storage/restart-keeps-data", test_storage_restart_keeps_data);
  g_test_add_func ("/portald/storage/refuses-newer-schema", test_storage_refuses_newer_schema);
  g_test_add_func ("/portald/storage/migrations-6-7-keep-rows", test_storage_migrations_6_7_keep_rows);
  g_test_add_func ("/portald/storage/role-is-checked", test_storage_role_is_checked);
  g_test_add_func ("/portald/log/no-secrets", test_log_no_secrets);

  session = test_session_new (NULL);
  status = g_test_run ();
  g_clear_object (&session);
  return status;
}
