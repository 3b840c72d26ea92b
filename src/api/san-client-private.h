/* san-client-private.h: one HTTP exchange of SanClient, for the files that
 * add calls to it (san-client-billing.c, san-client-support.c)
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "san-client.h"

G_BEGIN_DECLS

typedef enum
{
  SAN_CALL_NONE       = 0,
  SAN_CALL_AUTH       = 1 << 0,   /* sends the access token */
  SAN_CALL_NO_CONTENT = 1 << 1,   /* answers with no body (204) */
  SAN_CALL_BINARY     = 1 << 2,   /* answers with any body: san_client_call_finish_bytes() */
} SanCallFlags;

/* Sends METHOD @path ("/api/v1/..." with an escaped query) with @body (JSON
 * or NULL) and the request headers @headers (NULL, or a NULL-terminated list
 * of name, value, name, value...; copied, and sent again after a refresh).
 * Takes @path and @body; a body made with san_client_secret_bytes_new_take()
 * is wiped when the request is freed. Refreshes the session on an expired
 * token. Completes with the answer's JSON object, a JSON null with
 * SAN_CALL_NO_CONTENT, or the body with SAN_CALL_BINARY; a non-2xx answer is
 * a SAN_API_ERROR. */
void      san_client_call_async            (SanClient           *self,
                                            const char          *method,
                                            char                *path,
                                            GBytes              *body,
                                            SanCallFlags         flags,
                                            const char * const  *headers,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
/* As san_client_call_async(), with a @body of @content_type (NULL for
 * JSON), e.g. "multipart/form-data; boundary=..." with its boundary; sent
 * again as it is after a refresh. Completes like san_client_call_async(). */
void      san_client_call_typed_async      (SanClient           *self,
                                            const char          *method,
                                            char                *path,
                                            GBytes              *body,
                                            const char          *content_type,
                                            SanCallFlags         flags,
                                            const char * const  *headers,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
JsonNode *san_client_call_finish           (SanClient           *self,
                                            GAsyncResult        *result,
                                            GError             **error);
/* Of a SAN_CALL_BINARY call: the body, and its Content-Type without
 * parameters (NULL when none) in @out_content_type (nullable) */
GBytes   *san_client_call_finish_bytes     (SanClient           *self,
                                            GAsyncResult        *result,
                                            char               **out_content_type,
                                            GError             **error);

/* A GString big enough for @text_len bytes of escaped text, so that it is
 * never reallocated (a reallocation would leave a copy behind) */
GString  *san_client_secret_string_new     (gsize                text_len);
/* Takes @text (from san_client_secret_string_new()), wiping it when the
 * bytes are freed */
GBytes   *san_client_secret_bytes_new_take (GString             *text);

/* @text %-escaped for a path segment or a query value */
char     *san_client_escape                (const char          *text);

G_END_DECLS
