/* san-staff-queue-page.c: staff mode: the ticket queue across contracts and a ticket's thread
 *
 * The server filters (department, status, priority, waiting on us, search)
 * and pages the queue in a stable order (oldest activity first); the page
 * loads every page and sorts what the desk should answer first on top:
 * tickets waiting on SAN before the others, high priority first, then the
 * one waiting longest. Tickets not waiting on SAN follow, most recent
 * activity first.
 *
 * GListStore -> GtkSortListModel -> GtkSingleSelection -> GtkListView, and
 * beside it (an AdwLeaflet that folds on narrow windows) the selected
 * ticket in a SanStaffTicketView. A reply or a status change updates the
 * ticket's row in place; it stays in the list until the next reload even
 * when it no longer matches the filters, so the desk sees what it did.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "san-staff-queue-page.h"
#include "san-staff-ticket-row.h"
#include "san-staff-ticket-view.h"

/* The status dropdown: "Any", "Not closed", then the six statuses */
#define STATUS_ANY        0
#define STATUS_NOT_CLOSED 1
#define STATUS_FIRST      2

/* The priority dropdown: "Any", then High, Medium, Low */
#define PRIORITY_ANY 0

#define MAX_SEARCH_CHARS 100

struct _SanStaffQueuePage
{
  GtkWidget            parent_instance;

  SanClient           *client;
  GCancellable        *cancellable;              /* loading the queue */
  GCancellable        *departments_cancellable;

  GListStore          *store;
  GtkSortListModel    *sort_model;
  GtkSingleSelection  *selection;
  GtkStringList       *department_names;
  GPtrArray           *department_ids;           /* parallel to the dropdown; [0] NULL */

  guint                loading : 1;
  guint                loaded : 1;
  guint                selecting : 1;            /* the selection changes by program */
  guint                updating_filters : 1;     /* the filter widgets change by program */

  AdwLeaflet          *leaflet;
  GtkWidget           *list_side;
  GtkWidget           *detail_side;
  GtkSearchEntry      *queue_search_entry;
  GtkToggleButton     *waiting_toggle;
  GtkDropDown         *department_filter;
  GtkDropDown         *status_filter;
  GtkDropDown         *priority_filter;
  GtkLabel            *count_label;
  GtkStack            *list_stack;
  GtkListView         *list_view;
  AdwStatusPage       *empty_page;
  GtkButton           *empty_button;
  AdwStatusPage       *error_page;
  SanStaffTicketView  *ticket_view;
};

G_DEFINE_FINAL_TYPE (SanStaffQueuePage, san_staff_queue_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_SHOWING_DETAIL, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { LOAD_FAILED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void load (SanStaffQueuePage *self);

/* Order: what to answer first on top */

/* The customer waits on SAN: open, customer reply, in progress */
static gboolean
waits_on_us (SanTicketStatus status)
{
  return status == SAN_TICKET_STATUS_OPEN ||
         status == SAN_TICKET_STATUS_CUSTOMER_REPLY ||
         status == SAN_TICKET_STATUS_IN_PROGRESS;
}

static int
compare_tickets (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  SanTicket *ta = (SanTicket *) a;
  SanTicket *tb = (SanTicket *) b;
  gboolean wa = waits_on_us (san_ticket_get_status (ta));
  gboolean wb = waits_on_us (san_ticket_get_status (tb));
  SanTicketPriority pa = san_ticket_get_priority (ta);
  SanTicketPriority pb = san_ticket_get_priority (tb);
  int by_time;
  guint64 id_a, id_b;

  if (wa != wb)
    return wa ? -1 : 1;
  if (pa != pb)
    return pa > pb ? -1 : 1;
  /* Waiting on us: the longest wait first; the others: the latest first */
  by_time = g_date_time_compare (san_ticket_get_updated_at (ta), san_ticket_get_updated_at (tb));
  if (by_time != 0)
    return wa ? by_time : -by_time;
  id_a = g_ascii_strtoull (san_ticket_get_id (ta), NULL, 10);
  id_b = g_ascii_strtoull (san_ticket_get_id (tb), NULL, 10);
  return id_a < id_b ? -1 : id_a > id_b ? 1 : 0;
}

/* Filters, as the server's query */

static const char *
query_department (SanStaffQueuePage *self)
{
  guint selected = gtk_drop_down_get_selected (self->department_filter);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->department_ids->len)
    return NULL;
  return g_ptr_array_index (self->department_ids, selected);
}

static const char *
query_status (SanStaffQueuePage *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_filter);

  if (selected == STATUS_NOT_CLOSED)
    return "open_any";
  if (selected >= STATUS_FIRST && selected - STATUS_FIRST <= SAN_TICKET_STATUS_CLOSED)
    return san_ticket_status_to_wire ((SanTicketStatus) (selected - STATUS_FIRST));
  return NULL;
}

static gboolean
query_priority (SanStaffQueuePage *self,
                 SanTicketPriority *out)
{
  switch (gtk_drop_down_get_selected (self->priority_filter))
    {
    case 1:
      *out = SAN_TICKET_PRIORITY_HIGH;
      return TRUE;
    case 2:
      *out = SAN_TICKET_PRIORITY_MEDIUM;
      return TRUE;
    case 3:
      *out = SAN_TICKET_PRIORITY_LOW;
      return TRUE;
    default:
      return FALSE;
    }
}

/* The search as sent: trimmed, at most 100 characters, NULL when empty */
static char *
dup_search (SanStaffQueuePage *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->queue_search_entry)));

  g_strstrip (text);
  if (text[0] == '\0')
    return NULL;
  if (g_utf8_strlen (text, -1) > MAX_SEARCH_CHARS)
    *g_utf8_offset_to_pointer (text, MAX_SEARCH_CHARS) = '\0';
  return g_steal_pointer (&text);
}

/* Only "waiting on us", as the desk starts */
static gboolean
has_default_filters (SanStaffQueuePage *self)
{
  g_autofree char *search = dup_search (self);

  return search == NULL &&
         gtk_drop_down_get_selected (self->department_filter) == 0 &&
         gtk_drop_down_get_selected (self->status_filter) == STATUS_ANY &&
         gtk_drop_down_get_selected (self->priority_filter) == PRIORITY_ANY;
}

static void
reset_filters (SanStaffQueuePage *self,
               gboolean           waiting)
{
  self->updating_filters = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->queue_search_entry), "");
  gtk_drop_down_set_selected (self->department_filter, 0);
  gtk_drop_down_set_selected (self->status_filter, STATUS_ANY);
  gtk_drop_down_set_selected (self->priority_filter, PRIORITY_ANY);
  gtk_toggle_button_set_active (self->waiting_toggle, waiting);
  self->updating_filters = FALSE;
}

/* State */

static void
update_count (SanStaffQueuePage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  guint n_high = 0;
  g_autofree char *tickets = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SanTicket) ticket = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (san_ticket_get_priority (ticket) == SAN_TICKET_PRIORITY_HIGH &&
          san_ticket_get_status (ticket) != SAN_TICKET_STATUS_CLOSED)
        n_high++;
    }

  tickets = g_strdup_printf (ngettext ("%u ticket", "%u tickets", n), n);
  if (n_high > 0)
    /* Translators: "5 tickets · 2 high priority" */
    text = g_strdup_printf (ngettext ("%s · %u high priority", "%s · %u high priority", n_high),
                            tickets, n_high);
  gtk_label_set_label (self->count_label, text != NULL ? text : tickets);
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), self->loaded && n > 0);
}

static void
update_state (SanStaffQueuePage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  update_count (self);

  if (self->loading && !self->loaded)
    gtk_stack_set_visible_child_name (self->list_stack, "loading");
  else if (!self->loaded && self->client != NULL)
    gtk_stack_set_visible_child_name (self->list_stack, "error");
  else if (n > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else
    {
      gboolean waiting = gtk_toggle_button_get_active (self->waiting_toggle);

      if (has_default_filters (self) && waiting)
        {
          adw_status_page_set_icon_name (self->empty_page, "emblem-ok-symbolic");
          adw_status_page_set_title (self->empty_page, _("All Caught Up"));
          adw_status_page_set_description (self->empty_page,
                                           _("No customer is waiting on SAN right now."));
          gtk_button_set_label (self->empty_button, _("_Show All Tickets"));
          gtk_widget_set_visible (GTK_WIDGET (self->empty_button), TRUE);
        }
      else if (has_default_filters (self))
        {
          adw_status_page_set_icon_name (self->empty_page, "help-faq-symbolic");
          adw_status_page_set_title (self->empty_page, _("No Tickets"));
          adw_status_page_set_description (self->empty_page,
                                           self->loaded
                                           ? _("No customer has opened a ticket yet.")
                                           : NULL);
          gtk_widget_set_visible (GTK_WIDGET (self->empty_button), FALSE);
        }
      else
        {
          adw_status_page_set_icon_name (self->empty_page, "system-search-symbolic");
          adw_status_page_set_title (self->empty_page, _("No Tickets Match"));
          adw_status_page_set_description (self->empty_page,
                                           _("No ticket matches the search and filters."));
          gtk_button_set_label (self->empty_button, _("_Clear Filters"));
          gtk_widget_set_visible (GTK_WIDGET (self->empty_button), TRUE);
        }
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }
}

static gboolean
select_ticket_by_id (SanStaffQueuePage *self,
                     const char        *ticket_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SanTicket) ticket = g_list_model_get_item (G_LIST_MODEL (self->sort_model), i);

      if (g_strcmp0 (san_ticket_get_id (ticket), ticket_id) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

/* Puts @items in the list; the ticket shown beside stays selected when it
 * is still there (and shown when not: the desk may be answering it) */
static void
replace_items (SanStaffQueuePage *self,
               GListModel        *tickets)
{
  g_autoptr(GPtrArray) items = NULL;
  const char *shown_id = san_staff_ticket_view_get_ticket_id (self->ticket_view);
  guint n = g_list_model_get_n_items (tickets);

  items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (tickets, i));

  self->selecting = TRUE;
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);
  if (shown_id == NULL || !select_ticket_by_id (self, shown_id))
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->selecting = FALSE;
}

/* Loading */

static void
on_departments_loaded_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) departments = NULL;
  g_autofree char *selected_id = NULL;
  SanStaffQueuePage *self;
  guint n, position = 0;

  departments = san_client_list_departments_finish (SAN_CLIENT (object), result, &error);
  if (departments == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = SAN_STAFF_QUEUE_PAGE (user_data);
  if (departments == NULL)
    {
      /* The queue still works with every department */
      g_signal_emit (self, signals[LOAD_FAILED], 0, error);
      return;
    }

  selected_id = g_strdup (query_department (self));
  self->updating_filters = TRUE;
  gtk_string_list_splice (self->department_names, 1,
                          g_list_model_get_n_items (G_LIST_MODEL (self->department_names)) - 1,
                          NULL);
  g_ptr_array_set_size (self->department_ids, 1);
  n = g_list_model_get_n_items (departments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SanDepartment) department = g_list_model_get_item (departments, i);

      gtk_string_list_append (self->department_names, san_department_get_name (department));
      g_ptr_array_add (self->department_ids, g_strdup (san_department_get_id (department)));
      if (g_strcmp0 (selected_id, san_department_get_id (department)) == 0)
        position = i + 1;
    }
  gtk_drop_down_set_selected (self->department_filter, position);
  self->updating_filters = FALSE;
}

static void
load_departments (SanStaffQueuePage *self)
{
  g_cancellable_cancel (self->departments_cancellable);
  g_clear_object (&self->departments_cancellable);
  if (self->client == NULL)
    return;

  self->departments_cancellable = g_cancellable_new ();
  san_client_list_departments_async (self->client, self->departments_cancellable,
                                     on_departments_loaded_cb, self);
}

static void
on_queue_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) tickets = NULL;
  SanStaffQueuePage *self;

  tickets = san_client_list_all_staff_tickets_finish (SAN_CLIENT (object), result, &error);
  if (tickets == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = SAN_STAFF_QUEUE_PAGE (user_data);
  self->loading = FALSE;

  if (tickets == NULL)
    {
      if (!self->loaded)
        adw_status_page_set_description (self->error_page, error->message);
      update_state (self);
      g_signal_emit (self, signals[LOAD_FAILED], 0, error);
      return;
    }

  replace_items (self, tickets);
  self->loaded = TRUE;
  update_state (self);
}

static void
load (SanStaffQueuePage *self)
{
  g_autofree char *search = NULL;
  SanTicketPriority priority;
  SanTicketWaiting waiting = SAN_TICKET_WAITING_US;
  gboolean has_priority;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->client == NULL)
    {
      self->loading = FALSE;
      update_state (self);
      return;
    }

  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  update_state (self);

  search = dup_search (self);
  has_priority = query_priority (self, &priority);
  san_client_list_all_staff_tickets_async (self->client,
                                           query_department (self),
                                           query_status (self),
                                           has_priority ? &priority : NULL,
                                           gtk_toggle_button_get_active (self->waiting_toggle)
                                           ? &waiting : NULL,
                                           search,
                                           self->cancellable,
                                           on_queue_loaded_cb,
                                           self);
}

/* Callbacks */

static void
filters_changed (SanStaffQueuePage *self)
{
  if (self->list_stack == NULL)
    return;   /* disposing */
  if (self->updating_filters)
    return;
  load (self);
}

static void
on_filter_selected_cb (SanStaffQueuePage *self,
                       GParamSpec        *pspec,
                       GtkDropDown       *dropdown)
{
  filters_changed (self);
}

static void
on_waiting_toggle_toggled_cb (SanStaffQueuePage *self,
                              GtkToggleButton   *button)
{
  filters_changed (self);
}

static void
on_search_entry_search_changed_cb (SanStaffQueuePage *self,
                                   GtkSearchEntry    *entry)
{
  filters_changed (self);
}

static void
on_search_entry_stop_search_cb (SanStaffQueuePage *self,
                                GtkSearchEntry    *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_empty_button_clicked_cb (SanStaffQueuePage *self)
{
  /* "Show All Tickets" when nothing waits; "Clear Filters" otherwise */
  gboolean waiting = !(has_default_filters (self) &&
                       gtk_toggle_button_get_active (self->waiting_toggle));

  reset_filters (self, waiting);
  load (self);
}

static void
on_selection_selected_item_cb (SanStaffQueuePage  *self,
                               GParamSpec         *pspec,
                               GtkSingleSelection *selection)
{
  SanTicket *ticket;

  if (self->ticket_view == NULL || self->selecting)
    return;   /* disposing, or a reload putting the selection back */

  ticket = gtk_single_selection_get_selected_item (selection);
  if (ticket == NULL)
    return;   /* the shown ticket stays beside */

  san_staff_ticket_view_show_ticket (self->ticket_view, san_ticket_get_id (ticket));
  /* A person picked a ticket: on a narrow window, show it */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->detail_side);
}

static void
on_ticket_view_ticket_changed_cb (SanStaffQueuePage  *self,
                                  SanTicket          *ticket,
                                  SanStaffTicketView *view)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  const char *shown_id = san_staff_ticket_view_get_ticket_id (view);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SanTicket) old = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (g_strcmp0 (san_ticket_get_id (old), san_ticket_get_id (ticket)) != 0)
        continue;

      self->selecting = TRUE;
      g_list_store_splice (self->store, i, 1, (gpointer *) &ticket, 1);
      if (shown_id == NULL || !select_ticket_by_id (self, shown_id))
        gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      self->selecting = FALSE;
      update_state (self);
      return;
    }
}

static void
on_leaflet_visible_child_cb (SanStaffQueuePage *self,
                             GParamSpec        *pspec,
                             AdwLeaflet        *leaflet)
{
  if (self->list_side == NULL || self->selection == NULL)
    return;   /* disposing */

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWING_DETAIL]);

  /* Back on the list of a folded leaflet: forget the selection so that
   * picking the same ticket again shows it */
  if (adw_leaflet_get_folded (leaflet) &&
      adw_leaflet_get_visible_child (leaflet) == self->list_side)
    {
      self->selecting = TRUE;
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      self->selecting = FALSE;
    }
}

static void
on_leaflet_folded_cb (SanStaffQueuePage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWING_DETAIL]);
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, san_staff_ticket_row_new ());
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    gpointer                  user_data)
{
  san_staff_ticket_row_set_ticket (SAN_STAFF_TICKET_ROW (gtk_list_item_get_child (list_item)),
                                   gtk_list_item_get_item (list_item));
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      gpointer                  user_data)
{
  san_staff_ticket_row_set_ticket (SAN_STAFF_TICKET_ROW (gtk_list_item_get_child (list_item)),
                                   NULL);
}

/* The filters' buttons ellipsize; their lists show the whole words */

static void
on_button_label_setup_cb (GtkSignalListItemFactory *factory,
                          GtkListItem              *list_item,
                          gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (user_data))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 4);
    }
  gtk_list_item_set_child (list_item, label);
}

static void
on_label_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  GtkStringObject *item = gtk_list_item_get_item (list_item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)),
                       gtk_string_object_get_string (item));
}

static void
set_dropdown_factories (GtkDropDown *dropdown)
{
  g_autoptr(GtkListItemFactory) button = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list = gtk_signal_list_item_factory_new ();

  g_signal_connect (button, "setup", G_CALLBACK (on_button_label_setup_cb), GINT_TO_POINTER (TRUE));
  g_signal_connect (button, "bind", G_CALLBACK (on_label_bind_cb), NULL);
  g_signal_connect (list, "setup", G_CALLBACK (on_button_label_setup_cb), GINT_TO_POINTER (FALSE));
  g_signal_connect (list, "bind", G_CALLBACK (on_label_bind_cb), NULL);
  gtk_drop_down_set_factory (dropdown, button);
  gtk_drop_down_set_list_factory (dropdown, list);
}

/* Actions */

static void
reload_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  san_staff_queue_page_reload (SAN_STAFF_QUEUE_PAGE (widget));
}

static void
search_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  san_staff_queue_page_focus_search (SAN_STAFF_QUEUE_PAGE (widget));
}

/* GObject */

static void
san_staff_queue_page_dispose (GObject *object)
{
  SanStaffQueuePage *self = SAN_STAFF_QUEUE_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->departments_cancellable);
  g_clear_object (&self->departments_cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), SAN_TYPE_STAFF_QUEUE_PAGE);
  /* The template's top widget is not a bound child: unparent it too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->store);
  g_clear_object (&self->department_names);
  g_clear_pointer (&self->department_ids, g_ptr_array_unref);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (san_staff_queue_page_parent_class)->dispose (object);
}

static void
san_staff_queue_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SanStaffQueuePage *self = SAN_STAFF_QUEUE_PAGE (object);

  switch (prop_id)
    {
    case PROP_SHOWING_DETAIL:
      g_value_set_boolean (value, san_staff_queue_page_get_showing_detail (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_staff_queue_page_class_init (SanStaffQueuePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = san_staff_queue_page_dispose;
  object_class->get_property = san_staff_queue_page_get_property;

  properties[PROP_SHOWING_DETAIL] =
    g_param_spec_boolean ("showing-detail", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[LOAD_FAILED] =
    g_signal_new ("load-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  g_type_ensure (SAN_TYPE_STAFF_TICKET_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/saninternet/ClientArea/ui/san-staff-queue-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SanStaffQueuePage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SanStaffQueuePage, list_side);
  gtk_widget_class_bind_template_child (widget_class, SanStaffQueuePage, detail_side);
  gtk_widget_class_bind_template_child (widget_class, SanStaffQueuePage, queue_search_entry);
  gtk_widget_class_bind_template_child (widget_class, SanStaffQueuePage, waiting_toggle);
  gtk_widget_class_bind_template_child (widget_class, SanStaffQueuePage, department_filter);
  gtk_widget_class_bind_template_child (widget_class, SanStaffQueuePage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, SanStaffQueuePage, priority_filter);
  gtk_widget_class_bind_template_child (widget_class, SanStaffQueuePage, count_label);
  gtk_widget_class_bind_template_child (widget_class, SanStaffQueuePage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SanStaffQueuePage, list_view);
  gtk_widget_class_bind_template_child (widget_class, SanStaffQueuePage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SanStaffQueuePage, empty_button);
  gtk_widget_class_bind_template_child (widget_class, SanStaffQueuePage, error_page);
  gtk_widget_class_bind_template_child (widget_class, SanStaffQueuePage, ticket_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_waiting_toggle_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_empty_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_ticket_view_ticket_changed_cb);

  gtk_widget_class_install_action (widget_class, "staff-queue.reload", NULL, reload_action_cb);
  gtk_widget_class_install_action (widget_class, "staff-queue.search", NULL, search_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "staff-queue.search", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
san_staff_queue_page_init (SanStaffQueuePage *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkCustomSorter *sorter;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->department_names = gtk_string_list_new (NULL);
  gtk_string_list_append (self->department_names, C_("ticket filter", "Any Department"));
  self->department_ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->department_ids, NULL);
  self->updating_filters = TRUE;
  gtk_drop_down_set_model (self->department_filter, G_LIST_MODEL (self->department_names));
  set_dropdown_factories (self->department_filter);
  set_dropdown_factories (self->status_filter);
  set_dropdown_factories (self->priority_filter);
  self->updating_filters = FALSE;

  self->store = g_list_store_new (SAN_TYPE_TICKET);
  sorter = gtk_custom_sorter_new (compare_tickets, NULL, NULL);
  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->store)),
                                              GTK_SORTER (sorter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sort_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selection_selected_item_cb), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  update_state (self);
}

/* Public API */

void
san_staff_queue_page_set_client (SanStaffQueuePage *self,
                                 SanClient         *client)
{
  g_return_if_fail (SAN_IS_STAFF_QUEUE_PAGE (self));
  g_return_if_fail (client == NULL || SAN_IS_CLIENT (client));

  if (client == self->client && (client == NULL || self->loaded || self->loading))
    return;
  g_set_object (&self->client, client);

  /* Another session: nothing of the last one stays on screen; the desk
   * starts with what waits on SAN */
  san_staff_ticket_view_set_client (self->ticket_view, client);
  self->loaded = FALSE;
  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_list_store_remove_all (self->store);
  self->selecting = FALSE;
  reset_filters (self, TRUE);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->list_side);

  load_departments (self);
  load (self);
}

void
san_staff_queue_page_reload (SanStaffQueuePage *self)
{
  g_return_if_fail (SAN_IS_STAFF_QUEUE_PAGE (self));

  if (self->client == NULL)
    return;
  if (!self->loaded)
    load_departments (self);
  load (self);
  if (san_staff_ticket_view_get_ticket_id (self->ticket_view) != NULL)
    san_staff_ticket_view_reload (self->ticket_view);
}

gboolean
san_staff_queue_page_get_showing_detail (SanStaffQueuePage *self)
{
  g_return_val_if_fail (SAN_IS_STAFF_QUEUE_PAGE (self), FALSE);

  if (self->leaflet == NULL)
    return FALSE;
  return adw_leaflet_get_folded (self->leaflet) &&
         adw_leaflet_get_visible_child (self->leaflet) == self->detail_side;
}

gboolean
san_staff_queue_page_go_back (SanStaffQueuePage *self)
{
  g_return_val_if_fail (SAN_IS_STAFF_QUEUE_PAGE (self), FALSE);

  if (!san_staff_queue_page_get_showing_detail (self))
    return FALSE;
  adw_leaflet_set_visible_child (self->leaflet, self->list_side);
  return TRUE;
}

void
san_staff_queue_page_focus_search (SanStaffQueuePage *self)
{
  g_return_if_fail (SAN_IS_STAFF_QUEUE_PAGE (self));

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->list_side);
  gtk_widget_grab_focus (GTK_WIDGET (self->queue_search_entry));
}
