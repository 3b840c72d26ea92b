/* san-user-private.h: building a SanUser from the wire
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "san-user.h"

G_BEGIN_DECLS

SanUser *san_user_new_from_json (JsonObject  *object,
                                 GError     **error);

G_END_DECLS
