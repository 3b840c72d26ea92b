/* san-staff-ticket-row.h: one ticket in the staff queue
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "san-api.h"

G_BEGIN_DECLS

#define SAN_TYPE_STAFF_TICKET_ROW (san_staff_ticket_row_get_type ())
G_DECLARE_FINAL_TYPE (SanStaffTicketRow, san_staff_ticket_row, SAN, STAFF_TICKET_ROW, GtkWidget)

GtkWidget *san_staff_ticket_row_new        (void);
SanTicket *san_staff_ticket_row_get_ticket (SanStaffTicketRow *self);
void       san_staff_ticket_row_set_ticket (SanStaffTicketRow *self,
                                            SanTicket         *ticket);

G_END_DECLS
