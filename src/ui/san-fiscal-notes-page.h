/* san-fiscal-notes-page.h: notas fiscais, issued and pending, and the export for the accountant
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "san-api.h"

G_BEGIN_DECLS

#define SAN_TYPE_FISCAL_NOTES_PAGE (san_fiscal_notes_page_get_type ())
G_DECLARE_FINAL_TYPE (SanFiscalNotesPage, san_fiscal_notes_page, SAN, FISCAL_NOTES_PAGE, GtkWidget)

/* Shows @contract's data (both NULL: shows nothing) and loads it. */
void san_fiscal_notes_page_set_contract (SanFiscalNotesPage *self,
                                         SanClient        *client,
                                         SanContract      *contract);
/* Loads again, keeping what is shown until the answer arrives. */
void san_fiscal_notes_page_reload       (SanFiscalNotesPage *self);

/* Signals:
 *   "load-failed" (const GError *): loading failed; what was shown stays. */

G_END_DECLS
