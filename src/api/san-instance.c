/* san-instance.c: the server (instance) a service runs on
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-api"

#include "config.h"

#include "san-instance-private.h"

#include <glib/gi18n-lib.h>

#include "san-enum-types.h"
#include "san-json-private.h"
#include "san-support-json-private.h"

struct _SanInstance
{
  GObject  parent_instance;

  char    *id;
  char    *name;
  char    *hostname;
  char    *region;
  SanInstanceState state;
  GDateTime *state_since;
  char   **service_ids;
  char   **service_names;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_HOSTNAME,
  PROP_REGION,
  PROP_STATE,
  PROP_STATE_SINCE,
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
  g_clear_pointer (&self->state_since, g_date_time_unref);
  g_clear_pointer (&self->service_ids, g_strfreev);
  g_clear_pointer (&self->service_names, g_strfreev);

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
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_STATE_SINCE:
      g_value_set_boxed (value, self->state_since);
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
    case PROP_STATE:
      self->state = g_value_get_enum (value);
      break;
    case PROP_STATE_SINCE:
      self->state_since = g_value_dup_boxed (value);
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

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       SAN_TYPE_INSTANCE_STATE, SAN_INSTANCE_STATE_UNKNOWN,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                       G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE_SINCE] =
    g_param_spec_boxed ("state-since", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                        G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
san_instance_init (SanInstance *self)
{
  self->service_ids = g_new0 (char *, 1);
  self->service_names = g_new0 (char *, 1);
}

/* "services": [{"id","product","plan","domain","kind","status"}, ...] */
static gboolean
read_services (JsonObject  *object,
               GStrv       *out_ids,
               GStrv       *out_names,
               GError     **error)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  JsonArray *array;
  guint n;

  if (!san_json_read_array (object, "services", &array, error))
    return FALSE;

  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *service;
      g_autofree char *name = NULL;
      const char *id, *product, *plan, *domain, *word;
      SanServiceKind kind;
      SanServiceStatus status;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                       _("item %u of “%s” is not an object"), i + 1, "services");
          return FALSE;
        }
      service = json_node_get_object (node);
      if (!san_support_read_id (service, "id", FALSE, &id, error) ||
          !san_json_read_string (service, "product", FALSE, &product, error) ||
          !san_json_read_string (service, "plan", FALSE, &plan, error) ||
          !san_json_read_string (service, "domain", TRUE, &domain, error))
        goto fail;
      if (!san_json_read_string (service, "kind", FALSE, &word, error))
        goto fail;
      if (!san_service_kind_from_wire (word, &kind))
        {
          san_json_set_unknown_word (error, "kind", word);
          goto fail;
        }
      if (!san_json_read_string (service, "status", FALSE, &word, error))
        goto fail;
      if (!san_service_status_from_wire (word, &status))
        {
          san_json_set_unknown_word (error, "status", word);
          goto fail;
        }

      name = g_strdup_printf ("%s · %s", product, *domain != '\0' ? domain : plan);
      g_strv_builder_add (ids, id);
      g_strv_builder_add (names, name);
      continue;

    fail:
      g_prefix_error (error, _("service %u: "), i + 1);
      return FALSE;
    }

  *out_ids = g_strv_builder_end (ids);
  *out_names = g_strv_builder_end (names);
  return TRUE;
}

SanInstance *
san_instance_new_from_json (JsonObject  *object,
                            GError     **error)
{
  const char *id, *name, *hostname, *region;
  SanInstanceState state = SAN_INSTANCE_STATE_UNKNOWN;
  g_autoptr(GDateTime) state_since = NULL;
  g_auto(GStrv) service_ids = NULL;
  g_auto(GStrv) service_names = NULL;
  SanInstance *self;

  g_return_val_if_fail (object != NULL, NULL);

  if (!san_json_read_string (object, "id", FALSE, &id, error) ||
      !san_json_read_string (object, "name", FALSE, &name, error) ||
      !san_json_read_string (object, "hostname", FALSE, &hostname, error) ||
      !san_json_read_string (object, "region", FALSE, &region, error))
    goto fail;

  /* A service's instance says no state; a status' one says it */
  if (json_object_has_member (object, "state"))
    {
      const char *word;

      if (!san_json_read_string (object, "state", FALSE, &word, error))
        goto fail;
      if (!san_instance_state_from_wire (word, &state))
        {
          san_json_set_unknown_word (error, "state", word);
          goto fail;
        }
    }
  if (json_object_has_member (object, "state_since") &&
      !san_json_read_datetime_or_null (object, "state_since", &state_since, error))
    goto fail;
  if (json_object_has_member (object, "services") &&
      !read_services (object, &service_ids, &service_names, error))
    goto fail;

  self = g_object_new (SAN_TYPE_INSTANCE,
                       "id", id,
                       "name", name,
                       "hostname", hostname,
                       "region", region,
                       "state", state,
                       "state-since", state_since,
                       NULL);
  if (service_ids != NULL)
    {
      g_strfreev (self->service_ids);
      g_strfreev (self->service_names);
      self->service_ids = g_steal_pointer (&service_ids);
      self->service_names = g_steal_pointer (&service_names);
    }
  return self;

fail:
  g_prefix_error (error, "instance: ");
  return NULL;
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

SanInstanceState
san_instance_get_state (SanInstance *self)
{
  g_return_val_if_fail (SAN_IS_INSTANCE (self), SAN_INSTANCE_STATE_UNKNOWN);

  return self->state;
}

GDateTime *
san_instance_get_state_since (SanInstance *self)
{
  g_return_val_if_fail (SAN_IS_INSTANCE (self), NULL);

  return self->state_since;
}

const char * const *
san_instance_get_service_ids (SanInstance *self)
{
  g_return_val_if_fail (SAN_IS_INSTANCE (self), NULL);

  return (const char * const *) self->service_ids;
}

const char * const *
san_instance_get_service_names (SanInstance *self)
{
  g_return_val_if_fail (SAN_IS_INSTANCE (self), NULL);

  return (const char * const *) self->service_names;
}
