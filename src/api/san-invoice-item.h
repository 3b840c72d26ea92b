/* san-invoice-item.h: one line of an invoice
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "san-enums.h"

G_BEGIN_DECLS

#define SAN_TYPE_INVOICE_ITEM (san_invoice_item_get_type ())
G_DECLARE_FINAL_TYPE (SanInvoiceItem, san_invoice_item, SAN, INVOICE_ITEM, GObject)

const char       *san_invoice_item_get_description (SanInvoiceItem *self);
/* NULL for a fee not tied to a service */
const char       *san_invoice_item_get_service_id  (SanInvoiceItem *self);
/* The kind of that service (it decides when an unpaid service is
 * suspended); FALSE for a fee not tied to a service */
gboolean          san_invoice_item_get_service_kind (SanInvoiceItem *self,
                                                     SanServiceKind *out_kind);
gint64            san_invoice_item_get_amount_cents (SanInvoiceItem *self);

G_END_DECLS
