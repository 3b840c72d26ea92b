/* san-staff-ticket-row.c: one ticket in the staff queue: number, contract,
 * last activity, subject, status, priority (high stands out) and department
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "san-staff-ticket-row.h"
#include "san-ticket-labels.h"

struct _SanStaffTicketRow
{
  GtkWidget  parent_instance;

  SanTicket *ticket;

  GtkLabel  *number_label;
  GtkLabel  *contract_label;
  GtkLabel  *activity_label;
  GtkLabel  *subject_label;
  GtkLabel  *status_label;
  GtkLabel  *priority_label;
  GtkLabel  *department_label;
};

G_DEFINE_FINAL_TYPE (SanStaffTicketRow, san_staff_ticket_row, GTK_TYPE_WIDGET)

/* The desk's colours: what waits on SAN stands out */
static const char *
status_css_class (SanTicketStatus status)
{
  switch (status)
    {
    case SAN_TICKET_STATUS_OPEN:
      return "staff-status-open";
    case SAN_TICKET_STATUS_ANSWERED:
      return "staff-status-answered";
    case SAN_TICKET_STATUS_CUSTOMER_REPLY:
      return "staff-status-customer-reply";
    case SAN_TICKET_STATUS_ON_HOLD:
      return "staff-status-on-hold";
    case SAN_TICKET_STATUS_IN_PROGRESS:
      return "staff-status-in-progress";
    case SAN_TICKET_STATUS_CLOSED:
      return "staff-status-closed";
    default:
      g_return_val_if_reached ("");
    }
}

static void
update_labels (SanStaffTicketRow *self)
{
  g_autofree char *activity = NULL;
  g_autofree char *full_time = NULL;
  g_autofree char *tooltip = NULL;
  g_autoptr(GDateTime) now = NULL;
  const char *priority = NULL;
  SanTicketStatus status;
  SanTicketPriority prio;

  for (SanTicketStatus s = SAN_TICKET_STATUS_OPEN; s <= SAN_TICKET_STATUS_CLOSED; s++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label),
                                 status_css_class (s));
  gtk_widget_remove_css_class (GTK_WIDGET (self->priority_label), "staff-priority-high");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "staff-high");

  if (self->ticket == NULL)
    {
      gtk_label_set_label (self->number_label, "");
      gtk_label_set_label (self->contract_label, "");
      gtk_label_set_label (self->activity_label, "");
      gtk_label_set_label (self->subject_label, "");
      gtk_label_set_label (self->status_label, "");
      gtk_label_set_label (self->priority_label, "");
      gtk_label_set_label (self->department_label, "");
      return;
    }

  status = san_ticket_get_status (self->ticket);
  prio = san_ticket_get_priority (self->ticket);
  now = g_date_time_new_now_utc ();
  activity = san_ticket_format_activity (san_ticket_get_updated_at (self->ticket), now);
  full_time = san_ticket_format_time (san_ticket_get_updated_at (self->ticket));
  /* Translators: %s is a date and time */
  tooltip = g_strdup_printf (_("Last activity: %s"), full_time);
  priority = san_ticket_priority_badge (prio);

  gtk_label_set_label (self->number_label, san_ticket_get_number (self->ticket));
  gtk_label_set_label (self->contract_label,
                       san_ticket_get_contract_name (self->ticket) != NULL
                       ? san_ticket_get_contract_name (self->ticket) : "");
  gtk_label_set_label (self->activity_label, activity);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->activity_label), tooltip);
  gtk_label_set_label (self->subject_label, san_ticket_get_subject (self->ticket));
  gtk_label_set_label (self->status_label, san_ticket_status_label (status));
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label),
                            status_css_class (status));
  gtk_label_set_label (self->priority_label, priority);
  if (prio == SAN_TICKET_PRIORITY_HIGH)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->priority_label), "staff-priority-high");
      gtk_widget_add_css_class (GTK_WIDGET (self), "staff-high");
    }
  gtk_label_set_label (self->department_label, san_ticket_get_department_name (self->ticket));
}

static void
san_staff_ticket_row_dispose (GObject *object)
{
  SanStaffTicketRow *self = SAN_STAFF_TICKET_ROW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SAN_TYPE_STAFF_TICKET_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->ticket);

  G_OBJECT_CLASS (san_staff_ticket_row_parent_class)->dispose (object);
}

static void
san_staff_ticket_row_class_init (SanStaffTicketRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = san_staff_ticket_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/saninternet/ClientArea/ui/san-staff-ticket-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SanStaffTicketRow, number_label);
  gtk_widget_class_bind_template_child (widget_class, SanStaffTicketRow, contract_label);
  gtk_widget_class_bind_template_child (widget_class, SanStaffTicketRow, activity_label);
  gtk_widget_class_bind_template_child (widget_class, SanStaffTicketRow, subject_label);
  gtk_widget_class_bind_template_child (widget_class, SanStaffTicketRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, SanStaffTicketRow, priority_label);
  gtk_widget_class_bind_template_child (widget_class, SanStaffTicketRow, department_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "staffticketrow");
}

static void
san_staff_ticket_row_init (SanStaffTicketRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
san_staff_ticket_row_new (void)
{
  return g_object_new (SAN_TYPE_STAFF_TICKET_ROW, NULL);
}

SanTicket *
san_staff_ticket_row_get_ticket (SanStaffTicketRow *self)
{
  g_return_val_if_fail (SAN_IS_STAFF_TICKET_ROW (self), NULL);

  return self->ticket;
}

void
san_staff_ticket_row_set_ticket (SanStaffTicketRow *self,
                                 SanTicket         *ticket)
{
  g_return_if_fail (SAN_IS_STAFF_TICKET_ROW (self));
  g_return_if_fail (ticket == NULL || SAN_IS_TICKET (ticket));

  if (!g_set_object (&self->ticket, ticket))
    return;
  update_labels (self);
}
