/* san-service-pay-method.c: how one service is paid
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-api"

#include "config.h"

#include "san-service-pay-method-private.h"

#include "san-enum-types.h"
#include "san-json-private.h"

struct _SanServicePayMethod
{
  GObject           parent_instance;

  char             *service_id;
  char             *name;
  SanPaymentMethod  method;
};

enum {
  PROP_0,
  PROP_SERVICE_ID,
  PROP_NAME,
  PROP_METHOD,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (SanServicePayMethod, san_service_pay_method, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
san_service_pay_method_finalize (GObject *object)
{
  SanServicePayMethod *self = (SanServicePayMethod *) object;

  g_clear_pointer (&self->service_id, g_free);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (san_service_pay_method_parent_class)->finalize (object);
}

static void
san_service_pay_method_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SanServicePayMethod *self = SAN_SERVICE_PAY_METHOD (object);

  switch (prop_id)
    {
    case PROP_SERVICE_ID:
      g_value_set_string (value, self->service_id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_METHOD:
      g_value_set_enum (value, self->method);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_service_pay_method_class_init (SanServicePayMethodClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = san_service_pay_method_finalize;
  object_class->get_property = san_service_pay_method_get_property;

  properties[PROP_SERVICE_ID] =
    g_param_spec_string ("service-id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_METHOD] =
    g_param_spec_enum ("method", NULL, NULL,
                       SAN_TYPE_PAYMENT_METHOD, SAN_PAYMENT_METHOD_BOLETO, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
san_service_pay_method_init (SanServicePayMethod *self)
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

SanServicePayMethod *
san_service_pay_method_new_from_json (JsonObject  *object,
                                      GError     **error)
{
  SanServicePayMethod *self;
  const char *service_id = NULL, *name;
  SanPaymentMethod method;

  g_return_val_if_fail (object != NULL, NULL);

  if (!san_json_read_string (object, "service_id", FALSE, &service_id, error))
    {
      service_id = NULL;
      goto fail;
    }
  if (!san_json_read_string (object, "name", FALSE, &name, error))
    goto fail;
  READ_WORD ("method", san_payment_method_from_wire, &method);

  self = g_object_new (SAN_TYPE_SERVICE_PAY_METHOD, NULL);
  self->service_id = g_strdup (service_id);
  self->name = g_strdup (name);
  self->method = method;
  return self;

fail:
  if (service_id != NULL)
    g_prefix_error (error, "service %s: ", service_id);
  else
    g_prefix_error (error, "service: ");
  return NULL;
}

#undef READ_WORD

const char *
san_service_pay_method_get_service_id (SanServicePayMethod *self)
{
  g_return_val_if_fail (SAN_IS_SERVICE_PAY_METHOD (self), NULL);

  return self->service_id;
}

const char *
san_service_pay_method_get_name (SanServicePayMethod *self)
{
  g_return_val_if_fail (SAN_IS_SERVICE_PAY_METHOD (self), NULL);

  return self->name;
}

SanPaymentMethod
san_service_pay_method_get_method (SanServicePayMethod *self)
{
  g_return_val_if_fail (SAN_IS_SERVICE_PAY_METHOD (self), SAN_PAYMENT_METHOD_BOLETO);

  return self->method;
}
