/* san-bank-account-private.h: building a SanBankAccount from the wire
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "san-bank-account.h"

G_BEGIN_DECLS

SanBankAccount *san_bank_account_new_from_json (JsonObject  *object,
                                                GError     **error);

G_END_DECLS
