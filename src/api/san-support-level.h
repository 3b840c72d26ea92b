/* san-support-level.h: one level of the support catalogue (Básico, Business,
 * Premium)
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "san-enums.h"

G_BEGIN_DECLS

#define SAN_TYPE_SUPPORT_LEVEL (san_support_level_get_type ())
G_DECLARE_FINAL_TYPE (SanSupportLevel, san_support_level, SAN, SUPPORT_LEVEL, GObject)

/* Properties (read-only): "id" (SAN_TYPE_SUPPORT_LEVEL_ID), "name",
 * "human-hours" (strings), "includes", "channels" (G_TYPE_STRV),
 * "first-response-minutes" (uint), "price-cents" (gint64). Values are owned
 * by the level. */

/* Compare with san_service_get_support_level(); pass to
 * san_client_set_support_level_async() */
SanSupportLevelId   san_support_level_get_id                     (SanSupportLevel *self);
/* "Básico", "Business", "Premium" (as the server names it, pt_BR) */
const char         *san_support_level_get_name                   (SanSupportLevel *self);
/* What it includes, one line each (pt_BR): NULL-terminated, never NULL */
const char * const *san_support_level_get_includes               (SanSupportLevel *self);
/* Its channels ("E-mail e tickets (24x7)", "Telefone", ...):
 * NULL-terminated, never NULL */
const char * const *san_support_level_get_channels               (SanSupportLevel *self);
/* When people answer: "Seg a sex, 8h às 18h" */
const char         *san_support_level_get_human_hours            (SanSupportLevel *self);
/* The first-response SLA, in minutes */
guint               san_support_level_get_first_response_minutes (SanSupportLevel *self);
/* Per month and per service, in centavos (0 for Básico): format with
 * san-money */
gint64              san_support_level_get_price_cents            (SanSupportLevel *self);

G_END_DECLS
