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

/* A support level's id (the model of a level, with its name and price, is
 * SanSupportLevel in san-support-level.h) */
typedef enum
{
  SAN_SUPPORT_LEVEL_BASIC,
  SAN_SUPPORT_LEVEL_BUSINESS,
  SAN_SUPPORT_LEVEL_PREMIUM,
} SanSupportLevelId;

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

typedef enum
{
  SAN_TICKET_STATUS_OPEN,
  SAN_TICKET_STATUS_ANSWERED,         /* SAN answered; waits on the customer */
  SAN_TICKET_STATUS_CUSTOMER_REPLY,   /* the customer replied; waits on SAN */
  SAN_TICKET_STATUS_ON_HOLD,
  SAN_TICKET_STATUS_IN_PROGRESS,
  SAN_TICKET_STATUS_CLOSED,
} SanTicketStatus;

typedef enum
{
  SAN_TICKET_PRIORITY_LOW,
  SAN_TICKET_PRIORITY_MEDIUM,
  SAN_TICKET_PRIORITY_HIGH,
} SanTicketPriority;

/* Who wrote a ticket message (and a ticket's last message) */
typedef enum
{
  SAN_TICKET_AUTHOR_KIND_CUSTOMER,
  SAN_TICKET_AUTHOR_KIND_STAFF,
} SanTicketAuthorKind;

/* The staff queue's "waiting" filter: on us (open, customer_reply,
 * in_progress) or on the customer (answered, on_hold) */
typedef enum
{
  SAN_TICKET_WAITING_US,
  SAN_TICKET_WAITING_CUSTOMER,
} SanTicketWaiting;

typedef enum
{
  SAN_EMAIL_KIND_TICKET,
  SAN_EMAIL_KIND_CALLBACK,
  SAN_EMAIL_KIND_INVOICE,
  SAN_EMAIL_KIND_ACCOUNT,
} SanEmailKind;

typedef enum
{
  SAN_CALLBACK_STATUS_REQUESTED,
  SAN_CALLBACK_STATUS_SCHEDULED,
  SAN_CALLBACK_STATUS_DONE,
  SAN_CALLBACK_STATUS_CANCELLED,
} SanCallbackStatus;

/* An instance's state (UNKNOWN: not said, as in a service's instance; never
 * on the wire) */
typedef enum
{
  SAN_INSTANCE_STATE_UNKNOWN,
  SAN_INSTANCE_STATE_OPERATIONAL,
  SAN_INSTANCE_STATE_DEGRADED,
  SAN_INSTANCE_STATE_PARTIAL_OUTAGE,
  SAN_INSTANCE_STATE_MAJOR_OUTAGE,
  SAN_INSTANCE_STATE_MAINTENANCE,
} SanInstanceState;

typedef enum
{
  SAN_INCIDENT_IMPACT_NONE,
  SAN_INCIDENT_IMPACT_MINOR,
  SAN_INCIDENT_IMPACT_MAJOR,
  SAN_INCIDENT_IMPACT_CRITICAL,
} SanIncidentImpact;

typedef enum
{
  SAN_INCIDENT_STATUS_INVESTIGATING,
  SAN_INCIDENT_STATUS_IDENTIFIED,
  SAN_INCIDENT_STATUS_MONITORING,
  SAN_INCIDENT_STATUS_RESOLVED,
} SanIncidentStatus;

/* An event's "type" on the live event stream */
typedef enum
{
  SAN_EVENT_TYPE_HELLO,
  SAN_EVENT_TYPE_RESYNC,
  SAN_EVENT_TYPE_INSTANCE_STATE,
  SAN_EVENT_TYPE_INCIDENT_CREATED,
  SAN_EVENT_TYPE_INCIDENT_UPDATED,
  SAN_EVENT_TYPE_INCIDENT_RESOLVED,
  SAN_EVENT_TYPE_METRICS,
  SAN_EVENT_TYPE_NOTIFICATION,
} SanEventType;

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
gboolean    san_support_level_id_from_wire (const char        *word,
                                            SanSupportLevelId *out);
const char *san_support_level_id_to_wire   (SanSupportLevelId  level);
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
gboolean    san_ticket_status_from_wire      (const char          *word,
                                              SanTicketStatus     *out);
const char *san_ticket_status_to_wire        (SanTicketStatus      status);
gboolean    san_ticket_priority_from_wire    (const char          *word,
                                              SanTicketPriority   *out);
const char *san_ticket_priority_to_wire      (SanTicketPriority    priority);
gboolean    san_ticket_author_kind_from_wire (const char          *word,
                                              SanTicketAuthorKind *out);
const char *san_ticket_author_kind_to_wire   (SanTicketAuthorKind  kind);
gboolean    san_ticket_waiting_from_wire     (const char          *word,
                                              SanTicketWaiting    *out);
const char *san_ticket_waiting_to_wire       (SanTicketWaiting     waiting);
gboolean    san_email_kind_from_wire         (const char          *word,
                                              SanEmailKind        *out);
const char *san_email_kind_to_wire           (SanEmailKind         kind);
gboolean    san_callback_status_from_wire    (const char          *word,
                                              SanCallbackStatus   *out);
const char *san_callback_status_to_wire      (SanCallbackStatus    status);

gboolean    san_instance_state_from_wire     (const char          *word,
                                              SanInstanceState    *out);
const char *san_instance_state_to_wire       (SanInstanceState     state);
gboolean    san_incident_impact_from_wire    (const char          *word,
                                              SanIncidentImpact   *out);
const char *san_incident_impact_to_wire      (SanIncidentImpact    impact);
gboolean    san_incident_status_from_wire    (const char          *word,
                                              SanIncidentStatus   *out);
const char *san_incident_status_to_wire      (SanIncidentStatus    status);
gboolean    san_event_type_from_wire         (const char          *word,
                                              SanEventType        *out);
const char *san_event_type_to_wire           (SanEventType         type);

G_END_DECLS
