/* md-undo-toast.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "md-diary.h"

G_BEGIN_DECLS

/* Puts back what @undo took away, in the diary @page shows now. */
typedef void (*MdUndoToastFunc) (gpointer     page,
                                 MdDiaryUndo *undo);

AdwToast *md_undo_toast_new (const char      *title,
                             gpointer         page,
                             MdDiaryUndo     *undo,
                             MdUndoToastFunc  undo_func);
void      md_toast_show     (GtkWidget       *widget,
                             AdwToast        *toast);
void      md_error_dialog_show (GtkWidget    *widget,
                                const char   *heading,
                                const GError *error);
void      md_save_error_show   (GtkWidget    *widget,
                                const GError *error);

G_END_DECLS
