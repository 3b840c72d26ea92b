/* san-invoice-detail.h: everything about one invoice, with the actions
 * that fit its state
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "san-api.h"

G_BEGIN_DECLS

#define SAN_TYPE_INVOICE_DETAIL (san_invoice_detail_get_type ())
G_DECLARE_FINAL_TYPE (SanInvoiceDetail, san_invoice_detail, SAN, INVOICE_DETAIL, GtkWidget)

/* Its buttons and rows activate these actions, which an ancestor (the
 * Invoices page) provides:
 *   invoice.pay-pix, invoice.boleto, invoice.pay-card, invoice.second-copy,
 *   invoice.save-pdf, invoice.print */

SanInvoice *san_invoice_detail_get_invoice (SanInvoiceDetail *self);
void        san_invoice_detail_set_invoice (SanInvoiceDetail *self,
                                            SanInvoice       *invoice);

G_END_DECLS
