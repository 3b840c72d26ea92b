/* san-service.h: one contracted service (hosting, cloud or dedicated server)
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "san-enums.h"
#include "san-instance.h"

G_BEGIN_DECLS

#define SAN_TYPE_SERVICE (san_service_get_type ())
G_DECLARE_FINAL_TYPE (SanService, san_service, SAN, SERVICE, GObject)

const char       *san_service_get_id             (SanService *self);
const char       *san_service_get_contract_id    (SanService *self);
/* "Hospedagem Linux", "Cloud Server", "Servidor Dedicado", ... */
const char       *san_service_get_product        (SanService *self);
/* "Plano M", "Cloud 4 GB", ... */
const char       *san_service_get_plan           (SanService *self);
/* May be empty (a server without a domain), never NULL */
const char       *san_service_get_domain         (SanService *self);
SanServiceKind    san_service_get_kind           (SanService *self);
SanServiceStatus  san_service_get_status         (SanService *self);
SanBillingCycle   san_service_get_billing_cycle  (SanService *self);
/* The monthly price in centavos */
gint64            san_service_get_price_cents    (SanService *self);
/* NULL when there is no next due date (cancelled, terminated) */
const GDate      *san_service_get_next_due_date  (SanService *self);
/* The day the service entered its current status */
const GDate      *san_service_get_status_since   (SanService *self);
SanSupportLevelId san_service_get_support_level  (SanService *self);
SanPaymentMethod  san_service_get_payment_method (SanService *self);
/* NULL while pending setup */
SanInstance      *san_service_get_instance       (SanService *self);

G_END_DECLS
