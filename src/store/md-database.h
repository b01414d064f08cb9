/* md-database.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The schema this version of the app writes; PRAGMA user_version. */
#define MD_DATABASE_SCHEMA_VERSION 1

#define MD_TYPE_DATABASE (md_database_get_type ())

G_DECLARE_FINAL_TYPE (MdDatabase, md_database, MD, DATABASE, GObject)

MdDatabase   *md_database_open                 (const char           *path,
                                                GError              **error);
const char   *md_database_get_path             (MdDatabase           *self);
void          md_database_close                (MdDatabase           *self);
gboolean      md_database_is_closed            (MdDatabase           *self);

char         *md_database_find_newest_backup   (const char           *database_path);
GPtrArray    *md_database_list_backups         (const char           *database_path);
gboolean      md_database_backup_if_due        (const char           *database_path,
                                                GDateTime            *now,
                                                char                **out_backup_path,
                                                GError              **error);
void          md_database_backup_if_due_async  (const char           *database_path,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean      md_database_backup_if_due_finish (GAsyncResult         *result,
                                                char                **out_backup_path,
                                                GError              **error);
gboolean      md_database_restore_backup       (const char           *backup_path,
                                                const char           *database_path,
                                                GError              **error);

G_END_DECLS
