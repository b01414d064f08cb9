/* md-bench-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>

#include "md-bench-utils.h"

double
md_bench_elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The value below which @p of the values lie (nearest rank); the values
 * keep their order. */
double
md_bench_percentile (GArray *values,
                     double  p)
{
  g_autoptr(GArray) sorted = NULL;

  if (values->len == 0)
    return 0;

  sorted = g_array_copy (values);
  g_array_sort (sorted, compare_doubles);

  return g_array_index (sorted, double, (guint) ((sorted->len - 1) * p + 0.5));
}

double
md_bench_median (GArray *values)
{
  return md_bench_percentile (values, 0.5);
}

double
md_bench_worst (GArray *values)
{
  return md_bench_percentile (values, 1);
}

static GPtrArray *scratch_dirs;

static void
remove_recursively (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_recursively (child);
      else
        g_unlink (child);
    }
  g_clear_pointer (&dir, g_dir_close);
  g_rmdir (path);
}

static void
remove_scratch_dirs (void)
{
  for (guint i = 0; i < scratch_dirs->len; i++)
    remove_recursively (g_ptr_array_index (scratch_dirs, i));
  g_clear_pointer (&scratch_dirs, g_ptr_array_unref);
}

/* A scratch folder in the temporary folder, removed when the benchmark
 * exits: a run leaves nothing behind. */
char *
md_bench_make_dir (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("md-bench-%s-XXXXXX", name);
  char *dir = g_dir_make_tmp (template, &error);

  if (dir == NULL)
    g_error ("Cannot make a scratch folder: %s", error->message);

  if (scratch_dirs == NULL)
    {
      scratch_dirs = g_ptr_array_new_with_free_func (g_free);
      atexit (remove_scratch_dirs);
    }
  g_ptr_array_add (scratch_dirs, g_strdup (dir));

  return dir;
}

/* Writes a synthetic diary to @path (seed 1) with the generator, given
 * one of its size options ("--years", "10"; "--attacks", "100000"),
 * unless @path exists. */
void
md_bench_generate_diary (const char *generator,
                         const char *path,
                         const char *option,
                         const char *value)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { generator, option, value, "--seed", "1", path, NULL };
  int wait_status = 0;

  if (generator == NULL)
    g_error ("No diary generator: give its path as the first argument");
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                     NULL, NULL, &wait_status, &error) ||
      !g_spawn_check_wait_status (wait_status, &error))
    g_error ("Could not generate %s: %s", path, error->message);
}
