/* san-invoice-item.c: one line of an invoice
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-api"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "san-invoice-item-private.h"

#include "san-json-private.h"

struct _SanInvoiceItem
{
  GObject  parent_instance;

  char    *description;
  char    *service_id;
  SanServiceKind service_kind;   /* valid only with a service_id */
  gint64   amount_cents;
};

enum {
  PROP_0,
  PROP_DESCRIPTION,
  PROP_SERVICE_ID,
  PROP_AMOUNT_CENTS,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (SanInvoiceItem, san_invoice_item, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
san_invoice_item_finalize (GObject *object)
{
  SanInvoiceItem *self = (SanInvoiceItem *) object;

  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->service_id, g_free);

  G_OBJECT_CLASS (san_invoice_item_parent_class)->finalize (object);
}

static void
san_invoice_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SanInvoiceItem *self = SAN_INVOICE_ITEM (object);

  switch (prop_id)
    {
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_SERVICE_ID:
      g_value_set_string (value, self->service_id);
      break;
    case PROP_AMOUNT_CENTS:
      g_value_set_int64 (value, self->amount_cents);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_invoice_item_class_init (SanInvoiceItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = san_invoice_item_finalize;
  object_class->get_property = san_invoice_item_get_property;

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_SERVICE_ID] =
    g_param_spec_string ("service-id", NULL, NULL, NULL, flags);
  properties[PROP_AMOUNT_CENTS] =
    g_param_spec_int64 ("amount-cents", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
san_invoice_item_init (SanInvoiceItem *self)
{
}

SanInvoiceItem *
san_invoice_item_new_from_json (JsonObject  *object,
                                GError     **error)
{
  SanInvoiceItem *self;
  const char *description, *service_id, *kind_word;
  SanServiceKind kind = SAN_SERVICE_KIND_SHARED;
  gint64 amount_cents;

  g_return_val_if_fail (object != NULL, NULL);

  /* A discount or credit may be negative */
  if (!san_json_read_string (object, "description", FALSE, &description, error) ||
      !san_json_read_string_or_null (object, "service_id", &service_id, error) ||
      !san_json_read_string_or_null (object, "service_kind", &kind_word, error) ||
      !san_json_read_int (object, "amount_cents", G_MININT64, G_MAXINT64, &amount_cents, error))
    return NULL;

  /* a service has a kind, a fee has neither */
  if ((service_id == NULL) != (kind_word == NULL) ||
      (kind_word != NULL && !san_service_kind_from_wire (kind_word, &kind)))
    {
      g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                   _("“service_kind” does not fit “service_id”"));
      return NULL;
    }

  self = g_object_new (SAN_TYPE_INVOICE_ITEM, NULL);
  self->description = g_strdup (description);
  self->service_id = g_strdup (service_id);
  self->service_kind = kind;
  self->amount_cents = amount_cents;
  return self;
}

const char *
san_invoice_item_get_description (SanInvoiceItem *self)
{
  g_return_val_if_fail (SAN_IS_INVOICE_ITEM (self), NULL);

  return self->description;
}

const char *
san_invoice_item_get_service_id (SanInvoiceItem *self)
{
  g_return_val_if_fail (SAN_IS_INVOICE_ITEM (self), NULL);

  return self->service_id;
}

gint64
san_invoice_item_get_amount_cents (SanInvoiceItem *self)
{
  g_return_val_if_fail (SAN_IS_INVOICE_ITEM (self), 0);

  return self->amount_cents;
}

gboolean
san_invoice_item_get_service_kind (SanInvoiceItem *self,
                                   SanServiceKind *out_kind)
{
  g_return_val_if_fail (SAN_IS_INVOICE_ITEM (self), FALSE);

  if (self->service_id == NULL)
    return FALSE;
  if (out_kind != NULL)
    *out_kind = self->service_kind;
  return TRUE;
}
