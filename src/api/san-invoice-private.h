/* san-invoice-private.h: building a SanInvoice from the wire
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "san-invoice.h"

G_BEGIN_DECLS

SanInvoice *san_invoice_new_from_json (JsonObject  *object,
                                       GError     **error);

G_END_DECLS
