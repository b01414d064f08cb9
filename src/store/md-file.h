/* md-file.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What the name of a temporary file of ours contains: a file named
 * ".NAME.md-tmp-XXXXXX" left by an export that was killed is removed by
 * the next export to the same folder. */
#define MD_FILE_TEMP_INFIX ".md-tmp-"

gboolean  md_file_read_regular   (const char    *path,
                                  gsize          max_size,
                                  char         **contents,
                                  gsize         *length,
                                  GError       **error);
gboolean  md_file_write_private  (const char    *path,
                                  const void    *contents,
                                  gsize          length,
                                  GError       **error);
gboolean  md_file_create_private (const char    *path,
                                  GError       **error);
void      md_file_remove_leftovers (const char  *directory);

G_END_DECLS
