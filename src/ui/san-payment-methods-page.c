/* san-payment-methods-page.c: cards, bank accounts, DDA, the default method and each service's method
 *
 * Four answers fill the page (pay-methods, cards, bank accounts, DDA),
 * asked at once. A change is sent as soon as it is made; when the server
 * refuses, the control goes back to what the server has and a toast says
 * why.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "san-bank-account-dialog.h"
#include "san-card-dialog.h"
#include "san-date.h"
#include "san-document.h"
#include "san-payment-methods-page.h"
#include "san-service-labels.h"

#define N_METHODS (SAN_PAYMENT_METHOD_BANK_DEBIT + 1)

typedef enum
{
  PART_PAY_METHODS,
  PART_CARDS,
  PART_ACCOUNTS,
  PART_DDA,
  N_PARTS
} Part;

struct _SanPaymentMethodsPage
{
  GtkWidget            parent_instance;

  GCancellable        *cancellable;        /* the loads */
  GCancellable        *action_cancellable; /* the changes, until the contract changes */
  SanClient           *client;
  SanContract         *contract;

  GtkStringList       *methods;            /* the labels of SanPaymentMethod, in order */
  SanPayMethods       *pay_methods;
  GListStore          *cards;
  GListStore          *accounts;
  GPtrArray           *service_rows;       /* AdwComboRow, owned by services_list */
  GPtrArray           *service_ids;        /* the service id of each row */
  char                *remove_id;          /* the card or account being confirmed */
  gboolean             remove_is_card;

  guint                pending;            /* loads not answered yet */
  GError              *load_error;         /* the first load error */
  gboolean             loaded;             /* something of this contract is shown */
  gboolean             updating;           /* the controls change by program */
  gboolean             can_change_default;

  GtkStack            *methods_stack;
  AdwStatusPage       *methods_error_page;
  AdwPreferencesGroup *default_group;
  AdwComboRow         *default_row;
  GtkListBox          *services_list;
  GtkListBox          *cards_list;
  GtkListBox          *accounts_list;
  GtkWidget           *add_card_button;
  GtkWidget           *add_account_button;
  AdwActionRow        *dda_row;
  GtkSwitch           *dda_switch;
};

enum {
  LOAD_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SanPaymentMethodsPage, san_payment_methods_page, GTK_TYPE_WIDGET)

static void load (SanPaymentMethodsPage *self);

/* Card brands are names, not words: not translated */
static char *
dup_brand_name (const char *brand)
{
  static const struct { const char *wire; const char *name; } brands[] = {
    { "visa", "Visa" },
    { "mastercard", "Mastercard" },
    { "amex", "American Express" },
    { "elo", "Elo" },
    { "hipercard", "Hipercard" },
    { "diners", "Diners Club" },
    { "discover", "Discover" },
    { "jcb", "JCB" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (brands); i++)
    if (g_strcmp0 (brand, brands[i].wire) == 0)
      return g_strdup (brands[i].name);
  if (brand == NULL || brand[0] == '\0')
    return g_strdup (_("Card"));
  return g_strdup_printf ("%c%s", g_ascii_toupper (brand[0]), brand + 1);
}

/* "Visa •••• 1111" */
static char *
dup_card_title (SanCard *card)
{
  g_autofree char *brand = dup_brand_name (san_card_get_brand (card));

  return g_strdup_printf ("%s •••• %s", brand, san_card_get_last4 (card));
}

static gboolean
card_is_expired (SanCard *card)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);
  int month = g_date_time_get_month (now);

  return (int) san_card_get_exp_year (card) < year ||
         ((int) san_card_get_exp_year (card) == year && (int) san_card_get_exp_month (card) < month);
}

/* "Itaú · agency 1234 · account 12345-6" */
static char *
dup_account_title (SanBankAccount *account)
{
  /* Translators: a bank's name, its agency number and the account number */
  return g_strdup_printf (_("%s · agency %s · account %s"),
                          san_bank_account_get_bank_name (account),
                          san_bank_account_get_agency (account),
                          san_bank_account_get_account (account));
}

static void
show_toast (SanPaymentMethodsPage *self,
            const char            *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    {
      g_message ("%s", title);
      return;
    }
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/* Why a method could not be chosen, in the user's words */
static char *
dup_method_error (SanPaymentMethod  method,
                  const GError     *error)
{
  if (g_error_matches (error, SAN_API_ERROR, SAN_API_ERROR_CONFLICT))
    {
      if (method == SAN_PAYMENT_METHOD_CARD)
        return g_strdup (_("To pay by credit card, first add a card under Cards."));
      if (method == SAN_PAYMENT_METHOD_BANK_DEBIT)
        return g_strdup (_("To pay by bank debit, first add a bank account under Bank Accounts."));
    }
  if (g_error_matches (error, SAN_API_ERROR, SAN_API_ERROR_FORBIDDEN))
    return g_strdup (_("You don’t have permission to change this payment method."));
  /* Translators: %s is the reason */
  return g_strdup_printf (_("Could not change the payment method: %s"), error->message);
}

/* Pay methods */

static void
update_default_row (SanPaymentMethodsPage *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->default_row), self->can_change_default);
  if (self->can_change_default)
    adw_preferences_group_set_description (self->default_group,
                                           _("Used for new services and for charges not tied to a service."));
  else
    adw_preferences_group_set_description (self->default_group,
                                           _("Only a user with the Profile permission can change the default method of this contract."));
}

static void on_service_row_selected_cb (AdwComboRow           *row,
                                        GParamSpec            *pspec,
                                        SanPaymentMethodsPage *self);

static void
clear_service_rows (SanPaymentMethodsPage *self)
{
  GtkListBoxRow *row;

  g_ptr_array_set_size (self->service_rows, 0);
  g_ptr_array_set_size (self->service_ids, 0);
  while ((row = gtk_list_box_get_row_at_index (self->services_list, 0)) != NULL)
    gtk_list_box_remove (self->services_list, GTK_WIDGET (row));
}

static void
rebuild_service_rows (SanPaymentMethodsPage *self,
                      GListModel            *services)
{
  guint n = g_list_model_get_n_items (services);

  clear_service_rows (self);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SanServicePayMethod) service = g_list_model_get_item (services, i);
      GtkWidget *row = adw_combo_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     san_service_pay_method_get_name (service));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (self->methods));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), san_service_pay_method_get_method (service));
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_service_row_selected_cb), self);
      gtk_list_box_append (self->services_list, row);

      g_ptr_array_add (self->service_rows, row);
      g_ptr_array_add (self->service_ids, g_strdup (san_service_pay_method_get_service_id (service)));
    }
}

/* The row of a service, or NULL */
static GtkWidget *
find_service_row (SanPaymentMethodsPage *self,
                  const char            *service_id)
{
  for (guint i = 0; i < self->service_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->service_ids, i), service_id) == 0)
      return g_ptr_array_index (self->service_rows, i);
  return NULL;
}

static gboolean
same_services (SanPaymentMethodsPage *self,
               GListModel            *services)
{
  guint n = g_list_model_get_n_items (services);

  if (n != self->service_ids->len)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SanServicePayMethod) service = g_list_model_get_item (services, i);

      if (g_strcmp0 (san_service_pay_method_get_service_id (service),
                     g_ptr_array_index (self->service_ids, i)) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
apply_pay_methods (SanPaymentMethodsPage *self,
                   SanPayMethods         *pay_methods)
{
  GListModel *services = san_pay_methods_get_services (pay_methods);

  g_set_object (&self->pay_methods, pay_methods);

  self->updating = TRUE;
  adw_combo_row_set_selected (self->default_row, san_pay_methods_get_default_method (pay_methods));
  if (same_services (self, services))
    {
      for (guint i = 0; i < self->service_rows->len; i++)
        {
          g_autoptr(SanServicePayMethod) service = g_list_model_get_item (services, i);

          adw_combo_row_set_selected (g_ptr_array_index (self->service_rows, i),
                                      san_service_pay_method_get_method (service));
        }
    }
  else
    {
      rebuild_service_rows (self, services);
    }
  self->updating = FALSE;
}

/* Puts the controls back to what the server said last */
static void
revert_pay_methods (SanPaymentMethodsPage *self)
{
  if (self->pay_methods != NULL)
    apply_pay_methods (self, self->pay_methods);
}

typedef struct
{
  SanPaymentMethodsPage *self;
  char                  *service_id;   /* NULL: the default method */
  SanPaymentMethod       method;
} MethodChange;

static void
method_change_free (MethodChange *change)
{
  g_free (change->service_id);
  g_free (change);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MethodChange, method_change_free)

static void
on_pay_method_set_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(MethodChange) change = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SanPayMethods) pay_methods = NULL;
  SanPaymentMethodsPage *self;
  GtkWidget *row;

  if (change->service_id == NULL)
    pay_methods = san_client_set_default_pay_method_finish (SAN_CLIENT (object), result, &error);
  else
    pay_methods = san_client_set_service_pay_method_finish (SAN_CLIENT (object), result, &error);
  if (pay_methods == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = change->self;
  if (change->service_id == NULL)
    row = self->can_change_default ? GTK_WIDGET (self->default_row) : NULL;
  else
    row = find_service_row (self, change->service_id);
  if (row != NULL)
    gtk_widget_set_sensitive (row, TRUE);

  if (pay_methods == NULL)
    {
      g_autofree char *message = dup_method_error (change->method, error);

      if (change->service_id == NULL &&
          g_error_matches (error, SAN_API_ERROR, SAN_API_ERROR_FORBIDDEN))
        {
          self->can_change_default = FALSE;
          update_default_row (self);
        }
      revert_pay_methods (self);
      show_toast (self, message);
      return;
    }

  apply_pay_methods (self, pay_methods);
}

static void
send_method (SanPaymentMethodsPage *self,
             GtkWidget             *row,
             const char            *service_id,
             SanPaymentMethod       method)
{
  MethodChange *change = g_new0 (MethodChange, 1);

  change->self = self;
  change->service_id = g_strdup (service_id);
  change->method = method;

  gtk_widget_set_sensitive (row, FALSE);
  if (service_id == NULL)
    san_client_set_default_pay_method_async (self->client, san_contract_get_id (self->contract),
                                             method, self->action_cancellable,
                                             on_pay_method_set_cb, change);
  else
    san_client_set_service_pay_method_async (self->client, san_contract_get_id (self->contract),
                                             service_id, method, self->action_cancellable,
                                             on_pay_method_set_cb, change);
}

static void
on_default_row_selected_cb (SanPaymentMethodsPage *self,
                            GParamSpec            *pspec,
                            AdwComboRow           *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || self->pay_methods == NULL || selected >= N_METHODS)
    return;
  if (selected == san_pay_methods_get_default_method (self->pay_methods))
    return;
  send_method (self, GTK_WIDGET (row), NULL, selected);
}

static void
on_service_row_selected_cb (AdwComboRow           *row,
                            GParamSpec            *pspec,
                            SanPaymentMethodsPage *self)
{
  GListModel *services;
  guint selected = adw_combo_row_get_selected (row);
  guint index;

  if (self->updating || self->pay_methods == NULL || selected >= N_METHODS)
    return;
  if (!g_ptr_array_find (self->service_rows, row, &index))
    return;

  services = san_pay_methods_get_services (self->pay_methods);
  if (index < g_list_model_get_n_items (services))
    {
      g_autoptr(SanServicePayMethod) service = g_list_model_get_item (services, index);

      if (san_service_pay_method_get_method (service) == selected)
        return;
    }
  send_method (self, GTK_WIDGET (row), g_ptr_array_index (self->service_ids, index), selected);
}

/* Cards and bank accounts */

static GtkWidget *
create_remove_button (const char *action_name,
                      const char *id,
                      const char *a11y_label)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, a11y_label, -1);
  /* The target first: an action name without its target warns */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  return button;
}

static GtkWidget *
create_card_row (gpointer item,
                 gpointer user_data)
{
  SanCard *card = item;
  g_autofree char *title = dup_card_title (card);
  g_autofree char *expiry = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *a11y = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("auth-smartcard-symbolic");
  gboolean expired = card_is_expired (card);

  if (expired)
    /* Translators: a card's expiry, month/year */
    expiry = g_strdup_printf (_("Expired %02u/%u"), san_card_get_exp_month (card),
                              san_card_get_exp_year (card));
  else
    /* Translators: a card's expiry, month/year */
    expiry = g_strdup_printf (_("Expires %02u/%u"), san_card_get_exp_month (card),
                              san_card_get_exp_year (card));
  subtitle = g_strdup_printf ("%s · %s", san_card_get_holder (card), expiry);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  if (expired)
    {
      GtkWidget *badge = gtk_label_new (_("Expired"));

      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (badge, "status-badge");
      gtk_widget_add_css_class (badge, "status-suspended");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
    }

  /* Translators: %s is a card, "Visa •••• 1111" */
  a11y = g_strdup_printf (_("Remove %s"), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             create_remove_button ("paymethods.remove-card",
                                                   san_card_get_id (card), a11y));
  return row;
}

static GtkWidget *
create_account_row (gpointer item,
                    gpointer user_data)
{
  SanBankAccount *account = item;
  g_autofree char *title = dup_account_title (account);
  g_autofree char *document = san_document_format (san_bank_account_get_holder_document (account));
  g_autofree char *subtitle = NULL;
  g_autofree char *a11y = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("x-office-address-book-symbolic");

  subtitle = g_strdup_printf ("%s · %s", san_bank_account_get_holder (account),
                              document != NULL ? document
                                               : san_bank_account_get_holder_document (account));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  /* Translators: %s is a bank account, "Itaú · agency 1234 · account 12345-6" */
  a11y = g_strdup_printf (_("Remove %s"), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             create_remove_button ("paymethods.remove-account",
                                                   san_bank_account_get_id (account), a11y));
  return row;
}

static void
replace_all (GListStore *store,
             GListModel *items)
{
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (items);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (array, g_list_model_get_item (items, i));
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       array->pdata, array->len);
}

typedef const char *(*GetId) (gpointer item);

static const char *
card_id (gpointer item)
{
  return san_card_get_id (item);
}

static const char *
account_id (gpointer item)
{
  return san_bank_account_get_id (item);
}

static gpointer
find_by_id (GListStore  *store,
            const char  *id,
            GetId        get_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (g_strcmp0 (get_id (item), id) == 0)
        return g_steal_pointer (&item);
    }
  return NULL;
}

static gboolean
remove_by_id (GListStore  *store,
              const char  *id,
              GetId        get_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (g_strcmp0 (get_id (item), id) == 0)
        {
          g_list_store_remove (store, i);
          return TRUE;
        }
    }
  return FALSE;
}

/* DDA */

static void
apply_dda (SanPaymentMethodsPage *self,
           SanDda                *dda)
{
  gboolean enabled = san_dda_get_enabled (dda);
  GDateTime *since = san_dda_get_enabled_at (dda);

  self->updating = TRUE;
  gtk_switch_set_active (self->dda_switch, enabled);
  gtk_switch_set_state (self->dda_switch, enabled);
  self->updating = FALSE;

  if (enabled && since != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (since);
      g_autofree char *date = NULL;
      g_autofree char *subtitle = NULL;
      GDate day;

      g_date_clear (&day, 1);
      g_date_set_dmy (&day, g_date_time_get_day_of_month (local),
                      g_date_time_get_month (local), g_date_time_get_year (local));
      date = san_date_format (&day);
      /* Translators: %s is a date */
      subtitle = g_strdup_printf (_("On since %s"), date);
      adw_action_row_set_subtitle (self->dda_row, subtitle);
    }
  else
    {
      adw_action_row_set_subtitle (self->dda_row, enabled ? _("On") : _("Off"));
    }
}

static void
on_dda_set_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanDda) dda = NULL;
  SanPaymentMethodsPage *self;

  dda = san_client_set_dda_finish (SAN_CLIENT (object), result, &error);
  if (dda == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = SAN_PAYMENT_METHODS_PAGE (user_data);
  gtk_widget_set_sensitive (GTK_WIDGET (self->dda_switch), TRUE);
  if (dda == NULL)
    {
      g_autofree char *message = NULL;
      gboolean was = gtk_switch_get_state (self->dda_switch);

      self->updating = TRUE;
      gtk_switch_set_active (self->dda_switch, was);
      gtk_switch_set_state (self->dda_switch, was);
      self->updating = FALSE;
      if (g_error_matches (error, SAN_API_ERROR, SAN_API_ERROR_FORBIDDEN))
        message = g_strdup (_("You don’t have permission to change DDA."));
      else
        /* Translators: %s is the reason */
        message = g_strdup_printf (_("Could not change DDA: %s"), error->message);
      show_toast (self, message);
      return;
    }

  apply_dda (self, dda);
}

static gboolean
on_dda_switch_state_set_cb (SanPaymentMethodsPage *self,
                            gboolean               state,
                            GtkSwitch             *sw)
{
  if (self->updating || self->client == NULL || self->contract == NULL)
    return FALSE;   /* the switch takes the state */

  /* The state follows when the server agrees */
  gtk_widget_set_sensitive (GTK_WIDGET (sw), FALSE);
  san_client_set_dda_async (self->client, san_contract_get_id (self->contract), state,
                            self->action_cancellable, on_dda_set_cb, self);
  return TRUE;
}

/* Loading */

static void
part_done (SanPaymentMethodsPage *self,
           GError                *error)
{
  g_assert (self->pending > 0);

  if (error != NULL && self->load_error == NULL)
    self->load_error = g_error_copy (error);
  if (--self->pending > 0)
    return;

  if (self->load_error == NULL)
    {
      self->loaded = TRUE;
      gtk_stack_set_visible_child_name (self->methods_stack, "content");
      return;
    }

  /* What was shown stays; with nothing shown, say what went wrong */
  if (!self->loaded)
    {
      adw_status_page_set_icon_name (self->methods_error_page,
                                     g_error_matches (self->load_error, SAN_API_ERROR,
                                                      SAN_API_ERROR_NETWORK)
                                     ? "network-error-symbolic" : "dialog-error-symbolic");
      adw_status_page_set_description (self->methods_error_page, self->load_error->message);
      gtk_stack_set_visible_child_name (self->methods_stack, "error");
    }
  g_signal_emit (self, signals[LOAD_FAILED], 0, self->load_error);
  g_clear_error (&self->load_error);
}

static void
on_pay_methods_loaded_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanPayMethods) pay_methods = NULL;
  SanPaymentMethodsPage *self;

  pay_methods = san_client_get_pay_methods_finish (SAN_CLIENT (object), result, &error);
  if (pay_methods == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = SAN_PAYMENT_METHODS_PAGE (user_data);
  if (pay_methods != NULL)
    apply_pay_methods (self, pay_methods);
  part_done (self, error);
}

static void
on_cards_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) cards = NULL;
  SanPaymentMethodsPage *self;

  cards = san_client_list_cards_finish (SAN_CLIENT (object), result, &error);
  if (cards == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = SAN_PAYMENT_METHODS_PAGE (user_data);
  if (cards != NULL)
    replace_all (self->cards, cards);
  part_done (self, error);
}

static void
on_accounts_loaded_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) accounts = NULL;
  SanPaymentMethodsPage *self;

  accounts = san_client_list_bank_accounts_finish (SAN_CLIENT (object), result, &error);
  if (accounts == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = SAN_PAYMENT_METHODS_PAGE (user_data);
  if (accounts != NULL)
    replace_all (self->accounts, accounts);
  part_done (self, error);
}

static void
on_dda_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanDda) dda = NULL;
  SanPaymentMethodsPage *self;

  dda = san_client_get_dda_finish (SAN_CLIENT (object), result, &error);
  if (dda == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = SAN_PAYMENT_METHODS_PAGE (user_data);
  if (dda != NULL)
    apply_dda (self, dda);
  part_done (self, error);
}

static void
load (SanPaymentMethodsPage *self)
{
  const char *contract_id;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->load_error);
  self->pending = 0;

  if (self->client == NULL || self->contract == NULL)
    {
      gtk_stack_set_visible_child_name (self->methods_stack, "loading");
      return;
    }

  if (!self->loaded)
    gtk_stack_set_visible_child_name (self->methods_stack, "loading");

  self->cancellable = g_cancellable_new ();
  self->pending = N_PARTS;
  contract_id = san_contract_get_id (self->contract);
  san_client_get_pay_methods_async (self->client, contract_id, self->cancellable,
                                    on_pay_methods_loaded_cb, self);
  san_client_list_cards_async (self->client, contract_id, self->cancellable,
                               on_cards_loaded_cb, self);
  san_client_list_bank_accounts_async (self->client, contract_id, self->cancellable,
                                       on_accounts_loaded_cb, self);
  san_client_get_dda_async (self->client, contract_id, self->cancellable,
                            on_dda_loaded_cb, self);
}

/* Loads one part again after a change elsewhere (a card added or removed
 * changes which methods can be chosen) */
static void
reload_pay_methods (SanPaymentMethodsPage *self)
{
  if (self->client == NULL || self->contract == NULL)
    return;
  self->pending++;
  if (self->cancellable == NULL)
    self->cancellable = g_cancellable_new ();
  san_client_get_pay_methods_async (self->client, san_contract_get_id (self->contract),
                                    self->cancellable, on_pay_methods_loaded_cb, self);
}

/* Adding */

/* Scrolls the page to show @row, once it has its place (GTK 4.8's
 * viewports do not follow the focus) */
static gboolean
scroll_to_row_cb (GtkWidget     *row,
                  GdkFrameClock *clock,
                  gpointer       user_data)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  double x, y, height, visible;

  if (scrolled == NULL)
    return G_SOURCE_REMOVE;
  height = gtk_widget_get_height (row);
  if (height == 0 || !gtk_widget_translate_coordinates (row, scrolled, 0, 0, &x, &y))
    return G_SOURCE_CONTINUE;   /* not laid out yet: the next frame */

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  visible = gtk_widget_get_height (scrolled);
  if (y < 0)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + y - 12);
  else if (y + height > visible)
    gtk_adjustment_set_value (adjustment,
                              gtk_adjustment_get_value (adjustment) + y + height - visible + 12);
  return G_SOURCE_REMOVE;
}

/* Shows the row just added, and puts the focus on it */
static void
focus_last_row (GtkListBox *list)
{
  GtkListBoxRow *last = NULL;

  for (int i = 0; gtk_list_box_get_row_at_index (list, i) != NULL; i++)
    last = gtk_list_box_get_row_at_index (list, i);
  if (last == NULL)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (last));
  gtk_widget_add_tick_callback (GTK_WIDGET (last), scroll_to_row_cb, NULL, NULL);
}

static void
on_card_added_cb (SanPaymentMethodsPage *self,
                  SanCard               *card,
                  SanCardDialog         *dialog)
{
  g_autofree char *title = dup_card_title (card);
  g_autofree char *message = NULL;

  g_list_store_append (self->cards, card);
  focus_last_row (self->cards_list);
  /* Translators: %s is a card, "Visa •••• 1111" */
  message = g_strdup_printf (_("Added %s"), title);
  show_toast (self, message);
}

static void
on_add_card_button_clicked_cb (SanPaymentMethodsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  SanCardDialog *dialog;

  if (self->client == NULL || self->contract == NULL)
    return;

  dialog = san_card_dialog_new_add (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                    self->client, self->contract);
  g_signal_connect_object (dialog, "card-added", G_CALLBACK (on_card_added_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_account_added_cb (SanPaymentMethodsPage *self,
                     SanBankAccount        *account,
                     SanBankAccountDialog  *dialog)
{
  g_autofree char *title = dup_account_title (account);
  g_autofree char *message = NULL;

  g_list_store_append (self->accounts, account);
  focus_last_row (self->accounts_list);
  /* Translators: %s is a bank account, "Itaú · agency 1234 · account 12345-6" */
  message = g_strdup_printf (_("Added %s"), title);
  show_toast (self, message);
}

static void
on_add_account_button_clicked_cb (SanPaymentMethodsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  SanBankAccountDialog *dialog;

  if (self->client == NULL || self->contract == NULL)
    return;

  dialog = san_bank_account_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        self->client, self->contract);
  g_signal_connect_object (dialog, "account-added", G_CALLBACK (on_account_added_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Removing */

typedef struct
{
  SanPaymentMethodsPage *self;
  char                  *id;
  char                  *title;
} Removal;

static void
removal_free (Removal *removal)
{
  g_free (removal->id);
  g_free (removal->title);
  g_free (removal);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Removal, removal_free)

static void
on_card_deleted_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(Removal) removal = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  SanPaymentMethodsPage *self;

  if (!san_client_delete_card_finish (SAN_CLIENT (object), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = removal->self;
  if (error != NULL && !g_error_matches (error, SAN_API_ERROR, SAN_API_ERROR_NOT_FOUND))
    {
      if (g_error_matches (error, SAN_API_ERROR, SAN_API_ERROR_CONFLICT))
        /* Translators: %s is a card, "Visa •••• 1111" */
        message = g_strdup_printf (_("%s is still in use and cannot be removed now."),
                                   removal->title);
      else
        /* Translators: the first %s is a card, the second the reason */
        message = g_strdup_printf (_("Could not remove %s: %s"), removal->title, error->message);
      show_toast (self, message);
      return;
    }

  /* Gone either way */
  remove_by_id (self->cards, removal->id, card_id);
  /* Translators: %s is a card, "Visa •••• 1111" */
  message = g_strdup_printf (_("Removed %s"), removal->title);
  show_toast (self, message);
  reload_pay_methods (self);
}

static void
on_account_deleted_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(Removal) removal = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  SanPaymentMethodsPage *self;

  if (!san_client_delete_bank_account_finish (SAN_CLIENT (object), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = removal->self;
  if (error != NULL && !g_error_matches (error, SAN_API_ERROR, SAN_API_ERROR_NOT_FOUND))
    {
      if (g_error_matches (error, SAN_API_ERROR, SAN_API_ERROR_CONFLICT))
        message = g_strdup (_("A debit is scheduled from this account. Cancel the scheduled "
                              "debit in Invoices first, then remove the account."));
      else
        /* Translators: the first %s is a bank account, the second the reason */
        message = g_strdup_printf (_("Could not remove %s: %s"), removal->title, error->message);
      show_toast (self, message);
      return;
    }

  remove_by_id (self->accounts, removal->id, account_id);
  /* Translators: %s is a bank account, "Itaú · agency 1234 · account 12345-6" */
  message = g_strdup_printf (_("Removed %s"), removal->title);
  show_toast (self, message);
  reload_pay_methods (self);
}

static void
on_remove_dialog_response_cb (AdwMessageDialog      *dialog,
                              const char            *response,
                              SanPaymentMethodsPage *self)
{
  g_autoptr(Removal) removal = NULL;
  gboolean is_card = self->remove_is_card;
  const char *id;

  if (g_strcmp0 (response, "remove") != 0 || self->remove_id == NULL ||
      self->client == NULL || self->contract == NULL)
    {
      g_clear_pointer (&self->remove_id, g_free);
      return;
    }

  removal = g_new0 (Removal, 1);
  removal->self = self;
  removal->id = g_steal_pointer (&self->remove_id);
  removal->title = g_strdup (adw_message_dialog_get_heading (dialog));
  id = removal->id;   /* the removal is handed over below */

  if (is_card)
    {
      g_autoptr(SanCard) card = find_by_id (self->cards, removal->id, card_id);

      if (card != NULL)
        {
          g_free (removal->title);
          removal->title = dup_card_title (card);
        }
      san_client_delete_card_async (self->client, san_contract_get_id (self->contract),
                                    id, self->action_cancellable,
                                    on_card_deleted_cb, g_steal_pointer (&removal));
    }
  else
    {
      g_autoptr(SanBankAccount) account = find_by_id (self->accounts, removal->id,
                                                      account_id);

      if (account != NULL)
        {
          g_free (removal->title);
          removal->title = dup_account_title (account);
        }
      san_client_delete_bank_account_async (self->client, san_contract_get_id (self->contract),
                                            id, self->action_cancellable,
                                            on_account_deleted_cb, g_steal_pointer (&removal));
    }
}

static void
confirm_removal (SanPaymentMethodsPage *self,
                 const char            *id,
                 const char            *heading,
                 const char            *body,
                 gboolean               is_card)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  g_free (self->remove_id);
  self->remove_id = g_strdup (id);
  self->remove_is_card = is_card;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_dialog_response_cb),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
remove_card_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SanPaymentMethodsPage *self = SAN_PAYMENT_METHODS_PAGE (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(SanCard) card = find_by_id (self->cards, id, card_id);
  g_autofree char *title = NULL;
  g_autofree char *heading = NULL;

  if (card == NULL)
    return;
  title = dup_card_title (card);
  /* Translators: %s is a card, "Visa •••• 1111" */
  heading = g_strdup_printf (_("Remove %s?"), title);
  confirm_removal (self, id, heading,
                   _("The card can no longer pay invoices. Services that are paid by card "
                     "will need another payment method."),
                   TRUE);
}

static void
remove_account_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SanPaymentMethodsPage *self = SAN_PAYMENT_METHODS_PAGE (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(SanBankAccount) account = find_by_id (self->accounts, id,
                                                  account_id);
  g_autofree char *heading = NULL;

  if (account == NULL)
    return;
  /* Translators: %s is a bank's name */
  heading = g_strdup_printf (_("Remove the %s Account?"), san_bank_account_get_bank_name (account));
  confirm_removal (self, id, heading,
                   _("SAN will no longer debit invoices from this account. Services paid by "
                     "Débito em Conta will need another payment method."),
                   FALSE);
}

static void
on_retry_button_clicked_cb (SanPaymentMethodsPage *self)
{
  load (self);
}

static GtkWidget *
create_placeholder (const char *title,
                    const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static void
san_payment_methods_page_dispose (GObject *object)
{
  SanPaymentMethodsPage *self = SAN_PAYMENT_METHODS_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->action_cancellable);
  g_clear_object (&self->action_cancellable);

  if (self->service_rows != NULL)
    g_ptr_array_set_size (self->service_rows, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAN_TYPE_PAYMENT_METHODS_PAGE);
  /* The template's top widget is not a bound child: unparent it too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->pay_methods);
  g_clear_object (&self->cards);
  g_clear_object (&self->accounts);
  g_clear_object (&self->methods);
  g_clear_object (&self->client);
  g_clear_object (&self->contract);

  G_OBJECT_CLASS (san_payment_methods_page_parent_class)->dispose (object);
}

static void
san_payment_methods_page_finalize (GObject *object)
{
  SanPaymentMethodsPage *self = SAN_PAYMENT_METHODS_PAGE (object);

  g_clear_pointer (&self->service_rows, g_ptr_array_unref);
  g_clear_pointer (&self->service_ids, g_ptr_array_unref);
  g_clear_error (&self->load_error);
  g_free (self->remove_id);

  G_OBJECT_CLASS (san_payment_methods_page_parent_class)->finalize (object);
}

static void
san_payment_methods_page_class_init (SanPaymentMethodsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = san_payment_methods_page_dispose;
  object_class->finalize = san_payment_methods_page_finalize;

  signals[LOAD_FAILED] =
    g_signal_new ("load-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/saninternet/ClientArea/ui/san-payment-methods-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SanPaymentMethodsPage, methods_stack);
  gtk_widget_class_bind_template_child (widget_class, SanPaymentMethodsPage, methods_error_page);
  gtk_widget_class_bind_template_child (widget_class, SanPaymentMethodsPage, default_group);
  gtk_widget_class_bind_template_child (widget_class, SanPaymentMethodsPage, default_row);
  gtk_widget_class_bind_template_child (widget_class, SanPaymentMethodsPage, services_list);
  gtk_widget_class_bind_template_child (widget_class, SanPaymentMethodsPage, cards_list);
  gtk_widget_class_bind_template_child (widget_class, SanPaymentMethodsPage, accounts_list);
  gtk_widget_class_bind_template_child (widget_class, SanPaymentMethodsPage, add_card_button);
  gtk_widget_class_bind_template_child (widget_class, SanPaymentMethodsPage, add_account_button);
  gtk_widget_class_bind_template_child (widget_class, SanPaymentMethodsPage, dda_row);
  gtk_widget_class_bind_template_child (widget_class, SanPaymentMethodsPage, dda_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_default_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_card_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_account_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_dda_switch_state_set_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_retry_button_clicked_cb);

  gtk_widget_class_install_action (widget_class, "paymethods.remove-card", "s",
                                   remove_card_action_cb);
  gtk_widget_class_install_action (widget_class, "paymethods.remove-account", "s",
                                   remove_account_action_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
san_payment_methods_page_init (SanPaymentMethodsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->methods = gtk_string_list_new (NULL);
  for (guint m = 0; m < N_METHODS; m++)
    gtk_string_list_append (self->methods, san_payment_method_label (m));
  adw_combo_row_set_model (self->default_row, G_LIST_MODEL (self->methods));

  self->service_rows = g_ptr_array_new ();
  self->service_ids = g_ptr_array_new_with_free_func (g_free);
  self->cards = g_list_store_new (SAN_TYPE_CARD);
  self->accounts = g_list_store_new (SAN_TYPE_BANK_ACCOUNT);
  self->can_change_default = TRUE;
  self->action_cancellable = g_cancellable_new ();

  gtk_list_box_bind_model (self->cards_list, G_LIST_MODEL (self->cards),
                           create_card_row, NULL, NULL);
  gtk_list_box_bind_model (self->accounts_list, G_LIST_MODEL (self->accounts),
                           create_account_row, NULL, NULL);
  gtk_list_box_set_placeholder (self->services_list,
                                create_placeholder (_("No services"),
                                                    _("This contract has no services to pay for.")));
  gtk_list_box_set_placeholder (self->cards_list,
                                create_placeholder (_("No cards"),
                                                    _("Add a card to pay invoices by credit card.")));
  gtk_list_box_set_placeholder (self->accounts_list,
                                create_placeholder (_("No bank accounts"),
                                                    _("Add an account to pay invoices by Débito em Conta.")));
  gtk_stack_set_visible_child_name (self->methods_stack, "loading");
}

void
san_payment_methods_page_set_contract (SanPaymentMethodsPage *self,
                                       SanClient             *client,
                                       SanContract           *contract)
{
  g_return_if_fail (SAN_IS_PAYMENT_METHODS_PAGE (self));
  g_return_if_fail (client == NULL || SAN_IS_CLIENT (client));
  g_return_if_fail (contract == NULL || SAN_IS_CONTRACT (contract));

  g_set_object (&self->client, client);
  g_set_object (&self->contract, contract);

  /* Another contract: nothing of the last one may stay on screen, and its
   * changes in flight are forgotten */
  g_cancellable_cancel (self->action_cancellable);
  g_clear_object (&self->action_cancellable);
  self->action_cancellable = g_cancellable_new ();
  self->loaded = FALSE;
  g_clear_object (&self->pay_methods);
  g_clear_pointer (&self->remove_id, g_free);
  g_list_store_remove_all (self->cards);
  g_list_store_remove_all (self->accounts);
  self->updating = TRUE;
  clear_service_rows (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->dda_switch), TRUE);
  self->updating = FALSE;

  self->can_change_default = contract != NULL && san_contract_has_permission (contract, "profile");
  update_default_row (self);

  load (self);
}

void
san_payment_methods_page_reload (SanPaymentMethodsPage *self)
{
  g_return_if_fail (SAN_IS_PAYMENT_METHODS_PAGE (self));

  load (self);
}
