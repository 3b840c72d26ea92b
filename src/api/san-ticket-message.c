/* san-ticket-message.c: one message of a ticket's thread
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-api"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "san-ticket-message-private.h"

#include "san-enum-types.h"
#include "san-json-private.h"
#include "san-support-json-private.h"
#include "san-attachment-private.h"

struct _SanTicketMessage
{
  GObject              parent_instance;

  char                *id;
  SanTicketAuthorKind  author_kind;
  char                *author_name;
  char                *body;
  GDateTime           *created_at;
  gboolean             internal;
  GListModel          *attachments;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_AUTHOR_KIND,
  PROP_AUTHOR_NAME,
  PROP_BODY,
  PROP_CREATED_AT,
  PROP_INTERNAL,
  PROP_ATTACHMENTS,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (SanTicketMessage, san_ticket_message, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
san_ticket_message_dispose (GObject *object)
{
  SanTicketMessage *self = (SanTicketMessage *) object;

  g_clear_object (&self->attachments);

  G_OBJECT_CLASS (san_ticket_message_parent_class)->dispose (object);
}

static void
san_ticket_message_finalize (GObject *object)
{
  SanTicketMessage *self = (SanTicketMessage *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->author_name, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->created_at, g_date_time_unref);

  G_OBJECT_CLASS (san_ticket_message_parent_class)->finalize (object);
}

static void
san_ticket_message_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SanTicketMessage *self = SAN_TICKET_MESSAGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_AUTHOR_KIND:
      g_value_set_enum (value, self->author_kind);
      break;
    case PROP_AUTHOR_NAME:
      g_value_set_string (value, self->author_name);
      break;
    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;
    case PROP_CREATED_AT:
      g_value_set_boxed (value, self->created_at);
      break;
    case PROP_INTERNAL:
      g_value_set_boolean (value, self->internal);
      break;
    case PROP_ATTACHMENTS:
      g_value_set_object (value, self->attachments);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_ticket_message_class_init (SanTicketMessageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = san_ticket_message_dispose;
  object_class->finalize = san_ticket_message_finalize;
  object_class->get_property = san_ticket_message_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_AUTHOR_KIND] =
    g_param_spec_enum ("author-kind", NULL, NULL,
                       SAN_TYPE_TICKET_AUTHOR_KIND, SAN_TICKET_AUTHOR_KIND_CUSTOMER, flags);
  properties[PROP_AUTHOR_NAME] =
    g_param_spec_string ("author-name", NULL, NULL, NULL, flags);
  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL, NULL, flags);
  properties[PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_INTERNAL] =
    g_param_spec_boolean ("internal", NULL, NULL, FALSE, flags);
  properties[PROP_ATTACHMENTS] =
    g_param_spec_object ("attachments", NULL, NULL, G_TYPE_LIST_MODEL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
san_ticket_message_init (SanTicketMessage *self)
{
}

SanTicketMessage *
san_ticket_message_new_from_json (JsonObject  *object,
                                  gboolean     staff,
                                  GError     **error)
{
  g_autoptr(GListStore) attachments = NULL;
  g_autoptr(GDateTime) created_at = NULL;
  SanTicketMessage *self;
  const char *id = NULL, *author_name, *body;
  SanTicketAuthorKind author_kind;
  JsonObject *author;
  JsonArray *array;
  gboolean internal = FALSE;
  guint n;

  g_return_val_if_fail (object != NULL, NULL);

  if (!san_support_read_id (object, "id", FALSE, &id, error))
    {
      id = NULL;
      goto fail;
    }
  if (!san_json_read_object (object, "author", FALSE, &author, error))
    goto fail;
  SAN_SUPPORT_READ_WORD (author, "kind", san_ticket_author_kind_from_wire, &author_kind, error);
  if (!san_json_read_string (author, "name", TRUE, &author_name, error))
    {
      g_prefix_error (error, "author: ");
      goto fail;
    }
  if (!san_json_read_string (object, "body", TRUE, &body, error) ||
      !san_json_read_datetime (object, "created_at", &created_at, error))
    goto fail;

  /* Staff answers say whether each message is an internal note; customer
   * answers may say it is not, and must never hold one */
  if (staff || json_object_has_member (object, "internal"))
    {
      if (!san_json_read_boolean (object, "internal", &internal, error))
        goto fail;
    }
  if (internal && !staff)
    {
      g_set_error_literal (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                           _("an internal note is in a customer’s answer"));
      goto fail;
    }
  if (internal && author_kind != SAN_TICKET_AUTHOR_KIND_STAFF)
    {
      g_set_error_literal (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                           _("an internal note is not by staff"));
      goto fail;
    }

  if (!san_json_read_array (object, "attachments", &array, error))
    goto fail;
  attachments = g_list_store_new (SAN_TYPE_ATTACHMENT);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(SanAttachment) attachment = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                       _("attachment %u is not an object"), i + 1);
          goto fail;
        }
      attachment = san_attachment_new_from_json (json_node_get_object (node), error);
      if (attachment == NULL)
        goto fail;
      g_list_store_append (attachments, attachment);
    }

  self = g_object_new (SAN_TYPE_TICKET_MESSAGE, NULL);
  self->id = g_strdup (id);
  self->author_kind = author_kind;
  self->author_name = g_strdup (author_name);
  self->body = g_strdup (body);
  self->created_at = g_steal_pointer (&created_at);
  self->internal = internal;
  self->attachments = G_LIST_MODEL (g_steal_pointer (&attachments));
  return self;

fail:
  if (id != NULL)
    g_prefix_error (error, "message %s: ", id);
  else
    g_prefix_error (error, "message: ");
  return NULL;
}

const char *
san_ticket_message_get_id (SanTicketMessage *self)
{
  g_return_val_if_fail (SAN_IS_TICKET_MESSAGE (self), NULL);

  return self->id;
}

SanTicketAuthorKind
san_ticket_message_get_author_kind (SanTicketMessage *self)
{
  g_return_val_if_fail (SAN_IS_TICKET_MESSAGE (self), SAN_TICKET_AUTHOR_KIND_CUSTOMER);

  return self->author_kind;
}

const char *
san_ticket_message_get_author_name (SanTicketMessage *self)
{
  g_return_val_if_fail (SAN_IS_TICKET_MESSAGE (self), NULL);

  return self->author_name;
}

const char *
san_ticket_message_get_body (SanTicketMessage *self)
{
  g_return_val_if_fail (SAN_IS_TICKET_MESSAGE (self), NULL);

  return self->body;
}

GDateTime *
san_ticket_message_get_created_at (SanTicketMessage *self)
{
  g_return_val_if_fail (SAN_IS_TICKET_MESSAGE (self), NULL);

  return self->created_at;
}

gboolean
san_ticket_message_get_internal (SanTicketMessage *self)
{
  g_return_val_if_fail (SAN_IS_TICKET_MESSAGE (self), FALSE);

  return self->internal;
}

GListModel *
san_ticket_message_get_attachments (SanTicketMessage *self)
{
  g_return_val_if_fail (SAN_IS_TICKET_MESSAGE (self), NULL);

  return self->attachments;
}
