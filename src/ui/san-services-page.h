/* san-services-page.h: the contract's services, filtered and searched, with
 * the details of the selected one
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "san-api.h"

G_BEGIN_DECLS

#define SAN_TYPE_SERVICES_PAGE (san_services_page_get_type ())
G_DECLARE_FINAL_TYPE (SanServicesPage, san_services_page, SAN, SERVICES_PAGE, GtkWidget)

/* Shows @contract's services (both NULL: shows nothing) and loads them. */
void     san_services_page_set_contract       (SanServicesPage   *self,
                                               SanClient         *client,
                                               SanContract       *contract);
/* Loads the services again, keeping what is shown until they arrive. */
void     san_services_page_reload             (SanServicesPage   *self);
/* Shows only services in @status; -1 shows every status. */
void     san_services_page_set_status_filter  (SanServicesPage   *self,
                                               int                status);
/* Clears the status filter and the search, and selects the service with
 * @service_id when it is in the list. */
void     san_services_page_show_service       (SanServicesPage   *self,
                                               const char        *service_id);
void     san_services_page_focus_search       (SanServicesPage   *self);
/* Whether the page is folded and shows the details instead of the list
 * (the "showing-detail" property): then going back shows the list. */
gboolean san_services_page_get_showing_detail (SanServicesPage   *self);
/* Shows the list when the details are shown folded; FALSE when there was
 * nothing to go back to. */
gboolean san_services_page_go_back           (SanServicesPage   *self);

/* Signals:
 *   "load-failed" (const GError *): loading failed; what was shown stays. */

G_END_DECLS
