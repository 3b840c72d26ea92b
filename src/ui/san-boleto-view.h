/* san-boleto-view.h: an invoice's boleto: the linha digitável to copy, the
 * barcode, its fields, the 2ª via; and printing invoices and boletos
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "san-api.h"

G_BEGIN_DECLS

#define SAN_TYPE_BOLETO_VIEW (san_boleto_view_get_type ())
G_DECLARE_FINAL_TYPE (SanBoletoView, san_boleto_view, SAN, BOLETO_VIEW, GtkWidget)

/* Shows @invoice's boleto, loading it with @client (all NULL: shows
 * nothing and stops loading). With @second_copy, for an overdue invoice,
 * first shows what a 2ª via will cost and asks for it on confirmation.
 * A boleto whose codes do not match the invoice (san-paycode-verify.h) is
 * not shown: a warning says what differs. */
void        san_boleto_view_set_invoice (SanBoletoView *self,
                                         SanClient     *client,
                                         SanContract   *contract,
                                         SanInvoice    *invoice,
                                         gboolean       second_copy);
SanInvoice *san_boleto_view_get_invoice (SanBoletoView *self);
/* The boleto shown (checked against the invoice), or NULL */
SanBoleto  *san_boleto_view_get_boleto  (SanBoletoView *self);

/* Printing, drawn with cairo */
typedef enum
{
  SAN_BILLING_PRINT_INVOICE = 1 << 0,   /* a page with the invoice: items, totals, status */
  SAN_BILLING_PRINT_BOLETO  = 1 << 1,   /* a page with the boleto: linha, fields, ITF bars */
} SanBillingPrintPages;

/* The pages of @invoice (and @boleto, nullable: without it there is no
 * boleto page) in @pages */
GtkPrintOperation *san_billing_print_operation_new (SanInvoice           *invoice,
                                                    SanBoleto            *boleto,
                                                    SanBillingPrintPages  pages);
/* Runs it with the print dialog, transient for @parent, without blocking */
void               san_billing_print              (GtkWindow            *parent,
                                                   SanInvoice           *invoice,
                                                   SanBoleto            *boleto,
                                                   SanBillingPrintPages  pages);
/* Writes those pages to a PDF file at @path, without a dialog; the number
 * of pages in *@out_n_pages (nullable) */
gboolean           san_billing_print_to_pdf       (SanInvoice           *invoice,
                                                   SanBoleto            *boleto,
                                                   SanBillingPrintPages  pages,
                                                   const char           *path,
                                                   int                  *out_n_pages,
                                                   GError              **error);

G_END_DECLS
