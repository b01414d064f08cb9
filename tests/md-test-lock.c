/* md-test-lock.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Another program that holds a diary's lock (tests/md-hold-lock.c, found
 * through MD_HOLD_LOCK), for tests of the diary under contention.
 */

#include "config.h"

#include "md-test-lock.h"

/* Starts md-hold-lock on @path running @sql (say "BEGIN IMMEDIATE");
 * returns once it holds the lock, which it keeps until
 * md_test_release_lock(). */
GSubprocess *
md_test_hold_lock (const char *path,
                   const char *sql)
{
  const char *argv[] = { g_getenv ("MD_HOLD_LOCK"), path, sql, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) holder = NULL;
  g_autoptr(GDataInputStream) output = NULL;
  g_autofree char *line = NULL;

  g_assert_nonnull (argv[0]);
  holder = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (holder));
  line = g_data_input_stream_read_line (output, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "held");

  return g_steal_pointer (&holder);
}

/* Lets go of the lock and waits for the holder to end. */
void
md_test_release_lock (GSubprocess *holder)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_output_stream_close (g_subprocess_get_stdin_pipe (holder), NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (holder, NULL, &error));
  g_assert_no_error (error);
  g_object_unref (holder);
}
