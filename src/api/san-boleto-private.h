/* san-boleto-private.h: building a SanBoleto from the wire
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "san-boleto.h"

G_BEGIN_DECLS

SanBoleto *san_boleto_new_from_json (JsonObject  *object,
                                     GError     **error);

G_END_DECLS
