/* md-day-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "md-context.h"
#include "md-diary.h"

G_BEGIN_DECLS

#define MD_TYPE_DAY_EDITOR (md_day_editor_get_type ())

G_DECLARE_FINAL_TYPE (MdDayEditor, md_day_editor, MD, DAY_EDITOR, AdwWindow)

MdDayEditor *md_day_editor_new      (GtkWindow   *parent,
                                     MdContext   *context,
                                     GDateTime   *day);
void         md_day_editor_set_day  (MdDayEditor *self,
                                     GDateTime   *day);
gboolean     md_day_editor_save     (MdDayEditor *self);

G_END_DECLS
