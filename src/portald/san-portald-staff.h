/* san-portald-staff.h: the staff desk: the ticket queue across contracts,
 * replies as SAN, statuses, internal notes and the audit log of staff reads
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "san-portald-db.h"
#include "san-portald-server.h"

G_BEGIN_DECLS

/* The routes under /api/v1/staff/ (permission "staff": authorize () lets
 * only users with the staff role in) */
#define SAN_PORTALD_STAFF_PREFIX "/api/v1/staff/"

void san_portald_handle_staff_tickets         (SanPortaldRequest *req);
void san_portald_handle_staff_ticket          (SanPortaldRequest *req);
void san_portald_handle_staff_ticket_reply    (SanPortaldRequest *req);
void san_portald_handle_staff_ticket_status   (SanPortaldRequest *req);
void san_portald_handle_staff_attachment      (SanPortaldRequest *req);
void san_portald_handle_staff_audit           (SanPortaldRequest *req);

/* Records in the audit log that the signed-in staff user reached
 * @contract_id's data with this request (method, path without the query,
 * the server's time). FALSE after answering 500. */
gboolean san_portald_staff_audit              (SanPortaldRequest *req,
                                               gint64             contract_id);

G_END_DECLS
