/* san-fiscal-note-private.h: building a SanFiscalNote from the wire
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "san-fiscal-note.h"

G_BEGIN_DECLS

SanFiscalNote *san_fiscal_note_new_from_json (JsonObject  *object,
                                              GError     **error);

G_END_DECLS
