/* md-database-recover.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What happens around a damaged diary: what is noticed before a diary
 * is opened (an empty file, a damaged journal), recovering the entries
 * of a damaged file into a new one, and checking backups before one is
 * restored.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * MdDatabaseNoticeKind:
 * @MD_DATABASE_NOTICE_EMPTY_FILE: the diary file was empty (0 bytes) and
 *   was opened as a new diary
 * @MD_DATABASE_NOTICE_WAL_DAMAGED: the diary's journal (-wal) was damaged
 *   and changes saved in it are not in the diary; a copy was kept
 *
 * What opening a diary found that the patient must be told, although the
 * diary did open.
 */
typedef enum
{
  MD_DATABASE_NOTICE_EMPTY_FILE,
  MD_DATABASE_NOTICE_WAL_DAMAGED,
} MdDatabaseNoticeKind;

/* Called in the thread that opens the diary; @message is a translated
 * sentence naming the files. */
typedef void (*MdDatabaseNoticeFunc) (MdDatabaseNoticeKind  kind,
                                      const char           *database_path,
                                      const char           *message,
                                      gpointer              user_data);

/* How much a recovery brought back. */
typedef struct
{
  guint attacks;
  guint doses;
  guint pain_readings;
  guint days;
} MdDatabaseRecovery;

void      md_database_set_notice_func     (MdDatabaseNoticeFunc  func,
                                           gpointer              user_data);
void      md_database_inspect_before_open (const char           *path);

char     *md_database_find_moved_aside    (const char           *database_path);
gboolean  md_database_recover             (const char           *damaged_path,
                                           const char           *recovered_path,
                                           MdDatabaseRecovery   *recovery,
                                           GError              **error);

gboolean  md_database_check_backup        (const char           *backup_path,
                                           GError              **error);
char     *md_database_find_good_backup    (const char           *database_path,
                                           const char           *skip,
                                           GPtrArray            *bad_backups);
char     *md_database_describe_backup     (const char           *backup_path);

G_END_DECLS
