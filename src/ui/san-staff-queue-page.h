/* san-staff-queue-page.h: staff mode: the ticket queue across contracts and a ticket's thread
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "san-api.h"

G_BEGIN_DECLS

#define SAN_TYPE_STAFF_QUEUE_PAGE (san_staff_queue_page_get_type ())
G_DECLARE_FINAL_TYPE (SanStaffQueuePage, san_staff_queue_page, SAN, STAFF_QUEUE_PAGE, GtkWidget)

/* Shows the queue through @client (NULL: shows nothing) and loads it. */
void     san_staff_queue_page_set_client         (SanStaffQueuePage *self,
                                                  SanClient         *client);
/* Loads again, keeping what is shown until the answer arrives. */
void     san_staff_queue_page_reload             (SanStaffQueuePage *self);
/* TRUE while a detail (not the list) is what a folded window shows */
gboolean san_staff_queue_page_get_showing_detail (SanStaffQueuePage *self);
/* Goes from the detail back to the list; FALSE when already there */
gboolean san_staff_queue_page_go_back            (SanStaffQueuePage *self);
/* Shows the list and puts the focus in its search field */
void     san_staff_queue_page_focus_search       (SanStaffQueuePage *self);

/* Properties: "showing-detail" (gboolean, read-only)
 * Signals:
 *   "load-failed" (const GError *): loading failed; what was shown stays. */

G_END_DECLS
