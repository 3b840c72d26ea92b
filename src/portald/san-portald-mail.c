/* san-portald-mail.c: every e-mail san-portald sends, recorded in the
 * contract's e-mail history and written as an .eml file into the spool
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The .eml is RFC 5322 + MIME: multipart/alternative with a text/plain and a
 * text/html part, both UTF-8 in base64 (76-character lines), the subject as
 * RFC 2047 encoded words when it is not plain ASCII, CRLF line ends. A mail
 * transfer agent may pick the files up; each is written whole (temporary file
 * + rename) so it never sees half of one.
 *
 * An e-mail tells about something written in the same transaction (a reply,
 * a payment): its .eml is written at once under a hidden name
 * (".NAME.eml.pending", which no MTA picks up), so a full disk still fails
 * the request, and takes its real name only when the transaction commits.
 * A rollback deletes it: no e-mail about what did not happen.
 */
#define G_LOG_DOMAIN "san-portald"

#include "config.h"

#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>

#include "san-date.h"
#include "san-portald-mail.h"
#include "san-portald-request.h"
#include "san-portald-support-private.h"

#define MAIL_FROM "SAN Internet <nao-responda@saninternet.com.br>"
#define MAIL_DOMAIN "saninternet.com.br"
/* bytes of UTF-8 per encoded word: 4 * 45 / 3 = 60 + 12 <= 75 characters */
#define ENCODED_WORD_BYTES 45
#define BASE64_LINE 76

static char *spool_dir;

gboolean
san_portald_mail_set_spool_dir (const char  *dir,
                                GError     **error)
{
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "Could not create the mail spool %s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }
  g_free (spool_dir);
  spool_dir = g_strdup (dir);
  return TRUE;
}

char *
san_portald_mail_escape_html (const char *text)
{
  GString *out = g_string_sized_new (strlen (text) + 16);

  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '&': g_string_append (out, "&amp;"); break;
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      case '"': g_string_append (out, "&quot;"); break;
      case '\'': g_string_append (out, "&#39;"); break;
      default: g_string_append_c (out, *p); break;
      }
  return g_string_free (out, FALSE);
}

static char *
random_hex (gsize n_bytes)
{
  guint8 bytes[32];
  GString *out = g_string_sized_new (n_bytes * 2);

  g_assert (n_bytes <= sizeof bytes);
  randombytes_buf (bytes, n_bytes);
  for (gsize i = 0; i < n_bytes; i++)
    g_string_append_printf (out, "%02x", bytes[i]);
  return g_string_free (out, FALSE);
}

/* Plain ASCII that may stand in a header as is */
static gboolean
is_plain_header_text (const char *text)
{
  gsize length = 0;

  for (const guchar *p = (const guchar *) text; *p != '\0'; p++, length++)
    if (*p < 0x20 || *p >= 0x7f)
      return FALSE;
  /* "=?" would read as an encoded word; long text is better folded encoded */
  return strstr (text, "=?") == NULL && length <= 900;
}

/* "Subject: ..." as RFC 2047 B encoded words, folded, never splitting a character */
static void
append_subject (GString    *out,
                const char *subject)
{
  const char *p = subject;
  gboolean first = TRUE;

  g_string_append (out, "Subject:");
  if (is_plain_header_text (subject))
    {
      g_string_append_printf (out, " %s\r\n", subject);
      return;
    }
  if (*p == '\0')
    {
      g_string_append (out, " \r\n");
      return;
    }
  while (*p != '\0')
    {
      const char *end = p;
      g_autofree char *encoded = NULL;

      /* take whole characters up to ENCODED_WORD_BYTES bytes */
      while (*end != '\0')
        {
          const char *next = g_utf8_next_char (end);

          if (next - p > ENCODED_WORD_BYTES && end > p)
            break;
          end = next;
        }
      encoded = g_base64_encode ((const guchar *) p, (gsize) (end - p));
      g_string_append_printf (out, "%s=?UTF-8?B?%s?=", first ? " " : "\r\n ", encoded);
      first = FALSE;
      p = end;
    }
  g_string_append (out, "\r\n");
}

/* @text with every line end as CRLF (MIME's canonical form for text) */
static char *
canonical_line_ends (const char *text)
{
  GString *out = g_string_sized_new (strlen (text) + 64);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r')
        {
          if (p[1] == '\n')
            p++;
          g_string_append (out, "\r\n");
        }
      else if (*p == '\n')
        g_string_append (out, "\r\n");
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
append_part (GString    *out,
             const char *boundary,
             const char *content_type,
             const char *body)
{
  g_autofree char *canonical = canonical_line_ends (body);
  g_autofree char *encoded = g_base64_encode ((const guchar *) canonical, strlen (canonical));
  gsize length = strlen (encoded);

  g_string_append_printf (out, "--%s\r\n"
                               "Content-Type: %s; charset=UTF-8\r\n"
                               "Content-Transfer-Encoding: base64\r\n"
                               "\r\n", boundary, content_type);
  for (gsize i = 0; i < length; i += BASE64_LINE)
    {
      g_string_append_len (out, encoded + i, (gssize) MIN (BASE64_LINE, length - i));
      g_string_append (out, "\r\n");
    }
}

/* "Tue, 24 Nov 2026 12:00:00 -0300" (RFC 5322 3.3, in English whatever the locale) */
static char *
rfc5322_date (GDateTime *instant)
{
  static const char * const days[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
  static const char * const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/Sao_Paulo");
  g_autoptr(GDateTime) local = NULL;
  gint64 offset_min;

  if (zone == NULL)
    zone = g_time_zone_new_offset (-3 * 3600);
  local = g_date_time_to_timezone (instant, zone);
  offset_min = g_date_time_get_utc_offset (local) / G_TIME_SPAN_MINUTE;
  return g_strdup_printf ("%s, %02d %s %04d %02d:%02d:%02d %c%02d%02d",
                          days[g_date_time_get_day_of_week (local) - 1],
                          g_date_time_get_day_of_month (local),
                          months[g_date_time_get_month (local) - 1],
                          g_date_time_get_year (local),
                          g_date_time_get_hour (local),
                          g_date_time_get_minute (local),
                          g_date_time_get_second (local),
                          offset_min < 0 ? '-' : '+',
                          (int) (ABS (offset_min) / 60), (int) (ABS (offset_min) % 60));
}

/* An address that can go into To: as is */
static gboolean
is_safe_address (const char *address)
{
  if (address[0] == '\0' || strchr (address, '@') == NULL)
    return FALSE;
  for (const guchar *p = (const guchar *) address; *p != '\0'; p++)
    if (*p <= 0x20 || *p >= 0x7f || *p == ',' || *p == '<' || *p == '>' || *p == '"' ||
        *p == ';' || *p == ':' || *p == '(' || *p == ')' || *p == '\\')
      return FALSE;
  return TRUE;
}

static char *
build_message (GPtrArray  *recipients,
               const char *subject,
               const char *text_body,
               const char *html_body,
               const char *message_id,
               GDateTime  *instant)
{
  GString *out = g_string_sized_new (4096);
  g_autofree char *date = rfc5322_date (instant);
  g_autofree char *boundary_random = random_hex (12);
  g_autofree char *boundary = g_strconcat ("=_san_", boundary_random, NULL);

  g_string_append (out, "From: " MAIL_FROM "\r\n");
  g_string_append (out, "To:");
  for (guint i = 0; i < recipients->len; i++)
    g_string_append_printf (out, "%s %s", i > 0 ? ",\r\n" : "", (const char *) recipients->pdata[i]);
  g_string_append (out, "\r\n");
  append_subject (out, subject);
  g_string_append_printf (out, "Date: %s\r\n", date);
  g_string_append_printf (out, "Message-ID: %s\r\n", message_id);
  g_string_append (out, "MIME-Version: 1.0\r\n");
  g_string_append_printf (out, "Content-Type: multipart/alternative; boundary=\"%s\"\r\n", boundary);
  g_string_append (out, "\r\n");
  g_string_append (out, "This is a multi-part message in MIME format.\r\n");
  append_part (out, boundary, "text/plain", text_body);
  append_part (out, boundary, "text/html", html_body);
  g_string_append_printf (out, "--%s--\r\n", boundary);
  return g_string_free (out, FALSE);
}

/* An .eml waiting for its transaction */
typedef struct
{
  char *pending_path;
  char *path;
} SpoolFile;

static void
spool_file_free (gpointer data)
{
  SpoolFile *file = data;

  g_free (file->pending_path);
  g_free (file->path);
  g_free (file);
}

static void
on_spool_transaction_done (gboolean committed,
                           gpointer user_data)
{
  SpoolFile *file = user_data;

  if (!committed)
    g_unlink (file->pending_path);
  else if (g_rename (file->pending_path, file->path) != 0)
    {
      int saved_errno = errno;

      /* the history has it; only the MTA's copy is missing. Never a
       * recipient in the log: the file's name is a time and an id. */
      g_printerr ("san-portald: could not move an e-mail into the spool (%s): %s\n",
                  file->path, g_strerror (saved_errno));
      g_unlink (file->pending_path);
    }
}

/* Writes @message as @name into the spool once the open transaction commits */
static gboolean
spool_message (SanPortaldDb  *db,
               const char    *name,
               const char    *message,
               GError       **error)
{
  g_autofree char *pending_name = g_strconcat (".", name, ".pending", NULL);
  SpoolFile *file;

  file = g_new0 (SpoolFile, 1);
  file->pending_path = g_build_filename (spool_dir, pending_name, NULL);
  file->path = g_build_filename (spool_dir, name, NULL);
  if (!g_file_set_contents_full (file->pending_path, message, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    {
      g_prefix_error (error, "Could not write an e-mail to the spool: ");
      spool_file_free (file);
      return FALSE;
    }
  san_portald_db_when_done (db, on_spool_transaction_done, file, spool_file_free);
  return TRUE;
}

static gboolean
send_mail (SanPortaldDb  *db,
           gint64         contract_id,
           const char    *kind,
           const char    *subject,
           const char    *text_body,
           const char    *html_body,
           gint64         sent_ms,
           gboolean       to_spool,
           gint64        *out_email_id,
           GError       **error)
{
  g_autoptr(GPtrArray) addresses = NULL;
  g_autoptr(GPtrArray) recipients = g_ptr_array_new ();
  g_autoptr(GDateTime) instant = NULL;
  g_autoptr(GString) recipient_lines = g_string_new (NULL);
  g_autofree char *sent_at = NULL;
  g_autofree char *random = random_hex (16);
  g_autofree char *message_id = g_strdup_printf ("<%s@" MAIL_DOMAIN ">", random);
  SanPortaldEmailRow row = { 0 };
  gint64 email_id;

  g_return_val_if_fail (kind != NULL && subject != NULL && text_body != NULL && html_body != NULL,
                        FALSE);

  if (out_email_id != NULL)
    *out_email_id = 0;
  if (sent_ms <= 0)
    sent_ms = san_portald_now_ms ();
  instant = g_date_time_new_from_unix_utc (sent_ms / 1000);
  sent_at = san_datetime_to_rfc3339 (instant);

  if (!san_portald_support_db_recipients (db, contract_id, kind, &addresses, error))
    return FALSE;
  for (guint i = 0; i < addresses->len; i++)
    if (is_safe_address (addresses->pdata[i]))
      {
        g_ptr_array_add (recipients, addresses->pdata[i]);
        g_string_append_printf (recipient_lines, "%s%s", recipient_lines->len > 0 ? "\n" : "",
                                (const char *) addresses->pdata[i]);
      }

  row.contract_id = contract_id;
  row.kind = kind;
  row.subject = subject;
  row.text_body = text_body;
  row.html_body = html_body;
  row.recipients = recipient_lines->str;
  row.sent_at = sent_at;
  row.message_id = message_id;
  email_id = san_portald_support_db_add_email (db, &row, error);
  if (email_id == 0)
    return FALSE;

  if (to_spool && spool_dir != NULL)
    {
      g_autofree char *message = build_message (recipients, subject, text_body, html_body,
                                                 message_id, instant);
      g_autofree char *stamp = g_date_time_format (instant, "%Y%m%dT%H%M%SZ");
      g_autofree char *name = g_strdup_printf ("%s-%" G_GINT64_FORMAT ".eml", stamp, email_id);

      if (!spool_message (db, name, message, error))
        return FALSE;
    }

  if (out_email_id != NULL)
    *out_email_id = email_id;
  return TRUE;
}

gboolean
san_portald_mail_send_at (SanPortaldDb  *db,
                          gint64         contract_id,
                          const char    *kind,
                          const char    *subject,
                          const char    *text_body,
                          const char    *html_body,
                          gint64         sent_ms,
                          gint64        *out_email_id,
                          GError       **error)
{
  return send_mail (db, contract_id, kind, subject, text_body, html_body, sent_ms, TRUE,
                    out_email_id, error);
}

gboolean
san_portald_mail_record_at (SanPortaldDb  *db,
                            gint64         contract_id,
                            const char    *kind,
                            const char    *subject,
                            const char    *text_body,
                            const char    *html_body,
                            gint64         sent_ms,
                            GError       **error)
{
  return send_mail (db, contract_id, kind, subject, text_body, html_body, sent_ms, FALSE,
                    NULL, error);
}

gboolean
san_portald_mail_send (SanPortaldDb  *db,
                       gint64         contract_id,
                       const char    *kind,
                       const char    *subject,
                       const char    *text_body,
                       const char    *html_body,
                       GError       **error)
{
  return send_mail (db, contract_id, kind, subject, text_body, html_body, 0, TRUE, NULL, error);
}
