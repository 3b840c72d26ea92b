/* san-status-cards.h: the Status section's small pieces: an instance's
 * card, an incident's row in the timeline and one update of an incident
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "san-api.h"

G_BEGIN_DECLS

/* A pill with a state's icon and word, coloured by @css_class */
GtkWidget *san_status_badge_new        (const char        *icon_name,
                                        const char        *label,
                                        const char        *css_class);
/* An instance: name, region, hostname, state (icon, word, colour) and since
 * when, and @service_names (the contract's services on it; NULL: none) */
GtkWidget *san_instance_card_new       (SanInstance       *instance,
                                        const char * const *service_names,
                                        GDateTime         *now);
/* An incident in the timeline (activatable): title, status, impact,
 * @instance_names (the affected ones this contract knows; may be empty),
 * started / resolved */
GtkWidget *san_incident_row_new        (SanIncident       *incident,
                                        const char        *instance_names,
                                        GDateTime         *now);
/* One update of an incident: status word, message, time */
GtkWidget *san_incident_update_row_new (SanIncidentUpdate *update,
                                        GDateTime         *now);

G_END_DECLS
