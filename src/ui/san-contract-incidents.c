/* san-contract-incidents.c: the open incidents of the shown contract
 *
 * The contract's status gives the incidents as of its event seq; incident
 * events newer than it update the list, and those that come while the
 * status loads wait for it.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include "san-client-status.h"
#include "san-contract-incidents.h"

/* events kept while a load runs, to apply after it */
#define MAX_PENDING 1024

struct _SanContractIncidents
{
  GObject        parent_instance;

  SanClient     *client;
  SanContract   *contract;
  GCancellable  *cancellable;
  GListStore    *incidents;        /* the open ones, newest first */
  gint64         status_seq;       /* events up to this are in the loaded status */
  GPtrArray     *pending_events;   /* SanEvent that came while the status loads */
  gboolean       loading;
};

G_DEFINE_FINAL_TYPE (SanContractIncidents, san_contract_incidents, G_TYPE_OBJECT)

static gboolean
find_incident (SanContractIncidents *self,
               const char           *incident_id,
               guint                *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->incidents));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SanIncident) incident = g_list_model_get_item (G_LIST_MODEL (self->incidents), i);

      if (g_strcmp0 (san_incident_get_id (incident), incident_id) == 0)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* An incident as it is now: listed while open, gone once resolved */
static void
put_incident (SanContractIncidents *self,
              SanIncident          *incident)
{
  guint position;

  if (find_incident (self, san_incident_get_id (incident), &position))
    {
      if (san_incident_is_open (incident))
        g_list_store_splice (self->incidents, position, 1, (gpointer *) &incident, 1);
      else
        g_list_store_remove (self->incidents, position);
    }
  else if (san_incident_is_open (incident))
    g_list_store_insert (self->incidents, 0, incident);
}

static void
apply_incident_event (SanContractIncidents *self,
                      SanEvent             *event)
{
  if (san_event_get_seq (event) <= self->status_seq)
    return;   /* already in the loaded status */
  put_incident (self, san_event_get_incident (event));
}

/* The events that came while the status loaded, newer than it */
static void
apply_pending_events (SanContractIncidents *self)
{
  g_autoptr(GPtrArray) pending = g_steal_pointer (&self->pending_events);

  self->pending_events = g_ptr_array_new_with_free_func (g_object_unref);
  self->loading = FALSE;
  for (guint i = 0; i < pending->len; i++)
    apply_incident_event (self, g_ptr_array_index (pending, i));
}

static void
on_status_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanStatus) status = NULL;
  SanContractIncidents *self;
  GListModel *incidents;
  g_autoptr(GPtrArray) open = NULL;

  status = san_client_get_contract_status_finish (SAN_CLIENT (object), result, &error);
  if (status == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = SAN_CONTRACT_INCIDENTS (user_data);
  if (status == NULL)
    {
      g_debug ("Could not load the contract's incidents: %s", error->message);
      apply_pending_events (self);
      return;
    }

  self->status_seq = san_status_get_seq (status);
  incidents = san_status_get_incidents (status);
  open = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (incidents); i++)
    {
      g_autoptr(SanIncident) incident = g_list_model_get_item (incidents, i);

      if (san_incident_is_open (incident))
        g_ptr_array_add (open, g_steal_pointer (&incident));
    }
  /* one change for whoever shows it */
  g_list_store_splice (self->incidents, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->incidents)),
                       open->pdata, open->len);
  apply_pending_events (self);
}

static void
load (SanContractIncidents *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->loading = FALSE;
  g_ptr_array_set_size (self->pending_events, 0);

  if (self->client == NULL || self->contract == NULL ||
      !san_contract_has_permission (self->contract, SAN_PERMISSION_SERVICES))
    return;

  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  san_client_get_contract_status_async (self->client,
                                        san_contract_get_id (self->contract),
                                        self->cancellable,
                                        on_status_loaded_cb,
                                        self);
}

static void
san_contract_incidents_dispose (GObject *object)
{
  SanContractIncidents *self = SAN_CONTRACT_INCIDENTS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->contract);

  G_OBJECT_CLASS (san_contract_incidents_parent_class)->dispose (object);
}

static void
san_contract_incidents_finalize (GObject *object)
{
  SanContractIncidents *self = SAN_CONTRACT_INCIDENTS (object);

  g_clear_object (&self->incidents);
  g_clear_pointer (&self->pending_events, g_ptr_array_unref);

  G_OBJECT_CLASS (san_contract_incidents_parent_class)->finalize (object);
}

static void
san_contract_incidents_class_init (SanContractIncidentsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = san_contract_incidents_dispose;
  object_class->finalize = san_contract_incidents_finalize;
}

static void
san_contract_incidents_init (SanContractIncidents *self)
{
  self->incidents = g_list_store_new (SAN_TYPE_INCIDENT);
  self->pending_events = g_ptr_array_new_with_free_func (g_object_unref);
}

SanContractIncidents *
san_contract_incidents_new (void)
{
  return g_object_new (SAN_TYPE_CONTRACT_INCIDENTS, NULL);
}

void
san_contract_incidents_set_contract (SanContractIncidents *self,
                                     SanClient            *client,
                                     SanContract          *contract)
{
  g_return_if_fail (SAN_IS_CONTRACT_INCIDENTS (self));
  g_return_if_fail (client == NULL || SAN_IS_CLIENT (client));
  g_return_if_fail (contract == NULL || SAN_IS_CONTRACT (contract));

  g_set_object (&self->client, client);
  g_set_object (&self->contract, contract);
  self->status_seq = 0;
  g_list_store_remove_all (self->incidents);
  load (self);
}

void
san_contract_incidents_reload (SanContractIncidents *self)
{
  g_return_if_fail (SAN_IS_CONTRACT_INCIDENTS (self));

  load (self);
}

void
san_contract_incidents_apply_event (SanContractIncidents *self,
                                    SanEvent             *event)
{
  SanEventType type;

  g_return_if_fail (SAN_IS_CONTRACT_INCIDENTS (self));
  g_return_if_fail (SAN_IS_EVENT (event));

  type = san_event_get_event_type (event);
  if (self->contract == NULL ||
      g_strcmp0 (san_event_get_contract_id (event), san_contract_get_id (self->contract)) != 0 ||
      (type != SAN_EVENT_TYPE_INCIDENT_CREATED &&
       type != SAN_EVENT_TYPE_INCIDENT_UPDATED &&
       type != SAN_EVENT_TYPE_INCIDENT_RESOLVED))
    return;

  if (self->loading)
    {
      if (self->pending_events->len < MAX_PENDING)
        g_ptr_array_add (self->pending_events, g_object_ref (event));
    }
  else
    apply_incident_event (self, event);
}

GListModel *
san_contract_incidents_get_model (SanContractIncidents *self)
{
  g_return_val_if_fail (SAN_IS_CONTRACT_INCIDENTS (self), NULL);

  return G_LIST_MODEL (self->incidents);
}
