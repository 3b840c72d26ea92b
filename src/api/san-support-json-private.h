/* san-support-json-private.h: strict readers for the support models' JSON
 * (ids, lists of strings, times of day), on top of san-json-private.h
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "san-api-error.h"

G_BEGIN_DECLS

/* A required id: a string of 1 to 18 ASCII digits; with @nullable, null
 * gives *out = NULL */
gboolean san_support_read_id    (JsonObject  *object,
                                 const char  *member,
                                 gboolean     nullable,
                                 const char **out,
                                 GError     **error);
/* A required string of exactly 32 lower-case hex digits (an attachment id) */
gboolean san_support_read_token (JsonObject  *object,
                                 const char  *member,
                                 const char **out,
                                 GError     **error);
/* A required array of strings (each non-empty unless @allow_empty), copied
 * into a new NULL-terminated *out */
gboolean san_support_read_strv  (JsonObject  *object,
                                 const char  *member,
                                 gboolean     allow_empty,
                                 GStrv       *out,
                                 GError     **error);
/* A required "HH:MM" (00:00 to 23:59) as minutes since midnight */
gboolean san_support_read_time  (JsonObject  *object,
                                 const char  *member,
                                 guint       *out,
                                 GError     **error);

/* Reads the wire word @member of @object with @from_wire into @out; on
 * failure sets @error and jumps to the label fail */
#define SAN_SUPPORT_READ_WORD(object, member, from_wire, out, error)        \
  G_STMT_START {                                                          \
    const char *word_;                                                    \
                                                                          \
    if (!san_json_read_string (object, member, FALSE, &word_, error))     \
      goto fail;                                                          \
    if (!from_wire (word_, out))                                          \
      {                                                                   \
        san_json_set_unknown_word (error, member, word_);                 \
        goto fail;                                                        \
      }                                                                   \
  } G_STMT_END

G_END_DECLS
