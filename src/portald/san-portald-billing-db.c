/* san-portald-billing-db.c: the billing tables and queries
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Constant SQL with bound parameters only. Card data here is what may be
 * kept: brand, last four digits, expiry, holder, never the number or CVV.
 * Card tokens are kept as SHA-256 hashes.
 */
#define G_LOG_DOMAIN "san-portald"

#include "config.h"

#include "san-portald-billing-private.h"
#include "san-portald-db-private.h"

/* Migration 2 */
const char san_portald_billing_schema[] =
  "CREATE TABLE invoices ("
  "  id             INTEGER PRIMARY KEY,"
  "  contract_id    INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,"
  "  number         TEXT NOT NULL UNIQUE,"
  "  status         TEXT NOT NULL CHECK (status IN ('unpaid', 'paid', 'cancelled', 'refunded',"
  "                 'payment_pending')),"
  "  issue_date     TEXT NOT NULL,"
  "  due_date       TEXT NOT NULL,"
  "  total_cents    INTEGER NOT NULL CHECK (total_cents >= 0),"
  "  payment_method TEXT NOT NULL CHECK (payment_method IN ('boleto', 'pix', 'card', 'bank_debit')),"
  "  paid_at        TEXT,"
  "  paid_with      TEXT CHECK (paid_with IN ('boleto', 'pix', 'card', 'bank_debit')),"
  "  CHECK ((paid_at IS NULL) = (paid_with IS NULL))"
  ");"
  "CREATE INDEX invoices_contract_due ON invoices (contract_id, due_date, id);"
  "CREATE TABLE invoice_items ("
  "  id           INTEGER PRIMARY KEY,"
  "  invoice_id   INTEGER NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,"
  "  description  TEXT NOT NULL,"
  "  service_id   INTEGER REFERENCES services (id) ON DELETE SET NULL,"
  "  amount_cents INTEGER NOT NULL"
  ");"
  "CREATE INDEX invoice_items_invoice ON invoice_items (invoice_id, id);"
  "CREATE TABLE boleto_second_copies ("
  "  id                    INTEGER PRIMARY KEY,"
  "  invoice_id            INTEGER NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,"
  "  due_date              TEXT NOT NULL,"
  "  amount_cents          INTEGER NOT NULL CHECK (amount_cents >= 0),"
  "  original_due_date     TEXT NOT NULL,"
  "  original_amount_cents INTEGER NOT NULL,"
  "  fine_cents            INTEGER NOT NULL,"
  "  interest_cents        INTEGER NOT NULL,"
  "  days_late             INTEGER NOT NULL,"
  "  created_at            TEXT NOT NULL"
  ");"
  "CREATE INDEX boleto_second_copies_invoice ON boleto_second_copies (invoice_id, id);"
  "CREATE TABLE pix_charges ("
  "  id           INTEGER PRIMARY KEY,"
  "  invoice_id   INTEGER NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,"
  "  txid         TEXT NOT NULL UNIQUE,"
  "  brcode       TEXT NOT NULL,"
  "  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),"
  "  created_ms   INTEGER NOT NULL,"
  "  expires_ms   INTEGER NOT NULL,"
  "  status       TEXT NOT NULL CHECK (status IN ('active', 'settled', 'expired')),"
  "  settled_ms   INTEGER"
  ");"
  "CREATE INDEX pix_charges_invoice ON pix_charges (invoice_id, id);"
  "CREATE TABLE cards ("
  "  id            INTEGER PRIMARY KEY,"
  "  contract_id   INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,"
  "  brand         TEXT NOT NULL,"
  "  last4         TEXT NOT NULL CHECK (length (last4) = 4),"
  "  exp_month     INTEGER NOT NULL CHECK (exp_month BETWEEN 1 AND 12),"
  "  exp_year      INTEGER NOT NULL,"
  "  holder        TEXT NOT NULL,"
  "  issuer_answer TEXT NOT NULL CHECK (issuer_answer IN ('approve', 'decline', 'insufficient_funds')),"
  "  created_at    TEXT NOT NULL"
  ");"
  "CREATE INDEX cards_contract ON cards (contract_id, id);"
  "CREATE TABLE card_tokens ("
  "  id            INTEGER PRIMARY KEY,"
  "  contract_id   INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,"
  "  token_hash    BLOB NOT NULL UNIQUE CHECK (length (token_hash) = 32),"
  "  brand         TEXT NOT NULL,"
  "  last4         TEXT NOT NULL CHECK (length (last4) = 4),"
  "  exp_month     INTEGER NOT NULL CHECK (exp_month BETWEEN 1 AND 12),"
  "  exp_year      INTEGER NOT NULL,"
  "  holder        TEXT NOT NULL,"
  "  issuer_answer TEXT NOT NULL CHECK (issuer_answer IN ('approve', 'decline', 'insufficient_funds')),"
  "  created_ms    INTEGER NOT NULL,"
  "  expires_ms    INTEGER NOT NULL,"
  "  used          INTEGER NOT NULL DEFAULT 0 CHECK (used IN (0, 1))"
  ");"
  "CREATE TABLE payments ("
  "  id           INTEGER PRIMARY KEY,"
  "  invoice_id   INTEGER NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,"
  "  method       TEXT NOT NULL CHECK (method IN ('card')),"
  "  status       TEXT NOT NULL CHECK (status IN ('approved')),"
  "  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),"
  "  card_id      INTEGER REFERENCES cards (id) ON DELETE SET NULL,"
  "  card_brand   TEXT NOT NULL,"
  "  card_last4   TEXT NOT NULL,"
  "  created_at   TEXT NOT NULL"
  ");"
  "CREATE INDEX payments_invoice ON payments (invoice_id);"
  "CREATE TABLE idempotency_keys ("
  "  contract_id   INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,"
  "  key           TEXT NOT NULL,"
  "  request_hash  BLOB NOT NULL CHECK (length (request_hash) = 32),"
  "  status        INTEGER NOT NULL,"
  "  content_type  TEXT NOT NULL,"
  "  body          TEXT NOT NULL,"
  "  created_ms    INTEGER NOT NULL,"
  "  PRIMARY KEY (contract_id, key)"
  ");"
  "PRAGMA user_version = 2;";

#define column_text san_portald_db_column_text

static char *
column_text_or_null (sqlite3_stmt *stmt,
                     int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  return g_strdup (column_text (stmt, column));
}

/* Invoices */

static void
invoice_item_clear (gpointer data)
{
  SanPortaldInvoiceItem *item = data;

  g_clear_pointer (&item->description, g_free);
  g_clear_pointer (&item->service_kind, g_free);
}

SanPortaldInvoice *
san_portald_invoice_new (void)
{
  SanPortaldInvoice *invoice = g_new0 (SanPortaldInvoice, 1);

  invoice->items = g_array_new (FALSE, TRUE, sizeof (SanPortaldInvoiceItem));
  g_array_set_clear_func (invoice->items, invoice_item_clear);
  return invoice;
}

void
san_portald_invoice_free (SanPortaldInvoice *invoice)
{
  if (invoice == NULL)
    return;
  g_free (invoice->number);
  g_free (invoice->status);
  g_free (invoice->issue_date);
  g_free (invoice->due_date);
  g_free (invoice->payment_method);
  g_free (invoice->paid_at);
  g_free (invoice->paid_with);
  g_clear_pointer (&invoice->items, g_array_unref);
  g_free (invoice);
}

#define INVOICE_COLUMNS \
  "SELECT id, contract_id, number, status, issue_date, due_date, total_cents," \
  "       payment_method, paid_at, paid_with" \
  "  FROM invoices"

static SanPortaldInvoice *
invoice_from_row (sqlite3_stmt *stmt)
{
  SanPortaldInvoice *invoice = san_portald_invoice_new ();

  invoice->id = sqlite3_column_int64 (stmt, 0);
  invoice->contract_id = sqlite3_column_int64 (stmt, 1);
  invoice->number = g_strdup (column_text (stmt, 2));
  invoice->status = g_strdup (column_text (stmt, 3));
  invoice->issue_date = g_strdup (column_text (stmt, 4));
  invoice->due_date = g_strdup (column_text (stmt, 5));
  invoice->total_cents = sqlite3_column_int64 (stmt, 6);
  invoice->payment_method = g_strdup (column_text (stmt, 7));
  invoice->paid_at = column_text_or_null (stmt, 8);
  invoice->paid_with = column_text_or_null (stmt, 9);
  return invoice;
}

static gboolean
load_items (SanPortaldDb       *db,
            SanPortaldInvoice  *invoice,
            GError            **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "SELECT i.description, i.service_id, i.amount_cents, s.kind"
    " FROM invoice_items i LEFT JOIN services s ON s.id = i.service_id"
    " WHERE i.invoice_id = ?1 ORDER BY i.id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, invoice->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SanPortaldInvoiceItem item = {
        .description = g_strdup (column_text (stmt, 0)),
        .service_id = sqlite3_column_int64 (stmt, 1),
        .amount_cents = sqlite3_column_int64 (stmt, 2),
        .service_kind = sqlite3_column_type (stmt, 3) == SQLITE_NULL
                        ? NULL : g_strdup (column_text (stmt, 3)),
      };

      g_array_append_val (invoice->items, item);
    }
  if (rc != SQLITE_DONE)
    return san_portald_db_set_error (db, error, "Could not read invoice items");
  return TRUE;
}

gboolean
san_portald_billing_db_get_invoice (SanPortaldDb       *db,
                                    gint64              contract_id,
                                    gint64              invoice_id,
                                    SanPortaldInvoice **out_invoice,
                                    GError            **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    INVOICE_COLUMNS " WHERE id = ?1 AND (?2 = 0 OR contract_id = ?2)", error);
  g_autoptr(SanPortaldInvoice) invoice = NULL;
  int rc;

  *out_invoice = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  sqlite3_bind_int64 (stmt, 2, contract_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return san_portald_db_set_error (db, error, "Could not read an invoice");
  invoice = invoice_from_row (stmt);
  g_clear_pointer (&stmt, san_portald_stmt_release);

  if (!load_items (db, invoice, error))
    return FALSE;
  *out_invoice = g_steal_pointer (&invoice);
  return TRUE;
}

/* ?1 contract, ?2 status or NULL, ?3 1 for overdue, ?4 today, ?5 from, ?6 to, ?7 number query */
#define INVOICE_FILTER \
  " WHERE contract_id = ?1" \
  "   AND (?2 IS NULL OR status = ?2)" \
  "   AND (?3 = 0 OR (status = 'unpaid' AND due_date < ?4))" \
  "   AND (?5 IS NULL OR due_date >= ?5)" \
  "   AND (?6 IS NULL OR due_date <= ?6)" \
  "   AND (?7 IS NULL OR instr (number, ?7) > 0)"

static void
bind_invoice_filter (sqlite3_stmt                  *stmt,
                     gint64                         contract_id,
                     const SanPortaldInvoiceFilter *filter)
{
  gboolean overdue = g_strcmp0 (filter->status, "overdue") == 0;

  sqlite3_bind_int64 (stmt, 1, contract_id);
  san_portald_db_bind_text_or_null (stmt, 2, overdue ? NULL : filter->status);
  sqlite3_bind_int (stmt, 3, overdue ? 1 : 0);
  san_portald_db_bind_text_or_null (stmt, 4, filter->today != NULL ? filter->today : "");
  san_portald_db_bind_text_or_null (stmt, 5, filter->from);
  san_portald_db_bind_text_or_null (stmt, 6, filter->to);
  san_portald_db_bind_text_or_null (stmt, 7, filter->number_query != NULL && filter->number_query[0] != '\0'
                                ? filter->number_query : NULL);
}

gboolean
san_portald_billing_db_list_invoices (SanPortaldDb                   *db,
                                      gint64                          contract_id,
                                      const SanPortaldInvoiceFilter  *filter,
                                      GPtrArray                     **out_invoices,
                                      gint64                         *out_total,
                                      GError                        **error)
{
  g_autoptr(SanPortaldStmt) count = NULL;
  g_autoptr(SanPortaldStmt) page = NULL;
  g_autoptr(GPtrArray) invoices = g_ptr_array_new_with_free_func ((GDestroyNotify) san_portald_invoice_free);
  int rc;

  *out_invoices = NULL;
  count = san_portald_db_prepare (db, "SELECT count (*) FROM invoices" INVOICE_FILTER, error);
  if (count == NULL)
    return FALSE;
  bind_invoice_filter (count, contract_id, filter);
  if (sqlite3_step (count) != SQLITE_ROW)
    return san_portald_db_set_error (db, error, "Could not count invoices");
  *out_total = sqlite3_column_int64 (count, 0);
  g_clear_pointer (&count, san_portald_stmt_release);

  /* newest first: due date, then id, both descending; the cursor is the
   * last row of the previous page */
  page = san_portald_db_prepare (db,
    INVOICE_COLUMNS INVOICE_FILTER
    "   AND (?8 = 0 OR due_date < ?9 OR (due_date = ?9 AND id < ?8))"
    " ORDER BY due_date DESC, id DESC LIMIT ?10", error);
  if (page == NULL)
    return FALSE;
  bind_invoice_filter (page, contract_id, filter);
  sqlite3_bind_int64 (page, 8, filter->after_id);
  san_portald_db_bind_text_or_null (page, 9, filter->after_due_date != NULL ? filter->after_due_date : "");
  sqlite3_bind_int64 (page, 10, (gint64) filter->limit + 1);
  while ((rc = sqlite3_step (page)) == SQLITE_ROW)
    g_ptr_array_add (invoices, invoice_from_row (page));
  if (rc != SQLITE_DONE)
    return san_portald_db_set_error (db, error, "Could not read invoices");
  g_clear_pointer (&page, san_portald_stmt_release);

  for (guint i = 0; i < invoices->len; i++)
    if (!load_items (db, invoices->pdata[i], error))
      return FALSE;

  *out_invoices = g_steal_pointer (&invoices);
  return TRUE;
}

gboolean
san_portald_billing_db_open_totals (SanPortaldDb  *db,
                                    gint64         contract_id,
                                    const char    *today,
                                    gint64        *out_open_cents,
                                    gint64        *out_overdue_cents,
                                    GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "SELECT coalesce (sum (total_cents), 0),"
    "       coalesce (sum (CASE WHEN due_date < ?2 THEN total_cents ELSE 0 END), 0)"
    "  FROM invoices WHERE contract_id = ?1 AND status = 'unpaid'", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  sqlite3_bind_text (stmt, 2, today, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return san_portald_db_set_error (db, error, "Could not sum invoices");
  *out_open_cents = sqlite3_column_int64 (stmt, 0);
  *out_overdue_cents = sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

gint64
san_portald_billing_db_add_invoice (SanPortaldDb             *db,
                                    const SanPortaldInvoice  *invoice,
                                    GError                  **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "INSERT INTO invoices (contract_id, number, status, issue_date, due_date, total_cents,"
    "                      payment_method, paid_at, paid_with)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  gint64 id;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, invoice->contract_id);
  sqlite3_bind_text (stmt, 2, invoice->number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, invoice->status, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, invoice->issue_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, invoice->due_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, invoice->total_cents);
  sqlite3_bind_text (stmt, 7, invoice->payment_method, -1, SQLITE_TRANSIENT);
  san_portald_db_bind_text_or_null (stmt, 8, invoice->paid_at);
  san_portald_db_bind_text_or_null (stmt, 9, invoice->paid_with);
  if (!san_portald_db_step_done (db, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (san_portald_db_get_handle (db));
  g_clear_pointer (&stmt, san_portald_stmt_release);

  for (guint i = 0; i < invoice->items->len; i++)
    {
      const SanPortaldInvoiceItem *item = &g_array_index (invoice->items, SanPortaldInvoiceItem, i);
      g_autoptr(SanPortaldStmt) insert = san_portald_db_prepare (db,
        "INSERT INTO invoice_items (invoice_id, description, service_id, amount_cents)"
        " VALUES (?1, ?2, ?3, ?4)", error);

      if (insert == NULL)
        return 0;
      sqlite3_bind_int64 (insert, 1, id);
      sqlite3_bind_text (insert, 2, item->description, -1, SQLITE_TRANSIENT);
      if (item->service_id > 0)
        sqlite3_bind_int64 (insert, 3, item->service_id);
      else
        sqlite3_bind_null (insert, 3);
      sqlite3_bind_int64 (insert, 4, item->amount_cents);
      if (!san_portald_db_step_done (db, insert, error))
        return 0;
    }
  return id;
}

gboolean
san_portald_billing_db_set_paid (SanPortaldDb  *db,
                                 gint64         invoice_id,
                                 const char    *method,
                                 const char    *paid_at,
                                 gboolean      *out_changed,
                                 GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "UPDATE invoices SET status = 'paid', paid_at = ?2, paid_with = ?3"
    " WHERE id = ?1 AND status IN ('unpaid', 'payment_pending')", error);

  *out_changed = FALSE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  sqlite3_bind_text (stmt, 2, paid_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, method, -1, SQLITE_TRANSIENT);
  if (!san_portald_db_step_done (db, stmt, error))
    return FALSE;
  *out_changed = sqlite3_changes (san_portald_db_get_handle (db)) == 1;
  return TRUE;
}

/* Contracts */

gboolean
san_portald_billing_db_get_contract (SanPortaldDb  *db,
                                     gint64         contract_id,
                                     char         **out_name,
                                     char         **out_document,
                                     GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "SELECT name, document FROM contracts WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return san_portald_db_set_error (db, error, "Could not read a contract");
  *out_name = g_strdup (column_text (stmt, 0));
  *out_document = g_strdup (column_text (stmt, 1));
  return TRUE;
}

/* Boleto 2ª via */

void
san_portald_second_copy_free (SanPortaldSecondCopy *copy)
{
  if (copy == NULL)
    return;
  g_free (copy->due_date);
  g_free (copy->original_due_date);
  g_free (copy->created_at);
  g_free (copy);
}

gboolean
san_portald_billing_db_latest_second_copy (SanPortaldDb           *db,
                                           gint64                  invoice_id,
                                           SanPortaldSecondCopy  **out_copy,
                                           gint64                 *out_count,
                                           GError                **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "SELECT id, due_date, amount_cents, original_due_date, original_amount_cents, fine_cents,"
    "       interest_cents, days_late, created_at,"
    "       (SELECT count (*) FROM boleto_second_copies WHERE invoice_id = ?1)"
    "  FROM boleto_second_copies WHERE invoice_id = ?1 ORDER BY id DESC LIMIT 1", error);
  SanPortaldSecondCopy *copy;
  int rc;

  *out_copy = NULL;
  *out_count = 0;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return san_portald_db_set_error (db, error, "Could not read a 2ª via");

  copy = g_new0 (SanPortaldSecondCopy, 1);
  copy->id = sqlite3_column_int64 (stmt, 0);
  copy->due_date = g_strdup (column_text (stmt, 1));
  copy->amount_cents = sqlite3_column_int64 (stmt, 2);
  copy->original_due_date = g_strdup (column_text (stmt, 3));
  copy->original_amount_cents = sqlite3_column_int64 (stmt, 4);
  copy->fine_cents = sqlite3_column_int64 (stmt, 5);
  copy->interest_cents = sqlite3_column_int64 (stmt, 6);
  copy->days_late = sqlite3_column_int64 (stmt, 7);
  copy->created_at = g_strdup (column_text (stmt, 8));
  *out_count = sqlite3_column_int64 (stmt, 9);
  *out_copy = copy;
  return TRUE;
}

gint64
san_portald_billing_db_add_second_copy (SanPortaldDb                *db,
                                        gint64                       invoice_id,
                                        const SanPortaldSecondCopy  *copy,
                                        GError                     **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "INSERT INTO boleto_second_copies (invoice_id, due_date, amount_cents, original_due_date,"
    "                                  original_amount_cents, fine_cents, interest_cents,"
    "                                  days_late, created_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  sqlite3_bind_text (stmt, 2, copy->due_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, copy->amount_cents);
  sqlite3_bind_text (stmt, 4, copy->original_due_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, copy->original_amount_cents);
  sqlite3_bind_int64 (stmt, 6, copy->fine_cents);
  sqlite3_bind_int64 (stmt, 7, copy->interest_cents);
  sqlite3_bind_int64 (stmt, 8, copy->days_late);
  sqlite3_bind_text (stmt, 9, copy->created_at, -1, SQLITE_TRANSIENT);
  if (!san_portald_db_step_done (db, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (san_portald_db_get_handle (db));
}

/* PIX charges */

void
san_portald_pix_charge_free (SanPortaldPixCharge *charge)
{
  if (charge == NULL)
    return;
  g_free (charge->txid);
  g_free (charge->brcode);
  g_free (charge->status);
  g_free (charge);
}

#define PIX_COLUMNS \
  "SELECT id, invoice_id, txid, brcode, amount_cents, created_ms, expires_ms, status," \
  "       coalesce (settled_ms, 0)" \
  "  FROM pix_charges"

static gboolean
read_pix (SanPortaldDb          *db,
          sqlite3_stmt          *stmt,
          SanPortaldPixCharge  **out_charge,
          GError               **error)
{
  SanPortaldPixCharge *charge;
  int rc = sqlite3_step (stmt);

  *out_charge = NULL;
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return san_portald_db_set_error (db, error, "Could not read a PIX charge");

  charge = g_new0 (SanPortaldPixCharge, 1);
  charge->id = sqlite3_column_int64 (stmt, 0);
  charge->invoice_id = sqlite3_column_int64 (stmt, 1);
  charge->txid = g_strdup (column_text (stmt, 2));
  charge->brcode = g_strdup (column_text (stmt, 3));
  charge->amount_cents = sqlite3_column_int64 (stmt, 4);
  charge->created_ms = sqlite3_column_int64 (stmt, 5);
  charge->expires_ms = sqlite3_column_int64 (stmt, 6);
  charge->status = g_strdup (column_text (stmt, 7));
  charge->settled_ms = sqlite3_column_int64 (stmt, 8);
  *out_charge = charge;
  return TRUE;
}

gboolean
san_portald_billing_db_latest_pix (SanPortaldDb          *db,
                                   gint64                 invoice_id,
                                   SanPortaldPixCharge  **out_charge,
                                   GError               **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    PIX_COLUMNS " WHERE invoice_id = ?1 ORDER BY id DESC LIMIT 1", error);

  *out_charge = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  return read_pix (db, stmt, out_charge, error);
}

gboolean
san_portald_billing_db_find_pix (SanPortaldDb          *db,
                                 const char            *txid,
                                 SanPortaldPixCharge  **out_charge,
                                 GError               **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db, PIX_COLUMNS " WHERE txid = ?1", error);

  *out_charge = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, txid, -1, SQLITE_TRANSIENT);
  return read_pix (db, stmt, out_charge, error);
}

gint64
san_portald_billing_db_add_pix (SanPortaldDb               *db,
                                const SanPortaldPixCharge  *charge,
                                GError                    **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "INSERT INTO pix_charges (invoice_id, txid, brcode, amount_cents, created_ms, expires_ms, status)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'active')", error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, charge->invoice_id);
  sqlite3_bind_text (stmt, 2, charge->txid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, charge->brcode, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, charge->amount_cents);
  sqlite3_bind_int64 (stmt, 5, charge->created_ms);
  sqlite3_bind_int64 (stmt, 6, charge->expires_ms);
  if (!san_portald_db_step_done (db, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (san_portald_db_get_handle (db));
}

gboolean
san_portald_billing_db_settle_pix (SanPortaldDb  *db,
                                   gint64         charge_id,
                                   gint64         settled_ms,
                                   gboolean      *out_changed,
                                   GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "UPDATE pix_charges SET status = 'settled', settled_ms = ?2"
    " WHERE id = ?1 AND status = 'active' AND expires_ms > ?2", error);

  *out_changed = FALSE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, charge_id);
  sqlite3_bind_int64 (stmt, 2, settled_ms);
  if (!san_portald_db_step_done (db, stmt, error))
    return FALSE;
  *out_changed = sqlite3_changes (san_portald_db_get_handle (db)) == 1;
  return TRUE;
}

gboolean
san_portald_billing_db_void_pix (SanPortaldDb  *db,
                                 gint64         invoice_id,
                                 GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "UPDATE pix_charges SET status = 'expired' WHERE invoice_id = ?1 AND status = 'active'", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  return san_portald_db_step_done (db, stmt, error);
}

gboolean
san_portald_billing_db_due_pix (SanPortaldDb  *db,
                                gint64         contract_id,
                                gint64         made_before_ms,
                                gint64         settle_after_ms,
                                GArray       **out_charges,
                                GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "SELECT p.id, p.invoice_id, p.created_ms"
    "  FROM pix_charges p JOIN invoices i ON i.id = p.invoice_id"
    " WHERE i.contract_id = ?1 AND i.status = 'unpaid' AND p.status = 'active'"
    "   AND p.created_ms <= ?2 AND p.expires_ms > p.created_ms + ?3"
    " ORDER BY p.id", error);
  g_autoptr(GArray) charges = g_array_new (FALSE, TRUE, sizeof (SanPortaldPixCharge));
  int rc;

  *out_charges = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  sqlite3_bind_int64 (stmt, 2, made_before_ms);
  sqlite3_bind_int64 (stmt, 3, settle_after_ms);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SanPortaldPixCharge charge = {
        .id = sqlite3_column_int64 (stmt, 0),
        .invoice_id = sqlite3_column_int64 (stmt, 1),
        .created_ms = sqlite3_column_int64 (stmt, 2),
      };

      g_array_append_val (charges, charge);
    }
  if (rc != SQLITE_DONE)
    return san_portald_db_set_error (db, error, "Could not read PIX charges");
  *out_charges = g_steal_pointer (&charges);
  return TRUE;
}

/* Cards and card tokens */

void
san_portald_card_free (SanPortaldCard *card)
{
  if (card == NULL)
    return;
  g_free (card->brand);
  g_free (card->last4);
  g_free (card->holder);
  g_free (card->issuer_answer);
  g_free (card->created_at);
  g_free (card);
}

static SanPortaldCard *
card_from_row (sqlite3_stmt *stmt)
{
  SanPortaldCard *card = g_new0 (SanPortaldCard, 1);

  card->id = sqlite3_column_int64 (stmt, 0);
  card->contract_id = sqlite3_column_int64 (stmt, 1);
  card->brand = g_strdup (column_text (stmt, 2));
  card->last4 = g_strdup (column_text (stmt, 3));
  card->exp_month = sqlite3_column_int64 (stmt, 4);
  card->exp_year = sqlite3_column_int64 (stmt, 5);
  card->holder = g_strdup (column_text (stmt, 6));
  card->issuer_answer = g_strdup (column_text (stmt, 7));
  card->created_at = g_strdup (column_text (stmt, 8));
  return card;
}

gboolean
san_portald_billing_db_add_card_token (SanPortaldDb          *db,
                                       const guint8          *token_hash,
                                       const SanPortaldCard  *card,
                                       gint64                 created_ms,
                                       gint64                 expires_ms,
                                       GError               **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "INSERT INTO card_tokens (contract_id, token_hash, brand, last4, exp_month, exp_year, holder,"
    "                         issuer_answer, created_ms, expires_ms)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, card->contract_id);
  sqlite3_bind_blob (stmt, 2, token_hash, 32, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, card->brand, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, card->last4, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, card->exp_month);
  sqlite3_bind_int64 (stmt, 6, card->exp_year);
  sqlite3_bind_text (stmt, 7, card->holder, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, card->issuer_answer, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 9, created_ms);
  sqlite3_bind_int64 (stmt, 10, expires_ms);
  return san_portald_db_step_done (db, stmt, error);
}

gboolean
san_portald_billing_db_use_card_token (SanPortaldDb     *db,
                                       gint64            contract_id,
                                       const guint8     *token_hash,
                                       gint64            now_ms,
                                       SanPortaldCard  **out_card,
                                       GError          **error)
{
  g_autoptr(SanPortaldStmt) find = san_portald_db_prepare (db,
    "SELECT id, contract_id, brand, last4, exp_month, exp_year, holder, issuer_answer, ''"
    "  FROM card_tokens"
    " WHERE token_hash = ?1 AND contract_id = ?2 AND used = 0 AND expires_ms > ?3", error);
  g_autoptr(SanPortaldStmt) use = NULL;
  g_autoptr(SanPortaldCard) card = NULL;
  int rc;

  *out_card = NULL;
  if (find == NULL)
    return FALSE;
  sqlite3_bind_blob (find, 1, token_hash, 32, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (find, 2, contract_id);
  sqlite3_bind_int64 (find, 3, now_ms);
  rc = sqlite3_step (find);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return san_portald_db_set_error (db, error, "Could not read a card token");
  card = card_from_row (find);
  g_clear_pointer (&find, san_portald_stmt_release);

  use = san_portald_db_prepare (db, "UPDATE card_tokens SET used = 1 WHERE id = ?1", error);
  if (use == NULL)
    return FALSE;
  sqlite3_bind_int64 (use, 1, card->id);
  if (!san_portald_db_step_done (db, use, error))
    return FALSE;
  /* a token is not a stored card */
  card->id = 0;
  *out_card = g_steal_pointer (&card);
  return TRUE;
}

gint64
san_portald_billing_db_add_card (SanPortaldDb          *db,
                                 const SanPortaldCard  *card,
                                 GError               **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "INSERT INTO cards (contract_id, brand, last4, exp_month, exp_year, holder, issuer_answer,"
    "                   created_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, card->contract_id);
  sqlite3_bind_text (stmt, 2, card->brand, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, card->last4, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, card->exp_month);
  sqlite3_bind_int64 (stmt, 5, card->exp_year);
  sqlite3_bind_text (stmt, 6, card->holder, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, card->issuer_answer, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, card->created_at, -1, SQLITE_TRANSIENT);
  if (!san_portald_db_step_done (db, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (san_portald_db_get_handle (db));
}

#define CARD_COLUMNS \
  "SELECT id, contract_id, brand, last4, exp_month, exp_year, holder, issuer_answer, created_at" \
  "  FROM cards"

gboolean
san_portald_billing_db_list_cards (SanPortaldDb  *db,
                                   gint64         contract_id,
                                   GPtrArray    **out_cards,
                                   GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    CARD_COLUMNS " WHERE contract_id = ?1 ORDER BY id", error);
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func ((GDestroyNotify) san_portald_card_free);
  int rc;

  *out_cards = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (cards, card_from_row (stmt));
  if (rc != SQLITE_DONE)
    return san_portald_db_set_error (db, error, "Could not read cards");
  *out_cards = g_steal_pointer (&cards);
  return TRUE;
}

gboolean
san_portald_billing_db_get_card (SanPortaldDb     *db,
                                 gint64            contract_id,
                                 gint64            card_id,
                                 SanPortaldCard  **out_card,
                                 GError          **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    CARD_COLUMNS " WHERE contract_id = ?1 AND id = ?2", error);
  int rc;

  *out_card = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  sqlite3_bind_int64 (stmt, 2, card_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return san_portald_db_set_error (db, error, "Could not read a card");
  *out_card = card_from_row (stmt);
  return TRUE;
}

gboolean
san_portald_billing_db_delete_card (SanPortaldDb  *db,
                                    gint64         contract_id,
                                    gint64         card_id,
                                    gboolean      *out_deleted,
                                    GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "DELETE FROM cards WHERE contract_id = ?1 AND id = ?2", error);

  *out_deleted = FALSE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  sqlite3_bind_int64 (stmt, 2, card_id);
  if (!san_portald_db_step_done (db, stmt, error))
    return FALSE;
  *out_deleted = sqlite3_changes (san_portald_db_get_handle (db)) == 1;
  return TRUE;
}

/* Payments and idempotency keys */

gint64
san_portald_billing_db_add_payment (SanPortaldDb          *db,
                                    gint64                 invoice_id,
                                    gint64                 amount_cents,
                                    const SanPortaldCard  *card,
                                    const char            *created_at,
                                    GError               **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "INSERT INTO payments (invoice_id, method, status, amount_cents, card_id, card_brand,"
    "                      card_last4, created_at)"
    " VALUES (?1, 'card', 'approved', ?2, ?3, ?4, ?5, ?6)", error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  sqlite3_bind_int64 (stmt, 2, amount_cents);
  if (card->id > 0)
    sqlite3_bind_int64 (stmt, 3, card->id);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_text (stmt, 4, card->brand, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, card->last4, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, created_at, -1, SQLITE_TRANSIENT);
  if (!san_portald_db_step_done (db, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (san_portald_db_get_handle (db));
}

gboolean
san_portald_billing_db_count_payments (SanPortaldDb  *db,
                                       gint64         invoice_id,
                                       gint64        *out_count,
                                       GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "SELECT count (*) FROM payments WHERE invoice_id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return san_portald_db_set_error (db, error, "Could not count payments");
  *out_count = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

void
san_portald_idempotent_answer_free (SanPortaldIdempotentAnswer *answer)
{
  if (answer == NULL)
    return;
  g_free (answer->content_type);
  g_free (answer->body);
  g_free (answer);
}

gboolean
san_portald_billing_db_find_idempotent (SanPortaldDb                 *db,
                                        gint64                        contract_id,
                                        const char                   *key,
                                        SanPortaldIdempotentAnswer  **out_answer,
                                        GError                      **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "SELECT request_hash, status, content_type, body FROM idempotency_keys"
    " WHERE contract_id = ?1 AND key = ?2", error);
  SanPortaldIdempotentAnswer *answer;
  int rc;

  *out_answer = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW || sqlite3_column_bytes (stmt, 0) != SAN_PORTALD_REQUEST_HASH_SIZE)
    return san_portald_db_set_error (db, error, "Could not read an idempotency key");

  answer = g_new0 (SanPortaldIdempotentAnswer, 1);
  memcpy (answer->request_hash, sqlite3_column_blob (stmt, 0), SAN_PORTALD_REQUEST_HASH_SIZE);
  answer->status = (guint) sqlite3_column_int (stmt, 1);
  answer->content_type = g_strdup (column_text (stmt, 2));
  answer->body = g_strdup (column_text (stmt, 3));
  *out_answer = answer;
  return TRUE;
}

gboolean
san_portald_billing_db_add_idempotent (SanPortaldDb                      *db,
                                       gint64                            contract_id,
                                       const char                       *key,
                                       const SanPortaldIdempotentAnswer *answer,
                                       gint64                            now_ms,
                                       GError                          **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "INSERT INTO idempotency_keys (contract_id, key, request_hash, status, content_type, body,"
    "                              created_ms)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_blob (stmt, 3, answer->request_hash, SAN_PORTALD_REQUEST_HASH_SIZE, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, (int) answer->status);
  sqlite3_bind_text (stmt, 5, answer->content_type, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, answer->body, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 7, now_ms);
  return san_portald_db_step_done (db, stmt, error);
}

/* The demo seed */

static void
seed_contract_clear (gpointer data)
{
  SanPortaldSeedContract *contract = data;

  g_clear_pointer (&contract->name, g_free);
  g_clear_pointer (&contract->owner_email, g_free);
}

gboolean
san_portald_billing_db_seed_contracts (SanPortaldDb  *db,
                                       GArray       **out_contracts,
                                       GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "SELECT c.id, c.name, u.email FROM contracts c JOIN users u ON u.id = c.owner_id"
    " ORDER BY c.id", error);
  g_autoptr(GArray) contracts = g_array_new (FALSE, TRUE, sizeof (SanPortaldSeedContract));
  int rc;

  g_array_set_clear_func (contracts, seed_contract_clear);
  *out_contracts = NULL;
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SanPortaldSeedContract contract = {
        .id = sqlite3_column_int64 (stmt, 0),
        .name = g_strdup (column_text (stmt, 1)),
        .owner_email = g_strdup (column_text (stmt, 2)),
      };

      g_array_append_val (contracts, contract);
    }
  if (rc != SQLITE_DONE)
    return san_portald_db_set_error (db, error, "Could not read contracts");
  *out_contracts = g_steal_pointer (&contracts);
  return TRUE;
}

static void
seed_service_clear (gpointer data)
{
  SanPortaldSeedService *service = data;

  g_clear_pointer (&service->product, g_free);
  g_clear_pointer (&service->plan, g_free);
  g_clear_pointer (&service->domain, g_free);
  g_clear_pointer (&service->status, g_free);
  g_clear_pointer (&service->billing_cycle, g_free);
  g_clear_pointer (&service->next_due_date, g_free);
  g_clear_pointer (&service->status_since, g_free);
  g_clear_pointer (&service->created_at, g_free);
}

gboolean
san_portald_billing_db_seed_services (SanPortaldDb  *db,
                                      gint64         contract_id,
                                      GArray       **out_services,
                                      GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "SELECT id, product, plan, domain, status, billing_cycle, price_cents, next_due_date,"
    "       status_since, created_at"
    "  FROM services WHERE contract_id = ?1 ORDER BY id", error);
  g_autoptr(GArray) services = g_array_new (FALSE, TRUE, sizeof (SanPortaldSeedService));
  int rc;

  g_array_set_clear_func (services, seed_service_clear);
  *out_services = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SanPortaldSeedService service = {
        .id = sqlite3_column_int64 (stmt, 0),
        .product = g_strdup (column_text (stmt, 1)),
        .plan = g_strdup (column_text (stmt, 2)),
        .domain = g_strdup (column_text (stmt, 3)),
        .status = g_strdup (column_text (stmt, 4)),
        .billing_cycle = g_strdup (column_text (stmt, 5)),
        .price_cents = sqlite3_column_int64 (stmt, 6),
        .next_due_date = column_text_or_null (stmt, 7),
        .status_since = g_strdup (column_text (stmt, 8)),
        .created_at = g_strdup (column_text (stmt, 9)),
      };

      g_array_append_val (services, service);
    }
  if (rc != SQLITE_DONE)
    return san_portald_db_set_error (db, error, "Could not read services");
  *out_services = g_steal_pointer (&services);
  return TRUE;
}
