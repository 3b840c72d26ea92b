/* ui-test-helpers.h: run the real app in-process and drive it through its
 * widgets
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

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

/* Draws @window into $SAN_SCREENSHOT_DIR/@name.png, after letting it settle */
void        ui_screenshot        (GtkWindow      *window,
                                  const char     *name);

G_END_DECLS
