/* md-diary.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The repository: typed reads and writes of every record, validated
 * here so that no caller can save what a clinician would misread. Each
 * public write is one transaction, unless the caller opened one around
 * several (an import).
 *
 * This file holds the object, the shared helpers, undo and transactions;
 * each record group has its own md-diary-<group>.c (md-diary-private.h).
 */

#define G_LOG_DOMAIN "md-diary"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "md-catalogue.h"
#include "md-diary.h"
#include "md-error.h"
#include "md-diary-private.h"
#include "md-row-list.h"

G_DEFINE_FINAL_TYPE (MdDiary, md_diary, G_TYPE_OBJECT)

guint md_diary_signals[N_SIGNALS];

/* The statements that put back what a delete removed, in the order they
 * run: an INSERT of each deleted row, an UPDATE that gives each kept row
 * its link back. */
struct _MdDiaryUndo
{
  GPtrArray *sql;     /* char* */
  GPtrArray *values;  /* GPtrArray* of sqlite3_value*: the parameters of each */
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

  /* A view may hold a list longer than the diary lives. */
  if (self->attacks != NULL)
    md_row_list_detach (self->attacks);
  if (self->medications != NULL)
    md_row_list_detach (self->medications);
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
  md_diary_signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * MdDiary::attack-changed:
   * @uuid: the attack
   *
   * What a view shows for the attack changed in place: its fields, doses
   * or readings.
   */
  md_diary_signals[ATTACK_CHANGED] = g_signal_new ("attack-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * MdDiary::dose-saved:
   * @dose: the dose, as saved
   *
   * A dose was added or changed; inside the caller's transaction when
   * there is one, so what a handler saves commits or rolls back with it.
   */
  md_diary_signals[DOSE_SAVED] = g_signal_new ("dose-saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                               0, NULL, NULL, NULL, G_TYPE_NONE, 1, MD_TYPE_DOSE);

  /**
   * MdDiary::reminders-changed:
   *
   * A reminder was added, changed or deleted. Doses deleted with their
   * follow-ups, and undo, announce themselves with #MdDiary::changed.
   */
  md_diary_signals[REMINDERS_CHANGED] = g_signal_new ("reminders-changed", G_TYPE_FROM_CLASS (klass),
                                                      G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
md_diary_init (MdDiary *self)
{
  self->now_func = default_now;
}

/* Binding helpers: the "not given" value of each field becomes NULL. */

void
md_diary_bind_text (sqlite3_stmt *stmt,
                    int           index,
                    const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
md_diary_bind_int_or_unset (sqlite3_stmt *stmt,
                            int           index,
                            int           value)
{
  if (value < 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int (stmt, index, value);
}

void
md_diary_bind_time_or_unset (sqlite3_stmt *stmt,
                             int           index,
                             gint64        value)
{
  if (value == 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, value);
}

void
md_diary_bind_double_or_unset (sqlite3_stmt *stmt,
                               int           index,
                               double        value)
{
  if (value < 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_double (stmt, index, value);
}

char *
md_diary_column_text (sqlite3_stmt *stmt,
                      int           index)
{
  const unsigned char *text = sqlite3_column_text (stmt, index);

  return text != NULL ? g_strdup ((const char *) text) : NULL;
}

int
md_diary_column_int_or_unset (sqlite3_stmt *stmt,
                              int           index)
{
  return sqlite3_column_type (stmt, index) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, index);
}

double
md_diary_column_double_or_unset (sqlite3_stmt *stmt,
                                 int           index)
{
  return sqlite3_column_type (stmt, index) == SQLITE_NULL ? -1 : sqlite3_column_double (stmt, index);
}

char **
md_diary_split_keys (const char *text)
{
  if (text == NULL || *text == '\0')
    return g_new0 (char *, 1);

  return g_strsplit (text, ",", -1);
}

/* Runs a prepared write; FALSE with the database's reason on failure. */
gboolean
md_diary_step_done (MdDiary       *self,
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
gboolean
md_diary_action_begin (MdDiary   *self,
                       gboolean  *owns,
                       GError   **error)
{
  *owns = !md_database_in_transaction (self->database);

  return !*owns || md_database_begin (self->database, error);
}

gboolean
md_diary_action_end (MdDiary   *self,
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


gboolean
md_diary_invalid (GError     **error,
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

gboolean
md_diary_check_key (MdCatalogue   catalogue,
                    const char   *key,
                    const char   *field,
                    GError      **error)
{
  if (key == NULL || md_catalogue_has_key (catalogue, key))
    return TRUE;

  /* Translators: the first %s is a field name, the second a value, the
   * third the kind of value, e.g. "Route: “spray” is not a known route." */
  return md_diary_invalid (error, _("%s: “%s” is not a known %s."), field, key,
                  md_catalogue_get_name (catalogue));
}

gboolean
md_diary_check_not_future (MdDiary     *self,
                           gint64       time,
                           const char  *field,
                           GError     **error)
{
  if (time <= self->now_func (self->now_data) + FUTURE_TOLERANCE_SECONDS)
    return TRUE;

  /* Translators: %s is a field name such as "Start" */
  return md_diary_invalid (error, _("%s: the time is in the future."), field);
}

gboolean
md_diary_check_pain (int          pain,
                     const char  *field,
                     GError     **error)
{
  if (pain >= 0 && pain <= 3)
    return TRUE;

  /* Translators: %s is a field name; the four words are the pain levels */
  return md_diary_invalid (error, _("%s: choose None, Mild, Moderate or Severe."), field);
}

gboolean
md_diary_check_nrs (int          nrs,
                    const char  *field,
                    GError     **error)
{
  if (nrs == -1 || (nrs >= 0 && nrs <= 10))
    return TRUE;

  /* Translators: %s is a field name */
  return md_diary_invalid (error, _("%s: the number must be from 0 to 10."), field);
}

/* The offsets in use on Earth run from −12:00 to +14:00; ±18:00 is the
 * widest that ISO 8601 readers commonly accept. Anything beyond is a
 * typing mistake that would put the time on another day. */
gboolean
md_diary_check_offset (int          offset,
                       const char  *field,
                       GError     **error)
{
  if (offset >= -MD_DIARY_MAX_UTC_OFFSET && offset <= MD_DIARY_MAX_UTC_OFFSET)
    return TRUE;

  /* Translators: %s is a field name such as "Start" */
  return md_diary_invalid (error, _("%s: the UTC offset must be from −18:00 to +18:00."), field);
}

/* An amount or a cost is an ordinary number: infinity and "not a number"
 * would be printed as "inf g" or stored as nothing at all. */
gboolean
md_diary_check_finite (double       value,
                       const char  *field,
                       GError     **error)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  if (isfinite (value))
    return TRUE;

  /* Translators: %s is a field name such as "Amount", then a value such
   * as "inf" */
  return md_diary_invalid (error, _("%s: “%s” is not a number that can be recorded; give one such as 2.5."),
                           field, g_ascii_dtostr (text, sizeof text, value));
}

/* Only the one way to write a day, YYYY-MM-DD: "2024-01-+1" or
 * " 2024-1-01" would be another row for the same calendar day. */
gboolean
md_diary_check_date (const char  *date,
                     const char  *field,
                     GError     **error)
{
  if (md_day_date_is_canonical (date))
    return TRUE;

  /* Translators: %s is a field name; YYYY-MM-DD shows the expected form */
  return md_diary_invalid (error, _("%s: not a valid date (YYYY-MM-DD)."), field);
}

/* Generic helpers ----------------------------------------------------- */

/* Runs a prepared query with its parameters bound: whether it found a
 * row. */
gboolean
md_diary_step_found (sqlite3_stmt *stmt)
{
  gboolean found = sqlite3_step (stmt) == SQLITE_ROW;

  sqlite3_reset (stmt);

  return found;
}

gboolean
md_diary_row_exists (MdDiary    *self,
                     const char *sql,
                     const char *key)
{
  sqlite3_stmt *stmt = md_database_prepare (self->database, sql, NULL);

  if (stmt == NULL || key == NULL)
    return FALSE;

  md_diary_bind_text (stmt, 1, key);

  return md_diary_step_found (stmt);
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

  return md_diary_row_exists (self, sql, uuid);
}

/* Runs a prepared query (NULL: it could not be prepared) with its
 * parameters bound: the number in the first column of its first row, or
 * @fallback when there is none. */
static gint64
step_int64 (sqlite3_stmt *stmt,
            gint64        fallback)
{
  gint64 value = fallback;

  if (stmt == NULL)
    return fallback;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return value;
}

gint64
md_diary_count (MdDiary    *self,
                const char *table)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (MD_IS_DIARY (self), 0);
  g_return_val_if_fail (g_strv_contains (known_tables, table), 0);

  sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return step_int64 (md_database_prepare (self->database, sql, NULL), 0);
}

gint64
md_diary_rowid_of (MdDiary    *self,
                   const char *table,
                   const char *uuid)
{
  g_autofree char *sql = g_strdup_printf ("SELECT rowid FROM %s WHERE uuid = ?", table);
  sqlite3_stmt *stmt = md_database_prepare (self->database, sql, NULL);

  if (stmt != NULL)
    md_diary_bind_text (stmt, 1, uuid);

  return step_int64 (stmt, -1);
}

/* Attacks were added or removed, or days changed: views re-read. */
void
md_diary_reload_attacks (MdDiary *self)
{
  md_row_list_reload (self->attacks);
  g_signal_emit (self, md_diary_signals[CHANGED], 0);
}

/* What a view shows for one attack changed, not where it stands. */
void
md_diary_attack_row_changed (MdDiary    *self,
                             const char *uuid)
{
  md_row_list_row_changed (self->attacks, md_diary_rowid_of (self, "attacks", uuid));
  g_signal_emit (self, md_diary_signals[ATTACK_CHANGED], 0, uuid);
}

void
md_diary_ensure_uuid (char **uuid)
{
  if (*uuid == NULL || **uuid == '\0')
    {
      g_free (*uuid);
      *uuid = g_uuid_string_random ();
    }
}

/* Undo ----------------------------------------------------------------- */

MdDiaryUndo *
md_diary_undo_new (void)
{
  MdDiaryUndo *undo = g_new0 (MdDiaryUndo, 1);

  undo->sql = g_ptr_array_new_with_free_func (g_free);
  undo->values = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  return undo;
}

void
md_diary_undo_free (MdDiaryUndo *undo)
{
  if (undo == NULL)
    return;

  g_ptr_array_unref (undo->sql);
  g_ptr_array_unref (undo->values);
  g_free (undo);
}

/* The INSERT that puts back a row that @stmt reads whole. Column names
 * come from the schema, never from the user. */
static char *
insert_sql (const char   *table,
            sqlite3_stmt *stmt)
{
  GString *sql = g_string_new (NULL);
  int n = sqlite3_column_count (stmt);

  g_string_append_printf (sql, "INSERT INTO %s (", table);
  for (int c = 0; c < n; c++)
    g_string_append_printf (sql, "%s%s", c > 0 ? ", " : "", sqlite3_column_name (stmt, c));
  g_string_append (sql, ") VALUES (");
  for (int c = 0; c < n; c++)
    g_string_append (sql, c > 0 ? ", ?" : "?");
  g_string_append (sql, ")");

  return g_string_free (sql, FALSE);
}

/* Keeps, for undo, what puts back the rows of @what that hang on @key:
 * a row a delete removes is copied whole, so undo can insert it again
 * exactly, UUIDs included; a row that keeps living with its link set to
 * NULL gets its link back. */
static gboolean
snapshot_rows (MdDiary                *self,
               MdDiaryUndo            *undo,
               const MdDiarySnapshot  *what,
               const char             *key,
               GError                **error)
{
  g_autofree char *sql = what->relink
    ? g_strdup_printf ("SELECT ?1, uuid FROM %s WHERE %s = ?1", what->table, what->column)
    : g_strdup_printf ("SELECT * FROM %s WHERE %s = ?1", what->table, what->column);
  sqlite3_stmt *stmt = md_database_prepare (self->database, sql, error);
  g_autofree char *restore = NULL;

  if (stmt == NULL)
    return FALSE;

  restore = what->relink
    ? g_strdup_printf ("UPDATE %s SET %s = ? WHERE uuid = ?", what->table, what->column)
    : insert_sql (what->table, stmt);
  md_diary_bind_text (stmt, 1, key);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GPtrArray *values = g_ptr_array_new_with_free_func ((GDestroyNotify) sqlite3_value_free);
      int n = sqlite3_column_count (stmt);

      for (int i = 0; i < n; i++)
        g_ptr_array_add (values, sqlite3_value_dup (sqlite3_column_value (stmt, i)));
      g_ptr_array_add (undo->sql, g_strdup (restore));
      g_ptr_array_add (undo->values, values);
    }
  sqlite3_reset (stmt);

  return TRUE;
}

gboolean
md_diary_delete_by_uuid (MdDiary     *self,
                         const char  *table,
                         const char  *uuid,
                         GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE uuid = ?", table);
  sqlite3_stmt *stmt = md_database_prepare (self->database, sql, error);

  if (stmt == NULL)
    return FALSE;

  md_diary_bind_text (stmt, 1, uuid);

  return md_diary_step_done (self, stmt, error);
}

gboolean
md_diary_require_uuid (MdDiary     *self,
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

/* Deletes the row of what[0].table with @uuid, and with it the rows of
 * the rest of @what that hang on it, keeping them all for undo. */
MdDiaryUndo *
md_diary_delete_with_undo (MdDiary                *self,
                           const MdDiarySnapshot  *what,
                           const char             *uuid,
                           GError                **error)
{
  g_autoptr(MdDiaryUndo) undo = md_diary_undo_new ();
  gboolean owns;
  gboolean ok;

  if (!md_diary_require_uuid (self, what[0].table, uuid, error) || !md_diary_action_begin (self, &owns, error))
    return NULL;

  /* Parents before children, the order undo puts them back in. */
  ok = TRUE;
  for (const MdDiarySnapshot *w = what; ok && w->table != NULL; w++)
    ok = snapshot_rows (self, undo, w, uuid, error);
  ok = ok && md_diary_delete_by_uuid (self, what[0].table, uuid, error);

  if (!md_diary_action_end (self, owns, ok, error))
    return NULL;

  return g_steal_pointer (&undo);
}

/* Deletes one row that nothing else hangs on, keeping it for undo. */
MdDiaryUndo *
md_diary_delete_row_with_undo (MdDiary     *self,
                               const char  *table,
                               const char  *uuid,
                               GError     **error)
{
  const MdDiarySnapshot row[] = { { table, "uuid", FALSE }, { NULL } };

  return md_diary_delete_with_undo (self, row, uuid, error);
}

/* What a deleted attack takes with it, and the doses it leaves. */
static const MdDiarySnapshot attack_rows[] = {
  { "attacks", "uuid", FALSE },
  { "attack_symptoms", "attack_uuid", FALSE },
  { "attack_triggers", "attack_uuid", FALSE },
  { "pain_readings", "attack_uuid", FALSE },
  { "doses", "attack_uuid", TRUE },
  { NULL }
};

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
  g_autoptr(MdDiaryUndo) undo = NULL;

  g_return_val_if_fail (MD_IS_DIARY (self), NULL);

  undo = md_diary_delete_with_undo (self, attack_rows, uuid, error);
  if (undo == NULL)
    return NULL;

  md_diary_reload_attacks (self);

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

  if (!md_diary_action_begin (self, &owns, error))
    return FALSE;

  for (guint i = 0; ok && i < undo->sql->len; i++)
    {
      GPtrArray *values = g_ptr_array_index (undo->values, i);
      sqlite3_stmt *stmt = md_database_prepare (self->database, g_ptr_array_index (undo->sql, i), error);

      ok = stmt != NULL;
      for (guint c = 0; ok && c < values->len; c++)
        sqlite3_bind_value (stmt, c + 1, g_ptr_array_index (values, c));
      ok = ok && md_diary_step_done (self, stmt, error);
    }

  if (!md_diary_action_end (self, owns, ok, error))
    return FALSE;

  md_diary_reload_attacks (self);
  md_row_list_reload (self->medications);

  return TRUE;
}

/* Construction ---------------------------------------------------------- */

/* SQLite's count of commits made by other connections (another process,
 * a thread's own connection) since this one opened; our own commits
 * leave it as it is. -1 when it cannot be read (a closed diary). */
static gint64
read_data_version (MdDiary *self)
{
  if (md_database_is_closed (self->database))
    return -1;

  return step_int64 (md_database_prepare (self->database, "PRAGMA data_version", NULL), -1);
}

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
                                   md_diary_load_attack, self);
  self->medications = md_row_list_new (MD_TYPE_MEDICATION, database,
                                       "SELECT rowid FROM medications "
                                       "ORDER BY archived, name COLLATE NOCASE, uuid",
                                       md_diary_load_medication, self);
  self->data_version = read_data_version (self);

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
  return md_diary_open_full (path, MD_DATABASE_LOCK_WAIT_DEFAULT, error);
}

/**
 * md_diary_open_full:
 * @lock_wait_ms: how long to wait for another program's lock, see
 *   md_database_open_full()
 *
 * Returns: (transfer full) (nullable): the diary
 */
MdDiary *
md_diary_open_full (const char  *path,
                    guint        lock_wait_ms,
                    GError     **error)
{
  g_autoptr(MdDatabase) database = md_database_open_full (path, lock_wait_ms, error);

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
      md_diary_reload_attacks (self);
      md_row_list_reload (self->medications);
      return FALSE;
    }

  md_diary_reload_attacks (self);
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

  md_diary_attack_row_changed (self, uuid);
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

  /* What is read now includes every commit so far: a later
   * md_diary_reload_if_changed_elsewhere() has nothing more to show. */
  self->data_version = read_data_version (self);
  md_diary_reload_attacks (self);
  md_row_list_reload (self->medications);
}

/**
 * md_diary_reload_if_changed_elsewhere:
 *
 * Re-reads the lists, and tells views and the reminder service through
 * #MdDiary::changed and #MdDiary::reminders-changed, when another
 * connection — another process such as `migraine-diary --import-csv`, or
 * a thread — committed a change since the lists were last read. The
 * diary's own saves announce themselves and are not read again. Cheap
 * enough to call on every change to the file (one pragma).
 *
 * Returns: whether there was a change to read
 */
gboolean
md_diary_reload_if_changed_elsewhere (MdDiary *self)
{
  gint64 version;

  g_return_val_if_fail (MD_IS_DIARY (self), FALSE);

  /* Inside a transaction of ours, what others committed is not visible
   * yet; the commit re-reads the lists anyway. */
  if (md_database_in_transaction (self->database))
    return FALSE;

  version = read_data_version (self);
  if (version < 0 || version == self->data_version)
    return FALSE;

  md_diary_reload (self);
  g_signal_emit (self, md_diary_signals[REMINDERS_CHANGED], 0);

  return TRUE;
}

void
md_diary_rollback (MdDiary *self)
{
  g_return_if_fail (MD_IS_DIARY (self));

  md_database_rollback (self->database);
  md_diary_reload_attacks (self);
  md_row_list_reload (self->medications);
}

/**
 * md_diary_close:
 *
 * Closes the diary's connection now, even while others still hold the
 * object: from here on its lists are empty and every save fails with an
 * error. Used before the diary's file is replaced by a restored backup.
 */
void
md_diary_close (MdDiary *self)
{
  g_return_if_fail (MD_IS_DIARY (self));

  if (md_database_is_closed (self->database))
    return;

  md_database_close (self->database);
  md_diary_reload (self);
}
