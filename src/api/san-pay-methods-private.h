/* san-pay-methods-private.h: building a SanPayMethods from the wire
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "san-pay-methods.h"

G_BEGIN_DECLS

SanPayMethods *san_pay_methods_new_from_json (JsonObject  *object,
                                              GError     **error);

G_END_DECLS
