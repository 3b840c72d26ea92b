/* san-contract.c: one contract (account) the user can act on, with the
 * caller's permissions in it
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-api"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "san-contract-private.h"

#include "san-json-private.h"

struct _SanContract
{
  GObject    parent_instance;

  char      *id;
  char      *name;
  char      *document;
  GStrv      permissions;
  gboolean   owner;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DOCUMENT,
  PROP_OWNER,
  PROP_PERMISSIONS,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (SanContract, san_contract, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
san_contract_finalize (GObject *object)
{
  SanContract *self = (SanContract *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->document, g_free);
  g_clear_pointer (&self->permissions, g_strfreev);

  G_OBJECT_CLASS (san_contract_parent_class)->finalize (object);
}

static void
san_contract_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SanContract *self = SAN_CONTRACT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DOCUMENT:
      g_value_set_string (value, self->document);
      break;
    case PROP_OWNER:
      g_value_set_boolean (value, self->owner);
      break;
    case PROP_PERMISSIONS:
      g_value_set_boxed (value, self->permissions);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_contract_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SanContract *self = SAN_CONTRACT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_DOCUMENT:
      self->document = g_value_dup_string (value);
      break;
    case PROP_OWNER:
      self->owner = g_value_get_boolean (value);
      break;
    case PROP_PERMISSIONS:
      self->permissions = g_value_dup_boxed (value);
      if (self->permissions == NULL)
        self->permissions = g_new0 (char *, 1);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_contract_class_init (SanContractClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = san_contract_finalize;
  object_class->get_property = san_contract_get_property;
  object_class->set_property = san_contract_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT] =
    g_param_spec_string ("document", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OWNER] =
    g_param_spec_boolean ("owner", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERMISSIONS] =
    g_param_spec_boxed ("permissions", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                        G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
san_contract_init (SanContract *self)
{
}

SanContract *
san_contract_new_from_json (JsonObject  *object,
                            GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) permissions = NULL;
  const char *id, *name, *document;
  gboolean owner;
  JsonArray *array;
  guint n;

  g_return_val_if_fail (object != NULL, NULL);

  if (!san_json_read_string (object, "id", FALSE, &id, error))
    goto fail;
  if (!san_json_read_string (object, "name", FALSE, &name, error) ||
      !san_json_read_string (object, "document", FALSE, &document, error) ||
      !san_json_read_boolean (object, "owner", &owner, error) ||
      !san_json_read_array (object, "permissions", &array, error))
    goto fail_with_id;

  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      /* Unknown permission words are kept: a newer server may add some */
      if (!JSON_NODE_HOLDS_VALUE (node) ||
          json_node_get_value_type (node) != G_TYPE_STRING ||
          *json_node_get_string (node) == '\0')
        {
          g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                       _("“%s” is not a list of words"), "permissions");
          goto fail_with_id;
        }
      g_strv_builder_add (builder, json_node_get_string (node));
    }
  permissions = g_strv_builder_end (builder);

  return g_object_new (SAN_TYPE_CONTRACT,
                       "id", id,
                       "name", name,
                       "document", document,
                       "owner", owner,
                       "permissions", permissions,
                       NULL);

fail_with_id:
  g_prefix_error (error, "contract %s: ", id);
  return NULL;

fail:
  g_prefix_error (error, "contract: ");
  return NULL;
}

const char *
san_contract_get_id (SanContract *self)
{
  g_return_val_if_fail (SAN_IS_CONTRACT (self), NULL);

  return self->id;
}

const char *
san_contract_get_name (SanContract *self)
{
  g_return_val_if_fail (SAN_IS_CONTRACT (self), NULL);

  return self->name;
}

const char *
san_contract_get_document (SanContract *self)
{
  g_return_val_if_fail (SAN_IS_CONTRACT (self), NULL);

  return self->document;
}

gboolean
san_contract_get_owner (SanContract *self)
{
  g_return_val_if_fail (SAN_IS_CONTRACT (self), FALSE);

  return self->owner;
}

const char * const *
san_contract_get_permissions (SanContract *self)
{
  g_return_val_if_fail (SAN_IS_CONTRACT (self), NULL);

  return (const char * const *) self->permissions;
}

gboolean
san_contract_has_permission (SanContract *self,
                             const char  *permission)
{
  g_return_val_if_fail (SAN_IS_CONTRACT (self), FALSE);
  g_return_val_if_fail (permission != NULL, FALSE);

  return self->owner ||
         g_strv_contains ((const char * const *) self->permissions, permission);
}
