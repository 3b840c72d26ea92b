/* san-contract-private.h: building a SanContract from the wire
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "san-contract.h"

G_BEGIN_DECLS

SanContract *san_contract_new_from_json (JsonObject  *object,
                                 GError     **error);

G_END_DECLS
