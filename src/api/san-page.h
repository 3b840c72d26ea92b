/* san-page.h: one page of a list answer ({"items", "total", "next_cursor"})
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SAN_TYPE_PAGE (san_page_get_type ())
G_DECLARE_FINAL_TYPE (SanPage, san_page, SAN, PAGE, GObject)

/* The items of this page (their GType depends on the call) */
GListModel *san_page_get_items       (SanPage *self);
/* How many items match in all pages */
guint       san_page_get_total       (SanPage *self);
/* NULL on the last page */
const char *san_page_get_next_cursor (SanPage *self);

G_END_DECLS
