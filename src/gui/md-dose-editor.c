/* md-dose-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One dose: the medication (searchable), amount and unit prefilled from
 * its default, route, where it was taken, when; for an infusion also when
 * it ended, what was given with it, side effects and cost; and, when the
 * dose treats an attack, the pain right now and the most bothersome
 * symptom — the baseline that the 2-hour reading is compared with.
 */

#define G_LOG_DOMAIN "md-dose-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "md-accessible.h"
#include "md-editor-utils.h"

#include "md-catalogue.h"
#include "md-date-time-button.h"
#include "md-context.h"
#include "md-dose-editor.h"
#include "md-medication-chooser.h"
#include "md-medication-editor.h"
#include "md-pain-picker.h"

struct _MdDoseEditor
{
  AdwWindow          parent_instance;

  /* Template widgets */
  MdMedicationChooser *medication_chooser;
  GtkSpinButton     *amount_spin;
  GtkEntry          *unit_entry;
  AdwComboRow       *route_row;
  AdwComboRow       *setting_row;
  AdwComboRow       *purpose_row;
  MdDateTimeButton  *taken_button;
  AdwPreferencesGroup *infusion_group;
  MdDateTimeButton  *infusion_end_button;
  GtkEntry          *co_administered_entry;
  GtkFlowBox        *side_effects_box;
  GtkSpinButton     *cost_spin;
  AdwPreferencesGroup *pain_group;
  MdPainPicker      *pain_picker;
  AdwComboRow       *bothersome_row;
  GtkTextView       *notes_view;
  GtkLabel          *problem_label;
  GtkRevealer       *problem_revealer;

  /* Owned */
  MdContext         *context; /* the diary is the context's: never kept */
  MdDose            *dose;
  MdPainReading     *pain_reading; /* the saved pain at dose time, or NULL */
  gint64             attack_start; /* of the attack the dose treats, or 0 */
  GtkFilterListModel *medications;
  GHashTable        *side_effect_buttons;
  char              *problem;

  gboolean           loading;
  gboolean           purpose_chosen; /* else the row follows the diary's default */
};

G_DEFINE_FINAL_TYPE (MdDoseEditor, md_dose_editor, ADW_TYPE_WINDOW)

static const char *bothersome_keys[] = { NULL, "nausea", "photophobia", "phonophobia" };
static const char *purpose_keys[] = { "acute", "prevention" };

static MdMedication *
selected_medication (MdDoseEditor *self)
{
  return md_medication_chooser_get_selected_item (self->medication_chooser);
}

static gboolean
is_infusion (MdDoseEditor *self)
{
  return g_strcmp0 (md_catalogue_get_key_at (MD_CATALOGUE_ROUTE, adw_combo_row_get_selected (self->route_row)),
                    "iv") == 0;
}

static void
read_form (MdDoseEditor *self)
{
  MdDose *d = self->dose;
  MdMedication *medication = selected_medication (self);
  GDateTime *taken = md_date_time_button_get_date_time (self->taken_button);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  g_autoptr(GPtrArray) effects = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key, button;
  GtkTextIter from, to;

  g_free (d->medication_uuid);
  d->medication_uuid = g_strdup (medication != NULL ? medication->uuid : NULL);
  d->amount = gtk_spin_button_get_value (self->amount_spin);
  g_free (d->unit);
  d->unit = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->unit_entry))));
  g_free (d->route);
  d->route = g_strdup (md_catalogue_get_key_at (MD_CATALOGUE_ROUTE, adw_combo_row_get_selected (self->route_row)));
  g_free (d->setting);
  d->setting = g_strdup (md_catalogue_get_key_at (MD_CATALOGUE_SETTING, adw_combo_row_get_selected (self->setting_row)));
  d->taken = g_date_time_to_unix (taken);
  /* The time is chosen to the minute: a dose given in the minute the
   * attack started is not before it. */
  if (self->attack_start > d->taken && self->attack_start - d->taken < 60)
    d->taken = self->attack_start;
  d->taken_offset = (int) (g_date_time_get_utc_offset (taken) / G_TIME_SPAN_SECOND);

  if (is_infusion (self))
    {
      d->infusion_end = g_date_time_to_unix (md_date_time_button_get_date_time (self->infusion_end_button));
      g_free (d->co_administered);
      d->co_administered = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->co_administered_entry)));

      g_hash_table_iter_init (&iter, self->side_effect_buttons);
      while (g_hash_table_iter_next (&iter, &key, &button))
        if (gtk_toggle_button_get_active (button))
          g_ptr_array_add (effects, g_strdup (key));
      g_ptr_array_sort (effects, (GCompareFunc) g_strcmp0);
      g_ptr_array_add (effects, NULL);
      g_strfreev (d->side_effects);
      d->side_effects = (char **) g_ptr_array_free (g_steal_pointer (&effects), FALSE);

      d->cost = gtk_spin_button_get_value (self->cost_spin) > 0 ? gtk_spin_button_get_value (self->cost_spin) : -1;
    }
  else
    {
      d->infusion_end = 0;
      g_clear_pointer (&d->side_effects, g_strfreev);
    }

  g_free (d->most_bothersome);
  d->most_bothersome = d->attack_uuid != NULL
                       ? g_strdup (bothersome_keys[adw_combo_row_get_selected (self->bothersome_row)])
                       : NULL;

  gtk_text_buffer_get_bounds (buffer, &from, &to);
  g_free (d->notes);
  d->notes = gtk_text_buffer_get_text (buffer, &from, &to, FALSE);

  g_free (d->purpose);
  d->purpose = g_strdup (purpose_keys[MIN (adw_combo_row_get_selected (self->purpose_row), 1)]);
}

/* Until the patient chooses, why the dose was given follows what the
 * rest of the form says (a clinic infusion with no attack: prevention). */
static void
update_default_purpose (MdDoseEditor *self)
{
  const char *purpose;

  if (self->purpose_chosen)
    return;

  purpose = md_diary_get_default_dose_purpose (md_context_get_diary (self->context), self->dose);
  if (g_strcmp0 (purpose, self->dose->purpose) == 0)
    return;

  self->loading = TRUE;
  adw_combo_row_set_selected (self->purpose_row, g_str_equal (purpose, "prevention"));
  self->loading = FALSE;
  g_free (self->dose->purpose);
  self->dose->purpose = g_strdup (purpose);
}

static void
validate (MdDoseEditor *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  read_form (self);
  update_default_purpose (self);
  gtk_widget_set_visible (GTK_WIDGET (self->infusion_group), is_infusion (self));

  ok = md_diary_validate_dose (md_context_get_diary (self->context), self->dose, &error);
  if (ok && self->dose->attack_uuid != NULL && md_pain_picker_get_pain (self->pain_picker) < 0)
    {
      ok = FALSE;
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("Pain now: choose None, Mild, Moderate or Severe."));
    }

  md_editor_set_problem (&self->problem, ok ? NULL : error,
                         self->problem_label, self->problem_revealer);
  md_editor_update_save (GTK_WIDGET (self), ok);
}

static void
form_changed_cb (MdDoseEditor *self)
{
  if (self->dose == NULL || self->loading)
    return;

  md_editor_mark_touched (GTK_WIDGET (self));
  validate (self);
}

static void
purpose_changed_cb (MdDoseEditor *self)
{
  if (self->dose == NULL || self->loading)
    return;

  self->purpose_chosen = TRUE;
  validate (self);
}

/* A medication brings its own amount, unit and route. */
static void
apply_medication_defaults (MdDoseEditor *self)
{
  MdMedication *medication = selected_medication (self);

  if (medication == NULL)
    return;

  self->loading = TRUE;
  if (medication->default_amount > 0)
    gtk_spin_button_set_value (self->amount_spin, medication->default_amount);
  gtk_editable_set_text (GTK_EDITABLE (self->unit_entry), medication->unit);
  adw_combo_row_set_selected (self->route_row, md_catalogue_get_position (MD_CATALOGUE_ROUTE, medication->route));
  self->loading = FALSE;
}

static void
medication_changed_cb (MdDoseEditor *self)
{
  if (self->dose == NULL || self->loading || selected_medication (self) == NULL)
    return;

  apply_medication_defaults (self);
  md_editor_mark_touched (GTK_WIDGET (self));
  validate (self);
}

/* "50 mg" and "1.5 g", never "50.00". */
static gboolean
amount_output_cb (GtkSpinButton *spin)
{
  double value = round (gtk_spin_button_get_value (spin) * 100) / 100;
  g_autofree char *text = g_strdup_printf ("%.15g", value);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

static gboolean
not_archived (gpointer item,
              gpointer user_data)
{
  MdMedication *medication = item;
  const char *keep = user_data;

  return !medication->archived || g_strcmp0 (medication->uuid, keep) == 0;
}

static gboolean
medication_editor_closing_cb (MdDoseEditor       *self,
                              MdMedicationEditor *editor)
{
  const char *uuid = md_medication_editor_get_saved_uuid (editor);

  if (uuid != NULL)
    md_dose_editor_set_medication (self, uuid);

  return GDK_EVENT_PROPAGATE;
}

/* A medication that is not in the list yet is added without leaving the
 * dose, and chosen. */
static void
new_medication_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  MdDoseEditor *self = MD_DOSE_EDITOR (widget);
  MdMedicationEditor *editor = md_medication_editor_new (GTK_WINDOW (self), self->context, NULL);

  g_signal_connect_object (editor, "close-request", G_CALLBACK (medication_editor_closing_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  md_dose_editor_save (MD_DOSE_EDITOR (widget));
}

static void
md_dose_editor_dispose (GObject *object)
{
  MdDoseEditor *self = MD_DOSE_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MD_TYPE_DOSE_EDITOR);
  g_clear_object (&self->medications);
  g_clear_object (&self->context);
  g_clear_object (&self->dose);
  g_clear_object (&self->pain_reading);
  g_clear_pointer (&self->side_effect_buttons, g_hash_table_unref);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (md_dose_editor_parent_class)->dispose (object);
}

static void
md_dose_editor_class_init (MdDoseEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = md_dose_editor_dispose;

  g_type_ensure (MD_TYPE_DATE_TIME_BUTTON);
  g_type_ensure (MD_TYPE_MEDICATION_CHOOSER);
  g_type_ensure (MD_TYPE_PAIN_PICKER);

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/md-dose-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, MdDoseEditor, medication_chooser);
  gtk_widget_class_bind_template_child (widget_class, MdDoseEditor, amount_spin);
  gtk_widget_class_bind_template_child (widget_class, MdDoseEditor, unit_entry);
  gtk_widget_class_bind_template_child (widget_class, MdDoseEditor, route_row);
  gtk_widget_class_bind_template_child (widget_class, MdDoseEditor, setting_row);
  gtk_widget_class_bind_template_child (widget_class, MdDoseEditor, purpose_row);
  gtk_widget_class_bind_template_child (widget_class, MdDoseEditor, taken_button);
  gtk_widget_class_bind_template_child (widget_class, MdDoseEditor, infusion_group);
  gtk_widget_class_bind_template_child (widget_class, MdDoseEditor, infusion_end_button);
  gtk_widget_class_bind_template_child (widget_class, MdDoseEditor, co_administered_entry);
  gtk_widget_class_bind_template_child (widget_class, MdDoseEditor, side_effects_box);
  gtk_widget_class_bind_template_child (widget_class, MdDoseEditor, cost_spin);
  gtk_widget_class_bind_template_child (widget_class, MdDoseEditor, pain_group);
  gtk_widget_class_bind_template_child (widget_class, MdDoseEditor, pain_picker);
  gtk_widget_class_bind_template_child (widget_class, MdDoseEditor, bothersome_row);
  gtk_widget_class_bind_template_child (widget_class, MdDoseEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, MdDoseEditor, problem_label);
  gtk_widget_class_bind_template_child (widget_class, MdDoseEditor, problem_revealer);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, medication_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, purpose_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, amount_output_cb);

  md_editor_class_install_actions (widget_class, save_action);
  gtk_widget_class_install_action (widget_class, "editor.new-medication", NULL, new_medication_action);
}

static void
md_dose_editor_init (MdDoseEditor *self)
{
  g_autoptr(GtkStringList) bothersome = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) purposes = gtk_string_list_new (NULL);
  guint n;
  const MdCatalogueEntry *effects = md_catalogue_get_entries (MD_CATALOGUE_SIDE_EFFECT, &n);

  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  md_accessible_fix_names_when_mapped (GTK_WIDGET (self));
  md_editor_guard_scroll (GTK_WIDGET (self));

  md_catalogue_fill_combo_row (self->route_row, MD_CATALOGUE_ROUTE);
  md_catalogue_fill_combo_row (self->setting_row, MD_CATALOGUE_SETTING);

  /* Translators: no symptom was chosen as the most bothersome one */
  gtk_string_list_append (bothersome, C_("most bothersome symptom", "None chosen"));
  for (guint i = 1; i < G_N_ELEMENTS (bothersome_keys); i++)
    gtk_string_list_append (bothersome, md_catalogue_get_label (MD_CATALOGUE_SYMPTOM, bothersome_keys[i]));
  adw_combo_row_set_model (self->bothersome_row, G_LIST_MODEL (bothersome));

  /* Translators: why a dose was given, after "Taken For" */
  gtk_string_list_append (purposes, C_("dose purpose", "A headache"));
  /* Translators: why a dose was given, after "Taken For": a scheduled
   * infusion or a daily tablet of a preventive treatment */
  gtk_string_list_append (purposes, C_("dose purpose", "Prevention"));
  adw_combo_row_set_model (self->purpose_row, G_LIST_MODEL (purposes));

  self->side_effect_buttons = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (md_catalogue_get_label (MD_CATALOGUE_SIDE_EFFECT,
                                                                                    effects[i].key));

      gtk_widget_add_css_class (button, "chip");
      g_signal_connect_object (button, "toggled", G_CALLBACK (form_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_flow_box_append (self->side_effects_box, button);
      g_hash_table_insert (self->side_effect_buttons, (gpointer) effects[i].key, button);
    }
}

/* The pain when a saved dose was taken: of the readings that follow up
 * this dose, the one nearest its time (the others are the 2-hour and
 * later readings). */
static MdPainReading *
find_pain_at_dose (MdDoseEditor *self)
{
  g_autoptr(GPtrArray) readings = md_diary_list_pain_readings (md_context_get_diary (self->context), self->dose->attack_uuid);
  MdPainReading *found = NULL;

  for (guint i = 0; i < readings->len; i++)
    {
      MdPainReading *reading = g_ptr_array_index (readings, i);

      if (g_strcmp0 (reading->dose_uuid, self->dose->uuid) != 0)
        continue;
      if (found == NULL || ABS (reading->time - self->dose->taken) < ABS (found->time - self->dose->taken))
        found = reading;
    }

  return found != NULL ? md_pain_reading_copy (found) : NULL;
}

static void
load_form (MdDoseEditor *self)
{
  MdDose *d = self->dose;
  g_autoptr(GDateTime) taken = NULL;

  if (d->taken > 0)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (d->taken);
      g_autoptr(GTimeZone) zone = g_time_zone_new_offset (d->taken_offset);

      taken = g_date_time_to_timezone (utc, zone);
      md_date_time_button_set_date_time (self->taken_button, taken);
    }
  taken = g_date_time_ref (md_date_time_button_get_date_time (self->taken_button));

  md_medication_chooser_select_uuid (self->medication_chooser, d->medication_uuid);

  if (d->amount > 0)
    gtk_spin_button_set_value (self->amount_spin, d->amount);
  gtk_editable_set_text (GTK_EDITABLE (self->unit_entry), d->unit != NULL ? d->unit : "");
  adw_combo_row_set_selected (self->route_row, md_catalogue_get_position (MD_CATALOGUE_ROUTE, d->route));
  adw_combo_row_set_selected (self->setting_row, md_catalogue_get_position (MD_CATALOGUE_SETTING, d->setting));
  /* A saved dose says why it was given; a new one follows the default. */
  self->purpose_chosen = d->purpose != NULL;
  adw_combo_row_set_selected (self->purpose_row, g_strcmp0 (d->purpose, "prevention") == 0);

  if (d->infusion_end != 0)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (d->infusion_end);
      g_autoptr(GTimeZone) zone = g_time_zone_new_offset (d->taken_offset);
      g_autoptr(GDateTime) end = g_date_time_to_timezone (utc, zone);

      md_date_time_button_set_date_time (self->infusion_end_button, end);
    }
  else
    {
      /* Infusions in the trials ran 10–30 minutes. */
      g_autoptr(GDateTime) end = g_date_time_add_minutes (taken, 20);

      md_date_time_button_set_date_time (self->infusion_end_button, end);
    }

  gtk_editable_set_text (GTK_EDITABLE (self->co_administered_entry),
                         d->co_administered != NULL ? d->co_administered : "");
  for (guint i = 0; d->side_effects != NULL && d->side_effects[i] != NULL; i++)
    {
      GtkToggleButton *button = g_hash_table_lookup (self->side_effect_buttons, d->side_effects[i]);

      if (button != NULL)
        gtk_toggle_button_set_active (button, TRUE);
    }
  gtk_spin_button_set_value (self->cost_spin, d->cost > 0 ? d->cost : 0);

  gtk_widget_set_visible (GTK_WIDGET (self->pain_group), d->attack_uuid != NULL);
  if (d->attack_uuid != NULL)
    {
      g_autoptr(MdAttack) attack = md_diary_get_attack (md_context_get_diary (self->context), d->attack_uuid);

      self->attack_start = attack != NULL ? attack->start : 0;
    }
  if (d->uuid != NULL && d->attack_uuid != NULL)
    {
      self->pain_reading = find_pain_at_dose (self);
      if (self->pain_reading != NULL)
        {
          md_pain_picker_set_pain (self->pain_picker, self->pain_reading->pain);
          md_pain_picker_set_nrs (self->pain_picker, self->pain_reading->nrs);
        }
    }
  for (guint i = 1; i < G_N_ELEMENTS (bothersome_keys); i++)
    if (g_strcmp0 (d->most_bothersome, bothersome_keys[i]) == 0)
      adw_combo_row_set_selected (self->bothersome_row, i);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), d->notes != NULL ? d->notes : "", -1);
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (form_changed_cb), self, G_CONNECT_SWAPPED);

  self->loading = FALSE;

  /* A new dose starts from its medication's default. */
  if (d->amount <= 0)
    apply_medication_defaults (self);
  validate (self);
}

/**
 * md_dose_editor_new:
 * @dose: a dose to edit, or a new one (attack_uuid set when it treats an
 *   attack); the editor works on a copy
 */
MdDoseEditor *
md_dose_editor_new (GtkWindow *parent,
                    MdContext *context,
                    MdDose    *dose)
{
  MdDoseEditor *self;

  g_return_val_if_fail (MD_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (md_context_get_diary (context) != NULL, NULL);
  g_return_val_if_fail (MD_IS_DOSE (dose), NULL);

  self = md_editor_new (MD_TYPE_DOSE_EDITOR, parent, context);
  self->context = g_object_ref (context);
  md_date_time_button_set_context (self->taken_button, context);
  md_date_time_button_set_context (self->infusion_end_button, context);
  self->dose = md_dose_copy (dose);

  /* Archived medications are not offered, unless this dose used one. */
  self->medications = md_editor_offer_medications (self->medication_chooser, context, not_archived,
                                                   dose->medication_uuid);

  load_form (self);

  return self;
}

/**
 * md_dose_editor_set_medication:
 *
 * Chooses the medication, as picking it from the list does.
 */
void
md_dose_editor_set_medication (MdDoseEditor *self,
                               const char   *medication_uuid)
{
  g_return_if_fail (MD_IS_DOSE_EDITOR (self));

  md_medication_chooser_select_uuid (self->medication_chooser, medication_uuid);
}

/**
 * md_dose_editor_get_dose:
 *
 * Returns: (transfer none): the dose as the form describes it now
 */
MdDose *
md_dose_editor_get_dose (MdDoseEditor *self)
{
  g_return_val_if_fail (MD_IS_DOSE_EDITOR (self), NULL);

  read_form (self);
  return self->dose;
}

const char *
md_dose_editor_get_problem (MdDoseEditor *self)
{
  g_return_val_if_fail (MD_IS_DOSE_EDITOR (self), NULL);

  return self->problem;
}

/* Saves the dose and, for an attack, the pain at dose time, in one
 * transaction. */
static gboolean
write_dose (gpointer   data,
            GError   **error)
{
  MdDoseEditor *self = data;
  gboolean ok;

  ok = md_diary_begin (md_context_get_diary (self->context), error) &&
       md_diary_save_dose (md_context_get_diary (self->context), self->dose, error);

  if (ok && self->dose->attack_uuid != NULL)
    {
      /* Editing a dose updates its pain-at-dose reading, never adds one,
       * and leaves what the form does not show as it was. */
      g_autoptr(MdPainReading) reading = self->pain_reading != NULL
                                         ? md_pain_reading_copy (self->pain_reading)
                                         : md_pain_reading_new ();

      g_free (reading->attack_uuid);
      reading->attack_uuid = g_strdup (self->dose->attack_uuid);
      g_free (reading->dose_uuid);
      reading->dose_uuid = g_strdup (self->dose->uuid);
      reading->time = self->dose->taken;
      reading->time_offset = self->dose->taken_offset;
      reading->pain = md_pain_picker_get_pain (self->pain_picker);
      reading->nrs = md_pain_picker_get_nrs (self->pain_picker);
      if (self->dose->most_bothersome == NULL)
        reading->mbs_present = -1;
      else if (reading->mbs_present == -1)
        reading->mbs_present = 1;
      ok = md_diary_save_pain_reading (md_context_get_diary (self->context), reading, error);
    }

  if (!ok || !md_diary_commit (md_context_get_diary (self->context), error))
    {
      md_diary_rollback (md_context_get_diary (self->context));
      return FALSE;
    }

  if (self->dose->attack_uuid != NULL)
    md_diary_attack_changed (md_context_get_diary (self->context), self->dose->attack_uuid);

  return TRUE;
}

/**
 * md_dose_editor_save:
 *
 * Saves the dose and, for an attack, the pain at dose time, in one
 * transaction; then closes.
 */
gboolean
md_dose_editor_save (MdDoseEditor *self)
{
  g_return_val_if_fail (MD_IS_DOSE_EDITOR (self), FALSE);

  return md_editor_save (GTK_WINDOW (self), (MdEditorValidateFunc) validate, write_dose,
                         &self->problem, self->problem_label, self->problem_revealer);
}
