/* md-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "md-application.h"

G_BEGIN_DECLS

#define MD_TYPE_WINDOW (md_window_get_type ())

G_DECLARE_FINAL_TYPE (MdWindow, md_window, MD, WINDOW, AdwApplicationWindow)

MdWindow   *md_window_new            (MdApplication *application);
const char *md_window_get_view_name  (MdWindow      *self);
void        md_window_show_view      (MdWindow      *self,
                                      const char    *view_name);
void        md_window_add_toast      (MdWindow      *self,
                                      AdwToast      *toast);
void        md_window_import_csv     (MdWindow      *self,
                                      const char    *file);
void        md_window_export_csv     (MdWindow      *self,
                                      const char    *file);
gboolean    md_window_is_busy        (MdWindow      *self);
GtkWidget  *md_window_get_reminders_page (MdWindow      *self);
GtkWidget  *md_window_get_diary_page (MdWindow      *self);

GtkWidget  *md_window_get_charts_page      (MdWindow      *self);
void        md_window_export_report        (MdWindow      *self,
                                            const char    *file);
void        md_window_print_report_to_file (MdWindow      *self,
                                            const char    *file);

G_END_DECLS
