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

/* What the file chooser's answer starts: downloads the PDF or XML of the
 * shown note @note_id and writes it to @file, then says so in a toast. */
void san_fiscal_notes_page_save_note    (SanFiscalNotesPage  *self,
                                         const char          *note_id,
                                         SanFiscalNoteFormat  format,
                                         GFile               *file);
/* What the export dialog's answer starts: a SanFiscalExport of the notes
 * issued from @from to @to into @folder, with its progress shown above the
 * list and a toast at the end. */
void san_fiscal_notes_page_export       (SanFiscalNotesPage  *self,
                                         const GDate         *from,
                                         const GDate         *to,
                                         GFile               *folder);

/* Signals:
 *   "load-failed" (const GError *): loading failed; what was shown stays. */

G_END_DECLS
