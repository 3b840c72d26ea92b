/* san-client-billing.h: invoices, payments, payment methods and notas fiscais
 *
 * Every call is an _async/_finish pair on SanClient, like those of
 * san-client.h: errors are SAN_API_ERROR (404 SAN_API_ERROR_NOT_FOUND, 409
 * SAN_API_ERROR_CONFLICT, 402 SAN_API_ERROR_PAYMENT_DECLINED, 422
 * SAN_API_ERROR_IDEMPOTENCY, an answer about another contract or invoice
 * SAN_API_ERROR_MALFORMED) or G_IO_ERROR_CANCELLED.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "san-bank-account.h"
#include "san-boleto.h"
#include "san-card.h"
#include "san-client.h"
#include "san-dda.h"
#include "san-debit-schedule.h"
#include "san-enums.h"
#include "san-fiscal-note.h"
#include "san-invoice.h"
#include "san-page.h"
#include "san-pay-methods.h"
#include "san-payment.h"
#include "san-pix-charge.h"

G_BEGIN_DECLS

/* Invoices */

/* One page of a contract's invoices, newest first. @status (nullable) is a
 * SanInvoiceStatus wire word or "overdue" (unpaid past due); @from and @to
 * (nullable) bound the due date, inclusive; @search (nullable) matches the
 * number; @cursor (nullable) is a page's next cursor; @limit 0 means the
 * server's default. The page's items are SanInvoice. The finish also gives
 * the sums of all unpaid and of all overdue invoices of the contract,
 * whatever the filters (@out_* nullable). */
void         san_client_list_invoices_async        (SanClient            *self,
                                                    const char           *contract_id,
                                                    const char           *status,
                                                    const GDate          *from,
                                                    const GDate          *to,
                                                    const char           *search,
                                                    const char           *cursor,
                                                    guint                 limit,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
SanPage     *san_client_list_invoices_finish       (SanClient            *self,
                                                    GAsyncResult         *result,
                                                    gint64               *out_open_total_cents,
                                                    gint64               *out_overdue_total_cents,
                                                    GError              **error);

/* Every invoice of a contract, following the pages: a GListModel of
 * SanInvoice, newest first; the totals as in list_invoices (of the last page). */
void         san_client_list_all_invoices_async    (SanClient            *self,
                                                    const char           *contract_id,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
GListModel  *san_client_list_all_invoices_finish   (SanClient            *self,
                                                    GAsyncResult         *result,
                                                    gint64               *out_open_total_cents,
                                                    gint64               *out_overdue_total_cents,
                                                    GError              **error);

void         san_client_get_invoice_async          (SanClient            *self,
                                                    const char           *contract_id,
                                                    const char           *invoice_id,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
SanInvoice  *san_client_get_invoice_finish         (SanClient            *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* The invoice as a PDF (application/pdf, starting "%PDF-") */
void         san_client_download_invoice_pdf_async (SanClient            *self,
                                                    const char           *contract_id,
                                                    const char           *invoice_id,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
GBytes      *san_client_download_invoice_pdf_finish (SanClient           *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

/* Boleto */

/* The boleto of an unpaid invoice (its latest 2ª via when there is one);
 * SAN_API_ERROR_CONFLICT when the invoice is not unpaid. */
void         san_client_get_boleto_async           (SanClient            *self,
                                                    const char           *contract_id,
                                                    const char           *invoice_id,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
SanBoleto   *san_client_get_boleto_finish          (SanClient            *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* A 2ª via of an overdue invoice's boleto (new due date, fine and
 * interest); SAN_API_ERROR_CONFLICT when the invoice is not overdue. */
void         san_client_request_second_copy_async  (SanClient            *self,
                                                    const char           *contract_id,
                                                    const char           *invoice_id,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
SanBoleto   *san_client_request_second_copy_finish (SanClient            *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* PIX */

/* A PIX charge for an unpaid invoice: the still-active one, or a new one */
void          san_client_create_pix_async          (SanClient            *self,
                                                    const char           *contract_id,
                                                    const char           *invoice_id,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
SanPixCharge *san_client_create_pix_finish         (SanClient            *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* The invoice's latest PIX charge (SAN_API_ERROR_NOT_FOUND when none):
 * poll it to see it settled. */
void          san_client_get_pix_async             (SanClient            *self,
                                                    const char           *contract_id,
                                                    const char           *invoice_id,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
SanPixCharge *san_client_get_pix_finish            (SanClient            *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* Cards and payments
 *
 * The card number and CVV are only ever in memory: the request that
 * carries them is wiped when freed and never logged. */

/* A single-use token (15 minutes) for paying with a card not stored;
 * SAN_API_ERROR_INVALID_INPUT names the fields that are wrong. */
void         san_client_tokenize_card_async        (SanClient            *self,
                                                    const char           *contract_id,
                                                    const char           *number,
                                                    const char           *holder,
                                                    guint                 exp_month,
                                                    guint                 exp_year,
                                                    const char           *cvv,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
char        *san_client_tokenize_card_finish       (SanClient            *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* The contract's stored cards: a GListModel of SanCard */
void         san_client_list_cards_async           (SanClient            *self,
                                                    const char           *contract_id,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
GListModel  *san_client_list_cards_finish          (SanClient            *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

void         san_client_add_card_async             (SanClient            *self,
                                                    const char           *contract_id,
                                                    const char           *number,
                                                    const char           *holder,
                                                    guint                 exp_month,
                                                    guint                 exp_year,
                                                    const char           *cvv,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
SanCard     *san_client_add_card_finish            (SanClient            *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

void         san_client_delete_card_async          (SanClient            *self,
                                                    const char           *contract_id,
                                                    const char           *card_id,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean     san_client_delete_card_finish         (SanClient            *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* A new idempotency key (a random UUID). Keep one per payment attempt and
 * send it again on a retry: the server charges once per key. */
char        *san_client_new_idempotency_key        (void);

/* Pays the invoice with a stored card (@card_id) or a token of
 * san_client_tokenize_card_async() (@card_token): exactly one of them.
 * SAN_API_ERROR_PAYMENT_DECLINED when the card was declined (the message
 * says why), SAN_API_ERROR_CONFLICT when the invoice cannot be paid (paid,
 * cancelled), SAN_API_ERROR_IDEMPOTENCY when @idempotency_key was used for
 * another payment. */
void         san_client_pay_with_card_async        (SanClient            *self,
                                                    const char           *contract_id,
                                                    const char           *invoice_id,
                                                    const char           *card_id,
                                                    const char           *card_token,
                                                    const char           *idempotency_key,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
SanPayment  *san_client_pay_with_card_finish       (SanClient            *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* Bank accounts and Débito em Conta */

/* A GListModel of SanBankAccount */
void         san_client_list_bank_accounts_async   (SanClient            *self,
                                                    const char           *contract_id,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
GListModel  *san_client_list_bank_accounts_finish  (SanClient            *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* @bank_code "341", @agency "1234" (or "1234-5"), @account "12345-6",
 * @holder_document a CPF or CNPJ */
void           san_client_add_bank_account_async   (SanClient            *self,
                                                    const char           *contract_id,
                                                    const char           *bank_code,
                                                    const char           *agency,
                                                    const char           *account,
                                                    const char           *holder,
                                                    const char           *holder_document,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
SanBankAccount *san_client_add_bank_account_finish (SanClient            *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* SAN_API_ERROR_CONFLICT while a debit schedule uses the account */
void         san_client_delete_bank_account_async  (SanClient            *self,
                                                    const char           *contract_id,
                                                    const char           *account_id,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean     san_client_delete_bank_account_finish (SanClient            *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* NULL with SAN_API_ERROR_NOT_FOUND when the invoice has no schedule */
void              san_client_get_debit_schedule_async     (SanClient            *self,
                                                           const char           *contract_id,
                                                           const char           *invoice_id,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
SanDebitSchedule *san_client_get_debit_schedule_finish    (SanClient            *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);

/* Schedules (or moves) the debit of an unpaid invoice on @date (today up to
 * the due date); the invoice becomes payment_pending. */
void              san_client_set_debit_schedule_async     (SanClient            *self,
                                                           const char           *contract_id,
                                                           const char           *invoice_id,
                                                           const char           *bank_account_id,
                                                           const GDate          *date,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
SanDebitSchedule *san_client_set_debit_schedule_finish    (SanClient            *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);

/* The invoice is unpaid again */
void              san_client_cancel_debit_schedule_async  (SanClient            *self,
                                                           const char           *contract_id,
                                                           const char           *invoice_id,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean          san_client_cancel_debit_schedule_finish (SanClient            *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);

/* DDA */

void         san_client_get_dda_async              (SanClient            *self,
                                                    const char           *contract_id,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
SanDda      *san_client_get_dda_finish             (SanClient            *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

void         san_client_set_dda_async              (SanClient            *self,
                                                    const char           *contract_id,
                                                    gboolean              enabled,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
SanDda      *san_client_set_dda_finish             (SanClient            *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* Payment methods
 *
 * Choosing SAN_PAYMENT_METHOD_CARD needs a stored card, and
 * SAN_PAYMENT_METHOD_BANK_DEBIT a bank account (else SAN_API_ERROR_CONFLICT).
 * The set calls answer with all the payment methods, like the get. */

void           san_client_get_pay_methods_async          (SanClient            *self,
                                                          const char           *contract_id,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
SanPayMethods *san_client_get_pay_methods_finish         (SanClient            *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);

/* Needs the "profile" permission */
void           san_client_set_default_pay_method_async   (SanClient            *self,
                                                          const char           *contract_id,
                                                          SanPaymentMethod      method,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
SanPayMethods *san_client_set_default_pay_method_finish  (SanClient            *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);

void           san_client_set_service_pay_method_async   (SanClient            *self,
                                                          const char           *contract_id,
                                                          const char           *service_id,
                                                          SanPaymentMethod      method,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
SanPayMethods *san_client_set_service_pay_method_finish  (SanClient            *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);

/* Notas fiscais */

/* One page of a contract's notas fiscais, newest first. @status (nullable)
 * filters; @from and @to (nullable) bound the issue (or scheduled) date,
 * inclusive; @cursor, @limit as in list_invoices. Items are SanFiscalNote. */
void           san_client_list_fiscal_notes_async        (SanClient                 *self,
                                                          const char                *contract_id,
                                                          const SanFiscalNoteStatus *status,
                                                          const GDate               *from,
                                                          const GDate               *to,
                                                          const char                *cursor,
                                                          guint                      limit,
                                                          GCancellable              *cancellable,
                                                          GAsyncReadyCallback        callback,
                                                          gpointer                   user_data);
SanPage       *san_client_list_fiscal_notes_finish       (SanClient            *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);

/* Every nota fiscal of a contract: a GListModel of SanFiscalNote */
void           san_client_list_all_fiscal_notes_async    (SanClient            *self,
                                                          const char           *contract_id,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
GListModel    *san_client_list_all_fiscal_notes_finish   (SanClient            *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);

void           san_client_get_fiscal_note_async          (SanClient            *self,
                                                          const char           *contract_id,
                                                          const char           *note_id,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
SanFiscalNote *san_client_get_fiscal_note_finish         (SanClient            *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);

/* The issued note as PDF (application/pdf, "%PDF-") or NFS-e XML
 * (application/xml); SAN_API_ERROR_CONFLICT while pending. */
void           san_client_download_fiscal_note_async     (SanClient            *self,
                                                          const char           *contract_id,
                                                          const char           *note_id,
                                                          SanFiscalNoteFormat   format,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
GBytes        *san_client_download_fiscal_note_finish    (SanClient            *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);

/* Issues a pending note now; SAN_API_ERROR_CONFLICT when already issued. */
void           san_client_issue_fiscal_note_async        (SanClient            *self,
                                                          const char           *contract_id,
                                                          const char           *note_id,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
SanFiscalNote *san_client_issue_fiscal_note_finish       (SanClient            *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);

G_END_DECLS
