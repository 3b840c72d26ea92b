/* test-staff.c: san-portald's staff desk (queue, replies, internal notes,
 * statuses, attachments, the audit log) against the real server
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One demo server pretending today is 2026-11-24, with its own attachments
 * folder and mail spool. Tests that change data open tickets of their own,
 * so their order does not matter; the demo's tickets are only read.
 */
#include "config.h"

#include <string.h>

#include "san-test-server.h"
#include "portald-test-util.h"

#define TODAY "2026-11-24"

static SanTestServer *server;
static SoupSession *session;
static char *demo_token;
static char *other_token;
static char *partner_token;
static char *viewer_token;
static char *staff_token;
static char *staff_id;
static char *spool_dir;
static char *attachments_dir;
static char *ana_cid;
static char *padaria_cid;
static char *mendes_cid;

#define URL (san_test_server_get_url (server))

static const char * const statuses[] = {
  "open", "answered", "customer_reply", "on_hold", "in_progress", "closed", NULL,
};

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

static const char *
str (JsonObject *object,
     const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  g_assert_nonnull (node);
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_STRING);
  return json_node_get_string (node);
}

static JsonArray *
items (Reply *reply)
{
  return json_object_get_array_member (ok_object (reply, 200), "items");
}

/* Opens a ticket on @cid as Ana; returns its id */
static char *
open_ticket (const char *cid,
             const char *subject,
             const char *body)
{
  g_autofree char *json =
    g_strdup_printf ("{\"department_id\": \"2\", \"priority\": \"low\", \"subject\": \"%s\", \"body\": \"%s\"}",
                     subject, body);
  g_autoptr(Reply) reply = call ("POST", demo_token, json, "/api/v1/contracts/%s/tickets", cid);

  return g_strdup (str (ok_object (reply, 201), "id"));
}

/* The queue, one page of 100 (the demo and the tests' tickets fit) */
static Reply *
queue (const char *query)
{
  return call ("GET", staff_token, NULL, "/api/v1/staff/tickets?limit=100%s%s",
               query != NULL ? "&" : "", query != NULL ? query : "");
}

/* The queue item of ticket @tid (NULL when it is not in @array) */
static JsonObject *
find_ticket (JsonArray  *array,
             const char *tid)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *t = json_array_get_object_element (array, i);

      if (g_str_equal (str (t, "id"), tid))
        return t;
    }
  return NULL;
}

/* The demo ticket whose subject is @subject, from the queue */
static char *
demo_ticket (const char *subject)
{
  g_autoptr(Reply) reply = queue (NULL);
  JsonArray *array = items (reply);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *t = json_array_get_object_element (array, i);

      if (g_str_equal (str (t, "subject"), subject))
        return g_strdup (str (t, "id"));
    }
  g_error ("No demo ticket “%s”", subject);
}

/* How many e-mails @cid's history has about ticket @number */
static gint64
ticket_emails (const char *cid,
               const char *number)
{
  g_autofree char *escaped = g_uri_escape_string (number, NULL, FALSE);
  g_autoptr(Reply) reply = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/emails?kind=ticket&q=%s",
                                 cid, escaped);

  return json_object_get_int_member (ok_object (reply, 200), "total");
}

/* The audit log's newest entry and total */
static JsonObject *
newest_audit (gint64 *out_total)
{
  g_autoptr(Reply) reply = call ("GET", staff_token, NULL, "/api/v1/staff/audit?limit=1");
  JsonObject *page = ok_object (reply, 200);
  JsonArray *array = json_object_get_array_member (page, "items");

  *out_total = json_object_get_int_member (page, "total");
  g_assert_cmpuint (json_array_get_length (array), >, 0);
  return json_object_ref (json_array_get_object_element (array, 0));
}

/* Asserts the newest audit entry is staff's @method @path on @cid */
static void
assert_audited (const char *method,
                const char *path,
                const char *cid)
{
  gint64 total = 0;
  g_autoptr(JsonObject) entry = newest_audit (&total);

  g_assert_cmpstr (str (entry, "method"), ==, method);
  g_assert_cmpstr (str (entry, "path"), ==, path);
  g_assert_cmpstr (str (json_object_get_object_member (entry, "user"), "id"), ==, staff_id);
  g_assert_cmpstr (str (json_object_get_object_member (entry, "user"), "email"), ==, "staff@example.com");
  g_assert_cmpstr (str (json_object_get_object_member (entry, "contract"), "id"), ==, cid);
  g_assert_true (on_sao_paulo_day (str (entry, "at"), TODAY));
}

/* TRUE when some file of the spool holds @needle (the bodies are base64:
 * searched decoded too) */
static gboolean
spool_contains (const char *needle)
{
  g_autoptr(GDir) dir = g_dir_open (spool_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (spool_dir, name, NULL);
      g_autofree char *contents = NULL;
      g_auto(GStrv) lines = NULL;
      g_autoptr(GString) base64 = g_string_new (NULL);
      g_autofree guchar *decoded = NULL;
      gsize length = 0;

      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      if (strstr (contents, needle) != NULL)
        return TRUE;
      /* the parts' base64 lines, each part decoded on its own */
      lines = g_strsplit (contents, "\r\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          if (g_regex_match_simple ("^[A-Za-z0-9+/=]{4,76}$", lines[i], 0, 0))
            {
              g_string_append (base64, lines[i]);
              continue;
            }
          if (base64->len > 0)
            {
              decoded = g_base64_decode (base64->str, &length);
              if (decoded != NULL && g_strstr_len ((const char *) decoded, (gssize) length, needle) != NULL)
                return TRUE;
              g_clear_pointer (&decoded, g_free);
              g_string_truncate (base64, 0);
            }
        }
    }
  return FALSE;
}

/* The queue */

static void
test_queue_across_contracts (void)
{
  g_autoptr(Reply) reply = queue (NULL);
  JsonArray *array = items (reply);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *previous = NULL;
  gint64 previous_id = 0;

  g_assert_cmpint (json_object_get_int_member (reply_object (reply), "total"), ==, json_array_get_length (array));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *t = json_array_get_object_element (array, i);
      JsonObject *contract = json_object_get_object_member (t, "contract");
      gint64 id = g_ascii_strtoll (str (t, "id"), NULL, 10);

      g_assert_nonnull (contract);
      g_assert_cmpstr (str (contract, "id"), ==, str (t, "contract_id"));
      g_assert_cmpstr (str (contract, "name"), !=, "");
      g_hash_table_replace (names, g_strdup (str (contract, "id")), g_strdup (str (contract, "name")));
      g_assert_true (g_regex_match_simple ("^#[0-9]{4}-[0-9]{4}$", str (t, "number"), 0, 0));
      g_assert_true (g_strv_contains (statuses, str (t, "status")));
      /* oldest activity first, then by id */
      if (previous != NULL)
        {
          int order = strcmp (previous, str (t, "updated_at"));

          g_assert_cmpint (order, <=, 0);
          if (order == 0)
            g_assert_cmpint (previous_id, <, id);
        }
      g_free (previous);
      previous = g_strdup (str (t, "updated_at"));
      previous_id = id;
    }

  /* Ana's two contracts, the Oficina and Carlos Mendes, with their names */
  g_assert_cmpuint (g_hash_table_size (names), >=, 4);
  g_assert_cmpstr (g_hash_table_lookup (names, ana_cid), ==, "Ana Souza");
  g_assert_cmpstr (g_hash_table_lookup (names, padaria_cid), ==, "Padaria Pão Quente Ltda");
  g_assert_cmpstr (g_hash_table_lookup (names, mendes_cid), ==, "Carlos Mendes");
}

/* Each filter, alone: every item matches, and the filters' values cover the whole queue */
static void
test_queue_filters (void)
{
  g_autoptr(Reply) all = queue (NULL);
  gint64 total = json_object_get_int_member (ok_object (all, 200), "total");
  gint64 sum = 0;
  gint64 us = 0;
  gint64 customer = 0;
  gint64 closed = 0;

  /* departments */
  for (guint d = 1; d <= 3; d++)
    {
      g_autofree char *query = g_strdup_printf ("department=%u", d);
      g_autoptr(Reply) reply = queue (query);
      JsonArray *array = items (reply);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *department = json_object_get_object_member (json_array_get_object_element (array, i),
                                                                  "department");
          g_autofree char *id = g_strdup_printf ("%u", d);

          g_assert_cmpstr (str (department, "id"), ==, id);
        }
      sum += json_object_get_int_member (reply_object (reply), "total");
    }
  g_assert_cmpint (sum, ==, total);

  /* statuses, and open_any */
  sum = 0;
  for (guint s = 0; statuses[s] != NULL; s++)
    {
      g_autofree char *query = g_strdup_printf ("status=%s", statuses[s]);
      g_autoptr(Reply) reply = queue (query);
      JsonArray *array = items (reply);

      g_assert_cmpuint (json_array_get_length (array), >, 0);
      for (guint i = 0; i < json_array_get_length (array); i++)
        g_assert_cmpstr (str (json_array_get_object_element (array, i), "status"), ==, statuses[s]);
      sum += json_object_get_int_member (reply_object (reply), "total");
      if (g_str_equal (statuses[s], "closed"))
        closed = json_object_get_int_member (reply_object (reply), "total");
    }
  g_assert_cmpint (sum, ==, total);
  {
    g_autoptr(Reply) reply = queue ("status=open_any");
    JsonArray *array = items (reply);

    for (guint i = 0; i < json_array_get_length (array); i++)
      g_assert_cmpstr (str (json_array_get_object_element (array, i), "status"), !=, "closed");
    g_assert_cmpint (json_object_get_int_member (reply_object (reply), "total"), ==, total - closed);
  }

  /* priorities */
  sum = 0;
  for (const char * const *p = (const char * const[]) { "low", "medium", "high", NULL }; *p != NULL; p++)
    {
      g_autofree char *query = g_strdup_printf ("priority=%s", *p);
      g_autoptr(Reply) reply = queue (query);
      JsonArray *array = items (reply);

      g_assert_cmpuint (json_array_get_length (array), >, 0);
      for (guint i = 0; i < json_array_get_length (array); i++)
        g_assert_cmpstr (str (json_array_get_object_element (array, i), "priority"), ==, *p);
      sum += json_object_get_int_member (reply_object (reply), "total");
    }
  g_assert_cmpint (sum, ==, total);

  /* waiting on us (open, customer_reply, in_progress) or on the customer (answered, on_hold) */
  {
    g_autoptr(Reply) reply = queue ("waiting=us");
    JsonArray *array = items (reply);
    const char * const ours[] = { "open", "customer_reply", "in_progress", NULL };

    g_assert_cmpuint (json_array_get_length (array), >, 0);
    for (guint i = 0; i < json_array_get_length (array); i++)
      g_assert_true (g_strv_contains (ours, str (json_array_get_object_element (array, i), "status")));
    us = json_object_get_int_member (reply_object (reply), "total");
  }
  {
    g_autoptr(Reply) reply = queue ("waiting=customer");
    JsonArray *array = items (reply);
    const char * const theirs[] = { "answered", "on_hold", NULL };

    g_assert_cmpuint (json_array_get_length (array), >, 0);
    for (guint i = 0; i < json_array_get_length (array); i++)
      g_assert_true (g_strv_contains (theirs, str (json_array_get_object_element (array, i), "status")));
    customer = json_object_get_int_member (reply_object (reply), "total");
  }
  g_assert_cmpint (us + customer + closed, ==, total);

  /* filters combine */
  {
    g_autoptr(Reply) reply = queue ("waiting=us&priority=high&department=1");
    JsonArray *array = items (reply);

    g_assert_cmpuint (json_array_get_length (array), >, 0);
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        JsonObject *t = json_array_get_object_element (array, i);

        g_assert_cmpstr (str (t, "priority"), ==, "high");
        g_assert_cmpstr (str (json_object_get_object_member (t, "department"), "id"), ==, "1");
        g_assert_cmpstr (str (t, "status"), !=, "answered");
      }
  }
}

static void
test_queue_search (void)
{
  /* the subject, any case and accent folding */
  {
    g_autoptr(Reply) reply = queue ("q=WORDPRESS");
    JsonArray *array = items (reply);

    g_assert_cmpuint (json_array_get_length (array), ==, 1);
    g_assert_cmpstr (str (json_array_get_object_element (array, 0), "subject"), ==,
                     "Site fora do ar após atualização do WordPress");
  }
  /* a message's text, internal notes included: staff search their own notes */
  {
    g_autoptr(Reply) reply = queue ("q=rob%C3%B4%20de%20busca");
    JsonArray *array = items (reply);

    g_assert_cmpuint (json_array_get_length (array), ==, 1);
    g_assert_cmpstr (str (json_array_get_object_element (array, 0), "subject"), ==,
                     "Lentidão no Cloud Server da loja");
  }
  /* a ticket's number */
  {
    g_autoptr(Reply) first = queue ("limit=1");
    const char *number = str (json_array_get_object_element (items (first), 0), "number");
    g_autofree char *escaped = g_uri_escape_string (number, NULL, FALSE);
    g_autofree char *query = g_strdup_printf ("q=%s", escaped);
    g_autoptr(Reply) reply = queue (query);

    g_assert_cmpuint (json_array_get_length (items (reply)), ==, 1);
  }
  /* nothing */
  {
    g_autoptr(Reply) reply = queue ("q=nada-disso-existe");

    g_assert_cmpuint (json_array_get_length (items (reply)), ==, 0);
    g_assert_cmpint (json_object_get_int_member (reply_object (reply), "total"), ==, 0);
  }
}

static void
test_queue_bad_values (void)
{
  static const struct { const char *query; const char *field; const char *code; } cases[] = {
    { "department=abc", "department", "invalid" },
    { "department=0", "department", "invalid" },
    { "department=999", "department", "invalid" },
    { "status=pending", "status", "invalid" },
    { "priority=urgent", "priority", "invalid" },
    { "waiting=me", "waiting", "invalid" },
    { "waiting=", "waiting", "invalid" },
    { "limit=0", "limit", "out_of_range" },
    { "limit=many", "limit", "invalid" },
    { "cursor=not-a-cursor", "cursor", "invalid" },
    { "cursor=czE6MTc5NDgyMzgwMA", "cursor", "invalid" },   /* one half of a cursor */
    { "q=%ff", "q", "invalid" },
  };
  g_autofree char *long_q = g_strnfill (101, 'a');
  g_autofree char *long_query = g_strdup_printf ("/api/v1/staff/tickets?q=%s", long_q);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Reply) reply = call ("GET", staff_token, NULL, "/api/v1/staff/tickets?%s", cases[i].query);

      assert_problem (reply, 400, "validation_failed");
      g_assert_true (problem_has_field (reply, cases[i].field, cases[i].code));
    }
  {
    g_autoptr(Reply) reply = call ("GET", staff_token, NULL, "%s", long_query);

    assert_problem (reply, 400, "validation_failed");
    g_assert_true (problem_has_field (reply, "q", "too_long"));
  }
  /* all at once, each named */
  {
    g_autoptr(Reply) reply = call ("GET", staff_token, NULL,
                                   "/api/v1/staff/tickets?department=x&status=x&priority=x&waiting=x&limit=x");

    assert_problem (reply, 400, "validation_failed");
    g_assert_true (problem_has_field (reply, "department", "invalid"));
    g_assert_true (problem_has_field (reply, "status", "invalid"));
    g_assert_true (problem_has_field (reply, "priority", "invalid"));
    g_assert_true (problem_has_field (reply, "waiting", "invalid"));
    g_assert_true (problem_has_field (reply, "limit", "invalid"));
  }
}

/* Walks the queue (with @query, may be NULL) @limit at a time: the ids in
 * order. With @touch, staff answer the first page's last ticket before the
 * second page is read (a second later, so its activity time moves). */
static GPtrArray *
walk_queue (const char *query,
            guint       limit,
            gboolean    touch)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *cursor = NULL;
  gint64 total = -1;
  guint pages = 0;

  do
    {
      g_autofree char *escaped = cursor != NULL ? g_uri_escape_string (cursor, NULL, FALSE) : NULL;
      g_autoptr(Reply) reply = call ("GET", staff_token, NULL, "/api/v1/staff/tickets?limit=%u%s%s%s%s", limit,
                                     query != NULL ? "&" : "", query != NULL ? query : "",
                                     escaped != NULL ? "&cursor=" : "", escaped != NULL ? escaped : "");
      JsonObject *page = ok_object (reply, 200);
      JsonArray *array = json_object_get_array_member (page, "items");
      JsonNode *next = json_object_get_member (page, "next_cursor");

      g_assert_cmpuint (json_array_get_length (array), <=, limit);
      if (total >= 0)
        g_assert_cmpint (json_object_get_int_member (page, "total"), ==, total);
      total = json_object_get_int_member (page, "total");
      for (guint i = 0; i < json_array_get_length (array); i++)
        g_ptr_array_add (ids, g_strdup (str (json_array_get_object_element (array, i), "id")));
      g_clear_pointer (&cursor, g_free);
      if (!JSON_NODE_HOLDS_NULL (next))
        {
          cursor = g_strdup (json_node_get_string (next));
          g_assert_cmpuint (json_array_get_length (array), ==, limit);
        }
      pages++;

      if (pages == 1 && touch)
        {
          g_autoptr(Reply) touched = NULL;

          g_usleep (1100 * 1000);
          touched = call ("POST", staff_token, "{\"body\": \"Estamos verificando.\"}",
                          "/api/v1/staff/tickets/%s/messages", (const char *) ids->pdata[ids->len - 1]);
          ok_object (touched, 201);
        }
    }
  while (cursor != NULL);
  g_assert_cmpuint (pages, >, 1);
  return ids;
}

static void
test_queue_pagination (void)
{
  g_autoptr(Reply) all = queue (NULL);
  JsonArray *array = items (all);
  g_autoptr(GPtrArray) walked = walk_queue (NULL, 2, FALSE);
  g_autoptr(GPtrArray) mine = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) again = NULL;

  /* the same tickets in the same order as one big page */
  g_assert_cmpuint (walked->len, ==, json_array_get_length (array));
  for (guint i = 0; i < walked->len; i++)
    g_assert_cmpstr (walked->pdata[i], ==, str (json_array_get_object_element (array, i), "id"));

  /* a ticket answered between two pages moves to the end: seen again,
   * and nothing is skipped */
  for (guint i = 0; i < 5; i++)
    g_ptr_array_add (mine, open_ticket (ana_cid, "Paginação estável", "Um chamado para a paginação"));
  again = walk_queue ("q=pagina%C3%A7%C3%A3o%20est%C3%A1vel", 2, TRUE);
  g_assert_cmpuint (again->len, ==, mine->len + 1);
  for (guint i = 0; i < mine->len; i++)
    g_assert_true (g_ptr_array_find_with_equal_func (again, mine->pdata[i], g_str_equal, NULL));
  g_assert_cmpstr (again->pdata[1], ==, again->pdata[again->len - 1]);
}

/* Customers never reach the desk */
static void
test_customers_forbidden (void)
{
  g_autofree char *tid = open_ticket (ana_cid, "Desk proibido", "Texto");
  const char * const customers[] = { demo_token, other_token, partner_token, viewer_token };

  for (guint c = 0; c < G_N_ELEMENTS (customers); c++)
    {
      g_autoptr(Reply) list = call ("GET", customers[c], NULL, "/api/v1/staff/tickets");
      g_autoptr(Reply) detail = call ("GET", customers[c], NULL, "/api/v1/staff/tickets/%s", tid);
      g_autoptr(Reply) reply = call ("POST", customers[c], "{\"body\": \"Oi\"}", "/api/v1/staff/tickets/%s/messages", tid);
      g_autoptr(Reply) status = call ("PUT", customers[c], "{\"status\": \"closed\"}", "/api/v1/staff/tickets/%s/status", tid);
      g_autoptr(Reply) attachment = call ("GET", customers[c], NULL, "/api/v1/staff/attachments/%032x", 1);
      g_autoptr(Reply) audit = call ("GET", customers[c], NULL, "/api/v1/staff/audit");

      assert_problem (list, 403, "forbidden");
      assert_problem (detail, 403, "forbidden");
      assert_problem (reply, 403, "forbidden");
      assert_problem (status, 403, "forbidden");
      assert_problem (attachment, 403, "forbidden");
      assert_problem (audit, 403, "forbidden");
    }
  /* and nothing happened to the ticket */
  {
    g_autoptr(Reply) detail = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/tickets/%s", ana_cid, tid);
    JsonObject *t = ok_object (detail, 200);

    g_assert_cmpstr (str (t, "status"), ==, "open");
    g_assert_cmpint (json_object_get_int_member (t, "message_count"), ==, 1);
  }
}

/* One ticket */

static void
test_detail_internal_flags_audited (void)
{
  g_autofree char *tid = demo_ticket ("Site fora do ar após atualização do WordPress");
  g_autoptr(Reply) staff = call ("GET", staff_token, NULL, "/api/v1/staff/tickets/%s", tid);
  g_autofree char *path = g_strdup_printf ("/api/v1/staff/tickets/%s", tid);
  JsonObject *t = ok_object (staff, 200);
  JsonArray *messages = json_object_get_array_member (t, "messages");
  g_autoptr(Reply) customer = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/tickets/%s", ana_cid, tid);
  guint notes = 0;

  g_assert_cmpstr (str (json_object_get_object_member (t, "contract"), "id"), ==, ana_cid);
  g_assert_cmpstr (str (json_object_get_object_member (t, "contract"), "name"), ==, "Ana Souza");
  g_assert_cmpint (json_object_get_int_member (t, "message_count"), ==, json_array_get_length (messages));
  for (guint i = 0; i < json_array_get_length (messages); i++)
    {
      JsonObject *m = json_array_get_object_element (messages, i);
      JsonNode *internal = json_object_get_member (m, "internal");

      g_assert_nonnull (internal);
      g_assert_cmpint (json_node_get_value_type (internal), ==, G_TYPE_BOOLEAN);
      if (json_node_get_boolean (internal))
        {
          notes++;
          g_assert_cmpstr (str (json_object_get_object_member (m, "author"), "kind"), ==, "staff");
        }
    }
  g_assert_cmpuint (notes, ==, 1);
  g_assert_true (reply_contains (staff, "plugin de cache"));
  assert_audited ("GET", path, ana_cid);

  /* the customer's thread: one message fewer, no "internal" anywhere */
  messages = json_object_get_array_member (ok_object (customer, 200), "messages");
  g_assert_cmpint (json_array_get_length (messages), ==,
                   json_object_get_int_member (t, "message_count") - 1);
  g_assert_false (reply_contains (customer, "\"internal\""));
  g_assert_false (reply_contains (customer, "\"contract\""));
  g_assert_false (reply_contains (customer, "plugin de cache"));

  /* ids that are not tickets */
  for (const char * const *bad = (const char * const[]) { "999999", "0", "abc", NULL }; *bad != NULL; bad++)
    {
      g_autoptr(Reply) reply = call ("GET", staff_token, NULL, "/api/v1/staff/tickets/%s", *bad);

      assert_problem (reply, 404, "not_found");
    }
}

static void
test_reply_answers_and_mails (void)
{
  g_autofree char *tid = open_ticket (ana_cid, "Resposta da equipe", "Preciso de ajuda com o DNS");
  g_autoptr(Reply) opened = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/tickets/%s", ana_cid, tid);
  g_autofree char *number = g_strdup (str (ok_object (opened, 200), "number"));
  g_autofree char *path = g_strdup_printf ("/api/v1/staff/tickets/%s/messages", tid);
  gint64 mails_before = ticket_emails (ana_cid, number);
  guint eml_before = dir_count_files (spool_dir, ".eml");
  g_autoptr(Reply) reply = call ("POST", staff_token, "{\"body\": \"Olá, Ana! Ajustamos o DNS do seu domínio.\"}",
                                 "/api/v1/staff/tickets/%s/messages", tid);
  JsonObject *t = ok_object (reply, 201);
  JsonArray *messages = json_object_get_array_member (t, "messages");
  JsonObject *last = json_array_get_object_element (messages, json_array_get_length (messages) - 1);
  g_autoptr(Reply) customer = NULL;
  g_autoptr(Reply) emails = NULL;
  g_autoptr(Reply) email = NULL;
  JsonObject *seen;

  g_assert_cmpstr (str (t, "status"), ==, "answered");
  g_assert_cmpstr (str (t, "last_message_author"), ==, "staff");
  g_assert_cmpstr (str (json_object_get_object_member (last, "author"), "kind"), ==, "staff");
  g_assert_cmpstr (str (json_object_get_object_member (last, "author"), "name"), ==, "Marina Costa (SAN)");
  g_assert_false (json_object_get_boolean_member (last, "internal"));
  g_assert_true (on_sao_paulo_day (str (last, "created_at"), TODAY));
  g_assert_cmpstr (str (t, "updated_at"), ==, str (last, "created_at"));
  assert_audited ("POST", path, ana_cid);

  /* the customer sees it */
  customer = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/tickets/%s", ana_cid, tid);
  seen = ok_object (customer, 200);
  g_assert_cmpstr (str (seen, "status"), ==, "answered");
  messages = json_object_get_array_member (seen, "messages");
  g_assert_cmpuint (json_array_get_length (messages), ==, 2);
  last = json_array_get_object_element (messages, 1);
  g_assert_cmpstr (str (json_object_get_object_member (last, "author"), "kind"), ==, "staff");
  g_assert_cmpstr (str (json_object_get_object_member (last, "author"), "name"), ==, "Marina Costa (SAN)");
  g_assert_cmpstr (str (last, "body"), ==, "Olá, Ana! Ajustamos o DNS do seu domínio.");

  /* e-mailed: in the history (at the server's today) and in the spool */
  g_assert_cmpint (ticket_emails (ana_cid, number), ==, mails_before + 1);
  g_assert_cmpuint (dir_count_files (spool_dir, ".eml"), ==, eml_before + 1);
  g_assert_cmpuint (dir_count_files (spool_dir, ".pending"), ==, 0);
  g_assert_true (spool_contains ("Ajustamos o DNS do seu dom"));
  {
    g_autofree char *escaped = g_uri_escape_string (number, NULL, FALSE);

    emails = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/emails?kind=ticket&q=%s&limit=1", ana_cid, escaped);
  }
  seen = json_array_get_object_element (items (emails), 0);
  g_assert_true (on_sao_paulo_day (str (seen, "sent_at"), TODAY));
  email = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/emails/%s", ana_cid, str (seen, "id"));
  g_assert_nonnull (strstr (str (ok_object (email, 200), "text_body"), "Ajustamos o DNS"));
  g_assert_nonnull (strstr (str (reply_object (email), "text_body"), "Marina Costa (SAN)"));
}

static void
test_reply_to_closed_ticket (void)
{
  g_autofree char *tid = open_ticket (ana_cid, "Reabrir pela equipe", "Texto");
  g_autoptr(Reply) closed = call ("POST", demo_token, NULL, "/api/v1/contracts/%s/tickets/%s/close", ana_cid, tid);
  g_autoptr(Reply) reply = NULL;

  g_assert_cmpstr (str (ok_object (closed, 200), "status"), ==, "closed");
  reply = call ("POST", staff_token, "{\"body\": \"Reabrimos para completar a resposta.\", \"internal\": false}",
                "/api/v1/staff/tickets/%s/messages", tid);
  g_assert_cmpstr (str (ok_object (reply, 201), "status"), ==, "answered");
}

static void
test_reply_validation (void)
{
  g_autofree char *tid = open_ticket (ana_cid, "Validação da equipe", "Texto");
  static const struct { const char *body; const char *field; const char *code; } cases[] = {
    { "{}", "body", "required" },
    { "{\"body\": \"   \"}", "body", "required" },
    { "{\"body\": 12}", "body", "wrong_type" },
    { "{\"body\": \"Oi\", \"internal\": \"yes\"}", "internal", "wrong_type" },
    { "{\"body\": \"Oi\", \"internal\": 1}", "internal", "wrong_type" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Reply) reply = call ("POST", staff_token, cases[i].body, "/api/v1/staff/tickets/%s/messages", tid);

      assert_problem (reply, 400, "validation_failed");
      g_assert_true (problem_has_field (reply, cases[i].field, cases[i].code));
    }
  {
    g_autoptr(Reply) reply = call ("POST", staff_token, "not json", "/api/v1/staff/tickets/%s/messages", tid);
    g_autoptr(Reply) missing = call ("POST", staff_token, "{\"body\": \"Oi\"}", "/api/v1/staff/tickets/999999/messages");
    g_autoptr(Reply) detail = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/tickets/%s", ana_cid, tid);

    assert_problem (reply, 400, "invalid_json");
    assert_problem (missing, 404, "not_found");
    /* nothing was added */
    g_assert_cmpint (json_object_get_int_member (ok_object (detail, 200), "message_count"), ==, 1);
    g_assert_cmpstr (str (reply_object (detail), "status"), ==, "open");
  }
}

/* A reply with a file, sent as multipart: the customer downloads it */
static void
test_reply_with_attachment (void)
{
  g_autofree char *tid = open_ticket (ana_cid, "Anexo da equipe", "Podem mandar o passo a passo?");
  g_autofree char *path = g_strdup_printf ("/api/v1/staff/tickets/%s/messages", tid);
  g_autoptr(GBytes) data = g_bytes_new_static ("1. Abra o painel\n2. Clique em DNS\n", 34);
  const UploadFile file = { "passo-a-passo.txt", "application/octet-stream", data };
  g_autoptr(Reply) reply = http_request_multipart (session, URL, path, staff_token, "message",
                                                   "{\"body\": \"Segue o passo a passo.\"}", &file, 1);
  JsonObject *t = ok_object (reply, 201);
  JsonArray *messages = json_object_get_array_member (t, "messages");
  JsonObject *last = json_array_get_object_element (messages, json_array_get_length (messages) - 1);
  JsonArray *attachments = json_object_get_array_member (last, "attachments");
  const char *aid;
  g_autoptr(Reply) download = NULL;

  g_assert_cmpuint (json_array_get_length (attachments), ==, 1);
  aid = str (json_array_get_object_element (attachments, 0), "id");
  g_assert_cmpstr (str (json_array_get_object_element (attachments, 0), "content_type"), ==,
                   "text/plain; charset=utf-8");
  download = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/attachments/%s", ana_cid, aid);
  g_assert_cmpuint (download->status, ==, 200);
  g_assert_true (g_bytes_equal (download->body, data));
}

/* Internal notes: the staff thread only */

static void
test_note_never_reaches_customer (void)
{
  g_autofree char *tid = open_ticket (ana_cid, "Nota da equipe", "Mensagem pública do cliente");
  g_autofree char *secret = g_strdup_printf ("SEGREDO-%08x", g_random_int ());
  g_autofree char *note = g_strdup_printf ("{\"body\": \"Nota interna %s\", \"internal\": true}", secret);
  g_autofree char *path = g_strdup_printf ("/api/v1/staff/tickets/%s/messages", tid);
  g_autoptr(Reply) before = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/tickets/%s", ana_cid, tid);
  JsonObject *ticket_before = ok_object (before, 200);
  g_autofree char *number = g_strdup (str (ticket_before, "number"));
  gint64 mails_before = ticket_emails (ana_cid, number);
  guint eml_before = dir_count_files (spool_dir, ".eml");
  g_autoptr(GBytes) data = g_bytes_new_static ("log interno\n", 12);
  const UploadFile file = { "interno.log", "text/plain", data };
  g_autoptr(Reply) reply = call ("POST", staff_token, note, "%s", path);
  g_autoptr(Reply) with_file = NULL;
  JsonObject *t = ok_object (reply, 201);
  JsonArray *messages = json_object_get_array_member (t, "messages");
  JsonObject *last = json_array_get_object_element (messages, json_array_get_length (messages) - 1);
  g_autofree char *note_aid = NULL;

  /* the note is in the staff thread; nothing the customer sees moved */
  g_assert_true (json_object_get_boolean_member (last, "internal"));
  g_assert_cmpstr (str (json_object_get_object_member (last, "author"), "kind"), ==, "staff");
  g_assert_cmpstr (str (t, "status"), ==, "open");
  g_assert_cmpstr (str (t, "updated_at"), ==, str (ticket_before, "updated_at"));
  g_assert_cmpstr (str (t, "last_message_author"), ==, "customer");

  /* a note with a file (multipart) */
  with_file = http_request_multipart (session, URL, path, staff_token, "message", note, &file, 1);
  messages = json_object_get_array_member (ok_object (with_file, 201), "messages");
  last = json_array_get_object_element (messages, json_array_get_length (messages) - 1);
  g_assert_true (json_object_get_boolean_member (last, "internal"));
  note_aid = g_strdup (str (json_array_get_object_element (json_object_get_array_member (last, "attachments"), 0), "id"));

  /* every customer answer: the ticket, the list, the search, the open filter, the attachment */
  {
    g_autoptr(Reply) detail = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/tickets/%s", ana_cid, tid);
    g_autoptr(Reply) list = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/tickets?limit=100", ana_cid);
    g_autoptr(Reply) open_list = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/tickets?limit=100&status=open_any", ana_cid);
    g_autoptr(Reply) search = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/tickets?q=%s", ana_cid, secret);
    g_autoptr(Reply) attachment = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/attachments/%s", ana_cid, note_aid);
    JsonObject *seen = ok_object (detail, 200);
    JsonObject *item = find_ticket (items (list), tid);

    g_assert_cmpint (json_object_get_int_member (seen, "message_count"), ==, 1);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (seen, "messages")), ==, 1);
    g_assert_cmpstr (str (seen, "updated_at"), ==, str (ticket_before, "updated_at"));
    g_assert_nonnull (item);
    g_assert_cmpint (json_object_get_int_member (item, "message_count"), ==, 1);
    g_assert_cmpstr (str (item, "last_message_author"), ==, "customer");
    g_assert_cmpint (json_object_get_int_member (ok_object (search, 200), "total"), ==, 0);
    assert_problem (attachment, 404, "not_found");
    for (Reply **r = (Reply *[]) { detail, list, open_list, search, attachment, NULL }; *r != NULL; r++)
      {
        g_assert_false (reply_contains (*r, secret));
        g_assert_false (reply_contains (*r, "interno.log"));
      }
  }

  /* no e-mail: none in the history, none in the spool, and no e-mail ever holds it */
  g_assert_cmpint (ticket_emails (ana_cid, number), ==, mails_before);
  g_assert_cmpuint (dir_count_files (spool_dir, ".eml"), ==, eml_before);
  {
    g_autoptr(Reply) emails = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/emails?q=%s", ana_cid, secret);

    g_assert_cmpint (json_object_get_int_member (ok_object (emails, 200), "total"), ==, 0);
  }
  /* a later public reply quotes only itself */
  {
    g_autoptr(Reply) public = call ("POST", staff_token, "{\"body\": \"Resposta pública\"}", "%s", path);

    ok_object (public, 201);
    g_assert_cmpint (ticket_emails (ana_cid, number), ==, mails_before + 1);
  }
  g_assert_false (spool_contains (secret));

  /* staff read the note's file */
  {
    g_autoptr(Reply) staff = call ("GET", staff_token, NULL, "/api/v1/staff/attachments/%s", note_aid);

    g_assert_cmpuint (staff->status, ==, 200);
    g_assert_true (g_bytes_equal (staff->body, data));
  }
}

/* Statuses */

static void
test_status_close_mails_once (void)
{
  g_autofree char *tid = open_ticket (ana_cid, "Status pela equipe", "Texto");
  g_autoptr(Reply) opened = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/tickets/%s", ana_cid, tid);
  g_autofree char *number = g_strdup (str (ok_object (opened, 200), "number"));
  g_autofree char *path = g_strdup_printf ("/api/v1/staff/tickets/%s/status", tid);
  gint64 mails = ticket_emails (ana_cid, number);
  guint eml = dir_count_files (spool_dir, ".eml");

  /* a status that is not closing: no e-mail */
  {
    g_autoptr(Reply) reply = call ("PUT", staff_token, "{\"status\": \"in_progress\"}", "%s", path);

    g_assert_cmpstr (str (ok_object (reply, 200), "status"), ==, "in_progress");
    g_assert_nonnull (json_object_get_object_member (reply_object (reply), "contract"));
    g_assert_cmpint (ticket_emails (ana_cid, number), ==, mails);
    assert_audited ("PUT", path, ana_cid);
  }
  /* closing: the customer's closing e-mail, once */
  {
    g_autoptr(Reply) reply = call ("PUT", staff_token, "{\"status\": \"closed\"}", "%s", path);
    g_autoptr(Reply) again = NULL;
    g_autoptr(Reply) customer = NULL;
    g_autofree char *escaped = g_uri_escape_string (number, NULL, FALSE);
    g_autoptr(Reply) emails = NULL;
    const char *updated_at;

    g_assert_cmpstr (str (ok_object (reply, 200), "status"), ==, "closed");
    updated_at = str (reply_object (reply), "updated_at");
    g_assert_true (on_sao_paulo_day (updated_at, TODAY));
    g_assert_cmpint (ticket_emails (ana_cid, number), ==, mails + 1);
    g_assert_cmpuint (dir_count_files (spool_dir, ".eml"), ==, eml + 1);
    emails = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/emails?kind=ticket&q=%s&limit=1", ana_cid, escaped);
    g_assert_nonnull (strstr (str (json_array_get_object_element (items (emails), 0), "subject"), "Chamado encerrado"));

    again = call ("PUT", staff_token, "{\"status\": \"closed\"}", "%s", path);
    g_assert_cmpstr (str (ok_object (again, 200), "status"), ==, "closed");
    g_assert_cmpstr (str (reply_object (again), "updated_at"), ==, updated_at);
    g_assert_cmpint (ticket_emails (ana_cid, number), ==, mails + 1);
    g_assert_cmpuint (dir_count_files (spool_dir, ".eml"), ==, eml + 1);

    customer = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/tickets/%s", ana_cid, tid);
    g_assert_cmpstr (str (ok_object (customer, 200), "status"), ==, "closed");
  }
  /* staff may reopen */
  {
    g_autoptr(Reply) reply = call ("PUT", staff_token, "{\"status\": \"open\"}", "%s", path);

    g_assert_cmpstr (str (ok_object (reply, 200), "status"), ==, "open");
    g_assert_cmpint (ticket_emails (ana_cid, number), ==, mails + 1);
  }
}

static void
test_status_validation (void)
{
  g_autofree char *tid = open_ticket (ana_cid, "Status inválido", "Texto");
  static const struct { const char *body; const char *code; } cases[] = {
    { "{}", "required" },
    { "{\"status\": \"\"}", "required" },
    { "{\"status\": 3}", "wrong_type" },
    { "{\"status\": \"open_any\"}", "invalid" },
    { "{\"status\": \"resolved\"}", "invalid" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Reply) reply = call ("PUT", staff_token, cases[i].body, "/api/v1/staff/tickets/%s/status", tid);

      assert_problem (reply, 400, "validation_failed");
      g_assert_true (problem_has_field (reply, "status", cases[i].code));
    }
  {
    g_autoptr(Reply) bad_json = call ("PUT", staff_token, "[]", "/api/v1/staff/tickets/%s/status", tid);
    g_autoptr(Reply) missing = call ("PUT", staff_token, "{\"status\": \"closed\"}", "/api/v1/staff/tickets/999999/status");
    g_autoptr(Reply) detail = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/tickets/%s", ana_cid, tid);

    assert_problem (bad_json, 400, "invalid_json");
    assert_problem (missing, 404, "not_found");
    g_assert_cmpstr (str (ok_object (detail, 200), "status"), ==, "open");
  }
}

/* Attachments */

static void
test_attachment_read_audited (void)
{
  g_autofree char *tid = demo_ticket ("Lentidão no Cloud Server da loja");
  g_autoptr(Reply) detail = call ("GET", staff_token, NULL, "/api/v1/staff/tickets/%s", tid);
  JsonArray *messages = json_object_get_array_member (ok_object (detail, 200), "messages");
  JsonObject *first = json_array_get_object_element (messages, 0);
  const char *aid = str (json_array_get_object_element (json_object_get_array_member (first, "attachments"), 0), "id");
  g_autofree char *path = g_strdup_printf ("/api/v1/staff/attachments/%s", aid);
  g_autoptr(Reply) staff = call ("GET", staff_token, NULL, "%s", path);
  g_autoptr(Reply) owner = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/attachments/%s", padaria_cid, aid);
  g_autoptr(Reply) unknown = call ("GET", staff_token, NULL, "/api/v1/staff/attachments/%032x", 7);
  g_autoptr(Reply) malformed = call ("GET", staff_token, NULL, "/api/v1/staff/attachments/not-a-token");

  g_assert_cmpuint (staff->status, ==, 200);
  g_assert_true (g_bytes_equal (staff->body, owner->body));
  g_assert_cmpstr (reply_header (staff, "Content-Type"), ==, reply_header (owner, "Content-Type"));
  g_assert_cmpstr (reply_header (staff, "Content-Disposition"), ==, reply_header (owner, "Content-Disposition"));
  g_assert_cmpstr (reply_header (staff, "X-Content-Type-Options"), ==, "nosniff");
  g_assert_cmpstr (reply_header (staff, "Content-Security-Policy"), ==, "default-src 'none'; sandbox");
  assert_audited ("GET", path, padaria_cid);
  assert_problem (unknown, 404, "not_found");
  assert_problem (malformed, 404, "not_found");
}

/* Contract routes: read as the owner, audited; never written */

static void
test_contract_reads_audited (void)
{
  g_autofree char *services_path = g_strdup_printf ("/api/v1/contracts/%s/services", mendes_cid);
  g_autofree char *invoices_path = g_strdup_printf ("/api/v1/contracts/%s/invoices", mendes_cid);
  gint64 before = 0;
  gint64 after = 0;
  g_autoptr(JsonObject) previous = newest_audit (&before);
  g_autoptr(JsonObject) latest = NULL;

  for (const char * const *path = (const char * const[]) { services_path, invoices_path, NULL }; *path != NULL; path++)
    {
      g_autoptr(Reply) staff = call ("GET", staff_token, NULL, "%s?limit=5", *path);
      g_autoptr(Reply) owner = call ("GET", other_token, NULL, "%s?limit=5", *path);

      g_assert_cmpuint (json_array_get_length (items (staff)), >, 0);
      g_assert_true (g_bytes_equal (staff->body, owner->body));
      /* recorded without the query */
      assert_audited ("GET", *path, mendes_cid);
    }
  latest = newest_audit (&after);
  g_assert_cmpint (after, ==, before + 2);
}

static void
test_contract_writes_forbidden (void)
{
  g_autofree char *tid = open_ticket (ana_cid, "Escrita proibida", "Texto");
  g_autoptr(Reply) tickets_before = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/tickets", ana_cid);
  g_autoptr(Reply) methods_before = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/pay-methods", ana_cid);
  gint64 total_before = json_object_get_int_member (ok_object (tickets_before, 200), "total");
  gint64 audit_before = 0;
  gint64 audit_after = 0;
  g_autoptr(JsonObject) previous = newest_audit (&audit_before);
  g_autoptr(JsonObject) latest = NULL;
  struct { const char *method; char *path; const char *body; } writes[] = {
    { "POST", g_strdup_printf ("/api/v1/contracts/%s/tickets", ana_cid),
      "{\"department_id\": \"1\", \"priority\": \"low\", \"subject\": \"Equipe\", \"body\": \"Texto\"}" },
    { "POST", g_strdup_printf ("/api/v1/contracts/%s/tickets/%s/messages", ana_cid, tid), "{\"body\": \"Pela rota do cliente\"}" },
    { "POST", g_strdup_printf ("/api/v1/contracts/%s/tickets/%s/close", ana_cid, tid), NULL },
    { "PUT", g_strdup_printf ("/api/v1/contracts/%s/pay-methods/default", ana_cid), "{\"method\": \"card\"}" },
    { "DELETE", g_strdup_printf ("/api/v1/contracts/%s/cards/1", ana_cid), NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (writes); i++)
    {
      g_autoptr(Reply) reply = call (writes[i].method, staff_token, writes[i].body, "%s", writes[i].path);

      assert_problem (reply, 403, "forbidden");
      g_free (writes[i].path);
    }

  /* nothing changed, nothing was recorded */
  {
    g_autoptr(Reply) tickets_after = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/tickets", ana_cid);
    g_autoptr(Reply) methods_after = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/pay-methods", ana_cid);
    g_autoptr(Reply) detail = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/tickets/%s", ana_cid, tid);

    g_assert_cmpint (json_object_get_int_member (ok_object (tickets_after, 200), "total"), ==, total_before);
    g_assert_true (g_bytes_equal (methods_after->body, methods_before->body));
    g_assert_cmpint (json_object_get_int_member (ok_object (detail, 200), "message_count"), ==, 1);
    g_assert_cmpstr (str (reply_object (detail), "status"), ==, "open");
  }
  latest = newest_audit (&audit_after);
  g_assert_cmpint (audit_after, ==, audit_before);
}

/* The audit log */

static void
test_audit_filter_and_pages (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *cursor = NULL;
  gint64 total = -1;
  gint64 previous_id = G_MAXINT64;
  guint pages = 0;
  g_autofree char *oficina_cid = me_contract_id (session, URL, partner_token, "Oficina Ribeiro ME");

  /* two reads of the Oficina at least */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(Reply) reply = call ("GET", staff_token, NULL, "/api/v1/contracts/%s/services", oficina_cid);

      ok_object (reply, 200);
    }

  do
    {
      g_autofree char *escaped = cursor != NULL ? g_uri_escape_string (cursor, NULL, FALSE) : NULL;
      g_autoptr(Reply) reply = call ("GET", staff_token, NULL, "/api/v1/staff/audit?contract_id=%s&limit=2%s%s",
                                     oficina_cid, escaped != NULL ? "&cursor=" : "", escaped != NULL ? escaped : "");
      JsonObject *page = ok_object (reply, 200);
      JsonArray *array = json_object_get_array_member (page, "items");
      JsonNode *next = json_object_get_member (page, "next_cursor");

      if (total >= 0)
        g_assert_cmpint (json_object_get_int_member (page, "total"), ==, total);
      total = json_object_get_int_member (page, "total");
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *entry = json_array_get_object_element (array, i);
          gint64 id = g_ascii_strtoll (str (entry, "id"), NULL, 10);

          /* newest first, each once, all of the Oficina */
          g_assert_cmpint (id, <, previous_id);
          previous_id = id;
          g_assert_true (g_hash_table_add (seen, g_strdup (str (entry, "id"))));
          g_assert_cmpstr (str (json_object_get_object_member (entry, "contract"), "id"), ==, oficina_cid);
          g_assert_cmpstr (str (json_object_get_object_member (entry, "contract"), "name"), ==, "Oficina Ribeiro ME");
          g_assert_cmpstr (str (json_object_get_object_member (entry, "user"), "display_name"), ==,
                           "Marina Costa (SAN)");
          g_assert_cmpstr (str (entry, "method"), ==, "GET");
          g_assert_true (g_str_has_prefix (str (entry, "path"), "/api/v1/"));
        }
      g_clear_pointer (&cursor, g_free);
      if (!JSON_NODE_HOLDS_NULL (next))
        cursor = g_strdup (json_node_get_string (next));
      pages++;
    }
  while (cursor != NULL);
  g_assert_cmpint (total, >=, 3);
  g_assert_cmpuint (g_hash_table_size (seen), ==, total);
  g_assert_cmpuint (pages, >=, 2);

  /* every contract: more than the Oficina's */
  {
    g_autoptr(Reply) all = call ("GET", staff_token, NULL, "/api/v1/staff/audit?limit=100");

    g_assert_cmpint (json_object_get_int_member (ok_object (all, 200), "total"), >, total);
  }
  /* a contract nobody read */
  {
    g_autoptr(Reply) none = call ("GET", staff_token, NULL, "/api/v1/staff/audit?contract_id=999999");

    g_assert_cmpint (json_object_get_int_member (ok_object (none, 200), "total"), ==, 0);
  }
  /* bad values */
  for (const char * const *q = (const char * const[]) { "contract_id=abc", "contract_id=0", "limit=101", "cursor=xyz", NULL };
       *q != NULL; q++)
    {
      g_autoptr(Reply) reply = call ("GET", staff_token, NULL, "/api/v1/staff/audit?%s", *q);
      g_autofree char *field = g_strndup (*q, strcspn (*q, "="));

      assert_problem (reply, 400, "validation_failed");
      g_assert_true (problem_has_field (reply, field, g_str_equal (field, "limit") ? "out_of_range" : "invalid"));
    }
}

/* /me */

static void
test_me_role (void)
{
  g_autoptr(Reply) staff = call ("GET", staff_token, NULL, "/api/v1/me");
  g_autoptr(Reply) customer = call ("GET", demo_token, NULL, "/api/v1/me");
  JsonObject *user = json_object_get_object_member (ok_object (staff, 200), "user");

  g_assert_cmpstr (str (user, "role"), ==, "staff");
  g_assert_cmpstr (str (user, "display_name"), ==, "Marina Costa (SAN)");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (reply_object (staff), "contracts")), ==, 0);
  user = json_object_get_object_member (ok_object (customer, 200), "user");
  g_assert_cmpstr (str (user, "role"), ==, "customer");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (reply_object (customer), "contracts")), >, 0);
}

/* The server's clock (--today) for tickets and their e-mails */
static void
test_times_follow_server_clock (void)
{
  g_autofree char *tid = open_ticket (ana_cid, "Relógio", "Que dia é hoje?");
  g_autoptr(Reply) detail = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/tickets/%s", ana_cid, tid);
  JsonObject *t = ok_object (detail, 200);
  g_autofree char *escaped = g_uri_escape_string (str (t, "number"), NULL, FALSE);
  g_autoptr(Reply) emails = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/emails?q=%s", ana_cid, escaped);
  JsonArray *array = items (emails);

  g_assert_true (on_sao_paulo_day (str (t, "created_at"), TODAY));
  g_assert_true (on_sao_paulo_day (str (t, "updated_at"), TODAY));
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  g_assert_true (on_sao_paulo_day (str (json_array_get_object_element (array, 0), "sent_at"), TODAY));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/portald/staff/queue/across-contracts-with-names", test_queue_across_contracts);
  g_test_add_func ("/portald/staff/queue/filters", test_queue_filters);
  g_test_add_func ("/portald/staff/queue/search-includes-notes", test_queue_search);
  g_test_add_func ("/portald/staff/queue/bad-values-name-the-field", test_queue_bad_values);
  g_test_add_func ("/portald/staff/queue/pagination-stable", test_queue_pagination);
  g_test_add_func ("/portald/staff/customers-forbidden", test_customers_forbidden);
  g_test_add_func ("/portald/staff/ticket/detail-internal-flags-audited", test_detail_internal_flags_audited);
  g_test_add_func ("/portald/staff/reply/answered-visible-and-mailed", test_reply_answers_and_mails);
  g_test_add_func ("/portald/staff/reply/closed-ticket-answered", test_reply_to_closed_ticket);
  g_test_add_func ("/portald/staff/reply/validation", test_reply_validation);
  g_test_add_func ("/portald/staff/reply/attachment-for-the-customer", test_reply_with_attachment);
  g_test_add_func ("/portald/staff/note/never-reaches-the-customer", test_note_never_reaches_customer);
  g_test_add_func ("/portald/staff/status/close-mails-once", test_status_close_mails_once);
  g_test_add_func ("/portald/staff/status/validation", test_status_validation);
  g_test_add_func ("/portald/staff/attachment/read-audited", test_attachment_read_audited);
  g_test_add_func ("/portald/staff/contract-routes/reads-audited", test_contract_reads_audited);
  g_test_add_func ("/portald/staff/contract-routes/writes-forbidden-nothing-changes", test_contract_writes_forbidden);
  g_test_add_func ("/portald/staff/audit/filter-and-pages", test_audit_filter_and_pages);
  g_test_add_func ("/portald/staff/me/role", test_me_role);
  g_test_add_func ("/portald/staff/times-follow-server-clock", test_times_follow_server_clock);

  {
    g_autofree char *root = temp_dir_new ();
    const char *args[] = { "--today", TODAY, "--attachments", NULL, "--mail-spool", NULL, NULL };
    g_autoptr(Reply) me = NULL;

    attachments_dir = g_build_filename (root, "attachments", NULL);
    spool_dir = g_build_filename (root, "spool", NULL);
    args[3] = attachments_dir;
    args[5] = spool_dir;
    server = san_test_server_start (TRUE, args);
    session = test_session_new (NULL);
    demo_token = login (session, URL, "demo@example.com", "demo-1234", NULL);
    other_token = login (session, URL, "other@example.com", "other-1234", NULL);
    partner_token = login (session, URL, "partner@example.com", "partner-1234", NULL);
    viewer_token = login (session, URL, "viewer@example.com", "viewer-1234", NULL);
    staff_token = login (session, URL, "staff@example.com", "staff-1234", NULL);
    me = http_request (session, URL, "GET", "/api/v1/me", staff_token, NULL);
    staff_id = g_strdup (str (json_object_get_object_member (reply_object (me), "user"), "id"));
    ana_cid = me_contract_id (session, URL, demo_token, "Ana Souza");
    padaria_cid = me_contract_id (session, URL, demo_token, "Padaria Pão Quente Ltda");
    mendes_cid = me_contract_id (session, URL, other_token, "Carlos Mendes");

    status = g_test_run ();

    g_object_unref (session);
    san_test_server_stop (server);
    temp_dir_remove (root);   /* and the two folders in it */
  }
  g_free (demo_token);
  g_free (other_token);
  g_free (partner_token);
  g_free (viewer_token);
  g_free (staff_token);
  g_free (staff_id);
  g_free (ana_cid);
  g_free (padaria_cid);
  g_free (mendes_cid);
  g_free (attachments_dir);
  g_free (spool_dir);
  return status;
}
