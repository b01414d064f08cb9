/* md-course-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "md-context.h"
#include "md-diary.h"

G_BEGIN_DECLS

#define MD_TYPE_COURSE_EDITOR (md_course_editor_get_type ())

G_DECLARE_FINAL_TYPE (MdCourseEditor, md_course_editor, MD, COURSE_EDITOR, AdwWindow)

MdCourseEditor *md_course_editor_new         (GtkWindow          *parent,
                                              MdContext          *context,
                                              MdPreventiveCourse *course);
const char     *md_course_editor_get_problem (MdCourseEditor     *self);
gboolean        md_course_editor_save        (MdCourseEditor     *self);

G_END_DECLS
