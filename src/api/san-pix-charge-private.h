/* san-pix-charge-private.h: building a SanPixCharge from the wire
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "san-pix-charge.h"

G_BEGIN_DECLS

SanPixCharge *san_pix_charge_new_from_json (JsonObject  *object,
                                            GError     **error);

G_END_DECLS
