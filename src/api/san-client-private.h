/* san-client-private.h: one HTTP exchange of SanClient, for the files that
 * add calls to it (san-client-billing.c, san-client-support.c)
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

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

/* For the event stream (san-event-stream.c) */

/* The client's session (its TLS checks, proxy rules, user agent) */
SoupSession *san_client_get_session             (SanClient           *self);
/* The base URI as ws:// (for http:// to loopback) or wss:// (for https://)
 * followed by @path ("/api/v1/events?since=...", escaped) */
char        *san_client_dup_websocket_uri       (SanClient           *self,
                                                 const char          *path);
/* An access token good for a while yet, refreshed first (through the
 * client's one refresh at a time) when about to expire, or when it is
 * @refused_token (nullable: the one the server just refused with 401)
 * and no other refresh replaced it meanwhile. Fails with
 * SAN_API_ERROR_NOT_SIGNED_IN without a session, or the session-ended
 * SAN_API_ERROR_UNAUTHORIZED when the refresh is refused (then the client
 * signs out). Free the token with san_client_wipe_token(). */
void         san_client_get_access_token_async  (SanClient           *self,
                                                 const char          *refused_token,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
char        *san_client_get_access_token_finish (SanClient           *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);
/* Overwrites and frees a token (NULL is ignored) */
void         san_client_wipe_token              (char                *token);

G_END_DECLS
