/* san-email.h: one e-mail SAN sent about a contract (e-mail history)
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "san-enums.h"

G_BEGIN_DECLS

#define SAN_TYPE_EMAIL (san_email_get_type ())
G_DECLARE_FINAL_TYPE (SanEmail, san_email, SAN, EMAIL, GObject)

/* Properties (read-only): "id", "kind" (SAN_TYPE_EMAIL_KIND), "subject",
 * "recipients" (G_TYPE_STRV), "sent-at" (GDateTime), "text-body",
 * "html-body" (strings). Values are owned by the e-mail. */

const char         *san_email_get_id         (SanEmail *self);
SanEmailKind        san_email_get_kind       (SanEmail *self);
/* In pt_BR, as sent */
const char         *san_email_get_subject    (SanEmail *self);
/* The addresses it went to, the owner's first: NULL-terminated, never
 * NULL (may be empty) */
const char * const *san_email_get_recipients (SanEmail *self);
/* UTC; never NULL */
GDateTime          *san_email_get_sent_at    (SanEmail *self);
/* The bodies: only in an e-mail read whole (san_client_get_email_async());
 * NULL in the items of a list. The HTML is as sent: show it without
 * loading any remote content (or show the text part). */
const char         *san_email_get_text_body  (SanEmail *self);
const char         *san_email_get_html_body  (SanEmail *self);

G_END_DECLS
