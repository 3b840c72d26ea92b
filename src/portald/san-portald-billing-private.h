/* san-portald-billing-private.h: the billing rows and queries (san-portald-billing-db.c)
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For san-portald-billing.c only. Dates are "YYYY-MM-DD" text, instants
 * RFC 3339 UTC text or Unix milliseconds (*_ms). No card number or CVV ever
 * reaches these functions: a card is its brand, last four digits, expiry,
 * holder and the simulated issuer's answer.
 */
#pragma once

#include "san-portald-db.h"

G_BEGIN_DECLS

/* Invoices */

typedef struct
{
  char   *description;
  gint64  service_id;        /* 0: a fee not tied to a service */
  char   *service_kind;      /* shared | cloud | dedicated; NULL without a service */
  gint64  amount_cents;
} SanPortaldInvoiceItem;

typedef struct
{
  gint64  id;
  gint64  contract_id;
  char   *number;
  char   *status;            /* unpaid | paid | cancelled | refunded | payment_pending */
  char   *issue_date;
  char   *due_date;
  gint64  total_cents;
  char   *payment_method;    /* boleto | pix | card | bank_debit */
  char   *paid_at;           /* NULL unless paid (or refunded) */
  char   *paid_with;         /* NULL unless paid (or refunded) */
  GArray *items;             /* SanPortaldInvoiceItem */
} SanPortaldInvoice;

SanPortaldInvoice *san_portald_invoice_new  (void);
void               san_portald_invoice_free (SanPortaldInvoice *invoice);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SanPortaldInvoice, san_portald_invoice_free)

typedef struct
{
  const char *status;         /* NULL: any; a status word or "overdue" */
  const char *today;          /* for "overdue" */
  const char *from;           /* due_date >= from; NULL: any */
  const char *to;             /* due_date <= to; NULL: any */
  const char *number_query;   /* number contains; NULL: any */
  gint64      after_id;       /* cursor: the last invoice of the previous page, 0: none */
  const char *after_due_date; /* and its due date */
  guint       limit;
} SanPortaldInvoiceFilter;

/* *@out_invoice NULL (and TRUE) when @contract_id has no invoice @invoice_id;
 * @contract_id 0: any contract */
gboolean san_portald_billing_db_get_invoice     (SanPortaldDb                   *db,
                                                 gint64                          contract_id,
                                                 gint64                          invoice_id,
                                                 SanPortaldInvoice             **out_invoice,
                                                 GError                        **error);
/* At most filter->limit + 1 invoices (the extra one says there is a next
 * page), newest first, and the number of all matches */
gboolean san_portald_billing_db_list_invoices   (SanPortaldDb                   *db,
                                                 gint64                          contract_id,
                                                 const SanPortaldInvoiceFilter  *filter,
                                                 GPtrArray                     **out_invoices,
                                                 gint64                         *out_total,
                                                 GError                        **error);
/* Sums of the contract's unpaid invoices, and of those due before @today */
gboolean san_portald_billing_db_open_totals     (SanPortaldDb                   *db,
                                                 gint64                          contract_id,
                                                 const char                     *today,
                                                 gint64                         *out_open_cents,
                                                 gint64                         *out_overdue_cents,
                                                 GError                        **error);
/* Returns the new id (0 with @error); the items too */
gint64   san_portald_billing_db_add_invoice     (SanPortaldDb                   *db,
                                                 const SanPortaldInvoice        *invoice,
                                                 GError                        **error);
/* Sets an unpaid or payment_pending invoice paid; *@out_changed FALSE otherwise */
gboolean san_portald_billing_db_set_paid        (SanPortaldDb                   *db,
                                                 gint64                          invoice_id,
                                                 const char                     *method,
                                                 const char                     *paid_at,
                                                 gboolean                       *out_changed,
                                                 GError                        **error);

/* Contracts */
gboolean san_portald_billing_db_get_contract    (SanPortaldDb                   *db,
                                                 gint64                          contract_id,
                                                 char                          **out_name,
                                                 char                          **out_document,
                                                 GError                        **error);

/* Boleto 2ª via */

typedef struct
{
  gint64  id;
  char   *due_date;
  gint64  amount_cents;
  char   *original_due_date;
  gint64  original_amount_cents;
  gint64  fine_cents;
  gint64  interest_cents;
  gint64  days_late;
  char   *created_at;
} SanPortaldSecondCopy;

void     san_portald_second_copy_free           (SanPortaldSecondCopy *copy);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SanPortaldSecondCopy, san_portald_second_copy_free)

/* The latest 2ª via (NULL when none) and how many there are */
gboolean san_portald_billing_db_latest_second_copy (SanPortaldDb           *db,
                                                    gint64                  invoice_id,
                                                    SanPortaldSecondCopy  **out_copy,
                                                    gint64                 *out_count,
                                                    GError                **error);
gint64   san_portald_billing_db_add_second_copy    (SanPortaldDb                *db,
                                                    gint64                       invoice_id,
                                                    const SanPortaldSecondCopy  *copy,
                                                    GError                     **error);

/* PIX charges; status as stored: active, settled, or expired (voided when
 * the invoice was paid otherwise); an active one past expires_ms is expired */

typedef struct
{
  gint64  id;
  gint64  invoice_id;
  char   *txid;
  char   *brcode;
  gint64  amount_cents;
  gint64  created_ms;
  gint64  expires_ms;
  char   *status;
  gint64  settled_ms;        /* 0 unless settled */
} SanPortaldPixCharge;

void     san_portald_pix_charge_free            (SanPortaldPixCharge *charge);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SanPortaldPixCharge, san_portald_pix_charge_free)

gboolean san_portald_billing_db_latest_pix      (SanPortaldDb           *db,
                                                 gint64                  invoice_id,
                                                 SanPortaldPixCharge   **out_charge,
                                                 GError                **error);
gboolean san_portald_billing_db_find_pix        (SanPortaldDb           *db,
                                                 const char             *txid,
                                                 SanPortaldPixCharge   **out_charge,
                                                 GError                **error);
gint64   san_portald_billing_db_add_pix         (SanPortaldDb               *db,
                                                 const SanPortaldPixCharge  *charge,
                                                 GError                    **error);
/* Settles an active charge; *@out_changed FALSE when it was not active */
gboolean san_portald_billing_db_settle_pix      (SanPortaldDb           *db,
                                                 gint64                  charge_id,
                                                 gint64                  settled_ms,
                                                 gboolean               *out_changed,
                                                 GError                **error);
/* Active charges of @invoice_id become expired */
gboolean san_portald_billing_db_void_pix        (SanPortaldDb           *db,
                                                 gint64                  invoice_id,
                                                 GError                **error);
/* Active charges of the contract's unpaid invoices made at or before
 * @made_before_ms that were still active @settle_after_ms after being made:
 * GArray of SanPortaldPixCharge (only id, invoice_id, created_ms) */
gboolean san_portald_billing_db_due_pix         (SanPortaldDb           *db,
                                                 gint64                  contract_id,
                                                 gint64                  made_before_ms,
                                                 gint64                  settle_after_ms,
                                                 GArray                **out_charges,
                                                 GError                **error);

/* Cards and card tokens */

typedef struct
{
  gint64  id;
  gint64  contract_id;
  char   *brand;
  char   *last4;
  gint64  exp_month;
  gint64  exp_year;
  char   *holder;
  char   *issuer_answer;     /* approve | decline | insufficient_funds (the simulated issuer) */
  char   *created_at;
} SanPortaldCard;

void     san_portald_card_free                  (SanPortaldCard *card);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SanPortaldCard, san_portald_card_free)

gboolean san_portald_billing_db_add_card_token  (SanPortaldDb           *db,
                                                 const guint8           *token_hash,
                                                 const SanPortaldCard   *card,
                                                 gint64                  created_ms,
                                                 gint64                  expires_ms,
                                                 GError                **error);
/* Uses up the contract's unused, unexpired token with @token_hash: the card
 * it stands for in *@out_card, NULL when there is none */
gboolean san_portald_billing_db_use_card_token  (SanPortaldDb           *db,
                                                 gint64                  contract_id,
                                                 const guint8           *token_hash,
                                                 gint64                  now_ms,
                                                 SanPortaldCard        **out_card,
                                                 GError                **error);
gint64   san_portald_billing_db_add_card        (SanPortaldDb           *db,
                                                 const SanPortaldCard   *card,
                                                 GError                **error);
/* GPtrArray of SanPortaldCard, by id */
gboolean san_portald_billing_db_list_cards      (SanPortaldDb           *db,
                                                 gint64                  contract_id,
                                                 GPtrArray             **out_cards,
                                                 GError                **error);
gboolean san_portald_billing_db_get_card        (SanPortaldDb           *db,
                                                 gint64                  contract_id,
                                                 gint64                  card_id,
                                                 SanPortaldCard        **out_card,
                                                 GError                **error);
gboolean san_portald_billing_db_delete_card     (SanPortaldDb           *db,
                                                 gint64                  contract_id,
                                                 gint64                  card_id,
                                                 gboolean               *out_deleted,
                                                 GError                **error);

/* Payments and idempotency keys */
gint64   san_portald_billing_db_add_payment     (SanPortaldDb           *db,
                                                 gint64                  invoice_id,
                                                 gint64                  amount_cents,
                                                 const SanPortaldCard   *card,
                                                 const char             *created_at,
                                                 GError                **error);
/* How many approved payments an invoice has */
gboolean san_portald_billing_db_count_payments  (SanPortaldDb           *db,
                                                 gint64                  invoice_id,
                                                 gint64                 *out_count,
                                                 GError                **error);

#define SAN_PORTALD_REQUEST_HASH_SIZE 32

typedef struct
{
  guint8  request_hash[SAN_PORTALD_REQUEST_HASH_SIZE];
  guint   status;
  char   *content_type;
  char   *body;
} SanPortaldIdempotentAnswer;

void     san_portald_idempotent_answer_free     (SanPortaldIdempotentAnswer *answer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SanPortaldIdempotentAnswer, san_portald_idempotent_answer_free)

gboolean san_portald_billing_db_find_idempotent (SanPortaldDb                 *db,
                                                 gint64                        contract_id,
                                                 const char                   *key,
                                                 SanPortaldIdempotentAnswer  **out_answer,
                                                 GError                      **error);
gboolean san_portald_billing_db_add_idempotent  (SanPortaldDb                      *db,
                                                 gint64                            contract_id,
                                                 const char                       *key,
                                                 const SanPortaldIdempotentAnswer *answer,
                                                 gint64                            now_ms,
                                                 GError                          **error);

/* The demo seed */

typedef struct
{
  gint64  id;
  char   *name;
  char   *owner_email;
} SanPortaldSeedContract;

typedef struct
{
  gint64  id;
  char   *product;
  char   *plan;
  char   *domain;
  char   *status;
  char   *billing_cycle;
  gint64  price_cents;
  char   *next_due_date;     /* NULL when none */
  char   *status_since;
  char   *created_at;
} SanPortaldSeedService;

/* GArray of SanPortaldSeedContract, by id (the array frees its strings) */
gboolean san_portald_billing_db_seed_contracts  (SanPortaldDb           *db,
                                                 GArray                **out_contracts,
                                                 GError                **error);
/* GArray of SanPortaldSeedService, by id (the array frees its strings) */
gboolean san_portald_billing_db_seed_services   (SanPortaldDb           *db,
                                                 gint64                  contract_id,
                                                 GArray                **out_services,
                                                 GError                **error);

G_END_DECLS
