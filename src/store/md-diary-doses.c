/* md-diary-doses.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The repository's doses and pain readings.
 */

#define G_LOG_DOMAIN "md-diary"

#include "config.h"

#include <glib/gi18n.h>

#include "md-catalogue.h"
#include "md-diary-private.h"
#include "md-error.h"

/* Doses ---------------------------------------------------------------- */

#define DOSE_COLUMNS \
  "uuid, medication_uuid, attack_uuid, taken_time, taken_offset, amount, unit, route, " \
  "setting, infusion_end, co_administered, side_effects, cost, most_bothersome, notes, purpose"

#define N_DOSE_COLUMNS 16

/* A dose read from DOSE_COLUMNS, from column @first on. */
static MdDose *
dose_from_row (sqlite3_stmt *stmt,
               int           first)
{
  MdDose *dose = md_dose_new ();
  g_autofree char *side_effects = NULL;

  dose->uuid = md_diary_column_text (stmt, first);
  dose->medication_uuid = md_diary_column_text (stmt, first + 1);
  dose->attack_uuid = md_diary_column_text (stmt, first + 2);
  dose->taken = sqlite3_column_int64 (stmt, first + 3);
  dose->taken_offset = sqlite3_column_int (stmt, first + 4);
  dose->amount = sqlite3_column_double (stmt, first + 5);
  dose->unit = md_diary_column_text (stmt, first + 6);
  dose->route = md_diary_column_text (stmt, first + 7);
  dose->setting = md_diary_column_text (stmt, first + 8);
  dose->infusion_end = sqlite3_column_int64 (stmt, first + 9);
  dose->co_administered = md_diary_column_text (stmt, first + 10);
  side_effects = md_diary_column_text (stmt, first + 11);
  dose->side_effects = md_diary_split_keys (side_effects);
  dose->cost = md_diary_column_double_or_unset (stmt, first + 12);
  dose->most_bothersome = md_diary_column_text (stmt, first + 13);
  dose->notes = md_diary_column_text (stmt, first + 14);
  dose->purpose = md_diary_column_text (stmt, first + 15);

  return dose;
}

static GPtrArray *
list_doses (MdDiary    *self,
            const char *sql,
            const char *text_key,
            gint64      from,
            gint64      to)
{
  GPtrArray *doses = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = md_database_prepare (self->database, sql, NULL);

  if (stmt == NULL)
    return doses;

  if (text_key != NULL)
    md_diary_bind_text (stmt, 1, text_key);
  else
    {
      sqlite3_bind_int64 (stmt, 1, from);
      sqlite3_bind_int64 (stmt, 2, to);
    }

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (doses, dose_from_row (stmt, 0));
  sqlite3_reset (stmt);

  return doses;
}

/**
 * md_diary_get_dose:
 *
 * Returns: (transfer full) (nullable): the dose
 */
MdDose *
md_diary_get_dose (MdDiary    *self,
                   const char *uuid)
{
  g_autoptr(GPtrArray) doses = NULL;

  g_return_val_if_fail (MD_IS_DIARY (self), NULL);

  doses = list_doses (self, "SELECT " DOSE_COLUMNS " FROM doses WHERE uuid = ?", uuid, 0, 0);

  return doses->len > 0 ? g_object_ref (g_ptr_array_index (doses, 0)) : NULL;
}

/**
 * md_diary_list_doses:
 *
 * Returns: (transfer full) (element-type MdDose): doses taken in
 *   [@from, @to), oldest first
 */
GPtrArray *
md_diary_list_doses (MdDiary *self,
                     gint64   from,
                     gint64   to)
{
  g_return_val_if_fail (MD_IS_DIARY (self), NULL);

  return list_doses (self,
                     "SELECT " DOSE_COLUMNS " FROM doses WHERE taken_time >= ? AND taken_time < ? "
                     "ORDER BY taken_time, uuid",
                     NULL, from, to);
}

/**
 * md_diary_list_doses_for_attack:
 *
 * Returns: (transfer full) (element-type MdDose): oldest first
 */
GPtrArray *
md_diary_list_doses_for_attack (MdDiary    *self,
                                const char *attack_uuid)
{
  g_return_val_if_fail (MD_IS_DIARY (self), NULL);

  return list_doses (self,
                     "SELECT " DOSE_COLUMNS " FROM doses WHERE attack_uuid = ? "
                     "ORDER BY taken_time, uuid",
                     attack_uuid, 0, 0);
}

static gboolean
validate_dose (MdDiary  *self,
               MdDose   *dose,
               GError  **error)
{
  if (dose->medication_uuid == NULL ||
      !md_diary_has_uuid (self, "medications", dose->medication_uuid))
    return md_diary_invalid (error, _("Medication: choose a medication from your list."));
  if (dose->taken <= 0)
    return md_diary_invalid (error, _("Time taken: choose when the dose was taken."));
  if (!md_diary_check_not_future (self, dose->taken, _("Time taken"), error) ||
      !md_diary_check_offset (dose->taken_offset, _("Time taken"), error))
    return FALSE;
  if (!md_diary_check_finite (dose->amount, _("Amount"), error) ||
      !md_diary_check_finite (dose->cost, _("Cost"), error))
    return FALSE;
  if (!(dose->amount > 0))
    return md_diary_invalid (error, _("Amount: the amount must be more than zero."));
  if (dose->unit == NULL || dose->unit[0] == '\0')
    return md_diary_invalid (error, _("Unit: give the unit of the dose, such as mg."));
  if (dose->infusion_end != 0 && dose->infusion_end < dose->taken)
    return md_diary_invalid (error, _("Infusion end: the infusion cannot end before it started."));
  if (dose->route == NULL)
    return md_diary_invalid (error, _("Route: choose how the dose was taken."));
  if (dose->setting == NULL)
    return md_diary_invalid (error, _("Setting: choose where the dose was taken."));
  if (!md_diary_check_key (MD_CATALOGUE_ROUTE, dose->route, _("Route"), error) ||
      !md_diary_check_key (MD_CATALOGUE_SETTING, dose->setting, _("Setting"), error) ||
      !md_diary_check_key (MD_CATALOGUE_SYMPTOM, dose->most_bothersome, _("Most bothersome symptom"), error))
    return FALSE;
  if (dose->attack_uuid != NULL && !md_diary_has_uuid (self, "attacks", dose->attack_uuid))
    return md_diary_invalid (error, _("Attack: the attack of this dose is no longer in your diary."));
  if (dose->cost < 0 && dose->cost != -1)
    return md_diary_invalid (error, _("Cost: the cost cannot be negative."));
  if (dose->purpose != NULL && !g_str_equal (dose->purpose, "acute") &&
      !g_str_equal (dose->purpose, "prevention"))
    return md_diary_invalid (error, _("Taken for: choose a headache or prevention."));

  for (guint i = 0; dose->side_effects != NULL && dose->side_effects[i] != NULL; i++)
    if (!md_diary_check_key (MD_CATALOGUE_SIDE_EFFECT, dose->side_effects[i], _("Side effects"), error))
      return FALSE;

  return TRUE;
}

/**
 * md_diary_get_default_dose_purpose:
 *
 * Why @dose was most likely given, from what the diary knows (see
 * %MD_DATABASE_DOSE_DEFAULT_PURPOSE): what md_diary_save_dose() stores
 * when @dose has no purpose, and what an editor shows until the patient
 * chooses.
 *
 * Returns: "acute" or "prevention"
 */
const char *
md_diary_get_default_dose_purpose (MdDiary *self,
                                   MdDose  *dose)
{
  sqlite3_stmt *stmt;
  gboolean prevention = FALSE;

  g_return_val_if_fail (MD_IS_DIARY (self), "acute");
  g_return_val_if_fail (MD_IS_DOSE (dose), "acute");

  /* The rule reads a row named doses: a one-row table of that name
   * stands in for the dose that is not saved yet. */
  stmt = md_database_prepare (self->database,
                              "WITH doses (attack_uuid, medication_uuid, route, setting, taken_time, "
                              "taken_offset) AS (VALUES (?, ?, ?, ?, ?, ?)) "
                              "SELECT " MD_DATABASE_DOSE_DEFAULT_PURPOSE " FROM doses",
                              NULL);
  if (stmt == NULL)
    return "acute";

  md_diary_bind_text (stmt, 1, dose->attack_uuid);
  md_diary_bind_text (stmt, 2, dose->medication_uuid);
  md_diary_bind_text (stmt, 3, dose->route);
  md_diary_bind_text (stmt, 4, dose->setting);
  sqlite3_bind_int64 (stmt, 5, dose->taken);
  sqlite3_bind_int (stmt, 6, dose->taken_offset);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    prevention = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "prevention") == 0;
  sqlite3_reset (stmt);

  return prevention ? "prevention" : "acute";
}

/* Stores the default purpose in the saved dose @uuid, from the diary as
 * it is now: after a CSV import, whose courses and days follow its doses. */
gboolean
md_diary_apply_default_dose_purpose (MdDiary     *self,
                                     const char  *uuid,
                                     GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = md_database_prepare (self->database,
                              "UPDATE doses SET purpose = " MD_DATABASE_DOSE_DEFAULT_PURPOSE
                              " WHERE uuid = ?",
                              error);
  if (stmt == NULL)
    return FALSE;

  md_diary_bind_text (stmt, 1, uuid);

  return md_diary_step_done (self, stmt, error);
}

/**
 * md_diary_validate_dose:
 *
 * Checks @dose as md_diary_save_dose() would, without saving.
 */
gboolean
md_diary_validate_dose (MdDiary  *self,
                        MdDose   *dose,
                        GError  **error)
{
  g_return_val_if_fail (MD_IS_DIARY (self), FALSE);
  g_return_val_if_fail (MD_IS_DOSE (dose), FALSE);

  return validate_dose (self, dose, error);
}

gboolean
md_diary_save_dose (MdDiary  *self,
                    MdDose   *dose,
                    GError  **error)
{
  g_autofree char *side_effects = NULL;
  sqlite3_stmt *stmt;
  gboolean owns;
  gboolean ok;

  g_return_val_if_fail (MD_IS_DIARY (self), FALSE);
  g_return_val_if_fail (MD_IS_DOSE (dose), FALSE);

  if (!validate_dose (self, dose, error))
    return FALSE;

  md_diary_ensure_uuid (&dose->uuid);
  side_effects = dose->side_effects != NULL ? g_strjoinv (",", dose->side_effects) : g_strdup ("");
  if (dose->purpose == NULL)
    dose->purpose = g_strdup (md_diary_get_default_dose_purpose (self, dose));

  if (!md_diary_action_begin (self, &owns, error))
    return FALSE;

  stmt = md_database_prepare (self->database,
                              "INSERT INTO doses (" DOSE_COLUMNS ") "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                              "ON CONFLICT (uuid) DO UPDATE SET "
                              "medication_uuid = excluded.medication_uuid, "
                              "attack_uuid = excluded.attack_uuid, taken_time = excluded.taken_time, "
                              "taken_offset = excluded.taken_offset, amount = excluded.amount, "
                              "unit = excluded.unit, route = excluded.route, "
                              "setting = excluded.setting, infusion_end = excluded.infusion_end, "
                              "co_administered = excluded.co_administered, "
                              "side_effects = excluded.side_effects, cost = excluded.cost, "
                              "most_bothersome = excluded.most_bothersome, notes = excluded.notes, "
                              "purpose = excluded.purpose",
                              error);
  ok = stmt != NULL;
  if (ok)
    {
      md_diary_bind_text (stmt, 1, dose->uuid);
      md_diary_bind_text (stmt, 2, dose->medication_uuid);
      md_diary_bind_text (stmt, 3, dose->attack_uuid);
      sqlite3_bind_int64 (stmt, 4, dose->taken);
      sqlite3_bind_int (stmt, 5, dose->taken_offset);
      sqlite3_bind_double (stmt, 6, dose->amount);
      md_diary_bind_text (stmt, 7, dose->unit);
      md_diary_bind_text (stmt, 8, dose->route);
      md_diary_bind_text (stmt, 9, dose->setting);
      md_diary_bind_time_or_unset (stmt, 10, dose->infusion_end);
      md_diary_bind_text (stmt, 11, dose->co_administered != NULL ? dose->co_administered : "");
      md_diary_bind_text (stmt, 12, side_effects);
      md_diary_bind_double_or_unset (stmt, 13, dose->cost);
      md_diary_bind_text (stmt, 14, dose->most_bothersome);
      md_diary_bind_text (stmt, 15, dose->notes != NULL ? dose->notes : "");
      md_diary_bind_text (stmt, 16, dose->purpose);
      ok = md_diary_step_done (self, stmt, error);
    }

  if (!md_diary_action_end (self, owns, ok, error))
    return FALSE;

  g_signal_emit (self, md_diary_signals[DOSE_SAVED], 0, dose);

  /* An attack row shows its doses. */
  if (owns)
    {
      /* A dose on its own is an entry of the diary's timeline. */
      g_signal_emit (self, md_diary_signals[CHANGED], 0);
      if (dose->attack_uuid != NULL)
        md_diary_attack_row_changed (self, dose->attack_uuid);
    }

  return TRUE;
}

/* What a deleted dose takes with it, and the readings it leaves. */
static const MdDiarySnapshot dose_rows[] = {
  { "doses", "uuid", FALSE },
  { "reminders", "dose_uuid", FALSE },
  { "pain_readings", "dose_uuid", TRUE },
  { NULL }
};

/**
 * md_diary_delete_dose:
 *
 * Returns: (transfer full) (nullable): what md_diary_undo() needs
 */
MdDiaryUndo *
md_diary_delete_dose (MdDiary     *self,
                      const char  *uuid,
                      GError     **error)
{
  g_autoptr(MdDiaryUndo) undo = NULL;
  g_autoptr(MdDose) dose = NULL;
  gboolean owns;

  g_return_val_if_fail (MD_IS_DIARY (self), NULL);

  /* Within a larger action, that action tells the views when it ends. */
  owns = !md_database_in_transaction (self->database);
  dose = md_diary_get_dose (self, uuid);
  undo = md_diary_delete_with_undo (self, dose_rows, uuid, error);
  if (undo == NULL)
    return NULL;

  if (owns)
    g_signal_emit (self, md_diary_signals[CHANGED], 0);
  if (owns && dose != NULL && dose->attack_uuid != NULL)
    md_diary_attack_row_changed (self, dose->attack_uuid);

  return g_steal_pointer (&undo);
}

/* Pain readings -------------------------------------------------------- */

#define READING_COLUMNS "uuid, attack_uuid, dose_uuid, time, time_offset, pain, nrs, mbs_present"

/* A reading read from READING_COLUMNS, from column @first on. */
static MdPainReading *
reading_from_row (sqlite3_stmt *stmt,
                  int           first)
{
  MdPainReading *reading = md_pain_reading_new ();

  reading->uuid = md_diary_column_text (stmt, first);
  reading->attack_uuid = md_diary_column_text (stmt, first + 1);
  reading->dose_uuid = md_diary_column_text (stmt, first + 2);
  reading->time = sqlite3_column_int64 (stmt, first + 3);
  reading->time_offset = sqlite3_column_int (stmt, first + 4);
  reading->pain = sqlite3_column_int (stmt, first + 5);
  reading->nrs = md_diary_column_int_or_unset (stmt, first + 6);
  reading->mbs_present = md_diary_column_int_or_unset (stmt, first + 7);

  return reading;
}

gboolean
md_diary_save_pain_reading (MdDiary        *self,
                            MdPainReading  *reading,
                            GError        **error)
{
  sqlite3_stmt *stmt;
  gboolean owns;
  gboolean ok;

  g_return_val_if_fail (MD_IS_DIARY (self), FALSE);
  g_return_val_if_fail (MD_IS_PAIN_READING (reading), FALSE);

  if (reading->attack_uuid == NULL || !md_diary_has_uuid (self, "attacks", reading->attack_uuid))
    return md_diary_invalid (error, _("Attack: a pain reading belongs to an attack in your diary."));
  if (reading->dose_uuid != NULL && !md_diary_has_uuid (self, "doses", reading->dose_uuid))
    return md_diary_invalid (error, _("Dose: the dose of this reading is no longer in your diary."));
  if (reading->time <= 0)
    return md_diary_invalid (error, _("Time: choose when the pain was like this."));
  if (!md_diary_check_not_future (self, reading->time, _("Time"), error) ||
      !md_diary_check_offset (reading->time_offset, _("Time"), error) ||
      !md_diary_check_pain (reading->pain, _("Pain"), error) ||
      !md_diary_check_nrs (reading->nrs, _("Pain from 0 to 10"), error))
    return FALSE;
  if (reading->mbs_present < -1 || reading->mbs_present > 1)
    return md_diary_invalid (error, _("Most bothersome symptom: answer yes or no."));

  md_diary_ensure_uuid (&reading->uuid);

  if (!md_diary_action_begin (self, &owns, error))
    return FALSE;

  stmt = md_database_prepare (self->database,
                              "INSERT INTO pain_readings (" READING_COLUMNS ") "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                              "ON CONFLICT (uuid) DO UPDATE SET attack_uuid = excluded.attack_uuid, "
                              "dose_uuid = excluded.dose_uuid, time = excluded.time, "
                              "time_offset = excluded.time_offset, pain = excluded.pain, "
                              "nrs = excluded.nrs, mbs_present = excluded.mbs_present",
                              error);
  ok = stmt != NULL;
  if (ok)
    {
      md_diary_bind_text (stmt, 1, reading->uuid);
      md_diary_bind_text (stmt, 2, reading->attack_uuid);
      md_diary_bind_text (stmt, 3, reading->dose_uuid);
      sqlite3_bind_int64 (stmt, 4, reading->time);
      sqlite3_bind_int (stmt, 5, reading->time_offset);
      sqlite3_bind_int (stmt, 6, reading->pain);
      md_diary_bind_int_or_unset (stmt, 7, reading->nrs);
      md_diary_bind_int_or_unset (stmt, 8, reading->mbs_present);
      ok = md_diary_step_done (self, stmt, error);
    }

  if (!md_diary_action_end (self, owns, ok, error))
    return FALSE;

  if (owns)
    md_diary_attack_row_changed (self, reading->attack_uuid);

  return TRUE;
}

static GPtrArray *
list_readings (MdDiary    *self,
               const char *sql,
               const char *attack_uuid)
{
  GPtrArray *readings = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = md_database_prepare (self->database, sql, NULL);

  if (stmt == NULL)
    return readings;

  /* Left unbound, an attack is NULL: a dose on its own has no readings. */
  if (attack_uuid != NULL)
    md_diary_bind_text (stmt, 1, attack_uuid);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (readings, reading_from_row (stmt, 0));
  sqlite3_reset (stmt);

  return readings;
}

/**
 * md_diary_list_pain_readings:
 *
 * Returns: (transfer full) (element-type MdPainReading): the readings of
 *   an attack, oldest first
 */
GPtrArray *
md_diary_list_pain_readings (MdDiary    *self,
                             const char *attack_uuid)
{
  g_return_val_if_fail (MD_IS_DIARY (self), NULL);

  return list_readings (self,
                        "SELECT " READING_COLUMNS " FROM pain_readings "
                        /* Readings within one second keep the order
                         * they were logged in. */
                        "WHERE attack_uuid = ? ORDER BY time, rowid",
                        attack_uuid);
}

/* Every reading of the diary, oldest first (the CSV export). */
GPtrArray *
md_diary_list_every_pain_reading (MdDiary *self)
{
  return list_readings (self,
                        "SELECT " READING_COLUMNS " FROM pain_readings ORDER BY time, uuid",
                        NULL);
}

/**
 * md_diary_delete_pain_reading:
 *
 * Returns: (transfer full) (nullable): what md_diary_undo() needs
 */
MdDiaryUndo *
md_diary_delete_pain_reading (MdDiary     *self,
                              const char  *uuid,
                              GError     **error)
{
  g_return_val_if_fail (MD_IS_DIARY (self), NULL);

  return md_diary_delete_row_with_undo (self, "pain_readings", uuid, error);
}

/* What a diary row shows of an attack ---------------------------------- */

static void
unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

/* Three lists in one statement, told apart by the first column and kept
 * in order by the next two: the doses with their medications (oldest
 * first), the readings (oldest first, then as logged), the symptoms (by
 * key). Each part fills its own columns and NULL the rest. */
#define DETAIL_FIRST 3
#define DETAIL_NULLS(n) DETAIL_NULLS_##n
#define DETAIL_NULLS_17 "NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL"
#define DETAIL_NULLS_23 DETAIL_NULLS_17 ", NULL, NULL, NULL, NULL, NULL, NULL"

#define DETAIL_DOSE 0
#define DETAIL_READING 1
#define DETAIL_SYMPTOM 2

G_STATIC_ASSERT (N_DOSE_COLUMNS + MD_DIARY_N_MEDICATION_COLUMNS == 8 + 17);
G_STATIC_ASSERT (N_DOSE_COLUMNS + MD_DIARY_N_MEDICATION_COLUMNS == 2 + 23);

/**
 * md_diary_read_attack_details:
 * @attack_uuid: an attack
 *
 * What a diary row shows of an attack beside the attack itself, in one
 * query: it runs at every bind while the patient scrolls.
 *
 * Returns: (transfer full): the details; empty lists for an unknown attack
 */
MdAttackDetails *
md_diary_read_attack_details (MdDiary    *self,
                              const char *attack_uuid)
{
  MdAttackDetails *details = g_new0 (MdAttackDetails, 1);
  sqlite3_stmt *stmt;

  details->doses = g_ptr_array_new_with_free_func (g_object_unref);
  details->medications = g_ptr_array_new_with_free_func (unref_if_set);
  details->readings = g_ptr_array_new_with_free_func (g_object_unref);
  details->symptoms = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (MD_IS_DIARY (self), details);

  stmt = md_database_prepare (self->database,
                              "SELECT " G_STRINGIFY (DETAIL_DOSE) ", d.taken_time, d.uuid, d.*, m.* "
                              "FROM (SELECT " DOSE_COLUMNS " FROM doses WHERE attack_uuid = ?1) d "
                              "LEFT JOIN (SELECT " MD_DIARY_MEDICATION_COLUMNS " FROM medications) m "
                              "ON m.uuid = d.medication_uuid "
                              "UNION ALL "
                              "SELECT " G_STRINGIFY (DETAIL_READING) ", time, rowid, " READING_COLUMNS ", "
                              DETAIL_NULLS (17) " FROM pain_readings WHERE attack_uuid = ?1 "
                              "UNION ALL "
                              "SELECT " G_STRINGIFY (DETAIL_SYMPTOM) ", NULL, s.symptom_key, s.symptom_key, k.label, "
                              DETAIL_NULLS (23) " FROM attack_symptoms s "
                              "LEFT JOIN symptoms k ON k.key = s.symptom_key WHERE s.attack_uuid = ?1 "
                              "ORDER BY 1, 2, 3",
                              NULL);
  if (stmt == NULL)
    return details;

  md_diary_bind_text (stmt, 1, attack_uuid);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    switch (sqlite3_column_int (stmt, 0))
      {
      case DETAIL_DOSE:
        g_ptr_array_add (details->doses, dose_from_row (stmt, DETAIL_FIRST));
        g_ptr_array_add (details->medications,
                         sqlite3_column_type (stmt, DETAIL_FIRST + N_DOSE_COLUMNS) == SQLITE_NULL
                         ? NULL : md_diary_medication_from_row (stmt, DETAIL_FIRST + N_DOSE_COLUMNS));
        break;

      case DETAIL_READING:
        g_ptr_array_add (details->readings, reading_from_row (stmt, DETAIL_FIRST));
        break;

      case DETAIL_SYMPTOM:
      default:
        {
          const char *key = (const char *) sqlite3_column_text (stmt, DETAIL_FIRST);
          const char *builtin = md_catalogue_get_label (MD_CATALOGUE_SYMPTOM, key);
          const char *own = (const char *) sqlite3_column_text (stmt, DETAIL_FIRST + 1);

          /* A built-in symptom in the patient's language, their own by its label. */
          g_ptr_array_add (details->symptoms, g_strdup (builtin != NULL ? builtin : own != NULL ? own : key));
        }
        break;
      }
  sqlite3_reset (stmt);

  return details;
}

void
md_attack_details_free (MdAttackDetails *details)
{
  if (details == NULL)
    return;

  g_ptr_array_unref (details->doses);
  g_ptr_array_unref (details->medications);
  g_ptr_array_unref (details->readings);
  g_ptr_array_unref (details->symptoms);
  g_free (details);
}
