/* san-portald-support-private.h: the support rows and queries (san-portald-support-db.c)
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For san-portald-support.c and san-portald-mail.c only. Instants are
 * RFC 3339 UTC text ("2026-11-24T15:53:20Z"), which sorts like time.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "san-portald-db.h"

G_BEGIN_DECLS

/* Contacts */

/* The addresses an e-mail of @kind about @contract_id goes to: the owner's
 * login e-mail first, then the contacts subscribed to @kind, each once
 * (compared without case). */
gboolean san_portald_support_db_recipients     (SanPortaldDb  *db,
                                                gint64         contract_id,
                                                const char    *kind,
                                                GPtrArray    **out_addresses,
                                                GError       **error);
/* Adds a contact (the demo); @kinds: any of "ticket", "invoice", "account" */
gint64   san_portald_support_db_add_contact    (SanPortaldDb        *db,
                                                gint64               contract_id,
                                                const char          *name,
                                                const char          *email,
                                                gboolean             tickets,
                                                gboolean             invoices,
                                                gboolean             account,
                                                GError             **error);
/* Gives every contract without one its owner's contact row (what migration 5
 * did for the contracts that existed then) */
gboolean san_portald_support_db_seed_owner_contacts (SanPortaldDb  *db,
                                                     GError       **error);

/* E-mail history */

typedef struct
{
  gint64      contract_id;
  const char *kind;
  const char *subject;
  const char *text_body;
  const char *html_body;
  const char *recipients;    /* addresses, one per line */
  const char *sent_at;
  const char *message_id;
} SanPortaldEmailRow;

/* Returns the new id (0 with @error) */
gint64   san_portald_support_db_add_email      (SanPortaldDb              *db,
                                                const SanPortaldEmailRow  *row,
                                                GError                   **error);

typedef struct
{
  const char *kind;           /* NULL: any */
  const char *sent_from;      /* sent_at >= this; NULL: any */
  const char *sent_before;    /* sent_at < this; NULL: any */
  const char *query;          /* subject or text body contains (any case); NULL: any */
  gint64      after_id;       /* cursor: the last e-mail of the previous page; 0: none */
  guint       limit;
} SanPortaldEmailFilter;

/* {"items", "total", "next_cursor"}, newest first; *@out_bad_cursor when
 * filter->after_id names no e-mail of the contract (nothing is built) */
gboolean san_portald_support_db_build_emails   (SanPortaldDb                 *db,
                                                gint64                        contract_id,
                                                const SanPortaldEmailFilter  *filter,
                                                JsonBuilder                  *builder,
                                                gboolean                     *out_bad_cursor,
                                                GError                      **error);
gboolean san_portald_support_db_build_email    (SanPortaldDb  *db,
                                                gint64         contract_id,
                                                gint64         email_id,
                                                JsonBuilder   *builder,
                                                gboolean      *out_found,
                                                GError       **error);

/* Callbacks */

typedef struct
{
  gint64      contract_id;
  const char *phone;          /* E.164 */
  const char *subject;
  gint64      service_id;     /* 0: none */
  const char *window_date;
  const char *window_from;    /* "HH:MM" */
  const char *window_to;
  const char *status;
  const char *created_at;
} SanPortaldCallbackRow;

gint64   san_portald_support_db_add_callback   (SanPortaldDb                 *db,
                                                const SanPortaldCallbackRow  *row,
                                                GError                      **error);
gboolean san_portald_support_db_build_callback (SanPortaldDb  *db,
                                                gint64         callback_id,
                                                JsonBuilder   *builder,
                                                GError       **error);
/* {"items", "total", "next_cursor"}, newest first */
gboolean san_portald_support_db_build_callbacks (SanPortaldDb  *db,
                                                 gint64         contract_id,
                                                 gint64         after_id,
                                                 guint          limit,
                                                 JsonBuilder   *builder,
                                                 gboolean      *out_bad_cursor,
                                                 GError       **error);

/* Services and support levels */

/* *@out_status NULL when @contract_id has no service @service_id; its
 * title ("Hospedagem Linux Plano M (example.com)") for e-mails */
gboolean san_portald_support_db_get_service    (SanPortaldDb  *db,
                                                gint64         contract_id,
                                                gint64         service_id,
                                                char         **out_status,
                                                char         **out_level,
                                                char         **out_title,
                                                GError       **error);
gboolean san_portald_support_db_set_level      (SanPortaldDb  *db,
                                                gint64         service_id,
                                                const char    *level,
                                                GError       **error);
/* *@out_name NULL when @level is not in the catalogue */
gboolean san_portald_support_db_get_level      (SanPortaldDb  *db,
                                                const char    *level,
                                                char         **out_name,
                                                GError       **error);
/* {"items": [...]} in the catalogue's order */
gboolean san_portald_support_db_build_levels   (SanPortaldDb  *db,
                                                JsonBuilder   *builder,
                                                GError       **error);

/* Demo */

/* The invoices of @contract_id, oldest first: number, due date, total,
 * status, paid_at (NULL) */
typedef struct
{
  char   *number;
  char   *issue_date;
  char   *due_date;
  gint64  total_cents;
  char   *status;
  char   *paid_at;
} SanPortaldSeedInvoice;

void     san_portald_seed_invoice_clear        (SanPortaldSeedInvoice *invoice);
gboolean san_portald_support_db_seed_invoices  (SanPortaldDb  *db,
                                                gint64         contract_id,
                                                GArray       **out_invoices,
                                                GError       **error);
/* Every contract: id, name, owner's e-mail */
typedef struct
{
  gint64  id;
  char   *name;
  char   *owner_email;
} SanPortaldSupportContract;

void     san_portald_support_contract_clear    (SanPortaldSupportContract *contract);
gboolean san_portald_support_db_contracts      (SanPortaldDb  *db,
                                                GArray       **out_contracts,
                                                GError       **error);
/* The contract's first active service (0 when none) */
gboolean san_portald_support_db_first_active_service (SanPortaldDb  *db,
                                                      gint64         contract_id,
                                                      gint64        *out_service_id,
                                                      GError       **error);

G_END_DECLS
