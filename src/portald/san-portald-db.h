/* san-portald-db.h: the portal's SQLite database (schema, migrations, queries)
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define SAN_PORTALD_ERROR (san_portald_error_quark ())

typedef enum
{
  SAN_PORTALD_ERROR_FAILED,
  SAN_PORTALD_ERROR_DATABASE,  /* SQLite said no */
  SAN_PORTALD_ERROR_INVALID,   /* bad data given to a query (demo seed, document) */
  SAN_PORTALD_ERROR_NEWER,     /* the database was written by a newer san-portald */
} SanPortaldError;

GQuark san_portald_error_quark (void);

/* The schema version this build migrates to (PRAGMA user_version). */
#define SAN_PORTALD_DB_SCHEMA_VERSION 7

/* The permission words, in the order /me lists them. */
extern const char * const san_portald_permissions[];
gboolean san_portald_permission_is_known (const char *word);

/* A user's role (users.role): customers use their contracts; staff read
 * every contract (GET only, audited) and work the ticket queue. "staff" is
 * also the permission word of the /api/v1/staff/ routes. */
#define SAN_PORTALD_ROLE_CUSTOMER "customer"
#define SAN_PORTALD_ROLE_STAFF    "staff"

typedef struct _SanPortaldDb SanPortaldDb;

typedef struct
{
  gint64    id;
  char     *email;
  char     *display_name;
  char     *password_hash;
  gboolean  is_staff;        /* the staff role (else customer) */
} SanPortaldUser;

void san_portald_user_free (SanPortaldUser *user);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SanPortaldUser, san_portald_user_free)

/* Opens (creating when needed) the database at @path: WAL, foreign keys,
 * busy timeout, then every pending migration, each in its own transaction. */
SanPortaldDb *san_portald_db_open               (const char     *path,
                                                 GError        **error);
/* Finalizes the statements and closes the connection (checkpointing the WAL). */
void          san_portald_db_close              (SanPortaldDb   *db);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SanPortaldDb, san_portald_db_close)

int           san_portald_db_get_schema_version (SanPortaldDb   *db);

gboolean      san_portald_db_begin              (SanPortaldDb   *db,
                                                 GError        **error);
gboolean      san_portald_db_commit             (SanPortaldDb   *db,
                                                 GError        **error);
void          san_portald_db_rollback           (SanPortaldDb   *db);

/* Called once when the open transaction ends: @committed TRUE right after
 * its COMMIT succeeded, FALSE when it was rolled back (or the database
 * closed first). For side effects outside the database that must follow
 * the data (the .eml files of the mail spool). */
typedef void (*SanPortaldDbDoneFunc) (gboolean committed,
                                      gpointer user_data);
/* Runs @func when the open transaction ends; with no transaction open, at
 * once (committed). @destroy frees @user_data after @func ran. */
void          san_portald_db_when_done          (SanPortaldDb         *db,
                                                 SanPortaldDbDoneFunc  func,
                                                 gpointer              user_data,
                                                 GDestroyNotify        destroy);

/* Users */
gboolean      san_portald_db_has_users          (SanPortaldDb   *db,
                                                 gboolean       *out_has_users,
                                                 GError        **error);
/* Returns the new user's id, or 0 with @error set. */
gint64        san_portald_db_add_user           (SanPortaldDb   *db,
                                                 const char     *email,
                                                 const char     *display_name,
                                                 const char     *password_hash,
                                                 GError        **error);
/* Looks up by login e-mail (case-insensitive). FALSE with @error unset and
 * *@out_user NULL when there is no such user. */
gboolean      san_portald_db_find_user_by_email (SanPortaldDb    *db,
                                                 const char      *email,
                                                 SanPortaldUser **out_user,
                                                 GError         **error);
gboolean      san_portald_db_find_user_by_id    (SanPortaldDb    *db,
                                                 gint64           id,
                                                 SanPortaldUser **out_user,
                                                 GError         **error);

/* Sets @user_id's role: SAN_PORTALD_ROLE_CUSTOMER or SAN_PORTALD_ROLE_STAFF */
gboolean      san_portald_db_set_user_role      (SanPortaldDb    *db,
                                                 gint64           user_id,
                                                 const char      *role,
                                                 GError         **error);
/* *@out_staff: @user_id has the staff role (FALSE for no such user) */
gboolean      san_portald_db_user_is_staff      (SanPortaldDb    *db,
                                                 gint64           user_id,
                                                 gboolean        *out_staff,
                                                 GError         **error);

/* Contracts and memberships; @document is validated with
 * san_document_validate() and stored bare. */
gint64        san_portald_db_add_contract       (SanPortaldDb   *db,
                                                 const char     *name,
                                                 const char     *document,
                                                 gint64          owner_id,
                                                 GError        **error);
/* @permissions: NULL-terminated permission words */
gboolean      san_portald_db_add_member         (SanPortaldDb        *db,
                                                 gint64               contract_id,
                                                 gint64               user_id,
                                                 const char * const  *permissions,
                                                 GError             **error);

/* How @user_id stands with @contract_id: *@out_member is FALSE for a contract
 * that does not exist or of which the user is not a member; *@out_owner for
 * its owner; *@out_allowed when the user holds @permission (owners hold all). */
gboolean      san_portald_db_get_access         (SanPortaldDb   *db,
                                                 gint64          user_id,
                                                 gint64          contract_id,
                                                 const char     *permission,
                                                 gboolean       *out_member,
                                                 gboolean       *out_allowed,
                                                 GError        **error);

/* *@out_name the contract's name, NULL (TRUE) when there is no such contract */
gboolean      san_portald_db_get_contract_name  (SanPortaldDb   *db,
                                                 gint64          contract_id,
                                                 char          **out_name,
                                                 GError        **error);

/* Adds the /me "contracts" array member to @builder (inside an object). */
gboolean      san_portald_db_build_contracts    (SanPortaldDb   *db,
                                                 gint64          user_id,
                                                 JsonBuilder    *builder,
                                                 GError        **error);

/* Instances and services */
gint64        san_portald_db_add_instance       (SanPortaldDb   *db,
                                                 const char     *name,
                                                 const char     *hostname,
                                                 const char     *region,
                                                 GError        **error);

typedef struct
{
  const char *product;
  const char *plan;
  const char *domain;          /* "" when none */
  const char *kind;
  const char *status;
  const char *billing_cycle;
  gint64      price_cents;
  const char *next_due_date;   /* NULL when none */
  const char *status_since;
  const char *support_level;
  const char *payment_method;
  gint64      instance_id;     /* 0 when none */
  const char *created_at;
} SanPortaldServiceRow;

gint64        san_portald_db_add_service        (SanPortaldDb               *db,
                                                 gint64                      contract_id,
                                                 const SanPortaldServiceRow *row,
                                                 GError                    **error);

typedef struct
{
  const char *status;      /* NULL: any */
  const char *query;       /* NULL: any; matched case-insensitively */
  gint64      after_id;    /* 0: from the start */
  guint       limit;       /* 1..100 */
} SanPortaldServiceFilter;

/* Builds the list answer {"items", "total", "next_cursor"} into @builder
 * (as a new object). The cursor is made from the last id with @make_cursor. */
gboolean      san_portald_db_build_services     (SanPortaldDb                  *db,
                                                 gint64                         contract_id,
                                                 const SanPortaldServiceFilter *filter,
                                                 char *                       (*make_cursor) (gint64 last_id),
                                                 JsonBuilder                   *builder,
                                                 GError                       **error);
/* Builds one service object into @builder; *@out_found FALSE when the
 * service does not exist in that contract. */
gboolean      san_portald_db_build_service      (SanPortaldDb   *db,
                                                 gint64          contract_id,
                                                 gint64          service_id,
                                                 JsonBuilder    *builder,
                                                 gboolean       *out_found,
                                                 GError        **error);

/* Sessions: tokens are only ever seen here as SHA-256 hashes. Times are
 * Unix milliseconds. */
gboolean      san_portald_db_add_session        (SanPortaldDb   *db,
                                                 gint64          user_id,
                                                 const guint8   *access_hash,
                                                 gint64          access_expires_ms,
                                                 const guint8   *refresh_hash,
                                                 gint64          refresh_expires_ms,
                                                 gint64          now_ms,
                                                 GError        **error);
/* *@out_session_id 0 when no session has that access token hash. */
gboolean      san_portald_db_find_access        (SanPortaldDb   *db,
                                                 const guint8   *access_hash,
                                                 gint64         *out_session_id,
                                                 gint64         *out_user_id,
                                                 gint64         *out_expires_ms,
                                                 GError        **error);
gboolean      san_portald_db_find_refresh       (SanPortaldDb   *db,
                                                 const guint8   *refresh_hash,
                                                 gint64         *out_session_id,
                                                 gint64         *out_user_id,
                                                 gint64         *out_expires_ms,
                                                 GError        **error);
/* Replaces both hashes of a session (refresh rotation). */
gboolean      san_portald_db_rotate_session     (SanPortaldDb   *db,
                                                 gint64          session_id,
                                                 const guint8   *access_hash,
                                                 gint64          access_expires_ms,
                                                 const guint8   *refresh_hash,
                                                 gint64          refresh_expires_ms,
                                                 GError        **error);
gboolean      san_portald_db_delete_session     (SanPortaldDb   *db,
                                                 gint64          session_id,
                                                 GError        **error);
/* *@out_exists: the session @session_id is still there (not logged out,
 * not pruned); a refresh keeps the session, with new token hashes */
gboolean      san_portald_db_session_exists     (SanPortaldDb   *db,
                                                 gint64          session_id,
                                                 gboolean       *out_exists,
                                                 GError        **error);
/* Drops sessions whose refresh token has expired. */
gboolean      san_portald_db_prune_sessions     (SanPortaldDb   *db,
                                                 gint64          now_ms,
                                                 GError        **error);

G_END_DECLS
