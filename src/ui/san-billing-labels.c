/* san-billing-labels.c: the words and sentences the app shows for invoices,
 * boletos, PIX charges and cards
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "san-billing-labels.h"
#include "san-card-number.h"
#include "san-date.h"
#include "san-money.h"

SanInvoiceState
san_invoice_get_state (SanInvoice *invoice)
{
  g_return_val_if_fail (SAN_IS_INVOICE (invoice), SAN_INVOICE_STATE_UNPAID);

  switch (san_invoice_get_status (invoice))
    {
    case SAN_INVOICE_STATUS_UNPAID:
      return san_invoice_get_overdue (invoice) ? SAN_INVOICE_STATE_OVERDUE
                                               : SAN_INVOICE_STATE_UNPAID;
    case SAN_INVOICE_STATUS_PAID:
      return SAN_INVOICE_STATE_PAID;
    case SAN_INVOICE_STATUS_CANCELLED:
      return SAN_INVOICE_STATE_CANCELLED;
    case SAN_INVOICE_STATUS_REFUNDED:
      return SAN_INVOICE_STATE_REFUNDED;
    case SAN_INVOICE_STATUS_PAYMENT_PENDING:
      return SAN_INVOICE_STATE_PAYMENT_PENDING;
    default:
      g_return_val_if_reached (SAN_INVOICE_STATE_UNPAID);
    }
}

const char *
san_invoice_state_label (SanInvoiceState state)
{
  switch (state)
    {
    case SAN_INVOICE_STATE_UNPAID:
      return C_("invoice status", "Unpaid");
    case SAN_INVOICE_STATE_OVERDUE:
      return C_("invoice status", "Overdue");
    case SAN_INVOICE_STATE_PAYMENT_PENDING:
      return C_("invoice status", "Payment pending");
    case SAN_INVOICE_STATE_PAID:
      return C_("invoice status", "Paid");
    case SAN_INVOICE_STATE_CANCELLED:
      return C_("invoice status", "Cancelled");
    case SAN_INVOICE_STATE_REFUNDED:
      return C_("invoice status", "Refunded");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
san_invoice_state_css_class (SanInvoiceState state)
{
  switch (state)
    {
    case SAN_INVOICE_STATE_UNPAID:
      return "invoice-unpaid";
    case SAN_INVOICE_STATE_OVERDUE:
      return "invoice-overdue";
    case SAN_INVOICE_STATE_PAYMENT_PENDING:
      return "invoice-pending";
    case SAN_INVOICE_STATE_PAID:
      return "invoice-paid";
    case SAN_INVOICE_STATE_CANCELLED:
      return "invoice-cancelled";
    case SAN_INVOICE_STATE_REFUNDED:
      return "invoice-refunded";
    default:
      g_return_val_if_reached ("");
    }
}

char *
san_invoice_dup_title (SanInvoice *invoice)
{
  g_return_val_if_fail (SAN_IS_INVOICE (invoice), NULL);

  /* Translators: %s is an invoice number like "2026-000123" */
  return g_strdup_printf (_("Invoice %s"), san_invoice_get_number (invoice));
}

char *
san_invoice_dup_pdf_filename (SanInvoice *invoice)
{
  g_return_val_if_fail (SAN_IS_INVOICE (invoice), NULL);

  /* The name the server gives it too; not translated */
  return g_strdup_printf ("fatura-%s.pdf", san_invoice_get_number (invoice));
}

static char *
format_date_after (const GDate *date,
                   guint        n_days)
{
  GDate later = *date;

  g_date_add_days (&later, n_days);
  return san_date_format (&later);
}

static char *
format_paid_at (SanInvoice *invoice)
{
  GDateTime *paid_at = san_invoice_get_paid_at (invoice);
  g_autoptr(GDateTime) local = NULL;
  GDate date;

  if (paid_at == NULL)
    return NULL;
  local = g_date_time_to_local (paid_at);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));
  return san_date_format (&date);
}

/* Whether one of @invoice's items bills a service of @kind */
static gboolean
invoice_bills_kind (SanInvoice     *invoice,
                    SanServiceKind  kind)
{
  GListModel *items = san_invoice_get_items (invoice);
  guint n = g_list_model_get_n_items (items);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SanInvoiceItem) item = g_list_model_get_item (items, i);
      SanServiceKind item_kind;

      if (san_invoice_item_get_service_kind (item, &item_kind) && item_kind == kind)
        return TRUE;
    }
  return FALSE;
}

char *
san_invoice_dup_state_explanation (SanInvoice *invoice)
{
  const GDate *due;
  g_autofree char *due_text = NULL;

  g_return_val_if_fail (SAN_IS_INVOICE (invoice), NULL);

  due = san_invoice_get_due_date (invoice);
  if (due != NULL)
    due_text = san_date_format (due);

  switch (san_invoice_get_state (invoice))
    {
    case SAN_INVOICE_STATE_UNPAID:
      if (due_text != NULL)
        /* Translators: %s is a date */
        return g_strdup_printf (_("Due on %s. A payment by PIX or card clears in seconds; a "
                                  "boleto takes up to three business days to clear."),
                                due_text);
      return g_strdup (_("A payment by PIX or card clears in seconds; a boleto takes up to "
                         "three business days to clear."));

    case SAN_INVOICE_STATE_OVERDUE:
      {
        g_autofree char *first = NULL;
        g_autofree char *shared = NULL;
        g_autofree char *server = NULL;
        g_autofree char *rules = NULL;

        if (due == NULL)
          return g_strdup (_("This invoice is past its due date. Unpaid shared hosting is "
                             "suspended 10 days after the due date, and cloud and dedicated "
                             "servers 3 days after it; paying restores them. Not paying is not "
                             "cancelling: only a cancellation request ends a service."));

        shared = format_date_after (due, 10);
        server = format_date_after (due, 3);
        /* Translators: %s is a date */
        first = g_strdup_printf (_("This invoice was due on %s and is not paid yet."), due_text);
        /* Only the rules of the kinds of service it bills */
        if (invoice_bills_kind (invoice, SAN_SERVICE_KIND_SHARED) &&
            (invoice_bills_kind (invoice, SAN_SERVICE_KIND_CLOUD) ||
             invoice_bills_kind (invoice, SAN_SERVICE_KIND_DEDICATED)))
          /* Translators: the first %s and the second %s are dates */
          rules = g_strdup_printf (_("Unpaid shared hosting is suspended on %s (10 days after the "
                                     "due date), and cloud and dedicated servers on %s (3 days "
                                     "after it); paying restores them. A 2ª via gives the boleto "
                                     "a new due date, but the suspension still counts from the "
                                     "original one."), shared, server);
        else if (invoice_bills_kind (invoice, SAN_SERVICE_KIND_SHARED))
          /* Translators: %s is a date */
          rules = g_strdup_printf (_("Its hosting is suspended on %s (10 days after the due "
                                     "date) if it is still unpaid; paying restores it. A 2ª via "
                                     "gives the boleto a new due date, but the suspension still "
                                     "counts from the original one."), shared);
        else if (invoice_bills_kind (invoice, SAN_SERVICE_KIND_CLOUD) ||
                 invoice_bills_kind (invoice, SAN_SERVICE_KIND_DEDICATED))
          /* Translators: %s is a date */
          rules = g_strdup_printf (_("Its servers are suspended on %s (3 days after the due "
                                     "date) if it is still unpaid; paying restores them. A 2ª via "
                                     "gives the boleto a new due date, but the suspension still "
                                     "counts from the original one."), server);
        else
          return g_steal_pointer (&first);   /* fees only: no service to suspend */
        return g_strdup_printf ("%s %s %s", first, rules,
                                _("Not paying is not cancelling: only a cancellation request "
                                  "ends a service."));
      }

    case SAN_INVOICE_STATE_PAYMENT_PENDING:
      return g_strdup (_("A bank debit (Débito em Conta) is scheduled for this invoice: the "
                         "amount is debited from your bank account on the scheduled day. "
                         "Nothing else is needed."));

    case SAN_INVOICE_STATE_PAID:
      {
        g_autofree char *paid = format_paid_at (invoice);

        if (paid != NULL)
          /* Translators: %s is a date */
          return g_strdup_printf (_("Paid on %s. Thank you! Its nota fiscal is issued "
                                    "automatically."), paid);
        return g_strdup (_("Paid. Thank you! Its nota fiscal is issued automatically."));
      }

    case SAN_INVOICE_STATE_CANCELLED:
      return g_strdup (_("Cancelled: nothing is owed. The unpaid invoices of a cancelled "
                         "service are cancelled with it."));

    case SAN_INVOICE_STATE_REFUNDED:
      return g_strdup (_("Paid and then refunded: the amount went back to you."));

    default:
      g_return_val_if_reached (g_strdup (""));
    }
}

void
san_billing_get_today (GDate *out_today)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/Sao_Paulo");
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (out_today != NULL);

  if (zone == NULL)
    zone = g_time_zone_new_offset (-3 * 3600);
  now = g_date_time_new_now (zone);
  g_date_clear (out_today, 1);
  g_date_set_dmy (out_today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
}

void
san_second_copy_estimate (gint64                 total_cents,
                          const GDate           *original_due_date,
                          const GDate           *today,
                          SanSecondCopyEstimate *out)
{
  int days;

  g_return_if_fail (original_due_date != NULL && g_date_valid (original_due_date));
  g_return_if_fail (today != NULL && g_date_valid (today));
  g_return_if_fail (out != NULL);

  out->new_due_date = *today;
  g_date_add_days (&out->new_due_date, 3);
  days = g_date_days_between (original_due_date, &out->new_due_date);
  out->days_late = days > 0 ? (guint) days : 0;
  out->original_amount_cents = total_cents;
  /* round (total * 2 / 100) and round (total * 1/100 * days / 30), half up */
  out->fine_cents = (total_cents * 2 + 50) / 100;
  out->interest_cents = (total_cents * (gint64) out->days_late + 1500) / 3000;
  out->new_amount_cents = total_cents + out->fine_cents + out->interest_cents;
}

const char *
san_card_brand_label (const char *brand)
{
  SanCardBrand known = san_card_brand_from_wire (brand);

  if (known == SAN_CARD_BRAND_UNKNOWN)
    return C_("card brand", "Card");
  return san_card_brand_display_name (known);
}

char *
san_card_dup_title (const char *brand,
                    const char *last4)
{
  /* Translators: a card's brand and last digits, like "Visa •••• 1111" */
  return g_strdup_printf (_("%s •••• %s"), san_card_brand_label (brand),
                          last4 != NULL ? last4 : "");
}

char *
san_card_dup_expiry (guint exp_month,
                     guint exp_year)
{
  /* Translators: a card's expiry, like "Expires 12/2030" */
  return g_strdup_printf (_("Expires %02u/%04u"), exp_month, exp_year);
}

gboolean
san_card_is_expired (SanCard     *card,
                     const GDate *today)
{
  guint year = g_date_get_year (today);
  guint month = g_date_get_month (today);

  g_return_val_if_fail (SAN_IS_CARD (card), FALSE);

  return san_card_get_exp_year (card) < year ||
         (san_card_get_exp_year (card) == year && san_card_get_exp_month (card) < month);
}

char *
san_boleto_dup_bank (SanBoleto *boleto)
{
  g_return_val_if_fail (SAN_IS_BOLETO (boleto), NULL);

  /* Translators: a bank's code and name, like "001 – Banco do Brasil" */
  return g_strdup_printf (_("%s – %s"), san_boleto_get_bank_code (boleto),
                          san_boleto_get_bank_name (boleto));
}
