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

/* The status filter; its value is the position in the page's drop-down */
typedef enum
{
  SAN_INVOICES_FILTER_ALL,
  SAN_INVOICES_FILTER_OPEN,             /* unpaid, overdue or not */
  SAN_INVOICES_FILTER_OVERDUE,
  SAN_INVOICES_FILTER_PAYMENT_PENDING,
  SAN_INVOICES_FILTER_PAID,
  SAN_INVOICES_FILTER_CANCELLED,
  SAN_INVOICES_FILTER_REFUNDED,
} SanInvoicesFilter;

/* Shows @contract's data (both NULL: shows nothing) and loads it. */
void san_invoices_page_set_contract (SanInvoicesPage *self,
                                     SanClient     *client,
                                     SanContract   *contract);
/* Loads again, keeping what is shown until the answer arrives. */
void san_invoices_page_reload       (SanInvoicesPage *self);

/* Whether going back shows something else (the "showing-detail"
 * property): an invoice's boleto or PIX code (then going back shows the
 * invoice), or, when the page is folded, an invoice instead of the list. */
gboolean san_invoices_page_get_showing_detail (SanInvoicesPage *self);
/* Goes back from a boleto or PIX code to its invoice, or from an invoice
 * shown folded to the list; FALSE when there was nothing to go back to. */
gboolean san_invoices_page_go_back            (SanInvoicesPage *self);

/* Shows only the invoices in @filter, like choosing it in the drop-down */
void     san_invoices_page_set_filter         (SanInvoicesPage   *self,
                                               SanInvoicesFilter  filter);
/* Selects the invoice @invoice_id (clearing the filters), now or once loaded */
void     san_invoices_page_show_invoice       (SanInvoicesPage   *self,
                                               const char        *invoice_id);
void     san_invoices_page_focus_search       (SanInvoicesPage   *self);
/* Downloads the selected invoice's PDF into @file (what Save PDF does once
 * a file is chosen); says how it went in a toast. */
void     san_invoices_page_save_pdf           (SanInvoicesPage   *self,
                                               GFile             *file);

/* Signals:
 *   "load-failed" (const GError *): loading failed; what was shown stays. */

G_END_DECLS
