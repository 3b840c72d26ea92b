/* test-ui-pt-br.c: the app speaks Brazilian Portuguese when the locale is
 * pt_BR (run with LANGUAGE=pt_BR and the build tree's translations in
 * $SAN_LOCALEDIR); screenshots of its screens in pt_BR
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "san-api.h"
#include "san-service-labels.h"
#include "san-test-server.h"
#include "ui-test-helpers.h"

#define TIMEOUT 30

/* The app's own translation of @msgid, which must exist */
static const char *
translated (const char *context,
            const char *msgid)
{
  const char *text = context != NULL
                     ? g_dpgettext2 (GETTEXT_PACKAGE, context, msgid)
                     : g_dgettext (GETTEXT_PACKAGE, msgid);

  g_assert_cmpstr (text, !=, msgid);
  return text;
}

static gboolean
list_is_loaded (gpointer data)
{
  return g_strcmp0 (ui_stack_page (data, "list_stack"), "list") == 0;
}

static void
pt_br_body (SanApplication *app,
            GtkWindow      *window,
            gpointer        user_data)
{
  GtkWidget *root = GTK_WIDGET (window);
  GtkWidget *page;
  GtkWidget *services_page;
  GtkListView *list_view;
  GListModel *model;

  /* Strings from C, from templates and from the common library */
  g_assert_cmpstr (gtk_window_get_title (window), ==, translated (NULL, "SAN Client Area"));

  ui_wait_stack_page (root, "stack", "sign-in", TIMEOUT);
  page = ui_find (root, "sign_in_page");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (ui_find (page, "password_row"))),
                   ==, translated (NULL, "Password"));
  ui_screenshot (window, "pt-br-sign-in");

  ui_type (ui_find (page, "email_row"), "demo@example.com");
  ui_type (ui_find (page, "password_row"), "senha-errada");
  ui_press_enter (ui_find (page, "password_row"));
  while (!gtk_widget_get_visible (ui_find (page, "error_label")) ||
         !gtk_widget_get_sensitive (ui_find (page, "sign_in_button")))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ui_find (page, "error_label"))), ==,
                   translated (NULL, "The e-mail or the password is wrong."));
  ui_screenshot (window, "pt-br-sign-in-error");

  ui_type (ui_find (page, "password_row"), "demo-1234");
  ui_press_enter (ui_find (page, "password_row"));
  ui_wait_stack_page (root, "stack", "main", TIMEOUT);
  ui_wait_stack_page (ui_find (root, "overview_page"), "overview_stack", "content", TIMEOUT);
  g_assert_nonnull (ui_find_label (ui_find (root, "overview_page"),
                                   translated ("service status", "Suspended")));
  ui_screenshot (window, "pt-br-overview");

  gtk_list_box_select_row (GTK_LIST_BOX (ui_find (root, "sidebar_list")),
                           GTK_LIST_BOX_ROW (ui_find (root, "services_row")));
  services_page = ui_find (root, "services_page");
  ui_wait_for (list_is_loaded, services_page, TIMEOUT, "the services");
  list_view = GTK_LIST_VIEW (ui_find (services_page, "list_view"));
  model = G_LIST_MODEL (gtk_list_view_get_model (list_view));
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model), 0);
  {
    static const char *english[] = { "Pending", "Active", "Suspended", "Cancelled", "Terminated" };
    g_autoptr(SanService) service = g_list_model_get_item (model, 0);
    GtkWidget *detail = ui_find (services_page, "detail");

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ui_find (detail, "status_label"))), ==,
                     translated ("service status", english[san_service_get_status (service)]));
  }
  ui_screenshot (window, "pt-br-services");

  /* Billing: an overdue invoice, the payment methods, the notas fiscais */
  {
    GtkWidget *invoices_page = ui_find (root, "invoices_page");
    GtkWidget *detail;
    guint n;
    gboolean found = FALSE;

    gtk_list_box_select_row (GTK_LIST_BOX (ui_find (root, "sidebar_list")),
                             GTK_LIST_BOX_ROW (ui_find (root, "invoices_row")));
    ui_wait_for (list_is_loaded, invoices_page, TIMEOUT, "the invoices");
    model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (ui_find (invoices_page, "list_view"))));
    n = g_list_model_get_n_items (model);
    for (guint i = 0; i < n && !found; i++)
      {
        g_autoptr(SanInvoice) invoice = g_list_model_get_item (model, i);

        if (san_invoice_get_overdue (invoice))
          {
            gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model), i);
            found = TRUE;
          }
      }
    g_assert_true (found);
    detail = ui_find (invoices_page, "detail");
    g_assert_nonnull (ui_find_label (detail, translated ("invoice status", "Overdue")));
    ui_screenshot (window, "pt-br-invoice");

    gtk_list_box_select_row (GTK_LIST_BOX (ui_find (root, "sidebar_list")),
                             GTK_LIST_BOX_ROW (ui_find (root, "payment_methods_row")));
    ui_wait_stack_page (ui_find (root, "payment_methods_page"), "methods_stack", "content", TIMEOUT);
    ui_screenshot (window, "pt-br-payment-methods");

    gtk_list_box_select_row (GTK_LIST_BOX (ui_find (root, "sidebar_list")),
                             GTK_LIST_BOX_ROW (ui_find (root, "fiscal_notes_row")));
    ui_wait_stack_page (ui_find (root, "fiscal_notes_page"), "notes_stack", "list", TIMEOUT);
    ui_screenshot (window, "pt-br-fiscal-notes");
  }
}

static void
test_pt_br (void)
{
  g_autoptr(SanTestServer) server = san_test_server_start (TRUE, NULL);

  ui_run_app (san_test_server_get_url (server), pt_br_body, NULL);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  /* No G_TEST_OPTION_ISOLATE_DIRS: it would hide the icon theme (see test-ui.c) */
  g_test_init (&argc, &argv, NULL);
  san_application_init_i18n ();

  g_test_add_func ("/ui/pt-br/screens", test_pt_br);
  return g_test_run ();
}
