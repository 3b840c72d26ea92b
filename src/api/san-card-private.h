/* san-card-private.h: building a SanCard from the wire
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "san-card.h"

G_BEGIN_DECLS

SanCard *san_card_new_from_json (JsonObject  *object,
                                 GError     **error);

G_END_DECLS
