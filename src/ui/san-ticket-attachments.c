/* san-ticket-attachments.c: the files a person attaches to a new ticket or a reply
 *
 * A file shows at once (in the order given) with "Reading…", and its size
 * once g_file_query_info_async() tells it; a file that is a folder, is gone,
 * or does not fit the limits is taken out again and the message says why.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "san-ticket-attachments.h"
#include "san-ticket-labels.h"

typedef struct
{
  GFile     *file;
  char      *name;
  gint64     size;       /* -1 until known */
  GtkWidget *row;
} Item;

struct _SanTicketAttachments
{
  GtkWidget             parent_instance;

  GCancellable         *cancellable;   /* reading sizes */
  GPtrArray            *items;         /* of Item */
  guint                 n_reading;
  char                 *message;
  GtkFileChooserNative *chooser;

  GtkWidget            *box;
  GtkListBox           *list;
  GtkWidget            *add_button;
  GtkLabel             *hint_label;
  GtkLabel             *message_label;
};

enum {
  PROP_0,
  PROP_N_FILES,
  PROP_READY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SanTicketAttachments, san_ticket_attachments, GTK_TYPE_WIDGET)

static void
item_free (Item *item)
{
  g_clear_object (&item->file);
  g_free (item->name);
  g_free (item);
}

static Item *
find_item (SanTicketAttachments *self,
           GFile                *file,
           guint                *out_index)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      if (g_file_equal (item->file, file))
        {
          if (out_index != NULL)
            *out_index = i;
          return item;
        }
    }
  return NULL;
}

static gint64
known_total (SanTicketAttachments *self,
             Item                 *except)
{
  gint64 total = 0;

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      if (item != except && item->size > 0)
        total += item->size;
    }
  return total;
}

static void
append_message (SanTicketAttachments *self,
                const char           *message)
{
  g_autofree char *joined = NULL;

  if (self->message != NULL && self->message[0] != '\0')
    joined = g_strconcat (self->message, "\n", message, NULL);
  else
    joined = g_strdup (message);
  san_ticket_attachments_set_message (self, joined);
}

static void
update_view (SanTicketAttachments *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->list), self->items->len > 0);
  gtk_widget_set_sensitive (self->add_button,
                            self->items->len < SAN_TICKET_ATTACHMENTS_MAX_FILES);
}

static void
notify_ready (SanTicketAttachments *self,
              gboolean              was_ready)
{
  if (was_ready != san_ticket_attachments_get_ready (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
}

static void
remove_item (SanTicketAttachments *self,
             Item                 *item)
{
  guint index;

  if (!g_ptr_array_find (self->items, item, &index))
    return;
  gtk_list_box_remove (self->list, item->row);
  g_ptr_array_remove_index (self->items, index);
  update_view (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FILES]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_remove_clicked_cb (GtkButton            *button,
                      SanTicketAttachments *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      if (item->row == row)
        {
          san_ticket_attachments_set_message (self, NULL);
          remove_item (self, item);
          return;
        }
    }
}

static void
update_row (Item *item)
{
  g_autofree char *size = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item->row), item->name);
  if (item->size < 0)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (item->row), _("Reading…"));
      return;
    }
  size = san_ticket_format_size (item->size);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (item->row), size);
}

static GtkWidget *
make_row (SanTicketAttachments *self,
          Item                 *item)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("edit-delete-symbolic");
  g_autofree char *label = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("mail-attachment-symbolic"));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  gtk_widget_add_css_class (row, "ticket-attachment-row");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "ticket-attachment-remove");
  /* Translators: %s is a file name; a button's accessible name */
  label = g_strdup_printf (_("Remove %s"), item->name);
  gtk_widget_set_tooltip_text (button, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect (button, "clicked", G_CALLBACK (on_remove_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

typedef struct
{
  SanTicketAttachments *self;   /* valid unless the query was cancelled */
  GFile                *file;
} Query;

static void
query_free (Query *query)
{
  g_clear_object (&query->file);
  g_free (query);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Query, query_free)

static void
on_info_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Query) query = user_data;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *limit = NULL;
  SanTicketAttachments *self;
  gboolean was_ready;
  Item *item;

  info = g_file_query_info_finish (G_FILE (object), result, &error);
  if (info == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = query->self;
  was_ready = san_ticket_attachments_get_ready (self);
  self->n_reading--;
  item = find_item (self, query->file, NULL);
  if (item == NULL)
    {
      notify_ready (self, was_ready);
      return;   /* removed meanwhile */
    }

  if (info == NULL)
    {
      /* Translators: %s is a file name, then the reason */
      message = g_strdup_printf (_("Could not attach “%s”: %s"), item->name, error->message);
    }
  else if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      /* Translators: %s is a file or folder name */
      message = g_strdup_printf (_("“%s” is not a file and was left out."), item->name);
    }
  else
    {
      gint64 size = g_file_info_get_size (info);

      if (size > SAN_TICKET_ATTACHMENTS_MAX_FILE_SIZE)
        {
          g_autofree char *shown = san_ticket_format_size (size);

          limit = san_ticket_format_size (SAN_TICKET_ATTACHMENTS_MAX_FILE_SIZE);
          /* Translators: a file name, its size, the largest size allowed */
          message = g_strdup_printf (_("“%s” is %s; each file can have at most %s. It was left out."),
                                     item->name, shown, limit);
        }
      else if (known_total (self, item) + size > SAN_TICKET_ATTACHMENTS_MAX_TOTAL_SIZE)
        {
          limit = san_ticket_format_size (SAN_TICKET_ATTACHMENTS_MAX_TOTAL_SIZE);
          /* Translators: a file name, then the largest total size allowed */
          message = g_strdup_printf (_("“%s” was left out: the files together can have at most %s."),
                                     item->name, limit);
        }
      else
        {
          item->size = size;
          update_row (item);
        }
    }

  if (message != NULL)
    {
      remove_item (self, item);
      append_message (self, message);
    }
  notify_ready (self, was_ready);
}

static void
add_file (SanTicketAttachments *self,
          GFile                *file)
{
  g_autofree char *message = NULL;
  Query *query;
  Item *item;

  if (find_item (self, file, NULL) != NULL)
    return;

  item = g_new0 (Item, 1);
  item->file = g_object_ref (file);
  item->name = g_file_get_basename (file);
  if (item->name == NULL || !g_utf8_validate (item->name, -1, NULL))
    {
      g_free (item->name);
      item->name = g_file_get_parse_name (file);
    }
  item->size = -1;

  if (self->items->len >= SAN_TICKET_ATTACHMENTS_MAX_FILES)
    {
      /* Translators: %d is the most files a message can have (5), %s a file name */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "A message can have at most %d file; “%s” was left out.",
                                              "A message can have at most %d files; “%s” was left out.",
                                              SAN_TICKET_ATTACHMENTS_MAX_FILES),
                                 SAN_TICKET_ATTACHMENTS_MAX_FILES, item->name);
      append_message (self, message);
      item_free (item);
      return;
    }

  item->row = make_row (self, item);
  update_row (item);
  g_ptr_array_add (self->items, item);
  gtk_list_box_append (self->list, item->row);

  query = g_new0 (Query, 1);
  query->self = self;
  query->file = g_object_ref (file);
  self->n_reading++;
  g_file_query_info_async (file,
                           G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                           G_FILE_QUERY_INFO_NONE, G_PRIORITY_DEFAULT, self->cancellable,
                           on_info_cb, query);
}

/* Drag and drop */

static gboolean
on_drop_cb (GtkDropTarget        *target,
            const GValue         *value,
            double                x,
            double                y,
            SanTicketAttachments *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = g_value_get_boxed (value);
  if (files == NULL)
    return FALSE;
  san_ticket_attachments_add_files (self, files);
  return TRUE;
}

/* The file chooser */

static void
close_chooser (SanTicketAttachments *self)
{
  if (self->chooser == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->chooser, self);
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
}

static void
on_chooser_response_cb (GtkNativeDialog      *chooser,
                        int                   response,
                        SanTicketAttachments *self)
{
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GtkFileChooserNative) owned = g_steal_pointer (&self->chooser);
  GSList *list = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  g_signal_handlers_disconnect_by_data (chooser, self);
  if (files == NULL)
    return;

  for (guint i = g_list_model_get_n_items (files); i > 0; i--)
    list = g_slist_prepend (list, g_list_model_get_item (files, i - 1));
  san_ticket_attachments_add_files (self, list);
  g_slist_free_full (list, g_object_unref);
}

static void
on_add_clicked_cb (GtkButton            *button,
                   SanTicketAttachments *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  close_chooser (self);
  self->chooser = gtk_file_chooser_native_new (_("Attach Files"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* GObject */

static void
san_ticket_attachments_dispose (GObject *object)
{
  SanTicketAttachments *self = SAN_TICKET_ATTACHMENTS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  close_chooser (self);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (san_ticket_attachments_parent_class)->dispose (object);
}

static void
san_ticket_attachments_finalize (GObject *object)
{
  SanTicketAttachments *self = SAN_TICKET_ATTACHMENTS (object);

  g_ptr_array_unref (self->items);
  g_free (self->message);

  G_OBJECT_CLASS (san_ticket_attachments_parent_class)->finalize (object);
}

static void
san_ticket_attachments_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SanTicketAttachments *self = SAN_TICKET_ATTACHMENTS (object);

  switch (prop_id)
    {
    case PROP_N_FILES:
      g_value_set_uint (value, self->items->len);
      break;
    case PROP_READY:
      g_value_set_boolean (value, san_ticket_attachments_get_ready (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_ticket_attachments_class_init (SanTicketAttachmentsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = san_ticket_attachments_dispose;
  object_class->finalize = san_ticket_attachments_finalize;
  object_class->get_property = san_ticket_attachments_get_property;

  properties[PROP_N_FILES] =
    g_param_spec_uint ("n-files", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READY] =
    g_param_spec_boolean ("ready", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ticketattachments");
}

static void
san_ticket_attachments_init (SanTicketAttachments *self)
{
  GtkWidget *button_box;
  g_autofree char *size = san_ticket_format_size (SAN_TICKET_ATTACHMENTS_MAX_FILE_SIZE);
  g_autofree char *hint = NULL;

  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  self->cancellable = g_cancellable_new ();

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_name (GTK_WIDGET (self->list), "attachments_list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Attached files"), -1);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->list));

  self->message_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->message_label, 0);
  gtk_label_set_wrap (self->message_label, TRUE);
  gtk_label_set_wrap_mode (self->message_label, PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), FALSE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->message_label));

  button_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  self->add_button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (self->add_button),
                        adw_button_content_new ());
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (self->add_button))),
                                    "mail-attachment-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (self->add_button))),
                                _("_Add Files…"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (self->add_button))),
                                        TRUE);
  gtk_widget_set_valign (self->add_button, GTK_ALIGN_CENTER);
  g_signal_connect (self->add_button, "clicked", G_CALLBACK (on_add_clicked_cb), self);
  gtk_box_append (GTK_BOX (button_box), self->add_button);

  /* Translators: %d is 5, %s a size like "5.0 MiB" */
  hint = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Up to %d file of %s, or drop files here",
                                       "Up to %d files of %s each, or drop files here",
                                       SAN_TICKET_ATTACHMENTS_MAX_FILES),
                          SAN_TICKET_ATTACHMENTS_MAX_FILES, size);
  self->hint_label = GTK_LABEL (gtk_label_new (hint));
  gtk_label_set_xalign (self->hint_label, 0);
  gtk_label_set_wrap (self->hint_label, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->hint_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->hint_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->hint_label), "caption");
  gtk_box_append (GTK_BOX (button_box), GTK_WIDGET (self->hint_label));
  gtk_box_append (GTK_BOX (self->box), button_box);

  update_view (self);
}

GtkWidget *
san_ticket_attachments_new (void)
{
  return g_object_new (SAN_TYPE_TICKET_ATTACHMENTS, NULL);
}

void
san_ticket_attachments_add_files (SanTicketAttachments *self,
                                  GSList               *files)
{
  gboolean was_ready;
  guint n_before;

  g_return_if_fail (SAN_IS_TICKET_ATTACHMENTS (self));

  was_ready = san_ticket_attachments_get_ready (self);
  n_before = self->items->len;
  san_ticket_attachments_set_message (self, NULL);
  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_return_if_fail (G_IS_FILE (l->data));
      add_file (self, l->data);
    }
  update_view (self);
  if (self->items->len != n_before)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FILES]);
      g_signal_emit (self, signals[CHANGED], 0);
    }
  notify_ready (self, was_ready);
}

void
san_ticket_attachments_clear (SanTicketAttachments *self)
{
  gboolean was_ready;
  guint n_before;

  g_return_if_fail (SAN_IS_TICKET_ATTACHMENTS (self));

  was_ready = san_ticket_attachments_get_ready (self);
  n_before = self->items->len;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->n_reading = 0;
  for (guint i = 0; i < self->items->len; i++)
    gtk_list_box_remove (self->list, ((Item *) g_ptr_array_index (self->items, i))->row);
  g_ptr_array_set_size (self->items, 0);
  san_ticket_attachments_set_message (self, NULL);
  update_view (self);
  if (n_before > 0)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FILES]);
      g_signal_emit (self, signals[CHANGED], 0);
    }
  notify_ready (self, was_ready);
}

GStrv
san_ticket_attachments_dup_uris (SanTicketAttachments *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (SAN_IS_TICKET_ATTACHMENTS (self), NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      g_autofree char *uri = g_file_get_uri (item->file);

      g_strv_builder_add (builder, uri);
    }
  return g_strv_builder_end (builder);
}

void
san_ticket_attachments_set_uris (SanTicketAttachments *self,
                                 const char * const   *uris)
{
  GSList *files = NULL;

  g_return_if_fail (SAN_IS_TICKET_ATTACHMENTS (self));

  san_ticket_attachments_clear (self);
  for (guint i = 0; uris != NULL && uris[i] != NULL; i++)
    files = g_slist_prepend (files, g_file_new_for_uri (uris[i]));
  files = g_slist_reverse (files);
  if (files != NULL)
    san_ticket_attachments_add_files (self, files);
  g_slist_free_full (files, g_object_unref);
}

GListModel *
san_ticket_attachments_dup_files (SanTicketAttachments *self)
{
  GListStore *store;

  g_return_val_if_fail (SAN_IS_TICKET_ATTACHMENTS (self), NULL);

  if (self->items->len == 0)
    return NULL;
  store = g_list_store_new (G_TYPE_FILE);
  for (guint i = 0; i < self->items->len; i++)
    g_list_store_append (store, ((Item *) g_ptr_array_index (self->items, i))->file);
  return G_LIST_MODEL (store);
}

guint
san_ticket_attachments_get_n_files (SanTicketAttachments *self)
{
  g_return_val_if_fail (SAN_IS_TICKET_ATTACHMENTS (self), 0);

  return self->items->len;
}

gboolean
san_ticket_attachments_get_ready (SanTicketAttachments *self)
{
  g_return_val_if_fail (SAN_IS_TICKET_ATTACHMENTS (self), FALSE);

  return self->n_reading == 0;
}

gboolean
san_ticket_attachments_check (SanTicketAttachments  *self,
                              GError               **error)
{
  g_autofree char *message = NULL;
  g_autofree char *limit = NULL;

  g_return_val_if_fail (SAN_IS_TICKET_ATTACHMENTS (self), FALSE);

  if (self->items->len > SAN_TICKET_ATTACHMENTS_MAX_FILES)
    {
      /* Translators: %d is 5 */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "A message can have at most %d file.",
                                              "A message can have at most %d files.",
                                              SAN_TICKET_ATTACHMENTS_MAX_FILES),
                                 SAN_TICKET_ATTACHMENTS_MAX_FILES);
    }
  else if (known_total (self, NULL) > SAN_TICKET_ATTACHMENTS_MAX_TOTAL_SIZE)
    {
      limit = san_ticket_format_size (SAN_TICKET_ATTACHMENTS_MAX_TOTAL_SIZE);
      /* Translators: %s is a size like "10.0 MiB" */
      message = g_strdup_printf (_("The files together can have at most %s."), limit);
    }
  else
    {
      for (guint i = 0; i < self->items->len && message == NULL; i++)
        {
          Item *item = g_ptr_array_index (self->items, i);

          if (item->size > SAN_TICKET_ATTACHMENTS_MAX_FILE_SIZE)
            {
              limit = san_ticket_format_size (SAN_TICKET_ATTACHMENTS_MAX_FILE_SIZE);
              /* Translators: a file name, then a size like "5.0 MiB" */
              message = g_strdup_printf (_("“%s” is too large: each file can have at most %s."),
                                         item->name, limit);
            }
        }
    }

  if (message == NULL && self->n_reading > 0)
    message = g_strdup (_("The attached files are still being read. Try again in a moment."));
  if (message == NULL)
    return TRUE;

  san_ticket_attachments_set_message (self, message);
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, message);
  return FALSE;
}

void
san_ticket_attachments_set_message (SanTicketAttachments *self,
                                    const char           *message)
{
  g_return_if_fail (SAN_IS_TICKET_ATTACHMENTS (self));

  if (message != NULL && message[0] == '\0')
    message = NULL;
  g_free (self->message);
  self->message = g_strdup (message);
  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

const char *
san_ticket_attachments_get_message (SanTicketAttachments *self)
{
  g_return_val_if_fail (SAN_IS_TICKET_ATTACHMENTS (self), NULL);

  return self->message;
}

GtkDropTarget *
san_ticket_attachments_add_drop_target (SanTicketAttachments *self,
                                        GtkWidget            *target)
{
  GtkDropTarget *drop;

  g_return_val_if_fail (SAN_IS_TICKET_ATTACHMENTS (self), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (target), NULL);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop_cb), self, 0);
  gtk_widget_add_controller (target, GTK_EVENT_CONTROLLER (drop));
  return drop;
}
