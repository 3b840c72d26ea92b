/* san-portald-status-private.h: instances' states and incidents in the
 * database (san-portald-status-db.c), the simulated server metrics
 * (san-portald-metrics.c)
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For san-portald-status.c and san-portald-metrics.c only. Instants are
 * RFC 3339 UTC text ("2026-11-30T12:00:00Z"), which sorts as time does.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "san-portald-db.h"

G_BEGIN_DECLS

#define SAN_PORTALD_STATUS_RESOLVED_DAYS 30   /* a contract sees incidents resolved this recently */
#define SAN_PORTALD_STATUS_MAX_INCIDENTS 50   /* the public page's incidents */
#define SAN_PORTALD_METRICS_STEP_S       60   /* the history's step */
#define SAN_PORTALD_METRICS_HISTORY      60   /* samples: the last hour */

typedef struct
{
  gint64  id;
  char   *name;
  char   *hostname;
  char   *region;
  char   *state;
  char   *state_since;
} SanPortaldInstance;

void san_portald_instance_free (SanPortaldInstance *instance);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SanPortaldInstance, san_portald_instance_free)

typedef struct
{
  gint64  id;
  char   *status;
  char   *message;
  char   *created_at;
} SanPortaldIncidentUpdate;

typedef struct
{
  gint64     id;
  char      *title;
  char      *impact;
  char      *status;         /* the latest update's */
  char      *started_at;
  char      *resolved_at;    /* NULL while open */
  GArray    *instance_ids;   /* gint64, ascending */
  GPtrArray *updates;        /* SanPortaldIncidentUpdate, oldest first */
} SanPortaldIncident;

void san_portald_incident_free (SanPortaldIncident *incident);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SanPortaldIncident, san_portald_incident_free)

/* A service of a contract on an instance, or one of its own servers */
typedef struct
{
  gint64  id;
  gint64  instance_id;       /* 0: none */
  char   *product;
  char   *plan;
  char   *domain;
  char   *kind;
  char   *status;
} SanPortaldStatusService;

void san_portald_status_service_free (SanPortaldStatusService *service);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SanPortaldStatusService, san_portald_status_service_free)

/* Words */
gboolean san_portald_status_is_state           (const char  *word);
gboolean san_portald_status_is_impact          (const char  *word);
gboolean san_portald_status_is_incident_status (const char  *word);

/* Instances: every one by name (@contract_id 0), or those hosting
 * @contract_id's services that are not cancelled or terminated */
gboolean san_portald_status_db_list_instances  (SanPortaldDb        *db,
                                                gint64               contract_id,
                                                GPtrArray          **out_instances,
                                                GError             **error);
/* *@out_instance NULL (TRUE) when there is none */
gboolean san_portald_status_db_get_instance    (SanPortaldDb        *db,
                                                gint64               instance_id,
                                                SanPortaldInstance **out_instance,
                                                GError             **error);
gboolean san_portald_status_db_set_state       (SanPortaldDb        *db,
                                                gint64               instance_id,
                                                const char          *state,
                                                const char          *since,
                                                GError             **error);
/* @contract_id's services that are not cancelled or terminated, on an
 * instance, by id */
gboolean san_portald_status_db_list_services   (SanPortaldDb        *db,
                                                gint64               contract_id,
                                                GPtrArray          **out_services,
                                                GError             **error);
/* @contract_id's cloud and dedicated services that are active or
 * suspended, by id */
gboolean san_portald_status_db_list_servers    (SanPortaldDb        *db,
                                                gint64               contract_id,
                                                GPtrArray          **out_servers,
                                                GError             **error);
/* Every active cloud or dedicated service: (service id, contract id) pairs
 * of gint64 in @out_pairs */
gboolean san_portald_status_db_running_servers (SanPortaldDb        *db,
                                                GArray             **out_pairs,
                                                GError             **error);

/* The contracts (gint64, ascending) with services not cancelled or
 * terminated on @instance_id, or on any instance of @incident_id (give
 * one, 0 for the other) */
gboolean san_portald_status_db_affected_contracts (SanPortaldDb     *db,
                                                   gint64            instance_id,
                                                   gint64            incident_id,
                                                   GArray          **out_contract_ids,
                                                   GError          **error);

/* Incidents, newest first (started_at, id), at most @limit: every one
 * (@contract_id 0) or those on an instance hosting @contract_id's services
 * (not cancelled or terminated); open ones and those resolved at or after
 * @resolved_since (NULL: every one) */
gboolean san_portald_status_db_list_incidents  (SanPortaldDb        *db,
                                                gint64               contract_id,
                                                const char          *resolved_since,
                                                guint                limit,
                                                GPtrArray          **out_incidents,
                                                GError             **error);
/* *@out_incident NULL (TRUE) when there is none */
gboolean san_portald_status_db_get_incident    (SanPortaldDb        *db,
                                                gint64               incident_id,
                                                SanPortaldIncident **out_incident,
                                                GError             **error);
/* A new incident on @instance_ids (gint64) with its first update; 0 with @error */
gint64   san_portald_status_db_add_incident    (SanPortaldDb        *db,
                                                const char          *title,
                                                const char          *impact,
                                                GArray              *instance_ids,
                                                const char          *started_at,
                                                GError             **error);
/* An update; "resolved" also sets the incident's resolved_at to @created_at */
gboolean san_portald_status_db_add_update      (SanPortaldDb        *db,
                                                gint64               incident_id,
                                                const char          *status,
                                                const char          *message,
                                                const char          *created_at,
                                                GError             **error);

/* *@out_contract_id: the contract called @name owned by the user @email (0: none) */
gboolean san_portald_status_db_find_contract   (SanPortaldDb        *db,
                                                const char          *email,
                                                const char          *name,
                                                gint64              *out_contract_id,
                                                GError             **error);

/* JSON (the wire contract, data/api/openapi.yaml): an instance's members
 * (into an object the caller opens), an incident (a whole object) */
void san_portald_status_build_instance         (JsonBuilder              *builder,
                                                const SanPortaldInstance *instance);
void san_portald_status_build_incident         (JsonBuilder              *builder,
                                                const SanPortaldIncident *incident);

/* The simulated metrics (san-portald-metrics.c): a sample of server
 * @service_id at @time_ms, a pure function of the two, as a new object
 * {"time", "cpu_pct", ...} */
JsonObject *san_portald_metrics_sample          (gint64 service_id,
                                                 gint64 time_ms);

G_END_DECLS
