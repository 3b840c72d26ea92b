/* san-portald-db-private.h: for the san-portald-*-db.c files only
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same rules as san-portald-db.c: constant SQL with bound parameters,
 * never a value formatted into SQL.
 */
#pragma once

#include <sqlite3.h>

#include "san-portald-db.h"

G_BEGIN_DECLS

/* The migrations of other files (entries of the numbered list in san-portald-db.c).
 * Each ends with its own "PRAGMA user_version = N;". */
extern const char san_portald_billing_schema[];
extern const char san_portald_paymethods_schema[];
extern const char san_portald_tickets_schema[];
extern const char san_portald_support_schema[];
extern const char san_portald_staff_schema[];

sqlite3      *san_portald_db_get_handle  (SanPortaldDb  *db);
/* Sets a SAN_PORTALD_ERROR_DATABASE error "@what: <sqlite message>"; returns FALSE */
gboolean      san_portald_db_set_error   (SanPortaldDb  *db,
                                          GError       **error,
                                          const char    *what);
/* A cached prepared statement for the constant @sql. Release it with
 * g_autoptr(SanPortaldStmt) (reset + clear bindings) when done. */
sqlite3_stmt *san_portald_db_prepare     (SanPortaldDb  *db,
                                          const char    *sql,
                                          GError       **error);
/* Steps a statement that returns no rows */
gboolean      san_portald_db_step_done   (SanPortaldDb  *db,
                                          sqlite3_stmt  *stmt,
                                          GError       **error);
/* Never NULL ("" for NULL) */
const char   *san_portald_db_column_text (sqlite3_stmt  *stmt,
                                          int            column);

/* Binds @text, or NULL when @text is NULL */
static inline void
san_portald_db_bind_text_or_null (sqlite3_stmt *stmt,
                                  int           index,
                                  const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

typedef sqlite3_stmt SanPortaldStmt;

static inline void
san_portald_stmt_release (SanPortaldStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SanPortaldStmt, san_portald_stmt_release)

G_END_DECLS
