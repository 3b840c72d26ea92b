/* san-html-view.c: an e-mail's HTML part shown safely: a small tolerant renderer into a GtkTextView that never loads anything
 *
 * The renderer is a single forward pass over the input, no recursion:
 *
 * - The tokenizer finds text, start tags (with their attributes, quoted or
 *   not), end tags, comments, doctypes and processing instructions. A "<"
 *   that starts none of them is text. A tag or a comment cut off by the end
 *   of the input is dropped. The content of <script>, <style>, <title>,
 *   <iframe>, <textarea>, <noembed>, <noframes> and <xmp> runs to its end tag
 *   and is dropped unread.
 * - Known elements go on a stack (at most MAX_DEPTH deep: deeper ones only
 *   break lines). Counters per element and per style make every question
 *   ("is a <pre> open?", "is this text bold?") O(1), so an end tag with no
 *   open element costs nothing, and one that matches pops everything above
 *   it (a missing end tag is thereby tolerated). Some start tags close what
 *   HTML closes implicitly: a block closes an open <p>, <li> the previous
 *   item of its list, <dt>/<dd> the previous term, <tr> the row, <td>/<th>
 *   the cell, <a> an open link. Unknown elements are ignored; their text
 *   shows.
 * - Text collapses white space as HTML does (except in <pre>), blocks ask
 *   for line breaks or blank lines between them (never more than two blank
 *   lines in a row, none at the start or the end), and list items get their
 *   bullet or number when their first text comes.
 * - Nothing is ever fetched: the renderer has no code that opens a URL or
 *   a file. An image is its alt text, a link is text plus its URL; the
 *   view below hands a link to gtk_show_uri() only when it is clicked.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "san-html-view.h"

#define MAX_DEPTH        256            /* open elements; deeper ones are ignored */
#define MAX_OUTPUT       (1024 * 1024)  /* bytes of text shown */
#define MAX_URL          2048           /* bytes; a longer href is not a link */
#define MAX_LINKS        10000          /* more are plain text */
#define MAX_ALT          200            /* characters of an image's alt shown */
#define MAX_LINK_TEXT    1024           /* bytes of a link's text kept to compare with its URL */
#define MAX_NEWLINES     3              /* two blank lines */
#define MAX_LINE_RUNS    256            /* styled runs in a line; the rest of it is plain */
#define MAX_INDENT       8
#define INDENT_PIXELS    24
#define RULE             "────────────────────"

/* Styles: each element adds some; text gets the tags of those open */
typedef enum
{
  ST_BOLD,
  ST_ITALIC,
  ST_UNDERLINE,
  ST_STRIKE,
  ST_MONO,
  ST_SMALL,
  ST_H1,
  ST_H2,
  ST_H3,
  ST_LINK,
  ST_NOTE,
  N_STYLES
} Style;

#define BIT(s) (1u << (s))

static const char * const style_tag_names[N_STYLES] = {
  [ST_BOLD] = SAN_HTML_TAG_BOLD,
  [ST_ITALIC] = SAN_HTML_TAG_ITALIC,
  [ST_UNDERLINE] = SAN_HTML_TAG_UNDERLINE,
  [ST_STRIKE] = SAN_HTML_TAG_STRIKE,
  [ST_MONO] = SAN_HTML_TAG_MONO,
  [ST_SMALL] = SAN_HTML_TAG_SMALL,
  [ST_H1] = SAN_HTML_TAG_H1,
  [ST_H2] = SAN_HTML_TAG_H2,
  [ST_H3] = SAN_HTML_TAG_H3,
  [ST_LINK] = SAN_HTML_TAG_LINK,
  [ST_NOTE] = SAN_HTML_TAG_NOTE,
};

typedef enum
{
  K_INLINE,   /* styles its text, nothing else */
  K_BLOCK,    /* breaks lines around itself */
  K_LIST,     /* <ul>, <ol> */
  K_ITEM,     /* <li> */
  K_TERM,     /* <dt>, <dd> */
  K_ROW,      /* <tr> */
  K_CELL,     /* <td>, <th> */
  K_LINK,     /* <a> */
  K_BR,
  K_IMG,
  K_HR,
  K_RAW,      /* its content, up to its end tag, is dropped unread */
} Kind;

enum
{
  F_CLOSES_P = 1 << 0,   /* its start tag closes an open <p> */
  F_HIDDEN   = 1 << 1,   /* its content is not shown */
  F_INDENT   = 1 << 2,   /* its content is indented one level */
  F_PRE      = 1 << 3,   /* white space is kept */
  F_ORDERED  = 1 << 4,   /* <ol> */
};

typedef enum
{
  EL_A, EL_ADDRESS, EL_ARTICLE, EL_ASIDE, EL_B, EL_BIG, EL_BLOCKQUOTE, EL_BR, EL_CAPTION,
  EL_CENTER, EL_CITE, EL_CODE, EL_DD, EL_DEL, EL_DETAILS, EL_DFN, EL_DIV, EL_DL, EL_DT, EL_EM,
  EL_FIELDSET, EL_FIGCAPTION, EL_FIGURE, EL_FONT, EL_FOOTER, EL_FORM, EL_H1, EL_H2, EL_H3,
  EL_H4, EL_H5, EL_H6, EL_HEADER, EL_HR, EL_I, EL_IFRAME, EL_IMG, EL_INS, EL_KBD, EL_LABEL,
  EL_LI, EL_MAIN, EL_MARK, EL_MATH, EL_NAV, EL_NOEMBED, EL_NOFRAMES, EL_OL, EL_P, EL_PRE, EL_Q,
  EL_S, EL_SAMP, EL_SCRIPT, EL_SECTION, EL_SELECT, EL_SMALL, EL_SPAN, EL_STRIKE, EL_STRONG,
  EL_STYLE, EL_SUB, EL_SUMMARY, EL_SUP, EL_SVG, EL_TABLE, EL_TD, EL_TEMPLATE, EL_TEXTAREA,
  EL_TH, EL_TITLE, EL_TR, EL_TT, EL_U, EL_UL, EL_VAR, EL_XMP,
  N_ELEMENTS
} ElementId;

typedef struct
{
  const char *name;
  guint8      kind;
  guint8      level;    /* 1: a line break around it, 2: a blank line */
  guint8      flags;
  guint16     styles;   /* BIT()s */
} Element;

#define BLOCK(n, l, s) { n, K_BLOCK, l, F_CLOSES_P, s }
#define INLINE(n, s)   { n, K_INLINE, 0, 0, s }

static const Element elements[N_ELEMENTS] = {
  [EL_A] = { "a", K_LINK, 0, 0, 0 },
  [EL_ADDRESS] = BLOCK ("address", 1, BIT (ST_ITALIC)),
  [EL_ARTICLE] = BLOCK ("article", 1, 0),
  [EL_ASIDE] = BLOCK ("aside", 1, 0),
  [EL_B] = INLINE ("b", BIT (ST_BOLD)),
  [EL_BIG] = INLINE ("big", 0),
  [EL_BLOCKQUOTE] = { "blockquote", K_BLOCK, 2, F_CLOSES_P | F_INDENT, 0 },
  [EL_BR] = { "br", K_BR, 0, 0, 0 },
  [EL_CAPTION] = { "caption", K_BLOCK, 1, 0, BIT (ST_BOLD) },
  [EL_CENTER] = BLOCK ("center", 1, 0),
  [EL_CITE] = INLINE ("cite", BIT (ST_ITALIC)),
  [EL_CODE] = INLINE ("code", BIT (ST_MONO)),
  [EL_DD] = { "dd", K_TERM, 1, F_CLOSES_P | F_INDENT, 0 },
  [EL_DEL] = INLINE ("del", BIT (ST_STRIKE)),
  [EL_DETAILS] = BLOCK ("details", 1, 0),
  [EL_DFN] = INLINE ("dfn", BIT (ST_ITALIC)),
  [EL_DIV] = BLOCK ("div", 1, 0),
  [EL_DL] = BLOCK ("dl", 2, 0),
  [EL_DT] = { "dt", K_TERM, 1, F_CLOSES_P, BIT (ST_BOLD) },
  [EL_EM] = INLINE ("em", BIT (ST_ITALIC)),
  [EL_FIELDSET] = BLOCK ("fieldset", 1, 0),
  [EL_FIGCAPTION] = BLOCK ("figcaption", 1, BIT (ST_ITALIC)),
  [EL_FIGURE] = BLOCK ("figure", 2, 0),
  [EL_FONT] = INLINE ("font", 0),
  [EL_FOOTER] = BLOCK ("footer", 1, 0),
  [EL_FORM] = BLOCK ("form", 1, 0),
  [EL_H1] = BLOCK ("h1", 2, BIT (ST_H1)),
  [EL_H2] = BLOCK ("h2", 2, BIT (ST_H2)),
  [EL_H3] = BLOCK ("h3", 2, BIT (ST_H3)),
  [EL_H4] = BLOCK ("h4", 2, BIT (ST_BOLD)),
  [EL_H5] = BLOCK ("h5", 2, BIT (ST_BOLD)),
  [EL_H6] = BLOCK ("h6", 2, BIT (ST_BOLD)),
  [EL_HEADER] = BLOCK ("header", 1, 0),
  [EL_HR] = { "hr", K_HR, 2, F_CLOSES_P, 0 },
  [EL_I] = INLINE ("i", BIT (ST_ITALIC)),
  [EL_IFRAME] = { "iframe", K_RAW, 0, 0, 0 },
  [EL_IMG] = { "img", K_IMG, 0, 0, 0 },
  [EL_INS] = INLINE ("ins", BIT (ST_UNDERLINE)),
  [EL_KBD] = INLINE ("kbd", BIT (ST_MONO)),
  [EL_LABEL] = INLINE ("label", 0),
  [EL_LI] = { "li", K_ITEM, 1, F_CLOSES_P, 0 },
  [EL_MAIN] = BLOCK ("main", 1, 0),
  [EL_MARK] = INLINE ("mark", 0),
  [EL_MATH] = { "math", K_INLINE, 0, F_HIDDEN, 0 },
  [EL_NAV] = BLOCK ("nav", 1, 0),
  [EL_NOEMBED] = { "noembed", K_RAW, 0, 0, 0 },
  [EL_NOFRAMES] = { "noframes", K_RAW, 0, 0, 0 },
  [EL_OL] = { "ol", K_LIST, 2, F_CLOSES_P | F_INDENT | F_ORDERED, 0 },
  [EL_P] = BLOCK ("p", 2, 0),
  [EL_PRE] = { "pre", K_BLOCK, 2, F_CLOSES_P | F_PRE, BIT (ST_MONO) },
  [EL_Q] = INLINE ("q", 0),
  [EL_S] = INLINE ("s", BIT (ST_STRIKE)),
  [EL_SAMP] = INLINE ("samp", BIT (ST_MONO)),
  [EL_SCRIPT] = { "script", K_RAW, 0, 0, 0 },
  [EL_SECTION] = BLOCK ("section", 1, 0),
  [EL_SELECT] = { "select", K_INLINE, 0, F_HIDDEN, 0 },
  [EL_SMALL] = INLINE ("small", BIT (ST_SMALL)),
  [EL_SPAN] = INLINE ("span", 0),
  [EL_STRIKE] = INLINE ("strike", BIT (ST_STRIKE)),
  [EL_STRONG] = INLINE ("strong", BIT (ST_BOLD)),
  [EL_STYLE] = { "style", K_RAW, 0, 0, 0 },
  [EL_SUB] = INLINE ("sub", BIT (ST_SMALL)),
  [EL_SUMMARY] = BLOCK ("summary", 1, BIT (ST_BOLD)),
  [EL_SUP] = INLINE ("sup", BIT (ST_SMALL)),
  [EL_SVG] = { "svg", K_INLINE, 0, F_HIDDEN, 0 },
  [EL_TABLE] = { "table", K_BLOCK, 2, F_CLOSES_P, 0 },
  [EL_TD] = { "td", K_CELL, 0, 0, 0 },
  [EL_TEMPLATE] = { "template", K_BLOCK, 0, F_HIDDEN, 0 },
  [EL_TEXTAREA] = { "textarea", K_RAW, 0, 0, 0 },
  [EL_TH] = { "th", K_CELL, 0, 0, BIT (ST_BOLD) },
  [EL_TITLE] = { "title", K_RAW, 0, 0, 0 },
  [EL_TR] = { "tr", K_ROW, 1, 0, 0 },
  [EL_TT] = INLINE ("tt", BIT (ST_MONO)),
  [EL_U] = INLINE ("u", BIT (ST_UNDERLINE)),
  [EL_UL] = { "ul", K_LIST, 2, F_CLOSES_P | F_INDENT, 0 },
  [EL_VAR] = INLINE ("var", BIT (ST_ITALIC)),
  [EL_XMP] = { "xmp", K_RAW, 0, 0, 0 },
};

#undef BLOCK
#undef INLINE

/* Named character references: the HTML 4 set */
typedef struct
{
  const char *name;
  gunichar    value;
} Entity;

/* U+00A0 to U+00FF, in order */
static const char * const latin1_entities[96] = {
  "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect",
  "uml", "copy", "ordf", "laquo", "not", "shy", "reg", "macr",
  "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot",
  "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
  "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil",
  "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml",
  "ETH", "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times",
  "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN", "szlig",
  "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
  "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml",
  "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml", "divide",
  "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml",
};

static const Entity other_entities[] = {
  { "quot", '"' }, { "amp", '&' }, { "apos", '\'' }, { "lt", '<' }, { "gt", '>' },
  { "OElig", 0x152 }, { "oelig", 0x153 }, { "Scaron", 0x160 }, { "scaron", 0x161 },
  { "Yuml", 0x178 }, { "fnof", 0x192 }, { "circ", 0x2c6 }, { "tilde", 0x2dc },
  { "Alpha", 0x391 }, { "Beta", 0x392 }, { "Gamma", 0x393 }, { "Delta", 0x394 },
  { "Omega", 0x3a9 }, { "alpha", 0x3b1 }, { "beta", 0x3b2 }, { "gamma", 0x3b3 },
  { "delta", 0x3b4 }, { "pi", 0x3c0 }, { "mu", 0x3bc }, { "omega", 0x3c9 },
  { "ensp", 0x2002 }, { "emsp", 0x2003 }, { "thinsp", 0x2009 }, { "zwnj", 0x200c },
  { "zwj", 0x200d }, { "lrm", 0x200e }, { "rlm", 0x200f }, { "ndash", 0x2013 },
  { "mdash", 0x2014 }, { "lsquo", 0x2018 }, { "rsquo", 0x2019 }, { "sbquo", 0x201a },
  { "ldquo", 0x201c }, { "rdquo", 0x201d }, { "bdquo", 0x201e }, { "dagger", 0x2020 },
  { "Dagger", 0x2021 }, { "bull", 0x2022 }, { "hellip", 0x2026 }, { "permil", 0x2030 },
  { "prime", 0x2032 }, { "Prime", 0x2033 }, { "lsaquo", 0x2039 }, { "rsaquo", 0x203a },
  { "oline", 0x203e }, { "frasl", 0x2044 }, { "euro", 0x20ac }, { "trade", 0x2122 },
  { "larr", 0x2190 }, { "uarr", 0x2191 }, { "rarr", 0x2192 }, { "darr", 0x2193 },
  { "harr", 0x2194 }, { "lArr", 0x21d0 }, { "rArr", 0x21d2 }, { "hArr", 0x21d4 },
  { "minus", 0x2212 }, { "infin", 0x221e }, { "ne", 0x2260 }, { "le", 0x2264 },
  { "ge", 0x2265 }, { "asymp", 0x2248 }, { "sum", 0x2211 }, { "radic", 0x221a },
  { "loz", 0x25ca }, { "spades", 0x2660 }, { "clubs", 0x2663 }, { "hearts", 0x2665 },
  { "diams", 0x2666 }, { "check", 0x2713 }, { "Tab", '\t' }, { "NewLine", '\n' },
};

/* Entities HTML still reads without their semicolon in text */
static const char * const legacy_entities[] = { "amp", "lt", "gt", "quot", "nbsp", "copy", "reg" };

/* &#128; to &#159; as HTML reads them: Windows-1252 (0: no such character) */
static const gunichar cp1252[32] = {
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
  0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
  0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
};

typedef struct
{
  guint8      element;
  guint       hidden : 1;
  guint       indent : 1;
  int         counter;   /* <ol>: the last number given; <tr>: its cells so far */
  int         prev;      /* <ul>/<ol>/<tr>: the enclosing list or row on the stack, or -1 */
  int         link;      /* <a> to an allowed URL: its index in the links, or -1 */
} Entry;

/* What a start tag says that matters here; values point into the input */
typedef struct
{
  const char *href;
  gsize       href_len;
  const char *alt;
  gsize       alt_len;
  const char *style;
  gsize       style_len;
  const char *start;
  gsize       start_len;
  guint       has_href : 1;
  guint       has_alt : 1;
  guint       has_style : 1;
  guint       has_start : 1;
  guint       hidden : 1;
  guint       self_closing : 1;
} Attributes;

typedef struct
{
  GtkTextBuffer *buffer;
  GPtrArray     *links;                /* SanHtmlLink */
  GtkTextTag    *tags[N_STYLES];
  GtkTextTag    *indent_tags[MAX_INDENT + 1];

  GArray        *stack;                /* Entry */
  guint          counts[N_ELEMENTS];
  guint          style_counts[N_STYLES];
  guint          styles;               /* BIT()s with a count */
  guint          hidden;
  guint          pre;
  guint          indent;
  int            list;                 /* the innermost list on the stack, or -1 */
  int            row;                  /* the innermost row on the stack, or -1 */
  int            link;                 /* the open link, or -1 */
  GString       *link_text;

  /* Text not yet in the buffer, all with the same tags */
  GString       *run;
  guint          run_styles;
  guint          run_indent;
  guint          line_runs;            /* runs written into the last line */

  /* What comes before the next text */
  guint          pending_break;        /* newlines blocks want */
  guint          pending_brs;          /* <br>s */
  char           prefix[24];           /* a list item's bullet or number */
  gboolean       pending_space;
  guint          space_styles;         /* the style where that space was */
  int            space_link;
  gboolean       pending_cell;
  gboolean       skip_pre_newline;     /* the newline right after <pre> is not shown */

  guint          trailing_newlines;    /* at the end of what is written */
  gboolean       started;              /* some text is written */
  gsize          out_bytes;
  int            out_chars;
  gboolean       full;                 /* MAX_OUTPUT reached: stop */
} Renderer;

/* Lookup tables, built once */

static GHashTable *element_table;
static GHashTable *entity_table;

static void
ensure_tables (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      element_table = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < N_ELEMENTS; i++)
        g_hash_table_insert (element_table, (gpointer) elements[i].name, GUINT_TO_POINTER (i + 1));

      entity_table = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < G_N_ELEMENTS (latin1_entities); i++)
        g_hash_table_insert (entity_table, (gpointer) latin1_entities[i], GUINT_TO_POINTER (0xa0 + i));
      for (guint i = 0; i < G_N_ELEMENTS (other_entities); i++)
        g_hash_table_insert (entity_table, (gpointer) other_entities[i].name,
                             GUINT_TO_POINTER (other_entities[i].value));
      g_once_init_leave (&initialized, 1);
    }
}

/* -1 when unknown */
static int
lookup_element (const char *name,
                gsize       length)
{
  char lower[16];

  if (length == 0 || length >= sizeof lower)
    return -1;
  for (gsize i = 0; i < length; i++)
    lower[i] = g_ascii_tolower (name[i]);
  lower[length] = '\0';
  return GPOINTER_TO_INT (g_hash_table_lookup (element_table, lower)) - 1;
}

static inline gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Entities */

/* Reads the character reference at @p (a "&"); returns its character, or 0
 * when there is none there (then @consumed is 1: the "&" is text). In an
 * attribute a name without its semicolon is never read. */
static gunichar
decode_entity (const char *p,
               const char *end,
               gboolean    in_attribute,
               gsize      *consumed)
{
  const char *q = p + 1;

  *consumed = 1;
  if (q < end && *q == '#')
    {
      gboolean hex = FALSE;
      gboolean overflow = FALSE;
      const char *digits;
      guint32 value = 0;

      q++;
      if (q < end && (*q == 'x' || *q == 'X'))
        {
          hex = TRUE;
          q++;
        }
      digits = q;
      while (q < end && (hex ? g_ascii_isxdigit (*q) : g_ascii_isdigit (*q)))
        {
          if (!overflow)
            {
              value = value * (hex ? 16 : 10) + (hex ? g_ascii_xdigit_value (*q) : g_ascii_digit_value (*q));
              overflow = value > 0x10ffff;
            }
          q++;
        }
      if (q == digits)
        return 0;
      if (q < end && *q == ';')
        q++;
      *consumed = q - p;
      if (overflow || value == 0 || (value >= 0xd800 && value <= 0xdfff))
        return 0xfffd;
      if (value >= 0x80 && value <= 0x9f && cp1252[value - 0x80] != 0)
        return cp1252[value - 0x80];
      return value;
    }
  else
    {
      const char *name = q;
      char buffer[33];
      gsize length;
      gunichar value;

      while (q < end && g_ascii_isalnum (*q) && q - name < 32)
        q++;
      length = q - name;
      if (length == 0 || (q < end && g_ascii_isalnum (*q)))
        return 0;
      memcpy (buffer, name, length);
      buffer[length] = '\0';
      value = GPOINTER_TO_UINT (g_hash_table_lookup (entity_table, buffer));
      if (value == 0)
        return 0;
      if (q < end && *q == ';')
        {
          *consumed = q + 1 - p;
          return value;
        }
      if (in_attribute || (q < end && *q == '='))
        return 0;
      for (guint i = 0; i < G_N_ELEMENTS (legacy_entities); i++)
        if (strcmp (buffer, legacy_entities[i]) == 0)
          {
            *consumed = q - p;
            return value;
          }
      return 0;
    }
}

/* An attribute's value with its entities decoded */
static char *
decode_attribute (const char *value,
                  gsize       length)
{
  const char *end = value + length;
  GString *out = g_string_sized_new (length);

  for (const char *p = value; p < end;)
    {
      if (*p == '&')
        {
          gsize consumed;
          gunichar c = decode_entity (p, end, TRUE, &consumed);

          if (c != 0)
            g_string_append_unichar (out, c);
          else
            g_string_append_c (out, '&');
          p += consumed;
        }
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

/* Collapses white space and drops control characters */
static char *
collapse_space (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (is_space (*p))
        space = TRUE;
      else if ((guchar) *p < 0x20 || *p == 0x7f)
        continue;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

/* Writing into the buffer */

static void
flush (Renderer *r)
{
  GtkTextIter start, end;
  int offset;

  if (r->run->len == 0)
    return;

  gtk_text_buffer_get_end_iter (r->buffer, &end);
  offset = gtk_text_iter_get_offset (&end);
  gtk_text_buffer_insert (r->buffer, &end, r->run->str, (int) r->run->len);
  g_string_truncate (r->run, 0);

  if (r->run_styles == 0 && r->run_indent == 0)
    return;
  r->line_runs++;
  gtk_text_buffer_get_iter_at_offset (r->buffer, &start, offset);
  gtk_text_buffer_get_end_iter (r->buffer, &end);
  for (guint s = 0; s < N_STYLES; s++)
    if (r->run_styles & BIT (s))
      gtk_text_buffer_apply_tag (r->buffer, r->tags[s], &start, &end);
  if (r->run_indent > 0)
    gtk_text_buffer_apply_tag (r->buffer, r->indent_tags[r->run_indent], &start, &end);
}

/* Adds @text (valid UTF-8) with these tags, as part of @link (or -1) */
static void
append (Renderer   *r,
        const char *text,
        gsize       length,
        guint       styles,
        int         link)
{
  guint indent = MIN (r->indent, MAX_INDENT);
  int n_chars;

  if (link < 0)
    styles &= ~BIT (ST_LINK);
  /* GtkTextBuffer walks a line's segments to find a place in it: a line
   * of countless styles would take quadratic time */
  if (r->line_runs >= MAX_LINE_RUNS)
    {
      styles = 0;
      indent = 0;
    }
  /* Past MAX_OUTPUT: cut, between two characters */
  if (r->out_bytes + length > MAX_OUTPUT)
    {
      gsize room = r->out_bytes < MAX_OUTPUT ? MAX_OUTPUT - r->out_bytes : 0;

      while (room > 0 && (text[room] & 0xc0) == 0x80)
        room--;
      length = MIN (length, room);
      r->full = TRUE;
    }
  if (r->run->len > 0 && (styles != r->run_styles || indent != r->run_indent))
    flush (r);
  r->run_styles = styles;
  r->run_indent = indent;
  g_string_append_len (r->run, text, (gssize) length);

  n_chars = (int) g_utf8_strlen (text, (gssize) length);
  if (link >= 0)
    {
      SanHtmlLink *range = g_ptr_array_index (r->links, link);

      if (range->start < 0)
        range->start = r->out_chars;
      range->end = r->out_chars + n_chars;
      if (link == r->link && r->link_text->len < MAX_LINK_TEXT)
        g_string_append_len (r->link_text, text, (gssize) length);
    }
  r->out_chars += n_chars;
  r->out_bytes += length;
}

static void
append_newlines (Renderer *r,
                 guint     n)
{
  for (guint i = 0; i < n; i++)
    append (r, "\n", 1, 0, -1);
  r->line_runs = 0;
}

/* Before any text: the line breaks, bullet, cell separator or space that
 * come first */
static void
begin_text (Renderer *r)
{
  guint want = MAX (r->pending_break, r->pending_brs);

  if (r->started && want > r->trailing_newlines)
    {
      want = MIN (want, MAX_NEWLINES);
      if (want > r->trailing_newlines)
        append_newlines (r, want - r->trailing_newlines);
      r->trailing_newlines = want;
    }
  r->pending_break = 0;
  r->pending_brs = 0;

  if (!r->started || r->trailing_newlines > 0)
    {
      if (r->prefix[0] != '\0')
        append (r, r->prefix, strlen (r->prefix), r->styles, -1);
    }
  else if (r->pending_cell)
    append (r, " | ", 3, BIT (ST_NOTE), -1);
  else if (r->pending_space)
    append (r, " ", 1, r->space_styles, r->space_link);

  r->prefix[0] = '\0';
  r->pending_cell = FALSE;
  r->pending_space = FALSE;
  r->skip_pre_newline = FALSE;
}

/* Text of the document, in the current style */
static void
put_text (Renderer   *r,
          const char *text,
          gsize       length)
{
  if (r->hidden > 0 || r->full || length == 0)
    return;
  begin_text (r);
  append (r, text, length, r->styles, r->link);
  r->started = TRUE;
  r->trailing_newlines = 0;
}

/* Text the renderer adds (an image's alt, a URL, a rule) */
static void
put_note (Renderer   *r,
          const char *text)
{
  if (r->hidden > 0 || r->full)
    return;
  begin_text (r);
  append (r, text, strlen (text), r->styles | BIT (ST_NOTE), r->link);
  r->started = TRUE;
  r->trailing_newlines = 0;
}

/* A newline of a <pre> */
static void
put_pre_newline (Renderer *r)
{
  if (r->hidden > 0 || r->full)
    return;
  if (r->skip_pre_newline)
    {
      r->skip_pre_newline = FALSE;
      return;
    }
  if (r->started)
    {
      begin_text (r);
      append_newlines (r, 1);
      r->trailing_newlines++;
    }
}

static void
want_break (Renderer *r,
            guint     level)
{
  r->pending_break = MAX (r->pending_break, level);
}

/* White space: one space before the next text, styled as here (a space
 * just before a link is not part of it) */
static void
want_space (Renderer *r)
{
  if (r->pending_space)
    return;
  r->pending_space = TRUE;
  r->space_styles = r->styles;
  r->space_link = r->link;
}

static void
put_char (Renderer *r,
          gunichar  c)
{
  char utf8[6];

  if (c == '\n' && r->pre > 0)
    put_pre_newline (r);
  else if (c == '\r' && r->pre > 0)
    return;
  else if (c < 0x80 && is_space ((char) c))
    {
      if (r->pre > 0)
        put_text (r, utf8, g_unichar_to_utf8 (c, utf8));
      else
        want_space (r);
    }
  else if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
    return;
  else
    put_text (r, utf8, g_unichar_to_utf8 (c, utf8));
}

/* A run of the document's text, entities not yet decoded */
static void
add_text (Renderer   *r,
          const char *text,
          gsize       length)
{
  const char *end = text + length;
  const char *p = text;

  if (r->hidden > 0)
    return;

  while (p < end && !r->full)
    {
      const char *q;

      if (*p == '&')
        {
          gsize consumed;
          gunichar c = decode_entity (p, end, FALSE, &consumed);

          put_char (r, c != 0 ? c : '&');
          p += consumed;
          continue;
        }
      if (r->pre > 0 && *p == '\n')
        {
          put_pre_newline (r);
          p++;
          continue;
        }
      if (is_space (*p))
        {
          if (r->pre > 0 && *p != '\r')
            put_text (r, p, 1);   /* a space or a tab, kept */
          else if (r->pre == 0)
            want_space (r);
          p++;
          continue;
        }
      if ((guchar) *p < 0x20 || *p == 0x7f)
        {
          p++;
          continue;
        }

      for (q = p; q < end && *q != '&' && !is_space (*q) && (guchar) *q >= 0x20 && *q != 0x7f; q++)
        ;
      put_text (r, p, q - p);
      p = q;
    }
}

/* Links */

static gboolean
is_allowed_url (const char *url)
{
  if (g_ascii_strncasecmp (url, "http://", 7) != 0 &&
      g_ascii_strncasecmp (url, "https://", 8) != 0 &&
      g_ascii_strncasecmp (url, "mailto:", 7) != 0)
    return FALSE;
  for (const guchar *p = (const guchar *) url; *p != '\0'; p++)
    if (*p <= 0x20 || *p == 0x7f || *p == '<' || *p == '>' || *p == '"')
      return FALSE;
  return g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL);
}

/* @url without its scheme (http, https, mailto) and final slash, casefolded */
static char *
comparable_url (const char *url)
{
  g_autofree char *folded = NULL;
  const char *rest = url;
  gsize length;

  if (g_ascii_strncasecmp (rest, "mailto:", 7) == 0)
    rest += 7;
  else if (g_ascii_strncasecmp (rest, "https://", 8) == 0)
    rest += 8;
  else if (g_ascii_strncasecmp (rest, "http://", 7) == 0)
    rest += 7;
  folded = g_utf8_casefold (rest, -1);
  length = strlen (folded);
  if (length > 0 && folded[length - 1] == '/')
    folded[length - 1] = '\0';
  return g_steal_pointer (&folded);
}

/* A new link; -1 when it is not one */
static int
open_link (Renderer         *r,
           const Attributes *attributes)
{
  g_autofree char *url = NULL;
  SanHtmlLink *link;

  if (!attributes->has_href || attributes->href_len > MAX_URL || r->links->len >= MAX_LINKS)
    return -1;
  url = decode_attribute (attributes->href, attributes->href_len);
  g_strstrip (url);
  if (!is_allowed_url (url))
    return -1;

  link = g_new0 (SanHtmlLink, 1);
  link->start = -1;
  link->end = -1;
  link->url = g_steal_pointer (&url);
  g_ptr_array_add (r->links, link);
  g_string_truncate (r->link_text, 0);
  return (int) r->links->len - 1;
}

/* After a link's text: its URL, unless the text says it already */
static void
close_link (Renderer *r,
            int       link)
{
  const char *url = ((SanHtmlLink *) g_ptr_array_index (r->links, link))->url;
  g_autofree char *text = g_strstrip (g_strdup (r->link_text->str));
  g_autofree char *shown = NULL;
  g_autofree char *wanted = NULL;
  guint pending_break = r->pending_break;
  guint pending_brs = r->pending_brs;

  /* The URL follows the text at once, whatever blocks ended in the link */
  r->pending_break = 0;
  r->pending_brs = 0;
  if (text[0] == '\0')
    put_note (r, url);
  shown = comparable_url (text);
  wanted = comparable_url (url);
  if (text[0] != '\0' && g_strcmp0 (shown, wanted) != 0)
    {
      g_autofree char *note = g_strdup_printf ("<%s>", url);
      gboolean space_after = r->pending_space;

      /* "text <URL>": a space the link's text ended with comes after */
      r->pending_space = TRUE;
      r->space_styles = r->styles & ~BIT (ST_LINK);
      r->space_link = -1;
      put_note (r, note);
      if (space_after)
        {
          r->pending_space = TRUE;
          r->space_styles = r->styles & ~BIT (ST_LINK);
          r->space_link = -1;
        }
    }
  r->pending_break = MAX (r->pending_break, pending_break);
  r->pending_brs = MAX (r->pending_brs, pending_brs);
}

/* The stack */

static void
pop (Renderer *r)
{
  Entry entry = g_array_index (r->stack, Entry, r->stack->len - 1);
  const Element *element = &elements[entry.element];
  guint16 styles = element->styles;

  if (entry.link >= 0)
    {
      close_link (r, entry.link);
      r->link = -1;
      styles |= BIT (ST_LINK);
    }
  g_array_set_size (r->stack, r->stack->len - 1);

  r->counts[entry.element]--;
  for (guint s = 0; s < N_STYLES; s++)
    if ((styles & BIT (s)) && --r->style_counts[s] == 0)
      r->styles &= ~BIT (s);
  if (entry.hidden)
    r->hidden--;
  if (entry.indent)
    r->indent--;
  if (element->flags & F_PRE)
    r->pre--;
  if (element->kind == K_LIST)
    r->list = entry.prev;
  if (element->kind == K_ROW)
    r->row = entry.prev;

  if (element->kind == K_LIST)
    want_break (r, r->list >= 0 ? 1 : 2);
  else if (element->level > 0)
    want_break (r, element->level);
}

static void
pop_to (Renderer *r,
        guint     index)
{
  while (r->stack->len > index)
    pop (r);
}

/* The innermost open element among @targets, looking no further down than
 * an element among @stops; -1 when none */
static int
find_open (Renderer      *r,
           const guint8  *targets,
           guint          n_targets,
           const guint8  *stops,
           guint          n_stops)
{
  for (int i = (int) r->stack->len - 1; i >= 0; i--)
    {
      guint8 element = g_array_index (r->stack, Entry, i).element;

      for (guint t = 0; t < n_targets; t++)
        if (element == targets[t])
          return i;
      for (guint s = 0; s < n_stops; s++)
        if (element == stops[s])
          return -1;
    }
  return -1;
}

static void
close_open (Renderer      *r,
            const guint8  *targets,
            guint          n_targets,
            const guint8  *stops,
            guint          n_stops)
{
  gboolean any = FALSE;
  int index;

  for (guint t = 0; t < n_targets; t++)
    any = any || r->counts[targets[t]] > 0;
  if (!any)
    return;
  index = find_open (r, targets, n_targets, stops, n_stops);
  if (index >= 0)
    pop_to (r, (guint) index);
}

static gboolean
attributes_hide (const Attributes *attributes)
{
  g_autofree char *style = NULL;
  GString *compact;
  gboolean hidden;

  if (attributes->hidden)
    return TRUE;
  if (!attributes->has_style || attributes->style_len > 4096)
    return FALSE;
  style = decode_attribute (attributes->style, attributes->style_len);
  compact = g_string_sized_new (strlen (style));
  for (const char *p = style; *p != '\0'; p++)
    if (!is_space (*p))
      g_string_append_c (compact, g_ascii_tolower (*p));
  hidden = strstr (compact->str, "display:none") != NULL;
  g_string_free (compact, TRUE);
  return hidden;
}

static gboolean
push (Renderer         *r,
      ElementId         id,
      const Attributes *attributes)
{
  const Element *element = &elements[id];
  Entry entry = { .element = id, .prev = -1, .link = -1 };
  guint16 styles = element->styles;

  if (r->stack->len >= MAX_DEPTH)
    return FALSE;

  entry.hidden = (element->flags & F_HIDDEN) != 0 || attributes_hide (attributes);
  entry.indent = (element->flags & F_INDENT) != 0;
  if (element->kind == K_LIST)
    {
      entry.prev = r->list;
      r->list = (int) r->stack->len;
      if ((element->flags & F_ORDERED) && attributes->has_start && attributes->start_len < 8)
        {
          g_autofree char *start = g_strndup (attributes->start, attributes->start_len);

          entry.counter = CLAMP ((int) g_ascii_strtoll (start, NULL, 10), -999999, 999999) - 1;
        }
    }
  else if (element->kind == K_ROW)
    {
      entry.prev = r->row;
      r->row = (int) r->stack->len;
    }
  else if (element->kind == K_LINK)
    {
      entry.link = open_link (r, attributes);
      if (entry.link >= 0)
        {
          r->link = entry.link;
          styles |= BIT (ST_LINK);
        }
    }

  r->counts[id]++;
  for (guint s = 0; s < N_STYLES; s++)
    if ((styles & BIT (s)) && r->style_counts[s]++ == 0)
      r->styles |= BIT (s);
  if (entry.hidden)
    r->hidden++;
  if (entry.indent)
    r->indent++;
  if (element->flags & F_PRE)
    r->pre++;
  g_array_append_val (r->stack, entry);
  return TRUE;
}

static void
set_item_prefix (Renderer *r)
{
  static const char * const bullets[] = { "•", "◦", "▪" };
  guint depth = r->counts[EL_UL] + r->counts[EL_OL];
  Entry *list = r->list >= 0 ? &g_array_index (r->stack, Entry, r->list) : NULL;

  if (list != NULL && (elements[list->element].flags & F_ORDERED))
    {
      if (list->counter < 999999)
        list->counter++;
      g_snprintf (r->prefix, sizeof r->prefix, "%d. ", list->counter);
    }
  else
    g_snprintf (r->prefix, sizeof r->prefix, "%s ",
                bullets[MIN (depth > 0 ? depth - 1 : 0, G_N_ELEMENTS (bullets) - 1)]);
}

static void
put_image (Renderer         *r,
           const Attributes *attributes)
{
  g_autofree char *decoded = NULL;
  g_autofree char *valid = NULL;
  g_autofree char *alt = NULL;
  g_autofree char *note = NULL;

  if (r->hidden > 0)
    return;
  if (!attributes->has_alt)
    {
      put_note (r, _("[image]"));
      return;
    }
  /* Cut to a few times MAX_ALT bytes, maybe inside a character: made valid again */
  decoded = decode_attribute (attributes->alt, MIN (attributes->alt_len, 4 * MAX_ALT));
  valid = g_utf8_make_valid (decoded, -1);
  alt = collapse_space (valid);
  if (alt[0] == '\0')
    return;   /* alt="": only decoration */
  if (g_utf8_strlen (alt, -1) > MAX_ALT)
    {
      const char *cut = g_utf8_offset_to_pointer (alt, MAX_ALT);
      char *shortened = g_strdup_printf ("%.*s…", (int) (cut - alt), alt);

      g_free (alt);
      alt = shortened;
    }
  /* Translators: an image that is not shown, with its description */
  note = g_strdup_printf (_("[image: %s]"), alt);
  put_note (r, note);
}

static void
start_tag (Renderer         *r,
           ElementId         id,
           const Attributes *attributes)
{
  static const guint8 p[] = { EL_P };
  static const guint8 li[] = { EL_LI };
  static const guint8 terms[] = { EL_DT, EL_DD };
  static const guint8 tr[] = { EL_TR };
  static const guint8 cells[] = { EL_TD, EL_TH };
  static const guint8 a[] = { EL_A };
  static const guint8 scope[] = { EL_TABLE, EL_TD, EL_TH, EL_CAPTION };
  static const guint8 list_scope[] = { EL_UL, EL_OL, EL_TABLE, EL_TD, EL_TH };
  static const guint8 dl_scope[] = { EL_DL, EL_TABLE, EL_TD, EL_TH };
  static const guint8 table_scope[] = { EL_TABLE };
  static const guint8 row_scope[] = { EL_TR, EL_TABLE };
  const Element *element = &elements[id];
  guint level = element->level;

  switch (element->kind)
    {
    case K_RAW:
      return;
    case K_BR:
      if (r->started && r->hidden == 0)
        r->pending_brs++;
      return;
    case K_IMG:
      put_image (r, attributes);
      return;
    case K_HR:
      close_open (r, p, 1, scope, G_N_ELEMENTS (scope));
      if (r->hidden == 0)
        {
          want_break (r, 2);
          put_note (r, RULE);
          want_break (r, 2);
        }
      return;
    default:
      break;
    }

  if (element->flags & F_CLOSES_P)
    close_open (r, p, 1, scope, G_N_ELEMENTS (scope));
  switch (element->kind)
    {
    case K_ITEM:
      close_open (r, li, 1, list_scope, G_N_ELEMENTS (list_scope));
      break;
    case K_TERM:
      close_open (r, terms, G_N_ELEMENTS (terms), dl_scope, G_N_ELEMENTS (dl_scope));
      break;
    case K_ROW:
      close_open (r, tr, 1, table_scope, 1);
      break;
    case K_CELL:
      close_open (r, cells, G_N_ELEMENTS (cells), row_scope, G_N_ELEMENTS (row_scope));
      break;
    case K_LINK:
      close_open (r, a, 1, NULL, 0);
      break;
    case K_LIST:
      if (r->list >= 0)
        level = 1;   /* a list in a list item */
      break;
    default:
      break;
    }

  if (level > 0)
    want_break (r, level);
  if (!push (r, id, attributes))
    return;

  switch (element->kind)
    {
    case K_ITEM:
      set_item_prefix (r);
      break;
    case K_CELL:
      if (r->row >= 0 && g_array_index (r->stack, Entry, r->row).counter++ > 0)
        r->pending_cell = TRUE;
      break;
    default:
      if (element->flags & F_PRE)
        r->skip_pre_newline = TRUE;
      break;
    }

  if (attributes->self_closing)
    pop (r);
}

static void
end_tag (Renderer  *r,
         ElementId  id)
{
  const Element *element = &elements[id];

  switch (element->kind)
    {
    case K_BR:
      if (r->started && r->hidden == 0)
        r->pending_brs++;
      return;
    case K_RAW:
    case K_IMG:
    case K_HR:
      return;
    default:
      break;
    }

  if (r->counts[id] == 0)
    {
      /* A stray </p> is an empty paragraph; other stray end tags are nothing */
      if (id == EL_P)
        want_break (r, 2);
      return;
    }
  for (int i = (int) r->stack->len - 1; i >= 0; i--)
    if (g_array_index (r->stack, Entry, i).element == id)
      {
        pop_to (r, (guint) i);
        return;
      }
}

/* The tokenizer */

static const char *
skip_past_gt (const char *p,
              const char *end)
{
  const char *gt = memchr (p, '>', end - p);

  return gt != NULL ? gt + 1 : end;
}

/* @p is just after "<!--" */
static const char *
skip_comment (const char *p,
              const char *end)
{
  if (p < end && *p == '>')
    return p + 1;   /* <!--> */
  if (end - p >= 2 && p[0] == '-' && p[1] == '>')
    return p + 2;   /* <!---> */
  for (const char *q = p; end - q >= 3; q++)
    {
      q = memchr (q, '-', end - q - 2);
      if (q == NULL)
        break;
      if (q[1] == '-' && q[2] == '>')
        return q + 3;
      if (q[1] == '-' && end - q >= 4 && q[2] == '!' && q[3] == '>')
        return q + 4;
    }
  return end;   /* a comment to the end */
}

/* Where the raw text of <@name> ends: at its end tag, or at the end */
static const char *
skip_raw (const char *p,
          const char *end,
          const char *name)
{
  gsize length = strlen (name);

  while (p < end)
    {
      const char *lt = memchr (p, '<', end - p);
      const char *after;

      if (lt == NULL)
        break;
      if ((gsize) (end - lt) < 2 + length)
        break;
      after = lt + 2 + length;
      if (lt[1] == '/' &&
          g_ascii_strncasecmp (lt + 2, name, length) == 0 &&
          (after == end || is_space (*after) || *after == '/' || *after == '>'))
        return lt;
      p = lt + 1;
    }
  return end;
}

static gboolean
attribute_is (const char *name,
              gsize       length,
              const char *wanted)
{
  return strlen (wanted) == length && g_ascii_strncasecmp (name, wanted, length) == 0;
}

/* Reads a tag's attributes from @p up to its ">"; returns what follows it,
 * or NULL when the input ends first */
static const char *
parse_attributes (const char *p,
                  const char *end,
                  Attributes *attributes)
{
  for (;;)
    {
      const char *name;
      const char *value = NULL;
      gsize name_length, value_length = 0;
      gboolean has_value = FALSE;

      while (p < end && (is_space (*p) || *p == '/'))
        {
          if (*p == '/' && end - p >= 2 && p[1] == '>')
            attributes->self_closing = TRUE;
          p++;
        }
      if (p >= end)
        return NULL;
      if (*p == '>')
        return p + 1;

      name = p++;
      while (p < end && !is_space (*p) && *p != '/' && *p != '>' && *p != '=')
        p++;
      name_length = p - name;
      while (p < end && is_space (*p))
        p++;
      if (p < end && *p == '=')
        {
          p++;
          while (p < end && is_space (*p))
            p++;
          if (p >= end)
            return NULL;
          if (*p == '"' || *p == '\'')
            {
              const char *close = memchr (p + 1, *p, end - p - 1);

              if (close == NULL)
                return NULL;
              value = p + 1;
              value_length = close - value;
              p = close + 1;
            }
          else
            {
              value = p;
              while (p < end && !is_space (*p) && *p != '>')
                p++;
              value_length = p - value;
            }
          has_value = TRUE;
        }

      /* The first of an attribute counts */
      if (attribute_is (name, name_length, "href") && !attributes->has_href && has_value)
        {
          attributes->href = value;
          attributes->href_len = value_length;
          attributes->has_href = TRUE;
        }
      else if (attribute_is (name, name_length, "alt") && !attributes->has_alt)
        {
          attributes->alt = has_value ? value : "";
          attributes->alt_len = value_length;
          attributes->has_alt = TRUE;
        }
      else if (attribute_is (name, name_length, "style") && !attributes->has_style && has_value)
        {
          attributes->style = value;
          attributes->style_len = value_length;
          attributes->has_style = TRUE;
        }
      else if (attribute_is (name, name_length, "start") && !attributes->has_start && has_value)
        {
          attributes->start = value;
          attributes->start_len = value_length;
          attributes->has_start = TRUE;
        }
      else if (attribute_is (name, name_length, "hidden"))
        attributes->hidden = TRUE;
    }
}

/* @p is at a "<": reads what it starts; returns where the text goes on */
static const char *
parse_markup (Renderer   *r,
              const char *p,
              const char *end)
{
  const char *q = p + 1;
  Attributes attributes = { 0 };
  const char *name;
  int id;

  if (q >= end)
    {
      add_text (r, "<", 1);
      return end;
    }

  if (*q == '!')
    {
      if (end - q >= 3 && q[1] == '-' && q[2] == '-')
        return skip_comment (q + 3, end);
      return skip_past_gt (q, end);   /* a doctype, CDATA, a bogus comment */
    }
  if (*q == '?')
    return skip_past_gt (q, end);

  if (*q == '/')
    {
      q++;
      if (q < end && *q == '>')
        return q + 1;   /* </> */
      if (q >= end || !g_ascii_isalpha (*q))
        return skip_past_gt (q, end);
      name = q;
      while (q < end && !is_space (*q) && *q != '/' && *q != '>')
        q++;
      id = lookup_element (name, q - name);
      q = parse_attributes (q, end, &attributes);
      if (q == NULL)
        return end;
      if (id >= 0)
        end_tag (r, id);
      return q;
    }

  if (!g_ascii_isalpha (*q))
    {
      add_text (r, "<", 1);
      return q;
    }

  name = q;
  while (q < end && !is_space (*q) && *q != '/' && *q != '>')
    q++;
  id = lookup_element (name, q - name);
  q = parse_attributes (q, end, &attributes);
  if (q == NULL)
    return end;   /* a tag cut off by the end */
  if (id < 0)
    return q;

  start_tag (r, id, &attributes);
  if (elements[id].kind == K_RAW)
    q = skip_raw (q, end, elements[id].name);
  return q;
}

static void
create_tags (Renderer *r)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (r->buffer);

  for (guint s = 0; s < N_STYLES; s++)
    {
      GtkTextTag *tag = gtk_text_tag_table_lookup (table, style_tag_names[s]);

      if (tag == NULL)
        {
          tag = gtk_text_tag_new (style_tag_names[s]);
          switch ((Style) s)
            {
            case ST_BOLD:
              g_object_set (tag, "weight", PANGO_WEIGHT_BOLD, NULL);
              break;
            case ST_ITALIC:
              g_object_set (tag, "style", PANGO_STYLE_ITALIC, NULL);
              break;
            case ST_UNDERLINE:
            case ST_LINK:
              g_object_set (tag, "underline", PANGO_UNDERLINE_SINGLE, NULL);
              break;
            case ST_STRIKE:
              g_object_set (tag, "strikethrough", TRUE, NULL);
              break;
            case ST_MONO:
              g_object_set (tag, "family", "monospace", NULL);
              break;
            case ST_SMALL:
              g_object_set (tag, "scale", PANGO_SCALE_SMALL, NULL);
              break;
            case ST_H1:
              g_object_set (tag, "scale", 1.6, "weight", PANGO_WEIGHT_BOLD, NULL);
              break;
            case ST_H2:
              g_object_set (tag, "scale", 1.35, "weight", PANGO_WEIGHT_BOLD, NULL);
              break;
            case ST_H3:
              g_object_set (tag, "scale", 1.15, "weight", PANGO_WEIGHT_BOLD, NULL);
              break;
            case ST_NOTE:
              g_object_set (tag, "foreground-rgba", &(GdkRGBA) { 0.5, 0.5, 0.5, 1.0 }, NULL);
              break;
            case N_STYLES:
            default:
              g_assert_not_reached ();
            }
          gtk_text_tag_table_add (table, tag);
          g_object_unref (tag);
        }
      r->tags[s] = tag;
    }

  for (guint level = 1; level <= MAX_INDENT; level++)
    {
      g_autofree char *name = g_strdup_printf ("san-html-indent-%u", level);
      GtkTextTag *tag = gtk_text_tag_table_lookup (table, name);

      if (tag == NULL)
        {
          tag = gtk_text_tag_new (name);
          g_object_set (tag, "left-margin", (int) (SAN_HTML_MARGIN + level * INDENT_PIXELS), NULL);
          gtk_text_tag_table_add (table, tag);
          g_object_unref (tag);
        }
      r->indent_tags[level] = tag;
    }
}

void
san_html_link_free (SanHtmlLink *link)
{
  g_free (link->url);
  g_free (link);
}

GPtrArray *
san_html_render (GtkTextBuffer *buffer,
                 const char    *html)
{
  g_autofree char *valid = NULL;
  Renderer r = { 0 };
  const char *p, *end;
  gsize length;

  g_return_val_if_fail (GTK_IS_TEXT_BUFFER (buffer), NULL);

  ensure_tables ();
  if (html == NULL)
    html = "";
  length = strlen (html);
  if (!g_utf8_validate_len (html, length, NULL))
    {
      valid = g_utf8_make_valid (html, (gssize) length);
      html = valid;
      length = strlen (valid);
    }

  r.buffer = buffer;
  r.links = g_ptr_array_new_with_free_func ((GDestroyNotify) san_html_link_free);
  r.link = -1;
  r.space_link = -1;
  r.stack = g_array_sized_new (FALSE, FALSE, sizeof (Entry), 32);
  r.link_text = g_string_new (NULL);
  r.run = g_string_sized_new (256);
  r.list = -1;
  r.row = -1;
  create_tags (&r);
  gtk_text_buffer_set_text (buffer, "", 0);

  p = html;
  end = html + length;
  while (p < end && !r.full)
    {
      const char *lt = memchr (p, '<', end - p);

      if (lt == NULL)
        {
          add_text (&r, p, end - p);
          break;
        }
      add_text (&r, p, lt - p);
      p = parse_markup (&r, lt, end);
    }
  /* Unclosed elements end here (an open link still shows its URL) */
  pop_to (&r, 0);

  if (r.full)
    {
      r.full = FALSE;
      r.out_bytes = 0;   /* room for the note */
      r.hidden = 0;
      r.pending_break = 2;
      r.link = -1;
      r.styles = 0;
      put_note (&r, _("[Message truncated]"));
    }
  flush (&r);

  /* Links that showed nothing (hidden ones) are none */
  for (guint i = 0; i < r.links->len;)
    {
      if (((SanHtmlLink *) g_ptr_array_index (r.links, i))->start < 0)
        g_ptr_array_remove_index (r.links, i);
      else
        i++;
    }

  g_array_unref (r.stack);
  g_string_free (r.link_text, TRUE);
  g_string_free (r.run, TRUE);
  return r.links;
}

/* The view */

struct _SanHtmlView
{
  GtkWidget      parent_instance;

  GtkWidget     *scrolled_window;
  GtkTextView   *text_view;
  GtkTextBuffer *buffer;
  GPtrArray     *links;   /* SanHtmlLink, of what is shown, in order */
};

G_DEFINE_FINAL_TYPE (SanHtmlView, san_html_view, GTK_TYPE_WIDGET)

/* A blue that reads on the light and on the dark style */
static void
update_link_color (SanHtmlView *self)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (self->buffer),
                                               SAN_HTML_TAG_LINK);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GdkRGBA color;

  if (tag == NULL)
    return;
  gdk_rgba_parse (&color, dark ? "#78aeed" : "#1c71d8");
  g_object_set (tag, "foreground-rgba", &color, NULL);
}

/* The URL of the link at @offset, by bisection (the links are in order) */
static const char *
link_at_offset (SanHtmlView *self,
                int          offset)
{
  guint low = 0, high = self->links->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      SanHtmlLink *link = g_ptr_array_index (self->links, middle);

      if (offset < link->start)
        high = middle;
      else if (offset >= link->end)
        low = middle + 1;
      else
        return link->url;
    }
  return NULL;
}

static const char *
link_at (SanHtmlView *self,
         double       x,
         double       y)
{
  GtkTextIter iter;
  int buffer_x, buffer_y;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &buffer_x, &buffer_y);
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, buffer_x, buffer_y))
    return NULL;
  return link_at_offset (self, gtk_text_iter_get_offset (&iter));
}

/* A link opens on a click, never otherwise (and not when the click ends a
 * selection) */
static void
on_click_released_cb (SanHtmlView     *self,
                      int              n_press,
                      double           x,
                      double           y,
                      GtkGestureClick *gesture)
{
  GtkTextIter start, end;
  GtkRoot *root;
  const char *url;

  if (n_press != 1 || gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end))
    return;
  url = link_at (self, x, y);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (url != NULL)
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, url, GDK_CURRENT_TIME);
}

static void
on_motion_cb (SanHtmlView              *self,
              double                    x,
              double                    y,
              GtkEventControllerMotion *controller)
{
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->text_view),
                                   link_at (self, x, y) != NULL ? "pointer" : "text");
}

static void
on_dark_changed_cb (SanHtmlView *self)
{
  update_link_color (self);
}

static void
san_html_view_dispose (GObject *object)
{
  SanHtmlView *self = SAN_HTML_VIEW (object);

  g_clear_pointer (&self->scrolled_window, gtk_widget_unparent);
  self->text_view = NULL;
  G_OBJECT_CLASS (san_html_view_parent_class)->dispose (object);
}

static void
san_html_view_finalize (GObject *object)
{
  SanHtmlView *self = SAN_HTML_VIEW (object);

  g_clear_pointer (&self->links, g_ptr_array_unref);
  g_clear_object (&self->buffer);
  G_OBJECT_CLASS (san_html_view_parent_class)->finalize (object);
}

static void
san_html_view_class_init (SanHtmlViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = san_html_view_dispose;
  object_class->finalize = san_html_view_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "htmlview");
}

static void
san_html_view_init (SanHtmlView *self)
{
  GtkGesture *click;
  GtkEventController *motion;

  self->links = g_ptr_array_new_with_free_func ((GDestroyNotify) san_html_link_free);
  self->buffer = gtk_text_buffer_new (NULL);

  self->text_view = GTK_TEXT_VIEW (gtk_text_view_new_with_buffer (self->buffer));
  gtk_text_view_set_editable (self->text_view, FALSE);
  gtk_text_view_set_cursor_visible (self->text_view, FALSE);
  gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (self->text_view, SAN_HTML_MARGIN);
  gtk_text_view_set_right_margin (self->text_view, SAN_HTML_MARGIN);
  gtk_text_view_set_top_margin (self->text_view, 12);
  gtk_text_view_set_bottom_margin (self->text_view, 18);
  gtk_text_view_set_pixels_below_lines (self->text_view, 2);
  gtk_widget_add_css_class (GTK_WIDGET (self->text_view), "email-body");

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "released", G_CALLBACK (on_click_released_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), GTK_EVENT_CONTROLLER (click));
  motion = gtk_event_controller_motion_new ();
  g_signal_connect_object (motion, "motion", G_CALLBACK (on_motion_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), motion);

  self->scrolled_window = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled_window),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled_window),
                                 GTK_WIDGET (self->text_view));
  gtk_widget_set_parent (self->scrolled_window, GTK_WIDGET (self));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
san_html_view_new (void)
{
  return g_object_new (SAN_TYPE_HTML_VIEW, NULL);
}

void
san_html_view_set_html (SanHtmlView *self,
                        const char  *html)
{
  g_return_if_fail (SAN_IS_HTML_VIEW (self));

  g_ptr_array_unref (self->links);
  self->links = san_html_render (self->buffer, html);
  update_link_color (self);
}

void
san_html_view_set_text (SanHtmlView *self,
                        const char  *text)
{
  g_autofree char *valid = NULL;
  gsize length;

  g_return_if_fail (SAN_IS_HTML_VIEW (self));

  g_ptr_array_set_size (self->links, 0);
  valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  length = strlen (valid);
  if (length > MAX_OUTPUT)
    {
      const char *cut = g_utf8_find_prev_char (valid, valid + MAX_OUTPUT);

      length = cut != NULL ? (gsize) (cut - valid) : 0;
    }
  gtk_text_buffer_set_text (self->buffer, valid, (int) length);
}

char *
san_html_view_dup_text (SanHtmlView *self)
{
  GtkTextIter start, end;

  g_return_val_if_fail (SAN_IS_HTML_VIEW (self), NULL);

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  return gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
}

GStrv
san_html_view_dup_links (SanHtmlView *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (SAN_IS_HTML_VIEW (self), NULL);

  for (guint i = 0; i < self->links->len; i++)
    g_strv_builder_add (builder, ((SanHtmlLink *) g_ptr_array_index (self->links, i))->url);
  return g_strv_builder_end (builder);
}
