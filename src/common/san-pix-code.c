/* san-pix-code.c
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "san-common-error.h"
#include "san-pix-code.h"

#define PIX_GUI             "br.gov.bcb.pix"
#define MAX_NAME            25
#define MAX_CITY            15
#define MAX_TXID            25
#define MAX_PAYLOAD         512

guint16
san_pix_code_crc16 (const char *data,
                    gsize       length)
{
  guint16 crc = 0xFFFF;

  g_return_val_if_fail (data != NULL || length == 0, 0);

  for (gsize i = 0; i < length; i++)
    {
      crc ^= (guint16) ((guchar) data[i] << 8);
      for (int bit = 0; bit < 8; bit++)
        crc = (crc & 0x8000) ? (guint16) ((crc << 1) ^ 0x1021) : (guint16) (crc << 1);
    }

  return crc;
}

void
san_pix_code_free (SanPixCode *code)
{
  if (code == NULL)
    return;

  g_free (code->payload_format);
  g_free (code->gui);
  g_free (code->key);
  g_free (code->description);
  g_free (code->url);
  g_free (code->mcc);
  g_free (code->currency);
  g_free (code->country);
  g_free (code->merchant_name);
  g_free (code->merchant_city);
  g_free (code->txid);
  g_free (code->crc);
  g_free (code);
}

/* One ID-length-value field */
typedef struct
{
  guint       id;
  const char *value;
  gsize       length;
} Field;

static void
fail (const char  *check,
      const char **out_failed_check,
      GError     **error,
      const char  *message)
{
  if (out_failed_check != NULL)
    *out_failed_check = check;
  g_set_error_literal (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID, message);
}

/* Splits @data into fields; FALSE when it is not a sequence of them or an ID repeats */
static gboolean
split_fields (const char *data,
              gsize       length,
              GArray     *fields)
{
  gsize pos = 0;

  while (pos < length)
    {
      Field field;

      if (length - pos < 4
          || !g_ascii_isdigit (data[pos]) || !g_ascii_isdigit (data[pos + 1])
          || !g_ascii_isdigit (data[pos + 2]) || !g_ascii_isdigit (data[pos + 3]))
        return FALSE;

      field.id = (guint) ((data[pos] - '0') * 10 + (data[pos + 1] - '0'));
      field.length = (gsize) ((data[pos + 2] - '0') * 10 + (data[pos + 3] - '0'));
      field.value = data + pos + 4;
      if (field.length == 0 || field.length > length - pos - 4)
        return FALSE;

      for (guint i = 0; i < fields->len; i++)
        if (g_array_index (fields, Field, i).id == field.id)
          return FALSE;

      g_array_append_val (fields, field);
      pos += 4 + field.length;
    }

  return TRUE;
}

static const Field *
find_field (GArray *fields,
            guint   id)
{
  for (guint i = 0; i < fields->len; i++)
    if (g_array_index (fields, Field, i).id == id)
      return &g_array_index (fields, Field, i);
  return NULL;
}

static char *
field_dup (const Field *field)
{
  return field != NULL ? g_strndup (field->value, field->length) : NULL;
}

/* "123.45", "10", "0.5": digits with at most two decimals, not zero */
static gboolean
parse_amount (const char *text,
              gint64     *out_cents)
{
  gint64 whole = 0;
  gint64 cents = 0;
  const char *p = text;
  int n_int = 0;
  int n_dec = 0;

  for (; g_ascii_isdigit (*p); p++, n_int++)
    {
      if (n_int >= 11)
        return FALSE;
      whole = whole * 10 + (*p - '0');
    }
  if (n_int == 0)
    return FALSE;
  if (*p == '.')
    {
      for (p++; g_ascii_isdigit (*p); p++, n_dec++)
        {
          if (n_dec >= 2)
            return FALSE;
          cents = cents * 10 + (*p - '0');
        }
      if (n_dec == 0)
        return FALSE;
      if (n_dec == 1)
        cents *= 10;
    }
  if (*p != '\0')
    return FALSE;

  *out_cents = whole * 100 + cents;
  return *out_cents > 0;
}

static gboolean
is_printable_ascii (const char *s)
{
  for (const char *p = s; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || (guchar) *p > 0x7e)
      return FALSE;
  return TRUE;
}

SanPixCode *
san_pix_code_parse (const char   *payload,
                    const char  **out_failed_check,
                    GError      **error)
{
  g_autoptr(SanPixCode) code = NULL;
  g_autoptr(GArray) fields = NULL;
  g_autofree char *text = NULL;
  const Field *field;
  const Field *last;
  gsize length;
  guint16 crc;
  guint written_crc = 0;
  gboolean found_gui = FALSE;

  g_return_val_if_fail (payload != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* A pasted code may carry a line break or spaces around it */
  text = g_strstrip (g_strdup (payload));
  length = strlen (text);

  fields = g_array_new (FALSE, FALSE, sizeof (Field));
  if (length == 0 || !is_printable_ascii (text) || !split_fields (text, length, fields))
    {
      fail (SAN_PIX_CHECK_STRUCTURE, out_failed_check, error,
            _("This is not a PIX code: it is not made of the fields of a BR Code."));
      return NULL;
    }

  last = &g_array_index (fields, Field, fields->len - 1);
  if (last->id != 63 || last->length != 4
      || !g_ascii_isxdigit (last->value[0]) || !g_ascii_isxdigit (last->value[1])
      || !g_ascii_isxdigit (last->value[2]) || !g_ascii_isxdigit (last->value[3]))
    {
      fail (SAN_PIX_CHECK_CRC, out_failed_check, error,
            _("The PIX code does not end with its CRC check field: it is incomplete."));
      return NULL;
    }
  for (int i = 0; i < 4; i++)
    written_crc = written_crc << 4 | (guint) g_ascii_xdigit_value (last->value[i]);
  crc = san_pix_code_crc16 (text, length - 4);
  if (crc != written_crc)
    {
      fail (SAN_PIX_CHECK_CRC, out_failed_check, error,
            _("The PIX code's CRC check is wrong: the code was changed or copied incompletely."));
      return NULL;
    }

  code = g_new0 (SanPixCode, 1);
  code->amount_cents = -1;
  code->crc = field_dup (last);

  field = &g_array_index (fields, Field, 0);
  if (field->id != 0 || field->length != 2 || strncmp (field->value, "01", 2) != 0)
    {
      fail (SAN_PIX_CHECK_FIELD, out_failed_check, error,
            _("The PIX code does not start with the BR Code format indicator (000201)."));
      return NULL;
    }
  code->payload_format = field_dup (field);

  field = find_field (fields, 1);
  if (field != NULL)
    {
      if (field->length != 2 || (strncmp (field->value, "11", 2) != 0 && strncmp (field->value, "12", 2) != 0))
        {
          fail (SAN_PIX_CHECK_FIELD, out_failed_check, error,
                _("The PIX code's point of initiation (field 01) must be 11 or 12."));
          return NULL;
        }
      code->dynamic = strncmp (field->value, "12", 2) == 0;
    }

  /* Merchant account information: templates 26 to 51, one of them PIX's */
  for (guint id = 26; id <= 51 && !found_gui; id++)
    {
      g_autoptr(GArray) sub = g_array_new (FALSE, FALSE, sizeof (Field));
      const Field *gui;

      field = find_field (fields, id);
      if (field == NULL)
        continue;
      if (!split_fields (field->value, field->length, sub))
        {
          fail (SAN_PIX_CHECK_STRUCTURE, out_failed_check, error,
                _("A merchant account field of the PIX code is not made of fields."));
          return NULL;
        }
      gui = find_field (sub, 0);
      if (gui == NULL || gui->length != strlen (PIX_GUI)
          || g_ascii_strncasecmp (gui->value, PIX_GUI, gui->length) != 0)
        continue;

      found_gui = TRUE;
      code->gui = field_dup (gui);
      code->key = field_dup (find_field (sub, 1));
      code->description = field_dup (find_field (sub, 2));
      code->url = field_dup (find_field (sub, 25));
      if (code->key == NULL && code->url == NULL)
        {
          fail (SAN_PIX_CHECK_FIELD, out_failed_check, error,
                _("The PIX code has neither a PIX key nor a payment location (URL)."));
          return NULL;
        }
    }
  if (!found_gui)
    {
      fail (SAN_PIX_CHECK_GUI, out_failed_check, error,
            _("This BR Code is not a PIX code: it has no br.gov.bcb.pix account."));
      return NULL;
    }

  field = find_field (fields, 52);
  if (field == NULL || field->length != 4 || !g_ascii_isdigit (field->value[0])
      || !g_ascii_isdigit (field->value[1]) || !g_ascii_isdigit (field->value[2])
      || !g_ascii_isdigit (field->value[3]))
    {
      fail (SAN_PIX_CHECK_FIELD, out_failed_check, error,
            _("The PIX code's merchant category (field 52) is missing or malformed."));
      return NULL;
    }
  code->mcc = field_dup (field);

  field = find_field (fields, 53);
  if (field == NULL || field->length != 3 || strncmp (field->value, "986", 3) != 0)
    {
      fail (SAN_PIX_CHECK_FIELD, out_failed_check, error,
            _("The PIX code's currency (field 53) is not the real (986)."));
      return NULL;
    }
  code->currency = field_dup (field);

  field = find_field (fields, 54);
  if (field != NULL)
    {
      g_autofree char *amount = field_dup (field);

      if (!parse_amount (amount, &code->amount_cents))
        {
          fail (SAN_PIX_CHECK_AMOUNT, out_failed_check, error,
                _("The PIX code's amount is not a decimal number like 123.45."));
          return NULL;
        }
    }

  field = find_field (fields, 58);
  if (field == NULL || field->length != 2 || strncmp (field->value, "BR", 2) != 0)
    {
      fail (SAN_PIX_CHECK_FIELD, out_failed_check, error,
            _("The PIX code's country (field 58) is not BR."));
      return NULL;
    }
  code->country = field_dup (field);

  field = find_field (fields, 59);
  if (field == NULL || field->length > MAX_NAME)
    {
      fail (SAN_PIX_CHECK_FIELD, out_failed_check, error,
            _("The PIX code's receiver name (field 59) is missing or too long."));
      return NULL;
    }
  code->merchant_name = field_dup (field);

  field = find_field (fields, 60);
  if (field == NULL || field->length > MAX_CITY)
    {
      fail (SAN_PIX_CHECK_FIELD, out_failed_check, error,
            _("The PIX code's city (field 60) is missing or too long."));
      return NULL;
    }
  code->merchant_city = field_dup (field);

  field = find_field (fields, 62);
  if (field != NULL)
    {
      g_autoptr(GArray) sub = g_array_new (FALSE, FALSE, sizeof (Field));

      if (!split_fields (field->value, field->length, sub))
        {
          fail (SAN_PIX_CHECK_STRUCTURE, out_failed_check, error,
                _("The PIX code's additional data (field 62) is not made of fields."));
          return NULL;
        }
      code->txid = field_dup (find_field (sub, 5));
    }

  if (out_failed_check != NULL)
    *out_failed_check = NULL;
  return g_steal_pointer (&code);
}

/* Plain ASCII upper case, at most @max_length characters, no control characters */
static char *
plain_upper (const char *text,
             gsize       max_length)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0' && out->len < max_length; p++)
    if ((guchar) *p >= 0x20 && (guchar) *p <= 0x7e)
      g_string_append_c (out, g_ascii_toupper (*p));

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
append_field (GString    *out,
              guint       id,
              const char *value)
{
  g_string_append_printf (out, "%02u%02u%s", id, (guint) strlen (value), value);
}

char *
san_pix_code_build (const char *key,
                    const char *merchant_name,
                    const char *merchant_city,
                    const char *txid,
                    gint64      amount_cents,
                    const char *description)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) account = g_string_new (NULL);
  g_autoptr(GString) additional = g_string_new (NULL);
  g_autofree char *name = NULL;
  g_autofree char *city = NULL;
  g_autofree char *amount = NULL;
  gsize txid_length;

  g_return_val_if_fail (key != NULL && *key != '\0' && strlen (key) <= 77, NULL);
  g_return_val_if_fail (is_printable_ascii (key), NULL);
  g_return_val_if_fail (merchant_name != NULL, NULL);
  g_return_val_if_fail (merchant_city != NULL, NULL);
  g_return_val_if_fail (txid != NULL, NULL);
  g_return_val_if_fail (amount_cents == -1
                        || (amount_cents > 0 && amount_cents <= G_GINT64_CONSTANT (999999999999)), NULL);

  txid_length = strlen (txid);
  g_return_val_if_fail (txid_length >= 1 && txid_length <= MAX_TXID, NULL);
  if (!g_str_equal (txid, "***"))
    for (gsize i = 0; i < txid_length; i++)
      g_return_val_if_fail (g_ascii_isalnum (txid[i]), NULL);

  name = plain_upper (merchant_name, MAX_NAME);
  city = plain_upper (merchant_city, MAX_CITY);
  g_return_val_if_fail (*name != '\0' && *city != '\0', NULL);

  append_field (account, 0, PIX_GUI);
  append_field (account, 1, key);
  /* The description gets whatever room the template (99 characters) has left */
  if (description != NULL && *description != '\0' && account->len + 4 < 99)
    {
      gsize room = 99 - account->len - 4;
      g_autofree char *plain = g_str_to_ascii (description, "C");
      g_autoptr(GString) clean = g_string_new (NULL);

      for (const char *p = plain; *p != '\0' && clean->len < room; p++)
        if ((guchar) *p >= 0x20 && (guchar) *p <= 0x7e)
          g_string_append_c (clean, *p);
      if (clean->len > 0)
        append_field (account, 2, clean->str);
    }

  if (amount_cents > 0)
    amount = g_strdup_printf ("%" G_GINT64_FORMAT ".%02d",
                              amount_cents / 100, (int) (amount_cents % 100));
  append_field (additional, 5, txid);

  append_field (out, 0, "01");
  append_field (out, 26, account->str);
  append_field (out, 52, "0000");
  append_field (out, 53, "986");
  if (amount != NULL)
    append_field (out, 54, amount);
  append_field (out, 58, "BR");
  append_field (out, 59, name);
  append_field (out, 60, city);
  append_field (out, 62, additional->str);
  g_string_append (out, "6304");
  g_string_append_printf (out, "%04X", san_pix_code_crc16 (out->str, out->len));

  g_return_val_if_fail (out->len <= MAX_PAYLOAD, NULL);

  return g_string_free (g_steal_pointer (&out), FALSE);
}
