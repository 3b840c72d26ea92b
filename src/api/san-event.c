/* san-event.c: one event of the live event stream
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-api"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "san-event-private.h"

#include "san-enum-types.h"
#include "san-instance-private.h"
#include "san-json-private.h"
#include "san-notification-private.h"
#include "san-status-private.h"
#include "san-support-json-private.h"

/* Bounds of hello's ping_interval_s */
#define MAX_PING_INTERVAL_SECONDS 3600

struct _SanEvent
{
  GObject           parent_instance;

  gint64            seq;
  SanEventType      type;
  char             *contract_id;
  GDateTime        *time;

  guint             ping_interval;    /* HELLO */
  char             *reason;           /* RESYNC */
  SanInstance      *instance;         /* INSTANCE_STATE */
  SanInstanceState  previous_state;
  SanIncident      *incident;         /* INCIDENT_* */
  char             *service_id;       /* METRICS */
  SanMetricSample   sample;
  SanNotification  *notification;     /* NOTIFICATION */
};

enum {
  PROP_0,
  PROP_SEQ,
  PROP_EVENT_TYPE,
  PROP_CONTRACT_ID,
  PROP_TIME,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (SanEvent, san_event, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
san_event_finalize (GObject *object)
{
  SanEvent *self = (SanEvent *) object;

  g_clear_pointer (&self->contract_id, g_free);
  g_clear_pointer (&self->time, g_date_time_unref);
  g_clear_pointer (&self->reason, g_free);
  g_clear_object (&self->instance);
  g_clear_object (&self->incident);
  g_clear_pointer (&self->service_id, g_free);
  g_clear_object (&self->notification);

  G_OBJECT_CLASS (san_event_parent_class)->finalize (object);
}

static void
san_event_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SanEvent *self = SAN_EVENT (object);

  switch (prop_id)
    {
    case PROP_SEQ:
      g_value_set_int64 (value, self->seq);
      break;
    case PROP_EVENT_TYPE:
      g_value_set_enum (value, self->type);
      break;
    case PROP_CONTRACT_ID:
      g_value_set_string (value, self->contract_id);
      break;
    case PROP_TIME:
      g_value_set_boxed (value, self->time);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_event_class_init (SanEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = san_event_finalize;
  object_class->get_property = san_event_get_property;

  properties[PROP_SEQ] =
    g_param_spec_int64 ("seq", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_EVENT_TYPE] =
    g_param_spec_enum ("event-type", NULL, NULL, SAN_TYPE_EVENT_TYPE,
                       SAN_EVENT_TYPE_HELLO, flags);
  properties[PROP_CONTRACT_ID] =
    g_param_spec_string ("contract-id", NULL, NULL, NULL, flags);
  properties[PROP_TIME] =
    g_param_spec_boxed ("time", NULL, NULL, G_TYPE_DATE_TIME, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
san_event_init (SanEvent *self)
{
}

static gboolean
read_member_object (JsonObject  *object,
                    const char  *member,
                    JsonObject **out,
                    GError     **error)
{
  return san_json_read_object (object, member, FALSE, out, error);
}

/* The members of @self->type */
static gboolean
read_type_members (SanEvent    *self,
                   JsonObject  *object,
                   GError     **error)
{
  JsonObject *member;
  const char *text;
  gint64 number;

  switch (self->type)
    {
    case SAN_EVENT_TYPE_HELLO:
      if (!san_json_read_int (object, "ping_interval_s", 1, MAX_PING_INTERVAL_SECONDS,
                              &number, error))
        return FALSE;
      self->ping_interval = (guint) number;
      return TRUE;

    case SAN_EVENT_TYPE_RESYNC:
      /* A reason this version does not know is still a resync */
      if (!san_json_read_string (object, "reason", FALSE, &text, error))
        return FALSE;
      self->reason = g_strdup (text);
      return TRUE;

    case SAN_EVENT_TYPE_INSTANCE_STATE:
      if (!read_member_object (object, "instance", &member, error))
        return FALSE;
      if (!json_object_has_member (member, "state"))
        {
          g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                       _("“%s” is missing"), "state");
          g_prefix_error (error, "instance: ");
          return FALSE;
        }
      self->instance = san_instance_new_from_json (member, error);
      if (self->instance == NULL)
        return FALSE;
      if (!san_json_read_string (object, "previous_state", FALSE, &text, error))
        return FALSE;
      if (!san_instance_state_from_wire (text, &self->previous_state))
        {
          san_json_set_unknown_word (error, "previous_state", text);
          return FALSE;
        }
      return TRUE;

    case SAN_EVENT_TYPE_INCIDENT_CREATED:
    case SAN_EVENT_TYPE_INCIDENT_UPDATED:
    case SAN_EVENT_TYPE_INCIDENT_RESOLVED:
      if (!read_member_object (object, "incident", &member, error))
        return FALSE;
      self->incident = san_incident_new_from_json (member, error);
      if (self->incident == NULL)
        return FALSE;
      if ((self->type == SAN_EVENT_TYPE_INCIDENT_RESOLVED) != !san_incident_is_open (self->incident))
        {
          g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                       _("“%s” does not match “%s”"), "type", "incident");
          return FALSE;
        }
      return TRUE;

    case SAN_EVENT_TYPE_METRICS:
      if (!san_support_read_id (object, "service_id", FALSE, &text, error) ||
          !read_member_object (object, "sample", &member, error) ||
          !san_metric_sample_read_json (member, &self->sample, error))
        return FALSE;
      self->service_id = g_strdup (text);
      return TRUE;

    case SAN_EVENT_TYPE_NOTIFICATION:
      if (!read_member_object (object, "notification", &member, error))
        return FALSE;
      self->notification = san_notification_new_from_json (member, error);
      return self->notification != NULL;

    default:
      g_assert_not_reached ();
    }
}

SanEvent *
san_event_new_from_json (JsonObject  *object,
                         GError     **error)
{
  g_autoptr(SanEvent) self = g_object_new (SAN_TYPE_EVENT, NULL);
  const char *type, *contract_id;
  gboolean connection;

  g_return_val_if_fail (object != NULL, NULL);

  if (!san_json_read_string (object, "type", FALSE, &type, error))
    goto fail;
  if (!san_event_type_from_wire (type, &self->type))
    {
      /* Not quoted: the word comes from the server, this goes to a log */
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           "event of an unknown type");
      return NULL;
    }

  if (!san_json_read_int (object, "seq", 0, G_MAXINT64, &self->seq, error) ||
      !san_json_read_datetime (object, "time", &self->time, error))
    goto fail;

  /* Connection events belong to no contract, the others to one */
  connection = self->type == SAN_EVENT_TYPE_HELLO || self->type == SAN_EVENT_TYPE_RESYNC;
  if (connection)
    {
      JsonNode *node = json_object_get_member (object, "contract_id");

      if (node == NULL || !JSON_NODE_HOLDS_NULL (node))
        {
          g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                       _("“%s” is not %s"), "contract_id", "null");
          goto fail;
        }
    }
  else
    {
      if (!san_support_read_id (object, "contract_id", FALSE, &contract_id, error))
        goto fail;
      self->contract_id = g_strdup (contract_id);
    }

  if (!read_type_members (self, object, error))
    goto fail;

  return g_steal_pointer (&self);

fail:
  g_prefix_error (error, _("event %s: "), san_event_type_to_wire (self->type));
  return NULL;
}

SanEvent *
san_event_new_from_frame (GBytes  *frame,
                          GError **error)
{
  g_autoptr(JsonNode) root = san_json_parse_object (frame, error);

  if (root == NULL)
    return NULL;
  return san_event_new_from_json (json_node_get_object (root), error);
}

guint
san_event_get_ping_interval (SanEvent *self)
{
  g_return_val_if_fail (SAN_IS_EVENT (self), 0);

  return self->ping_interval;
}

const char *
san_event_get_reason (SanEvent *self)
{
  g_return_val_if_fail (SAN_IS_EVENT (self), NULL);

  return self->reason;
}

gint64
san_event_get_seq (SanEvent *self)
{
  g_return_val_if_fail (SAN_IS_EVENT (self), 0);

  return self->seq;
}

SanEventType
san_event_get_event_type (SanEvent *self)
{
  g_return_val_if_fail (SAN_IS_EVENT (self), SAN_EVENT_TYPE_HELLO);

  return self->type;
}

const char *
san_event_get_contract_id (SanEvent *self)
{
  g_return_val_if_fail (SAN_IS_EVENT (self), NULL);

  return self->contract_id;
}

GDateTime *
san_event_get_time (SanEvent *self)
{
  g_return_val_if_fail (SAN_IS_EVENT (self), NULL);

  return self->time;
}

SanInstance *
san_event_get_instance (SanEvent *self)
{
  g_return_val_if_fail (SAN_IS_EVENT (self), NULL);

  return self->instance;
}

SanInstanceState
san_event_get_previous_state (SanEvent *self)
{
  g_return_val_if_fail (SAN_IS_EVENT (self), SAN_INSTANCE_STATE_UNKNOWN);

  return self->previous_state;
}

SanIncident *
san_event_get_incident (SanEvent *self)
{
  g_return_val_if_fail (SAN_IS_EVENT (self), NULL);

  return self->incident;
}

const char *
san_event_get_service_id (SanEvent *self)
{
  g_return_val_if_fail (SAN_IS_EVENT (self), NULL);

  return self->service_id;
}

const SanMetricSample *
san_event_get_sample (SanEvent *self)
{
  g_return_val_if_fail (SAN_IS_EVENT (self), NULL);

  return self->type == SAN_EVENT_TYPE_METRICS ? &self->sample : NULL;
}

SanNotification *
san_event_get_notification (SanEvent *self)
{
  g_return_val_if_fail (SAN_IS_EVENT (self), NULL);

  return self->notification;
}
