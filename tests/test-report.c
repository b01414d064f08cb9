/* test-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The clinical report read back with poppler: a small diary whose
 * statistics were computed by hand, the 10-year generated diary for page
 * breaks and overflow, and the pages rendered to PNG to see that charts
 * are drawn.
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>

#include "md-catalogue.h"
#include "md-chart.h"
#include "md-diary.h"
#include "md-diary-csv.h"
#include "md-report.h"
#include "md-test-utils.h"

static int
day (const char *iso)
{
  return md_stats_day_from_iso (iso);
}

static gint64
at (int d,
    int hour)
{
  /* UTC+1 all winter: local hour → unix time */
  return (gint64) d * 86400 + (hour - 1) * 3600;
}

#define MIGRAINE_FEATURES (MD_STATS_ATTACK_UNILATERAL | MD_STATS_ATTACK_PULSATING | MD_STATS_ATTACK_NAUSEA)

/* An attack on day @d from 8:00 to @end_hour (UTC+1), without aura */
static void
add_attack (MdStatsData *data,
            int          d,
            int          end_hour,
            int          peak,
            guint        features)
{
  MdStatsAttack a = { 0 };

  a.start = at (d, 8);
  a.end = at (d, end_hour);
  a.start_offset = a.end_offset = 3600;
  a.peak_pain = peak;
  a.aura_minutes = -1;
  a.features = features;
  md_stats_data_add_attack (data, &a);
}

/* Hand-computed fixture, 5 Jan – 1 Mar 2026 (56 days, all recorded):
 * - window 1 (5 Jan – 1 Feb): 10 attack days, the first 4 migraine
 *   (one-sided, pulsating, nausea), peaks alternating moderate/severe;
 *   18 headache-free days; sumatriptan on days 1–3 (pain 2 → 1, 0, 0).
 * - window 2 (2 Feb – 1 Mar): 5 mild migraine days, 23 headache-free.
 * - one scheduled IV magnesium infusion as prevention on 10 Feb, a day
 *   recorded headache-free, 20 minutes, with metoclopramide.
 * - oral magnesium from 2 Feb.
 * Expected: headache days 10 and 5 (the infusion was prevention: its day
 * stays headache-free); migraine days 4 and 5; moderate or severe 10 and
 * 0; acute days 3 and 0;
 * per 28 days over the whole period: 15 × 28 / 56 = 7.5 headache days,
 * 9 × 28 / 56 = 4.5 migraine days, 3 × 28 / 56 = 1.5 acute-medication
 * days; sumatriptan pain-free at 2 h 2 of 3 = 67% (21%–94%), relief at
 * 2 h 3 of 3 = 100% (44%–100%). */
static MdStatsData *
make_data (void)
{
  MdStatsData *data = md_stats_data_new (at (day ("2026-06-01"), 12));
  int first = day ("2026-01-05");
  int triptan = md_stats_data_add_medication (data, "Sumatriptan 50 mg", MD_STATS_CLASS_TRIPTAN, TRUE);
  int mg_iv = md_stats_data_add_medication (data, "Magnesium sulfate IV", MD_STATS_CLASS_MAGNESIUM_IV, TRUE);
  int mg = md_stats_data_add_medication (data, "Magnesium 400 mg", MD_STATS_CLASS_MAGNESIUM_ORAL, FALSE);
  MdStatsDose infusion = { 0 };
  char *effects[] = { (char *) "flushing", NULL };

  for (int d = first; d < first + 56; d++)
    {
      int offset = d - first;

      if (offset < 10)
        add_attack (data, d, 16, offset % 2 ? 3 : 2, offset < 4 ? MIGRAINE_FEATURES : 0);
      else if (offset >= 28 && offset < 33)
        add_attack (data, d, 16, 1, MIGRAINE_FEATURES);
      else
        md_stats_data_add_day (data, d, MD_STATS_DAY_HEADACHE_FREE, FALSE);
    }
  for (int i = 0; i < 3; i++)
    {
      MdStatsDose dose = { 0 };

      dose.medication = triptan;
      dose.attack = i;
      dose.taken = at (first + i, 9);
      dose.taken_offset = 3600;
      dose.amount = 50;
      md_stats_data_add_dose (data, &dose);
      md_stats_data_add_reading (data, i, at (first + i, 9), 2, -1);
      md_stats_data_add_reading (data, i, at (first + i, 11), i == 0 ? 1 : 0, -1);
    }
  infusion.medication = mg_iv;
  infusion.attack = -1;
  infusion.taken = at (day ("2026-02-10"), 10);
  infusion.taken_offset = 3600;
  infusion.amount = 2;
  infusion.unit = (char *) "g";
  infusion.infusion = TRUE;
  infusion.purpose = MD_STATS_PURPOSE_PREVENTION;
  infusion.infusion_end = infusion.taken + 20 * 60;
  infusion.co_administered = (char *) "Metoclopramide 10 mg";
  infusion.side_effects = effects;
  md_stats_data_add_dose (data, &infusion);
  md_stats_data_add_course (data, mg, day ("2026-02-02"), G_MAXINT);
  md_stats_data_finish (data);

  return data;
}

static char *
pdf_to_text (GBytes *pdf,
             int     first_page,
             int     last_page)
{
  g_autofree char *path = md_test_temp_path ("report.pdf");
  g_autoptr(GError) error = NULL;
  char *text;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error));
  text = md_test_pdf_text (path, first_page, last_page);
  g_unlink (path);

  return text;
}

/* The whole report on A4, as pdftotext reads it. */
static char *
report_text (MdReport *report,
             int      *out_pages)
{
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  int pages = md_report_paginate (report, 595.276, 841.89, 42);

  pdf = md_report_to_pdf (report, &error);
  g_assert_no_error (error);
  if (out_pages != NULL)
    *out_pages = pages;

  return pdf_to_text (pdf, 1, pages);
}

/* The report of make_data() over its eight weeks, as text. */
static char *
sample_report_text (void)
{
  g_autoptr(MdStatsData) data = make_data ();
  g_autoptr(MdReport) report = NULL;
  MdStatsSettings settings;

  md_stats_settings_init_default (&settings);
  report = md_report_new (data, &settings, day ("2026-01-05"), day ("2026-03-01"));

  return report_text (report, NULL);
}

/* The text with every run of white space as one space: table cells wrap. */
static char *
flatten (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

#define assert_has(text, needle) \
  G_STMT_START { if (strstr ((text), (needle)) == NULL) g_error ("“%s” not in the report:\n%s", (needle), (text)); } G_STMT_END

static void
test_fixture_numbers (void)
{
  g_autoptr(MdStatsData) data = make_data ();
  g_autoptr(MdReport) report = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *last_page = NULL;
  g_autofree char *flat = NULL;
  MdStatsSettings settings;
  int pages;

  md_stats_settings_init_default (&settings);
  report = md_report_new (data, &settings, day ("2026-01-05"), day ("2026-03-01"));
  md_report_set_patient_name (report, "Erika Mustermann");
  md_report_set_generated (report, at (day ("2026-03-02"), 12));
  md_report_set_rtl (report, FALSE);
  pages = md_report_paginate (report, 595.276, 841.89, 42);
  g_assert_cmpint (pages, >=, 3);
  pdf = md_report_to_pdf (report, &error);
  g_assert_no_error (error);

  text = pdf_to_text (pdf, 1, pages);
  assert_has (text, "Migraine Diary report");
  assert_has (text, "Patient: Erika Mustermann");
  assert_has (text, "Period: 5 Jan 2026 – 1 Mar 2026");
  assert_has (text, "Generated: 2 Mar 2026");
  assert_has (text, "Days recorded: 56 of 56 days (100% complete)");
  /* Definitions used */
  assert_has (text, "Migraine day (definition A)");
  assert_has (text, "Headache day: any headache, or any day with acute medication.");
  assert_has (text, "Baseline: 28 days before a treatment; evaluation: weeks 9–12 after it.");
  /* Whole-period rates over 56 recorded days: 15 headache days (the
   * preventive infusion's day stays headache-free), 9 migraine days,
   * 10 moderate/severe, 3 acute-medication days */
  assert_has (text, "7.5 headache days, 4.5 migraine days, 5.0 moderate or severe days, 1.5 acute");
  /* Windows: recorded, headache, migraine, moderate/severe, acute */
  flat = flatten (text);
  assert_has (flat, "28 / 28 recorded");
  assert_has (flat, "Triptan 3.0");
  g_assert_null (strstr (text, "Intravenous magnesium"));
  /* Acute response: sumatriptan 2 of 3 pain-free, relief 3 of 3 */
  assert_has (text, "Sumatriptan 50 mg");
  assert_has (text, "67%");
  assert_has (text, "(21%–94%)");
  assert_has (text, "(44%–100%)");
  /* Infusion log */
  assert_has (text, "Infusion log");
  assert_has (text, "10 Feb 2026");
  assert_has (text, "Magnesium sulfate IV, 2 g");
  assert_has (text, "20 min");
  assert_has (text, "Metoclopramide 10 mg");
  assert_has (text, "Flushing");
  /* Courses and attacks */
  assert_has (text, "Magnesium 400 mg");
  assert_has (text, "ongoing");
  assert_has (text, "5 Jan 2026 08:00");
  assert_has (text, "8 h 00 min");
  /* Threshold flags */
  assert_has (text, "Medication-overuse pattern (ICHD-3 8.2 thresholds): not met in any 28-day window.");
  /* Footnote and page numbers on every page */
  for (int p = 1; p <= pages; p++)
    {
      g_autofree char *page = pdf_to_text (pdf, p, p);
      g_autofree char *number = g_strdup_printf ("Page %d of %d", p, pages);

      assert_has (page, "Descriptive statistics from a patient diary; not a diagnosis.");
      assert_has (page, number);
    }
}

/* Three 28-day windows from 5 Jan 2026, counted by hand:
 * 1: 28 recorded, 7 moderate headache days, 2 with ibuprofen → 7.0, 2.0
 * 2: 20 recorded (4 headache days, 16 headache-free), 2 with ibuprofen →
 *    4 × 28 / 20 = 5.6 and 2 × 28 / 20 = 2.8, "20 / 28 recorded",
 *    incomplete
 * 3: nothing recorded: no rate ("–"), "no day recorded". */
static void
test_incomplete_windows (void)
{
  g_autoptr(MdStatsData) data = md_stats_data_new (at (day ("2026-06-01"), 12));
  g_autoptr(MdReport) report = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  int first = day ("2026-01-05");
  int nsaid = md_stats_data_add_medication (data, "Ibuprofen 400 mg", MD_STATS_CLASS_NON_OPIOID, TRUE);
  int n_attacks = 0;
  MdStatsSettings settings;

  for (int w = 0; w < 2; w++)
    for (int k = 0; k < (w == 0 ? 28 : 20); k++)
      {
        int d = first + 28 * w + k;

        if (k < (w == 0 ? 7 : 4))
          {
            add_attack (data, d, 12, 2, 0);
            if (k < 2)
              {
                MdStatsDose dose = { 0 };

                dose.medication = nsaid;
                dose.attack = n_attacks;
                dose.taken = at (d, 9);
                dose.taken_offset = 3600;
                dose.amount = 400;
                md_stats_data_add_dose (data, &dose);
              }
            n_attacks++;
          }
        else
          md_stats_data_add_day (data, d, MD_STATS_DAY_HEADACHE_FREE, FALSE);
      }
  md_stats_data_finish (data);

  md_stats_settings_init_default (&settings);
  report = md_report_new (data, &settings, first, first + 83);
  md_report_set_generated (report, at (day ("2026-04-01"), 12));
  md_report_set_rtl (report, FALSE);
  text = report_text (report, NULL);
  flat = flatten (text);

  assert_has (flat, "Each window as days per 28 recorded days.");
  assert_has (flat, "28 / 28 recorded");
  assert_has (flat, "7.0");
  assert_has (flat, "20 / 28 recorded");
  assert_has (flat, "5.6");
  assert_has (flat, "2.8");
  assert_has (flat, "Non-opioid analgesic 2.8");
  assert_has (flat, "incomplete");
  assert_has (flat, "0 / 28 recorded");
  assert_has (flat, "no day recorded");
  /* the raw count of the incomplete window is not shown as its value */
  g_assert_null (strstr (flat, "Non-opioid analgesic 2 "));
}

/* The primary outcome, by hand: a course of IV magnesium 1 g from 2 Mar
 * 2026 with three preventive infusions (2, 16 and 30 Mar) — one
 * treatment, one row. Baseline (2 Feb – 1 Mar): 8 migraine days, 20
 * headache-free: 8.0 per 28 days. Weeks 9–12 (27 Apr – 24 May): 3
 * migraine days and 18 headache-free days, 7 untracked: 3 × 28 / 21 =
 * 4.0. Change −4.0 days, −50%: a ≥50% responder, not ≥75%, not 100%. */
static void
test_primary_outcome (void)
{
  g_autoptr(MdStatsData) data = md_stats_data_new (at (day ("2026-07-01"), 12));
  g_autoptr(MdReport) report = NULL;
  g_autoptr(MdStats) stats = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  int start = day ("2026-03-02");
  int mg = md_stats_data_add_medication (data, "Magnesium sulfate IV 1 g", MD_STATS_CLASS_MAGNESIUM_IV, TRUE);
  int topiramate = md_stats_data_add_medication (data, "Topiramate", MD_STATS_CLASS_OTHER, FALSE);
  char *flushing[] = { (char *) "flushing", NULL };
  MdStatsCourse *course;
  MdStatsSettings settings;
  const char *row;
  const char *history;

  for (int d = start - 28; d < start + 84; d++)
    {
      int k = d - start;
      gboolean migraine = (k < 0 && (k + 28) % 3 == 0 && k + 28 < 24) || (k >= 56 && k < 59);

      if (migraine)
        add_attack (data, d, 16, 2, MIGRAINE_FEATURES);
      else if (k < 0 || (k >= 59 && k < 77))
        md_stats_data_add_day (data, d, MD_STATS_DAY_HEADACHE_FREE, FALSE);
    }
  for (int i = 0; i < 3; i++)
    {
      MdStatsDose infusion = { 0 };

      infusion.medication = mg;
      infusion.attack = -1;
      infusion.taken = at (start + 14 * i, 10);
      infusion.taken_offset = 3600;
      infusion.amount = 1;
      infusion.unit = (char *) "g";
      infusion.infusion = TRUE;
      infusion.purpose = MD_STATS_PURPOSE_PREVENTION;
      infusion.side_effects = i != 1 ? flushing : NULL;
      infusion.cost = 40;
      md_stats_data_add_dose (data, &infusion);
    }
  md_stats_data_add_course (data, mg, start, G_MAXINT);
  /* an earlier course, stopped for its side effects */
  md_stats_data_add_course (data, topiramate, start - 200, start - 120);
  course = &g_array_index (data->courses, MdStatsCourse, 1);
  course->amount = 50;
  course->unit = g_strdup ("mg");
  course->end_reason = g_strdup ("side-effects");
  course->end_reason_notes = g_strdup ("tingling");
  md_stats_data_finish (data);

  md_stats_settings_init_default (&settings);
  stats = md_stats_compute (data, &settings, start - 28, start + 83);
  g_assert_cmpuint (stats->treatments->len, ==, 2);
  report = md_report_new (data, &settings, start - 28, start + 83);
  md_report_set_comparison (report, &g_array_index (stats->treatments, MdStatsTreatment, 1));
  md_report_set_generated (report, at (day ("2026-07-01"), 12));
  md_report_set_rtl (report, FALSE);
  text = report_text (report, NULL);
  flat = flatten (text);

  /* the before/after table: one row for the course and its infusions */
  row = strstr (strstr (flat, "Before and after treatments"), "Magnesium sulfate IV 1 g (3 infusions)");
  g_assert_nonnull (row);
  /* once in the table, then only in the panel's heading after the chart */
  g_assert_true (strstr (row + 1, "Magnesium sulfate IV 1 g (3 infusions)") >
                 strstr (flat, "Attack frequency"));
  g_assert_null (strstr (flat, "(infusions)"));
  assert_has (row, "2 Mar 2026");
  assert_has (row, "8.0 → 4.0, −4.0 days, −50%");
  assert_has (row, "28 / 28 → 21 / 28");
  assert_has (row, "≥50%: yes; ≥75%: no; 100%: no");
  /* every preventive tried, first after the summary: topiramate 14 Aug –
   * 2 Nov 2025 (81 days: 12 weeks), stopped for tingling; magnesium from
   * 2 Mar to 1 Jul (122 days: 17 weeks) and 3 infusions, flushing at 2,
   * 3 × 40 paid */
  history = strstr (flat, "Preventive treatments tried");
  g_assert_nonnull (history);
  g_assert_true (history < strstr (flat, "Per 28-day window"));
  g_assert_true (strstr (flat, "Summary per 28 days") < history);
  assert_has (history, "Topiramate, 50 mg 14 Aug 2025 – 2 Nov 2025 12 weeks");
  assert_has (history, "Side effects: tingling");
  /* the magnesium row; its cells wrap within their columns, so they are
   * read one by one, in the row's order */
  {
    const char *cells[] = { "2 Mar 2026 – ongoing", "17 weeks, 3 infusions", "8.0 → 4.0, −4.0 days,",
                            "≥50%: yes; ≥75%: no;", "−50%", "100%: no", "Flushing 2 of 3 infusions",
                            "120.00", "Still taking" };
    const char *at = strstr (history, "Magnesium sulfate IV 1 g 2 Mar 2026");

    g_assert_nonnull (at);
    for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
      {
        at = strstr (at, cells[i]);
        g_assert_nonnull (at);
      }
    g_assert_true (at < strstr (history, "Per 28-day window"));
  }
  /* the header says which treatment the frequency chart compares */
  assert_has (flat, "Treatment compared: Magnesium sulfate IV 1 g (3 infusions), from 2 Mar 2026");
  /* the before/after panel of the treatment, whose weeks 9–12 are in the
   * period: moderate peaks (2.0 → 2.0) of 8 hours, n = 8 → 3 attacks */
  assert_has (flat, "Before and after: Magnesium sulfate IV 1 g (3 infusions)");
  assert_has (flat, "Mean peak pain (0–3)");
  assert_has (flat, "Median attack duration (hours)");
  assert_has (flat, "n = 8 → 3 attacks");
  assert_has (flat, "28 / 28 → 21 / 28 days recorded");
  /* the chart's annotation */
  assert_has (flat, "Migraine days per 28 days, before → weeks 9–12: 8.0 → 4.0, −4.0 days, −50%; responder ≥50%: yes; ≥75%: no; 100%: no");

  /* Exported headless, with no treatment chosen: the frequency chart
   * compares the treatment whose evaluation window is in the period all
   * the same, as its before/after panel does */
  {
    g_autoptr(MdReport) headless = md_report_new (data, &settings, start - 28, start + 83);
    g_autofree char *headless_text = NULL;
    g_autofree char *headless_flat = NULL;

    md_report_set_rtl (headless, FALSE);
    headless_text = report_text (headless, NULL);
    headless_flat = flatten (headless_text);
    assert_has (headless_flat, "Migraine days per 28 days, before → weeks 9–12: 8.0 → 4.0, −4.0 days, −50%");
    assert_has (headless_flat, "Treatment compared: Magnesium sulfate IV 1 g (3 infusions), from 2 Mar 2026");
  }
}

static void
test_letter_paper (void)
{
  g_autoptr(MdStatsData) data = make_data ();
  g_autoptr(MdReport) report = NULL;
  MdStatsSettings settings;
  double w = 0, h = 0;

  md_report_locale_paper (&w, &h);
  /* C.UTF-8 uses A4 in glibc */
  g_assert_cmpfloat_with_epsilon (w, 595.276, 0.01);
  g_assert_cmpfloat_with_epsilon (h, 841.89, 0.01);

  md_stats_settings_init_default (&settings);
  report = md_report_new (data, &settings, day ("2026-01-05"), day ("2026-03-01"));
  g_assert_cmpint (md_report_paginate (report, 612, 792, 36), >=, 3);
}

/* The 10-year generated diary: pages break cleanly, nothing drawn in
 * the margins, and chart pages are not blank. */
static void
test_ten_years (void)
{
  const char *options[] = { "--years", "10", "--seed", "3", NULL };
  g_autofree char *db = md_test_generate_diary (options);
  g_autofree char *dir = md_test_make_temp_dir ();
  g_autofree char *pdf_path = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *png_prefix = g_build_filename (dir, "page", NULL);
  g_autoptr(MdStatsData) data = NULL;
  g_autoptr(MdReport) report = NULL;
  g_autoptr(GError) error = NULL;
  MdStatsSettings settings;
  int status, pages;

  data = md_stats_data_load (db, g_get_real_time () / G_USEC_PER_SEC, &error);
  g_assert_no_error (error);
  md_stats_settings_init_default (&settings);
  report = md_report_new (data, &settings, data->first_day, data->last_day);
  pages = md_report_paginate (report, 595.276, 841.89, 42);
  g_assert_cmpint (pages, >, 10);
  g_assert_cmpint (pages, <, 120);
  g_assert_true (md_report_write_pdf (report, pdf_path, &error));
  g_assert_no_error (error);

  /* Render every page at 20 dpi: margins must stay white */
  {
    const char *argv[] = { "pdftoppm", "-r", "20", "-gray", "-png", pdf_path, png_prefix, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 NULL, NULL, &status, &error));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  for (int p = 1; p <= pages; p++)
    {
      g_autofree char *name = NULL;
      cairo_surface_t *png = NULL;
      int w, h, stride, ink = 0;
      unsigned char *pixels;
      /* 42 pt margin at 20 dpi ≈ 11.7 px: the outer 9 px must be empty */
      const int edge = 9;

      for (int digits = 1; digits <= 3 && png == NULL; digits++)
        {
          g_free (name);
          name = g_strdup_printf ("%s-%0*d.png", png_prefix, digits, p);
          if (g_file_test (name, G_FILE_TEST_EXISTS))
            png = cairo_image_surface_create_from_png (name);
        }
      g_assert_nonnull (png);
      g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
      w = cairo_image_surface_get_width (png);
      h = cairo_image_surface_get_height (png);
      stride = cairo_image_surface_get_stride (png);
      pixels = cairo_image_surface_get_data (png);
      for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
          {
            guint32 px = *(guint32 *) (void *) (pixels + y * stride + x * 4);
            gboolean white = (px & 0xff) > 0xf0;

            if (!white && (x < edge || x >= w - edge || y < edge || y >= h - edge))
              g_error ("page %d: ink in the margin at (%d, %d)", p, x, y);
            ink += !white;
          }
      g_assert_cmpint (ink, >, 100);
      cairo_surface_destroy (png);
      g_unlink (name);
    }
  g_unlink (pdf_path);
}

/* The chart pages carry charts, not just their headings. */
static void
test_chart_pages_not_blank (void)
{
  g_autoptr(MdStatsData) data = make_data ();
  g_autoptr(MdReport) report = NULL;
  MdStatsSettings settings;
  cairo_surface_t *surface;
  cairo_t *cr;
  int coloured = 0;

  md_stats_settings_init_default (&settings);
  report = md_report_new (data, &settings, day ("2026-01-05"), day ("2026-03-01"));
  md_report_paginate (report, 595, 842, 42);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 595, 842);
  for (int p = 0; p < md_report_get_n_pages (report); p++)
    {
      unsigned char *pixels;
      int stride;

      cr = cairo_create (surface);
      md_report_draw_page (report, cr, p);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      pixels = cairo_image_surface_get_data (surface);
      stride = cairo_image_surface_get_stride (surface);
      for (int y = 0; y < 842; y += 2)
        for (int x = 0; x < 595; x += 2)
          {
            guint32 px = *(guint32 *) (void *) (pixels + y * stride + x * 4);
            int r = (px >> 16) & 0xff, g = (px >> 8) & 0xff, b = px & 0xff;

            /* coloured, not grey: bars, lines, calendar cells */
            coloured += ABS (r - g) > 40 || ABS (g - b) > 40;
          }
    }
  cairo_surface_destroy (surface);
  g_assert_cmpint (coloured, >, 5000);
}

/* Lists are joined with the language's separator */
static void
test_list_separator (void)
{
  char *catalogue = md_test_use_catalogue ("msgctxt \"list separator\"\nmsgid \", \"\nmsgstr \"、\"\n");
  g_autofree char *text = sample_report_text ();

  md_test_drop_catalogue (catalogue);

  /* The attack list's features */
  assert_has (text, "one-sided、pulsating、nausea or vomiting");
  g_assert_null (strstr (text, "one-sided, pulsating"));
}

/* A language that writes "50 %" gets "50", a no-break space and "%":
 * never a line break between them, whatever space the translator typed. */
static void
test_percent_no_break (void)
{
  char *catalogue = md_test_use_catalogue ("msgctxt \"percent\"\nmsgid \"%.0f%%\"\nmsgstr \"%.0f %%\"\n\n"
                                   "msgctxt \"percent change\"\nmsgid \"%+.0f%%\"\nmsgstr \"%+.0f %%\"\n");
  g_autofree char *half = md_chart_format_percent (0.5);
  g_autofree char *change = md_chart_format_percent_change (-50);
  g_autofree char *text = sample_report_text ();

  md_test_drop_catalogue (catalogue);

  g_assert_cmpstr (half, ==, "50\u00a0%");
  g_assert_cmpstr (change, ==, "-50\u00a0%");
  /* pdftotext gives the no-break space back as a space; the sumatriptan
   * cell: 2 of 3 pain-free, its interval on one line */
  assert_has (text, "67 %\n(21 %–94 %)\n");
  assert_has (text, "Pain-free at 2 h: 67 % (21 %–94 %), n = 3");
}

/* A word shared by two uses in English has a context for each: the
 * report's "ongoing" course, and the catalogues' "Other". */
static void
test_contexts (void)
{
  char *catalogue = md_test_use_catalogue ("msgctxt \"preventive course\"\nmsgid \"ongoing\"\nmsgstr \"en cours (traitement)\"\n\n"
                                           "msgctxt \"attack\"\nmsgid \"ongoing\"\nmsgstr \"en cours (crise)\"\n\n"
                                           "msgctxt \"medication class\"\nmsgid \"Other\"\nmsgstr \"Autre classe\"\n\n"
                                           "msgctxt \"route\"\nmsgid \"Other\"\nmsgstr \"Autre voie\"\n\n"
                                           "msgctxt \"side effect\"\nmsgid \"Other\"\nmsgstr \"Autre effet\"\n\n"
                                           "msgctxt \"pain quality\"\nmsgid \"Other\"\nmsgstr \"Autre caractère\"\n");
  g_autofree char *text = NULL;

  g_assert_cmpstr (md_catalogue_get_label (MD_CATALOGUE_MEDICATION_CLASS, "other"), ==, "Autre classe");
  g_assert_cmpstr (md_catalogue_get_label (MD_CATALOGUE_ROUTE, "other"), ==, "Autre voie");
  g_assert_cmpstr (md_catalogue_get_label (MD_CATALOGUE_SIDE_EFFECT, "other"), ==, "Autre effet");
  g_assert_cmpstr (md_catalogue_get_label (MD_CATALOGUE_QUALITY, "other"), ==, "Autre caractère");
  /* No class name has a comma: they are listed with commas */
  for (guint i = 0; md_catalogue_get_key_at (MD_CATALOGUE_MEDICATION_CLASS, i) != NULL; i++)
    g_assert_null (strchr (md_catalogue_get_label (MD_CATALOGUE_MEDICATION_CLASS,
                                                   md_catalogue_get_key_at (MD_CATALOGUE_MEDICATION_CLASS, i)), ','));

  text = sample_report_text ();
  md_test_drop_catalogue (catalogue);

  /* The magnesium course has not ended (the words may wrap in their cell) */
  {
    g_autofree char *flat = flatten (text);

    assert_has (flat, "en cours (traitement)");
  }
}

/* Presets are stored in English and shown in the patient's language in
 * the charts and the report until renamed; the CSV keeps the English. */
static void
test_preset_names (void)
{
  const char *options[] = { "--years", "1", "--seed", "9", NULL };
  g_autofree char *db = md_test_generate_diary (options);
  g_autoptr(MdDiary) diary = NULL;
  g_autoptr(MdMedication) sumatriptan = NULL;
  g_autoptr(MdStatsData) data = NULL;
  g_autoptr(MdReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) csv = NULL;
  g_autofree char *text = NULL;
  g_autofree char *described = NULL;
  GListModel *medications;
  MdStatsSettings settings;
  char *catalogue;
  int pages;

  diary = md_diary_open (db, &error);
  g_assert_no_error (error);

  /* Every preset is seeded with the name the catalogue knows it by */
  medications = md_diary_get_medications (diary);
  for (guint i = 0; i < g_list_model_get_n_items (medications); i++)
    {
      g_autoptr(MdMedication) m = g_list_model_get_item (medications, i);

      if (m->builtin_key != NULL)
        g_assert_cmpstr (md_catalogue_get_preset_name (m->builtin_key), ==, m->name);
    }

  /* The patient renames one */
  sumatriptan = md_diary_get_medication (diary, "preset-sumatriptan-50mg");
  g_free (sumatriptan->name);
  sumatriptan->name = g_strdup ("Imigran 50");
  g_assert_true (md_diary_save_medication (diary, sumatriptan, &error));
  g_assert_no_error (error);

  catalogue = md_test_use_catalogue ("msgid \"Ibuprofen 400 mg\"\nmsgstr \"Ibuprofeno 400 mg\"\n\n"
                                     "msgid \"Sumatriptan 50 mg\"\nmsgstr \"Sumatriptán 50 mg\"\n\n"
                                     "msgid \"Aspirin + paracetamol + caffeine\"\nmsgstr \"AAS + paracetamol + cafeína\"\n");
  data = md_stats_data_load (db, g_get_real_time () / G_USEC_PER_SEC, &error);
  g_assert_no_error (error);
  md_stats_settings_init_default (&settings);
  report = md_report_new (data, &settings, data->first_day, data->last_day);
  text = report_text (report, &pages);
  {
    MdStats *stats = md_stats_compute (data, &settings, data->first_day, data->last_day);
    MdChartModel model = { .stats = stats };

    described = md_chart_class_for (MD_CHART_KIND_PAIN)->describe (&model);
    md_stats_free (stats);
  }
  csv = md_diary_export_csv (diary, &error);
  g_assert_no_error (error);
  md_test_drop_catalogue (catalogue);

  assert_has (text, "Ibuprofeno 400 mg");
  assert_has (text, "AAS + paracetamol + cafeína");
  assert_has (text, "Imigran 50");
  g_assert_null (strstr (text, "Ibuprofen 400 mg"));
  g_assert_null (strstr (text, "Sumatriptán"));
  assert_has (described, "Ibuprofeno 400 mg, ");
  assert_has (described, "Imigran 50, ");
  assert_has (csv->str, ",Ibuprofen 400 mg,");
  assert_has (csv->str, ",Imigran 50,");
  g_assert_null (strstr (csv->str, "Ibuprofeno"));
}

/* @n words "<prefix>0001 <prefix>0002 …" */
static char *
numbered_words (const char *prefix,
                int         n)
{
  GString *text = g_string_new (NULL);

  for (int i = 1; i <= n; i++)
    g_string_append_printf (text, "%s%s%04d", i > 1 ? " " : "", prefix, i);

  return g_string_free (text, FALSE);
}

/* A medication name and a "given with" of 1,200 words each: taller than
 * a page, their rows are split between lines across pages. pdftotext
 * -bbox finds every word printed, none over the footer or past the
 * margins. */
static void
test_row_taller_than_a_page (void)
{
  g_autoptr(MdStatsData) data = md_stats_data_new (at (day ("2026-06-01"), 12));
  g_autofree char *name = numbered_words ("med", 1200);
  g_autofree char *given_with = numbered_words ("given", 1200);
  g_autofree char *dir = md_test_make_temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *html = NULL;
  g_autoptr(MdReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *argv[] = { "pdftotext", "-bbox", pdf, "-", NULL };
  const double width = 595.276, height = 841.89, margin = 42;
  /* The footer's rule: md-report-layout.c, height − margin − 2.6 × 9 + 4 */
  const double footer = height - margin - 9.0 * 2.6 + 4;
  const char *footer_words[] = { "Descriptive", "statistics", "from", "a", "patient", "diary;", "not",
                                 "diagnosis.", "Page", "of", NULL };
  MdStatsSettings settings;
  MdStatsDose dose = { 0 };
  MdStatsDose infusion = { 0 };
  MdStatsAttack attack = { 0 };
  int status, pages;
  int medication, magnesium;
  char *p;

  medication = md_stats_data_add_medication (data, name, MD_STATS_CLASS_TRIPTAN, TRUE);
  magnesium = md_stats_data_add_medication (data, "Magnesium sulfate IV", MD_STATS_CLASS_MAGNESIUM_IV, TRUE);
  attack.start = at (day ("2026-02-02"), 8);
  attack.end = at (day ("2026-02-02"), 16);
  attack.start_offset = attack.end_offset = 3600;
  attack.aura_minutes = -1;
  attack.peak_pain = 2;
  md_stats_data_add_attack (data, &attack);
  dose.medication = medication;
  dose.attack = 0;
  dose.taken = at (day ("2026-02-02"), 9);
  dose.taken_offset = 3600;
  dose.amount = 50;
  md_stats_data_add_dose (data, &dose);
  md_stats_data_add_reading (data, 0, dose.taken, 2, -1);
  md_stats_data_add_reading (data, 0, dose.taken + 7200, 0, -1);
  infusion.medication = magnesium;
  infusion.attack = 0;
  infusion.taken = at (day ("2026-02-02"), 10);
  infusion.taken_offset = 3600;
  infusion.amount = 1;
  infusion.unit = (char *) "g";
  infusion.infusion = TRUE;
  infusion.infusion_end = infusion.taken + 20 * 60;
  infusion.co_administered = given_with;
  md_stats_data_add_dose (data, &infusion);
  md_stats_data_finish (data);

  md_stats_settings_init_default (&settings);
  report = md_report_new (data, &settings, day ("2026-02-01"), day ("2026-02-28"));
  pages = md_report_paginate (report, width, height, margin);
  g_assert_true (md_report_write_pdf (report, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &html, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  /* <word xMin="…" yMin="…" xMax="…" yMax="…">text</word> */
  for (p = strstr (html, "<word "); p != NULL; p = strstr (p + 1, "<word "))
    {
      double x_min, y_min, x_max, y_max;
      char text[64] = { 0 };
      const char *start;
      const char *end;

      g_assert_cmpint (sscanf (p, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\"",
                               &x_min, &y_min, &x_max, &y_max), ==, 4);
      start = strchr (p, '>') + 1;
      end = strstr (start, "</word>");
      memcpy (text, start, MIN ((gsize) (end - start), sizeof text - 1));

      if (x_min < margin - 1 || x_max > width - margin + 1 || y_min < margin - 1)
        g_error ("“%s” lies in the margin (%.1f, %.1f – %.1f, %.1f)", text, x_min, y_min, x_max, y_max);
      if (y_max > footer)
        {
          gboolean in_footer = g_ascii_isdigit (text[0]);

          for (guint i = 0; footer_words[i] != NULL; i++)
            in_footer |= g_str_equal (text, footer_words[i]);
          if (!in_footer)
            g_error ("“%s” runs over the footer (y %.1f – %.1f, footer at %.1f)", text, y_min, y_max, footer);
        }
      g_hash_table_add (seen, g_strdup (text));
    }

  for (int i = 1; i <= 1200; i++)
    {
      g_autofree char *med = g_strdup_printf ("med%04d", i);
      g_autofree char *given = g_strdup_printf ("given%04d", i);

      if (!g_hash_table_contains (seen, med) || !g_hash_table_contains (seen, given))
        g_error ("word %d of the long cells is not printed (%d pages)", i, pages);
    }
  g_assert_cmpint (pages, >, 2);
  g_unlink (pdf);
}

int
main (int   argc,
      char *argv[])
{
  md_test_init (&argc, &argv);

  g_test_add_func ("/md/report/fixture-numbers", test_fixture_numbers);
  g_test_add_func ("/md/report/incomplete-windows", test_incomplete_windows);
  g_test_add_func ("/md/report/primary-outcome", test_primary_outcome);
  g_test_add_func ("/md/report/letter-paper", test_letter_paper);
  g_test_add_func ("/md/report/ten-years", test_ten_years);
  g_test_add_func ("/md/report/chart-pages-not-blank", test_chart_pages_not_blank);
  g_test_add_func ("/md/report/list-separator", test_list_separator);
  g_test_add_func ("/md/report/percent-no-break", test_percent_no_break);
  g_test_add_func ("/md/report/contexts", test_contexts);
  g_test_add_func ("/md/report/preset-names", test_preset_names);
  g_test_add_func ("/md/report/row-taller-than-a-page", test_row_taller_than_a_page);

  return g_test_run ();
}
