/* san-incident-banner.h: "SAN already knows": a calm banner for the open
 * incidents that affect the contract, with Details to the Status section
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SAN_TYPE_INCIDENT_BANNER (san_incident_banner_get_type ())
G_DECLARE_FINAL_TYPE (SanIncidentBanner, san_incident_banner, SAN, INCIDENT_BANNER, GtkWidget)

/* Properties:
 *   "incidents" (GListModel of SanIncident, the open ones newest first):
 *               shown while it has any; the title is the incident's when
 *               there is one, a count otherwise.
 *   "body" (string): what the customer is told under the title; NULL (the
 *               default) is san_status_reassurance ().
 * The banner hides itself when there is nothing to say. */
GtkWidget  *san_incident_banner_new           (void);
void        san_incident_banner_set_incidents (SanIncidentBanner *self,
                                               GListModel        *incidents);
GListModel *san_incident_banner_get_incidents (SanIncidentBanner *self);
void        san_incident_banner_set_body      (SanIncidentBanner *self,
                                               const char        *body);
/* How many open incidents it speaks of */
guint       san_incident_banner_get_n_incidents (SanIncidentBanner *self);

G_END_DECLS
