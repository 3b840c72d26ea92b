/* san-page-private.h: building a SanPage from the wire
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "san-page.h"

G_BEGIN_DECLS

/* Builds one item of a list from its JSON object */
typedef gpointer (*SanPageItemFunc) (JsonObject  *object,
                                     GError     **error);

/* {"items": [...], "total": N, "next_cursor": "..." | null}. One bad item
 * fails the whole page. */
SanPage *san_page_new_from_json (JsonObject       *object,
                                 GType             item_type,
                                 SanPageItemFunc   item_func,
                                 GError          **error);

G_END_DECLS
