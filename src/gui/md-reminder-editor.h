/* md-reminder-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "md-context.h"
#include "md-diary.h"

G_BEGIN_DECLS

#define MD_TYPE_REMINDER_EDITOR (md_reminder_editor_get_type ())

G_DECLARE_FINAL_TYPE (MdReminderEditor, md_reminder_editor, MD, REMINDER_EDITOR, AdwWindow)

MdReminderEditor *md_reminder_editor_new         (GtkWindow        *parent,
                                                  MdContext        *context,
                                                  MdReminder       *reminder);
const char       *md_reminder_editor_get_problem (MdReminderEditor *self);
gboolean          md_reminder_editor_save        (MdReminderEditor *self);

G_END_DECLS
