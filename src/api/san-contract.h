/* san-contract.h: one contract (account) the user can act on, with the
 * caller's permissions in it
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Permission words (PRODUCT.md) */
#define SAN_PERMISSION_PROFILE         "profile"
#define SAN_PERMISSION_CONTACTS        "contacts"
#define SAN_PERMISSION_SERVICES        "services"
#define SAN_PERMISSION_MANAGE_SERVICES "manage_services"
#define SAN_PERMISSION_PANEL_LOGIN     "panel_login"
#define SAN_PERMISSION_INVOICES        "invoices"
#define SAN_PERMISSION_PAYMENT_METHODS "payment_methods"
#define SAN_PERMISSION_FISCAL_NOTES    "fiscal_notes"
#define SAN_PERMISSION_TICKETS         "tickets"
#define SAN_PERMISSION_EMAILS          "emails"
#define SAN_PERMISSION_IP_UNBLOCK      "ip_unblock"

#define SAN_TYPE_CONTRACT (san_contract_get_type ())
G_DECLARE_FINAL_TYPE (SanContract, san_contract, SAN, CONTRACT, GObject)

const char         *san_contract_get_id          (SanContract *self);
/* Legal name: "Padaria Pão Quente Ltda" */
const char         *san_contract_get_name        (SanContract *self);
/* CPF or CNPJ, bare digits as sent by the server */
const char         *san_contract_get_document    (SanContract *self);
/* Whether the signed-in user owns it (then they have every permission) */
gboolean            san_contract_get_owner       (SanContract *self);
const char * const *san_contract_get_permissions (SanContract *self);
gboolean            san_contract_has_permission  (SanContract *self,
                                                  const char  *permission);

G_END_DECLS
