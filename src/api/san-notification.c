/* san-notification.c: a notification event's content (invoice paid,
 * ticket answered, ...)
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-api"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "san-notification-private.h"

#include "san-json-private.h"
#include "san-support-json-private.h"

/* A wire word: 1 to 64 of [a-z0-9_] */
#define MAX_WORD_LENGTH 64

struct _SanNotification
{
  GObject  parent_instance;

  char    *kind;
  char    *title;
  char    *body;
  char    *target_kind;
  char    *target_id;
  char    *label;
};

enum {
  PROP_0,
  PROP_KIND,
  PROP_TITLE,
  PROP_BODY,
  PROP_TARGET_KIND,
  PROP_TARGET_ID,
  PROP_LABEL,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (SanNotification, san_notification, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static gboolean
read_word (JsonObject  *object,
           const char  *member,
           const char **out,
           GError     **error)
{
  const char *word;
  gsize i;

  if (!san_json_read_string (object, member, FALSE, &word, error))
    return FALSE;
  for (i = 0; word[i] != '\0'; i++)
    if (!g_ascii_islower (word[i]) && !g_ascii_isdigit (word[i]) && word[i] != '_')
      break;
  if (word[i] != '\0' || i > MAX_WORD_LENGTH)
    {
      san_json_set_unknown_word (error, member, word);
      return FALSE;
    }
  *out = word;
  return TRUE;
}

static void
san_notification_finalize (GObject *object)
{
  SanNotification *self = (SanNotification *) object;

  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->target_kind, g_free);
  g_clear_pointer (&self->target_id, g_free);
  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (san_notification_parent_class)->finalize (object);
}

static void
san_notification_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SanNotification *self = SAN_NOTIFICATION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;
    case PROP_TARGET_KIND:
      g_value_set_string (value, self->target_kind);
      break;
    case PROP_TARGET_ID:
      g_value_set_string (value, self->target_id);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_notification_class_init (SanNotificationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = san_notification_finalize;
  object_class->get_property = san_notification_get_property;

  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_BODY] = g_param_spec_string ("body", NULL, NULL, NULL, flags);
  properties[PROP_TARGET_KIND] = g_param_spec_string ("target-kind", NULL, NULL, NULL, flags);
  properties[PROP_TARGET_ID] = g_param_spec_string ("target-id", NULL, NULL, NULL, flags);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
san_notification_init (SanNotification *self)
{
}

SanNotification *
san_notification_new_from_json (JsonObject  *object,
                                GError     **error)
{
  g_autoptr(SanNotification) self = NULL;
  const char *kind, *title, *body, *label;
  const char *target_kind = NULL, *target_id = NULL;
  JsonObject *target;

  g_return_val_if_fail (object != NULL, NULL);

  if (!read_word (object, "kind", &kind, error) ||
      !san_json_read_string (object, "title", FALSE, &title, error) ||
      !san_json_read_string (object, "body", TRUE, &body, error) ||
      !san_json_read_object (object, "target", TRUE, &target, error) ||
      !san_json_read_string (object, "label", TRUE, &label, error))
    goto fail;

  if (target != NULL &&
      (!read_word (target, "kind", &target_kind, error) ||
       !san_support_read_id (target, "id", FALSE, &target_id, error)))
    {
      g_prefix_error (error, "target: ");
      goto fail;
    }

  self = g_object_new (SAN_TYPE_NOTIFICATION, NULL);
  self->kind = g_strdup (kind);
  self->title = g_strdup (title);
  self->body = g_strdup (body);
  self->target_kind = g_strdup (target_kind);
  self->target_id = g_strdup (target_id);
  self->label = g_strdup (label);
  return g_steal_pointer (&self);

fail:
  g_prefix_error (error, _("notification: "));
  return NULL;
}

const char *
san_notification_get_kind (SanNotification *self)
{
  g_return_val_if_fail (SAN_IS_NOTIFICATION (self), NULL);

  return self->kind;
}

const char *
san_notification_get_title (SanNotification *self)
{
  g_return_val_if_fail (SAN_IS_NOTIFICATION (self), NULL);

  return self->title;
}

const char *
san_notification_get_body (SanNotification *self)
{
  g_return_val_if_fail (SAN_IS_NOTIFICATION (self), NULL);

  return self->body;
}

const char *
san_notification_get_target_kind (SanNotification *self)
{
  g_return_val_if_fail (SAN_IS_NOTIFICATION (self), NULL);

  return self->target_kind;
}

const char *
san_notification_get_target_id (SanNotification *self)
{
  g_return_val_if_fail (SAN_IS_NOTIFICATION (self), NULL);

  return self->target_id;
}

const char *
san_notification_get_label (SanNotification *self)
{
  g_return_val_if_fail (SAN_IS_NOTIFICATION (self), NULL);

  return self->label;
}
