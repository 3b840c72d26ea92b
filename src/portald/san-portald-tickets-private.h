/* san-portald-tickets-private.h: the tickets rows and queries (san-portald-tickets-db.c),
 * and the ticket handling the customer and the staff routes share (san-portald-tickets.c)
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For san-portald-tickets.c and san-portald-staff.c only. Instants are
 * RFC 3339 UTC text. Every query for a customer leaves out internal
 * (staff-only) messages: they are not listed, not counted, not searched,
 * never the "last message" and their attachments are not served. Only the
 * functions that say "staff" read them.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "san-portald-db.h"
#include "san-portald-server.h"

G_BEGIN_DECLS

/* Who a ticket is shown to: a customer (through their contract: never an
 * internal note) or the staff desk (any contract, internal notes too, each
 * message with "internal", the ticket with its "contract") */
typedef enum
{
  SAN_PORTALD_TICKET_VIEW_CUSTOMER,
  SAN_PORTALD_TICKET_VIEW_STAFF,
} SanPortaldTicketView;

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
  char   *last_message_author;  /* customer | staff (of the public messages) */
  gint64  message_count;        /* the messages the view shows */
  char   *contract_name;
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

/* The staff queue: every contract's tickets, by activity (oldest first) */
typedef struct
{
  gint64      department_id;     /* 0: any */
  const char *status;            /* NULL: any; a status, or "open_any" */
  const char *priority;          /* NULL: any */
  const char *waiting;           /* NULL: any; "us" or "customer" */
  const char *folded_query;      /* NULL: any; in the number, subject and every message */
  gint64      after_id;          /* keyset: the last ticket of the previous page, 0: none */
  const char *after_updated_at;
  guint       limit;
} SanPortaldStaffTicketFilter;

/* An attachment's file */
typedef struct
{
  gint64  contract_id;
  char   *filename;
  char   *content_type;
  char   *sha256;
} SanPortaldAttachmentFile;

void san_portald_attachment_file_clear (SanPortaldAttachmentFile *file);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SanPortaldAttachmentFile, san_portald_attachment_file_clear)

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
/* Staff: ticket @ticket_id of any contract, its count with internal notes;
 * *@out_ticket NULL (TRUE) when there is none */
gboolean san_portald_tickets_db_get_staff_ticket  (SanPortaldDb                  *db,
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
/* Staff: at most filter->limit + 1 tickets of every contract, oldest
 * activity first (updated_at, id), and the number of all matches */
gboolean san_portald_tickets_db_list_staff_tickets (SanPortaldDb                      *db,
                                                    const SanPortaldStaffTicketFilter *filter,
                                                    GPtrArray                        **out_tickets,
                                                    gint64                            *out_total,
                                                    GError                           **error);
/* The messages of @ticket_id @view shows, in order, as a "messages" member of @builder */
gboolean san_portald_tickets_db_build_messages    (SanPortaldDb                  *db,
                                                   gint64                         ticket_id,
                                                   SanPortaldTicketView           view,
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

/* The attachment @token of @contract_id's tickets (public messages only);
 * *@out_found FALSE when there is none */
gboolean san_portald_tickets_db_get_attachment    (SanPortaldDb                  *db,
                                                   gint64                         contract_id,
                                                   const char                    *token,
                                                   gboolean                      *out_found,
                                                   SanPortaldAttachmentFile      *out_file,
                                                   GError                       **error);
/* Staff: the attachment @token of any ticket, internal notes' too */
gboolean san_portald_tickets_db_get_staff_attachment (SanPortaldDb               *db,
                                                   const char                    *token,
                                                   gboolean                      *out_found,
                                                   SanPortaldAttachmentFile      *out_file,
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

/* The handling shared by the customer routes and the staff desk
 * (san-portald-tickets.c); each answers the request when it returns FALSE
 * or says so */

/* The {tid} ticket: of the request's contract (customer view) or of any
 * contract (staff view). FALSE after answering 404 or 500. */
gboolean san_portald_tickets_load               (SanPortaldRequest              *req,
                                                 SanPortaldTicketView            view,
                                                 SanPortaldTicket              **out_ticket);
/* Answers @status with ticket @ticket_id and its thread as @view shows it */
void     san_portald_tickets_send_detail        (SanPortaldRequest              *req,
                                                 guint                           status,
                                                 gint64                          ticket_id,
                                                 SanPortaldTicketView            view);
/* Answers a list page {"items", "total", "next_cursor"}: the first @limit
 * of @tickets, with @next_cursor (NULL: the last page) */
void     san_portald_tickets_send_page          (SanPortaldRequest              *req,
                                                 GPtrArray                      *tickets,
                                                 guint                           limit,
                                                 gint64                          total,
                                                 const char                     *next_cursor,
                                                 SanPortaldTicketView            view);
/* A "status" query filter: one of the six or "open_any"; NULL (with a field
 * error unless @text is NULL) otherwise */
const char *san_portald_tickets_read_status_filter (const char                  *text,
                                                 GArray                         *errors);
/* A "q" query: the casefolded text, NULL when empty or absent (or with a
 * field error when invalid or too long) */
char    *san_portald_tickets_read_query         (const char                     *text,
                                                 GArray                         *errors);
/* TRUE for one of the six statuses, one of the three priorities */
gboolean san_portald_tickets_is_status          (const char                     *text);
gboolean san_portald_tickets_is_priority        (const char                     *text);
/* Reads a message (JSON, or multipart: a "message" part and "attachments")
 * and adds it to @ticket. Customer view: a reply (the ticket becomes
 * customer_reply, e-mailed). Staff view: a reply as SAN (answered,
 * e-mailed), or with "internal": true a note (no status change, no e-mail).
 * Answers 201 with the thread as @view shows it, or the error. */
void     san_portald_tickets_post_message       (SanPortaldRequest              *req,
                                                 const SanPortaldTicket         *ticket,
                                                 SanPortaldTicketView            view);
/* Moves @ticket to @status (closing e-mails the contract) and answers 200
 * with the thread as @view shows it. */
void     san_portald_tickets_change_status      (SanPortaldRequest              *req,
                                                 const SanPortaldTicket         *ticket,
                                                 const char                     *status,
                                                 SanPortaldTicketView            view);
/* The attachment {aid} as @view may read it; FALSE after answering 404 or 500 */
gboolean san_portald_tickets_find_attachment    (SanPortaldRequest              *req,
                                                 SanPortaldTicketView            view,
                                                 SanPortaldAttachmentFile       *out_file);
/* Answers 200 with the attachment's bytes (or 500) */
void     san_portald_tickets_send_attachment    (SanPortaldRequest              *req,
                                                 const SanPortaldAttachmentFile *file);

G_END_DECLS
