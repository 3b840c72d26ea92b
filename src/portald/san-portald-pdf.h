/* san-portald-pdf.h: invoice PDFs (cairo), with the boleto page's ITF barcode
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *description;
  gint64      amount_cents;
} SanPortaldPdfItem;

/* Dates "YYYY-MM-DD", instants RFC 3339; words as on the wire */
typedef struct
{
  const char              *number;
  const char              *status;          /* unpaid | paid | cancelled | refunded | payment_pending */
  gboolean                 overdue;
  const char              *issue_date;
  const char              *due_date;
  gint64                   total_cents;
  const char              *payment_method;  /* boleto | pix | card | bank_debit */
  const char              *paid_at;         /* NULL when not paid */
  const char              *paid_with;       /* NULL when not paid */
  const char              *customer;        /* the contract's name */
  const char              *customer_document;  /* formatted CPF or CNPJ */
  const SanPortaldPdfItem *items;
  guint                    n_items;
} SanPortaldPdfInvoice;

typedef struct
{
  const char *bank_code;              /* "001" */
  const char *bank_name;
  const char *barcode;                /* 44 digits */
  const char *linha_digitavel;        /* 47 digits */
  const char *due_date;
  gint64      amount_cents;
  const char *beneficiary;
  const char *beneficiary_document;
  const char *payer;
  const char *payer_document;
  const char *nosso_numero;
  const char *document_number;        /* the invoice number */
  /* a 2ª via: original_due_date not NULL */
  const char *original_due_date;
  gint64      original_amount_cents;
  gint64      fine_cents;
  gint64      interest_cents;
  gint64      days_late;
} SanPortaldPdfBoleto;

/* A4 PDF: page 1 the invoice; page 2, when @boleto is not NULL, the boleto
 * with its linha digitável and ITF barcode. NULL with @error when cairo fails. */
GBytes *san_portald_pdf_render_invoice (const SanPortaldPdfInvoice  *invoice,
                                        const SanPortaldPdfBoleto   *boleto,
                                        GError                     **error);

G_END_DECLS
