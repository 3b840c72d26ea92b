/* events-bench.c: many WebSocket clients on san-portald's event stream
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: events-bench [--server-pid PID] URL ADMIN_TOKEN CLIENTS EVENTS RATE
 *
 * Signs in as the demo user once, opens CLIENTS WebSockets to
 * /api/v1/events with that token, waits for every hello, then publishes
 * EVENTS notifications on the demo's Padaria contract through the admin
 * interface, RATE per second. Each notification's body is the moment it was
 * sent (microseconds, real time); each client notes when it arrived. Prints
 * the delivery latency percentiles over every (client, event) pair, how many
 * were delivered, and, with --server-pid, the server's CPU time (user +
 * system from /proc) while the events flowed.
 *
 * The clients share this process's one main loop on the same machine, so
 * the figures include this process's own time to read CLIENTS frames.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

typedef struct
{
  SoupWebsocketConnection *conn;
  gboolean                 hello;
} Client;

static SoupSession *session;
static const char *base_url;
static const char *admin_token;
static char *access_token;
static char *contract_id;
static GPtrArray *clients;
static guint n_hello;
static guint n_failed;
static GArray *latencies;     /* gint64 microseconds */
static guint64 n_delivered;

static JsonNode *
request_json (const char *method,
              const char *path,
              const char *token,
              const char *body,
              guint      *out_status)
{
  g_autofree char *url = g_strconcat (base_url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (token != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
    }
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }
  reply = soup_session_send_and_read (session, msg, NULL, &error);
  if (reply == NULL)
    g_error ("%s %s: %s", method, path, error->message);
  *out_status = soup_message_get_status (msg);
  if (g_bytes_get_size (reply) == 0 ||
      !json_parser_load_from_data (parser, g_bytes_get_data (reply, NULL), g_bytes_get_size (reply), NULL))
    return NULL;
  return json_node_copy (json_parser_get_root (parser));
}

static void
sign_in (void)
{
  g_autoptr(JsonNode) login = NULL;
  g_autoptr(JsonNode) me = NULL;
  JsonArray *contracts;
  guint status;

  login = request_json ("POST", "/api/v1/auth/login", NULL,
                        "{\"email\":\"demo@example.com\",\"password\":\"demo-1234\"}", &status);
  if (status != 200 || login == NULL)
    g_error ("sign-in failed: %u", status);
  access_token = g_strdup (json_object_get_string_member (json_node_get_object (login), "access_token"));

  me = request_json ("GET", "/api/v1/me", access_token, NULL, &status);
  if (status != 200 || me == NULL)
    g_error ("/me failed: %u", status);
  contracts = json_object_get_array_member (json_node_get_object (me), "contracts");
  for (guint i = 0; i < json_array_get_length (contracts); i++)
    {
      JsonObject *c = json_array_get_object_element (contracts, i);
      if (g_str_has_prefix (json_object_get_string_member (c, "name"), "Padaria"))
        contract_id = g_strdup (json_object_get_string_member (c, "id"));
    }
  if (contract_id == NULL)
    g_error ("no Padaria contract: is the server running with --demo?");
}

/* The frames are the server's own compact JSON (json-glib's generator):
 * a plain scan is enough, and keeps this process's reading cost (500
 * clients share it) out of the figures as far as possible */
static void
on_message_cb (SoupWebsocketConnection *conn,
               gint                     type,
               GBytes                  *message,
               gpointer                 user_data)
{
  Client *client = user_data;
  gint64 now = g_get_real_time ();
  gsize size;
  const char *data = g_bytes_get_data (message, &size);
  g_autofree char *text = NULL;
  const char *body;

  if (type != SOUP_WEBSOCKET_DATA_TEXT)
    return;
  text = g_strndup (data, size);
  if (strstr (text, "\"type\":\"hello\"") != NULL)
    {
      if (!client->hello)
        n_hello++;
      client->hello = TRUE;
    }
  else if (strstr (text, "\"type\":\"notification\"") != NULL &&
           strstr (text, "\"kind\":\"bench\"") != NULL &&
           (body = strstr (text, "\"body\":\"")) != NULL)
    {
      gint64 sent = g_ascii_strtoll (body + strlen ("\"body\":\""), NULL, 10);

      g_array_append_val (latencies, (gint64) { now - sent });
      n_delivered++;
    }
}

static void
on_connected_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Client *client = user_data;
  g_autoptr(GError) error = NULL;

  client->conn = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, &error);
  if (client->conn == NULL)
    {
      n_failed++;
      g_printerr ("connect: %s\n", error->message);
      return;
    }
  g_signal_connect (client->conn, "message", G_CALLBACK (on_message_cb), client);
}

static gint64
server_cpu_ticks (int pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", pid);
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after;

  if (pid <= 0 || !g_file_get_contents (path, &text, NULL, NULL))
    return -1;
  /* fields after the ")" of the command name: state is field 3, utime 14, stime 15 */
  after = strrchr (text, ')');
  if (after == NULL)
    return -1;
  fields = g_strsplit (after + 2, " ", -1);
  if (g_strv_length (fields) < 13)
    return -1;
  return g_ascii_strtoll (fields[11], NULL, 10) + g_ascii_strtoll (fields[12], NULL, 10);
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;
  return x < y ? -1 : x > y;
}

static double
percentile_ms (double p)
{
  guint i;

  if (latencies->len == 0)
    return 0;
  i = MIN (latencies->len - 1, (guint) (p / 100.0 * latencies->len));
  return g_array_index (latencies, gint64, i) / 1000.0;
}

static guint n_published;
static guint n_publish_answers;

static void
on_published_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SoupMessage *msg = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) reply = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);

  if (reply == NULL || soup_message_get_status (msg) != 202)
    g_error ("publish failed: %s", error != NULL ? error->message : "not 202");
  n_publish_answers++;
  g_object_unref (msg);
}

/* publishes one notification whose body is the moment it is sent */
static void
publish_one (void)
{
  g_autofree char *url = g_strconcat (base_url, "/admin/v1/notifications", NULL);
  g_autofree char *auth = g_strconcat ("Bearer ", admin_token, NULL);
  g_autofree char *body = g_strdup_printf ("{\"contract_id\":\"%s\",\"kind\":\"bench\",\"permission\":\"services\","
                                           "\"title\":\"bench\",\"body\":\"%" G_GINT64_FORMAT "\"}",
                                           contract_id, g_get_real_time ());
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
  SoupMessage *msg = soup_message_new ("POST", url);

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, on_published_cb, msg);
  n_published++;
}

int
main (int    argc,
      char **argv)
{
  int server_pid = 0;
  guint n_clients;
  guint n_events;
  double rate;
  gint64 ticks_before;
  gint64 ticks_after;
  gint64 start;
  gint64 wall;
  long hz = sysconf (_SC_CLK_TCK);

  if (argc >= 3 && g_str_equal (argv[1], "--server-pid"))
    {
      server_pid = atoi (argv[2]);
      argc -= 2;
      argv += 2;
    }
  if (argc != 6)
    {
      g_printerr ("usage: events-bench [--server-pid PID] URL ADMIN_TOKEN CLIENTS EVENTS RATE\n");
      return 2;
    }
  base_url = argv[1];
  admin_token = argv[2];
  n_clients = (guint) atoi (argv[3]);
  n_events = (guint) atoi (argv[4]);
  rate = g_ascii_strtod (argv[5], NULL);
  if (n_clients == 0 || n_events == 0 || rate <= 0)
    return 2;

  session = soup_session_new_with_options ("max-conns", (int) n_clients + 16,
                                           "max-conns-per-host", (int) n_clients + 16,
                                           "proxy-resolver", NULL, NULL);
  latencies = g_array_new (FALSE, FALSE, sizeof (gint64));
  clients = g_ptr_array_new ();
  sign_in ();

  for (guint i = 0; i < n_clients; i++)
    {
      g_autofree char *url = g_strconcat (base_url, "/api/v1/events", NULL);
      g_autofree char *auth = g_strconcat ("Bearer ", access_token, NULL);
      SoupMessage *msg = soup_message_new ("GET", url);
      Client *client = g_new0 (Client, 1);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
      g_ptr_array_add (clients, client);
      soup_session_websocket_connect_async (session, msg, NULL, NULL, G_PRIORITY_DEFAULT, NULL,
                                            on_connected_cb, client);
      g_object_unref (msg);
    }

  start = g_get_monotonic_time ();
  while (n_hello + n_failed < n_clients && g_get_monotonic_time () - start < 60 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  printf ("clients: %u connected (hello) in %.2f s, %u failed\n", n_hello,
          (g_get_monotonic_time () - start) / 1e6, n_failed);
  if (n_hello == 0)
    return 1;

  ticks_before = server_cpu_ticks (server_pid);
  start = g_get_monotonic_time ();
  while (n_published < n_events)
    {
      gint64 due = start + (gint64) (n_published * G_USEC_PER_SEC / rate);

      if (g_get_monotonic_time () >= due)
        publish_one ();
      else if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (100);
    }
  /* let the last ones arrive */
  {
    gint64 wait_start = g_get_monotonic_time ();
    while (n_delivered < (guint64) n_events * n_hello &&
           g_get_monotonic_time () - wait_start < 10 * G_USEC_PER_SEC)
      g_main_context_iteration (NULL, TRUE);
  }
  wall = g_get_monotonic_time () - start;
  ticks_after = server_cpu_ticks (server_pid);

  g_array_sort (latencies, compare_gint64);
  printf ("events: %u published at %.0f/s to %u clients: %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT " delivered\n",
          n_events, rate, n_hello, n_delivered, (guint64) n_events * n_hello);
  printf ("latency: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
          percentile_ms (50), percentile_ms (90), percentile_ms (99), percentile_ms (100));
  if (ticks_before >= 0 && ticks_after >= 0)
    printf ("server cpu: %.2f s in %.2f s (%.0f%% of one core)\n",
            (double) (ticks_after - ticks_before) / hz, wall / 1e6,
            100.0 * (double) (ticks_after - ticks_before) / hz / (wall / 1e6));
  return n_delivered == (guint64) n_events * n_hello ? 0 : 1;
}
