/* san-service.c: one contracted service (hosting, cloud or dedicated server)
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-api"

#include "config.h"

#include "san-service-private.h"

#include "san-enum-types.h"
#include "san-instance-private.h"
#include "san-json-private.h"

struct _SanService
{
  GObject           parent_instance;

  char             *id;
  char             *contract_id;
  char             *product;
  char             *plan;
  char             *domain;
  SanInstance      *instance;
  gint64            price_cents;
  GDate             next_due_date;   /* invalid (cleared) when there is none */
  GDate             status_since;
  SanServiceKind    kind;
  SanServiceStatus  status;
  SanBillingCycle   billing_cycle;
  SanSupportLevelId support_level;
  SanPaymentMethod  payment_method;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_CONTRACT_ID,
  PROP_PRODUCT,
  PROP_PLAN,
  PROP_DOMAIN,
  PROP_KIND,
  PROP_STATUS,
  PROP_BILLING_CYCLE,
  PROP_PRICE_CENTS,
  PROP_NEXT_DUE_DATE,
  PROP_STATUS_SINCE,
  PROP_SUPPORT_LEVEL,
  PROP_PAYMENT_METHOD,
  PROP_INSTANCE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (SanService, san_service, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
set_date (GDate        *date,
          const GValue *value)
{
  const GDate *from = g_value_get_boxed (value);

  g_date_clear (date, 1);
  if (from != NULL && g_date_valid (from))
    *date = *from;
}

static void
san_service_dispose (GObject *object)
{
  SanService *self = (SanService *) object;

  g_clear_object (&self->instance);

  G_OBJECT_CLASS (san_service_parent_class)->dispose (object);
}

static void
san_service_finalize (GObject *object)
{
  SanService *self = (SanService *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->contract_id, g_free);
  g_clear_pointer (&self->product, g_free);
  g_clear_pointer (&self->plan, g_free);
  g_clear_pointer (&self->domain, g_free);

  G_OBJECT_CLASS (san_service_parent_class)->finalize (object);
}

static void
san_service_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SanService *self = SAN_SERVICE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_CONTRACT_ID:
      g_value_set_string (value, self->contract_id);
      break;
    case PROP_PRODUCT:
      g_value_set_string (value, self->product);
      break;
    case PROP_PLAN:
      g_value_set_string (value, self->plan);
      break;
    case PROP_DOMAIN:
      g_value_set_string (value, self->domain);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_BILLING_CYCLE:
      g_value_set_enum (value, self->billing_cycle);
      break;
    case PROP_PRICE_CENTS:
      g_value_set_int64 (value, self->price_cents);
      break;
    case PROP_NEXT_DUE_DATE:
      g_value_set_boxed (value, san_service_get_next_due_date (self));
      break;
    case PROP_STATUS_SINCE:
      g_value_set_boxed (value, san_service_get_status_since (self));
      break;
    case PROP_SUPPORT_LEVEL:
      g_value_set_enum (value, self->support_level);
      break;
    case PROP_PAYMENT_METHOD:
      g_value_set_enum (value, self->payment_method);
      break;
    case PROP_INSTANCE:
      g_value_set_object (value, self->instance);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_service_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SanService *self = SAN_SERVICE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_CONTRACT_ID:
      self->contract_id = g_value_dup_string (value);
      break;
    case PROP_PRODUCT:
      self->product = g_value_dup_string (value);
      break;
    case PROP_PLAN:
      self->plan = g_value_dup_string (value);
      break;
    case PROP_DOMAIN:
      g_free (self->domain);
      self->domain = g_strdup (g_value_get_string (value) ? g_value_get_string (value) : "");
      break;
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_STATUS:
      self->status = g_value_get_enum (value);
      break;
    case PROP_BILLING_CYCLE:
      self->billing_cycle = g_value_get_enum (value);
      break;
    case PROP_PRICE_CENTS:
      self->price_cents = g_value_get_int64 (value);
      break;
    case PROP_NEXT_DUE_DATE:
      set_date (&self->next_due_date, value);
      break;
    case PROP_STATUS_SINCE:
      set_date (&self->status_since, value);
      break;
    case PROP_SUPPORT_LEVEL:
      self->support_level = g_value_get_enum (value);
      break;
    case PROP_PAYMENT_METHOD:
      self->payment_method = g_value_get_enum (value);
      break;
    case PROP_INSTANCE:
      self->instance = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_service_class_init (SanServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                            G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = san_service_dispose;
  object_class->finalize = san_service_finalize;
  object_class->get_property = san_service_get_property;
  object_class->set_property = san_service_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_CONTRACT_ID] =
    g_param_spec_string ("contract-id", NULL, NULL, NULL, flags);
  properties[PROP_PRODUCT] =
    g_param_spec_string ("product", NULL, NULL, NULL, flags);
  properties[PROP_PLAN] =
    g_param_spec_string ("plan", NULL, NULL, NULL, flags);
  properties[PROP_DOMAIN] =
    g_param_spec_string ("domain", NULL, NULL, "", flags);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       SAN_TYPE_SERVICE_KIND, SAN_SERVICE_KIND_SHARED, flags);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       SAN_TYPE_SERVICE_STATUS, SAN_SERVICE_STATUS_PENDING, flags);
  properties[PROP_BILLING_CYCLE] =
    g_param_spec_enum ("billing-cycle", NULL, NULL,
                       SAN_TYPE_BILLING_CYCLE, SAN_BILLING_CYCLE_MONTHLY, flags);
  properties[PROP_PRICE_CENTS] =
    g_param_spec_int64 ("price-cents", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NEXT_DUE_DATE] =
    g_param_spec_boxed ("next-due-date", NULL, NULL, G_TYPE_DATE, flags);
  properties[PROP_STATUS_SINCE] =
    g_param_spec_boxed ("status-since", NULL, NULL, G_TYPE_DATE, flags);
  properties[PROP_SUPPORT_LEVEL] =
    g_param_spec_enum ("support-level", NULL, NULL,
                       SAN_TYPE_SUPPORT_LEVEL_ID, SAN_SUPPORT_LEVEL_BASIC, flags);
  properties[PROP_PAYMENT_METHOD] =
    g_param_spec_enum ("payment-method", NULL, NULL,
                       SAN_TYPE_PAYMENT_METHOD, SAN_PAYMENT_METHOD_BOLETO, flags);
  properties[PROP_INSTANCE] =
    g_param_spec_object ("instance", NULL, NULL, SAN_TYPE_INSTANCE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
san_service_init (SanService *self)
{
  g_date_clear (&self->next_due_date, 1);
  g_date_clear (&self->status_since, 1);
  self->domain = g_strdup ("");
}

/* Reads the enum member @member with @from_wire into @out */
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

SanService *
san_service_new_from_json (JsonObject  *object,
                           GError     **error)
{
  g_autoptr(SanInstance) instance = NULL;
  g_autoptr(GDateTime) created_at = NULL;
  const char *id = NULL, *contract_id, *product, *plan, *domain;
  JsonObject *instance_object;
  SanServiceKind kind;
  SanServiceStatus status;
  SanBillingCycle billing_cycle;
  SanSupportLevelId support_level;
  SanPaymentMethod payment_method;
  gint64 price_cents;
  GDate next_due_date;
  GDate status_since;

  g_return_val_if_fail (object != NULL, NULL);

  if (!san_json_read_string (object, "id", FALSE, &id, error))
    {
      id = NULL;
      goto fail;
    }
  if (!san_json_read_string (object, "contract_id", FALSE, &contract_id, error) ||
      !san_json_read_string (object, "product", FALSE, &product, error) ||
      !san_json_read_string (object, "plan", FALSE, &plan, error) ||
      !san_json_read_string (object, "domain", TRUE, &domain, error))
    goto fail;

  READ_WORD ("kind", san_service_kind_from_wire, &kind);
  READ_WORD ("status", san_service_status_from_wire, &status);
  READ_WORD ("billing_cycle", san_billing_cycle_from_wire, &billing_cycle);
  READ_WORD ("support_level", san_support_level_id_from_wire, &support_level);
  READ_WORD ("payment_method", san_payment_method_from_wire, &payment_method);

  if (!san_json_read_int (object, "price_cents", 0, G_MAXINT64, &price_cents, error) ||
      !san_json_read_date (object, "next_due_date", TRUE, &next_due_date, error) ||
      !san_json_read_date (object, "status_since", FALSE, &status_since, error) ||
      !san_json_read_datetime (object, "created_at", &created_at, error) ||
      !san_json_read_object (object, "instance", TRUE, &instance_object, error))
    goto fail;

  if (instance_object != NULL)
    {
      instance = san_instance_new_from_json (instance_object, error);
      if (instance == NULL)
        goto fail;
    }

  return g_object_new (SAN_TYPE_SERVICE,
                       "id", id,
                       "contract-id", contract_id,
                       "product", product,
                       "plan", plan,
                       "domain", domain,
                       "kind", kind,
                       "status", status,
                       "billing-cycle", billing_cycle,
                       "price-cents", price_cents,
                       "next-due-date", g_date_valid (&next_due_date) ? &next_due_date : NULL,
                       "status-since", &status_since,
                       "support-level", support_level,
                       "payment-method", payment_method,
                       "instance", instance,
                       NULL);

fail:
  if (id != NULL)
    g_prefix_error (error, "service %s: ", id);
  else
    g_prefix_error (error, "service: ");
  return NULL;
}

#undef READ_WORD

const char *
san_service_get_id (SanService *self)
{
  g_return_val_if_fail (SAN_IS_SERVICE (self), NULL);

  return self->id;
}

const char *
san_service_get_contract_id (SanService *self)
{
  g_return_val_if_fail (SAN_IS_SERVICE (self), NULL);

  return self->contract_id;
}

const char *
san_service_get_product (SanService *self)
{
  g_return_val_if_fail (SAN_IS_SERVICE (self), NULL);

  return self->product;
}

const char *
san_service_get_plan (SanService *self)
{
  g_return_val_if_fail (SAN_IS_SERVICE (self), NULL);

  return self->plan;
}

const char *
san_service_get_domain (SanService *self)
{
  g_return_val_if_fail (SAN_IS_SERVICE (self), NULL);

  return self->domain;
}

SanServiceKind
san_service_get_kind (SanService *self)
{
  g_return_val_if_fail (SAN_IS_SERVICE (self), SAN_SERVICE_KIND_SHARED);

  return self->kind;
}

SanServiceStatus
san_service_get_status (SanService *self)
{
  g_return_val_if_fail (SAN_IS_SERVICE (self), SAN_SERVICE_STATUS_PENDING);

  return self->status;
}

SanBillingCycle
san_service_get_billing_cycle (SanService *self)
{
  g_return_val_if_fail (SAN_IS_SERVICE (self), SAN_BILLING_CYCLE_MONTHLY);

  return self->billing_cycle;
}

gint64
san_service_get_price_cents (SanService *self)
{
  g_return_val_if_fail (SAN_IS_SERVICE (self), 0);

  return self->price_cents;
}

const GDate *
san_service_get_next_due_date (SanService *self)
{
  g_return_val_if_fail (SAN_IS_SERVICE (self), NULL);

  return g_date_valid (&self->next_due_date) ? &self->next_due_date : NULL;
}

const GDate *
san_service_get_status_since (SanService *self)
{
  g_return_val_if_fail (SAN_IS_SERVICE (self), NULL);

  return g_date_valid (&self->status_since) ? &self->status_since : NULL;
}

SanSupportLevelId
san_service_get_support_level (SanService *self)
{
  g_return_val_if_fail (SAN_IS_SERVICE (self), SAN_SUPPORT_LEVEL_BASIC);

  return self->support_level;
}

SanPaymentMethod
san_service_get_payment_method (SanService *self)
{
  g_return_val_if_fail (SAN_IS_SERVICE (self), SAN_PAYMENT_METHOD_BOLETO);

  return self->payment_method;
}

SanInstance *
san_service_get_instance (SanService *self)
{
  g_return_val_if_fail (SAN_IS_SERVICE (self), NULL);

  return self->instance;
}
