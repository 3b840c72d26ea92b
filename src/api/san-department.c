/* san-department.c: one support department (Suporte Técnico, Financeiro, ...)
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-api"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "san-department-private.h"

#include "san-enum-types.h"
#include "san-json-private.h"
#include "san-support-json-private.h"

struct _SanDepartment
{
  GObject  parent_instance;

  char    *id;
  char    *name;
  char    *description;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DESCRIPTION,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (SanDepartment, san_department, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
san_department_finalize (GObject *object)
{
  SanDepartment *self = (SanDepartment *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (san_department_parent_class)->finalize (object);
}

static void
san_department_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SanDepartment *self = SAN_DEPARTMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_department_class_init (SanDepartmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = san_department_finalize;
  object_class->get_property = san_department_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
san_department_init (SanDepartment *self)
{
}

SanDepartment *
san_department_new_from_json (JsonObject  *object,
                              GError     **error)
{
  SanDepartment *self;
  const char *id = NULL, *name, *description;

  g_return_val_if_fail (object != NULL, NULL);

  if (!san_support_read_id (object, "id", FALSE, &id, error))
    {
      id = NULL;
      goto fail;
    }
  if (!san_json_read_string (object, "name", FALSE, &name, error) ||
      !san_json_read_string (object, "description", TRUE, &description, error))
    goto fail;

  self = g_object_new (SAN_TYPE_DEPARTMENT, NULL);
  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->description = g_strdup (description);
  return self;

fail:
  if (id != NULL)
    g_prefix_error (error, "department %s: ", id);
  else
    g_prefix_error (error, "department: ");
  return NULL;
}

const char *
san_department_get_id (SanDepartment *self)
{
  g_return_val_if_fail (SAN_IS_DEPARTMENT (self), NULL);

  return self->id;
}

const char *
san_department_get_name (SanDepartment *self)
{
  g_return_val_if_fail (SAN_IS_DEPARTMENT (self), NULL);

  return self->name;
}

const char *
san_department_get_description (SanDepartment *self)
{
  g_return_val_if_fail (SAN_IS_DEPARTMENT (self), NULL);

  return self->description;
}
