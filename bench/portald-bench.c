/* portald-bench.c: requests per second of san-portald's service list
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Signs in as the demo user, then keeps N requests in flight
 * (GET /api/v1/contracts/{id}/services?limit=50 on the demo's largest
 * contract) for D seconds over keep-alive connections, and prints the rate
 * and latency percentiles. With --login-clients L, L more clients sign in
 * over and over meanwhile (each waits for its answer before the next), to
 * show what sign-ins (argon2id) do to everyone else's latency.
 * See bench/README.md; bench/run-portald-bench runs both.
 */
#include <stdio.h>
#include <stdlib.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#define DEMO_LOGIN "{\"email\": \"demo@example.com\", \"password\": \"demo-1234\"}"

typedef struct
{
  guint   ok;
  guint   failed;
  GArray *latencies_us;
} Stats;

typedef struct
{
  SoupSession *session;
  SoupSession *login_session;
  char        *uri;
  char        *login_uri;
  char        *auth;
  gint64       end_us;
  guint        in_flight;
  Stats        gets;
  Stats        logins;
  GMainLoop   *loop;
} Bench;

typedef struct
{
  Bench   *bench;
  gboolean login;
  gint64   start_us;
} Call;

static void send_one (Bench    *bench,
                      gboolean  login);

static void
on_sent_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Call *call = user_data;
  Bench *bench = call->bench;
  Stats *stats = call->login ? &bench->logins : &bench->gets;
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, NULL);
  gint64 now = g_get_monotonic_time ();
  gboolean login = call->login;

  if (body != NULL && soup_message_get_status (msg) == SOUP_STATUS_OK)
    {
      gint64 latency = now - call->start_us;

      stats->ok++;
      g_array_append_val (stats->latencies_us, latency);
    }
  else
    stats->failed++;
  g_free (call);
  bench->in_flight--;

  if (now < bench->end_us)
    send_one (bench, login);
  else if (bench->in_flight == 0)
    g_main_loop_quit (bench->loop);
}

static void
send_one (Bench    *bench,
          gboolean  login)
{
  g_autoptr(SoupMessage) msg = soup_message_new (login ? "POST" : "GET",
                                                 login ? bench->login_uri : bench->uri);
  Call *call = g_new0 (Call, 1);

  call->bench = bench;
  call->login = login;
  call->start_us = g_get_monotonic_time ();
  if (login)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (DEMO_LOGIN, strlen (DEMO_LOGIN));

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }
  else
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", bench->auth);
  bench->in_flight++;
  soup_session_send_and_read_async (login ? bench->login_session : bench->session, msg,
                                    G_PRIORITY_DEFAULT, NULL, on_sent_cb, call);
}

static JsonObject *
request_json (SoupSession *session,
              const char  *method,
              const char  *uri,
              const char  *auth,
              const char  *body,
              JsonParser  *parser)
{
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GError) error = NULL;

  if (msg == NULL)
    g_error ("bad URL %s", uri);
  if (auth != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }
  reply = soup_session_send_and_read (session, msg, NULL, &error);
  if (reply == NULL)
    g_error ("%s %s: %s", method, uri, error->message);
  if (soup_message_get_status (msg) != SOUP_STATUS_OK ||
      !json_parser_load_from_data (parser, g_bytes_get_data (reply, NULL), g_bytes_get_size (reply), NULL))
    g_error ("%s %s: HTTP %u", method, uri, soup_message_get_status (msg));
  return json_node_get_object (json_parser_get_root (parser));
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
print_stats (const char *what,
             Stats      *stats,
             double      elapsed)
{
  guint n = stats->latencies_us->len;

  g_array_sort (stats->latencies_us, compare_gint64);
  printf ("%s: %u ok, %u failed, %.1f/s", what, stats->ok, stats->failed, stats->ok / elapsed);
  if (n > 0)
    printf ("; latency ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f",
            g_array_index (stats->latencies_us, gint64, n / 2) / 1000.0,
            g_array_index (stats->latencies_us, gint64, n * 9 / 10) / 1000.0,
            g_array_index (stats->latencies_us, gint64, MIN (n - 1, n * 99 / 100)) / 1000.0,
            g_array_index (stats->latencies_us, gint64, n - 1) / 1000.0);
  printf ("\n");
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("BASE_URL CLIENTS SECONDS");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) login_parser = json_parser_new ();
  g_autoptr(JsonParser) me_parser = json_parser_new ();
  g_autofree char *me_uri = NULL;
  JsonObject *tokens;
  JsonArray *contracts;
  const char *contract_id = NULL;
  int login_clients = 0;
  guint clients;
  guint seconds;
  Bench bench = { 0 };
  gint64 start;
  double elapsed;
  const GOptionEntry entries[] = {
    { "login-clients", 'l', 0, G_OPTION_ARG_INT, &login_clients,
      "Clients signing in over and over meanwhile (default 0)", "N" },
    { NULL }
  };

  g_option_context_set_summary (context,
                                "Keeps CLIENTS requests for the demo's service list in flight for SECONDS\n"
                                "against a san-portald started with --demo.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  if (argc != 4 || login_clients < 0)
    {
      fprintf (stderr, "usage: %s [--login-clients N] BASE_URL CLIENTS SECONDS\n", argv[0]);
      return 2;
    }
  clients = (guint) g_ascii_strtoull (argv[2], NULL, 10);
  seconds = (guint) g_ascii_strtoull (argv[3], NULL, 10);
  if (clients == 0 || seconds == 0)
    return 2;

  bench.session = soup_session_new_with_options ("max-conns", clients, "max-conns-per-host", clients,
                                                 "proxy-resolver", NULL, NULL);
  bench.login_session = soup_session_new_with_options ("max-conns", MAX (login_clients, 1),
                                                       "max-conns-per-host", MAX (login_clients, 1),
                                                       "proxy-resolver", NULL, NULL);
  bench.gets.latencies_us = g_array_new (FALSE, FALSE, sizeof (gint64));
  bench.logins.latencies_us = g_array_new (FALSE, FALSE, sizeof (gint64));
  bench.loop = g_main_loop_new (NULL, FALSE);

  bench.login_uri = g_strconcat (argv[1], "/api/v1/auth/login", NULL);
  tokens = request_json (bench.session, "POST", bench.login_uri, NULL, DEMO_LOGIN, login_parser);
  bench.auth = g_strconcat ("Bearer ", json_object_get_string_member (tokens, "access_token"), NULL);

  me_uri = g_strconcat (argv[1], "/api/v1/me", NULL);
  contracts = json_object_get_array_member (request_json (bench.session, "GET", me_uri, bench.auth,
                                                          NULL, me_parser), "contracts");
  for (guint i = 0; i < json_array_get_length (contracts); i++)
    {
      JsonObject *c = json_array_get_object_element (contracts, i);

      if (g_str_has_prefix (json_object_get_string_member (c, "name"), "Padaria"))
        contract_id = json_object_get_string_member (c, "id");
    }
  if (contract_id == NULL)
    g_error ("the demo contract is missing: start san-portald with --demo");
  bench.uri = g_strdup_printf ("%s/api/v1/contracts/%s/services?limit=50", argv[1], contract_id);

  start = g_get_monotonic_time ();
  bench.end_us = start + (gint64) seconds * G_USEC_PER_SEC;
  for (int i = 0; i < login_clients; i++)
    send_one (&bench, TRUE);
  for (guint i = 0; i < clients; i++)
    send_one (&bench, FALSE);
  g_main_loop_run (bench.loop);
  elapsed = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

  printf ("%u clients, %d signing in, %.1f s\n", clients, login_clients, elapsed);
  print_stats ("service list", &bench.gets, elapsed);
  if (login_clients > 0)
    print_stats ("sign-ins", &bench.logins, elapsed);

  g_free (bench.uri);
  g_free (bench.login_uri);
  g_free (bench.auth);
  g_array_unref (bench.gets.latencies_us);
  g_array_unref (bench.logins.latencies_us);
  g_main_loop_unref (bench.loop);
  g_object_unref (bench.session);
  g_object_unref (bench.login_session);
  return bench.gets.failed == 0 && bench.logins.failed == 0 ? 0 : 1;
}
