/* test-drafts.c: the draft store says when a draft could not be saved
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "san-drafts.h"

static void
wait_idle (SanDraftSaver *saver)
{
  while (san_draft_saver_get_busy (saver))
    g_main_context_iteration (NULL, TRUE);
}

static void
save (SanDraftSaver *saver,
      const char    *body)
{
  g_autoptr(SanDraft) draft = san_draft_new ();

  san_draft_set_body (draft, body);
  san_draft_saver_changed (saver, draft);
  san_draft_saver_flush (saver);
  wait_idle (saver);
}

/* A save that fails is known (the editor says the text is not kept), and
 * the next one that works clears it */
static void
test_failed_then_saved (void)
{
  g_autofree char *key = san_drafts_key ("https://portal.example", "ana@example.com", "1", "7");
  g_autofree char *dir = san_drafts_dup_dir ();
  g_autofree char *path = san_drafts_dup_path (key);
  g_autoptr(SanDraftSaver) saver = san_draft_saver_new (key);
  g_autofree char *parent = g_path_get_dirname (dir);
  g_autoptr(GError) error = NULL;

  /* a file where the drafts folder should be: no draft can be written */
  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_assert_true (g_file_set_contents (dir, "not a folder", -1, &error));
  g_assert_no_error (error);

  g_test_expect_message ("san-ui", G_LOG_LEVEL_WARNING, "Could not save a draft*");
  save (saver, "Rascunho que não pôde ser salvo");
  g_test_assert_expected_messages ();
  g_assert_true (san_draft_saver_get_failed (saver));

  g_assert_cmpint (g_remove (dir), ==, 0);
  save (saver, "Rascunho salvo");
  g_assert_false (san_draft_saver_get_failed (saver));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

int
main (int   argc,
      char *argv[])
{
  /* the drafts go to a temporary XDG_DATA_HOME */
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/drafts/save-failure-is-known", test_failed_then_saved);
  return g_test_run ();
}
