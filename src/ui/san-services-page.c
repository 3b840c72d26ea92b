/* san-services-page.c: the contract's services, filtered and searched, with
 * the details of the selected one
 *
 * GListStore -> GtkFilterListModel (status + search) -> GtkSortListModel ->
 * GtkSingleSelection -> GtkListView, and a SanServiceDetail beside it (an
 * AdwLeaflet that folds on narrow windows).
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "san-service-detail.h"
#include "san-service-labels.h"
#include "san-service-row.h"
#include "san-services-page.h"

struct _SanServicesPage
{
  GtkWidget           parent_instance;

  GCancellable       *cancellable;
  SanClient          *client;
  SanContract        *contract;

  GListStore         *store;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filter_model;
  GtkSortListModel   *sort_model;
  GtkSingleSelection *selection;

  int                 status_filter;   /* -1: every status */
  char               *search_folded;   /* casefolded search text, never NULL */
  char               *select_id;       /* select this service once loaded */
  guint               loading : 1;
  guint               loaded : 1;
  guint               selecting : 1;   /* the selection changes by program */

  AdwLeaflet         *leaflet;
  GtkWidget          *list_side;
  GtkWidget          *detail_side;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *status_dropdown;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
  GtkWidget          *clear_filters_button;
  GtkStack           *detail_stack;
  SanServiceDetail   *detail;
};

enum {
  LOAD_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_SHOWING_DETAIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SanServicesPage, san_services_page, GTK_TYPE_WIDGET)

/* Services needing attention first */
static int
status_rank (SanServiceStatus status)
{
  switch (status)
    {
    case SAN_SERVICE_STATUS_SUSPENDED:
      return 0;
    case SAN_SERVICE_STATUS_PENDING:
      return 1;
    case SAN_SERVICE_STATUS_ACTIVE:
      return 2;
    case SAN_SERVICE_STATUS_CANCELLED:
      return 3;
    case SAN_SERVICE_STATUS_TERMINATED:
    default:
      return 4;
    }
}

static gboolean
contains_folded (const char *haystack,
                 const char *needle_folded)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle_folded) != NULL;
}

static gboolean
filter_service (gpointer item,
                gpointer user_data)
{
  SanServicesPage *self = user_data;
  SanService *service = item;

  if (self->status_filter >= 0 &&
      (int) san_service_get_status (service) != self->status_filter)
    return FALSE;

  if (self->search_folded[0] == '\0')
    return TRUE;

  return contains_folded (san_service_get_domain (service), self->search_folded) ||
         contains_folded (san_service_get_product (service), self->search_folded) ||
         contains_folded (san_service_get_plan (service), self->search_folded);
}

static int
compare_services (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  SanService *sa = (SanService *) a;
  SanService *sb = (SanService *) b;
  int ra = status_rank (san_service_get_status (sa));
  int rb = status_rank (san_service_get_status (sb));

  if (ra != rb)
    return ra < rb ? -1 : 1;
  return g_utf8_collate (san_service_get_title (sa), san_service_get_title (sb));
}

static gboolean
has_filters (SanServicesPage *self)
{
  return self->status_filter >= 0 || self->search_folded[0] != '\0';
}

static void
update_detail (SanServicesPage *self)
{
  SanService *service = gtk_single_selection_get_selected_item (self->selection);

  if (service != NULL)
    san_service_detail_set_service (self->detail, service);
  gtk_stack_set_visible_child_name (self->detail_stack, service != NULL ? "detail" : "none");
}

static void
update_state (SanServicesPage *self)
{
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  guint n_all = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  if (self->loading && !self->loaded)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "loading");
    }
  else if (n_shown > 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
    }
  else if (n_all > 0 && has_filters (self))
    {
      adw_status_page_set_icon_name (self->empty_page, "system-search-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Services Match"));
      adw_status_page_set_description (self->empty_page,
                                       _("No service matches the search and status filter."));
      gtk_widget_set_visible (self->clear_filters_button, TRUE);
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "network-server-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Services"));
      adw_status_page_set_description (self->empty_page,
                                       self->loaded
                                       ? _("This contract has no services.")
                                       : NULL);
      gtk_widget_set_visible (self->clear_filters_button, FALSE);
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }

  update_detail (self);
}

static gboolean
select_service_by_id (SanServicesPage *self,
                      const char      *service_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SanService) service = g_list_model_get_item (G_LIST_MODEL (self->sort_model), i);

      if (g_strcmp0 (san_service_get_id (service), service_id) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

static void
set_status_filter (SanServicesPage *self,
                   int              status)
{
  GtkFilterChange change;

  if (status == self->status_filter)
    return;

  if (self->status_filter < 0)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (status < 0)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  self->status_filter = status;
  gtk_filter_changed (GTK_FILTER (self->filter), change);
  update_state (self);
}

static void
set_search (SanServicesPage *self,
            const char      *text)
{
  g_autofree char *folded = g_utf8_casefold (text != NULL ? text : "", -1);
  GtkFilterChange change;

  if (g_strcmp0 (folded, self->search_folded) == 0)
    return;

  if (strstr (folded, self->search_folded) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;   /* the old text is part of the new */
  else if (strstr (self->search_folded, folded) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  g_free (self->search_folded);
  self->search_folded = g_steal_pointer (&folded);
  gtk_filter_changed (GTK_FILTER (self->filter), change);
  update_state (self);
}

static void
clear_filters (SanServicesPage *self)
{
  set_search (self, "");
  set_status_filter (self, -1);
  /* The widgets follow; their handlers then find nothing changed */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->status_dropdown, 0);
}

static void
on_services_loaded_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) services = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *selected_id = NULL;
  SanServicesPage *self;
  SanService *selected;
  guint n;

  services = san_client_list_all_services_finish (SAN_CLIENT (object), result, &error);
  if (services == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = SAN_SERVICES_PAGE (user_data);
  self->loading = FALSE;

  if (services == NULL)
    {
      update_state (self);
      g_signal_emit (self, signals[LOAD_FAILED], 0, error);
      return;
    }

  selected = gtk_single_selection_get_selected_item (self->selection);
  if (self->select_id != NULL)
    selected_id = g_steal_pointer (&self->select_id);
  else if (selected != NULL)
    selected_id = g_strdup (san_service_get_id (selected));

  n = g_list_model_get_n_items (services);
  items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (services, i));

  self->selecting = TRUE;
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);
  if (selected_id != NULL && !select_service_by_id (self, selected_id))
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->selecting = FALSE;

  self->loaded = TRUE;
  update_state (self);
}

static void
load (SanServicesPage *self)
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
  san_client_list_all_services_async (self->client,
                                      san_contract_get_id (self->contract),
                                      self->cancellable,
                                      on_services_loaded_cb,
                                      self);
}

static void
on_search_entry_search_changed_cb (SanServicesPage *self,
                                   GtkSearchEntry  *entry)
{
  if (self->list_stack == NULL)
    return;   /* disposing */
  set_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_search_entry_stop_search_cb (SanServicesPage *self,
                                GtkSearchEntry  *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_status_dropdown_selected_cb (SanServicesPage *self,
                                GParamSpec      *pspec,
                                GtkDropDown     *dropdown)
{
  guint selected;

  if (self->list_stack == NULL)
    return;   /* disposing */
  selected = gtk_drop_down_get_selected (dropdown);
  set_status_filter (self, selected == 0 || selected == GTK_INVALID_LIST_POSITION
                           ? -1 : (int) selected - 1);
}

static void
on_selection_selected_item_cb (SanServicesPage    *self,
                               GParamSpec         *pspec,
                               GtkSingleSelection *selection)
{
  if (self->detail == NULL)
    return;   /* disposing */
  update_detail (self);

  /* A person picked a service: on a narrow window, show it */
  if (!self->selecting &&
      gtk_single_selection_get_selected_item (selection) != NULL &&
      adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->detail_side);
}

static void
on_leaflet_visible_child_cb (SanServicesPage *self,
                             GParamSpec      *pspec,
                             AdwLeaflet      *leaflet)
{
  if (self->list_side == NULL || self->selection == NULL)
    return;   /* disposing */

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWING_DETAIL]);

  /* Back on the list of a folded leaflet: forget the selection so that
   * picking the same service again shows it */
  if (adw_leaflet_get_folded (leaflet) &&
      adw_leaflet_get_visible_child (leaflet) == self->list_side)
    {
      self->selecting = TRUE;
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      self->selecting = FALSE;
    }
}

static void
on_leaflet_folded_cb (SanServicesPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWING_DETAIL]);
}

static void
on_clear_filters_clicked_cb (SanServicesPage *self)
{
  clear_filters (self);
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, san_service_row_new ());
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    gpointer                  user_data)
{
  san_service_row_set_service (SAN_SERVICE_ROW (gtk_list_item_get_child (list_item)),
                               gtk_list_item_get_item (list_item));
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      gpointer                  user_data)
{
  san_service_row_set_service (SAN_SERVICE_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static void
search_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  san_services_page_focus_search (SAN_SERVICES_PAGE (widget));
}

static void
san_services_page_dispose (GObject *object)
{
  SanServicesPage *self = SAN_SERVICES_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), SAN_TYPE_SERVICES_PAGE);
  /* The template's top widget is not a bound child: unparent it too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->client);
  g_clear_object (&self->contract);

  G_OBJECT_CLASS (san_services_page_parent_class)->dispose (object);
}

static void
san_services_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SanServicesPage *self = SAN_SERVICES_PAGE (object);

  switch (prop_id)
    {
    case PROP_SHOWING_DETAIL:
      g_value_set_boolean (value, san_services_page_get_showing_detail (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_services_page_finalize (GObject *object)
{
  SanServicesPage *self = SAN_SERVICES_PAGE (object);

  g_free (self->search_folded);
  g_free (self->select_id);

  G_OBJECT_CLASS (san_services_page_parent_class)->finalize (object);
}

static void
san_services_page_class_init (SanServicesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = san_services_page_dispose;
  object_class->finalize = san_services_page_finalize;
  object_class->get_property = san_services_page_get_property;

  properties[PROP_SHOWING_DETAIL] =
    g_param_spec_boolean ("showing-detail", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[LOAD_FAILED] =
    g_signal_new ("load-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  g_type_ensure (SAN_TYPE_SERVICE_DETAIL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/saninternet/ClientArea/ui/san-services-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SanServicesPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SanServicesPage, list_side);
  gtk_widget_class_bind_template_child (widget_class, SanServicesPage, detail_side);
  gtk_widget_class_bind_template_child (widget_class, SanServicesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SanServicesPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SanServicesPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SanServicesPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, SanServicesPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SanServicesPage, clear_filters_button);
  gtk_widget_class_bind_template_child (widget_class, SanServicesPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, SanServicesPage, detail);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_status_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_filters_clicked_cb);

  gtk_widget_class_install_action (widget_class, "services.search", NULL, search_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "services.search", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
san_services_page_init (SanServicesPage *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkCustomSorter *sorter;

  self->status_filter = -1;
  self->search_folded = g_strdup ("");

  gtk_widget_init_template (GTK_WIDGET (self));
  /* a change made in the detail (the support level) shows in the list too */
  g_signal_connect_object (self->detail, "service-changed",
                           G_CALLBACK (san_services_page_reload), self, G_CONNECT_SWAPPED);

  self->store = g_list_store_new (SAN_TYPE_SERVICE);
  self->filter = gtk_custom_filter_new (filter_service, self, NULL);
  self->filter_model = gtk_filter_list_model_new (G_LIST_MODEL (self->store),
                                                  GTK_FILTER (self->filter));
  sorter = gtk_custom_sorter_new (compare_services, NULL, NULL);
  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (self->filter_model),
                                              GTK_SORTER (sorter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->sort_model));
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
san_services_page_set_contract (SanServicesPage *self,
                                SanClient       *client,
                                SanContract     *contract)
{
  g_return_if_fail (SAN_IS_SERVICES_PAGE (self));
  g_return_if_fail (client == NULL || SAN_IS_CLIENT (client));
  g_return_if_fail (contract == NULL || SAN_IS_CONTRACT (contract));

  g_set_object (&self->client, client);
  g_set_object (&self->contract, contract);
  san_service_detail_set_contract (self->detail, client, contract);

  /* Another contract: nothing of the last one may stay on screen */
  self->loaded = FALSE;
  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_list_store_remove_all (self->store);
  self->selecting = FALSE;
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->list_side);

  load (self);
}

void
san_services_page_reload (SanServicesPage *self)
{
  g_return_if_fail (SAN_IS_SERVICES_PAGE (self));

  load (self);
}

void
san_services_page_set_status_filter (SanServicesPage *self,
                                     int              status)
{
  g_return_if_fail (SAN_IS_SERVICES_PAGE (self));
  g_return_if_fail (status >= -1 && status <= SAN_SERVICE_STATUS_TERMINATED);

  set_status_filter (self, status);
  gtk_drop_down_set_selected (self->status_dropdown, (guint) (status + 1));
}

void
san_services_page_show_service (SanServicesPage *self,
                                const char      *service_id)
{
  g_return_if_fail (SAN_IS_SERVICES_PAGE (self));
  g_return_if_fail (service_id != NULL);

  clear_filters (self);
  if (!select_service_by_id (self, service_id) && self->loading)
    {
      g_free (self->select_id);
      self->select_id = g_strdup (service_id);
    }
}

void
san_services_page_focus_search (SanServicesPage *self)
{
  g_return_if_fail (SAN_IS_SERVICES_PAGE (self));

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->list_side);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

gboolean
san_services_page_get_showing_detail (SanServicesPage *self)
{
  g_return_val_if_fail (SAN_IS_SERVICES_PAGE (self), FALSE);

  return self->leaflet != NULL &&
         adw_leaflet_get_folded (self->leaflet) &&
         adw_leaflet_get_visible_child (self->leaflet) == self->detail_side;
}

gboolean
san_services_page_go_back (SanServicesPage *self)
{
  g_return_val_if_fail (SAN_IS_SERVICES_PAGE (self), FALSE);

  if (!san_services_page_get_showing_detail (self))
    return FALSE;
  adw_leaflet_set_visible_child (self->leaflet, self->list_side);
  return TRUE;
}
