/* san-enums.c: the wire's words as C enums
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-api"

#include "config.h"

#include "san-enums.h"

static const char * const service_status_words[] = {
  [SAN_SERVICE_STATUS_PENDING] = "pending",
  [SAN_SERVICE_STATUS_ACTIVE] = "active",
  [SAN_SERVICE_STATUS_SUSPENDED] = "suspended",
  [SAN_SERVICE_STATUS_CANCELLED] = "cancelled",
  [SAN_SERVICE_STATUS_TERMINATED] = "terminated",
};

static const char * const service_kind_words[] = {
  [SAN_SERVICE_KIND_SHARED] = "shared",
  [SAN_SERVICE_KIND_CLOUD] = "cloud",
  [SAN_SERVICE_KIND_DEDICATED] = "dedicated",
};

static const char * const billing_cycle_words[] = {
  [SAN_BILLING_CYCLE_MONTHLY] = "monthly",
  [SAN_BILLING_CYCLE_ANNUAL] = "annual",
};

static const char * const support_level_id_words[] = {
  [SAN_SUPPORT_LEVEL_BASIC] = "basic",
  [SAN_SUPPORT_LEVEL_BUSINESS] = "business",
  [SAN_SUPPORT_LEVEL_PREMIUM] = "premium",
};

static const char * const payment_method_words[] = {
  [SAN_PAYMENT_METHOD_BOLETO] = "boleto",
  [SAN_PAYMENT_METHOD_PIX] = "pix",
  [SAN_PAYMENT_METHOD_CARD] = "card",
  [SAN_PAYMENT_METHOD_BANK_DEBIT] = "bank_debit",
};

static const char * const invoice_status_words[] = {
  [SAN_INVOICE_STATUS_UNPAID] = "unpaid",
  [SAN_INVOICE_STATUS_PAID] = "paid",
  [SAN_INVOICE_STATUS_CANCELLED] = "cancelled",
  [SAN_INVOICE_STATUS_REFUNDED] = "refunded",
  [SAN_INVOICE_STATUS_PAYMENT_PENDING] = "payment_pending",
};

static const char * const pix_status_words[] = {
  [SAN_PIX_STATUS_ACTIVE] = "active",
  [SAN_PIX_STATUS_SETTLED] = "settled",
  [SAN_PIX_STATUS_EXPIRED] = "expired",
};

static const char * const fiscal_note_status_words[] = {
  [SAN_FISCAL_NOTE_STATUS_PENDING] = "pending",
  [SAN_FISCAL_NOTE_STATUS_ISSUED] = "issued",
};

static const char * const ticket_status_words[] = {
  [SAN_TICKET_STATUS_OPEN] = "open",
  [SAN_TICKET_STATUS_ANSWERED] = "answered",
  [SAN_TICKET_STATUS_CUSTOMER_REPLY] = "customer_reply",
  [SAN_TICKET_STATUS_ON_HOLD] = "on_hold",
  [SAN_TICKET_STATUS_IN_PROGRESS] = "in_progress",
  [SAN_TICKET_STATUS_CLOSED] = "closed",
};

static const char * const ticket_priority_words[] = {
  [SAN_TICKET_PRIORITY_LOW] = "low",
  [SAN_TICKET_PRIORITY_MEDIUM] = "medium",
  [SAN_TICKET_PRIORITY_HIGH] = "high",
};

static const char * const ticket_author_kind_words[] = {
  [SAN_TICKET_AUTHOR_KIND_CUSTOMER] = "customer",
  [SAN_TICKET_AUTHOR_KIND_STAFF] = "staff",
};

static const char * const ticket_waiting_words[] = {
  [SAN_TICKET_WAITING_US] = "us",
  [SAN_TICKET_WAITING_CUSTOMER] = "customer",
};

static const char * const email_kind_words[] = {
  [SAN_EMAIL_KIND_TICKET] = "ticket",
  [SAN_EMAIL_KIND_CALLBACK] = "callback",
  [SAN_EMAIL_KIND_INVOICE] = "invoice",
  [SAN_EMAIL_KIND_ACCOUNT] = "account",
};

static const char * const callback_status_words[] = {
  [SAN_CALLBACK_STATUS_REQUESTED] = "requested",
  [SAN_CALLBACK_STATUS_SCHEDULED] = "scheduled",
  [SAN_CALLBACK_STATUS_DONE] = "done",
  [SAN_CALLBACK_STATUS_CANCELLED] = "cancelled",
};

/* "unknown" is never accepted from the wire (lookup starts after it) */
static const char * const instance_state_words[] = {
  [SAN_INSTANCE_STATE_UNKNOWN] = "unknown",
  [SAN_INSTANCE_STATE_OPERATIONAL] = "operational",
  [SAN_INSTANCE_STATE_DEGRADED] = "degraded",
  [SAN_INSTANCE_STATE_PARTIAL_OUTAGE] = "partial_outage",
  [SAN_INSTANCE_STATE_MAJOR_OUTAGE] = "major_outage",
  [SAN_INSTANCE_STATE_MAINTENANCE] = "maintenance",
};

static const char * const incident_impact_words[] = {
  [SAN_INCIDENT_IMPACT_NONE] = "none",
  [SAN_INCIDENT_IMPACT_MINOR] = "minor",
  [SAN_INCIDENT_IMPACT_MAJOR] = "major",
  [SAN_INCIDENT_IMPACT_CRITICAL] = "critical",
};

static const char * const incident_status_words[] = {
  [SAN_INCIDENT_STATUS_INVESTIGATING] = "investigating",
  [SAN_INCIDENT_STATUS_IDENTIFIED] = "identified",
  [SAN_INCIDENT_STATUS_MONITORING] = "monitoring",
  [SAN_INCIDENT_STATUS_RESOLVED] = "resolved",
};

static const char * const event_type_words[] = {
  [SAN_EVENT_TYPE_HELLO] = "hello",
  [SAN_EVENT_TYPE_RESYNC] = "resync",
  [SAN_EVENT_TYPE_INSTANCE_STATE] = "instance_state",
  [SAN_EVENT_TYPE_INCIDENT_CREATED] = "incident_created",
  [SAN_EVENT_TYPE_INCIDENT_UPDATED] = "incident_updated",
  [SAN_EVENT_TYPE_INCIDENT_RESOLVED] = "incident_resolved",
  [SAN_EVENT_TYPE_METRICS] = "metrics",
  [SAN_EVENT_TYPE_NOTIFICATION] = "notification",
};

/* Exact, case-sensitive match: the wire's words are lower case */
static gboolean
lookup_word (const char * const *words,
             guint               n_words,
             const char         *word,
             guint              *out)
{
  if (word == NULL)
    return FALSE;
  for (guint i = 0; i < n_words; i++)
    {
      if (g_str_equal (words[i], word))
        {
          *out = i;
          return TRUE;
        }
    }
  return FALSE;
}

#define DEFINE_WIRE_FUNCS(TypeName, type_name, words)                            \
  gboolean                                                                       \
  type_name##_from_wire (const char *word,                                       \
                         TypeName   *out)                                        \
  {                                                                              \
    guint value;                                                                 \
                                                                                 \
    if (!lookup_word (words, G_N_ELEMENTS (words), word, &value))                \
      return FALSE;                                                              \
    if (out != NULL)                                                             \
      *out = (TypeName) value;                                                   \
    return TRUE;                                                                 \
  }                                                                              \
                                                                                 \
  const char *                                                                   \
  type_name##_to_wire (TypeName value)                                           \
  {                                                                              \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (words), NULL);           \
    return words[value];                                                         \
  }

DEFINE_WIRE_FUNCS (SanServiceStatus, san_service_status, service_status_words)
DEFINE_WIRE_FUNCS (SanServiceKind, san_service_kind, service_kind_words)
DEFINE_WIRE_FUNCS (SanBillingCycle, san_billing_cycle, billing_cycle_words)
DEFINE_WIRE_FUNCS (SanSupportLevelId, san_support_level_id, support_level_id_words)
DEFINE_WIRE_FUNCS (SanPaymentMethod, san_payment_method, payment_method_words)
DEFINE_WIRE_FUNCS (SanInvoiceStatus, san_invoice_status, invoice_status_words)
DEFINE_WIRE_FUNCS (SanPixStatus, san_pix_status, pix_status_words)
DEFINE_WIRE_FUNCS (SanFiscalNoteStatus, san_fiscal_note_status, fiscal_note_status_words)
DEFINE_WIRE_FUNCS (SanTicketStatus, san_ticket_status, ticket_status_words)
DEFINE_WIRE_FUNCS (SanTicketPriority, san_ticket_priority, ticket_priority_words)
DEFINE_WIRE_FUNCS (SanTicketAuthorKind, san_ticket_author_kind, ticket_author_kind_words)
DEFINE_WIRE_FUNCS (SanTicketWaiting, san_ticket_waiting, ticket_waiting_words)
DEFINE_WIRE_FUNCS (SanEmailKind, san_email_kind, email_kind_words)
DEFINE_WIRE_FUNCS (SanCallbackStatus, san_callback_status, callback_status_words)
DEFINE_WIRE_FUNCS (SanIncidentImpact, san_incident_impact, incident_impact_words)
DEFINE_WIRE_FUNCS (SanIncidentStatus, san_incident_status, incident_status_words)
DEFINE_WIRE_FUNCS (SanEventType, san_event_type, event_type_words)

gboolean
san_instance_state_from_wire (const char       *word,
                              SanInstanceState *out)
{
  guint value;

  if (!lookup_word (instance_state_words + 1, G_N_ELEMENTS (instance_state_words) - 1, word, &value))
    return FALSE;
  if (out != NULL)
    *out = (SanInstanceState) (value + 1);
  return TRUE;
}

const char *
san_instance_state_to_wire (SanInstanceState state)
{
  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (instance_state_words), NULL);
  return instance_state_words[state];
}
