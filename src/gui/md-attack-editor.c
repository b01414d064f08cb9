/* md-attack-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything about one attack, to fill in when the patient feels better:
 * start and end with date and time pickers, peak pain, the ICHD-3
 * features, aura, symptoms and triggers as chips, notes. The diary's own
 * validation runs on every change, the problem is shown under the form
 * and Save stays disabled until it is gone; nothing typed is lost.
 */

#define G_LOG_DOMAIN "md-attack-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "md-accessible.h"
#include "md-editor-utils.h"

#include "md-context.h"
#include "md-attack-editor.h"
#include "md-catalogue.h"
#include "md-date-time-button.h"
#include "md-dose-editor.h"
#include "md-pain-picker.h"

struct _MdAttackEditor
{
  AdwWindow          parent_instance;

  /* Template widgets */
  MdDateTimeButton  *start_button;
  GtkSwitch         *ongoing_switch;
  MdDateTimeButton  *end_button;
  AdwActionRow      *end_row;
  MdPainPicker      *pain_picker;
  AdwComboRow       *side_row;
  AdwComboRow       *quality_row;
  AdwComboRow       *activity_row;
  AdwComboRow       *disability_row;
  AdwComboRow       *aura_row;
  GtkSpinButton     *aura_minutes_spin;
  GtkFlowBox        *symptoms_box;
  GtkFlowBox        *triggers_box;
  GtkEntry          *symptom_entry;
  GtkEntry          *trigger_entry;
  GtkListBox        *doses_list;
  GtkTextView       *notes_view;
  GtkLabel          *problem_label;
  GtkRevealer       *problem_revealer;

  /* Owned */
  MdContext         *context; /* the diary is the context's: never kept */
  MdAttack          *attack;   /* the edited copy */
  GHashTable        *symptom_buttons; /* key → GtkToggleButton */
  GHashTable        *trigger_buttons;
  char              *problem;

  gboolean           loading;
};

G_DEFINE_FINAL_TYPE (MdAttackEditor, md_attack_editor, ADW_TYPE_WINDOW)

static const char *side_keys[] = { NULL, "left", "right", "both", "shifting" };
static const char *quality_keys[] = { NULL, "pulsating", "pressing", "other" };
static const char *aura_keys[] = { NULL, "visual", "sensory", "speech", "motor", "brainstem", "retinal" };

static guint
index_of_key (const char **keys,
              guint        n_keys,
              const char  *key)
{
  for (guint i = 1; i < n_keys; i++)
    if (g_strcmp0 (keys[i], key) == 0)
      return i;

  return 0;
}

static void
fill_combo (AdwComboRow  *row,
            MdCatalogue   catalogue,
            const char  **keys,
            guint         n_keys)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  /* Translators: a choice that leaves a detail of an attack unrecorded */
  gtk_string_list_append (list, C_("attack detail", "Not noted"));
  for (guint i = 1; i < n_keys; i++)
    gtk_string_list_append (list, md_catalogue_get_label (catalogue, keys[i]));

  adw_combo_row_set_model (row, G_LIST_MODEL (list));
}

static char **
checked_keys (GHashTable *buttons)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key, button;

  g_hash_table_iter_init (&iter, buttons);
  while (g_hash_table_iter_next (&iter, &key, &button))
    if (gtk_toggle_button_get_active (button))
      g_ptr_array_add (keys, g_strdup (key));

  g_ptr_array_sort (keys, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (keys, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&keys), FALSE);
}

static void
read_form (MdAttackEditor *self)
{
  MdAttack *a = self->attack;
  GDateTime *start = md_date_time_button_get_date_time (self->start_button);
  GDateTime *end = md_date_time_button_get_date_time (self->end_button);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter from, to;
  guint disability = adw_combo_row_get_selected (self->disability_row);
  guint activity = adw_combo_row_get_selected (self->activity_row);

  a->start = g_date_time_to_unix (start);
  a->start_offset = (int) (g_date_time_get_utc_offset (start) / G_TIME_SPAN_SECOND);
  if (gtk_switch_get_active (self->ongoing_switch))
    {
      a->end = 0;
      a->end_offset = 0;
    }
  else
    {
      a->end = g_date_time_to_unix (end);
      a->end_offset = (int) (g_date_time_get_utc_offset (end) / G_TIME_SPAN_SECOND);
    }

  a->peak_pain = md_pain_picker_get_pain (self->pain_picker);
  a->peak_nrs = md_pain_picker_get_nrs (self->pain_picker);

  g_free (a->side);
  a->side = g_strdup (side_keys[adw_combo_row_get_selected (self->side_row)]);
  g_free (a->quality);
  a->quality = g_strdup (quality_keys[adw_combo_row_get_selected (self->quality_row)]);
  a->worse_with_activity = activity == 0 ? -1 : activity == 1 ? 1 : 0;
  a->disability = disability == 0 ? -1 : (int) disability - 1;

  g_free (a->aura);
  a->aura = g_strdup (aura_keys[adw_combo_row_get_selected (self->aura_row)]);
  a->aura_minutes = a->aura != NULL ? gtk_spin_button_get_value_as_int (self->aura_minutes_spin) : -1;

  g_strfreev (a->symptoms);
  a->symptoms = checked_keys (self->symptom_buttons);
  g_strfreev (a->triggers);
  a->triggers = checked_keys (self->trigger_buttons);

  gtk_text_buffer_get_bounds (buffer, &from, &to);
  g_free (a->notes);
  a->notes = gtk_text_buffer_get_text (buffer, &from, &to, FALSE);
}

/* Runs the diary's own validation on what is in the form. */
static void
validate (MdAttackEditor *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  read_form (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->end_row), !gtk_switch_get_active (self->ongoing_switch));
  gtk_widget_set_sensitive (GTK_WIDGET (self->aura_minutes_spin),
                            adw_combo_row_get_selected (self->aura_row) != 0);

  if (self->attack->peak_pain < 0)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_FAILED,
                         _("Peak pain: choose None, Mild, Moderate or Severe."));
  ok = error == NULL && md_diary_validate_attack (md_context_get_diary (self->context), self->attack, &error);

  md_editor_set_problem (&self->problem, ok ? NULL : error,
                         self->problem_label, self->problem_revealer);
  md_editor_update_save (GTK_WIDGET (self), ok);

  /* The end field is the one named by most problems: mark it. */
  md_editor_mark_field (GTK_WIDGET (self->end_row),
                        self->problem != NULL && g_str_has_prefix (self->problem, _("End")));
}

static gboolean
write_attack (gpointer   data,
              GError   **error)
{
  MdAttackEditor *self = data;

  return md_diary_save_attack (md_context_get_diary (self->context), self->attack, error);
}

static void
form_changed_cb (MdAttackEditor *self)
{
  /* The form reports changes while it is being filled; judge it after. */
  if (self->attack == NULL || self->loading)
    return;

  md_editor_mark_touched (GTK_WIDGET (self));
  validate (self);
}

static GtkWidget *
add_chip (MdAttackEditor *self,
          GtkFlowBox     *box,
          GHashTable     *buttons,
          const char     *key,
          const char     *label,
          gboolean        active)
{
  GtkWidget *button = gtk_toggle_button_new_with_label (label);

  gtk_widget_add_css_class (button, "chip");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), active);
  g_signal_connect_object (button, "toggled", G_CALLBACK (form_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_flow_box_append (box, button);
  g_hash_table_insert (buttons, g_strdup (key), button);

  return button;
}

static void
fill_chips (MdAttackEditor *self,
            GtkFlowBox     *box,
            GHashTable     *buttons,
            GPtrArray      *keys,
            char          **active,
            gboolean        symptoms)
{
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);
      g_autofree char *label = symptoms ? md_diary_get_symptom_label (md_context_get_diary (self->context), key)
                                        : md_diary_get_trigger_label (md_context_get_diary (self->context), key);

      add_chip (self, box, buttons, key, label != NULL ? label : key,
                active != NULL && g_strv_contains ((const char * const *) active, key));
    }
}

static void
add_custom_cb (MdAttackEditor *self,
               GtkEntry       *entry)
{
  gboolean symptoms = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "symptoms"));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  GHashTable *buttons = symptoms ? self->symptom_buttons : self->trigger_buttons;
  GtkToggleButton *existing;

  key = symptoms ? md_diary_add_custom_symptom (md_context_get_diary (self->context), text, &error)
                 : md_diary_add_custom_trigger (md_context_get_diary (self->context), text, &error);
  if (key == NULL)
    return;

  existing = g_hash_table_lookup (buttons, key);
  if (existing != NULL)
    gtk_toggle_button_set_active (existing, TRUE);
  else
    add_chip (self, symptoms ? self->symptoms_box : self->triggers_box, buttons, key,
              g_strstrip (g_strdup (text)), TRUE);

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  validate (self);
}

static void fill_doses (MdAttackEditor *self);

static void
dose_editor_destroyed_cb (MdAttackEditor *self)
{
  fill_doses (self);
}

static void
open_dose_editor (MdAttackEditor *self,
                  MdDose         *dose)
{
  MdDoseEditor *editor = md_dose_editor_new (GTK_WINDOW (self), self->context, dose);

  g_signal_connect_object (editor, "destroy", G_CALLBACK (dose_editor_destroyed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
edit_dose_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  MdAttackEditor *self = MD_ATTACK_EDITOR (widget);
  g_autoptr(MdDose) dose = md_diary_get_dose (md_context_get_diary (self->context), g_variant_get_string (parameter, NULL));

  if (dose != NULL)
    open_dose_editor (self, dose);
}

static void
add_dose_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  MdAttackEditor *self = MD_ATTACK_EDITOR (widget);
  g_autoptr(MdDose) dose = md_dose_new ();

  dose->attack_uuid = g_strdup (self->attack->uuid);
  /* The attack's own time, a sensible start for a dose logged later. */
  dose->taken = self->attack->start;
  dose->taken_offset = self->attack->start_offset;
  dose->setting = g_strdup ("home");
  dose->medication_uuid = g_strdup ("preset-sumatriptan-50mg");
  open_dose_editor (self, dose);
}

static void
undo_dose_cb (AdwToast    *toast,
              MdDiaryUndo *undo)
{
  MdDiary *diary = g_object_get_data (G_OBJECT (toast), "diary");

  md_diary_undo (diary, undo, NULL);
}

static void
free_undo (gpointer  data,
           GClosure *closure)
{
  md_diary_undo_free (data);
}

static GtkWidget *
find_toast_overlay (GtkWidget *widget)
{
  if (ADW_IS_TOAST_OVERLAY (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_toast_overlay (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
delete_dose_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  MdAttackEditor *self = MD_ATTACK_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  MdDiaryUndo *undo = md_diary_delete_dose (md_context_get_diary (self->context), g_variant_get_string (parameter, NULL), &error);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GtkWidget *overlay = NULL;
  AdwToast *toast;

  if (undo == NULL)
    {
      md_editor_show_problem (self->problem_label, self->problem_revealer, error->message);
      return;
    }

  fill_doses (self);

  toast = adw_toast_new (_("Dose deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "diary", g_object_ref (md_context_get_diary (self->context)), g_object_unref);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_dose_cb), undo,
                         free_undo, 0);

  /* Toasts live in the main window, which outlasts this editor. */
  if (parent != NULL)
    overlay = find_toast_overlay (GTK_WIDGET (parent));

  if (overlay != NULL)
    md_accessible_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
fill_doses (MdAttackEditor *self)
{
  g_autoptr(GPtrArray) doses = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->doses_list))) != NULL)
    gtk_list_box_remove (self->doses_list, child);

  doses = md_diary_list_doses_for_attack (md_context_get_diary (self->context), self->attack->uuid);
  gtk_widget_set_visible (GTK_WIDGET (self->doses_list), doses->len > 0);

  for (guint i = 0; i < doses->len; i++)
    {
      MdDose *dose = g_ptr_array_index (doses, i);
      g_autoptr(MdMedication) medication = md_diary_get_medication (md_context_get_diary (self->context), dose->medication_uuid);
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (dose->taken);
      g_autoptr(GTimeZone) zone = g_time_zone_new_offset (dose->taken_offset);
      g_autoptr(GDateTime) taken = g_date_time_to_timezone (utc, zone);
      g_autofree char *title = g_markup_escape_text (medication != NULL ? md_medication_get_display_name (medication) : "?", -1);
      g_autofree char *when = md_date_time_format_for_display (taken);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
      GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when);
      gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (edit, "flat");
      gtk_widget_add_css_class (delete, "flat");
      gtk_widget_set_tooltip_text (edit, _("Edit Dose"));
      gtk_widget_set_tooltip_text (delete, _("Delete Dose"));
      gtk_actionable_set_action_target (GTK_ACTIONABLE (edit), "s", dose->uuid);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "editor.edit-dose");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (delete), "s", dose->uuid);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (delete), "editor.delete-dose");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);
      gtk_list_box_append (self->doses_list, row);
    }
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  md_attack_editor_save (MD_ATTACK_EDITOR (widget));
}

static void
md_attack_editor_dispose (GObject *object)
{
  MdAttackEditor *self = MD_ATTACK_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MD_TYPE_ATTACK_EDITOR);
  g_clear_object (&self->context);
  g_clear_object (&self->attack);
  g_clear_pointer (&self->symptom_buttons, g_hash_table_unref);
  g_clear_pointer (&self->trigger_buttons, g_hash_table_unref);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (md_attack_editor_parent_class)->dispose (object);
}

static void
md_attack_editor_class_init (MdAttackEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = md_attack_editor_dispose;

  g_type_ensure (MD_TYPE_DATE_TIME_BUTTON);
  g_type_ensure (MD_TYPE_PAIN_PICKER);

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/md-attack-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, MdAttackEditor, start_button);
  gtk_widget_class_bind_template_child (widget_class, MdAttackEditor, ongoing_switch);
  gtk_widget_class_bind_template_child (widget_class, MdAttackEditor, end_button);
  gtk_widget_class_bind_template_child (widget_class, MdAttackEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, MdAttackEditor, pain_picker);
  gtk_widget_class_bind_template_child (widget_class, MdAttackEditor, side_row);
  gtk_widget_class_bind_template_child (widget_class, MdAttackEditor, quality_row);
  gtk_widget_class_bind_template_child (widget_class, MdAttackEditor, activity_row);
  gtk_widget_class_bind_template_child (widget_class, MdAttackEditor, disability_row);
  gtk_widget_class_bind_template_child (widget_class, MdAttackEditor, aura_row);
  gtk_widget_class_bind_template_child (widget_class, MdAttackEditor, aura_minutes_spin);
  gtk_widget_class_bind_template_child (widget_class, MdAttackEditor, symptoms_box);
  gtk_widget_class_bind_template_child (widget_class, MdAttackEditor, triggers_box);
  gtk_widget_class_bind_template_child (widget_class, MdAttackEditor, symptom_entry);
  gtk_widget_class_bind_template_child (widget_class, MdAttackEditor, trigger_entry);
  gtk_widget_class_bind_template_child (widget_class, MdAttackEditor, doses_list);
  gtk_widget_class_bind_template_child (widget_class, MdAttackEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, MdAttackEditor, problem_label);
  gtk_widget_class_bind_template_child (widget_class, MdAttackEditor, problem_revealer);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_custom_cb);

  md_editor_class_install_actions (widget_class, save_action);
  gtk_widget_class_install_action (widget_class, "editor.add-dose", NULL, add_dose_action);
  gtk_widget_class_install_action (widget_class, "editor.edit-dose", "s", edit_dose_action);
  gtk_widget_class_install_action (widget_class, "editor.delete-dose", "s", delete_dose_action);
}

static void
md_attack_editor_init (MdAttackEditor *self)
{
  g_autoptr(GtkStringList) activity = NULL;
  g_autoptr(GtkStringList) disability = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  md_accessible_fix_names_when_mapped (GTK_WIDGET (self));
  md_editor_guard_scroll (GTK_WIDGET (self));

  /* One handler adds custom entries for both lists; tell them apart. */
  g_object_set_data (G_OBJECT (self->symptom_entry), "symptoms", GINT_TO_POINTER (TRUE));

  self->symptom_buttons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->trigger_buttons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  fill_combo (self->side_row, MD_CATALOGUE_SIDE, side_keys, G_N_ELEMENTS (side_keys));
  fill_combo (self->quality_row, MD_CATALOGUE_QUALITY, quality_keys, G_N_ELEMENTS (quality_keys));
  fill_combo (self->aura_row, MD_CATALOGUE_AURA, aura_keys, G_N_ELEMENTS (aura_keys));

  activity = gtk_string_list_new (NULL);
  gtk_string_list_append (activity, C_("attack detail", "Not noted"));
  gtk_string_list_append (activity, _("Yes"));
  gtk_string_list_append (activity, _("No"));
  adw_combo_row_set_model (self->activity_row, G_LIST_MODEL (activity));

  /* The IHS functional disability scale. */
  disability = gtk_string_list_new (NULL);
  gtk_string_list_append (disability, C_("attack detail", "Not noted"));
  gtk_string_list_append (disability, _("0 · Normal"));
  gtk_string_list_append (disability, _("1 · Mildly impaired"));
  gtk_string_list_append (disability, _("2 · Severely impaired"));
  gtk_string_list_append (disability, _("3 · Bed rest"));
  adw_combo_row_set_model (self->disability_row, G_LIST_MODEL (disability));
}

static void
load_form (MdAttackEditor *self)
{
  MdAttack *a = self->attack;
  g_autoptr(GPtrArray) symptom_keys = NULL;
  g_autoptr(GPtrArray) trigger_keys = md_diary_list_trigger_keys (md_context_get_diary (self->context));
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) now = md_context_now_local (self->context);

  self->loading = TRUE;
  symptom_keys = md_diary_list_symptom_keys (md_context_get_diary (self->context));

  if (a->start > 0)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (a->start);
      g_autoptr(GTimeZone) zone = g_time_zone_new_offset (a->start_offset);

      start = g_date_time_to_timezone (utc, zone);
      md_date_time_button_set_date_time (self->start_button, start);
    }

  gtk_switch_set_active (self->ongoing_switch, a->end == 0);
  if (a->end != 0)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (a->end);
      g_autoptr(GTimeZone) zone = g_time_zone_new_offset (a->end_offset);
      g_autoptr(GDateTime) end = g_date_time_to_timezone (utc, zone);

      md_date_time_button_set_date_time (self->end_button, end);
    }
  else
    {
      g_autoptr(GDateTime) minute = g_date_time_add_seconds (now, -g_date_time_get_seconds (now));

      md_date_time_button_set_date_time (self->end_button, minute);
    }

  md_pain_picker_set_pain (self->pain_picker, CLAMP (a->peak_pain, -1, 3));
  md_pain_picker_set_nrs (self->pain_picker, a->peak_nrs);
  adw_combo_row_set_selected (self->side_row, index_of_key (side_keys, G_N_ELEMENTS (side_keys), a->side));
  adw_combo_row_set_selected (self->quality_row,
                              index_of_key (quality_keys, G_N_ELEMENTS (quality_keys), a->quality));
  adw_combo_row_set_selected (self->activity_row,
                              a->worse_with_activity < 0 ? 0 : a->worse_with_activity ? 1 : 2);
  adw_combo_row_set_selected (self->disability_row, a->disability < 0 ? 0 : a->disability + 1);
  adw_combo_row_set_selected (self->aura_row, index_of_key (aura_keys, G_N_ELEMENTS (aura_keys), a->aura));
  gtk_spin_button_set_value (self->aura_minutes_spin, a->aura_minutes > 0 ? a->aura_minutes : 20);

  fill_chips (self, self->symptoms_box, self->symptom_buttons, symptom_keys, a->symptoms, TRUE);
  fill_chips (self, self->triggers_box, self->trigger_buttons, trigger_keys, a->triggers, FALSE);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            a->notes != NULL ? a->notes : "", -1);

  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (form_changed_cb), self, G_CONNECT_SWAPPED);

  fill_doses (self);

  self->loading = FALSE;
  validate (self);
}

/**
 * md_attack_editor_new:
 * @attack: the attack to edit; the editor works on a copy
 */
MdAttackEditor *
md_attack_editor_new (GtkWindow *parent,
                      MdContext *context,
                      MdAttack  *attack)
{
  MdAttackEditor *self;

  g_return_val_if_fail (MD_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (md_context_get_diary (context) != NULL, NULL);
  g_return_val_if_fail (MD_IS_ATTACK (attack), NULL);

  self = md_editor_new (MD_TYPE_ATTACK_EDITOR, parent, context);
  self->context = g_object_ref (context);
  md_date_time_button_set_context (self->start_button, context);
  md_date_time_button_set_context (self->end_button, context);
  self->attack = md_attack_copy (attack);
  load_form (self);

  return self;
}

/**
 * md_attack_editor_get_attack:
 *
 * Returns: (transfer none): the attack as the form describes it now
 */
MdAttack *
md_attack_editor_get_attack (MdAttackEditor *self)
{
  g_return_val_if_fail (MD_IS_ATTACK_EDITOR (self), NULL);

  read_form (self);
  return self->attack;
}

/**
 * md_attack_editor_get_problem:
 *
 * Returns: (nullable): the sentence shown under the form, if any
 */
const char *
md_attack_editor_get_problem (MdAttackEditor *self)
{
  g_return_val_if_fail (MD_IS_ATTACK_EDITOR (self), NULL);

  return self->problem;
}

/**
 * md_attack_editor_save:
 *
 * Saves and closes; on a problem, shows it and keeps everything typed.
 */
gboolean
md_attack_editor_save (MdAttackEditor *self)
{
  g_return_val_if_fail (MD_IS_ATTACK_EDITOR (self), FALSE);

  return md_editor_save (GTK_WINDOW (self), (MdEditorValidateFunc) validate, write_attack,
                         &self->problem, self->problem_label, self->problem_revealer);
}
