/* san-service-pay-method-private.h: building a SanServicePayMethod from the wire
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "san-service-pay-method.h"

G_BEGIN_DECLS

SanServicePayMethod *san_service_pay_method_new_from_json (JsonObject  *object,
                                                           GError     **error);

G_END_DECLS
