/* san-invoice-item-private.h: building a SanInvoiceItem from the wire
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "san-invoice-item.h"

G_BEGIN_DECLS

SanInvoiceItem *san_invoice_item_new_from_json (JsonObject  *object,
                                                GError     **error);

G_END_DECLS
