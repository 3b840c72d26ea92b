/* san-audit-entry.h: one record of the staff audit log (a staff read of a
 * contract's data)
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SAN_TYPE_AUDIT_ENTRY (san_audit_entry_get_type ())
G_DECLARE_FINAL_TYPE (SanAuditEntry, san_audit_entry, SAN, AUDIT_ENTRY, GObject)

/* Properties (read-only): "id", "user-id", "user-email",
 * "user-display-name", "contract-id", "contract-name", "method", "path"
 * (strings), "at" (GDateTime). Values are owned by the entry. */

const char *san_audit_entry_get_id                (SanAuditEntry *self);
/* The staff user who read */
const char *san_audit_entry_get_user_id           (SanAuditEntry *self);
const char *san_audit_entry_get_user_email        (SanAuditEntry *self);
/* May be empty */
const char *san_audit_entry_get_user_display_name (SanAuditEntry *self);
/* The contract read; NULL (both) when the server recorded none */
const char *san_audit_entry_get_contract_id       (SanAuditEntry *self);
const char *san_audit_entry_get_contract_name     (SanAuditEntry *self);
/* "GET" */
const char *san_audit_entry_get_method            (SanAuditEntry *self);
/* "/api/v1/contracts/3/invoices" (no query) */
const char *san_audit_entry_get_path              (SanAuditEntry *self);
/* When (UTC); never NULL */
GDateTime  *san_audit_entry_get_at                (SanAuditEntry *self);

G_END_DECLS
