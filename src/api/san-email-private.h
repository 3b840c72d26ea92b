/* san-email-private.h: building a SanEmail from the wire
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "san-email.h"

G_BEGIN_DECLS

/* With @detail, "text_body" and "html_body" are required (EmailDetail) */
SanEmail *san_email_new_from_json (JsonObject  *object,
                                   gboolean     detail,
                                   GError     **error);

G_END_DECLS
