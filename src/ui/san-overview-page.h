/* san-overview-page.h: a contract's services by status, at a glance
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "san-api.h"

G_BEGIN_DECLS

#define SAN_TYPE_OVERVIEW_PAGE (san_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (SanOverviewPage, san_overview_page, SAN, OVERVIEW_PAGE, GtkWidget)

/* Shows @contract (both NULL: shows nothing) and loads its services. */
void san_overview_page_set_contract (SanOverviewPage *self,
                                     SanClient       *client,
                                     SanContract     *contract);
void san_overview_page_reload       (SanOverviewPage *self);
/* The banner shows @incidents (SanIncident: the open ones affecting the
 * contract, newest first; see SanContractIncidents) */
void san_overview_page_set_incidents (SanOverviewPage *self,
                                      GListModel      *incidents);

/* Signals:
 *   "load-failed" (const GError *): loading failed; what was shown stays.
 *   "status-activated" (int status): show the services in that status.
 *   "service-activated" (const char *service_id): show that service. */

G_END_DECLS
