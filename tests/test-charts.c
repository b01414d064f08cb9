/* test-charts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The renderers without a display: drawn into image surfaces and checked
 * by probing pixels, and into PDF surfaces whose text poppler reads back.
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "md-chart.h"
#include "md-test-utils.h"

#define W 1200
#define H 800

/* Every kind is tested through its table, as the view and the report use it. */
#define FREQUENCY md_chart_class_for (MD_CHART_KIND_FREQUENCY)
#define PAIN md_chart_class_for (MD_CHART_KIND_PAIN)
#define CALENDAR md_chart_class_for (MD_CHART_KIND_CALENDAR)
#define BEFORE_AFTER md_chart_class_for (MD_CHART_KIND_BEFORE_AFTER)

static int
day (const char *iso)
{
  return md_stats_day_from_iso (iso);
}

static gint64
at (const char *date,
    int         hour)
{
  g_autoptr(GDateTime) dt = NULL;
  int y, m, d;

  g_assert_cmpint (sscanf (date, "%d-%d-%d", &y, &m, &d), ==, 3);
  dt = g_date_time_new_utc (y, m, d, hour, 0, 0);

  return g_date_time_to_unix (dt);
}

static void
add_attack (MdStatsData *data,
            const char  *date,
            int          peak,
            gboolean     migraine)
{
  MdStatsAttack a = { 0 };

  a.start = at (date, 8);
  a.end = at (date, 16);
  a.peak_pain = peak;
  a.aura_minutes = -1;
  if (migraine)
    a.features = MD_STATS_ATTACK_UNILATERAL | MD_STATS_ATTACK_PULSATING | MD_STATS_ATTACK_NAUSEA;
  md_stats_data_add_attack (data, &a);
}

/* A dose of @medication for attack number @attack, at 9:00 on @date */
static void
add_dose (MdStatsData *data,
          int          medication,
          int          attack,
          const char  *date,
          double       amount)
{
  MdStatsDose dose = { .medication = medication, .attack = attack, .taken = at (date, 9), .amount = amount };

  md_stats_data_add_dose (data, &dose);
}

/* Two 28-day windows from 2026-01-05, fully recorded: 10 headache days in
 * the first (4 migraine), 5 in the second (5 migraine); a triptan on 3
 * days; an oral magnesium course from the second window on. */
static MdStatsData *
make_data (void)
{
  MdStatsData *data = md_stats_data_new (at ("2026-06-01", 12));
  int first = day ("2026-01-05");
  int triptan = md_stats_data_add_medication (data, "Sumatriptan 50 mg", MD_STATS_CLASS_TRIPTAN, TRUE);
  int mg = md_stats_data_add_medication (data, "Magnesium 400 mg", MD_STATS_CLASS_MAGNESIUM_ORAL, FALSE);

  for (int d = first; d < first + 56; d++)
    {
      g_autofree char *iso = md_stats_day_to_iso (d);
      int offset = d - first;

      if (offset < 10)
        add_attack (data, iso, offset % 2 ? 3 : 2, offset < 4);
      else if (offset >= 28 && offset < 33)
        add_attack (data, iso, 1, TRUE);
      else
        md_stats_data_add_day (data, d, MD_STATS_DAY_HEADACHE_FREE, offset == 40);
    }
  for (int i = 0; i < 3; i++)
    {
      g_autofree char *iso = md_stats_day_to_iso (first + i);

      add_dose (data, triptan, i, iso, 50);
      md_stats_data_add_reading (data, i, at (iso, 9), 2, -1);
      md_stats_data_add_reading (data, i, at (iso, 11), i == 0 ? 1 : 0, -1);
    }
  md_stats_data_add_course (data, mg, first + 28, G_MAXINT);
  md_stats_data_finish (data);

  return data;
}

/* The statistics of @data from day @first to @last, default settings */
static MdStats *
compute_stats (MdStatsData *data,
               int          first,
               int          last)
{
  MdStatsSettings settings;

  md_stats_settings_init_default (&settings);

  return md_stats_compute (data, &settings, first, last);
}

static MdStats *
make_stats (MdStatsData *data)
{
  return compute_stats (data, day ("2026-01-05"), day ("2026-03-01"));
}

/* The sample's statistics, and a model of each chart on them: the
 * frequency chart with and without the comparison of the first
 * treatment. */
typedef struct
{
  MdStatsData       *data;
  MdStats           *stats;
  MdStatsComparison  cmp;
  MdChartModel       model;
  MdChartModel       frequency;
  MdChartModel       pain;
  MdChartModel       calendar;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  MdStatsData *sample = make_data ();
  MdStats *stats = make_stats (sample);

  *fixture = (Fixture) {
    .data = sample,
    .stats = stats,
    .model = { .stats = stats },
    .frequency = { .stats = stats, .comparison = &fixture->cmp },
    .pain = { .stats = stats },
    .calendar = { .stats = stats, .first_weekday = G_DATE_MONDAY, .first_month = -1 },
  };
  md_stats_compare (stats, &g_array_index (stats->treatments, MdStatsTreatment, 0), &fixture->cmp);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->stats, md_stats_free);
  g_clear_pointer (&fixture->data, md_stats_data_unref);
}

#define add_sample_test(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

static gboolean
same_color (guint32             pixel,
            const MdChartColor *color)
{
  int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

  return ABS (r - (int) round (color->r * 255)) <= 2 &&
         ABS (g - (int) round (color->g * 255)) <= 2 &&
         ABS (b - (int) round (color->b * 255)) <= 2;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return *(guint32 *) (void *) (data + y * stride + x * 4);
}

static cairo_surface_t *
render_frequency (const MdChartModel *model,
                  const MdChartStyle *style)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  cairo_t *cr = cairo_create (surface);

  FREQUENCY->render (model, style, cr, W, H);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/* Height in pixels of the run of @color pixels in column @x, bottom up. */
static int
bar_height (cairo_surface_t    *surface,
            int                 x,
            const MdChartColor *color)
{
  int top = -1, bottom = -1;

  for (int y = 0; y < H; y++)
    if (same_color (pixel_at (surface, x, y), color))
      {
        if (top < 0)
          top = y;
        bottom = y;
      }

  return top < 0 ? 0 : bottom - top + 1;
}

/* The x range of a period, found with the hit test. */
static void
period_range (const MdChartModel *model,
              const MdChartStyle *style,
              int                 index,
              int                *x0,
              int                *x1)
{
  *x0 = *x1 = -1;
  for (int x = 0; x < W; x++)
    if (FREQUENCY->hit_test (model, style, W, H, x, H / 2) == index)
      {
        if (*x0 < 0)
          *x0 = x;
        *x1 = x;
      }
  g_assert_cmpint (*x0, >=, 0);
}

static void
test_frequency_bars (Fixture       *fixture,
                    gconstpointer  data)
{
  MdChartStyle style;
  cairo_surface_t *surface;
  int a0, a1, b0, b1, h1, h2;

  md_chart_style_init_print (&style);
  g_assert_cmpuint (fixture->stats->windows->len, ==, 2);
  g_assert_cmpint (g_array_index (fixture->stats->windows, MdStatsSpan, 0).headache, ==, 10);
  g_assert_cmpint (g_array_index (fixture->stats->windows, MdStatsSpan, 1).headache, ==, 5);

  surface = render_frequency (&fixture->model, &style);
  period_range (&fixture->model, &style, 0, &a0, &a1);
  period_range (&fixture->model, &style, 1, &b0, &b1);
  g_assert_cmpint (a1, <, b0);

  /* Probe inside each headache bar, beside the hatched migraine bar. */
  h1 = bar_height (surface, a0 + (a1 - a0) * 0.18, &style.headache);
  h2 = bar_height (surface, b0 + (b1 - b0) * 0.18, &style.headache);
  g_assert_cmpint (h1, >, 50);
  g_assert_cmpfloat_with_epsilon (h1 / (double) h2, 2.0, 0.05);
  /* Outside the bars, in the plot: no bar colour */
  g_assert_cmpint (bar_height (surface, a0 + 1, &style.headache), ==, 0);

  g_assert_cmpint (FREQUENCY->hit_test (&fixture->model, &style, W, H, 2, 2), ==, MD_CHART_NO_HIT);
  cairo_surface_destroy (surface);
}

/* Four 28-day windows from 5 Jan 2026, counted by hand:
 * 1: 28 recorded, 7 headache days, ibuprofen on 2 → 7.0 and 2.0 per 28 days
 * 2: 14 recorded (7 headache, 7 headache-free, 14 untracked), ibuprofen
 *    on 2 → 7 × 28 / 14 = 14.0 and 4.0: incomplete, drawn pale at its rate
 * 3: nothing recorded → no rate: no bar, and the acute line stops
 * 4: as window 1. */
static MdStatsData *
make_gappy_data (void)
{
  MdStatsData *data = md_stats_data_new (at ("2026-06-01", 12));
  int first = day ("2026-01-05");
  int nsaid = md_stats_data_add_medication (data, "Ibuprofen 400 mg", MD_STATS_CLASS_NON_OPIOID, TRUE);
  int n_attacks = 0;

  for (int w = 0; w < 4; w++)
    for (int k = 0; k < 28; k++)
      {
        int d = first + 28 * w + k;
        g_autofree char *iso = md_stats_day_to_iso (d);

        if (w == 2 || (w == 1 && k >= 14))
          continue;
        if (k < 7)
          {
            add_attack (data, iso, 2, FALSE);
            if (k < 2)
              add_dose (data, nsaid, n_attacks, iso, 400);
            n_attacks++;
          }
        else
          md_stats_data_add_day (data, d, MD_STATS_DAY_HEADACHE_FREE, FALSE);
      }
  md_stats_data_finish (data);

  return data;
}

static void
test_incomplete_and_unrecorded_windows (void)
{
  g_autoptr(MdStatsData) data = make_gappy_data ();
  g_autoptr(MdStats) stats = NULL;
  MdChartModel model;
  MdChartStyle style;
  MdChartColor pale;
  cairo_surface_t *surface;
  int x0[4], x1[4];
  int full, half, again, acute_in_gap = 0, acute_in_window_2 = 0;
  g_autofree char *period_2 = NULL;
  g_autofree char *period_3 = NULL;

  stats = compute_stats (data, day ("2026-01-05"), day ("2026-01-05") + 111);
  model = (MdChartModel) { .stats = stats };
  g_assert_cmpuint (stats->windows->len, ==, 4);
  g_assert_cmpint (g_array_index (stats->windows, MdStatsSpan, 1).recorded, ==, 14);
  g_assert_true (g_array_index (stats->windows, MdStatsSpan, 1).incomplete);
  g_assert_cmpint (g_array_index (stats->windows, MdStatsSpan, 2).recorded, ==, 0);

  md_chart_style_init_print (&style);
  /* a pale bar: headache at 40% over the white page */
  pale = style.headache;
  pale.r = 0.4 * style.headache.r + 0.6;
  pale.g = 0.4 * style.headache.g + 0.6;
  pale.b = 0.4 * style.headache.b + 0.6;
  surface = render_frequency (&model, &style);
  for (int i = 0; i < 4; i++)
    {
      x0[i] = x1[i] = -1;
      for (int x = 0; x < W; x++)
        if (FREQUENCY->hit_test (&model, &style, W, H, x, H / 2) == i)
          {
            if (x0[i] < 0)
              x0[i] = x;
            x1[i] = x;
          }
      g_assert_cmpint (x0[i], >=, 0);
    }

  full = bar_height (surface, x0[0] + (x1[0] - x0[0]) * 0.18, &style.headache);
  half = bar_height (surface, x0[1] + (x1[1] - x0[1]) * 0.18, &pale);
  again = bar_height (surface, x0[3] + (x1[3] - x0[3]) * 0.18, &style.headache);
  g_assert_cmpint (full, >, 50);
  /* the incomplete window is pale, at its rate (14.0), not its count (7) */
  g_assert_cmpint (bar_height (surface, x0[1] + (x1[1] - x0[1]) * 0.18, &style.headache), ==, 0);
  g_assert_cmpfloat_with_epsilon (half / (double) full, 2.0, 0.05);
  g_assert_cmpint (again, ==, full);

  /* window 3: no bar, and no acute-medication line dropping to 0 */
  for (int x = x0[2]; x <= x1[2]; x++)
    {
      g_assert_cmpint (bar_height (surface, x, &style.headache), ==, 0);
      g_assert_cmpint (bar_height (surface, x, &pale), ==, 0);
      for (int y = H / 4; y < H; y++)
        acute_in_gap += same_color (pixel_at (surface, x, y), &style.acute);
    }
  for (int x = x0[1]; x <= x1[1]; x++)
    for (int y = H / 4; y < H; y++)
      acute_in_window_2 += same_color (pixel_at (surface, x, y), &style.acute);
  g_assert_cmpint (acute_in_gap, ==, 0);
  g_assert_cmpint (acute_in_window_2, >, 20);
  cairo_surface_destroy (surface);

  period_2 = FREQUENCY->describe_item (&model, 1);
  g_assert_nonnull (strstr (period_2, "2 Feb 2026 – 1 Mar 2026: 14 of 28 days recorded; "));
  g_assert_nonnull (strstr (period_2, "incomplete; headache days 7, migraine days 0, acute-medication days 2"));
  g_assert_nonnull (strstr (period_2, "per 28 recorded days: headache days 14.0, migraine days 0.0, acute-medication days 4.0"));
  period_3 = FREQUENCY->describe_item (&model, 2);
  g_assert_nonnull (strstr (period_3, "2 Mar 2026 – 29 Mar 2026: no day recorded"));
}

/* An infusion in the middle of a window is drawn over its bar, not
 * hidden behind it. */
static void
test_infusion_marks_on_top (void)
{
  MdStatsData *data = md_stats_data_new (at ("2026-06-01", 12));
  g_autoptr(MdStats) stats = NULL;
  int first = day ("2026-01-05");
  int mg = md_stats_data_add_medication (data, "Magnesium sulfate IV 1 g", MD_STATS_CLASS_MAGNESIUM_IV, TRUE);
  MdStatsDose infusion = { 0 };
  MdChartModel model;
  MdChartStyle style;
  cairo_surface_t *surface;
  int x0, x1, marks = 0;

  for (int d = first; d < first + 28; d++)
    {
      g_autofree char *iso = md_stats_day_to_iso (d);

      add_attack (data, iso, 2, FALSE);
    }
  infusion.medication = mg;
  infusion.attack = -1;
  infusion.taken = at ("2026-01-19", 10);
  infusion.amount = 1;
  infusion.infusion = TRUE;
  infusion.purpose = MD_STATS_PURPOSE_PREVENTION;
  md_stats_data_add_dose (data, &infusion);
  md_stats_data_finish (data);
  stats = compute_stats (data, first, first + 27);
  model = (MdChartModel) { .stats = stats };
  md_chart_style_init_print (&style);

  surface = render_frequency (&model, &style);
  period_range (&model, &style, 0, &x0, &x1);
  for (int y = H / 2; y < H; y++)
    for (int x = x0; x <= x1; x++)
      marks += same_color (pixel_at (surface, x, y), &style.infusion);
  g_assert_cmpint (marks, >, 10);
  cairo_surface_destroy (surface);
  md_stats_data_unref (data);
}

/* Drawn at an offset into a larger surface: nothing outside its box. */
static void
test_within_bounds (Fixture       *fixture,
                   gconstpointer  data)
{
  MdChartStyle style;

  md_chart_style_init_light (&style);
  for (int chart = 0; chart < 3; chart++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
      cairo_t *cr = cairo_create (surface);
      int inside = 0;

      cairo_translate (cr, 50, 40);
      if (chart == 0)
        FREQUENCY->render (&fixture->frequency, &style, cr, 300, 220);
      else if (chart == 1)
        PAIN->render (&fixture->pain, &style, cr, 300, 220);
      else
        CALENDAR->render (&fixture->calendar, &style, cr, 300, 220);
      cairo_destroy (cr);
      cairo_surface_flush (surface);

      for (int y = 0; y < 300; y++)
        for (int x = 0; x < 400; x++)
          {
            gboolean in_box = x >= 50 && x < 350 && y >= 40 && y < 260;
            guint32 p = pixel_at (surface, x, y);

            if (!in_box && p != 0)
              g_error ("chart %d drew at (%d, %d), outside its box", chart, x, y);
            inside += in_box && p != 0;
          }
      g_assert_cmpint (inside, >, 1000);
      cairo_surface_destroy (surface);
    }
}

static void
test_dark_differs (Fixture       *fixture,
                  gconstpointer  data)
{
  MdChartStyle light, dark;
  cairo_surface_t *a, *b;
  int differ = 0;

  md_chart_style_init_light (&light);
  md_chart_style_init_dark (&dark);
  a = render_frequency (&fixture->model, &light);
  b = render_frequency (&fixture->model, &dark);
  for (int y = 0; y < H; y += 2)
    for (int x = 0; x < W; x += 2)
      differ += pixel_at (a, x, y) != pixel_at (b, x, y);
  /* text, grid and series colours change */
  g_assert_cmpint (differ, >, 2000);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

static void
test_empty_state (void)
{
  g_autoptr(MdStatsData) data = md_stats_data_new (at ("2026-06-01", 12));
  g_autoptr(MdStats) stats = NULL;
  MdChartModel model;
  MdChartModel pain;
  MdChartStyle style;
  cairo_surface_t *surface;
  g_autofree char *text = NULL;
  g_autofree char *pain_text = NULL;
  int ink = 0, bars = 0;

  md_stats_data_finish (data);
  stats = compute_stats (data, day ("2026-01-01"), day ("2026-03-31"));
  model = (MdChartModel) { .stats = stats };
  pain = (MdChartModel) { .stats = stats };
  md_chart_style_init_print (&style);
  surface = render_frequency (&model, &style);

  for (int y = H / 2 - 20; y < H / 2 + 20; y++)
    for (int x = W / 2 - 200; x < W / 2 + 200; x++)
      ink += !same_color (pixel_at (surface, x, y), &style.background);
  for (int y = 0; y < H; y += 3)
    for (int x = 0; x < W; x += 3)
      bars += same_color (pixel_at (surface, x, y), &style.headache);
  g_assert_cmpint (ink, >, 100); /* the message */
  g_assert_cmpint (bars, ==, 0);
  cairo_surface_destroy (surface);

  text = FREQUENCY->describe (&model);
  g_assert_nonnull (strstr (text, "no entries"));
  pain_text = PAIN->describe (&pain);
  g_assert_nonnull (strstr (pain_text, "no acute doses"));
  g_assert_cmpint (FREQUENCY->hit_test (&model, &style, W, H, W / 2, H / 2), ==, MD_CHART_NO_HIT);
}

/* Right to left: the first period is drawn on the right. */
static void
test_right_to_left (Fixture       *fixture,
                   gconstpointer  data)
{
  MdChartStyle style;
  int a0, a1, b0, b1;

  md_chart_style_init_print (&style);
  style.rtl = TRUE;
  period_range (&fixture->model, &style, 0, &a0, &a1);
  period_range (&fixture->model, &style, 1, &b0, &b1);
  g_assert_cmpint (b1, <, a0);
  g_assert_cmpint (a1, >, W * 0.9);
}

static void
test_descriptions (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *f = FREQUENCY->describe (&fixture->frequency);
  g_autofree char *period = FREQUENCY->describe_item (&fixture->frequency, 0);
  g_autofree char *p = PAIN->describe (&fixture->pain);
  g_autofree char *c = CALENDAR->describe (&fixture->calendar);
  g_autofree char *one_day = CALENDAR->describe_item (&fixture->calendar, day ("2026-01-06"));

  /* 15 headache days over 56 recorded: 7.5 per 28 days */
  g_assert_nonnull (strstr (f, "56 days recorded"));
  g_assert_nonnull (strstr (f, "7.5 headache days"));
  /* baseline: window 1, 4 migraine days in 28 recorded; weeks 9–12 after
   * 2 Feb (30 Mar – 26 Apr) have no entry */
  g_assert_nonnull (strstr (f, "Migraine days per 28 days, before → weeks 9–12: 4.0 → –, – days, –; not yet evaluable."));

  g_assert_nonnull (strstr (period, "28 of 28 days recorded"));
  g_assert_nonnull (strstr (period, "headache days 10, migraine days 4, acute-medication days 3"));

  /* 2 of 3 pain-free at 2 h: 67% (21%–94%) */
  g_assert_nonnull (strstr (p, "Sumatriptan 50 mg, 3 doses: pain-free at 2 h 67% (21%–94%), n = 3"));

  g_assert_nonnull (strstr (c, "Calendar of 3 months"));
  g_assert_nonnull (strstr (one_day, "headache, peak pain Severe"));
  g_assert_nonnull (strstr (one_day, "acute medication"));
}

/* Ends the drawing on a PDF surface and writes the file whole. */
static void
finish_pdf (cairo_t *cr)
{
  cairo_surface_t *surface = cairo_surface_reference (cairo_get_target (cr));

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static char *
pdf_text (const char *pdf)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return g_steal_pointer (&out);
}

/* Reads @path back, finds each of @expected in it, and removes it. */
static void
assert_pdf_says (const char         *path,
                 const char * const *expected)
{
  g_autofree char *text = pdf_text (path);

  for (guint i = 0; expected[i] != NULL; i++)
    if (strstr (text, expected[i]) == NULL)
      g_error ("“%s” is not in the PDF:\n%s", expected[i], text);
  g_unlink (path);
}

/* PDF output keeps its text: labels, numbers and dates read back. */
static void
test_pdf_text (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *dir = md_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "charts.pdf", NULL);
  MdChartStyle style;
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 842, 595);
  cairo_t *cr = cairo_create (surface);

  md_chart_style_init_print (&style);
  FREQUENCY->render (&fixture->frequency, &style, cr, 842, 595);
  cairo_show_page (cr);
  PAIN->render (&fixture->pain, &style, cr, 842, 595);
  cairo_show_page (cr);
  CALENDAR->render (&fixture->calendar, &style, cr, 842, 595);
  finish_pdf (cr);

  assert_pdf_says (path, (const char * const[]) {
    "Headache days", "Migraine days", "Feb 2026", "Magnesium 400 mg",
    "Pain-free at 2 h: 67% (21%–94%), n = 3", "Relief at 2 h: 100% (44%–100%), n = 3",
    "January 2026", "February 2026", "Menstruation", NULL });
}

/* Four acute medications, one dose each on its own attack: Severe at
 * the dose, None 2 h later. */
static MdStatsData *
make_four_medications (void)
{
  MdStatsData *data = md_stats_data_new (at ("2026-06-01", 12));
  const char *names[] = { "Sumatriptan 50 mg", "Rizatriptan 10 mg", "Ibuprofen 400 mg", "Naproxen 500 mg" };
  int first = day ("2026-01-05");

  for (int i = 0; i < 4; i++)
    {
      int med = md_stats_data_add_medication (data, names[i], i < 2 ? MD_STATS_CLASS_TRIPTAN : MD_STATS_CLASS_NON_OPIOID,
                                              TRUE);
      g_autofree char *iso = md_stats_day_to_iso (first + 3 * i);

      add_attack (data, iso, 3, TRUE);
      add_dose (data, med, i, iso, 1);
      md_stats_data_add_reading (data, i, at (iso, 9), 3, -1);
      md_stats_data_add_reading (data, i, at (iso, 11), 0, -1);
    }
  md_stats_data_finish (data);

  return data;
}

/* On a phone (340 px) the pain chart stacks a panel per medication: its
 * natural height grows with them, every panel can be pointed at, and
 * every name is drawn; with less height than that (a report's fixed
 * box) the rows that fit are drawn and the legend says how many did not. */
static void
test_pain_stacks_when_narrow (void)
{
  g_autoptr(MdStatsData) data = make_four_medications ();
  g_autoptr(MdStats) stats = make_stats (data);
  g_autofree char *dir = md_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "stacked.pdf", NULL);
  g_autofree char *text = NULL;
  MdChartModel pain = { .stats = stats };
  MdChartStyle style;
  const double w = 340;
  double wide, h;
  gboolean seen[4] = { FALSE, FALSE, FALSE, FALSE };
  int previous = -2, changes = 0;
  cairo_surface_t *surface;
  cairo_t *cr;

  md_chart_style_init_light (&style);
  style.background = (MdChartColor) { 1, 1, 1, 1 };
  g_assert_cmpuint (stats->medications->len, ==, 4);
  wide = md_chart_pain_natural_height (&pain, &style, 1600);
  h = md_chart_pain_natural_height (&pain, &style, w);
  /* Side by side at 1600 px, one under the other at 340 px */
  g_assert_cmpfloat (h, >, 3 * wide);

  /* Down the middle of the chart: four panels, one after the other */
  for (double y = 0; y < h; y += 2)
    {
      int i = PAIN->hit_test (&pain, &style, w, h, w * 0.6, y);

      if (i >= 0)
        seen[i] = TRUE;
      if (i >= 0 && i != previous)
        changes++;
      previous = i >= 0 ? i : previous;
    }
  for (int i = 0; i < 4; i++)
    g_assert_true (seen[i]);
  g_assert_cmpint (changes, ==, 4);
  /* Nothing hidden: no panel to the side of another */
  g_assert_cmpint (PAIN->hit_test (&pain, &style, w, h, w - 2, h - 2), >=, 0);

  surface = cairo_pdf_surface_create (path, w, h);
  cr = cairo_create (surface);
  PAIN->render (&pain, &style, cr, w, h);
  cairo_show_page (cr);
  /* A box of a report's height: one row, and the rest said */
  PAIN->render (&pain, &style, cr, w, 270);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  text = pdf_text (path);
  {
    g_auto(GStrv) pages = g_strsplit (text, "\f", -1);

    g_assert_cmpuint (g_strv_length (pages), >=, 2);
    for (guint i = 0; i < 4; i++)
      g_assert_nonnull (strstr (pages[0], g_array_index (data->medications, MdStatsMedication, i).name));
    g_assert_null (strstr (pages[0], "more medication"));
    g_assert_nonnull (strstr (pages[1], "Sumatriptan 50 mg"));
    g_assert_null (strstr (pages[1], "Naproxen 500 mg"));
    g_assert_nonnull (strstr (pages[1], "3 more medications"));
  }
  g_unlink (path);
}

typedef struct
{
  GArray  *boxes; /* double[5] each: page, x0, y0, x1, y1 */
  GString *text;
  gboolean in_word;
  double   box[5];
} Words;

static void
word_start (GMarkupParseContext  *context,
            const char           *element,
            const char          **names,
            const char          **values,
            gpointer              user_data,
            GError              **error)
{
  Words *words = user_data;
  const char *keys[] = { "xMin", "yMin", "xMax", "yMax" };

  if (g_str_equal (element, "page"))
    words->box[0]++;
  if (!g_str_equal (element, "word"))
    return;
  words->in_word = TRUE;
  for (guint k = 0; k < 4; k++)
    for (guint i = 0; names[i] != NULL; i++)
      if (g_str_equal (names[i], keys[k]))
        words->box[k + 1] = g_ascii_strtod (values[i], NULL);
}

static void
word_end (GMarkupParseContext  *context,
          const char           *element,
          gpointer              user_data,
          GError              **error)
{
  Words *words = user_data;

  if (!g_str_equal (element, "word"))
    return;
  words->in_word = FALSE;
  g_array_append_vals (words->boxes, words->box, 5);
  g_string_append_c (words->text, ' ');
}

static void
word_text (GMarkupParseContext  *context,
           const char           *text,
           gsize                 length,
           gpointer              user_data,
           GError              **error)
{
  Words *words = user_data;

  if (words->in_word)
    g_string_append_len (words->text, text, length);
}

/* A chart drawn the size of a phone's window, with long captions: every
 * word stays inside the chart and off its neighbours. */
static void
test_narrow_captions (void)
{
  char *catalogue = md_test_use_catalogue (
    "msgid \"Pain-free at 2 h: %s\"\nmsgstr \"Schmerzfreiheit zwei Stunden nach der Einnahme: %s\"\n\n"
    "msgid \"Relief at 2 h: %s\"\nmsgstr \"Linderung zwei Stunden nach der Einnahme: %s\"\n\n"
    "msgid \"Migraine days per 28 days, before → weeks %d–%d: %s; responder %s\"\n"
    "msgstr \"Migränetage pro 28 Tage, vorher → in den Wochen %d–%d danach: %s; Responder-Ergebnis %s\"\n\n"
    "msgid \"Migraine days per 28 days, before → weeks %d–%d: %s; not yet evaluable\"\n"
    "msgstr \"Migränetage pro 28 Tage, vorher → in den Wochen %d–%d danach: %s; noch nicht auswertbar\"\n");
  g_autoptr(MdStatsData) data = make_data ();
  g_autoptr(MdStats) stats = make_stats (data);
  g_autofree char *dir = md_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "narrow.pdf", NULL);
  g_autofree char *xml = NULL;
  g_autofree char *doc = NULL;
  g_autoptr(GError) error = NULL;
  MdStatsComparison cmp;
  MdChartModel frequency = { .stats = stats, .comparison = &cmp };
  MdChartModel pain = { .stats = stats };
  MdChartStyle style;
  const double w = 340, h = 520;
  cairo_surface_t *surface = cairo_pdf_surface_create (path, w, h);
  cairo_t *cr = cairo_create (surface);
  const char *argv[] = { "pdftotext", "-bbox", path, "-", NULL };
  GMarkupParser parser = { word_start, word_end, word_text, NULL, NULL };
  Words words = { g_array_new (FALSE, FALSE, sizeof (double)), g_string_new (NULL), FALSE, { 0 } };
  g_autoptr(GMarkupParseContext) context = NULL;
  int status;

  md_stats_compare (stats, &g_array_index (stats->treatments, MdStatsTreatment, 0), &cmp);
  md_chart_style_init_light (&style);
  style.background = (MdChartColor) { 1, 1, 1, 1 };
  FREQUENCY->render (&frequency, &style, cr, w, h);
  cairo_show_page (cr);
  PAIN->render (&pain, &style, cr, w, h);
  finish_pdf (cr);
  md_test_drop_catalogue (catalogue);

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &xml, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  context = g_markup_parse_context_new (&parser, G_MARKUP_IGNORE_QUALIFIED, &words, NULL);
  /* <doc> only: the XHTML around it names entities GMarkup does not know */
  g_assert_nonnull (strstr (xml, "<doc>"));
  g_assert_nonnull (strstr (xml, "</doc>"));
  doc = g_strndup (strstr (xml, "<doc>"), strstr (xml, "</doc>") + strlen ("</doc>") - strstr (xml, "<doc>"));
  g_assert_true (g_markup_parse_context_parse (context, doc, -1, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_cmpuint (words.boxes->len, >, 5 * 50);

  /* The long sentences are there, whole */
  g_assert_nonnull (strstr (words.text->str, "Schmerzfreiheit zwei Stunden nach der Einnahme:"));
  g_assert_nonnull (strstr (words.text->str, "in den Wochen"));
  for (guint i = 0; i < words.boxes->len; i += 5)
    {
      double *a = &g_array_index (words.boxes, double, i) + 1;
      double inset = (a[3] - a[1]) * 0.2;

      g_assert_cmpfloat (a[0], >=, -0.5);
      g_assert_cmpfloat (a[2], <=, w + 0.5);
      for (guint j = i + 5; j < words.boxes->len; j += 5)
        {
          double *b = &g_array_index (words.boxes, double, j) + 1;

          if (b[-1] == a[-1] &&
              a[0] + 0.3 < b[2] - 0.3 && b[0] + 0.3 < a[2] - 0.3 &&
              a[1] + inset < b[3] - inset && b[1] + inset < a[3] - inset)
            g_error ("two words overlap at (%.1f, %.1f) and (%.1f, %.1f)", a[0], a[1], b[0], b[1]);
        }
    }
  g_array_unref (words.boxes);
  g_string_free (words.text, TRUE);
  g_unlink (path);
}

static void
test_calendar_hit_test (Fixture       *fixture,
                       gconstpointer  data)
{
  MdChartStyle style;
  int found = 0;

  md_chart_style_init_light (&style);
  /* Every day of the range is under exactly one spot of the grid. */
  for (int y = 0; y < H; y += 4)
    for (int x = 0; x < W; x += 4)
      {
        int d = CALENDAR->hit_test (&fixture->calendar, &style, W, H, x, y);

        if (d != MD_CHART_NO_HIT)
          {
            g_assert_cmpint (d, >=, fixture->stats->first_day);
            g_assert_cmpint (d, <=, fixture->stats->last_day);
            found++;
          }
      }
  g_assert_cmpint (found, >, 56);
}

static void
test_first_weekday (void)
{
  int first = md_chart_locale_first_weekday ();

  /* C locale: Monday (ISO) or Sunday, both valid GDateWeekday values */
  g_assert_true (first == G_DATE_MONDAY || first == G_DATE_SUNDAY);
}

/* The before/after panel's diary, by hand. A course from 2 Mar 2026
 * (UTC). Baseline, 2 Feb – 1 Mar: migraine attacks of 8 hours on 8 days
 * (every third day), peaks moderate, severe, … (mean 2.5), 0–10 numbers
 * 6, 7, 8, 9 on the first four (mean 7.5); 20 days headache-free.
 * Weeks 9–12, 27 Apr – 24 May: 3 mild migraine attacks of 4 hours, no
 * 0–10 number, 18 days headache-free, 7 untracked (21 recorded).
 * Per 28 days: migraine and headache 8.0 → 3 × 28 / 21 = 4.0 (−4.0,
 * −50%); moderate or severe 8.0 → 0.0 (−100%); acute 0.0 → 0.0; mean peak
 * pain 2.5 → 1.0 (−1.5, −60%); 0–10 7.5 → –; median duration 8.0 → 4.0 h. */
static MdStatsData *
make_before_after_data (gint64 now)
{
  MdStatsData *data = md_stats_data_new (now);
  int start = day ("2026-03-02");
  int mg = md_stats_data_add_medication (data, "Magnesium 400 mg", MD_STATS_CLASS_MAGNESIUM_ORAL, FALSE);
  int j = 0;

  for (int d = start - 28; d < start + 84; d++)
    {
      g_autofree char *iso = md_stats_day_to_iso (d);
      int k = d - start;
      MdStatsAttack a = { 0 };

      a.aura_minutes = -1;
      a.features = MD_STATS_ATTACK_UNILATERAL | MD_STATS_ATTACK_PULSATING | MD_STATS_ATTACK_NAUSEA;
      if (k < 0 && (k + 28) % 3 == 0 && k + 28 < 24)
        {
          a.start = at (iso, 8);
          a.end = at (iso, 16);
          a.peak_pain = j % 2 ? 3 : 2;
          a.has_nrs = j < 4;
          a.peak_nrs = 6 + j;
          md_stats_data_add_attack (data, &a);
          j++;
        }
      else if (k >= 56 && k < 59)
        {
          a.start = at (iso, 8);
          a.end = at (iso, 12);
          a.peak_pain = 1;
          md_stats_data_add_attack (data, &a);
        }
      else if (k < 0 || (k >= 59 && k < 77))
        md_stats_data_add_day (data, d, MD_STATS_DAY_HEADACHE_FREE, FALSE);
    }
  md_stats_data_add_course (data, mg, start, G_MAXINT);
  md_stats_data_finish (data);

  return data;
}

static void
test_before_after_figures (void)
{
  g_autoptr(MdStatsData) data = make_before_after_data (at ("2026-07-01", 12));
  g_autoptr(MdStats) stats = NULL;
  MdStatsComparison cmp;
  MdChartModel model = { .comparison = &cmp, .treatment_name = "Magnesium 400 mg" };
  g_autofree char *text = NULL;
  const char *expected[] = {
    "Before and after Magnesium 400 mg.",
    "Migraine days per 28 days: 8.0 before, 4.0 after, change −4.0 (−50%), 28 / 28 → 21 / 28 days recorded.",
    "Headache days per 28 days: 8.0 before, 4.0 after, change −4.0 (−50%), 28 / 28 → 21 / 28 days recorded.",
    "Moderate or severe days per 28 days: 8.0 before, 0.0 after, change −8.0 (−100%), 28 / 28 → 21 / 28 days recorded.",
    "Acute-medication days per 28 days: 0.0 before, 0.0 after, change 0.0, 28 / 28 → 21 / 28 days recorded.",
    "Mean peak pain (0–3): 2.5 before, 1.0 after, change −1.5 (−60%), n = 8 → 3 attacks.",
    "Mean peak pain (0–10): 7.5 before, – after, change –, n = 4 → 0 attacks.",
    "Median attack duration (hours): 8.0 before, 4.0 after, change −4.0 (−50%), n = 8 → 3 attacks.",
  };

  stats = compute_stats (data, day ("2026-02-02"), day ("2026-05-24"));
  model.stats = stats;
  g_assert_cmpuint (stats->treatments->len, ==, 1);
  g_assert_true (md_stats_compare (stats, &g_array_index (stats->treatments, MdStatsTreatment, 0), &cmp));
  g_assert_cmpint (cmp.baseline_attacks.n, ==, 8);
  g_assert_cmpfloat_with_epsilon (cmp.baseline_attacks.mean_pain, 2.5, 1e-9);
  g_assert_cmpint (cmp.baseline_attacks.n_nrs, ==, 4);
  g_assert_cmpfloat_with_epsilon (cmp.baseline_attacks.mean_nrs, 7.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (cmp.baseline_attacks.median_hours, 8.0, 1e-9);
  g_assert_cmpint (cmp.evaluation_attacks.n, ==, 3);
  g_assert_cmpfloat_with_epsilon (cmp.evaluation_attacks.mean_pain, 1.0, 1e-9);
  g_assert_cmpint (cmp.evaluation_attacks.n_nrs, ==, 0);
  g_assert_true (isnan (cmp.evaluation_attacks.mean_nrs));
  g_assert_cmpfloat_with_epsilon (cmp.evaluation_attacks.median_hours, 4.0, 1e-9);

  text = BEFORE_AFTER->describe (&model);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (strstr (text, expected[i]) == NULL)
      g_error ("“%s” not in “%s”", expected[i], text);
}

/* By pixels: the evaluation bars are solid, as long as their values on
 * their row's scale (28 days, IHS 3, the longer median × 1.1); a row
 * without a value has no bar; right to left mirrors the bars. */
static void
test_before_after_pixels (void)
{
  g_autoptr(MdStatsData) data = make_before_after_data (at ("2026-07-01", 12));
  g_autoptr(MdStats) stats = NULL;
  g_autoptr(GArray) lengths = g_array_new (FALSE, FALSE, sizeof (int));
  MdStatsComparison cmp;
  MdChartModel model = { .comparison = &cmp, .treatment_name = "Magnesium 400 mg" };
  MdChartStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;
  int previous = -1, first_x = W;

  stats = compute_stats (data, day ("2026-02-02"), day ("2026-05-24"));
  model.stats = stats;
  md_stats_compare (stats, &g_array_index (stats->treatments, MdStatsTreatment, 0), &cmp);
  md_chart_style_init_print (&style);

  for (int rtl = 0; rtl <= 1; rtl++)
    {
      style.rtl = rtl;
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
      cr = cairo_create (surface);
      BEFORE_AFTER->render (&model, &style, cr, W, H);
      cairo_destroy (cr);
      cairo_surface_flush (surface);

      /* each bar is a run of rows with the same count of its colour */
      g_array_set_size (lengths, 0);
      previous = -1;
      for (int y = 0; y < H; y++)
        {
          int count = 0;

          for (int x = 0; x < W; x++)
            if (same_color (pixel_at (surface, x, y), &style.migraine))
              {
                count++;
                if (rtl == 0 && y > H / 10)
                  first_x = MIN (first_x, x);
              }
          if (count > 20 && count != previous)
            g_array_append_val (lengths, count);
          if (rtl && count > 20)
            for (int x = 0; x < W / 2; x++)
              g_assert_false (same_color (pixel_at (surface, x, y), &style.migraine));
          previous = count;
        }
      cairo_surface_destroy (surface);

      /* migraine 4.0, headache 4.0 (of 28); pain 1.0 (of 3); duration 4.0 (of 8.8) */
      g_assert_cmpuint (lengths->len, ==, 4);
      g_assert_cmpint (ABS (g_array_index (lengths, int, 0) - g_array_index (lengths, int, 1)), <=, 1);
      g_assert_cmpfloat_with_epsilon (g_array_index (lengths, int, 2) / (double) g_array_index (lengths, int, 0),
                                      (1.0 / 3) / (4.0 / 28), 0.05);
      g_assert_cmpfloat_with_epsilon (g_array_index (lengths, int, 3) / (double) g_array_index (lengths, int, 0),
                                      (4.0 / 8.8) / (4.0 / 28), 0.05);
    }
  /* left to right: the bars start after the labels, on the left half */
  g_assert_cmpint (first_x, <, W / 2);
}

/* Before the evaluation window is over, the panel says when it ends;
 * PDF output keeps the panel's text. */
static void
test_before_after_empty_and_pdf (void)
{
  g_autoptr(MdStatsData) early = make_before_after_data (at ("2026-05-10", 12));
  g_autoptr(MdStatsData) data = make_before_after_data (at ("2026-07-01", 12));
  g_autoptr(MdStats) early_stats = NULL;
  g_autoptr(MdStats) stats = NULL;
  g_autofree char *dir = md_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "panel.pdf", NULL);
  g_autofree char *description = NULL;
  MdStatsComparison cmp;
  MdChartModel model = { .comparison = &cmp, .treatment_name = "Magnesium 400 mg" };
  MdChartStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;

  md_chart_style_init_print (&style);
  early_stats = compute_stats (early, day ("2026-02-02"), day ("2026-05-10"));
  model.stats = early_stats;
  g_assert_false (md_stats_compare (early_stats, &g_array_index (early_stats->treatments, MdStatsTreatment, 0), &cmp));
  description = BEFORE_AFTER->describe (&model);
  g_assert_nonnull (strstr (description, "Not yet evaluable: the evaluation window ends on 24 May 2026."));
  /* Every number is on the panel: nothing more under the pointer. */
  g_assert_null (md_chart_describe_at (BEFORE_AFTER, &model, &style, 842, 400, 421, 200));

  surface = cairo_pdf_surface_create (path, 842, 400);
  cr = cairo_create (surface);
  BEFORE_AFTER->render (&model, &style, cr, 842, 400);
  cairo_show_page (cr);
  stats = compute_stats (data, day ("2026-02-02"), day ("2026-05-24"));
  model.stats = stats;
  md_stats_compare (stats, &g_array_index (stats->treatments, MdStatsTreatment, 0), &cmp);
  BEFORE_AFTER->render (&model, &style, cr, 842, 400);
  finish_pdf (cr);

  assert_pdf_says (path, (const char * const[]) {
    "the evaluation window ends on 24 May 2026", "28 days before", "Weeks 9–12 after",
    "Mean peak pain (0–3)", "−1.5 (−60%)", "−8.0 (−100%)", "n = 8 → 3 attacks", NULL });
}

int
main (int   argc,
      char *argv[])
{
  md_test_init (&argc, &argv);

  add_sample_test ("/md/charts/frequency-bars", test_frequency_bars);
  g_test_add_func ("/md/charts/incomplete-and-unrecorded", test_incomplete_and_unrecorded_windows);
  g_test_add_func ("/md/charts/before-after-figures", test_before_after_figures);
  g_test_add_func ("/md/charts/before-after-pixels", test_before_after_pixels);
  g_test_add_func ("/md/charts/before-after-empty-and-pdf", test_before_after_empty_and_pdf);
  g_test_add_func ("/md/charts/infusion-marks-on-top", test_infusion_marks_on_top);
  add_sample_test ("/md/charts/within-bounds", test_within_bounds);
  add_sample_test ("/md/charts/dark-differs", test_dark_differs);
  g_test_add_func ("/md/charts/empty-state", test_empty_state);
  add_sample_test ("/md/charts/right-to-left", test_right_to_left);
  add_sample_test ("/md/charts/descriptions", test_descriptions);
  add_sample_test ("/md/charts/pdf-text", test_pdf_text);
  g_test_add_func ("/md/charts/narrow-captions", test_narrow_captions);
  g_test_add_func ("/md/charts/pain-stacks-when-narrow", test_pain_stacks_when_narrow);
  add_sample_test ("/md/charts/calendar-hit-test", test_calendar_hit_test);
  g_test_add_func ("/md/charts/first-weekday", test_first_weekday);

  return g_test_run ();
}
