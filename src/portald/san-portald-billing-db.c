/* san-portald-billing-db.c: the billing tables and queries
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Constant SQL with bound parameters only.
 */
#define G_LOG_DOMAIN "san-portald"

#include "config.h"

#include "san-portald-db-private.h"

/* Migration 2 */
const char san_portald_billing_schema[] =
  "PRAGMA user_version = 2;";
