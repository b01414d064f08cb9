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

G_END_DECLS
