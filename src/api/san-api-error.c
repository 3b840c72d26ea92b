/* san-api-error.c: HTTP answers and transport failures as SAN_API_ERROR
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-api"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "san-api-error-private.h"

/* Every SAN_API_ERROR carries the fields a 400 answer named, and what it
 * said about each (extended GError domain, GLib 2.68) */
typedef struct
{
  GStrv fields;
  GStrv messages;   /* messages[i] is about fields[i] */
} SanApiErrorPrivate;

static void
san_api_error_private_init (SanApiErrorPrivate *priv)
{
  priv->fields = NULL;
  priv->messages = NULL;
}

static void
san_api_error_private_copy (const SanApiErrorPrivate *src,
                            SanApiErrorPrivate       *dest)
{
  dest->fields = g_strdupv (src->fields);
  dest->messages = g_strdupv (src->messages);
}

static void
san_api_error_private_clear (SanApiErrorPrivate *priv)
{
  g_clear_pointer (&priv->fields, g_strfreev);
  g_clear_pointer (&priv->messages, g_strfreev);
}

G_DEFINE_EXTENDED_ERROR (SanApiError, san_api_error)

const char * const *
san_api_error_get_fields (const GError *error)
{
  static const char * const none[] = { NULL };
  SanApiErrorPrivate *priv;

  if (error == NULL || error->domain != SAN_API_ERROR)
    return none;
  priv = san_api_error_get_private (error);
  return priv->fields != NULL ? (const char * const *) priv->fields : none;
}

gboolean
san_api_error_has_field (const GError *error,
                         const char   *field)
{
  g_return_val_if_fail (field != NULL, FALSE);

  return g_strv_contains (san_api_error_get_fields (error), field);
}

const char *
san_api_error_get_field_message (const GError *error,
                                 const char   *field)
{
  const char * const *fields = san_api_error_get_fields (error);

  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; fields[i] != NULL; i++)
    if (g_str_equal (fields[i], field))
      return san_api_error_get_private (error)->messages[i];
  return NULL;
}

/* Longest piece of server text (detail, field messages) put in a message */
#define MAX_SERVER_TEXT 300

static gboolean
is_json_content_type (SoupMessageHeaders *headers)
{
  const char *type;

  if (headers == NULL)
    return FALSE;
  type = soup_message_headers_get_content_type (headers, NULL);
  return type != NULL &&
         (g_ascii_strcasecmp (type, "application/problem+json") == 0 ||
          g_ascii_strcasecmp (type, "application/json") == 0);
}

/* The answer's problem object, or NULL when it has none */
static JsonNode *
parse_problem (SoupMessageHeaders *headers,
               GBytes             *body)
{
  g_autoptr(JsonParser) parser = NULL;
  const char *data;
  gsize size = 0;

  if (body == NULL || !is_json_content_type (headers))
    return NULL;
  data = g_bytes_get_data (body, &size);
  if (size == 0 || size > SAN_API_MAX_RESPONSE_SIZE)
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) size, NULL))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  return json_parser_steal_root (parser);
}

/* A string member of the problem, or NULL when missing or not a string */
static const char *
problem_string (JsonObject *problem,
                const char *member)
{
  JsonNode *node;

  if (problem == NULL)
    return NULL;
  node = json_object_get_member (problem, member);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* Server text made safe to show: valid UTF-8, one line, not too long */
static char *
clean_server_text (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *stripped = NULL;

  if (text == NULL)
    return NULL;
  valid = g_utf8_make_valid (text, -1);
  for (char *p = valid; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  stripped = g_strstrip (g_strdup (valid));
  if (*stripped == '\0')
    return NULL;
  if (g_utf8_strlen (stripped, -1) > MAX_SERVER_TEXT)
    {
      g_autofree char *cut = g_utf8_substring (stripped, 0, MAX_SERVER_TEXT);

      return g_strconcat (cut, "…", NULL);
    }
  return g_steal_pointer (&stripped);
}

/* "field: message; field: message" from the problem's "errors", or NULL;
 * each field's name into @names, the first message about it into @messages */
static char *
field_errors_text (JsonObject *problem,
                   GPtrArray  *names,
                   GPtrArray  *messages)
{
  g_autoptr(GString) text = NULL;
  JsonNode *node;
  JsonArray *errors;
  guint n;

  if (problem == NULL)
    return NULL;
  node = json_object_get_member (problem, "errors");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  errors = json_node_get_array (node);
  n = json_array_get_length (errors);
  text = g_string_new (NULL);
  for (guint i = 0; i < n && i < 20; i++)
    {
      JsonNode *item = json_array_get_element (errors, i);
      JsonObject *object;
      g_autofree char *field = NULL;
      g_autofree char *message = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        continue;
      object = json_node_get_object (item);
      field = clean_server_text (problem_string (object, "field"));
      message = clean_server_text (problem_string (object, "message"));
      if (message == NULL)
        message = clean_server_text (problem_string (object, "code"));
      if (message == NULL)
        continue;

      if (text->len > 0)
        g_string_append (text, "; ");
      if (field != NULL && !g_ptr_array_find_with_equal_func (names, field, g_str_equal, NULL))
        {
          g_ptr_array_add (names, g_strdup (field));
          g_ptr_array_add (messages, g_strdup (message));
        }
      if (field != NULL)
        g_string_append_printf (text, "%s: %s", field, message);
      else
        g_string_append (text, message);
    }

  if (text->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
san_api_problem_code (SoupMessageHeaders *headers,
                      GBytes             *body)
{
  g_autoptr(JsonNode) root = parse_problem (headers, body);

  if (root == NULL)
    return NULL;
  return g_strdup (problem_string (json_node_get_object (root), "code"));
}

/* Retry-After in seconds (the wire sends delta-seconds); -1 when absent
 * or not a number */
static gint64
retry_after_seconds (SoupMessageHeaders *headers)
{
  const char *value;
  guint64 seconds;

  if (headers == NULL)
    return -1;
  value = soup_message_headers_get_one (headers, "Retry-After");
  if (value == NULL)
    return -1;
  if (!g_ascii_string_to_unsigned (value, 10, 0, 7 * 24 * 3600, &seconds, NULL))
    return -1;
  return (gint64) seconds;
}

GError *
san_api_error_new_invalid_field (const char *field,
                                 const char *message)
{
  GError *error = g_error_new_literal (SAN_API_ERROR, SAN_API_ERROR_INVALID_INPUT, message);
  const char * const fields[] = { field, NULL };
  const char * const messages[] = { message, NULL };

  san_api_error_get_private (error)->fields = g_strdupv ((char **) fields);
  san_api_error_get_private (error)->messages = g_strdupv ((char **) messages);
  return error;
}

GError *
san_api_error_session_ended (void)
{
  return g_error_new_literal (SAN_API_ERROR, SAN_API_ERROR_UNAUTHORIZED,
                              _("Your session ended. Sign in again."));
}

GError *
san_api_error_not_signed_in (void)
{
  return g_error_new_literal (SAN_API_ERROR, SAN_API_ERROR_NOT_SIGNED_IN,
                              _("You are not signed in."));
}

GError *
san_api_error_from_response (guint               status,
                             SoupMessageHeaders *headers,
                             GBytes             *body)
{
  g_autoptr(JsonNode) root = parse_problem (headers, body);
  JsonObject *problem = root != NULL ? json_node_get_object (root) : NULL;
  const char *code = problem_string (problem, "code");

  switch (status)
    {
    case SOUP_STATUS_BAD_REQUEST:
      {
        g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
        g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
        g_autofree char *fields = field_errors_text (problem, names, messages);
        g_autofree char *detail = NULL;
        GError *error;

        if (fields == NULL)
          detail = clean_server_text (problem_string (problem, "detail"));
        if (fields == NULL && detail == NULL)
          detail = clean_server_text (problem_string (problem, "title"));
        if (fields != NULL || detail != NULL)
          /* Translators: %s is what the server said was wrong, e.g.
           * "status: must be one of pending, active, ..." */
          error = g_error_new (SAN_API_ERROR, SAN_API_ERROR_INVALID_INPUT,
                               _("The server did not accept the request: %s"),
                               fields != NULL ? fields : detail);
        else
          error = g_error_new_literal (SAN_API_ERROR, SAN_API_ERROR_INVALID_INPUT,
                                       _("The server did not accept the request."));
        if (names->len > 0)
          {
            g_ptr_array_add (names, NULL);
            g_ptr_array_add (messages, NULL);
            san_api_error_get_private (error)->fields =
              (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
            san_api_error_get_private (error)->messages =
              (GStrv) g_ptr_array_free (g_steal_pointer (&messages), FALSE);
          }
        return error;
      }

    case SOUP_STATUS_UNAUTHORIZED:
      if (g_strcmp0 (code, "invalid_credentials") == 0)
        return g_error_new_literal (SAN_API_ERROR, SAN_API_ERROR_UNAUTHORIZED,
                                    _("Wrong e-mail or password."));
      return san_api_error_session_ended ();

    case SOUP_STATUS_FORBIDDEN:
      return g_error_new_literal (SAN_API_ERROR, SAN_API_ERROR_FORBIDDEN,
                                  _("You do not have permission to do this in this contract."));

    case SOUP_STATUS_NOT_FOUND:
      return g_error_new_literal (SAN_API_ERROR, SAN_API_ERROR_NOT_FOUND,
                                  _("Not found. It may have been removed."));

    case SOUP_STATUS_PAYMENT_REQUIRED:   /* 402 payment_declined */
      {
        g_autofree char *detail = clean_server_text (problem_string (problem, "detail"));

        if (detail != NULL)
          /* Translators: %s is the server's reason, e.g. "Insufficient funds" */
          return g_error_new (SAN_API_ERROR, SAN_API_ERROR_PAYMENT_DECLINED,
                              _("The payment was declined: %s"), detail);
        return g_error_new_literal (SAN_API_ERROR, SAN_API_ERROR_PAYMENT_DECLINED,
                                    _("The payment was declined."));
      }

    case SOUP_STATUS_CONFLICT:   /* 409 invalid_state, conflict */
      {
        g_autofree char *detail = clean_server_text (problem_string (problem, "detail"));

        if (detail != NULL)
          /* Translators: %s is what the server said, e.g. "The invoice is already paid" */
          return g_error_new (SAN_API_ERROR, SAN_API_ERROR_CONFLICT,
                              _("This cannot be done now: %s"), detail);
        return g_error_new_literal (SAN_API_ERROR, SAN_API_ERROR_CONFLICT,
                                    _("This cannot be done now. Reload and try again."));
      }

    case SOUP_STATUS_UNPROCESSABLE_ENTITY:   /* 422 idempotency_key_reused */
      {
        g_autofree char *detail = clean_server_text (problem_string (problem, "detail"));

        if (detail != NULL)
          return g_error_new (SAN_API_ERROR, SAN_API_ERROR_IDEMPOTENCY,
                              _("The server refused a repeated request: %s"), detail);
        return g_error_new_literal (SAN_API_ERROR, SAN_API_ERROR_IDEMPOTENCY,
                                    _("The server refused a repeated request."));
      }

    case SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE:   /* 413 payload_too_large */
      return g_error_new_literal (SAN_API_ERROR, SAN_API_ERROR_PAYLOAD_TOO_LARGE,
                                  _("This is too large to send. Attachments may be at most 5 MB each, 10 MB together, and 5 at a time."));

    case SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE:   /* 415 unsupported_media_type */
      return g_error_new_literal (SAN_API_ERROR, SAN_API_ERROR_UNSUPPORTED_MEDIA_TYPE,
                                  _("This type of file cannot be attached. Attach images (PNG, JPEG, GIF), PDF, plain text or ZIP files."));

    case SOUP_STATUS_METHOD_NOT_ALLOWED:
      return g_error_new_literal (SAN_API_ERROR, SAN_API_ERROR_METHOD_NOT_ALLOWED,
                                  _("The server does not allow this request."));

    case 429:   /* Too Many Requests (no SOUP_STATUS_ name in libsoup 3.2) */
      {
        gint64 seconds = retry_after_seconds (headers);

        /* Minutes, rounded up, once seconds would be a number to work out */
        if (seconds > 90)
          {
            guint minutes = (guint) ((MIN (seconds, 24 * 3600) + 59) / 60);

            return g_error_new (SAN_API_ERROR, SAN_API_ERROR_RATE_LIMITED,
                                g_dngettext (GETTEXT_PACKAGE,
                                             "Too many attempts. Try again in %u minute.",
                                             "Too many attempts. Try again in %u minutes.",
                                             minutes),
                                minutes);
          }
        if (seconds > 0)
          return g_error_new (SAN_API_ERROR, SAN_API_ERROR_RATE_LIMITED,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "Too many attempts. Try again in %u second.",
                                           "Too many attempts. Try again in %u seconds.",
                                           (gulong) seconds),
                              (guint) seconds);
        return g_error_new_literal (SAN_API_ERROR, SAN_API_ERROR_RATE_LIMITED,
                                    _("Too many attempts. Try again later."));
      }

    default:
      break;
    }

  if (status >= 500 && status < 600)
    return g_error_new (SAN_API_ERROR, SAN_API_ERROR_SERVER,
                        _("The server had a problem (HTTP %u). Try again later."),
                        status);

  if (status >= 400 && status < 500)
    return g_error_new (SAN_API_ERROR, SAN_API_ERROR_FAILED,
                        _("The server refused the request (HTTP %u)."),
                        status);

  return g_error_new (SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                      _("The server gave an unexpected answer (HTTP %u)."),
                      status);
}

GError *
san_api_error_from_transport (GError *error)
{
  g_autoptr(GError) owned = error;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      error->domain == SAN_API_ERROR)
    return g_steal_pointer (&owned);

  if (error->domain == G_TLS_ERROR)
    {
      if (g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE))
        return g_error_new (SAN_API_ERROR, SAN_API_ERROR_TLS,
                            _("The server’s security certificate is not valid: %s"),
                            error->message);
      return g_error_new (SAN_API_ERROR, SAN_API_ERROR_TLS,
                          _("The secure connection to the server failed: %s"),
                          error->message);
    }

  if (error->domain == SOUP_SESSION_ERROR &&
      (error->code == SOUP_SESSION_ERROR_PARSING ||
       error->code == SOUP_SESSION_ERROR_ENCODING))
    return g_error_new (SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                        _("The server’s answer could not be read: %s"),
                        error->message);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new_literal (SAN_API_ERROR, SAN_API_ERROR_NETWORK,
                                _("The server did not answer in time. Check your connection and try again."));

  return g_error_new (SAN_API_ERROR, SAN_API_ERROR_NETWORK,
                      _("Could not reach the server: %s"),
                      error->message);
}
