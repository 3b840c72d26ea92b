/* san-portald-server.c: the HTTP side of san-portald (routing, auth, handlers)
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One SoupServer handler receives every request and hands it to the router,
 * which matches the routing table, authenticates and authorizes (contract
 * routes and staff routes, in one function) before a handler runs. Errors
 * are RFC 9457 application/problem+json. Each request is logged as one line
 * on stderr (method, path without query, status, milliseconds), never with
 * headers or bodies, so tokens and passwords never reach the log.
 *
 * Everything runs on the main thread except argon2id password checks (about
 * 0.1 s and 64 MiB each): a sign-in pauses its message, hands a copy of the
 * stored hash and of the password to a GTask worker thread, and finishes on
 * the main thread (rate limits, session, answer) when the check is done. At
 * most max_hash_running checks run at once and max_hash_waiting wait; more
 * sign-ins get 503 busy. The worker never sees the database or the message.
 */
#define G_LOG_DOMAIN "san-portald"

#include "config.h"

#include <stdio.h>

#include <libsoup/soup.h>
#include <sodium.h>

#include "san-portald-auth.h"
#include "san-portald-billing.h"
#include "san-portald-events.h"
#include "san-portald-paymethods.h"
#include "san-portald-request.h"
#include "san-portald-server.h"
#include "san-portald-status.h"
#include "san-portald-support.h"
#include "san-portald-staff.h"
#include "san-portald-tickets.h"

#define PROBLEM_TYPE_BASE "https://docs.saninternet.com/api/problems/"
#define CURSOR_PREFIX "s1:"
#define MAX_QUERY_CHARS SAN_PORTALD_MAX_QUERY_CHARS
#define DEFAULT_LIMIT SAN_PORTALD_DEFAULT_LIMIT
#define MAX_PARAMS 4
#define STATUS_TOO_MANY_REQUESTS 429   /* RFC 6585; libsoup has no name for it */
#define MAX_HASH_RUNNING 4        /* 64 MiB each */
#define DEFAULT_HASH_WAITING 32
#define LISTEN_BACKLOG 1024       /* the kernel caps it at net.core.somaxconn */

typedef struct _LoginJob LoginJob;

struct _SanPortaldServer
{
  SoupServer            *soup;
  SanPortaldDb          *db;
  gint64                 access_ttl_ms;
  gint64                 refresh_ttl_ms;
  SanPortaldRateLimiter *account_failures;
  SanPortaldRateLimiter *address_failures;
  guint                  prune_id;
  /* sign-ins in progress (running or waiting), per key: GUINT_TO_POINTER counts */
  GHashTable            *account_pending;
  GHashTable            *address_pending;
  /* password checks: LoginJobs waiting for a worker, and how many run */
  GQueue                 waiting;
  guint                  hash_running;
  guint                  max_hash_running;
  guint                  max_hash_waiting;
  GCancellable          *cancellable;   /* cancelled when the server goes */
  GMainContext          *context;       /* where the checks finish */
  gboolean               stopping;
  gboolean               demo;
  guint                  pix_settle_after_s;
  GDate                  today;          /* invalid: the real today */
  SanPortaldEvents      *events;
  /* SHA-256 of --admin-token; admin_enabled FALSE: no admin routes */
  guint8                 admin_token_hash[32];
  gboolean               admin_enabled;
};

struct _SanPortaldRequest
{
  SanPortaldServer      *server;
  SanPortaldDb          *db;
  SoupServerMessage     *msg;
  GHashTable            *query;
  const SanPortaldRoute *route;
  /* values of the {cid} and {sid} segments, as sent */
  const char            *cid;
  const char            *sid;
  /* every {name} segment: names from the pattern, values as sent */
  char                  *param_names[MAX_PARAMS];
  const char            *param_values[MAX_PARAMS];
  guint                  n_params;
  /* set by authenticate () */
  gint64                 user_id;
  gint64                 session_id;
  /* set only by authorize () */
  gint64                 contract_id;
};

static GQuark start_time_quark;

static void handle_login    (SanPortaldRequest *req);
static void handle_refresh  (SanPortaldRequest *req);
static void handle_logout   (SanPortaldRequest *req);
static void handle_me       (SanPortaldRequest *req);
static void handle_services (SanPortaldRequest *req);
static void handle_service  (SanPortaldRequest *req);

static const SanPortaldRoute routes[] = {
  { "POST", "/api/v1/auth/login",                      TRUE,  NULL,       handle_login },
  { "POST", "/api/v1/auth/refresh",                    TRUE,  NULL,       handle_refresh },
  { "POST", "/api/v1/auth/logout",                     FALSE, NULL,       handle_logout },
  { "GET",  "/api/v1/me",                              FALSE, NULL,       handle_me },
  { "GET",  "/api/v1/contracts/{cid}/services",        FALSE, "services", handle_services },
  { "GET",  "/api/v1/contracts/{cid}/services/{sid}",  FALSE, "services", handle_service },

  /* billing: invoices, boleto, PIX, card payments (san-portald-billing.c) */
  { "GET",    "/api/v1/contracts/{cid}/invoices",                     FALSE, "invoices",        san_portald_handle_invoices },
  { "GET",    "/api/v1/contracts/{cid}/invoices/{iid}",               FALSE, "invoices",        san_portald_handle_invoice },
  { "GET",    "/api/v1/contracts/{cid}/invoices/{iid}/pdf",           FALSE, "invoices",        san_portald_handle_invoice_pdf },
  { "GET",    "/api/v1/contracts/{cid}/invoices/{iid}/boleto",        FALSE, "invoices",        san_portald_handle_boleto },
  { "POST",   "/api/v1/contracts/{cid}/invoices/{iid}/boleto",        FALSE, "invoices",        san_portald_handle_boleto_second_copy },
  { "GET",    "/api/v1/contracts/{cid}/invoices/{iid}/pix",           FALSE, "invoices",        san_portald_handle_pix },
  { "POST",   "/api/v1/contracts/{cid}/invoices/{iid}/pix",           FALSE, "invoices",        san_portald_handle_pix_create },
  { "POST",   "/api/v1/contracts/{cid}/invoices/{iid}/payments",      FALSE, "invoices",        san_portald_handle_payment_create },
  { "POST",   "/api/v1/contracts/{cid}/card-tokens",                  FALSE, "invoices",        san_portald_handle_card_token_create },
  { "GET",    "/api/v1/contracts/{cid}/cards",                        FALSE, "payment_methods", san_portald_handle_cards },
  { "POST",   "/api/v1/contracts/{cid}/cards",                        FALSE, "payment_methods", san_portald_handle_card_create },
  { "DELETE", "/api/v1/contracts/{cid}/cards/{card}",                 FALSE, "payment_methods", san_portald_handle_card_delete },
  /* the bank's PIX confirmation, simulated: only with --demo */
  { "POST",   "/api/v1/_sim/pix/{txid}/settle",                       TRUE,  NULL,              san_portald_handle_sim_pix_settle, TRUE },

  /* payment methods, bank debit, DDA, notas fiscais (san-portald-paymethods.c) */
  { "GET",    "/api/v1/contracts/{cid}/invoices/{iid}/debit-schedule", FALSE, "invoices",       san_portald_handle_debit_schedule },
  { "PUT",    "/api/v1/contracts/{cid}/invoices/{iid}/debit-schedule", FALSE, "invoices",       san_portald_handle_debit_schedule_put },
  { "DELETE", "/api/v1/contracts/{cid}/invoices/{iid}/debit-schedule", FALSE, "invoices",       san_portald_handle_debit_schedule_delete },
  { "GET",    "/api/v1/contracts/{cid}/bank-accounts",                FALSE, "payment_methods", san_portald_handle_bank_accounts },
  { "POST",   "/api/v1/contracts/{cid}/bank-accounts",                FALSE, "payment_methods", san_portald_handle_bank_account_create },
  { "DELETE", "/api/v1/contracts/{cid}/bank-accounts/{account}",      FALSE, "payment_methods", san_portald_handle_bank_account_delete },
  { "GET",    "/api/v1/contracts/{cid}/dda",                          FALSE, "payment_methods", san_portald_handle_dda },
  { "PUT",    "/api/v1/contracts/{cid}/dda",                          FALSE, "payment_methods", san_portald_handle_dda_put },
  { "GET",    "/api/v1/contracts/{cid}/pay-methods",                  FALSE, "payment_methods", san_portald_handle_pay_methods },
  /* the default method is contract data: PRODUCT.md puts it under "profile" */
  { "PUT",    "/api/v1/contracts/{cid}/pay-methods/default",          FALSE, "profile",         san_portald_handle_pay_methods_default_put },
  { "PUT",    "/api/v1/contracts/{cid}/pay-methods/services/{sid}",   FALSE, "payment_methods", san_portald_handle_pay_methods_service_put },
  { "GET",    "/api/v1/contracts/{cid}/fiscal-notes",                 FALSE, "fiscal_notes",    san_portald_handle_fiscal_notes },
  { "GET",    "/api/v1/contracts/{cid}/fiscal-notes/{nid}",           FALSE, "fiscal_notes",    san_portald_handle_fiscal_note },
  { "GET",    "/api/v1/contracts/{cid}/fiscal-notes/{nid}/pdf",       FALSE, "fiscal_notes",    san_portald_handle_fiscal_note_pdf },
  { "GET",    "/api/v1/contracts/{cid}/fiscal-notes/{nid}/xml",       FALSE, "fiscal_notes",    san_portald_handle_fiscal_note_xml },
  { "POST",   "/api/v1/contracts/{cid}/fiscal-notes/{nid}/issue",     FALSE, "fiscal_notes",    san_portald_handle_fiscal_note_issue },

  /* support: tickets and their attachments (san-portald-tickets.c) */
  { "GET",    "/api/v1/departments",                                  FALSE, NULL,              san_portald_handle_departments },
  { "GET",    "/api/v1/contracts/{cid}/tickets",                      FALSE, "tickets",         san_portald_handle_tickets },
  { "POST",   "/api/v1/contracts/{cid}/tickets",                      FALSE, "tickets",         san_portald_handle_ticket_create, FALSE, SAN_PORTALD_MAX_UPLOAD_BODY },
  { "GET",    "/api/v1/contracts/{cid}/tickets/{tid}",                FALSE, "tickets",         san_portald_handle_ticket },
  { "POST",   "/api/v1/contracts/{cid}/tickets/{tid}/messages",       FALSE, "tickets",         san_portald_handle_ticket_reply, FALSE, SAN_PORTALD_MAX_UPLOAD_BODY },
  { "POST",   "/api/v1/contracts/{cid}/tickets/{tid}/close",          FALSE, "tickets",         san_portald_handle_ticket_close },
  { "GET",    "/api/v1/contracts/{cid}/attachments/{aid}",            FALSE, "tickets",         san_portald_handle_attachment },

  /* support: e-mail history, callbacks, support levels (san-portald-support.c) */
  { "GET",    "/api/v1/contracts/{cid}/emails",                       FALSE, "emails",          san_portald_handle_emails },
  { "GET",    "/api/v1/contracts/{cid}/emails/{eid}",                 FALSE, "emails",          san_portald_handle_email },
  { "GET",    "/api/v1/contracts/{cid}/callbacks",                    FALSE, "tickets",         san_portald_handle_callbacks },
  { "POST",   "/api/v1/contracts/{cid}/callbacks",                    FALSE, "tickets",         san_portald_handle_callback_create },
  { "GET",    "/api/v1/contracts/{cid}/support-levels",               FALSE, "services",        san_portald_handle_support_levels },
  { "PUT",    "/api/v1/contracts/{cid}/services/{sid}/support-level", FALSE, "manage_services", san_portald_handle_service_support_level_put },

  /* the staff desk (san-portald-staff.c): only users with the staff role */
  { "GET",    "/api/v1/staff/tickets",                                FALSE, "staff",           san_portald_handle_staff_tickets },
  { "GET",    "/api/v1/staff/tickets/{tid}",                          FALSE, "staff",           san_portald_handle_staff_ticket },
  { "POST",   "/api/v1/staff/tickets/{tid}/messages",                 FALSE, "staff",           san_portald_handle_staff_ticket_reply, FALSE, SAN_PORTALD_MAX_UPLOAD_BODY },
  { "PUT",    "/api/v1/staff/tickets/{tid}/status",                   FALSE, "staff",           san_portald_handle_staff_ticket_status },
  { "GET",    "/api/v1/staff/attachments/{aid}",                      FALSE, "staff",           san_portald_handle_staff_attachment },
  { "GET",    "/api/v1/staff/audit",                                  FALSE, "staff",           san_portald_handle_staff_audit },

  /* live status (san-portald-status.c); the event stream itself is a
   * WebSocket served by san-portald-events.c */
  { "GET",    "/api/v1/status",                                       TRUE,  NULL,              san_portald_handle_status },
  { "GET",    "/api/v1/contracts/{cid}/status",                       FALSE, "services",        san_portald_handle_contract_status },

  /* the admin interface: only with --admin-token, only from loopback, with
   * that token (checked by the router, see admin_allowed ()) */
  { "POST",   "/admin/v1/incidents",                                  TRUE,  NULL, san_portald_handle_admin_incident_create, FALSE, 0, TRUE },
  { "POST",   "/admin/v1/incidents/{iid}/updates",                    TRUE,  NULL, san_portald_handle_admin_incident_update, FALSE, 0, TRUE },
  { "PUT",    "/admin/v1/instances/{inst}/state",                     TRUE,  NULL, san_portald_handle_admin_instance_state,  FALSE, 0, TRUE },
  { "POST",   "/admin/v1/notifications",                              TRUE,  NULL, san_portald_handle_admin_notification,    FALSE, 0, TRUE },
  { "GET",    "/admin/v1/events",                                     TRUE,  NULL, san_portald_handle_admin_events,          FALSE, 0, TRUE },
};

const SanPortaldRoute *
san_portald_server_get_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (routes);
  return routes;
}

static gboolean
route_is_contract_scoped (const SanPortaldRoute *route)
{
  return g_str_has_prefix (route->pattern, SAN_PORTALD_CONTRACT_PREFIX);
}

/* A staff desk route: under /api/v1/staff/ with the permission "staff"
 * (checked at startup: the one goes with the other) */
static gboolean
route_is_staff (const SanPortaldRoute *route)
{
  return g_strcmp0 (route->permission, SAN_PORTALD_ROLE_STAFF) == 0;
}

/* Responses */

static const char *
problem_title (const char *code)
{
  static const struct { const char *code; const char *title; } titles[] = {
    { "invalid_json", "Invalid JSON" },
    { "validation_failed", "Validation failed" },
    { "payload_too_large", "Payload too large" },
    { "unauthenticated", "Authentication required" },
    { "invalid_token", "Invalid token" },
    { "token_expired", "Token expired" },
    { "invalid_credentials", "Invalid credentials" },
    { "invalid_refresh_token", "Invalid refresh token" },
    { "forbidden", "Forbidden" },
    { "not_found", "Not found" },
    { "method_not_allowed", "Method not allowed" },
    { "too_many_attempts", "Too many attempts" },
    { "busy", "Busy" },
    { "conflict", "Conflict" },
    { "invalid_state", "Not possible in this state" },
    { "payment_declined", "Payment declined" },
    { "idempotency_key_reused", "Idempotency key reused" },
    { "unsupported_media_type", "Unsupported media type" },
    { "not_implemented", "Not implemented" },
    { "internal_error", "Internal error" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (g_str_equal (titles[i].code, code))
      return titles[i].title;
  return "Error";
}

static void
send_node (SanPortaldRequest *req,
           guint              status,
           const char        *content_type,
           JsonNode          *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  gsize length;
  char *text;

  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, &length);
  soup_server_message_set_status (req->msg, status, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (req->msg),
                                "Cache-Control", "no-store");
  soup_server_message_set_response (req->msg, content_type, SOUP_MEMORY_TAKE, text, length);
}

void
san_portald_send_json (SanPortaldRequest *req,
           guint              status,
           JsonBuilder       *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  send_node (req, status, "application/json", root);
}

void
san_portald_message_send_problem (SoupServerMessage *msg,
                                  guint              status,
                                  const char        *code,
                                  const char        *detail,
                                  GArray            *errors)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *type = g_strconcat (PROBLEM_TYPE_BASE, code, NULL);
  gsize length;
  char *text;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, type);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, problem_title (code));
  json_builder_set_member_name (builder, "status");
  json_builder_add_int_value (builder, status);
  json_builder_set_member_name (builder, "detail");
  json_builder_add_string_value (builder, detail);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code);
  if (errors != NULL)
    {
      json_builder_set_member_name (builder, "errors");
      json_builder_begin_array (builder);
      for (guint i = 0; i < errors->len; i++)
        {
          const SanPortaldFieldError *fe = &g_array_index (errors, SanPortaldFieldError, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "field");
          json_builder_add_string_value (builder, fe->field);
          json_builder_set_member_name (builder, "code");
          json_builder_add_string_value (builder, fe->code);
          json_builder_set_member_name (builder, "message");
          json_builder_add_string_value (builder, fe->message);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  if (status == SOUP_STATUS_UNAUTHORIZED)
    {
      const char *challenge = "Bearer realm=\"san-portald\"";

      if (g_str_equal (code, "invalid_token") || g_str_equal (code, "token_expired"))
        challenge = "Bearer realm=\"san-portald\", error=\"invalid_token\"";
      soup_message_headers_replace (headers, "WWW-Authenticate", challenge);
    }

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);
  soup_server_message_set_status (msg, status, NULL);
  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  soup_server_message_set_response (msg, "application/problem+json", SOUP_MEMORY_TAKE, text, length);
}

void
san_portald_send_problem_with_errors (SanPortaldRequest *req,
                                      guint              status,
                                      const char        *code,
                                      const char        *detail,
                                      GArray            *errors)
{
  san_portald_message_send_problem (req->msg, status, code, detail, errors);
}

void
san_portald_send_problem (SanPortaldRequest *req,
                          guint              status,
                          const char        *code,
                          const char        *detail)
{
  san_portald_message_send_problem (req->msg, status, code, detail, NULL);
}

void
san_portald_send_internal_error (SanPortaldRequest *req,
                     const GError      *error)
{
  /* the message names the failing step, never request data */
  g_printerr ("san-portald: internal error: %s\n", error != NULL ? error->message : "unknown");
  san_portald_send_problem (req, SOUP_STATUS_INTERNAL_SERVER_ERROR, "internal_error",
                "The server could not complete the request");
}

void
san_portald_add_field_error (GArray     *errors,
                 const char *field,
                 const char *code,
                 const char *message)
{
  SanPortaldFieldError fe = { field, code, message };

  g_array_append_val (errors, fe);
}

/* Request bodies */

/* Returns the body's JSON object, or NULL after answering 400/413 */
JsonObject *
san_portald_read_json_object (SanPortaldRequest  *req,
                  JsonParser        **out_parser)
{
  SoupMessageBody *body = soup_server_message_get_request_body (req->msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  JsonNode *root;

  *out_parser = NULL;
  if (length > SAN_PORTALD_MAX_BODY)
    {
      san_portald_send_problem (req, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "payload_too_large",
                    "The request body is larger than 65536 bytes");
      return NULL;
    }
  if (length == 0 || data == NULL || !g_utf8_validate (data, length, NULL) ||
      !json_parser_load_from_data (parser, data, length, NULL))
    {
      san_portald_send_problem (req, SOUP_STATUS_BAD_REQUEST, "invalid_json",
                    "The request body is not valid JSON");
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      san_portald_send_problem (req, SOUP_STATUS_BAD_REQUEST, "invalid_json",
                    "The request body must be a JSON object");
      return NULL;
    }

  *out_parser = g_steal_pointer (&parser);
  return json_node_get_object (root);
}

/* A required, non-empty string member; NULL (with a field error) otherwise */
const char *
san_portald_require_string (JsonObject *object,
                const char *field,
                GArray     *errors)
{
  JsonNode *node = json_object_get_member (object, field);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      san_portald_add_field_error (errors, field, "required", "This field is required");
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      san_portald_add_field_error (errors, field, "wrong_type", "This field must be a string");
      return NULL;
    }
  if (json_node_get_string (node)[0] == '\0')
    {
      san_portald_add_field_error (errors, field, "required", "This field must not be empty");
      return NULL;
    }
  return json_node_get_string (node);
}

const char *
san_portald_optional_string (JsonObject *object,
                             const char *field,
                             GArray     *errors)
{
  JsonNode *node = json_object_get_member (object, field);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      san_portald_add_field_error (errors, field, "wrong_type", "This field must be a string");
      return NULL;
    }
  return json_node_get_string (node);
}

void
san_portald_send_validation_failed (SanPortaldRequest *req,
                        GArray            *errors)
{
  san_portald_send_problem_with_errors (req, SOUP_STATUS_BAD_REQUEST, "validation_failed",
                            "Some fields are missing or invalid", errors);
}

/* What handlers see of a request (san-portald-request.h) */

SanPortaldServer *
san_portald_request_get_server (SanPortaldRequest *req)
{
  return req->server;
}

SanPortaldDb *
san_portald_request_get_db (SanPortaldRequest *req)
{
  return req->db;
}

SoupServerMessage *
san_portald_request_get_message (SanPortaldRequest *req)
{
  return req->msg;
}

gint64
san_portald_request_get_user_id (SanPortaldRequest *req)
{
  return req->user_id;
}

gint64
san_portald_request_get_contract_id (SanPortaldRequest *req)
{
  return req->contract_id;
}

const char *
san_portald_request_get_param (SanPortaldRequest *req,
                               const char        *name)
{
  for (guint i = 0; i < req->n_params; i++)
    if (g_str_equal (req->param_names[i], name))
      return req->param_values[i];
  return NULL;
}

gboolean
san_portald_request_get_id_param (SanPortaldRequest *req,
                                  const char        *name,
                                  gint64            *out_id)
{
  const char *text = san_portald_request_get_param (req, name);
  guint64 id = 0;

  *out_id = 0;
  if (text == NULL || !g_ascii_isdigit (text[0]) ||
      !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &id, NULL))
    return FALSE;
  *out_id = (gint64) id;
  return TRUE;
}

const char *
san_portald_request_get_query (SanPortaldRequest *req,
                               const char        *name)
{
  return req->query != NULL ? g_hash_table_lookup (req->query, name) : NULL;
}

const char *
san_portald_request_get_header (SanPortaldRequest *req,
                                const char        *name)
{
  return soup_message_headers_get_one (soup_server_message_get_request_headers (req->msg), name);
}

void
san_portald_today_in_sao_paulo (GDate *out_today)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/Sao_Paulo");
  g_autoptr(GDateTime) now = NULL;

  if (zone == NULL)
    zone = g_time_zone_new_offset (-3 * 3600);
  now = g_date_time_new_now (zone);
  g_date_clear (out_today, 1);
  g_date_set_dmy (out_today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
}

void
san_portald_request_get_today (SanPortaldRequest *req,
                               GDate             *out_today)
{
  if (g_date_valid (&req->server->today))
    *out_today = req->server->today;
  else
    san_portald_today_in_sao_paulo (out_today);
}

gint64
san_portald_clock_ms (const GDate *today)
{
  GDate real;
  gint64 shift_days;

  san_portald_today_in_sao_paulo (&real);
  shift_days = (gint64) g_date_get_julian (today) - (gint64) g_date_get_julian (&real);
  return san_portald_now_ms () + shift_days * 24 * 60 * 60 * (gint64) 1000;
}

gint64
san_portald_request_clock_ms (SanPortaldRequest *req)
{
  GDate today;

  san_portald_request_get_today (req, &today);
  return san_portald_clock_ms (&today);
}

gboolean
san_portald_request_is_demo (SanPortaldRequest *req)
{
  return req->server->demo;
}

guint
san_portald_server_get_pix_settle_after (SanPortaldServer *self)
{
  return self->demo ? self->pix_settle_after_s : 0;
}

void
san_portald_send_no_content (SanPortaldRequest *req)
{
  soup_server_message_set_status (req->msg, SOUP_STATUS_NO_CONTENT, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (req->msg),
                                "Cache-Control", "no-store");
}

void
san_portald_send_bytes (SanPortaldRequest *req,
                        guint              status,
                        const char        *content_type,
                        const char        *filename,
                        GBytes            *bytes)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (req->msg);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  soup_server_message_set_status (req->msg, status, NULL);
  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  if (filename != NULL)
    {
      g_autoptr(GHashTable) params = g_hash_table_new (g_str_hash, g_str_equal);

      g_hash_table_insert (params, (gpointer) "filename", (gpointer) filename);
      soup_message_headers_set_content_disposition (headers, "attachment", params);
    }
  soup_server_message_set_response (req->msg, content_type, SOUP_MEMORY_COPY, data, length);
}

/* Authentication */

gint64
san_portald_now_ms (void)
{
  return g_get_real_time () / 1000;
}

/* The one check of a Bearer access token, for the router and the event
 * stream: FALSE with *@out_code and *@out_detail set to the 401 to answer,
 * or with @error set (answer 500). */
gboolean
san_portald_authenticate_message (SanPortaldDb       *db,
                                  SoupServerMessage  *msg,
                                  gint64             *out_user_id,
                                  gint64             *out_session_id,
                                  const char        **out_code,
                                  const char        **out_detail,
                                  GError            **error)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *header = soup_message_headers_get_one (headers, "Authorization");
  const char *token;
  guint8 hash[SAN_PORTALD_TOKEN_HASH_SIZE];
  gint64 session_id = 0;
  gint64 user_id = 0;
  gint64 expires_ms = 0;

  *out_code = "invalid_token";
  *out_detail = "The access token is not valid";
  if (header == NULL)
    {
      *out_code = "unauthenticated";
      *out_detail = "This request needs an access token (Authorization: Bearer)";
      return FALSE;
    }
  if (g_ascii_strncasecmp (header, "Bearer ", 7) != 0)
    {
      *out_detail = "The Authorization header is not a Bearer token";
      return FALSE;
    }
  token = header + 7;
  while (*token == ' ')
    token++;

  if (!san_portald_token_hash (token, hash))
    return FALSE;
  if (!san_portald_db_find_access (db, hash, &session_id, &user_id, &expires_ms, error))
    {
      *out_code = "internal_error";
      return FALSE;
    }
  if (session_id == 0)
    return FALSE;
  if (expires_ms <= san_portald_now_ms ())
    {
      *out_code = "token_expired";
      *out_detail = "The access token has expired: refresh it";
      return FALSE;
    }

  *out_user_id = user_id;
  *out_session_id = session_id;
  return TRUE;
}

/* Sets req->user_id and req->session_id from the Bearer access token, or
 * answers 401 (500) and returns FALSE. */
static gboolean
authenticate (SanPortaldRequest *req)
{
  g_autoptr(GError) error = NULL;
  const char *code;
  const char *detail;

  if (san_portald_authenticate_message (req->db, req->msg, &req->user_id, &req->session_id,
                                        &code, &detail, &error))
    return TRUE;
  if (error != NULL)
    san_portald_send_internal_error (req, error);
  else
    san_portald_send_problem (req, SOUP_STATUS_UNAUTHORIZED, code, detail);
  return FALSE;
}

/* The one decision on a customer's access to a contract: @user_id is a
 * member of @contract_id and holds @permission (an owner holds all). A
 * contract that does not exist is simply not allowed. authorize () uses it
 * for every contract route a customer calls, and the event stream for
 * every event it would send. */
gboolean
san_portald_authorize_contract (SanPortaldDb  *db,
                                gint64         user_id,
                                gint64         contract_id,
                                const char    *permission,
                                gboolean      *out_member,
                                gboolean      *out_allowed,
                                GError       **error)
{
  gboolean member = FALSE;
  gboolean allowed = FALSE;

  if (contract_id > 0 && permission != NULL &&
      !san_portald_db_get_access (db, user_id, contract_id, permission, &member, &allowed, error))
    return FALSE;
  if (out_member != NULL)
    *out_member = member;
  *out_allowed = member && allowed;
  return TRUE;
}

/* Authorization: the one place that decides who may use a route. The
 * router calls it for every route that needs a signed-in user, after
 * authenticate (), with the route from the routing table:
 *
 * - a route under /api/v1/staff/ (permission "staff") needs the staff role;
 * - a contract-scoped route (SAN_PORTALD_CONTRACT_PREFIX) needs, for a
 *   customer, membership of the contract and the route's permission (an
 *   owner holds all); for staff, a GET, which they get as if owner,
 *   read-only, and which is recorded in the audit log (user, contract,
 *   method, path without the query, time). Any other method is 403 for
 *   staff: tickets are written through the staff routes. The role decides,
 *   not memberships: a staff user is read-only in every contract;
 * - any other route only needs the signed-in user.
 *
 * A handler only learns the contract it works on from req->contract_id,
 * which nothing else sets. A contract that does not exist, one the caller
 * is not a member of and a missing permission all get the same 403, so
 * contract ids can't be probed. */
static gboolean
authorize (SanPortaldRequest *req)
{
  const SanPortaldRoute *route = req->route;
  const char *method = soup_server_message_get_method (req->msg);
  g_autoptr(GError) error = NULL;
  g_autofree char *contract_name = NULL;
  gboolean staff = FALSE;
  gboolean member = FALSE;
  gboolean allowed = FALSE;
  guint64 id = 0;

  req->contract_id = 0;
  if (!route_is_contract_scoped (route) && !route_is_staff (route))
    return TRUE;

  if (!san_portald_db_user_is_staff (req->db, req->user_id, &staff, &error))
    {
      san_portald_send_internal_error (req, error);
      return FALSE;
    }

  if (route_is_staff (route))
    {
      if (staff)
        return TRUE;
      san_portald_send_problem (req, SOUP_STATUS_FORBIDDEN, "forbidden",
                                "Only SAN staff may use the staff desk");
      return FALSE;
    }

  if (req->cid == NULL || !g_ascii_isdigit (req->cid[0]) ||
      !g_ascii_string_to_unsigned (req->cid, 10, 1, G_MAXINT64, &id, NULL))
    id = 0;

  if (staff)
    {
      if (!g_str_equal (method, "GET"))
        {
          san_portald_send_problem (req, SOUP_STATUS_FORBIDDEN, "forbidden",
                                    "Staff access to a contract is read-only: tickets are answered "
                                    "through /api/v1/staff/");
          return FALSE;
        }
      if (id > 0 && !san_portald_db_get_contract_name (req->db, (gint64) id, &contract_name, &error))
        {
          san_portald_send_internal_error (req, error);
          return FALSE;
        }
      member = allowed = contract_name != NULL;
      if (allowed && !san_portald_staff_audit (req, (gint64) id))
        return FALSE;
    }
  else if (!san_portald_authorize_contract (req->db, req->user_id, (gint64) id, route->permission,
                                            &member, &allowed, &error))
    {
      san_portald_send_internal_error (req, error);
      return FALSE;
    }

  if (!member || !allowed)
    {
      san_portald_send_problem (req, SOUP_STATUS_FORBIDDEN, "forbidden",
                    "You do not have access to this contract or to this part of it");
      return FALSE;
    }

  req->contract_id = (gint64) id;
  return TRUE;
}

/* Routing */

static void
clear_params (SanPortaldRequest *req)
{
  for (guint i = 0; i < req->n_params; i++)
    g_clear_pointer (&req->param_names[i], g_free);
  req->n_params = 0;
  req->cid = NULL;
  req->sid = NULL;
}

/* Matches @path against @pattern: on a match, fills @req's {cid}, {sid} and
 * named params (values point into @parts) */
static gboolean
match_pattern (SanPortaldRequest  *req,
               const char         *pattern,
               char              **parts)
{
  g_auto(GStrv) pattern_parts = g_strsplit (pattern, "/", -1);
  guint n = g_strv_length (pattern_parts);

  if (g_strv_length (parts) != n)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      if (pattern_parts[i][0] == '{')
        {
          if (parts[i][0] == '\0')
            return FALSE;
        }
      else if (!g_str_equal (pattern_parts[i], parts[i]))
        return FALSE;
    }

  clear_params (req);
  for (guint i = 0; i < n; i++)
    {
      gsize len = strlen (pattern_parts[i]);

      if (pattern_parts[i][0] != '{')
        continue;
      if (g_str_equal (pattern_parts[i], "{cid}"))
        req->cid = parts[i];
      else if (g_str_equal (pattern_parts[i], "{sid}"))
        req->sid = parts[i];
      g_assert (req->n_params < MAX_PARAMS);
      req->param_names[req->n_params] = g_strndup (pattern_parts[i] + 1, len - 2);
      req->param_values[req->n_params] = parts[i];
      req->n_params++;
    }
  return TRUE;
}

/* An admin route: from a loopback address, with the --admin-token as a
 * Bearer token (compared as SHA-256 digests, in constant time) */
static gboolean
admin_allowed (SanPortaldRequest *req)
{
  GSocketAddress *remote = soup_server_message_get_remote_address (req->msg);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (req->msg);
  const char *header = soup_message_headers_get_one (headers, "Authorization");
  guint8 hash[32];

  if (remote == NULL || !G_IS_INET_SOCKET_ADDRESS (remote) ||
      !g_inet_address_get_is_loopback (g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (remote))))
    {
      san_portald_send_problem (req, SOUP_STATUS_FORBIDDEN, "forbidden",
                                "The admin interface answers only on loopback");
      return FALSE;
    }
  if (header == NULL || g_ascii_strncasecmp (header, "Bearer ", 7) != 0)
    {
      san_portald_send_problem (req, SOUP_STATUS_UNAUTHORIZED, "unauthenticated",
                                "The admin interface needs the admin token (Authorization: Bearer)");
      return FALSE;
    }
  crypto_hash_sha256 (hash, (const guint8 *) header + 7, strlen (header + 7));
  if (sodium_memcmp (hash, req->server->admin_token_hash, sizeof hash) != 0)
    {
      sodium_memzero (hash, sizeof hash);
      san_portald_send_problem (req, SOUP_STATUS_UNAUTHORIZED, "invalid_token",
                                "The admin token is not valid");
      return FALSE;
    }
  sodium_memzero (hash, sizeof hash);
  return TRUE;
}

static void
route_request (SanPortaldRequest *req,
               const char        *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  g_autoptr(GString) allow = g_string_new (NULL);
  const char *method = soup_server_message_get_method (req->msg);
  const SanPortaldRoute *route = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      if (routes[i].demo_only && !req->server->demo)
        continue;
      if (routes[i].admin && !req->server->admin_enabled)
        continue;
      if (!match_pattern (req, routes[i].pattern, parts))
        continue;
      if (g_str_equal (routes[i].method, method))
        {
          route = &routes[i];
          break;
        }
      if (allow->len > 0)
        g_string_append (allow, ", ");
      g_string_append (allow, routes[i].method);
    }

  if (route == NULL)
    {
      if (allow->len > 0)
        {
          g_autofree char *detail = g_strdup_printf ("This resource accepts: %s", allow->str);

          soup_message_headers_replace (soup_server_message_get_response_headers (req->msg),
                                        "Allow", allow->str);
          san_portald_send_problem (req, SOUP_STATUS_METHOD_NOT_ALLOWED, "method_not_allowed", detail);
        }
      else
        san_portald_send_problem (req, SOUP_STATUS_NOT_FOUND, "not_found", "There is nothing at this address");
      return;
    }

  req->route = route;
  if (route->admin && !admin_allowed (req))
    return;
  if (!route->public && (!authenticate (req) || !authorize (req)))
    return;

  route->handler (req);
}

/* Handlers */

static void
build_user (JsonBuilder    *builder,
            SanPortaldUser *user)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, user->id);

  json_builder_set_member_name (builder, "user");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "email");
  json_builder_add_string_value (builder, user->email);
  json_builder_set_member_name (builder, "display_name");
  json_builder_add_string_value (builder, user->display_name);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, user->is_staff ? SAN_PORTALD_ROLE_STAFF : SAN_PORTALD_ROLE_CUSTOMER);
  json_builder_end_object (builder);
}

static void
send_tokens (SanPortaldRequest *req,
             SanPortaldUser    *user,
             const char        *access_token,
             const char        *refresh_token)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "access_token");
  json_builder_add_string_value (builder, access_token);
  json_builder_set_member_name (builder, "refresh_token");
  json_builder_add_string_value (builder, refresh_token);
  json_builder_set_member_name (builder, "token_type");
  json_builder_add_string_value (builder, "Bearer");
  json_builder_set_member_name (builder, "expires_in");
  json_builder_add_int_value (builder, req->server->access_ttl_ms / 1000);
  build_user (builder, user);
  json_builder_end_object (builder);
  san_portald_send_json (req, SOUP_STATUS_OK, builder);
}

static void
send_too_many_attempts (SanPortaldRequest *req,
                        guint              retry_after_s)
{
  g_autofree char *value = g_strdup_printf ("%u", retry_after_s);
  g_autofree char *detail = g_strdup_printf ("Too many failed sign-in attempts: try again in %u seconds",
                                             retry_after_s);

  soup_message_headers_replace (soup_server_message_get_response_headers (req->msg),
                                "Retry-After", value);
  san_portald_send_problem (req, STATUS_TOO_MANY_REQUESTS, "too_many_attempts", detail);
}

static void
send_busy (SanPortaldRequest *req)
{
  soup_message_headers_replace (soup_server_message_get_response_headers (req->msg),
                                "Retry-After", "1");
  san_portald_send_problem (req, SOUP_STATUS_SERVICE_UNAVAILABLE, "busy",
                "Too many sign-ins at once: try again in a second");
}

/* Sign-in: the password check runs in a worker thread */

/* What the worker gets: copies, wiped when done */
typedef struct
{
  char  *hash;       /* NULL: no hash to check against (out of memory) */
  char  *password;
  gsize  password_length;
} HashWork;

static void
hash_work_free (gpointer data)
{
  HashWork *work = data;

  if (work == NULL)
    return;
  sodium_memzero (work->password, work->password_length);
  g_free (work->password);
  if (work->hash != NULL)
    sodium_memzero (work->hash, strlen (work->hash));
  g_free (work->hash);
  g_free (work);
}

/* One sign-in between handle_login() and its answer; main thread only */
struct _LoginJob
{
  SanPortaldServer  *server;
  SoupServerMessage *msg;              /* a reference; paused */
  gulong             finished_id;
  gulong             disconnected_id;
  gboolean           gone;             /* finished or disconnected: don't answer, don't unpause */
  char              *account_key;
  char              *address_key;
  SanPortaldUser    *user;             /* NULL for an unknown e-mail */
  HashWork          *work;             /* until it goes to the worker */
};

static void
pending_add (GHashTable *pending,
             const char *key,
             int         delta)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (pending, key));

  count += delta;
  if (count == 0)
    g_hash_table_remove (pending, key);
  else
    g_hash_table_replace (pending, g_strdup (key), GUINT_TO_POINTER (count));
}

static guint
pending_get (GHashTable *pending,
             const char *key)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (pending, key));
}

static void
on_job_message_gone_cb (SoupServerMessage *msg,
                        gpointer           user_data)
{
  LoginJob *job = user_data;

  /* the client went away (or the server closed the connection): libsoup
   * has finished with the message's I/O, only our reference keeps it */
  job->gone = TRUE;
}

static LoginJob *
login_job_new (SanPortaldServer  *server,
               SoupServerMessage *msg,
               const char        *account_key,
               const char        *address_key,
               SanPortaldUser    *user,
               const char        *password)
{
  LoginJob *job = g_new0 (LoginJob, 1);
  const char *hash = user != NULL ? user->password_hash : san_portald_password_dummy_hash ();

  job->server = server;
  job->msg = g_object_ref (msg);
  job->account_key = g_strdup (account_key);
  job->address_key = g_strdup (address_key);
  job->user = user;
  job->work = g_new0 (HashWork, 1);
  job->work->hash = g_strdup (hash);
  job->work->password = g_strdup (password);
  job->work->password_length = strlen (password);
  job->finished_id = g_signal_connect (msg, "finished", G_CALLBACK (on_job_message_gone_cb), job);
  job->disconnected_id = g_signal_connect (msg, "disconnected", G_CALLBACK (on_job_message_gone_cb), job);

  pending_add (server->account_pending, account_key, 1);
  pending_add (server->address_pending, address_key, 1);
  return job;
}

static void
login_job_free (LoginJob *job)
{
  pending_add (job->server->account_pending, job->account_key, -1);
  pending_add (job->server->address_pending, job->address_key, -1);
  g_clear_signal_handler (&job->finished_id, job->msg);
  g_clear_signal_handler (&job->disconnected_id, job->msg);
  g_clear_object (&job->msg);
  g_free (job->account_key);
  g_free (job->address_key);
  g_clear_pointer (&job->user, san_portald_user_free);
  g_clear_pointer (&job->work, hash_work_free);
  g_free (job);
}

/* Worker thread: only the copies in @task_data, never the database or the message */
static void
verify_password_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  HashWork *work = task_data;
  gboolean verified = FALSE;

  /* the server is going: don't start a check nobody will read */
  if (g_task_return_error_if_cancelled (task))
    return;

  /* for an unknown e-mail this is a check against the dummy hash: the same work */
  if (work->hash != NULL)
    verified = crypto_pwhash_str_verify (work->hash, work->password, work->password_length) == 0;
  sodium_memzero (work->password, work->password_length);
  g_task_return_boolean (task, verified);
}

/* TRUE when the client has closed its connection. libsoup does not watch a
 * paused message's connection, so this peeks at it: end of stream (or an
 * error) means the client left; nothing to read, or the bytes of a next
 * request, mean it is still there. Best effort (over TLS a close arrives as
 * data and is not seen here). */
static gboolean
client_left (SoupServerMessage *msg)
{
  GSocket *socket = soup_server_message_get_socket (msg);
  g_autoptr(GError) error = NULL;
  GInputVector vector;
  char byte;
  int flags = G_SOCKET_MSG_PEEK;
  gssize n;

  if (socket == NULL || g_socket_is_closed (socket))
    return TRUE;
  if (g_socket_condition_check (socket, G_IO_IN | G_IO_HUP | G_IO_ERR) == 0)
    return FALSE;
  vector.buffer = &byte;
  vector.size = 1;
  /* the socket is ready, so this does not block */
  n = g_socket_receive_message (socket, NULL, &vector, 1, NULL, NULL, &flags, NULL, &error);
  if (n < 0)
    return !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK);
  return n == 0;
}

static void
finish_login (LoginJob *job,
              gboolean  verified)
{
  SanPortaldServer *server = job->server;
  SanPortaldRequest req = { server, server->db, job->msg, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *access_token = NULL;
  g_autofree char *refresh_token = NULL;
  guint8 access_hash[SAN_PORTALD_TOKEN_HASH_SIZE];
  guint8 refresh_hash[SAN_PORTALD_TOKEN_HASH_SIZE];
  gint64 now_us = g_get_monotonic_time ();
  gint64 now;

  /* the counts don't depend on whether the client waited for the answer */
  if (!verified)
    {
      san_portald_rate_limiter_record_failure (server->account_failures, job->account_key, now_us);
      san_portald_rate_limiter_record_failure (server->address_failures, job->address_key, now_us);
      if (!job->gone)
        san_portald_send_problem (&req, SOUP_STATUS_UNAUTHORIZED, "invalid_credentials",
                      "The e-mail or the password is wrong");
      return;
    }

  san_portald_rate_limiter_forget (server->account_failures, job->account_key);
  /* nobody would receive the tokens: no session */
  if (job->gone)
    return;
  if (client_left (job->msg))
    {
      send_busy (&req);   /* an answer for libsoup to fail to write */
      return;
    }

  now = san_portald_now_ms ();
  access_token = san_portald_token_new (access_hash);
  refresh_token = san_portald_token_new (refresh_hash);
  if (!san_portald_db_prune_sessions (server->db, now, &error) ||
      !san_portald_db_add_session (server->db, job->user->id,
                                   access_hash, now + server->access_ttl_ms,
                                   refresh_hash, now + server->refresh_ttl_ms,
                                   now, &error))
    san_portald_send_internal_error (&req, error);
  else
    send_tokens (&req, job->user, access_token, refresh_token);
  sodium_memzero (access_token, strlen (access_token));
  sodium_memzero (refresh_token, strlen (refresh_token));
}

static void start_waiting_jobs (SanPortaldServer *server);

/* Main thread, when a worker is done (or was cancelled) */
static void
on_password_verified_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  LoginJob *job = user_data;
  SanPortaldServer *server = job->server;
  g_autoptr(GError) error = NULL;
  gboolean verified = g_task_propagate_boolean (G_TASK (result), &error);

  server->hash_running--;

  if (!server->stopping)
    {
      /* without error, unless cancelled, which only stopping does */
      finish_login (job, verified && error == NULL);
      if (!job->gone)
        soup_server_message_unpause (job->msg);
    }
  login_job_free (job);

  if (!server->stopping)
    start_waiting_jobs (server);
}

static void
start_job (LoginJob *job)
{
  SanPortaldServer *server = job->server;
  g_autoptr(GTask) task = g_task_new (NULL, server->cancellable, on_password_verified_cb, job);

  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, g_steal_pointer (&job->work), hash_work_free);
  server->hash_running++;
  g_task_run_in_thread (task, verify_password_thread);
}

static void
start_waiting_jobs (SanPortaldServer *server)
{
  while (server->hash_running < server->max_hash_running && !g_queue_is_empty (&server->waiting))
    {
      LoginJob *job = g_queue_pop_head (&server->waiting);

      if (job->gone)
        ;   /* libsoup is done with it */
      else if (client_left (job->msg))
        {
          /* no attempt was made, and nobody waits for an answer: no check */
          SanPortaldRequest req = { server, server->db, job->msg, NULL };

          send_busy (&req);   /* an answer for libsoup to fail to write */
          soup_server_message_unpause (job->msg);
        }
      else
        {
          start_job (job);
          continue;
        }
      login_job_free (job);
    }
}

static void
handle_login (SanPortaldRequest *req)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GArray) errors = g_array_new (FALSE, FALSE, sizeof (SanPortaldFieldError));
  g_autoptr(SanPortaldUser) user = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *account_key = NULL;
  g_autofree char *address_key = NULL;
  SanPortaldServer *server = req->server;
  LoginJob *job;
  JsonObject *body;
  const char *email;
  const char *password;
  const char *address;
  gint64 now_us = g_get_monotonic_time ();
  guint account_retry = 0;
  guint address_retry = 0;
  gboolean account_ok;
  gboolean address_ok;

  body = san_portald_read_json_object (req, &parser);
  if (body == NULL)
    return;

  email = san_portald_require_string (body, "email", errors);
  password = san_portald_require_string (body, "password", errors);
  if (errors->len > 0)
    {
      san_portald_send_validation_failed (req, errors);
      return;
    }

  /* e-mails are matched without regard to case, so are their counters */
  account_key = g_utf8_strdown (email, -1);
  address = soup_server_message_get_remote_host (req->msg);
  address_key = g_strdup (address != NULL ? address : "unknown");

  /* attempts still being checked count as failures here, so a burst of
   * simultaneous guesses can't get past the limits */
  account_ok = san_portald_rate_limiter_check_pending (server->account_failures, account_key,
                                                       pending_get (server->account_pending, account_key),
                                                       now_us, &account_retry);
  address_ok = san_portald_rate_limiter_check_pending (server->address_failures, address_key,
                                                       pending_get (server->address_pending, address_key),
                                                       now_us, &address_retry);
  if (!account_ok || !address_ok)
    {
      send_too_many_attempts (req, MAX (account_retry, address_retry));
      return;
    }

  if (server->hash_running >= server->max_hash_running &&
      g_queue_get_length (&server->waiting) >= server->max_hash_waiting)
    {
      send_busy (req);
      return;
    }

  if (!san_portald_db_find_user_by_email (req->db, email, &user, &error) && error != NULL)
    {
      san_portald_send_internal_error (req, error);
      return;
    }

  /* an unknown e-mail takes the same path, checked against the dummy hash:
   * the same work, the same wait and the same answer as a wrong password */
  job = login_job_new (server, req->msg, account_key, address_key, g_steal_pointer (&user), password);
  soup_server_message_pause (req->msg);
  if (server->hash_running < server->max_hash_running)
    start_job (job);
  else
    g_queue_push_tail (&server->waiting, job);
}

static void
handle_refresh (SanPortaldRequest *req)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GArray) errors = g_array_new (FALSE, FALSE, sizeof (SanPortaldFieldError));
  g_autoptr(SanPortaldUser) user = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *access_token = NULL;
  g_autofree char *refresh_token = NULL;
  guint8 presented_hash[SAN_PORTALD_TOKEN_HASH_SIZE];
  guint8 access_hash[SAN_PORTALD_TOKEN_HASH_SIZE];
  guint8 refresh_hash[SAN_PORTALD_TOKEN_HASH_SIZE];
  SanPortaldServer *server = req->server;
  JsonObject *body;
  const char *presented;
  gint64 session_id = 0;
  gint64 user_id = 0;
  gint64 expires_ms = 0;
  gint64 now = san_portald_now_ms ();

  body = san_portald_read_json_object (req, &parser);
  if (body == NULL)
    return;

  presented = san_portald_require_string (body, "refresh_token", errors);
  if (errors->len > 0)
    {
      san_portald_send_validation_failed (req, errors);
      return;
    }

  if (san_portald_token_hash (presented, presented_hash) &&
      !san_portald_db_find_refresh (req->db, presented_hash, &session_id, &user_id,
                                    &expires_ms, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }

  if (session_id != 0 && expires_ms <= now)
    {
      if (!san_portald_db_delete_session (req->db, session_id, &error))
        {
          san_portald_send_internal_error (req, error);
          return;
        }
      session_id = 0;
    }

  if (session_id == 0)
    {
      san_portald_send_problem (req, SOUP_STATUS_UNAUTHORIZED, "invalid_refresh_token",
                    "The refresh token is unknown, already used or expired: sign in again");
      return;
    }

  if (!san_portald_db_find_user_by_id (req->db, user_id, &user, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }

  /* rotation: the session's old access and refresh tokens stop working now */
  access_token = san_portald_token_new (access_hash);
  refresh_token = san_portald_token_new (refresh_hash);
  if (!san_portald_db_rotate_session (req->db, session_id,
                                      access_hash, now + server->access_ttl_ms,
                                      refresh_hash, now + server->refresh_ttl_ms,
                                      &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }

  send_tokens (req, user, access_token, refresh_token);
  sodium_memzero (access_token, strlen (access_token));
  sodium_memzero (refresh_token, strlen (refresh_token));
}

static void
handle_logout (SanPortaldRequest *req)
{
  g_autoptr(GError) error = NULL;

  if (!san_portald_db_delete_session (req->db, req->session_id, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  /* its live events stop now, not at the next session check */
  san_portald_events_end_session (san_portald_request_get_events (req), req->session_id);
  soup_server_message_set_status (req->msg, SOUP_STATUS_NO_CONTENT, NULL);
}

static void
handle_me (SanPortaldRequest *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(SanPortaldUser) user = NULL;
  g_autoptr(GError) error = NULL;

  if (!san_portald_db_find_user_by_id (req->db, req->user_id, &user, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }

  json_builder_begin_object (builder);
  build_user (builder, user);
  if (!san_portald_db_build_contracts (req->db, req->user_id, builder, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  json_builder_end_object (builder);
  san_portald_send_json (req, SOUP_STATUS_OK, builder);
}

char *
san_portald_make_cursor (gint64 last_id)
{
  g_autofree char *plain = g_strdup_printf (CURSOR_PREFIX "%" G_GINT64_FORMAT, last_id);
  gsize size = sodium_base64_ENCODED_LEN (strlen (plain), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  char *text = g_malloc (size);

  sodium_bin2base64 (text, size, (const guint8 *) plain, strlen (plain),
                     sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return text;
}

gboolean
san_portald_parse_limit (const char *text,
                         guint      *out_limit,
                         GArray     *errors)
{
  guint64 value = 0;

  if (!g_ascii_isdigit (text[0]) ||
      !g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT32, &value, NULL))
    {
      san_portald_add_field_error (errors, "limit", "invalid", "Must be a whole number from 1 to 100");
      return FALSE;
    }
  if (value < 1 || value > SAN_PORTALD_MAX_LIMIT)
    {
      san_portald_add_field_error (errors, "limit", "out_of_range", "Must be a whole number from 1 to 100");
      return FALSE;
    }
  *out_limit = (guint) value;
  return TRUE;
}

gboolean
san_portald_parse_cursor (const char *cursor,
              gint64     *out_after_id)
{
  guint8 plain[64];
  gsize length = 0;
  g_autofree char *text = NULL;
  guint64 id;

  if (sodium_base642bin (plain, sizeof plain - 1, cursor, strlen (cursor), NULL, &length, NULL,
                         sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
    return FALSE;
  text = g_strndup ((const char *) plain, length);
  if (strlen (text) != length || !g_str_has_prefix (text, CURSOR_PREFIX) ||
      !g_ascii_isdigit (text[strlen (CURSOR_PREFIX)]) ||
      !g_ascii_string_to_unsigned (text + strlen (CURSOR_PREFIX), 10, 1, G_MAXINT64, &id, NULL))
    return FALSE;
  *out_after_id = (gint64) id;
  return TRUE;
}

static const char * const service_statuses[] = {
  "pending", "active", "suspended", "cancelled", "terminated", NULL,
};

static void
handle_services (SanPortaldRequest *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GArray) errors = g_array_new (FALSE, FALSE, sizeof (SanPortaldFieldError));
  g_autoptr(GError) error = NULL;
  SanPortaldServiceFilter filter = { NULL, NULL, 0, DEFAULT_LIMIT };
  const char *status = NULL;
  const char *q = NULL;
  const char *limit = NULL;
  const char *cursor = NULL;

  if (req->query != NULL)
    {
      status = g_hash_table_lookup (req->query, "status");
      q = g_hash_table_lookup (req->query, "q");
      limit = g_hash_table_lookup (req->query, "limit");
      cursor = g_hash_table_lookup (req->query, "cursor");
    }

  if (status != NULL)
    {
      if (g_strv_contains (service_statuses, status))
        filter.status = status;
      else
        san_portald_add_field_error (errors, "status", "invalid",
                         "Must be one of pending, active, suspended, cancelled, terminated");
    }

  if (q != NULL)
    {
      if (!g_utf8_validate (q, -1, NULL))
        san_portald_add_field_error (errors, "q", "invalid", "Must be UTF-8 text");
      else if (g_utf8_strlen (q, -1) > MAX_QUERY_CHARS)
        san_portald_add_field_error (errors, "q", "too_long", "Must be at most 100 characters");
      else
        filter.query = q;
    }

  if (limit != NULL)
    san_portald_parse_limit (limit, &filter.limit, errors);

  if (cursor != NULL && !san_portald_parse_cursor (cursor, &filter.after_id))
    san_portald_add_field_error (errors, "cursor", "invalid",
                     "Not a cursor this server gave: start again from the first page");

  if (errors->len > 0)
    {
      san_portald_send_validation_failed (req, errors);
      return;
    }

  if (!san_portald_db_build_services (req->db, req->contract_id, &filter, san_portald_make_cursor,
                                      builder, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  san_portald_send_json (req, SOUP_STATUS_OK, builder);
}

static void
handle_service (SanPortaldRequest *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;
  gboolean found = FALSE;
  guint64 id = 0;

  if (g_ascii_isdigit (req->sid[0]) &&
      g_ascii_string_to_unsigned (req->sid, 10, 1, G_MAXINT64, &id, NULL) &&
      !san_portald_db_build_service (req->db, req->contract_id, (gint64) id, builder,
                                     &found, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }

  if (!found)
    {
      san_portald_send_problem (req, SOUP_STATUS_NOT_FOUND, "not_found", "There is no such service in this contract");
      return;
    }
  san_portald_send_json (req, SOUP_STATUS_OK, builder);
}

/* SoupServer glue */

/* The body limit of the route @method @path would take */
static gsize
max_body_for (SanPortaldServer *self,
              const char       *method,
              const char       *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  SanPortaldRequest req = { self, self->db, NULL, NULL };
  gsize max_body = SAN_PORTALD_MAX_BODY;

  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    if (g_strcmp0 (routes[i].method, method) == 0 &&
        (!routes[i].demo_only || self->demo) &&
        (!routes[i].admin || self->admin_enabled) &&
        match_pattern (&req, routes[i].pattern, parts))
      {
        if (routes[i].max_body > 0)
          max_body = routes[i].max_body;
        break;
      }
  clear_params (&req);
  return max_body;
}

gsize
san_portald_request_get_max_body (SanPortaldRequest *req)
{
  return req->route != NULL && req->route->max_body > 0 ? req->route->max_body
                                                         : SAN_PORTALD_MAX_BODY;
}

static void
on_early_request_cb (SoupServer        *soup,
                     SoupServerMessage *msg,
                     const char        *path,
                     GHashTable        *query,
                     gpointer           user_data)
{
  SanPortaldServer *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  gsize max_body = max_body_for (self, soup_server_message_get_method (msg), path);

  /* refuse big bodies before reading them */
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > (goffset) max_body)
    {
      SanPortaldRequest req = { self, self->db, msg, query };
      g_autofree char *detail = g_strdup_printf ("The request body is larger than %" G_GSIZE_FORMAT " bytes",
                                                 max_body);

      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Connection", "close");
      san_portald_send_problem (&req, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "payload_too_large",
                                detail);
    }
}

static void
on_request_cb (SoupServer        *soup,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  SanPortaldServer *self = user_data;
  SanPortaldRequest req = { self, self->db, msg, query };

  route_request (&req, path);
  clear_params (&req);
}

static void
on_request_started_cb (SoupServer        *soup,
                       SoupServerMessage *msg,
                       gpointer           user_data)
{
  gint64 *start = g_new (gint64, 1);

  *start = g_get_monotonic_time ();
  g_object_set_qdata_full (G_OBJECT (msg), start_time_quark, start, g_free);
}

static void
on_request_finished_cb (SoupServer        *soup,
                        SoupServerMessage *msg,
                        gpointer           user_data)
{
  const gint64 *start = g_object_get_qdata (G_OBJECT (msg), start_time_quark);
  GUri *uri = soup_server_message_get_uri (msg);
  const char *method = soup_server_message_get_method (msg);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  double ms = start != NULL ? (g_get_monotonic_time () - *start) / 1000.0 : 0.0;

  /* method, path (never the query), status and duration: nothing else */
  fprintf (stderr, "%s %s %s %u %.1fms\n", stamp,
           method != NULL ? method : "-",
           uri != NULL ? g_uri_get_path (uri) : "-",
           soup_server_message_get_status (msg), ms);
  fflush (stderr);
}

static gboolean
on_prune_cb (gpointer user_data)
{
  SanPortaldServer *self = user_data;
  gint64 now_us = g_get_monotonic_time ();

  san_portald_rate_limiter_prune (self->account_failures, now_us);
  san_portald_rate_limiter_prune (self->address_failures, now_us);
  return G_SOURCE_CONTINUE;
}

SanPortaldServer *
san_portald_server_new (SanPortaldDb *db,
                        guint         access_ttl_s,
                        guint         refresh_ttl_s)
{
  SanPortaldServer *self;

  g_return_val_if_fail (db != NULL, NULL);

  /* the table is the authorization policy: a contract-scoped route must
   * name a contract permission, a staff route the permission "staff" and
   * nothing else may name one (authorize () would not look at it) */
  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      const SanPortaldRoute *route = &routes[i];
      gboolean under_staff = g_str_has_prefix (route->pattern, SAN_PORTALD_STAFF_PREFIX);

      if (route_is_contract_scoped (route) &&
          (route->public || !san_portald_permission_is_known (route->permission)))
        g_error ("Route %s %s is contract-scoped: it must name a permission and not be public",
                 route->method, route->pattern);
      if (under_staff != route_is_staff (route) || (under_staff && route->public))
        g_error ("Route %s %s: the permission \"staff\" goes with the routes under %s, and they are not public",
                 route->method, route->pattern, SAN_PORTALD_STAFF_PREFIX);
      if (route->admin != (g_str_has_prefix (route->pattern, SAN_PORTALD_ADMIN_PREFIX)) ||
          (route->admin && (!route->public || route->permission != NULL)))
        g_error ("Route %s %s: the admin routes are the ones under %s; the router checks their token",
                 route->method, route->pattern, SAN_PORTALD_ADMIN_PREFIX);
      if (!route_is_contract_scoped (route) && !under_staff && route->permission != NULL)
        g_error ("Route %s %s names a permission but is neither contract-scoped nor a staff route",
                 route->method, route->pattern);
    }

  if (start_time_quark == 0)
    start_time_quark = g_quark_from_static_string ("san-portald-start-time");

  self = g_new0 (SanPortaldServer, 1);
  self->db = db;
  self->access_ttl_ms = (gint64) access_ttl_s * 1000;
  self->refresh_ttl_ms = (gint64) refresh_ttl_s * 1000;
  self->account_failures = san_portald_rate_limiter_new (SAN_PORTALD_ACCOUNT_MAX_FAILURES,
                                                         SAN_PORTALD_FAILURE_WINDOW_S * G_USEC_PER_SEC);
  self->address_failures = san_portald_rate_limiter_new (SAN_PORTALD_ADDRESS_MAX_FAILURES,
                                                         SAN_PORTALD_FAILURE_WINDOW_S * G_USEC_PER_SEC);
  self->account_pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->address_pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_queue_init (&self->waiting);
  self->max_hash_running = CLAMP (g_get_num_processors (), 1, MAX_HASH_RUNNING);
  self->max_hash_waiting = DEFAULT_HASH_WAITING;
  self->cancellable = g_cancellable_new ();
  g_date_clear (&self->today, 1);
  self->context = g_main_context_ref_thread_default ();
  /* made now, so the first unknown e-mail takes no longer than the others */
  (void) san_portald_password_dummy_hash ();

  self->soup = soup_server_new ("server-header", "san-portald/" PACKAGE_VERSION, NULL);

  soup_server_add_early_handler (self->soup, NULL, on_early_request_cb, self, NULL);
  soup_server_add_handler (self->soup, NULL, on_request_cb, self, NULL);
  g_signal_connect (self->soup, "request-started", G_CALLBACK (on_request_started_cb), self);
  g_signal_connect (self->soup, "request-finished", G_CALLBACK (on_request_finished_cb), self);
  self->prune_id = g_timeout_add_seconds (60, on_prune_cb, self);

  self->events = san_portald_events_new (self, db);
  san_portald_events_attach (self->events, self->soup);

  return self;
}

void
san_portald_server_stop (SanPortaldServer *self)
{
  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
}

void
san_portald_server_set_hash_limits (SanPortaldServer *self,
                                    guint             max_running,
                                    guint             max_waiting)
{
  g_return_if_fail (max_running > 0);

  self->max_hash_running = max_running;
  self->max_hash_waiting = max_waiting;
  start_waiting_jobs (self);
}

void
san_portald_server_get_sign_ins (SanPortaldServer *self,
                                 guint            *out_running,
                                 guint            *out_waiting)
{
  if (out_running != NULL)
    *out_running = self->hash_running;
  if (out_waiting != NULL)
    *out_waiting = g_queue_get_length (&self->waiting);
}

void
san_portald_server_free (SanPortaldServer *self)
{
  LoginJob *job;

  if (self == NULL)
    return;
  self->stopping = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->prune_id, g_source_remove);
  if (self->soup != NULL)
    {
      soup_server_disconnect (self->soup);
      g_signal_handlers_disconnect_by_data (self->soup, self);
    }

  /* sign-ins waiting for a worker: their connections are closed */
  while ((job = g_queue_pop_head (&self->waiting)) != NULL)
    login_job_free (job);
  /* an argon2id check can't be interrupted, but takes a fraction of a
   * second: wait for the running ones, so no task is leaked and no
   * callback outlives the server */
  while (self->hash_running > 0)
    g_main_context_iteration (self->context, TRUE);

  g_clear_pointer (&self->events, san_portald_events_free);
  g_clear_object (&self->soup);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->account_pending, g_hash_table_unref);
  g_clear_pointer (&self->address_pending, g_hash_table_unref);
  g_clear_pointer (&self->account_failures, san_portald_rate_limiter_free);
  g_clear_pointer (&self->address_failures, san_portald_rate_limiter_free);
  g_free (self);
}

char *
san_portald_server_listen (SanPortaldServer    *self,
                           GInetSocketAddress  *address,
                           GTlsCertificate     *certificate,
                           GError             **error)
{
  g_autoslist(GUri) uris = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GSocket) socket = NULL;
  SoupServerListenOptions options = 0;

  if (certificate != NULL)
    {
      soup_server_set_tls_certificate (self->soup, certificate);
      options |= SOUP_SERVER_LISTEN_HTTPS;
    }

  /* our own socket, for a listen backlog above GLib's 10: hundreds of
   * event-stream clients reconnecting at once after a network blip would
   * otherwise wait for SYN retransmissions (1 s, 3 s, 7 s...) */
  socket = g_socket_new (g_socket_address_get_family (G_SOCKET_ADDRESS (address)),
                         G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, error);
  if (socket == NULL)
    return NULL;
  g_socket_set_listen_backlog (socket, LISTEN_BACKLOG);
  if (!g_socket_bind (socket, G_SOCKET_ADDRESS (address), TRUE, error) ||
      !g_socket_listen (socket, error) ||
      !soup_server_listen_socket (self->soup, socket, options, error))
    return NULL;

  uris = soup_server_get_uris (self->soup);
  if (uris == NULL)
    {
      g_set_error (error, SAN_PORTALD_ERROR, SAN_PORTALD_ERROR_FAILED, "The server is not listening");
      return NULL;
    }

  text = g_uri_to_string (uris->data);
  if (g_str_has_suffix (text, "/"))
    text[strlen (text) - 1] = '\0';
  return g_steal_pointer (&text);
}

void
san_portald_server_set_demo (SanPortaldServer *self,
                             gboolean          demo,
                             guint             pix_settle_after_s)
{
  self->demo = demo;
  self->pix_settle_after_s = pix_settle_after_s;
}

void
san_portald_server_set_today (SanPortaldServer *self,
                              const GDate      *today)
{
  if (today != NULL && g_date_valid (today))
    self->today = *today;
  else
    g_date_clear (&self->today, 1);
}

SanPortaldEvents *
san_portald_server_get_events (SanPortaldServer *self)
{
  return self->events;
}

SanPortaldEvents *
san_portald_request_get_events (SanPortaldRequest *req)
{
  return req->server->events;
}

void
san_portald_server_set_admin_token (SanPortaldServer *self,
                                    const char       *token)
{
  if (token == NULL)
    {
      self->admin_enabled = FALSE;
      sodium_memzero (self->admin_token_hash, sizeof self->admin_token_hash);
      return;
    }
  crypto_hash_sha256 (self->admin_token_hash, (const guint8 *) token, strlen (token));
  self->admin_enabled = TRUE;
}
