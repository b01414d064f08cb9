/* md-database-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The connection itself, for the store's own files: SQLite stays
 * private to src/store/.
 */

#pragma once

#include <sqlite3.h>

#include "md-database.h"

G_BEGIN_DECLS

sqlite3      *md_database_get_handle           (MdDatabase           *self);
sqlite3_stmt *md_database_prepare              (MdDatabase           *self,
                                                const char           *sql,
                                                GError              **error);
gboolean      md_database_exec                 (MdDatabase           *self,
                                                const char           *sql,
                                                GError              **error);
gboolean      md_database_begin                (MdDatabase           *self,
                                                GError              **error);
gboolean      md_database_commit               (MdDatabase           *self,
                                                GError              **error);
void          md_database_rollback             (MdDatabase           *self);
gboolean      md_database_in_transaction       (MdDatabase           *self);
void          md_database_set_error_from_sqlite (MdDatabase          *self,
                                                GError              **error);
void          md_database_run_on_path          (const char           *database_path,
                                                gpointer              source_tag,
                                                GTaskThreadFunc       thread_func,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
void          md_database_set_io_error         (GError              **error,
                                                const char           *path,
                                                const char           *reason);
gboolean      md_database_create_private_file  (const char           *path,
                                                GError              **error);
int           md_database_open_reader          (const char           *path,
                                                sqlite3             **out_db);
gboolean      md_database_migrate              (MdDatabase           *self,
                                                GError              **error);
void          md_database_set_too_new_error    (GError              **error,
                                                const char           *path);
void          md_database_set_read_error       (sqlite3              *db,
                                                const char           *path,
                                                int                   rc,
                                                GError              **error);

G_END_DECLS
