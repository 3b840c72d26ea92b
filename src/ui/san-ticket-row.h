/* san-ticket-row.h: one ticket in the Tickets list: subject, number, department, who spoke last, last activity and a status badge
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "san-api.h"

G_BEGIN_DECLS

#define SAN_TYPE_TICKET_ROW (san_ticket_row_get_type ())
G_DECLARE_FINAL_TYPE (SanTicketRow, san_ticket_row, SAN, TICKET_ROW, GtkWidget)

GtkWidget *san_ticket_row_new        (void);
SanTicket *san_ticket_row_get_ticket (SanTicketRow *self);
/* Shows @ticket (NULL: empty) */
void       san_ticket_row_set_ticket (SanTicketRow *self,
                                      SanTicket    *ticket);

/* Properties: "ticket" (SanTicket, read-write) */

G_END_DECLS
