/* test-paths.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/stat.h>
#include <glib/gstdio.h>

#include "md-paths.h"
#include "md-test-utils.h"

static void
test_default_database_in_user_data_dir (void)
{
  g_autofree char *path = md_paths_get_default_database ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (),
                                                "migraine-diary", "diary.db", NULL);

  g_assert_cmpstr (path, ==, expected);
}

static void
test_backup_dir_beside_database (void)
{
  g_autofree char *dir = md_paths_get_backup_dir ("/some/where/diary.db");

  g_assert_cmpstr (dir, ==, "/some/where/backups");
}

static void
test_parent_directory_is_private (void)
{
  g_autofree char *tmp = md_test_make_temp_dir ();
  g_autofree char *file = g_build_filename (tmp, "a", "b", "diary.db", NULL);
  g_autofree char *dir = g_path_get_dirname (file);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (md_paths_ensure_parent_directory (file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_true (S_ISDIR (st.st_mode));
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  /* A second call on an existing folder succeeds. */
  g_assert_true (md_paths_ensure_parent_directory (file, &error));
  g_assert_no_error (error);
}

static void
test_unwritable_parent_is_an_error (void)
{
  g_autofree char *blocker = NULL;
  /* A regular file where a folder should be: cannot be created, even as root. */
  g_autofree char *file = md_test_path_below_file (&blocker);
  g_autoptr(GError) error = NULL;

  g_assert_false (md_paths_ensure_parent_directory (file, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, blocker));
}

int
main (int   argc,
      char *argv[])
{
  md_test_init (&argc, &argv);

  g_test_add_func ("/md/paths/default-database", test_default_database_in_user_data_dir);
  g_test_add_func ("/md/paths/backup-dir", test_backup_dir_beside_database);
  g_test_add_func ("/md/paths/private-parent", test_parent_directory_is_private);
  g_test_add_func ("/md/paths/unwritable-parent", test_unwritable_parent_is_an_error);

  return g_test_run ();
}
