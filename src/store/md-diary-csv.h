/* md-diary-csv.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "md-diary.h"

G_BEGIN_DECLS

/* The first line of every export; the number is the format version.
 * Version 2 added why a dose was given (dose: purpose) and why a
 * preventive course ended (preventive_course: end_reason,
 * end_reason_notes); version 1 files still import. */
#define MD_DIARY_CSV_VERSION 2
#define MD_DIARY_CSV_SIGNATURE "#migraine-diary-csv,2"

typedef void (*MdDiaryCsvProgress) (double   fraction,
                                    gpointer user_data);

typedef struct
{
  guint added;   /* records that were new */
  guint skipped; /* records already in the diary, by UUID */
  guint follow_ups; /* "How is your pain now?" reminders made for imported doses */
  guint days_completed; /* days the diary had, given what only the file said */
  guint days_differing; /* days where the file says something else; the diary's kept */
  char  first_differing[11]; /* the first of them, YYYY-MM-DD */
} MdDiaryCsvSummary;

GString  *md_diary_export_csv      (MdDiary             *self,
                                    GError             **error);
char     *md_diary_csv_summary_describe_days (const MdDiaryCsvSummary *summary);
gboolean  md_diary_import_csv      (MdDiary             *self,
                                    const char          *data,
                                    gsize                length,
                                    MdDiaryCsvProgress   progress,
                                    gpointer             progress_data,
                                    GCancellable        *cancellable,
                                    MdDiaryCsvSummary   *summary,
                                    GError             **error);

G_END_DECLS
