/* san-client-status.h: SanClient calls for live status
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "san-client.h"
#include "san-status.h"

G_BEGIN_DECLS

/* GET /api/v1/status: every instance and the recent incidents (no sign-in
 * needed) */
void       san_client_get_status_async           (SanClient           *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
SanStatus *san_client_get_status_finish          (SanClient           *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);
/* GET /api/v1/contracts/{cid}/status: the contract's view (permission
 * "services") */
void       san_client_get_contract_status_async  (SanClient           *self,
                                                  const char          *contract_id,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
SanStatus *san_client_get_contract_status_finish (SanClient           *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

G_END_DECLS
