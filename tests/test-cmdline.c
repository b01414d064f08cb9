/* test-cmdline.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/stat.h>
#include <glib/gstdio.h>

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

  return g_test_run ();
}
