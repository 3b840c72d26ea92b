/* test-api.c: san-portald /me, services, routing and the authorization matrix
 * (customers' memberships and permissions, staff's read-only, audited access)
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "san-date.h"
#include "san-document.h"
#include "san-portald-db.h"
#include "san-portald-mail.h"
#include "san-portald-server.h"
#include "san-test-server.h"
#include "portald-test-util.h"

static SanTestServer *server;
static SoupSession *session;

/* Signed in once for the whole run */
static char *demo_token;
static char *other_token;
static char *viewer_token;
static char *partner_token;
static char *staff_token;

#define URL (san_test_server_get_url (server))

static const char * const all_permissions[] = {
  "profile", "contacts", "services", "manage_services", "panel_login", "invoices",
  "payment_methods", "fiscal_notes", "tickets", "emails", "ip_unblock", NULL,
};

static Reply *
get (const char *path,
     const char *token)
{
  return http_request (session, URL, "GET", path, token, NULL);
}

static JsonArray *
me_contracts (Reply *reply)
{
  g_assert_cmpuint (reply->status, ==, 200);
  return json_object_get_array_member (reply_object (reply), "contracts");
}

static Reply *
list_services (const char *token,
               const char *cid,
               const char *query)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/contracts/%s/services%s%s", cid,
                                           query != NULL ? "?" : "", query != NULL ? query : "");

  return get (path, token);
}

static JsonArray *
page_items (Reply *reply)
{
  g_assert_cmpuint (reply->status, ==, 200);
  return json_object_get_array_member (reply_object (reply), "items");
}

static char *
first_service_id (const char *token,
                  const char *cid)
{
  g_autoptr(Reply) reply = list_services (token, cid, NULL);
  JsonArray *items = page_items (reply);

  g_assert_cmpuint (json_array_get_length (items), >, 0);
  return g_strdup (json_object_get_string_member (json_array_get_object_element (items, 0), "id"));
}

/* /me */

static void
test_me_demo_user (void)
{
  g_autoptr(Reply) reply = get ("/api/v1/me", demo_token);
  JsonObject *user;
  JsonArray *contracts;
  static const struct { const char *name; gboolean owner; SanDocumentKind kind; } expected[] = {
    { "Ana Souza", TRUE, SAN_DOCUMENT_CPF },
    { "Padaria Pão Quente Ltda", TRUE, SAN_DOCUMENT_CNPJ },
    { "Oficina Ribeiro ME", FALSE, SAN_DOCUMENT_CNPJ },
  };

  g_assert_cmpstr (soup_message_headers_get_content_type (reply->headers, NULL), ==, "application/json");
  user = json_object_get_object_member (reply_object (reply), "user");
  g_assert_cmpstr (json_object_get_string_member (user, "email"), ==, "demo@example.com");
  g_assert_cmpstr (json_object_get_string_member (user, "display_name"), ==, "Ana Souza");
  g_assert_cmpstr (json_object_get_string_member (user, "id"), !=, "");

  contracts = me_contracts (reply);
  g_assert_cmpuint (json_array_get_length (contracts), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      JsonObject *c = json_array_get_object_element (contracts, i);
      JsonArray *permissions = json_object_get_array_member (c, "permissions");
      const char *document = json_object_get_string_member (c, "document");
      g_autofree char *bare = NULL;
      SanDocumentKind kind;

      g_assert_cmpstr (json_object_get_string_member (c, "name"), ==, expected[i].name);
      g_assert_cmpint (json_object_get_boolean_member (c, "owner"), ==, expected[i].owner);
      g_assert_true (JSON_NODE_HOLDS_VALUE (json_object_get_member (c, "id")));
      g_assert_cmpint (json_node_get_value_type (json_object_get_member (c, "id")), ==, G_TYPE_STRING);

      /* bare digits with valid check digits */
      g_assert_true (san_document_validate (document, &kind, &bare, NULL));
      g_assert_cmpint (kind, ==, expected[i].kind);
      g_assert_cmpstr (bare, ==, document);

      if (expected[i].owner)
        {
          g_assert_cmpuint (json_array_get_length (permissions), ==, g_strv_length ((GStrv) all_permissions));
          for (guint p = 0; all_permissions[p] != NULL; p++)
            g_assert_cmpstr (json_array_get_string_element (permissions, p), ==, all_permissions[p]);
        }
      else
        {
          g_assert_cmpuint (json_array_get_length (permissions), ==, 1);
          g_assert_cmpstr (json_array_get_string_element (permissions, 0), ==, "services");
        }
    }
}

static void
test_me_other_users (void)
{
  g_autoptr(Reply) other = get ("/api/v1/me", other_token);
  g_autoptr(Reply) viewer = get ("/api/v1/me", viewer_token);
  JsonArray *contracts;
  JsonObject *c;

  contracts = me_contracts (other);
  g_assert_cmpuint (json_array_get_length (contracts), ==, 1);
  c = json_array_get_object_element (contracts, 0);
  g_assert_true (json_object_get_boolean_member (c, "owner"));
  g_assert_cmpstr (json_object_get_string_member (c, "name"), !=, "Ana Souza");

  contracts = me_contracts (viewer);
  g_assert_cmpuint (json_array_get_length (contracts), ==, 1);
  c = json_array_get_object_element (contracts, 0);
  g_assert_cmpstr (json_object_get_string_member (c, "name"), ==, "Oficina Ribeiro ME");
  g_assert_false (json_object_get_boolean_member (c, "owner"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (c, "permissions")), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (c, "permissions"), 0),
                   ==, "invoices");
}

/* The role: customer for everyone but SAN's staff, who are members of no contract */
static void
test_me_role (void)
{
  g_autoptr(Reply) demo = get ("/api/v1/me", demo_token);
  g_autoptr(Reply) staff = get ("/api/v1/me", staff_token);
  g_autoptr(Reply) login_reply = NULL;
  g_autofree char *body = login_body ("staff@example.com", "staff-1234");
  JsonObject *user;

  user = json_object_get_object_member (reply_object (demo), "user");
  g_assert_cmpstr (json_object_get_string_member (user, "role"), ==, "customer");
  for (const char * const *token = (const char * const[]) { other_token, viewer_token, partner_token, NULL };
       *token != NULL; token++)
    {
      g_autoptr(Reply) reply = get ("/api/v1/me", *token);

      user = json_object_get_object_member (reply_object (reply), "user");
      g_assert_cmpstr (json_object_get_string_member (user, "role"), ==, "customer");
    }

  user = json_object_get_object_member (reply_object (staff), "user");
  g_assert_cmpstr (json_object_get_string_member (user, "email"), ==, "staff@example.com");
  g_assert_cmpstr (json_object_get_string_member (user, "display_name"), ==, "Marina Costa (SAN)");
  g_assert_cmpstr (json_object_get_string_member (user, "role"), ==, "staff");
  g_assert_cmpuint (json_array_get_length (me_contracts (staff)), ==, 0);

  /* the sign-in answer carries the same user */
  login_reply = http_request (session, URL, "POST", "/api/v1/auth/login", NULL, body);
  g_assert_cmpuint (login_reply->status, ==, 200);
  user = json_object_get_object_member (reply_object (login_reply), "user");
  g_assert_cmpstr (json_object_get_string_member (user, "role"), ==, "staff");
}

/* Services */

static void
assert_string_member (JsonObject         *object,
                      const char         *name,
                      const char * const *allowed)
{
  JsonNode *node = json_object_get_member (object, name);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_STRING);
  if (allowed != NULL)
    g_assert_true (g_strv_contains (allowed, json_node_get_string (node)));
}

static void
assert_date_or_null (JsonObject *object,
                     const char *name,
                     gboolean    nullable)
{
  JsonNode *node = json_object_get_member (object, name);
  GDate date;

  g_assert_nonnull (node);
  if (JSON_NODE_HOLDS_NULL (node))
    {
      g_assert_true (nullable);
      return;
    }
  g_assert_true (san_date_parse_iso (json_node_get_string (node), &date));
}

static void
assert_service (JsonObject *s,
                const char *cid)
{
  static const char * const kinds[] = { "shared", "cloud", "dedicated", NULL };
  static const char * const statuses[] = { "pending", "active", "suspended", "cancelled", "terminated", NULL };
  static const char * const cycles[] = { "monthly", "annual", NULL };
  static const char * const levels[] = { "basic", "business", "premium", NULL };
  static const char * const methods[] = { "boleto", "pix", "card", "bank_debit", NULL };
  JsonNode *price = json_object_get_member (s, "price_cents");
  JsonNode *instance = json_object_get_member (s, "instance");
  g_autoptr(GDateTime) created = NULL;

  assert_string_member (s, "id", NULL);
  assert_string_member (s, "contract_id", NULL);
  g_assert_cmpstr (json_object_get_string_member (s, "contract_id"), ==, cid);
  assert_string_member (s, "product", NULL);
  assert_string_member (s, "plan", NULL);
  assert_string_member (s, "domain", NULL);
  assert_string_member (s, "kind", kinds);
  assert_string_member (s, "status", statuses);
  assert_string_member (s, "billing_cycle", cycles);
  assert_string_member (s, "support_level", levels);
  assert_string_member (s, "payment_method", methods);
  g_assert_nonnull (price);
  g_assert_cmpint (json_node_get_value_type (price), ==, G_TYPE_INT64);
  g_assert_cmpint (json_node_get_int (price), >, 0);
  assert_date_or_null (s, "next_due_date", TRUE);
  assert_date_or_null (s, "status_since", FALSE);
  assert_string_member (s, "created_at", NULL);
  created = g_date_time_new_from_iso8601 (json_object_get_string_member (s, "created_at"), NULL);
  g_assert_nonnull (created);
  g_assert_true (g_str_has_suffix (json_object_get_string_member (s, "created_at"), "Z"));

  g_assert_nonnull (instance);
  if (g_str_equal (json_object_get_string_member (s, "status"), "pending"))
    g_assert_true (JSON_NODE_HOLDS_NULL (instance));
  if (!JSON_NODE_HOLDS_NULL (instance))
    {
      JsonObject *i = json_node_get_object (instance);

      assert_string_member (i, "id", NULL);
      assert_string_member (i, "name", NULL);
      assert_string_member (i, "hostname", NULL);
      assert_string_member (i, "region", NULL);
    }
}

static gint64
id_number (JsonObject *object)
{
  return g_ascii_strtoll (json_object_get_string_member (object, "id"), NULL, 10);
}

static void
test_services_list (void)
{
  g_autofree char *cid = me_contract_id (session, URL, demo_token, "Ana Souza");
  g_autoptr(Reply) reply = list_services (demo_token, cid, NULL);
  JsonArray *items = page_items (reply);
  JsonObject *page = reply_object (reply);
  gint64 last = 0;

  g_assert_cmpstr (soup_message_headers_get_content_type (reply->headers, NULL), ==, "application/json");
  g_assert_cmpuint (json_array_get_length (items), ==, 5);
  g_assert_cmpint (json_object_get_int_member (page, "total"), ==, 5);
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (page, "next_cursor")));

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *s = json_array_get_object_element (items, i);

      assert_service (s, cid);
      /* ordered by id */
      g_assert_cmpint (id_number (s), >, last);
      last = id_number (s);
    }
}

static void
test_services_demo_is_varied (void)
{
  g_autoptr(GHashTable) kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) statuses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) methods = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  static const char * const names[] = { "Ana Souza", "Padaria Pão Quente Ltda", "Oficina Ribeiro ME" };
  static const guint counts[] = { 5, 9, 3 };

  for (guint c = 0; c < G_N_ELEMENTS (names); c++)
    {
      g_autofree char *cid = me_contract_id (session, URL, demo_token, names[c]);
      g_autoptr(Reply) reply = list_services (demo_token, cid, "limit=100");
      JsonArray *items = page_items (reply);

      g_assert_cmpuint (json_array_get_length (items), ==, counts[c]);
      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonObject *s = json_array_get_object_element (items, i);

          assert_service (s, cid);
          g_hash_table_add (kinds, g_strdup (json_object_get_string_member (s, "kind")));
          g_hash_table_add (statuses, g_strdup (json_object_get_string_member (s, "status")));
          g_hash_table_add (methods, g_strdup (json_object_get_string_member (s, "payment_method")));
        }
    }

  g_assert_cmpuint (g_hash_table_size (kinds), ==, 3);
  g_assert_cmpuint (g_hash_table_size (statuses), ==, 5);
  g_assert_cmpuint (g_hash_table_size (methods), ==, 4);
}

static void
test_services_status_filter (void)
{
  static const char * const statuses[] = { "pending", "active", "suspended", "cancelled", "terminated" };
  g_autofree char *cid = me_contract_id (session, URL, demo_token, "Padaria Pão Quente Ltda");
  g_autoptr(Reply) all = list_services (demo_token, cid, NULL);
  gint64 sum = 0;

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autofree char *query = g_strdup_printf ("status=%s", statuses[i]);
      g_autoptr(Reply) reply = list_services (demo_token, cid, query);
      JsonArray *items = page_items (reply);

      g_assert_cmpuint (json_array_get_length (items), >, 0);
      g_assert_cmpint (json_object_get_int_member (reply_object (reply), "total"), ==,
                       json_array_get_length (items));
      for (guint j = 0; j < json_array_get_length (items); j++)
        g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, j), "status"),
                         ==, statuses[i]);
      sum += json_array_get_length (items);
    }

  g_assert_cmpint (sum, ==, json_object_get_int_member (reply_object (all), "total"));
}

static guint
count_matches (const char *cid,
               const char *query)
{
  g_autoptr(Reply) reply = list_services (demo_token, cid, query);
  JsonArray *items = page_items (reply);

  g_assert_cmpint (json_object_get_int_member (reply_object (reply), "total"), ==,
                   json_array_get_length (items));
  return json_array_get_length (items);
}

static void
test_services_search (void)
{
  g_autofree char *padaria = me_contract_id (session, URL, demo_token, "Padaria Pão Quente Ltda");
  g_autofree char *ana = me_contract_id (session, URL, demo_token, "Ana Souza");
  g_autoptr(Reply) reply = NULL;
  JsonArray *items;

  /* domain, in any case */
  g_assert_cmpuint (count_matches (padaria, "q=padariapaoquente.com.br"), ==, 4);
  g_assert_cmpuint (count_matches (padaria, "q=PADARIAPAOQUENTE.COM.BR"), ==, 4);
  /* product and plan */
  g_assert_cmpuint (count_matches (padaria, "q=servidor%20dedicado"), ==, 2);
  g_assert_cmpuint (count_matches (padaria, "q=xeon"), ==, 2);
  g_assert_cmpuint (count_matches (padaria, "q=Cloud%204%20GB"), ==, 1);
  /* non-ASCII, case-insensitively */
  g_assert_cmpuint (count_matches (ana, "q=SSL%20PADR%C3%83O"), ==, 1);
  /* with a status */
  g_assert_cmpuint (count_matches (padaria, "q=cloud&status=suspended"), ==, 1);
  /* SQL-ish text is just text */
  g_assert_cmpuint (count_matches (padaria, "q=%25"), ==, 0);
  g_assert_cmpuint (count_matches (padaria, "q=%27%20OR%201%3D1%20--"), ==, 0);
  g_assert_cmpuint (count_matches (padaria, "q=nada-assim"), ==, 0);
  /* empty is no filter */
  g_assert_cmpuint (count_matches (padaria, "q="), ==, 9);

  /* search stays inside the contract */
  reply = list_services (demo_token, ana, "q=padaria");
  items = page_items (reply);
  g_assert_cmpuint (json_array_get_length (items), ==, 0);
}

static void
walk_pages (const char *cid,
            const char *filter,
            guint       limit,
            gint64      expected_total)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *cursor = NULL;
  gint64 last = 0;
  guint pages = 0;

  do
    {
      g_autofree char *query = NULL;
      g_autofree char *escaped = cursor != NULL ? g_uri_escape_string (cursor, NULL, FALSE) : NULL;
      g_autoptr(Reply) reply = NULL;
      JsonObject *page;
      JsonArray *items;
      JsonNode *next;

      query = g_strdup_printf ("limit=%u%s%s%s%s", limit,
                               filter != NULL ? "&" : "", filter != NULL ? filter : "",
                               escaped != NULL ? "&cursor=" : "", escaped != NULL ? escaped : "");
      reply = list_services (demo_token, cid, query);
      items = page_items (reply);
      page = reply_object (reply);
      pages++;

      /* the total is the whole list's, on every page */
      g_assert_cmpint (json_object_get_int_member (page, "total"), ==, expected_total);
      g_assert_cmpuint (json_array_get_length (items), <=, limit);
      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonObject *s = json_array_get_object_element (items, i);

          g_assert_cmpint (id_number (s), >, last);
          last = id_number (s);
          g_assert_true (g_hash_table_add (seen, g_strdup (json_object_get_string_member (s, "id"))));
        }

      next = json_object_get_member (page, "next_cursor");
      g_assert_nonnull (next);
      g_clear_pointer (&cursor, g_free);
      if (!JSON_NODE_HOLDS_NULL (next))
        {
          cursor = g_strdup (json_node_get_string (next));
          g_assert_cmpuint (json_array_get_length (items), ==, limit);
        }
    }
  while (cursor != NULL);

  g_assert_cmpuint (g_hash_table_size (seen), ==, expected_total);
  g_assert_cmpuint (pages, ==, MAX (1, (expected_total + limit - 1) / limit));
}

static void
test_services_pagination (void)
{
  g_autofree char *padaria = me_contract_id (session, URL, demo_token, "Padaria Pão Quente Ltda");

  for (guint limit = 1; limit <= 10; limit++)
    walk_pages (padaria, NULL, limit, 9);
  walk_pages (padaria, "status=active", 2, 5);
  walk_pages (padaria, "q=padariapaoquente", 3, 5);
  walk_pages (padaria, "status=terminated", 1, 1);
  walk_pages (padaria, "q=nada-assim", 5, 0);
}

static void
test_services_bad_parameters (void)
{
  g_autofree char *cid = me_contract_id (session, URL, demo_token, "Padaria Pão Quente Ltda");
  static const struct { const char *query; const char *field; const char *code; } cases[] = {
    { "status=paid", "status", "invalid" },
    { "status=ACTIVE", "status", "invalid" },
    { "status=", "status", "invalid" },
    { "limit=0", "limit", "out_of_range" },
    { "limit=101", "limit", "out_of_range" },
    { "limit=-1", "limit", "invalid" },
    { "limit=ten", "limit", "invalid" },
    { "limit=5x", "limit", "invalid" },
    { "limit=", "limit", "invalid" },
    { "limit=99999999999999999999", "limit", "invalid" },
    { "cursor=garbage!", "cursor", "invalid" },
    { "cursor=czE6", "cursor", "invalid" },            /* "s1:" */
    { "cursor=MTIz", "cursor", "invalid" },            /* "123" */
    { "cursor=", "cursor", "invalid" },
    { "q=%FF%FE", "q", "invalid" },
    { "q=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      "q", "too_long" },
  };
  g_autoptr(Reply) several = list_services (demo_token, cid, "status=x&limit=0&cursor=x");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Reply) reply = list_services (demo_token, cid, cases[i].query);

      g_test_message ("query: %s", cases[i].query);
      assert_problem (reply, 400, "validation_failed");
      g_assert_true (problem_has_field (reply, cases[i].field, cases[i].code));
    }

  /* every bad field is reported at once */
  assert_problem (several, 400, "validation_failed");
  g_assert_true (problem_has_field (several, "status", "invalid"));
  g_assert_true (problem_has_field (several, "limit", "out_of_range"));
  g_assert_true (problem_has_field (several, "cursor", "invalid"));
}

static void
test_services_detail (void)
{
  g_autofree char *cid = me_contract_id (session, URL, demo_token, "Padaria Pão Quente Ltda");
  g_autoptr(Reply) list = list_services (demo_token, cid, NULL);
  JsonArray *items = page_items (list);

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *item = json_array_get_element (items, i);
      const char *sid = json_object_get_string_member (json_node_get_object (item), "id");
      g_autofree char *path = g_strdup_printf ("/api/v1/contracts/%s/services/%s", cid, sid);
      g_autoptr(Reply) detail = get (path, demo_token);

      g_assert_cmpuint (detail->status, ==, 200);
      assert_service (reply_object (detail), cid);
      /* the same object as in the list */
      g_assert_true (json_node_equal (detail->json, item));
    }
}

static void
test_services_detail_unknown (void)
{
  g_autofree char *cid = me_contract_id (session, URL, demo_token, "Ana Souza");
  static const char * const sids[] = { "999999", "0", "abc", "1x", "-1", "99999999999999999999999" };

  for (guint i = 0; i < G_N_ELEMENTS (sids); i++)
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/contracts/%s/services/%s", cid, sids[i]);
      g_autoptr(Reply) reply = get (path, demo_token);

      g_test_message ("service id: %s", sids[i]);
      assert_problem (reply, 404, "not_found");
    }
}

/* Routing */

static void
test_routes_unknown (void)
{
  static const char * const paths[] = {
    "/", "/api", "/api/v1", "/api/v1/", "/api/v1/nope", "/api/v1/me/", "/api/v2/me",
    "/api/v1/contracts", "/api/v1/contracts/1", "/api/v1/contracts//services",
    "/api/v1/contracts/1/services/1/extra", "/API/V1/ME",
  };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(Reply) with_token = get (paths[i], demo_token);
      g_autoptr(Reply) without = get (paths[i], NULL);

      g_test_message ("path: %s", paths[i]);
      assert_problem (with_token, 404, "not_found");
      assert_problem (without, 404, "not_found");
    }
}

static void
test_routes_wrong_method (void)
{
  static const struct { const char *method; const char *path; const char *allow; } cases[] = {
    { "DELETE", "/api/v1/me", "GET" },
    { "POST", "/api/v1/me", "GET" },
    { "GET", "/api/v1/auth/login", "POST" },
    { "PUT", "/api/v1/auth/refresh", "POST" },
    { "GET", "/api/v1/auth/logout", "POST" },
    { "POST", "/api/v1/contracts/1/services", "GET" },
    { "PATCH", "/api/v1/contracts/1/services/1", "GET" },
    { "HEAD", "/api/v1/me", "GET" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Reply) reply = http_request (session, URL, cases[i].method, cases[i].path, demo_token, NULL);

      g_test_message ("%s %s", cases[i].method, cases[i].path);
      g_assert_cmpuint (reply->status, ==, 405);
      g_assert_cmpstr (reply_header (reply, "Allow"), ==, cases[i].allow);
      if (!g_str_equal (cases[i].method, "HEAD"))
        assert_problem (reply, 405, "method_not_allowed");
    }
}

/* The authorization matrix: every contract-scoped route of the router's table.
 * Each route is called with real ids for every {param} and a body it accepts,
 * so "allowed" means a 2xx answer, not merely "not 403". What a route needs
 * (an overdue invoice, a card to delete, a debit schedule...) is made first
 * through the API by the contract's owner. */

static GPtrArray *
contract_routes (void)
{
  GPtrArray *result = g_ptr_array_new ();
  const SanPortaldRoute *routes;
  guint n;

  routes = san_portald_server_get_routes (&n);
  for (guint i = 0; i < n; i++)
    if (g_str_has_prefix (routes[i].pattern, SAN_PORTALD_CONTRACT_PREFIX))
      g_ptr_array_add (result, (gpointer) &routes[i]);
  g_assert_cmpuint (result->len, >=, 2);
  return result;
}

static gboolean
route_is (const SanPortaldRoute *route,
          const char            *method,
          const char            *suffix)
{
  return g_str_equal (route->method, method) && g_str_has_suffix (route->pattern, suffix);
}

/* The route's path parameter other than {cid} ("sid", "iid", ...), or NULL */
static char *
route_id_param (const SanPortaldRoute *route)
{
  const char *open = route->pattern;

  while ((open = strchr (open, '{')) != NULL)
    {
      const char *close = strchr (open, '}');

      g_assert_nonnull (close);
      if (strncmp (open, "{cid}", 5) != 0)
        return g_strndup (open + 1, close - open - 1);
      open = close;
    }
  return NULL;
}

/* A request for a route: its {param} values, body and Idempotency-Key */
typedef struct
{
  GHashTable *params;
  char       *body;
  char       *key;
} RouteCall;

static RouteCall *
route_call_new (const char *cid)
{
  RouteCall *call = g_new0 (RouteCall, 1);

  call->params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_insert (call->params, g_strdup ("cid"), g_strdup (cid));
  return call;
}

static void
route_call_free (RouteCall *call)
{
  g_hash_table_unref (call->params);
  g_free (call->body);
  g_free (call->key);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RouteCall, route_call_free)

static void
route_call_set (RouteCall  *call,
                const char *name,
                const char *value)
{
  g_hash_table_insert (call->params, g_strdup (name), g_strdup (value));
}

static Reply *
send_route (const SanPortaldRoute *route,
            const char            *token,
            RouteCall             *call)
{
  g_autoptr(GString) path = g_string_new (route->pattern);
  GHashTableIter iter;
  gpointer name;
  gpointer value;
  const char *body = call->body;
  const char * const headers[] = { "Idempotency-Key", call->key, NULL };

  g_hash_table_iter_init (&iter, call->params);
  while (g_hash_table_iter_next (&iter, &name, &value))
    {
      g_autofree char *pattern = g_strdup_printf ("{%s}", (const char *) name);

      g_string_replace (path, pattern, value, 0);
    }
  g_assert_null (strchr (path->str, '{'));
  if (body == NULL && !g_str_equal (route->method, "GET") && !g_str_equal (route->method, "DELETE"))
    body = "{}";
  g_test_message ("%s %s", route->method, path->str);
  return http_request_full (session, URL, route->method, path->str, token, body,
                            call->key != NULL ? headers : NULL);
}

/* Any request of the route's shape, with "1" for every id: for answers
 * given before a handler runs (401, 403) */
static RouteCall *
placeholder_call (const SanPortaldRoute *route,
                  const char            *cid)
{
  RouteCall *call = route_call_new (cid);
  g_autofree char *param = route_id_param (route);

  if (param != NULL)
    route_call_set (call, param, "1");
  return call;
}

static JsonNode *
get_items (const char *token,
           const char *path)
{
  g_autoptr(Reply) reply = get (path, token);

  g_assert_cmpuint (reply->status, ==, 200);
  return json_node_copy (json_object_get_member (reply_object (reply), "items"));
}

typedef enum
{
  INVOICE_ANY,
  INVOICE_UNPAID,
  INVOICE_OVERDUE,
  INVOICE_FUTURE,        /* unpaid, due today or later */
  INVOICE_PENDING,       /* payment_pending (a debit is scheduled) */
} InvoiceKind;

/* The newest invoice of that kind (NULL when there is none) */
static char *
find_invoice (const char  *token,
              const char  *cid,
              InvoiceKind  kind,
              char       **out_due_date)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/contracts/%s/invoices?limit=100", cid);
  g_autoptr(JsonNode) items = get_items (token, path);
  JsonArray *array = json_node_get_array (items);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *inv = json_array_get_object_element (array, i);
      const char *status = json_object_get_string_member (inv, "status");
      gboolean unpaid = g_str_equal (status, "unpaid");
      gboolean overdue = json_object_get_boolean_member (inv, "overdue");

      if (kind == INVOICE_ANY || (kind == INVOICE_UNPAID && unpaid) ||
          (kind == INVOICE_OVERDUE && unpaid && overdue) ||
          (kind == INVOICE_FUTURE && unpaid && !overdue) ||
          (kind == INVOICE_PENDING && g_str_equal (status, "payment_pending")))
        {
          if (out_due_date != NULL)
            *out_due_date = g_strdup (json_object_get_string_member (inv, "due_date"));
          return g_strdup (json_object_get_string_member (inv, "id"));
        }
    }
  return NULL;
}

static char *
need_invoice (const char  *token,
              const char  *cid,
              InvoiceKind  kind)
{
  char *iid = find_invoice (token, cid, kind, NULL);

  g_assert_nonnull (iid);
  return iid;
}

static char *
post_for_id (const char *token,
             const char *path,
             const char *body,
             const char *member)
{
  g_autoptr(Reply) reply = http_request (session, URL, "POST", path, token, body);

  g_assert_cmpuint (reply->status, ==, 201);
  return g_strdup (json_object_get_string_member (reply_object (reply), member));
}

#define CARD_BODY \
  "{\"number\": \"4111 1111 1111 1111\", \"holder\": \"ANA SOUZA\", \"exp_month\": 12, " \
  "\"exp_year\": 2030, \"cvv\": \"123\"}"

/* A bank account not registered yet (a contract refuses the same one twice);
 * Santander's accounts are checked for their format only */
static char *
bank_account_body (void)
{
  static guint n;

  n++;
  return g_strdup_printf ("{\"bank_code\": \"033\", \"agency\": \"4321\", \"account\": \"%08u-%u\", "
                          "\"holder\": \"Ana Souza\", \"holder_document\": \"318.472.659-28\"}",
                          13000000 + n, n % 10);
}

static char *
new_card (const char *owner,
          const char *cid)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/contracts/%s/cards", cid);

  return post_for_id (owner, path, CARD_BODY, "id");
}

static char *
new_card_token (const char *owner,
                const char *cid)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/contracts/%s/card-tokens", cid);

  return post_for_id (owner, path, CARD_BODY, "token");
}

static char *
new_bank_account (const char *owner,
                  const char *cid)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/contracts/%s/bank-accounts", cid);
  g_autofree char *body = bank_account_body ();

  return post_for_id (owner, path, body, "id");
}

static char *
some_bank_account (const char *owner,
                   const char *cid)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/contracts/%s/bank-accounts", cid);
  g_autoptr(JsonNode) items = get_items (owner, path);
  JsonArray *array = json_node_get_array (items);

  if (json_array_get_length (array) > 0)
    return g_strdup (json_object_get_string_member (json_array_get_object_element (array, 0), "id"));
  return new_bank_account (owner, cid);
}

static char *
debit_schedule_body (const char *owner,
                     const char *cid,
                     const char *due_date)
{
  g_autofree char *account = some_bank_account (owner, cid);

  return g_strdup_printf ("{\"bank_account_id\": \"%s\", \"date\": \"%s\"}", account, due_date);
}

/* An invoice with a scheduled debit, scheduling one when there is none */
static char *
scheduled_invoice (const char *owner,
                   const char *cid)
{
  g_autofree char *due_date = NULL;
  char *iid = find_invoice (owner, cid, INVOICE_PENDING, NULL);
  g_autofree char *path = NULL;
  g_autofree char *body = NULL;
  g_autoptr(Reply) reply = NULL;

  if (iid != NULL)
    return iid;
  iid = find_invoice (owner, cid, INVOICE_FUTURE, &due_date);
  g_assert_nonnull (iid);
  path = g_strdup_printf ("/api/v1/contracts/%s/invoices/%s/debit-schedule", cid, iid);
  body = debit_schedule_body (owner, cid, due_date);
  reply = http_request (session, URL, "PUT", path, owner, body);
  g_assert_cmpuint (reply->status, ==, 200);
  return iid;
}

/* A nota fiscal, "issued" or "pending" (NULL: any) */
static char *
some_note (const char *owner,
           const char *cid,
           const char *status)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/contracts/%s/fiscal-notes?limit=100%s%s", cid,
                                           status != NULL ? "&status=" : "", status != NULL ? status : "");
  g_autoptr(JsonNode) items = get_items (owner, path);
  JsonArray *array = json_node_get_array (items);

  g_assert_cmpuint (json_array_get_length (array), >, 0);
  return g_strdup (json_object_get_string_member (json_array_get_object_element (array, 0), "id"));
}

#define TICKET_BODY \
  "{\"department_id\": \"1\", \"priority\": \"medium\", \"subject\": \"Teste\", \"body\": \"Olá\"}"

/* A new open ticket of @cid */
static char *
new_ticket (const char *owner,
            const char *cid)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/contracts/%s/tickets", cid);

  return post_for_id (owner, path, TICKET_BODY, "id");
}

/* An attachment of a new ticket of @cid (sent as multipart/form-data) */
static char *
new_attachment (const char *owner,
                const char *cid)
{
  g_autofree char *uri = g_strdup_printf ("%s/api/v1/contracts/%s/tickets", URL, cid);
  g_autofree char *auth = g_strconcat ("Bearer ", owner, NULL);
  g_autoptr(GBytes) file = g_bytes_new_static ("log de erro\n", 12);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  SoupMultipart *multipart = soup_multipart_new (SOUP_FORM_MIME_TYPE_MULTIPART);
  JsonArray *messages;
  JsonArray *attachments;

  soup_multipart_append_form_string (multipart, "ticket", TICKET_BODY);
  soup_multipart_append_form_file (multipart, "attachments", "erro.txt", "text/plain", file);
  msg = soup_message_new_from_multipart (uri, multipart);
  soup_multipart_free (multipart);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  answer = soup_session_send_and_read (session, msg, NULL, NULL);
  g_assert_nonnull (answer);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 201);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (answer, NULL),
                                             (gssize) g_bytes_get_size (answer), NULL));
  messages = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                           "messages");
  attachments = json_object_get_array_member (json_array_get_object_element (messages, 0),
                                              "attachments");
  return g_strdup (json_object_get_string_member (json_array_get_object_element (attachments, 0),
                                                  "id"));
}

/* An e-mail of @cid's history */
static char *
some_email (const char *owner,
            const char *cid)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/contracts/%s/emails?limit=1", cid);
  g_autoptr(JsonNode) items = get_items (owner, path);
  JsonArray *array = json_node_get_array (items);

  g_assert_cmpuint (json_array_get_length (array), >, 0);
  return g_strdup (json_object_get_string_member (json_array_get_object_element (array, 0), "id"));
}

/* A callback request for tomorrow morning (in São Paulo, the server's today) */
static char *
callback_body (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/Sao_Paulo");
  g_autoptr(GDateTime) now = g_date_time_new_now (zone != NULL ? zone : g_time_zone_new_offset (-3 * 3600));
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *date = g_date_time_format (tomorrow, "%Y-%m-%d");

  return g_strdup_printf ("{\"phone\": \"+55 (11) 91234-5678\", \"subject\": \"Teste\","
                          " \"preferred_window\": {\"date\": \"%s\", \"from\": \"09:00\","
                          " \"to\": \"12:00\"}}", date);
}

/* The body a route accepts (NULL: none) and its Idempotency-Key */
static void
prepare_body (const SanPortaldRoute *route,
              const char            *owner,
              const char            *cid,
              RouteCall             *call)
{
  if (route_is (route, "POST", "/payments"))
    {
      g_autofree char *token = new_card_token (owner, cid);

      call->body = g_strdup_printf ("{\"method\": \"card\", \"card_token\": \"%s\"}", token);
      call->key = g_uuid_string_random ();
    }
  else if (route_is (route, "POST", "/card-tokens") || route_is (route, "POST", "/cards"))
    call->body = g_strdup (CARD_BODY);
  else if (route_is (route, "POST", "/bank-accounts"))
    call->body = bank_account_body ();
  else if (route_is (route, "PUT", "/dda"))
    call->body = g_strdup ("{\"enabled\": true}");
  else if (route_is (route, "POST", "/tickets"))
    call->body = g_strdup (TICKET_BODY);
  else if (route_is (route, "POST", "/messages"))
    call->body = g_strdup ("{\"body\": \"Resposta\"}");
  else if (route_is (route, "POST", "/callbacks"))
    call->body = callback_body ();
  else if (route_is (route, "PUT", "/support-level"))
    call->body = g_strdup ("{\"level\": \"premium\"}");
  else if (route_is (route, "PUT", "/pay-methods/default") || route_is (route, "PUT", "/services/{sid}"))
    call->body = g_strdup ("{\"method\": \"boleto\"}");
  else if (route_is (route, "PUT", "/debit-schedule"))
    {
      g_autofree char *due_date = NULL;
      g_autofree char *iid = find_invoice (owner, cid, INVOICE_PENDING, &due_date);

      if (iid == NULL)
        g_free (find_invoice (owner, cid, INVOICE_FUTURE, &due_date));
      g_assert_nonnull (due_date);
      call->body = debit_schedule_body (owner, cid, due_date);
    }
}

/* A request @route answers with 2xx in contract @cid: what it needs is made
 * first by the contract's @owner */
static RouteCall *
prepare_call (const SanPortaldRoute *route,
              const char            *owner,
              const char            *cid,
              const char            *sid)
{
  RouteCall *call = route_call_new (cid);
  g_autofree char *param = route_id_param (route);
  g_autofree char *id = NULL;

  if (g_strcmp0 (param, "sid") == 0)
    id = g_strdup (sid);
  else if (g_strcmp0 (param, "card") == 0)
    id = new_card (owner, cid);
  else if (g_strcmp0 (param, "account") == 0)
    id = new_bank_account (owner, cid);
  else if (g_strcmp0 (param, "tid") == 0)
    id = new_ticket (owner, cid);
  else if (g_strcmp0 (param, "aid") == 0)
    id = new_attachment (owner, cid);
  else if (g_strcmp0 (param, "eid") == 0)
    id = some_email (owner, cid);
  else if (g_strcmp0 (param, "nid") == 0)
    id = some_note (owner, cid, route_is (route, "POST", "/issue") ? "pending"
                                : g_str_has_suffix (route->pattern, "{nid}") ? NULL : "issued");
  else if (g_strcmp0 (param, "iid") == 0)
    {
      if (route_is (route, "GET", "/boleto"))
        id = need_invoice (owner, cid, INVOICE_UNPAID);
      else if (route_is (route, "POST", "/boleto") || route_is (route, "POST", "/payments"))
        id = need_invoice (owner, cid, INVOICE_OVERDUE);
      else if (g_str_has_suffix (route->pattern, "/pix"))
        {
          g_autofree char *path = NULL;
          g_autoptr(Reply) charge = NULL;

          /* GET needs a charge: the same POST makes or reuses it */
          id = need_invoice (owner, cid, INVOICE_FUTURE);
          path = g_strdup_printf ("/api/v1/contracts/%s/invoices/%s/pix", cid, id);
          charge = http_request (session, URL, "POST", path, owner, NULL);
          g_assert_cmpuint (charge->status / 100, ==, 2);
        }
      else if (g_str_has_suffix (route->pattern, "/debit-schedule"))
        id = scheduled_invoice (owner, cid);
      else
        id = need_invoice (owner, cid, INVOICE_ANY);
    }
  else
    g_assert_null (param);

  if (param != NULL)
    route_call_set (call, param, id);
  prepare_body (route, owner, cid, call);
  return call;
}

static void
assert_success (Reply *reply)
{
  if (reply->status / 100 != 2)
    g_test_message ("answer: %.*s", (int) g_bytes_get_size (reply->body),
                    (const char *) g_bytes_get_data (reply->body, NULL));
  g_assert_cmpuint (reply->status / 100, ==, 2);
}

/* Who in the Oficina holds @permission: Ana (services), Júlia (invoices),
 * otherwise only its owner */
static const char *
oficina_member_token (const char *permission)
{
  if (g_str_equal (permission, "services"))
    return demo_token;
  if (g_str_equal (permission, "invoices"))
    return viewer_token;
  return partner_token;
}

static void
test_authz_own_contract_allowed (void)
{
  g_autoptr(GPtrArray) routes = contract_routes ();
  g_autofree char *ana = me_contract_id (session, URL, demo_token, "Ana Souza");
  g_autofree char *oficina = me_contract_id (session, URL, demo_token, "Oficina Ribeiro ME");
  g_autofree char *ana_sid = first_service_id (demo_token, ana);
  g_autofree char *oficina_sid = first_service_id (demo_token, oficina);

  /* the owner, and a member with the permission */
  for (guint i = 0; i < routes->len; i++)
    {
      const SanPortaldRoute *route = routes->pdata[i];
      g_autoptr(RouteCall) own_call = prepare_call (route, demo_token, ana, ana_sid);
      g_autoptr(Reply) own = send_route (route, demo_token, own_call);
      g_autoptr(RouteCall) member_call = prepare_call (route, partner_token, oficina, oficina_sid);
      g_autoptr(Reply) member = send_route (route, oficina_member_token (route->permission), member_call);

      assert_success (own);
      assert_success (member);
    }
}

static void
test_authz_other_contract_forbidden (void)
{
  g_autoptr(GPtrArray) routes = contract_routes ();
  g_autofree char *other_cid = me_contract_id (session, URL, other_token, "Carlos Mendes");
  g_autofree char *other_sid = first_service_id (other_token, other_cid);

  for (guint i = 0; i < routes->len; i++)
    {
      const SanPortaldRoute *route = routes->pdata[i];
      g_autoptr(RouteCall) call = prepare_call (route, other_token, other_cid, other_sid);
      g_autoptr(Reply) reply = send_route (route, demo_token, call);
      g_autoptr(Reply) owner = send_route (route, other_token, call);

      assert_problem (reply, 403, "forbidden");
      /* while its owner gets in, with the very same request */
      assert_success (owner);
    }
}

static void
test_authz_unknown_contract_forbidden (void)
{
  g_autoptr(GPtrArray) routes = contract_routes ();
  g_autofree char *other_cid = me_contract_id (session, URL, other_token, "Carlos Mendes");
  static const char * const cids[] = { "999999", "0", "abc", "-1", "1.0", "99999999999999999999999" };

  for (guint i = 0; i < routes->len; i++)
    {
      /* the reference answer: a contract that exists but isn't ours */
      g_autoptr(RouteCall) existing_call = placeholder_call (routes->pdata[i], other_cid);
      g_autoptr(Reply) existing = send_route (routes->pdata[i], demo_token, existing_call);

      for (guint c = 0; c < G_N_ELEMENTS (cids); c++)
        {
          g_autoptr(RouteCall) call = placeholder_call (routes->pdata[i], cids[c]);
          g_autoptr(Reply) reply = send_route (routes->pdata[i], demo_token, call);

          assert_problem (reply, 403, "forbidden");
          /* the same answer either way: ids can't be probed */
          g_assert_true (g_bytes_equal (reply->body, existing->body));
        }
    }
}

/* An id of @param's kind that belongs to the contract @cid */
static char *
foreign_id (const char *param,
            const char *owner,
            const char *cid)
{
  if (g_str_equal (param, "sid"))
    return first_service_id (owner, cid);
  if (g_str_equal (param, "iid"))
    return need_invoice (owner, cid, INVOICE_ANY);
  if (g_str_equal (param, "card"))
    return new_card (owner, cid);
  if (g_str_equal (param, "account"))
    return some_bank_account (owner, cid);
  if (g_str_equal (param, "nid"))
    return some_note (owner, cid, NULL);
  if (g_str_equal (param, "tid"))
    return new_ticket (owner, cid);
  if (g_str_equal (param, "aid"))
    return new_attachment (owner, cid);
  if (g_str_equal (param, "eid"))
    return some_email (owner, cid);
  g_assert_not_reached ();
}

static void
test_authz_foreign_ids_not_found (void)
{
  g_autoptr(GPtrArray) routes = contract_routes ();
  g_autofree char *ana = me_contract_id (session, URL, demo_token, "Ana Souza");
  g_autofree char *padaria = me_contract_id (session, URL, demo_token, "Padaria Pão Quente Ltda");
  g_autofree char *other_cid = me_contract_id (session, URL, other_token, "Carlos Mendes");
  g_autoptr(GHashTable) checked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  static const char * const params[] = { "sid", "iid", "card", "account", "nid", "tid", "aid", "eid" };
  static const char * const bad_ids[] = { "999999", "0", "abc", "-1" };

  for (guint i = 0; i < routes->len; i++)
    {
      const SanPortaldRoute *route = routes->pdata[i];
      g_autofree char *param = route_id_param (route);
      g_autofree char *sibling = NULL;
      g_autofree char *stranger = NULL;
      g_autoptr(RouteCall) call = NULL;

      if (param == NULL)
        continue;

      /* our other contract's, and another customer's (when they have one) */
      sibling = foreign_id (param, demo_token, padaria);
      if (!g_str_equal (param, "card") && !g_str_equal (param, "account"))
        stranger = foreign_id (param, other_token, other_cid);

      call = route_call_new (ana);
      prepare_body (route, demo_token, ana, call);
      route_call_set (call, param, sibling);
      {
        g_autoptr(Reply) reply = send_route (route, demo_token, call);

        assert_problem (reply, 404, "not_found");
      }
      if (stranger != NULL)
        {
          g_autoptr(Reply) reply = NULL;

          g_free (call->key);
          call->key = g_uuid_string_random ();
          route_call_set (call, param, stranger);
          reply = send_route (route, demo_token, call);
          assert_problem (reply, 404, "not_found");
        }
      /* ids that can't exist */
      for (guint b = 0; b < G_N_ELEMENTS (bad_ids); b++)
        {
          g_autoptr(Reply) reply = NULL;

          g_free (call->key);
          call->key = g_uuid_string_random ();
          route_call_set (call, param, bad_ids[b]);
          reply = send_route (route, demo_token, call);
          assert_problem (reply, 404, "not_found");
        }
      g_hash_table_add (checked, g_steal_pointer (&param));
    }

  /* every kind of id some route takes */
  for (guint p = 0; p < G_N_ELEMENTS (params); p++)
    g_assert_true (g_hash_table_contains (checked, params[p]));
}

static void
test_authz_missing_permission_forbidden (void)
{
  g_autoptr(GPtrArray) routes = contract_routes ();
  g_autofree char *oficina = me_contract_id (session, URL, viewer_token, "Oficina Ribeiro ME");
  guint checked = 0;

  for (guint i = 0; i < routes->len; i++)
    {
      const SanPortaldRoute *route = routes->pdata[i];
      g_autoptr(RouteCall) call = NULL;
      g_autoptr(Reply) viewer = NULL;
      g_autoptr(Reply) demo = NULL;

      /* Júlia holds only "invoices" in the Oficina, Ana only "services" */
      call = placeholder_call (route, oficina);
      viewer = send_route (route, viewer_token, call);
      demo = send_route (route, demo_token, call);
      if (!g_str_equal (route->permission, "invoices"))
        {
          assert_problem (viewer, 403, "forbidden");
          checked++;
        }
      if (!g_str_equal (route->permission, "services"))
        {
          assert_problem (demo, 403, "forbidden");
          checked++;
        }
    }
  g_assert_cmpuint (checked, >=, routes->len);
}

/* The staff desk routes */
static GPtrArray *
staff_routes (void)
{
  GPtrArray *result = g_ptr_array_new ();
  const SanPortaldRoute *routes;
  guint n;

  routes = san_portald_server_get_routes (&n);
  for (guint i = 0; i < n; i++)
    if (g_str_has_prefix (routes[i].pattern, "/api/v1/staff/"))
      g_ptr_array_add (result, (gpointer) &routes[i]);
  g_assert_cmpuint (result->len, >=, 6);
  return result;
}

/* The table: "staff" is the permission of the routes under /api/v1/staff/ and of no other */
static void
test_authz_staff_permission_only_on_staff_routes (void)
{
  const SanPortaldRoute *routes;
  guint n;

  routes = san_portald_server_get_routes (&n);
  for (guint i = 0; i < n; i++)
    {
      gboolean staff_route = g_str_has_prefix (routes[i].pattern, "/api/v1/staff/");

      g_test_message ("%s %s", routes[i].method, routes[i].pattern);
      g_assert_cmpint (staff_route, ==, g_strcmp0 (routes[i].permission, "staff") == 0);
      if (staff_route)
        g_assert_false (routes[i].public);
    }
}

static void
test_authz_staff_routes_need_staff_role (void)
{
  g_autoptr(GPtrArray) routes = staff_routes ();
  const char * const customers[] = { demo_token, other_token, viewer_token, partner_token };

  for (guint i = 0; i < routes->len; i++)
    {
      const SanPortaldRoute *route = routes->pdata[i];
      g_autoptr(RouteCall) call = placeholder_call (route, "1");
      g_autoptr(Reply) staff = send_route (route, staff_token, call);

      for (guint c = 0; c < G_N_ELEMENTS (customers); c++)
        {
          g_autoptr(Reply) reply = send_route (route, customers[c], call);

          assert_problem (reply, 403, "forbidden");
        }
      /* staff get past authorization (the placeholder ids may not exist) */
      g_assert_cmpuint (staff->status, !=, 401);
      g_assert_cmpuint (staff->status, !=, 403);
      g_assert_cmpuint (staff->status, <, 500);
    }
}

/* The newest audit entry (NULL when the log is empty); its total in *@out_total */
static JsonObject *
newest_audit_entry (gint64 *out_total)
{
  g_autoptr(Reply) reply = get ("/api/v1/staff/audit?limit=1", staff_token);
  JsonArray *items = page_items (reply);

  *out_total = json_object_get_int_member (reply_object (reply), "total");
  if (json_array_get_length (items) == 0)
    return NULL;
  return json_object_ref (json_array_get_object_element (items, 0));
}

/* The path a RouteCall sends */
static char *
route_path (const SanPortaldRoute *route,
            RouteCall             *call)
{
  g_autoptr(GString) path = g_string_new (route->pattern);
  GHashTableIter iter;
  gpointer name;
  gpointer value;

  g_hash_table_iter_init (&iter, call->params);
  while (g_hash_table_iter_next (&iter, &name, &value))
    {
      g_autofree char *pattern = g_strdup_printf ("{%s}", (const char *) name);

      g_string_replace (path, pattern, value, 0);
    }
  return g_string_free (g_steal_pointer (&path), FALSE);
}

/* Staff GET any contract's routes as its owner would, each read recorded */
static void
test_authz_staff_reads_every_contract_audited (void)
{
  g_autoptr(GPtrArray) routes = contract_routes ();
  g_autofree char *other_cid = me_contract_id (session, URL, other_token, "Carlos Mendes");
  g_autofree char *other_sid = first_service_id (other_token, other_cid);
  g_autoptr(Reply) staff_me = get ("/api/v1/me", staff_token);
  const char *staff_id = json_object_get_string_member (json_object_get_object_member (reply_object (staff_me), "user"),
                                                        "id");
  guint checked = 0;

  for (guint i = 0; i < routes->len; i++)
    {
      const SanPortaldRoute *route = routes->pdata[i];
      g_autoptr(RouteCall) call = NULL;
      g_autoptr(Reply) staff = NULL;
      g_autoptr(Reply) owner = NULL;
      g_autoptr(JsonObject) previous = NULL;
      g_autoptr(JsonObject) entry = NULL;
      g_autofree char *path = NULL;
      gint64 before = 0;
      gint64 after = 0;

      if (!g_str_equal (route->method, "GET"))
        continue;
      call = prepare_call (route, other_token, other_cid, other_sid);
      path = route_path (route, call);
      previous = newest_audit_entry (&before);

      staff = send_route (route, staff_token, call);
      owner = send_route (route, other_token, call);
      assert_success (staff);
      assert_success (owner);
      /* what the owner sees: the same JSON, byte for byte (a PIX charge
       * counts its seconds down between the two answers, the status its live
       * metrics and the event seq), the same kind of document (a PDF carries
       * the second it was made) */
      g_assert_cmpstr (reply_header (staff, "Content-Type"), ==, reply_header (owner, "Content-Type"));
      if (staff->json != NULL && !g_str_has_suffix (route->pattern, "/pix") &&
          !g_str_has_suffix (route->pattern, "/status"))
        g_assert_true (g_bytes_equal (staff->body, owner->body));

      entry = newest_audit_entry (&after);
      g_assert_cmpint (after, ==, before + 1);
      g_assert_nonnull (entry);
      g_assert_cmpstr (json_object_get_string_member (entry, "method"), ==, "GET");
      g_assert_cmpstr (json_object_get_string_member (entry, "path"), ==, path);
      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (entry, "user"), "id"),
                       ==, staff_id);
      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (entry, "contract"), "id"),
                       ==, other_cid);
      checked++;
    }
  g_assert_cmpuint (checked, >=, 10);
}

/* Staff may not write through contract routes: 403, nothing recorded, and
 * the very same request still works for the owner afterwards. On the
 * Padaria: the other tests leave its overdue invoices unpaid. */
static void
test_authz_staff_writes_forbidden (void)
{
  g_autoptr(GPtrArray) routes = contract_routes ();
  g_autofree char *padaria = me_contract_id (session, URL, demo_token, "Padaria Pão Quente Ltda");
  g_autofree char *padaria_sid = first_service_id (demo_token, padaria);
  guint checked = 0;

  for (guint i = 0; i < routes->len; i++)
    {
      const SanPortaldRoute *route = routes->pdata[i];
      g_autoptr(RouteCall) call = NULL;
      g_autoptr(Reply) staff = NULL;
      g_autoptr(Reply) owner = NULL;
      g_autoptr(JsonObject) before_entry = NULL;
      g_autoptr(JsonObject) after_entry = NULL;
      gint64 before = 0;
      gint64 after = 0;

      if (g_str_equal (route->method, "GET"))
        continue;
      call = prepare_call (route, demo_token, padaria, padaria_sid);
      before_entry = newest_audit_entry (&before);
      staff = send_route (route, staff_token, call);
      assert_problem (staff, 403, "forbidden");
      after_entry = newest_audit_entry (&after);
      g_assert_cmpint (after, ==, before);

      owner = send_route (route, demo_token, call);
      assert_success (owner);
      checked++;
    }
  g_assert_cmpuint (checked, >=, 10);
}

/* A contract that does not exist: 403 for staff too, the customers' answer */
static void
test_authz_staff_unknown_contract_forbidden (void)
{
  g_autoptr(GPtrArray) routes = contract_routes ();
  static const char * const cids[] = { "999999", "0", "abc", "-1" };
  gint64 before = 0;
  gint64 after = 0;
  g_autoptr(JsonObject) before_entry = newest_audit_entry (&before);
  g_autoptr(JsonObject) after_entry = NULL;

  for (guint i = 0; i < routes->len; i++)
    {
      const SanPortaldRoute *route = routes->pdata[i];

      if (!g_str_equal (route->method, "GET"))
        continue;
      for (guint c = 0; c < G_N_ELEMENTS (cids); c++)
        {
          g_autoptr(RouteCall) call = placeholder_call (route, cids[c]);
          g_autoptr(Reply) staff = send_route (route, staff_token, call);
          g_autoptr(Reply) customer = send_route (route, demo_token, call);

          assert_problem (staff, 403, "forbidden");
          g_assert_true (g_bytes_equal (staff->body, customer->body));
        }
    }
  after_entry = newest_audit_entry (&after);
  g_assert_cmpint (after, ==, before);
}

static void
test_authz_every_route_needs_token (void)
{
  const SanPortaldRoute *routes;
  guint n;

  routes = san_portald_server_get_routes (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RouteCall) call = NULL;
      g_autoptr(Reply) reply = NULL;

      if (routes[i].public)
        continue;
      call = placeholder_call (&routes[i], "1");
      reply = send_route (&routes[i], NULL, call);
      assert_problem (reply, 401, "unauthenticated");
    }
}

/* The admin interface's routes: every one of the table under /admin/v1/ is
 * public to the router (it checks the admin token itself, before anything
 * else) and, on a server without --admin-token like this one, is not there
 * at all: no user's token, staff's included, reaches it */
static void
test_authz_admin_routes_disabled (void)
{
  const SanPortaldRoute *routes;
  const char * const tokens[] = { NULL, demo_token, staff_token };
  guint checked = 0;
  guint n;

  routes = san_portald_server_get_routes (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RouteCall) call = NULL;

      if (!routes[i].admin)
        {
          g_assert_false (g_str_has_prefix (routes[i].pattern, "/admin/"));
          continue;
        }
      g_assert_true (g_str_has_prefix (routes[i].pattern, "/admin/v1/"));
      g_assert_true (routes[i].public);
      g_assert_null (routes[i].permission);
      call = placeholder_call (&routes[i], "1");
      for (guint t = 0; t < G_N_ELEMENTS (tokens); t++)
        {
          g_autoptr(Reply) reply = send_route (&routes[i], tokens[t], call);

          g_test_message ("%s %s", routes[i].method, routes[i].pattern);
          assert_problem (reply, 404, "not_found");
        }
      checked++;
    }
  g_assert_cmpuint (checked, >=, 5);
}

/* E-mails and transactions (the library itself, no server): an e-mail
 * written inside a transaction reaches the spool when it commits, never when
 * it is rolled back; outside one, at once */
static void
test_mail_spool_follows_transaction (void)
{
  g_autofree char *dir = temp_dir_new ();
  g_autofree char *db_path = g_build_filename (dir, "portal.db", NULL);
  g_autofree char *spool = g_build_filename (dir, "spool", NULL);
  g_autoptr(GError) error = NULL;
  SanPortaldDb *db = san_portald_db_open (db_path, &error);
  gint64 user;
  gint64 contract;

  g_assert_no_error (error);
  g_assert_true (san_portald_mail_set_spool_dir (spool, &error));
  user = san_portald_db_add_user (db, "mail@example.com", "Mail Test", "not-a-hash", &error);
  g_assert_cmpint (user, >, 0);
  contract = san_portald_db_add_contract (db, "Mail Test", "318.472.659-28", user, &error);
  g_assert_cmpint (contract, >, 0);

  /* rolled back: no .eml, nothing left behind */
  g_assert_true (san_portald_db_begin (db, &error));
  g_assert_true (san_portald_mail_send (db, contract, SAN_PORTALD_MAIL_ACCOUNT, "Desfeito", "texto", "<p>texto</p>",
                                        &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dir_count_files (spool, ".eml"), ==, 0);
  san_portald_db_rollback (db);
  g_assert_cmpuint (dir_count_files (spool, NULL), ==, 0);

  /* committed: the .eml appears with the commit */
  g_assert_true (san_portald_db_begin (db, &error));
  g_assert_true (san_portald_mail_send (db, contract, SAN_PORTALD_MAIL_ACCOUNT, "Feito", "texto", "<p>texto</p>",
                                        &error));
  g_assert_cmpuint (dir_count_files (spool, ".eml"), ==, 0);
  g_assert_true (san_portald_db_commit (db, &error));
  g_assert_cmpuint (dir_count_files (spool, ".eml"), ==, 1);
  g_assert_cmpuint (dir_count_files (spool, NULL), ==, 1);

  /* no transaction: at once */
  g_assert_true (san_portald_mail_send (db, contract, SAN_PORTALD_MAIL_ACCOUNT, "Avulso", "texto", "<p>texto</p>",
                                        &error));
  g_assert_cmpuint (dir_count_files (spool, ".eml"), ==, 2);

  /* a transaction the connection never ended: as if rolled back */
  g_assert_true (san_portald_db_begin (db, &error));
  g_assert_true (san_portald_mail_send (db, contract, SAN_PORTALD_MAIL_ACCOUNT, "Aberto", "texto", "<p>texto</p>",
                                        &error));
  san_portald_db_close (db);
  g_assert_cmpuint (dir_count_files (spool, NULL), ==, 2);

  temp_dir_remove (spool);
  temp_dir_remove (dir);
}

int
main (int    argc,
      char **argv)
{
  const char * const args[] = { "--pix-settle-after", "0", NULL };
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/portald/me/demo-user", test_me_demo_user);
  g_test_add_func ("/portald/me/other-users", test_me_other_users);
  g_test_add_func ("/portald/me/role", test_me_role);
  g_test_add_func ("/portald/services/list", test_services_list);
  g_test_add_func ("/portald/services/demo-is-varied", test_services_demo_is_varied);
  g_test_add_func ("/portald/services/status-filter", test_services_status_filter);
  g_test_add_func ("/portald/services/search", test_services_search);
  g_test_add_func ("/portald/services/pagination", test_services_pagination);
  g_test_add_func ("/portald/services/bad-parameters", test_services_bad_parameters);
  g_test_add_func ("/portald/services/detail", test_services_detail);
  g_test_add_func ("/portald/services/detail-unknown", test_services_detail_unknown);
  g_test_add_func ("/portald/routes/unknown", test_routes_unknown);
  g_test_add_func ("/portald/routes/wrong-method", test_routes_wrong_method);
  g_test_add_func ("/portald/authz/own-contract-allowed", test_authz_own_contract_allowed);
  g_test_add_func ("/portald/authz/other-contract-forbidden", test_authz_other_contract_forbidden);
  g_test_add_func ("/portald/authz/unknown-contract-forbidden", test_authz_unknown_contract_forbidden);
  g_test_add_func ("/portald/authz/foreign-ids-not-found", test_authz_foreign_ids_not_found);
  g_test_add_func ("/portald/authz/missing-permission-forbidden", test_authz_missing_permission_forbidden);
  g_test_add_func ("/portald/authz/staff/permission-only-on-staff-routes",
                   test_authz_staff_permission_only_on_staff_routes);
  g_test_add_func ("/portald/authz/staff/routes-need-staff-role", test_authz_staff_routes_need_staff_role);
  g_test_add_func ("/portald/authz/staff/reads-every-contract-audited", test_authz_staff_reads_every_contract_audited);
  g_test_add_func ("/portald/authz/staff/writes-forbidden", test_authz_staff_writes_forbidden);
  g_test_add_func ("/portald/authz/staff/unknown-contract-forbidden", test_authz_staff_unknown_contract_forbidden);
  g_test_add_func ("/portald/authz/every-route-needs-token", test_authz_every_route_needs_token);
  g_test_add_func ("/portald/authz/admin/routes-disabled-without-admin-token", test_authz_admin_routes_disabled);
  g_test_add_func ("/portald/mail/spool-follows-transaction", test_mail_spool_follows_transaction);

  /* no PIX charge pays itself while the matrix runs */
  server = san_test_server_start (TRUE, args);
  session = test_session_new (NULL);
  demo_token = login (session, URL, "demo@example.com", "demo-1234", NULL);
  other_token = login (session, URL, "other@example.com", "other-1234", NULL);
  viewer_token = login (session, URL, "viewer@example.com", "viewer-1234", NULL);
  partner_token = login (session, URL, "partner@example.com", "partner-1234", NULL);
  staff_token = login (session, URL, "staff@example.com", "staff-1234", NULL);

  status = g_test_run ();

  g_free (demo_token);
  g_free (other_token);
  g_free (viewer_token);
  g_free (partner_token);
  g_free (staff_token);
  g_clear_object (&session);
  g_clear_pointer (&server, san_test_server_stop);
  return status;
}
