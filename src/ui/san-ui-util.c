/* san-ui-util.c: small helpers the pages and views share
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "san-ui-util.h"

AdwToast *
san_ui_add_toast (GtkWidget  *widget,
                  const char *title,
                  guint       timeout)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    return NULL;
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, timeout);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  return toast;
}

void
san_ui_toast_copied (GtkWidget  *widget,
                     AdwToast  **last)
{
  if (*last != NULL)
    adw_toast_dismiss (*last);
  *last = san_ui_add_toast (widget, _("Copied"), 3);
  if (*last != NULL)
    g_object_add_weak_pointer (G_OBJECT (*last), (gpointer *) last);
}

void
san_ui_set_row (AdwActionRow *row,
                const char   *value)
{
  adw_action_row_set_subtitle (row, value != NULL && value[0] != '\0' ? value : "—");
}
