/* san-new-ticket-form.c: opening a ticket: department, service, priority, subject, message and files
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "san-drafts.h"
#include "san-incident-banner.h"
#include "san-new-ticket-form.h"
#include "san-service-labels.h"
#include "san-ticket-attachments.h"

struct _SanNewTicketForm
{
  GtkWidget             parent_instance;

  SanClient            *client;
  SanContract          *contract;
  GListModel           *services;
  GListStore           *departments;
  GPtrArray            *service_ids;       /* the service row's items: NULL, then ids */
  GCancellable         *cancellable;       /* loading departments and the draft */
  GCancellable         *send_cancellable;
  SanDraftSaver        *saver;
  SanDraft             *pending_draft;     /* read, waiting for the departments */
  guint                 departments_loaded : 1;
  guint                 departments_loading : 1;
  guint                 draft_loading : 1;
  guint                 restoring : 1;
  guint                 edited : 1;
  guint                 sending : 1;

  SanIncidentBanner    *incident_banner;
  GtkWidget            *load_error_box;
  GtkLabel             *load_error_label;
  AdwComboRow          *department_row;
  AdwComboRow          *service_row;
  AdwComboRow          *priority_row;
  AdwEntryRow          *subject_row;
  GtkLabel             *fields_error_label;
  GtkLabel             *placeholder_label;
  GtkWidget            *body_scrolled;
  GtkTextView          *body_view;
  GtkLabel             *body_error_label;
  SanTicketAttachments *attachments;
  GtkWidget            *send_error_box;
  GtkLabel             *send_error_label;
  GtkLabel             *draft_label;
  GtkSpinner           *send_spinner;
  GtkWidget            *send_button;
};

enum {
  OPENED,
  CANCELLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SanNewTicketForm, san_new_ticket_form, GTK_TYPE_WIDGET)

static const SanTicketPriority priorities[] = {
  SAN_TICKET_PRIORITY_LOW, SAN_TICKET_PRIORITY_MEDIUM, SAN_TICKET_PRIORITY_HIGH,
};

static GtkTextBuffer *
body_buffer (SanNewTicketForm *self)
{
  return gtk_text_view_get_buffer (self->body_view);
}

static char *
body_text (SanNewTicketForm *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (body_buffer (self), &start, &end);
  return gtk_text_buffer_get_text (body_buffer (self), &start, &end, FALSE);
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
draft_key (SanNewTicketForm *self)
{
  const char *user;

  if (self->client == NULL || self->contract == NULL)
    return NULL;
  user = san_client_get_email (self->client);
  if (user == NULL)
    return NULL;
  return san_drafts_key (san_client_get_base_uri (self->client), user,
                         san_contract_get_id (self->contract), NULL);
}

static SanDepartment *
selected_department (SanNewTicketForm *self)
{
  return adw_combo_row_get_selected_item (self->department_row);
}

static const char *
selected_service_id (SanNewTicketForm *self)
{
  guint selected = adw_combo_row_get_selected (self->service_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->service_ids->len)
    return NULL;
  return g_ptr_array_index (self->service_ids, selected);
}

static SanTicketPriority
selected_priority (SanNewTicketForm *self)
{
  guint selected = adw_combo_row_get_selected (self->priority_row);

  return selected < G_N_ELEMENTS (priorities) ? priorities[selected] : SAN_TICKET_PRIORITY_MEDIUM;
}

/* State */

static void
update_draft_label (SanNewTicketForm *self)
{
  if (san_draft_saver_get_busy (self->saver))
    gtk_label_set_label (self->draft_label, _("Saving draft…"));
  else if (san_draft_saver_get_failed (self->saver))
    gtk_label_set_label (self->draft_label, _("Could not save the draft on this computer: don’t close until it is sent"));
  else if (self->edited)
    gtk_label_set_label (self->draft_label, _("Draft saved on this computer"));
  else
    gtk_label_set_label (self->draft_label, "");
}

static void
update_state (SanNewTicketForm *self)
{
  g_autofree char *text = body_text (self);
  gboolean usable = self->departments_loaded && !self->sending;

  gtk_widget_set_visible (GTK_WIDGET (self->placeholder_label), text[0] == '\0');
  gtk_widget_set_sensitive (GTK_WIDGET (self->department_row), usable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->service_row), !self->sending);
  gtk_widget_set_sensitive (GTK_WIDGET (self->priority_row), !self->sending);
  gtk_editable_set_editable (GTK_EDITABLE (self->subject_row), !self->sending);
  gtk_text_view_set_editable (self->body_view, !self->sending);
  gtk_widget_set_sensitive (GTK_WIDGET (self->attachments), !self->sending);
  gtk_widget_set_visible (GTK_WIDGET (self->send_spinner), self->sending);
  gtk_spinner_set_spinning (self->send_spinner, self->sending);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "new-ticket.send",
                                 usable && self->client != NULL &&
                                 san_ticket_attachments_get_ready (self->attachments));
  update_draft_label (self);
}

static void
show_send_error (SanNewTicketForm *self,
                 const char       *message)
{
  gtk_label_set_label (self->send_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (self->send_error_box, message != NULL);
}

static void
clear_field_errors (SanNewTicketForm *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->department_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->service_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->priority_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->subject_row), "error");
  gtk_widget_remove_css_class (self->body_scrolled, "error");
  gtk_widget_set_visible (GTK_WIDGET (self->fields_error_label), FALSE);
  gtk_label_set_label (self->fields_error_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->body_error_label), FALSE);
  gtk_label_set_label (self->body_error_label, "");
}

/* One field's error: its row turns red and the reason shows under the rows
 * (the message's under the message) */
static void
add_field_error (SanNewTicketForm *self,
                 const char       *field,
                 const char       *message)
{
  struct { const char *field; GtkWidget *row; const char *name; } rows[] = {
    { "department_id", GTK_WIDGET (self->department_row), _("Department") },
    { "service_id", GTK_WIDGET (self->service_row), _("Related Service") },
    { "priority", GTK_WIDGET (self->priority_row), _("Priority") },
    { "subject", GTK_WIDGET (self->subject_row), _("Subject") },
  };
  g_autofree char *line = NULL;
  const char *old;

  if (g_str_equal (field, "body"))
    {
      gtk_widget_add_css_class (self->body_scrolled, "error");
      gtk_label_set_label (self->body_error_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->body_error_label), TRUE);
      return;
    }
  if (g_str_equal (field, "attachments"))
    {
      san_ticket_attachments_set_message (self->attachments, message);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      if (!g_str_equal (rows[i].field, field))
        continue;
      gtk_widget_add_css_class (rows[i].row, "error");
      /* Translators: a field's name and what is wrong with it */
      line = g_strdup_printf (_("%s: %s"), rows[i].name, message);
      old = gtk_label_get_label (self->fields_error_label);
      if (old[0] != '\0')
        {
          g_autofree char *joined = g_strconcat (old, "\n", line, NULL);

          gtk_label_set_label (self->fields_error_label, joined);
        }
      else
        gtk_label_set_label (self->fields_error_label, line);
      gtk_widget_set_visible (GTK_WIDGET (self->fields_error_label), TRUE);
      return;
    }
}

/* Drafts */

static SanDraft *
current_draft (SanNewTicketForm *self)
{
  g_autoptr(SanDraft) draft = san_draft_new ();
  g_auto(GStrv) uris = san_ticket_attachments_dup_uris (self->attachments);
  g_autofree char *text = body_text (self);
  SanDepartment *department = selected_department (self);

  san_draft_set_body (draft, text);
  san_draft_set_subject (draft, gtk_editable_get_text (GTK_EDITABLE (self->subject_row)));
  san_draft_set_department_id (draft, department != NULL ? san_department_get_id (department) : NULL);
  san_draft_set_service_id (draft, selected_service_id (self));
  san_draft_set_priority (draft, san_ticket_priority_to_wire (selected_priority (self)));
  san_draft_set_attachment_uris (draft, (const char * const *) uris);
  return g_steal_pointer (&draft);
}

static void
select_department (SanNewTicketForm *self,
                   const char       *department_id)
{
  for (guint i = 0; department_id != NULL &&
                    i < g_list_model_get_n_items (G_LIST_MODEL (self->departments)); i++)
    {
      g_autoptr(SanDepartment) department = g_list_model_get_item (G_LIST_MODEL (self->departments), i);

      if (g_strcmp0 (san_department_get_id (department), department_id) == 0)
        {
          adw_combo_row_set_selected (self->department_row, i);
          return;
        }
    }
}

static void
select_service (SanNewTicketForm *self,
                const char       *service_id)
{
  for (guint i = 1; i < self->service_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->service_ids, i), service_id) == 0)
      {
        adw_combo_row_set_selected (self->service_row, i);
        return;
      }
  adw_combo_row_set_selected (self->service_row, 0);
}

static void
reset_fields (SanNewTicketForm *self)
{
  self->restoring = TRUE;
  if (g_list_model_get_n_items (G_LIST_MODEL (self->departments)) > 0)
    adw_combo_row_set_selected (self->department_row, 0);
  adw_combo_row_set_selected (self->service_row, 0);
  adw_combo_row_set_selected (self->priority_row, 1);
  gtk_editable_set_text (GTK_EDITABLE (self->subject_row), "");
  gtk_text_buffer_set_text (body_buffer (self), "", -1);
  san_ticket_attachments_clear (self->attachments);
  self->restoring = FALSE;
  self->edited = FALSE;
  clear_field_errors (self);
  show_send_error (self, NULL);
}

static void
apply_pending_draft (SanNewTicketForm *self)
{
  g_autoptr(SanDraft) draft = NULL;
  SanTicketPriority priority;

  /* The draft waits for the departments it names */
  if (self->pending_draft == NULL || !self->departments_loaded)
    return;
  draft = g_steal_pointer (&self->pending_draft);
  if (self->edited)
    return;   /* typed meanwhile: that wins */

  self->restoring = TRUE;
  select_department (self, san_draft_get_department_id (draft));
  select_service (self, san_draft_get_service_id (draft));
  if (san_draft_get_priority (draft) != NULL &&
      san_ticket_priority_from_wire (san_draft_get_priority (draft), &priority))
    for (guint i = 0; i < G_N_ELEMENTS (priorities); i++)
      if (priorities[i] == priority)
        adw_combo_row_set_selected (self->priority_row, i);
  gtk_editable_set_text (GTK_EDITABLE (self->subject_row),
                         san_draft_get_subject (draft) != NULL ? san_draft_get_subject (draft) : "");
  gtk_text_buffer_set_text (body_buffer (self),
                            san_draft_get_body (draft) != NULL ? san_draft_get_body (draft) : "", -1);
  san_ticket_attachments_set_uris (self->attachments, san_draft_get_attachment_uris (draft));
  self->restoring = FALSE;
  self->edited = TRUE;
  update_state (self);
}

static void
on_draft_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SanDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  SanNewTicketForm *self;

  draft = san_drafts_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = SAN_NEW_TICKET_FORM (user_data);
  self->draft_loading = FALSE;
  if (error != NULL)
    g_warning ("Could not read the new ticket's draft: %s", error->message);
  if (draft == NULL || self->edited)
    {
      update_state (self);
      return;
    }
  g_set_object (&self->pending_draft, draft);
  apply_pending_draft (self);
}

static void
load_draft (SanNewTicketForm *self)
{
  g_autofree char *key = draft_key (self);

  san_draft_saver_set_key (self->saver, key);
  if (key == NULL || self->edited)
    return;
  self->draft_loading = TRUE;
  san_drafts_load_async (key, self->cancellable, on_draft_loaded_cb, self);
}

/* Departments and services */

static void
on_departments_loaded_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GListModel) departments = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  SanNewTicketForm *self;
  guint n;

  departments = san_client_list_departments_finish (SAN_CLIENT (object), result, &error);
  if (departments == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = SAN_NEW_TICKET_FORM (user_data);
  self->departments_loading = FALSE;
  if (departments == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the reason */
      message = g_strdup_printf (_("Could not load the departments: %s"), error->message);
      gtk_label_set_label (self->load_error_label, message);
      gtk_widget_set_visible (self->load_error_box, TRUE);
      update_state (self);
      return;
    }

  gtk_widget_set_visible (self->load_error_box, FALSE);
  n = g_list_model_get_n_items (departments);
  items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (departments, i));
  self->restoring = TRUE;
  g_list_store_splice (self->departments, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->departments)),
                       items->pdata, items->len);
  if (n > 0)
    adw_combo_row_set_selected (self->department_row, 0);
  self->restoring = FALSE;
  self->departments_loaded = TRUE;
  apply_pending_draft (self);
  update_state (self);
}

static void
load_departments (SanNewTicketForm *self)
{
  if (self->client == NULL || self->departments_loaded || self->departments_loading)
    return;
  self->departments_loading = TRUE;
  san_client_list_departments_async (self->client, self->cancellable,
                                     on_departments_loaded_cb, self);
}

static void
fill_services (SanNewTicketForm *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *kept = g_strdup (selected_service_id (self));
  gboolean was_restoring = self->restoring;

  g_ptr_array_set_size (self->service_ids, 0);
  gtk_string_list_append (labels, C_("related service", "None"));
  g_ptr_array_add (self->service_ids, NULL);
  for (guint i = 0; self->services != NULL && i < g_list_model_get_n_items (self->services); i++)
    {
      g_autoptr(SanService) service = g_list_model_get_item (self->services, i);
      g_autofree char *subtitle = san_service_dup_subtitle (service);
      g_autofree char *label = NULL;

      /* Translators: a service's title and what it is, like "loja.com.br (Cloud · 4 GB)" */
      label = g_strdup_printf (_("%s (%s)"), san_service_get_title (service), subtitle);
      gtk_string_list_append (labels, label);
      g_ptr_array_add (self->service_ids, g_strdup (san_service_get_id (service)));
    }

  self->restoring = TRUE;
  adw_combo_row_set_model (self->service_row, G_LIST_MODEL (labels));
  select_service (self, kept);
  self->restoring = was_restoring;
}

/* Sending */

static void
on_ticket_opened_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(SanTicket) ticket = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  SanNewTicketForm *self;

  ticket = san_client_open_ticket_finish (SAN_CLIENT (object), result, &error);
  if (ticket == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone; the draft stays */

  self = SAN_NEW_TICKET_FORM (user_data);
  self->sending = FALSE;
  if (ticket == NULL)
    {
      const char * const *fields = san_api_error_get_fields (error);

      for (guint i = 0; fields[i] != NULL; i++)
        {
          const char *field_error = san_api_error_get_field_message (error, fields[i]);

          add_field_error (self, fields[i], field_error != NULL ? field_error : error->message);
        }
      if (g_error_matches (error, SAN_API_ERROR, SAN_API_ERROR_PAYLOAD_TOO_LARGE) ||
          g_error_matches (error, SAN_API_ERROR, SAN_API_ERROR_UNSUPPORTED_MEDIA_TYPE))
        san_ticket_attachments_set_message (self->attachments, error->message);
      /* Translators: %s is the reason; what was typed stays in the form */
      message = g_strdup_printf (_("The ticket was not opened: %s"), error->message);
      show_send_error (self, message);
      update_state (self);
      return;
    }

  /* Opened: now, and only now, the draft goes */
  san_draft_saver_discard (self->saver);
  reset_fields (self);
  update_state (self);
  g_signal_emit (self, signals[OPENED], 0, ticket);
}

static void
send_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SanNewTicketForm *self = SAN_NEW_TICKET_FORM (widget);
  g_autofree char *text = body_text (self);
  g_autofree char *subject = NULL;
  g_autoptr(GListModel) files = NULL;
  SanDepartment *department = selected_department (self);
  gboolean ok = TRUE;

  if (self->sending || self->client == NULL || self->contract == NULL)
    return;

  clear_field_errors (self);
  show_send_error (self, NULL);
  subject = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->subject_row))));
  if (department == NULL)
    {
      add_field_error (self, "department_id", _("Choose the department."));
      ok = FALSE;
    }
  if (subject[0] == '\0')
    {
      add_field_error (self, "subject", _("Write a subject."));
      ok = FALSE;
    }
  if (blank (text))
    {
      add_field_error (self, "body", _("Describe what you need."));
      ok = FALSE;
    }
  if (!san_ticket_attachments_check (self->attachments, NULL))
    ok = FALSE;
  if (!ok)
    return;
  san_ticket_attachments_set_message (self->attachments, NULL);

  /* What is sent is on disk first: a crash while sending loses nothing */
  san_draft_saver_flush (self->saver);

  files = san_ticket_attachments_dup_files (self->attachments);
  self->sending = TRUE;
  update_state (self);
  san_client_open_ticket_async (self->client,
                                san_contract_get_id (self->contract),
                                san_department_get_id (department),
                                selected_service_id (self),
                                selected_priority (self),
                                subject,
                                text,
                                files,
                                self->send_cancellable,
                                on_ticket_opened_cb,
                                self);
}

static void
cancel_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SanNewTicketForm *self = SAN_NEW_TICKET_FORM (widget);

  san_draft_saver_flush (self->saver);
  g_signal_emit (self, signals[CANCELLED], 0);
}

static void
reload_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  load_departments (SAN_NEW_TICKET_FORM (widget));
}

/* Callbacks */

static void
on_field_changed_cb (SanNewTicketForm *self)
{
  g_autoptr(SanDraft) draft = NULL;

  if (self->send_button == NULL)
    return;   /* disposing */
  if (!self->restoring)
    {
      /* What was wrong is checked again at the next send */
      clear_field_errors (self);
      self->edited = TRUE;
      draft = current_draft (self);
      san_draft_saver_changed (self->saver, draft);
    }
  update_state (self);
}

static void
on_body_changed_cb (SanNewTicketForm *self)
{
  if (self->send_button == NULL)
    return;
  on_field_changed_cb (self);
}

static void
on_attachments_ready_cb (SanNewTicketForm *self)
{
  if (self->send_button == NULL)
    return;
  update_state (self);
}

static void
on_saver_busy_cb (SanNewTicketForm *self)
{
  if (self->send_button == NULL)
    return;
  update_draft_label (self);
}

/* GObject */

static void
san_new_ticket_form_dispose (GObject *object)
{
  SanNewTicketForm *self = SAN_NEW_TICKET_FORM (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->send_cancellable);
  g_clear_object (&self->send_cancellable);
  if (self->saver != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->saver, self);
      san_draft_saver_flush (self->saver);
    }
  g_clear_object (&self->saver);
  if (self->body_view != NULL)
    g_signal_handlers_disconnect_by_data (body_buffer (self), self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SAN_TYPE_NEW_TICKET_FORM);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->pending_draft);
  g_clear_object (&self->departments);
  g_clear_object (&self->services);
  g_clear_object (&self->client);
  g_clear_object (&self->contract);

  G_OBJECT_CLASS (san_new_ticket_form_parent_class)->dispose (object);
}

static void
san_new_ticket_form_finalize (GObject *object)
{
  SanNewTicketForm *self = SAN_NEW_TICKET_FORM (object);

  g_ptr_array_unref (self->service_ids);

  G_OBJECT_CLASS (san_new_ticket_form_parent_class)->finalize (object);
}

static void
san_new_ticket_form_class_init (SanNewTicketFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = san_new_ticket_form_dispose;
  object_class->finalize = san_new_ticket_form_finalize;

  signals[OPENED] =
    g_signal_new ("opened", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SAN_TYPE_TICKET);
  signals[CANCELLED] =
    g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (SAN_TYPE_TICKET_ATTACHMENTS);
  g_type_ensure (SAN_TYPE_INCIDENT_BANNER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/saninternet/ClientArea/ui/san-new-ticket-form.ui");
  gtk_widget_class_bind_template_child (widget_class, SanNewTicketForm, incident_banner);
  gtk_widget_class_bind_template_child (widget_class, SanNewTicketForm, load_error_box);
  gtk_widget_class_bind_template_child (widget_class, SanNewTicketForm, load_error_label);
  gtk_widget_class_bind_template_child (widget_class, SanNewTicketForm, department_row);
  gtk_widget_class_bind_template_child (widget_class, SanNewTicketForm, service_row);
  gtk_widget_class_bind_template_child (widget_class, SanNewTicketForm, priority_row);
  gtk_widget_class_bind_template_child (widget_class, SanNewTicketForm, subject_row);
  gtk_widget_class_bind_template_child (widget_class, SanNewTicketForm, fields_error_label);
  gtk_widget_class_bind_template_child (widget_class, SanNewTicketForm, placeholder_label);
  gtk_widget_class_bind_template_child (widget_class, SanNewTicketForm, body_scrolled);
  gtk_widget_class_bind_template_child (widget_class, SanNewTicketForm, body_view);
  gtk_widget_class_bind_template_child (widget_class, SanNewTicketForm, body_error_label);
  gtk_widget_class_bind_template_child (widget_class, SanNewTicketForm, attachments);
  gtk_widget_class_bind_template_child (widget_class, SanNewTicketForm, send_error_box);
  gtk_widget_class_bind_template_child (widget_class, SanNewTicketForm, send_error_label);
  gtk_widget_class_bind_template_child (widget_class, SanNewTicketForm, draft_label);
  gtk_widget_class_bind_template_child (widget_class, SanNewTicketForm, send_spinner);
  gtk_widget_class_bind_template_child (widget_class, SanNewTicketForm, send_button);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);

  gtk_widget_class_install_action (widget_class, "new-ticket.send", NULL, send_action_cb);
  gtk_widget_class_install_action (widget_class, "new-ticket.cancel", NULL, cancel_action_cb);
  gtk_widget_class_install_action (widget_class, "new-ticket.reload", NULL, reload_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                      "new-ticket.send", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
san_new_ticket_form_init (SanNewTicketForm *self)
{
  g_autoptr(GtkExpression) name = NULL;

  self->departments = g_list_store_new (SAN_TYPE_DEPARTMENT);
  self->service_ids = g_ptr_array_new_with_free_func (g_free);
  self->cancellable = g_cancellable_new ();
  self->send_cancellable = g_cancellable_new ();
  self->saver = san_draft_saver_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  name = gtk_property_expression_new (SAN_TYPE_DEPARTMENT, NULL, "name");
  self->restoring = TRUE;
  adw_combo_row_set_expression (self->department_row, name);
  adw_combo_row_set_model (self->department_row, G_LIST_MODEL (self->departments));
  fill_services (self);
  self->restoring = FALSE;

  g_signal_connect_object (self->saver, "notify::busy", G_CALLBACK (on_saver_busy_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (body_buffer (self), "changed", G_CALLBACK (on_body_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->attachments, "notify::ready", G_CALLBACK (on_attachments_ready_cb),
                           self, G_CONNECT_SWAPPED);
  /* Files dropped anywhere on the form are attached */
  san_ticket_attachments_add_drop_target (self->attachments, GTK_WIDGET (self));
  update_state (self);
}

void
san_new_ticket_form_set_context (SanNewTicketForm *self,
                                 SanClient        *client,
                                 SanContract      *contract,
                                 GListModel       *services)
{
  g_return_if_fail (SAN_IS_NEW_TICKET_FORM (self));
  g_return_if_fail (client == NULL || SAN_IS_CLIENT (client));
  g_return_if_fail (contract == NULL || SAN_IS_CONTRACT (contract));
  g_return_if_fail (services == NULL || G_IS_LIST_MODEL (services));

  if (self->client != client || self->contract != contract)
    {
      /* Another contract (or user): its own draft; this one is saved */
      san_draft_saver_flush (self->saver);
      san_draft_saver_set_key (self->saver, NULL);
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      self->cancellable = g_cancellable_new ();
      g_cancellable_cancel (self->send_cancellable);
      g_clear_object (&self->send_cancellable);
      self->send_cancellable = g_cancellable_new ();
      self->sending = FALSE;
      self->departments_loading = FALSE;
      self->draft_loading = FALSE;
      g_clear_object (&self->pending_draft);
      if (self->client != client)
        {
          self->departments_loaded = FALSE;
          g_list_store_remove_all (self->departments);
        }
      reset_fields (self);
    }
  g_set_object (&self->client, client);
  g_set_object (&self->contract, contract);
  g_set_object (&self->services, services);
  fill_services (self);
  update_state (self);
}

void
san_new_ticket_form_start (SanNewTicketForm *self)
{
  g_return_if_fail (SAN_IS_NEW_TICKET_FORM (self));

  load_departments (self);
  if (san_draft_saver_get_key (self->saver) == NULL)
    load_draft (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->subject_row));
  update_state (self);
}

SanTicketAttachments *
san_new_ticket_form_get_attachments (SanNewTicketForm *self)
{
  g_return_val_if_fail (SAN_IS_NEW_TICKET_FORM (self), NULL);

  return self->attachments;
}

char *
san_new_ticket_form_dup_body (SanNewTicketForm *self)
{
  g_return_val_if_fail (SAN_IS_NEW_TICKET_FORM (self), NULL);

  return body_text (self);
}

void
san_new_ticket_form_set_body (SanNewTicketForm *self,
                              const char       *body)
{
  g_return_if_fail (SAN_IS_NEW_TICKET_FORM (self));

  gtk_text_buffer_set_text (body_buffer (self), body != NULL ? body : "", -1);
}

gboolean
san_new_ticket_form_get_draft_saving (SanNewTicketForm *self)
{
  g_return_val_if_fail (SAN_IS_NEW_TICKET_FORM (self), FALSE);

  return san_draft_saver_get_busy (self->saver);
}

gboolean
san_new_ticket_form_get_ready (SanNewTicketForm *self)
{
  g_return_val_if_fail (SAN_IS_NEW_TICKET_FORM (self), FALSE);

  return self->departments_loaded && !self->draft_loading && self->pending_draft == NULL;
}

void
san_new_ticket_form_set_incidents (SanNewTicketForm *self,
                                   GListModel       *incidents)
{
  g_return_if_fail (SAN_IS_NEW_TICKET_FORM (self));

  san_incident_banner_set_incidents (self->incident_banner, incidents);
}
