/* md-reminder-service.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "md-diary.h"

G_BEGIN_DECLS

#define MD_TYPE_REMINDER_SERVICE (md_reminder_service_get_type ())

G_DECLARE_FINAL_TYPE (MdReminderService, md_reminder_service, MD, REMINDER_SERVICE, GObject)

MdReminderService *md_reminder_service_new          (MdDiary           *diary);
void               md_reminder_service_set_clock    (MdReminderService *self,
                                                     MdDiaryNowFunc     now,
                                                     gpointer           user_data);
void               md_reminder_service_set_time_zone (MdReminderService *self,
                                                     GTimeZone         *zone);
void               md_reminder_service_start        (MdReminderService *self);
void               md_reminder_service_check        (MdReminderService *self);
gint64             md_reminder_service_get_next_due (MdReminderService *self);
gboolean           md_reminder_service_is_armed     (MdReminderService *self);
gboolean           md_reminder_service_snooze       (MdReminderService *self,
                                                     const char        *uuid,
                                                     gint64             seconds,
                                                     GError           **error);
void               md_reminder_service_set_follow_up_day_after (MdReminderService *self,
                                                               gboolean           follow_up_day_after);
guint              md_reminder_service_get_n_wakeups (MdReminderService *self);
void               md_reminder_service_expire_timer (MdReminderService *self);

G_END_DECLS
