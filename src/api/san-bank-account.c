/* san-bank-account.c: a bank account for Débito em Conta
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-api"

#include "config.h"

#include "san-bank-account-private.h"

#include "san-json-private.h"

struct _SanBankAccount
{
  GObject    parent_instance;

  char      *id;
  char      *bank_code;
  char      *bank_name;
  char      *agency;
  char      *account;
  char      *holder;
  char      *holder_document;
  GDateTime *created_at;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_BANK_CODE,
  PROP_BANK_NAME,
  PROP_AGENCY,
  PROP_ACCOUNT,
  PROP_HOLDER,
  PROP_HOLDER_DOCUMENT,
  PROP_CREATED_AT,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (SanBankAccount, san_bank_account, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
san_bank_account_finalize (GObject *object)
{
  SanBankAccount *self = (SanBankAccount *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->bank_code, g_free);
  g_clear_pointer (&self->bank_name, g_free);
  g_clear_pointer (&self->agency, g_free);
  g_clear_pointer (&self->account, g_free);
  g_clear_pointer (&self->holder, g_free);
  g_clear_pointer (&self->holder_document, g_free);
  g_clear_pointer (&self->created_at, g_date_time_unref);

  G_OBJECT_CLASS (san_bank_account_parent_class)->finalize (object);
}

static void
san_bank_account_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SanBankAccount *self = SAN_BANK_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_BANK_CODE:
      g_value_set_string (value, self->bank_code);
      break;
    case PROP_BANK_NAME:
      g_value_set_string (value, self->bank_name);
      break;
    case PROP_AGENCY:
      g_value_set_string (value, self->agency);
      break;
    case PROP_ACCOUNT:
      g_value_set_string (value, self->account);
      break;
    case PROP_HOLDER:
      g_value_set_string (value, self->holder);
      break;
    case PROP_HOLDER_DOCUMENT:
      g_value_set_string (value, self->holder_document);
      break;
    case PROP_CREATED_AT:
      g_value_set_boxed (value, self->created_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_bank_account_class_init (SanBankAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = san_bank_account_finalize;
  object_class->get_property = san_bank_account_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_BANK_CODE] =
    g_param_spec_string ("bank-code", NULL, NULL, NULL, flags);
  properties[PROP_BANK_NAME] =
    g_param_spec_string ("bank-name", NULL, NULL, NULL, flags);
  properties[PROP_AGENCY] =
    g_param_spec_string ("agency", NULL, NULL, NULL, flags);
  properties[PROP_ACCOUNT] =
    g_param_spec_string ("account", NULL, NULL, NULL, flags);
  properties[PROP_HOLDER] =
    g_param_spec_string ("holder", NULL, NULL, NULL, flags);
  properties[PROP_HOLDER_DOCUMENT] =
    g_param_spec_string ("holder-document", NULL, NULL, NULL, flags);
  properties[PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
san_bank_account_init (SanBankAccount *self)
{
}

SanBankAccount *
san_bank_account_new_from_json (JsonObject  *object,
                                GError     **error)
{
  g_autoptr(GDateTime) created_at = NULL;
  SanBankAccount *self;
  const char *id = NULL, *bank_code, *bank_name, *agency, *account, *holder, *holder_document;

  g_return_val_if_fail (object != NULL, NULL);

  if (!san_json_read_string (object, "id", FALSE, &id, error))
    {
      id = NULL;
      goto fail;
    }
  if (!san_json_read_digits (object, "bank_code", 3, &bank_code, error) ||
      !san_json_read_string (object, "bank_name", FALSE, &bank_name, error) ||
      !san_json_read_string (object, "agency", FALSE, &agency, error) ||
      !san_json_read_string (object, "account", FALSE, &account, error) ||
      !san_json_read_string (object, "holder", FALSE, &holder, error) ||
      !san_json_read_string (object, "holder_document", FALSE, &holder_document, error) ||
      !san_json_read_datetime (object, "created_at", &created_at, error))
    goto fail;

  self = g_object_new (SAN_TYPE_BANK_ACCOUNT, NULL);
  self->id = g_strdup (id);
  self->bank_code = g_strdup (bank_code);
  self->bank_name = g_strdup (bank_name);
  self->agency = g_strdup (agency);
  self->account = g_strdup (account);
  self->holder = g_strdup (holder);
  self->holder_document = g_strdup (holder_document);
  self->created_at = g_steal_pointer (&created_at);
  return self;

fail:
  if (id != NULL)
    g_prefix_error (error, "bank account %s: ", id);
  else
    g_prefix_error (error, "bank account: ");
  return NULL;
}

const char *
san_bank_account_get_id (SanBankAccount *self)
{
  g_return_val_if_fail (SAN_IS_BANK_ACCOUNT (self), NULL);

  return self->id;
}

const char *
san_bank_account_get_bank_code (SanBankAccount *self)
{
  g_return_val_if_fail (SAN_IS_BANK_ACCOUNT (self), NULL);

  return self->bank_code;
}

const char *
san_bank_account_get_bank_name (SanBankAccount *self)
{
  g_return_val_if_fail (SAN_IS_BANK_ACCOUNT (self), NULL);

  return self->bank_name;
}

const char *
san_bank_account_get_agency (SanBankAccount *self)
{
  g_return_val_if_fail (SAN_IS_BANK_ACCOUNT (self), NULL);

  return self->agency;
}

const char *
san_bank_account_get_account (SanBankAccount *self)
{
  g_return_val_if_fail (SAN_IS_BANK_ACCOUNT (self), NULL);

  return self->account;
}

const char *
san_bank_account_get_holder (SanBankAccount *self)
{
  g_return_val_if_fail (SAN_IS_BANK_ACCOUNT (self), NULL);

  return self->holder;
}

const char *
san_bank_account_get_holder_document (SanBankAccount *self)
{
  g_return_val_if_fail (SAN_IS_BANK_ACCOUNT (self), NULL);

  return self->holder_document;
}

GDateTime *
san_bank_account_get_created_at (SanBankAccount *self)
{
  g_return_val_if_fail (SAN_IS_BANK_ACCOUNT (self), NULL);

  return self->created_at;
}
