/* san-paycode.c: tells what a boleto or PIX code is and whether it is valid
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * san-paycode [--today=YYYY-MM-DD] check CODE
 *
 * Prints one JSON object: "kind" ("boleto", "convenio", "pix" or
 * "unknown"), "valid", the decoded fields, or "failed_check" (a
 * SAN_*_CHECK_* word) and "error" (a sentence). Exit status 0 when the code
 * is valid, 1 when not, 2 on a usage error. Output is in English whatever
 * the locale, for scripts and tickets alike.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <glib.h>
#include <json-glib/json-glib.h>

#include "san-boleto-code.h"
#include "san-date.h"
#include "san-pix-code.h"

#define EXIT_VALID   0
#define EXIT_INVALID 1
#define EXIT_USAGE   2

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *name,
                    const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_failure (JsonBuilder  *builder,
             const char   *failed_check,
             const GError *error)
{
  json_builder_set_member_name (builder, "failed_check");
  json_builder_add_string_value (builder, failed_check);
  json_builder_set_member_name (builder, "error");
  json_builder_add_string_value (builder, error->message);
}

/* Only digits, white space, dots and dashes: a boleto or convênio code, if anything */
static gboolean
looks_numeric (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && !g_ascii_isspace (*p) && *p != '.' && *p != '-')
      return FALSE;
  return TRUE;
}

static gboolean
check_boleto (const char  *text,
              const GDate *today,
              JsonBuilder *builder)
{
  g_autoptr(GError) error = NULL;
  const char *failed_check = NULL;
  SanBoletoCode code;
  gboolean valid;

  valid = san_boleto_code_parse_at (text, today, &code, &failed_check, &error);

  json_builder_set_member_name (builder, "kind");
  if (valid)
    json_builder_add_string_value (builder, code.kind == SAN_BOLETO_KIND_BANK ? "boleto" : "convenio");
  else
    {
      g_autoptr(GString) digits = g_string_new (NULL);

      for (const char *p = text; *p != '\0'; p++)
        if (g_ascii_isdigit (*p))
          g_string_append_c (digits, *p);

      /* What it was meant to be: 48 digits or a barcode starting with 8 are convênio */
      if (digits->len == 0)
        json_builder_add_string_value (builder, "unknown");
      else if (digits->len == 48 || (digits->len == 44 && digits->str[0] == '8'))
        json_builder_add_string_value (builder, "convenio");
      else
        json_builder_add_string_value (builder, "boleto");
    }

  json_builder_set_member_name (builder, "valid");
  json_builder_add_boolean_value (builder, valid);

  if (!valid)
    {
      add_failure (builder, failed_check, error);
      return FALSE;
    }

  if (code.kind == SAN_BOLETO_KIND_BANK)
    {
      g_autofree char *due = NULL;

      if (g_date_valid (&code.due_date))
        due = san_date_to_iso (&code.due_date);

      add_string_or_null (builder, "bank", code.bank_code);
      add_string_or_null (builder, "bank_name", san_boleto_code_bank_name (code.bank_code));
      json_builder_set_member_name (builder, "amount_cents");
      json_builder_add_int_value (builder, code.amount_cents);
      add_string_or_null (builder, "due_date", due);
    }
  else
    {
      char segment[2] = { code.segment, '\0' };

      add_string_or_null (builder, "segment", segment);
      /* Value kinds 7 and 9 carry a reference quantity, not an amount */
      json_builder_set_member_name (builder, "amount_cents");
      if (code.value_kind == '6' || code.value_kind == '8')
        json_builder_add_int_value (builder, code.amount_cents);
      else
        json_builder_add_null_value (builder);
      add_string_or_null (builder, "company", code.company);
    }

  add_string_or_null (builder, "barcode", code.barcode);
  add_string_or_null (builder, "linha_digitavel", code.linha);

  return TRUE;
}

static gboolean
check_pix (const char  *text,
           JsonBuilder *builder)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanPixCode) code = NULL;
  const char *failed_check = NULL;

  code = san_pix_code_parse (text, &failed_check, &error);

  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, "pix");
  json_builder_set_member_name (builder, "valid");
  json_builder_add_boolean_value (builder, code != NULL);

  if (code == NULL)
    {
      add_failure (builder, failed_check, error);
      return FALSE;
    }

  add_string_or_null (builder, "key", code->key);
  add_string_or_null (builder, "merchant", code->merchant_name);
  add_string_or_null (builder, "city", code->merchant_city);
  add_string_or_null (builder, "txid", code->txid);
  json_builder_set_member_name (builder, "amount_cents");
  if (code->amount_cents >= 0)
    json_builder_add_int_value (builder, code->amount_cents);
  else
    json_builder_add_null_value (builder);
  add_string_or_null (builder, "url", code->url);
  add_string_or_null (builder, "description", code->description);
  json_builder_set_member_name (builder, "dynamic");
  json_builder_add_boolean_value (builder, code->dynamic);

  return TRUE;
}

static gboolean
check_unknown (JsonBuilder *builder)
{
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, "unknown");
  json_builder_set_member_name (builder, "valid");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "failed_check");
  json_builder_add_string_value (builder, SAN_BOLETO_CHECK_CHARACTERS);
  json_builder_set_member_name (builder, "error");
  json_builder_add_string_value (builder,
                                 "This is neither a boleto or convenio code (digits) "
                                 "nor a PIX code (starting with 000201).");
  return FALSE;
}

/* Prints the JSON verdict on @code; TRUE when it is valid */
static gboolean
check (const char  *code,
       const GDate *today)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (code));
  gboolean valid;

  json_builder_begin_object (builder);
  /* A BR Code always has letters (the PIX GUI): digits alone are a boleto */
  if (looks_numeric (trimmed))
    valid = check_boleto (trimmed, today, builder);
  else if (g_str_has_prefix (trimmed, "00"))
    valid = check_pix (trimmed, builder);
  else
    valid = check_unknown (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json = json_generator_to_data (generator, NULL);
  /* UTF-8 whatever the locale's charset (g_print would convert it) */
  fputs (json, stdout);
  fputc ('\n', stdout);

  return valid;
}

static int
usage_error (GOptionContext *context,
             const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  g_printerr ("san-paycode: %s\n\n%s", message, help);
  return EXIT_USAGE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autofree char *today_text = NULL;
  GDate today;
  const GOptionEntry entries[] = {
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      "The date (YYYY-MM-DD) to read a due-date factor against: the factor restarted at 1000 "
      "on 2025-02-22, so each factor names a date every 9000 days (default: today)", "DATE" },
    { NULL }
  };

  /* The locale's charset for the help; the messages stay English */
  setlocale (LC_ALL, "");
  setlocale (LC_MESSAGES, "C");

  context = g_option_context_new ("check CODE");
  g_option_context_set_summary (context,
                                "Tells what a payment code is and whether it is valid: a boleto's\n"
                                "barcode (44 digits) or linha digitável (47), a convênio code (44 or\n"
                                "48 digits) or a PIX \"copia e cola\" BR Code. Quote the code.");
  g_option_context_set_description (context,
                                    "Prints a JSON object with \"kind\", \"valid\" and the decoded fields,\n"
                                    "or \"failed_check\" and \"error\". Exit status: 0 valid, 1 invalid,\n"
                                    "2 usage error.\n");

  g_option_context_add_main_entries (context, entries, NULL);

  /* Strict: every argument as given (the code may have spaces) */
  args = g_strdupv (argv);
  if (!g_option_context_parse_strv (context, &args, &error))
    return usage_error (context, error->message);

  g_date_clear (&today, 1);
  if (today_text != NULL)
    {
      if (!san_date_parse_iso (today_text, &today))
        return usage_error (context, "--today takes a date like 2026-11-24");
    }
  else
    g_date_set_time_t (&today, time (NULL));

  if (g_strv_length (args) < 2)
    return usage_error (context, "missing command");
  if (!g_str_equal (args[1], "check"))
    {
      g_autofree char *message = g_strdup_printf ("unknown command '%s'", args[1]);

      return usage_error (context, message);
    }
  if (g_strv_length (args) < 3)
    return usage_error (context, "check needs the code");
  if (g_strv_length (args) > 3)
    return usage_error (context, "check takes one code: quote it when it has spaces");

  return check (args[2], &today) ? EXIT_VALID : EXIT_INVALID;
}
