/* san-staff-ticket-view.c: the staff desk's view of one ticket: header and
 * status, the thread with internal notes, and the reply box
 *
 * The header names the contract, the ticket's number and subject, and has
 * the status dropdown (a change goes to the server at once and goes back,
 * with a toast, when the server refuses it). The thread is a
 * SanTicketThread. The reply box sends as SAN (the customer sees it and is
 * e-mailed; the ticket becomes answered) or, with "Internal Note", adds a
 * note the customer never sees, in a clearly different look.
 *
 * What is typed is a draft on disk (san-drafts.h), one per ticket, under
 * the staff scope of the signed-in user: it is saved as it is typed,
 * survives a crash or a restart, comes back with its mode (a note always
 * as a note, a reply as a reply; a change of mode is written at once), and
 * is deleted only when the server took the message. A failed send keeps
 * the text and offers Retry.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "san-drafts.h"
#include "san-service-labels.h"
#include "san-staff-ticket-view.h"
#include "san-ticket-labels.h"
#include "san-ticket-thread.h"
#include "san-ui-util.h"

struct _SanStaffTicketView
{
  GtkWidget             parent_instance;

  SanClient            *client;
  GCancellable         *cancellable;          /* loading the ticket */
  GCancellable         *action_cancellable;   /* sending, status, saving */
  GCancellable         *services_cancellable; /* the contract's services */
  GCancellable         *draft_cancellable;    /* reading the shown ticket's draft */
  SanDraftSaver        *saver;                /* the shown ticket's draft */
  char                 *services_contract_id; /* whose services the popover has */
  char                 *ticket_id;            /* shown or being loaded */
  SanTicket            *ticket;               /* loaded, with its thread */
  GListStore           *files;                /* GFile: the next message's attachments */
  GtkFileChooserNative *chooser;
  SanAttachment        *save_attachment;      /* what the save chooser is for */
  char                 *sending_id;           /* the ticket a message is being sent to */
  char                 *sending_key;          /* its draft, deleted once sent */
  char                 *status_id;            /* the ticket whose status is being set */
  AdwToast             *send_toast;           /* "Could not send", weakly held */

  guint                 updating_status : 1;  /* the dropdown changes by program */
  guint                 restoring : 1;        /* the box changes by program */
  guint                 edited : 1;           /* typed since the ticket was shown */

  GtkStack             *view_stack;
  AdwStatusPage        *ticket_error_page;
  GtkLabel             *contract_label;
  GtkLabel             *subject_label;
  GtkLabel             *priority_label;
  GtkLabel             *info_label;
  GtkDropDown          *status_dropdown;
  GtkWidget            *status_spinner;
  SanTicketThread      *thread;
  GtkLabel             *services_title_label;
  GtkStack             *services_stack;
  GtkListBox           *services_list;
  GtkLabel             *services_message_label;
  GtkWidget            *compose_box;
  GtkToggleButton      *reply_toggle;
  GtkToggleButton      *internal_toggle;
  GtkImage             *mode_icon;
  GtkLabel             *mode_label;
  GtkTextView          *body_view;
  GtkFlowBox           *attachments_box;
  GtkWidget            *add_files_button;
  GtkLabel             *draft_label;
  GtkWidget            *send_spinner;
  GtkButton            *send_button;
};

enum {
  TICKET_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SanStaffTicketView, san_staff_ticket_view, GTK_TYPE_WIDGET)

static void send_message    (SanStaffTicketView *self);
static void forget_services (SanStaffTicketView *self);

/* Helpers */

static AdwToast *
add_toast (SanStaffTicketView *self,
           const char         *title)
{
  return san_ui_add_toast (GTK_WIDGET (self), title, 5);
}

static char *
dup_body (SanStaffTicketView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
body_is_blank (SanStaffTicketView *self)
{
  g_autofree char *body = dup_body (self);

  return g_strstrip (body)[0] == '\0';
}

static gboolean
is_internal (SanStaffTicketView *self)
{
  return gtk_toggle_button_get_active (self->internal_toggle);
}

static gboolean
is_sending (SanStaffTicketView *self)
{
  return self->sending_id != NULL && g_strcmp0 (self->sending_id, self->ticket_id) == 0;
}

/* State */

static void
update_actions (SanStaffTicketView *self)
{
  gboolean sending = is_sending (self);
  gboolean ready = self->ticket != NULL && self->client != NULL && !sending;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff-ticket.send",
                                 ready && !body_is_blank (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff-ticket.add-files",
                                 ready && self->chooser == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff-ticket.remove-file", ready);
  gtk_text_view_set_editable (self->body_view, !sending);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reply_toggle), !sending);
  gtk_widget_set_sensitive (GTK_WIDGET (self->internal_toggle), !sending);
  gtk_widget_set_visible (self->send_spinner, sending);

  gtk_widget_set_sensitive (GTK_WIDGET (self->status_dropdown),
                            self->ticket != NULL && self->status_id == NULL);
  gtk_widget_set_visible (self->status_spinner, self->status_id != NULL);
}

/* The reply box says, in words and looks, who will read what is typed */
static void
update_mode (SanStaffTicketView *self)
{
  gboolean internal = is_internal (self);

  if (internal)
    {
      gtk_widget_add_css_class (self->compose_box, "internal");
      gtk_image_set_from_icon_name (self->mode_icon, "changes-prevent-symbolic");
      gtk_label_set_label (self->mode_label,
                           _("Internal note: only SAN staff see it. It is never shown to the "
                             "customer and sends no e-mail."));
      gtk_button_set_label (self->send_button, _("Add Internal _Note"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->send_button), "suggested-action");
      gtk_widget_add_css_class (GTK_WIDGET (self->send_button), "staff-internal-send");
    }
  else
    {
      gtk_widget_remove_css_class (self->compose_box, "internal");
      gtk_image_set_from_icon_name (self->mode_icon, "mail-send-symbolic");
      gtk_label_set_label (self->mode_label,
                           _("The customer sees this reply from SAN and gets it by e-mail; the "
                             "ticket becomes Answered."));
      gtk_button_set_label (self->send_button, _("_Send as SAN"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->send_button), "staff-internal-send");
      gtk_widget_add_css_class (GTK_WIDGET (self->send_button), "suggested-action");
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->body_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  internal ? _("Internal note") : _("Reply to the customer"),
                                  -1);
}

static GtkWidget *
create_file_chip (SanStaffTicketView *self,
                  GFile              *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *remove = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("mail-attachment-symbolic");
  GtkWidget *label = gtk_label_new (name);
  GtkWidget *button = gtk_button_new_from_icon_name ("window-close-symbolic");

  gtk_widget_add_css_class (box, "staff-file-chip");
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* Translators: %s is a file name */
  remove = g_strdup_printf (_("Remove %s"), name);
  gtk_widget_set_tooltip_text (button, remove);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "staff-ticket.remove-file");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", uri);

  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), button);
  return box;
}

static void
update_files (SanStaffTicketView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->files));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->attachments_box))) != NULL)
    gtk_flow_box_remove (self->attachments_box, child);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (G_LIST_MODEL (self->files), i);

      gtk_flow_box_append (self->attachments_box, create_file_chip (self, file));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->attachments_box), n > 0);
}

static void
update_header (SanStaffTicketView *self)
{
  SanTicket *ticket = self->ticket;
  g_autofree char *contract = NULL;
  g_autofree char *opened = NULL;
  g_autofree char *info = NULL;
  const char *priority = NULL;
  guint n_messages;

  gtk_widget_remove_css_class (GTK_WIDGET (self->priority_label), "staff-priority-high");
  if (ticket == NULL)
    return;

  /* Translators: a contract's name and a ticket's number: "Padaria Pão Quente · Ticket #2026-0004" */
  contract = g_strdup_printf (_("%s · Ticket %s"),
                              san_ticket_get_contract_name (ticket) != NULL
                              ? san_ticket_get_contract_name (ticket) : "",
                              san_ticket_get_number (ticket));
  opened = san_ticket_format_time (san_ticket_get_created_at (ticket));
  n_messages = g_list_model_get_n_items (san_ticket_get_messages (ticket));
  /* Translators: a department, when the ticket was opened and how many
   * messages it has: "Suporte Técnico · opened 18 Nov 2026, 09:20 · 3 messages" */
  info = g_strdup_printf (ngettext ("%s · opened %s · %u message",
                                    "%s · opened %s · %u messages", n_messages),
                          san_ticket_get_department_name (ticket), opened, n_messages);
  priority = san_ticket_priority_badge (san_ticket_get_priority (ticket));

  gtk_label_set_label (self->contract_label, contract);
  gtk_label_set_label (self->subject_label, san_ticket_get_subject (ticket));
  gtk_label_set_label (self->priority_label, priority);
  if (san_ticket_get_priority (ticket) == SAN_TICKET_PRIORITY_HIGH)
    gtk_widget_add_css_class (GTK_WIDGET (self->priority_label), "staff-priority-high");
  gtk_label_set_label (self->info_label, info);

  self->updating_status = TRUE;
  gtk_drop_down_set_selected (self->status_dropdown, san_ticket_get_status (ticket));
  self->updating_status = FALSE;
}

/* Shows @ticket (the one asked for) as the server gave it */
static void
set_ticket (SanStaffTicketView *self,
            SanTicket          *ticket)
{
  /* The services popover shows the contract of the ticket shown */
  if (ticket == NULL ||
      g_strcmp0 (san_ticket_get_contract_id (ticket), self->services_contract_id) != 0)
    forget_services (self);
  g_set_object (&self->ticket, ticket);
  update_header (self);
  /* On screen first, so that the thread can scroll to its newest message */
  if (ticket != NULL)
    gtk_stack_set_visible_child_name (self->view_stack, "ticket");
  san_ticket_thread_set_ticket (self->thread, ticket);
  update_actions (self);
}

/* Drafts: what was typed stays on disk with its ticket */

static char *
draft_key (SanStaffTicketView *self,
           const char         *ticket_id)
{
  const char *user;

  if (self->client == NULL || ticket_id == NULL)
    return NULL;
  user = san_client_get_email (self->client);
  if (user == NULL)
    return NULL;
  return san_drafts_staff_key (san_client_get_base_uri (self->client), user, ticket_id);
}

static SanDraft *
current_draft (SanStaffTicketView *self)
{
  g_autoptr(SanDraft) draft = san_draft_new ();
  g_autoptr(GPtrArray) uris = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = dup_body (self);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->files));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (G_LIST_MODEL (self->files), i);

      g_ptr_array_add (uris, g_file_get_uri (file));
    }
  g_ptr_array_add (uris, NULL);
  san_draft_set_body (draft, text);
  san_draft_set_internal (draft, is_internal (self));
  san_draft_set_attachment_uris (draft, (const char * const *) uris->pdata);
  return g_steal_pointer (&draft);
}

static gboolean
has_content (SanStaffTicketView *self)
{
  return !body_is_blank (self) || g_list_model_get_n_items (G_LIST_MODEL (self->files)) > 0;
}

static void
update_draft_label (SanStaffTicketView *self)
{
  if (san_draft_saver_get_busy (self->saver))
    gtk_label_set_label (self->draft_label, _("Saving draft…"));
  else if (san_draft_saver_get_failed (self->saver))
    gtk_label_set_label (self->draft_label, _("Could not save the draft on this computer: don’t close until it is sent"));
  else if (self->edited && has_content (self))
    gtk_label_set_label (self->draft_label, _("Draft saved on this computer"));
  else
    gtk_label_set_label (self->draft_label, "");
}

/* The person changed the box: saved soon, or at once when @now */
static void
draft_changed (SanStaffTicketView *self,
               gboolean            now)
{
  g_autoptr(SanDraft) draft = NULL;

  if (self->restoring)
    return;
  self->edited = TRUE;
  draft = current_draft (self);
  san_draft_saver_changed (self->saver, draft);
  if (now)
    san_draft_saver_flush (self->saver);
  update_draft_label (self);
}

/* Puts @draft (NULL: an empty box, replying) in the box, by program */
static void
show_draft (SanStaffTicketView *self,
            SanDraft           *draft)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  const char * const *uris = draft != NULL ? san_draft_get_attachment_uris (draft) : NULL;
  const char *body = draft != NULL ? san_draft_get_body (draft) : NULL;

  self->restoring = TRUE;
  gtk_text_buffer_set_text (buffer, body != NULL ? body : "", -1);
  g_list_store_remove_all (self->files);
  for (guint i = 0; uris != NULL && uris[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uris[i]);

      g_list_store_append (self->files, file);
    }
  gtk_toggle_button_set_active (draft != NULL && san_draft_get_internal (draft)
                                ? self->internal_toggle : self->reply_toggle, TRUE);
  self->restoring = FALSE;
  /* A draft is the person's text: shown as saved, and saved as it changes */
  self->edited = draft != NULL;
  update_mode (self);
  update_files (self);
  update_actions (self);
  update_draft_label (self);
}

typedef struct
{
  GWeakRef  view;
  char     *ticket_id;
} DraftLoad;

static void
draft_load_free (DraftLoad *load)
{
  g_weak_ref_clear (&load->view);
  g_free (load->ticket_id);
  g_free (load);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DraftLoad, draft_load_free)

static void
on_draft_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(DraftLoad) load = user_data;
  g_autoptr(SanStaffTicketView) self = NULL;
  g_autoptr(SanDraft) draft = NULL;
  g_autoptr(GError) error = NULL;

  draft = san_drafts_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* the view may be gone */
  self = g_weak_ref_get (&load->view);
  if (self == NULL)
    return;
  if (error != NULL)
    {
      g_warning ("Could not read the staff draft of ticket %s: %s", load->ticket_id,
                 error->message);
      return;
    }
  /* Still the same ticket, and nothing typed meanwhile */
  if (draft == NULL || self->edited || g_strcmp0 (self->ticket_id, load->ticket_id) != 0)
    return;
  show_draft (self, draft);
}

/* The box for the ticket now shown: empty, then its draft once read */
static void
load_draft (SanStaffTicketView *self)
{
  g_autofree char *key = draft_key (self, self->ticket_id);
  DraftLoad *load;

  g_cancellable_cancel (self->draft_cancellable);
  g_clear_object (&self->draft_cancellable);
  /* What was pending for the last ticket is written first */
  san_draft_saver_set_key (self->saver, key);
  show_draft (self, NULL);
  if (key == NULL)
    return;

  self->draft_cancellable = g_cancellable_new ();
  load = g_new0 (DraftLoad, 1);
  g_weak_ref_init (&load->view, self);
  load->ticket_id = g_strdup (self->ticket_id);
  san_drafts_load_async (key, self->draft_cancellable, on_draft_loaded_cb, load);
}

/* The contract's services, read-only: loaded only when asked for, as
 * every staff read of a contract is audited */

static void
forget_services (SanStaffTicketView *self)
{
  g_cancellable_cancel (self->services_cancellable);
  g_clear_object (&self->services_cancellable);
  g_clear_pointer (&self->services_contract_id, g_free);
  if (self->services_list != NULL)
    {
      GtkWidget *row;

      while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->services_list))) != NULL)
        gtk_list_box_remove (self->services_list, row);
    }
}

static GtkWidget *
create_service_row (SanService *service,
                    gboolean    of_ticket)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *badge = gtk_label_new (san_service_status_label (san_service_get_status (service)));
  g_autofree char *subtitle = NULL;

  /* Translators: a service's plan and its support level: "Plano M · Business" */
  subtitle = g_strdup_printf (_("%s · %s support"), san_service_get_plan (service),
                              san_support_level_label (san_service_get_support_level (service)));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), san_service_get_title (service));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (of_ticket)
    {
      GtkWidget *mark = gtk_label_new (_("This ticket"));

      gtk_widget_add_css_class (mark, "caption-heading");
      gtk_widget_add_css_class (mark, "accent");
      gtk_widget_set_valign (mark, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), mark);
    }
  gtk_widget_add_css_class (badge, "status-badge");
  gtk_widget_add_css_class (badge, san_service_status_css_class (san_service_get_status (service)));
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
  return row;
}

static void
on_services_loaded_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) services = NULL;
  SanStaffTicketView *self;
  const char *ticket_service;
  guint n;

  services = san_client_list_all_services_finish (SAN_CLIENT (object), result, &error);
  if (services == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = SAN_STAFF_TICKET_VIEW (user_data);
  if (services == NULL)
    {
      g_autofree char *text = NULL;

      /* Translators: %s is the reason */
      text = g_strdup_printf (_("Could not load the services: %s"), error->message);
      gtk_label_set_label (self->services_message_label, text);
      gtk_stack_set_visible_child_name (self->services_stack, "message");
      g_clear_pointer (&self->services_contract_id, g_free);   /* try again next time */
      return;
    }

  n = g_list_model_get_n_items (services);
  if (n == 0)
    {
      gtk_label_set_label (self->services_message_label, _("This contract has no services."));
      gtk_stack_set_visible_child_name (self->services_stack, "message");
      return;
    }

  ticket_service = self->ticket != NULL ? san_ticket_get_service_id (self->ticket) : NULL;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SanService) service = g_list_model_get_item (services, i);

      gtk_list_box_append (self->services_list,
                           create_service_row (service,
                                               g_strcmp0 (san_service_get_id (service),
                                                          ticket_service) == 0));
    }
  gtk_stack_set_visible_child_name (self->services_stack, "list");
}

static void
on_contract_popover_show_cb (SanStaffTicketView *self,
                             GtkPopover         *popover)
{
  const char *contract_id;
  g_autofree char *title = NULL;

  if (self->ticket == NULL || self->client == NULL)
    return;

  contract_id = san_ticket_get_contract_id (self->ticket);
  /* Translators: %s is a contract's name */
  title = g_strdup_printf (_("Services of %s"), san_ticket_get_contract_name (self->ticket) != NULL
                                                ? san_ticket_get_contract_name (self->ticket) : "");
  gtk_label_set_label (self->services_title_label, title);
  if (g_strcmp0 (contract_id, self->services_contract_id) == 0)
    return;   /* loaded, or loading */

  forget_services (self);
  self->services_contract_id = g_strdup (contract_id);
  self->services_cancellable = g_cancellable_new ();
  gtk_stack_set_visible_child_name (self->services_stack, "loading");
  san_client_list_all_services_async (self->client, contract_id, self->services_cancellable,
                                      on_services_loaded_cb, self);
}

/* Loading */

static void
on_ticket_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanTicket) ticket = NULL;
  SanStaffTicketView *self;

  ticket = san_client_get_staff_ticket_finish (SAN_CLIENT (object), result, &error);
  if (ticket == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = SAN_STAFF_TICKET_VIEW (user_data);
  if (ticket == NULL)
    {
      /* A reload that fails keeps what is shown; a first load says why */
      if (self->ticket == NULL)
        {
          adw_status_page_set_description (self->ticket_error_page, error->message);
          gtk_stack_set_visible_child_name (self->view_stack, "error");
        }
      else
        {
          g_autofree char *title = NULL;

          /* Translators: %s is the reason */
          title = g_strdup_printf (_("Could not load the ticket: %s"), error->message);
          add_toast (self, title);
        }
      update_actions (self);
      return;
    }

  set_ticket (self, ticket);
}

static void
load (SanStaffTicketView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->client == NULL || self->ticket_id == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  if (self->ticket == NULL)
    gtk_stack_set_visible_child_name (self->view_stack, "loading");
  san_client_get_staff_ticket_async (self->client, self->ticket_id, self->cancellable,
                                     on_ticket_loaded_cb, self);
}

/* Sending */

static void
dismiss_send_toast (SanStaffTicketView *self)
{
  if (self->send_toast == NULL)
    return;
  g_object_remove_weak_pointer (G_OBJECT (self->send_toast), (gpointer *) &self->send_toast);
  adw_toast_dismiss (self->send_toast);
  self->send_toast = NULL;
}

static void
on_retry_clicked_cb (SanStaffTicketView *self,
                     AdwToast           *toast)
{
  if (self->ticket != NULL && !is_sending (self) && !body_is_blank (self))
    send_message (self);
}

static void
on_sent_draft_deleted_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!san_drafts_delete_finish (result, &error))
    g_warning ("Could not delete a sent staff draft: %s", error->message);
}

static void
on_reply_sent_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(SanStaffTicketView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SanTicket) ticket = NULL;
  g_autofree char *sent_id = NULL;
  g_autofree char *sent_key = NULL;
  gboolean internal;

  ticket = san_client_staff_reply_finish (SAN_CLIENT (object), result, &error);
  if (ticket == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* another session, or the view is going: the draft stays */

  sent_id = g_steal_pointer (&self->sending_id);
  sent_key = g_steal_pointer (&self->sending_key);
  if (ticket == NULL)
    {
      /* The text stays in the box and in its draft on disk */
      g_autofree char *title = NULL;
      AdwToast *toast;

      update_actions (self);
      if (g_error_matches (error, SAN_API_ERROR, SAN_API_ERROR_INVALID_INPUT) ||
          g_error_matches (error, SAN_API_ERROR, SAN_API_ERROR_PAYLOAD_TOO_LARGE) ||
          g_error_matches (error, SAN_API_ERROR, SAN_API_ERROR_UNSUPPORTED_MEDIA_TYPE))
        {
          /* Translators: %s is what the server or the app found wrong */
          title = g_strdup_printf (_("Not sent: %s"), error->message);
          add_toast (self, title);
          return;
        }
      /* Translators: %s is the reason; the text stays in the reply box */
      title = g_strdup_printf (_("Could not send: %s"), error->message);
      toast = san_ui_add_toast (GTK_WIDGET (self), title, 0);
      if (toast != NULL)
        {
          self->send_toast = toast;
          g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &self->send_toast);
        }
      if (toast != NULL && g_strcmp0 (sent_id, self->ticket_id) == 0)
        {
          adw_toast_set_button_label (toast, _("_Retry"));
          g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_retry_clicked_cb),
                                   self, G_CONNECT_SWAPPED);
        }
      return;
    }

  /* Sent: now, and only now, the draft goes, wherever the view is now */
  internal = FALSE;
  if (g_strcmp0 (sent_id, self->ticket_id) == 0)
    {
      internal = is_internal (self);
      san_draft_saver_discard (self->saver);
      show_draft (self, NULL);
      set_ticket (self, ticket);
      san_ticket_thread_scroll_to_end (self->thread);
      add_toast (self, internal ? _("Internal note added") : _("Reply sent to the customer"));
    }
  else
    {
      if (sent_key != NULL)
        san_drafts_delete_async (sent_key, NULL, on_sent_draft_deleted_cb, NULL);
      update_actions (self);
      add_toast (self, _("Message sent"));
    }
  g_signal_emit (self, signals[TICKET_CHANGED], 0, ticket);
}

static void
send_message (SanStaffTicketView *self)
{
  g_autofree char *body = NULL;

  if (self->ticket == NULL || self->client == NULL || self->sending_id != NULL)
    return;

  if (body_is_blank (self))
    return;
  body = dup_body (self);

  /* What is sent is on disk first: a crash while sending loses nothing */
  san_draft_saver_flush (self->saver);

  /* A failure said before is old news now */
  dismiss_send_toast (self);
  self->sending_id = g_strdup (self->ticket_id);
  self->sending_key = draft_key (self, self->ticket_id);
  update_actions (self);
  san_client_staff_reply_async (self->client, self->ticket_id, body, is_internal (self),
                                g_list_model_get_n_items (G_LIST_MODEL (self->files)) > 0
                                ? G_LIST_MODEL (self->files) : NULL,
                                self->action_cancellable, on_reply_sent_cb, g_object_ref (self));
}

/* Status */

static void
on_status_set_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(SanStaffTicketView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SanTicket) ticket = NULL;
  g_autofree char *status_id = NULL;

  ticket = san_client_staff_set_status_finish (SAN_CLIENT (object), result, &error);
  if (ticket == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  status_id = g_steal_pointer (&self->status_id);
  if (ticket == NULL)
    {
      g_autofree char *title = NULL;

      /* Back to what the server has */
      update_header (self);
      update_actions (self);
      /* Translators: %s is the reason */
      title = g_strdup_printf (_("Could not change the status: %s"), error->message);
      add_toast (self, title);
      return;
    }

  if (g_strcmp0 (status_id, self->ticket_id) == 0)
    set_ticket (self, ticket);
  else
    update_actions (self);
  g_signal_emit (self, signals[TICKET_CHANGED], 0, ticket);
}

static void
on_status_dropdown_selected_cb (SanStaffTicketView *self,
                                GParamSpec         *pspec,
                                GtkDropDown        *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating_status || self->ticket == NULL || self->client == NULL ||
      self->status_id != NULL || selected > SAN_TICKET_STATUS_CLOSED ||
      selected == (guint) san_ticket_get_status (self->ticket))
    return;

  self->status_id = g_strdup (self->ticket_id);
  update_actions (self);
  san_client_staff_set_status_async (self->client, self->ticket_id, (SanTicketStatus) selected,
                                     self->action_cancellable, on_status_set_cb,
                                     g_object_ref (self));
}

/* Saving an attachment */

typedef struct
{
  GWeakRef  view;   /* the view may go while saving */
  GFile    *file;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_weak_ref_clear (&job->view);
  g_clear_object (&job->file);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveJob, save_job_free)

static void
toast_save_error (SanStaffTicketView *self,
                  GFile              *file,
                  const GError       *error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = NULL;

  /* Translators: the first %s is a file name, the second the reason */
  title = g_strdup_printf (_("Could not save %s: %s"), name, error->message);
  add_toast (self, title);
}

static void
on_attachment_written_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(SaveJob) job = user_data;
  g_autoptr(SanStaffTicketView) self = g_weak_ref_get (&job->view);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      if (self != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast_save_error (self, job->file, error);
      return;
    }
  if (self == NULL)
    return;

  name = g_file_get_basename (job->file);
  /* Translators: %s is a file name */
  title = g_strdup_printf (_("Saved %s"), name);
  add_toast (self, title);
}

static void
on_attachment_downloaded_cb (GObject      *object,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  g_autoptr(SaveJob) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SanStaffTicketView) self = NULL;
  GFile *file;

  bytes = san_client_download_staff_attachment_finish (SAN_CLIENT (object), result, NULL, &error);
  if (bytes == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* the view may be gone */

  self = g_weak_ref_get (&job->view);
  if (self == NULL)
    return;
  if (bytes == NULL)
    {
      toast_save_error (self, job->file, error);
      return;
    }

  file = job->file;
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE,
                                       G_FILE_CREATE_REPLACE_DESTINATION,
                                       self->action_cancellable,
                                       on_attachment_written_cb,
                                       g_steal_pointer (&job));
}

static void
close_chooser (SanStaffTicketView *self)
{
  if (self->chooser == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->chooser, self);
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->save_attachment);
}

static void
on_save_chooser_response_cb (GtkNativeDialog    *chooser,
                             int                 response,
                             SanStaffTicketView *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(SanAttachment) attachment = g_steal_pointer (&self->save_attachment);

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  update_actions (self);

  if (file != NULL && attachment != NULL)
    san_staff_ticket_view_save_attachment (self, attachment, file);
}

static void
on_thread_attachment_activated_cb (SanStaffTicketView *self,
                                   SanAttachment      *attachment,
                                   SanTicketThread    *thread)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  close_chooser (self);
  self->chooser = gtk_file_chooser_native_new (_("Save Attachment"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser),
                                     san_attachment_get_filename (attachment));
  self->save_attachment = g_object_ref (attachment);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_save_chooser_response_cb), self);
  update_actions (self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Adding files */

static void
on_files_chooser_response_cb (GtkNativeDialog    *chooser,
                              int                 response,
                              SanStaffTicketView *self)
{
  g_autoptr(GListModel) files = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  update_actions (self);

  for (guint i = 0; files != NULL && i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);

      san_staff_ticket_view_add_file (self, file);
    }
}

static void
add_files_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SanStaffTicketView *self = SAN_STAFF_TICKET_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Attach Files"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_files_chooser_response_cb), self);
  update_actions (self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
remove_file_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SanStaffTicketView *self = SAN_STAFF_TICKET_VIEW (widget);
  const char *uri = g_variant_get_string (parameter, NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->files));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (G_LIST_MODEL (self->files), i);
      g_autofree char *file_uri = g_file_get_uri (file);

      if (g_strcmp0 (file_uri, uri) == 0)
        {
          g_list_store_remove (self->files, i);
          break;
        }
    }
  update_files (self);
  draft_changed (self, FALSE);
}

/* Actions and callbacks */

static void
send_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  send_message (SAN_STAFF_TICKET_VIEW (widget));
}

static void
reload_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  san_staff_ticket_view_reload (SAN_STAFF_TICKET_VIEW (widget));
}

static void
on_mode_toggled_cb (SanStaffTicketView *self,
                    GtkToggleButton    *button)
{
  if (self->compose_box == NULL)
    return;   /* disposing */
  update_mode (self);
  /* Who reads the text decides what may leak: the mode is written at once.
   * A mode picked before anything is typed is no draft (and must not
   * delete one still being read) */
  if (gtk_toggle_button_get_active (button) && (self->edited || has_content (self)))
    draft_changed (self, TRUE);
}

static void
on_body_changed_cb (SanStaffTicketView *self,
                    GtkTextBuffer      *buffer)
{
  if (self->compose_box == NULL)
    return;   /* disposing */
  draft_changed (self, FALSE);
  update_actions (self);
}

static void
on_saver_busy_cb (SanStaffTicketView *self)
{
  if (self->compose_box == NULL)
    return;
  update_draft_label (self);
}

/* GObject */

static void
san_staff_ticket_view_dispose (GObject *object)
{
  SanStaffTicketView *self = SAN_STAFF_TICKET_VIEW (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->action_cancellable);
  g_clear_object (&self->action_cancellable);
  g_cancellable_cancel (self->draft_cancellable);
  g_clear_object (&self->draft_cancellable);
  /* What was typed in the last half second is written now */
  if (self->saver != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->saver, self);
      san_draft_saver_flush (self->saver);
    }
  g_clear_object (&self->saver);
  if (self->body_view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_text_view_get_buffer (self->body_view), self);
  forget_services (self);
  close_chooser (self);
  if (self->send_toast != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->send_toast), (gpointer *) &self->send_toast);
      self->send_toast = NULL;
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), SAN_TYPE_STAFF_TICKET_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->client);
  g_clear_object (&self->ticket);
  g_clear_object (&self->files);

  G_OBJECT_CLASS (san_staff_ticket_view_parent_class)->dispose (object);
}

static void
san_staff_ticket_view_finalize (GObject *object)
{
  SanStaffTicketView *self = SAN_STAFF_TICKET_VIEW (object);

  g_free (self->ticket_id);
  g_free (self->sending_id);
  g_free (self->sending_key);
  g_free (self->status_id);

  G_OBJECT_CLASS (san_staff_ticket_view_parent_class)->finalize (object);
}

static void
san_staff_ticket_view_class_init (SanStaffTicketViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = san_staff_ticket_view_dispose;
  object_class->finalize = san_staff_ticket_view_finalize;

  signals[TICKET_CHANGED] =
    g_signal_new ("ticket-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SAN_TYPE_TICKET);

  g_type_ensure (SAN_TYPE_TICKET_THREAD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/saninternet/ClientArea/ui/san-staff-ticket-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SanStaffTicketView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SanStaffTicketView, ticket_error_page);
  gtk_widget_class_bind_template_child (widget_class, SanStaffTicketView, contract_label);
  gtk_widget_class_bind_template_child (widget_class, SanStaffTicketView, subject_label);
  gtk_widget_class_bind_template_child (widget_class, SanStaffTicketView, priority_label);
  gtk_widget_class_bind_template_child (widget_class, SanStaffTicketView, info_label);
  gtk_widget_class_bind_template_child (widget_class, SanStaffTicketView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SanStaffTicketView, status_spinner);
  gtk_widget_class_bind_template_child (widget_class, SanStaffTicketView, thread);
  gtk_widget_class_bind_template_child (widget_class, SanStaffTicketView, services_title_label);
  gtk_widget_class_bind_template_child (widget_class, SanStaffTicketView, services_stack);
  gtk_widget_class_bind_template_child (widget_class, SanStaffTicketView, services_list);
  gtk_widget_class_bind_template_child (widget_class, SanStaffTicketView, services_message_label);
  gtk_widget_class_bind_template_child (widget_class, SanStaffTicketView, compose_box);
  gtk_widget_class_bind_template_child (widget_class, SanStaffTicketView, reply_toggle);
  gtk_widget_class_bind_template_child (widget_class, SanStaffTicketView, internal_toggle);
  gtk_widget_class_bind_template_child (widget_class, SanStaffTicketView, mode_icon);
  gtk_widget_class_bind_template_child (widget_class, SanStaffTicketView, mode_label);
  gtk_widget_class_bind_template_child (widget_class, SanStaffTicketView, body_view);
  gtk_widget_class_bind_template_child (widget_class, SanStaffTicketView, attachments_box);
  gtk_widget_class_bind_template_child (widget_class, SanStaffTicketView, add_files_button);
  gtk_widget_class_bind_template_child (widget_class, SanStaffTicketView, draft_label);
  gtk_widget_class_bind_template_child (widget_class, SanStaffTicketView, send_spinner);
  gtk_widget_class_bind_template_child (widget_class, SanStaffTicketView, send_button);
  gtk_widget_class_bind_template_callback (widget_class, on_status_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_thread_attachment_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_mode_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_contract_popover_show_cb);

  gtk_widget_class_install_action (widget_class, "staff-ticket.send", NULL, send_action_cb);
  gtk_widget_class_install_action (widget_class, "staff-ticket.reload", NULL, reload_action_cb);
  gtk_widget_class_install_action (widget_class, "staff-ticket.add-files", NULL,
                                   add_files_action_cb);
  gtk_widget_class_install_action (widget_class, "staff-ticket.remove-file", "s",
                                   remove_file_action_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
san_staff_ticket_view_init (SanStaffTicketView *self)
{
  self->action_cancellable = g_cancellable_new ();
  self->saver = san_draft_saver_new (NULL);
  self->files = g_list_store_new (G_TYPE_FILE);

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->saver, "notify::busy", G_CALLBACK (on_saver_busy_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->body_view), "changed",
                           G_CALLBACK (on_body_changed_cb), self, G_CONNECT_SWAPPED);
  update_mode (self);
  update_actions (self);
  update_draft_label (self);
}

/* Public API */

void
san_staff_ticket_view_set_client (SanStaffTicketView *self,
                                  SanClient          *client)
{
  g_return_if_fail (SAN_IS_STAFF_TICKET_VIEW (self));
  g_return_if_fail (client == NULL || SAN_IS_CLIENT (client));

  if (client == self->client)
    return;

  /* Another session: nothing of the last one stays on screen; what was
   * typed stays on disk, that user's draft */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->action_cancellable);
  g_clear_object (&self->action_cancellable);
  self->action_cancellable = g_cancellable_new ();
  close_chooser (self);
  forget_services (self);
  dismiss_send_toast (self);
  g_clear_pointer (&self->sending_id, g_free);
  g_clear_pointer (&self->sending_key, g_free);
  g_clear_pointer (&self->status_id, g_free);
  g_clear_pointer (&self->ticket_id, g_free);
  /* Written under the last user's key before the key goes */
  load_draft (self);
  g_set_object (&self->client, client);

  set_ticket (self, NULL);
  gtk_stack_set_visible_child_name (self->view_stack, "none");
}

void
san_staff_ticket_view_show_ticket (SanStaffTicketView *self,
                                   const char         *ticket_id)
{
  g_return_if_fail (SAN_IS_STAFF_TICKET_VIEW (self));

  if (g_strcmp0 (ticket_id, self->ticket_id) == 0)
    {
      if (self->ticket == NULL)
        load (self);
      return;
    }

  g_free (self->ticket_id);
  self->ticket_id = g_strdup (ticket_id);
  set_ticket (self, NULL);
  /* The last ticket's draft is written, then this one's is read */
  load_draft (self);

  if (ticket_id == NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      gtk_stack_set_visible_child_name (self->view_stack, "none");
      return;
    }
  load (self);
}

void
san_staff_ticket_view_reload (SanStaffTicketView *self)
{
  g_return_if_fail (SAN_IS_STAFF_TICKET_VIEW (self));

  load (self);
}

const char *
san_staff_ticket_view_get_ticket_id (SanStaffTicketView *self)
{
  g_return_val_if_fail (SAN_IS_STAFF_TICKET_VIEW (self), NULL);

  return self->ticket_id;
}

SanTicket *
san_staff_ticket_view_get_ticket (SanStaffTicketView *self)
{
  g_return_val_if_fail (SAN_IS_STAFF_TICKET_VIEW (self), NULL);

  return self->ticket;
}

void
san_staff_ticket_view_save_attachment (SanStaffTicketView *self,
                                       SanAttachment      *attachment,
                                       GFile              *file)
{
  SaveJob *job;

  g_return_if_fail (SAN_IS_STAFF_TICKET_VIEW (self));
  g_return_if_fail (SAN_IS_ATTACHMENT (attachment));
  g_return_if_fail (G_IS_FILE (file));

  if (self->client == NULL)
    return;

  job = g_new0 (SaveJob, 1);
  g_weak_ref_init (&job->view, self);
  job->file = g_object_ref (file);
  san_client_download_staff_attachment_async (self->client,
                                              san_attachment_get_id (attachment),
                                              self->action_cancellable,
                                              on_attachment_downloaded_cb,
                                              job);
}

void
san_staff_ticket_view_add_file (SanStaffTicketView *self,
                                GFile              *file)
{
  guint n;

  g_return_if_fail (SAN_IS_STAFF_TICKET_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->files));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GFile) other = g_list_model_get_item (G_LIST_MODEL (self->files), i);

      if (g_file_equal (other, file))
        return;
    }
  if (n >= SAN_CLIENT_MAX_ATTACHMENTS)
    {
      g_autofree char *title = NULL;

      /* Translators: %d is the most files one message can carry */
      title = g_strdup_printf (ngettext ("A message carries at most %d file",
                                         "A message carries at most %d files",
                                         SAN_CLIENT_MAX_ATTACHMENTS),
                               SAN_CLIENT_MAX_ATTACHMENTS);
      add_toast (self, title);
      return;
    }
  g_list_store_append (self->files, file);
  update_files (self);
  draft_changed (self, FALSE);
}

gboolean
san_staff_ticket_view_get_draft_saving (SanStaffTicketView *self)
{
  g_return_val_if_fail (SAN_IS_STAFF_TICKET_VIEW (self), FALSE);

  return san_draft_saver_get_busy (self->saver);
}
