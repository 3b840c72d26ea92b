/* san-api-error.h: the one error domain of the client library
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SAN_API_ERROR (san_api_error_quark ())

/* Cancellation is never one of these: it stays G_IO_ERROR_CANCELLED. */
typedef enum
{
  SAN_API_ERROR_FAILED,             /* anything not below */
  SAN_API_ERROR_INVALID_INPUT,      /* 400: the message lists the fields */
  SAN_API_ERROR_UNAUTHORIZED,       /* 401: wrong credentials, or the session ended */
  SAN_API_ERROR_FORBIDDEN,          /* 403: not a member, or missing permission */
  SAN_API_ERROR_NOT_FOUND,          /* 404 */
  SAN_API_ERROR_METHOD_NOT_ALLOWED, /* 405 */
  SAN_API_ERROR_RATE_LIMITED,       /* 429: the message says when to try again */
  SAN_API_ERROR_SERVER,             /* 5xx */
  SAN_API_ERROR_NETWORK,            /* the server could not be reached */
  SAN_API_ERROR_TLS,                /* the server's certificate or TLS failed */
  SAN_API_ERROR_MALFORMED,          /* the answer is not what the API promises */
  SAN_API_ERROR_INSECURE,           /* plain http:// to a host that is not loopback */
  SAN_API_ERROR_NOT_SIGNED_IN,      /* the call needs a session and there is none */
  SAN_API_ERROR_SECRETS,            /* the keyring (Secret Service) failed */
  SAN_API_ERROR_CONFLICT,           /* 409: not possible in the current state */
  SAN_API_ERROR_PAYMENT_DECLINED,   /* 402: the card was declined */
  SAN_API_ERROR_IDEMPOTENCY,        /* 422: an idempotency key reused for another request */
  SAN_API_ERROR_PAYLOAD_TOO_LARGE,  /* 413: too big (an attachment over 5 MB, too many files) */
  SAN_API_ERROR_UNSUPPORTED_MEDIA_TYPE, /* 415: an attachment of a type not accepted */
} SanApiError;

GQuark san_api_error_quark (void);

/* The wire names of the fields a SAN_API_ERROR_INVALID_INPUT answer said
 * were wrong ("agency", "account", ...), in the server's order: never NULL,
 * empty for other errors */
const char * const *san_api_error_get_fields (const GError *error);
gboolean            san_api_error_has_field  (const GError *error,
                                              const char   *field);
/* What the answer said about @field ("must be at most 200 characters"),
 * or NULL when it did not name @field */
const char         *san_api_error_get_field_message (const GError *error,
                                                     const char   *field);

G_END_DECLS
