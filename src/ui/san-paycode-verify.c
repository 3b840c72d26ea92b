/* san-paycode-verify.c: checking a boleto or PIX code against its invoice
 * before the app shows it
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "san-boleto-code.h"
#include "san-date.h"
#include "san-money.h"
#include "san-paycode-verify.h"
#include "san-pix-code.h"

G_DEFINE_QUARK (san-paycode-error-quark, san_paycode_error)

static gboolean
is_digits (const char *text,
           gsize       length)
{
  if (text == NULL || strlen (text) != length)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

static gboolean
dates_equal (const GDate *a,
             const GDate *b)
{
  gboolean va = a != NULL && g_date_valid (a);
  gboolean vb = b != NULL && g_date_valid (b);

  if (!va || !vb)
    return va == vb;
  return g_date_compare (a, b) == 0;
}

static char *
format_date_or_none (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return g_strdup (C_("due date", "none"));
  return san_date_format (date);
}

/* Adds a sentence saying two amounts (or dates) differ; @format is a
 * literal with two %s */
#define add_amount_problem(problems, format, a, b)                             \
  G_STMT_START {                                                               \
    g_autofree char *ma_ = san_money_format_brl (a);                           \
    g_autofree char *mb_ = san_money_format_brl (b);                           \
    g_ptr_array_add ((problems), g_strdup_printf ((format), ma_, mb_));        \
  } G_STMT_END

#define add_date_problem(problems, format, a, b)                               \
  G_STMT_START {                                                               \
    g_autofree char *da_ = format_date_or_none (a);                            \
    g_autofree char *db_ = format_date_or_none (b);                            \
    g_ptr_array_add ((problems), g_strdup_printf ((format), da_, db_));        \
  } G_STMT_END

static gboolean
fail_with_problems (GPtrArray  *problems,
                    GError    **error)
{
  g_autoptr(GString) message = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      if (i > 0)
        g_string_append_c (message, ' ');
      g_string_append (message, g_ptr_array_index (problems, i));
    }
  g_set_error_literal (error, SAN_PAYCODE_ERROR, SAN_PAYCODE_ERROR_MISMATCH, message->str);
  return FALSE;
}

gint64
san_paycode_expected_amount (SanInvoice *invoice,
                             SanBoleto  *second_copy)
{
  g_return_val_if_fail (SAN_IS_INVOICE (invoice), 0);
  g_return_val_if_fail (second_copy == NULL || SAN_IS_BOLETO (second_copy), 0);

  if (second_copy != NULL && san_boleto_get_is_second_copy (second_copy) &&
      g_strcmp0 (san_boleto_get_invoice_id (second_copy), san_invoice_get_id (invoice)) == 0)
    return san_boleto_get_amount_cents (second_copy);
  return san_invoice_get_total_cents (invoice);
}

/* Parses one of the boleto's two forms: it must be that form (@length
 * digits, a bank boleto) and pass every check */
static gboolean
parse_boleto_form (const char    *text,
                   gsize          length,
                   const GDate   *reference,
                   const char    *what,
                   SanBoletoCode *out_code,
                   GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!is_digits (text, length))
    {
      /* Translators: %s is "The barcode" or "The linha digitável"; %u a count */
      g_set_error (error, SAN_PAYCODE_ERROR, SAN_PAYCODE_ERROR_INVALID,
                   _("%s is not valid: it should have %u digits."), what, (guint) length);
      return FALSE;
    }

  if (!san_boleto_code_parse_at (text, reference, out_code, NULL, &local_error))
    {
      /* Translators: the first %s is "The barcode" or "The linha digitável", the second the reason */
      g_set_error (error, SAN_PAYCODE_ERROR, SAN_PAYCODE_ERROR_INVALID,
                   _("%s is not valid: %s"), what, local_error->message);
      return FALSE;
    }

  if (out_code->kind != SAN_BOLETO_KIND_BANK)
    {
      /* Translators: %s is "The barcode" or "The linha digitável" */
      g_set_error (error, SAN_PAYCODE_ERROR, SAN_PAYCODE_ERROR_INVALID,
                   _("%s is not a bank boleto’s code."), what);
      return FALSE;
    }
  return TRUE;
}

gboolean
san_paycode_verify_boleto (SanBoleto   *boleto,
                           SanInvoice  *invoice,
                           GError     **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  const GDate *due;
  const GDate *reference;
  SanBoletoCode from_barcode;
  SanBoletoCode from_linha;
  GDate today;

  g_return_val_if_fail (SAN_IS_BOLETO (boleto), FALSE);
  g_return_val_if_fail (SAN_IS_INVOICE (invoice), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The factor repeats every 9000 days: date it near the boleto's own date */
  due = san_boleto_get_due_date (boleto);
  if (due != NULL && g_date_valid (due))
    reference = due;
  else
    {
      g_date_clear (&today, 1);
      g_date_set_time_t (&today, time (NULL));
      reference = &today;
    }

  if (!parse_boleto_form (san_boleto_get_barcode (boleto), 44, reference,
                          _("The barcode"), &from_barcode, error) ||
      !parse_boleto_form (san_boleto_get_linha_digitavel (boleto), 47, reference,
                          _("The linha digitável"), &from_linha, error))
    return FALSE;

  problems = g_ptr_array_new_with_free_func (g_free);

  if (g_strcmp0 (san_boleto_get_invoice_id (boleto), san_invoice_get_id (invoice)) != 0)
    g_ptr_array_add (problems, g_strdup (_("The boleto is for another invoice.")));

  if (strcmp (from_barcode.barcode, from_linha.barcode) != 0)
    g_ptr_array_add (problems,
                     g_strdup (_("The barcode and the linha digitável are different codes.")));

  /* What the code says against the boleto's fields */
  if (strcmp (from_barcode.bank_code, san_boleto_get_bank_code (boleto)) != 0)
    /* Translators: both %s are bank codes like "001" */
    g_ptr_array_add (problems, g_strdup_printf (_("The code is for bank %s, not %s."),
                                                from_barcode.bank_code,
                                                san_boleto_get_bank_code (boleto)));
  if (from_barcode.amount_cents != san_boleto_get_amount_cents (boleto))
    /* Translators: both %s are amounts like "R$ 129,90" */
    add_amount_problem (problems, _("The code is for %s, not %s."),
                        from_barcode.amount_cents, san_boleto_get_amount_cents (boleto));
  if (!dates_equal (&from_barcode.due_date, due))
    /* Translators: both %s are dates */
    add_date_problem (problems, _("The code is due on %s, not %s."),
                      &from_barcode.due_date, due);

  /* The boleto's fields against the invoice */
  if (san_boleto_get_is_second_copy (boleto))
    {
      gint64 sum = san_boleto_get_original_amount_cents (boleto) +
                   san_boleto_get_fine_cents (boleto) +
                   san_boleto_get_interest_cents (boleto);

      if (san_boleto_get_original_amount_cents (boleto) != san_invoice_get_total_cents (invoice))
        /* Translators: both %s are amounts */
        add_amount_problem (problems, _("The 2ª via starts from %s, but the invoice is for %s."),
                            san_boleto_get_original_amount_cents (boleto),
                            san_invoice_get_total_cents (invoice));
      if (sum != san_boleto_get_amount_cents (boleto))
        /* Translators: both %s are amounts */
        add_amount_problem (problems, _("The 2ª via is for %s, but its amount, fine and "
                                        "interest add up to %s."),
                            san_boleto_get_amount_cents (boleto), sum);
      if (!dates_equal (san_boleto_get_original_due_date (boleto),
                        san_invoice_get_due_date (invoice)))
        /* Translators: both %s are dates */
        add_date_problem (problems, _("The 2ª via counts from %s, but the invoice was due on %s."),
                          san_boleto_get_original_due_date (boleto),
                          san_invoice_get_due_date (invoice));
    }
  else
    {
      if (san_boleto_get_amount_cents (boleto) != san_invoice_get_total_cents (invoice))
        /* Translators: both %s are amounts */
        add_amount_problem (problems, _("The boleto is for %s, but the invoice is for %s."),
                            san_boleto_get_amount_cents (boleto),
                            san_invoice_get_total_cents (invoice));
      if (!dates_equal (due, san_invoice_get_due_date (invoice)))
        /* Translators: both %s are dates */
        add_date_problem (problems, _("The boleto is due on %s, but the invoice on %s."),
                          due, san_invoice_get_due_date (invoice));
    }

  if (problems->len > 0)
    return fail_with_problems (problems, error);
  return TRUE;
}

gboolean
san_paycode_verify_pix (SanPixCharge  *charge,
                        SanInvoice    *invoice,
                        SanBoleto     *second_copy,
                        GError       **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SanPixCode) code = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 expected;

  g_return_val_if_fail (SAN_IS_PIX_CHARGE (charge), FALSE);
  g_return_val_if_fail (SAN_IS_INVOICE (invoice), FALSE);
  g_return_val_if_fail (second_copy == NULL || SAN_IS_BOLETO (second_copy), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  code = san_pix_code_parse (san_pix_charge_get_brcode (charge), NULL, &local_error);
  if (code == NULL)
    {
      /* Translators: %s is the reason */
      g_set_error (error, SAN_PAYCODE_ERROR, SAN_PAYCODE_ERROR_INVALID,
                   _("The PIX code is not valid: %s"), local_error->message);
      return FALSE;
    }

  problems = g_ptr_array_new_with_free_func (g_free);
  expected = san_paycode_expected_amount (invoice, second_copy);

  if (g_strcmp0 (san_pix_charge_get_invoice_id (charge), san_invoice_get_id (invoice)) != 0)
    g_ptr_array_add (problems, g_strdup (_("The PIX charge is for another invoice.")));

  if (code->amount_cents < 0)
    g_ptr_array_add (problems, g_strdup (_("The PIX code has no amount.")));
  else if (code->amount_cents != san_pix_charge_get_amount_cents (charge))
    /* Translators: both %s are amounts like "R$ 129,90" */
    add_amount_problem (problems, _("The PIX code is for %s, not %s."),
                        code->amount_cents, san_pix_charge_get_amount_cents (charge));

  if (san_pix_charge_get_amount_cents (charge) != expected)
    /* Translators: both %s are amounts */
    add_amount_problem (problems, _("The PIX charge is for %s, but the invoice is for %s."),
                        san_pix_charge_get_amount_cents (charge), expected);

  if (g_strcmp0 (code->txid, san_pix_charge_get_txid (charge)) != 0)
    g_ptr_array_add (problems,
                     g_strdup (_("The PIX code does not carry this charge’s identifier (txid).")));

  if (g_strcmp0 (code->key, san_pix_charge_get_key (charge)) != 0)
    /* Translators: %s is a PIX key, like an e-mail address */
    g_ptr_array_add (problems, g_strdup_printf (_("The PIX code pays another key, not %s."),
                                                san_pix_charge_get_key (charge)));

  if (problems->len > 0)
    return fail_with_problems (problems, error);
  return TRUE;
}
