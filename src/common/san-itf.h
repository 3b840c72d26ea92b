/* san-itf.h: Interleaved 2 of 5 (ITF), the boleto's barcode symbology
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The element widths of @digits (an even number of digits) as ITF with its
 * start (narrow bar, narrow space, narrow bar, narrow space) and stop (wide
 * bar, narrow space, narrow bar) patterns: 1 for narrow, 3 for wide,
 * alternating bar, space, bar, ... starting with a bar. NULL when @digits is
 * empty, odd or not all digits. FEBRABAN: 44 digits, narrow = 0.33 mm (the
 * wide:narrow ratio of 3:1 is used). */
GByteArray *san_itf_encode (const char *digits);

G_END_DECLS
