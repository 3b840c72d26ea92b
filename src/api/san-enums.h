/* san-enums.h: the wire's words as C enums
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Each enum's nick is its wire word ("bank_debit" is "bank-debit" as a GEnum
 * nick; san_*_from_wire()/to_wire() convert). */

typedef enum
{
  SAN_SERVICE_STATUS_PENDING,
  SAN_SERVICE_STATUS_ACTIVE,
  SAN_SERVICE_STATUS_SUSPENDED,
  SAN_SERVICE_STATUS_CANCELLED,
  SAN_SERVICE_STATUS_TERMINATED,
} SanServiceStatus;

typedef enum
{
  SAN_SERVICE_KIND_SHARED,
  SAN_SERVICE_KIND_CLOUD,
  SAN_SERVICE_KIND_DEDICATED,
} SanServiceKind;

typedef enum
{
  SAN_BILLING_CYCLE_MONTHLY,
  SAN_BILLING_CYCLE_ANNUAL,
} SanBillingCycle;

typedef enum
{
  SAN_SUPPORT_LEVEL_BASIC,
  SAN_SUPPORT_LEVEL_BUSINESS,
  SAN_SUPPORT_LEVEL_PREMIUM,
} SanSupportLevel;

typedef enum
{
  SAN_PAYMENT_METHOD_BOLETO,
  SAN_PAYMENT_METHOD_PIX,
  SAN_PAYMENT_METHOD_CARD,
  SAN_PAYMENT_METHOD_BANK_DEBIT,
} SanPaymentMethod;

typedef enum
{
  SAN_INVOICE_STATUS_UNPAID,
  SAN_INVOICE_STATUS_PAID,
  SAN_INVOICE_STATUS_CANCELLED,
  SAN_INVOICE_STATUS_REFUNDED,
  SAN_INVOICE_STATUS_PAYMENT_PENDING,
} SanInvoiceStatus;

typedef enum
{
  SAN_PIX_STATUS_ACTIVE,
  SAN_PIX_STATUS_SETTLED,
  SAN_PIX_STATUS_EXPIRED,
} SanPixStatus;

typedef enum
{
  SAN_FISCAL_NOTE_STATUS_PENDING,
  SAN_FISCAL_NOTE_STATUS_ISSUED,
} SanFiscalNoteStatus;

/* Not a wire word: which file of a nota fiscal to download */
typedef enum
{
  SAN_FISCAL_NOTE_FORMAT_PDF,
  SAN_FISCAL_NOTE_FORMAT_XML,
} SanFiscalNoteFormat;

/* Wire word -> enum; FALSE for an unknown word. */
gboolean    san_service_status_from_wire  (const char        *word,
                                           SanServiceStatus  *out);
const char *san_service_status_to_wire    (SanServiceStatus   status);
gboolean    san_service_kind_from_wire    (const char        *word,
                                           SanServiceKind    *out);
const char *san_service_kind_to_wire      (SanServiceKind     kind);
gboolean    san_billing_cycle_from_wire   (const char        *word,
                                           SanBillingCycle   *out);
const char *san_billing_cycle_to_wire     (SanBillingCycle    cycle);
gboolean    san_support_level_from_wire   (const char        *word,
                                           SanSupportLevel   *out);
const char *san_support_level_to_wire     (SanSupportLevel    level);
gboolean    san_payment_method_from_wire  (const char        *word,
                                           SanPaymentMethod  *out);
const char *san_payment_method_to_wire    (SanPaymentMethod   method);
gboolean    san_invoice_status_from_wire  (const char        *word,
                                           SanInvoiceStatus  *out);
const char *san_invoice_status_to_wire    (SanInvoiceStatus   status);
gboolean    san_pix_status_from_wire      (const char        *word,
                                           SanPixStatus      *out);
const char *san_pix_status_to_wire        (SanPixStatus       status);
gboolean    san_fiscal_note_status_from_wire (const char          *word,
                                              SanFiscalNoteStatus *out);
const char *san_fiscal_note_status_to_wire   (SanFiscalNoteStatus  status);

G_END_DECLS
