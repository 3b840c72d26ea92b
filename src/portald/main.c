/* main.c: san-portald, the reference SAN portal server
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exit status: 0 after SIGTERM/SIGINT, 1 when the server cannot run
 * (database, address in use, certificate), 2 for a usage error.
 */
#define G_LOG_DOMAIN "san-portald"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib-unix.h>
#include <glib/gi18n.h>

#include "san-date.h"
#include "san-portald-auth.h"
#include "san-portald-db.h"
#include "san-portald-demo.h"
#include "san-portald-mail.h"
#include "san-portald-server.h"
#include "san-portald-status.h"
#include "san-portald-tickets.h"

#define EXIT_USAGE 2
#define DEFAULT_ACCESS_TTL 900
#define DEFAULT_REFRESH_TTL (30 * 24 * 60 * 60)
#define DEFAULT_PIX_SETTLE_AFTER 10
#define DEFAULT_METRICS_INTERVAL_MS 1000

static gboolean
on_signal_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_CONTINUE;
}

/* "127.0.0.1:8080", "[::1]:0", "localhost:0" */
static GInetSocketAddress *
parse_listen (const char  *text,
              GError     **error)
{
  g_autofree char *host = NULL;
  g_autoptr(GInetAddress) address = NULL;
  const char *port_text;
  guint64 port;

  if (text[0] == '[')
    {
      const char *end = strchr (text, ']');

      if (end == NULL || end[1] != ':')
        goto invalid;
      host = g_strndup (text + 1, end - text - 1);
      port_text = end + 2;
    }
  else
    {
      const char *colon = strrchr (text, ':');

      if (colon == NULL)
        goto invalid;
      host = g_strndup (text, colon - text);
      if (strchr (host, ':') != NULL)
        goto invalid;
      port_text = colon + 1;
    }

  if (!g_ascii_isdigit (port_text[0]) ||
      !g_ascii_string_to_unsigned (port_text, 10, 0, 65535, &port, NULL))
    goto invalid;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    address = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  else
    address = g_inet_address_new_from_string (host);
  if (address == NULL)
    goto invalid;

  return G_INET_SOCKET_ADDRESS (g_inet_socket_address_new (address, (guint16) port));

invalid:
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("--listen wants HOST:PORT with an IP address or localhost, like 127.0.0.1:0 or [::1]:8443, not “%s”"),
               text);
  return NULL;
}

static int
usage_error (GOptionContext *context,
             const char     *message)
{
  g_autofree char *prgname = g_strdup (g_get_prgname ());

  g_printerr ("%s: %s\n", prgname != NULL ? prgname : "san-portald", message);
  g_printerr (_("Try “san-portald --help”.\n"));
  return EXIT_USAGE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *listen = NULL;
  g_autofree char *tls_cert = NULL;
  g_autofree char *tls_key = NULL;
  g_autoptr(GInetSocketAddress) address = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(SanPortaldDb) db = NULL;
  g_autoptr(SanPortaldServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autofree char *url = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *mail_spool = NULL;
  g_autofree char *attachments = NULL;
  g_autofree char *admin_token = NULL;
  g_autofree char *admin_token_file = NULL;
  g_autoptr(SanPortaldMetrics) metrics = NULL;
  int event_buffer = SAN_PORTALD_EVENTS_DEFAULT_BUFFER;
  int event_queue = SAN_PORTALD_EVENTS_DEFAULT_QUEUE;
  int event_ping = SAN_PORTALD_EVENTS_DEFAULT_PING_S;
  int metrics_interval = DEFAULT_METRICS_INTERVAL_MS;
  int bench_servers = 0;
  gboolean demo = FALSE;
  gboolean version = FALSE;
  int pix_settle_after = DEFAULT_PIX_SETTLE_AFTER;
  GDate today;
  int access_ttl = DEFAULT_ACCESS_TTL;
  int refresh_ttl = DEFAULT_REFRESH_TTL;
  guint sigterm_id;
  guint sigint_id;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The SQLite database (created when missing)"), N_("PATH") },
    { "listen", 0, 0, G_OPTION_ARG_STRING, &listen, N_("Address and port to listen on; port 0 picks a free one"), N_("HOST:PORT") },
    { "demo", 0, 0, G_OPTION_ARG_NONE, &demo, N_("Seed the demo data when the database is empty"), NULL },
    { "tls-cert", 0, 0, G_OPTION_ARG_FILENAME, &tls_cert, N_("PEM certificate: serve HTTPS"), N_("FILE") },
    { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &tls_key, N_("PEM private key of the certificate"), N_("FILE") },
    { "access-ttl", 0, 0, G_OPTION_ARG_INT, &access_ttl, N_("Lifetime of access tokens (default 900)"), N_("SECONDS") },
    { "refresh-ttl", 0, 0, G_OPTION_ARG_INT, &refresh_ttl, N_("Lifetime of refresh tokens (default 30 days)"), N_("SECONDS") },
    { "pix-settle-after", 0, 0, G_OPTION_ARG_INT, &pix_settle_after, N_("With --demo, a PIX charge is paid this long after it was made; 0: only through the simulation hook (default 10)"), N_("SECONDS") },
    { "mail-spool", 0, 0, G_OPTION_ARG_FILENAME, &mail_spool, N_("Write every e-mail sent as an .eml file into this folder"), N_("DIR") },
    { "attachments", 0, 0, G_OPTION_ARG_FILENAME, &attachments, N_("Where ticket attachments are stored (default: beside the database, DB.attachments)"), N_("DIR") },
    { "admin-token", 0, 0, G_OPTION_ARG_STRING, &admin_token, N_("Enable the admin interface (/admin/v1/, loopback only) with this token (at least 16 characters)"), N_("TOKEN") },
    { "admin-token-file", 0, 0, G_OPTION_ARG_FILENAME, &admin_token_file, N_("Like --admin-token, with the token read from this file (not seen in the process list)"), N_("FILE") },
    { "event-buffer", 0, 0, G_OPTION_ARG_INT, &event_buffer, N_("Events kept for clients that resume (default 1024)"), N_("N") },
    { "event-queue", 0, 0, G_OPTION_ARG_INT, &event_queue, N_("Events queued for a slow client before it must resync (default 256)"), N_("N") },
    { "event-ping", 0, 0, G_OPTION_ARG_INT, &event_ping, N_("Ping idle event sockets this often; drop those silent for two pings (default 20)"), N_("SECONDS") },
    { "metrics-interval", 0, 0, G_OPTION_ARG_INT, &metrics_interval, N_("With --demo, how often each server publishes metrics (default 1000)"), N_("MS") },
    { "bench-servers", 0, 0, G_OPTION_ARG_INT, &bench_servers, N_("With --demo, give the demo's Padaria contract this many more cloud servers (benchmarks)"), N_("N") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("Pretend today is this day (for tests)"), N_("YYYY-MM-DD") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Print the version and exit"), NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("san-portald");

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("The reference SAN portal API server (API v1)."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);

  if (version)
    {
      g_print ("san-portald %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (argc > 1)
    return usage_error (context, _("Unexpected argument"));
  if (db_path == NULL || db_path[0] == '\0')
    return usage_error (context, _("--db PATH is required"));
  if (listen == NULL)
    return usage_error (context, _("--listen HOST:PORT is required"));
  if ((tls_cert == NULL) != (tls_key == NULL))
    return usage_error (context, _("--tls-cert and --tls-key go together"));
  if (access_ttl <= 0 || refresh_ttl <= 0)
    return usage_error (context, _("--access-ttl and --refresh-ttl must be positive"));

  if (pix_settle_after < 0)
    return usage_error (context, _("--pix-settle-after must not be negative"));
  if (bench_servers < 0 || bench_servers > 10000 || (bench_servers > 0 && !demo))
    return usage_error (context, _("--bench-servers goes with --demo and takes 0 to 10000"));
  if (admin_token != NULL && admin_token_file != NULL)
    return usage_error (context, _("--admin-token and --admin-token-file don’t go together"));
  if (admin_token_file != NULL)
    {
      g_autoptr(GError) read_error = NULL;
      g_autofree char *message = NULL;
      gsize length;

      if (!g_file_get_contents (admin_token_file, &admin_token, &length, &read_error))
        {
          message = g_strdup_printf (_("Could not read --admin-token-file: %s"), read_error->message);
          return usage_error (context, message);
        }
      /* one line, as `echo TOKEN > FILE` writes it */
      if (memchr (admin_token, '\0', length) != NULL)
        return usage_error (context, _("--admin-token-file must hold the token alone on one line"));
      g_strchomp (admin_token);
      if (strchr (admin_token, '\n') != NULL || strchr (admin_token, '\r') != NULL ||
          !g_utf8_validate (admin_token, -1, NULL))
        return usage_error (context, _("--admin-token-file must hold the token alone on one line"));
    }
  if (admin_token != NULL && strlen (admin_token) < SAN_PORTALD_ADMIN_TOKEN_MIN)
    return usage_error (context, _("--admin-token must be at least 16 characters long"));
  if (event_buffer < 1 || event_queue < 1 || event_ping < 1 || metrics_interval < 10)
    return usage_error (context, _("--event-buffer, --event-queue and --event-ping must be positive, --metrics-interval at least 10"));

  g_date_clear (&today, 1);
  if (today_text != NULL && !san_date_parse_iso (today_text, &today))
    return usage_error (context, _("--today must be a date like 2026-12-31"));

  address = parse_listen (listen, &error);
  if (address == NULL)
    return usage_error (context, error->message);

  if (tls_cert == NULL &&
      !g_inet_address_get_is_loopback (g_inet_socket_address_get_address (address)))
    return usage_error (context,
                        _("Refusing to serve plain HTTP on a non-loopback address: "
                          "tokens and passwords would cross the network in clear text. "
                          "Listen on 127.0.0.1 or ::1, or give --tls-cert and --tls-key."));

  if (tls_cert != NULL)
    {
      certificate = g_tls_certificate_new_from_files (tls_cert, tls_key, &error);
      if (certificate == NULL)
        {
          g_printerr (_("san-portald: cannot load the TLS certificate: %s\n"), error->message);
          return EXIT_FAILURE;
        }
    }

  if (!san_portald_auth_init (&error))
    {
      g_printerr ("san-portald: %s\n", error->message);
      return EXIT_FAILURE;
    }

  db = san_portald_db_open (db_path, &error);
  if (db == NULL)
    {
      g_printerr ("san-portald: %s\n", error->message);
      return EXIT_FAILURE;
    }

  /* after the database: its folder exists then */
  if (attachments == NULL)
    attachments = g_strconcat (db_path, ".attachments", NULL);
  if (!san_portald_tickets_set_storage_dir (attachments, &error) ||
      (mail_spool != NULL && !san_portald_mail_set_spool_dir (mail_spool, &error)))
    {
      g_printerr ("san-portald: %s\n", error->message);
      return EXIT_FAILURE;
    }

  if (demo)
    {
      gboolean seeded = FALSE;
      GDate seed_day = today;

      if (!g_date_valid (&seed_day))
        san_portald_today_in_sao_paulo (&seed_day);
      if (!san_portald_demo_seed (db, &seed_day, &seeded, &error))
        {
          g_printerr ("san-portald: %s\n", error->message);
          return EXIT_FAILURE;
        }
      if (seeded && bench_servers > 0 &&
          !san_portald_status_seed_bench_servers (db, (guint) bench_servers, &error))
        {
          g_printerr ("san-portald: %s\n", error->message);
          return EXIT_FAILURE;
        }
      g_printerr (seeded ? _("san-portald: demo data seeded\n")
                         : _("san-portald: the database already has data: demo data not seeded again\n"));
    }

  /* before the URL goes out: whoever reads it may signal us at once */
  loop = g_main_loop_new (NULL, FALSE);
  sigterm_id = g_unix_signal_add (SIGTERM, on_signal_cb, loop);
  sigint_id = g_unix_signal_add (SIGINT, on_signal_cb, loop);

  server = san_portald_server_new (db, (guint) access_ttl, (guint) refresh_ttl);
  san_portald_server_set_demo (server, demo, (guint) pix_settle_after);
  if (g_date_valid (&today))
    san_portald_server_set_today (server, &today);
  san_portald_server_set_admin_token (server, admin_token);
  san_portald_events_set_limits (san_portald_server_get_events (server),
                                 (guint) event_buffer, (guint) event_queue, (guint) event_ping);
  if (demo)
    metrics = san_portald_metrics_new (db, san_portald_server_get_events (server),
                                       (guint) metrics_interval);
  url = san_portald_server_listen (server, address, certificate, &error);
  if (url == NULL)
    {
      g_printerr (_("san-portald: cannot listen on %s: %s\n"), listen, error->message);
      g_source_remove (sigterm_id);
      g_source_remove (sigint_id);
      return EXIT_FAILURE;
    }

  /* the first and only line on stdout: tests and build-aux/demo read it */
  fprintf (stdout, "%s\n", url);
  fflush (stdout);

  g_main_loop_run (loop);
  g_source_remove (sigterm_id);
  g_source_remove (sigint_id);

  g_printerr ("san-portald: stopping\n");
  g_clear_pointer (&metrics, san_portald_metrics_free);
  g_clear_pointer (&server, san_portald_server_free);
  g_clear_pointer (&db, san_portald_db_close);
  return EXIT_SUCCESS;
}
