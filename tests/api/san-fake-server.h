/* san-fake-server.h: an in-process SoupServer with canned answers, for the
 * client library's tests (like GNOME Calendar's tests)
 *
 * It signs in any e-mail with the password "right", rotates tokens on
 * refresh the way san-portald does, and answers every other route from a
 * table of canned answers, checking the Bearer token where asked.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

#define FAKE_PASSWORD "right"

typedef struct _FakeServer FakeServer;

/* Listens on 127.0.0.1, port 0. With @tls_certificate, serves HTTPS. */
FakeServer  *fake_server_new               (GTlsCertificate *tls_certificate);
void         fake_server_free              (FakeServer      *self);
/* "http://127.0.0.1:PORT" */
const char  *fake_server_get_url           (FakeServer      *self);

/* Answers METHOD PATH (no query, %-escapes decoded) with @status and @body. @content_type
 * NULL means "application/json". @auth: only with the current access token
 * (401 token_expired / invalid_token otherwise). @header may be
 * "Name: value" or NULL. */
void         fake_server_set_answer        (FakeServer      *self,
                                            const char      *method,
                                            const char      *path,
                                            gboolean         auth,
                                            guint            status,
                                            const char      *content_type,
                                            const char      *body,
                                            const char      *header);
/* Answers after @delay_ms (the message is paused meanwhile) */
void         fake_server_set_delay         (FakeServer      *self,
                                            const char      *method,
                                            const char      *path,
                                            guint            delay_ms);
/* Several answers for GET PATH, chosen by the "cursor" query parameter
 * (NULL: the first page) */
void         fake_server_set_page          (FakeServer      *self,
                                            const char      *path,
                                            const char      *cursor,
                                            const char      *body);

/* The expires_in of the next tokens (default 900) */
void         fake_server_set_expires_in    (FakeServer      *self,
                                            gint64           expires_in);
/* The current access token now gets 401 token_expired */
void         fake_server_expire_access     (FakeServer      *self);
/* Refresh answers 401 invalid_refresh_token from now on */
void         fake_server_refuse_refresh    (FakeServer      *self);
void         fake_server_set_refresh_delay (FakeServer      *self,
                                            guint            delay_ms);

/* How many requests METHOD PATH got */
guint        fake_server_count             (FakeServer      *self,
                                            const char      *method,
                                            const char      *path);
/* Of the last request to PATH: a query parameter, a request header */
const char  *fake_server_last_query        (FakeServer      *self,
                                            const char      *path,
                                            const char      *name);
const char  *fake_server_last_header       (FakeServer      *self,
                                            const char      *path,
                                            const char      *name);
/* The body of the last request to PATH, as text ("" when it had none) */
const char  *fake_server_last_body         (FakeServer      *self,
                                            const char      *path);
/* The same body as sent, bytes and all (multipart with files); owned by the server */
GBytes      *fake_server_last_body_bytes   (FakeServer      *self,
                                            const char      *path);
const char  *fake_server_get_access_token  (FakeServer      *self);
const char  *fake_server_get_refresh_token (FakeServer      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FakeServer, fake_server_free)

/* Canned JSON */
#define FAKE_USER_JSON \
  "{\"id\":\"u1\",\"email\":\"ana@example.com\",\"display_name\":\"Ana Souza\",\"role\":\"customer\"}"
#define FAKE_INSTANCE_JSON \
  "{\"id\":\"i7\",\"name\":\"br-sp-shared-07\",\"hostname\":\"sh07.saninternet.com\",\"region\":\"São Paulo\"}"
/* A valid service of contract c1; %s slots: id, status, next_due_date (JSON) */
#define FAKE_SERVICE_JSON_FMT \
  "{\"id\":\"%s\",\"contract_id\":\"c1\",\"product\":\"Hospedagem Linux\",\"plan\":\"Plano M\"," \
  "\"domain\":\"padaria.com.br\",\"kind\":\"shared\",\"status\":\"%s\",\"billing_cycle\":\"annual\"," \
  "\"price_cents\":2990,\"next_due_date\":%s,\"status_since\":\"2026-01-15\"," \
  "\"support_level\":\"business\",\"payment_method\":\"bank_debit\"," \
  "\"instance\":" FAKE_INSTANCE_JSON ",\"created_at\":\"2026-01-10T12:00:00Z\"}"

/* A service JSON with member @member replaced by the raw JSON @value, or
 * removed when @value is NULL */
char        *fake_service_json_with        (const char      *member,
                                            const char      *value);
/* @json (an object) with @member replaced by the raw JSON @value, or removed
 * when @value is NULL; "a.b" is member b of the object member a, "a.0.b"
 * member b of the first element of the array member a */
char        *fake_json_with                (const char      *json,
                                            const char      *member,
                                            const char      *value);

G_END_DECLS
