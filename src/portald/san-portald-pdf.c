/* san-portald-pdf.c: invoice PDFs (cairo), with the boleto page's ITF barcode
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-portald"

#include "config.h"

#include "san-portald-pdf.h"
