/* san-portald-staff-private.h: the staff audit log's rows and queries (san-portald-staff-db.c)
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For san-portald-staff.c only. Every staff access to a contract's data
 * (a GET of a contract route, a ticket or attachment of the staff desk) is
 * one row: who, which contract, the method and the path (never the query),
 * and when (RFC 3339 UTC, the server's clock).
 */
#pragma once

#include <json-glib/json-glib.h>

#include "san-portald-db.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  contract_id;   /* 0: every contract */
  gint64  before_id;     /* cursor: the last entry of the previous page, 0: none */
  guint   limit;
} SanPortaldAuditFilter;

/* Records one access; FALSE with @error */
gboolean san_portald_staff_db_add_audit   (SanPortaldDb                 *db,
                                           gint64                        user_id,
                                           gint64                        contract_id,
                                           const char                   *method,
                                           const char                   *path,
                                           const char                   *at,
                                           GError                      **error);

/* Builds the page {"items", "total", "next_cursor"} into @builder, newest
 * first; the cursor is made from the page's last id with @make_cursor */
gboolean san_portald_staff_db_build_audit (SanPortaldDb                 *db,
                                           const SanPortaldAuditFilter  *filter,
                                           char                       *(*make_cursor) (gint64 last_id),
                                           JsonBuilder                  *builder,
                                           GError                      **error);

G_END_DECLS
