/* md-reminder-text.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *md_reminder_format_time_of_day (GDateTime  *time);
char *md_reminder_describe_next      (GDateTime  *next,
                                      GDateTime  *now);
char *md_reminder_describe_late      (GDateTime  *due,
                                     GDateTime  *now);
char *md_reminder_describe_check_in_day (GDateTime *day);

/* What a reminder's notification is about, for
 * md_reminder_describe_notification(). */
typedef struct
{
  const char *kind;        /* "check-in", "medication", "appointment" or "follow-up" */
  const char *title;       /* the reminder's own title */
  const char *medication;  /* (nullable) the medication's name: a medication
                            * reminder's, or the dose's of a follow-up */
  GDateTime  *appointment; /* (nullable) an appointment's own time */
  GDateTime  *due;         /* when the reminder was due, local time */
  GDateTime  *now;
  gboolean    late;        /* told later than its time */
  gboolean    show_names;  /* the preference "show-medication-names" */
} MdReminderNotice;

void  md_reminder_describe_notification (const MdReminderNotice  *notice,
                                         char                   **summary,
                                         char                   **body);

G_END_DECLS
