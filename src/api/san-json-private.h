/* san-json-private.h: strict readers for the wire's JSON
 *
 * Every reader checks the member's node type and fails with
 * SAN_API_ERROR_MALFORMED naming the member, so a model is built whole or
 * not at all.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "san-api-error.h"

G_BEGIN_DECLS

/* Parses a whole answer; the root must be an object. */
JsonNode   *san_json_parse_object        (GBytes      *bytes,
                                          GError     **error);

/* A required, non-empty string (empty allowed with @allow_empty) */
gboolean    san_json_read_string         (JsonObject  *object,
                                          const char  *member,
                                          gboolean     allow_empty,
                                          const char **out,
                                          GError     **error);
/* A required member that is a non-empty string or null (*out = NULL) */
gboolean    san_json_read_string_or_null (JsonObject  *object,
                                          const char  *member,
                                          const char **out,
                                          GError     **error);
/* A required integer in [@min, @max] (no fractions, no strings) */
gboolean    san_json_read_int            (JsonObject  *object,
                                          const char  *member,
                                          gint64       min,
                                          gint64       max,
                                          gint64      *out,
                                          GError     **error);
gboolean    san_json_read_boolean        (JsonObject  *object,
                                          const char  *member,
                                          gboolean    *out,
                                          GError     **error);
/* A required object; with @nullable, null gives *out = NULL */
gboolean    san_json_read_object         (JsonObject  *object,
                                          const char  *member,
                                          gboolean     nullable,
                                          JsonObject **out,
                                          GError     **error);
gboolean    san_json_read_array          (JsonObject  *object,
                                          const char  *member,
                                          JsonArray  **out,
                                          GError     **error);
/* A required "YYYY-MM-DD"; with @nullable, null leaves @out cleared
 * (g_date_valid() is FALSE) */
gboolean    san_json_read_date           (JsonObject  *object,
                                          const char  *member,
                                          gboolean     nullable,
                                          GDate       *out,
                                          GError     **error);
/* A required RFC 3339 time */
gboolean    san_json_read_datetime       (JsonObject  *object,
                                          const char  *member,
                                          GDateTime  **out,
                                          GError     **error);

/* A required string of exactly @length ASCII digits */
gboolean    san_json_read_digits         (JsonObject  *object,
                                          const char  *member,
                                          guint        length,
                                          const char **out,
                                          GError     **error);
/* A required member that is an RFC 3339 time or null (*out = NULL) */
gboolean    san_json_read_datetime_or_null (JsonObject  *object,
                                            const char  *member,
                                            GDateTime  **out,
                                            GError     **error);

/* The error for a member whose value is not an allowed word */
void        san_json_set_unknown_word    (GError     **error,
                                          const char  *member,
                                          const char  *word);

/* A JSON string literal of @text, quotes included, appended to @out */
void        san_json_append_string       (GString     *out,
                                          const char  *text);

G_END_DECLS
