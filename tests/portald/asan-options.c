/* asan-options.c: AddressSanitizer defaults for the san-portald test programs
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Debian's GLib has no frame pointers, so ASan's fast unwinder stops at
 * g_malloc() and leak reports lose their callers: tests/lsan.supp could not
 * match GLib's own leaks and ours would be unreadable. These programs don't
 * use GTK (where the slow unwinder deadlocked), so they take the slow one.
 * Only read by ASan builds; $ASAN_OPTIONS still overrides it.
 */
const char *__asan_default_options (void);

const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}
