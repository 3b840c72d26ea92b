/* test-billing.c: san-portald's billing routes against the real server
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Most tests share one demo server pretending today is 2026-11-24, with
 * PIX auto-settlement off. Tests that change data each take invoices of
 * their own (a contract, a status) so their order does not matter; tests
 * that need other flags start a server of their own.
 */
#include "config.h"

#include <sqlite3.h>

#include "san-boleto-code.h"
#include "san-date.h"
#include "san-document.h"
#include "san-pix-code.h"
#include "san-test-server.h"
#include "portald-test-util.h"

#define TODAY "2026-11-24"
#define ANA "Ana Souza"
#define PADARIA "Padaria Pão Quente Ltda"
#define OFICINA "Oficina Ribeiro ME"
#define MENDES "Carlos Mendes"

static SanTestServer *server;
static SoupSession *session;
static char *demo_token;
static char *viewer_token;
static char *other_token;

static const char * const test_args[] = { "--today", TODAY, "--pix-settle-after", "0", NULL };

#define URL (san_test_server_get_url (server))

/* Requests */

/* A request to the server at @url; the path from a printf() format */
#define call(url, method, token, body, ...) \
  http_request_printf (session, url, method, token, body, __VA_ARGS__)

static Reply *
pay (const char *url,
     const char *token,
     const char *cid,
     const char *iid,
     const char *key,
     const char *body)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/contracts/%s/invoices/%s/payments", cid, iid);
  const char * const headers[] = { "Idempotency-Key", key, NULL };

  return http_request_full (session, url, "POST", path, token, body, key != NULL ? headers : NULL);
}

/* Every invoice of a contract (one page of 100), newest first */
static JsonNode *
all_invoices_at (const char *url,
                 const char *token,
                 const char *cid)
{
  g_autoptr(Reply) reply = call (url, "GET", token, NULL, "/api/v1/contracts/%s/invoices?limit=100", cid);
  JsonObject *page;

  g_assert_cmpuint (reply->status, ==, 200);
  page = reply_object (reply);
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (page, "next_cursor")));
  return json_node_copy (json_object_get_member (page, "items"));
}

typedef enum
{
  PICK_STATUS,          /* status equals */
  PICK_UNPAID_FUTURE,   /* unpaid, not overdue */
  PICK_OVERDUE,         /* unpaid, overdue */
} Pick;

/* The newest invoice of @cid that fits; NULL when none */
static JsonObject *
find_invoice_at (const char *url,
                 const char *token,
                 const char *cid,
                 Pick        pick,
                 const char *status)
{
  g_autoptr(JsonNode) items = all_invoices_at (url, token, cid);
  JsonArray *array = json_node_get_array (items);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *inv = json_array_get_object_element (array, i);
      gboolean unpaid = g_str_equal (member_str (inv, "status"), "unpaid");
      gboolean overdue = json_object_get_boolean_member (inv, "overdue");

      if ((pick == PICK_STATUS && g_str_equal (member_str (inv, "status"), status)) ||
          (pick == PICK_UNPAID_FUTURE && unpaid && !overdue) ||
          (pick == PICK_OVERDUE && unpaid && overdue))
        return json_object_ref (inv);
    }
  return NULL;
}

static JsonObject *
find_invoice (const char *token,
              const char *cid,
              Pick        pick,
              const char *status)
{
  JsonObject *inv = find_invoice_at (URL, token, cid, pick, status);

  g_assert_nonnull (inv);
  return inv;
}

static JsonObject *
get_invoice_at (const char *url,
                const char *token,
                const char *cid,
                const char *iid)
{
  g_autoptr(Reply) reply = call (url, "GET", token, NULL, "/api/v1/contracts/%s/invoices/%s", cid, iid);

  g_assert_cmpuint (reply->status, ==, 200);
  return json_object_ref (reply_object (reply));
}

static void
assert_date (const char *text)
{
  GDate date;

  g_assert_nonnull (text);
  g_assert_true (san_date_parse_iso (text, &date));
}

static void
assert_instant (const char *text)
{
  g_autoptr(GDateTime) instant = NULL;

  g_assert_nonnull (text);
  g_assert_true (g_str_has_suffix (text, "Z"));
  instant = san_datetime_parse_rfc3339 (text);
  g_assert_nonnull (instant);
}

/* An instant on the pretended day, in São Paulo (late in the evening there
 * it is already tomorrow in UTC) */
static void
assert_on_today (const char *text)
{
  g_autoptr(GDateTime) instant = san_datetime_parse_rfc3339 (text);
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/Sao_Paulo");
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *day = NULL;

  g_assert_nonnull (instant);
  g_assert_nonnull (zone);
  local = g_date_time_to_timezone (instant, zone);
  day = g_date_time_format (local, "%Y-%m-%d");
  g_assert_cmpstr (day, ==, TODAY);
}

static void
assert_id (const char *text)
{
  g_assert_nonnull (text);
  g_assert_cmpuint (strlen (text), >, 0);
  g_assert_cmpuint (strspn (text, "0123456789"), ==, strlen (text));
  g_assert_cmpint (text[0], !=, '0');
}

static gint64
seconds_between (const char *from,
                 const char *to)
{
  g_autoptr(GDateTime) a = san_datetime_parse_rfc3339 (from);
  g_autoptr(GDateTime) b = san_datetime_parse_rfc3339 (to);

  return g_date_time_difference (b, a) / G_USEC_PER_SEC;
}

/* An invoice object as the contract says */
static void
assert_invoice (JsonObject *inv,
                const char *cid)
{
  static const char * const statuses[] = { "unpaid", "paid", "cancelled", "refunded", "payment_pending", NULL };
  static const char * const methods[] = { "boleto", "pix", "card", "bank_debit", NULL };
  JsonArray *items = json_object_get_array_member (inv, "items");
  const char *status = member_str (inv, "status");
  gboolean settled = g_str_equal (status, "paid") || g_str_equal (status, "refunded");
  gint64 sum = 0;

  assert_id (member_str (inv, "id"));
  g_assert_cmpstr (member_str (inv, "contract_id"), ==, cid);
  g_assert_true (g_regex_match_simple ("^[0-9]{4}-[0-9]{6}$", member_str (inv, "number"), 0, 0));
  g_assert_true (g_strv_contains (statuses, status));
  assert_date (member_str (inv, "issue_date"));
  assert_date (member_str (inv, "due_date"));
  g_assert_cmpstr (member_str (inv, "issue_date"), <=, member_str (inv, "due_date"));
  g_assert_true (g_strv_contains (methods, member_str (inv, "payment_method")));
  /* overdue is derived: unpaid and due before today */
  g_assert_cmpint (json_object_get_boolean_member (inv, "overdue"), ==,
                   g_str_equal (status, "unpaid") && strcmp (member_str (inv, "due_date"), TODAY) < 0);
  if (settled)
    {
      assert_instant (member_str (inv, "paid_at"));
      g_assert_true (g_strv_contains (methods, member_str (inv, "paid_with")));
    }
  else
    {
      g_assert_null (member_str (inv, "paid_at"));
      g_assert_null (member_str (inv, "paid_with"));
    }

  g_assert_cmpuint (json_array_get_length (items), >, 0);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      const char *sid = member_str (item, "service_id");

      static const char * const kinds[] = { "shared", "cloud", "dedicated", NULL };

      g_assert_cmpuint (strlen (member_str (item, "description")), >, 0);
      if (sid != NULL)
        assert_id (sid);
      /* the service's kind comes with it (it decides the suspension); a fee has none */
      if (sid != NULL)
        g_assert_true (g_strv_contains (kinds, member_str (item, "service_kind")));
      else
        g_assert_null (member_str (item, "service_kind"));
      sum += member_int (item, "amount_cents");
    }
  g_assert_cmpint (member_int (inv, "total_cents"), ==, sum);
  g_assert_cmpint (sum, >, 0);
}

/* Invoices */

static void
test_invoices_list (void)
{
  static const char * const names[] = { ANA, PADARIA };

  for (guint c = 0; c < G_N_ELEMENTS (names); c++)
    {
      g_autofree char *cid = me_contract_id (session, URL, demo_token, names[c]);
      g_autoptr(Reply) reply = call (URL, "GET", demo_token, NULL, "/api/v1/contracts/%s/invoices", cid);
      JsonObject *page = reply_object (reply);
      JsonArray *items = json_object_get_array_member (page, "items");
      gint64 open = 0;
      gint64 overdue = 0;

      g_assert_cmpuint (reply->status, ==, 200);
      g_assert_cmpstr (soup_message_headers_get_content_type (reply->headers, NULL), ==, "application/json");
      g_assert_cmpuint (json_array_get_length (items), >=, 12);
      g_assert_cmpint (member_int (page, "total"), ==, json_array_get_length (items));
      g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (page, "next_cursor")));

      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonObject *inv = json_array_get_object_element (items, i);

          assert_invoice (inv, cid);
          /* newest first: due date, then id, descending */
          if (i > 0)
            {
              JsonObject *prev = json_array_get_object_element (items, i - 1);
              int order = strcmp (member_str (prev, "due_date"), member_str (inv, "due_date"));

              g_assert_cmpint (order, >=, 0);
              if (order == 0)
                g_assert_cmpint (g_ascii_strtoll (member_str (prev, "id"), NULL, 10), >,
                                 g_ascii_strtoll (member_str (inv, "id"), NULL, 10));
            }
          if (g_str_equal (member_str (inv, "status"), "unpaid"))
            {
              open += member_int (inv, "total_cents");
              if (json_object_get_boolean_member (inv, "overdue"))
                overdue += member_int (inv, "total_cents");
            }
        }
      /* the totals, computed here from the whole list */
      g_assert_cmpint (member_int (page, "open_total_cents"), ==, open);
      g_assert_cmpint (member_int (page, "overdue_total_cents"), ==, overdue);
    }
}

static void
test_invoices_demo_data (void)
{
  static const char * const names[] = { ANA, PADARIA, OFICINA };
  g_autofree char *padaria = me_contract_id (session, URL, demo_token, PADARIA);
  g_autoptr(JsonObject) pending = find_invoice (demo_token, padaria, PICK_STATUS, "payment_pending");

  for (guint c = 0; c < G_N_ELEMENTS (names); c++)
    {
      const char *token = g_str_equal (names[c], OFICINA) ? viewer_token : demo_token;
      g_autofree char *cid = me_contract_id (session, URL, token, names[c]);
      g_autoptr(GHashTable) statuses = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GHashTable) paid_with = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(JsonNode) items = all_invoices_at (URL, token, cid);
      g_autoptr(JsonObject) future = find_invoice (token, cid, PICK_UNPAID_FUTURE, NULL);
      g_autoptr(JsonObject) overdue = find_invoice (token, cid, PICK_OVERDUE, NULL);
      JsonArray *array = json_node_get_array (items);
      GDate due;
      GDate today;
      guint n_unpaid = 0;

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *inv = json_array_get_object_element (array, i);

          g_hash_table_add (statuses, (gpointer) member_str (inv, "status"));
          if (g_str_equal (member_str (inv, "status"), "paid"))
            g_hash_table_add (paid_with, (gpointer) member_str (inv, "paid_with"));
          n_unpaid += g_str_equal (member_str (inv, "status"), "unpaid");
        }
      g_assert_true (g_hash_table_contains (statuses, "paid"));
      g_assert_true (g_hash_table_contains (statuses, "cancelled"));
      g_assert_true (g_hash_table_contains (statuses, "refunded"));
      g_assert_cmpuint (g_hash_table_size (paid_with), ==, 4);
      g_assert_cmpuint (n_unpaid, ==, 2);

      /* one due in the future, one about 12 days late, both by boleto */
      g_assert_cmpstr (member_str (future, "payment_method"), ==, "boleto");
      g_assert_cmpstr (member_str (overdue, "payment_method"), ==, "boleto");
      g_assert_true (san_date_parse_iso (member_str (overdue, "due_date"), &due));
      g_assert_true (san_date_parse_iso (TODAY, &today));
      g_assert_cmpint (g_date_days_between (&due, &today), ==, 12);

      /* an item's service kind is its service's */
      if (token == demo_token)
        {
          JsonObject *item = json_array_get_object_element (json_object_get_array_member (overdue, "items"), 0);
          g_autofree char *path = g_strdup_printf ("/api/v1/contracts/%s/services/%s", cid,
                                                   member_str (item, "service_id"));
          g_autoptr(Reply) service = http_request (session, URL, "GET", path, token, NULL);

          g_assert_cmpuint (service->status, ==, 200);
          g_assert_cmpstr (member_str (reply_object (service), "kind"), ==, member_str (item, "service_kind"));
        }
    }

  /* the Padaria's bank debit, scheduled before its due date */
  g_assert_cmpstr (member_str (pending, "payment_method"), ==, "bank_debit");
  g_assert_cmpstr (member_str (pending, "due_date"), >=, TODAY);
  g_assert_false (json_object_get_boolean_member (pending, "overdue"));
}

static guint
count_listed (const char *cid,
              const char *query,
              gint64     *out_total)
{
  g_autoptr(Reply) reply = call (URL, "GET", demo_token, NULL, "/api/v1/contracts/%s/invoices?limit=100&%s",
                                 cid, query);
  JsonObject *page = reply_object (reply);

  g_assert_cmpuint (reply->status, ==, 200);
  *out_total = member_int (page, "total");
  return json_array_get_length (json_object_get_array_member (page, "items"));
}

static void
test_invoices_filters (void)
{
  static const char * const statuses[] = { "unpaid", "paid", "cancelled", "refunded", "payment_pending" };
  g_autofree char *cid = me_contract_id (session, URL, demo_token, PADARIA);
  g_autoptr(JsonNode) all = all_invoices_at (URL, demo_token, cid);
  JsonArray *array = json_node_get_array (all);
  guint n = json_array_get_length (array);
  JsonObject *middle = json_array_get_object_element (array, n / 2);
  const char *middle_due = member_str (middle, "due_date");
  const char *middle_number = member_str (middle, "number");
  g_autofree char *query = NULL;
  guint sum = 0;
  guint expected;
  gint64 total;

  /* each status, and overdue */
  for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
    {
      g_autofree char *q = g_strdup_printf ("status=%s", statuses[s]);
      guint listed = count_listed (cid, q, &total);

      expected = 0;
      for (guint i = 0; i < n; i++)
        expected += g_str_equal (member_str (json_array_get_object_element (array, i), "status"), statuses[s]);
      g_assert_cmpuint (listed, ==, expected);
      g_assert_cmpint (total, ==, expected);
      sum += listed;
    }
  g_assert_cmpuint (sum, ==, n);
  expected = 0;
  for (guint i = 0; i < n; i++)
    expected += json_object_get_boolean_member (json_array_get_object_element (array, i), "overdue");
  g_assert_cmpuint (count_listed (cid, "status=overdue", &total), ==, expected);
  g_assert_cmpuint (expected, ==, 1);

  /* due date ranges, both ends inclusive */
  query = g_strdup_printf ("from=%s&to=%s", middle_due, middle_due);
  g_assert_cmpuint (count_listed (cid, query, &total), ==, 1);
  g_clear_pointer (&query, g_free);
  query = g_strdup_printf ("from=%s", middle_due);
  expected = 0;
  for (guint i = 0; i < n; i++)
    expected += strcmp (member_str (json_array_get_object_element (array, i), "due_date"), middle_due) >= 0;
  g_assert_cmpuint (count_listed (cid, query, &total), ==, expected);
  g_clear_pointer (&query, g_free);
  query = g_strdup_printf ("to=%s&status=paid", middle_due);
  expected = 0;
  for (guint i = 0; i < n; i++)
    {
      JsonObject *inv = json_array_get_object_element (array, i);

      expected += strcmp (member_str (inv, "due_date"), middle_due) <= 0 && g_str_equal (member_str (inv, "status"), "paid");
    }
  g_assert_cmpuint (count_listed (cid, query, &total), ==, expected);
  g_assert_cmpuint (count_listed (cid, "from=2000-01-01&to=2000-12-31", &total), ==, 0);

  /* the number, or part of it */
  g_clear_pointer (&query, g_free);
  query = g_strdup_printf ("q=%s", middle_number);
  g_assert_cmpuint (count_listed (cid, query, &total), ==, 1);
  g_clear_pointer (&query, g_free);
  query = g_strdup_printf ("q=%s", middle_number + 5);   /* "000123" */
  g_assert_cmpuint (count_listed (cid, query, &total), ==, 1);
  g_assert_cmpuint (count_listed (cid, "q=2026-", &total), >, 0);
  g_assert_cmpuint (count_listed (cid, "q=", &total), ==, n);
  g_assert_cmpuint (count_listed (cid, "q=%25", &total), ==, 0);
  g_assert_cmpuint (count_listed (cid, "q=9999-999999", &total), ==, 0);

  /* the totals ignore the filters */
  {
    g_autoptr(Reply) unfiltered = call (URL, "GET", demo_token, NULL, "/api/v1/contracts/%s/invoices", cid);
    g_autoptr(Reply) filtered = call (URL, "GET", demo_token, NULL,
                                      "/api/v1/contracts/%s/invoices?status=cancelled&limit=1", cid);

    g_assert_cmpint (member_int (reply_object (filtered), "open_total_cents"), ==,
                     member_int (reply_object (unfiltered), "open_total_cents"));
    g_assert_cmpint (member_int (reply_object (filtered), "overdue_total_cents"), ==,
                     member_int (reply_object (unfiltered), "overdue_total_cents"));
    g_assert_cmpint (member_int (reply_object (unfiltered), "open_total_cents"), >, 0);
  }
}

static void
walk_pages (const char *cid,
            const char *filter,
            guint       limit,
            JsonArray  *expected)
{
  g_autofree char *cursor = NULL;
  guint seen = 0;
  guint pages = 0;
  guint n = json_array_get_length (expected);

  do
    {
      g_autofree char *escaped = cursor != NULL ? g_uri_escape_string (cursor, NULL, FALSE) : NULL;
      g_autoptr(Reply) reply = call (URL, "GET", demo_token, NULL,
                                     "/api/v1/contracts/%s/invoices?limit=%u%s%s%s%s", cid, limit,
                                     filter != NULL ? "&" : "", filter != NULL ? filter : "",
                                     escaped != NULL ? "&cursor=" : "", escaped != NULL ? escaped : "");
      JsonObject *page = reply_object (reply);
      JsonArray *items = json_object_get_array_member (page, "items");
      JsonNode *next = json_object_get_member (page, "next_cursor");

      g_assert_cmpuint (reply->status, ==, 200);
      g_assert_cmpint (member_int (page, "total"), ==, n);
      g_assert_cmpuint (json_array_get_length (items), <=, limit);
      /* the pages, end to end, are the whole list in its order */
      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          g_assert_cmpuint (seen, <, n);
          g_assert_cmpstr (member_str (json_array_get_object_element (items, i), "id"), ==,
                           member_str (json_array_get_object_element (expected, seen), "id"));
          seen++;
        }
      pages++;
      g_clear_pointer (&cursor, g_free);
      if (!JSON_NODE_HOLDS_NULL (next))
        {
          cursor = g_strdup (json_node_get_string (next));
          g_assert_cmpuint (json_array_get_length (items), ==, limit);
        }
    }
  while (cursor != NULL);

  g_assert_cmpuint (seen, ==, n);
  g_assert_cmpuint (pages, ==, MAX (1, (n + limit - 1) / limit));
}

static void
test_invoices_pagination (void)
{
  g_autofree char *cid = me_contract_id (session, URL, demo_token, PADARIA);
  g_autoptr(JsonNode) all = all_invoices_at (URL, demo_token, cid);
  g_autoptr(Reply) paid = call (URL, "GET", demo_token, NULL, "/api/v1/contracts/%s/invoices?status=paid&limit=100", cid);
  JsonArray *paid_items = json_object_get_array_member (reply_object (paid), "items");
  g_autoptr(Reply) none = call (URL, "GET", demo_token, NULL, "/api/v1/contracts/%s/invoices?q=nada", cid);

  for (guint limit = 1; limit <= 6; limit++)
    walk_pages (cid, NULL, limit, json_node_get_array (all));
  walk_pages (cid, NULL, 100, json_node_get_array (all));
  walk_pages (cid, "status=paid", 2, paid_items);
  walk_pages (cid, "status=paid", 3, paid_items);
  walk_pages (cid, "q=nada", 5, json_object_get_array_member (reply_object (none), "items"));
}

static void
test_invoices_bad_parameters (void)
{
  g_autofree char *cid = me_contract_id (session, URL, demo_token, ANA);
  g_autofree char *padaria = me_contract_id (session, URL, demo_token, PADARIA);
  g_autoptr(Reply) page = call (URL, "GET", demo_token, NULL,
                                "/api/v1/contracts/%s/invoices?status=paid&limit=1", padaria);
  const char *padaria_cursor = member_str (reply_object (page), "next_cursor");
  static const struct { const char *query; const char *field; const char *code; } cases[] = {
    { "status=open", "status", "invalid" },
    { "status=UNPAID", "status", "invalid" },
    { "status=", "status", "invalid" },
    { "from=2026-13-01", "from", "invalid" },
    { "from=24/11/2026", "from", "invalid" },
    { "from=", "from", "invalid" },
    { "to=2026-02-30", "to", "invalid" },
    { "to=yesterday", "to", "invalid" },
    { "from=2026-12-01&to=2026-11-01", "to", "out_of_range" },
    { "limit=0", "limit", "out_of_range" },
    { "limit=101", "limit", "out_of_range" },
    { "limit=-1", "limit", "invalid" },
    { "limit=x", "limit", "invalid" },
    { "cursor=garbage!", "cursor", "invalid" },
    { "cursor=czE6OTk5OTk", "cursor", "invalid" },   /* "s1:99999": no such invoice */
    { "q=%FF", "q", "invalid" },
    { "q=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      "q", "too_long" },
  };
  g_autoptr(Reply) several = call (URL, "GET", demo_token, NULL,
                                   "/api/v1/contracts/%s/invoices?status=x&limit=0&from=x", cid);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Reply) reply = call (URL, "GET", demo_token, NULL, "/api/v1/contracts/%s/invoices?%s",
                                     cid, cases[i].query);

      assert_problem (reply, 400, "validation_failed");
      g_assert_true (problem_has_field (reply, cases[i].field, cases[i].code));
    }

  /* another contract's cursor is not one of ours */
  {
    g_autofree char *escaped = g_uri_escape_string (padaria_cursor, NULL, FALSE);
    g_autoptr(Reply) reply = call (URL, "GET", demo_token, NULL, "/api/v1/contracts/%s/invoices?cursor=%s",
                                   cid, escaped);

    g_assert_nonnull (padaria_cursor);
    assert_problem (reply, 400, "validation_failed");
    g_assert_true (problem_has_field (reply, "cursor", "invalid"));
  }

  assert_problem (several, 400, "validation_failed");
  g_assert_true (problem_has_field (several, "status", "invalid"));
  g_assert_true (problem_has_field (several, "limit", "out_of_range"));
  g_assert_true (problem_has_field (several, "from", "invalid"));
}

static void
test_invoices_detail (void)
{
  g_autofree char *cid = me_contract_id (session, URL, demo_token, ANA);
  g_autoptr(JsonNode) all = all_invoices_at (URL, demo_token, cid);
  JsonArray *array = json_node_get_array (all);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      g_autoptr(Reply) detail = call (URL, "GET", demo_token, NULL, "/api/v1/contracts/%s/invoices/%s", cid,
                                      member_str (json_node_get_object (item), "id"));

      g_assert_cmpuint (detail->status, ==, 200);
      assert_invoice (reply_object (detail), cid);
      /* the same object as in the list */
      g_assert_true (json_node_equal (detail->json, item));
    }
}

static void
test_invoices_not_found (void)
{
  g_autofree char *ana = me_contract_id (session, URL, demo_token, ANA);
  g_autofree char *padaria = me_contract_id (session, URL, demo_token, PADARIA);
  g_autofree char *mendes = me_contract_id (session, URL, other_token, MENDES);
  g_autoptr(JsonObject) sibling = find_invoice (demo_token, padaria, PICK_STATUS, "paid");
  g_autoptr(JsonObject) stranger = find_invoice (other_token, mendes, PICK_STATUS, "paid");
  const char *iids[] = { "999999", "0", "abc", "-1", "1x", "99999999999999999999999",
                         member_str (sibling, "id"), member_str (stranger, "id") };
  static const char * const suffixes[] = { "", "/pdf", "/boleto", "/pix" };

  for (guint i = 0; i < G_N_ELEMENTS (iids); i++)
    for (guint s = 0; s < G_N_ELEMENTS (suffixes); s++)
      {
        g_autoptr(Reply) reply = call (URL, "GET", demo_token, NULL, "/api/v1/contracts/%s/invoices/%s%s",
                                       ana, iids[i], suffixes[s]);

        assert_problem (reply, 404, "not_found");
      }
  /* and the writes */
  for (guint i = 0; i < G_N_ELEMENTS (iids); i++)
    {
      g_autoptr(Reply) copy = call (URL, "POST", demo_token, NULL, "/api/v1/contracts/%s/invoices/%s/boleto",
                                    ana, iids[i]);
      g_autoptr(Reply) pix = call (URL, "POST", demo_token, NULL, "/api/v1/contracts/%s/invoices/%s/pix",
                                   ana, iids[i]);
      g_autoptr(Reply) payment = pay (URL, demo_token, ana, iids[i], "not-found-key",
                                      "{\"method\": \"card\", \"card_id\": \"1\"}");

      assert_problem (copy, 404, "not_found");
      assert_problem (pix, 404, "not_found");
      assert_problem (payment, 404, "not_found");
    }
}

/* Where @needle starts in @size bytes of binary @data, or NULL */
static const char *
find_bytes (const char *data,
            gsize       size,
            const char *needle)
{
  gsize length = strlen (needle);

  for (gsize i = 0; length <= size && i <= size - length; i++)
    if (memcmp (data + i, needle, length) == 0)
      return data + i;
  return NULL;
}

/* PDF */

static guint
count_pages (GBytes *pdf)
{
  gsize size;
  const char *data = g_bytes_get_data (pdf, &size);
  const char *end = data + size;
  const char *p = data;
  guint pages = 0;

  /* binary data: not a string search that stops at a NUL */
  while ((p = find_bytes (p, end - p, "/Type /Page")) != NULL)
    {
      p += strlen ("/Type /Page");
      if (p < end && *p != 's')
        pages++;
    }
  return pages;
}

static void
assert_pdf (Reply      *reply,
            const char *number,
            guint       pages)
{
  g_autoptr(GHashTable) params = NULL;
  g_autofree char *disposition = NULL;
  g_autofree char *filename = g_strdup_printf ("fatura-%s.pdf", number);
  gsize size;
  const char *data = g_bytes_get_data (reply->body, &size);

  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_content_type (reply->headers, NULL), ==, "application/pdf");
  g_assert_true (soup_message_headers_get_content_disposition (reply->headers, &disposition, &params));
  g_assert_cmpstr (disposition, ==, "attachment");
  g_assert_cmpstr (g_hash_table_lookup (params, "filename"), ==, filename);
  g_assert_cmpuint (size, >, 1000);
  g_assert_true (g_str_has_prefix (data, "%PDF-"));
  g_assert_nonnull (find_bytes (data + size - 16, 16, "%%EOF"));
  g_assert_cmpuint (count_pages (reply->body), ==, pages);
}

static void
test_invoice_pdf (void)
{
  g_autofree char *cid = me_contract_id (session, URL, demo_token, ANA);
  g_autoptr(JsonObject) unpaid = find_invoice (demo_token, cid, PICK_UNPAID_FUTURE, NULL);
  g_autoptr(JsonObject) paid = find_invoice (demo_token, cid, PICK_STATUS, "paid");
  g_autoptr(JsonObject) cancelled = find_invoice (demo_token, cid, PICK_STATUS, "cancelled");
  g_autoptr(Reply) unpaid_pdf = call (URL, "GET", demo_token, NULL, "/api/v1/contracts/%s/invoices/%s/pdf",
                                      cid, member_str (unpaid, "id"));
  g_autoptr(Reply) paid_pdf = call (URL, "GET", demo_token, NULL, "/api/v1/contracts/%s/invoices/%s/pdf",
                                    cid, member_str (paid, "id"));
  g_autoptr(Reply) cancelled_pdf = call (URL, "GET", demo_token, NULL, "/api/v1/contracts/%s/invoices/%s/pdf",
                                         cid, member_str (cancelled, "id"));

  /* an unpaid boleto invoice: the invoice, then the boleto */
  g_assert_cmpstr (member_str (unpaid, "payment_method"), ==, "boleto");
  assert_pdf (unpaid_pdf, member_str (unpaid, "number"), 2);
  assert_pdf (paid_pdf, member_str (paid, "number"), 1);
  assert_pdf (cancelled_pdf, member_str (cancelled, "number"), 1);
}

/* Boleto */

static void
assert_boleto (JsonObject *boleto,
               const char *iid,
               const char *contract_name,
               const char *due_date,
               gint64      amount)
{
  g_autoptr(GError) error = NULL;
  const char *failed = NULL;
  const char *barcode = member_str (boleto, "barcode");
  const char *linha = member_str (boleto, "linha_digitavel");
  g_autofree char *payer_bare = NULL;
  SanBoletoCode from_linha;
  SanBoletoCode from_barcode;
  GDate reference;
  GDate due;

  g_assert_true (san_date_parse_iso (TODAY, &reference));
  g_assert_true (san_date_parse_iso (due_date, &due));
  g_assert_cmpstr (member_str (boleto, "invoice_id"), ==, iid);
  g_assert_cmpstr (member_str (boleto, "bank_code"), ==, "001");
  g_assert_cmpstr (member_str (boleto, "bank_name"), ==, "Banco do Brasil");
  g_assert_cmpstr (member_str (boleto, "due_date"), ==, due_date);
  g_assert_cmpint (member_int (boleto, "amount_cents"), ==, amount);
  g_assert_cmpstr (member_str (boleto, "beneficiary"), ==, "SAN Internet Ltda");
  g_assert_true (san_cnpj_is_valid (member_str (boleto, "beneficiary_document")));
  g_assert_cmpstr (member_str (boleto, "payer"), ==, contract_name);
  g_assert_true (san_document_validate (member_str (boleto, "payer_document"), NULL, &payer_bare, NULL));

  /* digits only, of the right lengths */
  g_assert_cmpuint (strlen (barcode), ==, 44);
  g_assert_cmpuint (strlen (linha), ==, 47);
  g_assert_cmpuint (strspn (barcode, "0123456789"), ==, 44);
  g_assert_cmpuint (strspn (linha, "0123456789"), ==, 47);

  /* every check digit, and what they encode */
  g_assert_true (san_boleto_code_parse_at (linha, &reference, &from_linha, &failed, &error));
  g_assert_no_error (error);
  g_assert_null (failed);
  g_assert_true (san_boleto_code_parse_at (barcode, &reference, &from_barcode, &failed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (from_linha.kind, ==, SAN_BOLETO_KIND_BANK);
  g_assert_cmpstr (from_linha.barcode, ==, barcode);
  g_assert_cmpstr (from_barcode.linha, ==, linha);
  g_assert_cmpstr (from_linha.bank_code, ==, "001");
  g_assert_cmpint (from_linha.currency, ==, '9');
  g_assert_cmpint (from_linha.amount_cents, ==, amount);
  g_assert_true (g_date_valid (&from_linha.due_date));
  g_assert_cmpint (g_date_compare (&from_linha.due_date, &due), ==, 0);
}

static void
test_boleto_get (void)
{
  g_autofree char *cid = me_contract_id (session, URL, demo_token, ANA);
  g_autoptr(JsonObject) future = find_invoice (demo_token, cid, PICK_UNPAID_FUTURE, NULL);
  g_autoptr(JsonObject) overdue = find_invoice (demo_token, cid, PICK_OVERDUE, NULL);
  JsonObject *invoices[] = { future, overdue };

  for (guint i = 0; i < G_N_ELEMENTS (invoices); i++)
    {
      g_autoptr(Reply) reply = call (URL, "GET", demo_token, NULL, "/api/v1/contracts/%s/invoices/%s/boleto",
                                     cid, member_str (invoices[i], "id"));
      g_autoptr(Reply) again = call (URL, "GET", demo_token, NULL, "/api/v1/contracts/%s/invoices/%s/boleto",
                                     cid, member_str (invoices[i], "id"));

      g_assert_cmpuint (reply->status, ==, 200);
      assert_boleto (reply_object (reply), member_str (invoices[i], "id"), ANA, member_str (invoices[i], "due_date"),
                     member_int (invoices[i], "total_cents"));
      g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (reply_object (reply), "second_copy")));
      /* the same boleto every time */
      g_assert_true (json_node_equal (reply->json, again->json));
    }
}

static void
test_boleto_invalid_state (void)
{
  g_autofree char *cid = me_contract_id (session, URL, demo_token, ANA);
  g_autofree char *padaria = me_contract_id (session, URL, demo_token, PADARIA);
  g_autoptr(JsonObject) paid = find_invoice (demo_token, cid, PICK_STATUS, "paid");
  g_autoptr(JsonObject) cancelled = find_invoice (demo_token, cid, PICK_STATUS, "cancelled");
  g_autoptr(JsonObject) refunded = find_invoice (demo_token, cid, PICK_STATUS, "refunded");
  g_autoptr(JsonObject) pending = find_invoice (demo_token, padaria, PICK_STATUS, "payment_pending");
  g_autoptr(JsonObject) future = find_invoice (demo_token, cid, PICK_UNPAID_FUTURE, NULL);
  JsonObject *not_unpaid[] = { paid, cancelled, refunded };

  for (guint i = 0; i < G_N_ELEMENTS (not_unpaid); i++)
    {
      g_autoptr(Reply) get = call (URL, "GET", demo_token, NULL, "/api/v1/contracts/%s/invoices/%s/boleto",
                                   cid, member_str (not_unpaid[i], "id"));
      g_autoptr(Reply) post = call (URL, "POST", demo_token, NULL, "/api/v1/contracts/%s/invoices/%s/boleto",
                                    cid, member_str (not_unpaid[i], "id"));

      assert_problem (get, 409, "invalid_state");
      assert_problem (post, 409, "invalid_state");
    }
  {
    g_autoptr(Reply) get = call (URL, "GET", demo_token, NULL, "/api/v1/contracts/%s/invoices/%s/boleto",
                                 padaria, member_str (pending, "id"));
    /* a 2ª via only for an overdue invoice */
    g_autoptr(Reply) post = call (URL, "POST", demo_token, "{}", "/api/v1/contracts/%s/invoices/%s/boleto",
                                  cid, member_str (future, "id"));

    assert_problem (get, 409, "invalid_state");
    assert_problem (post, 409, "invalid_state");
  }
}

static void
test_boleto_second_copy (void)
{
  g_autofree char *cid = me_contract_id (session, URL, demo_token, PADARIA);
  g_autoptr(JsonObject) overdue = find_invoice (demo_token, cid, PICK_OVERDUE, NULL);
  const char *iid = member_str (overdue, "id");
  gint64 total = member_int (overdue, "total_cents");
  g_autoptr(Reply) bad_body = call (URL, "POST", demo_token, "[1, 2]", "/api/v1/contracts/%s/invoices/%s/boleto",
                                    cid, iid);
  g_autoptr(Reply) created = call (URL, "POST", demo_token, NULL, "/api/v1/contracts/%s/invoices/%s/boleto", cid, iid);
  g_autoptr(Reply) got = call (URL, "GET", demo_token, NULL, "/api/v1/contracts/%s/invoices/%s/boleto", cid, iid);
  g_autoptr(Reply) pix = call (URL, "POST", demo_token, NULL, "/api/v1/contracts/%s/invoices/%s/pix", cid, iid);
  g_autoptr(JsonObject) after = get_invoice_at (URL, demo_token, cid, iid);
  JsonObject *boleto;
  JsonObject *copy;
  GDate original;
  GDate new_due;
  g_autofree char *new_due_text = NULL;
  gint64 days_late;
  gint64 fine;
  gint64 interest;
  gint64 remainder;

  assert_problem (bad_body, 400, "invalid_json");

  /* computed here: new due date today + 3; 2% fine; 1% a month pro rata
   * over the days from the original due date to the new one; half up */
  g_assert_true (san_date_parse_iso (member_str (overdue, "due_date"), &original));
  g_assert_true (san_date_parse_iso (TODAY, &new_due));
  g_date_add_days (&new_due, 3);
  new_due_text = san_date_to_iso (&new_due);
  g_assert_cmpstr (new_due_text, ==, "2026-11-27");
  days_late = g_date_days_between (&original, &new_due);
  g_assert_cmpint (days_late, ==, 15);
  fine = total * 2 / 100;
  remainder = total * 2 % 100;
  if (remainder * 2 >= 100)
    fine++;
  interest = total * days_late / 3000;
  remainder = total * days_late % 3000;
  if (remainder * 2 >= 3000)
    interest++;

  g_assert_cmpuint (created->status, ==, 201);
  boleto = reply_object (created);
  assert_boleto (boleto, iid, PADARIA, new_due_text, total + fine + interest);
  copy = json_object_get_object_member (boleto, "second_copy");
  g_assert_nonnull (copy);
  g_assert_cmpstr (member_str (copy, "original_due_date"), ==, member_str (overdue, "due_date"));
  g_assert_cmpint (member_int (copy, "original_amount_cents"), ==, total);
  g_assert_cmpint (member_int (copy, "fine_cents"), ==, fine);
  g_assert_cmpint (member_int (copy, "interest_cents"), ==, interest);
  g_assert_cmpint (member_int (copy, "days_late"), ==, days_late);

  /* afterwards GET answers the 2ª via; PIX asks for its amount */
  g_assert_cmpuint (got->status, ==, 200);
  g_assert_true (json_node_equal (got->json, created->json));
  g_assert_cmpuint (pix->status, ==, 201);
  g_assert_cmpint (member_int (reply_object (pix), "amount_cents"), ==, total + fine + interest);

  /* the invoice itself is unchanged: still overdue, same total */
  g_assert_true (json_node_equal (json_object_get_member (after, "total_cents"),
                                  json_object_get_member (overdue, "total_cents")));
  g_assert_true (json_object_get_boolean_member (after, "overdue"));
}

/* PIX */

static void
assert_pix (JsonObject *charge,
            const char *iid,
            gint64      amount,
            const char *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanPixCode) code = NULL;
  const char *failed = NULL;
  const char *txid = member_str (charge, "txid");

  g_assert_cmpstr (member_str (charge, "invoice_id"), ==, iid);
  g_assert_true (g_regex_match_simple ("^[A-Za-z0-9]{1,25}$", txid, 0, 0));
  g_assert_cmpint (member_int (charge, "amount_cents"), ==, amount);
  g_assert_cmpstr (member_str (charge, "key"), ==, "financeiro@saninternet.com.br");
  g_assert_cmpstr (member_str (charge, "merchant_name"), ==, "SAN INTERNET LTDA");
  g_assert_cmpstr (member_str (charge, "merchant_city"), ==, "SAO PAULO");
  g_assert_cmpstr (member_str (charge, "status"), ==, status);
  assert_instant (member_str (charge, "created_at"));
  assert_instant (member_str (charge, "expires_at"));
  assert_on_today (member_str (charge, "created_at"));
  g_assert_cmpint (seconds_between (member_str (charge, "created_at"), member_str (charge, "expires_at")), ==, 30 * 60);

  /* a valid BR Code that says the same */
  code = san_pix_code_parse (member_str (charge, "brcode"), &failed, &error);
  g_assert_no_error (error);
  g_assert_nonnull (code);
  g_assert_cmpstr (code->gui, ==, "br.gov.bcb.pix");
  g_assert_cmpstr (code->key, ==, "financeiro@saninternet.com.br");
  g_assert_cmpint (code->amount_cents, ==, amount);
  g_assert_cmpstr (code->txid, ==, txid);
  g_assert_cmpstr (code->merchant_name, ==, "SAN INTERNET LTDA");
  g_assert_cmpstr (code->merchant_city, ==, "SAO PAULO");
  g_assert_cmpstr (code->currency, ==, "986");
  g_assert_cmpstr (code->country, ==, "BR");
}

static void
test_pix_create (void)
{
  g_autofree char *cid = me_contract_id (session, URL, demo_token, ANA);
  g_autoptr(JsonObject) future = find_invoice (demo_token, cid, PICK_UNPAID_FUTURE, NULL);
  const char *iid = member_str (future, "id");
  g_autoptr(Reply) none = call (URL, "GET", demo_token, NULL, "/api/v1/contracts/%s/invoices/%s/pix", cid, iid);
  g_autoptr(Reply) created = call (URL, "POST", demo_token, NULL, "/api/v1/contracts/%s/invoices/%s/pix", cid, iid);
  g_autoptr(Reply) again = call (URL, "POST", demo_token, "{}", "/api/v1/contracts/%s/invoices/%s/pix", cid, iid);
  g_autoptr(Reply) got = call (URL, "GET", demo_token, NULL, "/api/v1/contracts/%s/invoices/%s/pix", cid, iid);
  g_autoptr(JsonObject) after = get_invoice_at (URL, demo_token, cid, iid);

  /* no charge yet */
  assert_problem (none, 404, "not_found");

  g_assert_cmpuint (created->status, ==, 201);
  assert_pix (reply_object (created), iid, member_int (future, "total_cents"), "active");
  /* the charge still open is reused */
  g_assert_cmpuint (again->status, ==, 200);
  g_assert_true (json_node_equal (again->json, created->json));
  g_assert_cmpuint (got->status, ==, 200);
  g_assert_true (json_node_equal (got->json, created->json));
  /* without auto-settlement the invoice waits */
  g_assert_cmpstr (member_str (after, "status"), ==, "unpaid");
}

static void
test_pix_invalid_state (void)
{
  g_autofree char *cid = me_contract_id (session, URL, demo_token, ANA);
  g_autofree char *padaria = me_contract_id (session, URL, demo_token, PADARIA);
  g_autoptr(JsonObject) paid = find_invoice (demo_token, cid, PICK_STATUS, "paid");
  g_autoptr(JsonObject) cancelled = find_invoice (demo_token, cid, PICK_STATUS, "cancelled");
  g_autoptr(JsonObject) pending = find_invoice (demo_token, padaria, PICK_STATUS, "payment_pending");
  g_autoptr(Reply) r1 = call (URL, "POST", demo_token, NULL, "/api/v1/contracts/%s/invoices/%s/pix", cid, member_str (paid, "id"));
  g_autoptr(Reply) r2 = call (URL, "POST", demo_token, NULL, "/api/v1/contracts/%s/invoices/%s/pix", cid,
                              member_str (cancelled, "id"));
  g_autoptr(Reply) r3 = call (URL, "POST", demo_token, NULL, "/api/v1/contracts/%s/invoices/%s/pix", padaria,
                              member_str (pending, "id"));
  g_autoptr(Reply) r4 = call (URL, "GET", demo_token, NULL, "/api/v1/contracts/%s/invoices/%s/pix", cid, member_str (paid, "id"));

  assert_problem (r1, 409, "invalid_state");
  assert_problem (r2, 409, "invalid_state");
  assert_problem (r3, 409, "invalid_state");
  assert_problem (r4, 404, "not_found");
}

static void
test_pix_settle_hook (void)
{
  /* the Oficina's invoices, by the member who may see and pay them */
  g_autofree char *cid = me_contract_id (session, URL, viewer_token, OFICINA);
  g_autoptr(JsonObject) overdue = find_invoice (viewer_token, cid, PICK_OVERDUE, NULL);
  const char *iid = member_str (overdue, "id");
  g_autoptr(Reply) created = call (URL, "POST", viewer_token, NULL, "/api/v1/contracts/%s/invoices/%s/pix", cid, iid);
  const char *txid = member_str (reply_object (created), "txid");
  g_autoptr(Reply) wrong_method = call (URL, "GET", NULL, NULL, "/api/v1/_sim/pix/%s/settle", txid);
  g_autoptr(Reply) unknown = call (URL, "POST", NULL, NULL, "/api/v1/_sim/pix/%s/settle", "SANNOSUCHTXID");
  g_autoptr(Reply) settled = call (URL, "POST", NULL, NULL, "/api/v1/_sim/pix/%s/settle", txid);
  g_autoptr(Reply) twice = call (URL, "POST", NULL, NULL, "/api/v1/_sim/pix/%s/settle", txid);
  g_autoptr(Reply) got = call (URL, "GET", viewer_token, NULL, "/api/v1/contracts/%s/invoices/%s/pix", cid, iid);
  g_autoptr(Reply) new_charge = call (URL, "POST", viewer_token, NULL, "/api/v1/contracts/%s/invoices/%s/pix", cid, iid);
  g_autoptr(JsonObject) paid = get_invoice_at (URL, viewer_token, cid, iid);

  g_assert_cmpuint (created->status, ==, 201);
  assert_pix (reply_object (created), iid, member_int (overdue, "total_cents"), "active");

  /* the hook: public, POST only, for charges that exist */
  g_assert_cmpuint (wrong_method->status, ==, 405);
  assert_problem (unknown, 404, "not_found");
  g_assert_cmpuint (settled->status, ==, 200);
  assert_pix (reply_object (settled), iid, member_int (overdue, "total_cents"), "settled");
  g_assert_cmpstr (member_str (reply_object (settled), "txid"), ==, txid);
  assert_problem (twice, 409, "invalid_state");
  g_assert_cmpuint (got->status, ==, 200);
  g_assert_cmpstr (member_str (reply_object (got), "status"), ==, "settled");

  /* the invoice is paid, by PIX, today */
  g_assert_cmpstr (member_str (paid, "status"), ==, "paid");
  g_assert_cmpstr (member_str (paid, "paid_with"), ==, "pix");
  g_assert_false (json_object_get_boolean_member (paid, "overdue"));
  assert_on_today (member_str (paid, "paid_at"));
  assert_invoice (paid, cid);
  assert_problem (new_charge, 409, "invalid_state");
}

static void
test_pix_settle_hook_needs_demo (void)
{
  const char * const args[] = { "--today", TODAY, NULL };
  g_autoptr(SanTestServer) plain = san_test_server_start (FALSE, args);
  const char *url = san_test_server_get_url (plain);
  g_autoptr(Reply) post = call (url, "POST", NULL, NULL, "/api/v1/_sim/pix/%s/settle", "SAN1ABCDEFGHJKLMN");
  g_autoptr(Reply) get = call (url, "GET", NULL, NULL, "/api/v1/_sim/pix/%s/settle", "SAN1ABCDEFGHJKLMN");

  /* no such route at all: 404 for any method (with --demo GET is 405) */
  assert_problem (post, 404, "not_found");
  assert_problem (get, 404, "not_found");
}

static void
test_pix_auto_settle (void)
{
  const char * const args[] = { "--today", TODAY, "--pix-settle-after", "1", NULL };
  g_autoptr(SanTestServer) settling = san_test_server_start (TRUE, args);
  const char *url = san_test_server_get_url (settling);
  g_autofree char *token = login (session, url, "demo@example.com", "demo-1234", NULL);
  g_autofree char *cid = me_contract_id (session, url, token, ANA);
  g_autoptr(JsonObject) future = find_invoice_at (url, token, cid, PICK_UNPAID_FUTURE, NULL);
  const char *iid = member_str (future, "id");
  g_autoptr(Reply) created = call (url, "POST", token, NULL, "/api/v1/contracts/%s/invoices/%s/pix", cid, iid);
  g_autoptr(JsonObject) paid = NULL;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  gboolean settled = FALSE;

  g_assert_cmpuint (created->status, ==, 201);
  /* the app polls: within seconds the charge is settled and the invoice paid */
  while (!settled && g_get_monotonic_time () < deadline)
    {
      g_autoptr(Reply) got = call (url, "GET", token, NULL, "/api/v1/contracts/%s/invoices/%s/pix", cid, iid);

      g_assert_cmpuint (got->status, ==, 200);
      settled = g_str_equal (member_str (reply_object (got), "status"), "settled");
      if (!settled)
        {
          g_assert_cmpstr (member_str (reply_object (got), "status"), ==, "active");
          g_usleep (G_USEC_PER_SEC / 5);
        }
    }
  g_assert_true (settled);
  paid = get_invoice_at (url, token, cid, iid);
  g_assert_cmpstr (member_str (paid, "status"), ==, "paid");
  g_assert_cmpstr (member_str (paid, "paid_with"), ==, "pix");
  /* paid when the payer paid: a second after the charge was made */
  g_assert_cmpint (seconds_between (member_str (reply_object (created), "created_at"), member_str (paid, "paid_at")), ==, 1);
}

/* Card tokens and cards */

static char *
card_body (const char *number,
           const char *holder,
           int         month,
           int         year,
           const char *cvv)
{
  return g_strdup_printf ("{\"number\": \"%s\", \"holder\": \"%s\", \"exp_month\": %d, \"exp_year\": %d, "
                          "\"cvv\": \"%s\"}", number, holder, month, year, cvv);
}

static char *
tokenize_at (const char *url,
             const char *token,
             const char *cid,
             const char *number,
             const char *cvv)
{
  g_autofree char *body = card_body (number, "ANA SOUZA", 12, 2030, cvv);
  g_autoptr(Reply) reply = call (url, "POST", token, body, "/api/v1/contracts/%s/card-tokens", cid);

  g_assert_cmpuint (reply->status, ==, 201);
  return g_strdup (member_str (reply_object (reply), "token"));
}

static void
test_card_token_create (void)
{
  g_autofree char *cid = me_contract_id (session, URL, demo_token, ANA);
  static const struct { const char *number; const char *cvv; const char *brand; const char *last4; } cards[] = {
    { "4111 1111 1111 1111", "123", "visa", "1111" },
    { "5555555555554444", "321", "mastercard", "4444" },
    { "3782-822463-10005", "1234", "amex", "0005" },
  };
  char *tokens[G_N_ELEMENTS (cards)];

  for (guint i = 0; i < G_N_ELEMENTS (cards); i++)
    {
      g_autofree char *body = card_body (cards[i].number, "  ANA SOUZA ", 11, 2026, cards[i].cvv);
      g_autoptr(Reply) reply = call (URL, "POST", demo_token, body, "/api/v1/contracts/%s/card-tokens", cid);
      JsonObject *object = reply_object (reply);
      gsize size;
      const char *data = g_bytes_get_data (reply->body, &size);

      g_assert_cmpuint (reply->status, ==, 201);
      g_assert_true (g_regex_match_simple ("^ct_[A-Za-z0-9_-]{43}$", member_str (object, "token"), 0, 0));
      g_assert_cmpstr (member_str (object, "brand"), ==, cards[i].brand);
      g_assert_cmpstr (member_str (object, "last4"), ==, cards[i].last4);
      g_assert_cmpint (member_int (object, "exp_month"), ==, 11);
      g_assert_cmpint (member_int (object, "exp_year"), ==, 2026);
      g_assert_cmpstr (member_str (object, "holder"), ==, "ANA SOUZA");
      assert_instant (member_str (object, "expires_at"));
      /* nothing else: never the number or the CVV */
      g_assert_cmpuint (json_object_get_size (object), ==, 7);
      g_assert_null (g_strstr_len (data, size, "\"number\""));
      g_assert_null (g_strstr_len (data, size, "cvv"));
      tokens[i] = g_strdup (member_str (object, "token"));
    }
  /* random each time */
  g_assert_cmpstr (tokens[0], !=, tokens[1]);
  g_assert_cmpstr (tokens[1], !=, tokens[2]);
  for (guint i = 0; i < G_N_ELEMENTS (tokens); i++)
    g_free (tokens[i]);
}

static void
test_card_token_validation (void)
{
  g_autofree char *cid = me_contract_id (session, URL, demo_token, ANA);
  static const struct { const char *body; const char *field; const char *code; } cases[] = {
    { "{\"holder\": \"A\", \"exp_month\": 12, \"exp_year\": 2030, \"cvv\": \"123\"}", "number", "required" },
    { "{\"number\": null, \"holder\": \"A\", \"exp_month\": 12, \"exp_year\": 2030, \"cvv\": \"123\"}", "number", "required" },
    { "{\"number\": 4111111111111111, \"holder\": \"A\", \"exp_month\": 12, \"exp_year\": 2030, \"cvv\": \"123\"}", "number", "invalid" },
    { "{\"number\": \"4111 1111 1111 1112\", \"holder\": \"A\", \"exp_month\": 12, \"exp_year\": 2030, \"cvv\": \"123\"}", "number", "invalid" },
    { "{\"number\": \"4111 1111 1111\", \"holder\": \"A\", \"exp_month\": 12, \"exp_year\": 2030, \"cvv\": \"123\"}", "number", "invalid" },
    { "{\"number\": \"4111x1111x1111x1111\", \"holder\": \"A\", \"exp_month\": 12, \"exp_year\": 2030, \"cvv\": \"123\"}", "number", "invalid" },
    { "{\"number\": \"9999 9999 9999 9995\", \"holder\": \"A\", \"exp_month\": 12, \"exp_year\": 2030, \"cvv\": \"123\"}", "number", "invalid" },
    { "{\"number\": \"4111111111111111\", \"exp_month\": 12, \"exp_year\": 2030, \"cvv\": \"123\"}", "holder", "required" },
    { "{\"number\": \"4111111111111111\", \"holder\": \"   \", \"exp_month\": 12, \"exp_year\": 2030, \"cvv\": \"123\"}", "holder", "required" },
    { "{\"number\": \"4111111111111111\", \"holder\": \"A\", \"exp_month\": 0, \"exp_year\": 2030, \"cvv\": \"123\"}", "exp_month", "invalid" },
    { "{\"number\": \"4111111111111111\", \"holder\": \"A\", \"exp_month\": 13, \"exp_year\": 2030, \"cvv\": \"123\"}", "exp_month", "invalid" },
    { "{\"number\": \"4111111111111111\", \"holder\": \"A\", \"exp_month\": \"12\", \"exp_year\": 2030, \"cvv\": \"123\"}", "exp_month", "invalid" },
    { "{\"number\": \"4111111111111111\", \"holder\": \"A\", \"exp_year\": 2030, \"cvv\": \"123\"}", "exp_month", "required" },
    { "{\"number\": \"4111111111111111\", \"holder\": \"A\", \"exp_month\": 12, \"exp_year\": 30, \"cvv\": \"123\"}", "exp_year", "invalid" },
    { "{\"number\": \"4111111111111111\", \"holder\": \"A\", \"exp_month\": 12, \"exp_year\": 2025, \"cvv\": \"123\"}", "exp_year", "expired" },
    { "{\"number\": \"4111111111111111\", \"holder\": \"A\", \"exp_month\": 10, \"exp_year\": 2026, \"cvv\": \"123\"}", "exp_month", "expired" },
    { "{\"number\": \"4111111111111111\", \"holder\": \"A\", \"exp_month\": 12, \"exp_year\": 2030}", "cvv", "required" },
    { "{\"number\": \"4111111111111111\", \"holder\": \"A\", \"exp_month\": 12, \"exp_year\": 2030, \"cvv\": \"12\"}", "cvv", "invalid" },
    { "{\"number\": \"4111111111111111\", \"holder\": \"A\", \"exp_month\": 12, \"exp_year\": 2030, \"cvv\": \"1234\"}", "cvv", "invalid" },
    { "{\"number\": \"4111111111111111\", \"holder\": \"A\", \"exp_month\": 12, \"exp_year\": 2030, \"cvv\": \"12a\"}", "cvv", "invalid" },
    { "{\"number\": \"4111111111111111\", \"holder\": \"A\", \"exp_month\": 12, \"exp_year\": 2030, \"cvv\": 123}", "cvv", "invalid" },
    { "{\"number\": \"378282246310005\", \"holder\": \"A\", \"exp_month\": 12, \"exp_year\": 2030, \"cvv\": \"123\"}", "cvv", "invalid" },
  };
  g_autoptr(Reply) all_wrong = call (URL, "POST", demo_token, "{\"number\": \"4111 1111 1111 1112\", \"cvv\": \"9\"}",
                                     "/api/v1/contracts/%s/card-tokens", cid);
  g_autoptr(Reply) not_json = call (URL, "POST", demo_token, "{\"number\": \"4111",
                                    "/api/v1/contracts/%s/card-tokens", cid);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Reply) reply = call (URL, "POST", demo_token, cases[i].body, "/api/v1/contracts/%s/card-tokens", cid);
      g_autoptr(Reply) card = call (URL, "POST", demo_token, cases[i].body, "/api/v1/contracts/%s/cards", cid);
      gsize size;
      const char *data = g_bytes_get_data (reply->body, &size);

      g_test_message ("body: %s", cases[i].body);
      assert_problem (reply, 400, "validation_failed");
      g_assert_true (problem_has_field (reply, cases[i].field, cases[i].code));
      /* cards take the same body, and the same checks */
      assert_problem (card, 400, "validation_failed");
      g_assert_true (problem_has_field (card, cases[i].field, cases[i].code));
      /* the answer never repeats the number */
      g_assert_null (g_strstr_len (data, size, "4111"));
      g_assert_null (g_strstr_len (data, size, "3782"));
    }

  /* every field at once */
  assert_problem (all_wrong, 400, "validation_failed");
  g_assert_true (problem_has_field (all_wrong, "number", "invalid"));
  g_assert_true (problem_has_field (all_wrong, "holder", "required"));
  g_assert_true (problem_has_field (all_wrong, "exp_month", "required"));
  g_assert_true (problem_has_field (all_wrong, "exp_year", "required"));
  g_assert_true (problem_has_field (all_wrong, "cvv", "invalid"));
  assert_problem (not_json, 400, "invalid_json");
}

static void
assert_card (JsonObject *card,
             const char *brand,
             const char *last4,
             gint64      month,
             gint64      year,
             const char *holder)
{
  assert_id (member_str (card, "id"));
  g_assert_cmpstr (member_str (card, "brand"), ==, brand);
  g_assert_cmpstr (member_str (card, "last4"), ==, last4);
  g_assert_cmpint (member_int (card, "exp_month"), ==, month);
  g_assert_cmpint (member_int (card, "exp_year"), ==, year);
  g_assert_cmpstr (member_str (card, "holder"), ==, holder);
  assert_instant (member_str (card, "created_at"));
  g_assert_cmpuint (json_object_get_size (card), ==, 7);
}

static void
test_cards_crud (void)
{
  g_autofree char *cid = me_contract_id (session, URL, demo_token, PADARIA);
  g_autofree char *ana = me_contract_id (session, URL, demo_token, ANA);
  g_autofree char *body = card_body ("5555 5555 5555 4444", "PADARIA PAO QUENTE", 3, 2029, "456");
  g_autoptr(Reply) before = call (URL, "GET", demo_token, NULL, "/api/v1/contracts/%s/cards", cid);
  g_autoptr(Reply) created = call (URL, "POST", demo_token, body, "/api/v1/contracts/%s/cards", cid);
  const char *card_id = member_str (reply_object (created), "id");
  g_autoptr(Reply) listed = call (URL, "GET", demo_token, NULL, "/api/v1/contracts/%s/cards", cid);
  g_autoptr(Reply) elsewhere = call (URL, "DELETE", demo_token, NULL, "/api/v1/contracts/%s/cards/%s", ana, card_id);
  g_autoptr(Reply) deleted = call (URL, "DELETE", demo_token, NULL, "/api/v1/contracts/%s/cards/%s", cid, card_id);
  g_autoptr(Reply) again = call (URL, "DELETE", demo_token, NULL, "/api/v1/contracts/%s/cards/%s", cid, card_id);
  g_autoptr(Reply) after = call (URL, "GET", demo_token, NULL, "/api/v1/contracts/%s/cards", cid);
  JsonObject *page;
  JsonArray *items;
  static const char * const bad_ids[] = { "abc", "0", "-1", "999999" };

  /* the demo's stored Visa */
  g_assert_cmpuint (before->status, ==, 200);
  page = reply_object (before);
  items = json_object_get_array_member (page, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  g_assert_cmpint (member_int (page, "total"), ==, 1);
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (page, "next_cursor")));
  assert_card (json_array_get_object_element (items, 0), "visa", "1111", 12, 2030, "ANA SOUZA");

  g_assert_cmpuint (created->status, ==, 201);
  assert_card (reply_object (created), "mastercard", "4444", 3, 2029, "PADARIA PAO QUENTE");
  g_assert_null (g_strstr_len (g_bytes_get_data (created->body, NULL), g_bytes_get_size (created->body), "5555"));

  items = json_object_get_array_member (reply_object (listed), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  g_assert_true (json_node_equal (json_array_get_element (items, 1), created->json));

  /* only through its own contract */
  assert_problem (elsewhere, 404, "not_found");
  g_assert_cmpuint (deleted->status, ==, 204);
  g_assert_cmpuint (g_bytes_get_size (deleted->body), ==, 0);
  assert_problem (again, 404, "not_found");
  g_assert_true (json_node_equal (after->json, before->json));
  for (guint i = 0; i < G_N_ELEMENTS (bad_ids); i++)
    {
      g_autoptr(Reply) reply = call (URL, "DELETE", demo_token, NULL, "/api/v1/contracts/%s/cards/%s",
                                     cid, bad_ids[i]);

      assert_problem (reply, 404, "not_found");
    }
}

/* Payments */

static const char *
stored_card_id (const char *url,
                const char *token,
                const char *cid,
                char      **out_id)
{
  g_autoptr(Reply) reply = call (url, "GET", token, NULL, "/api/v1/contracts/%s/cards", cid);
  JsonArray *items = json_object_get_array_member (reply_object (reply), "items");

  g_assert_cmpuint (json_array_get_length (items), >, 0);
  *out_id = g_strdup (member_str (json_array_get_object_element (items, 0), "id"));
  return *out_id;
}

static void
assert_payment (JsonObject *payment,
                const char *iid,
                gint64      amount,
                const char *brand,
                const char *last4)
{
  JsonObject *card = json_object_get_object_member (payment, "card");

  assert_id (member_str (payment, "id"));
  g_assert_cmpstr (member_str (payment, "invoice_id"), ==, iid);
  g_assert_cmpstr (member_str (payment, "method"), ==, "card");
  g_assert_cmpstr (member_str (payment, "status"), ==, "approved");
  g_assert_cmpint (member_int (payment, "amount_cents"), ==, amount);
  assert_instant (member_str (payment, "created_at"));
  assert_on_today (member_str (payment, "created_at"));
  g_assert_nonnull (card);
  g_assert_cmpstr (member_str (card, "brand"), ==, brand);
  g_assert_cmpstr (member_str (card, "last4"), ==, last4);
}

static void
test_payment_stored_card_idempotent (void)
{
  g_autofree char *cid = me_contract_id (session, URL, demo_token, ANA);
  g_autofree char *card_id = NULL;
  g_autoptr(JsonObject) overdue = find_invoice (demo_token, cid, PICK_OVERDUE, NULL);
  const char *iid = member_str (overdue, "id");
  g_autofree char *body = g_strdup_printf ("{\"method\": \"card\", \"card_id\": \"%s\"}",
                                           stored_card_id (URL, demo_token, cid, &card_id));
  g_autofree char *respelled = g_strdup_printf ("{ \"card_id\":\"%s\",  \"method\":\"card\" }", card_id);
  g_autoptr(Reply) first = pay (URL, demo_token, cid, iid, "idem-key-1", body);
  g_autoptr(Reply) second = pay (URL, demo_token, cid, iid, "idem-key-1", body);
  g_autoptr(Reply) third = pay (URL, demo_token, cid, iid, "idem-key-1", respelled);
  g_autoptr(Reply) other_card = pay (URL, demo_token, cid, iid, "idem-key-1",
                                     "{\"method\": \"card\", \"card_id\": \"999\"}");
  g_autoptr(Reply) new_key = pay (URL, demo_token, cid, iid, "idem-key-2", body);
  g_autoptr(JsonObject) paid = get_invoice_at (URL, demo_token, cid, iid);

  g_assert_cmpuint (first->status, ==, 201);
  assert_payment (reply_object (first), iid, member_int (overdue, "total_cents"), "visa", "1111");

  /* the same key and request: the first answer again, nothing charged twice */
  g_assert_cmpuint (second->status, ==, 201);
  g_assert_true (g_bytes_equal (second->body, first->body));
  g_assert_cmpuint (third->status, ==, 201);
  g_assert_true (g_bytes_equal (third->body, first->body));
  /* the same key for something else */
  assert_problem (other_card, 422, "idempotency_key_reused");
  /* a new attempt on a paid invoice */
  assert_problem (new_key, 409, "invalid_state");

  g_assert_cmpstr (member_str (paid, "status"), ==, "paid");
  g_assert_cmpstr (member_str (paid, "paid_with"), ==, "card");
  g_assert_false (json_object_get_boolean_member (paid, "overdue"));
  assert_on_today (member_str (paid, "paid_at"));
}

static void
test_payment_card_token (void)
{
  g_autofree char *cid = me_contract_id (session, URL, demo_token, PADARIA);
  g_autoptr(JsonObject) future = find_invoice (demo_token, cid, PICK_UNPAID_FUTURE, NULL);
  g_autofree char *token = tokenize_at (URL, demo_token, cid, "5555 5555 5555 4444", "777");
  g_autofree char *body = g_strdup_printf ("{\"method\": \"card\", \"card_token\": \"%s\"}", token);
  g_autoptr(Reply) paid = pay (URL, demo_token, cid, member_str (future, "id"), "token-key-1", body);
  g_autoptr(JsonObject) after = get_invoice_at (URL, demo_token, cid, member_str (future, "id"));
  g_autoptr(JsonObject) other = find_invoice (demo_token, cid, PICK_OVERDUE, NULL);
  g_autoptr(Reply) reused = pay (URL, demo_token, cid, member_str (other, "id"), "token-key-2", body);
  g_autoptr(Reply) forged = pay (URL, demo_token, cid, member_str (other, "id"), "token-key-3",
                                 "{\"method\": \"card\", \"card_token\": \"ct_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}");
  g_autofree char *ana = me_contract_id (session, URL, demo_token, ANA);
  g_autofree char *ana_token = tokenize_at (URL, demo_token, ana, "4111111111111111", "123");
  g_autofree char *ana_body = g_strdup_printf ("{\"method\": \"card\", \"card_token\": \"%s\"}", ana_token);
  g_autoptr(Reply) foreign = pay (URL, demo_token, cid, member_str (other, "id"), "token-key-4", ana_body);
  g_autoptr(JsonObject) still = get_invoice_at (URL, demo_token, cid, member_str (other, "id"));

  g_assert_cmpuint (paid->status, ==, 201);
  assert_payment (reply_object (paid), member_str (future, "id"), member_int (future, "total_cents"), "mastercard", "4444");
  g_assert_cmpstr (member_str (after, "status"), ==, "paid");
  g_assert_cmpstr (member_str (after, "paid_with"), ==, "card");

  /* a token is good for one payment, in its own contract */
  assert_problem (reused, 400, "validation_failed");
  g_assert_true (problem_has_field (reused, "card_token", "invalid"));
  assert_problem (forged, 400, "validation_failed");
  g_assert_true (problem_has_field (forged, "card_token", "invalid"));
  assert_problem (foreign, 400, "validation_failed");
  g_assert_true (problem_has_field (foreign, "card_token", "invalid"));
  g_assert_cmpstr (member_str (still, "status"), ==, "unpaid");
}

static void
test_payment_declined (void)
{
  g_autofree char *cid = me_contract_id (session, URL, other_token, MENDES);
  g_autoptr(JsonObject) future = find_invoice (other_token, cid, PICK_UNPAID_FUTURE, NULL);
  const char *iid = member_str (future, "id");
  static const struct { const char *number; const char *detail; } cases[] = {
    { "4000 0000 0000 0002", "The card was declined by the issuer" },
    { "4000 0000 0000 9995", "Insufficient funds" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *token = tokenize_at (URL, other_token, cid, cases[i].number, "123");
      g_autofree char *body = g_strdup_printf ("{\"method\": \"card\", \"card_token\": \"%s\"}", token);
      g_autofree char *key = g_strdup_printf ("decline-%u", i);
      g_autoptr(Reply) declined = pay (URL, other_token, cid, iid, key, body);
      g_autoptr(Reply) replayed = pay (URL, other_token, cid, iid, key, body);
      g_autoptr(JsonObject) after = get_invoice_at (URL, other_token, cid, iid);

      assert_problem (declined, 402, "payment_declined");
      g_assert_cmpstr (member_str (reply_object (declined), "detail"), ==, cases[i].detail);
      /* remembered under its key */
      g_assert_cmpuint (replayed->status, ==, 402);
      g_assert_true (g_bytes_equal (replayed->body, declined->body));
      g_assert_cmpstr (member_str (after, "status"), ==, "unpaid");
      g_assert_null (member_str (after, "paid_at"));
    }
}

static void
test_payment_invalid_state (void)
{
  g_autofree char *cid = me_contract_id (session, URL, demo_token, ANA);
  g_autofree char *padaria = me_contract_id (session, URL, demo_token, PADARIA);
  g_autofree char *card_id = NULL;
  g_autofree char *body = g_strdup_printf ("{\"method\": \"card\", \"card_id\": \"%s\"}",
                                           stored_card_id (URL, demo_token, cid, &card_id));
  g_autofree char *padaria_card = NULL;
  g_autofree char *padaria_body = g_strdup_printf ("{\"method\": \"card\", \"card_id\": \"%s\"}",
                                                   stored_card_id (URL, demo_token, padaria, &padaria_card));
  g_autoptr(JsonObject) paid = find_invoice (demo_token, cid, PICK_STATUS, "paid");
  g_autoptr(JsonObject) cancelled = find_invoice (demo_token, cid, PICK_STATUS, "cancelled");
  g_autoptr(JsonObject) refunded = find_invoice (demo_token, cid, PICK_STATUS, "refunded");
  g_autoptr(JsonObject) pending = find_invoice (demo_token, padaria, PICK_STATUS, "payment_pending");
  g_autoptr(Reply) r1 = pay (URL, demo_token, cid, member_str (paid, "id"), "state-1", body);
  g_autoptr(Reply) r2 = pay (URL, demo_token, cid, member_str (cancelled, "id"), "state-2", body);
  g_autoptr(Reply) r3 = pay (URL, demo_token, cid, member_str (refunded, "id"), "state-3", body);
  g_autoptr(Reply) r4 = pay (URL, demo_token, padaria, member_str (pending, "id"), "state-4", padaria_body);
  g_autoptr(JsonObject) after = get_invoice_at (URL, demo_token, cid, member_str (paid, "id"));

  assert_problem (r1, 409, "invalid_state");
  assert_problem (r2, 409, "invalid_state");
  assert_problem (r3, 409, "invalid_state");
  assert_problem (r4, 409, "invalid_state");
  g_assert_true (json_node_equal (json_object_get_member (after, "paid_at"), json_object_get_member (paid, "paid_at")));
}

static void
test_payment_validation (void)
{
  g_autofree char *cid = me_contract_id (session, URL, other_token, MENDES);
  g_autoptr(JsonObject) overdue = find_invoice (other_token, cid, PICK_OVERDUE, NULL);
  const char *iid = member_str (overdue, "id");
  g_autofree char *long_key = g_strnfill (256, 'k');
  g_autofree char *max_key = g_strnfill (255, 'k');
  g_autofree char *ana = me_contract_id (session, URL, demo_token, ANA);
  g_autofree char *ana_card = NULL;
  g_autofree char *foreign_card = g_strdup_printf ("{\"method\": \"card\", \"card_id\": \"%s\"}",
                                                   stored_card_id (URL, demo_token, ana, &ana_card));
  static const char *valid = "{\"method\": \"card\", \"card_id\": \"1\"}";
  const struct { const char *key; const char *body; const char *field; const char *code; } cases[] = {
    { NULL, valid, "Idempotency-Key", "required" },
    { "", valid, "Idempotency-Key", "invalid" },
    { long_key, valid, "Idempotency-Key", "invalid" },
    { "tab\there", valid, "Idempotency-Key", "invalid" },
    { "k", "{\"card_id\": \"1\"}", "method", "required" },
    { "k", "{\"method\": \"pix\", \"card_id\": \"1\"}", "method", "invalid" },
    { "k", "{\"method\": \"boleto\"}", "method", "invalid" },
    { "k", "{\"method\": \"card\"}", "card_id", "required" },
    { "k", "{\"method\": \"card\", \"card_id\": \"1\", \"card_token\": \"ct_x\"}", "card_token", "invalid" },
    { "k", "{\"method\": \"card\", \"card_id\": \"abc\"}", "card_id", "invalid" },
    { "k", "{\"method\": \"card\", \"card_id\": 1}", "card_id", "wrong_type" },
    { "k", "{\"method\": \"card\", \"card_token\": \"tok_123\"}", "card_token", "invalid" },
    /* another contract's card is no card here */
    { "foreign-card", foreign_card, "card_id", "invalid" },
    { "no-card", "{\"method\": \"card\", \"card_id\": \"999999\"}", "card_id", "invalid" },
  };
  g_autoptr(Reply) max = pay (URL, other_token, cid, iid, max_key, "{\"method\": \"card\", \"card_id\": \"999998\"}");
  g_autoptr(Reply) not_json = pay (URL, other_token, cid, iid, "k", "method=card");
  g_autoptr(JsonObject) after = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Reply) reply = pay (URL, other_token, cid, iid, cases[i].key, cases[i].body);

      g_test_message ("key %s body %s", cases[i].key, cases[i].body);
      assert_problem (reply, 400, "validation_failed");
      g_assert_true (problem_has_field (reply, cases[i].field, cases[i].code));
    }
  /* a 255-character key is fine (the card is not) */
  assert_problem (max, 400, "validation_failed");
  g_assert_true (problem_has_field (max, "card_id", "invalid"));
  g_assert_false (problem_has_field (max, "Idempotency-Key", "invalid"));
  assert_problem (not_json, 400, "invalid_json");

  after = get_invoice_at (URL, other_token, cid, iid);
  g_assert_cmpstr (member_str (after, "status"), ==, "unpaid");
}

static void
test_payment_expired_card (void)
{
  /* years later: the demo's stored card (12/2030) has expired */
  const char * const args[] = { "--today", "2031-01-15", "--pix-settle-after", "0", NULL };
  g_autoptr(SanTestServer) later = san_test_server_start (TRUE, args);
  const char *url = san_test_server_get_url (later);
  g_autofree char *token = login (session, url, "demo@example.com", "demo-1234", NULL);
  g_autofree char *cid = me_contract_id (session, url, token, ANA);
  g_autofree char *card_id = NULL;
  g_autofree char *body = g_strdup_printf ("{\"method\": \"card\", \"card_id\": \"%s\"}",
                                           stored_card_id (url, token, cid, &card_id));
  g_autoptr(JsonObject) future = find_invoice_at (url, token, cid, PICK_UNPAID_FUTURE, NULL);
  g_autoptr(Reply) declined = pay (url, token, cid, member_str (future, "id"), "expired-1", body);
  g_autoptr(JsonObject) after = get_invoice_at (url, token, cid, member_str (future, "id"));

  assert_problem (declined, 402, "payment_declined");
  g_assert_cmpstr (member_str (after, "status"), ==, "unpaid");
}

/* Card data is never kept or logged */

/* Whether a value of any row of the database @path holds @word as a whole
 * word. Short secrets (a CVV) are looked for this way: as raw bytes, four
 * digits turn up by chance in the demo's random hex ids. */
static gboolean
db_has_word (const char *path,
             const char *word)
{
  g_autofree char *escaped = g_regex_escape_string (word, -1);
  g_autofree char *pattern = g_strdup_printf ("(^|[^0-9A-Za-z])%s($|[^0-9A-Za-z])", escaped);
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint t = 0; t < tables->len && !found; t++)
    {
      char *sql = sqlite3_mprintf ("SELECT * FROM \"%w\"", (const char *) tables->pdata[t]);

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_free (sql);
      while (!found && sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt) && !found; c++)
          {
            const char *text = (const char *) sqlite3_column_text (stmt, c);

            if (text != NULL && g_utf8_validate (text, -1, NULL) &&
                g_regex_match (regex, text, 0, NULL))
              {
                g_test_message ("found in table %s", (const char *) tables->pdata[t]);
                found = TRUE;
              }
          }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return found;
}

static gboolean
text_has_word (const char *text,
               const char *word)
{
  g_autofree char *escaped = g_regex_escape_string (word, -1);
  g_autofree char *pattern = g_strdup_printf ("(^|[^0-9A-Za-z])%s($|[^0-9A-Za-z])", escaped);

  return g_regex_match_simple (pattern, text, 0, 0);
}

static void
test_card_data_never_stored (void)
{
  g_autofree char *dir = temp_dir_new ();
  g_autofree char *db = g_build_filename (dir, "portal.db", NULL);
  const char * const args[] = { "--db", db, "--listen", "127.0.0.1:0", "--demo", "--today", TODAY,
                                "--pix-settle-after", "0", NULL };
  Portald *portald = portald_spawn (args, G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GInputStream) err_stream = NULL;
  g_autoptr(GOutputStream) collected = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autofree char *log = NULL;
  g_autofree char *token = NULL;
  g_autofree char *cid = NULL;
  g_autofree char *card_token = NULL;
  g_autofree char *card_body_text = NULL;
  g_autofree char *pay_body = NULL;
  g_autofree char *pay_card = NULL;
  g_autoptr(JsonObject) future = NULL;
  g_autoptr(JsonObject) overdue = NULL;
  /* American Express test numbers: 4-digit CVVs that can't turn up by chance */
  static const char * const secrets[] = {
    "378282246310005", "3782 822463 10005", "371449635398431", "3714 496353 98431", "8342", "5917",
    "378282246310", "371449635398",
  };

  g_assert_nonnull (portald);
  err_stream = g_object_ref (g_subprocess_get_stderr_pipe (portald->process));
  token = login (session, portald->url, "demo@example.com", "demo-1234", NULL);
  cid = me_contract_id (session, portald->url, token, ANA);
  future = find_invoice_at (portald->url, token, cid, PICK_UNPAID_FUTURE, NULL);
  overdue = find_invoice_at (portald->url, token, cid, PICK_OVERDUE, NULL);

  /* a one-time token, paid with */
  card_token = tokenize_at (portald->url, token, cid, "3782 822463 10005", "8342");
  pay_body = g_strdup_printf ("{\"method\": \"card\", \"card_token\": \"%s\"}", card_token);
  {
    g_autoptr(Reply) paid = pay (portald->url, token, cid, member_str (future, "id"), "secret-test-1", pay_body);

    g_assert_cmpuint (paid->status, ==, 201);
  }
  /* a stored card, paid with */
  card_body_text = card_body ("371449635398431", "ANA SOUZA", 6, 2031, "5917");
  {
    g_autoptr(Reply) stored = call (portald->url, "POST", token, card_body_text, "/api/v1/contracts/%s/cards", cid);
    g_autoptr(Reply) paid = NULL;

    g_assert_cmpuint (stored->status, ==, 201);
    g_assert_cmpstr (member_str (reply_object (stored), "last4"), ==, "8431");
    pay_card = g_strdup_printf ("{\"method\": \"card\", \"card_id\": \"%s\"}", member_str (reply_object (stored), "id"));
    paid = pay (portald->url, token, cid, member_str (overdue, "id"), "secret-test-2", pay_card);
    g_assert_cmpuint (paid->status, ==, 201);
  }
  /* and a rejected one */
  {
    g_autofree char *bad = card_body ("371449635398431", "ANA SOUZA", 6, 2020, "5917");
    g_autoptr(Reply) rejected = call (portald->url, "POST", token, bad, "/api/v1/contracts/%s/card-tokens", cid);

    assert_problem (rejected, 400, "validation_failed");
  }
  g_assert_cmpint (portald_stop (portald), ==, 0);

  g_output_stream_splice (collected, err_stream, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error);
  g_assert_no_error (error);
  log = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (collected)),
                   g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (collected)));

  /* the checks below can see what was written */
  g_assert_nonnull (strstr (log, " POST /api/v1/contracts/"));
  g_assert_true (file_contains (db, "ANA SOUZA", -1));
  g_assert_true (file_contains (db, "8431", -1));
  g_assert_true (db_has_word (db, "ANA SOUZA"));
  g_assert_true (db_has_word (db, "8431"));
  for (guint i = 0; i < G_N_ELEMENTS (secrets); i++)
    {
      g_autofree char *wal = g_strconcat (db, "-wal", NULL);

      g_test_message ("looking for %s", secrets[i]);
      /* numbers: anywhere in the files, even in freed pages; CVVs: as values */
      if (strlen (secrets[i]) >= 12)
        {
          g_assert_false (file_contains (db, secrets[i], -1));
          g_assert_false (file_contains (wal, secrets[i], -1));
        }
      g_assert_false (db_has_word (db, secrets[i]));
      g_assert_false (text_has_word (log, secrets[i]));
    }
  /* nor the token (only its hash is kept) */
  g_assert_false (file_contains (db, card_token + 3, -1));
  g_assert_null (strstr (log, card_token));
  temp_dir_remove (dir);
}

/* Permissions */

static const struct
{
  const char *method;
  const char *path;        /* after /api/v1/contracts/{cid}/ */
  gboolean    invoices;    /* needs "invoices" (else "payment_methods") */
} billing_routes[] = {
  { "GET", "invoices", TRUE },
  { "GET", "invoices/{iid}", TRUE },
  { "GET", "invoices/{iid}/pdf", TRUE },
  { "GET", "invoices/{iid}/boleto", TRUE },
  { "POST", "invoices/{iid}/boleto", TRUE },
  { "GET", "invoices/{iid}/pix", TRUE },
  { "POST", "invoices/{iid}/pix", TRUE },
  { "POST", "invoices/{iid}/payments", TRUE },
  { "POST", "card-tokens", TRUE },
  { "GET", "cards", FALSE },
  { "POST", "cards", FALSE },
  { "DELETE", "cards/1", FALSE },
};

static Reply *
call_billing_route (guint       i,
                    const char *token,
                    const char *cid,
                    const char *iid)
{
  g_autoptr(GString) path = g_string_new (NULL);
  const char * const headers[] = { "Idempotency-Key", "permission-test", NULL };
  const char *body = g_str_equal (billing_routes[i].method, "POST") ? "{}" : NULL;

  g_string_printf (path, "/api/v1/contracts/%s/%s", cid, billing_routes[i].path);
  g_string_replace (path, "{iid}", iid, 0);
  g_test_message ("%s %s", billing_routes[i].method, path->str);
  return http_request_full (session, URL, billing_routes[i].method, path->str, token, body, headers);
}

static void
test_permissions (void)
{
  g_autofree char *oficina = me_contract_id (session, URL, viewer_token, OFICINA);
  g_autofree char *ana = me_contract_id (session, URL, demo_token, ANA);
  g_autoptr(JsonObject) oficina_invoice = find_invoice (viewer_token, oficina, PICK_STATUS, "paid");
  g_autoptr(JsonObject) ana_invoice = find_invoice (demo_token, ana, PICK_STATUS, "paid");
  g_autoptr(Reply) forbidden_list = call (URL, "GET", demo_token, NULL, "/api/v1/contracts/%s/invoices", oficina);

  for (guint i = 0; i < G_N_ELEMENTS (billing_routes); i++)
    {
      /* Ana is a member of the Oficina with services only */
      g_autoptr(Reply) member = call_billing_route (i, demo_token, oficina, member_str (oficina_invoice, "id"));
      /* Carlos sees none of Ana's contracts */
      g_autoptr(Reply) stranger = call_billing_route (i, other_token, ana, member_str (ana_invoice, "id"));
      /* Júlia holds invoices, not payment methods, in the Oficina */
      g_autoptr(Reply) viewer = call_billing_route (i, viewer_token, oficina, member_str (oficina_invoice, "id"));

      assert_problem (member, 403, "forbidden");
      assert_problem (stranger, 403, "forbidden");
      /* the same answer whatever the reason */
      g_assert_true (g_bytes_equal (member->body, forbidden_list->body));
      g_assert_true (g_bytes_equal (stranger->body, forbidden_list->body));
      if (billing_routes[i].invoices)
        g_assert_cmpuint (viewer->status, !=, 403);
      else
        assert_problem (viewer, 403, "forbidden");
    }
}

static void
test_viewer_reads_invoices (void)
{
  g_autofree char *oficina = me_contract_id (session, URL, viewer_token, OFICINA);
  g_autoptr(Reply) list = call (URL, "GET", viewer_token, NULL, "/api/v1/contracts/%s/invoices", oficina);
  JsonArray *items = json_object_get_array_member (reply_object (list), "items");

  g_assert_cmpuint (list->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (items), >=, 12);
  for (guint i = 0; i < json_array_get_length (items); i++)
    assert_invoice (json_array_get_object_element (items, i), oficina);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/portald/billing/invoices/list-and-totals", test_invoices_list);
  g_test_add_func ("/portald/billing/invoices/demo-data", test_invoices_demo_data);
  g_test_add_func ("/portald/billing/invoices/filters", test_invoices_filters);
  g_test_add_func ("/portald/billing/invoices/pagination", test_invoices_pagination);
  g_test_add_func ("/portald/billing/invoices/bad-parameters", test_invoices_bad_parameters);
  g_test_add_func ("/portald/billing/invoices/detail-same-as-list", test_invoices_detail);
  g_test_add_func ("/portald/billing/invoices/unknown-or-foreign-not-found", test_invoices_not_found);
  g_test_add_func ("/portald/billing/invoices/viewer-reads-invoices", test_viewer_reads_invoices);
  g_test_add_func ("/portald/billing/pdf/invoice-and-boleto-pages", test_invoice_pdf);
  g_test_add_func ("/portald/billing/boleto/valid-codes", test_boleto_get);
  g_test_add_func ("/portald/billing/boleto/only-unpaid", test_boleto_invalid_state);
  g_test_add_func ("/portald/billing/boleto/second-copy-amounts", test_boleto_second_copy);
  g_test_add_func ("/portald/billing/pix/create-and-reuse", test_pix_create);
  g_test_add_func ("/portald/billing/pix/only-unpaid", test_pix_invalid_state);
  g_test_add_func ("/portald/billing/pix/settle-hook-pays-invoice", test_pix_settle_hook);
  g_test_add_func ("/portald/billing/pix/settle-hook-needs-demo", test_pix_settle_hook_needs_demo);
  g_test_add_func ("/portald/billing/pix/auto-settle", test_pix_auto_settle);
  g_test_add_func ("/portald/billing/card-tokens/create", test_card_token_create);
  g_test_add_func ("/portald/billing/card-tokens/validation", test_card_token_validation);
  g_test_add_func ("/portald/billing/cards/add-list-delete", test_cards_crud);
  g_test_add_func ("/portald/billing/payment/idempotent", test_payment_stored_card_idempotent);
  g_test_add_func ("/portald/billing/payment/card-token-single-use", test_payment_card_token);
  g_test_add_func ("/portald/billing/payment/declined", test_payment_declined);
  g_test_add_func ("/portald/billing/payment/not-payable-conflict", test_payment_invalid_state);
  g_test_add_func ("/portald/billing/payment/validation", test_payment_validation);
  g_test_add_func ("/portald/billing/payment/expired-card-declined", test_payment_expired_card);
  g_test_add_func ("/portald/billing/cards/never-stored-or-logged", test_card_data_never_stored);
  g_test_add_func ("/portald/billing/permissions/denied", test_permissions);

  server = san_test_server_start (TRUE, test_args);
  session = test_session_new (NULL);
  demo_token = login (session, URL, "demo@example.com", "demo-1234", NULL);
  viewer_token = login (session, URL, "viewer@example.com", "viewer-1234", NULL);
  other_token = login (session, URL, "other@example.com", "other-1234", NULL);

  status = g_test_run ();

  g_free (demo_token);
  g_free (viewer_token);
  g_free (other_token);
  g_clear_object (&session);
  g_clear_pointer (&server, san_test_server_stop);
  return status;
}
