/* san-ticket-message.h: one message of a ticket's thread
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "san-attachment.h"
#include "san-enums.h"

G_BEGIN_DECLS

#define SAN_TYPE_TICKET_MESSAGE (san_ticket_message_get_type ())
G_DECLARE_FINAL_TYPE (SanTicketMessage, san_ticket_message, SAN, TICKET_MESSAGE, GObject)

/* Properties (read-only): "id", "author-kind" (SAN_TYPE_TICKET_AUTHOR_KIND),
 * "author-name", "body", "created-at" (GDateTime), "internal" (boolean),
 * "attachments" (GListModel). Getters return values owned by the message,
 * never NULL. */

const char          *san_ticket_message_get_id          (SanTicketMessage *self);
SanTicketAuthorKind  san_ticket_message_get_author_kind (SanTicketMessage *self);
/* "Ana Souza", or for SAN "Marina Costa (SAN)"; may be empty */
const char          *san_ticket_message_get_author_name (SanTicketMessage *self);
/* Plain text as written (may hold newlines); never markup */
const char          *san_ticket_message_get_body        (SanTicketMessage *self);
/* In UTC: convert with g_date_time_to_local() (or san-date) to show */
GDateTime           *san_ticket_message_get_created_at  (SanTicketMessage *self);
/* TRUE only for a staff internal note (only ever in staff answers:
 * customers never see them) */
gboolean             san_ticket_message_get_internal    (SanTicketMessage *self);
/* A GListModel of SanAttachment, possibly empty */
GListModel          *san_ticket_message_get_attachments (SanTicketMessage *self);

G_END_DECLS
