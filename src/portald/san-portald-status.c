/* san-portald-status.c: the status routes and the admin interface
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GET /api/v1/status is public: every instance's state and the latest
 * incidents. GET /api/v1/contracts/{cid}/status ("services") narrows that
 * to the instances hosting the contract's services, adds the incidents on
 * them (open ones are the contract's alerts) and the contract's own
 * servers with the last hour of their (simulated, san-portald-metrics.c)
 * metrics. Both answer the event seq they reflect, so a client that then
 * follows the event stream from there misses nothing.
 *
 * The admin interface (/admin/v1/, checked by the router) is how SAN staff
 * change that: each change is one transaction, and its events (one per
 * affected contract) go out only once it committed.
 */
#define G_LOG_DOMAIN "san-portald"

#include "config.h"

#include "san-date.h"
#include "san-portald-db-private.h"
#include "san-portald-events.h"
#include "san-portald-json.h"
#include "san-portald-request.h"
#include "san-portald-status-private.h"
#include "san-portald-status.h"

#define MAX_TITLE_CHARS   200
#define MAX_MESSAGE_CHARS 5000
#define MAX_KIND_CHARS    64
#define MAX_LABEL_CHARS   200
#define DAY_MS            (G_GINT64_CONSTANT (24) * 60 * 60 * 1000)

static char *
rfc3339_at (gint64 ms)
{
  g_autoptr(GDateTime) instant = g_date_time_new_from_unix_utc (ms / 1000);

  return san_datetime_to_rfc3339 (instant);
}

static void
add_seq (JsonBuilder       *builder,
         SanPortaldRequest *req)
{
  san_portald_json_add_int (builder, "seq", san_portald_events_get_seq (san_portald_request_get_events (req)));
}

static void
build_incidents (JsonBuilder *builder,
                 GPtrArray   *incidents)
{
  json_builder_set_member_name (builder, "incidents");
  json_builder_begin_array (builder);
  for (guint i = 0; i < incidents->len; i++)
    san_portald_status_build_incident (builder, g_ptr_array_index (incidents, i));
  json_builder_end_array (builder);
}

static JsonNode *
incident_node (const SanPortaldIncident *incident)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  san_portald_status_build_incident (builder, incident);
  return json_builder_get_root (builder);
}

static JsonNode *
instance_node (const SanPortaldInstance *instance)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  san_portald_status_build_instance (builder, instance);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* GET /api/v1/status */

void
san_portald_handle_status (SanPortaldRequest *req)
{
  SanPortaldDb *db = san_portald_request_get_db (req);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) instances = NULL;
  g_autoptr(GPtrArray) incidents = NULL;
  g_autoptr(GError) error = NULL;

  if (!san_portald_status_db_list_instances (db, 0, &instances, &error) ||
      !san_portald_status_db_list_incidents (db, 0, NULL, SAN_PORTALD_STATUS_MAX_INCIDENTS, &incidents, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "instances");
  json_builder_begin_array (builder);
  for (guint i = 0; i < instances->len; i++)
    {
      json_builder_begin_object (builder);
      san_portald_status_build_instance (builder, g_ptr_array_index (instances, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  build_incidents (builder, incidents);
  add_seq (builder, req);
  json_builder_end_object (builder);
  san_portald_send_json (req, SOUP_STATUS_OK, builder);
}

/* GET /api/v1/contracts/{cid}/status */

static void
build_services (JsonBuilder *builder,
                GPtrArray   *services,
                gint64       instance_id)
{
  json_builder_set_member_name (builder, "services");
  json_builder_begin_array (builder);
  for (guint i = 0; i < services->len; i++)
    {
      const SanPortaldStatusService *service = g_ptr_array_index (services, i);

      if (service->instance_id != instance_id)
        continue;
      json_builder_begin_object (builder);
      san_portald_json_add_id (builder, "id", service->id);
      san_portald_json_add_string (builder, "product", service->product);
      san_portald_json_add_string (builder, "plan", service->plan);
      san_portald_json_add_string (builder, "domain", service->domain);
      san_portald_json_add_string (builder, "kind", service->kind);
      san_portald_json_add_string (builder, "status", service->status);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_sample (JsonBuilder *builder,
            gint64       service_id,
            gint64       time_ms)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, san_portald_metrics_sample (service_id, time_ms));
  json_builder_add_value (builder, g_steal_pointer (&node));
}

/* A server: the last hour at the step, on the minute, oldest first, and
 * the sample of now (what the live stream publishes) */
static void
build_server (JsonBuilder                   *builder,
              const SanPortaldStatusService *server,
              gint64                         now_ms)
{
  gboolean running = g_str_equal (server->status, "active");
  gint64 step_ms = SAN_PORTALD_METRICS_STEP_S * 1000;
  gint64 last_ms = now_ms / step_ms * step_ms;

  json_builder_begin_object (builder);
  san_portald_json_add_id (builder, "service_id", server->id);
  san_portald_json_add_string (builder, "plan", server->plan);
  san_portald_json_add_string (builder, "domain", server->domain);
  san_portald_json_add_string (builder, "kind", server->kind);
  json_builder_set_member_name (builder, "instance_id");
  if (server->instance_id > 0)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, server->instance_id);

      json_builder_add_string_value (builder, id);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "running");
  json_builder_add_boolean_value (builder, running);
  san_portald_json_add_int (builder, "step_s", SAN_PORTALD_METRICS_STEP_S);
  json_builder_set_member_name (builder, "history");
  json_builder_begin_array (builder);
  for (int i = SAN_PORTALD_METRICS_HISTORY - 1; running && i >= 0; i--)
    add_sample (builder, server->id, last_ms - i * step_ms);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "latest");
  if (running)
    add_sample (builder, server->id, now_ms);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

void
san_portald_handle_contract_status (SanPortaldRequest *req)
{
  SanPortaldDb *db = san_portald_request_get_db (req);
  gint64 contract_id = san_portald_request_get_contract_id (req);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) instances = NULL;
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(GPtrArray) incidents = NULL;
  g_autoptr(GPtrArray) servers = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *since = rfc3339_at (san_portald_request_clock_ms (req) -
                                       SAN_PORTALD_STATUS_RESOLVED_DAYS * DAY_MS);
  /* the metrics follow the real clock, like the live samples */
  gint64 now_ms = g_get_real_time () / 1000;

  if (!san_portald_status_db_list_instances (db, contract_id, &instances, &error) ||
      !san_portald_status_db_list_services (db, contract_id, &services, &error) ||
      !san_portald_status_db_list_incidents (db, contract_id, since, G_MAXINT, &incidents, &error) ||
      !san_portald_status_db_list_servers (db, contract_id, &servers, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "instances");
  json_builder_begin_array (builder);
  for (guint i = 0; i < instances->len; i++)
    {
      const SanPortaldInstance *instance = g_ptr_array_index (instances, i);

      json_builder_begin_object (builder);
      san_portald_status_build_instance (builder, instance);
      build_services (builder, services, instance->id);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  build_incidents (builder, incidents);
  json_builder_set_member_name (builder, "servers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < servers->len; i++)
    build_server (builder, g_ptr_array_index (servers, i), now_ms);
  json_builder_end_array (builder);
  add_seq (builder, req);
  json_builder_end_object (builder);
  san_portald_send_json (req, SOUP_STATUS_OK, builder);
}

/* The admin interface */

/* @text at most @max characters, else a field error */
static const char *
check_length (const char *text,
              const char *field,
              glong       max,
              GArray     *errors)
{
  if (text != NULL && g_utf8_strlen (text, -1) > max)
    {
      g_autofree char *message = g_strdup_printf ("At most %ld characters", max);

      san_portald_add_field_error (errors, field, "too_long", message);
      return NULL;
    }
  return text;
}

/* An id on the wire: a string of digits, positive */
static gboolean
parse_wire_id (const char *text,
               gint64     *out_id)
{
  guint64 id = 0;

  if (text == NULL || !g_ascii_isdigit (text[0]) ||
      !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &id, NULL))
    return FALSE;
  *out_id = (gint64) id;
  return TRUE;
}

/* "instances": a non-empty array of ids of existing instances; NULL with a field error */
static GArray *
read_instance_ids (SanPortaldRequest  *req,
                   JsonObject         *body,
                   GArray             *errors,
                   GError            **error)
{
  JsonNode *node = json_object_get_member (body, "instances");
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      san_portald_add_field_error (errors, "instances", "required", "This field is required");
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (array = json_node_get_array (node)) == 0)
    {
      san_portald_add_field_error (errors, "instances", "wrong_type",
                                   "This field must be a non-empty array of instance ids");
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(SanPortaldInstance) instance = NULL;
      gint64 id = 0;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING ||
          !parse_wire_id (json_node_get_string (element), &id))
        {
          san_portald_add_field_error (errors, "instances", "wrong_type",
                                       "Each instance must be an id (a string of digits)");
          return NULL;
        }
      if (!san_portald_status_db_get_instance (san_portald_request_get_db (req), id, &instance, error))
        return NULL;
      if (instance == NULL)
        {
          san_portald_add_field_error (errors, "instances", "not_found", "There is no such instance");
          return NULL;
        }
      g_array_append_val (ids, id);
    }
  return g_steal_pointer (&ids);
}

/* Publishes @type with the member @name (a copy of @node) once per contract
 * with services on what changed, after the open transaction commits */
static gboolean
publish_to_affected (SanPortaldRequest  *req,
                     gint64              instance_id,
                     gint64              incident_id,
                     const char         *type,
                     const char         *name,
                     JsonNode           *node,
                     const char         *previous_state,
                     GError            **error)
{
  SanPortaldDb *db = san_portald_request_get_db (req);
  g_autoptr(GArray) contracts = NULL;

  if (!san_portald_status_db_affected_contracts (db, instance_id, incident_id, &contracts, error))
    return FALSE;
  for (guint i = 0; i < contracts->len; i++)
    {
      JsonObject *payload = json_object_new ();

      json_object_set_member (payload, name, json_node_copy (node));
      if (previous_state != NULL)
        json_object_set_string_member (payload, "previous_state", previous_state);
      san_portald_events_publish_when_done (san_portald_request_get_events (req), db, type,
                                            g_array_index (contracts, gint64, i), "services", payload);
    }
  return TRUE;
}

/* Adds an update (@incident_id 0: a new incident first) and publishes it;
 * answers 201 with the incident */
static void
store_update (SanPortaldRequest *req,
              gint64             incident_id,
              const char        *title,
              const char        *impact,
              GArray            *instance_ids,
              const char        *status,
              const char        *message)
{
  SanPortaldDb *db = san_portald_request_get_db (req);
  g_autoptr(SanPortaldIncident) incident = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *now = rfc3339_at (san_portald_request_clock_ms (req));
  const char *type;
  gboolean ok;

  if (incident_id == 0)
    type = "incident_created";
  else if (g_str_equal (status, "resolved"))
    type = "incident_resolved";
  else
    type = "incident_updated";

  if (!san_portald_db_begin (db, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  if (incident_id == 0)
    incident_id = san_portald_status_db_add_incident (db, title, impact, instance_ids, now, &error);
  ok = incident_id != 0 &&
       san_portald_status_db_add_update (db, incident_id, status, message, now, &error) &&
       san_portald_status_db_get_incident (db, incident_id, &incident, &error);
  if (ok && incident != NULL)
    {
      node = incident_node (incident);
      ok = publish_to_affected (req, 0, incident_id, type, "incident", node, NULL, &error);
    }
  if (!ok || incident == NULL || !san_portald_db_commit (db, &error))
    {
      san_portald_db_rollback (db);
      if (error == NULL)
        g_set_error (&error, SAN_PORTALD_ERROR, SAN_PORTALD_ERROR_DATABASE, "An incident vanished");
      san_portald_send_internal_error (req, error);
      return;
    }
  san_portald_status_build_incident (builder, incident);
  san_portald_send_json (req, SOUP_STATUS_CREATED, builder);
}

void
san_portald_handle_admin_incident_create (SanPortaldRequest *req)
{
  g_autoptr(GArray) errors = g_array_new (FALSE, FALSE, sizeof (SanPortaldFieldError));
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GArray) instance_ids = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *body;
  const char *title;
  const char *impact;
  const char *message;
  const char *status;

  if ((body = san_portald_read_json_object (req, &parser)) == NULL)
    return;
  title = check_length (san_portald_require_string (body, "title", errors), "title", MAX_TITLE_CHARS, errors);
  impact = san_portald_require_string (body, "impact", errors);
  if (impact != NULL && !san_portald_status_is_impact (impact))
    san_portald_add_field_error (errors, "impact", "invalid", "Must be one of none, minor, major, critical");
  message = check_length (san_portald_require_string (body, "message", errors), "message",
                          MAX_MESSAGE_CHARS, errors);
  status = san_portald_optional_string (body, "status", errors);
  if (status == NULL)
    status = "investigating";   /* absent, or a field error already */
  else if (g_str_equal (status, "resolved") || !san_portald_status_is_incident_status (status))
    san_portald_add_field_error (errors, "status", "invalid",
                                 "Must be one of investigating, identified, monitoring");
  instance_ids = read_instance_ids (req, body, errors, &error);
  if (error != NULL)
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  if (errors->len > 0)
    {
      san_portald_send_validation_failed (req, errors);
      return;
    }
  store_update (req, 0, title, impact, instance_ids, status, message);
}

void
san_portald_handle_admin_incident_update (SanPortaldRequest *req)
{
  g_autoptr(GArray) errors = g_array_new (FALSE, FALSE, sizeof (SanPortaldFieldError));
  g_autoptr(SanPortaldIncident) incident = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *body;
  const char *status;
  const char *message;
  gint64 id = 0;

  if (san_portald_request_get_id_param (req, "iid", &id) &&
      !san_portald_status_db_get_incident (san_portald_request_get_db (req), id, &incident, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  if (incident == NULL)
    {
      san_portald_send_problem (req, SOUP_STATUS_NOT_FOUND, "not_found", "There is no such incident");
      return;
    }
  if ((body = san_portald_read_json_object (req, &parser)) == NULL)
    return;
  status = san_portald_require_string (body, "status", errors);
  if (status != NULL && !san_portald_status_is_incident_status (status))
    san_portald_add_field_error (errors, "status", "invalid",
                                 "Must be one of investigating, identified, monitoring, resolved");
  message = check_length (san_portald_require_string (body, "message", errors), "message",
                          MAX_MESSAGE_CHARS, errors);
  if (errors->len > 0)
    {
      san_portald_send_validation_failed (req, errors);
      return;
    }
  if (incident->resolved_at != NULL)
    {
      san_portald_send_problem (req, SOUP_STATUS_CONFLICT, "conflict",
                                "The incident is resolved: it takes no more updates");
      return;
    }
  store_update (req, incident->id, NULL, NULL, NULL, status, message);
}

void
san_portald_handle_admin_instance_state (SanPortaldRequest *req)
{
  SanPortaldDb *db = san_portald_request_get_db (req);
  g_autoptr(GArray) errors = g_array_new (FALSE, FALSE, sizeof (SanPortaldFieldError));
  g_autoptr(SanPortaldInstance) instance = NULL;
  g_autoptr(SanPortaldInstance) changed = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *now = NULL;
  JsonObject *body;
  const char *state;
  gint64 id = 0;

  if (san_portald_request_get_id_param (req, "inst", &id) &&
      !san_portald_status_db_get_instance (db, id, &instance, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  if (instance == NULL)
    {
      san_portald_send_problem (req, SOUP_STATUS_NOT_FOUND, "not_found", "There is no such instance");
      return;
    }
  if ((body = san_portald_read_json_object (req, &parser)) == NULL)
    return;
  state = san_portald_require_string (body, "state", errors);
  if (state != NULL && !san_portald_status_is_state (state))
    san_portald_add_field_error (errors, "state", "invalid",
                                 "Must be one of operational, degraded, partial_outage, major_outage, maintenance");
  if (errors->len > 0)
    {
      san_portald_send_validation_failed (req, errors);
      return;
    }

  /* the same state again: nothing changed, nothing to tell */
  if (g_str_equal (state, instance->state))
    {
      json_builder_begin_object (builder);
      san_portald_status_build_instance (builder, instance);
      json_builder_end_object (builder);
      san_portald_send_json (req, SOUP_STATUS_OK, builder);
      return;
    }

  now = rfc3339_at (san_portald_request_clock_ms (req));
  if (!san_portald_db_begin (db, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  if (!san_portald_status_db_set_state (db, instance->id, state, now, &error) ||
      !san_portald_status_db_get_instance (db, instance->id, &changed, &error) ||
      changed == NULL ||
      !publish_to_affected (req, instance->id, 0, "instance_state", "instance",
                            node = instance_node (changed), instance->state, &error) ||
      !san_portald_db_commit (db, &error))
    {
      san_portald_db_rollback (db);
      if (error == NULL)
        g_set_error (&error, SAN_PORTALD_ERROR, SAN_PORTALD_ERROR_DATABASE, "An instance vanished");
      san_portald_send_internal_error (req, error);
      return;
    }
  json_builder_begin_object (builder);
  san_portald_status_build_instance (builder, changed);
  json_builder_end_object (builder);
  san_portald_send_json (req, SOUP_STATUS_OK, builder);
}

/* The permission a notification of @kind needs, NULL for a kind this server does not know */
static const char *
kind_permission (const char *kind)
{
  if (g_strcmp0 (kind, "invoice_paid") == 0)
    return "invoices";
  if (g_strcmp0 (kind, "ticket_answered") == 0)
    return "tickets";
  return NULL;
}

static gboolean
is_word (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

void
san_portald_handle_admin_notification (SanPortaldRequest *req)
{
  SanPortaldDb *db = san_portald_request_get_db (req);
  g_autoptr(GArray) errors = g_array_new (FALSE, FALSE, sizeof (SanPortaldFieldError));
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contract_name = NULL;
  JsonObject *body;
  JsonObject *notification;
  JsonObject *payload;
  JsonNode *target_node;
  const char *contract;
  const char *kind;
  const char *title;
  const char *text;
  const char *permission;
  const char *label;
  const char *target_kind = NULL;
  const char *target_id = NULL;
  gint64 contract_id = 0;
  gint64 seq;

  if ((body = san_portald_read_json_object (req, &parser)) == NULL)
    return;
  contract = san_portald_require_string (body, "contract_id", errors);
  if (contract != NULL)
    {
      if (!parse_wire_id (contract, &contract_id))
        san_portald_add_field_error (errors, "contract_id", "wrong_type", "Must be a contract id");
      else if (!san_portald_db_get_contract_name (db, contract_id, &contract_name, &error))
        {
          san_portald_send_internal_error (req, error);
          return;
        }
      else if (contract_name == NULL)
        san_portald_add_field_error (errors, "contract_id", "not_found", "There is no such contract");
    }
  kind = check_length (san_portald_require_string (body, "kind", errors), "kind", MAX_KIND_CHARS, errors);
  if (kind != NULL && !is_word (kind))
    {
      san_portald_add_field_error (errors, "kind", "invalid", "Lower-case letters, digits and _ only");
      kind = NULL;
    }
  title = check_length (san_portald_require_string (body, "title", errors), "title", MAX_TITLE_CHARS, errors);
  text = check_length (san_portald_require_string (body, "body", errors), "body", MAX_MESSAGE_CHARS, errors);
  label = check_length (san_portald_optional_string (body, "label", errors), "label", MAX_LABEL_CHARS, errors);
  permission = san_portald_optional_string (body, "permission", errors);
  if (permission != NULL && !san_portald_permission_is_known (permission))
    san_portald_add_field_error (errors, "permission", "invalid", "Not a permission word");
  else if (permission == NULL && kind != NULL && (permission = kind_permission (kind)) == NULL)
    san_portald_add_field_error (errors, "permission", "required",
                                 "A kind this server does not know needs its permission");
  target_node = json_object_get_member (body, "target");
  if (target_node != NULL && !JSON_NODE_HOLDS_NULL (target_node))
    {
      if (!JSON_NODE_HOLDS_OBJECT (target_node))
        san_portald_add_field_error (errors, "target", "wrong_type", "Must be an object {kind, id} or null");
      else
        {
          JsonObject *target = json_node_get_object (target_node);
          g_autoptr(GArray) target_errors = g_array_new (FALSE, FALSE, sizeof (SanPortaldFieldError));
          gint64 ignored;

          target_kind = san_portald_require_string (target, "kind", target_errors);
          target_id = san_portald_require_string (target, "id", target_errors);
          if (target_errors->len > 0 || !is_word (target_kind) || !parse_wire_id (target_id, &ignored))
            san_portald_add_field_error (errors, "target", "invalid",
                                         "Must have a kind (a word) and an id (a string of digits)");
        }
    }
  if (errors->len > 0)
    {
      san_portald_send_validation_failed (req, errors);
      return;
    }

  notification = json_object_new ();
  json_object_set_string_member (notification, "kind", kind);
  json_object_set_string_member (notification, "title", title);
  json_object_set_string_member (notification, "body", text);
  if (target_kind != NULL)
    {
      JsonObject *target = json_object_new ();

      json_object_set_string_member (target, "kind", target_kind);
      json_object_set_string_member (target, "id", target_id);
      json_object_set_object_member (notification, "target", target);
    }
  else
    json_object_set_null_member (notification, "target");
  json_object_set_string_member (notification, "label", label != NULL ? label : "");
  payload = json_object_new ();
  json_object_set_object_member (payload, "notification", notification);
  seq = san_portald_events_publish (san_portald_request_get_events (req), "notification", contract_id,
                                    permission, payload);

  json_builder_begin_object (builder);
  san_portald_json_add_int (builder, "seq", seq);
  json_builder_end_object (builder);
  san_portald_send_json (req, SOUP_STATUS_ACCEPTED, builder);
}

void
san_portald_handle_admin_events (SanPortaldRequest *req)
{
  SanPortaldEvents *events = san_portald_request_get_events (req);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  san_portald_json_add_int (builder, "seq", san_portald_events_get_seq (events));
  san_portald_json_add_int (builder, "clients", san_portald_events_get_n_clients (events));
  san_portald_json_add_int (builder, "buffered", san_portald_events_get_n_buffered (events));
  json_builder_end_object (builder);
  san_portald_send_json (req, SOUP_STATUS_OK, builder);
}

/* The demo */

typedef struct
{
  int         days_ago;
  const char *time;         /* UTC */
  const char *status;
  const char *message;
} DemoUpdate;

typedef struct
{
  const char *title;
  const char *impact;
  const char *instances[3];
  DemoUpdate  updates[4];
} DemoIncident;

/* Oldest first; texts as SAN's staff would write them */
static const DemoIncident demo_incidents[] = {
  { "Falha de disco no armazenamento de br-rj-cloud-03", "major", { "br-rj-cloud-03" }, {
      { 40, "06:12", "investigating", "Identificamos lentidão de leitura e escrita nos servidores cloud do Rio de Janeiro. Nossa equipe está analisando." },
      { 40, "06:45", "identified", "Um disco do conjunto de armazenamento falhou. Os dados estão íntegros e o conjunto está sendo reconstruído; pode haver lentidão até o fim do processo." },
      { 40, "10:30", "resolved", "A reconstrução terminou e o desempenho voltou ao normal. Nenhum dado foi perdido." } } },
  { "Atraso na entrega de e-mails", "minor", { "br-sp-shared-07", "br-sp-shared-12" }, {
      { 19, "13:05", "investigating", "Mensagens enviadas a partir das hospedagens de São Paulo estão demorando para chegar aos destinatários. Estamos investigando." },
      { 19, "13:40", "identified", "Um dos nossos IPs de envio entrou na lista de bloqueio de um grande provedor. Já pedimos a remoção e desviamos o envio para outros IPs." },
      { 19, "15:10", "monitoring", "A fila de envio foi processada e as mensagens estão saindo normalmente. Seguimos acompanhando." },
      { 19, "18:00", "resolved", "Entrega de e-mails normalizada. Mensagens atrasadas foram todas entregues." } } },
  { "Painel de controle indisponível em br-sp-shared-12", "minor", { "br-sp-shared-12" }, {
      { 11, "10:12", "investigating", "O painel de controle da hospedagem não abre para alguns clientes. Os sites e e-mails funcionam normalmente." },
      { 11, "11:02", "resolved", "O serviço do painel foi reiniciado e o acesso está normal novamente." } } },
  { "Instabilidade de rede em São Paulo", "major", { "br-sp-cloud-11", "br-sp-dedicated-21" }, {
      { 4, "14:05", "investigating", "Detectamos perda de pacotes e lentidão no acesso aos servidores cloud e dedicados de São Paulo." },
      { 4, "14:30", "identified", "A causa é um problema em um link de trânsito de uma operadora parceira. O tráfego está sendo redirecionado por outras rotas." },
      { 4, "15:20", "resolved", "O tráfego foi normalizado por rotas alternativas e a operadora corrigiu o link. Pedimos desculpas pelo transtorno." } } },
  /* still open */
  { "Manutenção programada no armazenamento de br-ce-shared-02", "none", { "br-ce-shared-02" }, {
      { 1, "22:00", "identified", "Manutenção programada para a troca de equipamentos de armazenamento em Fortaleza. Os sites podem ficar lentos por alguns minutos durante a janela; não é preciso fazer nada." } } },
  { "Lentidão em sites hospedados em br-sp-shared-07", "minor", { "br-sp-shared-07" }, {
      { 1, "19:40", "investigating", "Alguns sites hospedados em br-sp-shared-07 estão lentos ou exibindo erros ocasionais. Nossa equipe já está investigando." },
      { 1, "23:10", "monitoring", "Aplicamos uma correção no servidor de banco de dados da instância e o tempo de resposta está melhorando. Seguimos monitorando." } } },
};

static const struct
{
  const char *instance;
  const char *state;
  int         days_ago;
  const char *time;
} demo_states[] = {
  { "br-sp-shared-07", "degraded",    1, "19:40" },
  { "br-ce-shared-02", "maintenance", 1, "22:00" },
};

static char *
demo_time (const GDate *today,
           int          days_ago,
           const char  *time)
{
  g_autofree char *day = san_portald_date_plus_days (today, -days_ago);

  return g_strdup_printf ("%sT%s:00Z", day, time);
}

static gint64
instance_id_named (GPtrArray  *instances,
                   const char *name)
{
  for (guint i = 0; i < instances->len; i++)
    {
      const SanPortaldInstance *instance = g_ptr_array_index (instances, i);

      if (g_str_equal (instance->name, name))
        return instance->id;
    }
  return 0;
}

gboolean
san_portald_status_seed_demo (SanPortaldDb  *db,
                              const GDate   *today,
                              GError       **error)
{
  g_autoptr(GPtrArray) instances = NULL;

  if (!san_portald_status_db_list_instances (db, 0, &instances, error))
    return FALSE;

  /* every instance has been operational for weeks, but for the two below */
  for (guint i = 0; i < instances->len; i++)
    {
      const SanPortaldInstance *instance = g_ptr_array_index (instances, i);
      g_autofree char *since = demo_time (today, 38 + (int) i * 3, "09:00");

      if (!san_portald_status_db_set_state (db, instance->id, "operational", since, error))
        return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (demo_states); i++)
    {
      g_autofree char *since = demo_time (today, demo_states[i].days_ago, demo_states[i].time);
      gint64 id = instance_id_named (instances, demo_states[i].instance);

      if (id == 0)
        continue;
      if (!san_portald_status_db_set_state (db, id, demo_states[i].state, since, error))
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (demo_incidents); i++)
    {
      const DemoIncident *demo = &demo_incidents[i];
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autofree char *started_at = demo_time (today, demo->updates[0].days_ago, demo->updates[0].time);
      gint64 incident_id;

      for (guint j = 0; j < G_N_ELEMENTS (demo->instances) && demo->instances[j] != NULL; j++)
        {
          gint64 id = instance_id_named (instances, demo->instances[j]);

          if (id != 0)
            g_array_append_val (ids, id);
        }
      if (ids->len == 0)
        continue;
      incident_id = san_portald_status_db_add_incident (db, demo->title, demo->impact, ids, started_at, error);
      if (incident_id == 0)
        return FALSE;
      for (guint j = 0; j < G_N_ELEMENTS (demo->updates) && demo->updates[j].status != NULL; j++)
        {
          const DemoUpdate *update = &demo->updates[j];
          g_autofree char *created_at = demo_time (today, update->days_ago, update->time);

          if (!san_portald_status_db_add_update (db, incident_id, update->status, update->message,
                                                 created_at, error))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
san_portald_status_seed_bench_servers (SanPortaldDb  *db,
                                       guint          n,
                                       GError       **error)
{
  g_autoptr(GPtrArray) instances = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created_at = san_datetime_to_rfc3339 (now);
  g_autofree char *since = g_date_time_format (now, "%Y-%m-%d");
  gint64 contract_id = 0;

  if (!san_portald_status_db_find_contract (db, "demo@example.com", "Padaria Pão Quente Ltda",
                                            &contract_id, error) ||
      !san_portald_status_db_list_instances (db, 0, &instances, error))
    return FALSE;
  if (contract_id == 0 || instances->len == 0)
    {
      g_set_error (error, SAN_PORTALD_ERROR, SAN_PORTALD_ERROR_INVALID,
                   "The benchmark servers need the demo data (--demo)");
      return FALSE;
    }

  if (!san_portald_db_begin (db, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const SanPortaldInstance *instance = g_ptr_array_index (instances, i % instances->len);
      g_autofree char *domain = g_strdup_printf ("bench-%u.padariapaoquente.com.br", i + 1);
      SanPortaldServiceRow row = {
        .product = "Cloud Server",
        .plan = "Cloud 4 GB",
        .domain = domain,
        .kind = "cloud",
        .status = "active",
        .billing_cycle = "monthly",
        .price_cents = 18990,
        .next_due_date = NULL,
        .status_since = since,
        .support_level = "business",
        .payment_method = "bank_debit",
        .instance_id = instance->id,
        .created_at = created_at,
      };

      if (san_portald_db_add_service (db, contract_id, &row, error) == 0)
        {
          san_portald_db_rollback (db);
          return FALSE;
        }
    }
  if (!san_portald_db_commit (db, error))
    {
      san_portald_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}
