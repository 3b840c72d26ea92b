/* san-fiscal-note.h: a nota fiscal (NFS-e) of a paid invoice
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "san-enums.h"

G_BEGIN_DECLS

#define SAN_TYPE_FISCAL_NOTE (san_fiscal_note_get_type ())
G_DECLARE_FINAL_TYPE (SanFiscalNote, san_fiscal_note, SAN, FISCAL_NOTE, GObject)

const char          *san_fiscal_note_get_id                (SanFiscalNote *self);
const char          *san_fiscal_note_get_invoice_id        (SanFiscalNote *self);
const char          *san_fiscal_note_get_invoice_number    (SanFiscalNote *self);
SanFiscalNoteStatus  san_fiscal_note_get_status            (SanFiscalNote *self);
/* NULL while pending */
const char          *san_fiscal_note_get_number            (SanFiscalNote *self);
/* NULL while pending */
const char          *san_fiscal_note_get_verification_code (SanFiscalNote *self);
gint64               san_fiscal_note_get_amount_cents      (SanFiscalNote *self);
const char          *san_fiscal_note_get_description       (SanFiscalNote *self);
/* When a pending note will be issued; NULL when not given */
const GDate         *san_fiscal_note_get_scheduled_for     (SanFiscalNote *self);
/* NULL while pending */
GDateTime           *san_fiscal_note_get_issued_at         (SanFiscalNote *self);

G_END_DECLS
