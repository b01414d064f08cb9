/* test-day-course.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The day editor and the preventive course editor.
 */

#include "config.h"

#include "md-course-editor.h"
#include "md-date-time-button.h"
#include "md-day-editor.h"
#include "md-preferences-window.h"
#include "md-test-gui.h"
#include "md-test-utils.h"

/* The editor's template child by name */
#define child md_test_gui_own_child

static void
test_day_is_recorded_and_edited_not_duplicated (void)
{
  g_autoptr(MdDiary) diary = md_test_new_diary (NULL);
  g_autoptr(GDateTime) march_3 = g_date_time_new_local (2026, 3, 3, 12, 0, 0);
  g_autoptr(GDateTime) march_4 = g_date_time_new_local (2026, 3, 4, 12, 0, 0);
  g_autoptr(MdDay) day = NULL;
  g_autofree char *uuid = NULL;
  MdDayEditor *editor;

  editor = md_day_editor_new (NULL, md_test_gui_context_for (diary), march_3);
  adw_combo_row_set_selected (child (editor, "status_row"), 1);
  gtk_switch_set_active (child (editor, "menstruation_switch"), TRUE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (child (editor, "notes_view")),
                            "Long walk", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));

  day = md_diary_get_day (diary, "2026-03-03");
  g_assert_nonnull (day);
  g_assert_cmpstr (day->status, ==, "headache-free");
  g_assert_true (day->menstruation);
  g_assert_cmpstr (day->notes, ==, "Long walk");
  uuid = g_strdup (day->uuid);
  g_clear_object (&day);

  /* Another day starts empty; going back loads what was recorded. */
  editor = md_day_editor_new (NULL, md_test_gui_context_for (diary), march_4);
  g_assert_cmpuint (adw_combo_row_get_selected (child (editor, "status_row")), ==, 0);
  md_day_editor_set_day (editor, march_3);
  g_assert_cmpuint (adw_combo_row_get_selected (child (editor, "status_row")), ==, 1);
  g_assert_true (gtk_switch_get_active (child (editor, "menstruation_switch")));

  adw_combo_row_set_selected (child (editor, "status_row"), 2);
  g_assert_true (md_day_editor_save (editor));
  day = md_diary_get_day (diary, "2026-03-03");
  g_assert_cmpstr (day->status, ==, "headache");
  g_assert_cmpstr (day->uuid, ==, uuid);
  g_assert_cmpint (md_diary_count (diary, "days"), ==, 1);
}

static void
test_course_end_before_start_is_refused (void)
{
  g_autoptr(MdDiary) diary = md_test_new_diary (NULL);
  g_autoptr(GDateTime) start = g_date_time_new_local (2026, 2, 1, 12, 0, 0);
  g_autoptr(GDateTime) before = g_date_time_new_local (2026, 1, 1, 12, 0, 0);
  g_autoptr(GDateTime) after = g_date_time_new_local (2026, 5, 1, 12, 0, 0);
  g_autoptr(GPtrArray) courses = NULL;
  MdCourseEditor *editor = md_course_editor_new (NULL, md_test_gui_context_for (diary), NULL);
  MdPreventiveCourse *course;

  /* Only preventive medications are offered; the first is chosen. */
  g_assert_null (md_course_editor_get_problem (editor));
  md_date_time_button_set_date_time (child (editor, "start_button"), start);
  gtk_switch_set_active (child (editor, "ongoing_switch"), FALSE);
  md_date_time_button_set_date_time (child (editor, "end_button"), before);
  g_assert_true (g_str_has_prefix (md_course_editor_get_problem (editor), "End:"));
  g_assert_false (md_course_editor_save (editor));
  g_assert_cmpint (md_diary_count (diary, "preventive_courses"), ==, 0);

  md_date_time_button_set_date_time (child (editor, "end_button"), after);
  gtk_spin_button_set_value (child (editor, "amount_spin"), 400);
  g_assert_true (md_course_editor_save (editor));

  courses = md_diary_list_preventive_courses (diary);
  g_assert_cmpuint (courses->len, ==, 1);
  course = g_ptr_array_index (courses, 0);
  g_assert_cmpstr (course->start_date, ==, "2026-02-01");
  g_assert_cmpstr (course->end_date, ==, "2026-05-01");
  g_assert_cmpfloat (course->amount, ==, 400);
  {
    g_autoptr(MdMedication) medication = md_diary_get_medication (diary, course->medication_uuid);

    g_assert_cmpstr (medication->use, ==, "preventive");
  }
}

/* Why a course ended: asked only once it has ended; which side effects
 * are kept with it; "still taking" again drops the reason. */
static void
test_course_why_it_ended (void)
{
  g_autoptr(MdDiary) diary = md_test_new_diary (NULL);
  g_autoptr(GDateTime) start = g_date_time_new_local (2026, 2, 1, 12, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_new_local (2026, 3, 15, 12, 0, 0);
  g_autoptr(GPtrArray) courses = NULL;
  g_autoptr(MdPreventiveCourse) saved = NULL;
  MdCourseEditor *editor = md_course_editor_new (NULL, md_test_gui_context_for (diary), NULL);
  GtkWidget *reason_row = child (editor, "end_reason_row");
  GtkWidget *notes_row = child (editor, "end_reason_notes_row");

  md_date_time_button_set_date_time (child (editor, "start_button"), start);
  gtk_switch_set_active (child (editor, "ongoing_switch"), TRUE);
  g_assert_false (gtk_widget_get_visible (reason_row));
  g_assert_false (gtk_widget_get_visible (notes_row));

  gtk_switch_set_active (child (editor, "ongoing_switch"), FALSE);
  md_date_time_button_set_date_time (child (editor, "end_button"), end);
  g_assert_true (gtk_widget_get_visible (reason_row));
  adw_combo_row_set_selected (ADW_COMBO_ROW (reason_row), 1); /* not effective */
  g_assert_false (gtk_widget_get_visible (notes_row));
  adw_combo_row_set_selected (ADW_COMBO_ROW (reason_row), 2); /* side effects */
  g_assert_true (gtk_widget_get_visible (notes_row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (notes_row)), ==, "Which S_ide Effects");
  gtk_editable_set_text (child (editor, "end_reason_notes_entry"), "tingling, tiredness ");
  g_assert_true (md_course_editor_save (editor));

  courses = md_diary_list_preventive_courses (diary);
  g_assert_cmpuint (courses->len, ==, 1);
  saved = g_object_ref (g_ptr_array_index (courses, 0));
  g_assert_cmpstr (saved->end_date, ==, "2026-03-15");
  g_assert_cmpstr (saved->end_reason, ==, "side-effects");
  g_assert_cmpstr (saved->end_reason_notes, ==, "tingling, tiredness");

  /* Opened again, it shows the reason; taking it again drops it */
  editor = md_course_editor_new (NULL, md_test_gui_context_for (diary), saved);
  g_assert_cmpuint (adw_combo_row_get_selected (child (editor, "end_reason_row")), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (child (editor, "end_reason_notes_entry")), ==,
                   "tingling, tiredness");
  gtk_switch_set_active (child (editor, "ongoing_switch"), TRUE);
  g_assert_true (md_course_editor_save (editor));
  g_clear_pointer (&courses, g_ptr_array_unref);
  courses = md_diary_list_preventive_courses (diary);
  g_assert_null (((MdPreventiveCourse *) g_ptr_array_index (courses, 0))->end_date);
  g_assert_null (((MdPreventiveCourse *) g_ptr_array_index (courses, 0))->end_reason);
}

static void
test_courses_are_listed_in_preferences (void)
{
  g_autoptr(MdDiary) diary = md_test_new_diary (NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(MdPreventiveCourse) course = md_preventive_course_new ();
  g_autoptr(MdContext) context = NULL;
  MdPreferencesWindow *preferences;
  GtkListBoxRow *row;

  course->medication_uuid = g_strdup ("preset-magnesium-oral-400mg");
  course->start_date = g_strdup ("2026-01-05");
  g_assert_true (md_diary_save_preventive_course (diary, course, NULL));

  context = md_context_new (settings);
  md_context_set_diary (context, diary);
  preferences = md_preferences_window_new (context, NULL);
  row = gtk_list_box_get_row_at_index (md_test_gui_child (preferences, MD_TYPE_PREFERENCES_WINDOW, "courses_list"), 0);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Magnesium 400 mg (elemental)");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "since 2026-01-05");

  /* An ended course says why it ended, as the neurologist will ask */
  course->end_date = g_strdup ("2026-04-05");
  course->end_reason = g_strdup ("side-effects");
  course->end_reason_notes = g_strdup ("tingling");
  g_assert_true (md_diary_save_preventive_course (diary, course, NULL));
  gtk_window_destroy (GTK_WINDOW (preferences));
  preferences = md_preferences_window_new (context, NULL);
  row = gtk_list_box_get_row_at_index (md_test_gui_child (preferences, MD_TYPE_PREFERENCES_WINDOW, "courses_list"), 0);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "2026-01-05 – 2026-04-05 · Side effects");

  gtk_window_destroy (GTK_WINDOW (preferences));
}

int
main (int   argc,
      char *argv[])
{
  md_test_init_gui (&argc, &argv);
  adw_init ();

  g_test_add_func ("/md/day-course/day", test_day_is_recorded_and_edited_not_duplicated);
  g_test_add_func ("/md/day-course/course", test_course_end_before_start_is_refused);
  g_test_add_func ("/md/day-course/course-why-it-ended", test_course_why_it_ended);
  g_test_add_func ("/md/day-course/preferences", test_courses_are_listed_in_preferences);

  return g_test_run ();
}
