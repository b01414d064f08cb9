/* md-diary-page-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by md-diary-page.c (the view, its list and the editors it
 * opens) and md-diary-page-actions.c (what its actions do).
 */

#pragma once

#include "md-context.h"
#include "md-date-time-button.h"
#include "md-diary-page.h"
#include "md-timeline.h"

G_BEGIN_DECLS

struct _MdDiaryPage
{
  AdwBin       parent_instance;

  /* Template widgets */
  GtkStack       *stack;
  GtkListView    *list_view;
  GtkSearchBar   *search_bar;
  GtkSearchEntry *search_entry;
  MdDateTimeButton *jump_button;

  /* Owned */
  MdContext      *context; /* followed: the page shows its diary */
  MdDiary        *diary;
  MdTimeline     *timeline;
  GtkNoSelection *selection;
};

G_GNUC_INTERNAL
void       md_diary_page_add_toast             (MdDiaryPage    *self,
                                                AdwToast       *toast);
G_GNUC_INTERNAL
void       md_diary_page_show_error            (MdDiaryPage    *self,
                                                GError         *error);
G_GNUC_INTERNAL
void       md_diary_page_return_focus_on_close (MdDiaryPage    *self,
                                                GtkWidget      *editor,
                                                const char     *uuid);
G_GNUC_INTERNAL
GtkWidget *md_diary_page_open_dose_editor      (MdDiaryPage    *self,
                                                MdDose         *dose);
G_GNUC_INTERNAL
void       md_diary_page_open_day_editor       (MdDiaryPage    *self,
                                                const char     *date);
G_GNUC_INTERNAL
void       md_diary_page_class_add_actions     (GtkWidgetClass *widget_class);

G_END_DECLS
