/* san-debit-schedule.c: an invoice scheduled for Débito em Conta
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-api"

#include "config.h"

#include "san-debit-schedule-private.h"

#include "san-json-private.h"

struct _SanDebitSchedule
{
  GObject    parent_instance;

  char      *invoice_id;
  char      *bank_account_id;
  GDate      date;
  GDateTime *created_at;
};

enum {
  PROP_0,
  PROP_INVOICE_ID,
  PROP_BANK_ACCOUNT_ID,
  PROP_DATE,
  PROP_CREATED_AT,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (SanDebitSchedule, san_debit_schedule, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
san_debit_schedule_finalize (GObject *object)
{
  SanDebitSchedule *self = (SanDebitSchedule *) object;

  g_clear_pointer (&self->invoice_id, g_free);
  g_clear_pointer (&self->bank_account_id, g_free);
  g_clear_pointer (&self->created_at, g_date_time_unref);

  G_OBJECT_CLASS (san_debit_schedule_parent_class)->finalize (object);
}

static void
san_debit_schedule_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SanDebitSchedule *self = SAN_DEBIT_SCHEDULE (object);

  switch (prop_id)
    {
    case PROP_INVOICE_ID:
      g_value_set_string (value, self->invoice_id);
      break;
    case PROP_BANK_ACCOUNT_ID:
      g_value_set_string (value, self->bank_account_id);
      break;
    case PROP_DATE:
      g_value_set_boxed (value, san_debit_schedule_get_date (self));
      break;
    case PROP_CREATED_AT:
      g_value_set_boxed (value, self->created_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_debit_schedule_class_init (SanDebitScheduleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = san_debit_schedule_finalize;
  object_class->get_property = san_debit_schedule_get_property;

  properties[PROP_INVOICE_ID] =
    g_param_spec_string ("invoice-id", NULL, NULL, NULL, flags);
  properties[PROP_BANK_ACCOUNT_ID] =
    g_param_spec_string ("bank-account-id", NULL, NULL, NULL, flags);
  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE, flags);
  properties[PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
san_debit_schedule_init (SanDebitSchedule *self)
{
  g_date_clear (&self->date, 1);
}

SanDebitSchedule *
san_debit_schedule_new_from_json (JsonObject  *object,
                                  GError     **error)
{
  g_autoptr(GDateTime) created_at = NULL;
  SanDebitSchedule *self;
  const char *invoice_id, *bank_account_id, *status;
  GDate date;

  g_return_val_if_fail (object != NULL, NULL);

  if (!san_json_read_string (object, "invoice_id", FALSE, &invoice_id, error) ||
      !san_json_read_string (object, "bank_account_id", FALSE, &bank_account_id, error) ||
      !san_json_read_date (object, "date", FALSE, &date, error) ||
      !san_json_read_string (object, "status", FALSE, &status, error) ||
      !san_json_read_datetime (object, "created_at", &created_at, error))
    goto fail;

  /* The one status there is */
  if (!g_str_equal (status, "scheduled"))
    {
      san_json_set_unknown_word (error, "status", status);
      goto fail;
    }

  self = g_object_new (SAN_TYPE_DEBIT_SCHEDULE, NULL);
  self->invoice_id = g_strdup (invoice_id);
  self->bank_account_id = g_strdup (bank_account_id);
  self->date = date;
  self->created_at = g_steal_pointer (&created_at);
  return self;

fail:
  g_prefix_error (error, "debit schedule: ");
  return NULL;
}

const char *
san_debit_schedule_get_invoice_id (SanDebitSchedule *self)
{
  g_return_val_if_fail (SAN_IS_DEBIT_SCHEDULE (self), NULL);

  return self->invoice_id;
}

const char *
san_debit_schedule_get_bank_account_id (SanDebitSchedule *self)
{
  g_return_val_if_fail (SAN_IS_DEBIT_SCHEDULE (self), NULL);

  return self->bank_account_id;
}

const GDate *
san_debit_schedule_get_date (SanDebitSchedule *self)
{
  g_return_val_if_fail (SAN_IS_DEBIT_SCHEDULE (self), NULL);

  return g_date_valid (&self->date) ? &self->date : NULL;
}

GDateTime *
san_debit_schedule_get_created_at (SanDebitSchedule *self)
{
  g_return_val_if_fail (SAN_IS_DEBIT_SCHEDULE (self), NULL);

  return self->created_at;
}
