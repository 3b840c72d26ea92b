/* san-portald-server.h: the HTTP side of san-portald (routing, auth, handlers)
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "san-portald-db.h"

G_BEGIN_DECLS

/* Request bodies above this many bytes get 413 payload_too_large */
#define SAN_PORTALD_MAX_BODY (64 * 1024)

/* Login rate limits (the wire contract) */
#define SAN_PORTALD_ACCOUNT_MAX_FAILURES 5
#define SAN_PORTALD_ADDRESS_MAX_FAILURES 20
#define SAN_PORTALD_FAILURE_WINDOW_S (15 * 60)

typedef struct _SanPortaldServer  SanPortaldServer;
typedef struct _SanPortaldRequest SanPortaldRequest;

typedef void (*SanPortaldHandler) (SanPortaldRequest *req);

/* One row of the routing table. Every route whose pattern starts with
 * "/api/v1/contracts/{cid}/" is authorized by the router with @permission
 * before @handler runs (see authorize() in san-portald-server.c). */
typedef struct
{
  const char        *method;
  const char        *pattern;      /* segments in braces ({cid}, {sid}) match one segment */
  gboolean           public;       /* no access token needed (login, refresh) */
  const char        *permission;   /* required for contract-scoped routes */
  SanPortaldHandler  handler;
  gboolean           demo_only;    /* exists only with --demo (simulation hooks) */
  gsize              max_body;     /* bodies up to this size; 0: SAN_PORTALD_MAX_BODY */
  gboolean           admin;        /* under /admin/v1/: exists only with an admin token,
                                    * answers only loopback callers that send it */
} SanPortaldRoute;

/* Requests that carry attachments (multipart/form-data) may be this large */
#define SAN_PORTALD_MAX_UPLOAD_BODY (12 * 1024 * 1024)

#define SAN_PORTALD_CONTRACT_PREFIX "/api/v1/contracts/{cid}/"
#define SAN_PORTALD_ADMIN_PREFIX "/admin/v1/"
/* --admin-token must be at least this long */
#define SAN_PORTALD_ADMIN_TOKEN_MIN 16

/* The routing table, for tests that must cover every route */
const SanPortaldRoute *san_portald_server_get_routes (guint *n_routes);

/* @db stays owned by the caller and must outlive the server. TTLs in seconds. */
SanPortaldServer *san_portald_server_new    (SanPortaldDb        *db,
                                             guint                access_ttl_s,
                                             guint                refresh_ttl_s);
/* Waits for the password checks still running (a fraction of a second). */
void              san_portald_server_free   (SanPortaldServer    *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SanPortaldServer, san_portald_server_free)

/* Listens on @address (HTTPS when @certificate is not NULL) and returns the
 * base URL, like "http://127.0.0.1:41234" (no trailing slash). */
char             *san_portald_server_listen (SanPortaldServer    *self,
                                             GInetSocketAddress  *address,
                                             GTlsCertificate     *certificate,
                                             GError             **error);
/* At most @max_running password checks (argon2id, 64 MiB each) run at once,
 * in worker threads, and at most @max_waiting sign-ins wait for one; more get
 * 503 busy. Defaults: the number of processors (at most 4) and 32. */
void              san_portald_server_set_hash_limits (SanPortaldServer *self,
                                                      guint             max_running,
                                                      guint             max_waiting);
/* Sign-ins whose password is being checked, and those waiting for a worker */
void              san_portald_server_get_sign_ins    (SanPortaldServer *self,
                                                      guint            *out_running,
                                                      guint            *out_waiting);
/* --demo: the simulation routes exist, and a PIX charge settles by itself
 * @pix_settle_after_s seconds after it was made (0: only through the hook) */
void              san_portald_server_set_demo        (SanPortaldServer *self,
                                                      gboolean          demo,
                                                      guint             pix_settle_after_s);
/* 0 unless --demo */
guint             san_portald_server_get_pix_settle_after (SanPortaldServer *self);
/* Today's date in São Paulo */
void              san_portald_today_in_sao_paulo     (GDate            *out_today);
/* The server's clock when today is @today, in Unix milliseconds: now,
 * moved by as many days as @today is from the real today in São Paulo */
gint64            san_portald_clock_ms               (const GDate      *today);
/* Pretend today is @today (NULL: the real today in São Paulo), for tests */
void              san_portald_server_set_today       (SanPortaldServer *self,
                                                      const GDate      *today);
/* The admin interface (/admin/v1/): enabled with @token (NULL: disabled) */
void              san_portald_server_set_admin_token (SanPortaldServer *self,
                                                      const char       *token);
/* The live event hub (san-portald-events.h) */
struct _SanPortaldEvents *san_portald_server_get_events (SanPortaldServer *self);

/* The one decision on a customer's access to a contract (see
 * san-portald-server.c): *@out_allowed when @user_id is a member of
 * @contract_id holding @permission. *@out_member (nullable): a member. */
gboolean          san_portald_authorize_contract     (SanPortaldDb     *db,
                                                      gint64            user_id,
                                                      gint64            contract_id,
                                                      const char       *permission,
                                                      gboolean         *out_member,
                                                      gboolean         *out_allowed,
                                                      GError          **error);

/* Stops listening and closes every connection. */
void              san_portald_server_stop   (SanPortaldServer    *self);

G_END_DECLS
