/* san-email-reader.h: one e-mail of the history: who it went to, when, and its text or its HTML shown safely
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "san-api.h"

G_BEGIN_DECLS

#define SAN_TYPE_EMAIL_READER (san_email_reader_get_type ())
G_DECLARE_FINAL_TYPE (SanEmailReader, san_email_reader, SAN, EMAIL_READER, GtkWidget)

GtkWidget  *san_email_reader_new            (void);
/* Shows @email, read whole (with its bodies), or nothing (NULL). Its HTML
 * part shows when it has one, unless the text part was chosen. */
void        san_email_reader_set_email      (SanEmailReader *self,
                                             SanEmail       *email);
SanEmail   *san_email_reader_get_email      (SanEmailReader *self);
/* Whether the text part shows rather than the HTML one (the "show-text"
 * property; the Formatted / Text buttons). The choice holds for the next
 * e-mails. */
gboolean    san_email_reader_get_show_text  (SanEmailReader *self);
void        san_email_reader_set_show_text  (SanEmailReader *self,
                                             gboolean        show_text);

/* For the list too: "Ticket", "Invoice"...; the badge's CSS class; "24 Nov
 * 2026, 09:00" in local time */
const char *san_email_kind_label            (SanEmailKind    kind);
const char *san_email_kind_css_class        (SanEmailKind    kind);
char       *san_email_format_sent_at        (GDateTime      *sent_at);

G_END_DECLS
