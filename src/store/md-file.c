/* md-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading and writing the files a user chooses: a CSV to import, an
 * export, a report. Every file that holds diary data is created
 * readable by its owner only, whatever the umask, and appears whole or
 * not at all. Whatever a kill leaves behind carries our own name and is
 * removed by the next export to that folder.
 */

#define G_LOG_DOMAIN "md-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "md-error.h"
#include "md-file.h"

#define PRIVATE_FILE_MODE 0600
#define READ_CHUNK (64 * 1024)
/* ".md-tmp-" and six random characters */
#define TEMP_SUFFIX_LENGTH (strlen (MD_FILE_TEMP_INFIX) + 6)
/* Room for the suffix within the 255 bytes of a file name */
#define TEMP_BASE_MAX 200

static void
set_errno_error (GError     **error,
                 const char  *path,
                 int          saved_errno,
                 gboolean     writing)
{
  g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_IO,
               /* Translators: a file, then the system's reason */
               writing ? _("Could not write “%s”: %s") : _("Could not read “%s”: %s"),
               path, g_strerror (saved_errno));
}

static void
set_too_large_error (GError     **error,
                     const char  *path,
                     gsize        max_size)
{
  g_autofree char *limit = g_format_size_full (max_size, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_TOO_LARGE,
               /* Translators: a file, then the largest size accepted, e.g. "64.0 MiB" */
               _("“%s” is larger than %s, the largest file that can be imported. Choose a CSV file exported by Migraine Diary."),
               path, limit);
}

/**
 * md_file_read_regular:
 * @path: a file the user chose
 * @max_size: the most bytes accepted
 *
 * Reads a regular file whole. A pipe, a device or a folder is refused
 * before anything is read from it (a pipe is opened without waiting for
 * a writer), and the limit is kept while reading: a file that grows, or
 * whose size the system does not know, never takes more than @max_size.
 *
 * Returns: %TRUE with @contents (nul-terminated) and @length set
 */
gboolean
md_file_read_regular (const char  *path,
                      gsize        max_size,
                      char       **contents,
                      gsize       *length,
                      GError     **error)
{
  g_autoptr(GByteArray) bytes = NULL;
  g_autofree guint8 *chunk = NULL;
  struct stat st;
  int fd;
  int flags;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL && length != NULL, FALSE);

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      set_errno_error (error, path, errno, FALSE);
      return FALSE;
    }

  if (fstat (fd, &st) != 0)
    {
      set_errno_error (error, path, errno, FALSE);
      close (fd);
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_IO,
                   /* Translators: %s is the file the user chose to import */
                   _("“%s” is not a regular file. Choose a CSV file, not a folder, a device or a pipe."),
                   path);
      close (fd);
      return FALSE;
    }

  /* The size the system reports refuses most large files at once; the
   * count below refuses the rest. */
  if ((guint64) st.st_size > max_size)
    {
      set_too_large_error (error, path, max_size);
      close (fd);
      return FALSE;
    }

  flags = fcntl (fd, F_GETFL);
  if (flags >= 0)
    fcntl (fd, F_SETFL, flags & ~O_NONBLOCK);

  bytes = g_byte_array_sized_new ((guint) st.st_size + 1);
  chunk = g_malloc (READ_CHUNK);
  for (;;)
    {
      gssize n = read (fd, chunk, READ_CHUNK);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_errno_error (error, path, errno, FALSE);
          close (fd);
          return FALSE;
        }
      if (n == 0)
        break;
      if (bytes->len + (gsize) n > max_size)
        {
          set_too_large_error (error, path, max_size);
          close (fd);
          return FALSE;
        }
      g_byte_array_append (bytes, chunk, (guint) n);
    }
  close (fd);

  *length = bytes->len;
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  *contents = (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);

  return TRUE;
}

static gboolean
is_temp_name (const char *name)
{
  gsize length = strlen (name);

  return name[0] == '.' && length > TEMP_SUFFIX_LENGTH + 1 &&
         strncmp (name + length - TEMP_SUFFIX_LENGTH, MD_FILE_TEMP_INFIX, strlen (MD_FILE_TEMP_INFIX)) == 0;
}

/**
 * md_file_remove_leftovers:
 * @directory: a folder an export is about to be written to
 *
 * Removes the temporary files of exports that were killed before they
 * were renamed into place. A temporary file is locked while it is
 * written, so another export still writing its own is left alone.
 */
void
md_file_remove_leftovers (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      struct stat st;
      int fd;

      if (!is_temp_name (name))
        continue;

      path = g_build_filename (directory, name, NULL);
      fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
      if (fd < 0)
        continue;
      if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && flock (fd, LOCK_EX | LOCK_NB) == 0)
        g_unlink (path);
      close (fd);
    }
}

/* Fills a new file: mode 0600 whatever the umask, contents, synced.
 * Returns 0 or the errno of the failure. */
static int
fill (int          fd,
      const void  *contents,
      gsize        length)
{
  const char *p = contents;

  if (fchmod (fd, PRIVATE_FILE_MODE) != 0)
    return errno;

  while (length > 0)
    {
      gssize n = write (fd, p, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return errno;
      p += n;
      length -= (gsize) n;
    }

  if (fsync (fd) != 0)
    return errno;

  return 0;
}

static char *
temp_base (const char *base)
{
  g_autofree char *short_base = g_strndup (base, TEMP_BASE_MAX);

  return g_strconcat (".", short_base, MD_FILE_TEMP_INFIX, NULL);
}

/* An unnamed file (O_TMPFILE) gets a name only once it is whole, so a
 * kill while writing leaves nothing. A file is linked to a name of its
 * own only when @target exists and it has to be renamed over it.
 * Returns 0, an errno, or -1 when the file system cannot do this. */
static int
write_unnamed (const char  *dir,
               const char  *base,
               const char  *target,
               const void  *contents,
               gsize        length)
{
  g_autofree char *proc = NULL;
  g_autofree char *prefix = temp_base (base);
  int fd = open (dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, PRIVATE_FILE_MODE);
  int result = -1;

  if (fd < 0)
    return -1;

  /* Locked, so that a leftover sweep never removes it once linked */
  flock (fd, LOCK_EX | LOCK_NB);
  result = fill (fd, contents, length);
  if (result != 0)
    goto out;

  proc = g_strdup_printf ("/proc/self/fd/%d", fd);
  if (linkat (AT_FDCWD, proc, AT_FDCWD, target, AT_SYMLINK_FOLLOW) == 0)
    goto out;
  if (errno != EEXIST)
    {
      result = -1;
      goto out;
    }

  result = -1;
  for (int attempt = 0; attempt < 100 && result == -1; attempt++)
    {
      static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
      char suffix[7] = { 0 };
      g_autofree char *name = NULL;
      g_autofree char *tmp = NULL;

      for (guint i = 0; i < 6; i++)
        suffix[i] = letters[g_random_int_range (0, sizeof letters - 1)];
      name = g_strconcat (prefix, suffix, NULL);
      tmp = g_build_filename (dir, name, NULL);

      if (linkat (AT_FDCWD, proc, AT_FDCWD, tmp, AT_SYMLINK_FOLLOW) != 0)
        {
          if (errno != EEXIST)
            break;
          continue;
        }
      result = g_rename (tmp, target) == 0 ? 0 : errno;
      if (result != 0)
        g_unlink (tmp);
    }

out:
  close (fd);
  return result;
}

/* Where O_TMPFILE is not supported: a named temporary file of ours,
 * renamed into place. Returns 0 or an errno. */
static int
write_named (const char  *dir,
             const char  *base,
             const char  *target,
             const void  *contents,
             gsize        length)
{
  g_autofree char *prefix = temp_base (base);
  g_autofree char *name = g_strconcat (prefix, "XXXXXX", NULL);
  g_autofree char *tmp = g_build_filename (dir, name, NULL);
  int fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, PRIVATE_FILE_MODE);
  int result;

  if (fd < 0)
    return errno;

  flock (fd, LOCK_EX | LOCK_NB);
  result = fill (fd, contents, length);
  close (fd);
  if (result == 0 && g_rename (tmp, target) != 0)
    result = errno;
  if (result != 0)
    g_unlink (tmp);

  return result;
}

static void
sync_directory (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/**
 * md_file_write_private:
 * @path: where to write; a link is followed to the file it names
 *
 * Writes @contents to @path whole or not at all, mode 0600 whatever the
 * umask, synced to disk. Temporary files left by an earlier export that
 * was killed in the same folder are removed first.
 */
gboolean
md_file_write_private (const char  *path,
                       const void  *contents,
                       gsize        length,
                       GError     **error)
{
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  GStatBuf st;
  int result;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_lstat (path, &st) == 0 && S_ISLNK (st.st_mode))
    {
      char *real = realpath (path, NULL);

      target = g_strdup (real != NULL ? real : path);
      free (real);
    }
  else
    target = g_strdup (path);
  dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);

  md_file_remove_leftovers (dir);

  result = write_unnamed (dir, base, target, contents, length);
  if (result == -1)
    result = write_named (dir, base, target, contents, length);
  if (result != 0)
    {
      set_errno_error (error, path, result, TRUE);
      return FALSE;
    }

  sync_directory (dir);

  return TRUE;
}

/**
 * md_file_create_private:
 * @path: a file another library is about to write (GTK's print to file)
 *
 * Creates @path empty with mode 0600, or empties it and makes it 0600,
 * so that what is written into it afterwards is never readable by
 * others, whatever the umask.
 */
gboolean
md_file_create_private (const char  *path,
                        GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_NOCTTY | O_CLOEXEC, PRIVATE_FILE_MODE);

  if (fd < 0 || fchmod (fd, PRIVATE_FILE_MODE) != 0)
    {
      set_errno_error (error, path, errno, TRUE);
      if (fd >= 0)
        close (fd);
      return FALSE;
    }

  close (fd);

  return TRUE;
}
