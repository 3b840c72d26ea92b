/* san-boleto-view.c: an invoice's boleto: the linha digitável to copy, the
 * barcode, its fields, the 2ª via; and printing invoices and boletos
 *
 * The boleto is checked against the invoice before anything of it shows
 * (san-paycode-verify.h): a code that does not match is withheld, with no
 * linha, barcode or Copy button, and a warning that says what differs.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "san-barcode-widget.h"
#include "san-billing-labels.h"
#include "san-boleto-code.h"
#include "san-boleto-view.h"
#include "san-date.h"
#include "san-document.h"
#include "san-money.h"
#include "san-paycode-verify.h"
#include "san-ui-util.h"

struct _SanBoletoView
{
  GtkWidget         parent_instance;

  GCancellable     *cancellable;
  SanClient        *client;
  SanContract      *contract;
  SanInvoice       *invoice;
  SanBoleto        *boleto;      /* shown, checked */
  AdwToast         *copied_toast;

  GtkStack         *boleto_stack;
  AdwStatusPage    *error_page;
  GtkLabel         *warning_label;
  /* 2ª via, before asking */
  GtkLabel         *preview_intro_label;
  AdwActionRow     *preview_original_due_row;
  AdwActionRow     *preview_original_amount_row;
  AdwActionRow     *preview_days_row;
  AdwActionRow     *preview_fine_row;
  AdwActionRow     *preview_interest_row;
  AdwActionRow     *preview_new_due_row;
  AdwActionRow     *preview_new_amount_row;
  GtkWidget        *request_button;
  GtkWidget        *request_spinner;
  GtkLabel         *request_error_label;
  /* the boleto */
  GtkLabel         *title_label;
  GtkLabel         *subtitle_label;
  GtkLabel         *amount_label;
  GtkLabel         *due_label;
  GtkWidget        *overdue_box;
  GtkLabel         *linha_label;
  GtkWidget        *copy_button;
  SanBarcodeWidget *barcode;
  AdwActionRow     *bank_row;
  AdwActionRow     *due_row;
  AdwActionRow     *amount_row;
  AdwActionRow     *beneficiary_row;
  AdwActionRow     *payer_row;
  GtkWidget        *second_copy_group;
  AdwActionRow     *sc_original_due_row;
  AdwActionRow     *sc_original_amount_row;
  AdwActionRow     *sc_days_row;
  AdwActionRow     *sc_fine_row;
  AdwActionRow     *sc_interest_row;
  AdwActionRow     *sc_new_due_row;
  AdwActionRow     *sc_new_amount_row;
};

G_DEFINE_FINAL_TYPE (SanBoletoView, san_boleto_view, GTK_TYPE_WIDGET)

static void
set_row_date (AdwActionRow *row,
              const GDate  *date)
{
  g_autofree char *text = NULL;

  if (date != NULL && g_date_valid (date))
    text = san_date_format (date);
  san_ui_set_row (row, text);
}

static void
set_row_money (AdwActionRow *row,
               gint64        cents)
{
  g_autofree char *text = san_money_format_brl (cents);

  san_ui_set_row (row, text);
}

static char *
days_text (guint days)
{
  /* Translators: a number of days late */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", days), days);
}

static char *
interest_text (gint64 cents,
               guint  days)
{
  g_autofree char *money = san_money_format_brl (cents);

  /* Translators: interest for days late, like "R$ 0,74 (1% a month, for 17 days)" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s (1%% a month, for %u day)",
                                       "%s (1%% a month, for %u days)", days),
                          money, days);
}

/* "Name · 12.345.678/0001-95" */
static char *
party_text (const char *name,
            const char *document)
{
  g_autofree char *formatted = san_document_format (document);

  if (document == NULL || document[0] == '\0')
    return g_strdup (name);
  /* Translators: a name and its CPF or CNPJ */
  return g_strdup_printf (_("%s · %s"), name, formatted != NULL ? formatted : document);
}

static void
show_boleto (SanBoletoView *self,
             SanBoleto     *boleto)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *due = NULL;
  g_autofree char *due_text = NULL;
  g_autofree char *linha = NULL;
  g_autofree char *bank = NULL;
  g_autofree char *beneficiary = NULL;
  g_autofree char *payer = NULL;
  gboolean second_copy;

  g_clear_object (&self->boleto);

  /* Nothing of a code that does not match the invoice is shown */
  if (!san_paycode_verify_boleto (boleto, self->invoice, &error))
    {
      g_message ("Boleto of invoice %s withheld: %s",
                 san_invoice_get_id (self->invoice), error->message);
      gtk_label_set_label (self->warning_label, error->message);
      gtk_label_set_label (self->linha_label, "");
      san_barcode_widget_set_digits (self->barcode, NULL);
      gtk_stack_set_visible_child_name (self->boleto_stack, "warning");
      return;
    }

  self->boleto = g_object_ref (boleto);
  second_copy = san_boleto_get_is_second_copy (boleto);

  title = san_invoice_dup_title (self->invoice);
  amount = san_money_format_brl (san_boleto_get_amount_cents (boleto));
  due = san_date_format (san_boleto_get_due_date (boleto));
  /* Translators: %s is a date */
  due_text = g_strdup_printf (_("Due %s"), due);
  linha = san_boleto_code_format_linha (san_boleto_get_linha_digitavel (boleto));
  bank = san_boleto_dup_bank (boleto);
  beneficiary = party_text (san_boleto_get_beneficiary (boleto),
                            san_boleto_get_beneficiary_document (boleto));
  payer = party_text (san_boleto_get_payer (boleto), san_boleto_get_payer_document (boleto));

  gtk_label_set_label (self->title_label, second_copy ? _("2ª Via of the Boleto") : _("Boleto"));
  gtk_label_set_label (self->subtitle_label, title);
  gtk_label_set_label (self->amount_label, amount);
  gtk_label_set_label (self->due_label, due_text);
  gtk_widget_set_visible (self->overdue_box,
                          !second_copy && san_invoice_get_overdue (self->invoice));
  gtk_label_set_label (self->linha_label, linha);
  san_barcode_widget_set_digits (self->barcode, san_boleto_get_barcode (boleto));

  san_ui_set_row (self->bank_row, bank);
  san_ui_set_row (self->due_row, due);
  san_ui_set_row (self->amount_row, amount);
  san_ui_set_row (self->beneficiary_row, beneficiary);
  san_ui_set_row (self->payer_row, payer);

  gtk_widget_set_visible (self->second_copy_group, second_copy);
  if (second_copy)
    {
      g_autofree char *days = days_text (san_boleto_get_days_late (boleto));
      g_autofree char *interest = interest_text (san_boleto_get_interest_cents (boleto),
                                                 san_boleto_get_days_late (boleto));

      set_row_date (self->sc_original_due_row, san_boleto_get_original_due_date (boleto));
      set_row_money (self->sc_original_amount_row, san_boleto_get_original_amount_cents (boleto));
      san_ui_set_row (self->sc_days_row, days);
      set_row_money (self->sc_fine_row, san_boleto_get_fine_cents (boleto));
      san_ui_set_row (self->sc_interest_row, interest);
      set_row_date (self->sc_new_due_row, san_boleto_get_due_date (boleto));
      set_row_money (self->sc_new_amount_row, san_boleto_get_amount_cents (boleto));
    }

  gtk_stack_set_visible_child_name (self->boleto_stack, "boleto");
}

static void
show_error (SanBoletoView *self,
            const char    *title,
            const GError  *error)
{
  adw_status_page_set_title (self->error_page, title);
  if (g_error_matches (error, SAN_API_ERROR, SAN_API_ERROR_NETWORK))
    adw_status_page_set_description (self->error_page,
                                     _("Can’t reach SAN. Check your connection and try again."));
  else
    adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->boleto_stack, "error");
}

static void
restart_cancellable (SanBoletoView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
}

static void
on_boleto_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanBoleto) boleto = NULL;
  SanBoletoView *self;

  boleto = san_client_get_boleto_finish (SAN_CLIENT (object), result, &error);
  if (boleto == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = SAN_BOLETO_VIEW (user_data);
  if (boleto == NULL)
    show_error (self, _("Could Not Load the Boleto"), error);
  else
    show_boleto (self, boleto);
}

static void
load_boleto (SanBoletoView *self)
{
  restart_cancellable (self);
  g_clear_object (&self->boleto);
  gtk_stack_set_visible_child_name (self->boleto_stack, "loading");
  san_client_get_boleto_async (self->client,
                               san_contract_get_id (self->contract),
                               san_invoice_get_id (self->invoice),
                               self->cancellable,
                               on_boleto_loaded_cb,
                               self);
}

static void
show_second_copy_preview (SanBoletoView *self)
{
  SanSecondCopyEstimate estimate;
  g_autofree char *days = NULL;
  g_autofree char *interest = NULL;
  GDate today;

  san_billing_get_today (&today);
  san_second_copy_estimate (san_invoice_get_total_cents (self->invoice),
                            san_invoice_get_due_date (self->invoice), &today, &estimate);
  days = days_text (estimate.days_late);
  interest = interest_text (estimate.interest_cents, estimate.days_late);

  set_row_date (self->preview_original_due_row, san_invoice_get_due_date (self->invoice));
  set_row_money (self->preview_original_amount_row, estimate.original_amount_cents);
  san_ui_set_row (self->preview_days_row, days);
  set_row_money (self->preview_fine_row, estimate.fine_cents);
  san_ui_set_row (self->preview_interest_row, interest);
  set_row_date (self->preview_new_due_row, &estimate.new_due_date);
  set_row_money (self->preview_new_amount_row, estimate.new_amount_cents);

  gtk_widget_set_visible (GTK_WIDGET (self->request_error_label), FALSE);
  gtk_widget_set_sensitive (self->request_button, TRUE);
  gtk_widget_set_visible (self->request_spinner, FALSE);
  gtk_stack_set_visible_child_name (self->boleto_stack, "second-copy");
}

static void
on_second_copy_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanBoleto) boleto = NULL;
  SanBoletoView *self;

  boleto = san_client_request_second_copy_finish (SAN_CLIENT (object), result, &error);
  if (boleto == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = SAN_BOLETO_VIEW (user_data);
  gtk_widget_set_sensitive (self->request_button, TRUE);
  gtk_widget_set_visible (self->request_spinner, FALSE);

  if (boleto == NULL)
    {
      g_autofree char *text = NULL;

      if (g_error_matches (error, SAN_API_ERROR, SAN_API_ERROR_NETWORK))
        text = g_strdup (_("Can’t reach SAN. Check your connection and try again."));
      else
        /* Translators: %s is the reason */
        text = g_strdup_printf (_("Could not get the 2ª via: %s"), error->message);
      gtk_label_set_label (self->request_error_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->request_error_label), TRUE);
      return;
    }

  show_boleto (self, boleto);
  if (self->boleto != NULL)
    {
      g_autofree char *due = san_date_format (san_boleto_get_due_date (self->boleto));
      g_autofree char *text = NULL;
      AdwToast *toast;

      /* Translators: %s is a date */
      text = g_strdup_printf (_("2ª via ready, due %s"), due);
      toast = san_ui_add_toast (GTK_WIDGET (self), text, 5);
      if (toast != NULL)
        adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
    }
}

static void
request_second_copy (SanBoletoView *self)
{
  restart_cancellable (self);
  gtk_widget_set_sensitive (self->request_button, FALSE);
  gtk_widget_set_visible (self->request_spinner, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->request_error_label), FALSE);
  san_client_request_second_copy_async (self->client,
                                        san_contract_get_id (self->contract),
                                        san_invoice_get_id (self->invoice),
                                        self->cancellable,
                                        on_second_copy_cb,
                                        self);
}

/* Actions */

static void
copy_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SanBoletoView *self = SAN_BOLETO_VIEW (widget);

  if (self->boleto == NULL)
    return;   /* withheld or not loaded: nothing to copy */

  /* The digits only: what every banking app accepts */
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget),
                          san_boleto_get_linha_digitavel (self->boleto));
  san_ui_toast_copied (widget, &self->copied_toast);
}

static void
print_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SanBoletoView *self = SAN_BOLETO_VIEW (widget);

  if (self->boleto == NULL)
    return;
  san_billing_print (GTK_WINDOW (gtk_widget_get_root (widget)), self->invoice, self->boleto,
                     SAN_BILLING_PRINT_BOLETO);
}

static void
get_second_copy_action_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  SanBoletoView *self = SAN_BOLETO_VIEW (widget);

  if (self->invoice != NULL && san_invoice_get_overdue (self->invoice))
    show_second_copy_preview (self);
}

static void
request_second_copy_action_cb (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  SanBoletoView *self = SAN_BOLETO_VIEW (widget);

  if (self->invoice != NULL && self->client != NULL)
    request_second_copy (self);
}

static void
reload_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SanBoletoView *self = SAN_BOLETO_VIEW (widget);

  if (self->invoice != NULL && self->client != NULL)
    load_boleto (self);
}

/* GObject */

static void
san_boleto_view_dispose (GObject *object)
{
  SanBoletoView *self = SAN_BOLETO_VIEW (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), SAN_TYPE_BOLETO_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_weak_pointer (&self->copied_toast);
  g_clear_object (&self->boleto);
  g_clear_object (&self->invoice);
  g_clear_object (&self->contract);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (san_boleto_view_parent_class)->dispose (object);
}

static void
san_boleto_view_class_init (SanBoletoViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = san_boleto_view_dispose;

  g_type_ensure (SAN_TYPE_BARCODE_WIDGET);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/saninternet/ClientArea/ui/san-boleto-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SanBoletoView, boleto_stack);
  gtk_widget_class_bind_template_child (widget_class, SanBoletoView, error_page);
  gtk_widget_class_bind_template_child (widget_class, SanBoletoView, warning_label);
  gtk_widget_class_bind_template_child (widget_class, SanBoletoView, preview_intro_label);
  gtk_widget_class_bind_template_child (widget_class, SanBoletoView, preview_original_due_row);
  gtk_widget_class_bind_template_child (widget_class, SanBoletoView, preview_original_amount_row);
  gtk_widget_class_bind_template_child (widget_class, SanBoletoView, preview_days_row);
  gtk_widget_class_bind_template_child (widget_class, SanBoletoView, preview_fine_row);
  gtk_widget_class_bind_template_child (widget_class, SanBoletoView, preview_interest_row);
  gtk_widget_class_bind_template_child (widget_class, SanBoletoView, preview_new_due_row);
  gtk_widget_class_bind_template_child (widget_class, SanBoletoView, preview_new_amount_row);
  gtk_widget_class_bind_template_child (widget_class, SanBoletoView, request_button);
  gtk_widget_class_bind_template_child (widget_class, SanBoletoView, request_spinner);
  gtk_widget_class_bind_template_child (widget_class, SanBoletoView, request_error_label);
  gtk_widget_class_bind_template_child (widget_class, SanBoletoView, title_label);
  gtk_widget_class_bind_template_child (widget_class, SanBoletoView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, SanBoletoView, amount_label);
  gtk_widget_class_bind_template_child (widget_class, SanBoletoView, due_label);
  gtk_widget_class_bind_template_child (widget_class, SanBoletoView, overdue_box);
  gtk_widget_class_bind_template_child (widget_class, SanBoletoView, linha_label);
  gtk_widget_class_bind_template_child (widget_class, SanBoletoView, copy_button);
  gtk_widget_class_bind_template_child (widget_class, SanBoletoView, barcode);
  gtk_widget_class_bind_template_child (widget_class, SanBoletoView, bank_row);
  gtk_widget_class_bind_template_child (widget_class, SanBoletoView, due_row);
  gtk_widget_class_bind_template_child (widget_class, SanBoletoView, amount_row);
  gtk_widget_class_bind_template_child (widget_class, SanBoletoView, beneficiary_row);
  gtk_widget_class_bind_template_child (widget_class, SanBoletoView, payer_row);
  gtk_widget_class_bind_template_child (widget_class, SanBoletoView, second_copy_group);
  gtk_widget_class_bind_template_child (widget_class, SanBoletoView, sc_original_due_row);
  gtk_widget_class_bind_template_child (widget_class, SanBoletoView, sc_original_amount_row);
  gtk_widget_class_bind_template_child (widget_class, SanBoletoView, sc_days_row);
  gtk_widget_class_bind_template_child (widget_class, SanBoletoView, sc_fine_row);
  gtk_widget_class_bind_template_child (widget_class, SanBoletoView, sc_interest_row);
  gtk_widget_class_bind_template_child (widget_class, SanBoletoView, sc_new_due_row);
  gtk_widget_class_bind_template_child (widget_class, SanBoletoView, sc_new_amount_row);

  gtk_widget_class_install_action (widget_class, "boleto.copy", NULL, copy_action_cb);
  gtk_widget_class_install_action (widget_class, "boleto.print", NULL, print_action_cb);
  gtk_widget_class_install_action (widget_class, "boleto.get-second-copy", NULL,
                                   get_second_copy_action_cb);
  gtk_widget_class_install_action (widget_class, "boleto.request-second-copy", NULL,
                                   request_second_copy_action_cb);
  gtk_widget_class_install_action (widget_class, "boleto.reload", NULL, reload_action_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
san_boleto_view_init (SanBoletoView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
san_boleto_view_set_invoice (SanBoletoView *self,
                             SanClient     *client,
                             SanContract   *contract,
                             SanInvoice    *invoice,
                             gboolean       second_copy)
{
  g_return_if_fail (SAN_IS_BOLETO_VIEW (self));
  g_return_if_fail (client == NULL || SAN_IS_CLIENT (client));
  g_return_if_fail (contract == NULL || SAN_IS_CONTRACT (contract));
  g_return_if_fail (invoice == NULL || SAN_IS_INVOICE (invoice));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->boleto);
  g_set_object (&self->client, client);
  g_set_object (&self->contract, contract);
  g_set_object (&self->invoice, invoice);
  gtk_label_set_label (self->linha_label, "");
  san_barcode_widget_set_digits (self->barcode, NULL);

  if (client == NULL || contract == NULL || invoice == NULL)
    {
      gtk_stack_set_visible_child_name (self->boleto_stack, "loading");
      return;
    }

  if (second_copy && san_invoice_get_overdue (invoice))
    show_second_copy_preview (self);
  else
    load_boleto (self);
}

SanInvoice *
san_boleto_view_get_invoice (SanBoletoView *self)
{
  g_return_val_if_fail (SAN_IS_BOLETO_VIEW (self), NULL);

  return self->invoice;
}

SanBoleto *
san_boleto_view_get_boleto (SanBoletoView *self)
{
  g_return_val_if_fail (SAN_IS_BOLETO_VIEW (self), NULL);

  return self->boleto;
}

/* Printing */

#define NARROW_BAR_MM 0.33
#define BAR_HEIGHT_MM 13.0

typedef struct
{
  SanInvoice           *invoice;
  SanBoleto            *boleto;
  SanBillingPrintPages  pages;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->invoice);
  g_clear_object (&job->boleto);
  g_free (job);
}

/* Draws @text at (@x, @y), @width wide, and returns its height */
static double
draw_text (GtkPrintContext *context,
           cairo_t         *cr,
           const char      *text,
           const char      *font,
           double           x,
           double           y,
           double           width,
           PangoAlignment   alignment)
{
  g_autoptr(PangoLayout) layout = gtk_print_context_create_pango_layout (context);
  PangoFontDescription *description = pango_font_description_from_string (font);
  int height;

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text, -1);

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_size (layout, NULL, &height);
  return pango_units_to_double (height);
}

static void
draw_rule (cairo_t *cr,
           double   y,
           double   width)
{
  cairo_save (cr);
  cairo_set_line_width (cr, 0.3);
  cairo_move_to (cr, 0, y);
  cairo_line_to (cr, width, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* A caption over a value, in a box column */
static double
draw_field (GtkPrintContext *context,
            cairo_t         *cr,
            const char      *caption,
            const char      *value,
            double           x,
            double           y,
            double           width)
{
  double h = draw_text (context, cr, caption, "Sans 7", x + 1, y + 0.8, width - 2,
                        PANGO_ALIGN_LEFT);

  h += draw_text (context, cr, value, "Sans Bold 9", x + 1, y + 0.8 + h, width - 2,
                  PANGO_ALIGN_LEFT);
  return h + 1.6;
}

static void
draw_invoice_page (GtkPrintContext *context,
                   cairo_t         *cr,
                   SanInvoice      *invoice)
{
  double width = gtk_print_context_get_width (context);
  g_autofree char *title = san_invoice_dup_title (invoice);
  g_autofree char *total = san_money_format_brl (san_invoice_get_total_cents (invoice));
  g_autofree char *explanation = san_invoice_dup_state_explanation (invoice);
  g_autofree char *issue = NULL;
  g_autofree char *due = NULL;
  g_autofree char *dates = NULL;
  GListModel *items = san_invoice_get_items (invoice);
  double y = 0;

  issue = san_invoice_get_issue_date (invoice) != NULL
          ? san_date_format (san_invoice_get_issue_date (invoice)) : g_strdup ("—");
  due = san_invoice_get_due_date (invoice) != NULL
        ? san_date_format (san_invoice_get_due_date (invoice)) : g_strdup ("—");

  cairo_set_source_rgb (cr, 0, 0, 0);
  draw_text (context, cr, "SAN Internet", "Sans Bold 16", 0, y, width / 2, PANGO_ALIGN_LEFT);
  y += draw_text (context, cr, title, "Sans Bold 14", width / 2, y, width / 2, PANGO_ALIGN_RIGHT);
  y += 4;
  /* Translators: on a printed invoice; the %s are dates and a status */
  dates = g_strdup_printf (_("Issued %s · Due %s · %s"), issue, due,
                           san_invoice_state_label (san_invoice_get_state (invoice)));
  y += draw_text (context, cr, dates, "Sans 10", 0, y, width, PANGO_ALIGN_LEFT);
  y += 6;

  draw_text (context, cr, _("Description"), "Sans Bold 10", 0, y, width - 45, PANGO_ALIGN_LEFT);
  y += draw_text (context, cr, _("Amount"), "Sans Bold 10", width - 40, y, 40, PANGO_ALIGN_RIGHT);
  y += 1.5;
  draw_rule (cr, y, width);
  y += 2;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SanInvoiceItem) item = g_list_model_get_item (items, i);
      g_autofree char *amount = san_money_format_brl (san_invoice_item_get_amount_cents (item));
      double h;

      h = draw_text (context, cr, san_invoice_item_get_description (item), "Sans 10",
                     0, y, width - 45, PANGO_ALIGN_LEFT);
      draw_text (context, cr, amount, "Sans 10", width - 40, y, 40, PANGO_ALIGN_RIGHT);
      y += h + 2;
    }

  draw_rule (cr, y, width);
  y += 2;
  draw_text (context, cr, C_("invoice", "Total"), "Sans Bold 11", 0, y, width - 45,
             PANGO_ALIGN_LEFT);
  y += draw_text (context, cr, total, "Sans Bold 11", width - 40, y, 40, PANGO_ALIGN_RIGHT);
  y += 8;

  draw_text (context, cr, explanation, "Sans 9", 0, y, width, PANGO_ALIGN_LEFT);
}

static void
draw_boleto_page (GtkPrintContext *context,
                  cairo_t         *cr,
                  SanInvoice      *invoice,
                  SanBoleto       *boleto)
{
  double width = gtk_print_context_get_width (context);
  g_autofree char *bank = san_boleto_dup_bank (boleto);
  g_autofree char *linha = san_boleto_code_format_linha (san_boleto_get_linha_digitavel (boleto));
  g_autofree char *amount = san_money_format_brl (san_boleto_get_amount_cents (boleto));
  g_autofree char *due = san_date_format (san_boleto_get_due_date (boleto));
  g_autofree char *beneficiary = party_text (san_boleto_get_beneficiary (boleto),
                                             san_boleto_get_beneficiary_document (boleto));
  g_autofree char *payer = party_text (san_boleto_get_payer (boleto),
                                       san_boleto_get_payer_document (boleto));
  double left = width * 0.72;
  double y = 0, row_y, h1, h2;
  guint modules;

  cairo_set_source_rgb (cr, 0, 0, 0);
  draw_text (context, cr, bank, "Sans Bold 13", 0, y, width * 0.4, PANGO_ALIGN_LEFT);
  y += draw_text (context, cr, linha != NULL ? linha : "", "Monospace Bold 11",
                  width * 0.4, y + 0.6, width * 0.6, PANGO_ALIGN_RIGHT);
  y += 2;
  draw_rule (cr, y, width);

  /* Two columns of fields, like a printed boleto */
  row_y = y;
  h1 = draw_field (context, cr, _("Payable at"),
                   _("Any bank, banking app or lottery agency until the due date"),
                   0, row_y, left);
  h2 = draw_field (context, cr, _("Due date"), due, left, row_y, width - left);
  y = row_y + MAX (h1, h2);
  draw_rule (cr, y, width);

  row_y = y;
  h1 = draw_field (context, cr, _("Beneficiary"), beneficiary, 0, row_y, left);
  h2 = draw_field (context, cr, _("Amount"), amount, left, row_y, width - left);
  y = row_y + MAX (h1, h2);
  draw_rule (cr, y, width);

  row_y = y;
  h1 = draw_field (context, cr, _("Payer"), payer, 0, row_y, left);
  h2 = draw_field (context, cr, _("Invoice"), san_invoice_get_number (invoice), left, row_y,
                   width - left);
  y = row_y + MAX (h1, h2);
  draw_rule (cr, y, width);

  if (san_boleto_get_is_second_copy (boleto))
    {
      g_autofree char *original_due = san_date_format (san_boleto_get_original_due_date (boleto));
      g_autofree char *original = san_money_format_brl (san_boleto_get_original_amount_cents (boleto));
      g_autofree char *fine = san_money_format_brl (san_boleto_get_fine_cents (boleto));
      g_autofree char *interest = interest_text (san_boleto_get_interest_cents (boleto),
                                                 san_boleto_get_days_late (boleto));
      g_autofree char *text = NULL;

      /* Translators: on a printed 2ª via: dates and amounts */
      text = g_strdup_printf (_("2ª via. Original due date %s, original amount %s, fine (2%%) "
                                "%s, interest %s."), original_due, original, fine, interest);
      y += draw_field (context, cr, _("Instructions"), text, 0, y, width);
      draw_rule (cr, y, width);
    }

  y += 6;
  modules = san_barcode_count_modules (san_boleto_get_barcode (boleto));
  san_barcode_draw_cairo (cr, san_boleto_get_barcode (boleto), 0, y,
                          MIN (modules * NARROW_BAR_MM, width), BAR_HEIGHT_MM);
}

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   PrintJob          *job)
{
  int n = 0;

  if (job->pages & SAN_BILLING_PRINT_INVOICE)
    n++;
  if ((job->pages & SAN_BILLING_PRINT_BOLETO) && job->boleto != NULL)
    n++;
  gtk_print_operation_set_n_pages (operation, MAX (n, 1));
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  if ((job->pages & SAN_BILLING_PRINT_INVOICE) && page_nr == 0)
    draw_invoice_page (context, cr, job->invoice);
  else if (job->boleto != NULL)
    draw_boleto_page (context, cr, job->invoice, job->boleto);
}

GtkPrintOperation *
san_billing_print_operation_new (SanInvoice           *invoice,
                                 SanBoleto            *boleto,
                                 SanBillingPrintPages  pages)
{
  GtkPrintOperation *operation;
  g_autofree char *title = NULL;
  PrintJob *job;

  g_return_val_if_fail (SAN_IS_INVOICE (invoice), NULL);
  g_return_val_if_fail (boleto == NULL || SAN_IS_BOLETO (boleto), NULL);

  job = g_new0 (PrintJob, 1);
  job->invoice = g_object_ref (invoice);
  job->boleto = boleto != NULL ? g_object_ref (boleto) : NULL;
  job->pages = boleto != NULL ? pages : (pages & SAN_BILLING_PRINT_INVOICE);
  if (job->pages == 0)
    job->pages = SAN_BILLING_PRINT_INVOICE;

  title = san_invoice_dup_title (invoice);
  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, title);
  gtk_print_operation_set_unit (operation, GTK_UNIT_MM);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), job);
  g_object_set_data_full (G_OBJECT (operation), "san-print-job", job,
                          (GDestroyNotify) print_job_free);
  return operation;
}

/* Holds the operation until it is done */
static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  gpointer                 user_data)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      g_warning ("Printing failed: %s", error != NULL ? error->message : "unknown error");
    }
  g_object_set_data (G_OBJECT (operation), "san-print-done", GINT_TO_POINTER (TRUE));
  g_signal_handlers_disconnect_by_func (operation, on_print_done_cb, NULL);
  g_object_unref (operation);
}

void
san_billing_print (GtkWindow            *parent,
                   SanInvoice           *invoice,
                   SanBoleto            *boleto,
                   SanBillingPrintPages  pages)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  operation = san_billing_print_operation_new (invoice, boleto, pages);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (g_object_ref (operation), "done", G_CALLBACK (on_print_done_cb), NULL);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    g_warning ("Could not print: %s", error->message);
  /* Finished without "done": drop the reference it would have dropped */
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS &&
      g_object_get_data (G_OBJECT (operation), "san-print-done") == NULL)
    {
      g_signal_handlers_disconnect_by_func (operation, on_print_done_cb, NULL);
      g_object_unref (operation);
    }
}

gboolean
san_billing_print_to_pdf (SanInvoice           *invoice,
                          SanBoleto            *boleto,
                          SanBillingPrintPages  pages,
                          const char           *path,
                          int                  *out_n_pages,
                          GError              **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (path != NULL, FALSE);

  operation = san_billing_print_operation_new (invoice, boleto, pages);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    return FALSE;
  if (out_n_pages != NULL)
    g_object_get (operation, "n-pages", out_n_pages, NULL);
  return TRUE;
}
