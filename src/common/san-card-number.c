/* san-card-number.c
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "san-card-number.h"
#include "san-common-error.h"

/* A range of numbers' leading digits: a number whose first strlen (low)
 * digits, read as a number, are within [low, high] */
typedef struct
{
  const char   *low;
  const char   *high;
  SanCardBrand  brand;
} BinRange;

/* Order matters: Elo and Hipercard take ranges inside Visa's, Discover's and
 * Diners's, so they come first. Elo's BINs as the card networks' tables
 * publish them (e.g. braintree/credit-card-type). */
static const BinRange ranges[] = {
  { "401178", "401179", SAN_CARD_BRAND_ELO },
  { "431274", "431274", SAN_CARD_BRAND_ELO },
  { "438935", "438935", SAN_CARD_BRAND_ELO },
  { "451416", "451416", SAN_CARD_BRAND_ELO },
  { "457393", "457393", SAN_CARD_BRAND_ELO },
  { "457631", "457632", SAN_CARD_BRAND_ELO },
  { "504175", "504175", SAN_CARD_BRAND_ELO },
  { "506699", "506778", SAN_CARD_BRAND_ELO },
  { "509000", "509999", SAN_CARD_BRAND_ELO },
  { "627780", "627780", SAN_CARD_BRAND_ELO },
  { "636297", "636297", SAN_CARD_BRAND_ELO },
  { "636368", "636368", SAN_CARD_BRAND_ELO },
  { "650031", "650033", SAN_CARD_BRAND_ELO },
  { "650035", "650051", SAN_CARD_BRAND_ELO },
  { "650405", "650439", SAN_CARD_BRAND_ELO },
  { "650485", "650538", SAN_CARD_BRAND_ELO },
  { "650541", "650598", SAN_CARD_BRAND_ELO },
  { "650700", "650718", SAN_CARD_BRAND_ELO },
  { "650720", "650727", SAN_CARD_BRAND_ELO },
  { "650901", "650978", SAN_CARD_BRAND_ELO },
  { "651652", "651679", SAN_CARD_BRAND_ELO },
  { "655000", "655019", SAN_CARD_BRAND_ELO },
  { "655021", "655058", SAN_CARD_BRAND_ELO },
  { "606282", "606282", SAN_CARD_BRAND_HIPERCARD },
  { "384100", "384100", SAN_CARD_BRAND_HIPERCARD },
  { "384140", "384140", SAN_CARD_BRAND_HIPERCARD },
  { "384160", "384160", SAN_CARD_BRAND_HIPERCARD },
  { "34", "34", SAN_CARD_BRAND_AMEX },
  { "37", "37", SAN_CARD_BRAND_AMEX },
  { "300", "305", SAN_CARD_BRAND_DINERS },
  { "36", "36", SAN_CARD_BRAND_DINERS },
  { "38", "39", SAN_CARD_BRAND_DINERS },
  { "3528", "3589", SAN_CARD_BRAND_JCB },
  { "6011", "6011", SAN_CARD_BRAND_DISCOVER },
  { "644", "649", SAN_CARD_BRAND_DISCOVER },
  { "65", "65", SAN_CARD_BRAND_DISCOVER },
  { "51", "55", SAN_CARD_BRAND_MASTERCARD },
  { "2221", "2720", SAN_CARD_BRAND_MASTERCARD },
  { "4", "4", SAN_CARD_BRAND_VISA },
};

static const struct
{
  SanCardBrand  brand;
  const char   *wire;
  const char   *display;
  guint8        lengths[4];   /* 0-terminated */
} brands[] = {
  { SAN_CARD_BRAND_VISA, "visa", "Visa", { 13, 16, 19, 0 } },
  { SAN_CARD_BRAND_MASTERCARD, "mastercard", "Mastercard", { 16, 0 } },
  { SAN_CARD_BRAND_AMEX, "amex", "American Express", { 15, 0 } },
  { SAN_CARD_BRAND_ELO, "elo", "Elo", { 16, 0 } },
  { SAN_CARD_BRAND_HIPERCARD, "hipercard", "Hipercard", { 13, 16, 19, 0 } },
  { SAN_CARD_BRAND_DINERS, "diners", "Diners Club", { 14, 16, 19, 0 } },
  { SAN_CARD_BRAND_DISCOVER, "discover", "Discover", { 16, 19, 0 } },
  { SAN_CARD_BRAND_JCB, "jcb", "JCB", { 16, 19, 0 } },
};

static gboolean
all_digits (const char *s)
{
  if (*s == '\0')
    return FALSE;
  for (const char *p = s; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

gboolean
san_card_luhn_valid (const char *digits)
{
  gsize n;
  guint sum = 0;

  g_return_val_if_fail (digits != NULL, FALSE);

  if (!all_digits (digits))
    return FALSE;

  n = strlen (digits);
  for (gsize i = 0; i < n; i++)
    {
      guint d = (guint) (digits[n - 1 - i] - '0');

      if (i % 2 == 1)
        {
          d *= 2;
          if (d > 9)
            d -= 9;
        }
      sum += d;
    }

  return sum % 10 == 0;
}

SanCardBrand
san_card_brand_detect (const char *digits)
{
  gsize n;

  g_return_val_if_fail (digits != NULL, SAN_CARD_BRAND_UNKNOWN);

  n = strlen (digits);
  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      gsize width = strlen (ranges[i].low);

      /* Too short to tell whether this range applies */
      if (n < width)
        continue;
      if (strncmp (digits, ranges[i].low, width) >= 0 && strncmp (digits, ranges[i].high, width) <= 0)
        {
          gboolean ok = TRUE;

          for (gsize k = 0; k < width; k++)
            ok = ok && g_ascii_isdigit (digits[k]);
          if (ok)
            return ranges[i].brand;
        }
    }

  return SAN_CARD_BRAND_UNKNOWN;
}

const char *
san_card_brand_to_wire (SanCardBrand brand)
{
  for (guint i = 0; i < G_N_ELEMENTS (brands); i++)
    if (brands[i].brand == brand)
      return brands[i].wire;
  return NULL;
}

SanCardBrand
san_card_brand_from_wire (const char *word)
{
  if (word == NULL)
    return SAN_CARD_BRAND_UNKNOWN;
  for (guint i = 0; i < G_N_ELEMENTS (brands); i++)
    if (g_str_equal (brands[i].wire, word))
      return brands[i].brand;
  return SAN_CARD_BRAND_UNKNOWN;
}

const char *
san_card_brand_display_name (SanCardBrand brand)
{
  for (guint i = 0; i < G_N_ELEMENTS (brands); i++)
    if (brands[i].brand == brand)
      return brands[i].display;
  return "Unknown";
}

static gboolean
brand_uses_length (SanCardBrand brand,
                   gsize        length)
{
  for (guint i = 0; i < G_N_ELEMENTS (brands); i++)
    if (brands[i].brand == brand)
      for (guint k = 0; brands[i].lengths[k] != 0; k++)
        if (brands[i].lengths[k] == length)
          return TRUE;
  return FALSE;
}

char *
san_card_number_normalize (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (text != NULL, NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (out, *p);
      else if (*p != ' ' && *p != '-')
        return NULL;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
san_card_number_validate (const char    *text,
                          SanCardBrand  *out_brand,
                          GError       **error)
{
  g_autofree char *digits = NULL;
  SanCardBrand brand;
  gsize n;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_brand != NULL)
    *out_brand = SAN_CARD_BRAND_UNKNOWN;

  digits = san_card_number_normalize (text);
  if (digits == NULL)
    {
      g_set_error_literal (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID,
                           _("A card number has only digits."));
      return FALSE;
    }

  n = strlen (digits);
  if (n < 13 || n > 19)
    {
      g_set_error_literal (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID,
                           _("A card number has 13 to 19 digits."));
      return FALSE;
    }

  if (!san_card_luhn_valid (digits))
    {
      g_set_error_literal (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID,
                           _("This card number is not valid: check the digits."));
      return FALSE;
    }

  brand = san_card_brand_detect (digits);
  if (out_brand != NULL)
    *out_brand = brand;

  if (brand == SAN_CARD_BRAND_UNKNOWN)
    {
      g_set_error_literal (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID,
                           _("Cards of this brand are not accepted."));
      return FALSE;
    }

  if (!brand_uses_length (brand, n))
    {
      /* Translators: %s is a card brand, e.g. "Visa" */
      g_set_error (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID,
                   _("This is not the length of a %s card number: check the digits."),
                   san_card_brand_display_name (brand));
      return FALSE;
    }

  return TRUE;
}

char *
san_card_number_format (const char *digits)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gsize n;
  /* Where spaces go: Amex 4-6-5, 14-digit Diners 4-6-4, others every 4 */
  static const guint amex_gaps[] = { 4, 10, 0 };
  const guint *gaps = NULL;

  g_return_val_if_fail (digits != NULL, NULL);

  n = strlen (digits);
  if (n == 15 && san_card_brand_detect (digits) == SAN_CARD_BRAND_AMEX)
    gaps = amex_gaps;
  else if (n == 14 && san_card_brand_detect (digits) == SAN_CARD_BRAND_DINERS)
    gaps = amex_gaps;

  for (gsize i = 0; i < n; i++)
    {
      gboolean gap = FALSE;

      if (gaps != NULL)
        {
          for (guint k = 0; gaps[k] != 0; k++)
            gap = gap || gaps[k] == i;
        }
      else
        gap = i > 0 && i % 4 == 0;

      if (gap)
        g_string_append_c (out, ' ');
      g_string_append_c (out, digits[i]);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

SanCardExpiryCheck
san_card_expiry_check (guint        month,
                       guint        year,
                       const GDate *today)
{
  g_return_val_if_fail (today != NULL && g_date_valid (today), SAN_CARD_EXPIRY_INVALID_YEAR);

  if (month < 1 || month > 12)
    return SAN_CARD_EXPIRY_INVALID_MONTH;
  if (year < 1000 || year > 9999 || year > (guint) g_date_get_year (today) + 50)
    return SAN_CARD_EXPIRY_INVALID_YEAR;
  if (year < (guint) g_date_get_year (today)
      || (year == (guint) g_date_get_year (today) && month < (guint) g_date_get_month (today)))
    return SAN_CARD_EXPIRY_EXPIRED;
  return SAN_CARD_EXPIRY_OK;
}

gboolean
san_card_expiry_validate (guint         month,
                          guint         year,
                          const GDate  *today,
                          GError      **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  switch (san_card_expiry_check (month, year, today))
    {
    case SAN_CARD_EXPIRY_OK:
      return TRUE;
    case SAN_CARD_EXPIRY_INVALID_MONTH:
      g_set_error_literal (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID,
                           _("The expiry month must be 1 to 12."));
      return FALSE;
    case SAN_CARD_EXPIRY_INVALID_YEAR:
      g_set_error_literal (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID,
                           _("The expiry year is not valid: write it with 4 digits."));
      return FALSE;
    case SAN_CARD_EXPIRY_EXPIRED:
    default:
      g_set_error_literal (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID,
                           _("The card has expired."));
      return FALSE;
    }
}

gboolean
san_card_cvv_validate (const char    *cvv,
                       SanCardBrand   brand,
                       GError       **error)
{
  gsize n;
  gboolean ok;

  g_return_val_if_fail (cvv != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  n = strlen (cvv);
  if (brand == SAN_CARD_BRAND_AMEX)
    ok = n == 4;
  else if (brand == SAN_CARD_BRAND_UNKNOWN)
    ok = n == 3 || n == 4;
  else
    ok = n == 3;

  if (!ok || !all_digits (cvv))
    {
      if (brand == SAN_CARD_BRAND_AMEX)
        g_set_error_literal (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID,
                             _("The security code of an American Express card has 4 digits."));
      else
        g_set_error_literal (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID,
                             _("The security code (CVV) has 3 digits."));
      return FALSE;
    }

  return TRUE;
}
