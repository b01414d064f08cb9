/* md-stats.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Implements ../shared/CLINICAL.md. Where the definitions leave a choice
 * open, the choice is written beside the code that makes it, and the report
 * prints the settings it used.
 */

#define G_LOG_DOMAIN "md-stats"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "md-stats.h"

#define HOUR 3600
#define TWO_HOURS (2 * HOUR)
/* Pain at dose time: the reading nearest the dose within 10 minutes.
 * Pain at 2 h: the reading nearest dose + 2 h within ±20 minutes.
 * Pain at 24 h: the reading nearest dose + 24 h within ±2 hours. */
#define AT_DOSE_WINDOW MD_STATS_AT_DOSE_WINDOW
#define AT_2H_WINDOW MD_STATS_AT_2H_WINDOW
#define AT_24H_WINDOW MD_STATS_AT_24H_WINDOW
/* An attack that the patient closed more than an hour after a pain-free
 * 2-hour reading had headache again. */
#define END_GRACE HOUR
/* An infusion series ends when six weeks pass without another preventive
 * infusion of the same medication: weekly, fortnightly and monthly
 * infusions stay one series, a course repeated months later is a new one. */
#define SERIES_GAP_DAYS 42
/* Status migrainosus: one attack over 72 h, with breaks of up to 12 h. */
#define STATUS_BREAK (12 * HOUR)
#define STATUS_HOURS 72

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

static inline const MdStatsAttack *
attack_at (MdStatsData *data,
           int          i)
{
  return &g_array_index (data->attacks, MdStatsAttack, i);
}

static inline const MdStatsDose *
dose_at (MdStatsData *data,
         int          i)
{
  return &g_array_index (data->doses, MdStatsDose, i);
}

static inline const MdStatsMedication *
medication_of (MdStatsData       *data,
               const MdStatsDose *dose)
{
  return &g_array_index (data->medications, MdStatsMedication, dose->medication);
}

static gint64
attack_end (MdStatsData         *data,
            const MdStatsAttack *attack)
{
  return attack->end != 0 ? attack->end : MAX (data->now, attack->start);
}

/**
 * md_stats_nearest_time:
 * @first_time: the time of the first item; the others follow every
 *   @stride bytes (a field of an array of structs, or a plain array)
 * @n: how many items
 * @target: the moment asked about
 * @window: how far from @target an item may be, in seconds
 *
 * The one rule for "the reading at dose time" and "the reading at 2 h":
 * the item nearest @target within @window; of two as near, the first.
 * The statistics and the diary rows both use it.
 *
 * Returns: the index of that item, or -1
 */
gssize
md_stats_nearest_time (const gint64 *first_time,
                       gsize         n,
                       gsize         stride,
                       gint64        target,
                       gint64        window)
{
  gssize best = -1;
  gint64 best_distance = 0;

  for (gsize i = 0; i < n; i++)
    {
      gint64 time = *(const gint64 *) ((const char *) first_time + i * stride);
      gint64 distance = ABS (time - target);

      if (distance <= window && (best < 0 || distance < best_distance))
        {
          best = (gssize) i;
          best_distance = distance;
        }
    }

  return best;
}

/* The reading of @attack nearest @target within @window seconds. */
static const MdStatsReading *
nearest_reading (MdStatsData *data,
                 int          attack,
                 gint64       target,
                 gint64       window)
{
  const MdStatsAttack *a;
  const MdStatsReading *first;
  gssize i;

  if (attack < 0)
    return NULL;

  a = attack_at (data, attack);
  if (a->n_readings == 0)
    return NULL;

  first = &g_array_index (data->readings, MdStatsReading, a->first_reading);
  i = md_stats_nearest_time (&first->time, a->n_readings, sizeof (MdStatsReading), target, window);

  return i >= 0 ? first + i : NULL;
}

/* Another acute dose taken in [from, to], other than @self_index. */
static gboolean
other_acute_dose (MdStatsData *data,
                  int          self_index,
                  gint64       from,
                  gint64       to)
{
  /* Doses are sorted by time: look both ways from self_index. */
  for (int i = self_index - 1; i >= 0 && dose_at (data, i)->taken >= from; i--)
    if (dose_at (data, i)->taken <= to && md_stats_data_dose_is_acute (data, dose_at (data, i)))
      return TRUE;
  for (guint i = self_index + 1; i < data->doses->len && dose_at (data, i)->taken <= to; i++)
    if (dose_at (data, i)->taken >= from && md_stats_data_dose_is_acute (data, dose_at (data, i)))
      return TRUE;

  return FALSE;
}

/* First start of an attack other than @attack in (from, to], or 0. */
static gint64
other_attack_start (MdStatsData *data,
                     int          attack,
                     gint64       from,
                     gint64       to)
{
  guint lo = 0, hi = data->attacks->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (attack_at (data, mid)->start <= from)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint i = lo; i < data->attacks->len && attack_at (data, i)->start <= to; i++)
    if ((int) i != attack)
      return attack_at (data, i)->start;

  return 0;
}

/* Headache again after a pain-free 2-hour reading: the outcome over
 * (@after, @until]. Returns 1 with *when set (0 when the time is not known),
 * 0 when the record shows none, -1 when the record cannot tell. */
static int
headache_again (MdStatsData          *data,
                int                   dose_index,
                const MdStatsReading *reading_2h,
                gint64                until,
                gint64               *when)
{
  const MdStatsDose *dose = dose_at (data, dose_index);
  const MdStatsAttack *a = attack_at (data, dose->attack);
  gint64 first = 0;
  gint64 other;

  for (guint i = a->first_reading; i < a->first_reading + a->n_readings; i++)
    {
      const MdStatsReading *r = &g_array_index (data->readings, MdStatsReading, i);

      if (r->time > reading_2h->time && r->time <= until && r->pain > 0)
        {
          first = r->time;
          break;
        }
    }

  other = other_attack_start (data, dose->attack, reading_2h->time, until);
  if (other != 0 && (first == 0 || other < first))
    first = other;

  if (first != 0)
    {
      *when = first;
      return 1;
    }

  if (a->end != 0 && a->end > reading_2h->time + END_GRACE)
    {
      *when = 0;
      return 1;
    }

  /* An attack still open, or a period not yet over, cannot tell. */
  if (a->end == 0 || data->now < until)
    return -1;

  return 0;
}

static void
respond (MdStatsData         *data,
         int                  index,
         MdStatsDoseResponse *out)
{
  const MdStatsDose *dose = dose_at (data, index);
  const MdStatsReading *at_dose, *at_2h, *at_24h;

  out->dose = index;
  at_dose = nearest_reading (data, dose->attack, dose->taken, AT_DOSE_WINDOW);
  at_2h = nearest_reading (data, dose->attack, dose->taken + TWO_HOURS, AT_2H_WINDOW);
  at_24h = nearest_reading (data, dose->attack, dose->taken + 24 * HOUR, AT_24H_WINDOW);
  out->pain_at_dose = at_dose != NULL ? at_dose->pain : -1;
  out->pain_2h = at_2h != NULL ? at_2h->pain : -1;
  out->pain_24h = at_24h != NULL ? at_24h->pain : -1;

  /* Rescue counts any other acute medication, a second dose of the same
   * one included; one taken at the same moment counts too, since the
   * outcome can no longer be credited to this dose. */
  out->rescue_before_2h = other_acute_dose (data, index, dose->taken, dose->taken + TWO_HOURS);
  out->rescue = other_acute_dose (data, index, dose->taken, dose->taken + 24 * HOUR);

  /* Missing 2-hour data is missing, unless a rescue already decided it. */
  if (out->rescue_before_2h)
    out->pain_free_2h = 0;
  else if (at_2h == NULL)
    out->pain_free_2h = -1;
  else
    out->pain_free_2h = at_2h->pain == 0;

  if (out->pain_at_dose < 2)
    out->relief_2h = -1;
  else if (out->rescue_before_2h)
    out->relief_2h = 0;
  else if (at_2h == NULL)
    out->relief_2h = -1;
  else
    out->relief_2h = at_2h->pain <= 1;

  if (dose->most_bothersome == NULL)
    out->mbs_free_2h = -1;
  else if (out->rescue_before_2h)
    out->mbs_free_2h = 0;
  else if (at_2h == NULL || at_2h->mbs_present < 0)
    out->mbs_free_2h = -1;
  else
    out->mbs_free_2h = at_2h->mbs_present == 0;

  out->sustained_24h = out->sustained_48h = out->recurrence = out->pain_free_2h;
  out->recurrence_after = 0;
  if (out->pain_free_2h == 1)
    {
      gint64 when = 0;
      int again48 = headache_again (data, index, at_2h, dose->taken + 48 * HOUR, &when);
      gint64 when24 = 0;
      int again24 = headache_again (data, index, at_2h, dose->taken + 24 * HOUR, &when24);
      gboolean rescue_48 = other_acute_dose (data, index, dose->taken, dose->taken + 48 * HOUR);

      out->recurrence = again48;
      out->recurrence_after = again48 == 1 && when != 0 ? when - dose->taken : 0;
      out->sustained_24h = out->rescue ? 0 : again24 < 0 ? -1 : !again24;
      out->sustained_48h = rescue_48 ? 0 : again48 < 0 ? -1 : !again48;
    }
  else if (out->pain_free_2h == 0)
    {
      /* Recurrence is only defined after a pain-free response. */
      out->recurrence = -1;
    }
}

/* Marks the attacks that a triptan or ergot dose relieved: pain at 2 h
 * mild or none, lower than at dose time when that is known. */
static void
mark_relieved (MdStatsData *data,
               GArray      *all_responses,
               gboolean    *relieved)
{
  for (guint i = 0; i < all_responses->len; i++)
    {
      const MdStatsDoseResponse *r = &g_array_index (all_responses, MdStatsDoseResponse, i);
      const MdStatsDose *dose = dose_at (data, r->dose);
      MdStatsClass klass = medication_of (data, dose)->klass;

      if (dose->attack >= 0 &&
          (klass == MD_STATS_CLASS_TRIPTAN || klass == MD_STATS_CLASS_ERGOT) &&
          r->pain_2h >= 0 && r->pain_2h <= 1 && !r->rescue_before_2h &&
          (r->pain_at_dose < 0 || r->pain_2h < r->pain_at_dose))
        relieved[dose->attack] = TRUE;
    }
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
static void
classify_days (MdStatsData           *data,
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
    mark_relieved (data, all_responses, relieved);

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

static void
count_infos (const MdStatsDayInfo *infos,
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

typedef struct
{
  MdStats  pub;
  GArray  *all_responses; /* every acute dose in the diary */
  GArray  *episodes;
} MdStatsReal;

void
md_stats_count_span (const MdStats *self,
                     int            first_day,
                     int            n_days,
                     MdStatsSpan   *span)
{
  const MdStatsReal *real = (const MdStatsReal *) self;

  g_return_if_fail (first_day >= self->first_day);
  g_return_if_fail (first_day + n_days - 1 <= self->last_day);

  count_infos (self->days, self->first_day, first_day, n_days, real->episodes, span);
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
aggregate_medications (MdStats *self)
{
  MdStatsData *data = self->data;
  g_autofree int *slot = g_new (int, data->medications->len + 1);
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (int) * 20);

  for (guint i = 0; i < data->medications->len; i++)
    slot[i] = -1;

  self->medications = g_array_new (FALSE, TRUE, sizeof (MdStatsMedicationResponse));
  for (guint i = 0; i < self->responses->len; i++)
    {
      const MdStatsDoseResponse *r = &g_array_index (self->responses, MdStatsDoseResponse, i);
      int med = dose_at (data, r->dose)->medication;
      int *c;

      if (slot[med] < 0)
        {
          MdStatsMedicationResponse m = { 0 };

          m.medication = med;
          slot[med] = (int) self->medications->len;
          g_array_append_val (self->medications, m);
          g_array_set_size (counts, self->medications->len);
        }
      c = &g_array_index (counts, int, slot[med] * 20);
      g_array_index (self->medications, MdStatsMedicationResponse, slot[med]).n_doses++;

#define TALLY(value, k) G_STMT_START { if ((value) >= 0) { c[k + 1]++; c[k] += (value); } } G_STMT_END
      TALLY (r->pain_free_2h, 0);
      if (r->pain_at_dose == 1)
        TALLY (r->pain_free_2h, 2);
      else if (r->pain_at_dose >= 2)
        TALLY (r->pain_free_2h, 4);
      TALLY (r->relief_2h, 6);
      TALLY (r->mbs_free_2h, 8);
      TALLY (r->sustained_24h, 10);
      TALLY (r->sustained_48h, 12);
      TALLY (r->recurrence, 14);
      TALLY ((int) r->rescue, 16);
#undef TALLY
    }

  for (guint i = 0; i < self->medications->len; i++)
    {
      MdStatsMedicationResponse *m = &g_array_index (self->medications, MdStatsMedicationResponse, i);
      int *c = &g_array_index (counts, int, i * 20);
      g_autoptr(GArray) hours = g_array_new (FALSE, FALSE, sizeof (double));

      md_stats_rate_init (&m->pain_free_2h, c[0], c[1]);
      md_stats_rate_init (&m->pain_free_2h_mild, c[2], c[3]);
      md_stats_rate_init (&m->pain_free_2h_moderate_severe, c[4], c[5]);
      md_stats_rate_init (&m->relief_2h, c[6], c[7]);
      md_stats_rate_init (&m->mbs_free_2h, c[8], c[9]);
      md_stats_rate_init (&m->sustained_24h, c[10], c[11]);
      md_stats_rate_init (&m->sustained_48h, c[12], c[13]);
      md_stats_rate_init (&m->recurrence, c[14], c[15]);
      md_stats_rate_init (&m->rescue, c[16], c[17]);

      for (guint j = 0; j < self->responses->len; j++)
        {
          const MdStatsDoseResponse *r = &g_array_index (self->responses, MdStatsDoseResponse, j);

          if (dose_at (data, r->dose)->medication == m->medication &&
              r->recurrence == 1 && r->recurrence_after > 0)
            {
              double h = r->recurrence_after / (double) HOUR;
              g_array_append_val (hours, h);
            }
        }
      if (hours->len == 0)
        m->median_recurrence_hours = NAN;
      else
        {
          double *v = (double *) (void *) hours->data;

          for (guint a = 1; a < hours->len; a++)
            for (guint b = a; b > 0 && v[b - 1] > v[b]; b--)
              {
                double t = v[b];
                v[b] = v[b - 1];
                v[b - 1] = t;
              }
          m->median_recurrence_hours = hours->len % 2 ? v[hours->len / 2]
                                       : (v[hours->len / 2 - 1] + v[hours->len / 2]) / 2;
        }
    }
}

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
static void
find_treatments (MdStats *self)
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

      count_infos (self->days, self->first_day, d, MIN (28, self->last_day - d + 1),
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
      count_infos (self->days, self->first_day, d, len, real->episodes, &span);
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

  real->all_responses = g_array_new (FALSE, TRUE, sizeof (MdStatsDoseResponse));
  self->responses = g_array_new (FALSE, TRUE, sizeof (MdStatsDoseResponse));
  for (guint i = 0; i < data->doses->len; i++)
    {
      const MdStatsDose *dose = dose_at (data, i);
      MdStatsDoseResponse r = { 0 };

      if (!md_stats_data_dose_is_acute (data, dose))
        continue;
      respond (data, (int) i, &r);
      g_array_append_val (real->all_responses, r);
      if (dose->day >= first_day && dose->day <= last_day)
        g_array_append_val (self->responses, r);
    }

  real->episodes = episode_starts (data, settings);
  self->days = g_new (MdStatsDayInfo, last_day - first_day + 1);
  classify_days (data, settings, real->all_responses, first_day, last_day, self->days);
  count_infos (self->days, first_day, first_day, last_day - first_day + 1,
               real->episodes, &self->total);

  split_spans (self);
  aggregate_medications (self);
  find_treatments (self);
  find_status_migrainosus (self);
  find_menstrual_pattern (self);

  return self;
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

  classify_days (self->data, &self->settings, real->all_responses, base_first, eval_last, infos);
  count_infos (infos, base_first, base_first, self->settings.baseline_days, real->episodes, &out->baseline);
  count_infos (infos, base_first, eval_first, eval_last - eval_first + 1, real->episodes, &out->evaluation);

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
