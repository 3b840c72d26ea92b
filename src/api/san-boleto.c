/* san-boleto.c: the boleto of an unpaid invoice, or its 2ª via
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-api"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "san-boleto-private.h"

#include "san-json-private.h"

struct _SanBoleto
{
  GObject   parent_instance;

  char     *invoice_id;
  char     *bank_code;
  char     *bank_name;
  char     *barcode;
  char     *linha_digitavel;
  GDate     due_date;
  gint64    amount_cents;
  char     *beneficiary;
  char     *beneficiary_document;
  char     *payer;
  char     *payer_document;
  gboolean  is_second_copy;
  GDate     original_due_date;
  gint64    original_amount_cents;
  gint64    fine_cents;
  gint64    interest_cents;
  guint     days_late;
};

enum {
  PROP_0,
  PROP_INVOICE_ID,
  PROP_BANK_CODE,
  PROP_BANK_NAME,
  PROP_BARCODE,
  PROP_LINHA_DIGITAVEL,
  PROP_DUE_DATE,
  PROP_AMOUNT_CENTS,
  PROP_BENEFICIARY,
  PROP_BENEFICIARY_DOCUMENT,
  PROP_PAYER,
  PROP_PAYER_DOCUMENT,
  PROP_IS_SECOND_COPY,
  PROP_ORIGINAL_DUE_DATE,
  PROP_ORIGINAL_AMOUNT_CENTS,
  PROP_FINE_CENTS,
  PROP_INTEREST_CENTS,
  PROP_DAYS_LATE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (SanBoleto, san_boleto, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
san_boleto_finalize (GObject *object)
{
  SanBoleto *self = (SanBoleto *) object;

  g_clear_pointer (&self->invoice_id, g_free);
  g_clear_pointer (&self->bank_code, g_free);
  g_clear_pointer (&self->bank_name, g_free);
  g_clear_pointer (&self->barcode, g_free);
  g_clear_pointer (&self->linha_digitavel, g_free);
  g_clear_pointer (&self->beneficiary, g_free);
  g_clear_pointer (&self->beneficiary_document, g_free);
  g_clear_pointer (&self->payer, g_free);
  g_clear_pointer (&self->payer_document, g_free);

  G_OBJECT_CLASS (san_boleto_parent_class)->finalize (object);
}

static void
san_boleto_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SanBoleto *self = SAN_BOLETO (object);

  switch (prop_id)
    {
    case PROP_INVOICE_ID:
      g_value_set_string (value, self->invoice_id);
      break;
    case PROP_BANK_CODE:
      g_value_set_string (value, self->bank_code);
      break;
    case PROP_BANK_NAME:
      g_value_set_string (value, self->bank_name);
      break;
    case PROP_BARCODE:
      g_value_set_string (value, self->barcode);
      break;
    case PROP_LINHA_DIGITAVEL:
      g_value_set_string (value, self->linha_digitavel);
      break;
    case PROP_DUE_DATE:
      g_value_set_boxed (value, san_boleto_get_due_date (self));
      break;
    case PROP_AMOUNT_CENTS:
      g_value_set_int64 (value, self->amount_cents);
      break;
    case PROP_BENEFICIARY:
      g_value_set_string (value, self->beneficiary);
      break;
    case PROP_BENEFICIARY_DOCUMENT:
      g_value_set_string (value, self->beneficiary_document);
      break;
    case PROP_PAYER:
      g_value_set_string (value, self->payer);
      break;
    case PROP_PAYER_DOCUMENT:
      g_value_set_string (value, self->payer_document);
      break;
    case PROP_IS_SECOND_COPY:
      g_value_set_boolean (value, self->is_second_copy);
      break;
    case PROP_ORIGINAL_DUE_DATE:
      g_value_set_boxed (value, san_boleto_get_original_due_date (self));
      break;
    case PROP_ORIGINAL_AMOUNT_CENTS:
      g_value_set_int64 (value, self->original_amount_cents);
      break;
    case PROP_FINE_CENTS:
      g_value_set_int64 (value, self->fine_cents);
      break;
    case PROP_INTEREST_CENTS:
      g_value_set_int64 (value, self->interest_cents);
      break;
    case PROP_DAYS_LATE:
      g_value_set_uint (value, self->days_late);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_boleto_class_init (SanBoletoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = san_boleto_finalize;
  object_class->get_property = san_boleto_get_property;

  properties[PROP_INVOICE_ID] =
    g_param_spec_string ("invoice-id", NULL, NULL, NULL, flags);
  properties[PROP_BANK_CODE] =
    g_param_spec_string ("bank-code", NULL, NULL, NULL, flags);
  properties[PROP_BANK_NAME] =
    g_param_spec_string ("bank-name", NULL, NULL, NULL, flags);
  properties[PROP_BARCODE] =
    g_param_spec_string ("barcode", NULL, NULL, NULL, flags);
  properties[PROP_LINHA_DIGITAVEL] =
    g_param_spec_string ("linha-digitavel", NULL, NULL, NULL, flags);
  properties[PROP_DUE_DATE] =
    g_param_spec_boxed ("due-date", NULL, NULL, G_TYPE_DATE, flags);
  properties[PROP_AMOUNT_CENTS] =
    g_param_spec_int64 ("amount-cents", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_BENEFICIARY] =
    g_param_spec_string ("beneficiary", NULL, NULL, NULL, flags);
  properties[PROP_BENEFICIARY_DOCUMENT] =
    g_param_spec_string ("beneficiary-document", NULL, NULL, NULL, flags);
  properties[PROP_PAYER] =
    g_param_spec_string ("payer", NULL, NULL, NULL, flags);
  properties[PROP_PAYER_DOCUMENT] =
    g_param_spec_string ("payer-document", NULL, NULL, NULL, flags);
  properties[PROP_IS_SECOND_COPY] =
    g_param_spec_boolean ("is-second-copy", NULL, NULL, FALSE, flags);
  properties[PROP_ORIGINAL_DUE_DATE] =
    g_param_spec_boxed ("original-due-date", NULL, NULL, G_TYPE_DATE, flags);
  properties[PROP_ORIGINAL_AMOUNT_CENTS] =
    g_param_spec_int64 ("original-amount-cents", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_FINE_CENTS] =
    g_param_spec_int64 ("fine-cents", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_INTEREST_CENTS] =
    g_param_spec_int64 ("interest-cents", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_DAYS_LATE] =
    g_param_spec_uint ("days-late", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
san_boleto_init (SanBoleto *self)
{
  g_date_clear (&self->due_date, 1);
  g_date_clear (&self->original_due_date, 1);
}

SanBoleto *
san_boleto_new_from_json (JsonObject  *object,
                          GError     **error)
{
  SanBoleto *self;
  const char *invoice_id, *bank_code, *bank_name, *barcode, *linha;
  const char *beneficiary, *beneficiary_document, *payer, *payer_document;
  JsonObject *second_copy;
  gint64 amount_cents;
  gint64 original_amount_cents = 0, fine_cents = 0, interest_cents = 0, days_late = 0;
  GDate due_date;
  GDate original_due_date;

  g_return_val_if_fail (object != NULL, NULL);

  g_date_clear (&original_due_date, 1);
  if (!san_json_read_string (object, "invoice_id", FALSE, &invoice_id, error) ||
      !san_json_read_digits (object, "bank_code", 3, &bank_code, error) ||
      !san_json_read_string (object, "bank_name", FALSE, &bank_name, error) ||
      !san_json_read_digits (object, "barcode", 44, &barcode, error) ||
      !san_json_read_digits (object, "linha_digitavel", 47, &linha, error) ||
      !san_json_read_date (object, "due_date", FALSE, &due_date, error) ||
      !san_json_read_int (object, "amount_cents", 0, G_MAXINT64, &amount_cents, error) ||
      !san_json_read_string (object, "beneficiary", FALSE, &beneficiary, error) ||
      !san_json_read_string (object, "beneficiary_document", FALSE, &beneficiary_document, error) ||
      !san_json_read_string (object, "payer", FALSE, &payer, error) ||
      !san_json_read_string (object, "payer_document", FALSE, &payer_document, error) ||
      !san_json_read_object (object, "second_copy", TRUE, &second_copy, error))
    goto fail;

  /* Both codes start with the bank's */
  if (strncmp (barcode, bank_code, 3) != 0 || strncmp (linha, bank_code, 3) != 0)
    {
      g_set_error_literal (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                           _("the barcode is not of the boleto’s bank"));
      goto fail;
    }

  if (second_copy != NULL)
    {
      if (!san_json_read_date (second_copy, "original_due_date", FALSE, &original_due_date, error) ||
          !san_json_read_int (second_copy, "original_amount_cents", 0, G_MAXINT64,
                              &original_amount_cents, error) ||
          !san_json_read_int (second_copy, "fine_cents", 0, G_MAXINT64, &fine_cents, error) ||
          !san_json_read_int (second_copy, "interest_cents", 0, G_MAXINT64, &interest_cents, error) ||
          !san_json_read_int (second_copy, "days_late", 0, G_MAXINT32, &days_late, error))
        {
          g_prefix_error (error, "second_copy: ");
          goto fail;
        }
      if (original_amount_cents > G_MAXINT64 - fine_cents - interest_cents ||
          original_amount_cents + fine_cents + interest_cents != amount_cents)
        {
          g_set_error_literal (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                               _("the 2ª via’s amount is not the original amount plus fine and interest"));
          goto fail;
        }
    }

  self = g_object_new (SAN_TYPE_BOLETO, NULL);
  self->invoice_id = g_strdup (invoice_id);
  self->bank_code = g_strdup (bank_code);
  self->bank_name = g_strdup (bank_name);
  self->barcode = g_strdup (barcode);
  self->linha_digitavel = g_strdup (linha);
  self->due_date = due_date;
  self->amount_cents = amount_cents;
  self->beneficiary = g_strdup (beneficiary);
  self->beneficiary_document = g_strdup (beneficiary_document);
  self->payer = g_strdup (payer);
  self->payer_document = g_strdup (payer_document);
  self->is_second_copy = second_copy != NULL;
  self->original_due_date = original_due_date;
  self->original_amount_cents = original_amount_cents;
  self->fine_cents = fine_cents;
  self->interest_cents = interest_cents;
  self->days_late = (guint) days_late;
  return self;

fail:
  g_prefix_error (error, "boleto: ");
  return NULL;
}

const char *
san_boleto_get_invoice_id (SanBoleto *self)
{
  g_return_val_if_fail (SAN_IS_BOLETO (self), NULL);

  return self->invoice_id;
}

const char *
san_boleto_get_bank_code (SanBoleto *self)
{
  g_return_val_if_fail (SAN_IS_BOLETO (self), NULL);

  return self->bank_code;
}

const char *
san_boleto_get_bank_name (SanBoleto *self)
{
  g_return_val_if_fail (SAN_IS_BOLETO (self), NULL);

  return self->bank_name;
}

const char *
san_boleto_get_barcode (SanBoleto *self)
{
  g_return_val_if_fail (SAN_IS_BOLETO (self), NULL);

  return self->barcode;
}

const char *
san_boleto_get_linha_digitavel (SanBoleto *self)
{
  g_return_val_if_fail (SAN_IS_BOLETO (self), NULL);

  return self->linha_digitavel;
}

const GDate *
san_boleto_get_due_date (SanBoleto *self)
{
  g_return_val_if_fail (SAN_IS_BOLETO (self), NULL);

  return g_date_valid (&self->due_date) ? &self->due_date : NULL;
}

gint64
san_boleto_get_amount_cents (SanBoleto *self)
{
  g_return_val_if_fail (SAN_IS_BOLETO (self), 0);

  return self->amount_cents;
}

const char *
san_boleto_get_beneficiary (SanBoleto *self)
{
  g_return_val_if_fail (SAN_IS_BOLETO (self), NULL);

  return self->beneficiary;
}

const char *
san_boleto_get_beneficiary_document (SanBoleto *self)
{
  g_return_val_if_fail (SAN_IS_BOLETO (self), NULL);

  return self->beneficiary_document;
}

const char *
san_boleto_get_payer (SanBoleto *self)
{
  g_return_val_if_fail (SAN_IS_BOLETO (self), NULL);

  return self->payer;
}

const char *
san_boleto_get_payer_document (SanBoleto *self)
{
  g_return_val_if_fail (SAN_IS_BOLETO (self), NULL);

  return self->payer_document;
}

gboolean
san_boleto_get_is_second_copy (SanBoleto *self)
{
  g_return_val_if_fail (SAN_IS_BOLETO (self), FALSE);

  return self->is_second_copy;
}

const GDate *
san_boleto_get_original_due_date (SanBoleto *self)
{
  g_return_val_if_fail (SAN_IS_BOLETO (self), NULL);

  return g_date_valid (&self->original_due_date) ? &self->original_due_date : NULL;
}

gint64
san_boleto_get_original_amount_cents (SanBoleto *self)
{
  g_return_val_if_fail (SAN_IS_BOLETO (self), 0);

  return self->original_amount_cents;
}

gint64
san_boleto_get_fine_cents (SanBoleto *self)
{
  g_return_val_if_fail (SAN_IS_BOLETO (self), 0);

  return self->fine_cents;
}

gint64
san_boleto_get_interest_cents (SanBoleto *self)
{
  g_return_val_if_fail (SAN_IS_BOLETO (self), 0);

  return self->interest_cents;
}

guint
san_boleto_get_days_late (SanBoleto *self)
{
  g_return_val_if_fail (SAN_IS_BOLETO (self), 0);

  return self->days_late;
}
