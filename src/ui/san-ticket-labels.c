/* san-ticket-labels.c: the words and styles the Tickets section shows for tickets, messages and files
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "san-date.h"
#include "san-ticket-labels.h"

const char *
san_ticket_status_label (SanTicketStatus status)
{
  switch (status)
    {
    case SAN_TICKET_STATUS_OPEN:
      return C_("ticket status", "Open");
    case SAN_TICKET_STATUS_ANSWERED:
      return C_("ticket status", "Answered");
    case SAN_TICKET_STATUS_CUSTOMER_REPLY:
      return C_("ticket status", "Customer Reply");
    case SAN_TICKET_STATUS_ON_HOLD:
      return C_("ticket status", "On Hold");
    case SAN_TICKET_STATUS_IN_PROGRESS:
      return C_("ticket status", "In Progress");
    case SAN_TICKET_STATUS_CLOSED:
      return C_("ticket status", "Closed");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
san_ticket_status_css_class (SanTicketStatus status)
{
  switch (status)
    {
    case SAN_TICKET_STATUS_OPEN:
      return "ticket-open";
    case SAN_TICKET_STATUS_ANSWERED:
      return "ticket-answered";
    case SAN_TICKET_STATUS_CUSTOMER_REPLY:
      return "ticket-customer-reply";
    case SAN_TICKET_STATUS_ON_HOLD:
      return "ticket-on-hold";
    case SAN_TICKET_STATUS_IN_PROGRESS:
      return "ticket-in-progress";
    case SAN_TICKET_STATUS_CLOSED:
      return "ticket-closed";
    default:
      g_return_val_if_reached ("");
    }
}

const char *
san_ticket_priority_label (SanTicketPriority priority)
{
  switch (priority)
    {
    case SAN_TICKET_PRIORITY_LOW:
      return C_("ticket priority", "Low");
    case SAN_TICKET_PRIORITY_MEDIUM:
      return C_("ticket priority", "Medium");
    case SAN_TICKET_PRIORITY_HIGH:
      return C_("ticket priority", "High");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
san_ticket_priority_badge (SanTicketPriority priority)
{
  switch (priority)
    {
    case SAN_TICKET_PRIORITY_LOW:
      return C_("ticket priority badge", "Low Priority");
    case SAN_TICKET_PRIORITY_MEDIUM:
      return C_("ticket priority badge", "Medium Priority");
    case SAN_TICKET_PRIORITY_HIGH:
      return C_("ticket priority badge", "High Priority");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
san_ticket_last_author_label (SanTicketAuthorKind kind)
{
  return kind == SAN_TICKET_AUTHOR_KIND_STAFF ? _("SAN replied") : _("You replied");
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
san_ticket_format_activity (GDateTime *time,
                            GDateTime *now)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  GDate day, today;
  int days;

  g_return_val_if_fail (time != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  local = g_date_time_to_local (time);
  local_now = g_date_time_to_local (now);
  local_date (local, &day);
  local_date (local_now, &today);
  days = g_date_days_between (&day, &today);

  if (days <= 0)
    return g_date_time_format (local, "%H:%M");
  if (days == 1)
    return g_strdup (_("Yesterday"));
  if (days < 7)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", days), days);
  return san_date_format (&day);
}

char *
san_ticket_format_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *clock = NULL;
  GDate day;

  g_return_val_if_fail (time != NULL, NULL);

  local = g_date_time_to_local (time);
  local_date (local, &day);
  date = san_date_format (&day);
  clock = g_date_time_format (local, "%H:%M");
  /* Translators: a date and a time of day, like "24 Nov 2026, 14:05" */
  return g_strdup_printf (C_("date and time", "%s, %s"), date, clock);
}

char *
san_ticket_format_size (gint64 size)
{
  return g_format_size_full (MAX (size, 0), G_FORMAT_SIZE_IEC_UNITS);
}
