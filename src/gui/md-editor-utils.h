/* md-editor-utils.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "md-catalogue.h"
#include "md-context.h"
#include "md-medication-chooser.h"

G_BEGIN_DECLS

void md_editor_class_install_actions (GtkWidgetClass              *widget_class,
                                      GtkWidgetActionActivateFunc  save);
void md_editor_guard_scroll          (GtkWidget                   *root);
void md_editor_mark_touched          (GtkWidget                   *editor);
void md_editor_update_save           (GtkWidget                   *editor,
                                      gboolean                     ok);
void md_editor_mark_field            (GtkWidget                   *field,
                                      gboolean                     error);
typedef void (*MdEditorDeleteFunc) (gpointer data);

void md_editor_offer_delete          (GtkWindow                   *editor,
                                      const char                  *label,
                                      MdEditorDeleteFunc           callback,
                                      gpointer                     data,
                                      GDestroyNotify               destroy);
void md_editor_show_problem          (GtkLabel                    *label,
                                      GtkRevealer                 *revealer,
                                      const char                  *problem);
void md_editor_set_problem          (char                       **problem,
                                      const GError                *error,
                                      GtkLabel                    *label,
                                      GtkRevealer                 *revealer);
typedef void     (*MdEditorValidateFunc) (gpointer   editor);
typedef gboolean (*MdEditorWriteFunc)    (gpointer   editor,
                                          GError   **error);

gboolean md_editor_save              (GtkWindow                   *editor,
                                      MdEditorValidateFunc         validate,
                                      MdEditorWriteFunc            write,
                                      char                       **problem,
                                      GtkLabel                    *label,
                                      GtkRevealer                 *revealer);
gpointer md_editor_new                (GType                        type,
                                      GtkWindow                   *parent,
                                      MdContext                   *context);
GtkFilterListModel *md_editor_offer_medications (MdMedicationChooser         *chooser,
                                                 MdContext                   *context,
                                                 GtkCustomFilterFunc          offered,
                                                 const char                  *uuid);
void md_catalogue_fill_combo_row     (AdwComboRow                 *row,
                                      MdCatalogue                  catalogue);

G_END_DECLS
