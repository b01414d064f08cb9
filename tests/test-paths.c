/* test-paths.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <unistd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "md-error.h"
#include "md-file.h"
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

/* A regular file whose size the system reports as 0 (procfs): the
 * limit is kept while reading, not taken from the reported size. */
static void
test_read_limit_while_reading (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  GStatBuf st;

  g_assert_cmpint (g_stat ("/proc/self/status", &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
  g_assert_cmpint (st.st_size, ==, 0);

  g_assert_false (md_file_read_regular ("/proc/self/status", 16, &contents, &length, &error));
  g_assert_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "“/proc/self/status” is larger than 16"));
  g_assert_null (contents);
  g_clear_error (&error);

  g_assert_true (md_file_read_regular ("/proc/self/status", 1 << 20, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 16);
  g_assert_cmpuint (strlen (contents), ==, length);
  g_assert_nonnull (strstr (contents, "VmHWM:"));
}

/* A folder, a pipe and a device are refused before reading; an empty
 * file reads as empty text. */
static void
test_read_only_regular_files (void)
{
  g_autofree char *dir = md_test_make_temp_dir ();
  g_autofree char *fifo = g_build_filename (dir, "pipe", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.csv", NULL);
  const char *refused[] = { dir, fifo, "/dev/null" };
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 1;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *expected = g_strdup_printf ("“%s” is not a regular file", refused[i]);

      g_assert_false (md_file_read_regular (refused[i], 1024, &contents, &length, &error));
      g_assert_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_IO);
      g_assert_true (g_str_has_prefix (error->message, expected));
      g_clear_error (&error);
    }

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_true (md_file_read_regular (empty, 1024, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, 0);
  g_assert_cmpstr (contents, ==, "");
  g_unlink (empty);
  g_unlink (fifo);
}

static guint
count_entries (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  guint count = 0;

  while (g_dir_read_name (dir) != NULL)
    count++;

  return count;
}

/* A private write: 0600 under umask 0, also when it replaces a file
 * readable by all and when the name is a link (the linked file is
 * replaced, the link stays); nothing else is left in the folder. */
static void
test_write_private (void)
{
  g_autofree char *dir = md_test_make_temp_dir ();
  g_autofree char *file = g_build_filename (dir, "out.csv", NULL);
  g_autofree char *link = g_build_filename (dir, "link.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  mode_t old_umask = umask (0);
  GStatBuf st;

  g_assert_true (md_file_write_private (file, "one", 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (file, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_cmpint (g_chmod (file, 0644), ==, 0);
  g_assert_cmpint (symlink ("out.csv", link), ==, 0);
  g_assert_true (md_file_write_private (link, "two", 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_cmpint (g_stat (file, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (file, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "two");
  g_assert_cmpuint (count_entries (dir), ==, 2);

  umask (old_umask);
  g_unlink (link);
  g_unlink (file);
}

/* Leftovers of our own naming are removed, unless locked by a writer;
 * a file that merely looks alike is not ours and stays. */
static void
test_remove_leftovers (void)
{
  g_autofree char *dir = md_test_make_temp_dir ();
  g_autofree char *ours = g_build_filename (dir, ".out.csv" MD_FILE_TEMP_INFIX "a1B2c3", NULL);
  g_autofree char *held = g_build_filename (dir, ".out.pdf" MD_FILE_TEMP_INFIX "d4E5f6", NULL);
  g_autofree char *user = g_build_filename (dir, "out.csv" MD_FILE_TEMP_INFIX "a1B2c3", NULL);
  g_autofree char *other = g_build_filename (dir, ".out.csv.a1B2c3", NULL);
  int fd;

  for (const char *const *p = (const char *const[]) { ours, held, user, other, NULL }; *p != NULL; p++)
    g_assert_true (g_file_set_contents (*p, "x", 1, NULL));
  fd = g_open (held, O_RDONLY, 0);
  g_assert_cmpint (flock (fd, LOCK_EX), ==, 0);

  md_file_remove_leftovers (dir);
  g_assert_false (g_file_test (ours, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (held, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (user, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));

  close (fd);
  md_file_remove_leftovers (dir);
  g_assert_false (g_file_test (held, G_FILE_TEST_EXISTS));
  g_unlink (user);
  g_unlink (other);
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
  g_test_add_func ("/md/paths/read-limit-while-reading", test_read_limit_while_reading);
  g_test_add_func ("/md/paths/read-only-regular-files", test_read_only_regular_files);
  g_test_add_func ("/md/paths/write-private", test_write_private);
  g_test_add_func ("/md/paths/remove-leftovers", test_remove_leftovers);

  return g_test_run ();
}
