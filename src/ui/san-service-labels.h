/* san-service-labels.h: the words and sentences the app shows for a service
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "san-api.h"

G_BEGIN_DECLS

/* "Active", "Suspended", ... (translated) */
const char *san_service_status_label      (SanServiceStatus  status);
/* The CSS class of a status badge: "status-active", ... */
const char *san_service_status_css_class  (SanServiceStatus  status);
/* "Shared hosting", "Cloud server", "Dedicated server" */
const char *san_service_kind_label        (SanServiceKind    kind);
/* "Basic", "Business", "Premium" */
const char *san_support_level_label       (SanSupportLevelId level);
/* "Boleto", "PIX", "Credit card", "Bank debit" */
const char *san_payment_method_label      (SanPaymentMethod  method);

/* The domain, or the product when the service has no domain */
const char *san_service_get_title         (SanService       *service);
/* "Product · Plan"; for a service without a domain (whose title is the
 * product) "Plan · hostname" */
char       *san_service_dup_subtitle      (SanService       *service);
/* "R$ 49,90 per month" or, for annual billing,
 * "R$ 49,90 per month, billed 12 months at once" */
char       *san_service_dup_price_text    (SanService       *service);
/* "R$ 49,90/month", for the list */
char       *san_service_dup_short_price   (SanService       *service);
/* The last day SAN keeps a suspended service before terminating it:
 * status_since + 3 months (shared hosting) or + 7 days (cloud, dedicated).
 * FALSE when the service is not suspended. */
gboolean    san_service_get_kept_until    (SanService       *service,
                                           GDate            *out_date);
/* A plain-language explanation of the status and what happens next
 * (PRODUCT.md, SAN's rules). */
char       *san_service_dup_status_explanation (SanService *service);

G_END_DECLS
