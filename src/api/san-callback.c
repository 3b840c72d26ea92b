/* san-callback.c: one "Nós ligamos para você" callback request
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-api"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "san-callback-private.h"

#include "san-enum-types.h"
#include "san-json-private.h"
#include "san-support-json-private.h"

struct _SanCallback
{
  GObject            parent_instance;

  char              *id;
  char              *phone;
  char              *subject;
  char              *service_id;
  GDate              date;
  guint              from_minutes;
  guint              to_minutes;
  SanCallbackStatus  status;
  GDateTime         *created_at;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_PHONE,
  PROP_SUBJECT,
  PROP_SERVICE_ID,
  PROP_DATE,
  PROP_FROM_MINUTES,
  PROP_TO_MINUTES,
  PROP_STATUS,
  PROP_CREATED_AT,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (SanCallback, san_callback, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
san_callback_finalize (GObject *object)
{
  SanCallback *self = (SanCallback *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->service_id, g_free);
  g_clear_pointer (&self->created_at, g_date_time_unref);

  G_OBJECT_CLASS (san_callback_parent_class)->finalize (object);
}

static void
san_callback_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SanCallback *self = SAN_CALLBACK (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;
    case PROP_SUBJECT:
      g_value_set_string (value, self->subject);
      break;
    case PROP_SERVICE_ID:
      g_value_set_string (value, self->service_id);
      break;
    case PROP_DATE:
      g_value_set_boxed (value, san_callback_get_date (self));
      break;
    case PROP_FROM_MINUTES:
      g_value_set_uint (value, self->from_minutes);
      break;
    case PROP_TO_MINUTES:
      g_value_set_uint (value, self->to_minutes);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_CREATED_AT:
      g_value_set_boxed (value, self->created_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_callback_class_init (SanCallbackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = san_callback_finalize;
  object_class->get_property = san_callback_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL, NULL, flags);
  properties[PROP_SUBJECT] =
    g_param_spec_string ("subject", NULL, NULL, NULL, flags);
  properties[PROP_SERVICE_ID] =
    g_param_spec_string ("service-id", NULL, NULL, NULL, flags);
  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE, flags);
  properties[PROP_FROM_MINUTES] =
    g_param_spec_uint ("from-minutes", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_TO_MINUTES] =
    g_param_spec_uint ("to-minutes", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       SAN_TYPE_CALLBACK_STATUS, SAN_CALLBACK_STATUS_REQUESTED, flags);
  properties[PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
san_callback_init (SanCallback *self)
{
  g_date_clear (&self->date, 1);
}

SanCallback *
san_callback_new_from_json (JsonObject  *object,
                            GError     **error)
{
  g_autoptr(GDateTime) created_at = NULL;
  SanCallback *self;
  const char *id = NULL, *phone, *subject, *service_id;
  SanCallbackStatus status;
  JsonObject *window;
  GDate date;
  guint from_minutes, to_minutes;

  g_return_val_if_fail (object != NULL, NULL);

  if (!san_support_read_id (object, "id", FALSE, &id, error))
    {
      id = NULL;
      goto fail;
    }
  if (!san_json_read_string (object, "phone", FALSE, &phone, error) ||
      !san_json_read_string (object, "subject", FALSE, &subject, error) ||
      !san_support_read_id (object, "service_id", TRUE, &service_id, error) ||
      !san_json_read_object (object, "preferred_window", FALSE, &window, error))
    goto fail;
  if (!san_json_read_date (window, "date", FALSE, &date, error) ||
      !san_support_read_time (window, "from", &from_minutes, error) ||
      !san_support_read_time (window, "to", &to_minutes, error))
    {
      g_prefix_error (error, "preferred_window: ");
      goto fail;
    }
  if (to_minutes <= from_minutes)
    {
      g_set_error_literal (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                           _("preferred_window: “to” is not after “from”"));
      goto fail;
    }
  SAN_SUPPORT_READ_WORD (object, "status", san_callback_status_from_wire, &status, error);
  if (!san_json_read_datetime (object, "created_at", &created_at, error))
    goto fail;

  self = g_object_new (SAN_TYPE_CALLBACK, NULL);
  self->id = g_strdup (id);
  self->phone = g_strdup (phone);
  self->subject = g_strdup (subject);
  self->service_id = g_strdup (service_id);
  self->date = date;
  self->from_minutes = from_minutes;
  self->to_minutes = to_minutes;
  self->status = status;
  self->created_at = g_steal_pointer (&created_at);
  return self;

fail:
  if (id != NULL)
    g_prefix_error (error, "callback request %s: ", id);
  else
    g_prefix_error (error, "callback request: ");
  return NULL;
}

const char *
san_callback_get_id (SanCallback *self)
{
  g_return_val_if_fail (SAN_IS_CALLBACK (self), NULL);

  return self->id;
}

const char *
san_callback_get_phone (SanCallback *self)
{
  g_return_val_if_fail (SAN_IS_CALLBACK (self), NULL);

  return self->phone;
}

const char *
san_callback_get_subject (SanCallback *self)
{
  g_return_val_if_fail (SAN_IS_CALLBACK (self), NULL);

  return self->subject;
}

const char *
san_callback_get_service_id (SanCallback *self)
{
  g_return_val_if_fail (SAN_IS_CALLBACK (self), NULL);

  return self->service_id;
}

const GDate *
san_callback_get_date (SanCallback *self)
{
  g_return_val_if_fail (SAN_IS_CALLBACK (self), NULL);

  return g_date_valid (&self->date) ? &self->date : NULL;
}

guint
san_callback_get_from_minutes (SanCallback *self)
{
  g_return_val_if_fail (SAN_IS_CALLBACK (self), 0);

  return self->from_minutes;
}

guint
san_callback_get_to_minutes (SanCallback *self)
{
  g_return_val_if_fail (SAN_IS_CALLBACK (self), 0);

  return self->to_minutes;
}

SanCallbackStatus
san_callback_get_status (SanCallback *self)
{
  g_return_val_if_fail (SAN_IS_CALLBACK (self), SAN_CALLBACK_STATUS_REQUESTED);

  return self->status;
}

GDateTime *
san_callback_get_created_at (SanCallback *self)
{
  g_return_val_if_fail (SAN_IS_CALLBACK (self), NULL);

  return self->created_at;
}
