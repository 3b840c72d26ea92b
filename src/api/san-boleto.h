/* san-boleto.h: the boleto of an unpaid invoice, or its 2ª via
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SAN_TYPE_BOLETO (san_boleto_get_type ())
G_DECLARE_FINAL_TYPE (SanBoleto, san_boleto, SAN, BOLETO, GObject)

const char       *san_boleto_get_invoice_id           (SanBoleto *self);
/* "001" */
const char       *san_boleto_get_bank_code            (SanBoleto *self);
const char       *san_boleto_get_bank_name            (SanBoleto *self);
/* 44 digits */
const char       *san_boleto_get_barcode              (SanBoleto *self);
/* 47 digits, no punctuation */
const char       *san_boleto_get_linha_digitavel      (SanBoleto *self);
const GDate      *san_boleto_get_due_date             (SanBoleto *self);
gint64            san_boleto_get_amount_cents          (SanBoleto *self);
const char       *san_boleto_get_beneficiary          (SanBoleto *self);
const char       *san_boleto_get_beneficiary_document (SanBoleto *self);
const char       *san_boleto_get_payer                (SanBoleto *self);
const char       *san_boleto_get_payer_document       (SanBoleto *self);
/* A 2ª via: the getters below say how it was worked out */
gboolean          san_boleto_get_is_second_copy       (SanBoleto *self);
/* NULL unless a 2ª via */
const GDate      *san_boleto_get_original_due_date    (SanBoleto *self);
/* 0 unless a 2ª via */
gint64            san_boleto_get_original_amount_cents (SanBoleto *self);
gint64            san_boleto_get_fine_cents            (SanBoleto *self);
gint64            san_boleto_get_interest_cents        (SanBoleto *self);
guint             san_boleto_get_days_late            (SanBoleto *self);

G_END_DECLS
