/* san-payment.h: one payment of an invoice
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "san-enums.h"

G_BEGIN_DECLS

#define SAN_TYPE_PAYMENT (san_payment_get_type ())
G_DECLARE_FINAL_TYPE (SanPayment, san_payment, SAN, PAYMENT, GObject)

const char       *san_payment_get_id         (SanPayment *self);
const char       *san_payment_get_invoice_id (SanPayment *self);
SanPaymentMethod  san_payment_get_method     (SanPayment *self);
/* The wire word ("approved") */
const char       *san_payment_get_status     (SanPayment *self);
gint64            san_payment_get_amount_cents (SanPayment *self);
GDateTime        *san_payment_get_created_at (SanPayment *self);
/* The wire word ("visa"), NULL when not by card */
const char       *san_payment_get_card_brand (SanPayment *self);
/* NULL when not by card */
const char       *san_payment_get_card_last4 (SanPayment *self);

G_END_DECLS
