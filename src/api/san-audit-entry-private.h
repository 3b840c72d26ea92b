/* san-audit-entry-private.h: building a SanAuditEntry from the wire
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "san-audit-entry.h"

G_BEGIN_DECLS

SanAuditEntry *san_audit_entry_new_from_json (JsonObject  *object,
                                              GError     **error);

G_END_DECLS
