/* san-instance-private.h: building a SanInstance from the wire
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "san-instance.h"

G_BEGIN_DECLS

SanInstance *san_instance_new_from_json (JsonObject  *object,
                                 GError     **error);

G_END_DECLS
