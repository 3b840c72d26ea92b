/* san-bank-account-dialog.c: add a bank account for Débito em Conta
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "san-bank-account-dialog.h"
#include "san-document.h"

struct _SanBankAccountDialog
{
  AdwWindow      parent_instance;

  GCancellable  *cancellable;
  SanClient     *client;
  SanContract   *contract;
  gboolean       busy;

  GtkWidget     *add_button;
  GtkWidget     *cancel_button;
  GtkWidget     *spinner;
  GtkWidget     *form_box;
  AdwComboRow   *bank_row;
  AdwEntryRow   *agency_row;
  AdwEntryRow   *account_row;
  AdwEntryRow   *holder_row;
  AdwEntryRow   *document_row;
  GtkWidget     *document_ok_image;
  GtkLabel      *bank_error_label;
  GtkLabel      *agency_error_label;
  GtkLabel      *account_error_label;
  GtkLabel      *holder_error_label;
  GtkLabel      *document_error_label;
  GtkLabel      *error_label;
};

enum {
  ACCOUNT_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SanBankAccountDialog, san_bank_account_dialog, ADW_TYPE_WINDOW)

/* The banks the server knows (the brief's list), most customers' first */
static const struct
{
  const char *code;
  const char *name;
} banks[] = {
  { "001", "Banco do Brasil" },
  { "341", "Itaú" },
  { "237", "Bradesco" },
  { "104", "Caixa" },
  { "033", "Santander" },
  { "260", "Nu Pagamentos" },
  { "077", "Inter" },
  { "756", "Sicoob" },
  { "748", "Sicredi" },
  { "336", "C6" },
};

typedef enum
{
  DOCUMENT_INCOMPLETE,
  DOCUMENT_VALID,
  DOCUMENT_INVALID,
} DocumentState;

/* What a half-typed CPF or CNPJ is: complete and valid, complete and wrong
 * (with @out_message), or not complete yet */
static DocumentState
document_state (const char  *text,
                const char **out_message)
{
  guint n = 0;
  gboolean letters = FALSE;

  *out_message = NULL;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        n++;
      else if (g_ascii_isalpha (*p))
        {
          n++;
          letters = TRUE;
        }
      else if (*p != '.' && *p != '-' && *p != '/' && *p != ' ')
        {
          *out_message = _("A CPF or CNPJ has only digits (and . - /).");
          return DOCUMENT_INVALID;
        }
    }

  if (n == 11 && !letters)
    {
      if (san_cpf_is_valid (text))
        return DOCUMENT_VALID;
      *out_message = _("This is not a valid CPF: check the digits. (A CNPJ has 14.)");
      return DOCUMENT_INVALID;
    }
  if (n == 14)
    {
      if (san_cnpj_is_valid (text))
        return DOCUMENT_VALID;
      *out_message = _("This is not a valid CNPJ: check the digits.");
      return DOCUMENT_INVALID;
    }
  if (n > 14)
    {
      *out_message = _("Too long: a CPF has 11 digits and a CNPJ 14 characters.");
      return DOCUMENT_INVALID;
    }
  return DOCUMENT_INCOMPLETE;
}

static char *
dup_trimmed (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
set_field_error (GtkWidget  *row,
                 GtkLabel   *label,
                 const char *message)
{
  gtk_label_set_label (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

static void
clear_errors (SanBankAccountDialog *self)
{
  set_field_error (GTK_WIDGET (self->bank_row), self->bank_error_label, NULL);
  set_field_error (GTK_WIDGET (self->agency_row), self->agency_error_label, NULL);
  set_field_error (GTK_WIDGET (self->account_row), self->account_error_label, NULL);
  set_field_error (GTK_WIDGET (self->holder_row), self->holder_error_label, NULL);
  set_field_error (GTK_WIDGET (self->document_row), self->document_error_label, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static gboolean
is_complete (SanBankAccountDialog *self)
{
  g_autofree char *agency = dup_trimmed (self->agency_row);
  g_autofree char *account = dup_trimmed (self->account_row);
  g_autofree char *holder = dup_trimmed (self->holder_row);
  const char *message;

  return adw_combo_row_get_selected (self->bank_row) < G_N_ELEMENTS (banks) &&
         agency[0] != '\0' && account[0] != '\0' && holder[0] != '\0' &&
         document_state (gtk_editable_get_text (GTK_EDITABLE (self->document_row)),
                         &message) == DOCUMENT_VALID;
}

static void
update_add_button (SanBankAccountDialog *self)
{
  gtk_widget_set_sensitive (self->add_button, !self->busy && is_complete (self));
}

static void
set_busy (SanBankAccountDialog *self,
          gboolean              busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (self->form_box, !busy);
  gtk_widget_set_visible (self->spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
  update_add_button (self);
}

static void
show_server_errors (SanBankAccountDialog *self,
                    const GError         *error)
{
  const struct
  {
    const char *field;
    GtkWidget  *row;
    GtkLabel   *label;
    const char *message;
  } fields[] = {
    { "bank_code", GTK_WIDGET (self->bank_row), self->bank_error_label,
      _("SAN cannot debit from this bank. Choose another one.") },
    { "agency", GTK_WIDGET (self->agency_row), self->agency_error_label,
      _("The agency is 4 digits, with its check digit after a dash if it has one (1234 or 1234-5).") },
    { "account", GTK_WIDGET (self->account_row), self->account_error_label,
      _("The account number or its check digit is not right for this bank. Check them on your card or statement.") },
    { "holder_document", GTK_WIDGET (self->document_row), self->document_error_label,
      _("This is not a valid CPF or CNPJ.") },
    { "holder", GTK_WIDGET (self->holder_row), self->holder_error_label,
      _("Enter the account holder’s name as the bank has it.") },
  };
  GtkWidget *first = NULL;

  if (g_error_matches (error, SAN_API_ERROR, SAN_API_ERROR_INVALID_INPUT))
    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      if (san_api_error_has_field (error, fields[i].field))
        {
          set_field_error (fields[i].row, fields[i].label, fields[i].message);
          if (first == NULL)
            first = fields[i].row;
        }

  if (first != NULL)
    {
      gtk_widget_grab_focus (first);
      return;
    }

  if (g_error_matches (error, SAN_API_ERROR, SAN_API_ERROR_FORBIDDEN))
    gtk_label_set_label (self->error_label,
                         _("You don’t have permission to manage the payment methods of this contract."));
  else
    gtk_label_set_label (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
on_account_added_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanBankAccount) account = NULL;
  SanBankAccountDialog *self;

  account = san_client_add_bank_account_finish (SAN_CLIENT (object), result, &error);
  if (account == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = SAN_BANK_ACCOUNT_DIALOG (user_data);
  set_busy (self, FALSE);
  if (account == NULL)
    {
      show_server_errors (self, error);
      return;
    }

  g_signal_emit (self, signals[ACCOUNT_ADDED], 0, account);
  /* Out of the entries first: a focused text going away with its window warns */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_window_close (GTK_WINDOW (self));
}

/* The formats the server checks, before asking it */
static gboolean
check_formats (SanBankAccountDialog *self,
               const char           *agency,
               const char           *account)
{
  gboolean ok = TRUE;

  if (!g_regex_match_simple ("^[0-9]{4}(-[0-9Xx])?$", agency, 0, 0))
    {
      set_field_error (GTK_WIDGET (self->agency_row), self->agency_error_label,
                       _("The agency is 4 digits, with its check digit after a dash if it has one (1234 or 1234-5)."));
      ok = FALSE;
    }
  if (!g_regex_match_simple ("^[0-9]{1,13}-[0-9XxPp]$", account, 0, 0))
    {
      set_field_error (GTK_WIDGET (self->account_row), self->account_error_label,
                       _("Write the account with its check digit after a dash, like 12345-6."));
      ok = FALSE;
    }
  return ok;
}

static void
on_add_button_clicked_cb (SanBankAccountDialog *self)
{
  g_autofree char *agency = dup_trimmed (self->agency_row);
  g_autofree char *account = dup_trimmed (self->account_row);
  g_autofree char *holder = dup_trimmed (self->holder_row);
  g_autofree char *document = NULL;
  g_autofree char *account_upper = NULL;
  guint bank = adw_combo_row_get_selected (self->bank_row);

  if (self->busy || !is_complete (self) || self->client == NULL || self->contract == NULL)
    return;

  clear_errors (self);
  if (!check_formats (self, agency, account))
    return;

  document = san_document_format (gtk_editable_get_text (GTK_EDITABLE (self->document_row)));
  account_upper = g_ascii_strup (account, -1);   /* a check digit X or P */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  san_client_add_bank_account_async (self->client,
                                     san_contract_get_id (self->contract),
                                     banks[bank].code,
                                     agency,
                                     account_upper,
                                     holder,
                                     document,
                                     self->cancellable,
                                     on_account_added_cb,
                                     self);
}

static void
field_changed (SanBankAccountDialog *self,
               GObject              *field)
{
  if (self->add_button == NULL)
    return;   /* disposing */

  /* Editing a field takes its complaint away */
  if (field == G_OBJECT (self->bank_row))
    set_field_error (GTK_WIDGET (self->bank_row), self->bank_error_label, NULL);
  else if (field == G_OBJECT (self->agency_row))
    set_field_error (GTK_WIDGET (self->agency_row), self->agency_error_label, NULL);
  else if (field == G_OBJECT (self->account_row))
    set_field_error (GTK_WIDGET (self->account_row), self->account_error_label, NULL);
  else if (field == G_OBJECT (self->holder_row))
    set_field_error (GTK_WIDGET (self->holder_row), self->holder_error_label, NULL);
  else if (field == G_OBJECT (self->document_row))
    {
      const char *message;
      DocumentState state = document_state (gtk_editable_get_text (GTK_EDITABLE (field)),
                                            &message);

      set_field_error (GTK_WIDGET (self->document_row), self->document_error_label, message);
      gtk_widget_set_visible (self->document_ok_image, state == DOCUMENT_VALID);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  update_add_button (self);
}

static void
on_bank_row_selected_cb (SanBankAccountDialog *self,
                         GParamSpec           *pspec,
                         AdwComboRow          *row)
{
  field_changed (self, G_OBJECT (row));
}

static void
on_entry_changed_cb (SanBankAccountDialog *self,
                     GtkEditable          *editable)
{
  field_changed (self, G_OBJECT (editable));
}

static void
san_bank_account_dialog_dispose (GObject *object)
{
  SanBankAccountDialog *self = SAN_BANK_ACCOUNT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAN_TYPE_BANK_ACCOUNT_DIALOG);
  g_clear_object (&self->client);
  g_clear_object (&self->contract);

  G_OBJECT_CLASS (san_bank_account_dialog_parent_class)->dispose (object);
}

static void
san_bank_account_dialog_class_init (SanBankAccountDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = san_bank_account_dialog_dispose;

  signals[ACCOUNT_ADDED] =
    g_signal_new ("account-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SAN_TYPE_BANK_ACCOUNT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/saninternet/ClientArea/ui/san-bank-account-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SanBankAccountDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, SanBankAccountDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SanBankAccountDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, SanBankAccountDialog, form_box);
  gtk_widget_class_bind_template_child (widget_class, SanBankAccountDialog, bank_row);
  gtk_widget_class_bind_template_child (widget_class, SanBankAccountDialog, agency_row);
  gtk_widget_class_bind_template_child (widget_class, SanBankAccountDialog, account_row);
  gtk_widget_class_bind_template_child (widget_class, SanBankAccountDialog, holder_row);
  gtk_widget_class_bind_template_child (widget_class, SanBankAccountDialog, document_row);
  gtk_widget_class_bind_template_child (widget_class, SanBankAccountDialog, document_ok_image);
  gtk_widget_class_bind_template_child (widget_class, SanBankAccountDialog, bank_error_label);
  gtk_widget_class_bind_template_child (widget_class, SanBankAccountDialog, agency_error_label);
  gtk_widget_class_bind_template_child (widget_class, SanBankAccountDialog, account_error_label);
  gtk_widget_class_bind_template_child (widget_class, SanBankAccountDialog, holder_error_label);
  gtk_widget_class_bind_template_child (widget_class, SanBankAccountDialog, document_error_label);
  gtk_widget_class_bind_template_child (widget_class, SanBankAccountDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_add_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_bank_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
san_bank_account_dialog_init (SanBankAccountDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (banks); i++)
    {
      /* Translators: a bank's name and its code, "Itaú (341)" */
      g_autofree char *label = g_strdup_printf (_("%s (%s)"), banks[i].name, banks[i].code);

      gtk_string_list_append (names, label);
    }
  adw_combo_row_set_model (self->bank_row, G_LIST_MODEL (names));
  /* Nothing chosen: a person picks their bank */
  adw_combo_row_set_selected (self->bank_row, GTK_INVALID_LIST_POSITION);
  update_add_button (self);
}

SanBankAccountDialog *
san_bank_account_dialog_new (GtkWindow   *parent,
                             SanClient   *client,
                             SanContract *contract)
{
  SanBankAccountDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SAN_IS_CLIENT (client), NULL);
  g_return_val_if_fail (SAN_IS_CONTRACT (contract), NULL);

  self = g_object_new (SAN_TYPE_BANK_ACCOUNT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->client = g_object_ref (client);
  self->contract = g_object_ref (contract);
  return self;
}

guint
san_bank_account_dialog_get_n_banks (void)
{
  return G_N_ELEMENTS (banks);
}

const char *
san_bank_account_dialog_get_bank_code (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (banks), NULL);

  return banks[index].code;
}

const char *
san_bank_account_dialog_get_bank_name (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (banks), NULL);

  return banks[index].name;
}
