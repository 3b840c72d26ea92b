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

/* Declares the waiter, runs @start (a call ending in waiter_cb, &waiter),
 * and leaves the result in `result`:
 *   RUN (san_client_get_dda_async (client, cid, NULL, waiter_cb, &waiter));
 *   return san_client_get_dda_finish (client, result, error); */
#define RUN(start)                                   \
  g_autoptr(GAsyncResult) result = NULL;             \
  Waiter waiter = { 0 };                             \
  start;                                             \
  result = waiter_wait (&waiter)

/* A client of @url with @store (a new memory store when NULL); asserts */
SanClient    *test_client_new     (const char    *url,
                                   SanTokenStore *store);
/* Signs in (asserts it works) */
void          test_client_login   (SanClient     *client,
                                   const char    *email,
                                   const char    *password);
/* The id of the signed-in user's contract called @name (aborts when there
 * is none) */
char         *test_client_contract_id (SanClient  *client,
                                       const char *name);
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

/* A GListModel of GFile holding @first and the files after it, up to NULL */
GListModel   *test_files_model    (GFile         *first,
                                   ...) G_GNUC_NULL_TERMINATED;
/* Deletes the folder @path and everything in it (asserts it can) */
void          test_dir_remove     (const char    *path);

/* Asserts @error's message holds @text */
void          assert_message_contains (const GError *error,
                                       const char   *text);
/* Asserts @time is there and reads @iso in ISO 8601 */
void          assert_time         (GDateTime     *time,
                                   const char    *iso);

G_END_DECLS
