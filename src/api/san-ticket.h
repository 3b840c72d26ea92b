/* san-ticket.h: one support ticket (chamado), with its thread when read whole
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "san-enums.h"
#include "san-ticket-message.h"

G_BEGIN_DECLS

#define SAN_TYPE_TICKET (san_ticket_get_type ())
G_DECLARE_FINAL_TYPE (SanTicket, san_ticket, SAN, TICKET, GObject)

/* Properties (read-only): "id", "contract-id", "contract-name", "number",
 * "department-id", "department-name", "service-id", "priority"
 * (SAN_TYPE_TICKET_PRIORITY), "subject", "status" (SAN_TYPE_TICKET_STATUS),
 * "created-at", "updated-at" (GDateTime), "last-message-author"
 * (SAN_TYPE_TICKET_AUTHOR_KIND), "message-count" (uint), "messages"
 * (GListModel). Values are owned by the ticket. */

const char          *san_ticket_get_id                  (SanTicket *self);
const char          *san_ticket_get_contract_id         (SanTicket *self);
/* The contract's name: only in the staff calls' tickets (the queue spans
 * contracts); NULL in a customer's */
const char          *san_ticket_get_contract_name       (SanTicket *self);
/* "#2026-0042": what the customer and SAN call it */
const char          *san_ticket_get_number              (SanTicket *self);
const char          *san_ticket_get_department_id       (SanTicket *self);
/* "Suporte Técnico" */
const char          *san_ticket_get_department_name     (SanTicket *self);
/* The related service; NULL when none */
const char          *san_ticket_get_service_id          (SanTicket *self);
SanTicketPriority    san_ticket_get_priority            (SanTicket *self);
const char          *san_ticket_get_subject             (SanTicket *self);
SanTicketStatus      san_ticket_get_status              (SanTicket *self);
/* UTC; never NULL */
GDateTime           *san_ticket_get_created_at          (SanTicket *self);
/* The last activity (UTC); never NULL */
GDateTime           *san_ticket_get_updated_at          (SanTicket *self);
/* Who wrote the last message (public messages: a staff internal note does
 * not count) */
SanTicketAuthorKind  san_ticket_get_last_message_author (SanTicket *self);
/* Messages in the thread (as the server counts them for this reader) */
guint                san_ticket_get_message_count       (SanTicket *self);
/* A GListModel of SanTicketMessage, oldest first. Filled in tickets read
 * whole (get, open, reply, close, staff get/reply/set-status); EMPTY for
 * the items of a list. Never NULL. */
GListModel          *san_ticket_get_messages            (SanTicket *self);

G_END_DECLS
