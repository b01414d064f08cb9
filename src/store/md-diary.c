/* md-diary.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The repository: typed reads and writes of every record, validated
 * here so that no caller can save what a clinician would misread. Each
 * public write is one transaction, unless the caller opened one around
 * several (an import).
 */

#define G_LOG_DOMAIN "md-diary"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "md-catalogue.h"
#include "md-diary.h"
#include "md-error.h"
#include "md-row-list.h"

/* A time more than this far ahead of "now" is a typing mistake. */
#define FUTURE_TOLERANCE_SECONDS 60

struct _MdDiary
{
  GObject         parent_instance;

  /* Owned */
  MdDatabase     *database;
  MdRowList      *attacks;
  MdRowList      *medications;

  MdDiaryNowFunc  now_func;
  gpointer        now_data;
};

G_DEFINE_FINAL_TYPE (MdDiary, md_diary, G_TYPE_OBJECT)

enum {
  CHANGED,
  ATTACK_CHANGED,
  DOSE_SAVED,
  REMINDERS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char      *table;
  GPtrArray *columns; /* char* */
  GPtrArray *values;  /* sqlite3_value* */
} UndoRow;

typedef struct
{
  char *table;
  char *column;
  char *uuid;
  char *value;
} UndoRelink;

struct _MdDiaryUndo
{
  GPtrArray *rows;
  GPtrArray *relinks;
};

static const char * const known_tables[] = {
  "attacks", "attack_symptoms", "attack_triggers", "doses", "pain_readings",
  "days", "medications", "preventive_courses", "reminders", "symptoms", "triggers",
  NULL
};

static gint64
default_now (gpointer user_data)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
md_diary_dispose (GObject *object)
{
  MdDiary *self = MD_DIARY (object);

  g_clear_object (&self->attacks);
  g_clear_object (&self->medications);

  G_OBJECT_CLASS (md_diary_parent_class)->dispose (object);
}

static void
md_diary_finalize (GObject *object)
{
  MdDiary *self = MD_DIARY (object);

  g_clear_object (&self->database);

  G_OBJECT_CLASS (md_diary_parent_class)->finalize (object);
}

static void
md_diary_class_init (MdDiaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = md_diary_dispose;
  object_class->finalize = md_diary_finalize;

  /**
   * MdDiary::changed:
   *
   * Entries were added or removed (attacks, doses, days), or several
   * changed at once (an import, an undo).
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * MdDiary::attack-changed:
   * @uuid: the attack
   *
   * What a view shows for the attack changed in place: its fields, doses
   * or readings.
   */
  signals[ATTACK_CHANGED] = g_signal_new ("attack-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * MdDiary::dose-saved:
   * @dose: the dose, as saved
   *
   * A dose was added or changed; inside the caller's transaction when
   * there is one, so what a handler saves commits or rolls back with it.
   */
  signals[DOSE_SAVED] = g_signal_new ("dose-saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, MD_TYPE_DOSE);

  /**
   * MdDiary::reminders-changed:
   *
   * A reminder was added, changed or deleted. Doses deleted with their
   * follow-ups, and undo, announce themselves with #MdDiary::changed.
   */
  signals[REMINDERS_CHANGED] = g_signal_new ("reminders-changed", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
md_diary_init (MdDiary *self)
{
  self->now_func = default_now;
}

/* Binding helpers: the "not given" value of each field becomes NULL. */

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static void
bind_int_or_unset (sqlite3_stmt *stmt,
                   int           index,
                   int           value)
{
  if (value < 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int (stmt, index, value);
}

static void
bind_time_or_unset (sqlite3_stmt *stmt,
                    int           index,
                    gint64        value)
{
  if (value == 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, value);
}

static void
bind_double_or_unset (sqlite3_stmt *stmt,
                      int           index,
                      double        value)
{
  if (value < 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_double (stmt, index, value);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           index)
{
  const unsigned char *text = sqlite3_column_text (stmt, index);

  return text != NULL ? g_strdup ((const char *) text) : NULL;
}

static int
column_int_or_unset (sqlite3_stmt *stmt,
                     int           index)
{
  return sqlite3_column_type (stmt, index) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, index);
}

static double
column_double_or_unset (sqlite3_stmt *stmt,
                        int           index)
{
  return sqlite3_column_type (stmt, index) == SQLITE_NULL ? -1 : sqlite3_column_double (stmt, index);
}

static char **
split_keys (const char *text)
{
  if (text == NULL || *text == '\0')
    return g_new0 (char *, 1);

  return g_strsplit (text, ",", -1);
}

/* Runs a prepared write; FALSE with the database's reason on failure. */
static gboolean
step_done (MdDiary       *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      md_database_set_error_from_sqlite (self->database, error);
      return FALSE;
    }

  return TRUE;
}

/* One user action is one transaction; inside a caller's transaction
 * (an import) it just joins it. */
static gboolean
action_begin (MdDiary   *self,
              gboolean  *owns,
              GError   **error)
{
  *owns = !md_database_in_transaction (self->database);

  return !*owns || md_database_begin (self->database, error);
}

static gboolean
action_end (MdDiary   *self,
            gboolean   owns,
            gboolean   ok,
            GError   **error)
{
  if (!owns)
    return ok;

  if (ok && md_database_commit (self->database, error))
    return TRUE;

  md_database_rollback (self->database);
  return FALSE;
}

static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, MD_DIARY_ERROR, MD_DIARY_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
check_key (MdCatalogue   catalogue,
           const char   *key,
           const char   *field,
           GError      **error)
{
  if (key == NULL || md_catalogue_has_key (catalogue, key))
    return TRUE;

  /* Translators: the first %s is a field name, the second a value, the
   * third the kind of value, e.g. "Route: “spray” is not a known route." */
  return invalid (error, _("%s: “%s” is not a known %s."), field, key,
                  md_catalogue_get_name (catalogue));
}

static gboolean
check_not_future (MdDiary     *self,
                  gint64       time,
                  const char  *field,
                  GError     **error)
{
  if (time <= self->now_func (self->now_data) + FUTURE_TOLERANCE_SECONDS)
    return TRUE;

  /* Translators: %s is a field name such as "Start" */
  return invalid (error, _("%s: the time is in the future."), field);
}

static gboolean
check_pain (int          pain,
            const char  *field,
            GError     **error)
{
  if (pain >= 0 && pain <= 3)
    return TRUE;

  /* Translators: %s is a field name; the four words are the pain levels */
  return invalid (error, _("%s: choose None, Mild, Moderate or Severe."), field);
}

static gboolean
check_nrs (int          nrs,
           const char  *field,
           GError     **error)
{
  if (nrs == -1 || (nrs >= 0 && nrs <= 10))
    return TRUE;

  /* Translators: %s is a field name */
  return invalid (error, _("%s: the number must be from 0 to 10."), field);
}

static gboolean
check_date (const char  *date,
            const char  *field,
            GError     **error)
{
  int year, month, day;
  char extra;

  if (date != NULL &&
      strlen (date) == 10 &&
      sscanf (date, "%4d-%2d-%2d%c", &year, &month, &day, &extra) == 3 &&
      g_date_valid_dmy (day, month, year))
    return TRUE;

  /* Translators: %s is a field name; YYYY-MM-DD shows the expected form */
  return invalid (error, _("%s: not a valid date (YYYY-MM-DD)."), field);
}

/* Generic helpers ----------------------------------------------------- */

static gboolean
row_exists (MdDiary    *self,
            const char *sql,
            const char *key)
{
  sqlite3_stmt *stmt = md_database_prepare (self->database, sql, NULL);
  gboolean found;

  if (stmt == NULL || key == NULL)
    return FALSE;

  bind_text (stmt, 1, key);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  return found;
}

gboolean
md_diary_has_uuid (MdDiary    *self,
                   const char *table,
                   const char *uuid)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (MD_IS_DIARY (self), FALSE);
  g_return_val_if_fail (g_strv_contains (known_tables, table), FALSE);

  sql = g_strdup_printf ("SELECT 1 FROM %s WHERE uuid = ?", table);

  return row_exists (self, sql, uuid);
}

gint64
md_diary_count (MdDiary    *self,
                const char *table)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 count = 0;

  g_return_val_if_fail (MD_IS_DIARY (self), 0);
  g_return_val_if_fail (g_strv_contains (known_tables, table), 0);

  sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  stmt = md_database_prepare (self->database, sql, NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return count;
}

static gint64
rowid_of (MdDiary    *self,
          const char *table,
          const char *uuid)
{
  g_autofree char *sql = g_strdup_printf ("SELECT rowid FROM %s WHERE uuid = ?", table);
  sqlite3_stmt *stmt = md_database_prepare (self->database, sql, NULL);
  gint64 rowid = -1;

  if (stmt == NULL)
    return -1;

  bind_text (stmt, 1, uuid);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    rowid = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return rowid;
}

/* Attacks were added or removed, or days changed: views re-read. */
static void
reload_attacks (MdDiary *self)
{
  md_row_list_reload (self->attacks);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* What a view shows for one attack changed, not where it stands. */
static void
attack_row_changed (MdDiary    *self,
                    const char *uuid)
{
  md_row_list_row_changed (self->attacks, rowid_of (self, "attacks", uuid));
  g_signal_emit (self, signals[ATTACK_CHANGED], 0, uuid);
}

static void
ensure_uuid (char **uuid)
{
  if (*uuid == NULL || **uuid == '\0')
    {
      g_free (*uuid);
      *uuid = g_uuid_string_random ();
    }
}

/* Medications --------------------------------------------------------- */

#define MEDICATION_COLUMNS \
  "uuid, name, class, use, default_amount, unit, route, builtin_key, archived"

static MdMedication *
medication_from_row (sqlite3_stmt *stmt)
{
  MdMedication *medication = md_medication_new ();

  medication->uuid = column_text (stmt, 0);
  medication->name = column_text (stmt, 1);
  medication->med_class = column_text (stmt, 2);
  medication->use = column_text (stmt, 3);
  medication->default_amount = sqlite3_column_double (stmt, 4);
  medication->unit = column_text (stmt, 5);
  medication->route = column_text (stmt, 6);
  medication->builtin_key = column_text (stmt, 7);
  medication->archived = sqlite3_column_int (stmt, 8) != 0;

  return medication;
}

static gpointer
load_medication (gint64   rowid,
                 gpointer user_data)
{
  MdDiary *self = user_data;
  sqlite3_stmt *stmt;
  MdMedication *medication = NULL;

  stmt = md_database_prepare (self->database,
                              "SELECT " MEDICATION_COLUMNS " FROM medications WHERE rowid = ?",
                              NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, rowid);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    medication = medication_from_row (stmt);
  sqlite3_reset (stmt);

  return medication;
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
  gint64 rowid;

  g_return_val_if_fail (MD_IS_DIARY (self), NULL);

  rowid = rowid_of (self, "medications", uuid);

  return rowid < 0 ? NULL : load_medication (rowid, self);
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
    return invalid (error, _("Name: a medication needs a name."));
  if (medication->med_class == NULL)
    return invalid (error, _("Class: choose the class of the medication."));
  if (!check_key (MD_CATALOGUE_MEDICATION_CLASS, medication->med_class, _("Class"), error) ||
      !check_key (MD_CATALOGUE_ROUTE, medication->route, _("Route"), error))
    return FALSE;
  if (medication->route == NULL)
    return invalid (error, _("Route: choose how the medication is taken."));
  if (medication->use == NULL || !md_catalogue_has_key (MD_CATALOGUE_USE, medication->use))
    return invalid (error, _("Use: choose acute or preventive."));
  if (medication->unit == NULL || medication->unit[0] == '\0')
    return invalid (error, _("Unit: give the unit of the dose, such as mg."));
  if (medication->default_amount == 0 || (medication->default_amount < 0 && medication->default_amount != -1))
    return invalid (error, _("Amount: the amount must be more than zero."));

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

  ensure_uuid (&medication->uuid);
  existed = md_diary_has_uuid (self, "medications", medication->uuid);

  if (!action_begin (self, &owns, error))
    return FALSE;

  stmt = md_database_prepare (self->database,
                              "INSERT INTO medications (" MEDICATION_COLUMNS ") "
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
      bind_text (stmt, 1, medication->uuid);
      bind_text (stmt, 2, medication->name);
      bind_text (stmt, 3, medication->med_class);
      bind_text (stmt, 4, medication->use);
      sqlite3_bind_double (stmt, 5, medication->default_amount);
      bind_text (stmt, 6, medication->unit);
      bind_text (stmt, 7, medication->route);
      bind_text (stmt, 8, medication->builtin_key);
      sqlite3_bind_int (stmt, 9, medication->archived);
      ok = step_done (self, stmt, error);
    }

  if (!action_end (self, owns, ok, error))
    return FALSE;

  /* Inside a caller's transaction the lists catch up at commit. */
  if (owns)
    {
      md_row_list_reload (self->medications);
      if (existed)
        md_row_list_row_changed (self->medications, rowid_of (self, "medications", medication->uuid));
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

  if (row_exists (self, "SELECT 1 FROM doses WHERE medication_uuid = ?", uuid) ||
      row_exists (self, "SELECT 1 FROM preventive_courses WHERE medication_uuid = ?", uuid))
    {
      g_set_error_literal (error, MD_DIARY_ERROR, MD_DIARY_ERROR_IN_USE,
                           _("This medication has doses in your diary; archive it instead of deleting it."));
      return FALSE;
    }

  stmt = md_database_prepare (self->database, "DELETE FROM medications WHERE uuid = ?", error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, uuid);
  if (!step_done (self, stmt, error))
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
  sqlite3_stmt *stmt;
  char *key = NULL;

  if (clean[0] == '\0')
    {
      invalid (error, _("Name: give the new entry a name."));
      return NULL;
    }

  /* The same label twice is the same entry. */
  stmt = md_database_prepare (self->database, find_sql, error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, clean);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    key = column_text (stmt, 0);
  sqlite3_reset (stmt);
  if (key != NULL)
    return key;

  key = g_strconcat ("custom-", g_uuid_string_random (), NULL);
  stmt = md_database_prepare (self->database, insert_sql, error);
  if (stmt == NULL)
    {
      g_free (key);
      return NULL;
    }
  bind_text (stmt, 1, key);
  bind_text (stmt, 2, clean);
  if (!step_done (self, stmt, error))
    g_clear_pointer (&key, g_free);

  return key;
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
  bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    label = column_text (stmt, 0);
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
    g_ptr_array_add (keys, column_text (stmt, 0));
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

/* Attacks -------------------------------------------------------------- */

#define ATTACK_COLUMNS \
  "uuid, start_time, start_offset, end_time, end_offset, peak_pain, peak_nrs, aura, " \
  "aura_minutes, side, quality, worse_with_activity, disability, notes"

static char **
attack_keys (MdDiary    *self,
             const char *sql,
             const char *uuid)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  sqlite3_stmt *stmt = md_database_prepare (self->database, sql, NULL);

  if (stmt != NULL)
    {
      bind_text (stmt, 1, uuid);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (keys, column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  g_ptr_array_add (keys, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&keys), FALSE);
}

static MdAttack *
attack_from_row (MdDiary      *self,
                 sqlite3_stmt *stmt)
{
  MdAttack *attack = md_attack_new ();

  attack->uuid = column_text (stmt, 0);
  attack->start = sqlite3_column_int64 (stmt, 1);
  attack->start_offset = sqlite3_column_int (stmt, 2);
  attack->end = sqlite3_column_int64 (stmt, 3);
  attack->end_offset = sqlite3_column_int (stmt, 4);
  attack->peak_pain = sqlite3_column_int (stmt, 5);
  attack->peak_nrs = column_int_or_unset (stmt, 6);
  attack->aura = column_text (stmt, 7);
  attack->aura_minutes = column_int_or_unset (stmt, 8);
  attack->side = column_text (stmt, 9);
  attack->quality = column_text (stmt, 10);
  attack->worse_with_activity = column_int_or_unset (stmt, 11);
  attack->disability = column_int_or_unset (stmt, 12);
  attack->notes = column_text (stmt, 13);

  return attack;
}

static void
attack_load_keys (MdDiary  *self,
                  MdAttack *attack)
{
  attack->symptoms = attack_keys (self,
                                  "SELECT symptom_key FROM attack_symptoms WHERE attack_uuid = ? "
                                  "ORDER BY symptom_key",
                                  attack->uuid);
  attack->triggers = attack_keys (self,
                                  "SELECT trigger_key FROM attack_triggers WHERE attack_uuid = ? "
                                  "ORDER BY trigger_key",
                                  attack->uuid);
}

static gpointer
load_attack (gint64   rowid,
             gpointer user_data)
{
  MdDiary *self = user_data;
  sqlite3_stmt *stmt;
  MdAttack *attack = NULL;

  stmt = md_database_prepare (self->database,
                              "SELECT " ATTACK_COLUMNS " FROM attacks WHERE rowid = ?", NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, rowid);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    attack = attack_from_row (self, stmt);
  sqlite3_reset (stmt);

  if (attack != NULL)
    attack_load_keys (self, attack);

  return attack;
}

/**
 * md_diary_get_attacks:
 *
 * Returns: (transfer none): every attack, newest first, built lazily
 */
GListModel *
md_diary_get_attacks (MdDiary *self)
{
  g_return_val_if_fail (MD_IS_DIARY (self), NULL);

  return G_LIST_MODEL (self->attacks);
}

/**
 * md_diary_get_attack:
 *
 * Returns: (transfer full) (nullable): the attack
 */
MdAttack *
md_diary_get_attack (MdDiary    *self,
                     const char *uuid)
{
  gint64 rowid;

  g_return_val_if_fail (MD_IS_DIARY (self), NULL);

  rowid = rowid_of (self, "attacks", uuid);

  return rowid < 0 ? NULL : load_attack (rowid, self);
}

static gboolean
validate_attack (MdDiary   *self,
                 MdAttack  *attack,
                 GError   **error)
{
  if (attack->start <= 0)
    return invalid (error, _("Start: choose when the attack started."));
  if (!check_not_future (self, attack->start, _("Start"), error))
    return FALSE;
  if (attack->end != 0 && attack->end < attack->start)
    return invalid (error, _("End: the attack cannot end before it started."));
  if (attack->end != 0 && !check_not_future (self, attack->end, _("End"), error))
    return FALSE;
  if (!check_pain (attack->peak_pain, _("Peak pain"), error) ||
      !check_nrs (attack->peak_nrs, _("Peak pain from 0 to 10"), error) ||
      !check_key (MD_CATALOGUE_AURA, attack->aura, _("Aura"), error) ||
      !check_key (MD_CATALOGUE_SIDE, attack->side, _("Side"), error) ||
      !check_key (MD_CATALOGUE_QUALITY, attack->quality, _("Quality"), error))
    return FALSE;
  if (attack->disability < -1 || attack->disability > 3)
    return invalid (error, _("Disability: choose a level from 0 to 3."));
  if (attack->aura_minutes < -1)
    return invalid (error, _("Aura: the duration cannot be negative."));

  for (guint i = 0; attack->symptoms != NULL && attack->symptoms[i] != NULL; i++)
    if (!row_exists (self, "SELECT 1 FROM symptoms WHERE key = ?", attack->symptoms[i]))
      return invalid (error, _("Symptoms: “%s” is not a known symptom."), attack->symptoms[i]);

  for (guint i = 0; attack->triggers != NULL && attack->triggers[i] != NULL; i++)
    if (!row_exists (self, "SELECT 1 FROM triggers WHERE key = ?", attack->triggers[i]))
      return invalid (error, _("Triggers: “%s” is not a known trigger."), attack->triggers[i]);

  return TRUE;
}

/**
 * md_diary_validate_attack:
 *
 * Checks @attack as md_diary_save_attack() would, without saving, so an
 * editor can say what is wrong while the patient types.
 */
gboolean
md_diary_validate_attack (MdDiary   *self,
                          MdAttack  *attack,
                          GError   **error)
{
  g_return_val_if_fail (MD_IS_DIARY (self), FALSE);
  g_return_val_if_fail (MD_IS_ATTACK (attack), FALSE);

  return validate_attack (self, attack, error);
}

static gboolean
write_attack_keys (MdDiary     *self,
                   const char  *delete_sql,
                   const char  *insert_sql,
                   const char  *uuid,
                   char       **keys,
                   GError     **error)
{
  sqlite3_stmt *stmt = md_database_prepare (self->database, delete_sql, error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, uuid);
  if (!step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      stmt = md_database_prepare (self->database, insert_sql, error);
      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, uuid);
      bind_text (stmt, 2, keys[i]);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * md_diary_save_attack:
 * @attack: a new attack (no UUID yet: one is given) or an edited one
 *
 * Validates and saves the attack with its symptoms and triggers in one
 * transaction. Editing never changes the UUID.
 */
gboolean
md_diary_save_attack (MdDiary   *self,
                      MdAttack  *attack,
                      GError   **error)
{
  sqlite3_stmt *stmt;
  gboolean existed;
  gboolean owns;
  gboolean ok;

  g_return_val_if_fail (MD_IS_DIARY (self), FALSE);
  g_return_val_if_fail (MD_IS_ATTACK (attack), FALSE);

  if (!validate_attack (self, attack, error))
    return FALSE;

  ensure_uuid (&attack->uuid);
  existed = md_diary_has_uuid (self, "attacks", attack->uuid);

  if (!action_begin (self, &owns, error))
    return FALSE;

  stmt = md_database_prepare (self->database,
                              "INSERT INTO attacks (" ATTACK_COLUMNS ") "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                              "ON CONFLICT (uuid) DO UPDATE SET start_time = excluded.start_time, "
                              "start_offset = excluded.start_offset, end_time = excluded.end_time, "
                              "end_offset = excluded.end_offset, peak_pain = excluded.peak_pain, "
                              "peak_nrs = excluded.peak_nrs, aura = excluded.aura, "
                              "aura_minutes = excluded.aura_minutes, side = excluded.side, "
                              "quality = excluded.quality, "
                              "worse_with_activity = excluded.worse_with_activity, "
                              "disability = excluded.disability, notes = excluded.notes",
                              error);
  ok = stmt != NULL;
  if (ok)
    {
      bind_text (stmt, 1, attack->uuid);
      sqlite3_bind_int64 (stmt, 2, attack->start);
      sqlite3_bind_int (stmt, 3, attack->start_offset);
      bind_time_or_unset (stmt, 4, attack->end);
      if (attack->end == 0)
        sqlite3_bind_null (stmt, 5);
      else
        sqlite3_bind_int (stmt, 5, attack->end_offset);
      sqlite3_bind_int (stmt, 6, attack->peak_pain);
      bind_int_or_unset (stmt, 7, attack->peak_nrs);
      bind_text (stmt, 8, attack->aura);
      bind_int_or_unset (stmt, 9, attack->aura_minutes);
      bind_text (stmt, 10, attack->side);
      bind_text (stmt, 11, attack->quality);
      bind_int_or_unset (stmt, 12, attack->worse_with_activity);
      bind_int_or_unset (stmt, 13, attack->disability);
      bind_text (stmt, 14, attack->notes != NULL ? attack->notes : "");
      ok = step_done (self, stmt, error);
    }

  ok = ok && write_attack_keys (self,
                                "DELETE FROM attack_symptoms WHERE attack_uuid = ?",
                                "INSERT INTO attack_symptoms (attack_uuid, symptom_key) VALUES (?, ?)",
                                attack->uuid, attack->symptoms, error);
  ok = ok && write_attack_keys (self,
                                "DELETE FROM attack_triggers WHERE attack_uuid = ?",
                                "INSERT INTO attack_triggers (attack_uuid, trigger_key) VALUES (?, ?)",
                                attack->uuid, attack->triggers, error);

  if (!action_end (self, owns, ok, error))
    return FALSE;

  if (owns)
    {
      reload_attacks (self);
      if (existed)
        attack_row_changed (self, attack->uuid);
    }

  return TRUE;
}

/**
 * md_diary_list_attacks:
 * @from: unix seconds
 * @to: unix seconds
 *
 * Returns: (transfer full) (element-type MdAttack): the attacks that
 *   overlap [@from, @to), oldest first; an ongoing attack overlaps
 *   everything after its start
 */
GPtrArray *
md_diary_list_attacks (MdDiary *self,
                       gint64   from,
                       gint64   to)
{
  GPtrArray *attacks = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MD_IS_DIARY (self), attacks);

  stmt = md_database_prepare (self->database,
                              "SELECT " ATTACK_COLUMNS " FROM attacks "
                              "WHERE start_time < ? AND (end_time IS NULL OR end_time >= ?) "
                              "ORDER BY start_time, uuid",
                              NULL);
  if (stmt == NULL)
    return attacks;

  sqlite3_bind_int64 (stmt, 1, to);
  sqlite3_bind_int64 (stmt, 2, from);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (attacks, attack_from_row (self, stmt));
  sqlite3_reset (stmt);

  for (guint i = 0; i < attacks->len; i++)
    attack_load_keys (self, g_ptr_array_index (attacks, i));

  return attacks;
}

/* Undo ----------------------------------------------------------------- */

static void
undo_row_free (gpointer data)
{
  UndoRow *row = data;

  g_free (row->table);
  g_ptr_array_unref (row->columns);
  g_ptr_array_unref (row->values);
  g_free (row);
}

static void
undo_relink_free (gpointer data)
{
  UndoRelink *relink = data;

  g_free (relink->table);
  g_free (relink->column);
  g_free (relink->uuid);
  g_free (relink->value);
  g_free (relink);
}

static void
free_value (gpointer data)
{
  sqlite3_value_free (data);
}

static MdDiaryUndo *
undo_new (void)
{
  MdDiaryUndo *undo = g_new0 (MdDiaryUndo, 1);

  undo->rows = g_ptr_array_new_with_free_func (undo_row_free);
  undo->relinks = g_ptr_array_new_with_free_func (undo_relink_free);

  return undo;
}

void
md_diary_undo_free (MdDiaryUndo *undo)
{
  if (undo == NULL)
    return;

  g_ptr_array_unref (undo->rows);
  g_ptr_array_unref (undo->relinks);
  g_free (undo);
}

/* Copies the rows a delete is about to remove, parents before children,
 * so undo can put them back exactly, UUIDs included. */
static gboolean
snapshot_rows (MdDiary      *self,
               MdDiaryUndo  *undo,
               const char   *table,
               const char   *where_column,
               const char   *key,
               GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s WHERE %s = ?", table, where_column);
  sqlite3_stmt *stmt = md_database_prepare (self->database, sql, error);

  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, key);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      UndoRow *row = g_new0 (UndoRow, 1);
      int n = sqlite3_column_count (stmt);

      row->table = g_strdup (table);
      row->columns = g_ptr_array_new_with_free_func (g_free);
      row->values = g_ptr_array_new_with_free_func (free_value);
      for (int i = 0; i < n; i++)
        {
          g_ptr_array_add (row->columns, g_strdup (sqlite3_column_name (stmt, i)));
          g_ptr_array_add (row->values, sqlite3_value_dup (sqlite3_column_value (stmt, i)));
        }
      g_ptr_array_add (undo->rows, row);
    }
  sqlite3_reset (stmt);

  return TRUE;
}

/* Rows that keep living with a link set to NULL get their link back. */
static gboolean
snapshot_links (MdDiary      *self,
                MdDiaryUndo  *undo,
                const char   *table,
                const char   *column,
                const char   *key,
                GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT uuid FROM %s WHERE %s = ?", table, column);
  sqlite3_stmt *stmt = md_database_prepare (self->database, sql, error);

  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, key);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      UndoRelink *relink = g_new0 (UndoRelink, 1);

      relink->table = g_strdup (table);
      relink->column = g_strdup (column);
      relink->uuid = column_text (stmt, 0);
      relink->value = g_strdup (key);
      g_ptr_array_add (undo->relinks, relink);
    }
  sqlite3_reset (stmt);

  return TRUE;
}

static gboolean
delete_by_uuid (MdDiary     *self,
                const char  *table,
                const char  *uuid,
                GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE uuid = ?", table);
  sqlite3_stmt *stmt = md_database_prepare (self->database, sql, error);

  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, uuid);

  return step_done (self, stmt, error);
}

static gboolean
require_uuid (MdDiary     *self,
              const char  *table,
              const char  *uuid,
              GError     **error)
{
  if (md_diary_has_uuid (self, table, uuid))
    return TRUE;

  g_set_error_literal (error, MD_DIARY_ERROR, MD_DIARY_ERROR_NOT_FOUND,
                       _("This entry is no longer in your diary."));
  return FALSE;
}

/* Deletes one row that nothing else hangs on, keeping it for undo. */
static MdDiaryUndo *
delete_row_with_undo (MdDiary     *self,
                      const char  *table,
                      const char  *uuid,
                      GError     **error)
{
  g_autoptr(MdDiaryUndo) undo = undo_new ();
  gboolean owns;
  gboolean ok;

  if (!require_uuid (self, table, uuid, error) || !action_begin (self, &owns, error))
    return NULL;

  ok = snapshot_rows (self, undo, table, "uuid", uuid, error) &&
       delete_by_uuid (self, table, uuid, error);

  if (!action_end (self, owns, ok, error))
    return NULL;

  return g_steal_pointer (&undo);
}

/**
 * md_diary_delete_attack:
 *
 * Deletes an attack with its pain readings, symptoms and triggers; its
 * doses stay, unlinked.
 *
 * Returns: (transfer full) (nullable): what md_diary_undo() needs to put
 *   it all back
 */
MdDiaryUndo *
md_diary_delete_attack (MdDiary     *self,
                        const char  *uuid,
                        GError     **error)
{
  g_autoptr(MdDiaryUndo) undo = undo_new ();
  gboolean owns;
  gboolean ok;

  g_return_val_if_fail (MD_IS_DIARY (self), NULL);

  if (!require_uuid (self, "attacks", uuid, error) || !action_begin (self, &owns, error))
    return NULL;

  ok = snapshot_rows (self, undo, "attacks", "uuid", uuid, error) &&
       snapshot_rows (self, undo, "attack_symptoms", "attack_uuid", uuid, error) &&
       snapshot_rows (self, undo, "attack_triggers", "attack_uuid", uuid, error) &&
       snapshot_rows (self, undo, "pain_readings", "attack_uuid", uuid, error) &&
       snapshot_links (self, undo, "doses", "attack_uuid", uuid, error) &&
       delete_by_uuid (self, "attacks", uuid, error);

  if (!action_end (self, owns, ok, error))
    return NULL;

  reload_attacks (self);

  return g_steal_pointer (&undo);
}

/**
 * md_diary_undo:
 *
 * Puts back what a delete removed, with the same UUIDs, in one
 * transaction.
 */
gboolean
md_diary_undo (MdDiary      *self,
               MdDiaryUndo  *undo,
               GError      **error)
{
  gboolean owns;
  gboolean ok = TRUE;

  g_return_val_if_fail (MD_IS_DIARY (self), FALSE);
  g_return_val_if_fail (undo != NULL, FALSE);

  if (!action_begin (self, &owns, error))
    return FALSE;

  for (guint i = 0; ok && i < undo->rows->len; i++)
    {
      UndoRow *row = g_ptr_array_index (undo->rows, i);
      g_autoptr(GString) sql = g_string_new (NULL);
      sqlite3_stmt *stmt;

      /* Column names come from the schema, never from the user. */
      g_string_append_printf (sql, "INSERT INTO %s (", row->table);
      for (guint c = 0; c < row->columns->len; c++)
        g_string_append_printf (sql, "%s%s", c > 0 ? ", " : "",
                                (char *) g_ptr_array_index (row->columns, c));
      g_string_append (sql, ") VALUES (");
      for (guint c = 0; c < row->columns->len; c++)
        g_string_append (sql, c > 0 ? ", ?" : "?");
      g_string_append (sql, ")");

      stmt = md_database_prepare (self->database, sql->str, error);
      ok = stmt != NULL;
      for (guint c = 0; ok && c < row->values->len; c++)
        sqlite3_bind_value (stmt, c + 1, g_ptr_array_index (row->values, c));
      ok = ok && step_done (self, stmt, error);
    }

  for (guint i = 0; ok && i < undo->relinks->len; i++)
    {
      UndoRelink *relink = g_ptr_array_index (undo->relinks, i);
      g_autofree char *sql = g_strdup_printf ("UPDATE %s SET %s = ? WHERE uuid = ?",
                                              relink->table, relink->column);
      sqlite3_stmt *stmt = md_database_prepare (self->database, sql, error);

      ok = stmt != NULL;
      if (ok)
        {
          bind_text (stmt, 1, relink->value);
          bind_text (stmt, 2, relink->uuid);
          ok = step_done (self, stmt, error);
        }
    }

  if (!action_end (self, owns, ok, error))
    return FALSE;

  reload_attacks (self);
  md_row_list_reload (self->medications);

  return TRUE;
}

/* Doses ---------------------------------------------------------------- */

#define DOSE_COLUMNS \
  "uuid, medication_uuid, attack_uuid, taken_time, taken_offset, amount, unit, route, " \
  "setting, infusion_end, co_administered, side_effects, cost, most_bothersome, notes"

static MdDose *
dose_from_row (sqlite3_stmt *stmt)
{
  MdDose *dose = md_dose_new ();
  g_autofree char *side_effects = NULL;

  dose->uuid = column_text (stmt, 0);
  dose->medication_uuid = column_text (stmt, 1);
  dose->attack_uuid = column_text (stmt, 2);
  dose->taken = sqlite3_column_int64 (stmt, 3);
  dose->taken_offset = sqlite3_column_int (stmt, 4);
  dose->amount = sqlite3_column_double (stmt, 5);
  dose->unit = column_text (stmt, 6);
  dose->route = column_text (stmt, 7);
  dose->setting = column_text (stmt, 8);
  dose->infusion_end = sqlite3_column_int64 (stmt, 9);
  dose->co_administered = column_text (stmt, 10);
  side_effects = column_text (stmt, 11);
  dose->side_effects = split_keys (side_effects);
  dose->cost = column_double_or_unset (stmt, 12);
  dose->most_bothersome = column_text (stmt, 13);
  dose->notes = column_text (stmt, 14);

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
    bind_text (stmt, 1, text_key);
  else
    {
      sqlite3_bind_int64 (stmt, 1, from);
      sqlite3_bind_int64 (stmt, 2, to);
    }

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (doses, dose_from_row (stmt));
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
    return invalid (error, _("Medication: choose a medication from your list."));
  if (dose->taken <= 0)
    return invalid (error, _("Time taken: choose when the dose was taken."));
  if (!check_not_future (self, dose->taken, _("Time taken"), error))
    return FALSE;
  if (!(dose->amount > 0))
    return invalid (error, _("Amount: the amount must be more than zero."));
  if (dose->unit == NULL || dose->unit[0] == '\0')
    return invalid (error, _("Unit: give the unit of the dose, such as mg."));
  if (dose->infusion_end != 0 && dose->infusion_end < dose->taken)
    return invalid (error, _("Infusion end: the infusion cannot end before it started."));
  if (dose->route == NULL)
    return invalid (error, _("Route: choose how the dose was taken."));
  if (dose->setting == NULL)
    return invalid (error, _("Setting: choose where the dose was taken."));
  if (!check_key (MD_CATALOGUE_ROUTE, dose->route, _("Route"), error) ||
      !check_key (MD_CATALOGUE_SETTING, dose->setting, _("Setting"), error) ||
      !check_key (MD_CATALOGUE_SYMPTOM, dose->most_bothersome, _("Most bothersome symptom"), error))
    return FALSE;
  if (dose->attack_uuid != NULL && !md_diary_has_uuid (self, "attacks", dose->attack_uuid))
    return invalid (error, _("Attack: the attack of this dose is no longer in your diary."));
  if (dose->cost < 0 && dose->cost != -1)
    return invalid (error, _("Cost: the cost cannot be negative."));

  for (guint i = 0; dose->side_effects != NULL && dose->side_effects[i] != NULL; i++)
    if (!check_key (MD_CATALOGUE_SIDE_EFFECT, dose->side_effects[i], _("Side effects"), error))
      return FALSE;

  return TRUE;
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

  ensure_uuid (&dose->uuid);
  side_effects = dose->side_effects != NULL ? g_strjoinv (",", dose->side_effects) : g_strdup ("");

  if (!action_begin (self, &owns, error))
    return FALSE;

  stmt = md_database_prepare (self->database,
                              "INSERT INTO doses (" DOSE_COLUMNS ") "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                              "ON CONFLICT (uuid) DO UPDATE SET "
                              "medication_uuid = excluded.medication_uuid, "
                              "attack_uuid = excluded.attack_uuid, taken_time = excluded.taken_time, "
                              "taken_offset = excluded.taken_offset, amount = excluded.amount, "
                              "unit = excluded.unit, route = excluded.route, "
                              "setting = excluded.setting, infusion_end = excluded.infusion_end, "
                              "co_administered = excluded.co_administered, "
                              "side_effects = excluded.side_effects, cost = excluded.cost, "
                              "most_bothersome = excluded.most_bothersome, notes = excluded.notes",
                              error);
  ok = stmt != NULL;
  if (ok)
    {
      bind_text (stmt, 1, dose->uuid);
      bind_text (stmt, 2, dose->medication_uuid);
      bind_text (stmt, 3, dose->attack_uuid);
      sqlite3_bind_int64 (stmt, 4, dose->taken);
      sqlite3_bind_int (stmt, 5, dose->taken_offset);
      sqlite3_bind_double (stmt, 6, dose->amount);
      bind_text (stmt, 7, dose->unit);
      bind_text (stmt, 8, dose->route);
      bind_text (stmt, 9, dose->setting);
      bind_time_or_unset (stmt, 10, dose->infusion_end);
      bind_text (stmt, 11, dose->co_administered != NULL ? dose->co_administered : "");
      bind_text (stmt, 12, side_effects);
      bind_double_or_unset (stmt, 13, dose->cost);
      bind_text (stmt, 14, dose->most_bothersome);
      bind_text (stmt, 15, dose->notes != NULL ? dose->notes : "");
      ok = step_done (self, stmt, error);
    }

  if (!action_end (self, owns, ok, error))
    return FALSE;

  g_signal_emit (self, signals[DOSE_SAVED], 0, dose);

  /* An attack row shows its doses. */
  if (owns)
    {
      /* A dose on its own is an entry of the diary's timeline. */
      g_signal_emit (self, signals[CHANGED], 0);
      if (dose->attack_uuid != NULL)
        attack_row_changed (self, dose->attack_uuid);
    }

  return TRUE;
}

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
  g_autoptr(MdDiaryUndo) undo = undo_new ();
  g_autoptr(MdDose) dose = NULL;
  gboolean owns;
  gboolean ok;

  g_return_val_if_fail (MD_IS_DIARY (self), NULL);

  if (!require_uuid (self, "doses", uuid, error) || !action_begin (self, &owns, error))
    return NULL;

  dose = md_diary_get_dose (self, uuid);
  ok = snapshot_rows (self, undo, "doses", "uuid", uuid, error) &&
       snapshot_rows (self, undo, "reminders", "dose_uuid", uuid, error) &&
       snapshot_links (self, undo, "pain_readings", "dose_uuid", uuid, error) &&
       delete_by_uuid (self, "doses", uuid, error);

  if (!action_end (self, owns, ok, error))
    return NULL;

  if (owns)
    g_signal_emit (self, signals[CHANGED], 0);
  if (owns && dose != NULL && dose->attack_uuid != NULL)
    attack_row_changed (self, dose->attack_uuid);

  return g_steal_pointer (&undo);
}

/* Pain readings -------------------------------------------------------- */

#define READING_COLUMNS "uuid, attack_uuid, dose_uuid, time, time_offset, pain, nrs, mbs_present"

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
    return invalid (error, _("Attack: a pain reading belongs to an attack in your diary."));
  if (reading->dose_uuid != NULL && !md_diary_has_uuid (self, "doses", reading->dose_uuid))
    return invalid (error, _("Dose: the dose of this reading is no longer in your diary."));
  if (reading->time <= 0)
    return invalid (error, _("Time: choose when the pain was like this."));
  if (!check_not_future (self, reading->time, _("Time"), error) ||
      !check_pain (reading->pain, _("Pain"), error) ||
      !check_nrs (reading->nrs, _("Pain from 0 to 10"), error))
    return FALSE;
  if (reading->mbs_present < -1 || reading->mbs_present > 1)
    return invalid (error, _("Most bothersome symptom: answer yes or no."));

  ensure_uuid (&reading->uuid);

  if (!action_begin (self, &owns, error))
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
      bind_text (stmt, 1, reading->uuid);
      bind_text (stmt, 2, reading->attack_uuid);
      bind_text (stmt, 3, reading->dose_uuid);
      sqlite3_bind_int64 (stmt, 4, reading->time);
      sqlite3_bind_int (stmt, 5, reading->time_offset);
      sqlite3_bind_int (stmt, 6, reading->pain);
      bind_int_or_unset (stmt, 7, reading->nrs);
      bind_int_or_unset (stmt, 8, reading->mbs_present);
      ok = step_done (self, stmt, error);
    }

  if (!action_end (self, owns, ok, error))
    return FALSE;

  if (owns)
    attack_row_changed (self, reading->attack_uuid);

  return TRUE;
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
  GPtrArray *readings = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MD_IS_DIARY (self), readings);

  stmt = md_database_prepare (self->database,
                              "SELECT " READING_COLUMNS " FROM pain_readings "
                              "WHERE attack_uuid = ? ORDER BY time, uuid",
                              NULL);
  if (stmt == NULL)
    return readings;

  bind_text (stmt, 1, attack_uuid);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      MdPainReading *reading = md_pain_reading_new ();

      reading->uuid = column_text (stmt, 0);
      reading->attack_uuid = column_text (stmt, 1);
      reading->dose_uuid = column_text (stmt, 2);
      reading->time = sqlite3_column_int64 (stmt, 3);
      reading->time_offset = sqlite3_column_int (stmt, 4);
      reading->pain = sqlite3_column_int (stmt, 5);
      reading->nrs = column_int_or_unset (stmt, 6);
      reading->mbs_present = column_int_or_unset (stmt, 7);
      g_ptr_array_add (readings, reading);
    }
  sqlite3_reset (stmt);

  return readings;
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

  return delete_row_with_undo (self, "pain_readings", uuid, error);
}

/* Days ----------------------------------------------------------------- */

static MdDay *
day_from_row (sqlite3_stmt *stmt)
{
  MdDay *day = md_day_new ();

  day->uuid = column_text (stmt, 0);
  day->date = column_text (stmt, 1);
  day->status = column_text (stmt, 2);
  day->menstruation = sqlite3_column_int (stmt, 3) != 0;
  day->notes = column_text (stmt, 4);

  return day;
}

/**
 * md_diary_save_day:
 *
 * Records facts about one calendar day. A day has one row: saving a day
 * that is already recorded updates it and keeps its UUID.
 */
gboolean
md_diary_save_day (MdDiary  *self,
                   MdDay    *day,
                   GError  **error)
{
  g_autoptr(MdDay) existing = NULL;
  sqlite3_stmt *stmt;
  gboolean owns;
  gboolean ok;

  g_return_val_if_fail (MD_IS_DIARY (self), FALSE);
  g_return_val_if_fail (MD_IS_DAY (day), FALSE);

  if (!check_date (day->date, _("Day"), error) ||
      !check_key (MD_CATALOGUE_DAY_STATUS, day->status, _("Headache"), error))
    return FALSE;

  existing = md_diary_get_day (self, day->date);
  if (existing != NULL)
    {
      g_free (day->uuid);
      day->uuid = g_strdup (existing->uuid);
    }
  ensure_uuid (&day->uuid);

  if (!action_begin (self, &owns, error))
    return FALSE;

  stmt = md_database_prepare (self->database,
                              "INSERT INTO days (uuid, date, status, menstruation, notes) "
                              "VALUES (?, ?, ?, ?, ?) "
                              "ON CONFLICT (date) DO UPDATE SET status = excluded.status, "
                              "menstruation = excluded.menstruation, notes = excluded.notes",
                              error);
  ok = stmt != NULL;
  if (ok)
    {
      bind_text (stmt, 1, day->uuid);
      bind_text (stmt, 2, day->date);
      bind_text (stmt, 3, day->status);
      sqlite3_bind_int (stmt, 4, day->menstruation);
      bind_text (stmt, 5, day->notes != NULL ? day->notes : "");
      ok = step_done (self, stmt, error);
    }

  if (!action_end (self, owns, ok, error))
    return FALSE;

  if (owns)
    g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

/**
 * md_diary_get_day:
 * @date: YYYY-MM-DD
 *
 * Returns: (transfer full) (nullable): the recorded day
 */
MdDay *
md_diary_get_day (MdDiary    *self,
                  const char *date)
{
  g_autoptr(GPtrArray) days = NULL;

  g_return_val_if_fail (MD_IS_DIARY (self), NULL);

  days = md_diary_list_days (self, date, date);

  return days->len > 0 ? g_object_ref (g_ptr_array_index (days, 0)) : NULL;
}

/**
 * md_diary_list_days:
 * @from_date: YYYY-MM-DD, included
 * @to_date: YYYY-MM-DD, included
 *
 * Returns: (transfer full) (element-type MdDay): oldest first
 */
GPtrArray *
md_diary_list_days (MdDiary    *self,
                    const char *from_date,
                    const char *to_date)
{
  GPtrArray *days = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MD_IS_DIARY (self), days);

  stmt = md_database_prepare (self->database,
                              "SELECT uuid, date, status, menstruation, notes FROM days "
                              "WHERE date >= ? AND date <= ? ORDER BY date",
                              NULL);
  if (stmt == NULL)
    return days;

  bind_text (stmt, 1, from_date);
  bind_text (stmt, 2, to_date);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (days, day_from_row (stmt));
  sqlite3_reset (stmt);

  return days;
}

/**
 * md_diary_has_entry_on_day:
 * @day: any time on the local calendar day to look at
 *
 * Whether anything was logged for that day — an attack touching it, a
 * dose, or a recorded day — so the daily check-in can stay quiet.
 */
gboolean
md_diary_has_entry_on_day (MdDiary   *self,
                           GDateTime *day)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *date = NULL;
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  g_return_val_if_fail (MD_IS_DIARY (self), FALSE);

  start = g_date_time_new (g_date_time_get_timezone (day),
                           g_date_time_get_year (day),
                           g_date_time_get_month (day),
                           g_date_time_get_day_of_month (day),
                           0, 0, 0);
  end = g_date_time_add_days (start, 1);
  date = g_date_time_format (day, "%Y-%m-%d");

  if (row_exists (self, "SELECT 1 FROM days WHERE date = ?", date))
    return TRUE;

  stmt = md_database_prepare (self->database,
                              "SELECT 1 WHERE EXISTS (SELECT 1 FROM attacks WHERE start_time < ?1 "
                              "AND (end_time IS NULL OR end_time >= ?2)) "
                              "OR EXISTS (SELECT 1 FROM doses WHERE taken_time >= ?2 AND taken_time < ?1)",
                              NULL);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, g_date_time_to_unix (end));
  sqlite3_bind_int64 (stmt, 2, g_date_time_to_unix (start));
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  return found;
}

/**
 * md_diary_record_headache_free_today:
 *
 * What "No headache today" does, from the window or from a reminder:
 * today, by the diary's clock and in local time, becomes a headache-free
 * day, keeping what else was recorded for it. A day with an attack is
 * refused: the diary must not contradict itself.
 */
gboolean
md_diary_record_headache_free_today (MdDiary  *self,
                                     GError  **error)
{
  g_autoptr(MdDay) day = md_day_new ();
  g_autoptr(MdDay) existing = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GPtrArray) attacks = NULL;

  g_return_val_if_fail (MD_IS_DIARY (self), FALSE);

  now = g_date_time_new_from_unix_local (self->now_func (self->now_data));
  midnight = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                    g_date_time_get_day_of_month (now), 0, 0, 0);
  attacks = md_diary_list_attacks (self, g_date_time_to_unix (midnight),
                                   g_date_time_to_unix (midnight) + 24 * 3600);
  if (attacks->len > 0)
    return invalid (error, "%s", _("Today has an attack in your diary, so it was not recorded as headache-free."));

  day->date = g_date_time_format (now, "%Y-%m-%d");
  existing = md_diary_get_day (self, day->date);
  if (existing != NULL)
    {
      day->menstruation = existing->menstruation;
      day->notes = g_strdup (existing->notes);
    }
  day->status = g_strdup ("headache-free");

  return md_diary_save_day (self, day, error);
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
    return invalid (error, _("Medication: choose a medication from your list."));
  if (!check_date (course->start_date, _("Start"), error))
    return FALSE;
  if (course->end_date != NULL)
    {
      if (!check_date (course->end_date, _("End"), error))
        return FALSE;
      if (g_strcmp0 (course->end_date, course->start_date) < 0)
        return invalid (error, _("End: the course cannot end before it started."));
    }
  if (course->amount == 0 || (course->amount < 0 && course->amount != -1))
    return invalid (error, _("Amount: the amount must be more than zero."));

  ensure_uuid (&course->uuid);

  if (!action_begin (self, &owns, error))
    return FALSE;

  stmt = md_database_prepare (self->database,
                              "INSERT INTO preventive_courses "
                              "(uuid, medication_uuid, start_date, end_date, amount, unit, notes) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?) "
                              "ON CONFLICT (uuid) DO UPDATE SET "
                              "medication_uuid = excluded.medication_uuid, "
                              "start_date = excluded.start_date, end_date = excluded.end_date, "
                              "amount = excluded.amount, unit = excluded.unit, notes = excluded.notes",
                              error);
  ok = stmt != NULL;
  if (ok)
    {
      bind_text (stmt, 1, course->uuid);
      bind_text (stmt, 2, course->medication_uuid);
      bind_text (stmt, 3, course->start_date);
      bind_text (stmt, 4, course->end_date);
      sqlite3_bind_double (stmt, 5, course->amount);
      bind_text (stmt, 6, course->unit != NULL ? course->unit : "");
      bind_text (stmt, 7, course->notes != NULL ? course->notes : "");
      ok = step_done (self, stmt, error);
    }

  /* Courses are drawn on the charts and are treatment starts there. */
  if (!action_end (self, owns, ok, error))
    return FALSE;
  g_signal_emit (self, signals[CHANGED], 0);

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
                              "SELECT uuid, medication_uuid, start_date, end_date, amount, unit, notes "
                              "FROM preventive_courses ORDER BY start_date, uuid",
                              NULL);
  if (stmt == NULL)
    return courses;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      MdPreventiveCourse *course = md_preventive_course_new ();

      course->uuid = column_text (stmt, 0);
      course->medication_uuid = column_text (stmt, 1);
      course->start_date = column_text (stmt, 2);
      course->end_date = column_text (stmt, 3);
      course->amount = sqlite3_column_double (stmt, 4);
      course->unit = column_text (stmt, 5);
      course->notes = column_text (stmt, 6);
      g_ptr_array_add (courses, course);
    }
  sqlite3_reset (stmt);

  return courses;
}

/* Reminders ------------------------------------------------------------ */

gboolean
md_diary_save_reminder (MdDiary     *self,
                        MdReminder  *reminder,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean owns;
  gboolean ok;

  g_return_val_if_fail (MD_IS_DIARY (self), FALSE);
  g_return_val_if_fail (MD_IS_REMINDER (reminder), FALSE);

  if (reminder->kind == NULL)
    return invalid (error, _("Kind: choose what the reminder is for."));
  if (!check_key (MD_CATALOGUE_REMINDER_KIND, reminder->kind, _("Kind"), error))
    return FALSE;
  if (reminder->title == NULL || reminder->title[0] == '\0')
    return invalid (error, _("Title: give the reminder a title."));
  if (reminder->schedule == NULL || reminder->schedule[0] == '\0')
    return invalid (error, _("Schedule: choose when the reminder comes."));
  if (reminder->medication_uuid != NULL &&
      !md_diary_has_uuid (self, "medications", reminder->medication_uuid))
    return invalid (error, _("Medication: choose a medication from your list."));
  if (reminder->dose_uuid != NULL && !md_diary_has_uuid (self, "doses", reminder->dose_uuid))
    return invalid (error, _("Dose: the dose of this reminder is no longer in your diary."));

  ensure_uuid (&reminder->uuid);

  if (!action_begin (self, &owns, error))
    return FALSE;

  stmt = md_database_prepare (self->database,
                              "INSERT INTO reminders (uuid, kind, title, schedule, medication_uuid, "
                              "dose_uuid, enabled, last_fired, snoozed_until) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                              "ON CONFLICT (uuid) DO UPDATE SET kind = excluded.kind, "
                              "title = excluded.title, schedule = excluded.schedule, "
                              "medication_uuid = excluded.medication_uuid, "
                              "dose_uuid = excluded.dose_uuid, enabled = excluded.enabled, "
                              "last_fired = excluded.last_fired, "
                              "snoozed_until = excluded.snoozed_until",
                              error);
  ok = stmt != NULL;
  if (ok)
    {
      bind_text (stmt, 1, reminder->uuid);
      bind_text (stmt, 2, reminder->kind);
      bind_text (stmt, 3, reminder->title);
      bind_text (stmt, 4, reminder->schedule);
      bind_text (stmt, 5, reminder->medication_uuid);
      bind_text (stmt, 6, reminder->dose_uuid);
      sqlite3_bind_int (stmt, 7, reminder->enabled);
      sqlite3_bind_int64 (stmt, 8, reminder->last_fired);
      sqlite3_bind_int64 (stmt, 9, reminder->snoozed_until);
      ok = step_done (self, stmt, error);
    }

  if (!action_end (self, owns, ok, error))
    return FALSE;

  g_signal_emit (self, signals[REMINDERS_CHANGED], 0);
  return TRUE;
}

/**
 * md_diary_list_reminders:
 *
 * Returns: (transfer full) (element-type MdReminder): in the order made
 */
GPtrArray *
md_diary_list_reminders (MdDiary *self)
{
  GPtrArray *reminders = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MD_IS_DIARY (self), reminders);

  stmt = md_database_prepare (self->database,
                              "SELECT uuid, kind, title, schedule, medication_uuid, dose_uuid, "
                              "enabled, last_fired, snoozed_until FROM reminders ORDER BY rowid",
                              NULL);
  if (stmt == NULL)
    return reminders;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      MdReminder *reminder = md_reminder_new ();

      reminder->uuid = column_text (stmt, 0);
      reminder->kind = column_text (stmt, 1);
      reminder->title = column_text (stmt, 2);
      reminder->schedule = column_text (stmt, 3);
      reminder->medication_uuid = column_text (stmt, 4);
      reminder->dose_uuid = column_text (stmt, 5);
      reminder->enabled = sqlite3_column_int (stmt, 6) != 0;
      reminder->last_fired = sqlite3_column_int64 (stmt, 7);
      reminder->snoozed_until = sqlite3_column_int64 (stmt, 8);
      g_ptr_array_add (reminders, reminder);
    }
  sqlite3_reset (stmt);

  return reminders;
}

/**
 * md_diary_delete_reminder:
 *
 * Returns: (transfer full) (nullable): what md_diary_undo() needs
 */
MdDiaryUndo *
md_diary_delete_reminder (MdDiary     *self,
                          const char  *uuid,
                          GError     **error)
{
  MdDiaryUndo *undo;

  g_return_val_if_fail (MD_IS_DIARY (self), NULL);

  undo = delete_row_with_undo (self, "reminders", uuid, error);
  if (undo != NULL)
    g_signal_emit (self, signals[REMINDERS_CHANGED], 0);

  return undo;
}

/* Construction ---------------------------------------------------------- */

/**
 * md_diary_new:
 * @database: an open diary database
 *
 * Returns: (transfer full): the repository over @database
 */
MdDiary *
md_diary_new (MdDatabase *database)
{
  MdDiary *self;

  g_return_val_if_fail (MD_IS_DATABASE (database), NULL);

  self = g_object_new (MD_TYPE_DIARY, NULL);
  self->database = g_object_ref (database);
  self->attacks = md_row_list_new (MD_TYPE_ATTACK, database,
                                   "SELECT rowid FROM attacks ORDER BY start_time DESC, uuid DESC",
                                   load_attack, self);
  self->medications = md_row_list_new (MD_TYPE_MEDICATION, database,
                                       "SELECT rowid FROM medications "
                                       "ORDER BY archived, name COLLATE NOCASE, uuid",
                                       load_medication, self);

  return self;
}

/**
 * md_diary_open:
 *
 * Opens the diary file at @path, see md_database_open().
 *
 * Returns: (transfer full) (nullable): the diary
 */
MdDiary *
md_diary_open (const char  *path,
               GError     **error)
{
  g_autoptr(MdDatabase) database = md_database_open (path, error);

  if (database == NULL)
    return NULL;

  return md_diary_new (database);
}

MdDatabase *
md_diary_get_database (MdDiary *self)
{
  g_return_val_if_fail (MD_IS_DIARY (self), NULL);

  return self->database;
}

void
md_diary_set_now_func (MdDiary        *self,
                       MdDiaryNowFunc  func,
                       gpointer        user_data)
{
  g_return_if_fail (MD_IS_DIARY (self));

  self->now_func = func != NULL ? func : default_now;
  self->now_data = user_data;
}

/**
 * md_diary_begin:
 *
 * Opens a transaction around several saves (an import): they all land,
 * or none does. Lists are refreshed at md_diary_commit().
 */
gboolean
md_diary_begin (MdDiary  *self,
                GError  **error)
{
  g_return_val_if_fail (MD_IS_DIARY (self), FALSE);

  return md_database_begin (self->database, error);
}

gboolean
md_diary_commit (MdDiary  *self,
                 GError  **error)
{
  g_return_val_if_fail (MD_IS_DIARY (self), FALSE);

  if (!md_database_commit (self->database, error))
    {
      md_database_rollback (self->database);
      reload_attacks (self);
      md_row_list_reload (self->medications);
      return FALSE;
    }

  reload_attacks (self);
  md_row_list_reload (self->medications);

  return TRUE;
}

/**
 * md_diary_attack_changed:
 *
 * Announces that what a list row shows for the attack changed (its doses
 * or readings, saved inside a caller's transaction).
 */
void
md_diary_attack_changed (MdDiary    *self,
                         const char *uuid)
{
  g_return_if_fail (MD_IS_DIARY (self));

  attack_row_changed (self, uuid);
}

/**
 * md_diary_reload:
 *
 * Re-reads the lists after another connection changed the file (an
 * import or a restore run in a thread).
 */
void
md_diary_reload (MdDiary *self)
{
  g_return_if_fail (MD_IS_DIARY (self));

  reload_attacks (self);
  md_row_list_reload (self->medications);
}

void
md_diary_rollback (MdDiary *self)
{
  g_return_if_fail (MD_IS_DIARY (self));

  md_database_rollback (self->database);
  reload_attacks (self);
  md_row_list_reload (self->medications);
}
