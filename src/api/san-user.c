/* san-user.c: the signed-in person (login e-mail, name, staff or customer)
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-api"

#include "config.h"

#include "san-user-private.h"

#include "san-json-private.h"

struct _SanUser
{
  GObject  parent_instance;

  char    *id;
  char    *email;
  char    *display_name;
  gboolean is_staff;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_EMAIL,
  PROP_DISPLAY_NAME,
  PROP_IS_STAFF,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (SanUser, san_user, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
san_user_finalize (GObject *object)
{
  SanUser *self = (SanUser *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->display_name, g_free);

  G_OBJECT_CLASS (san_user_parent_class)->finalize (object);
}

static void
san_user_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  SanUser *self = SAN_USER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;
    case PROP_IS_STAFF:
      g_value_set_boolean (value, self->is_staff);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_user_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  SanUser *self = SAN_USER (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_EMAIL:
      self->email = g_value_dup_string (value);
      break;
    case PROP_DISPLAY_NAME:
      self->display_name = g_value_dup_string (value);
      break;
    case PROP_IS_STAFF:
      self->is_staff = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_user_class_init (SanUserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = san_user_finalize;
  object_class->get_property = san_user_get_property;
  object_class->set_property = san_user_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* From the wire's "role": "staff" or "customer" */
  properties[PROP_IS_STAFF] =
    g_param_spec_boolean ("is-staff", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
san_user_init (SanUser *self)
{
}

SanUser *
san_user_new_from_json (JsonObject  *object,
                        GError     **error)
{
  const char *id, *email, *display_name, *role;
  gboolean is_staff;

  g_return_val_if_fail (object != NULL, NULL);

  if (!san_json_read_string (object, "id", FALSE, &id, error) ||
      !san_json_read_string (object, "email", FALSE, &email, error) ||
      !san_json_read_string (object, "display_name", TRUE, &display_name, error) ||
      !san_json_read_string (object, "role", FALSE, &role, error))
    {
      g_prefix_error (error, "user: ");
      return NULL;
    }

  if (g_str_equal (role, "staff"))
    is_staff = TRUE;
  else if (g_str_equal (role, "customer"))
    is_staff = FALSE;
  else
    {
      san_json_set_unknown_word (error, "role", role);
      g_prefix_error (error, "user: ");
      return NULL;
    }

  return g_object_new (SAN_TYPE_USER,
                       "id", id,
                       "email", email,
                       "display-name", display_name,
                       "is-staff", is_staff,
                       NULL);
}

const char *
san_user_get_id (SanUser *self)
{
  g_return_val_if_fail (SAN_IS_USER (self), NULL);

  return self->id;
}

const char *
san_user_get_email (SanUser *self)
{
  g_return_val_if_fail (SAN_IS_USER (self), NULL);

  return self->email;
}

const char *
san_user_get_display_name (SanUser *self)
{
  g_return_val_if_fail (SAN_IS_USER (self), NULL);

  return self->display_name;
}

gboolean
san_user_get_is_staff (SanUser *self)
{
  g_return_val_if_fail (SAN_IS_USER (self), FALSE);

  return self->is_staff;
}
