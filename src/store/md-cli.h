/* md-cli.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "md-diary-csv.h"

G_BEGIN_DECLS

gboolean md_cli_export_csv (const char         *database_path,
                            const char         *file,
                            GError            **error);
gboolean md_cli_import_csv (const char         *database_path,
                            const char         *file,
                            MdDiaryCsvSummary  *summary,
                            GError            **error);
gboolean md_cli_write_atomically (const char   *file,
                                  const char   *contents,
                                  gsize         length,
                                  GError      **error);

G_END_DECLS
