/* test-status.c: san-portald's status routes (public and per contract), the
 * admin interface that changes them, and the live notification hooks
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One demo server pretending today is 2026-11-24, with the admin interface
 * on and the metrics ticker slowed to once an hour so that the event seq
 * moves only for what a test does: a test that changes something counts
 * the events it published (one per affected contract). Tests that change
 * states or incidents use br-sp-cloud-11 (the Padaria's and the Oficina's
 * cloud servers) and put back what they changed; the read-only tests don't
 * depend on the demo incidents' count.
 */
#include "config.h"

#include <string.h>

#include "san-date.h"
#include "san-test-server.h"
#include "portald-test-util.h"

#define TODAY       "2026-11-24"
#define ADMIN_TOKEN "status-admin-token-0123456789"
#define CLOUD_11    "br-sp-cloud-11"

static SanTestServer *server;
static SoupSession *session;
static char *demo_token;
static char *other_token;
static char *viewer_token;
static char *staff_token;
static char *padaria_cid;
static char *oficina_cid;
static char *ana_cid;

#define URL (san_test_server_get_url (server))

/* Requests */

/* A request to the test's server; the path from a printf() format */
#define call(method, token, body, ...) \
  http_request_printf (session, URL, method, token, body, __VA_ARGS__)

static JsonObject *
ok_object (Reply *reply,
           guint  status)
{
  if (reply->status != status)
    g_test_message ("answer: %.*s", (int) g_bytes_get_size (reply->body),
                    (const char *) g_bytes_get_data (reply->body, NULL));
  g_assert_cmpuint (reply->status, ==, status);
  return reply_object (reply);
}

static Reply *
admin (const char *method,
       const char *path,
       const char *body)
{
  return http_request (session, URL, method, path, ADMIN_TOKEN, body);
}

/* The hub's seq now */
static gint64
event_seq (void)
{
  g_autoptr(Reply) reply = admin ("GET", "/admin/v1/events", NULL);

  return member_int (ok_object (reply, 200), "seq");
}

/* The public status (a new reference) */
static JsonObject *
public_status (void)
{
  g_autoptr(Reply) reply = call ("GET", NULL, NULL, "/api/v1/status");

  return json_object_ref (ok_object (reply, 200));
}

static JsonObject *
contract_status (const char *cid)
{
  g_autoptr(Reply) reply = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/status", cid);

  return json_object_ref (ok_object (reply, 200));
}

/* The id of the instance called @name */
static char *
instance_id (const char *name)
{
  g_autoptr(JsonObject) status = public_status ();
  JsonArray *instances = json_object_get_array_member (status, "instances");

  for (guint i = 0; i < json_array_get_length (instances); i++)
    {
      JsonObject *instance = json_array_get_object_element (instances, i);

      if (g_str_equal (member_str (instance, "name"), name))
        return g_strdup (member_str (instance, "id"));
    }
  g_assert_not_reached ();
}

/* The element of @array whose "id" is @id, or NULL */
static JsonObject *
find_by_id (JsonArray  *array,
            const char *id)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (g_strcmp0 (member_str (object, "id"), id) == 0)
        return object;
    }
  return NULL;
}

static gboolean
array_has_string (JsonArray  *array,
                  const char *text)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (g_strcmp0 (json_array_get_string_element (array, i), text) == 0)
      return TRUE;
  return FALSE;
}

static gint64
unix_of (const char *text)
{
  g_autoptr(GDateTime) instant = san_datetime_parse_rfc3339 (text);

  g_assert_nonnull (instant);
  g_assert_true (g_str_has_suffix (text, "Z"));
  return g_date_time_to_unix (instant);
}

/* Shapes */

static void
assert_instance (JsonObject *instance)
{
  static const char * const states[] = {
    "operational", "degraded", "partial_outage", "major_outage", "maintenance", NULL,
  };

  g_assert_true (g_ascii_isdigit (member_str (instance, "id")[0]));
  g_assert_cmpstr (member_str (instance, "name"), !=, "");
  g_assert_cmpstr (member_str (instance, "hostname"), !=, "");
  g_assert_cmpstr (member_str (instance, "region"), !=, "");
  g_assert_true (g_strv_contains (states, member_str (instance, "state")));
  unix_of (member_str (instance, "state_since"));
}

static void
assert_instances_by_name (JsonArray *instances)
{
  g_assert_cmpuint (json_array_get_length (instances), >, 0);
  for (guint i = 0; i < json_array_get_length (instances); i++)
    {
      assert_instance (json_array_get_object_element (instances, i));
      if (i > 0)
        g_assert_cmpstr (member_str (json_array_get_object_element (instances, i - 1), "name"), <,
                         member_str (json_array_get_object_element (instances, i), "name"));
    }
}

/* An incident: words, times, the status of its latest update, resolved_at
 * iff resolved, instances among @instances */
static void
assert_incident (JsonObject *incident,
                 JsonArray  *instances)
{
  static const char * const impacts[] = { "none", "minor", "major", "critical", NULL };
  static const char * const statuses[] = { "investigating", "identified", "monitoring", "resolved", NULL };
  JsonArray *on = json_object_get_array_member (incident, "instances");
  JsonArray *updates = json_object_get_array_member (incident, "updates");
  JsonObject *latest;
  gint64 previous = 0;

  g_assert_cmpstr (member_str (incident, "title"), !=, "");
  g_assert_true (g_strv_contains (impacts, member_str (incident, "impact")));
  g_assert_cmpuint (json_array_get_length (on), >, 0);
  for (guint i = 0; i < json_array_get_length (on); i++)
    g_assert_nonnull (find_by_id (instances, json_array_get_string_element (on, i)));
  g_assert_cmpuint (json_array_get_length (updates), >, 0);
  for (guint i = 0; i < json_array_get_length (updates); i++)
    {
      JsonObject *update = json_array_get_object_element (updates, i);
      gint64 at = unix_of (member_str (update, "created_at"));

      g_assert_true (g_strv_contains (statuses, member_str (update, "status")));
      g_assert_cmpstr (member_str (update, "message"), !=, "");
      g_assert_cmpint (at, >=, previous);
      g_assert_cmpint (at, >=, unix_of (member_str (incident, "started_at")));
      previous = at;
    }
  latest = json_array_get_object_element (updates, json_array_get_length (updates) - 1);
  g_assert_cmpstr (member_str (incident, "status"), ==, member_str (latest, "status"));
  if (g_str_equal (member_str (incident, "status"), "resolved"))
    g_assert_cmpstr (member_str (incident, "resolved_at"), ==, member_str (latest, "created_at"));
  else
    g_assert_null (member_str (incident, "resolved_at"));
}

/* Newest first */
static void
assert_incidents_newest_first (JsonArray *incidents,
                               JsonArray *instances)
{
  for (guint i = 0; i < json_array_get_length (incidents); i++)
    {
      assert_incident (json_array_get_object_element (incidents, i), instances);
      if (i > 0)
        g_assert_cmpint (unix_of (member_str (json_array_get_object_element (incidents, i - 1), "started_at")), >=,
                         unix_of (member_str (json_array_get_object_element (incidents, i), "started_at")));
    }
}

static void
assert_sample (JsonObject *sample)
{
  const char *pcts[] = { "cpu_pct", "mem_pct", "disk_pct" };
  const char *rates[] = { "net_in_bps", "net_out_bps", "load1" };

  unix_of (member_str (sample, "time"));
  for (guint i = 0; i < G_N_ELEMENTS (pcts); i++)
    {
      double value = json_object_get_double_member (sample, pcts[i]);

      g_assert_cmpfloat (value, >=, 0);
      g_assert_cmpfloat (value, <=, 100);
    }
  for (guint i = 0; i < G_N_ELEMENTS (rates); i++)
    g_assert_cmpfloat (json_object_get_double_member (sample, rates[i]), >=, 0);
  g_assert_cmpint (member_int (sample, "uptime_s"), >=, 0);
}

/* The public status */

static void
test_public_shape (void)
{
  g_autoptr(JsonObject) status = public_status ();
  JsonArray *instances = json_object_get_array_member (status, "instances");
  JsonArray *incidents = json_object_get_array_member (status, "incidents");
  guint open = 0;

  g_assert_cmpint (member_int (status, "seq"), >, 0);
  assert_instances_by_name (instances);
  g_assert_cmpuint (json_array_get_length (incidents), >, 0);
  g_assert_cmpuint (json_array_get_length (incidents), <=, 50);
  assert_incidents_newest_first (incidents, instances);
  for (guint i = 0; i < json_array_get_length (incidents); i++)
    if (member_str (json_array_get_object_element (incidents, i), "resolved_at") == NULL)
      open++;
  /* the demo: an open incident and a maintenance, with their instances not operational */
  g_assert_cmpuint (open, >=, 1);
  for (guint i = 0; i < json_array_get_length (instances); i++)
    {
      JsonObject *instance = json_array_get_object_element (instances, i);

      if (g_str_equal (member_str (instance, "name"), "br-sp-shared-07"))
        g_assert_cmpstr (member_str (instance, "state"), ==, "degraded");
    }
  /* no token needed, and a token changes nothing */
  {
    g_autoptr(Reply) with_token = call ("GET", demo_token, NULL, "/api/v1/status");

    g_assert_cmpuint (with_token->status, ==, 200);
  }
}

/* The contract's status */

static void
test_contract_instances_and_incidents (void)
{
  g_autoptr(JsonObject) everything = public_status ();
  g_autoptr(JsonObject) status = contract_status (padaria_cid);
  g_autoptr(GDateTime) today = g_date_time_new_utc (2026, 11, 24, 0, 0, 0);
  g_autoptr(GDateTime) cutoff = g_date_time_add_days (today, -30);
  JsonArray *instances = json_object_get_array_member (status, "instances");
  JsonArray *incidents = json_object_get_array_member (status, "incidents");
  JsonArray *all = json_object_get_array_member (everything, "incidents");
  guint expected = 0;
  gboolean on_shared_07 = FALSE;

  g_assert_cmpint (member_int (status, "seq"), >=, member_int (everything, "seq"));
  assert_instances_by_name (instances);
  for (guint i = 0; i < json_array_get_length (instances); i++)
    {
      JsonObject *instance = json_array_get_object_element (instances, i);
      JsonArray *services = json_object_get_array_member (instance, "services");

      g_assert_cmpuint (json_array_get_length (services), >, 0);
      for (guint j = 0; j < json_array_get_length (services); j++)
        {
          JsonObject *service = json_array_get_object_element (services, j);

          g_assert_cmpstr (member_str (service, "status"), !=, "cancelled");
          g_assert_cmpstr (member_str (service, "status"), !=, "terminated");
          g_assert_cmpstr (member_str (service, "product"), !=, "");
          g_assert_cmpstr (member_str (service, "plan"), !=, "");
          g_assert_nonnull (member_str (service, "kind"));
          g_assert_nonnull (member_str (service, "domain"));
        }
      if (g_str_equal (member_str (instance, "name"), "br-sp-shared-07"))
        on_shared_07 = TRUE;
    }
  g_assert_true (on_shared_07);

  /* exactly the public incidents on the contract's instances that are open
   * or were resolved in the last 30 days, in the same order */
  assert_incidents_newest_first (incidents, json_object_get_array_member (everything, "instances"));
  for (guint i = 0; i < json_array_get_length (all); i++)
    {
      JsonObject *incident = json_array_get_object_element (all, i);
      JsonArray *on = json_object_get_array_member (incident, "instances");
      const char *resolved_at = member_str (incident, "resolved_at");
      gboolean ours = FALSE;

      for (guint j = 0; j < json_array_get_length (on); j++)
        ours = ours || find_by_id (instances, json_array_get_string_element (on, j)) != NULL;
      if (!ours || (resolved_at != NULL && unix_of (resolved_at) < g_date_time_to_unix (cutoff)))
        continue;
      g_assert_cmpuint (expected, <, json_array_get_length (incidents));
      g_assert_cmpstr (member_str (json_array_get_object_element (incidents, expected), "id"), ==,
                       member_str (incident, "id"));
      expected++;
    }
  g_assert_cmpuint (expected, ==, json_array_get_length (incidents));
  /* the demo's data has both kinds left out: resolved long ago, elsewhere */
  g_assert_cmpuint (json_array_get_length (incidents), <, json_array_get_length (all));
}

static void
test_contract_servers (void)
{
  g_autoptr(JsonObject) first = contract_status (padaria_cid);
  g_autoptr(JsonObject) second = contract_status (padaria_cid);
  JsonArray *servers = json_object_get_array_member (first, "servers");
  JsonArray *again = json_object_get_array_member (second, "servers");
  guint running = 0;
  guint stopped = 0;

  g_assert_cmpuint (json_array_get_length (servers), ==, json_array_get_length (again));
  for (guint i = 0; i < json_array_get_length (servers); i++)
    {
      JsonObject *server_object = json_array_get_object_element (servers, i);
      JsonArray *history = json_object_get_array_member (server_object, "history");
      JsonArray *history_again = json_object_get_array_member (json_array_get_object_element (again, i),
                                                               "history");
      const char *kind = member_str (server_object, "kind");

      g_assert_true (g_str_equal (kind, "cloud") || g_str_equal (kind, "dedicated"));
      g_assert_cmpint (member_int (server_object, "step_s"), ==, 60);
      if (!json_object_get_boolean_member (server_object, "running"))
        {
          g_assert_cmpuint (json_array_get_length (history), ==, 0);
          g_assert_true (json_object_get_null_member (server_object, "latest"));
          stopped++;
          continue;
        }
      running++;
      g_assert_cmpuint (json_array_get_length (history), ==, 60);
      for (guint j = 0; j < 60; j++)
        {
          JsonObject *sample = json_array_get_object_element (history, j);

          assert_sample (sample);
          if (j > 0)
            {
              JsonObject *before = json_array_get_object_element (history, j - 1);
              gint64 uptime = member_int (sample, "uptime_s");

              g_assert_cmpint (unix_of (member_str (sample, "time")) - unix_of (member_str (before, "time")), ==, 60);
              /* the uptime counts on, or the server was rebooted in between */
              g_assert_true (uptime == member_int (before, "uptime_s") + 60 || uptime < 60);
            }
        }
      {
        JsonObject *latest = json_object_get_object_member (server_object, "latest");
        JsonObject *last = json_array_get_object_element (history, 59);
        gint64 ahead = unix_of (member_str (latest, "time")) - unix_of (member_str (last, "time"));

        assert_sample (latest);
        g_assert_cmpint (ahead, >=, 0);
        g_assert_cmpint (ahead, <, 60);
      }

      /* the history is a function of the server and the time: the same
       * minute reads the same in the second answer */
      for (guint j = 0; j < 60; j++)
        for (guint k = 0; k < json_array_get_length (history_again); k++)
          {
            JsonObject *a = json_array_get_object_element (history, j);
            JsonObject *b = json_array_get_object_element (history_again, k);

            if (!g_str_equal (member_str (a, "time"), member_str (b, "time")))
              continue;
            g_assert_cmpfloat (json_object_get_double_member (a, "cpu_pct"), ==,
                               json_object_get_double_member (b, "cpu_pct"));
            g_assert_cmpfloat (json_object_get_double_member (a, "net_out_bps"), ==,
                               json_object_get_double_member (b, "net_out_bps"));
            g_assert_cmpint (member_int (a, "uptime_s"), ==, member_int (b, "uptime_s"));
          }
    }
  /* the demo Padaria: a cloud server and a dedicated one running, a cloud one suspended */
  g_assert_cmpuint (running, ==, 2);
  g_assert_cmpuint (stopped, ==, 1);

  /* servers of other kinds are not listed: Ana's contract has only shared hosting */
  {
    g_autoptr(JsonObject) ana = contract_status (ana_cid);

    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (ana, "servers")), ==, 0);
  }
}

static void
test_contract_needs_services (void)
{
  /* a member without "services", and a stranger */
  g_autoptr(Reply) viewer = call ("GET", viewer_token, NULL, "/api/v1/contracts/%s/status", oficina_cid);
  g_autoptr(Reply) stranger = call ("GET", other_token, NULL, "/api/v1/contracts/%s/status", padaria_cid);
  g_autoptr(Reply) anonymous = call ("GET", NULL, NULL, "/api/v1/contracts/%s/status", padaria_cid);
  g_autoptr(Reply) member = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/status", oficina_cid);

  assert_problem (viewer, 403, "forbidden");
  assert_problem (stranger, 403, "forbidden");
  g_assert_cmpuint (anonymous->status, ==, 401);
  /* Ana is a member of the Oficina with "services" only */
  g_assert_cmpuint (member->status, ==, 200);
}

/* The admin interface */

static void
test_admin_disabled_without_token (void)
{
  const char * const args[] = { "--today", TODAY, NULL };
  g_autoptr(SanTestServer) plain = san_test_server_start (FALSE, args);
  const char *url = san_test_server_get_url (plain);
  const char *routes[][2] = {
    { "POST", "/admin/v1/incidents" },
    { "POST", "/admin/v1/incidents/1/updates" },
    { "PUT", "/admin/v1/instances/1/state" },
    { "POST", "/admin/v1/notifications" },
    { "GET", "/admin/v1/events" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      g_autoptr(Reply) reply = http_request (session, url, routes[i][0], routes[i][1], ADMIN_TOKEN,
                                             g_str_equal (routes[i][0], "GET") ? NULL : "{}");

      assert_problem (reply, 404, "not_found");
    }
  /* the public status is there all the same */
  {
    g_autoptr(Reply) status = http_request (session, url, "GET", "/api/v1/status", NULL, NULL);

    g_assert_cmpuint (status->status, ==, 200);
  }
}

static void
test_admin_needs_token (void)
{
  g_autofree char *cloud = instance_id (CLOUD_11);
  g_autofree char *path = g_strdup_printf ("/admin/v1/instances/%s/state", cloud);
  gint64 seq = event_seq ();
  g_autoptr(Reply) none = http_request (session, URL, "PUT", path, NULL, "{\"state\": \"major_outage\"}");
  g_autoptr(Reply) wrong = http_request (session, URL, "PUT", path, "status-admin-token-0123456780",
                                         "{\"state\": \"major_outage\"}");
  /* a user's access token is not the admin token */
  g_autoptr(Reply) user = http_request (session, URL, "GET", "/admin/v1/events", demo_token, NULL);

  g_assert_cmpuint (none->status, ==, 401);
  assert_problem (wrong, 401, "invalid_token");
  g_assert_cmpuint (user->status, ==, 401);
  g_assert_cmpint (event_seq (), ==, seq);
  {
    g_autoptr(JsonObject) status = public_status ();
    JsonObject *instance = find_by_id (json_object_get_array_member (status, "instances"), cloud);

    g_assert_cmpstr (member_str (instance, "state"), ==, "operational");
  }
}

/* The contracts with services on br-sp-cloud-11 in the demo: Padaria, Oficina */
#define CLOUD_11_CONTRACTS 2

static void
test_admin_incident_lifecycle (void)
{
  g_autofree char *cloud = instance_id (CLOUD_11);
  g_autofree char *create = g_strdup_printf ("{\"title\": \"Lentidão nos servidores cloud\", \"impact\": \"major\","
                                             " \"instances\": [\"%s\"], \"message\": \"Estamos verificando.\"}",
                                             cloud);
  g_autofree char *id = NULL;
  g_autofree char *updates = NULL;
  gint64 seq = event_seq ();

  /* created: investigating by default, open, an alert of the contracts on it */
  {
    g_autoptr(Reply) created = admin ("POST", "/admin/v1/incidents", create);
    JsonObject *incident = ok_object (created, 201);
    g_autoptr(JsonObject) status = public_status ();
    g_autoptr(JsonObject) padaria = contract_status (padaria_cid);
    g_autoptr(JsonObject) ana = contract_status (ana_cid);
    JsonArray *newest = json_object_get_array_member (status, "incidents");

    id = g_strdup (member_str (incident, "id"));
    updates = g_strdup_printf ("/admin/v1/incidents/%s/updates", id);
    g_assert_cmpstr (member_str (incident, "status"), ==, "investigating");
    g_assert_cmpstr (member_str (incident, "title"), ==, "Lentidão nos servidores cloud");
    g_assert_true (array_has_string (json_object_get_array_member (incident, "instances"), cloud));
    assert_incident (incident, json_object_get_array_member (status, "instances"));
    g_assert_cmpstr (member_str (json_array_get_object_element (newest, 0), "id"), ==, id);
    g_assert_nonnull (find_by_id (json_object_get_array_member (padaria, "incidents"), id));
    g_assert_null (find_by_id (json_object_get_array_member (ana, "incidents"), id));
    g_assert_cmpint (member_int (status, "seq"), ==, seq + CLOUD_11_CONTRACTS);
  }

  /* updated */
  {
    g_autoptr(Reply) updated = admin ("POST", updates, "{\"status\": \"monitoring\", \"message\": \"Corrigido.\"}");
    JsonObject *incident = ok_object (updated, 201);

    g_assert_cmpstr (member_str (incident, "status"), ==, "monitoring");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (incident, "updates")), ==, 2);
    g_assert_null (member_str (incident, "resolved_at"));
    g_assert_cmpint (event_seq (), ==, seq + 2 * CLOUD_11_CONTRACTS);
  }

  /* resolved: resolved_at set; it takes no more updates */
  {
    g_autoptr(Reply) resolved = admin ("POST", updates, "{\"status\": \"resolved\", \"message\": \"Normalizado.\"}");
    g_autoptr(Reply) more = NULL;
    g_autoptr(JsonObject) padaria = NULL;
    JsonObject *incident = ok_object (resolved, 201);
    JsonObject *listed;

    g_assert_cmpstr (member_str (incident, "status"), ==, "resolved");
    g_assert_nonnull (member_str (incident, "resolved_at"));
    g_assert_cmpint (event_seq (), ==, seq + 3 * CLOUD_11_CONTRACTS);

    more = admin ("POST", updates, "{\"status\": \"monitoring\", \"message\": \"De novo?\"}");
    assert_problem (more, 409, "conflict");
    g_assert_cmpint (event_seq (), ==, seq + 3 * CLOUD_11_CONTRACTS);

    /* resolved today: still listed for the contract, no longer an alert */
    padaria = contract_status (padaria_cid);
    listed = find_by_id (json_object_get_array_member (padaria, "incidents"), id);
    g_assert_nonnull (listed);
    g_assert_cmpstr (member_str (listed, "status"), ==, "resolved");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (listed, "updates")), ==, 3);
  }

  /* unknown incidents */
  {
    g_autoptr(Reply) unknown = admin ("POST", "/admin/v1/incidents/999999/updates",
                                      "{\"status\": \"monitoring\", \"message\": \"x\"}");
    g_autoptr(Reply) not_an_id = admin ("POST", "/admin/v1/incidents/abc/updates",
                                        "{\"status\": \"monitoring\", \"message\": \"x\"}");

    assert_problem (unknown, 404, "not_found");
    assert_problem (not_an_id, 404, "not_found");
  }
}

static void
test_admin_instance_state (void)
{
  g_autofree char *cloud = instance_id (CLOUD_11);
  g_autofree char *path = g_strdup_printf ("/admin/v1/instances/%s/state", cloud);
  gint64 seq = event_seq ();

  {
    g_autoptr(Reply) changed = admin ("PUT", path, "{\"state\": \"partial_outage\"}");
    JsonObject *instance = ok_object (changed, 200);
    g_autoptr(JsonObject) status = public_status ();
    g_autoptr(JsonObject) padaria = contract_status (padaria_cid);
    JsonObject *listed = find_by_id (json_object_get_array_member (status, "instances"), cloud);
    JsonObject *theirs = find_by_id (json_object_get_array_member (padaria, "instances"), cloud);

    assert_instance (instance);
    g_assert_cmpstr (member_str (instance, "name"), ==, CLOUD_11);
    g_assert_cmpstr (member_str (instance, "state"), ==, "partial_outage");
    /* since now: the server's clock, on --today */
    g_assert_true (on_sao_paulo_day (member_str (instance, "state_since"), TODAY));
    g_assert_cmpstr (member_str (listed, "state"), ==, "partial_outage");
    g_assert_cmpstr (member_str (theirs, "state"), ==, "partial_outage");
    g_assert_cmpint (event_seq (), ==, seq + CLOUD_11_CONTRACTS);
  }

  /* the same state again: 200, nothing published */
  {
    g_autoptr(Reply) same = admin ("PUT", path, "{\"state\": \"partial_outage\"}");

    g_assert_cmpstr (member_str (ok_object (same, 200), "state"), ==, "partial_outage");
    g_assert_cmpint (event_seq (), ==, seq + CLOUD_11_CONTRACTS);
  }

  /* errors change nothing */
  {
    g_autoptr(Reply) bad = admin ("PUT", path, "{\"state\": \"on_fire\"}");
    g_autoptr(Reply) missing = admin ("PUT", path, "{}");
    g_autoptr(Reply) unknown = admin ("PUT", "/admin/v1/instances/999999/state", "{\"state\": \"degraded\"}");

    assert_problem (bad, 400, "validation_failed");
    g_assert_true (problem_has_field (bad, "state", "invalid"));
    g_assert_true (problem_has_field (missing, "state", "required"));
    assert_problem (unknown, 404, "not_found");
    g_assert_cmpint (event_seq (), ==, seq + CLOUD_11_CONTRACTS);
  }

  /* back */
  {
    g_autoptr(Reply) back = admin ("PUT", path, "{\"state\": \"operational\"}");

    g_assert_cmpstr (member_str (ok_object (back, 200), "state"), ==, "operational");
    g_assert_cmpint (event_seq (), ==, seq + 2 * CLOUD_11_CONTRACTS);
  }
}

static void
test_admin_validation (void)
{
  g_autofree char *cloud = instance_id (CLOUD_11);
  gint64 seq = event_seq ();

  {
    g_autoptr(Reply) empty = admin ("POST", "/admin/v1/incidents", "{}");

    assert_problem (empty, 400, "validation_failed");
    g_assert_true (problem_has_field (empty, "title", "required"));
    g_assert_true (problem_has_field (empty, "impact", "required"));
    g_assert_true (problem_has_field (empty, "message", "required"));
    g_assert_true (problem_has_field (empty, "instances", "required"));
  }
  {
    g_autoptr(Reply) bad = admin ("POST", "/admin/v1/incidents",
                                  "{\"title\": \"T\", \"impact\": \"huge\", \"instances\": [\"999999\"],"
                                  " \"message\": \"M\", \"status\": \"resolved\"}");
    g_autoptr(Reply) not_ids = admin ("POST", "/admin/v1/incidents",
                                      "{\"title\": \"T\", \"impact\": \"minor\", \"instances\": [3],"
                                      " \"message\": \"M\"}");
    g_autoptr(Reply) none = admin ("POST", "/admin/v1/incidents",
                                   "{\"title\": \"T\", \"impact\": \"minor\", \"instances\": [],"
                                   " \"message\": \"M\"}");
    g_autoptr(Reply) not_json = admin ("POST", "/admin/v1/incidents", "{");

    g_assert_true (problem_has_field (bad, "impact", "invalid"));
    g_assert_true (problem_has_field (bad, "instances", "not_found"));
    g_assert_true (problem_has_field (bad, "status", "invalid"));
    g_assert_true (problem_has_field (not_ids, "instances", "wrong_type"));
    g_assert_true (problem_has_field (none, "instances", "wrong_type"));
    assert_problem (not_json, 400, "invalid_json");
  }
  {
    g_autofree char *create = g_strdup_printf ("{\"title\": \"Teste\", \"impact\": \"none\","
                                               " \"instances\": [\"%s\"], \"message\": \"M\"}", cloud);
    g_autoptr(Reply) created = admin ("POST", "/admin/v1/incidents", create);
    g_autofree char *updates = g_strdup_printf ("/admin/v1/incidents/%s/updates",
                                                member_str (ok_object (created, 201), "id"));
    g_autoptr(Reply) bad = admin ("POST", updates, "{\"status\": \"done\"}");
    g_autoptr(Reply) resolved = admin ("POST", updates, "{\"status\": \"resolved\", \"message\": \"Ok\"}");

    g_assert_true (problem_has_field (bad, "status", "invalid"));
    g_assert_true (problem_has_field (bad, "message", "required"));
    g_assert_cmpuint (resolved->status, ==, 201);
    seq += 2 * CLOUD_11_CONTRACTS;
  }

  /* notifications: the permission defaults by kind; an unknown kind needs one */
  {
    g_autofree char *unknown_kind = g_strdup_printf ("{\"contract_id\": \"%s\", \"kind\": \"custom_notice\","
                                                     " \"title\": \"T\", \"body\": \"B\"}", padaria_cid);
    g_autofree char *known_kind = g_strdup_printf ("{\"contract_id\": \"%s\", \"kind\": \"invoice_paid\","
                                                   " \"title\": \"Fatura paga\", \"body\": \"B\","
                                                   " \"target\": {\"kind\": \"invoice\", \"id\": \"1\"},"
                                                   " \"label\": \"2026-000001\"}", padaria_cid);
    g_autoptr(Reply) needs_permission = admin ("POST", "/admin/v1/notifications", unknown_kind);
    g_autoptr(Reply) no_contract = admin ("POST", "/admin/v1/notifications",
                                          "{\"contract_id\": \"999999\", \"kind\": \"invoice_paid\","
                                          " \"title\": \"T\", \"body\": \"B\", \"permission\": \"nothing\"}");
    g_autoptr(Reply) accepted = NULL;
    g_autoptr(Reply) hub = NULL;
    JsonObject *state;

    g_assert_true (problem_has_field (needs_permission, "permission", "required"));
    g_assert_true (problem_has_field (no_contract, "contract_id", "not_found"));
    g_assert_true (problem_has_field (no_contract, "permission", "invalid"));
    g_assert_cmpint (event_seq (), ==, seq);

    accepted = admin ("POST", "/admin/v1/notifications", known_kind);
    g_assert_cmpint (member_int (ok_object (accepted, 202), "seq"), ==, seq + 1);
    hub = admin ("GET", "/admin/v1/events", NULL);
    state = ok_object (hub, 200);
    g_assert_cmpint (member_int (state, "seq"), ==, seq + 1);
    g_assert_cmpint (member_int (state, "clients"), ==, 0);
    g_assert_cmpint (member_int (state, "buffered"), >=, 1);
  }
}

/* The notification hooks */

static void
test_hooks_invoice_paid_and_staff_reply (void)
{
  gint64 seq;

  /* a PIX charge settled: one invoice_paid */
  {
    g_autoptr(Reply) unpaid = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/invoices?status=unpaid", ana_cid);
    JsonArray *items = json_object_get_array_member (ok_object (unpaid, 200), "items");
    const char *iid = member_str (json_array_get_object_element (items, 0), "id");
    g_autoptr(Reply) pix = call ("POST", demo_token, NULL, "/api/v1/contracts/%s/invoices/%s/pix", ana_cid, iid);
    const char *txid = member_str (ok_object (pix, 201), "txid");
    g_autoptr(Reply) settled = NULL;
    g_autoptr(Reply) invoice = NULL;

    seq = event_seq ();
    settled = call ("POST", NULL, NULL, "/api/v1/_sim/pix/%s/settle", txid);
    g_assert_cmpuint (settled->status, ==, 200);
    invoice = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/invoices/%s", ana_cid, iid);
    g_assert_cmpstr (member_str (ok_object (invoice, 200), "status"), ==, "paid");
    g_assert_cmpint (event_seq (), ==, seq + 1);
  }

  /* a staff note tells the customer nothing; a reply is one ticket_answered */
  {
    g_autoptr(Reply) tickets = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/tickets", padaria_cid);
    JsonArray *items = json_object_get_array_member (ok_object (tickets, 200), "items");
    const char *tid = member_str (json_array_get_object_element (items, 0), "id");
    g_autoptr(Reply) note = NULL;
    g_autoptr(Reply) reply = NULL;

    seq = event_seq ();
    note = call ("POST", staff_token, "{\"body\": \"Só para a equipe\", \"internal\": true}",
                 "/api/v1/staff/tickets/%s/messages", tid);
    g_assert_cmpuint (note->status, ==, 201);
    g_assert_cmpint (event_seq (), ==, seq);
    reply = call ("POST", staff_token, "{\"body\": \"Resolvemos o problema.\"}",
                  "/api/v1/staff/tickets/%s/messages", tid);
    g_assert_cmpuint (reply->status, ==, 201);
    g_assert_cmpint (event_seq (), ==, seq + 1);
  }
}

int
main (int   argc,
      char *argv[])
{
  const char *args[] = { "--today", TODAY, "--admin-token", ADMIN_TOKEN, "--pix-settle-after", "0",
                         "--metrics-interval", "3600000", NULL };
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/portald/status/public/instances-by-name-incidents-newest-first", test_public_shape);
  g_test_add_func ("/portald/status/contract/its-instances-and-recent-incidents", test_contract_instances_and_incidents);
  g_test_add_func ("/portald/status/contract/servers-last-hour-deterministic", test_contract_servers);
  g_test_add_func ("/portald/status/contract/needs-services-permission", test_contract_needs_services);
  g_test_add_func ("/portald/status/admin/disabled-without-token", test_admin_disabled_without_token);
  g_test_add_func ("/portald/status/admin/wrong-token-changes-nothing", test_admin_needs_token);
  g_test_add_func ("/portald/status/admin/incident-lifecycle-one-event-per-contract", test_admin_incident_lifecycle);
  g_test_add_func ("/portald/status/admin/instance-state-same-state-no-event", test_admin_instance_state);
  g_test_add_func ("/portald/status/admin/validation-names-the-fields", test_admin_validation);
  g_test_add_func ("/portald/status/hooks/invoice-paid-and-reply-not-note", test_hooks_invoice_paid_and_staff_reply);

  server = san_test_server_start (TRUE, args);
  session = test_session_new (NULL);
  demo_token = login (session, URL, "demo@example.com", "demo-1234", NULL);
  other_token = login (session, URL, "other@example.com", "other-1234", NULL);
  viewer_token = login (session, URL, "viewer@example.com", "viewer-1234", NULL);
  staff_token = login (session, URL, "staff@example.com", "staff-1234", NULL);
  ana_cid = me_contract_id (session, URL, demo_token, "Ana Souza");
  padaria_cid = me_contract_id (session, URL, demo_token, "Padaria Pão Quente Ltda");
  oficina_cid = me_contract_id (session, URL, demo_token, "Oficina Ribeiro ME");

  status = g_test_run ();

  g_object_unref (session);
  san_test_server_stop (server);
  g_free (demo_token);
  g_free (other_token);
  g_free (viewer_token);
  g_free (staff_token);
  g_free (ana_cid);
  g_free (padaria_cid);
  g_free (oficina_cid);
  return status;
}
