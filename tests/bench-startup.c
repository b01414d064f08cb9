/* bench-startup.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Start-up to first drawn frame, and peak resident memory at that frame,
 * of the app against a bare libadwaita window built by the same suite.
 * The two are run alternately so that a busy machine slows both alike;
 * medians are reported with their ratio and the budget beside them.
 *
 *   bench-startup --bare PATH --app PATH [--runs N]
 *                 [--diary LABEL=FILE]... [--generator PATH]
 *
 * With --generator, the 10-year and 100,000-attack diaries are written
 * first (into the benchmark's temporary folder) when no --diary is given.
 */

#include "config.h"
#include "md-bench-utils.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

typedef struct
{
  char   *label;
  char   *database;
  double  budget_ratio;
  GArray *times_ms;
  GArray *hwm_kib;
} Subject;



static void
run_once (const char *program,
          const char *database,
          Subject    *subject)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[5] = { program, NULL, };
  gint64 start;
  gint64 end;
  int wait_status = 0;
  double elapsed_ms;
  double hwm = 0;
  const char *hwm_line;

  if (database != NULL)
    {
      argv[1] = "--database";
      argv[2] = database;
    }

  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, NULL, &wait_status, &error))
    g_error ("Could not run %s: %s", program, error->message);
  end = g_get_monotonic_time ();

  if (!g_spawn_check_wait_status (wait_status, &error))
    g_error ("%s failed: %s", program, error->message);

  elapsed_ms = (end - start) / 1000.0;
  hwm_line = out != NULL ? strstr (out, "vm-hwm-kib=") : NULL;
  if (hwm_line != NULL)
    hwm = g_ascii_strtod (hwm_line + strlen ("vm-hwm-kib="), NULL);

  g_array_append_val (subject->times_ms, elapsed_ms);
  g_array_append_val (subject->hwm_kib, hwm);
}

static Subject *
subject_new (const char *label,
             const char *database,
             double      budget_ratio)
{
  Subject *subject = g_new0 (Subject, 1);

  subject->label = g_strdup (label);
  subject->database = g_strdup (database);
  subject->budget_ratio = budget_ratio;
  subject->times_ms = g_array_new (FALSE, FALSE, sizeof (double));
  subject->hwm_kib = g_array_new (FALSE, FALSE, sizeof (double));

  return subject;
}


int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) subjects = g_ptr_array_new ();
  g_autofree char *bare = NULL;
  g_autofree char *app = NULL;
  g_autofree char *generator = NULL;
  g_auto(GStrv) diaries = NULL;
  g_autofree char *tmpdir = NULL;
  Subject *baseline;
  int runs = 7;
  GOptionEntry entries[] = {
    { "bare", 0, 0, G_OPTION_ARG_FILENAME, &bare, "The bare window program", "PATH" },
    { "app", 0, 0, G_OPTION_ARG_FILENAME, &app, "The app probe", "PATH" },
    { "generator", 0, 0, G_OPTION_ARG_FILENAME, &generator, "The diary generator", "PATH" },
    { "diary", 0, 0, G_OPTION_ARG_STRING_ARRAY, &diaries, "A diary to open", "LABEL=FILE" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs of each program", "N" },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || bare == NULL || app == NULL)
    {
      g_printerr ("bench-startup: %s\n", error != NULL ? error->message : "--bare and --app are needed");
      return 2;
    }

  tmpdir = md_bench_make_dir ("startup");
  g_assert_no_error (error);

  baseline = subject_new ("bare libadwaita window", NULL, 1.0);
  g_ptr_array_add (subjects, baseline);
  g_ptr_array_add (subjects, subject_new ("app, new empty diary",
                                          g_build_filename (tmpdir, "empty", "diary.db", NULL),
                                          1.2));

  for (guint i = 0; diaries != NULL && diaries[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (diaries[i], "=", 2);

      if (g_strv_length (parts) == 2)
        g_ptr_array_add (subjects, subject_new (parts[0], parts[1], 1.2));
    }

  if (generator != NULL && diaries == NULL)
    {
      g_autofree char *ten_years = g_build_filename (tmpdir, "ten-years.db", NULL);
      g_autofree char *stress = g_build_filename (tmpdir, "stress.db", NULL);

      md_bench_generate_diary (generator, ten_years, "--years", "10");
      md_bench_generate_diary (generator, stress, "--attacks", "100000");
      g_ptr_array_add (subjects, subject_new ("app, 10-year diary", ten_years, 1.2));
      g_ptr_array_add (subjects, subject_new ("app, 100,000-attack diary", stress, 1.5));
    }

  /* One warm-up run each fills the page cache and font caches. */
  for (guint s = 0; s < subjects->len; s++)
    {
      Subject *subject = g_ptr_array_index (subjects, s);
      Subject scratch = { .times_ms = g_array_new (FALSE, FALSE, sizeof (double)),
                          .hwm_kib = g_array_new (FALSE, FALSE, sizeof (double)) };

      run_once (s == 0 ? bare : app, subject->database, &scratch);
      g_array_unref (scratch.times_ms);
      g_array_unref (scratch.hwm_kib);
    }

  for (int r = 0; r < runs; r++)
    for (guint s = 0; s < subjects->len; s++)
      {
        Subject *subject = g_ptr_array_index (subjects, s);

        run_once (s == 0 ? bare : app, subject->database, subject);
      }

  printf ("Start-up to first frame and peak memory (median of %d runs each, alternated)\n\n", runs);
  printf ("%-28s %12s %7s %8s %11s %11s %10s\n",
          "program", "first frame", "ratio", "budget", "peak RSS", "vs bare", "budget");
  for (guint s = 0; s < subjects->len; s++)
    {
      Subject *subject = g_ptr_array_index (subjects, s);
      double t = md_bench_median (subject->times_ms);
      double m = md_bench_median (subject->hwm_kib) / 1024.0;
      double t0 = md_bench_median (baseline->times_ms);
      double m0 = md_bench_median (baseline->hwm_kib) / 1024.0;

      if (s == 0)
        printf ("%-28s %9.1f ms %7s %8s %7.1f MiB %11s %10s\n",
                subject->label, t, "1.00", "", m, "", "");
      else
        printf ("%-28s %9.1f ms %6.2fx %7s%.1fx %7.1f MiB %+7.1f MiB %10s\n",
                subject->label, t, t / t0, "≤", subject->budget_ratio, m, m - m0, "≤ +30 MiB");
    }

  return 0;
}
