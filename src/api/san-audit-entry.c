/* san-audit-entry.c: one record of the staff audit log
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-api"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "san-audit-entry-private.h"

#include "san-enum-types.h"
#include "san-json-private.h"
#include "san-support-json-private.h"

struct _SanAuditEntry
{
  GObject    parent_instance;

  char      *id;
  char      *user_id;
  char      *user_email;
  char      *user_display_name;
  char      *contract_id;
  char      *contract_name;
  char      *method;
  char      *path;
  GDateTime *at;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_USER_ID,
  PROP_USER_EMAIL,
  PROP_USER_DISPLAY_NAME,
  PROP_CONTRACT_ID,
  PROP_CONTRACT_NAME,
  PROP_METHOD,
  PROP_PATH,
  PROP_AT,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (SanAuditEntry, san_audit_entry, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
san_audit_entry_finalize (GObject *object)
{
  SanAuditEntry *self = (SanAuditEntry *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->user_id, g_free);
  g_clear_pointer (&self->user_email, g_free);
  g_clear_pointer (&self->user_display_name, g_free);
  g_clear_pointer (&self->contract_id, g_free);
  g_clear_pointer (&self->contract_name, g_free);
  g_clear_pointer (&self->method, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->at, g_date_time_unref);

  G_OBJECT_CLASS (san_audit_entry_parent_class)->finalize (object);
}

static void
san_audit_entry_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SanAuditEntry *self = SAN_AUDIT_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_USER_ID:
      g_value_set_string (value, self->user_id);
      break;
    case PROP_USER_EMAIL:
      g_value_set_string (value, self->user_email);
      break;
    case PROP_USER_DISPLAY_NAME:
      g_value_set_string (value, self->user_display_name);
      break;
    case PROP_CONTRACT_ID:
      g_value_set_string (value, self->contract_id);
      break;
    case PROP_CONTRACT_NAME:
      g_value_set_string (value, self->contract_name);
      break;
    case PROP_METHOD:
      g_value_set_string (value, self->method);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_AT:
      g_value_set_boxed (value, self->at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_audit_entry_class_init (SanAuditEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = san_audit_entry_finalize;
  object_class->get_property = san_audit_entry_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_USER_ID] =
    g_param_spec_string ("user-id", NULL, NULL, NULL, flags);
  properties[PROP_USER_EMAIL] =
    g_param_spec_string ("user-email", NULL, NULL, NULL, flags);
  properties[PROP_USER_DISPLAY_NAME] =
    g_param_spec_string ("user-display-name", NULL, NULL, NULL, flags);
  properties[PROP_CONTRACT_ID] =
    g_param_spec_string ("contract-id", NULL, NULL, NULL, flags);
  properties[PROP_CONTRACT_NAME] =
    g_param_spec_string ("contract-name", NULL, NULL, NULL, flags);
  properties[PROP_METHOD] =
    g_param_spec_string ("method", NULL, NULL, NULL, flags);
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL, flags);
  properties[PROP_AT] =
    g_param_spec_boxed ("at", NULL, NULL, G_TYPE_DATE_TIME, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
san_audit_entry_init (SanAuditEntry *self)
{
}

SanAuditEntry *
san_audit_entry_new_from_json (JsonObject  *object,
                               GError     **error)
{
  g_autoptr(GDateTime) at = NULL;
  SanAuditEntry *self;
  const char *id = NULL, *user_id, *user_email, *user_display_name;
  const char *contract_id = NULL, *contract_name = NULL, *method, *path;
  JsonObject *user, *contract;

  g_return_val_if_fail (object != NULL, NULL);

  if (!san_support_read_id (object, "id", FALSE, &id, error))
    {
      id = NULL;
      goto fail;
    }
  if (!san_json_read_object (object, "user", FALSE, &user, error))
    goto fail;
  if (!san_support_read_id (user, "id", FALSE, &user_id, error) ||
      !san_json_read_string (user, "email", FALSE, &user_email, error) ||
      !san_json_read_string (user, "display_name", TRUE, &user_display_name, error))
    {
      g_prefix_error (error, "user: ");
      goto fail;
    }
  if (!san_json_read_object (object, "contract", TRUE, &contract, error))
    goto fail;
  if (contract != NULL &&
      (!san_support_read_id (contract, "id", FALSE, &contract_id, error) ||
       !san_json_read_string (contract, "name", TRUE, &contract_name, error)))
    {
      g_prefix_error (error, "contract: ");
      goto fail;
    }
  if (!san_json_read_string (object, "method", FALSE, &method, error) ||
      !san_json_read_string (object, "path", FALSE, &path, error) ||
      !san_json_read_datetime (object, "at", &at, error))
    goto fail;
  if (path[0] != '/')
    {
      san_json_set_unknown_word (error, "path", path);
      goto fail;
    }

  self = g_object_new (SAN_TYPE_AUDIT_ENTRY, NULL);
  self->id = g_strdup (id);
  self->user_id = g_strdup (user_id);
  self->user_email = g_strdup (user_email);
  self->user_display_name = g_strdup (user_display_name);
  self->contract_id = g_strdup (contract_id);
  self->contract_name = g_strdup (contract_name);
  self->method = g_strdup (method);
  self->path = g_strdup (path);
  self->at = g_steal_pointer (&at);
  return self;

fail:
  if (id != NULL)
    g_prefix_error (error, "audit entry %s: ", id);
  else
    g_prefix_error (error, "audit entry: ");
  return NULL;
}

const char *
san_audit_entry_get_id (SanAuditEntry *self)
{
  g_return_val_if_fail (SAN_IS_AUDIT_ENTRY (self), NULL);

  return self->id;
}

const char *
san_audit_entry_get_user_id (SanAuditEntry *self)
{
  g_return_val_if_fail (SAN_IS_AUDIT_ENTRY (self), NULL);

  return self->user_id;
}

const char *
san_audit_entry_get_user_email (SanAuditEntry *self)
{
  g_return_val_if_fail (SAN_IS_AUDIT_ENTRY (self), NULL);

  return self->user_email;
}

const char *
san_audit_entry_get_user_display_name (SanAuditEntry *self)
{
  g_return_val_if_fail (SAN_IS_AUDIT_ENTRY (self), NULL);

  return self->user_display_name;
}

const char *
san_audit_entry_get_contract_id (SanAuditEntry *self)
{
  g_return_val_if_fail (SAN_IS_AUDIT_ENTRY (self), NULL);

  return self->contract_id;
}

const char *
san_audit_entry_get_contract_name (SanAuditEntry *self)
{
  g_return_val_if_fail (SAN_IS_AUDIT_ENTRY (self), NULL);

  return self->contract_name;
}

const char *
san_audit_entry_get_method (SanAuditEntry *self)
{
  g_return_val_if_fail (SAN_IS_AUDIT_ENTRY (self), NULL);

  return self->method;
}

const char *
san_audit_entry_get_path (SanAuditEntry *self)
{
  g_return_val_if_fail (SAN_IS_AUDIT_ENTRY (self), NULL);

  return self->path;
}

GDateTime *
san_audit_entry_get_at (SanAuditEntry *self)
{
  g_return_val_if_fail (SAN_IS_AUDIT_ENTRY (self), NULL);

  return self->at;
}
