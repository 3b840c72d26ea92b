/* san-status.c: live status models (instances' states, incidents, the
 * contract's own servers and their metrics)
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-api"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "san-status-private.h"

#include "san-enum-types.h"
#include "san-instance-private.h"
#include "san-json-private.h"
#include "san-support-json-private.h"

/* How far back a server's history reaches */
#define HISTORY_SECONDS 3600
/* Bounds of a server's step (seconds between history samples) */
#define MAX_STEP_SECONDS 3600
/* At most this many history samples (a step of a second for an hour) */
#define MAX_HISTORY_SAMPLES (HISTORY_SECONDS + 1)

/* SanMetricSample */

G_DEFINE_BOXED_TYPE (SanMetricSample, san_metric_sample,
                     san_metric_sample_copy, san_metric_sample_free)

SanMetricSample *
san_metric_sample_copy (const SanMetricSample *sample)
{
  g_return_val_if_fail (sample != NULL, NULL);

  return g_memdup2 (sample, sizeof *sample);
}

void
san_metric_sample_free (SanMetricSample *sample)
{
  g_free (sample);
}

static gboolean
read_number (JsonObject  *object,
             const char  *member,
             double       max,
             double      *out,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  double value;

  if (node == NULL)
    {
      g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                   _("“%s” is missing"), member);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_DOUBLE &&
       json_node_get_value_type (node) != G_TYPE_INT64))
    {
      /* Translators: the first %s is a JSON member name, the second what it
       * should be ("a string", "an integer", ...) */
      g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                   _("“%s” is not %s"), member, _("a number"));
      return FALSE;
    }

  if (json_node_get_value_type (node) == G_TYPE_INT64)
    value = (double) json_node_get_int (node);
  else
    value = json_node_get_double (node);

  if (!isfinite (value) || value < 0 || value > max)
    {
      g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                   _("“%s” is out of range"), member);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

gboolean
san_metric_sample_read_json (JsonObject       *object,
                             SanMetricSample  *out,
                             GError          **error)
{
  g_autoptr(GDateTime) time = NULL;
  SanMetricSample sample = { 0, };

  if (!san_json_read_datetime (object, "time", &time, error) ||
      !read_number (object, "cpu_pct", 100, &sample.cpu_pct, error) ||
      !read_number (object, "mem_pct", 100, &sample.mem_pct, error) ||
      !read_number (object, "disk_pct", 100, &sample.disk_pct, error) ||
      !read_number (object, "net_in_bps", G_MAXDOUBLE, &sample.net_in_bps, error) ||
      !read_number (object, "net_out_bps", G_MAXDOUBLE, &sample.net_out_bps, error) ||
      !read_number (object, "load1", G_MAXDOUBLE, &sample.load1, error) ||
      !san_json_read_int (object, "uptime_s", 0, G_MAXINT64, &sample.uptime_s, error))
    {
      g_prefix_error (error, _("sample: "));
      return FALSE;
    }

  sample.time_ms = g_date_time_to_unix (time) * 1000 +
                   g_date_time_get_microsecond (time) / 1000;
  *out = sample;
  return TRUE;
}

/* SanIncidentUpdate */

struct _SanIncidentUpdate
{
  GObject            parent_instance;

  char              *id;
  SanIncidentStatus  status;
  char              *message;
  GDateTime         *created_at;
};

enum {
  UPDATE_PROP_0,
  UPDATE_PROP_ID,
  UPDATE_PROP_STATUS,
  UPDATE_PROP_MESSAGE,
  UPDATE_PROP_CREATED_AT,
  UPDATE_N_PROPS
};

G_DEFINE_FINAL_TYPE (SanIncidentUpdate, san_incident_update, G_TYPE_OBJECT)

static GParamSpec *update_properties[UPDATE_N_PROPS];

static void
san_incident_update_finalize (GObject *object)
{
  SanIncidentUpdate *self = (SanIncidentUpdate *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->created_at, g_date_time_unref);

  G_OBJECT_CLASS (san_incident_update_parent_class)->finalize (object);
}

static void
san_incident_update_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SanIncidentUpdate *self = SAN_INCIDENT_UPDATE (object);

  switch (prop_id)
    {
    case UPDATE_PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case UPDATE_PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case UPDATE_PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case UPDATE_PROP_CREATED_AT:
      g_value_set_boxed (value, self->created_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_incident_update_class_init (SanIncidentUpdateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = san_incident_update_finalize;
  object_class->get_property = san_incident_update_get_property;

  update_properties[UPDATE_PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, flags);
  update_properties[UPDATE_PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, SAN_TYPE_INCIDENT_STATUS,
                       SAN_INCIDENT_STATUS_INVESTIGATING, flags);
  update_properties[UPDATE_PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL, flags);
  update_properties[UPDATE_PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, flags);

  g_object_class_install_properties (object_class, UPDATE_N_PROPS, update_properties);
}

static void
san_incident_update_init (SanIncidentUpdate *self)
{
}

static SanIncidentUpdate *
san_incident_update_new_from_json (JsonObject  *object,
                                   GError     **error)
{
  g_autoptr(SanIncidentUpdate) self = g_object_new (SAN_TYPE_INCIDENT_UPDATE, NULL);
  const char *id, *message;

  if (!san_support_read_id (object, "id", FALSE, &id, error))
    goto fail;
  SAN_SUPPORT_READ_WORD (object, "status", san_incident_status_from_wire, &self->status, error);
  if (!san_json_read_string (object, "message", TRUE, &message, error) ||
      !san_json_read_datetime (object, "created_at", &self->created_at, error))
    goto fail;

  self->id = g_strdup (id);
  self->message = g_strdup (message);
  return g_steal_pointer (&self);

fail:
  return NULL;
}

const char *
san_incident_update_get_id (SanIncidentUpdate *self)
{
  g_return_val_if_fail (SAN_IS_INCIDENT_UPDATE (self), NULL);

  return self->id;
}

SanIncidentStatus
san_incident_update_get_status (SanIncidentUpdate *self)
{
  g_return_val_if_fail (SAN_IS_INCIDENT_UPDATE (self), SAN_INCIDENT_STATUS_INVESTIGATING);

  return self->status;
}

const char *
san_incident_update_get_message (SanIncidentUpdate *self)
{
  g_return_val_if_fail (SAN_IS_INCIDENT_UPDATE (self), NULL);

  return self->message;
}

GDateTime *
san_incident_update_get_created_at (SanIncidentUpdate *self)
{
  g_return_val_if_fail (SAN_IS_INCIDENT_UPDATE (self), NULL);

  return self->created_at;
}

/* SanIncident */

struct _SanIncident
{
  GObject            parent_instance;

  char              *id;
  char              *title;
  SanIncidentImpact  impact;
  SanIncidentStatus  status;
  char             **instance_ids;
  GDateTime         *started_at;
  GDateTime         *resolved_at;
  GListStore        *updates;
};

enum {
  INCIDENT_PROP_0,
  INCIDENT_PROP_ID,
  INCIDENT_PROP_TITLE,
  INCIDENT_PROP_IMPACT,
  INCIDENT_PROP_STATUS,
  INCIDENT_PROP_OPEN,
  INCIDENT_PROP_STARTED_AT,
  INCIDENT_PROP_RESOLVED_AT,
  INCIDENT_N_PROPS
};

G_DEFINE_FINAL_TYPE (SanIncident, san_incident, G_TYPE_OBJECT)

static GParamSpec *incident_properties[INCIDENT_N_PROPS];

static void
san_incident_finalize (GObject *object)
{
  SanIncident *self = (SanIncident *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->instance_ids, g_strfreev);
  g_clear_pointer (&self->started_at, g_date_time_unref);
  g_clear_pointer (&self->resolved_at, g_date_time_unref);
  g_clear_object (&self->updates);

  G_OBJECT_CLASS (san_incident_parent_class)->finalize (object);
}

static void
san_incident_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SanIncident *self = SAN_INCIDENT (object);

  switch (prop_id)
    {
    case INCIDENT_PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case INCIDENT_PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case INCIDENT_PROP_IMPACT:
      g_value_set_enum (value, self->impact);
      break;
    case INCIDENT_PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case INCIDENT_PROP_OPEN:
      g_value_set_boolean (value, san_incident_is_open (self));
      break;
    case INCIDENT_PROP_STARTED_AT:
      g_value_set_boxed (value, self->started_at);
      break;
    case INCIDENT_PROP_RESOLVED_AT:
      g_value_set_boxed (value, self->resolved_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_incident_class_init (SanIncidentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = san_incident_finalize;
  object_class->get_property = san_incident_get_property;

  incident_properties[INCIDENT_PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, flags);
  incident_properties[INCIDENT_PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, flags);
  incident_properties[INCIDENT_PROP_IMPACT] =
    g_param_spec_enum ("impact", NULL, NULL, SAN_TYPE_INCIDENT_IMPACT,
                       SAN_INCIDENT_IMPACT_NONE, flags);
  incident_properties[INCIDENT_PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, SAN_TYPE_INCIDENT_STATUS,
                       SAN_INCIDENT_STATUS_INVESTIGATING, flags);
  incident_properties[INCIDENT_PROP_OPEN] =
    g_param_spec_boolean ("open", NULL, NULL, FALSE, flags);
  incident_properties[INCIDENT_PROP_STARTED_AT] =
    g_param_spec_boxed ("started-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  incident_properties[INCIDENT_PROP_RESOLVED_AT] =
    g_param_spec_boxed ("resolved-at", NULL, NULL, G_TYPE_DATE_TIME, flags);

  g_object_class_install_properties (object_class, INCIDENT_N_PROPS, incident_properties);
}

static void
san_incident_init (SanIncident *self)
{
  self->updates = g_list_store_new (SAN_TYPE_INCIDENT_UPDATE);
}

static gboolean
read_id_list (JsonObject  *object,
              const char  *member,
              GStrv       *out,
              GError     **error)
{
  g_auto(GStrv) ids = NULL;

  if (!san_support_read_strv (object, member, FALSE, &ids, error))
    return FALSE;
  for (guint i = 0; ids[i] != NULL; i++)
    {
      gsize length = strlen (ids[i]);
      gboolean digits = length > 0 && length <= 18;

      for (gsize j = 0; digits && j < length; j++)
        digits = g_ascii_isdigit (ids[i][j]);
      if (!digits)
        {
          g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                       _("item %u of “%s” is not valid"), i + 1, member);
          return FALSE;
        }
    }
  *out = g_steal_pointer (&ids);
  return TRUE;
}

SanIncident *
san_incident_new_from_json (JsonObject  *object,
                            GError     **error)
{
  g_autoptr(SanIncident) self = g_object_new (SAN_TYPE_INCIDENT, NULL);
  const char *id = NULL, *title;
  JsonArray *updates;
  guint n;

  if (!san_support_read_id (object, "id", FALSE, &id, error) ||
      !san_json_read_string (object, "title", FALSE, &title, error))
    goto fail;
  SAN_SUPPORT_READ_WORD (object, "impact", san_incident_impact_from_wire, &self->impact, error);
  SAN_SUPPORT_READ_WORD (object, "status", san_incident_status_from_wire, &self->status, error);
  if (!read_id_list (object, "instances", &self->instance_ids, error) ||
      !san_json_read_datetime (object, "started_at", &self->started_at, error) ||
      !san_json_read_datetime_or_null (object, "resolved_at", &self->resolved_at, error) ||
      !san_json_read_array (object, "updates", &updates, error))
    goto fail;

  n = json_array_get_length (updates);
  if (n == 0)
    {
      g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                   _("“%s” is empty"), "updates");
      goto fail;
    }
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (updates, i);
      g_autoptr(SanIncidentUpdate) update = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                       _("item %u of “%s” is not an object"), i + 1, "updates");
          goto fail;
        }
      update = san_incident_update_new_from_json (json_node_get_object (node), error);
      if (update == NULL)
        {
          g_prefix_error (error, _("update %u: "), i + 1);
          goto fail;
        }
      g_list_store_append (self->updates, update);
      if (i == n - 1 && update->status != self->status)
        {
          g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                       _("“%s” is not the latest update’s"), "status");
          goto fail;
        }
    }

  if ((self->status == SAN_INCIDENT_STATUS_RESOLVED) != (self->resolved_at != NULL))
    {
      g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                   _("“%s” does not match “%s”"), "resolved_at", "status");
      goto fail;
    }

  self->id = g_strdup (id);
  self->title = g_strdup (title);
  return g_steal_pointer (&self);

fail:
  if (id != NULL)
    g_prefix_error (error, _("incident %s: "), id);
  else
    g_prefix_error (error, _("incident: "));
  return NULL;
}

const char *
san_incident_get_id (SanIncident *self)
{
  g_return_val_if_fail (SAN_IS_INCIDENT (self), NULL);

  return self->id;
}

const char *
san_incident_get_title (SanIncident *self)
{
  g_return_val_if_fail (SAN_IS_INCIDENT (self), NULL);

  return self->title;
}

SanIncidentImpact
san_incident_get_impact (SanIncident *self)
{
  g_return_val_if_fail (SAN_IS_INCIDENT (self), SAN_INCIDENT_IMPACT_NONE);

  return self->impact;
}

SanIncidentStatus
san_incident_get_status (SanIncident *self)
{
  g_return_val_if_fail (SAN_IS_INCIDENT (self), SAN_INCIDENT_STATUS_INVESTIGATING);

  return self->status;
}

gboolean
san_incident_is_open (SanIncident *self)
{
  g_return_val_if_fail (SAN_IS_INCIDENT (self), FALSE);

  return self->status != SAN_INCIDENT_STATUS_RESOLVED;
}

const char * const *
san_incident_get_instance_ids (SanIncident *self)
{
  g_return_val_if_fail (SAN_IS_INCIDENT (self), NULL);

  return (const char * const *) self->instance_ids;
}

gboolean
san_incident_affects (SanIncident *self,
                      const char  *instance_id)
{
  g_return_val_if_fail (SAN_IS_INCIDENT (self), FALSE);
  g_return_val_if_fail (instance_id != NULL, FALSE);

  return g_strv_contains ((const char * const *) self->instance_ids, instance_id);
}

GDateTime *
san_incident_get_started_at (SanIncident *self)
{
  g_return_val_if_fail (SAN_IS_INCIDENT (self), NULL);

  return self->started_at;
}

GDateTime *
san_incident_get_resolved_at (SanIncident *self)
{
  g_return_val_if_fail (SAN_IS_INCIDENT (self), NULL);

  return self->resolved_at;
}

GListModel *
san_incident_get_updates (SanIncident *self)
{
  g_return_val_if_fail (SAN_IS_INCIDENT (self), NULL);

  return G_LIST_MODEL (self->updates);
}

/* SanServerMetrics */

struct _SanServerMetrics
{
  GObject          parent_instance;

  char            *service_id;
  char            *plan;
  char            *domain;
  SanServiceKind   kind;
  char            *instance_id;
  guint            step;
  GArray          *history;   /* SanMetricSample */
  SanMetricSample  latest;
  guint            running : 1;
  guint            has_latest : 1;
};

enum {
  SERVER_PROP_0,
  SERVER_PROP_SERVICE_ID,
  SERVER_PROP_PLAN,
  SERVER_PROP_DOMAIN,
  SERVER_PROP_KIND,
  SERVER_PROP_INSTANCE_ID,
  SERVER_PROP_RUNNING,
  SERVER_PROP_STEP,
  SERVER_PROP_LATEST,
  SERVER_N_PROPS
};

G_DEFINE_FINAL_TYPE (SanServerMetrics, san_server_metrics, G_TYPE_OBJECT)

static GParamSpec *server_properties[SERVER_N_PROPS];

static void
san_server_metrics_finalize (GObject *object)
{
  SanServerMetrics *self = (SanServerMetrics *) object;

  g_clear_pointer (&self->service_id, g_free);
  g_clear_pointer (&self->plan, g_free);
  g_clear_pointer (&self->domain, g_free);
  g_clear_pointer (&self->instance_id, g_free);
  g_clear_pointer (&self->history, g_array_unref);

  G_OBJECT_CLASS (san_server_metrics_parent_class)->finalize (object);
}

static void
san_server_metrics_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SanServerMetrics *self = SAN_SERVER_METRICS (object);

  switch (prop_id)
    {
    case SERVER_PROP_SERVICE_ID:
      g_value_set_string (value, self->service_id);
      break;
    case SERVER_PROP_PLAN:
      g_value_set_string (value, self->plan);
      break;
    case SERVER_PROP_DOMAIN:
      g_value_set_string (value, self->domain);
      break;
    case SERVER_PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case SERVER_PROP_INSTANCE_ID:
      g_value_set_string (value, self->instance_id);
      break;
    case SERVER_PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    case SERVER_PROP_STEP:
      g_value_set_uint (value, self->step);
      break;
    case SERVER_PROP_LATEST:
      g_value_set_boxed (value, san_server_metrics_get_latest (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_server_metrics_class_init (SanServerMetricsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = san_server_metrics_finalize;
  object_class->get_property = san_server_metrics_get_property;

  server_properties[SERVER_PROP_SERVICE_ID] =
    g_param_spec_string ("service-id", NULL, NULL, NULL, flags);
  server_properties[SERVER_PROP_PLAN] =
    g_param_spec_string ("plan", NULL, NULL, NULL, flags);
  server_properties[SERVER_PROP_DOMAIN] =
    g_param_spec_string ("domain", NULL, NULL, NULL, flags);
  server_properties[SERVER_PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, SAN_TYPE_SERVICE_KIND, 0, flags);
  server_properties[SERVER_PROP_INSTANCE_ID] =
    g_param_spec_string ("instance-id", NULL, NULL, NULL, flags);
  server_properties[SERVER_PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE, flags);
  server_properties[SERVER_PROP_STEP] =
    g_param_spec_uint ("step", NULL, NULL, 1, MAX_STEP_SECONDS, 60, flags);
  server_properties[SERVER_PROP_LATEST] =
    g_param_spec_boxed ("latest", NULL, NULL, SAN_TYPE_METRIC_SAMPLE,
                        flags | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, SERVER_N_PROPS, server_properties);
}

static void
san_server_metrics_init (SanServerMetrics *self)
{
  self->step = 60;
  self->history = g_array_new (FALSE, FALSE, sizeof (SanMetricSample));
}

/* How many samples an hour's history holds at the step */
static guint
history_capacity (SanServerMetrics *self)
{
  return HISTORY_SECONDS / self->step;
}

SanServerMetrics *
san_server_metrics_new_from_json (JsonObject  *object,
                                  GError     **error)
{
  g_autoptr(SanServerMetrics) self = g_object_new (SAN_TYPE_SERVER_METRICS, NULL);
  const char *service_id = NULL, *plan, *domain, *instance_id;
  gboolean running;
  gint64 step;
  JsonArray *history;
  JsonObject *latest;
  guint n;

  if (!san_support_read_id (object, "service_id", FALSE, &service_id, error) ||
      !san_json_read_string (object, "plan", FALSE, &plan, error) ||
      !san_json_read_string (object, "domain", TRUE, &domain, error))
    goto fail;
  SAN_SUPPORT_READ_WORD (object, "kind", san_service_kind_from_wire, &self->kind, error);
  if (!san_support_read_id (object, "instance_id", FALSE, &instance_id, error) ||
      !san_json_read_boolean (object, "running", &running, error) ||
      !san_json_read_int (object, "step_s", 1, MAX_STEP_SECONDS, &step, error) ||
      !san_json_read_array (object, "history", &history, error) ||
      !san_json_read_object (object, "latest", TRUE, &latest, error))
    goto fail;

  n = json_array_get_length (history);
  if (n > MAX_HISTORY_SAMPLES)
    {
      g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                   _("“%s” is too long"), "history");
      goto fail;
    }
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (history, i);
      SanMetricSample sample;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                       _("item %u of “%s” is not an object"), i + 1, "history");
          goto fail;
        }
      if (!san_metric_sample_read_json (json_node_get_object (node), &sample, error))
        {
          g_prefix_error (error, _("history %u: "), i + 1);
          goto fail;
        }
      if (self->history->len > 0 &&
          sample.time_ms <= g_array_index (self->history, SanMetricSample, self->history->len - 1).time_ms)
        {
          g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                       _("“%s” is not in time order"), "history");
          goto fail;
        }
      g_array_append_val (self->history, sample);
    }

  if (latest != NULL)
    {
      if (!san_metric_sample_read_json (latest, &self->latest, error))
        {
          g_prefix_error (error, "latest: ");
          goto fail;
        }
      self->has_latest = TRUE;
    }
  else if (self->history->len > 0)
    {
      self->latest = g_array_index (self->history, SanMetricSample, self->history->len - 1);
      self->has_latest = TRUE;
    }

  self->service_id = g_strdup (service_id);
  self->plan = g_strdup (plan);
  self->domain = g_strdup (domain);
  self->instance_id = g_strdup (instance_id);
  self->running = !!running;
  self->step = (guint) step;
  return g_steal_pointer (&self);

fail:
  if (service_id != NULL)
    g_prefix_error (error, _("server %s: "), service_id);
  else
    g_prefix_error (error, _("server: "));
  return NULL;
}

const char *
san_server_metrics_get_service_id (SanServerMetrics *self)
{
  g_return_val_if_fail (SAN_IS_SERVER_METRICS (self), NULL);

  return self->service_id;
}

const char *
san_server_metrics_get_plan (SanServerMetrics *self)
{
  g_return_val_if_fail (SAN_IS_SERVER_METRICS (self), NULL);

  return self->plan;
}

const char *
san_server_metrics_get_domain (SanServerMetrics *self)
{
  g_return_val_if_fail (SAN_IS_SERVER_METRICS (self), NULL);

  return self->domain;
}

SanServiceKind
san_server_metrics_get_kind (SanServerMetrics *self)
{
  g_return_val_if_fail (SAN_IS_SERVER_METRICS (self), 0);

  return self->kind;
}

const char *
san_server_metrics_get_instance_id (SanServerMetrics *self)
{
  g_return_val_if_fail (SAN_IS_SERVER_METRICS (self), NULL);

  return self->instance_id;
}

gboolean
san_server_metrics_get_running (SanServerMetrics *self)
{
  g_return_val_if_fail (SAN_IS_SERVER_METRICS (self), FALSE);

  return self->running;
}

guint
san_server_metrics_get_step (SanServerMetrics *self)
{
  g_return_val_if_fail (SAN_IS_SERVER_METRICS (self), 0);

  return self->step;
}

GArray *
san_server_metrics_get_history (SanServerMetrics *self)
{
  g_return_val_if_fail (SAN_IS_SERVER_METRICS (self), NULL);

  return self->history;
}

const SanMetricSample *
san_server_metrics_get_latest (SanServerMetrics *self)
{
  g_return_val_if_fail (SAN_IS_SERVER_METRICS (self), NULL);

  return self->has_latest ? &self->latest : NULL;
}

void
san_server_metrics_push (SanServerMetrics      *self,
                         const SanMetricSample *sample)
{
  g_return_if_fail (SAN_IS_SERVER_METRICS (self));
  g_return_if_fail (sample != NULL);

  /* An older sample than the one shown (a late or repeated one) changes
   * nothing */
  if (self->has_latest && sample->time_ms <= self->latest.time_ms)
    return;

  if (self->history->len == 0 ||
      sample->time_ms - g_array_index (self->history, SanMetricSample,
                                       self->history->len - 1).time_ms >= (gint64) self->step * 1000)
    {
      g_array_append_val (self->history, *sample);
      if (self->history->len > history_capacity (self))
        g_array_remove_range (self->history, 0, self->history->len - history_capacity (self));
    }

  self->latest = *sample;
  self->has_latest = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), server_properties[SERVER_PROP_LATEST]);
}

/* SanStatus */

struct _SanStatus
{
  GObject     parent_instance;

  GListStore *instances;
  GListStore *incidents;
  GListStore *servers;
  gint64      seq;
};

enum {
  STATUS_PROP_0,
  STATUS_PROP_SEQ,
  STATUS_N_PROPS
};

G_DEFINE_FINAL_TYPE (SanStatus, san_status, G_TYPE_OBJECT)

static GParamSpec *status_properties[STATUS_N_PROPS];

static void
san_status_finalize (GObject *object)
{
  SanStatus *self = (SanStatus *) object;

  g_clear_object (&self->instances);
  g_clear_object (&self->incidents);
  g_clear_object (&self->servers);

  G_OBJECT_CLASS (san_status_parent_class)->finalize (object);
}

static void
san_status_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SanStatus *self = SAN_STATUS (object);

  switch (prop_id)
    {
    case STATUS_PROP_SEQ:
      g_value_set_int64 (value, self->seq);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_status_class_init (SanStatusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = san_status_finalize;
  object_class->get_property = san_status_get_property;

  status_properties[STATUS_PROP_SEQ] =
    g_param_spec_int64 ("seq", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, STATUS_N_PROPS, status_properties);
}

static void
san_status_init (SanStatus *self)
{
  self->instances = g_list_store_new (SAN_TYPE_INSTANCE);
  self->incidents = g_list_store_new (SAN_TYPE_INCIDENT);
  self->servers = g_list_store_new (SAN_TYPE_SERVER_METRICS);
}

typedef GObject *(*ItemFromJson) (JsonObject *object, GError **error);

static SanInstance *
instance_with_state_from_json (JsonObject  *object,
                               GError     **error)
{
  g_autoptr(SanInstance) instance = NULL;

  /* A status' instance must say its state */
  if (!json_object_has_member (object, "state"))
    {
      g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                   _("“%s” is missing"), "state");
      g_prefix_error (error, "instance: ");
      return NULL;
    }
  if (!json_object_has_member (object, "state_since"))
    {
      g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                   _("“%s” is missing"), "state_since");
      g_prefix_error (error, "instance: ");
      return NULL;
    }
  instance = san_instance_new_from_json (object, error);
  return g_steal_pointer (&instance);
}

static SanInstance *
contract_instance_from_json (JsonObject  *object,
                             GError     **error)
{
  if (!json_object_has_member (object, "services"))
    {
      g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                   _("“%s” is missing"), "services");
      g_prefix_error (error, "instance: ");
      return NULL;
    }
  return instance_with_state_from_json (object, error);
}

static gboolean
read_list (JsonObject    *object,
           const char    *member,
           ItemFromJson   from_json,
           GListStore    *store,
           GError       **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  JsonArray *array;
  guint n;

  if (!san_json_read_array (object, member, &array, error))
    return FALSE;

  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      GObject *item;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                       _("item %u of “%s” is not an object"), i + 1, member);
          return FALSE;
        }
      item = from_json (json_node_get_object (node), error);
      if (item == NULL)
        {
          g_prefix_error (error, "%s %u: ", member, i + 1);
          return FALSE;
        }
      g_ptr_array_add (items, item);
    }

  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return TRUE;
}

SanStatus *
san_status_new_from_json (JsonObject  *object,
                          gboolean     contract,
                          GError     **error)
{
  g_autoptr(SanStatus) self = g_object_new (SAN_TYPE_STATUS, NULL);

  g_return_val_if_fail (object != NULL, NULL);

  if (!read_list (object, "instances",
                  contract ? (ItemFromJson) contract_instance_from_json
                           : (ItemFromJson) instance_with_state_from_json,
                  self->instances, error) ||
      !read_list (object, "incidents", (ItemFromJson) san_incident_new_from_json,
                  self->incidents, error) ||
      (contract &&
       !read_list (object, "servers", (ItemFromJson) san_server_metrics_new_from_json,
                   self->servers, error)) ||
      !san_json_read_int (object, "seq", 0, G_MAXINT64, &self->seq, error))
    return NULL;

  return g_steal_pointer (&self);
}

GListModel *
san_status_get_instances (SanStatus *self)
{
  g_return_val_if_fail (SAN_IS_STATUS (self), NULL);

  return G_LIST_MODEL (self->instances);
}

GListModel *
san_status_get_incidents (SanStatus *self)
{
  g_return_val_if_fail (SAN_IS_STATUS (self), NULL);

  return G_LIST_MODEL (self->incidents);
}

GListModel *
san_status_get_servers (SanStatus *self)
{
  g_return_val_if_fail (SAN_IS_STATUS (self), NULL);

  return G_LIST_MODEL (self->servers);
}

gint64
san_status_get_seq (SanStatus *self)
{
  g_return_val_if_fail (SAN_IS_STATUS (self), 0);

  return self->seq;
}
