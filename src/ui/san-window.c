/* san-window.c: the main window: loading, sign-in, unreachable and the
 * signed-in sections
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "san-document.h"
#include "san-callback-dialog.h"
#include "san-client-status.h"
#include "san-event-stream.h"
#include "san-notification-center.h"
#include "san-notifications-popover.h"
#include "san-emails-page.h"
#include "san-fiscal-notes-page.h"
#include "san-invoices-page.h"
#include "san-contract-incidents.h"
#include "san-overview-page.h"
#include "san-payment-methods-page.h"
#include "san-services-page.h"
#include "san-staff-queue-page.h"
#include "san-tickets-page.h"
#include "san-sign-in-page.h"
#include "san-status-page.h"
#include "san-ui-util.h"
#include "san-window.h"

struct _SanWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  SanTokenStore        *store;
  char                 *server;
  GCancellable         *cancellable;
  SanClient            *client;
  SanMe                *me;
  SanContract          *contract;
  AdwToast             *error_toast;
  guint                 signing_out : 1;
  guint                 updating_contracts : 1;
  guint                 staff_mode : 1;   /* the signed-in user is SAN staff */

  /* Live status: the client's event stream, what it told, and the
   * contracts' open incidents (the bell's alerts) */
  SanEventStream       *stream;
  SanNotificationCenter *center;
  SanContractIncidents *incidents;     /* the shown contract's open ones */
  GCancellable         *alerts_cancellable;
  gint64                retry_deadline;   /* monotonic µs of the next try, 0: none */
  guint                 connection_tick_id;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  SanSignInPage        *sign_in_page;
  AdwStatusPage        *unreachable_page;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar_box;
  GtkWidget            *content_box;
  AdwWindowTitle       *sidebar_title;
  GtkWidget            *back_button;
  GtkListBox           *sidebar_list;
  GtkListBoxRow        *overview_row;
  GtkListBoxRow        *services_row;
  GtkListBoxRow        *status_row;
  GtkListBoxRow        *invoices_row;
  GtkListBoxRow        *payment_methods_row;
  GtkListBoxRow        *fiscal_notes_row;
  GtkListBoxRow        *tickets_row;
  GtkListBoxRow        *emails_row;
  GtkListBoxRow        *staff_queue_row;
  AdwViewStack         *content_stack;
  AdwWindowTitle       *content_title;
  GtkDropDown          *contract_dropdown;
  GtkMenuButton        *user_menu_button;
  GtkWidget            *user_box;
  GtkMenuButton        *bell_button;
  GtkLabel             *bell_badge;
  SanNotificationsPopover *notifications_popover;
  GtkWidget            *connection_box;
  GtkWidget            *connection_dot;
  GtkLabel             *connection_label;
  GtkWidget            *retry_now_button;
  GtkLabel             *user_name_label;
  GtkLabel             *user_email_label;
  SanOverviewPage      *overview_page;
  SanServicesPage      *services_page;
  SanStatusPage        *status_page;
  SanInvoicesPage      *invoices_page;
  SanPaymentMethodsPage *payment_methods_page;
  SanFiscalNotesPage   *fiscal_notes_page;
  SanTicketsPage       *tickets_page;
  SanEmailsPage        *emails_page;
  SanStaffQueuePage    *staff_queue_page;
};

G_DEFINE_FINAL_TYPE (SanWindow, san_window, ADW_TYPE_APPLICATION_WINDOW)

static void fetch_me (SanWindow *self);
static void stop_stream (SanWindow *self);

static gboolean
is_network_error (const GError *error)
{
  return error->domain == SAN_API_ERROR &&
         (error->code == SAN_API_ERROR_NETWORK ||
          error->code == SAN_API_ERROR_SERVER ||
          error->code == SAN_API_ERROR_TLS ||
          error->code == SAN_API_ERROR_MALFORMED);
}

static gboolean
is_signed_out_error (const GError *error)
{
  return error->domain == SAN_API_ERROR &&
         (error->code == SAN_API_ERROR_NOT_SIGNED_IN ||
          error->code == SAN_API_ERROR_UNAUTHORIZED);
}

static void
restart_cancellable (SanWindow *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
}

static void
show_loading (SanWindow *self)
{
  gtk_stack_set_visible_child_name (self->stack, "loading");
}

/* Staff see the ticket queue across contracts instead of a contract's
 * sections; customers never see the queue. The user menu stays in both. */
static void
set_staff_mode (SanWindow *self,
                gboolean   staff)
{
  GtkListBoxRow *customer_rows[] = {
    self->overview_row, self->services_row, self->status_row, self->invoices_row,
    self->payment_methods_row,
    self->fiscal_notes_row, self->tickets_row, self->emails_row,
  };

  self->staff_mode = !!staff;
  gtk_widget_set_visible (GTK_WIDGET (self->staff_queue_row), staff);
  if (staff)
    {
      for (guint i = 0; i < G_N_ELEMENTS (customer_rows); i++)
        gtk_widget_set_visible (GTK_WIDGET (customer_rows[i]), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->contract_dropdown), FALSE);
      adw_window_title_set_subtitle (self->sidebar_title, _("Staff"));
    }
  else
    {
      /* The rest follow the contract's permissions (update_sections) */
      gtk_widget_set_visible (GTK_WIDGET (self->overview_row), TRUE);
      adw_window_title_set_subtitle (self->sidebar_title, NULL);
    }
}

static void
clear_session_view (SanWindow *self)
{
  san_contract_incidents_set_contract (self->incidents, NULL, NULL);
  san_overview_page_set_contract (self->overview_page, NULL, NULL);
  san_services_page_set_contract (self->services_page, NULL, NULL);
  san_status_page_set_contract (self->status_page, NULL, NULL);
  san_invoices_page_set_contract (self->invoices_page, NULL, NULL);
  san_payment_methods_page_set_contract (self->payment_methods_page, NULL, NULL);
  san_fiscal_notes_page_set_contract (self->fiscal_notes_page, NULL, NULL);
  san_tickets_page_set_contract (self->tickets_page, NULL, NULL);
  san_emails_page_set_contract (self->emails_page, NULL, NULL);
  san_staff_queue_page_set_client (self->staff_queue_page, NULL);
  stop_stream (self);
  set_staff_mode (self, FALSE);
  self->updating_contracts = TRUE;
  gtk_drop_down_set_model (self->contract_dropdown, NULL);
  self->updating_contracts = FALSE;
  g_clear_object (&self->contract);
  g_clear_object (&self->me);
  if (self->error_toast != NULL)
    adw_toast_dismiss (self->error_toast);
}

static void
show_sign_in (SanWindow  *self,
              const char *message)
{
  self->signing_out = FALSE;
  clear_session_view (self);
  san_sign_in_page_set_server (self->sign_in_page, self->server);
  gtk_stack_set_visible_child_name (self->stack, "sign-in");
  san_sign_in_page_reset (self->sign_in_page);
  san_sign_in_page_set_error (self->sign_in_page, message);
}

static void
show_unreachable (SanWindow    *self,
                  const GError *error)
{
  g_autofree char *description = NULL;

  if (g_error_matches (error, SAN_API_ERROR, SAN_API_ERROR_NETWORK))
    /* Translators: %s is a server address */
    description = g_strdup_printf (_("Could not connect to %s. Check your connection and try "
                                     "again."), self->server);
  else
    /* Translators: %s is the reason */
    description = g_strdup_printf (_("The server did not answer as expected: %s"),
                                   error->message);
  adw_status_page_set_description (self->unreachable_page, description);
  gtk_stack_set_visible_child_name (self->stack, "unreachable");
}

static void
show_error_toast (SanWindow  *self,
                  const char *title)
{
  AdwToast *toast;

  if (self->error_toast != NULL)
    {
      adw_toast_set_title (self->error_toast, title);
      return;
    }

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Retry"));
  adw_toast_set_action_name (toast, "win.reload");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  self->error_toast = toast;
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &self->error_toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* A section shows only with the permission it needs; leaving a hidden
 * section goes to the Overview */
static void
update_sections (SanWindow *self)
{
  const struct { GtkListBoxRow *row; const char *permission; } sections[] = {
    { self->services_row, "services" },
    { self->status_row, "services" },
    { self->invoices_row, "invoices" },
    { self->payment_methods_row, "payment_methods" },
    { self->fiscal_notes_row, "fiscal_notes" },
    { self->tickets_row, "tickets" },
    { self->emails_row, "emails" },
  };
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->sidebar_list);

  if (self->staff_mode)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      gboolean allowed = self->contract != NULL &&
                         san_contract_has_permission (self->contract, sections[i].permission);

      gtk_widget_set_visible (GTK_WIDGET (sections[i].row), allowed);
      if (!allowed && selected == sections[i].row)
        gtk_list_box_select_row (self->sidebar_list, self->overview_row);
    }
}

static void
select_contract (SanWindow   *self,
                 SanContract *contract)
{
  if (contract == self->contract)
    return;

  g_set_object (&self->contract, contract);
  if (contract != NULL)
    g_settings_set_string (self->settings, "last-contract", san_contract_get_id (contract));

  update_sections (self);
  san_contract_incidents_set_contract (self->incidents, self->client, contract);
  san_overview_page_set_contract (self->overview_page, self->client, contract);
  san_services_page_set_contract (self->services_page, self->client, contract);
  san_status_page_set_contract (self->status_page, self->client, contract);
  san_invoices_page_set_contract (self->invoices_page, self->client, contract);
  san_payment_methods_page_set_contract (self->payment_methods_page, self->client, contract);
  san_fiscal_notes_page_set_contract (self->fiscal_notes_page, self->client, contract);
  san_tickets_page_set_contract (self->tickets_page, self->client, contract);
  san_emails_page_set_contract (self->emails_page, self->client, contract);
}

/* Live status */

static gboolean
showing (SanWindow *self,
         gpointer   page)
{
  return adw_view_stack_get_visible_child (self->content_stack) == GTK_WIDGET (page);
}

static void
update_bell (SanWindow *self)
{
  guint n = san_notification_center_get_unread_count (self->center);
  g_autofree char *a11y = NULL;

  if (self->bell_badge == NULL)
    return;   /* disposing */

  if (n > 0)
    {
      g_autofree char *count = n > 99 ? g_strdup ("99+") : g_strdup_printf ("%u", n);

      gtk_label_set_label (self->bell_badge, count);
      /* Translators: the bell's name for screen readers and its tooltip */
      a11y = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Notifications, %u unread",
                                           "Notifications, %u unread", n), n);
    }
  else
    a11y = g_strdup (_("Notifications"));
  gtk_widget_set_visible (GTK_WIDGET (self->bell_badge), n > 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->bell_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->bell_button), a11y);
}

static void update_connection (SanWindow *self);

static gboolean
on_connection_tick_cb (gpointer user_data)
{
  update_connection (SAN_WINDOW (user_data));
  return G_SOURCE_CONTINUE;
}

/* "Live", "Connecting…" or "Reconnecting in 8 s…" with Retry Now: calm,
 * in the sidebar's foot */
static void
update_connection (SanWindow *self)
{
  static const char * const dot_classes[] = { "live", "connecting", "reconnecting" };
  SanEventStreamState state = SAN_EVENT_STREAM_STOPPED;
  g_autofree char *label = NULL;
  const char *dot = NULL;
  const char *tooltip = NULL;

  if (self->connection_box == NULL)
    return;   /* disposing */
  if (self->stream != NULL)
    state = san_event_stream_get_state (self->stream);

  switch (state)
    {
    case SAN_EVENT_STREAM_CONNECTED:
      dot = "live";
      label = g_strdup (_("Live"));
      tooltip = _("Problems with your services and other news show as they happen");
      break;
    case SAN_EVENT_STREAM_CONNECTING:
      dot = "connecting";
      label = g_strdup (_("Connecting…"));
      break;
    case SAN_EVENT_STREAM_RECONNECTING:
      {
        gint64 now = g_get_monotonic_time ();

        dot = "reconnecting";
        if (self->retry_deadline > now)
          {
            guint seconds = (guint) ((self->retry_deadline - now + G_USEC_PER_SEC - 1) /
                                     G_USEC_PER_SEC);

            /* Translators: the live connection was lost; %u is a number of seconds */
            label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Reconnecting in %u s…",
                                                  "Reconnecting in %u s…", seconds), seconds);
          }
        else
          label = g_strdup (_("Reconnecting…"));
        tooltip = _("Live updates paused: what is shown may be out of date");
      }
      break;
    case SAN_EVENT_STREAM_STOPPED:
    default:
      break;
    }

  for (guint i = 0; i < G_N_ELEMENTS (dot_classes); i++)
    {
      if (g_strcmp0 (dot, dot_classes[i]) == 0)
        gtk_widget_add_css_class (self->connection_dot, dot_classes[i]);
      else
        gtk_widget_remove_css_class (self->connection_dot, dot_classes[i]);
    }
  gtk_label_set_label (self->connection_label, label != NULL ? label : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->connection_label), tooltip);
  gtk_widget_set_visible (self->retry_now_button, state == SAN_EVENT_STREAM_RECONNECTING);
  gtk_widget_set_visible (self->connection_box, label != NULL);

  /* The countdown ticks only while waiting */
  if (state == SAN_EVENT_STREAM_RECONNECTING && self->connection_tick_id == 0)
    self->connection_tick_id = g_timeout_add_seconds (1, on_connection_tick_cb, self);
  else if (state != SAN_EVENT_STREAM_RECONNECTING)
    g_clear_handle_id (&self->connection_tick_id, g_source_remove);
}

static void
on_stream_state_cb (SanWindow      *self,
                    GParamSpec     *pspec,
                    SanEventStream *stream)
{
  if (san_event_stream_get_state (stream) != SAN_EVENT_STREAM_RECONNECTING)
    self->retry_deadline = 0;
  update_connection (self);
}

static void
on_stream_retry_in_cb (SanWindow      *self,
                       GParamSpec     *pspec,
                       SanEventStream *stream)
{
  guint retry_in = san_event_stream_get_retry_in (stream);

  self->retry_deadline = retry_in > 0 ? g_get_monotonic_time () + retry_in * G_USEC_PER_SEC : 0;
  update_connection (self);
}

static void
on_retry_now_clicked_cb (SanWindow *self)
{
  if (self->stream != NULL)
    san_event_stream_retry_now (self->stream);
}

typedef struct
{
  SanWindow *self;          /* not a reference: the load is cancelled in dispose */
  char      *contract_id;
} AlertsLoad;

static void
alerts_load_free (AlertsLoad *load)
{
  g_free (load->contract_id);
  g_free (load);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlertsLoad, alerts_load_free)

static void
on_alerts_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(AlertsLoad) load = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SanStatus) status = NULL;

  status = san_client_get_contract_status_finish (SAN_CLIENT (object), result, &error);
  if (status == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not load the alerts of a contract: %s", error->message);
      return;   /* self may be gone when cancelled */
    }

  san_notification_center_set_incidents (load->self->center, load->contract_id,
                                         san_status_get_incidents (status));
}

/* The bell's alerts: the open incidents of every contract whose services
 * the user may see */
static void
load_alerts (SanWindow *self)
{
  GListModel *contracts;

  g_cancellable_cancel (self->alerts_cancellable);
  g_clear_object (&self->alerts_cancellable);
  if (self->me == NULL || self->client == NULL)
    return;

  self->alerts_cancellable = g_cancellable_new ();
  contracts = san_me_get_contracts (self->me);
  for (guint i = 0; i < g_list_model_get_n_items (contracts); i++)
    {
      g_autoptr(SanContract) contract = g_list_model_get_item (contracts, i);
      AlertsLoad *load;

      if (!san_contract_has_permission (contract, SAN_PERMISSION_SERVICES))
        continue;
      load = g_new0 (AlertsLoad, 1);
      load->self = self;
      load->contract_id = g_strdup (san_contract_get_id (contract));
      san_client_get_contract_status_async (self->client, load->contract_id,
                                            self->alerts_cancellable, on_alerts_loaded_cb, load);
    }
}

/* Whether the user is looking at what @alert is about right now: then a
 * toast says it instead of a desktop notification */
static gboolean
shows_alert_target (SanWindow *self,
                    SanAlert  *alert)
{
  if (!gtk_widget_get_visible (GTK_WIDGET (self)) ||
      !gtk_window_is_active (GTK_WINDOW (self)) ||
      self->contract == NULL ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "main") != 0 ||
      g_strcmp0 (san_alert_get_contract_id (alert), san_contract_get_id (self->contract)) != 0)
    return FALSE;

  switch (san_alert_get_target (alert))
    {
    case SAN_ALERT_TARGET_STATUS:
      /* The Overview's banner shows incidents too */
      return showing (self, self->status_page) ||
             (showing (self, self->overview_page) &&
              san_alert_get_kind (alert) != SAN_ALERT_KIND_SERVER_DOWN &&
              san_alert_get_kind (alert) != SAN_ALERT_KIND_SERVER_RECOVERED);
    case SAN_ALERT_TARGET_INVOICE:
      return showing (self, self->invoices_page);
    case SAN_ALERT_TARGET_TICKET:
      return showing (self, self->tickets_page);
    case SAN_ALERT_TARGET_NONE:
    default:
      return FALSE;
    }
}

static void
on_stream_event_cb (SanWindow      *self,
                    SanEvent       *event,
                    SanEventStream *stream)
{
  SanAlert *alert;

  if (self->contract != NULL &&
      g_strcmp0 (san_event_get_contract_id (event), san_contract_get_id (self->contract)) == 0)
    {
      san_contract_incidents_apply_event (self->incidents, event);
      san_status_page_apply_event (self->status_page, event);
    }

  alert = san_notification_center_add_event (self->center, event);
  if (alert == NULL)
    return;
  if (shows_alert_target (self, alert))
    san_ui_add_toast (GTK_WIDGET (self), san_alert_get_title (alert), 5);
  else
    san_notification_center_send (self->center, alert);
}

/* Events were missed: what is shown is loaded again */
static void
on_stream_resync_cb (SanWindow      *self,
                     SanEventStream *stream)
{
  if (self->contract != NULL)
    {
      san_contract_incidents_reload (self->incidents);
      san_overview_page_reload (self->overview_page);
      san_status_page_reload (self->status_page);
      san_invoices_page_reload (self->invoices_page);
      san_tickets_page_reload (self->tickets_page);
    }
  load_alerts (self);
}

static void
start_stream (SanWindow *self)
{
  stop_stream (self);

  self->stream = san_event_stream_new (self->client);
  g_signal_connect_object (self->stream, "event", G_CALLBACK (on_stream_event_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stream, "resync", G_CALLBACK (on_stream_resync_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stream, "notify::state", G_CALLBACK (on_stream_state_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stream, "notify::retry-in", G_CALLBACK (on_stream_retry_in_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_set_visible (GTK_WIDGET (self->bell_button), TRUE);
  san_event_stream_start (self->stream);
  load_alerts (self);
  update_connection (self);
}

static void
stop_stream (SanWindow *self)
{
  g_cancellable_cancel (self->alerts_cancellable);
  g_clear_object (&self->alerts_cancellable);
  if (self->stream != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->stream, self);
      san_event_stream_stop (self->stream);
      g_clear_object (&self->stream);
    }
  g_clear_handle_id (&self->connection_tick_id, g_source_remove);
  self->retry_deadline = 0;
  if (self->center != NULL)
    san_notification_center_clear (self->center);
  if (self->bell_button != NULL)
    {
      gtk_menu_button_popdown (self->bell_button);
      gtk_widget_set_visible (GTK_WIDGET (self->bell_button), FALSE);
    }
  update_connection (self);
}

static void
on_notifications_popover_show_cb (SanWindow *self)
{
  san_notification_center_mark_all_read (self->center);
}

static void
on_notifications_popover_alert_activated_cb (SanWindow *self,
                                             SanAlert  *alert)
{
  san_window_show_alert (self, san_alert_get_contract_id (alert), san_alert_get_target (alert),
                         san_alert_get_target_id (alert));
}

static void
show_main (SanWindow *self,
           SanMe     *me)
{
  g_autofree char *last = g_settings_get_string (self->settings, "last-contract");
  GListModel *contracts = san_me_get_contracts (me);
  SanUser *user = san_me_get_user (me);
  guint n = g_list_model_get_n_items (contracts);
  guint selected = 0;

  g_set_object (&self->me, me);

  gtk_label_set_label (self->user_name_label, san_user_get_display_name (user));
  gtk_label_set_label (self->user_email_label, san_user_get_email (user));

  if (san_user_get_is_staff (user))
    {
      /* No contracts of their own: no switcher, no "no contracts" state */
      g_clear_object (&self->contract);
      self->updating_contracts = TRUE;
      gtk_drop_down_set_model (self->contract_dropdown, NULL);
      self->updating_contracts = FALSE;
      set_staff_mode (self, TRUE);
      san_staff_queue_page_set_client (self->staff_queue_page, self->client);
      gtk_list_box_select_row (self->sidebar_list, self->staff_queue_row);
      gtk_stack_set_visible_child_name (self->stack, "main");
      return;
    }

  set_staff_mode (self, FALSE);
  san_staff_queue_page_set_client (self->staff_queue_page, NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SanContract) contract = g_list_model_get_item (contracts, i);

      if (g_strcmp0 (san_contract_get_id (contract), last) == 0)
        selected = i;
    }

  g_clear_object (&self->contract);
  self->updating_contracts = TRUE;
  gtk_drop_down_set_model (self->contract_dropdown, contracts);
  gtk_drop_down_set_selected (self->contract_dropdown, selected);
  self->updating_contracts = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->contract_dropdown), n > 1);
  select_contract (self, gtk_drop_down_get_selected_item (self->contract_dropdown));
  update_sections (self);   /* also with no contract at all */
  start_stream (self);

  gtk_list_box_select_row (self->sidebar_list, self->overview_row);
  gtk_stack_set_visible_child_name (self->stack, "main");
}

static void
on_fetch_me_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanMe) me = NULL;
  SanWindow *self;

  me = san_client_fetch_me_finish (SAN_CLIENT (object), result, &error);
  if (me == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = SAN_WINDOW (user_data);
  if (me != NULL)
    show_main (self, me);
  else if (is_signed_out_error (error))
    show_sign_in (self, NULL);
  else if (is_network_error (error))
    show_unreachable (self, error);
  else
    show_sign_in (self, error->message);
}

static void
fetch_me (SanWindow *self)
{
  restart_cancellable (self);
  show_loading (self);
  san_client_fetch_me_async (self->client, self->cancellable, on_fetch_me_cb, self);
}

static void
on_client_signed_out_cb (SanWindow *self,
                         SanClient *client)
{
  if (client != self->client || self->signing_out)
    return;

  restart_cancellable (self);
  show_sign_in (self, _("Your session has ended. Sign in again."));
}

static void
set_client (SanWindow *self,
            SanClient *client)
{
  if (!g_set_object (&self->client, client))
    return;
  if (client != NULL)
    g_signal_connect_object (client, "signed-out", G_CALLBACK (on_client_signed_out_cb),
                             self, G_CONNECT_SWAPPED);
}

static void
on_restore_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  SanWindow *self;

  if (!san_client_restore_finish (SAN_CLIENT (object), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = SAN_WINDOW (user_data);
  if (error == NULL)
    fetch_me (self);
  else if (is_signed_out_error (error))
    show_sign_in (self, NULL);
  else if (is_network_error (error))
    show_unreachable (self, error);
  else
    show_sign_in (self, error->message);
}

static void
start (SanWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanClient) client = NULL;

  restart_cancellable (self);
  show_loading (self);

  client = san_client_new (self->server, self->store, &error);
  set_client (self, client);
  if (client == NULL)
    {
      show_sign_in (self, error->message);
      return;
    }

  san_client_restore_async (client, self->cancellable, on_restore_cb, self);
}

static void
on_sign_in_page_signed_in_cb (SanWindow     *self,
                              SanClient     *client,
                              SanSignInPage *page)
{
  g_free (self->server);
  self->server = g_strdup (san_client_get_base_uri (client));
  g_settings_set_string (self->settings, "server-url", self->server);

  set_client (self, client);
  fetch_me (self);
}

static void
on_logout_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  SanWindow *self;

  if (!san_client_logout_finish (SAN_CLIENT (object), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = SAN_WINDOW (user_data);
  self->signing_out = FALSE;
  show_sign_in (self, NULL);

  /* The session is forgotten here either way */
  if (error != NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Signed out here, but the server was not "
                                                  "told: %s"), error->message);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
    }
}

static void
on_page_load_failed_cb (SanWindow    *self,
                        const GError *error,
                        GtkWidget    *page)
{
  g_autofree char *title = NULL;

  if (is_signed_out_error (error))
    {
      /* The client also says "signed-out" when the session ended */
      if (!san_client_get_signed_in (self->client))
        show_sign_in (self, _("Your session has ended. Sign in again."));
      return;
    }

  if (g_error_matches (error, SAN_API_ERROR, SAN_API_ERROR_NETWORK))
    title = g_strdup (_("Can’t reach SAN. Check your connection."));
  else if (page == GTK_WIDGET (self->invoices_page))
    {
      if (g_error_matches (error, SAN_API_ERROR, SAN_API_ERROR_FORBIDDEN))
        title = g_strdup (_("You don’t have permission to see this contract’s invoices."));
      else
        /* Translators: %s is the reason */
        title = g_strdup_printf (_("Could not load the invoices: %s"), error->message);
    }
  else if (page == GTK_WIDGET (self->payment_methods_page))
    {
      if (g_error_matches (error, SAN_API_ERROR, SAN_API_ERROR_FORBIDDEN))
        title = g_strdup (_("You don’t have permission to see this contract’s payment methods."));
      else
        /* Translators: %s is the reason */
        title = g_strdup_printf (_("Could not load the payment methods: %s"), error->message);
    }
  else if (page == GTK_WIDGET (self->tickets_page))
    {
      if (g_error_matches (error, SAN_API_ERROR, SAN_API_ERROR_FORBIDDEN))
        title = g_strdup (_("You don’t have permission to see this contract’s tickets."));
      else
        /* Translators: %s is the reason */
        title = g_strdup_printf (_("Could not load the tickets: %s"), error->message);
    }
  else if (page == GTK_WIDGET (self->emails_page))
    {
      if (g_error_matches (error, SAN_API_ERROR, SAN_API_ERROR_FORBIDDEN))
        title = g_strdup (_("You don’t have permission to see this contract’s e-mail history."));
      else
        /* Translators: %s is the reason */
        title = g_strdup_printf (_("Could not load the e-mail history: %s"), error->message);
    }
  else if (page == GTK_WIDGET (self->staff_queue_page))
    {
      if (g_error_matches (error, SAN_API_ERROR, SAN_API_ERROR_FORBIDDEN))
        title = g_strdup (_("Only SAN staff can see the ticket queue."));
      else
        /* Translators: %s is the reason */
        title = g_strdup_printf (_("Could not load the ticket queue: %s"), error->message);
    }
  else if (page == GTK_WIDGET (self->status_page))
    {
      if (g_error_matches (error, SAN_API_ERROR, SAN_API_ERROR_FORBIDDEN))
        title = g_strdup (_("You don’t have permission to see the status of this contract’s services."));
      else
        /* Translators: %s is the reason */
        title = g_strdup_printf (_("Could not load the status of your services: %s"),
                                 error->message);
    }
  else if (page == GTK_WIDGET (self->fiscal_notes_page))
    {
      if (g_error_matches (error, SAN_API_ERROR, SAN_API_ERROR_FORBIDDEN))
        title = g_strdup (_("You don’t have permission to see this contract’s notas fiscais."));
      else
        /* Translators: %s is the reason */
        title = g_strdup_printf (_("Could not load the notas fiscais: %s"), error->message);
    }
  else if (g_error_matches (error, SAN_API_ERROR, SAN_API_ERROR_FORBIDDEN))
    title = g_strdup (_("You don’t have permission to see this contract’s services."));
  else
    /* Translators: %s is the reason */
    title = g_strdup_printf (_("Could not load the services: %s"), error->message);
  show_error_toast (self, title);
}

static void
on_overview_status_activated_cb (SanWindow       *self,
                                 int              status,
                                 SanOverviewPage *page)
{
  san_services_page_set_status_filter (self->services_page, status);
  gtk_list_box_select_row (self->sidebar_list, self->services_row);
}

static void
on_overview_service_activated_cb (SanWindow       *self,
                                  const char      *service_id,
                                  SanOverviewPage *page)
{
  gtk_list_box_select_row (self->sidebar_list, self->services_row);
  san_services_page_show_service (self->services_page, service_id);
}

static void
on_sidebar_row_selected_cb (SanWindow     *self,
                            GtkListBoxRow *row,
                            GtkListBox    *list)
{
  if (self->content_stack == NULL)
    return;   /* disposing */

  if (row == self->services_row)
    {
      adw_view_stack_set_visible_child_name (self->content_stack, "services");
      adw_window_title_set_title (self->content_title, _("Services"));
    }
  else if (row == self->status_row)
    {
      adw_view_stack_set_visible_child_name (self->content_stack, "status");
      adw_window_title_set_title (self->content_title, C_("section", "Status"));
    }
  else if (row == self->overview_row)
    {
      adw_view_stack_set_visible_child_name (self->content_stack, "overview");
      adw_window_title_set_title (self->content_title, _("Overview"));
    }
  else if (row == self->invoices_row)
    {
      adw_view_stack_set_visible_child_name (self->content_stack, "invoices");
      adw_window_title_set_title (self->content_title, _("Invoices"));
    }
  else if (row == self->payment_methods_row)
    {
      adw_view_stack_set_visible_child_name (self->content_stack, "payment-methods");
      adw_window_title_set_title (self->content_title, _("Payment Methods"));
    }
  else if (row == self->fiscal_notes_row)
    {
      adw_view_stack_set_visible_child_name (self->content_stack, "fiscal-notes");
      adw_window_title_set_title (self->content_title, _("Notas Fiscais"));
    }
  else if (row == self->tickets_row)
    {
      adw_view_stack_set_visible_child_name (self->content_stack, "tickets");
      adw_window_title_set_title (self->content_title, _("Tickets"));
    }
  else if (row == self->emails_row)
    {
      adw_view_stack_set_visible_child_name (self->content_stack, "emails");
      adw_window_title_set_title (self->content_title, _("E-mail History"));
    }
  else if (row == self->staff_queue_row)
    {
      adw_view_stack_set_visible_child_name (self->content_stack, "staff-queue");
      adw_window_title_set_title (self->content_title, _("Ticket Queue"));
    }
  else
    return;

  /* Also when unfolded, so that folding later shows the section */
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
on_sidebar_row_activated_cb (SanWindow     *self,
                             GtkListBoxRow *row,
                             GtkListBox    *list)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static gboolean
showing_services (SanWindow *self)
{
  return adw_view_stack_get_visible_child (self->content_stack) == GTK_WIDGET (self->services_page);
}

static gboolean
showing_invoices (SanWindow *self)
{
  return adw_view_stack_get_visible_child (self->content_stack) == GTK_WIDGET (self->invoices_page);
}

/* Back goes from a service's details to the list, then to the sections */
static void
on_leaflet_folded_cb (SanWindow *self)
{
  gboolean can_go_back;

  if (self->back_button == NULL)
    return;   /* disposing */

  can_go_back = adw_leaflet_get_folded (self->leaflet) ||
                (showing_services (self) &&
                 san_services_page_get_showing_detail (self->services_page)) ||
                (showing_invoices (self) &&
                 san_invoices_page_get_showing_detail (self->invoices_page)) ||
                (showing (self, self->status_page) &&
                 san_status_page_get_showing_detail (self->status_page)) ||
                (showing (self, self->tickets_page) &&
                 san_tickets_page_get_showing_detail (self->tickets_page)) ||
                (showing (self, self->emails_page) &&
                 san_emails_page_get_showing_detail (self->emails_page)) ||
                (showing (self, self->staff_queue_page) &&
                 san_staff_queue_page_get_showing_detail (self->staff_queue_page));
  gtk_widget_set_visible (self->back_button, can_go_back);
}

static void
on_back_clicked_cb (SanWindow *self)
{
  if (showing_services (self) && san_services_page_go_back (self->services_page))
    return;
  if (showing_invoices (self) && san_invoices_page_go_back (self->invoices_page))
    return;
  if (showing (self, self->status_page) && san_status_page_go_back (self->status_page))
    return;
  if (showing (self, self->tickets_page) && san_tickets_page_go_back (self->tickets_page))
    return;
  if (showing (self, self->emails_page) && san_emails_page_go_back (self->emails_page))
    return;
  if (showing (self, self->staff_queue_page) && san_staff_queue_page_go_back (self->staff_queue_page))
    return;
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar_box);
}

static void
on_contract_dropdown_selected_cb (SanWindow   *self,
                                  GParamSpec  *pspec,
                                  GtkDropDown *dropdown)
{
  SanContract *contract = gtk_drop_down_get_selected_item (dropdown);

  if (self->overview_page == NULL)
    return;   /* disposing */
  if (!self->updating_contracts && contract != NULL)
    select_contract (self, contract);
}

static void
on_contract_factory_setup_cb (GtkSignalListItemFactory *factory,
                                   GtkListItem              *item,
                                   gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *document = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 30);
  gtk_label_set_xalign (GTK_LABEL (document), 0);
  gtk_widget_add_css_class (document, "dim-label");
  gtk_widget_add_css_class (document, "caption");
  gtk_widget_add_css_class (document, "numeric");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), document);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_list_item_set_child (item, box);
}

static void
on_contract_factory_bind_cb (GtkSignalListItemFactory *factory,
                                  GtkListItem              *item,
                                  gpointer                  user_data)
{
  SanContract *contract = gtk_list_item_get_item (item);
  GtkWidget *name = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *document = gtk_widget_get_next_sibling (name);
  g_autofree char *formatted = san_document_format (san_contract_get_document (contract));

  gtk_label_set_label (GTK_LABEL (name), san_contract_get_name (contract));
  gtk_label_set_label (GTK_LABEL (document),
                       formatted != NULL ? formatted : san_contract_get_document (contract));
}

static void
reload_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SanWindow *self = SAN_WINDOW (widget);

  if (self->error_toast != NULL)
    adw_toast_dismiss (self->error_toast);
  if (self->staff_mode)
    {
      san_staff_queue_page_reload (self->staff_queue_page);
      return;
    }
  if (self->contract == NULL)
    return;
  san_contract_incidents_reload (self->incidents);
  san_overview_page_reload (self->overview_page);
  san_services_page_reload (self->services_page);
  san_status_page_reload (self->status_page);
  san_invoices_page_reload (self->invoices_page);
  san_payment_methods_page_reload (self->payment_methods_page);
  san_fiscal_notes_page_reload (self->fiscal_notes_page);
  san_tickets_page_reload (self->tickets_page);
  san_emails_page_reload (self->emails_page);
}

/* "Nós ligamos para você", from the Overview and the Tickets section */
static void
request_callback_action_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  SanWindow *self = SAN_WINDOW (widget);

  if (self->contract == NULL)
    return;
  san_callback_dialog_present (GTK_WINDOW (self), self->client, self->contract, NULL);
}

/* The Overview banner's Details: the Status section */
static void
show_status_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SanWindow *self = SAN_WINDOW (widget);

  san_window_show_alert (self, NULL, SAN_ALERT_TARGET_STATUS, NULL);
}

static void
retry_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  start (SAN_WINDOW (widget));
}

static void
search_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SanWindow *self = SAN_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "main") != 0)
    return;
  if (self->staff_mode)
    {
      gtk_list_box_select_row (self->sidebar_list, self->staff_queue_row);
      san_staff_queue_page_focus_search (self->staff_queue_page);
      return;
    }
  gtk_list_box_select_row (self->sidebar_list, self->services_row);
  san_services_page_focus_search (self->services_page);
}

static gboolean
san_window_close_request (GtkWindow *window)
{
  SanWindow *self = SAN_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }

  /* Running in the background: the window only hides, the stream goes on
   * and alerts come as desktop notifications; app.quit really quits */
  if (g_settings_get_boolean (self->settings, "run-in-background"))
    {
      GtkApplication *app = gtk_window_get_application (window);

      if (SAN_IS_APPLICATION (app) &&
          san_application_hold_in_background (SAN_APPLICATION (app)))
        {
          gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
          return TRUE;
        }
    }

  return GTK_WINDOW_CLASS (san_window_parent_class)->close_request (window);
}

static void
san_window_dispose (GObject *object)
{
  SanWindow *self = SAN_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  stop_stream (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SAN_TYPE_WINDOW);

  g_clear_object (&self->center);
  g_clear_object (&self->incidents);
  g_clear_object (&self->contract);
  g_clear_object (&self->me);
  g_clear_object (&self->client);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (san_window_parent_class)->dispose (object);
}

static void
san_window_finalize (GObject *object)
{
  SanWindow *self = SAN_WINDOW (object);

  g_free (self->server);

  G_OBJECT_CLASS (san_window_parent_class)->finalize (object);
}

static void
san_window_class_init (SanWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = san_window_dispose;
  object_class->finalize = san_window_finalize;
  window_class->close_request = san_window_close_request;

  g_type_ensure (SAN_TYPE_SIGN_IN_PAGE);
  g_type_ensure (SAN_TYPE_OVERVIEW_PAGE);
  g_type_ensure (SAN_TYPE_SERVICES_PAGE);
  g_type_ensure (SAN_TYPE_STATUS_PAGE);
  g_type_ensure (SAN_TYPE_NOTIFICATIONS_POPOVER);
  g_type_ensure (SAN_TYPE_INVOICES_PAGE);
  g_type_ensure (SAN_TYPE_PAYMENT_METHODS_PAGE);
  g_type_ensure (SAN_TYPE_FISCAL_NOTES_PAGE);
  g_type_ensure (SAN_TYPE_TICKETS_PAGE);
  g_type_ensure (SAN_TYPE_EMAILS_PAGE);
  g_type_ensure (SAN_TYPE_STAFF_QUEUE_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/saninternet/ClientArea/ui/san-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SanWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SanWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SanWindow, sign_in_page);
  gtk_widget_class_bind_template_child (widget_class, SanWindow, unreachable_page);
  gtk_widget_class_bind_template_child (widget_class, SanWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SanWindow, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, SanWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, SanWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, SanWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, SanWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, SanWindow, overview_row);
  gtk_widget_class_bind_template_child (widget_class, SanWindow, services_row);
  gtk_widget_class_bind_template_child (widget_class, SanWindow, status_row);
  gtk_widget_class_bind_template_child (widget_class, SanWindow, invoices_row);
  gtk_widget_class_bind_template_child (widget_class, SanWindow, payment_methods_row);
  gtk_widget_class_bind_template_child (widget_class, SanWindow, fiscal_notes_row);
  gtk_widget_class_bind_template_child (widget_class, SanWindow, tickets_row);
  gtk_widget_class_bind_template_child (widget_class, SanWindow, emails_row);
  gtk_widget_class_bind_template_child (widget_class, SanWindow, staff_queue_row);
  gtk_widget_class_bind_template_child (widget_class, SanWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, SanWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, SanWindow, contract_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SanWindow, user_menu_button);
  gtk_widget_class_bind_template_child (widget_class, SanWindow, user_box);
  gtk_widget_class_bind_template_child (widget_class, SanWindow, user_name_label);
  gtk_widget_class_bind_template_child (widget_class, SanWindow, user_email_label);
  gtk_widget_class_bind_template_child (widget_class, SanWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, SanWindow, services_page);
  gtk_widget_class_bind_template_child (widget_class, SanWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, SanWindow, bell_button);
  gtk_widget_class_bind_template_child (widget_class, SanWindow, bell_badge);
  gtk_widget_class_bind_template_child (widget_class, SanWindow, notifications_popover);
  gtk_widget_class_bind_template_child (widget_class, SanWindow, connection_box);
  gtk_widget_class_bind_template_child (widget_class, SanWindow, connection_dot);
  gtk_widget_class_bind_template_child (widget_class, SanWindow, connection_label);
  gtk_widget_class_bind_template_child (widget_class, SanWindow, retry_now_button);
  gtk_widget_class_bind_template_child (widget_class, SanWindow, invoices_page);
  gtk_widget_class_bind_template_child (widget_class, SanWindow, payment_methods_page);
  gtk_widget_class_bind_template_child (widget_class, SanWindow, fiscal_notes_page);
  gtk_widget_class_bind_template_child (widget_class, SanWindow, tickets_page);
  gtk_widget_class_bind_template_child (widget_class, SanWindow, emails_page);
  gtk_widget_class_bind_template_child (widget_class, SanWindow, staff_queue_page);
  gtk_widget_class_bind_template_callback (widget_class, on_sign_in_page_signed_in_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_page_load_failed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_overview_status_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_overview_service_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_contract_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_retry_now_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_notifications_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_notifications_popover_alert_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action_cb);
  gtk_widget_class_install_action (widget_class, "win.retry", NULL, retry_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-status", NULL, show_status_action_cb);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action_cb);
  gtk_widget_class_install_action (widget_class, "win.request-callback", NULL, request_callback_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "win.reload", NULL);
}

static void
san_window_init (SanWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkPopover *popover;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->incidents = san_contract_incidents_new ();
  san_overview_page_set_incidents (self->overview_page,
                                   san_contract_incidents_get_model (self->incidents));
  san_tickets_page_set_incidents (self->tickets_page,
                                  san_contract_incidents_get_model (self->incidents));

  /* Name and CPF/CNPJ, in the button and in the list */
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_contract_factory_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_contract_factory_bind_cb), NULL);
  gtk_drop_down_set_factory (self->contract_dropdown, factory);

  popover = gtk_menu_button_get_popover (self->user_menu_button);
  gtk_popover_menu_add_child (GTK_POPOVER_MENU (popover), self->user_box, "user");
}

static void
setup_notifications (SanWindow      *self,
                     SanApplication *application)
{
  self->center = san_notification_center_new (G_APPLICATION (application));
  g_signal_connect_object (self->center, "notify::unread-count", G_CALLBACK (update_bell),
                           self, G_CONNECT_SWAPPED);
  san_notifications_popover_set_center (self->notifications_popover, self->center);
  update_bell (self);
}

SanWindow *
san_window_new (SanApplication *application,
                const char     *server)
{
  SanWindow *self;

  g_return_val_if_fail (SAN_IS_APPLICATION (application), NULL);

  self = g_object_new (SAN_TYPE_WINDOW, "application", application, NULL);
  self->settings = g_object_ref (san_application_get_settings (application));
  self->store = g_object_ref (san_application_get_token_store (application));
  if (server != NULL && server[0] != '\0')
    self->server = g_strdup (server);
  else
    self->server = g_settings_get_string (self->settings, "server-url");

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  setup_notifications (self, application);
  san_sign_in_page_set_token_store (self->sign_in_page, self->store);
  san_sign_in_page_set_server (self->sign_in_page, self->server);

  start (self);
  return self;
}

void
san_window_sign_out (SanWindow *self)
{
  g_return_if_fail (SAN_IS_WINDOW (self));

  if (self->client == NULL || !san_client_get_signed_in (self->client))
    {
      show_sign_in (self, NULL);
      return;
    }

  restart_cancellable (self);
  clear_session_view (self);
  show_loading (self);
  self->signing_out = TRUE;
  san_client_logout_async (self->client, self->cancellable, on_logout_cb, self);
}

SanNotificationCenter *
san_window_get_notification_center (SanWindow *self)
{
  g_return_val_if_fail (SAN_IS_WINDOW (self), NULL);

  return self->center;
}

SanEventStream *
san_window_get_event_stream (SanWindow *self)
{
  g_return_val_if_fail (SAN_IS_WINDOW (self), NULL);

  return self->stream;
}

static void
select_contract_by_id (SanWindow  *self,
                       const char *contract_id)
{
  GListModel *contracts = gtk_drop_down_get_model (self->contract_dropdown);

  if (contracts == NULL ||
      (self->contract != NULL && g_strcmp0 (san_contract_get_id (self->contract), contract_id) == 0))
    return;
  for (guint i = 0; i < g_list_model_get_n_items (contracts); i++)
    {
      g_autoptr(SanContract) contract = g_list_model_get_item (contracts, i);

      if (g_strcmp0 (san_contract_get_id (contract), contract_id) == 0)
        {
          gtk_drop_down_set_selected (self->contract_dropdown, i);
          return;
        }
    }
}

void
san_window_show_alert (SanWindow      *self,
                       const char     *contract_id,
                       SanAlertTarget  target,
                       const char     *target_id)
{
  g_return_if_fail (SAN_IS_WINDOW (self));

  if (self->staff_mode || g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "main") != 0)
    return;
  if (contract_id != NULL && contract_id[0] != '\0')
    select_contract_by_id (self, contract_id);

  switch (target)
    {
    case SAN_ALERT_TARGET_STATUS:
      if (!gtk_widget_get_visible (GTK_WIDGET (self->status_row)))
        {
          gtk_list_box_select_row (self->sidebar_list, self->overview_row);
          break;
        }
      gtk_list_box_select_row (self->sidebar_list, self->status_row);
      /* An incident: its details, when the Status section has it loaded */
      if (target_id != NULL && target_id[0] != '\0')
        san_status_page_show_incident (self->status_page, target_id);
      break;
    case SAN_ALERT_TARGET_INVOICE:
      if (!gtk_widget_get_visible (GTK_WIDGET (self->invoices_row)))
        break;
      gtk_list_box_select_row (self->sidebar_list, self->invoices_row);
      if (target_id != NULL && target_id[0] != '\0')
        san_invoices_page_show_invoice (self->invoices_page, target_id);
      break;
    case SAN_ALERT_TARGET_TICKET:
      if (!gtk_widget_get_visible (GTK_WIDGET (self->tickets_row)))
        break;
      gtk_list_box_select_row (self->sidebar_list, self->tickets_row);
      if (target_id != NULL && target_id[0] != '\0')
        san_tickets_page_show_ticket (self->tickets_page, target_id);
      break;
    case SAN_ALERT_TARGET_NONE:
    default:
      break;
    }
}
