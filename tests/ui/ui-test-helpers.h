/* ui-test-helpers.h: run the real app in-process, drive it through its
 * widgets, ask the server directly (a signed-in SanClient) and stand a proxy
 * between them
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include <libsoup/soup.h>

#include "san-api.h"
#include "san-application.h"
#include "san-window.h"

G_BEGIN_DECLS

typedef void (*UiTestBody) (SanApplication *app,
                            GtkWindow      *window,
                            gpointer        user_data);

/* Runs a new SanApplication (non-unique) with `--server @server` through
 * g_application_run(), calls @body once its window is up, then closes the
 * window and quits. The app and its window are gone when this returns. */
void        ui_run_app           (const char     *server,
                                  UiTestBody      body,
                                  gpointer        user_data);

/* The first widget under @root (itself included) whose GtkBuildable id is
 * @id; aborts the test when there is none. */
GtkWidget  *ui_find              (GtkWidget      *root,
                                  const char     *id);
/* The first widget of @type under @root; aborts when there is none. */
GtkWidget  *ui_find_type         (GtkWidget      *root,
                                  GType           type);
/* The first widget of @type under @root with the CSS class @css_class */
GtkWidget  *ui_find_type_class   (GtkWidget      *root,
                                  GType           type,
                                  const char     *css_class);
/* The first GtkLabel under @root showing @text, or NULL */
GtkLabel   *ui_find_label        (GtkWidget      *root,
                                  const char     *text);

/* The first GtkButton under @root with the label @label (as set, with its
 * mnemonic underscore), or NULL */
GtkWidget  *ui_find_button       (GtkWidget      *root,
                                  const char     *label);

typedef gboolean (*UiCondition) (gpointer user_data);

/* Runs the main context until @condition is TRUE; aborts the test with
 * @what after @timeout_seconds. */
void        ui_wait_for          (UiCondition     condition,
                                  gpointer        user_data,
                                  guint           timeout_seconds,
                                  const char     *what);
/* Runs the main context for @ms milliseconds */
void        ui_wait_ms           (guint           ms);

/* The visible child name of the GtkStack with buildable id @stack_id */
const char *ui_stack_page        (GtkWidget      *root,
                                  const char     *stack_id);
/* Waits until that stack shows @page */
void        ui_wait_stack_page   (GtkWidget      *root,
                                  const char     *stack_id,
                                  const char     *page,
                                  guint           timeout_seconds);

/* Types @text into an editable (a GtkEntry, AdwEntryRow, GtkSearchEntry) */
void        ui_type              (GtkWidget      *editable,
                                  const char     *text);
/* Presses Enter in an editable: activates its GtkText */
void        ui_press_enter       (GtkWidget      *editable);

/* Clicks a (sensitive, visible) button: emits "clicked" like a click does */
void        ui_click             (GtkWidget      *button);

/* A GtkListBox's rows (not its placeholder) */
guint       ui_count_rows        (GtkWidget      *list);
/* The row of the GtkListBox @list at @index; aborts when there is none */
GtkWidget  *ui_row_at            (GtkWidget      *list,
                                  guint           index);
/* Waits until the GtkListBox @list has exactly @n rows; @what (nullable)
 * says what that means when it times out */
void        ui_wait_rows         (GtkWidget      *list,
                                  guint           n,
                                  guint           timeout_seconds,
                                  const char     *what);

/* The first visible toplevel window of @type other than @except (nullable),
 * or NULL; GTK holds it */
GtkWindow  *ui_find_toplevel     (GType           type,
                                  GtkWindow      *except);
/* Waits until a toplevel window of @type is visible and mapped; returns it */
GtkWindow  *ui_wait_toplevel     (GType           type,
                                  guint           timeout_seconds);
/* A UiCondition: no toplevel of the GType GSIZE_TO_POINTER (type) shows */
gboolean    ui_toplevel_is_gone  (gpointer        type);

/* The first widget under @root (itself included) whose widget name
 * (gtk_widget_set_name()) is @name, or NULL */
GtkWidget  *ui_find_named        (GtkWidget      *root,
                                  const char     *name);

/* The text of the GtkLabel with buildable id @label_id under @root */
const char *ui_label_text        (GtkWidget      *root,
                                  const char     *label_id);
/* The subtitle (the value shown) of the AdwActionRow with id @row_id */
const char *ui_row_subtitle      (GtkWidget      *root,
                                  const char     *row_id);
/* Aborts the test unless @haystack (nullable) contains @needle */
void        ui_assert_contains   (const char     *haystack,
                                  const char     *needle);

/* UiConditions on a widget passed as the user data */
gboolean    ui_widget_is_sensitive (gpointer      widget);
gboolean    ui_label_is_shown    (gpointer        label);   /* visible, with text */
gboolean    ui_leaflet_is_folded (gpointer        leaflet);

/* Selects the sidebar row with buildable id @row_id, as a click does: the
 * window shows that section */
void        ui_select_section    (GtkWindow      *window,
                                  const char     *row_id);

/* TRUE when the items of @model (GObjects with an "id" string property, like
 * the API models) are exactly @ids: in that order when @in_order, in any
 * order otherwise */
gboolean    ui_model_has_ids     (GListModel     *model,
                                  GPtrArray      *ids,
                                  gboolean        in_order);
/* Waits until the GtkListView @list_view shows exactly @ids (as
 * ui_model_has_ids()); @what says what that means when it times out */
void        ui_wait_list_ids     (GtkWidget      *list_view,
                                  GPtrArray      *ids,
                                  gboolean        in_order,
                                  guint           timeout_seconds,
                                  const char     *what);
/* The position in @model of the item whose "id" is @id; aborts when there
 * is none */
guint       ui_model_find_id     (GListModel     *model,
                                  const char     *id);

/* Selects the sidebar row @row_id, checks that the content stack shows the
 * page with buildable id @page_id and waits until that page's "list_stack"
 * shows "list" (loaded); returns the page */
GtkWidget  *ui_open_section      (GtkWindow      *window,
                                  const char     *row_id,
                                  const char     *page_id,
                                  guint           timeout_seconds);

/* On the sign-in page: types @server (unless NULL: the one the app was
 * started with stays), @email and @password, clicks Sign In and waits
 * until the main view shows */
/* Selects the contract named @name in the window's contract drop-down */
void        ui_select_contract   (GtkWindow      *window,
                                  const char     *name);
void        ui_sign_in           (GtkWindow      *window,
                                  const char     *server,
                                  const char     *email,
                                  const char     *password,
                                  guint           timeout_seconds);

/* Async calls outside the app (the tests' own SanClient), waited for: pass
 * ui_result_cb with the address of a NULL GAsyncResult pointer, then
 * ui_wait_result() runs the main context until the result is there and
 * returns it (the slot owns it: a g_autoptr(GAsyncResult)). */
void          ui_result_cb       (GObject        *object,
                                  GAsyncResult   *result,
                                  gpointer        slot);
GAsyncResult *ui_wait_result     (GAsyncResult  **slot);

/* A new SanClient of the server at @url (a memory token store), signed in
 * as @email: the tests ask it what the server says */
SanClient    *ui_signed_in_client (const char    *url,
                                   const char    *email,
                                   const char    *password);
/* GET /me through @client */
SanMe        *ui_fetch_me        (SanClient      *client);

/* Removes the directory @path and everything in it (a test's temp dir) */
void        ui_remove_tree       (const char     *path);

/* A proxy between the app and a server: passes every request and answer
 * through, unless its functions say otherwise */
typedef struct _UiProxy UiProxy;

/* Called with each request before it goes on: returns TRUE when it has
 * answered @message itself (and nothing goes to the server) */
typedef gboolean (*UiProxyRequestFunc) (SoupServerMessage *message,
                                        const char        *path,
                                        gpointer           user_data);
/* Called with the server's answer (@status, @body) before it goes back:
 * returns the body to send instead (a new reference; g_bytes_ref (@body)
 * for the same), or NULL to lose the answer on the way (502 Bad Gateway) */
typedef GBytes  *(*UiProxyAnswerFunc)  (SoupServerMessage *message,
                                        const char        *path,
                                        guint              status,
                                        GBytes            *body,
                                        gpointer           user_data);

/* Listens on 127.0.0.1 (a free port) and forwards to @upstream_url; either
 * function may be NULL */
UiProxy    *ui_proxy_new         (const char         *upstream_url,
                                  UiProxyRequestFunc  on_request,
                                  UiProxyAnswerFunc   on_answer,
                                  gpointer            user_data);
/* The URL the app should use: http://127.0.0.1:PORT */
const char *ui_proxy_get_url     (UiProxy            *proxy);
/* Stops it: requests under way are cancelled */
void        ui_proxy_free        (UiProxy            *proxy);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UiProxy, ui_proxy_free)

/* g_test_init() for the UI tests, after setlocale (LC_ALL, ""); without
 * G_TEST_OPTION_ISOLATE_DIRS: it would hide XDG_DATA_DIRS and with it the
 * icon theme; meson's test_env already gives a private HOME and XDG. */
void        ui_test_init         (int            *argc,
                                  char         ***argv);

/* Draws @window into $SAN_SCREENSHOT_DIR/@name.png, after letting it settle */
void        ui_screenshot        (GtkWindow      *window,
                                  const char     *name);
/* Draws a mapped popover (its own surface: not in the window's screenshot)
 * into $SAN_SCREENSHOT_DIR/@name.png */
void        ui_screenshot_popover (GtkWidget     *popover,
                                   const char    *name);

G_END_DECLS
