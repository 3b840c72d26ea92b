/* san-portald-billing.c: invoices, boleto and 2ª via, PIX, cards and payments
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The router has authorized the contract before any handler here runs; every
 * query is scoped to san_portald_request_get_contract_id (). Writes happen in
 * a transaction each.
 *
 * Card data: a card number and CVV live only in the request's memory while
 * it is validated, and are wiped (sodium_memzero) from the request body, the
 * parsed JSON and our copies before the handler returns. What is kept is the
 * brand, the last four digits, the expiry, the holder, and the answer the
 * simulated issuer will give (from the published test numbers). Card tokens
 * are 256 random bits; only their SHA-256 is stored.
 *
 * Time follows --today: instants are the real time of day on the (possibly
 * pretended) day in São Paulo, so payments, PIX charges and notas fiscais
 * of a test server agree with its invoices' dates.
 */
#define G_LOG_DOMAIN "san-portald"

#include "config.h"

#include <sodium.h>

#include "san-boleto-code.h"
#include "san-card-number.h"
#include "san-date.h"
#include "san-document.h"
#include "san-money.h"
#include "san-pix-code.h"
#include "san-portald-auth.h"
#include "san-portald-billing-private.h"
#include "san-portald-billing.h"
#include "san-portald-events.h"
#include "san-portald-json.h"
#include "san-portald-mail.h"
#include "san-portald-paymethods.h"
#include "san-portald-pdf.h"
#include "san-portald-request.h"


/* The boleto: Banco do Brasil, convênio of 7 digits, carteira 18 */
#define BANK_CODE "001"
#define BANK_NAME "Banco do Brasil"
#define BOLETO_CONVENIO "3128557"
#define BOLETO_CARTEIRA "18"
#define BENEFICIARY "SAN Internet Ltda"
#define BENEFICIARY_DOCUMENT "12.345.678/0001-95"
#define SECOND_COPY_DAYS 3

/* PIX */
#define PIX_KEY "financeiro@saninternet.com.br"
#define PIX_MERCHANT_NAME "SAN INTERNET LTDA"
#define PIX_MERCHANT_CITY "SAO PAULO"
#define PIX_TXID_LENGTH 25
#define PIX_TTL_MS (30 * 60 * 1000)

/* Cards */
#define CARD_TOKEN_PREFIX "ct_"
#define CARD_TOKEN_TTL_MS (15 * 60 * 1000)
#define MAX_HOLDER_CHARS 64
#define MAX_IDEMPOTENCY_KEY 255

/* The issuer's simulated answers to the published test numbers */
#define TEST_CARD_DECLINED "4000000000000002"
#define TEST_CARD_INSUFFICIENT_FUNDS "4000000000009995"

static const char * const invoice_statuses[] = {
  "unpaid", "paid", "cancelled", "refunded", "payment_pending", "overdue", NULL,
};

/* Time */

static char *
today_iso (SanPortaldRequest *req)
{
  GDate today;

  san_portald_request_get_today (req, &today);
  return san_date_to_iso (&today);
}

static char *
ms_to_rfc3339 (gint64 ms)
{
  g_autoptr(GDateTime) instant = g_date_time_new_from_unix_utc (ms / 1000);

  return san_datetime_to_rfc3339 (instant);
}

static void
ms_to_sao_paulo_date (gint64  ms,
                      GDate  *out_date)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/Sao_Paulo");
  g_autoptr(GDateTime) instant = g_date_time_new_from_unix_utc (ms / 1000);
  g_autoptr(GDateTime) local = NULL;

  if (zone == NULL)
    zone = g_time_zone_new_offset (-3 * 3600);
  local = g_date_time_to_timezone (instant, zone);
  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, (GDateDay) g_date_time_get_day_of_month (local),
                  (GDateMonth) g_date_time_get_month (local),
                  (GDateYear) g_date_time_get_year (local));
}

/* JSON */

static void
add_instant (JsonBuilder *builder,
             const char  *name,
             gint64       ms)
{
  g_autofree char *text = ms_to_rfc3339 (ms);

  san_portald_json_add_string (builder, name, text);
}

static gboolean
invoice_is_overdue (const SanPortaldInvoice *invoice,
                    const char              *today)
{
  return g_str_equal (invoice->status, "unpaid") && strcmp (invoice->due_date, today) < 0;
}

static void
build_invoice (JsonBuilder             *builder,
               const SanPortaldInvoice *invoice,
               const char              *today)
{
  json_builder_begin_object (builder);
  san_portald_json_add_id (builder, "id", invoice->id);
  san_portald_json_add_id (builder, "contract_id", invoice->contract_id);
  san_portald_json_add_string (builder, "number", invoice->number);
  san_portald_json_add_string (builder, "status", invoice->status);
  json_builder_set_member_name (builder, "overdue");
  json_builder_add_boolean_value (builder, invoice_is_overdue (invoice, today));
  san_portald_json_add_string (builder, "issue_date", invoice->issue_date);
  san_portald_json_add_string (builder, "due_date", invoice->due_date);
  san_portald_json_add_int (builder, "total_cents", invoice->total_cents);
  san_portald_json_add_string (builder, "payment_method", invoice->payment_method);
  san_portald_json_add_string (builder, "paid_at", invoice->paid_at);
  san_portald_json_add_string (builder, "paid_with", invoice->paid_with);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < invoice->items->len; i++)
    {
      const SanPortaldInvoiceItem *item = &g_array_index (invoice->items, SanPortaldInvoiceItem, i);

      json_builder_begin_object (builder);
      san_portald_json_add_string (builder, "description", item->description);
      if (item->service_id > 0 && item->service_kind != NULL)
        san_portald_json_add_id (builder, "service_id", item->service_id);
      else
        san_portald_json_add_string (builder, "service_id", NULL);
      san_portald_json_add_string (builder, "service_kind",
                                   item->service_id > 0 ? item->service_kind : NULL);
      san_portald_json_add_int (builder, "amount_cents", item->amount_cents);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* Common answers */

static void
send_invoice_not_found (SanPortaldRequest *req)
{
  san_portald_send_problem (req, SOUP_STATUS_NOT_FOUND, "not_found",
                            "There is no such invoice in this contract");
}

static void
send_invalid_state (SanPortaldRequest *req,
                    const char        *detail)
{
  san_portald_send_problem (req, SOUP_STATUS_CONFLICT, "invalid_state", detail);
}

/* The {iid} invoice of the request's contract; FALSE after answering 404 or 500 */
static gboolean
load_invoice (SanPortaldRequest  *req,
              SanPortaldInvoice **out_invoice)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  *out_invoice = NULL;
  if (!san_portald_request_get_id_param (req, "iid", &id))
    {
      send_invoice_not_found (req);
      return FALSE;
    }
  if (!san_portald_billing_db_get_invoice (san_portald_request_get_db (req),
                                           san_portald_request_get_contract_id (req), id,
                                           out_invoice, &error))
    {
      san_portald_send_internal_error (req, error);
      return FALSE;
    }
  if (*out_invoice == NULL)
    {
      send_invoice_not_found (req);
      return FALSE;
    }
  return TRUE;
}

/* A body that may be empty or a JSON object (ignored); FALSE after answering 400/413 */
static gboolean
accept_empty_body (SanPortaldRequest *req)
{
  SoupMessageBody *body = soup_server_message_get_request_body (san_portald_request_get_message (req));
  g_autoptr(JsonParser) parser = NULL;

  if (body->length == 0)
    return TRUE;
  return san_portald_read_json_object (req, &parser) != NULL;
}

/* Marking paid */

/* "Pagamento confirmado" to the contract's owner and invoice contacts */
static gboolean
send_paid_mail (SanPortaldDb  *db,
                gint64         invoice_id,
                GError       **error)
{
  g_autoptr(SanPortaldInvoice) invoice = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *text = NULL;
  g_autofree char *html = NULL;

  if (!san_portald_billing_db_get_invoice (db, 0, invoice_id, &invoice, error))
    return FALSE;
  if (invoice == NULL)
    return TRUE;

  amount = san_money_format_brl (invoice->total_cents);
  subject = g_strdup_printf ("Pagamento confirmado: fatura %s", invoice->number);
  text = g_strdup_printf ("Olá,\n\n"
                          "Recebemos o pagamento da fatura %s, de %s. Obrigado!\n"
                          "A nota fiscal é emitida automaticamente nos próximos dias.\n\n"
                          "SAN Internet\n", invoice->number, amount);
  html = g_markup_printf_escaped ("<p>Olá,</p>"
                                  "<p>Recebemos o pagamento da fatura <b>%s</b>, de %s. Obrigado!<br>"
                                  "A nota fiscal é emitida automaticamente nos próximos dias.</p>"
                                  "<p>SAN Internet</p>", invoice->number, amount);
  return san_portald_mail_send (db, invoice->contract_id, SAN_PORTALD_MAIL_INVOICE, subject,
                                text, html, error);
}

gboolean
san_portald_billing_mark_paid (SanPortaldDb  *db,
                               gint64         invoice_id,
                               const char    *method,
                               gint64         paid_at_ms,
                               gboolean      *out_changed,
                               GError       **error)
{
  g_autofree char *paid_at = ms_to_rfc3339 (paid_at_ms);
  GDate paid_on;

  *out_changed = FALSE;
  if (!san_portald_billing_db_set_paid (db, invoice_id, method, paid_at, out_changed, error))
    return FALSE;
  if (!*out_changed)
    return TRUE;

  /* a PIX charge still open for it would charge twice */
  if (!san_portald_billing_db_void_pix (db, invoice_id, error))
    return FALSE;
  ms_to_sao_paulo_date (paid_at_ms, &paid_on);
  if (!san_portald_fiscal_schedule_note (db, invoice_id, &paid_on, error))
    return FALSE;
  return send_paid_mail (db, invoice_id, error);
}

/* The live "invoice_paid" notification of an invoice san_portald_billing_mark_paid ()
 * just marked paid: it goes out once the open transaction commits */
gboolean
san_portald_billing_notify_paid (SanPortaldEvents  *events,
                                 SanPortaldDb      *db,
                                 gint64             invoice_id,
                                 GError           **error)
{
  g_autoptr(SanPortaldInvoice) invoice = NULL;
  g_autofree char *id = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;

  if (!san_portald_billing_db_get_invoice (db, 0, invoice_id, &invoice, error))
    return FALSE;
  if (invoice == NULL)
    return TRUE;
  id = g_strdup_printf ("%" G_GINT64_FORMAT, invoice->id);
  amount = san_money_format_brl (invoice->total_cents);
  title = g_strdup_printf ("Fatura %s paga", invoice->number);
  body = g_strdup_printf ("Recebemos o pagamento de %s. Obrigado!", amount);
  san_portald_events_notify_when_done (events, db, invoice->contract_id,
                                       "invoices", "invoice_paid", title, body, "invoice", id,
                                       invoice->number);
  return TRUE;
}

static gboolean
notify_paid (SanPortaldRequest  *req,
             gint64              invoice_id,
             GError            **error)
{
  return san_portald_billing_notify_paid (san_portald_request_get_events (req),
                                          san_portald_request_get_db (req), invoice_id, error);
}

/* PIX settlement: the simulated bank */

/* With --demo and --pix-settle-after N, a charge the payer "paid" N seconds
 * after it was made (before it expired) is settled when the server next
 * looks at the contract's invoices. */
static gboolean
settle_due_pix (SanPortaldRequest  *req,
                GError            **error)
{
  SanPortaldDb *db = san_portald_request_get_db (req);
  guint after_s = san_portald_server_get_pix_settle_after (san_portald_request_get_server (req));
  g_autoptr(GArray) charges = NULL;
  gint64 after_ms = (gint64) after_s * 1000;

  if (after_s == 0)
    return TRUE;
  if (!san_portald_billing_db_due_pix (db, san_portald_request_get_contract_id (req),
                                       san_portald_request_clock_ms (req) - after_ms, after_ms, &charges, error))
    return FALSE;
  if (charges->len == 0)
    return TRUE;

  if (!san_portald_db_begin (db, error))
    return FALSE;
  for (guint i = 0; i < charges->len; i++)
    {
      const SanPortaldPixCharge *charge = &g_array_index (charges, SanPortaldPixCharge, i);
      gint64 settled_ms = charge->created_ms + after_ms;
      gboolean settled = FALSE;
      gboolean paid = FALSE;

      if (!san_portald_billing_db_settle_pix (db, charge->id, settled_ms, &settled, error) ||
          (settled && !san_portald_billing_mark_paid (db, charge->invoice_id, "pix", settled_ms,
                                                      &paid, error)) ||
          (paid && !notify_paid (req, charge->invoice_id, error)))
        {
          san_portald_db_rollback (db);
          return FALSE;
        }
    }
  if (!san_portald_db_commit (db, error))
    {
      san_portald_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}

/* What time has done since the last request, before an invoice is read:
 * scheduled bank debits whose day came (and notas fiscais that fell due,
 * san-portald-paymethods.c), PIX charges the simulated bank settled */
static gboolean
catch_up (SanPortaldRequest  *req,
          GError            **error)
{
  GDate today;

  san_portald_request_get_today (req, &today);
  return san_portald_paymethods_run_due (san_portald_request_get_db (req),
                                         san_portald_request_get_events (req), &today, error) &&
         settle_due_pix (req, error);
}

/* Invoices */

static const char *
check_date_param (SanPortaldRequest *req,
                  const char        *name,
                  GArray            *errors)
{
  const char *text = san_portald_request_get_query (req, name);
  GDate date;

  if (text == NULL)
    return NULL;
  if (!san_date_parse_iso (text, &date))
    {
      san_portald_add_field_error (errors, name, "invalid", "Must be a date like 2026-12-31");
      return NULL;
    }
  return text;
}

void
san_portald_handle_invoices (SanPortaldRequest *req)
{
  SanPortaldDb *db = san_portald_request_get_db (req);
  gint64 contract_id = san_portald_request_get_contract_id (req);
  g_autoptr(GArray) errors = g_array_new (FALSE, FALSE, sizeof (SanPortaldFieldError));
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) invoices = NULL;
  g_autoptr(SanPortaldInvoice) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = today_iso (req);
  const char *status = san_portald_request_get_query (req, "status");
  const char *q = san_portald_request_get_query (req, "q");
  const char *limit = san_portald_request_get_query (req, "limit");
  const char *cursor = san_portald_request_get_query (req, "cursor");
  SanPortaldInvoiceFilter filter = { NULL, today, NULL, NULL, NULL, 0, NULL, SAN_PORTALD_DEFAULT_LIMIT };
  gint64 total = 0;
  gint64 open_cents = 0;
  gint64 overdue_cents = 0;
  guint n;

  if (status != NULL)
    {
      if (g_strv_contains (invoice_statuses, status))
        filter.status = status;
      else
        san_portald_add_field_error (errors, "status", "invalid",
                                     "Must be one of unpaid, paid, cancelled, refunded, payment_pending, overdue");
    }
  filter.from = check_date_param (req, "from", errors);
  filter.to = check_date_param (req, "to", errors);
  if (filter.from != NULL && filter.to != NULL && strcmp (filter.from, filter.to) > 0)
    san_portald_add_field_error (errors, "to", "out_of_range", "Must not be before from");
  if (q != NULL)
    {
      if (!g_utf8_validate (q, -1, NULL))
        san_portald_add_field_error (errors, "q", "invalid", "Must be UTF-8 text");
      else if (g_utf8_strlen (q, -1) > SAN_PORTALD_MAX_QUERY_CHARS)
        san_portald_add_field_error (errors, "q", "too_long", "Must be at most 100 characters");
      else
        filter.number_query = q;
    }
  if (limit != NULL)
    san_portald_parse_limit (limit, &filter.limit, errors);
  if (cursor != NULL)
    {
      gint64 after_id = 0;

      /* the cursor names the last invoice of the previous page */
      if (san_portald_parse_cursor (cursor, &after_id) &&
          !san_portald_billing_db_get_invoice (db, contract_id, after_id, &after, &error))
        {
          san_portald_send_internal_error (req, error);
          return;
        }
      if (after == NULL)
        san_portald_add_field_error (errors, "cursor", "invalid",
                                     "Not a cursor this server gave: start again from the first page");
      else
        {
          filter.after_id = after->id;
          filter.after_due_date = after->due_date;
        }
    }
  if (errors->len > 0)
    {
      san_portald_send_validation_failed (req, errors);
      return;
    }

  if (!catch_up (req, &error) ||
      !san_portald_billing_db_list_invoices (db, contract_id, &filter, &invoices, &total, &error) ||
      !san_portald_billing_db_open_totals (db, contract_id, today, &open_cents, &overdue_cents, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }

  n = MIN (invoices->len, filter.limit);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    build_invoice (builder, invoices->pdata[i], today);
  json_builder_end_array (builder);
  san_portald_json_add_int (builder, "total", total);
  json_builder_set_member_name (builder, "next_cursor");
  if (invoices->len > filter.limit)
    {
      const SanPortaldInvoice *last = invoices->pdata[n - 1];
      g_autofree char *next = san_portald_make_cursor (last->id);

      json_builder_add_string_value (builder, next);
    }
  else
    json_builder_add_null_value (builder);
  san_portald_json_add_int (builder, "open_total_cents", open_cents);
  san_portald_json_add_int (builder, "overdue_total_cents", overdue_cents);
  json_builder_end_object (builder);
  san_portald_send_json (req, SOUP_STATUS_OK, builder);
}

void
san_portald_handle_invoice (SanPortaldRequest *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(SanPortaldInvoice) invoice = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = today_iso (req);

  if (!catch_up (req, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  if (!load_invoice (req, &invoice))
    return;
  build_invoice (builder, invoice, today);
  san_portald_send_json (req, SOUP_STATUS_OK, builder);
}

/* Boleto */

typedef struct
{
  char   *barcode;
  char   *linha;
  char   *nosso_numero;
  char   *due_date;
  gint64  amount_cents;
  char   *payer;
  char   *payer_document;
} Boleto;

static void
boleto_clear (Boleto *boleto)
{
  g_clear_pointer (&boleto->barcode, g_free);
  g_clear_pointer (&boleto->linha, g_free);
  g_clear_pointer (&boleto->nosso_numero, g_free);
  g_clear_pointer (&boleto->due_date, g_free);
  g_clear_pointer (&boleto->payer, g_free);
  g_clear_pointer (&boleto->payer_document, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Boleto, boleto_clear)

/* The boleto of @invoice, or of its 2ª via @copy (the @n_copies-th).
 * Campo livre for Banco do Brasil with a 7-digit convênio: "000000",
 * convênio, a 10-digit complement (the invoice id and the 2ª via's number),
 * carteira. */
static gboolean
make_boleto (SanPortaldDb                *db,
             const SanPortaldInvoice     *invoice,
             const SanPortaldSecondCopy  *copy,
             gint64                       n_copies,
             Boleto                      *out_boleto,
             GError                     **error)
{
  g_autofree char *complement = g_strdup_printf ("%08" G_GINT64_FORMAT "%02" G_GINT64_FORMAT,
                                                 invoice->id % 100000000, n_copies % 100);
  g_autofree char *free_field = g_strconcat ("000000", BOLETO_CONVENIO, complement, BOLETO_CARTEIRA, NULL);
  g_autofree char *name = NULL;
  g_autofree char *document = NULL;
  GDate due;

  out_boleto->due_date = g_strdup (copy != NULL ? copy->due_date : invoice->due_date);
  out_boleto->amount_cents = copy != NULL ? copy->amount_cents : invoice->total_cents;
  if (!san_date_parse_iso (out_boleto->due_date, &due))
    {
      g_set_error (error, SAN_PORTALD_ERROR, SAN_PORTALD_ERROR_INVALID,
                   "Invoice %" G_GINT64_FORMAT " has a bad due date", invoice->id);
      return FALSE;
    }
  out_boleto->barcode = san_boleto_code_build_barcode (BANK_CODE, out_boleto->amount_cents, &due,
                                                       free_field, error);
  if (out_boleto->barcode == NULL)
    return FALSE;
  out_boleto->linha = san_boleto_code_barcode_to_linha (out_boleto->barcode, error);
  if (out_boleto->linha == NULL)
    return FALSE;
  out_boleto->nosso_numero = g_strconcat (BOLETO_CONVENIO, complement, NULL);

  if (!san_portald_billing_db_get_contract (db, invoice->contract_id, &name, &document, error))
    return FALSE;
  out_boleto->payer = g_steal_pointer (&name);
  out_boleto->payer_document = san_document_format (document);
  if (out_boleto->payer_document == NULL)
    out_boleto->payer_document = g_steal_pointer (&document);
  return TRUE;
}

static void
build_boleto (JsonBuilder                 *builder,
              const SanPortaldInvoice     *invoice,
              const SanPortaldSecondCopy  *copy,
              const Boleto                *boleto)
{
  json_builder_begin_object (builder);
  san_portald_json_add_id (builder, "invoice_id", invoice->id);
  san_portald_json_add_string (builder, "bank_code", BANK_CODE);
  san_portald_json_add_string (builder, "bank_name", BANK_NAME);
  san_portald_json_add_string (builder, "barcode", boleto->barcode);
  san_portald_json_add_string (builder, "linha_digitavel", boleto->linha);
  san_portald_json_add_string (builder, "due_date", boleto->due_date);
  san_portald_json_add_int (builder, "amount_cents", boleto->amount_cents);
  san_portald_json_add_string (builder, "beneficiary", BENEFICIARY);
  san_portald_json_add_string (builder, "beneficiary_document", BENEFICIARY_DOCUMENT);
  san_portald_json_add_string (builder, "payer", boleto->payer);
  san_portald_json_add_string (builder, "payer_document", boleto->payer_document);
  json_builder_set_member_name (builder, "second_copy");
  if (copy != NULL)
    {
      json_builder_begin_object (builder);
      san_portald_json_add_string (builder, "original_due_date", copy->original_due_date);
      san_portald_json_add_int (builder, "original_amount_cents", copy->original_amount_cents);
      san_portald_json_add_int (builder, "fine_cents", copy->fine_cents);
      san_portald_json_add_int (builder, "interest_cents", copy->interest_cents);
      san_portald_json_add_int (builder, "days_late", copy->days_late);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

void
san_portald_handle_boleto (SanPortaldRequest *req)
{
  SanPortaldDb *db = san_portald_request_get_db (req);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(SanPortaldInvoice) invoice = NULL;
  g_autoptr(SanPortaldSecondCopy) copy = NULL;
  g_auto(Boleto) boleto = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 n_copies = 0;

  if (!catch_up (req, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  if (!load_invoice (req, &invoice))
    return;
  if (!g_str_equal (invoice->status, "unpaid"))
    {
      send_invalid_state (req, "Only an unpaid invoice has a boleto");
      return;
    }
  if (!san_portald_billing_db_latest_second_copy (db, invoice->id, &copy, &n_copies, &error) ||
      !make_boleto (db, invoice, copy, n_copies, &boleto, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  build_boleto (builder, invoice, copy, &boleto);
  san_portald_send_json (req, SOUP_STATUS_OK, builder);
}

void
san_portald_handle_boleto_second_copy (SanPortaldRequest *req)
{
  SanPortaldDb *db = san_portald_request_get_db (req);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(SanPortaldInvoice) invoice = NULL;
  g_autoptr(SanPortaldSecondCopy) copy = NULL;
  g_autoptr(SanPortaldSecondCopy) previous = NULL;
  g_auto(Boleto) boleto = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *today_text = today_iso (req);
  gint64 n_copies = 0;
  GDate today;
  GDate original;
  GDate new_due;

  if (!catch_up (req, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  if (!load_invoice (req, &invoice) || !accept_empty_body (req))
    return;
  if (!invoice_is_overdue (invoice, today_text))
    {
      send_invalid_state (req, "A 2ª via is only for an overdue unpaid invoice");
      return;
    }

  san_portald_request_get_today (req, &today);
  new_due = today;
  g_date_add_days (&new_due, SECOND_COPY_DAYS);
  if (!san_date_parse_iso (invoice->due_date, &original))
    {
      g_set_error (&error, SAN_PORTALD_ERROR, SAN_PORTALD_ERROR_INVALID, "An invoice has a bad due date");
      san_portald_send_internal_error (req, error);
      return;
    }

  /* 2% fine and 1% a month pro rata, on the original amount, rounded half up */
  copy = g_new0 (SanPortaldSecondCopy, 1);
  copy->due_date = san_date_to_iso (&new_due);
  copy->original_due_date = g_strdup (invoice->due_date);
  copy->original_amount_cents = invoice->total_cents;
  copy->days_late = (gint64) g_date_get_julian (&new_due) - (gint64) g_date_get_julian (&original);
  copy->fine_cents = (invoice->total_cents * 2 + 50) / 100;
  copy->interest_cents = (invoice->total_cents * copy->days_late + 1500) / 3000;
  copy->amount_cents = invoice->total_cents + copy->fine_cents + copy->interest_cents;
  copy->created_at = ms_to_rfc3339 (san_portald_request_clock_ms (req));

  if (!san_portald_db_begin (db, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  if ((copy->id = san_portald_billing_db_add_second_copy (db, invoice->id, copy, &error)) == 0 ||
      !san_portald_billing_db_latest_second_copy (db, invoice->id, &previous, &n_copies, &error) ||
      !make_boleto (db, invoice, copy, n_copies, &boleto, &error) ||
      !san_portald_db_commit (db, &error))
    {
      san_portald_db_rollback (db);
      san_portald_send_internal_error (req, error);
      return;
    }
  build_boleto (builder, invoice, copy, &boleto);
  san_portald_send_json (req, SOUP_STATUS_CREATED, builder);
}

/* The PDF */

void
san_portald_handle_invoice_pdf (SanPortaldRequest *req)
{
  SanPortaldDb *db = san_portald_request_get_db (req);
  g_autoptr(SanPortaldInvoice) invoice = NULL;
  g_autoptr(SanPortaldSecondCopy) copy = NULL;
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (SanPortaldPdfItem));
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = today_iso (req);
  g_autofree char *name = NULL;
  g_autofree char *document = NULL;
  g_autofree char *formatted = NULL;
  g_autofree char *filename = NULL;
  g_auto(Boleto) boleto = { 0 };
  SanPortaldPdfInvoice page = { 0 };
  SanPortaldPdfBoleto boleto_page = { 0 };
  gboolean with_boleto;
  gint64 n_copies = 0;

  if (!catch_up (req, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  if (!load_invoice (req, &invoice))
    return;
  if (!san_portald_billing_db_get_contract (db, invoice->contract_id, &name, &document, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  formatted = san_document_format (document);

  for (guint i = 0; i < invoice->items->len; i++)
    {
      const SanPortaldInvoiceItem *item = &g_array_index (invoice->items, SanPortaldInvoiceItem, i);
      SanPortaldPdfItem line = { item->description, item->amount_cents };

      g_array_append_val (items, line);
    }
  page.number = invoice->number;
  page.status = invoice->status;
  page.overdue = invoice_is_overdue (invoice, today);
  page.issue_date = invoice->issue_date;
  page.due_date = invoice->due_date;
  page.total_cents = invoice->total_cents;
  page.payment_method = invoice->payment_method;
  page.paid_at = invoice->paid_at;
  page.paid_with = invoice->paid_with;
  page.customer = name;
  page.customer_document = formatted != NULL ? formatted : document;
  page.items = (const SanPortaldPdfItem *) items->data;
  page.n_items = items->len;

  with_boleto = g_str_equal (invoice->status, "unpaid") && g_str_equal (invoice->payment_method, "boleto");
  if (with_boleto)
    {
      if (!san_portald_billing_db_latest_second_copy (db, invoice->id, &copy, &n_copies, &error) ||
          !make_boleto (db, invoice, copy, n_copies, &boleto, &error))
        {
          san_portald_send_internal_error (req, error);
          return;
        }
      boleto_page.bank_code = BANK_CODE;
      boleto_page.bank_name = BANK_NAME;
      boleto_page.barcode = boleto.barcode;
      boleto_page.linha_digitavel = boleto.linha;
      boleto_page.due_date = boleto.due_date;
      boleto_page.amount_cents = boleto.amount_cents;
      boleto_page.beneficiary = BENEFICIARY;
      boleto_page.beneficiary_document = BENEFICIARY_DOCUMENT;
      boleto_page.payer = boleto.payer;
      boleto_page.payer_document = boleto.payer_document;
      boleto_page.nosso_numero = boleto.nosso_numero;
      boleto_page.document_number = invoice->number;
      if (copy != NULL)
        {
          boleto_page.original_due_date = copy->original_due_date;
          boleto_page.original_amount_cents = copy->original_amount_cents;
          boleto_page.fine_cents = copy->fine_cents;
          boleto_page.interest_cents = copy->interest_cents;
          boleto_page.days_late = copy->days_late;
        }
    }

  pdf = san_portald_pdf_render_invoice (&page, with_boleto ? &boleto_page : NULL, &error);
  if (pdf == NULL)
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  filename = g_strdup_printf ("fatura-%s.pdf", invoice->number);
  san_portald_send_bytes (req, SOUP_STATUS_OK, "application/pdf", filename, pdf);
}

/* PIX */

static const char *
pix_status (const SanPortaldPixCharge *charge,
            gint64                     now_ms)
{
  if (g_str_equal (charge->status, "active") && now_ms >= charge->expires_ms)
    return "expired";
  return charge->status;
}

static void
build_pix (JsonBuilder               *builder,
           const SanPortaldPixCharge *charge,
           gint64                     now_ms)
{
  json_builder_begin_object (builder);
  san_portald_json_add_id (builder, "invoice_id", charge->invoice_id);
  san_portald_json_add_string (builder, "txid", charge->txid);
  san_portald_json_add_string (builder, "brcode", charge->brcode);
  san_portald_json_add_int (builder, "amount_cents", charge->amount_cents);
  san_portald_json_add_string (builder, "key", PIX_KEY);
  san_portald_json_add_string (builder, "merchant_name", PIX_MERCHANT_NAME);
  san_portald_json_add_string (builder, "merchant_city", PIX_MERCHANT_CITY);
  add_instant (builder, "created_at", charge->created_ms);
  add_instant (builder, "expires_at", charge->expires_ms);
  san_portald_json_add_string (builder, "status", pix_status (charge, now_ms));
  json_builder_end_object (builder);
}

/* "SAN" + the invoice id + random letters and digits (no 0/O, 1/I), 25 in all */
static char *
new_txid (gint64 invoice_id)
{
  static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  GString *txid = g_string_new ("SAN");

  g_string_append_printf (txid, "%" G_GINT64_FORMAT, invoice_id % G_GINT64_CONSTANT (10000000000));
  while (txid->len < PIX_TXID_LENGTH)
    g_string_append_c (txid, alphabet[randombytes_uniform (sizeof alphabet - 1)]);
  return g_string_free (txid, FALSE);
}

/* What is due on an unpaid invoice: its total, or its latest 2ª via's amount */
static gboolean
payable_amount (SanPortaldDb             *db,
                const SanPortaldInvoice  *invoice,
                gint64                   *out_cents,
                GError                  **error)
{
  g_autoptr(SanPortaldSecondCopy) copy = NULL;
  gint64 n_copies = 0;

  if (!san_portald_billing_db_latest_second_copy (db, invoice->id, &copy, &n_copies, error))
    return FALSE;
  *out_cents = copy != NULL ? copy->amount_cents : invoice->total_cents;
  return TRUE;
}

void
san_portald_handle_pix (SanPortaldRequest *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(SanPortaldInvoice) invoice = NULL;
  g_autoptr(SanPortaldPixCharge) charge = NULL;
  g_autoptr(GError) error = NULL;

  if (!catch_up (req, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  if (!load_invoice (req, &invoice))
    return;
  if (!san_portald_billing_db_latest_pix (san_portald_request_get_db (req), invoice->id, &charge, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  if (charge == NULL)
    {
      san_portald_send_problem (req, SOUP_STATUS_NOT_FOUND, "not_found",
                                "This invoice has no PIX charge");
      return;
    }
  build_pix (builder, charge, san_portald_request_clock_ms (req));
  san_portald_send_json (req, SOUP_STATUS_OK, builder);
}

void
san_portald_handle_pix_create (SanPortaldRequest *req)
{
  SanPortaldDb *db = san_portald_request_get_db (req);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(SanPortaldInvoice) invoice = NULL;
  g_autoptr(SanPortaldPixCharge) charge = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  gint64 now = san_portald_request_clock_ms (req);
  gint64 amount = 0;

  if (!catch_up (req, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  if (!load_invoice (req, &invoice) || !accept_empty_body (req))
    return;
  if (!g_str_equal (invoice->status, "unpaid"))
    {
      send_invalid_state (req, "Only an unpaid invoice can be paid by PIX");
      return;
    }
  if (!payable_amount (db, invoice, &amount, &error) ||
      !san_portald_billing_db_latest_pix (db, invoice->id, &charge, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }

  /* the charge still open is the one to pay */
  if (charge != NULL && g_str_equal (pix_status (charge, now), "active") && charge->amount_cents == amount)
    {
      build_pix (builder, charge, now);
      san_portald_send_json (req, SOUP_STATUS_OK, builder);
      return;
    }

  g_clear_pointer (&charge, san_portald_pix_charge_free);
  charge = g_new0 (SanPortaldPixCharge, 1);
  charge->invoice_id = invoice->id;
  charge->txid = new_txid (invoice->id);
  charge->amount_cents = amount;
  charge->created_ms = now;
  charge->expires_ms = now + PIX_TTL_MS;
  charge->status = g_strdup ("active");
  description = g_strdup_printf ("Fatura %s", invoice->number);
  charge->brcode = san_pix_code_build (PIX_KEY, PIX_MERCHANT_NAME, PIX_MERCHANT_CITY, charge->txid,
                                       amount, description);
  if (charge->brcode == NULL)
    {
      g_set_error (&error, SAN_PORTALD_ERROR, SAN_PORTALD_ERROR_FAILED, "Could not build a BR Code");
      san_portald_send_internal_error (req, error);
      return;
    }

  if (!san_portald_db_begin (db, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  /* one open charge per invoice: an older one (for another amount) ends */
  if (!san_portald_billing_db_void_pix (db, invoice->id, &error) ||
      (charge->id = san_portald_billing_db_add_pix (db, charge, &error)) == 0 ||
      !san_portald_db_commit (db, &error))
    {
      san_portald_db_rollback (db);
      san_portald_send_internal_error (req, error);
      return;
    }
  build_pix (builder, charge, now);
  san_portald_send_json (req, SOUP_STATUS_CREATED, builder);
}

void
san_portald_handle_sim_pix_settle (SanPortaldRequest *req)
{
  SanPortaldDb *db = san_portald_request_get_db (req);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(SanPortaldPixCharge) charge = NULL;
  g_autoptr(GError) error = NULL;
  const char *txid = san_portald_request_get_param (req, "txid");
  gint64 now = san_portald_request_clock_ms (req);
  gboolean settled = FALSE;
  gboolean paid = FALSE;

  if (!san_portald_billing_db_find_pix (db, txid, &charge, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  if (charge == NULL)
    {
      san_portald_send_problem (req, SOUP_STATUS_NOT_FOUND, "not_found", "There is no PIX charge with this txid");
      return;
    }
  if (!g_str_equal (pix_status (charge, now), "active"))
    {
      send_invalid_state (req, g_str_equal (charge->status, "settled")
                                 ? "This PIX charge is already settled"
                                 : "This PIX charge has expired");
      return;
    }

  if (!san_portald_db_begin (db, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  if (!san_portald_billing_db_settle_pix (db, charge->id, now, &settled, &error) ||
      (settled && !san_portald_billing_mark_paid (db, charge->invoice_id, "pix", now, &paid, &error)) ||
      (paid && !notify_paid (req, charge->invoice_id, &error)))
    {
      san_portald_db_rollback (db);
      san_portald_send_internal_error (req, error);
      return;
    }
  if (!settled || !paid)
    {
      san_portald_db_rollback (db);
      send_invalid_state (req, "The invoice of this PIX charge can no longer be paid");
      return;
    }
  if (!san_portald_db_commit (db, &error))
    {
      san_portald_db_rollback (db);
      san_portald_send_internal_error (req, error);
      return;
    }

  g_free (charge->status);
  charge->status = g_strdup ("settled");
  charge->settled_ms = now;
  build_pix (builder, charge, now);
  san_portald_send_json (req, SOUP_STATUS_OK, builder);
}

/* Card data in a request */

static void
wipe_string (const char *text)
{
  if (text != NULL)
    sodium_memzero ((char *) text, strlen (text));
}

/* The request body held the card number and CVV: wipe it where libsoup keeps it */
static void
wipe_request_body (SanPortaldRequest *req)
{
  SoupMessageBody *body = soup_server_message_get_request_body (san_portald_request_get_message (req));

  if (body->data != NULL && body->length > 0)
    sodium_memzero ((char *) body->data, (gsize) body->length);
}

/* Wipes a string member of the parsed body (the number, the CVV) in place */
static void
wipe_member (JsonObject *object,
             const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    wipe_string (json_node_get_string (node));
}

/* A required whole number member, or FALSE with a field error */
static gboolean
read_int_member (JsonObject *object,
                 const char *field,
                 gint64      min,
                 gint64      max,
                 gint64     *out_value,
                 GArray     *errors)
{
  JsonNode *node = json_object_get_member (object, field);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      san_portald_add_field_error (errors, field, "required", "This field is required");
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < min || json_node_get_int (node) > max)
    {
      san_portald_add_field_error (errors, field, "invalid",
                                   g_str_equal (field, "exp_month") ? "Must be a month from 1 to 12"
                                                                    : "Must be a year like 2030");
      return FALSE;
    }
  *out_value = json_node_get_int (node);
  return TRUE;
}

static const char *
issuer_answer_for (const char *digits)
{
  if (g_str_equal (digits, TEST_CARD_DECLINED))
    return "decline";
  if (g_str_equal (digits, TEST_CARD_INSUFFICIENT_FUNDS))
    return "insufficient_funds";
  return "approve";
}

/* Reads and checks {"number", "holder", "exp_month", "exp_year", "cvv"} into
 * @out_card (without id, contract or created_at), adding field errors. The
 * number and CVV are wiped from @object and the request body on return. */
static void
read_card (SanPortaldRequest *req,
           JsonObject        *object,
           GArray            *errors,
           SanPortaldCard    *out_card)
{
  JsonNode *number_node = json_object_get_member (object, "number");
  JsonNode *cvv_node = json_object_get_member (object, "cvv");
  JsonNode *holder_node = json_object_get_member (object, "holder");
  g_autofree char *digits = NULL;
  SanCardBrand brand = SAN_CARD_BRAND_UNKNOWN;
  gboolean number_ok = FALSE;
  gint64 month = 0;
  gint64 year = 0;
  gboolean month_ok;
  gboolean year_ok;
  GDate today;

  san_portald_request_get_today (req, &today);

  /* the number */
  if (number_node == NULL || JSON_NODE_HOLDS_NULL (number_node))
    san_portald_add_field_error (errors, "number", "required", "This field is required");
  else if (!JSON_NODE_HOLDS_VALUE (number_node) || json_node_get_value_type (number_node) != G_TYPE_STRING)
    san_portald_add_field_error (errors, "number", "invalid", "Must be the card number as a string");
  else if ((digits = san_card_number_normalize (json_node_get_string (number_node))) == NULL ||
           !san_card_number_validate (digits, &brand, NULL))
    san_portald_add_field_error (errors, "number", "invalid",
                                 "Not a valid card number (digits, length, check digit, known brand)");
  else
    number_ok = TRUE;

  /* the holder, as printed on the card */
  if (holder_node == NULL || JSON_NODE_HOLDS_NULL (holder_node))
    san_portald_add_field_error (errors, "holder", "required", "This field is required");
  else if (!JSON_NODE_HOLDS_VALUE (holder_node) || json_node_get_value_type (holder_node) != G_TYPE_STRING)
    san_portald_add_field_error (errors, "holder", "wrong_type", "This field must be a string");
  else
    {
      g_autofree char *holder = g_strstrip (g_strdup (json_node_get_string (holder_node)));

      if (holder[0] == '\0')
        san_portald_add_field_error (errors, "holder", "required", "This field must not be empty");
      else if (g_utf8_strlen (holder, -1) > MAX_HOLDER_CHARS)
        san_portald_add_field_error (errors, "holder", "too_long", "Must be at most 64 characters");
      else
        out_card->holder = g_steal_pointer (&holder);
    }

  /* the expiry */
  month_ok = read_int_member (object, "exp_month", 1, 12, &month, errors);
  year_ok = read_int_member (object, "exp_year", 1000, 9999, &year, errors);
  if (month_ok && year_ok)
    {
      switch (san_card_expiry_check ((guint) month, (guint) year, &today))
        {
        case SAN_CARD_EXPIRY_OK:
          break;
        case SAN_CARD_EXPIRY_INVALID_MONTH:
          san_portald_add_field_error (errors, "exp_month", "invalid", "Must be a month from 1 to 12");
          break;
        case SAN_CARD_EXPIRY_INVALID_YEAR:
          san_portald_add_field_error (errors, "exp_year", "invalid", "Must be a year like 2030");
          break;
        case SAN_CARD_EXPIRY_EXPIRED:
        default:
          if (year < g_date_get_year (&today))
            san_portald_add_field_error (errors, "exp_year", "expired", "The card has expired");
          else
            san_portald_add_field_error (errors, "exp_month", "expired", "The card has expired");
          break;
        }
    }
  else if (year_ok && year < g_date_get_year (&today))
    san_portald_add_field_error (errors, "exp_year", "expired", "The card has expired");

  /* the CVV: checked, never kept */
  if (cvv_node == NULL || JSON_NODE_HOLDS_NULL (cvv_node))
    san_portald_add_field_error (errors, "cvv", "required", "This field is required");
  else if (!JSON_NODE_HOLDS_VALUE (cvv_node) || json_node_get_value_type (cvv_node) != G_TYPE_STRING ||
           !san_card_cvv_validate (json_node_get_string (cvv_node), brand, NULL))
    san_portald_add_field_error (errors, "cvv", "invalid",
                                 brand == SAN_CARD_BRAND_AMEX ? "Must be 4 digits" : "Must be 3 digits");

  if (number_ok)
    {
      gsize length = strlen (digits);

      out_card->brand = g_strdup (san_card_brand_to_wire (brand));
      out_card->last4 = g_strdup (digits + length - 4);
      out_card->issuer_answer = g_strdup (issuer_answer_for (digits));
    }
  out_card->exp_month = month;
  out_card->exp_year = year;

  if (digits != NULL)
    wipe_string (digits);
  wipe_member (object, "number");
  wipe_member (object, "cvv");
  wipe_request_body (req);
}

static void
build_card (JsonBuilder          *builder,
            const SanPortaldCard *card)
{
  json_builder_begin_object (builder);
  san_portald_json_add_id (builder, "id", card->id);
  san_portald_json_add_string (builder, "brand", card->brand);
  san_portald_json_add_string (builder, "last4", card->last4);
  san_portald_json_add_int (builder, "exp_month", card->exp_month);
  san_portald_json_add_int (builder, "exp_year", card->exp_year);
  san_portald_json_add_string (builder, "holder", card->holder);
  san_portald_json_add_string (builder, "created_at", card->created_at);
  json_builder_end_object (builder);
}

void
san_portald_handle_card_token_create (SanPortaldRequest *req)
{
  SanPortaldDb *db = san_portald_request_get_db (req);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GArray) errors = g_array_new (FALSE, FALSE, sizeof (SanPortaldFieldError));
  g_autoptr(SanPortaldCard) card = g_new0 (SanPortaldCard, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *token = NULL;
  guint8 hash[SAN_PORTALD_TOKEN_HASH_SIZE];
  gint64 now = san_portald_request_clock_ms (req);
  JsonObject *object;

  object = san_portald_read_json_object (req, &parser);
  if (object == NULL)
    {
      wipe_request_body (req);
      return;
    }
  read_card (req, object, errors, card);
  if (errors->len > 0)
    {
      san_portald_send_validation_failed (req, errors);
      return;
    }

  card->contract_id = san_portald_request_get_contract_id (req);
  secret = san_portald_token_new (hash);
  token = g_strconcat (CARD_TOKEN_PREFIX, secret, NULL);
  if (!san_portald_db_begin (db, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  if (!san_portald_billing_db_add_card_token (db, hash, card, now, now + CARD_TOKEN_TTL_MS, &error) ||
      !san_portald_db_commit (db, &error))
    {
      san_portald_db_rollback (db);
      san_portald_send_internal_error (req, error);
      return;
    }

  json_builder_begin_object (builder);
  san_portald_json_add_string (builder, "token", token);
  san_portald_json_add_string (builder, "brand", card->brand);
  san_portald_json_add_string (builder, "last4", card->last4);
  san_portald_json_add_int (builder, "exp_month", card->exp_month);
  san_portald_json_add_int (builder, "exp_year", card->exp_year);
  san_portald_json_add_string (builder, "holder", card->holder);
  add_instant (builder, "expires_at", now + CARD_TOKEN_TTL_MS);
  json_builder_end_object (builder);
  san_portald_send_json (req, SOUP_STATUS_CREATED, builder);
  wipe_string (secret);
  wipe_string (token);
}

void
san_portald_handle_cards (SanPortaldRequest *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GError) error = NULL;

  if (!san_portald_billing_db_list_cards (san_portald_request_get_db (req),
                                          san_portald_request_get_contract_id (req), &cards, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < cards->len; i++)
    build_card (builder, cards->pdata[i]);
  json_builder_end_array (builder);
  san_portald_json_add_int (builder, "total", cards->len);
  san_portald_json_add_string (builder, "next_cursor", NULL);
  json_builder_end_object (builder);
  san_portald_send_json (req, SOUP_STATUS_OK, builder);
}

void
san_portald_handle_card_create (SanPortaldRequest *req)
{
  SanPortaldDb *db = san_portald_request_get_db (req);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GArray) errors = g_array_new (FALSE, FALSE, sizeof (SanPortaldFieldError));
  g_autoptr(SanPortaldCard) card = g_new0 (SanPortaldCard, 1);
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  object = san_portald_read_json_object (req, &parser);
  if (object == NULL)
    {
      wipe_request_body (req);
      return;
    }
  read_card (req, object, errors, card);
  if (errors->len > 0)
    {
      san_portald_send_validation_failed (req, errors);
      return;
    }

  card->contract_id = san_portald_request_get_contract_id (req);
  card->created_at = ms_to_rfc3339 (san_portald_request_clock_ms (req));
  if (!san_portald_db_begin (db, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  if ((card->id = san_portald_billing_db_add_card (db, card, &error)) == 0 ||
      !san_portald_db_commit (db, &error))
    {
      san_portald_db_rollback (db);
      san_portald_send_internal_error (req, error);
      return;
    }
  build_card (builder, card);
  san_portald_send_json (req, SOUP_STATUS_CREATED, builder);
}

void
san_portald_handle_card_delete (SanPortaldRequest *req)
{
  SanPortaldDb *db = san_portald_request_get_db (req);
  g_autoptr(GError) error = NULL;
  gboolean deleted = FALSE;
  gint64 id;

  if (!san_portald_request_get_id_param (req, "card", &id))
    {
      san_portald_send_problem (req, SOUP_STATUS_NOT_FOUND, "not_found", "There is no such card in this contract");
      return;
    }
  if (!san_portald_db_begin (db, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  if (!san_portald_billing_db_delete_card (db, san_portald_request_get_contract_id (req), id,
                                           &deleted, &error) ||
      !san_portald_db_commit (db, &error))
    {
      san_portald_db_rollback (db);
      san_portald_send_internal_error (req, error);
      return;
    }
  if (!deleted)
    {
      san_portald_send_problem (req, SOUP_STATUS_NOT_FOUND, "not_found", "There is no such card in this contract");
      return;
    }
  san_portald_send_no_content (req);
}

/* Payments */

static gboolean
idempotency_key_valid (const char *key)
{
  gsize length = strlen (key);

  if (length == 0 || length > MAX_IDEMPOTENCY_KEY)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (key[i] < 0x20 || key[i] > 0x7e)
      return FALSE;
  return TRUE;
}

/* What a payment request asks, for the idempotency check: the invoice and
 * the body's meaning (not its spelling) */
static void
hash_payment_request (gint64      invoice_id,
                      const char *method,
                      const char *card_id,
                      const char *card_token,
                      guint8      out_hash[SAN_PORTALD_REQUEST_HASH_SIZE])
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, invoice_id);
  gsize length = SAN_PORTALD_REQUEST_HASH_SIZE;
  const char *parts[] = { id, method, card_id != NULL ? card_id : "", card_token != NULL ? card_token : "" };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    g_checksum_update (checksum, (const guchar *) parts[i], (gssize) strlen (parts[i]) + 1);
  g_checksum_get_digest (checksum, out_hash, &length);
}

static void
send_stored_answer (SanPortaldRequest                *req,
                    const SanPortaldIdempotentAnswer *answer)
{
  SoupServerMessage *msg = san_portald_request_get_message (req);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  soup_server_message_set_status (msg, answer->status, NULL);
  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  soup_message_headers_replace (headers, "Idempotent-Replayed", "true");
  soup_server_message_set_response (msg, answer->content_type, SOUP_MEMORY_COPY,
                                    answer->body, strlen (answer->body));
}

/* Keeps the answer just set on the message under @key */
static gboolean
remember_answer (SanPortaldRequest  *req,
                 const char         *key,
                 const guint8       *request_hash,
                 GError            **error)
{
  SoupServerMessage *msg = san_portald_request_get_message (req);
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_response_body (msg));
  const char *type = soup_message_headers_get_content_type (soup_server_message_get_response_headers (msg), NULL);
  g_autoptr(SanPortaldIdempotentAnswer) answer = g_new0 (SanPortaldIdempotentAnswer, 1);
  gsize length;
  const char *data = g_bytes_get_data (body, &length);

  memcpy (answer->request_hash, request_hash, SAN_PORTALD_REQUEST_HASH_SIZE);
  answer->status = soup_server_message_get_status (msg);
  answer->content_type = g_strdup (type != NULL ? type : "application/json");
  answer->body = g_strndup (data != NULL ? data : "", length);
  return san_portald_billing_db_add_idempotent (san_portald_request_get_db (req),
                                                san_portald_request_get_contract_id (req), key, answer,
                                                san_portald_now_ms (), error);
}

void
san_portald_handle_payment_create (SanPortaldRequest *req)
{
  SanPortaldDb *db = san_portald_request_get_db (req);
  gint64 contract_id = san_portald_request_get_contract_id (req);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GArray) errors = g_array_new (FALSE, FALSE, sizeof (SanPortaldFieldError));
  g_autoptr(SanPortaldIdempotentAnswer) stored = NULL;
  g_autoptr(SanPortaldInvoice) invoice = NULL;
  g_autoptr(SanPortaldCard) card = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *created_at = NULL;
  const char *key = san_portald_request_get_header (req, "Idempotency-Key");
  const char *method;
  const char *card_id_text;
  const char *card_token;
  guint8 request_hash[SAN_PORTALD_REQUEST_HASH_SIZE];
  guint8 token_hash[SAN_PORTALD_TOKEN_HASH_SIZE];
  gint64 invoice_id = 0;
  gint64 card_id = 0;
  gint64 amount = 0;
  gint64 payment_id;
  gint64 now = san_portald_request_clock_ms (req);
  gboolean paid = FALSE;
  const char *decline = NULL;
  GDate today;
  JsonObject *object;

  if (!san_portald_request_get_id_param (req, "iid", &invoice_id))
    {
      send_invoice_not_found (req);
      return;
    }
  object = san_portald_read_json_object (req, &parser);
  if (object == NULL)
    return;

  /* the request */
  if (key == NULL)
    san_portald_add_field_error (errors, "Idempotency-Key", "required",
                                 "This header is required: a new random value for each payment attempt");
  else if (!idempotency_key_valid (key))
    san_portald_add_field_error (errors, "Idempotency-Key", "invalid",
                                 "Must be 1 to 255 printable ASCII characters");
  method = san_portald_require_string (object, "method", errors);
  if (method != NULL && !g_str_equal (method, "card"))
    san_portald_add_field_error (errors, "method", "invalid",
                                 "Must be card (PIX and boleto have their own routes)");
  card_id_text = san_portald_optional_string (object, "card_id", errors);
  card_token = san_portald_optional_string (object, "card_token", errors);
  if (card_id_text != NULL && card_token != NULL)
    san_portald_add_field_error (errors, "card_token", "invalid", "Give card_id or card_token, not both");
  else if (card_id_text == NULL && card_token == NULL &&
           !json_object_has_member (object, "card_id") && !json_object_has_member (object, "card_token"))
    san_portald_add_field_error (errors, "card_id", "required", "Give card_id or card_token");
  else if (card_id_text != NULL &&
           (!g_ascii_isdigit (card_id_text[0]) ||
            !g_ascii_string_to_signed (card_id_text, 10, 1, G_MAXINT64, &card_id, NULL)))
    san_portald_add_field_error (errors, "card_id", "invalid", "Not a card id");
  else if (card_token != NULL &&
           (!g_str_has_prefix (card_token, CARD_TOKEN_PREFIX) ||
            !san_portald_token_hash (card_token + strlen (CARD_TOKEN_PREFIX), token_hash)))
    san_portald_add_field_error (errors, "card_token", "invalid", "Not a card token");
  if (errors->len > 0)
    {
      san_portald_send_validation_failed (req, errors);
      return;
    }

  /* the same key again: the first answer, if it was the same request */
  hash_payment_request (invoice_id, method, card_id_text, card_token, request_hash);
  if (!san_portald_billing_db_find_idempotent (db, contract_id, key, &stored, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  if (stored != NULL)
    {
      if (sodium_memcmp (stored->request_hash, request_hash, sizeof request_hash) == 0)
        send_stored_answer (req, stored);
      else
        san_portald_send_problem (req, SAN_PORTALD_STATUS_UNPROCESSABLE, "idempotency_key_reused",
                                  "This Idempotency-Key was used for a different request");
      return;
    }

  if (!catch_up (req, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  if (!load_invoice (req, &invoice))
    return;
  if (!g_str_equal (invoice->status, "unpaid"))
    {
      send_invalid_state (req, g_str_equal (invoice->status, "payment_pending")
                                 ? "A bank debit is scheduled for this invoice: cancel it first"
                                 : "Only an unpaid invoice can be paid");
      return;
    }

  if (!san_portald_db_begin (db, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  if (!payable_amount (db, invoice, &amount, &error) ||
      (card_token != NULL &&
       !san_portald_billing_db_use_card_token (db, contract_id, token_hash, now, &card, &error)) ||
      (card_token == NULL &&
       !san_portald_billing_db_get_card (db, contract_id, card_id, &card, &error)))
    {
      san_portald_db_rollback (db);
      san_portald_send_internal_error (req, error);
      return;
    }
  if (card == NULL)
    {
      /* not remembered under the key: nothing was tried */
      san_portald_db_rollback (db);
      if (card_token != NULL)
        san_portald_add_field_error (errors, "card_token", "invalid",
                                     "Unknown, already used or expired card token: tokenize the card again");
      else
        san_portald_add_field_error (errors, "card_id", "invalid", "There is no such card in this contract");
      san_portald_send_validation_failed (req, errors);
      return;
    }

  /* the simulated issuer */
  san_portald_request_get_today (req, &today);
  if (san_card_expiry_check ((guint) card->exp_month, (guint) card->exp_year, &today) != SAN_CARD_EXPIRY_OK)
    decline = "The card has expired";
  else if (g_str_equal (card->issuer_answer, "decline"))
    decline = "The card was declined by the issuer";
  else if (g_str_equal (card->issuer_answer, "insufficient_funds"))
    decline = "Insufficient funds";

  if (decline != NULL)
    san_portald_send_problem (req, SOUP_STATUS_PAYMENT_REQUIRED, "payment_declined", decline);
  else
    {
      created_at = ms_to_rfc3339 (now);
      if ((payment_id = san_portald_billing_db_add_payment (db, invoice->id, amount, card, created_at,
                                                            &error)) == 0 ||
          !san_portald_billing_mark_paid (db, invoice->id, "card", now, &paid, &error) ||
          (paid && !notify_paid (req, invoice->id, &error)))
        {
          san_portald_db_rollback (db);
          san_portald_send_internal_error (req, error);
          return;
        }
      json_builder_begin_object (builder);
      san_portald_json_add_id (builder, "id", payment_id);
      san_portald_json_add_id (builder, "invoice_id", invoice->id);
      san_portald_json_add_string (builder, "method", "card");
      san_portald_json_add_string (builder, "status", "approved");
      san_portald_json_add_int (builder, "amount_cents", amount);
      san_portald_json_add_string (builder, "created_at", created_at);
      json_builder_set_member_name (builder, "card");
      json_builder_begin_object (builder);
      san_portald_json_add_string (builder, "brand", card->brand);
      san_portald_json_add_string (builder, "last4", card->last4);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
      san_portald_send_json (req, SOUP_STATUS_CREATED, builder);
    }

  /* approvals and declines alike are the answer to this key from now on */
  if (!remember_answer (req, key, request_hash, &error) || !san_portald_db_commit (db, &error))
    {
      san_portald_db_rollback (db);
      san_portald_send_internal_error (req, error);
      return;
    }
}

/* The demo seed */

/* Per contract, a year of monthly invoices, newest (k = 0) first */
static const struct
{
  const char *status;
  const char *method;
} demo_months[] = {
  { "unpaid", "boleto" },       /* due in about 18 days */
  { "unpaid", "boleto" },       /* overdue: due 12 days ago */
  { "paid", "pix" },            /* the latest paid one: paid 2 days ago, late */
  { "paid", "card" },
  { "paid", "boleto" },
  { "cancelled", "boleto" },
  { "paid", "bank_debit" },
  { "refunded", "card" },
  { "paid", "pix" },
  { "paid", "card" },
  { "paid", "boleto" },
  { "paid", "bank_debit" },
};

#define DEMO_OVERDUE_DAYS 12
#define DEMO_ISSUE_BEFORE_DUE 10

static char *
format_br_date (const GDate *date)
{
  return g_strdup_printf ("%02u/%02u/%04u", g_date_get_day (date), g_date_get_month (date),
                          g_date_get_year (date));
}

static char *
service_title (const SanPortaldSeedService *service)
{
  if (service->domain[0] != '\0')
    return g_strdup_printf ("%s %s - %s", service->product, service->plan, service->domain);
  return g_strdup_printf ("%s %s", service->product, service->plan);
}

/* The line of @service on the invoice of the period from @issue, or FALSE */
static gboolean
demo_item (const SanPortaldSeedService *service,
           const GDate                 *issue,
           const GDate                 *due,
           SanPortaldInvoiceItem       *out_item)
{
  g_autofree char *issue_text = san_date_to_iso (issue);
  g_autofree char *title = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gboolean annual = g_str_equal (service->billing_cycle, "annual");
  GDate end = *issue;
  GDate next_due;

  if (g_str_equal (service->status, "pending") || strncmp (service->created_at, issue_text, 10) > 0)
    return FALSE;
  if ((g_str_equal (service->status, "cancelled") || g_str_equal (service->status, "terminated")) &&
      strcmp (service->status_since, issue_text) <= 0)
    return FALSE;
  /* annual: twelve instalments at once, in the month of its due date */
  if (annual &&
      (service->next_due_date == NULL || !san_date_parse_iso (service->next_due_date, &next_due) ||
       g_date_get_month (&next_due) != g_date_get_month (due)))
    return FALSE;

  g_date_add_months (&end, annual ? 12 : 1);
  g_date_subtract_days (&end, 1);
  title = service_title (service);
  from = format_br_date (issue);
  to = format_br_date (&end);
  out_item->description = g_strdup_printf ("%s (%s%s a %s)", title, annual ? "anual, " : "", from, to);
  out_item->service_id = service->id;
  out_item->amount_cents = service->price_cents * (annual ? 12 : 1);
  return TRUE;
}

static gboolean
seed_contract (SanPortaldDb                 *db,
               const SanPortaldSeedContract *contract,
               const GDate                  *today,
               guint                        *sequence,
               GError                      **error)
{
  g_autoptr(GArray) services = NULL;
  GDate overdue_due = *today;

  if (!san_portald_billing_db_seed_services (db, contract->id, &services, error))
    return FALSE;

  /* k = 1 is due DEMO_OVERDUE_DAYS ago, the others a month apart */
  g_date_subtract_days (&overdue_due, DEMO_OVERDUE_DAYS);

  /* oldest first, so ids and numbers grow with the dates */
  for (int k = G_N_ELEMENTS (demo_months) - 1; k >= 0; k--)
    {
      g_autoptr(SanPortaldInvoice) invoice = san_portald_invoice_new ();
      GDate due = overdue_due;
      GDate issue;

      if (k == 0)
        g_date_add_months (&due, 1);
      else
        g_date_subtract_months (&due, (guint) k - 1);
      issue = due;
      g_date_subtract_days (&issue, DEMO_ISSUE_BEFORE_DUE);
      /* nothing is issued in the future: the next invoice came out today */
      if (g_date_compare (&issue, today) > 0)
        issue = *today;

      for (guint s = 0; s < services->len; s++)
        {
          SanPortaldInvoiceItem item = { 0 };

          if (demo_item (&g_array_index (services, SanPortaldSeedService, s), &issue, &due, &item))
            {
              g_array_append_val (invoice->items, item);
              invoice->total_cents += item.amount_cents;
            }
        }
      if (invoice->items->len == 0)
        continue;

      invoice->contract_id = contract->id;
      invoice->number = g_strdup_printf ("%04u-%06u", g_date_get_year (&issue), (*sequence)++);
      invoice->status = g_strdup (demo_months[k].status);
      invoice->issue_date = san_date_to_iso (&issue);
      invoice->due_date = san_date_to_iso (&due);
      invoice->payment_method = g_strdup (demo_months[k].method);
      if (g_str_equal (invoice->status, "paid") || g_str_equal (invoice->status, "refunded"))
        {
          GDate paid_on = due;
          g_autofree char *day = NULL;

          if (k == 2)
            {
              paid_on = *today;
              g_date_subtract_days (&paid_on, 2);
            }
          else
            g_date_subtract_days (&paid_on, (guint) (k % 3));
          day = san_date_to_iso (&paid_on);
          invoice->paid_at = g_strconcat (day, "T14:05:00Z", NULL);
          invoice->paid_with = g_strdup (demo_months[k].method);
        }
      if (san_portald_billing_db_add_invoice (db, invoice, error) == 0)
        return FALSE;
    }

  /* Padaria: a prorated upgrade, its bank debit scheduled (by the paymethods seed) */
  if (g_str_equal (contract->name, "Padaria Pão Quente Ltda"))
    {
      g_autoptr(SanPortaldInvoice) invoice = san_portald_invoice_new ();
      GDate issue = *today;
      GDate due = *today;

      g_date_subtract_days (&issue, 5);
      g_date_add_days (&due, 8);
      for (guint s = 0; s < services->len; s++)
        {
          const SanPortaldSeedService *service = &g_array_index (services, SanPortaldSeedService, s);

          if (g_str_equal (service->plan, "Cloud 4 GB"))
            {
              g_autofree char *title = service_title (service);
              SanPortaldInvoiceItem item = {
                .description = g_strdup_printf ("%s (upgrade de plano, pró-rata)", title),
                .service_id = service->id,
                .amount_cents = 6330,
              };

              g_array_append_val (invoice->items, item);
              invoice->total_cents += item.amount_cents;
            }
        }
      if (invoice->items->len > 0)
        {
          invoice->contract_id = contract->id;
          invoice->number = g_strdup_printf ("%04u-%06u", g_date_get_year (&issue), (*sequence)++);
          invoice->status = g_strdup ("payment_pending");
          invoice->issue_date = san_date_to_iso (&issue);
          invoice->due_date = san_date_to_iso (&due);
          invoice->payment_method = g_strdup ("bank_debit");
          if (san_portald_billing_db_add_invoice (db, invoice, error) == 0)
            return FALSE;
        }
    }

  /* Ana's contracts: a stored Visa (4111 1111 1111 1111 when it was tokenized) */
  if (g_str_equal (contract->owner_email, "demo@example.com"))
    {
      g_autofree char *day = san_portald_date_plus_days (today, -200);
      g_autofree char *created_at = g_strconcat (day, "T13:20:00Z", NULL);
      SanPortaldCard card = {
        .contract_id = contract->id,
        .brand = (char *) "visa",
        .last4 = (char *) "1111",
        .exp_month = 12,
        .exp_year = 2030,
        .holder = (char *) "ANA SOUZA",
        .issuer_answer = (char *) "approve",
        .created_at = created_at,
      };

      if (san_portald_billing_db_add_card (db, &card, error) == 0)
        return FALSE;
    }

  return TRUE;
}

gboolean
san_portald_billing_seed_demo (SanPortaldDb  *db,
                               const GDate   *today,
                               GError       **error)
{
  g_autoptr(GArray) contracts = NULL;
  guint sequence = 101;

  if (!san_portald_billing_db_seed_contracts (db, &contracts, error))
    return FALSE;
  for (guint i = 0; i < contracts->len; i++)
    if (!seed_contract (db, &g_array_index (contracts, SanPortaldSeedContract, i), today, &sequence, error))
      return FALSE;
  return TRUE;
}
