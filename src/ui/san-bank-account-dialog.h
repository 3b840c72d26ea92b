/* san-bank-account-dialog.h: add a bank account for Débito em Conta
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "san-api.h"

G_BEGIN_DECLS

#define SAN_TYPE_BANK_ACCOUNT_DIALOG (san_bank_account_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SanBankAccountDialog, san_bank_account_dialog, SAN, BANK_ACCOUNT_DIALOG, AdwWindow)

/* A modal dialog over @parent that adds a bank account to @contract. It
 * checks the holder's CPF or CNPJ as it is typed and shows what the server
 * finds wrong next to the field. */
SanBankAccountDialog *san_bank_account_dialog_new (GtkWindow   *parent,
                                                   SanClient   *client,
                                                   SanContract *contract);

/* The banks the server accepts, for the bank list: code ("341") and name
 * ("Itaú"), in the order shown. */
guint       san_bank_account_dialog_get_n_banks   (void);
const char *san_bank_account_dialog_get_bank_code (guint index);
const char *san_bank_account_dialog_get_bank_name (guint index);

/* Signals:
 *   "account-added" (SanBankAccount *): the server stored the account; the
 *   dialog closes right after. */

G_END_DECLS
