/* test-cmdline-damage.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command line and a damaged, empty or cut-short diary: each is
 * said in a line on standard error, naming the files.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "md-database.h"
#include "md-diary.h"
#include "md-test-utils.h"

static guint
count_lines_starting (const char *text,
                      const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      n++;

  return n;
}

/* A diary and the CSV file an export of it would write, side by side,
 * and what the last run of the executable printed. */
typedef struct
{
  char *db;
  char *csv;
  char *out;
  char *err;
} Fixture;

static void
fixture_set_diary (Fixture *fixture,
                   char    *db)
{
  g_autofree char *dir = g_path_get_dirname (db);

  fixture->db = db;
  fixture->csv = g_build_filename (dir, "out.csv", NULL);
  g_test_queue_free (fixture->db);
  g_test_queue_free (fixture->csv);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *dir = md_test_make_temp_dir ();

  fixture_set_diary (fixture, g_build_filename (dir, "diary.db", NULL));
}

/* A diary of 20 attacks whose journal holds what it last saved. */
static void
fixture_set_up_with_journal (Fixture       *fixture,
                             gconstpointer  data)
{
  fixture_set_diary (fixture, md_test_diary_with_journal (20));
}

/* Exports the diary to the CSV file; returns the exit status. What it
 * printed stays until the test ends. */
static int
export (Fixture *fixture)
{
  const char *args[] = { "--database", fixture->db, "--export-csv", fixture->csv, NULL };
  int status = md_test_spawn_app (args, &fixture->out, &fixture->err);

  g_test_queue_free (fixture->out);
  g_test_queue_free (fixture->err);

  return status;
}

static void
test_empty_diary_is_said (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *db = fixture->db;
  g_autoptr(GDateTime) day = g_date_time_new_local (2026, 5, 1, 12, 0, 0);
  g_autofree char *line = NULL;

  g_assert_true (g_file_set_contents (db, "", 0, NULL));
  g_assert_cmpint (export (fixture), ==, 0);
  line = g_strdup_printf ("migraine-diary: The diary “%s” was an empty file (0 bytes)", db);
  g_assert_true (g_str_has_prefix (fixture->err, line));
  g_assert_cmpuint (count_lines_starting (fixture->err, "migraine-diary: "), ==, 1);
  g_assert_nonnull (strstr (fixture->err, "there is no backup of it"));

  /* The next time it is a diary like any other. */
  g_assert_cmpint (export (fixture), ==, 0);
  g_assert_cmpstr (fixture->err, ==, "");

  /* With a backup, it is named. */
  g_assert_true (md_database_backup_if_due (db, day, NULL, NULL));
  g_assert_true (g_file_set_contents (db, "", 0, NULL));
  g_assert_cmpint (export (fixture), ==, 0);
  g_assert_nonnull (strstr (fixture->err, "The backup “diary-2026-05-01.db” (Friday 1 May 2026) can be restored."));
}

static void
test_damaged_journal_is_said (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *exported = NULL;

  md_test_damage_journal_frame (fixture->db, 4);

  g_assert_cmpint (export (fixture), ==, 0);
  g_assert_cmpuint (count_lines_starting (fixture->err, "migraine-diary: The journal of the diary"), ==, 1);
  g_assert_nonnull (strstr (fixture->err, "missing from the diary"));
  g_assert_nonnull (strstr (fixture->err, ".kept-"));

  /* What SQLite could read was exported: fewer than the 20 attacks. */
  g_assert_true (g_file_get_contents (fixture->csv, &exported, NULL, NULL));
  g_assert_cmpuint (count_lines_starting (exported, "attack,"), <, 20);
}

/* A damaged diary whose newest backup is damaged too: the message names
 * the older good one. */
static void
test_damaged_diary_names_a_good_backup (Fixture       *fixture,
                                        gconstpointer  data)
{
  const char *db = fixture->db;
  g_autoptr(GDateTime) older_day = g_date_time_new_local (2026, 5, 1, 12, 0, 0);
  g_autoptr(GDateTime) newer_day = g_date_time_new_local (2026, 5, 2, 12, 0, 0);
  g_autofree char *older = NULL;
  g_autofree char *newer = NULL;

  {
    g_autoptr(MdDiary) diary = md_test_open_diary (db);

    md_test_save_attack (diary, 1700000000, 2);
    g_assert_true (md_database_backup_if_due (db, older_day, &older, NULL));
    g_assert_true (md_database_backup_if_due (db, newer_day, &newer, NULL));
  }
  g_assert_true (g_file_set_contents (newer, "not a backup", -1, NULL));
  g_assert_true (g_file_set_contents (db, "not a diary", -1, NULL));

  g_assert_cmpint (export (fixture), ==, 1);
  g_assert_nonnull (strstr (fixture->err, "damaged"));
  g_assert_nonnull (strstr (fixture->err, older));
  g_assert_null (strstr (fixture->err, newer));
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (fixture->csv, G_FILE_TEST_EXISTS));
}

/* A CSV export or a PDF report given as the diary is refused and left
 * under its name: a mistaken path is no damaged diary to move aside. */
static void
test_document_given_as_diary_is_left_alone (Fixture       *fixture,
                                            gconstpointer  data)
{
  const char *documents[] = { "#migraine-diary-csv,2\n", "%PDF-1.5\n" };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autofree char *dir = g_path_get_dirname (fixture->db);
      g_autofree char *contents = NULL;
      g_autoptr(GDir) listing = NULL;
      const char *name;

      g_assert_true (g_file_set_contents (fixture->db, documents[i], -1, NULL));
      g_assert_cmpint (export (fixture), ==, 1);
      g_assert_nonnull (strstr (fixture->err, "is a CSV export or a PDF report, not a diary file; it was left as it is"));
      g_assert_true (g_file_get_contents (fixture->db, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, documents[i]);
      listing = g_dir_open (dir, 0, NULL);
      while ((name = g_dir_read_name (listing)) != NULL)
        g_assert_null (strstr (name, ".damaged-"));
    }
}

int
main (int   argc,
      char *argv[])
{
  md_test_init (&argc, &argv);

  g_test_add ("/md/cmdline-damage/empty-diary", Fixture, NULL, fixture_set_up, test_empty_diary_is_said, NULL);
  g_test_add ("/md/cmdline-damage/damaged-journal", Fixture, NULL, fixture_set_up_with_journal, test_damaged_journal_is_said, NULL);
  g_test_add ("/md/cmdline-damage/damaged-backup", Fixture, NULL, fixture_set_up, test_damaged_diary_names_a_good_backup, NULL);
  g_test_add ("/md/cmdline-damage/document-as-diary", Fixture, NULL, fixture_set_up, test_document_given_as_diary_is_left_alone, NULL);

  return g_test_run ();
}
