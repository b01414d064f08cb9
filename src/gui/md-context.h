/* md-context.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "md-diary.h"
#include "md-reminder-service.h"

G_BEGIN_DECLS

#define MD_TYPE_CONTEXT (md_context_get_type ())

G_DECLARE_FINAL_TYPE (MdContext, md_context, MD, CONTEXT, GObject)

MdContext  *md_context_new           (GSettings      *settings);
MdDiary    *md_context_get_diary     (MdContext      *self);
void        md_context_set_diary     (MdContext      *self,
                                      MdDiary        *diary);
GSettings  *md_context_get_settings  (MdContext      *self);
MdReminderService *md_context_get_reminder_service (MdContext *self);
gboolean    md_context_follow        (MdContext     **field,
                                      MdContext      *context,
                                      gpointer        follower,
                                      GCallback       diary_changed);
gint64      md_context_now           (MdContext      *self);
GDateTime  *md_context_now_local     (MdContext      *self);
void        md_context_set_now_func  (MdContext      *self,
                                      MdDiaryNowFunc  func,
                                      gpointer        user_data);

G_END_DECLS
