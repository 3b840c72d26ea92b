/* san-api-error-private.h: HTTP answers and transport failures as SAN_API_ERROR
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "san-api-error.h"

G_BEGIN_DECLS

/* The largest answer the client reads, in bytes */
#define SAN_API_MAX_RESPONSE_SIZE (8 * 1024 * 1024)

/* The problem+json "code" of an error answer, or NULL; @body may be NULL. */
char   *san_api_problem_code        (SoupMessageHeaders *headers,
                                     GBytes             *body);

/* An error for a non-2xx answer. */
GError *san_api_error_from_response (guint               status,
                                     SoupMessageHeaders *headers,
                                     GBytes             *body);

/* An error for a failure before an answer arrived (connection, TLS, ...).
 * Takes @error; G_IO_ERROR_CANCELLED comes back untouched. */
GError *san_api_error_from_transport (GError            *error);

/* A SAN_API_ERROR_INVALID_INPUT found by the client: @message (shown to
 * the user) about the wire field @field (san_api_error_get_fields()) */
GError *san_api_error_new_invalid_field (const char         *field,
                                         const char         *message);

/* "Your session ended. Sign in again." */
GError *san_api_error_session_ended  (void);
GError *san_api_error_not_signed_in  (void);

G_END_DECLS
