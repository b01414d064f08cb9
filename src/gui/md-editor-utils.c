/* md-editor-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every editor window shares: the same keys (Escape cancels,
 * Ctrl+Enter saves), the problem sentence under the header bar, and
 * combo rows over the fixed vocabularies.
 */

#define G_LOG_DOMAIN "md-editor-utils"

#include "config.h"

#include "md-editor-utils.h"

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/**
 * md_editor_class_install_actions:
 * @save: what editor.save does
 *
 * Installs editor.save and editor.cancel on an editor window class, bound
 * to Ctrl+Enter and Escape.
 */
void
md_editor_class_install_actions (GtkWidgetClass              *widget_class,
                                 GtkWidgetActionActivateFunc  save)
{
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
}

/**
 * md_editor_show_problem:
 * @problem: (nullable): the sentence that says what is wrong, or %NULL
 */
void
md_editor_show_problem (GtkLabel    *label,
                        GtkRevealer *revealer,
                        const char  *problem)
{
  gtk_label_set_label (label, problem != NULL ? problem : "");
  gtk_revealer_set_reveal_child (revealer, problem != NULL);
}

/**
 * md_catalogue_fill_combo_row:
 *
 * Lists the translated labels of @catalogue, in its order, so that the
 * selected position is md_catalogue_get_position() of a key.
 */
void
md_catalogue_fill_combo_row (AdwComboRow *row,
                             MdCatalogue  catalogue)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  guint n;
  const MdCatalogueEntry *entries = md_catalogue_get_entries (catalogue, &n);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, md_catalogue_get_label (catalogue, entries[i].key));

  adw_combo_row_set_model (row, G_LIST_MODEL (list));
}
