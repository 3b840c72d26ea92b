/* san-client-support.h: tickets and attachments, e-mail history, callback
 * requests, support levels, and the staff desk
 *
 * Every call is an _async/_finish pair on SanClient, like those of
 * san-client.h: @cancellable is nullable; the finish gives a new reference
 * (or a new GBytes) the caller owns, or NULL with @error set:
 * G_IO_ERROR_CANCELLED, or a SAN_API_ERROR:
 * - SAN_API_ERROR_INVALID_INPUT: the server (400) or the client refused a
 *   value; san_api_error_get_fields() names the fields ("subject", "body",
 *   "attachments", "phone", "preferred_window.date", ...), the message says
 *   what is wrong and can be shown;
 * - SAN_API_ERROR_FORBIDDEN (403: missing permission, not a member, not
 *   staff), SAN_API_ERROR_NOT_FOUND (404), SAN_API_ERROR_CONFLICT (409, e.g.
 *   closing a closed ticket);
 * - SAN_API_ERROR_PAYLOAD_TOO_LARGE (413) and
 *   SAN_API_ERROR_UNSUPPORTED_MEDIA_TYPE (415) for attachments the server
 *   refused, with a message a user can act on;
 * - SAN_API_ERROR_MALFORMED: an answer that is not what the API promises,
 *   including one about another contract or ticket than asked;
 * - and the general ones (UNAUTHORIZED, NETWORK, SERVER, NOT_SIGNED_IN...).
 *
 * Ids are the strings of the models (san_ticket_get_id(), ...). @cursor
 * (nullable) is a page's san_page_get_next_cursor(); @limit 0 means the
 * server's default (50), at most 100.
 *
 * Attachments (@attachments, nullable: a GListModel of GFile) are read
 * asynchronously when the call starts; each is sent under its base name, and
 * the server finds its type from the content (PNG, JPEG, GIF, PDF, UTF-8 text
 * or ZIP, else 415). More than SAN_CLIENT_MAX_ATTACHMENTS files, one over
 * SAN_CLIENT_MAX_ATTACHMENT_SIZE bytes, more than
 * SAN_CLIENT_MAX_ATTACHMENTS_TOTAL together, or a file that cannot be read
 * fail with SAN_API_ERROR_INVALID_INPUT naming the field "attachments",
 * before anything is sent. Without attachments (NULL or empty) the request
 * is JSON; with them, multipart/form-data.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "san-audit-entry.h"
#include "san-callback.h"
#include "san-client.h"
#include "san-department.h"
#include "san-email.h"
#include "san-enums.h"
#include "san-page.h"
#include "san-service.h"
#include "san-support-level.h"
#include "san-ticket.h"

G_BEGIN_DECLS

/* The server's limits for the attachments of one request */
#define SAN_CLIENT_MAX_ATTACHMENTS       5
#define SAN_CLIENT_MAX_ATTACHMENT_SIZE   (5 * 1024 * 1024)
#define SAN_CLIENT_MAX_ATTACHMENTS_TOTAL (10 * 1024 * 1024)

/* Departments */

/* Every support department: a GListModel of SanDepartment (not
 * contract-scoped: any signed-in user) */
void          san_client_list_departments_async      (SanClient            *self,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
GListModel   *san_client_list_departments_finish     (SanClient            *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

/* Tickets (permission "tickets") */

/* One page of a contract's tickets, newest activity first. @status
 * (nullable) is a SanTicketStatus wire word (san_ticket_status_to_wire()) or
 * "open_any" (every status but closed); @search (nullable, at most 100
 * characters) matches the subject and the messages' text. Items are
 * SanTicket without messages. */
void          san_client_list_tickets_async          (SanClient            *self,
                                                      const char           *contract_id,
                                                      const char           *status,
                                                      const char           *search,
                                                      const char           *cursor,
                                                      guint                 limit,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
SanPage      *san_client_list_tickets_finish         (SanClient            *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

/* Every ticket of a contract matching @status and @search (both nullable,
 * as in list_tickets), following the pages: a GListModel of SanTicket
 * without messages, newest activity first */
void          san_client_list_all_tickets_async      (SanClient            *self,
                                                      const char           *contract_id,
                                                      const char           *status,
                                                      const char           *search,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
GListModel   *san_client_list_all_tickets_finish     (SanClient            *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

/* The ticket with its messages (never staff internal notes) */
void          san_client_get_ticket_async            (SanClient            *self,
                                                      const char           *contract_id,
                                                      const char           *ticket_id,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
SanTicket    *san_client_get_ticket_finish           (SanClient            *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

/* Opens a ticket: @department_id from san_client_list_departments_async(),
 * @service_id (nullable) a service of the contract, @subject (1..200
 * characters) and @body (1..20000) as typed, @attachments (nullable) as at
 * the top. Gives the new ticket with its first message; the server e-mails
 * the contract. Field errors name "department_id", "service_id",
 * "priority", "subject", "body", "attachments". */
void          san_client_open_ticket_async           (SanClient            *self,
                                                      const char           *contract_id,
                                                      const char           *department_id,
                                                      const char           *service_id,
                                                      SanTicketPriority     priority,
                                                      const char           *subject,
                                                      const char           *body,
                                                      GListModel           *attachments,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
SanTicket    *san_client_open_ticket_finish          (SanClient            *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

/* The customer replies (@body 1..20000 characters, @attachments nullable);
 * the ticket becomes customer_reply (a closed one reopens). Gives the ticket
 * with its thread, the new message last. */
void          san_client_reply_ticket_async          (SanClient            *self,
                                                      const char           *contract_id,
                                                      const char           *ticket_id,
                                                      const char           *body,
                                                      GListModel           *attachments,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
SanTicket    *san_client_reply_ticket_finish         (SanClient            *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

/* Closes the ticket; SAN_API_ERROR_CONFLICT when it is closed already.
 * Gives the closed ticket with its thread. */
void          san_client_close_ticket_async          (SanClient            *self,
                                                      const char           *contract_id,
                                                      const char           *ticket_id,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
SanTicket    *san_client_close_ticket_finish         (SanClient            *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

/* An attachment's bytes (@attachment_id from san_attachment_get_id()), and
 * in @out_content_type (nullable; free it) its type without parameters
 * ("image/png", "text/plain") or NULL when the server sent none */
void          san_client_download_attachment_async   (SanClient            *self,
                                                      const char           *contract_id,
                                                      const char           *attachment_id,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
GBytes       *san_client_download_attachment_finish  (SanClient            *self,
                                                      GAsyncResult         *result,
                                                      char                **out_content_type,
                                                      GError              **error);

/* E-mail history (permission "emails") */

/* One page of the e-mails SAN sent about the contract, newest first. @kind
 * (nullable) filters; @search (nullable, at most 100 characters) matches
 * the subject and text; @from and @to (nullable) bound the day sent
 * (São Paulo time), inclusive. Items are SanEmail without bodies. */
void          san_client_list_emails_async           (SanClient            *self,
                                                      const char           *contract_id,
                                                      const SanEmailKind   *kind,
                                                      const char           *search,
                                                      const GDate          *from,
                                                      const GDate          *to,
                                                      const char           *cursor,
                                                      guint                 limit,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
SanPage      *san_client_list_emails_finish          (SanClient            *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

/* One e-mail with its text and HTML bodies */
void          san_client_get_email_async             (SanClient            *self,
                                                      const char           *contract_id,
                                                      const char           *email_id,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
SanEmail     *san_client_get_email_finish            (SanClient            *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

/* "Nós ligamos para você" (permission "tickets") */

/* Every callback request of the contract, newest first (following the
 * pages): a GListModel of SanCallback */
void          san_client_list_callbacks_async        (SanClient            *self,
                                                      const char           *contract_id,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
GListModel   *san_client_list_callbacks_finish       (SanClient            *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

/* Asks SAN to call @phone (a Brazilian number in any spelling) about
 * @subject (1..200 characters), @service_id nullable, on @date (today to 14
 * days ahead) between @from_minutes and @to_minutes since midnight (08:00 to
 * 20:00, at least an hour apart; São Paulo time). The server checks it all:
 * field errors name "phone", "subject", "service_id", "preferred_window",
 * "preferred_window.date", "preferred_window.from", "preferred_window.to".
 * Minutes past 23:59 fail with "preferred_window.from"/".to" without
 * sending. Gives the new request (status requested). */
void          san_client_request_callback_async      (SanClient            *self,
                                                      const char           *contract_id,
                                                      const char           *phone,
                                                      const char           *subject,
                                                      const char           *service_id,
                                                      const GDate          *date,
                                                      guint                 from_minutes,
                                                      guint                 to_minutes,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
SanCallback  *san_client_request_callback_finish     (SanClient            *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

/* Support levels */

/* The catalogue (permission "services"): a GListModel of SanSupportLevel,
 * Básico, Business, Premium in that order */
void          san_client_list_support_levels_async   (SanClient            *self,
                                                      const char           *contract_id,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
GListModel   *san_client_list_support_levels_finish  (SanClient            *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

/* Sets a service's support level (permission "manage_services"); the same
 * level again is fine. Gives the service as it is now. */
void          san_client_set_support_level_async     (SanClient            *self,
                                                      const char           *contract_id,
                                                      const char           *service_id,
                                                      SanSupportLevelId     level,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
SanService   *san_client_set_support_level_finish    (SanClient            *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

/* The staff desk: only for a staff user (san_user_get_is_staff()); anyone
 * else gets SAN_API_ERROR_FORBIDDEN. Tickets here carry their contract
 * (san_ticket_get_contract_name()) and threads include internal notes
 * (san_ticket_message_get_internal()). */

/* One page of the queue across contracts, ordered by last activity, oldest
 * first (sort on the client for a desk's view). Filters, all nullable:
 * @department_id; @status a SanTicketStatus wire word or "open_any";
 * @priority; @waiting (on us or on the customer); @search (at most 100
 * characters). Items are SanTicket without messages. */
void          san_client_list_staff_tickets_async    (SanClient               *self,
                                                      const char              *department_id,
                                                      const char              *status,
                                                      const SanTicketPriority *priority,
                                                      const SanTicketWaiting  *waiting,
                                                      const char              *search,
                                                      const char              *cursor,
                                                      guint                    limit,
                                                      GCancellable            *cancellable,
                                                      GAsyncReadyCallback      callback,
                                                      gpointer                 user_data);
SanPage      *san_client_list_staff_tickets_finish   (SanClient            *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

/* The whole queue with those filters, following the pages: a GListModel of
 * SanTicket (order as in list_staff_tickets) */
void          san_client_list_all_staff_tickets_async  (SanClient               *self,
                                                        const char              *department_id,
                                                        const char              *status,
                                                        const SanTicketPriority *priority,
                                                        const SanTicketWaiting  *waiting,
                                                        const char              *search,
                                                        GCancellable            *cancellable,
                                                        GAsyncReadyCallback      callback,
                                                        gpointer                 user_data);
GListModel   *san_client_list_all_staff_tickets_finish (SanClient            *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);

/* A ticket of any contract with its whole thread, internal notes included
 * (the server records the read in the audit log) */
void          san_client_get_staff_ticket_async      (SanClient            *self,
                                                      const char           *ticket_id,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
SanTicket    *san_client_get_staff_ticket_finish     (SanClient            *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

/* Replies as SAN (@internal FALSE: the ticket becomes answered and the
 * contract is e-mailed) or adds an internal note (@internal TRUE: no status
 * change, no e-mail, never shown to the customer). @body 1..20000
 * characters, @attachments nullable. Gives the ticket with its thread. */
void          san_client_staff_reply_async           (SanClient            *self,
                                                      const char           *ticket_id,
                                                      const char           *body,
                                                      gboolean              internal,
                                                      GListModel           *attachments,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
SanTicket    *san_client_staff_reply_finish          (SanClient            *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

/* Sets the status (closing e-mails the contract; the same status again is
 * fine). Gives the ticket with its thread. */
void          san_client_staff_set_status_async      (SanClient            *self,
                                                      const char           *ticket_id,
                                                      SanTicketStatus       status,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
SanTicket    *san_client_staff_set_status_finish     (SanClient            *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

/* Any ticket's attachment, as san_client_download_attachment_async() */
void          san_client_download_staff_attachment_async  (SanClient            *self,
                                                           const char           *attachment_id,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
GBytes       *san_client_download_staff_attachment_finish (SanClient            *self,
                                                           GAsyncResult         *result,
                                                           char                **out_content_type,
                                                           GError              **error);

/* One page of the audit log, newest first; @contract_id (nullable) filters.
 * Items are SanAuditEntry. */
void          san_client_list_staff_audit_async      (SanClient            *self,
                                                      const char           *contract_id,
                                                      const char           *cursor,
                                                      guint                 limit,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
SanPage      *san_client_list_staff_audit_finish     (SanClient            *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

G_END_DECLS
