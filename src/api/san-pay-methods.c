/* san-pay-methods.c: the contract's default payment method and each service's
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-api"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "san-pay-methods-private.h"

#include "san-enum-types.h"
#include "san-json-private.h"
#include "san-service-pay-method-private.h"

struct _SanPayMethods
{
  GObject           parent_instance;

  SanPaymentMethod  default_method;
  GListModel       *services;
};

enum {
  PROP_0,
  PROP_DEFAULT_METHOD,
  PROP_SERVICES,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (SanPayMethods, san_pay_methods, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
san_pay_methods_dispose (GObject *object)
{
  SanPayMethods *self = (SanPayMethods *) object;

  g_clear_object (&self->services);

  G_OBJECT_CLASS (san_pay_methods_parent_class)->dispose (object);
}

static void
san_pay_methods_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SanPayMethods *self = SAN_PAY_METHODS (object);

  switch (prop_id)
    {
    case PROP_DEFAULT_METHOD:
      g_value_set_enum (value, self->default_method);
      break;
    case PROP_SERVICES:
      g_value_set_object (value, self->services);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_pay_methods_class_init (SanPayMethodsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = san_pay_methods_dispose;
  object_class->get_property = san_pay_methods_get_property;

  properties[PROP_DEFAULT_METHOD] =
    g_param_spec_enum ("default-method", NULL, NULL,
                       SAN_TYPE_PAYMENT_METHOD, SAN_PAYMENT_METHOD_BOLETO, flags);
  properties[PROP_SERVICES] =
    g_param_spec_object ("services", NULL, NULL, G_TYPE_LIST_MODEL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
san_pay_methods_init (SanPayMethods *self)
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

SanPayMethods *
san_pay_methods_new_from_json (JsonObject  *object,
                               GError     **error)
{
  g_autoptr(GListStore) services = NULL;
  SanPayMethods *self;
  SanPaymentMethod default_method;
  JsonArray *array;
  guint n;

  g_return_val_if_fail (object != NULL, NULL);

  READ_WORD ("default_method", san_payment_method_from_wire, &default_method);
  if (!san_json_read_array (object, "services", &array, error))
    goto fail;

  services = g_list_store_new (SAN_TYPE_SERVICE_PAY_METHOD);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(SanServicePayMethod) service = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                       _("item %u is not an object"), i + 1);
          goto fail;
        }
      service = san_service_pay_method_new_from_json (json_node_get_object (node), error);
      if (service == NULL)
        goto fail;
      g_list_store_append (services, service);
    }

  self = g_object_new (SAN_TYPE_PAY_METHODS, NULL);
  self->default_method = default_method;
  self->services = G_LIST_MODEL (g_steal_pointer (&services));
  return self;

fail:
  g_prefix_error (error, "payment methods: ");
  return NULL;
}

#undef READ_WORD

SanPaymentMethod
san_pay_methods_get_default_method (SanPayMethods *self)
{
  g_return_val_if_fail (SAN_IS_PAY_METHODS (self), SAN_PAYMENT_METHOD_BOLETO);

  return self->default_method;
}

GListModel *
san_pay_methods_get_services (SanPayMethods *self)
{
  g_return_val_if_fail (SAN_IS_PAY_METHODS (self), NULL);

  return self->services;
}
