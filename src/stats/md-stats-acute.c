/* md-stats-acute.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The response to acute medication (CLINICAL.md): for each dose, the
 * pain at dose time, at 2 h and at 24 h, rescue, sustained freedom and
 * recurrence; then the rates per medication with their 95% intervals.
 */

#define G_LOG_DOMAIN "md-stats"

#include "config.h"

#include <math.h>

#include "md-stats-private.h"

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
void
_md_stats_mark_relieved (MdStatsData *data,
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

/* The response to every acute dose of the diary, and to those of the
 * period: a day's classification may depend on a dose before it. */
void
_md_stats_find_responses (MdStatsReal *real)
{
  MdStats *self = &real->pub;
  MdStatsData *data = self->data;

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
      if (dose->day >= self->first_day && dose->day <= self->last_day)
        g_array_append_val (self->responses, r);
    }
}

void
_md_stats_aggregate_medications (MdStats *self)
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
