/* test-card.c: card numbers (Luhn, brands, lengths), expiry and CVV
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "san-card-number.h"
#include "san-common-error.h"

/* Published test numbers:
 * [ST] Stripe, "Testing" (docs.stripe.com/testing): 4242424242424242,
 *      4000056655665556 (Visa debit), 5555555555554444, 2223003122003222,
 *      5200828282828210 (Mastercard), 378282246310005, 371449635398431
 *      (Amex), 6011111111111117 (Discover), 3056930009020004 (Diners),
 *      36227206271667 (Diners, 14 digits), 3566002020360505 (JCB),
 *      6200000000000005 (UnionPay), 4000000000000002 (declined),
 *      4000000000009995 (insufficient funds).
 * [AD] Adyen, "Test card numbers": 4111 1111 1111 1111 (Visa).
 * [EB] EBANX test cards (gist.github.com/claudiosanches/e566ba431e0ffad97e11):
 *      Elo 6362970000457013, Hipercard 6062825624254001, Diners
 *      30569309025904.
 * [MP] Mercado Pago Brasil, "Cartões de teste": Elo 5067 7667 8388 8311,
 *      Amex 3753 651535 56885.
 * [WP] Wikipedia, "Luhn algorithm": 7992739871 has check digit 3. */

static void
test_luhn (void)
{
  /* [WP] */
  g_assert_true (san_card_luhn_valid ("79927398713"));
  for (char d = '0'; d <= '9'; d++)
    {
      char number[] = "7992739871X";

      number[10] = d;
      g_assert_true (san_card_luhn_valid (number) == (d == '3'));
    }
  /* [ST], [AD] */
  g_assert_true (san_card_luhn_valid ("4242424242424242"));
  g_assert_true (san_card_luhn_valid ("4111111111111111"));
  g_assert_true (san_card_luhn_valid ("378282246310005"));
  g_assert_false (san_card_luhn_valid ("4111111111111112"));
  g_assert_false (san_card_luhn_valid ("4242424242424224"));
  g_assert_false (san_card_luhn_valid ("4111 1111 1111 1111"));
  g_assert_false (san_card_luhn_valid (""));
}

static void
test_brand_detect (void)
{
  static const struct { const char *number; SanCardBrand brand; } cases[] = {
    { "4242424242424242", SAN_CARD_BRAND_VISA },          /* [ST] */
    { "4000056655665556", SAN_CARD_BRAND_VISA },          /* [ST] */
    { "4111111111111111", SAN_CARD_BRAND_VISA },          /* [AD] */
    { "5555555555554444", SAN_CARD_BRAND_MASTERCARD },    /* [ST] */
    { "2223003122003222", SAN_CARD_BRAND_MASTERCARD },    /* [ST] */
    { "5200828282828210", SAN_CARD_BRAND_MASTERCARD },    /* [ST] */
    { "378282246310005", SAN_CARD_BRAND_AMEX },           /* [ST] */
    { "371449635398431", SAN_CARD_BRAND_AMEX },           /* [ST] */
    { "375365153556885", SAN_CARD_BRAND_AMEX },           /* [MP] */
    { "6011111111111117", SAN_CARD_BRAND_DISCOVER },      /* [ST] */
    { "3056930009020004", SAN_CARD_BRAND_DINERS },        /* [ST] */
    { "36227206271667", SAN_CARD_BRAND_DINERS },          /* [ST] */
    { "30569309025904", SAN_CARD_BRAND_DINERS },          /* [EB] */
    { "3566002020360505", SAN_CARD_BRAND_JCB },           /* [ST] */
    { "6362970000457013", SAN_CARD_BRAND_ELO },           /* [EB] */
    { "5067766783888311", SAN_CARD_BRAND_ELO },           /* [MP] */
    { "6062825624254001", SAN_CARD_BRAND_HIPERCARD },     /* [EB] */
    { "6200000000000005", SAN_CARD_BRAND_UNKNOWN },       /* [ST] UnionPay */
    /* Incomplete numbers, as typed */
    { "4", SAN_CARD_BRAND_VISA },
    { "37", SAN_CARD_BRAND_AMEX },
    { "5067", SAN_CARD_BRAND_UNKNOWN },
    { "506776", SAN_CARD_BRAND_ELO },
    { "2", SAN_CARD_BRAND_UNKNOWN },
    { "", SAN_CARD_BRAND_UNKNOWN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].number);
      g_assert_cmpint (san_card_brand_detect (cases[i].number), ==, cases[i].brand);
    }
}

static void
test_brand_wire (void)
{
  static const SanCardBrand brands[] = {
    SAN_CARD_BRAND_VISA, SAN_CARD_BRAND_MASTERCARD, SAN_CARD_BRAND_AMEX, SAN_CARD_BRAND_ELO,
    SAN_CARD_BRAND_HIPERCARD, SAN_CARD_BRAND_DINERS, SAN_CARD_BRAND_DISCOVER, SAN_CARD_BRAND_JCB,
  };

  for (guint i = 0; i < G_N_ELEMENTS (brands); i++)
    {
      const char *word = san_card_brand_to_wire (brands[i]);

      g_assert_nonnull (word);
      g_assert_cmpint (san_card_brand_from_wire (word), ==, brands[i]);
      g_assert_nonnull (san_card_brand_display_name (brands[i]));
    }

  g_assert_cmpstr (san_card_brand_to_wire (SAN_CARD_BRAND_VISA), ==, "visa");
  g_assert_cmpstr (san_card_brand_to_wire (SAN_CARD_BRAND_AMEX), ==, "amex");
  g_assert_cmpstr (san_card_brand_display_name (SAN_CARD_BRAND_AMEX), ==, "American Express");
  g_assert_null (san_card_brand_to_wire (SAN_CARD_BRAND_UNKNOWN));
  g_assert_cmpint (san_card_brand_from_wire ("Visa"), ==, SAN_CARD_BRAND_UNKNOWN);
  g_assert_cmpint (san_card_brand_from_wire ("unionpay"), ==, SAN_CARD_BRAND_UNKNOWN);
  g_assert_cmpint (san_card_brand_from_wire (NULL), ==, SAN_CARD_BRAND_UNKNOWN);
}

static void
test_normalize (void)
{
  g_autofree char *spaced = san_card_number_normalize ("4111 1111 1111 1111");
  g_autofree char *dashed = san_card_number_normalize ("4111-1111-1111-1111");
  g_autofree char *other = san_card_number_normalize ("4111.1111.1111.1111");

  g_assert_cmpstr (spaced, ==, "4111111111111111");
  g_assert_cmpstr (dashed, ==, "4111111111111111");
  g_assert_null (other);
}

/* The Luhn digit that completes @prefix (test helper) */
static char *
complete_luhn (const char *prefix)
{
  for (char d = '0'; d <= '9'; d++)
    {
      g_autofree char *number = g_strdup_printf ("%s%c", prefix, d);

      if (san_card_luhn_valid (number))
        return g_steal_pointer (&number);
    }
  g_assert_not_reached ();
}

static void
test_validate (void)
{
  static const struct { const char *number; SanCardBrand brand; } valid[] = {
    { "4111 1111 1111 1111", SAN_CARD_BRAND_VISA },       /* [AD] */
    { "4000 0000 0000 0002", SAN_CARD_BRAND_VISA },       /* [ST] declined, still a valid number */
    { "4000000000009995", SAN_CARD_BRAND_VISA },          /* [ST] */
    { "5555-5555-5555-4444", SAN_CARD_BRAND_MASTERCARD }, /* [ST] */
    { "3782 822463 10005", SAN_CARD_BRAND_AMEX },         /* [ST] */
    { "5067 7667 8388 8311", SAN_CARD_BRAND_ELO },        /* [MP] */
    { "6062825624254001", SAN_CARD_BRAND_HIPERCARD },     /* [EB] */
    { "36227206271667", SAN_CARD_BRAND_DINERS },          /* [ST] */
    { "3566002020360505", SAN_CARD_BRAND_JCB },           /* [ST] */
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *mastercard_19 = NULL;
  g_autofree char *amex_16 = NULL;
  SanCardBrand brand;

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_test_message ("%s", valid[i].number);
      g_assert_true (san_card_number_validate (valid[i].number, &brand, &error));
      g_assert_no_error (error);
      g_assert_cmpint (brand, ==, valid[i].brand);
    }

  /* Not digits */
  g_assert_false (san_card_number_validate ("4111 1111 1111 111a", &brand, &error));
  g_assert_error (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID);
  g_clear_error (&error);
  /* Too short and too long */
  g_assert_false (san_card_number_validate ("4111 1111 1111", &brand, &error));
  g_assert_error (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (san_card_number_validate ("41111111111111111111", &brand, &error));
  g_assert_error (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (san_card_number_validate ("", &brand, &error));
  g_assert_error (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID);
  g_clear_error (&error);
  /* Luhn: the [AD] Visa with its last digit changed */
  g_assert_false (san_card_number_validate ("4111 1111 1111 1112", &brand, &error));
  g_assert_error (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID);
  g_clear_error (&error);
  /* A brand we do not take ([ST] UnionPay) */
  g_assert_false (san_card_number_validate ("6200000000000005", &brand, &error));
  g_assert_error (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID);
  g_assert_cmpint (brand, ==, SAN_CARD_BRAND_UNKNOWN);
  g_clear_error (&error);
  /* Luhn-valid, but a length the brand does not use */
  mastercard_19 = complete_luhn ("555555555555444400");
  g_assert_false (san_card_number_validate (mastercard_19, &brand, &error));
  g_assert_error (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID);
  g_assert_cmpint (brand, ==, SAN_CARD_BRAND_MASTERCARD);
  g_assert_nonnull (strstr (error->message, "Mastercard"));
  g_clear_error (&error);
  amex_16 = complete_luhn ("378282246310005");
  g_assert_false (san_card_number_validate (amex_16, NULL, &error));
  g_assert_error (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID);
}

static void
test_format (void)
{
  g_autofree char *visa = san_card_number_format ("4111111111111111");
  g_autofree char *amex = san_card_number_format ("378282246310005");
  g_autofree char *diners = san_card_number_format ("30569309025904");
  g_autofree char *visa13 = san_card_number_format ("4222222222222");
  g_autofree char *partial = san_card_number_format ("411111");

  g_assert_cmpstr (visa, ==, "4111 1111 1111 1111");
  g_assert_cmpstr (amex, ==, "3782 822463 10005");
  g_assert_cmpstr (diners, ==, "3056 930902 5904");
  g_assert_cmpstr (visa13, ==, "4222 2222 2222 2");
  g_assert_cmpstr (partial, ==, "4111 11");
}

static void
test_expiry (void)
{
  g_autoptr(GError) error = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, G_DATE_NOVEMBER, 2026);

  /* Valid through the last day of its month */
  g_assert_true (san_card_expiry_validate (11, 2026, &today, &error));
  g_assert_no_error (error);
  g_assert_true (san_card_expiry_validate (12, 2030, &today, &error));
  g_assert_true (san_card_expiry_validate (1, 2027, &today, &error));

  g_assert_cmpint (san_card_expiry_check (10, 2026, &today), ==, SAN_CARD_EXPIRY_EXPIRED);
  g_assert_cmpint (san_card_expiry_check (12, 2025, &today), ==, SAN_CARD_EXPIRY_EXPIRED);
  g_assert_cmpint (san_card_expiry_check (0, 2030, &today), ==, SAN_CARD_EXPIRY_INVALID_MONTH);
  g_assert_cmpint (san_card_expiry_check (13, 2030, &today), ==, SAN_CARD_EXPIRY_INVALID_MONTH);
  g_assert_cmpint (san_card_expiry_check (12, 30, &today), ==, SAN_CARD_EXPIRY_INVALID_YEAR);
  g_assert_cmpint (san_card_expiry_check (12, 2126, &today), ==, SAN_CARD_EXPIRY_INVALID_YEAR);
  g_assert_cmpint (san_card_expiry_check (11, 2026, &today), ==, SAN_CARD_EXPIRY_OK);

  g_assert_false (san_card_expiry_validate (10, 2026, &today, &error));
  g_assert_error (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (san_card_expiry_validate (13, 2027, &today, &error));
  g_assert_error (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (san_card_expiry_validate (12, 27, &today, &error));
  g_assert_error (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID);
}

static void
test_cvv (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (san_card_cvv_validate ("123", SAN_CARD_BRAND_VISA, &error));
  g_assert_no_error (error);
  g_assert_true (san_card_cvv_validate ("7373", SAN_CARD_BRAND_AMEX, &error));
  g_assert_true (san_card_cvv_validate ("737", SAN_CARD_BRAND_ELO, &error));
  g_assert_true (san_card_cvv_validate ("737", SAN_CARD_BRAND_UNKNOWN, &error));
  g_assert_true (san_card_cvv_validate ("7373", SAN_CARD_BRAND_UNKNOWN, &error));

  g_assert_false (san_card_cvv_validate ("1234", SAN_CARD_BRAND_VISA, &error));
  g_assert_error (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (san_card_cvv_validate ("123", SAN_CARD_BRAND_AMEX, &error));
  g_assert_error (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (san_card_cvv_validate ("12a", SAN_CARD_BRAND_MASTERCARD, &error));
  g_assert_error (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (san_card_cvv_validate ("", SAN_CARD_BRAND_VISA, &error));
  g_assert_error (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/common/card/luhn", test_luhn);
  g_test_add_func ("/common/card/brand/detect", test_brand_detect);
  g_test_add_func ("/common/card/brand/wire-words", test_brand_wire);
  g_test_add_func ("/common/card/number/normalize", test_normalize);
  g_test_add_func ("/common/card/number/validate", test_validate);
  g_test_add_func ("/common/card/number/format", test_format);
  g_test_add_func ("/common/card/expiry", test_expiry);
  g_test_add_func ("/common/card/cvv", test_cvv);

  return g_test_run ();
}
