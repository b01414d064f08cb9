/* md-schedule.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  MD_SCHEDULE_DAILY,        /* at times of day, on chosen weekdays */
  MD_SCHEDULE_EVERY_N_DAYS, /* at times of day, every N days from a start date */
  MD_SCHEDULE_ONCE,         /* at one date and time, with an advance notice */
} MdScheduleKind;

typedef struct _MdSchedule MdSchedule;

MdSchedule     *md_schedule_parse            (const char        *text,
                                              GError           **error);
MdSchedule     *md_schedule_new_instant      (GDateTime         *at);
char           *md_schedule_to_string        (const MdSchedule  *self);
void            md_schedule_free             (MdSchedule        *self);
MdScheduleKind  md_schedule_get_kind         (const MdSchedule  *self);
char           *md_schedule_get_times        (const MdSchedule  *self);
guint           md_schedule_get_weekdays     (const MdSchedule  *self);
guint           md_schedule_get_every        (const MdSchedule  *self,
                                              GDate             *start);
gint64          md_schedule_get_once         (const MdSchedule  *self,
                                              GDate             *date,
                                              int               *minutes);
gboolean        md_schedule_is_instant       (const MdSchedule  *self);
gboolean        md_schedule_validate         (const MdSchedule  *self,
                                              GDateTime         *now,
                                              GError           **error);
GDateTime      *md_schedule_next_occurrence  (const MdSchedule  *self,
                                              GDateTime         *after);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MdSchedule, md_schedule_free)

G_END_DECLS
