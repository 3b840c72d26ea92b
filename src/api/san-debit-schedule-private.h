/* san-debit-schedule-private.h: building a SanDebitSchedule from the wire
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "san-debit-schedule.h"

G_BEGIN_DECLS

SanDebitSchedule *san_debit_schedule_new_from_json (JsonObject  *object,
                                                    GError     **error);

G_END_DECLS
