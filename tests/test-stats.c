/* test-stats.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The clinical statistics against values computed by hand from
 * ../shared/CLINICAL.md. Each case builds a small diary with the times a
 * patient would have written (local time with its offset).
 */

#include "config.h"

#include <math.h>

#include "md-diary.h"
#include "md-error.h"
#include "md-stats.h"
#include "md-test-utils.h"

/* "2026-03-10T22:00+01:00" → unix seconds, and its offset */
static gint64
at (const char *iso,
    int        *offset)
{
  /* GLib wants seconds: "…T22:00+01:00" → "…T22:00:00+01:00" */
  g_autofree char *full = g_strdup_printf ("%.16s:00%s", iso, iso + 16);
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (full, NULL);

  g_assert_nonnull (dt);
  if (offset != NULL)
    *offset = (int) (g_date_time_get_utc_offset (dt) / G_TIME_SPAN_SECOND);

  return g_date_time_to_unix (dt);
}

static int
day (const char *iso_date)
{
  int d = md_stats_day_from_iso (iso_date);

  g_assert_cmpint (d, !=, G_MININT);
  return d;
}

static int
add_attack (MdStatsData *data,
            const char  *start,
            const char  *end,
            int          peak,
            guint        features)
{
  MdStatsAttack a = { 0 };

  a.start = at (start, &a.start_offset);
  if (end != NULL)
    a.end = at (end, &a.end_offset);
  a.peak_pain = peak;
  a.features = features;
  a.aura_minutes = -1;

  return md_stats_data_add_attack (data, &a);
}

static int
add_dose (MdStatsData *data,
          int          medication,
          int          attack,
          const char  *taken)
{
  MdStatsDose d = { 0 };

  d.medication = medication;
  d.attack = attack;
  d.taken = at (taken, &d.taken_offset);
  d.amount = 1;

  return md_stats_data_add_dose (data, &d);
}

static void
add_reading (MdStatsData *data,
             int          attack,
             const char  *time,
             int          pain)
{
  md_stats_data_add_reading (data, attack, at (time, NULL), pain, -1);
}

/* An attack treated with one dose, its pain read twice */
typedef struct
{
  const char *start;
  const char *end;
  int         peak;
  const char *taken;
  const char *first;
  int         first_pain;
  const char *later;
  int         later_pain;
} TreatedAttack;

static int
add_treated_attack (MdStatsData         *data,
                    int                  medication,
                    const TreatedAttack *t)
{
  int attack = add_attack (data, t->start, t->end, t->peak, 0);

  add_dose (data, medication, attack, t->taken);
  add_reading (data, attack, t->first, t->first_pain);
  add_reading (data, attack, t->later, t->later_pain);

  return attack;
}

static MdStats *
compute (MdStatsData           *data,
         const MdStatsSettings *settings,
         const char            *first,
         const char            *last)
{
  MdStatsSettings defaults;

  md_stats_settings_init_default (&defaults);
  if (!data->finished)
    md_stats_data_finish (data);

  return md_stats_compute (data, settings != NULL ? settings : &defaults, day (first), day (last));
}

static const MdStatsDoseResponse *
response_of (MdStats *stats,
             guint    i)
{
  g_assert_cmpuint (i, <, stats->responses->len);
  return &g_array_index (stats->responses, MdStatsDoseResponse, i);
}

static void
test_days_and_dates (void)
{
  g_autofree char *iso = NULL;

  g_assert_cmpint (day ("1970-01-01"), ==, 0);
  g_assert_cmpint (day ("1970-01-02"), ==, 1);
  g_assert_cmpint (day ("1969-12-31"), ==, -1);
  iso = md_stats_day_to_iso (day ("2024-02-29"));
  g_assert_cmpstr (iso, ==, "2024-02-29");
  /* 23:30 at +01:00 is 22:30 UTC, still the same local day */
  g_assert_cmpint (md_stats_day_from_time (at ("2026-03-10T23:30+01:00", NULL), 3600), ==, day ("2026-03-10"));
  g_assert_cmpint (md_stats_day_from_time (at ("2026-03-10T00:30+01:00", NULL), 3600), ==, day ("2026-03-10"));
  g_assert_cmpint (md_stats_day_from_iso ("2026-02-30"), ==, G_MININT);
}

static void
test_wilson (void)
{
  struct { int k, n; double value, low, high; } cases[] = {
    /* Hand-computed: p̂ ± z√(p̂q̂/n + z²/4n²), over 1 + z²/n */
    { 8, 10, 0.8, 0.4902, 0.9433 },
    { 0, 10, 0.0, 0.0, 0.2775 },
    { 10, 10, 1.0, 0.7225, 1.0 },
    { 1, 2, 0.5, 0.0945, 0.9055 },
  };
  MdStatsRate rate;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      md_stats_rate_init (&rate, cases[i].k, cases[i].n);
      g_assert_cmpfloat_with_epsilon (rate.value, cases[i].value, 1e-9);
      g_assert_cmpfloat_with_epsilon (rate.low, cases[i].low, 5e-4);
      g_assert_cmpfloat_with_epsilon (rate.high, cases[i].high, 5e-4);
    }

  md_stats_rate_init (&rate, 0, 0);
  g_assert_true (isnan (rate.value));
}

/* An attack over midnight counts on both days; a day with only
 * "no headache" is recorded but not a headache day; untracked days are
 * neither. */
static void
test_attack_over_midnight (void)
{
  g_autoptr(MdStatsData) data = md_stats_data_new (at ("2026-04-01T12:00+02:00", NULL));
  g_autoptr(MdStats) stats = NULL;
  const MdStatsDayInfo *info;

  add_attack (data, "2026-03-10T22:00+01:00", "2026-03-11T03:00+01:00", 2, 0);
  md_stats_data_add_day (data, day ("2026-03-12"), MD_STATS_DAY_HEADACHE_FREE, FALSE);
  stats = compute (data, NULL, "2026-03-01", "2026-03-28");

  g_assert_cmpint (stats->total.recorded, ==, 3);
  g_assert_cmpint (stats->total.headache, ==, 2);
  g_assert_cmpint (stats->total.moderate_severe, ==, 2);
  /* one feature (moderate pain) and 5 h: only criterion B of B, C, D */
  g_assert_cmpint (stats->total.migraine, ==, 0);
  g_assert_cmpint (stats->total.attacks, ==, 1);

  info = md_stats_get_day (stats, day ("2026-03-11"));
  g_assert_true (info->flags & MD_STATS_DAY_IS_HEADACHE);
  g_assert_cmpint (info->peak_pain, ==, 2);
  info = md_stats_get_day (stats, day ("2026-03-12"));
  g_assert_true (info->flags & MD_STATS_DAY_RECORDED);
  g_assert_false (info->flags & MD_STATS_DAY_IS_HEADACHE);
  info = md_stats_get_day (stats, day ("2026-03-13"));
  g_assert_cmpint (info->flags, ==, 0);

  /* 3 recorded of 28: incomplete, and the rate is over recorded days */
  g_assert_true (stats->total.incomplete);
  g_assert_cmpfloat_with_epsilon (md_stats_span_rate (&stats->total, stats->total.headache),
                                  2 * 28.0 / 3, 1e-9);
}

/* On the spring-forward day, 01:30 to 05:30 on the wall clock is three
 * real hours; on the fall-back night 23:30 to 02:30 is four. */
static void
test_dst_days (void)
{
  g_autoptr(MdStatsData) data = md_stats_data_new (at ("2026-12-01T12:00+01:00", NULL));
  g_autoptr(MdStats) stats = NULL;
  MdStatsSettings settings;

  md_stats_settings_init_default (&settings);
  settings.min_duration_minutes = 240;

  add_attack (data, "2026-03-29T01:30+01:00", "2026-03-29T05:30+02:00", 1, 0);
  add_attack (data, "2026-10-24T23:30+02:00", "2026-10-25T02:30+01:00", 1, 0);
  stats = compute (data, &settings, "2026-03-01", "2026-10-31");

  g_assert_false (md_stats_get_day (stats, day ("2026-03-29"))->flags & MD_STATS_DAY_IS_HEADACHE);
  g_assert_true (md_stats_get_day (stats, day ("2026-03-29"))->flags & MD_STATS_DAY_RECORDED);
  g_assert_true (md_stats_get_day (stats, day ("2026-10-24"))->flags & MD_STATS_DAY_IS_HEADACHE);
  g_assert_true (md_stats_get_day (stats, day ("2026-10-25"))->flags & MD_STATS_DAY_IS_HEADACHE);
  g_assert_cmpint (stats->total.headache, ==, 2);
  g_assert_cmpint (stats->total.recorded, ==, 3);
}

/* Definition A: ICHD-3 1.1, probable migraine, aura, triptan relief.
 * Definition B: ≥30 min + 2 features + 1 symptom, aura 5–60 min, or a
 * migraine-specific medication day. */
static void
test_migraine_definitions (void)
{
  struct {
    const char *start, *end;
    int peak;
    guint features;
    int aura_minutes; /* -2: no aura */
    gboolean a, b;
  } cases[] = {
    /* full 1.1: 6 h, one-sided + pulsating, nausea */
    { "2026-05-01T08:00+02:00", "2026-05-01T14:00+02:00", 2,
      MD_STATS_ATTACK_UNILATERAL | MD_STATS_ATTACK_PULSATING | MD_STATS_ATTACK_NAUSEA, -2, TRUE, TRUE },
    /* probable: 2 h untreated (B fails), C and D met */
    { "2026-05-03T08:00+02:00", "2026-05-03T10:00+02:00", 3,
      MD_STATS_ATTACK_PULSATING | MD_STATS_ATTACK_PHOTOPHOBIA | MD_STATS_ATTACK_PHONOPHOBIA, -2, TRUE, TRUE },
    /* B and C only: light sensitivity without sound sensitivity is not D
     * — probable under A; B's "≥1 associated symptom" is met */
    { "2026-05-05T08:00+02:00", "2026-05-05T14:00+02:00", 2,
      MD_STATS_ATTACK_UNILATERAL | MD_STATS_ATTACK_PHOTOPHOBIA, -2, TRUE, TRUE },
    /* tension-type-like: pressing, mild, 6 h, no symptoms */
    { "2026-05-07T08:00+02:00", "2026-05-07T14:00+02:00", 1, 0, -2, FALSE, FALSE },
    /* aura of 20 min with a mild headache */
    { "2026-05-09T08:00+02:00", "2026-05-09T09:00+02:00", 1, 0, 20, TRUE, TRUE },
    /* aura of unknown length: A counts it, B needs 5–60 min */
    { "2026-05-11T08:00+02:00", "2026-05-11T09:00+02:00", 1, 0, -1, TRUE, FALSE },
    /* 20 min with features and symptom: B needs ≥30 min; A: C+D */
    { "2026-05-13T08:00+02:00", "2026-05-13T08:20+02:00", 2,
      MD_STATS_ATTACK_PULSATING | MD_STATS_ATTACK_NAUSEA, -2, TRUE, FALSE },
  };

  for (int definition = MD_STATS_DEFINITION_A; definition <= MD_STATS_DEFINITION_B; definition++)
    {
      g_autoptr(MdStatsData) data = md_stats_data_new (at ("2026-06-01T12:00+02:00", NULL));
      g_autoptr(MdStats) stats = NULL;
      MdStatsSettings settings;

      md_stats_settings_init_default (&settings);
      settings.definition = definition;
      for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
        {
          MdStatsAttack a = { 0 };

          a.start = at (cases[i].start, &a.start_offset);
          a.end = at (cases[i].end, &a.end_offset);
          a.peak_pain = cases[i].peak;
          a.features = cases[i].features;
          a.aura = cases[i].aura_minutes != -2;
          a.aura_minutes = a.aura ? cases[i].aura_minutes : -1;
          md_stats_data_add_attack (data, &a);
        }
      stats = compute (data, &settings, "2026-05-01", "2026-05-31");

      for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
        {
          g_autofree char *date = g_strndup (cases[i].start, 10);
          gboolean expected = definition == MD_STATS_DEFINITION_A ? cases[i].a : cases[i].b;
          gboolean migraine = (md_stats_get_day (stats, day (date))->flags & MD_STATS_DAY_MIGRAINE) != 0;

          if (migraine != expected)
            g_error ("definition %c, case %u (%s): expected %s", 'A' + definition, i,
                     cases[i].start, expected ? "a migraine day" : "no migraine day");
        }
    }
}

/* Definition B counts a triptan day as a migraine day; definition A
 * counts a headache relieved by a triptan. */
static void
test_migraine_specific_medication (void)
{
  for (int definition = MD_STATS_DEFINITION_A; definition <= MD_STATS_DEFINITION_B; definition++)
    {
      g_autoptr(MdStatsData) data = md_stats_data_new (at ("2026-06-01T12:00+02:00", NULL));
      g_autoptr(MdStats) stats = NULL;
      MdStatsSettings settings;
      int triptan = md_stats_data_add_medication (data, "Sumatriptan", MD_STATS_CLASS_TRIPTAN, TRUE);
      static const TreatedAttack treated[] = {
        /* relieved: moderate → none at 2 h */
        { "2026-05-02T08:00+02:00", "2026-05-02T10:00+02:00", 2, "2026-05-02T08:00+02:00",
          "2026-05-02T08:00+02:00", 2, "2026-05-02T10:05+02:00", 0 },
        /* not relieved: severe → moderate */
        { "2026-05-04T08:00+02:00", "2026-05-04T10:30+02:00", 3, "2026-05-04T08:00+02:00",
          "2026-05-04T08:00+02:00", 3, "2026-05-04T10:00+02:00", 2 },
      };

      md_stats_settings_init_default (&settings);
      settings.definition = definition;
      for (guint i = 0; i < G_N_ELEMENTS (treated); i++)
        add_treated_attack (data, triptan, &treated[i]);
      stats = compute (data, &settings, "2026-05-01", "2026-05-31");

      g_assert_cmpint (stats->total.migraine_specific, ==, 2);
      g_assert_cmpint (stats->total.acute, ==, 2);
      g_assert_cmpint (stats->total.class_days[MD_STATS_CLASS_TRIPTAN], ==, 2);
      if (definition == MD_STATS_DEFINITION_A)
        {
          g_assert_true (md_stats_get_day (stats, day ("2026-05-02"))->flags & MD_STATS_DAY_MIGRAINE);
          g_assert_false (md_stats_get_day (stats, day ("2026-05-04"))->flags & MD_STATS_DAY_MIGRAINE);
          g_assert_cmpint (stats->total.migraine, ==, 1);
        }
      else
        g_assert_cmpint (stats->total.migraine, ==, 2);
    }
}

/* Pain-free at 2 h, split by pain at dose; relief only at moderate or
 * severe; missing 2-hour data is missing; a rescue before 2 h fails. */
static void
test_acute_response (void)
{
  g_autoptr(MdStatsData) data = md_stats_data_new (at ("2026-07-01T12:00+02:00", NULL));
  g_autoptr(MdStats) stats = NULL;
  int triptan = md_stats_data_add_medication (data, "Sumatriptan", MD_STATS_CLASS_TRIPTAN, TRUE);
  int nsaid = md_stats_data_add_medication (data, "Ibuprofen", MD_STATS_CLASS_NON_OPIOID, TRUE);
  int oral_mg = md_stats_data_add_medication (data, "Magnesium", MD_STATS_CLASS_MAGNESIUM_ORAL, FALSE);
  const MdStatsMedicationResponse *m;
  static const TreatedAttack treated[] = {
    /* 0: at mild pain, pain-free at 2 h (reading 10 min off: within ±20) */
    { "2026-06-01T08:00+02:00", "2026-06-01T10:30+02:00", 1, "2026-06-01T08:05+02:00",
      "2026-06-01T08:00+02:00", 1, "2026-06-01T10:15+02:00", 0 },
    /* 1: at severe pain, mild at 2 h: relief, not pain-free */
    { "2026-06-05T08:00+02:00", "2026-06-05T12:00+02:00", 3, "2026-06-05T08:00+02:00",
      "2026-06-05T08:00+02:00", 3, "2026-06-05T10:00+02:00", 1 },
    /* 2: missing 2-hour reading (the one at 2 h 30 min is too late) */
    { "2026-06-10T08:00+02:00", "2026-06-10T12:00+02:00", 2, "2026-06-10T08:00+02:00",
      "2026-06-10T08:00+02:00", 2, "2026-06-10T10:30+02:00", 0 },
    /* 5: moderate → none, then pain again at +10 h (below): recurrence */
    { "2026-06-20T08:00+02:00", "2026-06-20T20:00+02:00", 2, "2026-06-20T08:00+02:00",
      "2026-06-20T08:00+02:00", 2, "2026-06-20T10:00+02:00", 0 },
  };
  int a;

  for (guint i = 0; i < 3; i++)
    add_treated_attack (data, triptan, &treated[i]);
  /* 3 and 4: moderate, ibuprofen as rescue at 1 h, none at 2 h: the
   * triptan fails; the ibuprofen's own 2-hour reading is missing */
  a = add_attack (data, "2026-06-15T08:00+02:00", "2026-06-15T10:00+02:00", 2, 0);
  add_dose (data, triptan, a, "2026-06-15T08:00+02:00");
  add_dose (data, nsaid, a, "2026-06-15T09:00+02:00");
  add_reading (data, a, "2026-06-15T08:00+02:00", 2);
  add_reading (data, a, "2026-06-15T10:00+02:00", 0);
  /* a preventive dose is not an acute dose */
  add_dose (data, oral_mg, -1, "2026-06-15T08:00+02:00");
  a = add_treated_attack (data, triptan, &treated[3]);
  add_reading (data, a, "2026-06-20T18:00+02:00", 2);

  stats = compute (data, NULL, "2026-06-01", "2026-06-30");
  g_assert_cmpuint (stats->responses->len, ==, 6);

  g_assert_cmpint (response_of (stats, 0)->pain_at_dose, ==, 1);
  g_assert_cmpint (response_of (stats, 0)->pain_free_2h, ==, 1);
  g_assert_cmpint (response_of (stats, 0)->relief_2h, ==, -1);
  g_assert_cmpint (response_of (stats, 0)->sustained_24h, ==, 1);
  g_assert_cmpint (response_of (stats, 0)->recurrence, ==, 0);
  g_assert_cmpint (response_of (stats, 1)->pain_free_2h, ==, 0);
  g_assert_cmpint (response_of (stats, 1)->relief_2h, ==, 1);
  g_assert_cmpint (response_of (stats, 1)->recurrence, ==, -1);
  g_assert_cmpint (response_of (stats, 2)->pain_2h, ==, -1);
  g_assert_cmpint (response_of (stats, 2)->pain_free_2h, ==, -1);
  g_assert_cmpint (response_of (stats, 2)->relief_2h, ==, -1);
  g_assert_true (response_of (stats, 3)->rescue_before_2h);
  g_assert_cmpint (response_of (stats, 3)->pain_free_2h, ==, 0);
  g_assert_cmpint (response_of (stats, 3)->relief_2h, ==, 0);
  g_assert_false (response_of (stats, 4)->rescue_before_2h);
  g_assert_cmpint (response_of (stats, 4)->pain_free_2h, ==, -1);
  g_assert_cmpint (response_of (stats, 5)->pain_free_2h, ==, 1);
  g_assert_cmpint (response_of (stats, 5)->recurrence, ==, 1);
  g_assert_cmpint (response_of (stats, 5)->recurrence_after, ==, 10 * 3600);
  g_assert_cmpint (response_of (stats, 5)->sustained_24h, ==, 0);

  /* Per medication: the triptan had 5 doses, 4 with a 2-hour outcome,
   * pain-free in 2 (doses 0 and 5). */
  g_assert_cmpuint (stats->medications->len, ==, 2);
  m = &g_array_index (stats->medications, MdStatsMedicationResponse, 0);
  g_assert_cmpint (m->medication, ==, triptan);
  g_assert_cmpint (m->n_doses, ==, 5);
  g_assert_cmpint (m->pain_free_2h.n, ==, 4);
  g_assert_cmpint (m->pain_free_2h.successes, ==, 2);
  g_assert_cmpint (m->pain_free_2h_mild.n, ==, 1);
  g_assert_cmpint (m->pain_free_2h_mild.successes, ==, 1);
  g_assert_cmpint (m->pain_free_2h_moderate_severe.n, ==, 3);
  g_assert_cmpint (m->pain_free_2h_moderate_severe.successes, ==, 1);
  /* relief: doses 1 (yes), 3 (rescue: no), 5 (yes); 2 is missing */
  g_assert_cmpint (m->relief_2h.n, ==, 3);
  g_assert_cmpint (m->relief_2h.successes, ==, 2);
  g_assert_cmpint (m->recurrence.n, ==, 2);
  g_assert_cmpint (m->recurrence.successes, ==, 1);
  g_assert_cmpfloat_with_epsilon (m->median_recurrence_hours, 10.0, 1e-9);
  g_assert_cmpint (m->rescue.successes, ==, 1);
  g_assert_cmpint (m->rescue.n, ==, 5);
  /* 2 of 4 → 50% (15.0–85.0%) */
  g_assert_cmpfloat_with_epsilon (m->pain_free_2h.low, 0.1500, 5e-4);
  g_assert_cmpfloat_with_epsilon (m->pain_free_2h.high, 0.8500, 5e-4);
}

/* The most bothersome symptom chosen at dose time, absent at 2 h. */
static void
test_most_bothersome_symptom (void)
{
  g_autoptr(MdStatsData) data = md_stats_data_new (at ("2026-07-01T12:00+02:00", NULL));
  g_autoptr(MdStats) stats = NULL;
  int triptan = md_stats_data_add_medication (data, "Rizatriptan", MD_STATS_CLASS_TRIPTAN, TRUE);
  MdStatsDose d = { 0 };
  int a;

  a = add_attack (data, "2026-06-01T08:00+02:00", "2026-06-01T11:00+02:00", 2, 0);
  d.medication = triptan;
  d.attack = a;
  d.taken = at ("2026-06-01T08:00+02:00", &d.taken_offset);
  d.most_bothersome = (char *) "photophobia";
  md_stats_data_add_dose (data, &d);
  md_stats_data_add_reading (data, a, at ("2026-06-01T10:00+02:00", NULL), 1, 0);
  stats = compute (data, NULL, "2026-06-01", "2026-06-30");

  g_assert_cmpint (response_of (stats, 0)->mbs_free_2h, ==, 1);
  g_assert_cmpint (response_of (stats, 0)->pain_free_2h, ==, 0);
}

typedef struct
{
  const char   *what;
  int           headache_days;
  MdStatsClass  classes[3];
  int           class_days[3];
  gboolean      overuse;
} OveruseCase;

/* ICHD-3 8.2 over one 28-day window; medication days fall on headache
 * days, one class per day. */
static void
test_overuse_patterns (void)
{
  const OveruseCase cases[] = {
    { "triptan 10 days", 15, { MD_STATS_CLASS_TRIPTAN }, { 10 }, TRUE },
    { "triptan 9 days", 15, { MD_STATS_CLASS_TRIPTAN }, { 9 }, FALSE },
    { "triptan 10 days, 14 headache days", 14, { MD_STATS_CLASS_TRIPTAN }, { 10 }, FALSE },
    { "opioid 10 days", 15, { MD_STATS_CLASS_OPIOID }, { 10 }, TRUE },
    /* aspirin + paracetamol + caffeine: a combination analgesic */
    { "combination 10 days", 16, { MD_STATS_CLASS_COMBINATION }, { 10 }, TRUE },
    /* aspirin + paracetamol without caffeine: non-opioid, limit 15 */
    { "non-opioid 14 days", 20, { MD_STATS_CLASS_NON_OPIOID }, { 14 }, FALSE },
    { "non-opioid 15 days", 20, { MD_STATS_CLASS_NON_OPIOID }, { 15 }, TRUE },
    /* 8.2.6: two classes, none over its limit, 10 days together */
    { "triptan 6 + non-opioid 4 days", 15, { MD_STATS_CLASS_TRIPTAN, MD_STATS_CLASS_NON_OPIOID }, { 6, 4 }, TRUE },
    { "triptan 5 + non-opioid 4 days", 15, { MD_STATS_CLASS_TRIPTAN, MD_STATS_CLASS_NON_OPIOID }, { 5, 4 }, FALSE },
    /* gepants and antiemetics are not 8.2 classes */
    { "gepant 9 + antiemetic 5 days", 15, { MD_STATS_CLASS_GEPANT, MD_STATS_CLASS_ANTIEMETIC }, { 9, 5 }, FALSE },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(MdStatsData) data = md_stats_data_new (at ("2026-12-01T12:00+01:00", NULL));
      g_autoptr(MdStats) stats = NULL;
      const MdStatsSpan *window;
      int first = day ("2026-01-05");
      int next = first;
      int total_med_days = 0;

      for (int h = 0; h < cases[c].headache_days; h++)
        {
          g_autofree char *iso = md_stats_day_to_iso (first + h);
          g_autofree char *start = g_strdup_printf ("%sT09:00+01:00", iso);
          g_autofree char *end = g_strdup_printf ("%sT12:00+01:00", iso);

          add_attack (data, start, end, 2, 0);
        }
      for (guint k = 0; k < 3 && cases[c].class_days[k] > 0; k++)
        {
          int med = md_stats_data_add_medication (data, "drug", cases[c].classes[k], TRUE);

          for (int n = 0; n < cases[c].class_days[k]; n++, next++)
            {
              g_autofree char *iso = md_stats_day_to_iso (next);
              g_autofree char *taken = g_strdup_printf ("%sT09:30+01:00", iso);

              add_dose (data, med, -1, taken);
              total_med_days++;
            }
        }
      g_assert_cmpint (total_med_days, <=, cases[c].headache_days);
      /* the rest of the window recorded as headache-free */
      for (int d = first + cases[c].headache_days; d < first + 28; d++)
        md_stats_data_add_day (data, d, MD_STATS_DAY_HEADACHE_FREE, FALSE);
      stats = compute (data, NULL, "2026-01-05", "2026-02-01");

      g_assert_cmpuint (stats->windows->len, ==, 1);
      window = &g_array_index (stats->windows, MdStatsSpan, 0);
      g_assert_cmpint (window->recorded, ==, 28);
      g_assert_false (window->incomplete);
      g_assert_cmpint (window->headache, ==, cases[c].headache_days);
      if (window->overuse != cases[c].overuse)
        g_error ("%s: expected %s", cases[c].what, cases[c].overuse ? "an overuse pattern" : "none");
      g_assert_cmpint (window->early_notice, ==, total_med_days >= 10);
    }
}

/* 15 headache days and 8 migraine days in three consecutive windows. */
static void
test_chronic_pattern (void)
{
  g_autoptr(MdStatsData) data = md_stats_data_new (at ("2026-12-01T12:00+01:00", NULL));
  g_autoptr(MdStats) stats = NULL;
  int first = day ("2026-01-05");
  guint mig = MD_STATS_ATTACK_UNILATERAL | MD_STATS_ATTACK_PULSATING | MD_STATS_ATTACK_NAUSEA;

  for (int w = 0; w < 4; w++)
    for (int h = 0; h < 15; h++)
      {
        g_autofree char *iso = md_stats_day_to_iso (first + 28 * w + h);
        g_autofree char *start = g_strdup_printf ("%sT09:00+01:00", iso);
        g_autofree char *end = g_strdup_printf ("%sT15:00+01:00", iso);

        /* window 2 has only 7 migraine days */
        add_attack (data, start, end, 2, (h < 8 && !(w == 1 && h == 7)) ? mig : 0);
      }
  stats = compute (data, NULL, "2026-01-05", "2026-04-26");

  g_assert_cmpuint (stats->windows->len, ==, 4);
  g_assert_true (g_array_index (stats->windows, MdStatsSpan, 0).chronic);
  g_assert_false (g_array_index (stats->windows, MdStatsSpan, 1).chronic);
  g_assert_cmpint (g_array_index (stats->windows, MdStatsSpan, 1).migraine, ==, 7);
  g_assert_cmpint (stats->chronic_run, ==, 2);
  /* 15 of 28 days recorded: every window incomplete */
  g_assert_true (g_array_index (stats->windows, MdStatsSpan, 0).incomplete);
}

/* Baseline 28 days before the start, evaluation weeks 9–12. */
static void
test_before_after (void)
{
  g_autoptr(MdStatsData) data = md_stats_data_new (at ("2026-12-01T12:00+01:00", NULL));
  g_autoptr(MdStats) stats = NULL;
  MdStatsComparison cmp;
  const MdStatsTreatment *treatment;
  int start = day ("2026-03-01");
  int mg = md_stats_data_add_medication (data, "Magnesium", MD_STATS_CLASS_MAGNESIUM_ORAL, FALSE);
  guint mig = MD_STATS_ATTACK_UNILATERAL | MD_STATS_ATTACK_PULSATING | MD_STATS_ATTACK_NAUSEA;

  md_stats_data_add_course (data, mg, start, G_MAXINT);
  /* baseline: 8 migraine days, the other 20 days headache-free */
  for (int d = start - 28; d < start; d++)
    {
      g_autofree char *iso = md_stats_day_to_iso (d);
      g_autofree char *s = g_strdup_printf ("%sT09:00+01:00", iso);
      g_autofree char *e = g_strdup_printf ("%sT16:00+01:00", iso);

      if ((d - start + 28) % 3 == 0 && (d - start + 28) < 24)
        add_attack (data, s, e, 2, mig);
      else
        md_stats_data_add_day (data, d, MD_STATS_DAY_HEADACHE_FREE, FALSE);
    }
  /* evaluation (days 56–83): 3 migraine days in 21 recorded days */
  for (int d = start + 56; d < start + 84; d++)
    {
      g_autofree char *iso = md_stats_day_to_iso (d);
      g_autofree char *s = g_strdup_printf ("%sT09:00+02:00", iso);
      g_autofree char *e = g_strdup_printf ("%sT16:00+02:00", iso);

      if (d - start - 56 < 3)
        add_attack (data, s, e, 2, mig);
      else if (d - start - 56 < 21)
        md_stats_data_add_day (data, d, MD_STATS_DAY_HEADACHE_FREE, FALSE);
    }
  stats = compute (data, NULL, "2026-01-01", "2026-06-30");

  g_assert_cmpuint (stats->treatments->len, ==, 1);
  treatment = &g_array_index (stats->treatments, MdStatsTreatment, 0);
  g_assert_cmpint (treatment->kind, ==, MD_STATS_TREATMENT_COURSE);
  g_assert_cmpint (treatment->start_day, ==, start);
  g_assert_true (md_stats_compare (stats, treatment, &cmp));

  g_assert_cmpint (cmp.baseline.recorded, ==, 28);
  g_assert_cmpint (cmp.baseline.migraine, ==, 8);
  g_assert_cmpfloat_with_epsilon (cmp.baseline_rate, 8.0, 1e-9);
  g_assert_cmpint (cmp.evaluation.n_days, ==, 28);
  g_assert_cmpint (cmp.evaluation.recorded, ==, 21);
  g_assert_true (cmp.evaluation.incomplete);
  /* 3 × 28 / 21 = 4.0 per 28 days: −4.0, −50% */
  g_assert_cmpfloat_with_epsilon (cmp.evaluation_rate, 4.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (cmp.change, -4.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (cmp.percent_change, -50.0, 1e-9);
  g_assert_false (cmp.chronic_baseline);
  g_assert_cmpint (cmp.responder_threshold, ==, 50);
  g_assert_true (cmp.responder);
  g_assert_false (cmp.responder_75);
  g_assert_false (cmp.responder_100);
}

/* Why a dose was given decides how it counts (CLINICAL.md): a scheduled
 * infusion on a day recorded "no headache" is not a headache day and not
 * an acute-medication day; the same infusion during an attack is acute.
 * Each case is one day of a small diary, counted by hand. */
static void
test_dose_purpose (void)
{
  const struct {
    const char    *name;
    MdStatsPurpose purpose;
    gboolean       attack;       /* a moderate attack 09:00–15:00, the dose linked to it */
    int            day_status;   /* what the patient recorded for the day */
    guint          flags;        /* expected MdStatsDayFlags */
    int            headache, acute, magnesium_days, responses;
  } cases[] = {
    { "scheduled infusion on a headache-free day", MD_STATS_PURPOSE_PREVENTION, FALSE,
      MD_STATS_DAY_HEADACHE_FREE, MD_STATS_DAY_RECORDED | MD_STATS_DAY_INFUSION, 0, 0, 0, 0 },
    { "scheduled infusion, nothing else recorded", MD_STATS_PURPOSE_PREVENTION, FALSE,
      0, MD_STATS_DAY_RECORDED | MD_STATS_DAY_INFUSION, 0, 0, 0, 0 },
    { "the same infusion during an attack", MD_STATS_PURPOSE_ACUTE, TRUE, 0,
      MD_STATS_DAY_RECORDED | MD_STATS_DAY_INFUSION | MD_STATS_DAY_IS_HEADACHE |
      MD_STATS_DAY_MODERATE_SEVERE | MD_STATS_DAY_ACUTE_MEDICATION, 1, 1, 1, 1 },
    { "an infusion for a headache with no attack entered", MD_STATS_PURPOSE_ACUTE, FALSE, 0,
      MD_STATS_DAY_RECORDED | MD_STATS_DAY_INFUSION | MD_STATS_DAY_IS_HEADACHE |
      MD_STATS_DAY_ACUTE_MEDICATION, 1, 1, 1, 1 },
    { "a preventive infusion on a day with an attack", MD_STATS_PURPOSE_PREVENTION, TRUE, 0,
      MD_STATS_DAY_RECORDED | MD_STATS_DAY_INFUSION | MD_STATS_DAY_IS_HEADACHE |
      MD_STATS_DAY_MODERATE_SEVERE, 1, 0, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(MdStatsData) data = md_stats_data_new (at ("2026-06-01T12:00+02:00", NULL));
      g_autoptr(MdStats) stats = NULL;
      int mg = md_stats_data_add_medication (data, "Magnesium sulfate IV 1 g", MD_STATS_CLASS_MAGNESIUM_IV, TRUE);
      MdStatsDose d = { 0 };
      const MdStatsDayInfo *info;

      g_test_message ("case: %s", cases[i].name);
      d.medication = mg;
      d.attack = cases[i].attack
                 ? add_attack (data, "2026-05-12T09:00+02:00", "2026-05-12T15:00+02:00", 2, 0) : -1;
      d.taken = at ("2026-05-12T10:00+02:00", &d.taken_offset);
      d.amount = 1;
      d.infusion = TRUE;
      d.purpose = cases[i].purpose;
      md_stats_data_add_dose (data, &d);
      if (cases[i].day_status != 0)
        md_stats_data_add_day (data, day ("2026-05-12"), cases[i].day_status, FALSE);
      stats = compute (data, NULL, "2026-05-01", "2026-05-28");

      info = md_stats_get_day (stats, day ("2026-05-12"));
      g_assert_cmpuint (info->flags, ==, cases[i].flags);
      g_assert_cmpint (stats->total.recorded, ==, 1);
      g_assert_cmpint (stats->total.headache, ==, cases[i].headache);
      g_assert_cmpint (stats->total.acute, ==, cases[i].acute);
      g_assert_cmpint (stats->total.class_days[MD_STATS_CLASS_MAGNESIUM_IV], ==, cases[i].magnesium_days);
      g_assert_cmpuint (stats->responses->len, ==, cases[i].responses);
    }
}

/* Preventive doses never reach the overuse thresholds, and are no rescue
 * for an acute dose taken before them. */
static void
test_prevention_is_not_overuse_or_rescue (void)
{
  g_autoptr(MdStatsData) data = md_stats_data_new (at ("2026-06-01T12:00+02:00", NULL));
  g_autoptr(MdStats) stats = NULL;
  int triptan = md_stats_data_add_medication (data, "Sumatriptan", MD_STATS_CLASS_TRIPTAN, TRUE);
  int mg = md_stats_data_add_medication (data, "Magnesium sulfate IV 1 g", MD_STATS_CLASS_MAGNESIUM_IV, TRUE);
  const MdStatsDoseResponse *r;

  /* 20 days of an acute-class medication given as prevention, each with
   * a recorded headache (15 headache days would meet 8.2 with acute use) */
  for (int k = 0; k < 20; k++)
    {
      MdStatsDose d = { 0 };
      g_autofree char *iso = md_stats_day_to_iso (day ("2026-05-01") + k);
      g_autofree char *taken = g_strdup_printf ("%sT08:00+02:00", iso);

      d.medication = triptan;
      d.attack = -1;
      d.taken = at (taken, &d.taken_offset);
      d.amount = 1;
      d.purpose = MD_STATS_PURPOSE_PREVENTION;
      md_stats_data_add_dose (data, &d);
      md_stats_data_add_day (data, day ("2026-05-01") + k, MD_STATS_DAY_HEADACHE, FALSE);
    }
  /* an acute triptan at 08:00 on 22 May, an infusion as prevention an hour later */
  add_treated_attack (data, triptan,
                      &(const TreatedAttack) { "2026-05-22T07:30+02:00", "2026-05-22T09:30+02:00", 2,
                                               "2026-05-22T08:00+02:00", "2026-05-22T08:00+02:00", 2,
                                               "2026-05-22T10:00+02:00", 0 });
  {
    MdStatsDose d = { 0 };

    d.medication = mg;
    d.attack = -1;
    d.taken = at ("2026-05-22T09:00+02:00", &d.taken_offset);
    d.amount = 1;
    d.infusion = TRUE;
    d.purpose = MD_STATS_PURPOSE_PREVENTION;
    md_stats_data_add_dose (data, &d);
  }
  stats = compute (data, NULL, "2026-05-01", "2026-05-28");

  g_assert_cmpuint (stats->windows->len, ==, 1);
  g_assert_cmpint (g_array_index (stats->windows, MdStatsSpan, 0).headache, ==, 21);
  g_assert_cmpint (g_array_index (stats->windows, MdStatsSpan, 0).acute, ==, 1);
  g_assert_cmpint (g_array_index (stats->windows, MdStatsSpan, 0).class_days[MD_STATS_CLASS_TRIPTAN], ==, 1);
  g_assert_false (g_array_index (stats->windows, MdStatsSpan, 0).overuse);
  g_assert_false (g_array_index (stats->windows, MdStatsSpan, 0).early_notice);
  g_assert_cmpint (stats->overuse_run, ==, 0);
  /* one response: the acute triptan, pain-free at 2 h, no rescue */
  g_assert_cmpuint (stats->responses->len, ==, 1);
  r = response_of (stats, 0);
  g_assert_false (r->rescue_before_2h);
  g_assert_false (r->rescue);
  g_assert_cmpint (r->pain_free_2h, ==, 1);
}

static void
add_infusion (MdStatsData    *data,
              int             medication,
              int             attack,
              const char     *taken,
              MdStatsPurpose  purpose)
{
  MdStatsDose d = { 0 };

  d.medication = medication;
  d.attack = attack;
  d.taken = at (taken, &d.taken_offset);
  d.amount = 1;
  d.infusion = TRUE;
  d.purpose = purpose;
  md_stats_data_add_dose (data, &d);
}

/* The first of a series of preventive IV magnesium infusions is a
 * treatment start; an infusion within six weeks of the last continues the
 * series; an infusion for a headache is no part of it. */
static void
test_infusion_series (void)
{
  g_autoptr(MdStatsData) data = md_stats_data_new (at ("2026-12-01T12:00+01:00", NULL));
  g_autoptr(MdStats) stats = NULL;
  int mg = md_stats_data_add_medication (data, "Magnesium sulfate", MD_STATS_CLASS_MAGNESIUM_IV, TRUE);
  const MdStatsTreatment *t;
  int a;

  add_infusion (data, mg, -1, "2026-02-02T10:00+01:00", MD_STATS_PURPOSE_PREVENTION);
  add_infusion (data, mg, -1, "2026-02-16T10:00+01:00", MD_STATS_PURPOSE_PREVENTION);
  add_infusion (data, mg, -1, "2026-03-02T10:00+01:00", MD_STATS_PURPOSE_PREVENTION);
  /* 35 days later: the same series */
  add_infusion (data, mg, -1, "2026-04-06T10:00+02:00", MD_STATS_PURPOSE_PREVENTION);
  /* for an attack in between: not part of the series, and no new one */
  a = add_attack (data, "2026-05-10T08:00+02:00", "2026-05-10T20:00+02:00", 3, 0);
  add_infusion (data, mg, a, "2026-05-10T12:00+02:00", MD_STATS_PURPOSE_ACUTE);
  /* 56 days after 6 April: a new series */
  add_infusion (data, mg, -1, "2026-06-01T10:00+02:00", MD_STATS_PURPOSE_PREVENTION);
  stats = compute (data, NULL, "2026-01-01", "2026-06-30");

  g_assert_cmpuint (stats->treatments->len, ==, 2);
  t = &g_array_index (stats->treatments, MdStatsTreatment, 0);
  g_assert_cmpint (t->kind, ==, MD_STATS_TREATMENT_INFUSIONS);
  g_assert_cmpint (t->start_day, ==, day ("2026-02-02"));
  g_assert_cmpint (t->end_day, ==, day ("2026-04-06"));
  g_assert_cmpint (t->n_infusions, ==, 4);
  g_assert_cmpint (t->course, ==, -1);
  t = &g_array_index (stats->treatments, MdStatsTreatment, 1);
  g_assert_cmpint (t->start_day, ==, day ("2026-06-01"));
  g_assert_cmpint (t->n_infusions, ==, 1);
}

/* One treatment per row: a course and the infusion series of the same
 * medication given during it are one treatment (IV magnesium 1 g and 2 g
 * are the same medication); a series that starts a few days before its
 * course is that course too, starting at the first infusion; infusions
 * after the course has ended are a treatment of their own; a course of
 * another medication stays apart. */
static void
test_course_and_series_are_one_treatment (void)
{
  g_autoptr(MdStatsData) data = md_stats_data_new (at ("2026-12-01T12:00+01:00", NULL));
  g_autoptr(MdStats) stats = NULL;
  int mg1 = md_stats_data_add_medication (data, "Magnesium sulfate IV 1 g", MD_STATS_CLASS_MAGNESIUM_IV, TRUE);
  int mg2 = md_stats_data_add_medication (data, "Magnesium sulfate IV 2 g", MD_STATS_CLASS_MAGNESIUM_IV, TRUE);
  int lido = md_stats_data_add_medication (data, "Lidocaine IV", MD_STATS_CLASS_OTHER, TRUE);
  int topi = md_stats_data_add_medication (data, "Topiramate", MD_STATS_CLASS_OTHER, FALSE);
  const struct {
    MdStatsTreatmentKind kind;
    int                  medication;
    const char          *start;
    const char          *end;  /* NULL: goes on */
    int                  n_infusions;
  } expected[] = {
    { MD_STATS_TREATMENT_COURSE, mg1, "2026-02-02", "2026-04-30", 3 },
    { MD_STATS_TREATMENT_COURSE, topi, "2026-03-01", NULL, 0 },
    { MD_STATS_TREATMENT_INFUSIONS, mg1, "2026-06-01", "2026-06-29", 2 },
    { MD_STATS_TREATMENT_COURSE, lido, "2026-09-07", "2026-10-31", 2 },
  };

  md_stats_data_add_course (data, mg1, day ("2026-02-02"), day ("2026-04-30"));
  md_stats_data_add_course (data, topi, day ("2026-03-01"), G_MAXINT);
  md_stats_data_add_course (data, lido, day ("2026-09-10"), day ("2026-10-31"));
  add_infusion (data, mg1, -1, "2026-02-02T10:00+01:00", MD_STATS_PURPOSE_PREVENTION);
  add_infusion (data, mg1, -1, "2026-02-16T10:00+01:00", MD_STATS_PURPOSE_PREVENTION);
  add_infusion (data, mg2, -1, "2026-03-02T10:00+01:00", MD_STATS_PURPOSE_PREVENTION);
  add_infusion (data, mg1, -1, "2026-06-01T10:00+02:00", MD_STATS_PURPOSE_PREVENTION);
  add_infusion (data, mg2, -1, "2026-06-29T10:00+02:00", MD_STATS_PURPOSE_PREVENTION);
  add_infusion (data, lido, -1, "2026-09-07T10:00+02:00", MD_STATS_PURPOSE_PREVENTION);
  add_infusion (data, lido, -1, "2026-09-14T10:00+02:00", MD_STATS_PURPOSE_PREVENTION);
  stats = compute (data, NULL, "2026-01-01", "2026-11-30");

  g_assert_cmpuint (stats->treatments->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const MdStatsTreatment *t = &g_array_index (stats->treatments, MdStatsTreatment, i);

      g_test_message ("treatment %u", i);
      g_assert_cmpint (t->kind, ==, expected[i].kind);
      g_assert_cmpint (t->medication, ==, expected[i].medication);
      g_assert_cmpint (t->start_day, ==, day (expected[i].start));
      g_assert_cmpint (t->end_day, ==, expected[i].end != NULL ? day (expected[i].end) : G_MAXINT);
      g_assert_cmpint (t->n_infusions, ==, expected[i].n_infusions);
      g_assert_true ((t->course >= 0) == (expected[i].kind == MD_STATS_TREATMENT_COURSE));
    }
  /* the 2 g infusion of 2 March belongs to the first row, not to the last */
  g_assert_true (md_stats_treatment_has_dose (stats, &g_array_index (stats->treatments, MdStatsTreatment, 0), 2));
  g_assert_false (md_stats_treatment_has_dose (stats, &g_array_index (stats->treatments, MdStatsTreatment, 3), 2));
}

/* Over 72 h with breaks of up to 12 h is one status migrainosus pattern. */
static void
test_status_migrainosus (void)
{
  g_autoptr(MdStatsData) data = md_stats_data_new (at ("2026-12-01T12:00+01:00", NULL));
  g_autoptr(MdStats) stats = NULL;
  MdStatsEpisode *e;

  /* 40 h + 10 h break + 40 h = 90 h */
  add_attack (data, "2026-02-01T08:00+01:00", "2026-02-03T00:00+01:00", 3, 0);
  add_attack (data, "2026-02-03T10:00+01:00", "2026-02-05T02:00+01:00", 3, 0);
  /* 40 h + 13 h break + 40 h: two attacks */
  add_attack (data, "2026-03-01T08:00+01:00", "2026-03-03T00:00+01:00", 3, 0);
  add_attack (data, "2026-03-03T13:00+01:00", "2026-03-05T05:00+01:00", 3, 0);
  /* exactly 72 h is not more than 72 h */
  add_attack (data, "2026-04-01T08:00+02:00", "2026-04-04T08:00+02:00", 3, 0);
  stats = compute (data, NULL, "2026-01-01", "2026-06-30");

  g_assert_cmpuint (stats->status_migrainosus->len, ==, 1);
  e = &g_array_index (stats->status_migrainosus, MdStatsEpisode, 0);
  g_assert_cmpint (e->start_day, ==, day ("2026-02-01"));
  g_assert_cmpfloat_with_epsilon (e->hours, 90.0, 1e-9);
}

/* The new-attack gap: 20 h apart is one attack under 24 h and 48 h;
 * 30 h apart is two under 24 h and one under 48 h. */
static void
test_attack_gap (void)
{
  for (int gap = 24; gap <= 48; gap += 24)
    {
      g_autoptr(MdStatsData) data = md_stats_data_new (at ("2026-12-01T12:00+01:00", NULL));
      g_autoptr(MdStats) stats = NULL;
      MdStatsSettings settings;

      md_stats_settings_init_default (&settings);
      settings.attack_gap_hours = gap;
      add_attack (data, "2026-02-01T08:00+01:00", "2026-02-01T12:00+01:00", 2, 0);
      add_attack (data, "2026-02-02T08:00+01:00", "2026-02-02T12:00+01:00", 2, 0);
      add_attack (data, "2026-02-10T08:00+01:00", "2026-02-10T12:00+01:00", 2, 0);
      add_attack (data, "2026-02-11T18:00+01:00", "2026-02-11T20:00+01:00", 2, 0);
      stats = compute (data, &settings, "2026-02-01", "2026-02-28");

      g_assert_cmpint (stats->total.attacks, ==, gap == 24 ? 3 : 2);
      g_assert_cmpint (stats->total.headache, ==, 4);
    }
}

/* Cycles are counted from day 1 of bleeding; the window is −2…+3. */
static void
test_menstrual_pattern (void)
{
  g_autoptr(MdStatsData) data = md_stats_data_new (at ("2026-12-01T12:00+01:00", NULL));
  g_autoptr(MdStats) stats = NULL;
  const char *day1[] = { "2026-01-10", "2026-02-07", "2026-03-07" };
  guint mig = MD_STATS_ATTACK_UNILATERAL | MD_STATS_ATTACK_PULSATING | MD_STATS_ATTACK_NAUSEA;

  for (guint c = 0; c < G_N_ELEMENTS (day1); c++)
    for (int k = 0; k < 4; k++)
      md_stats_data_add_day (data, day (day1[c]) + k, MD_STATS_DAY_HEADACHE_FREE, TRUE);
  /* migraine on day −1 of cycle 1 and on day +3 of cycle 2; day +4 of
   * cycle 3 is outside the window */
  add_attack (data, "2026-01-09T08:00+01:00", "2026-01-09T18:00+01:00", 2, mig);
  add_attack (data, "2026-02-09T08:00+01:00", "2026-02-09T18:00+01:00", 2, mig);
  add_attack (data, "2026-03-10T08:00+01:00", "2026-03-10T18:00+01:00", 2, mig);
  stats = compute (data, NULL, "2026-01-01", "2026-03-31");

  g_assert_cmpint (stats->cycles, ==, 3);
  g_assert_cmpint (stats->cycles_with_migraine, ==, 2);
  /* recorded perimenstrual days: cycle 1: −1, 1, 2, 3 (day −2 untracked);
   * cycle 2: 1, 2, 3; cycle 3: 1, 2, 3 */
  g_assert_cmpint (stats->perimenstrual_recorded, ==, 10);
  g_assert_cmpint (stats->perimenstrual_migraine, ==, 2);
  /* outside: day 4 of each cycle */
  g_assert_cmpint (stats->other_recorded, ==, 3);
  g_assert_cmpint (stats->other_migraine, ==, 1);
}

/* Windows are 28 days from the first day; months follow the calendar. */
static void
test_windows_and_months (void)
{
  g_autoptr(MdStatsData) data = md_stats_data_new (at ("2026-12-01T12:00+01:00", NULL));
  g_autoptr(MdStats) stats = NULL;

  add_attack (data, "2026-01-31T08:00+01:00", "2026-01-31T12:00+01:00", 2, 0);
  add_attack (data, "2026-02-01T08:00+01:00", "2026-02-01T12:00+01:00", 2, 0);
  stats = compute (data, NULL, "2026-01-01", "2026-03-31");

  g_assert_cmpuint (stats->windows->len, ==, 4); /* 28 + 28 + 28 + 6 */
  g_assert_cmpint (g_array_index (stats->windows, MdStatsSpan, 3).n_days, ==, 6);
  g_assert_cmpint (g_array_index (stats->windows, MdStatsSpan, 1).headache, ==, 2);
  g_assert_cmpuint (stats->months->len, ==, 3);
  g_assert_cmpint (g_array_index (stats->months, MdStatsSpan, 0).headache, ==, 1);
  g_assert_cmpint (g_array_index (stats->months, MdStatsSpan, 1).n_days, ==, 28);
  g_assert_cmpint (g_array_index (stats->months, MdStatsSpan, 1).headache, ==, 1);
}

/* The loader reads a real diary on its own connection. */
static void
test_load_diary (void)
{
  g_autofree char *path = md_test_temp_path ("diary.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDiary) diary = md_diary_open (path, &error);
  g_autoptr(MdAttack) attack = md_attack_new ();
  g_autoptr(MdDay) free_day = md_day_new ();
  g_autoptr(MdDose) infusion = md_dose_new ();
  g_autoptr(MdPreventiveCourse) course = md_preventive_course_new ();
  g_autoptr(MdStatsData) data = NULL;
  g_autoptr(MdStats) stats = NULL;
  const MdStatsAttack *a;
  const MdStatsDose *dose;

  g_assert_no_error (error);
  attack->start = at ("2026-03-10T22:00+01:00", &attack->start_offset);
  attack->end = at ("2026-03-11T03:00+01:00", &attack->end_offset);
  attack->peak_pain = 3;
  attack->peak_nrs = 8;
  attack->side = g_strdup ("left");
  attack->quality = g_strdup ("pulsating");
  g_strfreev (attack->symptoms);
  attack->symptoms = g_strsplit ("nausea,photophobia", ",", -1);
  g_assert_true (md_diary_save_attack (diary, attack, &error));
  /* a scheduled infusion at the clinic on the headache-free day */
  infusion->medication_uuid = g_strdup ("preset-magnesium-sulfate-iv-1g");
  infusion->taken = at ("2026-03-12T10:00+01:00", &infusion->taken_offset);
  infusion->amount = 1;
  infusion->unit = g_strdup ("g");
  infusion->route = g_strdup ("iv");
  infusion->setting = g_strdup ("clinic");
  infusion->cost = 35.5;
  g_assert_true (md_diary_save_dose (diary, infusion, &error));
  course->medication_uuid = g_strdup ("preset-topiramate-50mg");
  course->start_date = g_strdup ("2026-01-05");
  course->end_date = g_strdup ("2026-02-20");
  course->end_reason = g_strdup ("side-effects");
  course->end_reason_notes = g_strdup ("tingling");
  g_assert_true (md_diary_save_preventive_course (diary, course, &error));
  free_day->date = g_strdup ("2026-03-12");
  free_day->status = g_strdup ("headache-free");
  g_assert_true (md_diary_save_day (diary, free_day, &error));
  g_assert_no_error (error);

  data = md_stats_data_load (path, at ("2026-04-01T12:00+02:00", NULL), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (data->attacks->len, ==, 1);
  g_assert_cmpuint (data->days->len, ==, 1);
  g_assert_cmpuint (data->medications->len, >, 0); /* the presets */
  a = &g_array_index (data->attacks, MdStatsAttack, 0);
  g_assert_cmpint (a->start_day, ==, day ("2026-03-10"));
  g_assert_cmpint (a->end_day, ==, day ("2026-03-11"));
  g_assert_cmpuint (a->features, ==, MD_STATS_ATTACK_UNILATERAL | MD_STATS_ATTACK_PULSATING |
                                     MD_STATS_ATTACK_NAUSEA | MD_STATS_ATTACK_PHOTOPHOBIA);
  g_assert_cmpint (data->first_day, ==, day ("2026-03-10"));
  g_assert_cmpint (data->last_day, ==, day ("2026-03-12"));
  g_assert_cmpuint (data->doses->len, ==, 1);
  dose = &g_array_index (data->doses, MdStatsDose, 0);
  g_assert_cmpint (dose->purpose, ==, MD_STATS_PURPOSE_PREVENTION);
  g_assert_true (dose->infusion);
  g_assert_true (dose->clinic);
  g_assert_cmpfloat (dose->cost, ==, 35.5);
  g_assert_true (a->has_nrs);
  g_assert_cmpint (a->peak_nrs, ==, 8);
  g_assert_cmpuint (data->courses->len, ==, 1);
  g_assert_cmpstr (g_array_index (data->courses, MdStatsCourse, 0).end_reason, ==, "side-effects");
  g_assert_cmpstr (g_array_index (data->courses, MdStatsCourse, 0).end_reason_notes, ==, "tingling");
  /* 10–11 March: headache; 12 March stays headache-free, with its infusion mark */
  stats = compute (data, NULL, "2026-03-10", "2026-03-12");
  g_assert_cmpint (stats->total.recorded, ==, 3);
  g_assert_cmpint (stats->total.headache, ==, 2);
  g_assert_cmpint (stats->total.acute, ==, 0);
  g_assert_cmpuint (md_stats_get_day (stats, day ("2026-03-12"))->flags, ==,
                    MD_STATS_DAY_RECORDED | MD_STATS_DAY_INFUSION);
  g_clear_pointer (&stats, md_stats_free);

  md_stats_data_unref (g_steal_pointer (&data));
  data = md_stats_data_load ("/nonexistent/diary.db", 0, &error);
  g_assert_null (data);
  g_assert_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_IO);
}

/* The one rule for "pain at dose time" and "pain at 2 h": nearest within
 * the window, the window's edge included, the first of two as near. */
static void
test_nearest_time_rule (void)
{
  const gint64 dose = 1000000;
  const gint64 times[] = { dose - 601, dose + 600, dose + 7200 + 1200, dose + 7200 - 1200 };

  g_assert_cmpint (md_stats_nearest_time (times, 4, sizeof (gint64), dose, MD_STATS_AT_DOSE_WINDOW), ==, 1);
  g_assert_cmpint (md_stats_nearest_time (times, 1, sizeof (gint64), dose, MD_STATS_AT_DOSE_WINDOW), ==, -1);
  g_assert_cmpint (md_stats_nearest_time (times, 4, sizeof (gint64), dose + 7200, MD_STATS_AT_2H_WINDOW), ==, 2);
  g_assert_cmpint (md_stats_nearest_time (times, 0, sizeof (gint64), dose, MD_STATS_AT_DOSE_WINDOW), ==, -1);
  {
    const gint64 late[] = { dose + 7200 + 1201 };

    g_assert_cmpint (md_stats_nearest_time (late, 1, sizeof (gint64), dose + 7200, MD_STATS_AT_2H_WINDOW), ==, -1);
  }
}

int
main (int   argc,
      char *argv[])
{
  md_test_init (&argc, &argv);

  g_test_add_func ("/md/stats/days-and-dates", test_days_and_dates);
  g_test_add_func ("/md/stats/wilson", test_wilson);
  g_test_add_func ("/md/stats/attack-over-midnight", test_attack_over_midnight);
  g_test_add_func ("/md/stats/dst-days", test_dst_days);
  g_test_add_func ("/md/stats/migraine-definitions", test_migraine_definitions);
  g_test_add_func ("/md/stats/migraine-specific-medication", test_migraine_specific_medication);
  g_test_add_func ("/md/stats/acute-response", test_acute_response);
  g_test_add_func ("/md/stats/most-bothersome-symptom", test_most_bothersome_symptom);
  g_test_add_func ("/md/stats/overuse-patterns", test_overuse_patterns);
  g_test_add_func ("/md/stats/chronic-pattern", test_chronic_pattern);
  g_test_add_func ("/md/stats/before-after", test_before_after);
  g_test_add_func ("/md/stats/dose-purpose", test_dose_purpose);
  g_test_add_func ("/md/stats/prevention-not-overuse-or-rescue", test_prevention_is_not_overuse_or_rescue);
  g_test_add_func ("/md/stats/infusion-series", test_infusion_series);
  g_test_add_func ("/md/stats/course-and-series", test_course_and_series_are_one_treatment);
  g_test_add_func ("/md/stats/status-migrainosus", test_status_migrainosus);
  g_test_add_func ("/md/stats/attack-gap", test_attack_gap);
  g_test_add_func ("/md/stats/menstrual-pattern", test_menstrual_pattern);
  g_test_add_func ("/md/stats/windows-and-months", test_windows_and_months);
  g_test_add_func ("/md/stats/load-diary", test_load_diary);

  g_test_add_func ("/md/stats/nearest-time-rule", test_nearest_time_rule);

  return g_test_run ();
}
