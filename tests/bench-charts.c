/* bench-charts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Chart and statistics figures for the 10-year generated diary: loading
 * the snapshot, computing the statistics, and one 1200×800 frame of each
 * chart into an image surface (medians and worst of many runs), beside
 * their budgets. With MD_BENCH_PNG_DIR set, the frames are also saved.
 */

#include "config.h"

#include <stdio.h>
#include <glib/gstdio.h>

#include "md-chart.h"
#include "md-report.h"
#include "md-bench-utils.h"

#define RUNS 41

static void
bench_chart (const char         *name,
             MdChartKind         kind,
             const MdChartModel *model,
             const MdChartStyle *style)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1200, 800);
  const char *png_dir = g_getenv ("MD_BENCH_PNG_DIR");

  for (int i = 0; i < RUNS; i++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 start;
      double t;

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      start = g_get_monotonic_time ();
      md_chart_class_for (kind)->render (model, style, cr, 1200, 800);
      cairo_surface_flush (surface);
      t = md_bench_elapsed_ms (start);
      g_array_append_val (ms, t);
      cairo_destroy (cr);
    }

  if (png_dir != NULL)
    {
      g_autofree char *base = g_strdelimit (g_strdup (name), " /,", '-');
      g_autofree char *file = g_strdup_printf ("%s/%s.png", png_dir, base);
      cairo_surface_write_to_png (surface, file);
    }
  cairo_surface_destroy (surface);

  printf ("| %-28s | %8.2f ms | %8.2f ms | ≤ 2 ms median |\n", name, md_bench_median (ms), md_bench_worst (ms));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = md_bench_make_dir ("charts");
  g_autofree char *path = g_build_filename (dir, "ten-years.db", NULL);
  const char *generator = argc > 1 ? argv[1] : NULL;
  g_autoptr(GArray) load_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) stats_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(MdStatsData) data = NULL;
  g_autoptr(MdStats) stats = NULL;
  g_autoptr(MdStats) year = NULL;
  g_autoptr(GError) error = NULL;
  MdStatsSettings settings;
  MdStatsComparison comparison;
  MdChartStyle light;
  MdChartModel frequency;
  MdChartModel frequency_year;
  MdChartModel pain;
  MdChartModel calendar;

  md_bench_generate_diary (generator, path, "--years", "10");

  md_stats_settings_init_default (&settings);
  for (int i = 0; i < 11; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double t;

      g_clear_pointer (&data, md_stats_data_unref);
      data = md_stats_data_load (path, g_get_real_time () / G_USEC_PER_SEC, &error);
      g_assert_no_error (error);
      t = md_bench_elapsed_ms (start);
      g_array_append_val (load_ms, t);

      start = g_get_monotonic_time ();
      g_clear_pointer (&stats, md_stats_free);
      stats = md_stats_compute (data, &settings, data->first_day, data->last_day);
      t = md_bench_elapsed_ms (start);
      g_array_append_val (stats_ms, t);
    }

  printf ("Charts and statistics, 10-year generated diary (%u attacks, %u doses, %u days)\n\n",
          data->attacks->len, data->doses->len, data->days->len);
  printf ("| %-28s | %11s | %11s | %-14s |\n", "what", "median", "worst", "budget");
  printf ("|------------------------------|-------------|-------------|----------------|\n");
  printf ("| %-28s | %8.2f ms | %8.2f ms | off main thread |\n", "load snapshot (SQLite)", md_bench_median (load_ms), md_bench_worst (load_ms));
  printf ("| %-28s | %8.2f ms | %8.2f ms | ≤ 50 ms median |\n", "statistics, 10 years", md_bench_median (stats_ms), md_bench_worst (stats_ms));

  md_chart_style_init_light (&light);
  frequency = (MdChartModel) { .stats = stats };
  if (stats->treatments->len > 0)
    {
      md_stats_compare (stats, &g_array_index (stats->treatments, MdStatsTreatment, 0), &comparison);
      frequency.comparison = &comparison;
    }
  pain = (MdChartModel) { .stats = stats };
  calendar = (MdChartModel) { .stats = stats, .first_weekday = G_DATE_MONDAY, .first_month = -1 };
  year = md_stats_compute (data, &settings, data->last_day - 364, data->last_day);
  frequency_year = (MdChartModel) { .stats = year, .by_month = TRUE };

  bench_chart ("frequency, 10 years", MD_CHART_KIND_FREQUENCY, &frequency, &light);
  bench_chart ("frequency, 1 year by month", MD_CHART_KIND_FREQUENCY, &frequency_year, &light);
  bench_chart ("pain before/after", MD_CHART_KIND_PAIN, &pain, &light);
  bench_chart ("calendar", MD_CHART_KIND_CALENDAR, &calendar, &light);

  /* The before/after panel of the first treatment that can be compared */
  for (guint i = 0; i < stats->treatments->len; i++)
    {
      MdStatsComparison panel_cmp;
      MdChartModel before_after = { .stats = stats, .comparison = &panel_cmp, .treatment_name = "Magnesium 400 mg" };

      if (!md_stats_compare (stats, &g_array_index (stats->treatments, MdStatsTreatment, i), &panel_cmp))
        continue;
      bench_chart ("before/after panel", MD_CHART_KIND_BEFORE_AFTER, &before_after, &light);
      break;
    }

  /* The report: layout and PDF of the whole diary and of the last year */
  for (int whole = 1; whole >= 0; whole--)
    {
      g_autoptr(GArray) report_ms = g_array_new (FALSE, FALSE, sizeof (double));
      int pages = 0;

      for (int i = 0; i < 5; i++)
        {
          g_autoptr(MdReport) report = md_report_new (data, &settings,
                                                      whole ? data->first_day : data->last_day - 364,
                                                      data->last_day);
          g_autoptr(GBytes) pdf = NULL;
          gint64 start = g_get_monotonic_time ();
          double t;

          pages = md_report_paginate (report, 595.276, 841.89, 42);
          pdf = md_report_to_pdf (report, NULL);
          t = md_bench_elapsed_ms (start);
          g_array_append_val (report_ms, t);
        }
      printf ("| %-28s | %8.1f ms | %8.1f ms | %s |\n",
              whole ? "report PDF, 10 years" : "report PDF, 1 year",
              md_bench_median (report_ms), md_bench_worst (report_ms), whole ? "≤ 1000 ms      " : "≤ 250 ms       ");
      printf ("|   (%d pages)%*s|             |             |                |\n", pages,
              pages >= 10 ? 18 : 19, "");
    }

  return 0;
}
