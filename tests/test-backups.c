/* test-backups.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/stat.h>
#include <glib/gstdio.h>

#include "md-database-private.h"
#include "md-database.h"
#include "md-diary.h"
#include "md-paths.h"
#include "md-test-utils.h"

static char *
new_diary_with_attack (MdDiary **out_diary)
{
  char *path = NULL;
  MdDiary *diary = md_test_new_diary (&path);

  md_test_save_attack (diary, 1700000000, 3);
  *out_diary = diary;

  return path;
}

static guint
count_backups (const char *path)
{
  g_autofree char *dir = md_paths_get_backup_dir (path);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (listing != NULL && g_dir_read_name (listing) != NULL)
    n++;

  return n;
}

static void
test_backup_once_a_day_and_private (void)
{
  g_autoptr(MdDiary) diary = NULL;
  g_autofree char *path = new_diary_with_attack (&diary);
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) morning = g_date_time_new (tz, 2026, 5, 1, 9, 0, 0);
  g_autoptr(GDateTime) evening = g_date_time_new (tz, 2026, 5, 1, 21, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *dir = md_paths_get_backup_dir (path);
  GStatBuf st;

  g_assert_true (md_database_backup_if_due (path, morning, &first, &error));
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_true (g_str_has_suffix (first, "diary-2026-05-01.db"));

  g_assert_true (md_database_backup_if_due (path, evening, &second, &error));
  g_assert_null (second);
  g_assert_cmpuint (count_backups (path), ==, 1);

  g_assert_cmpint (g_stat (first, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
}

static void
test_rotation_keeps_7_daily_and_12_monthly (void)
{
  g_autoptr(MdDiary) diary = NULL;
  g_autofree char *path = new_diary_with_attack (&diary);
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) day = g_date_time_new (tz, 2025, 1, 1, 12, 0, 0);
  g_autofree char *dir = md_paths_get_backup_dir (path);
  g_autofree char *kept_daily = NULL;
  g_autofree char *kept_monthly = NULL;
  g_autofree char *dropped = NULL;

  /* Two years of daily use. */
  for (int i = 0; i < 730; i++)
    {
      g_autoptr(GDateTime) today = g_date_time_add_days (day, i);
      g_autoptr(GError) error = NULL;

      g_assert_true (md_database_backup_if_due (path, today, NULL, &error));
      g_assert_no_error (error);
    }

  /* Last day 2026-12-31: the 7 newest days (all in December), plus the
   * newest of each of the 11 months before December = 18. */
  g_assert_cmpuint (count_backups (path), ==, 7 + 11);
  kept_daily = g_build_filename (dir, "diary-2026-12-25.db", NULL);
  kept_monthly = g_build_filename (dir, "diary-2026-01-31.db", NULL);
  dropped = g_build_filename (dir, "diary-2025-12-31.db", NULL);
  g_assert_true (g_file_test (kept_daily, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (kept_monthly, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (dropped, G_FILE_TEST_EXISTS));
}

static void
test_restore_puts_the_backup_in_place (void)
{
  g_autoptr(MdDiary) diary = NULL;
  g_autofree char *path = new_diary_with_attack (&diary);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *backup = NULL;
  g_autoptr(MdAttack) later = md_attack_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (md_database_backup_if_due (path, now, &backup, &error));
  later->start = 1700100000;
  later->peak_pain = 1;
  g_assert_true (md_diary_save_attack (diary, later, NULL));
  g_assert_cmpint (md_diary_count (diary, "attacks"), ==, 2);
  g_clear_object (&diary);

  {
    g_autofree char *newest = md_database_find_newest_backup (path);

    g_assert_cmpstr (newest, ==, backup);
  }
  g_assert_true (md_database_restore_backup (backup, path, &error));
  g_assert_no_error (error);

  diary = md_diary_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (md_diary_count (diary, "attacks"), ==, 1);
}

static void
backup_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  char **out_path = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (md_database_backup_if_due_finish (result, out_path, &error));
  g_assert_no_error (error);
  if (*out_path == NULL)
    *out_path = g_strdup ("");
}

static gboolean
have_path (gpointer user_data)
{
  return *(char **) user_data != NULL;
}

static void
test_backup_in_a_thread (void)
{
  g_autoptr(MdDiary) diary = NULL;
  g_autofree char *path = new_diary_with_attack (&diary);
  g_autofree char *backup = NULL;

  md_database_backup_if_due_async (path, NULL, backup_done_cb, &backup);
  g_assert_true (md_test_wait_for (have_path, &backup, 10000));
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_backups (path), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  md_test_init (&argc, &argv);

  g_test_add_func ("/md/backups/once-a-day", test_backup_once_a_day_and_private);
  g_test_add_func ("/md/backups/rotation", test_rotation_keeps_7_daily_and_12_monthly);
  g_test_add_func ("/md/backups/restore", test_restore_puts_the_backup_in_place);
  g_test_add_func ("/md/backups/thread", test_backup_in_a_thread);

  return g_test_run ();
}
