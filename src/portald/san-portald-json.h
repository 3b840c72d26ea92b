/* san-portald-json.h: small JSON and date helpers shared by the handlers
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* "name": "12" (ids are strings of digits on the wire) */
void  san_portald_json_add_id     (JsonBuilder *builder,
                                   const char  *name,
                                   gint64       id);
/* "name": "value", or null when @value is NULL */
void  san_portald_json_add_string (JsonBuilder *builder,
                                   const char  *name,
                                   const char  *value);
void  san_portald_json_add_int    (JsonBuilder *builder,
                                   const char  *name,
                                   gint64       value);
/* "YYYY-MM-DD" of @date moved by @days (negative: back) */
char *san_portald_date_plus_days  (const GDate *date,
                                   int          days);

G_END_DECLS
