/* fuzz-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target for the CSV reader and the diary import behind it.
 * Built with -Dfuzzing=true (clang, -fsanitize=fuzzer); in the normal
 * build a small main() replays the files given on the command line, so
 * the seed corpus runs with every test suite.
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "md-csv.h"
#include "md-diary-csv.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static MdDiary *diary;
static char *diary_dir;

/* The fuzzer leaves nothing behind: the diary and its folder go at exit. */
static void
remove_shared_diary (void)
{
  const char *names[] = { "diary.db", "diary.db-wal", "diary.db-shm" };

  g_clear_object (&diary);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (diary_dir, names[i], NULL);

      g_unlink (path);
    }
  g_rmdir (diary_dir);
  g_clear_pointer (&diary_dir, g_free);
}

static MdDiary *
shared_diary (void)
{
  if (diary == NULL)
    {
      g_autofree char *path = NULL;

      diary_dir = g_dir_make_tmp ("md-fuzz-XXXXXX", NULL);
      g_assert (diary_dir != NULL);
      path = g_build_filename (diary_dir, "diary.db", NULL);
      diary = md_diary_open (path, NULL);
      g_assert (diary != NULL);
      atexit (remove_shared_diary);
    }

  return diary;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(MdCsvReader) reader = md_csv_reader_new ((const char *) data, size);
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GError) error = NULL;
  MdDiaryCsvSummary summary;

  /* The reader alone, record by record. */
  while ((fields = md_csv_reader_next (reader, &error)) != NULL)
    {
      for (guint i = 0; i < fields->len; i++)
        g_assert (g_utf8_validate (g_ptr_array_index (fields, i), -1, NULL));
      g_clear_pointer (&fields, g_ptr_array_unref);
    }
  g_clear_error (&error);

  /* And the whole import, which must either succeed or change nothing. */
  if (md_diary_import_csv (shared_diary (), (const char *) data, size, NULL, NULL, NULL,
                           &summary, &error))
    g_assert (summary.added + summary.skipped > 0 || size > 0);

  return 0;
}

#ifndef MD_FUZZING
int
main (int   argc,
      char *argv[])
{
  for (int i = 1; i < argc; i++)
    {
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_get_contents (argv[i], &contents, &length, NULL))
        {
          g_printerr ("fuzz-csv: cannot read %s\n", argv[i]);
          return 1;
        }

      LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
    }

  g_print ("fuzz-csv: replayed %d inputs\n", argc - 1);
  return 0;
}
#endif
