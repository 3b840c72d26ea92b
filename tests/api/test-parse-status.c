/* test-parse-status.c: the status models and events from hostile answers
 *
 * A good status answer builds every instance, incident and server; a bad
 * one (wrong types, unknown words, out-of-range metrics, an incident whose
 * status is not its latest update's, ...) ends as SAN_API_ERROR_MALFORMED,
 * never a half-built model. Events are built from one text frame with their
 * type's members required; an unknown type is told apart (a newer server),
 * and no error quotes the frame. A server's live samples extend its
 * history a step at a time.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "san-api-test.h"
#include "san-event-private.h"
#include "san-fake-server.h"
#include "san-instance-private.h"

#define STATUS_PATH          "/api/v1/status"
#define CONTRACT_STATUS_PATH "/api/v1/contracts/3/status"

#define SAMPLE_JSON_AT(time) \
  "{\"time\":\"" time "\",\"cpu_pct\":12.5,\"mem_pct\":43.1,\"disk_pct\":61," \
  "\"net_in_bps\":123456.0,\"net_out_bps\":65432.5,\"load1\":0.42,\"uptime_s\":1234567}"
#define SAMPLE_JSON SAMPLE_JSON_AT ("2026-12-01T10:02:00Z")
#define INSTANCE_JSON(id, name, state) \
  "{\"id\":\"" id "\",\"name\":\"" name "\",\"hostname\":\"" name ".saninternet.com\"," \
  "\"region\":\"São Paulo\",\"state\":\"" state "\",\"state_since\":\"2026-11-30T12:00:00Z\""
#define SERVICES_JSON \
  "\"services\":[{\"id\":\"9\",\"product\":\"Hospedagem Linux\",\"plan\":\"Plano G\"," \
  "\"domain\":\"padaria.com.br\",\"kind\":\"shared\",\"status\":\"active\"}," \
  "{\"id\":\"12\",\"product\":\"Cloud\",\"plan\":\"Cloud 4 GB\",\"domain\":\"\"," \
  "\"kind\":\"cloud\",\"status\":\"suspended\"}]"
#define INCIDENT_OPEN_JSON \
  "{\"id\":\"4\",\"title\":\"Lentidão no envio de e-mails\",\"impact\":\"minor\"," \
  "\"status\":\"monitoring\",\"instances\":[\"3\",\"5\"],\"started_at\":\"2026-12-01T09:00:00Z\"," \
  "\"resolved_at\":null,\"updates\":[" \
  "{\"id\":\"11\",\"status\":\"investigating\",\"message\":\"Investigando.\",\"created_at\":\"2026-12-01T09:00:00Z\"}," \
  "{\"id\":\"12\",\"status\":\"monitoring\",\"message\":\"Corrigido, monitorando.\",\"created_at\":\"2026-12-01T09:30:00.250Z\"}]}"
#define INCIDENT_RESOLVED_JSON \
  "{\"id\":\"2\",\"title\":\"Manutenção do storage\",\"impact\":\"none\",\"status\":\"resolved\"," \
  "\"instances\":[\"5\"],\"started_at\":\"2026-11-20T03:00:00Z\",\"resolved_at\":\"2026-11-20T04:00:00Z\"," \
  "\"updates\":[{\"id\":\"5\",\"status\":\"resolved\",\"message\":\"\",\"created_at\":\"2026-11-20T04:00:00Z\"}]}"
#define SERVER_JSON \
  "{\"service_id\":\"12\",\"plan\":\"Cloud 4 GB\",\"domain\":\"loja.padaria.com.br\",\"kind\":\"cloud\"," \
  "\"instance_id\":\"5\",\"running\":true,\"step_s\":60,\"history\":[" \
  SAMPLE_JSON_AT ("2026-12-01T10:00:00Z") "," SAMPLE_JSON_AT ("2026-12-01T10:01:00Z") "]," \
  "\"latest\":" SAMPLE_JSON "}"
#define STOPPED_SERVER_JSON \
  "{\"service_id\":\"13\",\"plan\":\"Dedicado\",\"domain\":\"\",\"kind\":\"dedicated\"," \
  "\"instance_id\":\"5\",\"running\":false,\"step_s\":60,\"history\":[],\"latest\":null}"
#define PUBLIC_STATUS_JSON \
  "{\"instances\":[" INSTANCE_JSON ("3", "br-sp-shared-07", "degraded") "}," \
  INSTANCE_JSON ("5", "br-sp-cloud-02", "maintenance") "}]," \
  "\"incidents\":[" INCIDENT_OPEN_JSON "," INCIDENT_RESOLVED_JSON "],\"seq\":1796119200000001}"
#define CONTRACT_STATUS_JSON \
  "{\"instances\":[" INSTANCE_JSON ("5", "br-sp-cloud-02", "operational") "," SERVICES_JSON "}]," \
  "\"incidents\":[" INCIDENT_OPEN_JSON "],\"servers\":[" SERVER_JSON "," STOPPED_SERVER_JSON "]," \
  "\"seq\":1796119200000042}"

typedef struct
{
  FakeServer *fake;
  SanClient  *client;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->fake = fake_server_new (NULL);
  f->client = test_client_new (fake_server_get_url (f->fake), NULL);
  test_client_login (f->client, "ana@example.com", FAKE_PASSWORD);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->client);
  g_clear_pointer (&f->fake, fake_server_free);
}

static SanStatus *
get_status (Fixture     *f,
            gboolean     contract,
            const char  *body,
            GError     **error)
{
  fake_server_set_answer (f->fake, "GET", contract ? CONTRACT_STATUS_PATH : STATUS_PATH,
                          contract, 200, NULL, body, NULL);
  if (contract)
    {
      RUN (san_client_get_contract_status_async (f->client, "3", NULL, waiter_cb, &waiter));
      return san_client_get_contract_status_finish (f->client, result, error);
    }
  else
    {
      RUN (san_client_get_status_async (f->client, NULL, waiter_cb, &waiter));
      return san_client_get_status_finish (f->client, result, error);
    }
}

static void
assert_sample (const SanMetricSample *sample,
               gint64                 time_ms)
{
  g_assert_nonnull (sample);
  g_assert_cmpint (sample->time_ms, ==, time_ms);
  g_assert_cmpfloat (sample->cpu_pct, ==, 12.5);
  g_assert_cmpfloat (sample->mem_pct, ==, 43.1);
  g_assert_cmpfloat (sample->disk_pct, ==, 61.0);
  g_assert_cmpfloat (sample->net_in_bps, ==, 123456.0);
  g_assert_cmpfloat (sample->net_out_bps, ==, 65432.5);
  g_assert_cmpfloat (sample->load1, ==, 0.42);
  g_assert_cmpint (sample->uptime_s, ==, 1234567);
}

/* 2026-12-01T10:00:00Z */
#define T10 G_GINT64_CONSTANT (1796119200000)

static void
test_public_valid (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanStatus) status = get_status (f, FALSE, PUBLIC_STATUS_JSON, &error);
  g_autoptr(SanInstance) instance = NULL;
  g_autoptr(SanIncident) incident = NULL;
  g_autoptr(SanIncident) resolved = NULL;
  g_autoptr(SanIncidentUpdate) update = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (san_status_get_seq (status), ==, G_GINT64_CONSTANT (1796119200000001));
  g_assert_cmpuint (g_list_model_get_n_items (san_status_get_instances (status)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (san_status_get_servers (status)), ==, 0);
  /* Public: no token sent */
  g_assert_null (fake_server_last_header (f->fake, STATUS_PATH, "Authorization"));

  instance = g_list_model_get_item (san_status_get_instances (status), 0);
  g_assert_cmpstr (san_instance_get_id (instance), ==, "3");
  g_assert_cmpstr (san_instance_get_name (instance), ==, "br-sp-shared-07");
  g_assert_cmpint (san_instance_get_state (instance), ==, SAN_INSTANCE_STATE_DEGRADED);
  assert_time (san_instance_get_state_since (instance), "2026-11-30T12:00:00Z");
  g_assert_cmpuint (g_strv_length ((char **) san_instance_get_service_ids (instance)), ==, 0);
  g_assert_cmpuint (g_strv_length ((char **) san_instance_get_service_names (instance)), ==, 0);

  incident = g_list_model_get_item (san_status_get_incidents (status), 0);
  g_assert_cmpstr (san_incident_get_id (incident), ==, "4");
  g_assert_cmpstr (san_incident_get_title (incident), ==, "Lentidão no envio de e-mails");
  g_assert_cmpint (san_incident_get_impact (incident), ==, SAN_INCIDENT_IMPACT_MINOR);
  g_assert_cmpint (san_incident_get_status (incident), ==, SAN_INCIDENT_STATUS_MONITORING);
  g_assert_true (san_incident_is_open (incident));
  g_assert_true (san_incident_affects (incident, "5"));
  g_assert_false (san_incident_affects (incident, "7"));
  g_assert_null (san_incident_get_resolved_at (incident));
  assert_time (san_incident_get_started_at (incident), "2026-12-01T09:00:00Z");
  g_assert_cmpuint (g_list_model_get_n_items (san_incident_get_updates (incident)), ==, 2);
  update = g_list_model_get_item (san_incident_get_updates (incident), 1);
  g_assert_cmpstr (san_incident_update_get_id (update), ==, "12");
  g_assert_cmpint (san_incident_update_get_status (update), ==, SAN_INCIDENT_STATUS_MONITORING);
  g_assert_cmpstr (san_incident_update_get_message (update), ==, "Corrigido, monitorando.");
  g_assert_cmpint (g_date_time_get_microsecond (san_incident_update_get_created_at (update)), ==, 250000);

  resolved = g_list_model_get_item (san_status_get_incidents (status), 1);
  g_assert_false (san_incident_is_open (resolved));
  assert_time (san_incident_get_resolved_at (resolved), "2026-11-20T04:00:00Z");

  /* A status' instance must say its state and since when */
  {
    g_autofree char *json = fake_json_with (PUBLIC_STATUS_JSON, "instances.1.state_since", NULL);
    g_autoptr(SanStatus) bad = get_status (f, FALSE, json, &error);

    g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED);
    g_assert_null (bad);
  }
}

static void
test_contract_valid (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanStatus) status = get_status (f, TRUE, CONTRACT_STATUS_JSON, &error);
  g_autoptr(SanInstance) instance = NULL;
  g_autoptr(SanServerMetrics) server = NULL;
  g_autoptr(SanServerMetrics) stopped = NULL;
  const char * const ids[] = { "9", "12", NULL };
  const char * const names[] = { "Hospedagem Linux · padaria.com.br", "Cloud · Cloud 4 GB", NULL };
  GArray *history;

  g_assert_no_error (error);
  g_assert_nonnull (fake_server_last_header (f->fake, CONTRACT_STATUS_PATH, "Authorization"));
  g_assert_cmpint (san_status_get_seq (status), ==, G_GINT64_CONSTANT (1796119200000042));

  instance = g_list_model_get_item (san_status_get_instances (status), 0);
  g_assert_cmpint (san_instance_get_state (instance), ==, SAN_INSTANCE_STATE_OPERATIONAL);
  g_assert_cmpstrv (san_instance_get_service_ids (instance), ids);
  g_assert_cmpstrv (san_instance_get_service_names (instance), names);

  g_assert_cmpuint (g_list_model_get_n_items (san_status_get_servers (status)), ==, 2);
  server = g_list_model_get_item (san_status_get_servers (status), 0);
  g_assert_cmpstr (san_server_metrics_get_service_id (server), ==, "12");
  g_assert_cmpstr (san_server_metrics_get_plan (server), ==, "Cloud 4 GB");
  g_assert_cmpstr (san_server_metrics_get_domain (server), ==, "loja.padaria.com.br");
  g_assert_cmpint (san_server_metrics_get_kind (server), ==, SAN_SERVICE_KIND_CLOUD);
  g_assert_cmpstr (san_server_metrics_get_instance_id (server), ==, "5");
  g_assert_true (san_server_metrics_get_running (server));
  g_assert_cmpuint (san_server_metrics_get_step (server), ==, 60);
  history = san_server_metrics_get_history (server);
  g_assert_cmpuint (history->len, ==, 2);
  assert_sample (&g_array_index (history, SanMetricSample, 0), T10);
  assert_sample (&g_array_index (history, SanMetricSample, 1), T10 + 60000);
  assert_sample (san_server_metrics_get_latest (server), T10 + 120000);

  stopped = g_list_model_get_item (san_status_get_servers (status), 1);
  g_assert_false (san_server_metrics_get_running (stopped));
  g_assert_cmpstr (san_server_metrics_get_domain (stopped), ==, "");
  g_assert_cmpint (san_server_metrics_get_kind (stopped), ==, SAN_SERVICE_KIND_DEDICATED);
  g_assert_cmpuint (san_server_metrics_get_history (stopped)->len, ==, 0);
  g_assert_null (san_server_metrics_get_latest (stopped));
}

/* A member of the contract's status and a hostile value (NULL: removed) */
static const struct
{
  const char *member;
  const char *value;
} hostile[] = {
  { "seq", "\"42\"" },
  { "seq", "-1" },
  { "seq", NULL },
  { "instances", "{}" },
  { "instances.0", "\"5\"" },
  { "instances.0.state", "\"on_fire\"" },
  { "instances.0.state", NULL },
  { "instances.0.state", "\"unknown\"" },
  { "instances.0.state_since", "\"yesterday\"" },
  { "instances.0.services", NULL },
  { "instances.0.services.0.id", "\"s9\"" },
  { "instances.0.services.0.kind", "\"mainframe\"" },
  { "incidents.0.id", "4" },
  { "incidents.0.impact", "\"apocalyptic\"" },
  { "incidents.0.status", "\"investigating\"" },
  { "incidents.0.instances", "[\"3\",5]" },
  { "incidents.0.instances.0", "\"i3\"" },
  { "incidents.0.updates", "[]" },
  { "incidents.0.updates.0.created_at", "\"2026-12-01 09:00\"" },
  { "incidents.0.resolved_at", "\"2026-12-01T11:00:00Z\"" },
  { "incidents.0.title", "\"\"" },
  { "servers", NULL },
  { "servers.0.step_s", "0" },
  { "servers.0.step_s", "60.5" },
  { "servers.0.running", "1" },
  { "servers.0.kind", "\"toaster\"" },
  { "servers.0.history.0.cpu_pct", "100.5" },
  { "servers.0.history.0.mem_pct", "-1" },
  { "servers.0.history.0.net_in_bps", "-0.1" },
  { "servers.0.history.0.load1", "1e999" },
  { "servers.0.history.0.uptime_s", "1.5" },
  { "servers.0.history.0.disk_pct", "\"61\"" },
  { "servers.0.history.0.time", "\"2026-12-01T10:05:00Z\"" },
  { "servers.0.latest", "[]" },
  { "servers.0.latest.time", NULL },
};

static void
test_contract_hostile (Fixture       *f,
                       gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *json = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(SanStatus) status = NULL;

      json = fake_json_with (CONTRACT_STATUS_JSON, hostile[i].member, hostile[i].value);

      g_test_message ("%s = %s", hostile[i].member, hostile[i].value ? hostile[i].value : "(removed)");
      status = get_status (f, TRUE, json, &error);
      g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED);
      g_test_message ("-> %s", error->message);
      g_assert_null (status);
    }
}

static void
test_service_instance_without_state (void)
{
  g_autoptr(JsonNode) root = json_from_string (FAKE_INSTANCE_JSON, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SanInstance) instance = san_instance_new_from_json (json_node_get_object (root), &error);

  g_assert_no_error (error);
  g_assert_cmpint (san_instance_get_state (instance), ==, SAN_INSTANCE_STATE_UNKNOWN);
  g_assert_null (san_instance_get_state_since (instance));
  g_assert_nonnull (san_instance_get_service_ids (instance));
  g_assert_null (san_instance_get_service_ids (instance)[0]);
  g_assert_null (san_instance_get_service_names (instance)[0]);
}

/* Server metrics: live samples */

/* A server's metrics, built the one public way: through a contract status */
static SanServerMetrics *
server_from_json (const char *json)
{
  g_autoptr(FakeServer) fake = fake_server_new (NULL);
  g_autoptr(SanClient) client = test_client_new (fake_server_get_url (fake), NULL);
  g_autofree char *status_json =
    g_strdup_printf ("{\"instances\":[],\"incidents\":[],\"servers\":[%s],\"seq\":1}", json);
  g_autoptr(GError) error = NULL;
  g_autoptr(SanStatus) status = NULL;

  test_client_login (client, "ana@example.com", FAKE_PASSWORD);
  fake_server_set_answer (fake, "GET", CONTRACT_STATUS_PATH, TRUE, 200, NULL, status_json, NULL);
  {
    RUN (san_client_get_contract_status_async (client, "3", NULL, waiter_cb, &waiter));
    status = san_client_get_contract_status_finish (client, result, &error);
  }
  g_assert_no_error (error);
  return g_list_model_get_item (san_status_get_servers (status), 0);
}

static void
on_latest_notify_cb (GObject    *object,
                     GParamSpec *pspec,
                     gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static SanMetricSample
sample_at (gint64 time_ms,
           double cpu)
{
  SanMetricSample sample = { .time_ms = time_ms, .cpu_pct = cpu, .uptime_s = 10 };

  return sample;
}

static void
test_server_push (void)
{
  g_autoptr(SanServerMetrics) server = server_from_json (SERVER_JSON);
  GArray *history = san_server_metrics_get_history (server);
  SanMetricSample sample;
  guint notified = 0;

  g_signal_connect (server, "notify::latest", G_CALLBACK (on_latest_notify_cb), &notified);

  /* Less than a step after the last history entry (10:01): latest only */
  sample = sample_at (T10 + 60000 + 30000, 50);
  san_server_metrics_push (server, &sample);
  g_assert_cmpuint (notified, ==, 0);   /* older than the latest (10:02): ignored */
  g_assert_cmpfloat (san_server_metrics_get_latest (server)->cpu_pct, ==, 12.5);

  sample = sample_at (T10 + 120000 + 5000, 50);
  san_server_metrics_push (server, &sample);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpfloat (san_server_metrics_get_latest (server)->cpu_pct, ==, 50);
  /* a step after 10:01: appended */
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_cmpint (g_array_index (history, SanMetricSample, 2).time_ms, ==, T10 + 125000);

  /* 10 s later: latest, not history */
  sample = sample_at (T10 + 135000, 60);
  san_server_metrics_push (server, &sample);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_cmpfloat (san_server_metrics_get_latest (server)->cpu_pct, ==, 60);

  /* An hour of steps: the history holds an hour, the oldest drop out */
  for (guint i = 1; i <= 70; i++)
    {
      sample = sample_at (T10 + 125000 + (gint64) i * 60000, i);
      san_server_metrics_push (server, &sample);
    }
  g_assert_cmpuint (notified, ==, 72);
  g_assert_cmpuint (history->len, ==, 60);
  g_assert_cmpint (g_array_index (history, SanMetricSample, 59).time_ms, ==, T10 + 125000 + 70 * 60000);
  g_assert_cmpint (g_array_index (history, SanMetricSample, 0).time_ms, ==, T10 + 125000 + 11 * 60000);
}

/* Events */

#define EVENT_HEAD(seq, type, contract) \
  "{\"seq\":" seq ",\"type\":\"" type "\",\"contract_id\":" contract ",\"time\":\"2026-12-01T10:00:00Z\""
#define HELLO_FRAME    EVENT_HEAD ("100", "hello", "null") ",\"ping_interval_s\":20}"
#define RESYNC_FRAME   EVENT_HEAD ("105", "resync", "null") ",\"reason\":\"buffer_exceeded\"}"
#define STATE_FRAME \
  EVENT_HEAD ("101", "instance_state", "\"2\"") ",\"instance\":" INSTANCE_JSON ("5", "br-sp-cloud-02", "major_outage") \
  "},\"previous_state\":\"operational\"}"
#define CREATED_FRAME  EVENT_HEAD ("102", "incident_created", "\"2\"") ",\"incident\":" INCIDENT_OPEN_JSON "}"
#define RESOLVED_FRAME EVENT_HEAD ("103", "incident_resolved", "\"2\"") ",\"incident\":" INCIDENT_RESOLVED_JSON "}"
#define METRICS_FRAME  EVENT_HEAD ("104", "metrics", "\"2\"") ",\"service_id\":\"12\",\"sample\":" SAMPLE_JSON "}"
#define NOTIFICATION_FRAME \
  EVENT_HEAD ("106", "notification", "\"2\"") ",\"notification\":{\"kind\":\"invoice_paid\"," \
  "\"title\":\"Fatura paga\",\"body\":\"Recebemos o pagamento.\",\"target\":{\"kind\":\"invoice\",\"id\":\"44\"}," \
  "\"label\":\"2026-000123\"}}"

static SanEvent *
event_from (const char  *frame,
            GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (frame, strlen (frame));

  return san_event_new_from_frame (bytes, error);
}

static void
test_events_valid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanEvent) hello = event_from (HELLO_FRAME, &error);
  g_autoptr(SanEvent) resync = NULL;
  g_autoptr(SanEvent) state = NULL;
  g_autoptr(SanEvent) created = NULL;
  g_autoptr(SanEvent) resolved = NULL;
  g_autoptr(SanEvent) metrics = NULL;
  g_autoptr(SanEvent) notification = NULL;
  SanNotification *content;

  g_assert_no_error (error);
  g_assert_cmpint (san_event_get_event_type (hello), ==, SAN_EVENT_TYPE_HELLO);
  g_assert_cmpint (san_event_get_seq (hello), ==, 100);
  g_assert_null (san_event_get_contract_id (hello));
  g_assert_cmpuint (san_event_get_ping_interval (hello), ==, 20);
  assert_time (san_event_get_time (hello), "2026-12-01T10:00:00Z");

  resync = event_from (RESYNC_FRAME, &error);
  g_assert_no_error (error);
  g_assert_cmpint (san_event_get_event_type (resync), ==, SAN_EVENT_TYPE_RESYNC);
  g_assert_cmpstr (san_event_get_reason (resync), ==, "buffer_exceeded");

  state = event_from (STATE_FRAME, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (san_event_get_contract_id (state), ==, "2");
  g_assert_cmpint (san_instance_get_state (san_event_get_instance (state)), ==, SAN_INSTANCE_STATE_MAJOR_OUTAGE);
  g_assert_cmpint (san_event_get_previous_state (state), ==, SAN_INSTANCE_STATE_OPERATIONAL);

  created = event_from (CREATED_FRAME, &error);
  g_assert_no_error (error);
  g_assert_cmpint (san_event_get_event_type (created), ==, SAN_EVENT_TYPE_INCIDENT_CREATED);
  g_assert_cmpstr (san_incident_get_id (san_event_get_incident (created)), ==, "4");

  resolved = event_from (RESOLVED_FRAME, &error);
  g_assert_no_error (error);
  g_assert_false (san_incident_is_open (san_event_get_incident (resolved)));

  metrics = event_from (METRICS_FRAME, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (san_event_get_service_id (metrics), ==, "12");
  assert_sample (san_event_get_sample (metrics), T10 + 120000);

  notification = event_from (NOTIFICATION_FRAME, &error);
  g_assert_no_error (error);
  content = san_event_get_notification (notification);
  g_assert_cmpstr (san_notification_get_kind (content), ==, "invoice_paid");
  g_assert_cmpstr (san_notification_get_title (content), ==, "Fatura paga");
  g_assert_cmpstr (san_notification_get_body (content), ==, "Recebemos o pagamento.");
  g_assert_cmpstr (san_notification_get_target_kind (content), ==, "invoice");
  g_assert_cmpstr (san_notification_get_target_id (content), ==, "44");
  g_assert_cmpstr (san_notification_get_label (content), ==, "2026-000123");
  g_assert_null (san_event_get_sample (notification));
}

static const struct
{
  const char *frame;
  const char *member;
  const char *value;
} bad_events[] = {
  { HELLO_FRAME, "ping_interval_s", NULL },
  { HELLO_FRAME, "ping_interval_s", "0" },
  { HELLO_FRAME, "contract_id", "\"2\"" },
  { HELLO_FRAME, "seq", "\"100\"" },
  { HELLO_FRAME, "seq", "-5" },
  { HELLO_FRAME, "time", "12" },
  { RESYNC_FRAME, "reason", NULL },
  { STATE_FRAME, "contract_id", "null" },
  { STATE_FRAME, "contract_id", "\"c2\"" },
  { STATE_FRAME, "previous_state", "\"sad\"" },
  { STATE_FRAME, "instance.state", NULL },
  { STATE_FRAME, "instance", "null" },
  { CREATED_FRAME, "incident.updates", "[]" },
  { CREATED_FRAME, "incident", NULL },
  /* resolved type, open incident */
  { RESOLVED_FRAME, "incident", INCIDENT_OPEN_JSON },
  { METRICS_FRAME, "sample.cpu_pct", "101" },
  { METRICS_FRAME, "service_id", "12" },
  { NOTIFICATION_FRAME, "notification.title", NULL },
  { NOTIFICATION_FRAME, "notification.target.id", "\"../x\"" },
  { NOTIFICATION_FRAME, "notification.kind", "\"Invoice Paid\"" },
  { NOTIFICATION_FRAME, "notification", "\"Fatura paga\"" },
};

static void
test_events_malformed (void)
{
  /* a secret in the frame that no error may quote */
  const char *garbled[] = {
    "{\"seq\":1,\"type\":\"hello\" segredo-42",
    "{\"seq\":1}{\"seq\":2}",
    "[\"segredo-42\"]",
    "",
    "{\"seq\":1,\"type\":\"notification\",\"contract_id\":\"2\",\"time\":\"2026-12-01T10:00:00Z\","
    "\"notification\":{\"kind\":\"x\",\"title\":\"segredo-42\",\"body\":7,\"target\":null,\"label\":\"\"}}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad_events); i++)
    {
      g_autofree char *frame = fake_json_with (bad_events[i].frame, bad_events[i].member, bad_events[i].value);
      g_autoptr(GError) error = NULL;
      g_autoptr(SanEvent) event = NULL;

      g_test_message ("%s = %s", bad_events[i].member, bad_events[i].value ? bad_events[i].value : "(removed)");
      event = event_from (frame, &error);
      g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED);
      g_test_message ("-> %s", error->message);
      g_assert_null (event);
    }

  for (guint i = 0; i < G_N_ELEMENTS (garbled); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SanEvent) event = event_from (garbled[i], &error);

      g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED);
      g_assert_null (event);
      g_assert_null (strstr (error->message, "segredo"));
    }
}

static void
test_events_unknown_type (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *frame = fake_json_with (METRICS_FRAME, "type", "\"weather_report\"");
  g_autoptr(SanEvent) event = event_from (frame, &error);

  /* Told apart from a malformed one: a newer server's, ignored */
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_null (event);
  g_assert_null (strstr (error->message, "weather"));
}

static void
test_enum_words (void)
{
  const char *states[] = { "operational", "degraded", "partial_outage", "major_outage", "maintenance" };
  const char *types[] = { "hello", "resync", "instance_state", "incident_created", "incident_updated",
                          "incident_resolved", "metrics", "notification" };
  SanInstanceState state;
  SanEventType type;
  SanIncidentImpact impact;
  SanIncidentStatus status;

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      g_assert_true (san_instance_state_from_wire (states[i], &state));
      g_assert_cmpint (state, ==, SAN_INSTANCE_STATE_OPERATIONAL + (int) i);
      g_assert_cmpstr (san_instance_state_to_wire (state), ==, states[i]);
    }
  g_assert_false (san_instance_state_from_wire ("unknown", &state));
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_assert_true (san_event_type_from_wire (types[i], &type));
      g_assert_cmpint (type, ==, (int) i);
      g_assert_cmpstr (san_event_type_to_wire (type), ==, types[i]);
    }
  g_assert_true (san_incident_impact_from_wire ("critical", &impact));
  g_assert_cmpint (impact, ==, SAN_INCIDENT_IMPACT_CRITICAL);
  g_assert_false (san_incident_impact_from_wire ("Critical", &impact));
  g_assert_true (san_incident_status_from_wire ("identified", &status));
  g_assert_cmpint (status, ==, SAN_INCIDENT_STATUS_IDENTIFIED);
  g_assert_false (san_incident_status_from_wire ("", &status));
}

/* The event stream's handshake refused with 401: refreshed once */

#define EVENTS_PATH  "/api/v1/events"
#define REFRESH_PATH "/api/v1/auth/refresh"

static void
test_stream_handshake_refresh (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(SanEventStream) stream = san_event_stream_new (f->client);
  g_autofree char *bearer = NULL;

  /* Not a WebSocket server: even the good token's handshake fails */
  fake_server_set_answer (f->fake, "GET", EVENTS_PATH, TRUE, 200, NULL, "{}", NULL);
  fake_server_expire_access (f->fake);
  san_event_stream_set_backoff (stream, 60000, 60000);

  san_event_stream_start (stream);
  g_assert_cmpint (san_event_stream_get_state (stream), ==, SAN_EVENT_STREAM_CONNECTING);
  while (san_event_stream_get_state (stream) == SAN_EVENT_STREAM_CONNECTING)
    g_main_context_iteration (NULL, TRUE);

  /* 401, one refresh, a second try with the new token, then a wait */
  g_assert_cmpint (san_event_stream_get_state (stream), ==, SAN_EVENT_STREAM_RECONNECTING);
  g_assert_cmpuint (fake_server_count (f->fake, "GET", EVENTS_PATH), ==, 2);
  g_assert_cmpuint (fake_server_count (f->fake, "POST", REFRESH_PATH), ==, 1);
  bearer = g_strconcat ("Bearer ", fake_server_get_access_token (f->fake), NULL);
  g_assert_cmpstr (fake_server_last_header (f->fake, EVENTS_PATH, "Authorization"), ==, bearer);
  g_assert_cmpuint (san_event_stream_get_retry_in (stream), <=, 60);
  g_assert_true (san_client_get_signed_in (f->client));

  /* The session is over: the refresh is refused, the client signs out and
   * the stream stops */
  fake_server_expire_access (f->fake);
  fake_server_refuse_refresh (f->fake);
  san_event_stream_retry_now (stream);
  while (san_event_stream_get_state (stream) != SAN_EVENT_STREAM_STOPPED)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (san_client_get_signed_in (f->client));
  g_assert_cmpuint (fake_server_count (f->fake, "GET", EVENTS_PATH), ==, 3);
  g_assert_cmpuint (fake_server_count (f->fake, "POST", REFRESH_PATH), ==, 2);
  g_assert_cmpuint (san_event_stream_get_retry_in (stream), ==, 0);

  g_assert_finalize_object (g_steal_pointer (&stream));
  /* The cancelled token request lets go of the client once it unwinds */
  while (G_OBJECT (f->client)->ref_count > 1)
    g_main_context_iteration (NULL, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/status/parse/public/valid", Fixture, NULL,
              fixture_set_up, test_public_valid, fixture_tear_down);
  g_test_add ("/status/parse/contract/valid", Fixture, NULL,
              fixture_set_up, test_contract_valid, fixture_tear_down);
  g_test_add ("/status/parse/contract/hostile-rejected-whole", Fixture, NULL,
              fixture_set_up, test_contract_hostile, fixture_tear_down);
  g_test_add ("/events/stream/handshake-401-refreshes-once", Fixture, NULL,
              fixture_set_up, test_stream_handshake_refresh, fixture_tear_down);
  g_test_add_func ("/status/parse/service-instance/no-state", test_service_instance_without_state);
  g_test_add_func ("/status/metrics/push/step-and-window", test_server_push);
  g_test_add_func ("/events/parse/valid", test_events_valid);
  g_test_add_func ("/events/parse/malformed-rejected-unquoted", test_events_malformed);
  g_test_add_func ("/events/parse/unknown-type-told-apart", test_events_unknown_type);
  g_test_add_func ("/status/enum-words", test_enum_words);

  return g_test_run ();
}
