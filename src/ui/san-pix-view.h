/* san-pix-view.h: paying an invoice by PIX: the QR code, the copia e cola
 * text, a countdown, and "Paid" seconds after the payment clears
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "san-api.h"

G_BEGIN_DECLS

#define SAN_TYPE_PIX_VIEW (san_pix_view_get_type ())
G_DECLARE_FINAL_TYPE (SanPixView, san_pix_view, SAN, PIX_VIEW, GtkWidget)

/* Gets a PIX charge for @invoice (the active one, or a new one) and shows
 * it; all NULL: shows nothing and stops. A charge whose code does not match
 * the invoice (san-paycode-verify.h) is withheld with a warning. While the
 * view is on screen it counts down to the charge's expiry (every second)
 * and asks the server about the invoice every 2 seconds, to show "Paid" as
 * soon as the payment clears. */
void          san_pix_view_set_invoice (SanPixView  *self,
                                        SanClient   *client,
                                        SanContract *contract,
                                        SanInvoice  *invoice);
SanInvoice   *san_pix_view_get_invoice (SanPixView  *self);
/* The charge shown (checked against the invoice), or NULL */
SanPixCharge *san_pix_view_get_charge  (SanPixView  *self);

/* Signals:
 *   "paid" (SanInvoice *invoice): the invoice turned paid; @invoice is the
 *   server's answer. */

G_END_DECLS
