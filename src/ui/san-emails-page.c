/* san-emails-page.c: the E-mail History section: every e-mail SAN sent about the contract, and a reader
 *
 * The server searches and pages: the filters (text, kind, days) go with
 * each request, and a change of filter loads the first page again while
 * the list shown stays until the answer comes. GListStore (the pages loaded
 * so far) -> GtkSingleSelection -> GtkListView, with "Load More" (or
 * scrolling to the end) for the next page. Beside it, in an AdwLeaflet that
 * folds on narrow windows, the selected e-mail read whole in a
 * SanEmailReader.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "san-date.h"
#include "san-email-reader.h"
#include "san-emails-page.h"

#define PAGE_SIZE        50
#define MAX_SEARCH_CHARS 100   /* the server's limit */

/* The kind filter: positions in the drop-down */
static const SanEmailKind kind_filters[] = {
  SAN_EMAIL_KIND_TICKET, SAN_EMAIL_KIND_CALLBACK, SAN_EMAIL_KIND_INVOICE, SAN_EMAIL_KIND_ACCOUNT,
};

/* A row: the subject, then when, to whom, and the kind */
static const char row_ui[] =
  "<?xml version='1.0' encoding='UTF-8'?>"
  "<interface>"
  "  <template class='GtkListItem'>"
  "    <property name='child'>"
  "      <object class='GtkBox'>"
  "        <property name='orientation'>vertical</property>"
  "        <property name='spacing'>3</property>"
  "        <style><class name='email-row'/></style>"
  "        <child>"
  "          <object class='GtkLabel'>"
  "            <property name='xalign'>0</property>"
  "            <property name='ellipsize'>end</property>"
  "            <style><class name='heading'/></style>"
  "            <binding name='label'>"
  "              <lookup name='subject' type='SanEmail'>"
  "                <lookup name='item'>GtkListItem</lookup>"
  "              </lookup>"
  "            </binding>"
  "            <binding name='tooltip-text'>"
  "              <lookup name='subject' type='SanEmail'>"
  "                <lookup name='item'>GtkListItem</lookup>"
  "              </lookup>"
  "            </binding>"
  "          </object>"
  "        </child>"
  "        <child>"
  "          <object class='GtkBox'>"
  "            <property name='spacing'>9</property>"
  "            <child>"
  "              <object class='GtkLabel'>"
  "                <style><class name='dim-label'/><class name='caption'/><class name='numeric'/></style>"
  "                <binding name='label'>"
  "                  <closure type='gchararray' function='email_row_date'>"
  "                    <lookup name='sent-at' type='SanEmail'>"
  "                      <lookup name='item'>GtkListItem</lookup>"
  "                    </lookup>"
  "                  </closure>"
  "                </binding>"
  "              </object>"
  "            </child>"
  "            <child>"
  "              <object class='GtkLabel'>"
  "                <property name='hexpand'>True</property>"
  "                <property name='xalign'>0</property>"
  "                <property name='ellipsize'>end</property>"
  "                <style><class name='dim-label'/><class name='caption'/></style>"
  "                <binding name='label'>"
  "                  <closure type='gchararray' function='email_row_recipients'>"
  "                    <lookup name='recipients' type='SanEmail'>"
  "                      <lookup name='item'>GtkListItem</lookup>"
  "                    </lookup>"
  "                  </closure>"
  "                </binding>"
  "              </object>"
  "            </child>"
  "            <child>"
  "              <object class='GtkLabel'>"
  "                <property name='valign'>center</property>"
  "                <binding name='label'>"
  "                  <closure type='gchararray' function='email_row_kind'>"
  "                    <lookup name='kind' type='SanEmail'>"
  "                      <lookup name='item'>GtkListItem</lookup>"
  "                    </lookup>"
  "                  </closure>"
  "                </binding>"
  "                <binding name='css-classes'>"
  "                  <closure type='GStrv' function='email_row_kind_classes'>"
  "                    <lookup name='kind' type='SanEmail'>"
  "                      <lookup name='item'>GtkListItem</lookup>"
  "                    </lookup>"
  "                  </closure>"
  "                </binding>"
  "              </object>"
  "            </child>"
  "          </object>"
  "        </child>"
  "      </object>"
  "    </property>"
  "  </template>"
  "</interface>";

struct _SanEmailsPage
{
  GtkWidget           parent_instance;

  GCancellable       *cancellable;          /* loading a page of the list */
  GCancellable       *read_cancellable;     /* reading the selected e-mail */
  SanClient          *client;
  SanContract        *contract;

  GListStore         *store;                /* SanEmail, the pages loaded */
  GtkSingleSelection *selection;
  GHashTable         *read;                 /* id -> SanEmail read whole */

  /* The filters, as sent */
  char               *search;               /* NULL: none */
  int                 kind;                 /* index in kind_filters, or -1 */
  GDate               from;                 /* invalid: no bound */
  GDate               to;

  char               *next_cursor;          /* NULL: no more pages */
  guint               total;
  char               *shown_id;             /* the e-mail in the reader (or being read) */
  guint               loading : 1;          /* the first page */
  guint               loading_more : 1;
  guint               loaded : 1;
  guint               selecting : 1;        /* the selection changes by program */
  guint               setting_filters : 1;  /* the filter widgets change by program */

  AdwLeaflet         *leaflet;
  GtkWidget          *list_side;
  GtkWidget          *detail_side;
  GtkSearchEntry     *search_entry;
  GtkSpinner         *filter_spinner;
  GtkDropDown        *kind_dropdown;
  GtkMenuButton      *date_button;
  GtkLabel           *date_filter_label;
  GtkCheckButton     *from_check;
  GtkCheckButton     *to_check;
  GtkCalendar        *from_calendar;
  GtkCalendar        *to_calendar;
  GtkStack           *list_stack;
  GtkScrolledWindow  *list_scroller;
  GtkListView        *list_view;
  GtkLabel           *count_label;
  GtkWidget          *more_button;
  AdwStatusPage      *empty_page;
  GtkWidget          *clear_filters_button;
  AdwStatusPage      *error_page;
  GtkStack           *detail_stack;
  AdwStatusPage      *read_error_page;
  SanEmailReader     *reader;
};

enum {
  PROP_0,
  PROP_SHOWING_DETAIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  LOAD_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SanEmailsPage, san_emails_page, GTK_TYPE_WIDGET)

static void load (SanEmailsPage *self);

static void
add_toast (SanEmailsPage *self,
           const char    *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
}

static SanEmail *
selected_email (SanEmailsPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static gboolean
has_filters (SanEmailsPage *self)
{
  return self->search != NULL || self->kind >= 0 ||
         g_date_valid (&self->from) || g_date_valid (&self->to);
}

/* The rows' closures */

static char *
email_row_date (GtkListItem *item,
                GDateTime   *sent_at)
{
  return sent_at != NULL ? san_email_format_sent_at (sent_at) : g_strdup ("");
}

static char *
email_row_recipients (GtkListItem  *item,
                      char        **recipients)
{
  g_autofree char *joined = NULL;

  if (recipients == NULL || recipients[0] == NULL)
    return g_strdup ("");
  joined = g_strjoinv (", ", recipients);
  /* Translators: the addresses an e-mail went to, in the list */
  return g_strdup_printf (_("To %s"), joined);
}

static char *
email_row_kind (GtkListItem  *item,
                SanEmailKind  kind)
{
  return g_strdup (san_email_kind_label (kind));
}

static char **
email_row_kind_classes (GtkListItem  *item,
                        SanEmailKind  kind)
{
  const char * const classes[] = { "status-badge", san_email_kind_css_class (kind), NULL };

  return g_strdupv ((char **) classes);
}

/* State */

static void
update_count (SanEmailsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  g_autofree char *text = NULL;

  if (self->next_cursor != NULL && self->total > n)
    /* Translators: e-mails listed so far, of how many there are */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u e-mail", "%u of %u e-mails",
                                         self->total),
                            n, self->total);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u e-mail", "%u e-mails", n), n);
  gtk_label_set_label (self->count_label, text);
  gtk_widget_set_visible (self->more_button, self->next_cursor != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "emails.load-more",
                                 self->next_cursor != NULL && !self->loading && !self->loading_more);
}

static void
update_state (SanEmailsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  gtk_spinner_set_spinning (self->filter_spinner, self->loading && self->loaded);
  gtk_widget_set_visible (GTK_WIDGET (self->filter_spinner), self->loading && self->loaded);
  update_count (self);

  if (self->loading && !self->loaded)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "loading");
    }
  else if (!self->loaded && self->client != NULL && self->contract != NULL)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "error");
    }
  else if (n > 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
    }
  else if (has_filters (self))
    {
      adw_status_page_set_icon_name (self->empty_page, "system-search-symbolic");
      adw_status_page_set_title (self->empty_page, _("No E-mails Match"));
      adw_status_page_set_description (self->empty_page,
                                       _("No e-mail matches the search, kind and dates chosen."));
      gtk_widget_set_visible (self->clear_filters_button, TRUE);
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "mail-unread-symbolic");
      adw_status_page_set_title (self->empty_page, _("No E-mails"));
      adw_status_page_set_description (self->empty_page,
                                       self->loaded
                                       ? _("SAN has sent no e-mail about this contract yet.")
                                       : NULL);
      gtk_widget_set_visible (self->clear_filters_button, FALSE);
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }
}

/* Reading the selected e-mail */

static void
show_read (SanEmailsPage *self,
           SanEmail      *email)
{
  san_email_reader_set_email (self->reader, email);
  gtk_stack_set_visible_child_name (self->detail_stack, "reader");
}

static void
on_email_read_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(SanEmail) email = NULL;
  g_autoptr(GError) error = NULL;
  SanEmailsPage *self;

  email = san_client_get_email_finish (SAN_CLIENT (object), result, &error);
  if (email == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = SAN_EMAILS_PAGE (user_data);
  if (email == NULL)
    {
      adw_status_page_set_description (self->read_error_page, error->message);
      gtk_stack_set_visible_child_name (self->detail_stack, "error");
      return;
    }

  g_hash_table_replace (self->read, g_strdup (san_email_get_id (email)), g_object_ref (email));
  if (g_strcmp0 (self->shown_id, san_email_get_id (email)) == 0)
    show_read (self, email);
}

static void
read_email (SanEmailsPage *self,
            const char    *email_id)
{
  SanEmail *read = g_hash_table_lookup (self->read, email_id);

  g_cancellable_cancel (self->read_cancellable);
  g_clear_object (&self->read_cancellable);

  if (read != NULL)
    {
      show_read (self, read);
      return;
    }
  if (self->client == NULL || self->contract == NULL)
    return;

  self->read_cancellable = g_cancellable_new ();
  gtk_stack_set_visible_child_name (self->detail_stack, "loading");
  san_client_get_email_async (self->client, san_contract_get_id (self->contract), email_id,
                              self->read_cancellable, on_email_read_cb, self);
}

/* Shows the selected e-mail (reading it whole first), or nothing */
static void
update_detail (SanEmailsPage *self)
{
  SanEmail *email = selected_email (self);

  if (email == NULL)
    {
      g_cancellable_cancel (self->read_cancellable);
      g_clear_object (&self->read_cancellable);
      g_clear_pointer (&self->shown_id, g_free);
      san_email_reader_set_email (self->reader, NULL);
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }
  if (g_strcmp0 (self->shown_id, san_email_get_id (email)) == 0 &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "none") != 0)
    return;

  g_free (self->shown_id);
  self->shown_id = g_strdup (san_email_get_id (email));
  read_email (self, self->shown_id);
}

static gboolean
select_email_by_id (SanEmailsPage *self,
                    const char    *email_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SanEmail) email = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (g_strcmp0 (san_email_get_id (email), email_id) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

/* Loading the list */

static void
take_page (SanEmailsPage *self,
           SanPage       *page,
           gboolean       replace)
{
  GListModel *items = san_page_get_items (page);
  guint n = g_list_model_get_n_items (items);
  g_autoptr(GPtrArray) emails = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (emails, g_list_model_get_item (items, i));
  g_list_store_splice (self->store,
                       replace ? 0 : g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       replace ? g_list_model_get_n_items (G_LIST_MODEL (self->store)) : 0,
                       emails->pdata, emails->len);

  g_free (self->next_cursor);
  self->next_cursor = g_strdup (san_page_get_next_cursor (page));
  self->total = san_page_get_total (page);
}

static void
on_first_page_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(SanPage) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *selected_id = NULL;
  SanEmailsPage *self;

  page = san_client_list_emails_finish (SAN_CLIENT (object), result, &error);
  if (page == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = SAN_EMAILS_PAGE (user_data);
  self->loading = FALSE;
  if (page == NULL)
    {
      if (!self->loaded)
        adw_status_page_set_description (self->error_page, error->message);
      update_state (self);
      g_signal_emit (self, signals[LOAD_FAILED], 0, error);
      return;
    }

  /* The e-mail being read stays selected if it is still listed */
  selected_id = g_strdup (self->shown_id);
  self->selecting = TRUE;
  take_page (self, page, TRUE);
  if (selected_id == NULL || !select_email_by_id (self, selected_id))
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->selecting = FALSE;

  self->loaded = TRUE;
  update_state (self);
  update_detail (self);
}

static void
on_next_page_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SanPage) page = NULL;
  g_autoptr(GError) error = NULL;
  SanEmailsPage *self;

  page = san_client_list_emails_finish (SAN_CLIENT (object), result, &error);
  if (page == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = SAN_EMAILS_PAGE (user_data);
  self->loading_more = FALSE;
  if (page == NULL)
    {
      g_autofree char *title = NULL;

      /* Translators: %s is the reason */
      title = g_strdup_printf (_("Could not load more e-mails: %s"), error->message);
      add_toast (self, title);
    }
  else
    {
      self->selecting = TRUE;
      take_page (self, page, FALSE);
      self->selecting = FALSE;
    }
  update_state (self);
}

static void
list_page (SanEmailsPage       *self,
           const char          *cursor,
           GAsyncReadyCallback  callback)
{
  san_client_list_emails_async (self->client,
                                san_contract_get_id (self->contract),
                                self->kind >= 0 ? &kind_filters[self->kind] : NULL,
                                self->search,
                                g_date_valid (&self->from) ? &self->from : NULL,
                                g_date_valid (&self->to) ? &self->to : NULL,
                                cursor,
                                PAGE_SIZE,
                                self->cancellable,
                                callback,
                                self);
}

/* The first page, with the filters as they are now */
static void
load (SanEmailsPage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->loading_more = FALSE;

  if (self->client == NULL || self->contract == NULL)
    {
      self->loading = FALSE;
      update_state (self);
      return;
    }

  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  update_state (self);
  list_page (self, NULL, on_first_page_cb);
}

static void
load_more (SanEmailsPage *self)
{
  if (self->next_cursor == NULL || self->loading || self->loading_more || self->cancellable == NULL)
    return;
  self->loading_more = TRUE;
  update_state (self);
  list_page (self, self->next_cursor, on_next_page_cb);
}

/* Filters */

static void
set_search (SanEmailsPage *self,
            const char    *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *search = NULL;

  if (stripped[0] != '\0')
    search = g_utf8_substring (stripped, 0, MIN (g_utf8_strlen (stripped, -1), MAX_SEARCH_CHARS));
  if (g_strcmp0 (search, self->search) == 0)
    return;
  g_free (self->search);
  self->search = g_steal_pointer (&search);
  load (self);
}

static void
update_date_label (SanEmailsPage *self)
{
  g_autofree char *from = g_date_valid (&self->from) ? san_date_format (&self->from) : NULL;
  g_autofree char *to = g_date_valid (&self->to) ? san_date_format (&self->to) : NULL;
  g_autofree char *text = NULL;

  if (from != NULL && to != NULL && g_date_compare (&self->from, &self->to) == 0)
    text = g_strdup (from);
  else if (from != NULL && to != NULL)
    /* Translators: a range of days, like "1 Nov 2026 – 24 Nov 2026" */
    text = g_strdup_printf (C_("days", "%s – %s"), from, to);
  else if (from != NULL)
    /* Translators: %s is a day */
    text = g_strdup_printf (_("Since %s"), from);
  else if (to != NULL)
    /* Translators: %s is a day */
    text = g_strdup_printf (_("Until %s"), to);
  else
    text = g_strdup (_("Any Date"));
  gtk_label_set_label (self->date_filter_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->date_button), text);
}

static void
calendar_get_date (GtkCalendar *calendar,
                   GDate       *out)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);

  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) g_date_time_get_day_of_month (date),
                  (GDateMonth) g_date_time_get_month (date),
                  (GDateYear) g_date_time_get_year (date));
}

static void
calendar_set_date (GtkCalendar *calendar,
                   const GDate *date)
{
  g_autoptr(GDateTime) when = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                     g_date_get_day (date), 12, 0, 0);

  gtk_calendar_select_day (calendar, when);
}

/* Reads the date filter from its widgets; @moved is the calendar a person
 * just used (the other one follows it, so that from is never after to) */
static void
apply_dates (SanEmailsPage *self,
             GtkCalendar   *moved)
{
  GDate from, to;

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  if (gtk_check_button_get_active (self->from_check))
    calendar_get_date (self->from_calendar, &from);
  if (gtk_check_button_get_active (self->to_check))
    calendar_get_date (self->to_calendar, &to);

  if (g_date_valid (&from) && g_date_valid (&to) && g_date_compare (&from, &to) > 0)
    {
      self->setting_filters = TRUE;
      if (moved == self->to_calendar)
        {
          from = to;
          calendar_set_date (self->from_calendar, &from);
        }
      else
        {
          to = from;
          calendar_set_date (self->to_calendar, &to);
        }
      self->setting_filters = FALSE;
    }

  if ((g_date_valid (&from) == g_date_valid (&self->from) &&
       (!g_date_valid (&from) || g_date_compare (&from, &self->from) == 0)) &&
      (g_date_valid (&to) == g_date_valid (&self->to) &&
       (!g_date_valid (&to) || g_date_compare (&to, &self->to) == 0)))
    return;

  self->from = from;
  self->to = to;
  update_date_label (self);
  load (self);
}

static void
clear_filters (SanEmailsPage *self)
{
  self->setting_filters = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->kind_dropdown, 0);
  gtk_check_button_set_active (self->from_check, FALSE);
  gtk_check_button_set_active (self->to_check, FALSE);
  self->setting_filters = FALSE;

  g_clear_pointer (&self->search, g_free);
  self->kind = -1;
  g_date_clear (&self->from, 1);
  g_date_clear (&self->to, 1);
  update_date_label (self);
  load (self);
}

/* Actions */

static void
reload_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  load (SAN_EMAILS_PAGE (widget));
}

static void
load_more_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  load_more (SAN_EMAILS_PAGE (widget));
}

static void
read_again_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SanEmailsPage *self = SAN_EMAILS_PAGE (widget);

  if (self->shown_id != NULL)
    read_email (self, self->shown_id);
}

static void
search_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SanEmailsPage *self = SAN_EMAILS_PAGE (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->list_side);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Callbacks */

static void
on_search_entry_search_changed_cb (SanEmailsPage  *self,
                                   GtkSearchEntry *entry)
{
  if (self->list_stack == NULL || self->setting_filters)
    return;   /* disposing, or clearing */
  set_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_search_entry_stop_search_cb (SanEmailsPage  *self,
                                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_kind_dropdown_selected_cb (SanEmailsPage *self,
                              GParamSpec    *pspec,
                              GtkDropDown   *dropdown)
{
  guint selected;
  int kind;

  if (self->list_stack == NULL || self->setting_filters)
    return;
  selected = gtk_drop_down_get_selected (dropdown);
  kind = selected == GTK_INVALID_LIST_POSITION || selected == 0 || selected > G_N_ELEMENTS (kind_filters)
         ? -1 : (int) selected - 1;
  if (kind == self->kind)
    return;
  self->kind = kind;
  load (self);
}

static void
on_date_check_toggled_cb (SanEmailsPage  *self,
                          GtkCheckButton *check)
{
  if (self->list_stack == NULL || self->setting_filters)
    return;
  apply_dates (self, NULL);
}

static void
on_calendar_day_selected_cb (SanEmailsPage *self,
                             GtkCalendar   *calendar)
{
  if (self->list_stack == NULL || self->setting_filters)
    return;
  /* Picking a day sets that bound */
  self->setting_filters = TRUE;
  gtk_check_button_set_active (calendar == self->from_calendar ? self->from_check : self->to_check,
                               TRUE);
  self->setting_filters = FALSE;
  apply_dates (self, calendar);
}

static void
on_any_date_clicked_cb (SanEmailsPage *self)
{
  self->setting_filters = TRUE;
  gtk_check_button_set_active (self->from_check, FALSE);
  gtk_check_button_set_active (self->to_check, FALSE);
  self->setting_filters = FALSE;
  apply_dates (self, NULL);
  gtk_popover_popdown (gtk_menu_button_get_popover (self->date_button));
}

static void
on_clear_filters_clicked_cb (SanEmailsPage *self)
{
  clear_filters (self);
}

static void
on_list_scroller_edge_reached_cb (SanEmailsPage     *self,
                                  GtkPositionType    position,
                                  GtkScrolledWindow *scroller)
{
  if (position == GTK_POS_BOTTOM)
    load_more (self);
}

static void
on_selection_selected_item_cb (SanEmailsPage      *self,
                               GParamSpec         *pspec,
                               GtkSingleSelection *selection)
{
  if (self->reader == NULL || self->selecting)
    return;   /* disposing, or a change by program */
  update_detail (self);

  /* A person picked an e-mail: on a narrow window, show it */
  if (selected_email (self) != NULL && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->detail_side);
}

static void
on_leaflet_visible_child_cb (SanEmailsPage *self,
                             GParamSpec    *pspec,
                             AdwLeaflet    *leaflet)
{
  if (self->list_side == NULL || self->selection == NULL)
    return;   /* disposing */

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWING_DETAIL]);

  /* Back on the list of a folded leaflet: forget the selection so that
   * picking the same e-mail again shows it */
  if (adw_leaflet_get_folded (leaflet) &&
      adw_leaflet_get_visible_child (leaflet) == self->list_side)
    {
      self->selecting = TRUE;
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      self->selecting = FALSE;
      update_detail (self);
    }
}

static void
on_leaflet_folded_cb (SanEmailsPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWING_DETAIL]);
}

/* GObject */

static void
san_emails_page_dispose (GObject *object)
{
  SanEmailsPage *self = SAN_EMAILS_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->read_cancellable);
  g_clear_object (&self->read_cancellable);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAN_TYPE_EMAILS_PAGE);
  /* The template's top widget is not a bound child: unparent it too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  g_clear_pointer (&self->read, g_hash_table_unref);
  g_clear_object (&self->client);
  g_clear_object (&self->contract);

  G_OBJECT_CLASS (san_emails_page_parent_class)->dispose (object);
}

static void
san_emails_page_finalize (GObject *object)
{
  SanEmailsPage *self = SAN_EMAILS_PAGE (object);

  g_free (self->search);
  g_free (self->next_cursor);
  g_free (self->shown_id);

  G_OBJECT_CLASS (san_emails_page_parent_class)->finalize (object);
}

static void
san_emails_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SanEmailsPage *self = SAN_EMAILS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SHOWING_DETAIL:
      g_value_set_boolean (value, san_emails_page_get_showing_detail (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_emails_page_class_init (SanEmailsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = san_emails_page_dispose;
  object_class->finalize = san_emails_page_finalize;
  object_class->get_property = san_emails_page_get_property;

  properties[PROP_SHOWING_DETAIL] =
    g_param_spec_boolean ("showing-detail", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[LOAD_FAILED] =
    g_signal_new ("load-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  g_type_ensure (SAN_TYPE_EMAIL_READER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/saninternet/ClientArea/ui/san-emails-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SanEmailsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SanEmailsPage, list_side);
  gtk_widget_class_bind_template_child (widget_class, SanEmailsPage, detail_side);
  gtk_widget_class_bind_template_child (widget_class, SanEmailsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SanEmailsPage, filter_spinner);
  gtk_widget_class_bind_template_child (widget_class, SanEmailsPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SanEmailsPage, date_button);
  gtk_widget_class_bind_template_child (widget_class, SanEmailsPage, date_filter_label);
  gtk_widget_class_bind_template_child (widget_class, SanEmailsPage, from_check);
  gtk_widget_class_bind_template_child (widget_class, SanEmailsPage, to_check);
  gtk_widget_class_bind_template_child (widget_class, SanEmailsPage, from_calendar);
  gtk_widget_class_bind_template_child (widget_class, SanEmailsPage, to_calendar);
  gtk_widget_class_bind_template_child (widget_class, SanEmailsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SanEmailsPage, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, SanEmailsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, SanEmailsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, SanEmailsPage, more_button);
  gtk_widget_class_bind_template_child (widget_class, SanEmailsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SanEmailsPage, clear_filters_button);
  gtk_widget_class_bind_template_child (widget_class, SanEmailsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, SanEmailsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, SanEmailsPage, read_error_page);
  gtk_widget_class_bind_template_child (widget_class, SanEmailsPage, reader);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_check_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_any_date_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_filters_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_scroller_edge_reached_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_cb);

  gtk_widget_class_install_action (widget_class, "emails.reload", NULL, reload_action_cb);
  gtk_widget_class_install_action (widget_class, "emails.load-more", NULL, load_more_action_cb);
  gtk_widget_class_install_action (widget_class, "emails.read-again", NULL, read_again_action_cb);
  gtk_widget_class_install_action (widget_class, "emails.search", NULL, search_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "emails.search", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
san_emails_page_init (SanEmailsPage *self)
{
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
  g_autoptr(GBytes) row = g_bytes_new_static (row_ui, sizeof row_ui - 1);
  g_autoptr(GtkListItemFactory) factory = NULL;

  self->kind = -1;
  g_date_clear (&self->from, 1);
  g_date_clear (&self->to, 1);
  self->read = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->store = g_list_store_new (SAN_TYPE_EMAIL);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->store)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selection_selected_item_cb), self, G_CONNECT_SWAPPED);

  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                           "email_row_date", G_CALLBACK (email_row_date),
                                           "email_row_recipients", G_CALLBACK (email_row_recipients),
                                           "email_row_kind", G_CALLBACK (email_row_kind),
                                           "email_row_kind_classes", G_CALLBACK (email_row_kind_classes),
                                           NULL);
  factory = gtk_builder_list_item_factory_new_from_bytes (scope, row);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  update_date_label (self);
  update_state (self);
}

void
san_emails_page_set_contract (SanEmailsPage *self,
                              SanClient     *client,
                              SanContract   *contract)
{
  g_return_if_fail (SAN_IS_EMAILS_PAGE (self));
  g_return_if_fail (client == NULL || SAN_IS_CLIENT (client));
  g_return_if_fail (contract == NULL || SAN_IS_CONTRACT (contract));

  g_set_object (&self->client, client);
  g_set_object (&self->contract, contract);

  /* Another contract: nothing of the last one may stay on screen */
  self->loaded = FALSE;
  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_list_store_remove_all (self->store);
  self->selecting = FALSE;
  g_hash_table_remove_all (self->read);
  g_clear_pointer (&self->next_cursor, g_free);
  self->total = 0;
  update_detail (self);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->list_side);

  load (self);
}

void
san_emails_page_reload (SanEmailsPage *self)
{
  g_return_if_fail (SAN_IS_EMAILS_PAGE (self));

  load (self);
}

gboolean
san_emails_page_get_showing_detail (SanEmailsPage *self)
{
  g_return_val_if_fail (SAN_IS_EMAILS_PAGE (self), FALSE);

  if (self->leaflet == NULL)
    return FALSE;
  return adw_leaflet_get_folded (self->leaflet) &&
         adw_leaflet_get_visible_child (self->leaflet) == self->detail_side;
}

gboolean
san_emails_page_go_back (SanEmailsPage *self)
{
  g_return_val_if_fail (SAN_IS_EMAILS_PAGE (self), FALSE);

  if (!san_emails_page_get_showing_detail (self))
    return FALSE;
  adw_leaflet_set_visible_child (self->leaflet, self->list_side);
  return TRUE;
}
