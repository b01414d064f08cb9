/* md-paths.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "md-paths"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

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
