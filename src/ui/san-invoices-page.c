/* san-invoices-page.c: the contract's invoices, with the selected one's details, boleto, PIX and card payment
 *
 * GListStore -> GtkFilterListModel (status + search) -> GtkSortListModel ->
 * GtkSingleSelection -> GtkListView, the open and overdue totals above it,
 * and beside it (an AdwLeaflet that folds on narrow windows) the selected
 * invoice: its details, or its boleto or PIX code. The page provides the
 * invoice.* actions that the details' buttons activate.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "san-billing-labels.h"
#include "san-boleto-view.h"
#include "san-card-dialog.h"
#include "san-invoice-detail.h"
#include "san-invoice-row.h"
#include "san-invoices-page.h"
#include "san-money.h"
#include "san-paycode-verify.h"
#include "san-pix-view.h"

struct _SanInvoicesPage
{
  GtkWidget             parent_instance;

  GCancellable         *cancellable;          /* loading the list */
  GCancellable         *action_cancellable;   /* saving, printing */
  SanClient            *client;
  SanContract          *contract;

  GListStore           *store;
  GtkCustomFilter      *filter;
  GtkFilterListModel   *filter_model;
  GtkSortListModel     *sort_model;
  GtkSingleSelection   *selection;
  GtkFileChooserNative *chooser;

  SanInvoicesFilter     status_filter;
  char                 *search_folded;        /* casefolded search text, never NULL */
  char                 *select_id;            /* select this invoice once loaded */
  char                 *shown_id;             /* the invoice in the detail side */
  guint                 loading : 1;
  guint                 loaded : 1;
  guint                 selecting : 1;        /* the selection changes by program */

  AdwLeaflet           *leaflet;
  GtkWidget            *list_side;
  GtkWidget            *detail_side;
  GtkWidget            *summary_box;
  GtkLabel             *open_total_label;
  GtkWidget            *overdue_total_box;
  GtkLabel             *overdue_total_label;
  GtkSearchEntry       *search_entry;
  GtkDropDown          *status_dropdown;
  GtkStack             *list_stack;
  GtkListView          *list_view;
  AdwStatusPage        *empty_page;
  GtkWidget            *clear_filters_button;
  AdwStatusPage        *error_page;
  GtkStack             *detail_stack;
  SanInvoiceDetail     *detail;
  SanBoletoView        *boleto_view;
  SanPixView           *pix_view;
};

enum {
  PROP_0,
  PROP_SHOWING_DETAIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  LOAD_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SanInvoicesPage, san_invoices_page, GTK_TYPE_WIDGET)

static void load (SanInvoicesPage *self);

/* News of a payment comes before any other toast waiting */
static void
add_toast (SanInvoicesPage  *self,
           const char       *title,
           AdwToastPriority  priority)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    return;
  toast = adw_toast_new (title);
  adw_toast_set_priority (toast, priority);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static SanInvoice *
selected_invoice (SanInvoicesPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static gboolean
in_subview (SanInvoicesPage *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->detail_stack);

  return g_strcmp0 (name, "boleto") == 0 || g_strcmp0 (name, "pix") == 0;
}

/* Filter and order */

static gboolean
matches_filter (SanInvoicesFilter filter,
                SanInvoiceState   state)
{
  switch (filter)
    {
    case SAN_INVOICES_FILTER_ALL:
      return TRUE;
    case SAN_INVOICES_FILTER_OPEN:
      return state == SAN_INVOICE_STATE_UNPAID || state == SAN_INVOICE_STATE_OVERDUE;
    case SAN_INVOICES_FILTER_OVERDUE:
      return state == SAN_INVOICE_STATE_OVERDUE;
    case SAN_INVOICES_FILTER_PAYMENT_PENDING:
      return state == SAN_INVOICE_STATE_PAYMENT_PENDING;
    case SAN_INVOICES_FILTER_PAID:
      return state == SAN_INVOICE_STATE_PAID;
    case SAN_INVOICES_FILTER_CANCELLED:
      return state == SAN_INVOICE_STATE_CANCELLED;
    case SAN_INVOICES_FILTER_REFUNDED:
      return state == SAN_INVOICE_STATE_REFUNDED;
    default:
      return TRUE;
    }
}

static gboolean
filter_invoice (gpointer item,
                gpointer user_data)
{
  SanInvoicesPage *self = user_data;
  SanInvoice *invoice = item;
  g_autofree char *number = NULL;

  if (!matches_filter (self->status_filter, san_invoice_get_state (invoice)))
    return FALSE;
  if (self->search_folded[0] == '\0')
    return TRUE;

  number = g_utf8_casefold (san_invoice_get_number (invoice), -1);
  return strstr (number, self->search_folded) != NULL;
}

/* Newest first: due date, then id, descending (as the server lists them) */
static int
compare_invoices (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  SanInvoice *ia = (SanInvoice *) a;
  SanInvoice *ib = (SanInvoice *) b;
  const GDate *da = san_invoice_get_due_date (ia);
  const GDate *db = san_invoice_get_due_date (ib);
  guint64 id_a, id_b;

  if (da != NULL && db != NULL && g_date_compare (da, db) != 0)
    return g_date_compare (db, da);
  id_a = g_ascii_strtoull (san_invoice_get_id (ia), NULL, 10);
  id_b = g_ascii_strtoull (san_invoice_get_id (ib), NULL, 10);
  return id_a < id_b ? 1 : id_a > id_b ? -1 : 0;
}

static gboolean
has_filters (SanInvoicesPage *self)
{
  return self->status_filter != SAN_INVOICES_FILTER_ALL || self->search_folded[0] != '\0';
}

/* State */

static void
update_actions (SanInvoicesPage *self)
{
  SanInvoice *invoice = selected_invoice (self);
  SanInvoiceState state = invoice != NULL ? san_invoice_get_state (invoice)
                                          : SAN_INVOICE_STATE_CANCELLED;
  gboolean open = invoice != NULL &&
                  (state == SAN_INVOICE_STATE_UNPAID || state == SAN_INVOICE_STATE_OVERDUE);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "invoice.pay-pix", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "invoice.boleto", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "invoice.pay-card", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "invoice.second-copy",
                                 invoice != NULL && state == SAN_INVOICE_STATE_OVERDUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "invoice.save-pdf", invoice != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "invoice.print", invoice != NULL);
}

static void
show_subview (SanInvoicesPage *self,
              const char      *name)
{
  gboolean was_subview = in_subview (self);

  /* Views off screen stop their work (the PIX view its polling) */
  if (g_strcmp0 (name, "boleto") != 0)
    san_boleto_view_set_invoice (self->boleto_view, NULL, NULL, NULL, FALSE);
  if (g_strcmp0 (name, "pix") != 0)
    san_pix_view_set_invoice (self->pix_view, NULL, NULL, NULL);

  gtk_stack_set_visible_child_name (self->detail_stack, name);
  if (was_subview != in_subview (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWING_DETAIL]);
}

static void
update_detail (SanInvoicesPage *self)
{
  SanInvoice *invoice = selected_invoice (self);

  if (invoice == NULL)
    {
      g_clear_pointer (&self->shown_id, g_free);
      show_subview (self, "none");
    }
  else
    {
      san_invoice_detail_set_invoice (self->detail, invoice);
      /* Another invoice: back to its details */
      if (g_strcmp0 (self->shown_id, san_invoice_get_id (invoice)) != 0)
        {
          g_free (self->shown_id);
          self->shown_id = g_strdup (san_invoice_get_id (invoice));
          show_subview (self, "detail");
        }
      else if (!in_subview (self))
        show_subview (self, "detail");
    }
  update_actions (self);
}

static void
update_summary (SanInvoicesPage *self,
                gint64           open_cents,
                gint64           overdue_cents)
{
  g_autofree char *open = san_money_format_brl (open_cents);
  g_autofree char *overdue = san_money_format_brl (overdue_cents);

  gtk_label_set_label (self->open_total_label, open);
  gtk_label_set_label (self->overdue_total_label, overdue);
  gtk_widget_set_visible (self->overdue_total_box, overdue_cents > 0);
  gtk_widget_set_visible (self->summary_box, self->loaded);
}

static void
update_state (SanInvoicesPage *self)
{
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  guint n_all = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  if (self->loading && !self->loaded)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "loading");
    }
  else if (!self->loaded && self->client != NULL && self->contract != NULL)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "error");
    }
  else if (n_shown > 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
    }
  else if (n_all > 0 && has_filters (self))
    {
      adw_status_page_set_icon_name (self->empty_page, "system-search-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Invoices Match"));
      adw_status_page_set_description (self->empty_page,
                                       _("No invoice matches the search and status filter."));
      gtk_widget_set_visible (self->clear_filters_button, TRUE);
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "x-office-document-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Invoices"));
      adw_status_page_set_description (self->empty_page,
                                       self->loaded
                                       ? _("This contract has no invoices yet.")
                                       : NULL);
      gtk_widget_set_visible (self->clear_filters_button, FALSE);
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }

  update_detail (self);
}

static gboolean
select_invoice_by_id (SanInvoicesPage *self,
                      const char      *invoice_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SanInvoice) invoice = g_list_model_get_item (G_LIST_MODEL (self->sort_model), i);

      if (g_strcmp0 (san_invoice_get_id (invoice), invoice_id) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

static void
set_status_filter (SanInvoicesPage   *self,
                   SanInvoicesFilter  filter)
{
  GtkFilterChange change;

  if (filter == self->status_filter)
    return;

  if (self->status_filter == SAN_INVOICES_FILTER_ALL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (filter == SAN_INVOICES_FILTER_ALL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else if (self->status_filter == SAN_INVOICES_FILTER_OPEN &&
           filter == SAN_INVOICES_FILTER_OVERDUE)
    change = GTK_FILTER_CHANGE_MORE_STRICT;   /* overdue ones are open */
  else if (self->status_filter == SAN_INVOICES_FILTER_OVERDUE &&
           filter == SAN_INVOICES_FILTER_OPEN)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  self->status_filter = filter;
  gtk_filter_changed (GTK_FILTER (self->filter), change);
  update_state (self);
}

static void
set_search (SanInvoicesPage *self,
            const char      *text)
{
  g_autofree char *folded = g_utf8_casefold (text != NULL ? text : "", -1);
  GtkFilterChange change;

  g_strstrip (folded);
  if (g_strcmp0 (folded, self->search_folded) == 0)
    return;

  if (strstr (folded, self->search_folded) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;   /* the old text is part of the new */
  else if (strstr (self->search_folded, folded) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  g_free (self->search_folded);
  self->search_folded = g_steal_pointer (&folded);
  gtk_filter_changed (GTK_FILTER (self->filter), change);
  update_state (self);
}

static void
clear_filters (SanInvoicesPage *self)
{
  set_search (self, "");
  set_status_filter (self, SAN_INVOICES_FILTER_ALL);
  /* The widgets follow; their handlers then find nothing changed */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->status_dropdown, SAN_INVOICES_FILTER_ALL);
}

/* Loading */

static void
on_invoices_loaded_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) invoices = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *selected_id = NULL;
  gint64 open_cents = 0, overdue_cents = 0;
  SanInvoicesPage *self;
  SanInvoice *selected;
  guint n;

  invoices = san_client_list_all_invoices_finish (SAN_CLIENT (object), result,
                                                  &open_cents, &overdue_cents, &error);
  if (invoices == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = SAN_INVOICES_PAGE (user_data);
  self->loading = FALSE;

  if (invoices == NULL)
    {
      if (!self->loaded)
        adw_status_page_set_description (self->error_page, error->message);
      update_state (self);
      g_signal_emit (self, signals[LOAD_FAILED], 0, error);
      return;
    }

  selected = selected_invoice (self);
  if (self->select_id != NULL)
    selected_id = g_steal_pointer (&self->select_id);
  else if (selected != NULL)
    selected_id = g_strdup (san_invoice_get_id (selected));

  n = g_list_model_get_n_items (invoices);
  items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (invoices, i));

  self->selecting = TRUE;
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);
  if (selected_id != NULL && !select_invoice_by_id (self, selected_id))
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->selecting = FALSE;

  self->loaded = TRUE;
  update_summary (self, open_cents, overdue_cents);
  update_state (self);
}

static void
load (SanInvoicesPage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->client == NULL || self->contract == NULL)
    {
      self->loading = FALSE;
      update_state (self);
      return;
    }

  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  update_state (self);
  san_client_list_all_invoices_async (self->client,
                                      san_contract_get_id (self->contract),
                                      self->cancellable,
                                      on_invoices_loaded_cb,
                                      self);
}

/* Saving the PDF */

typedef struct
{
  GWeakRef  page;   /* the page may go while saving */
  GFile    *file;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_weak_ref_clear (&job->page);
  g_clear_object (&job->file);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveJob, save_job_free)

static void
toast_save_error (SanInvoicesPage *self,
                  const GError    *error)
{
  g_autofree char *title = NULL;

  /* Translators: %s is the reason */
  title = g_strdup_printf (_("Could not save the PDF: %s"), error->message);
  add_toast (self, title, ADW_TOAST_PRIORITY_NORMAL);
}

static void
on_pdf_written_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SaveJob) job = user_data;
  g_autoptr(SanInvoicesPage) self = g_weak_ref_get (&job->page);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      if (self != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast_save_error (self, error);
      return;
    }
  if (self == NULL)
    return;

  name = g_file_get_basename (job->file);
  /* Translators: %s is a file name */
  title = g_strdup_printf (_("Saved %s"), name);
  add_toast (self, title, ADW_TOAST_PRIORITY_NORMAL);
}

static void
on_pdf_downloaded_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(SaveJob) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SanInvoicesPage) self = NULL;
  GFile *file;

  bytes = san_client_download_invoice_pdf_finish (SAN_CLIENT (object), result, &error);
  if (bytes == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* the page may be gone */

  self = g_weak_ref_get (&job->page);
  if (self == NULL)
    return;
  if (bytes == NULL)
    {
      toast_save_error (self, error);
      return;
    }

  file = job->file;
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE,
                                       G_FILE_CREATE_REPLACE_DESTINATION,
                                       self->action_cancellable,
                                       on_pdf_written_cb,
                                       g_steal_pointer (&job));
}

static void
on_chooser_response_cb (SanInvoicesPage      *self,
                        int                   response,
                        GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file != NULL)
    san_invoices_page_save_pdf (self, file);
}

/* Printing: an unpaid invoice with its boleto, as on the PDF */

static void
on_print_boleto_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SanInvoice) invoice = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SanBoleto) boleto = NULL;
  SanInvoicesPage *self;

  boleto = san_client_get_boleto_finish (SAN_CLIENT (object), result, &error);
  if (boleto == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = SAN_INVOICES_PAGE (user_data);
  invoice = selected_invoice (self) != NULL ? g_object_ref (selected_invoice (self)) : NULL;
  if (invoice == NULL)
    return;
  /* A boleto that does not match the invoice is not printed */
  if (boleto != NULL && !san_paycode_verify_boleto (boleto, invoice, NULL))
    g_clear_object (&boleto);
  san_billing_print (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), invoice, boleto,
                     SAN_BILLING_PRINT_INVOICE | SAN_BILLING_PRINT_BOLETO);
}

/* Actions */

static void
pay_pix_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SanInvoicesPage *self = SAN_INVOICES_PAGE (widget);
  SanInvoice *invoice = selected_invoice (self);

  if (invoice == NULL)
    return;
  show_subview (self, "pix");
  san_pix_view_set_invoice (self->pix_view, self->client, self->contract, invoice);
}

static void
boleto_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SanInvoicesPage *self = SAN_INVOICES_PAGE (widget);
  SanInvoice *invoice = selected_invoice (self);

  if (invoice == NULL)
    return;
  show_subview (self, "boleto");
  san_boleto_view_set_invoice (self->boleto_view, self->client, self->contract, invoice,
                               g_str_equal (action_name, "invoice.second-copy"));
}

static void
on_card_paid_cb (SanInvoicesPage *self,
                 SanPayment      *payment,
                 SanCardDialog   *dialog)
{
  g_autofree char *amount = san_money_format_brl (san_payment_get_amount_cents (payment));
  g_autofree char *card = san_card_dup_title (san_payment_get_card_brand (payment),
                                              san_payment_get_card_last4 (payment));
  g_autofree char *title = NULL;

  /* Translators: an amount and a card, like "Paid R$ 129,90 with Visa •••• 1111" */
  title = g_strdup_printf (_("Paid %s with %s"), amount, card);
  add_toast (self, title, ADW_TOAST_PRIORITY_HIGH);
  load (self);
}

static void
pay_card_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SanInvoicesPage *self = SAN_INVOICES_PAGE (widget);
  SanInvoice *invoice = selected_invoice (self);
  SanCardDialog *dialog;

  if (invoice == NULL || self->client == NULL)
    return;
  dialog = san_card_dialog_new_pay (GTK_WINDOW (gtk_widget_get_root (widget)),
                                    self->client, self->contract, invoice);
  g_signal_connect_object (dialog, "paid", G_CALLBACK (on_card_paid_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_pdf_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SanInvoicesPage *self = SAN_INVOICES_PAGE (widget);
  SanInvoice *invoice = selected_invoice (self);
  g_autofree char *name = NULL;

  if (invoice == NULL || self->chooser != NULL)
    return;

  name = san_invoice_dup_pdf_filename (invoice);
  self->chooser = gtk_file_chooser_native_new (_("Save Invoice PDF"),
                                               GTK_WINDOW (gtk_widget_get_root (widget)),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
print_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SanInvoicesPage *self = SAN_INVOICES_PAGE (widget);
  SanInvoice *invoice = selected_invoice (self);

  if (invoice == NULL)
    return;

  if (san_invoice_get_status (invoice) != SAN_INVOICE_STATUS_UNPAID)
    {
      san_billing_print (GTK_WINDOW (gtk_widget_get_root (widget)), invoice, NULL,
                         SAN_BILLING_PRINT_INVOICE);
      return;
    }
  san_client_get_boleto_async (self->client,
                               san_contract_get_id (self->contract),
                               san_invoice_get_id (invoice),
                               self->action_cancellable,
                               on_print_boleto_cb,
                               self);
}

static void
reload_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  load (SAN_INVOICES_PAGE (widget));
}

static void
search_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  san_invoices_page_focus_search (SAN_INVOICES_PAGE (widget));
}

/* Callbacks */

static void
on_pix_paid_cb (SanInvoicesPage *self,
                SanInvoice      *invoice,
                SanPixView      *view)
{
  g_autofree char *title = san_invoice_dup_title (invoice);
  g_autofree char *text = NULL;

  /* Translators: %s is like "Invoice 2026-000123" */
  text = g_strdup_printf (_("%s is paid"), title);
  add_toast (self, text, ADW_TOAST_PRIORITY_HIGH);
  load (self);
}

static void
on_search_entry_search_changed_cb (SanInvoicesPage *self,
                                   GtkSearchEntry  *entry)
{
  if (self->list_stack == NULL)
    return;   /* disposing */
  set_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_search_entry_stop_search_cb (SanInvoicesPage *self,
                                GtkSearchEntry  *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_status_dropdown_selected_cb (SanInvoicesPage *self,
                                GParamSpec      *pspec,
                                GtkDropDown     *dropdown)
{
  guint selected;

  if (self->list_stack == NULL)
    return;   /* disposing */
  selected = gtk_drop_down_get_selected (dropdown);
  set_status_filter (self, selected == GTK_INVALID_LIST_POSITION || selected > SAN_INVOICES_FILTER_REFUNDED
                           ? SAN_INVOICES_FILTER_ALL : (SanInvoicesFilter) selected);
}

static void
on_selection_selected_item_cb (SanInvoicesPage    *self,
                               GParamSpec         *pspec,
                               GtkSingleSelection *selection)
{
  if (self->detail == NULL)
    return;   /* disposing */
  /* A reload puts the same invoice back: the detail side (maybe a boleto or
   * a PIX code) is updated once it is back, not emptied meanwhile */
  if (self->selecting)
    return;
  update_detail (self);

  /* A person picked an invoice: on a narrow window, show it */
  if (!self->selecting &&
      selected_invoice (self) != NULL &&
      adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->detail_side);
}

static void
on_leaflet_visible_child_cb (SanInvoicesPage *self,
                             GParamSpec      *pspec,
                             AdwLeaflet      *leaflet)
{
  if (self->list_side == NULL || self->selection == NULL)
    return;   /* disposing */

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWING_DETAIL]);

  /* Back on the list of a folded leaflet: forget the selection so that
   * picking the same invoice again shows it */
  if (adw_leaflet_get_folded (leaflet) &&
      adw_leaflet_get_visible_child (leaflet) == self->list_side)
    {
      self->selecting = TRUE;
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      self->selecting = FALSE;
      update_detail (self);
    }
}

static void
on_leaflet_folded_cb (SanInvoicesPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWING_DETAIL]);
}

static void
on_clear_filters_clicked_cb (SanInvoicesPage *self)
{
  clear_filters (self);
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, san_invoice_row_new ());
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    gpointer                  user_data)
{
  san_invoice_row_set_invoice (SAN_INVOICE_ROW (gtk_list_item_get_child (list_item)),
                               gtk_list_item_get_item (list_item));
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      gpointer                  user_data)
{
  san_invoice_row_set_invoice (SAN_INVOICE_ROW (gtk_list_item_get_child (list_item)), NULL);
}

/* GObject */

static void
san_invoices_page_dispose (GObject *object)
{
  SanInvoicesPage *self = SAN_INVOICES_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->action_cancellable);
  g_clear_object (&self->action_cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), SAN_TYPE_INVOICES_PAGE);
  /* The template's top widget is not a bound child: unparent it too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->client);
  g_clear_object (&self->contract);

  G_OBJECT_CLASS (san_invoices_page_parent_class)->dispose (object);
}

static void
san_invoices_page_finalize (GObject *object)
{
  SanInvoicesPage *self = SAN_INVOICES_PAGE (object);

  g_free (self->search_folded);
  g_free (self->select_id);
  g_free (self->shown_id);

  G_OBJECT_CLASS (san_invoices_page_parent_class)->finalize (object);
}

static void
san_invoices_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SanInvoicesPage *self = SAN_INVOICES_PAGE (object);

  switch (prop_id)
    {
    case PROP_SHOWING_DETAIL:
      g_value_set_boolean (value, san_invoices_page_get_showing_detail (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_invoices_page_class_init (SanInvoicesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = san_invoices_page_dispose;
  object_class->finalize = san_invoices_page_finalize;
  object_class->get_property = san_invoices_page_get_property;

  properties[PROP_SHOWING_DETAIL] =
    g_param_spec_boolean ("showing-detail", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[LOAD_FAILED] =
    g_signal_new ("load-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  g_type_ensure (SAN_TYPE_INVOICE_DETAIL);
  g_type_ensure (SAN_TYPE_BOLETO_VIEW);
  g_type_ensure (SAN_TYPE_PIX_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/saninternet/ClientArea/ui/san-invoices-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SanInvoicesPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SanInvoicesPage, list_side);
  gtk_widget_class_bind_template_child (widget_class, SanInvoicesPage, detail_side);
  gtk_widget_class_bind_template_child (widget_class, SanInvoicesPage, summary_box);
  gtk_widget_class_bind_template_child (widget_class, SanInvoicesPage, open_total_label);
  gtk_widget_class_bind_template_child (widget_class, SanInvoicesPage, overdue_total_box);
  gtk_widget_class_bind_template_child (widget_class, SanInvoicesPage, overdue_total_label);
  gtk_widget_class_bind_template_child (widget_class, SanInvoicesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SanInvoicesPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SanInvoicesPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SanInvoicesPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, SanInvoicesPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SanInvoicesPage, clear_filters_button);
  gtk_widget_class_bind_template_child (widget_class, SanInvoicesPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, SanInvoicesPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, SanInvoicesPage, detail);
  gtk_widget_class_bind_template_child (widget_class, SanInvoicesPage, boleto_view);
  gtk_widget_class_bind_template_child (widget_class, SanInvoicesPage, pix_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_status_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_filters_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_pix_paid_cb);

  gtk_widget_class_install_action (widget_class, "invoice.pay-pix", NULL, pay_pix_action_cb);
  gtk_widget_class_install_action (widget_class, "invoice.boleto", NULL, boleto_action_cb);
  gtk_widget_class_install_action (widget_class, "invoice.second-copy", NULL, boleto_action_cb);
  gtk_widget_class_install_action (widget_class, "invoice.pay-card", NULL, pay_card_action_cb);
  gtk_widget_class_install_action (widget_class, "invoice.save-pdf", NULL, save_pdf_action_cb);
  gtk_widget_class_install_action (widget_class, "invoice.print", NULL, print_action_cb);
  gtk_widget_class_install_action (widget_class, "invoices.reload", NULL, reload_action_cb);
  gtk_widget_class_install_action (widget_class, "invoices.search", NULL, search_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "invoices.search", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
san_invoices_page_init (SanInvoicesPage *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkCustomSorter *sorter;

  self->status_filter = SAN_INVOICES_FILTER_ALL;
  self->search_folded = g_strdup ("");
  self->action_cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->store = g_list_store_new (SAN_TYPE_INVOICE);
  self->filter = gtk_custom_filter_new (filter_invoice, self, NULL);
  self->filter_model = gtk_filter_list_model_new (G_LIST_MODEL (self->store),
                                                  GTK_FILTER (self->filter));
  sorter = gtk_custom_sorter_new (compare_invoices, NULL, NULL);
  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (self->filter_model),
                                              GTK_SORTER (sorter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sort_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selection_selected_item_cb), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  update_state (self);
}

void
san_invoices_page_set_contract (SanInvoicesPage *self,
                                SanClient       *client,
                                SanContract     *contract)
{
  g_return_if_fail (SAN_IS_INVOICES_PAGE (self));
  g_return_if_fail (client == NULL || SAN_IS_CLIENT (client));
  g_return_if_fail (contract == NULL || SAN_IS_CONTRACT (contract));

  g_set_object (&self->client, client);
  g_set_object (&self->contract, contract);

  /* Another contract: nothing of the last one may stay on screen */
  g_cancellable_cancel (self->action_cancellable);
  g_clear_object (&self->action_cancellable);
  self->action_cancellable = g_cancellable_new ();
  self->loaded = FALSE;
  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_list_store_remove_all (self->store);
  self->selecting = FALSE;
  update_summary (self, 0, 0);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->list_side);

  load (self);
}

void
san_invoices_page_reload (SanInvoicesPage *self)
{
  g_return_if_fail (SAN_IS_INVOICES_PAGE (self));

  load (self);
}

gboolean
san_invoices_page_get_showing_detail (SanInvoicesPage *self)
{
  g_return_val_if_fail (SAN_IS_INVOICES_PAGE (self), FALSE);

  if (self->leaflet == NULL)
    return FALSE;
  if (in_subview (self))
    return TRUE;
  return adw_leaflet_get_folded (self->leaflet) &&
         adw_leaflet_get_visible_child (self->leaflet) == self->detail_side;
}

gboolean
san_invoices_page_go_back (SanInvoicesPage *self)
{
  g_return_val_if_fail (SAN_IS_INVOICES_PAGE (self), FALSE);

  if (self->leaflet == NULL)
    return FALSE;
  if (in_subview (self))
    {
      show_subview (self, "detail");
      return TRUE;
    }
  if (!san_invoices_page_get_showing_detail (self))
    return FALSE;
  adw_leaflet_set_visible_child (self->leaflet, self->list_side);
  return TRUE;
}

void
san_invoices_page_set_filter (SanInvoicesPage   *self,
                              SanInvoicesFilter  filter)
{
  g_return_if_fail (SAN_IS_INVOICES_PAGE (self));
  g_return_if_fail (filter <= SAN_INVOICES_FILTER_REFUNDED);

  set_status_filter (self, filter);
  gtk_drop_down_set_selected (self->status_dropdown, filter);
}

void
san_invoices_page_show_invoice (SanInvoicesPage *self,
                                const char      *invoice_id)
{
  g_return_if_fail (SAN_IS_INVOICES_PAGE (self));
  g_return_if_fail (invoice_id != NULL);

  clear_filters (self);
  if (!select_invoice_by_id (self, invoice_id) && self->loading)
    {
      g_free (self->select_id);
      self->select_id = g_strdup (invoice_id);
    }
}

void
san_invoices_page_focus_search (SanInvoicesPage *self)
{
  g_return_if_fail (SAN_IS_INVOICES_PAGE (self));

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->list_side);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
san_invoices_page_save_pdf (SanInvoicesPage *self,
                            GFile           *file)
{
  SanInvoice *invoice;
  SaveJob *job;

  g_return_if_fail (SAN_IS_INVOICES_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  invoice = selected_invoice (self);
  if (invoice == NULL || self->client == NULL)
    return;

  job = g_new0 (SaveJob, 1);
  g_weak_ref_init (&job->page, self);
  job->file = g_object_ref (file);
  san_client_download_invoice_pdf_async (self->client,
                                         san_contract_get_id (self->contract),
                                         san_invoice_get_id (invoice),
                                         self->action_cancellable,
                                         on_pdf_downloaded_cb,
                                         job);
}
