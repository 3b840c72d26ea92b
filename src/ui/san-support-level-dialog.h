/* san-support-level-dialog.h: the support levels compared side by side, to
 * choose a service's
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "san-api.h"

G_BEGIN_DECLS

#define SAN_TYPE_SUPPORT_LEVEL_DIALOG (san_support_level_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SanSupportLevelDialog, san_support_level_dialog, SAN, SUPPORT_LEVEL_DIALOG, AdwWindow)

/* A modal dialog over @parent showing the catalogue (loaded from the
 * server) for @service of @contract, its current level marked. Choosing a
 * level and confirming sets it on the server. */
SanSupportLevelDialog *san_support_level_dialog_new (GtkWindow   *parent,
                                                     SanClient   *client,
                                                     SanContract *contract,
                                                     SanService  *service);

/* Signals:
 *   "level-changed" (SanService *service): the server set the level; @service
 *   is the service as it is now. The dialog closes itself after it. */

G_END_DECLS
