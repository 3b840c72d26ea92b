/* san-ticket-private.h: building a SanTicket from the wire
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "san-ticket.h"

G_BEGIN_DECLS

/* A Ticket, or with @detail a TicketDetail (its "messages", at least one).
 * With @staff, the staff routes' shape: "contract" {id, name} is required
 * and every message says whether it is "internal"; without, an internal
 * message is malformed. */
SanTicket *san_ticket_new_from_json (JsonObject  *object,
                                     gboolean     staff,
                                     gboolean     detail,
                                     GError     **error);

G_END_DECLS
