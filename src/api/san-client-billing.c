/* san-client-billing.c: invoices, payments, payment methods and notas fiscais
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-api"

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "san-client-billing.h"

#include "san-bank-account-private.h"
#include "san-boleto-private.h"
#include "san-card-private.h"
#include "san-client-private.h"
#include "san-date.h"
#include "san-dda-private.h"
#include "san-debit-schedule-private.h"
#include "san-fiscal-note-private.h"
#include "san-invoice-private.h"
#include "san-json-private.h"
#include "san-page-private.h"
#include "san-pay-methods-private.h"
#include "san-payment-private.h"
#include "san-pix-charge-private.h"

#define PAGE_LIMIT 100
/* The Idempotency-Key the server takes: 1..255 printable ASCII */
#define MAX_IDEMPOTENCY_KEY 255

typedef struct _Request Request;

/* Checks that an answer is about what was asked; sets @error when not */
typedef gboolean (*CheckFunc) (gpointer   object,
                               Request   *request,
                               GError   **error);

/* A kind of list answer */
typedef struct
{
  GType           (*get_type)        (void);
  SanPageItemFunc   item_func;
  /* The contract an item belongs to, or NULL when items do not say */
  const char     *(*get_contract_id) (gpointer item);
  const char       *segment;   /* "invoices" */
  const char       *invalid;   /* N_("The server’s list of ... is not valid: ") */
  const char       *endless;   /* N_("The server’s list of ... does not end.") */
  gboolean          paged;     /* sends limit=PAGE_LIMIT when following pages */
  gboolean          totals;    /* has open_total_cents and overdue_total_cents */
} ListKind;

/* What one call asked for, to check the answer with */
struct _Request
{
  char             *contract_id;
  char             *id;             /* the invoice or note asked about */
  char             *other_id;       /* the bank account, service, card's last digits */
  GDate             date;
  int               value;          /* a SanPaymentMethod or a gboolean */

  SanPageItemFunc   parse;          /* builds the answer's model */
  CheckFunc         check;          /* NULL: any answer of the model */
  const char       *content_type;   /* downloads: the one expected */

  /* Lists */
  const ListKind   *kind;
  char             *list_path;      /* without the query */
  SanPageCollector *pages;          /* every page's items, for list_all */
  gint64            open_total_cents;
  gint64            overdue_total_cents;
};

static void
request_free (Request *request)
{
  g_free (request->contract_id);
  g_free (request->id);
  g_free (request->other_id);
  g_free (request->list_path);
  g_clear_pointer (&request->pages, san_page_collector_free);
  g_free (request);
}

/* A task for one call of the public API, with its Request */
static GTask *
request_task_new (SanClient           *self,
                  gpointer             source_tag,
                  const char          *contract_id,
                  const char          *id,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data,
                  Request            **out_request)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Request *request = g_new0 (Request, 1);

  g_task_set_source_tag (task, source_tag);
  request->contract_id = g_strdup (contract_id);
  request->id = g_strdup (id);
  g_date_clear (&request->date, 1);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);
  *out_request = request;
  return task;
}

static gboolean
request_check_result (SanClient    *self,
                      GAsyncResult *result,
                      gpointer      source_tag)
{
  g_return_val_if_fail (SAN_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);
  return TRUE;
}

/* "/api/v1/contracts/{cid}" and then each of the NULL-terminated segments,
 * all escaped */
static char *contract_path (const char *contract_id,
                            ...) G_GNUC_NULL_TERMINATED;

static char *
contract_path (const char *contract_id,
               ...)
{
  g_autofree char *escaped_id = san_client_escape (contract_id);
  GString *path = g_string_new ("/api/v1/contracts/");
  const char *segment;
  va_list args;

  g_string_append (path, escaped_id);
  va_start (args, contract_id);
  while ((segment = va_arg (args, const char *)) != NULL)
    {
      g_autofree char *escaped = san_client_escape (segment);

      g_string_append_c (path, '/');
      g_string_append (path, escaped);
    }
  va_end (args);
  return g_string_free (path, FALSE);
}

static void
add_param (GString    *path,
           const char *name,
           const char *value)
{
  g_autofree char *escaped = san_client_escape (value);

  g_string_append_printf (path, "%c%s=%s", strchr (path->str, '?') != NULL ? '&' : '?',
                          name, escaped);
}

static void
add_date_param (GString     *path,
                const char  *name,
                const GDate *date)
{
  g_autofree char *text = NULL;

  if (date == NULL)
    return;
  text = san_date_to_iso (date);
  add_param (path, name, text);
}

static void
add_page_params (GString    *path,
                 const char *cursor,
                 guint       limit)
{
  if (cursor != NULL && *cursor != '\0')
    add_param (path, "cursor", cursor);
  if (limit > 0)
    {
      g_autofree char *text = g_strdup_printf ("%u", limit);

      add_param (path, "limit", text);
    }
}

/* A small JSON body {"@member": "@value"} */
static GBytes *
string_body_new (const char *member,
                 const char *value)
{
  GString *body = g_string_new ("{");

  san_json_append_string (body, member);
  g_string_append_c (body, ':');
  san_json_append_string (body, value);
  g_string_append_c (body, '}');
  return g_string_free_to_bytes (body);
}

static GBytes *
empty_body_new (void)
{
  return g_bytes_new_static ("{}", 2);
}

static gboolean
set_other (GError     **error,
           const char  *message)
{
  g_set_error_literal (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED, message);
  return FALSE;
}

/* The last four digits of a card number as typed, or NULL */
static char *
card_last4 (const char *number)
{
  char digits[5] = { 0 };
  gsize n = 0;

  for (const char *p = number; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        continue;
      if (n == 4)
        memmove (digits, digits + 1, 3);
      digits[MIN (n, 3)] = *p;
      n = MIN (n + 1, 4);
    }
  if (n < 4)
    return NULL;
  return g_strdup (digits);
}

/* Answers with one object */

static void
on_object_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GObject) object = NULL;
  Request *request = g_task_get_task_data (task);

  root = san_client_call_finish (SAN_CLIENT (source), result, &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  object = request->parse (json_node_get_object (root), &error);
  if (object == NULL)
    {
      g_prefix_error (&error, _("The server’s answer is not valid: "));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (request->check != NULL && !request->check (object, request, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&object), g_object_unref);
}

static void
on_no_content_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;

  root = san_client_call_finish (SAN_CLIENT (source), result, &error);
  if (root == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static gpointer
finish_pointer (SanClient     *self,
                GAsyncResult  *result,
                gpointer       source_tag,
                GError       **error)
{
  if (!request_check_result (self, result, source_tag))
    return NULL;
  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
finish_boolean (SanClient     *self,
                GAsyncResult  *result,
                gpointer       source_tag,
                GError       **error)
{
  if (!request_check_result (self, result, source_tag))
    return FALSE;
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Downloads */

static gboolean
looks_like (GBytes     *bytes,
            const char *content_type)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  if (g_str_equal (content_type, "application/pdf"))
    return size >= 5 && memcmp (data, "%PDF-", 5) == 0;

  /* XML: text, starting with a tag (after a byte order mark) */
  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      size -= 3;
    }
  if (memchr (data, '\0', size) != NULL || !g_utf8_validate (data, (gssize) size, NULL))
    return FALSE;
  while (size > 0 && g_ascii_isspace (*data))
    {
      data++;
      size--;
    }
  return size > 0 && *data == '<';
}

static void
on_download_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *content_type = NULL;
  Request *request = g_task_get_task_data (task);

  bytes = san_client_call_finish_bytes (SAN_CLIENT (source), result, &content_type, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (content_type == NULL || g_ascii_strcasecmp (content_type, request->content_type) != 0 ||
      !looks_like (bytes, request->content_type))
    {
      /* Translators: %s is a file type, "application/pdf" */
      g_task_return_new_error (task, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                               _("The server sent a file that is not %s."),
                               request->content_type);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);
}

/* Takes @task and @path */
static void
download_start (SanClient  *self,
                GTask      *task,
                char       *path,
                const char *content_type)
{
  Request *request = g_task_get_task_data (task);
  g_autofree char *accept = g_strconcat (content_type, ", application/problem+json", NULL);
  const char * const headers[] = { "Accept", accept, NULL };

  request->content_type = content_type;
  san_client_call_async (self, "GET", path, NULL, SAN_CALL_AUTH | SAN_CALL_BINARY, headers,
                         g_task_get_cancellable (task), on_download_cb, task);
}

/* Lists */

static gpointer
invoice_from_json (JsonObject  *object,
                   GError     **error)
{
  return san_invoice_new_from_json (object, error);
}

static const char *
invoice_contract_id (gpointer item)
{
  return san_invoice_get_contract_id (item);
}

static gpointer
fiscal_note_from_json (JsonObject  *object,
                       GError     **error)
{
  return san_fiscal_note_new_from_json (object, error);
}

static gpointer
card_from_json (JsonObject  *object,
                GError     **error)
{
  return san_card_new_from_json (object, error);
}

static gpointer
bank_account_from_json (JsonObject  *object,
                        GError     **error)
{
  return san_bank_account_new_from_json (object, error);
}

static const ListKind invoices_kind = {
  san_invoice_get_type, invoice_from_json, invoice_contract_id, "invoices",
  N_("The server’s list of invoices is not valid: "),
  N_("The server’s list of invoices does not end."),
  TRUE, TRUE,
};

static const ListKind fiscal_notes_kind = {
  san_fiscal_note_get_type, fiscal_note_from_json, NULL, "fiscal-notes",
  N_("The server’s list of notas fiscais is not valid: "),
  N_("The server’s list of notas fiscais does not end."),
  TRUE, FALSE,
};

static const ListKind cards_kind = {
  san_card_get_type, card_from_json, NULL, "cards",
  N_("The server’s list of cards is not valid: "),
  N_("The server’s list of cards does not end."),
  FALSE, FALSE,
};

static const ListKind bank_accounts_kind = {
  san_bank_account_get_type, bank_account_from_json, NULL, "bank-accounts",
  N_("The server’s list of bank accounts is not valid: "),
  N_("The server’s list of bank accounts does not end."),
  FALSE, FALSE,
};

/* One page of @request's kind, checked; keeps the totals in @request */
static SanPage *
parse_page (Request   *request,
            JsonNode  *root,
            GError   **error)
{
  const ListKind *kind = request->kind;
  JsonObject *object = json_node_get_object (root);
  g_autoptr(SanPage) page = NULL;
  GListModel *items;
  guint n;

  page = san_page_new_from_json (object, kind->get_type (), kind->item_func, error);
  if (page == NULL)
    {
      g_prefix_error (error, "%s", _(kind->invalid));
      return NULL;
    }

  if (kind->totals)
    {
      gint64 open_total, overdue_total;

      if (!san_json_read_int (object, "open_total_cents", 0, G_MAXINT64, &open_total, error) ||
          !san_json_read_int (object, "overdue_total_cents", 0, open_total, &overdue_total, error))
        {
          g_prefix_error (error, "%s", _(kind->invalid));
          return NULL;
        }
      request->open_total_cents = open_total;
      request->overdue_total_cents = overdue_total;
    }

  items = san_page_get_items (page);
  n = g_list_model_get_n_items (items);
  for (guint i = 0; kind->get_contract_id != NULL && i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      if (g_strcmp0 (kind->get_contract_id (item), request->contract_id) != 0)
        {
          /* Translators: the first %s is "The server’s list of ... is not valid: " */
          g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                       _("%sitem %u is of another contract"), _(kind->invalid), i + 1);
          return NULL;
        }
    }

  return g_steal_pointer (&page);
}

static void
on_page_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  SanPage *page;

  root = san_client_call_finish (SAN_CLIENT (source), result, &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  page = parse_page (g_task_get_task_data (task), root, &error);
  if (page == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, page, g_object_unref);
}

static void list_all_fetch (GTask      *task,
                            const char *cursor);

static void
on_list_all_page_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(SanPage) page = NULL;
  Request *request = g_task_get_task_data (task);
  const char *cursor;

  root = san_client_call_finish (SAN_CLIENT (source), result, &error);
  if (root != NULL)
    page = parse_page (request, root, &error);
  if (page == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!san_page_collector_add (request->pages, page, _(request->kind->endless), &cursor, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (cursor == NULL)
    {
      g_task_return_pointer (task, san_page_collector_dup_items (request->pages), g_object_unref);
      return;
    }

  list_all_fetch (g_steal_pointer (&task), cursor);
}

/* Takes @task */
static void
list_all_fetch (GTask      *task,
                const char *cursor)
{
  Request *request = g_task_get_task_data (task);
  GString *path = g_string_new (request->list_path);

  add_page_params (path, cursor, request->kind->paged ? PAGE_LIMIT : 0);
  san_client_call_async (g_task_get_source_object (task), "GET", g_string_free (path, FALSE),
                         NULL, SAN_CALL_AUTH, NULL, g_task_get_cancellable (task),
                         on_list_all_page_cb, task);
}

static void
list_all_start (SanClient           *self,
                gpointer             source_tag,
                const ListKind      *kind,
                const char          *contract_id,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  Request *request;
  GTask *task;

  task = request_task_new (self, source_tag, contract_id, NULL, cancellable, callback, user_data,
                           &request);
  request->kind = kind;
  request->list_path = contract_path (contract_id, kind->segment, NULL);
  request->pages = san_page_collector_new (kind->get_type ());
  list_all_fetch (task, NULL);
}

static void
get_totals (GAsyncResult *result,
            gint64       *out_open_total_cents,
            gint64       *out_overdue_total_cents)
{
  Request *request = g_task_get_task_data (G_TASK (result));

  if (out_open_total_cents != NULL)
    *out_open_total_cents = request->open_total_cents;
  if (out_overdue_total_cents != NULL)
    *out_overdue_total_cents = request->overdue_total_cents;
}

/* Checks of the answers */

static gboolean
check_invoice (gpointer   object,
               Request   *request,
               GError   **error)
{
  if (g_strcmp0 (san_invoice_get_id (object), request->id) != 0 ||
      g_strcmp0 (san_invoice_get_contract_id (object), request->contract_id) != 0)
    return set_other (error, _("The server answered with another invoice."));
  return TRUE;
}

static gboolean
check_boleto (gpointer   object,
              Request   *request,
              GError   **error)
{
  if (g_strcmp0 (san_boleto_get_invoice_id (object), request->id) != 0)
    return set_other (error, _("The server answered with another invoice’s boleto."));
  return TRUE;
}

static gboolean
check_second_copy (gpointer   object,
                   Request   *request,
                   GError   **error)
{
  if (!check_boleto (object, request, error))
    return FALSE;
  if (!san_boleto_get_is_second_copy (object))
    return set_other (error, _("The server answered with a boleto that is not a 2ª via."));
  return TRUE;
}

static gboolean
check_pix (gpointer   object,
           Request   *request,
           GError   **error)
{
  if (g_strcmp0 (san_pix_charge_get_invoice_id (object), request->id) != 0)
    return set_other (error, _("The server answered with another invoice’s PIX charge."));
  return TRUE;
}

static gboolean
check_payment (gpointer   object,
               Request   *request,
               GError   **error)
{
  if (g_strcmp0 (san_payment_get_invoice_id (object), request->id) != 0 ||
      san_payment_get_method (object) != SAN_PAYMENT_METHOD_CARD)
    return set_other (error, _("The server answered with another payment."));
  return TRUE;
}

static gboolean
check_card (gpointer   object,
            Request   *request,
            GError   **error)
{
  if (request->other_id != NULL &&
      g_strcmp0 (san_card_get_last4 (object), request->other_id) != 0)
    return set_other (error, _("The server answered with another card."));
  return TRUE;
}

static gboolean
check_bank_account (gpointer   object,
                    Request   *request,
                    GError   **error)
{
  if (g_strcmp0 (san_bank_account_get_bank_code (object), request->other_id) != 0)
    return set_other (error, _("The server answered with another bank account."));
  return TRUE;
}

static gboolean
check_debit_schedule (gpointer   object,
                      Request   *request,
                      GError   **error)
{
  const GDate *date = san_debit_schedule_get_date (object);

  if (g_strcmp0 (san_debit_schedule_get_invoice_id (object), request->id) != 0 ||
      (request->other_id != NULL &&
       g_strcmp0 (san_debit_schedule_get_bank_account_id (object), request->other_id) != 0) ||
      (g_date_valid (&request->date) && g_date_compare (date, &request->date) != 0))
    return set_other (error, _("The server answered with another debit schedule."));
  return TRUE;
}

static gboolean
check_dda (gpointer   object,
           Request   *request,
           GError   **error)
{
  if (!san_dda_get_enabled (object) != !request->value)
    return set_other (error, _("The server did not change DDA."));
  return TRUE;
}

static gboolean
check_default_pay_method (gpointer   object,
                          Request   *request,
                          GError   **error)
{
  if ((int) san_pay_methods_get_default_method (object) != request->value)
    return set_other (error, _("The server did not change the payment method."));
  return TRUE;
}

static gboolean
check_service_pay_method (gpointer   object,
                          Request   *request,
                          GError   **error)
{
  GListModel *services = san_pay_methods_get_services (object);
  guint n = g_list_model_get_n_items (services);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SanServicePayMethod) service = g_list_model_get_item (services, i);

      if (g_strcmp0 (san_service_pay_method_get_service_id (service), request->other_id) == 0)
        {
          if ((int) san_service_pay_method_get_method (service) == request->value)
            return TRUE;
          break;
        }
    }
  return set_other (error, _("The server did not change the payment method."));
}

static gboolean
check_fiscal_note (gpointer   object,
                   Request   *request,
                   GError   **error)
{
  if (g_strcmp0 (san_fiscal_note_get_id (object), request->id) != 0)
    return set_other (error, _("The server answered with another nota fiscal."));
  return TRUE;
}

static gboolean
check_issued_fiscal_note (gpointer   object,
                          Request   *request,
                          GError   **error)
{
  if (!check_fiscal_note (object, request, error))
    return FALSE;
  if (san_fiscal_note_get_status (object) != SAN_FISCAL_NOTE_STATUS_ISSUED)
    return set_other (error, _("The server did not issue the nota fiscal."));
  return TRUE;
}

/* Starts @method @path answered by one object of @parse, checked by @check.
 * Takes @task, @path and @body. */
static void
object_call (SanClient          *self,
             GTask              *task,
             const char         *method,
             char               *path,
             GBytes             *body,
             const char * const *headers,
             SanPageItemFunc     parse,
             CheckFunc           check)
{
  Request *request = g_task_get_task_data (task);

  request->parse = parse;
  request->check = check;
  san_client_call_async (self, method, path, body, SAN_CALL_AUTH, headers,
                         g_task_get_cancellable (task), on_object_cb, task);
}

static gboolean
is_valid_idempotency_key (const char *key)
{
  gsize len;

  if (key == NULL)
    return FALSE;
  len = strlen (key);
  if (len == 0 || len > MAX_IDEMPOTENCY_KEY)
    return FALSE;
  for (const char *p = key; *p != '\0'; p++)
    if (*p < 0x20 || *p > 0x7e)
      return FALSE;
  return TRUE;
}

/* Invoices */

void
san_client_list_invoices_async (SanClient           *self,
                                const char          *contract_id,
                                const char          *status,
                                const GDate         *from,
                                const GDate         *to,
                                const char          *search,
                                const char          *cursor,
                                guint                limit,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autofree char *base = NULL;
  Request *request;
  GString *path;
  GTask *task;

  g_return_if_fail (SAN_IS_CLIENT (self));
  g_return_if_fail (contract_id != NULL && *contract_id != '\0');
  g_return_if_fail (status == NULL || g_str_equal (status, "overdue") ||
                    san_invoice_status_from_wire (status, NULL));
  g_return_if_fail (from == NULL || g_date_valid (from));
  g_return_if_fail (to == NULL || g_date_valid (to));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = request_task_new (self, san_client_list_invoices_async, contract_id, NULL,
                           cancellable, callback, user_data, &request);
  request->kind = &invoices_kind;

  base = contract_path (contract_id, "invoices", NULL);
  path = g_string_new (base);
  if (status != NULL)
    add_param (path, "status", status);
  add_date_param (path, "from", from);
  add_date_param (path, "to", to);
  if (search != NULL && *search != '\0')
    add_param (path, "q", search);
  add_page_params (path, cursor, limit);

  san_client_call_async (self, "GET", g_string_free (path, FALSE), NULL, SAN_CALL_AUTH, NULL,
                         cancellable, on_page_cb, task);
}

SanPage *
san_client_list_invoices_finish (SanClient     *self,
                                 GAsyncResult  *result,
                                 gint64        *out_open_total_cents,
                                 gint64        *out_overdue_total_cents,
                                 GError       **error)
{
  SanPage *page = finish_pointer (self, result, san_client_list_invoices_async, error);

  if (page != NULL)
    get_totals (result, out_open_total_cents, out_overdue_total_cents);
  return page;
}

void
san_client_list_all_invoices_async (SanClient           *self,
                                    const char          *contract_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (SAN_IS_CLIENT (self));
  g_return_if_fail (contract_id != NULL && *contract_id != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  list_all_start (self, san_client_list_all_invoices_async, &invoices_kind, contract_id,
                  cancellable, callback, user_data);
}

GListModel *
san_client_list_all_invoices_finish (SanClient     *self,
                                     GAsyncResult  *result,
                                     gint64        *out_open_total_cents,
                                     gint64        *out_overdue_total_cents,
                                     GError       **error)
{
  GListModel *items = finish_pointer (self, result, san_client_list_all_invoices_async, error);

  if (items != NULL)
    get_totals (result, out_open_total_cents, out_overdue_total_cents);
  return items;
}

/* The calls below differ only in path, body and check */
#define CHECK_COMMON(contract_id)                                   \
  g_return_if_fail (SAN_IS_CLIENT (self));                          \
  g_return_if_fail ((contract_id) != NULL && *(contract_id) != '\0'); \
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable))

#define CHECK_ID(id) \
  g_return_if_fail ((id) != NULL && *(id) != '\0')

void
san_client_get_invoice_async (SanClient           *self,
                              const char          *contract_id,
                              const char          *invoice_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  Request *request;
  GTask *task;

  CHECK_COMMON (contract_id);
  CHECK_ID (invoice_id);

  task = request_task_new (self, san_client_get_invoice_async, contract_id, invoice_id,
                           cancellable, callback, user_data, &request);
  object_call (self, task, "GET", contract_path (contract_id, "invoices", invoice_id, NULL),
               NULL, NULL, invoice_from_json, check_invoice);
}

SanInvoice *
san_client_get_invoice_finish (SanClient     *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return finish_pointer (self, result, san_client_get_invoice_async, error);
}

void
san_client_download_invoice_pdf_async (SanClient           *self,
                                       const char          *contract_id,
                                       const char          *invoice_id,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  Request *request;
  GTask *task;

  CHECK_COMMON (contract_id);
  CHECK_ID (invoice_id);

  task = request_task_new (self, san_client_download_invoice_pdf_async, contract_id, invoice_id,
                           cancellable, callback, user_data, &request);
  download_start (self, task, contract_path (contract_id, "invoices", invoice_id, "pdf", NULL),
                  "application/pdf");
}

GBytes *
san_client_download_invoice_pdf_finish (SanClient     *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return finish_pointer (self, result, san_client_download_invoice_pdf_async, error);
}

/* Boleto */

static gpointer
boleto_from_json (JsonObject  *object,
                  GError     **error)
{
  return san_boleto_new_from_json (object, error);
}

void
san_client_get_boleto_async (SanClient           *self,
                             const char          *contract_id,
                             const char          *invoice_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  Request *request;
  GTask *task;

  CHECK_COMMON (contract_id);
  CHECK_ID (invoice_id);

  task = request_task_new (self, san_client_get_boleto_async, contract_id, invoice_id,
                           cancellable, callback, user_data, &request);
  object_call (self, task, "GET", contract_path (contract_id, "invoices", invoice_id, "boleto", NULL),
               NULL, NULL, boleto_from_json, check_boleto);
}

SanBoleto *
san_client_get_boleto_finish (SanClient     *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return finish_pointer (self, result, san_client_get_boleto_async, error);
}

void
san_client_request_second_copy_async (SanClient           *self,
                                      const char          *contract_id,
                                      const char          *invoice_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  Request *request;
  GTask *task;

  CHECK_COMMON (contract_id);
  CHECK_ID (invoice_id);

  task = request_task_new (self, san_client_request_second_copy_async, contract_id, invoice_id,
                           cancellable, callback, user_data, &request);
  object_call (self, task, "POST", contract_path (contract_id, "invoices", invoice_id, "boleto", NULL),
               empty_body_new (), NULL, boleto_from_json, check_second_copy);
}

SanBoleto *
san_client_request_second_copy_finish (SanClient     *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return finish_pointer (self, result, san_client_request_second_copy_async, error);
}

/* PIX */

static gpointer
pix_charge_from_json (JsonObject  *object,
                      GError     **error)
{
  return san_pix_charge_new_from_json (object, error);
}

void
san_client_create_pix_async (SanClient           *self,
                             const char          *contract_id,
                             const char          *invoice_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  Request *request;
  GTask *task;

  CHECK_COMMON (contract_id);
  CHECK_ID (invoice_id);

  task = request_task_new (self, san_client_create_pix_async, contract_id, invoice_id,
                           cancellable, callback, user_data, &request);
  object_call (self, task, "POST", contract_path (contract_id, "invoices", invoice_id, "pix", NULL),
               empty_body_new (), NULL, pix_charge_from_json, check_pix);
}

SanPixCharge *
san_client_create_pix_finish (SanClient     *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return finish_pointer (self, result, san_client_create_pix_async, error);
}

void
san_client_get_pix_async (SanClient           *self,
                          const char          *contract_id,
                          const char          *invoice_id,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  Request *request;
  GTask *task;

  CHECK_COMMON (contract_id);
  CHECK_ID (invoice_id);

  task = request_task_new (self, san_client_get_pix_async, contract_id, invoice_id,
                           cancellable, callback, user_data, &request);
  object_call (self, task, "GET", contract_path (contract_id, "invoices", invoice_id, "pix", NULL),
               NULL, NULL, pix_charge_from_json, check_pix);
}

SanPixCharge *
san_client_get_pix_finish (SanClient     *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  return finish_pointer (self, result, san_client_get_pix_async, error);
}

/* Cards and payments */

/* The card's JSON, wiped when freed; NULL when the text is not UTF-8 */
static GBytes *
card_body_new (const char *number,
               const char *holder,
               guint       exp_month,
               guint       exp_year,
               const char *cvv)
{
  GString *body;

  if (!g_utf8_validate (number, -1, NULL) || !g_utf8_validate (holder, -1, NULL) ||
      !g_utf8_validate (cvv, -1, NULL))
    return NULL;

  /* Room for the members' names and numbers too: never reallocated */
  body = san_client_secret_string_new (strlen (number) + strlen (holder) + strlen (cvv) + 32);
  g_string_append (body, "{\"number\":");
  san_json_append_string (body, number);
  g_string_append (body, ",\"holder\":");
  san_json_append_string (body, holder);
  g_string_append_printf (body, ",\"exp_month\":%u,\"exp_year\":%u,\"cvv\":", exp_month, exp_year);
  san_json_append_string (body, cvv);
  g_string_append_c (body, '}');
  return san_client_secret_bytes_new_take (body);
}

static void
on_tokenize_card_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) expires_at = NULL;
  Request *request = g_task_get_task_data (task);
  const char *token, *brand, *last4, *holder;
  gint64 exp_month, exp_year;
  JsonObject *object;

  root = san_client_call_finish (SAN_CLIENT (source), result, &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  object = json_node_get_object (root);
  if (!san_json_read_string (object, "token", FALSE, &token, &error) ||
      !san_json_read_string (object, "brand", FALSE, &brand, &error) ||
      !san_json_read_digits (object, "last4", 4, &last4, &error) ||
      !san_json_read_int (object, "exp_month", 1, 12, &exp_month, &error) ||
      !san_json_read_int (object, "exp_year", 2000, 9999, &exp_year, &error) ||
      !san_json_read_string (object, "holder", FALSE, &holder, &error) ||
      !san_json_read_datetime (object, "expires_at", &expires_at, &error))
    {
      g_prefix_error (&error, _("The server’s answer is not valid: "));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (request->other_id != NULL && !g_str_equal (last4, request->other_id))
    {
      g_task_return_new_error (task, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                               _("The server answered with another card."));
      return;
    }

  g_task_return_pointer (task, g_strdup (token), g_free);
}

void
san_client_tokenize_card_async (SanClient           *self,
                                const char          *contract_id,
                                const char          *number,
                                const char          *holder,
                                guint                exp_month,
                                guint                exp_year,
                                const char          *cvv,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  Request *request;
  GBytes *body;
  GTask *task;

  CHECK_COMMON (contract_id);
  g_return_if_fail (number != NULL);
  g_return_if_fail (holder != NULL);
  g_return_if_fail (cvv != NULL);

  task = request_task_new (self, san_client_tokenize_card_async, contract_id, NULL,
                           cancellable, callback, user_data, &request);
  body = card_body_new (number, holder, exp_month, exp_year, cvv);
  if (body == NULL)
    {
      g_task_return_new_error (task, SAN_API_ERROR, SAN_API_ERROR_INVALID_INPUT,
                               _("The card’s details are not valid text."));
      g_object_unref (task);
      return;
    }
  request->other_id = card_last4 (number);

  san_client_call_async (self, "POST", contract_path (contract_id, "card-tokens", NULL), body,
                         SAN_CALL_AUTH, NULL, cancellable, on_tokenize_card_cb, task);
}

char *
san_client_tokenize_card_finish (SanClient     *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return finish_pointer (self, result, san_client_tokenize_card_async, error);
}

void
san_client_list_cards_async (SanClient           *self,
                             const char          *contract_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  CHECK_COMMON (contract_id);

  list_all_start (self, san_client_list_cards_async, &cards_kind, contract_id,
                  cancellable, callback, user_data);
}

GListModel *
san_client_list_cards_finish (SanClient     *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return finish_pointer (self, result, san_client_list_cards_async, error);
}

void
san_client_add_card_async (SanClient           *self,
                           const char          *contract_id,
                           const char          *number,
                           const char          *holder,
                           guint                exp_month,
                           guint                exp_year,
                           const char          *cvv,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  Request *request;
  GBytes *body;
  GTask *task;

  CHECK_COMMON (contract_id);
  g_return_if_fail (number != NULL);
  g_return_if_fail (holder != NULL);
  g_return_if_fail (cvv != NULL);

  task = request_task_new (self, san_client_add_card_async, contract_id, NULL,
                           cancellable, callback, user_data, &request);
  body = card_body_new (number, holder, exp_month, exp_year, cvv);
  if (body == NULL)
    {
      g_task_return_new_error (task, SAN_API_ERROR, SAN_API_ERROR_INVALID_INPUT,
                               _("The card’s details are not valid text."));
      g_object_unref (task);
      return;
    }
  request->other_id = card_last4 (number);

  object_call (self, task, "POST", contract_path (contract_id, "cards", NULL), body, NULL,
               card_from_json, check_card);
}

SanCard *
san_client_add_card_finish (SanClient     *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return finish_pointer (self, result, san_client_add_card_async, error);
}

void
san_client_delete_card_async (SanClient           *self,
                              const char          *contract_id,
                              const char          *card_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  Request *request;
  GTask *task;

  CHECK_COMMON (contract_id);
  CHECK_ID (card_id);

  task = request_task_new (self, san_client_delete_card_async, contract_id, card_id,
                           cancellable, callback, user_data, &request);
  san_client_call_async (self, "DELETE", contract_path (contract_id, "cards", card_id, NULL), NULL,
                         SAN_CALL_AUTH | SAN_CALL_NO_CONTENT, NULL, cancellable,
                         on_no_content_cb, task);
}

gboolean
san_client_delete_card_finish (SanClient     *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return finish_boolean (self, result, san_client_delete_card_async, error);
}

char *
san_client_new_idempotency_key (void)
{
  return g_uuid_string_random ();
}

static gpointer
payment_from_json (JsonObject  *object,
                   GError     **error)
{
  return san_payment_new_from_json (object, error);
}

void
san_client_pay_with_card_async (SanClient           *self,
                                const char          *contract_id,
                                const char          *invoice_id,
                                const char          *card_id,
                                const char          *card_token,
                                const char          *idempotency_key,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  const char *headers[] = { "Idempotency-Key", idempotency_key, NULL };
  Request *request;
  GString *body;
  GTask *task;

  CHECK_COMMON (contract_id);
  CHECK_ID (invoice_id);
  g_return_if_fail ((card_id != NULL && *card_id != '\0') != (card_token != NULL && *card_token != '\0'));
  g_return_if_fail (is_valid_idempotency_key (idempotency_key));

  task = request_task_new (self, san_client_pay_with_card_async, contract_id, invoice_id,
                           cancellable, callback, user_data, &request);

  /* A card token pays once: kept out of memory like the card */
  body = san_client_secret_string_new (strlen (card_id != NULL ? card_id : card_token) + 32);
  g_string_append (body, "{\"method\":\"card\",");
  if (card_id != NULL)
    {
      g_string_append (body, "\"card_id\":");
      san_json_append_string (body, card_id);
    }
  else
    {
      g_string_append (body, "\"card_token\":");
      san_json_append_string (body, card_token);
    }
  g_string_append_c (body, '}');

  object_call (self, task, "POST", contract_path (contract_id, "invoices", invoice_id, "payments", NULL),
               san_client_secret_bytes_new_take (body), headers, payment_from_json, check_payment);
}

SanPayment *
san_client_pay_with_card_finish (SanClient     *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return finish_pointer (self, result, san_client_pay_with_card_async, error);
}

/* Bank accounts and Débito em Conta */

void
san_client_list_bank_accounts_async (SanClient           *self,
                                     const char          *contract_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  CHECK_COMMON (contract_id);

  list_all_start (self, san_client_list_bank_accounts_async, &bank_accounts_kind, contract_id,
                  cancellable, callback, user_data);
}

GListModel *
san_client_list_bank_accounts_finish (SanClient     *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return finish_pointer (self, result, san_client_list_bank_accounts_async, error);
}

void
san_client_add_bank_account_async (SanClient           *self,
                                   const char          *contract_id,
                                   const char          *bank_code,
                                   const char          *agency,
                                   const char          *account,
                                   const char          *holder,
                                   const char          *holder_document,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  Request *request;
  GString *body;
  GTask *task;

  CHECK_COMMON (contract_id);
  g_return_if_fail (bank_code != NULL);
  g_return_if_fail (agency != NULL);
  g_return_if_fail (account != NULL);
  g_return_if_fail (holder != NULL);
  g_return_if_fail (holder_document != NULL);

  task = request_task_new (self, san_client_add_bank_account_async, contract_id, NULL,
                           cancellable, callback, user_data, &request);
  if (!g_utf8_validate (bank_code, -1, NULL) || !g_utf8_validate (agency, -1, NULL) ||
      !g_utf8_validate (account, -1, NULL) || !g_utf8_validate (holder, -1, NULL) ||
      !g_utf8_validate (holder_document, -1, NULL))
    {
      g_task_return_new_error (task, SAN_API_ERROR, SAN_API_ERROR_INVALID_INPUT,
                               _("The bank account’s details are not valid text."));
      g_object_unref (task);
      return;
    }
  request->other_id = g_strdup (bank_code);

  body = g_string_new ("{\"bank_code\":");
  san_json_append_string (body, bank_code);
  g_string_append (body, ",\"agency\":");
  san_json_append_string (body, agency);
  g_string_append (body, ",\"account\":");
  san_json_append_string (body, account);
  g_string_append (body, ",\"holder\":");
  san_json_append_string (body, holder);
  g_string_append (body, ",\"holder_document\":");
  san_json_append_string (body, holder_document);
  g_string_append_c (body, '}');

  object_call (self, task, "POST", contract_path (contract_id, "bank-accounts", NULL),
               g_string_free_to_bytes (body), NULL, bank_account_from_json, check_bank_account);
}

SanBankAccount *
san_client_add_bank_account_finish (SanClient     *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return finish_pointer (self, result, san_client_add_bank_account_async, error);
}

void
san_client_delete_bank_account_async (SanClient           *self,
                                      const char          *contract_id,
                                      const char          *account_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  Request *request;
  GTask *task;

  CHECK_COMMON (contract_id);
  CHECK_ID (account_id);

  task = request_task_new (self, san_client_delete_bank_account_async, contract_id, account_id,
                           cancellable, callback, user_data, &request);
  san_client_call_async (self, "DELETE", contract_path (contract_id, "bank-accounts", account_id, NULL),
                         NULL, SAN_CALL_AUTH | SAN_CALL_NO_CONTENT, NULL, cancellable,
                         on_no_content_cb, task);
}

gboolean
san_client_delete_bank_account_finish (SanClient     *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return finish_boolean (self, result, san_client_delete_bank_account_async, error);
}

static gpointer
debit_schedule_from_json (JsonObject  *object,
                          GError     **error)
{
  return san_debit_schedule_new_from_json (object, error);
}

void
san_client_get_debit_schedule_async (SanClient           *self,
                                     const char          *contract_id,
                                     const char          *invoice_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  Request *request;
  GTask *task;

  CHECK_COMMON (contract_id);
  CHECK_ID (invoice_id);

  task = request_task_new (self, san_client_get_debit_schedule_async, contract_id, invoice_id,
                           cancellable, callback, user_data, &request);
  object_call (self, task, "GET",
               contract_path (contract_id, "invoices", invoice_id, "debit-schedule", NULL),
               NULL, NULL, debit_schedule_from_json, check_debit_schedule);
}

SanDebitSchedule *
san_client_get_debit_schedule_finish (SanClient     *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return finish_pointer (self, result, san_client_get_debit_schedule_async, error);
}

void
san_client_set_debit_schedule_async (SanClient           *self,
                                     const char          *contract_id,
                                     const char          *invoice_id,
                                     const char          *bank_account_id,
                                     const GDate         *date,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autofree char *date_text = NULL;
  Request *request;
  GString *body;
  GTask *task;

  CHECK_COMMON (contract_id);
  CHECK_ID (invoice_id);
  CHECK_ID (bank_account_id);
  g_return_if_fail (date != NULL && g_date_valid (date));

  task = request_task_new (self, san_client_set_debit_schedule_async, contract_id, invoice_id,
                           cancellable, callback, user_data, &request);
  request->other_id = g_strdup (bank_account_id);
  request->date = *date;

  date_text = san_date_to_iso (date);
  body = g_string_new ("{\"bank_account_id\":");
  san_json_append_string (body, bank_account_id);
  g_string_append (body, ",\"date\":");
  san_json_append_string (body, date_text);
  g_string_append_c (body, '}');

  object_call (self, task, "PUT",
               contract_path (contract_id, "invoices", invoice_id, "debit-schedule", NULL),
               g_string_free_to_bytes (body), NULL, debit_schedule_from_json, check_debit_schedule);
}

SanDebitSchedule *
san_client_set_debit_schedule_finish (SanClient     *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return finish_pointer (self, result, san_client_set_debit_schedule_async, error);
}

void
san_client_cancel_debit_schedule_async (SanClient           *self,
                                        const char          *contract_id,
                                        const char          *invoice_id,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  Request *request;
  GTask *task;

  CHECK_COMMON (contract_id);
  CHECK_ID (invoice_id);

  task = request_task_new (self, san_client_cancel_debit_schedule_async, contract_id, invoice_id,
                           cancellable, callback, user_data, &request);
  san_client_call_async (self, "DELETE",
                         contract_path (contract_id, "invoices", invoice_id, "debit-schedule", NULL),
                         NULL, SAN_CALL_AUTH | SAN_CALL_NO_CONTENT, NULL, cancellable,
                         on_no_content_cb, task);
}

gboolean
san_client_cancel_debit_schedule_finish (SanClient     *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return finish_boolean (self, result, san_client_cancel_debit_schedule_async, error);
}

/* DDA */

static gpointer
dda_from_json (JsonObject  *object,
               GError     **error)
{
  return san_dda_new_from_json (object, error);
}

void
san_client_get_dda_async (SanClient           *self,
                          const char          *contract_id,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  Request *request;
  GTask *task;

  CHECK_COMMON (contract_id);

  task = request_task_new (self, san_client_get_dda_async, contract_id, NULL,
                           cancellable, callback, user_data, &request);
  object_call (self, task, "GET", contract_path (contract_id, "dda", NULL), NULL, NULL,
               dda_from_json, NULL);
}

SanDda *
san_client_get_dda_finish (SanClient     *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  return finish_pointer (self, result, san_client_get_dda_async, error);
}

void
san_client_set_dda_async (SanClient           *self,
                          const char          *contract_id,
                          gboolean             enabled,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  Request *request;
  const char *body;
  GTask *task;

  CHECK_COMMON (contract_id);

  task = request_task_new (self, san_client_set_dda_async, contract_id, NULL,
                           cancellable, callback, user_data, &request);
  request->value = !!enabled;
  body = enabled ? "{\"enabled\":true}" : "{\"enabled\":false}";
  object_call (self, task, "PUT", contract_path (contract_id, "dda", NULL),
               g_bytes_new_static (body, strlen (body)), NULL, dda_from_json, check_dda);
}

SanDda *
san_client_set_dda_finish (SanClient     *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  return finish_pointer (self, result, san_client_set_dda_async, error);
}

/* Payment methods */

static gpointer
pay_methods_from_json (JsonObject  *object,
                       GError     **error)
{
  return san_pay_methods_new_from_json (object, error);
}

void
san_client_get_pay_methods_async (SanClient           *self,
                                  const char          *contract_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  Request *request;
  GTask *task;

  CHECK_COMMON (contract_id);

  task = request_task_new (self, san_client_get_pay_methods_async, contract_id, NULL,
                           cancellable, callback, user_data, &request);
  object_call (self, task, "GET", contract_path (contract_id, "pay-methods", NULL), NULL, NULL,
               pay_methods_from_json, NULL);
}

SanPayMethods *
san_client_get_pay_methods_finish (SanClient     *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return finish_pointer (self, result, san_client_get_pay_methods_async, error);
}

void
san_client_set_default_pay_method_async (SanClient           *self,
                                         const char          *contract_id,
                                         SanPaymentMethod     method,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  Request *request;
  GTask *task;

  CHECK_COMMON (contract_id);
  g_return_if_fail (san_payment_method_to_wire (method) != NULL);

  task = request_task_new (self, san_client_set_default_pay_method_async, contract_id, NULL,
                           cancellable, callback, user_data, &request);
  request->value = method;
  object_call (self, task, "PUT", contract_path (contract_id, "pay-methods", "default", NULL),
               string_body_new ("method", san_payment_method_to_wire (method)), NULL,
               pay_methods_from_json, check_default_pay_method);
}

SanPayMethods *
san_client_set_default_pay_method_finish (SanClient     *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  return finish_pointer (self, result, san_client_set_default_pay_method_async, error);
}

void
san_client_set_service_pay_method_async (SanClient           *self,
                                         const char          *contract_id,
                                         const char          *service_id,
                                         SanPaymentMethod     method,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  Request *request;
  GTask *task;

  CHECK_COMMON (contract_id);
  CHECK_ID (service_id);
  g_return_if_fail (san_payment_method_to_wire (method) != NULL);

  task = request_task_new (self, san_client_set_service_pay_method_async, contract_id, NULL,
                           cancellable, callback, user_data, &request);
  request->other_id = g_strdup (service_id);
  request->value = method;
  object_call (self, task, "PUT",
               contract_path (contract_id, "pay-methods", "services", service_id, NULL),
               string_body_new ("method", san_payment_method_to_wire (method)), NULL,
               pay_methods_from_json, check_service_pay_method);
}

SanPayMethods *
san_client_set_service_pay_method_finish (SanClient     *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  return finish_pointer (self, result, san_client_set_service_pay_method_async, error);
}

/* Notas fiscais */

void
san_client_list_fiscal_notes_async (SanClient                 *self,
                                    const char                *contract_id,
                                    const SanFiscalNoteStatus *status,
                                    const GDate               *from,
                                    const GDate               *to,
                                    const char                *cursor,
                                    guint                      limit,
                                    GCancellable              *cancellable,
                                    GAsyncReadyCallback        callback,
                                    gpointer                   user_data)
{
  g_autofree char *base = NULL;
  Request *request;
  GString *path;
  GTask *task;

  CHECK_COMMON (contract_id);
  g_return_if_fail (status == NULL || san_fiscal_note_status_to_wire (*status) != NULL);
  g_return_if_fail (from == NULL || g_date_valid (from));
  g_return_if_fail (to == NULL || g_date_valid (to));

  task = request_task_new (self, san_client_list_fiscal_notes_async, contract_id, NULL,
                           cancellable, callback, user_data, &request);
  request->kind = &fiscal_notes_kind;

  base = contract_path (contract_id, "fiscal-notes", NULL);
  path = g_string_new (base);
  if (status != NULL)
    add_param (path, "status", san_fiscal_note_status_to_wire (*status));
  add_date_param (path, "from", from);
  add_date_param (path, "to", to);
  add_page_params (path, cursor, limit);

  san_client_call_async (self, "GET", g_string_free (path, FALSE), NULL, SAN_CALL_AUTH, NULL,
                         cancellable, on_page_cb, task);
}

SanPage *
san_client_list_fiscal_notes_finish (SanClient     *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return finish_pointer (self, result, san_client_list_fiscal_notes_async, error);
}

void
san_client_list_all_fiscal_notes_async (SanClient           *self,
                                        const char          *contract_id,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  CHECK_COMMON (contract_id);

  list_all_start (self, san_client_list_all_fiscal_notes_async, &fiscal_notes_kind, contract_id,
                  cancellable, callback, user_data);
}

GListModel *
san_client_list_all_fiscal_notes_finish (SanClient     *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return finish_pointer (self, result, san_client_list_all_fiscal_notes_async, error);
}

void
san_client_get_fiscal_note_async (SanClient           *self,
                                  const char          *contract_id,
                                  const char          *note_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  Request *request;
  GTask *task;

  CHECK_COMMON (contract_id);
  CHECK_ID (note_id);

  task = request_task_new (self, san_client_get_fiscal_note_async, contract_id, note_id,
                           cancellable, callback, user_data, &request);
  object_call (self, task, "GET", contract_path (contract_id, "fiscal-notes", note_id, NULL),
               NULL, NULL, fiscal_note_from_json, check_fiscal_note);
}

SanFiscalNote *
san_client_get_fiscal_note_finish (SanClient     *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return finish_pointer (self, result, san_client_get_fiscal_note_async, error);
}

void
san_client_download_fiscal_note_async (SanClient           *self,
                                       const char          *contract_id,
                                       const char          *note_id,
                                       SanFiscalNoteFormat  format,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  Request *request;
  GTask *task;
  gboolean xml = format == SAN_FISCAL_NOTE_FORMAT_XML;

  CHECK_COMMON (contract_id);
  CHECK_ID (note_id);
  g_return_if_fail (format == SAN_FISCAL_NOTE_FORMAT_PDF || format == SAN_FISCAL_NOTE_FORMAT_XML);

  task = request_task_new (self, san_client_download_fiscal_note_async, contract_id, note_id,
                           cancellable, callback, user_data, &request);
  download_start (self, task,
                  contract_path (contract_id, "fiscal-notes", note_id, xml ? "xml" : "pdf", NULL),
                  xml ? "application/xml" : "application/pdf");
}

GBytes *
san_client_download_fiscal_note_finish (SanClient     *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return finish_pointer (self, result, san_client_download_fiscal_note_async, error);
}

void
san_client_issue_fiscal_note_async (SanClient           *self,
                                    const char          *contract_id,
                                    const char          *note_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  Request *request;
  GTask *task;

  CHECK_COMMON (contract_id);
  CHECK_ID (note_id);

  task = request_task_new (self, san_client_issue_fiscal_note_async, contract_id, note_id,
                           cancellable, callback, user_data, &request);
  object_call (self, task, "POST",
               contract_path (contract_id, "fiscal-notes", note_id, "issue", NULL),
               empty_body_new (), NULL, fiscal_note_from_json, check_issued_fiscal_note);
}

SanFiscalNote *
san_client_issue_fiscal_note_finish (SanClient     *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return finish_pointer (self, result, san_client_issue_fiscal_note_async, error);
}
