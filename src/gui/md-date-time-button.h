/* md-date-time-button.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "md-context.h"

G_BEGIN_DECLS

#define MD_TYPE_DATE_TIME_BUTTON (md_date_time_button_get_type ())

G_DECLARE_FINAL_TYPE (MdDateTimeButton, md_date_time_button, MD, DATE_TIME_BUTTON, GtkWidget)

GtkWidget *md_date_time_button_new           (void);
GDateTime *md_date_time_button_get_date_time (MdDateTimeButton *self);
void       md_date_time_button_set_date_time (MdDateTimeButton *self,
                                              GDateTime        *date_time);
char      *md_date_time_format_for_display   (GDateTime        *date_time);

void              md_date_time_button_set_context   (MdDateTimeButton *self,
                                                     MdContext        *context);

G_END_DECLS
