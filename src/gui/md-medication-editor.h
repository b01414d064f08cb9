/* md-medication-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "md-context.h"
#include "md-diary.h"

G_BEGIN_DECLS

#define MD_TYPE_MEDICATION_EDITOR (md_medication_editor_get_type ())

G_DECLARE_FINAL_TYPE (MdMedicationEditor, md_medication_editor, MD, MEDICATION_EDITOR, AdwWindow)

MdMedicationEditor *md_medication_editor_new         (GtkWindow          *parent,
                                                      MdContext          *context,
                                                      MdMedication       *medication);
const char         *md_medication_editor_get_problem (MdMedicationEditor *self);
gboolean            md_medication_editor_save        (MdMedicationEditor *self);
const char         *md_medication_editor_get_saved_uuid (MdMedicationEditor *self);

G_END_DECLS
