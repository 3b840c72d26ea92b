/* ui-test-helpers.c: run the real app in-process and drive it through its
 * widgets
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

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

void
ui_run_app (const char *server,
            UiTestBody  body,
            gpointer    user_data)
{
  g_autoptr(SanApplication) app = san_application_new ();
  RunContext ctx = { body, user_data, NULL, NULL, FALSE, FALSE };
  char *argv[] = { (char *) "san-client-area", (char *) "--server", (char *) server, NULL };
  int status;

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
