/* san-dda.c: whether the contract's boletos go to DDA
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-api"

#include "config.h"

#include "san-dda-private.h"

#include "san-json-private.h"

struct _SanDda
{
  GObject    parent_instance;

  gboolean   enabled;
  GDateTime *enabled_at;
};

enum {
  PROP_0,
  PROP_ENABLED,
  PROP_ENABLED_AT,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (SanDda, san_dda, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
san_dda_finalize (GObject *object)
{
  SanDda *self = (SanDda *) object;

  g_clear_pointer (&self->enabled_at, g_date_time_unref);

  G_OBJECT_CLASS (san_dda_parent_class)->finalize (object);
}

static void
san_dda_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  SanDda *self = SAN_DDA (object);

  switch (prop_id)
    {
    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;
    case PROP_ENABLED_AT:
      g_value_set_boxed (value, self->enabled_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_dda_class_init (SanDdaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = san_dda_finalize;
  object_class->get_property = san_dda_get_property;

  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL, FALSE, flags);
  properties[PROP_ENABLED_AT] =
    g_param_spec_boxed ("enabled-at", NULL, NULL, G_TYPE_DATE_TIME, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
san_dda_init (SanDda *self)
{
}

SanDda *
san_dda_new_from_json (JsonObject  *object,
                       GError     **error)
{
  g_autoptr(GDateTime) enabled_at = NULL;
  SanDda *self;
  gboolean enabled;

  g_return_val_if_fail (object != NULL, NULL);

  if (!san_json_read_boolean (object, "enabled", &enabled, error) ||
      !san_json_read_datetime_or_null (object, "enabled_at", &enabled_at, error))
    {
      g_prefix_error (error, "dda: ");
      return NULL;
    }

  self = g_object_new (SAN_TYPE_DDA, NULL);
  self->enabled = enabled;
  self->enabled_at = g_steal_pointer (&enabled_at);
  return self;
}

gboolean
san_dda_get_enabled (SanDda *self)
{
  g_return_val_if_fail (SAN_IS_DDA (self), FALSE);

  return self->enabled;
}

GDateTime *
san_dda_get_enabled_at (SanDda *self)
{
  g_return_val_if_fail (SAN_IS_DDA (self), NULL);

  return self->enabled_at;
}
