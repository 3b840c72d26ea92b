/* san-client-support.c: tickets and attachments, e-mail history, callback
 * requests, support levels, and the staff desk
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-api"

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "san-client-support.h"

#include "san-api-error-private.h"
#include "san-audit-entry-private.h"
#include "san-callback-private.h"
#include "san-client-private.h"
#include "san-date.h"
#include "san-department-private.h"
#include "san-email-private.h"
#include "san-json-private.h"
#include "san-page-private.h"
#include "san-service-private.h"
#include "san-support-level-private.h"
#include "san-ticket-private.h"

#define PAGE_LIMIT 100
#define MINUTES_PER_DAY (24 * 60)
#define FILE_ATTRIBUTES G_FILE_ATTRIBUTE_STANDARD_TYPE "," \
                        G_FILE_ATTRIBUTE_STANDARD_SIZE "," \
                        G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME

typedef struct _Request Request;

/* Checks that an answer (or one item of a list) is about what was asked;
 * sets @error when not */
typedef gboolean (*CheckFunc) (gpointer   object,
                               Request   *request,
                               GError   **error);

/* One file to send */
typedef struct
{
  GFile  *file;
  char   *name;       /* sent as the part's filename */
  GBytes *contents;
} Upload;

/* What one call asked for, to check the answer with */
struct _Request
{
  char             *contract_id;   /* the contract asked about, or NULL */
  char             *id;            /* the ticket, e-mail, service asked about, or NULL */
  int               value;         /* a status or level asked for; -1 when none */
  GDate             date;          /* a callback's day */
  guint             from_minutes;
  guint             to_minutes;

  /* Answers with one object */
  SanPageItemFunc   parse;
  CheckFunc         check;         /* NULL: any answer of the model */
  const char       *invalid;       /* N_("The server’s ... is not valid: ") */

  /* Lists: every item is built with item_func and checked with item_check */
  GType             item_type;
  SanPageItemFunc   item_func;
  CheckFunc         item_check;
  const char       *endless;       /* N_("The server’s list of ... does not end.") */
  char             *list_path;     /* with the filters, without cursor and limit */
  SanPageCollector *pages;         /* every page's items, for list_all */

  /* Uploads: METHOD path with a JSON part and the files */
  const char       *method;
  char             *path;
  const char       *part_name;     /* "ticket", "message" */
  GBytes           *json;
  GPtrArray        *uploads;       /* Upload */
  guint             next_upload;
  goffset           total_size;
};

/* The answer of a download */
typedef struct
{
  GBytes *bytes;
  char   *content_type;
} Download;

static void
upload_free (Upload *upload)
{
  g_clear_object (&upload->file);
  g_free (upload->name);
  g_clear_pointer (&upload->contents, g_bytes_unref);
  g_free (upload);
}

static void
download_free (Download *download)
{
  g_clear_pointer (&download->bytes, g_bytes_unref);
  g_free (download->content_type);
  g_free (download);
}

static void
request_free (Request *request)
{
  g_free (request->contract_id);
  g_free (request->id);
  g_free (request->list_path);
  g_clear_pointer (&request->pages, san_page_collector_free);
  g_free (request->path);
  g_clear_pointer (&request->json, g_bytes_unref);
  g_clear_pointer (&request->uploads, g_ptr_array_unref);
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
  request->value = -1;
  g_date_clear (&request->date, 1);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);
  *out_request = request;
  return task;
}

static gpointer
finish_pointer (SanClient     *self,
                GAsyncResult  *result,
                gpointer       source_tag,
                GError       **error)
{
  g_return_val_if_fail (SAN_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Paths and bodies */

/* @prefix and then each of the NULL-terminated segments, escaped */
static char *build_path (const char *prefix,
                         ...) G_GNUC_NULL_TERMINATED;

static char *
build_path (const char *prefix,
            ...)
{
  GString *path = g_string_new (prefix);
  const char *segment;
  va_list args;

  va_start (args, prefix);
  while ((segment = va_arg (args, const char *)) != NULL)
    {
      g_autofree char *escaped = san_client_escape (segment);

      g_string_append_c (path, '/');
      g_string_append (path, escaped);
    }
  va_end (args);
  return g_string_free (path, FALSE);
}

#define contract_path(contract_id, ...) \
  build_path ("/api/v1/contracts", contract_id, __VA_ARGS__)
#define staff_path(...) \
  build_path ("/api/v1/staff", __VA_ARGS__)

static void
add_param (GString    *path,
           const char *name,
           const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL || *value == '\0')
    return;
  escaped = san_client_escape (value);
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
  add_param (path, "cursor", cursor);
  if (limit > 0)
    {
      g_autofree char *text = g_strdup_printf ("%u", limit);

      add_param (path, "limit", text);
    }
}

/* Appends ,"member":"value" (or the first member without the comma) */
static void
append_member (GString    *body,
               const char *member,
               const char *value)
{
  if (body->len > 1)
    g_string_append_c (body, ',');
  san_json_append_string (body, member);
  g_string_append_c (body, ':');
  san_json_append_string (body, value);
}

static void
append_raw_member (GString    *body,
                   const char *member,
                   const char *raw)
{
  if (body->len > 1)
    g_string_append_c (body, ',');
  san_json_append_string (body, member);
  g_string_append_c (body, ':');
  g_string_append (body, raw);
}

static GBytes *
body_end (GString *body)
{
  g_string_append_c (body, '}');
  return g_string_free_to_bytes (body);
}

/* "09:30" */
static char *
format_time (guint minutes)
{
  return g_strdup_printf ("%02u:%02u", minutes / 60, minutes % 60);
}

/* Fails @task with SAN_API_ERROR_INVALID_INPUT about @field when @text is
 * not valid UTF-8; TRUE when it is */
static gboolean
check_text (GTask      *task,
            const char *field,
            const char *text)
{
  if (text == NULL || g_utf8_validate (text, -1, NULL))
    return TRUE;
  g_task_return_error (task, san_api_error_new_invalid_field (field, _("This text is not valid.")));
  return FALSE;
}

static gboolean
set_other (GError     **error,
           const char  *message)
{
  g_set_error_literal (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED, message);
  return FALSE;
}

/* Models */

static gpointer
department_from_json (JsonObject  *object,
                      GError     **error)
{
  return san_department_new_from_json (object, error);
}

static gpointer
ticket_from_json (JsonObject  *object,
                  GError     **error)
{
  return san_ticket_new_from_json (object, FALSE, FALSE, error);
}

static gpointer
ticket_detail_from_json (JsonObject  *object,
                         GError     **error)
{
  return san_ticket_new_from_json (object, FALSE, TRUE, error);
}

static gpointer
staff_ticket_from_json (JsonObject  *object,
                        GError     **error)
{
  return san_ticket_new_from_json (object, TRUE, FALSE, error);
}

static gpointer
staff_ticket_detail_from_json (JsonObject  *object,
                               GError     **error)
{
  return san_ticket_new_from_json (object, TRUE, TRUE, error);
}

static gpointer
email_from_json (JsonObject  *object,
                 GError     **error)
{
  return san_email_new_from_json (object, FALSE, error);
}

static gpointer
email_detail_from_json (JsonObject  *object,
                        GError     **error)
{
  return san_email_new_from_json (object, TRUE, error);
}

static gpointer
callback_from_json (JsonObject  *object,
                    GError     **error)
{
  return san_callback_new_from_json (object, error);
}

static gpointer
support_level_from_json (JsonObject  *object,
                         GError     **error)
{
  return san_support_level_new_from_json (object, error);
}

static gpointer
service_from_json (JsonObject  *object,
                   GError     **error)
{
  return san_service_new_from_json (object, error);
}

static gpointer
audit_entry_from_json (JsonObject  *object,
                       GError     **error)
{
  return san_audit_entry_new_from_json (object, error);
}

/* Checks of the answers */

/* A list item of the contract asked about */
static gboolean
check_ticket_item (gpointer   object,
                   Request   *request,
                   GError   **error)
{
  if (g_strcmp0 (san_ticket_get_contract_id (object), request->contract_id) != 0)
    return set_other (error, _("a ticket is of another contract"));
  return TRUE;
}

/* The ticket asked about (of the contract asked about, for a customer) */
static gboolean
check_ticket (gpointer   object,
              Request   *request,
              GError   **error)
{
  if ((request->id != NULL && g_strcmp0 (san_ticket_get_id (object), request->id) != 0) ||
      (request->contract_id != NULL &&
       g_strcmp0 (san_ticket_get_contract_id (object), request->contract_id) != 0))
    return set_other (error, _("The server answered with another ticket."));
  if (request->value >= 0 && (int) san_ticket_get_status (object) != request->value)
    return set_other (error, _("The server did not change the ticket’s status."));
  return TRUE;
}

static gboolean
check_email (gpointer   object,
             Request   *request,
             GError   **error)
{
  if (g_strcmp0 (san_email_get_id (object), request->id) != 0)
    return set_other (error, _("The server answered with another e-mail."));
  return TRUE;
}

static gboolean
check_callback (gpointer   object,
                Request   *request,
                GError   **error)
{
  const GDate *date = san_callback_get_date (object);

  if (g_strcmp0 (san_callback_get_service_id (object), request->id) != 0 ||
      date == NULL || g_date_compare (date, &request->date) != 0 ||
      san_callback_get_from_minutes (object) != request->from_minutes ||
      san_callback_get_to_minutes (object) != request->to_minutes)
    return set_other (error, _("The server answered with another callback request."));
  return TRUE;
}

static gboolean
check_service_level (gpointer   object,
                     Request   *request,
                     GError   **error)
{
  if (g_strcmp0 (san_service_get_id (object), request->id) != 0 ||
      g_strcmp0 (san_service_get_contract_id (object), request->contract_id) != 0)
    return set_other (error, _("The server answered with another service."));
  if ((int) san_service_get_support_level (object) != request->value)
    return set_other (error, _("The server did not change the support level."));
  return TRUE;
}

static gboolean
check_audit_item (gpointer   object,
                  Request   *request,
                  GError   **error)
{
  if (request->contract_id != NULL &&
      g_strcmp0 (san_audit_entry_get_contract_id (object), request->contract_id) != 0)
    return set_other (error, _("an entry is of another contract"));
  return TRUE;
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

/* Takes @task, @path and @body */
static void
object_start (SanClient       *self,
              GTask           *task,
              const char      *method,
              char            *path,
              GBytes          *body,
              SanPageItemFunc  parse,
              CheckFunc        check)
{
  Request *request = g_task_get_task_data (task);

  request->parse = parse;
  request->check = check;
  san_client_call_async (self, method, path, body, SAN_CALL_AUTH, NULL,
                         g_task_get_cancellable (task), on_object_cb, task);
}

/* Lists */

/* {"items": [...]}: every item built and checked, or an error */
static GListStore *
parse_items (Request   *request,
             JsonNode  *root,
             GError   **error)
{
  g_autoptr(GListStore) items = g_list_store_new (request->item_type);
  JsonArray *array;
  guint n;

  if (!san_json_read_array (json_node_get_object (root), "items", &array, error))
    goto fail;

  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(GObject) item = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                       _("item %u of the list is not an object"), i + 1);
          goto fail;
        }
      item = request->item_func (json_node_get_object (node), error);
      if (item == NULL ||
          (request->item_check != NULL && !request->item_check (item, request, error)))
        {
          g_prefix_error (error, _("item %u of the list: "), i + 1);
          goto fail;
        }
      g_list_store_append (items, item);
    }
  return g_steal_pointer (&items);

fail:
  g_prefix_error (error, "%s", _(request->invalid));
  return NULL;
}

/* One page, every item checked */
static SanPage *
parse_page (Request   *request,
            JsonNode  *root,
            GError   **error)
{
  g_autoptr(SanPage) page = NULL;
  GListModel *items;
  guint n;

  page = san_page_new_from_json (json_node_get_object (root), request->item_type,
                                 request->item_func, error);
  if (page == NULL)
    {
      g_prefix_error (error, "%s", _(request->invalid));
      return NULL;
    }

  items = san_page_get_items (page);
  n = g_list_model_get_n_items (items);
  for (guint i = 0; request->item_check != NULL && i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      if (!request->item_check (item, request, error))
        {
          g_prefix_error (error, _("item %u of the list: "), i + 1);
          g_prefix_error (error, "%s", _(request->invalid));
          return NULL;
        }
    }

  return g_steal_pointer (&page);
}

static void
on_items_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  GListStore *items;

  root = san_client_call_finish (SAN_CLIENT (source), result, &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  items = parse_items (g_task_get_task_data (task), root, &error);
  if (items == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, items, g_object_unref);
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

static void
list_setup (Request         *request,
            GType            item_type,
            SanPageItemFunc  item_func,
            CheckFunc        item_check,
            const char      *invalid,
            const char      *endless)
{
  request->item_type = item_type;
  request->item_func = item_func;
  request->item_check = item_check;
  request->invalid = invalid;
  request->endless = endless;
}

/* Takes @task and @path (with its query) */
static void
items_start (SanClient *self,
             GTask     *task,
             char      *path)
{
  san_client_call_async (self, "GET", path, NULL, SAN_CALL_AUTH, NULL,
                         g_task_get_cancellable (task), on_items_cb, task);
}

/* Takes @task and @path (with its query) */
static void
page_start (SanClient *self,
            GTask     *task,
            char      *path)
{
  san_client_call_async (self, "GET", path, NULL, SAN_CALL_AUTH, NULL,
                         g_task_get_cancellable (task), on_page_cb, task);
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

  if (!san_page_collector_add (request->pages, page, _(request->endless), &cursor, &error))
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

  add_page_params (path, cursor, PAGE_LIMIT);
  san_client_call_async (g_task_get_source_object (task), "GET", g_string_free (path, FALSE),
                         NULL, SAN_CALL_AUTH, NULL, g_task_get_cancellable (task),
                         on_list_all_page_cb, task);
}

/* Takes @task and @list_path (with its filters) */
static void
list_all_start (GTask *task,
                char  *list_path)
{
  Request *request = g_task_get_task_data (task);

  request->list_path = list_path;
  request->pages = san_page_collector_new (request->item_type);
  list_all_fetch (task, NULL);
}

/* Downloads */

static void
on_download_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  Download *download = g_new0 (Download, 1);

  download->bytes = san_client_call_finish_bytes (SAN_CLIENT (source), result,
                                                  &download->content_type, &error);
  if (download->bytes == NULL)
    {
      download_free (download);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, download, (GDestroyNotify) download_free);
}

/* Takes @task and @path */
static void
download_start (SanClient *self,
                GTask     *task,
                char      *path)
{
  static const char * const headers[] = { "Accept", "*/*", NULL };

  san_client_call_async (self, "GET", path, NULL, SAN_CALL_AUTH | SAN_CALL_BINARY, headers,
                         g_task_get_cancellable (task), on_download_cb, task);
}

static GBytes *
download_finish (SanClient     *self,
                 GAsyncResult  *result,
                 gpointer       source_tag,
                 char         **out_content_type,
                 GError       **error)
{
  Download *download = finish_pointer (self, result, source_tag, error);
  GBytes *bytes;

  if (download == NULL)
    return NULL;
  bytes = g_steal_pointer (&download->bytes);
  if (out_content_type != NULL)
    *out_content_type = g_steal_pointer (&download->content_type);
  download_free (download);
  return bytes;
}

/* Uploads: the files are read (asynchronously, checked against the
 * server's limits) and sent with the JSON as multipart/form-data */

static void upload_next (GTask *task);

/* The name a file is sent under: its base name, as UTF-8 */
static char *
upload_name (GFile     *file,
             GFileInfo *info)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (basename != NULL && g_utf8_validate (basename, -1, NULL) &&
      strcmp (basename, "/") != 0 && strcmp (basename, ".") != 0)
    return g_steal_pointer (&basename);
  if (info != NULL && g_file_info_get_display_name (info) != NULL)
    return g_strdup (g_file_info_get_display_name (info));
  return g_strdup ("anexo");
}

static GError *
too_large_error (const char *name)
{
  g_autofree char *message =
    /* Translators: %s is a file name */
    g_strdup_printf (_("“%s” is too large: attachments may be at most 5 MB each."), name);

  return san_api_error_new_invalid_field ("attachments", message);
}

static GError *
too_large_together_error (void)
{
  return san_api_error_new_invalid_field ("attachments",
                                          _("The attachments are too large together: at most 10 MB in all."));
}

static GError *
unreadable_error (const char *name,
                  GError     *cause)
{
  g_autofree char *message =
    /* Translators: the first %s is a file name, the second why it could not be read */
    g_strdup_printf (_("“%s” could not be read: %s"), name, cause->message);

  return san_api_error_new_invalid_field ("attachments", message);
}

/* Fails @task with @error, unless it is a cancellation, which passes as is */
static void
upload_fail (GTask  *task,
             GError *error)
{
  g_task_return_error (task, error);
  g_object_unref (task);
}

static void
on_upload_loaded_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GTask *task = user_data;
  Request *request = g_task_get_task_data (task);
  Upload *upload = g_ptr_array_index (request->uploads, request->next_upload);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) contents = NULL;
  gsize size;

  contents = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);
  if (contents == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        upload_fail (task, g_steal_pointer (&error));
      else
        upload_fail (task, unreadable_error (upload->name, error));
      return;
    }

  /* It may have grown since it was looked at */
  size = g_bytes_get_size (contents);
  if (size > SAN_CLIENT_MAX_ATTACHMENT_SIZE)
    {
      upload_fail (task, too_large_error (upload->name));
      return;
    }
  request->total_size += (goffset) size;
  if (request->total_size > SAN_CLIENT_MAX_ATTACHMENTS_TOTAL)
    {
      upload_fail (task, too_large_together_error ());
      return;
    }

  upload->contents = g_steal_pointer (&contents);
  request->next_upload++;
  upload_next (task);
}

static void
on_upload_info_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GTask *task = user_data;
  Request *request = g_task_get_task_data (task);
  Upload *upload = g_ptr_array_index (request->uploads, request->next_upload);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info_finish (G_FILE (source), result, &error);
  g_free (upload->name);
  upload->name = upload_name (upload->file, info);
  if (info == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        upload_fail (task, g_steal_pointer (&error));
      else
        upload_fail (task, unreadable_error (upload->name, error));
      return;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_autofree char *message =
        /* Translators: %s is a file name */
        g_strdup_printf (_("“%s” is not a file that can be attached."), upload->name);

      upload_fail (task, san_api_error_new_invalid_field ("attachments", message));
      return;
    }
  if (g_file_info_get_size (info) > SAN_CLIENT_MAX_ATTACHMENT_SIZE)
    {
      upload_fail (task, too_large_error (upload->name));
      return;
    }
  if (request->total_size + g_file_info_get_size (info) > SAN_CLIENT_MAX_ATTACHMENTS_TOTAL)
    {
      upload_fail (task, too_large_together_error ());
      return;
    }

  g_file_load_bytes_async (upload->file, g_task_get_cancellable (task),
                           on_upload_loaded_cb, task);
}

/* The multipart/form-data body of @request; its type (with the boundary)
 * in @out_content_type */
static GBytes *
build_multipart (Request  *request,
                 char    **out_content_type)
{
  g_autoptr(SoupMultipart) multipart = soup_multipart_new (SOUP_FORM_MIME_TYPE_MULTIPART);
  g_autoptr(SoupMessageHeaders) json_headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_MULTIPART);
  g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  g_autoptr(GHashTable) params = g_hash_table_new (g_str_hash, g_str_equal);
  GBytes *body = NULL;

  g_hash_table_insert (params, (gpointer) "name", (gpointer) request->part_name);
  soup_message_headers_set_content_disposition (json_headers, "form-data", params);
  soup_message_headers_set_content_type (json_headers, "application/json", NULL);
  soup_multipart_append_part (multipart, json_headers, request->json);

  for (guint i = 0; i < request->uploads->len; i++)
    {
      Upload *upload = g_ptr_array_index (request->uploads, i);

      /* The server finds the type from the content */
      soup_multipart_append_form_file (multipart, "attachments", upload->name,
                                       "application/octet-stream", upload->contents);
    }

  soup_multipart_to_message (multipart, headers, &body);
  *out_content_type = g_strdup (soup_message_headers_get_one (headers, "Content-Type"));
  return body;
}

/* Takes @task */
static void
upload_next (GTask *task)
{
  SanClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autofree char *content_type = NULL;
  GBytes *body;

  if (request->next_upload < request->uploads->len)
    {
      Upload *upload = g_ptr_array_index (request->uploads, request->next_upload);

      g_file_query_info_async (upload->file, FILE_ATTRIBUTES, G_FILE_QUERY_INFO_NONE,
                               G_PRIORITY_DEFAULT, g_task_get_cancellable (task),
                               on_upload_info_cb, task);
      return;
    }

  body = build_multipart (request, &content_type);
  san_client_call_typed_async (self, request->method, g_steal_pointer (&request->path), body,
                               content_type, SAN_CALL_AUTH, NULL,
                               g_task_get_cancellable (task), on_object_cb, task);
}

/* Sends @json (JSON) to METHOD @path, or with @attachments (nullable GFiles)
 * a multipart body whose part @part_name is @json; the answer is parsed with
 * @parse and checked with @check. Takes @task, @path and @json. */
static void
submit_start (SanClient       *self,
              GTask           *task,
              const char      *method,
              char            *path,
              const char      *part_name,
              GBytes          *json,
              GListModel      *attachments,
              SanPageItemFunc  parse,
              CheckFunc        check)
{
  Request *request = g_task_get_task_data (task);
  guint n = attachments != NULL ? g_list_model_get_n_items (attachments) : 0;

  request->parse = parse;
  request->check = check;

  if (n == 0)
    {
      san_client_call_async (self, method, path, json, SAN_CALL_AUTH, NULL,
                             g_task_get_cancellable (task), on_object_cb, task);
      return;
    }

  if (n > SAN_CLIENT_MAX_ATTACHMENTS)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "At most %u file can be attached at once.",
                                      "At most %u files can be attached at once.",
                                      SAN_CLIENT_MAX_ATTACHMENTS),
                         (guint) SAN_CLIENT_MAX_ATTACHMENTS);

      g_free (path);
      g_bytes_unref (json);
      upload_fail (task, san_api_error_new_invalid_field ("attachments", message));
      return;
    }

  request->method = method;
  request->path = path;
  request->part_name = part_name;
  request->json = json;
  request->uploads = g_ptr_array_new_with_free_func ((GDestroyNotify) upload_free);
  for (guint i = 0; i < n; i++)
    {
      Upload *upload = g_new0 (Upload, 1);

      upload->file = g_list_model_get_item (attachments, i);
      upload->name = upload_name (upload->file, NULL);
      g_ptr_array_add (request->uploads, upload);
    }
  upload_next (task);
}

/* Departments */

void
san_client_list_departments_async (SanClient           *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  Request *request;
  GTask *task;

  g_return_if_fail (SAN_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = request_task_new (self, san_client_list_departments_async, NULL, NULL,
                           cancellable, callback, user_data, &request);
  list_setup (request, SAN_TYPE_DEPARTMENT, department_from_json, NULL,
              N_("The server’s list of departments is not valid: "), NULL);
  items_start (self, task, g_strdup ("/api/v1/departments"));
}

GListModel *
san_client_list_departments_finish (SanClient     *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return finish_pointer (self, result, san_client_list_departments_async, error);
}

/* Tickets */

static const char *tickets_invalid = N_("The server’s list of tickets is not valid: ");
static const char *tickets_endless = N_("The server’s list of tickets does not end.");

static gboolean
status_filter_is_valid (const char *status)
{
  return status == NULL || g_str_equal (status, "open_any") ||
         san_ticket_status_from_wire (status, NULL);
}

static char *
tickets_list_path (const char *contract_id,
                   const char *status,
                   const char *search)
{
  GString *path = g_string_new (NULL);
  g_autofree char *base = contract_path (contract_id, "tickets", NULL);

  g_string_append (path, base);
  add_param (path, "status", status);
  add_param (path, "q", search);
  return g_string_free (path, FALSE);
}

void
san_client_list_tickets_async (SanClient           *self,
                               const char          *contract_id,
                               const char          *status,
                               const char          *search,
                               const char          *cursor,
                               guint                limit,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  Request *request;
  GTask *task;
  GString *path;

  g_return_if_fail (SAN_IS_CLIENT (self));
  g_return_if_fail (contract_id != NULL && *contract_id != '\0');
  g_return_if_fail (status_filter_is_valid (status));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = request_task_new (self, san_client_list_tickets_async, contract_id, NULL,
                           cancellable, callback, user_data, &request);
  list_setup (request, SAN_TYPE_TICKET, ticket_from_json, check_ticket_item,
              tickets_invalid, tickets_endless);
  if (!check_text (task, "q", search))
    {
      g_object_unref (task);
      return;
    }
  path = g_string_new (NULL);
  {
    g_autofree char *base = tickets_list_path (contract_id, status, search);

    g_string_append (path, base);
  }
  add_page_params (path, cursor, limit);
  page_start (self, task, g_string_free (path, FALSE));
}

SanPage *
san_client_list_tickets_finish (SanClient     *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return finish_pointer (self, result, san_client_list_tickets_async, error);
}

void
san_client_list_all_tickets_async (SanClient           *self,
                                   const char          *contract_id,
                                   const char          *status,
                                   const char          *search,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  Request *request;
  GTask *task;

  g_return_if_fail (SAN_IS_CLIENT (self));
  g_return_if_fail (contract_id != NULL && *contract_id != '\0');
  g_return_if_fail (status_filter_is_valid (status));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = request_task_new (self, san_client_list_all_tickets_async, contract_id, NULL,
                           cancellable, callback, user_data, &request);
  list_setup (request, SAN_TYPE_TICKET, ticket_from_json, check_ticket_item,
              tickets_invalid, tickets_endless);
  if (!check_text (task, "q", search))
    {
      g_object_unref (task);
      return;
    }
  list_all_start (task, tickets_list_path (contract_id, status, search));
}

GListModel *
san_client_list_all_tickets_finish (SanClient     *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return finish_pointer (self, result, san_client_list_all_tickets_async, error);
}

void
san_client_get_ticket_async (SanClient           *self,
                             const char          *contract_id,
                             const char          *ticket_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  Request *request;
  GTask *task;

  g_return_if_fail (SAN_IS_CLIENT (self));
  g_return_if_fail (contract_id != NULL && *contract_id != '\0');
  g_return_if_fail (ticket_id != NULL && *ticket_id != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = request_task_new (self, san_client_get_ticket_async, contract_id, ticket_id,
                           cancellable, callback, user_data, &request);
  object_start (self, task, "GET", contract_path (contract_id, "tickets", ticket_id, NULL), NULL,
                ticket_detail_from_json, check_ticket);
}

SanTicket *
san_client_get_ticket_finish (SanClient     *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return finish_pointer (self, result, san_client_get_ticket_async, error);
}

void
san_client_open_ticket_async (SanClient           *self,
                              const char          *contract_id,
                              const char          *department_id,
                              const char          *service_id,
                              SanTicketPriority    priority,
                              const char          *subject,
                              const char          *body,
                              GListModel          *attachments,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  Request *request;
  GTask *task;
  GString *json;

  g_return_if_fail (SAN_IS_CLIENT (self));
  g_return_if_fail (contract_id != NULL && *contract_id != '\0');
  g_return_if_fail (department_id != NULL && *department_id != '\0');
  g_return_if_fail (san_ticket_priority_to_wire (priority) != NULL);
  g_return_if_fail (subject != NULL);
  g_return_if_fail (body != NULL);
  g_return_if_fail (attachments == NULL || G_IS_LIST_MODEL (attachments));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = request_task_new (self, san_client_open_ticket_async, contract_id, NULL,
                           cancellable, callback, user_data, &request);
  if (!check_text (task, "subject", subject) || !check_text (task, "body", body))
    {
      g_object_unref (task);
      return;
    }

  json = g_string_new ("{");
  append_member (json, "department_id", department_id);
  if (service_id != NULL)
    append_member (json, "service_id", service_id);
  append_member (json, "priority", san_ticket_priority_to_wire (priority));
  append_member (json, "subject", subject);
  append_member (json, "body", body);
  submit_start (self, task, "POST", contract_path (contract_id, "tickets", NULL), "ticket",
                body_end (json), attachments, ticket_detail_from_json, check_ticket);
}

SanTicket *
san_client_open_ticket_finish (SanClient     *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return finish_pointer (self, result, san_client_open_ticket_async, error);
}

void
san_client_reply_ticket_async (SanClient           *self,
                               const char          *contract_id,
                               const char          *ticket_id,
                               const char          *body,
                               GListModel          *attachments,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  Request *request;
  GTask *task;
  GString *json;

  g_return_if_fail (SAN_IS_CLIENT (self));
  g_return_if_fail (contract_id != NULL && *contract_id != '\0');
  g_return_if_fail (ticket_id != NULL && *ticket_id != '\0');
  g_return_if_fail (body != NULL);
  g_return_if_fail (attachments == NULL || G_IS_LIST_MODEL (attachments));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = request_task_new (self, san_client_reply_ticket_async, contract_id, ticket_id,
                           cancellable, callback, user_data, &request);
  if (!check_text (task, "body", body))
    {
      g_object_unref (task);
      return;
    }

  json = g_string_new ("{");
  append_member (json, "body", body);
  submit_start (self, task, "POST", contract_path (contract_id, "tickets", ticket_id, "messages", NULL),
                "message", body_end (json), attachments, ticket_detail_from_json, check_ticket);
}

SanTicket *
san_client_reply_ticket_finish (SanClient     *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return finish_pointer (self, result, san_client_reply_ticket_async, error);
}

void
san_client_close_ticket_async (SanClient           *self,
                               const char          *contract_id,
                               const char          *ticket_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  Request *request;
  GTask *task;

  g_return_if_fail (SAN_IS_CLIENT (self));
  g_return_if_fail (contract_id != NULL && *contract_id != '\0');
  g_return_if_fail (ticket_id != NULL && *ticket_id != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = request_task_new (self, san_client_close_ticket_async, contract_id, ticket_id,
                           cancellable, callback, user_data, &request);
  request->value = SAN_TICKET_STATUS_CLOSED;
  object_start (self, task, "POST", contract_path (contract_id, "tickets", ticket_id, "close", NULL),
                g_bytes_new_static ("{}", 2), ticket_detail_from_json, check_ticket);
}

SanTicket *
san_client_close_ticket_finish (SanClient     *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return finish_pointer (self, result, san_client_close_ticket_async, error);
}

void
san_client_download_attachment_async (SanClient           *self,
                                      const char          *contract_id,
                                      const char          *attachment_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  Request *request;
  GTask *task;

  g_return_if_fail (SAN_IS_CLIENT (self));
  g_return_if_fail (contract_id != NULL && *contract_id != '\0');
  g_return_if_fail (attachment_id != NULL && *attachment_id != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = request_task_new (self, san_client_download_attachment_async, contract_id, attachment_id,
                           cancellable, callback, user_data, &request);
  download_start (self, task, contract_path (contract_id, "attachments", attachment_id, NULL));
}

GBytes *
san_client_download_attachment_finish (SanClient     *self,
                                       GAsyncResult  *result,
                                       char         **out_content_type,
                                       GError       **error)
{
  return download_finish (self, result, san_client_download_attachment_async,
                          out_content_type, error);
}

/* E-mail history */

void
san_client_list_emails_async (SanClient           *self,
                              const char          *contract_id,
                              const SanEmailKind  *kind,
                              const char          *search,
                              const GDate         *from,
                              const GDate         *to,
                              const char          *cursor,
                              guint                limit,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autofree char *base = NULL;
  Request *request;
  GTask *task;
  GString *path;

  g_return_if_fail (SAN_IS_CLIENT (self));
  g_return_if_fail (contract_id != NULL && *contract_id != '\0');
  g_return_if_fail (kind == NULL || san_email_kind_to_wire (*kind) != NULL);
  g_return_if_fail (from == NULL || g_date_valid (from));
  g_return_if_fail (to == NULL || g_date_valid (to));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = request_task_new (self, san_client_list_emails_async, contract_id, NULL,
                           cancellable, callback, user_data, &request);
  list_setup (request, SAN_TYPE_EMAIL, email_from_json, NULL,
              N_("The server’s list of e-mails is not valid: "), NULL);
  if (!check_text (task, "q", search))
    {
      g_object_unref (task);
      return;
    }

  base = contract_path (contract_id, "emails", NULL);
  path = g_string_new (base);
  if (kind != NULL)
    add_param (path, "kind", san_email_kind_to_wire (*kind));
  add_param (path, "q", search);
  add_date_param (path, "from", from);
  add_date_param (path, "to", to);
  add_page_params (path, cursor, limit);
  page_start (self, task, g_string_free (path, FALSE));
}

SanPage *
san_client_list_emails_finish (SanClient     *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return finish_pointer (self, result, san_client_list_emails_async, error);
}

void
san_client_get_email_async (SanClient           *self,
                            const char          *contract_id,
                            const char          *email_id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  Request *request;
  GTask *task;

  g_return_if_fail (SAN_IS_CLIENT (self));
  g_return_if_fail (contract_id != NULL && *contract_id != '\0');
  g_return_if_fail (email_id != NULL && *email_id != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = request_task_new (self, san_client_get_email_async, contract_id, email_id,
                           cancellable, callback, user_data, &request);
  object_start (self, task, "GET", contract_path (contract_id, "emails", email_id, NULL), NULL,
                email_detail_from_json, check_email);
}

SanEmail *
san_client_get_email_finish (SanClient     *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return finish_pointer (self, result, san_client_get_email_async, error);
}

/* Callback requests */

void
san_client_list_callbacks_async (SanClient           *self,
                                 const char          *contract_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  Request *request;
  GTask *task;

  g_return_if_fail (SAN_IS_CLIENT (self));
  g_return_if_fail (contract_id != NULL && *contract_id != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = request_task_new (self, san_client_list_callbacks_async, contract_id, NULL,
                           cancellable, callback, user_data, &request);
  list_setup (request, SAN_TYPE_CALLBACK, callback_from_json, NULL,
              N_("The server’s list of callback requests is not valid: "),
              N_("The server’s list of callback requests does not end."));
  list_all_start (task, contract_path (contract_id, "callbacks", NULL));
}

GListModel *
san_client_list_callbacks_finish (SanClient     *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return finish_pointer (self, result, san_client_list_callbacks_async, error);
}

void
san_client_request_callback_async (SanClient           *self,
                                   const char          *contract_id,
                                   const char          *phone,
                                   const char          *subject,
                                   const char          *service_id,
                                   const GDate         *date,
                                   guint                from_minutes,
                                   guint                to_minutes,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autofree char *day = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  Request *request;
  GTask *task;
  GString *json;
  GString *window;

  g_return_if_fail (SAN_IS_CLIENT (self));
  g_return_if_fail (contract_id != NULL && *contract_id != '\0');
  g_return_if_fail (phone != NULL);
  g_return_if_fail (subject != NULL);
  g_return_if_fail (date != NULL && g_date_valid (date));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = request_task_new (self, san_client_request_callback_async, contract_id, service_id,
                           cancellable, callback, user_data, &request);
  request->date = *date;
  request->from_minutes = from_minutes;
  request->to_minutes = to_minutes;
  if (!check_text (task, "phone", phone) || !check_text (task, "subject", subject))
    {
      g_object_unref (task);
      return;
    }
  if (from_minutes >= MINUTES_PER_DAY || to_minutes >= MINUTES_PER_DAY)
    {
      g_task_return_error (task, san_api_error_new_invalid_field (from_minutes >= MINUTES_PER_DAY
                                                                  ? "preferred_window.from"
                                                                  : "preferred_window.to",
                                                                  _("Choose a time of day.")));
      g_object_unref (task);
      return;
    }

  day = san_date_to_iso (date);
  from = format_time (from_minutes);
  to = format_time (to_minutes);

  window = g_string_new ("{");
  append_member (window, "date", day);
  append_member (window, "from", from);
  append_member (window, "to", to);
  g_string_append_c (window, '}');

  json = g_string_new ("{");
  append_member (json, "phone", phone);
  append_member (json, "subject", subject);
  if (service_id != NULL)
    append_member (json, "service_id", service_id);
  append_raw_member (json, "preferred_window", window->str);
  g_string_free (window, TRUE);

  object_start (self, task, "POST", contract_path (contract_id, "callbacks", NULL), body_end (json),
                callback_from_json, check_callback);
}

SanCallback *
san_client_request_callback_finish (SanClient     *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return finish_pointer (self, result, san_client_request_callback_async, error);
}

/* Support levels */

void
san_client_list_support_levels_async (SanClient           *self,
                                      const char          *contract_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  Request *request;
  GTask *task;

  g_return_if_fail (SAN_IS_CLIENT (self));
  g_return_if_fail (contract_id != NULL && *contract_id != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = request_task_new (self, san_client_list_support_levels_async, contract_id, NULL,
                           cancellable, callback, user_data, &request);
  list_setup (request, SAN_TYPE_SUPPORT_LEVEL, support_level_from_json, NULL,
              N_("The server’s support levels are not valid: "), NULL);
  items_start (self, task, contract_path (contract_id, "support-levels", NULL));
}

GListModel *
san_client_list_support_levels_finish (SanClient     *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return finish_pointer (self, result, san_client_list_support_levels_async, error);
}

void
san_client_set_support_level_async (SanClient           *self,
                                    const char          *contract_id,
                                    const char          *service_id,
                                    SanSupportLevelId    level,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  Request *request;
  GTask *task;
  GString *json;

  g_return_if_fail (SAN_IS_CLIENT (self));
  g_return_if_fail (contract_id != NULL && *contract_id != '\0');
  g_return_if_fail (service_id != NULL && *service_id != '\0');
  g_return_if_fail (san_support_level_id_to_wire (level) != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = request_task_new (self, san_client_set_support_level_async, contract_id, service_id,
                           cancellable, callback, user_data, &request);
  request->value = level;
  json = g_string_new ("{");
  append_member (json, "level", san_support_level_id_to_wire (level));
  object_start (self, task, "PUT",
                contract_path (contract_id, "services", service_id, "support-level", NULL),
                body_end (json), service_from_json, check_service_level);
}

SanService *
san_client_set_support_level_finish (SanClient     *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return finish_pointer (self, result, san_client_set_support_level_async, error);
}

/* The staff desk */

static const char *staff_tickets_invalid = N_("The server’s ticket queue is not valid: ");
static const char *staff_tickets_endless = N_("The server’s ticket queue does not end.");

static char *
staff_tickets_path (const char              *department_id,
                    const char              *status,
                    const SanTicketPriority *priority,
                    const SanTicketWaiting  *waiting,
                    const char              *search)
{
  GString *path = g_string_new ("/api/v1/staff/tickets");

  add_param (path, "department", department_id);
  add_param (path, "status", status);
  if (priority != NULL)
    add_param (path, "priority", san_ticket_priority_to_wire (*priority));
  if (waiting != NULL)
    add_param (path, "waiting", san_ticket_waiting_to_wire (*waiting));
  add_param (path, "q", search);
  return g_string_free (path, FALSE);
}

void
san_client_list_staff_tickets_async (SanClient               *self,
                                     const char              *department_id,
                                     const char              *status,
                                     const SanTicketPriority *priority,
                                     const SanTicketWaiting  *waiting,
                                     const char              *search,
                                     const char              *cursor,
                                     guint                    limit,
                                     GCancellable            *cancellable,
                                     GAsyncReadyCallback      callback,
                                     gpointer                 user_data)
{
  Request *request;
  GTask *task;
  GString *path;

  g_return_if_fail (SAN_IS_CLIENT (self));
  g_return_if_fail (status_filter_is_valid (status));
  g_return_if_fail (priority == NULL || san_ticket_priority_to_wire (*priority) != NULL);
  g_return_if_fail (waiting == NULL || san_ticket_waiting_to_wire (*waiting) != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = request_task_new (self, san_client_list_staff_tickets_async, NULL, NULL,
                           cancellable, callback, user_data, &request);
  list_setup (request, SAN_TYPE_TICKET, staff_ticket_from_json, NULL,
              staff_tickets_invalid, staff_tickets_endless);
  if (!check_text (task, "q", search))
    {
      g_object_unref (task);
      return;
    }
  path = g_string_new (NULL);
  {
    g_autofree char *base = staff_tickets_path (department_id, status, priority, waiting, search);

    g_string_append (path, base);
  }
  add_page_params (path, cursor, limit);
  page_start (self, task, g_string_free (path, FALSE));
}

SanPage *
san_client_list_staff_tickets_finish (SanClient     *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return finish_pointer (self, result, san_client_list_staff_tickets_async, error);
}

void
san_client_list_all_staff_tickets_async (SanClient               *self,
                                         const char              *department_id,
                                         const char              *status,
                                         const SanTicketPriority *priority,
                                         const SanTicketWaiting  *waiting,
                                         const char              *search,
                                         GCancellable            *cancellable,
                                         GAsyncReadyCallback      callback,
                                         gpointer                 user_data)
{
  Request *request;
  GTask *task;

  g_return_if_fail (SAN_IS_CLIENT (self));
  g_return_if_fail (status_filter_is_valid (status));
  g_return_if_fail (priority == NULL || san_ticket_priority_to_wire (*priority) != NULL);
  g_return_if_fail (waiting == NULL || san_ticket_waiting_to_wire (*waiting) != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = request_task_new (self, san_client_list_all_staff_tickets_async, NULL, NULL,
                           cancellable, callback, user_data, &request);
  list_setup (request, SAN_TYPE_TICKET, staff_ticket_from_json, NULL,
              staff_tickets_invalid, staff_tickets_endless);
  if (!check_text (task, "q", search))
    {
      g_object_unref (task);
      return;
    }
  list_all_start (task, staff_tickets_path (department_id, status, priority, waiting, search));
}

GListModel *
san_client_list_all_staff_tickets_finish (SanClient     *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  return finish_pointer (self, result, san_client_list_all_staff_tickets_async, error);
}

void
san_client_get_staff_ticket_async (SanClient           *self,
                                   const char          *ticket_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  Request *request;
  GTask *task;

  g_return_if_fail (SAN_IS_CLIENT (self));
  g_return_if_fail (ticket_id != NULL && *ticket_id != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = request_task_new (self, san_client_get_staff_ticket_async, NULL, ticket_id,
                           cancellable, callback, user_data, &request);
  object_start (self, task, "GET", staff_path ("tickets", ticket_id, NULL), NULL,
                staff_ticket_detail_from_json, check_ticket);
}

SanTicket *
san_client_get_staff_ticket_finish (SanClient     *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return finish_pointer (self, result, san_client_get_staff_ticket_async, error);
}

void
san_client_staff_reply_async (SanClient           *self,
                              const char          *ticket_id,
                              const char          *body,
                              gboolean             internal,
                              GListModel          *attachments,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  Request *request;
  GTask *task;
  GString *json;

  g_return_if_fail (SAN_IS_CLIENT (self));
  g_return_if_fail (ticket_id != NULL && *ticket_id != '\0');
  g_return_if_fail (body != NULL);
  g_return_if_fail (attachments == NULL || G_IS_LIST_MODEL (attachments));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = request_task_new (self, san_client_staff_reply_async, NULL, ticket_id,
                           cancellable, callback, user_data, &request);
  if (!check_text (task, "body", body))
    {
      g_object_unref (task);
      return;
    }

  json = g_string_new ("{");
  append_member (json, "body", body);
  append_raw_member (json, "internal", internal ? "true" : "false");
  submit_start (self, task, "POST", staff_path ("tickets", ticket_id, "messages", NULL),
                "message", body_end (json), attachments, staff_ticket_detail_from_json,
                check_ticket);
}

SanTicket *
san_client_staff_reply_finish (SanClient     *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return finish_pointer (self, result, san_client_staff_reply_async, error);
}

void
san_client_staff_set_status_async (SanClient           *self,
                                   const char          *ticket_id,
                                   SanTicketStatus      status,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  Request *request;
  GTask *task;
  GString *json;

  g_return_if_fail (SAN_IS_CLIENT (self));
  g_return_if_fail (ticket_id != NULL && *ticket_id != '\0');
  g_return_if_fail (san_ticket_status_to_wire (status) != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = request_task_new (self, san_client_staff_set_status_async, NULL, ticket_id,
                           cancellable, callback, user_data, &request);
  request->value = status;
  json = g_string_new ("{");
  append_member (json, "status", san_ticket_status_to_wire (status));
  object_start (self, task, "PUT", staff_path ("tickets", ticket_id, "status", NULL),
                body_end (json), staff_ticket_detail_from_json, check_ticket);
}

SanTicket *
san_client_staff_set_status_finish (SanClient     *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return finish_pointer (self, result, san_client_staff_set_status_async, error);
}

void
san_client_download_staff_attachment_async (SanClient           *self,
                                            const char          *attachment_id,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  Request *request;
  GTask *task;

  g_return_if_fail (SAN_IS_CLIENT (self));
  g_return_if_fail (attachment_id != NULL && *attachment_id != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = request_task_new (self, san_client_download_staff_attachment_async, NULL, attachment_id,
                           cancellable, callback, user_data, &request);
  download_start (self, task, staff_path ("attachments", attachment_id, NULL));
}

GBytes *
san_client_download_staff_attachment_finish (SanClient     *self,
                                             GAsyncResult  *result,
                                             char         **out_content_type,
                                             GError       **error)
{
  return download_finish (self, result, san_client_download_staff_attachment_async,
                          out_content_type, error);
}

void
san_client_list_staff_audit_async (SanClient           *self,
                                   const char          *contract_id,
                                   const char          *cursor,
                                   guint                limit,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  Request *request;
  GTask *task;
  GString *path;

  g_return_if_fail (SAN_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = request_task_new (self, san_client_list_staff_audit_async, contract_id, NULL,
                           cancellable, callback, user_data, &request);
  list_setup (request, SAN_TYPE_AUDIT_ENTRY, audit_entry_from_json, check_audit_item,
              N_("The server’s audit log is not valid: "), NULL);
  path = g_string_new ("/api/v1/staff/audit");
  add_param (path, "contract_id", contract_id);
  add_page_params (path, cursor, limit);
  page_start (self, task, g_string_free (path, FALSE));
}

SanPage *
san_client_list_staff_audit_finish (SanClient     *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return finish_pointer (self, result, san_client_list_staff_audit_async, error);
}
