/* test-parse.c: answers that are not what the API promises, through the
 * public API against an in-process server
 *
 * Each must end as the right SAN_API_ERROR: never a crash, never a
 * half-built model.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "san-api-test.h"
#include "san-fake-server.h"

#define SERVICE_PATH "/api/v1/contracts/c1/services/s1"
#define LIST_PATH    "/api/v1/contracts/c1/services"
#define ME_PATH      "/api/v1/me"

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
  fake_server_free (f->fake);
}

static SanService *
get_service (Fixture  *f,
             GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  Waiter waiter = { 0 };

  san_client_get_service_async (f->client, "c1", "s1", NULL, waiter_cb, &waiter);
  result = waiter_wait (&waiter);
  return san_client_get_service_finish (f->client, result, error);
}

static SanPage *
list_services (Fixture  *f,
               GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  Waiter waiter = { 0 };

  san_client_list_services_async (f->client, "c1", NULL, NULL, NULL, 0, NULL, waiter_cb, &waiter);
  result = waiter_wait (&waiter);
  return san_client_list_services_finish (f->client, result, error);
}

static SanMe *
fetch_me (Fixture  *f,
          GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  Waiter waiter = { 0 };

  san_client_fetch_me_async (f->client, NULL, waiter_cb, &waiter);
  result = waiter_wait (&waiter);
  return san_client_fetch_me_finish (f->client, result, error);
}

/* A service: valid */

static void
test_service_valid (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanService) service = NULL;
  g_autofree char *json = g_strdup_printf (FAKE_SERVICE_JSON_FMT, "s1", "suspended", "\"2026-12-15\"");
  g_autoptr(GDate) due = NULL;
  const GDate *date;
  SanInstance *instance;
  SanServiceStatus status;

  fake_server_set_answer (f->fake, "GET", SERVICE_PATH, TRUE, 200, NULL, json, NULL);
  service = get_service (f, &error);
  g_assert_no_error (error);
  g_assert_true (SAN_IS_SERVICE (service));

  g_assert_cmpstr (san_service_get_id (service), ==, "s1");
  g_assert_cmpstr (san_service_get_contract_id (service), ==, "c1");
  g_assert_cmpstr (san_service_get_product (service), ==, "Hospedagem Linux");
  g_assert_cmpstr (san_service_get_plan (service), ==, "Plano M");
  g_assert_cmpstr (san_service_get_domain (service), ==, "padaria.com.br");
  g_assert_cmpint (san_service_get_kind (service), ==, SAN_SERVICE_KIND_SHARED);
  g_assert_cmpint (san_service_get_status (service), ==, SAN_SERVICE_STATUS_SUSPENDED);
  g_assert_cmpint (san_service_get_billing_cycle (service), ==, SAN_BILLING_CYCLE_ANNUAL);
  g_assert_cmpint (san_service_get_price_cents (service), ==, 2990);
  g_assert_cmpint (san_service_get_support_level (service), ==, SAN_SUPPORT_LEVEL_BUSINESS);
  g_assert_cmpint (san_service_get_payment_method (service), ==, SAN_PAYMENT_METHOD_BANK_DEBIT);

  date = san_service_get_next_due_date (service);
  g_assert_nonnull (date);
  g_assert_cmpint (g_date_get_year (date), ==, 2026);
  g_assert_cmpint (g_date_get_month (date), ==, 12);
  g_assert_cmpint (g_date_get_day (date), ==, 15);
  date = san_service_get_status_since (service);
  g_assert_nonnull (date);
  g_assert_cmpint (g_date_get_year (date), ==, 2026);
  g_assert_cmpint (g_date_get_day (date), ==, 15);
  g_assert_cmpint (g_date_get_month (date), ==, 1);

  instance = san_service_get_instance (service);
  g_assert_true (SAN_IS_INSTANCE (instance));
  g_assert_cmpstr (san_instance_get_id (instance), ==, "i7");
  g_assert_cmpstr (san_instance_get_name (instance), ==, "br-sp-shared-07");
  g_assert_cmpstr (san_instance_get_hostname (instance), ==, "sh07.saninternet.com");
  g_assert_cmpstr (san_instance_get_region (instance), ==, "São Paulo");

  /* The properties say the same */
  g_object_get (service, "status", &status, "next-due-date", &due, NULL);
  g_assert_cmpint (status, ==, SAN_SERVICE_STATUS_SUSPENDED);
  g_assert_nonnull (due);
  g_assert_cmpint (g_date_compare (due, san_service_get_next_due_date (service)), ==, 0);
}

/* next_due_date and instance may be null, domain may be empty */
static void
test_service_nulls (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanService) service = NULL;
  g_autofree char *json = g_strdup_printf (FAKE_SERVICE_JSON_FMT, "s1", "cancelled", "null");
  g_autoptr(JsonNode) root = json_from_string (json, NULL);
  g_autofree char *changed = NULL;

  json_object_set_null_member (json_node_get_object (root), "instance");
  json_object_set_string_member (json_node_get_object (root), "domain", "");
  changed = json_to_string (root, FALSE);

  fake_server_set_answer (f->fake, "GET", SERVICE_PATH, TRUE, 200, NULL, changed, NULL);
  service = get_service (f, &error);
  g_assert_no_error (error);
  g_assert_null (san_service_get_next_due_date (service));
  g_assert_null (san_service_get_instance (service));
  g_assert_cmpstr (san_service_get_domain (service), ==, "");
  g_assert_cmpint (san_service_get_status (service), ==, SAN_SERVICE_STATUS_CANCELLED);
}

/* A service: one member wrong */

typedef struct
{
  const char *name;
  const char *member;
  const char *value;     /* raw JSON; NULL removes the member */
} BadMember;

static const BadMember bad_services[] = {
  { "id-number", "id", "1" },
  { "id-empty", "id", "\"\"" },
  { "id-null", "id", "null" },
  { "contract-id-missing", "contract_id", NULL },
  { "plan-missing", "plan", NULL },
  { "product-object", "product", "{}" },
  { "domain-null", "domain", "null" },
  { "price-string", "price_cents", "\"2990\"" },
  { "price-fraction", "price_cents", "29.90" },
  { "price-negative", "price_cents", "-1" },
  { "price-boolean", "price_cents", "true" },
  { "price-missing", "price_cents", NULL },
  { "status-unknown", "status", "\"paused\"" },
  { "status-upper-case", "status", "\"ACTIVE\"" },
  { "status-number", "status", "1" },
  { "kind-unknown", "kind", "\"vps\"" },
  { "cycle-unknown", "billing_cycle", "\"weekly\"" },
  { "support-level-unknown", "support_level", "\"gold\"" },
  { "payment-method-nick", "payment_method", "\"bank-debit\"" },
  { "bad-date", "next_due_date", "\"2026-02-30\"" },
  { "date-brazilian", "next_due_date", "\"15/12/2026\"" },
  { "date-with-time", "next_due_date", "\"2026-12-15T00:00:00Z\"" },
  { "date-number", "next_due_date", "20261215" },
  { "date-missing", "next_due_date", NULL },
  { "status-since-null", "status_since", "null" },
  { "status-since-month-13", "status_since", "\"2026-13-01\"" },
  { "created-at-bad", "created_at", "\"yesterday\"" },
  { "created-at-no-offset", "created_at", "\"2026-01-10T12:00:00\"" },
  { "instance-missing", "instance", NULL },
  { "instance-string", "instance", "\"br-sp-shared-07\"" },
  { "instance-no-hostname", "instance", "{\"id\":\"i7\",\"name\":\"n\",\"region\":\"r\"}" },
  { "instance-id-number", "instance", "{\"id\":7,\"name\":\"n\",\"hostname\":\"h\",\"region\":\"r\"}" },
};

static void
test_service_bad_member (Fixture       *f,
                         gconstpointer  data)
{
  const BadMember *bad = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SanService) service = NULL;
  g_autofree char *json = fake_service_json_with (bad->member, bad->value);

  fake_server_set_answer (f->fake, "GET", SERVICE_PATH, TRUE, 200, NULL, json, NULL);
  service = get_service (f, &error);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED);
  g_assert_null (service);
  /* The message names what is wrong */
  assert_message_contains (error, bad->member);
  /* The client goes on: the session is intact */
  g_assert_true (san_client_get_signed_in (f->client));
}

/* The service of another id is not the one asked for */
static void
test_service_other_id (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanService) service = NULL;
  g_autofree char *json = g_strdup_printf (FAKE_SERVICE_JSON_FMT, "s2", "active", "null");

  fake_server_set_answer (f->fake, "GET", SERVICE_PATH, TRUE, 200, NULL, json, NULL);
  service = get_service (f, &error);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED);
  g_assert_null (service);
}

/* /me */

#define CONTRACT_JSON(id, owner, permissions) \
  "{\"id\":\"" id "\",\"name\":\"Padaria Pão Quente Ltda\",\"document\":\"11222333000181\"," \
  "\"owner\":" owner ",\"permissions\":" permissions "}"

static void
test_me_valid (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanMe) me = NULL;
  g_autoptr(SanContract) first = NULL;
  SanContract *member;
  const char *body =
    "{\"user\":" FAKE_USER_JSON ",\"contracts\":["
    CONTRACT_JSON ("c1", "true", "[\"profile\",\"services\",\"invoices\"]") ","
    CONTRACT_JSON ("c3", "false", "[\"services\",\"some_future_word\"]") "]}";

  fake_server_set_answer (f->fake, "GET", ME_PATH, TRUE, 200, NULL, body, NULL);
  me = fetch_me (f, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (san_user_get_id (san_me_get_user (me)), ==, "u1");
  g_assert_cmpstr (san_user_get_email (san_me_get_user (me)), ==, "ana@example.com");
  g_assert_cmpstr (san_user_get_display_name (san_me_get_user (me)), ==, "Ana Souza");
  g_assert_cmpuint (g_list_model_get_n_items (san_me_get_contracts (me)), ==, 2);
  g_assert_true (g_list_model_get_item_type (san_me_get_contracts (me)) == SAN_TYPE_CONTRACT);

  first = g_list_model_get_item (san_me_get_contracts (me), 0);
  g_assert_cmpstr (san_contract_get_id (first), ==, "c1");
  g_assert_cmpstr (san_contract_get_name (first), ==, "Padaria Pão Quente Ltda");
  g_assert_cmpstr (san_contract_get_document (first), ==, "11222333000181");
  g_assert_true (san_contract_get_owner (first));
  /* The owner has every permission */
  g_assert_true (san_contract_has_permission (first, SAN_PERMISSION_TICKETS));

  member = san_me_find_contract (me, "c3");
  g_assert_nonnull (member);
  g_assert_false (san_contract_get_owner (member));
  g_assert_true (san_contract_has_permission (member, SAN_PERMISSION_SERVICES));
  g_assert_false (san_contract_has_permission (member, SAN_PERMISSION_INVOICES));
  g_assert_cmpuint (g_strv_length ((char **) san_contract_get_permissions (member)), ==, 2);
  g_assert_null (san_me_find_contract (me, "c2"));
}

typedef struct
{
  const char *name;
  const char *body;
} BadBody;

static const BadBody bad_mes[] = {
  { "missing-user", "{\"contracts\":[]}" },
  { "user-null", "{\"user\":null,\"contracts\":[]}" },
  { "user-not-object", "{\"user\":\"ana\",\"contracts\":[]}" },
  { "user-email-missing", "{\"user\":{\"id\":\"u1\",\"display_name\":\"A\"},\"contracts\":[]}" },
  { "contracts-missing", "{\"user\":" FAKE_USER_JSON "}" },
  { "contracts-not-array", "{\"user\":" FAKE_USER_JSON ",\"contracts\":{}}" },
  { "contract-not-object", "{\"user\":" FAKE_USER_JSON ",\"contracts\":[\"c1\"]}" },
  { "owner-not-boolean", "{\"user\":" FAKE_USER_JSON ",\"contracts\":["
    CONTRACT_JSON ("c1", "\"true\"", "[]") "]}" },
  { "permissions-not-array", "{\"user\":" FAKE_USER_JSON ",\"contracts\":["
    CONTRACT_JSON ("c1", "true", "\"services\"") "]}" },
  { "permission-not-string", "{\"user\":" FAKE_USER_JSON ",\"contracts\":["
    CONTRACT_JSON ("c1", "true", "[\"services\",3]") "]}" },
  { "contract-listed-twice", "{\"user\":" FAKE_USER_JSON ",\"contracts\":["
    CONTRACT_JSON ("c1", "true", "[]") "," CONTRACT_JSON ("c1", "true", "[]") "]}" },
  { "one-bad-contract", "{\"user\":" FAKE_USER_JSON ",\"contracts\":["
    CONTRACT_JSON ("c1", "true", "[]") ",{\"id\":\"c2\"}]}" },
};

static void
test_me_bad (Fixture       *f,
             gconstpointer  data)
{
  const BadBody *bad = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SanMe) me = NULL;

  fake_server_set_answer (f->fake, "GET", ME_PATH, TRUE, 200, NULL, bad->body, NULL);
  me = fetch_me (f, &error);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED);
  g_assert_null (me);
}

/* Lists */

static void
test_list_valid (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanPage) page = NULL;
  g_autoptr(SanService) second = NULL;
  g_autofree char *s1 = g_strdup_printf (FAKE_SERVICE_JSON_FMT, "s1", "active", "\"2026-12-15\"");
  g_autofree char *s2 = g_strdup_printf (FAKE_SERVICE_JSON_FMT, "s2", "pending", "null");
  g_autofree char *body = g_strdup_printf ("{\"items\":[%s,%s],\"total\":5,\"next_cursor\":\"abc\"}", s1, s2);

  fake_server_set_answer (f->fake, "GET", LIST_PATH, TRUE, 200, NULL, body, NULL);
  page = list_services (f, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (san_page_get_total (page), ==, 5);
  g_assert_cmpstr (san_page_get_next_cursor (page), ==, "abc");
  g_assert_true (g_list_model_get_item_type (san_page_get_items (page)) == SAN_TYPE_SERVICE);
  g_assert_cmpuint (g_list_model_get_n_items (san_page_get_items (page)), ==, 2);
  second = g_list_model_get_item (san_page_get_items (page), 1);
  g_assert_cmpstr (san_service_get_id (second), ==, "s2");
  g_assert_cmpint (san_service_get_status (second), ==, SAN_SERVICE_STATUS_PENDING);
}

static void
test_list_last_page (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanPage) page = NULL;

  fake_server_set_answer (f->fake, "GET", LIST_PATH, TRUE, 200, NULL,
                          "{\"items\":[],\"total\":0,\"next_cursor\":null}", NULL);
  page = list_services (f, &error);
  g_assert_no_error (error);
  g_assert_null (san_page_get_next_cursor (page));
  g_assert_cmpuint (g_list_model_get_n_items (san_page_get_items (page)), ==, 0);
}

static void
test_list_bad (Fixture       *f,
               gconstpointer  data)
{
  const BadBody *bad = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SanPage) page = NULL;
  g_autofree char *good = g_strdup_printf (FAKE_SERVICE_JSON_FMT, "s1", "active", "null");
  g_autofree char *bad_date = g_strdup_printf (FAKE_SERVICE_JSON_FMT, "s2", "active", "\"2026-02-30\"");
  g_autofree char *other = g_strdup_printf (FAKE_SERVICE_JSON_FMT, "s3", "active", "null");
  g_autoptr(GString) other_contract = g_string_new (other);
  g_autoptr(GString) body = g_string_new (bad->body);

  g_string_replace (other_contract, "\"contract_id\":\"c1\"", "\"contract_id\":\"c9\"", 1);
  /* GOOD: a good item; BAD: an item with a bad date; OTHER: of contract c9 */
  g_string_replace (body, "GOOD", good, 0);
  g_string_replace (body, "BAD", bad_date, 0);
  g_string_replace (body, "OTHER", other_contract->str, 0);

  fake_server_set_answer (f->fake, "GET", LIST_PATH, TRUE, 200, NULL, body->str, NULL);
  page = list_services (f, &error);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED);
  g_assert_null (page);
}

static const BadBody bad_lists[] = {
  { "items-missing", "{\"total\":0,\"next_cursor\":null}" },
  { "items-not-array", "{\"items\":{},\"total\":0,\"next_cursor\":null}" },
  { "items-null", "{\"items\":null,\"total\":0,\"next_cursor\":null}" },
  { "item-not-object", "{\"items\":[GOOD,\"s2\"],\"total\":2,\"next_cursor\":null}" },
  { "item-null", "{\"items\":[null],\"total\":1,\"next_cursor\":null}" },
  { "one-bad-item", "{\"items\":[GOOD,BAD,GOOD],\"total\":3,\"next_cursor\":null}" },
  { "item-of-other-contract", "{\"items\":[GOOD,OTHER],\"total\":2,\"next_cursor\":null}" },
  { "total-missing", "{\"items\":[],\"next_cursor\":null}" },
  { "total-negative", "{\"items\":[],\"total\":-1,\"next_cursor\":null}" },
  { "total-string", "{\"items\":[],\"total\":\"0\",\"next_cursor\":null}" },
  { "total-too-small", "{\"items\":[GOOD],\"total\":0,\"next_cursor\":null}" },
  { "next-cursor-missing", "{\"items\":[],\"total\":0}" },
  { "next-cursor-number", "{\"items\":[],\"total\":0,\"next_cursor\":2}" },
  { "next-cursor-empty", "{\"items\":[],\"total\":0,\"next_cursor\":\"\"}" },
};

/* Whole answers */

typedef struct
{
  const char *name;
  guint       status;
  const char *content_type;
  const char *body;
  const char *header;
  int         code;
  const char *message_part;   /* NULL: not checked */
} BadAnswer;

static const BadAnswer bad_answers[] = {
  { "malformed-json", 200, NULL, "{\"user\": {\"id\": ", NULL, SAN_API_ERROR_MALFORMED, "JSON" },
  { "json-array", 200, NULL, "[1,2,3]", NULL, SAN_API_ERROR_MALFORMED, NULL },
  { "json-string", 200, NULL, "\"hello\"", NULL, SAN_API_ERROR_MALFORMED, NULL },
  /* json-glib alone would take these */
  { "two-objects", 200, NULL, "{\"user\":" FAKE_USER_JSON ",\"contracts\":[]}{\"items\":[]}", NULL,
    SAN_API_ERROR_MALFORMED, NULL },
  { "single-quotes", 200, NULL, "{'user':" FAKE_USER_JSON ",'contracts':[]}", NULL, SAN_API_ERROR_MALFORMED, NULL },
  { "problem-then-object", 200, NULL, "{\"code\":\"forbidden\"}{\"user\":" FAKE_USER_JSON ",\"contracts\":[]}",
    NULL, SAN_API_ERROR_MALFORMED, NULL },
  { "empty-200", 200, NULL, "", NULL, SAN_API_ERROR_MALFORMED, "empty" },
  { "no-body-200", 200, NULL, NULL, NULL, SAN_API_ERROR_MALFORMED, NULL },
  { "no-content-204", 204, NULL, NULL, NULL, SAN_API_ERROR_MALFORMED, NULL },
  { "invalid-utf8", 200, NULL, "{\"user\":\"\xff\xfe\"}", NULL, SAN_API_ERROR_MALFORMED, NULL },
  { "html-200", 200, "text/html", "<html><body>Welcome to nginx!</body></html>", NULL,
    SAN_API_ERROR_MALFORMED, NULL },
  { "html-502", 502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>", NULL,
    SAN_API_ERROR_SERVER, "502" },
  { "problem-500", 500, "application/problem+json",
    "{\"title\":\"Internal error\",\"status\":500,\"code\":\"internal_error\"}", NULL,
    SAN_API_ERROR_SERVER, NULL },
  { "empty-503", 503, "text/plain", "", NULL, SAN_API_ERROR_SERVER, NULL },
  { "problem-400-fields", 400, "application/problem+json",
    "{\"title\":\"Validation failed\",\"status\":400,\"code\":\"validation_failed\","
    "\"detail\":\"Some fields are not valid\",\"errors\":["
    "{\"field\":\"status\",\"code\":\"invalid\",\"message\":\"must be one of pending, active\"},"
    "{\"field\":\"limit\",\"code\":\"range\",\"message\":\"must be between 1 and 100\"}]}", NULL,
    SAN_API_ERROR_INVALID_INPUT, "status: must be one of pending, active; limit: must be between 1 and 100" },
  { "problem-400-detail", 400, "application/problem+json",
    "{\"title\":\"Bad JSON\",\"status\":400,\"code\":\"invalid_json\",\"detail\":\"The body is not JSON\"}",
    NULL, SAN_API_ERROR_INVALID_INPUT, "The body is not JSON" },
  { "problem-400-wrong-types", 400, "application/problem+json",
    "{\"code\":7,\"errors\":\"lots\",\"detail\":[]}", NULL, SAN_API_ERROR_INVALID_INPUT, NULL },
  { "plain-400", 400, "text/plain", "bad", NULL, SAN_API_ERROR_INVALID_INPUT, NULL },
  { "problem-403", 403, "application/problem+json",
    "{\"title\":\"Forbidden\",\"status\":403,\"code\":\"forbidden\"}", NULL, SAN_API_ERROR_FORBIDDEN, NULL },
  { "problem-404", 404, "application/problem+json",
    "{\"title\":\"Not found\",\"status\":404,\"code\":\"not_found\"}", NULL, SAN_API_ERROR_NOT_FOUND, NULL },
  { "problem-405", 405, "application/problem+json",
    "{\"title\":\"Method not allowed\",\"status\":405,\"code\":\"method_not_allowed\"}", "Allow: GET",
    SAN_API_ERROR_METHOD_NOT_ALLOWED, NULL },
  { "429-retry-after", 429, "application/problem+json",
    "{\"title\":\"Too many attempts\",\"status\":429,\"code\":\"too_many_attempts\"}", "Retry-After: 30",
    SAN_API_ERROR_RATE_LIMITED, "Try again in 30 seconds" },
  { "429-retry-after-minutes", 429, "application/problem+json",
    "{\"code\":\"too_many_attempts\"}", "Retry-After: 841",
    SAN_API_ERROR_RATE_LIMITED, "Try again in 15 minutes" },
  { "429-no-retry-after", 429, "application/problem+json",
    "{\"code\":\"too_many_attempts\"}", NULL, SAN_API_ERROR_RATE_LIMITED, "later" },
  { "429-http-date", 429, "text/plain", "slow down", "Retry-After: Wed, 21 Oct 2026 07:28:00 GMT",
    SAN_API_ERROR_RATE_LIMITED, "later" },
  { "418", 418, "text/plain", "teapot", NULL, SAN_API_ERROR_FAILED, "418" },
  { "redirect-302", 302, "text/plain", "", "Location: /api/v1/elsewhere", SAN_API_ERROR_MALFORMED, NULL },
};

static void
test_answer_bad (Fixture       *f,
                 gconstpointer  data)
{
  const BadAnswer *bad = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SanMe) me = NULL;

  fake_server_set_answer (f->fake, "GET", ME_PATH, TRUE, bad->status, bad->content_type,
                          bad->body, bad->header);
  me = fetch_me (f, &error);
  g_assert_error (error, SAN_API_ERROR, bad->code);
  g_assert_null (me);
  if (bad->message_part != NULL)
    assert_message_contains (error, bad->message_part);

  /* Errors other than 401 leave the session alone */
  g_assert_true (san_client_get_signed_in (f->client));
  /* Redirects are not followed (they could carry the token elsewhere) */
  g_assert_cmpuint (fake_server_count (f->fake, "GET", "/api/v1/elsewhere"), ==, 0);
}

/* A 400 names its fields on the error itself, and a copy keeps them */
static void
test_answer_field_names (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) copy = NULL;
  g_autoptr(GError) other = NULL;
  g_autoptr(SanMe) me = NULL;
  const char * const *fields;

  fake_server_set_answer (f->fake, "GET", ME_PATH, TRUE, 400, "application/problem+json",
                          "{\"code\":\"validation_failed\",\"errors\":["
                          "{\"field\":\"agency\",\"code\":\"invalid\",\"message\":\"4 digits\"},"
                          "{\"field\":\"account\",\"code\":\"check_digit\",\"message\":\"wrong\"},"
                          "{\"field\":\"agency\",\"code\":\"required\",\"message\":\"again\"},"
                          "{\"code\":\"invalid\",\"message\":\"no field\"}]}", NULL);
  me = fetch_me (f, &error);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_INVALID_INPUT);
  fields = san_api_error_get_fields (error);
  g_assert_cmpuint (g_strv_length ((GStrv) fields), ==, 2);
  g_assert_cmpstr (fields[0], ==, "agency");
  g_assert_cmpstr (fields[1], ==, "account");
  g_assert_true (san_api_error_has_field (error, "account"));
  g_assert_false (san_api_error_has_field (error, "acc"));
  g_assert_false (san_api_error_has_field (error, "holder"));
  /* each field's first message, by name */
  g_assert_cmpstr (san_api_error_get_field_message (error, "agency"), ==, "4 digits");
  g_assert_cmpstr (san_api_error_get_field_message (error, "account"), ==, "wrong");
  g_assert_null (san_api_error_get_field_message (error, "acc"));

  copy = g_error_copy (error);
  g_assert_true (san_api_error_has_field (copy, "agency"));
  g_assert_cmpstr (san_api_error_get_field_message (copy, "account"), ==, "wrong");

  /* other errors name none */
  other = g_error_new_literal (SAN_API_ERROR, SAN_API_ERROR_CONFLICT, "no");
  g_assert_cmpuint (g_strv_length ((GStrv) san_api_error_get_fields (other)), ==, 0);
  g_assert_null (san_api_error_get_field_message (other, "agency"));
  g_clear_error (&other);
  other = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "agency: no");
  g_assert_false (san_api_error_has_field (other, "agency"));
}

/* More than 8 MiB is refused, not read */
static void
test_answer_too_large (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanMe) me = NULL;
  gsize size = 9 * 1024 * 1024;
  g_autofree char *body = g_malloc (size + 1);

  memset (body, ' ', size);
  body[0] = '{';
  body[size - 1] = '}';
  body[size] = '\0';
  fake_server_set_answer (f->fake, "GET", ME_PATH, TRUE, 200, NULL, body, NULL);
  me = fetch_me (f, &error);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED);
  assert_message_contains (error, "too large");
  g_assert_null (me);
}

/* Sign-in answers */

static const BadBody bad_logins[] = {
  { "access-token-missing", "{\"refresh_token\":\"r\",\"token_type\":\"Bearer\",\"expires_in\":900,"
    "\"user\":" FAKE_USER_JSON "}" },
  { "token-type-unknown", "{\"access_token\":\"a\",\"refresh_token\":\"r\",\"token_type\":\"MAC\","
    "\"expires_in\":900,\"user\":" FAKE_USER_JSON "}" },
  { "expires-in-string", "{\"access_token\":\"a\",\"refresh_token\":\"r\",\"token_type\":\"Bearer\","
    "\"expires_in\":\"900\",\"user\":" FAKE_USER_JSON "}" },
  { "user-missing", "{\"access_token\":\"a\",\"refresh_token\":\"r\",\"token_type\":\"Bearer\","
    "\"expires_in\":900}" },
  { "not-json", "OK" },
};

static void
test_login_bad (gconstpointer data)
{
  const BadBody *bad = data;
  g_autoptr(FakeServer) fake = fake_server_new (NULL);
  g_autoptr(SanTokenStore) store = san_memory_token_store_new ();
  g_autoptr(SanClient) client = test_client_new (fake_server_get_url (fake), store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(SanTokens) kept = NULL;
  Waiter waiter = { 0 };

  fake_server_set_answer (fake, "POST", "/api/v1/auth/login", FALSE, 200, NULL, bad->body, NULL);
  san_client_login_async (client, "ana@example.com", FAKE_PASSWORD, NULL, waiter_cb, &waiter);
  result = waiter_wait (&waiter);
  g_assert_false (san_client_login_finish (client, result, &error));
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED);
  g_assert_false (san_client_get_signed_in (client));
  g_assert_null (san_client_get_email (client));
  kept = test_store_load (store, san_client_get_base_uri (client));
  g_assert_null (kept);
}

int
main (int   argc,
      char *argv[])
{
  /* With isolated dirs there are no GSettings schemas, which GIO's GNOME
   * proxy resolver needs: talk to the loopback servers directly */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("/api/parse/service/valid", test_service_valid, NULL);
  ADD ("/api/parse/service/nulls", test_service_nulls, NULL);
  ADD ("/api/parse/service/other-id", test_service_other_id, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (bad_services); i++)
    {
      g_autofree char *path = g_strdup_printf ("/api/parse/service/%s", bad_services[i].name);

      ADD (path, test_service_bad_member, &bad_services[i]);
    }

  ADD ("/api/parse/me/valid", test_me_valid, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (bad_mes); i++)
    {
      g_autofree char *path = g_strdup_printf ("/api/parse/me/%s", bad_mes[i].name);

      ADD (path, test_me_bad, &bad_mes[i]);
    }

  ADD ("/api/parse/list/valid", test_list_valid, NULL);
  ADD ("/api/parse/list/last-page", test_list_last_page, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (bad_lists); i++)
    {
      g_autofree char *path = g_strdup_printf ("/api/parse/list/%s", bad_lists[i].name);

      ADD (path, test_list_bad, &bad_lists[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad_answers); i++)
    {
      g_autofree char *path = g_strdup_printf ("/api/parse/answer/%s", bad_answers[i].name);

      ADD (path, test_answer_bad, &bad_answers[i]);
    }
  ADD ("/api/parse/answer/too-large", test_answer_too_large, NULL);
  ADD ("/api/parse/answer/field-names", test_answer_field_names, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad_logins); i++)
    {
      g_autofree char *path = g_strdup_printf ("/api/parse/login/%s", bad_logins[i].name);

      g_test_add_data_func (path, &bad_logins[i], test_login_bad);
    }

#undef ADD

  return g_test_run ();
}
