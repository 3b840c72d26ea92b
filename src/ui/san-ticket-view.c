/* san-ticket-view.c: one ticket of the Tickets section: its header, its thread, the reply box and Close Ticket
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
#include "san-ticket-attachments.h"
#include "san-ticket-labels.h"
#include "san-ticket-thread.h"
#include "san-ticket-view.h"
#include "san-ui-util.h"

struct _SanTicketView
{
  GtkWidget             parent_instance;

  SanClient            *client;
  SanContract          *contract;
  GListModel           *services;
  SanTicket            *ticket;
  GCancellable         *cancellable;         /* loading the thread */
  GCancellable         *action_cancellable;  /* sending, closing, saving files */
  GCancellable         *draft_cancellable;   /* reading the shown ticket's draft */
  SanDraftSaver        *saver;
  GtkFileChooserNative *chooser;
  SanAttachment        *chooser_attachment;  /* what the chooser saves */
  guint                 loaded : 1;          /* the thread of self->ticket is shown */
  guint                 restoring : 1;       /* the draft is being put back */
  guint                 edited : 1;          /* typed since the ticket was shown */
  guint                 sending : 1;
  guint                 closing : 1;

  GtkLabel             *number_label;
  GtkLabel             *subject_label;
  GtkWidget            *close_button;
  GtkLabel             *status_label;
  GtkLabel             *details_label;
  GtkStack             *thread_stack;
  AdwStatusPage        *thread_error_page;
  SanTicketThread      *thread;
  GtkLabel             *closed_label;
  GtkLabel             *placeholder_label;
  GtkTextView          *reply_view;
  GtkLabel             *body_error_label;
  SanTicketAttachments *attachments;
  GtkWidget            *send_error_box;
  GtkLabel             *send_error_label;
  GtkLabel             *draft_label;
  GtkSpinner           *send_spinner;
  GtkWidget            *send_button;
};

enum {
  TICKET_UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SanTicketView, san_ticket_view, GTK_TYPE_WIDGET)

static void load (SanTicketView *self);

static GtkTextBuffer *
reply_buffer (SanTicketView *self)
{
  return gtk_text_view_get_buffer (self->reply_view);
}

static gboolean
blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static char *
draft_key (SanTicketView *self,
           SanTicket     *ticket)
{
  const char *user;

  if (self->client == NULL || self->contract == NULL || ticket == NULL)
    return NULL;
  user = san_client_get_email (self->client);
  if (user == NULL)
    return NULL;
  return san_drafts_key (san_client_get_base_uri (self->client), user,
                         san_contract_get_id (self->contract), san_ticket_get_id (ticket));
}

static SanService *
find_service (SanTicketView *self,
              const char    *service_id)
{
  if (self->services == NULL || service_id == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (self->services); i++)
    {
      g_autoptr(SanService) service = g_list_model_get_item (self->services, i);

      if (g_strcmp0 (san_service_get_id (service), service_id) == 0)
        return service;   /* the model keeps it */
    }
  return NULL;
}

static const char *
priority_text (SanTicketPriority priority)
{
  switch (priority)
    {
    case SAN_TICKET_PRIORITY_LOW:
      return _("Low priority");
    case SAN_TICKET_PRIORITY_MEDIUM:
      return _("Medium priority");
    case SAN_TICKET_PRIORITY_HIGH:
      return _("High priority");
    default:
      return "";
    }
}

/* State */

static void
update_header (SanTicketView *self)
{
  g_autoptr(GString) details = g_string_new (NULL);
  SanTicketStatus status;
  SanService *service;

  for (SanTicketStatus s = SAN_TICKET_STATUS_OPEN; s <= SAN_TICKET_STATUS_CLOSED; s++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), san_ticket_status_css_class (s));

  if (self->ticket == NULL)
    {
      gtk_label_set_label (self->number_label, "");
      gtk_label_set_label (self->subject_label, "");
      gtk_label_set_label (self->status_label, "");
      gtk_label_set_label (self->details_label, "");
      return;
    }

  status = san_ticket_get_status (self->ticket);
  gtk_label_set_label (self->number_label, san_ticket_get_number (self->ticket));
  gtk_label_set_label (self->subject_label, san_ticket_get_subject (self->ticket));
  gtk_label_set_label (self->status_label, san_ticket_status_label (status));
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), san_ticket_status_css_class (status));

  g_string_append (details, san_ticket_get_department_name (self->ticket));
  g_string_append (details, " · ");
  g_string_append (details, priority_text (san_ticket_get_priority (self->ticket)));
  service = find_service (self, san_ticket_get_service_id (self->ticket));
  if (service != NULL)
    {
      g_string_append (details, " · ");
      g_string_append (details, san_service_get_title (service));
    }
  gtk_label_set_label (self->details_label, details->str);
}

static void
update_draft_label (SanTicketView *self)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (reply_buffer (self), &start, &end);
  text = gtk_text_buffer_get_text (reply_buffer (self), &start, &end, FALSE);

  if (san_draft_saver_get_busy (self->saver))
    gtk_label_set_label (self->draft_label, _("Saving draft…"));
  else if (san_draft_saver_get_failed (self->saver))
    gtk_label_set_label (self->draft_label, _("Could not save the draft on this computer: don’t close until it is sent"));
  else if (self->edited && (!blank (text) || san_ticket_attachments_get_n_files (self->attachments) > 0))
    gtk_label_set_label (self->draft_label, _("Draft saved on this computer"));
  else
    gtk_label_set_label (self->draft_label, "");
}

static void
update_state (SanTicketView *self)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  gboolean closed = self->ticket != NULL &&
                    san_ticket_get_status (self->ticket) == SAN_TICKET_STATUS_CLOSED;
  gboolean can_send;

  gtk_text_buffer_get_bounds (reply_buffer (self), &start, &end);
  text = gtk_text_buffer_get_text (reply_buffer (self), &start, &end, FALSE);

  update_header (self);
  gtk_widget_set_visible (self->close_button, self->ticket != NULL && !closed);
  gtk_widget_set_visible (GTK_WIDGET (self->closed_label), closed);
  gtk_widget_set_visible (GTK_WIDGET (self->placeholder_label), text[0] == '\0');
  gtk_text_view_set_editable (self->reply_view, !self->sending);
  gtk_widget_set_sensitive (GTK_WIDGET (self->attachments), !self->sending);
  gtk_widget_set_visible (GTK_WIDGET (self->send_spinner), self->sending);
  gtk_spinner_set_spinning (self->send_spinner, self->sending);

  can_send = self->ticket != NULL && self->client != NULL && !self->sending && !self->closing &&
             !blank (text) && san_ticket_attachments_get_ready (self->attachments);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ticket.send", can_send);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ticket.close",
                                 self->ticket != NULL && !closed && !self->closing && !self->sending);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ticket.reload", self->ticket != NULL);
  update_draft_label (self);
}

static void
show_send_error (SanTicketView *self,
                 const char    *message)
{
  gtk_label_set_label (self->send_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (self->send_error_box, message != NULL);
}

static void
show_body_error (SanTicketView *self,
                 const char    *message)
{
  gtk_label_set_label (self->body_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->body_error_label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (gtk_widget_get_parent (GTK_WIDGET (self->reply_view)), "error");
  else
    gtk_widget_remove_css_class (gtk_widget_get_parent (GTK_WIDGET (self->reply_view)), "error");
}

static void
clear_reply (SanTicketView *self)
{
  self->restoring = TRUE;
  gtk_text_buffer_set_text (reply_buffer (self), "", -1);
  san_ticket_attachments_clear (self->attachments);
  self->restoring = FALSE;
  self->edited = FALSE;
  show_send_error (self, NULL);
  show_body_error (self, NULL);
}

/* Drafts */

static SanDraft *
current_draft (SanTicketView *self)
{
  g_autoptr(SanDraft) draft = san_draft_new ();
  g_auto(GStrv) uris = san_ticket_attachments_dup_uris (self->attachments);
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (reply_buffer (self), &start, &end);
  text = gtk_text_buffer_get_text (reply_buffer (self), &start, &end, FALSE);
  san_draft_set_body (draft, text);
  san_draft_set_attachment_uris (draft, (const char * const *) uris);
  return g_steal_pointer (&draft);
}

static void
draft_changed (SanTicketView *self)
{
  g_autoptr(SanDraft) draft = NULL;

  if (self->restoring)
    return;
  self->edited = TRUE;
  draft = current_draft (self);
  san_draft_saver_changed (self->saver, draft);
  update_state (self);
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
  g_autoptr(SanTicketView) self = g_weak_ref_get (&load->view);
  g_autoptr(SanDraft) draft = NULL;
  g_autoptr(GError) error = NULL;

  draft = san_drafts_load_finish (result, &error);
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    {
      g_warning ("Could not read the draft of ticket %s: %s", load->ticket_id, error->message);
      return;
    }
  /* Still the same ticket, and nothing typed meanwhile */
  if (draft == NULL || self->ticket == NULL || self->edited ||
      g_strcmp0 (san_ticket_get_id (self->ticket), load->ticket_id) != 0)
    return;

  self->restoring = TRUE;
  gtk_text_buffer_set_text (reply_buffer (self),
                            san_draft_get_body (draft) != NULL ? san_draft_get_body (draft) : "",
                            -1);
  san_ticket_attachments_set_uris (self->attachments, san_draft_get_attachment_uris (draft));
  self->restoring = FALSE;
  /* It is the person's text: shown as saved, and saved again as it changes */
  self->edited = TRUE;
  update_state (self);
}

static void
load_draft (SanTicketView *self)
{
  g_autofree char *key = draft_key (self, self->ticket);
  DraftLoad *load;

  san_draft_saver_set_key (self->saver, key);
  if (key == NULL)
    return;
  load = g_new0 (DraftLoad, 1);
  g_weak_ref_init (&load->view, self);
  load->ticket_id = g_strdup (san_ticket_get_id (self->ticket));
  san_drafts_load_async (key, self->draft_cancellable, on_draft_loaded_cb, load);
}

/* Loading the thread */

static void
set_ticket (SanTicketView *self,
            SanTicket     *ticket)
{
  g_set_object (&self->ticket, ticket);
  san_ticket_thread_set_ticket (self->thread, ticket);
  self->loaded = TRUE;
  gtk_stack_set_visible_child_name (self->thread_stack, "thread");
  update_state (self);
}

static void
on_ticket_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanTicket) ticket = NULL;
  SanTicketView *self;

  ticket = san_client_get_ticket_finish (SAN_CLIENT (object), result, &error);
  if (ticket == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = SAN_TICKET_VIEW (user_data);
  if (ticket == NULL)
    {
      if (!self->loaded)
        {
          adw_status_page_set_description (self->thread_error_page, error->message);
          gtk_stack_set_visible_child_name (self->thread_stack, "error");
        }
      else
        {
          g_autofree char *title = NULL;

          /* Translators: %s is the reason */
          title = g_strdup_printf (_("Could not load the ticket: %s"), error->message);
          san_ui_add_toast (GTK_WIDGET (self), title, 5);
        }
      return;
    }
  set_ticket (self, ticket);
}

static void
load (SanTicketView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->ticket == NULL || self->client == NULL || self->contract == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  if (!self->loaded)
    gtk_stack_set_visible_child_name (self->thread_stack, "loading");
  san_client_get_ticket_async (self->client,
                               san_contract_get_id (self->contract),
                               san_ticket_get_id (self->ticket),
                               self->cancellable,
                               on_ticket_loaded_cb,
                               self);
}

/* Sending a reply */

typedef struct
{
  GWeakRef  view;
  char     *ticket_id;
  char     *key;       /* the draft to delete once sent */
} SendJob;

static void
send_job_free (SendJob *job)
{
  g_weak_ref_clear (&job->view);
  g_free (job->ticket_id);
  g_free (job->key);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SendJob, send_job_free)

static void
on_stale_draft_deleted_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!san_drafts_delete_finish (result, &error))
    g_warning ("Could not delete a sent draft: %s", error->message);
}

static void
on_reply_sent_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(SendJob) job = user_data;
  g_autoptr(SanTicketView) self = g_weak_ref_get (&job->view);
  g_autoptr(SanTicket) ticket = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean same;

  ticket = san_client_reply_ticket_finish (SAN_CLIENT (object), result, &error);
  if (ticket == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* the view is going; the draft stays for next time */

  same = self != NULL && self->ticket != NULL &&
         g_strcmp0 (san_ticket_get_id (self->ticket), job->ticket_id) == 0;

  if (ticket != NULL)
    {
      /* Sent: now, and only now, the draft goes */
      if (same)
        san_draft_saver_discard (self->saver);
      else if (job->key != NULL)
        san_drafts_delete_async (job->key, NULL, on_stale_draft_deleted_cb, NULL);
    }
  if (self == NULL)
    return;

  self->sending = FALSE;
  if (ticket == NULL)
    {
      if (same)
        {
          const char *body = san_api_error_get_field_message (error, "body");
          const char *files = san_api_error_get_field_message (error, "attachments");

          if (body != NULL)
            show_body_error (self, body);
          if (files != NULL || g_error_matches (error, SAN_API_ERROR, SAN_API_ERROR_PAYLOAD_TOO_LARGE) ||
              g_error_matches (error, SAN_API_ERROR, SAN_API_ERROR_UNSUPPORTED_MEDIA_TYPE))
            san_ticket_attachments_set_message (self->attachments, files != NULL ? files : error->message);
          /* Translators: %s is the reason; the text stays in the box */
          message = g_strdup_printf (_("Your reply was not sent: %s"), error->message);
          show_send_error (self, message);
        }
      update_state (self);
      return;
    }

  if (same)
    {
      clear_reply (self);
      set_ticket (self, ticket);
      san_ticket_thread_scroll_to_end (self->thread);
    }
  san_ui_add_toast (GTK_WIDGET (self), _("Reply sent"), 3);
  update_state (self);
  g_signal_emit (self, signals[TICKET_UPDATED], 0, ticket);
}

static void
send_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SanTicketView *self = SAN_TICKET_VIEW (widget);
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  SendJob *job;

  if (self->ticket == NULL || self->client == NULL || self->sending)
    return;

  gtk_text_buffer_get_bounds (reply_buffer (self), &start, &end);
  text = gtk_text_buffer_get_text (reply_buffer (self), &start, &end, FALSE);
  show_body_error (self, NULL);
  show_send_error (self, NULL);
  if (blank (text))
    {
      show_body_error (self, _("Write your reply first."));
      return;
    }
  if (!san_ticket_attachments_check (self->attachments, &error))
    return;   /* the attachments say why */
  san_ticket_attachments_set_message (self->attachments, NULL);

  /* What is sent is on disk first: a crash while sending loses nothing */
  san_draft_saver_flush (self->saver);

  job = g_new0 (SendJob, 1);
  g_weak_ref_init (&job->view, self);
  job->ticket_id = g_strdup (san_ticket_get_id (self->ticket));
  job->key = draft_key (self, self->ticket);
  files = san_ticket_attachments_dup_files (self->attachments);
  self->sending = TRUE;
  update_state (self);
  san_client_reply_ticket_async (self->client,
                                 san_contract_get_id (self->contract),
                                 job->ticket_id,
                                 text,
                                 files,
                                 self->action_cancellable,
                                 on_reply_sent_cb,
                                 job);
}

/* Closing */

static void
on_ticket_closed_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(SanTicket) ticket = NULL;
  g_autoptr(GError) error = NULL;
  SanTicketView *self;

  ticket = san_client_close_ticket_finish (SAN_CLIENT (object), result, &error);
  if (ticket == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = SAN_TICKET_VIEW (user_data);
  self->closing = FALSE;
  if (ticket == NULL)
    {
      g_autofree char *title = NULL;

      /* Translators: %s is the reason */
      title = g_strdup_printf (_("Could not close the ticket: %s"), error->message);
      san_ui_add_toast (GTK_WIDGET (self), title, 0);
      update_state (self);
      if (g_error_matches (error, SAN_API_ERROR, SAN_API_ERROR_CONFLICT))
        load (self);   /* closed elsewhere: show it as it is */
      return;
    }

  if (self->ticket != NULL && g_strcmp0 (san_ticket_get_id (self->ticket),
                                         san_ticket_get_id (ticket)) == 0)
    set_ticket (self, ticket);
  san_ui_add_toast (GTK_WIDGET (self), _("Ticket closed"), 3);
  update_state (self);
  g_signal_emit (self, signals[TICKET_UPDATED], 0, ticket);
}

static void
on_close_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      SanTicketView    *self)
{
  if (g_strcmp0 (response, "close") != 0 || self->ticket == NULL || self->client == NULL)
    return;
  self->closing = TRUE;
  update_state (self);
  san_client_close_ticket_async (self->client,
                                 san_contract_get_id (self->contract),
                                 san_ticket_get_id (self->ticket),
                                 self->action_cancellable,
                                 on_ticket_closed_cb,
                                 self);
}

static void
close_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SanTicketView *self = SAN_TICKET_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (self->ticket == NULL)
    return;

  /* Translators: %s is a ticket number like "#2026-0042" */
  heading = g_strdup_printf (_("Close Ticket %s?"), san_ticket_get_number (self->ticket));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("Close it when your issue is solved. If you need help with it "
                                     "again, reply to it and it reopens."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "close", _("C_lose Ticket"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reload_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  load (SAN_TICKET_VIEW (widget));
}

/* Saving an attachment */

typedef struct
{
  GWeakRef  view;
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
toast_save_error (SanTicketView *self,
                  GFile         *file,
                  const GError  *error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = NULL;

  /* Translators: a file name, then the reason */
  title = g_strdup_printf (_("Could not save %s: %s"), name, error->message);
  san_ui_add_toast (GTK_WIDGET (self), title, 0);
}

static void
on_attachment_written_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(SaveJob) job = user_data;
  g_autoptr(SanTicketView) self = g_weak_ref_get (&job->view);
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
  san_ui_add_toast (GTK_WIDGET (self), title, 3);
}

static void
on_attachment_downloaded_cb (GObject      *object,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  g_autoptr(SaveJob) job = user_data;
  g_autoptr(SanTicketView) self = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GFile *file;

  bytes = san_client_download_attachment_finish (SAN_CLIENT (object), result, NULL, &error);
  if (bytes == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = g_weak_ref_get (&job->view);
  if (self == NULL)
    return;
  if (bytes == NULL)
    {
      toast_save_error (self, job->file, error);
      return;
    }

  file = job->file;
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       self->action_cancellable,
                                       on_attachment_written_cb,
                                       g_steal_pointer (&job));
}

static void
close_chooser (SanTicketView *self)
{
  if (self->chooser == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->chooser, self);
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->chooser_attachment);
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        SanTicketView   *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(SanAttachment) attachment = g_steal_pointer (&self->chooser_attachment);
  g_autoptr(GtkFileChooserNative) owned = g_steal_pointer (&self->chooser);

  g_signal_handlers_disconnect_by_data (chooser, self);
  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL && attachment != NULL)
    san_ticket_view_save_attachment (self, attachment, file);
}

/* A name from the server, made safe as a file name */
static char *
safe_file_name (const char *name)
{
  g_autofree char *base = g_path_get_basename (name != NULL && name[0] != '\0' ? name : "anexo");
  char *safe = g_utf8_make_valid (base, -1);

  g_strdelimit (safe, "/\\:", '_');
  if (safe[0] == '.')
    safe[0] = '_';
  return safe;
}

static void
on_thread_attachment_activated_cb (SanTicketView   *self,
                                   SanAttachment   *attachment,
                                   SanTicketThread *thread)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *name = safe_file_name (san_attachment_get_filename (attachment));

  close_chooser (self);
  self->chooser = gtk_file_chooser_native_new (_("Save Attachment"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  self->chooser_attachment = g_object_ref (attachment);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Callbacks */

static void
on_buffer_changed_cb (SanTicketView *self,
                      GtkTextBuffer *buffer)
{
  if (self->send_button == NULL)
    return;   /* disposing */
  show_body_error (self, NULL);
  draft_changed (self);
  update_state (self);
}

static void
on_attachments_changed_cb (SanTicketView        *self,
                           SanTicketAttachments *attachments)
{
  if (self->send_button == NULL)
    return;   /* disposing */
  draft_changed (self);
}

static void
on_attachments_ready_cb (SanTicketView *self)
{
  if (self->send_button == NULL)
    return;
  update_state (self);
}

static void
on_saver_busy_cb (SanTicketView *self)
{
  if (self->send_button == NULL)
    return;
  update_draft_label (self);
}

/* GObject */

static void
san_ticket_view_dispose (GObject *object)
{
  SanTicketView *self = SAN_TICKET_VIEW (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->action_cancellable);
  g_clear_object (&self->action_cancellable);
  g_cancellable_cancel (self->draft_cancellable);
  g_clear_object (&self->draft_cancellable);
  close_chooser (self);
  /* What was typed in the last half second is written now */
  if (self->saver != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->saver, self);
      san_draft_saver_flush (self->saver);
    }
  g_clear_object (&self->saver);
  if (self->reply_view != NULL)
    g_signal_handlers_disconnect_by_data (reply_buffer (self), self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SAN_TYPE_TICKET_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->ticket);
  g_clear_object (&self->services);
  g_clear_object (&self->client);
  g_clear_object (&self->contract);

  G_OBJECT_CLASS (san_ticket_view_parent_class)->dispose (object);
}

static void
san_ticket_view_class_init (SanTicketViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = san_ticket_view_dispose;

  signals[TICKET_UPDATED] =
    g_signal_new ("ticket-updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SAN_TYPE_TICKET);

  g_type_ensure (SAN_TYPE_TICKET_THREAD);
  g_type_ensure (SAN_TYPE_TICKET_ATTACHMENTS);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/saninternet/ClientArea/ui/san-ticket-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SanTicketView, number_label);
  gtk_widget_class_bind_template_child (widget_class, SanTicketView, subject_label);
  gtk_widget_class_bind_template_child (widget_class, SanTicketView, close_button);
  gtk_widget_class_bind_template_child (widget_class, SanTicketView, status_label);
  gtk_widget_class_bind_template_child (widget_class, SanTicketView, details_label);
  gtk_widget_class_bind_template_child (widget_class, SanTicketView, thread_stack);
  gtk_widget_class_bind_template_child (widget_class, SanTicketView, thread_error_page);
  gtk_widget_class_bind_template_child (widget_class, SanTicketView, thread);
  gtk_widget_class_bind_template_child (widget_class, SanTicketView, closed_label);
  gtk_widget_class_bind_template_child (widget_class, SanTicketView, placeholder_label);
  gtk_widget_class_bind_template_child (widget_class, SanTicketView, reply_view);
  gtk_widget_class_bind_template_child (widget_class, SanTicketView, body_error_label);
  gtk_widget_class_bind_template_child (widget_class, SanTicketView, attachments);
  gtk_widget_class_bind_template_child (widget_class, SanTicketView, send_error_box);
  gtk_widget_class_bind_template_child (widget_class, SanTicketView, send_error_label);
  gtk_widget_class_bind_template_child (widget_class, SanTicketView, draft_label);
  gtk_widget_class_bind_template_child (widget_class, SanTicketView, send_spinner);
  gtk_widget_class_bind_template_child (widget_class, SanTicketView, send_button);
  gtk_widget_class_bind_template_callback (widget_class, on_thread_attachment_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_attachments_changed_cb);

  gtk_widget_class_install_action (widget_class, "ticket.send", NULL, send_action_cb);
  gtk_widget_class_install_action (widget_class, "ticket.close", NULL, close_action_cb);
  gtk_widget_class_install_action (widget_class, "ticket.reload", NULL, reload_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                      "ticket.send", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
san_ticket_view_init (SanTicketView *self)
{
  self->action_cancellable = g_cancellable_new ();
  self->draft_cancellable = g_cancellable_new ();
  self->saver = san_draft_saver_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->saver, "notify::busy", G_CALLBACK (on_saver_busy_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (reply_buffer (self), "changed", G_CALLBACK (on_buffer_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->attachments, "notify::ready", G_CALLBACK (on_attachments_ready_cb),
                           self, G_CONNECT_SWAPPED);
  san_ticket_attachments_add_drop_target (self->attachments, GTK_WIDGET (self));
  update_state (self);
}

void
san_ticket_view_set_context (SanTicketView *self,
                             SanClient     *client,
                             SanContract   *contract,
                             GListModel    *services)
{
  g_return_if_fail (SAN_IS_TICKET_VIEW (self));
  g_return_if_fail (client == NULL || SAN_IS_CLIENT (client));
  g_return_if_fail (contract == NULL || SAN_IS_CONTRACT (contract));
  g_return_if_fail (services == NULL || G_IS_LIST_MODEL (services));

  if (self->client != client || self->contract != contract)
    {
      san_ticket_view_show_ticket (self, NULL);
      /* Nothing of the last contract may land on this one's screen */
      g_cancellable_cancel (self->action_cancellable);
      g_clear_object (&self->action_cancellable);
      self->action_cancellable = g_cancellable_new ();
    }
  g_set_object (&self->client, client);
  g_set_object (&self->contract, contract);
  g_set_object (&self->services, services);
  update_state (self);
}

void
san_ticket_view_show_ticket (SanTicketView *self,
                             SanTicket     *ticket)
{
  gboolean same;

  g_return_if_fail (SAN_IS_TICKET_VIEW (self));
  g_return_if_fail (ticket == NULL || SAN_IS_TICKET (ticket));

  same = ticket != NULL && self->ticket != NULL &&
         g_strcmp0 (san_ticket_get_id (ticket), san_ticket_get_id (self->ticket)) == 0;
  if (same)
    {
      load (self);
      return;
    }

  /* Another ticket: the reply being written is saved as it is, then the
   * box shows this ticket's draft */
  san_draft_saver_flush (self->saver);
  close_chooser (self);
  g_cancellable_cancel (self->draft_cancellable);
  g_clear_object (&self->draft_cancellable);
  self->draft_cancellable = g_cancellable_new ();
  /* A reply on its way to another ticket goes on (it holds no reference
   * to what is shown) */
  self->sending = FALSE;
  self->closing = FALSE;
  san_draft_saver_set_key (self->saver, NULL);
  clear_reply (self);

  g_set_object (&self->ticket, ticket);
  self->loaded = FALSE;
  san_ticket_thread_set_ticket (self->thread, NULL);
  update_state (self);
  if (ticket == NULL)
    {
      g_cancellable_cancel (self->cancellable);
      return;
    }
  load_draft (self);
  load (self);
}

SanTicket *
san_ticket_view_get_ticket (SanTicketView *self)
{
  g_return_val_if_fail (SAN_IS_TICKET_VIEW (self), NULL);

  return self->ticket;
}

void
san_ticket_view_reload (SanTicketView *self)
{
  g_return_if_fail (SAN_IS_TICKET_VIEW (self));

  load (self);
}

void
san_ticket_view_save_attachment (SanTicketView *self,
                                 SanAttachment *attachment,
                                 GFile         *file)
{
  SaveJob *job;

  g_return_if_fail (SAN_IS_TICKET_VIEW (self));
  g_return_if_fail (SAN_IS_ATTACHMENT (attachment));
  g_return_if_fail (G_IS_FILE (file));

  if (self->client == NULL || self->contract == NULL)
    return;

  job = g_new0 (SaveJob, 1);
  g_weak_ref_init (&job->view, self);
  job->file = g_object_ref (file);
  san_client_download_attachment_async (self->client,
                                        san_contract_get_id (self->contract),
                                        san_attachment_get_id (attachment),
                                        self->action_cancellable,
                                        on_attachment_downloaded_cb,
                                        job);
}

char *
san_ticket_view_dup_reply_text (SanTicketView *self)
{
  GtkTextIter start, end;

  g_return_val_if_fail (SAN_IS_TICKET_VIEW (self), NULL);

  gtk_text_buffer_get_bounds (reply_buffer (self), &start, &end);
  return gtk_text_buffer_get_text (reply_buffer (self), &start, &end, FALSE);
}

void
san_ticket_view_set_reply_text (SanTicketView *self,
                                const char    *text)
{
  g_return_if_fail (SAN_IS_TICKET_VIEW (self));

  gtk_text_buffer_set_text (reply_buffer (self), text != NULL ? text : "", -1);
}

gboolean
san_ticket_view_get_draft_saving (SanTicketView *self)
{
  g_return_val_if_fail (SAN_IS_TICKET_VIEW (self), FALSE);

  return san_draft_saver_get_busy (self->saver);
}
