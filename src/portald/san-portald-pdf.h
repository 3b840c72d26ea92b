/* san-portald-pdf.h: invoice PDFs (cairo), with the boleto page's ITF barcode
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

G_END_DECLS
