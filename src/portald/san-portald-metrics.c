/* san-portald-metrics.c: the simulated metrics of the customers' own servers
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * This reference server has no real servers to measure: a server's metrics
 * are a pure function of its service id and the time, so the last hour's
 * history a GET answers and the live samples published every interval tell
 * the same story, across restarts too. Each server gets its own character
 * from a hash of its id (how busy, how much memory, its disk, its traffic,
 * how many cores, how often it is rebooted); on top of that a daily curve
 * (busiest in the São Paulo afternoon, quiet at night), a smooth short-term
 * wander (value noise over 5-minute and 30-second knots) and a little jitter
 * per second, all bounded. Memory and load follow the CPU, outbound traffic
 * the inbound, the disk fills slowly between reboots (logs and caches are
 * cleaned at boot), and the uptime counts from the last reboot.
 */
#define G_LOG_DOMAIN "san-portald"

#include "config.h"

#include "san-portald-status-private.h"
#include "san-portald-status.h"

#define DAY_S           (24 * 60 * 60)
#define SAO_PAULO_OFFSET_S (-3 * 60 * 60)

struct _SanPortaldMetrics
{
  SanPortaldDb     *db;
  SanPortaldEvents *events;
  guint             tick_id;
};

/* The generator */

/* Without libm: floor and round for the magnitudes here */
static double
floor_d (double x)
{
  double i = (double) (gint64) x;

  return i > x ? i - 1 : i;
}

static double
round_d (double x)
{
  return floor_d (x + 0.5);
}

static guint64
mix (guint64 x)
{
  /* splitmix64's finalizer */
  x += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  x = (x ^ (x >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  x = (x ^ (x >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return x ^ (x >> 31);
}

/* A number in [0, 1) for (@id, @channel, @k) */
static double
hash01 (gint64  id,
        guint   channel,
        gint64  k)
{
  guint64 h = mix (mix ((guint64) id * 1000003u + channel) ^ (guint64) k);

  return (double) (h >> 11) / (double) (G_GUINT64_CONSTANT (1) << 53);
}

/* Smooth noise in [-1, 1]: hashed values at knots @period_s apart, eased between */
static double
wander (gint64  id,
        guint   channel,
        double  t,
        double  period_s)
{
  double x = t / period_s;
  double k = floor_d (x);
  double f = x - k;
  double a = hash01 (id, channel, (gint64) k) * 2 - 1;
  double b = hash01 (id, channel, (gint64) k + 1) * 2 - 1;

  f = f * f * (3 - 2 * f);
  return a + (b - a) * f;
}

/* The daily curve in [0, 1]: lowest at 04:00 in São Paulo, highest at
 * 16:00, eased like a cosine (a smoothstep of a triangle wave) */
static double
daily (gint64 second)
{
  gint64 local = ((second + SAO_PAULO_OFFSET_S - 4 * 3600) % DAY_S + DAY_S) % DAY_S;
  double phase = (double) local / DAY_S;
  double triangle = phase < 0.5 ? 2 * phase : 2 - 2 * phase;

  return triangle * triangle * (3 - 2 * triangle);
}

static double
clamp (double value,
       double low,
       double high)
{
  return CLAMP (value, low, high);
}

/* One decimal, as a monitoring agent would report */
static double
tenths (double value)
{
  return round_d (value * 10) / 10;
}

static char *
format_time (gint64 time_ms)
{
  g_autoptr(GDateTime) instant = g_date_time_new_from_unix_utc (time_ms / 1000);
  g_autofree char *seconds = g_date_time_format (instant, "%Y-%m-%dT%H:%M:%S");

  if (time_ms % 1000 == 0)
    return g_strconcat (seconds, "Z", NULL);
  return g_strdup_printf ("%s.%03dZ", seconds, (int) (time_ms % 1000));
}

JsonObject *
san_portald_metrics_sample (gint64 service_id,
                            gint64 time_ms)
{
  JsonObject *sample = json_object_new ();
  g_autofree char *time_text = format_time (time_ms);
  double t = (double) time_ms / 1000;
  gint64 second = time_ms / 1000;
  /* the server's character */
  double cpu_base = 6 + 30 * hash01 (service_id, 1, 0);
  double mem_base = 25 + 35 * hash01 (service_id, 2, 0);
  double disk_base = 20 + 45 * hash01 (service_id, 3, 0);
  double net_base = 2e5 + 3e6 * hash01 (service_id, 4, 0);     /* bytes per second inbound */
  double out_ratio = 1.5 + 2.5 * hash01 (service_id, 5, 0);     /* web servers send more */
  double cores = 2 + floor_d (7 * hash01 (service_id, 6, 0));
  gint64 reboot_every = (gint64) (20 + floor_d (70 * hash01 (service_id, 7, 0))) * DAY_S;
  gint64 reboot_phase = (gint64) floor_d (hash01 (service_id, 8, 0) * (double) reboot_every);
  /* the moment */
  gint64 uptime = (second + reboot_phase) % reboot_every;
  double day = daily (second);
  double busy = 0.35 + 0.9 * day + 0.25 * wander (service_id, 10, t, 300) + 0.1 * wander (service_id, 11, t, 30);
  double jitter = hash01 (service_id, 12, second) * 2 - 1;
  double cpu = clamp (cpu_base * busy + 2 * jitter, 0.5, 99);
  double mem = clamp (mem_base + 0.35 * cpu + 3 * wander (service_id, 13, t, 600) + 0.3 * jitter, 5, 97);
  double disk = clamp (disk_base + 0.04 * ((double) uptime / DAY_S) + 0.05 * wander (service_id, 14, t, 900),
                       1, 98);
  double net_in = net_base * clamp (0.15 + 0.85 * day + 0.3 * wander (service_id, 15, t, 120) + 0.05 * jitter,
                                    0.05, 2);
  double net_out = net_in * out_ratio * (0.9 + 0.2 * hash01 (service_id, 16, second));
  double load1 = cores * cpu / 100 * (0.85 + 0.3 * hash01 (service_id, 17, second));

  json_object_set_string_member (sample, "time", time_text);
  json_object_set_double_member (sample, "cpu_pct", tenths (cpu));
  json_object_set_double_member (sample, "mem_pct", tenths (mem));
  json_object_set_double_member (sample, "disk_pct", tenths (disk));
  json_object_set_double_member (sample, "net_in_bps", round_d (net_in));
  json_object_set_double_member (sample, "net_out_bps", round_d (net_out));
  json_object_set_double_member (sample, "load1", round_d (load1 * 100) / 100);
  json_object_set_int_member (sample, "uptime_s", uptime);
  return sample;
}

/* The live samples */

static gboolean
on_tick_cb (gpointer user_data)
{
  SanPortaldMetrics *self = user_data;
  g_autoptr(GArray) pairs = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now_ms = g_get_real_time () / 1000;

  if (!san_portald_status_db_running_servers (self->db, &pairs, &error))
    {
      g_warning ("Could not publish the servers' metrics: %s", error->message);
      return G_SOURCE_CONTINUE;
    }
  for (guint i = 0; i + 1 < pairs->len; i += 2)
    {
      gint64 service_id = g_array_index (pairs, gint64, i);
      gint64 contract_id = g_array_index (pairs, gint64, i + 1);

      san_portald_events_publish_metrics (self->events, contract_id, service_id,
                                          san_portald_metrics_sample (service_id, now_ms));
    }
  return G_SOURCE_CONTINUE;
}

SanPortaldMetrics *
san_portald_metrics_new (SanPortaldDb     *db,
                         SanPortaldEvents *events,
                         guint             interval_ms)
{
  SanPortaldMetrics *self;

  g_return_val_if_fail (interval_ms > 0, NULL);

  self = g_new0 (SanPortaldMetrics, 1);
  self->db = db;
  self->events = events;
  self->tick_id = g_timeout_add (interval_ms, on_tick_cb, self);
  return self;
}

void
san_portald_metrics_free (SanPortaldMetrics *self)
{
  if (self == NULL)
    return;
  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_free (self);
}
