/* test-disk-errors.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A full disk and a read-only file system, for real: the test runs in a
 * user and mount namespace of its own (as `unshare -rm`), where it may
 * mount a small tmpfs, fill it and remount it read-only. Through the API
 * and the real command line, each says its cause and leaves the diary as
 * it was.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "md-database.h"
#include "md-diary.h"
#include "md-diary-csv.h"
#include "md-error.h"
#include "md-test-namespace.h"
#include "md-test-utils.h"

/* Fills the file system of @dir to the last byte; returns the filler. */
static char *
fill_disk (const char *dir)
{
  char *filler = g_build_filename (dir, "filler", NULL);
  char block[4096] = { 0 };
  int fd = g_open (filler, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  ssize_t written;

  g_assert_cmpint (fd, >=, 0);
  do
    written = write (fd, block, sizeof block);
  while (written > 0);
  g_assert_cmpint (errno, ==, ENOSPC);
  /* The last bytes of a page, if any */
  while (write (fd, block, 1) == 1)
    ;
  close (fd);

  return filler;
}

static char *
export_text (const char *path)
{
  g_autoptr(MdDiary) diary = md_test_open_diary (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) csv = md_diary_export_csv (diary, &error);

  g_assert_no_error (error);

  return g_string_free (g_steal_pointer (&csv), FALSE);
}

/* A diary at @path with one attack, closed. */
static void
make_diary (const char *path)
{
  g_autoptr(MdDiary) diary = md_test_open_diary (path);

  md_test_save_attack (diary, 1700000000, 2);
}

/* A CSV file outside the small disk, with an attack the diary lacks. */
static char *
make_csv (void)
{
  g_autofree char *source = md_test_temp_path ("source.db");
  g_autofree char *text = NULL;
  char *file = md_test_temp_path ("new-attack.csv");

  {
    g_autoptr(MdDiary) diary = md_test_open_diary (source);

    md_test_save_attack (diary, 1700500000, 3);
  }
  text = export_text (source);
  g_assert_true (g_file_set_contents (file, text, -1, NULL));

  return file;
}

static void
assert_attack_refused (MdDiary    *diary,
                       int         code,
                       const char *path,
                       const char *cause)
{
  g_autoptr(MdAttack) attack = md_attack_new ();
  g_autoptr(GError) error = NULL;

  attack->start = 1700900000;
  attack->peak_pain = 1;
  g_assert_false (md_diary_save_attack (diary, attack, &error));
  g_assert_error (error, MD_DIARY_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, cause));
  g_assert_cmpuint (g_list_model_get_n_items (md_diary_get_attacks (diary)), ==, 1);
}

/* The real import on the command line, refused for @cause. */
static void
assert_import_refused (const char *path,
                       const char *csv,
                       const char *cause)
{
  const char *args[] = { "--database", path, "--import-csv", csv, NULL };
  g_autofree char *errors = NULL;

  g_assert_cmpint (md_test_spawn_app (args, NULL, &errors), ==, 1);
  g_test_message ("%s", errors);
  g_assert_nonnull (strstr (errors, path));
  g_assert_nonnull (strstr (errors, cause));
}

/* A 1 MiB disk with a diary of one attack, a CSV file elsewhere with an
 * attack the diary lacks, and the diary's export; no disk (the test
 * skipped) where mounting is impossible. */
typedef struct
{
  char *disk;
  char *path;
  char *csv;
  char *before;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->disk = md_test_mount_small_disk ("1m");
  if (fixture->disk == NULL)
    return;

  fixture->path = g_build_filename (fixture->disk, "diary.db", NULL);
  fixture->csv = make_csv ();
  make_diary (fixture->path);
  fixture->before = export_text (fixture->path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->disk != NULL)
    md_test_unmount_disk (fixture->disk);
  g_free (fixture->disk);
  g_free (fixture->path);
  g_free (fixture->csv);
  g_free (fixture->before);
}

#define FULL_DISK "is full, so nothing was saved. Free some space on it"

/* A save onto a full disk says so; the diary is unchanged and opens
 * again once there is room. */
static void
test_full_disk (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *after = NULL;
  g_autofree char *filler = NULL;

  if (fixture->disk == NULL)
    return;

  /* In the window: the diary open, then the disk fills */
  {
    g_autoptr(MdDiary) diary = md_test_open_diary (fixture->path);

    filler = fill_disk (fixture->disk);
    assert_attack_refused (diary, MD_DIARY_ERROR_IO, fixture->path, FULL_DISK);
  }

  /* On the command line, with the disk still full */
  assert_import_refused (fixture->path, fixture->csv, FULL_DISK);

  /* A new diary that cannot be made leaves nothing, not an empty file
   * that the next run would take for an unfinished copy. */
  {
    g_autofree char *dir = g_path_get_dirname (fixture->path);
    g_autofree char *new_path = g_build_filename (dir, "new.db", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(MdDiary) diary = md_diary_open (new_path, &error);
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;

    g_assert_null (diary);
    g_assert_nonnull (error);
    g_test_message ("%s", error->message);
    g_assert_nonnull (strstr (error->message, new_path));
    g_assert_null (strstr (error->message, ".md-new-"));
    g_assert_false (g_file_test (new_path, G_FILE_TEST_EXISTS));
    while ((name = g_dir_read_name (listing)) != NULL)
      g_assert_null (strstr (name, "new.db"));
  }

  g_assert_cmpint (g_unlink (filler), ==, 0);
  after = export_text (fixture->path);
  g_assert_cmpstr (after, ==, fixture->before);

  /* A diary copied onto the disk before it filled: a report reads it on
   * a connection of its own, which needs room for SQLite's shared-memory
   * file, and names the cause, not "disk I/O error". */
  {
    g_autofree char *copy = g_strconcat (fixture->path, "-copy.db", NULL);
    g_autofree char *pdf = md_test_temp_path ("report.pdf");
    g_autofree char *contents = NULL;
    g_autofree char *errors = NULL;
    const char *args[] = { "--database", copy, "--export-report", pdf, NULL };
    gsize length;

    g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
    g_assert_true (g_file_set_contents_full (copy, contents, length, G_FILE_SET_CONTENTS_NONE, 0600, NULL));
    g_clear_pointer (&filler, g_free);
    filler = fill_disk (fixture->disk);

    g_assert_cmpint (md_test_spawn_app (args, NULL, &errors), ==, 1);
    if (strstr (errors, "is full, so the diary cannot even be read") == NULL)
      g_error ("a report from a diary on a full disk: expected the cause, got “%s”", errors);
    g_assert_cmpint (g_unlink (filler), ==, 0);
  }
}

#define READ_ONLY_FS "is on a read-only file system, so changes cannot be saved. You can still read and export it"

/* A diary on a read-only mount opens read-only: it can be read and
 * exported, and a change is refused with the cause. */
static void
test_read_only_mount (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *exported = md_test_temp_path ("exported.csv");
  g_autofree char *pdf = md_test_temp_path ("report.pdf");
  g_autofree char *text = NULL;

  if (fixture->disk == NULL)
    return;

  md_test_remount_read_only (fixture->disk);

  {
    const char *args[] = { "--database", fixture->path, "--export-csv", exported, NULL };
    g_autofree char *errors = NULL;

    g_assert_cmpint (md_test_spawn_app (args, NULL, &errors), ==, 0);
    g_assert_true (g_file_get_contents (exported, &text, NULL, NULL));
    g_assert_cmpstr (text, ==, fixture->before);
  }

  {
    const char *args[] = { "--database", fixture->path, "--export-report", pdf, NULL };
    g_autofree char *errors = NULL;

    g_assert_cmpint (md_test_spawn_app (args, NULL, &errors), ==, 0);
    g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  }

  assert_import_refused (fixture->path, fixture->csv, READ_ONLY_FS);

  {
    g_autoptr(MdDiary) diary = md_test_open_diary (fixture->path);

    g_assert_true (md_database_is_read_only (md_diary_get_database (diary)));
    assert_attack_refused (diary, MD_DIARY_ERROR_READ_ONLY, fixture->path, READ_ONLY_FS);
  }
}

int
main (int   argc,
      char *argv[])
{
  md_test_enter_namespace ();
  md_test_init (&argc, &argv);

  g_test_add ("/md/disk-errors/full-disk", Fixture, NULL, fixture_set_up, test_full_disk, fixture_tear_down);
  g_test_add ("/md/disk-errors/read-only-mount", Fixture, NULL, fixture_set_up, test_read_only_mount,
              fixture_tear_down);

  return g_test_run ();
}
