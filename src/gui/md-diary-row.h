/* md-diary-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "md-diary.h"

G_BEGIN_DECLS

#define MD_TYPE_DIARY_ROW (md_diary_row_get_type ())

G_DECLARE_FINAL_TYPE (MdDiaryRow, md_diary_row, MD, DIARY_ROW, GtkBox)

GtkWidget  *md_diary_row_new        (void);
void        md_diary_row_bind       (MdDiaryRow *self,
                                     MdDiary    *diary,
                                     GObject    *item);
GObject    *md_diary_row_get_item   (MdDiaryRow *self);
const char *md_diary_row_get_uuid   (MdDiaryRow *self);

G_END_DECLS
