/* san-portald-paymethods.c: bank accounts, debit schedules, DDA, default and
 * per-service payment methods, notas fiscais
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Time passes lazily: nothing runs in the background. When a reader looks
 * (san_portald_paymethods_run_due), debit schedules whose day has come are
 * executed and pending notas fiscais whose day has come are issued, dated
 * the day they fell due, as if a daily job had run on that day.
 */
#define G_LOG_DOMAIN "san-portald"

#include "config.h"

#include <cairo-pdf.h>

#include "san-date.h"
#include "san-document.h"
#include "san-money.h"
#include "san-portald-billing.h"
#include "san-portald-json.h"
#include "san-portald-paymethods-private.h"
#include "san-portald-request.h"

/* The issuer of the notas fiscais (the beneficiary of the boletos too) */
#define SAN_NAME "SAN Internet Ltda"
#define SAN_CNPJ "12345678000195"
#define SAN_CITY "São Paulo - SP"

#define MAX_HOLDER_CHARS 100
/* the daily job's hour: 09:00 in São Paulo */
#define DAILY_JOB_UTC "T12:00:00Z"

static const char * const pay_methods[] = { "boleto", "pix", "card", "bank_debit", NULL };

/* The banks SAN debits (COMPE codes) */
static const struct
{
  const char *code;
  const char *name;
} banks[] = {
  { "001", "Banco do Brasil" },
  { "033", "Santander" },
  { "104", "Caixa" },
  { "237", "Bradesco" },
  { "341", "Itaú" },
  { "260", "Nu Pagamentos" },
  { "077", "Inter" },
  { "756", "Sicoob" },
  { "748", "Sicredi" },
  { "336", "C6" },
};

const char *
san_portald_bank_name (const char *bank_code)
{
  for (guint i = 0; i < G_N_ELEMENTS (banks); i++)
    if (g_strcmp0 (banks[i].code, bank_code) == 0)
      return banks[i].name;
  return NULL;
}

/* Time */

static GTimeZone *
sao_paulo_zone (void)
{
  GTimeZone *zone = g_time_zone_new_identifier ("America/Sao_Paulo");

  return zone != NULL ? zone : g_time_zone_new_offset (-3 * 3600);
}

/* Now, on the request's today (which tests may set): today's date at the
 * current time of day in São Paulo, as RFC 3339 UTC */
static char *
request_now (SanPortaldRequest *req)
{
  g_autoptr(GTimeZone) zone = sao_paulo_zone ();
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);
  g_autoptr(GDateTime) then = NULL;
  GDate today;

  san_portald_request_get_today (req, &today);
  then = g_date_time_new (zone, g_date_get_year (&today), g_date_get_month (&today),
                          g_date_get_day (&today), g_date_time_get_hour (now),
                          g_date_time_get_minute (now), g_date_time_get_second (now));
  return san_datetime_to_rfc3339 (then);
}

/* "YYYY-MM-DD" + DAILY_JOB_UTC */
static char *
daily_job_time (const char *date)
{
  return g_strconcat (date, DAILY_JOB_UTC, NULL);
}

/* The São Paulo day of an RFC 3339 instant */
static gboolean
sao_paulo_day (const char *timestamp,
               GDate      *out_date)
{
  g_autoptr(GDateTime) instant = san_datetime_parse_rfc3339 (timestamp);
  g_autoptr(GTimeZone) zone = sao_paulo_zone ();
  g_autoptr(GDateTime) local = NULL;

  if (instant == NULL)
    return FALSE;
  local = g_date_time_to_timezone (instant, zone);
  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, (GDateDay) g_date_time_get_day_of_month (local),
                  (GDateMonth) g_date_time_get_month (local),
                  (GDateYear) g_date_time_get_year (local));
  return TRUE;
}

/* JSON */

static void
send_not_found (SanPortaldRequest *req,
                const char        *detail)
{
  san_portald_send_problem (req, SOUP_STATUS_NOT_FOUND, "not_found", detail);
}

/* Ends the write transaction: commits when @ok, else (or when the commit
 * fails) rolls back and answers 500 with @error. FALSE after answering. */
static gboolean
commit_or_fail (SanPortaldRequest *req,
                gboolean           ok,
                GError            *error)
{
  SanPortaldDb *db = san_portald_request_get_db (req);
  g_autoptr(GError) commit_error = NULL;

  if (ok && san_portald_db_commit (db, &commit_error))
    return TRUE;
  san_portald_db_rollback (db);
  san_portald_send_internal_error (req, error != NULL ? error : commit_error);
  return FALSE;
}

static gboolean
begin_or_fail (SanPortaldRequest *req)
{
  g_autoptr(GError) error = NULL;

  if (san_portald_db_begin (san_portald_request_get_db (req), &error))
    return TRUE;
  san_portald_send_internal_error (req, error);
  return FALSE;
}

/* san_portald_paymethods_run_due for the request's today; answers 500 on failure */
static gboolean
run_due_or_fail (SanPortaldRequest *req)
{
  g_autoptr(GError) error = NULL;
  GDate today;

  san_portald_request_get_today (req, &today);
  if (san_portald_paymethods_run_due (san_portald_request_get_db (req),
                                      san_portald_request_get_events (req), &today, &error))
    return TRUE;
  san_portald_send_internal_error (req, error);
  return FALSE;
}

/* Bank account numbers
 *
 * Formats and check digits (DV) by bank, as published by the banks and
 * collected in these references:
 * - Itaú (341): agency 4 digits without a DV, account 5 digits + DV; the DV
 *   is modulo 10 over agency + account (9 digits), weights 2, 1, 2, 1...
 *   from the left, two-digit products summed digit by digit, DV = (10 -
 *   sum % 10) % 10. Wirecard's bank account validator,
 *   github.com/wirecardBrasil/moip-encryption-js-jquery
 *   src/bank_account/itau_check_number_calculator.js (and itau_validator.js:
 *   an Itaú agency has no check digit); https://1001ferramentas.com/en/tools/itau-account-validator
 * - Banco do Brasil (001): agency 4 digits + DV, account up to 8 digits + DV;
 *   modulo 11 with weights 5, 4, 3, 2 (agency) and 9, 8, ..., 2 (account,
 *   left-padded to 8 digits) from the left, DV = 11 - sum % 11, where 10 is
 *   "X" and 11 is "0". Worked example agency 1584-9, account 00210169-6:
 *   https://forum.scriptcase.com.br/t/digito-verificador-contaa-corrente-bradesco/18830
 *   (also banco_do_brasil_check_number_calculator.js in the repository above)
 * - Bradesco (237): agency 4 digits + DV, account up to 7 digits + DV.
 *   Agency: weights 5, 4, 3, 2, DV = 11 - sum % 11, 10 is "P" and 11 is "0"
 *   (Wirecard's validator accepts "0" for a "P" too, as printed on cards).
 *   Account (left-padded to 7 digits): weights 2, 7, 6, 5, 4, 3, 2,
 *   r = sum % 11, DV "0" when r is 0, "P" when r is 1, else 11 - r.
 *   bradesco_check_number_calculator.js in the repository above; sizes per
 *   bank in the scriptcase thread.
 * Other banks: format only (agency 4 digits with an optional digit DV,
 * account 1 to 13 digits + a digit DV).
 */

#define MAX_ACCOUNT_DIGITS 13

static gboolean
all_digits (const char *text,
            gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* "1234" or "1234-D": *@out_dv is '\0' when there is no DV */
static gboolean
split_agency (const char *text,
              char        out_digits[5],
              char       *out_dv)
{
  gsize length = strlen (text);

  if ((length != 4 && length != 6) || !all_digits (text, 4))
    return FALSE;
  if (length == 6 && (text[4] != '-' || !g_ascii_isalnum (text[5])))
    return FALSE;
  memcpy (out_digits, text, 4);
  out_digits[4] = '\0';
  *out_dv = length == 6 ? g_ascii_toupper (text[5]) : '\0';
  return TRUE;
}

/* "12345-6": the digits (1..MAX_ACCOUNT_DIGITS) and the DV */
static gboolean
split_account (const char *text,
               char        out_digits[MAX_ACCOUNT_DIGITS + 1],
               char       *out_dv)
{
  const char *dash = strchr (text, '-');
  gsize n;

  if (dash == NULL)
    return FALSE;
  n = (gsize) (dash - text);
  if (n < 1 || n > MAX_ACCOUNT_DIGITS || !all_digits (text, n) ||
      strlen (dash + 1) != 1 || !g_ascii_isalnum (dash[1]))
    return FALSE;
  memcpy (out_digits, text, n);
  out_digits[n] = '\0';
  *out_dv = g_ascii_toupper (dash[1]);
  return TRUE;
}

/* @digits left-padded with zeros to @width, weighted by @weights (from the left) */
static guint
weighted_sum (const char  *digits,
              guint        width,
              const guint *weights)
{
  gsize length = strlen (digits);
  guint sum = 0;

  g_assert (length <= width);
  for (guint i = 0; i < width; i++)
    {
      guint digit = i < width - length ? 0 : (guint) (digits[i - (width - length)] - '0');

      sum += digit * weights[i];
    }
  return sum;
}

static char
itau_account_dv (const char *agency,
                 const char *account)
{
  g_autofree char *all = g_strconcat (agency, account, NULL);
  guint sum = 0;

  for (guint i = 0; all[i] != '\0'; i++)
    {
      guint product = (guint) (all[i] - '0') * (i % 2 == 0 ? 2 : 1);

      sum += product / 10 + product % 10;
    }
  return (char) ('0' + (10 - sum % 10) % 10);
}

/* Banco do Brasil's modulo 11: 10 is X, 11 is 0 */
static char
bb_dv (guint sum)
{
  guint dv = 11 - sum % 11;

  return dv == 10 ? 'X' : dv == 11 ? '0' : (char) ('0' + dv);
}

static char
bradesco_agency_dv (const char *agency)
{
  static const guint weights[] = { 5, 4, 3, 2 };
  guint dv = 11 - weighted_sum (agency, 4, weights) % 11;

  return dv == 10 ? 'P' : dv == 11 ? '0' : (char) ('0' + dv);
}

static char
bradesco_account_dv (const char *account)
{
  static const guint weights[] = { 2, 7, 6, 5, 4, 3, 2 };
  guint r = weighted_sum (account, 7, weights) % 11;

  return r == 0 ? '0' : r == 1 ? 'P' : (char) ('0' + 11 - r);
}

/* Checks agency and account for @bank_code (a known bank); adds field errors */
static void
check_agency_and_account (const char *bank_code,
                          const char *agency,
                          const char *account,
                          GArray     *errors)
{
  static const guint bb_agency_weights[] = { 5, 4, 3, 2 };
  static const guint bb_account_weights[] = { 9, 8, 7, 6, 5, 4, 3, 2 };
  char agency_digits[5];
  char agency_dv = '\0';
  char account_digits[MAX_ACCOUNT_DIGITS + 1];
  char account_dv = '\0';
  gboolean agency_ok = agency != NULL && split_agency (agency, agency_digits, &agency_dv);
  gboolean account_ok = account != NULL && split_account (account, account_digits, &account_dv);
  gsize account_length = account_ok ? strlen (account_digits) : 0;

  if (agency != NULL && !agency_ok)
    san_portald_add_field_error (errors, "agency", "invalid",
                                 "Must be the agency's 4 digits, with its check digit after a dash when it has one");
  if (account != NULL && !account_ok)
    san_portald_add_field_error (errors, "account", "invalid",
                                 "Must be the account's digits, a dash and its check digit (12345-6)");

  if (g_str_equal (bank_code, "341"))
    {
      if (agency_ok && agency_dv != '\0')
        {
          san_portald_add_field_error (errors, "agency", "invalid", "Itaú agencies have no check digit: give the 4 digits");
          agency_ok = FALSE;
        }
      if (account_ok && account_length != 5)
        san_portald_add_field_error (errors, "account", "invalid", "An Itaú account has 5 digits and a check digit (12345-6)");
      else if (account_ok && agency_ok && itau_account_dv (agency_digits, account_digits) != account_dv)
        san_portald_add_field_error (errors, "account", "check_digit",
                                     "The check digit does not match this agency and account");
    }
  else if (g_str_equal (bank_code, "001"))
    {
      if (agency_ok && agency_dv != '\0' &&
          bb_dv (weighted_sum (agency_digits, 4, bb_agency_weights)) != agency_dv)
        san_portald_add_field_error (errors, "agency", "check_digit", "The agency's check digit does not match");
      if (account_ok && account_length > 8)
        san_portald_add_field_error (errors, "account", "invalid",
                                     "A Banco do Brasil account has up to 8 digits and a check digit");
      else if (account_ok && bb_dv (weighted_sum (account_digits, 8, bb_account_weights)) != account_dv)
        san_portald_add_field_error (errors, "account", "check_digit", "The account's check digit does not match");
    }
  else if (g_str_equal (bank_code, "237"))
    {
      if (agency_ok && agency_dv != '\0')
        {
          char expected = bradesco_agency_dv (agency_digits);

          if (agency_dv != expected && !(expected == 'P' && agency_dv == '0'))
            san_portald_add_field_error (errors, "agency", "check_digit", "The agency's check digit does not match");
        }
      if (account_ok && account_length > 7)
        san_portald_add_field_error (errors, "account", "invalid",
                                     "A Bradesco account has up to 7 digits and a check digit");
      else if (account_ok && bradesco_account_dv (account_digits) != account_dv)
        san_portald_add_field_error (errors, "account", "check_digit", "The account's check digit does not match");
    }
  else
    {
      if (agency_ok && agency_dv != '\0' && !g_ascii_isdigit (agency_dv))
        san_portald_add_field_error (errors, "agency", "invalid", "The agency's check digit must be a digit");
      if (account_ok && !g_ascii_isdigit (account_dv))
        san_portald_add_field_error (errors, "account", "invalid", "The account's check digit must be a digit");
    }
}

/* Bank accounts */

static void
build_bank_account (JsonBuilder                 *builder,
                    const SanPortaldBankAccount *account)
{
  g_autofree char *document = san_document_format (account->holder_document);

  json_builder_begin_object (builder);
  san_portald_json_add_id (builder, "id", account->id);
  san_portald_json_add_string (builder, "bank_code", account->bank_code);
  san_portald_json_add_string (builder, "bank_name", san_portald_bank_name (account->bank_code));
  san_portald_json_add_string (builder, "agency", account->agency);
  san_portald_json_add_string (builder, "account", account->account);
  san_portald_json_add_string (builder, "holder", account->holder);
  san_portald_json_add_string (builder, "holder_document", document != NULL ? document : account->holder_document);
  san_portald_json_add_string (builder, "created_at", account->created_at);
  json_builder_end_object (builder);
}

void
san_portald_handle_bank_accounts (SanPortaldRequest *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = NULL;

  accounts = san_portald_pm_db_list_bank_accounts (san_portald_request_get_db (req),
                                                   san_portald_request_get_contract_id (req), &error);
  if (accounts == NULL)
    {
      san_portald_send_internal_error (req, error);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < accounts->len; i++)
    build_bank_account (builder, g_ptr_array_index (accounts, i));
  json_builder_end_array (builder);
  san_portald_json_add_int (builder, "total", accounts->len);
  san_portald_json_add_string (builder, "next_cursor", NULL);
  json_builder_end_object (builder);
  san_portald_send_json (req, SOUP_STATUS_OK, builder);
}

void
san_portald_handle_bank_account_create (SanPortaldRequest *req)
{
  SanPortaldDb *db = san_portald_request_get_db (req);
  gint64 contract_id = san_portald_request_get_contract_id (req);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GArray) errors = g_array_new (FALSE, FALSE, sizeof (SanPortaldFieldError));
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *agency = NULL;
  g_autofree char *account = NULL;
  g_autofree char *holder = NULL;
  g_autofree char *document = NULL;
  g_autofree char *created_at = NULL;
  JsonObject *body;
  const char *bank_code;
  const char *holder_text;
  const char *document_text;
  SanPortaldBankAccount row = { 0 };
  gboolean duplicate = FALSE;
  gint64 id;

  body = san_portald_read_json_object (req, &parser);
  if (body == NULL)
    return;

  bank_code = san_portald_require_string (body, "bank_code", errors);
  if (bank_code != NULL && san_portald_bank_name (bank_code) == NULL)
    {
      san_portald_add_field_error (errors, "bank_code", "unknown_bank",
                                   "Not a bank SAN can debit: use 001, 033, 104, 237, 341, 260, 077, 756, 748 or 336");
      bank_code = NULL;
    }

  if (san_portald_require_string (body, "agency", errors) != NULL)
    agency = g_ascii_strup (json_object_get_string_member (body, "agency"), -1);
  if (san_portald_require_string (body, "account", errors) != NULL)
    account = g_ascii_strup (json_object_get_string_member (body, "account"), -1);
  if (bank_code != NULL)
    check_agency_and_account (bank_code, agency, account, errors);

  holder_text = san_portald_require_string (body, "holder", errors);
  if (holder_text != NULL)
    {
      holder = g_strstrip (g_strdup (holder_text));
      if (holder[0] == '\0')
        san_portald_add_field_error (errors, "holder", "required", "This field must not be empty");
      else if (g_utf8_strlen (holder, -1) > MAX_HOLDER_CHARS)
        san_portald_add_field_error (errors, "holder", "too_long", "Must be at most 100 characters");
    }

  document_text = san_portald_require_string (body, "holder_document", errors);
  if (document_text != NULL && !san_document_validate (document_text, NULL, &document, NULL))
    san_portald_add_field_error (errors, "holder_document", "invalid", "Not a valid CPF or CNPJ");

  if (errors->len > 0)
    {
      san_portald_send_validation_failed (req, errors);
      return;
    }

  created_at = request_now (req);
  row.bank_code = (char *) bank_code;
  row.agency = agency;
  row.account = account;
  row.holder = holder;
  row.holder_document = document;
  row.created_at = created_at;

  if (!begin_or_fail (req))
    return;
  id = san_portald_pm_db_add_bank_account (db, contract_id, &row, &duplicate, &error);
  if (duplicate)
    {
      san_portald_db_rollback (db);
      san_portald_send_problem (req, SOUP_STATUS_CONFLICT, "conflict",
                                "This bank account is already registered in this contract");
      return;
    }
  if (!commit_or_fail (req, id != 0, error))
    return;

  row.id = id;
  builder = json_builder_new ();
  build_bank_account (builder, &row);
  san_portald_send_json (req, SOUP_STATUS_CREATED, builder);
}

void
san_portald_handle_bank_account_delete (SanPortaldRequest *req)
{
  SanPortaldDb *db = san_portald_request_get_db (req);
  g_autoptr(GError) error = NULL;
  SanPortaldPmDbResult result = SAN_PORTALD_PM_DB_NOT_FOUND;
  gint64 account_id;
  gboolean ok;

  if (!san_portald_request_get_id_param (req, "account", &account_id))
    {
      send_not_found (req, "There is no such bank account in this contract");
      return;
    }
  /* a debit whose day has come no longer holds the account */
  if (!run_due_or_fail (req) || !begin_or_fail (req))
    return;
  ok = san_portald_pm_db_delete_bank_account (db, san_portald_request_get_contract_id (req),
                                              account_id, &result, &error);
  if (!commit_or_fail (req, ok, error))
    return;

  switch (result)
    {
    case SAN_PORTALD_PM_DB_DONE:
      san_portald_send_no_content (req);
      break;
    case SAN_PORTALD_PM_DB_NOT_FOUND:
      send_not_found (req, "There is no such bank account in this contract");
      break;
    case SAN_PORTALD_PM_DB_IN_USE:
      san_portald_send_problem (req, SOUP_STATUS_CONFLICT, "conflict",
                                "A scheduled debit uses this bank account: cancel it first");
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Debit schedules */

/* The invoice named by {iid}, after the due debits ran; FALSE after answering */
static gboolean
find_invoice (SanPortaldRequest   *req,
              gint64              *out_invoice_id,
              SanPortaldPmInvoice *out_invoice)
{
  g_autoptr(GError) error = NULL;

  if (!san_portald_request_get_id_param (req, "iid", out_invoice_id))
    {
      send_not_found (req, "There is no such invoice in this contract");
      return FALSE;
    }
  if (!run_due_or_fail (req))
    return FALSE;
  if (!san_portald_pm_db_get_invoice (san_portald_request_get_db (req),
                                      san_portald_request_get_contract_id (req),
                                      *out_invoice_id, out_invoice, &error))
    {
      san_portald_send_internal_error (req, error);
      return FALSE;
    }
  if (!out_invoice->found)
    {
      send_not_found (req, "There is no such invoice in this contract");
      return FALSE;
    }
  return TRUE;
}

/* Answers the invoice's schedule (404 when it has none) */
static void
send_debit_schedule (SanPortaldRequest *req,
                     gint64             invoice_id)
{
  g_autoptr(SanPortaldDebitSchedule) schedule = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;

  if (!san_portald_pm_db_get_debit_schedule (san_portald_request_get_db (req),
                                             san_portald_request_get_contract_id (req),
                                             invoice_id, &schedule, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  if (schedule == NULL)
    {
      send_not_found (req, "This invoice has no scheduled debit");
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  san_portald_json_add_id (builder, "invoice_id", schedule->invoice_id);
  san_portald_json_add_id (builder, "bank_account_id", schedule->bank_account_id);
  san_portald_json_add_string (builder, "date", schedule->date);
  san_portald_json_add_string (builder, "status", "scheduled");
  san_portald_json_add_string (builder, "created_at", schedule->created_at);
  json_builder_end_object (builder);
  san_portald_send_json (req, SOUP_STATUS_OK, builder);
}

void
san_portald_handle_debit_schedule (SanPortaldRequest *req)
{
  SanPortaldPmInvoice invoice;
  gint64 invoice_id;

  if (!find_invoice (req, &invoice_id, &invoice))
    return;
  send_debit_schedule (req, invoice_id);
}

void
san_portald_handle_debit_schedule_put (SanPortaldRequest *req)
{
  SanPortaldDb *db = san_portald_request_get_db (req);
  gint64 contract_id = san_portald_request_get_contract_id (req);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GArray) errors = g_array_new (FALSE, FALSE, sizeof (SanPortaldFieldError));
  g_autoptr(SanPortaldBankAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *created_at = NULL;
  SanPortaldPmInvoice invoice;
  JsonObject *body;
  const char *account_text;
  const char *date_text;
  gint64 invoice_id;
  guint64 account_id = 0;
  GDate date;
  GDate today;
  GDate due;
  gboolean ok;

  if (!find_invoice (req, &invoice_id, &invoice))
    return;
  body = san_portald_read_json_object (req, &parser);
  if (body == NULL)
    return;

  account_text = san_portald_require_string (body, "bank_account_id", errors);
  if (account_text != NULL)
    {
      if (!g_ascii_isdigit (account_text[0]) ||
          !g_ascii_string_to_unsigned (account_text, 10, 1, G_MAXINT64, &account_id, NULL))
        san_portald_add_field_error (errors, "bank_account_id", "invalid", "Must be a bank account id");
      else if (!san_portald_pm_db_get_bank_account (db, contract_id, (gint64) account_id, &account, &error))
        {
          san_portald_send_internal_error (req, error);
          return;
        }
      else if (account == NULL)
        san_portald_add_field_error (errors, "bank_account_id", "not_found",
                                     "There is no such bank account in this contract");
    }

  date_text = san_portald_require_string (body, "date", errors);
  if (date_text != NULL && !san_date_parse_iso (date_text, &date))
    {
      san_portald_add_field_error (errors, "date", "invalid", "Must be a date like 2026-12-31");
      date_text = NULL;
    }

  if (errors->len > 0)
    {
      san_portald_send_validation_failed (req, errors);
      return;
    }

  if (!g_str_equal (invoice.status, "unpaid") &&
      !(g_str_equal (invoice.status, "payment_pending") && invoice.has_schedule))
    {
      san_portald_send_problem (req, SOUP_STATUS_CONFLICT, "invalid_state",
                                "Only an unpaid invoice can be debited");
      return;
    }

  san_portald_request_get_today (req, &today);
  if (!san_date_parse_iso (invoice.due_date, &due) ||
      g_date_compare (&date, &today) < 0 || g_date_compare (&date, &due) > 0)
    {
      if (g_date_valid (&due) && g_date_compare (&due, &today) < 0)
        san_portald_add_field_error (errors, "date", "out_of_range",
                                     "The invoice is past its due date: it can no longer be debited");
      else
        san_portald_add_field_error (errors, "date", "out_of_range",
                                     "Must be from today up to the invoice's due date");
      san_portald_send_validation_failed (req, errors);
      return;
    }

  created_at = request_now (req);
  if (!begin_or_fail (req))
    return;
  ok = san_portald_pm_db_set_debit_schedule (db, invoice_id, (gint64) account_id, date_text,
                                             created_at, &error);
  if (!commit_or_fail (req, ok, error))
    return;
  send_debit_schedule (req, invoice_id);
}

void
san_portald_handle_debit_schedule_delete (SanPortaldRequest *req)
{
  SanPortaldDb *db = san_portald_request_get_db (req);
  SanPortaldPmInvoice invoice;
  g_autoptr(GError) error = NULL;
  gint64 invoice_id;
  gboolean ok;

  if (!find_invoice (req, &invoice_id, &invoice))
    return;
  if (!invoice.has_schedule)
    {
      send_not_found (req, "This invoice has no scheduled debit");
      return;
    }

  if (!begin_or_fail (req))
    return;
  ok = san_portald_pm_db_delete_debit_schedule (db, invoice_id, &error);
  if (!commit_or_fail (req, ok, error))
    return;
  san_portald_send_no_content (req);
}

/* DDA */

static void
send_dda (SanPortaldRequest *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *enabled_at = NULL;

  if (!san_portald_pm_db_get_dda (san_portald_request_get_db (req),
                                  san_portald_request_get_contract_id (req), &enabled_at, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "enabled");
  json_builder_add_boolean_value (builder, enabled_at != NULL);
  san_portald_json_add_string (builder, "enabled_at", enabled_at);
  json_builder_end_object (builder);
  san_portald_send_json (req, SOUP_STATUS_OK, builder);
}

void
san_portald_handle_dda (SanPortaldRequest *req)
{
  send_dda (req);
}

void
san_portald_handle_dda_put (SanPortaldRequest *req)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GArray) errors = g_array_new (FALSE, FALSE, sizeof (SanPortaldFieldError));
  g_autoptr(GError) error = NULL;
  g_autofree char *now = NULL;
  JsonObject *body;
  JsonNode *node;
  gboolean ok;

  body = san_portald_read_json_object (req, &parser);
  if (body == NULL)
    return;

  node = json_object_get_member (body, "enabled");
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    san_portald_add_field_error (errors, "enabled", "required", "This field is required");
  else if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    san_portald_add_field_error (errors, "enabled", "wrong_type", "This field must be true or false");
  if (errors->len > 0)
    {
      san_portald_send_validation_failed (req, errors);
      return;
    }

  if (json_node_get_boolean (node))
    now = request_now (req);
  if (!begin_or_fail (req))
    return;
  ok = san_portald_pm_db_set_dda (san_portald_request_get_db (req),
                                  san_portald_request_get_contract_id (req), now, &error);
  if (!commit_or_fail (req, ok, error))
    return;
  send_dda (req);
}

/* Payment methods */

static void
send_pay_methods (SanPortaldRequest *req)
{
  SanPortaldDb *db = san_portald_request_get_db (req);
  gint64 contract_id = san_portald_request_get_contract_id (req);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) services = NULL;
  g_autofree char *default_method = NULL;

  default_method = san_portald_pm_db_get_default_method (db, contract_id, &error);
  if (default_method != NULL)
    services = san_portald_pm_db_list_service_methods (db, contract_id, &error);
  if (services == NULL)
    {
      san_portald_send_internal_error (req, error);
      return;
    }

  json_builder_begin_object (builder);
  san_portald_json_add_string (builder, "default_method", default_method);
  json_builder_set_member_name (builder, "services");
  json_builder_begin_array (builder);
  for (guint i = 0; i < services->len; i++)
    {
      const SanPortaldServiceMethod *service = g_ptr_array_index (services, i);

      json_builder_begin_object (builder);
      san_portald_json_add_id (builder, "service_id", service->id);
      san_portald_json_add_string (builder, "name", service->name);
      san_portald_json_add_string (builder, "method", service->method);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  san_portald_send_json (req, SOUP_STATUS_OK, builder);
}

void
san_portald_handle_pay_methods (SanPortaldRequest *req)
{
  send_pay_methods (req);
}

/* The body's "method", or NULL after answering 400 */
static const char *
read_method (SanPortaldRequest  *req,
             JsonParser        **out_parser)
{
  g_autoptr(GArray) errors = g_array_new (FALSE, FALSE, sizeof (SanPortaldFieldError));
  JsonObject *body = san_portald_read_json_object (req, out_parser);
  const char *method;

  if (body == NULL)
    return NULL;
  method = san_portald_require_string (body, "method", errors);
  if (method != NULL && !g_strv_contains (pay_methods, method))
    san_portald_add_field_error (errors, "method", "invalid",
                                 "Must be one of boleto, pix, card, bank_debit");
  if (errors->len > 0)
    {
      san_portald_send_validation_failed (req, errors);
      return NULL;
    }
  return method;
}

/* card needs a stored card (not expired), bank_debit a bank account;
 * FALSE after answering 409 (or 500) */
static gboolean
check_method_usable (SanPortaldRequest *req,
                     const char        *method)
{
  SanPortaldDb *db = san_portald_request_get_db (req);
  gint64 contract_id = san_portald_request_get_contract_id (req);
  g_autoptr(GError) error = NULL;
  gboolean has = TRUE;
  GDate today;

  san_portald_request_get_today (req, &today);
  if (g_str_equal (method, "card") &&
      !san_portald_pm_db_has_card (db, contract_id, g_date_get_year (&today),
                                   g_date_get_month (&today), &has, &error))
    {
      san_portald_send_internal_error (req, error);
      return FALSE;
    }
  if (g_str_equal (method, "bank_debit") &&
      !san_portald_pm_db_has_bank_account (db, contract_id, &has, &error))
    {
      san_portald_send_internal_error (req, error);
      return FALSE;
    }
  if (!has)
    {
      san_portald_send_problem (req, SOUP_STATUS_CONFLICT, "invalid_state",
                                g_str_equal (method, "card")
                                ? "Store a credit card before choosing to pay by card"
                                : "Add a bank account before choosing bank debit");
      return FALSE;
    }
  return TRUE;
}

void
san_portald_handle_pay_methods_default_put (SanPortaldRequest *req)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  const char *method;
  gboolean ok;

  method = read_method (req, &parser);
  if (method == NULL || !check_method_usable (req, method) || !begin_or_fail (req))
    return;
  ok = san_portald_pm_db_set_default_method (san_portald_request_get_db (req),
                                             san_portald_request_get_contract_id (req),
                                             method, &error);
  if (!commit_or_fail (req, ok, error))
    return;
  send_pay_methods (req);
}

void
san_portald_handle_pay_methods_service_put (SanPortaldRequest *req)
{
  SanPortaldDb *db = san_portald_request_get_db (req);
  gint64 contract_id = san_portald_request_get_contract_id (req);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  const char *method;
  gint64 service_id;
  gboolean ok;

  if (!san_portald_request_get_id_param (req, "sid", &service_id))
    {
      send_not_found (req, "There is no such service in this contract");
      return;
    }
  if (!san_portald_pm_db_get_service_status (db, contract_id, service_id, &status, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  if (status == NULL)
    {
      send_not_found (req, "There is no such service in this contract");
      return;
    }

  method = read_method (req, &parser);
  if (method == NULL)
    return;
  if (g_str_equal (status, "cancelled") || g_str_equal (status, "terminated"))
    {
      san_portald_send_problem (req, SOUP_STATUS_CONFLICT, "invalid_state",
                                "This service has ended: it is no longer billed");
      return;
    }
  if (!check_method_usable (req, method) || !begin_or_fail (req))
    return;
  ok = san_portald_pm_db_set_service_method (db, contract_id, service_id, method, &error);
  if (!commit_or_fail (req, ok, error))
    return;
  send_pay_methods (req);
}

/* Notas fiscais */

/* A code to check the note with: deterministic, from what the note says */
static char *
make_verification_code (gint64      note_id,
                        const char *number,
                        const char *issued_at)
{
  g_autofree char *seed = g_strdup_printf ("san-nfse:%" G_GINT64_FORMAT ":%s:%s", note_id, number, issued_at);
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, seed, -1);
  g_autofree char *upper = g_ascii_strup (digest, 8);

  return g_strdup_printf ("%.4s-%.4s", upper, upper + 4);
}

/* Issues the pending note @note_id on @issued_on at @issued_at, with the
 * next number of that year */
static gboolean
issue_note (SanPortaldDb  *db,
            gint64         note_id,
            const GDate   *issued_on,
            const char    *issued_at,
            gboolean      *out_issued,
            GError       **error)
{
  guint year = g_date_get_year (issued_on);
  g_autofree char *number = NULL;
  g_autofree char *code = NULL;
  g_autofree char *day = san_date_to_iso (issued_on);
  gint64 sequence;

  sequence = san_portald_pm_db_next_note_sequence (db, year, error);
  if (sequence == 0)
    return FALSE;
  number = g_strdup_printf ("%04u/%06" G_GINT64_FORMAT, year, sequence);
  code = make_verification_code (note_id, number, issued_at);
  return san_portald_pm_db_issue_note (db, note_id, year, sequence, number, code, issued_at, day,
                                       out_issued, error);
}

/* @events: where the debits' invoice_paid notifications go (NULL: none, as
 * for the demo's past) */
static gboolean
run_due (SanPortaldDb      *db,
         SanPortaldEvents  *events,
         const GDate       *today,
         GError           **error)
{
  g_autofree char *today_text = san_date_to_iso (today);
  g_autoptr(GArray) invoice_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) note_ids = NULL;
  g_autoptr(GPtrArray) note_dates = g_ptr_array_new_with_free_func (g_free);

  if (!san_portald_pm_db_drop_stale_schedules (db, error) ||
      !san_portald_pm_db_list_due_schedules (db, today_text, invoice_ids, dates, error))
    return FALSE;

  /* the bank debits on the scheduled day */
  for (guint i = 0; i < invoice_ids->len; i++)
    {
      gint64 invoice_id = g_array_index (invoice_ids, gint64, i);
      g_autofree char *when = daily_job_time (g_ptr_array_index (dates, i));
      g_autoptr(GDateTime) instant = san_datetime_parse_rfc3339 (when);
      gboolean changed = FALSE;

      if (instant == NULL)
        {
          g_set_error (error, SAN_PORTALD_ERROR, SAN_PORTALD_ERROR_INVALID,
                       "A debit schedule has a bad date");
          return FALSE;
        }
      if (!san_portald_billing_mark_paid (db, invoice_id, "bank_debit",
                                          g_date_time_to_unix (instant) * 1000, &changed, error) ||
          !san_portald_pm_db_delete_debit_schedule (db, invoice_id, error))
        return FALSE;
      if (changed && events != NULL &&
          !san_portald_billing_notify_paid (events, db, invoice_id, error))
        return FALSE;
    }

  /* then the notes, those of the debits just made included */
  note_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!san_portald_pm_db_list_due_notes (db, today_text, note_ids, note_dates, error))
    return FALSE;
  for (guint i = 0; i < note_ids->len; i++)
    {
      const char *day_text = g_ptr_array_index (note_dates, i);
      g_autofree char *issued_at = daily_job_time (day_text);
      gboolean issued = FALSE;
      GDate day;

      if (!san_date_parse_iso (day_text, &day))
        {
          g_set_error (error, SAN_PORTALD_ERROR, SAN_PORTALD_ERROR_INVALID,
                       "A nota fiscal has a bad date");
          return FALSE;
        }
      if (!issue_note (db, g_array_index (note_ids, gint64, i), &day, issued_at, &issued, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
san_portald_paymethods_run_due (SanPortaldDb      *db,
                                SanPortaldEvents  *events,
                                const GDate       *today,
                                GError           **error)
{
  g_autofree char *today_text = san_date_to_iso (today);
  gboolean own = !san_portald_pm_db_in_transaction (db);
  gboolean due = FALSE;

  /* most reads find nothing to do: no write lock for them */
  if (!san_portald_pm_db_anything_due (db, today_text, &due, error))
    return FALSE;
  if (!due)
    return TRUE;

  if (own && !san_portald_db_begin (db, error))
    return FALSE;
  if (!run_due (db, events, today, error))
    {
      if (own)
        san_portald_db_rollback (db);
      return FALSE;
    }
  if (own && !san_portald_db_commit (db, error))
    {
      san_portald_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}

gboolean
san_portald_fiscal_schedule_note (SanPortaldDb  *db,
                                  gint64         invoice_id,
                                  const GDate   *paid_on,
                                  GError       **error)
{
  g_autofree char *scheduled_for = NULL;

  g_return_val_if_fail (paid_on != NULL && g_date_valid (paid_on), FALSE);

  scheduled_for = san_portald_date_plus_days (paid_on, SAN_PORTALD_FISCAL_DELAY_DAYS);
  return san_portald_pm_db_add_note (db, invoice_id, scheduled_for, error);
}

static void
build_note (JsonBuilder                *builder,
            const SanPortaldFiscalNote *note)
{
  json_builder_begin_object (builder);
  san_portald_json_add_id (builder, "id", note->id);
  san_portald_json_add_id (builder, "invoice_id", note->invoice_id);
  san_portald_json_add_string (builder, "invoice_number", note->invoice_number);
  san_portald_json_add_string (builder, "status", note->status);
  san_portald_json_add_string (builder, "number", note->number);
  san_portald_json_add_string (builder, "verification_code", note->verification_code);
  san_portald_json_add_int (builder, "amount_cents", note->amount_cents);
  san_portald_json_add_string (builder, "description", note->description);
  san_portald_json_add_string (builder, "scheduled_for", note->scheduled_for);
  san_portald_json_add_string (builder, "issued_at", note->issued_at);
  json_builder_end_object (builder);
}

static void
send_note (SanPortaldRequest          *req,
           const SanPortaldFiscalNote *note)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  build_note (builder, note);
  san_portald_send_json (req, SOUP_STATUS_OK, builder);
}

/* The note named by {nid}, after the due notes were issued; NULL after answering */
static SanPortaldFiscalNote *
find_note (SanPortaldRequest *req)
{
  g_autoptr(GError) error = NULL;
  SanPortaldFiscalNote *note = NULL;
  gint64 note_id;

  if (!san_portald_request_get_id_param (req, "nid", &note_id))
    {
      send_not_found (req, "There is no such nota fiscal in this contract");
      return NULL;
    }
  if (!run_due_or_fail (req))
    return NULL;
  if (!san_portald_pm_db_get_note (san_portald_request_get_db (req),
                                   san_portald_request_get_contract_id (req),
                                   note_id, &note, &error))
    {
      san_portald_send_internal_error (req, error);
      return NULL;
    }
  if (note == NULL)
    send_not_found (req, "There is no such nota fiscal in this contract");
  return note;
}

static const char * const note_statuses[] = { "pending", "issued", NULL };

void
san_portald_handle_fiscal_notes (SanPortaldRequest *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GArray) errors = g_array_new (FALSE, FALSE, sizeof (SanPortaldFieldError));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  SanPortaldNoteFilter filter = { NULL, NULL, NULL, 0, SAN_PORTALD_DEFAULT_LIMIT };
  const char *status = san_portald_request_get_query (req, "status");
  const char *from = san_portald_request_get_query (req, "from");
  const char *to = san_portald_request_get_query (req, "to");
  const char *limit = san_portald_request_get_query (req, "limit");
  const char *cursor = san_portald_request_get_query (req, "cursor");
  gint64 total = 0;
  gboolean more = FALSE;
  gboolean cursor_valid = TRUE;
  GDate from_date;
  GDate to_date;

  g_date_clear (&from_date, 1);
  g_date_clear (&to_date, 1);

  if (status != NULL)
    {
      if (g_strv_contains (note_statuses, status))
        filter.status = status;
      else
        san_portald_add_field_error (errors, "status", "invalid", "Must be pending or issued");
    }
  if (from != NULL)
    {
      if (san_date_parse_iso (from, &from_date))
        filter.from = from;
      else
        san_portald_add_field_error (errors, "from", "invalid", "Must be a date like 2026-12-31");
    }
  if (to != NULL)
    {
      if (san_date_parse_iso (to, &to_date))
        filter.to = to;
      else
        san_portald_add_field_error (errors, "to", "invalid", "Must be a date like 2026-12-31");
    }
  if (filter.from != NULL && filter.to != NULL && g_date_compare (&from_date, &to_date) > 0)
    san_portald_add_field_error (errors, "to", "out_of_range", "Must not be before from");
  if (limit != NULL)
    san_portald_parse_limit (limit, &filter.limit, errors);
  if (cursor != NULL && !san_portald_parse_cursor (cursor, &filter.after_id))
    san_portald_add_field_error (errors, "cursor", "invalid",
                                 "Not a cursor this server gave: start again from the first page");
  if (errors->len > 0)
    {
      san_portald_send_validation_failed (req, errors);
      return;
    }

  if (!run_due_or_fail (req))
    return;
  if (!san_portald_pm_db_list_notes (san_portald_request_get_db (req),
                                     san_portald_request_get_contract_id (req), &filter,
                                     &notes, &total, &more, &cursor_valid, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  if (!cursor_valid)
    {
      san_portald_add_field_error (errors, "cursor", "invalid",
                                   "Not a cursor this server gave: start again from the first page");
      san_portald_send_validation_failed (req, errors);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < notes->len; i++)
    build_note (builder, g_ptr_array_index (notes, i));
  json_builder_end_array (builder);
  san_portald_json_add_int (builder, "total", total);
  json_builder_set_member_name (builder, "next_cursor");
  if (more && notes->len > 0)
    {
      const SanPortaldFiscalNote *last = g_ptr_array_index (notes, notes->len - 1);
      g_autofree char *next = san_portald_make_cursor (last->id);

      json_builder_add_string_value (builder, next);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  san_portald_send_json (req, SOUP_STATUS_OK, builder);
}

void
san_portald_handle_fiscal_note (SanPortaldRequest *req)
{
  g_autoptr(SanPortaldFiscalNote) note = find_note (req);

  if (note != NULL)
    send_note (req, note);
}

void
san_portald_handle_fiscal_note_issue (SanPortaldRequest *req)
{
  SanPortaldDb *db = san_portald_request_get_db (req);
  g_autoptr(SanPortaldFiscalNote) note = find_note (req);
  g_autoptr(SanPortaldFiscalNote) issued_note = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *issued_at = NULL;
  gboolean issued = FALSE;
  gboolean ok;
  GDate today;

  if (note == NULL)
    return;
  if (!g_str_equal (note->status, "pending"))
    {
      san_portald_send_problem (req, SOUP_STATUS_CONFLICT, "invalid_state",
                                "This nota fiscal has been issued already");
      return;
    }

  san_portald_request_get_today (req, &today);
  issued_at = request_now (req);
  if (!begin_or_fail (req))
    return;
  ok = issue_note (db, note->id, &today, issued_at, &issued, &error);
  if (!commit_or_fail (req, ok, error))
    return;

  if (!san_portald_pm_db_get_note (db, note->contract_id, note->id, &issued_note, &error) ||
      issued_note == NULL)
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  send_note (req, issued_note);
}

/* The document's parties: the contract's name and formatted CPF/CNPJ */
typedef struct
{
  char            *name;
  char            *document;      /* formatted */
  char            *bare_document;
  SanDocumentKind  kind;
} Customer;

static void
customer_clear (Customer *customer)
{
  g_free (customer->name);
  g_free (customer->document);
  g_free (customer->bare_document);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Customer, customer_clear)

/* The issued note named by {nid} and its customer; NULL after answering
 * (409 while the note is pending) */
static SanPortaldFiscalNote *
find_issued_note (SanPortaldRequest *req,
                  Customer          *out_customer)
{
  g_autoptr(SanPortaldFiscalNote) note = find_note (req);
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;

  if (note == NULL)
    return NULL;
  if (!g_str_equal (note->status, "issued"))
    {
      san_portald_send_problem (req, SOUP_STATUS_CONFLICT, "invalid_state",
                                "This nota fiscal has not been issued yet");
      return NULL;
    }
  if (!san_portald_pm_db_get_contract (san_portald_request_get_db (req), note->contract_id,
                                       &out_customer->name, &stored, &error))
    {
      san_portald_send_internal_error (req, error);
      return NULL;
    }
  if (!san_document_validate (stored, &out_customer->kind, &out_customer->bare_document, NULL))
    {
      out_customer->kind = strlen (stored) == 11 ? SAN_DOCUMENT_CPF : SAN_DOCUMENT_CNPJ;
      out_customer->bare_document = g_strdup (stored);
    }
  out_customer->document = san_document_format (stored);
  if (out_customer->document == NULL)
    out_customer->document = g_strdup (stored);
  return g_steal_pointer (&note);
}

/* "nfse-2026-000123.pdf" from "2026/000123" */
static char *
note_filename (const SanPortaldFiscalNote *note,
               const char                 *extension)
{
  g_autofree char *number = g_strdup (note->number);

  g_strdelimit (number, "/", '-');
  return g_strdup_printf ("nfse-%s.%s", number, extension);
}

/* "129.90" */
static char *
decimal_amount (gint64 cents)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", cents / 100, (int) (cents % 100));
}

/* "24/11/2026 09:00" in São Paulo */
static char *
local_timestamp (const char *timestamp)
{
  g_autoptr(GDateTime) instant = san_datetime_parse_rfc3339 (timestamp);
  g_autoptr(GTimeZone) zone = sao_paulo_zone ();
  g_autoptr(GDateTime) local = NULL;

  if (instant == NULL)
    return g_strdup (timestamp);
  local = g_date_time_to_timezone (instant, zone);
  return g_date_time_format (local, "%d/%m/%Y %H:%M");
}

/* The PDF: an NFS-e-like page */

#define PAGE_WIDTH  595.28   /* A4 in points */
#define PAGE_HEIGHT 841.89
#define MARGIN      48.0
#define FONT        "DejaVu Sans"

static cairo_status_t
on_pdf_write_cb (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
set_font (cairo_t  *cr,
          double    size,
          gboolean  bold)
{
  cairo_select_font_face (cr, FONT, CAIRO_FONT_SLANT_NORMAL,
                          bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, size);
}

static void
show_text_at (cairo_t    *cr,
              double      x,
              double      y,
              const char *text)
{
  cairo_move_to (cr, x, y);
  cairo_show_text (cr, text);
}

/* Right-aligned at @right */
static void
show_text_right (cairo_t    *cr,
                 double      right,
                 double      y,
                 const char *text)
{
  cairo_text_extents_t extents;

  cairo_text_extents (cr, text, &extents);
  show_text_at (cr, right - extents.x_advance, y, text);
}

/* Word-wraps @text into @width from (@x, @y); returns the next line's y */
static double
show_wrapped (cairo_t    *cr,
              double      x,
              double      y,
              double      width,
              double      line_height,
              const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *candidate = line->len > 0 ? g_strconcat (line->str, " ", words[i], NULL)
                                                 : g_strdup (words[i]);
      cairo_text_extents_t extents;

      cairo_text_extents (cr, candidate, &extents);
      if (extents.x_advance > width && line->len > 0)
        {
          show_text_at (cr, x, y, line->str);
          y += line_height;
          g_string_assign (line, words[i]);
        }
      else
        g_string_assign (line, candidate);
    }
  if (line->len > 0)
    {
      show_text_at (cr, x, y, line->str);
      y += line_height;
    }
  return y;
}

/* A titled section box from @top; returns the y below the title */
static double
begin_section (cairo_t    *cr,
               double      top,
               double      height,
               const char *title)
{
  cairo_set_line_width (cr, 0.8);
  cairo_rectangle (cr, MARGIN, top, PAGE_WIDTH - 2 * MARGIN, height);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0.92, 0.92, 0.92);
  cairo_rectangle (cr, MARGIN + 0.4, top + 0.4, PAGE_WIDTH - 2 * MARGIN - 0.8, 16);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  set_font (cr, 8.5, TRUE);
  show_text_at (cr, MARGIN + 8, top + 11.5, title);
  return top + 32;
}

/* A label and its value, clipped to @width */
static void
show_field (cairo_t    *cr,
            double      x,
            double      y,
            double      width,
            const char *label,
            const char *value)
{
  cairo_save (cr);
  cairo_rectangle (cr, x, y - 10, width, 28);
  cairo_clip (cr);
  set_font (cr, 7.5, FALSE);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  show_text_at (cr, x, y, label);
  cairo_set_source_rgb (cr, 0, 0, 0);
  set_font (cr, 10, FALSE);
  show_text_at (cr, x, y + 13, value);
  cairo_restore (cr);
}

static GBytes *
render_note_pdf (const SanPortaldFiscalNote  *note,
                 const Customer              *customer,
                 GError                     **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autofree char *san_cnpj = san_document_format (SAN_CNPJ);
  g_autofree char *issued = local_timestamp (note->issued_at);
  g_autofree char *amount = san_money_format_brl (note->amount_cents);
  g_autofree char *total = g_strdup_printf ("VALOR TOTAL DA NOTA = %s", amount);
  g_autofree char *title = g_strdup_printf ("NFS-e %s", note->number);
  g_autofree char *invoice = g_strdup_printf ("Fatura %s", note->invoice_number);
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  double right = PAGE_WIDTH - MARGIN;
  double width = right - MARGIN - 20;   /* inside a section */
  double y;

  surface = cairo_pdf_surface_create_for_stream (on_pdf_write_cb, data, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, SAN_NAME);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "san-portald");
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 0, 0, 0);

  /* heading: the document, its number, date and verification code */
  cairo_set_line_width (cr, 1.2);
  cairo_rectangle (cr, MARGIN, MARGIN, right - MARGIN, 96);
  cairo_stroke (cr);
  set_font (cr, 9, FALSE);
  show_text_at (cr, MARGIN + 10, MARGIN + 20, "PREFEITURA DO MUNICÍPIO DE SÃO PAULO");
  set_font (cr, 13, TRUE);
  show_text_at (cr, MARGIN + 10, MARGIN + 42, "NOTA FISCAL DE SERVIÇOS");
  show_text_at (cr, MARGIN + 10, MARGIN + 59, "ELETRÔNICA - NFS-e");
  set_font (cr, 8, FALSE);
  show_text_at (cr, MARGIN + 10, MARGIN + 82, invoice);

  set_font (cr, 7.5, FALSE);
  show_text_right (cr, right - 10, MARGIN + 18, "Número da nota");
  set_font (cr, 12, TRUE);
  show_text_right (cr, right - 10, MARGIN + 32, note->number);
  set_font (cr, 7.5, FALSE);
  show_text_right (cr, right - 10, MARGIN + 48, "Data e hora de emissão");
  set_font (cr, 10, FALSE);
  show_text_right (cr, right - 10, MARGIN + 61, issued);
  set_font (cr, 7.5, FALSE);
  show_text_right (cr, right - 10, MARGIN + 76, "Código de verificação");
  set_font (cr, 10, TRUE);
  show_text_right (cr, right - 10, MARGIN + 89, note->verification_code);

  /* the parties: names on a line of their own, then the documents */
  y = begin_section (cr, MARGIN + 110, 90, "PRESTADOR DE SERVIÇOS");
  show_field (cr, MARGIN + 10, y, width, "Nome/Razão social", SAN_NAME);
  show_field (cr, MARGIN + 10, y + 30, 180, "CNPJ", san_cnpj);
  show_field (cr, MARGIN + 200, y + 30, 200, "Município", SAN_CITY);

  y = begin_section (cr, MARGIN + 210, 90, "TOMADOR DE SERVIÇOS");
  show_field (cr, MARGIN + 10, y, width, "Nome/Razão social", customer->name);
  show_field (cr, MARGIN + 10, y + 30, 180,
              customer->kind == SAN_DOCUMENT_CPF ? "CPF" : "CNPJ", customer->document);

  /* what was sold, and for how much */
  y = begin_section (cr, MARGIN + 310, 180, "DISCRIMINAÇÃO DOS SERVIÇOS");
  set_font (cr, 10, FALSE);
  show_wrapped (cr, MARGIN + 10, y, width, 14, note->description);

  cairo_set_line_width (cr, 1.2);
  cairo_rectangle (cr, MARGIN, MARGIN + 500, right - MARGIN, 36);
  cairo_stroke (cr);
  set_font (cr, 12, TRUE);
  show_text_at (cr, MARGIN + 10, MARGIN + 523, total);

  set_font (cr, 7.5, FALSE);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  show_wrapped (cr, MARGIN, MARGIN + 562, right - MARGIN, 11,
                "Documento emitido por " SAN_NAME ". A autenticidade desta NFS-e pode ser "
                "conferida com o número da nota, o CNPJ do prestador e o código de verificação.");

  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, SAN_PORTALD_ERROR, SAN_PORTALD_ERROR_FAILED,
                   "Could not draw a nota fiscal: %s", cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

void
san_portald_handle_fiscal_note_pdf (SanPortaldRequest *req)
{
  g_auto(Customer) customer = { 0 };
  g_autoptr(SanPortaldFiscalNote) note = find_issued_note (req, &customer);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *filename = NULL;

  if (note == NULL)
    return;
  pdf = render_note_pdf (note, &customer, &error);
  if (pdf == NULL)
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  filename = note_filename (note, "pdf");
  san_portald_send_bytes (req, SOUP_STATUS_OK, "application/pdf", filename, pdf);
}

/* The XML: shaped like an ABRASF NFS-e (CompNfse) */

static void
append_document (GString         *xml,
                 const char      *indent,
                 SanDocumentKind  kind,
                 const char      *bare)
{
  g_autofree char *element = g_markup_printf_escaped ("%s<CpfCnpj><%s>%s</%s></CpfCnpj>\n", indent,
                                                      kind == SAN_DOCUMENT_CPF ? "Cpf" : "Cnpj", bare,
                                                      kind == SAN_DOCUMENT_CPF ? "Cpf" : "Cnpj");

  g_string_append (xml, element);
}

static GBytes *
render_note_xml (const SanPortaldFiscalNote *note,
                 const Customer             *customer)
{
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_autofree char *amount = decimal_amount (note->amount_cents);
  g_autofree char *number = g_markup_escape_text (note->number, -1);
  g_autofree char *code = g_markup_escape_text (note->verification_code, -1);
  g_autofree char *issued_at = g_markup_escape_text (note->issued_at, -1);
  g_autofree char *issued_on = g_markup_escape_text (note->issued_on, -1);
  g_autofree char *description = g_markup_escape_text (note->description, -1);
  g_autofree char *invoice = g_markup_escape_text (note->invoice_number, -1);
  g_autofree char *customer_name = g_markup_escape_text (customer->name, -1);
  g_autofree char *id = g_strdup (note->number);

  g_strdelimit (id, "/", '-');
  g_string_append (xml, "<CompNfse xmlns=\"http://www.abrasf.org.br/nfse.xsd\">\n");
  g_string_append (xml, "  <Nfse versao=\"2.04\">\n");
  g_string_append_printf (xml, "    <InfNfse Id=\"nfse-%s\">\n", id);
  g_string_append_printf (xml, "      <Numero>%s</Numero>\n", number);
  g_string_append_printf (xml, "      <CodigoVerificacao>%s</CodigoVerificacao>\n", code);
  g_string_append_printf (xml, "      <DataEmissao>%s</DataEmissao>\n", issued_at);
  g_string_append (xml, "      <ValoresNfse>\n");
  g_string_append_printf (xml, "        <BaseCalculo>%s</BaseCalculo>\n", amount);
  g_string_append_printf (xml, "        <ValorLiquidoNfse>%s</ValorLiquidoNfse>\n", amount);
  g_string_append (xml, "      </ValoresNfse>\n");
  g_string_append (xml, "      <PrestadorServico>\n");
  g_string_append (xml, "        <IdentificacaoPrestador>\n");
  append_document (xml, "          ", SAN_DOCUMENT_CNPJ, SAN_CNPJ);
  g_string_append (xml, "        </IdentificacaoPrestador>\n");
  g_string_append (xml, "        <RazaoSocial>" SAN_NAME "</RazaoSocial>\n");
  g_string_append (xml, "      </PrestadorServico>\n");
  g_string_append (xml, "      <DeclaracaoPrestacaoServico>\n");
  g_string_append (xml, "        <InfDeclaracaoPrestacaoServico>\n");
  g_string_append_printf (xml, "          <Competencia>%s</Competencia>\n", issued_on);
  g_string_append (xml, "          <Servico>\n");
  g_string_append (xml, "            <Valores>\n");
  g_string_append_printf (xml, "              <ValorServicos>%s</ValorServicos>\n", amount);
  g_string_append (xml, "            </Valores>\n");
  g_string_append_printf (xml, "            <Discriminacao>%s</Discriminacao>\n", description);
  g_string_append (xml, "          </Servico>\n");
  g_string_append (xml, "          <Tomador>\n");
  g_string_append (xml, "            <IdentificacaoTomador>\n");
  append_document (xml, "              ", customer->kind, customer->bare_document);
  g_string_append (xml, "            </IdentificacaoTomador>\n");
  g_string_append_printf (xml, "            <RazaoSocial>%s</RazaoSocial>\n", customer_name);
  g_string_append (xml, "          </Tomador>\n");
  g_string_append_printf (xml, "          <OutrasInformacoes>Fatura %s</OutrasInformacoes>\n", invoice);
  g_string_append (xml, "        </InfDeclaracaoPrestacaoServico>\n");
  g_string_append (xml, "      </DeclaracaoPrestacaoServico>\n");
  g_string_append (xml, "    </InfNfse>\n");
  g_string_append (xml, "  </Nfse>\n");
  g_string_append (xml, "</CompNfse>\n");
  return g_string_free_to_bytes (g_steal_pointer (&xml));
}

void
san_portald_handle_fiscal_note_xml (SanPortaldRequest *req)
{
  g_auto(Customer) customer = { 0 };
  g_autoptr(SanPortaldFiscalNote) note = find_issued_note (req, &customer);
  g_autoptr(GBytes) xml = NULL;
  g_autofree char *filename = NULL;

  if (note == NULL)
    return;
  xml = render_note_xml (note, &customer);
  filename = note_filename (note, "xml");
  san_portald_send_bytes (req, SOUP_STATUS_OK, "application/xml", filename, xml);
}

/* Demo data */

#define DEMO_PADARIA_CNPJ "27451938000184"
/* Itaú agency 0912, account 34567: DV 5 by the modulo 10 rule above */
#define DEMO_ITAU_AGENCY "0912"
#define DEMO_ITAU_ACCOUNT "34567-5"
/* the newest paid invoice's note is still pending: issued in this many days */
#define DEMO_PENDING_NOTE_DAYS 3

gboolean
san_portald_paymethods_seed_demo (SanPortaldDb  *db,
                                  const GDate   *today,
                                  GError       **error)
{
  g_autoptr(GArray) invoice_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) contract_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) paid_at = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *pending_day = san_portald_date_plus_days (today, DEMO_PENDING_NOTE_DAYS);
  gint64 padaria;

  padaria = san_portald_pm_db_find_contract_by_document (db, DEMO_PADARIA_CNPJ, error);
  if (padaria < 0)
    return FALSE;
  if (padaria > 0)
    {
      g_autofree char *created_day = san_portald_date_plus_days (today, -200);
      g_autofree char *created_at = g_strconcat (created_day, "T13:20:00Z", NULL);
      g_autofree char *due_date = NULL;
      SanPortaldBankAccount account = {
        .bank_code = (char *) "341",
        .agency = (char *) DEMO_ITAU_AGENCY,
        .account = (char *) DEMO_ITAU_ACCOUNT,
        .holder = (char *) "Padaria Pão Quente Ltda",
        .holder_document = (char *) DEMO_PADARIA_CNPJ,
        .created_at = created_at,
      };
      gboolean duplicate = FALSE;
      gint64 account_id;
      gint64 invoice_id;

      g_assert (itau_account_dv (DEMO_ITAU_AGENCY, "34567") == DEMO_ITAU_ACCOUNT[6]);
      account_id = san_portald_pm_db_add_bank_account (db, padaria, &account, &duplicate, error);
      if (account_id == 0)
        {
          if (duplicate)
            g_set_error (error, SAN_PORTALD_ERROR, SAN_PORTALD_ERROR_INVALID,
                         "The demo bank account exists already");
          return FALSE;
        }

      /* the payment_pending invoice is debited on its due date */
      invoice_id = san_portald_pm_db_find_pending_invoice (db, padaria, &due_date, error);
      if (invoice_id < 0)
        return FALSE;
      if (invoice_id > 0)
        {
          g_autofree char *scheduled_day = san_portald_date_plus_days (today, -2);
          g_autofree char *scheduled_at = g_strconcat (scheduled_day, "T18:42:00Z", NULL);

          if (!san_portald_pm_db_set_debit_schedule (db, invoice_id, account_id, due_date,
                                                     scheduled_at, error))
            return FALSE;
        }
    }

  /* a nota fiscal for every paid invoice, issued five days after payment,
   * except each contract's newest, which is still pending */
  if (!san_portald_pm_db_list_paid_invoices (db, invoice_ids, contract_ids, paid_at, error))
    return FALSE;
  for (guint i = 0; i < invoice_ids->len; i++)
    {
      gint64 invoice_id = g_array_index (invoice_ids, gint64, i);
      gboolean newest = i + 1 == invoice_ids->len ||
                        g_array_index (contract_ids, gint64, i + 1) != g_array_index (contract_ids, gint64, i);
      GDate paid_on;

      if (!sao_paulo_day (g_ptr_array_index (paid_at, i), &paid_on))
        {
          g_set_error (error, SAN_PORTALD_ERROR, SAN_PORTALD_ERROR_INVALID,
                       "A paid demo invoice has no payment time");
          return FALSE;
        }
      if (!san_portald_fiscal_schedule_note (db, invoice_id, &paid_on, error))
        return FALSE;
      if (newest && !san_portald_pm_db_reschedule_note (db, invoice_id, pending_day, error))
        return FALSE;
    }

  return run_due (db, NULL, today, error);
}
