/* md-pain-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MD_TYPE_PAIN_DIALOG (md_pain_dialog_get_type ())

G_DECLARE_FINAL_TYPE (MdPainDialog, md_pain_dialog, MD, PAIN_DIALOG, AdwWindow)

MdPainDialog *md_pain_dialog_new      (GtkWindow    *parent,
                                       const char   *heading);
int           md_pain_dialog_get_pain (MdPainDialog *self);
int           md_pain_dialog_get_nrs  (MdPainDialog *self);
void          md_pain_dialog_save     (MdPainDialog *self);

G_END_DECLS
