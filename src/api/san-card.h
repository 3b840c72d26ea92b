/* san-card.h: a stored credit card (only its brand, last digits and expiry)
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SAN_TYPE_CARD (san_card_get_type ())
G_DECLARE_FINAL_TYPE (SanCard, san_card, SAN, CARD, GObject)

const char       *san_card_get_id         (SanCard *self);
/* The wire word ("visa", "mastercard", ...) */
const char       *san_card_get_brand      (SanCard *self);
const char       *san_card_get_last4      (SanCard *self);
/* 1..12 */
guint             san_card_get_exp_month  (SanCard *self);
/* 2030 */
guint             san_card_get_exp_year   (SanCard *self);
const char       *san_card_get_holder     (SanCard *self);
GDateTime        *san_card_get_created_at (SanCard *self);

G_END_DECLS
