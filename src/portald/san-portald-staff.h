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

void san_portald_handle_staff_tickets         (SanPortaldRequest *req);
void san_portald_handle_staff_ticket          (SanPortaldRequest *req);
void san_portald_handle_staff_ticket_reply    (SanPortaldRequest *req);
void san_portald_handle_staff_ticket_status   (SanPortaldRequest *req);
void san_portald_handle_staff_attachment      (SanPortaldRequest *req);
void san_portald_handle_staff_audit           (SanPortaldRequest *req);

/* Seeds the demo staff user staff@example.com */
gboolean san_portald_staff_seed_demo          (SanPortaldDb  *db,
                                               GError       **error);

G_END_DECLS
