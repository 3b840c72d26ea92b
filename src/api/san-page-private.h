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

/* Gathers every page of a list for the list_all_*() calls, and notices a
 * server whose pages never end (a cursor seen before, or too many pages) */
typedef struct _SanPageCollector SanPageCollector;

SanPageCollector *san_page_collector_new       (GType              item_type);
void              san_page_collector_free      (SanPageCollector  *self);
/* Appends @page's items. Returns FALSE with SAN_API_ERROR_MALFORMED and
 * @endless (translated) as its message when the pages do not end;
 * otherwise TRUE, with the cursor of the page to fetch next in
 * @out_next_cursor, or NULL when that was the last page. */
gboolean          san_page_collector_add       (SanPageCollector  *self,
                                                SanPage           *page,
                                                const char        *endless,
                                                const char       **out_next_cursor,
                                                GError           **error);
/* Every item so far: a new reference */
GListModel       *san_page_collector_dup_items (SanPageCollector  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SanPageCollector, san_page_collector_free)

G_END_DECLS
