/* md-stats.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Implements ../shared/CLINICAL.md. Where the definitions leave a choice
 * open, the choice is written beside the code that makes it, and the report
 * prints the settings it used.
 *
 * This file: the settings, the classification of each day, its counts in
 * 28-day windows and calendar months, and the patterns over days (status
 * migrainosus, menstrual). The response to acute doses is in
 * md-stats-acute.c; treatments and before/after, in md-stats-compare.c.
 */

#define G_LOG_DOMAIN "md-stats"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "md-stats-private.h"

void
md_stats_settings_init_default (MdStatsSettings *settings)
{
  settings->definition = MD_STATS_DEFINITION_A;
  settings->min_duration_minutes = 0;
  settings->baseline_days = 28;
  settings->evaluation_first_week = 9;
  settings->evaluation_last_week = 12;
  settings->attack_gap_hours = 24;
}

/* Reads the Preferences → Statistics keys of the application schema. */
void
md_stats_settings_load (MdStatsSettings *settings,
                        GSettings       *gsettings)
{
  static const int windows[][2] = { { 9, 12 }, { 5, 8 }, { 1, 4 }, { 13, 24 } };
  int window = CLAMP (g_settings_get_enum (gsettings, "evaluation-window"), 0, 3);
  int minutes = g_settings_get_int (gsettings, "minimum-headache-minutes");

  md_stats_settings_init_default (settings);
  settings->definition = g_settings_get_enum (gsettings, "migraine-definition") == 1
                         ? MD_STATS_DEFINITION_B : MD_STATS_DEFINITION_A;
  settings->min_duration_minutes = minutes >= 240 ? 240 : minutes >= 30 ? 30 : 0;
  settings->baseline_days = g_settings_get_int (gsettings, "baseline-days") >= 90 ? 90 : 28;
  settings->evaluation_first_week = windows[window][0];
  settings->evaluation_last_week = windows[window][1];
  settings->attack_gap_hours = g_settings_get_int (gsettings, "attack-gap-hours") >= 48 ? 48 : 24;
}

/* The definitions in force, one per line, for the report and the
 * Charts view: a number means little without them. */
char *
md_stats_settings_describe (const MdStatsSettings *settings)
{
  GString *text = g_string_new (NULL);

  g_string_append (text, settings->definition == MD_STATS_DEFINITION_A
                   /* Translators: the migraine-day definition printed on the report */
                   ? _("Migraine day (definition A): headache meeting ICHD-3 criteria 1.1 C and D, aura (1.2), probable migraine, or relieved by a triptan or ergot.")
                   : _("Migraine day (definition B): at least 30 minutes with 2 migraine features and 1 associated symptom, aura of 5–60 minutes, or a day with a triptan, ergot, gepant or ditan."));
  g_string_append_c (text, '\n');
  if (settings->min_duration_minutes == 0)
    g_string_append (text, _("Headache day: any headache, or any day with acute medication."));
  else if (settings->min_duration_minutes < 60)
    g_string_append_printf (text, ngettext ("Headache day: headache of at least %d minute, or any day with acute medication.",
                                            "Headache day: headache of at least %d minutes, or any day with acute medication.",
                                            settings->min_duration_minutes),
                            settings->min_duration_minutes);
  else
    g_string_append_printf (text, ngettext ("Headache day: headache of at least %d hour, or any day with acute medication.",
                                            "Headache day: headache of at least %d hours, or any day with acute medication.",
                                            settings->min_duration_minutes / 60),
                            settings->min_duration_minutes / 60);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, ngettext ("Rates per 28 days over recorded days; untracked days are not counted. Baseline: %d day before a treatment; evaluation: weeks %d–%d after it.",
                                          "Rates per 28 days over recorded days; untracked days are not counted. Baseline: %d days before a treatment; evaluation: weeks %d–%d after it.",
                                          settings->baseline_days),
                          settings->baseline_days, settings->evaluation_first_week, settings->evaluation_last_week);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, ngettext ("A new attack starts after %d headache-free hour. Pain at 2 h: the reading nearest 2 h after the dose, within 20 minutes.",
                                          "A new attack starts after %d headache-free hours. Pain at 2 h: the reading nearest 2 h after the dose, within 20 minutes.",
                                          settings->attack_gap_hours),
                          settings->attack_gap_hours);

  return g_string_free (text, FALSE);
}

double
md_stats_span_rate (const MdStatsSpan *span,
                    int                count)
{
  if (span->recorded == 0)
    return NAN;

  return count * 28.0 / span->recorded;
}

/* Wilson score interval, z = 1.96 (95%). */
void
md_stats_rate_init (MdStatsRate *rate,
                    int          successes,
                    int          n)
{
  const double z = 1.959963984540054;
  double p, denom, centre, half;

  rate->successes = successes;
  rate->n = n;
  if (n == 0)
    {
      rate->value = rate->low = rate->high = NAN;
      return;
    }

  p = (double) successes / n;
  denom = 1 + z * z / n;
  centre = (p + z * z / (2.0 * n)) / denom;
  half = z * sqrt (p * (1 - p) / n + z * z / (4.0 * n * n)) / denom;
  rate->value = p;
  rate->low = MAX (0.0, centre - half);
  rate->high = MIN (1.0, centre + half);
}

static gint64
attack_end (MdStatsData         *data,
            const MdStatsAttack *attack)
{
  return attack->end != 0 ? attack->end : MAX (data->now, attack->start);
}

static int
count_bits (guint bits)
{
  int n = 0;

  for (; bits != 0; bits &= bits - 1)
    n++;

  return n;
}

/* Whether one attack makes its days migraine days under @definition. */
static gboolean
attack_is_migraine (MdStatsData           *data,
                    const MdStatsSettings *settings,
                    int                    index,
                    gboolean               treated,
                    gboolean               relieved)
{
  const MdStatsAttack *a = attack_at (data, index);
  gint64 duration = attack_end (data, a) - a->start;
  guint f = a->features;
  int features = count_bits (f & (MD_STATS_ATTACK_UNILATERAL | MD_STATS_ATTACK_PULSATING |
                                  MD_STATS_ATTACK_ACTIVITY)) + (a->peak_pain >= 2);
  gboolean c = features >= 2;
  gboolean aura_5_60 = a->aura && a->aura_minutes >= 5 && a->aura_minutes <= 60;

  if (settings->definition == MD_STATS_DEFINITION_A)
    {
      /* ICHD-3 1.1: B 4–72 h (shorter when treated, as ICHD notes),
       * C ≥2 of 4 features, D nausea/vomiting or light AND sound. Probable
       * migraine (1.5.1) meets all but one of B, C, D. Aura (1.2) counts
       * when its duration is 5–60 min or was not given. */
      gboolean b = (duration >= 4 * HOUR && duration <= 72 * HOUR) ||
                   (treated && duration < 4 * HOUR) ||
                   (a->end == 0 && duration >= 4 * HOUR);
      gboolean d = (f & MD_STATS_ATTACK_NAUSEA) ||
                   ((f & MD_STATS_ATTACK_PHOTOPHOBIA) && (f & MD_STATS_ATTACK_PHONOPHOBIA));
      gboolean aura = a->aura && (a->aura_minutes < 0 || aura_5_60);

      return (b + c + d) >= 2 || aura || relieved;
    }
  else
    {
      /* ≥30 min with ≥2 features and ≥1 associated symptom, or aura 5–60
       * min; the medication rule is applied per day by the caller. */
      gboolean associated = (f & (MD_STATS_ATTACK_NAUSEA | MD_STATS_ATTACK_PHOTOPHOBIA |
                                  MD_STATS_ATTACK_PHONOPHOBIA)) != 0;

      return (duration >= 30 * 60 && c && associated) || aura_5_60;
    }
}

/* Classifies every day in [first, last] into @infos. */
void
_md_stats_classify_days (MdStatsData           *data,
                         const MdStatsSettings *settings,
                         GArray                *all_responses,
                         int                    first,
                         int                    last,
                         MdStatsDayInfo        *infos)
{
  int n = last - first + 1;
  g_autofree gboolean *treated = g_new0 (gboolean, data->attacks->len + 1);
  g_autofree gboolean *relieved = g_new0 (gboolean, data->attacks->len + 1);

  for (int i = 0; i < n; i++)
    {
      infos[i].flags = 0;
      infos[i].peak_pain = -1;
      infos[i].classes = 0;
    }

  if (settings->definition == MD_STATS_DEFINITION_A)
    _md_stats_mark_relieved (data, all_responses, relieved);

  for (guint i = 0; i < data->doses->len; i++)
    {
      const MdStatsDose *dose = dose_at (data, i);
      const MdStatsMedication *med = medication_of (data, dose);
      gboolean acute = md_stats_data_dose_is_acute (data, dose);
      MdStatsDayInfo *info;

      if (acute && dose->attack >= 0)
        treated[dose->attack] = TRUE;
      if (dose->day < first || dose->day > last)
        continue;

      info = &infos[dose->day - first];
      info->flags |= MD_STATS_DAY_RECORDED;
      if (dose->infusion)
        info->flags |= MD_STATS_DAY_INFUSION;
      /* A dose given as prevention (a scheduled infusion, a daily tablet)
       * is an infusion mark and a recorded day, never a headache day: a
       * day recorded "no headache" stays headache-free. */
      if (!acute)
        continue;
      /* Any day with acute medication taken for headache is a headache day. */
      info->flags |= MD_STATS_DAY_ACUTE_MEDICATION | MD_STATS_DAY_IS_HEADACHE;
      info->classes |= 1u << med->klass;
      if (md_stats_class_is_migraine_specific (med->klass))
        {
          info->flags |= MD_STATS_DAY_MIGRAINE_SPECIFIC;
          if (settings->definition == MD_STATS_DEFINITION_B)
            info->flags |= MD_STATS_DAY_MIGRAINE;
        }
    }

  for (guint i = 0; i < data->attacks->len; i++)
    {
      const MdStatsAttack *a = attack_at (data, i);
      gint64 duration;
      gboolean headache, migraine;

      if (a->end_day < first || a->start_day > last)
        continue;

      /* The minimum duration is the attack's, and an attack over midnight
       * counts on each day it touches. */
      duration = attack_end (data, a) - a->start;
      headache = duration >= (gint64) settings->min_duration_minutes * 60;
      migraine = attack_is_migraine (data, settings, i, treated[i], relieved[i]);

      for (int d = MAX (a->start_day, first); d <= MIN (a->end_day, last); d++)
        {
          MdStatsDayInfo *info = &infos[d - first];

          info->flags |= MD_STATS_DAY_RECORDED;
          if (headache)
            {
              info->flags |= MD_STATS_DAY_IS_HEADACHE;
              info->peak_pain = MAX (info->peak_pain, a->peak_pain);
              if (a->peak_pain >= 2)
                info->flags |= MD_STATS_DAY_MODERATE_SEVERE;
            }
          if (migraine)
            info->flags |= MD_STATS_DAY_MIGRAINE;
        }
    }

  for (guint i = 0; i < data->days->len; i++)
    {
      const MdStatsDay *day = &g_array_index (data->days, MdStatsDay, i);
      MdStatsDayInfo *info;

      if (day->day < first || day->day > last)
        continue;

      info = &infos[day->day - first];
      /* A day with only a menstruation mark says nothing about headache:
       * it is not a recorded day. */
      if (day->status != 0)
        info->flags |= MD_STATS_DAY_RECORDED;
      if (day->status == MD_STATS_DAY_HEADACHE)
        info->flags |= MD_STATS_DAY_IS_HEADACHE;
      if (day->menstruation)
        info->flags |= MD_STATS_DAY_MENSTRUATION;
    }

  /* A migraine day is a headache day. */
  for (int i = 0; i < n; i++)
    if (infos[i].flags & MD_STATS_DAY_MIGRAINE)
      infos[i].flags |= MD_STATS_DAY_IS_HEADACHE;
}

/* Attack starts after merging attacks less than the gap apart. */
static GArray *
episode_starts (MdStatsData           *data,
                const MdStatsSettings *settings)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (int));
  gint64 gap = (gint64) settings->attack_gap_hours * HOUR;
  gint64 last_end = G_MININT64;

  for (guint i = 0; i < data->attacks->len; i++)
    {
      const MdStatsAttack *a = attack_at (data, i);

      if (last_end == G_MININT64 || a->start - last_end >= gap)
        g_array_append_val (starts, a->start_day);
      last_end = MAX (last_end, attack_end (data, a));
    }

  return starts;
}

static int
count_in (GArray *sorted_days,
          int     first,
          int     last)
{
  guint lo = 0, hi = sorted_days->len;
  int n = 0;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (sorted_days, int, mid) < first)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint i = lo; i < sorted_days->len && g_array_index (sorted_days, int, i) <= last; i++)
    n++;

  return n;
}

void
_md_stats_count_infos (const MdStatsDayInfo *infos,
                       int                   base,
                       int                   first_day,
                       int                   n_days,
                       GArray               *episodes,
                       MdStatsSpan          *span)
{
  static const MdStatsClass overuse_classes[] = {
    MD_STATS_CLASS_TRIPTAN, MD_STATS_CLASS_ERGOT, MD_STATS_CLASS_OPIOID,
    MD_STATS_CLASS_COMBINATION, MD_STATS_CLASS_NON_OPIOID,
  };
  guint overuse_mask = 0;
  int classes_used = 0;
  gboolean single_over;

  for (guint k = 0; k < G_N_ELEMENTS (overuse_classes); k++)
    overuse_mask |= 1u << overuse_classes[k];

  memset (span, 0, sizeof *span);
  span->first_day = first_day;
  span->n_days = n_days;

  for (int d = first_day; d < first_day + n_days; d++)
    {
      const MdStatsDayInfo *info = &infos[d - base];

      if (info->flags & MD_STATS_DAY_RECORDED)
        span->recorded++;
      if (info->flags & MD_STATS_DAY_IS_HEADACHE)
        span->headache++;
      if (info->flags & MD_STATS_DAY_MIGRAINE)
        span->migraine++;
      if (info->flags & MD_STATS_DAY_MODERATE_SEVERE)
        span->moderate_severe++;
      if (info->flags & MD_STATS_DAY_ACUTE_MEDICATION)
        span->acute++;
      if (info->flags & MD_STATS_DAY_MIGRAINE_SPECIFIC)
        span->migraine_specific++;
      for (guint k = 0; k < MD_STATS_N_CLASSES; k++)
        if (info->classes & (1u << k))
          span->class_days[k]++;
      if (info->classes & overuse_mask)
        span->overuse_total_days++;
    }

  span->non_opioid_days = span->class_days[MD_STATS_CLASS_NON_OPIOID];
  span->attacks = episodes != NULL ? count_in (episodes, first_day, first_day + n_days - 1) : 0;
  span->incomplete = span->recorded * 28 < 24 * n_days;
  span->chronic = span->headache >= 15 && span->migraine >= 8;
  /* ICHD-3 8.2: ≥10 days of a triptan, ergot, opioid or combination
   * analgesic; ≥15 days of non-opioid analgesics (one class); or (8.2.6)
   * ≥10 days of a combination of two or more of these classes, none over
   * its own limit: one class alone under its limit is not 8.2.6. */
  single_over = span->class_days[MD_STATS_CLASS_TRIPTAN] >= 10 ||
                span->class_days[MD_STATS_CLASS_ERGOT] >= 10 ||
                span->class_days[MD_STATS_CLASS_OPIOID] >= 10 ||
                span->class_days[MD_STATS_CLASS_COMBINATION] >= 10 ||
                span->non_opioid_days >= 15;
  for (guint k = 0; k < G_N_ELEMENTS (overuse_classes); k++)
    classes_used += span->class_days[overuse_classes[k]] > 0;
  span->overuse = span->headache >= 15 &&
                  (single_over || (span->overuse_total_days >= 10 && classes_used >= 2));
  span->early_notice = span->acute >= 10;
}

void
md_stats_count_span (const MdStats *self,
                     int            first_day,
                     int            n_days,
                     MdStatsSpan   *span)
{
  const MdStatsReal *real = (const MdStatsReal *) self;

  g_return_if_fail (first_day >= self->first_day);
  g_return_if_fail (first_day + n_days - 1 <= self->last_day);

  _md_stats_count_infos (self->days, self->first_day, first_day, n_days, real->episodes, span);
}

const MdStatsDayInfo *
md_stats_get_day (const MdStats *self,
                  int            day)
{
  if (day < self->first_day || day > self->last_day)
    return NULL;

  return &self->days[day - self->first_day];
}

static void
find_status_migrainosus (MdStats *self)
{
  MdStatsData *data = self->data;
  MdStatsEpisode current = { 0 };
  gboolean open = FALSE;

  self->status_migrainosus = g_array_new (FALSE, FALSE, sizeof (MdStatsEpisode));
  for (guint i = 0; i <= data->attacks->len; i++)
    {
      const MdStatsAttack *a = i < data->attacks->len ? attack_at (data, i) : NULL;

      if (open && (a == NULL || a->start - current.end > STATUS_BREAK))
        {
          current.hours = (current.end - current.start) / (double) HOUR;
          if (current.hours > STATUS_HOURS &&
              current.start_day >= self->first_day && current.start_day <= self->last_day)
            g_array_append_val (self->status_migrainosus, current);
          open = FALSE;
        }
      if (a == NULL)
        break;
      if (!open)
        {
          current.start = a->start;
          current.start_day = a->start_day;
          current.end = attack_end (data, a);
          open = TRUE;
        }
      else
        current.end = MAX (current.end, attack_end (data, a));
    }
}

static void
find_menstrual_pattern (MdStats *self)
{
  MdStatsData *data = self->data;
  int n = self->last_day - self->first_day + 1;
  g_autofree guint8 *peri = g_new0 (guint8, n);
  g_autofree gboolean *has = g_new0 (gboolean, n);

  for (guint i = 0; i < data->days->len; i++)
    {
      const MdStatsDay *day = &g_array_index (data->days, MdStatsDay, i);
      gboolean previous = i > 0 &&
                          g_array_index (data->days, MdStatsDay, i - 1).day == day->day - 1 &&
                          g_array_index (data->days, MdStatsDay, i - 1).menstruation;
      gboolean migraine = FALSE;

      if (!day->menstruation || previous || day->day < self->first_day || day->day > self->last_day)
        continue;

      /* Day 1 is the first day of bleeding; there is no day 0: the window
       * −2…+3 is the two days before and days 1, 2 and 3. */
      self->cycles++;
      for (int d = day->day - 2; d <= day->day + 2; d++)
        {
          const MdStatsDayInfo *info = md_stats_get_day (self, d);

          if (info == NULL)
            continue;
          peri[d - self->first_day] = 1;
          if (info->flags & MD_STATS_DAY_MIGRAINE)
            migraine = TRUE;
        }
      if (migraine)
        self->cycles_with_migraine++;
    }

  for (int i = 0; i < n; i++)
    {
      guint8 f = self->days[i].flags;

      if (!(f & MD_STATS_DAY_RECORDED))
        continue;
      if (peri[i])
        {
          self->perimenstrual_recorded++;
          self->perimenstrual_migraine += (f & MD_STATS_DAY_MIGRAINE) != 0;
        }
      else
        {
          self->other_recorded++;
          self->other_migraine += (f & MD_STATS_DAY_MIGRAINE) != 0;
        }
    }
}

static void
split_spans (MdStats *self)
{
  MdStatsReal *real = (MdStatsReal *) self;
  int run = 0, orun = 0;
  GDate date;

  self->windows = g_array_new (FALSE, TRUE, sizeof (MdStatsSpan));
  for (int d = self->first_day; d <= self->last_day; d += 28)
    {
      MdStatsSpan span;

      _md_stats_count_infos (self->days, self->first_day, d, MIN (28, self->last_day - d + 1),
                             real->episodes, &span);
      g_array_append_val (self->windows, span);

      run = span.chronic ? run + 1 : 0;
      orun = span.overuse ? orun + 1 : 0;
      self->chronic_run = MAX (self->chronic_run, run);
      self->overuse_run = MAX (self->overuse_run, orun);
      self->early_notice_windows += span.early_notice;
    }

  self->months = g_array_new (FALSE, TRUE, sizeof (MdStatsSpan));
  for (int d = self->first_day; d <= self->last_day;)
    {
      MdStatsSpan span;
      int len;

      md_stats_day_to_date (d, &date);
      len = g_date_get_days_in_month (g_date_get_month (&date), g_date_get_year (&date)) -
            g_date_get_day (&date) + 1;
      len = MIN (len, self->last_day - d + 1);
      _md_stats_count_infos (self->days, self->first_day, d, len, real->episodes, &span);
      g_array_append_val (self->months, span);
      d += len;
    }
}

MdStats *
md_stats_compute (MdStatsData           *data,
                  const MdStatsSettings *settings,
                  int                    first_day,
                  int                    last_day)
{
  MdStatsReal *real;
  MdStats *self;

  g_return_val_if_fail (data != NULL && data->finished, NULL);
  g_return_val_if_fail (settings != NULL, NULL);
  g_return_val_if_fail (first_day <= last_day, NULL);

  real = g_new0 (MdStatsReal, 1);
  self = &real->pub;
  self->data = md_stats_data_ref (data);
  self->settings = *settings;
  self->first_day = first_day;
  self->last_day = last_day;

  _md_stats_find_responses (real);

  real->episodes = episode_starts (data, settings);
  self->days = g_new (MdStatsDayInfo, last_day - first_day + 1);
  _md_stats_classify_days (data, settings, real->all_responses, first_day, last_day, self->days);
  _md_stats_count_infos (self->days, first_day, first_day, last_day - first_day + 1,
                         real->episodes, &self->total);

  split_spans (self);
  _md_stats_aggregate_medications (self);
  _md_stats_find_treatments (self);
  find_status_migrainosus (self);
  find_menstrual_pattern (self);

  return self;
}

void
md_stats_free (MdStats *self)
{
  MdStatsReal *real = (MdStatsReal *) self;

  if (self == NULL)
    return;

  g_array_unref (real->all_responses);
  g_array_unref (real->episodes);
  g_array_unref (self->responses);
  g_array_unref (self->medications);
  g_array_unref (self->treatments);
  g_array_unref (self->status_migrainosus);
  g_array_unref (self->windows);
  g_array_unref (self->months);
  g_free (self->days);
  md_stats_data_unref (self->data);
  g_free (real);
}
