/* san-status-labels.c: the words, icons and styles for live status
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "san-date.h"
#include "san-status-labels.h"

const char *
san_instance_state_label (SanInstanceState state)
{
  switch (state)
    {
    case SAN_INSTANCE_STATE_UNKNOWN:
      return C_("instance state", "Unknown");
    case SAN_INSTANCE_STATE_OPERATIONAL:
      return C_("instance state", "Operational");
    case SAN_INSTANCE_STATE_DEGRADED:
      return C_("instance state", "Degraded");
    case SAN_INSTANCE_STATE_PARTIAL_OUTAGE:
      return C_("instance state", "Partial outage");
    case SAN_INSTANCE_STATE_MAJOR_OUTAGE:
      return C_("instance state", "Major outage");
    case SAN_INSTANCE_STATE_MAINTENANCE:
      return C_("instance state", "Under maintenance");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
san_instance_state_icon_name (SanInstanceState state)
{
  switch (state)
    {
    case SAN_INSTANCE_STATE_OPERATIONAL:
      return "emblem-ok-symbolic";
    case SAN_INSTANCE_STATE_DEGRADED:
      return "dialog-warning-symbolic";
    case SAN_INSTANCE_STATE_PARTIAL_OUTAGE:
      return "emblem-important-symbolic";
    case SAN_INSTANCE_STATE_MAJOR_OUTAGE:
      return "dialog-error-symbolic";
    case SAN_INSTANCE_STATE_MAINTENANCE:
      return "applications-engineering-symbolic";
    case SAN_INSTANCE_STATE_UNKNOWN:
    default:
      return "dialog-question-symbolic";
    }
}

const char *
san_instance_state_css_class (SanInstanceState state)
{
  switch (state)
    {
    case SAN_INSTANCE_STATE_OPERATIONAL:
      return "status-operational";
    case SAN_INSTANCE_STATE_DEGRADED:
      return "status-degraded";
    case SAN_INSTANCE_STATE_PARTIAL_OUTAGE:
      return "status-partial-outage";
    case SAN_INSTANCE_STATE_MAJOR_OUTAGE:
      return "status-major-outage";
    case SAN_INSTANCE_STATE_MAINTENANCE:
      return "status-maintenance";
    case SAN_INSTANCE_STATE_UNKNOWN:
    default:
      return "status-unknown";
    }
}

int
san_instance_state_severity (SanInstanceState state)
{
  switch (state)
    {
    case SAN_INSTANCE_STATE_MAINTENANCE:
      return 1;
    case SAN_INSTANCE_STATE_DEGRADED:
      return 2;
    case SAN_INSTANCE_STATE_PARTIAL_OUTAGE:
      return 3;
    case SAN_INSTANCE_STATE_MAJOR_OUTAGE:
      return 4;
    case SAN_INSTANCE_STATE_UNKNOWN:
    case SAN_INSTANCE_STATE_OPERATIONAL:
    default:
      return 0;
    }
}

const char *
san_incident_impact_label (SanIncidentImpact impact)
{
  switch (impact)
    {
    case SAN_INCIDENT_IMPACT_NONE:
      return C_("incident impact", "No impact");
    case SAN_INCIDENT_IMPACT_MINOR:
      return C_("incident impact", "Minor impact");
    case SAN_INCIDENT_IMPACT_MAJOR:
      return C_("incident impact", "Major impact");
    case SAN_INCIDENT_IMPACT_CRITICAL:
      return C_("incident impact", "Critical impact");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
san_incident_impact_icon_name (SanIncidentImpact impact)
{
  switch (impact)
    {
    case SAN_INCIDENT_IMPACT_MINOR:
      return "dialog-warning-symbolic";
    case SAN_INCIDENT_IMPACT_MAJOR:
      return "emblem-important-symbolic";
    case SAN_INCIDENT_IMPACT_CRITICAL:
      return "dialog-error-symbolic";
    case SAN_INCIDENT_IMPACT_NONE:
    default:
      return "dialog-information-symbolic";
    }
}

const char *
san_incident_impact_css_class (SanIncidentImpact impact)
{
  switch (impact)
    {
    case SAN_INCIDENT_IMPACT_MINOR:
      return "status-impact-minor";
    case SAN_INCIDENT_IMPACT_MAJOR:
      return "status-impact-major";
    case SAN_INCIDENT_IMPACT_CRITICAL:
      return "status-impact-critical";
    case SAN_INCIDENT_IMPACT_NONE:
    default:
      return "status-impact-none";
    }
}

const char *
san_incident_status_label (SanIncidentStatus status)
{
  switch (status)
    {
    case SAN_INCIDENT_STATUS_INVESTIGATING:
      return C_("incident status", "Investigating");
    case SAN_INCIDENT_STATUS_IDENTIFIED:
      return C_("incident status", "Identified");
    case SAN_INCIDENT_STATUS_MONITORING:
      return C_("incident status", "Monitoring");
    case SAN_INCIDENT_STATUS_RESOLVED:
      return C_("incident status", "Resolved");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
san_incident_status_icon_name (SanIncidentStatus status)
{
  switch (status)
    {
    case SAN_INCIDENT_STATUS_INVESTIGATING:
      return "edit-find-symbolic";
    case SAN_INCIDENT_STATUS_IDENTIFIED:
      return "system-run-symbolic";
    case SAN_INCIDENT_STATUS_MONITORING:
      return "view-reveal-symbolic";
    case SAN_INCIDENT_STATUS_RESOLVED:
    default:
      return "emblem-ok-symbolic";
    }
}

const char *
san_incident_status_css_class (SanIncidentStatus status)
{
  switch (status)
    {
    case SAN_INCIDENT_STATUS_INVESTIGATING:
      return "status-incident-investigating";
    case SAN_INCIDENT_STATUS_IDENTIFIED:
      return "status-incident-identified";
    case SAN_INCIDENT_STATUS_MONITORING:
      return "status-incident-monitoring";
    case SAN_INCIDENT_STATUS_RESOLVED:
    default:
      return "status-incident-resolved";
    }
}

char *
san_status_summary (guint n_open_incidents)
{
  if (n_open_incidents == 0)
    return g_strdup (_("All systems operational"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u open incident affects your services",
                                       "%u open incidents affect your services",
                                       n_open_incidents),
                          n_open_incidents);
}

const char *
san_status_reassurance (void)
{
  return _("SAN’s team is on it; you don’t need to do anything.");
}

static void
local_date (GDateTime *time,
            GDate     *out)
{
  int year, month, day;

  g_date_time_get_ymd (time, &year, &month, &day);
  g_date_clear (out, 1);
  g_date_set_dmy (out, day, month, year);
}

char *
san_status_format_time (GDateTime *time,
                        GDateTime *now)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *clock = NULL;
  GDate day;

  g_return_val_if_fail (time != NULL, NULL);

  local = g_date_time_to_local (time);
  local_date (local, &day);
  clock = g_date_time_format (local, "%H:%M");
  if (now != NULL)
    {
      g_autoptr(GDateTime) local_now = g_date_time_to_local (now);
      GDate today;

      local_date (local_now, &today);
      if (g_date_compare (&day, &today) == 0)
        return g_steal_pointer (&clock);
    }
  date = san_date_format (&day);
  /* Translators: a date and a time of day, like "24 Nov 2026, 14:05" */
  return g_strdup_printf (C_("date and time", "%s, %s"), date, clock);
}

char *
san_status_format_since (GDateTime *time,
                         GDateTime *now)
{
  g_autofree char *when = san_status_format_time (time, now);

  /* Translators: since when an instance is in its state: "Since 14:05" or
   * "Since 24 Nov 2026, 14:05" */
  return g_strdup_printf (_("Since %s"), when);
}

char *
san_status_format_uptime (gint64 uptime_s)
{
  gint64 days = MAX (uptime_s, 0) / 86400;
  gint64 hours = (MAX (uptime_s, 0) % 86400) / 3600;
  gint64 minutes = (MAX (uptime_s, 0) % 3600) / 60;

  if (days > 0)
    {
      g_autofree char *d = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", days),
                                            (int) days);
      /* Translators: an uptime: "Up 12 days, 3 h" */
      return g_strdup_printf (_("Up %s, %d h"), d, (int) hours);
    }
  if (hours > 0)
    /* Translators: an uptime: "Up 3 h, 20 min" */
    return g_strdup_printf (_("Up %d h, %d min"), (int) hours, (int) minutes);
  /* Translators: an uptime: "Up 5 min" */
  return g_strdup_printf (_("Up %d min"), (int) minutes);
}

char *
san_status_format_rate (double bytes_per_s)
{
  g_autofree char *size = g_format_size ((guint64) MAX (bytes_per_s, 0));

  /* Translators: a network rate: "1.2 MB/s" */
  return g_strdup_printf (_("%s/s"), size);
}

char *
san_status_format_percent (double pct)
{
  /* Translators: a percentage: "43%" */
  return g_strdup_printf (_("%.0f%%"), CLAMP (pct, 0, 100));
}
