/* san-pix-view.c: paying an invoice by PIX: the QR code, the copia e cola
 * text, a countdown, and "Paid" seconds after the payment clears
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "san-billing-labels.h"
#include "san-money.h"
#include "san-paycode-verify.h"
#include "san-pix-view.h"
#include "san-qr-paintable.h"
#include "san-ui-util.h"

/* Ask the server about the invoice every this many ticks (of 1 s) */
#define POLL_TICKS 2

struct _SanPixView
{
  GtkWidget      parent_instance;

  GCancellable  *cancellable;        /* getting the charge */
  GCancellable  *poll_cancellable;   /* asking about the invoice */
  SanClient     *client;
  SanContract   *contract;
  SanInvoice    *invoice;
  SanBoleto     *second_copy;        /* the invoice's 2ª via, when it has one */
  SanPixCharge  *charge;             /* shown, checked */
  AdwToast      *copied_toast;
  gint64         deadline;           /* monotonic time the charge expires */
  guint          tick_id;
  guint          ticks;
  guint          polling : 1;
  guint          confirming : 1;     /* asking the server whether it expired */

  GtkStack      *pix_stack;
  AdwStatusPage *error_page;
  GtkLabel      *warning_label;
  GtkLabel      *subtitle_label;
  GtkLabel      *amount_label;
  GtkPicture    *qr_picture;
  GtkLabel      *brcode_label;
  GtkWidget     *copy_button;
  GtkLabel      *countdown_label;
  AdwActionRow  *merchant_row;
  AdwActionRow  *key_row;
  AdwActionRow  *amount_row;
  AdwActionRow  *txid_row;
  AdwStatusPage *paid_page;
};

enum {
  PAID,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SanPixView, san_pix_view, GTK_TYPE_WIDGET)

static void create_charge (SanPixView *self);
static void poll          (SanPixView *self);

static const char *
visible_page (SanPixView *self)
{
  return gtk_stack_get_visible_child_name (self->pix_stack);
}

static gboolean
is_waiting (SanPixView *self)
{
  return self->charge != NULL && g_strcmp0 (visible_page (self), "active") == 0;
}

static void
stop_ticking (SanPixView *self)
{
  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_cancellable_cancel (self->poll_cancellable);
  g_clear_object (&self->poll_cancellable);
  self->polling = FALSE;
}

static void
show_paid (SanPixView *self,
           SanInvoice *invoice)
{
  g_autofree char *amount = NULL;
  g_autofree char *description = NULL;

  stop_ticking (self);
  amount = san_money_format_brl (self->charge != NULL
                                 ? san_pix_charge_get_amount_cents (self->charge)
                                 : san_invoice_get_total_cents (invoice));
  /* Translators: %s is an amount like "R$ 129,90" */
  description = g_strdup_printf (_("SAN received your PIX payment of %s. Thank you! Services "
                                   "waiting for this payment are released in a few moments."),
                                 amount);
  adw_status_page_set_description (self->paid_page, description);
  gtk_stack_set_visible_child_name (self->pix_stack, "paid");

  g_set_object (&self->invoice, invoice);
  g_signal_emit (self, signals[PAID], 0, invoice);
}

static void
show_expired (SanPixView *self)
{
  stop_ticking (self);
  gtk_stack_set_visible_child_name (self->pix_stack, "expired");
}

/* When the charge expires, on the monotonic clock. By this computer's
 * clock, unless that clock is clearly not the server's (the server says the
 * charge is active, but by this clock it is not or not yet): then the
 * charge's whole lifetime from now, and the server has the last word. */
static void
set_deadline (SanPixView   *self,
              SanPixCharge *charge)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GDateTime *created = san_pix_charge_get_created_at (charge);
  GDateTime *expires = san_pix_charge_get_expires_at (charge);
  GTimeSpan left, life;

  if (expires == NULL)
    {
      self->deadline = G_MAXINT64;
      return;
    }

  left = g_date_time_difference (expires, now);
  life = created != NULL ? g_date_time_difference (expires, created) : left;
  if (san_pix_charge_get_status (charge) == SAN_PIX_STATUS_ACTIVE &&
      (left <= 0 || left > life + 5 * G_TIME_SPAN_MINUTE))
    left = life;
  self->deadline = g_get_monotonic_time () + left;
}

/* "Expires in 29:41"; FALSE once the time is up */
static gboolean
update_countdown (SanPixView *self)
{
  g_autofree char *text = NULL;
  GTimeSpan left;
  gint64 seconds;

  if (self->charge == NULL || self->deadline == G_MAXINT64)
    return TRUE;

  left = self->deadline - g_get_monotonic_time ();
  if (left <= 0)
    {
      gtk_label_set_label (self->countdown_label, _("Expires now"));
      return FALSE;
    }

  seconds = (left + G_TIME_SPAN_SECOND - 1) / G_TIME_SPAN_SECOND;
  if (seconds >= 3600)
    /* Translators: time left to pay, hours:minutes:seconds */
    text = g_strdup_printf (_("Expires in %d:%02d:%02d"), (int) (seconds / 3600),
                            (int) (seconds / 60 % 60), (int) (seconds % 60));
  else
    /* Translators: time left to pay, minutes:seconds */
    text = g_strdup_printf (_("Expires in %d:%02d"), (int) (seconds / 60), (int) (seconds % 60));
  gtk_label_set_label (self->countdown_label, text);
  return TRUE;
}

/* The time is up here: the server says whether the charge expired */
static void
on_confirm_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanPixCharge) charge = NULL;
  SanPixView *self;

  charge = san_client_get_pix_finish (SAN_CLIENT (object), result, &error);
  if (charge == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = SAN_PIX_VIEW (user_data);
  self->confirming = FALSE;
  if (charge == NULL || !is_waiting (self) ||
      g_strcmp0 (san_pix_charge_get_txid (charge), san_pix_charge_get_txid (self->charge)) != 0)
    return;   /* asked again at the next tick */

  switch (san_pix_charge_get_status (charge))
    {
    case SAN_PIX_STATUS_EXPIRED:
      show_expired (self);
      break;
    case SAN_PIX_STATUS_SETTLED:
      poll (self);
      break;
    case SAN_PIX_STATUS_ACTIVE:
    default:
      /* Not yet by the server's clock: a few more seconds */
      self->deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
      break;
    }
}

static void
confirm_expiry (SanPixView *self)
{
  if (self->confirming || self->client == NULL)
    return;
  self->confirming = TRUE;
  san_client_get_pix_async (self->client,
                            san_contract_get_id (self->contract),
                            san_invoice_get_id (self->invoice),
                            self->cancellable,
                            on_confirm_cb,
                            self);
}

static void
on_poll_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanInvoice) invoice = NULL;
  SanPixView *self;

  invoice = san_client_get_invoice_finish (SAN_CLIENT (object), result, &error);
  if (invoice == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = SAN_PIX_VIEW (user_data);
  self->polling = FALSE;
  g_clear_object (&self->poll_cancellable);

  /* A failed poll is retried at the next one */
  if (invoice == NULL || !is_waiting (self))
    return;

  if (san_invoice_get_status (invoice) == SAN_INVOICE_STATUS_PAID)
    show_paid (self, invoice);
}

static void
poll (SanPixView *self)
{
  if (self->polling || self->client == NULL)
    return;

  self->polling = TRUE;
  self->poll_cancellable = g_cancellable_new ();
  san_client_get_invoice_async (self->client,
                                san_contract_get_id (self->contract),
                                san_invoice_get_id (self->invoice),
                                self->poll_cancellable,
                                on_poll_cb,
                                self);
}

static gboolean
on_tick_cb (gpointer user_data)
{
  SanPixView *self = SAN_PIX_VIEW (user_data);

  if (!is_waiting (self))
    {
      self->tick_id = 0;
      return G_SOURCE_REMOVE;
    }

  if (!update_countdown (self))
    confirm_expiry (self);

  if (++self->ticks % POLL_TICKS == 0)
    poll (self);
  return G_SOURCE_CONTINUE;
}

/* Counts down and polls while on screen and waiting for the payment */
static void
update_ticking (SanPixView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && is_waiting (self))
    {
      if (self->tick_id == 0)
        {
          self->ticks = 0;
          self->tick_id = g_timeout_add_seconds (1, on_tick_cb, self);
        }
    }
  else
    {
      stop_ticking (self);
    }
}

static void
show_charge (SanPixView   *self,
             SanPixCharge *charge)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanQrPaintable) qr = NULL;
  g_autofree char *title = NULL;
  g_autofree char *amount = NULL;

  stop_ticking (self);
  g_clear_object (&self->charge);
  gtk_picture_set_paintable (self->qr_picture, NULL);
  gtk_label_set_label (self->brcode_label, "");

  /* Nothing of a code that does not match the invoice is shown */
  if (!san_paycode_verify_pix (charge, self->invoice, self->second_copy, &error))
    {
      g_message ("PIX charge of invoice %s withheld: %s",
                 san_invoice_get_id (self->invoice), error->message);
      gtk_label_set_label (self->warning_label, error->message);
      gtk_stack_set_visible_child_name (self->pix_stack, "warning");
      return;
    }

  qr = san_qr_paintable_new (san_pix_charge_get_brcode (charge), &error);
  if (qr == NULL)
    {
      adw_status_page_set_title (self->error_page, _("Could Not Show the PIX Code"));
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->pix_stack, "error");
      return;
    }

  self->charge = g_object_ref (charge);
  title = san_invoice_dup_title (self->invoice);
  amount = san_money_format_brl (san_pix_charge_get_amount_cents (charge));

  gtk_label_set_label (self->subtitle_label, title);
  gtk_label_set_label (self->amount_label, amount);
  gtk_picture_set_paintable (self->qr_picture, GDK_PAINTABLE (qr));
  gtk_label_set_label (self->brcode_label, san_pix_charge_get_brcode (charge));
  san_ui_set_row (self->merchant_row, san_pix_charge_get_merchant_name (charge));
  san_ui_set_row (self->key_row, san_pix_charge_get_key (charge));
  san_ui_set_row (self->amount_row, amount);
  san_ui_set_row (self->txid_row, san_pix_charge_get_txid (charge));

  switch (san_pix_charge_get_status (charge))
    {
    case SAN_PIX_STATUS_SETTLED:
      /* Paid already: the invoice says so at the next look */
      gtk_stack_set_visible_child_name (self->pix_stack, "active");
      poll (self);
      break;
    case SAN_PIX_STATUS_EXPIRED:
      show_expired (self);
      return;
    case SAN_PIX_STATUS_ACTIVE:
    default:
      gtk_stack_set_visible_child_name (self->pix_stack, "active");
      break;
    }

  set_deadline (self, charge);
  update_countdown (self);
  update_ticking (self);
}

static void
show_error (SanPixView   *self,
            const GError *error)
{
  adw_status_page_set_title (self->error_page, _("Could Not Make a PIX Code"));
  if (g_error_matches (error, SAN_API_ERROR, SAN_API_ERROR_NETWORK))
    adw_status_page_set_description (self->error_page,
                                     _("Can’t reach SAN. Check your connection and try again."));
  else
    adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->pix_stack, "error");
}

static void
on_charge_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanPixCharge) charge = NULL;
  SanPixView *self;

  charge = san_client_create_pix_finish (SAN_CLIENT (object), result, &error);
  if (charge == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = SAN_PIX_VIEW (user_data);
  if (charge == NULL)
    show_error (self, error);
  else
    show_charge (self, charge);
}

static void
request_charge (SanPixView *self)
{
  san_client_create_pix_async (self->client,
                               san_contract_get_id (self->contract),
                               san_invoice_get_id (self->invoice),
                               self->cancellable,
                               on_charge_cb,
                               self);
}

static void
on_second_copy_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanBoleto) boleto = NULL;
  SanPixView *self;

  boleto = san_client_get_boleto_finish (SAN_CLIENT (object), result, &error);
  if (boleto == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = SAN_PIX_VIEW (user_data);
  if (boleto == NULL)
    {
      show_error (self, error);
      return;
    }
  if (san_boleto_get_is_second_copy (boleto))
    g_set_object (&self->second_copy, boleto);
  request_charge (self);
}

/* An overdue invoice may have a 2ª via, whose amount its PIX charges */
static void
create_charge (SanPixView *self)
{
  stop_ticking (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->confirming = FALSE;
  g_clear_object (&self->charge);
  g_clear_object (&self->second_copy);
  gtk_stack_set_visible_child_name (self->pix_stack, "loading");

  if (san_invoice_get_overdue (self->invoice))
    san_client_get_boleto_async (self->client,
                                 san_contract_get_id (self->contract),
                                 san_invoice_get_id (self->invoice),
                                 self->cancellable,
                                 on_second_copy_cb,
                                 self);
  else
    request_charge (self);
}

/* Actions */

static void
copy_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SanPixView *self = SAN_PIX_VIEW (widget);

  if (self->charge == NULL)
    return;   /* withheld or not loaded: nothing to copy */
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget),
                          san_pix_charge_get_brcode (self->charge));
  san_ui_toast_copied (widget, &self->copied_toast);
}

static void
new_charge_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SanPixView *self = SAN_PIX_VIEW (widget);

  if (self->client != NULL && self->invoice != NULL)
    create_charge (self);
}

/* GtkWidget */

static void
san_pix_view_map (GtkWidget *widget)
{
  SanPixView *self = SAN_PIX_VIEW (widget);

  GTK_WIDGET_CLASS (san_pix_view_parent_class)->map (widget);

  if (is_waiting (self))
    {
      /* Back on screen: the time went on, and the payment may be in */
      if (!update_countdown (self))
        confirm_expiry (self);
      poll (self);
    }
  update_ticking (self);
}

static void
san_pix_view_unmap (GtkWidget *widget)
{
  SanPixView *self = SAN_PIX_VIEW (widget);

  stop_ticking (self);

  GTK_WIDGET_CLASS (san_pix_view_parent_class)->unmap (widget);
}

/* GObject */

static void
san_pix_view_dispose (GObject *object)
{
  SanPixView *self = SAN_PIX_VIEW (object);
  GtkWidget *child;

  stop_ticking (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), SAN_TYPE_PIX_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_weak_pointer (&self->copied_toast);
  g_clear_object (&self->charge);
  g_clear_object (&self->second_copy);
  g_clear_object (&self->invoice);
  g_clear_object (&self->contract);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (san_pix_view_parent_class)->dispose (object);
}

static void
san_pix_view_class_init (SanPixViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = san_pix_view_dispose;
  widget_class->map = san_pix_view_map;
  widget_class->unmap = san_pix_view_unmap;

  signals[PAID] =
    g_signal_new ("paid", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SAN_TYPE_INVOICE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/saninternet/ClientArea/ui/san-pix-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SanPixView, pix_stack);
  gtk_widget_class_bind_template_child (widget_class, SanPixView, error_page);
  gtk_widget_class_bind_template_child (widget_class, SanPixView, warning_label);
  gtk_widget_class_bind_template_child (widget_class, SanPixView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, SanPixView, amount_label);
  gtk_widget_class_bind_template_child (widget_class, SanPixView, qr_picture);
  gtk_widget_class_bind_template_child (widget_class, SanPixView, brcode_label);
  gtk_widget_class_bind_template_child (widget_class, SanPixView, copy_button);
  gtk_widget_class_bind_template_child (widget_class, SanPixView, countdown_label);
  gtk_widget_class_bind_template_child (widget_class, SanPixView, merchant_row);
  gtk_widget_class_bind_template_child (widget_class, SanPixView, key_row);
  gtk_widget_class_bind_template_child (widget_class, SanPixView, amount_row);
  gtk_widget_class_bind_template_child (widget_class, SanPixView, txid_row);
  gtk_widget_class_bind_template_child (widget_class, SanPixView, paid_page);

  gtk_widget_class_install_action (widget_class, "pix.copy", NULL, copy_action_cb);
  gtk_widget_class_install_action (widget_class, "pix.new-charge", NULL, new_charge_action_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
san_pix_view_init (SanPixView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
san_pix_view_set_invoice (SanPixView  *self,
                          SanClient   *client,
                          SanContract *contract,
                          SanInvoice  *invoice)
{
  g_return_if_fail (SAN_IS_PIX_VIEW (self));
  g_return_if_fail (client == NULL || SAN_IS_CLIENT (client));
  g_return_if_fail (contract == NULL || SAN_IS_CONTRACT (contract));
  g_return_if_fail (invoice == NULL || SAN_IS_INVOICE (invoice));

  stop_ticking (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->confirming = FALSE;
  g_clear_object (&self->charge);
  g_clear_object (&self->second_copy);
  gtk_picture_set_paintable (self->qr_picture, NULL);
  gtk_label_set_label (self->brcode_label, "");
  g_set_object (&self->client, client);
  g_set_object (&self->contract, contract);
  g_set_object (&self->invoice, invoice);

  if (client == NULL || contract == NULL || invoice == NULL)
    {
      gtk_stack_set_visible_child_name (self->pix_stack, "loading");
      return;
    }
  create_charge (self);
}

SanInvoice *
san_pix_view_get_invoice (SanPixView *self)
{
  g_return_val_if_fail (SAN_IS_PIX_VIEW (self), NULL);

  return self->invoice;
}

SanPixCharge *
san_pix_view_get_charge (SanPixView *self)
{
  g_return_val_if_fail (SAN_IS_PIX_VIEW (self), NULL);

  return self->charge;
}
