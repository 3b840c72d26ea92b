/* san-window.h: the main window: loading, sign-in, unreachable and the
 * signed-in sections
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "san-application.h"
#include "san-event-stream.h"
#include "san-notification-center.h"

G_BEGIN_DECLS

#define SAN_TYPE_WINDOW (san_window_get_type ())
G_DECLARE_FINAL_TYPE (SanWindow, san_window, SAN, WINDOW, AdwApplicationWindow)

/* Restores the session kept for @server (or the remembered server when
 * NULL) without asking, or shows the sign-in. */
SanWindow *san_window_new      (SanApplication *application,
                                const char     *server);
/* Ends the session on the server and shows the sign-in. */
void       san_window_sign_out (SanWindow      *self);

/* The alerts and notifications the window keeps (the bell's list) */
SanNotificationCenter *san_window_get_notification_center (SanWindow *self);
/* The signed-in client's live event stream; NULL when signed out (or staff) */
SanEventStream        *san_window_get_event_stream        (SanWindow *self);
/* Goes to what an alert is about: @contract_id's (NULL: the shown one)
 * Status section, invoice or ticket */
void                   san_window_show_alert              (SanWindow      *self,
                                                           const char     *contract_id,
                                                           SanAlertTarget  target,
                                                           const char     *target_id);

G_END_DECLS
