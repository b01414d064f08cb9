/* md-row-list.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "md-database.h"

G_BEGIN_DECLS

#define MD_TYPE_ROW_LIST (md_row_list_get_type ())

G_DECLARE_FINAL_TYPE (MdRowList, md_row_list, MD, ROW_LIST, GObject)

typedef gpointer (*MdRowListLoadFunc) (gint64   rowid,
                                       gpointer user_data);

MdRowList *md_row_list_new    (GType              item_type,
                               MdDatabase        *database,
                               const char        *rowid_sql,
                               MdRowListLoadFunc  load,
                               gpointer           user_data);
void       md_row_list_reload      (MdRowList *self);
void       md_row_list_row_changed (MdRowList *self,
                                    gint64     rowid);

void       md_row_list_detach      (MdRowList *self);

G_END_DECLS
