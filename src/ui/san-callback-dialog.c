/* san-callback-dialog.c: "Nós ligamos para você", asking SAN to call back
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "san-callback-dialog.h"

void
san_callback_dialog_present (GtkWindow   *parent,
                             SanClient   *client,
                             SanContract *contract,
                             const char  *service_id)
{
  g_return_if_fail (GTK_IS_WINDOW (parent));
}
