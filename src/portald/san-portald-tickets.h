/* san-portald-tickets.h: support tickets, their messages and attachments
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "san-portald-db.h"
#include "san-portald-server.h"

G_BEGIN_DECLS

void san_portald_handle_departments    (SanPortaldRequest *req);
void san_portald_handle_tickets        (SanPortaldRequest *req);
void san_portald_handle_ticket_create  (SanPortaldRequest *req);
void san_portald_handle_ticket         (SanPortaldRequest *req);
void san_portald_handle_ticket_reply   (SanPortaldRequest *req);
void san_portald_handle_ticket_close   (SanPortaldRequest *req);
void san_portald_handle_attachment     (SanPortaldRequest *req);

/* Where attachments are stored, named by the SHA-256 of their content
 * (outside the database). Set once at startup; created when missing. */
gboolean san_portald_tickets_set_storage_dir (const char  *dir,
                                              GError     **error);

/* Seeds the demo departments' tickets, threads and attachments */
gboolean san_portald_tickets_seed_demo       (SanPortaldDb  *db,
                                              const GDate   *today,
                                              GError       **error);

G_END_DECLS
