/* san-debit-schedule.h: an invoice scheduled for Débito em Conta
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SAN_TYPE_DEBIT_SCHEDULE (san_debit_schedule_get_type ())
G_DECLARE_FINAL_TYPE (SanDebitSchedule, san_debit_schedule, SAN, DEBIT_SCHEDULE, GObject)

const char       *san_debit_schedule_get_invoice_id      (SanDebitSchedule *self);
const char       *san_debit_schedule_get_bank_account_id (SanDebitSchedule *self);
/* The day of the debit */
const GDate      *san_debit_schedule_get_date            (SanDebitSchedule *self);
GDateTime        *san_debit_schedule_get_created_at      (SanDebitSchedule *self);

G_END_DECLS
