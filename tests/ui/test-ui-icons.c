/* test-ui-icons.c: every icon the app names exists in the icon theme (or the
 * app's resources), so none draws as a placeholder on Debian 12's
 * adwaita-icon-theme 43
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

/* Collects the icon names in @text that match @pattern's first group */
static void
collect (GHashTable *names,
         const char *pattern,
         const char *text)
{
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_hash_table_add (names, g_match_info_fetch (match, 1));
      g_match_info_next (match, NULL);
    }
}

static void
collect_resources (GHashTable *names,
                   const char *path)
{
  g_auto(GStrv) children = g_resources_enumerate_children (path, 0, NULL);

  g_assert_nonnull (children);
  for (guint i = 0; children[i] != NULL; i++)
    {
      g_autofree char *child = g_strconcat (path, children[i], NULL);
      g_autoptr(GBytes) bytes = NULL;

      if (g_str_has_suffix (child, "/"))
        {
          collect_resources (names, child);
          continue;
        }
      if (!g_str_has_suffix (child, ".ui"))
        continue;
      bytes = g_resources_lookup_data (child, 0, NULL);
      g_assert_nonnull (bytes);
      collect (names, "name=\"icon-name\">([^<]+)<", g_bytes_get_data (bytes, NULL));
    }
}

static void
collect_sources (GHashTable *names,
                 const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *text = NULL;

      if (!g_str_has_suffix (name, ".c"))
        continue;
      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      collect (names, "\"([a-z0-9-]+-symbolic)\"", text);
    }
}

static void
test_icons_exist (void)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  GHashTableIter iter;
  const char *icon;

  /* What GtkApplication adds for an app with this resource base path */
  gtk_icon_theme_add_resource_path (theme, "/com/saninternet/ClientArea/icons");

  collect_resources (names, "/com/saninternet/ClientArea/");
  collect_sources (names, SAN_UI_SOURCE_DIR);
  g_assert_cmpuint (g_hash_table_size (names), >=, 5);

  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, (gpointer *) &icon, NULL))
    {
      g_test_message ("icon %s", icon);
      if (!gtk_icon_theme_has_icon (theme, icon))
        g_error ("the icon “%s” is not in the “%s” icon theme", icon,
                 gtk_icon_theme_get_theme_name (theme));
    }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/icons/exist", test_icons_exist);
  return g_test_run ();
}
