/* san-portald-tickets-private.h: the tickets rows and queries (san-portald-tickets-db.c)
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For san-portald-tickets.c only. Instants are RFC 3339 UTC text. Every
 * query for a customer leaves out internal (staff-only) messages: they are
 * not listed, not counted, not searched and never the "last message".
 */
#pragma once

#include <json-glib/json-glib.h>

#include "san-portald-db.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  gint64  contract_id;
  char   *number;
  gint64  department_id;
  char   *department_name;
  gint64  service_id;           /* 0: none */
  char   *priority;
  char   *subject;
  char   *status;
  char   *created_at;
  char   *updated_at;
  char   *last_message_author;  /* customer | staff (of the visible messages) */
  gint64  message_count;        /* visible messages */
} SanPortaldTicket;

void san_portald_ticket_free (SanPortaldTicket *ticket);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SanPortaldTicket, san_portald_ticket_free)

typedef struct
{
  const char *status;          /* NULL: any; a status, or "open_any" (not closed) */
  const char *folded_query;    /* NULL: any; casefolded, matched in subject and visible messages */
  gint64      after_id;        /* cursor: the last ticket of the previous page, 0: none */
  const char *after_updated_at;
  guint       limit;
} SanPortaldTicketFilter;

/* A new attachment, already stored in the attachments folder */
typedef struct
{
  char   *token;               /* 128-bit random hex: the id in URLs */
  char   *filename;
  char   *content_type;
  gint64  size;
  char   *sha256;              /* hex: the file's name in the folder */
} SanPortaldNewAttachment;

/* Departments: builds the {"items": [...]} answer */
gboolean san_portald_tickets_db_build_departments (SanPortaldDb                  *db,
                                                   JsonBuilder                   *builder,
                                                   GError                       **error);
/* *@out_name NULL (TRUE) when there is no such department */
gboolean san_portald_tickets_db_get_department    (SanPortaldDb                  *db,
                                                   gint64                         id,
                                                   char                         **out_name,
                                                   GError                       **error);
/* *@out_found: @service_id is a service of @contract_id */
gboolean san_portald_tickets_db_service_in_contract (SanPortaldDb                *db,
                                                   gint64                         contract_id,
                                                   gint64                         service_id,
                                                   gboolean                      *out_found,
                                                   GError                       **error);

/* *@out_ticket NULL (TRUE) when @contract_id has no ticket @ticket_id */
gboolean san_portald_tickets_db_get_ticket        (SanPortaldDb                  *db,
                                                   gint64                         contract_id,
                                                   gint64                         ticket_id,
                                                   SanPortaldTicket             **out_ticket,
                                                   GError                       **error);
/* At most filter->limit + 1 tickets, newest activity first, and the number of all matches */
gboolean san_portald_tickets_db_list_tickets      (SanPortaldDb                  *db,
                                                   gint64                         contract_id,
                                                   const SanPortaldTicketFilter  *filter,
                                                   GPtrArray                    **out_tickets,
                                                   gint64                        *out_total,
                                                   GError                       **error);
/* The visible messages of @ticket_id, in order, as a "messages" member of @builder */
gboolean san_portald_tickets_db_build_messages    (SanPortaldDb                  *db,
                                                   gint64                         ticket_id,
                                                   JsonBuilder                   *builder,
                                                   GError                       **error);

/* A new ticket, numbered "#YYYY-NNNN" by the year of @created_at; 0 with @error */
gint64   san_portald_tickets_db_add_ticket        (SanPortaldDb                  *db,
                                                   gint64                         contract_id,
                                                   gint64                         department_id,
                                                   gint64                         service_id,
                                                   const char                    *priority,
                                                   const char                    *subject,
                                                   const char                    *status,
                                                   const char                    *created_at,
                                                   GError                       **error);
/* A message (and its attachments); moves the ticket's activity time to
 * @created_at unless @internal. Returns the message id, 0 with @error. */
gint64   san_portald_tickets_db_add_message       (SanPortaldDb                  *db,
                                                   gint64                         ticket_id,
                                                   const char                    *author_kind,
                                                   gint64                         author_user_id,
                                                   const char                    *author_name,
                                                   const char                    *body,
                                                   gboolean                       internal,
                                                   const char                    *created_at,
                                                   GPtrArray                     *attachments,
                                                   GError                       **error);
gboolean san_portald_tickets_db_set_status        (SanPortaldDb                  *db,
                                                   gint64                         ticket_id,
                                                   const char                    *status,
                                                   const char                    *updated_at,
                                                   GError                       **error);

/* The attachment @token of @contract_id's tickets (visible messages only);
 * *@out_found FALSE when there is none */
gboolean san_portald_tickets_db_get_attachment    (SanPortaldDb                  *db,
                                                   gint64                         contract_id,
                                                   const char                    *token,
                                                   gboolean                      *out_found,
                                                   char                         **out_filename,
                                                   char                         **out_content_type,
                                                   char                         **out_sha256,
                                                   GError                       **error);

/* Demo: the contracts owned by @email, by id, as (id) in a GArray of gint64 */
gboolean san_portald_tickets_db_owned_contracts   (SanPortaldDb                  *db,
                                                   const char                    *email,
                                                   GArray                       **out_ids,
                                                   GError                       **error);
/* Demo: the first service of @contract_id whose domain is @domain (0 when none) */
gboolean san_portald_tickets_db_find_service      (SanPortaldDb                  *db,
                                                   gint64                         contract_id,
                                                   const char                    *domain,
                                                   const char                    *plan,
                                                   gint64                        *out_id,
                                                   GError                       **error);
/* The id of the department named @name (0 when none) */
gboolean san_portald_tickets_db_department_id     (SanPortaldDb                  *db,
                                                   const char                    *name,
                                                   gint64                        *out_id,
                                                   GError                       **error);

G_END_DECLS
