/* test-paycode.c: san-paycode as run from a shell: its JSON and exit statuses
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>

/* The codes are published examples (see test-boleto.c and test-pix.c):
 * github.com/mrmgomes/boleto-utils test/test.js (the Caixa linha),
 * github.com/Tagliatti/Boleto-Validator-PHP README.md (the convênio linha),
 * Banco Central's "Manual de Padrões para Iniciação do Pix" §2.6.3 and
 * §2.7.2 and "Manual do BR Code" §2.2 (the PIX payloads). */
#define CAIXA_LINHA   "10492006506100010004200997263900989810000021403"
#define CAIXA_BARCODE "10499898100000214032006561000100040099726390"
#define CONVENIO      "83640000001-1 33120138000-2 81288462711-6 08013618155-1"
#define PIX_STATIC \
  "00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-426655440000" \
  "5204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D"
#define PIX_DYNAMIC \
  "00020101021226700014br.gov.bcb.pix2548pix.example.com/8b3da2f39a4140d1a91abd93113bd441" \
  "5204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***630464E4"
#define PIX_MANUAL \
  "00020104141234567890123426580014BR.GOV.BCB.PIX0136123e4567-e12b-12d1-a456-426655440000" \
  "27300012BR.COM.OUTRO011001234567895204000053039865406123.455802BR5917NOME DO RECEBEDOR" \
  "6008BRASILIA61087007490062190515RP12345678-201980390012BR.COM.OUTRO01190123.ABCD.3456.WXYZ" \
  "6304AD38"

typedef struct
{
  int         status;
  char       *out;
  char       *err;
  JsonObject *json;     /* the parsed stdout, or NULL */
  JsonParser *parser;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
  g_clear_object (&run->parser);
  run->json = NULL;
}

/* Runs san-paycode with the NULL-terminated arguments */
static void
run_paycode (Run *run,
             ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *path = g_getenv ("SAN_PAYCODE");
  const char *arg;
  va_list args;

  g_assert_nonnull (path);
  g_ptr_array_add (argv, (gpointer) path);
  va_start (args, run);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  memset (run, 0, sizeof *run);
  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);

  if (run->out != NULL && run->out[0] == '{')
    {
      JsonNode *root;

      run->parser = json_parser_new ();
      json_parser_load_from_data (run->parser, run->out, -1, &error);
      g_assert_no_error (error);
      root = json_parser_get_root (run->parser);
      g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
      run->json = json_node_get_object (root);
    }
}

static void
assert_member_null (JsonObject *object,
                    const char *name)
{
  g_assert_true (json_object_has_member (object, name));
  g_assert_true (json_object_get_null_member (object, name));
}

static void
test_boleto_valid (void)
{
  Run run;

  run_paycode (&run, "--today=2026-11-15", "check", CAIXA_LINHA, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (run.json);
  g_assert_cmpstr (json_object_get_string_member (run.json, "kind"), ==, "boleto");
  g_assert_true (json_object_get_boolean_member (run.json, "valid"));
  g_assert_cmpstr (json_object_get_string_member (run.json, "bank"), ==, "104");
  g_assert_cmpstr (json_object_get_string_member (run.json, "bank_name"), ==, "Caixa Econômica Federal");
  g_assert_cmpint (json_object_get_int_member (run.json, "amount_cents"), ==, 21403);
  g_assert_cmpstr (json_object_get_string_member (run.json, "due_date"), ==, "2022-05-10");
  g_assert_cmpstr (json_object_get_string_member (run.json, "barcode"), ==, CAIXA_BARCODE);
  g_assert_cmpstr (json_object_get_string_member (run.json, "linha_digitavel"), ==, CAIXA_LINHA);
  g_assert_false (json_object_has_member (run.json, "failed_check"));
  run_clear (&run);

  /* The barcode works the same; no due date is null */
  run_paycode (&run, "check", "23797000000000000004150090019801673500021140", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (json_object_get_string_member (run.json, "bank_name"), ==, "Bradesco");
  assert_member_null (run.json, "due_date");
  g_assert_cmpint (json_object_get_int_member (run.json, "amount_cents"), ==, 0);
  run_clear (&run);
}

static void
test_boleto_invalid (void)
{
  Run run;

  /* The general check digit (field 4) changed */
  run_paycode (&run, "check", "10492006506100010004200997263900889810000021403", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (run.json, "kind"), ==, "boleto");
  g_assert_false (json_object_get_boolean_member (run.json, "valid"));
  g_assert_cmpstr (json_object_get_string_member (run.json, "failed_check"), ==, "general_check_digit");
  g_assert_cmpstr (json_object_get_string_member (run.json, "error"), !=, "");
  g_assert_false (json_object_has_member (run.json, "barcode"));
  run_clear (&run);

  /* Field 2's digit changed */
  run_paycode (&run, "check", "10492.00650 61000.100043 00997.263900 9 89810000021403", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (run.json, "failed_check"), ==, "field_check_digit");
  run_clear (&run);

  run_paycode (&run, "check", "1049200650", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (run.json, "failed_check"), ==, "length");
  run_clear (&run);
}

static void
test_convenio (void)
{
  Run run;

  run_paycode (&run, "check", CONVENIO, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (json_object_get_string_member (run.json, "kind"), ==, "convenio");
  g_assert_true (json_object_get_boolean_member (run.json, "valid"));
  g_assert_cmpstr (json_object_get_string_member (run.json, "segment"), ==, "3");
  g_assert_cmpint (json_object_get_int_member (run.json, "amount_cents"), ==, 13312);
  g_assert_cmpstr (json_object_get_string_member (run.json, "company"), ==, "0138");
  g_assert_cmpstr (json_object_get_string_member (run.json, "barcode"), ==,
                   "83640000001331201380008128846271108013618155");
  g_assert_cmpstr (json_object_get_string_member (run.json, "linha_digitavel"), ==,
                   "836400000011331201380002812884627116080136181551");
  run_clear (&run);

  /* Block 2's check digit changed */
  run_paycode (&run, "check", "83640000001-1 33120138000-3 81288462711-6 08013618155-1", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (run.json, "kind"), ==, "convenio");
  g_assert_false (json_object_get_boolean_member (run.json, "valid"));
  g_assert_cmpstr (json_object_get_string_member (run.json, "failed_check"), ==, "field_check_digit");
  run_clear (&run);

  /* 48 digits with a value kind of 5 */
  run_paycode (&run, "check", "835400000011331201380002812884627116080136181551", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (run.json, "failed_check"), ==, "product");
  run_clear (&run);
}

static void
test_pix (void)
{
  Run run;

  run_paycode (&run, "check", PIX_STATIC, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (json_object_get_string_member (run.json, "kind"), ==, "pix");
  g_assert_true (json_object_get_boolean_member (run.json, "valid"));
  g_assert_cmpstr (json_object_get_string_member (run.json, "key"), ==, "123e4567-e12b-12d1-a456-426655440000");
  g_assert_cmpstr (json_object_get_string_member (run.json, "merchant"), ==, "Fulano de Tal");
  g_assert_cmpstr (json_object_get_string_member (run.json, "city"), ==, "BRASILIA");
  g_assert_cmpstr (json_object_get_string_member (run.json, "txid"), ==, "***");
  assert_member_null (run.json, "amount_cents");
  assert_member_null (run.json, "url");
  run_clear (&run);

  run_paycode (&run, "check", PIX_DYNAMIC, NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_member_null (run.json, "key");
  g_assert_cmpstr (json_object_get_string_member (run.json, "url"), ==,
                   "pix.example.com/8b3da2f39a4140d1a91abd93113bd441");
  run_clear (&run);

  run_paycode (&run, "check", PIX_MANUAL, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpint (json_object_get_int_member (run.json, "amount_cents"), ==, 12345);
  g_assert_cmpstr (json_object_get_string_member (run.json, "txid"), ==, "RP12345678-2019");
  run_clear (&run);

  /* A wrong CRC (1D3E) */
  run_paycode (&run, "check",
               "00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-426655440000"
               "5204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3E", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (run.json, "kind"), ==, "pix");
  g_assert_false (json_object_get_boolean_member (run.json, "valid"));
  g_assert_cmpstr (json_object_get_string_member (run.json, "failed_check"), ==, "crc");
  g_assert_cmpstr (json_object_get_string_member (run.json, "error"), !=, "");
  run_clear (&run);
}

static void
test_unknown (void)
{
  Run run;

  run_paycode (&run, "check", "hello", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (run.json, "kind"), ==, "unknown");
  g_assert_false (json_object_get_boolean_member (run.json, "valid"));
  g_assert_true (json_object_has_member (run.json, "failed_check"));
  g_assert_true (json_object_has_member (run.json, "error"));
  run_clear (&run);
}

static void
test_usage (void)
{
  Run run;

  run_paycode (&run, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "Usage"));
  run_clear (&run);

  run_paycode (&run, "verify", CAIXA_LINHA, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "verify"));
  run_clear (&run);

  run_paycode (&run, "check", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  run_clear (&run);

  /* An unquoted linha is several arguments */
  run_paycode (&run, "check", "42297.11504", "00001.954411", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  run_clear (&run);

  run_paycode (&run, "--bogus", "check", CAIXA_LINHA, NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);

  run_paycode (&run, "--today=2026-02-30", "check", CAIXA_LINHA, NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);

  run_paycode (&run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "check CODE"));
  run_clear (&run);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/common/paycode/check/boleto-valid", test_boleto_valid);
  g_test_add_func ("/common/paycode/check/boleto-invalid", test_boleto_invalid);
  g_test_add_func ("/common/paycode/check/convenio", test_convenio);
  g_test_add_func ("/common/paycode/check/pix", test_pix);
  g_test_add_func ("/common/paycode/check/unknown", test_unknown);
  g_test_add_func ("/common/paycode/usage-errors", test_usage);

  return g_test_run ();
}
