/* san-invoice.c: one invoice (fatura) of a contract
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-api"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "san-invoice-private.h"

#include "san-enum-types.h"
#include "san-invoice-item-private.h"
#include "san-json-private.h"

struct _SanInvoice
{
  GObject           parent_instance;

  char             *id;
  char             *contract_id;
  char             *number;
  SanInvoiceStatus  status;
  gboolean          overdue;
  GDate             issue_date;
  GDate             due_date;
  gint64            total_cents;
  SanPaymentMethod  payment_method;
  GDateTime        *paid_at;
  GListModel       *items;
  SanPaymentMethod  paid_with;
  gboolean          has_paid_with;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_CONTRACT_ID,
  PROP_NUMBER,
  PROP_STATUS,
  PROP_OVERDUE,
  PROP_ISSUE_DATE,
  PROP_DUE_DATE,
  PROP_TOTAL_CENTS,
  PROP_PAYMENT_METHOD,
  PROP_PAID_AT,
  PROP_ITEMS,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (SanInvoice, san_invoice, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
san_invoice_dispose (GObject *object)
{
  SanInvoice *self = (SanInvoice *) object;

  g_clear_object (&self->items);

  G_OBJECT_CLASS (san_invoice_parent_class)->dispose (object);
}

static void
san_invoice_finalize (GObject *object)
{
  SanInvoice *self = (SanInvoice *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->contract_id, g_free);
  g_clear_pointer (&self->number, g_free);
  g_clear_pointer (&self->paid_at, g_date_time_unref);

  G_OBJECT_CLASS (san_invoice_parent_class)->finalize (object);
}

static void
san_invoice_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SanInvoice *self = SAN_INVOICE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_CONTRACT_ID:
      g_value_set_string (value, self->contract_id);
      break;
    case PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_OVERDUE:
      g_value_set_boolean (value, self->overdue);
      break;
    case PROP_ISSUE_DATE:
      g_value_set_boxed (value, san_invoice_get_issue_date (self));
      break;
    case PROP_DUE_DATE:
      g_value_set_boxed (value, san_invoice_get_due_date (self));
      break;
    case PROP_TOTAL_CENTS:
      g_value_set_int64 (value, self->total_cents);
      break;
    case PROP_PAYMENT_METHOD:
      g_value_set_enum (value, self->payment_method);
      break;
    case PROP_PAID_AT:
      g_value_set_boxed (value, self->paid_at);
      break;
    case PROP_ITEMS:
      g_value_set_object (value, self->items);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_invoice_class_init (SanInvoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = san_invoice_dispose;
  object_class->finalize = san_invoice_finalize;
  object_class->get_property = san_invoice_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_CONTRACT_ID] =
    g_param_spec_string ("contract-id", NULL, NULL, NULL, flags);
  properties[PROP_NUMBER] =
    g_param_spec_string ("number", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       SAN_TYPE_INVOICE_STATUS, SAN_INVOICE_STATUS_UNPAID, flags);
  properties[PROP_OVERDUE] =
    g_param_spec_boolean ("overdue", NULL, NULL, FALSE, flags);
  properties[PROP_ISSUE_DATE] =
    g_param_spec_boxed ("issue-date", NULL, NULL, G_TYPE_DATE, flags);
  properties[PROP_DUE_DATE] =
    g_param_spec_boxed ("due-date", NULL, NULL, G_TYPE_DATE, flags);
  properties[PROP_TOTAL_CENTS] =
    g_param_spec_int64 ("total-cents", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_PAYMENT_METHOD] =
    g_param_spec_enum ("payment-method", NULL, NULL,
                       SAN_TYPE_PAYMENT_METHOD, SAN_PAYMENT_METHOD_BOLETO, flags);
  properties[PROP_PAID_AT] =
    g_param_spec_boxed ("paid-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_ITEMS] =
    g_param_spec_object ("items", NULL, NULL, G_TYPE_LIST_MODEL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
san_invoice_init (SanInvoice *self)
{
  g_date_clear (&self->issue_date, 1);
  g_date_clear (&self->due_date, 1);
}

/* Reads the wire word @member with @from_wire into @out */
#define READ_WORD(member, from_wire, out)                                   \
  G_STMT_START {                                                            \
    const char *word_;                                                      \
                                                                            \
    if (!san_json_read_string (object, member, FALSE, &word_, error))       \
      goto fail;                                                            \
    if (!from_wire (word_, out))                                            \
      {                                                                     \
        san_json_set_unknown_word (error, member, word_);                   \
        goto fail;                                                          \
      }                                                                     \
  } G_STMT_END

SanInvoice *
san_invoice_new_from_json (JsonObject  *object,
                           GError     **error)
{
  g_autoptr(GListStore) items = NULL;
  g_autoptr(GDateTime) paid_at = NULL;
  SanInvoice *self;
  const char *id = NULL, *contract_id, *number, *paid_with_word;
  SanInvoiceStatus status;
  SanPaymentMethod payment_method;
  SanPaymentMethod paid_with = SAN_PAYMENT_METHOD_BOLETO;
  gboolean overdue;
  gint64 total_cents;
  GDate issue_date;
  GDate due_date;
  JsonArray *array;
  guint n;

  g_return_val_if_fail (object != NULL, NULL);

  if (!san_json_read_string (object, "id", FALSE, &id, error))
    {
      id = NULL;
      goto fail;
    }
  if (!san_json_read_string (object, "contract_id", FALSE, &contract_id, error) ||
      !san_json_read_string (object, "number", FALSE, &number, error))
    goto fail;
  READ_WORD ("status", san_invoice_status_from_wire, &status);
  if (!san_json_read_boolean (object, "overdue", &overdue, error) ||
      !san_json_read_date (object, "issue_date", FALSE, &issue_date, error) ||
      !san_json_read_date (object, "due_date", FALSE, &due_date, error) ||
      !san_json_read_int (object, "total_cents", 0, G_MAXINT64, &total_cents, error))
    goto fail;
  READ_WORD ("payment_method", san_payment_method_from_wire, &payment_method);
  if (!san_json_read_datetime_or_null (object, "paid_at", &paid_at, error) ||
      !san_json_read_string_or_null (object, "paid_with", &paid_with_word, error))
    goto fail;
  if (paid_with_word != NULL && !san_payment_method_from_wire (paid_with_word, &paid_with))
    {
      san_json_set_unknown_word (error, "paid_with", paid_with_word);
      goto fail;
    }
  if (!san_json_read_array (object, "items", &array, error))
    goto fail;

  if ((paid_at == NULL) != (paid_with_word == NULL) ||
      (status == SAN_INVOICE_STATUS_PAID && paid_at == NULL))
    {
      g_set_error_literal (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                           _("“paid_at” and “paid_with” do not fit its status"));
      goto fail;
    }
  if (overdue && status != SAN_INVOICE_STATUS_UNPAID)
    {
      g_set_error_literal (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                           _("“overdue” is true but it is not unpaid"));
      goto fail;
    }

  items = g_list_store_new (SAN_TYPE_INVOICE_ITEM);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(SanInvoiceItem) item = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                       _("item %u is not an object"), i + 1);
          goto fail;
        }
      item = san_invoice_item_new_from_json (json_node_get_object (node), error);
      if (item == NULL)
        {
          g_prefix_error (error, _("item %u: "), i + 1);
          goto fail;
        }
      g_list_store_append (items, item);
    }

  self = g_object_new (SAN_TYPE_INVOICE, NULL);
  self->id = g_strdup (id);
  self->contract_id = g_strdup (contract_id);
  self->number = g_strdup (number);
  self->status = status;
  self->overdue = overdue;
  self->issue_date = issue_date;
  self->due_date = due_date;
  self->total_cents = total_cents;
  self->payment_method = payment_method;
  self->paid_at = g_steal_pointer (&paid_at);
  self->has_paid_with = paid_with_word != NULL;
  self->paid_with = paid_with;
  self->items = G_LIST_MODEL (g_steal_pointer (&items));
  return self;

fail:
  if (id != NULL)
    g_prefix_error (error, "invoice %s: ", id);
  else
    g_prefix_error (error, "invoice: ");
  return NULL;
}

#undef READ_WORD

const char *
san_invoice_get_id (SanInvoice *self)
{
  g_return_val_if_fail (SAN_IS_INVOICE (self), NULL);

  return self->id;
}

const char *
san_invoice_get_contract_id (SanInvoice *self)
{
  g_return_val_if_fail (SAN_IS_INVOICE (self), NULL);

  return self->contract_id;
}

const char *
san_invoice_get_number (SanInvoice *self)
{
  g_return_val_if_fail (SAN_IS_INVOICE (self), NULL);

  return self->number;
}

SanInvoiceStatus
san_invoice_get_status (SanInvoice *self)
{
  g_return_val_if_fail (SAN_IS_INVOICE (self), SAN_INVOICE_STATUS_UNPAID);

  return self->status;
}

gboolean
san_invoice_get_overdue (SanInvoice *self)
{
  g_return_val_if_fail (SAN_IS_INVOICE (self), FALSE);

  return self->overdue;
}

const GDate *
san_invoice_get_issue_date (SanInvoice *self)
{
  g_return_val_if_fail (SAN_IS_INVOICE (self), NULL);

  return g_date_valid (&self->issue_date) ? &self->issue_date : NULL;
}

const GDate *
san_invoice_get_due_date (SanInvoice *self)
{
  g_return_val_if_fail (SAN_IS_INVOICE (self), NULL);

  return g_date_valid (&self->due_date) ? &self->due_date : NULL;
}

gint64
san_invoice_get_total_cents (SanInvoice *self)
{
  g_return_val_if_fail (SAN_IS_INVOICE (self), 0);

  return self->total_cents;
}

SanPaymentMethod
san_invoice_get_payment_method (SanInvoice *self)
{
  g_return_val_if_fail (SAN_IS_INVOICE (self), SAN_PAYMENT_METHOD_BOLETO);

  return self->payment_method;
}

GDateTime *
san_invoice_get_paid_at (SanInvoice *self)
{
  g_return_val_if_fail (SAN_IS_INVOICE (self), NULL);

  return self->paid_at;
}

GListModel *
san_invoice_get_items (SanInvoice *self)
{
  g_return_val_if_fail (SAN_IS_INVOICE (self), NULL);

  return self->items;
}

gboolean
san_invoice_get_paid_with (SanInvoice       *self,
                           SanPaymentMethod *out)
{
  g_return_val_if_fail (SAN_IS_INVOICE (self), FALSE);

  if (!self->has_paid_with)
    return FALSE;
  if (out != NULL)
    *out = self->paid_with;
  return TRUE;
}
