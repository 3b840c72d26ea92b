/* san-invoice.h: one invoice (fatura) of a contract
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "san-enums.h"
#include "san-invoice-item.h"

G_BEGIN_DECLS

#define SAN_TYPE_INVOICE (san_invoice_get_type ())
G_DECLARE_FINAL_TYPE (SanInvoice, san_invoice, SAN, INVOICE, GObject)

const char       *san_invoice_get_id             (SanInvoice *self);
const char       *san_invoice_get_contract_id    (SanInvoice *self);
/* "2026-000123" */
const char       *san_invoice_get_number         (SanInvoice *self);
SanInvoiceStatus  san_invoice_get_status         (SanInvoice *self);
/* Unpaid and past its due date (the server says so) */
gboolean          san_invoice_get_overdue        (SanInvoice *self);
const GDate      *san_invoice_get_issue_date     (SanInvoice *self);
const GDate      *san_invoice_get_due_date       (SanInvoice *self);
gint64            san_invoice_get_total_cents    (SanInvoice *self);
/* How it is to be paid */
SanPaymentMethod  san_invoice_get_payment_method (SanInvoice *self);
/* NULL when not paid */
GDateTime        *san_invoice_get_paid_at        (SanInvoice *self);
/* A GListModel of SanInvoiceItem */
GListModel       *san_invoice_get_items          (SanInvoice *self);

/* How it was paid; FALSE (and @out untouched) when the answer had no
 * paid_with (not paid) */
gboolean          san_invoice_get_paid_with      (SanInvoice       *self,
                                                  SanPaymentMethod *out);

G_END_DECLS
