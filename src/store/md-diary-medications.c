/* md-diary-medications.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The repository's medications, custom symptoms and triggers, preventive courses.
 */

#define G_LOG_DOMAIN "md-diary"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "md-catalogue.h"
#include "md-diary-private.h"
#include "md-error.h"

/* Medications --------------------------------------------------------- */

/* A medication read from MD_DIARY_MEDICATION_COLUMNS, from column @first on. */
MdMedication *
md_diary_medication_from_row (sqlite3_stmt *stmt,
                              int           first)
{
  MdMedication *medication = md_medication_new ();

  medication->uuid = md_diary_column_text (stmt, first);
  medication->name = md_diary_column_text (stmt, first + 1);
  medication->med_class = md_diary_column_text (stmt, first + 2);
  medication->use = md_diary_column_text (stmt, first + 3);
  medication->default_amount = sqlite3_column_double (stmt, first + 4);
  medication->unit = md_diary_column_text (stmt, first + 5);
  medication->route = md_diary_column_text (stmt, first + 6);
  medication->builtin_key = md_diary_column_text (stmt, first + 7);
  medication->archived = sqlite3_column_int (stmt, first + 8) != 0;

  return medication;
}

static MdMedication *
read_medication (MdDiary    *self,
                 const char *sql,
                 const char *uuid,
                 gint64      rowid)
{
  sqlite3_stmt *stmt = md_database_prepare (self->database, sql, NULL);
  MdMedication *medication = NULL;

  if (stmt == NULL)
    return NULL;

  if (uuid != NULL)
    md_diary_bind_text (stmt, 1, uuid);
  else
    sqlite3_bind_int64 (stmt, 1, rowid);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    medication = md_diary_medication_from_row (stmt, 0);
  sqlite3_reset (stmt);

  return medication;
}

gpointer
md_diary_load_medication (gint64   rowid,
                          gpointer user_data)
{
  return read_medication (user_data,
                          "SELECT " MD_DIARY_MEDICATION_COLUMNS " FROM medications WHERE rowid = ?",
                          NULL, rowid);
}

/**
 * md_diary_get_medications:
 *
 * Returns: (transfer none): every medication, archived ones last, by name
 */
GListModel *
md_diary_get_medications (MdDiary *self)
{
  g_return_val_if_fail (MD_IS_DIARY (self), NULL);

  return G_LIST_MODEL (self->medications);
}

/**
 * md_diary_get_medication:
 *
 * Returns: (transfer full) (nullable): the medication
 */
MdMedication *
md_diary_get_medication (MdDiary    *self,
                         const char *uuid)
{
  g_return_val_if_fail (MD_IS_DIARY (self), NULL);

  /* One query: a diary row asks for it at every bind. */
  return read_medication (self, "SELECT " MD_DIARY_MEDICATION_COLUMNS " FROM medications WHERE uuid = ?",
                          uuid, 0);
}

/**
 * md_diary_validate_medication:
 *
 * Checks @medication as md_diary_save_medication() would, without saving.
 */
gboolean
md_diary_validate_medication (MdDiary       *self,
                              MdMedication  *medication,
                              GError       **error)
{
  g_return_val_if_fail (MD_IS_DIARY (self), FALSE);
  g_return_val_if_fail (MD_IS_MEDICATION (medication), FALSE);

  if (medication->name == NULL || g_strstrip (medication->name)[0] == '\0')
    return md_diary_invalid (error, _("Name: a medication needs a name."));
  if (medication->med_class == NULL)
    return md_diary_invalid (error, _("Class: choose the class of the medication."));
  if (!md_diary_check_key (MD_CATALOGUE_MEDICATION_CLASS, medication->med_class, _("Class"), error) ||
      !md_diary_check_key (MD_CATALOGUE_ROUTE, medication->route, _("Route"), error))
    return FALSE;
  if (medication->route == NULL)
    return md_diary_invalid (error, _("Route: choose how the medication is taken."));
  if (medication->use == NULL || !md_catalogue_has_key (MD_CATALOGUE_USE, medication->use))
    return md_diary_invalid (error, _("Use: choose acute or preventive."));
  if (medication->unit == NULL || medication->unit[0] == '\0')
    return md_diary_invalid (error, _("Unit: give the unit of the dose, such as mg."));
  if (!md_diary_check_finite (medication->default_amount, _("Amount"), error))
    return FALSE;
  if (medication->default_amount == 0 || (medication->default_amount < 0 && medication->default_amount != -1))
    return md_diary_invalid (error, _("Amount: the amount must be more than zero."));

  return TRUE;
}

gboolean
md_diary_save_medication (MdDiary       *self,
                          MdMedication  *medication,
                          GError       **error)
{
  sqlite3_stmt *stmt;
  gboolean owns;
  gboolean existed;
  gboolean ok;

  g_return_val_if_fail (MD_IS_DIARY (self), FALSE);
  g_return_val_if_fail (MD_IS_MEDICATION (medication), FALSE);

  if (!md_diary_validate_medication (self, medication, error))
    return FALSE;

  md_diary_ensure_uuid (&medication->uuid);
  existed = md_diary_has_uuid (self, "medications", medication->uuid);

  if (!md_diary_action_begin (self, &owns, error))
    return FALSE;

  stmt = md_database_prepare (self->database,
                              "INSERT INTO medications (" MD_DIARY_MEDICATION_COLUMNS ") "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                              "ON CONFLICT (uuid) DO UPDATE SET name = excluded.name, "
                              "class = excluded.class, use = excluded.use, "
                              "default_amount = excluded.default_amount, unit = excluded.unit, "
                              "route = excluded.route, builtin_key = excluded.builtin_key, "
                              "archived = excluded.archived",
                              error);
  ok = stmt != NULL;
  if (ok)
    {
      md_diary_bind_text (stmt, 1, medication->uuid);
      md_diary_bind_text (stmt, 2, medication->name);
      md_diary_bind_text (stmt, 3, medication->med_class);
      md_diary_bind_text (stmt, 4, medication->use);
      sqlite3_bind_double (stmt, 5, medication->default_amount);
      md_diary_bind_text (stmt, 6, medication->unit);
      md_diary_bind_text (stmt, 7, medication->route);
      md_diary_bind_text (stmt, 8, medication->builtin_key);
      sqlite3_bind_int (stmt, 9, medication->archived);
      ok = md_diary_step_done (self, stmt, error);
    }

  if (!md_diary_action_end (self, owns, ok, error))
    return FALSE;

  /* Inside a caller's transaction the lists catch up at commit. */
  if (owns)
    {
      md_row_list_reload (self->medications);
      if (existed)
        md_row_list_row_changed (self->medications, md_diary_rowid_of (self, "medications", medication->uuid));
    }

  return TRUE;
}

/**
 * md_diary_delete_medication:
 *
 * Deletes a medication that was never taken. One with doses or courses
 * is refused with %MD_DIARY_ERROR_IN_USE: archive it instead, so the
 * record of what was taken stays whole.
 */
gboolean
md_diary_delete_medication (MdDiary     *self,
                            const char  *uuid,
                            GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MD_IS_DIARY (self), FALSE);

  if (md_diary_row_exists (self, "SELECT 1 FROM doses WHERE medication_uuid = ?", uuid) ||
      md_diary_row_exists (self, "SELECT 1 FROM preventive_courses WHERE medication_uuid = ?", uuid))
    {
      g_set_error_literal (error, MD_DIARY_ERROR, MD_DIARY_ERROR_IN_USE,
                           _("This medication has doses in your diary; archive it instead of deleting it."));
      return FALSE;
    }

  stmt = md_database_prepare (self->database, "DELETE FROM medications WHERE uuid = ?", error);
  if (stmt == NULL)
    return FALSE;

  md_diary_bind_text (stmt, 1, uuid);
  if (!md_diary_step_done (self, stmt, error))
    return FALSE;

  md_row_list_reload (self->medications);
  return TRUE;
}

/* Symptoms and triggers ----------------------------------------------- */

static char *
add_custom_entry (MdDiary     *self,
                  const char  *table,
                  const char  *label,
                  GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (label != NULL ? label : ""));
  g_autofree char *find_sql = g_strdup_printf ("SELECT key FROM %s WHERE label = ?", table);
  g_autofree char *insert_sql = g_strdup_printf ("INSERT INTO %s (key, label, builtin) VALUES (?, ?, 0)", table);
  g_autofree char *uuid = NULL;
  sqlite3_stmt *stmt;
  char *key = NULL;

  if (clean[0] == '\0')
    {
      md_diary_invalid (error, _("Name: give the new entry a name."));
      return NULL;
    }

  /* The same label twice is the same entry. */
  stmt = md_database_prepare (self->database, find_sql, error);
  if (stmt == NULL)
    return NULL;
  md_diary_bind_text (stmt, 1, clean);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    key = md_diary_column_text (stmt, 0);
  sqlite3_reset (stmt);
  if (key != NULL)
    return key;

  uuid = g_uuid_string_random ();
  key = g_strconcat ("custom-", uuid, NULL);
  stmt = md_database_prepare (self->database, insert_sql, error);
  if (stmt == NULL)
    {
      g_free (key);
      return NULL;
    }
  md_diary_bind_text (stmt, 1, key);
  md_diary_bind_text (stmt, 2, clean);
  if (!md_diary_step_done (self, stmt, error))
    g_clear_pointer (&key, g_free);

  return key;
}

/* An attack's symptoms and triggers are one CSV field separated by ";"
 * (README, "CSV format"): a key with one in it would come back from the
 * diary's own export as two keys. */
static gboolean
check_custom_key (const char  *key,
                  GError     **error)
{
  if (strchr (key, ';') != NULL)
    /* Translators: %s is a key such as "jaw;left" */
    return md_diary_invalid (error, _("Key: “%s” contains “;”, which separates the symptoms and triggers of an attack; use a key without it."),
                             key);

  return TRUE;
}

/* A custom symptom or trigger under the key another diary gave it (a CSV
 * import); one with that key already here is left as it is. */
gboolean
md_diary_add_custom_entry_with_key (MdDiary     *self,
                                    const char  *table,
                                    const char  *key,
                                    const char  *label,
                                    gboolean    *out_added,
                                    GError     **error)
{
  g_autofree char *find_sql = g_strdup_printf ("SELECT 1 FROM %s WHERE key = ?", table);
  g_autofree char *insert_sql = g_strdup_printf ("INSERT INTO %s (key, label, builtin) VALUES (?, ?, 0)", table);
  sqlite3_stmt *stmt;

  g_assert (g_str_equal (table, "symptoms") || g_str_equal (table, "triggers"));
  g_assert (key != NULL && key[0] != '\0');

  *out_added = FALSE;
  if (md_diary_row_exists (self, find_sql, key))
    return TRUE;

  if (!check_custom_key (key, error))
    return FALSE;
  if (label == NULL || label[0] == '\0')
    return md_diary_invalid (error, "%s", _("Name: give the new entry a name."));

  stmt = md_database_prepare (self->database, insert_sql, error);
  if (stmt == NULL)
    return FALSE;
  md_diary_bind_text (stmt, 1, key);
  md_diary_bind_text (stmt, 2, label);
  *out_added = md_diary_step_done (self, stmt, error);

  return *out_added;
}

/**
 * md_diary_add_custom_symptom:
 *
 * Returns: (transfer full): the key of the symptom with that label
 */
char *
md_diary_add_custom_symptom (MdDiary     *self,
                             const char  *label,
                             GError     **error)
{
  g_return_val_if_fail (MD_IS_DIARY (self), NULL);

  return add_custom_entry (self, "symptoms", label, error);
}

char *
md_diary_add_custom_trigger (MdDiary     *self,
                             const char  *label,
                             GError     **error)
{
  g_return_val_if_fail (MD_IS_DIARY (self), NULL);

  return add_custom_entry (self, "triggers", label, error);
}

static char *
entry_label (MdDiary     *self,
             MdCatalogue  catalogue,
             const char  *table,
             const char  *key)
{
  g_autofree char *sql = g_strdup_printf ("SELECT label FROM %s WHERE key = ?", table);
  const char *builtin = md_catalogue_get_label (catalogue, key);
  sqlite3_stmt *stmt;
  char *label = NULL;

  if (builtin != NULL)
    return g_strdup (builtin);

  stmt = md_database_prepare (self->database, sql, NULL);
  if (stmt == NULL)
    return NULL;
  md_diary_bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    label = md_diary_column_text (stmt, 0);
  sqlite3_reset (stmt);

  return label;
}

/**
 * md_diary_get_symptom_label:
 *
 * Returns: (transfer full) (nullable): the translated label of a built-in
 *   symptom, or the patient's own label of a custom one
 */
char *
md_diary_get_symptom_label (MdDiary    *self,
                            const char *key)
{
  g_return_val_if_fail (MD_IS_DIARY (self), NULL);

  return entry_label (self, MD_CATALOGUE_SYMPTOM, "symptoms", key);
}

char *
md_diary_get_trigger_label (MdDiary    *self,
                            const char *key)
{
  g_return_val_if_fail (MD_IS_DIARY (self), NULL);

  return entry_label (self, MD_CATALOGUE_TRIGGER, "triggers", key);
}

static GPtrArray *
list_keys (MdDiary    *self,
           const char *sql)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = md_database_prepare (self->database, sql, NULL);

  if (stmt == NULL)
    return keys;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (keys, md_diary_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return keys;
}

/**
 * md_diary_list_symptom_keys:
 *
 * Returns: (transfer full) (element-type utf8): built-ins first, then custom
 */
GPtrArray *
md_diary_list_symptom_keys (MdDiary *self)
{
  g_return_val_if_fail (MD_IS_DIARY (self), NULL);

  return list_keys (self, "SELECT key FROM symptoms ORDER BY builtin DESC, rowid");
}

GPtrArray *
md_diary_list_trigger_keys (MdDiary *self)
{
  g_return_val_if_fail (MD_IS_DIARY (self), NULL);

  return list_keys (self, "SELECT key FROM triggers ORDER BY builtin DESC, rowid");
}

/* Preventive courses --------------------------------------------------- */

gboolean
md_diary_save_preventive_course (MdDiary             *self,
                                 MdPreventiveCourse  *course,
                                 GError             **error)
{
  sqlite3_stmt *stmt;
  gboolean owns;
  gboolean ok;

  g_return_val_if_fail (MD_IS_DIARY (self), FALSE);
  g_return_val_if_fail (MD_IS_PREVENTIVE_COURSE (course), FALSE);

  if (course->medication_uuid == NULL ||
      !md_diary_has_uuid (self, "medications", course->medication_uuid))
    return md_diary_invalid (error, _("Medication: choose a medication from your list."));
  if (!md_diary_check_date (course->start_date, _("Start"), error))
    return FALSE;
  if (course->end_date != NULL)
    {
      if (!md_diary_check_date (course->end_date, _("End"), error))
        return FALSE;
      if (g_strcmp0 (course->end_date, course->start_date) < 0)
        return md_diary_invalid (error, _("End: the course cannot end before it started."));
    }
  if (!md_diary_check_finite (course->amount, _("Amount"), error))
    return FALSE;
  if (course->amount == 0 || (course->amount < 0 && course->amount != -1))
    return md_diary_invalid (error, _("Amount: the amount must be more than zero."));
  if (course->end_reason != NULL &&
      !g_str_equal (course->end_reason, "not-effective") &&
      !g_str_equal (course->end_reason, "side-effects") &&
      !g_str_equal (course->end_reason, "other"))
    return md_diary_invalid (error, _("Why it ended: choose not effective, side effects or another reason."));
  if (course->end_reason != NULL && course->end_date == NULL)
    return md_diary_invalid (error, _("Why it ended: give the day it ended, or choose “Still taking”."));

  md_diary_ensure_uuid (&course->uuid);

  if (!md_diary_action_begin (self, &owns, error))
    return FALSE;

  stmt = md_database_prepare (self->database,
                              "INSERT INTO preventive_courses "
                              "(uuid, medication_uuid, start_date, end_date, amount, unit, notes, "
                              "end_reason, end_reason_notes) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                              "ON CONFLICT (uuid) DO UPDATE SET "
                              "medication_uuid = excluded.medication_uuid, "
                              "start_date = excluded.start_date, end_date = excluded.end_date, "
                              "amount = excluded.amount, unit = excluded.unit, notes = excluded.notes, "
                              "end_reason = excluded.end_reason, "
                              "end_reason_notes = excluded.end_reason_notes",
                              error);
  ok = stmt != NULL;
  if (ok)
    {
      md_diary_bind_text (stmt, 1, course->uuid);
      md_diary_bind_text (stmt, 2, course->medication_uuid);
      md_diary_bind_text (stmt, 3, course->start_date);
      md_diary_bind_text (stmt, 4, course->end_date);
      sqlite3_bind_double (stmt, 5, course->amount);
      md_diary_bind_text (stmt, 6, course->unit != NULL ? course->unit : "");
      md_diary_bind_text (stmt, 7, course->notes != NULL ? course->notes : "");
      md_diary_bind_text (stmt, 8, course->end_reason);
      md_diary_bind_text (stmt, 9, course->end_reason_notes != NULL ? course->end_reason_notes : "");
      ok = md_diary_step_done (self, stmt, error);
    }

  /* Courses are drawn on the charts and are treatment starts there. */
  if (!md_diary_action_end (self, owns, ok, error))
    return FALSE;
  g_signal_emit (self, md_diary_signals[CHANGED], 0);

  return TRUE;
}

/**
 * md_diary_list_preventive_courses:
 *
 * Returns: (transfer full) (element-type MdPreventiveCourse): by start
 */
GPtrArray *
md_diary_list_preventive_courses (MdDiary *self)
{
  GPtrArray *courses = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MD_IS_DIARY (self), courses);

  stmt = md_database_prepare (self->database,
                              "SELECT uuid, medication_uuid, start_date, end_date, amount, unit, notes, "
                              "end_reason, end_reason_notes "
                              "FROM preventive_courses ORDER BY start_date, uuid",
                              NULL);
  if (stmt == NULL)
    return courses;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      MdPreventiveCourse *course = md_preventive_course_new ();

      course->uuid = md_diary_column_text (stmt, 0);
      course->medication_uuid = md_diary_column_text (stmt, 1);
      course->start_date = md_diary_column_text (stmt, 2);
      course->end_date = md_diary_column_text (stmt, 3);
      course->amount = sqlite3_column_double (stmt, 4);
      course->unit = md_diary_column_text (stmt, 5);
      course->notes = md_diary_column_text (stmt, 6);
      course->end_reason = md_diary_column_text (stmt, 7);
      course->end_reason_notes = md_diary_column_text (stmt, 8);
      g_ptr_array_add (courses, course);
    }
  sqlite3_reset (stmt);

  return courses;
}
