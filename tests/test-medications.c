/* test-medications.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The medication catalogue in Preferences: add, edit, archive.
 */

#include "config.h"

#include "md-dose-editor.h"
#include "md-medication-chooser.h"
#include "md-medication-editor.h"
#include "md-preferences-window.h"
#include "md-test-gui.h"
#include "md-test-utils.h"

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;

  return n;
}

static MdContext *
context_for (GSettings *settings,
             MdDiary   *diary)
{
  MdContext *context = md_context_new (settings);

  md_context_set_diary (context, diary);

  return context;
}

static void
test_add_edit_and_archive (void)
{
  g_autoptr(MdDiary) diary = md_test_new_diary (NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(MdContext) context = md_context_new (settings);
  MdPreferencesWindow *preferences;
  GtkListBox *list;
  guint presets;
  MdMedicationEditor *editor;
  g_autoptr(MdMedication) saved = NULL;
  GListModel *medications = md_diary_get_medications (diary);
  const char *uuid = NULL;

  md_context_set_diary (context, diary);
  preferences = md_preferences_window_new (context, NULL);
  list = md_test_gui_child (preferences, MD_TYPE_PREFERENCES_WINDOW, "medications_list");
  presets = count_rows (list);

  g_assert_cmpuint (presets, ==, g_list_model_get_n_items (medications));
  g_assert_cmpuint (presets, >=, 18);

  /* A new medication: no name yet, so nothing can be saved. */
  editor = md_medication_editor_new (GTK_WINDOW (preferences), md_test_gui_context_for (diary), NULL);
  g_assert_true (g_str_has_prefix (md_medication_editor_get_problem (editor), "Name:"));
  g_assert_false (md_medication_editor_save (editor));

  gtk_editable_set_text (GTK_EDITABLE (md_test_gui_child (editor, MD_TYPE_MEDICATION_EDITOR, "name_row")), "Rimegepant 75 mg");
  adw_combo_row_set_selected (md_test_gui_child (editor, MD_TYPE_MEDICATION_EDITOR, "class_row"), 5); /* gepant */
  gtk_spin_button_set_value (md_test_gui_child (editor, MD_TYPE_MEDICATION_EDITOR, "amount_spin"), 75);
  g_assert_null (md_medication_editor_get_problem (editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));

  g_assert_cmpuint (count_rows (list), ==, presets + 1);
  for (guint i = 0; i < g_list_model_get_n_items (medications); i++)
    {
      g_autoptr(MdMedication) m = g_list_model_get_item (medications, i);

      if (g_str_equal (m->name, "Rimegepant 75 mg"))
        {
          g_assert_cmpstr (m->med_class, ==, "gepant");
          g_assert_cmpstr (m->unit, ==, "mg");
          g_assert_cmpfloat (m->default_amount, ==, 75);
          saved = g_object_ref (m);
        }
    }
  g_assert_nonnull (saved);
  uuid = saved->uuid;

  /* Archive it: still listed, marked, but no longer offered for a dose. */
  editor = md_medication_editor_new (GTK_WINDOW (preferences), md_test_gui_context_for (diary), saved);
  gtk_switch_set_active (md_test_gui_child (editor, MD_TYPE_MEDICATION_EDITOR, "archived_switch"), TRUE);
  g_assert_true (md_medication_editor_save (editor));
  g_assert_cmpuint (count_rows (list), ==, presets + 1);
  {
    g_autoptr(MdMedication) archived = md_diary_get_medication (diary, uuid);
    g_autoptr(MdDose) dose = md_dose_new ();
    MdDoseEditor *dose_editor;
    MdMedicationChooser *chooser;
    GListModel *offered;

    g_assert_true (archived->archived);

    dose->medication_uuid = g_strdup ("preset-ibuprofen-400mg");
    dose->taken = g_get_real_time () / G_USEC_PER_SEC;
    dose_editor = md_dose_editor_new (NULL, md_test_gui_context_for (diary), dose);
    chooser = md_test_gui_child (dose_editor, MD_TYPE_DOSE_EDITOR, "medication_chooser");
    offered = md_medication_chooser_get_model (chooser);
    g_assert_cmpuint (g_list_model_get_n_items (offered), ==, presets);
    gtk_window_destroy (GTK_WINDOW (dose_editor));
  }

  gtk_window_destroy (GTK_WINDOW (preferences));
}

/* A preset is shown in the patient's language until it is renamed:
 * its English name stays in the diary (and the CSV). */
static void
test_preset_translated (void)
{
  char *catalogue = md_test_use_catalogue ("msgid \"Ibuprofen 400 mg\"\nmsgstr \"Ibuprofeno 400 mg\"\n\n"
                                           "msgid \"Naproxen 500 mg\"\nmsgstr \"Naproxeno 500 mg\"\n");
  g_autoptr(MdDiary) diary = md_test_new_diary (NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(MdContext) context = context_for (settings, diary);
  MdPreferencesWindow *preferences = md_preferences_window_new (context, NULL);
  GtkListBox *list = md_test_gui_child (preferences, MD_TYPE_PREFERENCES_WINDOW, "medications_list");
  g_autoptr(MdMedication) ibuprofen = md_diary_get_medication (diary, "preset-ibuprofen-400mg");
  g_autoptr(MdMedication) naproxen = md_diary_get_medication (diary, "preset-naproxen-500mg");
  g_autoptr(MdMedication) kept = NULL;
  g_autoptr(MdMedication) renamed = NULL;
  MdMedicationEditor *editor;
  GtkEditable *name;
  gboolean listed = FALSE;

  g_assert_cmpstr (ibuprofen->name, ==, "Ibuprofen 400 mg");
  g_assert_cmpstr (md_medication_get_display_name (ibuprofen), ==, "Ibuprofeno 400 mg");
  for (guint i = 0; i < count_rows (list); i++)
    listed |= g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (list, i))),
                         "Ibuprofeno 400 mg") == 0;
  g_assert_true (listed);

  /* Saved as shown: the name stays the preset's, so it stays translated */
  editor = md_medication_editor_new (GTK_WINDOW (preferences), md_test_gui_context_for (diary), ibuprofen);
  name = md_test_gui_child (editor, MD_TYPE_MEDICATION_EDITOR, "name_row");
  g_assert_cmpstr (gtk_editable_get_text (name), ==, "Ibuprofeno 400 mg");
  gtk_spin_button_set_value (md_test_gui_child (editor, MD_TYPE_MEDICATION_EDITOR, "amount_spin"), 600);
  g_assert_true (md_medication_editor_save (editor));
  kept = md_diary_get_medication (diary, "preset-ibuprofen-400mg");
  g_assert_cmpstr (kept->name, ==, "Ibuprofen 400 mg");
  g_assert_cmpfloat (kept->default_amount, ==, 600);
  g_assert_cmpstr (md_medication_get_display_name (kept), ==, "Ibuprofeno 400 mg");

  /* Renamed: the patient's name, in every language */
  editor = md_medication_editor_new (GTK_WINDOW (preferences), md_test_gui_context_for (diary), naproxen);
  name = md_test_gui_child (editor, MD_TYPE_MEDICATION_EDITOR, "name_row");
  gtk_editable_set_text (name, "Naproxen (Apotheke)");
  g_assert_true (md_medication_editor_save (editor));
  renamed = md_diary_get_medication (diary, "preset-naproxen-500mg");
  g_assert_cmpstr (renamed->name, ==, "Naproxen (Apotheke)");
  g_assert_cmpstr (md_medication_get_display_name (renamed), ==, "Naproxen (Apotheke)");

  gtk_window_destroy (GTK_WINDOW (preferences));
  md_test_drop_catalogue (catalogue);
}

int
main (int   argc,
      char *argv[])
{
  md_test_init_gui (&argc, &argv);
  adw_init ();

  g_test_add_func ("/md/medications/add-edit-archive", test_add_edit_and_archive);
  g_test_add_func ("/md/medications/preset-translated", test_preset_translated);

  return g_test_run ();
}
