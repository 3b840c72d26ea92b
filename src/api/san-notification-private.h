/* san-notification-private.h: building a SanNotification from the wire
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "san-notification.h"

G_BEGIN_DECLS

SanNotification *san_notification_new_from_json (JsonObject  *object,
                                                  GError     **error);

G_END_DECLS
