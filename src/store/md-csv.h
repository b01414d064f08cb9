/* md-csv.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Larger files are refused before they are read. */
#define MD_CSV_MAX_FILE_SIZE   (64 * 1024 * 1024)
#define MD_CSV_MAX_FIELDS      64
#define MD_CSV_MAX_FIELD_SIZE  (1024 * 1024)

typedef struct _MdCsvReader MdCsvReader;

MdCsvReader *md_csv_reader_new      (const char   *data,
                                     gsize         length);
void         md_csv_reader_free     (MdCsvReader  *reader);
GPtrArray   *md_csv_reader_next     (MdCsvReader  *reader,
                                     GError      **error);
guint        md_csv_reader_get_line (MdCsvReader  *reader);
double       md_csv_reader_get_fraction (MdCsvReader *reader);

void         md_csv_append_row      (GString            *out,
                                     const char * const *fields,
                                     guint               n_fields);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MdCsvReader, md_csv_reader_free)

G_END_DECLS
