/* san-ticket.c: one support ticket (chamado), with its thread when read whole
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-api"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "san-ticket-private.h"

#include "san-enum-types.h"
#include "san-json-private.h"
#include "san-support-json-private.h"
#include "san-ticket-message-private.h"

struct _SanTicket
{
  GObject              parent_instance;

  char                *id;
  char                *contract_id;
  char                *contract_name;
  char                *number;
  char                *department_id;
  char                *department_name;
  char                *service_id;
  SanTicketPriority    priority;
  char                *subject;
  SanTicketStatus      status;
  GDateTime           *created_at;
  GDateTime           *updated_at;
  SanTicketAuthorKind  last_message_author;
  guint                message_count;
  GListModel          *messages;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_CONTRACT_ID,
  PROP_CONTRACT_NAME,
  PROP_NUMBER,
  PROP_DEPARTMENT_ID,
  PROP_DEPARTMENT_NAME,
  PROP_SERVICE_ID,
  PROP_PRIORITY,
  PROP_SUBJECT,
  PROP_STATUS,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_LAST_MESSAGE_AUTHOR,
  PROP_MESSAGE_COUNT,
  PROP_MESSAGES,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (SanTicket, san_ticket, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
san_ticket_dispose (GObject *object)
{
  SanTicket *self = (SanTicket *) object;

  g_clear_object (&self->messages);

  G_OBJECT_CLASS (san_ticket_parent_class)->dispose (object);
}

static void
san_ticket_finalize (GObject *object)
{
  SanTicket *self = (SanTicket *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->contract_id, g_free);
  g_clear_pointer (&self->contract_name, g_free);
  g_clear_pointer (&self->number, g_free);
  g_clear_pointer (&self->department_id, g_free);
  g_clear_pointer (&self->department_name, g_free);
  g_clear_pointer (&self->service_id, g_free);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->updated_at, g_date_time_unref);

  G_OBJECT_CLASS (san_ticket_parent_class)->finalize (object);
}

static void
san_ticket_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SanTicket *self = SAN_TICKET (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_CONTRACT_ID:
      g_value_set_string (value, self->contract_id);
      break;
    case PROP_CONTRACT_NAME:
      g_value_set_string (value, self->contract_name);
      break;
    case PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;
    case PROP_DEPARTMENT_ID:
      g_value_set_string (value, self->department_id);
      break;
    case PROP_DEPARTMENT_NAME:
      g_value_set_string (value, self->department_name);
      break;
    case PROP_SERVICE_ID:
      g_value_set_string (value, self->service_id);
      break;
    case PROP_PRIORITY:
      g_value_set_enum (value, self->priority);
      break;
    case PROP_SUBJECT:
      g_value_set_string (value, self->subject);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_CREATED_AT:
      g_value_set_boxed (value, self->created_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_boxed (value, self->updated_at);
      break;
    case PROP_LAST_MESSAGE_AUTHOR:
      g_value_set_enum (value, self->last_message_author);
      break;
    case PROP_MESSAGE_COUNT:
      g_value_set_uint (value, self->message_count);
      break;
    case PROP_MESSAGES:
      g_value_set_object (value, self->messages);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_ticket_class_init (SanTicketClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = san_ticket_dispose;
  object_class->finalize = san_ticket_finalize;
  object_class->get_property = san_ticket_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_CONTRACT_ID] =
    g_param_spec_string ("contract-id", NULL, NULL, NULL, flags);
  properties[PROP_CONTRACT_NAME] =
    g_param_spec_string ("contract-name", NULL, NULL, NULL, flags);
  properties[PROP_NUMBER] =
    g_param_spec_string ("number", NULL, NULL, NULL, flags);
  properties[PROP_DEPARTMENT_ID] =
    g_param_spec_string ("department-id", NULL, NULL, NULL, flags);
  properties[PROP_DEPARTMENT_NAME] =
    g_param_spec_string ("department-name", NULL, NULL, NULL, flags);
  properties[PROP_SERVICE_ID] =
    g_param_spec_string ("service-id", NULL, NULL, NULL, flags);
  properties[PROP_PRIORITY] =
    g_param_spec_enum ("priority", NULL, NULL,
                       SAN_TYPE_TICKET_PRIORITY, SAN_TICKET_PRIORITY_LOW, flags);
  properties[PROP_SUBJECT] =
    g_param_spec_string ("subject", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       SAN_TYPE_TICKET_STATUS, SAN_TICKET_STATUS_OPEN, flags);
  properties[PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_UPDATED_AT] =
    g_param_spec_boxed ("updated-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_LAST_MESSAGE_AUTHOR] =
    g_param_spec_enum ("last-message-author", NULL, NULL,
                       SAN_TYPE_TICKET_AUTHOR_KIND, SAN_TICKET_AUTHOR_KIND_CUSTOMER, flags);
  properties[PROP_MESSAGE_COUNT] =
    g_param_spec_uint ("message-count", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_MESSAGES] =
    g_param_spec_object ("messages", NULL, NULL, G_TYPE_LIST_MODEL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
san_ticket_init (SanTicket *self)
{
}

/* "#2026-0042": '#', four digits, '-', at least four digits */
static gboolean
is_ticket_number (const char *text)
{
  gsize length = strlen (text);

  if (length < 10 || text[0] != '#' || text[5] != '-')
    return FALSE;
  for (gsize i = 1; i < length; i++)
    if (i != 5 && !g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

SanTicket *
san_ticket_new_from_json (JsonObject  *object,
                          gboolean     staff,
                          gboolean     detail,
                          GError     **error)
{
  g_autoptr(GListStore) messages = NULL;
  g_autoptr(GDateTime) created_at = NULL;
  g_autoptr(GDateTime) updated_at = NULL;
  SanTicket *self;
  const char *id = NULL, *contract_id, *contract_name = NULL, *number;
  const char *department_id, *department_name, *service_id, *subject;
  SanTicketPriority priority;
  SanTicketStatus status;
  SanTicketAuthorKind last_message_author;
  JsonObject *department;
  gint64 message_count;

  g_return_val_if_fail (object != NULL, NULL);

  if (!san_support_read_id (object, "id", FALSE, &id, error))
    {
      id = NULL;
      goto fail;
    }
  if (!san_support_read_id (object, "contract_id", FALSE, &contract_id, error) ||
      !san_json_read_string (object, "number", FALSE, &number, error))
    goto fail;
  if (!is_ticket_number (number))
    {
      san_json_set_unknown_word (error, "number", number);
      goto fail;
    }

  if (staff)
    {
      JsonObject *contract;
      const char *id_of_contract;

      if (!san_json_read_object (object, "contract", FALSE, &contract, error))
        goto fail;
      if (!san_support_read_id (contract, "id", FALSE, &id_of_contract, error) ||
          !san_json_read_string (contract, "name", TRUE, &contract_name, error))
        {
          g_prefix_error (error, "contract: ");
          goto fail;
        }
      if (!g_str_equal (id_of_contract, contract_id))
        {
          g_set_error_literal (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                               _("“contract” is not its contract"));
          goto fail;
        }
    }

  if (!san_json_read_object (object, "department", FALSE, &department, error))
    goto fail;
  if (!san_support_read_id (department, "id", FALSE, &department_id, error) ||
      !san_json_read_string (department, "name", FALSE, &department_name, error))
    {
      g_prefix_error (error, "department: ");
      goto fail;
    }
  if (!san_support_read_id (object, "service_id", TRUE, &service_id, error))
    goto fail;
  SAN_SUPPORT_READ_WORD (object, "priority", san_ticket_priority_from_wire, &priority, error);
  if (!san_json_read_string (object, "subject", FALSE, &subject, error))
    goto fail;
  SAN_SUPPORT_READ_WORD (object, "status", san_ticket_status_from_wire, &status, error);
  if (!san_json_read_datetime (object, "created_at", &created_at, error) ||
      !san_json_read_datetime (object, "updated_at", &updated_at, error))
    goto fail;
  SAN_SUPPORT_READ_WORD (object, "last_message_author", san_ticket_author_kind_from_wire,
                         &last_message_author, error);
  if (!san_json_read_int (object, "message_count", 0, G_MAXUINT, &message_count, error))
    goto fail;
  if (g_date_time_compare (updated_at, created_at) < 0)
    {
      g_set_error_literal (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                           _("“updated_at” is before “created_at”"));
      goto fail;
    }

  messages = g_list_store_new (SAN_TYPE_TICKET_MESSAGE);
  if (detail)
    {
      JsonArray *array;
      guint n;

      if (!san_json_read_array (object, "messages", &array, error))
        goto fail;
      n = json_array_get_length (array);
      if (n == 0)
        {
          g_set_error_literal (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                               _("“messages” is empty"));
          goto fail;
        }
      for (guint i = 0; i < n; i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          g_autoptr(SanTicketMessage) message = NULL;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            {
              g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                           _("message %u is not an object"), i + 1);
              goto fail;
            }
          message = san_ticket_message_new_from_json (json_node_get_object (node), staff, error);
          if (message == NULL)
            goto fail;
          g_list_store_append (messages, message);
        }
    }

  self = g_object_new (SAN_TYPE_TICKET, NULL);
  self->id = g_strdup (id);
  self->contract_id = g_strdup (contract_id);
  self->contract_name = g_strdup (contract_name);
  self->number = g_strdup (number);
  self->department_id = g_strdup (department_id);
  self->department_name = g_strdup (department_name);
  self->service_id = g_strdup (service_id);
  self->priority = priority;
  self->subject = g_strdup (subject);
  self->status = status;
  self->created_at = g_steal_pointer (&created_at);
  self->updated_at = g_steal_pointer (&updated_at);
  self->last_message_author = last_message_author;
  self->message_count = (guint) message_count;
  self->messages = G_LIST_MODEL (g_steal_pointer (&messages));
  return self;

fail:
  if (id != NULL)
    g_prefix_error (error, "ticket %s: ", id);
  else
    g_prefix_error (error, "ticket: ");
  return NULL;
}

const char *
san_ticket_get_id (SanTicket *self)
{
  g_return_val_if_fail (SAN_IS_TICKET (self), NULL);

  return self->id;
}

const char *
san_ticket_get_contract_id (SanTicket *self)
{
  g_return_val_if_fail (SAN_IS_TICKET (self), NULL);

  return self->contract_id;
}

const char *
san_ticket_get_contract_name (SanTicket *self)
{
  g_return_val_if_fail (SAN_IS_TICKET (self), NULL);

  return self->contract_name;
}

const char *
san_ticket_get_number (SanTicket *self)
{
  g_return_val_if_fail (SAN_IS_TICKET (self), NULL);

  return self->number;
}

const char *
san_ticket_get_department_id (SanTicket *self)
{
  g_return_val_if_fail (SAN_IS_TICKET (self), NULL);

  return self->department_id;
}

const char *
san_ticket_get_department_name (SanTicket *self)
{
  g_return_val_if_fail (SAN_IS_TICKET (self), NULL);

  return self->department_name;
}

const char *
san_ticket_get_service_id (SanTicket *self)
{
  g_return_val_if_fail (SAN_IS_TICKET (self), NULL);

  return self->service_id;
}

SanTicketPriority
san_ticket_get_priority (SanTicket *self)
{
  g_return_val_if_fail (SAN_IS_TICKET (self), SAN_TICKET_PRIORITY_LOW);

  return self->priority;
}

const char *
san_ticket_get_subject (SanTicket *self)
{
  g_return_val_if_fail (SAN_IS_TICKET (self), NULL);

  return self->subject;
}

SanTicketStatus
san_ticket_get_status (SanTicket *self)
{
  g_return_val_if_fail (SAN_IS_TICKET (self), SAN_TICKET_STATUS_OPEN);

  return self->status;
}

GDateTime *
san_ticket_get_created_at (SanTicket *self)
{
  g_return_val_if_fail (SAN_IS_TICKET (self), NULL);

  return self->created_at;
}

GDateTime *
san_ticket_get_updated_at (SanTicket *self)
{
  g_return_val_if_fail (SAN_IS_TICKET (self), NULL);

  return self->updated_at;
}

SanTicketAuthorKind
san_ticket_get_last_message_author (SanTicket *self)
{
  g_return_val_if_fail (SAN_IS_TICKET (self), SAN_TICKET_AUTHOR_KIND_CUSTOMER);

  return self->last_message_author;
}

guint
san_ticket_get_message_count (SanTicket *self)
{
  g_return_val_if_fail (SAN_IS_TICKET (self), 0);

  return self->message_count;
}

GListModel *
san_ticket_get_messages (SanTicket *self)
{
  g_return_val_if_fail (SAN_IS_TICKET (self), NULL);

  return self->messages;
}
