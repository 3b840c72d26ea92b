/* test-paymethods.c: san-portald's paymethods routes against the real server
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bank accounts, debit schedules, DDA, payment methods and notas fiscais,
 * on a demo server whose today is TODAY. Tests that change data put it back
 * or work on data no other test reads.
 */
#include "config.h"

#include "san-date.h"
#include "san-test-server.h"
#include "portald-test-util.h"

#define TODAY "2026-11-24"
#define TOMORROW "2026-11-25"

static SanTestServer *server;
static SoupSession *session;

static char *demo_token;     /* Ana: owns Ana Souza and the Padaria, member of the Oficina */
static char *other_token;    /* Carlos: owns Carlos Mendes */
static char *viewer_token;   /* Júlia: only invoices on the Oficina */
static char *ana_cid;
static char *padaria_cid;
static char *oficina_cid;
static char *mendes_cid;

#define URL (san_test_server_get_url (server))

/* Helpers */

/* A request to the test's server; the path from a printf() format */
#define call(method, token, body, ...) \
  http_request_printf (session, URL, method, token, body, __VA_ARGS__)

static JsonArray *
items_of (Reply *reply)
{
  g_assert_cmpuint (reply->status, ==, 200);
  return json_object_get_array_member (reply_object (reply), "items");
}

static const char *
member (JsonObject *object,
        const char *name)
{
  return json_object_get_string_member_with_default (object, name, NULL);
}

static gboolean
member_is_null (JsonObject *object,
                const char *name)
{
  return json_object_has_member (object, name) && json_object_get_null_member (object, name);
}

static char *
bank_account_body (const char *bank_code,
                   const char *agency,
                   const char *account,
                   const char *holder,
                   const char *document)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  if (bank_code != NULL)
    {
      json_builder_set_member_name (builder, "bank_code");
      json_builder_add_string_value (builder, bank_code);
    }
  if (agency != NULL)
    {
      json_builder_set_member_name (builder, "agency");
      json_builder_add_string_value (builder, agency);
    }
  if (account != NULL)
    {
      json_builder_set_member_name (builder, "account");
      json_builder_add_string_value (builder, account);
    }
  if (holder != NULL)
    {
      json_builder_set_member_name (builder, "holder");
      json_builder_add_string_value (builder, holder);
    }
  if (document != NULL)
    {
      json_builder_set_member_name (builder, "holder_document");
      json_builder_add_string_value (builder, document);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static Reply *
add_bank_account (const char *token,
                  const char *cid,
                  const char *bank_code,
                  const char *agency,
                  const char *account)
{
  g_autofree char *body = bank_account_body (bank_code, agency, account, "Ana Souza", "318.472.659-28");

  return call ("POST", token, body, "/api/v1/contracts/%s/bank-accounts", cid);
}

static void
delete_bank_account (const char *token,
                     const char *cid,
                     const char *id)
{
  g_autoptr(Reply) reply = call ("DELETE", token, NULL, "/api/v1/contracts/%s/bank-accounts/%s", cid, id);

  g_assert_cmpuint (reply->status, ==, 204);
}

/* Adds an account, expecting 201, and removes it again */
static void
assert_account_accepted (const char *bank_code,
                         const char *agency,
                         const char *account)
{
  g_autoptr(Reply) reply = add_bank_account (demo_token, ana_cid, bank_code, agency, account);

  if (reply->status != 201)
    g_error ("%s %s %s refused: %s", bank_code, agency, account,
             (const char *) g_bytes_get_data (reply->body, NULL));
  delete_bank_account (demo_token, ana_cid, member (reply_object (reply), "id"));
}

static void
assert_account_refused (const char *bank_code,
                        const char *agency,
                        const char *account,
                        const char *field,
                        const char *code)
{
  g_autoptr(Reply) reply = add_bank_account (demo_token, ana_cid, bank_code, agency, account);

  assert_problem (reply, 400, "validation_failed");
  if (!problem_has_field (reply, field, code))
    g_error ("%s %s %s: no %s/%s in %s", bank_code, agency, account, field, code,
             (const char *) g_bytes_get_data (reply->body, NULL));
}

/* The contract's first invoice (newest first) with @status whose due date
 * is on or after @due_from (NULL: any); NULL when none */
static JsonObject *
find_invoice (const char *token,
              const char *cid,
              const char *status,
              const char *due_from)
{
  g_autoptr(Reply) reply = call ("GET", token, NULL, "/api/v1/contracts/%s/invoices?status=%s&limit=100",
                                 cid, status);
  JsonArray *items = items_of (reply);

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *invoice = json_array_get_object_element (items, i);

      if (due_from == NULL || g_strcmp0 (member (invoice, "due_date"), due_from) >= 0)
        return json_object_ref (invoice);
    }
  return NULL;
}

static char *
invoice_status (const char *token,
                const char *cid,
                const char *iid)
{
  g_autoptr(Reply) reply = call ("GET", token, NULL, "/api/v1/contracts/%s/invoices/%s", cid, iid);

  g_assert_cmpuint (reply->status, ==, 200);
  return g_strdup (member (reply_object (reply), "status"));
}

static char *
schedule_body (const char *account_id,
               const char *date)
{
  return g_strdup_printf ("{\"bank_account_id\": \"%s\", \"date\": \"%s\"}", account_id, date);
}

/* The id of the contract's first bank account */
static char *
first_bank_account (const char *token,
                    const char *cid)
{
  g_autoptr(Reply) reply = call ("GET", token, NULL, "/api/v1/contracts/%s/bank-accounts", cid);
  JsonArray *items = items_of (reply);

  g_assert_cmpuint (json_array_get_length (items), >, 0);
  return g_strdup (member (json_array_get_object_element (items, 0), "id"));
}

/* Every nota fiscal of the contract (one page: the demo has fewer than 100) */
static JsonArray *
all_notes (const char *token,
           const char *cid,
           Reply     **out_reply)
{
  *out_reply = call ("GET", token, NULL, "/api/v1/contracts/%s/fiscal-notes?limit=100", cid);
  return items_of (*out_reply);
}

static JsonObject *
find_note (JsonArray  *notes,
           const char *status)
{
  for (guint i = 0; i < json_array_get_length (notes); i++)
    {
      JsonObject *note = json_array_get_object_element (notes, i);

      if (g_str_equal (member (note, "status"), status))
        return note;
    }
  return NULL;
}

/* The note's date as the list orders it: issue date, or scheduled date */
static char *
note_date (JsonObject *note)
{
  const char *issued_at = member (note, "issued_at");

  if (issued_at != NULL)
    return g_strndup (issued_at, 10);
  return g_strdup (member (note, "scheduled_for"));
}

/* Bank accounts */

static void
test_bank_accounts_demo (void)
{
  g_autoptr(Reply) reply = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/bank-accounts", padaria_cid);
  g_autoptr(Reply) ana = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/bank-accounts", ana_cid);
  JsonArray *items = items_of (reply);
  JsonObject *account;

  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  g_assert_cmpint (json_object_get_int_member (reply_object (reply), "total"), ==, 1);
  g_assert_true (member_is_null (reply_object (reply), "next_cursor"));
  account = json_array_get_object_element (items, 0);
  g_assert_cmpstr (member (account, "bank_code"), ==, "341");
  g_assert_cmpstr (member (account, "bank_name"), ==, "Itaú");
  g_assert_cmpstr (member (account, "agency"), ==, "0912");
  g_assert_cmpstr (member (account, "account"), ==, "34567-5");
  g_assert_cmpstr (member (account, "holder"), ==, "Padaria Pão Quente Ltda");
  g_assert_cmpstr (member (account, "holder_document"), ==, "27.451.938/0001-84");
  g_assert_nonnull (member (account, "created_at"));

  g_assert_cmpuint (json_array_get_length (items_of (ana)), ==, 0);
}

static void
test_bank_accounts_create_delete (void)
{
  g_autoptr(Reply) created = add_bank_account (demo_token, ana_cid, "341", "0912", "34567-5");
  g_autoptr(Reply) list = NULL;
  g_autoptr(Reply) again = NULL;
  g_autoptr(Reply) gone = NULL;
  g_autoptr(Reply) not_an_id = NULL;
  g_autoptr(Reply) foreign = NULL;
  g_autofree char *padaria_account = first_bank_account (demo_token, padaria_cid);
  JsonObject *account;
  const char *id;
  g_autoptr(GDateTime) created_at = NULL;

  g_assert_cmpuint (created->status, ==, 201);
  account = reply_object (created);
  id = member (account, "id");
  g_assert_nonnull (id);
  g_assert_cmpstr (member (account, "bank_name"), ==, "Itaú");
  g_assert_cmpstr (member (account, "holder"), ==, "Ana Souza");
  g_assert_cmpstr (member (account, "holder_document"), ==, "318.472.659-28");
  created_at = san_datetime_parse_rfc3339 (member (account, "created_at"));
  g_assert_nonnull (created_at);

  list = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/bank-accounts", ana_cid);
  g_assert_cmpuint (json_array_get_length (items_of (list)), ==, 1);
  g_assert_cmpstr (member (json_array_get_object_element (items_of (list), 0), "id"), ==, id);

  /* the same account twice */
  again = add_bank_account (demo_token, ana_cid, "341", "0912", "34567-5");
  assert_problem (again, 409, "conflict");

  /* another contract's account is not found through this one */
  foreign = call ("DELETE", demo_token, NULL, "/api/v1/contracts/%s/bank-accounts/%s", ana_cid, padaria_account);
  assert_problem (foreign, 404, "not_found");
  not_an_id = call ("DELETE", demo_token, NULL, "/api/v1/contracts/%s/bank-accounts/abc", ana_cid);
  assert_problem (not_an_id, 404, "not_found");

  delete_bank_account (demo_token, ana_cid, id);
  gone = call ("DELETE", demo_token, NULL, "/api/v1/contracts/%s/bank-accounts/%s", ana_cid, id);
  assert_problem (gone, 404, "not_found");
}

static void
test_bank_accounts_check_digits (void)
{
  /* Itaú: modulo 10 over agency + account */
  assert_account_accepted ("341", "1234", "12345-1");
  assert_account_refused ("341", "1234", "12345-2", "account", "check_digit");
  assert_account_refused ("341", "1234-5", "12345-1", "agency", "invalid");
  assert_account_refused ("341", "1234", "123456-1", "account", "invalid");

  /* Banco do Brasil: modulo 11, 10 is X; the agency has a check digit too */
  assert_account_accepted ("001", "1584-9", "00210169-6");
  assert_account_accepted ("001", "1584", "210169-6");
  assert_account_accepted ("001", "3022", "40599-X");
  assert_account_accepted ("001", "3022", "40599-x");
  assert_account_refused ("001", "1584-9", "00210169-5", "account", "check_digit");
  assert_account_refused ("001", "1584-1", "00210169-6", "agency", "check_digit");
  assert_account_refused ("001", "1584", "123456789-0", "account", "invalid");

  /* Bradesco: modulo 11, P for remainder 1 */
  assert_account_accepted ("237", "3726-5", "0127039-7");
  assert_account_accepted ("237", "3726", "0000006-P");
  assert_account_refused ("237", "3726-5", "0127039-8", "account", "check_digit");
  assert_account_refused ("237", "3726-4", "0127039-7", "agency", "check_digit");
  assert_account_refused ("237", "3726", "0000006-0", "account", "check_digit");

  /* the others: format only */
  assert_account_accepted ("033", "4321", "13000123-4");
  assert_account_accepted ("260", "0001", "1234567-8");
  assert_account_refused ("104", "4321", "13000123-X", "account", "invalid");
}

static void
test_bank_accounts_validation (void)
{
  g_autoptr(Reply) empty = call ("POST", demo_token, "{}", "/api/v1/contracts/%s/bank-accounts", ana_cid);
  g_autoptr(Reply) not_json = call ("POST", demo_token, "{", "/api/v1/contracts/%s/bank-accounts", ana_cid);
  g_autoptr(Reply) wrong_types = call ("POST", demo_token,
                                       "{\"bank_code\": 341, \"agency\": 1234, \"account\": true,"
                                       " \"holder\": [], \"holder_document\": {}}",
                                       "/api/v1/contracts/%s/bank-accounts", ana_cid);
  g_autofree char *bad_document = bank_account_body ("341", "1234", "12345-1", "Ana Souza", "318.472.659-29");
  g_autofree char *long_holder = g_strnfill (101, 'a');
  g_autofree char *too_long = bank_account_body ("341", "1234", "12345-1", long_holder, "318.472.659-28");
  g_autofree char *blank_holder = bank_account_body ("341", "1234", "12345-1", "   ", "318.472.659-28");
  g_autoptr(Reply) document = call ("POST", demo_token, bad_document, "/api/v1/contracts/%s/bank-accounts", ana_cid);
  g_autoptr(Reply) holder = call ("POST", demo_token, too_long, "/api/v1/contracts/%s/bank-accounts", ana_cid);
  g_autoptr(Reply) blank = call ("POST", demo_token, blank_holder, "/api/v1/contracts/%s/bank-accounts", ana_cid);
  g_autoptr(Reply) list = NULL;
  static const char * const fields[] = { "bank_code", "agency", "account", "holder", "holder_document" };

  assert_problem (empty, 400, "validation_failed");
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_assert_true (problem_has_field (empty, fields[i], "required"));
  assert_problem (not_json, 400, "invalid_json");
  assert_problem (wrong_types, 400, "validation_failed");
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_assert_true (problem_has_field (wrong_types, fields[i], "wrong_type"));

  assert_account_refused ("999", "1234", "12345-1", "bank_code", "unknown_bank");
  assert_account_refused ("34", "1234", "12345-1", "bank_code", "unknown_bank");
  assert_account_refused ("341", "12a4", "12345-1", "agency", "invalid");
  assert_account_refused ("341", "123", "12345-1", "agency", "invalid");
  assert_account_refused ("341", "1234", "123451", "account", "invalid");
  assert_account_refused ("341", "1234", "-1", "account", "invalid");
  assert_account_refused ("033", "1234", "12345678901234-1", "account", "invalid");

  assert_problem (document, 400, "validation_failed");
  g_assert_true (problem_has_field (document, "holder_document", "invalid"));
  assert_problem (holder, 400, "validation_failed");
  g_assert_true (problem_has_field (holder, "holder", "too_long"));
  assert_problem (blank, 400, "validation_failed");
  g_assert_true (problem_has_field (blank, "holder", "required"));

  /* nothing was stored */
  list = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/bank-accounts", ana_cid);
  g_assert_cmpuint (json_array_get_length (items_of (list)), ==, 0);
}

static void
test_bank_accounts_cnpj_holder (void)
{
  g_autofree char *body = bank_account_body ("756", "3001", "12345-6", "Carlos Mendes Advocacia",
                                             "09.361.572/0001-70");
  g_autoptr(Reply) reply = call ("POST", other_token, body, "/api/v1/contracts/%s/bank-accounts", mendes_cid);

  g_assert_cmpuint (reply->status, ==, 201);
  g_assert_cmpstr (member (reply_object (reply), "bank_name"), ==, "Sicoob");
  g_assert_cmpstr (member (reply_object (reply), "holder_document"), ==, "09.361.572/0001-70");
  delete_bank_account (other_token, mendes_cid, member (reply_object (reply), "id"));
}

static void
test_bank_accounts_in_use (void)
{
  g_autofree char *account_id = first_bank_account (demo_token, padaria_cid);
  g_autoptr(Reply) reply = call ("DELETE", demo_token, NULL, "/api/v1/contracts/%s/bank-accounts/%s",
                                 padaria_cid, account_id);
  g_autoptr(Reply) list = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/bank-accounts", padaria_cid);

  /* the demo's debit schedule uses it */
  assert_problem (reply, 409, "conflict");
  g_assert_cmpuint (json_array_get_length (items_of (list)), ==, 1);
}

/* Debit schedules */

static void
test_debit_schedule_demo (void)
{
  g_autoptr(JsonObject) invoice = find_invoice (demo_token, padaria_cid, "payment_pending", NULL);
  g_autofree char *account_id = first_bank_account (demo_token, padaria_cid);
  g_autoptr(Reply) reply = NULL;
  g_autoptr(GDateTime) created_at = NULL;
  JsonObject *schedule;

  g_assert_nonnull (invoice);
  reply = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/invoices/%s/debit-schedule",
                padaria_cid, member (invoice, "id"));
  g_assert_cmpuint (reply->status, ==, 200);
  schedule = reply_object (reply);
  g_assert_cmpstr (member (schedule, "invoice_id"), ==, member (invoice, "id"));
  g_assert_cmpstr (member (schedule, "bank_account_id"), ==, account_id);
  g_assert_cmpstr (member (schedule, "status"), ==, "scheduled");
  g_assert_cmpstr (member (schedule, "date"), ==, member (invoice, "due_date"));
  g_assert_cmpstr (member (schedule, "date"), >, TODAY);
  created_at = san_datetime_parse_rfc3339 (member (schedule, "created_at"));
  g_assert_nonnull (created_at);
}

static void
test_debit_schedule_set_cancel (void)
{
  g_autoptr(JsonObject) invoice = find_invoice (demo_token, padaria_cid, "unpaid", TOMORROW);
  g_autofree char *account_id = first_bank_account (demo_token, padaria_cid);
  g_autofree char *on_tomorrow = schedule_body (account_id, TOMORROW);
  g_autofree char *on_due = NULL;
  g_autofree char *status = NULL;
  g_autoptr(Reply) set = NULL;
  g_autoptr(Reply) get = NULL;
  g_autoptr(Reply) replaced = NULL;
  g_autoptr(Reply) in_use = NULL;
  g_autoptr(Reply) cancelled = NULL;
  g_autoptr(Reply) cancelled_again = NULL;
  g_autoptr(Reply) gone = NULL;
  const char *iid;

  g_assert_nonnull (invoice);
  iid = member (invoice, "id");
  on_due = schedule_body (account_id, member (invoice, "due_date"));

  set = call ("PUT", demo_token, on_tomorrow, "/api/v1/contracts/%s/invoices/%s/debit-schedule", padaria_cid, iid);
  g_assert_cmpuint (set->status, ==, 200);
  g_assert_cmpstr (member (reply_object (set), "date"), ==, TOMORROW);
  g_assert_cmpstr (member (reply_object (set), "bank_account_id"), ==, account_id);
  g_assert_cmpstr (member (reply_object (set), "invoice_id"), ==, iid);
  g_assert_cmpstr (member (reply_object (set), "status"), ==, "scheduled");
  status = invoice_status (demo_token, padaria_cid, iid);
  g_assert_cmpstr (status, ==, "payment_pending");
  g_clear_pointer (&status, g_free);

  get = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/invoices/%s/debit-schedule", padaria_cid, iid);
  g_assert_cmpuint (get->status, ==, 200);
  g_assert_cmpstr (member (reply_object (get), "date"), ==, TOMORROW);

  /* a second PUT replaces the schedule */
  replaced = call ("PUT", demo_token, on_due, "/api/v1/contracts/%s/invoices/%s/debit-schedule", padaria_cid, iid);
  g_assert_cmpuint (replaced->status, ==, 200);
  g_assert_cmpstr (member (reply_object (replaced), "date"), ==, member (invoice, "due_date"));

  in_use = call ("DELETE", demo_token, NULL, "/api/v1/contracts/%s/bank-accounts/%s", padaria_cid, account_id);
  assert_problem (in_use, 409, "conflict");

  cancelled = call ("DELETE", demo_token, NULL, "/api/v1/contracts/%s/invoices/%s/debit-schedule", padaria_cid, iid);
  g_assert_cmpuint (cancelled->status, ==, 204);
  status = invoice_status (demo_token, padaria_cid, iid);
  g_assert_cmpstr (status, ==, "unpaid");

  gone = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/invoices/%s/debit-schedule", padaria_cid, iid);
  assert_problem (gone, 404, "not_found");
  cancelled_again = call ("DELETE", demo_token, NULL, "/api/v1/contracts/%s/invoices/%s/debit-schedule",
                          padaria_cid, iid);
  assert_problem (cancelled_again, 404, "not_found");
}

static void
test_debit_schedule_today_runs (void)
{
  g_autoptr(JsonObject) invoice = find_invoice (other_token, mendes_cid, "unpaid", TODAY);
  g_autofree char *body = bank_account_body ("237", "3726-5", "0127039-7", "Carlos Mendes", "704.215.386-35");
  g_autoptr(Reply) account = call ("POST", other_token, body, "/api/v1/contracts/%s/bank-accounts", mendes_cid);
  g_autofree char *schedule = NULL;
  g_autoptr(Reply) set = NULL;
  g_autoptr(Reply) read = NULL;
  g_autoptr(Reply) paid = NULL;
  g_autoptr(Reply) notes_reply = NULL;
  g_autofree char *paid_at = g_strdup_printf ("%sT12:00:00Z", TODAY);
  JsonArray *notes;
  const char *iid;
  gboolean noted = FALSE;

  g_assert_nonnull (invoice);
  g_assert_cmpuint (account->status, ==, 201);
  iid = member (invoice, "id");
  schedule = schedule_body (member (reply_object (account), "id"), TODAY);
  set = call ("PUT", other_token, schedule, "/api/v1/contracts/%s/invoices/%s/debit-schedule", mendes_cid, iid);
  g_assert_cmpuint (set->status, ==, 200);
  g_assert_cmpstr (member (reply_object (set), "date"), ==, TODAY);

  /* its day has come: the next reader finds it done, the invoice paid */
  read = call ("GET", other_token, NULL, "/api/v1/contracts/%s/invoices/%s/debit-schedule", mendes_cid, iid);
  assert_problem (read, 404, "not_found");
  paid = call ("GET", other_token, NULL, "/api/v1/contracts/%s/invoices/%s", mendes_cid, iid);
  g_assert_cmpuint (paid->status, ==, 200);
  g_assert_cmpstr (member (reply_object (paid), "status"), ==, "paid");
  g_assert_cmpstr (member (reply_object (paid), "paid_with"), ==, "bank_debit");
  g_assert_cmpstr (member (reply_object (paid), "paid_at"), ==, paid_at);

  /* with its nota fiscal, five days later */
  notes = all_notes (other_token, mendes_cid, &notes_reply);
  for (guint i = 0; i < json_array_get_length (notes); i++)
    {
      JsonObject *note = json_array_get_object_element (notes, i);

      if (g_str_equal (member (note, "invoice_id"), iid))
        {
          g_assert_cmpstr (member (note, "status"), ==, "pending");
          g_assert_cmpstr (member (note, "scheduled_for"), ==, "2026-11-29");
          g_assert_cmpint (json_object_get_int_member (note, "amount_cents"), ==,
                           json_object_get_int_member (invoice, "total_cents"));
          noted = TRUE;
        }
    }
  g_assert_true (noted);

  /* the debit no longer holds the account */
  delete_bank_account (other_token, mendes_cid, member (reply_object (account), "id"));
}

static void
test_debit_schedule_validation (void)
{
  g_autoptr(JsonObject) invoice = find_invoice (demo_token, padaria_cid, "unpaid", TODAY);
  g_autoptr(JsonObject) paid = find_invoice (demo_token, padaria_cid, "paid", NULL);
  g_autoptr(JsonObject) overdue = find_invoice (demo_token, padaria_cid, "overdue", NULL);
  g_autoptr(JsonObject) ana_invoice = find_invoice (demo_token, ana_cid, "unpaid", TODAY);
  g_autofree char *account_id = first_bank_account (demo_token, padaria_cid);
  g_autoptr(GDate) due = g_date_new ();
  g_autofree char *after_due = NULL;
  g_autofree char *status = NULL;
  const char *iid;
  struct {
    const char *account;   /* NULL: the Padaria's */
    const char *date;      /* NULL: leave out */
    const char *field;
    const char *code;
  } cases[] = {
    { NULL, "\"2026-11-23\"", "date", "out_of_range" },
    { NULL, "\"2026-02-30\"", "date", "invalid" },
    { NULL, "\"24/11/2026\"", "date", "invalid" },
    { NULL, NULL, "date", "required" },
    { "\"999999\"", "\"" TODAY "\"", "bank_account_id", "not_found" },
    { "\"abc\"", "\"" TODAY "\"", "bank_account_id", "invalid" },
    { "5", "\"" TODAY "\"", "bank_account_id", "wrong_type" },
    { "null", "\"" TODAY "\"", "bank_account_id", "required" },
  };

  g_assert_nonnull (invoice);
  g_assert_nonnull (paid);
  g_assert_nonnull (overdue);
  g_assert_nonnull (ana_invoice);
  iid = member (invoice, "id");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *quoted = g_strdup_printf ("\"%s\"", account_id);
      g_autofree char *body = g_strdup_printf ("{\"bank_account_id\": %s%s%s}",
                                               cases[i].account != NULL ? cases[i].account : quoted,
                                               cases[i].date != NULL ? ", \"date\": " : "",
                                               cases[i].date != NULL ? cases[i].date : "");
      g_autoptr(Reply) reply = call ("PUT", demo_token, body, "/api/v1/contracts/%s/invoices/%s/debit-schedule",
                                     padaria_cid, iid);

      assert_problem (reply, 400, "validation_failed");
      if (!problem_has_field (reply, cases[i].field, cases[i].code))
        g_error ("%s: no %s/%s", body, cases[i].field, cases[i].code);
    }

  /* after the due date */
  g_assert_true (san_date_parse_iso (member (invoice, "due_date"), due));
  g_date_add_days (due, 1);
  after_due = san_date_to_iso (due);
  {
    g_autofree char *body = schedule_body (account_id, after_due);
    g_autoptr(Reply) reply = call ("PUT", demo_token, body, "/api/v1/contracts/%s/invoices/%s/debit-schedule",
                                   padaria_cid, iid);

    assert_problem (reply, 400, "validation_failed");
    g_assert_true (problem_has_field (reply, "date", "out_of_range"));
  }

  /* an overdue invoice: no day is left */
  {
    g_autofree char *body = schedule_body (account_id, TODAY);
    g_autoptr(Reply) reply = call ("PUT", demo_token, body, "/api/v1/contracts/%s/invoices/%s/debit-schedule",
                                   padaria_cid, member (overdue, "id"));

    assert_problem (reply, 400, "validation_failed");
    g_assert_true (problem_has_field (reply, "date", "out_of_range"));
  }

  /* a paid invoice can't be debited */
  {
    g_autofree char *body = schedule_body (account_id, TODAY);
    g_autoptr(Reply) reply = call ("PUT", demo_token, body, "/api/v1/contracts/%s/invoices/%s/debit-schedule",
                                   padaria_cid, member (paid, "id"));
    g_autoptr(Reply) get = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/invoices/%s/debit-schedule",
                                 padaria_cid, member (paid, "id"));
    g_autoptr(Reply) del = call ("DELETE", demo_token, NULL, "/api/v1/contracts/%s/invoices/%s/debit-schedule",
                                 padaria_cid, member (paid, "id"));

    assert_problem (reply, 409, "invalid_state");
    assert_problem (get, 404, "not_found");
    assert_problem (del, 404, "not_found");
  }

  /* the Padaria's account can't debit Ana's invoice */
  {
    g_autofree char *body = schedule_body (account_id, TODAY);
    g_autoptr(Reply) reply = call ("PUT", demo_token, body, "/api/v1/contracts/%s/invoices/%s/debit-schedule",
                                   ana_cid, member (ana_invoice, "id"));

    assert_problem (reply, 400, "validation_failed");
    g_assert_true (problem_has_field (reply, "bank_account_id", "not_found"));
  }

  /* invoices that aren't there */
  {
    g_autofree char *body = schedule_body (account_id, TODAY);
    g_autoptr(Reply) foreign = call ("PUT", demo_token, body, "/api/v1/contracts/%s/invoices/%s/debit-schedule",
                                     ana_cid, iid);
    g_autoptr(Reply) not_an_id = call ("GET", demo_token, NULL,
                                       "/api/v1/contracts/%s/invoices/0/debit-schedule", padaria_cid);
    g_autoptr(Reply) unknown = call ("DELETE", demo_token, NULL,
                                     "/api/v1/contracts/%s/invoices/999999/debit-schedule", padaria_cid);

    assert_problem (foreign, 404, "not_found");
    assert_problem (not_an_id, 404, "not_found");
    assert_problem (unknown, 404, "not_found");
  }

  /* nothing changed */
  status = invoice_status (demo_token, padaria_cid, iid);
  g_assert_cmpstr (status, ==, "unpaid");
}

/* DDA */

static void
test_dda_toggle (void)
{
  g_autoptr(Reply) initial = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/dda", padaria_cid);
  g_autoptr(Reply) on = call ("PUT", demo_token, "{\"enabled\": true}", "/api/v1/contracts/%s/dda", padaria_cid);
  g_autoptr(Reply) read = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/dda", padaria_cid);
  g_autoptr(Reply) on_again = call ("PUT", demo_token, "{\"enabled\": true}", "/api/v1/contracts/%s/dda", padaria_cid);
  g_autoptr(Reply) elsewhere = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/dda", ana_cid);
  g_autoptr(Reply) off = call ("PUT", demo_token, "{\"enabled\": false}", "/api/v1/contracts/%s/dda", padaria_cid);
  g_autoptr(Reply) wrong_type = call ("PUT", demo_token, "{\"enabled\": \"yes\"}", "/api/v1/contracts/%s/dda", padaria_cid);
  g_autoptr(Reply) missing = call ("PUT", demo_token, "{}", "/api/v1/contracts/%s/dda", padaria_cid);
  g_autoptr(Reply) final = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/dda", padaria_cid);
  g_autoptr(GDateTime) enabled_at = NULL;

  /* the demo starts with DDA off */
  g_assert_cmpuint (initial->status, ==, 200);
  g_assert_false (json_object_get_boolean_member (reply_object (initial), "enabled"));
  g_assert_true (member_is_null (reply_object (initial), "enabled_at"));

  g_assert_cmpuint (on->status, ==, 200);
  g_assert_true (json_object_get_boolean_member (reply_object (on), "enabled"));
  enabled_at = san_datetime_parse_rfc3339 (member (reply_object (on), "enabled_at"));
  g_assert_nonnull (enabled_at);
  /* on the server's today */
  g_assert_cmpint (g_date_time_get_year (enabled_at), ==, 2026);

  g_assert_true (json_object_get_boolean_member (reply_object (read), "enabled"));
  g_assert_cmpstr (member (reply_object (read), "enabled_at"), ==, member (reply_object (on), "enabled_at"));
  /* turning it on again keeps when it was first turned on */
  g_assert_cmpstr (member (reply_object (on_again), "enabled_at"), ==, member (reply_object (on), "enabled_at"));
  /* per contract */
  g_assert_false (json_object_get_boolean_member (reply_object (elsewhere), "enabled"));

  g_assert_cmpuint (off->status, ==, 200);
  g_assert_false (json_object_get_boolean_member (reply_object (off), "enabled"));
  g_assert_true (member_is_null (reply_object (off), "enabled_at"));

  assert_problem (wrong_type, 400, "validation_failed");
  g_assert_true (problem_has_field (wrong_type, "enabled", "wrong_type"));
  assert_problem (missing, 400, "validation_failed");
  g_assert_true (problem_has_field (missing, "enabled", "required"));
  g_assert_false (json_object_get_boolean_member (reply_object (final), "enabled"));
}

/* Payment methods */

static JsonObject *
service_method (JsonObject *pay_methods,
                const char *service_id)
{
  JsonArray *services = json_object_get_array_member (pay_methods, "services");

  for (guint i = 0; i < json_array_get_length (services); i++)
    {
      JsonObject *s = json_array_get_object_element (services, i);

      if (g_str_equal (member (s, "service_id"), service_id))
        return s;
    }
  return NULL;
}

static void
test_pay_methods_get (void)
{
  g_autoptr(Reply) reply = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/pay-methods", padaria_cid);
  g_autoptr(Reply) services = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/services?limit=100", padaria_cid);
  JsonObject *methods;
  JsonArray *all;
  guint n_billed = 0;

  g_assert_cmpuint (reply->status, ==, 200);
  methods = reply_object (reply);
  g_assert_cmpstr (member (methods, "default_method"), ==, "boleto");

  /* every service still billed, with its method; not the ended ones */
  all = items_of (services);
  for (guint i = 0; i < json_array_get_length (all); i++)
    {
      JsonObject *s = json_array_get_object_element (all, i);
      const char *status = member (s, "status");
      JsonObject *entry = service_method (methods, member (s, "id"));

      if (g_str_equal (status, "cancelled") || g_str_equal (status, "terminated"))
        {
          g_assert_null (entry);
          continue;
        }
      n_billed++;
      g_assert_nonnull (entry);
      g_assert_cmpstr (member (entry, "method"), ==, member (s, "payment_method"));
      if (g_str_equal (member (s, "domain"), ""))
        {
          g_autofree char *name = g_strdup_printf ("%s %s", member (s, "product"), member (s, "plan"));

          g_assert_cmpstr (member (entry, "name"), ==, name);
        }
      else
        {
          g_autofree char *name = g_strdup_printf ("%s %s - %s", member (s, "product"), member (s, "plan"),
                                                   member (s, "domain"));

          g_assert_cmpstr (member (entry, "name"), ==, name);
        }
    }
  g_assert_cmpuint (n_billed, >, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (methods, "services")), ==, n_billed);
}

static void
test_pay_methods_default (void)
{
  g_autoptr(Reply) pix = call ("PUT", demo_token, "{\"method\": \"pix\"}", "/api/v1/contracts/%s/pay-methods/default", padaria_cid);
  g_autoptr(Reply) read = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/pay-methods", padaria_cid);
  g_autoptr(Reply) card = call ("PUT", demo_token, "{\"method\": \"card\"}", "/api/v1/contracts/%s/pay-methods/default", padaria_cid);
  g_autoptr(Reply) debit = call ("PUT", demo_token, "{\"method\": \"bank_debit\"}", "/api/v1/contracts/%s/pay-methods/default", padaria_cid);
  g_autoptr(Reply) invalid = call ("PUT", demo_token, "{\"method\": \"cash\"}", "/api/v1/contracts/%s/pay-methods/default", padaria_cid);
  g_autoptr(Reply) missing = call ("PUT", demo_token, "{}", "/api/v1/contracts/%s/pay-methods/default", padaria_cid);
  g_autoptr(Reply) back = call ("PUT", demo_token, "{\"method\": \"boleto\"}", "/api/v1/contracts/%s/pay-methods/default", padaria_cid);
  g_autoptr(Reply) ana = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/pay-methods", ana_cid);

  g_assert_cmpuint (pix->status, ==, 200);
  g_assert_cmpstr (member (reply_object (pix), "default_method"), ==, "pix");
  g_assert_true (json_object_has_member (reply_object (pix), "services"));
  g_assert_cmpstr (member (reply_object (read), "default_method"), ==, "pix");
  /* the Padaria has a stored card and a bank account */
  g_assert_cmpuint (card->status, ==, 200);
  g_assert_cmpstr (member (reply_object (card), "default_method"), ==, "card");
  g_assert_cmpuint (debit->status, ==, 200);
  g_assert_cmpstr (member (reply_object (debit), "default_method"), ==, "bank_debit");
  assert_problem (invalid, 400, "validation_failed");
  g_assert_true (problem_has_field (invalid, "method", "invalid"));
  assert_problem (missing, 400, "validation_failed");
  g_assert_true (problem_has_field (missing, "method", "required"));
  g_assert_cmpuint (back->status, ==, 200);
  g_assert_cmpstr (member (reply_object (back), "default_method"), ==, "boleto");
  /* per contract */
  g_assert_cmpstr (member (reply_object (ana), "default_method"), ==, "boleto");
}

static void
test_pay_methods_need_card_or_account (void)
{
  g_autoptr(Reply) card = call ("PUT", other_token, "{\"method\": \"card\"}", "/api/v1/contracts/%s/pay-methods/default", mendes_cid);
  g_autoptr(Reply) debit = call ("PUT", other_token, "{\"method\": \"bank_debit\"}", "/api/v1/contracts/%s/pay-methods/default", mendes_cid);
  g_autoptr(Reply) cards = call ("GET", other_token, NULL, "/api/v1/contracts/%s/cards", mendes_cid);
  g_autoptr(Reply) methods = call ("GET", other_token, NULL, "/api/v1/contracts/%s/pay-methods", mendes_cid);
  g_autofree char *body = bank_account_body ("001", "1584-9", "00210169-6", "Carlos Mendes", "704.215.386-35");
  g_autoptr(Reply) account = NULL;
  g_autoptr(Reply) debit_now = NULL;
  g_autoptr(Reply) service_debit = NULL;
  g_autoptr(Reply) back = NULL;
  g_autoptr(Reply) service_back = NULL;
  JsonArray *services;
  const char *sid;

  /* Carlos stores no card and no bank account */
  g_assert_cmpuint (json_array_get_length (items_of (cards)), ==, 0);
  assert_problem (card, 409, "invalid_state");
  assert_problem (debit, 409, "invalid_state");

  services = json_object_get_array_member (reply_object (methods), "services");
  g_assert_cmpuint (json_array_get_length (services), >, 0);
  sid = member (json_array_get_object_element (services, 0), "service_id");
  {
    g_autoptr(Reply) service_card = call ("PUT", other_token, "{\"method\": \"card\"}",
                                          "/api/v1/contracts/%s/pay-methods/services/%s", mendes_cid, sid);
    g_autoptr(Reply) service_bank = call ("PUT", other_token, "{\"method\": \"bank_debit\"}",
                                          "/api/v1/contracts/%s/pay-methods/services/%s", mendes_cid, sid);

    assert_problem (service_card, 409, "invalid_state");
    assert_problem (service_bank, 409, "invalid_state");
  }

  /* with a bank account, bank debit can be chosen */
  account = call ("POST", other_token, body, "/api/v1/contracts/%s/bank-accounts", mendes_cid);
  g_assert_cmpuint (account->status, ==, 201);
  g_assert_cmpstr (member (reply_object (account), "bank_name"), ==, "Banco do Brasil");
  debit_now = call ("PUT", other_token, "{\"method\": \"bank_debit\"}", "/api/v1/contracts/%s/pay-methods/default", mendes_cid);
  g_assert_cmpuint (debit_now->status, ==, 200);
  g_assert_cmpstr (member (reply_object (debit_now), "default_method"), ==, "bank_debit");
  service_debit = call ("PUT", other_token, "{\"method\": \"bank_debit\"}",
                        "/api/v1/contracts/%s/pay-methods/services/%s", mendes_cid, sid);
  g_assert_cmpuint (service_debit->status, ==, 200);
  g_assert_cmpstr (member (service_method (reply_object (service_debit), sid), "method"), ==, "bank_debit");

  /* (the demo's services of Carlos say card, which he can't choose again:
   * no other test reads them) */
  back = call ("PUT", other_token, "{\"method\": \"boleto\"}", "/api/v1/contracts/%s/pay-methods/default", mendes_cid);
  g_assert_cmpuint (back->status, ==, 200);
  service_back = call ("PUT", other_token, "{\"method\": \"boleto\"}", "/api/v1/contracts/%s/pay-methods/services/%s",
                       mendes_cid, sid);
  g_assert_cmpuint (service_back->status, ==, 200);
  g_assert_cmpstr (member (service_method (reply_object (service_back), sid), "method"), ==, "boleto");
  delete_bank_account (other_token, mendes_cid, member (reply_object (account), "id"));
}

static void
test_pay_methods_service (void)
{
  g_autoptr(Reply) methods = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/pay-methods", ana_cid);
  g_autoptr(Reply) services = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/services?limit=100", ana_cid);
  g_autoptr(Reply) padaria_services = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/services", padaria_cid);
  JsonArray *all = items_of (services);
  JsonObject *first = json_array_get_object_element (json_object_get_array_member (reply_object (methods), "services"), 0);
  g_autofree char *sid = g_strdup (member (first, "service_id"));
  g_autofree char *previous = g_strdup (member (first, "method"));
  g_autofree char *previous_body = g_strdup_printf ("{\"method\": \"%s\"}", previous);
  const char *ended = NULL;

  for (guint i = 0; i < json_array_get_length (all); i++)
    {
      JsonObject *s = json_array_get_object_element (all, i);

      if (g_str_equal (member (s, "status"), "cancelled"))
        ended = member (s, "id");
    }
  g_assert_nonnull (ended);

  {
    g_autoptr(Reply) pix = call ("PUT", demo_token, "{\"method\": \"pix\"}",
                                 "/api/v1/contracts/%s/pay-methods/services/%s", ana_cid, sid);
    g_autoptr(Reply) service = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/services/%s", ana_cid, sid);
    g_autoptr(Reply) card = call ("PUT", demo_token, "{\"method\": \"card\"}",
                                  "/api/v1/contracts/%s/pay-methods/services/%s", ana_cid, sid);
    g_autoptr(Reply) debit = call ("PUT", demo_token, "{\"method\": \"bank_debit\"}",
                                   "/api/v1/contracts/%s/pay-methods/services/%s", ana_cid, sid);
    g_autoptr(Reply) invalid = call ("PUT", demo_token, "{\"method\": \"cheque\"}",
                                     "/api/v1/contracts/%s/pay-methods/services/%s", ana_cid, sid);
    g_autoptr(Reply) unknown = call ("PUT", demo_token, "{\"method\": \"pix\"}",
                                     "/api/v1/contracts/%s/pay-methods/services/999999", ana_cid);
    g_autoptr(Reply) not_an_id = call ("PUT", demo_token, "{\"method\": \"pix\"}",
                                       "/api/v1/contracts/%s/pay-methods/services/x1", ana_cid);
    g_autoptr(Reply) foreign = call ("PUT", demo_token, "{\"method\": \"pix\"}",
                                     "/api/v1/contracts/%s/pay-methods/services/%s", padaria_cid, sid);
    g_autoptr(Reply) cancelled = call ("PUT", demo_token, "{\"method\": \"pix\"}",
                                       "/api/v1/contracts/%s/pay-methods/services/%s", ana_cid, ended);
    g_autoptr(Reply) restored = call ("PUT", demo_token, previous_body,
                                      "/api/v1/contracts/%s/pay-methods/services/%s", ana_cid, sid);

    g_assert_cmpuint (pix->status, ==, 200);
    g_assert_cmpstr (member (service_method (reply_object (pix), sid), "method"), ==, "pix");
    /* the service itself says so too */
    g_assert_cmpstr (member (reply_object (service), "payment_method"), ==, "pix");
    /* Ana has a stored card, but no bank account on her own contract */
    g_assert_cmpuint (card->status, ==, 200);
    g_assert_cmpstr (member (service_method (reply_object (card), sid), "method"), ==, "card");
    assert_problem (debit, 409, "invalid_state");
    assert_problem (invalid, 400, "validation_failed");
    g_assert_true (problem_has_field (invalid, "method", "invalid"));
    assert_problem (unknown, 404, "not_found");
    assert_problem (not_an_id, 404, "not_found");
    assert_problem (foreign, 404, "not_found");
    assert_problem (cancelled, 409, "invalid_state");
    g_assert_cmpuint (restored->status, ==, 200);
    g_assert_cmpstr (member (service_method (reply_object (restored), sid), "method"), ==, previous);
  }
  g_assert_cmpuint (padaria_services->status, ==, 200);
}

/* Notas fiscais */

static gboolean
is_note_number (const char *number)
{
  return number != NULL && g_regex_match_simple ("^[0-9]{4}/[0-9]{6}$", number, 0, 0);
}

static void
test_fiscal_notes_list (void)
{
  g_autoptr(Reply) reply = NULL;
  JsonArray *notes = all_notes (demo_token, padaria_cid, &reply);
  guint n_pending = 0;
  g_autofree char *previous_date = NULL;
  gint64 previous_id = G_MAXINT64;

  g_assert_cmpuint (json_array_get_length (notes), >=, 3);
  g_assert_cmpint (json_object_get_int_member (reply_object (reply), "total"), ==, json_array_get_length (notes));
  g_assert_true (member_is_null (reply_object (reply), "next_cursor"));

  for (guint i = 0; i < json_array_get_length (notes); i++)
    {
      JsonObject *note = json_array_get_object_element (notes, i);
      g_autofree char *date = note_date (note);
      gint64 id = g_ascii_strtoll (member (note, "id"), NULL, 10);
      g_autofree char *described = g_strdup_printf ("fatura %s", member (note, "invoice_number"));

      g_assert_nonnull (member (note, "invoice_id"));
      g_assert_nonnull (member (note, "invoice_number"));
      g_assert_cmpint (json_object_get_int_member (note, "amount_cents"), >, 0);
      g_assert_nonnull (strstr (member (note, "description"), described));
      g_assert_nonnull (member (note, "scheduled_for"));

      if (g_str_equal (member (note, "status"), "pending"))
        {
          n_pending++;
          g_assert_true (member_is_null (note, "number"));
          g_assert_true (member_is_null (note, "verification_code"));
          g_assert_true (member_is_null (note, "issued_at"));
          /* not yet due */
          g_assert_cmpstr (member (note, "scheduled_for"), >, TODAY);
        }
      else
        {
          g_autoptr(GDateTime) issued_at = san_datetime_parse_rfc3339 (member (note, "issued_at"));

          g_assert_cmpstr (member (note, "status"), ==, "issued");
          g_assert_true (is_note_number (member (note, "number")));
          g_assert_true (g_regex_match_simple ("^[0-9A-F]{4}-[0-9A-F]{4}$",
                                               member (note, "verification_code"), 0, 0));
          g_assert_nonnull (issued_at);
          g_assert_cmpstr (date, <=, TODAY);
          /* the number's year is the issue year */
          g_assert_true (strncmp (member (note, "number"), member (note, "issued_at"), 4) == 0);
        }

      /* newest first */
      if (previous_date != NULL)
        {
          g_assert_cmpstr (date, <=, previous_date);
          if (g_str_equal (date, previous_date))
            g_assert_cmpint (id, <, previous_id);
        }
      g_clear_pointer (&previous_date, g_free);
      previous_date = g_steal_pointer (&date);
      previous_id = id;
    }

  /* the newest paid invoice's note is still pending */
  g_assert_cmpuint (n_pending, ==, 1);
  g_assert_cmpstr (member (json_array_get_object_element (notes, 0), "status"), ==, "pending");
}

static void
test_fiscal_notes_paid_invoices (void)
{
  g_autoptr(Reply) notes_reply = NULL;
  JsonArray *notes = all_notes (demo_token, ana_cid, &notes_reply);
  g_autoptr(Reply) paid = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/invoices?status=paid&limit=100", ana_cid);
  JsonArray *invoices = items_of (paid);
  g_autoptr(GHashTable) noted = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < json_array_get_length (notes); i++)
    {
      JsonObject *note = json_array_get_object_element (notes, i);

      g_hash_table_add (noted, (gpointer) member (note, "invoice_id"));
    }
  /* one note per paid invoice, for its amount */
  g_assert_cmpuint (json_array_get_length (invoices), >, 0);
  for (guint i = 0; i < json_array_get_length (invoices); i++)
    {
      JsonObject *invoice = json_array_get_object_element (invoices, i);

      g_assert_true (g_hash_table_contains (noted, member (invoice, "id")));
    }
  for (guint i = 0; i < json_array_get_length (notes); i++)
    {
      JsonObject *note = json_array_get_object_element (notes, i);

      for (guint j = 0; j < json_array_get_length (invoices); j++)
        {
          JsonObject *invoice = json_array_get_object_element (invoices, j);

          if (g_str_equal (member (invoice, "id"), member (note, "invoice_id")))
            {
              g_assert_cmpint (json_object_get_int_member (note, "amount_cents"), ==,
                               json_object_get_int_member (invoice, "total_cents"));
              g_assert_cmpstr (member (note, "invoice_number"), ==, member (invoice, "number"));
            }
        }
    }
}

static void
test_fiscal_notes_numbers (void)
{
  g_autoptr(GHashTable) numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *cids[] = { ana_cid, padaria_cid };

  /* unique across contracts; within one, they grow with the issue date */
  for (guint c = 0; c < G_N_ELEMENTS (cids); c++)
    {
      g_autoptr(Reply) reply = NULL;
      JsonArray *notes = all_notes (demo_token, cids[c], &reply);
      g_autofree char *newer = NULL;

      for (guint i = 0; i < json_array_get_length (notes); i++)
        {
          const char *number = member (json_array_get_object_element (notes, i), "number");

          if (number == NULL)
            continue;
          g_assert_false (g_hash_table_contains (numbers, number));
          g_hash_table_add (numbers, g_strdup (number));
          if (newer != NULL && strncmp (newer, number, 4) == 0)
            g_assert_cmpstr (number, <, newer);
          g_free (newer);
          newer = g_strdup (number);
        }
    }
  g_assert_cmpuint (g_hash_table_size (numbers), >=, 4);
}

static void
test_fiscal_notes_filters (void)
{
  g_autoptr(Reply) all_reply = NULL;
  JsonArray *all = all_notes (demo_token, padaria_cid, &all_reply);
  guint n = json_array_get_length (all);
  g_autoptr(Reply) pending = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/fiscal-notes?status=pending", padaria_cid);
  g_autoptr(Reply) issued = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/fiscal-notes?status=issued&limit=100", padaria_cid);
  JsonObject *middle = json_array_get_object_element (all, n / 2);
  g_autofree char *day = note_date (middle);
  g_autoptr(Reply) one_day = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/fiscal-notes?from=%s&to=%s",
                                   padaria_cid, day, day);
  g_autoptr(Reply) since = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/fiscal-notes?from=%s&limit=100",
                                 padaria_cid, day);
  g_autoptr(Reply) until = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/fiscal-notes?to=%s&limit=100",
                                 padaria_cid, day);
  g_autoptr(Reply) none = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/fiscal-notes?to=2000-01-01", padaria_cid);
  guint n_since = 0;
  guint n_until = 0;
  guint n_on_day = 0;

  g_assert_cmpuint (json_array_get_length (items_of (pending)), ==, 1);
  g_assert_cmpint (json_object_get_int_member (reply_object (pending), "total"), ==, 1);
  g_assert_cmpstr (member (json_array_get_object_element (items_of (pending), 0), "status"), ==, "pending");
  g_assert_cmpuint (json_array_get_length (items_of (issued)), ==, n - 1);
  for (guint i = 0; i < n - 1; i++)
    g_assert_cmpstr (member (json_array_get_object_element (items_of (issued), i), "status"), ==, "issued");

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *d = note_date (json_array_get_object_element (all, i));

      n_since += g_strcmp0 (d, day) >= 0;
      n_until += g_strcmp0 (d, day) <= 0;
      n_on_day += g_strcmp0 (d, day) == 0;
    }
  g_assert_cmpuint (json_array_get_length (items_of (one_day)), ==, n_on_day);
  g_assert_cmpuint (json_array_get_length (items_of (since)), ==, n_since);
  g_assert_cmpuint (json_array_get_length (items_of (until)), ==, n_until);
  g_assert_cmpuint (json_array_get_length (items_of (none)), ==, 0);
  g_assert_cmpint (json_object_get_int_member (reply_object (none), "total"), ==, 0);
}

static void
test_fiscal_notes_pagination (void)
{
  g_autoptr(Reply) all_reply = NULL;
  JsonArray *all = all_notes (demo_token, padaria_cid, &all_reply);
  g_autofree char *cursor = NULL;
  guint seen = 0;
  guint pages = 0;

  do
    {
      g_autoptr(Reply) page = NULL;
      JsonArray *items;

      if (cursor == NULL)
        page = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/fiscal-notes?limit=2", padaria_cid);
      else
        page = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/fiscal-notes?limit=2&cursor=%s",
                     padaria_cid, cursor);
      items = items_of (page);
      g_assert_cmpuint (json_array_get_length (items), <=, 2);
      g_assert_cmpint (json_object_get_int_member (reply_object (page), "total"), ==, json_array_get_length (all));
      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          g_assert_cmpstr (member (json_array_get_object_element (items, i), "id"), ==,
                           member (json_array_get_object_element (all, seen), "id"));
          seen++;
        }
      g_free (cursor);
      cursor = g_strdup (member (reply_object (page), "next_cursor"));
      pages++;
    }
  while (cursor != NULL);

  g_assert_cmpuint (seen, ==, json_array_get_length (all));
  g_assert_cmpuint (pages, ==, (json_array_get_length (all) + 1) / 2);
}

static void
test_fiscal_notes_bad_parameters (void)
{
  g_autoptr(Reply) ana_notes = NULL;
  JsonArray *notes = all_notes (demo_token, ana_cid, &ana_notes);
  struct {
    const char *query;
    const char *field;
    const char *code;
  } cases[] = {
    { "status=paid", "status", "invalid" },
    { "from=2026-13-01", "from", "invalid" },
    { "to=yesterday", "to", "invalid" },
    { "from=2026-11-24&to=2026-11-01", "to", "out_of_range" },
    { "limit=0", "limit", "out_of_range" },
    { "limit=101", "limit", "out_of_range" },
    { "limit=ten", "limit", "invalid" },
    { "cursor=not-a-cursor", "cursor", "invalid" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Reply) reply = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/fiscal-notes?%s",
                                     padaria_cid, cases[i].query);

      assert_problem (reply, 400, "validation_failed");
      if (!problem_has_field (reply, cases[i].field, cases[i].code))
        g_error ("%s: no %s/%s", cases[i].query, cases[i].field, cases[i].code);
    }

  /* a cursor from another contract's list */
  {
    g_autoptr(Reply) first = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/fiscal-notes?limit=1", ana_cid);
    const char *cursor = member (reply_object (first), "next_cursor");
    g_autoptr(Reply) reply = NULL;

    g_assert_cmpuint (json_array_get_length (notes), >, 1);
    g_assert_nonnull (cursor);
    reply = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/fiscal-notes?cursor=%s", padaria_cid, cursor);
    assert_problem (reply, 400, "validation_failed");
    g_assert_true (problem_has_field (reply, "cursor", "invalid"));
  }
}

static void
test_fiscal_notes_detail (void)
{
  g_autoptr(Reply) list = NULL;
  JsonArray *notes = all_notes (demo_token, padaria_cid, &list);
  JsonObject *issued = find_note (notes, "issued");
  g_autoptr(Reply) detail = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/fiscal-notes/%s",
                                  padaria_cid, member (issued, "id"));
  g_autoptr(Reply) foreign = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/fiscal-notes/%s",
                                   ana_cid, member (issued, "id"));
  g_autoptr(Reply) unknown = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/fiscal-notes/999999", padaria_cid);
  g_autoptr(Reply) not_an_id = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/fiscal-notes/-1", padaria_cid);
  g_autoptr(JsonNode) expected = json_node_alloc ();

  g_assert_cmpuint (detail->status, ==, 200);
  json_node_init_object (expected, issued);
  g_assert_true (json_node_equal (detail->json, expected));
  assert_problem (foreign, 404, "not_found");
  assert_problem (unknown, 404, "not_found");
  assert_problem (not_an_id, 404, "not_found");
}

static void
test_fiscal_notes_pdf (void)
{
  g_autoptr(Reply) list = NULL;
  JsonArray *notes = all_notes (demo_token, padaria_cid, &list);
  JsonObject *issued = find_note (notes, "issued");
  g_autoptr(Reply) pdf = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/fiscal-notes/%s/pdf",
                               padaria_cid, member (issued, "id"));
  g_autoptr(GHashTable) params = NULL;
  g_autofree char *disposition = NULL;
  g_autofree char *filename = NULL;
  g_autofree char *number = g_strdup (member (issued, "number"));
  gsize size;
  const char *data;

  g_assert_cmpuint (pdf->status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_content_type (pdf->headers, NULL), ==, "application/pdf");
  data = g_bytes_get_data (pdf->body, &size);
  g_assert_cmpuint (size, >, 1000);
  g_assert_true (g_str_has_prefix (data, "%PDF-"));
  g_assert_true (soup_message_headers_get_content_disposition (pdf->headers, &disposition, &params));
  g_assert_cmpstr (disposition, ==, "attachment");
  g_strdelimit (number, "/", '-');
  filename = g_strdup_printf ("nfse-%s.pdf", number);
  g_assert_cmpstr (g_hash_table_lookup (params, "filename"), ==, filename);
}

/* What the XML parser saw: the text of the elements that matter */
typedef struct
{
  GHashTable *texts;     /* element name -> text (the first one with that name) */
  GPtrArray  *stack;
  guint       n_elements;
} XmlSeen;

static void
on_xml_start_cb (GMarkupParseContext  *context,
                 const char           *element,
                 const char          **names,
                 const char          **values,
                 gpointer              user_data,
                 GError              **error)
{
  XmlSeen *seen = user_data;

  g_ptr_array_add (seen->stack, g_strdup (element));
  seen->n_elements++;
}

static void
on_xml_end_cb (GMarkupParseContext  *context,
               const char           *element,
               gpointer              user_data,
               GError              **error)
{
  XmlSeen *seen = user_data;

  g_ptr_array_remove_index (seen->stack, seen->stack->len - 1);
}

static void
on_xml_text_cb (GMarkupParseContext  *context,
                const char           *text,
                gsize                 length,
                gpointer              user_data,
                GError              **error)
{
  XmlSeen *seen = user_data;
  g_autofree char *stripped = g_strstrip (g_strndup (text, length));
  const char *element;

  if (seen->stack->len == 0 || stripped[0] == '\0')
    return;
  element = g_ptr_array_index (seen->stack, seen->stack->len - 1);
  if (!g_hash_table_contains (seen->texts, element))
    g_hash_table_insert (seen->texts, g_strdup (element), g_steal_pointer (&stripped));
}

static void
test_fiscal_notes_xml (void)
{
  g_autoptr(Reply) list = NULL;
  JsonArray *notes = all_notes (demo_token, padaria_cid, &list);
  JsonObject *issued = find_note (notes, "issued");
  g_autoptr(Reply) xml = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/fiscal-notes/%s/xml",
                               padaria_cid, member (issued, "id"));
  static const GMarkupParser parser = { on_xml_start_cb, on_xml_end_cb, on_xml_text_cb, NULL, NULL };
  XmlSeen seen = { g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
                   g_ptr_array_new_with_free_func (g_free), 0 };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) params = NULL;
  g_autofree char *disposition = NULL;
  g_autofree char *number = g_strdup (member (issued, "number"));
  g_autofree char *filename = NULL;
  g_autofree char *amount = NULL;
  gint64 cents = json_object_get_int_member (issued, "amount_cents");
  gsize size;
  const char *data;

  g_assert_cmpuint (xml->status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_content_type (xml->headers, NULL), ==, "application/xml");
  g_assert_true (soup_message_headers_get_content_disposition (xml->headers, &disposition, &params));
  g_strdelimit (number, "/", '-');
  filename = g_strdup_printf ("nfse-%s.xml", number);
  g_assert_cmpstr (g_hash_table_lookup (params, "filename"), ==, filename);

  /* well-formed, one root, and it says what the note says */
  data = g_bytes_get_data (xml->body, &size);
  g_assert_true (g_str_has_prefix (data, "<?xml"));
  g_assert_true (g_utf8_validate (data, size, NULL));
  context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &seen, NULL);
  g_assert_true (g_markup_parse_context_parse (context, data, size, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen.stack->len, ==, 0);
  g_assert_cmpuint (seen.n_elements, >, 10);

  amount = g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", cents / 100, (int) (cents % 100));
  g_assert_cmpstr (g_hash_table_lookup (seen.texts, "Numero"), ==, member (issued, "number"));
  g_assert_cmpstr (g_hash_table_lookup (seen.texts, "CodigoVerificacao"), ==, member (issued, "verification_code"));
  g_assert_cmpstr (g_hash_table_lookup (seen.texts, "ValorLiquidoNfse"), ==, amount);
  g_assert_cmpstr (g_hash_table_lookup (seen.texts, "ValorServicos"), ==, amount);
  g_assert_cmpstr (g_hash_table_lookup (seen.texts, "Discriminacao"), ==, member (issued, "description"));
  g_assert_cmpstr (g_hash_table_lookup (seen.texts, "Cnpj"), ==, "12345678000195");
  /* the customer, after SAN */
  g_assert_cmpstr (g_hash_table_lookup (seen.texts, "RazaoSocial"), ==, "SAN Internet Ltda");
  g_assert_nonnull (strstr (data, "<RazaoSocial>Padaria Pão Quente Ltda</RazaoSocial>"));
  g_assert_nonnull (strstr (data, "<Cnpj>27451938000184</Cnpj>"));

  g_hash_table_unref (seen.texts);
  g_ptr_array_unref (seen.stack);
}

static void
test_fiscal_notes_pending_documents (void)
{
  g_autoptr(Reply) list = NULL;
  JsonArray *notes = all_notes (demo_token, padaria_cid, &list);
  JsonObject *pending = find_note (notes, "pending");
  g_autoptr(Reply) pdf = NULL;
  g_autoptr(Reply) xml = NULL;

  g_assert_nonnull (pending);
  pdf = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/fiscal-notes/%s/pdf", padaria_cid, member (pending, "id"));
  xml = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/fiscal-notes/%s/xml", padaria_cid, member (pending, "id"));
  assert_problem (pdf, 409, "invalid_state");
  assert_problem (xml, 409, "invalid_state");
}

static void
test_fiscal_notes_issue_early (void)
{
  g_autoptr(Reply) list = NULL;
  JsonArray *notes = all_notes (demo_token, ana_cid, &list);
  JsonObject *pending = find_note (notes, "pending");
  g_autofree char *nid = NULL;
  g_autoptr(Reply) issued = NULL;
  g_autoptr(Reply) read = NULL;
  g_autoptr(Reply) again = NULL;
  g_autoptr(Reply) pdf = NULL;
  g_autoptr(Reply) unknown = NULL;
  g_autoptr(GDateTime) issued_at = NULL;
  JsonObject *note;

  g_assert_nonnull (pending);
  nid = g_strdup (member (pending, "id"));
  issued = call ("POST", demo_token, NULL, "/api/v1/contracts/%s/fiscal-notes/%s/issue", ana_cid, nid);
  g_assert_cmpuint (issued->status, ==, 200);
  note = reply_object (issued);
  g_assert_cmpstr (member (note, "id"), ==, nid);
  g_assert_cmpstr (member (note, "status"), ==, "issued");
  g_assert_true (is_note_number (member (note, "number")));
  g_assert_nonnull (member (note, "verification_code"));
  g_assert_cmpstr (member (note, "scheduled_for"), ==, member (pending, "scheduled_for"));
  /* issued today, in São Paulo */
  issued_at = san_datetime_parse_rfc3339 (member (note, "issued_at"));
  g_assert_nonnull (issued_at);
  {
    g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/Sao_Paulo");
    g_autoptr(GDateTime) local = g_date_time_to_timezone (issued_at, zone);
    g_autofree char *day = g_date_time_format (local, "%Y-%m-%d");

    g_assert_cmpstr (day, ==, TODAY);
  }

  read = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/fiscal-notes/%s", ana_cid, nid);
  g_assert_true (json_node_equal (read->json, issued->json));
  again = call ("POST", demo_token, "{}", "/api/v1/contracts/%s/fiscal-notes/%s/issue", ana_cid, nid);
  assert_problem (again, 409, "invalid_state");
  pdf = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/fiscal-notes/%s/pdf", ana_cid, nid);
  g_assert_cmpuint (pdf->status, ==, 200);
  unknown = call ("POST", demo_token, NULL, "/api/v1/contracts/%s/fiscal-notes/999999/issue", ana_cid);
  assert_problem (unknown, 404, "not_found");
}

/* A server of its own: a later today issues the note that fell due and
 * executes the debit whose day came */
static void
test_fiscal_notes_lazy_issue (void)
{
  g_autofree char *dir = temp_dir_new ();
  g_autofree char *db = g_build_filename (dir, "portal.db", NULL);
  const char *first_args[] = { "--db", db, "--listen", "127.0.0.1:0", "--demo", "--today", TODAY, NULL };
  const char *later_args[] = { "--db", db, "--listen", "127.0.0.1:0", "--today", "2026-12-31", NULL };
  Portald *portald = portald_spawn (first_args, 0);
  g_autofree char *token = NULL;
  g_autofree char *cid = NULL;
  g_autofree char *nid = NULL;
  g_autofree char *scheduled_for = NULL;
  g_autofree char *iid = NULL;
  g_autofree char *debit_date = NULL;
  g_autofree char *expected_at = NULL;

  g_assert_nonnull (portald);
  token = login (session, portald->url, "demo@example.com", "demo-1234", NULL);
  {
    g_autoptr(Reply) me = http_request (session, portald->url, "GET", "/api/v1/me", token, NULL);
    JsonArray *contracts = json_object_get_array_member (reply_object (me), "contracts");

    cid = g_strdup (member (json_array_get_object_element (contracts, 1), "id"));
    g_assert_cmpstr (member (json_array_get_object_element (contracts, 1), "name"), ==, "Padaria Pão Quente Ltda");
  }
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/contracts/%s/fiscal-notes?status=pending", cid);
    g_autoptr(Reply) pending = http_request (session, portald->url, "GET", path, token, NULL);
    JsonObject *note = json_array_get_object_element (items_of (pending), 0);

    nid = g_strdup (member (note, "id"));
    scheduled_for = g_strdup (member (note, "scheduled_for"));
  }
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/contracts/%s/invoices?status=payment_pending", cid);
    g_autoptr(Reply) invoices = http_request (session, portald->url, "GET", path, token, NULL);
    JsonObject *invoice = json_array_get_object_element (items_of (invoices), 0);
    g_autofree char *schedule_path = NULL;
    g_autoptr(Reply) schedule = NULL;

    iid = g_strdup (member (invoice, "id"));
    schedule_path = g_strdup_printf ("/api/v1/contracts/%s/invoices/%s/debit-schedule", cid, iid);
    schedule = http_request (session, portald->url, "GET", schedule_path, token, NULL);
    g_assert_cmpuint (schedule->status, ==, 200);
    debit_date = g_strdup (member (reply_object (schedule), "date"));
  }
  g_assert_cmpstr (scheduled_for, >, TODAY);
  g_assert_cmpstr (scheduled_for, <, "2026-12-31");
  g_assert_cmpstr (debit_date, <, "2026-12-26");
  g_assert_cmpint (portald_stop (portald), ==, 0);

  /* weeks later */
  portald = portald_spawn (later_args, 0);
  g_assert_nonnull (portald);
  g_free (token);
  token = login (session, portald->url, "demo@example.com", "demo-1234", NULL);
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/contracts/%s/fiscal-notes/%s", cid, nid);
    g_autoptr(Reply) reply = http_request (session, portald->url, "GET", path, token, NULL);
    JsonObject *note = reply_object (reply);

    g_assert_cmpuint (reply->status, ==, 200);
    g_assert_cmpstr (member (note, "status"), ==, "issued");
    g_assert_true (is_note_number (member (note, "number")));
    /* issued on the day it fell due, at 09:00 in São Paulo */
    expected_at = g_strdup_printf ("%sT12:00:00Z", scheduled_for);
    g_assert_cmpstr (member (note, "issued_at"), ==, expected_at);
  }
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/contracts/%s/invoices/%s/debit-schedule", cid, iid);
    g_autoptr(Reply) schedule = http_request (session, portald->url, "GET", path, token, NULL);
    g_autofree char *invoice_path = g_strdup_printf ("/api/v1/contracts/%s/invoices/%s", cid, iid);
    g_autoptr(Reply) invoice = http_request (session, portald->url, "GET", invoice_path, token, NULL);
    g_autofree char *notes_path = g_strdup_printf ("/api/v1/contracts/%s/fiscal-notes?limit=100", cid);
    g_autoptr(Reply) notes = http_request (session, portald->url, "GET", notes_path, token, NULL);
    g_autofree char *paid_at = g_strdup_printf ("%sT12:00:00Z", debit_date);
    JsonArray *items = items_of (notes);
    gboolean noted = FALSE;

    /* the debit ran on its day and was used up */
    assert_problem (schedule, 404, "not_found");
    g_assert_cmpuint (invoice->status, ==, 200);
    g_assert_cmpstr (member (reply_object (invoice), "status"), ==, "paid");
    g_assert_cmpstr (member (reply_object (invoice), "paid_with"), ==, "bank_debit");
    g_assert_cmpstr (member (reply_object (invoice), "paid_at"), ==, paid_at);
    /* and the payment's nota fiscal was scheduled (and, five days later, issued) */
    for (guint i = 0; i < json_array_get_length (items); i++)
      {
        JsonObject *note = json_array_get_object_element (items, i);

        if (g_str_equal (member (note, "invoice_id"), iid))
          {
            GDate due;
            g_autofree char *expected_day = NULL;

            g_assert_true (san_date_parse_iso (debit_date, &due));
            g_date_add_days (&due, 5);
            expected_day = san_date_to_iso (&due);
            g_assert_cmpstr (member (note, "scheduled_for"), ==, expected_day);
            g_assert_cmpstr (member (note, "status"), ==, "issued");
            noted = TRUE;
          }
      }
    g_assert_true (noted);
  }
  g_assert_cmpint (portald_stop (portald), ==, 0);
  temp_dir_remove (dir);
}

/* Authorization */

typedef struct
{
  const char *method;
  const char *suffix;  /* after /api/v1/contracts/{cid}/ */
  const char *body;
} Route;

/* Every paymethods route; ids that exist or not: the 403 comes first */
static const Route routes[] = {
  { "GET",    "bank-accounts", NULL },
  { "POST",   "bank-accounts", "{}" },
  { "DELETE", "bank-accounts/1", NULL },
  { "GET",    "dda", NULL },
  { "PUT",    "dda", "{\"enabled\": true}" },
  { "GET",    "pay-methods", NULL },
  { "PUT",    "pay-methods/default", "{\"method\": \"pix\"}" },
  { "PUT",    "pay-methods/services/1", "{\"method\": \"pix\"}" },
  { "GET",    "fiscal-notes", NULL },
  { "GET",    "fiscal-notes/1", NULL },
  { "GET",    "fiscal-notes/1/pdf", NULL },
  { "GET",    "fiscal-notes/1/xml", NULL },
  { "POST",   "fiscal-notes/1/issue", NULL },
  { "GET",    "invoices/1/debit-schedule", NULL },
  { "PUT",    "invoices/1/debit-schedule", "{}" },
  { "DELETE", "invoices/1/debit-schedule", NULL },
};

static gboolean
route_needs_invoices (const Route *route)
{
  return g_str_has_prefix (route->suffix, "invoices/");
}

static void
assert_forbidden (const char  *token,
                  const char  *cid,
                  const Route *route)
{
  g_autoptr(Reply) reply = call (route->method, token, route->body, "/api/v1/contracts/%s/%s", cid, route->suffix);

  if (reply->status != 403)
    g_error ("%s …/%s/%s: %u, not 403", route->method, cid, route->suffix, reply->status);
  assert_problem (reply, 403, "forbidden");
}

static void
test_authz_viewer (void)
{
  /* Júlia holds only invoices on the Oficina: the debit schedule is hers
   * to see, the rest is not */
  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      if (route_needs_invoices (&routes[i]))
        {
          g_autoptr(Reply) reply = call (routes[i].method, viewer_token, routes[i].body,
                                         "/api/v1/contracts/%s/%s", oficina_cid, routes[i].suffix);

          g_assert_cmpuint (reply->status, !=, 403);
          continue;
        }
      assert_forbidden (viewer_token, oficina_cid, &routes[i]);
    }
}

static void
test_authz_member_without_permissions (void)
{
  /* Ana holds only services on the Oficina */
  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    assert_forbidden (demo_token, oficina_cid, &routes[i]);
}

static void
test_authz_stranger (void)
{
  /* Carlos is no member of Ana's contracts, and Ana none of his */
  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      assert_forbidden (other_token, ana_cid, &routes[i]);
      assert_forbidden (other_token, padaria_cid, &routes[i]);
      assert_forbidden (demo_token, mendes_cid, &routes[i]);
      assert_forbidden (demo_token, "999999", &routes[i]);
    }
}

static void
test_authz_needs_token (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      g_autoptr(Reply) reply = call (routes[i].method, NULL, routes[i].body,
                                     "/api/v1/contracts/%s/%s", padaria_cid, routes[i].suffix);

      assert_problem (reply, 401, "unauthenticated");
    }
}

static void
test_authz_forbidden_changes_nothing (void)
{
  g_autofree char *body = bank_account_body ("341", "1234", "12345-1", "Carlos", "704.215.386-35");
  g_autoptr(Reply) create = call ("POST", other_token, body, "/api/v1/contracts/%s/bank-accounts", ana_cid);
  g_autoptr(Reply) list = call ("GET", demo_token, NULL, "/api/v1/contracts/%s/bank-accounts", ana_cid);
  g_autoptr(Reply) dda = call ("PUT", viewer_token, "{\"enabled\": true}", "/api/v1/contracts/%s/dda", oficina_cid);
  g_autofree char *partner = login (session, URL, "partner@example.com", "partner-1234", NULL);
  g_autoptr(Reply) owner_view = call ("GET", partner, NULL, "/api/v1/contracts/%s/dda", oficina_cid);

  assert_problem (create, 403, "forbidden");
  g_assert_cmpuint (json_array_get_length (items_of (list)), ==, 0);
  assert_problem (dda, 403, "forbidden");
  /* the owner sees DDA still off */
  g_assert_cmpuint (owner_view->status, ==, 200);
  g_assert_false (json_object_get_boolean_member (reply_object (owner_view), "enabled"));
}

int
main (int    argc,
      char **argv)
{
  const char *extra[] = { "--today", TODAY, "--pix-settle-after", "0", NULL };
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/portald/paymethods/bank-accounts/demo-itau-account", test_bank_accounts_demo);
  g_test_add_func ("/portald/paymethods/bank-accounts/create-list-delete", test_bank_accounts_create_delete);
  g_test_add_func ("/portald/paymethods/bank-accounts/check-digits-per-bank", test_bank_accounts_check_digits);
  g_test_add_func ("/portald/paymethods/bank-accounts/validation", test_bank_accounts_validation);
  g_test_add_func ("/portald/paymethods/bank-accounts/cnpj-holder", test_bank_accounts_cnpj_holder);
  g_test_add_func ("/portald/paymethods/bank-accounts/in-use-conflict", test_bank_accounts_in_use);
  g_test_add_func ("/portald/paymethods/debit-schedule/demo-schedule", test_debit_schedule_demo);
  g_test_add_func ("/portald/paymethods/debit-schedule/set-pending-cancel-unpaid", test_debit_schedule_set_cancel);
  g_test_add_func ("/portald/paymethods/debit-schedule/validation", test_debit_schedule_validation);
  g_test_add_func ("/portald/paymethods/debit-schedule/due-today-runs-when-read", test_debit_schedule_today_runs);
  g_test_add_func ("/portald/paymethods/dda/toggle", test_dda_toggle);
  g_test_add_func ("/portald/paymethods/pay-methods/list", test_pay_methods_get);
  g_test_add_func ("/portald/paymethods/pay-methods/default", test_pay_methods_default);
  g_test_add_func ("/portald/paymethods/pay-methods/need-card-or-account", test_pay_methods_need_card_or_account);
  g_test_add_func ("/portald/paymethods/pay-methods/per-service", test_pay_methods_service);
  g_test_add_func ("/portald/paymethods/fiscal-notes/list-newest-first", test_fiscal_notes_list);
  g_test_add_func ("/portald/paymethods/fiscal-notes/one-per-paid-invoice", test_fiscal_notes_paid_invoices);
  g_test_add_func ("/portald/paymethods/fiscal-notes/numbers-unique-sequential", test_fiscal_notes_numbers);
  g_test_add_func ("/portald/paymethods/fiscal-notes/filters", test_fiscal_notes_filters);
  g_test_add_func ("/portald/paymethods/fiscal-notes/pagination", test_fiscal_notes_pagination);
  g_test_add_func ("/portald/paymethods/fiscal-notes/bad-parameters", test_fiscal_notes_bad_parameters);
  g_test_add_func ("/portald/paymethods/fiscal-notes/detail", test_fiscal_notes_detail);
  g_test_add_func ("/portald/paymethods/fiscal-notes/pdf", test_fiscal_notes_pdf);
  g_test_add_func ("/portald/paymethods/fiscal-notes/xml-well-formed", test_fiscal_notes_xml);
  g_test_add_func ("/portald/paymethods/fiscal-notes/pending-documents-conflict", test_fiscal_notes_pending_documents);
  g_test_add_func ("/portald/paymethods/fiscal-notes/issue-early", test_fiscal_notes_issue_early);
  g_test_add_func ("/portald/paymethods/fiscal-notes/lazy-issue-and-debit", test_fiscal_notes_lazy_issue);
  g_test_add_func ("/portald/paymethods/authz/viewer-only-invoices", test_authz_viewer);
  g_test_add_func ("/portald/paymethods/authz/member-without-permissions", test_authz_member_without_permissions);
  g_test_add_func ("/portald/paymethods/authz/stranger", test_authz_stranger);
  g_test_add_func ("/portald/paymethods/authz/needs-token", test_authz_needs_token);
  g_test_add_func ("/portald/paymethods/authz/forbidden-changes-nothing", test_authz_forbidden_changes_nothing);

  server = san_test_server_start (TRUE, extra);
  session = test_session_new (NULL);
  demo_token = login (session, URL, "demo@example.com", "demo-1234", NULL);
  other_token = login (session, URL, "other@example.com", "other-1234", NULL);
  viewer_token = login (session, URL, "viewer@example.com", "viewer-1234", NULL);
  ana_cid = me_contract_id (session, URL, demo_token, "Ana Souza");
  padaria_cid = me_contract_id (session, URL, demo_token, "Padaria Pão Quente Ltda");
  oficina_cid = me_contract_id (session, URL, demo_token, "Oficina Ribeiro ME");
  mendes_cid = me_contract_id (session, URL, other_token, "Carlos Mendes");

  status = g_test_run ();

  g_free (ana_cid);
  g_free (padaria_cid);
  g_free (oficina_cid);
  g_free (mendes_cid);
  g_free (demo_token);
  g_free (other_token);
  g_free (viewer_token);
  g_clear_object (&session);
  g_clear_pointer (&server, san_test_server_stop);
  return status;
}
