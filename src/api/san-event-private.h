/* san-event-private.h: building a SanEvent from one text frame
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "san-event.h"

G_BEGIN_DECLS

/* Fails with G_IO_ERROR_NOT_SUPPORTED for a "type" this version does not
 * know (a newer server's), SAN_API_ERROR_MALFORMED otherwise. The error
 * never quotes the frame. */
SanEvent *san_event_new_from_json  (JsonObject  *object,
                                    GError     **error);
/* One text frame: one JSON object */
SanEvent *san_event_new_from_frame (GBytes      *frame,
                                    GError     **error);
/* HELLO: the server's ping interval in seconds */
guint     san_event_get_ping_interval (SanEvent *self);
/* RESYNC: "buffer_exceeded", "unknown_since", "lagging" or a newer word */
const char *san_event_get_reason   (SanEvent *self);

G_END_DECLS
