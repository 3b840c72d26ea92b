/* san-me-private.h: building a SanMe from the wire
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "san-me.h"

G_BEGIN_DECLS

SanMe *san_me_new_from_json (JsonObject  *object,
                             GError     **error);

G_END_DECLS
