/* san-portald-status-db.c: instance states, incidents and their updates
 * (migration 7)
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Constant SQL with bound parameters only. An incident's status is its
 * latest update's; resolved_at is set by the update that resolves it and
 * by nothing else. A service counts on an instance unless it is cancelled
 * or terminated.
 */
#define G_LOG_DOMAIN "san-portald"

#include "config.h"

#include "san-portald-db-private.h"
#include "san-portald-json.h"
#include "san-portald-status-private.h"
#include "san-portald-status.h"

#define EPOCH_TEXT "1970-01-01T00:00:00Z"
#define LIVE_SERVICE "s.status NOT IN ('cancelled', 'terminated')"

/* Migration 7 */
const char san_portald_status_schema[] =
  "ALTER TABLE instances ADD COLUMN state TEXT NOT NULL DEFAULT 'operational'"
  "  CHECK (state IN ('operational', 'degraded', 'partial_outage', 'major_outage', 'maintenance'));"
  "ALTER TABLE instances ADD COLUMN state_since TEXT NOT NULL DEFAULT '" EPOCH_TEXT "';"
  "UPDATE instances SET state_since = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now');"
  /* an instance added later is in its state (operational) from then on */
  "CREATE TRIGGER instances_state_since AFTER INSERT ON instances"
  "  WHEN NEW.state_since = '" EPOCH_TEXT "'"
  "  BEGIN"
  "    UPDATE instances SET state_since = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = NEW.id;"
  "  END;"
  "CREATE TABLE incidents ("
  "  id          INTEGER PRIMARY KEY,"
  "  title       TEXT NOT NULL,"
  "  impact      TEXT NOT NULL CHECK (impact IN ('none', 'minor', 'major', 'critical')),"
  "  started_at  TEXT NOT NULL,"
  "  resolved_at TEXT"
  ");"
  "CREATE INDEX incidents_started ON incidents (started_at, id);"
  "CREATE TABLE incident_instances ("
  "  incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,"
  "  instance_id INTEGER NOT NULL REFERENCES instances (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (incident_id, instance_id)"
  ");"
  "CREATE INDEX incident_instances_instance ON incident_instances (instance_id);"
  "CREATE TABLE incident_updates ("
  "  id          INTEGER PRIMARY KEY,"
  "  incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,"
  "  status      TEXT NOT NULL CHECK (status IN ('investigating', 'identified', 'monitoring',"
  "              'resolved')),"
  "  message     TEXT NOT NULL,"
  "  created_at  TEXT NOT NULL"
  ");"
  "CREATE INDEX incident_updates_incident ON incident_updates (incident_id, id);"
  "CREATE INDEX services_instance ON services (instance_id);"
  "PRAGMA user_version = 7;";

/* Words */

static gboolean
word_in (const char         *word,
         const char * const *words)
{
  return word != NULL && g_strv_contains (words, word);
}

gboolean
san_portald_status_is_state (const char *word)
{
  static const char * const words[] = {
    "operational", "degraded", "partial_outage", "major_outage", "maintenance", NULL,
  };

  return word_in (word, words);
}

gboolean
san_portald_status_is_impact (const char *word)
{
  static const char * const words[] = { "none", "minor", "major", "critical", NULL };

  return word_in (word, words);
}

gboolean
san_portald_status_is_incident_status (const char *word)
{
  static const char * const words[] = { "investigating", "identified", "monitoring", "resolved", NULL };

  return word_in (word, words);
}

/* Rows */

void
san_portald_instance_free (SanPortaldInstance *instance)
{
  if (instance == NULL)
    return;
  g_free (instance->name);
  g_free (instance->hostname);
  g_free (instance->region);
  g_free (instance->state);
  g_free (instance->state_since);
  g_free (instance);
}

static void
incident_update_free (SanPortaldIncidentUpdate *update)
{
  g_free (update->status);
  g_free (update->message);
  g_free (update->created_at);
  g_free (update);
}

void
san_portald_incident_free (SanPortaldIncident *incident)
{
  if (incident == NULL)
    return;
  g_free (incident->title);
  g_free (incident->impact);
  g_free (incident->status);
  g_free (incident->started_at);
  g_free (incident->resolved_at);
  g_clear_pointer (&incident->instance_ids, g_array_unref);
  g_clear_pointer (&incident->updates, g_ptr_array_unref);
  g_free (incident);
}

void
san_portald_status_service_free (SanPortaldStatusService *service)
{
  if (service == NULL)
    return;
  g_free (service->product);
  g_free (service->plan);
  g_free (service->domain);
  g_free (service->kind);
  g_free (service->status);
  g_free (service);
}

/* Instances */

#define INSTANCE_COLUMNS "i.id, i.name, i.hostname, i.region, i.state, i.state_since"

static SanPortaldInstance *
read_instance (sqlite3_stmt *stmt)
{
  SanPortaldInstance *instance = g_new0 (SanPortaldInstance, 1);

  instance->id = sqlite3_column_int64 (stmt, 0);
  instance->name = g_strdup (san_portald_db_column_text (stmt, 1));
  instance->hostname = g_strdup (san_portald_db_column_text (stmt, 2));
  instance->region = g_strdup (san_portald_db_column_text (stmt, 3));
  instance->state = g_strdup (san_portald_db_column_text (stmt, 4));
  instance->state_since = g_strdup (san_portald_db_column_text (stmt, 5));
  return instance;
}

gboolean
san_portald_status_db_list_instances (SanPortaldDb  *db,
                                      gint64         contract_id,
                                      GPtrArray    **out_instances,
                                      GError       **error)
{
  g_autoptr(GPtrArray) instances = g_ptr_array_new_with_free_func ((GDestroyNotify) san_portald_instance_free);
  g_autoptr(SanPortaldStmt) stmt =
    san_portald_db_prepare (db,
                            "SELECT " INSTANCE_COLUMNS " FROM instances i"
                            " WHERE ?1 = 0 OR EXISTS (SELECT 1 FROM services s"
                            "   WHERE s.instance_id = i.id AND s.contract_id = ?1 AND " LIVE_SERVICE ")"
                            " ORDER BY i.name", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (instances, read_instance (stmt));
  if (rc != SQLITE_DONE)
    return san_portald_db_set_error (db, error, "Could not list the instances");
  *out_instances = g_steal_pointer (&instances);
  return TRUE;
}

gboolean
san_portald_status_db_get_instance (SanPortaldDb        *db,
                                    gint64               instance_id,
                                    SanPortaldInstance **out_instance,
                                    GError             **error)
{
  g_autoptr(SanPortaldStmt) stmt =
    san_portald_db_prepare (db, "SELECT " INSTANCE_COLUMNS " FROM instances i WHERE i.id = ?1", error);
  int rc;

  *out_instance = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, instance_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_instance = read_instance (stmt);
  else if (rc != SQLITE_DONE)
    return san_portald_db_set_error (db, error, "Could not read an instance");
  return TRUE;
}

gboolean
san_portald_status_db_set_state (SanPortaldDb  *db,
                                 gint64         instance_id,
                                 const char    *state,
                                 const char    *since,
                                 GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt =
    san_portald_db_prepare (db, "UPDATE instances SET state = ?2, state_since = ?3 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, instance_id);
  sqlite3_bind_text (stmt, 2, state, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, since, -1, SQLITE_TRANSIENT);
  return san_portald_db_step_done (db, stmt, error);
}

/* Services */

static gboolean
list_services (SanPortaldDb  *db,
               const char    *sql,
               gint64         contract_id,
               GPtrArray    **out_services,
               GError       **error)
{
  g_autoptr(GPtrArray) services =
    g_ptr_array_new_with_free_func ((GDestroyNotify) san_portald_status_service_free);
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SanPortaldStatusService *service = g_new0 (SanPortaldStatusService, 1);

      service->id = sqlite3_column_int64 (stmt, 0);
      service->instance_id = sqlite3_column_int64 (stmt, 1);
      service->product = g_strdup (san_portald_db_column_text (stmt, 2));
      service->plan = g_strdup (san_portald_db_column_text (stmt, 3));
      service->domain = g_strdup (san_portald_db_column_text (stmt, 4));
      service->kind = g_strdup (san_portald_db_column_text (stmt, 5));
      service->status = g_strdup (san_portald_db_column_text (stmt, 6));
      g_ptr_array_add (services, service);
    }
  if (rc != SQLITE_DONE)
    return san_portald_db_set_error (db, error, "Could not list the services");
  *out_services = g_steal_pointer (&services);
  return TRUE;
}

#define SERVICE_COLUMNS "s.id, coalesce (s.instance_id, 0), s.product, s.plan, s.domain, s.kind, s.status"

gboolean
san_portald_status_db_list_services (SanPortaldDb  *db,
                                     gint64         contract_id,
                                     GPtrArray    **out_services,
                                     GError       **error)
{
  return list_services (db,
                        "SELECT " SERVICE_COLUMNS " FROM services s"
                        " WHERE s.contract_id = ?1 AND s.instance_id IS NOT NULL AND " LIVE_SERVICE
                        " ORDER BY s.id",
                        contract_id, out_services, error);
}

gboolean
san_portald_status_db_list_servers (SanPortaldDb  *db,
                                    gint64         contract_id,
                                    GPtrArray    **out_servers,
                                    GError       **error)
{
  return list_services (db,
                        "SELECT " SERVICE_COLUMNS " FROM services s"
                        " WHERE s.contract_id = ?1 AND s.kind IN ('cloud', 'dedicated')"
                        "   AND s.status IN ('active', 'suspended')"
                        " ORDER BY s.id",
                        contract_id, out_servers, error);
}

gboolean
san_portald_status_db_running_servers (SanPortaldDb  *db,
                                       GArray       **out_pairs,
                                       GError       **error)
{
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(SanPortaldStmt) stmt =
    san_portald_db_prepare (db,
                            "SELECT id, contract_id FROM services"
                            " WHERE kind IN ('cloud', 'dedicated') AND status = 'active'"
                            " ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 pair[2] = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };

      g_array_append_vals (pairs, pair, 2);
    }
  if (rc != SQLITE_DONE)
    return san_portald_db_set_error (db, error, "Could not list the running servers");
  *out_pairs = g_steal_pointer (&pairs);
  return TRUE;
}

gboolean
san_portald_status_db_affected_contracts (SanPortaldDb  *db,
                                          gint64         instance_id,
                                          gint64         incident_id,
                                          GArray       **out_contract_ids,
                                          GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(SanPortaldStmt) stmt =
    san_portald_db_prepare (db,
                            "SELECT DISTINCT s.contract_id FROM services s"
                            " WHERE " LIVE_SERVICE " AND (s.instance_id = ?1 OR s.instance_id IN"
                            "   (SELECT instance_id FROM incident_instances WHERE incident_id = ?2))"
                            " ORDER BY s.contract_id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, instance_id);
  sqlite3_bind_int64 (stmt, 2, incident_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    return san_portald_db_set_error (db, error, "Could not list the affected contracts");
  *out_contract_ids = g_steal_pointer (&ids);
  return TRUE;
}

gboolean
san_portald_status_db_find_contract (SanPortaldDb  *db,
                                     const char    *email,
                                     const char    *name,
                                     gint64        *out_contract_id,
                                     GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt =
    san_portald_db_prepare (db,
                            "SELECT c.id FROM contracts c JOIN users u ON u.id = c.owner_id"
                            " WHERE u.email = ?1 AND c.name = ?2 ORDER BY c.id LIMIT 1", error);
  int rc;

  *out_contract_id = 0;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, email, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_contract_id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    return san_portald_db_set_error (db, error, "Could not find a contract");
  return TRUE;
}

/* Incidents */

#define INCIDENT_COLUMNS \
  "n.id, n.title, n.impact, n.started_at, n.resolved_at," \
  " (SELECT u.status FROM incident_updates u WHERE u.incident_id = n.id ORDER BY u.id DESC LIMIT 1)"

/* The incident's instances and updates */
static gboolean
load_incident_parts (SanPortaldDb        *db,
                     SanPortaldIncident  *incident,
                     GError             **error)
{
  int rc;

  {
    g_autoptr(SanPortaldStmt) stmt =
      san_portald_db_prepare (db,
                              "SELECT instance_id FROM incident_instances WHERE incident_id = ?1"
                              " ORDER BY instance_id", error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, incident->id);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);

        g_array_append_val (incident->instance_ids, id);
      }
    if (rc != SQLITE_DONE)
      return san_portald_db_set_error (db, error, "Could not read an incident's instances");
  }

  {
    g_autoptr(SanPortaldStmt) stmt =
      san_portald_db_prepare (db,
                              "SELECT id, status, message, created_at FROM incident_updates"
                              " WHERE incident_id = ?1 ORDER BY id", error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, incident->id);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        SanPortaldIncidentUpdate *update = g_new0 (SanPortaldIncidentUpdate, 1);

        update->id = sqlite3_column_int64 (stmt, 0);
        update->status = g_strdup (san_portald_db_column_text (stmt, 1));
        update->message = g_strdup (san_portald_db_column_text (stmt, 2));
        update->created_at = g_strdup (san_portald_db_column_text (stmt, 3));
        g_ptr_array_add (incident->updates, update);
      }
    if (rc != SQLITE_DONE)
      return san_portald_db_set_error (db, error, "Could not read an incident's updates");
  }
  return TRUE;
}

static SanPortaldIncident *
read_incident (sqlite3_stmt *stmt)
{
  SanPortaldIncident *incident = g_new0 (SanPortaldIncident, 1);

  incident->id = sqlite3_column_int64 (stmt, 0);
  incident->title = g_strdup (san_portald_db_column_text (stmt, 1));
  incident->impact = g_strdup (san_portald_db_column_text (stmt, 2));
  incident->started_at = g_strdup (san_portald_db_column_text (stmt, 3));
  if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
    incident->resolved_at = g_strdup (san_portald_db_column_text (stmt, 4));
  incident->status = g_strdup (san_portald_db_column_text (stmt, 5));
  incident->instance_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  incident->updates = g_ptr_array_new_with_free_func ((GDestroyNotify) incident_update_free);
  return incident;
}

gboolean
san_portald_status_db_list_incidents (SanPortaldDb  *db,
                                      gint64         contract_id,
                                      const char    *resolved_since,
                                      guint          limit,
                                      GPtrArray    **out_incidents,
                                      GError       **error)
{
  g_autoptr(GPtrArray) incidents = g_ptr_array_new_with_free_func ((GDestroyNotify) san_portald_incident_free);
  int rc;

  {
    g_autoptr(SanPortaldStmt) stmt =
      san_portald_db_prepare (db,
                              "SELECT " INCIDENT_COLUMNS " FROM incidents n"
                              " WHERE (?1 = 0 OR EXISTS (SELECT 1 FROM incident_instances ii"
                              "   JOIN services s ON s.instance_id = ii.instance_id"
                              "   WHERE ii.incident_id = n.id AND s.contract_id = ?1 AND " LIVE_SERVICE "))"
                              "   AND (?2 IS NULL OR n.resolved_at IS NULL OR n.resolved_at >= ?2)"
                              " ORDER BY n.started_at DESC, n.id DESC LIMIT ?3", error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, contract_id);
    san_portald_db_bind_text_or_null (stmt, 2, resolved_since);
    sqlite3_bind_int64 (stmt, 3, limit);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      g_ptr_array_add (incidents, read_incident (stmt));
    if (rc != SQLITE_DONE)
      return san_portald_db_set_error (db, error, "Could not list the incidents");
  }

  for (guint i = 0; i < incidents->len; i++)
    if (!load_incident_parts (db, g_ptr_array_index (incidents, i), error))
      return FALSE;
  *out_incidents = g_steal_pointer (&incidents);
  return TRUE;
}

gboolean
san_portald_status_db_get_incident (SanPortaldDb        *db,
                                    gint64               incident_id,
                                    SanPortaldIncident **out_incident,
                                    GError             **error)
{
  g_autoptr(SanPortaldIncident) incident = NULL;
  int rc;

  *out_incident = NULL;
  {
    g_autoptr(SanPortaldStmt) stmt =
      san_portald_db_prepare (db, "SELECT " INCIDENT_COLUMNS " FROM incidents n WHERE n.id = ?1", error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, incident_id);
    rc = sqlite3_step (stmt);
    if (rc == SQLITE_DONE)
      return TRUE;
    if (rc != SQLITE_ROW)
      return san_portald_db_set_error (db, error, "Could not read an incident");
    incident = read_incident (stmt);
  }
  if (!load_incident_parts (db, incident, error))
    return FALSE;
  *out_incident = g_steal_pointer (&incident);
  return TRUE;
}

gint64
san_portald_status_db_add_incident (SanPortaldDb  *db,
                                    const char    *title,
                                    const char    *impact,
                                    GArray        *instance_ids,
                                    const char    *started_at,
                                    GError       **error)
{
  gint64 id;

  {
    g_autoptr(SanPortaldStmt) stmt =
      san_portald_db_prepare (db, "INSERT INTO incidents (title, impact, started_at) VALUES (?1, ?2, ?3)",
                              error);

    if (stmt == NULL)
      return 0;
    sqlite3_bind_text (stmt, 1, title, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 2, impact, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 3, started_at, -1, SQLITE_TRANSIENT);
    if (!san_portald_db_step_done (db, stmt, error))
      return 0;
    id = sqlite3_last_insert_rowid (san_portald_db_get_handle (db));
  }

  for (guint i = 0; i < instance_ids->len; i++)
    {
      g_autoptr(SanPortaldStmt) stmt =
        san_portald_db_prepare (db,
                                "INSERT OR IGNORE INTO incident_instances (incident_id, instance_id)"
                                " VALUES (?1, ?2)", error);

      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (instance_ids, gint64, i));
      if (!san_portald_db_step_done (db, stmt, error))
        return 0;
    }
  return id;
}

gboolean
san_portald_status_db_add_update (SanPortaldDb  *db,
                                  gint64         incident_id,
                                  const char    *status,
                                  const char    *message,
                                  const char    *created_at,
                                  GError       **error)
{
  {
    g_autoptr(SanPortaldStmt) stmt =
      san_portald_db_prepare (db,
                              "INSERT INTO incident_updates (incident_id, status, message, created_at)"
                              " VALUES (?1, ?2, ?3, ?4)", error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, incident_id);
    sqlite3_bind_text (stmt, 2, status, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 3, message, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 4, created_at, -1, SQLITE_TRANSIENT);
    if (!san_portald_db_step_done (db, stmt, error))
      return FALSE;
  }

  if (g_str_equal (status, "resolved"))
    {
      g_autoptr(SanPortaldStmt) stmt =
        san_portald_db_prepare (db, "UPDATE incidents SET resolved_at = ?2 WHERE id = ?1", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, incident_id);
      sqlite3_bind_text (stmt, 2, created_at, -1, SQLITE_TRANSIENT);
      return san_portald_db_step_done (db, stmt, error);
    }
  return TRUE;
}

/* JSON */

void
san_portald_status_build_instance (JsonBuilder              *builder,
                                   const SanPortaldInstance *instance)
{
  san_portald_json_add_id (builder, "id", instance->id);
  san_portald_json_add_string (builder, "name", instance->name);
  san_portald_json_add_string (builder, "hostname", instance->hostname);
  san_portald_json_add_string (builder, "region", instance->region);
  san_portald_json_add_string (builder, "state", instance->state);
  san_portald_json_add_string (builder, "state_since", instance->state_since);
}

void
san_portald_status_build_incident (JsonBuilder              *builder,
                                   const SanPortaldIncident *incident)
{
  json_builder_begin_object (builder);
  san_portald_json_add_id (builder, "id", incident->id);
  san_portald_json_add_string (builder, "title", incident->title);
  san_portald_json_add_string (builder, "impact", incident->impact);
  san_portald_json_add_string (builder, "status", incident->status);
  json_builder_set_member_name (builder, "instances");
  json_builder_begin_array (builder);
  for (guint i = 0; i < incident->instance_ids->len; i++)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                             g_array_index (incident->instance_ids, gint64, i));

      json_builder_add_string_value (builder, id);
    }
  json_builder_end_array (builder);
  san_portald_json_add_string (builder, "started_at", incident->started_at);
  san_portald_json_add_string (builder, "resolved_at", incident->resolved_at);
  json_builder_set_member_name (builder, "updates");
  json_builder_begin_array (builder);
  for (guint i = 0; i < incident->updates->len; i++)
    {
      const SanPortaldIncidentUpdate *update = g_ptr_array_index (incident->updates, i);

      json_builder_begin_object (builder);
      san_portald_json_add_id (builder, "id", update->id);
      san_portald_json_add_string (builder, "status", update->status);
      san_portald_json_add_string (builder, "message", update->message);
      san_portald_json_add_string (builder, "created_at", update->created_at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}
