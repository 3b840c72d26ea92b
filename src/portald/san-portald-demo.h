/* san-portald-demo.h: the --demo data set
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "san-portald-db.h"

G_BEGIN_DECLS

/* Seeds the demo users, contracts, instances and services when the database
 * has no users yet (so restarting with --demo changes nothing). Dates are
 * relative to @today. *@out_seeded says whether anything was written. */
gboolean san_portald_demo_seed (SanPortaldDb  *db,
                                const GDate   *today,
                                gboolean      *out_seeded,
                                GError       **error);

G_END_DECLS
