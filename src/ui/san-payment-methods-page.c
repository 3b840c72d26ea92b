/* san-payment-methods-page.c: cards, bank accounts, DDA, the default method and each service's method
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "san-payment-methods-page.h"

struct _SanPaymentMethodsPage
{
  GtkWidget    parent_instance;

  SanClient   *client;
  SanContract *contract;
};

enum {
  LOAD_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SanPaymentMethodsPage, san_payment_methods_page, GTK_TYPE_WIDGET)

static void
san_payment_methods_page_dispose (GObject *object)
{
  SanPaymentMethodsPage *self = SAN_PAYMENT_METHODS_PAGE (object);

  g_clear_object (&self->client);
  g_clear_object (&self->contract);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAN_TYPE_PAYMENT_METHODS_PAGE);

  G_OBJECT_CLASS (san_payment_methods_page_parent_class)->dispose (object);
}

static void
san_payment_methods_page_class_init (SanPaymentMethodsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = san_payment_methods_page_dispose;

  signals[LOAD_FAILED] =
    g_signal_new ("load-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/saninternet/ClientArea/ui/san-payment-methods-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
san_payment_methods_page_init (SanPaymentMethodsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
san_payment_methods_page_set_contract (SanPaymentMethodsPage *self,
                            SanClient      *client,
                            SanContract    *contract)
{
  g_return_if_fail (SAN_IS_PAYMENT_METHODS_PAGE (self));

  g_set_object (&self->client, client);
  g_set_object (&self->contract, contract);
}

void
san_payment_methods_page_reload (SanPaymentMethodsPage *self)
{
  g_return_if_fail (SAN_IS_PAYMENT_METHODS_PAGE (self));
}
