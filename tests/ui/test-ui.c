/* test-ui.c: the real app, in-process under Xvfb, against a real san-portald:
 * sign in, browse the services, switch contract, filter and search, restart
 * signed in, sign out; screenshots of each screen
 *
 * The app is driven through its widgets (found by their template ids) and
 * checked against what the server answers to a separate SanClient.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "san-api.h"
#include "san-document.h"
#include "san-money.h"
#include "san-date.h"
#include "san-service-detail.h"
#include "san-service-labels.h"
#include "san-sign-in-page.h"
#include "san-test-server.h"
#include "ui-test-helpers.h"

#define DEMO_EMAIL    "demo@example.com"
#define DEMO_PASSWORD "demo-1234"
#define TIMEOUT       30

typedef struct
{
  SanTestServer *server;
  SanClient     *oracle;   /* what the server says, asked directly */
  SanMe         *me;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->server = san_test_server_start (TRUE, NULL);
  fixture->oracle = ui_signed_in_client (san_test_server_get_url (fixture->server),
                                         DEMO_EMAIL, DEMO_PASSWORD);
  fixture->me = ui_fetch_me (fixture->oracle);
  g_assert_cmpuint (g_list_model_get_n_items (san_me_get_contracts (fixture->me)), >=, 2);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->me);
  g_clear_object (&fixture->oracle);
  g_clear_pointer (&fixture->server, san_test_server_stop);
}

static const char *
server_url (Fixture *fixture)
{
  return san_test_server_get_url (fixture->server);
}

static SanContract *
contract_at (Fixture *fixture,
             guint    position)
{
  g_autoptr(SanContract) contract =
    g_list_model_get_item (san_me_get_contracts (fixture->me), position);

  return contract;   /* still owned by the model */
}

/* The ids of the services the server lists for these filters */
static GPtrArray *
oracle_service_ids (Fixture          *fixture,
                    SanContract      *contract,
                    int               status,
                    const char       *search)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SanPage) page = NULL;
  SanServiceStatus st = status;
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  GListModel *items;

  san_client_list_services_async (fixture->oracle, san_contract_get_id (contract),
                                  status >= 0 ? &st : NULL, search, NULL, 100, NULL,
                                  ui_result_cb, &result);
  page = san_client_list_services_finish (fixture->oracle, ui_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_null (san_page_get_next_cursor (page));

  items = san_page_get_items (page);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SanService) service = g_list_model_get_item (items, i);

      g_ptr_array_add (ids, g_strdup (san_service_get_id (service)));
    }
  return ids;
}

/* The app's widgets */

static GListModel *
shown_services (GtkWindow *window)
{
  GtkWidget *page = ui_find (GTK_WIDGET (window), "services_page");

  return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (ui_find (page, "list_view"))));
}

/* The shown services are exactly @ids (in any order) */
static void
assert_shown_ids (GtkWindow *window,
                  GPtrArray *ids)
{
  GListModel *model = shown_services (window);
  guint n = g_list_model_get_n_items (model);

  g_assert_cmpuint (n, ==, ids->len);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SanService) service = g_list_model_get_item (model, i);

      g_assert_true (g_ptr_array_find_with_equal_func (ids, san_service_get_id (service),
                                                       g_str_equal, NULL));
    }
}

static void
wait_shown_ids (GtkWindow *window,
                GPtrArray *ids)
{
  ui_wait_list_ids (ui_find (ui_find (GTK_WIDGET (window), "services_page"), "list_view"), ids,
                    FALSE, TIMEOUT, "the services list to show the server's services");
  assert_shown_ids (window, ids);
}

static void
sign_in (GtkWindow  *window,
         const char *server,
         const char *email,
         const char *password)
{
  GtkWidget *page;

  ui_wait_stack_page (GTK_WIDGET (window), "stack", "sign-in", TIMEOUT);
  page = ui_find (GTK_WIDGET (window), "sign_in_page");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_find (page, "server_row"))), ==,
                   server);
  ui_type (ui_find (page, "email_row"), email);
  ui_type (ui_find (page, "password_row"), password);
  ui_click (ui_find (page, "sign_in_button"));
}

/* /ui/sign-in/wrong-password */

static void
wrong_password_body (SanApplication *app,
                     GtkWindow      *window,
                     gpointer        user_data)
{
  Fixture *fixture = user_data;
  GtkWidget *page;
  GtkWidget *error_label;

  sign_in (window, server_url (fixture), DEMO_EMAIL, "");
  page = ui_find (GTK_WIDGET (window), "sign_in_page");
  error_label = ui_find (page, "error_label");

  /* An empty password is caught before asking the server */
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==, "Enter your password.");

  ui_type (ui_find (page, "email_row"), "");
  ui_type (ui_find (page, "password_row"), "");
  san_sign_in_page_set_error (SAN_SIGN_IN_PAGE (page), NULL);
  ui_screenshot (window, "sign-in");

  /* Enter in the password field submits */
  ui_type (ui_find (page, "email_row"), DEMO_EMAIL);
  ui_type (ui_find (page, "password_row"), "not-the-password");
  ui_press_enter (ui_find (page, "password_row"));
  g_assert_false (gtk_widget_get_sensitive (ui_find (page, "fields_group")));
  g_assert_true (gtk_widget_get_visible (ui_find (page, "spinner")));

  while (!gtk_widget_get_visible (error_label) ||
         !gtk_widget_get_sensitive (ui_find (page, "fields_group")))
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==,
                   "The e-mail or the password is wrong.");
  g_assert_cmpstr (ui_stack_page (GTK_WIDGET (window), "stack"), ==, "sign-in");
  /* Nothing typed is lost */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_find (page, "server_row"))), ==,
                   server_url (fixture));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_find (page, "email_row"))), ==,
                   DEMO_EMAIL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_find (page, "password_row"))), ==,
                   "not-the-password");
  g_assert_false (gtk_widget_get_visible (ui_find (page, "spinner")));
  g_assert_true (gtk_widget_get_sensitive (ui_find (page, "sign_in_button")));
  ui_screenshot (window, "sign-in-error");

  /* Enter in the e-mail field submits too; the right password signs in */
  ui_type (ui_find (page, "password_row"), DEMO_PASSWORD);
  ui_press_enter (ui_find (page, "email_row"));
  ui_wait_stack_page (GTK_WIDGET (window), "stack", "main", TIMEOUT);
  g_assert_false (gtk_widget_get_visible (error_label));
  /* The password does not stay in the form */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_find (page, "password_row"))), ==, "");
}

static void
test_wrong_password (Fixture       *fixture,
                     gconstpointer  data)
{
  ui_run_app (server_url (fixture), wrong_password_body, fixture);
}

/* /ui/sign-in/insecure-server */

static void
insecure_body (SanApplication *app,
               GtkWindow      *window,
               gpointer        user_data)
{
  GtkWidget *page;
  GtkWidget *error_label;

  sign_in (window, "http://portal.example.com", DEMO_EMAIL, DEMO_PASSWORD);
  page = ui_find (GTK_WIDGET (window), "sign_in_page");
  error_label = ui_find (page, "error_label");

  /* Refused before anything is sent: the error is there at once */
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "https://"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_find (page, "password_row"))), ==,
                   DEMO_PASSWORD);
  g_assert_cmpstr (ui_stack_page (GTK_WIDGET (window), "stack"), ==, "sign-in");
}

static void
test_insecure_server (Fixture       *fixture,
                      gconstpointer  data)
{
  ui_run_app ("http://portal.example.com", insecure_body, fixture);
}

/* /ui/services/browse */

static gboolean
widget_is_visible (gpointer data)
{
  return gtk_widget_get_visible (data);
}

static int
find_position_with_status (GListModel       *model,
                           SanServiceStatus  status)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SanService) service = g_list_model_get_item (model, i);

      if (san_service_get_status (service) == status)
        return (int) i;
    }
  return -1;
}

static void
check_detail (GtkWindow  *window,
              SanService *service)
{
  GtkWidget *detail = ui_find (GTK_WIDGET (window), "detail");
  g_autofree char *price = san_money_format_brl (san_service_get_price_cents (service));
  SanInstance *instance = san_service_get_instance (service);

  g_assert_cmpstr (ui_stack_page (GTK_WIDGET (window), "detail_stack"), ==, "detail");
  g_assert_true (san_service_detail_get_service (SAN_SERVICE_DETAIL (detail)) == service);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ui_find (detail, "title_label"))), ==,
                   san_service_get_title (service));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ui_find (detail, "status_label"))), ==,
                   san_service_status_label (san_service_get_status (service)));
  g_assert_cmpstr (ui_row_subtitle (detail, "plan_row"), ==, san_service_get_plan (service));
  g_assert_cmpstr (ui_row_subtitle (detail, "kind_row"), ==,
                   san_service_kind_label (san_service_get_kind (service)));
  g_assert_cmpstr (ui_row_subtitle (detail, "support_row"), ==,
                   san_support_level_label (san_service_get_support_level (service)));
  g_assert_cmpstr (ui_row_subtitle (detail, "payment_row"), ==,
                   san_payment_method_label (san_service_get_payment_method (service)));
  g_assert_true (g_str_has_prefix (ui_row_subtitle (detail, "price_row"), price));
  g_assert_true (strstr (ui_row_subtitle (detail, "price_row"), "per month") != NULL);
  if (san_service_get_billing_cycle (service) == SAN_BILLING_CYCLE_ANNUAL)
    g_assert_true (strstr (ui_row_subtitle (detail, "price_row"), "billed 12 months at once") != NULL);
  if (san_service_get_next_due_date (service) != NULL)
    {
      g_autofree char *due = san_date_format (san_service_get_next_due_date (service));

      g_assert_cmpstr (ui_row_subtitle (detail, "due_row"), ==, due);
    }
  g_assert_cmpint (gtk_widget_get_visible (ui_find (detail, "hostname_row")), ==, instance != NULL);
  if (instance != NULL)
    {
      g_assert_cmpstr (ui_row_subtitle (detail, "instance_name_row"), ==, san_instance_get_name (instance));
      g_assert_cmpstr (ui_row_subtitle (detail, "hostname_row"), ==, san_instance_get_hostname (instance));
      g_assert_cmpstr (ui_row_subtitle (detail, "region_row"), ==, san_instance_get_region (instance));
    }
}

static void
browse_body (SanApplication *app,
             GtkWindow      *window,
             gpointer        user_data)
{
  Fixture *fixture = user_data;
  GtkWidget *root = GTK_WIDGET (window);
  g_autoptr(GPtrArray) all_ids = NULL;
  g_autoptr(GPtrArray) active_ids = NULL;
  g_autoptr(GPtrArray) search_ids = NULL;
  g_autoptr(GPtrArray) suspended_ids = NULL;
  g_autoptr(GPtrArray) other_ids = NULL;
  g_autoptr(SanService) first = NULL;
  g_autoptr(SanService) suspended = NULL;
  g_autofree char *query = NULL;
  SanContract *contract;
  SanContract *other;
  GtkWidget *services_page;
  GtkWidget *overview;
  GtkDropDown *dropdown;
  GtkSingleSelection *selection;
  GtkWidget *card;
  GtkWidget *empty_page;
  GDate kept;
  int position;
  guint total_cards = 0;

  sign_in (window, server_url (fixture), DEMO_EMAIL, DEMO_PASSWORD);
  ui_wait_stack_page (root, "stack", "main", TIMEOUT);

  /* The first contract is shown; the switcher lists them all */
  contract = contract_at (fixture, 0);
  dropdown = GTK_DROP_DOWN (ui_find (root, "contract_dropdown"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dropdown)));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==,
                    g_list_model_get_n_items (san_me_get_contracts (fixture->me)));
  g_assert_cmpstr (san_contract_get_id (gtk_drop_down_get_selected_item (dropdown)), ==,
                   san_contract_get_id (contract));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ui_find (root, "user_name_label"))), ==,
                   "Ana Souza");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ui_find (root, "user_email_label"))), ==,
                   DEMO_EMAIL);

  /* Overview: a card per status, counting the contract's services */
  overview = ui_find (root, "overview_page");
  ui_wait_stack_page (overview, "overview_stack", "content", TIMEOUT);
  all_ids = oracle_service_ids (fixture, contract, -1, NULL);
  g_assert_cmpuint (all_ids->len, >, 0);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ui_find (overview, "contract_label"))), ==,
                   san_contract_get_name (contract));
  {
    g_autofree char *document = san_document_format (san_contract_get_document (contract));

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ui_find (overview, "document_label"))), ==,
                     document);
  }
  for (SanServiceStatus s = SAN_SERVICE_STATUS_PENDING; s <= SAN_SERVICE_STATUS_TERMINATED; s++)
    {
      g_autoptr(GPtrArray) ids = oracle_service_ids (fixture, contract, s, NULL);
      GtkWidget *count;

      card = ui_find_type_class (overview, GTK_TYPE_BUTTON, san_service_status_css_class (s));
      count = ui_find_type_class (card, GTK_TYPE_LABEL, "status-count");
      g_assert_cmpuint (g_ascii_strtoull (gtk_label_get_text (GTK_LABEL (count)), NULL, 10), ==,
                        ids->len);
      total_cards += ids->len;
    }
  g_assert_cmpuint (total_cards, ==, all_ids->len);
  ui_screenshot (window, "overview");

  /* Services: the list holds exactly the contract's services */
  ui_select_section (window, "services_row");
  services_page = ui_find (root, "services_page");
  g_assert_true (adw_view_stack_get_visible_child (ADW_VIEW_STACK (ui_find (root, "content_stack")))
                 == services_page);
  ui_wait_stack_page (services_page, "list_stack", "list", TIMEOUT);
  wait_shown_ids (window, all_ids);
  g_assert_cmpstr (ui_stack_page (services_page, "detail_stack"), ==, "none");
  ui_screenshot (window, "services");

  /* Select the first service: its details show */
  selection = GTK_SINGLE_SELECTION (shown_services (window));
  gtk_single_selection_set_selected (selection, 0);
  first = g_list_model_get_item (G_LIST_MODEL (selection), 0);
  check_detail (window, first);
  ui_screenshot (window, "service-detail");

  /* A suspended service explains until when its data is kept */
  position = find_position_with_status (G_LIST_MODEL (selection), SAN_SERVICE_STATUS_SUSPENDED);
  g_assert_cmpint (position, >=, 0);
  gtk_single_selection_set_selected (selection, position);
  suspended = g_list_model_get_item (G_LIST_MODEL (selection), position);
  check_detail (window, suspended);
  g_assert_true (san_service_get_kept_until (suspended, &kept));
  {
    g_autofree char *date = san_date_format (&kept);
    const char *text = gtk_label_get_text (GTK_LABEL (ui_find (root, "explanation_label")));

    g_assert_nonnull (strstr (text, date));
    g_assert_nonnull (strstr (text, "Not paying is not cancelling"));
    g_assert_nonnull (strstr (text, "still billed"));
  }
  ui_screenshot (window, "service-suspended");

  /* Status filter: only the active ones */
  active_ids = oracle_service_ids (fixture, contract, SAN_SERVICE_STATUS_ACTIVE, NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ui_find (services_page, "status_dropdown")),
                              1 + SAN_SERVICE_STATUS_ACTIVE);
  assert_shown_ids (window, active_ids);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ui_find (services_page, "status_dropdown")), 0);
  assert_shown_ids (window, all_ids);

  /* Search, in another case than the data: the same services as the server's q= */
  query = g_utf8_strup (san_service_get_plan (first), -1);
  search_ids = oracle_service_ids (fixture, contract, -1, query);
  g_assert_cmpuint (search_ids->len, >, 0);
  ui_type (ui_find (services_page, "search_entry"), query);
  wait_shown_ids (window, search_ids);

  /* A search that matches nothing says so, and clearing the filters helps */
  ui_type (ui_find (services_page, "search_entry"), "no-such-service-anywhere");
  ui_wait_stack_page (services_page, "list_stack", "empty", TIMEOUT);
  empty_page = ui_find (services_page, "empty_page");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (empty_page)), ==,
                   "No Services Match");
  g_assert_true (gtk_widget_get_visible (ui_find (services_page, "clear_filters_button")));
  ui_screenshot (window, "empty-search");
  ui_click (ui_find (services_page, "clear_filters_button"));
  g_assert_cmpstr (ui_stack_page (services_page, "list_stack"), ==, "list");
  assert_shown_ids (window, all_ids);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_find (services_page, "search_entry"))),
                   ==, "");

  /* Overview -> Services filtered by a status */
  ui_select_section (window, "overview_row");
  suspended_ids = oracle_service_ids (fixture, contract, SAN_SERVICE_STATUS_SUSPENDED, NULL);
  card = ui_find_type_class (overview, GTK_TYPE_BUTTON, "status-suspended");
  ui_click (card);
  g_assert_true (adw_view_stack_get_visible_child (ADW_VIEW_STACK (ui_find (root, "content_stack")))
                 == services_page);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (ui_find (services_page,
                                                                          "status_dropdown"))),
                    ==, 1 + SAN_SERVICE_STATUS_SUSPENDED);
  assert_shown_ids (window, suspended_ids);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ui_find (services_page, "status_dropdown")), 0);

  /* Overview -> a service needing attention opens its details */
  ui_select_section (window, "overview_row");
  {
    GtkListBox *attention = GTK_LIST_BOX (ui_find (overview, "attention_list"));
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (attention, 0);
    SanService *shown;

    g_assert_nonnull (row);
    g_signal_emit_by_name (attention, "row-activated", row);
    g_assert_true (adw_view_stack_get_visible_child (ADW_VIEW_STACK (ui_find (root,
                                                                              "content_stack")))
                   == services_page);
    shown = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (shown_services (window)));
    g_assert_nonnull (shown);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                     san_service_get_title (shown));
    g_assert_true (san_service_get_status (shown) == SAN_SERVICE_STATUS_SUSPENDED ||
                   san_service_get_status (shown) == SAN_SERVICE_STATUS_PENDING);
    check_detail (window, shown);
  }

  /* Ctrl+F (win.search) goes to Services and into the search field */
  ui_select_section (window, "overview_row");
  g_assert_true (gtk_widget_activate_action (root, "win.search", NULL));
  g_assert_true (adw_view_stack_get_visible_child (ADW_VIEW_STACK (ui_find (root, "content_stack")))
                 == services_page);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         ui_find (services_page, "search_entry")));

  /* Switch contract: the list reloads with the other contract's services */
  other = contract_at (fixture, 1);
  other_ids = oracle_service_ids (fixture, other, -1, NULL);
  gtk_drop_down_set_selected (dropdown, 1);
  wait_shown_ids (window, other_ids);
  {
    g_autoptr(SanService) service = g_list_model_get_item (shown_services (window), 0);

    g_assert_cmpstr (san_service_get_contract_id (service), ==, san_contract_get_id (other));
  }
  {
    g_autofree char *last = g_settings_get_string (san_application_get_settings (app),
                                                   "last-contract");

    g_assert_cmpstr (last, ==, san_contract_get_id (other));
  }
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (shown_services (window)), 0);
  ui_screenshot (window, "other-contract");

  /* A narrow window folds the sidebar and the details */
  gtk_window_set_default_size (window, 400, 720);
  ui_wait_for (ui_leaflet_is_folded, ui_find (root, "leaflet"), TIMEOUT, "the window to fold");
  g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (ui_find (services_page, "leaflet"))));
  g_assert_true (widget_is_visible (ui_find (root, "back_button")));
  /* The section stays on screen, not the list of sections */
  g_assert_true (adw_leaflet_get_visible_child (ADW_LEAFLET (ui_find (root, "leaflet")))
                 == ui_find (root, "content_box"));
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (shown_services (window)),
                                     GTK_INVALID_LIST_POSITION);
  ui_wait_ms (300);
  ui_screenshot (window, "narrow");
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (shown_services (window)), 0);
  g_assert_true (adw_leaflet_get_visible_child (ADW_LEAFLET (ui_find (services_page, "leaflet")))
                 == ui_find (services_page, "detail_side"));
  ui_screenshot (window, "narrow-detail");

  /* Back: from the details to the list, then to the sections */
  ui_click (ui_find (root, "back_button"));
  g_assert_true (adw_leaflet_get_visible_child (ADW_LEAFLET (ui_find (services_page, "leaflet")))
                 == ui_find (services_page, "list_side"));
  g_assert_true (adw_leaflet_get_visible_child (ADW_LEAFLET (ui_find (root, "leaflet")))
                 == ui_find (root, "content_box"));
  ui_click (ui_find (root, "back_button"));
  g_assert_true (adw_leaflet_get_visible_child (ADW_LEAFLET (ui_find (root, "leaflet")))
                 == ui_find (root, "sidebar_box"));
  ui_screenshot (window, "narrow-sections");
  gtk_window_set_default_size (window, 1100, 720);
}

static void
test_browse (Fixture       *fixture,
             gconstpointer  data)
{
  ui_run_app (server_url (fixture), browse_body, fixture);
}

/* /ui/session/restore: restart signed in; sign out; unreachable */

typedef struct
{
  Fixture  *fixture;
  gboolean  saw_sign_in;
} RestoreData;

static void
on_stack_page_cb (GtkStack    *stack,
                  GParamSpec  *pspec,
                  RestoreData *data)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "sign-in") == 0)
    data->saw_sign_in = TRUE;
}

static void
first_run_body (SanApplication *app,
                GtkWindow      *window,
                gpointer        user_data)
{
  RestoreData *data = user_data;

  sign_in (window, server_url (data->fixture), DEMO_EMAIL, DEMO_PASSWORD);
  ui_wait_stack_page (GTK_WIDGET (window), "stack", "main", TIMEOUT);

  /* A size the next start restores */
  gtk_window_set_default_size (window, 900, 640);
  ui_wait_ms (200);
}

static gboolean
has_retry_toast (gpointer data)
{
  return ui_find_button (ui_find (data, "toast_overlay"), "_Retry") != NULL;
}

static void
restored_run_body (SanApplication *app,
                   GtkWindow      *window,
                   gpointer        user_data)
{
  RestoreData *data = user_data;
  GtkWidget *stack = ui_find (GTK_WIDGET (window), "stack");
  GtkWidget *services_page;
  guint n_shown;
  gulong handler;

  on_stack_page_cb (GTK_STACK (stack), NULL, data);
  handler = g_signal_connect (stack, "notify::visible-child-name",
                              G_CALLBACK (on_stack_page_cb), data);
  ui_wait_stack_page (GTK_WIDGET (window), "stack", "main", TIMEOUT);
  g_signal_handler_disconnect (stack, handler);

  /* Signed in without being asked, in the window size of the last run */
  g_assert_false (data->saw_sign_in);
  {
    int width, height;

    gtk_window_get_default_size (window, &width, &height);
    g_assert_cmpint (width, ==, 900);
    g_assert_cmpint (height, ==, 640);
  }
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ui_find (GTK_WIDGET (window),
                                                           "user_email_label"))),
                   ==, DEMO_EMAIL);

  /* The server goes away: reloading shows a toast with Retry, and what was
   * loaded stays on screen */
  ui_select_section (window, "services_row");
  services_page = ui_find (GTK_WIDGET (window), "services_page");
  ui_wait_stack_page (services_page, "list_stack", "list", TIMEOUT);
  n_shown = g_list_model_get_n_items (shown_services (window));
  g_assert_cmpuint (n_shown, >, 0);
  g_clear_pointer (&data->fixture->server, san_test_server_stop);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  ui_wait_for (has_retry_toast, window, TIMEOUT, "a toast with Retry");
  g_assert_cmpstr (ui_stack_page (services_page, "list_stack"), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (shown_services (window)), ==, n_shown);
  ui_screenshot (window, "error-toast");
}

static void
sign_out_body (SanApplication *app,
               GtkWindow      *window,
               gpointer        user_data)
{
  ui_wait_stack_page (GTK_WIDGET (window), "stack", "main", TIMEOUT);
  g_action_group_activate_action (G_ACTION_GROUP (app), "sign-out", NULL);
  ui_wait_stack_page (GTK_WIDGET (window), "stack", "sign-in", TIMEOUT);
}

static void
signed_out_run_body (SanApplication *app,
                     GtkWindow      *window,
                     gpointer        user_data)
{
  ui_wait_stack_page (GTK_WIDGET (window), "stack", "sign-in", TIMEOUT);
}

static void
unreachable_body (SanApplication *app,
                  GtkWindow      *window,
                  gpointer        user_data)
{
  GtkWidget *page;

  ui_wait_stack_page (GTK_WIDGET (window), "stack", "unreachable", TIMEOUT);
  page = ui_find (GTK_WIDGET (window), "unreachable_page");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (page)), ==, "Can’t Reach SAN");
  g_assert_true (gtk_widget_get_visible (ui_find (page, "retry_button")));
  ui_screenshot (window, "unreachable");

  /* Retry while still unreachable: back to the same page */
  ui_click (ui_find (page, "retry_button"));
  ui_wait_stack_page (GTK_WIDGET (window), "stack", "unreachable", TIMEOUT);
}

static void
test_restore (Fixture       *fixture,
              gconstpointer  unused)
{
  RestoreData data = { fixture, FALSE };
  g_autofree char *url = g_strdup (server_url (fixture));

  ui_run_app (url, first_run_body, &data);

  /* A new app, the same server and keyring: signed in without asking;
   * then the server stops */
  ui_run_app (url, restored_run_body, &data);
  g_assert_null (fixture->server);

  /* Starting without the server: the window says so, with Retry */
  ui_run_app (url, unreachable_body, &data);
}

static void
test_sign_out (Fixture       *fixture,
               gconstpointer  unused)
{
  RestoreData data = { fixture, FALSE };

  ui_run_app (server_url (fixture), first_run_body, &data);
  ui_run_app (server_url (fixture), sign_out_body, &data);
  /* Signed out stays signed out */
  ui_run_app (server_url (fixture), signed_out_run_body, &data);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/ui/sign-in/wrong-password", Fixture, NULL,
              fixture_set_up, test_wrong_password, fixture_tear_down);
  g_test_add ("/ui/sign-in/insecure-server", Fixture, NULL,
              fixture_set_up, test_insecure_server, fixture_tear_down);
  g_test_add ("/ui/services/browse", Fixture, NULL,
              fixture_set_up, test_browse, fixture_tear_down);
  g_test_add ("/ui/session/restore-offline", Fixture, NULL,
              fixture_set_up, test_restore, fixture_tear_down);
  g_test_add ("/ui/session/sign-out", Fixture, NULL,
              fixture_set_up, test_sign_out, fixture_tear_down);

  return g_test_run ();
}
