/* san-common-error.h: errors of the pure logic in src/common
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SAN_COMMON_ERROR (san_common_error_quark ())

typedef enum
{
  SAN_COMMON_ERROR_INVALID,
} SanCommonError;

GQuark san_common_error_quark (void);

G_END_DECLS
