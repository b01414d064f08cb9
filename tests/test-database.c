/* test-database.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "md-database-private.h"
#include "md-database.h"
#include "md-diary.h"
#include "md-error.h"
#include "md-paths.h"
#include "md-test-utils.h"

static char *
new_database_path (void)
{
  g_autofree char *dir = md_test_make_temp_dir ();

  return g_build_filename (dir, "diaries", "diary.db", NULL);
}

static char *
pragma_text (MdDatabase *database,
             const char *pragma)
{
  sqlite3_stmt *stmt = md_database_prepare (database, pragma, NULL);
  char *value = NULL;

  g_assert_nonnull (stmt);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return value;
}

static void
test_new_file_is_private_and_durable (void)
{
  g_autofree char *path = new_database_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDatabase) database = md_database_open (path, &error);
  g_autofree char *journal = NULL;
  g_autofree char *sync = NULL;
  g_autofree char *fk = NULL;
  g_autofree char *version = NULL;
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_nonnull (database);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  journal = pragma_text (database, "PRAGMA journal_mode");
  sync = pragma_text (database, "PRAGMA synchronous");
  fk = pragma_text (database, "PRAGMA foreign_keys");
  version = pragma_text (database, "PRAGMA user_version");
  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpstr (sync, ==, "2"); /* FULL */
  g_assert_cmpstr (fk, ==, "1");
  g_assert_cmpint (atoi (version), ==, MD_DATABASE_SCHEMA_VERSION);
}

static void
test_empty_file_migrates_to_current (void)
{
  g_autofree char *path = new_database_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDatabase) database = NULL;
  g_autoptr(MdDiary) diary = NULL;
  g_autofree char *version = NULL;

  /* Version 0: a file that exists but holds nothing yet. */
  g_assert_true (md_paths_ensure_parent_directory (path, NULL));
  g_assert_true (g_file_set_contents (path, "", 0, NULL));

  database = md_database_open (path, &error);
  g_assert_no_error (error);
  version = pragma_text (database, "PRAGMA user_version");
  g_assert_cmpint (atoi (version), ==, MD_DATABASE_SCHEMA_VERSION);

  /* The built-in catalogues came with the migration. */
  diary = md_diary_new (database);
  g_assert_cmpint (md_diary_count (diary, "symptoms"), >=, 9);
  g_assert_cmpint (md_diary_count (diary, "triggers"), >=, 10);
  g_assert_cmpint (md_diary_count (diary, "medications"), >=, 18);
}

/* Every schema the app ever shipped has a fixture file: opening a copy
 * must migrate it to the current version and keep every entry. */
static void
test_fixtures_of_earlier_versions_migrate (void)
{
  const struct {
    const char *name;
    gint64      attacks;
    gint64      doses;
  } fixtures[] = {
    { "diary-v1.db", 30, 3 },
    { "diary-v2.db", 30, 8 },
    { "diary-v3.db", 30, 8 },
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (fixtures) == MD_DATABASE_SCHEMA_VERSION);

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *source = g_test_build_filename (G_TEST_DIST, "fixtures", fixtures[i].name, NULL);
      g_autofree char *path = new_database_path ();
      g_autofree char *contents = NULL;
      g_autofree char *version = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(MdDiary) diary = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (source, &contents, &length, &error));
      g_assert_true (md_paths_ensure_parent_directory (path, NULL));
      g_assert_true (g_file_set_contents (path, contents, length, &error));

      diary = md_diary_open (path, &error);
      g_assert_no_error (error);
      version = pragma_text (md_diary_get_database (diary), "PRAGMA user_version");
      g_assert_cmpint (atoi (version), ==, MD_DATABASE_SCHEMA_VERSION);
      g_assert_cmpint (md_diary_count (diary, "attacks"), ==, fixtures[i].attacks);
      g_assert_cmpint (md_diary_count (diary, "doses"), ==, fixtures[i].doses);
    }
}

static char *
copy_fixture (const char *name)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autofree char *contents = NULL;
  char *path = new_database_path ();
  gsize length;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (md_paths_ensure_parent_directory (path, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  return path;
}

/* Version 2 stores why each dose was given. Doses already in a version 1
 * diary get the default: a scheduled clinic infusion, a preventive
 * tablet, and an infusion of a course on a headache-free day are
 * prevention; the rest is acute, as every dose counted before. */
static void
test_migration_2_dose_purpose (void)
{
  g_autofree char *path = copy_fixture ("diary-v1.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDiary) diary = NULL;
  g_autoptr(GPtrArray) courses = NULL;
  sqlite3 *db = NULL;
  const struct {
    const char *uuid;
    const char *purpose;
  } expected[] = {
    /* IV magnesium at the clinic, no attack: rule 3 */
    { "a0000000-0000-4000-8000-000000000001", "prevention" },
    /* IV magnesium at home, course going on, the day recorded headache-free: rule 4 */
    { "a0000000-0000-4000-8000-000000000002", "prevention" },
    /* the same on a day recorded "headache": acute */
    { "a0000000-0000-4000-8000-000000000003", "acute" },
    /* oral magnesium, a preventive medication: rule 2 */
    { "a0000000-0000-4000-8000-000000000004", "prevention" },
    /* ibuprofen on its own: acute */
    { "a0000000-0000-4000-8000-000000000005", "acute" },
    /* the fixture's own doses, each linked to an attack: rule 1 */
    { "5759f789-6bf8-45ed-82be-903470b96463", "acute" },
    { "a4336fe7-25f3-471f-b0ec-d77ae54a05b5", "acute" },
    { "245e00f4-8ebe-45c1-8611-87e131388138", "acute" },
  };

  /* Written as version 1 wrote them, before the app opens the file. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
    "INSERT INTO preventive_courses (uuid, medication_uuid, start_date, end_date, amount, unit, notes)"
    " VALUES ('c0000000-0000-4000-8000-000000000001', 'preset-magnesium-sulfate-iv-1g', '2026-09-01',"
    " NULL, 1, 'g', '');"
    "INSERT INTO days (date, uuid, status, menstruation, notes) VALUES"
    " ('2026-09-15', 'd0000000-0000-4000-8000-000000000001', 'headache-free', 0, ''),"
    " ('2026-09-22', 'd0000000-0000-4000-8000-000000000002', 'headache', 0, '');"
    "INSERT INTO doses (uuid, medication_uuid, attack_uuid, taken_time, taken_offset, amount, unit,"
    " route, setting, infusion_end) VALUES"
    " ('a0000000-0000-4000-8000-000000000001', 'preset-magnesium-sulfate-iv-1g', NULL, 1788249600, 7200,"
    "  1, 'g', 'iv', 'clinic', 1788250800),"  /* 2026-09-01 10:00+02:00 */
    " ('a0000000-0000-4000-8000-000000000002', 'preset-magnesium-sulfate-iv-1g', NULL, 1789459200, 7200,"
    "  1, 'g', 'iv', 'home', NULL),"          /* 2026-09-15 10:00+02:00 */
    " ('a0000000-0000-4000-8000-000000000003', 'preset-magnesium-sulfate-iv-1g', NULL, 1790064000, 7200,"
    "  1, 'g', 'iv', 'home', NULL),"          /* 2026-09-22 10:00+02:00 */
    " ('a0000000-0000-4000-8000-000000000004', 'preset-magnesium-oral-400mg', NULL, 1788811200, 7200,"
    "  400, 'mg', 'oral', 'home', NULL),"     /* 2026-09-07 22:00+02:00 */
    " ('a0000000-0000-4000-8000-000000000005', 'preset-ibuprofen-400mg', NULL, 1789920000, 7200,"
    "  400, 'mg', 'oral', 'home', NULL);",    /* 2026-09-20 18:00+02:00 */
    NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  diary = md_diary_open (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *purpose = md_test_dose_purpose (diary, expected[i].uuid);

      g_assert_cmpstr (purpose, ==, expected[i].purpose);
    }

  /* A course of version 1 did not say why it ended. */
  courses = md_diary_list_preventive_courses (diary);
  g_assert_cmpuint (courses->len, ==, 1);
  g_assert_null (((MdPreventiveCourse *) g_ptr_array_index (courses, 0))->end_reason);
}

static void
test_reopen_keeps_data (void)
{
  g_autofree char *path = new_database_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDiary) diary = md_diary_open (path, &error);
  g_autoptr(MdAttack) attack = md_attack_new ();
  g_autoptr(MdAttack) again = NULL;
  g_autofree char *uuid = NULL;

  g_assert_no_error (error);
  attack->start = g_get_real_time () / G_USEC_PER_SEC - 3600;
  attack->peak_pain = 2;
  g_assert_true (md_diary_save_attack (diary, attack, &error));
  g_assert_no_error (error);
  uuid = g_strdup (attack->uuid);
  g_clear_object (&diary);

  diary = md_diary_open (path, &error);
  g_assert_no_error (error);
  again = md_diary_get_attack (diary, uuid);
  g_assert_nonnull (again);
  g_assert_cmpint (again->peak_pain, ==, 2);
}

static void
test_newer_file_is_refused_untouched (void)
{
  g_autofree char *path = new_database_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDatabase) database = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  sqlite3 *db;

  g_assert_true (md_paths_ensure_parent_directory (path, NULL));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE future (x); PRAGMA user_version = 99;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  database = md_database_open (path, &error);
  g_assert_null (database);
  g_assert_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "newer version"));

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
}

static void
assert_damaged_file_moved_aside (const char *contents,
                                 gssize      length,
                                 gboolean    with_backup)
{
  g_autofree char *path = new_database_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDatabase) database = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autofree char *backup = NULL;
  const char *name;
  gboolean found_aside = FALSE;

  if (with_backup)
    {
      g_autoptr(MdDiary) diary = md_diary_open (path, &error);
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_assert_no_error (error);
      g_assert_true (md_database_backup_if_due (path, now, &backup, &error));
      g_assert_no_error (error);
      g_clear_object (&diary);
      g_unlink (path);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }

  g_assert_true (md_paths_ensure_parent_directory (path, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  database = md_database_open (path, &error);
  g_assert_null (database);
  g_assert_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "damaged"));
  if (with_backup)
    g_assert_nonnull (strstr (error->message, backup));
  else
    g_assert_nonnull (strstr (error->message, "no backup"));

  /* Never overwritten: the damaged bytes wait beside, under a new name. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, "diary.db.damaged-") &&
        !g_str_has_suffix (name, "-wal") && !g_str_has_suffix (name, "-shm"))
      {
        g_autofree char *aside = g_build_filename (dir, name, NULL);
        g_autofree char *kept = NULL;
        gsize kept_len;

        g_assert_true (g_file_get_contents (aside, &kept, &kept_len, NULL));
        g_assert_cmpmem (kept, kept_len, contents, length);
        found_aside = TRUE;
      }
  g_assert_true (found_aside);

  /* The next open starts a fresh diary. */
  g_clear_error (&error);
  database = md_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (database);
}

static void
test_garbage_file_is_moved_aside (void)
{
  const char garbage[] = "This is not a diary at all, just some text that a program wrote here.";

  assert_damaged_file_moved_aside (garbage, sizeof garbage - 1, FALSE);
}

static void
test_corrupt_database_is_moved_aside_with_backup (void)
{
  g_autofree char *path = new_database_path ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  /* A real diary with its second page overwritten. */
  {
    g_autoptr(MdDiary) diary = md_diary_open (path, &error);
    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_exec (md_database_get_handle (md_diary_get_database (diary)),
                                   "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==, SQLITE_OK);
  }
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8192);
  memset (contents + 4096, 0x5a, 4096);

  assert_damaged_file_moved_aside (contents, length, TRUE);
}

static void
test_unwritable_folder_is_a_clear_error (void)
{
  g_autofree char *blocker = NULL;
  /* Tests run as root, who may write anywhere: a file where the folder
   * should be cannot be written by anyone. */
  g_autofree char *path = md_test_path_below_file (&blocker);
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDatabase) database = NULL;

  database = md_database_open (path, &error);
  g_assert_null (database);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, blocker));
}

/* Tests run as root, who may write to anything: @check runs in a child
 * that has become "nobody", and its assertions decide. */
static void
run_as_nobody (void        (*check) (const char *path),
               const char   *path)
{
  pid_t pid = fork ();
  int status;

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      if (geteuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
        _exit (10);
      check (path);
      _exit (0);
    }

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

static void
open_fails_as_folder_unwritable (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDatabase) database = md_database_open (path, &error);

  g_assert_null (database);
  g_assert_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_IO);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "the folder cannot be written"));
}

static void
open_fails_as_permission_denied (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDatabase) database = md_database_open (path, &error);

  g_assert_null (database);
  g_assert_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_IO);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "permission denied"));
  g_assert_nonnull (strstr (error->message, "Ask the owner of the file for access"));
}

/* Reading works; a change is refused with the reason, nothing written. */
static void
open_reads_but_refuses_changes (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDatabase) database = md_database_open (path, &error);
  sqlite3_stmt *stmt;

  g_assert_no_error (error);
  g_assert_true (md_database_is_read_only (database));
  g_assert_false (md_database_check_writable (database, &error));
  g_assert_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_READ_ONLY);
  g_clear_error (&error);

  stmt = md_database_prepare (database, "SELECT count(*) FROM medications", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), >, 0);
  sqlite3_reset (stmt);

  g_assert_false (md_database_begin (database, &error) &&
                  md_database_exec (database, "DELETE FROM medications", &error));
  g_assert_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "changes cannot be saved"));
  g_assert_nonnull (strstr (error->message, "You can still read and export it"));
  md_database_rollback (database);
}

/* A diary file in @dir, closed, with no journal beside it. */
static char *
closed_database_in (const char *dir)
{
  char *path = g_build_filename (dir, "diary.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDatabase) database = md_database_open (path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (md_database_get_handle (database), "PRAGMA journal_mode = DELETE",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  return path;
}

static void
test_read_only_file_is_a_clear_error (void)
{
  g_autofree char *dir = md_test_make_temp_dir ();
  g_autofree char *path = closed_database_in (dir);

  /* Readable by everyone, writable by nobody but its owner. */
  g_assert_cmpint (g_chmod (dir, 0777), ==, 0);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  run_as_nobody (open_reads_but_refuses_changes, path);
}

/* A WAL diary (as the app leaves it) in a folder the user may not write:
 * SQLite cannot make the -shm file it needs even to read it. */
static void
test_wal_diary_in_read_only_folder_is_a_clear_error (void)
{
  g_autofree char *dir = md_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "diary.db", NULL);

  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  g_object_unref (md_test_open_diary (path));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (path, 0666), ==, 0);
  run_as_nobody (open_fails_as_folder_unwritable, path);
}

/* A diary of someone else's that nobody else may read: the cause and
 * the remedy, and the file left alone. */
static void
test_unreadable_file_is_permission_denied (void)
{
  g_autofree char *dir = md_test_make_temp_dir ();
  g_autofree char *path = closed_database_in (dir);
  GStatBuf before, after;

  g_assert_cmpint (g_chmod (dir, 0777), ==, 0);
  g_assert_cmpint (g_chmod (path, 0000), ==, 0);
  g_assert_cmpint (g_stat (path, &before), ==, 0);
  run_as_nobody (open_fails_as_permission_denied, path);
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpint (before.st_size, ==, after.st_size);
  g_assert_cmpint (before.st_mtime, ==, after.st_mtime);
}

/* A pipe at the diary's path is refused at once, not read forever. */
static void
test_pipe_at_path_is_refused (void)
{
  g_autofree char *dir = md_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "diary.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDatabase) database = NULL;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  database = md_database_open (path, &error);
  g_assert_null (database);
  g_assert_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_IO);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "it is not a regular file"));
}

/* A folder where the diary file should be: said so, and left alone. */
static void
test_folder_at_path_is_named (void)
{
  g_autofree char *dir = md_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "diary.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDatabase) database = NULL;

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  database = md_database_open (path, &error);
  g_assert_null (database);
  g_assert_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_IO);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "is a folder, not a diary file"));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));

  /* The same words on the command line */
  {
    g_autofree char *csv = g_build_filename (dir, "out.csv", NULL);
    g_autofree char *errors = NULL;
    const char *args[] = { "--database", path, "--export-csv", csv, NULL };

    g_assert_cmpint (md_test_spawn_app (args, NULL, &errors), ==, 1);
    g_assert_nonnull (strstr (errors, error->message));
    g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
  }
}

static void
test_read_only_folder_is_a_clear_error (void)
{
  g_autofree char *dir = md_test_make_temp_dir ();
  g_autofree char *path = closed_database_in (dir);

  /* The file may be written, but nothing may be created beside it. */
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (path, 0666), ==, 0);
  run_as_nobody (open_fails_as_folder_unwritable, path);
}

/* A new diary in a folder one may not write: the folder is named as the
 * cause (not "permission to read the diary"), with the diary's own
 * path, and nothing is left in the folder. */
static void
test_new_diary_in_unwritable_folder_is_a_clear_error (void)
{
  g_autofree char *dir = md_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "new.db", NULL);
  g_autoptr(GDir) listing = NULL;

  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  run_as_nobody (open_fails_as_folder_unwritable, path);
  listing = g_dir_open (dir, 0, NULL);
  g_assert_null (g_dir_read_name (listing));
}

int
main (int   argc,
      char *argv[])
{
  md_test_init (&argc, &argv);

  g_test_add_func ("/md/database/new-file", test_new_file_is_private_and_durable);
  g_test_add_func ("/md/database/migrate-empty", test_empty_file_migrates_to_current);
  g_test_add_func ("/md/database/reopen", test_reopen_keeps_data);
  g_test_add_func ("/md/database/fixtures", test_fixtures_of_earlier_versions_migrate);
  g_test_add_func ("/md/database/migration-2-dose-purpose", test_migration_2_dose_purpose);
  g_test_add_func ("/md/database/newer-version", test_newer_file_is_refused_untouched);
  g_test_add_func ("/md/database/garbage", test_garbage_file_is_moved_aside);
  g_test_add_func ("/md/database/corrupt-with-backup", test_corrupt_database_is_moved_aside_with_backup);
  g_test_add_func ("/md/database/unwritable-folder", test_unwritable_folder_is_a_clear_error);
  g_test_add_func ("/md/database/read-only-file", test_read_only_file_is_a_clear_error);
  g_test_add_func ("/md/database/read-only-folder", test_read_only_folder_is_a_clear_error);
  g_test_add_func ("/md/database/read-only-folder-wal", test_wal_diary_in_read_only_folder_is_a_clear_error);
  g_test_add_func ("/md/database/new-diary-unwritable-folder", test_new_diary_in_unwritable_folder_is_a_clear_error);
  g_test_add_func ("/md/database/permission-denied", test_unreadable_file_is_permission_denied);
  g_test_add_func ("/md/database/folder-at-path", test_folder_at_path_is_named);
  g_test_add_func ("/md/database/pipe-at-path", test_pipe_at_path_is_refused);

  return g_test_run ();
}
