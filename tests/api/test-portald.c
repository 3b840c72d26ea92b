/* test-portald.c: SanClient against the real san-portald (demo data, a
 * fresh database and a free port per test)
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "san-api-test.h"
#include "san-document.h"
#include "san-test-server.h"

#define DEMO_EMAIL       "demo@example.com"
#define DEMO_PASSWORD    "demo-1234"
#define OTHER_EMAIL      "other@example.com"
#define OTHER_PASSWORD   "other-1234"
#define PARTNER_EMAIL    "partner@example.com"
#define PARTNER_PASSWORD "partner-1234"

typedef struct
{
  SanTestServer *server;
  SanTokenStore *store;
  SanClient     *client;
  guint          signed_out_count;
} Fixture;

static void
on_signed_out_cb (SanClient *client,
                  Fixture   *f)
{
  f->signed_out_count++;
}

static void
fixture_start (Fixture            *f,
               const char * const *extra_args)
{
  f->server = san_test_server_start (TRUE, extra_args);
  f->store = san_memory_token_store_new ();
  f->client = test_client_new (san_test_server_get_url (f->server), f->store);
  g_signal_connect (f->client, "signed-out", G_CALLBACK (on_signed_out_cb), f);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  fixture_start (f, NULL);
}

static void
fixture_set_up_short_ttl (Fixture       *f,
                          gconstpointer  data)
{
  const char * const args[] = { "--access-ttl", "1", NULL };

  fixture_start (f, args);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->client);
  g_assert_finalize_object (f->store);
  san_test_server_stop (f->server);
}

/* Synchronous helpers (they run the main loop) */

static gboolean
login (SanClient   *client,
       const char  *email,
       const char  *password,
       GError     **error)
{
  RUN (san_client_login_async (client, email, password, NULL, waiter_cb, &waiter));
  return san_client_login_finish (client, result, error);
}

static SanPage *
list_services (SanClient              *client,
               const char             *contract_id,
               const SanServiceStatus *status,
               const char             *search,
               const char             *cursor,
               guint                   limit,
               GError                **error)
{
  RUN (san_client_list_services_async (client, contract_id, status, search, cursor, limit,
                                       NULL, waiter_cb, &waiter));
  return san_client_list_services_finish (client, result, error);
}

static GListModel *
list_all (SanClient   *client,
          const char  *contract_id,
          GError     **error)
{
  RUN (san_client_list_all_services_async (client, contract_id, NULL, waiter_cb, &waiter));
  return san_client_list_all_services_finish (client, result, error);
}

static SanService *
get_service (SanClient   *client,
             const char  *contract_id,
             const char  *service_id,
             GError     **error)
{
  RUN (san_client_get_service_async (client, contract_id, service_id, NULL, waiter_cb, &waiter));
  return san_client_get_service_finish (client, result, error);
}

static void
demo_login (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (login (f->client, DEMO_EMAIL, DEMO_PASSWORD, &error));
  g_assert_no_error (error);
}

/* A SanTokenStore holding a copy of what @store holds for @server */
static SanTokenStore *
copy_store (SanTokenStore *store,
            const char    *server)
{
  g_autoptr(SanTokens) tokens = test_store_load (store, server);
  g_autoptr(GAsyncResult) result = NULL;
  SanTokenStore *copy = san_memory_token_store_new ();
  Waiter waiter = { 0 };

  g_assert_nonnull (tokens);
  san_token_store_save_async (copy, server, tokens, NULL, waiter_cb, &waiter);
  result = waiter_wait (&waiter);
  g_assert_true (san_token_store_save_finish (copy, result, NULL));
  return copy;
}

/* Sign-in */

static void
test_login_ok (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SanTokens) kept = NULL;

  demo_login (f);
  g_assert_true (san_client_get_signed_in (f->client));
  g_assert_cmpstr (san_client_get_email (f->client), ==, DEMO_EMAIL);
  kept = test_store_load (f->store, san_client_get_base_uri (f->client));
  g_assert_nonnull (kept);
  g_assert_cmpstr (kept->email, ==, DEMO_EMAIL);
  /* 256-bit random tokens: long */
  g_assert_cmpuint (strlen (kept->access_token), >=, 32);
  g_assert_cmpuint (strlen (kept->refresh_token), >=, 32);
  g_assert_cmpstr (kept->access_token, !=, kept->refresh_token);
}

static void
test_login_wrong_password (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) unknown_error = NULL;

  g_assert_false (login (f->client, DEMO_EMAIL, "demo-12345", &error));
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_UNAUTHORIZED);
  /* An unknown e-mail gets the same answer */
  g_assert_false (login (f->client, "nobody@example.com", DEMO_PASSWORD, &unknown_error));
  g_assert_error (unknown_error, SAN_API_ERROR, SAN_API_ERROR_UNAUTHORIZED);
  g_assert_cmpstr (error->message, ==, unknown_error->message);
  g_assert_false (san_client_get_signed_in (f->client));
  g_assert_null (test_store_load (f->store, san_client_get_base_uri (f->client)));
}

/* 5 failures per account: then 429 with "try again in N minutes" (the
 * window is 15 minutes), even with the right password */
static void
test_login_rate_limited (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint attempts = 0;

  for (;;)
    {
      g_clear_error (&error);
      g_assert_false (login (f->client, DEMO_EMAIL, "wrong", &error));
      attempts++;
      if (!g_error_matches (error, SAN_API_ERROR, SAN_API_ERROR_UNAUTHORIZED))
        break;
      g_assert_cmpuint (attempts, <=, 5);
    }
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_RATE_LIMITED);
  g_assert_cmpuint (attempts, ==, 6);
  g_assert_nonnull (strstr (error->message, "Try again in "));
  g_assert_nonnull (strstr (error->message, " minute"));

  g_clear_error (&error);
  g_assert_false (login (f->client, DEMO_EMAIL, DEMO_PASSWORD, &error));
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_RATE_LIMITED);
  g_assert_false (san_client_get_signed_in (f->client));

  /* Another account is not locked out by it */
  g_clear_error (&error);
  g_assert_true (login (f->client, PARTNER_EMAIL, PARTNER_PASSWORD, &error));
  g_assert_no_error (error);
}

/* /me */

static void
test_me (Fixture       *f,
         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanMe) me = NULL;
  const char *names[] = { "Ana Souza", "Padaria Pão Quente Ltda", "Oficina Ribeiro ME" };
  GListModel *contracts;

  demo_login (f);
  me = test_client_fetch_me (f->client, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (san_user_get_email (san_me_get_user (me)), ==, DEMO_EMAIL);
  g_assert_cmpstr (san_user_get_display_name (san_me_get_user (me)), ==, "Ana Souza");

  contracts = san_me_get_contracts (me);
  g_assert_cmpuint (g_list_model_get_n_items (contracts), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(SanContract) contract = NULL;
      SanDocumentKind kind;
      guint n = g_list_model_get_n_items (contracts);
      guint j;

      for (j = 0; j < n; j++)
        {
          g_autoptr(SanContract) candidate = g_list_model_get_item (contracts, j);

          if (g_str_equal (san_contract_get_name (candidate), names[i]))
            contract = g_steal_pointer (&candidate);
        }
      g_assert_nonnull (contract);
      g_assert_true (san_me_find_contract (me, san_contract_get_id (contract)) == contract);

      /* A valid CPF for the person, CNPJs for the companies */
      g_assert_true (san_document_validate (san_contract_get_document (contract), &kind, NULL, NULL));
      g_assert_cmpint (kind, ==, i == 0 ? SAN_DOCUMENT_CPF : SAN_DOCUMENT_CNPJ);

      if (i < 2)
        {
          g_assert_true (san_contract_get_owner (contract));
          g_assert_true (san_contract_has_permission (contract, SAN_PERMISSION_MANAGE_SERVICES));
          g_assert_true (san_contract_has_permission (contract, SAN_PERMISSION_INVOICES));
          g_assert_cmpuint (g_strv_length ((char **) san_contract_get_permissions (contract)), ==, 11);
        }
      else
        {
          const char * const *permissions = san_contract_get_permissions (contract);

          g_assert_false (san_contract_get_owner (contract));
          g_assert_cmpuint (g_strv_length ((char **) permissions), ==, 1);
          g_assert_cmpstr (permissions[0], ==, SAN_PERMISSION_SERVICES);
          g_assert_false (san_contract_has_permission (contract, SAN_PERMISSION_MANAGE_SERVICES));
        }
    }
}

/* Services */

static void
test_services_list_all (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanMe) me = NULL;
  gboolean statuses[5] = { FALSE, };
  gboolean kinds[3] = { FALSE, };
  guint total = 0;

  demo_login (f);
  me = test_client_fetch_me (f->client, &error);
  g_assert_no_error (error);

  for (guint c = 0; c < g_list_model_get_n_items (san_me_get_contracts (me)); c++)
    {
      g_autoptr(SanContract) contract = g_list_model_get_item (san_me_get_contracts (me), c);
      g_autoptr(GListModel) all = list_all (f->client, san_contract_get_id (contract), &error);
      g_autoptr(SanPage) first = NULL;
      g_autofree char *previous_id = NULL;

      g_assert_no_error (error);
      first = list_services (f->client, san_contract_get_id (contract), NULL, NULL, NULL, 0, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (san_page_get_total (first), ==, g_list_model_get_n_items (all));

      for (guint i = 0; i < g_list_model_get_n_items (all); i++)
        {
          g_autoptr(SanService) service = g_list_model_get_item (all, i);

          g_assert_cmpstr (san_service_get_contract_id (service), ==, san_contract_get_id (contract));
          g_assert_cmpint (san_service_get_price_cents (service), >, 0);
          g_assert_nonnull (san_service_get_status_since (service));
          statuses[san_service_get_status (service)] = TRUE;
          kinds[san_service_get_kind (service)] = TRUE;
          /* No service twice */
          g_assert_cmpstr (san_service_get_id (service), !=, previous_id);
          g_free (previous_id);
          previous_id = g_strdup (san_service_get_id (service));
        }
      total += g_list_model_get_n_items (all);
    }

  g_assert_cmpuint (total, >, 0);
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    g_assert_true (statuses[i]);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    g_assert_true (kinds[i]);
}

static void
test_services_status_filter (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contract_id = NULL;
  g_autoptr(GListModel) all = NULL;
  guint sum = 0;

  demo_login (f);
  contract_id = test_client_contract_id (f->client, "Padaria Pão Quente Ltda");
  all = list_all (f->client, contract_id, &error);
  g_assert_no_error (error);

  for (SanServiceStatus status = SAN_SERVICE_STATUS_PENDING; status <= SAN_SERVICE_STATUS_TERMINATED; status++)
    {
      g_autoptr(SanPage) page = list_services (f->client, contract_id, &status, NULL, NULL, 100, &error);
      GListModel *items;
      guint expected = 0;

      g_assert_no_error (error);
      items = san_page_get_items (page);
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(SanService) service = g_list_model_get_item (items, i);

          g_assert_cmpint (san_service_get_status (service), ==, status);
        }
      for (guint i = 0; i < g_list_model_get_n_items (all); i++)
        {
          g_autoptr(SanService) service = g_list_model_get_item (all, i);

          if (san_service_get_status (service) == status)
            expected++;
        }
      g_assert_cmpuint (g_list_model_get_n_items (items), ==, expected);
      g_assert_cmpuint (san_page_get_total (page), ==, expected);
      sum += expected;
    }
  g_assert_cmpuint (sum, ==, g_list_model_get_n_items (all));
}

static gboolean
contains_casefold (const char *haystack,
                   const char *needle)
{
  g_autofree char *h = g_utf8_casefold (haystack, -1);
  g_autofree char *n = g_utf8_casefold (needle, -1);

  return strstr (h, n) != NULL;
}

static void
test_services_search (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contract_id = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(SanPage) page = NULL;
  g_autoptr(SanPage) none = NULL;
  g_autofree char *needle = NULL;
  g_autofree char *target_id = NULL;
  gboolean found = FALSE;
  GListModel *items;

  demo_login (f);
  contract_id = test_client_contract_id (f->client, "Padaria Pão Quente Ltda");
  all = list_all (f->client, contract_id, &error);
  g_assert_no_error (error);

  /* Part of a domain, in upper case */
  for (guint i = 0; i < g_list_model_get_n_items (all) && needle == NULL; i++)
    {
      g_autoptr(SanService) service = g_list_model_get_item (all, i);
      const char *domain = san_service_get_domain (service);

      if (strlen (domain) >= 6)
        {
          g_autofree char *part = g_strndup (domain + 1, 4);

          needle = g_ascii_strup (part, -1);
          target_id = g_strdup (san_service_get_id (service));
        }
    }
  g_assert_nonnull (needle);

  page = list_services (f->client, contract_id, NULL, needle, NULL, 100, &error);
  g_assert_no_error (error);
  items = san_page_get_items (page);
  g_assert_cmpuint (g_list_model_get_n_items (items), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SanService) service = g_list_model_get_item (items, i);

      g_assert_true (contains_casefold (san_service_get_domain (service), needle) ||
                     contains_casefold (san_service_get_product (service), needle) ||
                     contains_casefold (san_service_get_plan (service), needle));
      if (g_str_equal (san_service_get_id (service), target_id))
        found = TRUE;
    }
  g_assert_true (found);

  /* Characters that need escaping, matching nothing */
  none = list_services (f->client, contract_id, NULL, "zz&q=%25#/?ç", NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (san_page_get_items (none)), ==, 0);
  g_assert_cmpuint (san_page_get_total (none), ==, 0);
  g_assert_null (san_page_get_next_cursor (none));
}

static void
test_services_pagination (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contract_id = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autofree char *cursor = NULL;
  guint seen = 0;
  guint pages = 0;

  demo_login (f);
  contract_id = test_client_contract_id (f->client, "Padaria Pão Quente Ltda");
  all = list_all (f->client, contract_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), >=, 3);

  do
    {
      g_autoptr(SanPage) page = list_services (f->client, contract_id, NULL, NULL, cursor, 2, &error);
      GListModel *items;

      g_assert_no_error (error);
      items = san_page_get_items (page);
      g_assert_cmpuint (g_list_model_get_n_items (items), <=, 2);
      g_assert_cmpuint (san_page_get_total (page), ==, g_list_model_get_n_items (all));
      for (guint i = 0; i < g_list_model_get_n_items (items); i++, seen++)
        {
          g_autoptr(SanService) service = g_list_model_get_item (items, i);
          g_autoptr(SanService) expected = g_list_model_get_item (all, seen);

          g_assert_cmpstr (san_service_get_id (service), ==, san_service_get_id (expected));
        }
      g_free (cursor);
      cursor = g_strdup (san_page_get_next_cursor (page));
      pages++;
      g_assert_cmpuint (pages, <, 100);
    }
  while (cursor != NULL);

  g_assert_cmpuint (seen, ==, g_list_model_get_n_items (all));
  g_assert_cmpuint (pages, ==, (seen + 1) / 2);
}

static void
test_services_bad_query (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) limit_error = NULL;
  g_autoptr(GError) cursor_error = NULL;
  g_autoptr(SanPage) page = NULL;
  g_autoptr(SanPage) page2 = NULL;
  g_autofree char *contract_id = NULL;

  demo_login (f);
  contract_id = test_client_contract_id (f->client, "Ana Souza");
  page = list_services (f->client, contract_id, NULL, NULL, NULL, 101, &limit_error);
  g_assert_error (limit_error, SAN_API_ERROR, SAN_API_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (limit_error->message, "limit"));
  g_assert_null (page);

  page2 = list_services (f->client, contract_id, NULL, NULL, "not-a-cursor", 0, &cursor_error);
  g_assert_error (cursor_error, SAN_API_ERROR, SAN_API_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (cursor_error->message, "cursor"));
  g_assert_true (san_client_get_signed_in (f->client));
}

static void
test_services_detail (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contract_id = NULL;
  g_autoptr(GListModel) all = NULL;

  demo_login (f);
  contract_id = test_client_contract_id (f->client, "Padaria Pão Quente Ltda");
  all = list_all (f->client, contract_id, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(SanService) listed = g_list_model_get_item (all, i);
      g_autoptr(SanService) service = get_service (f->client, contract_id, san_service_get_id (listed), &error);
      const GDate *due_a, *due_b;

      g_assert_no_error (error);
      g_assert_cmpstr (san_service_get_id (service), ==, san_service_get_id (listed));
      g_assert_cmpstr (san_service_get_domain (service), ==, san_service_get_domain (listed));
      g_assert_cmpstr (san_service_get_plan (service), ==, san_service_get_plan (listed));
      g_assert_cmpint (san_service_get_status (service), ==, san_service_get_status (listed));
      g_assert_cmpint (san_service_get_price_cents (service), ==, san_service_get_price_cents (listed));
      due_a = san_service_get_next_due_date (service);
      due_b = san_service_get_next_due_date (listed);
      g_assert_true ((due_a == NULL) == (due_b == NULL));
      if (due_a != NULL)
        g_assert_cmpint (g_date_compare (due_a, due_b), ==, 0);
      g_assert_true ((san_service_get_instance (service) == NULL) ==
                     (san_service_get_instance (listed) == NULL));
      if (san_service_get_instance (service) != NULL)
        g_assert_cmpstr (san_instance_get_hostname (san_service_get_instance (service)), ==,
                         san_instance_get_hostname (san_service_get_instance (listed)));
    }
}

/* A contract the demo user is not a member of: 403, for the list and for a
 * service by id; a service of it asked through an own contract: 404 */
static void
test_services_other_contract (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanTokenStore) other_store = san_memory_token_store_new ();
  g_autoptr(SanClient) other = test_client_new (san_test_server_get_url (f->server), other_store);
  g_autoptr(SanMe) other_me = NULL;
  g_autoptr(SanContract) other_contract = NULL;
  g_autoptr(GListModel) other_services = NULL;
  g_autoptr(SanService) other_service = NULL;
  g_autoptr(SanPage) page = NULL;
  g_autoptr(SanService) service = NULL;
  g_autoptr(SanService) through_own = NULL;
  g_autoptr(GError) list_error = NULL;
  g_autoptr(GError) get_error = NULL;
  g_autoptr(GError) own_error = NULL;
  g_autofree char *own_contract = NULL;

  g_assert_true (login (other, OTHER_EMAIL, OTHER_PASSWORD, &error));
  other_me = test_client_fetch_me (other, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (san_me_get_contracts (other_me)), >=, 1);
  other_contract = g_list_model_get_item (san_me_get_contracts (other_me), 0);
  other_services = list_all (other, san_contract_get_id (other_contract), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (other_services), >=, 1);
  other_service = g_list_model_get_item (other_services, 0);

  demo_login (f);
  g_assert_null (san_me_find_contract (test_client_fetch_me (f->client, &error), "x"));
  page = list_services (f->client, san_contract_get_id (other_contract), NULL, NULL, NULL, 0, &list_error);
  g_assert_error (list_error, SAN_API_ERROR, SAN_API_ERROR_FORBIDDEN);
  g_assert_null (page);

  service = get_service (f->client, san_contract_get_id (other_contract),
                         san_service_get_id (other_service), &get_error);
  g_assert_error (get_error, SAN_API_ERROR, SAN_API_ERROR_FORBIDDEN);
  g_assert_null (service);

  own_contract = test_client_contract_id (f->client, "Ana Souza");
  through_own = get_service (f->client, own_contract, san_service_get_id (other_service), &own_error);
  g_assert_error (own_error, SAN_API_ERROR, SAN_API_ERROR_NOT_FOUND);
  g_assert_null (through_own);

  /* None of it ends the session */
  g_assert_true (san_client_get_signed_in (f->client));
  g_assert_cmpuint (f->signed_out_count, ==, 0);
}

static void
test_services_unknown (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) forbidden = NULL;
  g_autoptr(SanService) service = NULL;
  g_autoptr(SanPage) page = NULL;
  g_autofree char *contract_id = NULL;

  demo_login (f);
  contract_id = test_client_contract_id (f->client, "Ana Souza");
  service = get_service (f->client, contract_id, "999999", &error);
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_NOT_FOUND);
  g_assert_null (service);

  /* An unknown contract reads like someone else's: 403 */
  page = list_services (f->client, "999999", NULL, NULL, NULL, 0, &forbidden);
  g_assert_error (forbidden, SAN_API_ERROR, SAN_API_ERROR_FORBIDDEN);
}

/* A member with only "services" sees the services */
static void
test_services_member (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contract_id = NULL;
  g_autoptr(GListModel) all = NULL;

  demo_login (f);
  contract_id = test_client_contract_id (f->client, "Oficina Ribeiro ME");
  all = list_all (f->client, contract_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), >, 0);
}

/* The session */

/* The access token expires (--access-ttl 1): the next call refreshes by
 * itself, and the rotated tokens are kept */
static void
test_session_expiry_refresh (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanTokens) before = NULL;
  g_autoptr(SanTokens) after = NULL;
  g_autoptr(SanMe) me = NULL;
  g_autoptr(SanTokenStore) stale_store = NULL;
  g_autoptr(SanClient) stale = NULL;
  g_autoptr(GError) stale_error = NULL;

  demo_login (f);
  before = test_store_load (f->store, san_client_get_base_uri (f->client));
  stale_store = copy_store (f->store, san_client_get_base_uri (f->client));
  test_sleep_ms (2100);

  me = test_client_fetch_me (f->client, &error);
  g_assert_no_error (error);
  g_assert_nonnull (me);
  g_assert_true (san_client_get_signed_in (f->client));
  g_assert_cmpuint (f->signed_out_count, ==, 0);

  after = test_store_load (f->store, san_client_get_base_uri (f->client));
  g_assert_nonnull (after);
  g_assert_cmpstr (after->access_token, !=, before->access_token);
  g_assert_cmpstr (after->refresh_token, !=, before->refresh_token);

  /* The rotated-out tokens no longer work anywhere */
  stale = test_client_new (san_test_server_get_url (f->server), stale_store);
  g_assert_false (test_client_restore (stale, &stale_error));
  g_assert_error (stale_error, SAN_API_ERROR, SAN_API_ERROR_NOT_SIGNED_IN);
  g_assert_null (test_store_load (stale_store, san_client_get_base_uri (stale)));
}

static void
test_session_logout (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) me_error = NULL;
  g_autoptr(GError) list_error = NULL;
  g_autoptr(GError) stale_error = NULL;
  g_autoptr(SanTokenStore) stale_store = NULL;
  g_autoptr(SanClient) stale = NULL;
  g_autoptr(SanMe) me = NULL;
  g_autoptr(SanPage) page = NULL;
  g_autofree char *contract_id = NULL;

  demo_login (f);
  contract_id = test_client_contract_id (f->client, "Ana Souza");
  stale_store = copy_store (f->store, san_client_get_base_uri (f->client));

  g_assert_true (test_client_logout (f->client, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->signed_out_count, ==, 1);
  g_assert_false (san_client_get_signed_in (f->client));
  g_assert_null (test_store_load (f->store, san_client_get_base_uri (f->client)));

  me = test_client_fetch_me (f->client, &me_error);
  g_assert_error (me_error, SAN_API_ERROR, SAN_API_ERROR_NOT_SIGNED_IN);
  page = list_services (f->client, contract_id, NULL, NULL, NULL, 0, &list_error);
  g_assert_error (list_error, SAN_API_ERROR, SAN_API_ERROR_NOT_SIGNED_IN);

  /* The server revoked both tokens: a copy made before is worthless */
  stale = test_client_new (san_test_server_get_url (f->server), stale_store);
  g_assert_false (test_client_restore (stale, &stale_error));
  g_assert_error (stale_error, SAN_API_ERROR, SAN_API_ERROR_NOT_SIGNED_IN);
}

/* The next run: a new client on the same store */
static void
test_session_restore (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanClient) second = NULL;
  g_autoptr(SanMe) me = NULL;

  demo_login (f);
  second = test_client_new (san_test_server_get_url (f->server), f->store);
  g_assert_true (test_client_restore (second, &error));
  g_assert_no_error (error);
  g_assert_true (san_client_get_signed_in (second));
  g_assert_cmpstr (san_client_get_email (second), ==, DEMO_EMAIL);
  me = test_client_fetch_me (second, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (san_me_get_contracts (me)), ==, 3);
}

/* The server is gone: a network error, and the session is kept */
static void
test_session_restore_unreachable (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanClient) second = NULL;
  g_autoptr(SanTokens) kept = NULL;

  demo_login (f);
  second = test_client_new (san_test_server_get_url (f->server), f->store);
  g_clear_pointer (&f->server, san_test_server_stop);
  f->server = san_test_server_start (TRUE, NULL);   /* another port: the old one is closed */

  g_assert_false (test_client_restore (second, &error));
  g_assert_error (error, SAN_API_ERROR, SAN_API_ERROR_NETWORK);
  kept = test_store_load (f->store, san_client_get_base_uri (second));
  g_assert_nonnull (kept);
}

int
main (int   argc,
      char *argv[])
{
  /* With isolated dirs there are no GSettings schemas, which GIO's GNOME
   * proxy resolver needs: talk to the loopback servers directly */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/api/portald/login/ok", test_login_ok);
  ADD ("/api/portald/login/wrong-password", test_login_wrong_password);
  ADD ("/api/portald/login/rate-limited", test_login_rate_limited);
  ADD ("/api/portald/me", test_me);
  ADD ("/api/portald/services/list-all", test_services_list_all);
  ADD ("/api/portald/services/status-filter", test_services_status_filter);
  ADD ("/api/portald/services/search", test_services_search);
  ADD ("/api/portald/services/pagination", test_services_pagination);
  ADD ("/api/portald/services/bad-query", test_services_bad_query);
  ADD ("/api/portald/services/detail", test_services_detail);
  ADD ("/api/portald/services/other-contract", test_services_other_contract);
  ADD ("/api/portald/services/unknown", test_services_unknown);
  ADD ("/api/portald/services/member", test_services_member);
  g_test_add ("/api/portald/session/expiry-refresh", Fixture, NULL,
              fixture_set_up_short_ttl, test_session_expiry_refresh, fixture_tear_down);
  ADD ("/api/portald/session/logout", test_session_logout);
  ADD ("/api/portald/session/restore", test_session_restore);
  ADD ("/api/portald/session/restore-unreachable", test_session_restore_unreachable);

#undef ADD

  return g_test_run ();
}
