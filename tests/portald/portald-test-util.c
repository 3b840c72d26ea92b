/* portald-test-util.c: HTTP and process helpers for the san-portald tests
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#include <glib/gstdio.h>

#include "portald-test-util.h"

void
reply_free (Reply *reply)
{
  if (reply == NULL)
    return;
  g_clear_pointer (&reply->headers, soup_message_headers_unref);
  g_clear_pointer (&reply->body, g_bytes_unref);
  g_clear_pointer (&reply->json, json_node_unref);
  g_free (reply);
}

SoupSession *
test_session_new (GTlsDatabase *tls_database)
{
  SoupSession *session = soup_session_new_with_options ("proxy-resolver", NULL, "timeout", 60, NULL);

  if (tls_database != NULL)
    soup_session_set_tls_database (session, tls_database);
  return session;
}

/* Sends @msg and reads the whole answer */
static Reply *
send_message (SoupSession *session,
              SoupMessage *msg)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  Reply *reply = g_new0 (Reply, 1);
  gsize size;
  const char *data;

  reply->body = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  reply->status = soup_message_get_status (msg);
  reply->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));

  data = g_bytes_get_data (reply->body, &size);
  if (size > 0 && json_parser_load_from_data (parser, data, size, NULL))
    reply->json = json_node_ref (json_parser_get_root (parser));
  return reply;
}

static void
set_bearer (SoupMessage *msg,
            const char  *token)
{
  g_autofree char *value = NULL;

  if (token == NULL)
    return;
  value = g_strconcat ("Bearer ", token, NULL);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", value);
}

static Reply *
send_request (SoupSession        *session,
              const char         *base_url,
              const char         *method,
              const char         *path,
              const char         *token,
              const char         *body,
              gsize               length,
              const char * const *headers)
{
  g_autofree char *uri = g_strconcat (base_url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);

  g_assert_nonnull (msg);
  set_bearer (msg, token);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, length);

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }
  for (guint i = 0; headers != NULL && headers[i] != NULL && headers[i + 1] != NULL; i += 2)
    soup_message_headers_replace (soup_message_get_request_headers (msg), headers[i], headers[i + 1]);

  return send_message (session, msg);
}

Reply *
http_request_bytes (SoupSession *session,
                    const char  *base_url,
                    const char  *method,
                    const char  *path,
                    const char  *token,
                    const char  *body,
                    gsize        length)
{
  return send_request (session, base_url, method, path, token, body, length, NULL);
}

Reply *
http_request_full (SoupSession        *session,
                   const char         *base_url,
                   const char         *method,
                   const char         *path,
                   const char         *token,
                   const char         *body,
                   const char * const *headers)
{
  return send_request (session, base_url, method, path, token, body,
                       body != NULL ? strlen (body) : 0, headers);
}

Reply *
http_request (SoupSession *session,
              const char  *base_url,
              const char  *method,
              const char  *path,
              const char  *token,
              const char  *body)
{
  return http_request_bytes (session, base_url, method, path, token, body,
                             body != NULL ? strlen (body) : 0);
}

Reply *
http_request_printf (SoupSession *session,
                     const char  *base_url,
                     const char  *method,
                     const char  *token,
                     const char  *body,
                     const char  *path_format,
                     ...)
{
  g_autofree char *path = NULL;
  va_list args;

  va_start (args, path_format);
  path = g_strdup_vprintf (path_format, args);
  va_end (args);
  g_test_message ("%s %s", method, path);
  return http_request (session, base_url, method, path, token, body);
}

Reply *
http_request_multipart (SoupSession      *session,
                        const char       *base_url,
                        const char       *path,
                        const char       *token,
                        const char       *part_name,
                        const char       *json,
                        const UploadFile *files,
                        guint             n_files)
{
  g_autofree char *uri = g_strconcat (base_url, path, NULL);
  SoupMultipart *multipart = soup_multipart_new (SOUP_FORM_MIME_TYPE_MULTIPART);
  g_autoptr(SoupMessage) msg = NULL;

  g_test_message ("POST %s (multipart, %u files)", path, n_files);
  if (json != NULL)
    soup_multipart_append_form_string (multipart, part_name, json);
  for (guint i = 0; i < n_files; i++)
    soup_multipart_append_form_file (multipart, "attachments", files[i].filename, files[i].content_type,
                                     files[i].data);
  msg = soup_message_new_from_multipart (uri, multipart);
  soup_multipart_free (multipart);
  set_bearer (msg, token);
  return send_message (session, msg);
}

JsonObject *
reply_object (Reply *reply)
{
  g_assert_nonnull (reply->json);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (reply->json));
  return json_node_get_object (reply->json);
}

const char *
reply_header (Reply      *reply,
              const char *name)
{
  return soup_message_headers_get_one (reply->headers, name);
}

void
assert_problem (Reply      *reply,
                guint       status,
                const char *code)
{
  g_autofree char *type = g_strconcat ("https://docs.saninternet.com/api/problems/", code, NULL);
  JsonObject *object;

  g_assert_cmpuint (reply->status, ==, status);
  g_assert_cmpstr (soup_message_headers_get_content_type (reply->headers, NULL), ==,
                   "application/problem+json");
  object = reply_object (reply);
  g_assert_cmpstr (json_object_get_string_member_with_default (object, "type", NULL), ==, type);
  g_assert_cmpstr (json_object_get_string_member_with_default (object, "code", NULL), ==, code);
  g_assert_cmpint (json_object_get_int_member_with_default (object, "status", 0), ==, status);
  g_assert_nonnull (json_object_get_string_member_with_default (object, "title", NULL));
  g_assert_nonnull (json_object_get_string_member_with_default (object, "detail", NULL));
  /* errors[] only for validation_failed */
  g_assert_cmpint (json_object_has_member (object, "errors"), ==,
                   g_str_equal (code, "validation_failed"));
  if (status == 401)
    g_assert_true (g_str_has_prefix (reply_header (reply, "WWW-Authenticate"), "Bearer"));
}

gboolean
problem_has_field (Reply      *reply,
                   const char *field,
                   const char *code)
{
  JsonObject *object = reply_object (reply);
  JsonArray *errors;

  if (!json_object_has_member (object, "errors"))
    return FALSE;
  errors = json_object_get_array_member (object, "errors");
  for (guint i = 0; i < json_array_get_length (errors); i++)
    {
      JsonObject *e = json_array_get_object_element (errors, i);

      g_assert_nonnull (json_object_get_string_member_with_default (e, "message", NULL));
      if (g_strcmp0 (json_object_get_string_member_with_default (e, "field", NULL), field) == 0 &&
          g_strcmp0 (json_object_get_string_member_with_default (e, "code", NULL), code) == 0)
        return TRUE;
    }
  return FALSE;
}

char *
login_body (const char *email,
            const char *password)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "email");
  json_builder_add_string_value (builder, email);
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, password);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

char *
login (SoupSession  *session,
       const char   *base_url,
       const char   *email,
       const char   *password,
       char        **out_refresh)
{
  g_autofree char *body = login_body (email, password);
  g_autoptr(Reply) reply = http_request (session, base_url, "POST", "/api/v1/auth/login", NULL, body);
  JsonObject *object;

  g_assert_cmpuint (reply->status, ==, 200);
  object = reply_object (reply);
  if (out_refresh != NULL)
    *out_refresh = g_strdup (json_object_get_string_member (object, "refresh_token"));
  return g_strdup (json_object_get_string_member (object, "access_token"));
}

/* If the test dies, its server goes too (instead of holding meson's pipes) */
static void
child_setup (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static GSubprocess *
spawn (const char * const *args,
       GSubprocessFlags    flags,
       gboolean            no_leak_check)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (flags);
  const char *portald = g_getenv ("SAN_PORTALD");
  GSubprocess *process;

  g_assert_nonnull (portald);
  g_ptr_array_add (argv, (gpointer) portald);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_set_child_setup (launcher, child_setup, NULL, NULL);
  if (no_leak_check)
    {
      const char *asan = g_getenv ("ASAN_OPTIONS");
      g_autofree char *options = g_strconcat (asan != NULL ? asan : "", asan != NULL ? ":" : "",
                                              "detect_leaks=0", NULL);

      g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", options, TRUE);
    }
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  return process;
}

static Portald *
portald_spawn_full (const char * const *args,
                    GSubprocessFlags    flags,
                    gboolean            no_leak_check)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = spawn (args, flags | G_SUBPROCESS_FLAGS_STDOUT_PIPE, no_leak_check);
  g_autoptr(GDataInputStream) out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  g_autofree char *line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  Portald *portald;

  g_assert_no_error (error);
  if (line == NULL)
    {
      g_subprocess_wait (process, NULL, NULL);
      return NULL;
    }

  portald = g_new0 (Portald, 1);
  portald->process = g_steal_pointer (&process);
  portald->out = g_steal_pointer (&out);
  portald->url = g_steal_pointer (&line);
  return portald;
}

Portald *
portald_spawn (const char * const *args,
               GSubprocessFlags    flags)
{
  return portald_spawn_full (args, flags, FALSE);
}

Portald *
portald_spawn_tls (const char * const *args,
                   GSubprocessFlags    flags)
{
  return portald_spawn_full (args, flags, TRUE);
}

int
portald_stop (Portald *portald)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_subprocess_send_signal (portald->process, SIGTERM);
  g_subprocess_wait (portald->process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (portald->process));
  status = g_subprocess_get_exit_status (portald->process);
  g_object_unref (portald->out);
  g_object_unref (portald->process);
  g_free (portald->url);
  g_free (portald);
  return status;
}

int
portald_run (const char * const  *args,
             char               **out_stderr)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = spawn (args, G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                G_SUBPROCESS_FLAGS_STDERR_PIPE, FALSE);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  /* nothing but the URL ever goes to stdout, and here there is no URL */
  g_assert_cmpstr (out, ==, "");
  if (out_stderr != NULL)
    *out_stderr = g_steal_pointer (&err);
  return g_subprocess_get_exit_status (process);
}

/* TRUE when the @size bytes at @data hold the @length bytes of @needle */
static gboolean
bytes_contain (const char *data,
               gsize       size,
               const void *needle,
               gsize       length)
{
  for (gsize i = 0; data != NULL && length <= size && i <= size - length; i++)
    if (memcmp (data + i, needle, length) == 0)
      return TRUE;
  return FALSE;
}

gboolean
reply_contains (Reply      *reply,
                const char *needle)
{
  gsize size;
  const char *data = g_bytes_get_data (reply->body, &size);

  return bytes_contain (data, size, needle, strlen (needle));
}

gboolean
file_contains (const char *path,
               const void *needle,
               gssize      length)
{
  g_autofree char *contents = NULL;
  gsize size = 0;

  if (!g_file_get_contents (path, &contents, &size, NULL))
    return FALSE;
  return bytes_contain (contents, size, needle, length >= 0 ? (gsize) length : strlen (needle));
}

const char *
member_str (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  g_assert_nonnull (node);
  if (JSON_NODE_HOLDS_NULL (node))
    return NULL;
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_STRING);
  return json_node_get_string (node);
}

gint64
member_int (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_INT64);
  return json_node_get_int (node);
}

char *
me_contract_id (SoupSession *session,
                const char  *base_url,
                const char  *token,
                const char  *name)
{
  g_autoptr(Reply) reply = http_request (session, base_url, "GET", "/api/v1/me", token, NULL);
  JsonArray *contracts;

  g_assert_cmpuint (reply->status, ==, 200);
  contracts = json_object_get_array_member (reply_object (reply), "contracts");
  for (guint i = 0; i < json_array_get_length (contracts); i++)
    {
      JsonObject *c = json_array_get_object_element (contracts, i);

      if (g_str_equal (json_object_get_string_member (c, "name"), name))
        return g_strdup (json_object_get_string_member (c, "id"));
    }
  g_error ("No contract called %s", name);
}

guint
dir_count_files (const char *dir,
                 const char *suffix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  if (d == NULL)
    return 0;
  while ((name = g_dir_read_name (d)) != NULL)
    if (suffix == NULL || g_str_has_suffix (name, suffix))
      n++;
  return n;
}

char *
temp_dir_new (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp ("san-portald-test-XXXXXX", &error);

  g_assert_no_error (error);
  return path;
}

void
temp_dir_remove (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        temp_dir_remove (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

gboolean
on_sao_paulo_day (const char *timestamp,
                  const char *day)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/Sao_Paulo");
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;

  if (timestamp == NULL || (time = g_date_time_new_from_iso8601 (timestamp, NULL)) == NULL)
    return FALSE;
  if (zone == NULL)
    zone = g_time_zone_new_offset (-3 * 3600);
  local = g_date_time_to_timezone (time, zone);
  date = g_date_time_format (local, "%Y-%m-%d");
  return g_strcmp0 (date, day) == 0;
}
