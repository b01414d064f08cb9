/* md-stats-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the parts of the statistics share: md-stats.c classifies the
 * days and counts them in windows and months; md-stats-acute.c measures
 * the response to each acute dose and per medication; md-stats-compare.c
 * finds the treatments and compares before with after.
 */

#pragma once

#include "md-stats.h"

G_BEGIN_DECLS

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

typedef struct
{
  MdStats  pub;
  GArray  *all_responses; /* every acute dose in the diary */
  GArray  *episodes;
} MdStatsReal;

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

/* md-stats.c */
void _md_stats_classify_days         (MdStatsData           *data,
                                      const MdStatsSettings *settings,
                                      GArray                *all_responses,
                                      int                    first,
                                      int                    last,
                                      MdStatsDayInfo        *infos);
void _md_stats_count_infos           (const MdStatsDayInfo  *infos,
                                      int                    base,
                                      int                    first_day,
                                      int                    n_days,
                                      GArray                *episodes,
                                      MdStatsSpan           *span);

/* md-stats-acute.c */
void _md_stats_find_responses        (MdStatsReal           *real);
void _md_stats_mark_relieved         (MdStatsData           *data,
                                      GArray                *all_responses,
                                      gboolean              *relieved);
void _md_stats_aggregate_medications (MdStats               *self);

/* md-stats-compare.c */
void _md_stats_find_treatments       (MdStats               *self);

G_END_DECLS
