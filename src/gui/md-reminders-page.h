/* md-reminders-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "md-diary.h"

#include "md-context.h"

G_BEGIN_DECLS

#define MD_TYPE_REMINDERS_PAGE (md_reminders_page_get_type ())

G_DECLARE_FINAL_TYPE (MdRemindersPage, md_reminders_page, MD, REMINDERS_PAGE, AdwBin)

void        md_reminders_page_set_context     (MdRemindersPage *self,
                                               MdContext       *context);
GtkListBox *md_reminders_page_get_list_box    (MdRemindersPage *self);
GtkWidget  *md_reminders_page_add_reminder    (MdRemindersPage *self);
GtkWidget  *md_reminders_page_edit_reminder   (MdRemindersPage *self,
                                               const char      *uuid);
AdwToast   *md_reminders_page_delete_reminder (MdRemindersPage *self,
                                               const char      *uuid);

G_END_DECLS
