/* md-pain-picker.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "md-catalogue.h"

G_BEGIN_DECLS

#define MD_TYPE_PAIN_PICKER (md_pain_picker_get_type ())

G_DECLARE_FINAL_TYPE (MdPainPicker, md_pain_picker, MD, PAIN_PICKER, GtkWidget)

/* -1 means "not given" for both scales. */
#define MD_PAIN_UNSET (-1)

GtkWidget  *md_pain_picker_new        (void);
int         md_pain_picker_get_pain   (MdPainPicker *self);
void        md_pain_picker_set_pain   (MdPainPicker *self,
                                       int           pain);
int         md_pain_picker_get_nrs    (MdPainPicker *self);
void        md_pain_picker_set_nrs    (MdPainPicker *self,
                                       int           nrs);
int         md_pain_picker_get_focus_level (MdPainPicker *self);
const char *md_pain_level_get_meaning (int           pain);

G_END_DECLS
