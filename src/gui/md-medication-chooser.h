/* md-medication-chooser.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "md-medication.h"

G_BEGIN_DECLS

#define MD_TYPE_MEDICATION_CHOOSER (md_medication_chooser_get_type ())

G_DECLARE_FINAL_TYPE (MdMedicationChooser, md_medication_chooser, MD, MEDICATION_CHOOSER, GtkWidget)

GtkWidget    *md_medication_chooser_new               (void);
GListModel   *md_medication_chooser_get_model         (MdMedicationChooser *self);
void          md_medication_chooser_set_model         (MdMedicationChooser *self,
                                                       GListModel          *model);
guint         md_medication_chooser_get_selected      (MdMedicationChooser *self);
void          md_medication_chooser_set_selected      (MdMedicationChooser *self,
                                                       guint                position);
MdMedication *md_medication_chooser_get_selected_item (MdMedicationChooser *self);
void          md_medication_chooser_select_uuid       (MdMedicationChooser *self,
                                                       const char          *uuid);

G_END_DECLS
