/* san-ticket-attachments.h: the files a person attaches to a new ticket or a reply
 *
 * A short list of files, each with its name, size and a remove button,
 * an "Add Files…" button (a GtkFileChooserNative, several at once) and a
 * drop target for files dragged from a file manager. The limits are checked
 * as files come: at most 5 files of at most 5 MiB each, 10 MiB together
 * (what san-portald accepts); what does not fit is left out and the reason
 * shown under the list.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SAN_TICKET_ATTACHMENTS_MAX_FILES      5
#define SAN_TICKET_ATTACHMENTS_MAX_FILE_SIZE  (5 * 1024 * 1024)
#define SAN_TICKET_ATTACHMENTS_MAX_TOTAL_SIZE (10 * 1024 * 1024)

#define SAN_TYPE_TICKET_ATTACHMENTS (san_ticket_attachments_get_type ())
G_DECLARE_FINAL_TYPE (SanTicketAttachments, san_ticket_attachments, SAN, TICKET_ATTACHMENTS, GtkWidget)

GtkWidget   *san_ticket_attachments_new                 (void);

/* Adds files (in order; each checked against the limits once its size is
 * known). What a drop and the file chooser do. */
void         san_ticket_attachments_add_files           (SanTicketAttachments *self,
                                                         GSList               *files);
/* Forgets every file (after a send) */
void         san_ticket_attachments_clear               (SanTicketAttachments *self);
/* The files as URIs, in order (for a draft); never NULL */
GStrv        san_ticket_attachments_dup_uris            (SanTicketAttachments *self);
/* Replaces the files with these (a draft coming back); files no longer
 * there are left out, and the message says so */
void         san_ticket_attachments_set_uris            (SanTicketAttachments *self,
                                                         const char * const   *uris);
/* The files, a new GListModel of GFile (NULL when none), for sending */
GListModel  *san_ticket_attachments_dup_files           (SanTicketAttachments *self);
guint        san_ticket_attachments_get_n_files         (SanTicketAttachments *self);
/* FALSE while a file's size is still being read */
gboolean     san_ticket_attachments_get_ready           (SanTicketAttachments *self);
/* Checks the limits again before a send; FALSE with a message shown and
 * in @error (G_IO_ERROR_INVALID_ARGUMENT) when they are not met */
gboolean     san_ticket_attachments_check               (SanTicketAttachments *self,
                                                         GError              **error);
/* Shows @message (NULL: nothing) under the list, as an error */
void         san_ticket_attachments_set_message         (SanTicketAttachments *self,
                                                         const char           *message);
const char  *san_ticket_attachments_get_message         (SanTicketAttachments *self);
/* Files dropped on @target (a form) come here. The drop target is a
 * GtkDropTarget for GDK_TYPE_FILE_LIST added to @target. */
GtkDropTarget *san_ticket_attachments_add_drop_target   (SanTicketAttachments *self,
                                                         GtkWidget            *target);

/* Properties: "n-files" (guint), "ready" (gboolean), both read-only
 * Signals:
 *   "changed" (void): a file was added or removed */

G_END_DECLS
