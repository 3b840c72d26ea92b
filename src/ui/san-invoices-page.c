/* san-invoices-page.c: the contract's invoices, with the selected one's details, boleto, PIX and card payment
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "san-invoices-page.h"

struct _SanInvoicesPage
{
  GtkWidget    parent_instance;

  SanClient   *client;
  SanContract *contract;
};

enum {
  PROP_0,
  PROP_SHOWING_DETAIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  LOAD_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SanInvoicesPage, san_invoices_page, GTK_TYPE_WIDGET)

static void
san_invoices_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SanInvoicesPage *self = SAN_INVOICES_PAGE (object);

  switch (prop_id)
    {
    case PROP_SHOWING_DETAIL:
      g_value_set_boolean (value, san_invoices_page_get_showing_detail (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_invoices_page_dispose (GObject *object)
{
  SanInvoicesPage *self = SAN_INVOICES_PAGE (object);

  g_clear_object (&self->client);
  g_clear_object (&self->contract);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAN_TYPE_INVOICES_PAGE);

  G_OBJECT_CLASS (san_invoices_page_parent_class)->dispose (object);
}

static void
san_invoices_page_class_init (SanInvoicesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = san_invoices_page_dispose;
  object_class->get_property = san_invoices_page_get_property;

  properties[PROP_SHOWING_DETAIL] =
    g_param_spec_boolean ("showing-detail", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[LOAD_FAILED] =
    g_signal_new ("load-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/saninternet/ClientArea/ui/san-invoices-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
san_invoices_page_init (SanInvoicesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
san_invoices_page_set_contract (SanInvoicesPage *self,
                            SanClient      *client,
                            SanContract    *contract)
{
  g_return_if_fail (SAN_IS_INVOICES_PAGE (self));

  g_set_object (&self->client, client);
  g_set_object (&self->contract, contract);
}

void
san_invoices_page_reload (SanInvoicesPage *self)
{
  g_return_if_fail (SAN_IS_INVOICES_PAGE (self));
}

gboolean
san_invoices_page_get_showing_detail (SanInvoicesPage *self)
{
  g_return_val_if_fail (SAN_IS_INVOICES_PAGE (self), FALSE);

  return FALSE;
}

gboolean
san_invoices_page_go_back (SanInvoicesPage *self)
{
  g_return_val_if_fail (SAN_IS_INVOICES_PAGE (self), FALSE);

  return FALSE;
}
