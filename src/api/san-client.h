/* san-client.h: the SAN portal API client
 *
 * One SoupSession per client. Every call is async (GTask) and takes a
 * GCancellable; errors are SAN_API_ERROR or G_IO_ERROR_CANCELLED.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "san-me.h"
#include "san-page.h"
#include "san-service.h"
#include "san-token-store.h"
#include "san-user.h"

G_BEGIN_DECLS

#define SAN_TYPE_CLIENT (san_client_get_type ())
G_DECLARE_FINAL_TYPE (SanClient, san_client, SAN, CLIENT, GObject)

/* Fails with SAN_API_ERROR_INSECURE for plain http:// to a host that is not
 * loopback, and SAN_API_ERROR_INVALID_INPUT for what is not an http(s) URI.
 * @base_uri is like "https://portal.saninternet.com" (no /api/v1). */
SanClient   *san_client_new                   (const char           *base_uri,
                                               SanTokenStore        *store,
                                               GError              **error);

/* The base URI, normalized (no trailing slash) */
const char  *san_client_get_base_uri          (SanClient            *self);
gboolean     san_client_get_signed_in         (SanClient            *self);
/* The login e-mail of the session, NULL when signed out */
const char  *san_client_get_email             (SanClient            *self);

/* Signs in and keeps the tokens in the store. */
void         san_client_login_async           (SanClient            *self,
                                               const char           *email,
                                               const char           *password,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean     san_client_login_finish          (SanClient            *self,
                                               GAsyncResult         *result,
                                               GError              **error);

/* Takes up the session kept in the store for this server and checks it with
 * the server (refreshing it if needed). Fails with
 * SAN_API_ERROR_NOT_SIGNED_IN when none is kept or it is no longer valid. */
void         san_client_restore_async         (SanClient            *self,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean     san_client_restore_finish        (SanClient            *self,
                                               GAsyncResult         *result,
                                               GError              **error);

/* Ends the session on the server and forgets it here. Forgets it here even
 * when the server cannot be reached (and then says so in @error). */
void         san_client_logout_async          (SanClient            *self,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean     san_client_logout_finish         (SanClient            *self,
                                               GAsyncResult         *result,
                                               GError              **error);

void         san_client_fetch_me_async        (SanClient            *self,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
SanMe       *san_client_fetch_me_finish       (SanClient            *self,
                                               GAsyncResult         *result,
                                               GError              **error);

/* One page of a contract's services. @status (nullable) filters by status;
 * @search (nullable) matches domain, product and plan; @cursor (nullable)
 * is a page's next cursor; @limit 0 means the server's default. The page's
 * items are SanService. */
void         san_client_list_services_async   (SanClient            *self,
                                               const char           *contract_id,
                                               const SanServiceStatus *status,
                                               const char           *search,
                                               const char           *cursor,
                                               guint                 limit,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
SanPage     *san_client_list_services_finish  (SanClient            *self,
                                               GAsyncResult         *result,
                                               GError              **error);

/* Every service of a contract, following the pages: a GListModel of SanService. */
void         san_client_list_all_services_async  (SanClient         *self,
                                                  const char        *contract_id,
                                                  GCancellable      *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer           user_data);
GListModel  *san_client_list_all_services_finish (SanClient         *self,
                                                  GAsyncResult      *result,
                                                  GError           **error);

void         san_client_get_service_async     (SanClient            *self,
                                               const char           *contract_id,
                                               const char           *service_id,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
SanService  *san_client_get_service_finish    (SanClient            *self,
                                               GAsyncResult         *result,
                                               GError              **error);

/* Signals:
 *   "signed-out" (void): the session ended, by logout or because the server
 *   refused both the access and the refresh token. The UI shows sign-in. */

G_END_DECLS
