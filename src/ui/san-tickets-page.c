/* san-tickets-page.c: the Tickets section: the contract's tickets, a thread, a new ticket, drafts
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "san-tickets-page.h"

struct _SanTicketsPage
{
  GtkWidget  parent_instance;
  GtkWidget *child;
};

G_DEFINE_FINAL_TYPE (SanTicketsPage, san_tickets_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_SHOWING_DETAIL, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { LOAD_FAILED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
san_tickets_page_dispose (GObject *object)
{
  SanTicketsPage *self = SAN_TICKETS_PAGE (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);
  G_OBJECT_CLASS (san_tickets_page_parent_class)->dispose (object);
}

static void
san_tickets_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SanTicketsPage *self = SAN_TICKETS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SHOWING_DETAIL:
      g_value_set_boolean (value, san_tickets_page_get_showing_detail (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_tickets_page_class_init (SanTicketsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = san_tickets_page_dispose;
  object_class->get_property = san_tickets_page_get_property;

  properties[PROP_SHOWING_DETAIL] =
    g_param_spec_boolean ("showing-detail", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[LOAD_FAILED] =
    g_signal_new ("load-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
san_tickets_page_init (SanTicketsPage *self)
{
  self->child = adw_status_page_new ();
  gtk_widget_set_parent (self->child, GTK_WIDGET (self));
}

void
san_tickets_page_set_contract (SanTicketsPage *self,
                              SanClient      *client,
                              SanContract    *contract)
{
  g_return_if_fail (SAN_IS_TICKETS_PAGE (self));
}

void
san_tickets_page_reload (SanTicketsPage *self)
{
  g_return_if_fail (SAN_IS_TICKETS_PAGE (self));
}

gboolean
san_tickets_page_get_showing_detail (SanTicketsPage *self)
{
  g_return_val_if_fail (SAN_IS_TICKETS_PAGE (self), FALSE);
  return FALSE;
}

gboolean
san_tickets_page_go_back (SanTicketsPage *self)
{
  g_return_val_if_fail (SAN_IS_TICKETS_PAGE (self), FALSE);
  return FALSE;
}
