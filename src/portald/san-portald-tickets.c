/* san-portald-tickets.c: support tickets, their messages and attachments
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The router has authorized the contract before any handler here runs
 * (except departments, which only needs a signed-in user); every customer
 * query is scoped to san_portald_request_get_contract_id (). The staff desk
 * (san-portald-staff.c) reuses the loading, threads, replies, status
 * changes and attachments below through the staff view, which reaches any
 * contract. Writes happen in a transaction each, and every interaction
 * (a ticket opened, a reply, a ticket closed) e-mails the contract inside
 * that transaction; the .eml reaches the spool only if it commits. Times
 * are the server's clock (san_portald_request_clock_ms, --today).
 *
 * Attachments: a new ticket or a reply may come as multipart/form-data, a
 * JSON part ("ticket" or "message") plus "attachments" file parts. Sizes
 * are limited per file, per request and in number (413); the type is found
 * from the content, never from what the client claims (415 otherwise).
 * Files are stored in the attachments folder named by the SHA-256 of their
 * content (written atomically, the same content once), outside the
 * database; in URLs an attachment is a 128-bit random token, served to a
 * customer only through a contract that it belongs to (and to staff).
 *
 * Internal messages (staff notes) reach only the staff view: the customer
 * queries in san-portald-tickets-db.c leave them out of lists, counts,
 * searches, threads and attachments, and no e-mail ever carries one (a note
 * sends none, and an e-mail quotes only the message it is about).
 */
#define G_LOG_DOMAIN "san-portald"

#include "config.h"

#include <string.h>

#include <sodium.h>

#include "san-date.h"
#include "san-portald-json.h"
#include "san-portald-mail.h"
#include "san-portald-request.h"
#include "san-portald-tickets-private.h"
#include "san-portald-tickets.h"

#define MiB (1024 * 1024)
#define MAX_FILE_SIZE (5 * MiB)
#define MAX_FILES 5
#define MAX_FILES_SIZE (10 * MiB)
#define MAX_FILENAME_CHARS 200
#define MAX_SUBJECT_CHARS 200
#define MAX_MESSAGE_CHARS 20000
#define TOKEN_BYTES 16

static const char * const ticket_statuses[] = {
  "open", "answered", "customer_reply", "on_hold", "in_progress", "closed", NULL,
};
static const char * const priorities[] = { "low", "medium", "high", NULL };

static char *storage_dir;

/* Time: the server's clock (--today moves it by whole days) */

static char *
rfc3339_at (gint64 ms)
{
  g_autoptr(GDateTime) instant = g_date_time_new_from_unix_utc (ms / 1000);

  return san_datetime_to_rfc3339 (instant);
}

/* JSON */

static void
build_ticket_members (JsonBuilder            *builder,
                      const SanPortaldTicket *ticket,
                      SanPortaldTicketView    view)
{
  san_portald_json_add_id (builder, "id", ticket->id);
  san_portald_json_add_id (builder, "contract_id", ticket->contract_id);
  /* the staff desk works across contracts: it needs their names */
  if (view == SAN_PORTALD_TICKET_VIEW_STAFF)
    {
      json_builder_set_member_name (builder, "contract");
      json_builder_begin_object (builder);
      san_portald_json_add_id (builder, "id", ticket->contract_id);
      san_portald_json_add_string (builder, "name", ticket->contract_name);
      json_builder_end_object (builder);
    }
  san_portald_json_add_string (builder, "number", ticket->number);
  json_builder_set_member_name (builder, "department");
  json_builder_begin_object (builder);
  san_portald_json_add_id (builder, "id", ticket->department_id);
  san_portald_json_add_string (builder, "name", ticket->department_name);
  json_builder_end_object (builder);
  if (ticket->service_id > 0)
    san_portald_json_add_id (builder, "service_id", ticket->service_id);
  else
    san_portald_json_add_string (builder, "service_id", NULL);
  san_portald_json_add_string (builder, "priority", ticket->priority);
  san_portald_json_add_string (builder, "subject", ticket->subject);
  san_portald_json_add_string (builder, "status", ticket->status);
  san_portald_json_add_string (builder, "created_at", ticket->created_at);
  san_portald_json_add_string (builder, "updated_at", ticket->updated_at);
  san_portald_json_add_string (builder, "last_message_author", ticket->last_message_author);
  san_portald_json_add_int (builder, "message_count", ticket->message_count);
}

static void
send_ticket_not_found (SanPortaldRequest    *req,
                       SanPortaldTicketView  view)
{
  san_portald_send_problem (req, SOUP_STATUS_NOT_FOUND, "not_found",
                            view == SAN_PORTALD_TICKET_VIEW_STAFF ? "There is no such ticket"
                                                                  : "There is no such ticket in this contract");
}

/* Ticket @ticket_id as @view may see it: *@out_ticket NULL (TRUE) when it can't */
static gboolean
get_ticket (SanPortaldRequest     *req,
            SanPortaldTicketView   view,
            gint64                 ticket_id,
            SanPortaldTicket     **out_ticket,
            GError               **error)
{
  SanPortaldDb *db = san_portald_request_get_db (req);

  if (view == SAN_PORTALD_TICKET_VIEW_STAFF)
    return san_portald_tickets_db_get_staff_ticket (db, ticket_id, out_ticket, error);
  return san_portald_tickets_db_get_ticket (db, san_portald_request_get_contract_id (req), ticket_id,
                                            out_ticket, error);
}

void
san_portald_tickets_send_detail (SanPortaldRequest    *req,
                                 guint                 status,
                                 gint64                ticket_id,
                                 SanPortaldTicketView  view)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(SanPortaldTicket) ticket = NULL;
  g_autoptr(GError) error = NULL;

  if (!get_ticket (req, view, ticket_id, &ticket, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  if (ticket == NULL)
    {
      send_ticket_not_found (req, view);
      return;
    }
  json_builder_begin_object (builder);
  build_ticket_members (builder, ticket, view);
  if (!san_portald_tickets_db_build_messages (san_portald_request_get_db (req), ticket->id, view, builder,
                                              &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  json_builder_end_object (builder);
  san_portald_send_json (req, status, builder);
}

gboolean
san_portald_tickets_load (SanPortaldRequest     *req,
                          SanPortaldTicketView   view,
                          SanPortaldTicket     **out_ticket)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  *out_ticket = NULL;
  if (!san_portald_request_get_id_param (req, "tid", &id))
    {
      send_ticket_not_found (req, view);
      return FALSE;
    }
  if (!get_ticket (req, view, id, out_ticket, &error))
    {
      san_portald_send_internal_error (req, error);
      return FALSE;
    }
  if (*out_ticket == NULL)
    {
      send_ticket_not_found (req, view);
      return FALSE;
    }
  return TRUE;
}

void
san_portald_tickets_send_page (SanPortaldRequest    *req,
                               GPtrArray            *tickets,
                               guint                 limit,
                               gint64                total,
                               const char           *next_cursor,
                               SanPortaldTicketView  view)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < MIN (tickets->len, limit); i++)
    {
      json_builder_begin_object (builder);
      build_ticket_members (builder, g_ptr_array_index (tickets, i), view);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  san_portald_json_add_int (builder, "total", total);
  san_portald_json_add_string (builder, "next_cursor", next_cursor);
  json_builder_end_object (builder);
  san_portald_send_json (req, SOUP_STATUS_OK, builder);
}

gboolean
san_portald_tickets_is_status (const char *text)
{
  return text != NULL && g_strv_contains (ticket_statuses, text);
}

gboolean
san_portald_tickets_is_priority (const char *text)
{
  return text != NULL && g_strv_contains (priorities, text);
}

const char *
san_portald_tickets_read_status_filter (const char *text,
                                        GArray     *errors)
{
  if (text == NULL)
    return NULL;
  if (san_portald_tickets_is_status (text) || g_str_equal (text, "open_any"))
    return text;
  san_portald_add_field_error (errors, "status", "invalid",
                               "Must be one of open, answered, customer_reply, on_hold, in_progress, "
                               "closed, open_any");
  return NULL;
}

char *
san_portald_tickets_read_query (const char *text,
                                GArray     *errors)
{
  g_autofree char *normal = NULL;

  if (text == NULL)
    return NULL;
  if (!g_utf8_validate (text, -1, NULL))
    {
      san_portald_add_field_error (errors, "q", "invalid", "Must be UTF-8 text");
      return NULL;
    }
  if (g_utf8_strlen (text, -1) > SAN_PORTALD_MAX_QUERY_CHARS)
    {
      san_portald_add_field_error (errors, "q", "too_long", "Must be at most 100 characters");
      return NULL;
    }
  if (text[0] == '\0')
    return NULL;
  normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  return g_utf8_casefold (normal, -1);
}

/* Attachments: types, names, storage */

/* The type of @data found from its content, or NULL when not allowed */
static const char *
sniff_content_type (const guint8 *data,
                    gsize         length)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a };

  if (length >= sizeof png && memcmp (data, png, sizeof png) == 0)
    return "image/png";
  if (length >= 3 && data[0] == 0xff && data[1] == 0xd8 && data[2] == 0xff)
    return "image/jpeg";
  if (length >= 6 && (memcmp (data, "GIF87a", 6) == 0 || memcmp (data, "GIF89a", 6) == 0))
    return "image/gif";
  if (length >= 5 && memcmp (data, "%PDF-", 5) == 0)
    return "application/pdf";
  if (length >= 4 && data[0] == 'P' && data[1] == 'K' &&
      ((data[2] == 3 && data[3] == 4) || (data[2] == 5 && data[3] == 6)))
    return "application/zip";
  /* text: valid UTF-8 without NULs */
  if (memchr (data, '\0', length) == NULL && g_utf8_validate ((const char *) data, (gssize) length, NULL))
    return "text/plain; charset=utf-8";
  return NULL;
}

/* The base name, valid UTF-8 without control characters, at most 200 characters */
static char *
sanitize_filename (const char *claimed)
{
  g_autofree char *valid = g_utf8_make_valid (claimed != NULL ? claimed : "", -1);
  g_autoptr(GString) clean = g_string_new (NULL);
  const char *base = valid;
  const char *p;
  glong n = 0;

  for (p = valid; *p != '\0'; p++)
    if (*p == '/' || *p == '\\')
      base = p + 1;
  for (p = base; *p != '\0' && n < MAX_FILENAME_CHARS; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029 ||
          g_unichar_type (c) == G_UNICODE_FORMAT)
        continue;
      g_string_append_unichar (clean, c);
      n++;
    }
  g_strstrip (clean->str);
  clean->len = strlen (clean->str);
  if (clean->len == 0 || g_str_equal (clean->str, ".") || g_str_equal (clean->str, ".."))
    return g_strdup ("anexo");
  return g_string_free (g_steal_pointer (&clean), FALSE);
}

typedef struct
{
  SanPortaldNewAttachment  meta;
  GBytes                  *data;
} Upload;

static void
upload_free (Upload *upload)
{
  g_free (upload->meta.token);
  g_free (upload->meta.filename);
  g_free (upload->meta.content_type);
  g_free (upload->meta.sha256);
  g_clear_pointer (&upload->data, g_bytes_unref);
  g_free (upload);
}

static char *
new_token (void)
{
  guint8 bytes[TOKEN_BYTES];
  char hex[TOKEN_BYTES * 2 + 1];

  randombytes_buf (bytes, sizeof bytes);
  sodium_bin2hex (hex, sizeof hex, bytes, sizeof bytes);
  return g_strdup (hex);
}

static gboolean
token_is_valid (const char *token)
{
  if (token == NULL || strlen (token) != TOKEN_BYTES * 2)
    return FALSE;
  for (const char *p = token; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

static Upload *
upload_new (const char *filename,
            const char *content_type,
            GBytes     *data)
{
  Upload *upload = g_new0 (Upload, 1);

  upload->meta.token = new_token ();
  upload->meta.filename = sanitize_filename (filename);
  upload->meta.content_type = g_strdup (content_type);
  upload->meta.size = (gint64) g_bytes_get_size (data);
  upload->meta.sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);
  upload->data = g_bytes_ref (data);
  return upload;
}

/* Writes @upload into the folder under its hash, unless it is there already */
static gboolean
store_upload (const Upload  *upload,
              GError       **error)
{
  g_autofree char *path = NULL;
  gsize length;
  const char *data;

  if (storage_dir == NULL)
    {
      g_set_error_literal (error, SAN_PORTALD_ERROR, SAN_PORTALD_ERROR_FAILED,
                           "No attachments folder is set");
      return FALSE;
    }
  path = g_build_filename (storage_dir, upload->meta.sha256, NULL);
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return TRUE;
  data = g_bytes_get_data (upload->data, &length);
  /* g_file_set_contents writes a temporary file and renames it */
  if (!g_file_set_contents_full (path, data != NULL ? data : "", (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    {
      g_prefix_error (error, "Could not store an attachment: ");
      return FALSE;
    }
  return TRUE;
}

/* Request bodies: JSON, or multipart/form-data with a JSON part and files */

typedef struct
{
  JsonParser *parser;
  JsonObject *object;        /* owned by parser */
  GPtrArray  *uploads;       /* Upload */
} Submission;

static void
submission_clear (Submission *submission)
{
  g_clear_object (&submission->parser);
  g_clear_pointer (&submission->uploads, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Submission, submission_clear)

static void
send_too_large (SanPortaldRequest *req,
                const char        *detail)
{
  san_portald_send_problem (req, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "payload_too_large", detail);
}

static gboolean
parse_json_part (SanPortaldRequest *req,
                 GBytes            *bytes,
                 const char        *part_name,
                 Submission        *out)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  JsonNode *root;

  if (length > SAN_PORTALD_MAX_BODY)
    {
      g_autofree char *detail = g_strdup_printf ("The \"%s\" part is larger than %d bytes",
                                                 part_name, SAN_PORTALD_MAX_BODY);
      send_too_large (req, detail);
      return FALSE;
    }
  if (length == 0 || data == NULL || !g_utf8_validate (data, (gssize) length, NULL) ||
      !json_parser_load_from_data (parser, data, (gssize) length, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_autofree char *detail = g_strdup_printf ("The \"%s\" part must be a JSON object", part_name);

      san_portald_send_problem (req, SOUP_STATUS_BAD_REQUEST, "invalid_json", detail);
      return FALSE;
    }
  out->object = json_node_get_object (root);
  out->parser = g_steal_pointer (&parser);
  return TRUE;
}

/* Reads the body into @out; FALSE after answering 400/413/415 */
static gboolean
read_submission (SanPortaldRequest *req,
                 const char        *part_name,
                 Submission        *out)
{
  SoupServerMessage *msg = san_portald_request_get_message (req);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *content_type = soup_message_headers_get_content_type (headers, NULL);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(SoupMultipart) multipart = NULL;
  GBytes *json_part = NULL;
  gsize total = 0;
  int n_parts;

  out->uploads = g_ptr_array_new_with_free_func ((GDestroyNotify) upload_free);
  if (content_type == NULL || g_ascii_strcasecmp (content_type, "multipart/form-data") != 0)
    {
      out->object = san_portald_read_json_object (req, &out->parser);
      return out->object != NULL;
    }

  body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  multipart = soup_multipart_new_from_message (headers, body);
  if (multipart == NULL)
    {
      san_portald_send_problem (req, SOUP_STATUS_BAD_REQUEST, "invalid_json",
                                "The request body is not valid multipart/form-data");
      return FALSE;
    }

  n_parts = soup_multipart_get_length (multipart);
  for (int i = 0; i < n_parts; i++)
    {
      SoupMessageHeaders *part_headers = NULL;
      GBytes *part_body = NULL;
      g_autoptr(GHashTable) params = NULL;
      const char *name;

      if (!soup_multipart_get_part (multipart, i, &part_headers, &part_body) ||
          !soup_message_headers_get_content_disposition (part_headers, NULL, &params))
        continue;
      name = g_hash_table_lookup (params, "name");
      if (g_strcmp0 (name, part_name) == 0 && json_part == NULL)
        json_part = part_body;
      else if (g_strcmp0 (name, "attachments") == 0)
        {
          gsize size = g_bytes_get_size (part_body);

          if (out->uploads->len >= MAX_FILES)
            {
              send_too_large (req, "At most 5 attachments may be sent at once");
              return FALSE;
            }
          if (size > MAX_FILE_SIZE)
            {
              send_too_large (req, "An attachment may be at most 5 MiB (5242880 bytes)");
              return FALSE;
            }
          total += size;
          if (total > MAX_FILES_SIZE)
            {
              send_too_large (req, "The attachments of one request may be at most 10 MiB (10485760 bytes) together");
              return FALSE;
            }
          /* the type is set once the content is checked */
          g_ptr_array_add (out->uploads,
                           upload_new (g_hash_table_lookup (params, "filename"), NULL, part_body));
        }
    }

  if (json_part == NULL)
    {
      g_autoptr(GArray) errors = g_array_new (FALSE, FALSE, sizeof (SanPortaldFieldError));

      san_portald_add_field_error (errors, part_name, "required",
                                   "A multipart request needs this JSON part");
      san_portald_send_validation_failed (req, errors);
      return FALSE;
    }
  if (!parse_json_part (req, json_part, part_name, out))
    return FALSE;

  for (guint i = 0; i < out->uploads->len; i++)
    {
      Upload *upload = g_ptr_array_index (out->uploads, i);
      gsize length;
      const guint8 *data = g_bytes_get_data (upload->data, &length);
      const char *type = sniff_content_type (data != NULL ? data : (const guint8 *) "", length);

      if (type == NULL)
        {
          g_autofree char *detail =
            g_strdup_printf ("The attachment \"%s\" is not an allowed type: PNG, JPEG, GIF, PDF, "
                             "plain text (UTF-8) or ZIP", upload->meta.filename);

          san_portald_send_problem (req, SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                                    detail);
          return FALSE;
        }
      upload->meta.content_type = g_strdup (type);
    }
  return TRUE;
}

/* Fields */

/* A message text: required, not blank, at most @max characters */
static const char *
require_text (JsonObject *object,
              const char *field,
              glong       max,
              GArray     *errors)
{
  const char *text = san_portald_require_string (object, field, errors);
  g_autofree char *stripped = NULL;

  if (text == NULL)
    return NULL;
  stripped = g_strstrip (g_strdup (text));
  if (stripped[0] == '\0')
    {
      san_portald_add_field_error (errors, field, "required", "This field is required");
      return NULL;
    }
  if (g_utf8_strlen (text, -1) > max)
    {
      san_portald_add_field_error (errors, field, "too_long",
                                   max == MAX_SUBJECT_CHARS ? "Must be at most 200 characters"
                                                            : "Must be at most 20000 characters");
      return NULL;
    }
  return text;
}

/* An id member: a string of digits (or a whole number); 0 when absent or null
 * and not @required. FALSE with a field error when invalid. */
static gboolean
read_id_member (JsonObject *object,
                const char *field,
                gboolean    required,
                gint64     *out_id,
                GArray     *errors)
{
  JsonNode *node = json_object_get_member (object, field);

  *out_id = 0;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (!required)
        return TRUE;
      san_portald_add_field_error (errors, field, "required", "This field is required");
      return FALSE;
    }
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);

      if (g_ascii_isdigit (text[0]) &&
          g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, out_id, NULL))
        return TRUE;
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64 &&
           json_node_get_int (node) > 0)
    {
      *out_id = json_node_get_int (node);
      return TRUE;
    }
  san_portald_add_field_error (errors, field, "invalid", "Must be an id (a string of digits)");
  return FALSE;
}

/* E-mails */

static const char *
priority_label (const char *priority)
{
  if (g_str_equal (priority, "high"))
    return "Alta";
  if (g_str_equal (priority, "medium"))
    return "Média";
  return "Baixa";
}

static char *
html_paragraphs (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  g_auto(GStrv) lines = g_strsplit (escaped, "\n", -1);
  g_autofree char *joined = g_strjoinv ("<br>\n", lines);

  return g_strconcat ("<p>", joined, "</p>", NULL);
}

/* One e-mail about @ticket at @sent_ms: @headline in the subject, @intro
 * above the details, then @body (a public message, never an internal note) */
static gboolean
send_ticket_mail (SanPortaldDb            *db,
                  const SanPortaldTicket  *ticket,
                  const char              *headline,
                  const char              *intro,
                  const char              *author,
                  const char              *body,
                  GPtrArray               *uploads,
                  gint64                   sent_ms,
                  GError                 **error)
{
  g_autofree char *subject = g_strdup_printf ("[Ticket %s] %s: %s", ticket->number, headline, ticket->subject);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) html = g_string_new (NULL);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *e_intro = g_markup_escape_text (intro, -1);
  g_autofree char *e_number = g_markup_escape_text (ticket->number, -1);
  g_autofree char *e_subject = g_markup_escape_text (ticket->subject, -1);
  g_autofree char *e_department = g_markup_escape_text (ticket->department_name, -1);

  for (guint i = 0; uploads != NULL && i < uploads->len; i++)
    {
      const Upload *upload = g_ptr_array_index (uploads, i);

      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", upload->meta.filename);
    }

  g_string_append_printf (text, "Olá,\n\n%s\n\nChamado: %s\nAssunto: %s\nDepartamento: %s\nPrioridade: %s\n",
                          intro, ticket->number, ticket->subject, ticket->department_name,
                          priority_label (ticket->priority));
  g_string_append (html, "<!DOCTYPE html>\n<html lang=\"pt-BR\"><head><meta charset=\"utf-8\"></head><body>\n");
  g_string_append_printf (html, "<p>Olá,</p>\n<p>%s</p>\n<p>Chamado: <b>%s</b><br>\nAssunto: %s<br>\n"
                          "Departamento: %s<br>\nPrioridade: %s</p>\n",
                          e_intro, e_number, e_subject, e_department, priority_label (ticket->priority));
  if (body != NULL)
    {
      g_autofree char *e_author = g_markup_escape_text (author, -1);
      g_autofree char *paragraphs = html_paragraphs (body);

      g_string_append_printf (text, "\nMensagem de %s:\n%s\n", author, body);
      g_string_append_printf (html, "<p>Mensagem de %s:</p>\n<blockquote>%s</blockquote>\n", e_author, paragraphs);
    }
  if (names->len > 0)
    {
      g_autofree char *e_names = g_markup_escape_text (names->str, -1);

      g_string_append_printf (text, "\nAnexos: %s\n", names->str);
      g_string_append_printf (html, "<p>Anexos: %s</p>\n", e_names);
    }
  g_string_append (text, "\nAcompanhe e responda pelo Portal do Cliente SAN Internet.\n\nEquipe SAN Internet\n");
  g_string_append (html, "<p>Acompanhe e responda pelo Portal do Cliente SAN Internet.</p>\n"
                         "<p>Equipe SAN Internet</p>\n</body></html>\n");

  return san_portald_mail_send_at (db, ticket->contract_id, SAN_PORTALD_MAIL_TICKET, subject,
                                   text->str, html->str, sent_ms, NULL, error);
}

/* Departments */

void
san_portald_handle_departments (SanPortaldRequest *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;

  if (!san_portald_tickets_db_build_departments (san_portald_request_get_db (req), builder, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  san_portald_send_json (req, SOUP_STATUS_OK, builder);
}

/* The list */

void
san_portald_handle_tickets (SanPortaldRequest *req)
{
  SanPortaldDb *db = san_portald_request_get_db (req);
  gint64 contract_id = san_portald_request_get_contract_id (req);
  g_autoptr(GArray) errors = g_array_new (FALSE, FALSE, sizeof (SanPortaldFieldError));
  g_autoptr(GPtrArray) tickets = NULL;
  g_autoptr(SanPortaldTicket) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *next = NULL;
  const char *limit = san_portald_request_get_query (req, "limit");
  const char *cursor = san_portald_request_get_query (req, "cursor");
  SanPortaldTicketFilter filter = { NULL, NULL, 0, NULL, SAN_PORTALD_DEFAULT_LIMIT };
  gint64 total = 0;

  filter.status = san_portald_tickets_read_status_filter (san_portald_request_get_query (req, "status"), errors);
  folded = san_portald_tickets_read_query (san_portald_request_get_query (req, "q"), errors);
  filter.folded_query = folded;
  if (limit != NULL)
    san_portald_parse_limit (limit, &filter.limit, errors);
  if (cursor != NULL)
    {
      gint64 after_id = 0;

      /* the cursor names the last ticket of the previous page */
      if (san_portald_parse_cursor (cursor, &after_id) &&
          !san_portald_tickets_db_get_ticket (db, contract_id, after_id, &after, &error))
        {
          san_portald_send_internal_error (req, error);
          return;
        }
      if (after == NULL)
        san_portald_add_field_error (errors, "cursor", "invalid",
                                     "Not a cursor this server gave: start again from the first page");
      else
        {
          filter.after_id = after->id;
          filter.after_updated_at = after->updated_at;
        }
    }
  if (errors->len > 0)
    {
      san_portald_send_validation_failed (req, errors);
      return;
    }

  if (!san_portald_tickets_db_list_tickets (db, contract_id, &filter, &tickets, &total, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  if (tickets->len > filter.limit)
    next = san_portald_make_cursor (((SanPortaldTicket *) g_ptr_array_index (tickets, filter.limit - 1))->id);
  san_portald_tickets_send_page (req, tickets, filter.limit, total, next, SAN_PORTALD_TICKET_VIEW_CUSTOMER);
}

/* Writes @uploads into the folder; FALSE after answering 500 */
static gboolean
store_uploads (SanPortaldRequest *req,
               GPtrArray         *uploads)
{
  for (guint i = 0; i < uploads->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!store_upload (g_ptr_array_index (uploads, i), &error))
        {
          san_portald_send_internal_error (req, error);
          return FALSE;
        }
    }
  return TRUE;
}

static GPtrArray *
upload_metas (GPtrArray *uploads)
{
  GPtrArray *metas = g_ptr_array_new ();

  for (guint i = 0; i < uploads->len; i++)
    g_ptr_array_add (metas, &((Upload *) g_ptr_array_index (uploads, i))->meta);
  return metas;
}

/* The signed-in user's display name: a message's author */
static char *
author_name (SanPortaldRequest  *req,
             GError            **error)
{
  g_autoptr(SanPortaldUser) user = NULL;

  if (!san_portald_db_find_user_by_id (san_portald_request_get_db (req),
                                       san_portald_request_get_user_id (req), &user, error) &&
      error != NULL && *error != NULL)
    return NULL;
  return g_strdup (user != NULL ? user->display_name : "Cliente");
}

void
san_portald_handle_ticket_create (SanPortaldRequest *req)
{
  SanPortaldDb *db = san_portald_request_get_db (req);
  gint64 contract_id = san_portald_request_get_contract_id (req);
  g_autoptr(GArray) errors = g_array_new (FALSE, FALSE, sizeof (SanPortaldFieldError));
  g_auto(Submission) submission = { NULL, };
  g_autoptr(GPtrArray) metas = NULL;
  g_autoptr(SanPortaldTicket) ticket = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *department = NULL;
  g_autofree char *author = NULL;
  g_autofree char *now = NULL;
  g_autofree char *clean_subject = NULL;
  const char *priority;
  const char *subject;
  const char *body;
  gint64 department_id = 0;
  gint64 service_id = 0;
  gint64 now_ms;
  gint64 ticket_id;

  if (!read_submission (req, "ticket", &submission))
    return;

  if (read_id_member (submission.object, "department_id", TRUE, &department_id, errors))
    {
      if (!san_portald_tickets_db_get_department (db, department_id, &department, &error))
        {
          san_portald_send_internal_error (req, error);
          return;
        }
      if (department == NULL)
        san_portald_add_field_error (errors, "department_id", "invalid", "There is no such department");
    }
  if (read_id_member (submission.object, "service_id", FALSE, &service_id, errors) && service_id > 0)
    {
      gboolean found = FALSE;

      if (!san_portald_tickets_db_service_in_contract (db, contract_id, service_id, &found, &error))
        {
          san_portald_send_internal_error (req, error);
          return;
        }
      if (!found)
        san_portald_add_field_error (errors, "service_id", "invalid", "There is no such service in this contract");
    }
  priority = san_portald_require_string (submission.object, "priority", errors);
  if (priority != NULL && !san_portald_tickets_is_priority (priority))
    san_portald_add_field_error (errors, "priority", "invalid", "Must be one of low, medium, high");
  subject = require_text (submission.object, "subject", MAX_SUBJECT_CHARS, errors);
  body = require_text (submission.object, "body", MAX_MESSAGE_CHARS, errors);
  if (errors->len > 0)
    {
      san_portald_send_validation_failed (req, errors);
      return;
    }

  if (!store_uploads (req, submission.uploads))
    return;
  if ((author = author_name (req, &error)) == NULL)
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  now_ms = san_portald_request_clock_ms (req);
  now = rfc3339_at (now_ms);
  metas = upload_metas (submission.uploads);
  clean_subject = g_strstrip (g_strdup (subject));
  if (!san_portald_db_begin (db, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  if ((ticket_id = san_portald_tickets_db_add_ticket (db, contract_id, department_id, service_id, priority,
                                                      clean_subject, "open", now, &error)) == 0 ||
      san_portald_tickets_db_add_message (db, ticket_id, "customer", san_portald_request_get_user_id (req),
                                          author, body, FALSE, now, metas, &error) == 0 ||
      !san_portald_tickets_db_get_ticket (db, contract_id, ticket_id, &ticket, &error) ||
      !send_ticket_mail (db, ticket, "Recebemos seu chamado",
                         "Recebemos seu chamado e nossa equipe vai respondê-lo em breve.",
                         author, body, submission.uploads, now_ms, &error) ||
      !san_portald_db_commit (db, &error))
    {
      san_portald_db_rollback (db);
      san_portald_send_internal_error (req, error);
      return;
    }
  san_portald_tickets_send_detail (req, SOUP_STATUS_CREATED, ticket_id, SAN_PORTALD_TICKET_VIEW_CUSTOMER);
}

void
san_portald_handle_ticket (SanPortaldRequest *req)
{
  g_autoptr(SanPortaldTicket) ticket = NULL;

  if (!san_portald_tickets_load (req, SAN_PORTALD_TICKET_VIEW_CUSTOMER, &ticket))
    return;
  san_portald_tickets_send_detail (req, SOUP_STATUS_OK, ticket->id, SAN_PORTALD_TICKET_VIEW_CUSTOMER);
}

/* The optional boolean "internal" (staff only); FALSE with a field error when not a boolean */
static gboolean
read_internal_member (JsonObject *object,
                      gboolean   *out_internal,
                      GArray     *errors)
{
  JsonNode *node = json_object_get_member (object, "internal");

  *out_internal = FALSE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    {
      *out_internal = json_node_get_boolean (node);
      return TRUE;
    }
  san_portald_add_field_error (errors, "internal", "wrong_type", "This field must be true or false");
  return FALSE;
}

void
san_portald_tickets_post_message (SanPortaldRequest      *req,
                                  const SanPortaldTicket *ticket,
                                  SanPortaldTicketView    view)
{
  SanPortaldDb *db = san_portald_request_get_db (req);
  gboolean staff = view == SAN_PORTALD_TICKET_VIEW_STAFF;
  g_autoptr(GArray) errors = g_array_new (FALSE, FALSE, sizeof (SanPortaldFieldError));
  g_auto(Submission) submission = { NULL, };
  g_autoptr(GPtrArray) metas = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *author = NULL;
  g_autofree char *now = NULL;
  gboolean internal = FALSE;
  gboolean was_closed = g_str_equal (ticket->status, "closed");
  const char *status;
  const char *headline;
  const char *intro;
  const char *body;
  gint64 now_ms;
  gboolean ok;

  if (!read_submission (req, "message", &submission))
    return;
  body = require_text (submission.object, "body", MAX_MESSAGE_CHARS, errors);
  /* customers can't write notes: their "internal" means nothing */
  if (staff)
    read_internal_member (submission.object, &internal, errors);
  if (errors->len > 0)
    {
      san_portald_send_validation_failed (req, errors);
      return;
    }

  if (!store_uploads (req, submission.uploads))
    return;
  if ((author = author_name (req, &error)) == NULL)
    {
      san_portald_send_internal_error (req, error);
      return;
    }

  /* a customer's reply puts the ticket back in the queue, closed or not;
   * SAN's answers it (a closed one too); a note changes nothing the
   * customer could see: no status, no activity time, no e-mail */
  if (!staff)
    {
      status = "customer_reply";
      headline = "Nova mensagem no seu chamado";
      intro = was_closed ? "Recebemos sua mensagem e reabrimos o chamado, que estava encerrado."
                         : "Recebemos sua nova mensagem no chamado e vamos respondê-la em breve.";
    }
  else if (!internal)
    {
      status = "answered";
      headline = "Nova resposta no seu chamado";
      intro = "A equipe da SAN Internet respondeu ao seu chamado.";
    }
  else
    status = headline = intro = NULL;

  now_ms = san_portald_request_clock_ms (req);
  now = rfc3339_at (now_ms);
  metas = upload_metas (submission.uploads);
  if (!san_portald_db_begin (db, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  ok = san_portald_tickets_db_add_message (db, ticket->id, staff ? "staff" : "customer",
                                           san_portald_request_get_user_id (req), author, body, internal,
                                           now, metas, &error) != 0;
  if (ok && status != NULL)
    ok = san_portald_tickets_db_set_status (db, ticket->id, status, now, &error) &&
         send_ticket_mail (db, ticket, headline, intro, author, body, submission.uploads, now_ms, &error);
  if (!ok || !san_portald_db_commit (db, &error))
    {
      san_portald_db_rollback (db);
      san_portald_send_internal_error (req, error);
      return;
    }
  san_portald_tickets_send_detail (req, SOUP_STATUS_CREATED, ticket->id, view);
}

void
san_portald_handle_ticket_reply (SanPortaldRequest *req)
{
  g_autoptr(SanPortaldTicket) ticket = NULL;

  if (!san_portald_tickets_load (req, SAN_PORTALD_TICKET_VIEW_CUSTOMER, &ticket))
    return;
  san_portald_tickets_post_message (req, ticket, SAN_PORTALD_TICKET_VIEW_CUSTOMER);
}

void
san_portald_tickets_change_status (SanPortaldRequest      *req,
                                   const SanPortaldTicket *ticket,
                                   const char             *status,
                                   SanPortaldTicketView    view)
{
  SanPortaldDb *db = san_portald_request_get_db (req);
  g_autoptr(GError) error = NULL;
  g_autofree char *now = NULL;
  gint64 now_ms = san_portald_request_clock_ms (req);
  gboolean closing = g_str_equal (status, "closed");

  now = rfc3339_at (now_ms);
  if (!san_portald_db_begin (db, &error))
    {
      san_portald_send_internal_error (req, error);
      return;
    }
  if (!san_portald_tickets_db_set_status (db, ticket->id, status, now, &error) ||
      (closing &&
       !send_ticket_mail (db, ticket, "Chamado encerrado",
                          "Seu chamado foi encerrado. Se precisar, responda pelo portal para reabri-lo.",
                          NULL, NULL, NULL, now_ms, &error)) ||
      !san_portald_db_commit (db, &error))
    {
      san_portald_db_rollback (db);
      san_portald_send_internal_error (req, error);
      return;
    }
  san_portald_tickets_send_detail (req, SOUP_STATUS_OK, ticket->id, view);
}

void
san_portald_handle_ticket_close (SanPortaldRequest *req)
{
  SoupMessageBody *request_body = soup_server_message_get_request_body (san_portald_request_get_message (req));
  g_autoptr(SanPortaldTicket) ticket = NULL;
  g_autoptr(JsonParser) parser = NULL;

  if (!san_portald_tickets_load (req, SAN_PORTALD_TICKET_VIEW_CUSTOMER, &ticket))
    return;
  /* the body may be empty or a JSON object (ignored) */
  if (request_body->length > 0 && san_portald_read_json_object (req, &parser) == NULL)
    return;
  if (g_str_equal (ticket->status, "closed"))
    {
      san_portald_send_problem (req, SOUP_STATUS_CONFLICT, "invalid_state", "The ticket is already closed");
      return;
    }
  san_portald_tickets_change_status (req, ticket, "closed", SAN_PORTALD_TICKET_VIEW_CUSTOMER);
}

gboolean
san_portald_tickets_find_attachment (SanPortaldRequest        *req,
                                     SanPortaldTicketView      view,
                                     SanPortaldAttachmentFile *out_file)
{
  SanPortaldDb *db = san_portald_request_get_db (req);
  const char *token = san_portald_request_get_param (req, "aid");
  const char *not_found = view == SAN_PORTALD_TICKET_VIEW_STAFF ? "There is no such attachment"
                                                                : "There is no such attachment in this contract";
  g_autoptr(GError) error = NULL;
  gboolean found = FALSE;
  gboolean ok;

  if (!token_is_valid (token))
    {
      san_portald_send_problem (req, SOUP_STATUS_NOT_FOUND, "not_found", not_found);
      return FALSE;
    }
  if (view == SAN_PORTALD_TICKET_VIEW_STAFF)
    ok = san_portald_tickets_db_get_staff_attachment (db, token, &found, out_file, &error);
  else
    ok = san_portald_tickets_db_get_attachment (db, san_portald_request_get_contract_id (req), token,
                                                &found, out_file, &error);
  if (!ok)
    {
      san_portald_send_internal_error (req, error);
      return FALSE;
    }
  if (!found)
    {
      san_portald_send_problem (req, SOUP_STATUS_NOT_FOUND, "not_found", not_found);
      return FALSE;
    }
  return TRUE;
}

void
san_portald_tickets_send_attachment (SanPortaldRequest              *req,
                                     const SanPortaldAttachmentFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  SoupMessageHeaders *headers;
  gsize length = 0;

  path = g_build_filename (storage_dir != NULL ? storage_dir : ".", file->sha256, NULL);
  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      g_prefix_error (&error, "Could not read an attachment: ");
      san_portald_send_internal_error (req, error);
      return;
    }
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  san_portald_send_bytes (req, SOUP_STATUS_OK, file->content_type, file->filename, bytes);
  headers = soup_server_message_get_response_headers (san_portald_request_get_message (req));
  soup_message_headers_replace (headers, "X-Content-Type-Options", "nosniff");
  soup_message_headers_replace (headers, "Content-Security-Policy", "default-src 'none'; sandbox");
}

void
san_portald_handle_attachment (SanPortaldRequest *req)
{
  g_auto(SanPortaldAttachmentFile) file = { 0, };

  if (san_portald_tickets_find_attachment (req, SAN_PORTALD_TICKET_VIEW_CUSTOMER, &file))
    san_portald_tickets_send_attachment (req, &file);
}

gboolean
san_portald_tickets_set_storage_dir (const char  *dir,
                                     GError     **error)
{
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "Cannot create the attachments folder %s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }
  g_free (storage_dir);
  storage_dir = g_strdup (dir);
  return TRUE;
}

/* The demo seed */

typedef enum
{
  BY_CUSTOMER,       /* the contract's owner */
  BY_SAN,            /* "SAN", no user */
  BY_SAN_NOTE,       /* the same, internal */
  BY_MARINA,         /* the demo staff user */
  BY_MARINA_NOTE,    /* the same, internal */
} DemoAuthor;

typedef struct
{
  int         days_ago;
  int         minutes;        /* past midnight UTC */
  DemoAuthor  author;
  const char *body;
  int         attachment;     /* 0 none, 1 the PNG, 2 the text log */
} DemoMessage;

typedef struct
{
  const char        *owner;       /* the login e-mail of the contract's owner */
  guint              nth;         /* which of their contracts (by id) */
  const char        *department;
  const char        *service_domain;
  const char        *service_plan;
  const char        *priority;
  const char        *subject;
  const char        *status;
  DemoMessage        messages[5];
} DemoTicket;

#define ANA "demo@example.com"
#define ROBERTO "partner@example.com"
#define CARLOS "other@example.com"
#define MARINA "staff@example.com"

/* oldest first, so numbers grow with the dates */
static const DemoTicket demo_tickets[] = {
  { ANA, 0, "Suporte Técnico", "anasouza.com.br", "SSL Padrão", "medium",
    "Certificado SSL não renovou automaticamente", "closed", {
      { 40, 600, BY_CUSTOMER, "O navegador está mostrando aviso de certificado expirado no anasouza.com.br.", 0 },
      { 40, 690, BY_SAN, "Olá, Ana! Renovamos o certificado manualmente e ajustamos a renovação automática. "
                         "Pode verificar, por favor?", 0 },
      { 39, 540, BY_CUSTOMER, "Funcionou, obrigada!", 0 },
    } },
  { ANA, 1, "Comercial", "", "Dedicado Xeon E-2388G", "medium",
    "Proposta de upgrade para servidor dedicado", "on_hold", {
      { 20, 780, BY_CUSTOMER, "Gostaríamos de uma proposta para um segundo servidor dedicado.", 0 },
      { 19, 600, BY_SAN, "Enviaremos a proposta assim que o novo lote de servidores chegar ao datacenter.", 0 },
    } },
  { ANA, 0, "Financeiro", "", "", "medium",
    "Dúvida sobre o valor da fatura", "answered", {
      { 9, 830, BY_CUSTOMER, "A fatura deste mês veio com um valor diferente do anterior. Podem explicar?", 0 },
      { 8, 610, BY_SAN, "Olá, Ana! A diferença é o reajuste anual do plano, informado por e-mail em setembro.", 0 },
    } },
  { ANA, 1, "Suporte Técnico", "loja.padariapaoquente.com.br", "Cloud 4 GB", "high",
    "Lentidão no Cloud Server da loja", "customer_reply", {
      { 6, 560, BY_CUSTOMER, "A loja virtual está muito lenta desde ontem. Segue o log do servidor web.", 2 },
      { 6, 640, BY_SAN, "Identificamos um pico de acessos. Ativamos o cache; pode testar de novo?", 0 },
      { 5, 700, BY_CUSTOMER, "Melhorou, mas ainda demora no checkout.", 0 },
      { 5, 760, BY_MARINA_NOTE, "Nota interna: o pico veio de um robô de busca; se voltar, limitar a taxa de "
                                "acessos no nginx antes de propor um plano maior.", 0 },
    } },
  { ROBERTO, 0, "Suporte Técnico", "oficinaribeiro.com.br", "Plano M", "medium",
    "E-mails da oficina caindo no spam", "answered", {
      { 4, 610, BY_CUSTOMER, "Nossos clientes dizem que os e-mails da oficina estão chegando na caixa de spam.", 0 },
      { 4, 700, BY_MARINA_NOTE, "Nota interna: o SPF de oficinaribeiro.com.br não incluía os servidores da SAN; "
                                "corrigido no DNS às 11h40.", 0 },
      { 4, 720, BY_MARINA, "Olá, Roberto! O registro SPF do domínio não incluía nossos servidores de e-mail. Já o "
                           "corrigimos; a mudança leva algumas horas para valer em toda a internet.", 0 },
    } },
  { ANA, 0, "Suporte Técnico", "anasouza.com.br", "Plano M", "high",
    "Site fora do ar após atualização do WordPress", "in_progress", {
      { 3, 720, BY_CUSTOMER, "Depois de atualizar o WordPress o site só mostra uma página em branco.", 0 },
      { 3, 800, BY_SAN, "Olá, Ana! Pode nos enviar uma captura de tela do erro?", 0 },
      { 2, 600, BY_CUSTOMER, "Segue a captura de tela.", 1 },
      { 2, 640, BY_SAN_NOTE, "Nota interna: plugin de cache desatualizado; restaurar backup de ontem se preciso.", 0 },
      { 2, 660, BY_SAN, "Obrigado! Estamos analisando o problema com a equipe de hospedagem.", 0 },
    } },
  { ANA, 0, "Suporte Técnico", "", "", "low",
    "Como configurar o e-mail no celular", "open", {
      { 1, 900, BY_CUSTOMER, "Quais são as configurações de IMAP e SMTP para usar o e-mail no celular?", 0 },
    } },
  { CARLOS, 0, "Financeiro", "", "", "high",
    "Cobrança em duplicidade no cartão", "open", {
      { 1, 1290, BY_CUSTOMER, "A fatura deste mês foi cobrada duas vezes no meu cartão de crédito. "
                              "Podem estornar uma delas?", 0 },
    } },
};

/* A 1×1 PNG and a short server log */
static const guint8 demo_png[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
  0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0,
  0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
  0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};
static const char demo_log[] =
  "2026/11/18 09:12:01 [warn] upstream response is buffered to a temporary file\n"
  "2026/11/18 09:12:07 [error] upstream timed out (110: Connection timed out) while reading response header\n"
  "2026/11/18 09:13:44 [error] upstream timed out (110: Connection timed out) while reading response header\n";

/* Who writes a demo ticket's messages: the contract's owner, and the
 * demo staff user (or "SAN" without one) */
typedef struct
{
  gint64      customer_id;
  const char *customer_name;
  gint64      staff_id;
  const char *staff_name;
} DemoPeople;

static gboolean
seed_ticket (SanPortaldDb      *db,
             const DemoTicket  *demo,
             gint64             contract_id,
             const DemoPeople  *people,
             const GDate       *today,
             GError           **error)
{
  g_autofree char *first_day = san_portald_date_plus_days (today, -demo->messages[0].days_ago);
  g_autofree char *created_at = g_strdup_printf ("%sT%02d:%02d:00Z", first_day,
                                                 demo->messages[0].minutes / 60, demo->messages[0].minutes % 60);
  gint64 department_id = 0;
  gint64 service_id = 0;
  gint64 ticket_id;

  if (!san_portald_tickets_db_department_id (db, demo->department, &department_id, error) ||
      (demo->service_plan[0] != '\0' &&
       !san_portald_tickets_db_find_service (db, contract_id, demo->service_domain, demo->service_plan,
                                             &service_id, error)))
    return FALSE;
  if ((ticket_id = san_portald_tickets_db_add_ticket (db, contract_id, department_id, service_id, demo->priority,
                                                      demo->subject, demo->status, created_at, error)) == 0)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (demo->messages) && demo->messages[i].body != NULL; i++)
    {
      const DemoMessage *m = &demo->messages[i];
      g_autofree char *day = san_portald_date_plus_days (today, -m->days_ago);
      g_autofree char *at = g_strdup_printf ("%sT%02d:%02d:00Z", day, m->minutes / 60, m->minutes % 60);
      g_autoptr(GPtrArray) uploads = g_ptr_array_new_with_free_func ((GDestroyNotify) upload_free);
      g_autoptr(GPtrArray) metas = NULL;
      gboolean customer = m->author == BY_CUSTOMER;
      gboolean marina = m->author == BY_MARINA || m->author == BY_MARINA_NOTE;
      gboolean internal = m->author == BY_SAN_NOTE || m->author == BY_MARINA_NOTE;

      if (m->attachment != 0 && storage_dir != NULL)
        {
          g_autoptr(GBytes) data = m->attachment == 1
                                     ? g_bytes_new_static (demo_png, sizeof demo_png)
                                     : g_bytes_new_static (demo_log, sizeof demo_log - 1);

          g_ptr_array_add (uploads, upload_new (m->attachment == 1 ? "captura-de-tela.png" : "nginx-error.log",
                                                m->attachment == 1 ? "image/png" : "text/plain; charset=utf-8",
                                                data));
          if (!store_upload (g_ptr_array_index (uploads, 0), error))
            return FALSE;
        }
      metas = upload_metas (uploads);
      if (san_portald_tickets_db_add_message (db, ticket_id, customer ? "customer" : "staff",
                                              customer ? people->customer_id : marina ? people->staff_id : 0,
                                              customer ? people->customer_name : marina ? people->staff_name : "SAN",
                                              m->body, internal, at, metas, error) == 0)
        return FALSE;
    }
  /* closing is the last activity of the closed one: the day after its last message */
  if (g_str_equal (demo->status, "closed"))
    {
      g_autofree char *day = san_portald_date_plus_days (today, -38);
      g_autofree char *closed_at = g_strconcat (day, "T10:00:00Z", NULL);

      return san_portald_tickets_db_set_status (db, ticket_id, "closed", closed_at, error);
    }
  return TRUE;
}

gboolean
san_portald_tickets_seed_demo (SanPortaldDb  *db,
                               const GDate   *today,
                               GError       **error)
{
  g_autoptr(SanPortaldUser) marina = NULL;

  if (!san_portald_db_find_user_by_email (db, MARINA, &marina, error) && error != NULL && *error != NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (demo_tickets); i++)
    {
      const DemoTicket *demo = &demo_tickets[i];
      g_autoptr(SanPortaldUser) owner = NULL;
      g_autoptr(GArray) contracts = NULL;
      DemoPeople people = { 0, NULL, 0, "SAN" };

      if (!san_portald_db_find_user_by_email (db, demo->owner, &owner, error))
        {
          if (error != NULL && *error != NULL)
            return FALSE;
          continue;   /* not in this data set */
        }
      if (!san_portald_tickets_db_owned_contracts (db, demo->owner, &contracts, error))
        return FALSE;
      if (demo->nth >= contracts->len)
        continue;
      people.customer_id = owner->id;
      people.customer_name = owner->display_name;
      if (marina != NULL)
        {
          people.staff_id = marina->id;
          people.staff_name = marina->display_name;
        }
      if (!seed_ticket (db, demo, g_array_index (contracts, gint64, demo->nth), &people, today, error))
        return FALSE;
    }
  return TRUE;
}
