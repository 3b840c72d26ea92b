/* san-support-level.c: one level of the support catalogue (Básico, Business, Premium)
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-api"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "san-support-level-private.h"

#include "san-enum-types.h"
#include "san-json-private.h"
#include "san-support-json-private.h"

struct _SanSupportLevel
{
  GObject            parent_instance;

  SanSupportLevelId  id;
  char              *name;
  GStrv              includes;
  GStrv              channels;
  char              *human_hours;
  guint              first_response_minutes;
  gint64             price_cents;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_INCLUDES,
  PROP_CHANNELS,
  PROP_HUMAN_HOURS,
  PROP_FIRST_RESPONSE_MINUTES,
  PROP_PRICE_CENTS,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (SanSupportLevel, san_support_level, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
san_support_level_finalize (GObject *object)
{
  SanSupportLevel *self = (SanSupportLevel *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->includes, g_strfreev);
  g_clear_pointer (&self->channels, g_strfreev);
  g_clear_pointer (&self->human_hours, g_free);

  G_OBJECT_CLASS (san_support_level_parent_class)->finalize (object);
}

static void
san_support_level_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SanSupportLevel *self = SAN_SUPPORT_LEVEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_enum (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_INCLUDES:
      g_value_set_boxed (value, self->includes);
      break;
    case PROP_CHANNELS:
      g_value_set_boxed (value, self->channels);
      break;
    case PROP_HUMAN_HOURS:
      g_value_set_string (value, self->human_hours);
      break;
    case PROP_FIRST_RESPONSE_MINUTES:
      g_value_set_uint (value, self->first_response_minutes);
      break;
    case PROP_PRICE_CENTS:
      g_value_set_int64 (value, self->price_cents);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_support_level_class_init (SanSupportLevelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = san_support_level_finalize;
  object_class->get_property = san_support_level_get_property;

  properties[PROP_ID] =
    g_param_spec_enum ("id", NULL, NULL,
                       SAN_TYPE_SUPPORT_LEVEL_ID, SAN_SUPPORT_LEVEL_BASIC, flags);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_INCLUDES] =
    g_param_spec_boxed ("includes", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_CHANNELS] =
    g_param_spec_boxed ("channels", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_HUMAN_HOURS] =
    g_param_spec_string ("human-hours", NULL, NULL, NULL, flags);
  properties[PROP_FIRST_RESPONSE_MINUTES] =
    g_param_spec_uint ("first-response-minutes", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_PRICE_CENTS] =
    g_param_spec_int64 ("price-cents", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
san_support_level_init (SanSupportLevel *self)
{
}

SanSupportLevel *
san_support_level_new_from_json (JsonObject  *object,
                                 GError     **error)
{
  g_auto(GStrv) includes = NULL;
  g_auto(GStrv) channels = NULL;
  SanSupportLevel *self;
  const char *id_word = NULL, *name, *human_hours;
  SanSupportLevelId id;
  gint64 first_response_minutes, price_cents;

  g_return_val_if_fail (object != NULL, NULL);

  if (!san_json_read_string (object, "id", FALSE, &id_word, error))
    {
      id_word = NULL;
      goto fail;
    }
  if (!san_support_level_id_from_wire (id_word, &id))
    {
      san_json_set_unknown_word (error, "id", id_word);
      id_word = NULL;
      goto fail;
    }
  if (!san_json_read_string (object, "name", FALSE, &name, error) ||
      !san_support_read_strv (object, "includes", FALSE, &includes, error) ||
      !san_support_read_strv (object, "channels", FALSE, &channels, error) ||
      !san_json_read_string (object, "human_hours", TRUE, &human_hours, error) ||
      !san_json_read_int (object, "first_response_minutes", 0, G_MAXUINT,
                          &first_response_minutes, error) ||
      !san_json_read_int (object, "price_cents", 0, G_MAXINT64, &price_cents, error))
    goto fail;

  self = g_object_new (SAN_TYPE_SUPPORT_LEVEL, NULL);
  self->id = id;
  self->name = g_strdup (name);
  self->includes = g_steal_pointer (&includes);
  self->channels = g_steal_pointer (&channels);
  self->human_hours = g_strdup (human_hours);
  self->first_response_minutes = (guint) first_response_minutes;
  self->price_cents = price_cents;
  return self;

fail:
  if (id_word != NULL)
    g_prefix_error (error, "support level %s: ", id_word);
  else
    g_prefix_error (error, "support level: ");
  return NULL;
}

SanSupportLevelId
san_support_level_get_id (SanSupportLevel *self)
{
  g_return_val_if_fail (SAN_IS_SUPPORT_LEVEL (self), SAN_SUPPORT_LEVEL_BASIC);

  return self->id;
}

const char *
san_support_level_get_name (SanSupportLevel *self)
{
  g_return_val_if_fail (SAN_IS_SUPPORT_LEVEL (self), NULL);

  return self->name;
}

const char * const *
san_support_level_get_includes (SanSupportLevel *self)
{
  g_return_val_if_fail (SAN_IS_SUPPORT_LEVEL (self), NULL);

  return (const char * const *) self->includes;
}

const char * const *
san_support_level_get_channels (SanSupportLevel *self)
{
  g_return_val_if_fail (SAN_IS_SUPPORT_LEVEL (self), NULL);

  return (const char * const *) self->channels;
}

const char *
san_support_level_get_human_hours (SanSupportLevel *self)
{
  g_return_val_if_fail (SAN_IS_SUPPORT_LEVEL (self), NULL);

  return self->human_hours;
}

guint
san_support_level_get_first_response_minutes (SanSupportLevel *self)
{
  g_return_val_if_fail (SAN_IS_SUPPORT_LEVEL (self), 0);

  return self->first_response_minutes;
}

gint64
san_support_level_get_price_cents (SanSupportLevel *self)
{
  g_return_val_if_fail (SAN_IS_SUPPORT_LEVEL (self), 0);

  return self->price_cents;
}
