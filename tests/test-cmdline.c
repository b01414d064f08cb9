/* test-cmdline.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <unistd.h>

#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "md-database.h"
#include "md-diary.h"
#include "md-paths.h"
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

/* --import-csv of a dose taken ten minutes ago: its summary says the
 * follow-up was made, and the diary has it two hours after the dose. */
static void
test_import_says_follow_ups (void)
{
  g_autofree char *tmp = md_test_make_temp_dir ();
  g_autofree char *db = g_build_filename (tmp, "diary.db", NULL);
  g_autofree char *file = g_build_filename (tmp, "doses.csv", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) taken = g_date_time_add_minutes (now, -10);
  g_autofree char *taken_text = g_date_time_format (taken, "%Y-%m-%dT%H:%M:%S%:z");
  g_autofree char *csv = g_strdup_printf ("#migraine-diary-csv,1\n"
                                          "dose,d-1,preset-sumatriptan-50mg,,%s,50,mg,oral,home,,,,,,\n",
                                          taken_text);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *args[] = { "--database", db, "--import-csv", file, NULL };
  g_autoptr(MdDiary) diary = NULL;
  g_autoptr(GPtrArray) reminders = NULL;

  g_assert_true (g_file_set_contents (file, csv, -1, NULL));
  g_assert_cmpint (md_test_spawn_app (args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Imported 1 new entry"));
  g_assert_nonnull (strstr (out, "“How is your pain now?” will be asked 2 hours after 1 imported dose.\n"));

  diary = md_diary_open (db, NULL);
  reminders = md_diary_list_reminders (diary);
  g_assert_cmpuint (reminders->len, ==, 1);
  g_assert_cmpstr (((MdReminder *) g_ptr_array_index (reminders, 0))->dose_uuid, ==, "d-1");
}

/* --import-csv as issue 18 found it: a file with blank lines at its end
 * imports; a day the diary has is completed, and one that differs is
 * named in the summary; an infinite amount is refused with its line and
 * field, and nothing of that file is saved. */
static void
test_import_validates_and_merges_days (void)
{
  g_autofree char *tmp = md_test_make_temp_dir ();
  g_autofree char *db = g_build_filename (tmp, "diary.db", NULL);
  g_autofree char *days = g_build_filename (tmp, "days.csv", NULL);
  g_autofree char *bad = g_build_filename (tmp, "bad.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out_bad = NULL;
  g_autofree char *err_bad = NULL;
  const char *first[] = { "--database", db, "--import-csv", days, NULL };
  const char *second[] = { "--database", db, "--import-csv", bad, NULL };
  g_autoptr(MdDiary) diary = NULL;
  g_autoptr(MdDay) day = NULL;

  g_assert_true (g_file_set_contents (days,
                                      "#migraine-diary-csv,2\n"
                                      "day,a-1,2026-01-01,headache-free,0,\n"
                                      "day,a-2,2026-01-02,headache,0,Left side\n"
                                      "day,b-1,2026-01-01,,1,Cramps\n"
                                      "day,b-2,2026-01-02,headache-free,0,\n"
                                      "\n\n", -1, NULL));
  g_assert_cmpint (md_test_spawn_app (first, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Imported 2 new entries"));
  g_assert_nonnull (strstr (out, "1 day already in the diary was completed from the file. "
                                 "On 1 day (2026-01-02), the file differs from the diary; "
                                 "the diary keeps its own record.\n"));

  g_assert_true (g_file_set_contents (bad,
                                      "#migraine-diary-csv,2\n"
                                      "day,c-1,2026-01-03,headache-free,0,\n"
                                      "dose,d-1,preset-ibuprofen-400mg,,2026-01-04T11:00:00+01:00,inf,mg,"
                                      "oral,home,,,,,,,acute\n", -1, NULL));
  g_assert_cmpint (md_test_spawn_app (second, &out_bad, &err_bad), ==, 1);
  g_assert_nonnull (strstr (err_bad, "Line 3, column 6 (amount): not a number such as 2.5"));

  diary = md_diary_open (db, NULL);
  day = md_diary_get_day (diary, "2026-01-01");
  g_assert_true (day->menstruation);
  g_assert_cmpstr (day->notes, ==, "Cramps");
  g_assert_cmpint (md_diary_count (diary, "days"), ==, 2);
  g_assert_cmpint (md_diary_count (diary, "doses"), ==, 0);
}

static int
spawn_background (const char  *config_dir,
                  const char  *db,
                  char       **err)
{
  const char *argv[] = { md_test_get_executable (), "--database", db, "--background", NULL };
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  /* Settings in a key file, as the desktop would keep them. */
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "keyfile", TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", config_dir, TRUE);
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, err, &status,
                &error);
  g_assert_no_error (error);

  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* --background ends at once when it has nothing to do, and says why in
 * one line: "Run in Background" off, or no reminder on. */
static void
test_background_says_why_it_ends (void)
{
  g_autofree char *tmp = md_test_make_temp_dir ();
  g_autofree char *db = g_build_filename (tmp, "diary.db", NULL);
  g_autofree char *settings_dir = g_build_filename (tmp, "glib-2.0", "settings", NULL);
  g_autofree char *keyfile = g_build_filename (settings_dir, "keyfile", NULL);
  g_autofree char *err = NULL;

  g_assert_cmpint (spawn_background (tmp, db, &err), ==, 0);
  /* One line, and nothing else: no display was opened, so no renderer spoke. */
  g_assert_cmpstr (err, ==, "migraine-diary: No reminder is on, so there is nothing to run in the background.\n");
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (g_mkdir_with_parents (settings_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (keyfile, "[io/github/migrainediary/MigraineDiary]\n"
                                               "run-in-background=false\n", -1, NULL));
  g_assert_cmpint (spawn_background (tmp, db, &err), ==, 0);
  g_assert_cmpstr (err, ==, "migraine-diary: “Run in Background” is off in Preferences, "
                            "so there are no reminders without a window.\n");
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
  g_autofree char *blocker = NULL;
  g_autofree char *db = md_test_path_below_file (&blocker);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *args[] = { "--database", db, "--version", NULL };

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

static char *
report_diary (void)
{
  g_autofree char *tmp = md_test_make_temp_dir ();
  char *db = g_build_filename (tmp, "diary.db", NULL);
  g_autoptr(MdDiary) diary = md_diary_open (db, NULL);
  g_autoptr(MdAttack) attack = md_attack_new ();

  /* 2026-03-10 08:00–14:00 at UTC+1 */
  attack->start = 1773126000;
  attack->start_offset = 3600;
  attack->end = attack->start + 6 * 3600;
  attack->end_offset = 3600;
  attack->peak_pain = 3;
  g_assert_true (md_diary_save_attack (diary, attack, NULL));

  return db;
}

static void
test_export_report (void)
{
  g_autofree char *db = report_diary ();
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  const char *args[] = { "--database", db, "--export-report", pdf, "--from", "2026-03-01", "--to", "2026-03-31", NULL };

  g_assert_cmpint (md_test_spawn_app (args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, pdf));
  text = md_test_pdf_text (pdf, 0, 0);
  g_assert_nonnull (strstr (text, "Period: 1 Mar 2026 – 31 Mar 2026"));
  g_assert_nonnull (strstr (text, "10 Mar 2026 08:00"));
  g_assert_nonnull (strstr (text, "not a diagnosis"));
}

static void
test_export_report_refuses_bad_input (void)
{
  g_autofree char *db = report_diary ();
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *blocked = g_build_filename (dir, "no-such-folder", "report.pdf", NULL);
  struct {
    const char *args[9];
    int         status;
    const char *message;
  } cases[] = {
    { { "--database", db, "--export-report", pdf, "--from", "2026-02-30", NULL }, 2,
      "--from: “2026-02-30” is not a date; write it as YYYY-MM-DD" },
    { { "--database", db, "--export-report", pdf, "--to", "31.03.2026", NULL }, 2,
      "--to: “31.03.2026” is not a date" },
    { { "--database", db, "--export-report", pdf, "--from", "2026-04-01", "--to", "2026-03-01", NULL }, 2,
      "The period starts (--from 2026-04-01) after it ends (--to 2026-03-01)." },
    { { "--database", db, "--from", "2026-04-01", NULL }, 2,
      "--from and --to go with --export-report." },
    { { "--database", db, "--export-report", blocked, NULL }, 1,
      "Could not write" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (md_test_spawn_app (cases[i].args, &out, &err), ==, cases[i].status);
      if (strstr (err, cases[i].message) == NULL)
        g_error ("case %u: expected “%s”, got “%s”", i, cases[i].message, err);
      /* nothing is left behind, not even a temporary file */
      g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
    }
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      g_assert_false (g_str_has_prefix (name, "report.pdf"));
  }
}

/* An export or a report given the diary's own path (or SQLite's files
 * beside it, or the diary reached through a linked folder, or SQLite's
 * files beside the file a linked diary points to) is refused, and the
 * diary stays whole; so is a pipe or a device, which stays what it is. */
static void
test_export_refuses_the_diary_itself (void)
{
  g_autofree char *db = report_diary ();
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);
  g_autofree char *link = g_build_filename (dir, "linked", NULL);
  g_autofree char *through_link = g_build_filename (link, "diary.db", NULL);
  g_autofree char *linked_db = g_build_filename (dir, "linked.db", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length;
  gsize after_length;
  GStatBuf st;
  const char *targets[][4] = {
    { db, "--export-csv", db, "is the diary itself" },
    { db, "--export-report", db, "is the diary itself" },
    { db, "--export-csv", wal, "is the diary itself" },
    { db, "--export-csv", through_link, "is the diary itself" },
    { linked_db, "--export-csv", wal, "is the diary itself" },
    { linked_db, "--export-report", shm, "is the diary itself" },
    { db, "--export-csv", fifo, "is not a regular file" },
    { db, "--export-report", fifo, "is not a regular file" },
  };

  g_assert_cmpstr (strrchr (db, G_DIR_SEPARATOR) + 1, ==, "diary.db");
  g_assert_cmpint (symlink (dir, link), ==, 0);
  g_assert_cmpint (symlink (db, linked_db), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_true (g_file_get_contents (db, &before, &before_length, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      const char *args[] = { "--database", targets[i][0], targets[i][1], targets[i][2], NULL };
      g_autofree char *err = NULL;

      g_assert_cmpint (md_test_spawn_app (args, NULL, &err), ==, 1);
      if (strstr (err, targets[i][3]) == NULL)
        g_error ("%s %s %s: expected “%s”, got “%s”", targets[i][0], targets[i][1], targets[i][2],
                 targets[i][3], err);
    }

  g_assert_true (g_file_get_contents (db, &after, &after_length, NULL));
  g_assert_cmpuint (after_length, ==, before_length);
  g_assert_true (memcmp (before, after, before_length) == 0);
  g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  g_unlink (fifo);
  g_unlink (linked_db);
  g_unlink (link);
}

/* Runs the app with a watchdog: a run that has not ended after
 * @seconds is killed and the test fails, so a hang is a failure, not a
 * stuck suite. Returns the exit status; @out_max_rss_kib is the peak
 * memory of that run alone (wait4). */
static int
run_watched (const char * const  *args,
             guint                seconds,
             char               **out_stdout,
             char               **out_stderr,
             long                *out_max_rss_kib)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GIOChannel) out_channel = NULL;
  g_autoptr(GIOChannel) err_channel = NULL;
  struct rusage usage;
  GPid pid;
  int out_fd, err_fd;
  int status = 0;
  pid_t done = 0;

  g_ptr_array_add (argv, (gpointer) md_test_get_executable ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv->pdata, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &out_fd, &err_fd, &error));
  g_assert_no_error (error);

  for (guint tenths = 0; tenths < seconds * 10 && done == 0; tenths++)
    {
      done = wait4 (pid, &status, WNOHANG, &usage);
      if (done == 0)
        g_usleep (G_USEC_PER_SEC / 10);
    }
  if (done == 0)
    {
      kill (pid, SIGKILL);
      wait4 (pid, &status, 0, &usage);
      g_error ("%s %s did not end within %u s", args[0], args[1] != NULL ? args[1] : "", seconds);
    }

  /* What the app printed is small: it waited in the pipes. */
  out_channel = g_io_channel_unix_new (out_fd);
  err_channel = g_io_channel_unix_new (err_fd);
  g_io_channel_set_close_on_unref (out_channel, TRUE);
  g_io_channel_set_close_on_unref (err_channel, TRUE);
  g_io_channel_read_to_end (out_channel, out_stdout, NULL, NULL);
  g_io_channel_read_to_end (err_channel, out_stderr, NULL, NULL);
  if (out_max_rss_kib != NULL)
    *out_max_rss_kib = usage.ru_maxrss;
  g_spawn_close_pid (pid);

  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* --import-csv of a pipe (nobody writes to it: reading would wait for
 * ever), of /dev/zero (endless) and of a sparse 1 GiB file: each refused
 * at once with a sentence naming the file, nothing imported, and the
 * 1 GiB file never read into memory. */
static void
test_import_refuses_what_is_not_a_csv_file (void)
{
  g_autofree char *tmp = md_test_make_temp_dir ();
  g_autofree char *db = g_build_filename (tmp, "diary.db", NULL);
  MdTestRefusedFile cases[MD_TEST_N_REFUSED_FILES];

  md_test_make_refused_files (tmp, cases);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *args[] = { "--database", db, "--import-csv", cases[i].file, NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *quoted = g_strdup_printf ("“%s”", cases[i].file);
      long max_rss_kib = 0;

      g_assert_cmpint (run_watched (args, 60, &out, &err, &max_rss_kib), ==, 1);
      if (strstr (err, cases[i].message) == NULL || strstr (err, quoted) == NULL)
        g_error ("%s: expected “%s %s”, got “%s”", cases[i].file, quoted, cases[i].message, err);
      g_assert_cmpstr (out, ==, "");
      /* The app itself takes some 15 MiB; reading the file would take
       * 64 MiB (the limit) to 1 GiB. */
      if (max_rss_kib > 48 * 1024)
        g_error ("%s: the import peaked at %ld KiB", cases[i].file, max_rss_kib);
    }

  md_test_remove_refused_files (cases);
}

static guint
count_leftovers (const char *dir,
                 const char *target)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autofree char *hidden = g_strconcat (".", target, NULL);
  g_autofree char *dotted = g_strconcat (target, ".", NULL);
  const char *name;
  guint count = 0;

  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, hidden) || g_str_has_prefix (name, dotted))
      count++;

  return count;
}

/* --export-csv; @env: NULL for the test's own */
static int
export_csv (const char  *db,
            const char  *csv,
            char       **env)
{
  const char *argv[] = { md_test_get_executable (), "--database", db, "--export-csv", csv, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, env,
                               G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);

  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* --export-csv under strace, killed as it calls rename() */
static void
export_killed_at_rename (const char  *db,
                         const char  *csv,
                         char       **env)
{
  g_autofree char *strace = g_find_program_in_path ("strace");
  const char *argv[] = { strace, "-f", "-o", "/dev/null", "-e", "trace=rename,renameat,renameat2",
                         "-e", "inject=rename,renameat,renameat2:signal=SIGKILL",
                         md_test_get_executable (), "--database", db, "--export-csv", csv, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_nonnull (strace); /* build-aux/install-deps --test installs it */
  g_assert_true (g_spawn_sync (NULL, (char **) argv, env,
                               G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
}

/* An export killed at any point leaves no temporary file, or one of
 * ours (.NAME.md-tmp-XXXXXX) that the next export removes, unless
 * another export still holds it. */
static void
test_killed_export_leaves_nothing (void)
{
  g_autofree char *db = md_test_generate_diary ((const char *[]) { "--years", "10", "--seed", "5", NULL });
  g_autofree char *dir = md_test_make_temp_dir ();
  g_autofree char *csv = g_build_filename (dir, "out.csv", NULL);
  g_autofree char *left = g_build_filename (dir, ".out.csv.md-tmp-Ab12Cd", NULL);
  g_autofree char *held = g_build_filename (dir, ".out.csv.md-tmp-Xy34Zw", NULL);
  const char *argv[] = { md_test_get_executable (), "--database", db, "--export-csv", csv, NULL };
  const char *args[] = { "--database", db, "--export-csv", csv, NULL };
  guint delays_ms[] = { 5, 20, 40, 60, 80, 100, 150, 200, 300, 400 };
  int held_fd;

  for (guint i = 0; i < G_N_ELEMENTS (delays_ms); i++)
    {
      g_autoptr(GError) error = NULL;
      GPid pid;
      int status;

      g_assert_true (g_spawn_async (NULL, (char **) argv, NULL,
                                    G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                    NULL, NULL, &pid, &error));
      g_assert_no_error (error);
      g_usleep (delays_ms[i] * 1000);
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);
      g_spawn_close_pid (pid);
      g_assert_cmpuint (count_leftovers (dir, "out.csv"), ==, 0);
    }

  /* Killed at a known point: at the rename that puts a named temporary
   * file in place of an existing export, the one moment a temporary
   * file of ours has a name. */
  g_assert_cmpint (export_csv (db, csv, NULL), ==, 0);
  export_killed_at_rename (db, csv, NULL);
  g_assert_cmpuint (count_leftovers (dir, "out.csv"), ==, 1);
  g_assert_cmpint (export_csv (db, csv, NULL), ==, 0);
  g_assert_cmpuint (count_leftovers (dir, "out.csv"), ==, 0);

  g_assert_true (g_file_set_contents (left, "#migraine-diary-csv,2\n", -1, NULL));
  g_assert_true (g_file_set_contents (held, "#migraine-diary-csv,2\n", -1, NULL));
  held_fd = g_open (held, O_RDONLY, 0);
  g_assert_cmpint (flock (held_fd, LOCK_EX), ==, 0);

  g_assert_cmpint (run_watched (args, 120, NULL, NULL, NULL), ==, 0);
  g_assert_false (g_file_test (left, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (held, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_leftovers (dir, "out.csv"), ==, 1);

  close (held_fd);
  g_assert_cmpint (run_watched (args, 120, NULL, NULL, NULL), ==, 0);
  g_assert_cmpuint (count_leftovers (dir, "out.csv"), ==, 0);
  md_test_assert_private (csv);
  g_unlink (csv);
  g_unlink (db);
}

/* Every file that holds diary data is the owner's only, whatever the
 * umask: exports (also one that replaces a file readable by all), the
 * report, backups, a restored diary and the diary a restore replaced. */
static void
test_diary_files_are_private (void)
{
  g_autofree char *db = report_diary ();
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *csv = g_build_filename (dir, "out.csv", NULL);
  g_autofree char *pdf = g_build_filename (dir, "out.pdf", NULL);
  g_autofree char *backup = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  const char *csv_args[] = { "--database", db, "--export-csv", csv, NULL };
  const char *pdf_args[] = { "--database", db, "--export-report", pdf, NULL };
  mode_t old_umask = umask (0);

  g_assert_true (g_file_set_contents (csv, "readable by all", -1, NULL));
  g_assert_cmpint (g_chmod (csv, 0644), ==, 0);
  g_assert_cmpint (run_watched (csv_args, 60, NULL, NULL, NULL), ==, 0);
  g_assert_cmpint (run_watched (pdf_args, 60, NULL, NULL, NULL), ==, 0);
  md_test_assert_private (csv);
  md_test_assert_private (pdf);

  g_assert_true (md_database_backup_if_due (db, now, &backup, &error));
  g_assert_no_error (error);
  md_test_assert_private (backup);

  g_assert_true (md_database_restore_backup (backup, db, &error));
  g_assert_no_error (error);
  md_test_assert_private (db);
  {
    g_autofree char *backups = md_paths_get_backup_dir (db);
    g_autoptr(GDir) d = g_dir_open (backups, 0, NULL);
    const char *name;
    guint kept = 0;

    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (backups, name, NULL);

        md_test_assert_private (path);
        kept += g_str_has_prefix (name, "replaced-by-restore-");
      }
    g_assert_cmpuint (kept, ==, 1);
  }

  /* A new diary, with SQLite's files beside it while it is open */
  {
    g_autofree char *fresh = g_build_filename (dir, "fresh.db", NULL);
    g_autofree char *wal = g_strconcat (fresh, "-wal", NULL);
    g_autofree char *shm = g_strconcat (fresh, "-shm", NULL);
    g_autoptr(MdDiary) diary = md_diary_open (fresh, &error);

    g_assert_no_error (error);
    md_test_save_attack (diary, 1700000000, 2);
    md_test_assert_private (fresh);
    md_test_assert_private (wal);
    md_test_assert_private (shm);
  }

  umask (old_umask);
}

/* @text with no-break spaces (dates in the report) as plain spaces */
static char *
plain_spaces (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "\u00a0", -1);

  return g_strjoinv (" ", parts);
}

/* --from 0001-01-01 --to 9999-12-31: the report covers the months of
 * the diary (one attack on 10 March 2026) up to today, says so in its
 * header and on the command line, and has a few pages, not thousands. */
static void
test_export_report_shortens_the_period (void)
{
  g_autofree char *db = report_diary ();
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%-d %b %Y");
  g_autofree char *period = g_strdup_printf ("Period: 1 Mar 2026 – %s", today);
  g_autofree char *notice = g_strdup_printf ("The period was shortened to 1 Mar 2026 – %s: "
                                             "the diary has no entries outside it.\n", today);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autofree char *raw_text = NULL;
  g_autofree char *plain_out = NULL;
  const char *args[] = { "--database", db, "--export-report", pdf,
                         "--from", "0001-01-01", "--to", "9999-12-31", NULL };
  const char *empty_args[] = { "--database", db, "--export-report", pdf,
                               "--from", "2020-01-01", "--to", "2020-12-31", NULL };

  g_assert_cmpint (run_watched (args, 60, &out, &err, NULL), ==, 0);
  plain_out = plain_spaces (out);
  if (!g_str_has_prefix (plain_out, notice))
    g_error ("expected “%s”, got “%s”", notice, out);
  raw_text = md_test_pdf_text (pdf, 1, 1);
  text = plain_spaces (raw_text);
  if (strstr (text, period) == NULL ||
      strstr (text, "Shortened from 1 Jan 1 – 31 Dec 9999: the diary has no entries outside the period.") == NULL)
    g_error ("the header does not name the period: %s", text);

  g_assert_cmpint (md_test_pdf_pages (pdf), <=, 10);
  g_unlink (pdf);

  /* A period with no entries at all is refused */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_watched (empty_args, 60, NULL, &err, NULL), ==, 2);
  {
    g_autofree char *plain_err = plain_spaces (err);

    g_assert_nonnull (strstr (plain_err, "The diary has no entries from 1 Jan 2020 to 31 Dec 2020"));
  }
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

/* Where the file system has no unnamed files (O_TMPFILE fails, through
 * a preload): an export is written through .out.csv.md-tmp-XXXXXX,
 * which a kill before the rename leaves and the next export removes,
 * and the export is 0600 under umask 0 there too. */
static void
test_killed_export_without_unnamed_files (void)
{
  g_autofree char *db = report_diary ();
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *csv = g_build_filename (dir, "out.csv", NULL);
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "LD_PRELOAD",
                                        g_getenv ("MD_NO_TMPFILE_PRELOAD"), TRUE);
  g_autofree char *asan_options = NULL;
  mode_t old_umask = umask (0);

  g_assert_nonnull (g_getenv ("MD_NO_TMPFILE_PRELOAD"));
  /* A sanitizer build wants its runtime first; the preload comes first */
  asan_options = g_strconcat (g_environ_getenv (env, "ASAN_OPTIONS") != NULL ? g_environ_getenv (env, "ASAN_OPTIONS") : "",
                              ":verify_asan_link_order=0", NULL);
  env = g_environ_setenv (env, "ASAN_OPTIONS", asan_options, TRUE);

  /* With unnamed files, a new export has no rename to be killed at */
  export_killed_at_rename (db, csv, env);
  g_assert_cmpuint (count_leftovers (dir, "out.csv"), ==, 1);
  g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));

  g_assert_cmpint (export_csv (db, csv, env), ==, 0);
  g_assert_cmpuint (count_leftovers (dir, "out.csv"), ==, 0);
  md_test_assert_private (csv);

  umask (old_umask);
  g_unlink (csv);
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
  g_test_add_func ("/md/cmdline/import-follow-ups", test_import_says_follow_ups);
  g_test_add_func ("/md/cmdline/import-validates-and-merges-days", test_import_validates_and_merges_days);
  g_test_add_func ("/md/cmdline/background-ends", test_background_says_why_it_ends);
  g_test_add_func ("/md/cmdline/database-folder", test_database_folder_is_created_private);
  g_test_add_func ("/md/cmdline/database-folder-blocked", test_database_folder_that_cannot_be_made);
  g_test_add_func ("/md/cmdline/damaged-diary", test_damaged_diary_names_the_backup);
  g_test_add_func ("/md/cmdline/csv-locale", test_csv_is_the_same_in_every_locale);
  g_test_add_func ("/md/cmdline/export-report", test_export_report);
  g_test_add_func ("/md/cmdline/export-report-bad-input", test_export_report_refuses_bad_input);
  g_test_add_func ("/md/cmdline/export-refuses-the-diary", test_export_refuses_the_diary_itself);
  g_test_add_func ("/md/cmdline/import-refuses-non-files", test_import_refuses_what_is_not_a_csv_file);
  g_test_add_func ("/md/cmdline/killed-export-leaves-nothing", test_killed_export_leaves_nothing);
  g_test_add_func ("/md/cmdline/killed-export-named-temporary", test_killed_export_without_unnamed_files);
  g_test_add_func ("/md/cmdline/diary-files-private", test_diary_files_are_private);
  g_test_add_func ("/md/cmdline/export-report-shortens-period", test_export_report_shortens_the_period);

  return g_test_run ();
}
