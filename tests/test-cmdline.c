/* test-cmdline.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "md-diary.h"
#include "md-test-utils.h"

static void
test_version (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *args[] = { "--version", NULL };

  g_assert_cmpint (md_test_spawn_app (args, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "migraine-diary " PACKAGE_VERSION "\n");
  g_assert_cmpstr (err, ==, "");
}

static void
test_help_lists_options (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *args[] = { "--help", NULL };

  g_assert_cmpint (md_test_spawn_app (args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "--database=PATH"));
  g_assert_nonnull (strstr (out, "--version"));
  g_assert_nonnull (strstr (out, "Keep a diary of migraine attacks and treatments."));
}

static void
test_unknown_option_is_a_usage_error (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *args[] = { "--frobnicate", NULL };

  g_assert_cmpint (md_test_spawn_app (args, &out, &err), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "--frobnicate"));
  g_assert_nonnull (strstr (err, "migraine-diary --help"));
}

static void
test_stray_argument_is_a_usage_error (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *args[] = { "diary.db", NULL };

  g_assert_cmpint (md_test_spawn_app (args, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "“diary.db”"));
}

static void
test_missing_option_value_is_a_usage_error (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *args[] = { "--database", NULL };

  g_assert_cmpint (md_test_spawn_app (args, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "--database"));
}

static void
test_database_folder_is_created_private (void)
{
  g_autofree char *tmp = md_test_make_temp_dir ();
  g_autofree char *db = g_build_filename (tmp, "nested", "diaries", "diary.db", NULL);
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *args[] = { "--database", db, "--version", NULL };
  GStatBuf st;

  g_assert_cmpint (md_test_spawn_app (args, &out, &err), ==, 0);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
}

static void
test_database_folder_that_cannot_be_made (void)
{
  g_autofree char *tmp = md_test_make_temp_dir ();
  g_autofree char *blocker = g_build_filename (tmp, "not-a-folder", NULL);
  g_autofree char *db = g_build_filename (blocker, "diary.db", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *args[] = { "--database", db, "--version", NULL };

  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
  g_assert_cmpint (md_test_spawn_app (args, &out, &err), ==, 1);
  /* One sentence that names the place. */
  g_assert_nonnull (strstr (err, blocker));
  g_assert_cmpstr (out, ==, "");
}

static void
test_damaged_diary_names_the_backup (void)
{
  g_autofree char *tmp = md_test_make_temp_dir ();
  g_autofree char *db = g_build_filename (tmp, "diary.db", NULL);
  g_autofree char *csv = g_build_filename (tmp, "out.csv", NULL);
  g_autofree char *backup = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *export_args[] = { "--database", db, "--export-csv", csv, NULL };

  /* A diary with a backup, then damaged. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(MdDiary) diary = md_diary_open (db, NULL);

    g_assert_nonnull (diary);
    g_assert_true (md_database_backup_if_due (db, now, &backup, NULL));
  }
  g_assert_true (g_file_set_contents (db, "not a diary", -1, NULL));

  g_assert_cmpint (md_test_spawn_app (export_args, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "damaged"));
  g_assert_nonnull (strstr (err, backup));
  g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
}

static void
test_csv_is_the_same_in_every_locale (void)
{
  g_autofree char *tmp = md_test_make_temp_dir ();
  g_autofree char *db = g_build_filename (tmp, "diary.db", NULL);
  g_autofree char *c_csv = g_build_filename (tmp, "c.csv", NULL);
  g_autofree char *de_csv = g_build_filename (tmp, "de.csv", NULL);
  g_autofree char *c_text = NULL;
  g_autofree char *de_text = NULL;
  g_autofree char *c_out = NULL;
  g_autofree char *de_out = NULL;
  const char *c_args[] = { "--database", db, "--export-csv", c_csv, NULL };
  const char *de_args[] = { "--database", db, "--export-csv", de_csv, NULL };

  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("the de_DE.UTF-8 locale is not installed (build-aux/test generates it)");
      return;
    }
  setlocale (LC_NUMERIC, "C.UTF-8");

  {
    g_autoptr(MdDiary) diary = md_diary_open (db, NULL);
    g_autoptr(MdDose) dose = md_dose_new ();

    dose->medication_uuid = g_strdup ("preset-zolmitriptan-2-5mg");
    dose->taken = 1700000000;
    dose->amount = 2.5;
    dose->unit = g_strdup ("mg");
    dose->route = g_strdup ("oral");
    dose->setting = g_strdup ("home");
    dose->cost = 12.75;
    g_assert_true (md_diary_save_dose (diary, dose, NULL));
  }

  g_assert_cmpint (md_test_spawn_app (c_args, &c_out, NULL), ==, 0);
  g_setenv ("LC_ALL", "de_DE.UTF-8", TRUE);
  g_assert_cmpint (md_test_spawn_app (de_args, &de_out, NULL), ==, 0);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);

  g_assert_true (g_file_get_contents (c_csv, &c_text, NULL, NULL));
  g_assert_true (g_file_get_contents (de_csv, &de_text, NULL, NULL));
  g_assert_nonnull (strstr (c_text, ",2.5,mg,"));
  g_assert_nonnull (strstr (c_text, ",12.75,"));
  g_assert_cmpstr (c_text, ==, de_text);
}

int
main (int   argc,
      char *argv[])
{
  md_test_init (&argc, &argv);

  g_test_add_func ("/md/cmdline/version", test_version);
  g_test_add_func ("/md/cmdline/help", test_help_lists_options);
  g_test_add_func ("/md/cmdline/unknown-option", test_unknown_option_is_a_usage_error);
  g_test_add_func ("/md/cmdline/stray-argument", test_stray_argument_is_a_usage_error);
  g_test_add_func ("/md/cmdline/missing-value", test_missing_option_value_is_a_usage_error);
  g_test_add_func ("/md/cmdline/database-folder", test_database_folder_is_created_private);
  g_test_add_func ("/md/cmdline/database-folder-blocked", test_database_folder_that_cannot_be_made);
  g_test_add_func ("/md/cmdline/damaged-diary", test_damaged_diary_names_the_backup);
  g_test_add_func ("/md/cmdline/csv-locale", test_csv_is_the_same_in_every_locale);

  return g_test_run ();
}
