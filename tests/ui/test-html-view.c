/* test-html-view.c: the e-mail reader's HTML renderer shows the text of any
 * HTML, however broken, safely: nothing fetched, scripts and styles not
 * shown, entities decoded, structure kept, and no crash nor hang on nasty
 * input
 *
 * san_html_render() needs no display: it renders into a GtkTextBuffer, and
 * the tests read the buffer's text and tags.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <locale.h>
#include <string.h>

#include "san-html-view.h"

typedef struct
{
  GtkTextBuffer *buffer;
  GPtrArray     *links;   /* SanHtmlLink */
  char          *text;
} Rendered;

static void
rendered_free (Rendered *rendered)
{
  g_clear_object (&rendered->buffer);
  g_clear_pointer (&rendered->links, g_ptr_array_unref);
  g_free (rendered->text);
  g_free (rendered);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Rendered, rendered_free)

static Rendered *
render (const char *html)
{
  Rendered *rendered = g_new0 (Rendered, 1);
  GtkTextIter start, end;

  rendered->buffer = gtk_text_buffer_new (NULL);
  rendered->links = san_html_render (rendered->buffer, html);
  g_assert_nonnull (rendered->links);
  gtk_text_buffer_get_bounds (rendered->buffer, &start, &end);
  rendered->text = gtk_text_buffer_get_text (rendered->buffer, &start, &end, TRUE);
  g_assert_true (g_utf8_validate (rendered->text, -1, NULL));
  return rendered;
}

static void
assert_renders (const char *html,
                const char *expected)
{
  g_autoptr(Rendered) rendered = render (html);

  if (g_strcmp0 (rendered->text, expected) != 0)
    g_error ("%s\nrendered as\n“%s”\ninstead of\n“%s”", html, rendered->text, expected);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” does not contain “%s”", haystack, needle);
}

static void
assert_lacks (const char *haystack,
              const char *needle)
{
  if (strstr (haystack, needle) != NULL)
    g_error ("“%s” contains “%s”", haystack, needle);
}

/* The iters around the first @needle in the buffer */
static void
find (Rendered    *rendered,
      const char  *needle,
      GtkTextIter *start,
      GtkTextIter *end)
{
  const char *at = strstr (rendered->text, needle);

  if (at == NULL)
    g_error ("“%s” does not contain “%s”", rendered->text, needle);
  gtk_text_buffer_get_iter_at_offset (rendered->buffer, start,
                                      (int) g_utf8_pointer_to_offset (rendered->text, at));
  *end = *start;
  gtk_text_iter_forward_chars (end, (int) g_utf8_strlen (needle, -1));
}

/* Whether every character of the first @needle has the tag @tag_name */
static gboolean
has_tag (Rendered   *rendered,
         const char *needle,
         const char *tag_name)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (rendered->buffer),
                                               tag_name);
  GtkTextIter iter, end;

  g_assert_nonnull (tag);
  find (rendered, needle, &iter, &end);
  for (; !gtk_text_iter_equal (&iter, &end); gtk_text_iter_forward_char (&iter))
    if (!gtk_text_iter_has_tag (&iter, tag))
      return FALSE;
  return TRUE;
}

/* Whether no character of the first @needle has the tag @tag_name */
static gboolean
lacks_tag (Rendered   *rendered,
           const char *needle,
           const char *tag_name)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (rendered->buffer),
                                               tag_name);
  GtkTextIter iter, end;

  g_assert_nonnull (tag);
  find (rendered, needle, &iter, &end);
  for (; !gtk_text_iter_equal (&iter, &end); gtk_text_iter_forward_char (&iter))
    if (gtk_text_iter_has_tag (&iter, tag))
      return FALSE;
  return TRUE;
}

/* The URL of the link over all of the first @needle, or NULL */
static const char *
link_over (Rendered   *rendered,
           const char *needle)
{
  GtkTextIter start, end;
  int previous_end = 0;

  find (rendered, needle, &start, &end);
  for (guint i = 0; i < rendered->links->len; i++)
    {
      SanHtmlLink *link = g_ptr_array_index (rendered->links, i);

      /* In order, apart, within the text */
      g_assert_cmpint (link->start, >=, previous_end);
      g_assert_cmpint (link->start, <, link->end);
      g_assert_cmpint (link->end, <=, gtk_text_buffer_get_char_count (rendered->buffer));
      previous_end = link->end;
      if (link->start <= gtk_text_iter_get_offset (&start) &&
          gtk_text_iter_get_offset (&end) <= link->end)
        return link->url;
    }
  return NULL;
}

/* A resolver that fails the test on any lookup: rendering resolves no name */

#define SAN_TYPE_TRAP_RESOLVER (san_trap_resolver_get_type ())
G_DECLARE_FINAL_TYPE (SanTrapResolver, san_trap_resolver, SAN, TRAP_RESOLVER, GResolver)

struct _SanTrapResolver
{
  GResolver parent_instance;
};

G_DEFINE_FINAL_TYPE (SanTrapResolver, san_trap_resolver, G_TYPE_RESOLVER)

static guint n_lookups;

static GList *
trap_lookup_by_name (GResolver     *resolver,
                     const char    *hostname,
                     GCancellable  *cancellable,
                     GError       **error)
{
  n_lookups++;
  g_set_error (error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND, "no network in this test: %s", hostname);
  return NULL;
}

static void
trap_lookup_by_name_async (GResolver           *resolver,
                           const char          *hostname,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (resolver, cancellable, callback, user_data);

  n_lookups++;
  g_task_return_new_error (task, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND, "no network: %s", hostname);
}

static GList *
trap_lookup_by_name_finish (GResolver     *resolver,
                            GAsyncResult  *result,
                            GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
san_trap_resolver_class_init (SanTrapResolverClass *klass)
{
  GResolverClass *resolver_class = G_RESOLVER_CLASS (klass);

  resolver_class->lookup_by_name = trap_lookup_by_name;
  resolver_class->lookup_by_name_async = trap_lookup_by_name_async;
  resolver_class->lookup_by_name_finish = trap_lookup_by_name_finish;
}

static void
san_trap_resolver_init (SanTrapResolver *self)
{
}

/* Whether the buffer holds anything but text (an image, a widget) */
static gboolean
only_text (Rendered *rendered)
{
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (rendered->buffer, &iter);
  for (; !gtk_text_iter_is_end (&iter); gtk_text_iter_forward_char (&iter))
    if (gtk_text_iter_get_paintable (&iter) != NULL || gtk_text_iter_get_child_anchor (&iter) != NULL)
      return FALSE;
  return TRUE;
}

/* /html-view/images/alt-text-never-fetched */
static void
test_images (void)
{
  g_autoptr(GResolver) old_resolver = g_resolver_get_default ();
  g_autoptr(GResolver) trap = g_object_new (SAN_TYPE_TRAP_RESOLVER, NULL);
  g_autoptr(Rendered) rendered = NULL;

  g_resolver_set_default (trap);
  n_lookups = 0;
  rendered = render ("<p>Logo: <img src=\"https://tracker.example.net/pixel.gif?u=ana\" alt=\"SAN Internet\"></p>"
                     "<p><img src='http://images.example.net/banner.png' alt='Promo&ccedil;&atilde;o   de\n"
                     "  Natal' width=600></p>"
                     "<p>spacer<img src=\"https://cdn.example.net/1x1.gif\" alt=\"\">end</p>"
                     "<p><img src=\"https://cdn.example.net/no-alt.gif\"></p>"
                     "<div style=\"background-image: url(https://bg.example.net/bg.png)\">Texto</div>"
                     "<picture><source srcset=\"https://cdn.example.net/a.webp\">"
                     "<img src=\"https://cdn.example.net/a.png\" alt=\"Foto\"></picture>"
                     "<link rel=stylesheet href=\"https://css.example.net/s.css\">"
                     "<iframe src=\"https://frame.example.net/\">fallback</iframe>");
  g_resolver_set_default (old_resolver);

  g_assert_cmpstr (rendered->text, ==,
                   "Logo: [image: SAN Internet]\n\n"
                   "[image: Promoção de Natal]\n\n"
                   "spacerend\n\n"
                   "[image]\n\n"
                   "Texto\n"
                   "[image: Foto]");
  /* No source shown, none loaded: only text in the buffer, no lookups */
  assert_lacks (rendered->text, "example.net");
  g_assert_true (only_text (rendered));
  g_assert_cmpuint (n_lookups, ==, 0);
  g_assert_cmpuint (rendered->links->len, ==, 0);
  g_assert_true (has_tag (rendered, "[image: SAN Internet]", SAN_HTML_TAG_NOTE));
  g_assert_true (lacks_tag (rendered, "Logo:", SAN_HTML_TAG_NOTE));

  /* A very long alt is cut */
  {
    g_autofree char *alt = g_strnfill (5000, 'x');
    g_autofree char *html = g_strdup_printf ("<img alt=\"%s\">", alt);
    g_autoptr(Rendered) long_alt = render (html);

    g_assert_true (g_str_has_prefix (long_alt->text, "[image: xxxx"));
    g_assert_true (g_str_has_suffix (long_alt->text, "x…]"));
    g_assert_cmpint (g_utf8_strlen (long_alt->text, -1), ==, 200 + g_utf8_strlen ("[image: …]", -1));
  }
  /* ...even cut inside a multi-byte character */
  {
    g_autoptr(GString) alt = g_string_new (NULL);
    g_autofree char *html = NULL;
    g_autoptr(Rendered) long_alt = NULL;

    for (guint i = 0; i < 1000; i++)
      g_string_append (alt, "ç");
    html = g_strdup_printf ("<img alt=\"x%s\">", alt->str);
    long_alt = render (html);
    g_assert_true (g_str_has_prefix (long_alt->text, "[image: xçç"));
  }
}

/* /html-view/scripts-and-styles/not-shown */
static void
test_scripts (void)
{
  assert_renders ("<p>Antes</p><script>alert('roubado'); document.write('<p>injetado</p>')</script><p>Depois</p>",
                  "Antes\n\nDepois");
  assert_renders ("<SCRIPT type=\"text/javascript\">var x = \"</p>\";</ScRiPt >Visível",
                  "Visível");
  /* Only "</script" and then a space, "/" or ">" ends it */
  assert_renders ("<script>var s = '</scriptx>'; steal()</script>ok", "ok");
  assert_renders ("<style>p { color: red } .x:after { content: 'estilo' }</style><p>Texto</p>",
                  "Texto");
  assert_renders ("<head><title>Título da página</title><style>body{}</style></head><body>Corpo</body>",
                  "Corpo");
  assert_renders ("a<!-- comentário <script>x</script> -->b<!---->c<!-->d<!--->e", "abcde");
  assert_renders ("<!DOCTYPE html><?xml version=\"1.0\"?><![CDATA[ x ]]>Só isto", "Só isto");
  /* Cut off: everything after is dropped, never shown */
  assert_renders ("Olá<script>alert(1)", "Olá");
  assert_renders ("Olá<style>body { }", "Olá");
  assert_renders ("Olá<!-- nunca fechado <b>x</b>", "Olá");
  /* Hidden content: templates, SVG, display:none, hidden */
  assert_renders ("<span style=\"display: NONE !important\">Pré-cabeçalho escondido</span>"
                  "<div hidden>oculto</div><template><p>modelo</p></template>"
                  "<svg><text>svg</text><script>x</script></svg><select><option>opção</select>Visível",
                  "Visível");
  /* An event handler or a javascript: link does nothing and shows no code */
  {
    g_autoptr(Rendered) rendered = render ("<p onclick=\"steal()\">Clique <a href=\"javascript:steal()\">aqui</a>"
                                           " ou <a href=\"  JavaScript:steal()\">ali</a>"
                                           " ou <a href=\"data:text/html,<script>x</script>\">lá</a></p>");

    g_assert_cmpstr (rendered->text, ==, "Clique aqui ou ali ou lá");
    g_assert_cmpuint (rendered->links->len, ==, 0);
  }
}

/* /html-view/entities */
static void
test_entities (void)
{
  assert_renders ("Ol&aacute;, voc&ecirc; &amp; a SAN &mdash; &ldquo;Padaria P&atilde;o Quente&rdquo; &copy; 2026 &euro;&nbsp;5",
                  "Olá, você & a SAN — “Padaria Pão Quente” © 2026 €\u00a05");
  /* Escaped markup is text, never markup */
  {
    g_autoptr(Rendered) rendered = render ("&lt;b&gt;não negrito&lt;/b&gt; &lt;script&gt;");

    g_assert_cmpstr (rendered->text, ==, "<b>não negrito</b> <script>");
    g_assert_true (lacks_tag (rendered, "não negrito", SAN_HTML_TAG_BOLD));
  }
  assert_renders ("&#65;&#x42;&#X43;&#233;&#x1F600;", "ABCé\U0001F600");
  /* Numbers without their semicolon, Windows-1252 numbers, impossible ones */
  assert_renders ("&#65B &#150; &#0; &#xD800; &#x110000; &#99999999999999999999;",
                  "AB – \ufffd \ufffd \ufffd \ufffd");
  /* Controls from numbers are dropped */
  assert_renders ("a&#1;b&#x7f;c&#x9d;d", "abcd");
  /* Unknown or broken entities stay as written */
  assert_renders ("&foo; &amp &ampx &; & &# &#x; AT&T", "&foo; & &ampx &; & &# &#x; AT&T");
  /* Entities in attributes */
  assert_renders ("<img alt=\"P&atilde;o &amp; Caf&#233;\">", "[image: Pão & Café]");
  /* White space from entities collapses like any other */
  assert_renders ("a&#32;&#10;&Tab; b", "a b");
}

/* /html-view/structure */
static void
test_structure (void)
{
  g_autoptr(Rendered) rendered = NULL;

  rendered = render ("<h1>Título</h1><h2>Seção</h2><h3>Sub</h3><h4>Menor</h4>"
                     "<p>Um <strong>forte</strong>, <b>negrito</b>, <em>ênfase</em>, <i>itálico</i>,"
                     " <u>sublinhado</u>, <s>riscado</s> e <code>codigo()</code>.</p>"
                     "<p>Linha 1<br>Linha 2<br/>\n   Linha 3</p>"
                     "<p>   muitos     espaços\n\n\tjuntos   </p>");
  g_assert_cmpstr (rendered->text, ==,
                   "Título\n\nSeção\n\nSub\n\nMenor\n\n"
                   "Um forte, negrito, ênfase, itálico, sublinhado, riscado e codigo().\n\n"
                   "Linha 1\nLinha 2\nLinha 3\n\n"
                   "muitos espaços juntos");
  g_assert_true (has_tag (rendered, "Título", SAN_HTML_TAG_H1));
  g_assert_true (has_tag (rendered, "Seção", SAN_HTML_TAG_H2));
  g_assert_true (has_tag (rendered, "Sub", SAN_HTML_TAG_H3));
  g_assert_true (has_tag (rendered, "Menor", SAN_HTML_TAG_BOLD));
  g_assert_true (has_tag (rendered, "forte", SAN_HTML_TAG_BOLD));
  g_assert_true (has_tag (rendered, "negrito", SAN_HTML_TAG_BOLD));
  g_assert_true (lacks_tag (rendered, "Um ", SAN_HTML_TAG_BOLD));
  g_assert_true (lacks_tag (rendered, ", ", SAN_HTML_TAG_BOLD));
  g_assert_true (has_tag (rendered, "ênfase", SAN_HTML_TAG_ITALIC));
  g_assert_true (has_tag (rendered, "itálico", SAN_HTML_TAG_ITALIC));
  g_assert_true (has_tag (rendered, "sublinhado", SAN_HTML_TAG_UNDERLINE));
  g_assert_true (has_tag (rendered, "riscado", SAN_HTML_TAG_STRIKE));
  g_assert_true (has_tag (rendered, "codigo()", SAN_HTML_TAG_MONO));

  /* Lists: bullets by depth, numbers from start=, items closed implicitly */
  assert_renders ("<p>Itens:</p><ul><li>um<li>dois<ul><li>dois.a</li><li>dois.b</ul></li><li>três</ul>"
                  "<ol start=\"3\"><li>terceiro</li><li>quarto</li></ol><p>Fim</p>",
                  "Itens:\n\n• um\n• dois\n◦ dois.a\n◦ dois.b\n• três\n\n3. terceiro\n4. quarto\n\nFim");
  /* Tables: a row a line, cells apart */
  {
    g_autoptr(Rendered) table = render ("<table><tr><th>Fatura</th><th>Valor</th></tr>"
                                        "<tr><td>2026-000123</td><td>R$ 129,90</td>"
                                        "<tr><td>2026-000124<td>R$ 59,90</table>Depois");

    g_assert_cmpstr (table->text, ==,
                     "Fatura | Valor\n2026-000123 | R$ 129,90\n2026-000124 | R$ 59,90\n\nDepois");
    g_assert_true (has_tag (table, "Fatura", SAN_HTML_TAG_BOLD));
    g_assert_true (lacks_tag (table, "2026-000123", SAN_HTML_TAG_BOLD));
  }
  /* Preformatted text keeps its spaces and lines (not the first newline) */
  {
    g_autoptr(Rendered) pre = render ("<p>Log:</p><pre>\nlinha  1\n\tlinha 2\n</pre><p>ok</p>");

    g_assert_cmpstr (pre->text, ==, "Log:\n\nlinha  1\n\tlinha 2\n\nok");
    g_assert_true (has_tag (pre, "linha  1", SAN_HTML_TAG_MONO));
  }
  /* A quote is indented; a rule is a line */
  {
    g_autoptr(Rendered) quote = render ("<p>Mensagem:</p><blockquote><p>Olá<br>\nTudo bem?</p></blockquote>"
                                        "<hr><p>Fim</p>");

    g_assert_cmpstr (quote->text, ==, "Mensagem:\n\nOlá\nTudo bem?\n\n────────────────────\n\nFim");
    g_assert_true (has_tag (quote, "Tudo bem?", "san-html-indent-1"));
    g_assert_true (lacks_tag (quote, "Mensagem:", "san-html-indent-1"));
  }
  /* Breaks never pile up past two blank lines, nor lead nor trail */
  assert_renders ("<br><br><p></p><div><p>a<br><br><br><br><br><br>b</p></div><br><br><p></p>",
                  "a\n\n\nb");
}

/* /html-view/links */
static void
test_links (void)
{
  g_autoptr(Rendered) rendered = NULL;

  rendered = render ("<p>Veja <a href=\"https://docs.saninternet.com/boleto?x=1&amp;y=2\">a ajuda</a>,"
                     " <a href=\"https://saninternet.com.br/\">saninternet.com.br</a>,"
                     " <a href=\"mailto:suporte@saninternet.com.br\">suporte@saninternet.com.br</a>"
                     " e <a href=\"http://exemplo.com.br\"><img alt=\"Logo\"></a>"
                     " <a href=\"https://x.example/\"></a>"
                     " <a href=\"/relativo\">relativo</a> <a>âncora</a>"
                     " <a href=\"https://exemplo.com.br/a b\">espaço</a>.</p>");
  g_assert_cmpstr (rendered->text, ==,
                   "Veja a ajuda <https://docs.saninternet.com/boleto?x=1&y=2>,"
                   " saninternet.com.br,"
                   " suporte@saninternet.com.br"
                   " e [image: Logo] <http://exemplo.com.br>"
                   " https://x.example/"
                   " relativo âncora"
                   " espaço.");
  g_assert_cmpuint (rendered->links->len, ==, 5);
  g_assert_cmpstr (link_over (rendered, "a ajuda"), ==, "https://docs.saninternet.com/boleto?x=1&y=2");
  g_assert_cmpstr (link_over (rendered, "<https://docs"), ==, "https://docs.saninternet.com/boleto?x=1&y=2");
  g_assert_cmpstr (link_over (rendered, "saninternet.com.br"), ==, "https://saninternet.com.br/");
  g_assert_cmpstr (link_over (rendered, "suporte@"), ==, "mailto:suporte@saninternet.com.br");
  g_assert_cmpstr (link_over (rendered, "[image: Logo]"), ==, "http://exemplo.com.br");
  g_assert_cmpstr (link_over (rendered, "https://x.example/"), ==, "https://x.example/");
  g_assert_null (link_over (rendered, "relativo"));
  g_assert_null (link_over (rendered, "âncora"));
  g_assert_null (link_over (rendered, "espaço"));
  g_assert_null (link_over (rendered, "Veja"));
  g_assert_true (has_tag (rendered, "a ajuda", SAN_HTML_TAG_LINK));
  g_assert_true (lacks_tag (rendered, "relativo", SAN_HTML_TAG_LINK));
  g_assert_true (has_tag (rendered, "<https://docs.saninternet.com/boleto?x=1&y=2>", SAN_HTML_TAG_NOTE));

  /* A link left open ends with the text, and still shows where it goes */
  assert_renders ("<a href=\"https://a.example/\">um <a href=\"https://b.example/\">dois",
                  "um <https://a.example/> dois <https://b.example/>");
  /* A link around blocks: the URL right after its text */
  assert_renders ("<p>Antes</p><a href=\"https://a.example/\"><div><p>Botão</p></div></a><p>Depois</p>",
                  "Antes\n\nBotão <https://a.example/>\n\nDepois");
}

/* /html-view/malformed/unclosed-and-stray-tags */
static void
test_malformed (void)
{
  g_autoptr(Rendered) rendered = render ("<p>Olá <b>mundo<i> itálico");

  g_assert_cmpstr (rendered->text, ==, "Olá mundo itálico");
  g_assert_true (has_tag (rendered, "mundo", SAN_HTML_TAG_BOLD));
  g_assert_true (has_tag (rendered, "itálico", SAN_HTML_TAG_ITALIC));
  g_assert_true (lacks_tag (rendered, "mundo", SAN_HTML_TAG_ITALIC));

  assert_renders ("<p>a<p>b<div>c</p>d", "a\n\nb\n\nc\n\nd");
  assert_renders ("</div></b></i></p>texto</li></ul></table></a></html>", "texto");
  {
    g_autoptr(Rendered) crossed = render ("<b>negrito <i>ambos</b> só itálico?</i> nada");

    g_assert_cmpstr (crossed->text, ==, "negrito ambos só itálico? nada");
    g_assert_true (lacks_tag (crossed, "nada", SAN_HTML_TAG_BOLD));
    g_assert_true (lacks_tag (crossed, "nada", SAN_HTML_TAG_ITALIC));
  }
  /* Cut off inside a tag or an attribute: the tag is dropped */
  assert_renders ("Antes<img alt=\"foo", "Antes");
  assert_renders ("Antes<a href='https://x.example/", "Antes");
  assert_renders ("Antes<p", "Antes");
  assert_renders ("Antes<", "Antes<");
  /* A "<" that starts no tag is text */
  assert_renders ("1 < 2 e 3 <= 4, <3 <> </ fim", "1 < 2 e 3 <= 4, <3 <>");
  assert_renders ("x </ >y </>z </3>w", "x y z w");
  /* Attributes of every shape */
  assert_renders ("<img alt=semaspas src=x><img\nalt\n=\n'quebra'\n><img src=\"a>b\" alt=\"c>d\"><img alt>",
                  "[image: semaspas][image: quebra][image: c>d]");
  /* Odd names, unknown elements, attributes on end tags */
  assert_renders ("<blink>pisca</blink><x-custom a=1>custom</x-custom><b/>ok</p class=\"x\">",
                  "piscacustomok");
  /* Invalid UTF-8 is repaired */
  {
    g_autoptr(Rendered) bad = render ("<p>caf\xe9 \xff\xfe ok</p><img alt=\"\xc3\">");

    g_assert_true (g_str_has_prefix (bad->text, "caf"));
    assert_contains (bad->text, "ok");
  }
  /* A NUL ends the input */
  assert_renders ("<p>antes\0depois</p>", "antes");
  assert_renders ("", "");
  assert_renders (NULL, "");
}

/* /html-view/malformed/deep-nesting */
static void
test_deep_nesting (void)
{
  g_autoptr(GString) html = g_string_new ("<b>");
  g_autoptr(Rendered) rendered = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (html, "<div><i><span><blockquote><ul><li>");
  g_string_append (html, "fundo");
  for (guint i = 0; i < 100000; i++)
    g_string_append (html, "</li></ul></blockquote></span></i></div>");
  g_string_append (html, "</b>fora");
  rendered = render (html->str);

  g_assert_cmpstr (rendered->text, ==, "▪ fundo\n\nfora");
  g_assert_true (has_tag (rendered, "fundo", SAN_HTML_TAG_BOLD));
  g_assert_true (has_tag (rendered, "fundo", SAN_HTML_TAG_ITALIC));
  g_assert_true (has_tag (rendered, "fundo", "san-html-indent-8"));
  g_assert_true (lacks_tag (rendered, "fora", SAN_HTML_TAG_BOLD));
  g_assert_true (lacks_tag (rendered, "fora", "san-html-indent-8"));

  /* Unclosed, and end tags of nothing open */
  g_string_assign (html, "<a href=\"https://x.example/\">");
  for (guint i = 0; i < 200000; i++)
    g_string_append (html, "<table><td><p><li><dt><pre>");
  for (guint i = 0; i < 200000; i++)
    g_string_append (html, "</em></strong></h1>");
  g_string_append (html, "fim");
  g_clear_pointer (&rendered, rendered_free);
  rendered = render (html->str);
  g_assert_cmpstr (rendered->text, ==, "• fim <https://x.example/>");
  g_assert_cmpstr (link_over (rendered, "fim"), ==, "https://x.example/");
}

/* /html-view/huge-input */
static void
test_huge (void)
{
  g_autoptr(GString) html = g_string_new (NULL);
  g_autoptr(Rendered) rendered = NULL;

  /* 4 MiB of paragraphs: the text stops at about 1 MiB, and says so */
  while (html->len < 4 * 1024 * 1024)
    g_string_append (html, "<p>Olá, <b>Padaria</b> &amp; <a href=\"https://x.example/\">link</a> "
                           "<img alt=\"img\" src=\"https://x.example/i.png\"></p>\n");
  rendered = render (html->str);
  g_assert_true (g_str_has_prefix (rendered->text, "Olá, Padaria & link <https://x.example/> [image: img]\n\nOlá"));
  g_assert_true (g_str_has_suffix (rendered->text, "\n\n[Message truncated]"));
  g_assert_cmpuint (strlen (rendered->text), <, 1024 * 1024 + 1024);
  g_assert_cmpuint (strlen (rendered->text), >, 1000 * 1000);

  /* Many links: only so many */
  g_string_truncate (html, 0);
  for (guint i = 0; i < 30000; i++)
    g_string_append_printf (html, "<a href=\"https://x.example/%u\">n%u</a><br>", i, i);
  g_clear_pointer (&rendered, rendered_free);
  rendered = render (html->str);
  g_assert_true (g_str_has_prefix (rendered->text, "n0 <https://x.example/0>\nn1 <https://x.example/1>\n"));
  g_assert_cmpuint (rendered->links->len, ==, 10000);
  g_assert_cmpstr (link_over (rendered, "n9999 <https://x.example/9999>"), ==, "https://x.example/9999");
  g_assert_null (link_over (rendered, "n10000\n"));

  /* One line of countless styles: the first ones styled, the rest plain */
  g_string_truncate (html, 0);
  for (guint i = 0; i < 300000; i++)
    g_string_append (html, "<b>x</b> <i>y</i> ");
  g_clear_pointer (&rendered, rendered_free);
  rendered = render (html->str);
  g_assert_true (g_str_has_prefix (rendered->text, "x y x y x y"));
  g_assert_true (has_tag (rendered, "x", SAN_HTML_TAG_BOLD));

  /* Pathological shapes, 2 MiB each */
  {
    const char * const units[] = {
      "<", "&", "&#", "<!", "<a ", "<!--", "</", "<p", "\"", "<a href=\"", "<script>",
      "&amp", "<b><i>", "</b></i>", "<li>", "<td>", "<br>", "<pre>\n", " ", "\n",
    };

    for (guint u = 0; u < G_N_ELEMENTS (units); u++)
      {
        g_autoptr(GString) shape = g_string_new ("x");
        g_autoptr(Rendered) result = NULL;

        while (shape->len < 2 * 1024 * 1024)
          g_string_append (shape, units[u]);
        g_string_append (shape, "y");
        g_test_message ("unit “%s”", units[u]);
        result = render (shape->str);
        g_assert_true (g_str_has_prefix (result->text, "x"));
        g_assert_cmpuint (strlen (result->text), <, 1024 * 1024 + 1024);
      }
  }
}

/* /html-view/server-emails: what san-portald sends reads well */
static void
test_server_emails (void)
{
  g_autoptr(Rendered) ticket = NULL;

  assert_renders ("<!DOCTYPE html><html lang=\"pt-BR\"><head><meta charset=\"utf-8\"></head><body>"
                  "<p>Olá,</p>"
                  "<p>Recebemos seu pedido para que a SAN Internet ligue para você.</p>"
                  "<ul><li>Telefone: +55 (11) 91234-5678</li><li>Assunto: Dúvidas sobre a migração</li>"
                  "<li>Horário preferido: 25/11/2026, das 09:00 às 12:00</li></ul>"
                  "<p>Nossa equipe vai ligar dentro desse horário. Você acompanha o pedido em "
                  "<strong>Área do Cliente &gt; Nós ligamos para você</strong>.</p>"
                  "<p>Equipe SAN Internet</p></body></html>",
                  "Olá,\n\n"
                  "Recebemos seu pedido para que a SAN Internet ligue para você.\n\n"
                  "• Telefone: +55 (11) 91234-5678\n"
                  "• Assunto: Dúvidas sobre a migração\n"
                  "• Horário preferido: 25/11/2026, das 09:00 às 12:00\n\n"
                  "Nossa equipe vai ligar dentro desse horário. Você acompanha o pedido em "
                  "Área do Cliente > Nós ligamos para você.\n\n"
                  "Equipe SAN Internet");

  ticket = render ("<!DOCTYPE html>\n<html lang=\"pt-BR\"><head><meta charset=\"utf-8\"></head><body>\n"
                   "<p>Olá,</p>\n<p>Seu ticket foi respondido.</p>\n"
                   "<p>Chamado: <b>2026-000042</b><br>\nAssunto: Site fora do ar &lt;urgente&gt;<br>\n"
                   "Departamento: Suporte Técnico<br>\nPrioridade: Alta</p>\n"
                   "<p>Mensagem de Marina Costa (SAN):</p>\n"
                   "<blockquote><p>Olá Ana,<br>\nJá normalizamos o servidor.</p></blockquote>\n"
                   "<p>Anexos: log.txt, print.png</p>\n"
                   "<p>Acompanhe e responda pelo Portal do Cliente SAN Internet.</p>\n"
                   "<p>Equipe SAN Internet</p>\n</body></html>\n");
  g_assert_cmpstr (ticket->text, ==,
                   "Olá,\n\nSeu ticket foi respondido.\n\n"
                   "Chamado: 2026-000042\nAssunto: Site fora do ar <urgente>\n"
                   "Departamento: Suporte Técnico\nPrioridade: Alta\n\n"
                   "Mensagem de Marina Costa (SAN):\n\n"
                   "Olá Ana,\nJá normalizamos o servidor.\n\n"
                   "Anexos: log.txt, print.png\n\n"
                   "Acompanhe e responda pelo Portal do Cliente SAN Internet.\n\n"
                   "Equipe SAN Internet");
  g_assert_true (has_tag (ticket, "2026-000042", SAN_HTML_TAG_BOLD));
  g_assert_true (has_tag (ticket, "Já normalizamos o servidor.", "san-html-indent-1"));
}

/* /html-view/render-again: rendering into the same buffer replaces the text */
static void
test_render_again (void)
{
  g_autoptr(GtkTextBuffer) buffer = gtk_text_buffer_new (NULL);
  g_autoptr(GPtrArray) first = san_html_render (buffer, "<b>um</b> <a href=\"https://a.example/\">a</a>");
  g_autoptr(GPtrArray) second = NULL;
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  g_assert_cmpuint (first->len, ==, 1);
  second = san_html_render (buffer, "<i>dois</i>");
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  g_assert_cmpstr (text, ==, "dois");
  g_assert_cmpuint (second->len, ==, 0);
  g_assert_true (gtk_text_iter_has_tag (&start, gtk_text_tag_table_lookup (table, SAN_HTML_TAG_ITALIC)));
  g_assert_false (gtk_text_iter_has_tag (&start, gtk_text_tag_table_lookup (table, SAN_HTML_TAG_BOLD)));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/html-view/images/alt-text-never-fetched", test_images);
  g_test_add_func ("/html-view/scripts-and-styles/not-shown", test_scripts);
  g_test_add_func ("/html-view/entities", test_entities);
  g_test_add_func ("/html-view/structure", test_structure);
  g_test_add_func ("/html-view/links/shown-with-their-url", test_links);
  g_test_add_func ("/html-view/malformed/unclosed-and-stray-tags", test_malformed);
  g_test_add_func ("/html-view/malformed/deep-nesting", test_deep_nesting);
  g_test_add_func ("/html-view/huge-input", test_huge);
  g_test_add_func ("/html-view/server-emails", test_server_emails);
  g_test_add_func ("/html-view/render-again", test_render_again);

  return g_test_run ();
}
