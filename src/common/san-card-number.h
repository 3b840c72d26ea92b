/* san-card-number.h: payment card numbers (Luhn, brand), expiry and CVV
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SAN_CARD_BRAND_UNKNOWN,
  SAN_CARD_BRAND_VISA,
  SAN_CARD_BRAND_MASTERCARD,
  SAN_CARD_BRAND_AMEX,
  SAN_CARD_BRAND_ELO,
  SAN_CARD_BRAND_HIPERCARD,
  SAN_CARD_BRAND_DINERS,
  SAN_CARD_BRAND_DISCOVER,
  SAN_CARD_BRAND_JCB,
} SanCardBrand;

/* Luhn check on a string of digits only */
gboolean      san_card_luhn_valid          (const char   *digits);
/* The brand from the leading digits (Elo and Hipercard ranges before Visa
 * and Mastercard's), even for an incomplete number */
SanCardBrand  san_card_brand_detect        (const char   *digits);
/* "visa", "mastercard", "amex", "elo", "hipercard", "diners", "discover",
 * "jcb"; NULL for UNKNOWN. from_wire returns UNKNOWN for anything else. */
const char   *san_card_brand_to_wire       (SanCardBrand  brand);
SanCardBrand  san_card_brand_from_wire     (const char   *word);
/* "Visa", "Mastercard", "American Express", "Elo", ... (not translated);
 * "Unknown" for UNKNOWN */
const char   *san_card_brand_display_name  (SanCardBrand  brand);

/* Strips spaces and dashes from @text into digits; NULL when anything else is in it */
char         *san_card_number_normalize    (const char   *text);
/* A complete number: digits (spaces and dashes allowed), 13..19 of them,
 * Luhn, a known brand and a length that brand uses. Sets *@out_brand (also
 * on failure: UNKNOWN when not known). @error says what is wrong. */
gboolean      san_card_number_validate     (const char   *text,
                                            SanCardBrand *out_brand,
                                            GError      **error);
/* Groups for display: "4111 1111 1111 1111", Amex "3782 822463 10005",
 * 14-digit Diners "3056 930902 5904" */
char         *san_card_number_format       (const char   *digits);
typedef enum
{
  SAN_CARD_EXPIRY_OK,
  SAN_CARD_EXPIRY_INVALID_MONTH,  /* not 1..12 */
  SAN_CARD_EXPIRY_INVALID_YEAR,   /* not 4 digits, or more than 50 years ahead */
  SAN_CARD_EXPIRY_EXPIRED,        /* before @today's month */
} SanCardExpiryCheck;

/* What is wrong with an expiry date, for the field errors of an API */
SanCardExpiryCheck san_card_expiry_check   (guint         month,
                                            guint         year,
                                            const GDate  *today);
/* Month 1..12 and a 4-digit year, not before @today's month (the card is
 * valid through the last day of its month) */
gboolean      san_card_expiry_validate     (guint         month,
                                            guint         year,
                                            const GDate  *today,
                                            GError      **error);
/* 3 digits, 4 for American Express (3 or 4 for UNKNOWN) */
gboolean      san_card_cvv_validate        (const char   *cvv,
                                            SanCardBrand  brand,
                                            GError      **error);

G_END_DECLS
