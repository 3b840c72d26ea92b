/* san-service-private.h: building a SanService from the wire
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "san-service.h"

G_BEGIN_DECLS

SanService *san_service_new_from_json (JsonObject  *object,
                                 GError     **error);

G_END_DECLS
