/* md-stats-compare.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Treatments and what they changed: preventive courses and infusion
 * series as one row per treatment, and the comparison of a baseline
 * before each with an evaluation window after it (primary outcome,
 * responder rates, attack summaries).
 */

#define G_LOG_DOMAIN "md-stats"

#include "config.h"

#include <math.h>
#include <string.h>

#include "md-stats-private.h"

/* "The same medication" for a treatment: one class for the classes
 * that name a product (IV magnesium 1 g and 2 g are one treatment), the
 * medication itself for "other". */
static int
treatment_group (MdStatsData *data,
                 int          medication)
{
  MdStatsClass klass = g_array_index (data->medications, MdStatsMedication, medication).klass;

  return klass != MD_STATS_CLASS_OTHER ? (int) klass : MD_STATS_N_CLASSES + medication;
}

static gboolean
is_preventive_infusion (MdStatsData       *data,
                        const MdStatsDose *dose)
{
  return dose->infusion && !md_stats_data_dose_is_acute (data, dose);
}

static int
compare_treatments (gconstpointer a,
                    gconstpointer b)
{
  const MdStatsTreatment *x = a, *y = b;

  if (x->start_day != y->start_day)
    return x->start_day - y->start_day;
  return x->kind - y->kind;
}

/* One treatment per row. A series is the preventive infusions (given as
 * prevention, not for a headache) of one medication until six weeks pass
 * without one (SERIES_GAP_DAYS). A series whose days overlap a preventive
 * course of the same medication is that course: the row starts at
 * whichever came first. */
void
_md_stats_find_treatments (MdStats *self)
{
  MdStatsData *data = self->data;
  g_autoptr(GArray) series = g_array_new (FALSE, FALSE, sizeof (MdStatsTreatment));
  int n_groups = MD_STATS_N_CLASSES + (int) data->medications->len;
  g_autofree int *open = g_new (int, n_groups);

  for (int g = 0; g < n_groups; g++)
    open[g] = -1;

  for (guint i = 0; i < data->doses->len; i++)
    {
      const MdStatsDose *dose = dose_at (data, i);
      int g;

      if (!is_preventive_infusion (data, dose))
        continue;
      g = treatment_group (data, dose->medication);
      if (open[g] >= 0 && dose->day - g_array_index (series, MdStatsTreatment, open[g]).end_day <= SERIES_GAP_DAYS)
        {
          MdStatsTreatment *t = &g_array_index (series, MdStatsTreatment, open[g]);

          t->end_day = dose->day;
          t->n_infusions++;
        }
      else
        {
          MdStatsTreatment t = { MD_STATS_TREATMENT_INFUSIONS, dose->medication, dose->day,
                                 -1, 1, (int) i, dose->day };

          open[g] = (int) series->len;
          g_array_append_val (series, t);
        }
    }

  self->treatments = g_array_new (FALSE, FALSE, sizeof (MdStatsTreatment));
  for (guint i = 0; i < data->courses->len; i++)
    {
      const MdStatsCourse *c = &g_array_index (data->courses, MdStatsCourse, i);
      MdStatsTreatment t = { MD_STATS_TREATMENT_COURSE, c->medication, c->start_day,
                             (int) i, 0, -1, c->end_day };

      g_array_append_val (self->treatments, t);
    }

  for (guint s = 0; s < series->len; s++)
    {
      const MdStatsTreatment *one = &g_array_index (series, MdStatsTreatment, s);
      int g = treatment_group (data, one->medication);
      MdStatsTreatment *course = NULL;

      for (guint i = 0; i < data->courses->len && course == NULL; i++)
        {
          MdStatsTreatment *t = &g_array_index (self->treatments, MdStatsTreatment, i);
          const MdStatsCourse *c = &g_array_index (data->courses, MdStatsCourse, i);

          if (treatment_group (data, c->medication) == g &&
              one->start_day <= c->end_day &&
              one->end_day >= c->start_day)
            course = t;
        }

      if (course == NULL)
        {
          g_array_append_val (self->treatments, *one);
          continue;
        }

      course->n_infusions += one->n_infusions;
      if (course->first_infusion < 0)
        course->first_infusion = one->first_infusion;
      course->start_day = MIN (course->start_day, one->start_day);
      if (course->end_day != G_MAXINT)
        course->end_day = MAX (course->end_day, one->end_day);
    }

  g_array_sort (self->treatments, compare_treatments);
}

/**
 * md_stats_treatment_has_dose:
 *
 * Whether @dose (an index into data->doses) was given as part of
 * @treatment: a preventive dose of its medication within its days.
 */
gboolean
md_stats_treatment_has_dose (const MdStats          *self,
                             const MdStatsTreatment *treatment,
                             int                     dose)
{
  MdStatsData *data = self->data;
  const MdStatsDose *d = dose_at (data, dose);

  return !md_stats_data_dose_is_acute (data, d) &&
         treatment_group (data, d->medication) == treatment_group (data, treatment->medication) &&
         d->day >= treatment->start_day && d->day <= treatment->end_day;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Peak pain and duration of the attacks that started in [first, last]. */
static void
summarize_attacks (MdStatsData          *data,
                   int                   first,
                   int                   last,
                   MdStatsAttackSummary *out)
{
  g_autoptr(GArray) hours = g_array_new (FALSE, FALSE, sizeof (double));
  int pain = 0, nrs = 0;

  memset (out, 0, sizeof *out);
  for (guint i = 0; i < data->attacks->len; i++)
    {
      const MdStatsAttack *a = attack_at (data, i);

      if (a->start_day < first || a->start_day > last)
        continue;
      out->n++;
      pain += a->peak_pain;
      if (a->has_nrs)
        {
          out->n_nrs++;
          nrs += a->peak_nrs;
        }
      if (a->end != 0)
        {
          double h = (a->end - a->start) / (double) HOUR;

          g_array_append_val (hours, h);
        }
    }

  out->mean_pain = out->n > 0 ? (double) pain / out->n : NAN;
  out->mean_nrs = out->n_nrs > 0 ? (double) nrs / out->n_nrs : NAN;
  out->n_ended = (int) hours->len;
  if (hours->len == 0)
    out->median_hours = NAN;
  else
    {
      g_array_sort (hours, compare_doubles);
      out->median_hours = hours->len % 2
                          ? g_array_index (hours, double, hours->len / 2)
                          : (g_array_index (hours, double, hours->len / 2 - 1) +
                             g_array_index (hours, double, hours->len / 2)) / 2;
    }
}

gboolean
md_stats_compare (const MdStats          *self,
                  const MdStatsTreatment *treatment,
                  MdStatsComparison      *out)
{
  const MdStatsReal *real = (const MdStatsReal *) self;
  int base_first = treatment->start_day - self->settings.baseline_days;
  int eval_first = treatment->start_day + 7 * (self->settings.evaluation_first_week - 1);
  int eval_last = treatment->start_day + 7 * self->settings.evaluation_last_week - 1;
  int n = eval_last - base_first + 1;
  g_autofree MdStatsDayInfo *infos = g_new (MdStatsDayInfo, n);
  double headache_rate;

  memset (out, 0, sizeof *out);
  out->treatment = *treatment;

  _md_stats_classify_days (self->data, &self->settings, real->all_responses, base_first, eval_last, infos);
  _md_stats_count_infos (infos, base_first, base_first, self->settings.baseline_days, real->episodes, &out->baseline);
  _md_stats_count_infos (infos, base_first, eval_first, eval_last - eval_first + 1, real->episodes, &out->evaluation);

  summarize_attacks (self->data, base_first, treatment->start_day - 1, &out->baseline_attacks);
  summarize_attacks (self->data, eval_first, eval_last, &out->evaluation_attacks);

  out->baseline_rate = md_stats_span_rate (&out->baseline, out->baseline.migraine);
  out->evaluation_rate = md_stats_span_rate (&out->evaluation, out->evaluation.migraine);
  out->change = out->evaluation_rate - out->baseline_rate;
  out->percent_change = out->baseline_rate > 0 ? 100.0 * out->change / out->baseline_rate : NAN;
  out->evaluable = out->baseline.recorded > 0 && out->evaluation.recorded > 0 &&
                   eval_last < md_stats_day_today (self->data->now);

  headache_rate = md_stats_span_rate (&out->baseline, out->baseline.headache);
  out->chronic_baseline = headache_rate >= 15 && out->baseline_rate >= 8;
  out->responder_threshold = out->chronic_baseline ? 30 : 50;
  if (out->evaluable && out->baseline.migraine > 0)
    {
      /* Decided in integers: rates over different recorded days would
       * otherwise put an exact 50% reduction a rounding error short.
       * reduction ≥ t%  ⇔  eval × base_rec × 100 ≤ base × eval_rec × (100 − t) */
      gint64 lhs = (gint64) out->evaluation.migraine * out->baseline.recorded * 100;
      gint64 base = (gint64) out->baseline.migraine * out->evaluation.recorded;

      out->responder = lhs <= base * (100 - out->responder_threshold);
      out->responder_75 = lhs <= base * 25;
      out->responder_100 = out->evaluation.migraine == 0;
    }

  return out->evaluable;
}
