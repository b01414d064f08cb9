/* md-test-utils.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void      md_test_init             (int          *argc,
                                    char       ***argv);
void      md_test_init_gui         (int          *argc,
                                    char       ***argv);
char     *md_test_make_temp_dir    (void);
void      md_test_iterate          (guint         milliseconds);
gboolean  md_test_wait_for         (gboolean    (*condition) (gpointer user_data),
                                    gpointer      user_data,
                                    guint         timeout_ms);
int       md_test_spawn_app        (const char * const *args,
                                    char              **out_stdout,
                                    char              **out_stderr);
const char *md_test_get_executable (void);
char     *md_test_use_catalogue    (const char    *po);
void      md_test_drop_catalogue   (char          *dir);

G_END_DECLS
