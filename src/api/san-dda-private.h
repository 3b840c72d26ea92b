/* san-dda-private.h: building a SanDda from the wire
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "san-dda.h"

G_BEGIN_DECLS

SanDda *san_dda_new_from_json (JsonObject  *object,
                               GError     **error);

G_END_DECLS
