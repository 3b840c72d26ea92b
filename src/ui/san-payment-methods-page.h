/* san-payment-methods-page.h: cards, bank accounts, DDA, the default method and each service's method
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "san-api.h"

G_BEGIN_DECLS

#define SAN_TYPE_PAYMENT_METHODS_PAGE (san_payment_methods_page_get_type ())
G_DECLARE_FINAL_TYPE (SanPaymentMethodsPage, san_payment_methods_page, SAN, PAYMENT_METHODS_PAGE, GtkWidget)

/* Shows @contract's data (both NULL: shows nothing) and loads it. */
void san_payment_methods_page_set_contract (SanPaymentMethodsPage *self,
                                            SanClient           *client,
                                            SanContract         *contract);
/* Loads again, keeping what is shown until the answer arrives. */
void san_payment_methods_page_reload       (SanPaymentMethodsPage *self);

/* Signals:
 *   "load-failed" (const GError *): loading failed; what was shown stays. */

G_END_DECLS
