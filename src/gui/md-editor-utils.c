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

#include <math.h>

#include "md-accessible.h"
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

/* The wheel over a value scrolls the form, never the value: scrolling
 * an editor must not turn a 50 mg dose into 43 mg on the way down. */
static gboolean
value_scrolled_cb (GtkEventControllerScroll *controller,
                   double                    dx,
                   double                    dy,
                   gpointer                  user_data)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);

  if (scrolled != NULL)
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      double page = gtk_adjustment_get_page_size (adjustment);

      /* As GtkScrolledWindow steps for a wheel click. */
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + dy * pow (page, 2.0 / 3.0));
    }

  return GDK_EVENT_STOP;
}

/**
 * md_editor_guard_scroll:
 *
 * Makes the mouse wheel scroll the form over every spin button and scale
 * under @root instead of changing its value.
 */
void
md_editor_guard_scroll (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_SPIN_BUTTON (root) || GTK_IS_SCALE (root))
    {
      GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);

      gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
      g_signal_connect (scroll, "scroll", G_CALLBACK (value_scrolled_cb), NULL);
      gtk_widget_add_controller (root, scroll);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    md_editor_guard_scroll (child);
}

/* A form just opened shows no error: problems appear once the user has
 * changed something or pressed Save. */
static gboolean
is_touched (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return root != NULL && g_object_get_data (G_OBJECT (root), "md-editor-touched") != NULL;
}

/**
 * md_editor_mark_touched:
 * @editor: an editor window
 *
 * The user changed a field or pressed Save: from now on problems show.
 */
void
md_editor_mark_touched (GtkWidget *editor)
{
  g_return_if_fail (GTK_IS_WINDOW (editor));

  g_object_set_data (G_OBJECT (editor), "md-editor-touched", GINT_TO_POINTER (TRUE));
}

/**
 * md_editor_update_save:
 * @ok: whether the form can be saved
 *
 * Save waits until the problems are fixed, once they show; on a form not
 * touched yet it stays pressable, and pressing it shows them.
 */
void
md_editor_update_save (GtkWidget *editor,
                       gboolean   ok)
{
  g_return_if_fail (GTK_IS_WINDOW (editor));

  gtk_widget_action_set_enabled (editor, "editor.save", ok || !is_touched (editor));
}

/**
 * md_editor_mark_field:
 *
 * Marks @field as the one in error, once problems show.
 */
void
md_editor_mark_field (GtkWidget *field,
                      gboolean   error)
{
  if (error && is_touched (field))
    gtk_widget_add_css_class (field, "error");
  else
    gtk_widget_remove_css_class (field, "error");
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
  gboolean show = problem != NULL && is_touched (GTK_WIDGET (label));

  /* Hidden, the label leaves the accessibility tree rather than sit
   * there empty. */
  gtk_label_set_label (label, show ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (label), show);
  gtk_revealer_set_reveal_child (revealer, show);
}

/**
 * md_editor_set_problem:
 * @problem: the editor's problem, replaced
 * @error: (nullable): what is wrong, or %NULL when nothing is
 *
 * Keeps the editor's problem as @error says and shows it under the form.
 */
void
md_editor_set_problem (char         **problem,
                       const GError  *error,
                       GtkLabel      *label,
                       GtkRevealer   *revealer)
{
  g_clear_pointer (problem, g_free);
  if (error != NULL)
    *problem = g_strdup (error->message);

  md_editor_show_problem (label, revealer, *problem);
}

/**
 * md_editor_save:
 * @editor: the editor window
 * @validate: judges the form, keeping the editor's problem in @problem
 * @write: saves the record the form describes
 * @problem: the editor's problem
 *
 * The save flow of every editor: marks every field touched so that each
 * problem shows, validates, writes, and closes; on a problem it shows it
 * under the form and keeps everything typed.
 *
 * Returns: %TRUE when the record was saved and the editor closed
 */
gboolean
md_editor_save (GtkWindow             *editor,
                MdEditorValidateFunc   validate,
                MdEditorWriteFunc      write,
                char                 **problem,
                GtkLabel              *label,
                GtkRevealer           *revealer)
{
  g_autoptr(GError) error = NULL;

  md_editor_mark_touched (GTK_WIDGET (editor));
  validate (editor);
  if (*problem != NULL)
    return FALSE;

  if (!write (editor, &error))
    {
      md_editor_set_problem (problem, error, label, revealer);
      return FALSE;
    }

  gtk_window_close (editor);
  return TRUE;
}

/**
 * md_editor_new:
 * @type: the editor's type, a #GtkWindow
 * @parent: (nullable): the window the editor is modal over
 *
 * Creates an editor over @parent that closes when @context's diary
 * changes.
 *
 * Returns: (transfer none): the editor
 */
gpointer
md_editor_new (GType      type,
               GtkWindow *parent,
               MdContext *context)
{
  GtkWindow *editor = g_object_new (type,
                                    "transient-for", parent,
                                    "modal", parent != NULL,
                                    NULL);

  /* Its record belongs to this diary: when another diary takes its place
   * (a restored backup), the editor closes instead of saving into it. */
  g_signal_connect_object (context, "notify::diary", G_CALLBACK (gtk_window_destroy), editor,
                           G_CONNECT_SWAPPED);

  return editor;
}

/**
 * md_editor_offer_medications:
 * @offered: says which medications of the diary are offered; its data is
 *   a copy of @uuid, the medication the record uses
 *
 * Offers in @chooser the medications of @context's diary that @offered
 * keeps, as the list changes.
 *
 * Returns: (transfer full): the list offered
 */
GtkFilterListModel *
md_editor_offer_medications (MdMedicationChooser *chooser,
                             MdContext           *context,
                             GtkCustomFilterFunc  offered,
                             const char          *uuid)
{
  GtkCustomFilter *filter = gtk_custom_filter_new (offered, g_strdup (uuid), g_free);
  GListModel *all = md_diary_get_medications (md_context_get_diary (context));
  GtkFilterListModel *medications = gtk_filter_list_model_new (g_object_ref (all), GTK_FILTER (filter));

  md_medication_chooser_set_model (chooser, G_LIST_MODEL (medications));

  return medications;
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

typedef struct
{
  GtkWindow          *editor;
  MdEditorDeleteFunc  callback;
  gpointer            data;
} DeleteOffer;

static void
delete_clicked_cb (GtkButton   *button,
                   DeleteOffer *offer)
{
  offer->callback (offer->data);
  gtk_window_close (offer->editor);
}

static void
delete_offer_free (gpointer  data,
                   GClosure *closure)
{
  g_free (data);
}

static AdwPreferencesPage *
find_page (GtkWidget *widget)
{
  if (ADW_IS_PREFERENCES_PAGE (widget))
    return ADW_PREFERENCES_PAGE (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwPreferencesPage *page = find_page (child);

      if (page != NULL)
        return page;
    }

  return NULL;
}

/**
 * md_editor_offer_delete:
 * @label: the button's label, such as "Delete Attack"
 * @callback: (scope notified): deletes, with undo, where the entry is
 *   listed
 * @data: (transfer full): for @callback, freed with @destroy
 *
 * Delete lives in the editor of a saved entry, at the bottom of its form:
 * the button deletes and closes the editor.
 */
void
md_editor_offer_delete (GtkWindow          *editor,
                        const char         *label,
                        MdEditorDeleteFunc  callback,
                        gpointer            data,
                        GDestroyNotify      destroy)
{
  AdwPreferencesPage *page;
  AdwPreferencesGroup *group;
  GtkWidget *button;
  DeleteOffer *offer;

  g_return_if_fail (GTK_IS_WINDOW (editor));

  page = find_page (GTK_WIDGET (editor));
  g_return_if_fail (page != NULL);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  button = gtk_button_new_with_label (label);
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "destructive-action");
  adw_preferences_group_add (group, button);
  adw_preferences_page_add (page, group);
  md_accessible_fix_names (button);

  offer = g_new0 (DeleteOffer, 1);
  offer->editor = editor;
  offer->callback = callback;
  offer->data = data;
  g_signal_connect_data (button, "clicked", G_CALLBACK (delete_clicked_cb), offer, delete_offer_free, 0);
  if (destroy != NULL)
    g_object_set_data_full (G_OBJECT (button), "md-delete-data", data, destroy);
}
