/* san-overview-page.h: a contract's services by status, at a glance
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "san-api.h"
#include "san-event.h"

G_BEGIN_DECLS

#define SAN_TYPE_OVERVIEW_PAGE (san_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (SanOverviewPage, san_overview_page, SAN, OVERVIEW_PAGE, GtkWidget)

/* Shows @contract (both NULL: shows nothing) and loads its services. */
void san_overview_page_set_contract (SanOverviewPage *self,
                                     SanClient       *client,
                                     SanContract     *contract);
void san_overview_page_reload       (SanOverviewPage *self);
/* The contract's incident events (created, updated, resolved) update the
 * banner of open incidents; other events, other contracts' and those
 * already in the loaded status are ignored; those that come while it loads
 * are applied after it */
void  san_overview_page_apply_event     (SanOverviewPage *self,
                                         SanEvent        *event);
/* How many open incidents the banner speaks of */
guint san_overview_page_get_n_incidents (SanOverviewPage *self);

/* Signals:
 *   "load-failed" (const GError *): loading failed; what was shown stays.
 *   "status-activated" (int status): show the services in that status.
 *   "service-activated" (const char *service_id): show that service. */

G_END_DECLS
