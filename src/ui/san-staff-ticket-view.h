/* san-staff-ticket-view.h: the staff desk's view of one ticket: header and
 * status, the thread with internal notes, and the reply box
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "san-api.h"

G_BEGIN_DECLS

#define SAN_TYPE_STAFF_TICKET_VIEW (san_staff_ticket_view_get_type ())
G_DECLARE_FINAL_TYPE (SanStaffTicketView, san_staff_ticket_view, SAN, STAFF_TICKET_VIEW, GtkWidget)

/* Works through @client (NULL: shows nothing). What was typed leaves the
 * screen and stays on disk as the last user's draft. */
void       san_staff_ticket_view_set_client      (SanStaffTicketView *self,
                                                  SanClient          *client);
/* Loads and shows the ticket @ticket_id with its whole thread (NULL: none),
 * and puts its draft, if any, in the reply box in the mode it was written
 * in. What was typed for the previous ticket is saved for when it comes
 * back (san-drafts.h: on disk, across restarts). */
void       san_staff_ticket_view_show_ticket     (SanStaffTicketView *self,
                                                  const char         *ticket_id);
/* Loads the shown ticket again */
void       san_staff_ticket_view_reload          (SanStaffTicketView *self);
/* The id asked for with show_ticket(), or NULL */
const char *san_staff_ticket_view_get_ticket_id  (SanStaffTicketView *self);
/* The loaded ticket (with its messages), or NULL while loading */
SanTicket *san_staff_ticket_view_get_ticket      (SanStaffTicketView *self);
/* Downloads @attachment of the shown ticket into @file, asynchronously; a
 * toast tells how it went (the file chooser calls this) */
void       san_staff_ticket_view_save_attachment (SanStaffTicketView *self,
                                                  SanAttachment      *attachment,
                                                  GFile              *file);
/* Adds @file to the files the next message sends */
void       san_staff_ticket_view_add_file        (SanStaffTicketView *self,
                                                  GFile              *file);
/* TRUE while what was typed is not yet on disk */
gboolean   san_staff_ticket_view_get_draft_saving (SanStaffTicketView *self);

/* Signals:
 *   "ticket-changed" (SanTicket *): the server answered a reply, a note or a
 *   status change with this ticket (the queue updates its row) */

G_END_DECLS
