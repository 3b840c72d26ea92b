/* san-portald-db.c: the portal's SQLite database (schema, migrations, queries)
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every query is a constant SQL string with bound parameters; values are
 * never formatted into SQL. Prepared statements are kept per connection.
 */
#define G_LOG_DOMAIN "san-portald"

#include "config.h"

#include <sqlite3.h>

#include "san-document.h"
#include "san-portald-db.h"
#include "san-portald-db-private.h"
#include "san-portald-status.h"

G_DEFINE_QUARK (san-portald-error-quark, san_portald_error)

const char * const san_portald_permissions[] = {
  "profile", "contacts", "services", "manage_services", "panel_login", "invoices",
  "payment_methods", "fiscal_notes", "tickets", "emails", "ip_unblock", NULL,
};

struct _SanPortaldDb
{
  sqlite3    *handle;
  GHashTable *statements;   /* const char *sql -> sqlite3_stmt * */
  GPtrArray  *when_done;    /* DoneAction: for the end of the open transaction */
};

typedef struct
{
  SanPortaldDbDoneFunc func;
  gpointer             user_data;
  GDestroyNotify       destroy;
} DoneAction;

/* A cached statement, reset and unbound when it goes out of scope */
typedef sqlite3_stmt SanStmt;

static void
san_stmt_release (SanStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SanStmt, san_stmt_release)

/* Numbered migrations: entry N-1 takes the schema from version N-1 to N and
 * sets PRAGMA user_version itself, inside the migration's transaction. */
static const char * const migrations[] = {
  /* 1: the first schema */
  "CREATE TABLE users ("
  "  id            INTEGER PRIMARY KEY,"
  "  email         TEXT NOT NULL UNIQUE COLLATE NOCASE,"
  "  display_name  TEXT NOT NULL,"
  "  password_hash TEXT NOT NULL,"
  "  created_at    TEXT NOT NULL"
  ");"
  "CREATE TABLE contracts ("
  "  id       INTEGER PRIMARY KEY,"
  "  name     TEXT NOT NULL,"
  "  document TEXT NOT NULL,"
  "  owner_id INTEGER NOT NULL REFERENCES users (id) ON DELETE RESTRICT"
  ");"
  "CREATE INDEX contracts_owner ON contracts (owner_id);"
  "CREATE TABLE memberships ("
  "  contract_id INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,"
  "  user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (contract_id, user_id)"
  ");"
  "CREATE INDEX memberships_user ON memberships (user_id);"
  "CREATE TABLE membership_permissions ("
  "  contract_id INTEGER NOT NULL,"
  "  user_id     INTEGER NOT NULL,"
  "  permission  TEXT NOT NULL CHECK (permission IN ('profile', 'contacts', 'services',"
  "              'manage_services', 'panel_login', 'invoices', 'payment_methods',"
  "              'fiscal_notes', 'tickets', 'emails', 'ip_unblock')),"
  "  PRIMARY KEY (contract_id, user_id, permission),"
  "  FOREIGN KEY (contract_id, user_id) REFERENCES memberships (contract_id, user_id)"
  "    ON DELETE CASCADE"
  ");"
  "CREATE TABLE instances ("
  "  id       INTEGER PRIMARY KEY,"
  "  name     TEXT NOT NULL UNIQUE,"
  "  hostname TEXT NOT NULL,"
  "  region   TEXT NOT NULL"
  ");"
  "CREATE TABLE services ("
  "  id             INTEGER PRIMARY KEY,"
  "  contract_id    INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,"
  "  product        TEXT NOT NULL,"
  "  plan           TEXT NOT NULL,"
  "  domain         TEXT NOT NULL DEFAULT '',"
  "  kind           TEXT NOT NULL CHECK (kind IN ('shared', 'cloud', 'dedicated')),"
  "  status         TEXT NOT NULL CHECK (status IN ('pending', 'active', 'suspended',"
  "                 'cancelled', 'terminated')),"
  "  billing_cycle  TEXT NOT NULL CHECK (billing_cycle IN ('monthly', 'annual')),"
  "  price_cents    INTEGER NOT NULL CHECK (price_cents >= 0),"
  "  next_due_date  TEXT,"
  "  status_since   TEXT NOT NULL,"
  "  support_level  TEXT NOT NULL CHECK (support_level IN ('basic', 'business', 'premium')),"
  "  payment_method TEXT NOT NULL CHECK (payment_method IN ('boleto', 'pix', 'card',"
  "                 'bank_debit')),"
  "  instance_id    INTEGER REFERENCES instances (id) ON DELETE SET NULL,"
  "  created_at     TEXT NOT NULL"
  ");"
  "CREATE INDEX services_contract ON services (contract_id, id);"
  "CREATE TABLE sessions ("
  "  id                 INTEGER PRIMARY KEY,"
  "  user_id            INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
  "  access_hash        BLOB NOT NULL UNIQUE CHECK (length (access_hash) = 32),"
  "  access_expires_ms  INTEGER NOT NULL,"
  "  refresh_hash       BLOB NOT NULL UNIQUE CHECK (length (refresh_hash) = 32),"
  "  refresh_expires_ms INTEGER NOT NULL,"
  "  created_ms         INTEGER NOT NULL"
  ");"
  "CREATE INDEX sessions_user ON sessions (user_id);"
  "PRAGMA user_version = 1;",
  /* 2: invoices, boletos, PIX charges, cards, payments (san-portald-billing-db.c) */
  san_portald_billing_schema,
  /* 3: bank accounts, debit schedules, DDA, default method, notas fiscais
   * (san-portald-paymethods-db.c) */
  san_portald_paymethods_schema,
  /* 4: departments, tickets, messages, attachments (san-portald-tickets-db.c) */
  san_portald_tickets_schema,
  /* 5: contacts, e-mail history, callbacks, support levels (san-portald-support-db.c) */
  san_portald_support_schema,
  /* 6: user roles, the staff audit log (san-portald-staff-db.c) */
  san_portald_staff_schema,
  /* 7: instance states, incidents and their updates (san-portald-status-db.c) */
  san_portald_status_schema,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == SAN_PORTALD_DB_SCHEMA_VERSION);

gboolean
san_portald_permission_is_known (const char *word)
{
  return word != NULL && g_strv_contains (san_portald_permissions, word);
}

void
san_portald_user_free (SanPortaldUser *user)
{
  if (user == NULL)
    return;
  g_free (user->email);
  g_free (user->display_name);
  if (user->password_hash != NULL)
    memset (user->password_hash, 0, strlen (user->password_hash));
  g_free (user->password_hash);
  g_free (user);
}

static gboolean
set_db_error (SanPortaldDb  *db,
              GError       **error,
              const char    *what)
{
  g_set_error (error, SAN_PORTALD_ERROR, SAN_PORTALD_ERROR_DATABASE,
               "%s: %s", what, sqlite3_errmsg (db->handle));
  return FALSE;
}

static SanStmt *
prepare (SanPortaldDb  *db,
         const char    *sql,
         GError       **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (db->statements, sql);

  if (stmt != NULL)
    return stmt;

  if (sqlite3_prepare_v3 (db->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      set_db_error (db, error, "Could not prepare a statement");
      return NULL;
    }
  g_hash_table_insert (db->statements, (gpointer) sql, stmt);
  return stmt;
}

/* Runs a statement that returns no rows */
static gboolean
step_done (SanPortaldDb  *db,
           SanStmt       *stmt,
           GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return set_db_error (db, error, "Could not write to the database");
  return TRUE;
}

static gboolean
exec_simple (SanPortaldDb  *db,
             const char    *sql,
             GError       **error)
{
  char *message = NULL;

  if (sqlite3_exec (db->handle, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, SAN_PORTALD_ERROR, SAN_PORTALD_ERROR_DATABASE,
                   "%s", message != NULL ? message : sqlite3_errmsg (db->handle));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

/* Runs (and forgets) what waits for the end of the transaction, in order */
static void
run_done_actions (SanPortaldDb *db,
                  gboolean      committed)
{
  g_autoptr(GPtrArray) actions = NULL;

  if (db->when_done->len == 0)
    return;
  actions = g_steal_pointer (&db->when_done);
  db->when_done = g_ptr_array_new ();
  for (guint i = 0; i < actions->len; i++)
    {
      DoneAction *action = g_ptr_array_index (actions, i);

      action->func (committed, action->user_data);
      if (action->destroy != NULL)
        action->destroy (action->user_data);
      g_free (action);
    }
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text != NULL ? (const char *) text : "";
}

/* san_fold (text): NFKC + case folding, for case-insensitive search that
 * also understands "PÃO" = "pão" */
static void
fold_sql_function (sqlite3_context  *context,
                   int               n_args,
                   sqlite3_value   **args)
{
  const unsigned char *text = sqlite3_value_text (args[0]);
  g_autofree char *normalized = NULL;
  char *folded;

  if (text == NULL)
    {
      sqlite3_result_null (context);
      return;
    }
  normalized = g_utf8_normalize ((const char *) text, -1, G_NORMALIZE_ALL_COMPOSE);
  if (normalized == NULL)
    {
      sqlite3_result_null (context);
      return;
    }
  folded = g_utf8_casefold (normalized, -1);
  sqlite3_result_text (context, folded, -1, g_free);
}

int
san_portald_db_get_schema_version (SanPortaldDb *db)
{
  g_autoptr(SanStmt) stmt = prepare (db, "PRAGMA user_version", NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int (stmt, 0);
}

static gboolean
migrate (SanPortaldDb  *db,
         GError       **error)
{
  int version = san_portald_db_get_schema_version (db);

  if (version < 0)
    return set_db_error (db, error, "Could not read the schema version");
  if (version > SAN_PORTALD_DB_SCHEMA_VERSION)
    {
      g_set_error (error, SAN_PORTALD_ERROR, SAN_PORTALD_ERROR_NEWER,
                   "The database has schema version %d, newer than this san-portald knows (%d)",
                   version, SAN_PORTALD_DB_SCHEMA_VERSION);
      return FALSE;
    }

  for (int v = version; v < SAN_PORTALD_DB_SCHEMA_VERSION; v++)
    {
      if (!exec_simple (db, "BEGIN IMMEDIATE", error))
        return FALSE;
      if (!exec_simple (db, migrations[v], error))
        {
          g_prefix_error (error, "Migration %d failed: ", v + 1);
          san_portald_db_rollback (db);
          return FALSE;
        }
      if (!exec_simple (db, "COMMIT", error))
        {
          san_portald_db_rollback (db);
          return FALSE;
        }
    }

  return TRUE;
}

SanPortaldDb *
san_portald_db_open (const char  *path,
                     GError     **error)
{
  g_autoptr(SanPortaldDb) db = g_new0 (SanPortaldDb, 1);
  g_autoptr(SanStmt) wal = NULL;

  db->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                          (GDestroyNotify) sqlite3_finalize);
  db->when_done = g_ptr_array_new ();

  if (sqlite3_open_v2 (path, &db->handle,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                       NULL) != SQLITE_OK)
    {
      g_set_error (error, SAN_PORTALD_ERROR, SAN_PORTALD_ERROR_DATABASE,
                   "Could not open the database “%s”: %s", path,
                   db->handle != NULL ? sqlite3_errmsg (db->handle) : "out of memory");
      return NULL;
    }

  sqlite3_extended_result_codes (db->handle, 1);
  sqlite3_busy_timeout (db->handle, 5000);

  if (!exec_simple (db, "PRAGMA foreign_keys = ON", error) ||
      !exec_simple (db, "PRAGMA synchronous = NORMAL", error))
    return NULL;

  /* journal_mode answers with the mode it got */
  wal = prepare (db, "PRAGMA journal_mode = WAL", error);
  if (wal == NULL)
    return NULL;
  if (sqlite3_step (wal) != SQLITE_ROW || g_strcmp0 (column_text (wal, 0), "wal") != 0)
    {
      g_set_error (error, SAN_PORTALD_ERROR, SAN_PORTALD_ERROR_DATABASE,
                   "Could not switch the database “%s” to WAL mode", path);
      return NULL;
    }
  g_clear_pointer (&wal, san_stmt_release);

  if (sqlite3_create_function (db->handle, "san_fold", 1,
                               SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                               NULL, fold_sql_function, NULL, NULL) != SQLITE_OK)
    {
      set_db_error (db, error, "Could not register san_fold");
      return NULL;
    }

  if (!migrate (db, error))
    return NULL;

  return g_steal_pointer (&db);
}

void
san_portald_db_close (SanPortaldDb *db)
{
  if (db == NULL)
    return;
  /* a transaction still open dies with the connection */
  if (db->when_done != NULL)
    run_done_actions (db, FALSE);
  g_clear_pointer (&db->when_done, g_ptr_array_unref);
  g_clear_pointer (&db->statements, g_hash_table_unref);
  if (db->handle != NULL)
    sqlite3_close (db->handle);
  g_free (db);
}

gboolean
san_portald_db_begin (SanPortaldDb  *db,
                      GError       **error)
{
  return exec_simple (db, "BEGIN IMMEDIATE", error);
}

gboolean
san_portald_db_commit (SanPortaldDb  *db,
                       GError       **error)
{
  if (!exec_simple (db, "COMMIT", error))
    {
      /* SQLite may have rolled the transaction back itself */
      if (sqlite3_get_autocommit (db->handle))
        run_done_actions (db, FALSE);
      return FALSE;
    }
  run_done_actions (db, TRUE);
  return TRUE;
}

void
san_portald_db_rollback (SanPortaldDb *db)
{
  if (!sqlite3_get_autocommit (db->handle))
    exec_simple (db, "ROLLBACK", NULL);
  run_done_actions (db, FALSE);
}

void
san_portald_db_when_done (SanPortaldDb         *db,
                          SanPortaldDbDoneFunc  func,
                          gpointer              user_data,
                          GDestroyNotify        destroy)
{
  DoneAction *action;

  g_return_if_fail (func != NULL);

  if (sqlite3_get_autocommit (db->handle))
    {
      func (TRUE, user_data);
      if (destroy != NULL)
        destroy (user_data);
      return;
    }
  action = g_new0 (DoneAction, 1);
  action->func = func;
  action->user_data = user_data;
  action->destroy = destroy;
  g_ptr_array_add (db->when_done, action);
}

/* Users */

gboolean
san_portald_db_has_users (SanPortaldDb  *db,
                          gboolean      *out_has_users,
                          GError       **error)
{
  g_autoptr(SanStmt) stmt = prepare (db, "SELECT EXISTS (SELECT 1 FROM users)", error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return set_db_error (db, error, "Could not read users");
  *out_has_users = sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}

gint64
san_portald_db_add_user (SanPortaldDb  *db,
                         const char    *email,
                         const char    *display_name,
                         const char    *password_hash,
                         GError       **error)
{
  g_autoptr(SanStmt) stmt = prepare (db,
    "INSERT INTO users (email, display_name, password_hash, created_at)"
    " VALUES (?1, ?2, ?3, strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))", error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, email, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, display_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, password_hash, -1, SQLITE_TRANSIENT);
  if (!step_done (db, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (db->handle);
}

static gboolean
find_user (SanPortaldDb     *db,
           SanStmt          *stmt,
           SanPortaldUser  **out_user,
           GError          **error)
{
  SanPortaldUser *user;
  int rc = sqlite3_step (stmt);

  *out_user = NULL;
  if (rc == SQLITE_DONE)
    return FALSE;
  if (rc != SQLITE_ROW)
    return set_db_error (db, error, "Could not read a user");

  user = g_new0 (SanPortaldUser, 1);
  user->id = sqlite3_column_int64 (stmt, 0);
  user->email = g_strdup (column_text (stmt, 1));
  user->display_name = g_strdup (column_text (stmt, 2));
  user->password_hash = g_strdup (column_text (stmt, 3));
  user->is_staff = g_str_equal (column_text (stmt, 4), SAN_PORTALD_ROLE_STAFF);
  *out_user = user;
  return TRUE;
}

gboolean
san_portald_db_find_user_by_email (SanPortaldDb     *db,
                                   const char       *email,
                                   SanPortaldUser  **out_user,
                                   GError          **error)
{
  g_autoptr(SanStmt) stmt = prepare (db,
    "SELECT id, email, display_name, password_hash, role FROM users WHERE email = ?1", error);

  *out_user = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, email, -1, SQLITE_TRANSIENT);
  return find_user (db, stmt, out_user, error);
}

gboolean
san_portald_db_find_user_by_id (SanPortaldDb     *db,
                                gint64            id,
                                SanPortaldUser  **out_user,
                                GError          **error)
{
  g_autoptr(SanStmt) stmt = prepare (db,
    "SELECT id, email, display_name, password_hash, role FROM users WHERE id = ?1", error);

  *out_user = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return find_user (db, stmt, out_user, error);
}

gboolean
san_portald_db_set_user_role (SanPortaldDb  *db,
                              gint64         user_id,
                              const char    *role,
                              GError       **error)
{
  g_autoptr(SanStmt) stmt = prepare (db, "UPDATE users SET role = ?2 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_text (stmt, 2, role, -1, SQLITE_TRANSIENT);
  return step_done (db, stmt, error);
}

gboolean
san_portald_db_user_is_staff (SanPortaldDb  *db,
                              gint64         user_id,
                              gboolean      *out_staff,
                              GError       **error)
{
  g_autoptr(SanStmt) stmt = prepare (db, "SELECT role = 'staff' FROM users WHERE id = ?1", error);
  int rc;

  *out_staff = FALSE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, user_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_staff = sqlite3_column_int (stmt, 0) != 0;
  else if (rc != SQLITE_DONE)
    return set_db_error (db, error, "Could not read a user's role");
  return TRUE;
}

/* Contracts */

gboolean
san_portald_db_get_contract_name (SanPortaldDb  *db,
                                  gint64         contract_id,
                                  char         **out_name,
                                  GError       **error)
{
  g_autoptr(SanStmt) stmt = prepare (db, "SELECT name FROM contracts WHERE id = ?1", error);
  int rc;

  *out_name = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_name = g_strdup (column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    return set_db_error (db, error, "Could not read a contract");
  return TRUE;
}

gint64
san_portald_db_add_contract (SanPortaldDb  *db,
                             const char    *name,
                             const char    *document,
                             gint64         owner_id,
                             GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *bare = NULL;
  g_autoptr(SanStmt) stmt = NULL;

  if (!san_document_validate (document, NULL, &bare, &local_error))
    {
      g_set_error (error, SAN_PORTALD_ERROR, SAN_PORTALD_ERROR_INVALID,
                   "Contract “%s”: %s", name, local_error->message);
      return 0;
    }

  stmt = prepare (db, "INSERT INTO contracts (name, document, owner_id) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, bare, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, owner_id);
  if (!step_done (db, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (db->handle);
}

gboolean
san_portald_db_add_member (SanPortaldDb        *db,
                           gint64               contract_id,
                           gint64               user_id,
                           const char * const  *permissions,
                           GError             **error)
{
  g_autoptr(SanStmt) member = prepare (db,
    "INSERT INTO memberships (contract_id, user_id) VALUES (?1, ?2)", error);

  if (member == NULL)
    return FALSE;
  sqlite3_bind_int64 (member, 1, contract_id);
  sqlite3_bind_int64 (member, 2, user_id);
  if (!step_done (db, member, error))
    return FALSE;

  for (guint i = 0; permissions != NULL && permissions[i] != NULL; i++)
    {
      g_autoptr(SanStmt) perm = prepare (db,
        "INSERT INTO membership_permissions (contract_id, user_id, permission)"
        " VALUES (?1, ?2, ?3)", error);

      if (perm == NULL)
        return FALSE;
      sqlite3_bind_int64 (perm, 1, contract_id);
      sqlite3_bind_int64 (perm, 2, user_id);
      sqlite3_bind_text (perm, 3, permissions[i], -1, SQLITE_TRANSIENT);
      if (!step_done (db, perm, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
san_portald_db_get_access (SanPortaldDb  *db,
                           gint64         user_id,
                           gint64         contract_id,
                           const char    *permission,
                           gboolean      *out_member,
                           gboolean      *out_allowed,
                           GError       **error)
{
  g_autoptr(SanStmt) stmt = prepare (db,
    "SELECT c.owner_id = ?1,"
    "       EXISTS (SELECT 1 FROM memberships m"
    "               WHERE m.contract_id = c.id AND m.user_id = ?1),"
    "       EXISTS (SELECT 1 FROM membership_permissions p"
    "               WHERE p.contract_id = c.id AND p.user_id = ?1 AND p.permission = ?3)"
    "  FROM contracts c WHERE c.id = ?2", error);
  int rc;

  *out_member = FALSE;
  *out_allowed = FALSE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int64 (stmt, 2, contract_id);
  sqlite3_bind_text (stmt, 3, permission, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;   /* no such contract */
  if (rc != SQLITE_ROW)
    return set_db_error (db, error, "Could not read a membership");

  if (sqlite3_column_int (stmt, 0))
    {
      /* the owner holds every permission */
      *out_member = TRUE;
      *out_allowed = san_portald_permission_is_known (permission);
    }
  else if (sqlite3_column_int (stmt, 1))
    {
      *out_member = TRUE;
      *out_allowed = sqlite3_column_int (stmt, 2) != 0;
    }
  return TRUE;
}

gboolean
san_portald_db_build_contracts (SanPortaldDb  *db,
                                gint64         user_id,
                                JsonBuilder   *builder,
                                GError       **error)
{
  g_autoptr(SanStmt) stmt = prepare (db,
    "SELECT c.id, c.name, c.document, c.owner_id = ?1 FROM contracts c"
    " WHERE c.owner_id = ?1"
    "    OR EXISTS (SELECT 1 FROM memberships m WHERE m.contract_id = c.id AND m.user_id = ?1)"
    " ORDER BY c.id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, user_id);

  json_builder_set_member_name (builder, "contracts");
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 contract_id = sqlite3_column_int64 (stmt, 0);
      gboolean owner = sqlite3_column_int (stmt, 3) != 0;
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, contract_id);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, column_text (stmt, 1));
      json_builder_set_member_name (builder, "document");
      json_builder_add_string_value (builder, column_text (stmt, 2));
      json_builder_set_member_name (builder, "owner");
      json_builder_add_boolean_value (builder, owner);
      json_builder_set_member_name (builder, "permissions");
      json_builder_begin_array (builder);
      if (owner)
        {
          for (guint i = 0; san_portald_permissions[i] != NULL; i++)
            json_builder_add_string_value (builder, san_portald_permissions[i]);
        }
      else
        {
          g_autoptr(SanStmt) perms = prepare (db,
            "SELECT permission FROM membership_permissions"
            " WHERE contract_id = ?1 AND user_id = ?2", error);
          g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_free);
          int prc;

          if (perms == NULL)
            return FALSE;
          sqlite3_bind_int64 (perms, 1, contract_id);
          sqlite3_bind_int64 (perms, 2, user_id);
          while ((prc = sqlite3_step (perms)) == SQLITE_ROW)
            g_ptr_array_add (held, g_strdup (column_text (perms, 0)));
          if (prc != SQLITE_DONE)
            return set_db_error (db, error, "Could not read permissions");
          g_ptr_array_add (held, NULL);

          /* in the canonical order */
          for (guint i = 0; san_portald_permissions[i] != NULL; i++)
            if (g_strv_contains ((const char * const *) held->pdata, san_portald_permissions[i]))
              json_builder_add_string_value (builder, san_portald_permissions[i]);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (rc != SQLITE_DONE)
    return set_db_error (db, error, "Could not read contracts");
  return TRUE;
}

/* Instances and services */

gint64
san_portald_db_add_instance (SanPortaldDb  *db,
                             const char    *name,
                             const char    *hostname,
                             const char    *region,
                             GError       **error)
{
  g_autoptr(SanStmt) stmt = prepare (db,
    "INSERT INTO instances (name, hostname, region) VALUES (?1, ?2, ?3)", error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, hostname, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, region, -1, SQLITE_TRANSIENT);
  if (!step_done (db, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (db->handle);
}

gint64
san_portald_db_add_service (SanPortaldDb               *db,
                            gint64                      contract_id,
                            const SanPortaldServiceRow *row,
                            GError                    **error)
{
  g_autoptr(SanStmt) stmt = prepare (db,
    "INSERT INTO services (contract_id, product, plan, domain, kind, status, billing_cycle,"
    "                      price_cents, next_due_date, status_since, support_level,"
    "                      payment_method, instance_id, created_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)", error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  sqlite3_bind_text (stmt, 2, row->product, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, row->plan, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, row->domain != NULL ? row->domain : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, row->kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, row->status, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, row->billing_cycle, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 8, row->price_cents);
  if (row->next_due_date != NULL)
    sqlite3_bind_text (stmt, 9, row->next_due_date, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 9);
  sqlite3_bind_text (stmt, 10, row->status_since, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 11, row->support_level, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 12, row->payment_method, -1, SQLITE_TRANSIENT);
  if (row->instance_id != 0)
    sqlite3_bind_int64 (stmt, 13, row->instance_id);
  else
    sqlite3_bind_null (stmt, 13);
  sqlite3_bind_text (stmt, 14, row->created_at, -1, SQLITE_TRANSIENT);
  if (!step_done (db, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (db->handle);
}

#define SERVICE_COLUMNS \
  "SELECT s.id, s.contract_id, s.product, s.plan, s.domain, s.kind, s.status," \
  "       s.billing_cycle, s.price_cents, s.next_due_date, s.status_since," \
  "       s.support_level, s.payment_method, s.created_at," \
  "       i.id, i.name, i.hostname, i.region" \
  "  FROM services s LEFT JOIN instances i ON i.id = s.instance_id"

static void
add_id_member (JsonBuilder *builder,
               const char  *name,
               gint64       id)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, text);
}

static void
add_text_member (JsonBuilder  *builder,
                 const char   *name,
                 sqlite3_stmt *stmt,
                 int           column)
{
  json_builder_set_member_name (builder, name);
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, column_text (stmt, column));
}

static void
build_service_row (JsonBuilder  *builder,
                   sqlite3_stmt *stmt)
{
  json_builder_begin_object (builder);
  add_id_member (builder, "id", sqlite3_column_int64 (stmt, 0));
  add_id_member (builder, "contract_id", sqlite3_column_int64 (stmt, 1));
  add_text_member (builder, "product", stmt, 2);
  add_text_member (builder, "plan", stmt, 3);
  add_text_member (builder, "domain", stmt, 4);
  add_text_member (builder, "kind", stmt, 5);
  add_text_member (builder, "status", stmt, 6);
  add_text_member (builder, "billing_cycle", stmt, 7);
  json_builder_set_member_name (builder, "price_cents");
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 8));
  add_text_member (builder, "next_due_date", stmt, 9);
  add_text_member (builder, "status_since", stmt, 10);
  add_text_member (builder, "support_level", stmt, 11);
  add_text_member (builder, "payment_method", stmt, 12);
  json_builder_set_member_name (builder, "instance");
  if (sqlite3_column_type (stmt, 14) == SQLITE_NULL)
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      add_id_member (builder, "id", sqlite3_column_int64 (stmt, 14));
      add_text_member (builder, "name", stmt, 15);
      add_text_member (builder, "hostname", stmt, 16);
      add_text_member (builder, "region", stmt, 17);
      json_builder_end_object (builder);
    }
  add_text_member (builder, "created_at", stmt, 13);
  json_builder_end_object (builder);
}

/* ?1 contract, ?2 status or NULL, ?3 folded query or NULL */
#define SERVICE_FILTER \
  " WHERE s.contract_id = ?1" \
  "   AND (?2 IS NULL OR s.status = ?2)" \
  "   AND (?3 IS NULL OR instr (san_fold (s.domain), ?3) > 0" \
  "                   OR instr (san_fold (s.product), ?3) > 0" \
  "                   OR instr (san_fold (s.plan), ?3) > 0)"

static void
bind_filter (sqlite3_stmt                  *stmt,
             gint64                         contract_id,
             const SanPortaldServiceFilter *filter,
             const char                    *folded_query)
{
  sqlite3_bind_int64 (stmt, 1, contract_id);
  if (filter->status != NULL)
    sqlite3_bind_text (stmt, 2, filter->status, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 2);
  if (folded_query != NULL)
    sqlite3_bind_text (stmt, 3, folded_query, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 3);
}

gboolean
san_portald_db_build_services (SanPortaldDb                  *db,
                               gint64                         contract_id,
                               const SanPortaldServiceFilter *filter,
                               char *                       (*make_cursor) (gint64 last_id),
                               JsonBuilder                   *builder,
                               GError                       **error)
{
  g_autoptr(SanStmt) count = NULL;
  g_autoptr(SanStmt) page = NULL;
  g_autofree char *folded_query = NULL;
  gint64 total;
  gint64 last_id = 0;
  guint n = 0;
  gboolean more = FALSE;
  int rc;

  if (filter->query != NULL && filter->query[0] != '\0')
    {
      g_autofree char *normalized = g_utf8_normalize (filter->query, -1, G_NORMALIZE_ALL_COMPOSE);

      folded_query = g_utf8_casefold (normalized != NULL ? normalized : "", -1);
    }

  count = prepare (db, "SELECT count (*) FROM services s" SERVICE_FILTER, error);
  if (count == NULL)
    return FALSE;
  bind_filter (count, contract_id, filter, folded_query);
  if (sqlite3_step (count) != SQLITE_ROW)
    return set_db_error (db, error, "Could not count services");
  total = sqlite3_column_int64 (count, 0);

  page = prepare (db, SERVICE_COLUMNS SERVICE_FILTER " AND s.id > ?4 ORDER BY s.id LIMIT ?5", error);
  if (page == NULL)
    return FALSE;
  bind_filter (page, contract_id, filter, folded_query);
  sqlite3_bind_int64 (page, 4, filter->after_id);
  sqlite3_bind_int64 (page, 5, (gint64) filter->limit + 1);

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
      build_service_row (builder, page);
      last_id = sqlite3_column_int64 (page, 0);
      n++;
    }
  json_builder_end_array (builder);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return set_db_error (db, error, "Could not read services");

  json_builder_set_member_name (builder, "total");
  json_builder_add_int_value (builder, total);
  json_builder_set_member_name (builder, "next_cursor");
  if (more)
    {
      g_autofree char *cursor = make_cursor (last_id);

      json_builder_add_string_value (builder, cursor);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  return TRUE;
}

gboolean
san_portald_db_build_service (SanPortaldDb  *db,
                              gint64         contract_id,
                              gint64         service_id,
                              JsonBuilder   *builder,
                              gboolean      *out_found,
                              GError       **error)
{
  g_autoptr(SanStmt) stmt = prepare (db,
    SERVICE_COLUMNS " WHERE s.contract_id = ?1 AND s.id = ?2", error);
  int rc;

  *out_found = FALSE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  sqlite3_bind_int64 (stmt, 2, service_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return set_db_error (db, error, "Could not read a service");
  build_service_row (builder, stmt);
  *out_found = TRUE;
  return TRUE;
}

/* Sessions */

gboolean
san_portald_db_add_session (SanPortaldDb  *db,
                            gint64         user_id,
                            const guint8  *access_hash,
                            gint64         access_expires_ms,
                            const guint8  *refresh_hash,
                            gint64         refresh_expires_ms,
                            gint64         now_ms,
                            GError       **error)
{
  g_autoptr(SanStmt) stmt = prepare (db,
    "INSERT INTO sessions (user_id, access_hash, access_expires_ms, refresh_hash,"
    "                      refresh_expires_ms, created_ms)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_blob (stmt, 2, access_hash, 32, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, access_expires_ms);
  sqlite3_bind_blob (stmt, 4, refresh_hash, 32, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, refresh_expires_ms);
  sqlite3_bind_int64 (stmt, 6, now_ms);
  return step_done (db, stmt, error);
}

static gboolean
find_session (SanPortaldDb  *db,
              SanStmt       *stmt,
              const guint8  *hash,
              gint64        *out_session_id,
              gint64        *out_user_id,
              gint64        *out_expires_ms,
              GError       **error)
{
  int rc;

  *out_session_id = 0;
  *out_user_id = 0;
  *out_expires_ms = 0;
  sqlite3_bind_blob (stmt, 1, hash, 32, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return set_db_error (db, error, "Could not read a session");
  *out_session_id = sqlite3_column_int64 (stmt, 0);
  *out_user_id = sqlite3_column_int64 (stmt, 1);
  *out_expires_ms = sqlite3_column_int64 (stmt, 2);
  return TRUE;
}

gboolean
san_portald_db_find_access (SanPortaldDb  *db,
                            const guint8  *access_hash,
                            gint64        *out_session_id,
                            gint64        *out_user_id,
                            gint64        *out_expires_ms,
                            GError       **error)
{
  g_autoptr(SanStmt) stmt = prepare (db,
    "SELECT id, user_id, access_expires_ms FROM sessions WHERE access_hash = ?1", error);

  if (stmt == NULL)
    return FALSE;
  return find_session (db, stmt, access_hash, out_session_id, out_user_id, out_expires_ms, error);
}

gboolean
san_portald_db_find_refresh (SanPortaldDb  *db,
                             const guint8  *refresh_hash,
                             gint64        *out_session_id,
                             gint64        *out_user_id,
                             gint64        *out_expires_ms,
                             GError       **error)
{
  g_autoptr(SanStmt) stmt = prepare (db,
    "SELECT id, user_id, refresh_expires_ms FROM sessions WHERE refresh_hash = ?1", error);

  if (stmt == NULL)
    return FALSE;
  return find_session (db, stmt, refresh_hash, out_session_id, out_user_id, out_expires_ms, error);
}

gboolean
san_portald_db_rotate_session (SanPortaldDb  *db,
                               gint64         session_id,
                               const guint8  *access_hash,
                               gint64         access_expires_ms,
                               const guint8  *refresh_hash,
                               gint64         refresh_expires_ms,
                               GError       **error)
{
  g_autoptr(SanStmt) stmt = prepare (db,
    "UPDATE sessions SET access_hash = ?2, access_expires_ms = ?3,"
    "                    refresh_hash = ?4, refresh_expires_ms = ?5"
    " WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_blob (stmt, 2, access_hash, 32, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, access_expires_ms);
  sqlite3_bind_blob (stmt, 4, refresh_hash, 32, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, refresh_expires_ms);
  return step_done (db, stmt, error);
}

gboolean
san_portald_db_delete_session (SanPortaldDb  *db,
                               gint64         session_id,
                               GError       **error)
{
  g_autoptr(SanStmt) stmt = prepare (db, "DELETE FROM sessions WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session_id);
  return step_done (db, stmt, error);
}

gboolean
san_portald_db_session_exists (SanPortaldDb  *db,
                               gint64         session_id,
                               gboolean      *out_exists,
                               GError       **error)
{
  g_autoptr(SanStmt) stmt = prepare (db, "SELECT 1 FROM sessions WHERE id = ?1", error);
  int rc;

  *out_exists = FALSE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return set_db_error (db, error, "Could not check a session");
  *out_exists = rc == SQLITE_ROW;
  return TRUE;
}

gboolean
san_portald_db_prune_sessions (SanPortaldDb  *db,
                               gint64         now_ms,
                               GError       **error)
{
  g_autoptr(SanStmt) stmt = prepare (db, "DELETE FROM sessions WHERE refresh_expires_ms <= ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, now_ms);
  return step_done (db, stmt, error);
}

/* For the other san-portald-*-db.c files (san-portald-db-private.h) */

sqlite3 *
san_portald_db_get_handle (SanPortaldDb *db)
{
  return db->handle;
}

gboolean
san_portald_db_set_error (SanPortaldDb  *db,
                          GError       **error,
                          const char    *what)
{
  return set_db_error (db, error, what);
}

sqlite3_stmt *
san_portald_db_prepare (SanPortaldDb  *db,
                        const char    *sql,
                        GError       **error)
{
  return prepare (db, sql, error);
}

gboolean
san_portald_db_step_done (SanPortaldDb  *db,
                          sqlite3_stmt  *stmt,
                          GError       **error)
{
  return step_done (db, stmt, error);
}

const char *
san_portald_db_column_text (sqlite3_stmt *stmt,
                            int           column)
{
  return column_text (stmt, column);
}
