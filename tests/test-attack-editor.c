/* test-attack-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "md-attack-editor.h"
#include "md-date-time-button.h"
#include "md-dose-editor.h"
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
  g_autoptr(GError) error = NULL;
  const char *symptoms[] = { "nausea", NULL };

  fixture->diary = md_test_new_diary (NULL);

  fixture->attack = md_attack_new ();
  fixture->attack->start = g_get_real_time () / G_USEC_PER_SEC - 10 * 3600;
  fixture->attack->start_offset = 3600;
  fixture->attack->end = fixture->attack->start + 4 * 3600;
  fixture->attack->end_offset = 3600;
  fixture->attack->peak_pain = 2;
  fixture->attack->side = g_strdup ("right");
  fixture->attack->symptoms = g_strdupv ((char **) symptoms);
  g_assert_true (md_diary_save_attack (fixture->diary, fixture->attack, &error));
  g_assert_no_error (error);
}

/* An editor of the fixture's attack. */
static MdAttackEditor *
new_editor (Fixture *fixture)
{
  return md_attack_editor_new (NULL, md_test_gui_context_for (fixture->diary), fixture->attack);
}

static void
test_loads_the_attack (Fixture       *fixture,
                       gconstpointer  data)
{
  MdAttackEditor *editor = new_editor (fixture);
  MdAttack *shown = md_attack_editor_get_attack (editor);

  g_assert_cmpstr (shown->uuid, ==, fixture->attack->uuid);
  /* Opening and saving an attack never moves its times. */
  g_assert_cmpint (shown->start, ==, fixture->attack->start);
  g_assert_cmpint (shown->end, ==, fixture->attack->end);
  g_assert_cmpint (shown->peak_pain, ==, 2);
  g_assert_cmpstr (shown->side, ==, "right");
  g_assert_true (g_strv_contains ((const char * const *) shown->symptoms, "nausea"));
  g_assert_false (gtk_switch_get_active (child (editor, "ongoing_switch")));
  g_assert_null (md_attack_editor_get_problem (editor));

  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_end_before_start_is_refused_inline (Fixture       *fixture,
                                         gconstpointer  data)
{
  MdAttackEditor *editor = new_editor (fixture);
  MdDateTimeButton *end_button = child (editor, "end_button");
  MdDateTimeButton *start_button = child (editor, "start_button");
  g_autoptr(GDateTime) before = g_date_time_add_hours (md_date_time_button_get_date_time (start_button), -1);
  g_autoptr(MdAttack) stored = NULL;

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (child (editor, "notes_view")),
                            "Typed while waiting", -1);
  md_date_time_button_set_date_time (end_button, before);

  /* The field is named, Save is off, and nothing reached the diary. */
  g_assert_nonnull (md_attack_editor_get_problem (editor));
  g_assert_true (g_str_has_prefix (md_attack_editor_get_problem (editor), "End:"));
  g_assert_true (gtk_widget_has_css_class (child (editor, "end_row"), "error"));
  g_assert_true (gtk_revealer_get_reveal_child (child (editor, "problem_revealer")));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL) &&
                  md_attack_editor_get_problem (editor) == NULL);
  g_assert_false (md_attack_editor_save (editor));
  stored = md_diary_get_attack (fixture->diary, fixture->attack->uuid);
  g_assert_cmpint (stored->end, ==, fixture->attack->end);

  /* What was typed is still there. */
  g_assert_cmpstr (md_attack_editor_get_attack (editor)->notes, ==, "Typed while waiting");

  /* Mark it ongoing: the end no longer matters, and it saves. */
  gtk_switch_set_active (child (editor, "ongoing_switch"), TRUE);
  g_assert_null (md_attack_editor_get_problem (editor));

  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_save_keeps_uuid (Fixture       *fixture,
                      gconstpointer  data)
{
  MdAttackEditor *editor = new_editor (fixture);
  g_autoptr(MdAttack) stored = NULL;
  GtkEntry *entry = child (editor, "symptom_entry");

  g_object_ref (editor);
  md_pain_picker_set_pain (child (editor, "pain_picker"), 3);
  adw_combo_row_set_selected (child (editor, "quality_row"), 1);
  adw_combo_row_set_selected (child (editor, "aura_row"), 1);
  gtk_spin_button_set_value (child (editor, "aura_minutes_spin"), 25);
  adw_combo_row_set_selected (child (editor, "disability_row"), 4);

  /* A symptom of the patient's own, added from the keyboard. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "Tingling lips");
  g_signal_emit_by_name (entry, "activate");

  /* Ctrl+Enter runs editor.save. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));

  stored = md_diary_get_attack (fixture->diary, fixture->attack->uuid);
  g_assert_nonnull (stored);
  g_assert_cmpint (md_diary_count (fixture->diary, "attacks"), ==, 1);
  g_assert_cmpint (stored->peak_pain, ==, 3);
  g_assert_cmpstr (stored->quality, ==, "pulsating");
  g_assert_cmpstr (stored->aura, ==, "visual");
  g_assert_cmpint (stored->aura_minutes, ==, 25);
  g_assert_cmpint (stored->disability, ==, 3);
  g_assert_cmpuint (g_strv_length (stored->symptoms), ==, 2);
  {
    g_autofree char *label = NULL;

    for (guint i = 0; stored->symptoms[i] != NULL; i++)
      if (g_str_has_prefix (stored->symptoms[i], "custom-"))
        label = md_diary_get_symptom_label (fixture->diary, stored->symptoms[i]);
    g_assert_cmpstr (label, ==, "Tingling lips");
  }

  /* Saving closed the editor. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_object_unref (editor);
}

static void
test_doses_of_the_attack (Fixture       *fixture,
                          gconstpointer  data)
{
  MdAttackEditor *editor = new_editor (fixture);
  GtkListBox *doses = child (editor, "doses_list");
  g_autoptr(GPtrArray) saved = NULL;
  GtkWindow *dose_editor;

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (doses)));

  dose_editor = md_test_gui_open_by_action (editor, "editor.add-dose", NULL, MD_TYPE_DOSE_EDITOR);
  md_pain_picker_set_pain (MD_PAIN_PICKER (gtk_widget_get_template_child (GTK_WIDGET (dose_editor),
                                                                          MD_TYPE_DOSE_EDITOR,
                                                                          "pain_picker")), 2);
  g_assert_true (md_dose_editor_save (MD_DOSE_EDITOR (dose_editor)));
  md_test_iterate (50);

  saved = md_diary_list_doses_for_attack (fixture->diary, fixture->attack->uuid);
  g_assert_cmpuint (saved->len, ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (doses)));
  g_assert_nonnull (gtk_list_box_get_row_at_index (doses, 0));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete-dose", "s",
                                             ((MdDose *) g_ptr_array_index (saved, 0))->uuid));
  g_assert_cmpint (md_diary_count (fixture->diary, "doses"), ==, 0);
  g_assert_null (gtk_list_box_get_row_at_index (doses, 0));

  gtk_window_destroy (GTK_WINDOW (editor));
}

/* An editor shows a record of the diary it was opened on: when another
 * diary takes the context's place (a restored backup), it closes rather
 * than save into the replaced one. */
static void
test_closes_when_the_diary_is_replaced (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(MdContext) context = md_context_new (settings);
  MdAttackEditor *editor;

  md_context_set_diary (context, fixture->diary);
  editor = md_attack_editor_new (NULL, context, fixture->attack);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_window_present (GTK_WINDOW (editor));

  md_context_set_diary (context, NULL);
  g_assert_null (editor);
}

int
main (int   argc,
      char *argv[])
{
  static const MdTestAttackCase cases[] = {
    { "/md/attack-editor/load", test_loads_the_attack },
    { "/md/attack-editor/end-before-start", test_end_before_start_is_refused_inline },
    { "/md/attack-editor/doses", test_doses_of_the_attack },
    { "/md/attack-editor/closes-when-diary-replaced", test_closes_when_the_diary_is_replaced },
    { "/md/attack-editor/save", test_save_keeps_uuid },
  };

  return md_test_run_attack_tests (&argc, &argv, fixture_set_up, cases, G_N_ELEMENTS (cases));
}
