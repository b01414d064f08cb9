/* test-crash-safety.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A child process saves attacks in a loop and writes the UUID of each
 * acknowledged save to a pipe; the parent kills it with SIGKILL at a
 * random moment, over and over. Afterwards the diary must pass
 * integrity_check and hold every attack that was acknowledged.
 */

#include "config.h"

#include <signal.h>
#include <unistd.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "md-database-private.h"
#include "md-database-recover.h"
#include "md-diary.h"
#include "md-test-utils.h"

#define ROUNDS 50

static void
child_main (const char *path,
            int         fd)
{
  g_autoptr(MdDiary) diary = NULL;
  gint64 start = 1600000000;

  /* A forked child inherits the parent's random state: without a seed of
   * its own, every child would make the same attack identifiers, and
   * its saves would overwrite the round before's. */
  g_random_set_seed ((guint32) getpid () ^ (guint32) g_get_real_time ());

  diary = md_diary_open (path, NULL);
  if (diary == NULL)
    _exit (3);

  /* The kill is timed from here: opening (which copies a journal left by
   * the round before) takes longer on a loaded machine. */
  if (write (fd, "open\n", 5) != 5)
    _exit (5);

  for (guint i = 0; ; i++)
    {
      g_autoptr(MdAttack) attack = md_attack_new ();
      g_autofree char *line = NULL;

      attack->start = start + i * 60;
      attack->peak_pain = i % 4;
      attack->notes = g_strdup ("saved by the crash-safety child");
      if (!md_diary_save_attack (diary, attack, NULL))
        _exit (4);

      /* Acknowledged only after the commit returned. */
      line = g_strdup_printf ("%s\n", attack->uuid);
      if (write (fd, line, strlen (line)) < 0)
        _exit (5);
    }
}

static void
test_kill_during_saves_loses_nothing_acknowledged (void)
{
  g_autofree char *path = md_test_temp_path ("diary.db");
  g_autoptr(GHashTable) acknowledged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(MdDiary) diary = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  GHashTableIter iter;
  gpointer uuid;

  /* Create the file before the first child, so every round reopens it. */
  g_clear_object (&diary);
  diary = md_diary_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&diary);

  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autoptr(GString) received = g_string_new (NULL);
      g_auto(GStrv) lines = NULL;
      int fds[2];
      pid_t pid;
      char buffer[4096];
      ssize_t n;

      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          child_main (path, fds[1]);
        }

      close (fds[1]);
      g_assert_cmpint (read (fds[0], buffer, 5), ==, 5);
      g_assert_cmpmem (buffer, 5, "open\n", 5);
      /* …and from its first acknowledged save, so that every round kills
       * a process in the middle of saving, however slow the disk is. */
      for (gsize got = 0; got < 37; got += n)
        {
          n = read (fds[0], buffer + got, 37 - got);
          g_assert_cmpint (n, >, 0);
        }
      g_string_append_len (received, buffer, 37);
      g_usleep (g_test_rand_int_range (5, 120) * 1000);
      kill (pid, SIGKILL);
      waitpid (pid, NULL, 0);

      while ((n = read (fds[0], buffer, sizeof buffer)) > 0)
        g_string_append_len (received, buffer, n);
      close (fds[0]);

      /* A line cut by the kill was never acknowledged. */
      lines = g_strsplit (received->str, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        if (strlen (lines[i]) == 36)
          g_hash_table_add (acknowledged, g_strdup (lines[i]));
    }

  g_test_message ("%u saves acknowledged over %u kills", g_hash_table_size (acknowledged), ROUNDS);
  g_assert_cmpuint (g_hash_table_size (acknowledged), >, ROUNDS);

  diary = md_diary_open (path, &error);
  g_assert_no_error (error);

  stmt = md_database_prepare (md_diary_get_database (diary), "PRAGMA integrity_check", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_reset (stmt);

  g_hash_table_iter_init (&iter, acknowledged);
  while (g_hash_table_iter_next (&iter, &uuid, NULL))
    g_assert_true (md_diary_has_uuid (diary, "attacks", uuid));
}

static void
notice_cb (MdDatabaseNoticeKind  kind,
           const char           *database_path,
           const char           *message,
           gpointer              user_data)
{
  g_assert_cmpint (kind, ==, MD_DATABASE_NOTICE_WAL_DAMAGED);
  *(char **) user_data = g_strdup (message);
}

/* Killed after 40 acknowledged saves, the app leaves them in its journal;
 * one bad frame there makes SQLite drop every commit after it. The next
 * open keeps the journal as it was and says that entries are missing. */
static void
test_kill_then_damaged_journal_is_reported (void)
{
  g_autofree char *path = md_test_temp_path ("diary.db");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *message = NULL;
  g_autoptr(MdDiary) diary = NULL;
  guint acknowledged = 0;
  GStatBuf st;
  char byte;
  int fds[2];
  pid_t pid;

  g_clear_object (&diary);
  diary = md_test_open_diary (path);
  g_clear_object (&diary);

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autoptr(MdDiary) child = md_diary_open (path, NULL);

      close (fds[0]);
      for (guint i = 0; child != NULL && i < 40; i++)
        {
          g_autoptr(MdAttack) attack = md_attack_new ();

          attack->start = 1600000000 + i * 86400;
          attack->peak_pain = i % 4;
          if (!md_diary_save_attack (child, attack, NULL) || write (fds[1], "+", 1) != 1)
            _exit (4);
        }
      pause ();
      _exit (0);
    }

  close (fds[1]);
  while (acknowledged < 40 && read (fds[0], &byte, 1) == 1)
    acknowledged++;
  kill (pid, SIGKILL);
  waitpid (pid, NULL, 0);
  close (fds[0]);
  g_assert_cmpuint (acknowledged, ==, 40);

  /* One byte in the page of a frame half-way through the journal. */
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  md_test_damage_journal_frame (path, (st.st_size - MD_TEST_WAL_HEADER) / MD_TEST_WAL_FRAME / 2);

  md_database_set_notice_func (notice_cb, &message);
  diary = md_test_open_diary (path);
  md_database_set_notice_func (NULL, NULL);

  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "missing from the diary"));
  g_assert_cmpint (md_diary_count (diary, "attacks"), <, 40);
  {
    /* The message names the diary, then the kept copy “<diary>.kept-<time>-wal”. */
    const char *second = strstr (strstr (message, path) + strlen (path), path);
    g_autofree char *kept = NULL;
    char *end;

    g_assert_nonnull (second);
    kept = g_strdup (second);
    end = strstr (kept, "”");
    g_assert_nonnull (end);
    *end = '\0';
    g_assert_true (g_str_has_suffix (kept, "-wal"));
    g_assert_cmpint (g_stat (kept, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
}

int
main (int   argc,
      char *argv[])
{
  md_test_init (&argc, &argv);

  g_test_add_func ("/md/crash-safety/kill-during-saves", test_kill_during_saves_loses_nothing_acknowledged);
  g_test_add_func ("/md/crash-safety/kill-then-damaged-journal", test_kill_then_damaged_journal_is_reported);

  return g_test_run ();
}
