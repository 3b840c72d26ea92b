/* san-invoice-row.h: one invoice in the Invoices list
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "san-api.h"

G_BEGIN_DECLS

#define SAN_TYPE_INVOICE_ROW (san_invoice_row_get_type ())
G_DECLARE_FINAL_TYPE (SanInvoiceRow, san_invoice_row, SAN, INVOICE_ROW, GtkWidget)

GtkWidget  *san_invoice_row_new         (void);
SanInvoice *san_invoice_row_get_invoice (SanInvoiceRow *self);
void        san_invoice_row_set_invoice (SanInvoiceRow *self,
                                         SanInvoice    *invoice);

G_END_DECLS
