/* md-diary-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the files of the repository (md-diary*.c) share: the object's
 * fields, its signals and the binding, validation and undo helpers.
 * Nothing outside src/store/ includes this header.
 */

#pragma once

#include "md-database-private.h"
#include "md-diary.h"
#include "md-row-list.h"

G_BEGIN_DECLS

/* A time more than this far ahead of "now" is a typing mistake. */
#define FUTURE_TOLERANCE_SECONDS 60

/* The widest UTC offset of a time, in seconds: ±18:00. */
#define MD_DIARY_MAX_UTC_OFFSET (18 * 3600)

struct _MdDiary
{
  GObject         parent_instance;

  /* Owned */
  MdDatabase     *database;
  MdRowList      *attacks;
  MdRowList      *medications;

  MdDiaryNowFunc  now_func;
  gpointer        now_data;
  gint64          data_version; /* PRAGMA data_version when the lists were last read */
};

enum {
  CHANGED,
  ATTACK_CHANGED,
  DOSE_SAVED,
  REMINDERS_CHANGED,
  N_SIGNALS
};

extern guint md_diary_signals[N_SIGNALS];

G_GNUC_INTERNAL
gboolean
md_diary_apply_default_dose_purpose (MdDiary     *self,
                                     const char  *uuid,
                                     GError     **error);

G_GNUC_INTERNAL
gboolean
md_diary_add_custom_entry_with_key (MdDiary     *self,
                                    const char  *table,
                                    const char  *key,
                                    const char  *label,
                                    gboolean    *out_added,
                                    GError     **error);

G_GNUC_INTERNAL
GPtrArray *
md_diary_list_every_pain_reading (MdDiary *self);

G_GNUC_INTERNAL
void
md_diary_bind_text (sqlite3_stmt *stmt,
                    int           index,
                    const char   *text);

G_GNUC_INTERNAL
void
md_diary_bind_int_or_unset (sqlite3_stmt *stmt,
                            int           index,
                            int           value);

G_GNUC_INTERNAL
void
md_diary_bind_time_or_unset (sqlite3_stmt *stmt,
                             int           index,
                             gint64        value);

G_GNUC_INTERNAL
void
md_diary_bind_double_or_unset (sqlite3_stmt *stmt,
                               int           index,
                               double        value);

G_GNUC_INTERNAL
char *
md_diary_column_text (sqlite3_stmt *stmt,
                      int           index);

G_GNUC_INTERNAL
int
md_diary_column_int_or_unset (sqlite3_stmt *stmt,
                              int           index);

G_GNUC_INTERNAL
double
md_diary_column_double_or_unset (sqlite3_stmt *stmt,
                                 int           index);

G_GNUC_INTERNAL
char **
md_diary_split_keys (const char *text);

G_GNUC_INTERNAL
gboolean
md_diary_step_done (MdDiary       *self,
                    sqlite3_stmt  *stmt,
                    GError       **error);

G_GNUC_INTERNAL
gboolean
md_diary_action_begin (MdDiary   *self,
                       gboolean  *owns,
                       GError   **error);

G_GNUC_INTERNAL
gboolean
md_diary_action_end (MdDiary   *self,
                     gboolean   owns,
                     gboolean   ok,
                     GError   **error);

G_GNUC_INTERNAL
gboolean
md_diary_invalid (GError     **error,
                  const char  *format,
                  ...) G_GNUC_PRINTF (2, 3);;

G_GNUC_INTERNAL
gboolean
md_diary_check_key (MdCatalogue   catalogue,
                    const char   *key,
                    const char   *field,
                    GError      **error);

G_GNUC_INTERNAL
gboolean
md_diary_check_not_future (MdDiary     *self,
                           gint64       time,
                           const char  *field,
                           GError     **error);

G_GNUC_INTERNAL
gboolean
md_diary_check_pain (int          pain,
                     const char  *field,
                     GError     **error);

G_GNUC_INTERNAL
gboolean
md_diary_check_nrs (int          nrs,
                    const char  *field,
                    GError     **error);

G_GNUC_INTERNAL
gboolean
md_diary_check_offset (int          offset,
                       const char  *field,
                       GError     **error);

G_GNUC_INTERNAL
gboolean
md_diary_check_finite (double       value,
                       const char  *field,
                       GError     **error);

G_GNUC_INTERNAL
gboolean
md_diary_check_date (const char  *date,
                     const char  *field,
                     GError     **error);

G_GNUC_INTERNAL
gboolean
md_diary_step_found (sqlite3_stmt *stmt);

G_GNUC_INTERNAL
gboolean
md_diary_row_exists (MdDiary    *self,
                     const char *sql,
                     const char *key);

G_GNUC_INTERNAL
gint64
md_diary_rowid_of (MdDiary    *self,
                   const char *table,
                   const char *uuid);

G_GNUC_INTERNAL
void
md_diary_reload_attacks (MdDiary *self);

G_GNUC_INTERNAL
void
md_diary_attack_row_changed (MdDiary    *self,
                             const char *uuid);

G_GNUC_INTERNAL
void
md_diary_ensure_uuid (char **uuid);

#define MD_DIARY_MEDICATION_COLUMNS \
  "uuid, name, class, use, default_amount, unit, route, builtin_key, archived"
#define MD_DIARY_N_MEDICATION_COLUMNS 9

G_GNUC_INTERNAL
MdMedication *
md_diary_medication_from_row (sqlite3_stmt *stmt,
                              int           first);

G_GNUC_INTERNAL
gpointer
md_diary_load_medication (gint64   rowid,
                          gpointer user_data);

G_GNUC_INTERNAL
gpointer
md_diary_load_attack (gint64   rowid,
                      gpointer user_data);

G_GNUC_INTERNAL
MdDiaryUndo *
md_diary_undo_new (void);

/* Rows of @table whose @column holds the key of what a delete removes:
 * they go with it (copied whole), or, with @relink, they stay with that
 * column set to NULL (undo sets it back). A list of them ends with an
 * entry without a table. */
typedef struct
{
  const char *table;
  const char *column;
  gboolean    relink;
} MdDiarySnapshot;

G_GNUC_INTERNAL
gboolean
md_diary_delete_by_uuid (MdDiary     *self,
                         const char  *table,
                         const char  *uuid,
                         GError     **error);

G_GNUC_INTERNAL
gboolean
md_diary_require_uuid (MdDiary     *self,
                       const char  *table,
                       const char  *uuid,
                       GError     **error);

G_GNUC_INTERNAL
MdDiaryUndo *
md_diary_delete_with_undo (MdDiary                *self,
                           const MdDiarySnapshot  *what,
                           const char             *uuid,
                           GError                **error);

G_GNUC_INTERNAL
MdDiaryUndo *
md_diary_delete_row_with_undo (MdDiary     *self,
                               const char  *table,
                               const char  *uuid,
                               GError     **error);

G_END_DECLS
