/* san-test-server.h: a real san-portald on a free loopback port, with a
 * temporary database, for integration and UI tests
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _SanTestServer SanTestServer;

/* Starts $SAN_PORTALD (set by meson) with --db in a new temporary folder,
 * --listen 127.0.0.1:0, --demo (with metrics only every hour: pass
 * --metrics-interval to have them) when @demo, then @extra_args (NULL-terminated,
 * may be NULL). Waits for the base URL on its first line of stdout.
 * Aborts the test when the server does not start. */
SanTestServer *san_test_server_start      (gboolean            demo,
                                           const char * const *extra_args);
/* "http://127.0.0.1:PORT" */
const char    *san_test_server_get_url    (SanTestServer      *self);
/* The database file, for tests that look at what was stored */
const char    *san_test_server_get_db     (SanTestServer      *self);
/* Stops the server, waits for it and deletes the temporary folder. */
void           san_test_server_stop       (SanTestServer      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SanTestServer, san_test_server_stop)

/* Runs the default main context until *@done is TRUE; aborts the test after
 * @timeout_seconds. */
void           san_test_wait_until        (gboolean           *done,
                                           guint               timeout_seconds);

G_END_DECLS
