/* san-ticket-row.c: one ticket in the Tickets list: subject, number, department, who spoke last, last activity and a status badge
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "san-ticket-labels.h"
#include "san-ticket-row.h"

struct _SanTicketRow
{
  GtkWidget  parent_instance;

  SanTicket *ticket;

  GtkLabel  *subject_label;
  GtkLabel  *meta_label;
  GtkLabel  *author_label;
  GtkLabel  *time_label;
  GtkLabel  *status_label;
};

enum {
  PROP_0,
  PROP_TICKET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SanTicketRow, san_ticket_row, GTK_TYPE_WIDGET)

static void
update_labels (SanTicketRow *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *time = NULL;
  g_autofree char *when = NULL;
  SanTicketStatus status;

  for (SanTicketStatus s = SAN_TICKET_STATUS_OPEN; s <= SAN_TICKET_STATUS_CLOSED; s++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), san_ticket_status_css_class (s));
  gtk_widget_remove_css_class (GTK_WIDGET (self->author_label), "dim-label");
  gtk_widget_remove_css_class (GTK_WIDGET (self->author_label), "accent");

  if (self->ticket == NULL)
    {
      gtk_label_set_label (self->subject_label, "");
      gtk_label_set_label (self->meta_label, "");
      gtk_label_set_label (self->author_label, "");
      gtk_label_set_label (self->time_label, "");
      gtk_label_set_label (self->status_label, "");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->time_label), NULL);
      return;
    }

  now = g_date_time_new_now_utc ();
  status = san_ticket_get_status (self->ticket);
  /* Translators: a ticket's number and department, like "#2026-0042 · Financeiro" */
  meta = g_strdup_printf (_("%s · %s"), san_ticket_get_number (self->ticket),
                          san_ticket_get_department_name (self->ticket));
  time = san_ticket_format_activity (san_ticket_get_updated_at (self->ticket), now);
  when = san_ticket_format_time (san_ticket_get_updated_at (self->ticket));

  gtk_label_set_label (self->subject_label, san_ticket_get_subject (self->ticket));
  gtk_label_set_label (self->meta_label, meta);
  gtk_label_set_label (self->author_label,
                       san_ticket_last_author_label (san_ticket_get_last_message_author (self->ticket)));
  /* An answer from SAN the customer has not replied to stands out */
  gtk_widget_add_css_class (GTK_WIDGET (self->author_label),
                            status == SAN_TICKET_STATUS_ANSWERED ? "accent" : "dim-label");
  gtk_label_set_label (self->time_label, time);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->time_label), when);
  gtk_label_set_label (self->status_label, san_ticket_status_label (status));
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), san_ticket_status_css_class (status));
}

static void
san_ticket_row_dispose (GObject *object)
{
  SanTicketRow *self = SAN_TICKET_ROW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SAN_TYPE_TICKET_ROW);
  /* The template's top widget is not a bound child: unparent it too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->ticket);

  G_OBJECT_CLASS (san_ticket_row_parent_class)->dispose (object);
}

static void
san_ticket_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SanTicketRow *self = SAN_TICKET_ROW (object);

  switch (prop_id)
    {
    case PROP_TICKET:
      g_value_set_object (value, self->ticket);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_ticket_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SanTicketRow *self = SAN_TICKET_ROW (object);

  switch (prop_id)
    {
    case PROP_TICKET:
      san_ticket_row_set_ticket (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_ticket_row_class_init (SanTicketRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = san_ticket_row_dispose;
  object_class->get_property = san_ticket_row_get_property;
  object_class->set_property = san_ticket_row_set_property;

  properties[PROP_TICKET] =
    g_param_spec_object ("ticket", NULL, NULL, SAN_TYPE_TICKET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/saninternet/ClientArea/ui/san-ticket-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SanTicketRow, subject_label);
  gtk_widget_class_bind_template_child (widget_class, SanTicketRow, meta_label);
  gtk_widget_class_bind_template_child (widget_class, SanTicketRow, author_label);
  gtk_widget_class_bind_template_child (widget_class, SanTicketRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, SanTicketRow, status_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ticketrow");
}

static void
san_ticket_row_init (SanTicketRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
san_ticket_row_new (void)
{
  return g_object_new (SAN_TYPE_TICKET_ROW, NULL);
}

SanTicket *
san_ticket_row_get_ticket (SanTicketRow *self)
{
  g_return_val_if_fail (SAN_IS_TICKET_ROW (self), NULL);

  return self->ticket;
}

void
san_ticket_row_set_ticket (SanTicketRow *self,
                           SanTicket    *ticket)
{
  g_return_if_fail (SAN_IS_TICKET_ROW (self));
  g_return_if_fail (ticket == NULL || SAN_IS_TICKET (ticket));

  if (!g_set_object (&self->ticket, ticket))
    return;
  update_labels (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TICKET]);
}
