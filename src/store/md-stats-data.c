/* md-stats-data.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Days are local calendar days: a time is placed on the day its UTC offset
 * (stored with it) made it on the patient's wall clock, so a diary read in
 * another time zone, or across a DST change, keeps its days.
 */

#define G_LOG_DOMAIN "md-stats-data"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include <glib/gi18n.h>

#include "md-catalogue.h"
#include "md-database-private.h"
#include "md-error.h"
#include "md-stats-data.h"

/* g_date_get_julian() of 1970-01-01 */
#define EPOCH_JULIAN 719163

static const char * const class_keys[MD_STATS_N_CLASSES] = {
  [MD_STATS_CLASS_TRIPTAN] = "triptan",
  [MD_STATS_CLASS_ERGOT] = "ergot",
  [MD_STATS_CLASS_OPIOID] = "opioid",
  [MD_STATS_CLASS_COMBINATION] = "combination-analgesic",
  [MD_STATS_CLASS_NON_OPIOID] = "non-opioid-analgesic",
  [MD_STATS_CLASS_GEPANT] = "gepant",
  [MD_STATS_CLASS_DITAN] = "ditan",
  [MD_STATS_CLASS_ANTIEMETIC] = "antiemetic",
  [MD_STATS_CLASS_MAGNESIUM_IV] = "magnesium-iv",
  [MD_STATS_CLASS_MAGNESIUM_ORAL] = "magnesium-oral",
  [MD_STATS_CLASS_CORTICOSTEROID] = "corticosteroid",
  [MD_STATS_CLASS_OTHER] = "other",
};

MdStatsClass
md_stats_class_from_key (const char *key)
{
  for (guint i = 0; key != NULL && i < MD_STATS_N_CLASSES; i++)
    if (g_str_equal (key, class_keys[i]))
      return i;

  return MD_STATS_CLASS_OTHER;
}

const char *
md_stats_class_to_key (MdStatsClass klass)
{
  g_return_val_if_fail (klass < MD_STATS_N_CLASSES, "other");

  return class_keys[klass];
}

gboolean
md_stats_class_is_migraine_specific (MdStatsClass klass)
{
  return klass == MD_STATS_CLASS_TRIPTAN || klass == MD_STATS_CLASS_ERGOT ||
         klass == MD_STATS_CLASS_GEPANT || klass == MD_STATS_CLASS_DITAN;
}

/**
 * md_stats_data_dose_is_acute:
 *
 * Whether @dose was acute use: taken for a headache, not as prevention.
 */
gboolean
md_stats_data_dose_is_acute (MdStatsData       *self,
                             const MdStatsDose *dose)
{
  switch (dose->purpose)
    {
    case MD_STATS_PURPOSE_ACUTE:
      return TRUE;
    case MD_STATS_PURPOSE_PREVENTION:
      return FALSE;
    case MD_STATS_PURPOSE_MEDICATION_USE:
    default:
      return g_array_index (self->medications, MdStatsMedication, dose->medication).acute;
    }
}

static int
floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  if ((a % b != 0) && ((a < 0) != (b < 0)))
    q--;

  return (int) q;
}

int
md_stats_day_from_time (gint64 utc,
                        int    offset)
{
  return floor_div (utc + offset, 86400);
}

int
md_stats_day_from_date (GDate *date)
{
  g_return_val_if_fail (g_date_valid (date), 0);

  return (int) g_date_get_julian (date) - EPOCH_JULIAN;
}

int
md_stats_day_from_iso (const char *iso)
{
  int y, m, d;
  GDate date;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return G_MININT;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);

  return md_stats_day_from_date (&date);
}

void
md_stats_day_to_date (int    day,
                      GDate *date)
{
  g_date_clear (date, 1);
  g_date_set_julian (date, (guint32) (day + EPOCH_JULIAN));
}

char *
md_stats_day_to_iso (int day)
{
  GDate date;

  md_stats_day_to_date (day, &date);

  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date),
                          g_date_get_month (&date), g_date_get_day (&date));
}

/* Today as the local clock of this machine sees it at @now. */
int
md_stats_day_today (gint64 now)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (now);

  return md_stats_day_from_time (now, (int) (g_date_time_get_utc_offset (dt) / G_TIME_SPAN_SECOND));
}

/* The strings each kind of record owns, freed with its array; a dose's
 * are copied from one list when it is added, so the two cannot drift
 * apart. */
static const gsize medication_strings[] = {
  G_STRUCT_OFFSET (MdStatsMedication, uuid),
  G_STRUCT_OFFSET (MdStatsMedication, name),
};

static const gsize dose_strings[] = {
  G_STRUCT_OFFSET (MdStatsDose, uuid),
  G_STRUCT_OFFSET (MdStatsDose, unit),
  G_STRUCT_OFFSET (MdStatsDose, co_administered),
  G_STRUCT_OFFSET (MdStatsDose, most_bothersome),
};

static const gsize course_strings[] = {
  G_STRUCT_OFFSET (MdStatsCourse, unit),
  G_STRUCT_OFFSET (MdStatsCourse, end_reason),
  G_STRUCT_OFFSET (MdStatsCourse, end_reason_notes),
};

static void
free_strings (gpointer     record,
              const gsize *fields,
              gsize        n_fields)
{
  for (gsize i = 0; i < n_fields; i++)
    g_free (G_STRUCT_MEMBER (char *, record, fields[i]));
}

static void
medication_clear (gpointer data)
{
  free_strings (data, medication_strings, G_N_ELEMENTS (medication_strings));
}

static void
attack_clear (gpointer data)
{
  MdStatsAttack *attack = data;

  g_free (attack->uuid);
}

static void
dose_clear (gpointer data)
{
  MdStatsDose *dose = data;

  free_strings (dose, dose_strings, G_N_ELEMENTS (dose_strings));
  g_strfreev (dose->side_effects);
}

static void
reading_clear (gpointer data)
{
  MdStatsReading *reading = data;

  g_free (reading->dose_uuid);
}

static void
course_clear (gpointer data)
{
  free_strings (data, course_strings, G_N_ELEMENTS (course_strings));
}

MdStatsData *
md_stats_data_new (gint64 now)
{
  MdStatsData *self = g_new0 (MdStatsData, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->now = now;
  self->medications = g_array_new (FALSE, TRUE, sizeof (MdStatsMedication));
  g_array_set_clear_func (self->medications, medication_clear);
  self->attacks = g_array_new (FALSE, TRUE, sizeof (MdStatsAttack));
  g_array_set_clear_func (self->attacks, attack_clear);
  self->doses = g_array_new (FALSE, TRUE, sizeof (MdStatsDose));
  g_array_set_clear_func (self->doses, dose_clear);
  self->readings = g_array_new (FALSE, TRUE, sizeof (MdStatsReading));
  g_array_set_clear_func (self->readings, reading_clear);
  self->days = g_array_new (FALSE, TRUE, sizeof (MdStatsDay));
  self->courses = g_array_new (FALSE, TRUE, sizeof (MdStatsCourse));
  g_array_set_clear_func (self->courses, course_clear);

  return self;
}

MdStatsData *
md_stats_data_ref (MdStatsData *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
md_stats_data_unref (MdStatsData *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_array_unref (self->medications);
  g_array_unref (self->attacks);
  g_array_unref (self->doses);
  g_array_unref (self->readings);
  g_array_unref (self->days);
  g_array_unref (self->courses);
  g_free (self);
}

int
md_stats_data_add_medication (MdStatsData  *self,
                              const char   *name,
                              MdStatsClass  klass,
                              gboolean      acute)
{
  MdStatsMedication med = { 0 };

  g_return_val_if_fail (!self->finished, -1);

  med.name = g_strdup (name);
  med.klass = klass;
  med.acute = acute;
  g_array_append_val (self->medications, med);

  return (int) self->medications->len - 1;
}

int
md_stats_data_add_attack (MdStatsData         *self,
                          const MdStatsAttack *attack)
{
  MdStatsAttack copy = *attack;

  g_return_val_if_fail (!self->finished, -1);

  copy.uuid = g_strdup (attack->uuid);
  g_array_append_val (self->attacks, copy);

  return (int) self->attacks->len - 1;
}

int
md_stats_data_add_dose (MdStatsData       *self,
                        const MdStatsDose *dose)
{
  MdStatsDose copy = *dose;

  g_return_val_if_fail (!self->finished, -1);
  g_return_val_if_fail (dose->medication >= 0 &&
                        (guint) dose->medication < self->medications->len, -1);

  for (gsize i = 0; i < G_N_ELEMENTS (dose_strings); i++)
    G_STRUCT_MEMBER (char *, &copy, dose_strings[i]) = g_strdup (G_STRUCT_MEMBER (char *, dose, dose_strings[i]));
  copy.side_effects = g_strdupv (dose->side_effects);
  g_array_append_val (self->doses, copy);

  return (int) self->doses->len - 1;
}

void
md_stats_data_add_reading (MdStatsData *self,
                           int          attack,
                           gint64       time,
                           int          pain,
                           int          mbs_present)
{
  MdStatsReading reading = { attack, NULL, time, pain, mbs_present };

  g_return_if_fail (!self->finished);
  g_return_if_fail (attack >= 0 && (guint) attack < self->attacks->len);

  g_array_append_val (self->readings, reading);
}

void
md_stats_data_add_day (MdStatsData *self,
                       int          day,
                       int          status,
                       gboolean     menstruation)
{
  MdStatsDay d = { day, status, menstruation };

  g_return_if_fail (!self->finished);

  g_array_append_val (self->days, d);
}

void
md_stats_data_add_course (MdStatsData *self,
                          int          medication,
                          int          start_day,
                          int          end_day)
{
  MdStatsCourse course = { medication, start_day, end_day, -1, NULL, NULL, NULL };

  g_return_if_fail (!self->finished);

  g_array_append_val (self->courses, course);
}

static int
compare_attacks (gconstpointer a,
                 gconstpointer b)
{
  const MdStatsAttack *x = a, *y = b;

  return (x->start > y->start) - (x->start < y->start);
}

static int
compare_readings (gconstpointer a,
                  gconstpointer b)
{
  const MdStatsReading *x = a, *y = b;

  if (x->attack != y->attack)
    return x->attack - y->attack;

  return (x->time > y->time) - (x->time < y->time);
}

static int
compare_doses (gconstpointer a,
               gconstpointer b)
{
  const MdStatsDose *x = a, *y = b;

  return (x->taken > y->taken) - (x->taken < y->taken);
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  const MdStatsDay *x = a, *y = b;

  return x->day - y->day;
}

static int
compare_courses (gconstpointer a,
                 gconstpointer b)
{
  const MdStatsCourse *x = a, *y = b;

  return x->start_day - y->start_day;
}

static void
widen (MdStatsData *self,
       int          day,
       gboolean    *any)
{
  if (!*any || day < self->first_day)
    self->first_day = day;
  if (!*any || day > self->last_day)
    self->last_day = day;
  *any = TRUE;
}

/* Sorts everything and fills the derived fields. Attacks are sorted by
 * start; the indexes held by doses and readings are remapped to match. */
void
md_stats_data_finish (MdStatsData *self)
{
  g_autofree int *order = NULL;
  g_autofree int *remap = NULL;
  gboolean any = FALSE;
  guint n = self->attacks->len;

  g_return_if_fail (!self->finished);

  /* Remember each attack's old index through its start order. */
  order = g_new (int, n + 1);
  remap = g_new (int, n + 1);
  for (guint i = 0; i < n; i++)
    {
      MdStatsAttack *a = &g_array_index (self->attacks, MdStatsAttack, i);
      /* first_reading is free until below: use it to carry the old index */
      a->first_reading = i;
    }
  g_array_sort (self->attacks, compare_attacks);
  for (guint i = 0; i < n; i++)
    remap[g_array_index (self->attacks, MdStatsAttack, i).first_reading] = (int) i;

  for (guint i = 0; i < self->doses->len; i++)
    {
      MdStatsDose *d = &g_array_index (self->doses, MdStatsDose, i);

      if (d->attack >= 0)
        d->attack = remap[d->attack];
      d->day = md_stats_day_from_time (d->taken, d->taken_offset);
      widen (self, d->day, &any);
    }
  for (guint i = 0; i < self->readings->len; i++)
    {
      MdStatsReading *r = &g_array_index (self->readings, MdStatsReading, i);
      r->attack = remap[r->attack];
    }

  g_array_sort (self->doses, compare_doses);
  g_array_sort (self->readings, compare_readings);
  g_array_sort (self->days, compare_days);
  g_array_sort (self->courses, compare_courses);

  for (guint i = 0; i < n; i++)
    {
      MdStatsAttack *a = &g_array_index (self->attacks, MdStatsAttack, i);
      gint64 end = a->end != 0 ? a->end : MAX (self->now, a->start);
      int end_offset = a->end != 0 ? a->end_offset : a->start_offset;

      a->start_day = md_stats_day_from_time (a->start, a->start_offset);
      /* An attack that ends at 00:00 did not touch the new day. */
      a->end_day = MAX (a->start_day, md_stats_day_from_time (end > a->start ? end - 1 : end, end_offset));
      a->first_reading = 0;
      a->n_readings = 0;
      widen (self, a->start_day, &any);
      widen (self, a->end_day, &any);
    }
  for (guint i = 0; i < self->readings->len; i++)
    {
      MdStatsReading *r = &g_array_index (self->readings, MdStatsReading, i);
      MdStatsAttack *a = &g_array_index (self->attacks, MdStatsAttack, r->attack);

      if (a->n_readings == 0)
        a->first_reading = i;
      a->n_readings++;
    }
  for (guint i = 0; i < self->days->len; i++)
    widen (self, g_array_index (self->days, MdStatsDay, i).day, &any);

  self->finished = TRUE;
}

/* Loading */

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup ((const char *) text) : NULL;
}

static gboolean
prepare (sqlite3       *db,
         const char    *sql,
         sqlite3_stmt **stmt,
         GError       **error)
{
  int rc = sqlite3_prepare_v2 (db, sql, -1, stmt, NULL);

  if (rc == SQLITE_OK)
    return TRUE;

  md_database_set_read_error (db, NULL, rc, error);
  return FALSE;
}

static gboolean
finish_query (sqlite3       *db,
              sqlite3_stmt  *stmt,
              int            rc,
              GError       **error)
{
  sqlite3_finalize (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;

  md_database_set_read_error (db, NULL, rc, error);
  return FALSE;
}

static gboolean
load_all (MdStatsData  *self,
          sqlite3      *db,
          GError      **error)
{
  g_autoptr(GHashTable) meds = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) attacks = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_stmt *stmt;
  int rc;

  if (!prepare (db, "SELECT uuid, name, class, use, builtin_key FROM medications", &stmt, error))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      /* Charts and the report show a preset in the patient's language */
      int i = md_stats_data_add_medication (self,
                                            md_medication_name_shown ((const char *) sqlite3_column_text (stmt, 1),
                                                                      (const char *) sqlite3_column_text (stmt, 4)),
                                            md_stats_class_from_key ((const char *) sqlite3_column_text (stmt, 2)),
                                            g_strcmp0 ((const char *) sqlite3_column_text (stmt, 3), "acute") == 0);
      MdStatsMedication *med = &g_array_index (self->medications, MdStatsMedication, i);

      med->uuid = column_dup (stmt, 0);
      g_hash_table_insert (meds, med->uuid, GINT_TO_POINTER (i + 1));
    }
  if (!finish_query (db, stmt, rc, error))
    return FALSE;

  /* Symptoms are folded into the feature bits with one grouped column. */
  if (!prepare (db,
                "SELECT uuid, start_time, start_offset, end_time, end_offset, peak_pain,"
                " aura, aura_minutes, side, quality, worse_with_activity,"
                " (SELECT group_concat (symptom_key, ',') FROM attack_symptoms s"
                "  WHERE s.attack_uuid = attacks.uuid), peak_nrs"
                " FROM attacks", &stmt, error))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MdStatsAttack a = { 0 };
      const char *side = (const char *) sqlite3_column_text (stmt, 8);
      const char *quality = (const char *) sqlite3_column_text (stmt, 9);
      const char *symptoms = (const char *) sqlite3_column_text (stmt, 11);
      g_auto(GStrv) keys = g_strsplit (symptoms != NULL ? symptoms : "", ",", -1);
      int i;

      a.start = sqlite3_column_int64 (stmt, 1);
      a.start_offset = sqlite3_column_int (stmt, 2);
      a.end = sqlite3_column_int64 (stmt, 3);
      a.end_offset = sqlite3_column_int (stmt, 4);
      a.peak_pain = sqlite3_column_int (stmt, 5);
      a.has_nrs = sqlite3_column_type (stmt, 12) != SQLITE_NULL;
      a.peak_nrs = sqlite3_column_int (stmt, 12);
      a.aura = sqlite3_column_type (stmt, 6) != SQLITE_NULL;
      a.aura_minutes = sqlite3_column_type (stmt, 7) != SQLITE_NULL ? sqlite3_column_int (stmt, 7) : -1;
      /* ICHD-3 "unilateral location": one side in the attack, which may shift between attacks */
      if (g_strcmp0 (side, "left") == 0 || g_strcmp0 (side, "right") == 0 || g_strcmp0 (side, "shifting") == 0)
        a.features |= MD_STATS_ATTACK_UNILATERAL;
      if (g_strcmp0 (quality, "pulsating") == 0)
        a.features |= MD_STATS_ATTACK_PULSATING;
      if (sqlite3_column_int (stmt, 10) == 1)
        a.features |= MD_STATS_ATTACK_ACTIVITY;
      for (guint k = 0; keys[k] != NULL; k++)
        {
          if (g_str_equal (keys[k], "nausea") || g_str_equal (keys[k], "vomiting"))
            a.features |= MD_STATS_ATTACK_NAUSEA;
          else if (g_str_equal (keys[k], "photophobia"))
            a.features |= MD_STATS_ATTACK_PHOTOPHOBIA;
          else if (g_str_equal (keys[k], "phonophobia"))
            a.features |= MD_STATS_ATTACK_PHONOPHOBIA;
        }
      i = md_stats_data_add_attack (self, &a);
      g_array_index (self->attacks, MdStatsAttack, i).uuid = column_dup (stmt, 0);
      g_hash_table_insert (attacks, g_array_index (self->attacks, MdStatsAttack, i).uuid,
                           GINT_TO_POINTER (i + 1));
    }
  if (!finish_query (db, stmt, rc, error))
    return FALSE;

  if (!prepare (db,
                "SELECT uuid, medication_uuid, attack_uuid, taken_time, taken_offset,"
                " amount, unit, route, infusion_end, co_administered, side_effects,"
                " most_bothersome, purpose, setting, cost FROM doses", &stmt, error))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MdStatsDose d = { 0 };
      const char *attack_uuid = (const char *) sqlite3_column_text (stmt, 2);
      const char *side_effects = (const char *) sqlite3_column_text (stmt, 10);
      g_auto(GStrv) effects = NULL;
      g_autofree char *uuid = column_dup (stmt, 0);
      g_autofree char *unit = column_dup (stmt, 6);
      g_autofree char *co = column_dup (stmt, 9);
      g_autofree char *mbs = column_dup (stmt, 11);
      int med = GPOINTER_TO_INT (g_hash_table_lookup (meds, sqlite3_column_text (stmt, 1))) - 1;

      if (med < 0)
        continue;

      effects = (side_effects != NULL && *side_effects != '\0')
                ? g_strsplit (side_effects, ",", -1) : g_new0 (char *, 1);
      d.uuid = uuid;
      d.medication = med;
      d.attack = attack_uuid != NULL ? GPOINTER_TO_INT (g_hash_table_lookup (attacks, attack_uuid)) - 1 : -1;
      d.taken = sqlite3_column_int64 (stmt, 3);
      d.taken_offset = sqlite3_column_int (stmt, 4);
      d.amount = sqlite3_column_double (stmt, 5);
      d.unit = unit;
      d.infusion = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 7), "iv") == 0;
      d.infusion_end = sqlite3_column_int64 (stmt, 8);
      d.co_administered = co;
      d.side_effects = effects;
      d.most_bothersome = mbs;
      d.purpose = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 12), "prevention") == 0
                  ? MD_STATS_PURPOSE_PREVENTION : MD_STATS_PURPOSE_ACUTE;
      d.clinic = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 13), "clinic") == 0;
      d.cost = sqlite3_column_type (stmt, 14) != SQLITE_NULL ? sqlite3_column_double (stmt, 14) : -1;
      md_stats_data_add_dose (self, &d);
    }
  if (!finish_query (db, stmt, rc, error))
    return FALSE;

  if (!prepare (db, "SELECT attack_uuid, dose_uuid, time, pain, mbs_present FROM pain_readings",
                &stmt, error))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int attack = GPOINTER_TO_INT (g_hash_table_lookup (attacks, sqlite3_column_text (stmt, 0))) - 1;
      MdStatsReading *r;

      if (attack < 0)
        continue;
      md_stats_data_add_reading (self, attack, sqlite3_column_int64 (stmt, 2),
                                 sqlite3_column_int (stmt, 3),
                                 sqlite3_column_type (stmt, 4) != SQLITE_NULL
                                 ? sqlite3_column_int (stmt, 4) : -1);
      r = &g_array_index (self->readings, MdStatsReading, self->readings->len - 1);
      r->dose_uuid = column_dup (stmt, 1);
    }
  if (!finish_query (db, stmt, rc, error))
    return FALSE;

  if (!prepare (db, "SELECT date, status, menstruation FROM days", &stmt, error))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *status = (const char *) sqlite3_column_text (stmt, 1);
      int day = md_stats_day_from_iso ((const char *) sqlite3_column_text (stmt, 0));

      if (day == G_MININT)
        continue;
      md_stats_data_add_day (self, day,
                             g_strcmp0 (status, "headache-free") == 0 ? MD_STATS_DAY_HEADACHE_FREE
                             : g_strcmp0 (status, "headache") == 0 ? MD_STATS_DAY_HEADACHE : 0,
                             sqlite3_column_int (stmt, 2) != 0);
    }
  if (!finish_query (db, stmt, rc, error))
    return FALSE;

  if (!prepare (db,
                "SELECT medication_uuid, start_date, end_date, amount, unit, end_reason, end_reason_notes"
                " FROM preventive_courses",
                &stmt, error))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int med = GPOINTER_TO_INT (g_hash_table_lookup (meds, sqlite3_column_text (stmt, 0))) - 1;
      int start = md_stats_day_from_iso ((const char *) sqlite3_column_text (stmt, 1));
      int end = sqlite3_column_type (stmt, 2) != SQLITE_NULL
                ? md_stats_day_from_iso ((const char *) sqlite3_column_text (stmt, 2)) : G_MAXINT;
      MdStatsCourse *c;

      if (med < 0 || start == G_MININT || end == G_MININT)
        continue;
      md_stats_data_add_course (self, med, start, end);
      c = &g_array_index (self->courses, MdStatsCourse, self->courses->len - 1);
      c->amount = sqlite3_column_double (stmt, 3);
      c->unit = column_dup (stmt, 4);
      c->end_reason = column_dup (stmt, 5);
      c->end_reason_notes = column_dup (stmt, 6);
    }
  if (!finish_query (db, stmt, rc, error))
    return FALSE;

  return TRUE;
}

/* Reads the whole diary on a connection of its own, inside one read
 * transaction so the snapshot is consistent while the window writes. */
MdStatsData *
md_stats_data_load (const char  *database_path,
                    gint64       now,
                    GError     **error)
{
  g_autoptr(MdStatsData) self = NULL;
  sqlite3 *db = NULL;
  gboolean ok;
  int rc;

  g_return_val_if_fail (database_path != NULL, NULL);

  rc = md_database_open_reader (database_path, &db);
  if (rc != SQLITE_OK)
    {
      md_database_set_read_error (db, database_path, rc, error);
      sqlite3_close (db);
      return NULL;
    }

  self = md_stats_data_new (now);
  rc = sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  ok = rc == SQLITE_OK && load_all (self, db, error);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  if (!ok && error != NULL && *error == NULL)
    md_database_set_read_error (db, database_path, rc != SQLITE_OK ? rc : sqlite3_extended_errcode (db), error);
  sqlite3_close (db);
  if (!ok)
    return NULL;

  md_stats_data_finish (self);

  return g_steal_pointer (&self);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  MdStatsData *data = md_stats_data_load (task_data, g_get_real_time () / G_USEC_PER_SEC, &error);

  if (data == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, data, (GDestroyNotify) md_stats_data_unref);
}

void
md_stats_data_load_async (const char          *database_path,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  md_database_run_on_path (database_path, md_stats_data_load_async, load_thread,
                           cancellable, callback, user_data);
}

MdStatsData *
md_stats_data_load_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
