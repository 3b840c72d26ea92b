/* test-support.c: SanClient's support and staff calls against the real
 * san-portald (demo data on a fixed day, a fresh database and a free port
 * per test)
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "san-api-test.h"
#include "san-test-server.h"

#define DEMO_EMAIL     "demo@example.com"
#define DEMO_PASSWORD  "demo-1234"
#define STAFF_EMAIL    "staff@example.com"
#define STAFF_PASSWORD "staff-1234"
#define STAFF_NAME     "Marina Costa (SAN)"

#define PADARIA "Padaria Pão Quente Ltda"
#define ANA     "Ana Souza"
#define OFICINA "Oficina Ribeiro ME"

#define TODAY   "2026-11-24"

#define WORDPRESS_SUBJECT "Site fora do ar após atualização do WordPress"
#define SSL_SUBJECT       "Certificado SSL não renovou automaticamente"
#define SLOW_SUBJECT      "Lentidão no Cloud Server da loja"

/* The demo's attachments (san-portald-tickets.c) */
static const guint8 demo_png[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
  0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0,
  0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
  0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};
static const char demo_log_start[] = "2026/11/18 09:12:01 [warn] upstream response is buffered";

typedef struct
{
  SanTestServer *server;
  SanClient     *client;   /* Ana */
  char          *padaria;  /* contract ids */
  char          *ana;
  char          *dir;      /* files to attach */
} Fixture;

/* The calls, waited for */

static GListModel *
list_departments (SanClient  *client,
                  GError    **error)
{
  RUN (san_client_list_departments_async (client, NULL, waiter_cb, &waiter));
  return san_client_list_departments_finish (client, result, error);
}

static SanPage *
list_tickets (SanClient   *client,
              const char  *contract_id,
              const char  *status,
              const char  *search,
              const char  *cursor,
              guint        limit,
              GError     **error)
{
  RUN (san_client_list_tickets_async (client, contract_id, status, search, cursor, limit, NULL,
                                      waiter_cb, &waiter));
  return san_client_list_tickets_finish (client, result, error);
}

static GListModel *
list_all_tickets (SanClient   *client,
                  const char  *contract_id,
                  const char  *status,
                  const char  *search,
                  GError     **error)
{
  RUN (san_client_list_all_tickets_async (client, contract_id, status, search, NULL, waiter_cb, &waiter));
  return san_client_list_all_tickets_finish (client, result, error);
}

static SanTicket *
get_ticket (SanClient   *client,
            const char  *contract_id,
            const char  *ticket_id,
            GError     **error)
{
  RUN (san_client_get_ticket_async (client, contract_id, ticket_id, NULL, waiter_cb, &waiter));
  return san_client_get_ticket_finish (client, result, error);
}

static SanTicket *
open_ticket (SanClient          *client,
             const char         *contract_id,
             const char         *department_id,
             const char         *service_id,
             SanTicketPriority   priority,
             const char         *subject,
             const char         *body,
             GListModel         *attachments,
             GError            **error)
{
  RUN (san_client_open_ticket_async (client, contract_id, department_id, service_id, priority, subject,
                                     body, attachments, NULL, waiter_cb, &waiter));
  return san_client_open_ticket_finish (client, result, error);
}

static SanTicket *
reply_ticket (SanClient   *client,
              const char  *contract_id,
              const char  *ticket_id,
              const char  *body,
              GListModel  *attachments,
              GError     **error)
{
  RUN (san_client_reply_ticket_async (client, contract_id, ticket_id, body, attachments, NULL,
                                      waiter_cb, &waiter));
  return san_client_reply_ticket_finish (client, result, error);
}

static SanTicket *
close_ticket (SanClient   *client,
              const char  *contract_id,
              const char  *ticket_id,
              GError     **error)
{
  RUN (san_client_close_ticket_async (client, contract_id, ticket_id, NULL, waiter_cb, &waiter));
  return san_client_close_ticket_finish (client, result, error);
}

static GBytes *
download_attachment (SanClient   *client,
                     const char  *contract_id,
                     const char  *attachment_id,
                     char       **out_content_type,
                     GError     **error)
{
  RUN (san_client_download_attachment_async (client, contract_id, attachment_id, NULL, waiter_cb, &waiter));
  return san_client_download_attachment_finish (client, result, out_content_type, error);
}

static SanPage *
list_emails (SanClient           *client,
             const char          *contract_id,
             const SanEmailKind  *kind,
             const char          *search,
             const GDate         *from,
             const GDate         *to,
             const char          *cursor,
             guint                limit,
             GError             **error)
{
  RUN (san_client_list_emails_async (client, contract_id, kind, search, from, to, cursor, limit, NULL,
                                     waiter_cb, &waiter));
  return san_client_list_emails_finish (client, result, error);
}

static SanEmail *
get_email (SanClient   *client,
           const char  *contract_id,
           const char  *email_id,
           GError     **error)
{
  RUN (san_client_get_email_async (client, contract_id, email_id, NULL, waiter_cb, &waiter));
  return san_client_get_email_finish (client, result, error);
}

static GListModel *
list_callbacks (SanClient   *client,
                const char  *contract_id,
                GError     **error)
{
  RUN (san_client_list_callbacks_async (client, contract_id, NULL, waiter_cb, &waiter));
  return san_client_list_callbacks_finish (client, result, error);
}

static SanCallback *
request_callback (SanClient    *client,
                  const char   *contract_id,
                  const char   *phone,
                  const char   *subject,
                  const char   *service_id,
                  const GDate  *date,
                  guint         from_minutes,
                  guint         to_minutes,
                  GError      **error)
{
  RUN (san_client_request_callback_async (client, contract_id, phone, subject, service_id, date,
                                          from_minutes, to_minutes, NULL, waiter_cb, &waiter));
  return san_client_request_callback_finish (client, result, error);
}

static GListModel *
list_support_levels (SanClient   *client,
                     const char  *contract_id,
                     GError     **error)
{
  RUN (san_client_list_support_levels_async (client, contract_id, NULL, waiter_cb, &waiter));
  return san_client_list_support_levels_finish (client, result, error);
}

static SanService *
set_support_level (SanClient          *client,
                   const char         *contract_id,
                   const char         *service_id,
                   SanSupportLevelId   level,
                   GError            **error)
{
  RUN (san_client_set_support_level_async (client, contract_id, service_id, level, NULL, waiter_cb, &waiter));
  return san_client_set_support_level_finish (client, result, error);
}

static SanService *
get_service (SanClient   *client,
             const char  *contract_id,
             const char  *service_id,
             GError     **error)
{
  RUN (san_client_get_service_async (client, contract_id, service_id, NULL, waiter_cb, &waiter));
  return san_client_get_service_finish (client, result, error);
}

static GListModel *
list_all_services (SanClient   *client,
                   const char  *contract_id,
                   GError     **error)
{
  RUN (san_client_list_all_services_async (client, contract_id, NULL, waiter_cb, &waiter));
  return san_client_list_all_services_finish (client, result, error);
}

static GListModel *
list_all_staff_tickets (SanClient                *client,
                        const char               *department_id,
                        const char               *status,
                        const SanTicketPriority  *priority,
                        const SanTicketWaiting   *waiting,
                        const char               *search,
                        GError                  **error)
{
  RUN (san_client_list_all_staff_tickets_async (client, department_id, status, priority, waiting, search,
                                                NULL, waiter_cb, &waiter));
  return san_client_list_all_staff_tickets_finish (client, result, error);
}

static SanPage *
list_staff_tickets (SanClient   *client,
                    const char  *cursor,
                    guint        limit,
                    GError     **error)
{
  RUN (san_client_list_staff_tickets_async (client, NULL, NULL, NULL, NULL, NULL, cursor, limit, NULL,
                                            waiter_cb, &waiter));
  return san_client_list_staff_tickets_finish (client, result, error);
}

static SanTicket *
get_staff_ticket (SanClient   *client,
                  const char  *ticket_id,
                  GError     **error)
{
  RUN (san_client_get_staff_ticket_async (client, ticket_id, NULL, waiter_cb, &waiter));
  return san_client_get_staff_ticket_finish (client, result, error);
}

static SanTicket *
staff_reply (SanClient   *client,
             const char  *ticket_id,
             const char  *body,
             gboolean     internal,
             GListModel  *attachments,
             GError     **error)
{
  RUN (san_client_staff_reply_async (client, ticket_id, body, internal, attachments, NULL, waiter_cb, &waiter));
  return san_client_staff_reply_finish (client, result, error);
}

static SanTicket *
staff_set_status (SanClient        *client,
                  const char       *ticket_id,
                  SanTicketStatus   status,
                  GError          **error)
{
  RUN (san_client_staff_set_status_async (client, ticket_id, status, NULL, waiter_cb, &waiter));
  return san_client_staff_set_status_finish (client, result, error);
}

static GBytes *
download_staff_attachment (SanClient   *client,
                           const char  *attachment_id,
                           char       **out_content_type,
                           GError     **error)
{
  RUN (san_client_download_staff_attachment_async (client, attachment_id, NULL, waiter_cb, &waiter));
  return san_client_download_staff_attachment_finish (client, result, out_content_type, error);
}

static SanPage *
list_staff_audit (SanClient   *client,
                  const char  *contract_id,
                  const char  *cursor,
                  guint        limit,
                  GError     **error)
{
  RUN (san_client_list_staff_audit_async (client, contract_id, cursor, limit, NULL, waiter_cb, &waiter));
  return san_client_list_staff_audit_finish (client, result, error);
}

static SanPage *
list_invoices (SanClient   *client,
               const char  *contract_id,
               GError     **error)
{
  RUN (san_client_list_invoices_async (client, contract_id, NULL, NULL, NULL, NULL, NULL, 0, NULL,
                                       waiter_cb, &waiter));
  return san_client_list_invoices_finish (client, result, NULL, NULL, error);
}

/* Fixtures */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char * const args[] = { "--today", TODAY, NULL };
  g_autoptr(GError) error = NULL;

  f->server = san_test_server_start (TRUE, args);
  f->client = test_client_new (san_test_server_get_url (f->server), NULL);
  test_client_login (f->client, DEMO_EMAIL, DEMO_PASSWORD);
  f->padaria = test_client_contract_id (f->client, PADARIA);
  f->ana = test_client_contract_id (f->client, ANA);
  f->dir = g_dir_make_tmp ("san-support-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->client);
  san_test_server_stop (f->server);
  test_dir_remove (f->dir);
  g_free (f->dir);
  g_free (f->padaria);
  g_free (f->ana);
}

static SanClient *
staff_client (Fixture *f)
{
  SanClient *staff = test_client_new (san_test_server_get_url (f->server), NULL);

  test_client_login (staff, STAFF_EMAIL, STAFF_PASSWORD);
  return staff;
}

/* Helpers on the demo data */

static GFile *
make_file (Fixture    *f,
           const char *name,
           const void *data,
           gsize       size)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, (gssize) size, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

/* The ticket of @tickets with @subject (a new reference), or NULL */
static SanTicket *
find_ticket (GListModel *tickets,
             const char *subject)
{
  for (guint i = 0; i < g_list_model_get_n_items (tickets); i++)
    {
      g_autoptr(SanTicket) ticket = g_list_model_get_item (tickets, i);

      if (g_str_equal (san_ticket_get_subject (ticket), subject))
        return g_steal_pointer (&ticket);
    }
  return NULL;
}

/* The id of @contract_id's ticket with @subject */
static char *
ticket_id_by_subject (SanClient  *client,
                      const char *contract_id,
                      const char *subject)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) tickets = list_all_tickets (client, contract_id, NULL, NULL, &error);
  g_autoptr(SanTicket) ticket = NULL;

  g_assert_no_error (error);
  ticket = find_ticket (tickets, subject);
  if (ticket == NULL)
    g_error ("no ticket “%s”", subject);
  return g_strdup (san_ticket_get_id (ticket));
}

static SanTicketMessage *
last_message (SanTicket *ticket)
{
  GListModel *messages = san_ticket_get_messages (ticket);
  guint n = g_list_model_get_n_items (messages);

  g_assert_cmpuint (n, >, 0);
  return g_list_model_get_item (messages, n - 1);
}

/* The first attachment in @ticket's thread */
static SanAttachment *
first_attachment (SanTicket *ticket)
{
  GListModel *messages = san_ticket_get_messages (ticket);

  for (guint i = 0; i < g_list_model_get_n_items (messages); i++)
    {
      g_autoptr(SanTicketMessage) message = g_list_model_get_item (messages, i);
      GListModel *attachments = san_ticket_message_get_attachments (message);

      if (g_list_model_get_n_items (attachments) > 0)
        return g_list_model_get_item (attachments, 0);
    }
  return NULL;
}

static gboolean
has_internal_message (SanTicket *ticket)
{
  GListModel *messages = san_ticket_get_messages (ticket);

  for (guint i = 0; i < g_list_model_get_n_items (messages); i++)
    {
      g_autoptr(SanTicketMessage) message = g_list_model_get_item (messages, i);

      if (san_ticket_message_get_internal (message))
        return TRUE;
    }
  return FALSE;
}

static gboolean
thread_contains (SanTicket  *ticket,
                 const char *text)
{
  GListModel *messages = san_ticket_get_messages (ticket);

  for (guint i = 0; i < g_list_model_get_n_items (messages); i++)
    {
      g_autoptr(SanTicketMessage) message = g_list_model_get_item (messages, i);

      if (strstr (san_ticket_message_get_body (message), text) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* How many of the contract's e-mails are of @kind */
static guint
count_emails (SanClient    *client,
              const char   *contract_id,
              SanEmailKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanPage) page = list_emails (client, contract_id, &kind, NULL, NULL, NULL, NULL, 1, &error);

  g_assert_no_error (error);
  return san_page_get_total (page);
}

/* Departments */

static void
test_departments (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) departments = list_departments (f->client, &error);
  const char *names[] = { "Suporte Técnico", "Financeiro", "Comercial" };

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (departments), ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(SanDepartment) department = g_list_model_get_item (departments, i);

      g_assert_cmpstr (san_department_get_name (department), ==, names[i]);
      g_assert_cmpstr (san_department_get_id (department), !=, "");
    }
}

/* Tickets */

static void
test_tickets_list (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListModel) open_any = NULL;
  g_autoptr(GListModel) closed = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(SanPage) first = NULL;
  g_autoptr(SanPage) second = NULL;
  g_autoptr(SanTicket) wordpress = NULL;

  all = list_all_tickets (f->client, f->ana, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 4);
  /* Newest activity first, all of this contract, no threads */
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(SanTicket) ticket = g_list_model_get_item (all, i);

      g_assert_cmpstr (san_ticket_get_contract_id (ticket), ==, f->ana);
      g_assert_null (san_ticket_get_contract_name (ticket));
      g_assert_cmpuint (g_list_model_get_n_items (san_ticket_get_messages (ticket)), ==, 0);
      g_assert_true (g_str_has_prefix (san_ticket_get_number (ticket), "#2026-"));
      if (i > 0)
        {
          g_autoptr(SanTicket) newer = g_list_model_get_item (all, i - 1);

          g_assert_cmpint (g_date_time_compare (san_ticket_get_updated_at (newer),
                                                san_ticket_get_updated_at (ticket)), >=, 0);
        }
    }
  wordpress = find_ticket (all, WORDPRESS_SUBJECT);
  g_assert_nonnull (wordpress);
  g_assert_cmpint (san_ticket_get_status (wordpress), ==, SAN_TICKET_STATUS_IN_PROGRESS);
  g_assert_cmpint (san_ticket_get_priority (wordpress), ==, SAN_TICKET_PRIORITY_HIGH);
  g_assert_cmpstr (san_ticket_get_department_name (wordpress), ==, "Suporte Técnico");
  g_assert_nonnull (san_ticket_get_service_id (wordpress));
  g_assert_cmpint (san_ticket_get_last_message_author (wordpress), ==, SAN_TICKET_AUTHOR_KIND_STAFF);

  /* Filters */
  open_any = list_all_tickets (f->client, f->ana, "open_any", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (open_any), ==, 3);
  g_assert_null (find_ticket (open_any, SSL_SUBJECT));
  closed = list_all_tickets (f->client, f->ana, san_ticket_status_to_wire (SAN_TICKET_STATUS_CLOSED),
                             NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (closed), ==, 1);
  found = list_all_tickets (f->client, f->ana, NULL, "página em branco", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);

  /* Pages */
  first = list_tickets (f->client, f->ana, NULL, NULL, NULL, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (san_page_get_total (first), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (san_page_get_items (first)), ==, 3);
  g_assert_nonnull (san_page_get_next_cursor (first));
  second = list_tickets (f->client, f->ana, NULL, NULL, san_page_get_next_cursor (first), 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (san_page_get_items (second)), ==, 1);
  g_assert_null (san_page_get_next_cursor (second));
}

/* The thread: public messages only, with attachments to download */
static void
test_ticket_thread_and_download (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *id = ticket_id_by_subject (f->client, f->ana, WORDPRESS_SUBJECT);
  g_autoptr(GError) error = NULL;
  g_autoptr(SanTicket) ticket = NULL;
  g_autoptr(SanTicketMessage) first = NULL;
  g_autoptr(SanAttachment) attachment = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *content_type = NULL;
  GListModel *messages;

  ticket = get_ticket (f->client, f->ana, id, &error);
  g_assert_no_error (error);
  messages = san_ticket_get_messages (ticket);
  /* five in the demo, one of them an internal note */
  g_assert_cmpuint (g_list_model_get_n_items (messages), ==, 4);
  g_assert_false (has_internal_message (ticket));
  g_assert_false (thread_contains (ticket, "Nota interna"));
  first = g_list_model_get_item (messages, 0);
  g_assert_cmpint (san_ticket_message_get_author_kind (first), ==, SAN_TICKET_AUTHOR_KIND_CUSTOMER);
  g_assert_cmpstr (san_ticket_message_get_author_name (first), ==, "Ana Souza");

  attachment = first_attachment (ticket);
  g_assert_nonnull (attachment);
  g_assert_cmpstr (san_attachment_get_content_type (attachment), ==, "image/png");
  g_assert_cmpint (san_attachment_get_size (attachment), ==, sizeof demo_png);
  bytes = download_attachment (f->client, f->ana, san_attachment_get_id (attachment), &content_type, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (content_type, ==, "image/png");
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), demo_png, sizeof demo_png);
}

/* The log attached to Padaria's ticket; not through another contract */
static void
test_ticket_download_text (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *id = ticket_id_by_subject (f->client, f->padaria, SLOW_SUBJECT);
  g_autoptr(GError) error = NULL;
  g_autoptr(SanTicket) ticket = NULL;
  g_autoptr(SanAttachment) attachment = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) elsewhere = NULL;
  g_autofree char *content_type = NULL;

  ticket = get_ticket (f->client, f->padaria, id, &error);
  g_assert_no_error (error);
  attachment = first_attachment (ticket);
  g_assert_nonnull (attachment);
  g_assert_cmpstr (san_attachment_get_content_type (attachment), ==, "text/plain; charset=utf-8");
  bytes = download_attachment (f->client, f->padaria, san_attachment_get_id (attachment), &content_type,
                               &error);
  g_assert_no_error (error);
  g_assert_cmpstr (content_type, ==, "text/plain");
  g_assert_cmpint (g_bytes_get_size (bytes), ==, san_attachment_get_size (attachment));
  g_assert_true (g_str_has_prefix (g_bytes_get_data (bytes, NULL), demo_log_start));

  /* Padaria's attachment is not Ana's contract's */
  elsewhere = download_attachment (f->client, f->ana, san_attachment_get_id (attachment), NULL, &error);
  g_assert_null (elsewhere);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_NOT_FOUND);
}

static void
test_ticket_open_json (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanTicket) ticket = NULL;
  g_autoptr(SanTicketMessage) message = NULL;
  g_autoptr(SanTicket) again = NULL;
  g_autoptr(GListModel) departments = list_departments (f->client, &error);
  g_autoptr(SanDepartment) finance = g_list_model_get_item (departments, 1);
  guint emails_before = count_emails (f->client, f->ana, SAN_EMAIL_KIND_TICKET);

  ticket = open_ticket (f->client, f->ana, san_department_get_id (finance), NULL, SAN_TICKET_PRIORITY_LOW,
                        "Segunda via do boleto", "Preciso da segunda via do boleto de novembro.\nObrigada!",
                        NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (san_ticket_get_contract_id (ticket), ==, f->ana);
  g_assert_cmpstr (san_ticket_get_subject (ticket), ==, "Segunda via do boleto");
  g_assert_cmpstr (san_ticket_get_department_id (ticket), ==, san_department_get_id (finance));
  g_assert_null (san_ticket_get_service_id (ticket));
  g_assert_cmpint (san_ticket_get_priority (ticket), ==, SAN_TICKET_PRIORITY_LOW);
  g_assert_cmpint (san_ticket_get_status (ticket), ==, SAN_TICKET_STATUS_OPEN);
  g_assert_cmpuint (g_list_model_get_n_items (san_ticket_get_messages (ticket)), ==, 1);
  message = last_message (ticket);
  g_assert_cmpstr (san_ticket_message_get_body (message), ==,
                   "Preciso da segunda via do boleto de novembro.\nObrigada!");
  g_assert_cmpuint (g_list_model_get_n_items (san_ticket_message_get_attachments (message)), ==, 0);

  /* It is there to read, and it was e-mailed */
  again = get_ticket (f->client, f->ana, san_ticket_get_id (ticket), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (san_ticket_get_number (again), ==, san_ticket_get_number (ticket));
  g_assert_cmpuint (count_emails (f->client, f->ana, SAN_EMAIL_KIND_TICKET), ==, emails_before + 1);
}

/* Files read from disk arrive whole, named as they were, typed by content */
static void
test_ticket_open_with_attachments (Fixture       *f,
                                   gconstpointer  data)
{
  static const char text[] = "Erro 500 às 10h12\nstack: wp-content/plugins/cache\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) png = make_file (f, "tela em branco.png", demo_png, sizeof demo_png);
  g_autoptr(GFile) log = make_file (f, "relatório.txt", text, sizeof text - 1);
  g_autoptr(GListModel) files = test_files_model (png, log, NULL);
  g_autoptr(GListModel) departments = list_departments (f->client, &error);
  g_autoptr(SanDepartment) tech = g_list_model_get_item (departments, 0);
  g_autoptr(GListModel) services = list_all_services (f->client, f->ana, &error);
  g_autoptr(SanService) service = g_list_model_get_item (services, 0);
  g_autoptr(SanTicket) ticket = NULL;
  g_autoptr(SanTicketMessage) message = NULL;
  GListModel *attachments;

  ticket = open_ticket (f->client, f->ana, san_department_get_id (tech), san_service_get_id (service),
                        SAN_TICKET_PRIORITY_HIGH, "Erro 500 no site", "Seguem a tela e o log.", files, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (san_ticket_get_service_id (ticket), ==, san_service_get_id (service));
  message = last_message (ticket);
  attachments = san_ticket_message_get_attachments (message);
  g_assert_cmpuint (g_list_model_get_n_items (attachments), ==, 2);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(SanAttachment) attachment = g_list_model_get_item (attachments, i);
      g_autoptr(GBytes) bytes = NULL;
      const char *name = san_attachment_get_filename (attachment);

      bytes = download_attachment (f->client, f->ana, san_attachment_get_id (attachment), NULL, &error);
      g_assert_no_error (error);
      if (g_str_equal (name, "tela em branco.png"))
        {
          g_assert_cmpstr (san_attachment_get_content_type (attachment), ==, "image/png");
          g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), demo_png, sizeof demo_png);
        }
      else
        {
          g_assert_cmpstr (name, ==, "relatório.txt");
          g_assert_cmpstr (san_attachment_get_content_type (attachment), ==, "text/plain; charset=utf-8");
          g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), text, sizeof text - 1);
        }
    }
}

/* A reply reopens a closed ticket; its attachment comes with it */
static void
test_ticket_reply_reopens (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *id = ticket_id_by_subject (f->client, f->ana, SSL_SUBJECT);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) png = make_file (f, "aviso.png", demo_png, sizeof demo_png);
  g_autoptr(GListModel) files = test_files_model (png, NULL);
  g_autoptr(SanTicket) before = get_ticket (f->client, f->ana, id, &error);
  g_autoptr(SanTicket) ticket = NULL;
  g_autoptr(SanTicketMessage) message = NULL;
  g_autoptr(SanAttachment) attachment = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (san_ticket_get_status (before), ==, SAN_TICKET_STATUS_CLOSED);
  ticket = reply_ticket (f->client, f->ana, id, "O aviso voltou hoje.", files, &error);
  g_assert_no_error (error);
  g_assert_cmpint (san_ticket_get_status (ticket), ==, SAN_TICKET_STATUS_CUSTOMER_REPLY);
  g_assert_cmpuint (g_list_model_get_n_items (san_ticket_get_messages (ticket)), ==,
                    g_list_model_get_n_items (san_ticket_get_messages (before)) + 1);
  message = last_message (ticket);
  g_assert_cmpstr (san_ticket_message_get_body (message), ==, "O aviso voltou hoje.");
  g_assert_cmpint (san_ticket_message_get_author_kind (message), ==, SAN_TICKET_AUTHOR_KIND_CUSTOMER);
  g_assert_cmpint (san_ticket_get_last_message_author (ticket), ==, SAN_TICKET_AUTHOR_KIND_CUSTOMER);
  attachment = g_list_model_get_item (san_ticket_message_get_attachments (message), 0);
  g_assert_nonnull (attachment);
  g_assert_cmpstr (san_attachment_get_filename (attachment), ==, "aviso.png");
}

static void
test_ticket_close (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *id = ticket_id_by_subject (f->client, f->ana, WORDPRESS_SUBJECT);
  g_autoptr(GError) error = NULL;
  g_autoptr(SanTicket) closed = NULL;
  g_autoptr(SanTicket) again = NULL;

  closed = close_ticket (f->client, f->ana, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (san_ticket_get_status (closed), ==, SAN_TICKET_STATUS_CLOSED);
  g_assert_cmpuint (g_list_model_get_n_items (san_ticket_get_messages (closed)), >, 0);

  again = close_ticket (f->client, f->ana, id, &error);
  g_assert_null (again);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_CONFLICT);
}

/* Files the server does not take, and files the client does not send */
static void
test_ticket_attachment_limits (Fixture       *f,
                               gconstpointer  data)
{
  static const guint8 binary[] = { 0x7f, 'E', 'L', 'F', 0x02, 0x01, 0x01, 0x00, 0x00, 0x00 };
  g_autofree char *id = ticket_id_by_subject (f->client, f->ana, WORDPRESS_SUBJECT);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) program = make_file (f, "programa", binary, sizeof binary);
  g_autoptr(GListModel) refused = test_files_model (program, NULL);
  g_autoptr(GListStore) six = g_list_store_new (G_TYPE_FILE);
  g_autoptr(SanTicket) ticket = NULL;
  g_autoptr(SanTicket) after = NULL;
  guint n_messages;

  ticket = get_ticket (f->client, f->ana, id, &error);
  g_assert_no_error (error);
  n_messages = g_list_model_get_n_items (san_ticket_get_messages (ticket));
  g_clear_object (&ticket);

  ticket = reply_ticket (f->client, f->ana, id, "Segue o programa.", refused, &error);
  g_assert_null (ticket);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_UNSUPPORTED_MEDIA_TYPE);
  g_clear_error (&error);

  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("parte%u.txt", i);
      g_autoptr(GFile) file = make_file (f, name, name, strlen (name));

      g_list_store_append (six, file);
    }
  ticket = reply_ticket (f->client, f->ana, id, "Seis arquivos.", G_LIST_MODEL (six), &error);
  g_assert_null (ticket);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_INVALID_INPUT);
  g_assert_true (san_api_error_has_field (error, "attachments"));
  g_clear_error (&error);

  /* Neither reached the thread */
  after = get_ticket (f->client, f->ana, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (san_ticket_get_messages (after)), ==, n_messages);
}

static void
test_ticket_field_errors (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanTicket) ticket = NULL;

  ticket = open_ticket (f->client, f->ana, "1", NULL, SAN_TICKET_PRIORITY_MEDIUM, "   ", "", NULL, &error);
  g_assert_null (ticket);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_INVALID_INPUT);
  g_assert_true (san_api_error_has_field (error, "subject"));
  g_assert_true (san_api_error_has_field (error, "body"));
  g_clear_error (&error);

  ticket = open_ticket (f->client, f->ana, "999", NULL, SAN_TICKET_PRIORITY_MEDIUM, "Oi", "Oi", NULL, &error);
  g_assert_null (ticket);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_INVALID_INPUT);
  g_assert_true (san_api_error_has_field (error, "department_id"));
}

/* Another contract's ticket is not found; a contract without the tickets
 * permission is forbidden */
static void
test_ticket_denials (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *id = ticket_id_by_subject (f->client, f->padaria, SLOW_SUBJECT);
  g_autofree char *oficina = test_client_contract_id (f->client, OFICINA);
  g_autoptr(GError) error = NULL;
  g_autoptr(SanTicket) ticket = NULL;
  g_autoptr(SanPage) page = NULL;
  g_autoptr(GListModel) callbacks = NULL;

  ticket = get_ticket (f->client, f->ana, id, &error);
  g_assert_null (ticket);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_NOT_FOUND);
  g_clear_error (&error);

  page = list_tickets (f->client, oficina, NULL, NULL, NULL, 0, &error);
  g_assert_null (page);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_FORBIDDEN);
  g_clear_error (&error);
  callbacks = list_callbacks (f->client, oficina, &error);
  g_assert_null (callbacks);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_FORBIDDEN);
}

/* E-mail history */

static void
test_emails (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanPage) all = NULL;
  g_autoptr(SanPage) invoices = NULL;
  g_autoptr(SanPage) found = NULL;
  g_autoptr(SanPage) none = NULL;
  g_autoptr(SanPage) next = NULL;
  g_autoptr(SanEmail) item = NULL;
  g_autoptr(SanEmail) email = NULL;
  SanEmailKind invoice_kind = SAN_EMAIL_KIND_INVOICE;
  const char * const *recipients;
  GDate far_from, far_to;

  all = list_emails (f->client, f->padaria, NULL, NULL, NULL, NULL, NULL, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (san_page_get_total (all), >, 2);
  g_assert_cmpuint (g_list_model_get_n_items (san_page_get_items (all)), ==, 2);
  next = list_emails (f->client, f->padaria, NULL, NULL, NULL, NULL, san_page_get_next_cursor (all), 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (san_page_get_items (next)), >, 0);

  invoices = list_emails (f->client, f->padaria, &invoice_kind, NULL, NULL, NULL, NULL, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (san_page_get_total (invoices), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (san_page_get_items (invoices)); i++)
    {
      g_autoptr(SanEmail) e = g_list_model_get_item (san_page_get_items (invoices), i);

      g_assert_cmpint (san_email_get_kind (e), ==, SAN_EMAIL_KIND_INVOICE);
      g_assert_null (san_email_get_text_body (e));
    }

  found = list_emails (f->client, f->padaria, NULL, "disponível", NULL, NULL, NULL, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (san_page_get_total (found), >, 0);
  item = g_list_model_get_item (san_page_get_items (found), 0);
  g_assert_nonnull (strstr (san_email_get_subject (item), "disponível"));
  /* The owner first, then the contact on another domain */
  recipients = san_email_get_recipients (item);
  g_assert_cmpuint (g_strv_length ((char **) recipients), >=, 2);
  g_assert_true (g_strv_contains (recipients, "financeiro@contabilidade-exemplo.com.br"));

  email = get_email (f->client, f->padaria, san_email_get_id (item), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (san_email_get_subject (email), ==, san_email_get_subject (item));
  g_assert_nonnull (strstr (san_email_get_text_body (email), "Área do Cliente"));
  g_assert_true (g_str_has_prefix (san_email_get_html_body (email), "<!DOCTYPE html>"));

  /* A range before anything was sent */
  g_date_clear (&far_from, 1);
  g_date_clear (&far_to, 1);
  g_date_set_dmy (&far_from, 1, 1, 2020);
  g_date_set_dmy (&far_to, 31, 1, 2020);
  none = list_emails (f->client, f->padaria, NULL, NULL, &far_from, &far_to, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (san_page_get_total (none), ==, 0);
}

/* Callbacks */

static void
test_callbacks (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) before = list_callbacks (f->client, f->padaria, &error);
  g_autoptr(GListModel) after = NULL;
  g_autoptr(GListModel) services = NULL;
  g_autoptr(SanService) service = NULL;
  g_autoptr(SanCallback) seeded = NULL;
  g_autoptr(SanCallback) created = NULL;
  g_autoptr(SanCallback) newest = NULL;
  GDate tomorrow;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (before), ==, 1);
  seeded = g_list_model_get_item (before, 0);
  g_assert_cmpint (san_callback_get_status (seeded), ==, SAN_CALLBACK_STATUS_SCHEDULED);
  g_assert_cmpuint (san_callback_get_from_minutes (seeded), ==, 9 * 60);
  g_assert_cmpuint (san_callback_get_to_minutes (seeded), ==, 12 * 60);
  g_assert_cmpint (g_date_get_day (san_callback_get_date (seeded)), ==, 25);

  services = list_all_services (f->client, f->padaria, &error);
  g_assert_no_error (error);
  service = g_list_model_get_item (services, 0);
  g_date_clear (&tomorrow, 1);
  g_date_set_dmy (&tomorrow, 25, 11, 2026);
  created = request_callback (f->client, f->padaria, "11 91234-5678", "Ajuda com o DNS",
                              san_service_get_id (service), &tomorrow, 14 * 60, 15 * 60 + 30, &error);
  g_assert_no_error (error);
  g_assert_cmpint (san_callback_get_status (created), ==, SAN_CALLBACK_STATUS_REQUESTED);
  g_assert_cmpstr (san_callback_get_phone (created), ==, "+55 (11) 91234-5678");
  g_assert_cmpstr (san_callback_get_service_id (created), ==, san_service_get_id (service));
  g_assert_cmpuint (san_callback_get_from_minutes (created), ==, 14 * 60);
  g_assert_cmpuint (san_callback_get_to_minutes (created), ==, 15 * 60 + 30);

  after = list_callbacks (f->client, f->padaria, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, 2);
  newest = g_list_model_get_item (after, 0);
  g_assert_cmpstr (san_callback_get_id (newest), ==, san_callback_get_id (created));
}

static void
test_callback_field_errors (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanCallback) callback = NULL;
  g_autoptr(SanCallback) short_window = NULL;
  GDate far;

  g_date_clear (&far, 1);
  g_date_set_dmy (&far, 31, 12, 2026);
  callback = request_callback (f->client, f->padaria, "12345", "", NULL, &far, 9 * 60, 12 * 60, &error);
  g_assert_null (callback);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_INVALID_INPUT);
  g_assert_true (san_api_error_has_field (error, "phone"));
  g_assert_true (san_api_error_has_field (error, "subject"));
  g_assert_true (san_api_error_has_field (error, "preferred_window.date"));
  g_clear_error (&error);

  g_date_set_dmy (&far, 25, 11, 2026);
  short_window = request_callback (f->client, f->padaria, "11 91234-5678", "DNS", NULL, &far,
                                   9 * 60, 9 * 60 + 30, &error);
  g_assert_null (short_window);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_INVALID_INPUT);
  g_assert_true (san_api_error_has_field (error, "preferred_window.to"));
}

/* Support levels */

static void
test_support_levels (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) levels = list_support_levels (f->client, f->padaria, &error);
  g_autoptr(GListModel) services = NULL;
  g_autoptr(SanService) service = NULL;
  g_autoptr(SanService) changed = NULL;
  g_autoptr(SanService) same = NULL;
  g_autoptr(SanService) reread = NULL;
  SanSupportLevelId ids[] = { SAN_SUPPORT_LEVEL_BASIC, SAN_SUPPORT_LEVEL_BUSINESS, SAN_SUPPORT_LEVEL_PREMIUM };
  SanSupportLevelId target;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (levels), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(SanSupportLevel) level = g_list_model_get_item (levels, i);

      g_assert_cmpint (san_support_level_get_id (level), ==, ids[i]);
      g_assert_cmpstr (san_support_level_get_name (level), !=, "");
      g_assert_cmpuint (g_strv_length ((char **) san_support_level_get_includes (level)), >, 0);
      g_assert_cmpuint (g_strv_length ((char **) san_support_level_get_channels (level)), >, 0);
      g_assert_cmpuint (san_support_level_get_first_response_minutes (level), >, 0);
      if (i == 0)
        g_assert_cmpint (san_support_level_get_price_cents (level), ==, 0);
      else
        g_assert_cmpint (san_support_level_get_price_cents (level), >, 0);
    }

  services = list_all_services (f->client, f->padaria, &error);
  g_assert_no_error (error);
  service = g_list_model_get_item (services, 0);
  target = san_service_get_support_level (service) == SAN_SUPPORT_LEVEL_PREMIUM
           ? SAN_SUPPORT_LEVEL_BASIC : SAN_SUPPORT_LEVEL_PREMIUM;
  changed = set_support_level (f->client, f->padaria, san_service_get_id (service), target, &error);
  g_assert_no_error (error);
  g_assert_cmpint (san_service_get_support_level (changed), ==, target);
  same = set_support_level (f->client, f->padaria, san_service_get_id (service), target, &error);
  g_assert_no_error (error);
  g_assert_cmpint (san_service_get_support_level (same), ==, target);
  reread = get_service (f->client, f->padaria, san_service_get_id (service), &error);
  g_assert_no_error (error);
  g_assert_cmpint (san_service_get_support_level (reread), ==, target);
}

/* The staff desk */

static void
test_user_roles (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanMe) ana = test_client_fetch_me (f->client, &error);
  g_autoptr(SanClient) staff = staff_client (f);
  g_autoptr(SanMe) marina = NULL;

  g_assert_no_error (error);
  g_assert_false (san_user_get_is_staff (san_me_get_user (ana)));
  marina = test_client_fetch_me (staff, &error);
  g_assert_no_error (error);
  g_assert_true (san_user_get_is_staff (san_me_get_user (marina)));
  g_assert_cmpstr (san_user_get_display_name (san_me_get_user (marina)), ==, STAFF_NAME);
  g_clear_object (&marina);
  g_assert_finalize_object (g_steal_pointer (&staff));
}

static void
test_staff_queue (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SanClient) staff = staff_client (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) queue = NULL;
  g_autoptr(GListModel) waiting_us = NULL;
  g_autoptr(GListModel) high = NULL;
  g_autoptr(GListModel) closed = NULL;
  g_autoptr(GListModel) finance = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GListModel) departments = NULL;
  g_autoptr(SanDepartment) finance_department = NULL;
  g_autoptr(SanPage) first = NULL;
  g_autoptr(SanPage) second = NULL;
  g_autoptr(GHashTable) contracts = g_hash_table_new (g_str_hash, g_str_equal);
  SanTicketWaiting us = SAN_TICKET_WAITING_US;
  SanTicketPriority priority = SAN_TICKET_PRIORITY_HIGH;
  guint n;

  queue = list_all_staff_tickets (staff, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (queue);
  g_assert_cmpuint (n, >=, 8);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SanTicket) ticket = g_list_model_get_item (queue, i);

      g_assert_nonnull (san_ticket_get_contract_name (ticket));
      g_hash_table_add (contracts, (gpointer) san_ticket_get_contract_name (ticket));
    }
  /* Across contracts */
  g_assert_cmpuint (g_hash_table_size (contracts), >=, 3);
  g_assert_true (g_hash_table_contains (contracts, PADARIA));

  /* Waiting on us: open, customer_reply, in_progress */
  waiting_us = list_all_staff_tickets (staff, NULL, NULL, NULL, &us, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (waiting_us), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (waiting_us); i++)
    {
      g_autoptr(SanTicket) ticket = g_list_model_get_item (waiting_us, i);
      SanTicketStatus status = san_ticket_get_status (ticket);

      g_assert_true (status == SAN_TICKET_STATUS_OPEN || status == SAN_TICKET_STATUS_CUSTOMER_REPLY ||
                     status == SAN_TICKET_STATUS_IN_PROGRESS);
    }

  high = list_all_staff_tickets (staff, NULL, "open_any", &priority, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (high), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (high); i++)
    {
      g_autoptr(SanTicket) ticket = g_list_model_get_item (high, i);

      g_assert_cmpint (san_ticket_get_priority (ticket), ==, SAN_TICKET_PRIORITY_HIGH);
      g_assert_cmpint (san_ticket_get_status (ticket), !=, SAN_TICKET_STATUS_CLOSED);
    }

  closed = list_all_staff_tickets (staff, NULL, "closed", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (closed), ==, 1);

  departments = list_departments (staff, &error);
  g_assert_no_error (error);
  finance_department = g_list_model_get_item (departments, 1);
  finance = list_all_staff_tickets (staff, san_department_get_id (finance_department), NULL, NULL, NULL,
                                    NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (finance), ==, 2);

  found = list_all_staff_tickets (staff, NULL, NULL, NULL, NULL, "duplicidade", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);

  /* Pages follow one another without repeats */
  first = list_staff_tickets (staff, NULL, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (san_page_get_total (first), ==, n);
  g_assert_nonnull (san_page_get_next_cursor (first));
  second = list_staff_tickets (staff, san_page_get_next_cursor (first), 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (san_page_get_items (first)) +
                    g_list_model_get_n_items (san_page_get_items (second)), ==, MIN (n, 10));
  g_assert_finalize_object (g_steal_pointer (&staff));
}

/* Staff see internal notes; customers never do, in no answer */
static void
test_staff_internal_notes (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *id = ticket_id_by_subject (f->client, f->ana, WORDPRESS_SUBJECT);
  g_autoptr(SanClient) staff = staff_client (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(SanTicket) seen_by_staff = NULL;
  g_autoptr(SanTicket) seen_by_ana = NULL;
  g_autoptr(SanTicket) noted = NULL;
  g_autoptr(SanTicket) after_note = NULL;
  g_autoptr(SanTicketMessage) note = NULL;
  guint ticket_emails = count_emails (f->client, f->ana, SAN_EMAIL_KIND_TICKET);

  seen_by_staff = get_staff_ticket (staff, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (san_ticket_get_contract_id (seen_by_staff), ==, f->ana);
  g_assert_cmpstr (san_ticket_get_contract_name (seen_by_staff), ==, ANA);
  g_assert_cmpuint (g_list_model_get_n_items (san_ticket_get_messages (seen_by_staff)), ==, 5);
  g_assert_true (has_internal_message (seen_by_staff));

  noted = staff_reply (staff, id, "Nota: cliente pediu retorno até sexta.", TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (san_ticket_get_status (noted), ==, SAN_TICKET_STATUS_IN_PROGRESS);
  note = last_message (noted);
  g_assert_true (san_ticket_message_get_internal (note));
  g_assert_cmpint (san_ticket_message_get_author_kind (note), ==, SAN_TICKET_AUTHOR_KIND_STAFF);
  g_assert_cmpstr (san_ticket_message_get_author_name (note), ==, STAFF_NAME);

  /* Ana sees neither note, and no e-mail went out for it */
  seen_by_ana = get_ticket (f->client, f->ana, id, &error);
  g_assert_no_error (error);
  g_assert_false (has_internal_message (seen_by_ana));
  g_assert_false (thread_contains (seen_by_ana, "retorno até sexta"));
  g_assert_false (thread_contains (seen_by_ana, "Nota interna"));
  g_assert_cmpint (san_ticket_get_status (seen_by_ana), ==, SAN_TICKET_STATUS_IN_PROGRESS);
  g_assert_cmpuint (count_emails (f->client, f->ana, SAN_EMAIL_KIND_TICKET), ==, ticket_emails);

  after_note = get_staff_ticket (staff, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (san_ticket_get_messages (after_note)), ==, 6);
  g_assert_finalize_object (g_steal_pointer (&staff));
}

/* A public reply as SAN (with a file): answered, seen by the customer, e-mailed */
static void
test_staff_reply (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *id = ticket_id_by_subject (f->client, f->padaria, SLOW_SUBJECT);
  g_autoptr(SanClient) staff = staff_client (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) png = make_file (f, "grafico.png", demo_png, sizeof demo_png);
  g_autoptr(GListModel) files = test_files_model (png, NULL);
  g_autoptr(SanTicket) replied = NULL;
  g_autoptr(SanTicket) seen_by_ana = NULL;
  g_autoptr(SanTicketMessage) reply = NULL;
  g_autoptr(SanAttachment) attachment = NULL;
  g_autoptr(GBytes) bytes = NULL;
  guint ticket_emails = count_emails (f->client, f->padaria, SAN_EMAIL_KIND_TICKET);

  replied = staff_reply (staff, id, "Limitamos o robô de busca; o checkout voltou ao normal.", FALSE, files,
                         &error);
  g_assert_no_error (error);
  g_assert_cmpint (san_ticket_get_status (replied), ==, SAN_TICKET_STATUS_ANSWERED);
  reply = last_message (replied);
  g_assert_false (san_ticket_message_get_internal (reply));
  g_assert_cmpstr (san_ticket_message_get_author_name (reply), ==, STAFF_NAME);

  seen_by_ana = get_ticket (f->client, f->padaria, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (san_ticket_get_status (seen_by_ana), ==, SAN_TICKET_STATUS_ANSWERED);
  g_assert_true (thread_contains (seen_by_ana, "checkout voltou ao normal"));
  g_assert_cmpuint (count_emails (f->client, f->padaria, SAN_EMAIL_KIND_TICKET), ==, ticket_emails + 1);

  /* The customer downloads what SAN attached */
  g_clear_object (&reply);
  reply = last_message (seen_by_ana);
  attachment = g_list_model_get_item (san_ticket_message_get_attachments (reply), 0);
  g_assert_nonnull (attachment);
  bytes = download_attachment (f->client, f->padaria, san_attachment_get_id (attachment), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), demo_png, sizeof demo_png);
  g_assert_finalize_object (g_steal_pointer (&staff));
}

static void
test_staff_set_status (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *id = ticket_id_by_subject (f->client, f->ana, WORDPRESS_SUBJECT);
  g_autoptr(SanClient) staff = staff_client (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(SanTicket) held = NULL;
  g_autoptr(SanTicket) again = NULL;
  g_autoptr(SanTicket) closed = NULL;
  g_autoptr(SanTicket) seen_by_ana = NULL;
  guint ticket_emails = count_emails (f->client, f->ana, SAN_EMAIL_KIND_TICKET);

  held = staff_set_status (staff, id, SAN_TICKET_STATUS_ON_HOLD, &error);
  g_assert_no_error (error);
  g_assert_cmpint (san_ticket_get_status (held), ==, SAN_TICKET_STATUS_ON_HOLD);
  again = staff_set_status (staff, id, SAN_TICKET_STATUS_ON_HOLD, &error);
  g_assert_no_error (error);
  g_assert_cmpint (san_ticket_get_status (again), ==, SAN_TICKET_STATUS_ON_HOLD);
  g_assert_cmpuint (count_emails (f->client, f->ana, SAN_EMAIL_KIND_TICKET), ==, ticket_emails);

  closed = staff_set_status (staff, id, SAN_TICKET_STATUS_CLOSED, &error);
  g_assert_no_error (error);
  g_assert_cmpint (san_ticket_get_status (closed), ==, SAN_TICKET_STATUS_CLOSED);
  g_assert_cmpuint (count_emails (f->client, f->ana, SAN_EMAIL_KIND_TICKET), ==, ticket_emails + 1);
  seen_by_ana = get_ticket (f->client, f->ana, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (san_ticket_get_status (seen_by_ana), ==, SAN_TICKET_STATUS_CLOSED);
  g_assert_finalize_object (g_steal_pointer (&staff));
}

static void
test_staff_download (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *id = ticket_id_by_subject (f->client, f->ana, WORDPRESS_SUBJECT);
  g_autoptr(SanClient) staff = staff_client (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(SanTicket) ticket = NULL;
  g_autoptr(SanAttachment) attachment = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) as_customer = NULL;
  g_autofree char *content_type = NULL;

  ticket = get_staff_ticket (staff, id, &error);
  g_assert_no_error (error);
  attachment = first_attachment (ticket);
  g_assert_nonnull (attachment);
  bytes = download_staff_attachment (staff, san_attachment_get_id (attachment), &content_type, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (content_type, ==, "image/png");
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), demo_png, sizeof demo_png);

  /* The staff route is not the customer's */
  as_customer = download_staff_attachment (f->client, san_attachment_get_id (attachment), NULL, &error);
  g_assert_null (as_customer);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_FORBIDDEN);
  g_assert_finalize_object (g_steal_pointer (&staff));
}

/* Every staff read of a contract is in the audit log */
static void
test_staff_audit (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SanClient) staff = staff_client (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(SanPage) invoices = NULL;
  g_autoptr(SanPage) audit = NULL;
  g_autoptr(SanPage) other = NULL;
  g_autoptr(SanAuditEntry) newest = NULL;
  g_autofree char *path = g_strdup_printf ("/api/v1/contracts/%s/invoices", f->padaria);

  /* Read-only access to the contract's data */
  invoices = list_invoices (staff, f->padaria, &error);
  g_assert_no_error (error);

  audit = list_staff_audit (staff, f->padaria, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (san_page_get_total (audit), >, 0);
  newest = g_list_model_get_item (san_page_get_items (audit), 0);
  g_assert_cmpstr (san_audit_entry_get_method (newest), ==, "GET");
  g_assert_cmpstr (san_audit_entry_get_path (newest), ==, path);
  g_assert_cmpstr (san_audit_entry_get_contract_id (newest), ==, f->padaria);
  g_assert_cmpstr (san_audit_entry_get_contract_name (newest), ==, PADARIA);
  g_assert_cmpstr (san_audit_entry_get_user_email (newest), ==, STAFF_EMAIL);
  g_assert_nonnull (san_audit_entry_get_at (newest));

  /* Filtered by contract: nothing of Ana's contract yet */
  other = list_staff_audit (staff, f->ana, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (san_page_get_total (other), ==, 0);
  g_assert_finalize_object (g_steal_pointer (&staff));
}

/* Customers get no staff route; staff write tickets only through theirs */
static void
test_staff_denials (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *id = ticket_id_by_subject (f->client, f->ana, WORDPRESS_SUBJECT);
  g_autoptr(SanClient) staff = staff_client (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) queue = NULL;
  g_autoptr(SanTicket) ticket = NULL;
  g_autoptr(SanPage) audit = NULL;
  g_autoptr(SanTicket) customer_reply = NULL;
  g_autoptr(SanTicket) customer_close = NULL;
  g_autoptr(SanService) level = NULL;
  g_autoptr(GListModel) services = NULL;
  g_autoptr(SanService) service = NULL;

  queue = list_all_staff_tickets (f->client, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_null (queue);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_FORBIDDEN);
  g_clear_error (&error);
  ticket = get_staff_ticket (f->client, id, &error);
  g_assert_null (ticket);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_FORBIDDEN);
  g_clear_error (&error);
  ticket = staff_reply (f->client, id, "Sou da SAN", TRUE, NULL, &error);
  g_assert_null (ticket);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_FORBIDDEN);
  g_clear_error (&error);
  audit = list_staff_audit (f->client, NULL, NULL, 0, &error);
  g_assert_null (audit);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_FORBIDDEN);
  g_clear_error (&error);

  /* Staff: read-only on contract routes */
  customer_reply = reply_ticket (staff, f->ana, id, "Pela rota do cliente", NULL, &error);
  g_assert_null (customer_reply);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_FORBIDDEN);
  g_clear_error (&error);
  customer_close = close_ticket (staff, f->ana, id, &error);
  g_assert_null (customer_close);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_FORBIDDEN);
  g_clear_error (&error);
  services = list_all_services (staff, f->ana, &error);
  g_assert_no_error (error);
  service = g_list_model_get_item (services, 0);
  level = set_support_level (staff, f->ana, san_service_get_id (service), SAN_SUPPORT_LEVEL_PREMIUM, &error);
  g_assert_null (level);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_FORBIDDEN);
  g_assert_finalize_object (g_steal_pointer (&staff));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/api/support/departments/list", test_departments);
  ADD ("/api/support/tickets/list-filters-pages", test_tickets_list);
  ADD ("/api/support/tickets/thread-hides-notes-and-downloads", test_ticket_thread_and_download);
  ADD ("/api/support/tickets/download-text-only-own-contract", test_ticket_download_text);
  ADD ("/api/support/tickets/open-json", test_ticket_open_json);
  ADD ("/api/support/tickets/open-with-attachments", test_ticket_open_with_attachments);
  ADD ("/api/support/tickets/reply-reopens-closed", test_ticket_reply_reopens);
  ADD ("/api/support/tickets/close-once", test_ticket_close);
  ADD ("/api/support/tickets/attachment-limits", test_ticket_attachment_limits);
  ADD ("/api/support/tickets/field-errors", test_ticket_field_errors);
  ADD ("/api/support/tickets/denials", test_ticket_denials);
  ADD ("/api/support/emails/list-search-detail", test_emails);
  ADD ("/api/support/callbacks/list-create", test_callbacks);
  ADD ("/api/support/callbacks/field-errors", test_callback_field_errors);
  ADD ("/api/support/support-levels/list-set", test_support_levels);
  ADD ("/api/support/staff/user-roles", test_user_roles);
  ADD ("/api/support/staff/queue-filters-pages", test_staff_queue);
  ADD ("/api/support/staff/internal-notes-never-reach-customers", test_staff_internal_notes);
  ADD ("/api/support/staff/reply-answers-and-emails", test_staff_reply);
  ADD ("/api/support/staff/set-status", test_staff_set_status);
  ADD ("/api/support/staff/download-attachment", test_staff_download);
  ADD ("/api/support/staff/audit-records-reads", test_staff_audit);
  ADD ("/api/support/staff/denials", test_staff_denials);

#undef ADD

  return g_test_run ();
}
