/* md-stats.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The clinical statistics of ../shared/CLINICAL.md over an MdStatsData
 * snapshot. Pure computation: no GTK, no database, no clock.
 */

#pragma once

#include "md-stats-data.h"

G_BEGIN_DECLS

typedef enum
{
  MD_STATS_DEFINITION_A, /* ICHD-3 criteria, probable migraine, triptan/ergot relief */
  MD_STATS_DEFINITION_B, /* e-diary rule (van der Arend 2023) */
} MdStatsDefinition;

typedef struct
{
  MdStatsDefinition definition;
  int               min_duration_minutes; /* 0, 30 or 240 */
  int               baseline_days;        /* 28 or 90 */
  int               evaluation_first_week; /* 9 for weeks 9–12 */
  int               evaluation_last_week;  /* 12 */
  int               attack_gap_hours;     /* 24 or 48 */
} MdStatsSettings;

/* Where a dose's pain readings are looked for (CLINICAL.md): the reading
 * nearest the time of the dose within 10 min, nearest dose + 2 h within
 * 20 min, nearest dose + 24 h within 2 h. */
#define MD_STATS_AT_DOSE_WINDOW (10 * 60)
#define MD_STATS_AT_2H_WINDOW   (20 * 60)
#define MD_STATS_AT_24H_WINDOW  (2 * 3600)

gssize md_stats_nearest_time (const gint64 *first_time,
                              gsize         n,
                              gsize         stride,
                              gint64        target,
                              gint64        window);

void  md_stats_settings_init_default (MdStatsSettings *settings);
void  md_stats_settings_load         (MdStatsSettings *settings,
                                      GSettings       *gsettings);
char *md_stats_settings_describe     (const MdStatsSettings *settings);

typedef enum
{
  MD_STATS_DAY_RECORDED           = 1 << 0,
  MD_STATS_DAY_IS_HEADACHE        = 1 << 1,
  MD_STATS_DAY_MIGRAINE           = 1 << 2,
  MD_STATS_DAY_MODERATE_SEVERE    = 1 << 3,
  MD_STATS_DAY_ACUTE_MEDICATION   = 1 << 4,
  MD_STATS_DAY_MIGRAINE_SPECIFIC  = 1 << 5,
  MD_STATS_DAY_MENSTRUATION       = 1 << 6,
  MD_STATS_DAY_INFUSION           = 1 << 7,
} MdStatsDayFlags;

typedef struct
{
  guint8  flags;       /* MdStatsDayFlags */
  gint8   peak_pain;   /* highest pain of the day, -1 without an attack */
  guint16 classes;     /* bit per MdStatsClass of acute medication taken */
} MdStatsDayInfo;

/* Counts over a span of days (a 28-day window, a month, a baseline). */
typedef struct
{
  int      first_day;
  int      n_days;
  int      recorded;
  int      headache;
  int      migraine;
  int      moderate_severe;
  int      acute;
  int      migraine_specific;
  int      class_days[MD_STATS_N_CLASSES];
  int      non_opioid_days;   /* same as class_days[NON_OPIOID]: one class */
  int      overuse_total_days; /* days with any of the five ICHD-3 8.2 classes */
  int      attacks;           /* attacks starting in the span, after the gap rule */
  gboolean incomplete;        /* fewer than 24 of 28 days recorded */
  gboolean chronic;           /* ≥15 headache days and ≥8 migraine days */
  gboolean overuse;           /* ICHD-3 8.2 thresholds met in this window */
  gboolean early_notice;      /* ≥10 acute-medication days */
} MdStatsSpan;

double md_stats_span_rate (const MdStatsSpan *span,
                           int                count);

/* A proportion with its 95% Wilson interval. */
typedef struct
{
  int    successes;
  int    n;
  double value;   /* NAN when n is 0 */
  double low;
  double high;
} MdStatsRate;

void md_stats_rate_init (MdStatsRate *rate,
                         int          successes,
                         int          n);

/* One dose of an acute medication and the readings around it. */
typedef struct
{
  int      dose;            /* index into data->doses */
  int      pain_at_dose;    /* -1 when missing */
  int      pain_2h;         /* -1 when missing */
  int      pain_24h;        /* -1 when missing */
  gboolean rescue_before_2h;
  gboolean rescue;          /* another acute dose within 24 h */
  int      pain_free_2h;    /* 1, 0, or -1 when missing */
  int      relief_2h;       /* 1, 0, or -1 when not applicable or missing */
  int      mbs_free_2h;     /* 1, 0, or -1 */
  int      sustained_24h;   /* 1, 0, or -1 */
  int      sustained_48h;   /* 1, 0, or -1 */
  int      recurrence;      /* 1, 0, or -1 (only after pain-free at 2 h) */
  gint64   recurrence_after; /* seconds from the dose, when recurrence is 1 */
} MdStatsDoseResponse;

typedef struct
{
  int         medication;        /* index into data->medications */
  int         n_doses;
  MdStatsRate pain_free_2h;
  MdStatsRate pain_free_2h_mild;
  MdStatsRate pain_free_2h_moderate_severe;
  MdStatsRate relief_2h;
  MdStatsRate mbs_free_2h;
  MdStatsRate sustained_24h;
  MdStatsRate sustained_48h;
  MdStatsRate recurrence;
  double      median_recurrence_hours; /* NAN without recurrences */
  MdStatsRate rescue;
} MdStatsMedicationResponse;

typedef enum
{
  MD_STATS_TREATMENT_COURSE,
  MD_STATS_TREATMENT_INFUSIONS,
} MdStatsTreatmentKind;

/* One treatment is one row (CLINICAL.md): a preventive course together
 * with the infusion series of the same medication given during it; or a
 * series of preventive infusions on its own. See find_treatments(). */
typedef struct
{
  MdStatsTreatmentKind kind;        /* COURSE when there is a course, with or without infusions */
  int                  medication;  /* the course's, else the series' first infusion's */
  int                  start_day;   /* the first day of either */
  int                  course;      /* index into data->courses, or -1 */
  int                  n_infusions; /* preventive infusions belonging to it */
  int                  first_infusion; /* index into data->doses, or -1 */
  int                  end_day;     /* the course's end or the last infusion; G_MAXINT while a course goes on */
} MdStatsTreatment;



/* The attacks that started in a span: their peak pain and duration. */
typedef struct
{
  int    n;              /* attacks */
  double mean_pain;      /* IHS 0–3, NAN without attacks */
  int    n_nrs;          /* attacks with a 0–10 number */
  double mean_nrs;       /* NAN without one */
  int    n_ended;        /* attacks with an end, for the duration */
  double median_hours;   /* NAN without one */
} MdStatsAttackSummary;

typedef struct
{
  MdStatsTreatment treatment;
  MdStatsSpan      baseline;
  MdStatsSpan      evaluation;
  MdStatsAttackSummary baseline_attacks;
  MdStatsAttackSummary evaluation_attacks;
  double           baseline_rate;   /* migraine days per 28 days */
  double           evaluation_rate;
  double           change;          /* evaluation − baseline */
  double           percent_change;  /* change / baseline × 100 */
  gboolean         evaluable;       /* both spans have recorded days and the evaluation is over */
  gboolean         chronic_baseline;
  int              responder_threshold; /* 50, or 30 for a chronic pattern */
  gboolean         responder;       /* reduction ≥ responder_threshold */
  gboolean         responder_75;
  gboolean         responder_100;
} MdStatsComparison;

typedef struct
{
  int      start_day;
  gint64   start;
  gint64   end;
  double   hours;
} MdStatsEpisode;

typedef struct
{
  MdStatsData       *data;
  MdStatsSettings    settings;
  int                first_day;
  int                last_day;
  MdStatsDayInfo    *days;       /* last_day − first_day + 1 entries */
  MdStatsSpan        total;
  GArray            *windows;    /* MdStatsSpan, 28-day windows from first_day */
  GArray            *months;     /* MdStatsSpan, calendar months */
  GArray            *responses;  /* MdStatsDoseResponse, acute doses in range */
  GArray            *medications; /* MdStatsMedicationResponse, by doses */
  GArray            *treatments; /* MdStatsTreatment */
  GArray            *status_migrainosus; /* MdStatsEpisode, attacks > 72 h */
  int                chronic_run;  /* longest run of consecutive chronic windows */
  int                overuse_run;  /* longest run of consecutive overuse windows */
  int                early_notice_windows;
  /* Menstrual pattern, shown from 3 cycles */
  int                cycles;
  int                cycles_with_migraine; /* a migraine day on day −2…+3 */
  int                perimenstrual_recorded;
  int                perimenstrual_migraine;
  int                other_recorded;
  int                other_migraine;
} MdStats;

MdStats  *md_stats_compute          (MdStatsData           *data,
                                     const MdStatsSettings *settings,
                                     int                    first_day,
                                     int                    last_day);
void      md_stats_free             (MdStats               *self);
const MdStatsDayInfo *md_stats_get_day (const MdStats      *self,
                                     int                    day);
void      md_stats_count_span       (const MdStats         *self,
                                     int                    first_day,
                                     int                    n_days,
                                     MdStatsSpan           *span);
gboolean  md_stats_compare          (const MdStats         *self,
                                     const MdStatsTreatment *treatment,
                                     MdStatsComparison     *comparison);
gboolean  md_stats_treatment_has_dose (const MdStats       *self,
                                     const MdStatsTreatment *treatment,
                                     int                    dose);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MdStats, md_stats_free)

G_END_DECLS
