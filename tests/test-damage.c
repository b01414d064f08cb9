/* test-damage.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Damaged, empty and cut-short diaries: a journal with one bad frame is
 * kept and reported, an empty file is reported, a diary with a damaged
 * index is recovered row for row, and a damaged backup is never
 * restored.
 */

#include "config.h"

#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "md-database-private.h"
#include "md-database-recover.h"
#include "md-diary.h"
#include "md-diary-csv.h"
#include "md-error.h"
#include "md-paths.h"
#include "md-test-utils.h"

typedef struct
{
  MdDatabaseNoticeKind kind;
  char *path;
  char *message;
  guint count;
} Notices;

static void
notice_cb (MdDatabaseNoticeKind  kind,
           const char           *database_path,
           const char           *message,
           gpointer              user_data)
{
  Notices *notices = user_data;

  notices->kind = kind;
  g_free (notices->path);
  notices->path = g_strdup (database_path);
  g_free (notices->message);
  notices->message = g_strdup (message);
  notices->count++;
}

static void
notices_clear (Notices *notices)
{
  md_database_set_notice_func (NULL, NULL);
  g_clear_pointer (&notices->path, g_free);
  g_clear_pointer (&notices->message, g_free);
}

/* The copies <diary>.kept-* beside @path, by the suffix after the time. */
static GPtrArray *
kept_files (const char *path)
{
  g_autofree char *dir_path = g_path_get_dirname (path);
  g_autofree char *prefix = g_strconcat (strrchr (path, '/') + 1, ".kept-", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix))
      g_ptr_array_add (files, g_build_filename (dir_path, name, NULL));

  return files;
}

static gboolean
has_suffix_in (GPtrArray  *files,
               const char *suffix,
               gboolean    private)
{
  for (guint i = 0; i < files->len; i++)
    {
      const char *file = g_ptr_array_index (files, i);
      gboolean main_file = g_str_equal (suffix, "") && !g_str_has_suffix (file, "-wal") &&
                           !g_str_has_suffix (file, "-shm");

      if (main_file || (*suffix != '\0' && g_str_has_suffix (file, suffix)))
        {
          GStatBuf st;

          g_assert_cmpint (g_stat (file, &st), ==, 0);
          if (private)
            g_assert_cmpint (st.st_mode & 0777, ==, 0600);
          return TRUE;
        }
    }

  return FALSE;
}

#define N_ATTACKS 30

/* A diary of N_ATTACKS whose journal holds what it last saved, and the
 * notices its opening gives. */
typedef struct
{
  char    *path;
  char    *wal;
  MdDiary *diary;
  Notices  notices;
} Journal;

static void
journal_set_up (Journal       *fixture,
                gconstpointer  data)
{
  fixture->path = md_test_diary_with_journal (N_ATTACKS);
  fixture->wal = g_strconcat (fixture->path, "-wal", NULL);
  md_database_set_notice_func (notice_cb, &fixture->notices);
}

static void
journal_tear_down (Journal       *fixture,
                   gconstpointer  data)
{
  notices_clear (&fixture->notices);
  g_clear_object (&fixture->diary);
  g_free (fixture->wal);
  g_free (fixture->path);
}

#define add_journal_test(path, func) \
  g_test_add (path, Journal, NULL, journal_set_up, func, journal_tear_down)

static void
test_clean_journal_is_kept_quietly (Journal       *fixture,
                                    gconstpointer  data)
{
  const char *path = fixture->path;
  Notices *notices = &fixture->notices;
  g_autoptr(GPtrArray) kept = NULL;

  fixture->diary = md_test_open_diary (path);
  g_assert_cmpuint (notices->count, ==, 0);
  g_assert_cmpint (md_diary_count (fixture->diary, "attacks"), ==, N_ATTACKS);

  /* A copy of the journal as found, private, without a copy of the
   * diary (that is kept only beside a damaged journal). */
  kept = kept_files (path);
  g_assert_true (has_suffix_in (kept, "-wal", TRUE));
  g_assert_false (has_suffix_in (kept, "", FALSE));
}

static void
test_damaged_journal_is_kept_and_reported (Journal       *fixture,
                                           gconstpointer  data)
{
  const char *path = fixture->path;
  const char *wal = fixture->wal;
  Notices *notices = &fixture->notices;
  g_autofree char *wal_before = NULL;
  g_autofree char *kept_wal = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  gsize wal_length;
  guint frames;

  g_assert_true (g_file_get_contents (wal, &wal_before, &wal_length, NULL));
  frames = (wal_length - MD_TEST_WAL_HEADER) / MD_TEST_WAL_FRAME;
  g_assert_cmpuint (frames, >=, N_ATTACKS);

  /* One byte of the page in a frame half-way through. */
  md_test_damage_journal_frame (path, frames / 2);
  g_assert_true (g_file_get_contents (wal, &wal_before, &wal_length, NULL));

  fixture->diary = md_test_open_diary (path);
  g_assert_cmpuint (notices->count, ==, 1);
  g_assert_cmpint (notices->kind, ==, MD_DATABASE_NOTICE_WAL_DAMAGED);
  g_assert_cmpstr (notices->path, ==, path);
  g_assert_nonnull (strstr (notices->message, path));
  g_assert_nonnull (strstr (notices->message, "journal"));
  g_assert_nonnull (strstr (notices->message, "missing"));

  /* SQLite did drop the commits behind the bad frame… */
  g_assert_cmpint (md_diary_count (fixture->diary, "attacks"), <, N_ATTACKS);

  /* …but the journal as it was is kept, byte for byte, with the diary
   * it belongs to, both private. */
  kept = kept_files (path);
  g_assert_true (has_suffix_in (kept, "-wal", TRUE));
  g_assert_true (has_suffix_in (kept, "", TRUE));
  for (guint i = 0; i < kept->len; i++)
    if (g_str_has_suffix (g_ptr_array_index (kept, i), "-wal"))
      kept_wal = g_strdup (g_ptr_array_index (kept, i));
  g_assert_nonnull (strstr (notices->message, kept_wal));
  {
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (kept_wal, &contents, &length, NULL));
    g_assert_cmpmem (contents, length, wal_before, wal_length);
  }

  /* After closing, SQLite deletes its journal; the copy stays, and the
   * next open finds nothing to report. */
  g_clear_object (&fixture->diary);
  g_assert_true (g_file_test (kept_wal, G_FILE_TEST_EXISTS));
  notices->count = 0;
  fixture->diary = md_test_open_diary (path);
  g_assert_cmpuint (notices->count, ==, 0);
}

/* Frames after the last commit were never acknowledged: losing them is
 * no damage worth a word. */
static void
test_torn_last_frame_is_no_loss (Journal       *fixture,
                                 gconstpointer  data)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (fixture->wal, &st), ==, 0);
  /* A frame half written after the last commit. */
  {
    g_autofree guint8 *frame = g_malloc0 (MD_TEST_WAL_FRAME / 2);
    int fd = g_open (fixture->wal, O_WRONLY | O_APPEND, 0);

    memset (frame, 0x11, MD_TEST_WAL_FRAME / 2);
    g_assert_cmpint (write (fd, frame, MD_TEST_WAL_FRAME / 2), ==, MD_TEST_WAL_FRAME / 2);
    close (fd);
  }

  fixture->diary = md_test_open_diary (fixture->path);
  g_assert_cmpuint (fixture->notices.count, ==, 0);
  g_assert_cmpint (md_diary_count (fixture->diary, "attacks"), ==, N_ATTACKS);
}

/* A damaged journal header makes SQLite ignore the whole journal. */
static void
test_damaged_journal_header_is_reported (Journal       *fixture,
                                         gconstpointer  data)
{
  /* The header's checksum. */
  md_test_overwrite (fixture->wal, 24, 1, 0x00);
  md_test_overwrite (fixture->wal, 25, 1, 0x01);

  fixture->diary = md_test_open_diary (fixture->path);
  g_assert_cmpuint (fixture->notices.count, ==, 1);
  g_assert_cmpint (fixture->notices.kind, ==, MD_DATABASE_NOTICE_WAL_DAMAGED);
  g_assert_cmpint (md_diary_count (fixture->diary, "attacks"), <, N_ATTACKS);
}

/* A journal is found at every open while another connection holds the
 * diary; only the newest clean copy is kept. */
static void
test_clean_copies_do_not_pile_up (void)
{
  g_autofree char *path = md_test_diary_with_journal (3);
  g_autoptr(MdDiary) holder = md_test_open_diary (path);
  g_autoptr(GPtrArray) kept = NULL;
  guint journals = 0;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(MdDiary) other = md_test_open_diary (path);

      md_test_save_attack (other, 1600000000 + i * 86400, 1);
    }

  kept = kept_files (path);
  for (guint i = 0; i < kept->len; i++)
    if (g_str_has_suffix (g_ptr_array_index (kept, i), "-wal"))
      journals++;
  g_assert_cmpuint (journals, ==, 1);
}

static void
test_empty_file_is_reported (void)
{
  g_autofree char *path = md_test_temp_path ("diary.db");
  g_autoptr(GDateTime) day = g_date_time_new_local (2026, 5, 1, 12, 0, 0);
  g_autoptr(MdDiary) diary = NULL;
  Notices notices = { 0, };

  md_database_set_notice_func (notice_cb, &notices);

  /* Without a backup. */
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  diary = md_test_open_diary (path);
  g_assert_cmpuint (notices.count, ==, 1);
  g_assert_cmpint (notices.kind, ==, MD_DATABASE_NOTICE_EMPTY_FILE);
  g_assert_nonnull (strstr (notices.message, path));
  g_assert_nonnull (strstr (notices.message, "empty file (0 bytes)"));
  g_assert_nonnull (strstr (notices.message, "no backup"));

  /* With one: it is named. */
  md_test_save_attack (diary, 1700000000, 2);
  g_assert_true (md_database_backup_if_due (path, day, NULL, NULL));
  g_clear_object (&diary);
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  diary = md_test_open_diary (path);
  g_assert_cmpuint (notices.count, ==, 2);
  g_assert_cmpint (notices.kind, ==, MD_DATABASE_NOTICE_EMPTY_FILE);
  g_assert_nonnull (strstr (notices.message, "“diary-2026-05-01.db” (Friday 1 May 2026) can be restored"));

  /* A new diary file is not an empty one. */
  {
    g_autofree char *fresh = md_test_temp_path ("diary.db");
    g_autoptr(MdDiary) other = md_test_open_diary (fresh);

    g_assert_cmpuint (notices.count, ==, 2);
  }
  notices_clear (&notices);
}

static char *
export_csv (const char *path)
{
  g_autoptr(MdDiary) diary = md_test_open_diary (path);
  g_autoptr(GString) csv = md_diary_export_csv (diary, NULL);

  g_assert_nonnull (csv);
  return g_string_free (g_steal_pointer (&csv), FALSE);
}

static void
test_damaged_index_is_recovered (void)
{
  g_autofree char *path = md_test_generate_diary ((const char *[]) { "--years", "3", "--seed", "7", NULL });
  g_autofree char *before = export_csv (path);
  g_autofree char *moved = NULL;
  g_autofree char *moved_before = NULL;
  g_autofree char *moved_after = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDatabase) database = NULL;
  MdDatabaseRecovery recovery = { 0, };
  int attacks = md_test_query_int (path, "SELECT count(*) FROM attacks");
  int doses = md_test_query_int (path, "SELECT count(*) FROM doses");
  int readings = md_test_query_int (path, "SELECT count(*) FROM pain_readings");

  g_assert_cmpint (attacks, >, 50);
  g_assert_cmpint (doses, >, 50);
  g_assert_cmpint (readings, >, 50);

  md_test_damage_page (path, md_test_query_int (path, "SELECT rootpage FROM sqlite_master WHERE name = 'doses_by_time'"));

  database = md_database_open (path, &error);
  g_assert_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_DAMAGED);
  g_assert_null (database);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  moved = md_database_find_moved_aside (path);
  g_assert_nonnull (moved);
  g_assert_true (g_file_get_contents (moved, &moved_before, NULL, NULL));
  g_clear_error (&error);

  g_assert_true (md_database_recover (moved, path, &recovery, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (recovery.attacks, ==, attacks);
  g_assert_cmpuint (recovery.doses, ==, doses);
  g_assert_cmpuint (recovery.pain_readings, ==, readings);
  g_assert_cmpint (md_test_query_int (path, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"), ==, 0);

  /* Every attack, dose and pain reading, field for field. */
  after = export_csv (path);
  g_assert_cmpstr (after, ==, before);

  /* The damaged file is untouched, and nothing else is left behind. */
  g_assert_true (g_file_get_contents (moved, &moved_after, NULL, NULL));
  g_assert_cmpstr (moved_after, ==, moved_before);
  {
    g_autofree char *dir_path = g_path_get_dirname (path);
    g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_false (g_str_has_prefix (name, ".recovering"));
  }

  /* Never over an existing diary. */
  g_assert_false (md_database_recover (moved, path, NULL, &error));
  g_assert_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_IO);
}

/* A table whose own pages are damaged cannot be recovered whole: nothing
 * is written, and the message names the table. */
static void
test_damaged_table_is_not_recovered (void)
{
  g_autofree char *path = md_test_generate_diary ((const char *[]) { "--years", "3", "--seed", "7", NULL });
  g_autofree char *recovered = g_strconcat (path, ".recovered", NULL);
  g_autofree char *moved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDatabase) database = NULL;

  md_test_damage_page (path, md_test_query_int (path, "SELECT rootpage FROM sqlite_master WHERE name = 'attacks'"));
  database = md_database_open (path, &error);
  g_assert_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_DAMAGED);
  g_clear_error (&error);
  moved = md_database_find_moved_aside (path);

  g_assert_false (md_database_recover (moved, recovered, NULL, &error));
  g_assert_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "“attacks”"));
  g_assert_false (g_file_test (recovered, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  md_test_init (&argc, &argv);

  add_journal_test ("/md/damage/journal-clean", test_clean_journal_is_kept_quietly);
  add_journal_test ("/md/damage/journal-damaged", test_damaged_journal_is_kept_and_reported);
  add_journal_test ("/md/damage/journal-torn-tail", test_torn_last_frame_is_no_loss);
  add_journal_test ("/md/damage/journal-header", test_damaged_journal_header_is_reported);
  g_test_add_func ("/md/damage/journal-copies", test_clean_copies_do_not_pile_up);
  g_test_add_func ("/md/damage/empty-file", test_empty_file_is_reported);
  g_test_add_func ("/md/damage/recover-index", test_damaged_index_is_recovered);
  g_test_add_func ("/md/damage/recover-table", test_damaged_table_is_not_recovered);

  return g_test_run ();
}
