/* san-me.h: who is signed in and the contracts they can act on (GET /me)
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "san-contract.h"
#include "san-user.h"

G_BEGIN_DECLS

#define SAN_TYPE_ME (san_me_get_type ())
G_DECLARE_FINAL_TYPE (SanMe, san_me, SAN, ME, GObject)

SanUser     *san_me_get_user          (SanMe      *self);
/* A GListModel of SanContract, in the server's order */
GListModel  *san_me_get_contracts     (SanMe      *self);
SanContract *san_me_find_contract     (SanMe      *self,
                                       const char *contract_id);

G_END_DECLS
