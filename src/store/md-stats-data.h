/* md-stats-data.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plain, immutable snapshot of the diary for statistics, charts and the
 * report. It is loaded on its own SQLite connection so that a worker
 * thread can build it while the window keeps drawing, and it can be built
 * by hand in tests.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Medication classes as counted by CLINICAL.md (by product, not molecule). */
typedef enum
{
  MD_STATS_CLASS_TRIPTAN,
  MD_STATS_CLASS_ERGOT,
  MD_STATS_CLASS_OPIOID,
  MD_STATS_CLASS_COMBINATION,
  MD_STATS_CLASS_NON_OPIOID,
  MD_STATS_CLASS_GEPANT,
  MD_STATS_CLASS_DITAN,
  MD_STATS_CLASS_ANTIEMETIC,
  MD_STATS_CLASS_MAGNESIUM_IV,
  MD_STATS_CLASS_MAGNESIUM_ORAL,
  MD_STATS_CLASS_CORTICOSTEROID,
  MD_STATS_CLASS_OTHER,
  MD_STATS_N_CLASSES
} MdStatsClass;

typedef enum
{
  MD_STATS_ATTACK_UNILATERAL   = 1 << 0,
  MD_STATS_ATTACK_PULSATING    = 1 << 1,
  MD_STATS_ATTACK_ACTIVITY     = 1 << 2,
  MD_STATS_ATTACK_NAUSEA       = 1 << 3, /* nausea or vomiting */
  MD_STATS_ATTACK_PHOTOPHOBIA  = 1 << 4,
  MD_STATS_ATTACK_PHONOPHOBIA  = 1 << 5,
} MdStatsAttackFeatures;

typedef struct
{
  char        *uuid;
  char        *name;
  MdStatsClass klass;
  gboolean     acute;
} MdStatsMedication;

typedef struct
{
  char   *uuid;
  gint64  start;        /* unix seconds, UTC */
  int     start_offset; /* seconds east of UTC when entered */
  gint64  end;          /* 0 while ongoing */
  int     end_offset;
  int     peak_pain;    /* IHS 0–3 */
  gboolean has_nrs;     /* a 0–10 number was given beside it */
  int     peak_nrs;     /* 0–10, when has_nrs */
  guint   features;     /* MdStatsAttackFeatures */
  gboolean aura;
  int     aura_minutes; /* -1 when not given */
  /* Filled by md_stats_data_finish() */
  int     start_day;    /* local calendar day, days since 1970-01-01 */
  int     end_day;
  guint   first_reading; /* index into readings */
  guint   n_readings;
} MdStatsAttack;

/* Why a dose was given (CLINICAL.md): only acute use makes a headache
 * day, an acute-medication day, counts toward overuse and has a 2-hour
 * response. */
typedef enum
{
  MD_STATS_PURPOSE_MEDICATION_USE, /* as its medication's use says (hand-built data) */
  MD_STATS_PURPOSE_ACUTE,          /* for a headache */
  MD_STATS_PURPOSE_PREVENTION,     /* a scheduled infusion, a daily preventive tablet */
} MdStatsPurpose;

typedef struct
{
  char   *uuid;
  int     medication;   /* index into medications */
  int     attack;       /* index into attacks, or -1 */
  MdStatsPurpose purpose;
  gint64  taken;
  int     taken_offset;
  double  amount;
  char   *unit;
  gboolean infusion;    /* given intravenously */
  gboolean clinic;      /* given in a clinic */
  gint64  infusion_end; /* 0 when not recorded */
  char   *co_administered;
  char  **side_effects; /* keys */
  double  cost;         /* what it cost; 0 or less when not recorded */
  char   *most_bothersome; /* symptom key, or NULL */
  /* Filled by md_stats_data_finish() */
  int     day;
} MdStatsDose;

typedef struct
{
  int     attack;       /* index into attacks */
  char   *dose_uuid;    /* the dose it follows up, or NULL */
  gint64  time;
  int     pain;         /* IHS 0–3 */
  int     mbs_present;  /* 1, 0, or -1 when not asked */
} MdStatsReading;

typedef enum
{
  MD_STATS_DAY_HEADACHE_FREE = 1,
  MD_STATS_DAY_HEADACHE      = 2,
} MdStatsDayStatus;

typedef struct
{
  int      day;         /* local calendar day */
  int      status;      /* 0 (not said), or an MdStatsDayStatus */
  gboolean menstruation;
} MdStatsDay;

typedef struct
{
  int     medication;   /* index into medications */
  int     start_day;
  int     end_day;      /* G_MAXINT while it goes on */
  double  amount;
  char   *unit;
  char   *end_reason;   /* "not-effective", "side-effects", "other", or NULL */
  char   *end_reason_notes;
} MdStatsCourse;

typedef struct
{
  gatomicrefcount ref_count;
  GArray *medications; /* MdStatsMedication */
  GArray *attacks;     /* MdStatsAttack, by start */
  GArray *doses;       /* MdStatsDose, by time */
  GArray *readings;    /* MdStatsReading, by attack then time */
  GArray *days;        /* MdStatsDay, by day */
  GArray *courses;     /* MdStatsCourse, by start */
  gint64  now;         /* when the snapshot was taken */
  int     first_day;   /* earliest recorded day, or 0 when empty */
  int     last_day;
  gboolean finished;
} MdStatsData;

MdStatsData  *md_stats_data_new              (gint64          now);
MdStatsData  *md_stats_data_ref              (MdStatsData    *self);
void          md_stats_data_unref            (MdStatsData    *self);
int           md_stats_data_add_medication   (MdStatsData    *self,
                                              const char     *name,
                                              MdStatsClass    klass,
                                              gboolean        acute);
int           md_stats_data_add_attack       (MdStatsData    *self,
                                              const MdStatsAttack *attack);
int           md_stats_data_add_dose         (MdStatsData    *self,
                                              const MdStatsDose *dose);
void          md_stats_data_add_reading      (MdStatsData    *self,
                                              int             attack,
                                              gint64          time,
                                              int             pain,
                                              int             mbs_present);
void          md_stats_data_add_day          (MdStatsData    *self,
                                              int             day,
                                              int             status,
                                              gboolean        menstruation);
void          md_stats_data_add_course       (MdStatsData    *self,
                                              int             medication,
                                              int             start_day,
                                              int             end_day);
void          md_stats_data_finish           (MdStatsData    *self);
MdStatsData  *md_stats_data_load             (const char     *database_path,
                                              gint64          now,
                                              GError        **error);
void          md_stats_data_load_async       (const char     *database_path,
                                              GCancellable   *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer        user_data);
MdStatsData  *md_stats_data_load_finish      (GAsyncResult   *result,
                                              GError        **error);

MdStatsClass  md_stats_class_from_key        (const char     *key);
const char   *md_stats_class_to_key          (MdStatsClass    klass);
gboolean      md_stats_class_is_migraine_specific (MdStatsClass klass);
gboolean      md_stats_data_dose_is_acute    (MdStatsData    *self,
                                              const MdStatsDose *dose);

int           md_stats_day_from_time         (gint64          utc,
                                              int             offset);
int           md_stats_day_from_date         (GDate          *date);
int           md_stats_day_from_iso          (const char     *iso);
void          md_stats_day_to_date           (int             day,
                                              GDate          *date);
char         *md_stats_day_to_iso            (int             day);
int           md_stats_day_today             (gint64          now);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MdStatsData, md_stats_data_unref)

G_END_DECLS
