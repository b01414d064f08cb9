/* md-medication-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A medication of the catalogue: name, class (by product, as CLINICAL.md
 * counts them), acute or preventive, default amount and unit, route, and
 * whether it is archived — a medication that was ever taken is archived,
 * never deleted.
 */

#define G_LOG_DOMAIN "md-medication-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "md-accessible.h"
#include "md-editor-utils.h"

#include "md-catalogue.h"
#include "md-context.h"
#include "md-medication-editor.h"

struct _MdMedicationEditor
{
  AdwWindow      parent_instance;

  /* Template widgets */
  AdwEntryRow   *name_row;
  AdwComboRow   *class_row;
  AdwComboRow   *use_row;
  GtkSpinButton *amount_spin;
  GtkEntry      *unit_entry;
  AdwComboRow   *route_row;
  GtkSwitch     *archived_switch;
  GtkLabel      *problem_label;
  GtkRevealer   *problem_revealer;

  /* Owned */
  MdContext     *context; /* the diary is the context's: never kept */
  MdMedication  *medication;
  char          *problem;

  gboolean       loading;
  gboolean       saved;
};

G_DEFINE_FINAL_TYPE (MdMedicationEditor, md_medication_editor, ADW_TYPE_WINDOW)

static void
validate (MdMedicationEditor *self)
{
  MdMedication *m = self->medication;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  {
    const char *text = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
    const char *preset = md_catalogue_get_preset_name (m->builtin_key);

    /* A preset's name left as shown (translated) stays the English one
     * it is stored as, and so stays translated; any other text renames it. */
    g_free (m->name);
    m->name = g_strdup (preset != NULL && g_str_equal (text, _(preset)) ? preset : text);
  }
  g_free (m->med_class);
  m->med_class = g_strdup (md_catalogue_get_key_at (MD_CATALOGUE_MEDICATION_CLASS, adw_combo_row_get_selected (self->class_row)));
  g_free (m->use);
  m->use = g_strdup (md_catalogue_get_key_at (MD_CATALOGUE_USE, adw_combo_row_get_selected (self->use_row)));
  m->default_amount = gtk_spin_button_get_value (self->amount_spin);
  g_free (m->unit);
  m->unit = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->unit_entry))));
  g_free (m->route);
  m->route = g_strdup (md_catalogue_get_key_at (MD_CATALOGUE_ROUTE, adw_combo_row_get_selected (self->route_row)));
  m->archived = gtk_switch_get_active (self->archived_switch);

  ok = md_diary_validate_medication (md_context_get_diary (self->context), m, &error);

  md_editor_set_problem (&self->problem, ok ? NULL : error,
                         self->problem_label, self->problem_revealer);
  md_editor_update_save (GTK_WIDGET (self), ok);
  md_editor_mark_field (GTK_WIDGET (self->name_row),
                        self->problem != NULL && g_str_has_prefix (self->problem, _("Name")));
}

static gboolean
write_medication (gpointer   data,
                  GError   **error)
{
  MdMedicationEditor *self = data;

  self->saved = md_diary_save_medication (md_context_get_diary (self->context), self->medication, error);
  return self->saved;
}

static void
form_changed_cb (MdMedicationEditor *self)
{
  if (self->medication == NULL || self->loading)
    return;

  md_editor_mark_touched (GTK_WIDGET (self));
  validate (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  md_medication_editor_save (MD_MEDICATION_EDITOR (widget));
}

static void
md_medication_editor_dispose (GObject *object)
{
  MdMedicationEditor *self = MD_MEDICATION_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MD_TYPE_MEDICATION_EDITOR);
  g_clear_object (&self->context);
  g_clear_object (&self->medication);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (md_medication_editor_parent_class)->dispose (object);
}

static void
md_medication_editor_class_init (MdMedicationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = md_medication_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/md-medication-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, MdMedicationEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, MdMedicationEditor, class_row);
  gtk_widget_class_bind_template_child (widget_class, MdMedicationEditor, use_row);
  gtk_widget_class_bind_template_child (widget_class, MdMedicationEditor, amount_spin);
  gtk_widget_class_bind_template_child (widget_class, MdMedicationEditor, unit_entry);
  gtk_widget_class_bind_template_child (widget_class, MdMedicationEditor, route_row);
  gtk_widget_class_bind_template_child (widget_class, MdMedicationEditor, archived_switch);
  gtk_widget_class_bind_template_child (widget_class, MdMedicationEditor, problem_label);
  gtk_widget_class_bind_template_child (widget_class, MdMedicationEditor, problem_revealer);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);

  md_editor_class_install_actions (widget_class, save_action);
}

static void
md_medication_editor_init (MdMedicationEditor *self)
{
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  md_accessible_fix_names_when_mapped (GTK_WIDGET (self));
  md_editor_guard_scroll (GTK_WIDGET (self));

  md_catalogue_fill_combo_row (self->class_row, MD_CATALOGUE_MEDICATION_CLASS);
  md_catalogue_fill_combo_row (self->use_row, MD_CATALOGUE_USE);
  md_catalogue_fill_combo_row (self->route_row, MD_CATALOGUE_ROUTE);
}

/**
 * md_medication_editor_new:
 * @medication: (nullable): the medication to edit; %NULL for a new one
 */
MdMedicationEditor *
md_medication_editor_new (GtkWindow    *parent,
                          MdContext    *context,
                          MdMedication *medication)
{
  MdMedicationEditor *self;
  MdMedication *m;

  g_return_val_if_fail (MD_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (md_context_get_diary (context) != NULL, NULL);

  self = md_editor_new (MD_TYPE_MEDICATION_EDITOR, parent, context);
  self->context = g_object_ref (context);
  self->medication = medication != NULL ? md_medication_copy (medication) : md_medication_new ();
  m = self->medication;

  gtk_window_set_title (GTK_WINDOW (self), medication != NULL ? _("Medication") : _("New Medication"));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), m->name != NULL ? md_medication_get_display_name (m) : "");
  adw_combo_row_set_selected (self->class_row,
                              md_catalogue_get_position (MD_CATALOGUE_MEDICATION_CLASS, m->med_class != NULL ? m->med_class : "other"));
  adw_combo_row_set_selected (self->use_row, md_catalogue_get_position (MD_CATALOGUE_USE, m->use != NULL ? m->use : "acute"));
  gtk_spin_button_set_value (self->amount_spin, m->default_amount > 0 ? m->default_amount : 1);
  gtk_editable_set_text (GTK_EDITABLE (self->unit_entry), m->unit != NULL ? m->unit : "mg");
  adw_combo_row_set_selected (self->route_row, md_catalogue_get_position (MD_CATALOGUE_ROUTE, m->route != NULL ? m->route : "oral"));
  gtk_switch_set_active (self->archived_switch, m->archived);

  self->loading = FALSE;
  validate (self);

  return self;
}

const char *
md_medication_editor_get_problem (MdMedicationEditor *self)
{
  g_return_val_if_fail (MD_IS_MEDICATION_EDITOR (self), NULL);

  return self->problem;
}

gboolean
md_medication_editor_save (MdMedicationEditor *self)
{
  g_return_val_if_fail (MD_IS_MEDICATION_EDITOR (self), FALSE);

  return md_editor_save (GTK_WINDOW (self), (MdEditorValidateFunc) validate, write_medication,
                         &self->problem, self->problem_label, self->problem_revealer);
}

/**
 * md_medication_editor_get_saved_uuid:
 *
 * Returns: (nullable): the medication's UUID once it was saved
 */
const char *
md_medication_editor_get_saved_uuid (MdMedicationEditor *self)
{
  g_return_val_if_fail (MD_IS_MEDICATION_EDITOR (self), NULL);

  return self->saved ? self->medication->uuid : NULL;
}
