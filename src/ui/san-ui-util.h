/* san-ui-util.h: small helpers the pages and views share
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Shows @title in the AdwToastOverlay above @widget for @timeout seconds
 * (0: until dismissed). Returns the toast (owned by the overlay), or NULL
 * when @widget is not inside one. */
AdwToast *san_ui_add_toast    (GtkWidget    *widget,
                               const char   *title,
                               guint         timeout);
/* "Copied", replacing the previous one (*@last, weakly held) instead of
 * queueing behind it */
void      san_ui_toast_copied (GtkWidget    *widget,
                               AdwToast    **last);
/* A property row's value: "—" when empty */
void      san_ui_set_row      (AdwActionRow *row,
                               const char   *value);

G_END_DECLS
