/* san-portald-support.h: e-mail history, callback requests ("Nós ligamos
 * para você") and support levels
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "san-portald-db.h"
#include "san-portald-server.h"

G_BEGIN_DECLS

void san_portald_handle_emails                   (SanPortaldRequest *req);
void san_portald_handle_email                    (SanPortaldRequest *req);
void san_portald_handle_callbacks                (SanPortaldRequest *req);
void san_portald_handle_callback_create          (SanPortaldRequest *req);
void san_portald_handle_support_levels           (SanPortaldRequest *req);
void san_portald_handle_service_support_level_put (SanPortaldRequest *req);

/* Seeds the demo contacts, e-mail history and callback requests */
gboolean san_portald_support_seed_demo           (SanPortaldDb  *db,
                                                  const GDate   *today,
                                                  GError       **error);

G_END_DECLS
