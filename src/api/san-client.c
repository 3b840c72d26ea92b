/* san-client.c: the SAN portal API client
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-api"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "san-client.h"

#include "san-api-error-private.h"
#include "san-client-private.h"
#include "san-json-private.h"
#include "san-me-private.h"
#include "san-page-private.h"
#include "san-service-private.h"
#include "san-user-private.h"

/* Seconds before the access token's expiry at which it is refreshed first */
#define EXPIRY_MARGIN_SECONDS 10
/* the page size list_all_services() asks for */
#define PAGE_LIMIT 100
#define READ_CHUNK_SIZE 16384

struct _SanClient
{
  GObject        parent_instance;

  char          *base_uri;
  SanTokenStore *store;
  SoupSession   *session;
  GCancellable  *cancellable;      /* the client's own work; cancelled in dispose */

  SanTokens     *tokens;           /* NULL without a session */
  char          *email;            /* of the signed-in session */
  guint          serial;           /* changes whenever the session does */

  GPtrArray     *refresh_waiters;  /* call GTasks waiting for the refresh */
  GPtrArray     *store_waiters;    /* GTasks waiting for the store to be in step */

  guint          signed_in : 1;
  guint          refreshing : 1;
  guint          store_busy : 1;
  guint          store_dirty : 1;
};

enum {
  PROP_0,
  PROP_BASE_URI,
  PROP_STORE,
  PROP_SIGNED_IN,
  PROP_EMAIL,
  N_PROPS
};

enum {
  SIGNED_OUT,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (SanClient, san_client, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* One HTTP exchange */
typedef struct
{
  const char   *method;
  char         *path;          /* "/api/v1/..." with an escaped query */
  GBytes       *body;          /* JSON or NULL; wiped when freed */
  char         *content_type;  /* of the body: NULL for JSON */
  char        **headers;       /* name, value, ...: sent with it; or NULL */
  char         *sent_token;    /* the access token it went with; wiped */
  SoupMessage  *message;
  GInputStream *stream;
  GByteArray   *answer;
  guint         auth : 1;        /* sends the access token */
  guint         no_content : 1;  /* answers with no body */
  guint         binary : 1;      /* answers with any body */
  guint         refreshed : 1;   /* refreshed after a 401 already */
  guint         token_only : 1;  /* sends nothing: completes with the access token */
} Call;

static void call_start (GTask *task);
static void call_send  (GTask *task);

/* Helpers */

static void
wipe_string (char *text)
{
  if (text == NULL)
    return;
  explicit_bzero (text, strlen (text));
  g_free (text);
}

static void
wipe_bytes_data (gpointer data)
{
  wipe_string (data);
}

GBytes *
san_client_secret_bytes_new_take (GString *text)
{
  gsize len = text->len;
  char *data = g_string_free (text, FALSE);

  return g_bytes_new_with_free_func (data, len, wipe_bytes_data, data);
}

GString *
san_client_secret_string_new (gsize text_len)
{
  return g_string_sized_new (64 + 6 * text_len);
}

char *
san_client_escape (const char *text)
{
  return g_uri_escape_string (text, NULL, FALSE);
}

/* The answer of a SAN_CALL_BINARY call */
typedef struct
{
  GBytes *body;
  char   *content_type;
} BinaryAnswer;

static void
binary_answer_free (BinaryAnswer *answer)
{
  g_clear_pointer (&answer->body, g_bytes_unref);
  g_clear_pointer (&answer->content_type, g_free);
  g_free (answer);
}

static void
call_free (Call *call)
{
  g_clear_pointer (&call->path, g_free);
  g_clear_pointer (&call->body, g_bytes_unref);
  g_clear_pointer (&call->content_type, g_free);
  g_clear_pointer (&call->headers, g_strfreev);
  g_clear_pointer (&call->sent_token, wipe_string);
  g_clear_object (&call->stream);
  g_clear_object (&call->message);
  g_clear_pointer (&call->answer, g_byte_array_unref);
  g_free (call);
}

static gboolean
tokens_expiring (const SanTokens *tokens)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  return now >= tokens->expires_at - EXPIRY_MARGIN_SECONDS;
}

static void
set_signed_in (SanClient  *self,
               gboolean    signed_in,
               const char *email)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (!signed_in)
    email = NULL;
  if (self->signed_in != !!signed_in)
    {
      self->signed_in = !!signed_in;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNED_IN]);
    }
  if (g_strcmp0 (self->email, email) != 0)
    {
      g_free (self->email);
      self->email = g_strdup (email);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static gboolean
is_loopback_host (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (g_ascii_strcasecmp (host, "localhost") == 0 ||
      g_ascii_strcasecmp (host, "localhost.") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

static gboolean
base_uri_is_loopback (const char *base_uri)
{
  g_autoptr(GUri) uri = g_uri_parse (base_uri, G_URI_FLAGS_ENCODED, NULL);

  return uri != NULL && g_uri_get_host (uri) != NULL && is_loopback_host (g_uri_get_host (uri));
}

static char *
normalize_base_uri (const char  *text,
                    GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *scheme = NULL;
  g_autofree char *path = NULL;
  g_autofree char *host = NULL;

  uri = g_uri_parse (text, G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL)
    {
      g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_INVALID_INPUT,
                   _("“%s” is not a web address."), text);
      return NULL;
    }

  scheme = g_ascii_strdown (g_uri_get_scheme (uri), -1);
  if (!g_str_equal (scheme, "https") && !g_str_equal (scheme, "http"))
    {
      g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_INVALID_INPUT,
                   _("“%s” is not an https:// address."), text);
      return NULL;
    }

  host = g_ascii_strdown (g_uri_get_host (uri) ? g_uri_get_host (uri) : "", -1);
  if (*host == '\0' ||
      g_uri_get_userinfo (uri) != NULL ||
      g_uri_get_query (uri) != NULL ||
      g_uri_get_fragment (uri) != NULL)
    {
      g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_INVALID_INPUT,
                   _("“%s” is not a server address (like https://portal.example.com)."), text);
      return NULL;
    }

  if (g_str_equal (scheme, "http") && !is_loopback_host (host))
    {
      g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_INSECURE,
                   _("Plain http:// is only allowed to this computer. Use https://%s instead."),
                   host);
      return NULL;
    }

  path = g_strdup (g_uri_get_path (uri));
  for (gsize len = strlen (path); len > 0 && path[len - 1] == '/'; len--)
    path[len - 1] = '\0';

  return g_uri_join (G_URI_FLAGS_ENCODED, scheme, NULL, host, g_uri_get_port (uri),
                     path, NULL, NULL);
}

/* Keeping the store in step with self->tokens
 *
 * Saves and clears run one at a time, so a clear can never be overtaken by
 * an older save. A waiter completes once the store holds what self->tokens
 * held when it asked, or later. */

static void store_sync_start (SanClient *self);

static void
store_synced (SanClient *self,
              GError    *error)
{
  g_autoptr(GPtrArray) waiters = NULL;

  self->store_busy = FALSE;
  if (self->store_dirty)
    {
      g_clear_error (&error);
      store_sync_start (self);
      return;
    }

  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("The session store failed: %s", error->message);

  waiters = g_steal_pointer (&self->store_waiters);
  self->store_waiters = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < waiters->len; i++)
    {
      GTask *task = g_ptr_array_index (waiters, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_boolean (task, TRUE);
    }
  g_clear_error (&error);
}

static void
on_store_saved_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SanClient) self = user_data;
  GError *error = NULL;

  san_token_store_save_finish (SAN_TOKEN_STORE (source), result, &error);
  store_synced (self, error);
}

static void
on_store_cleared_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(SanClient) self = user_data;
  GError *error = NULL;

  san_token_store_clear_finish (SAN_TOKEN_STORE (source), result, &error);
  store_synced (self, error);
}

static void
store_sync_start (SanClient *self)
{
  self->store_busy = TRUE;
  self->store_dirty = FALSE;
  if (self->tokens != NULL)
    san_token_store_save_async (self->store, self->base_uri, self->tokens, NULL,
                                on_store_saved_cb, g_object_ref (self));
  else
    san_token_store_clear_async (self->store, self->base_uri, NULL,
                                 on_store_cleared_cb, g_object_ref (self));
}

static void
store_sync_async (SanClient           *self,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, user_data);

  g_task_set_source_tag (task, store_sync_async);
  g_ptr_array_add (self->store_waiters, g_steal_pointer (&task));

  if (self->store_busy)
    self->store_dirty = TRUE;
  else
    store_sync_start (self);
}

static gboolean
store_sync_finish (SanClient     *self,
                   GAsyncResult  *result,
                   GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Signing out here: forget the tokens, clear the store, then tell */

static void
on_sign_out_synced_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  SanClient *self = SAN_CLIENT (source);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  gboolean was_signed_in = GPOINTER_TO_INT (g_task_get_task_data (task));

  store_sync_finish (self, result, &error);
  if (was_signed_in)
    g_signal_emit (self, signals[SIGNED_OUT], 0);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
sign_out_async (SanClient           *self,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, user_data);

  g_task_set_source_tag (task, sign_out_async);
  g_task_set_task_data (task, GINT_TO_POINTER (self->signed_in), NULL);

  g_clear_pointer (&self->tokens, san_tokens_free);
  self->serial++;
  set_signed_in (self, FALSE, NULL);
  store_sync_async (self, on_sign_out_synced_cb, g_steal_pointer (&task));
}

static gboolean
sign_out_finish (SanClient     *self,
                 GAsyncResult  *result,
                 GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The token answer of login and refresh */
static gboolean
parse_token_answer (JsonObject  *object,
                    SanTokens  **out_tokens,
                    SanUser    **out_user,
                    GError     **error)
{
  const char *access_token, *refresh_token, *token_type;
  JsonObject *user_object;
  gint64 expires_in;
  SanUser *user;

  if (!san_json_read_string (object, "access_token", FALSE, &access_token, error) ||
      !san_json_read_string (object, "refresh_token", FALSE, &refresh_token, error) ||
      !san_json_read_string (object, "token_type", FALSE, &token_type, error) ||
      !san_json_read_int (object, "expires_in", 0, G_MAXINT32, &expires_in, error) ||
      !san_json_read_object (object, "user", FALSE, &user_object, error))
    return FALSE;

  if (g_ascii_strcasecmp (token_type, "Bearer") != 0)
    {
      san_json_set_unknown_word (error, "token_type", token_type);
      return FALSE;
    }

  user = san_user_new_from_json (user_object, error);
  if (user == NULL)
    return FALSE;

  *out_tokens = san_tokens_new (san_user_get_email (user), access_token, refresh_token,
                                g_get_real_time () / G_USEC_PER_SEC + expires_in);
  *out_user = user;
  return TRUE;
}

/* Refreshing: one request at a time, whoever needs it waits for it */

static GPtrArray *
refresh_steal_waiters (SanClient *self)
{
  GPtrArray *waiters = g_steal_pointer (&self->refresh_waiters);

  self->refresh_waiters = g_ptr_array_new_with_free_func (g_object_unref);
  return waiters;
}

static void
fail_tasks (GPtrArray    *tasks,
            const GError *error)
{
  for (guint i = 0; i < tasks->len; i++)
    g_task_return_error (g_ptr_array_index (tasks, i), g_error_copy (error));
}

static void
refresh_fail_waiters (SanClient    *self,
                      const GError *error)
{
  g_autoptr(GPtrArray) waiters = refresh_steal_waiters (self);

  fail_tasks (waiters, error);
}

static void
refresh_resume_waiters (SanClient *self)
{
  g_autoptr(GPtrArray) waiters = refresh_steal_waiters (self);

  for (guint i = 0; i < waiters->len; i++)
    call_send (g_object_ref (g_ptr_array_index (waiters, i)));
}

static void
on_refresh_signed_out_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GPtrArray) waiters = user_data;
  g_autoptr(GError) error = san_api_error_session_ended ();

  sign_out_finish (SAN_CLIENT (source), result, NULL);
  fail_tasks (waiters, error);
}

static void
call_async (SanClient           *self,
            const char          *method,
            char                *path,
            GBytes              *body,
            SanCallFlags         flags,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data);
static JsonNode *call_finish (SanClient     *self,
                              GAsyncResult  *result,
                              GError       **error);

static void
on_refresh_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  SanClient *self = SAN_CLIENT (source);
  guint serial = GPOINTER_TO_UINT (user_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(SanTokens) tokens = NULL;
  g_autoptr(SanUser) user = NULL;

  self->refreshing = FALSE;
  root = call_finish (self, result, &error);

  if (serial != self->serial)
    {
      /* Signed out or in again meanwhile: the waiters go with what there is now */
      refresh_resume_waiters (self);
      return;
    }

  if (root == NULL)
    {
      if (g_error_matches (error, SAN_API_ERROR, SAN_API_ERROR_UNAUTHORIZED))
        {
          /* The refresh token is no longer good: the session is over */
          sign_out_async (self, on_refresh_signed_out_cb, refresh_steal_waiters (self));
          return;
        }
      refresh_fail_waiters (self, error);
      return;
    }

  if (!parse_token_answer (json_node_get_object (root), &tokens, &user, &error))
    {
      g_prefix_error (&error, _("The server’s answer to a session refresh is not valid: "));
      refresh_fail_waiters (self, error);
      return;
    }

  g_clear_pointer (&self->tokens, san_tokens_free);
  self->tokens = g_steal_pointer (&tokens);
  /* The old refresh token no longer works: keep the new one */
  store_sync_async (self, NULL, NULL);
  refresh_resume_waiters (self);
}

static void
refresh_wait (SanClient *self,
              GTask     *task)
{
  GString *body;

  g_ptr_array_add (self->refresh_waiters, task);
  if (self->refreshing)
    return;

  if (self->tokens == NULL)
    {
      g_autoptr(GError) error = san_api_error_not_signed_in ();

      refresh_fail_waiters (self, error);
      return;
    }

  self->refreshing = TRUE;
  body = san_client_secret_string_new (strlen (self->tokens->refresh_token));
  g_string_append (body, "{\"refresh_token\":");
  san_json_append_string (body, self->tokens->refresh_token);
  g_string_append_c (body, '}');

  /* Not the caller's cancellable: others may wait for this refresh */
  call_async (self, "POST", g_strdup ("/api/v1/auth/refresh"),
              san_client_secret_bytes_new_take (body), SAN_CALL_NONE, self->cancellable,
              on_refresh_cb, GUINT_TO_POINTER (self->serial));
}

/* One HTTP exchange: send, read the answer (at most
 * SAN_API_MAX_RESPONSE_SIZE), map errors, parse the JSON */

static void
on_call_signed_out_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;

  sign_out_finish (SAN_CLIENT (source), result, NULL);
  g_task_return_error (task, san_api_error_session_ended ());
}

static void
call_handle_answer (GTask *task)
{
  SanClient *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  g_autoptr(GBytes) body = g_byte_array_free_to_bytes (g_steal_pointer (&call->answer));
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers = soup_message_get_response_headers (call->message);
  guint status = soup_message_get_status (call->message);
  JsonNode *root;

  g_clear_object (&call->stream);

  if (status == SOUP_STATUS_UNAUTHORIZED && call->auth)
    {
      g_autofree char *code = san_api_problem_code (headers, body);

      if (g_strcmp0 (code, "token_expired") == 0 || g_strcmp0 (code, "invalid_token") == 0)
        {
          if (!call->refreshed)
            {
              call->refreshed = TRUE;
              if (self->tokens != NULL && !self->refreshing &&
                  g_strcmp0 (self->tokens->access_token, call->sent_token) != 0)
                call_send (task);   /* refreshed by another call meanwhile */
              else
                refresh_wait (self, task);
              return;
            }

          /* A fresh token refused as well: this session cannot go on */
          sign_out_async (self, on_call_signed_out_cb, task);
          return;
        }
    }

  if (status >= 200 && status < 300)
    {
      if (call->no_content)
        {
          /* Whatever came with it does not matter */
          g_task_return_pointer (task, json_node_new (JSON_NODE_NULL),
                                 (GDestroyNotify) json_node_unref);
          g_object_unref (task);
          return;
        }

      if (call->binary)
        {
          BinaryAnswer *answer = g_new0 (BinaryAnswer, 1);
          const char *content_type = soup_message_headers_get_content_type (headers, NULL);

          answer->body = g_bytes_ref (body);
          answer->content_type = g_strdup (content_type);
          g_task_return_pointer (task, answer, (GDestroyNotify) binary_answer_free);
          g_object_unref (task);
          return;
        }

      root = san_json_parse_object (body, &error);
      if (root == NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_pointer (task, root, (GDestroyNotify) json_node_unref);
      g_object_unref (task);
      return;
    }

  g_task_return_error (task, san_api_error_from_response (status, headers, body));
  g_object_unref (task);
}

static void
on_call_read_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  Call *call = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize size;

  bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, san_api_error_from_transport (g_steal_pointer (&error)));
      g_object_unref (task);
      return;
    }

  size = g_bytes_get_size (bytes);
  if (size == 0)
    {
      call_handle_answer (task);
      return;
    }

  if (call->answer->len + size > SAN_API_MAX_RESPONSE_SIZE)
    {
      g_task_return_new_error (task, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                               _("The server’s answer is too large."));
      g_object_unref (task);
      return;
    }

  g_byte_array_append (call->answer, g_bytes_get_data (bytes, NULL), size);
  g_input_stream_read_bytes_async (call->stream, READ_CHUNK_SIZE, G_PRIORITY_DEFAULT,
                                   g_task_get_cancellable (task), on_call_read_cb, task);
}

static void
on_call_sent_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  Call *call = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  goffset length;

  call->stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (call->stream == NULL)
    {
      g_task_return_error (task, san_api_error_from_transport (g_steal_pointer (&error)));
      g_object_unref (task);
      return;
    }

  length = soup_message_headers_get_content_length (soup_message_get_response_headers (call->message));
  if (length > SAN_API_MAX_RESPONSE_SIZE)
    {
      g_task_return_new_error (task, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                               _("The server’s answer is too large."));
      g_object_unref (task);
      return;
    }

  call->answer = g_byte_array_new ();
  g_input_stream_read_bytes_async (call->stream, READ_CHUNK_SIZE, G_PRIORITY_DEFAULT,
                                   g_task_get_cancellable (task), on_call_read_cb, task);
}

/* Takes @task */
static void
call_send (GTask *task)
{
  SanClient *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  g_autofree char *uri = g_strconcat (self->base_uri, call->path, NULL);
  SoupMessageHeaders *headers;

  g_clear_object (&call->message);
  g_clear_object (&call->stream);
  g_clear_pointer (&call->answer, g_byte_array_unref);
  g_clear_pointer (&call->sent_token, wipe_string);

  if (call->auth && self->tokens == NULL)
    {
      g_task_return_error (task, san_api_error_not_signed_in ());
      g_object_unref (task);
      return;
    }

  if (call->token_only)
    {
      g_task_return_pointer (task, g_strdup (self->tokens->access_token),
                             (GDestroyNotify) wipe_string);
      g_object_unref (task);
      return;
    }

  call->message = soup_message_new (call->method, uri);
  if (call->message == NULL)
    {
      g_task_return_new_error (task, SAN_API_ERROR, SAN_API_ERROR_INVALID_INPUT,
                               _("The request’s address is not valid."));
      g_object_unref (task);
      return;
    }

  /* A redirect could carry the token elsewhere: the API has none */
  soup_message_add_flags (call->message, SOUP_MESSAGE_NO_REDIRECT);
  headers = soup_message_get_request_headers (call->message);
  soup_message_headers_replace (headers, "Accept", "application/json, application/problem+json");
  for (guint i = 0; call->headers != NULL && call->headers[i] != NULL && call->headers[i + 1] != NULL; i += 2)
    soup_message_headers_replace (headers, call->headers[i], call->headers[i + 1]);

  if (call->auth)
    {
      GString *value = san_client_secret_string_new (strlen (self->tokens->access_token));

      g_string_append (value, "Bearer ");
      g_string_append (value, self->tokens->access_token);
      soup_message_headers_replace (headers, "Authorization", value->str);
      wipe_string (g_string_free (value, FALSE));
      call->sent_token = g_strdup (self->tokens->access_token);
    }

  if (call->body != NULL)
    soup_message_set_request_body_from_bytes (call->message,
                                              call->content_type != NULL ? call->content_type
                                                                         : "application/json",
                                              call->body);

  soup_session_send_async (self->session, call->message, G_PRIORITY_DEFAULT,
                           g_task_get_cancellable (task), on_call_sent_cb, task);
}

/* Takes @task */
static void
call_start (GTask *task)
{
  SanClient *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);

  if (call->auth)
    {
      if (self->tokens == NULL)
        {
          g_task_return_error (task, san_api_error_not_signed_in ());
          g_object_unref (task);
          return;
        }
      if (self->refreshing || tokens_expiring (self->tokens))
        {
          refresh_wait (self, task);
          return;
        }
    }

  call_send (task);
}

void
san_client_call_async (SanClient           *self,
                       const char          *method,
                       char                *path,
                       GBytes              *body,
                       SanCallFlags         flags,
                       const char * const  *headers,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  san_client_call_typed_async (self, method, path, body, NULL, flags, headers,
                               cancellable, callback, user_data);
}

void
san_client_call_typed_async (SanClient           *self,
                             const char          *method,
                             char                *path,
                             GBytes              *body,
                             const char          *content_type,
                             SanCallFlags         flags,
                             const char * const  *headers,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Call *call = g_new0 (Call, 1);

  g_task_set_source_tag (task, san_client_call_async);
  call->method = method;
  call->path = path;
  call->body = body;
  call->content_type = g_strdup (content_type);
  call->headers = g_strdupv ((char **) headers);
  call->auth = (flags & SAN_CALL_AUTH) != 0;
  call->no_content = (flags & SAN_CALL_NO_CONTENT) != 0;
  call->binary = (flags & SAN_CALL_BINARY) != 0;
  g_task_set_task_data (task, call, (GDestroyNotify) call_free);

  call_start (task);
}

JsonNode *
san_client_call_finish (SanClient     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == san_client_call_async, NULL);
  g_return_val_if_fail (!((Call *) g_task_get_task_data (G_TASK (result)))->binary, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

GBytes *
san_client_call_finish_bytes (SanClient     *self,
                              GAsyncResult  *result,
                              char         **out_content_type,
                              GError       **error)
{
  BinaryAnswer *answer;
  GBytes *body;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == san_client_call_async, NULL);
  g_return_val_if_fail (((Call *) g_task_get_task_data (G_TASK (result)))->binary, NULL);

  answer = g_task_propagate_pointer (G_TASK (result), error);
  if (answer == NULL)
    return NULL;
  body = g_steal_pointer (&answer->body);
  if (out_content_type != NULL)
    *out_content_type = g_steal_pointer (&answer->content_type);
  binary_answer_free (answer);
  return body;
}

SoupSession *
san_client_get_session (SanClient *self)
{
  g_return_val_if_fail (SAN_IS_CLIENT (self), NULL);

  return self->session;
}

char *
san_client_dup_websocket_uri (SanClient  *self,
                              const char *path)
{
  g_return_val_if_fail (SAN_IS_CLIENT (self), NULL);
  g_return_val_if_fail (path != NULL && *path == '/', NULL);

  /* normalize_base_uri() allows only https:// and (to loopback) http:// */
  if (g_str_has_prefix (self->base_uri, "https://"))
    return g_strconcat ("wss://", self->base_uri + strlen ("https://"), path, NULL);
  g_assert (g_str_has_prefix (self->base_uri, "http://"));
  return g_strconcat ("ws://", self->base_uri + strlen ("http://"), path, NULL);
}

void
san_client_get_access_token_async (SanClient           *self,
                                   const char          *refused_token,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task;
  Call *call;

  g_return_if_fail (SAN_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, san_client_get_access_token_async);
  call = g_new0 (Call, 1);
  call->method = "GET";
  call->auth = TRUE;
  call->token_only = TRUE;
  g_task_set_task_data (task, call, (GDestroyNotify) call_free);

  /* Refused and not replaced meanwhile: refresh it (with the others who
   * need it) */
  if (refused_token != NULL && self->tokens != NULL && !self->refreshing &&
      g_strcmp0 (self->tokens->access_token, refused_token) == 0)
    {
      refresh_wait (self, task);
      return;
    }
  call_start (task);
}

char *
san_client_get_access_token_finish (SanClient     *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == san_client_get_access_token_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
san_client_wipe_token (char *token)
{
  wipe_string (token);
}

static void
call_async (SanClient           *self,
            const char          *method,
            char                *path,
            GBytes              *body,
            SanCallFlags         flags,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  san_client_call_async (self, method, path, body, flags, NULL, cancellable, callback, user_data);
}

static JsonNode *
call_finish (SanClient     *self,
             GAsyncResult  *result,
             GError       **error)
{
  return san_client_call_finish (self, result, error);
}

/* GObject */

static void
san_client_dispose (GObject *object)
{
  SanClient *self = (SanClient *) object;

  g_cancellable_cancel (self->cancellable);
  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (san_client_parent_class)->dispose (object);
}

static void
san_client_finalize (GObject *object)
{
  SanClient *self = (SanClient *) object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->tokens, san_tokens_free);
  g_clear_pointer (&self->base_uri, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->refresh_waiters, g_ptr_array_unref);
  g_clear_pointer (&self->store_waiters, g_ptr_array_unref);

  G_OBJECT_CLASS (san_client_parent_class)->finalize (object);
}

static void
san_client_constructed (GObject *object)
{
  SanClient *self = (SanClient *) object;

  G_OBJECT_CLASS (san_client_parent_class)->constructed (object);

  g_assert (self->base_uri != NULL);
  if (self->store == NULL)
    self->store = san_secret_token_store_new ();

  /* This computer's server is reached directly, never through a proxy:
   * plain http:// to it must not carry the tokens anywhere else */
  if (base_uri_is_loopback (self->base_uri))
    {
      g_autoptr(GProxyResolver) direct = g_simple_proxy_resolver_new (NULL, NULL);

      soup_session_set_proxy_resolver (self->session, direct);
    }
}

static void
san_client_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SanClient *self = SAN_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URI:
      g_value_set_string (value, self->base_uri);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SIGNED_IN:
      g_value_set_boolean (value, self->signed_in);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_client_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SanClient *self = SAN_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URI:
      self->base_uri = g_value_dup_string (value);
      break;
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_client_class_init (SanClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = san_client_constructed;
  object_class->dispose = san_client_dispose;
  object_class->finalize = san_client_finalize;
  object_class->get_property = san_client_get_property;
  object_class->set_property = san_client_set_property;

  /* Normalized by san_client_new(), which is the way to make a client */
  properties[PROP_BASE_URI] =
    g_param_spec_string ("base-uri", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SAN_TYPE_TOKEN_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIGNED_IN] =
    g_param_spec_boolean ("signed-in", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The session ended: by logout, or because the server refused both the
   * access and the refresh token. */
  signals[SIGNED_OUT] =
    g_signal_new ("signed-out",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
san_client_init (SanClient *self)
{
  self->cancellable = g_cancellable_new ();
  self->refresh_waiters = g_ptr_array_new_with_free_func (g_object_unref);
  self->store_waiters = g_ptr_array_new_with_free_func (g_object_unref);
  self->session = soup_session_new_with_options ("user-agent", "san-client-area/" PACKAGE_VERSION,
                                                 "timeout", 30,
                                                 "idle-timeout", 60,
                                                 "accept-language-auto", TRUE,
                                                 NULL);
}

/* Public API */

SanClient *
san_client_new (const char     *base_uri,
                SanTokenStore  *store,
                GError        **error)
{
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (base_uri != NULL, NULL);
  g_return_val_if_fail (store == NULL || SAN_IS_TOKEN_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  normalized = normalize_base_uri (base_uri, error);
  if (normalized == NULL)
    return NULL;

  return g_object_new (SAN_TYPE_CLIENT,
                       "base-uri", normalized,
                       "store", store,
                       NULL);
}

const char *
san_client_get_base_uri (SanClient *self)
{
  g_return_val_if_fail (SAN_IS_CLIENT (self), NULL);

  return self->base_uri;
}

gboolean
san_client_get_signed_in (SanClient *self)
{
  g_return_val_if_fail (SAN_IS_CLIENT (self), FALSE);

  return self->signed_in;
}

const char *
san_client_get_email (SanClient *self)
{
  g_return_val_if_fail (SAN_IS_CLIENT (self), NULL);

  return self->email;
}

/* login */

static void
on_login_stored_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  SanClient *self = SAN_CLIENT (source);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  guint serial = GPOINTER_TO_UINT (g_task_get_task_data (task));

  /* Without a keyring the session still works; it is just not remembered */
  if (!store_sync_finish (self, result, &error))
    g_debug ("The session could not be kept: %s", error->message);

  if (serial != self->serial)
    {
      g_task_return_error (task, san_api_error_session_ended ());
      return;
    }

  set_signed_in (self, TRUE, self->tokens->email);
  g_task_return_boolean (task, TRUE);
}

static void
on_login_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  SanClient *self = SAN_CLIENT (source);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(SanTokens) tokens = NULL;
  g_autoptr(SanUser) user = NULL;

  root = call_finish (self, result, &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!parse_token_answer (json_node_get_object (root), &tokens, &user, &error))
    {
      g_prefix_error (&error, _("The server’s answer to the sign-in is not valid: "));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_clear_pointer (&self->tokens, san_tokens_free);
  self->tokens = g_steal_pointer (&tokens);
  self->serial++;
  g_task_set_task_data (task, GUINT_TO_POINTER (self->serial), NULL);
  store_sync_async (self, on_login_stored_cb, g_steal_pointer (&task));
}

void
san_client_login_async (SanClient           *self,
                        const char          *email,
                        const char          *password,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GString *body;

  g_return_if_fail (SAN_IS_CLIENT (self));
  g_return_if_fail (email != NULL);
  g_return_if_fail (password != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, san_client_login_async);

  if (!g_utf8_validate (email, -1, NULL) || !g_utf8_validate (password, -1, NULL))
    {
      g_task_return_new_error (task, SAN_API_ERROR, SAN_API_ERROR_INVALID_INPUT,
                               _("The e-mail or password is not valid text."));
      return;
    }

  body = san_client_secret_string_new (strlen (email) + strlen (password));
  g_string_append (body, "{\"email\":");
  san_json_append_string (body, email);
  g_string_append (body, ",\"password\":");
  san_json_append_string (body, password);
  g_string_append_c (body, '}');

  call_async (self, "POST", g_strdup ("/api/v1/auth/login"), san_client_secret_bytes_new_take (body),
              SAN_CALL_NONE, cancellable, on_login_cb, g_steal_pointer (&task));
}

gboolean
san_client_login_finish (SanClient     *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (SAN_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == san_client_login_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* restore */

typedef struct
{
  GError *error;
  guint   serial;
} OpData;

static void
op_data_free (OpData *data)
{
  g_clear_error (&data->error);
  g_free (data);
}

static void
on_restore_forgotten_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;

  store_sync_finish (SAN_CLIENT (source), result, NULL);
  g_task_return_error (task, san_api_error_not_signed_in ());
}

static void
on_restore_me_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SanClient *self = SAN_CLIENT (source);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(SanMe) me = NULL;
  OpData *data = g_task_get_task_data (task);

  root = call_finish (self, result, &error);
  if (root != NULL)
    {
      me = san_me_new_from_json (json_node_get_object (root), &error);
      if (me == NULL)
        g_prefix_error (&error, _("The server’s answer is not valid: "));
    }

  if (data->serial != self->serial)
    {
      /* Signed in, or out, by another call meanwhile */
      if (error != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else if (self->signed_in)
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, san_api_error_not_signed_in ());
      return;
    }

  if (me != NULL)
    {
      set_signed_in (self, TRUE, san_user_get_email (san_me_get_user (me)));
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* Not signed in: the stored session stays for another try, unless the
   * server said it is over */
  g_clear_pointer (&self->tokens, san_tokens_free);
  self->serial++;

  if (g_error_matches (error, SAN_API_ERROR, SAN_API_ERROR_UNAUTHORIZED))
    {
      store_sync_async (self, on_restore_forgotten_cb, g_steal_pointer (&task));
      return;
    }

  g_task_return_error (task, g_steal_pointer (&error));
}

static void
on_restore_loaded_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SanTokens) tokens = NULL;
  SanClient *self = g_task_get_source_object (task);
  OpData *data = g_task_get_task_data (task);
  GCancellable *cancellable;

  tokens = san_token_store_load_finish (SAN_TOKEN_STORE (source), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (tokens == NULL)
    {
      g_task_return_error (task, san_api_error_not_signed_in ());
      return;
    }

  g_clear_pointer (&self->tokens, san_tokens_free);
  self->tokens = g_steal_pointer (&tokens);
  self->serial++;
  data->serial = self->serial;
  set_signed_in (self, FALSE, NULL);

  cancellable = g_task_get_cancellable (task);
  call_async (self, "GET", g_strdup ("/api/v1/me"), NULL, SAN_CALL_AUTH,
              cancellable, on_restore_me_cb, g_steal_pointer (&task));
}

void
san_client_restore_async (SanClient           *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SAN_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, san_client_restore_async);
  g_task_set_task_data (task, g_new0 (OpData, 1), (GDestroyNotify) op_data_free);

  san_token_store_load_async (self->store, self->base_uri, cancellable,
                              on_restore_loaded_cb, g_steal_pointer (&task));
}

gboolean
san_client_restore_finish (SanClient     *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (SAN_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == san_client_restore_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* logout */

static void
on_logout_signed_out_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  SanClient *self = SAN_CLIENT (source);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) store_error = NULL;
  OpData *data = g_task_get_task_data (task);
  GError *server_error = data->error;

  sign_out_finish (self, result, &store_error);

  if (server_error != NULL &&
      (g_error_matches (server_error, SAN_API_ERROR, SAN_API_ERROR_UNAUTHORIZED) ||
       g_error_matches (server_error, SAN_API_ERROR, SAN_API_ERROR_NOT_SIGNED_IN)))
    server_error = NULL;   /* the session had ended on the server already */

  if (server_error != NULL && g_error_matches (server_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_task_return_error (task, g_error_copy (server_error));
  else if (server_error != NULL)
    g_task_return_new_error (task, server_error->domain, server_error->code,
                             _("You are signed out on this computer, but the server could not be told: %s"),
                             server_error->message);
  else if (store_error != NULL)
    g_task_return_new_error (task, store_error->domain, store_error->code,
                             _("You are signed out, but the session could not be removed from the keyring: %s"),
                             store_error->message);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_logout_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  SanClient *self = SAN_CLIENT (source);
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) root = NULL;
  OpData *data = g_task_get_task_data (task);

  /* Whatever the server said, the session ends here */
  root = call_finish (self, result, &data->error);
  sign_out_async (self, on_logout_signed_out_cb, g_steal_pointer (&task));
}

void
san_client_logout_async (SanClient           *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SAN_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, san_client_logout_async);
  g_task_set_task_data (task, g_new0 (OpData, 1), (GDestroyNotify) op_data_free);

  if (self->tokens == NULL)
    {
      sign_out_async (self, on_logout_signed_out_cb, g_steal_pointer (&task));
      return;
    }

  call_async (self, "POST", g_strdup ("/api/v1/auth/logout"), NULL, SAN_CALL_AUTH | SAN_CALL_NO_CONTENT,
              cancellable, on_logout_cb, g_steal_pointer (&task));
}

gboolean
san_client_logout_finish (SanClient     *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (SAN_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == san_client_logout_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* me */

static void
on_fetch_me_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  SanMe *me;

  root = call_finish (SAN_CLIENT (source), result, &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  me = san_me_new_from_json (json_node_get_object (root), &error);
  if (me == NULL)
    {
      g_prefix_error (&error, _("The server’s answer is not valid: "));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, me, g_object_unref);
}

void
san_client_fetch_me_async (SanClient           *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SAN_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, san_client_fetch_me_async);

  call_async (self, "GET", g_strdup ("/api/v1/me"), NULL, SAN_CALL_AUTH,
              cancellable, on_fetch_me_cb, g_steal_pointer (&task));
}

SanMe *
san_client_fetch_me_finish (SanClient     *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (SAN_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == san_client_fetch_me_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* services */

static gpointer
service_from_json (JsonObject  *object,
                   GError     **error)
{
  return san_service_new_from_json (object, error);
}

static void
on_list_services_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(SanPage) page = NULL;
  const char *contract_id = g_task_get_task_data (task);
  GListModel *items;
  guint n;

  root = call_finish (SAN_CLIENT (source), result, &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  page = san_page_new_from_json (json_node_get_object (root), SAN_TYPE_SERVICE,
                                 service_from_json, &error);
  if (page == NULL)
    {
      g_prefix_error (&error, _("The server’s list of services is not valid: "));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  items = san_page_get_items (page);
  n = g_list_model_get_n_items (items);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SanService) service = g_list_model_get_item (items, i);

      if (g_strcmp0 (san_service_get_contract_id (service), contract_id) != 0)
        {
          g_task_return_new_error (task, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                                   _("The server’s list of services is not valid: service %s is of another contract"),
                                   san_service_get_id (service));
          return;
        }
    }

  g_task_return_pointer (task, g_steal_pointer (&page), g_object_unref);
}

void
san_client_list_services_async (SanClient              *self,
                                const char             *contract_id,
                                const SanServiceStatus *status,
                                const char             *search,
                                const char             *cursor,
                                guint                   limit,
                                GCancellable           *cancellable,
                                GAsyncReadyCallback     callback,
                                gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *escaped_id = NULL;
  GString *path;
  char separator = '?';

  g_return_if_fail (SAN_IS_CLIENT (self));
  g_return_if_fail (contract_id != NULL && *contract_id != '\0');
  g_return_if_fail (status == NULL || san_service_status_to_wire (*status) != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, san_client_list_services_async);
  g_task_set_task_data (task, g_strdup (contract_id), g_free);

  escaped_id = san_client_escape (contract_id);
  path = g_string_new (NULL);
  g_string_append_printf (path, "/api/v1/contracts/%s/services", escaped_id);

#define ADD_PARAM(name, value)                                           \
  G_STMT_START {                                                         \
    g_autofree char *escaped_ = san_client_escape (value);               \
                                                                         \
    g_string_append_printf (path, "%c%s=%s", separator, name, escaped_); \
    separator = '&';                                                     \
  } G_STMT_END

  if (status != NULL)
    ADD_PARAM ("status", san_service_status_to_wire (*status));
  if (search != NULL && *search != '\0')
    ADD_PARAM ("q", search);
  if (cursor != NULL && *cursor != '\0')
    ADD_PARAM ("cursor", cursor);
  if (limit > 0)
    {
      g_autofree char *text = g_strdup_printf ("%u", limit);

      ADD_PARAM ("limit", text);
    }

#undef ADD_PARAM

  call_async (self, "GET", g_string_free (path, FALSE), NULL, SAN_CALL_AUTH,
              cancellable, on_list_services_cb, g_steal_pointer (&task));
}

SanPage *
san_client_list_services_finish (SanClient     *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (SAN_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == san_client_list_services_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  char             *contract_id;
  SanPageCollector *pages;
} ListAllData;

static void
list_all_data_free (ListAllData *data)
{
  g_free (data->contract_id);
  g_clear_pointer (&data->pages, san_page_collector_free);
  g_free (data);
}

static void
on_list_all_page_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  SanClient *self = SAN_CLIENT (source);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SanPage) page = NULL;
  ListAllData *data = g_task_get_task_data (task);
  GCancellable *cancellable;
  const char *cursor;

  page = san_client_list_services_finish (self, result, &error);
  if (page == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!san_page_collector_add (data->pages, page, _("The server’s list of services does not end."),
                               &cursor, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (cursor == NULL)
    {
      g_task_return_pointer (task, san_page_collector_dup_items (data->pages), g_object_unref);
      return;
    }

  cancellable = g_task_get_cancellable (task);
  san_client_list_services_async (self, data->contract_id, NULL, NULL, cursor, PAGE_LIMIT,
                                  cancellable, on_list_all_page_cb, g_steal_pointer (&task));
}

void
san_client_list_all_services_async (SanClient           *self,
                                    const char          *contract_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ListAllData *data;

  g_return_if_fail (SAN_IS_CLIENT (self));
  g_return_if_fail (contract_id != NULL && *contract_id != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, san_client_list_all_services_async);

  data = g_new0 (ListAllData, 1);
  data->contract_id = g_strdup (contract_id);
  data->pages = san_page_collector_new (SAN_TYPE_SERVICE);
  g_task_set_task_data (task, data, (GDestroyNotify) list_all_data_free);

  san_client_list_services_async (self, contract_id, NULL, NULL, NULL, PAGE_LIMIT,
                                  cancellable, on_list_all_page_cb, g_steal_pointer (&task));
}

GListModel *
san_client_list_all_services_finish (SanClient     *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (SAN_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == san_client_list_all_services_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  char *contract_id;
  char *service_id;
} GetServiceData;

static void
get_service_data_free (GetServiceData *data)
{
  g_free (data->contract_id);
  g_free (data->service_id);
  g_free (data);
}

static void
on_get_service_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(SanService) service = NULL;
  GetServiceData *data = g_task_get_task_data (task);

  root = call_finish (SAN_CLIENT (source), result, &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  service = san_service_new_from_json (json_node_get_object (root), &error);
  if (service == NULL)
    {
      g_prefix_error (&error, _("The server’s answer is not valid: "));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_strcmp0 (san_service_get_id (service), data->service_id) != 0 ||
      g_strcmp0 (san_service_get_contract_id (service), data->contract_id) != 0)
    {
      g_task_return_new_error (task, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                               _("The server answered with another service."));
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&service), g_object_unref);
}

void
san_client_get_service_async (SanClient           *self,
                              const char          *contract_id,
                              const char          *service_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *escaped_contract = NULL;
  g_autofree char *escaped_service = NULL;
  GetServiceData *data;

  g_return_if_fail (SAN_IS_CLIENT (self));
  g_return_if_fail (contract_id != NULL && *contract_id != '\0');
  g_return_if_fail (service_id != NULL && *service_id != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, san_client_get_service_async);
  data = g_new0 (GetServiceData, 1);
  data->contract_id = g_strdup (contract_id);
  data->service_id = g_strdup (service_id);
  g_task_set_task_data (task, data, (GDestroyNotify) get_service_data_free);

  escaped_contract = san_client_escape (contract_id);
  escaped_service = san_client_escape (service_id);
  call_async (self, "GET",
              g_strdup_printf ("/api/v1/contracts/%s/services/%s", escaped_contract, escaped_service),
              NULL, SAN_CALL_AUTH, cancellable, on_get_service_cb, g_steal_pointer (&task));
}

SanService *
san_client_get_service_finish (SanClient     *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (SAN_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == san_client_get_service_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
