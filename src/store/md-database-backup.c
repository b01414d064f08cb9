/* md-database-backup.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The diary's automatic backups: one a day, written through the SQLite
 * backup API by a connection of their own, rotated to a week of daily
 * and a year of monthly files, and restored by copying beside the diary
 * and renaming over it. A backup is checked before it is restored: a
 * damaged one is refused, and the next good one is offered instead.
 */

#define G_LOG_DOMAIN "md-database"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "md-database-private.h"
#include "md-database-recover.h"
#include "md-error.h"
#include "md-paths.h"

#define BACKUP_KEEP_DAILY   7
#define BACKUP_KEEP_MONTHLY 12

static gboolean
parse_backup_name (const char *name,
                   GDate      *date)
{
  int year, month, day;
  char tail[8] = "";

  if (sscanf (name, "diary-%4d-%2d-%2d%7s", &year, &month, &day, tail) != 4 ||
      !g_str_equal (tail, ".db") ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

typedef struct
{
  char  *path;
  GDate  date;
} BackupFile;

static void
backup_file_free (gpointer data)
{
  BackupFile *file = data;

  g_free (file->path);
  g_free (file);
}

static int
compare_backups_newest_first (gconstpointer a,
                              gconstpointer b)
{
  const BackupFile *x = *(BackupFile * const *) a;
  const BackupFile *y = *(BackupFile * const *) b;

  return g_date_compare (&y->date, &x->date);
}

static GPtrArray *
list_backups (const char *database_path)
{
  g_autofree char *dir_path = md_paths_get_backup_dir (database_path);
  GPtrArray *backups = g_ptr_array_new_with_free_func (backup_file_free);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return backups;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      BackupFile *file = g_new0 (BackupFile, 1);

      g_date_clear (&file->date, 1);
      if (!parse_backup_name (name, &file->date))
        {
          backup_file_free (file);
          continue;
        }

      file->path = g_build_filename (dir_path, name, NULL);
      g_ptr_array_add (backups, file);
    }

  g_ptr_array_sort (backups, compare_backups_newest_first);

  return backups;
}

/**
 * md_database_list_backups:
 *
 * Returns: (transfer full) (element-type filename): the automatic backups
 *   of @database_path, newest first
 */
GPtrArray *
md_database_list_backups (const char *database_path)
{
  g_autoptr(GPtrArray) backups = list_backups (database_path);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < backups->len; i++)
    g_ptr_array_add (paths, g_strdup (((BackupFile *) g_ptr_array_index (backups, i))->path));

  return paths;
}

/**
 * md_database_find_newest_backup:
 *
 * Returns: (transfer full) (nullable): the newest automatic backup of
 *   @database_path
 */
char *
md_database_find_newest_backup (const char *database_path)
{
  g_autoptr(GPtrArray) backups = list_backups (database_path);

  if (backups->len == 0)
    return NULL;

  return g_strdup (((BackupFile *) g_ptr_array_index (backups, 0))->path);
}

/**
 * md_database_check_backup:
 * @backup_path: a backup
 *
 * Reads a backup whole without writing it: SQLite's integrity check, and
 * a diary schema this app can open.
 *
 * Returns: %TRUE when the backup can be restored
 */
gboolean
md_database_check_backup (const char  *backup_path,
                          GError     **error)
{
  g_autofree char *name = g_path_get_basename (backup_path);
  g_autofree char *reason = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version = -1;
  int rc;

  g_return_val_if_fail (backup_path != NULL, FALSE);

  rc = sqlite3_open_v2 (backup_path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (rc != SQLITE_ROW)
    reason = g_strdup (db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  else if (version < 1 || version > MD_DATABASE_SCHEMA_VERSION)
    /* Translators: why a backup cannot be restored */
    reason = g_strdup (_("it holds no diary this version of the app can open"));
  else
    {
      rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        reason = g_strdup (sqlite3_errmsg (db));
      else if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
        reason = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      g_clear_pointer (&stmt, sqlite3_finalize);
    }
  sqlite3_close_v2 (db);

  if (reason == NULL)
    return TRUE;

  g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_DAMAGED,
               /* Translators: the first %s is a backup file, e.g. diary-2026-05-01.db, the
                * second the reason */
               _("The backup “%s” is damaged (%s) and cannot be restored."),
               name, reason);
  return FALSE;
}

/**
 * md_database_find_good_backup:
 * @database_path: the diary
 * @skip: (nullable): a backup not to offer (one that just failed)
 * @bad_backups: (nullable) (element-type filename): where to add the
 *   newer backups that failed md_database_check_backup()
 *
 * Returns: (transfer full) (nullable): the newest backup of
 *   @database_path that passes md_database_check_backup()
 */
char *
md_database_find_good_backup (const char *database_path,
                              const char *skip,
                              GPtrArray  *bad_backups)
{
  g_autoptr(GPtrArray) backups = list_backups (database_path);

  for (guint i = 0; i < backups->len; i++)
    {
      const char *path = ((BackupFile *) g_ptr_array_index (backups, i))->path;

      if (g_strcmp0 (path, skip) == 0)
        continue;
      if (md_database_check_backup (path, NULL))
        return g_strdup (path);
      if (bad_backups != NULL)
        g_ptr_array_add (bad_backups, g_strdup (path));
    }

  return NULL;
}

/**
 * md_database_describe_backup:
 *
 * Returns: (transfer full): the backup's file name and date, as people
 *   are shown it: “diary-2026-05-01.db” (Friday 1 May 2026)
 */
char *
md_database_describe_backup (const char *backup_path)
{
  g_autofree char *name = g_path_get_basename (backup_path);
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *date_text = NULL;
  GDate day;

  g_date_clear (&day, 1);
  if (!parse_backup_name (name, &day))
    /* Translators: a backup's file name */
    return g_strdup_printf (_("“%s”"), name);

  date = g_date_time_new_local (g_date_get_year (&day), g_date_get_month (&day),
                                g_date_get_day (&day), 0, 0, 0);
  /* Translators: the date of a backup, see the GDateTime docs for the codes */
  date_text = g_date_time_format (date, _("%A %-d %B %Y"));

  /* Translators: a backup: its file name, then its date */
  return g_strdup_printf (_("“%s” (%s)"), name, date_text);
}

/* Keeps the newest BACKUP_KEEP_DAILY backups, and the newest backup of
 * each of the BACKUP_KEEP_MONTHLY newest months. */
static void
rotate_backups (const char *database_path)
{
  g_autoptr(GPtrArray) backups = list_backups (database_path);
  g_autoptr(GHashTable) months = g_hash_table_new (g_direct_hash, g_direct_equal);

  for (guint i = 0; i < backups->len; i++)
    {
      BackupFile *file = g_ptr_array_index (backups, i);
      guint month = g_date_get_year (&file->date) * 12 + g_date_get_month (&file->date);
      gboolean keep = i < BACKUP_KEEP_DAILY;

      if (!g_hash_table_contains (months, GUINT_TO_POINTER (month)) &&
          g_hash_table_size (months) < BACKUP_KEEP_MONTHLY)
        {
          g_hash_table_add (months, GUINT_TO_POINTER (month));
          keep = TRUE;
        }

      if (!keep)
        g_unlink (file->path);
    }
}

static gboolean
copy_database (const char  *from,
               const char  *to,
               GError     **error)
{
  sqlite3 *source = NULL;
  sqlite3 *target = NULL;
  sqlite3_backup *backup;
  gboolean ok = FALSE;

  if (sqlite3_open_v2 (from, &source, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      md_database_set_io_error (error, from, sqlite3_errmsg (source));
      goto out;
    }

  if (!md_database_create_private_file (to, error))
    goto out;
  g_chmod (to, 0600); /* a backup holds the whole diary: the owner's only, whatever the umask */

  if (sqlite3_open_v2 (to, &target, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      md_database_set_io_error (error, to, sqlite3_errmsg (target));
      goto out;
    }

  backup = sqlite3_backup_init (target, "main", source, "main");
  if (backup == NULL)
    {
      md_database_set_io_error (error, to, sqlite3_errmsg (target));
      goto out;
    }

  sqlite3_backup_step (backup, -1);
  if (sqlite3_backup_finish (backup) != SQLITE_OK)
    {
      md_database_set_io_error (error, to, sqlite3_errmsg (target));
      goto out;
    }

  /* A backup is a single self-contained file, not a WAL database. */
  if (sqlite3_exec (target, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
    {
      md_database_set_io_error (error, to, sqlite3_errmsg (target));
      goto out;
    }

  ok = TRUE;

out:
  sqlite3_close_v2 (source);
  sqlite3_close_v2 (target);
  if (!ok)
    g_unlink (to);

  return ok;
}

/**
 * md_database_backup_if_due:
 * @database_path: the diary
 * @now: today, in local time
 * @out_backup_path: (out) (optional): the backup written, or %NULL when
 *   none was due
 *
 * Writes today's backup through the SQLite backup API if there is none
 * yet, and rotates the old ones. Uses its own connection, so it can run
 * in a thread while the app keeps writing.
 */
gboolean
md_database_backup_if_due (const char  *database_path,
                           GDateTime   *now,
                           char       **out_backup_path,
                           GError     **error)
{
  g_autofree char *dir = md_paths_get_backup_dir (database_path);
  g_autofree char *name = g_date_time_format (now, "diary-%Y-%m-%d.db");
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *tmp = g_strconcat (path, ".part", NULL);

  if (out_backup_path != NULL)
    *out_backup_path = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  if (!md_paths_ensure_directory (dir, error))
    return FALSE;

  g_unlink (tmp);
  if (!copy_database (database_path, tmp, error))
    return FALSE;

  if (g_rename (tmp, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp);
      md_database_set_io_error (error, path, g_strerror (saved_errno));
      return FALSE;
    }

  rotate_backups (database_path);

  if (out_backup_path != NULL)
    *out_backup_path = g_steal_pointer (&path);

  return TRUE;
}

static void
backup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  char *path = NULL;

  if (!md_database_backup_if_due (task_data, now, &path, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, path, g_free);
}

void
md_database_backup_if_due_async (const char          *database_path,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  md_database_run_on_path (database_path, md_database_backup_if_due_async, backup_thread,
                           cancellable, callback, user_data);
}

gboolean
md_database_backup_if_due_finish (GAsyncResult  *result,
                                  char         **out_backup_path,
                                  GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  char *path = g_task_propagate_pointer (G_TASK (result), &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (out_backup_path != NULL)
    *out_backup_path = path;
  else
    g_free (path);

  return TRUE;
}

/**
 * md_database_restore_backup:
 * @backup_path: a backup
 * @database_path: where the diary lives; must not be open
 *
 * Puts a backup in place of the diary: copied beside it first, then
 * renamed over it, so a failure leaves the old file as it was. The diary
 * it replaces is kept in the backup folder as replaced-by-restore-<time>.db.
 * A backup that fails md_database_check_backup() is refused, and the
 * diary is left as it was.
 */
gboolean
md_database_restore_backup (const char  *backup_path,
                            const char  *database_path,
                            GError     **error)
{
  g_autofree char *tmp = g_strconcat (database_path, ".restoring", NULL);
  const char *suffixes[] = { "-wal", "-shm" };

  if (!md_database_check_backup (backup_path, error) ||
      !md_paths_ensure_parent_directory (database_path, error))
    return FALSE;

  g_unlink (tmp);
  if (!copy_database (backup_path, tmp, error))
    return FALSE;

  /* What is replaced is kept: a restore must never be the thing that
   * loses entries. */
  if (g_file_test (database_path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
      g_autofree char *dir = md_paths_get_backup_dir (database_path);
      g_autofree char *name = g_strdup_printf ("replaced-by-restore-%s.db", stamp);
      g_autofree char *keep = g_build_filename (dir, name, NULL);

      if (!md_paths_ensure_directory (dir, error) || !copy_database (database_path, keep, error))
        {
          g_unlink (tmp);
          return FALSE;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *stale = g_strconcat (database_path, suffixes[i], NULL);

      g_unlink (stale);
    }

  if (g_rename (tmp, database_path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp);
      md_database_set_io_error (error, database_path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}
