/* md-database-schema.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The diary's schema, one step per version, and the migration that
 * brings a diary from any earlier version to this one in a single write
 * transaction (md-database.c opens the file and calls it).
 */

#define G_LOG_DOMAIN "md-database"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "md-database-private.h"
#include "md-day.h"
#include "md-error.h"

/* Each step takes the schema from the version before it to its own
 * index + 1. Add a version by appending a step; never edit a shipped one. */
static const char * const migrations[] = {
  /* 1: the first schema, with the built-in catalogues */
  "CREATE TABLE medications ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  name TEXT NOT NULL CHECK (name <> ''),"
  "  class TEXT NOT NULL,"
  "  use TEXT NOT NULL CHECK (use IN ('acute', 'preventive')),"
  "  default_amount REAL NOT NULL DEFAULT -1,"
  "  unit TEXT NOT NULL,"
  "  route TEXT NOT NULL,"
  "  builtin_key TEXT,"
  "  archived INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE symptoms ("
  "  key TEXT PRIMARY KEY NOT NULL,"
  "  label TEXT,"
  "  builtin INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE triggers ("
  "  key TEXT PRIMARY KEY NOT NULL,"
  "  label TEXT,"
  "  builtin INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE attacks ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  start_time INTEGER NOT NULL,"
  "  start_offset INTEGER NOT NULL,"
  "  end_time INTEGER,"
  "  end_offset INTEGER,"
  "  peak_pain INTEGER NOT NULL CHECK (peak_pain BETWEEN 0 AND 3),"
  "  peak_nrs INTEGER CHECK (peak_nrs BETWEEN 0 AND 10),"
  "  aura TEXT,"
  "  aura_minutes INTEGER,"
  "  side TEXT,"
  "  quality TEXT,"
  "  worse_with_activity INTEGER,"
  "  disability INTEGER CHECK (disability BETWEEN 0 AND 3),"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  CHECK (end_time IS NULL OR end_time >= start_time)"
  ");"
  "CREATE INDEX attacks_by_start ON attacks (start_time);"
  "CREATE TABLE attack_symptoms ("
  "  attack_uuid TEXT NOT NULL REFERENCES attacks (uuid) ON DELETE CASCADE,"
  "  symptom_key TEXT NOT NULL REFERENCES symptoms (key),"
  "  PRIMARY KEY (attack_uuid, symptom_key)"
  ");"
  "CREATE TABLE attack_triggers ("
  "  attack_uuid TEXT NOT NULL REFERENCES attacks (uuid) ON DELETE CASCADE,"
  "  trigger_key TEXT NOT NULL REFERENCES triggers (key),"
  "  PRIMARY KEY (attack_uuid, trigger_key)"
  ");"
  "CREATE TABLE doses ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  medication_uuid TEXT NOT NULL REFERENCES medications (uuid) ON DELETE RESTRICT,"
  "  attack_uuid TEXT REFERENCES attacks (uuid) ON DELETE SET NULL,"
  "  taken_time INTEGER NOT NULL,"
  "  taken_offset INTEGER NOT NULL,"
  "  amount REAL NOT NULL CHECK (amount > 0),"
  "  unit TEXT NOT NULL,"
  "  route TEXT NOT NULL,"
  "  setting TEXT NOT NULL,"
  "  infusion_end INTEGER,"
  "  co_administered TEXT NOT NULL DEFAULT '',"
  "  side_effects TEXT NOT NULL DEFAULT '',"
  "  cost REAL,"
  "  most_bothersome TEXT,"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  CHECK (infusion_end IS NULL OR infusion_end >= taken_time)"
  ");"
  "CREATE INDEX doses_by_time ON doses (taken_time);"
  "CREATE INDEX doses_by_attack ON doses (attack_uuid);"
  "CREATE INDEX doses_by_medication ON doses (medication_uuid);"
  "CREATE TABLE pain_readings ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  attack_uuid TEXT NOT NULL REFERENCES attacks (uuid) ON DELETE CASCADE,"
  "  dose_uuid TEXT REFERENCES doses (uuid) ON DELETE SET NULL,"
  "  time INTEGER NOT NULL,"
  "  time_offset INTEGER NOT NULL,"
  "  pain INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 3),"
  "  nrs INTEGER CHECK (nrs BETWEEN 0 AND 10),"
  "  mbs_present INTEGER"
  ");"
  "CREATE INDEX readings_by_attack ON pain_readings (attack_uuid, time);"
  "CREATE INDEX readings_by_dose ON pain_readings (dose_uuid);"
  "CREATE TABLE days ("
  "  date TEXT PRIMARY KEY NOT NULL,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  status TEXT CHECK (status IN ('headache-free', 'headache')),"
  "  menstruation INTEGER NOT NULL DEFAULT 0,"
  "  notes TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE TABLE preventive_courses ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  medication_uuid TEXT NOT NULL REFERENCES medications (uuid) ON DELETE RESTRICT,"
  "  start_date TEXT NOT NULL,"
  "  end_date TEXT,"
  "  amount REAL NOT NULL DEFAULT -1,"
  "  unit TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  CHECK (end_date IS NULL OR end_date >= start_date)"
  ");"
  "CREATE TABLE reminders ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  title TEXT NOT NULL,"
  "  schedule TEXT NOT NULL,"
  "  medication_uuid TEXT REFERENCES medications (uuid) ON DELETE CASCADE,"
  "  dose_uuid TEXT REFERENCES doses (uuid) ON DELETE CASCADE,"
  "  enabled INTEGER NOT NULL DEFAULT 1,"
  "  last_fired INTEGER NOT NULL DEFAULT 0,"
  "  snoozed_until INTEGER NOT NULL DEFAULT 0"
  ");"
  "INSERT INTO symptoms (key, builtin) VALUES"
  "  ('nausea', 1), ('vomiting', 1), ('photophobia', 1), ('phonophobia', 1),"
  "  ('osmophobia', 1), ('dizziness', 1), ('neck-pain', 1), ('fatigue', 1),"
  "  ('difficulty-concentrating', 1);"
  "INSERT INTO triggers (key, builtin) VALUES"
  "  ('stress', 1), ('sleep', 1), ('menstruation', 1), ('alcohol', 1),"
  "  ('skipped-meal', 1), ('weather', 1), ('bright-light', 1), ('screen-time', 1),"
  "  ('dehydration', 1), ('exercise', 1);"
  /* Presets: IV magnesium in grams of MgSO4·7H2O salt, oral magnesium in
   * mg of elemental magnesium (CLINICAL.md), never mixed. Their
   * identifiers are fixed so that diaries merged by CSV agree on them. */
  "INSERT INTO medications (uuid, name, class, use, default_amount, unit, route, builtin_key) VALUES"
  "  ('preset-magnesium-sulfate-iv-1g', 'Magnesium sulfate IV 1 g', 'magnesium-iv', 'acute', 1, 'g', 'iv', 'magnesium-sulfate-iv-1g'),"
  "  ('preset-magnesium-sulfate-iv-2g', 'Magnesium sulfate IV 2 g', 'magnesium-iv', 'acute', 2, 'g', 'iv', 'magnesium-sulfate-iv-2g'),"
  "  ('preset-magnesium-oral-400mg', 'Magnesium 400 mg (elemental)', 'magnesium-oral', 'preventive', 400, 'mg', 'oral', 'magnesium-oral-400mg'),"
  "  ('preset-magnesium-oral-600mg', 'Magnesium 600 mg (elemental)', 'magnesium-oral', 'preventive', 600, 'mg', 'oral', 'magnesium-oral-600mg'),"
  "  ('preset-sumatriptan-50mg', 'Sumatriptan 50 mg', 'triptan', 'acute', 50, 'mg', 'oral', 'sumatriptan-50mg'),"
  "  ('preset-sumatriptan-6mg-sc', 'Sumatriptan 6 mg injection', 'triptan', 'acute', 6, 'mg', 'subcutaneous', 'sumatriptan-6mg-sc'),"
  "  ('preset-rizatriptan-10mg', 'Rizatriptan 10 mg', 'triptan', 'acute', 10, 'mg', 'oral', 'rizatriptan-10mg'),"
  "  ('preset-zolmitriptan-2-5mg', 'Zolmitriptan 2.5 mg', 'triptan', 'acute', 2.5, 'mg', 'oral', 'zolmitriptan-2-5mg'),"
  "  ('preset-eletriptan-40mg', 'Eletriptan 40 mg', 'triptan', 'acute', 40, 'mg', 'oral', 'eletriptan-40mg'),"
  "  ('preset-ibuprofen-400mg', 'Ibuprofen 400 mg', 'non-opioid-analgesic', 'acute', 400, 'mg', 'oral', 'ibuprofen-400mg'),"
  "  ('preset-naproxen-500mg', 'Naproxen 500 mg', 'non-opioid-analgesic', 'acute', 500, 'mg', 'oral', 'naproxen-500mg'),"
  "  ('preset-aspirin-1000mg', 'Aspirin 1000 mg', 'non-opioid-analgesic', 'acute', 1000, 'mg', 'oral', 'aspirin-1000mg'),"
  "  ('preset-diclofenac-50mg', 'Diclofenac 50 mg', 'non-opioid-analgesic', 'acute', 50, 'mg', 'oral', 'diclofenac-50mg'),"
  "  ('preset-paracetamol-1000mg', 'Paracetamol 1000 mg', 'non-opioid-analgesic', 'acute', 1000, 'mg', 'oral', 'paracetamol-1000mg'),"
  "  ('preset-aspirin-paracetamol-caffeine', 'Aspirin + paracetamol + caffeine', 'combination-analgesic', 'acute', 1, 'tablet', 'oral', 'aspirin-paracetamol-caffeine'),"
  "  ('preset-metoclopramide-10mg', 'Metoclopramide 10 mg', 'antiemetic', 'acute', 10, 'mg', 'oral', 'metoclopramide-10mg'),"
  "  ('preset-propranolol-80mg', 'Propranolol 80 mg', 'other', 'preventive', 80, 'mg', 'oral', 'propranolol-80mg'),"
  "  ('preset-topiramate-50mg', 'Topiramate 50 mg', 'other', 'preventive', 50, 'mg', 'oral', 'topiramate-50mg');",

  /* 2: why each dose was given (a scheduled infusion on a headache-free
   * day is prevention, not acute use), with the default for the doses
   * already there; why a preventive course ended. */
  "ALTER TABLE doses ADD COLUMN purpose TEXT NOT NULL DEFAULT 'acute'"
  "  CHECK (purpose IN ('acute', 'prevention'));"
  "UPDATE doses SET purpose = " MD_DATABASE_DOSE_DEFAULT_PURPOSE ";"
  "ALTER TABLE preventive_courses ADD COLUMN end_reason TEXT"
  "  CHECK (end_reason IN ('not-effective', 'side-effects', 'other'));"
  "ALTER TABLE preventive_courses ADD COLUMN end_reason_notes TEXT NOT NULL DEFAULT '';",

  /* 3: a day is written one way, YYYY-MM-DD, so that the primary key on
   * the date is one row per calendar day (migrate_to_version_3() first
   * rewrites and merges what versions 1 and 2 let in, and renames the
   * symptom and trigger keys that the CSV format cannot hold). */
  "CREATE TRIGGER days_date_is_canonical BEFORE INSERT ON days"
  "  WHEN NEW.date IS NOT date (julianday (NEW.date))"
  "  BEGIN SELECT RAISE (ABORT, 'days.date must be a day written YYYY-MM-DD'); END;"
  "CREATE TRIGGER days_date_stays_canonical BEFORE UPDATE OF date ON days"
  "  WHEN NEW.date IS NOT date (julianday (NEW.date))"
  "  BEGIN SELECT RAISE (ABORT, 'days.date must be a day written YYYY-MM-DD'); END;",
};

static gboolean migrate_to_version_3 (MdDatabase  *self,
                                      GError     **error);

/* What a step needs beyond SQL, run before the step's SQL. */
static gboolean (* const migration_functions[]) (MdDatabase *, GError **) = {
  [2] = migrate_to_version_3,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == MD_DATABASE_SCHEMA_VERSION);

static int
read_user_version (MdDatabase *self)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (md_database_get_handle (self), "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return version;
}

/* The version is read again inside the write transaction: of two
 * processes opening the same new diary, the second waits for the first
 * and then finds nothing left to do. All steps are one transaction. */
gboolean
md_database_migrate (MdDatabase  *self,
                     GError     **error)
{
  int version = read_user_version (self);

  if (version == MD_DATABASE_SCHEMA_VERSION)
    return TRUE;

  if (version >= 0 && md_database_is_read_only (self))
    {
      /* Translators: why a diary from an earlier version cannot be opened
       * from a read-only file or disk, in "Could not open the diary “…”: %s." */
      md_database_set_io_error (error, md_database_get_path (self), _("it must be updated for this version of the app, but it cannot be written"));
      return FALSE;
    }

  if (!md_database_begin (self, error))
    return FALSE;

  version = read_user_version (self);
  if (version < 0 || version > MD_DATABASE_SCHEMA_VERSION)
    {
      if (version < 0)
        md_database_set_error_from_sqlite (self, error);
      else
        md_database_set_too_new_error (error, md_database_get_path (self));
      md_database_rollback (self);
      return FALSE;
    }

  for (int target = version + 1; target <= MD_DATABASE_SCHEMA_VERSION; target++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", target);

      if ((target - 1 < (int) G_N_ELEMENTS (migration_functions) &&
           migration_functions[target - 1] != NULL &&
           !migration_functions[target - 1] (self, error)) ||
          !md_database_exec (self, migrations[target - 1], error) ||
          !md_database_exec (self, set_version, error))
        {
          md_database_rollback (self);
          return FALSE;
        }

      g_debug ("Migrated %s to schema version %d", md_database_get_path (self), target);
    }

  if (!md_database_commit (self, error))
    {
      md_database_rollback (self);
      return FALSE;
    }

  return TRUE;
}

/* Schema version 3 ------------------------------------------------------- */

/* A day as versions 1 and 2 let it be written ("2024-01-+1",
 * "2024-01- 1", " 2024-1-01"), as YYYY-MM-DD; NULL when it is no day. */
static char *
read_lenient_date (const char *text)
{
  int year, month, day;
  char extra;

  if (text == NULL || strlen (text) != 10 ||
      sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &extra) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return NULL;

  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

static gboolean
step (MdDatabase    *self,
      sqlite3_stmt  *stmt,
      GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;

  md_database_set_error_from_sqlite (self, error);
  return FALSE;
}

/* Keeps @kept and folds @other into it: what one leaves open comes from
 * the other, and where they disagree both are kept, a headache over
 * headache-free (an untracked headache must never become a headache-free
 * day) with a note that says so, and both notes. */
static void
merge_day_keeping_both (MdDay *kept,
                        MdDay *other)
{
  MdDayConflicts conflicts = md_day_merge (kept, other, NULL);
  g_autoptr(GString) notes = g_string_new (kept->notes);

  if (conflicts & MD_DAY_CONFLICT_NOTES)
    g_string_append_printf (notes, "\n%s", other->notes);

  if (conflicts & MD_DAY_CONFLICT_STATUS)
    {
      g_free (kept->status);
      kept->status = g_strdup ("headache");
      if (notes->len > 0)
        g_string_append_c (notes, '\n');
      /* Translators: added to the notes of a day that the diary had
       * recorded twice, once with headache and once without */
      g_string_append (notes, _("This day was also recorded as headache-free."));
    }

  g_free (kept->notes);
  kept->notes = g_string_free (g_steal_pointer (&notes), FALSE);
}

/* Writes the records of one calendar day (in the order they were added)
 * as one row under the date YYYY-MM-DD. */
static gboolean
write_one_day (MdDatabase  *self,
               const char  *date,
               GPtrArray   *records,
               GError     **error)
{
  MdDay *kept = g_ptr_array_index (records, 0);
  sqlite3_stmt *stmt;

  /* The record already written the right way keeps its identifier. */
  for (guint i = 0; i < records->len; i++)
    if (g_str_equal (((MdDay *) g_ptr_array_index (records, i))->date, date))
      kept = g_ptr_array_index (records, i);

  if (records->len == 1 && g_str_equal (kept->date, date))
    return TRUE;

  for (guint i = 0; i < records->len; i++)
    {
      MdDay *other = g_ptr_array_index (records, i);

      if (other == kept)
        continue;
      merge_day_keeping_both (kept, other);
      stmt = md_database_prepare (self, "DELETE FROM days WHERE uuid = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, other->uuid, -1, SQLITE_TRANSIENT);
      if (!step (self, stmt, error))
        return FALSE;
    }

  stmt = md_database_prepare (self,
                              "UPDATE days SET date = ?, status = ?, menstruation = ?, notes = ? "
                              "WHERE uuid = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, kept->status, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, kept->menstruation);
  sqlite3_bind_text (stmt, 4, kept->notes != NULL ? kept->notes : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, kept->uuid, -1, SQLITE_TRANSIENT);

  return step (self, stmt, error);
}

/* A lenient date the lenient way, or else the text as it is. */
static char *
canonical_or_same (const char *text)
{
  char *date = read_lenient_date (text);

  return date != NULL ? date : g_strdup (text);
}

static gboolean
rewrite_course_dates (MdDatabase  *self,
                      GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  stmt = md_database_prepare (self, "SELECT uuid, start_date, end_date FROM preventive_courses", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int i = 0; i < 3; i++)
      g_ptr_array_add (rows, g_strdup ((const char *) sqlite3_column_text (stmt, i)));
  sqlite3_reset (stmt);

  for (guint i = 0; i < rows->len; i += 3)
    {
      g_autofree char *start = canonical_or_same (g_ptr_array_index (rows, i + 1));
      g_autofree char *end = canonical_or_same (g_ptr_array_index (rows, i + 2));

      /* OR IGNORE: should the dates written right end before they start,
       * the course stays as it was rather than the diary not opening. */
      stmt = md_database_prepare (self,
                                  "UPDATE OR IGNORE preventive_courses SET start_date = ?, end_date = ? "
                                  "WHERE uuid = ?",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, start, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, end, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, g_ptr_array_index (rows, i), -1, SQLITE_TRANSIENT);
      if (!step (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Versions 1 and 2 imported a custom symptom or trigger key with a ";"
 * in it, the separator of an attack's list in the CSV file, so that the
 * diary's own export could not be read back. Such a key gets "-" in its
 * place (and more, should that key be taken); its label and its attacks
 * stay. */
static gboolean
rename_keys_with_separator (MdDatabase  *self,
                            const char  *table,
                            const char  *links,
                            const char  *link_column,
                            GError     **error)
{
  g_autofree char *find_sql = g_strdup_printf ("SELECT key FROM %s WHERE instr (key, ';') > 0", table);
  g_autofree char *exists_sql = g_strdup_printf ("SELECT 1 FROM %s WHERE key = ?", table);
  g_autofree char *copy_sql = g_strdup_printf ("INSERT INTO %s (key, label, builtin) "
                                               "SELECT ?, label, builtin FROM %s WHERE key = ?",
                                               table, table);
  g_autofree char *relink_sql = g_strdup_printf ("UPDATE %s SET %s = ? WHERE %s = ?",
                                                 links, link_column, link_column);
  g_autofree char *delete_sql = g_strdup_printf ("DELETE FROM %s WHERE key = ?", table);
  const char *steps[] = { copy_sql, relink_sql, delete_sql };
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  stmt = md_database_prepare (self, find_sql, error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (keys, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);

  for (guint i = 0; i < keys->len; i++)
    {
      const char *old_key = g_ptr_array_index (keys, i);
      g_autoptr(GString) new_key = g_string_new (old_key);
      gboolean taken = TRUE;

      g_string_replace (new_key, ";", "-", 0);
      while (taken)
        {
          stmt = md_database_prepare (self, exists_sql, error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_text (stmt, 1, new_key->str, -1, SQLITE_TRANSIENT);
          taken = sqlite3_step (stmt) == SQLITE_ROW;
          sqlite3_reset (stmt);
          if (taken)
            g_string_append_c (new_key, '-');
        }

      /* The new key first, then the attacks, then the old key: the
       * links never point at a key that is not there. */
      for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
        {
          stmt = md_database_prepare (self, steps[s], error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_text (stmt, 1, s == 2 ? old_key : new_key->str, -1, SQLITE_TRANSIENT);
          if (s < 2)
            sqlite3_bind_text (stmt, 2, old_key, -1, SQLITE_TRANSIENT);
          if (!step (self, stmt, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* Versions 1 and 2 accepted "2024-01-+1" beside "2024-01-01": two rows,
 * perhaps contradicting each other, for one calendar day. Each day gets
 * its one row again, and courses their dates written the one way (a
 * text that is no day at all is left as it is: it is the patient's);
 * then the keys with a ";" are renamed. */
static gboolean
migrate_to_version_3 (MdDatabase  *self,
                          GError     **error)
{
  g_autoptr(GHashTable) days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) dates = g_ptr_array_new ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = md_database_prepare (self,
                              "SELECT date, uuid, status, menstruation, notes FROM days ORDER BY rowid",
                              error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *date = read_lenient_date ((const char *) sqlite3_column_text (stmt, 0));
      GPtrArray *records;
      MdDay *day;

      if (date == NULL)
        continue;

      day = md_day_new ();
      day->date = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      day->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      day->status = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      day->menstruation = sqlite3_column_int (stmt, 3) != 0;
      day->notes = g_strdup ((const char *) sqlite3_column_text (stmt, 4));

      records = g_hash_table_lookup (days, date);
      if (records == NULL)
        {
          records = g_ptr_array_new_with_free_func (g_object_unref);
          g_ptr_array_add (dates, date);
          g_hash_table_insert (days, g_steal_pointer (&date), records);
        }
      g_ptr_array_add (records, day);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      md_database_set_error_from_sqlite (self, error);
      return FALSE;
    }

  for (guint i = 0; i < dates->len; i++)
    {
      const char *date = g_ptr_array_index (dates, i);

      if (!write_one_day (self, date, g_hash_table_lookup (days, date), error))
        return FALSE;
    }

  return rewrite_course_dates (self, error) &&
         rename_keys_with_separator (self, "symptoms", "attack_symptoms", "symptom_key", error) &&
         rename_keys_with_separator (self, "triggers", "attack_triggers", "trigger_key", error);
}