/* md-preventive-course.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define MD_TYPE_PREVENTIVE_COURSE (md_preventive_course_get_type ())

G_DECLARE_FINAL_TYPE (MdPreventiveCourse, md_preventive_course, MD, PREVENTIVE_COURSE, GObject)

/**
 * MdPreventiveCourse:
 *
 * A course of a preventive treatment. A plain record: the repository (#MdDiary) reads and writes it;
 * the fields are public so editors and statistics read them directly.
 */
struct _MdPreventiveCourse
{
  GObject parent_instance;

  char     *uuid; /* stable identifier */
  char     *medication_uuid; /* the medication */
  char     *start_date; /* YYYY-MM-DD */
  char     *end_date; /* YYYY-MM-DD, or NULL while it goes on */
  double    amount; /* daily or per-session amount, or -1 */
  char     *unit; /* unit of @amount */
  char     *notes; /* free text */
  char     *end_reason; /* why it ended: "not-effective", "side-effects", "other", or NULL
                         * while it goes on (or when not said) */
  char     *end_reason_notes; /* which side effects, or the other reason */
};

MdPreventiveCourse *md_preventive_course_new  (void);
MdPreventiveCourse *md_preventive_course_copy (MdPreventiveCourse *self);

G_END_DECLS
