/* san-portald-paymethods-db.c: the paymethods tables and queries
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Constant SQL with bound parameters only. Writers run inside the caller's
 * transaction (san-portald-paymethods.c opens them).
 */
#define G_LOG_DOMAIN "san-portald"

#include "config.h"

#include "san-portald-db-private.h"
#include "san-portald-paymethods-private.h"

/* Migration 3: runs after migration 2 (invoices, cards...) */
const char san_portald_paymethods_schema[] =
  "CREATE TABLE bank_accounts ("
  "  id              INTEGER PRIMARY KEY,"
  "  contract_id     INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,"
  "  bank_code       TEXT NOT NULL CHECK (length (bank_code) = 3),"
  "  agency          TEXT NOT NULL,"
  "  account         TEXT NOT NULL,"
  "  holder          TEXT NOT NULL,"
  "  holder_document TEXT NOT NULL,"
  "  created_at      TEXT NOT NULL,"
  "  UNIQUE (contract_id, bank_code, agency, account)"
  ");"
  /* at most one schedule per invoice; an account in use can't go */
  "CREATE TABLE debit_schedules ("
  "  invoice_id      INTEGER PRIMARY KEY REFERENCES invoices (id) ON DELETE CASCADE,"
  "  bank_account_id INTEGER NOT NULL REFERENCES bank_accounts (id) ON DELETE RESTRICT,"
  "  date            TEXT NOT NULL,"
  "  created_at      TEXT NOT NULL"
  ");"
  "CREATE INDEX debit_schedules_account ON debit_schedules (bank_account_id);"
  "CREATE INDEX debit_schedules_date ON debit_schedules (date);"
  /* no row: DDA off */
  "CREATE TABLE dda_settings ("
  "  contract_id INTEGER PRIMARY KEY REFERENCES contracts (id) ON DELETE CASCADE,"
  "  enabled_at  TEXT NOT NULL"
  ");"
  "ALTER TABLE contracts ADD COLUMN default_payment_method TEXT NOT NULL DEFAULT 'boleto'"
  "  CHECK (default_payment_method IN ('boleto', 'pix', 'card', 'bank_debit'));"
  /* invoice_number, amount and description are copied when the note is
   * scheduled: a fiscal document does not change with its invoice. The
   * number ("2026/000123") is the year's sequence, given at issue. */
  "CREATE TABLE fiscal_notes ("
  "  id                INTEGER PRIMARY KEY,"
  "  contract_id       INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,"
  "  invoice_id        INTEGER NOT NULL UNIQUE REFERENCES invoices (id) ON DELETE CASCADE,"
  "  invoice_number    TEXT NOT NULL,"
  "  amount_cents      INTEGER NOT NULL CHECK (amount_cents >= 0),"
  "  description       TEXT NOT NULL,"
  "  scheduled_for     TEXT NOT NULL,"
  "  status            TEXT NOT NULL CHECK (status IN ('pending', 'issued')),"
  "  year              INTEGER,"
  "  sequence          INTEGER,"
  "  number            TEXT UNIQUE,"
  "  verification_code TEXT,"
  "  issued_at         TEXT,"
  "  issued_on         TEXT,"
  "  UNIQUE (year, sequence),"
  "  CHECK ((status = 'pending' AND number IS NULL AND verification_code IS NULL"
  "          AND issued_at IS NULL AND issued_on IS NULL)"
  "      OR (status = 'issued' AND number IS NOT NULL AND verification_code IS NOT NULL"
  "          AND issued_at IS NOT NULL AND issued_on IS NOT NULL))"
  ");"
  "CREATE INDEX fiscal_notes_contract ON fiscal_notes (contract_id, coalesce (issued_on, scheduled_for), id);"
  "CREATE INDEX fiscal_notes_pending ON fiscal_notes (status, scheduled_for);"
  "PRAGMA user_version = 3;";

static char *
column_dup_or_null (sqlite3_stmt *stmt,
                    int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  return g_strdup (san_portald_db_column_text (stmt, column));
}

gboolean
san_portald_pm_db_in_transaction (SanPortaldDb *db)
{
  return !sqlite3_get_autocommit (san_portald_db_get_handle (db));
}

/* Contracts */

gboolean
san_portald_pm_db_get_contract (SanPortaldDb  *db,
                                gint64         contract_id,
                                char         **out_name,
                                char         **out_document,
                                GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db, "SELECT name, document FROM contracts WHERE id = ?1", error);
  int rc;

  *out_name = NULL;
  *out_document = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, SAN_PORTALD_ERROR, SAN_PORTALD_ERROR_INVALID, "No such contract");
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return san_portald_db_set_error (db, error, "Could not read a contract");
  *out_name = g_strdup (san_portald_db_column_text (stmt, 0));
  *out_document = g_strdup (san_portald_db_column_text (stmt, 1));
  return TRUE;
}

gint64
san_portald_pm_db_find_contract_by_document (SanPortaldDb  *db,
                                             const char    *document,
                                             GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db, "SELECT id FROM contracts WHERE document = ?1 ORDER BY id LIMIT 1",
                                  error);
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, document, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return 0;
  if (rc != SQLITE_ROW)
    {
      san_portald_db_set_error (db, error, "Could not read a contract");
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

/* Bank accounts */

void
san_portald_bank_account_free (SanPortaldBankAccount *account)
{
  if (account == NULL)
    return;
  g_free (account->bank_code);
  g_free (account->agency);
  g_free (account->account);
  g_free (account->holder);
  g_free (account->holder_document);
  g_free (account->created_at);
  g_free (account);
}

#define BANK_ACCOUNT_COLUMNS \
  "SELECT id, bank_code, agency, account, holder, holder_document, created_at FROM bank_accounts"

static SanPortaldBankAccount *
bank_account_from_row (sqlite3_stmt *stmt)
{
  SanPortaldBankAccount *account = g_new0 (SanPortaldBankAccount, 1);

  account->id = sqlite3_column_int64 (stmt, 0);
  account->bank_code = g_strdup (san_portald_db_column_text (stmt, 1));
  account->agency = g_strdup (san_portald_db_column_text (stmt, 2));
  account->account = g_strdup (san_portald_db_column_text (stmt, 3));
  account->holder = g_strdup (san_portald_db_column_text (stmt, 4));
  account->holder_document = g_strdup (san_portald_db_column_text (stmt, 5));
  account->created_at = g_strdup (san_portald_db_column_text (stmt, 6));
  return account;
}

GPtrArray *
san_portald_pm_db_list_bank_accounts (SanPortaldDb  *db,
                                      gint64         contract_id,
                                      GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db, BANK_ACCOUNT_COLUMNS " WHERE contract_id = ?1 ORDER BY id", error);
  g_autoptr(GPtrArray) accounts = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) san_portald_bank_account_free);
  sqlite3_bind_int64 (stmt, 1, contract_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (accounts, bank_account_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      san_portald_db_set_error (db, error, "Could not read bank accounts");
      return NULL;
    }
  return g_steal_pointer (&accounts);
}

gboolean
san_portald_pm_db_get_bank_account (SanPortaldDb           *db,
                                    gint64                  contract_id,
                                    gint64                  account_id,
                                    SanPortaldBankAccount **out_account,
                                    GError                **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db, BANK_ACCOUNT_COLUMNS " WHERE contract_id = ?1 AND id = ?2", error);
  int rc;

  *out_account = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  sqlite3_bind_int64 (stmt, 2, account_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_account = bank_account_from_row (stmt);
  else if (rc != SQLITE_DONE)
    return san_portald_db_set_error (db, error, "Could not read a bank account");
  return TRUE;
}

gint64
san_portald_pm_db_add_bank_account (SanPortaldDb                *db,
                                    gint64                       contract_id,
                                    const SanPortaldBankAccount *account,
                                    gboolean                    *out_duplicate,
                                    GError                     **error)
{
  g_autoptr(SanPortaldStmt) exists = san_portald_db_prepare (db,
    "SELECT EXISTS (SELECT 1 FROM bank_accounts"
    "               WHERE contract_id = ?1 AND bank_code = ?2 AND agency = ?3 AND account = ?4)",
    error);
  g_autoptr(SanPortaldStmt) insert = NULL;

  *out_duplicate = FALSE;
  if (exists == NULL)
    return 0;
  sqlite3_bind_int64 (exists, 1, contract_id);
  sqlite3_bind_text (exists, 2, account->bank_code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (exists, 3, account->agency, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (exists, 4, account->account, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (exists) != SQLITE_ROW)
    {
      san_portald_db_set_error (db, error, "Could not read bank accounts");
      return 0;
    }
  if (sqlite3_column_int (exists, 0))
    {
      *out_duplicate = TRUE;
      return 0;
    }

  insert = san_portald_db_prepare (db,
    "INSERT INTO bank_accounts (contract_id, bank_code, agency, account, holder,"
    "                           holder_document, created_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (insert == NULL)
    return 0;
  sqlite3_bind_int64 (insert, 1, contract_id);
  sqlite3_bind_text (insert, 2, account->bank_code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (insert, 3, account->agency, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (insert, 4, account->account, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (insert, 5, account->holder, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (insert, 6, account->holder_document, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (insert, 7, account->created_at, -1, SQLITE_TRANSIENT);
  if (!san_portald_db_step_done (db, insert, error))
    return 0;
  return sqlite3_last_insert_rowid (san_portald_db_get_handle (db));
}

gboolean
san_portald_pm_db_delete_bank_account (SanPortaldDb         *db,
                                       gint64                contract_id,
                                       gint64                account_id,
                                       SanPortaldPmDbResult *out_result,
                                       GError              **error)
{
  g_autoptr(SanPortaldStmt) check = san_portald_db_prepare (db,
    "SELECT EXISTS (SELECT 1 FROM debit_schedules WHERE bank_account_id = a.id)"
    "  FROM bank_accounts a WHERE a.contract_id = ?1 AND a.id = ?2", error);
  g_autoptr(SanPortaldStmt) del = NULL;
  int rc;

  *out_result = SAN_PORTALD_PM_DB_NOT_FOUND;
  if (check == NULL)
    return FALSE;
  sqlite3_bind_int64 (check, 1, contract_id);
  sqlite3_bind_int64 (check, 2, account_id);
  rc = sqlite3_step (check);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return san_portald_db_set_error (db, error, "Could not read a bank account");
  if (sqlite3_column_int (check, 0))
    {
      *out_result = SAN_PORTALD_PM_DB_IN_USE;
      return TRUE;
    }

  del = san_portald_db_prepare (db, "DELETE FROM bank_accounts WHERE contract_id = ?1 AND id = ?2", error);
  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, contract_id);
  sqlite3_bind_int64 (del, 2, account_id);
  if (!san_portald_db_step_done (db, del, error))
    return FALSE;
  *out_result = SAN_PORTALD_PM_DB_DONE;
  return TRUE;
}

gboolean
san_portald_pm_db_has_bank_account (SanPortaldDb  *db,
                                    gint64         contract_id,
                                    gboolean      *out_has,
                                    GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "SELECT EXISTS (SELECT 1 FROM bank_accounts WHERE contract_id = ?1)", error);

  *out_has = FALSE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return san_portald_db_set_error (db, error, "Could not read bank accounts");
  *out_has = sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}

/* Cards (the billing tables): a stored card that has not expired by @month
 * of @year */
gboolean
san_portald_pm_db_has_card (SanPortaldDb  *db,
                            gint64         contract_id,
                            guint          year,
                            guint          month,
                            gboolean      *out_has,
                            GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "SELECT EXISTS (SELECT 1 FROM cards WHERE contract_id = ?1"
    "               AND exp_year * 12 + exp_month >= ?2)", error);

  *out_has = FALSE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  sqlite3_bind_int64 (stmt, 2, (gint64) year * 12 + month);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return san_portald_db_set_error (db, error, "Could not read cards");
  *out_has = sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}

/* Invoices (the billing tables) and their debit schedules */

gboolean
san_portald_pm_db_get_invoice (SanPortaldDb       *db,
                               gint64              contract_id,
                               gint64              invoice_id,
                               SanPortaldPmInvoice *out_invoice,
                               GError            **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "SELECT i.status, i.due_date, i.number, i.total_cents,"
    "       EXISTS (SELECT 1 FROM debit_schedules d WHERE d.invoice_id = i.id)"
    "  FROM invoices i WHERE i.contract_id = ?1 AND i.id = ?2", error);
  int rc;

  memset (out_invoice, 0, sizeof *out_invoice);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  sqlite3_bind_int64 (stmt, 2, invoice_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return san_portald_db_set_error (db, error, "Could not read an invoice");
  out_invoice->found = TRUE;
  g_strlcpy (out_invoice->status, san_portald_db_column_text (stmt, 0), sizeof out_invoice->status);
  g_strlcpy (out_invoice->due_date, san_portald_db_column_text (stmt, 1), sizeof out_invoice->due_date);
  g_strlcpy (out_invoice->number, san_portald_db_column_text (stmt, 2), sizeof out_invoice->number);
  out_invoice->total_cents = sqlite3_column_int64 (stmt, 3);
  out_invoice->has_schedule = sqlite3_column_int (stmt, 4) != 0;
  return TRUE;
}

void
san_portald_debit_schedule_free (SanPortaldDebitSchedule *schedule)
{
  if (schedule == NULL)
    return;
  g_free (schedule->date);
  g_free (schedule->created_at);
  g_free (schedule);
}

gboolean
san_portald_pm_db_get_debit_schedule (SanPortaldDb             *db,
                                      gint64                    contract_id,
                                      gint64                    invoice_id,
                                      SanPortaldDebitSchedule **out_schedule,
                                      GError                  **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "SELECT d.invoice_id, d.bank_account_id, d.date, d.created_at"
    "  FROM debit_schedules d JOIN invoices i ON i.id = d.invoice_id"
    " WHERE i.contract_id = ?1 AND d.invoice_id = ?2", error);
  SanPortaldDebitSchedule *schedule;
  int rc;

  *out_schedule = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  sqlite3_bind_int64 (stmt, 2, invoice_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return san_portald_db_set_error (db, error, "Could not read a debit schedule");
  schedule = g_new0 (SanPortaldDebitSchedule, 1);
  schedule->invoice_id = sqlite3_column_int64 (stmt, 0);
  schedule->bank_account_id = sqlite3_column_int64 (stmt, 1);
  schedule->date = g_strdup (san_portald_db_column_text (stmt, 2));
  schedule->created_at = g_strdup (san_portald_db_column_text (stmt, 3));
  *out_schedule = schedule;
  return TRUE;
}

/* Schedules (or reschedules) the debit and makes the invoice payment_pending */
gboolean
san_portald_pm_db_set_debit_schedule (SanPortaldDb  *db,
                                      gint64         invoice_id,
                                      gint64         bank_account_id,
                                      const char    *date,
                                      const char    *created_at,
                                      GError       **error)
{
  g_autoptr(SanPortaldStmt) upsert = san_portald_db_prepare (db,
    "INSERT INTO debit_schedules (invoice_id, bank_account_id, date, created_at)"
    " VALUES (?1, ?2, ?3, ?4)"
    " ON CONFLICT (invoice_id) DO UPDATE SET bank_account_id = excluded.bank_account_id,"
    "   date = excluded.date, created_at = excluded.created_at", error);
  g_autoptr(SanPortaldStmt) pending = NULL;

  if (upsert == NULL)
    return FALSE;
  sqlite3_bind_int64 (upsert, 1, invoice_id);
  sqlite3_bind_int64 (upsert, 2, bank_account_id);
  sqlite3_bind_text (upsert, 3, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (upsert, 4, created_at, -1, SQLITE_TRANSIENT);
  if (!san_portald_db_step_done (db, upsert, error))
    return FALSE;

  pending = san_portald_db_prepare (db,
    "UPDATE invoices SET status = 'payment_pending' WHERE id = ?1 AND status = 'unpaid'", error);
  if (pending == NULL)
    return FALSE;
  sqlite3_bind_int64 (pending, 1, invoice_id);
  return san_portald_db_step_done (db, pending, error);
}

/* Drops the schedule; a payment_pending invoice is unpaid again */
gboolean
san_portald_pm_db_delete_debit_schedule (SanPortaldDb  *db,
                                         gint64         invoice_id,
                                         GError       **error)
{
  g_autoptr(SanPortaldStmt) del = san_portald_db_prepare (db, "DELETE FROM debit_schedules WHERE invoice_id = ?1", error);
  g_autoptr(SanPortaldStmt) unpaid = NULL;

  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, invoice_id);
  if (!san_portald_db_step_done (db, del, error))
    return FALSE;

  unpaid = san_portald_db_prepare (db,
    "UPDATE invoices SET status = 'unpaid' WHERE id = ?1 AND status = 'payment_pending'", error);
  if (unpaid == NULL)
    return FALSE;
  sqlite3_bind_int64 (unpaid, 1, invoice_id);
  return san_portald_db_step_done (db, unpaid, error);
}

/* Schedules of invoices that are no longer waiting for the debit (paid
 * some other way, cancelled) */
gboolean
san_portald_pm_db_drop_stale_schedules (SanPortaldDb  *db,
                                        GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "DELETE FROM debit_schedules WHERE invoice_id IN"
    " (SELECT d.invoice_id FROM debit_schedules d JOIN invoices i ON i.id = d.invoice_id"
    "   WHERE i.status <> 'payment_pending')", error);

  if (stmt == NULL)
    return FALSE;
  return san_portald_db_step_done (db, stmt, error);
}

/* The schedules whose date is @today or earlier, oldest first: invoice ids
 * in @out_invoice_ids, dates ("YYYY-MM-DD", owned) in @out_dates */
gboolean
san_portald_pm_db_list_due_schedules (SanPortaldDb  *db,
                                      const char    *today,
                                      GArray        *out_invoice_ids,
                                      GPtrArray     *out_dates,
                                      GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "SELECT invoice_id, date FROM debit_schedules WHERE date <= ?1 ORDER BY date, invoice_id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (out_invoice_ids, id);
      g_ptr_array_add (out_dates, g_strdup (san_portald_db_column_text (stmt, 1)));
    }
  if (rc != SQLITE_DONE)
    return san_portald_db_set_error (db, error, "Could not read debit schedules");
  return TRUE;
}

/* The demo's invoice to debit: the contract's newest payment_pending one
 * (0 when none) */
gint64
san_portald_pm_db_find_pending_invoice (SanPortaldDb  *db,
                                        gint64         contract_id,
                                        char         **out_due_date,
                                        GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "SELECT id, due_date FROM invoices WHERE contract_id = ?1 AND status = 'payment_pending'"
    " ORDER BY due_date DESC, id DESC LIMIT 1", error);
  int rc;

  *out_due_date = NULL;
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return 0;
  if (rc != SQLITE_ROW)
    {
      san_portald_db_set_error (db, error, "Could not read invoices");
      return -1;
    }
  *out_due_date = g_strdup (san_portald_db_column_text (stmt, 1));
  return sqlite3_column_int64 (stmt, 0);
}

/* DDA */

gboolean
san_portald_pm_db_get_dda (SanPortaldDb  *db,
                           gint64         contract_id,
                           char         **out_enabled_at,
                           GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db, "SELECT enabled_at FROM dda_settings WHERE contract_id = ?1",
                                  error);
  int rc;

  *out_enabled_at = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_enabled_at = g_strdup (san_portald_db_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    return san_portald_db_set_error (db, error, "Could not read the DDA setting");
  return TRUE;
}

/* @enabled_at NULL: off. Turning it on when it is on keeps the first time. */
gboolean
san_portald_pm_db_set_dda (SanPortaldDb  *db,
                           gint64         contract_id,
                           const char    *enabled_at,
                           GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt = NULL;

  if (enabled_at == NULL)
    stmt = san_portald_db_prepare (db, "DELETE FROM dda_settings WHERE contract_id = ?1", error);
  else
    stmt = san_portald_db_prepare (db,
      "INSERT INTO dda_settings (contract_id, enabled_at) VALUES (?1, ?2)"
      " ON CONFLICT (contract_id) DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  if (enabled_at != NULL)
    sqlite3_bind_text (stmt, 2, enabled_at, -1, SQLITE_TRANSIENT);
  return san_portald_db_step_done (db, stmt, error);
}

/* Payment methods */

void
san_portald_service_method_free (SanPortaldServiceMethod *service)
{
  if (service == NULL)
    return;
  g_free (service->name);
  g_free (service->method);
  g_free (service);
}

char *
san_portald_pm_db_get_default_method (SanPortaldDb  *db,
                                      gint64         contract_id,
                                      GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "SELECT default_payment_method FROM contracts WHERE id = ?1", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      san_portald_db_set_error (db, error, "Could not read the default payment method");
      return NULL;
    }
  return g_strdup (san_portald_db_column_text (stmt, 0));
}

gboolean
san_portald_pm_db_set_default_method (SanPortaldDb  *db,
                                      gint64         contract_id,
                                      const char    *method,
                                      GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "UPDATE contracts SET default_payment_method = ?2 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  sqlite3_bind_text (stmt, 2, method, -1, SQLITE_TRANSIENT);
  return san_portald_db_step_done (db, stmt, error);
}

/* The services still billed (not cancelled or terminated), by id */
GPtrArray *
san_portald_pm_db_list_service_methods (SanPortaldDb  *db,
                                        gint64         contract_id,
                                        GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "SELECT id, product || ' ' || plan || CASE WHEN domain <> '' THEN ' - ' || domain ELSE '' END,"
    "       payment_method"
    "  FROM services WHERE contract_id = ?1 AND status NOT IN ('cancelled', 'terminated')"
    " ORDER BY id", error);
  g_autoptr(GPtrArray) services = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  services = g_ptr_array_new_with_free_func ((GDestroyNotify) san_portald_service_method_free);
  sqlite3_bind_int64 (stmt, 1, contract_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SanPortaldServiceMethod *service = g_new0 (SanPortaldServiceMethod, 1);

      service->id = sqlite3_column_int64 (stmt, 0);
      service->name = g_strdup (san_portald_db_column_text (stmt, 1));
      service->method = g_strdup (san_portald_db_column_text (stmt, 2));
      g_ptr_array_add (services, service);
    }
  if (rc != SQLITE_DONE)
    {
      san_portald_db_set_error (db, error, "Could not read services");
      return NULL;
    }
  return g_steal_pointer (&services);
}

/* *@out_status NULL when the contract has no such service */
gboolean
san_portald_pm_db_get_service_status (SanPortaldDb  *db,
                                      gint64         contract_id,
                                      gint64         service_id,
                                      char         **out_status,
                                      GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "SELECT status FROM services WHERE contract_id = ?1 AND id = ?2", error);
  int rc;

  *out_status = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  sqlite3_bind_int64 (stmt, 2, service_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_status = g_strdup (san_portald_db_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    return san_portald_db_set_error (db, error, "Could not read a service");
  return TRUE;
}

gboolean
san_portald_pm_db_set_service_method (SanPortaldDb  *db,
                                      gint64         contract_id,
                                      gint64         service_id,
                                      const char    *method,
                                      GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "UPDATE services SET payment_method = ?3 WHERE contract_id = ?1 AND id = ?2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  sqlite3_bind_int64 (stmt, 2, service_id);
  sqlite3_bind_text (stmt, 3, method, -1, SQLITE_TRANSIENT);
  return san_portald_db_step_done (db, stmt, error);
}

/* Notas fiscais */

void
san_portald_fiscal_note_free (SanPortaldFiscalNote *note)
{
  if (note == NULL)
    return;
  g_free (note->invoice_number);
  g_free (note->status);
  g_free (note->number);
  g_free (note->verification_code);
  g_free (note->description);
  g_free (note->scheduled_for);
  g_free (note->issued_at);
  g_free (note->issued_on);
  g_free (note);
}

#define NOTE_COLUMNS \
  "SELECT id, contract_id, invoice_id, invoice_number, status, number, verification_code," \
  "       amount_cents, description, scheduled_for, issued_at, issued_on" \
  "  FROM fiscal_notes"

static SanPortaldFiscalNote *
note_from_row (sqlite3_stmt *stmt)
{
  SanPortaldFiscalNote *note = g_new0 (SanPortaldFiscalNote, 1);

  note->id = sqlite3_column_int64 (stmt, 0);
  note->contract_id = sqlite3_column_int64 (stmt, 1);
  note->invoice_id = sqlite3_column_int64 (stmt, 2);
  note->invoice_number = g_strdup (san_portald_db_column_text (stmt, 3));
  note->status = g_strdup (san_portald_db_column_text (stmt, 4));
  note->number = column_dup_or_null (stmt, 5);
  note->verification_code = column_dup_or_null (stmt, 6);
  note->amount_cents = sqlite3_column_int64 (stmt, 7);
  note->description = g_strdup (san_portald_db_column_text (stmt, 8));
  note->scheduled_for = g_strdup (san_portald_db_column_text (stmt, 9));
  note->issued_at = column_dup_or_null (stmt, 10);
  note->issued_on = column_dup_or_null (stmt, 11);
  return note;
}

gboolean
san_portald_pm_db_get_note (SanPortaldDb          *db,
                            gint64                 contract_id,
                            gint64                 note_id,
                            SanPortaldFiscalNote **out_note,
                            GError               **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db, NOTE_COLUMNS " WHERE contract_id = ?1 AND id = ?2", error);
  int rc;

  *out_note = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  sqlite3_bind_int64 (stmt, 2, note_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_note = note_from_row (stmt);
  else if (rc != SQLITE_DONE)
    return san_portald_db_set_error (db, error, "Could not read a nota fiscal");
  return TRUE;
}

/* ?1 contract, ?2 status or NULL, ?3 from or NULL, ?4 to or NULL; a note's
 * date is its issue date, or while pending the day it is scheduled for */
#define NOTE_FILTER \
  " WHERE contract_id = ?1" \
  "   AND (?2 IS NULL OR status = ?2)" \
  "   AND (?3 IS NULL OR coalesce (issued_on, scheduled_for) >= ?3)" \
  "   AND (?4 IS NULL OR coalesce (issued_on, scheduled_for) <= ?4)"

static void
bind_note_filter (sqlite3_stmt                 *stmt,
                  gint64                        contract_id,
                  const SanPortaldNoteFilter   *filter)
{
  sqlite3_bind_int64 (stmt, 1, contract_id);
  san_portald_db_bind_text_or_null (stmt, 2, filter->status);
  san_portald_db_bind_text_or_null (stmt, 3, filter->from);
  san_portald_db_bind_text_or_null (stmt, 4, filter->to);
}

/* Newest first (date desc, id desc), a page of at most @filter->limit after
 * the note @filter->after_id; *@out_cursor_valid FALSE when that note is not
 * one of the contract's. */
gboolean
san_portald_pm_db_list_notes (SanPortaldDb                *db,
                              gint64                       contract_id,
                              const SanPortaldNoteFilter  *filter,
                              GPtrArray                  **out_notes,
                              gint64                      *out_total,
                              gboolean                    *out_more,
                              gboolean                    *out_cursor_valid,
                              GError                     **error)
{
  g_autoptr(SanPortaldStmt) count = NULL;
  g_autoptr(SanPortaldStmt) page = NULL;
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func ((GDestroyNotify) san_portald_fiscal_note_free);
  g_autofree char *after_date = NULL;
  int rc;

  *out_notes = NULL;
  *out_total = 0;
  *out_more = FALSE;
  *out_cursor_valid = TRUE;

  if (filter->after_id > 0)
    {
      g_autoptr(SanPortaldStmt) cursor = san_portald_db_prepare (db,
        "SELECT coalesce (issued_on, scheduled_for) FROM fiscal_notes"
        " WHERE contract_id = ?1 AND id = ?2", error);

      if (cursor == NULL)
        return FALSE;
      sqlite3_bind_int64 (cursor, 1, contract_id);
      sqlite3_bind_int64 (cursor, 2, filter->after_id);
      rc = sqlite3_step (cursor);
      if (rc == SQLITE_DONE)
        {
          *out_cursor_valid = FALSE;
          return TRUE;
        }
      if (rc != SQLITE_ROW)
        return san_portald_db_set_error (db, error, "Could not read a nota fiscal");
      after_date = g_strdup (san_portald_db_column_text (cursor, 0));
    }

  count = san_portald_db_prepare (db, "SELECT count (*) FROM fiscal_notes" NOTE_FILTER, error);
  if (count == NULL)
    return FALSE;
  bind_note_filter (count, contract_id, filter);
  if (sqlite3_step (count) != SQLITE_ROW)
    return san_portald_db_set_error (db, error, "Could not count notas fiscais");
  *out_total = sqlite3_column_int64 (count, 0);

  page = san_portald_db_prepare (db, NOTE_COLUMNS NOTE_FILTER
    "   AND (?5 IS NULL OR coalesce (issued_on, scheduled_for) < ?5"
    "        OR (coalesce (issued_on, scheduled_for) = ?5 AND id < ?6))"
    " ORDER BY coalesce (issued_on, scheduled_for) DESC, id DESC LIMIT ?7", error);
  if (page == NULL)
    return FALSE;
  bind_note_filter (page, contract_id, filter);
  san_portald_db_bind_text_or_null (page, 5, after_date);
  sqlite3_bind_int64 (page, 6, filter->after_id);
  sqlite3_bind_int64 (page, 7, (gint64) filter->limit + 1);
  while ((rc = sqlite3_step (page)) == SQLITE_ROW)
    {
      if (notes->len == filter->limit)
        {
          *out_more = TRUE;
          break;
        }
      g_ptr_array_add (notes, note_from_row (page));
    }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return san_portald_db_set_error (db, error, "Could not read notas fiscais");

  *out_notes = g_steal_pointer (&notes);
  return TRUE;
}

/* A pending note for the invoice (nothing when it has one already) */
gboolean
san_portald_pm_db_add_note (SanPortaldDb  *db,
                            gint64         invoice_id,
                            const char    *scheduled_for,
                            GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "INSERT INTO fiscal_notes (contract_id, invoice_id, invoice_number, amount_cents,"
    "                          description, scheduled_for, status)"
    " SELECT contract_id, id, number, total_cents,"
    "        'Serviços de hospedagem - fatura ' || number, ?2, 'pending'"
    "   FROM invoices WHERE id = ?1"
    " ON CONFLICT (invoice_id) DO NOTHING", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  sqlite3_bind_text (stmt, 2, scheduled_for, -1, SQLITE_TRANSIENT);
  if (!san_portald_db_step_done (db, stmt, error))
    return FALSE;
  return TRUE;
}

/* Pending notes scheduled for @today or earlier, in the order they fall
 * due: ids in @out_note_ids, their days (owned) in @out_dates */
gboolean
san_portald_pm_db_list_due_notes (SanPortaldDb  *db,
                                  const char    *today,
                                  GArray        *out_note_ids,
                                  GPtrArray     *out_dates,
                                  GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "SELECT id, scheduled_for FROM fiscal_notes WHERE status = 'pending' AND scheduled_for <= ?1"
    " ORDER BY scheduled_for, id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (out_note_ids, id);
      g_ptr_array_add (out_dates, g_strdup (san_portald_db_column_text (stmt, 1)));
    }
  if (rc != SQLITE_DONE)
    return san_portald_db_set_error (db, error, "Could not read notas fiscais");
  return TRUE;
}

/* Whether san_portald_paymethods_run_due has anything to do */
gboolean
san_portald_pm_db_anything_due (SanPortaldDb  *db,
                                const char    *today,
                                gboolean      *out_due,
                                GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "SELECT EXISTS (SELECT 1 FROM debit_schedules WHERE date <= ?1)"
    "    OR EXISTS (SELECT 1 FROM fiscal_notes WHERE status = 'pending' AND scheduled_for <= ?1)"
    "    OR EXISTS (SELECT 1 FROM debit_schedules d JOIN invoices i ON i.id = d.invoice_id"
    "               WHERE i.status <> 'payment_pending')", error);

  *out_due = FALSE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return san_portald_db_set_error (db, error, "Could not read what is due");
  *out_due = sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}

/* The next number of @year's sequence */
gint64
san_portald_pm_db_next_note_sequence (SanPortaldDb  *db,
                                      guint          year,
                                      GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "SELECT coalesce (max (sequence), 0) + 1 FROM fiscal_notes WHERE year = ?1", error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, year);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      san_portald_db_set_error (db, error, "Could not number a nota fiscal");
      return 0;
    }
  return sqlite3_column_int64 (stmt, 0);
}

/* Issues a pending note; *@out_issued FALSE when it was not pending */
gboolean
san_portald_pm_db_issue_note (SanPortaldDb  *db,
                              gint64         note_id,
                              guint          year,
                              gint64         sequence,
                              const char    *number,
                              const char    *verification_code,
                              const char    *issued_at,
                              const char    *issued_on,
                              gboolean      *out_issued,
                              GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "UPDATE fiscal_notes SET status = 'issued', year = ?2, sequence = ?3, number = ?4,"
    "       verification_code = ?5, issued_at = ?6, issued_on = ?7"
    " WHERE id = ?1 AND status = 'pending'", error);

  *out_issued = FALSE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, note_id);
  sqlite3_bind_int64 (stmt, 2, year);
  sqlite3_bind_int64 (stmt, 3, sequence);
  sqlite3_bind_text (stmt, 4, number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, verification_code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, issued_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, issued_on, -1, SQLITE_TRANSIENT);
  if (!san_portald_db_step_done (db, stmt, error))
    return FALSE;
  *out_issued = sqlite3_changes (san_portald_db_get_handle (db)) > 0;
  return TRUE;
}

/* Demo: the paid invoices of every contract, each contract's in the order
 * they were paid (newest last) */
gboolean
san_portald_pm_db_list_paid_invoices (SanPortaldDb  *db,
                                      GArray        *out_invoice_ids,
                                      GArray        *out_contract_ids,
                                      GPtrArray     *out_paid_at,
                                      GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "SELECT id, contract_id, paid_at FROM invoices WHERE status = 'paid' AND paid_at IS NOT NULL"
    " ORDER BY contract_id, paid_at, id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 contract_id = sqlite3_column_int64 (stmt, 1);

      g_array_append_val (out_invoice_ids, id);
      g_array_append_val (out_contract_ids, contract_id);
      g_ptr_array_add (out_paid_at, g_strdup (san_portald_db_column_text (stmt, 2)));
    }
  if (rc != SQLITE_DONE)
    return san_portald_db_set_error (db, error, "Could not read invoices");
  return TRUE;
}

/* Demo: moves a pending note's date */
gboolean
san_portald_pm_db_reschedule_note (SanPortaldDb  *db,
                                   gint64         invoice_id,
                                   const char    *scheduled_for,
                                   GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "UPDATE fiscal_notes SET scheduled_for = ?2 WHERE invoice_id = ?1 AND status = 'pending'", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  sqlite3_bind_text (stmt, 2, scheduled_for, -1, SQLITE_TRANSIENT);
  return san_portald_db_step_done (db, stmt, error);
}
