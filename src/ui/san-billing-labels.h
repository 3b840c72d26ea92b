/* san-billing-labels.h: the words and sentences the app shows for invoices,
 * boletos, PIX charges and cards
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "san-api.h"

G_BEGIN_DECLS

/* What the customer sees of an invoice's state: the status, with unpaid
 * split into not yet due and overdue */
typedef enum
{
  SAN_INVOICE_STATE_UNPAID,
  SAN_INVOICE_STATE_OVERDUE,
  SAN_INVOICE_STATE_PAYMENT_PENDING,
  SAN_INVOICE_STATE_PAID,
  SAN_INVOICE_STATE_CANCELLED,
  SAN_INVOICE_STATE_REFUNDED,
} SanInvoiceState;

SanInvoiceState  san_invoice_get_state            (SanInvoice      *invoice);
/* "Unpaid", "Overdue", "Payment pending", "Paid", "Cancelled", "Refunded" */
const char      *san_invoice_state_label          (SanInvoiceState  state);
/* The CSS class of a status badge: "invoice-unpaid", "invoice-overdue", ... */
const char      *san_invoice_state_css_class      (SanInvoiceState  state);

/* "Invoice 2026-000123" */
char            *san_invoice_dup_title            (SanInvoice      *invoice);
/* A plain-language explanation of the state and what happens next (SAN's
 * rules, PRODUCT.md): when it is due, what an unpaid invoice means for the
 * services, how it was paid. */
char            *san_invoice_dup_state_explanation (SanInvoice     *invoice);
/* "fatura-2026-000123.pdf", the name a saved PDF gets */
char            *san_invoice_dup_pdf_filename     (SanInvoice      *invoice);

/* Today in São Paulo, SAN's calendar */
void             san_billing_get_today            (GDate           *out_today);

/* What a 2ª via of an overdue invoice will cost, worked out the server's
 * way: new due date = @today + 3 days, fine 2 %, interest 1 % a month pro
 * rata over the days from the original due date to the new one (each
 * rounded half up to the centavo). */
typedef struct
{
  GDate  new_due_date;
  guint  days_late;
  gint64 original_amount_cents;
  gint64 fine_cents;
  gint64 interest_cents;
  gint64 new_amount_cents;
} SanSecondCopyEstimate;

void             san_second_copy_estimate         (gint64                 total_cents,
                                                   const GDate           *original_due_date,
                                                   const GDate           *today,
                                                   SanSecondCopyEstimate *out);

/* "Visa", "Mastercard", ...; "Card" for a brand the app does not know */
const char      *san_card_brand_label             (const char      *brand);
/* "Visa •••• 1111" */
char            *san_card_dup_title               (const char      *brand,
                                                   const char      *last4);
/* "Expires 12/2030" */
char            *san_card_dup_expiry              (guint            exp_month,
                                                   guint            exp_year);
/* Whether a stored card is past its expiry month on @today */
gboolean         san_card_is_expired              (SanCard         *card,
                                                   const GDate     *today);

/* "001 – Banco do Brasil" */
char            *san_boleto_dup_bank              (SanBoleto       *boleto);

G_END_DECLS
