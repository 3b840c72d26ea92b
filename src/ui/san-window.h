/* san-window.h: the main window: loading, sign-in, unreachable and the
 * signed-in sections
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "san-application.h"

G_BEGIN_DECLS

#define SAN_TYPE_WINDOW (san_window_get_type ())
G_DECLARE_FINAL_TYPE (SanWindow, san_window, SAN, WINDOW, AdwApplicationWindow)

/* Restores the session kept for @server (or the remembered server when
 * NULL) without asking, or shows the sign-in. */
SanWindow *san_window_new      (SanApplication *application,
                                const char     *server);
/* Ends the session on the server and shows the sign-in. */
void       san_window_sign_out (SanWindow      *self);

G_END_DECLS
