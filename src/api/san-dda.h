/* san-dda.h: whether the contract's boletos go to DDA
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SAN_TYPE_DDA (san_dda_get_type ())
G_DECLARE_FINAL_TYPE (SanDda, san_dda, SAN, DDA, GObject)

gboolean          san_dda_get_enabled    (SanDda *self);
/* NULL when not enabled */
GDateTime        *san_dda_get_enabled_at (SanDda *self);

G_END_DECLS
