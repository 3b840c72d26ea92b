/* san-portald-request.h: what a route handler may use (answers, bodies, ids)
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The router (san-portald-server.c) authenticates and, for contract-scoped
 * routes, authorizes before a handler runs. A handler learns the contract it
 * works on only from san_portald_request_get_contract_id (), which nothing but
 * authorize () sets. Handlers answer with exactly one san_portald_send_* call.
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "san-portald-db.h"
#include "san-portald-server.h"

G_BEGIN_DECLS

#define SAN_PORTALD_STATUS_UNPROCESSABLE 422
#define SAN_PORTALD_DEFAULT_LIMIT 50
#define SAN_PORTALD_MAX_LIMIT 100
#define SAN_PORTALD_MAX_QUERY_CHARS 100

/* One entry of a 400 validation_failed answer's "errors" */
typedef struct
{
  const char *field;
  const char *code;
  const char *message;
} SanPortaldFieldError;

/* The request */
SanPortaldServer  *san_portald_request_get_server      (SanPortaldRequest *req);
SanPortaldDb      *san_portald_request_get_db          (SanPortaldRequest *req);
SoupServerMessage *san_portald_request_get_message     (SanPortaldRequest *req);
/* The signed-in user (0 on public routes) */
gint64             san_portald_request_get_user_id     (SanPortaldRequest *req);
/* The authorized contract (0 outside contract-scoped routes) */
gint64             san_portald_request_get_contract_id (SanPortaldRequest *req);
/* A path segment captured by "{name}" in the route's pattern, as sent */
const char        *san_portald_request_get_param       (SanPortaldRequest *req,
                                                        const char        *name);
/* The same segment as a positive decimal id: FALSE when it is not one
 * (answer 404: an id that can't exist is simply not found) */
gboolean           san_portald_request_get_id_param    (SanPortaldRequest *req,
                                                        const char        *name,
                                                        gint64            *out_id);
/* A query parameter (NULL when absent) and a request header */
const char        *san_portald_request_get_query       (SanPortaldRequest *req,
                                                        const char        *name);
const char        *san_portald_request_get_header      (SanPortaldRequest *req,
                                                        const char        *name);
/* Today in São Paulo (or the day set with san_portald_server_set_today ()) */
void               san_portald_request_get_today       (SanPortaldRequest *req,
                                                        GDate             *out_today);
gboolean           san_portald_request_is_demo         (SanPortaldRequest *req);
/* The server's clock in milliseconds since the epoch: now, moved by as
 * many days as --today is from the real today (the real time of day) */
gint64             san_portald_request_clock_ms        (SanPortaldRequest *req);
/* The live event hub, to publish events (san-portald-events.h) */
struct _SanPortaldEvents *san_portald_request_get_events (SanPortaldRequest *req);
/* The route's body limit (SAN_PORTALD_MAX_BODY unless the route says more) */
gsize              san_portald_request_get_max_body    (SanPortaldRequest *req);

/* Answers */
void        san_portald_send_json                (SanPortaldRequest *req,
                                                  guint              status,
                                                  JsonBuilder       *builder);
/* 204 */
void        san_portald_send_no_content          (SanPortaldRequest *req);
/* A document (PDF, XML); @filename goes into Content-Disposition: attachment */
void        san_portald_send_bytes               (SanPortaldRequest *req,
                                                  guint              status,
                                                  const char        *content_type,
                                                  const char        *filename,
                                                  GBytes            *bytes);
/* application/problem+json; @code is the machine-readable word ("not_found") */
void        san_portald_send_problem             (SanPortaldRequest *req,
                                                  guint              status,
                                                  const char        *code,
                                                  const char        *detail);
/* The same on a message outside the router (the event stream's upgrade) */
void        san_portald_message_send_problem     (SoupServerMessage *msg,
                                                  guint              status,
                                                  const char        *code,
                                                  const char        *detail,
                                                  GArray            *errors);
/* The one check of a Bearer access token (the router's and the event
 * stream's): FALSE with the 401's code and detail, or with @error (500) */
gboolean    san_portald_authenticate_message     (SanPortaldDb       *db,
                                                  SoupServerMessage  *msg,
                                                  gint64             *out_user_id,
                                                  gint64             *out_session_id,
                                                  const char        **out_code,
                                                  const char        **out_detail,
                                                  GError            **error);
void        san_portald_send_problem_with_errors (SanPortaldRequest *req,
                                                  guint              status,
                                                  const char        *code,
                                                  const char        *detail,
                                                  GArray            *errors);
/* 400 validation_failed with @errors (SanPortaldFieldError) */
void        san_portald_send_validation_failed   (SanPortaldRequest *req,
                                                  GArray            *errors);
/* 500; logs @error's message (which must never hold request data) */
void        san_portald_send_internal_error      (SanPortaldRequest *req,
                                                  const GError      *error);
void        san_portald_add_field_error          (GArray            *errors,
                                                  const char        *field,
                                                  const char        *code,
                                                  const char        *message);

/* Bodies: the JSON object, or NULL after answering 400/413 */
JsonObject *san_portald_read_json_object         (SanPortaldRequest  *req,
                                                  JsonParser        **out_parser);
/* A required non-empty string member, or NULL with a field error */
const char *san_portald_require_string           (JsonObject        *object,
                                                  const char        *field,
                                                  GArray            *errors);

/* An optional string member: NULL when absent or null, NULL with a field
 * error when it is not a string */
const char *san_portald_optional_string          (JsonObject        *object,
                                                  const char        *field,
                                                  GArray            *errors);

/* Opaque list cursors ("next_cursor") over a row id */
char       *san_portald_make_cursor              (gint64             last_id);
gboolean    san_portald_parse_cursor             (const char        *cursor,
                                                  gint64            *out_after_id);

/* A "limit" query parameter: 1..SAN_PORTALD_MAX_LIMIT, or FALSE with a
 * field error in @errors */
gboolean    san_portald_parse_limit              (const char        *text,
                                                  guint             *out_limit,
                                                  GArray            *errors);

/* Wall-clock milliseconds since the epoch */
gint64      san_portald_now_ms                   (void);

G_END_DECLS
