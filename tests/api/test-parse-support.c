/* test-parse-support.c: the support calls' answers and requests, against an
 * in-process server
 *
 * Each good answer builds its whole model; each bad one (wrong types,
 * unknown words, missing members, bad ids or times, an answer about another
 * contract or ticket) ends as SAN_API_ERROR_MALFORMED, never a half-built
 * model. The requests carry exactly what the API says: JSON bodies,
 * multipart parts with their file names and bytes, and nothing at all when
 * the attachments break the limits.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "san-api-test.h"
#include "san-fake-server.h"

#define C1               "/api/v1/contracts/3"
#define DEPARTMENTS_PATH "/api/v1/departments"
#define TICKETS_PATH     C1 "/tickets"
#define TICKET_PATH      C1 "/tickets/12"
#define MESSAGES_PATH    C1 "/tickets/12/messages"
#define CLOSE_PATH       C1 "/tickets/12/close"
#define ATTACHMENT_ID    "0123456789abcdef0123456789abcdef"
#define ATTACHMENT_PATH  C1 "/attachments/" ATTACHMENT_ID
#define EMAILS_PATH      C1 "/emails"
#define EMAIL_PATH       C1 "/emails/31"
#define CALLBACKS_PATH   C1 "/callbacks"
#define LEVELS_PATH      C1 "/support-levels"
#define LEVEL_PATH       C1 "/services/s1/support-level"
#define STAFF_TICKETS_PATH  "/api/v1/staff/tickets"
#define STAFF_TICKET_PATH   "/api/v1/staff/tickets/12"
#define STAFF_MESSAGES_PATH "/api/v1/staff/tickets/12/messages"
#define STAFF_STATUS_PATH   "/api/v1/staff/tickets/12/status"
#define STAFF_ATTACHMENT_PATH "/api/v1/staff/attachments/" ATTACHMENT_ID
#define AUDIT_PATH          "/api/v1/staff/audit"
#define ME_PATH             "/api/v1/me"

#define PROBLEM "application/problem+json"

/* Valid answers */

#define DEPARTMENTS_JSON \
  "{\"items\":[{\"id\":\"1\",\"name\":\"Suporte Técnico\",\"description\":\"Sites, e-mails, servidores\"}," \
  "{\"id\":\"2\",\"name\":\"Financeiro\",\"description\":\"\"}]}"
#define TICKET_MEMBERS(id, contract, status) \
  "\"id\":\"" id "\",\"contract_id\":\"" contract "\",\"number\":\"#2026-0042\"," \
  "\"department\":{\"id\":\"1\",\"name\":\"Suporte Técnico\"},\"service_id\":\"5\",\"priority\":\"high\"," \
  "\"subject\":\"Site fora do ar\",\"status\":\"" status "\",\"created_at\":\"2026-11-20T13:00:00Z\"," \
  "\"updated_at\":\"2026-11-21T09:30:00Z\",\"last_message_author\":\"staff\",\"message_count\":2"
#define ATTACHMENT_JSON \
  "{\"id\":\"" ATTACHMENT_ID "\",\"filename\":\"erro.png\",\"content_type\":\"image/png\",\"size\":2048}"
#define MESSAGE1_JSON \
  "{\"id\":\"101\",\"author\":{\"kind\":\"customer\",\"name\":\"Ana Souza\"}," \
  "\"body\":\"O site não abre.\\nDesde ontem.\",\"created_at\":\"2026-11-20T13:00:00Z\"," \
  "\"attachments\":[" ATTACHMENT_JSON "]}"
#define MESSAGE2_JSON \
  "{\"id\":\"102\",\"author\":{\"kind\":\"staff\",\"name\":\"SAN\"},\"body\":\"Já verificamos.\"," \
  "\"created_at\":\"2026-11-21T09:30:00Z\",\"attachments\":[]}"
#define TICKET_JSON         "{" TICKET_MEMBERS ("12", "3", "answered") "}"
#define TICKET_DETAIL_JSON \
  "{" TICKET_MEMBERS ("12", "3", "answered") ",\"messages\":[" MESSAGE1_JSON "," MESSAGE2_JSON "]}"
#define CLOSED_DETAIL_JSON \
  "{" TICKET_MEMBERS ("12", "3", "closed") ",\"messages\":[" MESSAGE1_JSON "," MESSAGE2_JSON "]}"
#define OTHER_TICKET_JSON   "{" TICKET_MEMBERS ("13", "9", "open") "}"
#define TICKETS_PAGE_JSON \
  "{\"items\":[" TICKET_JSON ",{" TICKET_MEMBERS ("11", "3", "closed") "}],\"total\":7,\"next_cursor\":\"p2\"}"
#define INTERNAL_JSON \
  "{\"id\":\"103\",\"author\":{\"kind\":\"staff\",\"name\":\"Marina Costa (SAN)\"},\"body\":\"Cliente VIP.\"," \
  "\"created_at\":\"2026-11-21T10:00:00Z\",\"internal\":true,\"attachments\":[]}"
#define STAFF_MEMBERS(status) \
  TICKET_MEMBERS ("12", "3", status) ",\"contract\":{\"id\":\"3\",\"name\":\"Padaria Pão Quente\"}"
#define STAFF_TICKET_JSON "{" STAFF_MEMBERS ("customer_reply") "}"
#define STAFF_DETAIL_JSON_FOR(status) \
  "{" STAFF_MEMBERS (status) ",\"messages\":[" \
  "{\"id\":\"101\",\"author\":{\"kind\":\"customer\",\"name\":\"Ana Souza\"},\"body\":\"Oi\"," \
  "\"created_at\":\"2026-11-20T13:00:00Z\",\"internal\":false,\"attachments\":[]}," INTERNAL_JSON "]}"
#define STAFF_DETAIL_JSON STAFF_DETAIL_JSON_FOR ("answered")
#define EMAIL_MEMBERS \
  "\"id\":\"31\",\"kind\":\"ticket\",\"subject\":\"[#2026-0042] Resposta ao seu chamado\"," \
  "\"recipients\":[\"ana@padaria.com.br\",\"financeiro@contabilidade-exemplo.com.br\"]," \
  "\"sent_at\":\"2026-11-21T09:30:05Z\""
#define EMAIL_JSON         "{" EMAIL_MEMBERS "}"
#define EMAIL_DETAIL_JSON \
  "{" EMAIL_MEMBERS ",\"text_body\":\"Olá, Ana.\\n\",\"html_body\":\"<p>Olá, Ana.</p><img src=\\\"https://x/y.png\\\">\"}"
#define EMAILS_PAGE_JSON   "{\"items\":[" EMAIL_JSON "],\"total\":1,\"next_cursor\":null}"
#define CALLBACK_JSON \
  "{\"id\":\"4\",\"phone\":\"+55 (11) 91234-5678\",\"subject\":\"Ajuda com o DNS\",\"service_id\":\"5\"," \
  "\"preferred_window\":{\"date\":\"2026-11-25\",\"from\":\"09:00\",\"to\":\"12:30\"}," \
  "\"status\":\"requested\",\"created_at\":\"2026-11-24T12:00:00Z\"}"
#define CALLBACK_NO_SERVICE_JSON \
  "{\"id\":\"5\",\"phone\":\"+55 (21) 3456-7890\",\"subject\":\"Fatura\",\"service_id\":null," \
  "\"preferred_window\":{\"date\":\"2026-11-20\",\"from\":\"14:00\",\"to\":\"16:00\"}," \
  "\"status\":\"done\",\"created_at\":\"2026-11-19T12:00:00Z\"}"
#define CALLBACKS_PAGE_JSON \
  "{\"items\":[" CALLBACK_JSON "," CALLBACK_NO_SERVICE_JSON "],\"total\":2,\"next_cursor\":null}"
#define LEVEL_BASIC_JSON \
  "{\"id\":\"basic\",\"name\":\"Básico\",\"includes\":[\"Infraestrutura\",\"Base de conhecimento\"]," \
  "\"channels\":[\"Tickets (24x7)\"],\"human_hours\":\"Seg a sex, 8h às 18h\"," \
  "\"first_response_minutes\":1440,\"price_cents\":0}"
#define LEVEL_PREMIUM_JSON \
  "{\"id\":\"premium\",\"name\":\"Premium\",\"includes\":[\"Tudo do Business\",\"Gerente de conta\"]," \
  "\"channels\":[\"Tickets (24x7)\",\"Telefone (24x7)\"],\"human_hours\":\"24x7\"," \
  "\"first_response_minutes\":30,\"price_cents\":19900}"
#define LEVELS_JSON "{\"items\":[" LEVEL_BASIC_JSON "," LEVEL_PREMIUM_JSON "]}"
#define SERVICE_PREMIUM_JSON \
  "{\"id\":\"s1\",\"contract_id\":\"3\",\"product\":\"Hospedagem Linux\",\"plan\":\"Plano M\"," \
  "\"domain\":\"padaria.com.br\",\"kind\":\"shared\",\"status\":\"active\",\"billing_cycle\":\"annual\"," \
  "\"price_cents\":2990,\"next_due_date\":\"2026-12-15\",\"status_since\":\"2026-01-15\"," \
  "\"support_level\":\"premium\",\"payment_method\":\"bank_debit\"," \
  "\"instance\":" FAKE_INSTANCE_JSON ",\"created_at\":\"2026-01-10T12:00:00Z\"}"
#define AUDIT_ENTRY_JSON \
  "{\"id\":\"900\",\"user\":{\"id\":\"7\",\"email\":\"staff@example.com\",\"display_name\":\"Marina Costa (SAN)\"}," \
  "\"contract\":{\"id\":\"3\",\"name\":\"Padaria Pão Quente\"},\"method\":\"GET\"," \
  "\"path\":\"/api/v1/contracts/3/invoices\",\"at\":\"2026-11-24T12:00:00Z\"}"
#define AUDIT_PAGE_JSON "{\"items\":[" AUDIT_ENTRY_JSON "],\"total\":1,\"next_cursor\":null}"

typedef struct
{
  FakeServer *fake;
  SanClient  *client;
  char       *dir;      /* temporary files to attach */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->fake = fake_server_new (NULL);
  f->client = test_client_new (fake_server_get_url (f->fake), NULL);
  test_client_login (f->client, "ana@example.com", FAKE_PASSWORD);
  f->dir = g_dir_make_tmp ("san-attach-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->client);
  fake_server_free (f->fake);
  test_dir_remove (f->dir);
  g_free (f->dir);
}

static void
assert_date (const GDate *date,
             int          year,
             int          month,
             int          day)
{
  g_assert_nonnull (date);
  g_assert_cmpint (g_date_get_year (date), ==, year);
  g_assert_cmpint (g_date_get_month (date), ==, month);
  g_assert_cmpint (g_date_get_day (date), ==, day);
}

/* The request body of the last request to @path, as a JSON object */
static JsonObject *
sent_object (Fixture    *f,
             const char *path,
             JsonNode  **out_root)
{
  g_autoptr(GError) error = NULL;

  *out_root = json_from_string (fake_server_last_body (f->fake, path), &error);
  g_assert_no_error (error);
  g_assert_nonnull (*out_root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (*out_root));
  return json_node_get_object (*out_root);
}

/* A file @name in the fixture's folder holding @size bytes of @data (or,
 * with @data NULL, a sparse file of @size bytes) */
static GFile *
make_file (Fixture    *f,
           const char *name,
           const char *data,
           gsize       size)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  if (data != NULL)
    {
      g_file_set_contents (path, data, (gssize) size, &error);
      g_assert_no_error (error);
    }
  else
    {
      FILE *file = fopen (path, "wb");

      g_assert_nonnull (file);
      g_assert_cmpint (fseek (file, (long) size - 1, SEEK_SET), ==, 0);
      g_assert_cmpint (fputc ('x', file), ==, 'x');
      g_assert_cmpint (fclose (file), ==, 0);
    }
  return g_file_new_for_path (path);
}

/* Every call, run to its end. The result is freed with *@out_free. */

typedef enum
{
  CALL_DEPARTMENTS,
  CALL_LIST_TICKETS,
  CALL_LIST_ALL_TICKETS,
  CALL_GET_TICKET,
  CALL_OPEN_TICKET,
  CALL_REPLY_TICKET,
  CALL_CLOSE_TICKET,
  CALL_DOWNLOAD,
  CALL_LIST_EMAILS,
  CALL_GET_EMAIL,
  CALL_LIST_CALLBACKS,
  CALL_REQUEST_CALLBACK,
  CALL_LIST_LEVELS,
  CALL_SET_LEVEL,
  CALL_STAFF_LIST,
  CALL_STAFF_LIST_ALL,
  CALL_STAFF_GET,
  CALL_STAFF_REPLY,
  CALL_STAFF_STATUS,
  CALL_STAFF_DOWNLOAD,
  CALL_STAFF_AUDIT,
} CallKind;

static const struct
{
  const char *method;
  const char *path;
} call_routes[] = {
  [CALL_DEPARTMENTS] = { "GET", DEPARTMENTS_PATH },
  [CALL_LIST_TICKETS] = { "GET", TICKETS_PATH },
  [CALL_LIST_ALL_TICKETS] = { "GET", TICKETS_PATH },
  [CALL_GET_TICKET] = { "GET", TICKET_PATH },
  [CALL_OPEN_TICKET] = { "POST", TICKETS_PATH },
  [CALL_REPLY_TICKET] = { "POST", MESSAGES_PATH },
  [CALL_CLOSE_TICKET] = { "POST", CLOSE_PATH },
  [CALL_DOWNLOAD] = { "GET", ATTACHMENT_PATH },
  [CALL_LIST_EMAILS] = { "GET", EMAILS_PATH },
  [CALL_GET_EMAIL] = { "GET", EMAIL_PATH },
  [CALL_LIST_CALLBACKS] = { "GET", CALLBACKS_PATH },
  [CALL_REQUEST_CALLBACK] = { "POST", CALLBACKS_PATH },
  [CALL_LIST_LEVELS] = { "GET", LEVELS_PATH },
  [CALL_SET_LEVEL] = { "PUT", LEVEL_PATH },
  [CALL_STAFF_LIST] = { "GET", STAFF_TICKETS_PATH },
  [CALL_STAFF_LIST_ALL] = { "GET", STAFF_TICKETS_PATH },
  [CALL_STAFF_GET] = { "GET", STAFF_TICKET_PATH },
  [CALL_STAFF_REPLY] = { "POST", STAFF_MESSAGES_PATH },
  [CALL_STAFF_STATUS] = { "PUT", STAFF_STATUS_PATH },
  [CALL_STAFF_DOWNLOAD] = { "GET", STAFF_ATTACHMENT_PATH },
  [CALL_STAFF_AUDIT] = { "GET", AUDIT_PATH },
};

static gpointer
run_call_with (Fixture         *f,
               CallKind         kind,
               GListModel      *attachments,
               GCancellable    *cancellable,
               GDestroyNotify  *out_free,
               GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  SanClient *client = f->client;
  Waiter waiter = { 0 };
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 25, 11, 2026);
  *out_free = g_object_unref;

  switch (kind)
    {
    case CALL_DEPARTMENTS:
      san_client_list_departments_async (client, cancellable, waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_list_departments_finish (client, result, error);
    case CALL_LIST_TICKETS:
      san_client_list_tickets_async (client, "3", NULL, NULL, NULL, 0, cancellable, waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_list_tickets_finish (client, result, error);
    case CALL_LIST_ALL_TICKETS:
      san_client_list_all_tickets_async (client, "3", NULL, NULL, cancellable, waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_list_all_tickets_finish (client, result, error);
    case CALL_GET_TICKET:
      san_client_get_ticket_async (client, "3", "12", cancellable, waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_get_ticket_finish (client, result, error);
    case CALL_OPEN_TICKET:
      san_client_open_ticket_async (client, "3", "1", "5", SAN_TICKET_PRIORITY_HIGH, "Site fora do ar",
                                    "O site não abre.\nDesde ontem.", attachments, cancellable,
                                    waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_open_ticket_finish (client, result, error);
    case CALL_REPLY_TICKET:
      san_client_reply_ticket_async (client, "3", "12", "Ainda não abre.", attachments, cancellable,
                                     waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_reply_ticket_finish (client, result, error);
    case CALL_CLOSE_TICKET:
      san_client_close_ticket_async (client, "3", "12", cancellable, waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_close_ticket_finish (client, result, error);
    case CALL_DOWNLOAD:
      *out_free = (GDestroyNotify) g_bytes_unref;
      san_client_download_attachment_async (client, "3", ATTACHMENT_ID, cancellable, waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_download_attachment_finish (client, result, NULL, error);
    case CALL_LIST_EMAILS:
      san_client_list_emails_async (client, "3", NULL, NULL, NULL, NULL, NULL, 0, cancellable,
                                    waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_list_emails_finish (client, result, error);
    case CALL_GET_EMAIL:
      san_client_get_email_async (client, "3", "31", cancellable, waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_get_email_finish (client, result, error);
    case CALL_LIST_CALLBACKS:
      san_client_list_callbacks_async (client, "3", cancellable, waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_list_callbacks_finish (client, result, error);
    case CALL_REQUEST_CALLBACK:
      san_client_request_callback_async (client, "3", "11 91234-5678", "Ajuda com o DNS", "5", &date,
                                         9 * 60, 12 * 60 + 30, cancellable, waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_request_callback_finish (client, result, error);
    case CALL_LIST_LEVELS:
      san_client_list_support_levels_async (client, "3", cancellable, waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_list_support_levels_finish (client, result, error);
    case CALL_SET_LEVEL:
      san_client_set_support_level_async (client, "3", "s1", SAN_SUPPORT_LEVEL_PREMIUM, cancellable,
                                          waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_set_support_level_finish (client, result, error);
    case CALL_STAFF_LIST:
      san_client_list_staff_tickets_async (client, NULL, NULL, NULL, NULL, NULL, NULL, 0, cancellable,
                                           waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_list_staff_tickets_finish (client, result, error);
    case CALL_STAFF_LIST_ALL:
      san_client_list_all_staff_tickets_async (client, NULL, NULL, NULL, NULL, NULL, cancellable,
                                               waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_list_all_staff_tickets_finish (client, result, error);
    case CALL_STAFF_GET:
      san_client_get_staff_ticket_async (client, "12", cancellable, waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_get_staff_ticket_finish (client, result, error);
    case CALL_STAFF_REPLY:
      san_client_staff_reply_async (client, "12", "Cliente VIP.", TRUE, attachments, cancellable,
                                    waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_staff_reply_finish (client, result, error);
    case CALL_STAFF_STATUS:
      san_client_staff_set_status_async (client, "12", SAN_TICKET_STATUS_ANSWERED, cancellable,
                                         waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_staff_set_status_finish (client, result, error);
    case CALL_STAFF_DOWNLOAD:
      *out_free = (GDestroyNotify) g_bytes_unref;
      san_client_download_staff_attachment_async (client, ATTACHMENT_ID, cancellable, waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_download_staff_attachment_finish (client, result, NULL, error);
    case CALL_STAFF_AUDIT:
      san_client_list_staff_audit_async (client, "3", NULL, 0, cancellable, waiter_cb, &waiter);
      result = waiter_wait (&waiter);
      return san_client_list_staff_audit_finish (client, result, error);
    default:
      g_assert_not_reached ();
    }
}

static gpointer
run_call (Fixture         *f,
          CallKind         kind,
          GDestroyNotify  *out_free,
          GError         **error)
{
  return run_call_with (f, kind, NULL, NULL, out_free, error);
}

static void
answer (Fixture    *f,
        CallKind    kind,
        guint       status,
        const char *content_type,
        const char *body)
{
  fake_server_set_answer (f->fake, call_routes[kind].method, call_routes[kind].path, TRUE,
                          status, content_type, body, NULL);
}

static guint
count (Fixture  *f,
       CallKind  kind)
{
  return fake_server_count (f->fake, call_routes[kind].method, call_routes[kind].path);
}

/* Runs @kind (with @attachments), expecting it to fail with @domain/@code */
static GError *
run_failing_with (Fixture    *f,
                  CallKind    kind,
                  GListModel *attachments,
                  GQuark      domain,
                  int         code)
{
  GError *error = NULL;
  GDestroyNotify free_func;
  gpointer result;

  result = run_call_with (f, kind, attachments, NULL, &free_func, &error);
  if (result != NULL)
    {
      free_func (result);
      g_error ("%s %s succeeded", call_routes[kind].method, call_routes[kind].path);
    }
  g_assert_error (error, domain, code);
  g_assert_true (san_client_get_signed_in (f->client));
  return error;
}

static GError *
run_failing (Fixture  *f,
             CallKind  kind,
             int       code)
{
  return run_failing_with (f, kind, NULL, SAN_API_ERROR, code);
}

/* Good answers, whole */

static void
test_departments_valid (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) departments = NULL;
  g_autoptr(SanDepartment) first = NULL;
  g_autoptr(SanDepartment) second = NULL;
  GDestroyNotify free_func;

  answer (f, CALL_DEPARTMENTS, 200, NULL, DEPARTMENTS_JSON);
  departments = run_call (f, CALL_DEPARTMENTS, &free_func, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_item_type (departments), ==, SAN_TYPE_DEPARTMENT);
  g_assert_cmpuint (g_list_model_get_n_items (departments), ==, 2);
  first = g_list_model_get_item (departments, 0);
  g_assert_cmpstr (san_department_get_id (first), ==, "1");
  g_assert_cmpstr (san_department_get_name (first), ==, "Suporte Técnico");
  g_assert_cmpstr (san_department_get_description (first), ==, "Sites, e-mails, servidores");
  second = g_list_model_get_item (departments, 1);
  g_assert_cmpstr (san_department_get_description (second), ==, "");
}

static void
test_tickets_list_valid (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(SanPage) page = NULL;
  g_autoptr(SanTicket) ticket = NULL;
  Waiter waiter = { 0 };
  GListModel *items;
  SanTicketStatus status;

  answer (f, CALL_LIST_TICKETS, 200, NULL, TICKETS_PAGE_JSON);
  san_client_list_tickets_async (f->client, "3", "open_any", "não abre", "p1", 20, NULL,
                                 waiter_cb, &waiter);
  result = waiter_wait (&waiter);
  page = san_client_list_tickets_finish (f->client, result, &error);
  g_assert_no_error (error);

  /* The filters went as query parameters */
  g_assert_cmpstr (fake_server_last_query (f->fake, TICKETS_PATH, "status"), ==, "open_any");
  g_assert_cmpstr (fake_server_last_query (f->fake, TICKETS_PATH, "q"), ==, "não abre");
  g_assert_cmpstr (fake_server_last_query (f->fake, TICKETS_PATH, "cursor"), ==, "p1");
  g_assert_cmpstr (fake_server_last_query (f->fake, TICKETS_PATH, "limit"), ==, "20");

  g_assert_cmpuint (san_page_get_total (page), ==, 7);
  g_assert_cmpstr (san_page_get_next_cursor (page), ==, "p2");
  items = san_page_get_items (page);
  g_assert_cmpuint (g_list_model_get_item_type (items), ==, SAN_TYPE_TICKET);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
  ticket = g_list_model_get_item (items, 0);
  g_assert_cmpstr (san_ticket_get_id (ticket), ==, "12");
  g_assert_cmpstr (san_ticket_get_contract_id (ticket), ==, "3");
  g_assert_null (san_ticket_get_contract_name (ticket));
  g_assert_cmpstr (san_ticket_get_number (ticket), ==, "#2026-0042");
  g_assert_cmpstr (san_ticket_get_department_id (ticket), ==, "1");
  g_assert_cmpstr (san_ticket_get_department_name (ticket), ==, "Suporte Técnico");
  g_assert_cmpstr (san_ticket_get_service_id (ticket), ==, "5");
  g_assert_cmpint (san_ticket_get_priority (ticket), ==, SAN_TICKET_PRIORITY_HIGH);
  g_assert_cmpstr (san_ticket_get_subject (ticket), ==, "Site fora do ar");
  g_assert_cmpint (san_ticket_get_status (ticket), ==, SAN_TICKET_STATUS_ANSWERED);
  assert_time (san_ticket_get_created_at (ticket), "2026-11-20T13:00:00Z");
  assert_time (san_ticket_get_updated_at (ticket), "2026-11-21T09:30:00Z");
  g_assert_cmpint (san_ticket_get_last_message_author (ticket), ==, SAN_TICKET_AUTHOR_KIND_STAFF);
  g_assert_cmpuint (san_ticket_get_message_count (ticket), ==, 2);
  /* A list item has no thread, but a model all the same */
  g_assert_nonnull (san_ticket_get_messages (ticket));
  g_assert_cmpuint (g_list_model_get_n_items (san_ticket_get_messages (ticket)), ==, 0);
  g_object_get (ticket, "status", &status, NULL);
  g_assert_cmpint (status, ==, SAN_TICKET_STATUS_ANSWERED);
}

/* No filters: no query parameters at all */
static void
test_tickets_list_no_filters (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanPage) page = NULL;
  GDestroyNotify free_func;

  answer (f, CALL_LIST_TICKETS, 200, NULL, TICKETS_PAGE_JSON);
  page = run_call (f, CALL_LIST_TICKETS, &free_func, &error);
  g_assert_no_error (error);
  g_assert_null (fake_server_last_query (f->fake, TICKETS_PATH, "status"));
  g_assert_null (fake_server_last_query (f->fake, TICKETS_PATH, "q"));
  g_assert_null (fake_server_last_query (f->fake, TICKETS_PATH, "cursor"));
  g_assert_null (fake_server_last_query (f->fake, TICKETS_PATH, "limit"));
}

static void
test_tickets_list_all (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) tickets = NULL;
  Waiter waiter = { 0 };

  fake_server_set_page (f->fake, TICKETS_PATH, NULL, TICKETS_PAGE_JSON);
  fake_server_set_page (f->fake, TICKETS_PATH, "p2",
                        "{\"items\":[{" TICKET_MEMBERS ("9", "3", "open") "}],\"total\":3,\"next_cursor\":null}");
  san_client_list_all_tickets_async (f->client, "3", "closed", "dns", NULL, waiter_cb, &waiter);
  result = waiter_wait (&waiter);
  tickets = san_client_list_all_tickets_finish (f->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tickets), ==, 3);
  g_assert_cmpuint (fake_server_count (f->fake, "GET", TICKETS_PATH), ==, 2);
  /* The filters stay on every page */
  g_assert_cmpstr (fake_server_last_query (f->fake, TICKETS_PATH, "status"), ==, "closed");
  g_assert_cmpstr (fake_server_last_query (f->fake, TICKETS_PATH, "q"), ==, "dns");
  g_assert_cmpstr (fake_server_last_query (f->fake, TICKETS_PATH, "cursor"), ==, "p2");
  g_assert_cmpstr (fake_server_last_query (f->fake, TICKETS_PATH, "limit"), ==, "100");
}

static void
test_ticket_detail_valid (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanTicket) ticket = NULL;
  g_autoptr(SanTicketMessage) first = NULL;
  g_autoptr(SanTicketMessage) second = NULL;
  g_autoptr(SanAttachment) attachment = NULL;
  GDestroyNotify free_func;
  GListModel *messages;
  GListModel *attachments;

  answer (f, CALL_GET_TICKET, 200, NULL, TICKET_DETAIL_JSON);
  ticket = run_call (f, CALL_GET_TICKET, &free_func, &error);
  g_assert_no_error (error);
  messages = san_ticket_get_messages (ticket);
  g_assert_cmpuint (g_list_model_get_item_type (messages), ==, SAN_TYPE_TICKET_MESSAGE);
  g_assert_cmpuint (g_list_model_get_n_items (messages), ==, 2);

  first = g_list_model_get_item (messages, 0);
  g_assert_cmpstr (san_ticket_message_get_id (first), ==, "101");
  g_assert_cmpint (san_ticket_message_get_author_kind (first), ==, SAN_TICKET_AUTHOR_KIND_CUSTOMER);
  g_assert_cmpstr (san_ticket_message_get_author_name (first), ==, "Ana Souza");
  g_assert_cmpstr (san_ticket_message_get_body (first), ==, "O site não abre.\nDesde ontem.");
  assert_time (san_ticket_message_get_created_at (first), "2026-11-20T13:00:00Z");
  g_assert_false (san_ticket_message_get_internal (first));
  attachments = san_ticket_message_get_attachments (first);
  g_assert_cmpuint (g_list_model_get_item_type (attachments), ==, SAN_TYPE_ATTACHMENT);
  g_assert_cmpuint (g_list_model_get_n_items (attachments), ==, 1);
  attachment = g_list_model_get_item (attachments, 0);
  g_assert_cmpstr (san_attachment_get_id (attachment), ==, ATTACHMENT_ID);
  g_assert_cmpstr (san_attachment_get_filename (attachment), ==, "erro.png");
  g_assert_cmpstr (san_attachment_get_content_type (attachment), ==, "image/png");
  g_assert_cmpint (san_attachment_get_size (attachment), ==, 2048);

  second = g_list_model_get_item (messages, 1);
  g_assert_cmpint (san_ticket_message_get_author_kind (second), ==, SAN_TICKET_AUTHOR_KIND_STAFF);
  g_assert_cmpstr (san_ticket_message_get_author_name (second), ==, "SAN");
  g_assert_cmpuint (g_list_model_get_n_items (san_ticket_message_get_attachments (second)), ==, 0);
}

/* A customer answer may say "internal": false */
static void
test_ticket_detail_internal_false (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanTicket) ticket = NULL;
  g_autofree char *json = fake_json_with (TICKET_DETAIL_JSON, "messages.1.internal", "false");
  GDestroyNotify free_func;

  answer (f, CALL_GET_TICKET, 200, NULL, json);
  ticket = run_call (f, CALL_GET_TICKET, &free_func, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ticket);
}

static void
test_ticket_without_service (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanTicket) ticket = NULL;
  g_autofree char *json = fake_json_with (TICKET_DETAIL_JSON, "service_id", "null");
  GDestroyNotify free_func;

  answer (f, CALL_GET_TICKET, 200, NULL, json);
  ticket = run_call (f, CALL_GET_TICKET, &free_func, &error);
  g_assert_no_error (error);
  g_assert_null (san_ticket_get_service_id (ticket));
}

static void
test_emails_list_valid (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(SanPage) page = NULL;
  g_autoptr(SanEmail) email = NULL;
  Waiter waiter = { 0 };
  SanEmailKind kind = SAN_EMAIL_KIND_INVOICE;
  const char * const *recipients;
  GDate from, to;

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 1, 11, 2026);
  g_date_set_dmy (&to, 24, 11, 2026);
  answer (f, CALL_LIST_EMAILS, 200, NULL, EMAILS_PAGE_JSON);
  san_client_list_emails_async (f->client, "3", &kind, "Fatura", &from, &to, "e2", 10, NULL,
                                waiter_cb, &waiter);
  result = waiter_wait (&waiter);
  page = san_client_list_emails_finish (f->client, result, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (fake_server_last_query (f->fake, EMAILS_PATH, "kind"), ==, "invoice");
  g_assert_cmpstr (fake_server_last_query (f->fake, EMAILS_PATH, "q"), ==, "Fatura");
  g_assert_cmpstr (fake_server_last_query (f->fake, EMAILS_PATH, "from"), ==, "2026-11-01");
  g_assert_cmpstr (fake_server_last_query (f->fake, EMAILS_PATH, "to"), ==, "2026-11-24");
  g_assert_cmpstr (fake_server_last_query (f->fake, EMAILS_PATH, "cursor"), ==, "e2");
  g_assert_cmpstr (fake_server_last_query (f->fake, EMAILS_PATH, "limit"), ==, "10");

  g_assert_cmpuint (g_list_model_get_n_items (san_page_get_items (page)), ==, 1);
  g_assert_null (san_page_get_next_cursor (page));
  email = g_list_model_get_item (san_page_get_items (page), 0);
  g_assert_cmpstr (san_email_get_id (email), ==, "31");
  g_assert_cmpint (san_email_get_kind (email), ==, SAN_EMAIL_KIND_TICKET);
  g_assert_cmpstr (san_email_get_subject (email), ==, "[#2026-0042] Resposta ao seu chamado");
  recipients = san_email_get_recipients (email);
  g_assert_cmpuint (g_strv_length ((char **) recipients), ==, 2);
  g_assert_cmpstr (recipients[0], ==, "ana@padaria.com.br");
  g_assert_cmpstr (recipients[1], ==, "financeiro@contabilidade-exemplo.com.br");
  assert_time (san_email_get_sent_at (email), "2026-11-21T09:30:05Z");
  /* No bodies in a list */
  g_assert_null (san_email_get_text_body (email));
  g_assert_null (san_email_get_html_body (email));
}

static void
test_email_detail_valid (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanEmail) email = NULL;
  g_auto(GStrv) recipients = NULL;
  GDestroyNotify free_func;

  answer (f, CALL_GET_EMAIL, 200, NULL, EMAIL_DETAIL_JSON);
  email = run_call (f, CALL_GET_EMAIL, &free_func, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (san_email_get_text_body (email), ==, "Olá, Ana.\n");
  g_assert_cmpstr (san_email_get_html_body (email), ==, "<p>Olá, Ana.</p><img src=\"https://x/y.png\">");
  g_object_get (email, "recipients", &recipients, NULL);
  g_assert_cmpuint (g_strv_length (recipients), ==, 2);
}

static void
test_callbacks_list_valid (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) callbacks = NULL;
  g_autoptr(SanCallback) first = NULL;
  g_autoptr(SanCallback) second = NULL;
  GDestroyNotify free_func;

  answer (f, CALL_LIST_CALLBACKS, 200, NULL, CALLBACKS_PAGE_JSON);
  callbacks = run_call (f, CALL_LIST_CALLBACKS, &free_func, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_item_type (callbacks), ==, SAN_TYPE_CALLBACK);
  g_assert_cmpuint (g_list_model_get_n_items (callbacks), ==, 2);
  first = g_list_model_get_item (callbacks, 0);
  g_assert_cmpstr (san_callback_get_id (first), ==, "4");
  g_assert_cmpstr (san_callback_get_phone (first), ==, "+55 (11) 91234-5678");
  g_assert_cmpstr (san_callback_get_subject (first), ==, "Ajuda com o DNS");
  g_assert_cmpstr (san_callback_get_service_id (first), ==, "5");
  assert_date (san_callback_get_date (first), 2026, 11, 25);
  g_assert_cmpuint (san_callback_get_from_minutes (first), ==, 9 * 60);
  g_assert_cmpuint (san_callback_get_to_minutes (first), ==, 12 * 60 + 30);
  g_assert_cmpint (san_callback_get_status (first), ==, SAN_CALLBACK_STATUS_REQUESTED);
  assert_time (san_callback_get_created_at (first), "2026-11-24T12:00:00Z");
  second = g_list_model_get_item (callbacks, 1);
  g_assert_null (san_callback_get_service_id (second));
  g_assert_cmpint (san_callback_get_status (second), ==, SAN_CALLBACK_STATUS_DONE);
  /* Every page: the largest */
  g_assert_cmpstr (fake_server_last_query (f->fake, CALLBACKS_PATH, "limit"), ==, "100");
}

static void
test_callback_request_body (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanCallback) callback = NULL;
  g_autoptr(JsonNode) root = NULL;
  GDestroyNotify free_func;
  JsonObject *sent, *window;

  answer (f, CALL_REQUEST_CALLBACK, 201, NULL, CALLBACK_JSON);
  callback = run_call (f, CALL_REQUEST_CALLBACK, &free_func, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (san_callback_get_id (callback), ==, "4");

  g_assert_cmpstr (fake_server_last_header (f->fake, CALLBACKS_PATH, "Content-Type"), ==, "application/json");
  sent = sent_object (f, CALLBACKS_PATH, &root);
  g_assert_cmpuint (json_object_get_size (sent), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (sent, "phone"), ==, "11 91234-5678");
  g_assert_cmpstr (json_object_get_string_member (sent, "subject"), ==, "Ajuda com o DNS");
  g_assert_cmpstr (json_object_get_string_member (sent, "service_id"), ==, "5");
  window = json_object_get_object_member (sent, "preferred_window");
  g_assert_nonnull (window);
  g_assert_cmpuint (json_object_get_size (window), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (window, "date"), ==, "2026-11-25");
  g_assert_cmpstr (json_object_get_string_member (window, "from"), ==, "09:00");
  g_assert_cmpstr (json_object_get_string_member (window, "to"), ==, "12:30");
}

/* The server's field errors come back by name */
static void
test_callback_field_errors (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  answer (f, CALL_REQUEST_CALLBACK, 400, PROBLEM,
          "{\"type\":\"about:blank\",\"title\":\"Validation failed\",\"status\":400,"
          "\"code\":\"validation_failed\",\"errors\":["
          "{\"field\":\"phone\",\"code\":\"invalid\",\"message\":\"Not a Brazilian phone number\"},"
          "{\"field\":\"preferred_window.date\",\"code\":\"out_of_range\",\"message\":\"Today to 14 days ahead\"}]}");
  error = run_failing (f, CALL_REQUEST_CALLBACK, SAN_API_ERROR_INVALID_INPUT);
  g_assert_true (san_api_error_has_field (error, "phone"));
  g_assert_true (san_api_error_has_field (error, "preferred_window.date"));
  g_assert_false (san_api_error_has_field (error, "subject"));
  assert_message_contains (error, "Today to 14 days ahead");
}

/* A time of day past 23:59 is refused before anything is sent */
static void
test_callback_bad_minutes (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(SanCallback) callback = NULL;
  Waiter waiter = { 0 };
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 25, 11, 2026);
  san_client_request_callback_async (f->client, "3", "11 91234-5678", "DNS", NULL, &date,
                                     9 * 60, 24 * 60, NULL, waiter_cb, &waiter);
  result = waiter_wait (&waiter);
  callback = san_client_request_callback_finish (f->client, result, &error);
  g_assert_null (callback);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_INVALID_INPUT);
  g_assert_true (san_api_error_has_field (error, "preferred_window.to"));
  g_assert_cmpuint (count (f, CALL_REQUEST_CALLBACK), ==, 0);
}

/* Without a service the member is left out */
static void
test_callback_without_service (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(SanCallback) callback = NULL;
  g_autoptr(JsonNode) root = NULL;
  Waiter waiter = { 0 };
  JsonObject *sent;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 20, 11, 2026);
  answer (f, CALL_REQUEST_CALLBACK, 201, NULL, CALLBACK_NO_SERVICE_JSON);
  san_client_request_callback_async (f->client, "3", "21 3456-7890", "Fatura", NULL, &date,
                                     14 * 60, 16 * 60, NULL, waiter_cb, &waiter);
  result = waiter_wait (&waiter);
  callback = san_client_request_callback_finish (f->client, result, &error);
  g_assert_no_error (error);
  sent = sent_object (f, CALLBACKS_PATH, &root);
  g_assert_cmpuint (json_object_get_size (sent), ==, 3);
  g_assert_false (json_object_has_member (sent, "service_id"));
}

static void
test_support_levels_valid (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) levels = NULL;
  g_autoptr(SanSupportLevel) basic = NULL;
  g_autoptr(SanSupportLevel) premium = NULL;
  GDestroyNotify free_func;
  const char * const *includes;
  const char * const *channels;

  answer (f, CALL_LIST_LEVELS, 200, NULL, LEVELS_JSON);
  levels = run_call (f, CALL_LIST_LEVELS, &free_func, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_item_type (levels), ==, SAN_TYPE_SUPPORT_LEVEL);
  g_assert_cmpuint (g_list_model_get_n_items (levels), ==, 2);
  basic = g_list_model_get_item (levels, 0);
  g_assert_cmpint (san_support_level_get_id (basic), ==, SAN_SUPPORT_LEVEL_BASIC);
  g_assert_cmpstr (san_support_level_get_name (basic), ==, "Básico");
  includes = san_support_level_get_includes (basic);
  g_assert_cmpuint (g_strv_length ((char **) includes), ==, 2);
  g_assert_cmpstr (includes[1], ==, "Base de conhecimento");
  channels = san_support_level_get_channels (basic);
  g_assert_cmpuint (g_strv_length ((char **) channels), ==, 1);
  g_assert_cmpstr (channels[0], ==, "Tickets (24x7)");
  g_assert_cmpstr (san_support_level_get_human_hours (basic), ==, "Seg a sex, 8h às 18h");
  g_assert_cmpuint (san_support_level_get_first_response_minutes (basic), ==, 1440);
  g_assert_cmpint (san_support_level_get_price_cents (basic), ==, 0);
  premium = g_list_model_get_item (levels, 1);
  g_assert_cmpint (san_support_level_get_id (premium), ==, SAN_SUPPORT_LEVEL_PREMIUM);
  g_assert_cmpint (san_support_level_get_price_cents (premium), ==, 19900);
}

static void
test_set_support_level_body (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanService) service = NULL;
  g_autoptr(JsonNode) root = NULL;
  GDestroyNotify free_func;
  JsonObject *sent;

  answer (f, CALL_SET_LEVEL, 200, NULL, SERVICE_PREMIUM_JSON);
  service = run_call (f, CALL_SET_LEVEL, &free_func, &error);
  g_assert_no_error (error);
  g_assert_cmpint (san_service_get_support_level (service), ==, SAN_SUPPORT_LEVEL_PREMIUM);
  sent = sent_object (f, LEVEL_PATH, &root);
  g_assert_cmpuint (json_object_get_size (sent), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (sent, "level"), ==, "premium");
}

static void
test_download_attachment (Fixture       *f,
                          gconstpointer  data)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *content_type = NULL;
  Waiter waiter = { 0 };

  /* (the fake answers text: compare what it can send) */
  answer (f, CALL_DOWNLOAD, 200, "text/plain; charset=utf-8", "linha 1\nlinha 2\n");
  san_client_download_attachment_async (f->client, "3", ATTACHMENT_ID, NULL, waiter_cb, &waiter);
  result = waiter_wait (&waiter);
  bytes = san_client_download_attachment_finish (f->client, result, &content_type, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "linha 1\nlinha 2\n", 16);
  g_assert_cmpstr (content_type, ==, "text/plain");
  g_assert_nonnull (png);
}

/* An error answer to a download is an error, not a file */
static void
test_download_not_found (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  answer (f, CALL_DOWNLOAD, 404, PROBLEM, "{\"code\":\"not_found\",\"status\":404}");
  error = run_failing (f, CALL_DOWNLOAD, SAN_API_ERROR_NOT_FOUND);
  answer (f, CALL_STAFF_DOWNLOAD, 403, PROBLEM, "{\"code\":\"forbidden\",\"status\":403}");
  g_clear_error (&error);
  error = run_failing (f, CALL_STAFF_DOWNLOAD, SAN_API_ERROR_FORBIDDEN);
}

/* Staff answers */

static void
test_staff_queue_valid (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(SanPage) page = NULL;
  g_autoptr(SanTicket) ticket = NULL;
  Waiter waiter = { 0 };
  SanTicketPriority priority = SAN_TICKET_PRIORITY_HIGH;
  SanTicketWaiting waiting = SAN_TICKET_WAITING_US;

  answer (f, CALL_STAFF_LIST, 200, NULL,
          "{\"items\":[" STAFF_TICKET_JSON ",{" TICKET_MEMBERS ("40", "9", "open")
          ",\"contract\":{\"id\":\"9\",\"name\":\"Outra Empresa\"}}],\"total\":2,\"next_cursor\":null}");
  san_client_list_staff_tickets_async (f->client, "1", "open_any", &priority, &waiting, "site",
                                       "q1", 25, NULL, waiter_cb, &waiter);
  result = waiter_wait (&waiter);
  page = san_client_list_staff_tickets_finish (f->client, result, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (fake_server_last_query (f->fake, STAFF_TICKETS_PATH, "department"), ==, "1");
  g_assert_cmpstr (fake_server_last_query (f->fake, STAFF_TICKETS_PATH, "status"), ==, "open_any");
  g_assert_cmpstr (fake_server_last_query (f->fake, STAFF_TICKETS_PATH, "priority"), ==, "high");
  g_assert_cmpstr (fake_server_last_query (f->fake, STAFF_TICKETS_PATH, "waiting"), ==, "us");
  g_assert_cmpstr (fake_server_last_query (f->fake, STAFF_TICKETS_PATH, "q"), ==, "site");
  g_assert_cmpstr (fake_server_last_query (f->fake, STAFF_TICKETS_PATH, "cursor"), ==, "q1");
  g_assert_cmpstr (fake_server_last_query (f->fake, STAFF_TICKETS_PATH, "limit"), ==, "25");

  /* Tickets of several contracts, each with its name */
  g_assert_cmpuint (g_list_model_get_n_items (san_page_get_items (page)), ==, 2);
  ticket = g_list_model_get_item (san_page_get_items (page), 0);
  g_assert_cmpstr (san_ticket_get_contract_id (ticket), ==, "3");
  g_assert_cmpstr (san_ticket_get_contract_name (ticket), ==, "Padaria Pão Quente");
  g_assert_cmpint (san_ticket_get_status (ticket), ==, SAN_TICKET_STATUS_CUSTOMER_REPLY);
  g_clear_object (&ticket);
  ticket = g_list_model_get_item (san_page_get_items (page), 1);
  g_assert_cmpstr (san_ticket_get_contract_name (ticket), ==, "Outra Empresa");
}

static void
test_staff_ticket_internal_note (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanTicket) ticket = NULL;
  g_autoptr(SanTicketMessage) first = NULL;
  g_autoptr(SanTicketMessage) note = NULL;
  GDestroyNotify free_func;
  gboolean internal = FALSE;

  answer (f, CALL_STAFF_GET, 200, NULL, STAFF_DETAIL_JSON);
  ticket = run_call (f, CALL_STAFF_GET, &free_func, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (san_ticket_get_contract_name (ticket), ==, "Padaria Pão Quente");
  g_assert_cmpuint (g_list_model_get_n_items (san_ticket_get_messages (ticket)), ==, 2);
  first = g_list_model_get_item (san_ticket_get_messages (ticket), 0);
  g_assert_false (san_ticket_message_get_internal (first));
  note = g_list_model_get_item (san_ticket_get_messages (ticket), 1);
  g_assert_true (san_ticket_message_get_internal (note));
  g_assert_cmpstr (san_ticket_message_get_author_name (note), ==, "Marina Costa (SAN)");
  g_object_get (note, "internal", &internal, NULL);
  g_assert_true (internal);
}

static void
test_staff_reply_body (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanTicket) ticket = NULL;
  g_autoptr(JsonNode) root = NULL;
  GDestroyNotify free_func;
  JsonObject *sent;

  answer (f, CALL_STAFF_REPLY, 201, NULL, STAFF_DETAIL_JSON);
  ticket = run_call (f, CALL_STAFF_REPLY, &free_func, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fake_server_last_header (f->fake, STAFF_MESSAGES_PATH, "Content-Type"), ==,
                   "application/json");
  sent = sent_object (f, STAFF_MESSAGES_PATH, &root);
  g_assert_cmpuint (json_object_get_size (sent), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (sent, "body"), ==, "Cliente VIP.");
  g_assert_true (json_object_get_boolean_member (sent, "internal"));
}

static void
test_staff_status_body (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanTicket) ticket = NULL;
  g_autoptr(JsonNode) root = NULL;
  GDestroyNotify free_func;
  JsonObject *sent;

  answer (f, CALL_STAFF_STATUS, 200, NULL, STAFF_DETAIL_JSON);
  ticket = run_call (f, CALL_STAFF_STATUS, &free_func, &error);
  g_assert_no_error (error);
  g_assert_cmpint (san_ticket_get_status (ticket), ==, SAN_TICKET_STATUS_ANSWERED);
  sent = sent_object (f, STAFF_STATUS_PATH, &root);
  g_assert_cmpuint (json_object_get_size (sent), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (sent, "status"), ==, "answered");
}

static void
test_staff_audit_valid (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanPage) page = NULL;
  g_autoptr(SanAuditEntry) entry = NULL;
  GDestroyNotify free_func;

  answer (f, CALL_STAFF_AUDIT, 200, NULL, AUDIT_PAGE_JSON);
  page = run_call (f, CALL_STAFF_AUDIT, &free_func, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fake_server_last_query (f->fake, AUDIT_PATH, "contract_id"), ==, "3");
  entry = g_list_model_get_item (san_page_get_items (page), 0);
  g_assert_cmpstr (san_audit_entry_get_id (entry), ==, "900");
  g_assert_cmpstr (san_audit_entry_get_user_id (entry), ==, "7");
  g_assert_cmpstr (san_audit_entry_get_user_email (entry), ==, "staff@example.com");
  g_assert_cmpstr (san_audit_entry_get_user_display_name (entry), ==, "Marina Costa (SAN)");
  g_assert_cmpstr (san_audit_entry_get_contract_id (entry), ==, "3");
  g_assert_cmpstr (san_audit_entry_get_contract_name (entry), ==, "Padaria Pão Quente");
  g_assert_cmpstr (san_audit_entry_get_method (entry), ==, "GET");
  g_assert_cmpstr (san_audit_entry_get_path (entry), ==, "/api/v1/contracts/3/invoices");
  assert_time (san_audit_entry_get_at (entry), "2026-11-24T12:00:00Z");
}

/* The user's role: staff or customer, never missing or unknown */

static SanMe *
fetch_me_with_user (Fixture     *f,
                    const char  *user_json,
                    GError     **error)
{
  g_autofree char *body = g_strdup_printf ("{\"user\":%s,\"contracts\":[]}", user_json);

  fake_server_set_answer (f->fake, "GET", ME_PATH, TRUE, 200, NULL, body, NULL);
  return test_client_fetch_me (f->client, error);
}

static void
test_user_role (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanMe) me = NULL;
  g_autofree char *staff = fake_json_with (FAKE_USER_JSON, "role", "\"staff\"");
  gboolean is_staff = FALSE;

  me = fetch_me_with_user (f, FAKE_USER_JSON, &error);
  g_assert_no_error (error);
  g_assert_false (san_user_get_is_staff (san_me_get_user (me)));
  g_clear_object (&me);

  me = fetch_me_with_user (f, staff, &error);
  g_assert_no_error (error);
  g_assert_true (san_user_get_is_staff (san_me_get_user (me)));
  g_object_get (san_me_get_user (me), "is-staff", &is_staff, NULL);
  g_assert_true (is_staff);
}

static void
test_user_role_malformed (Fixture       *f,
                          gconstpointer  data)
{
  const char *roles[] = { NULL, "\"admin\"", "\"Staff\"", "\"\"", "true", "null" };

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SanMe) me = NULL;
      g_autofree char *user = fake_json_with (FAKE_USER_JSON, "role", roles[i]);

      me = fetch_me_with_user (f, user, &error);
      g_assert_null (me);
      g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED);
      assert_message_contains (error, "role");
    }
}

/* Malformed answers: each must end as SAN_API_ERROR_MALFORMED */

typedef struct
{
  const char *name;
  CallKind    kind;
  guint       status;
  const char *json;     /* the valid answer */
  const char *member;   /* changed in it ("a.0.b"), or NULL for @json as is */
  const char *value;    /* the raw JSON put there, or NULL to remove it */
} BadCase;

#define LIST_OF(item) "{\"items\":[" item "],\"total\":1,\"next_cursor\":null}"

static const BadCase bad_cases[] = {
  /* departments */
  { "departments/no-items", CALL_DEPARTMENTS, 200, DEPARTMENTS_JSON, "items", NULL },
  { "departments/id-not-digits", CALL_DEPARTMENTS, 200, DEPARTMENTS_JSON, "items.0.id", "\"x1\"" },
  { "departments/id-number", CALL_DEPARTMENTS, 200, DEPARTMENTS_JSON, "items.0.id", "1" },
  { "departments/name-missing", CALL_DEPARTMENTS, 200, DEPARTMENTS_JSON, "items.1.name", NULL },
  { "departments/item-not-object", CALL_DEPARTMENTS, 200, DEPARTMENTS_JSON, "items.0", "\"1\"" },
  /* ticket lists */
  { "tickets/other-contract", CALL_LIST_TICKETS, 200,
    "{\"items\":[" TICKET_JSON "," OTHER_TICKET_JSON "],\"total\":2,\"next_cursor\":null}", NULL, NULL },
  { "tickets/all-other-contract", CALL_LIST_ALL_TICKETS, 200, LIST_OF (OTHER_TICKET_JSON), NULL, NULL },
  { "tickets/total-missing", CALL_LIST_TICKETS, 200, TICKETS_PAGE_JSON, "total", NULL },
  { "tickets/status-unknown", CALL_LIST_TICKETS, 200, TICKETS_PAGE_JSON, "items.0.status", "\"pending\"" },
  { "tickets/priority-unknown", CALL_LIST_TICKETS, 200, TICKETS_PAGE_JSON, "items.0.priority", "\"urgent\"" },
  { "tickets/priority-upper", CALL_LIST_TICKETS, 200, TICKETS_PAGE_JSON, "items.0.priority", "\"HIGH\"" },
  { "tickets/author-unknown", CALL_LIST_TICKETS, 200, TICKETS_PAGE_JSON, "items.0.last_message_author", "\"bot\"" },
  { "tickets/count-negative", CALL_LIST_TICKETS, 200, TICKETS_PAGE_JSON, "items.0.message_count", "-1" },
  { "tickets/count-string", CALL_LIST_TICKETS, 200, TICKETS_PAGE_JSON, "items.0.message_count", "\"2\"" },
  { "tickets/updated-missing", CALL_LIST_TICKETS, 200, TICKETS_PAGE_JSON, "items.1.updated_at", NULL },
  /* a ticket read whole */
  { "ticket/other-id", CALL_GET_TICKET, 200, TICKET_DETAIL_JSON, "id", "\"13\"" },
  { "ticket/other-contract", CALL_GET_TICKET, 200, TICKET_DETAIL_JSON, "contract_id", "\"9\"" },
  { "ticket/id-not-digits", CALL_GET_TICKET, 200, TICKET_DETAIL_JSON, "id", "\"12a\"" },
  { "ticket/id-number", CALL_GET_TICKET, 200, TICKET_DETAIL_JSON, "id", "12" },
  { "ticket/number-bad", CALL_GET_TICKET, 200, TICKET_DETAIL_JSON, "number", "\"2026-42\"" },
  { "ticket/department-missing", CALL_GET_TICKET, 200, TICKET_DETAIL_JSON, "department", NULL },
  { "ticket/department-id-bad", CALL_GET_TICKET, 200, TICKET_DETAIL_JSON, "department.id", "\"one\"" },
  { "ticket/service-number", CALL_GET_TICKET, 200, TICKET_DETAIL_JSON, "service_id", "5" },
  { "ticket/service-empty", CALL_GET_TICKET, 200, TICKET_DETAIL_JSON, "service_id", "\"\"" },
  { "ticket/subject-missing", CALL_GET_TICKET, 200, TICKET_DETAIL_JSON, "subject", NULL },
  { "ticket/created-bad", CALL_GET_TICKET, 200, TICKET_DETAIL_JSON, "created_at", "\"yesterday\"" },
  { "ticket/created-no-zone", CALL_GET_TICKET, 200, TICKET_DETAIL_JSON, "created_at", "\"2026-11-20T13:00:00\"" },
  { "ticket/updated-before-created", CALL_GET_TICKET, 200, TICKET_DETAIL_JSON, "updated_at",
    "\"2026-11-19T13:00:00Z\"" },
  { "ticket/messages-missing", CALL_GET_TICKET, 200, TICKET_DETAIL_JSON, "messages", NULL },
  { "ticket/messages-empty", CALL_GET_TICKET, 200, TICKET_DETAIL_JSON, "messages", "[]" },
  { "ticket/message-not-object", CALL_GET_TICKET, 200, TICKET_DETAIL_JSON, "messages.0", "\"oi\"" },
  { "ticket/message-id-bad", CALL_GET_TICKET, 200, TICKET_DETAIL_JSON, "messages.0.id", "\"m1\"" },
  { "ticket/message-author-missing", CALL_GET_TICKET, 200, TICKET_DETAIL_JSON, "messages.0.author", NULL },
  { "ticket/message-author-kind", CALL_GET_TICKET, 200, TICKET_DETAIL_JSON, "messages.0.author.kind", "\"admin\"" },
  { "ticket/message-body-number", CALL_GET_TICKET, 200, TICKET_DETAIL_JSON, "messages.0.body", "1" },
  { "ticket/message-time-bad", CALL_GET_TICKET, 200, TICKET_DETAIL_JSON, "messages.1.created_at", "\"2026-13-01T00:00:00Z\"" },
  { "ticket/internal-to-customer", CALL_GET_TICKET, 200, TICKET_DETAIL_JSON, "messages.1.internal", "true" },
  { "ticket/internal-not-boolean", CALL_GET_TICKET, 200, TICKET_DETAIL_JSON, "messages.1.internal", "\"no\"" },
  { "ticket/attachments-missing", CALL_GET_TICKET, 200, TICKET_DETAIL_JSON, "messages.1.attachments", NULL },
  { "ticket/attachment-id-short", CALL_GET_TICKET, 200, TICKET_DETAIL_JSON, "messages.0.attachments.0.id", "\"0123\"" },
  { "ticket/attachment-id-upper", CALL_GET_TICKET, 200, TICKET_DETAIL_JSON, "messages.0.attachments.0.id",
    "\"0123456789ABCDEF0123456789ABCDEF\"" },
  { "ticket/attachment-size-string", CALL_GET_TICKET, 200, TICKET_DETAIL_JSON, "messages.0.attachments.0.size", "\"2048\"" },
  { "ticket/attachment-name-path", CALL_GET_TICKET, 200, TICKET_DETAIL_JSON, "messages.0.attachments.0.filename",
    "\"../../.bashrc\"" },
  { "ticket/attachment-type-bad", CALL_GET_TICKET, 200, TICKET_DETAIL_JSON, "messages.0.attachments.0.content_type",
    "\"png\"" },
  { "ticket/not-json", CALL_GET_TICKET, 200, "<html>oi</html>", NULL, NULL },
  { "ticket/array", CALL_GET_TICKET, 200, "[" TICKET_DETAIL_JSON "]", NULL, NULL },
  /* writes answered with something else */
  { "open/other-contract", CALL_OPEN_TICKET, 201, TICKET_DETAIL_JSON, "contract_id", "\"9\"" },
  { "open/no-thread", CALL_OPEN_TICKET, 201, TICKET_JSON, NULL, NULL },
  { "reply/other-ticket", CALL_REPLY_TICKET, 201, TICKET_DETAIL_JSON, "id", "\"13\"" },
  { "close/not-closed", CALL_CLOSE_TICKET, 200, TICKET_DETAIL_JSON, NULL, NULL },
  { "close/other-contract", CALL_CLOSE_TICKET, 200, CLOSED_DETAIL_JSON, "contract_id", "\"9\"" },
  /* e-mails */
  { "emails/kind-unknown", CALL_LIST_EMAILS, 200, EMAILS_PAGE_JSON, "items.0.kind", "\"spam\"" },
  { "emails/recipients-string", CALL_LIST_EMAILS, 200, EMAILS_PAGE_JSON, "items.0.recipients", "\"ana@x\"" },
  { "emails/recipient-number", CALL_LIST_EMAILS, 200, EMAILS_PAGE_JSON, "items.0.recipients", "[1]" },
  { "emails/recipient-not-address", CALL_LIST_EMAILS, 200, EMAILS_PAGE_JSON, "items.0.recipients", "[\"ana\"]" },
  { "emails/sent-bad", CALL_LIST_EMAILS, 200, EMAILS_PAGE_JSON, "items.0.sent_at", "\"2026-11-21\"" },
  { "emails/more-than-total", CALL_LIST_EMAILS, 200, EMAILS_PAGE_JSON, "total", "0" },
  { "email/other-id", CALL_GET_EMAIL, 200, EMAIL_DETAIL_JSON, "id", "\"32\"" },
  { "email/text-missing", CALL_GET_EMAIL, 200, EMAIL_DETAIL_JSON, "text_body", NULL },
  { "email/html-null", CALL_GET_EMAIL, 200, EMAIL_DETAIL_JSON, "html_body", "null" },
  /* callbacks */
  { "callbacks/status-unknown", CALL_LIST_CALLBACKS, 200, CALLBACKS_PAGE_JSON, "items.0.status", "\"pending\"" },
  { "callbacks/window-missing", CALL_LIST_CALLBACKS, 200, CALLBACKS_PAGE_JSON, "items.0.preferred_window", NULL },
  { "callbacks/date-bad", CALL_LIST_CALLBACKS, 200, CALLBACKS_PAGE_JSON, "items.0.preferred_window.date",
    "\"2026-02-30\"" },
  { "callbacks/from-bad", CALL_LIST_CALLBACKS, 200, CALLBACKS_PAGE_JSON, "items.0.preferred_window.from", "\"25:00\"" },
  { "callbacks/to-short", CALL_LIST_CALLBACKS, 200, CALLBACKS_PAGE_JSON, "items.0.preferred_window.to", "\"9:00\"" },
  { "callbacks/to-before-from", CALL_LIST_CALLBACKS, 200, CALLBACKS_PAGE_JSON, "items.0.preferred_window.to", "\"08:00\"" },
  { "callbacks/service-bad", CALL_LIST_CALLBACKS, 200, CALLBACKS_PAGE_JSON, "items.1.service_id", "\"abc\"" },
  { "callbacks/id-missing", CALL_LIST_CALLBACKS, 200, CALLBACKS_PAGE_JSON, "items.0.id", NULL },
  { "callback/other-window", CALL_REQUEST_CALLBACK, 201, CALLBACK_JSON, "preferred_window.from", "\"10:00\"" },
  { "callback/other-service", CALL_REQUEST_CALLBACK, 201, CALLBACK_JSON, "service_id", "\"6\"" },
  /* support levels */
  { "levels/id-unknown", CALL_LIST_LEVELS, 200, LEVELS_JSON, "items.0.id", "\"gold\"" },
  { "levels/includes-string", CALL_LIST_LEVELS, 200, LEVELS_JSON, "items.0.includes", "\"tudo\"" },
  { "levels/channel-empty", CALL_LIST_LEVELS, 200, LEVELS_JSON, "items.1.channels", "[\"\"]" },
  { "levels/price-string", CALL_LIST_LEVELS, 200, LEVELS_JSON, "items.1.price_cents", "\"199,00\"" },
  { "levels/price-fraction", CALL_LIST_LEVELS, 200, LEVELS_JSON, "items.1.price_cents", "199.5" },
  { "levels/sla-missing", CALL_LIST_LEVELS, 200, LEVELS_JSON, "items.1.first_response_minutes", NULL },
  { "set-level/not-changed", CALL_SET_LEVEL, 200, SERVICE_PREMIUM_JSON, "support_level", "\"basic\"" },
  { "set-level/other-service", CALL_SET_LEVEL, 200, SERVICE_PREMIUM_JSON, "id", "\"s2\"" },
  { "set-level/other-contract", CALL_SET_LEVEL, 200, SERVICE_PREMIUM_JSON, "contract_id", "\"9\"" },
  /* staff */
  { "staff/queue-no-contract", CALL_STAFF_LIST, 200, LIST_OF (TICKET_JSON), NULL, NULL },
  { "staff/queue-all-no-contract", CALL_STAFF_LIST_ALL, 200, LIST_OF (TICKET_JSON), NULL, NULL },
  { "staff/queue-contract-mismatch", CALL_STAFF_LIST, 200, LIST_OF (STAFF_TICKET_JSON), "items.0.contract.id", "\"9\"" },
  { "staff/ticket-other-id", CALL_STAFF_GET, 200, STAFF_DETAIL_JSON, "id", "\"13\"" },
  { "staff/ticket-internal-missing", CALL_STAFF_GET, 200, STAFF_DETAIL_JSON, "messages.0.internal", NULL },
  { "staff/ticket-customer-internal", CALL_STAFF_GET, 200, STAFF_DETAIL_JSON, "messages.0.internal", "true" },
  { "staff/reply-other-ticket", CALL_STAFF_REPLY, 201, STAFF_DETAIL_JSON, "id", "\"13\"" },
  { "staff/status-not-changed", CALL_STAFF_STATUS, 200, STAFF_DETAIL_JSON_FOR ("on_hold"), NULL, NULL },
  { "staff/audit-other-contract", CALL_STAFF_AUDIT, 200, AUDIT_PAGE_JSON, "items.0.contract.id", "\"9\"" },
  { "staff/audit-user-missing", CALL_STAFF_AUDIT, 200, AUDIT_PAGE_JSON, "items.0.user", NULL },
  { "staff/audit-at-bad", CALL_STAFF_AUDIT, 200, AUDIT_PAGE_JSON, "items.0.at", "12" },
  { "staff/audit-path-bad", CALL_STAFF_AUDIT, 200, AUDIT_PAGE_JSON, "items.0.path", "\"contracts\"" },
};

static void
test_malformed (Fixture       *f,
                gconstpointer  data)
{
  const BadCase *c = data;
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;

  if (c->member != NULL)
    json = fake_json_with (c->json, c->member, c->value);
  else
    json = g_strdup (c->json);
  answer (f, c->kind, c->status, NULL, json);
  if (c->kind == CALL_LIST_ALL_TICKETS || c->kind == CALL_STAFF_LIST_ALL)
    fake_server_set_page (f->fake, call_routes[c->kind].path, NULL, json);
  error = run_failing (f, c->kind, SAN_API_ERROR_MALFORMED);
  g_assert_cmpstr (error->message, !=, "");
}

/* The good answers used above pass as they are (so each bad case fails for
 * its one change) */
static void
test_good_answers_pass (Fixture       *f,
                        gconstpointer  data)
{
  static const struct { CallKind kind; guint status; const char *json; } good[] = {
    { CALL_DEPARTMENTS, 200, DEPARTMENTS_JSON },
    { CALL_LIST_TICKETS, 200, TICKETS_PAGE_JSON },
    { CALL_GET_TICKET, 200, TICKET_DETAIL_JSON },
    { CALL_OPEN_TICKET, 201, TICKET_DETAIL_JSON },
    { CALL_REPLY_TICKET, 201, TICKET_DETAIL_JSON },
    { CALL_CLOSE_TICKET, 200, CLOSED_DETAIL_JSON },
    { CALL_LIST_EMAILS, 200, EMAILS_PAGE_JSON },
    { CALL_GET_EMAIL, 200, EMAIL_DETAIL_JSON },
    { CALL_LIST_CALLBACKS, 200, CALLBACKS_PAGE_JSON },
    { CALL_REQUEST_CALLBACK, 201, CALLBACK_JSON },
    { CALL_LIST_LEVELS, 200, LEVELS_JSON },
    { CALL_SET_LEVEL, 200, SERVICE_PREMIUM_JSON },
    { CALL_STAFF_LIST, 200, LIST_OF (STAFF_TICKET_JSON) },
    { CALL_STAFF_GET, 200, STAFF_DETAIL_JSON },
    { CALL_STAFF_REPLY, 201, STAFF_DETAIL_JSON },
    { CALL_STAFF_STATUS, 200, STAFF_DETAIL_JSON },
    { CALL_STAFF_AUDIT, 200, AUDIT_PAGE_JSON },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      GDestroyNotify free_func;
      gpointer result;

      answer (f, good[i].kind, good[i].status, NULL, good[i].json);
      result = run_call (f, good[i].kind, &free_func, &error);
      g_assert_no_error (error);
      g_assert_nonnull (result);
      free_func (result);
    }
}

/* Requests: JSON bodies */

static void
test_open_ticket_json (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanTicket) ticket = NULL;
  g_autoptr(JsonNode) root = NULL;
  GDestroyNotify free_func;
  JsonObject *sent;

  answer (f, CALL_OPEN_TICKET, 201, NULL, TICKET_DETAIL_JSON);
  ticket = run_call (f, CALL_OPEN_TICKET, &free_func, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (san_ticket_get_id (ticket), ==, "12");

  g_assert_cmpstr (fake_server_last_header (f->fake, TICKETS_PATH, "Content-Type"), ==, "application/json");
  sent = sent_object (f, TICKETS_PATH, &root);
  g_assert_cmpuint (json_object_get_size (sent), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (sent, "department_id"), ==, "1");
  g_assert_cmpstr (json_object_get_string_member (sent, "service_id"), ==, "5");
  g_assert_cmpstr (json_object_get_string_member (sent, "priority"), ==, "high");
  g_assert_cmpstr (json_object_get_string_member (sent, "subject"), ==, "Site fora do ar");
  g_assert_cmpstr (json_object_get_string_member (sent, "body"), ==, "O site não abre.\nDesde ontem.");
}

/* No service: no member; quotes and backslashes stay inside the strings; an
 * empty list of attachments is plain JSON */
static void
test_open_ticket_json_escaped (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(SanTicket) ticket = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GListStore) none = g_list_store_new (G_TYPE_FILE);
  Waiter waiter = { 0 };
  JsonObject *sent;

  answer (f, CALL_OPEN_TICKET, 201, NULL, TICKET_DETAIL_JSON);
  san_client_open_ticket_async (f->client, "3", "2", NULL, SAN_TICKET_PRIORITY_LOW,
                                "\"Erro\" em C:\\dados", "}\",\"priority\":\"high", G_LIST_MODEL (none),
                                NULL, waiter_cb, &waiter);
  result = waiter_wait (&waiter);
  ticket = san_client_open_ticket_finish (f->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fake_server_last_header (f->fake, TICKETS_PATH, "Content-Type"), ==, "application/json");
  sent = sent_object (f, TICKETS_PATH, &root);
  g_assert_cmpuint (json_object_get_size (sent), ==, 4);
  g_assert_false (json_object_has_member (sent, "service_id"));
  g_assert_cmpstr (json_object_get_string_member (sent, "priority"), ==, "low");
  g_assert_cmpstr (json_object_get_string_member (sent, "subject"), ==, "\"Erro\" em C:\\dados");
  g_assert_cmpstr (json_object_get_string_member (sent, "body"), ==, "}\",\"priority\":\"high");
}

static void
test_reply_and_close_json (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanTicket) replied = NULL;
  g_autoptr(SanTicket) closed = NULL;
  g_autoptr(JsonNode) root = NULL;
  GDestroyNotify free_func;
  JsonObject *sent;

  answer (f, CALL_REPLY_TICKET, 201, NULL, TICKET_DETAIL_JSON);
  replied = run_call (f, CALL_REPLY_TICKET, &free_func, &error);
  g_assert_no_error (error);
  sent = sent_object (f, MESSAGES_PATH, &root);
  g_assert_cmpuint (json_object_get_size (sent), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (sent, "body"), ==, "Ainda não abre.");

  answer (f, CALL_CLOSE_TICKET, 200, NULL, CLOSED_DETAIL_JSON);
  closed = run_call (f, CALL_CLOSE_TICKET, &free_func, &error);
  g_assert_no_error (error);
  g_assert_cmpint (san_ticket_get_status (closed), ==, SAN_TICKET_STATUS_CLOSED);
  g_assert_cmpstr (fake_server_last_body (f->fake, CLOSE_PATH), ==, "{}");
}

/* Text that is not UTF-8 is refused before anything is sent */
static void
test_reply_invalid_text (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(SanTicket) ticket = NULL;
  Waiter waiter = { 0 };

  san_client_reply_ticket_async (f->client, "3", "12", "caf\xe9", NULL, NULL, waiter_cb, &waiter);
  result = waiter_wait (&waiter);
  ticket = san_client_reply_ticket_finish (f->client, result, &error);
  g_assert_null (ticket);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_INVALID_INPUT);
  g_assert_true (san_api_error_has_field (error, "body"));
  g_assert_cmpuint (count (f, CALL_REPLY_TICKET), ==, 0);
}

/* Requests: multipart with attachments */

typedef struct
{
  char   *name;        /* the part's name */
  char   *filename;    /* or NULL */
  char   *type;
  GBytes *body;
} Part;

static void
part_free (Part *part)
{
  g_free (part->name);
  g_free (part->filename);
  g_free (part->type);
  g_bytes_unref (part->body);
  g_free (part);
}

/* The parts of the last request to @path, read as the server reads them */
static GPtrArray *
sent_parts (Fixture    *f,
            const char *path)
{
  g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  g_autoptr(SoupMultipart) multipart = NULL;
  GPtrArray *parts = g_ptr_array_new_with_free_func ((GDestroyNotify) part_free);
  const char *content_type = fake_server_last_header (f->fake, path, "Content-Type");
  GBytes *body = fake_server_last_body_bytes (f->fake, path);

  g_assert_nonnull (content_type);
  g_assert_true (g_str_has_prefix (content_type, "multipart/form-data; boundary="));
  g_assert_nonnull (body);
  soup_message_headers_replace (headers, "Content-Type", content_type);
  multipart = soup_multipart_new_from_message (headers, body);
  g_assert_nonnull (multipart);

  for (int i = 0; i < soup_multipart_get_length (multipart); i++)
    {
      SoupMessageHeaders *part_headers;
      GBytes *part_body;
      g_autoptr(GHashTable) params = NULL;
      Part *part = g_new0 (Part, 1);

      g_assert_true (soup_multipart_get_part (multipart, i, &part_headers, &part_body));
      g_assert_true (soup_message_headers_get_content_disposition (part_headers, NULL, &params));
      part->name = g_strdup (g_hash_table_lookup (params, "name"));
      part->filename = g_strdup (g_hash_table_lookup (params, "filename"));
      part->type = g_strdup (soup_message_headers_get_content_type (part_headers, NULL));
      part->body = g_bytes_ref (part_body);
      g_ptr_array_add (parts, part);
    }
  return parts;
}

static void
assert_part_json (Part       *part,
                  const char *name,
                  const char *member,
                  const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strndup (g_bytes_get_data (part->body, NULL), g_bytes_get_size (part->body));
  g_autoptr(JsonNode) root = json_from_string (text, &error);

  g_assert_cmpstr (part->name, ==, name);
  g_assert_null (part->filename);
  g_assert_cmpstr (part->type, ==, "application/json");
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), member), ==, value);
}

static void
assert_part_file (Part       *part,
                  const char *filename,
                  const char *data,
                  gsize       size)
{
  g_assert_cmpstr (part->name, ==, "attachments");
  g_assert_cmpstr (part->filename, ==, filename);
  g_assert_cmpmem (g_bytes_get_data (part->body, NULL), g_bytes_get_size (part->body), data, size);
}

static const char png_data[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0";
static const char text_data[] = "linha 1\nerro: conexão recusada\n";

static void
test_open_ticket_multipart (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) png = make_file (f, "erro.png", png_data, sizeof png_data - 1);
  g_autoptr(GFile) text = make_file (f, "relatório do servidor.txt", text_data, sizeof text_data - 1);
  g_autoptr(GListModel) files = test_files_model (png, text, NULL);
  g_autoptr(SanTicket) ticket = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  GDestroyNotify free_func;

  answer (f, CALL_OPEN_TICKET, 201, NULL, TICKET_DETAIL_JSON);
  ticket = run_call_with (f, CALL_OPEN_TICKET, files, NULL, &free_func, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ticket);

  parts = sent_parts (f, TICKETS_PATH);
  g_assert_cmpuint (parts->len, ==, 3);
  assert_part_json (g_ptr_array_index (parts, 0), "ticket", "subject", "Site fora do ar");
  assert_part_json (g_ptr_array_index (parts, 0), "ticket", "priority", "high");
  assert_part_file (g_ptr_array_index (parts, 1), "erro.png", png_data, sizeof png_data - 1);
  assert_part_file (g_ptr_array_index (parts, 2), "relatório do servidor.txt", text_data,
                    sizeof text_data - 1);
}

static void
test_reply_multipart (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) text = make_file (f, "log.txt", text_data, sizeof text_data - 1);
  g_autoptr(GListModel) files = test_files_model (text, NULL);
  g_autoptr(SanTicket) ticket = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  GDestroyNotify free_func;

  answer (f, CALL_REPLY_TICKET, 201, NULL, TICKET_DETAIL_JSON);
  ticket = run_call_with (f, CALL_REPLY_TICKET, files, NULL, &free_func, &error);
  g_assert_no_error (error);
  parts = sent_parts (f, MESSAGES_PATH);
  g_assert_cmpuint (parts->len, ==, 2);
  assert_part_json (g_ptr_array_index (parts, 0), "message", "body", "Ainda não abre.");
  assert_part_file (g_ptr_array_index (parts, 1), "log.txt", text_data, sizeof text_data - 1);
}

static void
test_staff_reply_multipart (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) png = make_file (f, "print.png", png_data, sizeof png_data - 1);
  g_autoptr(GListModel) files = test_files_model (png, NULL);
  g_autoptr(SanTicket) ticket = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) root = NULL;
  GDestroyNotify free_func;
  Part *part;

  answer (f, CALL_STAFF_REPLY, 201, NULL, STAFF_DETAIL_JSON);
  ticket = run_call_with (f, CALL_STAFF_REPLY, files, NULL, &free_func, &error);
  g_assert_no_error (error);
  parts = sent_parts (f, STAFF_MESSAGES_PATH);
  g_assert_cmpuint (parts->len, ==, 2);
  part = g_ptr_array_index (parts, 0);
  assert_part_json (part, "message", "body", "Cliente VIP.");
  json = g_strndup (g_bytes_get_data (part->body, NULL), g_bytes_get_size (part->body));
  root = json_from_string (json, NULL);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (root), "internal"));
  assert_part_file (g_ptr_array_index (parts, 1), "print.png", png_data, sizeof png_data - 1);
}

/* After a refresh the multipart request goes again, whole */
static void
test_multipart_after_refresh (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) png = make_file (f, "erro.png", png_data, sizeof png_data - 1);
  g_autoptr(GListModel) files = test_files_model (png, NULL);
  g_autoptr(SanTicket) ticket = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  GDestroyNotify free_func;

  answer (f, CALL_OPEN_TICKET, 201, NULL, TICKET_DETAIL_JSON);
  fake_server_expire_access (f->fake);
  ticket = run_call_with (f, CALL_OPEN_TICKET, files, NULL, &free_func, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count (f, CALL_OPEN_TICKET), ==, 2);
  parts = sent_parts (f, TICKETS_PATH);
  g_assert_cmpuint (parts->len, ==, 2);
  assert_part_file (g_ptr_array_index (parts, 1), "erro.png", png_data, sizeof png_data - 1);
}

/* Limits: refused before anything is sent, naming "attachments" */

static void
assert_refused_unsent (Fixture    *f,
                       CallKind    kind,
                       GListModel *files,
                       const char *text)
{
  g_autoptr(GError) error = NULL;

  error = run_failing_with (f, kind, files, SAN_API_ERROR, SAN_API_ERROR_INVALID_INPUT);
  g_assert_true (san_api_error_has_field (error, "attachments"));
  g_assert_cmpuint (g_strv_length ((char **) san_api_error_get_fields (error)), ==, 1);
  /* refused here, the message about the field is the error's own */
  g_assert_cmpstr (san_api_error_get_field_message (error, "attachments"), ==, error->message);
  if (text != NULL)
    assert_message_contains (error, text);
  g_assert_cmpuint (count (f, kind), ==, 0);
}

static void
test_attachments_too_many (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);

  for (guint i = 0; i < SAN_CLIENT_MAX_ATTACHMENTS + 1; i++)
    {
      g_autofree char *name = g_strdup_printf ("f%u.txt", i);
      g_autoptr(GFile) file = make_file (f, name, "x", 1);

      g_list_store_append (files, file);
    }
  assert_refused_unsent (f, CALL_OPEN_TICKET, G_LIST_MODEL (files), "5");
  assert_refused_unsent (f, CALL_REPLY_TICKET, G_LIST_MODEL (files), "5");
  assert_refused_unsent (f, CALL_STAFF_REPLY, G_LIST_MODEL (files), "5");
}

/* Five files are fine */
static void
test_attachments_five (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GError) error = NULL;
  g_autoptr(SanTicket) ticket = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  GDestroyNotify free_func;

  for (guint i = 0; i < SAN_CLIENT_MAX_ATTACHMENTS; i++)
    {
      g_autofree char *name = g_strdup_printf ("f%u.txt", i);
      g_autoptr(GFile) file = make_file (f, name, name, strlen (name));

      g_list_store_append (files, file);
    }
  answer (f, CALL_REPLY_TICKET, 201, NULL, TICKET_DETAIL_JSON);
  ticket = run_call_with (f, CALL_REPLY_TICKET, G_LIST_MODEL (files), NULL, &free_func, &error);
  g_assert_no_error (error);
  parts = sent_parts (f, MESSAGES_PATH);
  g_assert_cmpuint (parts->len, ==, 6);
  assert_part_file (g_ptr_array_index (parts, 5), "f4.txt", "f4.txt", 6);
}

static void
test_attachment_too_large (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GFile) small = make_file (f, "ok.txt", "ok", 2);
  g_autoptr(GFile) big = make_file (f, "backup.zip", NULL, SAN_CLIENT_MAX_ATTACHMENT_SIZE + 1);
  g_autoptr(GListModel) files = test_files_model (small, big, NULL);

  assert_refused_unsent (f, CALL_OPEN_TICKET, files, "backup.zip");
}

/* Exactly 5 MiB is allowed */
static void
test_attachment_at_limit (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GFile) big = make_file (f, "limite.bin", NULL, SAN_CLIENT_MAX_ATTACHMENT_SIZE);
  g_autoptr(GListModel) files = test_files_model (big, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SanTicket) ticket = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  GDestroyNotify free_func;
  Part *part;

  answer (f, CALL_OPEN_TICKET, 201, NULL, TICKET_DETAIL_JSON);
  ticket = run_call_with (f, CALL_OPEN_TICKET, files, NULL, &free_func, &error);
  g_assert_no_error (error);
  parts = sent_parts (f, TICKETS_PATH);
  part = g_ptr_array_index (parts, 1);
  g_assert_cmpuint (g_bytes_get_size (part->body), ==, SAN_CLIENT_MAX_ATTACHMENT_SIZE);
}

static void
test_attachments_too_large_together (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GFile) a = make_file (f, "a.bin", NULL, 4 * 1024 * 1024);
  g_autoptr(GFile) b = make_file (f, "b.bin", NULL, 4 * 1024 * 1024);
  g_autoptr(GFile) c = make_file (f, "c.bin", NULL, 4 * 1024 * 1024);
  g_autoptr(GListModel) files = test_files_model (a, b, c, NULL);

  assert_refused_unsent (f, CALL_REPLY_TICKET, files, "10 MB");
}

static void
test_attachment_unreadable (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *missing_path = g_build_filename (f->dir, "sumiu.txt", NULL);
  g_autofree char *folder_path = g_build_filename (f->dir, "pasta", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autoptr(GListModel) missing_files = test_files_model (missing, NULL);
  g_autoptr(GListModel) folder_files = test_files_model (folder, NULL);

  g_assert_cmpint (g_mkdir (folder_path, 0700), ==, 0);
  assert_refused_unsent (f, CALL_OPEN_TICKET, missing_files, "sumiu.txt");
  assert_refused_unsent (f, CALL_OPEN_TICKET, folder_files, "pasta");
}

/* A call cancelled while its files are read ends cancelled, unsent */
static void
test_attachments_cancelled (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GFile) png = make_file (f, "erro.png", png_data, sizeof png_data - 1);
  g_autoptr(GListModel) files = test_files_model (png, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  GDestroyNotify free_func;
  gpointer result;

  g_cancellable_cancel (cancellable);
  result = run_call_with (f, CALL_OPEN_TICKET, files, cancellable, &free_func, &error);
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count (f, CALL_OPEN_TICKET), ==, 0);
}

/* 413 and 415 from the server: their own codes, messages a user can act on */
static void
test_attachment_refused_by_server (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GFile) png = make_file (f, "erro.png", png_data, sizeof png_data - 1);
  g_autoptr(GListModel) files = test_files_model (png, NULL);
  g_autoptr(GError) too_large = NULL;
  g_autoptr(GError) bad_type = NULL;

  answer (f, CALL_OPEN_TICKET, 413, PROBLEM,
          "{\"code\":\"payload_too_large\",\"status\":413,\"detail\":\"An attachment may be at most 5 MiB\"}");
  too_large = run_failing_with (f, CALL_OPEN_TICKET, files, SAN_API_ERROR, SAN_API_ERROR_PAYLOAD_TOO_LARGE);
  assert_message_contains (too_large, "5 MB");

  answer (f, CALL_REPLY_TICKET, 415, PROBLEM,
          "{\"code\":\"unsupported_media_type\",\"status\":415,\"detail\":\"not an allowed type\"}");
  bad_type = run_failing_with (f, CALL_REPLY_TICKET, files, SAN_API_ERROR,
                               SAN_API_ERROR_UNSUPPORTED_MEDIA_TYPE);
  assert_message_contains (bad_type, "PDF");
}

/* Other errors of the server keep their meaning */
static void
test_server_errors (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) conflict = NULL;
  g_autoptr(GError) forbidden = NULL;
  g_autoptr(GError) missing = NULL;

  answer (f, CALL_CLOSE_TICKET, 409, PROBLEM,
          "{\"code\":\"invalid_state\",\"status\":409,\"detail\":\"The ticket is already closed\"}");
  conflict = run_failing (f, CALL_CLOSE_TICKET, SAN_API_ERROR_CONFLICT);
  assert_message_contains (conflict, "already closed");
  answer (f, CALL_STAFF_LIST, 403, PROBLEM, "{\"code\":\"forbidden\",\"status\":403}");
  forbidden = run_failing (f, CALL_STAFF_LIST, SAN_API_ERROR_FORBIDDEN);
  answer (f, CALL_GET_EMAIL, 404, PROBLEM, "{\"code\":\"not_found\",\"status\":404}");
  missing = run_failing (f, CALL_GET_EMAIL, SAN_API_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("/api/parse-support/departments/valid", test_departments_valid, NULL);
  ADD ("/api/parse-support/tickets/list-valid", test_tickets_list_valid, NULL);
  ADD ("/api/parse-support/tickets/list-no-filters", test_tickets_list_no_filters, NULL);
  ADD ("/api/parse-support/tickets/list-all-follows-pages", test_tickets_list_all, NULL);
  ADD ("/api/parse-support/ticket/detail-valid", test_ticket_detail_valid, NULL);
  ADD ("/api/parse-support/ticket/internal-false-accepted", test_ticket_detail_internal_false, NULL);
  ADD ("/api/parse-support/ticket/without-service", test_ticket_without_service, NULL);
  ADD ("/api/parse-support/emails/list-valid", test_emails_list_valid, NULL);
  ADD ("/api/parse-support/email/detail-valid", test_email_detail_valid, NULL);
  ADD ("/api/parse-support/callbacks/list-valid", test_callbacks_list_valid, NULL);
  ADD ("/api/parse-support/callback/request-body", test_callback_request_body, NULL);
  ADD ("/api/parse-support/callback/request-without-service", test_callback_without_service, NULL);
  ADD ("/api/parse-support/callback/field-errors", test_callback_field_errors, NULL);
  ADD ("/api/parse-support/callback/bad-minutes-unsent", test_callback_bad_minutes, NULL);
  ADD ("/api/parse-support/support-levels/valid", test_support_levels_valid, NULL);
  ADD ("/api/parse-support/support-level/set-body", test_set_support_level_body, NULL);
  ADD ("/api/parse-support/attachment/download", test_download_attachment, NULL);
  ADD ("/api/parse-support/attachment/download-errors", test_download_not_found, NULL);
  ADD ("/api/parse-support/staff/queue-valid", test_staff_queue_valid, NULL);
  ADD ("/api/parse-support/staff/ticket-internal-note", test_staff_ticket_internal_note, NULL);
  ADD ("/api/parse-support/staff/reply-body", test_staff_reply_body, NULL);
  ADD ("/api/parse-support/staff/status-body", test_staff_status_body, NULL);
  ADD ("/api/parse-support/staff/audit-valid", test_staff_audit_valid, NULL);
  ADD ("/api/parse-support/user/role", test_user_role, NULL);
  ADD ("/api/parse-support/user/role-malformed", test_user_role_malformed, NULL);
  ADD ("/api/parse-support/malformed/good-answers-pass", test_good_answers_pass, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/api/parse-support/malformed/%s", bad_cases[i].name);

      ADD (path, test_malformed, &bad_cases[i]);
    }
  ADD ("/api/parse-support/request/open-ticket-json", test_open_ticket_json, NULL);
  ADD ("/api/parse-support/request/open-ticket-json-escaped", test_open_ticket_json_escaped, NULL);
  ADD ("/api/parse-support/request/reply-and-close-json", test_reply_and_close_json, NULL);
  ADD ("/api/parse-support/request/invalid-text-unsent", test_reply_invalid_text, NULL);
  ADD ("/api/parse-support/request/open-ticket-multipart", test_open_ticket_multipart, NULL);
  ADD ("/api/parse-support/request/reply-multipart", test_reply_multipart, NULL);
  ADD ("/api/parse-support/request/staff-reply-multipart", test_staff_reply_multipart, NULL);
  ADD ("/api/parse-support/request/multipart-after-refresh", test_multipart_after_refresh, NULL);
  ADD ("/api/parse-support/attachments/more-than-five-unsent", test_attachments_too_many, NULL);
  ADD ("/api/parse-support/attachments/five-sent", test_attachments_five, NULL);
  ADD ("/api/parse-support/attachments/over-5-mib-unsent", test_attachment_too_large, NULL);
  ADD ("/api/parse-support/attachments/exactly-5-mib-sent", test_attachment_at_limit, NULL);
  ADD ("/api/parse-support/attachments/over-10-mib-together-unsent", test_attachments_too_large_together, NULL);
  ADD ("/api/parse-support/attachments/unreadable-unsent", test_attachment_unreadable, NULL);
  ADD ("/api/parse-support/attachments/cancelled-unsent", test_attachments_cancelled, NULL);
  ADD ("/api/parse-support/attachments/server-413-415", test_attachment_refused_by_server, NULL);
  ADD ("/api/parse-support/errors/server", test_server_errors, NULL);

#undef ADD

  return g_test_run ();
}
