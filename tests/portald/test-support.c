/* test-support.c: san-portald's support routes against the real server
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One demo server pretending today is 2026-11-24, writing e-mails into a
 * temporary spool. Tests that send e-mails find theirs as the spool's new
 * files, so their order does not matter.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "san-date.h"
#include "san-test-server.h"
#include "portald-test-util.h"

#define TODAY "2026-11-24"
#define ANA "Ana Souza"
#define PADARIA "Padaria Pão Quente Ltda"
#define OFICINA "Oficina Ribeiro ME"
#define CONTACT "financeiro@contabilidade-exemplo.com.br"

static SanTestServer *server;
static SoupSession *session;
static char *spool;
static char *demo_token;
static char *demo_refresh;
static char *viewer_token;
static char *other_token;

#define URL (san_test_server_get_url (server))

/* Requests */

/* A request to the test's server; the path from a printf() format */
#define call(method, token, body, ...) \
  http_request_printf (session, URL, method, token, body, __VA_ARGS__)

/* The id of the first service of @cid with @status (and @kind when not NULL) */
static char *
service_id (const char *token,
            const char *cid,
            const char *status)
{
  g_autoptr(Reply) reply = call ("GET", token, NULL, "/api/v1/contracts/%s/services?limit=100", cid);
  JsonArray *items;

  g_assert_cmpuint (reply->status, ==, 200);
  items = json_object_get_array_member (reply_object (reply), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *s = json_array_get_object_element (items, i);

      if (g_str_equal (member_str (s, "status"), status))
        return g_strdup (member_str (s, "id"));
    }
  g_assert_not_reached ();
}

/* Every e-mail of @cid (one page of 100), newest first */
static JsonNode *
all_emails (const char *cid)
{
  g_autoptr(Reply) reply = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/emails?limit=100", cid);
  JsonObject *page;

  g_assert_cmpuint (reply->status, ==, 200);
  page = reply_object (reply);
  g_assert_null (member_str (page, "next_cursor"));
  return json_node_copy (json_object_get_member (page, "items"));
}

/* The newest e-mail of @kind in @cid, with its bodies */
static JsonObject *
newest_email (const char *cid,
              const char *kind)
{
  g_autoptr(Reply) list = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/emails?kind=%s&limit=1",
                                cid, kind);
  g_autoptr(Reply) detail = NULL;
  JsonArray *items;

  g_assert_cmpuint (list->status, ==, 200);
  items = json_object_get_array_member (reply_object (list), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  detail = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/emails/%s", cid,
                 member_str (json_array_get_object_element (items, 0), "id"));
  g_assert_cmpuint (detail->status, ==, 200);
  return json_object_ref (reply_object (detail));
}

/* The spool */

static GHashTable *
spool_files (void)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDir) dir = g_dir_open (spool, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_hash_table_add (names, g_strdup (name));
  return names;
}

/* The one .eml that is in the spool now and was not in @before */
static char *
new_spool_file (GHashTable *before)
{
  g_autoptr(GHashTable) after = spool_files ();
  GHashTableIter iter;
  const char *name;
  char *found = NULL;

  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
    if (!g_hash_table_contains (before, name))
      {
        g_assert_null (found);
        g_assert_true (g_str_has_suffix (name, ".eml"));
        found = g_build_filename (spool, name, NULL);
      }
  g_assert_nonnull (found);
  return found;
}

typedef struct
{
  GHashTable *headers;   /* lower-case name -> unfolded value */
  char       *text;
  char       *html;
} Eml;

static void
eml_free (Eml *eml)
{
  g_hash_table_unref (eml->headers);
  g_free (eml->text);
  g_free (eml->html);
  g_free (eml);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Eml, eml_free)

/* Headers of @block ("Name: value" lines, CRLF, folded with leading space) */
static GHashTable *
parse_headers (const char *block)
{
  GHashTable *headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) lines = g_strsplit (block, "\r\n", -1);
  g_autofree char *name = NULL;
  GString *value = NULL;

  for (guint i = 0; ; i++)
    {
      const char *line = lines[i];

      if (line != NULL && (line[0] == ' ' || line[0] == '\t'))
        {
          g_assert_nonnull (value);
          g_string_append (value, line);
          continue;
        }
      if (value != NULL)
        {
          g_hash_table_replace (headers, g_ascii_strdown (name, -1), g_string_free (value, FALSE));
          value = NULL;
          g_clear_pointer (&name, g_free);
        }
      if (line == NULL || line[0] == '\0')
        break;
      {
        const char *colon = strchr (line, ':');

        g_assert_nonnull (colon);
        name = g_strndup (line, (gsize) (colon - line));
        value = g_string_new (colon[1] == ' ' ? colon + 2 : colon + 1);
      }
    }
  return headers;
}

/* RFC 2047 B encoded words (UTF-8) back to text */
static char *
decode_words (const char *value)
{
  GString *out = g_string_new (NULL);
  const char *p = value;

  if (strstr (value, "=?") == NULL)
    {
      g_string_free (out, TRUE);
      return g_strdup (value);
    }
  while ((p = strstr (p, "=?UTF-8?B?")) != NULL)
    {
      const char *start = p + strlen ("=?UTF-8?B?");
      const char *end = strstr (start, "?=");
      g_autofree char *encoded = NULL;
      g_autofree guchar *decoded = NULL;
      gsize length = 0;

      g_assert_nonnull (end);
      encoded = g_strndup (start, (gsize) (end - start));
      decoded = g_base64_decode (encoded, &length);
      g_string_append_len (out, (const char *) decoded, (gssize) length);
      p = end + 2;
    }
  return g_string_free (out, FALSE);
}

/* @text's CRLFs as LFs */
static char *
lf_line_ends (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);

  return g_strjoinv ("\n", lines);
}

static Eml *
parse_eml (const char *path)
{
  g_autofree char *contents = NULL;
  g_autofree char *boundary = NULL;
  g_autofree char *delimiter = NULL;
  g_auto(GStrv) parts = NULL;
  const char *content_type;
  const char *body;
  Eml *eml = g_new0 (Eml, 1);
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_utf8_validate (contents, (gssize) length, NULL));
  /* CRLF line ends only */
  for (gsize i = 0; i < length; i++)
    if (contents[i] == '\n')
      g_assert_true (i > 0 && contents[i - 1] == '\r');
  /* 7-bit: everything non-ASCII is encoded */
  for (gsize i = 0; i < length; i++)
    g_assert_cmpint ((guchar) contents[i], <, 0x80);

  body = strstr (contents, "\r\n\r\n");
  g_assert_nonnull (body);
  {
    g_autofree char *head = g_strndup (contents, (gsize) (body - contents));

    eml->headers = parse_headers (head);
  }
  body += 4;

  content_type = g_hash_table_lookup (eml->headers, "content-type");
  g_assert_nonnull (content_type);
  g_assert_true (g_str_has_prefix (content_type, "multipart/alternative; boundary=\""));
  boundary = g_strndup (content_type + strlen ("multipart/alternative; boundary=\""),
                        strlen (content_type) - strlen ("multipart/alternative; boundary=\"") - 1);
  delimiter = g_strconcat ("--", boundary, NULL);
  g_assert_nonnull (strstr (body, delimiter));
  {
    g_autofree char *closing = g_strconcat ("\r\n--", boundary, "--\r\n", NULL);

    g_assert_true (g_str_has_suffix (body, closing));
  }

  parts = g_strsplit (body, delimiter, -1);
  /* preamble, text, html, "--" epilogue */
  g_assert_cmpuint (g_strv_length (parts), ==, 4);
  for (guint i = 1; i <= 2; i++)
    {
      const char *part = parts[i];
      const char *part_body;
      g_autoptr(GHashTable) part_headers = NULL;
      g_autofree char *head = NULL;
      g_autofree char *encoded = NULL;
      g_autofree guchar *decoded = NULL;
      g_autofree char *text = NULL;
      gsize decoded_length = 0;

      g_assert_true (g_str_has_prefix (part, "\r\n"));
      part += 2;
      part_body = strstr (part, "\r\n\r\n");
      g_assert_nonnull (part_body);
      head = g_strndup (part, (gsize) (part_body - part));
      part_headers = parse_headers (head);
      g_assert_cmpstr (g_hash_table_lookup (part_headers, "content-transfer-encoding"), ==, "base64");
      encoded = g_strdup (part_body + 4);
      /* every encoded line is at most 76 characters */
      {
        g_auto(GStrv) lines = g_strsplit (encoded, "\r\n", -1);

        for (guint l = 0; lines[l] != NULL; l++)
          g_assert_cmpuint (strlen (lines[l]), <=, 76);
      }
      decoded = g_base64_decode (g_strstrip (encoded), &decoded_length);
      text = g_strndup ((const char *) decoded, decoded_length);
      if (i == 1)
        {
          g_assert_cmpstr (g_hash_table_lookup (part_headers, "content-type"), ==, "text/plain; charset=UTF-8");
          eml->text = lf_line_ends (text);
        }
      else
        {
          g_assert_cmpstr (g_hash_table_lookup (part_headers, "content-type"), ==, "text/html; charset=UTF-8");
          eml->html = lf_line_ends (text);
        }
    }
  return eml;
}

/* The .eml holds @email (from the history) sent to exactly @to */
static void
assert_eml_matches (const char         *path,
                    JsonObject         *email,
                    const char * const *to)
{
  g_autoptr(Eml) eml = parse_eml (path);
  g_autofree char *subject = decode_words (g_hash_table_lookup (eml->headers, "subject"));
  g_autoptr(GRegex) date_re = g_regex_new ("^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-3][0-9] "
                                           "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
                                           "20[0-9][0-9] [0-2][0-9]:[0-5][0-9]:[0-6][0-9] [-+][0-9]{4}$",
                                           0, 0, NULL);
  g_autoptr(GRegex) id_re = g_regex_new ("^<[0-9a-f]{32}@saninternet\\.com\\.br>$", 0, 0, NULL);
  g_auto(GStrv) addresses = NULL;
  JsonArray *recipients = json_object_get_array_member (email, "recipients");

  g_assert_cmpstr (g_hash_table_lookup (eml->headers, "from"), ==,
                   "SAN Internet <nao-responda@saninternet.com.br>");
  g_assert_cmpstr (g_hash_table_lookup (eml->headers, "mime-version"), ==, "1.0");
  g_assert_true (g_regex_match (date_re, g_hash_table_lookup (eml->headers, "date"), 0, NULL));
  g_assert_true (g_regex_match (id_re, g_hash_table_lookup (eml->headers, "message-id"), 0, NULL));
  g_assert_cmpstr (subject, ==, member_str (email, "subject"));

  addresses = g_strsplit (g_hash_table_lookup (eml->headers, "to"), ", ", -1);
  g_assert_cmpuint (g_strv_length (addresses), ==, g_strv_length ((GStrv) to));
  g_assert_cmpuint (json_array_get_length (recipients), ==, g_strv_length ((GStrv) to));
  for (guint i = 0; to[i] != NULL; i++)
    {
      g_assert_cmpstr (g_strstrip (addresses[i]), ==, to[i]);
      g_assert_cmpstr (json_array_get_string_element (recipients, i), ==, to[i]);
    }

  g_assert_cmpstr (eml->text, ==, member_str (email, "text_body"));
  g_assert_cmpstr (eml->html, ==, member_str (email, "html_body"));
}

/* E-mail history */

static void
test_emails_list (void)
{
  g_autofree char *cid = me_contract_id (session, URL, demo_token, PADARIA);
  g_autofree char *mendes_cid = NULL;
  g_autoptr(JsonNode) items = all_emails (cid);
  JsonArray *array = json_node_get_array (items);
  const char *previous = NULL;
  gboolean invoice = FALSE;
  gboolean paid = FALSE;
  gboolean callback = FALSE;

  g_assert_cmpuint (json_array_get_length (array), >, 5);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *email = json_array_get_object_element (array, i);
      const char *sent_at = member_str (email, "sent_at");
      const char *subject = member_str (email, "subject");
      JsonArray *recipients = json_object_get_array_member (email, "recipients");
      g_autoptr(GDateTime) instant = san_datetime_parse_rfc3339 (sent_at);

      g_assert_nonnull (instant);
      g_assert_true (g_str_has_suffix (sent_at, "Z"));
      g_assert_true (g_ascii_isdigit (member_str (email, "id")[0]));
      g_assert_false (json_object_has_member (email, "text_body"));
      /* newest first */
      if (previous != NULL)
        g_assert_cmpstr (previous, >=, sent_at);
      previous = sent_at;
      /* the owner, then the contact on another domain */
      g_assert_cmpstr (json_array_get_string_element (recipients, 0), ==, "demo@example.com");
      if (g_str_equal (member_str (email, "kind"), "invoice") || g_str_equal (member_str (email, "kind"), "callback"))
        g_assert_cmpstr (json_array_get_string_element (recipients, 1), ==, CONTACT);

      invoice |= g_str_has_prefix (subject, "Fatura ") && g_str_has_suffix (subject, " disponível");
      paid |= g_str_has_prefix (subject, "Pagamento confirmado");
      callback |= g_str_equal (subject, "Recebemos seu pedido de ligação");
    }
  g_assert_true (invoice);
  g_assert_true (paid);
  g_assert_true (callback);

  /* the detail has the bodies */
  {
    JsonObject *first = json_array_get_object_element (array, json_array_get_length (array) - 1);
    g_autoptr(Reply) detail = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/emails/%s",
                                    cid, member_str (first, "id"));
    JsonObject *email;

    g_assert_cmpuint (detail->status, ==, 200);
    email = reply_object (detail);
    g_assert_cmpstr (member_str (email, "id"), ==, member_str (first, "id"));
    g_assert_cmpstr (member_str (email, "subject"), ==, member_str (first, "subject"));
    g_assert_cmpstr (member_str (email, "sent_at"), ==, member_str (first, "sent_at"));
    g_assert_nonnull (strstr (member_str (email, "text_body"), "Equipe SAN Internet"));
    g_assert_true (g_str_has_prefix (member_str (email, "html_body"), "<!DOCTYPE html>"));

    /* not found: another contract's e-mail, nonsense ids */
    mendes_cid = me_contract_id (session, URL, demo_token, ANA);
    {
      g_autoptr(Reply) foreign = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/emails/%s",
                                       mendes_cid, member_str (first, "id"));
      g_autoptr(Reply) zero = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/emails/0", cid);
      g_autoptr(Reply) word = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/emails/abc", cid);
      g_autoptr(Reply) huge = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/emails/99999999", cid);

      assert_problem (foreign, 404, "not_found");
      assert_problem (zero, 404, "not_found");
      assert_problem (word, 404, "not_found");
      assert_problem (huge, 404, "not_found");
    }
  }
}

static guint
count_items (Reply *reply)
{
  g_assert_cmpuint (reply->status, ==, 200);
  return json_array_get_length (json_object_get_array_member (reply_object (reply), "items"));
}

static char *
sao_paulo_date (const char *rfc3339)
{
  g_autoptr(GDateTime) instant = san_datetime_parse_rfc3339 (rfc3339);
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (-3 * 3600);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (instant, zone);

  return g_date_time_format (local, "%Y-%m-%d");
}

static void
test_emails_filters (void)
{
  g_autofree char *cid = me_contract_id (session, URL, demo_token, PADARIA);
  g_autoptr(JsonNode) items = all_emails (cid);
  JsonArray *array = json_node_get_array (items);
  guint n_invoice = 0;
  guint n_paid = 0;
  guint n_range = 0;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  /* a range over the middle of the history, by the São Paulo date */
  from = sao_paulo_date (member_str (json_array_get_object_element (array, json_array_get_length (array) - 2), "sent_at"));
  to = sao_paulo_date (member_str (json_array_get_object_element (array, 2), "sent_at"));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *email = json_array_get_object_element (array, i);
      g_autofree char *day = sao_paulo_date (member_str (email, "sent_at"));
      g_autofree char *folded = g_utf8_casefold (member_str (email, "subject"), -1);

      n_invoice += g_str_equal (member_str (email, "kind"), "invoice");
      n_paid += strstr (folded, "pagamento confirmado") != NULL;
      n_range += strcmp (day, from) >= 0 && strcmp (day, to) <= 0;
    }
  g_assert_cmpuint (n_paid, >, 0);
  g_assert_cmpuint (n_range, <, json_array_get_length (array));

  {
    g_autoptr(Reply) kind = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/emails?kind=invoice&limit=100", cid);
    /* case-insensitive, over the subject */
    g_autoptr(Reply) q = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/emails?q=PAGAMENTO%%20CONFIRMADO&limit=100", cid);
    /* and over the text body only ("Obrigado" is not in any subject) */
    g_autoptr(Reply) body = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/emails?q=obrigado&limit=100", cid);
    g_autoptr(Reply) accent = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/emails?q=LIGA%%C3%%87%%C3%%83O", cid);
    g_autoptr(Reply) none = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/emails?q=zzzz-nada", cid);
    g_autoptr(Reply) range = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/emails?from=%s&to=%s&limit=100", cid, from, to);
    g_autoptr(Reply) one_day = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/emails?from=%s&to=%s&limit=100", cid, from, from);

    g_assert_cmpuint (count_items (kind), ==, n_invoice);
    g_assert_cmpint (json_object_get_int_member (reply_object (kind), "total"), ==, n_invoice);
    g_assert_cmpuint (count_items (q), ==, n_paid);
    g_assert_cmpuint (count_items (body), ==, n_paid);
    g_assert_cmpuint (count_items (accent), >=, 1);
    g_assert_cmpuint (count_items (none), ==, 0);
    g_assert_cmpint (json_object_get_int_member (reply_object (none), "total"), ==, 0);
    g_assert_cmpuint (count_items (range), ==, n_range);
    g_assert_cmpuint (count_items (one_day), >=, 1);
    {
      JsonArray *got = json_object_get_array_member (reply_object (one_day), "items");

      for (guint i = 0; i < json_array_get_length (got); i++)
        {
          g_autofree char *day = sao_paulo_date (member_str (json_array_get_object_element (got, i), "sent_at"));

          g_assert_cmpstr (day, ==, from);
        }
    }
  }

  /* bad parameters */
  {
    g_autofree char *long_q = g_strnfill (101, 'a');
    g_autoptr(Reply) too_long = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/emails?q=%s", cid, long_q);
    g_autoptr(Reply) bad_from = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/emails?from=2026-02-30", cid);
    g_autoptr(Reply) backwards = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/emails?from=2026-11-20&to=2026-11-10", cid);
    g_autoptr(Reply) bad_kind = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/emails?kind=spam", cid);
    g_autoptr(Reply) bad_limit = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/emails?limit=101", cid);
    g_autoptr(Reply) bad_cursor = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/emails?cursor=nope", cid);

    assert_problem (too_long, 400, "validation_failed");
    g_assert_true (problem_has_field (too_long, "q", "too_long"));
    assert_problem (bad_from, 400, "validation_failed");
    g_assert_true (problem_has_field (bad_from, "from", "invalid"));
    assert_problem (backwards, 400, "validation_failed");
    g_assert_true (problem_has_field (backwards, "to", "out_of_range"));
    assert_problem (bad_kind, 400, "validation_failed");
    g_assert_true (problem_has_field (bad_kind, "kind", "invalid"));
    assert_problem (bad_limit, 400, "validation_failed");
    g_assert_true (problem_has_field (bad_limit, "limit", "out_of_range"));
    assert_problem (bad_cursor, 400, "validation_failed");
    g_assert_true (problem_has_field (bad_cursor, "cursor", "invalid"));
  }
}

static void
test_emails_pagination (void)
{
  g_autofree char *cid = me_contract_id (session, URL, demo_token, PADARIA);
  g_autoptr(JsonNode) items = all_emails (cid);
  JsonArray *all = json_node_get_array (items);
  g_autofree char *cursor = NULL;
  guint seen = 0;
  guint pages = 0;

  do
    {
      g_autoptr(Reply) reply = NULL;
      JsonArray *page;

      if (cursor == NULL)
        reply = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/emails?limit=4", cid);
      else
        reply = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/emails?limit=4&cursor=%s", cid, cursor);
      g_assert_cmpuint (reply->status, ==, 200);
      page = json_object_get_array_member (reply_object (reply), "items");
      g_assert_cmpint (json_object_get_int_member (reply_object (reply), "total"), ==, json_array_get_length (all));
      g_assert_cmpuint (json_array_get_length (page), <=, 4);
      for (guint i = 0; i < json_array_get_length (page); i++)
        g_assert_cmpstr (member_str (json_array_get_object_element (page, i), "id"), ==,
                         member_str (json_array_get_object_element (all, seen + i), "id"));
      seen += json_array_get_length (page);
      g_free (cursor);
      cursor = g_strdup (member_str (reply_object (reply), "next_cursor"));
      pages++;
    }
  while (cursor != NULL);
  g_assert_cmpuint (seen, ==, json_array_get_length (all));
  g_assert_cmpuint (pages, ==, (seen + 3) / 4);

  /* a cursor from another contract's e-mail is not this list's */
  {
    g_autofree char *ana = me_contract_id (session, URL, demo_token, ANA);
    g_autoptr(Reply) first = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/emails?limit=1", ana);
    const char *next = member_str (reply_object (first), "next_cursor");
    g_autoptr(Reply) crossed = NULL;

    g_assert_nonnull (next);
    crossed = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/emails?cursor=%s", cid, next);
    assert_problem (crossed, 400, "validation_failed");
  }
}

/* Callbacks */

static char *
window_body (const char *phone,
             int         days_ahead,
             const char *from,
             const char *to,
             const char *service)
{
  GDate today;
  g_autofree char *date = NULL;
  g_autofree char *service_member = service != NULL ? g_strdup_printf (", \"service_id\": \"%s\"", service)
                                                    : g_strdup ("");

  g_assert_true (san_date_parse_iso (TODAY, &today));
  if (days_ahead >= 0)
    g_date_add_days (&today, (guint) days_ahead);
  else
    g_date_subtract_days (&today, (guint) -days_ahead);
  date = san_date_to_iso (&today);
  return g_strdup_printf ("{\"phone\": \"%s\", \"subject\": \"Ajuda com o DNS do domínio\"%s,"
                          " \"preferred_window\": {\"date\": \"%s\", \"from\": \"%s\", \"to\": \"%s\"}}",
                          phone, service_member, date, from, to);
}

static void
test_callback_create (void)
{
  g_autofree char *cid = me_contract_id (session, URL, demo_token, PADARIA);
  g_autofree char *sid = service_id (demo_token, cid, "active");
  g_autofree char *body = window_body ("11 91234 5678", 2, "14:00", "16:30", sid);
  g_autoptr(GHashTable) before = spool_files ();
  g_autoptr(Reply) created = call ("POST", demo_token, body, "/api/v1/contracts/%s/callbacks", cid);
  g_autoptr(Reply) list = NULL;
  g_autoptr(JsonObject) email = NULL;
  g_autofree char *eml = NULL;
  JsonObject *callback;
  JsonObject *window;
  JsonObject *first;
  const char * const to[] = { "demo@example.com", CONTACT, NULL };

  g_assert_cmpuint (created->status, ==, 201);
  callback = reply_object (created);
  g_assert_true (g_ascii_isdigit (member_str (callback, "id")[0]));
  g_assert_cmpstr (member_str (callback, "phone"), ==, "+55 (11) 91234-5678");
  g_assert_cmpstr (member_str (callback, "subject"), ==, "Ajuda com o DNS do domínio");
  g_assert_cmpstr (member_str (callback, "service_id"), ==, sid);
  g_assert_cmpstr (member_str (callback, "status"), ==, "requested");
  window = json_object_get_object_member (callback, "preferred_window");
  g_assert_cmpstr (member_str (window, "date"), ==, "2026-11-26");
  g_assert_cmpstr (member_str (window, "from"), ==, "14:00");
  g_assert_cmpstr (member_str (window, "to"), ==, "16:30");
  {
    g_autofree char *day = sao_paulo_date (member_str (callback, "created_at"));

    g_assert_cmpstr (day, ==, TODAY);
  }

  /* listed first */
  list = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/callbacks", cid);
  g_assert_cmpuint (list->status, ==, 200);
  first = json_array_get_object_element (json_object_get_array_member (reply_object (list), "items"), 0);
  g_assert_cmpstr (member_str (first, "id"), ==, member_str (callback, "id"));
  g_assert_cmpstr (member_str (first, "phone"), ==, "+55 (11) 91234-5678");
  g_assert_cmpint (json_object_get_int_member (reply_object (list), "total"), >=, 2);

  /* the history has the e-mail, and the spool its .eml */
  email = newest_email (cid, "callback");
  g_assert_cmpstr (member_str (email, "subject"), ==, "Recebemos seu pedido de ligação");
  g_assert_nonnull (strstr (member_str (email, "text_body"), "+55 (11) 91234-5678"));
  g_assert_nonnull (strstr (member_str (email, "text_body"), "26/11/2026, das 14:00 às 16:30"));
  eml = new_spool_file (before);
  assert_eml_matches (eml, email, to);

  /* without a service; phones in other spellings */
  {
    g_autofree char *landline = window_body ("+55 (21) 3456-7890", 0, "08:00", "09:00", NULL);
    g_autoptr(Reply) reply = call ("POST", demo_token, landline, "/api/v1/contracts/%s/callbacks", cid);

    g_assert_cmpuint (reply->status, ==, 201);
    g_assert_cmpstr (member_str (reply_object (reply), "phone"), ==, "+55 (21) 3456-7890");
    g_assert_null (member_str (reply_object (reply), "service_id"));
  }
  {
    g_autofree char *last_day = window_body ("(11)912345678", 14, "19:00", "20:00", NULL);
    g_autoptr(Reply) reply = call ("POST", demo_token, last_day, "/api/v1/contracts/%s/callbacks", cid);

    g_assert_cmpuint (reply->status, ==, 201);
  }
}

static void
assert_callback_refused (const char *cid,
                         const char *body,
                         const char *field,
                         const char *code)
{
  g_autoptr(Reply) reply = call ("POST", demo_token, body, "/api/v1/contracts/%s/callbacks", cid);

  assert_problem (reply, 400, "validation_failed");
  if (!problem_has_field (reply, field, code))
    g_error ("%s: no %s/%s in %.*s", body, field, code,
             (int) g_bytes_get_size (reply->body), (const char *) g_bytes_get_data (reply->body, NULL));
}

static void
test_callback_validation (void)
{
  g_autofree char *cid = me_contract_id (session, URL, demo_token, PADARIA);
  g_autofree char *ana = me_contract_id (session, URL, demo_token, ANA);
  g_autofree char *foreign_sid = service_id (demo_token, ana, "active");
  struct
  {
    const char *phone;
    int         days;
    const char *from;
    const char *to;
    const char *field;
    const char *code;
  } cases[] = {
    { "12345", 1, "09:00", "12:00", "phone", "invalid" },
    { "(00) 91234-5678", 1, "09:00", "12:00", "phone", "invalid" },      /* no such DDD */
    { "(11) 81234-5678", 1, "09:00", "12:00", "phone", "invalid" },      /* 9 digits, not a 9 */
    { "+1 650 555 1234", 1, "09:00", "12:00", "phone", "invalid" },
    { "(11) 91234-5678", -1, "09:00", "12:00", "preferred_window.date", "out_of_range" },
    { "(11) 91234-5678", 15, "09:00", "12:00", "preferred_window.date", "out_of_range" },
    { "(11) 91234-5678", 1, "07:30", "12:00", "preferred_window.from", "out_of_range" },
    { "(11) 91234-5678", 1, "19:00", "20:30", "preferred_window.to", "out_of_range" },
    { "(11) 91234-5678", 1, "12:00", "09:00", "preferred_window.to", "out_of_range" },
    { "(11) 91234-5678", 1, "12:00", "12:00", "preferred_window.to", "out_of_range" },
    { "(11) 91234-5678", 1, "12:00", "12:59", "preferred_window.to", "too_short" },
    { "(11) 91234-5678", 1, "9h", "12:00", "preferred_window.from", "invalid" },
    { "(11) 91234-5678", 1, "09:00", "24:00", "preferred_window.to", "invalid" },
  };
  g_autoptr(Reply) list_before = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/callbacks", cid);
  g_autoptr(Reply) list_after = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *body = window_body (cases[i].phone, cases[i].days, cases[i].from, cases[i].to, NULL);

      assert_callback_refused (cid, body, cases[i].field, cases[i].code);
    }

  /* another contract's service, a nonsense one */
  {
    g_autofree char *body = window_body ("(11) 91234-5678", 1, "09:00", "12:00", foreign_sid);
    g_autofree char *zero = window_body ("(11) 91234-5678", 1, "09:00", "12:00", "0");

    assert_callback_refused (cid, body, "service_id", "not_found");
    assert_callback_refused (cid, zero, "service_id", "not_found");
  }
  /* missing members, bad window, bad date */
  assert_callback_refused (cid, "{\"subject\": \"x\", \"preferred_window\": {\"date\": \"2026-11-25\", \"from\": \"09:00\", \"to\": \"12:00\"}}",
                           "phone", "required");
  assert_callback_refused (cid, "{\"phone\": \"11912345678\", \"preferred_window\": {\"date\": \"2026-11-25\", \"from\": \"09:00\", \"to\": \"12:00\"}}",
                           "subject", "required");
  assert_callback_refused (cid, "{\"phone\": \"11912345678\", \"subject\": \"x\"}", "preferred_window", "required");
  assert_callback_refused (cid, "{\"phone\": \"11912345678\", \"subject\": \"x\", \"preferred_window\": \"amanhã\"}",
                           "preferred_window", "invalid");
  assert_callback_refused (cid, "{\"phone\": \"11912345678\", \"subject\": \"x\", \"preferred_window\": {\"date\": \"2026-11-31\", \"from\": \"09:00\", \"to\": \"12:00\"}}",
                           "preferred_window.date", "invalid");
  {
    g_autofree char *long_subject = g_strnfill (201, 'a');
    g_autofree char *body = g_strdup_printf ("{\"phone\": \"11912345678\", \"subject\": \"%s\", \"preferred_window\": {\"date\": \"2026-11-25\", \"from\": \"09:00\", \"to\": \"12:00\"}}",
                                             long_subject);

    assert_callback_refused (cid, body, "subject", "too_long");
  }
  {
    g_autoptr(Reply) not_json = call ("POST", demo_token, "phone=1", "/api/v1/contracts/%s/callbacks", cid);

    g_assert_cmpuint (not_json->status, ==, 400);
  }

  /* nothing was stored */
  list_after = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/callbacks", cid);
  g_assert_cmpint (json_object_get_int_member (reply_object (list_after), "total"), ==,
                   json_object_get_int_member (reply_object (list_before), "total"));
}

/* Support levels */

static void
test_support_levels (void)
{
  g_autofree char *cid = me_contract_id (session, URL, demo_token, PADARIA);
  g_autoptr(Reply) reply = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/support-levels", cid);
  static const char * const ids[] = { "basic", "business", "premium" };
  static const char * const names[] = { "Básico", "Business", "Premium" };
  JsonArray *items;
  gint64 previous_sla = G_MAXINT64;
  gint64 previous_price = -1;
  guint previous_channels = 0;

  g_assert_cmpuint (reply->status, ==, 200);
  items = json_object_get_array_member (reply_object (reply), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *level = json_array_get_object_element (items, i);
      JsonArray *channels = json_object_get_array_member (level, "channels");
      gint64 sla = json_object_get_int_member (level, "first_response_minutes");
      gint64 price = json_object_get_int_member (level, "price_cents");

      g_assert_cmpstr (member_str (level, "id"), ==, ids[i]);
      g_assert_cmpstr (member_str (level, "name"), ==, names[i]);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (level, "includes")), >=, 3);
      g_assert_nonnull (member_str (level, "human_hours"));
      /* every level has the 24x7 electronic channels; higher levels more */
      g_assert_nonnull (strstr (json_array_get_string_element (channels, 0), "24x7"));
      g_assert_cmpuint (json_array_get_length (channels), >, previous_channels);
      g_assert_cmpint (sla, <, previous_sla);
      g_assert_cmpint (price, >, previous_price);
      if (i == 0)
        g_assert_cmpint (price, ==, 0);
      previous_channels = json_array_get_length (channels);
      previous_sla = sla;
      previous_price = price;
    }
}

static void
test_support_level_put (void)
{
  g_autofree char *cid = me_contract_id (session, URL, demo_token, PADARIA);
  g_autofree char *ana = me_contract_id (session, URL, demo_token, ANA);
  g_autofree char *sid = service_id (demo_token, cid, "active");
  g_autofree char *cancelled = service_id (demo_token, cid, "cancelled");
  g_autofree char *terminated = service_id (demo_token, cid, "terminated");
  g_autofree char *foreign = service_id (demo_token, ana, "active");
  g_autoptr(GHashTable) before = spool_files ();
  g_autoptr(Reply) put = call ("PUT", demo_token, "{\"level\": \"premium\"}",
                               "/api/v1/contracts/%s/services/%s/support-level", cid, sid);
  g_autoptr(Reply) got = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/services/%s", cid, sid);
  g_autoptr(JsonObject) email = NULL;
  g_autofree char *eml = NULL;
  g_autofree char *put_text = NULL;
  g_autofree char *got_text = NULL;
  /* the contact gets invoice and ticket e-mails, not account ones */
  const char * const to[] = { "demo@example.com", NULL };

  g_assert_cmpuint (put->status, ==, 200);
  g_assert_cmpstr (member_str (reply_object (put), "support_level"), ==, "premium");
  /* the same object GET services/{sid} returns */
  g_assert_cmpuint (got->status, ==, 200);
  put_text = json_to_string (put->json, FALSE);
  got_text = json_to_string (got->json, FALSE);
  g_assert_cmpstr (put_text, ==, got_text);

  email = newest_email (cid, "account");
  g_assert_cmpstr (member_str (email, "subject"), ==, "Nível de suporte alterado");
  g_assert_nonnull (strstr (member_str (email, "text_body"), "para Premium"));
  eml = new_spool_file (before);
  assert_eml_matches (eml, email, to);

  /* the same level again: nothing to tell */
  {
    g_autoptr(GHashTable) again_before = spool_files ();
    g_autoptr(Reply) again = call ("PUT", demo_token, "{\"level\": \"premium\"}",
                                   "/api/v1/contracts/%s/services/%s/support-level", cid, sid);
    g_autoptr(GHashTable) again_after = spool_files ();

    g_assert_cmpuint (again->status, ==, 200);
    g_assert_cmpuint (g_hash_table_size (again_after), ==, g_hash_table_size (again_before));
  }

  /* errors */
  {
    g_autoptr(Reply) unknown = call ("PUT", demo_token, "{\"level\": \"gold\"}",
                                     "/api/v1/contracts/%s/services/%s/support-level", cid, sid);
    g_autoptr(Reply) missing = call ("PUT", demo_token, "{}",
                                     "/api/v1/contracts/%s/services/%s/support-level", cid, sid);
    g_autoptr(Reply) number = call ("PUT", demo_token, "{\"level\": 3}",
                                    "/api/v1/contracts/%s/services/%s/support-level", cid, sid);
    g_autoptr(Reply) other = call ("PUT", demo_token, "{\"level\": \"basic\"}",
                                   "/api/v1/contracts/%s/services/%s/support-level", cid, foreign);
    g_autoptr(Reply) nonsense = call ("PUT", demo_token, "{\"level\": \"basic\"}",
                                      "/api/v1/contracts/%s/services/x1/support-level", cid);
    g_autoptr(Reply) ended = call ("PUT", demo_token, "{\"level\": \"basic\"}",
                                   "/api/v1/contracts/%s/services/%s/support-level", cid, cancelled);
    g_autoptr(Reply) removed = call ("PUT", demo_token, "{\"level\": \"premium\"}",
                                     "/api/v1/contracts/%s/services/%s/support-level", cid, terminated);
    g_autoptr(Reply) still = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/services/%s", ana, foreign);

    assert_problem (unknown, 400, "validation_failed");
    g_assert_true (problem_has_field (unknown, "level", "invalid"));
    assert_problem (missing, 400, "validation_failed");
    g_assert_true (problem_has_field (missing, "level", "required"));
    assert_problem (number, 400, "validation_failed");
    assert_problem (other, 404, "not_found");
    assert_problem (nonsense, 404, "not_found");
    assert_problem (ended, 409, "invalid_state");
    assert_problem (removed, 409, "invalid_state");
    g_assert_cmpstr (member_str (reply_object (still), "support_level"), ==, "basic");
  }

  /* back to business, for the other tests */
  {
    g_autoptr(Reply) back = call ("PUT", demo_token, "{\"level\": \"business\"}",
                                  "/api/v1/contracts/%s/services/%s/support-level", cid, sid);

    g_assert_cmpuint (back->status, ==, 200);
    g_assert_cmpstr (member_str (reply_object (back), "support_level"), ==, "business");
  }
}

/* Permissions */

static void
test_permissions (void)
{
  g_autofree char *oficina = me_contract_id (session, URL, viewer_token, OFICINA);
  g_autofree char *ana = me_contract_id (session, URL, demo_token, ANA);
  g_autofree char *oficina_sid = service_id (demo_token, oficina, "active");
  g_autofree char *ana_sid = service_id (demo_token, ana, "active");
  g_autofree char *body = window_body ("(11) 91234-5678", 1, "09:00", "12:00", NULL);
  g_autoptr(JsonNode) ana_emails = all_emails (ana);
  const char *eid = member_str (json_array_get_object_element (json_node_get_array (ana_emails), 0), "id");

  /* the viewer has only invoices on Oficina */
  {
    g_autoptr(Reply) emails = call ("GET", viewer_token, NULL, "/api/v1/contracts/%s/emails", oficina);
    g_autoptr(Reply) email = call ("GET", viewer_token, NULL, "/api/v1/contracts/%s/emails/1", oficina);
    g_autoptr(Reply) callbacks = call ("GET", viewer_token, NULL, "/api/v1/contracts/%s/callbacks", oficina);
    g_autoptr(Reply) callback = call ("POST", viewer_token, body, "/api/v1/contracts/%s/callbacks", oficina);
    g_autoptr(Reply) levels = call ("GET", viewer_token, NULL, "/api/v1/contracts/%s/support-levels", oficina);
    g_autoptr(Reply) level = call ("PUT", viewer_token, "{\"level\": \"premium\"}",
                                   "/api/v1/contracts/%s/services/%s/support-level", oficina, oficina_sid);

    assert_problem (emails, 403, "forbidden");
    assert_problem (email, 403, "forbidden");
    assert_problem (callbacks, 403, "forbidden");
    assert_problem (callback, 403, "forbidden");
    assert_problem (levels, 403, "forbidden");
    assert_problem (level, 403, "forbidden");
  }
  /* Ana has services on Oficina, not manage_services (nor emails, tickets) */
  {
    g_autoptr(Reply) levels = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/support-levels", oficina);
    g_autoptr(Reply) level = call ("PUT", demo_token, "{\"level\": \"premium\"}",
                                   "/api/v1/contracts/%s/services/%s/support-level", oficina, oficina_sid);
    g_autoptr(Reply) emails = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/emails", oficina);
    g_autoptr(Reply) callbacks = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/callbacks", oficina);

    g_assert_cmpuint (levels->status, ==, 200);
    assert_problem (level, 403, "forbidden");
    assert_problem (emails, 403, "forbidden");
    assert_problem (callbacks, 403, "forbidden");
  }
  /* Carlos is no member of Ana's contracts */
  {
    g_autoptr(Reply) emails = call ("GET", other_token, NULL, "/api/v1/contracts/%s/emails", ana);
    g_autoptr(Reply) email = call ("GET", other_token, NULL, "/api/v1/contracts/%s/emails/%s", ana, eid);
    g_autoptr(Reply) callbacks = call ("GET", other_token, NULL, "/api/v1/contracts/%s/callbacks", ana);
    g_autoptr(Reply) callback = call ("POST", other_token, body, "/api/v1/contracts/%s/callbacks", ana);
    g_autoptr(Reply) levels = call ("GET", other_token, NULL, "/api/v1/contracts/%s/support-levels", ana);
    g_autoptr(Reply) level = call ("PUT", other_token, "{\"level\": \"premium\"}",
                                   "/api/v1/contracts/%s/services/%s/support-level", ana, ana_sid);
    g_autoptr(Reply) anonymous = call ("GET", NULL, NULL, "/api/v1/contracts/%s/emails", ana);

    assert_problem (emails, 403, "forbidden");
    assert_problem (email, 403, "forbidden");
    assert_problem (callbacks, 403, "forbidden");
    assert_problem (callback, 403, "forbidden");
    assert_problem (levels, 403, "forbidden");
    assert_problem (level, 403, "forbidden");
    g_assert_cmpuint (anonymous->status, ==, 401);
  }
}

/* The spool holds e-mails, never the credentials of whoever caused them */
static void
test_spool_has_no_tokens (void)
{
  g_autofree char *cid = me_contract_id (session, URL, demo_token, ANA);
  g_autofree char *body = window_body ("(11) 91234-5678", 1, "10:00", "11:00", NULL);
  g_autoptr(Reply) created = call ("POST", demo_token, body, "/api/v1/contracts/%s/callbacks", cid);
  g_autoptr(GHashTable) files = spool_files ();
  GHashTableIter iter;
  const char *name;

  g_assert_cmpuint (created->status, ==, 201);
  g_assert_cmpuint (g_hash_table_size (files), >=, 1);
  g_hash_table_iter_init (&iter, files);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
    {
      g_autofree char *path = g_build_filename (spool, name, NULL);
      g_autofree char *contents = NULL;
      GStatBuf st;

      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_null (strstr (contents, demo_token));
      g_assert_null (strstr (contents, demo_refresh));
      g_assert_null (strstr (contents, viewer_token));
      g_assert_null (strstr (contents, other_token));
      g_assert_null (g_strstr_len (contents, -1, "Bearer"));
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0077, ==, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/portald/support/emails/list-newest-first", test_emails_list);
  g_test_add_func ("/portald/support/emails/search-range-kind", test_emails_filters);
  g_test_add_func ("/portald/support/emails/pagination", test_emails_pagination);
  g_test_add_func ("/portald/support/callbacks/create-mails-and-spools", test_callback_create);
  g_test_add_func ("/portald/support/callbacks/validation", test_callback_validation);
  g_test_add_func ("/portald/support/levels/catalogue", test_support_levels);
  g_test_add_func ("/portald/support/levels/put-mails-and-spools", test_support_level_put);
  g_test_add_func ("/portald/support/permissions/denied", test_permissions);
  g_test_add_func ("/portald/support/spool/no-tokens", test_spool_has_no_tokens);

  {
    g_autofree char *temp = temp_dir_new ();

    spool = g_build_filename (temp, "spool", NULL);
  }
  {
    const char * const args[] = { "--today", TODAY, "--mail-spool", spool, NULL };

    server = san_test_server_start (TRUE, args);
  }
  session = test_session_new (NULL);
  demo_token = login (session, URL, "demo@example.com", "demo-1234", &demo_refresh);
  viewer_token = login (session, URL, "viewer@example.com", "viewer-1234", NULL);
  other_token = login (session, URL, "other@example.com", "other-1234", NULL);

  status = g_test_run ();

  g_free (demo_token);
  g_free (demo_refresh);
  g_free (viewer_token);
  g_free (other_token);
  g_clear_object (&session);
  g_clear_pointer (&server, san_test_server_stop);
  {
    g_autofree char *parent = g_path_get_dirname (spool);

    temp_dir_remove (parent);
  }
  g_free (spool);
  return status;
}
