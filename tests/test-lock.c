/* test-lock.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The diary under contention, through the real command line: another
 * program holding its lock, and several processes opening it at once.
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "md-database-private.h"
#include "md-diary.h"
#include "md-diary-csv.h"
#include "md-error.h"
#include "md-test-lock.h"
#include "md-test-utils.h"

/* What another program runs to keep everyone else from reading: a WAL
 * diary in exclusive locking mode holds the file itself. */
#define HOLD_FILE_SQL "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; SELECT count(*) FROM attacks;"

/* The app, started and not waited for. */
static GSubprocess *
start_app (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSubprocess *app;

  g_ptr_array_add (argv, (gpointer) md_test_get_executable ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  app = g_subprocess_newv ((const char * const *) argv->pdata,
                           G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);

  return app;
}

/* Waits for @app and returns its exit status, its error output in
 * @out_stderr. */
static int
finish_app (GSubprocess  *app,
            char        **out_stderr)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;

  g_assert_true (g_subprocess_communicate_utf8 (app, NULL, NULL, &output, out_stderr, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (app));

  return g_subprocess_get_exit_status (app);
}

static void
assert_nothing_moved_aside (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_assert_null (strstr (name, ".damaged-"));
}

static void
assert_schema_is_current (const char *path)
{
  g_autoptr(MdDiary) diary = md_test_open_diary (path);
  sqlite3 *db = md_database_get_handle (md_diary_get_database (diary));
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, MD_DATABASE_SCHEMA_VERSION);
  sqlite3_finalize (stmt);

  /* The presets of migration 1, once each */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*), count(DISTINCT builtin_key) FROM medications "
                                           "WHERE builtin_key IS NOT NULL", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), >, 0);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, sqlite3_column_int (stmt, 1));
  sqlite3_finalize (stmt);
}

/* A closed diary with one attack, in a folder of its own. */
static char *
make_diary (void)
{
  char *path = NULL;
  g_autoptr(MdDiary) diary = md_test_new_diary (&path);

  md_test_save_attack (diary, 1700000000, 2);

  return path;
}

static void
app_exited_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *(gboolean *) user_data = TRUE;
}

/* A closed diary with one attack, and the command that exports it */
typedef struct
{
  char       *path;
  char       *dir;
  char       *csv;
  const char *export_args[5];
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->path = make_diary ();
  fixture->dir = g_path_get_dirname (fixture->path);
  fixture->csv = g_build_filename (fixture->dir, "out.csv", NULL);
  fixture->export_args[0] = "--database";
  fixture->export_args[1] = fixture->path;
  fixture->export_args[2] = "--export-csv";
  fixture->export_args[3] = fixture->csv;
  fixture->export_args[4] = NULL;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->path);
  g_free (fixture->dir);
  g_free (fixture->csv);
}

/* A healthy diary held by another program while the app checks it: the
 * app waits, and once the lock is gone exports it. Nothing moved aside. */
static void
test_check_waits_for_lock (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *errors = NULL;
  g_autofree char *contents = NULL;
  GSubprocess *holder = md_test_hold_lock (fixture->path, HOLD_FILE_SQL);
  g_autoptr(GSubprocess) app = start_app (fixture->export_args);
  gboolean exited = FALSE;

  g_subprocess_wait_async (app, NULL, app_exited_cb, &exited);
  md_test_iterate (1000);
  /* Still waiting for the lock, not failed and not moved aside */
  g_assert_false (exited);
  assert_nothing_moved_aside (fixture->dir);

  md_test_release_lock (holder);
  g_assert_cmpint (finish_app (app, &errors), ==, 0);
  g_assert_cmpstr (errors, ==, "");
  g_assert_true (g_file_get_contents (fixture->csv, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "attack,"));
  assert_nothing_moved_aside (fixture->dir);
}

/* Held for longer than the app waits: it says who holds the diary, and
 * the file is exactly as it was. */
static void
test_check_gives_up_on_long_lock (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *errors = NULL;
  g_autofree char *holder_name = NULL;
  gsize before_length, after_length;
  GSubprocess *holder;

  g_assert_true (g_file_get_contents (fixture->path, &before, &before_length, NULL));
  holder = md_test_hold_lock (fixture->path, HOLD_FILE_SQL);
  holder_name = g_strdup_printf ("in use by “md-hold-lock” (process %s)", g_subprocess_get_identifier (holder));

  g_assert_cmpint (md_test_spawn_app (fixture->export_args, NULL, &errors), ==, 1);
  g_test_message ("%s", errors);
  g_assert_nonnull (strstr (errors, fixture->path));
  g_assert_nonnull (strstr (errors, holder_name));
  g_assert_nonnull (strstr (errors, "could not be opened; the file was not changed"));
  g_assert_false (g_file_test (fixture->csv, G_FILE_TEST_EXISTS));
  assert_nothing_moved_aside (fixture->dir);

  md_test_release_lock (holder);
  g_assert_true (g_file_get_contents (fixture->path, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);
  assert_schema_is_current (fixture->path);
}

/* A CSV file with one attack, to import. */
static char *
make_csv (void)
{
  g_autofree char *source = make_diary ();
  g_autoptr(MdDiary) diary = md_test_open_diary (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) csv = md_diary_export_csv (diary, &error);
  char *file = md_test_temp_path ("one-attack.csv");

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (file, csv->str, csv->len, &error));
  g_assert_no_error (error);

  return file;
}

#define N_PROCESSES 4

/* Runs N_PROCESSES copies of the app with @args at once; all succeed. */
static void
run_at_once (const char * const *args)
{
  GSubprocess *apps[N_PROCESSES];

  for (guint i = 0; i < N_PROCESSES; i++)
    apps[i] = start_app (args);

  for (guint i = 0; i < N_PROCESSES; i++)
    {
      g_autofree char *errors = NULL;
      int status = finish_app (apps[i], &errors);

      if (status != 0)
        g_test_message ("%s", errors);
      g_assert_cmpint (status, ==, 0);
      /* A diary another run is creating is never taken for an empty
       * file left by a failed copy. */
      if (strstr (errors, "was an empty file") != NULL)
        g_error ("a false alarm: %s", errors);
      g_object_unref (apps[i]);
    }
}

/* Several processes creating the same new diary at once: each finds it
 * created or creates it, none fails on a half-made schema, nothing is
 * taken for damage, and the attack is there once. */
static void
test_new_diary_opened_at_once (void)
{
  g_autofree char *csv = make_csv ();

  for (guint attempt = 0; attempt < 40; attempt++)
    {
      g_autofree char *dir = md_test_make_temp_dir ();
      g_autofree char *path = g_build_filename (dir, "diary.db", NULL);
      const char *args[] = { "--database", path, "--import-csv", csv, NULL };

      run_at_once (args);
      assert_nothing_moved_aside (dir);
      assert_schema_is_current (path);
      {
        g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
        const char *name;

        /* No run's unfinished new diary is left over. */
        while ((name = g_dir_read_name (listing)) != NULL)
          g_assert_null (strstr (name, ".md-new-"));
      }
      {
        g_autoptr(MdDiary) diary = md_test_open_diary (path);

        g_assert_cmpuint (g_list_model_get_n_items (md_diary_get_attacks (diary)), ==, 1);
      }
    }
}

/* Several processes reading an existing diary at once. */
static void
test_existing_diary_opened_at_once (Fixture       *fixture,
                                    gconstpointer  data)
{
  for (guint attempt = 0; attempt < 20; attempt++)
    {
      run_at_once (fixture->export_args);
      assert_nothing_moved_aside (fixture->dir);
    }
  assert_schema_is_current (fixture->path);
}

/* A write lock of the app's own, taken by another connection (an import
 * in a thread): the window's save names it as such. */
static void
test_own_import_is_named (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(MdDiary) importing = md_test_open_diary (fixture->path);
  g_autoptr(MdDiary) window = md_test_open_diary (fixture->path);
  g_autoptr(MdAttack) attack = md_attack_new ();
  g_autoptr(GError) error = NULL;

  md_database_set_lock_wait (md_diary_get_database (window), MD_DATABASE_LOCK_WAIT_INTERACTIVE);
  g_assert_true (md_diary_begin (importing, &error));
  g_assert_no_error (error);

  attack->start = 1700900000;
  attack->peak_pain = 1;
  g_assert_false (md_diary_save_attack (window, attack, &error));
  g_assert_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "is in use by another task of Migraine Diary, such as an import, "
                                            "so nothing was saved"));
  md_diary_rollback (importing);
}

/* Whether the process @app is still running (not ended, not a zombie). */
static gboolean
is_running (GSubprocess *app)
{
  const char *pid = g_subprocess_get_identifier (app);
  g_autofree char *stat_path = NULL;
  g_autofree char *stat = NULL;
  const char *state;

  if (pid == NULL)
    return FALSE;
  stat_path = g_build_filename ("/proc", pid, "stat", NULL);
  if (!g_file_get_contents (stat_path, &stat, NULL, NULL))
    return FALSE;
  state = strrchr (stat, ')');

  return state != NULL && state[1] == ' ' && state[2] != 'Z';
}

/* --background at login while another program holds the diary longer
 * than the start-up check waits: it says so and keeps trying, and the
 * reminders start once the diary is free, instead of ending and leaving
 * the day without reminders. */
static void
test_background_waits_for_lock (Fixture       *fixture,
                                gconstpointer  data)
{
  const char *args[] = { "--database", fixture->path, "--background", NULL };
  GSubprocess *holder = md_test_hold_lock (fixture->path, HOLD_FILE_SQL);
  g_autoptr(GSubprocess) app = start_app (args);
  g_autofree char *errors = NULL;

  /* Past the check's wait, the app has not given up. */
  g_usleep (8 * G_USEC_PER_SEC);
  g_assert_true (is_running (app));

  md_test_release_lock (holder);

  /* This diary has no reminder: once open, the app says so and ends. */
  g_assert_cmpint (finish_app (app, &errors), ==, 0);
  g_test_message ("%s", errors);
  g_assert_nonnull (strstr (errors, "could not be opened; the file was not changed"));
  g_assert_nonnull (strstr (errors, "The reminders will start once the diary is free"));
  g_assert_nonnull (strstr (errors, "No reminder is on, so there is nothing to run in the background."));
  assert_nothing_moved_aside (fixture->dir);
}

int
main (int   argc,
      char *argv[])
{
  md_test_init (&argc, &argv);

  g_test_add ("/md/lock/check-waits", Fixture, NULL, fixture_set_up, test_check_waits_for_lock,
              fixture_tear_down);
  g_test_add ("/md/lock/check-gives-up", Fixture, NULL, fixture_set_up, test_check_gives_up_on_long_lock,
              fixture_tear_down);
  g_test_add ("/md/lock/own-import", Fixture, NULL, fixture_set_up, test_own_import_is_named,
              fixture_tear_down);
  g_test_add ("/md/lock/background-waits", Fixture, NULL, fixture_set_up, test_background_waits_for_lock,
              fixture_tear_down);
  g_test_add_func ("/md/lock/new-diary-at-once", test_new_diary_opened_at_once);
  g_test_add ("/md/lock/existing-diary-at-once", Fixture, NULL, fixture_set_up,
              test_existing_diary_opened_at_once, fixture_tear_down);

  return g_test_run ();
}
