/* md-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the command line does without a window: whole-file CSV export and
 * import. Files are written whole or not at all (md-file.c), so a
 * failure never leaves half a file.
 */

#define G_LOG_DOMAIN "md-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "md-cli.h"
#include "md-csv.h"
#include "md-error.h"
#include "md-file.h"
#include "md-paths.h"

/**
 * md_cli_write_atomically:
 *
 * Writes @contents to @file whole or not at all, readable by the owner
 * only (md_file_write_private()).
 */
gboolean
md_cli_write_atomically (const char  *file,
                         const char  *contents,
                         gsize        length,
                         GError     **error)
{
  return md_file_write_private (file, contents, length, error);
}

gboolean
md_cli_export_csv (const char  *database_path,
                   const char  *file,
                   GError     **error)
{
  g_autoptr(MdDiary) diary = NULL;
  g_autoptr(GString) csv = NULL;

  if (!g_file_test (database_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_NOT_FOUND,
                   /* Translators: %s is a file */
                   _("There is no diary at “%s” to export."), database_path);
      return FALSE;
    }

  if (!md_paths_check_output (database_path, file, error))
    return FALSE;

  diary = md_diary_open (database_path, error);
  if (diary == NULL)
    return FALSE;

  csv = md_diary_export_csv (diary, error);
  if (csv == NULL)
    return FALSE;

  return md_cli_write_atomically (file, csv->str, csv->len, error);
}

gboolean
md_cli_import_csv (const char         *database_path,
                   const char         *file,
                   MdDiaryCsvSummary  *summary,
                   GError            **error)
{
  g_autoptr(MdDiary) diary = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (!md_file_read_regular (file, MD_CSV_MAX_FILE_SIZE, &contents, &length, error))
    return FALSE;

  diary = md_diary_open (database_path, error);
  if (diary == NULL)
    return FALSE;

  if (!md_diary_import_csv (diary, contents, length, NULL, NULL, NULL, summary, &local_error))
    {
      g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_CSV,
                   /* Translators: a file, then where and what is wrong in it; nothing was imported */
                   _("Nothing was imported from “%s”. %s"), file, local_error->message);
      return FALSE;
    }

  return TRUE;
}
