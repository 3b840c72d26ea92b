/* san-page.c: one page of a list answer ({"items", "total", "next_cursor"})
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-api"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "san-page-private.h"

#include "san-api-error.h"
#include "san-json-private.h"

struct _SanPage
{
  GObject     parent_instance;

  GListModel *items;
  char       *next_cursor;
  guint       total;
};

enum {
  PROP_0,
  PROP_ITEMS,
  PROP_TOTAL,
  PROP_NEXT_CURSOR,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (SanPage, san_page, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
san_page_dispose (GObject *object)
{
  SanPage *self = (SanPage *) object;

  g_clear_object (&self->items);

  G_OBJECT_CLASS (san_page_parent_class)->dispose (object);
}

static void
san_page_finalize (GObject *object)
{
  SanPage *self = (SanPage *) object;

  g_clear_pointer (&self->next_cursor, g_free);

  G_OBJECT_CLASS (san_page_parent_class)->finalize (object);
}

static void
san_page_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  SanPage *self = SAN_PAGE (object);

  switch (prop_id)
    {
    case PROP_ITEMS:
      g_value_set_object (value, self->items);
      break;
    case PROP_TOTAL:
      g_value_set_uint (value, self->total);
      break;
    case PROP_NEXT_CURSOR:
      g_value_set_string (value, self->next_cursor);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_page_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  SanPage *self = SAN_PAGE (object);

  switch (prop_id)
    {
    case PROP_ITEMS:
      if (g_value_get_object (value) != NULL)
        g_set_object (&self->items, g_value_get_object (value));
      break;
    case PROP_TOTAL:
      self->total = g_value_get_uint (value);
      break;
    case PROP_NEXT_CURSOR:
      self->next_cursor = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_page_class_init (SanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = san_page_dispose;
  object_class->finalize = san_page_finalize;
  object_class->get_property = san_page_get_property;
  object_class->set_property = san_page_set_property;

  properties[PROP_ITEMS] =
    g_param_spec_object ("items", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOTAL] =
    g_param_spec_uint ("total", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                       G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEXT_CURSOR] =
    g_param_spec_string ("next-cursor", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
san_page_init (SanPage *self)
{
  self->items = G_LIST_MODEL (g_list_store_new (G_TYPE_OBJECT));
}

SanPage *
san_page_new_from_json (JsonObject       *object,
                        GType             item_type,
                        SanPageItemFunc   item_func,
                        GError          **error)
{
  g_autoptr(GListStore) items = NULL;
  const char *next_cursor;
  JsonArray *array;
  gint64 total;
  guint n;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);
  g_return_val_if_fail (item_func != NULL, NULL);

  if (!san_json_read_array (object, "items", &array, error) ||
      !san_json_read_int (object, "total", 0, G_MAXUINT, &total, error) ||
      !san_json_read_string_or_null (object, "next_cursor", &next_cursor, error))
    {
      g_prefix_error (error, "list: ");
      return NULL;
    }

  items = g_list_store_new (item_type);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(GObject) item = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                       _("item %u of the list is not an object"), i + 1);
          return NULL;
        }
      item = item_func (json_node_get_object (node), error);
      if (item == NULL)
        {
          g_prefix_error (error, _("item %u of the list: "), i + 1);
          return NULL;
        }
      g_list_store_append (items, item);
    }

  if ((gint64) n > total)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, total);

      g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                   _("the list has more items (%u) than its total (%s)"), n, text);
      return NULL;
    }

  return g_object_new (SAN_TYPE_PAGE,
                       "items", items,
                       "total", (guint) total,
                       "next-cursor", next_cursor,
                       NULL);
}

GListModel *
san_page_get_items (SanPage *self)
{
  g_return_val_if_fail (SAN_IS_PAGE (self), NULL);

  return self->items;
}

guint
san_page_get_total (SanPage *self)
{
  g_return_val_if_fail (SAN_IS_PAGE (self), 0);

  return self->total;
}

const char *
san_page_get_next_cursor (SanPage *self)
{
  g_return_val_if_fail (SAN_IS_PAGE (self), NULL);

  return self->next_cursor;
}

/* Collecting every page */

/* list_all_*() gives up after this many pages */
#define MAX_PAGES 1000

struct _SanPageCollector
{
  GListStore *items;
  GHashTable *cursors;   /* every cursor followed so far */
  guint       n_pages;
};

SanPageCollector *
san_page_collector_new (GType item_type)
{
  SanPageCollector *self = g_new0 (SanPageCollector, 1);

  self->items = g_list_store_new (item_type);
  self->cursors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

void
san_page_collector_free (SanPageCollector *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->items);
  g_clear_pointer (&self->cursors, g_hash_table_unref);
  g_free (self);
}

gboolean
san_page_collector_add (SanPageCollector  *self,
                        SanPage           *page,
                        const char        *endless,
                        const char       **out_next_cursor,
                        GError           **error)
{
  GListModel *items = san_page_get_items (page);
  guint n = g_list_model_get_n_items (items);
  const char *cursor = san_page_get_next_cursor (page);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      g_list_store_append (self->items, item);
    }

  *out_next_cursor = cursor;
  if (cursor == NULL)
    return TRUE;

  self->n_pages++;
  if (!g_hash_table_add (self->cursors, g_strdup (cursor)) || self->n_pages >= MAX_PAGES)
    {
      *out_next_cursor = NULL;
      g_set_error_literal (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED, endless);
      return FALSE;
    }
  return TRUE;
}

GListModel *
san_page_collector_dup_items (SanPageCollector *self)
{
  return G_LIST_MODEL (g_object_ref (self->items));
}
