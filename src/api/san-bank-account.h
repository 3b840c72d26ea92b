/* san-bank-account.h: a bank account for Débito em Conta
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SAN_TYPE_BANK_ACCOUNT (san_bank_account_get_type ())
G_DECLARE_FINAL_TYPE (SanBankAccount, san_bank_account, SAN, BANK_ACCOUNT, GObject)

const char       *san_bank_account_get_id              (SanBankAccount *self);
/* "341" */
const char       *san_bank_account_get_bank_code       (SanBankAccount *self);
const char       *san_bank_account_get_bank_name       (SanBankAccount *self);
const char       *san_bank_account_get_agency          (SanBankAccount *self);
/* "12345-6" */
const char       *san_bank_account_get_account         (SanBankAccount *self);
const char       *san_bank_account_get_holder          (SanBankAccount *self);
/* CPF or CNPJ, formatted */
const char       *san_bank_account_get_holder_document (SanBankAccount *self);
GDateTime        *san_bank_account_get_created_at      (SanBankAccount *self);

G_END_DECLS
