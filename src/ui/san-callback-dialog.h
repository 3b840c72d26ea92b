/* san-callback-dialog.h: "Nós ligamos para você", asking SAN to call back
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "san-api.h"

G_BEGIN_DECLS

#define SAN_TYPE_CALLBACK_DIALOG (san_callback_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SanCallbackDialog, san_callback_dialog, SAN, CALLBACK_DIALOG, AdwWindow)

/* Shows, over @parent, the form asking SAN to call about @contract, with
 * @service_id (nullable) chosen as the related service; the form sends the
 * request itself and says how it went. The contract's earlier requests are
 * listed below the form. */
void san_callback_dialog_present (GtkWindow   *parent,
                                  SanClient   *client,
                                  SanContract *contract,
                                  const char  *service_id);

G_END_DECLS
