/* san-portald-support.c: e-mail history, callback requests ("Nós ligamos
 * para você") and support levels
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * E-mails to customers are in Brazilian Portuguese; problem details in
 * English like the rest of the API.
 */
#define G_LOG_DOMAIN "san-portald"

#include "config.h"

#include <string.h>

#include "san-date.h"
#include "san-money.h"
#include "san-phone.h"
#include "san-portald-json.h"
#include "san-portald-mail.h"
#include "san-portald-request.h"
#include "san-portald-server.h"
#include "san-portald-support.h"
#include "san-portald-support-private.h"

#define MAX_SUBJECT_CHARS 200
/* a callback is asked for today up to this many days ahead */
#define CALLBACK_MAX_DAYS_AHEAD 14
/* business hours for calls, in minutes since midnight (São Paulo) */
#define CALLBACK_OPENS (8 * 60)
#define CALLBACK_CLOSES (20 * 60)
#define CALLBACK_MIN_WINDOW 60

static const char * const email_kinds[] = { "ticket", "callback", "invoice", "account", NULL };

/* Time */

static GTimeZone *
sao_paulo (void)
{
  GTimeZone *zone = g_time_zone_new_identifier ("America/Sao_Paulo");

  return zone != NULL ? zone : g_time_zone_new_offset (-3 * 3600);
}

static char *
ms_to_rfc3339 (gint64 ms)
{
  g_autoptr(GDateTime) instant = g_date_time_new_from_unix_utc (ms / 1000);

  return san_datetime_to_rfc3339 (instant);
}

/* The first instant of @date in São Paulo, RFC 3339 UTC */
static char *
start_of_day (const GDate *date)
{
  g_autoptr(GTimeZone) zone = sao_paulo ();
  g_autoptr(GDateTime) local = g_date_time_new (zone, g_date_get_year (date), g_date_get_month (date),
                                                g_date_get_day (date), 0, 0, 0);
  g_autoptr(GDateTime) utc = g_date_time_to_utc (local);

  return san_datetime_to_rfc3339 (utc);
}

/* "YYYY-MM-DD" at @hour:@minute in São Paulo, in Unix milliseconds */
static gint64
local_ms (const char *date_iso,
          int         hour,
          int         minute)
{
  g_autoptr(GTimeZone) zone = sao_paulo ();
  g_autoptr(GDateTime) local = NULL;
  GDate date;

  if (!san_date_parse_iso (date_iso, &date))
    return 0;
  local = g_date_time_new (zone, g_date_get_year (&date), g_date_get_month (&date),
                           g_date_get_day (&date), hour, minute, 0);
  return g_date_time_to_unix (local) * 1000;
}

static char *
format_br_date (const char *date_iso)
{
  GDate date;

  if (!san_date_parse_iso (date_iso, &date))
    return g_strdup (date_iso);
  return g_strdup_printf ("%02u/%02u/%04u", g_date_get_day (&date), g_date_get_month (&date),
                          g_date_get_year (&date));
}

/* Parameters */

static gboolean
check_date_param (SanPortaldRequest *req,
                  const char        *name,
                  GDate             *out_date,
                  GArray            *errors)
{
  const char *text = san_portald_request_get_query (req, name);

  if (text == NULL)
    return FALSE;
  if (!san_date_parse_iso (text, out_date))
    {
      san_portald_add_field_error (errors, name, "invalid", "Must be a date like 2026-12-31");
      return FALSE;
    }
  return TRUE;
}

static void
add_bad_cursor (GArray *errors)
{
  san_portald_add_field_error (errors, "cursor", "invalid",
                               "Not a cursor this server gave: start again from the first page");
}

/* E-mail history */

void
san_portald_handle_emails (SanPortaldRequest *req)
{
  SanPortaldDb *db = san_portald_request_get_db (req);
  g_autoptr(GArray) errors = g_array_new (FALSE, FALSE, sizeof (SanPortaldFieldError));
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *sent_from = NULL;
  g_autofree char *sent_before = NULL;
  const char *kind = san_portald_request_get_query (req, "kind");
  const char *q = san_portald_request_get_query (req, "q");
  const char *limit = san_portald_request_get_query (req, "limit");
  const char *cursor = san_portald_request_get_query (req, "cursor");
  SanPortaldEmailFilter filter = { NULL, NULL, NULL, NULL, 0, SAN_PORTALD_DEFAULT_LIMIT };
  gboolean bad_cursor = FALSE;
  gboolean has_from;
  gboolean has_to;
  GDate from;
  GDate to;

  if (kind != NULL)
    {
      if (g_strv_contains (email_kinds, kind))
        filter.kind = kind;
      else
        san_portald_add_field_error (errors, "kind", "invalid",
                                     "Must be one of ticket, callback, invoice, account");
    }
  has_from = check_date_param (req, "from", &from, errors);
  has_to = check_date_param (req, "to", &to, errors);
  if (has_from && has_to && g_date_compare (&from, &to) > 0)
    san_portald_add_field_error (errors, "to", "out_of_range", "Must not be before from");
  if (has_from)
    sent_from = start_of_day (&from);
  if (has_to)
    {
      /* inclusive: up to the start of the next day */
      g_date_add_days (&to, 1);
      sent_before = start_of_day (&to);
    }
  filter.sent_from = sent_from;
  filter.sent_before = sent_before;
  if (q != NULL)
    {
      if (!g_utf8_validate (q, -1, NULL))
        san_portald_add_field_error (errors, "q", "invalid", "Must be UTF-8 text");
      else if (g_utf8_strlen (q, -1) > SAN_PORTALD_MAX_QUERY_CHARS)
        san_portald_add_field_error (errors, "q", "too_long", "Must be at most 100 characters");
      else if (q[0] != '\0')
        filter.query = q;
    }
  if (limit != NULL)
    san_portald_parse_limit (limit, &filter.limit, errors);
  if (cursor != NULL && !san_portald_parse_cursor (cursor, &filter.after_id))
    add_bad_cursor (errors);
  if (errors->len > 0)
    {
      san_portald_send_validation_failed (req, errors);
      return;
    }

  if (!san_portald_support_db_build_emails (db, san_portald_request_get_contract_id (req), &filter,
                                            builder, &bad_cursor, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  if (bad_cursor)
    {
      add_bad_cursor (errors);
      san_portald_send_validation_failed (req, errors);
      return;
    }
  san_portald_send_json (req, SOUP_STATUS_OK, builder);
}

void
san_portald_handle_email (SanPortaldRequest *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;
  gboolean found = FALSE;
  gint64 id = 0;

  if (san_portald_request_get_id_param (req, "eid", &id) &&
      !san_portald_support_db_build_email (san_portald_request_get_db (req),
                                           san_portald_request_get_contract_id (req), id,
                                           builder, &found, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  if (!found)
    {
      san_portald_send_problem (req, SOUP_STATUS_NOT_FOUND, "not_found",
                                "There is no such e-mail in this contract");
      return;
    }
  san_portald_send_json (req, SOUP_STATUS_OK, builder);
}

/* Callbacks */

void
san_portald_handle_callbacks (SanPortaldRequest *req)
{
  g_autoptr(GArray) errors = g_array_new (FALSE, FALSE, sizeof (SanPortaldFieldError));
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;
  const char *limit_text = san_portald_request_get_query (req, "limit");
  const char *cursor = san_portald_request_get_query (req, "cursor");
  guint limit = SAN_PORTALD_DEFAULT_LIMIT;
  gint64 after_id = 0;
  gboolean bad_cursor = FALSE;

  if (limit_text != NULL)
    san_portald_parse_limit (limit_text, &limit, errors);
  if (cursor != NULL && !san_portald_parse_cursor (cursor, &after_id))
    add_bad_cursor (errors);
  if (errors->len > 0)
    {
      san_portald_send_validation_failed (req, errors);
      return;
    }
  if (!san_portald_support_db_build_callbacks (san_portald_request_get_db (req),
                                               san_portald_request_get_contract_id (req),
                                               after_id, limit, builder, &bad_cursor, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  if (bad_cursor)
    {
      add_bad_cursor (errors);
      san_portald_send_validation_failed (req, errors);
      return;
    }
  san_portald_send_json (req, SOUP_STATUS_OK, builder);
}

/* "HH:MM" (00:00 to 23:59) in minutes since midnight, or -1 */
static int
parse_hhmm (const char *text)
{
  int hours;
  int minutes;

  if (text == NULL || strlen (text) != 5 || text[2] != ':' ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) ||
      !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[4]))
    return -1;
  hours = (text[0] - '0') * 10 + (text[1] - '0');
  minutes = (text[3] - '0') * 10 + (text[4] - '0');
  if (hours > 23 || minutes > 59)
    return -1;
  return hours * 60 + minutes;
}

static const char *
optional_string_member (JsonObject *object,
                        const char *member,
                        const char *field,
                        GArray     *errors)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      san_portald_add_field_error (errors, field, "invalid", "Must be a string");
      return NULL;
    }
  return json_node_get_string (node);
}

/* The preferred window: a day from today to 14 days ahead, within business
 * hours, at least an hour long */
static void
read_window (JsonObject  *body,
             const GDate *today,
             const char **out_date,
             const char **out_from,
             const char **out_to,
             GArray      *errors)
{
  JsonNode *node = json_object_get_member (body, "preferred_window");
  JsonObject *window;
  const char *date_text;
  const char *from_text;
  const char *to_text;
  GDate date;
  GDate last = *today;
  int from = -1;
  int to = -1;

  *out_date = *out_from = *out_to = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      san_portald_add_field_error (errors, "preferred_window", "required",
                                   "Say a day and a time window for the call");
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      san_portald_add_field_error (errors, "preferred_window", "invalid",
                                   "Must be an object with date, from and to");
      return;
    }
  window = json_node_get_object (node);

  date_text = optional_string_member (window, "date", "preferred_window.date", errors);
  if (date_text == NULL)
    {
      if (!json_object_has_member (window, "date"))
        san_portald_add_field_error (errors, "preferred_window.date", "required", "Must be a date like 2026-12-31");
    }
  else if (!san_date_parse_iso (date_text, &date))
    san_portald_add_field_error (errors, "preferred_window.date", "invalid", "Must be a date like 2026-12-31");
  else
    {
      g_date_add_days (&last, CALLBACK_MAX_DAYS_AHEAD);
      if (g_date_compare (&date, today) < 0 || g_date_compare (&date, &last) > 0)
        san_portald_add_field_error (errors, "preferred_window.date", "out_of_range",
                                     "Must be from today to 14 days ahead");
      else
        *out_date = date_text;
    }

  from_text = optional_string_member (window, "from", "preferred_window.from", errors);
  to_text = optional_string_member (window, "to", "preferred_window.to", errors);
  if (from_text != NULL && (from = parse_hhmm (from_text)) < 0)
    san_portald_add_field_error (errors, "preferred_window.from", "invalid", "Must be a time like 09:00");
  else if (from_text == NULL && !json_object_has_member (window, "from"))
    san_portald_add_field_error (errors, "preferred_window.from", "required", "Must be a time like 09:00");
  if (to_text != NULL && (to = parse_hhmm (to_text)) < 0)
    san_portald_add_field_error (errors, "preferred_window.to", "invalid", "Must be a time like 12:00");
  else if (to_text == NULL && !json_object_has_member (window, "to"))
    san_portald_add_field_error (errors, "preferred_window.to", "required", "Must be a time like 12:00");
  if (from < 0 || to < 0)
    return;

  if (from < CALLBACK_OPENS || from > CALLBACK_CLOSES)
    san_portald_add_field_error (errors, "preferred_window.from", "out_of_range",
                                 "Calls are made from 08:00 to 20:00");
  else if (to < CALLBACK_OPENS || to > CALLBACK_CLOSES)
    san_portald_add_field_error (errors, "preferred_window.to", "out_of_range",
                                 "Calls are made from 08:00 to 20:00");
  else if (to <= from)
    san_portald_add_field_error (errors, "preferred_window.to", "out_of_range", "Must be after from");
  else if (to - from < CALLBACK_MIN_WINDOW)
    san_portald_add_field_error (errors, "preferred_window.to", "too_short",
                                 "The window must be at least an hour long");
  else
    {
      *out_from = from_text;
      *out_to = to_text;
    }
}

static gboolean
mail_callback (SanPortaldDb  *db,
               gint64         contract_id,
               const char    *phone_e164,
               const char    *subject,
               const char    *service_title,
               const char    *date,
               const char    *from,
               const char    *to,
               gint64         sent_ms,
               gboolean       to_spool,
               GError       **error)
{
  g_autofree char *phone = san_phone_format (phone_e164);
  g_autofree char *day = format_br_date (date);
  g_autofree char *service_line = service_title != NULL
                                  ? g_strdup_printf ("Serviço: %s\n", service_title) : g_strdup ("");
  g_autofree char *text = g_strdup_printf (
    "Olá,\n\n"
    "Recebemos seu pedido para que a SAN Internet ligue para você.\n\n"
    "Telefone: %s\n"
    "Assunto: %s\n"
    "%s"
    "Horário preferido: %s, das %s às %s\n\n"
    "Nossa equipe vai ligar dentro desse horário. Você acompanha o pedido em "
    "Área do Cliente > Nós ligamos para você.\n\n"
    "Equipe SAN Internet\n",
    phone != NULL ? phone : phone_e164, subject, service_line, day, from, to);
  g_autofree char *phone_html = san_portald_mail_escape_html (phone != NULL ? phone : phone_e164);
  g_autofree char *subject_html = san_portald_mail_escape_html (subject);
  g_autofree char *service_html = service_title != NULL ? san_portald_mail_escape_html (service_title) : NULL;
  g_autofree char *service_row = service_html != NULL
                                 ? g_strdup_printf ("<li>Serviço: %s</li>", service_html) : g_strdup ("");
  g_autofree char *html = g_strdup_printf (
    "<!DOCTYPE html><html lang=\"pt-BR\"><head><meta charset=\"utf-8\"></head><body>"
    "<p>Olá,</p>"
    "<p>Recebemos seu pedido para que a SAN Internet ligue para você.</p>"
    "<ul><li>Telefone: %s</li><li>Assunto: %s</li>%s"
    "<li>Horário preferido: %s, das %s às %s</li></ul>"
    "<p>Nossa equipe vai ligar dentro desse horário. Você acompanha o pedido em "
    "<strong>Área do Cliente &gt; Nós ligamos para você</strong>.</p>"
    "<p>Equipe SAN Internet</p></body></html>",
    phone_html, subject_html, service_row, day, from, to);

  if (to_spool)
    return san_portald_mail_send_at (db, contract_id, SAN_PORTALD_MAIL_CALLBACK,
                                     "Recebemos seu pedido de ligação", text, html, sent_ms,
                                     NULL, error);
  return san_portald_mail_record_at (db, contract_id, SAN_PORTALD_MAIL_CALLBACK,
                                     "Recebemos seu pedido de ligação", text, html, sent_ms, error);
}

void
san_portald_handle_callback_create (SanPortaldRequest *req)
{
  SanPortaldDb *db = san_portald_request_get_db (req);
  gint64 contract_id = san_portald_request_get_contract_id (req);
  g_autoptr(GArray) errors = g_array_new (FALSE, FALSE, sizeof (SanPortaldFieldError));
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *e164 = NULL;
  g_autofree char *service_status = NULL;
  g_autofree char *service_level = NULL;
  g_autofree char *service_title = NULL;
  g_autofree char *created_at = NULL;
  JsonObject *body;
  const char *phone;
  const char *subject;
  const char *service_text;
  const char *date = NULL;
  const char *from = NULL;
  const char *to = NULL;
  gint64 service_id = 0;
  gint64 now_ms = san_portald_request_clock_ms (req);
  gint64 callback_id;
  GDate today;

  body = san_portald_read_json_object (req, &parser);
  if (body == NULL)
    return;
  san_portald_request_get_today (req, &today);

  phone = san_portald_require_string (body, "phone", errors);
  if (phone != NULL)
    {
      g_autoptr(GError) phone_error = NULL;

      if (!san_phone_validate (phone, &e164, &phone_error))
        san_portald_add_field_error (errors, "phone", "invalid",
                                     "Must be a Brazilian phone number like +55 (11) 91234-5678");
    }
  subject = san_portald_require_string (body, "subject", errors);
  if (subject != NULL && g_utf8_strlen (subject, -1) > MAX_SUBJECT_CHARS)
    {
      san_portald_add_field_error (errors, "subject", "too_long", "Must be at most 200 characters");
      subject = NULL;
    }
  service_text = optional_string_member (body, "service_id", "service_id", errors);
  if (service_text != NULL)
    {
      guint64 value = 0;

      if (!g_ascii_isdigit (service_text[0]) ||
          !g_ascii_string_to_unsigned (service_text, 10, 1, G_MAXINT64, &value, NULL) ||
          !san_portald_support_db_get_service (db, contract_id, (gint64) value, &service_status,
                                               &service_level, &service_title, &error))
        {
          if (error != NULL)
            {
              san_portald_send_internal_error (req, error);
              return;
            }
        }
      if (service_status == NULL)
        san_portald_add_field_error (errors, "service_id", "not_found",
                                     "Not a service of this contract");
      else
        service_id = (gint64) value;
    }
  read_window (body, &today, &date, &from, &to, errors);
  if (errors->len > 0)
    {
      san_portald_send_validation_failed (req, errors);
      return;
    }

  created_at = ms_to_rfc3339 (now_ms);
  {
    SanPortaldCallbackRow row = {
      .contract_id = contract_id,
      .phone = e164,
      .subject = subject,
      .service_id = service_id,
      .window_date = date,
      .window_from = from,
      .window_to = to,
      .status = "requested",
      .created_at = created_at,
    };

    if (!san_portald_db_begin (db, &error) ||
        (callback_id = san_portald_support_db_add_callback (db, &row, &error)) == 0 ||
        !mail_callback (db, contract_id, e164, subject, service_title, date, from, to, now_ms,
                        TRUE, &error) ||
        !san_portald_db_commit (db, &error))
      {
        san_portald_db_rollback (db);
        san_portald_send_internal_error (req, error);
        return;
      }
  }

  if (!san_portald_support_db_build_callback (db, callback_id, builder, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  san_portald_send_json (req, SOUP_STATUS_CREATED, builder);
}

/* Support levels */

void
san_portald_handle_support_levels (SanPortaldRequest *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;

  if (!san_portald_support_db_build_levels (san_portald_request_get_db (req), builder, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  san_portald_send_json (req, SOUP_STATUS_OK, builder);
}

static void
send_service_not_found (SanPortaldRequest *req)
{
  san_portald_send_problem (req, SOUP_STATUS_NOT_FOUND, "not_found",
                            "There is no such service in this contract");
}

void
san_portald_handle_service_support_level_put (SanPortaldRequest *req)
{
  SanPortaldDb *db = san_portald_request_get_db (req);
  gint64 contract_id = san_portald_request_get_contract_id (req);
  g_autoptr(GArray) errors = g_array_new (FALSE, FALSE, sizeof (SanPortaldFieldError));
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  g_autofree char *old_level = NULL;
  g_autofree char *title = NULL;
  g_autofree char *level_name = NULL;
  g_autofree char *old_name = NULL;
  JsonObject *body;
  const char *level;
  gint64 service_id = 0;
  gboolean found = FALSE;

  if (!san_portald_request_get_id_param (req, "sid", &service_id))
    {
      send_service_not_found (req);
      return;
    }
  body = san_portald_read_json_object (req, &parser);
  if (body == NULL)
    return;
  level = san_portald_require_string (body, "level", errors);
  if (level != NULL)
    {
      if (!san_portald_support_db_get_level (db, level, &level_name, &error))
        {
          san_portald_send_internal_error (req, error);
          return;
        }
      if (level_name == NULL)
        san_portald_add_field_error (errors, "level", "invalid", "Must be one of basic, business, premium");
    }

  if (!san_portald_support_db_get_service (db, contract_id, service_id, &status, &old_level,
                                           &title, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  if (status == NULL)
    {
      send_service_not_found (req);
      return;
    }
  if (errors->len > 0)
    {
      san_portald_send_validation_failed (req, errors);
      return;
    }
  if (g_str_equal (status, "cancelled") || g_str_equal (status, "terminated"))
    {
      san_portald_send_problem (req, SOUP_STATUS_CONFLICT, "invalid_state",
                                "A cancelled or terminated service keeps its support level");
      return;
    }

  if (!g_str_equal (old_level, level))
    {
      g_autofree char *title_html = san_portald_mail_escape_html (title);
      g_autofree char *text = NULL;
      g_autofree char *html = NULL;

      if (!san_portald_support_db_get_level (db, old_level, &old_name, &error))
        {
          san_portald_send_internal_error (req, error);
          return;
        }
      text = g_strdup_printf ("Olá,\n\n"
                              "O nível de suporte do serviço %s foi alterado de %s para %s.\n\n"
                              "Se você não fez essa alteração, abra um ticket ou fale com a "
                              "SAN Internet.\n\n"
                              "Equipe SAN Internet\n",
                              title, old_name != NULL ? old_name : old_level, level_name);
      html = g_strdup_printf ("<!DOCTYPE html><html lang=\"pt-BR\"><head><meta charset=\"utf-8\"></head><body>"
                              "<p>Olá,</p>"
                              "<p>O nível de suporte do serviço <strong>%s</strong> foi alterado de "
                              "%s para <strong>%s</strong>.</p>"
                              "<p>Se você não fez essa alteração, abra um ticket ou fale com a "
                              "SAN Internet.</p>"
                              "<p>Equipe SAN Internet</p></body></html>",
                              title_html, old_name != NULL ? old_name : old_level, level_name);
      if (!san_portald_db_begin (db, &error) ||
          !san_portald_support_db_set_level (db, service_id, level, &error) ||
          !san_portald_mail_send_at (db, contract_id, SAN_PORTALD_MAIL_ACCOUNT,
                                     "Nível de suporte alterado", text, html, san_portald_request_clock_ms (req),
                                     NULL, &error) ||
          !san_portald_db_commit (db, &error))
        {
          san_portald_db_rollback (db);
          san_portald_send_internal_error (req, error);
          return;
        }
    }

  if (!san_portald_db_build_service (db, contract_id, service_id, builder, &found, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  if (!found)
    {
      send_service_not_found (req);
      return;
    }
  san_portald_send_json (req, SOUP_STATUS_OK, builder);
}

/* Demo */

static gint64
instant_ms (const char *rfc3339)
{
  g_autoptr(GDateTime) instant = san_datetime_parse_rfc3339 (rfc3339);

  return instant != NULL ? g_date_time_to_unix (instant) * 1000 : 0;
}

static gboolean
seed_invoice_mails (SanPortaldDb  *db,
                    gint64         contract_id,
                    const GDate   *today,
                    GError       **error)
{
  g_autoptr(GArray) invoices = NULL;
  g_autofree char *today_iso = san_date_to_iso (today);

  if (!san_portald_support_db_seed_invoices (db, contract_id, &invoices, error))
    return FALSE;
  for (guint i = 0; i < invoices->len; i++)
    {
      const SanPortaldSeedInvoice *invoice = &g_array_index (invoices, SanPortaldSeedInvoice, i);
      g_autofree char *amount = san_money_format_brl (invoice->total_cents);
      g_autofree char *due = format_br_date (invoice->due_date);
      g_autofree char *subject = g_strdup_printf ("Fatura %s disponível", invoice->number);
      g_autofree char *text = NULL;
      g_autofree char *html = NULL;

      if (strcmp (invoice->issue_date, today_iso) > 0)
        continue;
      text = g_strdup_printf ("Olá,\n\n"
                              "A fatura %s, de %s, com vencimento em %s, está disponível na "
                              "Área do Cliente, com boleto, PIX e cartão de crédito.\n\n"
                              "Equipe SAN Internet\n", invoice->number, amount, due);
      html = g_strdup_printf ("<!DOCTYPE html><html lang=\"pt-BR\"><head><meta charset=\"utf-8\"></head><body>"
                              "<p>Olá,</p><p>A fatura <strong>%s</strong>, de <strong>%s</strong>, "
                              "com vencimento em %s, está disponível na Área do Cliente, com boleto, "
                              "PIX e cartão de crédito.</p><p>Equipe SAN Internet</p></body></html>",
                              invoice->number, amount, due);
      /* at 09:00 of the issue day; today's, not later than the server's
       * clock (before 09:00 it would be in the future) */
      if (!san_portald_mail_record_at (db, contract_id, SAN_PORTALD_MAIL_INVOICE, subject, text, html,
                                       MIN (local_ms (invoice->issue_date, 9, 0),
                                            san_portald_clock_ms (today)), error))
        return FALSE;

      if (invoice->paid_at != NULL && g_str_equal (invoice->status, "paid"))
        {
          g_autofree char *paid_subject = g_strdup_printf ("Pagamento confirmado: fatura %s",
                                                           invoice->number);
          g_autofree char *paid_text = g_strdup_printf ("Olá,\n\n"
                                                        "Recebemos o pagamento de %s da fatura %s. "
                                                        "Obrigado!\n\nEquipe SAN Internet\n",
                                                        amount, invoice->number);
          g_autofree char *paid_html = g_strdup_printf ("<!DOCTYPE html><html lang=\"pt-BR\"><head>"
                                                        "<meta charset=\"utf-8\"></head><body>"
                                                        "<p>Olá,</p><p>Recebemos o pagamento de "
                                                        "<strong>%s</strong> da fatura %s. Obrigado!</p>"
                                                        "<p>Equipe SAN Internet</p></body></html>",
                                                        amount, invoice->number);
          gint64 paid_ms = instant_ms (invoice->paid_at);

          if (paid_ms > 0 &&
              !san_portald_mail_record_at (db, contract_id, SAN_PORTALD_MAIL_INVOICE, paid_subject,
                                           paid_text, paid_html, paid_ms + 60 * 1000, error))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
san_portald_support_seed_demo (SanPortaldDb  *db,
                               const GDate   *today,
                               GError       **error)
{
  g_autoptr(GArray) contracts = NULL;

  /* the contracts were made after migration 5: give them their owner contact */
  if (!san_portald_support_db_seed_owner_contacts (db, error) ||
      !san_portald_support_db_contracts (db, &contracts, error))
    return FALSE;

  for (guint i = 0; i < contracts->len; i++)
    {
      const SanPortaldSupportContract *contract = &g_array_index (contracts, SanPortaldSupportContract, i);
      gboolean padaria = g_str_equal (contract->name, "Padaria Pão Quente Ltda");

      /* SAN recommends a contact on another domain */
      if (padaria &&
          san_portald_support_db_add_contact (db, contract->id, "Contabilidade Exemplo",
                                              "financeiro@contabilidade-exemplo.com.br",
                                              TRUE, TRUE, FALSE, error) == 0)
        return FALSE;

      if (!seed_invoice_mails (db, contract->id, today, error))
        return FALSE;

      /* Padaria asked SAN to call yesterday; the call is scheduled for tomorrow */
      if (padaria)
        {
          g_autofree char *yesterday = san_portald_date_plus_days (today, -1);
          g_autofree char *tomorrow = san_portald_date_plus_days (today, 1);
          g_autofree char *created_at = NULL;
          gint64 created_ms = local_ms (yesterday, 10, 30);
          gint64 service_id = 0;

          if (!san_portald_support_db_first_active_service (db, contract->id, &service_id, error))
            return FALSE;
          created_at = ms_to_rfc3339 (created_ms);
          {
            g_autofree char *service_status = NULL;
            g_autofree char *service_level = NULL;
            g_autofree char *service_title = NULL;
            SanPortaldCallbackRow row = {
              .contract_id = contract->id,
              .phone = "+5511912345678",
              .subject = "Dúvidas sobre a migração da loja virtual",
              .service_id = service_id,
              .window_date = tomorrow,
              .window_from = "09:00",
              .window_to = "12:00",
              .status = "scheduled",
              .created_at = created_at,
            };

            if ((service_id > 0 &&
                 !san_portald_support_db_get_service (db, contract->id, service_id, &service_status,
                                                      &service_level, &service_title, error)) ||
                san_portald_support_db_add_callback (db, &row, error) == 0 ||
                !mail_callback (db, contract->id, row.phone, row.subject, service_title, tomorrow,
                                "09:00", "12:00", created_ms, FALSE, error))
              return FALSE;
          }
        }
    }
  return TRUE;
}
