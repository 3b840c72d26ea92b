/* san-invoice-row.c: one invoice in the Invoices list: number, due date,
 * total and a status badge
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "san-billing-labels.h"
#include "san-date.h"
#include "san-invoice-row.h"
#include "san-money.h"

struct _SanInvoiceRow
{
  GtkWidget   parent_instance;

  SanInvoice *invoice;

  GtkLabel   *number_label;
  GtkLabel   *due_label;
  GtkLabel   *status_label;
  GtkLabel   *total_label;
};

enum {
  PROP_0,
  PROP_INVOICE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SanInvoiceRow, san_invoice_row, GTK_TYPE_WIDGET)

static void
update_labels (SanInvoiceRow *self)
{
  g_autofree char *due = NULL;
  g_autofree char *due_text = NULL;
  g_autofree char *total = NULL;
  SanInvoiceState state;

  for (SanInvoiceState s = SAN_INVOICE_STATE_UNPAID; s <= SAN_INVOICE_STATE_REFUNDED; s++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), san_invoice_state_css_class (s));

  if (self->invoice == NULL)
    {
      gtk_label_set_label (self->number_label, "");
      gtk_label_set_label (self->due_label, "");
      gtk_label_set_label (self->status_label, "");
      gtk_label_set_label (self->total_label, "");
      return;
    }

  state = san_invoice_get_state (self->invoice);
  total = san_money_format_brl (san_invoice_get_total_cents (self->invoice));
  if (san_invoice_get_due_date (self->invoice) != NULL)
    {
      due = san_date_format (san_invoice_get_due_date (self->invoice));
      /* Translators: %s is a date */
      due_text = g_strdup_printf (_("Due %s"), due);
    }

  gtk_label_set_label (self->number_label, san_invoice_get_number (self->invoice));
  gtk_label_set_label (self->due_label, due_text != NULL ? due_text : "");
  gtk_label_set_label (self->status_label, san_invoice_state_label (state));
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), san_invoice_state_css_class (state));
  gtk_label_set_label (self->total_label, total);
}

static void
san_invoice_row_dispose (GObject *object)
{
  SanInvoiceRow *self = SAN_INVOICE_ROW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SAN_TYPE_INVOICE_ROW);
  /* The template's top widget is not a bound child: unparent it too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->invoice);

  G_OBJECT_CLASS (san_invoice_row_parent_class)->dispose (object);
}

static void
san_invoice_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SanInvoiceRow *self = SAN_INVOICE_ROW (object);

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
san_invoice_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SanInvoiceRow *self = SAN_INVOICE_ROW (object);

  switch (prop_id)
    {
    case PROP_INVOICE:
      san_invoice_row_set_invoice (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_invoice_row_class_init (SanInvoiceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = san_invoice_row_dispose;
  object_class->get_property = san_invoice_row_get_property;
  object_class->set_property = san_invoice_row_set_property;

  properties[PROP_INVOICE] =
    g_param_spec_object ("invoice", NULL, NULL, SAN_TYPE_INVOICE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/saninternet/ClientArea/ui/san-invoice-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SanInvoiceRow, number_label);
  gtk_widget_class_bind_template_child (widget_class, SanInvoiceRow, due_label);
  gtk_widget_class_bind_template_child (widget_class, SanInvoiceRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, SanInvoiceRow, total_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "invoicerow");
}

static void
san_invoice_row_init (SanInvoiceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
san_invoice_row_new (void)
{
  return g_object_new (SAN_TYPE_INVOICE_ROW, NULL);
}

SanInvoice *
san_invoice_row_get_invoice (SanInvoiceRow *self)
{
  g_return_val_if_fail (SAN_IS_INVOICE_ROW (self), NULL);

  return self->invoice;
}

void
san_invoice_row_set_invoice (SanInvoiceRow *self,
                             SanInvoice    *invoice)
{
  g_return_if_fail (SAN_IS_INVOICE_ROW (self));
  g_return_if_fail (invoice == NULL || SAN_IS_INVOICE (invoice));

  if (!g_set_object (&self->invoice, invoice))
    return;
  update_labels (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INVOICE]);
}
