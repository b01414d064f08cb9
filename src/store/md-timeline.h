/* md-timeline.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "md-diary.h"

G_BEGIN_DECLS

#define MD_TYPE_TIMELINE_HEADER (md_timeline_header_get_type ())

G_DECLARE_FINAL_TYPE (MdTimelineHeader, md_timeline_header, MD, TIMELINE_HEADER, GObject)

const char *md_timeline_header_get_title (MdTimelineHeader *self);
const char *md_timeline_header_get_month (MdTimelineHeader *self);

#define MD_TYPE_TIMELINE (md_timeline_get_type ())

G_DECLARE_FINAL_TYPE (MdTimeline, md_timeline, MD, TIMELINE, GObject)

MdTimeline *md_timeline_new             (MdDiary    *diary);
MdTimeline *md_timeline_new_in_background (MdDiary  *diary,
                                         gint64      threshold);
gboolean    md_timeline_is_loading      (MdTimeline *self);
void        md_timeline_set_search      (MdTimeline *self,
                                         const char *text);
const char *md_timeline_get_search      (MdTimeline *self);
guint       md_timeline_find_date       (MdTimeline *self,
                                         const char *date);

G_END_DECLS
