/* san-ticket-thread.h: a ticket's messages, customer and staff replies and internal notes, with their attachments
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "san-api.h"

G_BEGIN_DECLS

#define SAN_TYPE_TICKET_THREAD (san_ticket_thread_get_type ())
G_DECLARE_FINAL_TYPE (SanTicketThread, san_ticket_thread, SAN, TICKET_THREAD, GtkWidget)

SanTicketThread *san_ticket_thread_new        (void);

/* Shows @ticket's messages, oldest first (NULL: shows nothing). Messages
 * with internal=TRUE (only staff answers have them) are shown as an
 * "Internal note". The widget scrolls by itself (it is a
 * GtkScrolledWindow inside); put it where it can expand. */
void             san_ticket_thread_set_ticket (SanTicketThread *self,
                                               SanTicket       *ticket);
SanTicket       *san_ticket_thread_get_ticket (SanTicketThread *self);

/* Scrolls to the newest message (as after sending a reply) */
void             san_ticket_thread_scroll_to_end (SanTicketThread *self);

/* Properties: "ticket" (SanTicket, read-write, nullable)
 * Signals:
 *   "attachment-activated" (SanAttachment *attachment): the person clicked
 *   an attachment's button; the owner downloads and saves it (the widget
 *   does no I/O). */

G_END_DECLS
