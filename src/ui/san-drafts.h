/* san-drafts.h: replies and new tickets kept on disk while they are written
 *
 * A draft is what a person typed and picked (text, subject, department,
 * service, priority, attached files' URIs) for one ticket's reply, or for
 * the new ticket, of one contract, as one signed-in user on one server.
 * The staff desk's drafts (a reply or an internal note to any ticket) are
 * kept the same way under keys of their own (san_drafts_staff_key()), with
 * whether the text is an internal note.
 * Each lives in its own file under
 * g_get_user_data_dir()/san-client-area/drafts/ (folder 0700, files 0600),
 * named by a SHA-256 of that place (san_drafts_key()) so that no e-mail,
 * contract or text shows in a file name. Files are written by an atomic
 * replace on one worker thread, in the order asked: a save asked after a
 * delete lands after it, never before. Drafts hold no tokens.
 *
 * SanDraftSaver is what an editor uses: it saves half a second after the
 * last change, at once on flush, and forgets the draft only when told the
 * text was sent.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SAN_TYPE_DRAFT (san_draft_get_type ())
G_DECLARE_FINAL_TYPE (SanDraft, san_draft, SAN, DRAFT, GObject)

SanDraft           *san_draft_new                   (void);
SanDraft           *san_draft_copy                  (SanDraft            *self);
/* TRUE when nothing was typed or picked (a mode, department or priority
 * alone is nothing) */
gboolean            san_draft_is_empty              (SanDraft            *self);
gboolean            san_draft_equal                 (SanDraft            *a,
                                                     SanDraft            *b);

/* Each string is NULL or UTF-8 (NULL and "" read back as NULL) */
const char         *san_draft_get_body              (SanDraft            *self);
void                san_draft_set_body              (SanDraft            *self,
                                                     const char          *body);
const char         *san_draft_get_subject           (SanDraft            *self);
void                san_draft_set_subject           (SanDraft            *self,
                                                     const char          *subject);
const char         *san_draft_get_department_id     (SanDraft            *self);
void                san_draft_set_department_id     (SanDraft            *self,
                                                     const char          *department_id);
const char         *san_draft_get_service_id        (SanDraft            *self);
void                san_draft_set_service_id        (SanDraft            *self,
                                                     const char          *service_id);
/* The wire word: "low", "medium", "high" */
const char         *san_draft_get_priority          (SanDraft            *self);
void                san_draft_set_priority          (SanDraft            *self,
                                                     const char          *priority);
/* TRUE when the text is a staff internal note, not a reply the customer
 * sees; FALSE for every customer draft */
gboolean            san_draft_get_internal          (SanDraft            *self);
void                san_draft_set_internal          (SanDraft            *self,
                                                     gboolean             internal);
/* The attached files' URIs, in order; never NULL */
const char * const *san_draft_get_attachment_uris   (SanDraft            *self);
void                san_draft_set_attachment_uris   (SanDraft            *self,
                                                     const char * const  *uris);

/* The draft's key: a lowercase SHA-256 in hex of @server, @user (the login
 * e-mail), @contract_id and @ticket_id (NULL: the new ticket) */
char               *san_drafts_key                  (const char          *server,
                                                     const char          *user,
                                                     const char          *contract_id,
                                                     const char          *ticket_id);
/* The key of a staff reply or note to @ticket_id as @user on @server: in a
 * scope of its own, so it never equals a customer draft's key */
char               *san_drafts_staff_key            (const char          *server,
                                                     const char          *user,
                                                     const char          *ticket_id);
/* g_get_user_data_dir()/san-client-area/drafts */
char               *san_drafts_dup_dir              (void);
/* The file of the draft @key (whether or not it exists) */
char               *san_drafts_dup_path             (const char          *key);

/* Reads the draft @key: NULL without error when there is none */
void                san_drafts_load_async           (const char          *key,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
SanDraft           *san_drafts_load_finish          (GAsyncResult        *result,
                                                     GError             **error);
/* Writes @draft as @key (an empty draft deletes it) */
void                san_drafts_save_async           (const char          *key,
                                                     SanDraft            *draft,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean            san_drafts_save_finish          (GAsyncResult        *result,
                                                     GError             **error);
/* Deletes the draft @key (none there is no error) */
void                san_drafts_delete_async         (const char          *key,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean            san_drafts_delete_finish        (GAsyncResult        *result,
                                                     GError             **error);
/* Blocks until every save and delete asked for so far is on disk. The app
 * does this at shutdown (when the main loop no longer runs) so that closing
 * the window right after typing keeps the last words. */
void                san_drafts_wait                 (void);


#define SAN_TYPE_DRAFT_SAVER (san_draft_saver_get_type ())
G_DECLARE_FINAL_TYPE (SanDraftSaver, san_draft_saver, SAN, DRAFT_SAVER, GObject)

/* Saves drafts as @key (NULL: saves nothing until a key is set) */
SanDraftSaver      *san_draft_saver_new             (const char          *key);
const char         *san_draft_saver_get_key         (SanDraftSaver       *self);
/* Another key: what was pending for the old one is saved first */
void                san_draft_saver_set_key         (SanDraftSaver       *self,
                                                     const char          *key);
/* @draft is what the editor shows now: saved ~0.5 s after the last call */
void                san_draft_saver_changed         (SanDraftSaver       *self,
                                                     SanDraft            *draft);
/* Saves what is pending now (an editor going away) */
void                san_draft_saver_flush           (SanDraftSaver       *self);
/* The text was sent: drops what is pending and deletes the draft */
void                san_draft_saver_discard         (SanDraftSaver       *self);
/* TRUE while a change waits for its save or a write is under way */
gboolean            san_draft_saver_get_busy        (SanDraftSaver       *self);
/* TRUE when the last write failed (until one succeeds): the text is only
 * in the editor. "busy" is notified when this changes. */
gboolean            san_draft_saver_get_failed      (SanDraftSaver       *self);

/* Properties: "busy" (gboolean, read-only)
 * Signals:
 *   "failed" (const GError *): a save failed (the editor still has the text) */

G_END_DECLS
