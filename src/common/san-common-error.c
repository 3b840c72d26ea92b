/* san-common-error.c
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "san-common-error.h"

G_DEFINE_QUARK (san-common-error-quark, san_common_error)
