/* san-portald-staff.c: the staff desk routes under /api/v1/staff/
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "san-portald-request.h"
#include "san-portald-staff.h"

static void
not_yet (SanPortaldRequest *req)
{
  san_portald_send_problem (req, SOUP_STATUS_NOT_IMPLEMENTED, "not_implemented", "Not implemented yet");
}

void san_portald_handle_staff_tickets (SanPortaldRequest *req) { not_yet (req); }
void san_portald_handle_staff_ticket (SanPortaldRequest *req) { not_yet (req); }
void san_portald_handle_staff_ticket_reply (SanPortaldRequest *req) { not_yet (req); }
void san_portald_handle_staff_ticket_status (SanPortaldRequest *req) { not_yet (req); }
void san_portald_handle_staff_attachment (SanPortaldRequest *req) { not_yet (req); }
void san_portald_handle_staff_audit (SanPortaldRequest *req) { not_yet (req); }

gboolean
san_portald_staff_seed_demo (SanPortaldDb  *db,
                             GError       **error)
{
  return TRUE;
}
