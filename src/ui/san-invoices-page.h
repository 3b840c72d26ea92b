/* san-invoices-page.h: the contract's invoices, with the selected one's details, boleto, PIX and card payment
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "san-api.h"

G_BEGIN_DECLS

#define SAN_TYPE_INVOICES_PAGE (san_invoices_page_get_type ())
G_DECLARE_FINAL_TYPE (SanInvoicesPage, san_invoices_page, SAN, INVOICES_PAGE, GtkWidget)

/* Shows @contract's data (both NULL: shows nothing) and loads it. */
void san_invoices_page_set_contract (SanInvoicesPage *self,
                                     SanClient     *client,
                                     SanContract   *contract);
/* Loads again, keeping what is shown until the answer arrives. */
void san_invoices_page_reload       (SanInvoicesPage *self);

/* Whether the page is folded and shows an invoice instead of the list
 * (the "showing-detail" property): then going back shows the list. */
gboolean san_invoices_page_get_showing_detail (SanInvoicesPage *self);
/* Shows the list when an invoice is shown folded; FALSE when there was
 * nothing to go back to. */
gboolean san_invoices_page_go_back            (SanInvoicesPage *self);

/* Signals:
 *   "load-failed" (const GError *): loading failed; what was shown stays. */

G_END_DECLS
