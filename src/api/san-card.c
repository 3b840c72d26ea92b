/* san-card.c: a stored credit card (only its brand, last digits and expiry)
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-api"

#include "config.h"

#include "san-card-private.h"

#include "san-json-private.h"

struct _SanCard
{
  GObject    parent_instance;

  char      *id;
  char      *brand;
  char      *last4;
  guint      exp_month;
  guint      exp_year;
  char      *holder;
  GDateTime *created_at;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_BRAND,
  PROP_LAST4,
  PROP_EXP_MONTH,
  PROP_EXP_YEAR,
  PROP_HOLDER,
  PROP_CREATED_AT,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (SanCard, san_card, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
san_card_finalize (GObject *object)
{
  SanCard *self = (SanCard *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->brand, g_free);
  g_clear_pointer (&self->last4, g_free);
  g_clear_pointer (&self->holder, g_free);
  g_clear_pointer (&self->created_at, g_date_time_unref);

  G_OBJECT_CLASS (san_card_parent_class)->finalize (object);
}

static void
san_card_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  SanCard *self = SAN_CARD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_BRAND:
      g_value_set_string (value, self->brand);
      break;
    case PROP_LAST4:
      g_value_set_string (value, self->last4);
      break;
    case PROP_EXP_MONTH:
      g_value_set_uint (value, self->exp_month);
      break;
    case PROP_EXP_YEAR:
      g_value_set_uint (value, self->exp_year);
      break;
    case PROP_HOLDER:
      g_value_set_string (value, self->holder);
      break;
    case PROP_CREATED_AT:
      g_value_set_boxed (value, self->created_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_card_class_init (SanCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = san_card_finalize;
  object_class->get_property = san_card_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_BRAND] =
    g_param_spec_string ("brand", NULL, NULL, NULL, flags);
  properties[PROP_LAST4] =
    g_param_spec_string ("last4", NULL, NULL, NULL, flags);
  properties[PROP_EXP_MONTH] =
    g_param_spec_uint ("exp-month", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_EXP_YEAR] =
    g_param_spec_uint ("exp-year", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_HOLDER] =
    g_param_spec_string ("holder", NULL, NULL, NULL, flags);
  properties[PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
san_card_init (SanCard *self)
{
}

SanCard *
san_card_new_from_json (JsonObject  *object,
                        GError     **error)
{
  g_autoptr(GDateTime) created_at = NULL;
  SanCard *self;
  const char *id = NULL, *brand, *last4, *holder;
  gint64 exp_month, exp_year;

  g_return_val_if_fail (object != NULL, NULL);

  if (!san_json_read_string (object, "id", FALSE, &id, error))
    {
      id = NULL;
      goto fail;
    }
  if (!san_json_read_string (object, "brand", FALSE, &brand, error) ||
      !san_json_read_digits (object, "last4", 4, &last4, error) ||
      !san_json_read_int (object, "exp_month", 1, 12, &exp_month, error) ||
      !san_json_read_int (object, "exp_year", 2000, 9999, &exp_year, error) ||
      !san_json_read_string (object, "holder", FALSE, &holder, error) ||
      !san_json_read_datetime (object, "created_at", &created_at, error))
    goto fail;

  self = g_object_new (SAN_TYPE_CARD, NULL);
  self->id = g_strdup (id);
  self->brand = g_strdup (brand);
  self->last4 = g_strdup (last4);
  self->exp_month = (guint) exp_month;
  self->exp_year = (guint) exp_year;
  self->holder = g_strdup (holder);
  self->created_at = g_steal_pointer (&created_at);
  return self;

fail:
  if (id != NULL)
    g_prefix_error (error, "card %s: ", id);
  else
    g_prefix_error (error, "card: ");
  return NULL;
}

const char *
san_card_get_id (SanCard *self)
{
  g_return_val_if_fail (SAN_IS_CARD (self), NULL);

  return self->id;
}

const char *
san_card_get_brand (SanCard *self)
{
  g_return_val_if_fail (SAN_IS_CARD (self), NULL);

  return self->brand;
}

const char *
san_card_get_last4 (SanCard *self)
{
  g_return_val_if_fail (SAN_IS_CARD (self), NULL);

  return self->last4;
}

guint
san_card_get_exp_month (SanCard *self)
{
  g_return_val_if_fail (SAN_IS_CARD (self), 0);

  return self->exp_month;
}

guint
san_card_get_exp_year (SanCard *self)
{
  g_return_val_if_fail (SAN_IS_CARD (self), 0);

  return self->exp_year;
}

const char *
san_card_get_holder (SanCard *self)
{
  g_return_val_if_fail (SAN_IS_CARD (self), NULL);

  return self->holder;
}

GDateTime *
san_card_get_created_at (SanCard *self)
{
  g_return_val_if_fail (SAN_IS_CARD (self), NULL);

  return self->created_at;
}
