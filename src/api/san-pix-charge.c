/* san-pix-charge.c: a PIX charge (QR code / copia e cola) for an invoice
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-api"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "san-pix-charge-private.h"

#include "san-enum-types.h"
#include "san-json-private.h"

struct _SanPixCharge
{
  GObject       parent_instance;

  char         *invoice_id;
  char         *txid;
  char         *brcode;
  gint64        amount_cents;
  char         *key;
  char         *merchant_name;
  char         *merchant_city;
  GDateTime    *created_at;
  GDateTime    *expires_at;
  SanPixStatus  status;
};

enum {
  PROP_0,
  PROP_INVOICE_ID,
  PROP_TXID,
  PROP_BRCODE,
  PROP_AMOUNT_CENTS,
  PROP_KEY,
  PROP_MERCHANT_NAME,
  PROP_MERCHANT_CITY,
  PROP_CREATED_AT,
  PROP_EXPIRES_AT,
  PROP_STATUS,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (SanPixCharge, san_pix_charge, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
san_pix_charge_finalize (GObject *object)
{
  SanPixCharge *self = (SanPixCharge *) object;

  g_clear_pointer (&self->invoice_id, g_free);
  g_clear_pointer (&self->txid, g_free);
  g_clear_pointer (&self->brcode, g_free);
  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->merchant_name, g_free);
  g_clear_pointer (&self->merchant_city, g_free);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->expires_at, g_date_time_unref);

  G_OBJECT_CLASS (san_pix_charge_parent_class)->finalize (object);
}

static void
san_pix_charge_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SanPixCharge *self = SAN_PIX_CHARGE (object);

  switch (prop_id)
    {
    case PROP_INVOICE_ID:
      g_value_set_string (value, self->invoice_id);
      break;
    case PROP_TXID:
      g_value_set_string (value, self->txid);
      break;
    case PROP_BRCODE:
      g_value_set_string (value, self->brcode);
      break;
    case PROP_AMOUNT_CENTS:
      g_value_set_int64 (value, self->amount_cents);
      break;
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_MERCHANT_NAME:
      g_value_set_string (value, self->merchant_name);
      break;
    case PROP_MERCHANT_CITY:
      g_value_set_string (value, self->merchant_city);
      break;
    case PROP_CREATED_AT:
      g_value_set_boxed (value, self->created_at);
      break;
    case PROP_EXPIRES_AT:
      g_value_set_boxed (value, self->expires_at);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_pix_charge_class_init (SanPixChargeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = san_pix_charge_finalize;
  object_class->get_property = san_pix_charge_get_property;

  properties[PROP_INVOICE_ID] =
    g_param_spec_string ("invoice-id", NULL, NULL, NULL, flags);
  properties[PROP_TXID] =
    g_param_spec_string ("txid", NULL, NULL, NULL, flags);
  properties[PROP_BRCODE] =
    g_param_spec_string ("brcode", NULL, NULL, NULL, flags);
  properties[PROP_AMOUNT_CENTS] =
    g_param_spec_int64 ("amount-cents", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL, flags);
  properties[PROP_MERCHANT_NAME] =
    g_param_spec_string ("merchant-name", NULL, NULL, NULL, flags);
  properties[PROP_MERCHANT_CITY] =
    g_param_spec_string ("merchant-city", NULL, NULL, NULL, flags);
  properties[PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_EXPIRES_AT] =
    g_param_spec_boxed ("expires-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       SAN_TYPE_PIX_STATUS, SAN_PIX_STATUS_ACTIVE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
san_pix_charge_init (SanPixCharge *self)
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

SanPixCharge *
san_pix_charge_new_from_json (JsonObject  *object,
                              GError     **error)
{
  g_autoptr(GDateTime) created_at = NULL;
  g_autoptr(GDateTime) expires_at = NULL;
  SanPixCharge *self;
  const char *invoice_id, *txid, *brcode, *key, *merchant_name, *merchant_city;
  SanPixStatus status;
  gint64 amount_cents;

  g_return_val_if_fail (object != NULL, NULL);

  if (!san_json_read_string (object, "invoice_id", FALSE, &invoice_id, error) ||
      !san_json_read_string (object, "txid", FALSE, &txid, error) ||
      !san_json_read_string (object, "brcode", FALSE, &brcode, error) ||
      !san_json_read_int (object, "amount_cents", 1, G_MAXINT64, &amount_cents, error) ||
      !san_json_read_string (object, "key", FALSE, &key, error) ||
      !san_json_read_string (object, "merchant_name", FALSE, &merchant_name, error) ||
      !san_json_read_string (object, "merchant_city", FALSE, &merchant_city, error) ||
      !san_json_read_datetime (object, "created_at", &created_at, error) ||
      !san_json_read_datetime (object, "expires_at", &expires_at, error))
    goto fail;
  READ_WORD ("status", san_pix_status_from_wire, &status);

  if (g_date_time_compare (expires_at, created_at) < 0)
    {
      g_set_error_literal (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                           _("it expires before it was made"));
      goto fail;
    }

  self = g_object_new (SAN_TYPE_PIX_CHARGE, NULL);
  self->invoice_id = g_strdup (invoice_id);
  self->txid = g_strdup (txid);
  self->brcode = g_strdup (brcode);
  self->amount_cents = amount_cents;
  self->key = g_strdup (key);
  self->merchant_name = g_strdup (merchant_name);
  self->merchant_city = g_strdup (merchant_city);
  self->created_at = g_steal_pointer (&created_at);
  self->expires_at = g_steal_pointer (&expires_at);
  self->status = status;
  return self;

fail:
  g_prefix_error (error, "pix: ");
  return NULL;
}

#undef READ_WORD

const char *
san_pix_charge_get_invoice_id (SanPixCharge *self)
{
  g_return_val_if_fail (SAN_IS_PIX_CHARGE (self), NULL);

  return self->invoice_id;
}

const char *
san_pix_charge_get_txid (SanPixCharge *self)
{
  g_return_val_if_fail (SAN_IS_PIX_CHARGE (self), NULL);

  return self->txid;
}

const char *
san_pix_charge_get_brcode (SanPixCharge *self)
{
  g_return_val_if_fail (SAN_IS_PIX_CHARGE (self), NULL);

  return self->brcode;
}

gint64
san_pix_charge_get_amount_cents (SanPixCharge *self)
{
  g_return_val_if_fail (SAN_IS_PIX_CHARGE (self), 0);

  return self->amount_cents;
}

const char *
san_pix_charge_get_key (SanPixCharge *self)
{
  g_return_val_if_fail (SAN_IS_PIX_CHARGE (self), NULL);

  return self->key;
}

const char *
san_pix_charge_get_merchant_name (SanPixCharge *self)
{
  g_return_val_if_fail (SAN_IS_PIX_CHARGE (self), NULL);

  return self->merchant_name;
}

const char *
san_pix_charge_get_merchant_city (SanPixCharge *self)
{
  g_return_val_if_fail (SAN_IS_PIX_CHARGE (self), NULL);

  return self->merchant_city;
}

GDateTime *
san_pix_charge_get_created_at (SanPixCharge *self)
{
  g_return_val_if_fail (SAN_IS_PIX_CHARGE (self), NULL);

  return self->created_at;
}

GDateTime *
san_pix_charge_get_expires_at (SanPixCharge *self)
{
  g_return_val_if_fail (SAN_IS_PIX_CHARGE (self), NULL);

  return self->expires_at;
}

SanPixStatus
san_pix_charge_get_status (SanPixCharge *self)
{
  g_return_val_if_fail (SAN_IS_PIX_CHARGE (self), SAN_PIX_STATUS_ACTIVE);

  return self->status;
}
