/* md-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one place where a failure of the diary's file becomes a sentence:
 * every caller (the window, the command line, an import in a thread)
 * names the same cause and the same remedy for the same problem.
 */

#define G_LOG_DOMAIN "md-error"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "md-error.h"

G_DEFINE_QUARK (md-diary-error-quark, md_diary_error)

/* SQLite takes POSIX locks: a WAL writer holds byte 120 of the -shm file,
 * a writer in rollback mode (or a connection in exclusive locking mode)
 * holds the database file itself. */
#define WAL_WRITE_LOCK_OFFSET 120

static gboolean
lock_is_on (unsigned int       major_number,
            unsigned int       minor_number,
            unsigned long long inode,
            const struct stat *st)
{
  return major (st->st_dev) == major_number && minor (st->st_dev) == minor_number &&
         (unsigned long long) st->st_ino == inode;
}

/* The process that holds the write lock of the diary at @path, from
 * /proc/locks, or 0 when none is found (another kernel, or the lock was
 * just released). */
static int
find_lock_holder (const char *path)
{
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  struct stat db_stat;
  struct stat shm_stat;
  gboolean have_shm;
  int holder = 0;

  if (stat (path, &db_stat) != 0 || !g_file_get_contents ("/proc/locks", &contents, NULL, NULL))
    return 0;
  have_shm = stat (shm, &shm_stat) == 0;

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char access[16];
      unsigned int major_number, minor_number;
      unsigned long long inode, start;
      int pid;

      /* "->" marks a process waiting for the lock, not holding it. */
      if (strstr (lines[i], "->") != NULL ||
          sscanf (lines[i], "%*d: %*s %*s %15s %d %x:%x:%llu %llu",
                  access, &pid, &major_number, &minor_number, &inode, &start) != 6 ||
          !g_str_equal (access, "WRITE") || pid <= 0)
        continue;

      if (have_shm && start == WAL_WRITE_LOCK_OFFSET &&
          lock_is_on (major_number, minor_number, inode, &shm_stat))
        return pid;
      if (lock_is_on (major_number, minor_number, inode, &db_stat))
        holder = pid;
    }

  return holder;
}

/**
 * md_diary_error_describe_lock_holder:
 * @path: a diary file
 *
 * Names the program that holds the diary's write lock, as a person
 * would look for it in a process list.
 *
 * Returns: (transfer full): “name” (process N), or "another program"
 */
char *
md_diary_error_describe_lock_holder (const char *path)
{
  int pid = find_lock_holder (path);
  g_autofree char *comm_path = g_strdup_printf ("/proc/%d/comm", pid);
  g_autofree char *comm = NULL;

  /* Locks belong to processes: our own is a job of this app in another
   * thread (an import), not "migraine-diary" as if it were a stranger. */
  if (pid == getpid ())
    /* Translators: in "The diary … is in use by %s" */
    return g_strdup (_("another task of Migraine Diary, such as an import"));

  if (pid > 0 && g_file_get_contents (comm_path, &comm, NULL, NULL))
    {
      g_strstrip (comm);
      /* Translators: the program that holds the diary, in "The diary … is in
       * use by %s"; the first %s is its name, %d its process number */
      return g_strdup_printf (_("“%s” (process %d)"), comm, pid);
    }

  /* Translators: in "The diary … is in use by %s", when the program is unknown */
  return g_strdup (_("another program"));
}

/**
 * md_diary_error_set_for_file:
 * @path: the diary file
 * @access: what failed: opening the file or saving a change
 * @errno_value: the cause as an errno value (EBUSY for a lock held by
 *   another connection), or 0 when unknown
 * @reason: (nullable): the system's words for a cause without a
 *   sentence of its own; %NULL for g_strerror (@errno_value)
 *
 * Sets @error to a sentence that names the cause and what to do: a
 * folder, permission denied, a read-only file or file system, a full
 * disk, a diary in use by another program. Anything else is an I/O
 * error with the system's reason.
 */
void
md_diary_error_set_for_file (GError        **error,
                             const char     *path,
                             MdDiaryAccess   access,
                             int             errno_value,
                             const char     *reason)
{
  gboolean opening = access == MD_DIARY_ACCESS_OPEN;

  if (reason == NULL)
    reason = g_strerror (errno_value);

  switch (errno_value)
    {
    case EBUSY:
      {
        g_autofree char *holder = md_diary_error_describe_lock_holder (path);

        if (opening)
          g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_BUSY,
                       /* Translators: the first %s is the diary file, the second the program
                        * that holds it, such as “sqlite3” (process 1234) or "another program" */
                       _("The diary “%s” is in use by %s, so it could not be opened; the file was not changed. Try again when that program has finished."),
                       path, holder);
        else
          g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_BUSY,
                       /* Translators: the first %s is the diary file, the second the program
                        * that holds it, such as “sqlite3” (process 1234) or "another program" */
                       _("The diary “%s” is in use by %s, so nothing was saved. Try again when that program has finished."),
                       path, holder);
        return;
      }

    case ENOSPC:
    case EDQUOT:
      if (opening)
        g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_IO,
                     /* Translators: %s is the diary file */
                     _("The disk that holds the diary “%s” is full, so the diary cannot even be read. Free some space on it, then try again."),
                     path);
      else
        g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_IO,
                     /* Translators: %s is the diary file */
                     _("The disk that holds the diary “%s” is full, so nothing was saved. Free some space on it, then try again."),
                     path);
      return;

    case EROFS:
      g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_READ_ONLY,
                   /* Translators: %s is the diary file */
                   _("The diary “%s” is on a read-only file system, so changes cannot be saved. You can still read and export it; to make changes, mount the disk read-write or copy the diary to another place."),
                   path);
      return;

    case EISDIR:
      g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_IO,
                   /* Translators: %s is the path where the diary file should be */
                   _("“%s” is a folder, not a diary file. Rename or move the folder, or choose another file for the diary."),
                   path);
      return;

    case EACCES:
    case EPERM:
      if (opening)
        g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_IO,
                     /* Translators: %s is the diary file */
                     _("You do not have permission to read the diary “%s” (permission denied). Ask the owner of the file for access, or choose another file for the diary."),
                     path);
      else
        g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_READ_ONLY,
                     /* Translators: %s is the diary file */
                     _("You do not have permission to change the diary “%s” (it is read-only for you), so changes cannot be saved. You can still read and export it; to make changes, ask the owner of the file to make it writable, or copy it to another place."),
                     path);
      return;

    default:
      break;
    }

  if (opening)
    g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_IO,
                 /* Translators: %s is a file, the second %s the reason */
                 _("Could not open the diary “%s”: %s."),
                 path, reason);
  else
    g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_IO,
                 /* Translators: %s is a file, the second %s the database's reason */
                 _("Could not save to the diary “%s”: %s."),
                 path, reason);
}
