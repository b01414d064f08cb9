/* test-dose-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "md-date-time-button.h"
#include "md-dose-editor.h"
#include "md-medication-editor.h"
#include "md-pain-picker.h"
#include "md-test-gui.h"
#include "md-test-utils.h"

typedef MdTestAttackFixture Fixture;

/* The editor's template child by name */
#define child md_test_gui_own_child

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->diary = md_test_new_diary (NULL);
  fixture->attack = md_attack_new ();
  fixture->attack->start = g_get_real_time () / G_USEC_PER_SEC - 3 * 3600;
  fixture->attack->peak_pain = 3;
  g_assert_true (md_diary_save_attack (fixture->diary, fixture->attack, NULL));
}

static MdDoseEditor *
new_editor (Fixture    *fixture,
            const char *medication)
{
  g_autoptr(MdDose) dose = md_dose_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  dose->attack_uuid = g_strdup (fixture->attack->uuid);
  dose->medication_uuid = g_strdup (medication);
  dose->taken = g_date_time_to_unix (now) - 60;
  dose->taken_offset = (int) (g_date_time_get_utc_offset (now) / G_TIME_SPAN_SECOND);
  dose->setting = g_strdup ("home");

  return g_object_ref_sink (md_dose_editor_new (NULL, md_test_gui_context_for (fixture->diary), dose));
}

static void
test_pain_now_is_asked_and_saved_with_the_dose (Fixture       *fixture,
                                                gconstpointer  data)
{
  MdDoseEditor *editor = new_editor (fixture, "preset-sumatriptan-50mg");
  g_autoptr(GPtrArray) doses = NULL;
  g_autoptr(GPtrArray) readings = NULL;
  MdDose *dose;
  MdPainReading *reading;

  /* Prefilled from the medication's default. */
  dose = md_dose_editor_get_dose (editor);
  g_assert_cmpfloat (dose->amount, ==, 50);
  g_assert_cmpstr (dose->unit, ==, "mg");
  g_assert_cmpstr (dose->route, ==, "oral");
  g_assert_false (gtk_widget_get_visible (child (editor, "infusion_group")));

  /* Save waits for the pain now, but a form just opened shows no error:
   * it is said once Save is pressed. */
  g_assert_nonnull (md_dose_editor_get_problem (editor));
  g_assert_true (g_str_has_prefix (md_dose_editor_get_problem (editor), "Pain now:"));
  g_assert_false (gtk_revealer_get_reveal_child (child (editor, "problem_revealer")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_true (gtk_revealer_get_reveal_child (child (editor, "problem_revealer")));
  g_assert_cmpstr (gtk_label_get_text (child (editor, "problem_label")), ==, md_dose_editor_get_problem (editor));
  g_assert_false (md_dose_editor_save (editor));
  g_assert_cmpint (md_diary_count (fixture->diary, "doses"), ==, 0);

  md_pain_picker_set_pain (child (editor, "pain_picker"), 2);
  adw_combo_row_set_selected (child (editor, "bothersome_row"), 2);
  g_assert_null (md_dose_editor_get_problem (editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));

  doses = md_diary_list_doses_for_attack (fixture->diary, fixture->attack->uuid);
  g_assert_cmpuint (doses->len, ==, 1);
  dose = g_ptr_array_index (doses, 0);
  g_assert_cmpstr (dose->medication_uuid, ==, "preset-sumatriptan-50mg");
  g_assert_cmpstr (dose->most_bothersome, ==, "photophobia");

  readings = md_diary_list_pain_readings (fixture->diary, fixture->attack->uuid);
  g_assert_cmpuint (readings->len, ==, 1);
  reading = g_ptr_array_index (readings, 0);
  g_assert_cmpint (reading->pain, ==, 2);
  g_assert_cmpint (reading->time, ==, dose->taken);
  g_assert_cmpstr (reading->dose_uuid, ==, dose->uuid);

  g_object_unref (editor);
}

static void
test_infusion_fields (Fixture       *fixture,
                      gconstpointer  data)
{
  MdDoseEditor *editor = new_editor (fixture, "preset-sumatriptan-50mg");
  g_autoptr(MdDose) saved = NULL;
  MdDose *dose;

  md_dose_editor_set_medication (editor, "preset-magnesium-sulfate-iv-2g");
  dose = md_dose_editor_get_dose (editor);
  g_assert_cmpfloat (dose->amount, ==, 2);
  /* Amounts read as people write them. */
  g_assert_cmpstr (gtk_editable_get_text (child (editor, "amount_spin")), ==, "2");
  gtk_spin_button_set_value (child (editor, "amount_spin"), 1.5);
  g_assert_cmpstr (gtk_editable_get_text (child (editor, "amount_spin")), ==, "1.5");
  gtk_spin_button_set_value (child (editor, "amount_spin"), 2);
  g_assert_cmpstr (dose->unit, ==, "g");
  g_assert_cmpstr (dose->route, ==, "iv");
  g_assert_true (gtk_widget_get_visible (child (editor, "infusion_group")));
  /* Infusions in the trials ran 10-30 minutes: 20 is the starting guess. */
  g_assert_cmpint (dose->infusion_end - dose->taken, >=, 20 * 60 - 60);
  g_assert_cmpint (dose->infusion_end - dose->taken, <=, 20 * 60 + 60);

  adw_combo_row_set_selected (child (editor, "setting_row"), 2);
  gtk_editable_set_text (GTK_EDITABLE (child (editor, "co_administered_entry")), "Metoclopramide 10 mg IV");
  gtk_spin_button_set_value (child (editor, "cost_spin"), 35.5);
  md_pain_picker_set_pain (child (editor, "pain_picker"), 3);
  g_assert_true (md_dose_editor_save (editor));

  {
    g_autoptr(GPtrArray) doses = md_diary_list_doses_for_attack (fixture->diary, fixture->attack->uuid);

    saved = g_object_ref (g_ptr_array_index (doses, 0));
  }
  g_assert_cmpstr (saved->setting, ==, "emergency-room");
  g_assert_cmpstr (saved->co_administered, ==, "Metoclopramide 10 mg IV");
  g_assert_cmpfloat (saved->cost, ==, 35.5);
  g_assert_cmpint (saved->infusion_end, >, saved->taken);

  g_object_unref (editor);
}

static void
test_invalid_amount_is_refused (Fixture       *fixture,
                                gconstpointer  data)
{
  MdDoseEditor *editor = new_editor (fixture, "preset-ibuprofen-400mg");

  md_pain_picker_set_pain (child (editor, "pain_picker"), 1);
  gtk_spin_button_set_value (child (editor, "amount_spin"), 0);
  g_assert_true (g_str_has_prefix (md_dose_editor_get_problem (editor), "Amount:"));
  g_assert_false (md_dose_editor_save (editor));
  g_assert_cmpint (md_diary_count (fixture->diary, "doses"), ==, 0);

  g_object_unref (editor);
}

static void
test_new_medication_inline (Fixture       *fixture,
                            gconstpointer  data)
{
  MdDoseEditor *editor = new_editor (fixture, "preset-ibuprofen-400mg");
  GtkWindow *medication_editor;

  medication_editor = md_test_gui_open_by_action (editor, "editor.new-medication", NULL, MD_TYPE_MEDICATION_EDITOR);
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (medication_editor),
                                                                      MD_TYPE_MEDICATION_EDITOR,
                                                                      "name_row")),
                         "Lasmiditan 100 mg");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (medication_editor),
                                                                             MD_TYPE_MEDICATION_EDITOR,
                                                                             "amount_spin")), 100);
  g_assert_true (md_medication_editor_save (MD_MEDICATION_EDITOR (medication_editor)));

  /* Back in the dose, the new medication is chosen, its default filled in. */
  {
    MdDose *dose = md_dose_editor_get_dose (editor);
    g_autoptr(MdMedication) medication = md_diary_get_medication (fixture->diary, dose->medication_uuid);

    g_assert_cmpstr (medication->name, ==, "Lasmiditan 100 mg");
    g_assert_cmpfloat (dose->amount, ==, 100);
  }

  gtk_window_destroy (GTK_WINDOW (editor));
  g_object_unref (editor);
}

/* Why the dose was given: a clinic infusion with no attack starts as
 * prevention and follows the form until the patient chooses; a dose for
 * an attack starts as "a headache"; a saved dose shows what it says. */
static void
test_taken_for (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(MdDose) dose = md_dose_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(MdDose) saved = NULL;
  MdDoseEditor *editor;
  MdDoseEditor *linked;
  AdwComboRow *row;

  dose->medication_uuid = g_strdup ("preset-magnesium-sulfate-iv-1g");
  dose->taken = g_date_time_to_unix (now) - 3600;
  dose->taken_offset = (int) (g_date_time_get_utc_offset (now) / G_TIME_SPAN_SECOND);
  dose->setting = g_strdup ("clinic");
  editor = g_object_ref_sink (md_dose_editor_new (NULL, md_test_gui_context_for (fixture->diary), dose));
  row = child (editor, "purpose_row");

  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 1);
  g_assert_cmpstr (md_dose_editor_get_dose (editor)->purpose, ==, "prevention");
  /* At home (no course going on) it is for a headache */
  adw_combo_row_set_selected (child (editor, "setting_row"), 0);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  adw_combo_row_set_selected (child (editor, "setting_row"), 1);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 1);

  /* The patient says it was for a headache: that stays. */
  adw_combo_row_set_selected (row, 0);
  adw_combo_row_set_selected (child (editor, "setting_row"), 0);
  adw_combo_row_set_selected (child (editor, "setting_row"), 1);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  g_assert_true (md_dose_editor_save (editor));
  saved = md_diary_get_dose (fixture->diary, md_dose_editor_get_dose (editor)->uuid);
  g_assert_cmpstr (saved->purpose, ==, "acute");
  g_object_unref (editor);

  /* Saved as prevention, shown as prevention, even in a headache's row */
  g_free (saved->purpose);
  saved->purpose = g_strdup ("prevention");
  g_assert_true (md_diary_save_dose (fixture->diary, saved, NULL));
  editor = g_object_ref_sink (md_dose_editor_new (NULL, md_test_gui_context_for (fixture->diary), saved));
  g_assert_cmpuint (adw_combo_row_get_selected (child (editor, "purpose_row")), ==, 1);
  adw_combo_row_set_selected (child (editor, "setting_row"), 0);
  g_assert_cmpuint (adw_combo_row_get_selected (child (editor, "purpose_row")), ==, 1);
  g_object_unref (editor);

  linked = new_editor (fixture, "preset-magnesium-sulfate-iv-1g");
  g_assert_cmpuint (adw_combo_row_get_selected (child (linked, "purpose_row")), ==, 0);
  g_assert_cmpstr (md_dose_editor_get_dose (linked)->purpose, ==, "acute");
  g_object_unref (linked);
}

int
main (int   argc,
      char *argv[])
{
  static const MdTestAttackCase cases[] = {
    { "/md/dose-editor/pain-now", test_pain_now_is_asked_and_saved_with_the_dose },
    { "/md/dose-editor/infusion", test_infusion_fields },
    { "/md/dose-editor/new-medication", test_new_medication_inline },
    { "/md/dose-editor/invalid-amount", test_invalid_amount_is_refused },
    { "/md/dose-editor/taken-for", test_taken_for },
  };

  return md_test_run_attack_tests (&argc, &argv, fixture_set_up, cases, G_N_ELEMENTS (cases));
}
