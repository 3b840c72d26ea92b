/* san-ticket-labels.h: the words and styles the Tickets section shows for tickets, messages and files
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "san-api.h"

G_BEGIN_DECLS

/* "Open", "Answered", "Customer Reply", "On Hold", "In Progress", "Closed" */
const char *san_ticket_status_label         (SanTicketStatus    status);
/* A status badge's class: "ticket-open", "ticket-answered", ... */
const char *san_ticket_status_css_class     (SanTicketStatus    status);
/* "Low", "Medium", "High" */
const char *san_ticket_priority_label       (SanTicketPriority  priority);
/* "High Priority": a badge's whole text (languages order it differently) */
const char *san_ticket_priority_badge       (SanTicketPriority  priority);
/* Who spoke last, as the customer reads it: "SAN replied" or "You replied" */
const char *san_ticket_last_author_label    (SanTicketAuthorKind kind);
/* The last activity in a list, in the user's time zone, next to @now: the
 * time today ("14:05"), "Yesterday", "3 days ago" within a week, else
 * the date ("24 Nov 2026"; pt_BR "24/11/2026") */
char       *san_ticket_format_activity      (GDateTime         *time,
                                             GDateTime         *now);
/* A message's moment in the user's time zone: "24 Nov 2026, 14:05" */
char       *san_ticket_format_time          (GDateTime         *time);
/* A file's size: "1.2 MiB" (the limits are in MiB too) */
char       *san_ticket_format_size          (gint64             size);

G_END_DECLS
