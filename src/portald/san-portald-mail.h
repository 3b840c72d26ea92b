/* san-portald-mail.h: every e-mail san-portald sends, recorded in the
 * contract's e-mail history and written as an .eml file into the spool
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "san-portald-db.h"

G_BEGIN_DECLS

/* What an e-mail is about (the history's "kind") */
#define SAN_PORTALD_MAIL_TICKET   "ticket"
#define SAN_PORTALD_MAIL_CALLBACK "callback"
#define SAN_PORTALD_MAIL_INVOICE  "invoice"
#define SAN_PORTALD_MAIL_ACCOUNT  "account"

/* The folder .eml files go to (--mail-spool); NULL: only the history.
 * Set once at startup; created when missing. */
gboolean san_portald_mail_set_spool_dir (const char  *dir,
                                         GError     **error);

/* Sends one e-mail about @contract_id to its owner and to the contacts
 * subscribed to @kind's notifications: records it in the e-mail history
 * (to, subject, text and HTML bodies, time, kind) and writes it to the
 * spool. Call inside the transaction of what it tells about: the .eml
 * appears in the spool only when that transaction commits (a rollback
 * leaves none). The bodies must never hold secrets or staff-internal notes. */
gboolean san_portald_mail_send          (SanPortaldDb  *db,
                                         gint64         contract_id,
                                         const char    *kind,
                                         const char    *subject,
                                         const char    *text_body,
                                         const char    *html_body,
                                         GError       **error);

/* The same at @sent_ms (Unix milliseconds; 0: now), with the new history
 * row's id in *@out_email_id when not NULL; for handlers that keep the
 * server's clock (--today) and for the demo's history */
gboolean san_portald_mail_send_at       (SanPortaldDb  *db,
                                         gint64         contract_id,
                                         const char    *kind,
                                         const char    *subject,
                                         const char    *text_body,
                                         const char    *html_body,
                                         gint64         sent_ms,
                                         gint64        *out_email_id,
                                         GError       **error);

/* Only the history row, no .eml: e-mails the demo pretends were sent in
 * the past (a mail transfer agent must not send them now) */
gboolean san_portald_mail_record_at     (SanPortaldDb  *db,
                                         gint64         contract_id,
                                         const char    *kind,
                                         const char    *subject,
                                         const char    *text_body,
                                         const char    *html_body,
                                         gint64         sent_ms,
                                         GError       **error);

/* Escapes @text for HTML bodies (&, <, >, ") */
char    *san_portald_mail_escape_html   (const char    *text);

G_END_DECLS
