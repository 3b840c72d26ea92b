/* san-emails-page.h: the E-mail History section: every e-mail SAN sent about the contract, and a reader
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "san-api.h"

G_BEGIN_DECLS

#define SAN_TYPE_EMAILS_PAGE (san_emails_page_get_type ())
G_DECLARE_FINAL_TYPE (SanEmailsPage, san_emails_page, SAN, EMAILS_PAGE, GtkWidget)

/* Shows @contract's data (both NULL: shows nothing) and loads it. */
void     san_emails_page_set_contract       (SanEmailsPage *self,
                                             SanClient      *client,
                                             SanContract    *contract);
/* Loads again, keeping what is shown until the answer arrives. */
void     san_emails_page_reload             (SanEmailsPage *self);
/* TRUE while a detail (not the list) is what a folded window shows */
gboolean san_emails_page_get_showing_detail (SanEmailsPage *self);
/* Goes from the detail back to the list; FALSE when already there */
gboolean san_emails_page_go_back            (SanEmailsPage *self);

/* Properties: "showing-detail" (gboolean, read-only)
 * Signals:
 *   "load-failed" (const GError *): loading failed; what was shown stays. */

G_END_DECLS
