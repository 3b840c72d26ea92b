/* san-tickets-page.h: the Tickets section: the contract's tickets, a thread, a new ticket, drafts
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "san-api.h"

G_BEGIN_DECLS

#define SAN_TYPE_TICKETS_PAGE (san_tickets_page_get_type ())
G_DECLARE_FINAL_TYPE (SanTicketsPage, san_tickets_page, SAN, TICKETS_PAGE, GtkWidget)

/* Shows @contract's data (both NULL: shows nothing) and loads it. */
void     san_tickets_page_set_contract       (SanTicketsPage *self,
                                             SanClient      *client,
                                             SanContract    *contract);
/* Loads again, keeping what is shown until the answer arrives. */
void     san_tickets_page_reload             (SanTicketsPage *self);
/* The open incidents affecting the contract (SanIncident, see
 * SanContractIncidents): the new-ticket form says SAN already knows */
void     san_tickets_page_set_incidents      (SanTicketsPage *self,
                                              GListModel     *incidents);
/* TRUE while a detail (not the list) is what a folded window shows */
gboolean san_tickets_page_get_showing_detail (SanTicketsPage *self);
/* Goes from the detail back to the list; FALSE when already there */
gboolean san_tickets_page_go_back            (SanTicketsPage *self);
/* Shows the new ticket form (with its draft, if one was kept) */
void     san_tickets_page_new_ticket         (SanTicketsPage *self);
/* Selects and shows the ticket @ticket_id (clearing the filters if they
 * hide it; once loaded if the list is still loading) */
void     san_tickets_page_show_ticket        (SanTicketsPage *self,
                                             const char     *ticket_id);

/* Properties: "showing-detail" (gboolean, read-only)
 * Signals:
 *   "load-failed" (const GError *): loading failed; what was shown stays. */

G_END_DECLS
