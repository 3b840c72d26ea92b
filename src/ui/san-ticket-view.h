/* san-ticket-view.h: one ticket of the Tickets section: its header, its thread, the reply box and Close Ticket
 *
 * The reply being written is a draft (san-drafts.h): kept on disk as it is
 * typed, brought back when the ticket is shown again (also after a
 * restart), deleted only once the server took the reply. A failed send
 * keeps the text and files and offers Retry.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "san-api.h"

G_BEGIN_DECLS

#define SAN_TYPE_TICKET_VIEW (san_ticket_view_get_type ())
G_DECLARE_FINAL_TYPE (SanTicketView, san_ticket_view, SAN, TICKET_VIEW, GtkWidget)

/* Where tickets come from: @services (nullable, of SanService) names a
 * ticket's related service. Forgets the ticket shown. */
void        san_ticket_view_set_context      (SanTicketView *self,
                                              SanClient     *client,
                                              SanContract   *contract,
                                              GListModel    *services);
/* Shows @ticket (a list item is enough: the thread is loaded) and its
 * draft; NULL shows nothing */
void        san_ticket_view_show_ticket      (SanTicketView *self,
                                              SanTicket     *ticket);
/* The ticket shown (with its messages once loaded), or NULL */
SanTicket  *san_ticket_view_get_ticket       (SanTicketView *self);
/* Loads the thread again */
void        san_ticket_view_reload           (SanTicketView *self);
/* Downloads @attachment of the ticket shown and writes it to @file (what
 * the save dialog does once a file is chosen) */
void        san_ticket_view_save_attachment  (SanTicketView *self,
                                              SanAttachment *attachment,
                                              GFile         *file);
/* The reply box's text */
char       *san_ticket_view_dup_reply_text   (SanTicketView *self);
void        san_ticket_view_set_reply_text   (SanTicketView *self,
                                              const char    *text);
/* TRUE while the draft of the reply waits to be written, or is written */
gboolean    san_ticket_view_get_draft_saving (SanTicketView *self);

/* Signals:
 *   "ticket-updated" (SanTicket *ticket): a reply or close changed it
 *     (the whole ticket, with its thread) */

G_END_DECLS
