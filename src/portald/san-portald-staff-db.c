/* san-portald-staff-db.c: user roles and the staff audit log (migration 6)
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Constant SQL with bound parameters only. The audit log is append-only:
 * nothing here updates or deletes an entry, and its foreign keys keep a
 * user or a contract with entries from being deleted.
 */
#define G_LOG_DOMAIN "san-portald"

#include "config.h"

#include "san-portald-db-private.h"
#include "san-portald-json.h"
#include "san-portald-staff-private.h"

/* Migration 6 */
const char san_portald_staff_schema[] =
  "ALTER TABLE users ADD COLUMN role TEXT NOT NULL DEFAULT 'customer'"
  "  CHECK (role IN ('customer', 'staff'));"
  "CREATE TABLE staff_audit ("
  "  id          INTEGER PRIMARY KEY,"
  "  user_id     INTEGER NOT NULL REFERENCES users (id),"
  "  contract_id INTEGER NOT NULL REFERENCES contracts (id),"
  "  method      TEXT NOT NULL,"
  "  path        TEXT NOT NULL,"
  "  at          TEXT NOT NULL"
  ");"
  "CREATE INDEX staff_audit_contract ON staff_audit (contract_id, id);"
  "CREATE INDEX staff_audit_user ON staff_audit (user_id, id);"
  /* the staff queue walks every contract's tickets by activity */
  "CREATE INDEX tickets_activity ON tickets (updated_at, id);"
  "PRAGMA user_version = 6;";

gboolean
san_portald_staff_db_add_audit (SanPortaldDb  *db,
                                gint64         user_id,
                                gint64         contract_id,
                                const char    *method,
                                const char    *path,
                                const char    *at,
                                GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt =
    san_portald_db_prepare (db,
                            "INSERT INTO staff_audit (user_id, contract_id, method, path, at)"
                            " VALUES (?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int64 (stmt, 2, contract_id);
  sqlite3_bind_text (stmt, 3, method, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, path, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, at, -1, SQLITE_TRANSIENT);
  return san_portald_db_step_done (db, stmt, error);
}

/* ?1 contract (NULL: any) */
#define AUDIT_FILTER " WHERE (?1 IS NULL OR a.contract_id = ?1)"

static void
bind_audit_filter (sqlite3_stmt                *stmt,
                   const SanPortaldAuditFilter *filter)
{
  if (filter->contract_id > 0)
    sqlite3_bind_int64 (stmt, 1, filter->contract_id);
  else
    sqlite3_bind_null (stmt, 1);
}

gboolean
san_portald_staff_db_build_audit (SanPortaldDb                 *db,
                                  const SanPortaldAuditFilter  *filter,
                                  char                       *(*make_cursor) (gint64 last_id),
                                  JsonBuilder                  *builder,
                                  GError                      **error)
{
  gint64 total;
  gint64 last_id = 0;
  guint n = 0;
  gboolean more = FALSE;
  int rc;

  {
    g_autoptr(SanPortaldStmt) stmt =
      san_portald_db_prepare (db, "SELECT count (*) FROM staff_audit a" AUDIT_FILTER, error);

    if (stmt == NULL)
      return FALSE;
    bind_audit_filter (stmt, filter);
    if (sqlite3_step (stmt) != SQLITE_ROW)
      return san_portald_db_set_error (db, error, "Could not count the audit log");
    total = sqlite3_column_int64 (stmt, 0);
  }

  {
    g_autoptr(SanPortaldStmt) stmt =
      san_portald_db_prepare (db,
                              "SELECT a.id, u.id, u.email, u.display_name, c.id, c.name, a.method, a.path, a.at"
                              "  FROM staff_audit a JOIN users u ON u.id = a.user_id"
                              "  JOIN contracts c ON c.id = a.contract_id"
                              AUDIT_FILTER " AND (?2 = 0 OR a.id < ?2)"
                              " ORDER BY a.id DESC LIMIT ?3", error);

    if (stmt == NULL)
      return FALSE;
    bind_audit_filter (stmt, filter);
    sqlite3_bind_int64 (stmt, 2, filter->before_id);
    sqlite3_bind_int64 (stmt, 3, (gint64) filter->limit + 1);

    json_builder_begin_object (builder);
    json_builder_set_member_name (builder, "items");
    json_builder_begin_array (builder);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        if (n == filter->limit)
          {
            more = TRUE;
            break;
          }
        json_builder_begin_object (builder);
        san_portald_json_add_id (builder, "id", sqlite3_column_int64 (stmt, 0));
        json_builder_set_member_name (builder, "user");
        json_builder_begin_object (builder);
        san_portald_json_add_id (builder, "id", sqlite3_column_int64 (stmt, 1));
        san_portald_json_add_string (builder, "email", san_portald_db_column_text (stmt, 2));
        san_portald_json_add_string (builder, "display_name", san_portald_db_column_text (stmt, 3));
        json_builder_end_object (builder);
        json_builder_set_member_name (builder, "contract");
        json_builder_begin_object (builder);
        san_portald_json_add_id (builder, "id", sqlite3_column_int64 (stmt, 4));
        san_portald_json_add_string (builder, "name", san_portald_db_column_text (stmt, 5));
        json_builder_end_object (builder);
        san_portald_json_add_string (builder, "method", san_portald_db_column_text (stmt, 6));
        san_portald_json_add_string (builder, "path", san_portald_db_column_text (stmt, 7));
        san_portald_json_add_string (builder, "at", san_portald_db_column_text (stmt, 8));
        json_builder_end_object (builder);
        last_id = sqlite3_column_int64 (stmt, 0);
        n++;
      }
    json_builder_end_array (builder);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
      return san_portald_db_set_error (db, error, "Could not read the audit log");
  }

  san_portald_json_add_int (builder, "total", total);
  if (more)
    {
      g_autofree char *cursor = make_cursor (last_id);

      san_portald_json_add_string (builder, "next_cursor", cursor);
    }
  else
    san_portald_json_add_string (builder, "next_cursor", NULL);
  json_builder_end_object (builder);
  return TRUE;
}
