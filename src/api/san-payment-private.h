/* san-payment-private.h: building a SanPayment from the wire
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "san-payment.h"

G_BEGIN_DECLS

SanPayment *san_payment_new_from_json (JsonObject  *object,
                                       GError     **error);

G_END_DECLS
