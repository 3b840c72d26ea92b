/* san-attachment.h: one file attached to a ticket message
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SAN_TYPE_ATTACHMENT (san_attachment_get_type ())
G_DECLARE_FINAL_TYPE (SanAttachment, san_attachment, SAN, ATTACHMENT, GObject)

/* Properties (read-only): "id", "filename", "content-type" (strings),
 * "size" (gint64). Strings are owned by the attachment, never NULL. */

/* 32 lower-case hex digits: pass it to san_client_download_attachment_async()
 * (or the staff variant) */
const char *san_attachment_get_id           (SanAttachment *self);
/* The base name it was sent with ("erro.png"): a plain name without '/',
 * still to be treated as untrusted text when saving */
const char *san_attachment_get_filename     (SanAttachment *self);
/* Found by the server from the content: "image/png", "image/jpeg",
 * "image/gif", "application/pdf", "application/zip" or
 * "text/plain; charset=utf-8" */
const char *san_attachment_get_content_type (SanAttachment *self);
/* In bytes */
gint64      san_attachment_get_size         (SanAttachment *self);

G_END_DECLS
