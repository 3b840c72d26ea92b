/* san-test-asan-options.c: AddressSanitizer defaults for test programs without GTK
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Debian's GLib has no frame pointers, so ASan's fast unwinder stops at
 * g_malloc() and leak reports lose their callers: tests/lsan.supp could not
 * match GLib's own leaks (G_TEST_OPTION_ISOLATE_DIRS leaks in
 * g_set_user_dirs) and ours would be unreadable. Programs without GTK (where
 * the slow unwinder deadlocked) take the slow one. Only read by ASan builds;
 * $ASAN_OPTIONS still overrides it.
 */
const char *__asan_default_options (void);

const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}
