/* san-test-server.c
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/prctl.h>

#include "san-test-server.h"

struct _SanTestServer
{
  GSubprocess *process;
  char        *dir;
  char        *db;
  char        *url;
};

/* If the test crashes, the server goes with it instead of holding meson
 * until its timeout. */
static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

SanTestServer *
san_test_server_start (gboolean            demo,
                       const char * const *extra_args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  const char *portald = g_getenv ("SAN_PORTALD");
  SanTestServer *self;

  if (portald == NULL)
    g_error ("SAN_PORTALD is not set: run the tests with meson test");

  self = g_new0 (SanTestServer, 1);
  self->dir = g_dir_make_tmp ("san-portald-XXXXXX", &error);
  g_assert_no_error (error);
  self->db = g_build_filename (self->dir, "portal.db", NULL);

  g_ptr_array_add (argv, (gpointer) portald);
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, self->db);
  g_ptr_array_add (argv, (gpointer) "--listen");
  g_ptr_array_add (argv, (gpointer) "127.0.0.1:0");
  if (demo)
    {
      g_ptr_array_add (argv, (gpointer) "--demo");
      /* the demo's servers publish metrics every second; few tests want
       * them, and under ASan every event costs the app real time: those
       * that do say so in @extra_args (the last --metrics-interval wins) */
      g_ptr_array_add (argv, (gpointer) "--metrics-interval");
      g_ptr_array_add (argv, (gpointer) "3600000");
    }
  for (guint i = 0; extra_args != NULL && extra_args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) extra_args[i]);
  g_ptr_array_add (argv, NULL);

  /* stderr (the request log) goes to the test's stderr, kept by meson */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  self->process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata,
                                                &error);
  g_assert_no_error (error);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (self->process));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  if (line == NULL || !g_str_has_prefix (line, "http"))
    g_error ("san-portald did not print its URL (got “%s”)", line ? line : "end of file");

  self->url = g_steal_pointer (&line);
  return self;
}

const char *
san_test_server_get_url (SanTestServer *self)
{
  return self->url;
}

const char *
san_test_server_get_db (SanTestServer *self)
{
  return self->db;
}

void
san_test_server_stop (SanTestServer *self)
{
  if (self == NULL)
    return;

  if (self->process != NULL)
    {
      g_autoptr(GError) error = NULL;

      g_subprocess_send_signal (self->process, SIGTERM);
      g_subprocess_wait (self->process, NULL, &error);
      g_assert_no_error (error);
      /* A clean stop: no crash, no sanitizer report at exit */
      if (!g_subprocess_get_if_exited (self->process) ||
          g_subprocess_get_exit_status (self->process) != 0)
        g_error ("san-portald did not stop cleanly");
      g_clear_object (&self->process);
    }
  remove_tree (self->dir);
  g_free (self->dir);
  g_free (self->db);
  g_free (self->url);
  g_free (self);
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  g_error ("timed out after %u seconds", GPOINTER_TO_UINT (user_data));
  return G_SOURCE_REMOVE;
}

void
san_test_wait_until (gboolean *done,
                     guint     timeout_seconds)
{
  guint id = g_timeout_add_seconds (timeout_seconds, on_timeout_cb,
                                    GUINT_TO_POINTER (timeout_seconds));

  while (!*done)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (id);
}
