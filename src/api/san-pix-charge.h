/* san-pix-charge.h: a PIX charge (QR code / copia e cola) for an invoice
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "san-enums.h"

G_BEGIN_DECLS

#define SAN_TYPE_PIX_CHARGE (san_pix_charge_get_type ())
G_DECLARE_FINAL_TYPE (SanPixCharge, san_pix_charge, SAN, PIX_CHARGE, GObject)

const char       *san_pix_charge_get_invoice_id    (SanPixCharge *self);
const char       *san_pix_charge_get_txid          (SanPixCharge *self);
/* The EMV "copia e cola" text */
const char       *san_pix_charge_get_brcode        (SanPixCharge *self);
gint64            san_pix_charge_get_amount_cents  (SanPixCharge *self);
/* The receiver's PIX key */
const char       *san_pix_charge_get_key           (SanPixCharge *self);
const char       *san_pix_charge_get_merchant_name (SanPixCharge *self);
const char       *san_pix_charge_get_merchant_city (SanPixCharge *self);
GDateTime        *san_pix_charge_get_created_at    (SanPixCharge *self);
GDateTime        *san_pix_charge_get_expires_at    (SanPixCharge *self);
SanPixStatus      san_pix_charge_get_status        (SanPixCharge *self);

G_END_DECLS
