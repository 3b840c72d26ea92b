/* san-attachment.c: one file attached to a ticket message
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-api"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "san-attachment-private.h"

#include "san-enum-types.h"
#include "san-json-private.h"
#include "san-support-json-private.h"

struct _SanAttachment
{
  GObject  parent_instance;

  char    *id;
  char    *filename;
  char    *content_type;
  gint64   size;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_FILENAME,
  PROP_CONTENT_TYPE,
  PROP_SIZE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (SanAttachment, san_attachment, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
san_attachment_finalize (GObject *object)
{
  SanAttachment *self = (SanAttachment *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->filename, g_free);
  g_clear_pointer (&self->content_type, g_free);

  G_OBJECT_CLASS (san_attachment_parent_class)->finalize (object);
}

static void
san_attachment_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SanAttachment *self = SAN_ATTACHMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_FILENAME:
      g_value_set_string (value, self->filename);
      break;
    case PROP_CONTENT_TYPE:
      g_value_set_string (value, self->content_type);
      break;
    case PROP_SIZE:
      g_value_set_int64 (value, self->size);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_attachment_class_init (SanAttachmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = san_attachment_finalize;
  object_class->get_property = san_attachment_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_FILENAME] =
    g_param_spec_string ("filename", NULL, NULL, NULL, flags);
  properties[PROP_CONTENT_TYPE] =
    g_param_spec_string ("content-type", NULL, NULL, NULL, flags);
  properties[PROP_SIZE] =
    g_param_spec_int64 ("size", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
san_attachment_init (SanAttachment *self)
{
}

SanAttachment *
san_attachment_new_from_json (JsonObject  *object,
                              GError     **error)
{
  SanAttachment *self;
  const char *id = NULL, *filename, *content_type;
  gint64 size;

  g_return_val_if_fail (object != NULL, NULL);

  if (!san_support_read_token (object, "id", &id, error))
    {
      id = NULL;
      goto fail;
    }
  if (!san_json_read_string (object, "filename", FALSE, &filename, error) ||
      !san_json_read_string (object, "content_type", FALSE, &content_type, error) ||
      !san_json_read_int (object, "size", 0, G_MAXINT64, &size, error))
    goto fail;

  /* A name to save under: never a path */
  if (strchr (filename, '/') != NULL || strchr (filename, '\\') != NULL ||
      g_str_equal (filename, ".") || g_str_equal (filename, ".."))
    {
      g_set_error_literal (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                           _("“filename” is not a plain file name"));
      goto fail;
    }
  /* "type/subtype" with optional parameters */
  if (strchr (content_type, '/') == NULL || content_type[0] == '/')
    {
      san_json_set_unknown_word (error, "content_type", content_type);
      goto fail;
    }

  self = g_object_new (SAN_TYPE_ATTACHMENT, NULL);
  self->id = g_strdup (id);
  self->filename = g_strdup (filename);
  self->content_type = g_strdup (content_type);
  self->size = size;
  return self;

fail:
  if (id != NULL)
    g_prefix_error (error, "attachment %s: ", id);
  else
    g_prefix_error (error, "attachment: ");
  return NULL;
}

const char *
san_attachment_get_id (SanAttachment *self)
{
  g_return_val_if_fail (SAN_IS_ATTACHMENT (self), NULL);

  return self->id;
}

const char *
san_attachment_get_filename (SanAttachment *self)
{
  g_return_val_if_fail (SAN_IS_ATTACHMENT (self), NULL);

  return self->filename;
}

const char *
san_attachment_get_content_type (SanAttachment *self)
{
  g_return_val_if_fail (SAN_IS_ATTACHMENT (self), NULL);

  return self->content_type;
}

gint64
san_attachment_get_size (SanAttachment *self)
{
  g_return_val_if_fail (SAN_IS_ATTACHMENT (self), 0);

  return self->size;
}
