/* md-diary.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "md-attack.h"
#include "md-database.h"
#include "md-day.h"
#include "md-dose.h"
#include "md-medication.h"
#include "md-pain-reading.h"
#include "md-preventive-course.h"
#include "md-reminder.h"

G_BEGIN_DECLS

#define MD_TYPE_DIARY (md_diary_get_type ())

G_DECLARE_FINAL_TYPE (MdDiary, md_diary, MD, DIARY, GObject)

/* What "now" is, for the rule that nothing is logged in the future;
 * tests replace it. Returns unix seconds. */
typedef gint64 (*MdDiaryNowFunc) (gpointer user_data);

typedef struct _MdDiaryUndo MdDiaryUndo;

MdDiary            *md_diary_new                     (MdDatabase          *database);
MdDiary            *md_diary_open                    (const char          *path,
                                                      GError             **error);
MdDiary            *md_diary_open_full               (const char          *path,
                                                      guint                lock_wait_ms,
                                                      GError             **error);
MdDatabase         *md_diary_get_database            (MdDiary             *self);
void                md_diary_set_now_func            (MdDiary             *self,
                                                      MdDiaryNowFunc       func,
                                                      gpointer             user_data);

gboolean            md_diary_begin                   (MdDiary             *self,
                                                      GError             **error);
gboolean            md_diary_commit                  (MdDiary             *self,
                                                      GError             **error);
void                md_diary_rollback                (MdDiary             *self);
void                md_diary_reload                  (MdDiary             *self);
gboolean            md_diary_reload_if_changed_elsewhere (MdDiary         *self);
void                md_diary_close                   (MdDiary             *self);
void                md_diary_attack_changed          (MdDiary             *self,
                                                      const char          *uuid);
gboolean            md_diary_has_uuid                (MdDiary             *self,
                                                      const char          *table,
                                                      const char          *uuid);
gint64              md_diary_count                   (MdDiary             *self,
                                                      const char          *table);

/* Medications */
GListModel         *md_diary_get_medications         (MdDiary             *self);
MdMedication       *md_diary_get_medication          (MdDiary             *self,
                                                      const char          *uuid);
gboolean            md_diary_validate_medication     (MdDiary             *self,
                                                      MdMedication        *medication,
                                                      GError             **error);
gboolean            md_diary_save_medication         (MdDiary             *self,
                                                      MdMedication        *medication,
                                                      GError             **error);
gboolean            md_diary_delete_medication       (MdDiary             *self,
                                                      const char          *uuid,
                                                      GError             **error);

/* Symptoms and triggers: built-ins by key, custom ones by label */
char               *md_diary_add_custom_symptom      (MdDiary             *self,
                                                      const char          *label,
                                                      GError             **error);
char               *md_diary_add_custom_trigger      (MdDiary             *self,
                                                      const char          *label,
                                                      GError             **error);
char               *md_diary_get_symptom_label       (MdDiary             *self,
                                                      const char          *key);
char               *md_diary_get_trigger_label       (MdDiary             *self,
                                                      const char          *key);
GPtrArray          *md_diary_list_symptom_keys       (MdDiary             *self);
GPtrArray          *md_diary_list_trigger_keys       (MdDiary             *self);

/* Attacks */
GListModel         *md_diary_get_attacks             (MdDiary             *self);
MdAttack           *md_diary_get_attack              (MdDiary             *self,
                                                      const char          *uuid);
gboolean            md_diary_validate_attack         (MdDiary             *self,
                                                      MdAttack            *attack,
                                                      GError             **error);
gboolean            md_diary_save_attack             (MdDiary             *self,
                                                      MdAttack            *attack,
                                                      GError             **error);
GPtrArray          *md_diary_list_attacks            (MdDiary             *self,
                                                      gint64               from,
                                                      gint64               to);
MdDiaryUndo        *md_diary_delete_attack           (MdDiary             *self,
                                                      const char          *uuid,
                                                      GError             **error);

/* Doses */
MdDose             *md_diary_get_dose                (MdDiary             *self,
                                                      const char          *uuid);
const char         *md_diary_get_default_dose_purpose (MdDiary            *self,
                                                      MdDose              *dose);
gboolean            md_diary_validate_dose           (MdDiary             *self,
                                                      MdDose              *dose,
                                                      GError             **error);
gboolean            md_diary_save_dose               (MdDiary             *self,
                                                      MdDose              *dose,
                                                      GError             **error);
GPtrArray          *md_diary_list_doses              (MdDiary             *self,
                                                      gint64               from,
                                                      gint64               to);
GPtrArray          *md_diary_list_doses_for_attack   (MdDiary             *self,
                                                      const char          *attack_uuid);
MdDiaryUndo        *md_diary_delete_dose             (MdDiary             *self,
                                                      const char          *uuid,
                                                      GError             **error);

/* What a diary row shows of an attack beside the attack itself. */
typedef struct
{
  GPtrArray *doses;       /* (element-type MdDose): oldest first */
  GPtrArray *medications; /* (element-type MdMedication): each dose's, or %NULL */
  GPtrArray *readings;    /* (element-type MdPainReading): oldest first */
  GPtrArray *symptoms;    /* (element-type utf8): the labels of its symptoms */
} MdAttackDetails;

MdAttackDetails    *md_diary_read_attack_details     (MdDiary             *self,
                                                      const char          *attack_uuid);
void                md_attack_details_free           (MdAttackDetails     *details);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MdAttackDetails, md_attack_details_free)

/* Pain readings */
gboolean            md_diary_save_pain_reading       (MdDiary             *self,
                                                      MdPainReading       *reading,
                                                      GError             **error);
GPtrArray          *md_diary_list_pain_readings      (MdDiary             *self,
                                                      const char          *attack_uuid);
MdDiaryUndo        *md_diary_delete_pain_reading     (MdDiary             *self,
                                                      const char          *uuid,
                                                      GError             **error);

/* Recorded days */
gboolean            md_diary_save_day                (MdDiary             *self,
                                                      MdDay               *day,
                                                      GError             **error);
MdDay              *md_diary_get_day                 (MdDiary             *self,
                                                      const char          *date);
GPtrArray          *md_diary_list_days               (MdDiary             *self,
                                                      const char          *from_date,
                                                      const char          *to_date);
gboolean            md_diary_has_entry_on_day        (MdDiary             *self,
                                                      GDateTime           *day);
gboolean            md_diary_record_headache_free_day (MdDiary            *self,
                                                       const char         *date,
                                                       GError            **error);
gboolean            md_diary_record_headache_free_today (MdDiary          *self,
                                                      GError             **error);

/* Preventive courses */
gboolean            md_diary_save_preventive_course  (MdDiary             *self,
                                                      MdPreventiveCourse  *course,
                                                      GError             **error);
GPtrArray          *md_diary_list_preventive_courses (MdDiary             *self);

/* Reminders */
gboolean            md_diary_save_reminder           (MdDiary             *self,
                                                      MdReminder          *reminder,
                                                      GError             **error);
GPtrArray          *md_diary_list_reminders          (MdDiary             *self);
MdDiaryUndo        *md_diary_delete_reminder         (MdDiary             *self,
                                                      const char          *uuid,
                                                      GError             **error);
/* A dose's pain is asked again this long after it (the IHS 2-hour endpoint). */
#define MD_DIARY_FOLLOW_UP_SECONDS (2 * 3600)

gboolean            md_diary_follow_up_new_dose      (MdDiary             *self,
                                                      MdDose              *dose,
                                                      gboolean            *added,
                                                      GError             **error);
gboolean            md_diary_save_follow_up          (MdDiary             *self,
                                                      const char          *dose_uuid,
                                                      gint64               at,
                                                      GTimeZone           *zone,
                                                      GError             **error);

/* Undo */
gboolean            md_diary_undo                    (MdDiary             *self,
                                                      MdDiaryUndo         *undo,
                                                      GError             **error);
void                md_diary_undo_free               (MdDiaryUndo         *undo);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MdDiaryUndo, md_diary_undo_free)

G_END_DECLS
