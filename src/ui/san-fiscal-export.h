/* san-fiscal-export.h: the notas fiscais of a period, as files for the accountant
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "san-api.h"

G_BEGIN_DECLS

#define SAN_TYPE_FISCAL_EXPORT (san_fiscal_export_get_type ())
G_DECLARE_FINAL_TYPE (SanFiscalExport, san_fiscal_export, SAN, FISCAL_EXPORT, GObject)

/* An export of the notas fiscais of @contract_id issued from @from to @to
 * (inclusive) into @folder (an existing folder). */
SanFiscalExport *san_fiscal_export_new            (SanClient           *client,
                                                   const char          *contract_id,
                                                   const GDate         *from,
                                                   const GDate         *to,
                                                   GFile               *folder);

/* Lists the issued notes of the period, saves each one's PDF and XML in the
 * folder ("nfse-2026-000123.pdf", ".xml"), then a CSV summary
 * (san_fiscal_export_dup_csv_name()). Nothing blocks: every download and
 * write is asynchronous. Runs once per object.
 *
 * On failure the error names the note that failed; what was saved before
 * stays in the folder, and the summary is not written. A period without
 * notes writes nothing and succeeds with *@out_n_exported 0. */
void             san_fiscal_export_run_async      (SanFiscalExport     *self,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean         san_fiscal_export_run_finish     (SanFiscalExport     *self,
                                                   GAsyncResult        *result,
                                                   guint               *out_n_exported,
                                                   GError             **error);

GFile           *san_fiscal_export_get_folder     (SanFiscalExport     *self);
/* The notes to export (known once listed, 0 before) and how many are saved
 * so far: properties "n-notes" and "n-done", notified as they change */
guint            san_fiscal_export_get_n_notes    (SanFiscalExport     *self);
guint            san_fiscal_export_get_n_done     (SanFiscalExport     *self);

/* "notas-fiscais-2026-10-01-a-2026-10-31.csv" */
char            *san_fiscal_export_dup_csv_name   (SanFiscalExport     *self);

/* The summary of issued @notes (SanFiscalNote): a header line, then per
 * note its number, verification code, invoice number, issue date
 * (YYYY-MM-DD, in São Paulo), amount (1234.56) and description. RFC 4180:
 * CRLF line ends, fields with a comma, quote or line break in quotes. */
char            *san_fiscal_export_build_csv      (GListModel          *notes);
/* "nfse-2026-000123.pdf" / ".xml" for note number "2026/000123" */
char            *san_fiscal_export_file_name      (SanFiscalNote       *note,
                                                   SanFiscalNoteFormat  format);
/* The day @note was issued, in São Paulo; FALSE while pending */
gboolean         san_fiscal_export_issue_date     (SanFiscalNote       *note,
                                                   GDate               *out_date);

G_END_DECLS
