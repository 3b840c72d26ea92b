/* san-api-test.h: waiting for async calls in the client library's tests
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "san-api.h"

G_BEGIN_DECLS

typedef struct
{
  GAsyncResult *result;
  gboolean      done;
} Waiter;

/* A GAsyncReadyCallback: keeps the result in the Waiter @user_data */
void          waiter_cb           (GObject       *source,
                                   GAsyncResult  *result,
                                   gpointer       user_data);
/* Runs the main loop until the call ended (aborts after 30 s); the
 * result is the caller's */
GAsyncResult *waiter_wait         (Waiter        *waiter);

/* A client of @url with @store (a new memory store when NULL); asserts */
SanClient    *test_client_new     (const char    *url,
                                   SanTokenStore *store);
/* Signs in (asserts it works) */
void          test_client_login   (SanClient     *client,
                                   const char    *email,
                                   const char    *password);
/* The calls, waited for */
SanMe        *test_client_fetch_me (SanClient   *client,
                                    GError     **error);
gboolean      test_client_restore  (SanClient   *client,
                                    GError     **error);
gboolean      test_client_logout   (SanClient   *client,
                                    GError     **error);
/* What @store keeps for @server, or NULL */
SanTokens    *test_store_load     (SanTokenStore *store,
                                   const char    *server);
/* Runs the main loop for @ms milliseconds */
void          test_sleep_ms       (guint          ms);

G_END_DECLS
