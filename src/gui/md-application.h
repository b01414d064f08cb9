/* md-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "md-context.h"
#include "md-diary.h"
#include "md-reminder-service.h"

G_BEGIN_DECLS

#define MD_TYPE_APPLICATION (md_application_get_type ())

G_DECLARE_FINAL_TYPE (MdApplication, md_application, MD, APPLICATION, AdwApplication)

MdApplication *md_application_new                (void);
const char    *md_application_get_database_path  (MdApplication *self);
void           md_application_set_database_path  (MdApplication *self,
                                                  const char    *database_path);
GSettings     *md_application_get_settings       (MdApplication *self);
MdDiary       *md_application_get_diary          (MdApplication *self);
MdContext     *md_application_get_context        (MdApplication *self);
gboolean       md_application_restore_backup     (MdApplication  *self,
                                                  const char     *backup_path,
                                                  GError        **error);
guint          md_application_get_activate_count (MdApplication *self);
MdReminderService *md_application_get_reminder_service (MdApplication *self);
void           md_application_ensure_gtk         (MdApplication *self);
GtkWindow     *md_application_ensure_window_parent (MdApplication *self);

G_END_DECLS
