/* md-dose-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "md-context.h"
#include "md-diary.h"

G_BEGIN_DECLS

#define MD_TYPE_DOSE_EDITOR (md_dose_editor_get_type ())

G_DECLARE_FINAL_TYPE (MdDoseEditor, md_dose_editor, MD, DOSE_EDITOR, AdwWindow)

MdDoseEditor *md_dose_editor_new             (GtkWindow    *parent,
                                              MdContext    *context,
                                              MdDose       *dose);
void          md_dose_editor_set_medication  (MdDoseEditor *self,
                                              const char   *medication_uuid);
MdDose       *md_dose_editor_get_dose        (MdDoseEditor *self);
const char   *md_dose_editor_get_problem     (MdDoseEditor *self);
gboolean      md_dose_editor_save            (MdDoseEditor *self);

G_END_DECLS
