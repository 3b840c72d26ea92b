/* san-html-view.h: an e-mail's HTML part shown safely: a small tolerant renderer into a GtkTextView that never loads anything
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The renderer's rules, in short (san-html-view.c says more):
 * - Text only: nothing is ever fetched. An image shows as "[image: ALT]"
 *   ("[image]" without alt, nothing for a decorative alt=""); its source
 *   is neither loaded nor shown. Styles, scripts, titles, frames,
 *   templates, SVG, comments, doctypes and elements hidden with the
 *   hidden attribute or display:none show nothing.
 * - Paragraphs, line breaks, headings (h1–h3 larger, h4–h6 bold), bold,
 *   italic, underline, strike-through, monospace (code, pre), lists
 *   (bullets, or numbers for <ol>), block quotes (indented), tables as one
 *   line per row with " | " between cells, horizontal rules.
 * - A link to an http, https or mailto URL is underlined and followed by
 *   its URL in <angle brackets> when the text does not already say it;
 *   SanHtmlView opens it only on an explicit click (gtk_show_uri). Any
 *   other link (a javascript:, data: or relative one) is plain text.
 * - Entities: the HTML 4 named ones (Latin-1, typography, arrows) and
 *   numeric ones; a broken one stays as written.
 * - Malformed input never crashes nor hangs: unclosed and stray tags are
 *   tolerated, nesting past 256 levels is ignored, invalid UTF-8 is
 *   repaired, and work is linear in the input; the output stops at about
 *   1 MiB with "[Message truncated]". */

/* The text tags the renderer uses, in the buffer's tag table */
#define SAN_HTML_TAG_BOLD      "san-html-bold"
#define SAN_HTML_TAG_ITALIC    "san-html-italic"
#define SAN_HTML_TAG_UNDERLINE "san-html-underline"
#define SAN_HTML_TAG_STRIKE    "san-html-strike"
#define SAN_HTML_TAG_MONO      "san-html-mono"
#define SAN_HTML_TAG_SMALL     "san-html-small"
#define SAN_HTML_TAG_H1        "san-html-h1"
#define SAN_HTML_TAG_H2        "san-html-h2"
#define SAN_HTML_TAG_H3        "san-html-h3"
#define SAN_HTML_TAG_LINK      "san-html-link"   /* a link's text (and its URL) */
#define SAN_HTML_TAG_NOTE      "san-html-note"   /* what the renderer adds: [image: …], URLs, rules */
/* "san-html-indent-N" (N = 1..8): lists, quotes; their left margin
 * replaces the view's, so it includes it */
#define SAN_HTML_MARGIN        18                /* SanHtmlView's left and right margins, in pixels */

/* A link in the rendered text: its text and URL, as character offsets */
typedef struct
{
  int   start;
  int   end;
  char *url;   /* http, https or mailto */
} SanHtmlLink;

void        san_html_link_free (SanHtmlLink   *link);

/* Replaces @buffer's text with @html rendered as above, styled with the
 * tags named above (added to the buffer's tag table when missing). Needs
 * no display. Returns the links, in order: a GPtrArray of SanHtmlLink
 * (that frees them). */
GPtrArray  *san_html_render    (GtkTextBuffer *buffer,
                                const char    *html);

#define SAN_TYPE_HTML_VIEW (san_html_view_get_type ())
G_DECLARE_FINAL_TYPE (SanHtmlView, san_html_view, SAN, HTML_VIEW, GtkWidget)

/* A scrolled, read-only, selectable text view */
GtkWidget *san_html_view_new         (void);
/* Shows @html rendered (NULL: nothing) */
void       san_html_view_set_html    (SanHtmlView *self,
                                      const char  *html);
/* Shows @text as it is (NULL: nothing) */
void       san_html_view_set_text    (SanHtmlView *self,
                                      const char  *text);
/* What is shown, as plain text */
char      *san_html_view_dup_text    (SanHtmlView *self);
/* The URLs of the links shown, in order of appearance (NULL-terminated) */
GStrv      san_html_view_dup_links   (SanHtmlView *self);

G_END_DECLS
