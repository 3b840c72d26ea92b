/* san-json.c: strict readers for the wire's JSON
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-api"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "san-json-private.h"

#include "san-api-error-private.h"
#include "san-date.h"

/* json-glib 1.6 takes more than JSON: it stops after the first value
 * ("{}{}" parses as "{}") and takes 'single-quoted' strings. Checks that
 * @data is one object and that outside strings there is nothing but JSON's
 * own characters, so a garbled answer cannot pass for a good one. */
static gboolean
is_one_object (const char *data,
               gsize       size)
{
  gsize i = 0;
  int depth = 0;

  while (i < size && g_ascii_isspace (data[i]))
    i++;
  if (i == size || data[i] != '{')
    return FALSE;

  for (; i < size; i++)
    {
      char c = data[i];

      if (c == '"')
        {
          for (i++; i < size && data[i] != '"'; i++)
            {
              if ((guchar) data[i] < 0x20)
                return FALSE;
              if (data[i] == '\\')
                i++;
            }
          if (i >= size)
            return FALSE;
          continue;
        }
      if (c == '{' || c == '[')
        depth++;
      else if (c == '}' || c == ']')
        {
          if (--depth == 0)
            break;
        }
      else if (!g_ascii_isalnum (c) && !g_ascii_isspace (c) &&
               strchr (":,+-.", c) == NULL)
        return FALSE;
    }

  if (i >= size)
    return FALSE;
  for (i++; i < size; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;
  return TRUE;
}

JsonNode *
san_json_parse_object (GBytes  *bytes,
                       GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  const char *data;
  gsize size = 0;

  data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;
  if (size == 0)
    {
      g_set_error_literal (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                           _("The server’s answer is empty."));
      return NULL;
    }
  if (size > SAN_API_MAX_RESPONSE_SIZE)
    {
      g_set_error_literal (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                           _("The server’s answer is too large."));
      return NULL;
    }

  if (memchr (data, '\0', size) != NULL || !g_utf8_validate (data, (gssize) size, NULL))
    {
      g_set_error_literal (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                           _("The server’s answer is not valid text."));
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) size, NULL))
    {
      /* Not json-glib's message: it quotes the text, which may hold a token */
      g_set_error_literal (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                           _("The server’s answer is not valid JSON."));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)) || !is_one_object (data, size))
    {
      g_set_error_literal (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                           _("The server’s answer is not one JSON object."));
      return NULL;
    }
  return json_parser_steal_root (parser);
}

/* A value of the server made safe to show in a message */
static char *
shown_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  if (g_utf8_strlen (valid, -1) <= 40)
    return g_steal_pointer (&valid);
  return g_utf8_substring (valid, 0, 40);
}

static JsonNode *
get_member (JsonObject  *object,
            const char  *member,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                 _("“%s” is missing"), member);
  return node;
}

static gboolean
holds_type (JsonNode *node,
            GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean
set_wrong_type (GError     **error,
                const char  *member,
                const char  *expected)
{
  /* Translators: the first %s is a JSON member name, the second what it
   * should be ("a string", "an integer", ...) */
  g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
               _("“%s” is not %s"), member, expected);
  return FALSE;
}

gboolean
san_json_read_string (JsonObject  *object,
                      const char  *member,
                      gboolean     allow_empty,
                      const char **out,
                      GError     **error)
{
  JsonNode *node = get_member (object, member, error);
  const char *value;

  if (node == NULL)
    return FALSE;
  if (!holds_type (node, G_TYPE_STRING))
    return set_wrong_type (error, member, _("a string"));

  value = json_object_get_string_member_with_default (object, member, "");
  if (!allow_empty && *value == '\0')
    {
      g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                   _("“%s” is empty"), member);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

gboolean
san_json_read_string_or_null (JsonObject  *object,
                              const char  *member,
                              const char **out,
                              GError     **error)
{
  JsonNode *node = get_member (object, member, error);

  if (node == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_NULL (node))
    {
      *out = NULL;
      return TRUE;
    }
  return san_json_read_string (object, member, FALSE, out, error);
}

gboolean
san_json_read_int (JsonObject  *object,
                   const char  *member,
                   gint64       min,
                   gint64       max,
                   gint64      *out,
                   GError     **error)
{
  JsonNode *node = get_member (object, member, error);
  gint64 value;

  if (node == NULL)
    return FALSE;
  if (!holds_type (node, G_TYPE_INT64))
    return set_wrong_type (error, member, _("an integer"));

  value = json_object_get_int_member_with_default (object, member, 0);
  if (value < min || value > max)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

      /* Translators: the first %s is a JSON member name, the second a number */
      g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                   _("“%s” is out of range (%s)"), member, text);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

gboolean
san_json_read_boolean (JsonObject  *object,
                       const char  *member,
                       gboolean    *out,
                       GError     **error)
{
  JsonNode *node = get_member (object, member, error);

  if (node == NULL)
    return FALSE;
  if (!holds_type (node, G_TYPE_BOOLEAN))
    return set_wrong_type (error, member, _("true or false"));

  *out = json_object_get_boolean_member_with_default (object, member, FALSE);
  return TRUE;
}

gboolean
san_json_read_object (JsonObject  *object,
                      const char  *member,
                      gboolean     nullable,
                      JsonObject **out,
                      GError     **error)
{
  JsonNode *node = get_member (object, member, error);

  if (node == NULL)
    return FALSE;
  if (nullable && JSON_NODE_HOLDS_NULL (node))
    {
      *out = NULL;
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return set_wrong_type (error, member, nullable ? _("an object or null") : _("an object"));

  *out = json_node_get_object (node);
  return TRUE;
}

gboolean
san_json_read_array (JsonObject  *object,
                     const char  *member,
                     JsonArray  **out,
                     GError     **error)
{
  JsonNode *node = get_member (object, member, error);

  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return set_wrong_type (error, member, _("an array"));

  *out = json_node_get_array (node);
  return TRUE;
}

gboolean
san_json_read_date (JsonObject  *object,
                    const char  *member,
                    gboolean     nullable,
                    GDate       *out,
                    GError     **error)
{
  JsonNode *node = get_member (object, member, error);
  const char *text;

  if (node == NULL)
    return FALSE;

  g_date_clear (out, 1);
  if (nullable && JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!holds_type (node, G_TYPE_STRING))
    return set_wrong_type (error, member, nullable ? _("a date or null") : _("a date"));

  text = json_node_get_string (node);
  if (!san_date_parse_iso (text, out))
    {
      g_autofree char *shown = shown_text (text);

      g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                   _("“%s” is not a valid date (“%s”)"), member, shown);
      return FALSE;
    }
  return TRUE;
}

gboolean
san_json_read_datetime (JsonObject  *object,
                        const char  *member,
                        GDateTime  **out,
                        GError     **error)
{
  JsonNode *node = get_member (object, member, error);
  GDateTime *value;

  if (node == NULL)
    return FALSE;
  if (!holds_type (node, G_TYPE_STRING))
    return set_wrong_type (error, member, _("a date and time"));

  value = san_datetime_parse_rfc3339 (json_node_get_string (node));
  if (value == NULL)
    {
      g_autofree char *shown = shown_text (json_node_get_string (node));

      g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                   _("“%s” is not a valid date and time (“%s”)"), member, shown);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

gboolean
san_json_read_digits (JsonObject  *object,
                      const char  *member,
                      guint        length,
                      const char **out,
                      GError     **error)
{
  const char *value;
  gsize i;

  if (!san_json_read_string (object, member, TRUE, &value, error))
    return FALSE;
  for (i = 0; value[i] != '\0' && g_ascii_isdigit (value[i]); i++)
    ;
  if (value[i] != '\0' || i != length)
    {
      /* Translators: the first %s is a JSON member name */
      g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                   g_dngettext (GETTEXT_PACKAGE, "“%s” is not %u digit", "“%s” is not %u digits", length),
                   member, length);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

gboolean
san_json_read_datetime_or_null (JsonObject  *object,
                                const char  *member,
                                GDateTime  **out,
                                GError     **error)
{
  JsonNode *node = get_member (object, member, error);

  if (node == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_NULL (node))
    {
      *out = NULL;
      return TRUE;
    }
  return san_json_read_datetime (object, member, out, error);
}

void
san_json_set_unknown_word (GError     **error,
                           const char  *member,
                           const char  *word)
{
  g_autofree char *shown = shown_text (word);

  g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
               _("“%s” has an unknown value (“%s”)"), member, shown);
}

void
san_json_append_string (GString    *out,
                        const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}
