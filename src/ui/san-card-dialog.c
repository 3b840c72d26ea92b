/* san-card-dialog.c: paying an invoice with a credit card, or adding a card
 * to keep
 *
 * The number is grouped as it is typed and its brand shown; number, expiry,
 * security code and name are checked as they are typed (an error shows once
 * a field is complete or left), and Pay is only possible when all are right.
 * Each payment attempt has one idempotency key (and, for a new card, one
 * token): a Retry after a network error sends the very same request, so the
 * card is never charged twice. Changing anything starts a new attempt.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "san-billing-labels.h"
#include "san-card-dialog.h"
#include "san-card-number.h"
#include "san-money.h"

typedef enum
{
  MODE_PAY,
  MODE_ADD,
} Mode;

struct _SanCardDialog
{
  AdwWindow       parent_instance;

  Mode            mode;
  GCancellable   *cancellable;
  SanClient      *client;
  SanContract    *contract;
  SanInvoice     *invoice;
  GListModel     *cards;           /* stored cards, pay mode */
  GPtrArray      *card_checks;     /* a GtkCheckButton per stored card */

  /* The current attempt: reused on a retry, forgotten when anything changes */
  char           *attempt_key;
  char           *attempt_token;

  guint           busy : 1;
  guint           updating : 1;    /* the fields change by program */
  guint           touched_number : 1;
  guint           touched_holder : 1;
  guint           touched_expiry : 1;
  guint           touched_cvv : 1;

  AdwWindowTitle *window_title;
  GtkWidget      *submit_button;
  GtkWidget      *spinner;
  GtkWidget      *error_box;
  GtkLabel       *error_label;
  GtkWidget      *cards_group;
  GtkListBox     *cards_list;
  GtkCheckButton *new_card_check;
  GtkWidget      *new_card_group;
  AdwEntryRow    *number_row;
  GtkLabel       *brand_label;
  AdwEntryRow    *holder_row;
  AdwEntryRow    *expiry_row;
  AdwEntryRow    *cvv_row;
  GtkLabel       *number_error_label;
  GtkLabel       *holder_error_label;
  GtkLabel       *expiry_error_label;
  GtkLabel       *cvv_error_label;
  GtkLabel       *note_label;
};

enum {
  PAID,
  CARD_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SanCardDialog, san_card_dialog, ADW_TYPE_WINDOW)

/* Fields */

static char *
digits_of (const char *text,
           guint       max)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = text; *p != '\0' && digits->len < max; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  return g_string_free (digits, FALSE);
}

static const char *
field_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* The number of digits a card of @brand has when complete */
static guint
full_length (SanCardBrand brand)
{
  switch (brand)
    {
    case SAN_CARD_BRAND_AMEX:
      return 15;
    case SAN_CARD_BRAND_DINERS:
      return 14;
    default:
      return 16;
    }
}

static void
set_field_error (AdwEntryRow  *row,
                 GtkLabel     *label,
                 const GError *error)
{
  gtk_widget_set_visible (GTK_WIDGET (label), error != NULL);
  gtk_label_set_label (label, error != NULL ? error->message : "");
  if (error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static gboolean
using_new_card (SanCardDialog *self)
{
  return self->mode == MODE_ADD || gtk_check_button_get_active (self->new_card_check);
}

static SanCard *
chosen_card (SanCardDialog *self)
{
  if (self->mode != MODE_PAY || self->cards == NULL)
    return NULL;
  for (guint i = 0; i < self->card_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->card_checks, i)))
      return g_list_model_get_item (self->cards, i);   /* transfer full */
  return NULL;
}

/* Parses "MM/YY" (or "MM/YYYY"); FALSE while incomplete */
static gboolean
parse_expiry (const char *text,
              guint      *out_month,
              guint      *out_year)
{
  g_autofree char *digits = digits_of (text, 6);
  gsize len = strlen (digits);

  if (len != 4 && len != 6)
    return FALSE;
  *out_month = (guint) ((digits[0] - '0') * 10 + (digits[1] - '0'));
  *out_year = (guint) g_ascii_strtoull (digits + 2, NULL, 10);
  if (len == 4)
    *out_year += 2000;
  return TRUE;
}

/* Checks every field, shows the errors of the complete or left ones, and
 * allows submitting when all are right. TRUE when they are. */
static gboolean
validate (SanCardDialog *self)
{
  g_autoptr(GError) number_error = NULL;
  g_autoptr(GError) holder_error = NULL;
  g_autoptr(GError) expiry_error = NULL;
  g_autoptr(GError) cvv_error = NULL;
  g_autofree char *number = digits_of (field_text (self->number_row), 19);
  g_autofree char *cvv = digits_of (field_text (self->cvv_row), 4);
  g_autofree char *holder = g_strstrip (g_strdup (field_text (self->holder_row)));
  SanCardBrand brand = san_card_brand_detect (number);
  SanCardBrand checked_brand = SAN_CARD_BRAND_UNKNOWN;
  gboolean number_ok, holder_ok, expiry_ok, cvv_ok, all_ok;
  guint month = 0, year = 0;
  GDate today;

  san_billing_get_today (&today);

  /* Number: the brand as soon as it shows, the checks once complete */
  gtk_label_set_label (self->brand_label,
                       brand != SAN_CARD_BRAND_UNKNOWN && number[0] != '\0'
                       ? san_card_brand_display_name (brand) : "");
  number_ok = san_card_number_validate (number, &checked_brand, &number_error);
  if (checked_brand != SAN_CARD_BRAND_UNKNOWN)
    brand = checked_brand;
  if (number[0] == '\0' || (!self->touched_number && strlen (number) < full_length (brand)))
    g_clear_error (&number_error);

  holder_ok = holder[0] != '\0';
  if (!holder_ok && self->touched_holder)
    g_set_error_literal (&holder_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                         _("Write the name as it is printed on the card."));

  expiry_ok = parse_expiry (field_text (self->expiry_row), &month, &year) &&
              san_card_expiry_validate (month, year, &today, &expiry_error);
  if (!expiry_ok && expiry_error == NULL && self->touched_expiry &&
      field_text (self->expiry_row)[0] != '\0')
    g_set_error_literal (&expiry_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                         _("Write the expiry as month and year, like 08/30."));

  cvv_ok = san_card_cvv_validate (cvv, brand, &cvv_error);
  if (cvv[0] == '\0' ||
      (!self->touched_cvv && strlen (cvv) < (brand == SAN_CARD_BRAND_AMEX ? 4u : 3u)))
    g_clear_error (&cvv_error);

  set_field_error (self->number_row, self->number_error_label, number_error);
  set_field_error (self->holder_row, self->holder_error_label, holder_error);
  set_field_error (self->expiry_row, self->expiry_error_label, expiry_error);
  set_field_error (self->cvv_row, self->cvv_error_label, cvv_error);

  if (using_new_card (self))
    all_ok = number_ok && holder_ok && expiry_ok && cvv_ok;
  else
    {
      g_autoptr(SanCard) card = chosen_card (self);

      all_ok = card != NULL;
    }

  gtk_widget_set_sensitive (self->submit_button, all_ok && !self->busy);
  return all_ok;
}

static void
forget_attempt (SanCardDialog *self)
{
  g_clear_pointer (&self->attempt_key, g_free);
  g_clear_pointer (&self->attempt_token, g_free);
  gtk_button_set_label (GTK_BUTTON (self->submit_button),
                        self->mode == MODE_PAY ? _("_Pay") : _("_Add Card"));
}

static void
show_error (SanCardDialog *self,
            const char    *text)
{
  gtk_label_set_label (self->error_label, text != NULL ? text : "");
  gtk_widget_set_visible (self->error_box, text != NULL);
}

/* Something the person changed: a new attempt, and no old error */
static void
on_input_changed (SanCardDialog *self)
{
  if (self->updating)
    return;
  forget_attempt (self);
  show_error (self, NULL);
  validate (self);
}

/* Puts @text in @row without it counting as typing */
static void
replace_text (SanCardDialog *self,
              AdwEntryRow   *row,
              const char    *text)
{
  if (g_strcmp0 (field_text (row), text) == 0)
    return;
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_editable_set_position (GTK_EDITABLE (row), -1);
  self->updating = FALSE;
}

static void
on_number_changed_cb (SanCardDialog *self)
{
  g_autofree char *digits = NULL;
  g_autofree char *formatted = NULL;

  if (self->updating)
    return;
  /* Only digits, grouped like on the card */
  digits = digits_of (field_text (self->number_row), 19);
  formatted = san_card_number_format (digits);
  replace_text (self, self->number_row, formatted != NULL ? formatted : digits);
  on_input_changed (self);
}

static void
on_expiry_changed_cb (SanCardDialog *self)
{
  g_autofree char *digits = NULL;
  g_autofree char *formatted = NULL;
  const char *text;

  if (self->updating)
    return;
  text = field_text (self->expiry_row);
  digits = digits_of (text, 6);
  /* "MM/YY" as it is typed; deleting the slash deletes it */
  if (strlen (digits) > 2 || (strlen (digits) == 2 && g_str_has_suffix (text, "/")))
    formatted = g_strdup_printf ("%.2s/%s", digits, digits + 2);
  else
    formatted = g_strdup (digits);
  replace_text (self, self->expiry_row, formatted);
  on_input_changed (self);
}

static void
on_cvv_changed_cb (SanCardDialog *self)
{
  g_autofree char *digits = NULL;

  if (self->updating)
    return;
  digits = digits_of (field_text (self->cvv_row), 4);
  replace_text (self, self->cvv_row, digits);
  on_input_changed (self);
}

static void
on_holder_changed_cb (SanCardDialog *self)
{
  on_input_changed (self);
}

/* Leaving a field shows what is wrong with it */
static void
on_field_leave_cb (GtkEventControllerFocus *controller,
                   SanCardDialog           *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (row == GTK_WIDGET (self->number_row))
    self->touched_number = field_text (self->number_row)[0] != '\0';
  else if (row == GTK_WIDGET (self->holder_row))
    self->touched_holder = TRUE;
  else if (row == GTK_WIDGET (self->expiry_row))
    self->touched_expiry = field_text (self->expiry_row)[0] != '\0';
  else if (row == GTK_WIDGET (self->cvv_row))
    self->touched_cvv = field_text (self->cvv_row)[0] != '\0';
  validate (self);
}

static void
watch_leave (SanCardDialog *self,
             AdwEntryRow   *row)
{
  GtkEventController *controller = gtk_event_controller_focus_new ();

  g_signal_connect (controller, "leave", G_CALLBACK (on_field_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (row), controller);
}

static void
clear_fields (SanCardDialog *self)
{
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->number_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->cvv_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->expiry_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->holder_row), "");
  self->updating = FALSE;
}

static void
set_busy (SanCardDialog *self,
          gboolean       busy)
{
  self->busy = busy;
  gtk_widget_set_visible (self->spinner, busy);
  gtk_widget_set_sensitive (self->cards_group, !busy);
  gtk_widget_set_sensitive (self->new_card_group, !busy);
  validate (self);
}

/* Stored cards */

static void
update_new_card_visibility (SanCardDialog *self)
{
  gboolean new_card = using_new_card (self);

  gtk_widget_set_visible (self->new_card_group, new_card);
  /* What the note says is about typing a card */
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), new_card);
}

static void
on_card_check_toggled_cb (SanCardDialog  *self,
                          GtkCheckButton *check)
{
  if (!gtk_check_button_get_active (check))
    return;   /* the one turned off; the one turned on says it too */
  update_new_card_visibility (self);
  on_input_changed (self);
}

static void
add_card_rows (SanCardDialog *self)
{
  guint n = g_list_model_get_n_items (self->cards);
  gboolean chosen = FALSE;
  GDate today;

  san_billing_get_today (&today);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SanCard) card = g_list_model_get_item (self->cards, i);
      g_autofree char *title = san_card_dup_title (san_card_get_brand (card),
                                                   san_card_get_last4 (card));
      g_autofree char *expiry = san_card_dup_expiry (san_card_get_exp_month (card),
                                                     san_card_get_exp_year (card));
      g_autofree char *subtitle = NULL;
      gboolean expired = san_card_is_expired (card, &today);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      if (expired)
        /* Translators: a stored card past its expiry, %s is its holder */
        subtitle = g_strdup_printf (_("Expired · %s"), san_card_get_holder (card));
      else
        /* Translators: a card's expiry and its holder, like "Expires 12/2030 · ANA SOUZA" */
        subtitle = g_strdup_printf (_("%s · %s"), expiry, san_card_get_holder (card));

      gtk_check_button_set_group (GTK_CHECK_BUTTON (check), self->new_card_check);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_card_check_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_widget_set_sensitive (row, !expired);
      gtk_list_box_insert (self->cards_list, row, (int) i);
      g_ptr_array_add (self->card_checks, check);

      if (!expired && !chosen)
        {
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
          chosen = TRUE;
        }
    }
  if (!chosen)
    gtk_check_button_set_active (self->new_card_check, TRUE);

  gtk_widget_set_visible (self->cards_group, TRUE);
  update_new_card_visibility (self);
  validate (self);
}

static void
on_cards_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) cards = NULL;
  SanCardDialog *self;

  cards = san_client_list_cards_finish (SAN_CLIENT (object), result, &error);
  if (cards == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = SAN_CARD_DIALOG (user_data);
  set_busy (self, FALSE);
  /* Without the stored cards (or the permission to see them) a new card
   * still pays */
  if (cards == NULL || g_list_model_get_n_items (cards) == 0)
    {
      gtk_check_button_set_active (self->new_card_check, TRUE);
      gtk_widget_set_visible (self->cards_group, FALSE);
      update_new_card_visibility (self);
      validate (self);
      return;
    }
  self->cards = g_steal_pointer (&cards);
  add_card_rows (self);
}

/* Submitting */

static void
on_failed (SanCardDialog *self,
           const GError  *error)
{
  g_autofree char *text = NULL;
  gboolean retry = FALSE;

  if (g_error_matches (error, SAN_API_ERROR, SAN_API_ERROR_PAYMENT_DECLINED))
    /* Translators: the first %s says why the card was declined */
    text = g_strdup_printf (_("%s%s Try another card or another way to pay."), error->message,
                            g_str_has_suffix (error->message, ".") ? "" : ".");
  else if (error->domain == SAN_API_ERROR &&
           (error->code == SAN_API_ERROR_NETWORK || error->code == SAN_API_ERROR_SERVER ||
            error->code == SAN_API_ERROR_MALFORMED))
    {
      retry = self->mode == MODE_PAY && self->attempt_key != NULL;
      text = g_strdup (retry
                       ? _("SAN could not be reached, so the payment may not have gone "
                           "through. Retrying is safe: the card is charged at most once.")
                       : _("SAN could not be reached. Check your connection and try again."));
    }
  else if (g_error_matches (error, SAN_API_ERROR, SAN_API_ERROR_CONFLICT))
    /* Translators: %s is the reason */
    text = g_strdup_printf (_("This invoice can’t be paid now: %s"), error->message);
  else
    text = g_strdup (error->message);

  if (retry)
    gtk_button_set_label (GTK_BUTTON (self->submit_button), _("_Retry"));
  else
    forget_attempt (self);

  show_error (self, text);
  set_busy (self, FALSE);
}

static void
on_paid_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanPayment) payment = NULL;
  SanCardDialog *self;

  payment = san_client_pay_with_card_finish (SAN_CLIENT (object), result, &error);
  if (payment == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = SAN_CARD_DIALOG (user_data);
  if (payment == NULL)
    {
      on_failed (self, error);
      return;
    }

  set_busy (self, FALSE);
  forget_attempt (self);
  g_signal_emit (self, signals[PAID], 0, payment);
  gtk_window_close (GTK_WINDOW (self));
}

static void
pay (SanCardDialog *self,
     const char    *card_id)
{
  san_client_pay_with_card_async (self->client,
                                  san_contract_get_id (self->contract),
                                  san_invoice_get_id (self->invoice),
                                  card_id,
                                  card_id == NULL ? self->attempt_token : NULL,
                                  self->attempt_key,
                                  self->cancellable,
                                  on_paid_cb,
                                  self);
}

static void
on_tokenized_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  SanCardDialog *self;

  token = san_client_tokenize_card_finish (SAN_CLIENT (object), result, &error);
  if (token == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = SAN_CARD_DIALOG (user_data);
  if (token == NULL)
    {
      on_failed (self, error);
      return;
    }
  self->attempt_token = g_steal_pointer (&token);
  pay (self, NULL);
}

static void
on_card_added_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanCard) card = NULL;
  SanCardDialog *self;

  card = san_client_add_card_finish (SAN_CLIENT (object), result, &error);
  if (card == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = SAN_CARD_DIALOG (user_data);
  if (card == NULL)
    {
      on_failed (self, error);
      return;
    }

  set_busy (self, FALSE);
  g_signal_emit (self, signals[CARD_ADDED], 0, card);
  gtk_window_close (GTK_WINDOW (self));
}

static void
submit (SanCardDialog *self)
{
  g_autofree char *number = NULL;
  g_autofree char *cvv = NULL;
  g_autofree char *holder = NULL;
  g_autoptr(SanCard) card = NULL;
  guint month = 0, year = 0;

  if (self->busy || !validate (self))
    return;

  show_error (self, NULL);
  set_busy (self, TRUE);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  card = chosen_card (self);
  if (self->mode == MODE_PAY && self->attempt_key == NULL)
    self->attempt_key = san_client_new_idempotency_key ();

  if (self->mode == MODE_PAY && (card != NULL || self->attempt_token != NULL))
    {
      /* A stored card, or a retry with this attempt's token */
      pay (self, card != NULL ? san_card_get_id (card) : NULL);
      return;
    }

  number = digits_of (field_text (self->number_row), 19);
  cvv = digits_of (field_text (self->cvv_row), 4);
  holder = g_strstrip (g_strdup (field_text (self->holder_row)));
  parse_expiry (field_text (self->expiry_row), &month, &year);

  if (self->mode == MODE_ADD)
    san_client_add_card_async (self->client, san_contract_get_id (self->contract),
                               number, holder, month, year, cvv,
                               self->cancellable, on_card_added_cb, self);
  else
    san_client_tokenize_card_async (self->client, san_contract_get_id (self->contract),
                                    number, holder, month, year, cvv,
                                    self->cancellable, on_tokenized_cb, self);

  /* Only the fields keep them */
  memset (number, 0, strlen (number));
  memset (cvv, 0, strlen (cvv));
}

static void
submit_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  submit (SAN_CARD_DIALOG (widget));
}

static void
on_entry_activated_cb (SanCardDialog *self)
{
  submit (self);
}

/* GtkWindow */

static gboolean
san_card_dialog_close_request (GtkWindow *window)
{
  SanCardDialog *self = SAN_CARD_DIALOG (window);

  /* What was typed goes with the dialog */
  clear_fields (self);
  forget_attempt (self);
  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (san_card_dialog_parent_class)->close_request (window);
}

/* GObject */

static void
san_card_dialog_dispose (GObject *object)
{
  SanCardDialog *self = SAN_CARD_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->number_row != NULL)
    clear_fields (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SAN_TYPE_CARD_DIALOG);

  g_clear_pointer (&self->card_checks, g_ptr_array_unref);
  g_clear_object (&self->cards);
  g_clear_object (&self->invoice);
  g_clear_object (&self->contract);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (san_card_dialog_parent_class)->dispose (object);
}

static void
san_card_dialog_finalize (GObject *object)
{
  SanCardDialog *self = SAN_CARD_DIALOG (object);

  g_free (self->attempt_key);
  g_free (self->attempt_token);

  G_OBJECT_CLASS (san_card_dialog_parent_class)->finalize (object);
}

static void
san_card_dialog_class_init (SanCardDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = san_card_dialog_dispose;
  object_class->finalize = san_card_dialog_finalize;
  window_class->close_request = san_card_dialog_close_request;

  signals[PAID] =
    g_signal_new ("paid", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SAN_TYPE_PAYMENT);
  signals[CARD_ADDED] =
    g_signal_new ("card-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SAN_TYPE_CARD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/saninternet/ClientArea/ui/san-card-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SanCardDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SanCardDialog, submit_button);
  gtk_widget_class_bind_template_child (widget_class, SanCardDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, SanCardDialog, error_box);
  gtk_widget_class_bind_template_child (widget_class, SanCardDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, SanCardDialog, cards_group);
  gtk_widget_class_bind_template_child (widget_class, SanCardDialog, cards_list);
  gtk_widget_class_bind_template_child (widget_class, SanCardDialog, new_card_check);
  gtk_widget_class_bind_template_child (widget_class, SanCardDialog, new_card_group);
  gtk_widget_class_bind_template_child (widget_class, SanCardDialog, number_row);
  gtk_widget_class_bind_template_child (widget_class, SanCardDialog, brand_label);
  gtk_widget_class_bind_template_child (widget_class, SanCardDialog, holder_row);
  gtk_widget_class_bind_template_child (widget_class, SanCardDialog, expiry_row);
  gtk_widget_class_bind_template_child (widget_class, SanCardDialog, cvv_row);
  gtk_widget_class_bind_template_child (widget_class, SanCardDialog, number_error_label);
  gtk_widget_class_bind_template_child (widget_class, SanCardDialog, holder_error_label);
  gtk_widget_class_bind_template_child (widget_class, SanCardDialog, expiry_error_label);
  gtk_widget_class_bind_template_child (widget_class, SanCardDialog, cvv_error_label);
  gtk_widget_class_bind_template_child (widget_class, SanCardDialog, note_label);
  gtk_widget_class_bind_template_callback (widget_class, on_number_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_expiry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cvv_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_holder_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_card_check_toggled_cb);

  gtk_widget_class_install_action (widget_class, "card.submit", NULL, submit_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
san_card_dialog_init (SanCardDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->card_checks = g_ptr_array_new ();

  /* No undo history keeps a card number or code */
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->number_row), FALSE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->cvv_row), FALSE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->expiry_row), FALSE);

  watch_leave (self, self->number_row);
  watch_leave (self, self->holder_row);
  watch_leave (self, self->expiry_row);
  watch_leave (self, self->cvv_row);
}

static SanCardDialog *
card_dialog_new (GtkWindow   *parent,
                 SanClient   *client,
                 SanContract *contract,
                 Mode         mode)
{
  SanCardDialog *self = g_object_new (SAN_TYPE_CARD_DIALOG,
                                      "transient-for", parent,
                                      "modal", TRUE,
                                      "destroy-with-parent", TRUE,
                                      NULL);

  self->mode = mode;
  self->client = g_object_ref (client);
  self->contract = g_object_ref (contract);
  forget_attempt (self);
  return self;
}

SanCardDialog *
san_card_dialog_new_pay (GtkWindow   *parent,
                         SanClient   *client,
                         SanContract *contract,
                         SanInvoice  *invoice)
{
  g_autofree char *title = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *subtitle = NULL;
  SanCardDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SAN_IS_CLIENT (client), NULL);
  g_return_val_if_fail (SAN_IS_CONTRACT (contract), NULL);
  g_return_val_if_fail (SAN_IS_INVOICE (invoice), NULL);

  self = card_dialog_new (parent, client, contract, MODE_PAY);
  self->invoice = g_object_ref (invoice);

  title = san_invoice_dup_title (invoice);
  amount = san_money_format_brl (san_invoice_get_total_cents (invoice));
  /* Translators: an invoice and its total, like "Invoice 2026-000123 · R$ 129,90" */
  subtitle = g_strdup_printf (_("%s · %s"), title, amount);
  adw_window_title_set_title (self->window_title, _("Pay with Card"));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), _("Pay with Card"));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->new_card_group), _("New Card"));
  gtk_label_set_label (self->note_label,
                       _("A new card is used for this payment only. To keep a card for later, "
                         "add it in Payment Methods. The number and security code go to SAN "
                         "over an encrypted connection and are not kept on this computer."));

  /* The stored cards first; a new card meanwhile */
  set_busy (self, TRUE);
  self->cancellable = g_cancellable_new ();
  san_client_list_cards_async (client, san_contract_get_id (contract), self->cancellable,
                               on_cards_loaded_cb, self);
  return self;
}

SanCardDialog *
san_card_dialog_new_add (GtkWindow   *parent,
                         SanClient   *client,
                         SanContract *contract)
{
  SanCardDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SAN_IS_CLIENT (client), NULL);
  g_return_val_if_fail (SAN_IS_CONTRACT (contract), NULL);

  self = card_dialog_new (parent, client, contract, MODE_ADD);
  adw_window_title_set_title (self->window_title, _("Add a Card"));
  adw_window_title_set_subtitle (self->window_title, san_contract_get_name (contract));
  gtk_window_set_title (GTK_WINDOW (self), _("Add a Card"));
  gtk_widget_set_visible (self->cards_group, FALSE);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->new_card_group), _("Card"));
  gtk_label_set_label (self->note_label,
                       _("SAN keeps only the card’s brand, last digits, expiry and holder. The "
                         "number and security code go to SAN over an encrypted connection and "
                         "are not kept on this computer."));
  update_new_card_visibility (self);
  validate (self);
  return self;
}
