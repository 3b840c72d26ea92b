/* app-bench.c: the app's cost of live metrics from many servers
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage (under an X server, inside a session bus: bench/run-app-bench does
 * both): app-bench [SERVERS [SECONDS]]   (default 200 servers, 60 s)
 *
 * Starts san-portald --demo --bench-servers SERVERS (Padaria then has
 * SERVERS more cloud servers, each publishing a metrics sample every
 * second), runs the real app in this process, signs in as the demo user,
 * selects Padaria and measures, for SECONDS each:
 *   1. the Status section shown (every server's live panel on the page);
 *   2. the Overview shown (the Status page hidden: it stores samples but
 *      must not draw them).
 * Prints this process's CPU time (user + system, getrusage) in each phase,
 * the metrics samples published in it (counted on a second stream of this
 * process's own, which costs its share of the CPU too), the frames the
 * window drew, and the peak resident memory (VmHWM). san-portald runs in its own process and is not
 * counted.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include <adwaita.h>

#include "san-api.h"
#include "san-status-page.h"
#include "san-test-server.h"
#include "ui-test-helpers.h"

#define PADARIA "Padaria Pão Quente Ltda"

typedef struct
{
  const char *url;
  guint       seconds;
  guint       servers;
} Bench;

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

/* "VmHWM:  123456 kB" from /proc/self/status, in MiB */
static double
proc_status_mib (const char *field)
{
  g_autofree char *text = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &text, NULL, NULL))
    return -1;
  line = strstr (text, field);
  if (line == NULL)
    return -1;
  return g_ascii_strtod (line + strlen (field) + 1, NULL) / 1024.0;
}

static guint n_samples;

static void
on_stream_event_cb (SanEventStream *stream,
                    SanEvent       *event,
                    gpointer        user_data)
{
  if (san_event_get_event_type (event) == SAN_EVENT_TYPE_METRICS)
    n_samples++;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   guint         *frames)
{
  (*frames)++;
}

static void
measure (GtkWindow  *window,
         const char *what,
         guint       seconds)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  double cpu = cpu_seconds ();
  gint64 start = g_get_monotonic_time ();
  guint samples = n_samples;
  guint frames = 0;
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &frames);
  double wall;

  ui_wait_ms (seconds * 1000);
  g_signal_handler_disconnect (clock, handler);
  wall = (g_get_monotonic_time () - start) / 1e6;
  cpu = cpu_seconds () - cpu;
  printf ("%-34s %6.2f s CPU in %5.1f s (%4.1f%% of one core), %u samples received, %u frames drawn\n",
          what, cpu, wall, 100.0 * cpu / wall, n_samples - samples, frames);
}

static void
bench_body (SanApplication *app,
            GtkWindow      *window,
            gpointer        user_data)
{
  Bench *bench = user_data;
  g_autoptr(SanClient) client = NULL;
  g_autoptr(SanEventStream) stream = NULL;

  ui_sign_in (window, bench->url, "demo@example.com", "demo-1234", 60);
  ui_select_contract (window, PADARIA);
  ui_select_section (window, "status_row");
  ui_wait_stack_page (ui_find (GTK_WIDGET (window), "status_page"), "main_stack", "content", 60);

  /* a second stream, only to count what arrives (the app has its own) */
  client = ui_signed_in_client (bench->url, "demo@example.com", "demo-1234");
  stream = san_event_stream_new (client);
  g_signal_connect (stream, "event", G_CALLBACK (on_stream_event_cb), NULL);
  san_event_stream_start (stream);

  printf ("rss after sign-in and the Status section: %.1f MiB\n", proc_status_mib ("VmRSS:"));
  ui_wait_ms (3000);   /* the panels fill */
  measure (window, "Status section shown:", bench->seconds);
  ui_screenshot (window, "bench-status");

  ui_select_section (window, "overview_row");
  ui_wait_ms (1000);

  measure (window, "Overview shown (Status hidden):", bench->seconds);
  printf ("peak resident memory (VmHWM): %.1f MiB\n", proc_status_mib ("VmHWM:"));

  san_event_stream_stop (stream);
  gtk_window_destroy (window);
}

int
main (int    argc,
      char **argv)
{
  Bench bench = { NULL, 60, 200 };
  g_autofree char *servers = NULL;
  g_autoptr(SanTestServer) server = NULL;

  ui_test_init (&argc, &argv);
  if (argc > 1)
    bench.servers = (guint) atoi (argv[1]);
  if (argc > 2)
    bench.seconds = (guint) atoi (argv[2]);
  if (bench.servers == 0 || bench.seconds == 0)
    {
      g_printerr ("usage: app-bench [SERVERS [SECONDS]]\n");
      return 2;
    }

  servers = g_strdup_printf ("%u", bench.servers);
  server = san_test_server_start (TRUE, (const char *[]) { "--bench-servers", servers,
                                                           "--metrics-interval", "1000", NULL });
  bench.url = san_test_server_get_url (server);
  printf ("== app with %u more cloud servers on Padaria (1 sample/s each), %u s per phase\n",
          bench.servers, bench.seconds);
  ui_run_app (bench.url, bench_body, &bench);
  return 0;
}
