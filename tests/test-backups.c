/* test-backups.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/stat.h>
#include <glib/gstdio.h>

#include "md-database-private.h"
#include "md-database.h"
#include "md-database-recover.h"
#include "md-diary.h"
#include "md-error.h"
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

/* A diary with one attack, and the folder its backups go to */
typedef struct
{
  MdDiary *diary;
  char    *path;
  char    *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->path = new_diary_with_attack (&fixture->diary);
  fixture->dir = md_paths_get_backup_dir (fixture->path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->diary);
  g_free (fixture->dir);
  g_free (fixture->path);
}

#define add_backup_test(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

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
test_backup_once_a_day_and_private (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) morning = g_date_time_new (tz, 2026, 5, 1, 9, 0, 0);
  g_autoptr(GDateTime) evening = g_date_time_new (tz, 2026, 5, 1, 21, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  GStatBuf st;

  g_assert_true (md_database_backup_if_due (fixture->path, morning, &first, &error));
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_true (g_str_has_suffix (first, "diary-2026-05-01.db"));

  g_assert_true (md_database_backup_if_due (fixture->path, evening, &second, &error));
  g_assert_null (second);
  g_assert_cmpuint (count_backups (fixture->path), ==, 1);

  g_assert_cmpint (g_stat (first, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (fixture->dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
}

static void
test_rotation_keeps_7_daily_and_12_monthly (Fixture       *fixture,
                                            gconstpointer  data)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) day = g_date_time_new (tz, 2025, 1, 1, 12, 0, 0);
  g_autofree char *kept_daily = NULL;
  g_autofree char *kept_monthly = NULL;
  g_autofree char *dropped = NULL;

  /* Two years of daily use. */
  for (int i = 0; i < 730; i++)
    {
      g_autoptr(GDateTime) today = g_date_time_add_days (day, i);
      g_autoptr(GError) error = NULL;

      g_assert_true (md_database_backup_if_due (fixture->path, today, NULL, &error));
      g_assert_no_error (error);
    }

  /* Last day 2026-12-31: the 7 newest days (all in December), plus the
   * newest of each of the 11 months before December = 18. */
  g_assert_cmpuint (count_backups (fixture->path), ==, 7 + 11);
  kept_daily = g_build_filename (fixture->dir, "diary-2026-12-25.db", NULL);
  kept_monthly = g_build_filename (fixture->dir, "diary-2026-01-31.db", NULL);
  dropped = g_build_filename (fixture->dir, "diary-2025-12-31.db", NULL);
  g_assert_true (g_file_test (kept_daily, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (kept_monthly, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (dropped, G_FILE_TEST_EXISTS));
}

static void
test_restore_puts_the_backup_in_place (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *backup = NULL;
  g_autoptr(MdAttack) later = md_attack_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (md_database_backup_if_due (fixture->path, now, &backup, &error));
  later->start = 1700100000;
  later->peak_pain = 1;
  g_assert_true (md_diary_save_attack (fixture->diary, later, NULL));
  g_assert_cmpint (md_diary_count (fixture->diary, "attacks"), ==, 2);
  g_clear_object (&fixture->diary);

  {
    g_autofree char *newest = md_database_find_newest_backup (fixture->path);

    g_assert_cmpstr (newest, ==, backup);
  }
  g_assert_true (md_database_restore_backup (backup, fixture->path, &error));
  g_assert_no_error (error);

  fixture->diary = md_diary_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (md_diary_count (fixture->diary, "attacks"), ==, 1);
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
test_backup_in_a_thread (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *backup = NULL;

  md_database_backup_if_due_async (fixture->path, NULL, backup_done_cb, &backup);
  g_assert_true (md_test_wait_for (have_path, &backup, 10000));
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_backups (fixture->path), ==, 1);
}

/* A damaged diary, a damaged newest backup and a good older one: the
 * good one is named and restored, the bad one refused without a trace,
 * and no empty diary ever takes the damaged one's place. */
static void
test_damaged_newest_backup_is_skipped (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(GDateTime) older_day = g_date_time_new_local (2026, 5, 1, 12, 0, 0);
  g_autoptr(GDateTime) newer_day = g_date_time_new_local (2026, 5, 2, 12, 0, 0);
  g_autoptr(GPtrArray) bad = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *older = NULL;
  g_autofree char *newer = NULL;
  g_autofree char *good = NULL;
  g_autofree char *described = NULL;

  g_assert_true (md_database_backup_if_due (fixture->path, older_day, &older, NULL));
  md_test_save_attack (fixture->diary, 1700100000, 1);
  g_assert_true (md_database_backup_if_due (fixture->path, newer_day, &newer, NULL));
  g_clear_object (&fixture->diary);
  md_test_damage_page (newer, 2);
  g_assert_true (g_file_set_contents (fixture->path, "garbage, not a diary", -1, NULL));

  g_assert_false (md_database_check_backup (newer, &error));
  g_assert_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "“diary-2026-05-02.db” is damaged"));
  g_clear_error (&error);
  g_assert_true (md_database_check_backup (older, &error));
  g_assert_no_error (error);

  good = md_database_find_good_backup (fixture->path, NULL, bad);
  g_assert_cmpstr (good, ==, older);
  g_assert_cmpuint (bad->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (bad, 0), ==, newer);
  described = md_database_describe_backup (good);
  g_assert_cmpstr (described, ==, "“diary-2026-05-01.db” (Friday 1 May 2026)");

  /* The damaged diary is moved aside; the message names the good backup. */
  fixture->diary = md_diary_open (fixture->path, &error);
  g_assert_null (fixture->diary);
  g_assert_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, older));
  g_assert_nonnull (strstr (error->message, "the newest undamaged backup"));
  g_assert_null (strstr (error->message, newer));
  g_clear_error (&error);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));

  /* The bad backup is refused, and nothing takes the diary's place. */
  g_assert_false (md_database_restore_backup (newer, fixture->path, &error));
  g_assert_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_DAMAGED);
  g_clear_error (&error);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));

  /* The good one comes back with its entry. */
  g_assert_true (md_database_restore_backup (older, fixture->path, &error));
  g_assert_no_error (error);
  fixture->diary = md_diary_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (md_diary_count (fixture->diary, "attacks"), ==, 1);

  /* With no good backup left, none is offered. */
  md_test_damage_page (older, 2);
  g_clear_pointer (&good, g_free);
  good = md_database_find_good_backup (fixture->path, NULL, NULL);
  g_assert_null (good);

  /* …and a diary damaged now says so, not that there is no backup. */
  g_clear_object (&fixture->diary);
  g_assert_true (g_file_set_contents (fixture->path, "garbage, not a diary", -1, NULL));
  fixture->diary = md_diary_open (fixture->path, &error);
  g_assert_null (fixture->diary);
  g_assert_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "none of its backups can be restored"));
}

/* A backup that is an empty file passes SQLite's integrity check (it is
 * an empty database), but holds no diary. */
static void
test_empty_backup_is_refused (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (fixture->dir, "diary-2026-05-01.db", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (fixture->dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (backup, "", 0, NULL));
  g_assert_false (md_database_check_backup (backup, &error));
  g_assert_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_DAMAGED);
  g_clear_error (&error);

  g_assert_false (md_database_restore_backup (backup, fixture->path, &error));
  g_assert_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_DAMAGED);
  g_assert_cmpint (md_diary_count (fixture->diary, "attacks"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  md_test_init (&argc, &argv);

  add_backup_test ("/md/backups/once-a-day", test_backup_once_a_day_and_private);
  add_backup_test ("/md/backups/rotation", test_rotation_keeps_7_daily_and_12_monthly);
  add_backup_test ("/md/backups/restore", test_restore_puts_the_backup_in_place);
  add_backup_test ("/md/backups/thread", test_backup_in_a_thread);
  add_backup_test ("/md/backups/damaged-newest", test_damaged_newest_backup_is_skipped);
  add_backup_test ("/md/backups/empty", test_empty_backup_is_refused);

  return g_test_run ();
}
