/* md-diary-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "md-diary.h"

#include "md-context.h"

G_BEGIN_DECLS

#define MD_TYPE_DIARY_PAGE (md_diary_page_get_type ())

G_DECLARE_FINAL_TYPE (MdDiaryPage, md_diary_page, MD, DIARY_PAGE, AdwBin)

MdDiary  *md_diary_page_get_diary                    (MdDiaryPage *self);
void      md_diary_page_set_context                  (MdDiaryPage *self,
                                                      MdContext   *context);
void      md_diary_page_start_attack                 (MdDiaryPage *self);
gboolean  md_diary_page_log_attack_now               (MdDiaryPage *self,
                                                      int          pain,
                                                      int          nrs);
GtkSearchBar *md_diary_page_get_search_bar           (MdDiaryPage *self);
char     *md_diary_page_dup_ongoing_attack           (MdDiaryPage *self);
gboolean  md_diary_page_end_attack                   (MdDiaryPage *self,
                                                      const char  *uuid);
AdwToast *md_diary_page_delete_attack                (MdDiaryPage *self,
                                                      const char  *uuid);
gboolean  md_diary_page_record_headache_free_today   (MdDiaryPage *self);
GtkListView *md_diary_page_get_list_view             (MdDiaryPage *self);
GtkWidget *md_diary_page_log_dose                    (MdDiaryPage *self);
void      md_diary_page_go_to_date                   (MdDiaryPage *self,
                                                      GDateTime   *date);
GtkWidget *md_diary_page_edit_attack                 (MdDiaryPage *self,
                                                      const char  *uuid);
GtkWidget *md_diary_page_add_dose                    (MdDiaryPage *self,
                                                      const char  *attack_uuid);
void      md_diary_page_record_pain                  (MdDiaryPage *self,
                                                      const char  *attack_uuid);
gboolean  md_diary_page_save_pain_now                (MdDiaryPage *self,
                                                      const char  *attack_uuid,
                                                      int          pain,
                                                      int          nrs);

G_END_DECLS
