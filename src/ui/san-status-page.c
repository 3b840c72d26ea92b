/* san-status-page.c: the Status section
 *
 * The contract's status (GET /api/v1/contracts/{cid}/status) kept live by
 * the event stream's events, which the window hands to
 * san_status_page_apply_event (): instances in a GListStore shown as cards
 * in a GtkFlowBox, incidents in a GListStore sorted open first into a
 * GtkListBox (at most 50 and the open ones), the contract's servers as
 * SanServerPanels that follow their SanServerMetrics. An incident's details
 * slide in over the overview (an AdwLeaflet that never unfolds).
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "san-server-panel.h"
#include "san-sparkline.h"
#include "san-status-cards.h"
#include "san-status-labels.h"
#include "san-status-page.h"
#include "san-ui-util.h"

/* events kept while a load runs, to apply after it */
#define MAX_PENDING 1024

struct _SanStatusPage
{
  GtkWidget         parent_instance;

  GCancellable     *cancellable;
  SanClient        *client;
  SanContract      *contract;

  SanStatus        *status;             /* the last one loaded */
  gint64            seq;                /* newest event seq shown */
  GListStore       *instances;          /* SanInstance, by name */
  GListStore       *incidents;          /* SanIncident */
  GtkSortListModel *incidents_sorted;   /* open first, newest first */
  GHashTable       *servers;            /* service id -> SanServerMetrics */
  GHashTable       *instance_services;  /* instance id -> GStrv of service names */
  GHashTable       *instance_names;     /* instance id -> name */
  GPtrArray        *pending;            /* SanEvent that came while loading */
  char             *detail_id;          /* the incident shown in the details */
  guint             loading : 1;
  guint             loaded : 1;

  AdwLeaflet       *leaflet;
  GtkStack         *main_stack;
  GtkWidget        *summary_box;
  GtkImage         *summary_icon;
  GtkLabel         *summary_title;
  GtkLabel         *summary_subtitle;
  GtkWidget        *servers_section;
  GtkBox           *servers_box;
  GtkWidget        *instances_section;
  GtkFlowBox       *instances_flow;
  GtkListBox       *incidents_list;
  AdwStatusPage    *error_page;
  GtkWidget        *detail_side;
  GtkLabel         *detail_title;
  GtkBox           *detail_badges;
  GtkWidget        *detail_reassurance;
  GtkLabel         *reassurance_label;
  AdwActionRow     *affected_row;
  AdwActionRow     *started_row;
  AdwActionRow     *resolved_row;
  GtkListBox       *updates_list;
};

enum {
  LOAD_FAILED,
  N_SIGNALS
};

enum {
  PROP_0,
  PROP_SHOWING_DETAIL,
  N_PROPS
};

static guint signals[N_SIGNALS];
static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SanStatusPage, san_status_page, GTK_TYPE_WIDGET)

static const char *summary_classes[] = {
  "summary-ok", "summary-maintenance", "summary-warning", "summary-error",
};

/* "br-sp-shared-07, br-sp-shared-08": the affected instances this contract
 * knows by name */
static char *
format_instance_names (SanStatusPage *self,
                       SanIncident   *incident)
{
  const char * const *ids = san_incident_get_instance_ids (incident);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      const char *name = g_hash_table_lookup (self->instance_names, ids[i]);

      if (name == NULL)
        continue;
      if (names->len > 0)
        /* Translators: the separator of a list of names */
        g_string_append (names, C_("list separator", ", "));
      g_string_append (names, name);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static int
compare_incidents (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  SanIncident *ia = SAN_INCIDENT ((gpointer) a);
  SanIncident *ib = SAN_INCIDENT ((gpointer) b);
  gboolean open_a = san_incident_is_open (ia);
  gboolean open_b = san_incident_is_open (ib);

  if (open_a != open_b)
    return open_a ? -1 : 1;
  /* newest first */
  return g_date_time_compare (san_incident_get_started_at (ib), san_incident_get_started_at (ia));
}

static GtkWidget *
create_instance_card (gpointer item,
                      gpointer user_data)
{
  SanStatusPage *self = SAN_STATUS_PAGE (user_data);
  SanInstance *instance = SAN_INSTANCE (item);
  const char * const *names = san_instance_get_service_names (instance);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  /* an instance_state event's instance may not list the services */
  if (names == NULL || names[0] == NULL)
    names = g_hash_table_lookup (self->instance_services, san_instance_get_id (instance));
  return san_instance_card_new (instance, names, now);
}

static GtkWidget *
create_incident_row (gpointer item,
                     gpointer user_data)
{
  SanStatusPage *self = SAN_STATUS_PAGE (user_data);
  g_autofree char *names = format_instance_names (self, SAN_INCIDENT (item));
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return san_incident_row_new (SAN_INCIDENT (item), names, now);
}

static void
update_summary (SanStatusPage *self)
{
  guint n_open = 0, n_instances;
  int worst = 0, level;
  SanIncidentImpact worst_impact = SAN_INCIDENT_IMPACT_NONE;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->incidents));
  g_autofree char *title = NULL;
  const char *subtitle;
  const char *icon;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SanIncident) incident = g_list_model_get_item (G_LIST_MODEL (self->incidents), i);

      if (!san_incident_is_open (incident))
        continue;
      n_open++;
      worst_impact = MAX (worst_impact, san_incident_get_impact (incident));
    }
  n_instances = g_list_model_get_n_items (G_LIST_MODEL (self->instances));
  for (guint i = 0; i < n_instances; i++)
    {
      g_autoptr(SanInstance) instance = g_list_model_get_item (G_LIST_MODEL (self->instances), i);

      worst = MAX (worst, san_instance_state_severity (san_instance_get_state (instance)));
    }

  if (n_open > 0)
    {
      title = san_status_summary (n_open);
      subtitle = san_status_reassurance ();
      level = worst >= 3 || worst_impact >= SAN_INCIDENT_IMPACT_MAJOR ? 3 : 2;
      icon = level == 3 ? "dialog-error-symbolic" : "dialog-warning-symbolic";
    }
  else if (worst >= 2)
    {
      title = g_strdup (_("Some of your servers have problems"));
      subtitle = san_status_reassurance ();
      level = worst >= 3 ? 3 : 2;
      icon = level == 3 ? "dialog-error-symbolic" : "dialog-warning-symbolic";
    }
  else if (worst == 1)
    {
      title = g_strdup (_("Maintenance in progress"));
      subtitle = _("Some of your services may be briefly unavailable while SAN works on their server.");
      level = 1;
      icon = "applications-engineering-symbolic";
    }
  else
    {
      title = san_status_summary (0);
      subtitle = _("This page follows changes as they happen.");
      level = 0;
      icon = "emblem-ok-symbolic";
    }

  gtk_label_set_label (self->summary_title, title);
  gtk_label_set_label (self->summary_subtitle, subtitle);
  gtk_image_set_from_icon_name (self->summary_icon, icon);
  for (guint i = 0; i < G_N_ELEMENTS (summary_classes); i++)
    {
      if ((int) i == level)
        gtk_widget_add_css_class (self->summary_box, summary_classes[i]);
      else
        gtk_widget_remove_css_class (self->summary_box, summary_classes[i]);
    }
}

static void
update_state (SanStatusPage *self)
{
  const char *child;

  if (self->loaded)
    {
      gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->instances)) == 0 &&
                       g_list_model_get_n_items (G_LIST_MODEL (self->incidents)) == 0 &&
                       g_hash_table_size (self->servers) == 0;

      child = empty ? "empty" : "content";
    }
  else if (self->loading)
    child = "loading";
  else if (self->client != NULL && self->contract != NULL)
    child = "error";
  else
    child = "empty";

  gtk_stack_set_visible_child_name (self->main_stack, child);
  gtk_widget_set_visible (self->instances_section,
                          g_list_model_get_n_items (G_LIST_MODEL (self->instances)) > 0);
  gtk_widget_set_visible (self->servers_section, g_hash_table_size (self->servers) > 0);
}

static SanIncident *
find_incident (SanStatusPage *self,
               const char    *id,
               guint         *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->incidents));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SanIncident) incident = g_list_model_get_item (G_LIST_MODEL (self->incidents), i);

      if (g_strcmp0 (san_incident_get_id (incident), id) == 0)
        {
          if (position != NULL)
            *position = i;
          return incident;   /* still owned by the store */
        }
    }
  return NULL;
}

static void
show_detail (SanStatusPage *self,
             SanIncident   *incident)
{
  SanIncidentStatus status = san_incident_get_status (incident);
  SanIncidentImpact impact = san_incident_get_impact (incident);
  GListModel *updates = san_incident_get_updates (incident);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *names = format_instance_names (self, incident);
  g_autofree char *started = san_status_format_time (san_incident_get_started_at (incident), NULL);
  GDateTime *resolved_at = san_incident_get_resolved_at (incident);
  GtkWidget *child;
  guint n;

  if (g_strcmp0 (self->detail_id, san_incident_get_id (incident)) != 0)
    {
      g_free (self->detail_id);
      self->detail_id = g_strdup (san_incident_get_id (incident));
    }

  gtk_label_set_label (self->detail_title, san_incident_get_title (incident));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->detail_badges))) != NULL)
    gtk_box_remove (self->detail_badges, child);
  gtk_box_append (self->detail_badges,
                  san_status_badge_new (san_incident_status_icon_name (status),
                                        san_incident_status_label (status),
                                        san_incident_status_css_class (status)));
  gtk_box_append (self->detail_badges,
                  san_status_badge_new (san_incident_impact_icon_name (impact),
                                        san_incident_impact_label (impact),
                                        san_incident_impact_css_class (impact)));

  gtk_widget_set_visible (self->detail_reassurance, san_incident_is_open (incident));
  gtk_label_set_label (self->reassurance_label, san_status_reassurance ());

  san_ui_set_row (self->affected_row, names);
  san_ui_set_row (self->started_row, started);
  gtk_widget_set_visible (GTK_WIDGET (self->resolved_row), resolved_at != NULL);
  if (resolved_at != NULL)
    {
      g_autofree char *resolved = san_status_format_time (resolved_at, NULL);

      san_ui_set_row (self->resolved_row, resolved);
    }

  /* newest update first */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->updates_list))) != NULL)
    gtk_list_box_remove (self->updates_list, child);
  n = g_list_model_get_n_items (updates);
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(SanIncidentUpdate) update = g_list_model_get_item (updates, i - 1);

      gtk_list_box_append (self->updates_list, san_incident_update_row_new (update, now));
    }

  adw_leaflet_set_visible_child (self->leaflet, self->detail_side);
}

static void
clear_detail (SanStatusPage *self)
{
  GtkWidget *child;

  g_clear_pointer (&self->detail_id, g_free);
  gtk_label_set_label (self->detail_title, "");
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->detail_badges))) != NULL)
    gtk_box_remove (self->detail_badges, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->updates_list))) != NULL)
    gtk_list_box_remove (self->updates_list, child);
  san_ui_set_row (self->affected_row, NULL);
  san_ui_set_row (self->started_row, NULL);
  san_ui_set_row (self->resolved_row, NULL);
}

static void
remove_server_panels (SanStatusPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->servers_box))) != NULL)
    gtk_box_remove (self->servers_box, child);
  g_hash_table_remove_all (self->servers);
}

static void
rebuild_servers (SanStatusPage *self)
{
  GListModel *servers = san_status_get_servers (self->status);
  guint n = g_list_model_get_n_items (servers);

  remove_server_panels (self);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SanServerMetrics) server = g_list_model_get_item (servers, i);
      const char *instance_name = g_hash_table_lookup (self->instance_names,
                                                       san_server_metrics_get_instance_id (server));

      g_hash_table_insert (self->servers,
                           g_strdup (san_server_metrics_get_service_id (server)),
                           g_object_ref (server));
      gtk_box_append (self->servers_box, san_server_panel_new (server, instance_name));
    }
}

static void
copy_model (GListStore *store,
            GListModel *model)
{
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       items->pdata, items->len);
}

static void
apply_status (SanStatusPage *self,
              SanStatus     *status)
{
  GListModel *instances = san_status_get_instances (status);
  guint n = g_list_model_get_n_items (instances);

  g_set_object (&self->status, status);
  self->seq = san_status_get_seq (status);

  g_hash_table_remove_all (self->instance_services);
  g_hash_table_remove_all (self->instance_names);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SanInstance) instance = g_list_model_get_item (instances, i);

      g_hash_table_insert (self->instance_names, g_strdup (san_instance_get_id (instance)),
                           g_strdup (san_instance_get_name (instance)));
      g_hash_table_insert (self->instance_services, g_strdup (san_instance_get_id (instance)),
                           g_strdupv ((char **) san_instance_get_service_names (instance)));
    }

  copy_model (self->instances, instances);
  copy_model (self->incidents, san_status_get_incidents (status));
  rebuild_servers (self);
}

static void apply_event (SanStatusPage *self,
                         SanEvent      *event);

static void
on_status_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanStatus) status = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  SanStatusPage *self;

  status = san_client_get_contract_status_finish (SAN_CLIENT (object), result, &error);
  if (status == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = SAN_STATUS_PAGE (user_data);
  self->loading = FALSE;
  pending = g_steal_pointer (&self->pending);

  if (status == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      update_state (self);
      g_signal_emit (self, signals[LOAD_FAILED], 0, error);
      return;
    }

  apply_status (self, status);
  self->loaded = TRUE;
  /* the events that came meanwhile and are newer than this status */
  for (guint i = 0; pending != NULL && i < pending->len; i++)
    apply_event (self, g_ptr_array_index (pending, i));

  update_summary (self);
  update_state (self);

  if (self->detail_id != NULL)
    {
      SanIncident *incident = find_incident (self, self->detail_id, NULL);

      if (incident != NULL)
        show_detail (self, incident);
      else
        san_status_page_go_back (self);
    }
}

static void
load (SanStatusPage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->pending, g_ptr_array_unref);

  if (self->client == NULL || self->contract == NULL)
    {
      self->loading = FALSE;
      update_state (self);
      return;
    }

  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);
  update_state (self);
  san_client_get_contract_status_async (self->client,
                                        san_contract_get_id (self->contract),
                                        self->cancellable,
                                        on_status_loaded_cb,
                                        self);
}

static void
apply_instance (SanStatusPage *self,
                SanInstance   *instance)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->instances));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SanInstance) old = g_list_model_get_item (G_LIST_MODEL (self->instances), i);

      if (g_strcmp0 (san_instance_get_id (old), san_instance_get_id (instance)) == 0)
        {
          g_list_store_splice (self->instances, i, 1, (gpointer *) &instance, 1);
          update_summary (self);
          return;
        }
    }
  /* not one of this contract's instances: nothing to show */
}

static void
apply_incident (SanStatusPage *self,
                SanIncident   *incident)
{
  guint position;

  if (find_incident (self, san_incident_get_id (incident), &position) != NULL)
    g_list_store_splice (self->incidents, position, 1, (gpointer *) &incident, 1);
  else
    g_list_store_insert (self->incidents, 0, incident);

  update_summary (self);
  update_state (self);
  if (g_strcmp0 (self->detail_id, san_incident_get_id (incident)) == 0)
    show_detail (self, incident);
}

/* Applies @event to what is loaded when it is newer */
static void
apply_event (SanStatusPage *self,
             SanEvent      *event)
{
  gint64 seq = san_event_get_seq (event);

  if (seq <= self->seq)
    return;
  self->seq = seq;

  switch (san_event_get_event_type (event))
    {
    case SAN_EVENT_TYPE_INSTANCE_STATE:
      apply_instance (self, san_event_get_instance (event));
      break;
    case SAN_EVENT_TYPE_INCIDENT_CREATED:
    case SAN_EVENT_TYPE_INCIDENT_UPDATED:
    case SAN_EVENT_TYPE_INCIDENT_RESOLVED:
      apply_incident (self, san_event_get_incident (event));
      break;
    case SAN_EVENT_TYPE_METRICS:
      {
        SanServerMetrics *server = g_hash_table_lookup (self->servers,
                                                        san_event_get_service_id (event));
        const SanMetricSample *sample = san_event_get_sample (event);

        if (server != NULL && sample != NULL)
          san_server_metrics_push (server, sample);
      }
      break;
    case SAN_EVENT_TYPE_HELLO:
    case SAN_EVENT_TYPE_RESYNC:
    case SAN_EVENT_TYPE_NOTIFICATION:
    default:
      break;
    }
}

static void
on_incidents_list_row_activated_cb (SanStatusPage *self,
                                    GtkListBoxRow *row,
                                    GtkListBox    *list)
{
  int index = gtk_list_box_row_get_index (row);
  g_autoptr(SanIncident) incident = NULL;

  if (index < 0)
    return;
  incident = g_list_model_get_item (G_LIST_MODEL (self->incidents_sorted), (guint) index);
  if (incident != NULL)
    show_detail (self, incident);
}

static void
on_leaflet_visible_child_cb (SanStatusPage *self,
                             GParamSpec    *pspec,
                             AdwLeaflet    *leaflet)
{
  if (adw_leaflet_get_visible_child (leaflet) != self->detail_side)
    g_clear_pointer (&self->detail_id, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWING_DETAIL]);
}

static void
san_status_page_dispose (GObject *object)
{
  SanStatusPage *self = SAN_STATUS_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), SAN_TYPE_STATUS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->incidents_sorted);
  g_clear_object (&self->incidents);
  g_clear_object (&self->instances);
  g_clear_object (&self->status);
  g_clear_object (&self->client);
  g_clear_object (&self->contract);
  g_clear_pointer (&self->servers, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_ptr_array_unref);

  G_OBJECT_CLASS (san_status_page_parent_class)->dispose (object);
}

static void
san_status_page_finalize (GObject *object)
{
  SanStatusPage *self = SAN_STATUS_PAGE (object);

  g_hash_table_unref (self->instance_services);
  g_hash_table_unref (self->instance_names);
  g_free (self->detail_id);

  G_OBJECT_CLASS (san_status_page_parent_class)->finalize (object);
}

static void
san_status_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SanStatusPage *self = SAN_STATUS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SHOWING_DETAIL:
      g_value_set_boolean (value, san_status_page_get_showing_detail (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_status_page_class_init (SanStatusPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = san_status_page_dispose;
  object_class->finalize = san_status_page_finalize;
  object_class->get_property = san_status_page_get_property;

  properties[PROP_SHOWING_DETAIL] =
    g_param_spec_boolean ("showing-detail", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[LOAD_FAILED] =
    g_signal_new ("load-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/saninternet/ClientArea/ui/san-status-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SanStatusPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SanStatusPage, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SanStatusPage, summary_box);
  gtk_widget_class_bind_template_child (widget_class, SanStatusPage, summary_icon);
  gtk_widget_class_bind_template_child (widget_class, SanStatusPage, summary_title);
  gtk_widget_class_bind_template_child (widget_class, SanStatusPage, summary_subtitle);
  gtk_widget_class_bind_template_child (widget_class, SanStatusPage, servers_section);
  gtk_widget_class_bind_template_child (widget_class, SanStatusPage, servers_box);
  gtk_widget_class_bind_template_child (widget_class, SanStatusPage, instances_section);
  gtk_widget_class_bind_template_child (widget_class, SanStatusPage, instances_flow);
  gtk_widget_class_bind_template_child (widget_class, SanStatusPage, incidents_list);
  gtk_widget_class_bind_template_child (widget_class, SanStatusPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, SanStatusPage, detail_side);
  gtk_widget_class_bind_template_child (widget_class, SanStatusPage, detail_title);
  gtk_widget_class_bind_template_child (widget_class, SanStatusPage, detail_badges);
  gtk_widget_class_bind_template_child (widget_class, SanStatusPage, detail_reassurance);
  gtk_widget_class_bind_template_child (widget_class, SanStatusPage, reassurance_label);
  gtk_widget_class_bind_template_child (widget_class, SanStatusPage, affected_row);
  gtk_widget_class_bind_template_child (widget_class, SanStatusPage, started_row);
  gtk_widget_class_bind_template_child (widget_class, SanStatusPage, resolved_row);
  gtk_widget_class_bind_template_child (widget_class, SanStatusPage, updates_list);
  gtk_widget_class_bind_template_callback (widget_class, on_incidents_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, san_status_page_reload);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
san_status_page_init (SanStatusPage *self)
{
  GtkCustomSorter *sorter;
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->instances = g_list_store_new (SAN_TYPE_INSTANCE);
  self->incidents = g_list_store_new (SAN_TYPE_INCIDENT);
  sorter = gtk_custom_sorter_new (compare_incidents, NULL, NULL);
  self->incidents_sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->incidents)),
                                                    GTK_SORTER (sorter));
  self->servers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->instance_services = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                   (GDestroyNotify) g_strfreev);
  self->instance_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  gtk_flow_box_bind_model (self->instances_flow, G_LIST_MODEL (self->instances),
                           create_instance_card, self, NULL);
  gtk_list_box_bind_model (self->incidents_list, G_LIST_MODEL (self->incidents_sorted),
                           create_incident_row, self, NULL);

  placeholder = gtk_label_new (_("No incidents in the last 30 days"));
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->incidents_list, placeholder);

  update_summary (self);
  update_state (self);
}

void
san_status_page_set_contract (SanStatusPage *self,
                              SanClient     *client,
                              SanContract   *contract)
{
  g_return_if_fail (SAN_IS_STATUS_PAGE (self));
  g_return_if_fail (client == NULL || SAN_IS_CLIENT (client));
  g_return_if_fail (contract == NULL || SAN_IS_CONTRACT (contract));

  g_set_object (&self->client, client);
  g_set_object (&self->contract, contract);

  /* Another contract: nothing of the last one may stay on screen */
  self->loaded = FALSE;
  self->seq = 0;
  g_clear_object (&self->status);
  g_list_store_remove_all (self->instances);
  g_list_store_remove_all (self->incidents);
  g_hash_table_remove_all (self->instance_services);
  g_hash_table_remove_all (self->instance_names);
  remove_server_panels (self);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->main_stack));
  clear_detail (self);
  update_summary (self);

  load (self);
}

void
san_status_page_reload (SanStatusPage *self)
{
  g_return_if_fail (SAN_IS_STATUS_PAGE (self));

  load (self);
}

void
san_status_page_apply_event (SanStatusPage *self,
                             SanEvent      *event)
{
  g_return_if_fail (SAN_IS_STATUS_PAGE (self));
  g_return_if_fail (SAN_IS_EVENT (event));

  if (self->contract == NULL ||
      g_strcmp0 (san_event_get_contract_id (event), san_contract_get_id (self->contract)) != 0)
    return;

  /* a load runs: apply it again after the load unless the status has it */
  if (self->loading && self->pending != NULL && self->pending->len < MAX_PENDING)
    g_ptr_array_add (self->pending, g_object_ref (event));

  if (self->loaded)
    apply_event (self, event);
}

gboolean
san_status_page_get_showing_detail (SanStatusPage *self)
{
  g_return_val_if_fail (SAN_IS_STATUS_PAGE (self), FALSE);

  return self->leaflet != NULL &&
         adw_leaflet_get_visible_child (self->leaflet) == self->detail_side;
}

gboolean
san_status_page_go_back (SanStatusPage *self)
{
  g_return_val_if_fail (SAN_IS_STATUS_PAGE (self), FALSE);

  if (!san_status_page_get_showing_detail (self))
    return FALSE;
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->main_stack));
  return TRUE;
}

SanStatus *
san_status_page_get_status (SanStatusPage *self)
{
  g_return_val_if_fail (SAN_IS_STATUS_PAGE (self), NULL);

  return self->status;
}

gboolean
san_status_page_show_incident (SanStatusPage *self,
                               const char    *incident_id)
{
  SanIncident *incident;

  g_return_val_if_fail (SAN_IS_STATUS_PAGE (self), FALSE);
  g_return_val_if_fail (incident_id != NULL, FALSE);

  incident = find_incident (self, incident_id, NULL);
  if (incident == NULL)
    return FALSE;
  show_detail (self, incident);
  return TRUE;
}
