/* san-invoice-detail.c: everything about one invoice, with the actions
 * that fit its state
 *
 * Unpaid: pay with PIX, see the boleto, pay with a card (and for an overdue
 * one, a 2ª via of the boleto); always: save the PDF and print.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "san-billing-labels.h"
#include "san-date.h"
#include "san-invoice-detail.h"
#include "san-money.h"
#include "san-service-labels.h"
#include "san-ui-util.h"

struct _SanInvoiceDetail
{
  GtkWidget     parent_instance;

  SanInvoice   *invoice;

  GtkLabel     *title_label;
  GtkLabel     *subtitle_label;
  GtkLabel     *status_label;
  GtkLabel     *total_label;
  GtkLabel     *due_label;
  GtkLabel     *explanation_label;
  GtkWidget    *pay_group;
  GtkWidget    *pix_row;
  GtkWidget    *boleto_row;
  GtkWidget    *card_row;
  GtkWidget    *second_copy_row;
  GtkListBox   *items_list;
  AdwActionRow *issue_row;
  AdwActionRow *due_row;
  AdwActionRow *method_row;
  AdwActionRow *paid_row;
};

enum {
  PROP_0,
  PROP_INVOICE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SanInvoiceDetail, san_invoice_detail, GTK_TYPE_WIDGET)

static char *
format_date (const GDate *date)
{
  return date != NULL && g_date_valid (date) ? san_date_format (date) : NULL;
}

static GtkWidget *
new_amount_row (const char *title,
                gint64      cents,
                gboolean    total)
{
  g_autofree char *money = san_money_format_brl (cents);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *amount = gtk_label_new (money);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (amount, "numeric");
  if (total)
    {
      gtk_widget_add_css_class (row, "invoice-total-row");
      gtk_widget_add_css_class (amount, "heading");
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), amount);
  return row;
}

static void
fill_items (SanInvoiceDetail *self)
{
  GtkWidget *child;
  GListModel *items;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->items_list))) != NULL)
    gtk_list_box_remove (self->items_list, child);

  if (self->invoice == NULL)
    return;

  items = san_invoice_get_items (self->invoice);
  n = g_list_model_get_n_items (items);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SanInvoiceItem) item = g_list_model_get_item (items, i);

      gtk_list_box_append (self->items_list,
                           new_amount_row (san_invoice_item_get_description (item),
                                           san_invoice_item_get_amount_cents (item), FALSE));
    }
  gtk_list_box_append (self->items_list,
                       new_amount_row (C_("invoice", "Total"),
                                       san_invoice_get_total_cents (self->invoice), TRUE));
}

static void
update (SanInvoiceDetail *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *total = NULL;
  g_autofree char *issue = NULL;
  g_autofree char *due = NULL;
  g_autofree char *due_text = NULL;
  g_autofree char *explanation = NULL;
  g_autofree char *paid_on = NULL;
  SanPaymentMethod paid_with;
  gboolean has_paid_with;
  SanInvoiceState state;
  gboolean open;

  for (SanInvoiceState s = SAN_INVOICE_STATE_UNPAID; s <= SAN_INVOICE_STATE_REFUNDED; s++)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), san_invoice_state_css_class (s));
      gtk_widget_remove_css_class (GTK_WIDGET (self->explanation_label),
                                   san_invoice_state_css_class (s));
    }

  fill_items (self);
  if (self->invoice == NULL)
    return;

  state = san_invoice_get_state (self->invoice);
  open = state == SAN_INVOICE_STATE_UNPAID || state == SAN_INVOICE_STATE_OVERDUE;
  title = san_invoice_dup_title (self->invoice);
  total = san_money_format_brl (san_invoice_get_total_cents (self->invoice));
  issue = format_date (san_invoice_get_issue_date (self->invoice));
  due = format_date (san_invoice_get_due_date (self->invoice));
  explanation = san_invoice_dup_state_explanation (self->invoice);
  has_paid_with = san_invoice_get_paid_with (self->invoice, &paid_with);

  if (issue != NULL)
    /* Translators: %s is a date */
    subtitle = g_strdup_printf (_("Issued %s"), issue);
  if (due != NULL)
    /* Translators: %s is a date */
    due_text = g_strdup_printf (_("Due %s"), due);

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->subtitle_label, subtitle != NULL ? subtitle : "");
  gtk_label_set_label (self->status_label, san_invoice_state_label (state));
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), san_invoice_state_css_class (state));
  gtk_label_set_label (self->total_label, total);
  gtk_label_set_label (self->due_label, due_text != NULL ? due_text : "");
  gtk_label_set_label (self->explanation_label, explanation);
  gtk_widget_add_css_class (GTK_WIDGET (self->explanation_label),
                            san_invoice_state_css_class (state));

  gtk_widget_set_visible (self->pay_group, open);
  gtk_widget_set_visible (self->second_copy_row, state == SAN_INVOICE_STATE_OVERDUE);

  san_ui_set_row (self->issue_row, issue);
  san_ui_set_row (self->due_row, due);
  if (has_paid_with)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->method_row), _("Paid with"));
      san_ui_set_row (self->method_row, san_payment_method_label (paid_with));
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->method_row),
                                     _("Payment method"));
      san_ui_set_row (self->method_row,
               san_payment_method_label (san_invoice_get_payment_method (self->invoice)));
    }

  if (san_invoice_get_paid_at (self->invoice) != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (san_invoice_get_paid_at (self->invoice));
      GDate day;

      g_date_clear (&day, 1);
      g_date_set_dmy (&day, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                      g_date_time_get_year (local));
      paid_on = san_date_format (&day);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->paid_row), paid_on != NULL);
  san_ui_set_row (self->paid_row, paid_on);
}

static void
san_invoice_detail_dispose (GObject *object)
{
  SanInvoiceDetail *self = SAN_INVOICE_DETAIL (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SAN_TYPE_INVOICE_DETAIL);
  /* The template's top widget is not a bound child: unparent it too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->invoice);

  G_OBJECT_CLASS (san_invoice_detail_parent_class)->dispose (object);
}

static void
san_invoice_detail_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SanInvoiceDetail *self = SAN_INVOICE_DETAIL (object);

  switch (prop_id)
    {
    case PROP_INVOICE:
      g_value_set_object (value, self->invoice);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_invoice_detail_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SanInvoiceDetail *self = SAN_INVOICE_DETAIL (object);

  switch (prop_id)
    {
    case PROP_INVOICE:
      san_invoice_detail_set_invoice (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_invoice_detail_class_init (SanInvoiceDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = san_invoice_detail_dispose;
  object_class->get_property = san_invoice_detail_get_property;
  object_class->set_property = san_invoice_detail_set_property;

  properties[PROP_INVOICE] =
    g_param_spec_object ("invoice", NULL, NULL, SAN_TYPE_INVOICE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/saninternet/ClientArea/ui/san-invoice-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, SanInvoiceDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, SanInvoiceDetail, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, SanInvoiceDetail, status_label);
  gtk_widget_class_bind_template_child (widget_class, SanInvoiceDetail, total_label);
  gtk_widget_class_bind_template_child (widget_class, SanInvoiceDetail, due_label);
  gtk_widget_class_bind_template_child (widget_class, SanInvoiceDetail, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, SanInvoiceDetail, pay_group);
  gtk_widget_class_bind_template_child (widget_class, SanInvoiceDetail, pix_row);
  gtk_widget_class_bind_template_child (widget_class, SanInvoiceDetail, boleto_row);
  gtk_widget_class_bind_template_child (widget_class, SanInvoiceDetail, card_row);
  gtk_widget_class_bind_template_child (widget_class, SanInvoiceDetail, second_copy_row);
  gtk_widget_class_bind_template_child (widget_class, SanInvoiceDetail, items_list);
  gtk_widget_class_bind_template_child (widget_class, SanInvoiceDetail, issue_row);
  gtk_widget_class_bind_template_child (widget_class, SanInvoiceDetail, due_row);
  gtk_widget_class_bind_template_child (widget_class, SanInvoiceDetail, method_row);
  gtk_widget_class_bind_template_child (widget_class, SanInvoiceDetail, paid_row);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
san_invoice_detail_init (SanInvoiceDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SanInvoice *
san_invoice_detail_get_invoice (SanInvoiceDetail *self)
{
  g_return_val_if_fail (SAN_IS_INVOICE_DETAIL (self), NULL);

  return self->invoice;
}

void
san_invoice_detail_set_invoice (SanInvoiceDetail *self,
                                SanInvoice       *invoice)
{
  g_return_if_fail (SAN_IS_INVOICE_DETAIL (self));
  g_return_if_fail (invoice == NULL || SAN_IS_INVOICE (invoice));

  if (!g_set_object (&self->invoice, invoice))
    return;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INVOICE]);
}
