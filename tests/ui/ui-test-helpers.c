/* ui-test-helpers.c: run the real app in-process, drive it through its
 * widgets, ask the server directly (a signed-in SanClient) and stand a proxy
 * between them
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "ui-test-helpers.h"

typedef struct
{
  UiTestBody      body;
  gpointer        user_data;
  SanApplication *app;
  GtkWindow      *window;
  gboolean        started;
  gboolean        ran;
} RunContext;

static gboolean
run_body_cb (gpointer data)
{
  RunContext *ctx = data;

  ctx->body (ctx->app, ctx->window, ctx->user_data);
  ctx->ran = TRUE;

  /* Like Ctrl+Q: app.quit closes the windows, then quits */
  g_action_group_activate_action (G_ACTION_GROUP (ctx->app), "quit", NULL);
  return G_SOURCE_REMOVE;
}

static void
on_activate_cb (GApplication *application,
                RunContext   *ctx)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  g_assert_nonnull (window);
  g_assert_true (SAN_IS_WINDOW (window));
  if (ctx->started)
    return;
  ctx->started = TRUE;
  ctx->app = SAN_APPLICATION (application);
  ctx->window = window;
  g_idle_add (run_body_cb, ctx);
}

/* The test session has no notification server (org.freedesktop.Notifications):
 * GLib warns once when the app sends its first desktop notification, and
 * the tests make warnings fatal. That one warning (and only it) becomes a
 * test message: GIO's warnings go through on_gio_warning () (set in
 * ui_test_init ()) and is_notification_warning () keeps it from being fatal
 * (GLib resets that handler at each test case: ui_run_app () sets it).
 * test-ui-alerts runs a stand-in server and checks what is shown. */
static gboolean
is_notification_warning (const char *log_domain,
                         const char *message)
{
  return g_strcmp0 (log_domain, "GLib-GIO") == 0 && message != NULL &&
         g_str_has_prefix (message, "unable to send notifications");
}

static gboolean
on_fatal_log (const char     *log_domain,
              GLogLevelFlags  log_level,
              const char     *message,
              gpointer        user_data)
{
  return !is_notification_warning (log_domain, message);
}

static void
on_gio_warning (const char     *log_domain,
                GLogLevelFlags  log_level,
                const char     *message,
                gpointer        user_data)
{
  if (is_notification_warning (log_domain, message))
    g_test_message ("no notification server: %s", message);
  else
    g_log_default_handler (log_domain, log_level, message, user_data);
}

void
ui_run_app (const char *server,
            UiTestBody  body,
            gpointer    user_data)
{
  g_autoptr(SanApplication) app = san_application_new ();
  RunContext ctx = { body, user_data, NULL, NULL, FALSE, FALSE };
  char *argv[] = { (char *) "san-client-area", (char *) "--server", (char *) server, NULL };
  int status;

  g_test_log_set_fatal_handler (on_fatal_log, NULL);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate_cb), &ctx);

  status = g_application_run (G_APPLICATION (app), 3, argv);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (ctx.ran);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
}

static GtkWidget *
find_widget (GtkWidget  *root,
             gboolean  (*match) (GtkWidget *, gconstpointer, gconstpointer),
             gconstpointer a,
             gconstpointer b)
{
  if (match (root, a, b))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, a, b);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
match_id (GtkWidget     *widget,
          gconstpointer  id,
          gconstpointer  unused)
{
  return g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0;
}

static gboolean
match_type_class (GtkWidget     *widget,
                  gconstpointer  type,
                  gconstpointer  css_class)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type)) &&
         (css_class == NULL || gtk_widget_has_css_class (widget, css_class));
}

static gboolean
match_label (GtkWidget     *widget,
             gconstpointer  text,
             gconstpointer  unused)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
match_button (GtkWidget     *widget,
              gconstpointer  label,
              gconstpointer  unused)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

GtkWidget *
ui_find_button (GtkWidget  *root,
                const char *label)
{
  return find_widget (root, match_button, label, NULL);
}

GtkWidget *
ui_find (GtkWidget  *root,
         const char *id)
{
  GtkWidget *found = find_widget (root, match_id, id, NULL);

  if (found == NULL)
    g_error ("no widget with id “%s” under %s", id, G_OBJECT_TYPE_NAME (root));
  return found;
}

GtkWidget *
ui_find_type (GtkWidget *root,
              GType      type)
{
  return ui_find_type_class (root, type, NULL);
}

GtkWidget *
ui_find_type_class (GtkWidget  *root,
                    GType       type,
                    const char *css_class)
{
  GtkWidget *found = find_widget (root, match_type_class, GSIZE_TO_POINTER (type), css_class);

  if (found == NULL)
    g_error ("no %s%s%s under %s", g_type_name (type), css_class ? "." : "",
             css_class ? css_class : "", G_OBJECT_TYPE_NAME (root));
  return found;
}

GtkLabel *
ui_find_label (GtkWidget  *root,
               const char *text)
{
  return (GtkLabel *) find_widget (root, match_label, text, NULL);
}

static gboolean
on_wait_timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

void
ui_wait_for (UiCondition  condition,
             gpointer     user_data,
             guint        timeout_seconds,
             const char  *what)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (timeout_seconds, on_wait_timeout_cb, &timed_out);

  while (!condition (user_data))
    {
      if (timed_out)
        g_error ("timed out after %u s waiting for %s", timeout_seconds, what);
      g_main_context_iteration (NULL, TRUE);
    }
  if (!timed_out)
    g_source_remove (id);
}

void
ui_wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_wait_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

const char *
ui_stack_page (GtkWidget  *root,
               const char *stack_id)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (ui_find (root, stack_id)));
}

typedef struct
{
  GtkStack   *stack;
  const char *page;
} StackWait;

static gboolean
stack_shows (gpointer data)
{
  StackWait *wait = data;

  return g_strcmp0 (gtk_stack_get_visible_child_name (wait->stack), wait->page) == 0;
}

void
ui_wait_stack_page (GtkWidget  *root,
                    const char *stack_id,
                    const char *page,
                    guint       timeout_seconds)
{
  StackWait wait = { GTK_STACK (ui_find (root, stack_id)), page };
  g_autofree char *what = g_strdup_printf ("“%s” to show “%s”", stack_id, page);

  ui_wait_for (stack_shows, &wait, timeout_seconds, what);
}

void
ui_type (GtkWidget  *editable,
         const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

void
ui_press_enter (GtkWidget *editable)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (editable));

  /* The innermost GtkText is what a key press activates */
  while (delegate != NULL && !GTK_IS_TEXT (delegate))
    delegate = gtk_editable_get_delegate (delegate);
  g_assert_nonnull (delegate);
  g_signal_emit_by_name (delegate, "activate");
}

void
ui_click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_is_visible (button));
  g_signal_emit_by_name (button, "clicked");
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       data)
{
  guint *frames = data;

  if (++(*frames) < 2)
    gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

static gboolean
enough_frames (gpointer data)
{
  return *(guint *) data >= 2;
}

/* Draws a popover (its own surface: not in the window's screenshot) into
 * $SAN_SCREENSHOT_DIR/@name.png */
void
ui_screenshot_popover (GtkWidget  *popover,
                       const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  g_assert_true (gtk_widget_get_mapped (popover));
  ui_wait_ms (400);
  width = gtk_widget_get_width (popover);
  height = gtk_widget_get_height (popover);
  paintable = gtk_widget_paintable_new (popover);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (popover)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_mkdir_with_parents (g_getenv ("SAN_SCREENSHOT_DIR"), 0755);
  path = g_strdup_printf ("%s/%s.png", g_getenv ("SAN_SCREENSHOT_DIR"), name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

void
ui_screenshot (GtkWindow  *window,
               const char *name)
{
  const char *dir = g_getenv ("SAN_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GdkFrameClock *clock;
  guint frames = 0;
  gulong handler;
  int width, height;

  g_assert_nonnull (dir);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));

  /* Let layout, transitions and the spinner settle, then wait for frames */
  ui_wait_ms (400);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &frames);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  ui_wait_for (enough_frames, &frames, 10, "frames to paint");
  g_signal_handler_disconnect (clock, handler);

  width = gtk_widget_get_width (GTK_WIDGET (window));
  height = gtk_widget_get_height (GTK_WIDGET (window));
  paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  g_mkdir_with_parents (dir, 0755);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

guint
ui_count_rows (GtkWidget *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), n) != NULL)
    n++;
  return n;
}

GtkWidget *
ui_row_at (GtkWidget *list,
           guint      index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), index);

  g_assert_nonnull (row);
  return GTK_WIDGET (row);
}

typedef struct
{
  GtkWidget *list;
  guint      n;
} RowsWait;

static gboolean
list_has_rows (gpointer data)
{
  RowsWait *wait = data;

  return ui_count_rows (wait->list) == wait->n;
}

void
ui_wait_rows (GtkWidget  *list,
              guint       n,
              guint       timeout_seconds,
              const char *what)
{
  RowsWait wait = { list, n };
  g_autofree char *rows = g_strdup_printf ("%u rows", n);

  ui_wait_for (list_has_rows, &wait, timeout_seconds, what != NULL ? what : rows);
}

GtkWindow *
ui_find_toplevel (GType      type,
                  GtkWindow *except)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not ours */
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (window != except && G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;   /* still held by GTK */
    }
  return NULL;
}

typedef struct
{
  GType      type;
  GtkWindow *found;
} ToplevelWait;

static gboolean
toplevel_shown (gpointer data)
{
  ToplevelWait *wait = data;

  wait->found = ui_find_toplevel (wait->type, NULL);
  return wait->found != NULL && gtk_widget_get_mapped (GTK_WIDGET (wait->found));
}

GtkWindow *
ui_wait_toplevel (GType type,
                  guint timeout_seconds)
{
  ToplevelWait wait = { type, NULL };
  g_autofree char *what = g_strdup_printf ("a %s to show", g_type_name (type));

  ui_wait_for (toplevel_shown, &wait, timeout_seconds, what);
  return wait.found;
}

gboolean
ui_toplevel_is_gone (gpointer type)
{
  return ui_find_toplevel (GPOINTER_TO_SIZE (type), NULL) == NULL;
}

static gboolean
match_name (GtkWidget     *widget,
            gconstpointer  name,
            gconstpointer  unused)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

GtkWidget *
ui_find_named (GtkWidget  *root,
               const char *name)
{
  return find_widget (root, match_name, name, NULL);
}

const char *
ui_label_text (GtkWidget  *root,
               const char *label_id)
{
  return gtk_label_get_text (GTK_LABEL (ui_find (root, label_id)));
}

const char *
ui_row_subtitle (GtkWidget  *root,
                 const char *row_id)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (ui_find (root, row_id)));
}

void
ui_assert_contains (const char *haystack,
                    const char *needle)
{
  if (haystack == NULL || strstr (haystack, needle) == NULL)
    g_error ("“%s” does not contain “%s”", haystack ? haystack : "(null)", needle);
}

gboolean
ui_widget_is_sensitive (gpointer widget)
{
  return gtk_widget_get_sensitive (widget);
}

gboolean
ui_label_is_shown (gpointer label)
{
  return gtk_widget_get_visible (label) && gtk_label_get_text (label)[0] != '\0';
}

gboolean
ui_leaflet_is_folded (gpointer leaflet)
{
  return adw_leaflet_get_folded (leaflet);
}

void
ui_select_section (GtkWindow  *window,
                   const char *row_id)
{
  GtkListBox *sidebar = GTK_LIST_BOX (ui_find (GTK_WIDGET (window), "sidebar_list"));

  gtk_list_box_select_row (sidebar, GTK_LIST_BOX_ROW (ui_find (GTK_WIDGET (window), row_id)));
}

static const char *
item_id (GListModel *model,
         guint       position,
         char      **out_owned)
{
  g_autoptr(GObject) item = g_list_model_get_item (model, position);

  g_object_get (item, "id", out_owned, NULL);
  return *out_owned;
}

gboolean
ui_model_has_ids (GListModel *model,
                  GPtrArray  *ids,
                  gboolean    in_order)
{
  guint n = g_list_model_get_n_items (model);

  if (n != ids->len)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = NULL;

      item_id (model, i, &id);
      if (in_order ? g_strcmp0 (id, g_ptr_array_index (ids, i)) != 0
                   : !g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL))
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  GtkListView *list_view;
  GPtrArray   *ids;
  gboolean     in_order;
} ListIdsWait;

static gboolean
list_shows_ids (gpointer data)
{
  ListIdsWait *wait = data;

  return ui_model_has_ids (G_LIST_MODEL (gtk_list_view_get_model (wait->list_view)), wait->ids,
                           wait->in_order);
}

void
ui_wait_list_ids (GtkWidget  *list_view,
                  GPtrArray  *ids,
                  gboolean    in_order,
                  guint       timeout_seconds,
                  const char *what)
{
  ListIdsWait wait = { GTK_LIST_VIEW (list_view), ids, in_order };

  ui_wait_for (list_shows_ids, &wait, timeout_seconds, what);
}

guint
ui_model_find_id (GListModel *model,
                  const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autofree char *item = NULL;

      if (g_strcmp0 (item_id (model, i, &item), id) == 0)
        return i;
    }
  g_error ("no item “%s” in the list", id);
}

GtkWidget *
ui_open_section (GtkWindow  *window,
                 const char *row_id,
                 const char *page_id,
                 guint       timeout_seconds)
{
  GtkWidget *root = GTK_WIDGET (window);
  GtkWidget *page;

  ui_select_section (window, row_id);
  page = ui_find (root, page_id);
  g_assert_true (adw_view_stack_get_visible_child (ADW_VIEW_STACK (ui_find (root, "content_stack")))
                 == page);
  ui_wait_stack_page (page, "list_stack", "list", timeout_seconds);
  return page;
}

void
ui_select_contract (GtkWindow  *window,
                    const char *name)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (ui_find (GTK_WIDGET (window), "contract_dropdown"));
  GListModel *contracts = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (contracts); i++)
    {
      g_autoptr(SanContract) contract = g_list_model_get_item (contracts, i);

      if (g_strcmp0 (san_contract_get_name (contract), name) == 0)
        {
          gtk_drop_down_set_selected (dropdown, i);
          return;
        }
    }
  g_error ("no contract %s in the window", name);
}

void
ui_sign_in (GtkWindow  *window,
            const char *server,
            const char *email,
            const char *password,
            guint       timeout_seconds)
{
  GtkWidget *page;

  ui_wait_stack_page (GTK_WIDGET (window), "stack", "sign-in", timeout_seconds);
  page = ui_find (GTK_WIDGET (window), "sign_in_page");
  if (server != NULL)
    ui_type (ui_find (page, "server_row"), server);
  ui_type (ui_find (page, "email_row"), email);
  ui_type (ui_find (page, "password_row"), password);
  ui_click (ui_find (page, "sign_in_button"));
  ui_wait_stack_page (GTK_WIDGET (window), "stack", "main", timeout_seconds);
}

struct _UiProxy
{
  SoupServer         *server;
  SoupSession        *upstream;
  char               *upstream_url;
  char               *url;
  UiProxyRequestFunc  on_request;
  UiProxyAnswerFunc   on_answer;
  gpointer            user_data;
  GPtrArray          *requests;   /* under way, of ProxyRequest */
};

typedef struct
{
  UiProxy           *proxy;     /* NULL once it is freed */
  SoupServerMessage *message;
  gboolean           gone;      /* the app closed the connection meanwhile */
} ProxyRequest;

static void
on_client_gone_cb (SoupServerMessage *message,
                   ProxyRequest      *request)
{
  request->gone = TRUE;
}

static void
proxy_request_free (ProxyRequest *request)
{
  if (request->proxy != NULL)
    g_ptr_array_remove_fast (request->proxy->requests, request);
  g_signal_handlers_disconnect_by_func (request->message, on_client_gone_cb, request);
  g_object_unref (request->message);
  g_free (request);
}

static void
on_upstream_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ProxyRequest *request = user_data;
  UiProxy *proxy = request->proxy;
  SoupMessage *upstream = soup_session_get_async_result_message (SOUP_SESSION (object), result);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (request->message);
  const char *path = g_uri_get_path (soup_server_message_get_uri (request->message));
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessageHeadersIter iter;
  const char *name, *value;

  body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  if (body == NULL || request->gone || proxy == NULL)
    {
      /* The test is over: the proxy or the app is going away */
      if (body == NULL)
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      proxy_request_free (request);
      return;
    }

  if (proxy->on_answer != NULL)
    answer = proxy->on_answer (request->message, path, soup_message_get_status (upstream), body,
                               proxy->user_data);
  else
    answer = g_bytes_ref (body);
  if (answer == NULL)
    {
      soup_server_message_set_status (request->message, SOUP_STATUS_BAD_GATEWAY, NULL);
      soup_server_message_unpause (request->message);
      proxy_request_free (request);
      return;
    }

  soup_message_headers_iter_init (&iter, soup_message_get_response_headers (upstream));
  while (soup_message_headers_iter_next (&iter, &name, &value))
    if (g_ascii_strcasecmp (name, "Content-Length") != 0 &&
        g_ascii_strcasecmp (name, "Transfer-Encoding") != 0 &&
        g_ascii_strcasecmp (name, "Connection") != 0)
      soup_message_headers_append (headers, name, value);
  soup_server_message_set_status (request->message, soup_message_get_status (upstream),
                                  soup_message_get_reason_phrase (upstream));
  soup_message_body_append_bytes (soup_server_message_get_response_body (request->message),
                                  answer);
  soup_server_message_unpause (request->message);
  proxy_request_free (request);
}

static void
proxy_handler (SoupServer        *server,
               SoupServerMessage *message,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  UiProxy *proxy = user_data;
  GUri *uri = soup_server_message_get_uri (message);
  SoupMessageHeaders *request_headers = soup_server_message_get_request_headers (message);
  g_autofree char *url = NULL;
  g_autoptr(SoupMessage) upstream = NULL;
  g_autoptr(GBytes) body = NULL;
  SoupMessageHeadersIter iter;
  const char *name, *value;
  ProxyRequest *request;

  if (proxy->on_request != NULL && proxy->on_request (message, path, proxy->user_data))
    return;

  url = g_strconcat (proxy->upstream_url, g_uri_get_path (uri),
                     g_uri_get_query (uri) != NULL ? "?" : "",
                     g_uri_get_query (uri) != NULL ? g_uri_get_query (uri) : "", NULL);
  upstream = soup_message_new (soup_server_message_get_method (message), url);
  g_assert_nonnull (upstream);

  soup_message_headers_iter_init (&iter, request_headers);
  while (soup_message_headers_iter_next (&iter, &name, &value))
    if (g_ascii_strcasecmp (name, "Host") != 0 &&
        g_ascii_strcasecmp (name, "Content-Length") != 0 &&
        g_ascii_strcasecmp (name, "Content-Type") != 0 &&
        g_ascii_strcasecmp (name, "Connection") != 0 &&
        g_ascii_strcasecmp (name, "Accept-Encoding") != 0)
      soup_message_headers_append (soup_message_get_request_headers (upstream), name, value);

  body = soup_message_body_flatten (soup_server_message_get_request_body (message));
  if (g_bytes_get_size (body) > 0)
    /* The whole Content-Type: a multipart one carries its boundary */
    soup_message_set_request_body_from_bytes (upstream,
                                              soup_message_headers_get_one (request_headers,
                                                                            "Content-Type"),
                                              body);

  request = g_new0 (ProxyRequest, 1);
  request->proxy = proxy;
  request->message = g_object_ref (message);
  g_ptr_array_add (proxy->requests, request);
  g_signal_connect (message, "disconnected", G_CALLBACK (on_client_gone_cb), request);
  soup_server_message_pause (message);
  soup_session_send_and_read_async (proxy->upstream, upstream, G_PRIORITY_DEFAULT, NULL,
                                    on_upstream_cb, request);
}

UiProxy *
ui_proxy_new (const char         *upstream_url,
              UiProxyRequestFunc  on_request,
              UiProxyAnswerFunc   on_answer,
              gpointer            user_data)
{
  UiProxy *proxy = g_new0 (UiProxy, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;

  proxy->upstream_url = g_strdup (upstream_url);
  proxy->on_request = on_request;
  proxy->on_answer = on_answer;
  proxy->user_data = user_data;
  proxy->requests = g_ptr_array_new ();
  proxy->upstream = soup_session_new ();
  proxy->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (proxy->server, NULL, proxy_handler, proxy, NULL);
  soup_server_listen_local (proxy->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (proxy->server);
  g_assert_nonnull (uris);
  proxy->url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  return proxy;
}

const char *
ui_proxy_get_url (UiProxy *proxy)
{
  return proxy->url;
}

void
ui_proxy_free (UiProxy *proxy)
{
  /* Their answers come later, cancelled: they must not find the proxy */
  for (guint i = 0; i < proxy->requests->len; i++)
    ((ProxyRequest *) g_ptr_array_index (proxy->requests, i))->proxy = NULL;
  g_ptr_array_unref (proxy->requests);
  soup_session_abort (proxy->upstream);
  soup_server_disconnect (proxy->server);
  g_clear_object (&proxy->server);
  g_clear_object (&proxy->upstream);
  g_free (proxy->upstream_url);
  g_free (proxy->url);
  g_free (proxy);
}

void
ui_test_init (int    *argc,
              char ***argv)
{
  setlocale (LC_ALL, "");
  g_test_init (argc, argv, NULL);
  g_log_set_handler ("GLib-GIO", G_LOG_LEVEL_WARNING | G_LOG_FLAG_FATAL, on_gio_warning, NULL);
}

void
ui_result_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      slot)
{
  *(GAsyncResult **) slot = g_object_ref (result);
}

GAsyncResult *
ui_wait_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

SanClient *
ui_signed_in_client (const char *url,
                     const char *email,
                     const char *password)
{
  g_autoptr(SanTokenStore) store = san_memory_token_store_new ();
  g_autoptr(GAsyncResult) login = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SanClient) client = san_client_new (url, store, &error);

  g_assert_no_error (error);
  san_client_login_async (client, email, password, NULL, ui_result_cb, &login);
  san_client_login_finish (client, ui_wait_result (&login), &error);
  g_assert_no_error (error);
  return g_steal_pointer (&client);
}

SanMe *
ui_fetch_me (SanClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SanMe *me;

  san_client_fetch_me_async (client, NULL, ui_result_cb, &result);
  me = san_client_fetch_me_finish (client, ui_wait_result (&result), &error);
  g_assert_no_error (error);
  return me;
}

void
ui_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        ui_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}
