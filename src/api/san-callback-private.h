/* san-callback-private.h: building a SanCallback from the wire
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "san-callback.h"

G_BEGIN_DECLS

SanCallback *san_callback_new_from_json (JsonObject  *object,
                                         GError     **error);

G_END_DECLS
