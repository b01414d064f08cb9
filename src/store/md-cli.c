/* md-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the command line does without a window: whole-file CSV export and
 * import. Files are written to a temporary name beside the target and
 * renamed, so a failure never leaves half a file.
 */

#define G_LOG_DOMAIN "md-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "md-cli.h"
#include "md-csv.h"
#include "md-error.h"
#include "md-paths.h"

/**
 * md_cli_write_atomically:
 *
 * Writes @contents to @file through a temporary file in the same folder,
 * synced and renamed into place.
 */
gboolean
md_cli_write_atomically (const char  *file,
                         const char  *contents,
                         gsize        length,
                         GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  /* g_file_set_contents_full writes a temporary file, fsyncs and renames. */
  if (!g_file_set_contents_full (file, contents, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_IO,
                   /* Translators: a file, then the system's reason */
                   _("Could not write “%s”: %s"), file, local_error->message);
      return FALSE;
    }

  return TRUE;
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
  g_autoptr(GFile) gfile = g_file_new_for_path (file);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  /* Refuse a huge file before reading it into memory. */
  info = g_file_query_info (gfile, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_IO,
                   _("Could not read “%s”: %s"), file, local_error->message);
      return FALSE;
    }
  if (g_file_info_get_size (info) > MD_CSV_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size_full (g_file_info_get_size (info), G_FORMAT_SIZE_LONG_FORMAT);
      g_autofree char *limit = g_format_size_full (MD_CSV_MAX_FILE_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_TOO_LARGE,
                   /* Translators: a file, its size, the largest size accepted */
                   _("“%s” is %s; files up to %s can be imported."), file, size, limit);
      return FALSE;
    }

  if (!g_file_get_contents (file, &contents, &length, &local_error))
    {
      g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_IO,
                   _("Could not read “%s”: %s"), file, local_error->message);
      return FALSE;
    }

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
