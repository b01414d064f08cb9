/* bench-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Store figures for the 10-year generated diary: generator time, CSV
 * export and import (medians), and the latency of one durable save.
 * Printed beside their budgets; benchmarks never fail on time.
 */

#include "config.h"

#include <stdio.h>

#include "md-diary-csv.h"
#include "md-bench-utils.h"

#define RUNS 7




int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = md_bench_make_dir ("store");
  g_autofree char *source_path = g_build_filename (dir, "ten-years.db", NULL);
  g_autoptr(GArray) export_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) import_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) save_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(MdDiary) source = NULL;
  g_autoptr(GString) csv = NULL;
  g_autoptr(GError) error = NULL;
  const char *generator = argc > 1 ? argv[1] : NULL;
  double generate_ms;
  gint64 attacks;
  gint64 doses;
  gint64 start;

  if (generator == NULL)
    {
      g_printerr ("usage: bench-store PATH-TO-md-generate-diary\n");
      return 2;
    }

  start = g_get_monotonic_time ();
  md_bench_generate_diary (generator, source_path, "--years", "10");
  generate_ms = md_bench_elapsed_ms (start);

  source = md_diary_open (source_path, &error);
  g_assert_no_error (error);

  for (int r = 0; r < RUNS; r++)
    {
      g_autofree char *target_path = g_strdup_printf ("%s/import-%d.db", dir, r);
      g_autoptr(MdDiary) target = md_diary_open (target_path, &error);
      double ms;

      g_assert_no_error (error);

      start = g_get_monotonic_time ();
      if (csv != NULL)
        g_string_free (g_steal_pointer (&csv), TRUE);
      csv = md_diary_export_csv (source, &error);
      g_assert_no_error (error);
      ms = md_bench_elapsed_ms (start);
      g_array_append_val (export_ms, ms);

      start = g_get_monotonic_time ();
      if (!md_diary_import_csv (target, csv->str, csv->len, NULL, NULL, NULL, NULL, &error))
        g_error ("%s", error->message);
      ms = md_bench_elapsed_ms (start);
      g_array_append_val (import_ms, ms);
    }

  attacks = md_diary_count (source, "attacks");
  doses = md_diary_count (source, "doses");

  /* One user action: an attack saved and synced to disk. */
  for (int i = 0; i < 200; i++)
    {
      g_autoptr(MdAttack) attack = md_attack_new ();
      double ms;

      attack->start = 1500000000 + i * 60;
      attack->peak_pain = 2;
      start = g_get_monotonic_time ();
      g_assert_true (md_diary_save_attack (source, attack, NULL));
      ms = md_bench_elapsed_ms (start);
      g_array_append_val (save_ms, ms);
    }

  printf ("Store, 10-year generated diary (%" G_GINT64_FORMAT " attacks, %" G_GINT64_FORMAT " doses; CSV %.1f MB)\n\n",
          attacks, doses, csv->len / 1e6);
  printf ("%-34s %12s %12s\n", "measure", "figure", "budget");
  printf ("%-34s %9.1f ms %12s\n", "generate the diary", generate_ms, "");
  printf ("%-34s %9.1f ms %12s\n", "CSV export (median of 7)", md_bench_percentile (export_ms, 0.5), "≤ 500 ms");
  printf ("%-34s %9.1f ms %12s\n", "CSV import (median of 7)", md_bench_percentile (import_ms, 0.5), "≤ 1000 ms");
  printf ("%-34s %9.2f ms %12s\n", "durable save, median of 200", md_bench_percentile (save_ms, 0.5), "");
  printf ("%-34s %9.2f ms %12s\n", "durable save, 95th percentile", md_bench_percentile (save_ms, 0.95), "");

  return 0;
}
