/* md-preventive-course.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "md-preventive-course"

#include "config.h"

#include "md-preventive-course.h"

G_DEFINE_FINAL_TYPE (MdPreventiveCourse, md_preventive_course, G_TYPE_OBJECT)

static void
md_preventive_course_finalize (GObject *object)
{
  MdPreventiveCourse *self = MD_PREVENTIVE_COURSE (object);

  g_free (self->uuid);
  g_free (self->medication_uuid);
  g_free (self->start_date);
  g_free (self->end_date);
  g_free (self->unit);
  g_free (self->notes);
  g_free (self->end_reason);
  g_free (self->end_reason_notes);

  G_OBJECT_CLASS (md_preventive_course_parent_class)->finalize (object);
}

static void
md_preventive_course_class_init (MdPreventiveCourseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = md_preventive_course_finalize;
}

static void
md_preventive_course_init (MdPreventiveCourse *self)
{
  self->amount = -1;
}

MdPreventiveCourse *
md_preventive_course_new (void)
{
  return g_object_new (MD_TYPE_PREVENTIVE_COURSE, NULL);
}

/**
 * md_preventive_course_copy:
 *
 * Returns: (transfer full): a deep copy, e.g. to edit without touching
 *   what a list shows
 */
MdPreventiveCourse *
md_preventive_course_copy (MdPreventiveCourse *self)
{
  MdPreventiveCourse *copy;

  g_return_val_if_fail (MD_IS_PREVENTIVE_COURSE (self), NULL);

  copy = md_preventive_course_new ();
  copy->uuid = g_strdup (self->uuid);
  copy->medication_uuid = g_strdup (self->medication_uuid);
  copy->start_date = g_strdup (self->start_date);
  copy->end_date = g_strdup (self->end_date);
  copy->amount = self->amount;
  copy->unit = g_strdup (self->unit);
  copy->notes = g_strdup (self->notes);
  copy->end_reason = g_strdup (self->end_reason);
  copy->end_reason_notes = g_strdup (self->end_reason_notes);

  return copy;
}
