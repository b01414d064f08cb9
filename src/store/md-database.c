/* md-database.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One SQLite connection to a diary file. The file is the patient's
 * irreplaceable record, so opening it is careful: a file from a newer
 * app is refused before anything is written to it, a damaged file is
 * moved aside and never overwritten (only on SQLite's verdict of
 * corruption: a busy, unreadable or unwritable file is reported and left
 * alone), and the migrations run in one write transaction that reads
 * the version again, so that processes opening a new diary at once
 * create it once. Backups live in md-database-backup.c; the sentences
 * for file problems in md-error.c.
 */

#define G_LOG_DOMAIN "md-database"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/statvfs.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "md-database-private.h"
#include "md-database-recover.h"
#include "md-day.h"
#include "md-error.h"
#include "md-paths.h"

struct _MdDatabase
{
  GObject     parent_instance;

  /* Owned */
  char       *path;
  sqlite3    *db;
  GHashTable *statements; /* SQL text → sqlite3_stmt */

  /* Why the file can only be read (EROFS, EACCES), or 0 */
  int         read_only_errno;
  guint       lock_wait_ms;
};


G_DEFINE_FINAL_TYPE (MdDatabase, md_database, G_TYPE_OBJECT)


static void
md_database_finalize (GObject *object)
{
  MdDatabase *self = MD_DATABASE (object);

  md_database_close (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (md_database_parent_class)->finalize (object);
}

static void
md_database_class_init (MdDatabaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = md_database_finalize;
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
md_database_init (MdDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->lock_wait_ms = MD_DATABASE_LOCK_WAIT_DEFAULT;
}

void
md_database_set_io_error (GError     **error,
                          const char  *path,
                          const char  *reason)
{
  g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_IO,
               /* Translators: %s is a file, the second %s the reason */
               _("Could not open the diary “%s”: %s."),
               path, reason);
}

/* The errno value that names the cause of a failed SQLite call, for
 * md_diary_error_set_for_file(). */
static int
errno_from_sqlite (sqlite3 *db,
                   int      rc,
                   int      read_only_errno)
{
  int system_errno = db != NULL ? sqlite3_system_errno (db) : 0;

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return EBUSY;
    case SQLITE_FULL:
      return ENOSPC;
    case SQLITE_PERM:
      return EACCES;
    case SQLITE_READONLY:
      if (read_only_errno != 0)
        return read_only_errno;
      return system_errno == EROFS ? EROFS : EACCES;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      return system_errno;
    default:
      return 0;
    }
}

static void
set_error_from_code (MdDatabase  *self,
                     int          rc,
                     const char  *message,
                     GError     **error)
{
  md_diary_error_set_for_file (error, self->path, MD_DIARY_ACCESS_WRITE,
                               errno_from_sqlite (self->db, rc, self->read_only_errno),
                               message != NULL ? message : sqlite3_errstr (rc));
}

/* A write through a connection that was closed (the diary was replaced
 * by a restored backup) must fail loudly, never land in the old file. */
static void
set_closed_error (MdDatabase  *self,
                  GError     **error)
{
  g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_IO,
               /* Translators: %s is a file */
               _("Could not save to the diary “%s”: it was closed, because another diary file took its place. Nothing was changed."),
               self->path);
}

/**
 * md_database_close:
 *
 * Closes the connection now, whoever still holds the object: reads
 * return nothing and writes fail from here on. A restore closes the
 * diary before its file is replaced.
 */
void
md_database_close (MdDatabase *self)
{
  g_return_if_fail (MD_IS_DATABASE (self));

  if (self->db == NULL)
    return;

  g_hash_table_remove_all (self->statements);
  sqlite3_close_v2 (self->db);
  self->db = NULL;
}

gboolean
md_database_is_closed (MdDatabase *self)
{
  g_return_val_if_fail (MD_IS_DATABASE (self), TRUE);

  return self->db == NULL;
}

void
md_database_set_error_from_sqlite (MdDatabase  *self,
                                   GError     **error)
{
  g_return_if_fail (MD_IS_DATABASE (self));

  set_error_from_code (self, sqlite3_extended_errcode (self->db), sqlite3_errmsg (self->db), error);
}

static char *
damaged_name (const char *path)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  return g_strdup_printf ("%s.damaged-%s", path, stamp);
}

/* Moves the damaged file and its WAL files aside, never deleting them:
 * someone may still rescue entries from them. */
static gboolean
move_aside (const char  *path,
            char       **out_new_path,
            GError     **error)
{
  g_autofree char *target = damaged_name (path);
  const char *suffixes[] = { "-wal", "-shm" };

  if (g_rename (path, target) != 0)
    {
      int saved_errno = errno;

      md_database_set_io_error (error, path, g_strerror (saved_errno));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (target, suffixes[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS))
        g_rename (from, to);
    }

  *out_new_path = g_steal_pointer (&target);
  return TRUE;
}

static void
set_damaged_error (GError     **error,
                   const char  *path,
                   const char  *moved_to)
{
  g_autoptr(GPtrArray) bad_backups = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *backup = md_database_find_good_backup (path, NULL, bad_backups);

  if (backup != NULL && bad_backups->len > 0)
    g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_DAMAGED,
                 /* Translators: the first %s is the diary file, the second where it
                  * was moved, the third the newest backup that passes the check
                  * (newer ones are damaged too) */
                 _("The diary “%s” is damaged; it was moved aside to “%s” and the newest undamaged backup, “%s”, can be restored."),
                 path, moved_to, backup);
  else if (backup != NULL)
    g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_DAMAGED,
                 /* Translators: the first %s is the diary file, the second where it
                  * was moved, the third the newest backup */
                 _("The diary “%s” is damaged; it was moved aside to “%s” and the newest backup, “%s”, can be restored."),
                 path, moved_to, backup);
  else if (bad_backups->len > 0)
    g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_DAMAGED,
                 /* Translators: the first %s is the diary file, the second where it was moved */
                 _("The diary “%s” is damaged; it was moved aside to “%s”, and none of its backups can be restored."),
                 path, moved_to);
  else
    g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_DAMAGED,
                 /* Translators: the first %s is the diary file, the second where it was moved */
                 _("The diary “%s” is damaged; it was moved aside to “%s”, and there is no backup yet."),
                 path, moved_to);
}

void
md_database_set_too_new_error (GError     **error,
                               const char  *path)
{
  g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_TOO_NEW,
               /* Translators: %s is a file */
               _("The diary “%s” was written by a newer version of Migraine Diary; update the app to open it. The file was not changed."),
               path);
}

/* A read-only file system cannot take the -shm file that a WAL diary
 * needs to be read, and nobody can change the file there either: it is
 * read as immutable, unless a WAL with entries lies beside it (then the
 * -shm beside it is used as usual). */
static gboolean
read_as_immutable (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf wal_stat;
  struct statvfs fs;

  return statvfs (path, &fs) == 0 && (fs.f_flag & ST_RDONLY) != 0 &&
         (g_stat (wal, &wal_stat) != 0 || wal_stat.st_size == 0);
}

/* A connection that waits up to @lock_wait_ms for another's lock. */
static int
open_connection (const char  *path,
                 gboolean     read_only,
                 guint        lock_wait_ms,
                 sqlite3    **out_db)
{
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
  gboolean immutable = read_only && read_as_immutable (path);
  g_autofree char *uri = g_strconcat ("file:", escaped, immutable ? "?immutable=1" : "", NULL);
  int flags = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
              SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
  int rc = sqlite3_open_v2 (uri, out_db, flags, NULL);

  if (*out_db != NULL)
    {
      sqlite3_extended_result_codes (*out_db, TRUE);
      sqlite3_busy_timeout (*out_db, (int) MIN (lock_wait_ms, G_MAXINT));
    }

  return rc;
}

/**
 * md_database_open_reader:
 * @out_db: (out): the connection, to close with sqlite3_close() even on
 *   failure
 *
 * A read-only connection of its own to the diary at @path, for a thread
 * that reads (statistics, the timeline): it waits for another program's
 * lock as md_database_open() does, and reads a diary on a read-only file
 * system too.
 *
 * Returns: an SQLite result code
 */
int
md_database_open_reader (const char  *path,
                         sqlite3    **out_db)
{
  return open_connection (path, TRUE, MD_DATABASE_LOCK_WAIT_DEFAULT, out_db);
}

/* Why a connection could not open or read the diary. SQLite makes files
 * beside a WAL diary even to read it, so when it cannot, a folder the
 * user may not write is the cause to name, not the diary. */
static void
set_open_error (sqlite3     *db,
                const char  *path,
                int          rc,
                GError     **error)
{
  int errno_value = errno_from_sqlite (db, rc, 0);
  g_autofree char *folder = g_path_get_dirname (path);

  if (((rc & 0xff) == SQLITE_CANTOPEN || errno_value == EACCES) &&
      g_access (path, R_OK) == 0 && g_access (folder, W_OK) != 0)
    md_database_set_io_error (error, path, _("the folder cannot be written (check its permissions)"));
  else
    md_diary_error_set_for_file (error, path, MD_DIARY_ACCESS_OPEN, errno_value,
                                 db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
}

/**
 * md_database_set_read_error:
 * @db: (nullable): the reader's connection
 * @path: (nullable): the diary, or %NULL for @db's own file
 * @rc: what SQLite returned
 *
 * Names the cause of a failed read (a full disk, permission denied, a
 * diary in use…) as opening the diary does, not SQLite's bare words.
 */
void
md_database_set_read_error (sqlite3     *db,
                            const char  *path,
                            int          rc,
                            GError     **error)
{
  if (path == NULL && db != NULL)
    path = sqlite3_db_filename (db, "main");

  set_open_error (db, path != NULL ? path : "", rc, error);
}

/* Only a verdict of corruption is damage: a diary that is busy, cannot
 * be read or cannot be opened is reported as such and left alone. */
static void
set_check_error (sqlite3     *db,
                 const char  *path,
                 int          rc,
                 gboolean    *is_damaged,
                 GError     **error)
{
  if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
    *is_damaged = TRUE;
  else
    set_open_error (db, path, rc, error);
}

/* Reads version and integrity without writing a byte, so that a file we
 * must refuse is left exactly as it was. Returns FALSE, with @error set
 * unless the file is damaged (*is_damaged), when it must not be opened. */
static gboolean
check_existing_file (const char  *path,
                     guint        lock_wait_ms,
                     gboolean    *is_damaged,
                     GError     **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version = -1;
  gboolean ok = FALSE;
  int rc;

  *is_damaged = FALSE;

  rc = open_connection (path, TRUE, lock_wait_ms, &db);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW)
    {
      set_check_error (db, path, rc, is_damaged, error);
      goto out;
    }

  version = sqlite3_column_int (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (version > MD_DATABASE_SCHEMA_VERSION)
    {
      md_database_set_too_new_error (error, path);
      goto out;
    }

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_check_error (db, path, rc, is_damaged, error);
      goto out;
    }
  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      *is_damaged = TRUE;
      goto out;
    }

  ok = TRUE;

out:
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close_v2 (db);

  return ok;
}

gboolean
md_database_create_private_file (const char  *path,
                                 GError     **error)
{
  int fd;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      /* Another process created it at the same moment. */
      if (saved_errno == EEXIST)
        return TRUE;

      md_database_set_io_error (error, path, g_strerror (saved_errno));
      return FALSE;
    }

  close (fd);
  return TRUE;
}

/* A file given as the diary that is plainly something else — the
 * diary's own CSV export, a PDF report — is a mistake of the path, not a
 * damaged diary: it is refused and left where it is, under its name,
 * instead of being moved aside. */
static gboolean
is_a_document (int fd)
{
  const char *documents[] = { "#migraine-diary-csv", "%PDF-" };
  char head[32] = { 0, };
  gssize length = pread (fd, head, sizeof head - 1, 0);

  for (guint i = 0; length > 0 && i < G_N_ELEMENTS (documents); i++)
    if (g_str_has_prefix (head, documents[i]))
      return TRUE;

  return FALSE;
}

/* Makes sure there is a file at @path that can be read, creating it
 * private to its owner, and finds out whether it can be written: when it
 * cannot, *read_only_errno says why (EROFS, EACCES). A folder or a file
 * that cannot be read is an error that names the cause. */
static gboolean
prepare_file (const char  *path,
              int         *read_only_errno,
              GError     **error)
{
  int fd = g_open (path, O_RDWR | O_CLOEXEC, 0);
  int saved_errno = errno;
  GStatBuf st;

  *read_only_errno = 0;

  if (fd < 0 && saved_errno == ENOENT)
    {
      fd = g_open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
      saved_errno = errno;
      /* Another process created it at the same moment: open theirs. */
      if (fd < 0 && saved_errno == EEXIST)
        {
          fd = g_open (path, O_RDWR | O_CLOEXEC, 0);
          saved_errno = errno;
        }
    }

  if (fd < 0 && (saved_errno == EROFS || saved_errno == EACCES || saved_errno == EPERM))
    {
      fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
      if (fd >= 0)
        *read_only_errno = saved_errno == EPERM ? EACCES : saved_errno;
      else if (errno != ENOENT)
        saved_errno = errno;
    }

  if (fd < 0)
    {
      md_diary_error_set_for_file (error, path, MD_DIARY_ACCESS_OPEN, saved_errno, NULL);
      return FALSE;
    }

  if (fstat (fd, &st) != 0)
    st.st_mode = S_IFREG;
  if (S_ISDIR (st.st_mode))
    {
      close (fd);
      md_diary_error_set_for_file (error, path, MD_DIARY_ACCESS_OPEN, EISDIR, NULL);
      return FALSE;
    }
  /* A pipe or a device would hang SQLite or take writes nowhere. */
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      /* Translators: why a diary cannot be opened, in "Could not open the diary “…”: %s." */
      md_database_set_io_error (error, path, _("it is not a regular file"));
      return FALSE;
    }
  if (is_a_document (fd))
    {
      close (fd);
      g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_IO,
                   /* Translators: %s is the file given as the diary */
                   _("“%s” is a CSV export or a PDF report, not a diary file; it was left as it is. Choose the diary file, or import the CSV file into a diary."),
                   path);
      return FALSE;
    }

  close (fd);
  return TRUE;
}


/* WAL with FULL sync: an acknowledged commit survives a power cut, and
 * a killed process never leaves a half-written diary. Switching a new
 * file to WAL needs the file to itself: when two processes try at once,
 * SQLite refuses one at once rather than let it wait, so it tries again
 * until the lock wait is over. */
static gboolean
set_journal_mode (MdDatabase  *self,
                  GError     **error)
{
  gint64 deadline = g_get_monotonic_time () + self->lock_wait_ms * G_TIME_SPAN_MILLISECOND;
  int rc;

  while ((rc = sqlite3_exec (self->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL)) != SQLITE_OK &&
         (rc & 0xff) == SQLITE_BUSY && g_get_monotonic_time () < deadline)
    g_usleep (10 * G_TIME_SPAN_MILLISECOND);

  if (rc == SQLITE_OK)
    rc = sqlite3_exec (self->db, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    return TRUE;

  set_open_error (self->db, self->path, rc, error);
  return FALSE;
}

/**
 * md_database_open:
 * @path: the diary file; created with its folder if missing
 * @error: return location for a #GError
 *
 * Opens a diary: refuses a newer file untouched, moves a damaged one
 * aside (%MD_DIARY_ERROR_DAMAGED, naming the newest backup), creates a
 * new one private to its owner, and migrates an older one. A diary that
 * cannot be written (a read-only file or file system) opens read-only:
 * see md_database_is_read_only(). A diary locked by another program is
 * waited for a few seconds, then %MD_DIARY_ERROR_BUSY.
 *
 * Returns: (transfer full): the open database, or %NULL
 */
MdDatabase *
md_database_open (const char  *path,
                  GError     **error)
{
  return md_database_open_full (path, MD_DATABASE_LOCK_WAIT_DEFAULT, error);
}

/**
 * md_database_open_full:
 * @lock_wait_ms: how long each step waits for another program's lock,
 *   and then the connection's lock wait (md_database_set_lock_wait())
 *
 * Opens a diary as md_database_open() does; the window passes
 * %MD_DATABASE_LOCK_WAIT_INTERACTIVE, so that a diary another program
 * holds never freezes it.
 *
 * Returns: (transfer full): the open database, or %NULL
 */
static MdDatabase *open_existing (const char  *path,
                                   guint        lock_wait_ms,
                                   GError     **error);

/* Removes a diary file and SQLite's files beside it. */
static void
unlink_with_journal (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

/* A new diary is made whole under a name of its own, then linked into
 * place: no run ever leaves (or shows another run) a diary file of 0
 * bytes, so an empty diary is always an unfinished copy, worth saying.
 * Of two runs creating the same diary, the second links nothing and
 * opens the first one's. */
static gboolean
create_whole (const char  *path,
              guint        lock_wait_ms,
              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s.md-new-%08x%08x", base, g_random_int (), g_random_int ());
  g_autofree char *temporary = g_build_filename (dir, name, NULL);
  MdDatabase *created = NULL;
  int saved_errno = 0;

  /* A folder one may not write: say so, not "permission to read". */
  if (g_access (dir, W_OK) != 0 && errno != EROFS)
    {
      md_database_set_io_error (error, path, _("the folder cannot be written (check its permissions)"));
      return FALSE;
    }

  created = open_existing (temporary, lock_wait_ms, error);
  if (created == NULL)
    {
      unlink_with_journal (temporary);
      /* The reason (a full disk, a folder one may not write) is the
       * diary's: name the diary, not the name it was being made under. */
      if (error != NULL && *error != NULL)
        {
          g_autoptr(GString) message = g_string_new ((*error)->message);

          g_string_replace (message, temporary, path, 0);
          g_free ((*error)->message);
          (*error)->message = g_string_free (g_steal_pointer (&message), FALSE);
        }
      return FALSE;
    }
  g_object_unref (created);

  if (link (temporary, path) != 0)
    {
      saved_errno = errno;
      /* A file system without hard links: take the name if still free. */
      if (saved_errno != EEXIST && !g_file_test (path, G_FILE_TEST_EXISTS) &&
          g_rename (temporary, path) == 0)
        saved_errno = 0;
      else if (saved_errno == EEXIST)
        saved_errno = 0;
    }
  unlink_with_journal (temporary);

  if (saved_errno != 0)
    {
      md_diary_error_set_for_file (error, path, MD_DIARY_ACCESS_OPEN, saved_errno, NULL);
      return FALSE;
    }

  return TRUE;
}

MdDatabase *
md_database_open_full (const char  *path,
                       guint        lock_wait_ms,
                       GError     **error)
{
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  if (!md_paths_ensure_parent_directory (path, error))
    return NULL;

  if (g_lstat (path, &st) != 0 && errno == ENOENT &&
      !create_whole (path, lock_wait_ms, error))
    return NULL;

  return open_existing (path, lock_wait_ms, error);
}

static MdDatabase *
open_existing (const char  *path,
               guint        lock_wait_ms,
               GError     **error)
{
  g_autoptr(MdDatabase) self = NULL;
  gboolean is_damaged;
  int read_only_errno;
  int rc;

  /* An empty file and a journal left behind are reported, and the
   * journal kept, before any connection can change them. */
  md_database_inspect_before_open (path);

  if (!prepare_file (path, &read_only_errno, error))
    return NULL;

  if (!check_existing_file (path, lock_wait_ms, &is_damaged, error))
    {
      g_autofree char *moved_to = NULL;

      if (!is_damaged)
        return NULL;

      if (move_aside (path, &moved_to, error))
        set_damaged_error (error, path, moved_to);
      return NULL;
    }

  self = g_object_new (MD_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  self->read_only_errno = read_only_errno;
  self->lock_wait_ms = lock_wait_ms;

  rc = open_connection (path, read_only_errno != 0, lock_wait_ms, &self->db);
  if (rc != SQLITE_OK)
    {
      set_open_error (self->db, path, rc, error);
      return NULL;
    }

  if (read_only_errno == 0 && !set_journal_mode (self, error))
    return NULL;

  if (read_only_errno != 0)
    sqlite3_exec (self->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);

  if (!md_database_migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * md_database_is_read_only:
 *
 * Returns: %TRUE when the diary could only be opened for reading (a
 *   read-only file or file system): reads and exports work, and every
 *   save fails with %MD_DIARY_ERROR_READ_ONLY
 */
gboolean
md_database_is_read_only (MdDatabase *self)
{
  g_return_val_if_fail (MD_IS_DATABASE (self), FALSE);

  return self->read_only_errno != 0;
}

/**
 * md_database_check_writable:
 *
 * Says why changes to a read-only diary cannot be saved, in the words a
 * failed save uses.
 *
 * Returns: %FALSE with @error set when the diary is read-only
 */
gboolean
md_database_check_writable (MdDatabase  *self,
                            GError     **error)
{
  g_return_val_if_fail (MD_IS_DATABASE (self), FALSE);

  if (self->read_only_errno == 0)
    return TRUE;

  md_diary_error_set_for_file (error, self->path, MD_DIARY_ACCESS_WRITE, self->read_only_errno, NULL);
  return FALSE;
}

/**
 * md_database_set_lock_wait:
 * @milliseconds: how long a statement waits for another program's lock
 *
 * The window's connection waits only briefly: it must never freeze on a
 * lock that another program may hold for a long time. A save that finds
 * the diary in use fails with %MD_DIARY_ERROR_BUSY, naming the program.
 */
void
md_database_set_lock_wait (MdDatabase *self,
                           guint       milliseconds)
{
  g_return_if_fail (MD_IS_DATABASE (self));

  self->lock_wait_ms = milliseconds;
  if (self->db != NULL)
    sqlite3_busy_timeout (self->db, (int) MIN (milliseconds, G_MAXINT));
}

guint
md_database_get_lock_wait (MdDatabase *self)
{
  g_return_val_if_fail (MD_IS_DATABASE (self), 0);

  return self->lock_wait_ms;
}

const char *
md_database_get_path (MdDatabase *self)
{
  g_return_val_if_fail (MD_IS_DATABASE (self), NULL);

  return self->path;
}

/**
 * md_database_get_handle:
 *
 * Returns: (transfer none): the connection, for the repository's queries
 */
sqlite3 *
md_database_get_handle (MdDatabase *self)
{
  g_return_val_if_fail (MD_IS_DATABASE (self), NULL);

  return self->db;
}

/**
 * md_database_prepare:
 * @sql: one statement with `?` placeholders — values are always bound,
 *   never pasted into SQL
 *
 * Returns: (transfer none): a cached statement, reset and with its
 *   bindings cleared
 */
sqlite3_stmt *
md_database_prepare (MdDatabase  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MD_IS_DATABASE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  if (self->db == NULL)
    {
      set_closed_error (self, error);
      return NULL;
    }

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      md_database_set_error_from_sqlite (self, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt;
}

gboolean
md_database_exec (MdDatabase  *self,
                  const char  *sql,
                  GError     **error)
{
  char *message = NULL;
  int rc;

  g_return_val_if_fail (MD_IS_DATABASE (self), FALSE);

  if (self->db == NULL)
    {
      set_closed_error (self, error);
      return FALSE;
    }

  rc = sqlite3_exec (self->db, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    {
      set_error_from_code (self, rc, message, error);
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

/* IMMEDIATE takes the write lock up front, so a transaction never fails
 * half-way because another connection started writing. */
gboolean
md_database_begin (MdDatabase  *self,
                   GError     **error)
{
  /* A read-only diary refuses a change before it starts, with the
   * reason, rather than at its first row. */
  return md_database_check_writable (self, error) &&
         md_database_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
md_database_commit (MdDatabase  *self,
                    GError     **error)
{
  return md_database_exec (self, "COMMIT", error);
}

void
md_database_rollback (MdDatabase *self)
{
  g_return_if_fail (MD_IS_DATABASE (self));

  if (self->db != NULL && !sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

gboolean
md_database_in_transaction (MdDatabase *self)
{
  g_return_val_if_fail (MD_IS_DATABASE (self), FALSE);

  return self->db != NULL && !sqlite3_get_autocommit (self->db);
}

/* Runs @thread_func in a worker thread with a copy of @database_path as
 * the task data: what works on a diary file by its own connection. */
void
md_database_run_on_path (const char          *database_path,
                         gpointer             source_tag,
                         GTaskThreadFunc      thread_func,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, g_strdup (database_path), g_free);
  g_task_run_in_thread (task, thread_func);
}
