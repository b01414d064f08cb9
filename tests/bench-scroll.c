/* bench-scroll.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Diary view over a large diary: time from opening the diary to the
 * first frame that shows its rows, then the time each frame takes (from
 * the frame clock's before-paint to after-paint, under Xvfb) while the
 * list is scrolled a page per frame (MD_SCROLL_FRACTION=0.1: a tenth).
 * Printed beside the 16 ms budget; never fails on time.
 *
 *   bench-scroll PATH-TO-md-generate-diary [ATTACKS]
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "md-diary-page.h"
#include "md-window.h"
#include "md-bench-utils.h"

#define PAGES 300
/* MD_SCROLL_FRACTION: the share of a page scrolled per frame (default 1). */

typedef struct
{
  MdApplication *app;
  GtkAdjustment *adjustment;
  GArray        *frame_ms;
  gint64         last_paint;
  gint64         frame_start;
  gint64         opened;
  double         populate_ms;
  guint          pages;
  double         fraction;
  gboolean       done;
} Bench;


static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  gint64 now = g_get_monotonic_time ();

  if (bench->adjustment == NULL)
    return;

  if (bench->populate_ms == 0)
    bench->populate_ms = (now - bench->opened) / 1000.0;
  else if (bench->frame_start > 0)
    {
      /* The work of the frame — layout, new rows bound, paint — not the
       * wait for the next display refresh. */
      double ms = (now - bench->frame_start) / 1000.0;

      g_array_append_val (bench->frame_ms, ms);
    }
  bench->last_paint = now;

  if (bench->pages++ >= PAGES)
    {
      bench->done = TRUE;
      return;
    }

  /* One page further down for the next frame. */
  gtk_adjustment_set_value (bench->adjustment,
                            gtk_adjustment_get_value (bench->adjustment) +
                            gtk_adjustment_get_page_size (bench->adjustment) * bench->fraction);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

static void
before_paint_cb (GdkFrameClock *clock,
                 Bench         *bench)
{
  bench->frame_start = g_get_monotonic_time ();
}

static void
diary_changed_cb (MdApplication *app,
                  GParamSpec    *pspec,
                  Bench         *bench)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  MdDiaryPage *page = MD_DIARY_PAGE (md_window_get_diary_page (MD_WINDOW (window)));
  GtkListView *list = md_diary_page_get_list_view (page);

  if (md_application_get_diary (app) == NULL)
    return;

  bench->opened = g_get_monotonic_time ();
  bench->adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "before-paint",
                    G_CALLBACK (before_paint_cb), bench);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), bench);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = md_bench_make_dir ("scroll");
  g_autofree char *path = g_build_filename (dir, "stress.db", NULL);
  const char *attacks = argc > 2 ? argv[2] : "100000";
  g_autoptr(GError) error = NULL;
  Bench bench = { 0, };
  GtkWindow *window;

  if (argc < 2)
    {
      g_printerr ("usage: bench-scroll PATH-TO-md-generate-diary [ATTACKS]\n");
      return 2;
    }

  md_bench_generate_diary (argv[1], path, "--attacks", attacks);

  bench.frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  bench.fraction = g_getenv ("MD_SCROLL_FRACTION") != NULL ? g_ascii_strtod (g_getenv ("MD_SCROLL_FRACTION"), NULL) : 1.0;
  bench.app = md_application_new ();
  g_application_set_application_id (G_APPLICATION (bench.app), APP_ID ".ScrollBenchmark");
  g_application_set_flags (G_APPLICATION (bench.app), G_APPLICATION_NON_UNIQUE);
  md_application_set_database_path (bench.app, path);
  g_application_register (G_APPLICATION (bench.app), NULL, &error);
  g_assert_no_error (error);

  g_signal_connect (bench.app, "notify::diary", G_CALLBACK (diary_changed_cb), &bench);
  g_application_activate (G_APPLICATION (bench.app));
  window = gtk_application_get_active_window (GTK_APPLICATION (bench.app));
  gtk_window_set_default_size (window, 1000, 800);

  while (!bench.done)
    g_main_context_iteration (NULL, TRUE);

  printf ("Diary view, %s-attack diary, %u frames scrolling %.2f page each (Xvfb, GSK_RENDERER=%s)\n\n",
          attacks, PAGES, bench.fraction,
          g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "default");
  printf ("%-34s %9s %12s\n", "measure", "figure", "budget");
  printf ("%-34s %6.1f ms %12s\n", "open to first frame with rows", bench.populate_ms, "");
  printf ("%-34s %6.1f ms %12s\n", "frame work, median",
          md_bench_median (bench.frame_ms), "≤ 16 ms");
  printf ("%-34s %6.1f ms %12s\n", "frame work, 95th percentile",
          md_bench_percentile (bench.frame_ms, 0.95), "≤ 16 ms");
  printf ("%-34s %6.1f ms %12s\n", "frame work, longest",
          md_bench_worst (bench.frame_ms), "≤ 16 ms");

  gtk_window_destroy (window);
  g_object_unref (bench.app);
  g_array_unref (bench.frame_ms);

  return 0;
}
