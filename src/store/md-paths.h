/* md-paths.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char     *md_paths_get_data_dir            (void);
char     *md_paths_get_default_database    (void);
char     *md_paths_get_backup_dir          (const char  *database_path);
gboolean  md_paths_ensure_parent_directory (const char  *file_path,
                                            GError     **error);
gboolean  md_paths_ensure_directory        (const char  *directory,
                                            GError     **error);

gboolean  md_paths_check_output            (const char  *database_path,
                                            const char  *file,
                                            GError     **error);

G_END_DECLS
