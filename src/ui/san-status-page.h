/* san-status-page.h: the Status section: how the servers that host the
 * contract's services are doing, its own servers live, and the incidents
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "san-api.h"

G_BEGIN_DECLS

#define SAN_TYPE_STATUS_PAGE (san_status_page_get_type ())
G_DECLARE_FINAL_TYPE (SanStatusPage, san_status_page, SAN, STATUS_PAGE, GtkWidget)

/* Shows @contract's status (both NULL: shows nothing) and loads it. */
void     san_status_page_set_contract       (SanStatusPage *self,
                                             SanClient     *client,
                                             SanContract   *contract);
/* Loads the status again, keeping what is shown until it arrives (after a
 * "resync" of the event stream, say). */
void     san_status_page_reload             (SanStatusPage *self);
/* Applies a live event of the shown contract: instance_state replaces the
 * instance, incident_* inserts or replaces the incident, metrics adds the
 * sample to its server. Other contracts' events, other types and events
 * already in the loaded status (seq <= its seq) are ignored; events that
 * come while the first load runs are applied after it. */
void     san_status_page_apply_event        (SanStatusPage *self,
                                             SanEvent      *event);
/* Whether an incident's details are shown instead of the overview (the
 * "showing-detail" property): then going back shows the overview. */
gboolean san_status_page_get_showing_detail (SanStatusPage *self);
/* Shows the overview when an incident's details are shown; FALSE when there
 * was nothing to go back to. */
gboolean san_status_page_go_back            (SanStatusPage *self);
/* The shown contract's status as last loaded (live events change what is
 * shown, not it; a reload replaces it), NULL before it loaded */
SanStatus *san_status_page_get_status       (SanStatusPage *self);
/* Shows the incident with @incident_id's details (when it is loaded);
 * returns whether it did */
gboolean san_status_page_show_incident      (SanStatusPage *self,
                                             const char    *incident_id);

/* Signals:
 *   "load-failed" (const GError *): loading failed; what was shown stays. */

G_END_DECLS
