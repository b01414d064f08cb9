/* test-charts-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Charts view as a patient uses it: the charts follow the diary,
 * the period and the treatment picker; the summary cards and the
 * accessible descriptions say the numbers; an empty diary shows the
 * empty state; the statistics preferences change what is counted.
 */

#include "config.h"

#include <string.h>

#include "md-charts-page.h"
#include "md-test-gui.h"
#include "md-test-utils.h"
#include "md-window.h"

typedef struct
{
  MdApplication *app;
  MdWindow      *window;
  MdChartsPage  *page;
  MdDiary       *diary;
  GSettings     *settings;
  GDateTime     *now;
} Fixture;

static const char *
visible_name (Fixture *f)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (f->page), MD_TYPE_CHARTS_PAGE, "stack"));

  return gtk_stack_get_visible_child_name (stack);
}

static gboolean
page_showing (gpointer user_data)
{
  Fixture *f = user_data;
  const char *name = visible_name (f);

  return md_charts_page_get_stats (f->page) != NULL &&
         (g_strcmp0 (name, "charts") == 0 || g_strcmp0 (name, "empty") == 0);
}

/* 8:00 local time on the date of @day */
static GDateTime *
morning_of (GDateTime *day)
{
  return g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                g_date_time_get_day_of_month (day), 8, 0, 0);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *keys[] = {
    "charts-range", "charts-by-month", "charts-treatment", "charts-from", "charts-to", "migraine-definition",
  };

  f->settings = g_settings_new (APP_ID);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (f->settings, keys[i]);
  f->now = g_date_time_new_now_local ();
  f->app = md_test_gui_app_with_diary (NULL);
  f->window = MD_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (f->app)));
  f->diary = md_application_get_diary (f->app);
  f->page = MD_CHARTS_PAGE (md_window_get_charts_page (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  md_test_gui_close_all (f->app);
  g_clear_object (&f->app);
  g_clear_object (&f->settings);
  g_clear_pointer (&f->now, g_date_time_unref);
}

static void
show_charts (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "charts"));
  g_assert_true (md_test_wait_for (page_showing, f, 5000));
}

static void
log_attack (Fixture    *f,
            GDateTime  *start,
            int         peak)
{
  g_autoptr(MdAttack) attack = md_attack_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) end = g_date_time_add_hours (start, 6);

  attack->start = g_date_time_to_unix (start);
  attack->start_offset = g_date_time_get_utc_offset (start) / G_TIME_SPAN_SECOND;
  attack->end = g_date_time_to_unix (end);
  attack->end_offset = g_date_time_get_utc_offset (end) / G_TIME_SPAN_SECOND;
  attack->peak_pain = peak;
  attack->side = g_strdup ("left");
  attack->quality = g_strdup ("pulsating");
  g_strfreev (attack->symptoms);
  attack->symptoms = g_strsplit ("nausea", ",", -1);
  g_assert_true (md_diary_save_attack (f->diary, attack, &error));
  g_assert_no_error (error);
}

/* What the page's statistics are waited for: a number, or -1 for any */
typedef struct
{
  Fixture *f;
  int      migraine;
  int      treatments;
  int      medications;
} WaitStats;

static gboolean
stats_are (gpointer user_data)
{
  WaitStats *w = user_data;
  MdStats *stats = md_charts_page_get_stats (w->f->page);

  return stats != NULL &&
         (w->migraine < 0 || stats->total.migraine == w->migraine) &&
         (w->treatments < 0 || (int) stats->treatments->len == w->treatments) &&
         (w->medications < 0 || (int) stats->medications->len == w->medications);
}

#define WAIT_MIGRAINE(f, n) { f, n, -1, -1 }

static char *
accessible_description (GtkWidget *widget)
{
  /* The description set on the widget, as the accessibility tree gets it. */
  return md_chart_view_describe (MD_CHART_VIEW (widget));
}

static void
test_empty_diary (Fixture       *f,
                  gconstpointer  data)
{
  show_charts (f);
  g_assert_cmpstr (visible_name (f), ==, "empty");
}

static void
test_charts_follow_the_diary (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GDateTime) day = g_date_time_add_days (f->now, -3);
  g_autoptr(GDateTime) morning = morning_of (day);
  g_autoptr(GDateTime) earlier = g_date_time_add_days (morning, -1);
  WaitStats wait = WAIT_MIGRAINE (f, 2);
  g_autofree char *description = NULL;
  GtkWidget *frequency;
  GtkFlowBox *cards;

  log_attack (f, earlier, 2);
  show_charts (f);
  log_attack (f, morning, 3);
  /* The view reloads on its own, in the background. */
  g_assert_true (md_test_wait_for (stats_are, &wait, 5000));
  g_assert_cmpstr (visible_name (f), ==, "charts");

  frequency = md_charts_page_get_chart (f->page, MD_CHART_KIND_FREQUENCY);
  description = accessible_description (frequency);
  g_assert_nonnull (strstr (description, "2 days recorded"));
  g_assert_nonnull (strstr (description, "Attack frequency per 28 days"));
  g_assert_cmpint (gtk_widget_get_width (frequency), >, 100);

  cards = GTK_FLOW_BOX (gtk_widget_get_template_child (GTK_WIDGET (f->page), MD_TYPE_CHARTS_PAGE, "cards"));
  {
    GtkFlowBoxChild *first = gtk_flow_box_get_child_at_index (cards, 0);
    GtkWidget *box = gtk_flow_box_child_get_child (first);
    GtkWidget *value = gtk_widget_get_next_sibling (gtk_widget_get_first_child (box));

    /* 2 migraine days over 2 recorded days of the last 28: 28.0 per 28 days */
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (value)), ==, "28.0");
    g_assert_nonnull (gtk_flow_box_get_child_at_index (cards, 2));
  }

  /* Hovering a period tells its numbers */
  {
    g_autofree char *tip = NULL;
    int w = gtk_widget_get_width (frequency), h = gtk_widget_get_height (frequency);

    for (int x = w - 5; x > 0 && tip == NULL; x -= 5)
      tip = md_chart_view_describe_at (MD_CHART_VIEW (frequency), x, h / 2);
    g_assert_nonnull (tip);
    g_assert_nonnull (strstr (tip, "migraine days 2"));
  }
}

static void
test_period_and_treatment (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GDateTime) long_ago = g_date_time_add_months (f->now, -8);
  g_autoptr(MdPreventiveCourse) course = md_preventive_course_new ();
  g_autoptr(GError) error = NULL;
  GListModel *medications = md_diary_get_medications (f->diary);
  g_autoptr(MdMedication) med = g_list_model_get_item (medications, 0);
  GtkDropDown *treatment_dropdown;
  MdStatsComparison cmp;
  WaitStats one = WAIT_MIGRAINE (f, 1);
  g_autofree char *description = NULL;

  log_attack (f, long_ago, 2);
  show_charts (f);
  /* Eight months ago is outside the default six */
  g_assert_cmpint (md_charts_page_get_stats (f->page)->total.migraine, ==, 0);
  g_settings_set_enum (f->settings, "charts-range", 3);
  g_assert_true (md_test_wait_for (stats_are, &one, 2000));

  course->medication_uuid = g_strdup (med->uuid);
  course->start_date = g_date_time_format (f->now, "%Y-%m-%d");
  g_assert_true (md_diary_save_preventive_course (f->diary, course, &error));
  g_assert_no_error (error);
  g_assert_true (md_test_wait_for (stats_are, &(WaitStats) { f, -1, 1, -1 }, 5000));

  treatment_dropdown = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (f->page), MD_TYPE_CHARTS_PAGE,
                                                                      "treatment_dropdown"));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (treatment_dropdown))));
  g_assert_false (md_charts_page_get_comparison (f->page, &cmp));
  gtk_drop_down_set_selected (treatment_dropdown, 1);
  g_assert_true (md_charts_page_get_comparison (f->page, &cmp));
  g_assert_false (cmp.evaluable); /* it starts today */
  {
    GtkLabel *note = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (f->page), MD_TYPE_CHARTS_PAGE,
                                                               "treatment_note"));

    /* why the period cannot cover weeks 9–12, in one line */
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (note)));
    g_assert_true (g_str_has_prefix (gtk_label_get_text (note), "The evaluation window ends on "));
    g_assert_true (g_str_has_suffix (gtk_label_get_text (note), ": the period shows it as far as today."));
  }
  description = accessible_description (md_charts_page_get_chart (f->page, MD_CHART_KIND_FREQUENCY));
  g_assert_nonnull (strstr (description, "not yet evaluable"));
}

static void
record_headache_free (Fixture   *f,
                      GDateTime *when)
{
  g_autoptr(MdDay) d = md_day_new ();
  g_autoptr(GError) error = NULL;

  d->date = g_date_time_format (when, "%Y-%m-%d");
  d->status = g_strdup ("headache-free");
  g_assert_true (md_diary_save_day (f->diary, d, &error));
  g_assert_no_error (error);
}

static GtkWidget *
find_card (Fixture    *f,
           const char *title)
{
  GtkFlowBox *cards = GTK_FLOW_BOX (gtk_widget_get_template_child (GTK_WIDGET (f->page), MD_TYPE_CHARTS_PAGE,
                                                                   "cards"));

  for (int i = 0; gtk_flow_box_get_child_at_index (cards, i) != NULL; i++)
    {
      GtkWidget *box = gtk_flow_box_child_get_child (gtk_flow_box_get_child_at_index (cards, i));

      if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (box))), title) == 0)
        return box;
    }

  return NULL;
}

/* The primary outcome in the card, by hand: a course started 100 days
 * ago; in the 28 days before it 8 migraine days and 20 headache-free; in
 * weeks 9–12 after it 4 migraine days and 24 headache-free: 8.0 → 4.0,
 * −4.0 days, −50%, a ≥50% responder but not ≥75%. */
static void
test_primary_outcome_card (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GDateTime) today = morning_of (f->now);
  g_autoptr(GDateTime) start = g_date_time_add_days (today, -100);
  g_autoptr(MdPreventiveCourse) course = md_preventive_course_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  GtkDropDown *treatment_dropdown;
  GtkWidget *card, *value, *detail;
  WaitStats twelve = WAIT_MIGRAINE (f, 12);

  for (int k = -28; k < 84; k++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_days (start, k);

      if ((k < 0 && (k + 28) % 3 == 0 && k + 28 < 24) || (k >= 56 && k < 60))
        log_attack (f, when, 2);
      else if (k < 0 || k >= 60)
        record_headache_free (f, when);
    }
  course->medication_uuid = g_strdup ("preset-magnesium-oral-400mg");
  course->start_date = g_date_time_format (start, "%Y-%m-%d");
  g_assert_true (md_diary_save_preventive_course (f->diary, course, &error));
  g_assert_no_error (error);

  g_settings_set_enum (f->settings, "charts-range", 3);
  show_charts (f);
  g_assert_true (md_test_wait_for (stats_are, &twelve, 5000));
  g_assert_true (md_test_wait_for (stats_are, &(WaitStats) { f, -1, 1, -1 }, 5000));
  g_assert_null (find_card (f, "Before and after the treatment"));

  treatment_dropdown = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (f->page), MD_TYPE_CHARTS_PAGE,
                                                                      "treatment_dropdown"));
  gtk_drop_down_set_selected (treatment_dropdown, 1);
  card = find_card (f, "Before and after the treatment");
  g_assert_nonnull (card);
  value = gtk_widget_get_next_sibling (gtk_widget_get_first_child (card));
  detail = gtk_widget_get_next_sibling (value);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (value)), ==, "8.0 → 4.0, −4.0 days, −50%");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (detail)), ==,
                   "Migraine days per 28 days, the 28 days before → weeks 9–12 after. "
                   "Responder: ≥50%: yes; ≥75%: no; 100%: no.");

  description = accessible_description (md_charts_page_get_chart (f->page, MD_CHART_KIND_FREQUENCY));
  g_assert_nonnull (strstr (description, "Migraine days per 28 days, before → weeks 9–12: 8.0 → 4.0, −4.0 days, −50%; responder ≥50%: yes; ≥75%: no; 100%: no"));

  /* Pain beside frequency: the panel under the chart, said in words */
  {
    GtkWidget *panel = md_charts_page_get_chart (f->page, MD_CHART_KIND_BEFORE_AFTER);
    g_autofree char *words = NULL;

    g_assert_true (gtk_widget_get_visible (panel));
    words = accessible_description (panel);
    g_assert_nonnull (strstr (words, "Before and after Magnesium 400 mg (elemental) from "));
    g_assert_nonnull (strstr (words, "Migraine days per 28 days: 8.0 before, 4.0 after, change −4.0 (−50%), 28 / 28 → 28 / 28 days recorded."));
    g_assert_nonnull (strstr (words, "Mean peak pain (0–3): 2.0 before, 2.0 after, change 0.0 (0%), n = 8 → 4 attacks."));
    gtk_drop_down_set_selected (treatment_dropdown, 0);
    g_assert_false (gtk_widget_get_visible (panel));
  }
}

/* The diary stopped 5 weeks ago: the period (all of it) runs from 90 days
 * ago to today in 28-day windows from its first day; days 0–27 have 5
 * attacks, days 28–55 10 attacks (days 28, 31, …, 55) and the others
 * headache-free, nothing after. The last 28 days have no record, so the
 * cards show the latest complete window, days 28–55: 10 × 28 / 28 = 10.0
 * migraine days, 0.0 acute-medication days, with its dates. */
static void
test_cards_after_a_pause (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GDateTime) today = morning_of (f->now);
  g_autoptr(GDateTime) start = g_date_time_add_days (today, -90);
  g_autoptr(GDateTime) first = g_date_time_add_days (start, 28);
  g_autoptr(GDateTime) last = g_date_time_add_days (start, 55);
  g_autofree char *from = g_date_time_format (first, "%-d %b %Y");
  g_autofree char *to = g_date_time_format (last, "%-d %b %Y");
  g_autofree char *expected = g_strdup_printf ("No day recorded in the last 28 days. Latest complete 28 days: %s – %s.",
                                               from, to);
  WaitStats fifteen = WAIT_MIGRAINE (f, 15);
  GtkWidget *card, *value, *detail;

  for (int k = 0; k < 56; k++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_days (start, k);

      if ((k < 28 && k % 6 == 0 && k < 30) || (k >= 28 && (k - 28) % 3 == 0))
        log_attack (f, when, 2);
      else
        record_headache_free (f, when);
    }

  g_settings_set_enum (f->settings, "charts-range", 3);
  show_charts (f);
  g_assert_true (md_test_wait_for (stats_are, &fifteen, 5000));

  card = find_card (f, "Migraine days per 28 days");
  g_assert_nonnull (card);
  value = gtk_widget_get_next_sibling (gtk_widget_get_first_child (card));
  detail = gtk_widget_get_next_sibling (value);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (value)), ==, "10.0");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (detail)), ==, expected);

  card = find_card (f, "Acute-medication days per 28 days");
  g_assert_nonnull (card);
  value = gtk_widget_get_next_sibling (gtk_widget_get_first_child (card));
  detail = gtk_widget_get_next_sibling (value);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (value)), ==, "0.0");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (detail)), ==, expected);
}

static void
log_dose (Fixture    *f,
          GDateTime  *when,
          const char *medication)
{
  g_autoptr(GPtrArray) attacks = NULL;
  gint64 start = g_date_time_to_unix (when);
  g_autoptr(MdDose) dose = md_test_dose_new (medication, 1, "tablet", "oral", "home", start + 600);
  g_autoptr(MdPainReading) before = md_pain_reading_new ();
  g_autoptr(MdPainReading) after = md_pain_reading_new ();
  g_autoptr(GError) error = NULL;
  const char *attack_uuid = NULL;

  log_attack (f, when, 3);
  attacks = md_diary_list_attacks (f->diary, start - 60, start + 60);
  g_assert_cmpuint (attacks->len, ==, 1);
  attack_uuid = MD_ATTACK (g_ptr_array_index (attacks, 0))->uuid;

  dose->attack_uuid = g_strdup (attack_uuid);
  dose->taken_offset = g_date_time_get_utc_offset (when) / G_TIME_SPAN_SECOND;
  g_assert_true (md_diary_save_dose (f->diary, dose, &error));
  g_assert_no_error (error);
  for (int k = 0; k < 2; k++)
    {
      MdPainReading *r = k == 0 ? before : after;

      r->attack_uuid = g_strdup (attack_uuid);
      r->dose_uuid = g_strdup (dose->uuid);
      r->time = dose->taken + k * 2 * 3600;
      r->time_offset = dose->taken_offset;
      r->pain = k == 0 ? 3 : 0;
      g_assert_true (md_diary_save_pain_reading (f->diary, r, &error));
      g_assert_no_error (error);
    }
}

static gboolean
window_is_narrow (gpointer user_data)
{
  Fixture *f = user_data;

  return gtk_widget_get_width (GTK_WIDGET (f->window)) <= 360 &&
         gtk_widget_get_height (md_charts_page_get_chart (f->page, MD_CHART_KIND_PAIN)) > 0;
}

/* On a phone, 360 px wide, the pain chart shows every medication: its
 * panels stack, the view is as tall as they need, and pointing at each
 * panel in turn says each medication; the description names them all. */
static void
test_pain_panels_on_a_phone (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GDateTime) today = morning_of (f->now);
  const char *uuids[] = { "preset-sumatriptan-50mg", "preset-ibuprofen-400mg", "preset-naproxen-500mg" };
  const char *names[] = { "Sumatriptan 50 mg", "Ibuprofen 400 mg", "Naproxen 500 mg" };
  gboolean seen[3] = { FALSE, FALSE, FALSE };
  g_autofree char *description = NULL;
  GtkWidget *view;
  int width, height;

  for (int i = 0; i < 3; i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_days (today, -3 * (i + 1));

      log_dose (f, when, uuids[i]);
    }

  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 720);
  show_charts (f);
  g_assert_true (md_test_wait_for (stats_are, &(WaitStats) { f, -1, -1, 3 }, 5000));
  g_assert_true (md_test_wait_for (window_is_narrow, f, 5000));
  md_test_iterate (200);

  view = md_charts_page_get_chart (f->page, MD_CHART_KIND_PAIN);
  width = gtk_widget_get_width (view);
  height = gtk_widget_get_height (view);
  g_assert_cmpint (width, <=, 360);
  /* Three panels one under the other: far taller than the 380 px of one row */
  g_assert_cmpint (height, >, 2 * 380);

  for (int y = 0; y < height; y += 4)
    {
      g_autofree char *said = md_chart_view_describe_at (MD_CHART_VIEW (view), width * 0.6, y);

      for (int i = 0; i < 3 && said != NULL; i++)
        seen[i] |= g_str_has_prefix (said, names[i]);
    }
  for (int i = 0; i < 3; i++)
    g_assert_true (seen[i]);

  description = accessible_description (view);
  g_assert_nonnull (strstr (description, "Pain before and after treatment for 3 medications."));
  for (int i = 0; i < 3; i++)
    g_assert_nonnull (strstr (description, names[i]));
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  gboolean *done = user_data;

  g_assert_true (md_charts_page_load_finish (MD_CHARTS_PAGE (source), result, NULL));
  *done = TRUE;
}

/* Choosing a treatment makes the period cover its baseline and weeks
 * 9–12, and the choice is there again in the next run. */
static void
test_treatment_covers_and_is_remembered (Fixture       *f,
                                         gconstpointer  data)
{
  g_autoptr(GDateTime) start = g_date_time_add_days (f->now, -100);
  g_autoptr(GDateTime) baseline = g_date_time_add_days (f->now, -128);
  g_autoptr(GDateTime) evaluation_end = g_date_time_add_days (f->now, -17);
  g_autoptr(MdPreventiveCourse) course = md_preventive_course_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *from = g_date_time_format (baseline, "%Y-%m-%d");
  g_autofree char *to = g_date_time_format (evaluation_end, "%Y-%m-%d");
  g_autofree char *key = NULL;
  g_autofree char *expected_key = NULL;
  g_autofree char *saved_from = NULL;
  g_autofree char *saved_to = NULL;
  GtkWidget *other;
  GtkDropDown *treatment_dropdown;
  MdStatsComparison cmp;
  gboolean loaded = FALSE;

  log_attack (f, baseline, 2);
  course->medication_uuid = g_strdup ("preset-magnesium-oral-400mg");
  course->start_date = g_date_time_format (start, "%Y-%m-%d");
  g_assert_true (md_diary_save_preventive_course (f->diary, course, &error));
  g_assert_no_error (error);
  expected_key = g_strdup_printf ("%s preset-magnesium-oral-400mg", course->start_date);

  g_settings_set_enum (f->settings, "charts-range", 0); /* the last 3 months */
  show_charts (f);
  g_assert_true (md_test_wait_for (stats_are, &(WaitStats) { f, -1, 1, -1 }, 5000));
  treatment_dropdown = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (f->page), MD_TYPE_CHARTS_PAGE,
                                                                      "treatment_dropdown"));
  gtk_drop_down_set_selected (treatment_dropdown, 1);

  /* 128 days ago → 17 days ago: the baseline and weeks 9–12 */
  g_assert_cmpint (g_settings_get_enum (f->settings, "charts-range"), ==, 4);
  saved_from = g_settings_get_string (f->settings, "charts-from");
  saved_to = g_settings_get_string (f->settings, "charts-to");
  g_assert_cmpstr (saved_from, ==, from);
  g_assert_cmpstr (saved_to, ==, to);
  g_assert_cmpint (md_charts_page_get_stats (f->page)->first_day, ==, md_stats_day_from_iso (from));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->page),
                                                                                     MD_TYPE_CHARTS_PAGE,
                                                                                     "treatment_note"))));
  key = g_settings_get_string (f->settings, "charts-treatment");
  g_assert_cmpstr (key, ==, expected_key);

  /* The next run: a new Charts view finds the same choice */
  other = g_object_ref_sink (md_charts_page_new ());
  md_charts_page_set_context (MD_CHARTS_PAGE (other), md_test_gui_context_for (f->diary));
  md_charts_page_load_async (MD_CHARTS_PAGE (other), NULL, loaded_cb, &loaded);
  g_assert_true (md_test_wait_for (md_test_flag_is_set, &loaded, 5000));
  g_assert_true (md_charts_page_get_comparison (MD_CHARTS_PAGE (other), &cmp));
  g_assert_cmpint (cmp.treatment.start_day, ==, md_stats_day_from_iso (course->start_date));
  md_charts_page_set_context (MD_CHARTS_PAGE (other), NULL);
  g_object_unref (other);

  /* "No comparison" is remembered too */
  g_assert_cmpuint (gtk_drop_down_get_selected (treatment_dropdown), ==, 1);
  gtk_drop_down_set_selected (treatment_dropdown, 0);
  g_clear_pointer (&key, g_free);
  key = g_settings_get_string (f->settings, "charts-treatment");
  g_assert_cmpstr (key, ==, "");
}

static void
test_definition_setting (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (f->now, -1);
  g_autoptr(MdAttack) attack = md_attack_new ();
  g_autoptr(GError) error = NULL;
  WaitStats none = WAIT_MIGRAINE (f, 0), one = WAIT_MIGRAINE (f, 1);

  /* 20 minutes, pulsating, moderate, nausea: C and D of ICHD-3 (A), under
   * definition B's 30 minutes */
  attack->start = g_date_time_to_unix (yesterday);
  attack->start_offset = g_date_time_get_utc_offset (yesterday) / G_TIME_SPAN_SECOND;
  attack->end = attack->start + 20 * 60;
  attack->end_offset = attack->start_offset;
  attack->peak_pain = 2;
  attack->quality = g_strdup ("pulsating");
  g_strfreev (attack->symptoms);
  attack->symptoms = g_strsplit ("nausea", ",", -1);
  g_assert_true (md_diary_save_attack (f->diary, attack, &error));

  show_charts (f);
  g_assert_true (md_test_wait_for (stats_are, &one, 5000));
  g_settings_set_enum (f->settings, "migraine-definition", 1);
  g_assert_true (md_test_wait_for (stats_are, &none, 2000));
  g_settings_set_enum (f->settings, "migraine-definition", 0);
  g_assert_true (md_test_wait_for (stats_are, &one, 2000));
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (md_charts_page_load_finish (MD_CHARTS_PAGE (source), result, error));
  g_assert_nonnull (*error);
}

static gboolean
error_set (gpointer user_data)
{
  return *(GError **) user_data != NULL;
}

/* Every task the page takes is returned, also when the page goes away
 * while the diary is still being read. */
static void
test_load_returns_on_dispose (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  MdChartsPage *page = g_object_ref_sink (g_object_new (MD_TYPE_CHARTS_PAGE, NULL));

  md_charts_page_set_context (page, md_test_gui_context_for (f->diary));
  md_charts_page_load_async (page, NULL, load_done_cb, &error);
  g_object_run_dispose (G_OBJECT (page));
  g_assert_true (md_test_wait_for (error_set, &error, 5000));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  g_object_unref (page);
}

int
main (int   argc,
      char *argv[])
{
  md_test_init_gui (&argc, &argv);

  g_test_add ("/md/charts-page/empty-diary", Fixture, NULL, fixture_set_up, test_empty_diary, fixture_tear_down);
  g_test_add ("/md/charts-page/follows-the-diary", Fixture, NULL, fixture_set_up,
              test_charts_follow_the_diary, fixture_tear_down);
  g_test_add ("/md/charts-page/period-and-treatment", Fixture, NULL, fixture_set_up,
              test_period_and_treatment, fixture_tear_down);
  g_test_add ("/md/charts-page/primary-outcome", Fixture, NULL, fixture_set_up,
              test_primary_outcome_card, fixture_tear_down);
  g_test_add ("/md/charts-page/treatment-covers-and-is-remembered", Fixture, NULL, fixture_set_up,
              test_treatment_covers_and_is_remembered, fixture_tear_down);
  g_test_add ("/md/charts-page/definition-setting", Fixture, NULL, fixture_set_up,
              test_definition_setting, fixture_tear_down);
  g_test_add ("/md/charts-page/cards-after-a-pause", Fixture, NULL, fixture_set_up,
              test_cards_after_a_pause, fixture_tear_down);
  g_test_add ("/md/charts-page/pain-panels-on-a-phone", Fixture, NULL, fixture_set_up,
              test_pain_panels_on_a_phone, fixture_tear_down);
  g_test_add ("/md/charts-page/load-returns-on-dispose", Fixture, NULL, fixture_set_up,
              test_load_returns_on_dispose, fixture_tear_down);

  return g_test_run ();
}
