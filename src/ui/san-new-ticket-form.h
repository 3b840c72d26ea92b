/* san-new-ticket-form.h: opening a ticket: department, service, priority, subject, message and files
 *
 * What is typed is a draft (san-drafts.h), one per user and contract, kept
 * as it is typed, restored when the form opens again (also after a
 * restart) and deleted only once the server opened the ticket. A failed
 * send keeps the form as it is and offers Retry; the server's field errors
 * show next to the fields.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "san-api.h"
#include "san-ticket-attachments.h"

G_BEGIN_DECLS

#define SAN_TYPE_NEW_TICKET_FORM (san_new_ticket_form_get_type ())
G_DECLARE_FINAL_TYPE (SanNewTicketForm, san_new_ticket_form, SAN, NEW_TICKET_FORM, GtkWidget)

/* Where the ticket goes; @services (nullable, of SanService) are the
 * contract's, offered as the related service */
void                  san_new_ticket_form_set_context      (SanNewTicketForm *self,
                                                            SanClient        *client,
                                                            SanContract      *contract,
                                                            GListModel       *services);
/* The form is shown: loads the departments (once) and brings back the draft */
void                  san_new_ticket_form_start            (SanNewTicketForm *self);
SanTicketAttachments *san_new_ticket_form_get_attachments  (SanNewTicketForm *self);
char                 *san_new_ticket_form_dup_body         (SanNewTicketForm *self);
void                  san_new_ticket_form_set_body         (SanNewTicketForm *self,
                                                            const char       *body);
/* TRUE while the draft waits to be written, or is written */
gboolean              san_new_ticket_form_get_draft_saving (SanNewTicketForm *self);
/* TRUE once the departments are there (and a draft, if any, is back) */
gboolean              san_new_ticket_form_get_ready        (SanNewTicketForm *self);

/* The open incidents affecting the contract (SanIncident, see
 * SanContractIncidents), shown above the form: SAN already knows */
void                  san_new_ticket_form_set_incidents    (SanNewTicketForm *self,
                                                            GListModel       *incidents);

/* Signals:
 *   "opened" (SanTicket *ticket): the server opened it (with its thread)
 *   "cancelled" (void): the person left the form (the draft stays) */

G_END_DECLS
