/* san-ticket-thread.c: a ticket's messages, customer and staff replies and internal notes, with their attachments
 *
 * A thread is short (tens of messages) and read, not browsed: one widget
 * per message in a GtkBox, rebuilt when the ticket changes. Each message is
 * a card: the author's avatar and name, "SAN" or "Internal note", the time,
 * the text (selectable, wrapped, never markup) and a button per attachment.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "san-ticket-labels.h"
#include "san-ticket-thread.h"

struct _SanTicketThread
{
  GtkWidget          parent_instance;

  SanTicket         *ticket;
  guint              scroll_pending : 1;
  guint              scroll_timeout_id;
  guint              scroll_idle_id;

  GtkScrolledWindow *scrolled;
  GtkBox            *messages_box;
};

enum {
  PROP_0,
  PROP_TICKET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ATTACHMENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SanTicketThread, san_ticket_thread, GTK_TYPE_WIDGET)

static const char *
attachment_icon (SanAttachment *attachment)
{
  const char *type = san_attachment_get_content_type (attachment);

  if (g_str_has_prefix (type, "image/"))
    return "image-x-generic-symbolic";
  if (g_str_has_prefix (type, "text/"))
    return "text-x-generic-symbolic";
  if (g_str_equal (type, "application/zip"))
    return "package-x-generic-symbolic";
  return "x-office-document-symbolic";
}

static void
on_attachment_clicked_cb (GtkButton     *button,
                          SanAttachment *attachment)
{
  GtkWidget *self = gtk_widget_get_ancestor (GTK_WIDGET (button), SAN_TYPE_TICKET_THREAD);

  if (self != NULL)
    g_signal_emit (self, signals[ATTACHMENT_ACTIVATED], 0, attachment);
}

static GtkWidget *
make_attachment_button (SanAttachment *attachment)
{
  g_autofree char *size = san_ticket_format_size (san_attachment_get_size (attachment));
  g_autofree char *label = NULL;
  g_autofree char *tooltip = NULL;
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (san_attachment_get_filename (attachment));
  GtkWidget *size_label = gtk_label_new (size);

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (attachment_icon (attachment)));
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 40);
  gtk_box_append (GTK_BOX (box), name);
  gtk_widget_add_css_class (size_label, "dim-label");
  gtk_widget_add_css_class (size_label, "numeric");
  gtk_box_append (GTK_BOX (box), size_label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "ticket-attachment");

  /* Translators: %s is a file name */
  tooltip = g_strdup_printf (_("Save “%s”"), san_attachment_get_filename (attachment));
  gtk_widget_set_tooltip_text (button, tooltip);
  /* Translators: an attachment's button: a file name and its size */
  label = g_strdup_printf (_("Save attachment %s, %s"), san_attachment_get_filename (attachment),
                           size);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  g_signal_connect_data (button, "clicked", G_CALLBACK (on_attachment_clicked_cb),
                         g_object_ref (attachment), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  return button;
}

static GtkWidget *
make_message (SanTicketMessage *message)
{
  SanTicketAuthorKind kind = san_ticket_message_get_author_kind (message);
  gboolean internal = san_ticket_message_get_internal (message);
  const char *author = san_ticket_message_get_author_name (message);
  GListModel *attachments = san_ticket_message_get_attachments (message);
  g_autofree char *time = san_ticket_format_time (san_ticket_message_get_created_at (message));
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *names = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name_line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *avatar;
  GtkWidget *label;
  GtkWidget *body;

  if (author[0] == '\0')
    author = kind == SAN_TICKET_AUTHOR_KIND_STAFF ? _("SAN Support") : _("Customer");

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "ticket-message");
  gtk_widget_add_css_class (card, internal ? "internal"
                                  : kind == SAN_TICKET_AUTHOR_KIND_STAFF ? "staff" : "customer");

  if (internal)
    {
      GtkWidget *note = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

      gtk_box_append (GTK_BOX (note), gtk_image_new_from_icon_name ("changes-prevent-symbolic"));
      label = gtk_label_new (_("Internal note — only SAN staff see this"));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (note), label);
      gtk_widget_add_css_class (note, "ticket-internal-label");
      gtk_box_append (GTK_BOX (card), note);
    }

  avatar = adw_avatar_new (32, author, TRUE);
  gtk_widget_set_valign (avatar, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (header), avatar);

  label = gtk_label_new (author);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "ticket-author");
  gtk_box_append (GTK_BOX (name_line), label);
  /* Staff whose name does not say SAN ("Marina Costa" rather than
   * "Marina Costa (SAN)") get the word next to it */
  if (kind == SAN_TICKET_AUTHOR_KIND_STAFF && !internal && strstr (author, "SAN") == NULL)
    {
      label = gtk_label_new (C_("message author", "SAN"));
      gtk_widget_add_css_class (label, "status-badge");
      gtk_widget_add_css_class (label, "ticket-staff-badge");
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (name_line), label);
    }
  gtk_box_append (GTK_BOX (names), name_line);

  label = gtk_label_new (time);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "ticket-message-time");
  gtk_box_append (GTK_BOX (names), label);
  gtk_widget_set_hexpand (names, TRUE);
  gtk_widget_set_valign (names, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (header), names);
  gtk_box_append (GTK_BOX (card), header);

  body = gtk_label_new (NULL);
  gtk_label_set_text (GTK_LABEL (body), san_ticket_message_get_body (message));
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (body), TRUE);
  gtk_widget_add_css_class (body, "ticket-message-body");
  gtk_box_append (GTK_BOX (card), body);

  if (g_list_model_get_n_items (attachments) > 0)
    {
      GtkWidget *files = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

      gtk_widget_add_css_class (files, "ticket-message-attachments");
      for (guint i = 0; i < g_list_model_get_n_items (attachments); i++)
        {
          g_autoptr(SanAttachment) attachment = g_list_model_get_item (attachments, i);

          gtk_box_append (GTK_BOX (files), make_attachment_button (attachment));
        }
      gtk_box_append (GTK_BOX (card), files);
    }

  return card;
}

static void
scroll_to_end (SanTicketThread *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) -
                                        gtk_adjustment_get_page_size (adjustment));
}

static gboolean
on_scroll_idle_cb (gpointer user_data)
{
  SanTicketThread *self = user_data;

  self->scroll_idle_id = 0;
  scroll_to_end (self);
  return G_SOURCE_REMOVE;
}

static void
on_vadjustment_changed_cb (SanTicketThread *self,
                           GtkAdjustment   *adjustment)
{
  /* The new messages are laid out (maybe in steps, as the width settles):
   * now their end is known. GTK 4.8 emits "changed" while the viewport is
   * being allocated, and a value set then does not move it: scroll once
   * the allocation is over. */
  if (self->scroll_pending && self->scroll_idle_id == 0)
    self->scroll_idle_id = g_idle_add (on_scroll_idle_cb, self);
}

static gboolean
on_scroll_timeout_cb (gpointer user_data)
{
  SanTicketThread *self = user_data;

  self->scroll_timeout_id = 0;
  self->scroll_pending = FALSE;
  return G_SOURCE_REMOVE;
}

static void
rebuild (SanTicketThread *self)
{
  GtkWidget *child;
  GListModel *messages;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->messages_box))) != NULL)
    gtk_box_remove (self->messages_box, child);
  if (self->ticket == NULL)
    return;

  messages = san_ticket_get_messages (self->ticket);
  for (guint i = 0; i < g_list_model_get_n_items (messages); i++)
    {
      g_autoptr(SanTicketMessage) message = g_list_model_get_item (messages, i);

      gtk_box_append (self->messages_box, make_message (message));
    }
}

static void
san_ticket_thread_dispose (GObject *object)
{
  SanTicketThread *self = SAN_TICKET_THREAD (object);
  GtkWidget *child;

  g_clear_handle_id (&self->scroll_timeout_id, g_source_remove);
  g_clear_handle_id (&self->scroll_idle_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAN_TYPE_TICKET_THREAD);
  /* The template's top widget is bound, but unparent anything left */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->ticket);

  G_OBJECT_CLASS (san_ticket_thread_parent_class)->dispose (object);
}

static void
san_ticket_thread_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SanTicketThread *self = SAN_TICKET_THREAD (object);

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
san_ticket_thread_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SanTicketThread *self = SAN_TICKET_THREAD (object);

  switch (prop_id)
    {
    case PROP_TICKET:
      san_ticket_thread_set_ticket (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_ticket_thread_class_init (SanTicketThreadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = san_ticket_thread_dispose;
  object_class->get_property = san_ticket_thread_get_property;
  object_class->set_property = san_ticket_thread_set_property;

  properties[PROP_TICKET] =
    g_param_spec_object ("ticket", NULL, NULL, SAN_TYPE_TICKET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ATTACHMENT_ACTIVATED] =
    g_signal_new ("attachment-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SAN_TYPE_ATTACHMENT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/saninternet/ClientArea/ui/san-ticket-thread.ui");
  gtk_widget_class_bind_template_child (widget_class, SanTicketThread, scrolled);
  gtk_widget_class_bind_template_child (widget_class, SanTicketThread, messages_box);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ticketthread");
}

static void
san_ticket_thread_init (SanTicketThread *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scrolled), "changed",
                           G_CALLBACK (on_vadjustment_changed_cb), self, G_CONNECT_SWAPPED);
}

SanTicketThread *
san_ticket_thread_new (void)
{
  return g_object_new (SAN_TYPE_TICKET_THREAD, NULL);
}

void
san_ticket_thread_set_ticket (SanTicketThread *self,
                              SanTicket       *ticket)
{
  g_return_if_fail (SAN_IS_TICKET_THREAD (self));
  g_return_if_fail (ticket == NULL || SAN_IS_TICKET (ticket));

  if (!g_set_object (&self->ticket, ticket))
    return;
  rebuild (self);
  san_ticket_thread_scroll_to_end (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TICKET]);
}

SanTicket *
san_ticket_thread_get_ticket (SanTicketThread *self)
{
  g_return_val_if_fail (SAN_IS_TICKET_THREAD (self), NULL);

  return self->ticket;
}

void
san_ticket_thread_scroll_to_end (SanTicketThread *self)
{
  g_return_if_fail (SAN_IS_TICKET_THREAD (self));

  /* Follow the layout for a moment, then leave the scrolling to the person */
  self->scroll_pending = TRUE;
  g_clear_handle_id (&self->scroll_timeout_id, g_source_remove);
  self->scroll_timeout_id = g_timeout_add (600, on_scroll_timeout_cb, self);
  scroll_to_end (self);
}
