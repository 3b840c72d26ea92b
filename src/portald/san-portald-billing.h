/* san-portald-billing.h: invoices, boleto and 2ª via, PIX, cards and payments
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "san-portald-db.h"
#include "san-portald-events.h"
#include "san-portald-server.h"

G_BEGIN_DECLS

/* Route handlers (the routing table in san-portald-server.c authorizes first) */
void san_portald_handle_invoices              (SanPortaldRequest *req);
void san_portald_handle_invoice               (SanPortaldRequest *req);
void san_portald_handle_invoice_pdf           (SanPortaldRequest *req);
void san_portald_handle_boleto                (SanPortaldRequest *req);
void san_portald_handle_boleto_second_copy    (SanPortaldRequest *req);
void san_portald_handle_pix                   (SanPortaldRequest *req);
void san_portald_handle_pix_create            (SanPortaldRequest *req);
void san_portald_handle_payment_create        (SanPortaldRequest *req);
void san_portald_handle_card_token_create     (SanPortaldRequest *req);
void san_portald_handle_cards                 (SanPortaldRequest *req);
void san_portald_handle_card_create           (SanPortaldRequest *req);
void san_portald_handle_card_delete           (SanPortaldRequest *req);
void san_portald_handle_sim_pix_settle        (SanPortaldRequest *req);

/* Marks an unpaid (or payment_pending) invoice paid with @method ("pix",
 * "card", "boleto", "bank_debit") at @paid_at_ms, and schedules its nota
 * fiscal (san_portald_fiscal_schedule_note). Call inside a transaction.
 * *@out_changed is FALSE when the invoice was not payable (already paid...). */
gboolean san_portald_billing_mark_paid        (SanPortaldDb  *db,
                                               gint64         invoice_id,
                                               const char    *method,
                                               gint64         paid_at_ms,
                                               gboolean      *out_changed,
                                               GError       **error);

/* The live invoice_paid notification of @invoice_id (just marked paid),
 * sent through @events once the open transaction commits */
gboolean san_portald_billing_notify_paid      (SanPortaldEvents  *events,
                                               SanPortaldDb      *db,
                                               gint64             invoice_id,
                                               GError           **error);

/* Seeds the demo invoices (after the demo contracts and services exist) */
gboolean san_portald_billing_seed_demo        (SanPortaldDb  *db,
                                               const GDate   *today,
                                               GError       **error);

G_END_DECLS
