/* md-error.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MD_DIARY_ERROR (md_diary_error_quark ())

/**
 * MdDiaryError:
 * @MD_DIARY_ERROR_INVALID: an entry breaks a rule; the message names the field
 * @MD_DIARY_ERROR_NOT_FOUND: no entry with that identifier
 * @MD_DIARY_ERROR_TOO_NEW: the file was written by a newer version of the app
 * @MD_DIARY_ERROR_DAMAGED: the file is damaged and was moved aside
 * @MD_DIARY_ERROR_IO: the file or its folder cannot be read or written
 * @MD_DIARY_ERROR_CSV: a CSV file is malformed; the message names line and field
 * @MD_DIARY_ERROR_TOO_LARGE: a file is larger than the app accepts
 * @MD_DIARY_ERROR_IN_USE: a medication with doses cannot be deleted
 * @MD_DIARY_ERROR_BUSY: another program holds the diary's lock; nothing
 *   was changed, and trying again later may work
 * @MD_DIARY_ERROR_READ_ONLY: the diary can be read but not changed (a
 *   read-only file or file system)
 */
typedef enum
{
  MD_DIARY_ERROR_INVALID,
  MD_DIARY_ERROR_NOT_FOUND,
  MD_DIARY_ERROR_TOO_NEW,
  MD_DIARY_ERROR_DAMAGED,
  MD_DIARY_ERROR_IO,
  MD_DIARY_ERROR_CSV,
  MD_DIARY_ERROR_TOO_LARGE,
  MD_DIARY_ERROR_IN_USE,
  MD_DIARY_ERROR_BUSY,
  MD_DIARY_ERROR_READ_ONLY,
} MdDiaryError;

/**
 * MdDiaryAccess:
 * @MD_DIARY_ACCESS_OPEN: opening the diary file
 * @MD_DIARY_ACCESS_WRITE: saving a change to it
 *
 * What failed, for md_diary_error_set_for_file().
 */
typedef enum
{
  MD_DIARY_ACCESS_OPEN,
  MD_DIARY_ACCESS_WRITE,
} MdDiaryAccess;

GQuark md_diary_error_quark         (void);
void   md_diary_error_set_for_file  (GError        **error,
                                     const char     *path,
                                     MdDiaryAccess   access,
                                     int             errno_value,
                                     const char     *reason);
char  *md_diary_error_describe_lock_holder (const char *path);

G_END_DECLS
