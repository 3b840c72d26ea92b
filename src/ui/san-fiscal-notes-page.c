/* san-fiscal-notes-page.c: notas fiscais, issued and pending, and the export for the accountant
 *
 * GListStore -> GtkFilterListModel (status) -> GtkNoSelection ->
 * GtkColumnView. A note's files are saved with a GtkFileChooserNative; the
 * export for the accountant runs a SanFiscalExport with its progress above
 * the list.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "san-date.h"
#include "san-fiscal-export.h"
#include "san-fiscal-notes-page.h"
#include "san-money.h"

typedef enum
{
  FILTER_ALL,
  FILTER_ISSUED,
  FILTER_PENDING,
} Filter;

typedef enum
{
  COLUMN_NUMBER,
  COLUMN_INVOICE,
  COLUMN_DATE,
  COLUMN_AMOUNT,
  COLUMN_STATUS,
  COLUMN_ACTIONS,
  N_COLUMNS
} Column;

struct _SanFiscalNotesPage
{
  GtkWidget             parent_instance;

  GCancellable         *cancellable;          /* the load */
  GCancellable         *action_cancellable;   /* saves and issues, until the contract changes */
  SanClient            *client;
  SanContract          *contract;

  GListStore           *store;
  GtkCustomFilter      *filter;
  GtkFilterListModel   *filter_model;
  Filter                status_filter;
  GHashTable           *issuing;              /* ids of the notes being issued */
  gboolean              loading;
  gboolean              loaded;

  /* One file chooser at a time: a note's file, or the export's folder */
  GtkNativeDialog      *chooser;
  char                 *save_note_id;
  SanFiscalNoteFormat   save_format;

  /* The export dialog, while open */
  AdwMessageDialog     *export_dialog;
  AdwComboRow          *export_from_row;
  AdwComboRow          *export_to_row;
  AdwActionRow         *export_folder_row;
  GArray               *export_months;        /* guint year * 12 + month - 1, newest first */
  GFile                *export_folder;

  /* The export running */
  SanFiscalExport      *export;
  GCancellable         *export_cancellable;
  char                 *export_folder_uri;    /* the last one that succeeded */

  GtkDropDown          *filter_dropdown;
  GtkLabel             *count_label;
  GtkWidget            *export_button;
  GtkRevealer          *export_revealer;
  GtkLabel             *export_label;
  GtkProgressBar       *export_progress;
  GtkStack             *notes_stack;
  GtkColumnView        *column_view;
  AdwStatusPage        *notes_empty_page;
  GtkWidget            *show_all_button;
  AdwStatusPage        *notes_error_page;
};

enum {
  LOAD_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SanFiscalNotesPage, san_fiscal_notes_page, GTK_TYPE_WIDGET)

static void
show_toast (SanFiscalNotesPage *self,
            AdwToast           *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay == NULL)
    {
      g_message ("%s", adw_toast_get_title (toast));
      g_object_unref (toast);
      return;
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
show_message (SanFiscalNotesPage *self,
              const char         *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 8);
  show_toast (self, toast);
}

/* "2026/000123", or for a pending note its invoice: "of invoice 2026-000123" */
static char *
dup_note_name (SanFiscalNote *note)
{
  if (san_fiscal_note_get_number (note) != NULL)
    return g_strdup (san_fiscal_note_get_number (note));
  /* Translators: names a pending nota fiscal (it has no number yet) by its invoice */
  return g_strdup_printf (_("of invoice %s"), san_fiscal_note_get_invoice_number (note));
}

static SanFiscalNote *
find_note (SanFiscalNotesPage *self,
           const char         *note_id,
           guint              *out_position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SanFiscalNote) note = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (g_strcmp0 (san_fiscal_note_get_id (note), note_id) == 0)
        {
          if (out_position != NULL)
            *out_position = i;
          return g_steal_pointer (&note);
        }
    }
  return NULL;
}

/* Puts @note in place of the note with its id (its row shows it anew) */
static void
replace_note (SanFiscalNotesPage *self,
              SanFiscalNote      *note)
{
  g_autoptr(SanFiscalNote) old = NULL;
  guint position;

  old = find_note (self, san_fiscal_note_get_id (note), &position);
  if (old != NULL)
    g_list_store_splice (self->store, position, 1, (gpointer *) &note, 1);
}

static gboolean
filter_note (gpointer item,
             gpointer user_data)
{
  SanFiscalNotesPage *self = user_data;
  SanFiscalNoteStatus status = san_fiscal_note_get_status (item);

  switch (self->status_filter)
    {
    case FILTER_ISSUED:
      return status == SAN_FISCAL_NOTE_STATUS_ISSUED;
    case FILTER_PENDING:
      return status == SAN_FISCAL_NOTE_STATUS_PENDING;
    case FILTER_ALL:
    default:
      return TRUE;
    }
}

static guint
count_issued (SanFiscalNotesPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  guint issued = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SanFiscalNote) note = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (san_fiscal_note_get_status (note) == SAN_FISCAL_NOTE_STATUS_ISSUED)
        issued++;
    }
  return issued;
}

static void
update_state (SanFiscalNotesPage *self)
{
  guint n_all = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  guint n_issued = count_issued (self);
  guint n_pending = n_all - n_issued;
  g_autofree char *count = NULL;

  gtk_widget_set_sensitive (self->export_button, n_issued > 0 && self->export == NULL);

  if (self->loaded && n_all > 0)
    {
      if (n_pending > 0)
        {
          /* Translators: how many notas fiscais are issued */
          g_autofree char *issued = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u issued",
                                                                  "%u issued", n_issued),
                                                     n_issued);
          /* Translators: how many notas fiscais wait to be issued */
          g_autofree char *waiting = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u pending",
                                                                   "%u pending", n_pending),
                                                      n_pending);

          /* Translators: "7 issued, 1 pending" */
          count = g_strdup_printf (C_("counts", "%s, %s"), issued, waiting);
        }
      else
        count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u nota fiscal",
                                              "%u notas fiscais", n_issued),
                                 n_issued);
    }
  gtk_label_set_label (self->count_label, count != NULL ? count : "");

  if (!self->loaded)
    {
      if (self->loading || self->contract == NULL)
        gtk_stack_set_visible_child_name (self->notes_stack, "loading");
      return;
    }

  if (n_shown > 0)
    {
      gtk_stack_set_visible_child_name (self->notes_stack, "list");
      return;
    }

  if (n_all > 0 && self->status_filter == FILTER_PENDING)
    {
      adw_status_page_set_title (self->notes_empty_page, _("No Pending Notas Fiscais"));
      adw_status_page_set_description (self->notes_empty_page,
                                       _("Every paid invoice already has its nota fiscal."));
    }
  else if (n_all > 0 && self->status_filter == FILTER_ISSUED)
    {
      adw_status_page_set_title (self->notes_empty_page, _("No Issued Notas Fiscais"));
      adw_status_page_set_description (self->notes_empty_page,
                                       _("The notas fiscais of your payments are still to be issued."));
    }
  else
    {
      adw_status_page_set_title (self->notes_empty_page, _("No Notas Fiscais Yet"));
      adw_status_page_set_description (self->notes_empty_page,
                                       _("A nota fiscal is issued a few days after each invoice is paid."));
    }
  gtk_widget_set_visible (self->show_all_button, n_all > 0);
  gtk_stack_set_visible_child_name (self->notes_stack, "empty");
}

static void
set_status_filter (SanFiscalNotesPage *self,
                   Filter              filter)
{
  GtkFilterChange change;

  if (filter == self->status_filter)
    return;
  if (self->status_filter == FILTER_ALL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (filter == FILTER_ALL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  self->status_filter = filter;
  gtk_filter_changed (GTK_FILTER (self->filter), change);
  update_state (self);
}

/* Loading */

static void
on_notes_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) notes = NULL;
  g_autoptr(GPtrArray) items = NULL;
  SanFiscalNotesPage *self;
  guint n;

  notes = san_client_list_all_fiscal_notes_finish (SAN_CLIENT (object), result, &error);
  if (notes == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = SAN_FISCAL_NOTES_PAGE (user_data);
  self->loading = FALSE;

  if (notes == NULL)
    {
      if (!self->loaded)
        {
          adw_status_page_set_icon_name (self->notes_error_page,
                                         g_error_matches (error, SAN_API_ERROR, SAN_API_ERROR_NETWORK)
                                         ? "network-error-symbolic" : "dialog-error-symbolic");
          adw_status_page_set_description (self->notes_error_page, error->message);
          gtk_stack_set_visible_child_name (self->notes_stack, "error");
        }
      g_signal_emit (self, signals[LOAD_FAILED], 0, error);
      return;
    }

  n = g_list_model_get_n_items (notes);
  items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (notes, i));
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);

  self->loaded = TRUE;
  update_state (self);
}

static void
load (SanFiscalNotesPage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->client == NULL || self->contract == NULL)
    {
      self->loading = FALSE;
      update_state (self);
      return;
    }

  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  update_state (self);
  san_client_list_all_fiscal_notes_async (self->client, san_contract_get_id (self->contract),
                                          self->cancellable, on_notes_loaded_cb, self);
}

/* The list's cells */

static void
on_cell_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *child;

  switch (column)
    {
    case COLUMN_STATUS:
      child = gtk_label_new (NULL);
      gtk_widget_set_halign (child, GTK_ALIGN_START);
      gtk_widget_set_valign (child, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (child, "status-badge");
      break;

    case COLUMN_ACTIONS:
      {
        GtkWidget *pdf = gtk_button_new ();
        GtkWidget *xml = gtk_button_new ();
        GtkWidget *issue = gtk_button_new_with_label (_("Issue Now"));
        GtkWidget *content;

        /* "⤓ PDF", "⤓ XML": short, so the column stays narrow */
        content = adw_button_content_new ();
        adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "folder-download-symbolic");
        adw_button_content_set_label (ADW_BUTTON_CONTENT (content), C_("file format", "PDF"));
        gtk_button_set_child (GTK_BUTTON (pdf), content);
        content = adw_button_content_new ();
        adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "folder-download-symbolic");
        adw_button_content_set_label (ADW_BUTTON_CONTENT (content), C_("file format", "XML"));
        gtk_button_set_child (GTK_BUTTON (xml), content);

        child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
        gtk_widget_set_halign (child, GTK_ALIGN_END);
        gtk_widget_add_css_class (pdf, "flat");
        gtk_widget_add_css_class (xml, "flat");
        gtk_widget_add_css_class (issue, "flat");
        gtk_box_append (GTK_BOX (child), pdf);
        gtk_box_append (GTK_BOX (child), xml);
        gtk_box_append (GTK_BOX (child), issue);
      }
      break;

    case COLUMN_AMOUNT:
      child = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (child), 1);
      gtk_widget_add_css_class (child, "numeric");
      break;

    case COLUMN_NUMBER:
    case COLUMN_INVOICE:
    case COLUMN_DATE:
    case N_COLUMNS:
    default:
      child = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (child), 0);
      gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
      if (column != COLUMN_DATE)
        gtk_widget_add_css_class (child, "numeric");
      break;
    }

  gtk_widget_set_margin_top (child, 6);
  gtk_widget_set_margin_bottom (child, 6);
  gtk_widget_set_margin_start (child, 6);
  gtk_widget_set_margin_end (child, 6);
  gtk_list_item_set_child (item, child);
}

static void
bind_actions (SanFiscalNotesPage *self,
              GtkWidget          *box,
              SanFiscalNote      *note)
{
  GtkWidget *pdf = gtk_widget_get_first_child (box);
  GtkWidget *xml = gtk_widget_get_next_sibling (pdf);
  GtkWidget *issue = gtk_widget_get_next_sibling (xml);
  const char *id = san_fiscal_note_get_id (note);
  gboolean issued = san_fiscal_note_get_status (note) == SAN_FISCAL_NOTE_STATUS_ISSUED;
  gboolean issuing = g_hash_table_contains (self->issuing, id);
  g_autofree char *name = dup_note_name (note);
  g_autofree char *pdf_label = NULL;
  g_autofree char *xml_label = NULL;
  g_autofree char *issue_label = NULL;

  /* The target first: an action name without its target warns */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (pdf), "s", id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (xml), "s", id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (issue), "s", id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (pdf), "fiscal.save-pdf");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (xml), "fiscal.save-xml");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (issue), "fiscal.issue");
  gtk_widget_set_visible (pdf, issued);
  gtk_widget_set_visible (xml, issued);
  gtk_widget_set_visible (issue, !issued);
  gtk_widget_set_sensitive (issue, !issuing);
  gtk_button_set_label (GTK_BUTTON (issue), issuing ? _("Issuing…") : _("Issue Now"));

  /* Translators: %s is a nota fiscal's number */
  pdf_label = g_strdup_printf (_("Save the PDF of nota fiscal %s"), name);
  /* Translators: %s is a nota fiscal's number */
  xml_label = g_strdup_printf (_("Save the XML of nota fiscal %s"), name);
  /* Translators: %s names a pending nota fiscal, "of invoice 2026-000123" */
  issue_label = g_strdup_printf (_("Issue the nota fiscal %s now"), name);
  gtk_widget_set_tooltip_text (pdf, pdf_label);
  gtk_widget_set_tooltip_text (xml, xml_label);
  gtk_widget_set_tooltip_text (issue, _("Issue it now instead of on the scheduled day"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (pdf), GTK_ACCESSIBLE_PROPERTY_LABEL, pdf_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (xml), GTK_ACCESSIBLE_PROPERTY_LABEL, xml_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (issue), GTK_ACCESSIBLE_PROPERTY_LABEL, issue_label, -1);
}

static void
on_actions_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    SanFiscalNotesPage       *self)
{
  bind_actions (self, gtk_list_item_get_child (item), gtk_list_item_get_item (item));
}

static void
on_cell_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  SanFiscalNote *note = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  gboolean issued = san_fiscal_note_get_status (note) == SAN_FISCAL_NOTE_STATUS_ISSUED;

  switch (column)
    {
    case COLUMN_NUMBER:
      gtk_label_set_label (GTK_LABEL (child),
                           issued ? san_fiscal_note_get_number (note) : "—");
      break;

    case COLUMN_INVOICE:
      gtk_label_set_label (GTK_LABEL (child), san_fiscal_note_get_invoice_number (note));
      break;

    case COLUMN_DATE:
      {
        g_autofree char *text = NULL;
        GDate date;

        if (issued && san_fiscal_export_issue_date (note, &date))
          {
            text = san_date_format (&date);
          }
        else if (san_fiscal_note_get_scheduled_for (note) != NULL)
          {
            g_autofree char *scheduled = san_date_format (san_fiscal_note_get_scheduled_for (note));

            /* Translators: %s is a date */
            text = g_strdup_printf (_("Scheduled for %s"), scheduled);
          }
        gtk_label_set_label (GTK_LABEL (child), text != NULL ? text : "—");
      }
      break;

    case COLUMN_AMOUNT:
      {
        g_autofree char *amount = san_money_format_brl (san_fiscal_note_get_amount_cents (note));

        gtk_label_set_label (GTK_LABEL (child), amount);
      }
      break;

    case COLUMN_STATUS:
      gtk_label_set_label (GTK_LABEL (child),
                           issued ? C_("nota fiscal", "Issued") : C_("nota fiscal", "Pending"));
      gtk_widget_remove_css_class (child, issued ? "status-pending" : "status-active");
      gtk_widget_add_css_class (child, issued ? "status-active" : "status-pending");
      break;

    case COLUMN_ACTIONS:   /* on_actions_bind_cb */
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

/* Fixed widths, so that the columns stay put whatever the filter shows;
 * the date column takes the rest */
static void
add_column (SanFiscalNotesPage *self,
            Column              column,
            const char         *title,
            int                 width)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup_cb), GINT_TO_POINTER (column));
  if (column == COLUMN_ACTIONS)
    g_signal_connect (factory, "bind", G_CALLBACK (on_actions_bind_cb), self);
  else
    g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind_cb), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, g_steal_pointer (&factory));
  gtk_column_view_column_set_expand (view_column, width < 0);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (view_column, width);
  gtk_column_view_column_set_resizable (view_column, column != COLUMN_ACTIONS);
  gtk_column_view_append_column (self->column_view, view_column);
}

/* Saving a note's file */

typedef struct
{
  SanFiscalNotesPage  *self;
  GFile               *file;
  char                *name;     /* the note's, for messages */
  SanFiscalNoteFormat  format;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_object (&job->file);
  g_free (job->name);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveJob, save_job_free)

static void
save_failed (SaveJob      *job,
             const GError *error)
{
  g_autofree char *message = NULL;

  if (job->format == SAN_FISCAL_NOTE_FORMAT_PDF)
    /* Translators: the first %s is a nota fiscal's number, the second the reason */
    message = g_strdup_printf (_("Could not save the PDF of nota fiscal %s: %s"),
                               job->name, error->message);
  else
    /* Translators: the first %s is a nota fiscal's number, the second the reason */
    message = g_strdup_printf (_("Could not save the XML of nota fiscal %s: %s"),
                               job->name, error->message);
  show_message (job->self, message);
}

static void
on_note_file_written_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(SaveJob) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;   /* the page may be gone */
      save_failed (job, error);
      return;
    }

  basename = g_file_get_basename (job->file);
  /* Translators: %s is a file name */
  message = g_strdup_printf (_("Saved %s"), basename);
  show_message (job->self, message);
}

static void
on_note_downloaded_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(SaveJob) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  bytes = san_client_download_fiscal_note_finish (SAN_CLIENT (object), result, &error);
  if (bytes == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;   /* the page may be gone */
      save_failed (job, error);
      return;
    }

  g_file_replace_contents_bytes_async (job->file, bytes, NULL, FALSE, G_FILE_CREATE_NONE,
                                       job->self->action_cancellable,
                                       on_note_file_written_cb, job);
  job = NULL;   /* handed to the write */
}

static void
on_save_chooser_response_cb (GtkNativeDialog    *chooser,
                             int                 response,
                             SanFiscalNotesPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *note_id = g_steal_pointer (&self->save_note_id);

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file != NULL && note_id != NULL)
    san_fiscal_notes_page_save_note (self, note_id, self->save_format, file);
}

static void
close_chooser (SanFiscalNotesPage *self)
{
  if (self->chooser == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->chooser, self);
  gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
}

static void
choose_save_file (SanFiscalNotesPage  *self,
                  const char          *note_id,
                  SanFiscalNoteFormat  format)
{
  g_autoptr(SanFiscalNote) note = find_note (self, note_id, NULL);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;

  if (note == NULL || san_fiscal_note_get_status (note) != SAN_FISCAL_NOTE_STATUS_ISSUED)
    return;

  close_chooser (self);
  name = san_fiscal_export_file_name (note, format);
  chooser = gtk_file_chooser_native_new (format == SAN_FISCAL_NOTE_FORMAT_PDF
                                         ? _("Save Nota Fiscal as PDF")
                                         : _("Save Nota Fiscal as XML"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (format == SAN_FISCAL_NOTE_FORMAT_PDF)
    {
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("XML documents"));
      gtk_file_filter_add_mime_type (filter, "application/xml");
      gtk_file_filter_add_mime_type (filter, "text/xml");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  self->chooser = GTK_NATIVE_DIALOG (chooser);
  self->save_note_id = g_strdup (note_id);
  self->save_format = format;
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_chooser_response_cb), self);
  gtk_native_dialog_show (self->chooser);
}

static void
save_pdf_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  choose_save_file (SAN_FISCAL_NOTES_PAGE (widget), g_variant_get_string (parameter, NULL),
                    SAN_FISCAL_NOTE_FORMAT_PDF);
}

static void
save_xml_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  choose_save_file (SAN_FISCAL_NOTES_PAGE (widget), g_variant_get_string (parameter, NULL),
                    SAN_FISCAL_NOTE_FORMAT_XML);
}

/* Issuing a pending note now */

typedef struct
{
  SanFiscalNotesPage *self;
  char               *note_id;
  char               *name;
} IssueJob;

static void
issue_job_free (IssueJob *job)
{
  g_free (job->note_id);
  g_free (job->name);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IssueJob, issue_job_free)

/* Shows the note's row again (its button follows the issuing set) */
static void
refresh_note (SanFiscalNotesPage *self,
              const char         *note_id)
{
  g_autoptr(SanFiscalNote) note = find_note (self, note_id, NULL);

  if (note != NULL)
    replace_note (self, note);
}

static void
on_note_issued_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(IssueJob) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SanFiscalNote) note = NULL;
  g_autofree char *message = NULL;
  SanFiscalNotesPage *self;

  note = san_client_issue_fiscal_note_finish (SAN_CLIENT (object), result, &error);
  if (note == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = job->self;
  g_hash_table_remove (self->issuing, job->note_id);

  if (note == NULL)
    {
      refresh_note (self, job->note_id);
      if (g_error_matches (error, SAN_API_ERROR, SAN_API_ERROR_CONFLICT))
        {
          /* Issued meanwhile (on its day, or elsewhere): show it as it is */
          show_message (self, _("This nota fiscal was already issued."));
          load (self);
          return;
        }
      /* Translators: the first %s names a pending nota fiscal, the second the reason */
      message = g_strdup_printf (_("Could not issue the nota fiscal %s: %s"), job->name,
                                 error->message);
      show_message (self, message);
      return;
    }

  replace_note (self, note);
  update_state (self);
  /* Translators: %s is the new nota fiscal's number */
  message = g_strdup_printf (_("Nota fiscal %s issued"), san_fiscal_note_get_number (note));
  show_message (self, message);
}

static void
issue_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SanFiscalNotesPage *self = SAN_FISCAL_NOTES_PAGE (widget);
  const char *note_id = g_variant_get_string (parameter, NULL);
  g_autoptr(SanFiscalNote) note = find_note (self, note_id, NULL);
  IssueJob *job;

  if (note == NULL || self->client == NULL || self->contract == NULL ||
      san_fiscal_note_get_status (note) != SAN_FISCAL_NOTE_STATUS_PENDING ||
      g_hash_table_contains (self->issuing, note_id))
    return;

  g_hash_table_add (self->issuing, g_strdup (note_id));
  refresh_note (self, note_id);

  job = g_new0 (IssueJob, 1);
  job->self = self;
  job->note_id = g_strdup (note_id);
  job->name = dup_note_name (note);
  san_client_issue_fiscal_note_async (self->client, san_contract_get_id (self->contract),
                                      note_id, self->action_cancellable,
                                      on_note_issued_cb, job);
}

/* The export for the accountant */

static void
update_export_progress (SanFiscalNotesPage *self)
{
  guint n_notes, n_done;
  g_autofree char *text = NULL;

  if (self->export == NULL)
    return;

  n_notes = san_fiscal_export_get_n_notes (self->export);
  n_done = san_fiscal_export_get_n_done (self->export);
  if (n_notes == 0)
    {
      text = g_strdup (_("Finding the notas fiscais of the period…"));
      gtk_progress_bar_pulse (self->export_progress);
    }
  else
    {
      /* Translators: "Exporting 3 of 12 notas fiscais…" */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exporting %u of %u nota fiscal…",
                                           "Exporting %u of %u notas fiscais…", n_notes),
                              MIN (n_done + 1, n_notes), n_notes);
      gtk_progress_bar_set_fraction (self->export_progress, (double) n_done / n_notes);
    }
  gtk_label_set_label (self->export_label, text);
}

static void
on_export_toast_button_clicked_cb (SanFiscalNotesPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->export_folder_uri != NULL)
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->export_folder_uri,
                  GDK_CURRENT_TIME);
}

static void
on_export_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  SanFiscalExport *export = SAN_FISCAL_EXPORT (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *folder_name = NULL;
  g_autofree char *message = NULL;
  SanFiscalNotesPage *self;
  guint n_exported = 0;

  if (!san_fiscal_export_run_finish (export, result, &n_exported, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* cancelled by the person (already said) or the page is gone */

  self = SAN_FISCAL_NOTES_PAGE (user_data);
  if (self->export != export)
    return;   /* an older export */

  folder_name = g_file_get_basename (san_fiscal_export_get_folder (export));
  g_clear_object (&self->export);
  g_clear_object (&self->export_cancellable);
  gtk_revealer_set_reveal_child (self->export_revealer, FALSE);
  update_state (self);

  if (error != NULL)
    {
      /* Translators: %s says which nota fiscal failed and why */
      message = g_strdup_printf (_("Export stopped. %s. The files saved before were kept."),
                                 error->message);
      show_message (self, message);
      return;
    }

  if (n_exported == 0)
    {
      show_message (self, _("No nota fiscal was issued in that period: nothing was exported."));
      return;
    }

  {
    AdwToast *toast;

    g_free (self->export_folder_uri);
    self->export_folder_uri = g_file_get_uri (san_fiscal_export_get_folder (SAN_FISCAL_EXPORT (object)));
    /* Translators: the number of notas fiscais and a folder's name */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u nota fiscal to %s",
                                            "Exported %u notas fiscais to %s", n_exported),
                               n_exported, folder_name);
    toast = adw_toast_new (message);
    adw_toast_set_timeout (toast, 10);
    adw_toast_set_button_label (toast, _("_Open Folder"));
    g_signal_connect_object (toast, "button-clicked",
                             G_CALLBACK (on_export_toast_button_clicked_cb), self,
                             G_CONNECT_SWAPPED);
    show_toast (self, toast);
  }
}

static void
on_export_progress_cb (SanFiscalNotesPage *self)
{
  update_export_progress (self);
}

static void
on_export_cancel_button_clicked_cb (SanFiscalNotesPage *self)
{
  if (self->export == NULL)
    return;
  g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  g_clear_object (&self->export);
  gtk_revealer_set_reveal_child (self->export_revealer, FALSE);
  update_state (self);
  show_message (self, _("Export cancelled. The files saved so far were kept."));
}

static void
update_export_dialog (SanFiscalNotesPage *self)
{
  guint from, to;
  gboolean ordered;

  if (self->export_dialog == NULL)
    return;

  from = adw_combo_row_get_selected (self->export_from_row);
  to = adw_combo_row_get_selected (self->export_to_row);
  /* The months are newest first */
  ordered = from != GTK_INVALID_LIST_POSITION && to != GTK_INVALID_LIST_POSITION && from >= to;
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->export_to_row),
                               ordered ? NULL : _("The period must end after it starts"));
  adw_message_dialog_set_response_enabled (self->export_dialog, "export",
                                           ordered && self->export_folder != NULL);
}

static void
on_folder_chooser_response_cb (GtkNativeDialog    *chooser,
                               int                 response,
                               SanFiscalNotesPage *self)
{
  g_autoptr(GFile) folder = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (folder == NULL || self->export_dialog == NULL)
    return;

  g_set_object (&self->export_folder, folder);
  {
    g_autofree char *name = g_file_get_parse_name (folder);

    adw_action_row_set_subtitle (self->export_folder_row, name);
  }
  update_export_dialog (self);
}

static void
on_choose_folder_clicked_cb (SanFiscalNotesPage *self)
{
  GtkFileChooserNative *chooser;

  if (self->export_dialog == NULL)
    return;

  close_chooser (self);
  chooser = gtk_file_chooser_native_new (_("Choose a Folder for the Export"),
                                         GTK_WINDOW (self->export_dialog),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (self->export_folder != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), self->export_folder, NULL);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect (chooser, "response", G_CALLBACK (on_folder_chooser_response_cb), self);
  gtk_native_dialog_show (self->chooser);
}

static void
month_range (guint  month_index,
             GDate *out_first,
             GDate *out_last)
{
  GDateYear year = month_index / 12;
  GDateMonth month = month_index % 12 + 1;

  g_date_clear (out_first, 1);
  g_date_set_dmy (out_first, 1, month, year);
  g_date_clear (out_last, 1);
  g_date_set_dmy (out_last, g_date_get_days_in_month (month, year), month, year);
}

static void
on_export_dialog_response_cb (AdwMessageDialog   *dialog,
                              const char         *response,
                              SanFiscalNotesPage *self)
{
  g_autoptr(GFile) folder = g_steal_pointer (&self->export_folder);
  guint from = adw_combo_row_get_selected (self->export_from_row);
  guint to = adw_combo_row_get_selected (self->export_to_row);
  GDate first, last, unused;

  self->export_dialog = NULL;
  self->export_from_row = NULL;
  self->export_to_row = NULL;
  self->export_folder_row = NULL;
  close_chooser (self);

  if (g_strcmp0 (response, "export") != 0 || folder == NULL ||
      from >= self->export_months->len || to >= self->export_months->len)
    return;

  month_range (g_array_index (self->export_months, guint, from), &first, &unused);
  month_range (g_array_index (self->export_months, guint, to), &unused, &last);
  san_fiscal_notes_page_export (self, &first, &last, folder);
}

/* The months with issued notes, newest first, as (year * 12 + month - 1) */
static GtkStringList *
collect_months (SanFiscalNotesPage *self)
{
  GtkStringList *labels = gtk_string_list_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  guint oldest = G_MAXUINT, newest = 0;

  g_array_set_size (self->export_months, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SanFiscalNote) note = g_list_model_get_item (G_LIST_MODEL (self->store), i);
      GDate date;
      guint index;

      if (!san_fiscal_export_issue_date (note, &date))
        continue;
      index = g_date_get_year (&date) * 12 + g_date_get_month (&date) - 1;
      oldest = MIN (oldest, index);
      newest = MAX (newest, index);
    }

  for (guint index = newest; oldest != G_MAXUINT && index >= oldest; index--)
    {
      g_autoptr(GDateTime) month = g_date_time_new_local (index / 12, index % 12 + 1, 1, 12, 0, 0);
      /* Translators: a month and its year in the export's period, "November 2026"
       * (strftime format: %B the month's name, %Y the year) */
      g_autofree char *label = g_date_time_format (month, C_("month and year", "%B %Y"));

      g_array_append_val (self->export_months, index);
      gtk_string_list_append (labels, label != NULL ? label : "?");
      if (index == 0)
        break;
    }
  return labels;
}

static void
open_export_dialog (SanFiscalNotesPage *self)
{
  g_autoptr(GtkStringList) months = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog, *list, *from_row, *to_row, *folder_row, *choose_button;

  if (self->export_dialog != NULL || self->export != NULL || self->client == NULL ||
      self->contract == NULL)
    return;

  months = collect_months (self);
  if (self->export_months->len == 0)
    return;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Export for Accountant"),
                                   _("The PDF and XML of each nota fiscal issued in the period, "
                                     "and a spreadsheet (CSV) that sums them up, are saved in the "
                                     "folder you choose."));

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  from_row = adw_combo_row_new ();
  gtk_widget_set_name (from_row, "export_from_row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (from_row), _("From"));
  adw_combo_row_set_model (ADW_COMBO_ROW (from_row), G_LIST_MODEL (months));
  gtk_list_box_append (GTK_LIST_BOX (list), from_row);

  to_row = adw_combo_row_new ();
  gtk_widget_set_name (to_row, "export_to_row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (to_row), _("To"));
  adw_combo_row_set_model (ADW_COMBO_ROW (to_row), G_LIST_MODEL (months));
  gtk_list_box_append (GTK_LIST_BOX (list), to_row);

  folder_row = adw_action_row_new ();
  gtk_widget_set_name (folder_row, "export_folder_row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (folder_row), _("Folder"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (folder_row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (folder_row), _("None chosen yet"));
  choose_button = gtk_button_new_with_mnemonic (_("_Choose…"));
  gtk_widget_set_name (choose_button, "export_choose_button");
  gtk_widget_set_valign (choose_button, GTK_ALIGN_CENTER);
  g_signal_connect_object (choose_button, "clicked", G_CALLBACK (on_choose_folder_clicked_cb),
                           self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (folder_row), choose_button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (folder_row), choose_button);
  gtk_list_box_append (GTK_LIST_BOX (list), folder_row);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "export", _("_Export"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "export",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "export");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  self->export_dialog = ADW_MESSAGE_DIALOG (dialog);
  self->export_from_row = ADW_COMBO_ROW (from_row);
  self->export_to_row = ADW_COMBO_ROW (to_row);
  self->export_folder_row = ADW_ACTION_ROW (folder_row);
  g_clear_object (&self->export_folder);

  /* The latest month with notas fiscais, the usual request */
  adw_combo_row_set_selected (self->export_from_row, 0);
  adw_combo_row_set_selected (self->export_to_row, 0);
  g_signal_connect_object (from_row, "notify::selected", G_CALLBACK (update_export_dialog),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (to_row, "notify::selected", G_CALLBACK (update_export_dialog),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_export_dialog_response_cb),
                           self, 0);
  update_export_dialog (self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_export_button_clicked_cb (SanFiscalNotesPage *self)
{
  open_export_dialog (self);
}

static void
on_filter_dropdown_selected_cb (SanFiscalNotesPage *self,
                                GParamSpec         *pspec,
                                GtkDropDown        *dropdown)
{
  guint selected;

  if (self->notes_stack == NULL)
    return;   /* disposing */
  selected = gtk_drop_down_get_selected (dropdown);
  set_status_filter (self, selected <= FILTER_PENDING ? (Filter) selected : FILTER_ALL);
}

static void
on_show_all_button_clicked_cb (SanFiscalNotesPage *self)
{
  gtk_drop_down_set_selected (self->filter_dropdown, FILTER_ALL);
}

static void
on_retry_button_clicked_cb (SanFiscalNotesPage *self)
{
  load (self);
}

static void
san_fiscal_notes_page_dispose (GObject *object)
{
  SanFiscalNotesPage *self = SAN_FISCAL_NOTES_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->action_cancellable);
  g_clear_object (&self->action_cancellable);
  g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  g_clear_object (&self->export);
  close_chooser (self);
  if (self->export_dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->export_dialog, self);
      gtk_window_destroy (GTK_WINDOW (self->export_dialog));
      self->export_dialog = NULL;
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), SAN_TYPE_FISCAL_NOTES_PAGE);
  /* The template's top widget is not a bound child: unparent it too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->filter_model);
  g_clear_object (&self->store);
  g_clear_object (&self->export_folder);
  g_clear_object (&self->client);
  g_clear_object (&self->contract);

  G_OBJECT_CLASS (san_fiscal_notes_page_parent_class)->dispose (object);
}

static void
san_fiscal_notes_page_finalize (GObject *object)
{
  SanFiscalNotesPage *self = SAN_FISCAL_NOTES_PAGE (object);

  g_clear_pointer (&self->issuing, g_hash_table_unref);
  g_clear_pointer (&self->export_months, g_array_unref);
  g_free (self->save_note_id);
  g_free (self->export_folder_uri);

  G_OBJECT_CLASS (san_fiscal_notes_page_parent_class)->finalize (object);
}

static void
san_fiscal_notes_page_class_init (SanFiscalNotesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = san_fiscal_notes_page_dispose;
  object_class->finalize = san_fiscal_notes_page_finalize;

  signals[LOAD_FAILED] =
    g_signal_new ("load-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/saninternet/ClientArea/ui/san-fiscal-notes-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SanFiscalNotesPage, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SanFiscalNotesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, SanFiscalNotesPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, SanFiscalNotesPage, export_revealer);
  gtk_widget_class_bind_template_child (widget_class, SanFiscalNotesPage, export_label);
  gtk_widget_class_bind_template_child (widget_class, SanFiscalNotesPage, export_progress);
  gtk_widget_class_bind_template_child (widget_class, SanFiscalNotesPage, notes_stack);
  gtk_widget_class_bind_template_child (widget_class, SanFiscalNotesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, SanFiscalNotesPage, notes_empty_page);
  gtk_widget_class_bind_template_child (widget_class, SanFiscalNotesPage, show_all_button);
  gtk_widget_class_bind_template_child (widget_class, SanFiscalNotesPage, notes_error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_export_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_export_cancel_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_show_all_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_retry_button_clicked_cb);

  gtk_widget_class_install_action (widget_class, "fiscal.save-pdf", "s", save_pdf_action_cb);
  gtk_widget_class_install_action (widget_class, "fiscal.save-xml", "s", save_xml_action_cb);
  gtk_widget_class_install_action (widget_class, "fiscal.issue", "s", issue_action_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
san_fiscal_notes_page_init (SanFiscalNotesPage *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->issuing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->export_months = g_array_new (FALSE, FALSE, sizeof (guint));
  self->action_cancellable = g_cancellable_new ();
  self->status_filter = FILTER_ALL;

  self->store = g_list_store_new (SAN_TYPE_FISCAL_NOTE);
  self->filter = gtk_custom_filter_new (filter_note, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                                  GTK_FILTER (self->filter));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filter_model)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));

  add_column (self, COLUMN_NUMBER, _("Number"), 120);
  add_column (self, COLUMN_INVOICE, _("Invoice"), 115);
  add_column (self, COLUMN_DATE, C_("column", "Date"), -1);
  add_column (self, COLUMN_AMOUNT, _("Amount"), 110);
  add_column (self, COLUMN_STATUS, _("Status"), 100);
  add_column (self, COLUMN_ACTIONS, NULL, 200);

  update_state (self);
}

void
san_fiscal_notes_page_set_contract (SanFiscalNotesPage *self,
                                    SanClient          *client,
                                    SanContract        *contract)
{
  g_return_if_fail (SAN_IS_FISCAL_NOTES_PAGE (self));
  g_return_if_fail (client == NULL || SAN_IS_CLIENT (client));
  g_return_if_fail (contract == NULL || SAN_IS_CONTRACT (contract));

  g_set_object (&self->client, client);
  g_set_object (&self->contract, contract);

  /* Another contract: nothing of the last one may stay on screen, and its
   * work in flight is forgotten */
  g_cancellable_cancel (self->action_cancellable);
  g_clear_object (&self->action_cancellable);
  self->action_cancellable = g_cancellable_new ();
  g_hash_table_remove_all (self->issuing);
  close_chooser (self);
  if (self->export_dialog != NULL)
    gtk_window_close (GTK_WINDOW (self->export_dialog));
  if (self->export != NULL)
    {
      g_cancellable_cancel (self->export_cancellable);
      g_clear_object (&self->export_cancellable);
      g_clear_object (&self->export);
      gtk_revealer_set_reveal_child (self->export_revealer, FALSE);
    }
  self->loaded = FALSE;
  g_list_store_remove_all (self->store);

  load (self);
}

void
san_fiscal_notes_page_reload (SanFiscalNotesPage *self)
{
  g_return_if_fail (SAN_IS_FISCAL_NOTES_PAGE (self));

  load (self);
}

void
san_fiscal_notes_page_save_note (SanFiscalNotesPage  *self,
                                 const char          *note_id,
                                 SanFiscalNoteFormat  format,
                                 GFile               *file)
{
  g_autoptr(SanFiscalNote) note = NULL;
  SaveJob *job;

  g_return_if_fail (SAN_IS_FISCAL_NOTES_PAGE (self));
  g_return_if_fail (note_id != NULL);
  g_return_if_fail (G_IS_FILE (file));

  note = find_note (self, note_id, NULL);
  if (note == NULL || self->client == NULL || self->contract == NULL)
    return;

  job = g_new0 (SaveJob, 1);
  job->self = self;
  job->file = g_object_ref (file);
  job->name = dup_note_name (note);
  job->format = format;
  san_client_download_fiscal_note_async (self->client, san_contract_get_id (self->contract),
                                         note_id, format, self->action_cancellable,
                                         on_note_downloaded_cb, job);
}

void
san_fiscal_notes_page_export (SanFiscalNotesPage *self,
                              const GDate        *from,
                              const GDate        *to,
                              GFile              *folder)
{
  g_return_if_fail (SAN_IS_FISCAL_NOTES_PAGE (self));
  g_return_if_fail (from != NULL && to != NULL);
  g_return_if_fail (G_IS_FILE (folder));

  if (self->export != NULL || self->client == NULL || self->contract == NULL)
    return;

  self->export = san_fiscal_export_new (self->client, san_contract_get_id (self->contract),
                                        from, to, folder);
  self->export_cancellable = g_cancellable_new ();
  g_signal_connect_object (self->export, "notify::n-notes", G_CALLBACK (on_export_progress_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->export, "notify::n-done", G_CALLBACK (on_export_progress_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_progress_bar_set_fraction (self->export_progress, 0);
  update_export_progress (self);
  gtk_revealer_set_reveal_child (self->export_revealer, TRUE);
  update_state (self);

  san_fiscal_export_run_async (self->export, self->export_cancellable, on_export_done_cb, self);
}
