/* san-ticket-message-private.h: building a SanTicketMessage from the wire
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "san-ticket-message.h"

G_BEGIN_DECLS

/* With @staff, "internal" is required; without, it may be absent or false */
SanTicketMessage *san_ticket_message_new_from_json (JsonObject  *object,
                                                    gboolean     staff,
                                                    GError     **error);

G_END_DECLS
