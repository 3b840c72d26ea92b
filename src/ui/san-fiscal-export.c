/* san-fiscal-export.c: the notas fiscais of a period, as files for the accountant
 *
 * One GTask walks a chain of callbacks on the caller's main context: list
 * the period's issued notes page by page, then per note download the PDF,
 * write it, download the XML, write it, and last write the CSV summary.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "san-date.h"
#include "san-fiscal-export.h"

#define PAGE_SIZE 100

struct _SanFiscalExport
{
  GObject       parent_instance;

  SanClient    *client;
  char         *contract_id;
  GDate         from;
  GDate         to;
  GFile        *folder;

  GListStore   *notes;      /* the issued notes of the period */
  guint         n_done;
  gboolean      started;
};

enum {
  PROP_0,
  PROP_N_NOTES,
  PROP_N_DONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SanFiscalExport, san_fiscal_export, G_TYPE_OBJECT)

/* What a run is doing: the note at `index`, in `format` */
typedef struct
{
  guint               index;
  SanFiscalNoteFormat format;
} RunState;

static void list_page (GTask *task, const char *cursor);
static void export_next (GTask *task);

static GTimeZone *
sao_paulo (void)
{
  GTimeZone *zone = g_time_zone_new_identifier ("America/Sao_Paulo");

  /* Without tzdata: Brazil has kept UTC-3 all year since 2019 */
  return zone != NULL ? zone : g_time_zone_new_offset (-3 * 3600);
}

gboolean
san_fiscal_export_issue_date (SanFiscalNote *note,
                              GDate         *out_date)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) local = NULL;
  GDateTime *issued_at;

  g_return_val_if_fail (SAN_IS_FISCAL_NOTE (note), FALSE);
  g_return_val_if_fail (out_date != NULL, FALSE);

  issued_at = san_fiscal_note_get_issued_at (note);
  if (issued_at == NULL)
    return FALSE;
  zone = sao_paulo ();
  local = g_date_time_to_timezone (issued_at, zone);
  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));
  return TRUE;
}

char *
san_fiscal_export_file_name (SanFiscalNote       *note,
                             SanFiscalNoteFormat  format)
{
  const char *number;
  g_autoptr(GString) name = g_string_new ("nfse-");

  g_return_val_if_fail (SAN_IS_FISCAL_NOTE (note), NULL);

  number = san_fiscal_note_get_number (note);
  if (number == NULL)
    number = san_fiscal_note_get_id (note);
  /* Only safe characters in a file name: "2026/000123" -> "2026-000123" */
  for (const char *p = number; *p != '\0'; p++)
    g_string_append_c (name, g_ascii_isalnum (*p) || *p == '-' || *p == '_' ? *p : '-');
  g_string_append (name, format == SAN_FISCAL_NOTE_FORMAT_PDF ? ".pdf" : ".xml");
  return g_string_free (g_steal_pointer (&name), FALSE);
}

static void
append_csv_field (GString    *line,
                  const char *value,
                  gboolean    first)
{
  if (!first)
    g_string_append_c (line, ',');
  if (value == NULL)
    return;
  if (strpbrk (value, ",\"\r\n") == NULL &&
      !g_ascii_isspace (value[0]) &&
      (value[0] == '\0' || !g_ascii_isspace (value[strlen (value) - 1])))
    {
      g_string_append (line, value);
      return;
    }
  g_string_append_c (line, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

static char *
format_amount (gint64 cents)
{
  guint64 magnitude = cents < 0 ? (guint64) -(cents + 1) + 1 : (guint64) cents;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", cents < 0 ? "-" : "",
                          magnitude / 100, (guint) (magnitude % 100));
}

char *
san_fiscal_export_build_csv (GListModel *notes)
{
  g_autoptr(GString) csv = g_string_new (NULL);
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (notes), NULL);

  /* The accountant's spreadsheet: the column names in the user's language */
  append_csv_field (csv, _("Number"), TRUE);
  append_csv_field (csv, _("Verification code"), FALSE);
  append_csv_field (csv, _("Invoice"), FALSE);
  append_csv_field (csv, _("Issue date"), FALSE);
  append_csv_field (csv, _("Amount"), FALSE);
  append_csv_field (csv, _("Description"), FALSE);
  g_string_append (csv, "\r\n");

  n = g_list_model_get_n_items (notes);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SanFiscalNote) note = g_list_model_get_item (notes, i);
      g_autofree char *date = NULL;
      g_autofree char *amount = format_amount (san_fiscal_note_get_amount_cents (note));
      GDate issued;

      if (san_fiscal_export_issue_date (note, &issued))
        date = san_date_to_iso (&issued);

      append_csv_field (csv, san_fiscal_note_get_number (note), TRUE);
      append_csv_field (csv, san_fiscal_note_get_verification_code (note), FALSE);
      append_csv_field (csv, san_fiscal_note_get_invoice_number (note), FALSE);
      append_csv_field (csv, date, FALSE);
      append_csv_field (csv, amount, FALSE);
      append_csv_field (csv, san_fiscal_note_get_description (note), FALSE);
      g_string_append (csv, "\r\n");
    }

  return g_string_free (g_steal_pointer (&csv), FALSE);
}

char *
san_fiscal_export_dup_csv_name (SanFiscalExport *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (SAN_IS_FISCAL_EXPORT (self), NULL);

  from = san_date_to_iso (&self->from);
  to = san_date_to_iso (&self->to);
  return g_strdup_printf ("notas-fiscais-%s-a-%s.csv", from, to);
}

/* Returns @error (taken) on @task, naming the note being exported */
static void
return_note_error (GTask         *task,
                   SanFiscalNote *note,
                   GError        *error)
{
  const char *number = san_fiscal_note_get_number (note);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, error);
      return;
    }
  /* Translators: the first %s is a nota fiscal's number, the second why it failed */
  g_prefix_error (&error, _("Nota fiscal %s: "), number != NULL ? number : san_fiscal_note_get_id (note));
  g_task_return_error (task, error);
}

static SanFiscalNote *
current_note (GTask *task)
{
  SanFiscalExport *self = g_task_get_source_object (task);
  RunState *state = g_task_get_task_data (task);

  return g_list_model_get_item (G_LIST_MODEL (self->notes), state->index);
}

static void
on_csv_written_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  SanFiscalExport *self = g_task_get_source_object (task);

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        /* Translators: %s is why the file could not be written */
        g_prefix_error (&error, _("The summary (CSV): "));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_int (task, g_list_model_get_n_items (G_LIST_MODEL (self->notes)));
}

static void
write_csv (GTask *task)
{
  SanFiscalExport *self = g_task_get_source_object (task);
  g_autofree char *name = san_fiscal_export_dup_csv_name (self);
  g_autoptr(GFile) file = g_file_get_child (self->folder, name);
  char *csv = san_fiscal_export_build_csv (G_LIST_MODEL (self->notes));
  g_autoptr(GBytes) bytes = g_bytes_new_take (csv, strlen (csv));
  GCancellable *cancellable = g_task_get_cancellable (task);

  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_NONE,
                                       cancellable, on_csv_written_cb, g_steal_pointer (&task));
}

static void
on_file_written_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  SanFiscalExport *self = g_task_get_source_object (task);
  RunState *state = g_task_get_task_data (task);

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      g_autoptr(SanFiscalNote) note = current_note (task);

      return_note_error (task, note, g_steal_pointer (&error));
      return;
    }

  if (state->format == SAN_FISCAL_NOTE_FORMAT_PDF)
    {
      state->format = SAN_FISCAL_NOTE_FORMAT_XML;
    }
  else
    {
      state->format = SAN_FISCAL_NOTE_FORMAT_PDF;
      state->index++;
      self->n_done++;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);
    }
  export_next (g_steal_pointer (&task));
}

static void
on_downloaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SanFiscalNote) note = current_note (task);
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;
  SanFiscalExport *self = g_task_get_source_object (task);
  RunState *state = g_task_get_task_data (task);
  GCancellable *cancellable;

  bytes = san_client_download_fiscal_note_finish (SAN_CLIENT (object), result, &error);
  if (bytes == NULL)
    {
      return_note_error (task, note, g_steal_pointer (&error));
      return;
    }

  name = san_fiscal_export_file_name (note, state->format);
  file = g_file_get_child (self->folder, name);
  cancellable = g_task_get_cancellable (task);
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_NONE,
                                       cancellable, on_file_written_cb, g_steal_pointer (&task));
}

static void
export_next (GTask *task)
{
  SanFiscalExport *self = g_task_get_source_object (task);
  RunState *state = g_task_get_task_data (task);
  g_autoptr(SanFiscalNote) note = NULL;

  if (state->index >= g_list_model_get_n_items (G_LIST_MODEL (self->notes)))
    {
      write_csv (task);
      return;
    }

  note = current_note (task);
  san_client_download_fiscal_note_async (self->client, self->contract_id,
                                         san_fiscal_note_get_id (note), state->format,
                                         g_task_get_cancellable (task),
                                         on_downloaded_cb, task);
}

static void
on_page_listed_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SanPage) page = NULL;
  SanFiscalExport *self = g_task_get_source_object (task);
  GListModel *items;
  guint n;

  page = san_client_list_fiscal_notes_finish (SAN_CLIENT (object), result, &error);
  if (page == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_prefix_error (&error, _("Listing the notas fiscais: "));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  items = san_page_get_items (page);
  n = g_list_model_get_n_items (items);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SanFiscalNote) note = g_list_model_get_item (items, i);

      /* The server filtered by status; only issued notes have files */
      if (san_fiscal_note_get_status (note) == SAN_FISCAL_NOTE_STATUS_ISSUED)
        g_list_store_append (self->notes, note);
    }

  if (san_page_get_next_cursor (page) != NULL && n > 0)
    {
      list_page (g_steal_pointer (&task), san_page_get_next_cursor (page));
      return;
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_NOTES]);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->notes)) == 0)
    {
      g_task_return_int (task, 0);
      return;
    }
  export_next (g_steal_pointer (&task));
}

static void
list_page (GTask      *task,
           const char *cursor)
{
  SanFiscalExport *self = g_task_get_source_object (task);
  SanFiscalNoteStatus issued = SAN_FISCAL_NOTE_STATUS_ISSUED;

  san_client_list_fiscal_notes_async (self->client, self->contract_id, &issued,
                                      &self->from, &self->to, cursor, PAGE_SIZE,
                                      g_task_get_cancellable (task),
                                      on_page_listed_cb, task);
}

static void
san_fiscal_export_finalize (GObject *object)
{
  SanFiscalExport *self = SAN_FISCAL_EXPORT (object);

  g_clear_object (&self->client);
  g_clear_object (&self->folder);
  g_clear_object (&self->notes);
  g_free (self->contract_id);

  G_OBJECT_CLASS (san_fiscal_export_parent_class)->finalize (object);
}

static void
san_fiscal_export_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SanFiscalExport *self = SAN_FISCAL_EXPORT (object);

  switch (prop_id)
    {
    case PROP_N_NOTES:
      g_value_set_uint (value, san_fiscal_export_get_n_notes (self));
      break;
    case PROP_N_DONE:
      g_value_set_uint (value, self->n_done);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_fiscal_export_class_init (SanFiscalExportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = san_fiscal_export_finalize;
  object_class->get_property = san_fiscal_export_get_property;

  properties[PROP_N_NOTES] =
    g_param_spec_uint ("n-notes", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_DONE] =
    g_param_spec_uint ("n-done", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
san_fiscal_export_init (SanFiscalExport *self)
{
  self->notes = g_list_store_new (SAN_TYPE_FISCAL_NOTE);
}

SanFiscalExport *
san_fiscal_export_new (SanClient   *client,
                       const char  *contract_id,
                       const GDate *from,
                       const GDate *to,
                       GFile       *folder)
{
  SanFiscalExport *self;

  g_return_val_if_fail (SAN_IS_CLIENT (client), NULL);
  g_return_val_if_fail (contract_id != NULL, NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);
  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  self = g_object_new (SAN_TYPE_FISCAL_EXPORT, NULL);
  self->client = g_object_ref (client);
  self->contract_id = g_strdup (contract_id);
  self->from = *from;
  self->to = *to;
  self->folder = g_object_ref (folder);
  return self;
}

void
san_fiscal_export_run_async (SanFiscalExport     *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SAN_IS_FISCAL_EXPORT (self));
  g_return_if_fail (!self->started);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  self->started = TRUE;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, san_fiscal_export_run_async);
  g_task_set_task_data (task, g_new0 (RunState, 1), g_free);

  if (g_date_compare (&self->from, &self->to) > 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("The period ends before it starts."));
      return;
    }

  list_page (g_steal_pointer (&task), NULL);
}

gboolean
san_fiscal_export_run_finish (SanFiscalExport  *self,
                              GAsyncResult     *result,
                              guint            *out_n_exported,
                              GError          **error)
{
  gssize n;

  g_return_val_if_fail (SAN_IS_FISCAL_EXPORT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == san_fiscal_export_run_async,
                        FALSE);

  n = g_task_propagate_int (G_TASK (result), error);
  if (n < 0)
    return FALSE;
  if (out_n_exported != NULL)
    *out_n_exported = (guint) n;
  return TRUE;
}

GFile *
san_fiscal_export_get_folder (SanFiscalExport *self)
{
  g_return_val_if_fail (SAN_IS_FISCAL_EXPORT (self), NULL);

  return self->folder;
}

guint
san_fiscal_export_get_n_notes (SanFiscalExport *self)
{
  g_return_val_if_fail (SAN_IS_FISCAL_EXPORT (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->notes));
}

guint
san_fiscal_export_get_n_done (SanFiscalExport *self)
{
  g_return_val_if_fail (SAN_IS_FISCAL_EXPORT (self), 0);

  return self->n_done;
}
