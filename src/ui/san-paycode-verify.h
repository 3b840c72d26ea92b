/* san-paycode-verify.h: checking a boleto or PIX code against its invoice
 * before the app shows it
 *
 * The codes come from the server; a customer pays exactly what they say.
 * Before a code is shown (and can be copied or scanned) the app parses it
 * with its own FEBRABAN and BR Code checks and compares what it encodes
 * with the invoice: a code that fails is withheld, with a warning that says
 * what does not match.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "san-api.h"

G_BEGIN_DECLS

#define SAN_PAYCODE_ERROR (san_paycode_error_quark ())

typedef enum
{
  SAN_PAYCODE_ERROR_INVALID,    /* the code fails its own checks (length, check digits, CRC) */
  SAN_PAYCODE_ERROR_MISMATCH,   /* a valid code, but not for this invoice and amount */
} SanPaycodeError;

GQuark   san_paycode_error_quark     (void);

/* What the invoice is to be paid with now: its total, or the amount of
 * @second_copy (nullable) when that is a 2ª via of it */
gint64   san_paycode_expected_amount (SanInvoice    *invoice,
                                      SanBoleto     *second_copy);

/* Checks @boleto of @invoice: the barcode (44 digits) and the linha
 * digitável (47 digits) both pass every FEBRABAN check and are the same
 * code; the code's bank, amount and due date are the boleto's; the boleto
 * is the invoice's, for its total and due date (a 2ª via: for the original
 * amount plus fine and interest, from the invoice's due date). On failure
 * @error (SAN_PAYCODE_ERROR) says everything that does not match, in
 * sentences for the customer. */
gboolean san_paycode_verify_boleto   (SanBoleto     *boleto,
                                      SanInvoice    *invoice,
                                      GError       **error);

/* Checks @charge of @invoice: the BR Code passes its checks (structure,
 * CRC16); its amount, txid and PIX key are the charge's; the charge is the
 * invoice's, for the expected amount (@second_copy as in
 * san_paycode_expected_amount()). */
gboolean san_paycode_verify_pix      (SanPixCharge  *charge,
                                      SanInvoice    *invoice,
                                      SanBoleto     *second_copy,
                                      GError       **error);

G_END_DECLS
