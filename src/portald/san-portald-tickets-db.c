/* san-portald-tickets-db.c: the tickets tables and queries
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Constant SQL with bound parameters only. Attachments' bytes live in the
 * attachments folder (named by their SHA-256); the database keeps their
 * metadata. Internal messages (staff notes) have internal = 1 and no query
 * here made for a customer ever reads them.
 */
#define G_LOG_DOMAIN "san-portald"

#include "config.h"

#include "san-portald-db-private.h"
#include "san-portald-json.h"
#include "san-portald-tickets-private.h"

/* Migration 4 */
const char san_portald_tickets_schema[] =
  "CREATE TABLE departments ("
  "  id          INTEGER PRIMARY KEY,"
  "  name        TEXT NOT NULL UNIQUE,"
  "  description TEXT NOT NULL"
  ");"
  "INSERT INTO departments (id, name, description) VALUES"
  "  (1, 'Suporte Técnico', 'Problemas com sites, e-mails, servidores e domínios'),"
  "  (2, 'Financeiro', 'Faturas, pagamentos, notas fiscais e cobranças'),"
  "  (3, 'Comercial', 'Novos serviços, upgrades e propostas');"
  "CREATE TABLE tickets ("
  "  id            INTEGER PRIMARY KEY,"
  "  contract_id   INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,"
  "  number        TEXT NOT NULL UNIQUE,"
  "  department_id INTEGER NOT NULL REFERENCES departments (id),"
  "  service_id    INTEGER REFERENCES services (id) ON DELETE SET NULL,"
  "  priority      TEXT NOT NULL CHECK (priority IN ('low', 'medium', 'high')),"
  "  subject       TEXT NOT NULL,"
  "  status        TEXT NOT NULL CHECK (status IN ('open', 'answered', 'customer_reply',"
  "                'on_hold', 'in_progress', 'closed')),"
  "  created_at    TEXT NOT NULL,"
  "  updated_at    TEXT NOT NULL"
  ");"
  "CREATE INDEX tickets_contract ON tickets (contract_id, updated_at);"
  "CREATE TABLE ticket_messages ("
  "  id             INTEGER PRIMARY KEY,"
  "  ticket_id      INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,"
  "  author_kind    TEXT NOT NULL CHECK (author_kind IN ('customer', 'staff')),"
  "  author_user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,"
  "  author_name    TEXT NOT NULL,"
  "  body           TEXT NOT NULL,"
  "  internal       INTEGER NOT NULL DEFAULT 0 CHECK (internal IN (0, 1)),"
  "  created_at     TEXT NOT NULL"
  ");"
  "CREATE INDEX ticket_messages_ticket ON ticket_messages (ticket_id, id);"
  "CREATE TABLE ticket_attachments ("
  "  id           INTEGER PRIMARY KEY,"
  "  token        TEXT NOT NULL UNIQUE,"
  "  message_id   INTEGER NOT NULL REFERENCES ticket_messages (id) ON DELETE CASCADE,"
  "  filename     TEXT NOT NULL,"
  "  content_type TEXT NOT NULL,"
  "  size         INTEGER NOT NULL CHECK (size >= 0),"
  "  sha256       TEXT NOT NULL"
  ");"
  "CREATE INDEX ticket_attachments_message ON ticket_attachments (message_id);"
  "PRAGMA user_version = 4;";

/* A ticket row: ?count_filter limits the messages counted (the customer
 * view leaves internal notes out); the last author is always of the public
 * messages, so a note never makes a ticket look answered */
#define TICKET_SELECT(count_filter) \
  "SELECT t.id, t.contract_id, t.number, t.department_id, d.name, t.service_id, t.priority," \
  " t.subject, t.status, t.created_at, t.updated_at," \
  " (SELECT m.author_kind FROM ticket_messages m WHERE m.ticket_id = t.id AND m.internal = 0" \
  "  ORDER BY m.id DESC LIMIT 1)," \
  " (SELECT COUNT(*) FROM ticket_messages m WHERE m.ticket_id = t.id" count_filter ")," \
  " c.name" \
  " FROM tickets t JOIN departments d ON d.id = t.department_id" \
  " JOIN contracts c ON c.id = t.contract_id "
#define CUSTOMER_TICKET_SELECT TICKET_SELECT (" AND m.internal = 0")
#define STAFF_TICKET_SELECT TICKET_SELECT ("")

void
san_portald_ticket_free (SanPortaldTicket *ticket)
{
  if (ticket == NULL)
    return;
  g_free (ticket->number);
  g_free (ticket->department_name);
  g_free (ticket->priority);
  g_free (ticket->subject);
  g_free (ticket->status);
  g_free (ticket->created_at);
  g_free (ticket->updated_at);
  g_free (ticket->last_message_author);
  g_free (ticket->contract_name);
  g_free (ticket);
}

void
san_portald_attachment_file_clear (SanPortaldAttachmentFile *file)
{
  g_clear_pointer (&file->filename, g_free);
  g_clear_pointer (&file->content_type, g_free);
  g_clear_pointer (&file->sha256, g_free);
  file->contract_id = 0;
}

static SanPortaldTicket *
ticket_from_row (sqlite3_stmt *stmt)
{
  SanPortaldTicket *ticket = g_new0 (SanPortaldTicket, 1);

  ticket->id = sqlite3_column_int64 (stmt, 0);
  ticket->contract_id = sqlite3_column_int64 (stmt, 1);
  ticket->number = g_strdup (san_portald_db_column_text (stmt, 2));
  ticket->department_id = sqlite3_column_int64 (stmt, 3);
  ticket->department_name = g_strdup (san_portald_db_column_text (stmt, 4));
  ticket->service_id = sqlite3_column_int64 (stmt, 5);
  ticket->priority = g_strdup (san_portald_db_column_text (stmt, 6));
  ticket->subject = g_strdup (san_portald_db_column_text (stmt, 7));
  ticket->status = g_strdup (san_portald_db_column_text (stmt, 8));
  ticket->created_at = g_strdup (san_portald_db_column_text (stmt, 9));
  ticket->updated_at = g_strdup (san_portald_db_column_text (stmt, 10));
  ticket->last_message_author = g_strdup (sqlite3_column_type (stmt, 11) == SQLITE_NULL
                                          ? "customer" : san_portald_db_column_text (stmt, 11));
  ticket->message_count = sqlite3_column_int64 (stmt, 12);
  ticket->contract_name = g_strdup (san_portald_db_column_text (stmt, 13));
  return ticket;
}

/* Departments */

gboolean
san_portald_tickets_db_build_departments (SanPortaldDb  *db,
                                          JsonBuilder   *builder,
                                          GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt =
    san_portald_db_prepare (db, "SELECT id, name, description FROM departments ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      san_portald_json_add_id (builder, "id", sqlite3_column_int64 (stmt, 0));
      san_portald_json_add_string (builder, "name", san_portald_db_column_text (stmt, 1));
      san_portald_json_add_string (builder, "description", san_portald_db_column_text (stmt, 2));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  if (rc != SQLITE_DONE)
    return san_portald_db_set_error (db, error, "Could not list the departments");
  return TRUE;
}

gboolean
san_portald_tickets_db_get_department (SanPortaldDb  *db,
                                       gint64         id,
                                       char         **out_name,
                                       GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt =
    san_portald_db_prepare (db, "SELECT name FROM departments WHERE id = ?", error);
  int rc;

  *out_name = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_name = g_strdup (san_portald_db_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    return san_portald_db_set_error (db, error, "Could not read a department");
  return TRUE;
}

gboolean
san_portald_tickets_db_department_id (SanPortaldDb  *db,
                                      const char    *name,
                                      gint64        *out_id,
                                      GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt =
    san_portald_db_prepare (db, "SELECT id FROM departments WHERE name = ?", error);
  int rc;

  *out_id = 0;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    return san_portald_db_set_error (db, error, "Could not read a department");
  return TRUE;
}

gboolean
san_portald_tickets_db_service_in_contract (SanPortaldDb  *db,
                                            gint64         contract_id,
                                            gint64         service_id,
                                            gboolean      *out_found,
                                            GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt =
    san_portald_db_prepare (db, "SELECT 1 FROM services WHERE id = ? AND contract_id = ?", error);
  int rc;

  *out_found = FALSE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, service_id);
  sqlite3_bind_int64 (stmt, 2, contract_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_found = TRUE;
  else if (rc != SQLITE_DONE)
    return san_portald_db_set_error (db, error, "Could not read a service");
  return TRUE;
}

/* Tickets */

/* Steps @stmt (bound) for at most one ticket */
static gboolean
read_one_ticket (SanPortaldDb       *db,
                 sqlite3_stmt       *stmt,
                 SanPortaldTicket  **out_ticket,
                 GError            **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    *out_ticket = ticket_from_row (stmt);
  else if (rc != SQLITE_DONE)
    return san_portald_db_set_error (db, error, "Could not read a ticket");
  return TRUE;
}

gboolean
san_portald_tickets_db_get_ticket (SanPortaldDb       *db,
                                   gint64              contract_id,
                                   gint64              ticket_id,
                                   SanPortaldTicket  **out_ticket,
                                   GError            **error)
{
  g_autoptr(SanPortaldStmt) stmt =
    san_portald_db_prepare (db, CUSTOMER_TICKET_SELECT "WHERE t.id = ? AND t.contract_id = ?", error);

  *out_ticket = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ticket_id);
  sqlite3_bind_int64 (stmt, 2, contract_id);
  return read_one_ticket (db, stmt, out_ticket, error);
}

gboolean
san_portald_tickets_db_get_staff_ticket (SanPortaldDb       *db,
                                         gint64              ticket_id,
                                         SanPortaldTicket  **out_ticket,
                                         GError            **error)
{
  g_autoptr(SanPortaldStmt) stmt =
    san_portald_db_prepare (db, STAFF_TICKET_SELECT "WHERE t.id = ?", error);

  *out_ticket = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ticket_id);
  return read_one_ticket (db, stmt, out_ticket, error);
}

/* Counts with @count (bound), then reads every row of @page (bound) */
static gboolean
read_ticket_list (SanPortaldDb   *db,
                  sqlite3_stmt   *count,
                  sqlite3_stmt   *page,
                  GPtrArray     **out_tickets,
                  gint64         *out_total,
                  GError        **error)
{
  g_autoptr(GPtrArray) tickets = g_ptr_array_new_with_free_func ((GDestroyNotify) san_portald_ticket_free);
  int rc;

  if (sqlite3_step (count) != SQLITE_ROW)
    return san_portald_db_set_error (db, error, "Could not count the tickets");
  *out_total = sqlite3_column_int64 (count, 0);
  while ((rc = sqlite3_step (page)) == SQLITE_ROW)
    g_ptr_array_add (tickets, ticket_from_row (page));
  if (rc != SQLITE_DONE)
    return san_portald_db_set_error (db, error, "Could not list the tickets");
  *out_tickets = g_steal_pointer (&tickets);
  return TRUE;
}

/* The filter, shared by the page and the count: ?1 contract, ?2 status
 * (NULL: any; 'open_any': not closed), ?3 folded query (NULL: any) */
#define TICKET_FILTER \
  "WHERE t.contract_id = ?1" \
  " AND (?2 IS NULL OR (?2 = 'open_any' AND t.status <> 'closed') OR t.status = ?2)" \
  " AND (?3 IS NULL OR instr (san_fold (t.subject), ?3) > 0" \
  "      OR EXISTS (SELECT 1 FROM ticket_messages m WHERE m.ticket_id = t.id AND m.internal = 0" \
  "                 AND instr (san_fold (m.body), ?3) > 0)) "

static void
bind_filter (sqlite3_stmt                 *stmt,
             gint64                        contract_id,
             const SanPortaldTicketFilter *filter)
{
  sqlite3_bind_int64 (stmt, 1, contract_id);
  if (filter->status != NULL)
    sqlite3_bind_text (stmt, 2, filter->status, -1, SQLITE_TRANSIENT);
  if (filter->folded_query != NULL)
    sqlite3_bind_text (stmt, 3, filter->folded_query, -1, SQLITE_TRANSIENT);
}

gboolean
san_portald_tickets_db_list_tickets (SanPortaldDb                  *db,
                                     gint64                         contract_id,
                                     const SanPortaldTicketFilter  *filter,
                                     GPtrArray                    **out_tickets,
                                     gint64                        *out_total,
                                     GError                       **error)
{
  g_autoptr(SanPortaldStmt) count =
    san_portald_db_prepare (db, "SELECT COUNT(*) FROM tickets t " TICKET_FILTER, error);
  g_autoptr(SanPortaldStmt) page = NULL;

  if (count == NULL)
    return FALSE;
  page = san_portald_db_prepare (db,
                                 CUSTOMER_TICKET_SELECT TICKET_FILTER
                                 " AND (?4 = 0 OR t.updated_at < ?5 OR (t.updated_at = ?5 AND t.id < ?4))"
                                 " ORDER BY t.updated_at DESC, t.id DESC LIMIT ?6", error);
  if (page == NULL)
    return FALSE;
  bind_filter (count, contract_id, filter);
  bind_filter (page, contract_id, filter);
  sqlite3_bind_int64 (page, 4, filter->after_id);
  sqlite3_bind_text (page, 5, filter->after_updated_at != NULL ? filter->after_updated_at : "", -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_int64 (page, 6, (gint64) filter->limit + 1);
  return read_ticket_list (db, count, page, out_tickets, out_total, error);
}

/* The staff queue's filter, shared by the page and the count: ?1
 * department, ?2 status (or 'open_any'), ?3 priority, ?4 waiting ('us':
 * open, customer_reply, in_progress; 'customer': answered, on_hold), ?5
 * folded query (number, subject, any message, internal notes too); NULL:
 * any */
#define STAFF_TICKET_FILTER \
  "WHERE (?1 IS NULL OR t.department_id = ?1)" \
  " AND (?2 IS NULL OR (?2 = 'open_any' AND t.status <> 'closed') OR t.status = ?2)" \
  " AND (?3 IS NULL OR t.priority = ?3)" \
  " AND (?4 IS NULL" \
  "      OR (?4 = 'us' AND t.status IN ('open', 'customer_reply', 'in_progress'))" \
  "      OR (?4 = 'customer' AND t.status IN ('answered', 'on_hold')))" \
  " AND (?5 IS NULL OR instr (san_fold (t.subject), ?5) > 0 OR instr (san_fold (t.number), ?5) > 0" \
  "      OR EXISTS (SELECT 1 FROM ticket_messages m WHERE m.ticket_id = t.id" \
  "                 AND instr (san_fold (m.body), ?5) > 0)) "

static void
bind_staff_filter (sqlite3_stmt                      *stmt,
                   const SanPortaldStaffTicketFilter *filter)
{
  if (filter->department_id > 0)
    sqlite3_bind_int64 (stmt, 1, filter->department_id);
  san_portald_db_bind_text_or_null (stmt, 2, filter->status);
  san_portald_db_bind_text_or_null (stmt, 3, filter->priority);
  san_portald_db_bind_text_or_null (stmt, 4, filter->waiting);
  san_portald_db_bind_text_or_null (stmt, 5, filter->folded_query);
}

gboolean
san_portald_tickets_db_list_staff_tickets (SanPortaldDb                       *db,
                                           const SanPortaldStaffTicketFilter  *filter,
                                           GPtrArray                         **out_tickets,
                                           gint64                             *out_total,
                                           GError                            **error)
{
  g_autoptr(SanPortaldStmt) count =
    san_portald_db_prepare (db, "SELECT COUNT(*) FROM tickets t " STAFF_TICKET_FILTER, error);
  g_autoptr(SanPortaldStmt) page = NULL;

  if (count == NULL)
    return FALSE;
  page = san_portald_db_prepare (db,
                                 STAFF_TICKET_SELECT STAFF_TICKET_FILTER
                                 " AND (?6 = 0 OR t.updated_at > ?7 OR (t.updated_at = ?7 AND t.id > ?6))"
                                 " ORDER BY t.updated_at, t.id LIMIT ?8", error);
  if (page == NULL)
    return FALSE;
  bind_staff_filter (count, filter);
  bind_staff_filter (page, filter);
  sqlite3_bind_int64 (page, 6, filter->after_id);
  sqlite3_bind_text (page, 7, filter->after_updated_at != NULL ? filter->after_updated_at : "", -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_int64 (page, 8, (gint64) filter->limit + 1);
  return read_ticket_list (db, count, page, out_tickets, out_total, error);
}

static gboolean
build_attachments (SanPortaldDb  *db,
                   gint64         message_id,
                   JsonBuilder   *builder,
                   GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt =
    san_portald_db_prepare (db,
                            "SELECT token, filename, content_type, size FROM ticket_attachments"
                            " WHERE message_id = ? ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, message_id);
  json_builder_set_member_name (builder, "attachments");
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      san_portald_json_add_string (builder, "id", san_portald_db_column_text (stmt, 0));
      san_portald_json_add_string (builder, "filename", san_portald_db_column_text (stmt, 1));
      san_portald_json_add_string (builder, "content_type", san_portald_db_column_text (stmt, 2));
      san_portald_json_add_int (builder, "size", sqlite3_column_int64 (stmt, 3));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (rc != SQLITE_DONE)
    return san_portald_db_set_error (db, error, "Could not list the attachments");
  return TRUE;
}

typedef struct
{
  gint64    id;
  char     *author_kind;
  char     *author_name;
  char     *body;
  gboolean  internal;
  char     *created_at;
} MessageRow;

static void
message_row_clear (gpointer data)
{
  MessageRow *row = data;

  g_free (row->author_kind);
  g_free (row->author_name);
  g_free (row->body);
  g_free (row->created_at);
}

gboolean
san_portald_tickets_db_build_messages (SanPortaldDb          *db,
                                       gint64                 ticket_id,
                                       SanPortaldTicketView   view,
                                       JsonBuilder           *builder,
                                       GError               **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (MessageRow));
  gboolean staff = view == SAN_PORTALD_TICKET_VIEW_STAFF;
  int rc;

  g_array_set_clear_func (rows, message_row_clear);
  {
    /* internal = 0: staff notes never reach a customer */
    g_autoptr(SanPortaldStmt) stmt =
      san_portald_db_prepare (db,
                              staff
                              ? "SELECT id, author_kind, author_name, body, created_at, internal"
                                " FROM ticket_messages WHERE ticket_id = ? ORDER BY created_at, id"
                              : "SELECT id, author_kind, author_name, body, created_at, internal"
                                " FROM ticket_messages WHERE ticket_id = ? AND internal = 0"
                                " ORDER BY created_at, id", error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, ticket_id);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        MessageRow row = {
          .id = sqlite3_column_int64 (stmt, 0),
          .author_kind = g_strdup (san_portald_db_column_text (stmt, 1)),
          .author_name = g_strdup (san_portald_db_column_text (stmt, 2)),
          .body = g_strdup (san_portald_db_column_text (stmt, 3)),
          .created_at = g_strdup (san_portald_db_column_text (stmt, 4)),
          .internal = sqlite3_column_int (stmt, 5) != 0,
        };

        g_array_append_val (rows, row);
      }
    if (rc != SQLITE_DONE)
      return san_portald_db_set_error (db, error, "Could not list the messages");
  }

  json_builder_set_member_name (builder, "messages");
  json_builder_begin_array (builder);
  for (guint i = 0; i < rows->len; i++)
    {
      const MessageRow *row = &g_array_index (rows, MessageRow, i);

      json_builder_begin_object (builder);
      san_portald_json_add_id (builder, "id", row->id);
      json_builder_set_member_name (builder, "author");
      json_builder_begin_object (builder);
      san_portald_json_add_string (builder, "kind", row->author_kind);
      san_portald_json_add_string (builder, "name", row->author_name);
      json_builder_end_object (builder);
      san_portald_json_add_string (builder, "body", row->body);
      san_portald_json_add_string (builder, "created_at", row->created_at);
      /* customer answers stay as they were: no "internal" at all */
      if (staff)
        {
          json_builder_set_member_name (builder, "internal");
          json_builder_add_boolean_value (builder, row->internal);
        }
      if (!build_attachments (db, row->id, builder, error))
        return FALSE;
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return TRUE;
}

gint64
san_portald_tickets_db_add_ticket (SanPortaldDb  *db,
                                   gint64         contract_id,
                                   gint64         department_id,
                                   gint64         service_id,
                                   const char    *priority,
                                   const char    *subject,
                                   const char    *status,
                                   const char    *created_at,
                                   GError       **error)
{
  g_autofree char *prefix = g_strdup_printf ("#%.4s-", created_at);
  g_autofree char *number = NULL;
  gint64 sequence;

  {
    g_autoptr(SanPortaldStmt) stmt =
      san_portald_db_prepare (db,
                              "SELECT COALESCE (MAX (CAST (substr (number, 7) AS INTEGER)), 0) + 1"
                              " FROM tickets WHERE substr (number, 1, 6) = ?", error);

    if (stmt == NULL)
      return 0;
    sqlite3_bind_text (stmt, 1, prefix, -1, SQLITE_TRANSIENT);
    if (sqlite3_step (stmt) != SQLITE_ROW)
      {
        san_portald_db_set_error (db, error, "Could not number a ticket");
        return 0;
      }
    sequence = sqlite3_column_int64 (stmt, 0);
  }
  number = g_strdup_printf ("%s%04" G_GINT64_FORMAT, prefix, sequence);
  {
    g_autoptr(SanPortaldStmt) stmt =
      san_portald_db_prepare (db,
                              "INSERT INTO tickets (contract_id, number, department_id, service_id, priority,"
                              " subject, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                              error);

    if (stmt == NULL)
      return 0;
    sqlite3_bind_int64 (stmt, 1, contract_id);
    sqlite3_bind_text (stmt, 2, number, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64 (stmt, 3, department_id);
    if (service_id > 0)
      sqlite3_bind_int64 (stmt, 4, service_id);
    sqlite3_bind_text (stmt, 5, priority, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 6, subject, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 7, status, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 8, created_at, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 9, created_at, -1, SQLITE_TRANSIENT);
    if (!san_portald_db_step_done (db, stmt, error))
      return 0;
  }
  return sqlite3_last_insert_rowid (san_portald_db_get_handle (db));
}

gint64
san_portald_tickets_db_add_message (SanPortaldDb  *db,
                                    gint64         ticket_id,
                                    const char    *author_kind,
                                    gint64         author_user_id,
                                    const char    *author_name,
                                    const char    *body,
                                    gboolean       internal,
                                    const char    *created_at,
                                    GPtrArray     *attachments,
                                    GError       **error)
{
  gint64 message_id;

  {
    g_autoptr(SanPortaldStmt) stmt =
      san_portald_db_prepare (db,
                              "INSERT INTO ticket_messages (ticket_id, author_kind, author_user_id,"
                              " author_name, body, internal, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                              error);

    if (stmt == NULL)
      return 0;
    sqlite3_bind_int64 (stmt, 1, ticket_id);
    sqlite3_bind_text (stmt, 2, author_kind, -1, SQLITE_TRANSIENT);
    if (author_user_id > 0)
      sqlite3_bind_int64 (stmt, 3, author_user_id);
    sqlite3_bind_text (stmt, 4, author_name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 5, body, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int (stmt, 6, internal ? 1 : 0);
    sqlite3_bind_text (stmt, 7, created_at, -1, SQLITE_TRANSIENT);
    if (!san_portald_db_step_done (db, stmt, error))
      return 0;
    message_id = sqlite3_last_insert_rowid (san_portald_db_get_handle (db));
  }

  for (guint i = 0; attachments != NULL && i < attachments->len; i++)
    {
      const SanPortaldNewAttachment *a = g_ptr_array_index (attachments, i);
      g_autoptr(SanPortaldStmt) stmt =
        san_portald_db_prepare (db,
                                "INSERT INTO ticket_attachments (token, message_id, filename, content_type,"
                                " size, sha256) VALUES (?, ?, ?, ?, ?, ?)", error);

      if (stmt == NULL)
        return 0;
      sqlite3_bind_text (stmt, 1, a->token, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, message_id);
      sqlite3_bind_text (stmt, 3, a->filename, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, a->content_type, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 5, a->size);
      sqlite3_bind_text (stmt, 6, a->sha256, -1, SQLITE_TRANSIENT);
      if (!san_portald_db_step_done (db, stmt, error))
        return 0;
    }

  if (!internal)
    {
      g_autoptr(SanPortaldStmt) stmt =
        san_portald_db_prepare (db, "UPDATE tickets SET updated_at = max (updated_at, ?) WHERE id = ?", error);

      if (stmt == NULL)
        return 0;
      sqlite3_bind_text (stmt, 1, created_at, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, ticket_id);
      if (!san_portald_db_step_done (db, stmt, error))
        return 0;
    }
  return message_id;
}

gboolean
san_portald_tickets_db_set_status (SanPortaldDb  *db,
                                   gint64         ticket_id,
                                   const char    *status,
                                   const char    *updated_at,
                                   GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt =
    san_portald_db_prepare (db, "UPDATE tickets SET status = ?, updated_at = max (updated_at, ?) WHERE id = ?",
                            error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, status, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, updated_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, ticket_id);
  return san_portald_db_step_done (db, stmt, error);
}

/* Attachments */

/* Steps @stmt (bound) for at most one attachment */
static gboolean
read_attachment (SanPortaldDb              *db,
                 sqlite3_stmt              *stmt,
                 gboolean                  *out_found,
                 SanPortaldAttachmentFile  *out_file,
                 GError                   **error)
{
  int rc = sqlite3_step (stmt);

  *out_found = FALSE;
  if (rc == SQLITE_ROW)
    {
      *out_found = TRUE;
      out_file->filename = g_strdup (san_portald_db_column_text (stmt, 0));
      out_file->content_type = g_strdup (san_portald_db_column_text (stmt, 1));
      out_file->sha256 = g_strdup (san_portald_db_column_text (stmt, 2));
      out_file->contract_id = sqlite3_column_int64 (stmt, 3);
    }
  else if (rc != SQLITE_DONE)
    return san_portald_db_set_error (db, error, "Could not read an attachment");
  return TRUE;
}

#define ATTACHMENT_SELECT \
  "SELECT a.filename, a.content_type, a.sha256, t.contract_id FROM ticket_attachments a" \
  " JOIN ticket_messages m ON m.id = a.message_id" \
  " JOIN tickets t ON t.id = m.ticket_id"

gboolean
san_portald_tickets_db_get_attachment (SanPortaldDb              *db,
                                       gint64                     contract_id,
                                       const char                *token,
                                       gboolean                  *out_found,
                                       SanPortaldAttachmentFile  *out_file,
                                       GError                   **error)
{
  g_autoptr(SanPortaldStmt) stmt =
    san_portald_db_prepare (db, ATTACHMENT_SELECT " WHERE a.token = ? AND t.contract_id = ? AND m.internal = 0",
                            error);

  *out_found = FALSE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, token, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, contract_id);
  return read_attachment (db, stmt, out_found, out_file, error);
}

gboolean
san_portald_tickets_db_get_staff_attachment (SanPortaldDb              *db,
                                             const char                *token,
                                             gboolean                  *out_found,
                                             SanPortaldAttachmentFile  *out_file,
                                             GError                   **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db, ATTACHMENT_SELECT " WHERE a.token = ?", error);

  *out_found = FALSE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, token, -1, SQLITE_TRANSIENT);
  return read_attachment (db, stmt, out_found, out_file, error);
}

/* The demo seed */

gboolean
san_portald_tickets_db_owned_contracts (SanPortaldDb  *db,
                                        const char    *email,
                                        GArray       **out_ids,
                                        GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(SanPortaldStmt) stmt =
    san_portald_db_prepare (db,
                            "SELECT c.id FROM contracts c JOIN users u ON u.id = c.owner_id"
                            " WHERE u.email = ? ORDER BY c.id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, email, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    return san_portald_db_set_error (db, error, "Could not list the contracts");
  *out_ids = g_steal_pointer (&ids);
  return TRUE;
}

gboolean
san_portald_tickets_db_find_service (SanPortaldDb  *db,
                                     gint64         contract_id,
                                     const char    *domain,
                                     const char    *plan,
                                     gint64        *out_id,
                                     GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt =
    san_portald_db_prepare (db,
                            "SELECT id FROM services WHERE contract_id = ? AND domain = ? AND plan = ?"
                            " ORDER BY id LIMIT 1", error);
  int rc;

  *out_id = 0;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  sqlite3_bind_text (stmt, 2, domain, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, plan, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    return san_portald_db_set_error (db, error, "Could not read a service");
  return TRUE;
}
