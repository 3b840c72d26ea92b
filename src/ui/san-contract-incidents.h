/* san-contract-incidents.h: the open incidents that affect the shown
 * contract, kept live: what the banners on the Overview and in Tickets say
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "san-api.h"
#include "san-event.h"

G_BEGIN_DECLS

#define SAN_TYPE_CONTRACT_INCIDENTS (san_contract_incidents_get_type ())
G_DECLARE_FINAL_TYPE (SanContractIncidents, san_contract_incidents, SAN, CONTRACT_INCIDENTS, GObject)

SanContractIncidents *san_contract_incidents_new          (void);
/* Follows @contract (both NULL: nothing): empties the list and loads the
 * contract's status when the user may see its services */
void                  san_contract_incidents_set_contract (SanContractIncidents *self,
                                                           SanClient            *client,
                                                           SanContract          *contract);
/* Loads the status again, keeping the list until it arrives (after a
 * resync of the event stream, or the user's Reload) */
void                  san_contract_incidents_reload       (SanContractIncidents *self);
/* The contract's incident events (created, updated, resolved) update the
 * list; other events, other contracts' and those already in the loaded
 * status are ignored; those that come while it loads are applied after it */
void                  san_contract_incidents_apply_event  (SanContractIncidents *self,
                                                           SanEvent             *event);
/* SanIncident: the open ones, newest first. A load that fails keeps what
 * the list had (the pages' own loads say when SAN can't be reached). */
GListModel           *san_contract_incidents_get_model    (SanContractIncidents *self);

G_END_DECLS
