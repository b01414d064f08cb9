/* md-reminder.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define MD_TYPE_REMINDER (md_reminder_get_type ())

G_DECLARE_FINAL_TYPE (MdReminder, md_reminder, MD, REMINDER, GObject)

/**
 * MdReminder:
 *
 * A reminder the reminder service fires. A plain record: the repository (#MdDiary) reads and writes it;
 * the fields are public so editors and statistics read them directly.
 */
struct _MdReminder
{
  GObject parent_instance;

  char     *uuid; /* stable identifier */
  char     *kind; /* "check-in", "medication", "appointment" or "follow-up" */
  char     *title; /* shown in the notification */
  char     *schedule; /* the schedule, in the reminders module's text form */
  char     *medication_uuid; /* for medication reminders, or NULL */
  char     *dose_uuid; /* for follow-ups, or NULL */
  gboolean  enabled; /* whether it fires */
  gint64    last_fired; /* unix seconds of the last firing, or 0 */
  gint64    snoozed_until; /* unix seconds, or 0 */
};

MdReminder *md_reminder_new  (void);
MdReminder *md_reminder_copy (MdReminder *self);

G_END_DECLS
