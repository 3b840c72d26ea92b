/* san-tickets-page.c: the Tickets section: the contract's tickets, a thread, a new ticket, drafts
 *
 * GListStore (the server's answer for the status filter and the search,
 * newest activity first) -> GtkSingleSelection -> GtkListView, and beside
 * it (an AdwLeaflet that folds on narrow windows) the selected ticket
 * (SanTicketView: header, thread, reply box) or the new ticket form
 * (SanNewTicketForm). Filters are the server's (the search also finds text
 * in messages, which list items do not carry); a change loads again and
 * keeps what is shown until the answer comes.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "san-new-ticket-form.h"
#include "san-ticket-row.h"
#include "san-ticket-view.h"
#include "san-tickets-page.h"
#include "san-ui-util.h"

/* The status dropdown's items */
enum {
  FILTER_NOT_CLOSED,
  FILTER_ALL,
  FILTER_FIRST_STATUS,   /* then one per SanTicketStatus, in its order */
};

#define SEARCH_MAX_CHARS 100

struct _SanTicketsPage
{
  GtkWidget           parent_instance;

  GCancellable       *cancellable;           /* loading the list */
  GCancellable       *services_cancellable;
  SanClient          *client;
  SanContract        *contract;

  GListStore         *store;
  GtkSingleSelection *selection;
  GListStore         *services;

  guint               status_filter;         /* the dropdown's position */
  char               *search;                /* stripped, never NULL */
  char               *select_id;             /* select this ticket once loaded */
  guint               loading : 1;
  guint               loaded : 1;
  guint               selecting : 1;         /* the selection changes by program */

  AdwLeaflet         *leaflet;
  GtkWidget          *list_side;
  GtkWidget          *detail_side;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *status_dropdown;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
  GtkWidget          *clear_filters_button;
  GtkWidget          *empty_new_button;
  AdwStatusPage      *error_page;
  GtkStack           *detail_stack;
  SanTicketView      *ticket_view;
  SanNewTicketForm   *new_ticket_form;
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

G_DEFINE_FINAL_TYPE (SanTicketsPage, san_tickets_page, GTK_TYPE_WIDGET)

static void load (SanTicketsPage *self);

static SanTicket *
selected_ticket (SanTicketsPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static const char *
status_wire (guint filter)
{
  if (filter == FILTER_NOT_CLOSED)
    return "open_any";
  if (filter == FILTER_ALL || filter > FILTER_FIRST_STATUS + SAN_TICKET_STATUS_CLOSED)
    return NULL;
  return san_ticket_status_to_wire ((SanTicketStatus) (filter - FILTER_FIRST_STATUS));
}

static gboolean
has_filters (SanTicketsPage *self)
{
  return self->status_filter != FILTER_ALL || self->search[0] != '\0';
}

static void
show_detail (SanTicketsPage *self,
             const char     *name)
{
  gtk_stack_set_visible_child_name (self->detail_stack, name);
  if (adw_leaflet_get_folded (self->leaflet) && !g_str_equal (name, "none"))
    adw_leaflet_set_visible_child (self->leaflet, self->detail_side);
}

/* State */

static void
update_state (SanTicketsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tickets.new",
                                 self->client != NULL && self->contract != NULL);

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
      if (self->search[0] == '\0' && self->status_filter == FILTER_NOT_CLOSED)
        {
          adw_status_page_set_title (self->empty_page, _("No Open Tickets"));
          adw_status_page_set_description (self->empty_page,
                                           _("Every ticket of this contract is closed."));
        }
      else
        {
          adw_status_page_set_title (self->empty_page, _("No Tickets Match"));
          adw_status_page_set_description (self->empty_page,
                                           _("No ticket matches the search and status filter."));
        }
      gtk_widget_set_visible (self->clear_filters_button, TRUE);
      gtk_widget_set_visible (self->empty_new_button, FALSE);
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "mail-unread-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Tickets"));
      adw_status_page_set_description (self->empty_page,
                                       self->loaded
                                       ? _("Need help? Open a ticket: SAN replies here and by e-mail.")
                                       : NULL);
      gtk_widget_set_visible (self->clear_filters_button, FALSE);
      gtk_widget_set_visible (self->empty_new_button, self->loaded);
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }
}

static gboolean
select_ticket_by_id (SanTicketsPage *self,
                     const char     *ticket_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SanTicket) ticket = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (g_strcmp0 (san_ticket_get_id (ticket), ticket_id) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

/* The ticket the detail side shows, if it shows one */
static const char *
shown_ticket_id (SanTicketsPage *self)
{
  SanTicket *ticket;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "ticket") != 0)
    return NULL;
  ticket = san_ticket_view_get_ticket (self->ticket_view);
  return ticket != NULL ? san_ticket_get_id (ticket) : NULL;
}

/* Loading */

static void
on_tickets_loaded_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) tickets = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *selected_id = NULL;
  SanTicketsPage *self;
  guint n;

  tickets = san_client_list_all_tickets_finish (SAN_CLIENT (object), result, &error);
  if (tickets == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = SAN_TICKETS_PAGE (user_data);
  self->loading = FALSE;

  if (tickets == NULL)
    {
      if (!self->loaded)
        adw_status_page_set_description (self->error_page, error->message);
      update_state (self);
      g_signal_emit (self, signals[LOAD_FAILED], 0, error);
      return;
    }

  if (self->select_id != NULL)
    selected_id = g_steal_pointer (&self->select_id);
  else if (shown_ticket_id (self) != NULL)
    selected_id = g_strdup (shown_ticket_id (self));

  n = g_list_model_get_n_items (tickets);
  items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (tickets, i));

  /* The detail side keeps what it shows, even when the filter now hides it */
  self->selecting = TRUE;
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);
  if (selected_id == NULL || !select_ticket_by_id (self, selected_id))
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->selecting = FALSE;

  self->loaded = TRUE;
  update_state (self);

  /* A ticket asked for before the list came (san_tickets_page_show_ticket) */
  if (selected_id != NULL && selected_ticket (self) != NULL &&
      g_strcmp0 (shown_ticket_id (self), selected_id) != 0 &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "new") != 0)
    {
      san_ticket_view_show_ticket (self->ticket_view, selected_ticket (self));
      show_detail (self, "ticket");
    }
}

static void
load (SanTicketsPage *self)
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
  san_client_list_all_tickets_async (self->client,
                                     san_contract_get_id (self->contract),
                                     status_wire (self->status_filter),
                                     self->search[0] != '\0' ? self->search : NULL,
                                     self->cancellable,
                                     on_tickets_loaded_cb,
                                     self);
}

static void
on_services_loaded_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) services = NULL;
  g_autoptr(GPtrArray) items = NULL;
  SanTicketsPage *self;
  guint n;

  services = san_client_list_all_services_finish (SAN_CLIENT (object), result, &error);
  if (services == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = SAN_TICKETS_PAGE (user_data);
  if (services == NULL)
    {
      /* Without the services permission a ticket is opened without one */
      g_debug ("No services for tickets: %s", error->message);
      return;
    }

  n = g_list_model_get_n_items (services);
  items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (services, i));
  g_list_store_splice (self->services, 0, g_list_model_get_n_items (G_LIST_MODEL (self->services)),
                       items->pdata, items->len);
  san_ticket_view_set_context (self->ticket_view, self->client, self->contract,
                               G_LIST_MODEL (self->services));
  san_new_ticket_form_set_context (self->new_ticket_form, self->client, self->contract,
                                   G_LIST_MODEL (self->services));
}

static void
load_services (SanTicketsPage *self)
{
  g_cancellable_cancel (self->services_cancellable);
  g_clear_object (&self->services_cancellable);
  g_list_store_remove_all (self->services);
  if (self->client == NULL || self->contract == NULL)
    return;

  self->services_cancellable = g_cancellable_new ();
  san_client_list_all_services_async (self->client,
                                      san_contract_get_id (self->contract),
                                      self->services_cancellable,
                                      on_services_loaded_cb,
                                      self);
}

/* Filters */

static void
set_status_filter (SanTicketsPage *self,
                   guint           filter)
{
  if (filter == self->status_filter)
    return;
  self->status_filter = filter;
  load (self);
}

static void
set_search (SanTicketsPage *self,
            const char     *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  /* The server takes at most 100 characters */
  if (g_utf8_strlen (stripped, -1) > SEARCH_MAX_CHARS)
    *g_utf8_offset_to_pointer (stripped, SEARCH_MAX_CHARS) = '\0';
  if (g_strcmp0 (stripped, self->search) == 0)
    return;
  g_free (self->search);
  self->search = g_steal_pointer (&stripped);
  load (self);
}

static void
clear_filters (SanTicketsPage *self)
{
  /* The widgets' handlers set the filters; one load for both */
  g_free (self->search);
  self->search = g_strdup ("");
  self->status_filter = FILTER_ALL;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->status_dropdown, FILTER_ALL);
  load (self);
}

/* Actions */

static void
new_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  san_tickets_page_new_ticket (SAN_TICKETS_PAGE (widget));
}

static void
reload_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  load (SAN_TICKETS_PAGE (widget));
}

/* Callbacks */

static void
on_search_entry_search_changed_cb (SanTicketsPage *self,
                                   GtkSearchEntry *entry)
{
  if (self->list_stack == NULL)
    return;   /* disposing */
  set_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_search_entry_stop_search_cb (SanTicketsPage *self,
                                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_status_dropdown_selected_cb (SanTicketsPage *self,
                                GParamSpec     *pspec,
                                GtkDropDown    *dropdown)
{
  guint selected;

  if (self->list_stack == NULL)
    return;   /* disposing */
  selected = gtk_drop_down_get_selected (dropdown);
  if (selected == GTK_INVALID_LIST_POSITION ||
      selected > FILTER_FIRST_STATUS + SAN_TICKET_STATUS_CLOSED)
    selected = FILTER_ALL;
  set_status_filter (self, selected);
}

static void
on_selection_selected_item_cb (SanTicketsPage     *self,
                               GParamSpec         *pspec,
                               GtkSingleSelection *selection)
{
  SanTicket *ticket;

  if (self->ticket_view == NULL || self->selecting)
    return;   /* disposing, or a reload putting the same ticket back */

  /* A person picked a ticket */
  ticket = selected_ticket (self);
  if (ticket == NULL)
    return;
  san_ticket_view_show_ticket (self->ticket_view, ticket);
  show_detail (self, "ticket");
}

static void
on_leaflet_visible_child_cb (SanTicketsPage *self,
                             GParamSpec     *pspec,
                             AdwLeaflet     *leaflet)
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
on_leaflet_folded_cb (SanTicketsPage *self)
{
  if (self->detail_stack == NULL)
    return;   /* disposing */

  /* The window became narrow while a ticket or the form was open: keep
   * showing what the person was reading or writing */
  if (adw_leaflet_get_folded (self->leaflet) &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "none") != 0)
    adw_leaflet_set_visible_child (self->leaflet, self->detail_side);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWING_DETAIL]);
}

static void
on_clear_filters_clicked_cb (SanTicketsPage *self)
{
  clear_filters (self);
}

static void
on_ticket_view_ticket_updated_cb (SanTicketsPage *self,
                                  SanTicket      *ticket,
                                  SanTicketView  *view)
{
  /* The list shows the new status and activity; the view keeps the ticket */
  load (self);
}

static void
on_new_ticket_form_opened_cb (SanTicketsPage   *self,
                              SanTicket        *ticket,
                              SanNewTicketForm *form)
{
  g_autofree char *title = NULL;

  /* Translators: %s is a ticket number like "#2026-0042" */
  title = g_strdup_printf (_("Ticket %s opened"), san_ticket_get_number (ticket));
  san_ui_add_toast (GTK_WIDGET (self), title, 4);

  san_ticket_view_show_ticket (self->ticket_view, ticket);
  show_detail (self, "ticket");
  g_free (self->select_id);
  self->select_id = g_strdup (san_ticket_get_id (ticket));
  load (self);
}

static void
on_new_ticket_form_cancelled_cb (SanTicketsPage   *self,
                                 SanNewTicketForm *form)
{
  show_detail (self, san_ticket_view_get_ticket (self->ticket_view) != NULL &&
                     selected_ticket (self) != NULL ? "ticket" : "none");
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->list_side);
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, san_ticket_row_new ());
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    gpointer                  user_data)
{
  san_ticket_row_set_ticket (SAN_TICKET_ROW (gtk_list_item_get_child (list_item)),
                             gtk_list_item_get_item (list_item));
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      gpointer                  user_data)
{
  san_ticket_row_set_ticket (SAN_TICKET_ROW (gtk_list_item_get_child (list_item)), NULL);
}

/* GObject */

static void
san_tickets_page_dispose (GObject *object)
{
  SanTicketsPage *self = SAN_TICKETS_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->services_cancellable);
  g_clear_object (&self->services_cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), SAN_TYPE_TICKETS_PAGE);
  /* The template's top widget is not a bound child: unparent it too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  g_clear_object (&self->services);
  g_clear_object (&self->client);
  g_clear_object (&self->contract);

  G_OBJECT_CLASS (san_tickets_page_parent_class)->dispose (object);
}

static void
san_tickets_page_finalize (GObject *object)
{
  SanTicketsPage *self = SAN_TICKETS_PAGE (object);

  g_free (self->search);
  g_free (self->select_id);

  G_OBJECT_CLASS (san_tickets_page_parent_class)->finalize (object);
}

static void
san_tickets_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SanTicketsPage *self = SAN_TICKETS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SHOWING_DETAIL:
      g_value_set_boolean (value, san_tickets_page_get_showing_detail (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_tickets_page_class_init (SanTicketsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = san_tickets_page_dispose;
  object_class->finalize = san_tickets_page_finalize;
  object_class->get_property = san_tickets_page_get_property;

  properties[PROP_SHOWING_DETAIL] =
    g_param_spec_boolean ("showing-detail", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[LOAD_FAILED] =
    g_signal_new ("load-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  g_type_ensure (SAN_TYPE_TICKET_VIEW);
  g_type_ensure (SAN_TYPE_NEW_TICKET_FORM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/saninternet/ClientArea/ui/san-tickets-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SanTicketsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SanTicketsPage, list_side);
  gtk_widget_class_bind_template_child (widget_class, SanTicketsPage, detail_side);
  gtk_widget_class_bind_template_child (widget_class, SanTicketsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SanTicketsPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SanTicketsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SanTicketsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, SanTicketsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SanTicketsPage, clear_filters_button);
  gtk_widget_class_bind_template_child (widget_class, SanTicketsPage, empty_new_button);
  gtk_widget_class_bind_template_child (widget_class, SanTicketsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, SanTicketsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, SanTicketsPage, ticket_view);
  gtk_widget_class_bind_template_child (widget_class, SanTicketsPage, new_ticket_form);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_status_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_filters_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_ticket_view_ticket_updated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_new_ticket_form_opened_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_new_ticket_form_cancelled_cb);

  gtk_widget_class_install_action (widget_class, "tickets.new", NULL, new_action_cb);
  gtk_widget_class_install_action (widget_class, "tickets.reload", NULL, reload_action_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
san_tickets_page_init (SanTicketsPage *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  self->status_filter = FILTER_NOT_CLOSED;
  self->search = g_strdup ("");

  gtk_widget_init_template (GTK_WIDGET (self));

  self->store = g_list_store_new (SAN_TYPE_TICKET);
  self->services = g_list_store_new (SAN_TYPE_SERVICE);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->store)));
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

void
san_tickets_page_set_contract (SanTicketsPage *self,
                               SanClient      *client,
                               SanContract    *contract)
{
  g_return_if_fail (SAN_IS_TICKETS_PAGE (self));
  g_return_if_fail (client == NULL || SAN_IS_CLIENT (client));
  g_return_if_fail (contract == NULL || SAN_IS_CONTRACT (contract));

  g_set_object (&self->client, client);
  g_set_object (&self->contract, contract);

  /* Another contract: nothing of the last one may stay on screen (what
   * was being written stays in its draft) */
  self->loaded = FALSE;
  g_clear_pointer (&self->select_id, g_free);
  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_list_store_remove_all (self->store);
  self->selecting = FALSE;
  san_ticket_view_set_context (self->ticket_view, client, contract, NULL);
  san_new_ticket_form_set_context (self->new_ticket_form, client, contract, NULL);
  gtk_stack_set_visible_child_name (self->detail_stack, "none");
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->list_side);

  load_services (self);
  load (self);
}

void
san_tickets_page_reload (SanTicketsPage *self)
{
  g_return_if_fail (SAN_IS_TICKETS_PAGE (self));

  load (self);
  if (shown_ticket_id (self) != NULL)
    san_ticket_view_reload (self->ticket_view);
}

gboolean
san_tickets_page_get_showing_detail (SanTicketsPage *self)
{
  g_return_val_if_fail (SAN_IS_TICKETS_PAGE (self), FALSE);

  if (self->leaflet == NULL)
    return FALSE;
  return adw_leaflet_get_folded (self->leaflet) &&
         adw_leaflet_get_visible_child (self->leaflet) == self->detail_side;
}

gboolean
san_tickets_page_go_back (SanTicketsPage *self)
{
  g_return_val_if_fail (SAN_IS_TICKETS_PAGE (self), FALSE);

  if (!san_tickets_page_get_showing_detail (self))
    return FALSE;
  adw_leaflet_set_visible_child (self->leaflet, self->list_side);
  return TRUE;
}

void
san_tickets_page_new_ticket (SanTicketsPage *self)
{
  g_return_if_fail (SAN_IS_TICKETS_PAGE (self));

  if (self->client == NULL || self->contract == NULL)
    return;
  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->selecting = FALSE;
  show_detail (self, "new");
  san_new_ticket_form_start (self->new_ticket_form);
}

void
san_tickets_page_show_ticket (SanTicketsPage *self,
                              const char     *ticket_id)
{
  g_return_if_fail (SAN_IS_TICKETS_PAGE (self));
  g_return_if_fail (ticket_id != NULL);

  if (select_ticket_by_id (self, ticket_id))
    return;   /* the selection shows it */
  g_free (self->select_id);
  self->select_id = g_strdup (ticket_id);
  clear_filters (self);
}

void
san_tickets_page_set_incidents (SanTicketsPage *self,
                                GListModel     *incidents)
{
  g_return_if_fail (SAN_IS_TICKETS_PAGE (self));

  san_new_ticket_form_set_incidents (self->new_ticket_form, incidents);
}
