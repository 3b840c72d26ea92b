/* san-portald-paymethods.h: bank accounts, debit schedules, DDA, default and
 * per-service payment methods, notas fiscais
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "san-portald-db.h"
#include "san-portald-events.h"
#include "san-portald-server.h"

G_BEGIN_DECLS

void san_portald_handle_debit_schedule              (SanPortaldRequest *req);
void san_portald_handle_debit_schedule_put          (SanPortaldRequest *req);
void san_portald_handle_debit_schedule_delete       (SanPortaldRequest *req);
void san_portald_handle_bank_accounts               (SanPortaldRequest *req);
void san_portald_handle_bank_account_create         (SanPortaldRequest *req);
void san_portald_handle_bank_account_delete         (SanPortaldRequest *req);
void san_portald_handle_dda                         (SanPortaldRequest *req);
void san_portald_handle_dda_put                     (SanPortaldRequest *req);
void san_portald_handle_pay_methods                 (SanPortaldRequest *req);
void san_portald_handle_pay_methods_default_put     (SanPortaldRequest *req);
void san_portald_handle_pay_methods_service_put     (SanPortaldRequest *req);
void san_portald_handle_fiscal_notes                (SanPortaldRequest *req);
void san_portald_handle_fiscal_note                 (SanPortaldRequest *req);
void san_portald_handle_fiscal_note_pdf             (SanPortaldRequest *req);
void san_portald_handle_fiscal_note_xml             (SanPortaldRequest *req);
void san_portald_handle_fiscal_note_issue           (SanPortaldRequest *req);

/* Creates the pending nota fiscal of a just-paid invoice, to be issued
 * SAN_PORTALD_FISCAL_DELAY_DAYS after @paid_on. Call inside a transaction. */
#define SAN_PORTALD_FISCAL_DELAY_DAYS 5
gboolean san_portald_fiscal_schedule_note           (SanPortaldDb  *db,
                                                     gint64         invoice_id,
                                                     const GDate   *paid_on,
                                                     GError       **error);

/* What the passage of time does, lazily, when a reader looks: debit
 * schedules whose date is @today or earlier are executed (the invoice paid
 * with bank_debit through san_portald_billing_mark_paid) and pending notas
 * fiscais scheduled for @today or earlier are issued. Every contract's, so
 * the notes' numbers follow the order they fall due. Runs in the caller's
 * transaction when one is open, else in its own. Each debit made sends
 * invoice_paid through @events (nullable) after the commit. */
gboolean san_portald_paymethods_run_due             (SanPortaldDb      *db,
                                                     SanPortaldEvents  *events,
                                                     const GDate       *today,
                                                     GError           **error);

/* Seeds the demo bank accounts, DDA, schedules and notas fiscais (after
 * san_portald_billing_seed_demo) */
gboolean san_portald_paymethods_seed_demo           (SanPortaldDb  *db,
                                                     const GDate   *today,
                                                     GError       **error);

G_END_DECLS
