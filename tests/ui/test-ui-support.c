/* test-ui-support.c: the real app, in-process under Xvfb, against a real
 * san-portald --demo: "Nós ligamos para você" (the form from the Overview,
 * the phone checked as typed, a server refusal shown at its field, the
 * confirmation and the list of requests) and the support level picker (the
 * catalogue side by side, a change reaching the server, no Change button
 * without manage_services or for a cancelled service, 409 explained);
 * screenshots of each screen
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "san-api.h"
#include "san-billing-labels.h"
#include "san-callback-dialog.h"
#include "san-date.h"
#include "san-money.h"
#include "san-service-detail.h"
#include "san-service-labels.h"
#include "san-services-page.h"
#include "san-support-level-dialog.h"
#include "san-test-server.h"
#include "ui-test-helpers.h"

#define DEMO_EMAIL    "demo@example.com"
#define DEMO_PASSWORD "demo-1234"
#define TODAY         "2026-11-24"
#define TIMEOUT       30

#define PADARIA       "Padaria Pão Quente Ltda"
#define ANA           "Ana Souza"
#define OFICINA       "Oficina Ribeiro ME"   /* Ana may only view services there */

/* Which day the server believes it is */
typedef enum
{
  SERVER_DEMO_DAY,     /* TODAY: the support level tests */
  SERVER_REAL_DAY,     /* the real São Paulo day, which the form offers days from */
  SERVER_MONTH_AGO,    /* 30 days before it: every day the form offers is too far ahead */
} ServerDay;

typedef struct
{
  SanTestServer *server;
  SanClient     *oracle;   /* what the server says, asked directly */
  SanMe         *me;       /* Ana's contracts */
} Fixture;

static char *
server_day (ServerDay day)
{
  GDate date;

  if (day == SERVER_DEMO_DAY)
    return g_strdup (TODAY);
  san_billing_get_today (&date);
  if (day == SERVER_MONTH_AGO)
    g_date_subtract_days (&date, 30);
  return san_date_to_iso (&date);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *today = server_day (GPOINTER_TO_INT (data));
  const char * const args[] = { "--today", today, NULL };

  fixture->server = san_test_server_start (TRUE, args);
  fixture->oracle = ui_signed_in_client (san_test_server_get_url (fixture->server),
                                         DEMO_EMAIL, DEMO_PASSWORD);
  fixture->me = ui_fetch_me (fixture->oracle);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->me);
  g_clear_object (&fixture->oracle);
  g_clear_pointer (&fixture->server, san_test_server_stop);
}

/* Ana's contract named @name (still held by the fixture) */
static SanContract *
contract_named (Fixture    *fixture,
                const char *name)
{
  GListModel *contracts = san_me_get_contracts (fixture->me);

  for (guint i = 0; i < g_list_model_get_n_items (contracts); i++)
    {
      g_autoptr(SanContract) contract = g_list_model_get_item (contracts, i);

      if (g_strcmp0 (san_contract_get_name (contract), name) == 0)
        return contract;
    }
  g_error ("Ana has no contract named %s", name);
}

static GListModel *
oracle_callbacks (Fixture     *fixture,
                  SanContract *contract)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *callbacks;

  san_client_list_callbacks_async (fixture->oracle, san_contract_get_id (contract), NULL,
                                   ui_result_cb, &result);
  callbacks = san_client_list_callbacks_finish (fixture->oracle, ui_wait_result (&result), &error);
  g_assert_no_error (error);
  return callbacks;
}

static GListModel *
oracle_services (Fixture     *fixture,
                 SanContract *contract)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *services;

  san_client_list_all_services_async (fixture->oracle, san_contract_get_id (contract), NULL,
                                      ui_result_cb, &result);
  services = san_client_list_all_services_finish (fixture->oracle, ui_wait_result (&result), &error);
  g_assert_no_error (error);
  return services;
}

/* The first of @contract's services in @status (and of @level, unless -1) */
static SanService *
oracle_service (Fixture          *fixture,
                SanContract      *contract,
                SanServiceStatus  status,
                int               level)
{
  g_autoptr(GListModel) services = oracle_services (fixture, contract);

  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(SanService) service = g_list_model_get_item (services, i);

      if (san_service_get_status (service) == status &&
          (level < 0 || (int) san_service_get_support_level (service) == level))
        return g_steal_pointer (&service);
    }
  g_error ("no such service in %s", san_contract_get_name (contract));
}

static SanService *
oracle_service_by_id (Fixture     *fixture,
                      SanContract *contract,
                      const char  *id)
{
  g_autoptr(GListModel) services = oracle_services (fixture, contract);

  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(SanService) service = g_list_model_get_item (services, i);

      if (g_strcmp0 (san_service_get_id (service), id) == 0)
        return g_steal_pointer (&service);
    }
  g_error ("no service %s", id);
}

/* The app's widgets */

static void
sign_in (GtkWindow *window)
{
  /* Under Xvfb no window manager makes a window active: a focused entry's
   * cursor blink then warns that it "did not receive a focus-out event" */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);
  gtk_window_set_default_size (window, 1100, 720);
  ui_sign_in (window, NULL, DEMO_EMAIL, DEMO_PASSWORD, TIMEOUT);
}

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

typedef struct
{
  GtkWidget  *editable;
  const char *text;
} TextWait;

static gboolean
editable_shows (gpointer data)
{
  TextWait *wait = data;

  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (wait->editable)), wait->text) == 0;
}

static const char *
row_value (GtkWidget  *root,
           const char *row_id)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (ui_find (root, row_id)));
}

/* "Nós ligamos para você" */

static void
fill_callback_form (GtkWidget *dialog)
{
  GtkWidget *phone_row = ui_find (dialog, "phone_row");
  TextWait formatted = { phone_row, "+55 (11) 91234-5678" };

  ui_type (phone_row, "11912345678");
  ui_wait_for (editable_shows, &formatted, TIMEOUT, "the phone formatted");
  ui_type (ui_find (dialog, "subject_row"), "Ajuda com o DNS do domínio");
}

static void
callback_request_body (SanApplication *app,
                       GtkWindow      *window,
                       gpointer        user_data)
{
  Fixture *fixture = user_data;
  SanContract *padaria = contract_named (fixture, PADARIA);
  g_autoptr(SanService) service = oracle_service (fixture, padaria, SAN_SERVICE_STATUS_ACTIVE, -1);
  g_autoptr(GListModel) before = oracle_callbacks (fixture, padaria);
  g_autoptr(GListModel) after = NULL;
  g_autoptr(SanCallback) sent = NULL;
  g_autofree char *sent_text = NULL;
  GtkWidget *overview, *button, *dialog, *requests, *phone_row, *phone_error, *send, *service_row;
  GtkWidget *demo_row;
  GListModel *service_choices;
  guint service_position = GTK_INVALID_LIST_POSITION;
  GDate tomorrow;
  TextWait typed;

  sign_in (window);
  ui_select_contract (window, PADARIA);
  overview = ui_find (GTK_WIDGET (window), "overview_page");
  ui_wait_stack_page (overview, "overview_stack", "content", TIMEOUT);

  /* The entry point, with the tickets permission */
  button = ui_find (overview, "callback_button");
  ui_wait_for (widget_mapped, button, TIMEOUT, "the Request a Call button");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.request-callback");
  ui_screenshot (window, "support-overview-callback");
  ui_click (button);
  dialog = GTK_WIDGET (ui_wait_toplevel (SAN_TYPE_CALLBACK_DIALOG, TIMEOUT));

  /* The contract's earlier request: the demo's, scheduled */
  g_assert_cmpuint (g_list_model_get_n_items (before), ==, 1);
  requests = ui_find (dialog, "requests_list");
  ui_wait_rows (requests, 1, TIMEOUT, NULL);
  demo_row = ui_row_at (requests, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (demo_row)), ==,
                   "Dúvidas sobre a migração da loja virtual");
  g_assert_nonnull (ui_find_label (demo_row, "Scheduled"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (demo_row)),
                            "+55 (11) 91234-5678"));

  /* Nothing typed: nothing to send */
  send = ui_find (dialog, "send_button");
  g_assert_false (gtk_widget_get_sensitive (send));

  /* The phone, checked as it is typed: incomplete is not yet wrong... */
  phone_row = ui_find (dialog, "phone_row");
  phone_error = ui_find (dialog, "phone_error_label");
  ui_type (phone_row, "(10) 9123");
  g_assert_false (gtk_widget_get_visible (phone_error));
  /* ...a complete number with an area code that does not exist is */
  ui_type (phone_row, "(10) 91234-5678");
  g_assert_true (ui_label_is_shown (phone_error));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (phone_error)), ==,
                   "10 is not a Brazilian area code (DDD)");
  g_assert_true (gtk_widget_has_css_class (phone_row, "error"));
  ui_type (ui_find (dialog, "subject_row"), "Ajuda com o DNS do domínio");
  g_assert_false (gtk_widget_get_sensitive (send));
  ui_screenshot (GTK_WINDOW (dialog), "support-callback-phone-error");

  /* A right one reads the usual way and may be sent */
  fill_callback_form (dialog);
  g_assert_false (gtk_widget_get_visible (phone_error));
  g_assert_false (gtk_widget_has_css_class (phone_row, "error"));
  g_assert_true (gtk_widget_get_sensitive (send));

  /* The related service */
  service_row = ui_find (dialog, "service_row");
  ui_wait_for (widget_mapped, service_row, TIMEOUT, "the services");
  service_choices = adw_combo_row_get_model (ADW_COMBO_ROW (service_row));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (service_choices), 0), ==, "None");
  for (guint i = 0; i < g_list_model_get_n_items (service_choices); i++)
    if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (service_choices), i),
                          san_service_get_title (service)) &&
        strstr (gtk_string_list_get_string (GTK_STRING_LIST (service_choices), i),
                san_service_get_product (service)) != NULL)
      service_position = i;
  g_assert_cmpuint (service_position, !=, GTK_INVALID_LIST_POSITION);
  adw_combo_row_set_selected (ADW_COMBO_ROW (service_row), service_position);

  /* Tomorrow, 09:00 to 12:00 unless changed; moving "From" past "To"
   * keeps the window an hour long */
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (ui_find (dialog, "from_row")))),
                                               adw_combo_row_get_selected (ADW_COMBO_ROW (ui_find (dialog, "from_row")))),
                   ==, "09:00");
  adw_combo_row_set_selected (ADW_COMBO_ROW (ui_find (dialog, "from_row")), 16);   /* 16:00 */
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (ui_find (dialog, "to_row")))),
                                               adw_combo_row_get_selected (ADW_COMBO_ROW (ui_find (dialog, "to_row")))),
                   ==, "17:00");
  adw_combo_row_set_selected (ADW_COMBO_ROW (ui_find (dialog, "from_row")), 2);    /* 09:00 */
  adw_combo_row_set_selected (ADW_COMBO_ROW (ui_find (dialog, "to_row")), 6);      /* 12:00 */
  g_assert_nonnull (strstr (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (ui_find (dialog, "day_row")))),
                                                        adw_combo_row_get_selected (ADW_COMBO_ROW (ui_find (dialog, "day_row")))),
                            "(tomorrow)"));
  ui_screenshot (GTK_WINDOW (dialog), "support-callback-form");

  /* Sent: the confirmation and the request on top of the list */
  ui_click (send);
  ui_wait_stack_page (dialog, "form_stack", "sent", TIMEOUT);
  sent_text = g_strdup (gtk_label_get_text (GTK_LABEL (ui_find (dialog, "sent_label"))));
  g_assert_true (g_str_has_prefix (sent_text, "SAN will call you on "));
  g_assert_nonnull (strstr (sent_text, " between 09:00 and 12:00, at +55 (11) 91234-5678."));
  g_assert_true (gtk_widget_get_visible (ui_find (dialog, "done_button")));
  g_assert_false (gtk_widget_get_visible (send));
  ui_wait_rows (requests, 2, TIMEOUT, NULL);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (ui_row_at (requests, 0))), ==,
                   "Ajuda com o DNS do domínio");
  g_assert_nonnull (ui_find_label (ui_row_at (requests, 0), "Requested"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (ui_row_at (requests, 0))),
                            san_service_get_title (service)));
  ui_screenshot (GTK_WINDOW (dialog), "support-callback-sent");

  /* What the server has */
  after = oracle_callbacks (fixture, padaria);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, 2);
  sent = g_list_model_get_item (after, 0);
  g_assert_cmpstr (san_callback_get_subject (sent), ==, "Ajuda com o DNS do domínio");
  g_assert_cmpstr (san_callback_get_phone (sent), ==, "+55 (11) 91234-5678");
  g_assert_cmpstr (san_callback_get_service_id (sent), ==, san_service_get_id (service));
  g_assert_cmpuint (san_callback_get_from_minutes (sent), ==, 9 * 60);
  g_assert_cmpuint (san_callback_get_to_minutes (sent), ==, 12 * 60);
  g_assert_cmpint (san_callback_get_status (sent), ==, SAN_CALLBACK_STATUS_REQUESTED);
  san_billing_get_today (&tomorrow);
  g_date_add_days (&tomorrow, 1);
  g_assert_cmpint (g_date_compare (san_callback_get_date (sent), &tomorrow), ==, 0);
  g_assert_cmpstr (gtk_widget_get_name (ui_row_at (requests, 0)), ==, san_callback_get_id (sent));

  /* Another one: the phone stays, the subject is new */
  ui_click (ui_find (dialog, "another_button"));
  ui_wait_stack_page (dialog, "form_stack", "form", TIMEOUT);
  typed.editable = phone_row;
  typed.text = "+55 (11) 91234-5678";
  g_assert_true (editable_shows (&typed));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_find (dialog, "subject_row"))), ==, "");
  g_assert_false (gtk_widget_get_sensitive (send));

  gtk_window_close (GTK_WINDOW (dialog));
  ui_wait_for (ui_toplevel_is_gone, GSIZE_TO_POINTER (SAN_TYPE_CALLBACK_DIALOG), TIMEOUT,
               "the dialog to close");
}

static void
test_callback_request (Fixture       *fixture,
                       gconstpointer  data)
{
  ui_run_app (san_test_server_get_url (fixture->server), callback_request_body, fixture);
}

/* From the Tickets section, to a server that thinks it is a month earlier:
 * every day the form offers is more than 14 days ahead for it, and it says
 * so about the day */
static void
callback_refused_body (SanApplication *app,
                       GtkWindow      *window,
                       gpointer        user_data)
{
  Fixture *fixture = user_data;
  SanContract *padaria = contract_named (fixture, PADARIA);
  g_autoptr(GListModel) after = NULL;
  GtkWidget *button, *dialog, *day_error, *send, *day_row;
  TextWait phone_kept;

  sign_in (window);
  ui_select_contract (window, PADARIA);
  /* From the Tickets section this time */
  ui_select_section (window, "tickets_row");
  button = ui_find (ui_find (GTK_WIDGET (window), "tickets_page"), "callback_button");
  ui_wait_for (widget_mapped, button, TIMEOUT, "the Tickets section's callback button");
  ui_click (button);
  dialog = GTK_WIDGET (ui_wait_toplevel (SAN_TYPE_CALLBACK_DIALOG, TIMEOUT));
  ui_wait_rows (ui_find (dialog, "requests_list"), 1, TIMEOUT, NULL);
  fill_callback_form (dialog);
  send = ui_find (dialog, "send_button");
  day_error = ui_find (dialog, "day_error_label");
  day_row = ui_find (dialog, "day_row");
  ui_click (send);
  ui_wait_for (ui_label_is_shown, day_error, TIMEOUT, "the day's error");
  ui_wait_for (ui_widget_is_sensitive, send, TIMEOUT, "Send again");

  /* At the field it names; the rest is fine; nothing typed is lost */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (day_error)), ==,
                   "SAN can’t call on this day. Choose a day from today to 14 days ahead.");
  g_assert_true (gtk_widget_has_css_class (day_row, "error"));
  g_assert_false (gtk_widget_get_visible (ui_find (dialog, "phone_error_label")));
  g_assert_false (gtk_widget_get_visible (ui_find (dialog, "subject_error_label")));
  g_assert_false (gtk_widget_get_visible (ui_find (dialog, "error_box")));
  g_assert_cmpstr (ui_stack_page (dialog, "form_stack"), ==, "form");
  phone_kept.editable = ui_find (dialog, "phone_row");
  phone_kept.text = "+55 (11) 91234-5678";
  g_assert_true (editable_shows (&phone_kept));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_find (dialog, "subject_row"))), ==,
                   "Ajuda com o DNS do domínio");
  ui_screenshot (GTK_WINDOW (dialog), "support-callback-server-error");

  /* Nothing recorded */
  after = oracle_callbacks (fixture, padaria);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, 1);

  /* Choosing another day takes the complaint away */
  adw_combo_row_set_selected (ADW_COMBO_ROW (day_row), adw_combo_row_get_selected (ADW_COMBO_ROW (day_row)) + 1);
  g_assert_false (gtk_widget_get_visible (day_error));
  g_assert_false (gtk_widget_has_css_class (day_row, "error"));

  gtk_window_close (GTK_WINDOW (dialog));
  ui_wait_for (ui_toplevel_is_gone, GSIZE_TO_POINTER (SAN_TYPE_CALLBACK_DIALOG), TIMEOUT,
               "the dialog to close");
}

static void
test_callback_refused (Fixture       *fixture,
                       gconstpointer  data)
{
  ui_run_app (san_test_server_get_url (fixture->server), callback_refused_body, fixture);
}

/* Support levels */

/* Shows @service in the Services section */
static GtkWidget *
show_service (GtkWindow  *window,
              SanService *service)
{
  GtkWidget *page = ui_find (GTK_WIDGET (window), "services_page");
  GtkWidget *detail = ui_find (page, "detail");

  ui_select_section (window, "services_row");
  ui_wait_stack_page (page, "list_stack", "list", TIMEOUT);
  san_services_page_show_service (SAN_SERVICES_PAGE (page), san_service_get_id (service));
  ui_wait_stack_page (page, "detail_stack", "detail", TIMEOUT);
  g_assert_cmpstr (san_service_get_id (san_service_detail_get_service (SAN_SERVICE_DETAIL (detail))),
                   ==, san_service_get_id (service));
  return detail;
}

static gboolean
levels_loaded (gpointer data)
{
  return g_strcmp0 (ui_stack_page (data, "levels_stack"), "levels") == 0;
}

static GtkWidget *
visible_layout (GtkWidget *dialog)
{
  return adw_squeezer_get_visible_child (ADW_SQUEEZER (ui_find (dialog, "squeezer")));
}

typedef struct
{
  GtkWidget *dialog;
  GtkWidget *child;
} LayoutWait;

static gboolean
layout_shown (gpointer data)
{
  LayoutWait *wait = data;

  return visible_layout (wait->dialog) == wait->child && gtk_widget_get_mapped (wait->child);
}

static void
level_picker_body (SanApplication *app,
                   GtkWindow      *window,
                   gpointer        user_data)
{
  Fixture *fixture = user_data;
  SanContract *padaria = contract_named (fixture, PADARIA);
  g_autoptr(SanService) service = oracle_service (fixture, padaria, SAN_SERVICE_STATUS_ACTIVE,
                                                  SAN_SUPPORT_LEVEL_BUSINESS);
  g_autoptr(SanService) changed = NULL;
  g_autofree char *business_price = san_money_format_brl (4990);
  g_autofree char *premium_price = san_money_format_brl (19990);
  g_autofree char *summary = NULL;
  GtkWidget *detail, *change, *dialog, *wide, *narrow, *confirm, *premium, *basic, *business;
  LayoutWait layout;

  sign_in (window);
  ui_select_contract (window, PADARIA);
  detail = show_service (window, service);
  g_assert_cmpstr (row_value (detail, "support_row"), ==, "Business");
  change = ui_find (detail, "support_change_button");
  ui_wait_for (widget_mapped, change, TIMEOUT, "the Change button");
  ui_screenshot (window, "support-level-detail");
  ui_click (change);

  dialog = GTK_WIDGET (ui_wait_toplevel (SAN_TYPE_SUPPORT_LEVEL_DIALOG, TIMEOUT));
  ui_wait_for (levels_loaded, dialog, TIMEOUT, "the support levels");
  wide = ui_find (dialog, "wide_grid");
  narrow = ui_find (dialog, "narrow_box");

  /* At its default size the three columns fit side by side */
  layout.dialog = dialog;
  layout.child = wide;
  ui_wait_for (layout_shown, &layout, TIMEOUT, "the three columns");
  basic = ui_find_named (wide, "basic");
  business = ui_find_named (wide, "business");
  premium = ui_find_named (wide, "premium");
  g_assert_nonnull (basic);
  g_assert_nonnull (business);
  g_assert_nonnull (premium);
  /* What each costs and how fast it answers, in words */
  g_assert_nonnull (ui_find_label (wide, "Included"));
  g_assert_nonnull (ui_find_label (wide, business_price));
  g_assert_nonnull (ui_find_label (wide, premium_price));
  g_assert_nonnull (ui_find_label (wide, "Within 24 hours"));
  g_assert_nonnull (ui_find_label (wide, "Within 4 hours"));
  g_assert_nonnull (ui_find_label (wide, "Within 30 minutes"));
  g_assert_nonnull (ui_find_label (wide, "Todos os dias, 24 horas"));
  g_assert_nonnull (ui_find_label (wide, "WhatsApp"));
  /* The current level is marked and can't be chosen again */
  g_assert_nonnull (ui_find_label (wide, "Current"));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (business)), ==, "Current Level");
  g_assert_false (gtk_widget_get_sensitive (business));
  confirm = ui_find (dialog, "change_button");
  g_assert_false (gtk_widget_get_sensitive (confirm));
  ui_screenshot (GTK_WINDOW (dialog), "support-level-picker");
  /* In order, left to right, in one row */
  {
    graphene_point_t b, p;

    g_assert_true (gtk_widget_compute_point (basic, wide, &GRAPHENE_POINT_INIT (0, 0), &b));
    g_assert_true (gtk_widget_compute_point (premium, wide, &GRAPHENE_POINT_INIT (0, 0), &p));
    g_assert_cmpfloat (b.x, <, p.x);
    g_assert_cmpfloat (b.y, ==, p.y);
  }

  /* Narrow, the cards stack (and choosing works there too) */
  gtk_window_set_default_size (GTK_WINDOW (dialog), 420, 700);
  layout.child = narrow;
  ui_wait_for (layout_shown, &layout, TIMEOUT, "the cards one under the other");
  ui_screenshot (GTK_WINDOW (dialog), "support-level-picker-narrow");
  gtk_window_set_default_size (GTK_WINDOW (dialog), 940, 700);
  layout.child = wide;
  ui_wait_for (layout_shown, &layout, TIMEOUT, "the three columns again");

  /* Premium, chosen and confirmed */
  ui_click (premium);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (premium)));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (ui_find_named (narrow, "premium"))));
  g_assert_true (gtk_widget_get_sensitive (confirm));
  summary = g_strdup_printf ("From Business (%s a month) to Premium (%s a month)",
                             business_price, premium_price);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (ui_find (dialog, "summary_label"))),
                            summary));
  ui_screenshot (GTK_WINDOW (dialog), "support-level-chosen");
  ui_click (confirm);
  ui_wait_for (ui_toplevel_is_gone, GSIZE_TO_POINTER (SAN_TYPE_SUPPORT_LEVEL_DIALOG), TIMEOUT,
               "the picker to close");

  /* The detail and the server agree */
  g_assert_cmpstr (row_value (detail, "support_row"), ==, "Premium");
  changed = oracle_service_by_id (fixture, padaria, san_service_get_id (service));
  g_assert_cmpint (san_service_get_support_level (changed), ==, SAN_SUPPORT_LEVEL_PREMIUM);
  ui_screenshot (window, "support-level-changed");
}

static void
test_level_picker (Fixture       *fixture,
                   gconstpointer  data)
{
  ui_run_app (san_test_server_get_url (fixture->server), level_picker_body, fixture);
}

/* No Change button for a cancelled service, nor without manage_services;
 * and no callback entry on the Overview without the tickets permission */
static void
level_not_changeable_body (SanApplication *app,
                           GtkWindow      *window,
                           gpointer        user_data)
{
  Fixture *fixture = user_data;
  SanContract *ana = contract_named (fixture, ANA);
  SanContract *oficina = contract_named (fixture, OFICINA);
  g_autoptr(SanService) cancelled = oracle_service (fixture, ana, SAN_SERVICE_STATUS_CANCELLED, -1);
  g_autoptr(SanService) active = oracle_service (fixture, ana, SAN_SERVICE_STATUS_ACTIVE, -1);
  g_autoptr(SanService) oficina_active = NULL;
  GtkWidget *detail, *overview;

  g_assert_true (san_contract_has_permission (ana, SAN_PERMISSION_MANAGE_SERVICES));
  g_assert_false (san_contract_has_permission (oficina, SAN_PERMISSION_MANAGE_SERVICES));
  g_assert_false (san_contract_has_permission (oficina, SAN_PERMISSION_TICKETS));
  oficina_active = oracle_service (fixture, oficina, SAN_SERVICE_STATUS_ACTIVE, -1);

  sign_in (window);
  ui_select_contract (window, ANA);

  /* An active service of her own contract can change... */
  detail = show_service (window, active);
  ui_wait_for (widget_mapped, ui_find (detail, "support_change_button"), TIMEOUT, "the Change button");
  /* ...a cancelled one keeps its level */
  detail = show_service (window, cancelled);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ui_find (detail, "status_label"))), ==, "Cancelled");
  g_assert_false (gtk_widget_get_visible (ui_find (detail, "support_change_button")));
  ui_screenshot (window, "support-level-cancelled");

  /* Oficina Ribeiro: Ana may only view its services */
  ui_select_contract (window, OFICINA);
  detail = show_service (window, oficina_active);
  g_assert_nonnull (row_value (detail, "support_row"));
  g_assert_false (gtk_widget_get_visible (ui_find (detail, "support_change_button")));

  /* ...and has no tickets there: no callback on its Overview */
  ui_select_section (window, "overview_row");
  overview = ui_find (GTK_WIDGET (window), "overview_page");
  ui_wait_stack_page (overview, "overview_stack", "content", TIMEOUT);
  g_assert_false (gtk_widget_get_visible (ui_find (overview, "callback_group")));
}

static void
test_level_not_changeable (Fixture       *fixture,
                           gconstpointer  data)
{
  ui_run_app (san_test_server_get_url (fixture->server), level_not_changeable_body, fixture);
}

/* A cancelled service's level can't change: the server's 409, explained in
 * the picker (opened directly: the detail offers no button for it) */
static void
level_conflict_body (SanApplication *app,
                     GtkWindow      *window,
                     gpointer        user_data)
{
  Fixture *fixture = user_data;
  SanContract *ana = contract_named (fixture, ANA);
  g_autoptr(SanService) cancelled = oracle_service (fixture, ana, SAN_SERVICE_STATUS_CANCELLED, -1);
  g_autoptr(SanService) after = NULL;
  SanSupportLevelDialog *dialog;
  GtkWidget *error_box, *other;
  SanSupportLevelId level = san_service_get_support_level (cancelled);

  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);
  dialog = san_support_level_dialog_new (window, fixture->oracle, ana, cancelled);
  gtk_window_present (GTK_WINDOW (dialog));
  ui_wait_for (levels_loaded, dialog, TIMEOUT, "the support levels");
  other = ui_find_named (ui_find (GTK_WIDGET (dialog), "wide_grid"),
                         level == SAN_SUPPORT_LEVEL_PREMIUM ? "basic" : "premium");
  ui_click (other);
  ui_click (ui_find (GTK_WIDGET (dialog), "change_button"));
  error_box = ui_find (GTK_WIDGET (dialog), "error_box");
  ui_wait_for (widget_mapped, error_box, TIMEOUT, "the error");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ui_find (error_box, "error_label"))), ==,
                   "This service is cancelled or terminated, so its support level can no longer "
                   "be changed.");
  /* Still open, the choice kept; trying again would not help */
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (other)));
  g_assert_false (gtk_widget_get_sensitive (ui_find (GTK_WIDGET (dialog), "change_button")));
  g_assert_false (gtk_widget_get_sensitive (other));
  ui_screenshot (GTK_WINDOW (dialog), "support-level-conflict");

  after = oracle_service_by_id (fixture, ana, san_service_get_id (cancelled));
  g_assert_cmpint (san_service_get_support_level (after), ==, level);

  gtk_window_close (GTK_WINDOW (dialog));
  ui_wait_for (ui_toplevel_is_gone, GSIZE_TO_POINTER (SAN_TYPE_SUPPORT_LEVEL_DIALOG), TIMEOUT,
               "the picker to close");
}

static void
test_level_conflict (Fixture       *fixture,
                     gconstpointer  data)
{
  ui_run_app (san_test_server_get_url (fixture->server), level_conflict_body, fixture);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/ui/support/callback/request-from-overview", Fixture,
              GINT_TO_POINTER (SERVER_REAL_DAY), fixture_set_up, test_callback_request,
              fixture_tear_down);
  g_test_add ("/ui/support/callback/from-tickets-server-refusal-at-field-keeps-input", Fixture,
              GINT_TO_POINTER (SERVER_MONTH_AGO), fixture_set_up, test_callback_refused,
              fixture_tear_down);
  g_test_add ("/ui/support/level/picker-compares-and-changes", Fixture,
              GINT_TO_POINTER (SERVER_DEMO_DAY), fixture_set_up, test_level_picker,
              fixture_tear_down);
  g_test_add ("/ui/support/level/no-change-without-permission-or-when-cancelled", Fixture,
              GINT_TO_POINTER (SERVER_DEMO_DAY), fixture_set_up, test_level_not_changeable,
              fixture_tear_down);
  g_test_add ("/ui/support/level/conflict-explained", Fixture,
              GINT_TO_POINTER (SERVER_DEMO_DAY), fixture_set_up, test_level_conflict,
              fixture_tear_down);

  return g_test_run ();
}
