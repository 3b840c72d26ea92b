/* san-preferences-window.h: the app's preferences (running in the
 * background)
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SAN_TYPE_PREFERENCES_WINDOW (san_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (SanPreferencesWindow, san_preferences_window, SAN, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* Shows and changes @settings (com.saninternet.ClientArea) */
SanPreferencesWindow *san_preferences_window_new (GtkWindow *parent,
                                                  GSettings *settings);

G_END_DECLS
