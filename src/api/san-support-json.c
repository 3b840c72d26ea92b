/* san-support-json.c: strict readers for the support models' JSON
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-api"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "san-support-json-private.h"

#include "san-json-private.h"

#define MAX_ID_DIGITS 18
#define TOKEN_LENGTH 32

static gboolean
set_invalid (GError     **error,
             const char  *member)
{
  g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
               _("“%s” is not valid"), member);
  return FALSE;
}

gboolean
san_support_read_id (JsonObject  *object,
                     const char  *member,
                     gboolean     nullable,
                     const char **out,
                     GError     **error)
{
  const char *text;
  gsize length;

  if (nullable)
    {
      if (!san_json_read_string_or_null (object, member, &text, error))
        return FALSE;
      if (text == NULL)
        {
          *out = NULL;
          return TRUE;
        }
    }
  else if (!san_json_read_string (object, member, FALSE, &text, error))
    return FALSE;

  length = strlen (text);
  if (length == 0 || length > MAX_ID_DIGITS)
    return set_invalid (error, member);
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]))
      return set_invalid (error, member);

  *out = text;
  return TRUE;
}

gboolean
san_support_read_token (JsonObject  *object,
                        const char  *member,
                        const char **out,
                        GError     **error)
{
  const char *text;

  if (!san_json_read_string (object, member, FALSE, &text, error))
    return FALSE;
  if (strlen (text) != TOKEN_LENGTH)
    return set_invalid (error, member);
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
      return set_invalid (error, member);

  *out = text;
  return TRUE;
}

gboolean
san_support_read_strv (JsonObject  *object,
                       const char  *member,
                       gboolean     allow_empty,
                       GStrv       *out,
                       GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;
  guint n;

  if (!san_json_read_array (object, member, &array, error))
    return FALSE;

  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      const char *text;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                       _("item %u of “%s” is not a string"), i + 1, member);
          return FALSE;
        }
      text = json_node_get_string (node);
      if (!allow_empty && *text == '\0')
        {
          g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                       _("item %u of “%s” is empty"), i + 1, member);
          return FALSE;
        }
      g_strv_builder_add (builder, text);
    }

  *out = g_strv_builder_end (builder);
  return TRUE;
}

gboolean
san_support_read_time (JsonObject  *object,
                       const char  *member,
                       guint       *out,
                       GError     **error)
{
  const char *text;
  guint hours, minutes;

  if (!san_json_read_string (object, member, FALSE, &text, error))
    return FALSE;
  if (strlen (text) != 5 || text[2] != ':' ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) ||
      !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[4]))
    return set_invalid (error, member);

  hours = (guint) (text[0] - '0') * 10 + (guint) (text[1] - '0');
  minutes = (guint) (text[3] - '0') * 10 + (guint) (text[4] - '0');
  if (hours > 23 || minutes > 59)
    return set_invalid (error, member);

  *out = hours * 60 + minutes;
  return TRUE;
}
