/* san-payment.c: one payment of an invoice
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-api"

#include "config.h"

#include "san-payment-private.h"

#include "san-enum-types.h"
#include "san-json-private.h"

struct _SanPayment
{
  GObject           parent_instance;

  char             *id;
  char             *invoice_id;
  SanPaymentMethod  method;
  char             *status;
  gint64            amount_cents;
  GDateTime        *created_at;
  char             *card_brand;
  char             *card_last4;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_INVOICE_ID,
  PROP_METHOD,
  PROP_STATUS,
  PROP_AMOUNT_CENTS,
  PROP_CREATED_AT,
  PROP_CARD_BRAND,
  PROP_CARD_LAST4,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (SanPayment, san_payment, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
san_payment_finalize (GObject *object)
{
  SanPayment *self = (SanPayment *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->invoice_id, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->card_brand, g_free);
  g_clear_pointer (&self->card_last4, g_free);

  G_OBJECT_CLASS (san_payment_parent_class)->finalize (object);
}

static void
san_payment_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SanPayment *self = SAN_PAYMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_INVOICE_ID:
      g_value_set_string (value, self->invoice_id);
      break;
    case PROP_METHOD:
      g_value_set_enum (value, self->method);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_AMOUNT_CENTS:
      g_value_set_int64 (value, self->amount_cents);
      break;
    case PROP_CREATED_AT:
      g_value_set_boxed (value, self->created_at);
      break;
    case PROP_CARD_BRAND:
      g_value_set_string (value, self->card_brand);
      break;
    case PROP_CARD_LAST4:
      g_value_set_string (value, self->card_last4);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_payment_class_init (SanPaymentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = san_payment_finalize;
  object_class->get_property = san_payment_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_INVOICE_ID] =
    g_param_spec_string ("invoice-id", NULL, NULL, NULL, flags);
  properties[PROP_METHOD] =
    g_param_spec_enum ("method", NULL, NULL,
                       SAN_TYPE_PAYMENT_METHOD, SAN_PAYMENT_METHOD_BOLETO, flags);
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL, flags);
  properties[PROP_AMOUNT_CENTS] =
    g_param_spec_int64 ("amount-cents", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_CARD_BRAND] =
    g_param_spec_string ("card-brand", NULL, NULL, NULL, flags);
  properties[PROP_CARD_LAST4] =
    g_param_spec_string ("card-last4", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
san_payment_init (SanPayment *self)
{
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

SanPayment *
san_payment_new_from_json (JsonObject  *object,
                           GError     **error)
{
  g_autoptr(GDateTime) created_at = NULL;
  SanPayment *self;
  const char *id = NULL, *invoice_id, *status;
  const char *card_brand = NULL, *card_last4 = NULL;
  SanPaymentMethod method;
  JsonObject *card;
  gint64 amount_cents;

  g_return_val_if_fail (object != NULL, NULL);

  if (!san_json_read_string (object, "id", FALSE, &id, error))
    {
      id = NULL;
      goto fail;
    }
  if (!san_json_read_string (object, "invoice_id", FALSE, &invoice_id, error))
    goto fail;
  READ_WORD ("method", san_payment_method_from_wire, &method);
  if (!san_json_read_string (object, "status", FALSE, &status, error) ||
      !san_json_read_int (object, "amount_cents", 0, G_MAXINT64, &amount_cents, error) ||
      !san_json_read_datetime (object, "created_at", &created_at, error) ||
      !san_json_read_object (object, "card", TRUE, &card, error))
    goto fail;

  if (card != NULL &&
      (!san_json_read_string (card, "brand", FALSE, &card_brand, error) ||
       !san_json_read_digits (card, "last4", 4, &card_last4, error)))
    {
      g_prefix_error (error, "card: ");
      goto fail;
    }

  self = g_object_new (SAN_TYPE_PAYMENT, NULL);
  self->id = g_strdup (id);
  self->invoice_id = g_strdup (invoice_id);
  self->method = method;
  self->status = g_strdup (status);
  self->amount_cents = amount_cents;
  self->created_at = g_steal_pointer (&created_at);
  self->card_brand = g_strdup (card_brand);
  self->card_last4 = g_strdup (card_last4);
  return self;

fail:
  if (id != NULL)
    g_prefix_error (error, "payment %s: ", id);
  else
    g_prefix_error (error, "payment: ");
  return NULL;
}

#undef READ_WORD

const char *
san_payment_get_id (SanPayment *self)
{
  g_return_val_if_fail (SAN_IS_PAYMENT (self), NULL);

  return self->id;
}

const char *
san_payment_get_invoice_id (SanPayment *self)
{
  g_return_val_if_fail (SAN_IS_PAYMENT (self), NULL);

  return self->invoice_id;
}

SanPaymentMethod
san_payment_get_method (SanPayment *self)
{
  g_return_val_if_fail (SAN_IS_PAYMENT (self), SAN_PAYMENT_METHOD_BOLETO);

  return self->method;
}

const char *
san_payment_get_status (SanPayment *self)
{
  g_return_val_if_fail (SAN_IS_PAYMENT (self), NULL);

  return self->status;
}

gint64
san_payment_get_amount_cents (SanPayment *self)
{
  g_return_val_if_fail (SAN_IS_PAYMENT (self), 0);

  return self->amount_cents;
}

GDateTime *
san_payment_get_created_at (SanPayment *self)
{
  g_return_val_if_fail (SAN_IS_PAYMENT (self), NULL);

  return self->created_at;
}

const char *
san_payment_get_card_brand (SanPayment *self)
{
  g_return_val_if_fail (SAN_IS_PAYMENT (self), NULL);

  return self->card_brand;
}

const char *
san_payment_get_card_last4 (SanPayment *self)
{
  g_return_val_if_fail (SAN_IS_PAYMENT (self), NULL);

  return self->card_last4;
}
