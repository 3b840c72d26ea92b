/* san-me.c: who is signed in and the contracts they can act on (GET /me)
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-api"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "san-me-private.h"

#include "san-contract-private.h"
#include "san-json-private.h"
#include "san-user-private.h"

struct _SanMe
{
  GObject     parent_instance;

  SanUser    *user;
  GListModel *contracts;
};

enum {
  PROP_0,
  PROP_USER,
  PROP_CONTRACTS,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (SanMe, san_me, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
san_me_dispose (GObject *object)
{
  SanMe *self = (SanMe *) object;

  g_clear_object (&self->user);
  g_clear_object (&self->contracts);

  G_OBJECT_CLASS (san_me_parent_class)->dispose (object);
}

static void
san_me_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  SanMe *self = SAN_ME (object);

  switch (prop_id)
    {
    case PROP_USER:
      g_value_set_object (value, self->user);
      break;
    case PROP_CONTRACTS:
      g_value_set_object (value, self->contracts);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_me_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  SanMe *self = SAN_ME (object);

  switch (prop_id)
    {
    case PROP_USER:
      self->user = g_value_dup_object (value);
      break;
    case PROP_CONTRACTS:
      if (g_value_get_object (value) != NULL)
        g_set_object (&self->contracts, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_me_class_init (SanMeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = san_me_dispose;
  object_class->get_property = san_me_get_property;
  object_class->set_property = san_me_set_property;

  properties[PROP_USER] =
    g_param_spec_object ("user", NULL, NULL, SAN_TYPE_USER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTRACTS] =
    g_param_spec_object ("contracts", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
san_me_init (SanMe *self)
{
  self->contracts = G_LIST_MODEL (g_list_store_new (SAN_TYPE_CONTRACT));
}

SanMe *
san_me_new_from_json (JsonObject  *object,
                      GError     **error)
{
  g_autoptr(SanUser) user = NULL;
  g_autoptr(GListStore) contracts = NULL;
  g_autoptr(GHashTable) ids = NULL;
  JsonObject *user_object;
  JsonArray *array;
  guint n;

  g_return_val_if_fail (object != NULL, NULL);

  if (!san_json_read_object (object, "user", FALSE, &user_object, error))
    return NULL;
  user = san_user_new_from_json (user_object, error);
  if (user == NULL)
    return NULL;

  if (!san_json_read_array (object, "contracts", &array, error))
    return NULL;

  contracts = g_list_store_new (SAN_TYPE_CONTRACT);
  ids = g_hash_table_new (g_str_hash, g_str_equal);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(SanContract) contract = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                       _("contract %u is not an object"), i + 1);
          return NULL;
        }
      contract = san_contract_new_from_json (json_node_get_object (node), error);
      if (contract == NULL)
        return NULL;
      if (!g_hash_table_add (ids, (gpointer) san_contract_get_id (contract)))
        {
          g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                       _("contract %s is listed twice"), san_contract_get_id (contract));
          return NULL;
        }
      g_list_store_append (contracts, contract);
    }

  return g_object_new (SAN_TYPE_ME,
                       "user", user,
                       "contracts", contracts,
                       NULL);
}

SanUser *
san_me_get_user (SanMe *self)
{
  g_return_val_if_fail (SAN_IS_ME (self), NULL);

  return self->user;
}

GListModel *
san_me_get_contracts (SanMe *self)
{
  g_return_val_if_fail (SAN_IS_ME (self), NULL);

  return self->contracts;
}

SanContract *
san_me_find_contract (SanMe      *self,
                      const char *contract_id)
{
  guint n;

  g_return_val_if_fail (SAN_IS_ME (self), NULL);
  g_return_val_if_fail (contract_id != NULL, NULL);

  n = g_list_model_get_n_items (self->contracts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SanContract) contract = g_list_model_get_item (self->contracts, i);

      if (g_strcmp0 (san_contract_get_id (contract), contract_id) == 0)
        return contract;   /* still held by the list */
    }
  return NULL;
}
