/* san-application.h: the SAN Client Area application
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "san-api.h"

G_BEGIN_DECLS

#define SAN_TYPE_APPLICATION (san_application_get_type ())
G_DECLARE_FINAL_TYPE (SanApplication, san_application, SAN, APPLICATION, AdwApplication)

SanApplication *san_application_new             (void);
/* com.saninternet.ClientArea */
GSettings      *san_application_get_settings    (SanApplication *self);
/* Where sessions are kept between runs (the Secret Service) */
SanTokenStore  *san_application_get_token_store (SanApplication *self);

/* Binds the app's translations: LOCALEDIR, or $SAN_LOCALEDIR when set (to
 * run from the build tree). Called by startup; the caller still runs
 * setlocale (LC_ALL, ""). */
void            san_application_init_i18n       (void);

/* Closing the window with "run-in-background" on: the app holds itself
 * (until the window shows again or app.quit) and returns TRUE; FALSE when
 * quitting (the window closes for real then) */
gboolean        san_application_hold_in_background (SanApplication *self);
/* Whether it runs in the background, its window hidden */
gboolean        san_application_get_in_background  (SanApplication *self);

G_END_DECLS
