/* md-database-recover.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A diary that is damaged, empty or has a damaged journal. Before a
 * diary is opened, an empty file is reported (a copy that did not finish
 * leaves one), and a journal (-wal) left by a killed or running app is
 * copied beside the diary and read frame by frame: SQLite silently drops
 * every frame from the first one whose checksum fails, so a committed
 * change behind such a frame would vanish without a word. A damaged
 * diary whose tables still read to the end is recovered the way
 * SQLite's .recover does: every row of every table, read from a copy of
 * the damaged file, written into a new file with the same schema; the
 * damaged file is never written.
 */

#define G_LOG_DOMAIN "md-database"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "md-database-private.h"
#include "md-database-recover.h"
#include "md-error.h"

#define WAL_HEADER_SIZE       32
#define WAL_FRAME_HEADER_SIZE 24

/* Notices ------------------------------------------------------------ */

G_LOCK_DEFINE_STATIC (notice);
static MdDatabaseNoticeFunc notice_func;
static gpointer notice_data;

/**
 * md_database_set_notice_func:
 * @func: (nullable): called with what opening a diary found
 *
 * The command line prints notices, the window shows them. Without a
 * function they go to the log.
 */
void
md_database_set_notice_func (MdDatabaseNoticeFunc func,
                             gpointer             user_data)
{
  G_LOCK (notice);
  notice_func = func;
  notice_data = user_data;
  G_UNLOCK (notice);
}

static void
emit_notice (MdDatabaseNoticeKind  kind,
             const char           *path,
             const char           *message)
{
  MdDatabaseNoticeFunc func;
  gpointer data;

  G_LOCK (notice);
  func = notice_func;
  data = notice_data;
  G_UNLOCK (notice);

  if (func != NULL)
    func (kind, path, message, data);
  else
    g_message ("%s", message);
}

/* Files -------------------------------------------------------------- */

/* Writes @contents to a new file @to, private to its owner (0600);
 * @to must not exist. */
static gboolean
write_private (const char  *to,
               const char  *contents,
               gsize        length,
               gboolean     durable,
               GError     **error)
{
  int fd = g_open (to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  int saved_errno = 0;

  if (fd < 0)
    {
      saved_errno = errno;
      md_database_set_io_error (error, to, g_strerror (saved_errno));
      return FALSE;
    }

  for (gsize done = 0; done < length && saved_errno == 0;)
    {
      gssize n = write (fd, contents + done, length - done);

      if (n >= 0)
        done += n;
      else if (errno != EINTR)
        saved_errno = errno;
    }

  if (saved_errno == 0 && durable && fsync (fd) != 0)
    saved_errno = errno;
  if (close (fd) != 0 && saved_errno == 0)
    saved_errno = errno;

  if (saved_errno != 0)
    {
      g_unlink (to);
      md_database_set_io_error (error, to, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

static gboolean
copy_private (const char  *from,
              const char  *to,
              gboolean     durable,
              GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  return g_file_get_contents (from, &contents, &length, error) &&
         write_private (to, contents, length, durable, error);
}

static goffset
file_size (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    return -1;

  return st.st_size;
}

static char *
time_stamp (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y%m%d-%H%M%S");
}

/* The journal -------------------------------------------------------- */

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* The WAL checksum of the SQLite file format: two running 32-bit sums
 * over pairs of words, in the byte order the header's magic names. */
static void
wal_checksum (gboolean      big_endian,
              const guint8 *data,
              gsize         length,
              guint32       sum[2])
{
  guint32 s1 = sum[0];
  guint32 s2 = sum[1];

  g_assert (length % 8 == 0);

  for (gsize i = 0; i < length; i += 8)
    {
      guint32 x0, x1;

      if (big_endian)
        {
          x0 = read_be32 (data + i);
          x1 = read_be32 (data + i + 4);
        }
      else
        {
          x0 = GUINT32_FROM_LE (*(const guint32 *) (gconstpointer) (data + i));
          x1 = GUINT32_FROM_LE (*(const guint32 *) (gconstpointer) (data + i + 4));
        }
      s1 += x0 + s2;
      s2 += x1 + s1;
    }

  sum[0] = s1;
  sum[1] = s2;
}

/* Whether SQLite, recovering this journal, would drop a committed
 * transaction: a commit frame of the journal's current generation (its
 * salts) after the first frame that fails the checksum chain. Frames
 * with other salts are left over from before the journal was restarted,
 * and frames after the last commit were never acknowledged; neither is
 * a loss. */
static gboolean
wal_loses_commits (const guint8 *wal,
                   gsize         length)
{
  guint32 magic, page_size, salt1, salt2;
  guint32 sum[2] = { 0, 0 };
  gboolean big_endian;
  gboolean header_ok;
  gboolean chain_ok;
  gsize frame_size;

  if (length < WAL_HEADER_SIZE)
    return FALSE;

  magic = read_be32 (wal);
  page_size = read_be32 (wal + 8);
  if (page_size == 1)
    page_size = 65536;
  if ((magic & 0xfffffffe) != 0x377f0682 ||
      page_size < 512 || page_size > 65536 || (page_size & (page_size - 1)) != 0)
    return length > WAL_HEADER_SIZE;

  big_endian = (magic & 1) != 0;
  salt1 = read_be32 (wal + 16);
  salt2 = read_be32 (wal + 20);
  wal_checksum (big_endian, wal, 24, sum);
  header_ok = sum[0] == read_be32 (wal + 24) && sum[1] == read_be32 (wal + 28);
  chain_ok = header_ok;

  frame_size = WAL_FRAME_HEADER_SIZE + page_size;
  for (gsize offset = WAL_HEADER_SIZE; offset + frame_size <= length; offset += frame_size)
    {
      const guint8 *frame = wal + offset;
      gboolean current = read_be32 (frame + 8) == salt1 && read_be32 (frame + 12) == salt2;
      gboolean commit = read_be32 (frame + 4) != 0;

      if (chain_ok)
        {
          wal_checksum (big_endian, frame, 8, sum);
          wal_checksum (big_endian, frame + WAL_FRAME_HEADER_SIZE, page_size, sum);
          chain_ok = current && read_be32 (frame) != 0 &&
                     sum[0] == read_be32 (frame + 16) && sum[1] == read_be32 (frame + 20);
          if (chain_ok)
            continue;
        }

      /* Past the break: without a valid header every commit counts. */
      if (commit && (current || !header_ok))
        return TRUE;
    }

  return FALSE;
}

/* Removes earlier copies of a journal that read cleanly: a clean copy
 * has no copy of the diary beside it. Copies with one are evidence of a
 * damaged journal and stay. */
static void
remove_older_clean_copies (const char *path,
                           const char *keep_prefix)
{
  g_autofree char *dir_path = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strconcat (base, ".kept-", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autofree char *keep = g_path_get_basename (keep_prefix);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *set = NULL;
      g_autofree char *main_copy = NULL;

      if (!g_str_has_prefix (name, prefix) || !g_str_has_suffix (name, "-wal"))
        continue;

      set = g_strndup (name, strlen (name) - strlen ("-wal"));
      if (g_str_equal (set, keep))
        continue;

      main_copy = g_build_filename (dir_path, set, NULL);
      if (g_file_test (main_copy, G_FILE_TEST_EXISTS))
        continue;

      /* The -wal last: a set cut short by a kill is found again. */
      for (guint i = 0; i < 2; i++)
        {
          g_autofree char *file = g_strconcat (main_copy, i == 0 ? "-shm" : "-wal", NULL);

          g_unlink (file);
        }
    }
}

/* A new name <diary>.kept-<time>, free also with -wal and -shm appended. */
static char *
new_kept_name (const char *path)
{
  g_autofree char *stamp = time_stamp ();

  for (guint n = 1; ; n++)
    {
      g_autofree char *name = n == 1 ? g_strdup_printf ("%s.kept-%s", path, stamp)
                                     : g_strdup_printf ("%s.kept-%s-%u", path, stamp, n);
      g_autofree char *wal = g_strconcat (name, "-wal", NULL);
      g_autofree char *shm = g_strconcat (name, "-shm", NULL);

      if (!g_file_test (name, G_FILE_TEST_EXISTS) && !g_file_test (wal, G_FILE_TEST_EXISTS) &&
          !g_file_test (shm, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&name);
    }
}

/* The copy of a journal is a safety net taken at every open that finds
 * one (after a kill, or while another instance has the diary open), so
 * it is not synced; a copy beside a damaged journal is. */
static void
keep_journal (const char *path)
{
  g_autofree char *kept = new_kept_name (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *kept_wal = g_strconcat (kept, "-wal", NULL);
  g_autofree char *kept_shm = g_strconcat (kept, "-shm", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *message = NULL;
  gboolean loses_commits;
  gsize length;

  if (!g_file_get_contents (wal, &contents, &length, &error))
    {
      g_message ("Could not read the journal %s: %s", wal, error->message);
      return;
    }

  loses_commits = wal_loses_commits ((const guint8 *) contents, length);

  /* With the diary as it was, the copy of a damaged journal is a whole
   * set someone can rescue the lost changes from. */
  if (!write_private (kept_wal, contents, length, loses_commits, &error) ||
      (file_size (shm) > 0 && !copy_private (shm, kept_shm, loses_commits, &error)) ||
      (loses_commits && !copy_private (path, kept, TRUE, &error)))
    g_message ("Could not keep a copy of the journal %s: %s", wal, error->message);

  if (!loses_commits)
    {
      remove_older_clean_copies (path, kept);
      return;
    }

  message = g_strdup_printf (/* Translators: the first %s is the diary file, the second a copy of its journal */
                             _("The journal of the diary “%s” is damaged: the changes saved last could not be read and are missing from the diary. The journal as it was found is kept in “%s”, with a copy of the diary beside it."),
                             path, kept_wal);
  emit_notice (MD_DATABASE_NOTICE_WAL_DAMAGED, path, message);
}

static void
report_empty_file (const char *path)
{
  g_autofree char *backup = md_database_find_good_backup (path, NULL, NULL);
  g_autofree char *message = NULL;

  if (backup != NULL)
    {
      g_autofree char *described = md_database_describe_backup (backup);

      message = g_strdup_printf (/* Translators: the first %s is the diary file, the second a
                                  * backup, e.g. "diary-2026-05-01.db (Friday 1 May 2026)" */
                                 _("The diary “%s” was an empty file (0 bytes), as a copy that did not finish can leave; it was opened as a new, empty diary. The backup %s can be restored."),
                                 path, described);
    }
  else
    message = g_strdup_printf (/* Translators: %s is the diary file */
                               _("The diary “%s” was an empty file (0 bytes), as a copy that did not finish can leave; it was opened as a new, empty diary, and there is no backup of it."),
                               path);

  emit_notice (MD_DATABASE_NOTICE_EMPTY_FILE, path, message);
}

/* Whether another program has the diary open now: each SQLite
 * connection to a WAL diary holds a read lock on one byte of the -shm
 * file (its "DMS" slot, byte 128 in SQLite's unix VFS) for as long as
 * it is open. Such a journal is live, not left behind, and is neither
 * copied nor judged. */
static gboolean
journal_in_use (const char *path)
{
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  struct flock lock = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 128, .l_len = 1 };
  int fd = g_open (shm, O_RDONLY | O_CLOEXEC, 0);
  gboolean in_use;

  if (fd < 0)
    return FALSE;

  in_use = fcntl (fd, F_GETLK, &lock) == 0 && lock.l_type != F_UNLCK;
  close (fd);

  return in_use;
}

/**
 * md_database_inspect_before_open:
 * @path: a diary about to be opened
 *
 * Runs before anything opens @path: reports an empty file, and keeps a
 * copy of a journal (-wal, -shm) found beside it, reporting one that
 * SQLite would silently cut short.
 */
void
md_database_inspect_before_open (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  g_return_if_fail (path != NULL);

  if (file_size (wal) > 0 && !journal_in_use (path))
    keep_journal (path);
  else if (file_size (path) == 0)
    report_empty_file (path);
}

/* Recovery ----------------------------------------------------------- */

/**
 * md_database_find_moved_aside:
 *
 * Returns: (transfer full) (nullable): the newest damaged copy of
 *   @database_path that was moved aside (<diary>.damaged-<time>)
 */
char *
md_database_find_moved_aside (const char *database_path)
{
  g_autofree char *dir_path = g_path_get_dirname (database_path);
  g_autofree char *base = g_path_get_basename (database_path);
  g_autofree char *prefix = g_strconcat (base, ".damaged-", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autofree char *newest = NULL;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      if (!g_str_has_prefix (name, prefix) ||
          g_str_has_suffix (name, "-wal") || g_str_has_suffix (name, "-shm"))
        continue;

      /* Time stamps sort as text. */
      if (newest == NULL || strcmp (name, newest) > 0)
        {
          g_free (newest);
          newest = g_strdup (name);
        }
    }

  return newest != NULL ? g_build_filename (dir_path, newest, NULL) : NULL;
}

static void
set_unreadable_error (GError     **error,
                      const char  *damaged_path,
                      const char  *table,
                      sqlite3     *db)
{
  if (table == NULL)
    g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_DAMAGED,
                 /* Translators: %s is a damaged diary file, the second %s the reason */
                 _("No entries can be recovered from “%s”: its list of tables cannot be read (%s)."),
                 damaged_path, sqlite3_errmsg (db));
  else
    g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_DAMAGED,
                 /* Translators: the first %s is a table of the diary (e.g. attacks), the second
                  * a damaged diary file, the third the reason */
                 _("The entries cannot be recovered: the table “%s” of “%s” cannot be read to the end (%s)."),
                 table, damaged_path, sqlite3_errmsg (db));
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          const char  *path,
          GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      md_database_set_io_error (error, path, sqlite3_errmsg (db));
      return FALSE;
    }

  return TRUE;
}

/* Copies every row of @table, with its rowid, reading the table's own
 * b-tree (NOT INDEXED): a damaged index does not matter. */
/* The two files of a recovery, which every step of the copy reads from
 * and writes to, and the paths its errors name. */
typedef struct
{
  sqlite3    *source;
  sqlite3    *target;
  const char *damaged_path;
  const char *target_path;
} Recovery;

static gboolean
copy_table (const Recovery  *r,
            const char      *table,
            GError         **error)
{
  g_autofree char *select = g_strdup_printf ("SELECT rowid, * FROM \"%s\" NOT INDEXED", table);
  g_autoptr(GString) insert = g_string_new (NULL);
  sqlite3_stmt *read = NULL;
  sqlite3_stmt *write = NULL;
  gboolean ok = FALSE;
  int columns;
  int rc;

  if (sqlite3_prepare_v2 (r->source, select, -1, &read, NULL) != SQLITE_OK)
    {
      set_unreadable_error (error, r->damaged_path, table, r->source);
      return FALSE;
    }

  columns = sqlite3_column_count (read);
  g_string_append_printf (insert, "INSERT INTO \"%s\" (rowid", table);
  for (int i = 1; i < columns; i++)
    {
      char *quoted = sqlite3_mprintf (", \"%w\"", sqlite3_column_name (read, i));

      g_string_append (insert, quoted);
      sqlite3_free (quoted);
    }
  g_string_append (insert, ") VALUES (?");
  for (int i = 1; i < columns; i++)
    g_string_append (insert, ", ?");
  g_string_append (insert, ")");

  if (sqlite3_prepare_v2 (r->target, insert->str, -1, &write, NULL) != SQLITE_OK)
    {
      md_database_set_io_error (error, r->target_path, sqlite3_errmsg (r->target));
      goto out;
    }

  while ((rc = sqlite3_step (read)) == SQLITE_ROW)
    {
      for (int i = 0; i < columns; i++)
        sqlite3_bind_value (write, i + 1, sqlite3_column_value (read, i));
      if (sqlite3_step (write) != SQLITE_DONE)
        {
          md_database_set_io_error (error, r->target_path, sqlite3_errmsg (r->target));
          goto out;
        }
      sqlite3_reset (write);
    }

  if (rc != SQLITE_DONE)
    {
      set_unreadable_error (error, r->damaged_path, table, r->source);
      goto out;
    }

  ok = TRUE;

out:
  sqlite3_finalize (read);
  sqlite3_finalize (write);

  return ok;
}

/* Table and index names are SQL identifiers of the damaged file: only
 * plain ones are quoted into SQL. */
static gboolean
is_plain_name (const char *name)
{
  if (name == NULL || *name == '\0')
    return FALSE;

  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_')
      return FALSE;

  return TRUE;
}

/* Recreates the tables of @source in @target, copies their rows, then
 * creates the indexes (built afresh from the rows). */
static gboolean
copy_schema_and_rows (const Recovery  *r,
                      GError         **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) table_sql = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) index_sql = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *set_version = NULL;
  sqlite3_stmt *stmt = NULL;
  int version = 0;
  int rc;

  rc = sqlite3_prepare_v2 (r->source,
                           "SELECT type, name, sql FROM sqlite_master"
                           " WHERE type IN ('table', 'index') AND sql IS NOT NULL"
                           " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
                           " ORDER BY rowid",
                           -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *type = (const char *) sqlite3_column_text (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      const char *sql = (const char *) sqlite3_column_text (stmt, 2);

      if (!is_plain_name (name))
        continue;

      if (g_str_equal (type, "table") && g_str_has_prefix (sql, "CREATE TABLE"))
        {
          g_ptr_array_add (tables, g_strdup (name));
          g_ptr_array_add (table_sql, g_strdup (sql));
        }
      else if (g_str_equal (type, "index"))
        g_ptr_array_add (index_sql, g_strdup (sql));
      rc = SQLITE_OK;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (rc != SQLITE_DONE)
    {
      set_unreadable_error (error, r->damaged_path, NULL, r->source);
      return FALSE;
    }

  if (tables->len == 0)
    {
      g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_DAMAGED,
                   /* Translators: %s is a damaged diary file */
                   _("No entries can be recovered from “%s”: no table of the diary can be found in it."),
                   r->damaged_path);
      return FALSE;
    }

  if (sqlite3_prepare_v2 (r->source, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!exec_sql (r->target, "BEGIN", r->target_path, error))
    return FALSE;

  for (guint i = 0; i < tables->len; i++)
    if (!exec_sql (r->target, g_ptr_array_index (table_sql, i), r->target_path, error) ||
        !copy_table (r, g_ptr_array_index (tables, i), error))
      return FALSE;

  for (guint i = 0; i < index_sql->len; i++)
    if (!exec_sql (r->target, g_ptr_array_index (index_sql, i), r->target_path, error))
      return FALSE;

  /* The migrations take the recovered diary from its version on. */
  set_version = g_strdup_printf ("PRAGMA user_version = %d", version);

  return exec_sql (r->target, set_version, r->target_path, error) &&
         exec_sql (r->target, "COMMIT", r->target_path, error);
}

static gboolean
check_integrity (sqlite3     *db,
                 const char  *damaged_path,
                 GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  ok = sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL) == SQLITE_OK &&
       sqlite3_step (stmt) == SQLITE_ROW &&
       g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;

  if (!ok)
    g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_DAMAGED,
                 /* Translators: %s is a damaged diary file, the second %s SQLite's finding */
                 _("The entries recovered from “%s” fail the database’s integrity check (%s), so they were not kept."),
                 damaged_path,
                 stmt != NULL && sqlite3_column_text (stmt, 0) != NULL
                 ? (const char *) sqlite3_column_text (stmt, 0) : sqlite3_errmsg (db));
  sqlite3_finalize (stmt);

  return ok;
}

static guint
count_rows (sqlite3    *db,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", table);
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return n;
}

static void
remove_tree (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir_path, name, NULL);

      g_unlink (file);
    }
  g_rmdir (dir_path);
}

/* Copies the damaged file and its journal into a private folder, so
 * that reading them can never change the file that was moved aside. */
static char *
copy_damaged (const char  *damaged_path,
              const char  *work_dir,
              GError     **error)
{
  g_autofree char *copy = g_build_filename (work_dir, "damaged.db", NULL);
  g_autofree char *wal = g_strconcat (damaged_path, "-wal", NULL);
  g_autofree char *wal_copy = g_strconcat (copy, "-wal", NULL);

  if (!copy_private (damaged_path, copy, FALSE, error) ||
      (file_size (wal) > 0 && !copy_private (wal, wal_copy, FALSE, error)))
    return NULL;

  return g_steal_pointer (&copy);
}

/**
 * md_database_recover:
 * @damaged_path: a damaged diary, moved aside; only read, never written
 * @recovered_path: the new diary to write; must not exist
 * @recovery: (out caller-allocates) (optional): what was recovered
 *
 * Reads every row of every table of @damaged_path, from the tables'
 * own pages (a damaged index does not matter), into a new diary with the
 * same schema and version, builds its indexes afresh and checks its
 * integrity. Fails, writing nothing, when a table cannot be read to the
 * end. md_database_open() migrates the result like any older diary.
 */
gboolean
md_database_recover (const char          *damaged_path,
                     const char          *recovered_path,
                     MdDatabaseRecovery  *recovery,
                     GError             **error)
{
  g_autofree char *dir = g_path_get_dirname (recovered_path);
  g_autofree char *work_dir = g_build_filename (dir, ".recovering-XXXXXX", NULL);
  g_autofree char *source_path = NULL;
  g_autofree char *target_path = NULL;
  sqlite3 *source = NULL;
  sqlite3 *target = NULL;
  Recovery files;
  gboolean ok = FALSE;

  g_return_val_if_fail (damaged_path != NULL, FALSE);
  g_return_val_if_fail (recovered_path != NULL, FALSE);

  if (g_file_test (recovered_path, G_FILE_TEST_EXISTS))
    {
      md_database_set_io_error (error, recovered_path, g_strerror (EEXIST));
      return FALSE;
    }

  if (g_mkdtemp_full (work_dir, 0700) == NULL)
    {
      int saved_errno = errno;

      md_database_set_io_error (error, recovered_path, g_strerror (saved_errno));
      return FALSE;
    }
  target_path = g_build_filename (work_dir, "recovered.db", NULL);

  source_path = copy_damaged (damaged_path, work_dir, error);
  if (source_path == NULL)
    goto out;

  if (sqlite3_open_v2 (source_path, &source, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      set_unreadable_error (error, damaged_path, NULL, source);
      goto out;
    }

  if (!md_database_create_private_file (target_path, error))
    goto out;

  if (sqlite3_open_v2 (target_path, &target, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      md_database_set_io_error (error, recovered_path, sqlite3_errmsg (target));
      goto out;
    }

  files = (Recovery) { source, target, damaged_path, recovered_path };
  if (!copy_schema_and_rows (&files, error) ||
      !check_integrity (target, damaged_path, error))
    goto out;

  if (recovery != NULL)
    {
      recovery->attacks = count_rows (target, "attacks");
      recovery->doses = count_rows (target, "doses");
      recovery->pain_readings = count_rows (target, "pain_readings");
      recovery->days = count_rows (target, "days");
    }

  g_clear_pointer (&target, sqlite3_close_v2);
  if (g_rename (target_path, recovered_path) != 0)
    {
      int saved_errno = errno;

      md_database_set_io_error (error, recovered_path, g_strerror (saved_errno));
      goto out;
    }

  ok = TRUE;

out:
  sqlite3_close_v2 (source);
  sqlite3_close_v2 (target);
  remove_tree (work_dir);

  return ok;
}
