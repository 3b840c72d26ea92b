/* san-instance.c: the server (instance) a service runs on
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-api"

#include "config.h"

#include "san-instance-private.h"

#include "san-json-private.h"

struct _SanInstance
{
  GObject  parent_instance;

  char    *id;
  char    *name;
  char    *hostname;
  char    *region;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_HOSTNAME,
  PROP_REGION,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (SanInstance, san_instance, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
san_instance_finalize (GObject *object)
{
  SanInstance *self = (SanInstance *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->hostname, g_free);
  g_clear_pointer (&self->region, g_free);

  G_OBJECT_CLASS (san_instance_parent_class)->finalize (object);
}

static void
san_instance_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SanInstance *self = SAN_INSTANCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_HOSTNAME:
      g_value_set_string (value, self->hostname);
      break;
    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_instance_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SanInstance *self = SAN_INSTANCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_HOSTNAME:
      self->hostname = g_value_dup_string (value);
      break;
    case PROP_REGION:
      self->region = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_instance_class_init (SanInstanceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = san_instance_finalize;
  object_class->get_property = san_instance_get_property;
  object_class->set_property = san_instance_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HOSTNAME] =
    g_param_spec_string ("hostname", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
san_instance_init (SanInstance *self)
{
}

SanInstance *
san_instance_new_from_json (JsonObject  *object,
                            GError     **error)
{
  const char *id, *name, *hostname, *region;

  g_return_val_if_fail (object != NULL, NULL);

  if (!san_json_read_string (object, "id", FALSE, &id, error) ||
      !san_json_read_string (object, "name", FALSE, &name, error) ||
      !san_json_read_string (object, "hostname", FALSE, &hostname, error) ||
      !san_json_read_string (object, "region", FALSE, &region, error))
    {
      g_prefix_error (error, "instance: ");
      return NULL;
    }

  return g_object_new (SAN_TYPE_INSTANCE,
                       "id", id,
                       "name", name,
                       "hostname", hostname,
                       "region", region,
                       NULL);
}

const char *
san_instance_get_id (SanInstance *self)
{
  g_return_val_if_fail (SAN_IS_INSTANCE (self), NULL);

  return self->id;
}

const char *
san_instance_get_name (SanInstance *self)
{
  g_return_val_if_fail (SAN_IS_INSTANCE (self), NULL);

  return self->name;
}

const char *
san_instance_get_hostname (SanInstance *self)
{
  g_return_val_if_fail (SAN_IS_INSTANCE (self), NULL);

  return self->hostname;
}

const char *
san_instance_get_region (SanInstance *self)
{
  g_return_val_if_fail (SAN_IS_INSTANCE (self), NULL);

  return self->region;
}
