/* san-attachment-private.h: building a SanAttachment from the wire
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "san-attachment.h"

G_BEGIN_DECLS

SanAttachment *san_attachment_new_from_json (JsonObject  *object,
                                             GError     **error);

G_END_DECLS
