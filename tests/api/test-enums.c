/* test-enums.c: the wire's words and the enums' GTypes
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "san-api.h"

typedef gboolean    (*FromWire) (const char *word, int *out);
typedef const char *(*ToWire)   (int value);

typedef struct
{
  const char          *name;
  GType              (*get_type) (void);
  FromWire             from_wire;
  ToWire               to_wire;
  const char * const  *words;   /* in enum order */
} EnumCase;

static const char * const status_words[] = { "pending", "active", "suspended", "cancelled", "terminated", NULL };
static const char * const kind_words[] = { "shared", "cloud", "dedicated", NULL };
static const char * const cycle_words[] = { "monthly", "annual", NULL };
static const char * const level_words[] = { "basic", "business", "premium", NULL };
static const char * const method_words[] = { "boleto", "pix", "card", "bank_debit", NULL };
static const char * const invoice_words[] = { "unpaid", "paid", "cancelled", "refunded", "payment_pending", NULL };
static const char * const pix_words[] = { "active", "settled", "expired", NULL };
static const char * const note_words[] = { "pending", "issued", NULL };
static const char * const ticket_status_words[] = {
  "open", "answered", "customer_reply", "on_hold", "in_progress", "closed", NULL };
static const char * const priority_words[] = { "low", "medium", "high", NULL };
static const char * const author_words[] = { "customer", "staff", NULL };
static const char * const waiting_words[] = { "us", "customer", NULL };
static const char * const email_kind_words[] = { "ticket", "callback", "invoice", "account", NULL };
static const char * const callback_words[] = { "requested", "scheduled", "done", "cancelled", NULL };

/* Adapters with one signature for every enum */
#define ADAPTERS(Type, prefix)                                        \
  static gboolean                                                     \
  prefix##_from (const char *word,                                    \
                 int        *out)                                     \
  {                                                                   \
    Type value;                                                       \
                                                                      \
    if (!prefix##_from_wire (word, &value))                           \
      return FALSE;                                                   \
    *out = (int) value;                                               \
    return TRUE;                                                      \
  }                                                                   \
                                                                      \
  static const char *                                                 \
  prefix##_to (int value)                                             \
  {                                                                   \
    return prefix##_to_wire ((Type) value);                           \
  }

ADAPTERS (SanServiceStatus, san_service_status)
ADAPTERS (SanServiceKind, san_service_kind)
ADAPTERS (SanBillingCycle, san_billing_cycle)
ADAPTERS (SanSupportLevelId, san_support_level_id)
ADAPTERS (SanPaymentMethod, san_payment_method)
ADAPTERS (SanInvoiceStatus, san_invoice_status)
ADAPTERS (SanPixStatus, san_pix_status)
ADAPTERS (SanFiscalNoteStatus, san_fiscal_note_status)
ADAPTERS (SanTicketStatus, san_ticket_status)
ADAPTERS (SanTicketPriority, san_ticket_priority)
ADAPTERS (SanTicketAuthorKind, san_ticket_author_kind)
ADAPTERS (SanTicketWaiting, san_ticket_waiting)
ADAPTERS (SanEmailKind, san_email_kind)
ADAPTERS (SanCallbackStatus, san_callback_status)

static const EnumCase cases[] = {
  { "service-status", san_service_status_get_type,
    san_service_status_from, san_service_status_to, status_words },
  { "service-kind", san_service_kind_get_type,
    san_service_kind_from, san_service_kind_to, kind_words },
  { "billing-cycle", san_billing_cycle_get_type,
    san_billing_cycle_from, san_billing_cycle_to, cycle_words },
  { "support-level-id", san_support_level_id_get_type,
    san_support_level_id_from, san_support_level_id_to, level_words },
  { "payment-method", san_payment_method_get_type,
    san_payment_method_from, san_payment_method_to, method_words },
  { "invoice-status", san_invoice_status_get_type,
    san_invoice_status_from, san_invoice_status_to, invoice_words },
  { "pix-status", san_pix_status_get_type,
    san_pix_status_from, san_pix_status_to, pix_words },
  { "fiscal-note-status", san_fiscal_note_status_get_type,
    san_fiscal_note_status_from, san_fiscal_note_status_to, note_words },
  { "ticket-status", san_ticket_status_get_type,
    san_ticket_status_from, san_ticket_status_to, ticket_status_words },
  { "ticket-priority", san_ticket_priority_get_type,
    san_ticket_priority_from, san_ticket_priority_to, priority_words },
  { "ticket-author-kind", san_ticket_author_kind_get_type,
    san_ticket_author_kind_from, san_ticket_author_kind_to, author_words },
  { "ticket-waiting", san_ticket_waiting_get_type,
    san_ticket_waiting_from, san_ticket_waiting_to, waiting_words },
  { "email-kind", san_email_kind_get_type,
    san_email_kind_from, san_email_kind_to, email_kind_words },
  { "callback-status", san_callback_status_get_type,
    san_callback_status_from, san_callback_status_to, callback_words },
};

/* Every word maps to its value and back */
static void
test_round_trip (gconstpointer data)
{
  const EnumCase *c = data;

  for (int i = 0; c->words[i] != NULL; i++)
    {
      int value = -1;

      g_assert_true (c->from_wire (c->words[i], &value));
      g_assert_cmpint (value, ==, i);
      g_assert_cmpstr (c->to_wire (i), ==, c->words[i]);
    }
}

/* Unknown words, other cases, padding and NULL are refused */
static void
test_unknown_words (gconstpointer data)
{
  const EnumCase *c = data;
  const char *bad[] = { "", "unknown", " active", "active ", "bank-debit", "ACTIVE", "Shared", "Pix", "monthly\n" };
  int value = 42;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (c->from_wire (bad[i], &value));
      g_assert_cmpint (value, ==, 42);
    }
  g_assert_false (c->from_wire (NULL, &value));
  for (int i = 0; c->words[i] != NULL; i++)
    {
      g_autofree char *upper = g_ascii_strup (c->words[i], -1);

      g_assert_false (c->from_wire (upper, &value));
    }
}

/* The GEnum (for properties) has one value per word, its nick being the
 * word with '-' for '_' (san-enums.h says so) */
static void
test_gtype_nicks (gconstpointer data)
{
  const EnumCase *c = data;
  g_autoptr(GEnumClass) klass = NULL;
  guint n_words = g_strv_length ((char **) c->words);

  g_assert_true (G_TYPE_IS_ENUM (c->get_type ()));
  klass = g_type_class_ref (c->get_type ());
  g_assert_cmpuint (klass->n_values, ==, n_words);

  for (guint i = 0; i < n_words; i++)
    {
      g_autofree char *nick = g_strdup (c->words[i]);
      GEnumValue *value;

      g_strdelimit (nick, "_", '-');
      value = g_enum_get_value_by_nick (klass, nick);
      g_assert_nonnull (value);
      g_assert_cmpint (value->value, ==, (int) i);
    }
}

static void
test_type_macros (void)
{
  g_assert_true (SAN_TYPE_SERVICE_STATUS == san_service_status_get_type ());
  g_assert_true (SAN_TYPE_PAYMENT_METHOD == san_payment_method_get_type ());
  g_assert_cmpstr (g_type_name (SAN_TYPE_SERVICE_STATUS), ==, "SanServiceStatus");
  g_assert_cmpstr (g_type_name (SAN_TYPE_SERVICE_KIND), ==, "SanServiceKind");
  g_assert_cmpstr (g_type_name (SAN_TYPE_BILLING_CYCLE), ==, "SanBillingCycle");
  g_assert_cmpstr (g_type_name (SAN_TYPE_SUPPORT_LEVEL_ID), ==, "SanSupportLevelId");
  g_assert_cmpstr (g_type_name (SAN_TYPE_TICKET_STATUS), ==, "SanTicketStatus");
  g_assert_cmpstr (g_type_name (SAN_TYPE_TICKET_PRIORITY), ==, "SanTicketPriority");
  g_assert_cmpstr (g_type_name (SAN_TYPE_TICKET_AUTHOR_KIND), ==, "SanTicketAuthorKind");
  g_assert_cmpstr (g_type_name (SAN_TYPE_TICKET_WAITING), ==, "SanTicketWaiting");
  g_assert_cmpstr (g_type_name (SAN_TYPE_EMAIL_KIND), ==, "SanEmailKind");
  g_assert_cmpstr (g_type_name (SAN_TYPE_CALLBACK_STATUS), ==, "SanCallbackStatus");
  /* The catalogue's model is an object type, its id the enum */
  g_assert_cmpstr (g_type_name (SAN_TYPE_SUPPORT_LEVEL), ==, "SanSupportLevel");
  g_assert_true (G_TYPE_IS_OBJECT (SAN_TYPE_SUPPORT_LEVEL));
}

/* The service's enum properties use these types */
static void
test_service_property_types (void)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (SAN_TYPE_SERVICE);
  struct { const char *property; GType type; } props[] = {
    { "status", SAN_TYPE_SERVICE_STATUS },
    { "kind", SAN_TYPE_SERVICE_KIND },
    { "billing-cycle", SAN_TYPE_BILLING_CYCLE },
    { "support-level", SAN_TYPE_SUPPORT_LEVEL_ID },
    { "payment-method", SAN_TYPE_PAYMENT_METHOD },
    { "next-due-date", G_TYPE_DATE },
    { "instance", SAN_TYPE_INSTANCE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (props); i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), props[i].property);

      g_assert_nonnull (pspec);
      g_assert_true (pspec->value_type == props[i].type);
      g_assert_true (pspec->flags & G_PARAM_READABLE);
      g_assert_true (pspec->flags & G_PARAM_CONSTRUCT_ONLY);
    }
}

/* The billing models' properties: read-only, of these types */
static void
test_billing_property_types (void)
{
  struct { GType owner; const char *property; GType type; } props[] = {
    { SAN_TYPE_INVOICE, "status", SAN_TYPE_INVOICE_STATUS },
    { SAN_TYPE_INVOICE, "payment-method", SAN_TYPE_PAYMENT_METHOD },
    { SAN_TYPE_INVOICE, "due-date", G_TYPE_DATE },
    { SAN_TYPE_INVOICE, "paid-at", G_TYPE_DATE_TIME },
    { SAN_TYPE_INVOICE, "items", G_TYPE_LIST_MODEL },
    { SAN_TYPE_INVOICE, "total-cents", G_TYPE_INT64 },
    { SAN_TYPE_PIX_CHARGE, "status", SAN_TYPE_PIX_STATUS },
    { SAN_TYPE_PAYMENT, "method", SAN_TYPE_PAYMENT_METHOD },
    { SAN_TYPE_FISCAL_NOTE, "status", SAN_TYPE_FISCAL_NOTE_STATUS },
    { SAN_TYPE_FISCAL_NOTE, "scheduled-for", G_TYPE_DATE },
    { SAN_TYPE_PAY_METHODS, "default-method", SAN_TYPE_PAYMENT_METHOD },
    { SAN_TYPE_SERVICE_PAY_METHOD, "method", SAN_TYPE_PAYMENT_METHOD },
    { SAN_TYPE_BOLETO, "is-second-copy", G_TYPE_BOOLEAN },
    { SAN_TYPE_CARD, "exp-year", G_TYPE_UINT },
    { SAN_TYPE_DDA, "enabled-at", G_TYPE_DATE_TIME },
  };

  for (guint i = 0; i < G_N_ELEMENTS (props); i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (props[i].owner);
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), props[i].property);

      g_assert_nonnull (pspec);
      g_assert_true (pspec->value_type == props[i].type);
      g_assert_true (pspec->flags & G_PARAM_READABLE);
      g_assert_false (pspec->flags & G_PARAM_WRITABLE);
    }
}

/* The support models' properties: read-only, of these types */
static void
test_support_property_types (void)
{
  struct { GType owner; const char *property; GType type; } props[] = {
    { SAN_TYPE_DEPARTMENT, "name", G_TYPE_STRING },
    { SAN_TYPE_TICKET, "status", SAN_TYPE_TICKET_STATUS },
    { SAN_TYPE_TICKET, "priority", SAN_TYPE_TICKET_PRIORITY },
    { SAN_TYPE_TICKET, "last-message-author", SAN_TYPE_TICKET_AUTHOR_KIND },
    { SAN_TYPE_TICKET, "updated-at", G_TYPE_DATE_TIME },
    { SAN_TYPE_TICKET, "contract-name", G_TYPE_STRING },
    { SAN_TYPE_TICKET, "message-count", G_TYPE_UINT },
    { SAN_TYPE_TICKET, "messages", G_TYPE_LIST_MODEL },
    { SAN_TYPE_TICKET_MESSAGE, "author-kind", SAN_TYPE_TICKET_AUTHOR_KIND },
    { SAN_TYPE_TICKET_MESSAGE, "internal", G_TYPE_BOOLEAN },
    { SAN_TYPE_TICKET_MESSAGE, "attachments", G_TYPE_LIST_MODEL },
    { SAN_TYPE_ATTACHMENT, "size", G_TYPE_INT64 },
    { SAN_TYPE_EMAIL, "kind", SAN_TYPE_EMAIL_KIND },
    { SAN_TYPE_EMAIL, "recipients", G_TYPE_STRV },
    { SAN_TYPE_EMAIL, "html-body", G_TYPE_STRING },
    { SAN_TYPE_CALLBACK, "date", G_TYPE_DATE },
    { SAN_TYPE_CALLBACK, "from-minutes", G_TYPE_UINT },
    { SAN_TYPE_CALLBACK, "status", SAN_TYPE_CALLBACK_STATUS },
    { SAN_TYPE_SUPPORT_LEVEL, "id", SAN_TYPE_SUPPORT_LEVEL_ID },
    { SAN_TYPE_SUPPORT_LEVEL, "channels", G_TYPE_STRV },
    { SAN_TYPE_SUPPORT_LEVEL, "price-cents", G_TYPE_INT64 },
    { SAN_TYPE_AUDIT_ENTRY, "at", G_TYPE_DATE_TIME },
  };

  for (guint i = 0; i < G_N_ELEMENTS (props); i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (props[i].owner);
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), props[i].property);

      g_assert_nonnull (pspec);
      g_assert_true (pspec->value_type == props[i].type);
      g_assert_true (pspec->flags & G_PARAM_READABLE);
      g_assert_false (pspec->flags & G_PARAM_WRITABLE);
    }
}

/* 413 and 415 have codes of their own, after the older ones (whose values
 * do not change) */
static void
test_error_codes (void)
{
  g_assert_cmpint (SAN_API_ERROR_IDEMPOTENCY, ==, 16);
  g_assert_cmpint (SAN_API_ERROR_PAYLOAD_TOO_LARGE, ==, 17);
  g_assert_cmpint (SAN_API_ERROR_UNSUPPORTED_MEDIA_TYPE, ==, 18);
}

/* An extended error domain (it carries a 400's field names), registered
 * under its type's name */
static void
test_error_quark (void)
{
  g_assert_cmpstr (g_quark_to_string (SAN_API_ERROR), ==, "SanApiError");
}

int
main (int   argc,
      char *argv[])
{
  /* With isolated dirs there are no GSettings schemas, which GIO's GNOME
   * proxy resolver needs: talk to the loopback servers directly */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *round_trip = g_strdup_printf ("/api/enums/%s/round-trip", cases[i].name);
      g_autofree char *unknown = g_strdup_printf ("/api/enums/%s/unknown-words", cases[i].name);
      g_autofree char *nicks = g_strdup_printf ("/api/enums/%s/gtype-nicks", cases[i].name);

      g_test_add_data_func (round_trip, &cases[i], test_round_trip);
      g_test_add_data_func (unknown, &cases[i], test_unknown_words);
      g_test_add_data_func (nicks, &cases[i], test_gtype_nicks);
    }
  g_test_add_func ("/api/enums/type-macros", test_type_macros);
  g_test_add_func ("/api/enums/service-property-types", test_service_property_types);
  g_test_add_func ("/api/enums/billing-property-types", test_billing_property_types);
  g_test_add_func ("/api/enums/support-property-types", test_support_property_types);
  g_test_add_func ("/api/error/codes", test_error_codes);
  g_test_add_func ("/api/error/quark", test_error_quark);

  return g_test_run ();
}
