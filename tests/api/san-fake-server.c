/* san-fake-server.c: an in-process SoupServer with canned answers
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "san-fake-server.h"

typedef struct
{
  guint     status;
  char     *content_type;
  char     *body;
  char     *header;
  guint     delay_ms;
  gboolean  auth;
} Answer;

typedef struct
{
  GHashTable *query;     /* name -> value */
  GHashTable *headers;   /* lower-case name -> value */
  char       *body;      /* as text */
  GBytes     *bytes;     /* as sent */
} Request;

struct _FakeServer
{
  SoupServer *server;
  char       *url;
  GHashTable *answers;    /* "METHOD /path" -> Answer */
  GHashTable *pages;      /* "/path\ncursor" -> body */
  GHashTable *counts;     /* "METHOD /path" -> count */
  GHashTable *requests;   /* "/path" -> Request */
  GPtrArray  *paused;     /* SoupServerMessage paused for a delay */
  char       *access_token;
  char       *refresh_token;
  gint64      expires_in;
  guint       serial;
  guint       refresh_delay_ms;
  gboolean    access_expired;
  gboolean    refuse_refresh;
};

typedef struct
{
  FakeServer        *self;
  SoupServerMessage *message;
  guint              id;
} Delay;

static void
answer_free (Answer *answer)
{
  g_free (answer->content_type);
  g_free (answer->body);
  g_free (answer->header);
  g_free (answer);
}

static void
request_free (Request *request)
{
  g_hash_table_unref (request->query);
  g_hash_table_unref (request->headers);
  g_free (request->body);
  g_clear_pointer (&request->bytes, g_bytes_unref);
  g_free (request);
}

static void
respond (SoupServerMessage *msg,
         guint              status,
         const char        *content_type,
         const char        *body)
{
  soup_server_message_set_status (msg, status, NULL);
  if (body != NULL)
    soup_server_message_set_response (msg, content_type ? content_type : "application/json",
                                      SOUP_MEMORY_COPY, body, strlen (body));
}

static void
respond_problem (SoupServerMessage *msg,
                 guint              status,
                 const char        *code)
{
  g_autofree char *body =
    g_strdup_printf ("{\"type\":\"https://docs.saninternet.com/api/problems/%s\","
                     "\"title\":\"%s\",\"status\":%u,\"detail\":\"%s\",\"code\":\"%s\"}",
                     code, code, status, code, code);

  respond (msg, status, "application/problem+json", body);
  if (status == SOUP_STATUS_UNAUTHORIZED)
    soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                  "WWW-Authenticate", "Bearer");
}

static gboolean
on_delay_cb (gpointer user_data)
{
  Delay *delay = user_data;

  delay->id = 0;
  g_ptr_array_remove (delay->self->paused, delay);
  return G_SOURCE_REMOVE;
}

static void
delay_free (Delay *delay)
{
  /* Removed from the array: by the timeout or at the end */
  if (delay->id != 0)
    g_source_remove (delay->id);
  soup_server_message_unpause (delay->message);
  g_object_unref (delay->message);
  g_free (delay);
}

static void
pause_for (FakeServer        *self,
           SoupServerMessage *msg,
           guint              delay_ms)
{
  Delay *delay;

  if (delay_ms == 0)
    return;

  delay = g_new0 (Delay, 1);
  delay->self = self;
  delay->message = g_object_ref (msg);
  soup_server_message_pause (msg);
  delay->id = g_timeout_add (delay_ms, on_delay_cb, delay);
  g_ptr_array_add (self->paused, delay);
}

static void
issue_tokens (FakeServer        *self,
              SoupServerMessage *msg)
{
  g_autofree char *body = NULL;

  self->serial++;
  g_free (self->access_token);
  g_free (self->refresh_token);
  self->access_token = g_strdup_printf ("access-%u-%08x", self->serial, g_random_int ());
  self->refresh_token = g_strdup_printf ("refresh-%u-%08x", self->serial, g_random_int ());
  self->access_expired = FALSE;

  body = g_strdup_printf ("{\"access_token\":\"%s\",\"refresh_token\":\"%s\","
                          "\"token_type\":\"Bearer\",\"expires_in\":%" G_GINT64_FORMAT ","
                          "\"user\":" FAKE_USER_JSON "}",
                          self->access_token, self->refresh_token, self->expires_in);
  respond (msg, SOUP_STATUS_OK, NULL, body);
}

/* The request's JSON body member, or NULL */
static char *
body_member (SoupServerMessage *msg,
             const char        *member)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) bytes = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  JsonNode *root;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   (gssize) g_bytes_get_size (bytes), NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return g_strdup (json_object_get_string_member_with_default (json_node_get_object (root),
                                                               member, NULL));
}

/* NULL when the Bearer token is good, else the 401 code */
static const char *
check_bearer (FakeServer        *self,
              SoupServerMessage *msg)
{
  const char *header = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                     "Authorization");

  if (header == NULL)
    return "unauthenticated";
  if (self->access_token == NULL || !g_str_has_prefix (header, "Bearer ") ||
      !g_str_equal (header + strlen ("Bearer "), self->access_token))
    return "invalid_token";
  if (self->access_expired)
    return "token_expired";
  return NULL;
}

static void
record (FakeServer        *self,
        SoupServerMessage *msg,
        const char        *key,
        const char        *path,
        GHashTable        *query)
{
  Request *request = g_new0 (Request, 1);
  g_autoptr(GBytes) body = NULL;
  SoupMessageHeadersIter iter;
  const char *name, *value;

  g_hash_table_insert (self->counts, g_strdup (key),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, key)) + 1));

  request->query = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (query != NULL)
    {
      GHashTableIter qiter;
      gpointer k, v;

      g_hash_table_iter_init (&qiter, query);
      while (g_hash_table_iter_next (&qiter, &k, &v))
        g_hash_table_insert (request->query, g_strdup (k), g_strdup (v));
    }

  request->headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  soup_message_headers_iter_init (&iter, soup_server_message_get_request_headers (msg));
  while (soup_message_headers_iter_next (&iter, &name, &value))
    g_hash_table_insert (request->headers, g_ascii_strdown (name, -1), g_strdup (value));

  body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  request->body = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  request->bytes = g_bytes_ref (body);

  g_hash_table_insert (self->requests, g_strdup (path), request);
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  FakeServer *self = user_data;
  const char *method = soup_server_message_get_method (msg);
  g_autofree char *key = g_strdup_printf ("%s %s", method, path);
  Answer *answer;
  const char *code;

  record (self, msg, key, path, query);
  answer = g_hash_table_lookup (self->answers, key);

  if (answer == NULL && g_str_equal (key, "POST /api/v1/auth/login"))
    {
      g_autofree char *password = body_member (msg, "password");

      if (g_strcmp0 (password, FAKE_PASSWORD) == 0)
        issue_tokens (self, msg);
      else
        respond_problem (msg, SOUP_STATUS_UNAUTHORIZED, "invalid_credentials");
      return;
    }

  if (answer == NULL && g_str_equal (key, "POST /api/v1/auth/refresh"))
    {
      g_autofree char *token = body_member (msg, "refresh_token");

      if (!self->refuse_refresh && self->refresh_token != NULL &&
          g_strcmp0 (token, self->refresh_token) == 0)
        issue_tokens (self, msg);
      else
        respond_problem (msg, SOUP_STATUS_UNAUTHORIZED, "invalid_refresh_token");
      pause_for (self, msg, self->refresh_delay_ms);
      return;
    }

  if (answer == NULL && g_str_equal (key, "POST /api/v1/auth/logout"))
    {
      code = check_bearer (self, msg);
      if (code != NULL)
        {
          respond_problem (msg, SOUP_STATUS_UNAUTHORIZED, code);
          return;
        }
      g_clear_pointer (&self->access_token, g_free);
      g_clear_pointer (&self->refresh_token, g_free);
      soup_server_message_set_status (msg, SOUP_STATUS_NO_CONTENT, NULL);
      return;
    }

  if (answer == NULL && g_str_equal (method, "GET"))
    {
      const char *cursor = query != NULL ? g_hash_table_lookup (query, "cursor") : NULL;
      g_autofree char *page_key = g_strdup_printf ("%s\n%s", path, cursor ? cursor : "");
      const char *body = g_hash_table_lookup (self->pages, page_key);

      if (body != NULL)
        {
          code = check_bearer (self, msg);
          if (code != NULL)
            respond_problem (msg, SOUP_STATUS_UNAUTHORIZED, code);
          else
            respond (msg, SOUP_STATUS_OK, NULL, body);
          return;
        }
    }

  if (answer == NULL)
    {
      g_test_message ("fake server: no answer for %s", key);
      respond_problem (msg, SOUP_STATUS_NOT_FOUND, "not_found");
      return;
    }

  if (answer->auth && (code = check_bearer (self, msg)) != NULL)
    {
      respond_problem (msg, SOUP_STATUS_UNAUTHORIZED, code);
      pause_for (self, msg, answer->delay_ms);
      return;
    }

  respond (msg, answer->status, answer->content_type, answer->body);
  if (answer->header != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (answer->header, ":", 2);

      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    g_strstrip (parts[0]), g_strstrip (parts[1]));
    }
  pause_for (self, msg, answer->delay_ms);
}

FakeServer *
fake_server_new (GTlsCertificate *tls_certificate)
{
  g_autoptr(GError) error = NULL;
  FakeServer *self = g_new0 (FakeServer, 1);
  GSList *uris;

  self->server = soup_server_new ("tls-certificate", tls_certificate, NULL);
  self->answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) answer_free);
  self->pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->requests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) request_free);
  self->paused = g_ptr_array_new_with_free_func ((GDestroyNotify) delay_free);
  self->expires_in = 900;

  soup_server_add_handler (self->server, NULL, server_cb, self, NULL);
  soup_server_listen_local (self->server, 0,
                            SOUP_SERVER_LISTEN_IPV4_ONLY |
                            (tls_certificate != NULL ? SOUP_SERVER_LISTEN_HTTPS : 0),
                            &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (self->server);
  g_assert_nonnull (uris);
  self->url = g_strdup_printf ("%s://127.0.0.1:%d",
                               tls_certificate != NULL ? "https" : "http",
                               g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return self;
}

void
fake_server_free (FakeServer *self)
{
  if (self == NULL)
    return;

  g_ptr_array_set_size (self->paused, 0);
  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_hash_table_unref (self->answers);
  g_hash_table_unref (self->pages);
  g_hash_table_unref (self->counts);
  g_hash_table_unref (self->requests);
  g_ptr_array_unref (self->paused);
  g_free (self->access_token);
  g_free (self->refresh_token);
  g_free (self->url);
  g_free (self);
}

const char *
fake_server_get_url (FakeServer *self)
{
  return self->url;
}

void
fake_server_set_answer (FakeServer *self,
                        const char *method,
                        const char *path,
                        gboolean    auth,
                        guint       status,
                        const char *content_type,
                        const char *body,
                        const char *header)
{
  Answer *answer = g_new0 (Answer, 1);

  answer->status = status;
  answer->content_type = g_strdup (content_type);
  answer->body = g_strdup (body);
  answer->header = g_strdup (header);
  answer->auth = auth;
  g_hash_table_insert (self->answers, g_strdup_printf ("%s %s", method, path), answer);
}

void
fake_server_set_delay (FakeServer *self,
                       const char *method,
                       const char *path,
                       guint       delay_ms)
{
  g_autofree char *key = g_strdup_printf ("%s %s", method, path);
  Answer *answer = g_hash_table_lookup (self->answers, key);

  g_assert_nonnull (answer);
  answer->delay_ms = delay_ms;
}

void
fake_server_set_page (FakeServer *self,
                      const char *path,
                      const char *cursor,
                      const char *body)
{
  g_hash_table_insert (self->pages,
                       g_strdup_printf ("%s\n%s", path, cursor ? cursor : ""),
                       g_strdup (body));
}

void
fake_server_set_expires_in (FakeServer *self,
                            gint64      expires_in)
{
  self->expires_in = expires_in;
}

void
fake_server_expire_access (FakeServer *self)
{
  self->access_expired = TRUE;
}

void
fake_server_refuse_refresh (FakeServer *self)
{
  self->refuse_refresh = TRUE;
}

void
fake_server_set_refresh_delay (FakeServer *self,
                               guint       delay_ms)
{
  self->refresh_delay_ms = delay_ms;
}

guint
fake_server_count (FakeServer *self,
                   const char *method,
                   const char *path)
{
  g_autofree char *key = g_strdup_printf ("%s %s", method, path);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, key));
}

const char *
fake_server_last_query (FakeServer *self,
                        const char *path,
                        const char *name)
{
  Request *request = g_hash_table_lookup (self->requests, path);

  return request != NULL ? g_hash_table_lookup (request->query, name) : NULL;
}

const char *
fake_server_last_header (FakeServer *self,
                         const char *path,
                         const char *name)
{
  Request *request = g_hash_table_lookup (self->requests, path);
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return request != NULL ? g_hash_table_lookup (request->headers, lower) : NULL;
}

const char *
fake_server_last_body (FakeServer *self,
                       const char *path)
{
  Request *request = g_hash_table_lookup (self->requests, path);

  return request != NULL ? request->body : NULL;
}

GBytes *
fake_server_last_body_bytes (FakeServer *self,
                             const char *path)
{
  Request *request = g_hash_table_lookup (self->requests, path);

  return request != NULL ? request->bytes : NULL;
}

const char *
fake_server_get_access_token (FakeServer *self)
{
  return self->access_token;
}

const char *
fake_server_get_refresh_token (FakeServer *self)
{
  return self->refresh_token;
}

char *
fake_service_json_with (const char *member,
                        const char *value)
{
  g_autofree char *json = g_strdup_printf (FAKE_SERVICE_JSON_FMT, "s1", "active", "\"2026-12-15\"");
  g_autoptr(JsonNode) root = json_from_string (json, NULL);
  JsonObject *object;

  g_assert_nonnull (root);
  object = json_node_get_object (root);
  if (value == NULL)
    json_object_remove_member (object, member);
  else
    {
      g_autoptr(GError) error = NULL;
      JsonNode *node = json_from_string (value, &error);

      g_assert_no_error (error);
      json_object_set_member (object, member, node);
    }
  return json_to_string (root, FALSE);
}

char *
fake_json_with (const char *json,
                const char *member,
                const char *value)
{
  g_autoptr(JsonNode) root = json_from_string (json, NULL);
  g_auto(GStrv) path = g_strsplit (member, ".", -1);
  JsonNode *container;
  guint n = g_strv_length (path);

  g_assert_nonnull (root);
  /* Walk to the object or array holding the last segment; a segment of
   * digits is an element of an array ("items.0.name") */
  container = root;
  for (guint i = 0; i + 1 < n; i++)
    {
      if (JSON_NODE_HOLDS_ARRAY (container))
        {
          JsonArray *array = json_node_get_array (container);
          guint index = (guint) g_ascii_strtoull (path[i], NULL, 10);

          g_assert_cmpuint (index, <, json_array_get_length (array));
          container = json_array_get_element (array, index);
        }
      else
        {
          g_assert_true (JSON_NODE_HOLDS_OBJECT (container));
          g_assert_true (json_object_has_member (json_node_get_object (container), path[i]));
          container = json_object_get_member (json_node_get_object (container), path[i]);
        }
    }

  if (JSON_NODE_HOLDS_ARRAY (container))
    {
      JsonArray *array = json_node_get_array (container);
      guint index = (guint) g_ascii_strtoull (path[n - 1], NULL, 10);
      g_autoptr(GError) error = NULL;
      JsonNode *node;

      g_assert_cmpuint (index, <, json_array_get_length (array));
      g_assert_nonnull (value);
      node = json_from_string (value, &error);
      g_assert_no_error (error);
      /* json-glib 1.6 has no replace: rebuild the array */
      {
        JsonArray *copy = json_array_new ();
        guint length = json_array_get_length (array);

        for (guint i = 0; i < length; i++)
          json_array_add_element (copy, i == index ? json_node_ref (node)
                                                   : json_node_copy (json_array_get_element (array, i)));
        json_node_unref (node);
        json_node_take_array (container, copy);
      }
    }
  else if (value == NULL)
    {
      g_assert_true (JSON_NODE_HOLDS_OBJECT (container));
      json_object_remove_member (json_node_get_object (container), path[n - 1]);
    }
  else
    {
      g_autoptr(GError) error = NULL;
      JsonNode *node = json_from_string (value, &error);

      g_assert_no_error (error);
      g_assert_true (JSON_NODE_HOLDS_OBJECT (container));
      json_object_set_member (json_node_get_object (container), path[n - 1], node);
    }
  return json_to_string (root, FALSE);
}
