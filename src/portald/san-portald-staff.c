/* san-portald-staff.c: the staff desk routes under /api/v1/staff/
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * authorize () (san-portald-server.c) lets only users with the staff role
 * reach these handlers. The queue reads every contract's tickets; a ticket,
 * a reply, a status change and an attachment are handled by the same code
 * as the customer routes (san-portald-tickets.c) in its staff view, which
 * adds internal notes and the contract's name. Each of those reaches one
 * contract's data and is recorded in the audit log first, like a staff GET
 * of a contract route (which authorize () records). The queue itself, a
 * list of subjects across contracts, is not.
 *
 * The queue is ordered by (updated_at, id), oldest activity first, and its
 * cursor is a keyset: the last ticket's activity time and id, each an
 * opaque cursor of san_portald_make_cursor (), joined by a dot. A ticket
 * whose activity moves while a client pages moves to the end: it may be
 * seen twice, and no other ticket is skipped.
 */
#define G_LOG_DOMAIN "san-portald"

#include "config.h"

#include <string.h>

#include "san-date.h"
#include "san-portald-events.h"
#include "san-portald-request.h"
#include "san-portald-staff-private.h"
#include "san-portald-staff.h"
#include "san-portald-tickets-private.h"

#define CURSOR_INVALID "Not a cursor this server gave: start again from the first page"

/* The audit log */

gboolean
san_portald_staff_audit (SanPortaldRequest *req,
                         gint64             contract_id)
{
  SoupServerMessage *msg = san_portald_request_get_message (req);
  GUri *uri = soup_server_message_get_uri (msg);
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (san_portald_request_clock_ms (req) / 1000);
  g_autofree char *at = san_datetime_to_rfc3339 (now);
  g_autoptr(GError) error = NULL;

  if (!san_portald_staff_db_add_audit (san_portald_request_get_db (req), san_portald_request_get_user_id (req),
                                       contract_id, soup_server_message_get_method (msg),
                                       uri != NULL ? g_uri_get_path (uri) : "", at, &error))
    {
      san_portald_send_internal_error (req, error);
      return FALSE;
    }
  return TRUE;
}

/* The queue */

/* An id parameter: a positive decimal number */
static gboolean
parse_id (const char *text,
          gint64     *out_id)
{
  guint64 id = 0;

  if (!g_ascii_isdigit (text[0]) || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &id, NULL))
    return FALSE;
  *out_id = (gint64) id;
  return TRUE;
}

static char *
make_queue_cursor (const SanPortaldTicket *last)
{
  g_autoptr(GDateTime) updated = san_datetime_parse_rfc3339 (last->updated_at);
  g_autofree char *time_part = san_portald_make_cursor (updated != NULL ? g_date_time_to_unix (updated) : 1);
  g_autofree char *id_part = san_portald_make_cursor (last->id);

  return g_strconcat (time_part, ".", id_part, NULL);
}

/* FALSE for anything make_queue_cursor () could not have made */
static gboolean
parse_queue_cursor (const char  *cursor,
                    char       **out_updated_at,
                    gint64      *out_id)
{
  g_auto(GStrv) parts = g_strsplit (cursor, ".", -1);
  g_autoptr(GDateTime) updated = NULL;
  gint64 seconds;

  if (g_strv_length (parts) != 2 ||
      !san_portald_parse_cursor (parts[0], &seconds) ||
      !san_portald_parse_cursor (parts[1], out_id) ||
      (updated = g_date_time_new_from_unix_utc (seconds)) == NULL)
    return FALSE;
  *out_updated_at = san_datetime_to_rfc3339 (updated);
  return TRUE;
}

void
san_portald_handle_staff_tickets (SanPortaldRequest *req)
{
  SanPortaldDb *db = san_portald_request_get_db (req);
  g_autoptr(GArray) errors = g_array_new (FALSE, FALSE, sizeof (SanPortaldFieldError));
  g_autoptr(GPtrArray) tickets = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *after_updated_at = NULL;
  g_autofree char *next = NULL;
  const char *department = san_portald_request_get_query (req, "department");
  const char *priority = san_portald_request_get_query (req, "priority");
  const char *waiting = san_portald_request_get_query (req, "waiting");
  const char *limit = san_portald_request_get_query (req, "limit");
  const char *cursor = san_portald_request_get_query (req, "cursor");
  SanPortaldStaffTicketFilter filter = { 0, NULL, NULL, NULL, NULL, 0, NULL, SAN_PORTALD_DEFAULT_LIMIT };
  gint64 total = 0;

  if (department != NULL)
    {
      g_autofree char *name = NULL;
      gint64 id = 0;

      if (!parse_id (department, &id))
        san_portald_add_field_error (errors, "department", "invalid", "Must be a department id");
      else if (!san_portald_tickets_db_get_department (db, id, &name, &error))
        {
          san_portald_send_internal_error (req, error);
          return;
        }
      else if (name == NULL)
        san_portald_add_field_error (errors, "department", "invalid", "There is no such department");
      else
        filter.department_id = id;
    }
  filter.status = san_portald_tickets_read_status_filter (san_portald_request_get_query (req, "status"), errors);
  if (priority != NULL)
    {
      if (san_portald_tickets_is_priority (priority))
        filter.priority = priority;
      else
        san_portald_add_field_error (errors, "priority", "invalid", "Must be one of low, medium, high");
    }
  if (waiting != NULL)
    {
      if (g_str_equal (waiting, "us") || g_str_equal (waiting, "customer"))
        filter.waiting = waiting;
      else
        san_portald_add_field_error (errors, "waiting", "invalid", "Must be us or customer");
    }
  folded = san_portald_tickets_read_query (san_portald_request_get_query (req, "q"), errors);
  filter.folded_query = folded;
  if (limit != NULL)
    san_portald_parse_limit (limit, &filter.limit, errors);
  if (cursor != NULL)
    {
      if (parse_queue_cursor (cursor, &after_updated_at, &filter.after_id))
        filter.after_updated_at = after_updated_at;
      else
        san_portald_add_field_error (errors, "cursor", "invalid", CURSOR_INVALID);
    }
  if (errors->len > 0)
    {
      san_portald_send_validation_failed (req, errors);
      return;
    }

  if (!san_portald_tickets_db_list_staff_tickets (db, &filter, &tickets, &total, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  if (tickets->len > filter.limit)
    next = make_queue_cursor (g_ptr_array_index (tickets, filter.limit - 1));
  san_portald_tickets_send_page (req, tickets, filter.limit, total, next, SAN_PORTALD_TICKET_VIEW_STAFF);
}

/* One ticket */

/* The {tid} ticket of any contract, the access recorded; FALSE after answering */
static gboolean
load_ticket (SanPortaldRequest  *req,
             SanPortaldTicket  **out_ticket)
{
  if (!san_portald_tickets_load (req, SAN_PORTALD_TICKET_VIEW_STAFF, out_ticket))
    return FALSE;
  if (!san_portald_staff_audit (req, (*out_ticket)->contract_id))
    {
      g_clear_pointer (out_ticket, san_portald_ticket_free);
      return FALSE;
    }
  return TRUE;
}

void
san_portald_handle_staff_ticket (SanPortaldRequest *req)
{
  g_autoptr(SanPortaldTicket) ticket = NULL;

  if (load_ticket (req, &ticket))
    san_portald_tickets_send_detail (req, SOUP_STATUS_OK, ticket->id, SAN_PORTALD_TICKET_VIEW_STAFF);
}

/* The live "ticket_answered" notification, when the staff message just
 * stored (and committed) was a reply the customer sees, not an internal
 * note: the thread as the customer sees it grew, and ends with SAN */
static void
notify_answered (SanPortaldRequest      *req,
                 const SanPortaldTicket *ticket,
                 gint64                  visible_before)
{
  SanPortaldDb *db = san_portald_request_get_db (req);
  g_autoptr(SanPortaldTicket) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;

  if (!san_portald_tickets_db_get_ticket (db, ticket->contract_id, ticket->id, &after, &error))
    {
      g_warning ("Could not notify a ticket's answer: %s", error->message);
      return;
    }
  if (after == NULL || after->message_count <= visible_before ||
      g_strcmp0 (after->last_message_author, "staff") != 0)
    return;
  id = g_strdup_printf ("%" G_GINT64_FORMAT, after->id);
  title = g_strdup_printf ("Nova resposta no chamado %s", after->number);
  body = g_strdup_printf ("A equipe da SAN Internet respondeu ao seu chamado “%s”.", after->subject);
  san_portald_events_notify_when_done (san_portald_request_get_events (req), db, after->contract_id,
                                       "tickets", "ticket_answered", title, body, "ticket", id,
                                       after->subject);
}

void
san_portald_handle_staff_ticket_reply (SanPortaldRequest *req)
{
  SoupServerMessage *msg = san_portald_request_get_message (req);
  g_autoptr(SanPortaldTicket) ticket = NULL;
  g_autoptr(SanPortaldTicket) visible = NULL;
  g_autoptr(GError) error = NULL;

  if (!load_ticket (req, &ticket))
    return;
  /* the thread as the customer sees it, to tell a reply from a note after */
  if (!san_portald_tickets_db_get_ticket (san_portald_request_get_db (req), ticket->contract_id, ticket->id,
                                          &visible, &error) || visible == NULL)
    {
      if (error == NULL)
        g_set_error (&error, SAN_PORTALD_ERROR, SAN_PORTALD_ERROR_DATABASE, "A ticket vanished");
      san_portald_send_internal_error (req, error);
      return;
    }
  san_portald_tickets_post_message (req, ticket, SAN_PORTALD_TICKET_VIEW_STAFF);
  if (soup_server_message_get_status (msg) == SOUP_STATUS_CREATED)
    notify_answered (req, ticket, visible->message_count);
}

void
san_portald_handle_staff_ticket_status (SanPortaldRequest *req)
{
  g_autoptr(GArray) errors = g_array_new (FALSE, FALSE, sizeof (SanPortaldFieldError));
  g_autoptr(SanPortaldTicket) ticket = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *body;
  const char *status;

  if (!load_ticket (req, &ticket))
    return;
  if ((body = san_portald_read_json_object (req, &parser)) == NULL)
    return;
  status = san_portald_require_string (body, "status", errors);
  if (status != NULL && !san_portald_tickets_is_status (status))
    san_portald_add_field_error (errors, "status", "invalid",
                                 "Must be one of open, answered, customer_reply, on_hold, in_progress, closed");
  if (errors->len > 0)
    {
      san_portald_send_validation_failed (req, errors);
      return;
    }

  /* the same status again changes nothing and e-mails nobody */
  if (g_str_equal (status, ticket->status))
    san_portald_tickets_send_detail (req, SOUP_STATUS_OK, ticket->id, SAN_PORTALD_TICKET_VIEW_STAFF);
  else
    san_portald_tickets_change_status (req, ticket, status, SAN_PORTALD_TICKET_VIEW_STAFF);
}

void
san_portald_handle_staff_attachment (SanPortaldRequest *req)
{
  g_auto(SanPortaldAttachmentFile) file = { 0, };

  if (san_portald_tickets_find_attachment (req, SAN_PORTALD_TICKET_VIEW_STAFF, &file) &&
      san_portald_staff_audit (req, file.contract_id))
    san_portald_tickets_send_attachment (req, &file);
}

/* The audit log */

void
san_portald_handle_staff_audit (SanPortaldRequest *req)
{
  g_autoptr(GArray) errors = g_array_new (FALSE, FALSE, sizeof (SanPortaldFieldError));
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;
  const char *contract = san_portald_request_get_query (req, "contract_id");
  const char *limit = san_portald_request_get_query (req, "limit");
  const char *cursor = san_portald_request_get_query (req, "cursor");
  SanPortaldAuditFilter filter = { 0, 0, SAN_PORTALD_DEFAULT_LIMIT };

  if (contract != NULL && !parse_id (contract, &filter.contract_id))
    san_portald_add_field_error (errors, "contract_id", "invalid", "Must be a contract id");
  if (limit != NULL)
    san_portald_parse_limit (limit, &filter.limit, errors);
  if (cursor != NULL && !san_portald_parse_cursor (cursor, &filter.before_id))
    san_portald_add_field_error (errors, "cursor", "invalid", CURSOR_INVALID);
  if (errors->len > 0)
    {
      san_portald_send_validation_failed (req, errors);
      return;
    }

  if (!san_portald_staff_db_build_audit (san_portald_request_get_db (req), &filter, san_portald_make_cursor,
                                         builder, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  san_portald_send_json (req, SOUP_STATUS_OK, builder);
}
