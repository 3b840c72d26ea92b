/* san-support-level-private.h: building a SanSupportLevel from the wire
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "san-support-level.h"

G_BEGIN_DECLS

SanSupportLevel *san_support_level_new_from_json (JsonObject  *object,
                                                  GError     **error);

G_END_DECLS
