/* san-fiscal-note.c: a nota fiscal (NFS-e) of a paid invoice
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-api"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "san-fiscal-note-private.h"

#include "san-enum-types.h"
#include "san-json-private.h"

struct _SanFiscalNote
{
  GObject              parent_instance;

  char                *id;
  char                *invoice_id;
  char                *invoice_number;
  SanFiscalNoteStatus  status;
  char                *number;
  char                *verification_code;
  gint64               amount_cents;
  char                *description;
  GDate                scheduled_for;
  GDateTime           *issued_at;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_INVOICE_ID,
  PROP_INVOICE_NUMBER,
  PROP_STATUS,
  PROP_NUMBER,
  PROP_VERIFICATION_CODE,
  PROP_AMOUNT_CENTS,
  PROP_DESCRIPTION,
  PROP_SCHEDULED_FOR,
  PROP_ISSUED_AT,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (SanFiscalNote, san_fiscal_note, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
san_fiscal_note_finalize (GObject *object)
{
  SanFiscalNote *self = (SanFiscalNote *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->invoice_id, g_free);
  g_clear_pointer (&self->invoice_number, g_free);
  g_clear_pointer (&self->number, g_free);
  g_clear_pointer (&self->verification_code, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->issued_at, g_date_time_unref);

  G_OBJECT_CLASS (san_fiscal_note_parent_class)->finalize (object);
}

static void
san_fiscal_note_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SanFiscalNote *self = SAN_FISCAL_NOTE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_INVOICE_ID:
      g_value_set_string (value, self->invoice_id);
      break;
    case PROP_INVOICE_NUMBER:
      g_value_set_string (value, self->invoice_number);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;
    case PROP_VERIFICATION_CODE:
      g_value_set_string (value, self->verification_code);
      break;
    case PROP_AMOUNT_CENTS:
      g_value_set_int64 (value, self->amount_cents);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_SCHEDULED_FOR:
      g_value_set_boxed (value, san_fiscal_note_get_scheduled_for (self));
      break;
    case PROP_ISSUED_AT:
      g_value_set_boxed (value, self->issued_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_fiscal_note_class_init (SanFiscalNoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = san_fiscal_note_finalize;
  object_class->get_property = san_fiscal_note_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_INVOICE_ID] =
    g_param_spec_string ("invoice-id", NULL, NULL, NULL, flags);
  properties[PROP_INVOICE_NUMBER] =
    g_param_spec_string ("invoice-number", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       SAN_TYPE_FISCAL_NOTE_STATUS, SAN_FISCAL_NOTE_STATUS_PENDING, flags);
  properties[PROP_NUMBER] =
    g_param_spec_string ("number", NULL, NULL, NULL, flags);
  properties[PROP_VERIFICATION_CODE] =
    g_param_spec_string ("verification-code", NULL, NULL, NULL, flags);
  properties[PROP_AMOUNT_CENTS] =
    g_param_spec_int64 ("amount-cents", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_SCHEDULED_FOR] =
    g_param_spec_boxed ("scheduled-for", NULL, NULL, G_TYPE_DATE, flags);
  properties[PROP_ISSUED_AT] =
    g_param_spec_boxed ("issued-at", NULL, NULL, G_TYPE_DATE_TIME, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
san_fiscal_note_init (SanFiscalNote *self)
{
  g_date_clear (&self->scheduled_for, 1);
}

/* Reads the wire word @member with @from_wire into @out */
#define READ_WORD(member, from_wire, out)                                   \
  G_STMT_START {                                                            \
    const char *word_;                                                      \
                                                                            \
    if (!san_json_read_string (object, member, FALSE, &word_, error))       \
      goto fail;                                                            \
    if (!from_wire (word_, out))                                            \
      {                                                                     \
        san_json_set_unknown_word (error, member, word_);                   \
        goto fail;                                                          \
      }                                                                     \
  } G_STMT_END

SanFiscalNote *
san_fiscal_note_new_from_json (JsonObject  *object,
                               GError     **error)
{
  g_autoptr(GDateTime) issued_at = NULL;
  SanFiscalNote *self;
  const char *id = NULL, *invoice_id, *invoice_number, *number, *verification_code, *description;
  SanFiscalNoteStatus status;
  gint64 amount_cents;
  GDate scheduled_for;

  g_return_val_if_fail (object != NULL, NULL);

  if (!san_json_read_string (object, "id", FALSE, &id, error))
    {
      id = NULL;
      goto fail;
    }
  if (!san_json_read_string (object, "invoice_id", FALSE, &invoice_id, error) ||
      !san_json_read_string (object, "invoice_number", FALSE, &invoice_number, error))
    goto fail;
  READ_WORD ("status", san_fiscal_note_status_from_wire, &status);
  if (!san_json_read_string_or_null (object, "number", &number, error) ||
      !san_json_read_string_or_null (object, "verification_code", &verification_code, error) ||
      !san_json_read_int (object, "amount_cents", 0, G_MAXINT64, &amount_cents, error) ||
      !san_json_read_string (object, "description", FALSE, &description, error) ||
      !san_json_read_date (object, "scheduled_for", TRUE, &scheduled_for, error) ||
      !san_json_read_datetime_or_null (object, "issued_at", &issued_at, error))
    goto fail;

  /* Issued: number, code and time; pending: none of them, and a date */
  if (status == SAN_FISCAL_NOTE_STATUS_ISSUED &&
      (number == NULL || verification_code == NULL || issued_at == NULL))
    {
      g_set_error_literal (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                           _("an issued note has no “number”, “verification_code” or “issued_at”"));
      goto fail;
    }
  if (status == SAN_FISCAL_NOTE_STATUS_PENDING &&
      (number != NULL || verification_code != NULL || issued_at != NULL ||
       !g_date_valid (&scheduled_for)))
    {
      g_set_error_literal (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                           _("a pending note has a number, or no “scheduled_for”"));
      goto fail;
    }

  self = g_object_new (SAN_TYPE_FISCAL_NOTE, NULL);
  self->id = g_strdup (id);
  self->invoice_id = g_strdup (invoice_id);
  self->invoice_number = g_strdup (invoice_number);
  self->status = status;
  self->number = g_strdup (number);
  self->verification_code = g_strdup (verification_code);
  self->amount_cents = amount_cents;
  self->description = g_strdup (description);
  self->scheduled_for = scheduled_for;
  self->issued_at = g_steal_pointer (&issued_at);
  return self;

fail:
  if (id != NULL)
    g_prefix_error (error, "nota fiscal %s: ", id);
  else
    g_prefix_error (error, "nota fiscal: ");
  return NULL;
}

#undef READ_WORD

const char *
san_fiscal_note_get_id (SanFiscalNote *self)
{
  g_return_val_if_fail (SAN_IS_FISCAL_NOTE (self), NULL);

  return self->id;
}

const char *
san_fiscal_note_get_invoice_id (SanFiscalNote *self)
{
  g_return_val_if_fail (SAN_IS_FISCAL_NOTE (self), NULL);

  return self->invoice_id;
}

const char *
san_fiscal_note_get_invoice_number (SanFiscalNote *self)
{
  g_return_val_if_fail (SAN_IS_FISCAL_NOTE (self), NULL);

  return self->invoice_number;
}

SanFiscalNoteStatus
san_fiscal_note_get_status (SanFiscalNote *self)
{
  g_return_val_if_fail (SAN_IS_FISCAL_NOTE (self), SAN_FISCAL_NOTE_STATUS_PENDING);

  return self->status;
}

const char *
san_fiscal_note_get_number (SanFiscalNote *self)
{
  g_return_val_if_fail (SAN_IS_FISCAL_NOTE (self), NULL);

  return self->number;
}

const char *
san_fiscal_note_get_verification_code (SanFiscalNote *self)
{
  g_return_val_if_fail (SAN_IS_FISCAL_NOTE (self), NULL);

  return self->verification_code;
}

gint64
san_fiscal_note_get_amount_cents (SanFiscalNote *self)
{
  g_return_val_if_fail (SAN_IS_FISCAL_NOTE (self), 0);

  return self->amount_cents;
}

const char *
san_fiscal_note_get_description (SanFiscalNote *self)
{
  g_return_val_if_fail (SAN_IS_FISCAL_NOTE (self), NULL);

  return self->description;
}

const GDate *
san_fiscal_note_get_scheduled_for (SanFiscalNote *self)
{
  g_return_val_if_fail (SAN_IS_FISCAL_NOTE (self), NULL);

  return g_date_valid (&self->scheduled_for) ? &self->scheduled_for : NULL;
}

GDateTime *
san_fiscal_note_get_issued_at (SanFiscalNote *self)
{
  g_return_val_if_fail (SAN_IS_FISCAL_NOTE (self), NULL);

  return self->issued_at;
}
