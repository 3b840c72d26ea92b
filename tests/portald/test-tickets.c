/* test-tickets.c: san-portald's tickets routes against the real server
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One demo server pretending today is 2026-11-24, with its own attachments
 * folder and mail spool. Tests that change data open tickets of their own,
 * so their order does not matter.
 */
#include "config.h"

#include <string.h>

#include "san-test-server.h"
#include "portald-test-util.h"

#define TODAY "2026-11-24"
#define MiB (1024 * 1024)
#define INTERNAL_MARK "Nota interna"

static SanTestServer *server;
static SoupSession *session;
static char *demo_token;
static char *viewer_token;
static char *other_token;
static char *attachments_dir;
static char *spool_dir;
static char *ana_cid;
static char *padaria_cid;
static char *oficina_cid;
static char *mendes_cid;

#define URL (san_test_server_get_url (server))

static const guint8 png_bytes[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02, 0x08, 0x06, 0x00, 0x00, 0x00, 0x72, 0xb6, 0x0d,
  0x24, 0x00, 0x00, 0x00, 0x0b, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x60, 0x40, 0x05, 0x00,
  0x00, 0x0e, 0x00, 0x01, 0xa0, 0x21, 0x4f, 0x5b, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44,
  0xae, 0x42, 0x60, 0x82,
};

/* Requests */

/* A request to the test's server; the path from a printf() format */
#define call(method, token, body, ...) \
  http_request_printf (session, URL, method, token, body, __VA_ARGS__)

/* Opens a ticket on Ana's contract with JSON; returns its id */
static char *
open_ticket (const char *cid,
             const char *subject,
             const char *body)
{
  g_autofree char *json =
    g_strdup_printf ("{\"department_id\": \"1\", \"priority\": \"medium\", \"subject\": \"%s\", \"body\": \"%s\"}",
                     subject, body);
  g_autoptr(Reply) reply = call ("POST", demo_token, json, "/api/v1/contracts/%s/tickets", cid);

  g_assert_cmpuint (reply->status, ==, 201);
  return g_strdup (member_str (reply_object (reply), "id"));
}

/* Every ticket of a contract (one page of 100), newest activity first */
static JsonArray *
all_tickets (const char *cid,
             const char *query,
             Reply     **out_reply)
{
  Reply *reply = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/tickets?limit=100%s", cid,
                       query != NULL ? query : "");

  g_assert_cmpuint (reply->status, ==, 200);
  *out_reply = reply;
  return json_object_get_array_member (reply_object (reply), "items");
}

/* Departments */

static void
test_departments (void)
{
  g_autoptr(Reply) reply = call ("GET", demo_token, NULL, "/api/v1/departments");
  g_autoptr(Reply) anonymous = call ("GET", NULL, NULL, "/api/v1/departments");
  JsonArray *items;

  g_assert_cmpuint (reply->status, ==, 200);
  items = json_object_get_array_member (reply_object (reply), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 3);
  g_assert_cmpstr (member_str (json_array_get_object_element (items, 0), "name"), ==, "Suporte Técnico");
  g_assert_cmpstr (member_str (json_array_get_object_element (items, 1), "name"), ==, "Financeiro");
  g_assert_cmpstr (member_str (json_array_get_object_element (items, 2), "name"), ==, "Comercial");
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *d = json_array_get_object_element (items, i);

      g_assert_true (g_ascii_isdigit (member_str (d, "id")[0]));
      g_assert_cmpstr (member_str (d, "description"), !=, "");
    }
  assert_problem (anonymous, 401, "unauthenticated");
}

/* The demo */

static void
test_demo_list (void)
{
  g_autoptr(Reply) reply = NULL;
  g_autoptr(Reply) padaria = NULL;
  JsonArray *items = all_tickets (ana_cid, NULL, &reply);
  JsonArray *padaria_items = all_tickets (padaria_cid, NULL, &padaria);
  g_autoptr(GHashTable) statuses = g_hash_table_new (g_str_hash, g_str_equal);
  const char *previous = NULL;

  g_assert_cmpuint (json_array_get_length (items), >=, 4);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *t = json_array_get_object_element (items, i);
      const char *updated = member_str (t, "updated_at");

      g_assert_cmpstr (member_str (t, "contract_id"), ==, ana_cid);
      g_assert_true (g_regex_match_simple ("^#[0-9]{4}-[0-9]{4}$", member_str (t, "number"), 0, 0));
      g_assert_true (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z$", updated, 0, 0));
      g_assert_nonnull (json_object_get_object_member (t, "department"));
      g_assert_cmpint (member_int (t, "message_count"), >=, 1);
      if (previous != NULL)
        g_assert_cmpstr (previous, >=, updated);
      previous = updated;
      g_hash_table_add (statuses, (gpointer) member_str (t, "status"));
    }
  for (guint i = 0; i < json_array_get_length (padaria_items); i++)
    g_hash_table_add (statuses, (gpointer) member_str (json_array_get_object_element (padaria_items, i), "status"));
  g_assert_true (g_hash_table_contains (statuses, "open"));
  g_assert_true (g_hash_table_contains (statuses, "answered"));
  g_assert_true (g_hash_table_contains (statuses, "customer_reply"));
  g_assert_true (g_hash_table_contains (statuses, "on_hold"));
  g_assert_true (g_hash_table_contains (statuses, "in_progress"));
  g_assert_true (g_hash_table_contains (statuses, "closed"));
  g_assert_false (reply_contains (reply, INTERNAL_MARK));
}

/* The demo ticket with the internal note: its visible thread, staff messages, attachment */
static void
test_demo_thread_hides_internal_note (void)
{
  g_autoptr(Reply) list = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/tickets?q=wordpress", ana_cid);
  g_autoptr(Reply) reply = NULL;
  g_autoptr(Reply) search = NULL;
  JsonObject *ticket;
  JsonArray *messages;
  gboolean staff = FALSE;
  guint n_attachments = 0;

  g_assert_cmpuint (list->status, ==, 200);
  g_assert_cmpint (member_int (reply_object (list), "total"), ==, 1);
  ticket = json_array_get_object_element (json_object_get_array_member (reply_object (list), "items"), 0);
  g_assert_cmpstr (member_str (ticket, "status"), ==, "in_progress");
  g_assert_cmpstr (member_str (ticket, "last_message_author"), ==, "staff");

  reply = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/tickets/%s", ana_cid, member_str (ticket, "id"));
  g_assert_cmpuint (reply->status, ==, 200);
  messages = json_object_get_array_member (reply_object (reply), "messages");
  g_assert_cmpint (json_array_get_length (messages), ==, member_int (reply_object (reply), "message_count"));
  g_assert_cmpint (json_array_get_length (messages), ==, 4);
  for (guint i = 0; i < json_array_get_length (messages); i++)
    {
      JsonObject *m = json_array_get_object_element (messages, i);
      JsonObject *author = json_object_get_object_member (m, "author");

      if (g_str_equal (member_str (author, "kind"), "staff"))
        {
          staff = TRUE;
          g_assert_cmpstr (member_str (author, "name"), ==, "SAN");
        }
      n_attachments += json_array_get_length (json_object_get_array_member (m, "attachments"));
    }
  g_assert_true (staff);
  g_assert_cmpuint (n_attachments, ==, 1);
  g_assert_false (reply_contains (reply, INTERNAL_MARK));
  g_assert_false (reply_contains (reply, "plugin de cache"));

  /* searching for the note's words finds nothing */
  search = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/tickets?q=plugin%%20de%%20cache", ana_cid);
  g_assert_cmpuint (search->status, ==, 200);
  g_assert_cmpint (member_int (reply_object (search), "total"), ==, 0);
}

/* Filters, search, pagination */

static void
test_filters (void)
{
  g_autoptr(Reply) closed = NULL;
  g_autoptr(Reply) open_any = NULL;
  g_autoptr(Reply) all = NULL;
  g_autoptr(Reply) by_text = NULL;
  g_autoptr(Reply) accents = NULL;
  g_autoptr(Reply) bad = NULL;
  g_autoptr(Reply) long_q = NULL;
  g_autofree char *q = g_strnfill (101, 'a');
  JsonArray *items;
  guint n_all;

  items = all_tickets (ana_cid, "&status=closed", &closed);
  g_assert_cmpuint (json_array_get_length (items), >=, 1);
  for (guint i = 0; i < json_array_get_length (items); i++)
    g_assert_cmpstr (member_str (json_array_get_object_element (items, i), "status"), ==, "closed");

  n_all = json_array_get_length (all_tickets (ana_cid, NULL, &all));
  items = all_tickets (ana_cid, "&status=open_any", &open_any);
  for (guint i = 0; i < json_array_get_length (items); i++)
    g_assert_cmpstr (member_str (json_array_get_object_element (items, i), "status"), !=, "closed");
  g_assert_cmpint (member_int (reply_object (open_any), "total") + member_int (reply_object (closed), "total"), ==, n_all);

  /* message text, any case */
  items = all_tickets (ana_cid, "&q=imap", &by_text);
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  g_assert_cmpstr (member_str (json_array_get_object_element (items, 0), "subject"), ==,
                   "Como configurar o e-mail no celular");
  /* beyond ASCII: "DÚVIDA" finds "Dúvida" */
  items = all_tickets (ana_cid, "&q=D%C3%9AVIDA", &accents);
  g_assert_cmpuint (json_array_get_length (items), ==, 1);

  bad = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/tickets?status=pending", ana_cid);
  assert_problem (bad, 400, "validation_failed");
  g_assert_true (problem_has_field (bad, "status", "invalid"));
  long_q = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/tickets?q=%s", ana_cid, q);
  assert_problem (long_q, 400, "validation_failed");
  g_assert_true (problem_has_field (long_q, "q", "too_long"));
}

static void
test_pagination (void)
{
  g_autoptr(Reply) all = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *cursor = NULL;
  g_autoptr(Reply) bad_limit = NULL;
  g_autoptr(Reply) bad_cursor = NULL;
  JsonArray *items;

  g_free (open_ticket (ana_cid, "Paginação", "Um chamado a mais"));
  items = all_tickets (ana_cid, NULL, &all);
  do
    {
      g_autoptr(Reply) page = NULL;
      JsonArray *page_items;

      if (cursor == NULL)
        page = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/tickets?limit=2", ana_cid);
      else
        page = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/tickets?limit=2&cursor=%s", ana_cid, cursor);
      g_assert_cmpuint (page->status, ==, 200);
      g_assert_cmpint (member_int (reply_object (page), "total"), ==, json_array_get_length (items));
      page_items = json_object_get_array_member (reply_object (page), "items");
      g_assert_cmpuint (json_array_get_length (page_items), <=, 2);
      for (guint i = 0; i < json_array_get_length (page_items); i++)
        g_ptr_array_add (seen, g_strdup (member_str (json_array_get_object_element (page_items, i), "id")));
      g_clear_pointer (&cursor, g_free);
      cursor = g_strdup (member_str (reply_object (page), "next_cursor"));
    }
  while (cursor != NULL);

  g_assert_cmpuint (seen->len, ==, json_array_get_length (items));
  for (guint i = 0; i < seen->len; i++)
    g_assert_cmpstr (g_ptr_array_index (seen, i), ==, member_str (json_array_get_object_element (items, i), "id"));

  bad_limit = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/tickets?limit=0", ana_cid);
  g_assert_true (problem_has_field (bad_limit, "limit", "out_of_range"));
  bad_cursor = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/tickets?cursor=nonsense", ana_cid);
  g_assert_true (problem_has_field (bad_cursor, "cursor", "invalid"));
}

/* Opening, replying, closing */

static void
test_create_json (void)
{
  g_autoptr(Reply) services = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/services", ana_cid);
  const char *service_id = member_str (json_array_get_object_element (
    json_object_get_array_member (reply_object (services), "items"), 0), "id");
  g_autofree char *body =
    g_strdup_printf ("{\"department_id\": \"2\", \"service_id\": \"%s\", \"priority\": \"high\","
                     " \"subject\": \"  Boleto não chegou  \", \"body\": \"Não recebi o boleto\\ndeste mês.\"}",
                     service_id);
  g_autoptr(Reply) reply = call ("POST", demo_token, body, "/api/v1/contracts/%s/tickets", ana_cid);
  g_autoptr(Reply) detail = NULL;
  g_autoptr(Reply) list = NULL;
  JsonObject *t;
  JsonObject *m;
  JsonArray *items;

  g_assert_cmpuint (reply->status, ==, 201);
  t = reply_object (reply);
  g_assert_cmpstr (member_str (t, "contract_id"), ==, ana_cid);
  g_assert_true (g_regex_match_simple ("^#2026-[0-9]{4}$", member_str (t, "number"), 0, 0));
  g_assert_cmpstr (member_str (json_object_get_object_member (t, "department"), "name"), ==, "Financeiro");
  g_assert_cmpstr (member_str (t, "service_id"), ==, service_id);
  g_assert_cmpstr (member_str (t, "priority"), ==, "high");
  g_assert_cmpstr (member_str (t, "subject"), ==, "Boleto não chegou");
  g_assert_cmpstr (member_str (t, "status"), ==, "open");
  g_assert_true (on_sao_paulo_day (member_str (t, "created_at"), TODAY));
  g_assert_cmpstr (member_str (t, "updated_at"), ==, member_str (t, "created_at"));
  g_assert_cmpstr (member_str (t, "last_message_author"), ==, "customer");
  g_assert_cmpint (member_int (t, "message_count"), ==, 1);
  m = json_array_get_object_element (json_object_get_array_member (t, "messages"), 0);
  g_assert_cmpstr (member_str (json_object_get_object_member (m, "author"), "kind"), ==, "customer");
  g_assert_cmpstr (member_str (json_object_get_object_member (m, "author"), "name"), ==, "Ana Souza");
  g_assert_cmpstr (member_str (m, "body"), ==, "Não recebi o boleto\ndeste mês.");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (m, "attachments")), ==, 0);

  detail = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/tickets/%s", ana_cid, member_str (t, "id"));
  g_assert_cmpuint (detail->status, ==, 200);
  g_assert_true (json_node_equal (detail->json, reply->json));

  /* newest activity first */
  items = all_tickets (ana_cid, NULL, &list);
  g_assert_cmpstr (member_str (json_array_get_object_element (items, 0), "id"), ==, member_str (t, "id"));
}

static void
test_create_validation (void)
{
  g_autoptr(Reply) padaria_services = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/services", padaria_cid);
  const char *foreign_service = member_str (json_array_get_object_element (
    json_object_get_array_member (reply_object (padaria_services), "items"), 0), "id");
  g_autofree char *foreign = g_strdup_printf ("{\"department_id\": \"1\", \"service_id\": \"%s\", \"priority\": \"low\","
                                              " \"subject\": \"a\", \"body\": \"b\"}", foreign_service);
  g_autoptr(Reply) missing = call ("POST", demo_token, "{\"department_id\": \"1\", \"priority\": \"low\"}",
                                   "/api/v1/contracts/%s/tickets", ana_cid);
  g_autoptr(Reply) blank = call ("POST", demo_token,
                                 "{\"department_id\": \"1\", \"priority\": \"low\", \"subject\": \" \", \"body\": \"x\"}",
                                 "/api/v1/contracts/%s/tickets", ana_cid);
  g_autoptr(Reply) priority = call ("POST", demo_token,
                                    "{\"department_id\": \"1\", \"priority\": \"urgent\", \"subject\": \"a\", \"body\": \"b\"}",
                                    "/api/v1/contracts/%s/tickets", ana_cid);
  g_autoptr(Reply) department = call ("POST", demo_token,
                                      "{\"department_id\": \"99\", \"priority\": \"low\", \"subject\": \"a\", \"body\": \"b\"}",
                                      "/api/v1/contracts/%s/tickets", ana_cid);
  g_autoptr(Reply) bad_id = call ("POST", demo_token,
                                  "{\"department_id\": \"x\", \"priority\": \"low\", \"subject\": \"a\", \"body\": \"b\"}",
                                  "/api/v1/contracts/%s/tickets", ana_cid);
  g_autoptr(Reply) service = call ("POST", demo_token, foreign, "/api/v1/contracts/%s/tickets", ana_cid);
  g_autoptr(Reply) not_json = call ("POST", demo_token, "{", "/api/v1/contracts/%s/tickets", ana_cid);
  g_autoptr(Reply) empty_reply = NULL;
  g_autofree char *tid = open_ticket (ana_cid, "Validação", "Corpo");

  assert_problem (missing, 400, "validation_failed");
  g_assert_true (problem_has_field (missing, "subject", "required"));
  g_assert_true (problem_has_field (missing, "body", "required"));
  g_assert_true (problem_has_field (blank, "subject", "required"));
  g_assert_true (problem_has_field (priority, "priority", "invalid"));
  g_assert_true (problem_has_field (department, "department_id", "invalid"));
  g_assert_true (problem_has_field (bad_id, "department_id", "invalid"));
  assert_problem (service, 400, "validation_failed");
  g_assert_true (problem_has_field (service, "service_id", "invalid"));
  assert_problem (not_json, 400, "invalid_json");

  empty_reply = call ("POST", demo_token, "{\"body\": \"\"}", "/api/v1/contracts/%s/tickets/%s/messages", ana_cid, tid);
  g_assert_true (problem_has_field (empty_reply, "body", "required"));
}

static void
test_reply_reopens_and_close_twice (void)
{
  g_autofree char *tid = open_ticket (ana_cid, "Reabrir", "Primeira mensagem");
  g_autoptr(Reply) close = call ("POST", demo_token, NULL, "/api/v1/contracts/%s/tickets/%s/close", ana_cid, tid);
  g_autoptr(Reply) again = call ("POST", demo_token, NULL, "/api/v1/contracts/%s/tickets/%s/close", ana_cid, tid);
  g_autoptr(Reply) reply = call ("POST", demo_token, "{\"body\": \"Voltou a acontecer\"}",
                                 "/api/v1/contracts/%s/tickets/%s/messages", ana_cid, tid);
  g_autoptr(Reply) close_json = NULL;
  JsonObject *t;
  JsonArray *messages;

  g_assert_cmpuint (close->status, ==, 200);
  g_assert_cmpstr (member_str (reply_object (close), "status"), ==, "closed");
  assert_problem (again, 409, "invalid_state");

  g_assert_cmpuint (reply->status, ==, 201);
  t = reply_object (reply);
  g_assert_cmpstr (member_str (t, "status"), ==, "customer_reply");
  g_assert_cmpint (member_int (t, "message_count"), ==, 2);
  g_assert_cmpstr (member_str (t, "last_message_author"), ==, "customer");
  messages = json_object_get_array_member (t, "messages");
  g_assert_cmpstr (member_str (json_array_get_object_element (messages, 1), "body"), ==, "Voltou a acontecer");

  /* a JSON body on close is accepted too */
  close_json = call ("POST", demo_token, "{}", "/api/v1/contracts/%s/tickets/%s/close", ana_cid, tid);
  g_assert_cmpuint (close_json->status, ==, 200);
}

/* Permissions */

static void
test_permissions (void)
{
  g_autofree char *tid = open_ticket (ana_cid, "Permissões", "Teste");
  const char *body = "{\"department_id\": \"1\", \"priority\": \"low\", \"subject\": \"a\", \"body\": \"b\"}";
  g_autoptr(Reply) viewer_list = call ("GET", viewer_token, NULL, "/api/v1/contracts/%s/tickets", oficina_cid);
  g_autoptr(Reply) viewer_create = call ("POST", viewer_token, body, "/api/v1/contracts/%s/tickets", oficina_cid);
  g_autoptr(Reply) viewer_departments = call ("GET", viewer_token, NULL, "/api/v1/departments");
  g_autoptr(Reply) other_list = call ("GET", other_token, NULL, "/api/v1/contracts/%s/tickets", ana_cid);
  g_autoptr(Reply) other_detail = call ("GET", other_token, NULL, "/api/v1/contracts/%s/tickets/%s", ana_cid, tid);
  g_autoptr(Reply) other_reply = call ("POST", other_token, "{\"body\": \"x\"}",
                                       "/api/v1/contracts/%s/tickets/%s/messages", ana_cid, tid);
  g_autoptr(Reply) other_close = call ("POST", other_token, NULL, "/api/v1/contracts/%s/tickets/%s/close", ana_cid, tid);
  g_autoptr(Reply) anonymous = call ("GET", NULL, NULL, "/api/v1/contracts/%s/tickets", ana_cid);
  g_autoptr(Reply) anonymous_create = call ("POST", NULL, body, "/api/v1/contracts/%s/tickets", ana_cid);
  g_autoptr(Reply) wrong_contract = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/tickets/%s", padaria_cid, tid);
  g_autoptr(Reply) wrong_close = call ("POST", demo_token, NULL, "/api/v1/contracts/%s/tickets/%s/close", padaria_cid, tid);
  g_autoptr(Reply) not_an_id = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/tickets/abc", ana_cid);
  g_autoptr(Reply) unknown = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/tickets/999999", ana_cid);
  g_autoptr(Reply) still_open = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/tickets/%s", ana_cid, tid);

  assert_problem (viewer_list, 403, "forbidden");
  assert_problem (viewer_create, 403, "forbidden");
  g_assert_cmpuint (viewer_departments->status, ==, 200);
  assert_problem (other_list, 403, "forbidden");
  assert_problem (other_detail, 403, "forbidden");
  assert_problem (other_reply, 403, "forbidden");
  assert_problem (other_close, 403, "forbidden");
  assert_problem (anonymous, 401, "unauthenticated");
  assert_problem (anonymous_create, 401, "unauthenticated");
  assert_problem (wrong_contract, 404, "not_found");
  assert_problem (wrong_close, 404, "not_found");
  assert_problem (not_an_id, 404, "not_found");
  assert_problem (unknown, 404, "not_found");
  g_assert_cmpstr (member_str (reply_object (still_open), "status"), ==, "open");
  g_assert_cmpint (member_int (reply_object (still_open), "message_count"), ==, 1);
}

/* Attachments */

static Reply *
download (const char *token,
          const char *cid,
          const char *aid)
{
  return call ("GET", token, NULL, "/api/v1/contracts/%s/attachments/%s", cid, aid);
}

static void
test_attachments_upload_download (void)
{
  const char *text = "Log de erro único 7f3a9c: conexão recusada\n";
  g_autoptr(GBytes) png = g_bytes_new_static (png_bytes, sizeof png_bytes);
  g_autoptr(GBytes) log = g_bytes_new_static (text, strlen (text));
  UploadFile files[] = {
    { "../../etc/captura\x01.png", "image/png", png },
    { "erro.txt", "application/octet-stream", log },
  };
  g_autofree char *path = g_strdup_printf ("/api/v1/contracts/%s/tickets", ana_cid);
  g_autofree char *reply_path = NULL;
  g_autoptr(Reply) reply =
    http_request_multipart (session, URL, path, demo_token, "ticket",
                            "{\"department_id\": \"1\", \"priority\": \"low\", \"subject\": \"Com anexos\", \"body\": \"Veja\"}",
                            files, G_N_ELEMENTS (files));
  g_autofree char *png_hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, png);
  g_autofree char *log_hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, log);
  g_autofree char *png_path = g_build_filename (attachments_dir, png_hash, NULL);
  g_autofree char *log_path = g_build_filename (attachments_dir, log_hash, NULL);
  g_autofree char *db_wal = g_strconcat (san_test_server_get_db (server), "-wal", NULL);
  g_autoptr(Reply) png_reply = NULL;
  g_autoptr(Reply) log_reply = NULL;
  g_autoptr(Reply) again = NULL;
  g_autoptr(GBytes) stored = NULL;
  JsonArray *attachments;
  JsonObject *a_png;
  JsonObject *a_log;
  guint n_files;
  char *contents = NULL;
  gsize size;

  g_assert_cmpuint (reply->status, ==, 201);
  attachments = json_object_get_array_member (
    json_array_get_object_element (json_object_get_array_member (reply_object (reply), "messages"), 0),
    "attachments");
  g_assert_cmpuint (json_array_get_length (attachments), ==, 2);
  a_png = json_array_get_object_element (attachments, 0);
  a_log = json_array_get_object_element (attachments, 1);
  g_assert_cmpstr (member_str (a_png, "filename"), ==, "captura.png");
  g_assert_cmpstr (member_str (a_png, "content_type"), ==, "image/png");
  g_assert_cmpint (member_int (a_png, "size"), ==, sizeof png_bytes);
  g_assert_cmpstr (member_str (a_log, "filename"), ==, "erro.txt");
  g_assert_cmpstr (member_str (a_log, "content_type"), ==, "text/plain; charset=utf-8");
  /* unguessable: 128 random bits in hex */
  g_assert_true (g_regex_match_simple ("^[0-9a-f]{32}$", member_str (a_png, "id"), 0, 0));

  png_reply = download (demo_token, ana_cid, member_str (a_png, "id"));
  g_assert_cmpuint (png_reply->status, ==, 200);
  g_assert_true (g_bytes_equal (png_reply->body, png));
  g_assert_cmpstr (reply_header (png_reply, "Content-Type"), ==, "image/png");
  g_assert_nonnull (strstr (reply_header (png_reply, "Content-Disposition"), "attachment"));
  g_assert_nonnull (strstr (reply_header (png_reply, "Content-Disposition"), "captura.png"));
  g_assert_cmpstr (reply_header (png_reply, "X-Content-Type-Options"), ==, "nosniff");
  log_reply = download (demo_token, ana_cid, member_str (a_log, "id"));
  g_assert_cmpuint (log_reply->status, ==, 200);
  g_assert_true (g_bytes_equal (log_reply->body, log));
  g_assert_true (g_str_has_prefix (reply_header (log_reply, "Content-Type"), "text/plain"));

  /* stored under its SHA-256, outside the database */
  g_assert_true (g_file_get_contents (log_path, &contents, &size, NULL));
  stored = g_bytes_new_take (contents, size);
  g_assert_true (g_bytes_equal (stored, log));
  g_assert_true (g_file_test (png_path, G_FILE_TEST_IS_REGULAR));
  g_assert_false (file_contains (san_test_server_get_db (server), (const guint8 *) "7f3a9c", 6));
  g_assert_false (file_contains (db_wal, (const guint8 *) "7f3a9c", 6));

  /* the same content again: a new id, the same single file */
  n_files = dir_count_files (attachments_dir, NULL);
  reply_path = g_strdup_printf ("/api/v1/contracts/%s/tickets/%s/messages", ana_cid,
                                member_str (reply_object (reply), "id"));
  again = http_request_multipart (session, URL, reply_path, demo_token, "message", "{\"body\": \"De novo\"}", files, 1);
  g_assert_cmpuint (again->status, ==, 201);
  g_assert_cmpuint (dir_count_files (attachments_dir, NULL), ==, n_files);
  {
    JsonArray *messages = json_object_get_array_member (reply_object (again), "messages");
    JsonObject *second = json_array_get_object_element (messages, 1);
    JsonArray *second_attachments = json_object_get_array_member (second, "attachments");

    g_assert_cmpstr (member_str (reply_object (again), "status"), ==, "customer_reply");
    g_assert_cmpuint (json_array_get_length (second_attachments), ==, 1);
    g_assert_cmpstr (member_str (json_array_get_object_element (second_attachments, 0), "id"), !=, member_str (a_png, "id"));
  }
}

static void
test_attachments_limits (void)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/contracts/%s/tickets", ana_cid);
  const char *ticket = "{\"department_id\": \"1\", \"priority\": \"low\", \"subject\": \"Limites\", \"body\": \"x\"}";
  g_autofree char *big = g_malloc (6 * MiB);
  g_autofree char *part = g_malloc (3 * MiB + MiB / 2);
  guint8 elf[64] = { 0x7f, 'E', 'L', 'F', 2, 1, 1, 0 };
  g_autoptr(GBytes) big_bytes = NULL;
  g_autoptr(GBytes) part_bytes = NULL;
  g_autoptr(GBytes) elf_bytes = g_bytes_new (elf, sizeof elf);
  g_autoptr(GBytes) small = g_bytes_new_static ("ok\n", 3);
  g_autoptr(Reply) too_big = NULL;
  g_autoptr(Reply) too_much = NULL;
  g_autoptr(Reply) too_many = NULL;
  g_autoptr(Reply) executable = NULL;
  g_autoptr(Reply) list_before = NULL;
  g_autoptr(Reply) list_after = NULL;
  UploadFile one_big[1];
  UploadFile three[3];
  UploadFile six[6];
  UploadFile fake_png[1] = { { "foto.png", "image/png", elf_bytes } };
  gint64 total_before;

  memset (big, 'a', 6 * MiB);
  memset (part, 'b', 3 * MiB + MiB / 2);
  big_bytes = g_bytes_new_static (big, 6 * MiB);
  part_bytes = g_bytes_new_static (part, 3 * MiB + MiB / 2);
  one_big[0] = (UploadFile) { "grande.txt", "text/plain", big_bytes };
  for (guint i = 0; i < 3; i++)
    three[i] = (UploadFile) { "parte.txt", "text/plain", part_bytes };
  for (guint i = 0; i < 6; i++)
    six[i] = (UploadFile) { "pequeno.txt", "text/plain", small };

  all_tickets (ana_cid, NULL, &list_before);
  total_before = member_int (reply_object (list_before), "total");

  too_big = http_request_multipart (session, URL, path, demo_token, "ticket", ticket, one_big, 1);
  assert_problem (too_big, 413, "payload_too_large");
  g_assert_nonnull (strstr (member_str (reply_object (too_big), "detail"), "5 MiB"));
  too_much = http_request_multipart (session, URL, path, demo_token, "ticket", ticket, three, 3);
  assert_problem (too_much, 413, "payload_too_large");
  g_assert_nonnull (strstr (member_str (reply_object (too_much), "detail"), "10 MiB"));
  too_many = http_request_multipart (session, URL, path, demo_token, "ticket", ticket, six, 6);
  assert_problem (too_many, 413, "payload_too_large");
  g_assert_nonnull (strstr (member_str (reply_object (too_many), "detail"), "5 attachments"));
  executable = http_request_multipart (session, URL, path, demo_token, "ticket", ticket, fake_png, 1);
  assert_problem (executable, 415, "unsupported_media_type");

  /* nothing was opened */
  all_tickets (ana_cid, NULL, &list_after);
  g_assert_cmpint (member_int (reply_object (list_after), "total"), ==, total_before);
}

static void
test_attachments_other_contract (void)
{
  g_autoptr(Reply) list = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/tickets?q=wordpress", ana_cid);
  const char *tid = member_str (json_array_get_object_element (json_object_get_array_member (reply_object (list), "items"), 0), "id");
  g_autoptr(Reply) detail = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/tickets/%s", ana_cid, tid);
  JsonArray *messages = json_object_get_array_member (reply_object (detail), "messages");
  const char *aid = NULL;
  g_autoptr(Reply) own = NULL;
  g_autoptr(Reply) padaria = NULL;
  g_autoptr(Reply) mendes = NULL;
  g_autoptr(Reply) other = NULL;
  g_autoptr(Reply) random = NULL;
  g_autoptr(Reply) garbage = NULL;

  for (guint i = 0; i < json_array_get_length (messages) && aid == NULL; i++)
    {
      JsonArray *a = json_object_get_array_member (json_array_get_object_element (messages, i), "attachments");

      if (json_array_get_length (a) > 0)
        aid = member_str (json_array_get_object_element (a, 0), "id");
    }
  g_assert_nonnull (aid);

  own = download (demo_token, ana_cid, aid);
  g_assert_cmpuint (own->status, ==, 200);
  g_assert_cmpstr (reply_header (own, "Content-Type"), ==, "image/png");
  /* Ana is a member of Padaria too, but the attachment is not Padaria's */
  padaria = download (demo_token, padaria_cid, aid);
  assert_problem (padaria, 404, "not_found");
  mendes = download (other_token, mendes_cid, aid);
  assert_problem (mendes, 404, "not_found");
  other = download (other_token, ana_cid, aid);
  assert_problem (other, 403, "forbidden");
  random = download (demo_token, ana_cid, "0123456789abcdef0123456789abcdef");
  assert_problem (random, 404, "not_found");
  garbage = download (demo_token, ana_cid, "..");
  g_assert_cmpuint (garbage->status, ==, 404);
}

/* E-mails: once the mail module writes .eml files, one per interaction */

static void
test_mail_per_interaction (void)
{
  guint before = dir_count_files (spool_dir, ".eml");
  g_autofree char *tid = open_ticket (ana_cid, "E-mails", "Mensagem do e-mail");
  guint after_open = dir_count_files (spool_dir, ".eml");
  g_autoptr(Reply) reply = call ("POST", demo_token, "{\"body\": \"Resposta\"}",
                                 "/api/v1/contracts/%s/tickets/%s/messages", ana_cid, tid);
  g_autoptr(Reply) close = NULL;
  guint after_reply = dir_count_files (spool_dir, ".eml");
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_cmpuint (reply->status, ==, 201);
  close = call ("POST", demo_token, NULL, "/api/v1/contracts/%s/tickets/%s/close", ana_cid, tid);
  g_assert_cmpuint (close->status, ==, 200);
  if (after_open == before)
    {
      g_test_skip ("The mail module writes no .eml files yet");
      return;
    }
  g_assert_cmpuint (after_open, >, before);
  g_assert_cmpuint (after_reply, >, after_open);
  g_assert_cmpuint (dir_count_files (spool_dir, ".eml"), >, after_reply);

  /* no internal note in any e-mail */
  dir = g_dir_open (spool_dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (spool_dir, name, NULL);

      g_assert_false (file_contains (path, (const guint8 *) "plugin de cache", strlen ("plugin de cache")));
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/portald/tickets/departments", test_departments);
  g_test_add_func ("/portald/tickets/demo/list-statuses-newest-first", test_demo_list);
  g_test_add_func ("/portald/tickets/demo/internal-note-never-shown", test_demo_thread_hides_internal_note);
  g_test_add_func ("/portald/tickets/list/filters-and-search", test_filters);
  g_test_add_func ("/portald/tickets/list/pagination", test_pagination);
  g_test_add_func ("/portald/tickets/create/json", test_create_json);
  g_test_add_func ("/portald/tickets/create/validation", test_create_validation);
  g_test_add_func ("/portald/tickets/reply-reopens-close-twice-conflict", test_reply_reopens_and_close_twice);
  g_test_add_func ("/portald/tickets/permissions/denied", test_permissions);
  g_test_add_func ("/portald/tickets/attachments/upload-download-stored-by-hash", test_attachments_upload_download);
  g_test_add_func ("/portald/tickets/attachments/limits-and-types", test_attachments_limits);
  g_test_add_func ("/portald/tickets/attachments/other-contract-not-found", test_attachments_other_contract);
  g_test_add_func ("/portald/tickets/mail/one-per-interaction", test_mail_per_interaction);

  {
    g_autofree char *root = temp_dir_new ();
    const char *args[] = { "--today", TODAY, "--attachments", NULL, "--mail-spool", NULL, NULL };

    attachments_dir = g_build_filename (root, "attachments", NULL);
    spool_dir = g_build_filename (root, "spool", NULL);
    args[3] = attachments_dir;
    args[5] = spool_dir;
    server = san_test_server_start (TRUE, args);
    session = test_session_new (NULL);
    demo_token = login (session, URL, "demo@example.com", "demo-1234", NULL);
    viewer_token = login (session, URL, "viewer@example.com", "viewer-1234", NULL);
    other_token = login (session, URL, "other@example.com", "other-1234", NULL);
    ana_cid = me_contract_id (session, URL, demo_token, "Ana Souza");
    padaria_cid = me_contract_id (session, URL, demo_token, "Padaria Pão Quente Ltda");
    oficina_cid = me_contract_id (session, URL, viewer_token, "Oficina Ribeiro ME");
    mendes_cid = me_contract_id (session, URL, other_token, "Carlos Mendes");

    status = g_test_run ();

    g_object_unref (session);
    san_test_server_stop (server);
    temp_dir_remove (root);   /* and the two folders in it */
  }
  g_free (demo_token);
  g_free (viewer_token);
  g_free (other_token);
  g_free (ana_cid);
  g_free (padaria_cid);
  g_free (oficina_cid);
  g_free (mendes_cid);
  g_free (attachments_dir);
  g_free (spool_dir);
  return status;
}
