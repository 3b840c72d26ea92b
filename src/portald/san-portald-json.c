/* san-portald-json.c: small JSON and date helpers shared by the handlers
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-portald"

#include "config.h"

#include "san-date.h"
#include "san-portald-json.h"

void
san_portald_json_add_id (JsonBuilder *builder,
                         const char  *name,
                         gint64       id)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, text);
}

void
san_portald_json_add_string (JsonBuilder *builder,
                             const char  *name,
                             const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
san_portald_json_add_int (JsonBuilder *builder,
                          const char  *name,
                          gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

char *
san_portald_date_plus_days (const GDate *date,
                            int          days)
{
  GDate result = *date;

  if (days >= 0)
    g_date_add_days (&result, (guint) days);
  else
    g_date_subtract_days (&result, (guint) -days);
  return san_date_to_iso (&result);
}
