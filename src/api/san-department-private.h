/* san-department-private.h: building a SanDepartment from the wire
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "san-department.h"

G_BEGIN_DECLS

SanDepartment *san_department_new_from_json (JsonObject  *object,
                                             GError     **error);

G_END_DECLS
