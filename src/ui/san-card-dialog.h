/* san-card-dialog.h: paying an invoice with a credit card, or adding a card
 * to keep
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "san-api.h"

G_BEGIN_DECLS

#define SAN_TYPE_CARD_DIALOG (san_card_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SanCardDialog, san_card_dialog, SAN, CARD_DIALOG, AdwWindow)

/* A modal dialog over @parent to pay @invoice with one of the contract's
 * stored cards or a new one (used once, not kept). Emits "paid" and closes
 * when the payment is approved; a declined card is said in the dialog. */
SanCardDialog *san_card_dialog_new_pay (GtkWindow   *parent,
                                        SanClient   *client,
                                        SanContract *contract,
                                        SanInvoice  *invoice);
/* A modal dialog over @parent to add a card to the contract's stored cards.
 * Emits "card-added" and closes when the card is stored. */
SanCardDialog *san_card_dialog_new_add (GtkWindow   *parent,
                                        SanClient   *client,
                                        SanContract *contract);

/* Signals:
 *   "paid" (SanPayment *payment): the invoice was paid
 *   "card-added" (SanCard *card): the card was stored
 *
 * The card number, expiry and security code live only in the dialog's
 * fields (without undo history) and in the request that sends them; the
 * fields are cleared when the dialog closes. Nothing of them is logged. */

G_END_DECLS
