/* san-portald-paymethods-private.h: the paymethods storage, shared by
 * san-portald-paymethods.c and san-portald-paymethods-db.c only
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "san-portald-paymethods.h"

G_BEGIN_DECLS

/* The bank's name for a known COMPE code, or NULL */
const char *san_portald_bank_name                   (const char    *bank_code);

typedef enum
{
  SAN_PORTALD_PM_DB_DONE,
  SAN_PORTALD_PM_DB_NOT_FOUND,
  SAN_PORTALD_PM_DB_IN_USE,
} SanPortaldPmDbResult;

typedef struct
{
  gint64  id;
  char   *bank_code;
  char   *agency;
  char   *account;
  char   *holder;
  char   *holder_document;  /* bare digits */
  char   *created_at;
} SanPortaldBankAccount;

void san_portald_bank_account_free (SanPortaldBankAccount *account);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SanPortaldBankAccount, san_portald_bank_account_free)

typedef struct
{
  gboolean found;
  char     status[24];
  char     due_date[16];
  char     number[64];
  gint64   total_cents;
  gboolean has_schedule;
} SanPortaldPmInvoice;

typedef struct
{
  gint64  invoice_id;
  gint64  bank_account_id;
  char   *date;
  char   *created_at;
} SanPortaldDebitSchedule;

void san_portald_debit_schedule_free (SanPortaldDebitSchedule *schedule);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SanPortaldDebitSchedule, san_portald_debit_schedule_free)

typedef struct
{
  gint64  id;
  char   *name;
  char   *method;
} SanPortaldServiceMethod;

void san_portald_service_method_free (SanPortaldServiceMethod *service);

typedef struct
{
  gint64  id;
  gint64  contract_id;
  gint64  invoice_id;
  char   *invoice_number;
  char   *status;             /* pending | issued */
  char   *number;             /* NULL while pending */
  char   *verification_code;  /* NULL while pending */
  gint64  amount_cents;
  char   *description;
  char   *scheduled_for;
  char   *issued_at;          /* RFC 3339; NULL while pending */
  char   *issued_on;          /* YYYY-MM-DD in São Paulo; NULL while pending */
} SanPortaldFiscalNote;

void san_portald_fiscal_note_free (SanPortaldFiscalNote *note);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SanPortaldFiscalNote, san_portald_fiscal_note_free)

typedef struct
{
  const char *status;    /* NULL: any */
  const char *from;      /* NULL: any; YYYY-MM-DD */
  const char *to;
  gint64      after_id;  /* 0: from the start */
  guint       limit;
} SanPortaldNoteFilter;

/* Whether a transaction is open on @db */
gboolean    san_portald_pm_db_in_transaction        (SanPortaldDb                 *db);
gboolean    san_portald_pm_db_get_contract          (SanPortaldDb                 *db,
                                                     gint64                        contract_id,
                                                     char                        **out_name,
                                                     char                        **out_document,
                                                     GError                      **error);
/* 0 when none, -1 with @error set */
gint64      san_portald_pm_db_find_contract_by_document (SanPortaldDb             *db,
                                                     const char                   *document,
                                                     GError                      **error);
GPtrArray  *san_portald_pm_db_list_bank_accounts    (SanPortaldDb                 *db,
                                                     gint64                        contract_id,
                                                     GError                      **error);
gboolean    san_portald_pm_db_get_bank_account      (SanPortaldDb                 *db,
                                                     gint64                        contract_id,
                                                     gint64                        account_id,
                                                     SanPortaldBankAccount       **out_account,
                                                     GError                      **error);
/* The new id; 0 with *@out_duplicate when the contract has it already, or
 * 0 with @error set */
gint64      san_portald_pm_db_add_bank_account      (SanPortaldDb                 *db,
                                                     gint64                        contract_id,
                                                     const SanPortaldBankAccount  *account,
                                                     gboolean                     *out_duplicate,
                                                     GError                      **error);
gboolean    san_portald_pm_db_delete_bank_account   (SanPortaldDb                 *db,
                                                     gint64                        contract_id,
                                                     gint64                        account_id,
                                                     SanPortaldPmDbResult         *out_result,
                                                     GError                      **error);
gboolean    san_portald_pm_db_has_bank_account      (SanPortaldDb                 *db,
                                                     gint64                        contract_id,
                                                     gboolean                     *out_has,
                                                     GError                      **error);
gboolean    san_portald_pm_db_has_card              (SanPortaldDb                 *db,
                                                     gint64                        contract_id,
                                                     guint                         year,
                                                     guint                         month,
                                                     gboolean                     *out_has,
                                                     GError                      **error);
gboolean    san_portald_pm_db_get_invoice           (SanPortaldDb                 *db,
                                                     gint64                        contract_id,
                                                     gint64                        invoice_id,
                                                     SanPortaldPmInvoice          *out_invoice,
                                                     GError                      **error);
gboolean    san_portald_pm_db_get_debit_schedule    (SanPortaldDb                 *db,
                                                     gint64                        contract_id,
                                                     gint64                        invoice_id,
                                                     SanPortaldDebitSchedule     **out_schedule,
                                                     GError                      **error);
gboolean    san_portald_pm_db_set_debit_schedule    (SanPortaldDb                 *db,
                                                     gint64                        invoice_id,
                                                     gint64                        bank_account_id,
                                                     const char                   *date,
                                                     const char                   *created_at,
                                                     GError                      **error);
gboolean    san_portald_pm_db_delete_debit_schedule (SanPortaldDb                 *db,
                                                     gint64                        invoice_id,
                                                     GError                      **error);
gboolean    san_portald_pm_db_drop_stale_schedules  (SanPortaldDb                 *db,
                                                     GError                      **error);
gboolean    san_portald_pm_db_list_due_schedules    (SanPortaldDb                 *db,
                                                     const char                   *today,
                                                     GArray                       *out_invoice_ids,
                                                     GPtrArray                    *out_dates,
                                                     GError                      **error);
/* 0 when none, -1 with @error set */
gint64      san_portald_pm_db_find_pending_invoice  (SanPortaldDb                 *db,
                                                     gint64                        contract_id,
                                                     char                        **out_due_date,
                                                     GError                      **error);
gboolean    san_portald_pm_db_get_dda               (SanPortaldDb                 *db,
                                                     gint64                        contract_id,
                                                     char                        **out_enabled_at,
                                                     GError                      **error);
gboolean    san_portald_pm_db_set_dda               (SanPortaldDb                 *db,
                                                     gint64                        contract_id,
                                                     const char                   *enabled_at,
                                                     GError                      **error);
char       *san_portald_pm_db_get_default_method    (SanPortaldDb                 *db,
                                                     gint64                        contract_id,
                                                     GError                      **error);
gboolean    san_portald_pm_db_set_default_method    (SanPortaldDb                 *db,
                                                     gint64                        contract_id,
                                                     const char                   *method,
                                                     GError                      **error);
GPtrArray  *san_portald_pm_db_list_service_methods  (SanPortaldDb                 *db,
                                                     gint64                        contract_id,
                                                     GError                      **error);
gboolean    san_portald_pm_db_get_service_status    (SanPortaldDb                 *db,
                                                     gint64                        contract_id,
                                                     gint64                        service_id,
                                                     char                        **out_status,
                                                     GError                      **error);
gboolean    san_portald_pm_db_set_service_method    (SanPortaldDb                 *db,
                                                     gint64                        contract_id,
                                                     gint64                        service_id,
                                                     const char                   *method,
                                                     GError                      **error);
gboolean    san_portald_pm_db_get_note              (SanPortaldDb                 *db,
                                                     gint64                        contract_id,
                                                     gint64                        note_id,
                                                     SanPortaldFiscalNote        **out_note,
                                                     GError                      **error);
gboolean    san_portald_pm_db_list_notes            (SanPortaldDb                 *db,
                                                     gint64                        contract_id,
                                                     const SanPortaldNoteFilter   *filter,
                                                     GPtrArray                   **out_notes,
                                                     gint64                       *out_total,
                                                     gboolean                     *out_more,
                                                     gboolean                     *out_cursor_valid,
                                                     GError                      **error);
gboolean    san_portald_pm_db_add_note              (SanPortaldDb                 *db,
                                                     gint64                        invoice_id,
                                                     const char                   *scheduled_for,
                                                     GError                      **error);
gboolean    san_portald_pm_db_list_due_notes        (SanPortaldDb                 *db,
                                                     const char                   *today,
                                                     GArray                       *out_note_ids,
                                                     GPtrArray                    *out_dates,
                                                     GError                      **error);
gboolean    san_portald_pm_db_anything_due          (SanPortaldDb                 *db,
                                                     const char                   *today,
                                                     gboolean                     *out_due,
                                                     GError                      **error);
gint64      san_portald_pm_db_next_note_sequence    (SanPortaldDb                 *db,
                                                     guint                         year,
                                                     GError                      **error);
gboolean    san_portald_pm_db_issue_note            (SanPortaldDb                 *db,
                                                     gint64                        note_id,
                                                     guint                         year,
                                                     gint64                        sequence,
                                                     const char                   *number,
                                                     const char                   *verification_code,
                                                     const char                   *issued_at,
                                                     const char                   *issued_on,
                                                     gboolean                     *out_issued,
                                                     GError                      **error);
gboolean    san_portald_pm_db_list_paid_invoices    (SanPortaldDb                 *db,
                                                     GArray                       *out_invoice_ids,
                                                     GArray                       *out_contract_ids,
                                                     GPtrArray                    *out_paid_at,
                                                     GError                      **error);
gboolean    san_portald_pm_db_reschedule_note       (SanPortaldDb                 *db,
                                                     gint64                        invoice_id,
                                                     const char                   *scheduled_for,
                                                     GError                      **error);

G_END_DECLS
