/* test-sign-in.c: san-portald checks passwords off its main thread
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sign-in's argon2id check runs in a worker thread, so the server keeps
 * answering everyone else meanwhile; the checks are bounded (503 busy past
 * the queue), sign-ins in progress count against the rate limits, and a
 * client leaving or the server stopping mid-check is handled.
 *
 * The tests' database has a "slow" user whose stored hash asks for 8 times
 * the usual argon2id passes (about half a second here): every ordering below
 * has that much margin over a request that does not hash (about 1 ms), so
 * the outcome does not depend on the machine's speed or load.
 */
#include "config.h"

#include <signal.h>

#include <sodium.h>
#include <sqlite3.h>

#include "san-portald-auth.h"
#include "san-portald-db.h"
#include "san-portald-server.h"
#include "portald-test-util.h"

#define FAST_EMAIL "fast@example.com"
#define FAST_PASSWORD "fast-1234"
#define SLOW_EMAIL "slow@example.com"
#define SLOW_PASSWORD "slow-1234"
#define WAIT_SECONDS 60

/* made once in main(): argon2id with 8x the interactive passes */
static char *slow_hash;

/* A database with the two users, in a new temporary folder */
typedef struct
{
  char *dir;
  char *path;
} TestDb;

static TestDb *
test_db_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanPortaldDb) db = NULL;
  g_autofree char *fast_hash = san_portald_password_hash (FAST_PASSWORD, &error);
  TestDb *self = g_new0 (TestDb, 1);

  g_assert_no_error (error);
  self->dir = temp_dir_new ();
  self->path = g_build_filename (self->dir, "portald.db", NULL);
  db = san_portald_db_open (self->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (san_portald_db_add_user (db, FAST_EMAIL, "Fast", fast_hash, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (san_portald_db_add_user (db, SLOW_EMAIL, "Slow", slow_hash, &error), >, 0);
  g_assert_no_error (error);
  return self;
}

static void
test_db_free (TestDb *self)
{
  temp_dir_remove (self->dir);
  g_free (self->dir);
  g_free (self->path);
  g_free (self);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestDb, test_db_free)

/* A san-portald running inside the test, on the test's main context */
typedef struct
{
  TestDb           *db_files;
  SanPortaldDb     *db;
  SanPortaldServer *server;
  char             *url;
} Local;

static Local *
local_new (guint max_running,
           guint max_waiting)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  Local *self = g_new0 (Local, 1);

  self->db_files = test_db_new ();
  self->db = san_portald_db_open (self->db_files->path, &error);
  g_assert_no_error (error);
  self->server = san_portald_server_new (self->db, 900, 3600);
  san_portald_server_set_hash_limits (self->server, max_running, max_waiting);
  self->url = san_portald_server_listen (self->server, G_INET_SOCKET_ADDRESS (address), NULL, &error);
  g_assert_no_error (error);
  return self;
}

static void
local_free (Local *self)
{
  g_clear_pointer (&self->server, san_portald_server_free);
  g_clear_pointer (&self->db, san_portald_db_close);
  test_db_free (self->db_files);
  g_free (self->url);
  g_free (self);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Local, local_free)

static guint
local_running (Local *self)
{
  guint running;

  san_portald_server_get_sign_ins (self->server, &running, NULL);
  return running;
}

static guint
local_waiting (Local *self)
{
  guint waiting;

  san_portald_server_get_sign_ins (self->server, NULL, &waiting);
  return waiting;
}

/* Asynchronous requests, numbered in the order they complete */
typedef struct
{
  guint        *counter;      /* shared by the calls of one test */
  guint         order;        /* 1 for the first to complete; 0 while in flight */
  guint         status;       /* 0 for a transport error */
  char         *retry_after;
  GBytes       *body;
  SoupMessage  *msg;
  GCancellable *cancellable;
} Call;

static void
call_free (Call *call)
{
  g_clear_object (&call->msg);
  g_clear_object (&call->cancellable);
  g_free (call->retry_after);
  g_clear_pointer (&call->body, g_bytes_unref);
  g_free (call);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Call, call_free)

static void
on_call_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Call *call = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);

  if (body != NULL)
    {
      call->status = soup_message_get_status (call->msg);
      call->retry_after = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (call->msg),
                                                                  "Retry-After"));
      call->body = g_steal_pointer (&body);
    }
  call->order = ++*call->counter;
}

static Call *
call_start (SoupSession *session,
            const char  *url,
            const char  *method,
            const char  *path,
            const char  *token,
            const char  *body,
            guint       *counter)
{
  g_autofree char *uri = g_strconcat (url, path, NULL);
  Call *call = g_new0 (Call, 1);

  call->counter = counter;
  call->cancellable = g_cancellable_new ();
  call->msg = soup_message_new (method, uri);
  if (token != NULL)
    {
      g_autofree char *value = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (call->msg), "Authorization", value);
    }
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (call->msg, "application/json", bytes);
    }
  soup_session_send_and_read_async (session, call->msg, G_PRIORITY_DEFAULT, call->cancellable,
                                    on_call_done_cb, call);
  return call;
}

/* The answer, for assert_problem () */
static Reply *
call_reply (Call *call)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  Reply *reply = g_new0 (Reply, 1);
  gsize size;
  const char *data;

  g_assert_nonnull (call->body);
  reply->status = call->status;
  reply->headers = soup_message_headers_ref (soup_message_get_response_headers (call->msg));
  reply->body = g_bytes_ref (call->body);
  data = g_bytes_get_data (reply->body, &size);
  if (size > 0 && json_parser_load_from_data (parser, data, size, NULL))
    reply->json = json_node_ref (json_parser_get_root (parser));
  return reply;
}

static Call *
login_start (SoupSession *session,
             const char  *url,
             const char  *email,
             const char  *password,
             guint       *counter)
{
  g_autofree char *body = login_body (email, password);

  return call_start (session, url, "POST", "/api/v1/auth/login", NULL, body, counter);
}

/* Several connections to one host at once (libsoup's default is 2) */
static SoupSession *
parallel_session_new (void)
{
  return soup_session_new_with_options ("proxy-resolver", NULL, "timeout", WAIT_SECONDS,
                                        "max-conns", 64, "max-conns-per-host", 64, NULL);
}

static gboolean
on_wait_timeout_cb (gpointer user_data)
{
  g_error ("Timed out waiting for %s", (const char *) user_data);
  return G_SOURCE_REMOVE;
}

/* Runs the main context until @condition holds */
#define WAIT_FOR(condition) \
  G_STMT_START { \
    guint wait_id_ = g_timeout_add_seconds (WAIT_SECONDS, on_wait_timeout_cb, (gpointer) #condition); \
    while (!(condition)) \
      g_main_context_iteration (NULL, TRUE); \
    g_source_remove (wait_id_); \
  } G_STMT_END

static void
on_wrote_body_cb (SoupMessage *msg,
                  gpointer     user_data)
{
  *(gboolean *) user_data = TRUE;
}

static gboolean
on_later_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* The real server: a GET is answered while sign-ins are being checked */
static void
test_main_loop_not_blocked (void)
{
  g_autoptr(TestDb) files = test_db_new ();
  const char *args[] = { "--db", files->path, "--listen", "127.0.0.1:0", NULL };
  Portald *portald = portald_spawn (args, G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(SoupSession) session = parallel_session_new ();
  g_autofree char *token = NULL;
  g_autoptr(Call) login1 = NULL;
  g_autoptr(Call) login2 = NULL;
  g_autoptr(Call) login3 = NULL;
  g_autoptr(Call) me = NULL;
  gboolean wrote[3] = { FALSE, FALSE, FALSE };
  gboolean later = FALSE;
  guint counter = 0;

  g_assert_nonnull (portald);
  token = login (session, portald->url, FAST_EMAIL, FAST_PASSWORD, NULL);

  /* three checks of about half a second each (at most 2 at once here) */
  login1 = login_start (session, portald->url, SLOW_EMAIL, SLOW_PASSWORD, &counter);
  login2 = login_start (session, portald->url, SLOW_EMAIL, SLOW_PASSWORD, &counter);
  login3 = login_start (session, portald->url, SLOW_EMAIL, SLOW_PASSWORD, &counter);
  g_signal_connect (login1->msg, "wrote-body", G_CALLBACK (on_wrote_body_cb), &wrote[0]);
  g_signal_connect (login2->msg, "wrote-body", G_CALLBACK (on_wrote_body_cb), &wrote[1]);
  g_signal_connect (login3->msg, "wrote-body", G_CALLBACK (on_wrote_body_cb), &wrote[2]);
  WAIT_FOR (wrote[0] && wrote[1] && wrote[2]);
  /* a moment for the server to read them (a tenth of a check) */
  g_timeout_add (50, on_later_cb, &later);
  WAIT_FOR (later);

  /* then a request that needs no check: a blocked main loop could answer
   * it only after the first check */
  me = call_start (session, portald->url, "GET", "/api/v1/me", token, NULL, &counter);
  WAIT_FOR (counter == 4);

  g_assert_cmpuint (me->status, ==, 200);
  g_assert_cmpuint (me->order, ==, 1);
  g_assert_cmpuint (login1->status, ==, 200);
  g_assert_cmpuint (login2->status, ==, 200);
  g_assert_cmpuint (login3->status, ==, 200);

  g_assert_cmpint (portald_stop (portald), ==, 0);
}

/* Past the running checks and the waiting room: 503 busy, Retry-After: 1 */
static void
test_busy (void)
{
  g_autoptr(Local) local = local_new (1, 1);
  g_autoptr(SoupSession) session = parallel_session_new ();
  g_autoptr(Call) running = NULL;
  g_autoptr(Call) waiting = NULL;
  g_autoptr(Call) refused = NULL;
  g_autoptr(Call) after = NULL;
  g_autoptr(Reply) problem = NULL;
  guint counter = 0;

  running = login_start (session, local->url, SLOW_EMAIL, SLOW_PASSWORD, &counter);
  WAIT_FOR (local_running (local) == 1);
  /* an unknown e-mail takes the same path as a known one: it waits too */
  waiting = login_start (session, local->url, "nobody@example.com", "guess", &counter);
  WAIT_FOR (local_waiting (local) == 1);
  refused = login_start (session, local->url, FAST_EMAIL, FAST_PASSWORD, &counter);
  WAIT_FOR (refused->order > 0);

  /* refused at once, while the others were still in progress */
  g_assert_cmpuint (refused->order, ==, 1);
  problem = call_reply (refused);
  assert_problem (problem, 503, "busy");
  g_assert_cmpstr (refused->retry_after, ==, "1");

  WAIT_FOR (counter == 3);
  g_assert_cmpuint (running->status, ==, 200);
  g_assert_cmpuint (waiting->status, ==, 401);
  g_assert_cmpuint (local_running (local), ==, 0);
  g_assert_cmpuint (local_waiting (local), ==, 0);

  /* and once they are done, the next one gets in */
  after = login_start (session, local->url, FAST_EMAIL, FAST_PASSWORD, &counter);
  WAIT_FOR (counter == 4);
  g_assert_cmpuint (after->status, ==, 200);
}

/* Simultaneous guesses can't get past the per-account limit */
static void
test_burst_counts_in_progress (void)
{
  g_autoptr(Local) local = local_new (2, 32);
  g_autoptr(SoupSession) session = parallel_session_new ();
  g_autoptr(GPtrArray) calls = g_ptr_array_new_with_free_func ((GDestroyNotify) call_free);
  g_autoptr(Call) blocked = NULL;
  g_autoptr(Reply) problem = NULL;
  guint counter = 0;
  guint unauthorized = 0;
  guint too_many = 0;

  for (guint i = 0; i < 5; i++)
    g_ptr_array_add (calls, login_start (session, local->url, SLOW_EMAIL, "guess", &counter));
  WAIT_FOR (local_running (local) + local_waiting (local) == 5);

  /* five guesses in progress: a sixth is refused before anything is known */
  g_ptr_array_add (calls, login_start (session, local->url, SLOW_EMAIL, SLOW_PASSWORD, &counter));
  WAIT_FOR (counter == 1);
  g_assert_cmpuint (((Call *) calls->pdata[5])->order, ==, 1);
  problem = call_reply (calls->pdata[5]);
  assert_problem (problem, 429, "too_many_attempts");
  g_assert_cmpstr (((Call *) calls->pdata[5])->retry_after, ==, "1");

  WAIT_FOR (counter == 6);
  for (guint i = 0; i < 5; i++)
    {
      Call *call = calls->pdata[i];

      if (call->status == 401)
        unauthorized++;
      else if (call->status == 429)
        too_many++;
    }
  g_assert_cmpuint (unauthorized, ==, 5);
  g_assert_cmpuint (too_many, ==, 0);

  /* the five failures now count as such: refused for the whole window */
  blocked = login_start (session, local->url, SLOW_EMAIL, SLOW_PASSWORD, &counter);
  WAIT_FOR (counter == 7);
  g_assert_cmpuint (blocked->status, ==, 429);
  g_assert_cmpuint (g_ascii_strtoull (blocked->retry_after, NULL, 10), >, 800);
}

static int
count_sessions (const char *path)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  int count;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT count(*) FROM sessions", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return count;
}

/* Clients that leave while their password is checked, or while they wait */
static void
test_client_leaves (void)
{
  g_autoptr(Local) local = local_new (1, 4);
  g_autoptr(SoupSession) session = parallel_session_new ();
  g_autoptr(Call) running = NULL;
  g_autoptr(Call) waiting = NULL;
  g_autoptr(Call) after = NULL;
  guint counter = 0;

  running = login_start (session, local->url, SLOW_EMAIL, SLOW_PASSWORD, &counter);
  WAIT_FOR (local_running (local) == 1);
  waiting = login_start (session, local->url, SLOW_EMAIL, SLOW_PASSWORD, &counter);
  WAIT_FOR (local_waiting (local) == 1);

  g_cancellable_cancel (waiting->cancellable);
  g_cancellable_cancel (running->cancellable);
  WAIT_FOR (counter == 2);
  g_assert_cmpuint (running->status, ==, 0);
  g_assert_cmpuint (waiting->status, ==, 0);

  /* the server finishes the running check and drops the waiting one; a
   * client that left gets no session */
  WAIT_FOR (local_running (local) == 0 && local_waiting (local) == 0);
  g_assert_cmpint (count_sessions (local->db_files->path), ==, 0);

  after = login_start (session, local->url, FAST_EMAIL, FAST_PASSWORD, &counter);
  WAIT_FOR (counter == 3);
  g_assert_cmpuint (after->status, ==, 200);
  g_assert_cmpint (count_sessions (local->db_files->path), ==, 1);
}

/* Freeing the server while checks run and wait: it waits for the running
 * one (LeakSanitizer checks nothing is left behind in ASan builds) */
static void
test_free_while_checking (void)
{
  g_autoptr(Local) local = local_new (1, 4);
  g_autoptr(SoupSession) session = parallel_session_new ();
  g_autoptr(Call) running = NULL;
  g_autoptr(Call) waiting1 = NULL;
  g_autoptr(Call) waiting2 = NULL;
  gboolean later = FALSE;
  guint counter = 0;

  running = login_start (session, local->url, SLOW_EMAIL, SLOW_PASSWORD, &counter);
  WAIT_FOR (local_running (local) == 1);
  waiting1 = login_start (session, local->url, SLOW_EMAIL, SLOW_PASSWORD, &counter);
  waiting2 = login_start (session, local->url, FAST_EMAIL, FAST_PASSWORD, &counter);
  WAIT_FOR (local_waiting (local) == 2);

  g_clear_pointer (&local->server, san_portald_server_free);

  /* every connection was closed without an answer */
  WAIT_FOR (counter == 3);
  g_assert_cmpuint (running->status, ==, 0);
  g_assert_cmpuint (waiting1->status, ==, 0);
  g_assert_cmpuint (waiting2->status, ==, 0);

  /* longer than the check that was running: had the server not waited for
   * it, its completion would run now, on a freed server (ASan builds) */
  g_timeout_add (1500, on_later_cb, &later);
  WAIT_FOR (later);
}

/* SIGTERM while a check runs: the real server still exits cleanly (and,
 * in ASan builds, without leaks) */
static void
test_sigterm_while_checking (void)
{
  g_autoptr(TestDb) files = test_db_new ();
  const char *args[] = { "--db", files->path, "--listen", "127.0.0.1:0", NULL };
  Portald *portald = portald_spawn (args, G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(SoupSession) session = parallel_session_new ();
  g_autoptr(Call) running = NULL;
  g_autoptr(Call) waiting = NULL;
  gboolean wrote = FALSE;
  gboolean later = FALSE;
  guint counter = 0;

  g_assert_nonnull (portald);
  running = login_start (session, portald->url, SLOW_EMAIL, SLOW_PASSWORD, &counter);
  g_signal_connect (running->msg, "wrote-body", G_CALLBACK (on_wrote_body_cb), &wrote);
  waiting = login_start (session, portald->url, SLOW_EMAIL, SLOW_PASSWORD, &counter);
  WAIT_FOR (wrote);
  /* a moment for the server to read it (its check takes ten times longer) */
  g_timeout_add (50, on_later_cb, &later);
  WAIT_FOR (later);

  g_assert_cmpint (portald_stop (portald), ==, 0);
  WAIT_FOR (counter == 2);
}

int
main (int    argc,
      char **argv)
{
  char hash[crypto_pwhash_STRBYTES];
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_assert_true (san_portald_auth_init (NULL));
  g_assert_cmpint (crypto_pwhash_str (hash, SLOW_PASSWORD, strlen (SLOW_PASSWORD),
                                      8 * crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                      crypto_pwhash_MEMLIMIT_INTERACTIVE), ==, 0);
  slow_hash = g_strdup (hash);

  g_test_add_func ("/portald/sign-in/main-loop-not-blocked", test_main_loop_not_blocked);
  g_test_add_func ("/portald/sign-in/busy", test_busy);
  g_test_add_func ("/portald/sign-in/burst-counts-in-progress", test_burst_counts_in_progress);
  g_test_add_func ("/portald/sign-in/client-leaves", test_client_leaves);
  g_test_add_func ("/portald/sign-in/free-while-checking", test_free_while_checking);
  g_test_add_func ("/portald/sign-in/sigterm-while-checking", test_sigterm_while_checking);

  status = g_test_run ();
  g_free (slow_hash);
  return status;
}
