/* md-paths.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "md-paths"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "md-error.h"
#include "md-paths.h"

#define PRIVATE_DIRECTORY_MODE 0700

/**
 * md_paths_get_data_dir:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/migraine-diary`
 */
char *
md_paths_get_data_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), PACKAGE_NAME, NULL);
}

/**
 * md_paths_get_default_database:
 *
 * Returns: (transfer full): the diary file used without `--database`
 */
char *
md_paths_get_default_database (void)
{
  g_autofree char *dir = md_paths_get_data_dir ();

  return g_build_filename (dir, "diary.db", NULL);
}

/**
 * md_paths_get_backup_dir:
 * @database_path: the diary file
 *
 * Backups live beside the diary they belong to, so that a diary opened
 * with `--database` never mixes its backups with the default diary's.
 *
 * Returns: (transfer full): the backup folder for @database_path
 */
char *
md_paths_get_backup_dir (const char *database_path)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (database_path != NULL, NULL);

  dir = g_path_get_dirname (database_path);

  return g_build_filename (dir, "backups", NULL);
}

/**
 * md_paths_ensure_directory:
 * @directory: a folder
 * @error: return location for a #GError
 *
 * Creates @directory and its missing parents readable by the owner only.
 * An existing folder is left as it is: it may be shared on purpose.
 */
gboolean
md_paths_ensure_directory (const char  *directory,
                           GError     **error)
{
  g_return_val_if_fail (directory != NULL, FALSE);

  if (g_mkdir_with_parents (directory, PRIVATE_DIRECTORY_MODE) != 0)
    {
      int saved_errno = errno;

      g_set_error (error,
                   G_IO_ERROR,
                   g_io_error_from_errno (saved_errno),
                   /* Translators: %s is a folder, the second %s the system's reason */
                   _("Could not create the folder “%s”: %s."),
                   directory,
                   g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/**
 * md_paths_ensure_parent_directory:
 * @file_path: a file that is about to be created
 * @error: return location for a #GError
 *
 * Creates the folder that will hold @file_path, mode 0700.
 */
gboolean
md_paths_ensure_parent_directory (const char  *file_path,
                                  GError     **error)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (file_path != NULL, FALSE);

  dir = g_path_get_dirname (file_path);

  return md_paths_ensure_directory (dir, error);
}

/* @path with its folder's links resolved: the same name for the same
 * place, whether or not the file itself exists yet. */
static char *
resolved_path (const char *path)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *dir = g_path_get_dirname (absolute);
  g_autofree char *base = g_path_get_basename (absolute);
  g_autofree char *real_dir = realpath (dir, NULL);

  return g_build_filename (real_dir != NULL ? real_dir : dir, base, NULL);
}

static gboolean
same_file (const char *a,
           const char *b)
{
  g_autofree char *resolved_a = resolved_path (a);
  g_autofree char *resolved_b = resolved_path (b);
  GStatBuf sa, sb;

  if (g_str_equal (resolved_a, resolved_b))
    return TRUE;

  /* A hard link, or the same folder reached another way */
  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/**
 * md_paths_check_output:
 * @database_path: the open diary
 * @file: where an export or a report is about to be written
 *
 * Refuses an output that is the diary itself or one of SQLite's files
 * beside it: writing there would replace the diary with the export.
 *
 * Returns: %TRUE if @file may be written
 */
gboolean
md_paths_check_output (const char  *database_path,
                       const char  *file,
                       GError     **error)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autofree char *real_database_path = NULL;
  GStatBuf st;

  g_return_val_if_fail (database_path != NULL, FALSE);
  g_return_val_if_fail (file != NULL, FALSE);

  /* SQLite follows a link to the diary and keeps its -wal and -shm
   * beside the file the link points to. */
  real_database_path = realpath (database_path, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes) * 2; i++)
    {
      const char *diary = i < G_N_ELEMENTS (suffixes) ? database_path : real_database_path;
      g_autofree char *diary_file = NULL;

      if (diary == NULL)
        continue;

      diary_file = g_strconcat (diary, suffixes[i % G_N_ELEMENTS (suffixes)], NULL);
      if (same_file (diary_file, file))
        {
          g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_IO,
                       /* Translators: %s is the file the user chose to write an export to */
                       _("“%s” is the diary itself. Choose another file: the diary would be overwritten."),
                       file);
          return FALSE;
        }
    }

  /* An export replaces the file it is given: never a device, a pipe or
   * a folder (as root, /dev/null would become a plain file). */
  if (g_stat (file, &st) == 0 && !S_ISREG (st.st_mode))
    {
      g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_IO,
                   /* Translators: %s is the file the user chose to write an export to */
                   _("“%s” is not a regular file, but a folder, a device or a pipe. Choose a file to write to."),
                   file);
      return FALSE;
    }

  return TRUE;
}
