/* san-portald-support-db.c: the support tables and queries
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Constant SQL with bound parameters only.
 */
#define G_LOG_DOMAIN "san-portald"

#include "config.h"

#include "san-phone.h"
#include "san-portald-db-private.h"
#include "san-portald-json.h"
#include "san-portald-request.h"
#include "san-portald-support-private.h"

/* Migration 5 */
const char san_portald_support_schema[] =
  /* who gets the contract's notifications, by kind */
  "CREATE TABLE contacts ("
  "  id              INTEGER PRIMARY KEY,"
  "  contract_id     INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,"
  "  name            TEXT NOT NULL,"
  "  email           TEXT NOT NULL COLLATE NOCASE,"
  "  notify_tickets  INTEGER NOT NULL DEFAULT 1 CHECK (notify_tickets IN (0, 1)),"
  "  notify_invoices INTEGER NOT NULL DEFAULT 1 CHECK (notify_invoices IN (0, 1)),"
  "  notify_account  INTEGER NOT NULL DEFAULT 1 CHECK (notify_account IN (0, 1)),"
  "  UNIQUE (contract_id, email)"
  ");"
  /* every contract starts with its owner as a contact of every kind */
  "INSERT INTO contacts (contract_id, name, email, notify_tickets, notify_invoices, notify_account)"
  "  SELECT c.id, u.display_name, u.email, 1, 1, 1"
  "    FROM contracts c JOIN users u ON u.id = c.owner_id;"
  /* every e-mail sent (san-portald-mail.c) */
  "CREATE TABLE emails ("
  "  id          INTEGER PRIMARY KEY,"
  "  contract_id INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,"
  "  kind        TEXT NOT NULL CHECK (kind IN ('ticket', 'callback', 'invoice', 'account')),"
  "  subject     TEXT NOT NULL,"
  "  text_body   TEXT NOT NULL,"
  "  html_body   TEXT NOT NULL,"
  "  recipients  TEXT NOT NULL,"          /* one address per line */
  "  sent_at     TEXT NOT NULL,"          /* RFC 3339 UTC */
  "  message_id  TEXT NOT NULL UNIQUE"
  ");"
  "CREATE INDEX emails_contract ON emails (contract_id, sent_at, id);"
  /* "Nós ligamos para você" */
  "CREATE TABLE callbacks ("
  "  id          INTEGER PRIMARY KEY,"
  "  contract_id INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,"
  "  phone       TEXT NOT NULL,"          /* E.164 */
  "  subject     TEXT NOT NULL,"
  "  service_id  INTEGER REFERENCES services (id) ON DELETE SET NULL,"
  "  window_date TEXT NOT NULL,"
  "  window_from TEXT NOT NULL,"
  "  window_to   TEXT NOT NULL,"
  "  status      TEXT NOT NULL CHECK (status IN ('requested', 'scheduled', 'done', 'cancelled')),"
  "  created_at  TEXT NOT NULL"
  ");"
  "CREATE INDEX callbacks_contract ON callbacks (contract_id, id);"
  /* the catalogue; includes and channels one item per line */
  "CREATE TABLE support_levels ("
  "  id                     TEXT PRIMARY KEY CHECK (id IN ('basic', 'business', 'premium')),"
  "  position               INTEGER NOT NULL UNIQUE,"
  "  name                   TEXT NOT NULL,"
  "  includes               TEXT NOT NULL,"
  "  channels               TEXT NOT NULL,"
  "  human_hours            TEXT NOT NULL,"
  "  first_response_minutes INTEGER NOT NULL CHECK (first_response_minutes > 0),"
  "  price_cents            INTEGER NOT NULL CHECK (price_cents >= 0)"
  ");"
  "INSERT INTO support_levels VALUES ('basic', 1, 'Básico',"
  "  'Suporte à infraestrutura: rede, servidores e plataforma da SAN' || char (10) ||"
  "  'Autoatendimento 24x7: Área do Cliente, base de conhecimento e status dos serviços' || char (10) ||"
  "  'Equipe de suporte geral' || char (10) ||"
  "  'Atendimento reativo, prioridade normal na fila',"
  "  'Área do Cliente (24x7)' || char (10) || 'Ticket (24x7)' || char (10) || 'E-mail (24x7)',"
  "  'Seg a sex, 8h às 18h', 1440, 0);"
  "INSERT INTO support_levels VALUES ('business', 2, 'Business',"
  "  'Suporte à infraestrutura e também ao sistema operacional, painel, e-mail e DNS' || char (10) ||"
  "  'Autoatendimento 24x7 com reinício de serviços, restauração de backups e liberação de IP' || char (10) ||"
  "  'Equipe de suporte especializada' || char (10) ||"
  "  'Atendimento consultivo, prioridade alta na fila',"
  "  'Área do Cliente (24x7)' || char (10) || 'Ticket (24x7)' || char (10) || 'E-mail (24x7)' || char (10) ||"
  "  'Chat' || char (10) || 'Telefone (Nós ligamos para você)',"
  "  'Seg a sáb, 8h às 22h', 240, 4990);"
  "INSERT INTO support_levels VALUES ('premium', 3, 'Premium',"
  "  'Suporte à infraestrutura, ao sistema operacional e também a aplicações e bancos de dados' || char (10) ||"
  "  'Autoatendimento 24x7 com monitoramento e alertas proativos' || char (10) ||"
  "  'Equipe sênior dedicada e gerente de conta' || char (10) ||"
  "  'Atendimento proativo, prioridade máxima na fila',"
  "  'Área do Cliente (24x7)' || char (10) || 'Ticket (24x7)' || char (10) || 'E-mail (24x7)' || char (10) ||"
  "  'Chat' || char (10) || 'Telefone (Nós ligamos para você)' || char (10) || 'WhatsApp',"
  "  'Todos os dias, 24 horas', 30, 19990);"
  "PRAGMA user_version = 5;";

static void
add_lines (JsonBuilder *builder,
           const char  *name,
           const char  *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      json_builder_add_string_value (builder, lines[i]);
  json_builder_end_array (builder);
}

static void
add_next_cursor (JsonBuilder *builder,
                 gboolean     more,
                 gint64       last_id)
{
  json_builder_set_member_name (builder, "next_cursor");
  if (more)
    {
      g_autofree char *cursor = san_portald_make_cursor (last_id);

      json_builder_add_string_value (builder, cursor);
    }
  else
    json_builder_add_null_value (builder);
}

/* Contacts */

gboolean
san_portald_support_db_recipients (SanPortaldDb  *db,
                                   gint64         contract_id,
                                   const char    *kind,
                                   GPtrArray    **out_addresses,
                                   GError       **error)
{
  g_autoptr(GPtrArray) addresses = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SanPortaldStmt) owner = NULL;
  g_autoptr(SanPortaldStmt) contacts = NULL;
  int rc;

  *out_addresses = NULL;
  owner = san_portald_db_prepare (db,
    "SELECT u.email FROM contracts c JOIN users u ON u.id = c.owner_id WHERE c.id = ?1", error);
  if (owner == NULL)
    return FALSE;
  sqlite3_bind_int64 (owner, 1, contract_id);
  rc = sqlite3_step (owner);
  if (rc == SQLITE_ROW)
    g_ptr_array_add (addresses, g_strdup (san_portald_db_column_text (owner, 0)));
  else if (rc != SQLITE_DONE)
    return san_portald_db_set_error (db, error, "Could not read the contract's owner");
  g_clear_pointer (&owner, san_portald_stmt_release);

  contacts = san_portald_db_prepare (db,
    "SELECT email FROM contacts WHERE contract_id = ?1"
    "   AND CASE ?2 WHEN 'invoice' THEN notify_invoices"
    "               WHEN 'account' THEN notify_account"
    "               ELSE notify_tickets END = 1"
    " ORDER BY id", error);
  if (contacts == NULL)
    return FALSE;
  sqlite3_bind_int64 (contacts, 1, contract_id);
  sqlite3_bind_text (contacts, 2, kind, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (contacts)) == SQLITE_ROW)
    {
      const char *email = san_portald_db_column_text (contacts, 0);
      gboolean seen = FALSE;

      for (guint i = 0; i < addresses->len && !seen; i++)
        seen = g_ascii_strcasecmp (addresses->pdata[i], email) == 0;
      if (!seen && email[0] != '\0')
        g_ptr_array_add (addresses, g_strdup (email));
    }
  if (rc != SQLITE_DONE)
    return san_portald_db_set_error (db, error, "Could not read the contacts");
  *out_addresses = g_steal_pointer (&addresses);
  return TRUE;
}

gint64
san_portald_support_db_add_contact (SanPortaldDb  *db,
                                    gint64         contract_id,
                                    const char    *name,
                                    const char    *email,
                                    gboolean       tickets,
                                    gboolean       invoices,
                                    gboolean       account,
                                    GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "INSERT INTO contacts (contract_id, name, email, notify_tickets, notify_invoices, notify_account)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, email, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, tickets ? 1 : 0);
  sqlite3_bind_int (stmt, 5, invoices ? 1 : 0);
  sqlite3_bind_int (stmt, 6, account ? 1 : 0);
  if (!san_portald_db_step_done (db, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (san_portald_db_get_handle (db));
}

gboolean
san_portald_support_db_seed_owner_contacts (SanPortaldDb  *db,
                                            GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "INSERT INTO contacts (contract_id, name, email, notify_tickets, notify_invoices, notify_account)"
    "  SELECT c.id, u.display_name, u.email, 1, 1, 1"
    "    FROM contracts c JOIN users u ON u.id = c.owner_id"
    "   WHERE NOT EXISTS (SELECT 1 FROM contacts k WHERE k.contract_id = c.id AND k.email = u.email)",
    error);

  if (stmt == NULL)
    return FALSE;
  return san_portald_db_step_done (db, stmt, error);
}

/* E-mail history */

gint64
san_portald_support_db_add_email (SanPortaldDb              *db,
                                  const SanPortaldEmailRow  *row,
                                  GError                   **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "INSERT INTO emails (contract_id, kind, subject, text_body, html_body, recipients, sent_at,"
    "                    message_id)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, row->contract_id);
  sqlite3_bind_text (stmt, 2, row->kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, row->subject, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, row->text_body, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, row->html_body, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, row->recipients, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, row->sent_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, row->message_id, -1, SQLITE_TRANSIENT);
  if (!san_portald_db_step_done (db, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (san_portald_db_get_handle (db));
}

#define EMAIL_COLUMNS \
  "SELECT id, kind, subject, recipients, sent_at, text_body, html_body FROM emails"

#define EMAIL_FILTER \
  " WHERE contract_id = ?1" \
  "   AND (?2 IS NULL OR kind = ?2)" \
  "   AND (?3 IS NULL OR sent_at >= ?3)" \
  "   AND (?4 IS NULL OR sent_at < ?4)" \
  "   AND (?5 IS NULL OR instr (san_fold (subject), ?5) > 0" \
  "                   OR instr (san_fold (text_body), ?5) > 0)"

static void
bind_email_filter (sqlite3_stmt                 *stmt,
                   gint64                        contract_id,
                   const SanPortaldEmailFilter  *filter,
                   const char                   *folded_query)
{
  sqlite3_bind_int64 (stmt, 1, contract_id);
  san_portald_db_bind_text_or_null (stmt, 2, filter->kind);
  san_portald_db_bind_text_or_null (stmt, 3, filter->sent_from);
  san_portald_db_bind_text_or_null (stmt, 4, filter->sent_before);
  san_portald_db_bind_text_or_null (stmt, 5, folded_query);
}

static void
build_email_row (JsonBuilder  *builder,
                 sqlite3_stmt *stmt,
                 gboolean      bodies)
{
  json_builder_begin_object (builder);
  san_portald_json_add_id (builder, "id", sqlite3_column_int64 (stmt, 0));
  san_portald_json_add_string (builder, "kind", san_portald_db_column_text (stmt, 1));
  san_portald_json_add_string (builder, "subject", san_portald_db_column_text (stmt, 2));
  add_lines (builder, "recipients", san_portald_db_column_text (stmt, 3));
  san_portald_json_add_string (builder, "sent_at", san_portald_db_column_text (stmt, 4));
  if (bodies)
    {
      san_portald_json_add_string (builder, "text_body", san_portald_db_column_text (stmt, 5));
      san_portald_json_add_string (builder, "html_body", san_portald_db_column_text (stmt, 6));
    }
  json_builder_end_object (builder);
}

gboolean
san_portald_support_db_build_emails (SanPortaldDb                 *db,
                                     gint64                        contract_id,
                                     const SanPortaldEmailFilter  *filter,
                                     JsonBuilder                  *builder,
                                     gboolean                     *out_bad_cursor,
                                     GError                      **error)
{
  g_autoptr(SanPortaldStmt) after = NULL;
  g_autoptr(SanPortaldStmt) count = NULL;
  g_autoptr(SanPortaldStmt) page = NULL;
  g_autofree char *folded_query = NULL;
  g_autofree char *after_sent_at = NULL;
  gint64 total;
  gint64 last_id = 0;
  gboolean more = FALSE;
  guint n = 0;
  int rc;

  *out_bad_cursor = FALSE;
  if (filter->query != NULL)
    {
      g_autofree char *normalized = g_utf8_normalize (filter->query, -1, G_NORMALIZE_ALL_COMPOSE);

      folded_query = g_utf8_casefold (normalized != NULL ? normalized : "", -1);
    }

  if (filter->after_id > 0)
    {
      after = san_portald_db_prepare (db,
        "SELECT sent_at FROM emails WHERE contract_id = ?1 AND id = ?2", error);
      if (after == NULL)
        return FALSE;
      sqlite3_bind_int64 (after, 1, contract_id);
      sqlite3_bind_int64 (after, 2, filter->after_id);
      rc = sqlite3_step (after);
      if (rc == SQLITE_DONE)
        {
          *out_bad_cursor = TRUE;
          return TRUE;
        }
      if (rc != SQLITE_ROW)
        return san_portald_db_set_error (db, error, "Could not read an e-mail");
      after_sent_at = g_strdup (san_portald_db_column_text (after, 0));
      g_clear_pointer (&after, san_portald_stmt_release);
    }

  count = san_portald_db_prepare (db, "SELECT count (*) FROM emails" EMAIL_FILTER, error);
  if (count == NULL)
    return FALSE;
  bind_email_filter (count, contract_id, filter, folded_query);
  if (sqlite3_step (count) != SQLITE_ROW)
    return san_portald_db_set_error (db, error, "Could not count e-mails");
  total = sqlite3_column_int64 (count, 0);
  g_clear_pointer (&count, san_portald_stmt_release);

  /* newest first: sent_at, then id, both descending */
  page = san_portald_db_prepare (db,
    EMAIL_COLUMNS EMAIL_FILTER
    "   AND (?6 = 0 OR sent_at < ?7 OR (sent_at = ?7 AND id < ?6))"
    " ORDER BY sent_at DESC, id DESC LIMIT ?8", error);
  if (page == NULL)
    return FALSE;
  bind_email_filter (page, contract_id, filter, folded_query);
  sqlite3_bind_int64 (page, 6, filter->after_id);
  sqlite3_bind_text (page, 7, after_sent_at != NULL ? after_sent_at : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (page, 8, (gint64) filter->limit + 1);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (page)) == SQLITE_ROW)
    {
      if (n == filter->limit)
        {
          more = TRUE;
          break;
        }
      build_email_row (builder, page, FALSE);
      last_id = sqlite3_column_int64 (page, 0);
      n++;
    }
  json_builder_end_array (builder);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return san_portald_db_set_error (db, error, "Could not read e-mails");
  san_portald_json_add_int (builder, "total", total);
  add_next_cursor (builder, more, last_id);
  json_builder_end_object (builder);
  return TRUE;
}

gboolean
san_portald_support_db_build_email (SanPortaldDb  *db,
                                    gint64         contract_id,
                                    gint64         email_id,
                                    JsonBuilder   *builder,
                                    gboolean      *out_found,
                                    GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    EMAIL_COLUMNS " WHERE contract_id = ?1 AND id = ?2", error);
  int rc;

  *out_found = FALSE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  sqlite3_bind_int64 (stmt, 2, email_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return san_portald_db_set_error (db, error, "Could not read an e-mail");
  build_email_row (builder, stmt, TRUE);
  *out_found = TRUE;
  return TRUE;
}

/* Callbacks */

#define CALLBACK_COLUMNS \
  "SELECT id, phone, subject, service_id, window_date, window_from, window_to, status," \
  "       created_at FROM callbacks"

static void
build_callback_row (JsonBuilder  *builder,
                    sqlite3_stmt *stmt)
{
  g_autofree char *phone = san_phone_format (san_portald_db_column_text (stmt, 1));

  json_builder_begin_object (builder);
  san_portald_json_add_id (builder, "id", sqlite3_column_int64 (stmt, 0));
  san_portald_json_add_string (builder, "phone",
                               phone != NULL ? phone : san_portald_db_column_text (stmt, 1));
  san_portald_json_add_string (builder, "subject", san_portald_db_column_text (stmt, 2));
  if (sqlite3_column_type (stmt, 3) == SQLITE_NULL)
    san_portald_json_add_string (builder, "service_id", NULL);
  else
    san_portald_json_add_id (builder, "service_id", sqlite3_column_int64 (stmt, 3));
  json_builder_set_member_name (builder, "preferred_window");
  json_builder_begin_object (builder);
  san_portald_json_add_string (builder, "date", san_portald_db_column_text (stmt, 4));
  san_portald_json_add_string (builder, "from", san_portald_db_column_text (stmt, 5));
  san_portald_json_add_string (builder, "to", san_portald_db_column_text (stmt, 6));
  json_builder_end_object (builder);
  san_portald_json_add_string (builder, "status", san_portald_db_column_text (stmt, 7));
  san_portald_json_add_string (builder, "created_at", san_portald_db_column_text (stmt, 8));
  json_builder_end_object (builder);
}

gint64
san_portald_support_db_add_callback (SanPortaldDb                 *db,
                                     const SanPortaldCallbackRow  *row,
                                     GError                      **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "INSERT INTO callbacks (contract_id, phone, subject, service_id, window_date, window_from,"
    "                       window_to, status, created_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, row->contract_id);
  sqlite3_bind_text (stmt, 2, row->phone, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, row->subject, -1, SQLITE_TRANSIENT);
  if (row->service_id > 0)
    sqlite3_bind_int64 (stmt, 4, row->service_id);
  else
    sqlite3_bind_null (stmt, 4);
  sqlite3_bind_text (stmt, 5, row->window_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, row->window_from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, row->window_to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, row->status, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, row->created_at, -1, SQLITE_TRANSIENT);
  if (!san_portald_db_step_done (db, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (san_portald_db_get_handle (db));
}

gboolean
san_portald_support_db_build_callback (SanPortaldDb  *db,
                                       gint64         callback_id,
                                       JsonBuilder   *builder,
                                       GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    CALLBACK_COLUMNS " WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, callback_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return san_portald_db_set_error (db, error, "Could not read a callback request");
  build_callback_row (builder, stmt);
  return TRUE;
}

gboolean
san_portald_support_db_build_callbacks (SanPortaldDb  *db,
                                        gint64         contract_id,
                                        gint64         after_id,
                                        guint          limit,
                                        JsonBuilder   *builder,
                                        gboolean      *out_bad_cursor,
                                        GError       **error)
{
  g_autoptr(SanPortaldStmt) check = NULL;
  g_autoptr(SanPortaldStmt) count = NULL;
  g_autoptr(SanPortaldStmt) page = NULL;
  gint64 total;
  gint64 last_id = 0;
  gboolean more = FALSE;
  guint n = 0;
  int rc;

  *out_bad_cursor = FALSE;
  if (after_id > 0)
    {
      check = san_portald_db_prepare (db,
        "SELECT EXISTS (SELECT 1 FROM callbacks WHERE contract_id = ?1 AND id = ?2)", error);
      if (check == NULL)
        return FALSE;
      sqlite3_bind_int64 (check, 1, contract_id);
      sqlite3_bind_int64 (check, 2, after_id);
      if (sqlite3_step (check) != SQLITE_ROW)
        return san_portald_db_set_error (db, error, "Could not read a callback request");
      if (sqlite3_column_int (check, 0) == 0)
        {
          *out_bad_cursor = TRUE;
          return TRUE;
        }
    }

  count = san_portald_db_prepare (db, "SELECT count (*) FROM callbacks WHERE contract_id = ?1", error);
  if (count == NULL)
    return FALSE;
  sqlite3_bind_int64 (count, 1, contract_id);
  if (sqlite3_step (count) != SQLITE_ROW)
    return san_portald_db_set_error (db, error, "Could not count callback requests");
  total = sqlite3_column_int64 (count, 0);

  /* ids grow with time: newest first is id descending */
  page = san_portald_db_prepare (db,
    CALLBACK_COLUMNS " WHERE contract_id = ?1 AND (?2 = 0 OR id < ?2) ORDER BY id DESC LIMIT ?3",
    error);
  if (page == NULL)
    return FALSE;
  sqlite3_bind_int64 (page, 1, contract_id);
  sqlite3_bind_int64 (page, 2, after_id);
  sqlite3_bind_int64 (page, 3, (gint64) limit + 1);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (page)) == SQLITE_ROW)
    {
      if (n == limit)
        {
          more = TRUE;
          break;
        }
      build_callback_row (builder, page);
      last_id = sqlite3_column_int64 (page, 0);
      n++;
    }
  json_builder_end_array (builder);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return san_portald_db_set_error (db, error, "Could not read callback requests");
  san_portald_json_add_int (builder, "total", total);
  add_next_cursor (builder, more, last_id);
  json_builder_end_object (builder);
  return TRUE;
}

/* Services and support levels */

gboolean
san_portald_support_db_get_service (SanPortaldDb  *db,
                                    gint64         contract_id,
                                    gint64         service_id,
                                    char         **out_status,
                                    char         **out_level,
                                    char         **out_title,
                                    GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "SELECT status, support_level, product, plan, domain FROM services"
    " WHERE contract_id = ?1 AND id = ?2", error);
  int rc;

  *out_status = NULL;
  *out_level = NULL;
  *out_title = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  sqlite3_bind_int64 (stmt, 2, service_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return san_portald_db_set_error (db, error, "Could not read a service");
  *out_status = g_strdup (san_portald_db_column_text (stmt, 0));
  *out_level = g_strdup (san_portald_db_column_text (stmt, 1));
  if (san_portald_db_column_text (stmt, 4)[0] != '\0')
    *out_title = g_strdup_printf ("%s %s (%s)", san_portald_db_column_text (stmt, 2),
                                  san_portald_db_column_text (stmt, 3),
                                  san_portald_db_column_text (stmt, 4));
  else
    *out_title = g_strdup_printf ("%s %s", san_portald_db_column_text (stmt, 2),
                                  san_portald_db_column_text (stmt, 3));
  return TRUE;
}

gboolean
san_portald_support_db_set_level (SanPortaldDb  *db,
                                  gint64         service_id,
                                  const char    *level,
                                  GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "UPDATE services SET support_level = ?2 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, service_id);
  sqlite3_bind_text (stmt, 2, level, -1, SQLITE_TRANSIENT);
  return san_portald_db_step_done (db, stmt, error);
}

gboolean
san_portald_support_db_get_level (SanPortaldDb  *db,
                                  const char    *level,
                                  char         **out_name,
                                  GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "SELECT name FROM support_levels WHERE id = ?1", error);
  int rc;

  *out_name = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, level, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_name = g_strdup (san_portald_db_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    return san_portald_db_set_error (db, error, "Could not read the support levels");
  return TRUE;
}

gboolean
san_portald_support_db_build_levels (SanPortaldDb  *db,
                                     JsonBuilder   *builder,
                                     GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "SELECT id, name, includes, channels, human_hours, first_response_minutes, price_cents"
    "  FROM support_levels ORDER BY position", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      san_portald_json_add_string (builder, "id", san_portald_db_column_text (stmt, 0));
      san_portald_json_add_string (builder, "name", san_portald_db_column_text (stmt, 1));
      add_lines (builder, "includes", san_portald_db_column_text (stmt, 2));
      add_lines (builder, "channels", san_portald_db_column_text (stmt, 3));
      san_portald_json_add_string (builder, "human_hours", san_portald_db_column_text (stmt, 4));
      san_portald_json_add_int (builder, "first_response_minutes", sqlite3_column_int64 (stmt, 5));
      san_portald_json_add_int (builder, "price_cents", sqlite3_column_int64 (stmt, 6));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  if (rc != SQLITE_DONE)
    return san_portald_db_set_error (db, error, "Could not read the support levels");
  return TRUE;
}

/* Demo */

void
san_portald_seed_invoice_clear (SanPortaldSeedInvoice *invoice)
{
  g_clear_pointer (&invoice->number, g_free);
  g_clear_pointer (&invoice->issue_date, g_free);
  g_clear_pointer (&invoice->due_date, g_free);
  g_clear_pointer (&invoice->status, g_free);
  g_clear_pointer (&invoice->paid_at, g_free);
}

gboolean
san_portald_support_db_seed_invoices (SanPortaldDb  *db,
                                      gint64         contract_id,
                                      GArray       **out_invoices,
                                      GError       **error)
{
  g_autoptr(GArray) invoices = g_array_new (FALSE, TRUE, sizeof (SanPortaldSeedInvoice));
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "SELECT number, issue_date, due_date, total_cents, status, paid_at FROM invoices"
    " WHERE contract_id = ?1 ORDER BY id", error);
  int rc;

  g_array_set_clear_func (invoices, (GDestroyNotify) san_portald_seed_invoice_clear);
  *out_invoices = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SanPortaldSeedInvoice invoice = {
        .number = g_strdup (san_portald_db_column_text (stmt, 0)),
        .issue_date = g_strdup (san_portald_db_column_text (stmt, 1)),
        .due_date = g_strdup (san_portald_db_column_text (stmt, 2)),
        .total_cents = sqlite3_column_int64 (stmt, 3),
        .status = g_strdup (san_portald_db_column_text (stmt, 4)),
        .paid_at = sqlite3_column_type (stmt, 5) == SQLITE_NULL
                   ? NULL : g_strdup (san_portald_db_column_text (stmt, 5)),
      };

      g_array_append_val (invoices, invoice);
    }
  if (rc != SQLITE_DONE)
    return san_portald_db_set_error (db, error, "Could not read invoices");
  *out_invoices = g_steal_pointer (&invoices);
  return TRUE;
}

void
san_portald_support_contract_clear (SanPortaldSupportContract *contract)
{
  g_clear_pointer (&contract->name, g_free);
  g_clear_pointer (&contract->owner_email, g_free);
}

gboolean
san_portald_support_db_contracts (SanPortaldDb  *db,
                                  GArray       **out_contracts,
                                  GError       **error)
{
  g_autoptr(GArray) contracts = g_array_new (FALSE, TRUE, sizeof (SanPortaldSupportContract));
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "SELECT c.id, c.name, u.email FROM contracts c JOIN users u ON u.id = c.owner_id ORDER BY c.id",
    error);
  int rc;

  g_array_set_clear_func (contracts, (GDestroyNotify) san_portald_support_contract_clear);
  *out_contracts = NULL;
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SanPortaldSupportContract contract = {
        .id = sqlite3_column_int64 (stmt, 0),
        .name = g_strdup (san_portald_db_column_text (stmt, 1)),
        .owner_email = g_strdup (san_portald_db_column_text (stmt, 2)),
      };

      g_array_append_val (contracts, contract);
    }
  if (rc != SQLITE_DONE)
    return san_portald_db_set_error (db, error, "Could not read contracts");
  *out_contracts = g_steal_pointer (&contracts);
  return TRUE;
}

gboolean
san_portald_support_db_first_active_service (SanPortaldDb  *db,
                                             gint64         contract_id,
                                             gint64        *out_service_id,
                                             GError       **error)
{
  g_autoptr(SanPortaldStmt) stmt = san_portald_db_prepare (db,
    "SELECT id FROM services WHERE contract_id = ?1 AND status = 'active' ORDER BY id LIMIT 1",
    error);
  int rc;

  *out_service_id = 0;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_service_id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    return san_portald_db_set_error (db, error, "Could not read services");
  return TRUE;
}
