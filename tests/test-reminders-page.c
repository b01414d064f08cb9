/* test-reminders-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Reminders view as a patient uses it: add a reminder through the
 * editor, see when it comes next, be stopped by an impossible schedule,
 * switch one off, delete one and undo.
 */

#include "config.h"

#include "md-date-time-button.h"
#include "md-reminder-editor.h"
#include "md-reminders-page.h"
#include "md-reminder-text.h"
#include "md-test-gui.h"
#include "md-test-utils.h"
#include "md-window.h"

/* A new diary's application with its window on the Reminders view,
 * which is returned in @page. */
static MdApplication *
app_with_diary (MdRemindersPage **page)
{
  MdApplication *app = md_test_gui_app_with_diary (NULL);
  MdWindow *window = MD_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));

  md_window_show_view (window, "reminders");
  *page = MD_REMINDERS_PAGE (md_window_get_reminders_page (window));

  return app;
}

static const char *
visible_page (MdRemindersPage *page)
{
  return gtk_stack_get_visible_child_name (md_test_gui_child (page, MD_TYPE_REMINDERS_PAGE, "stack"));
}

static guint
n_rows (MdRemindersPage *page)
{
  GtkListBox *list = md_reminders_page_get_list_box (page);
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;

  return n;
}

static gboolean
is_switch (GtkWidget     *widget,
           gconstpointer  data)
{
  return GTK_IS_SWITCH (widget);
}

static void
assert_refused (MdReminderEditor *editor,
                const char       *problem,
                const char       *row_name)
{
  GtkWidget *save = md_test_gui_child (editor, MD_TYPE_REMINDER_EDITOR, "save_button");
  GtkWidget *row = md_test_gui_child (editor, MD_TYPE_REMINDER_EDITOR, row_name);
  GtkLabel *label = md_test_gui_child (editor, MD_TYPE_REMINDER_EDITOR, "problem_label");

  md_test_iterate (20);
  g_assert_cmpstr (md_reminder_editor_get_problem (editor), ==, problem);
  g_assert_cmpstr (gtk_label_get_text (label), ==, problem);
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_false (gtk_widget_is_sensitive (save));
  g_assert_false (md_reminder_editor_save (editor));
}

static void
test_add_toggle_delete (void)
{
  MdRemindersPage *page = NULL;
  g_autoptr(MdApplication) app = app_with_diary (&page);
  MdDiary *diary = md_application_get_diary (app);
  MdReminderEditor *editor;
  GtkBox *days_box;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autoptr(GPtrArray) reminders = NULL;
  g_autofree char *expected = NULL;
  AdwActionRow *row;
  GtkWidget *toggle;
  AdwToast *toast;
  MdReminder *reminder;

  /* The empty state offers the real button. */
  g_assert_cmpstr (visible_page (page), ==, "empty");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "reminders.add", NULL));
  g_assert_true (md_test_gui_wait_toplevel (MD_TYPE_REMINDER_EDITOR, TRUE));
  editor = MD_REMINDER_EDITOR (md_test_gui_find_toplevel (MD_TYPE_REMINDER_EDITOR));

  /* A form just opened shows no error; a daily check-in needs no title. */
  md_test_iterate (20);
  g_assert_null (md_reminder_editor_get_problem (editor));
  g_assert_false (gtk_revealer_get_reveal_child (md_test_gui_child (editor, MD_TYPE_REMINDER_EDITOR, "problem_revealer")));

  /* An appointment does: refused, and said. */
  adw_combo_row_set_selected (md_test_gui_child (editor, MD_TYPE_REMINDER_EDITOR, "kind_row"), 2);
  assert_refused (editor, "Title: give the reminder a title.", "title_row");
  adw_combo_row_set_selected (md_test_gui_child (editor, MD_TYPE_REMINDER_EDITOR, "kind_row"), 0);
  gtk_editable_set_text (GTK_EDITABLE (md_test_gui_child (editor, MD_TYPE_REMINDER_EDITOR, "title_row")), "Log your day");

  /* No weekday. */
  days_box = md_test_gui_child (editor, MD_TYPE_REMINDER_EDITOR, "days_box");
  for (GtkWidget *b = gtk_widget_get_first_child (GTK_WIDGET (days_box)); b != NULL; b = gtk_widget_get_next_sibling (b))
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (b), FALSE);
  assert_refused (editor, "Days: choose at least one weekday.", "days_row");
  for (GtkWidget *b = gtk_widget_get_first_child (GTK_WIDGET (days_box)); b != NULL; b = gtk_widget_get_next_sibling (b))
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (b), TRUE);

  /* No time. */
  gtk_editable_set_text (GTK_EDITABLE (md_test_gui_child (editor, MD_TYPE_REMINDER_EDITOR, "times_entry")), "");
  assert_refused (editor, "Times: choose at least one time of day.", "times_row");

  /* Every 0 days. */
  gtk_editable_set_text (GTK_EDITABLE (md_test_gui_child (editor, MD_TYPE_REMINDER_EDITOR, "times_entry")), "8:00");
  adw_combo_row_set_selected (md_test_gui_child (editor, MD_TYPE_REMINDER_EDITOR, "repeat_row"), 1);
  gtk_spin_button_set_value (md_test_gui_child (editor, MD_TYPE_REMINDER_EDITOR, "every_spin"), 0);
  assert_refused (editor, "Every: the number of days must be from 1 to 366.", "every_row");
  adw_combo_row_set_selected (md_test_gui_child (editor, MD_TYPE_REMINDER_EDITOR, "repeat_row"), 0);

  /* An appointment in the past. */
  adw_combo_row_set_selected (md_test_gui_child (editor, MD_TYPE_REMINDER_EDITOR, "kind_row"), 2);
  md_date_time_button_set_date_time (md_test_gui_child (editor, MD_TYPE_REMINDER_EDITOR, "at_button"), yesterday);
  assert_refused (editor, "At: the appointment is in the past.", "at_row");

  /* Back to a daily check-in at 08:00: saved. */
  adw_combo_row_set_selected (md_test_gui_child (editor, MD_TYPE_REMINDER_EDITOR, "kind_row"), 0);
  md_test_iterate (20);
  g_assert_null (md_reminder_editor_get_problem (editor));
  g_assert_true (gtk_widget_is_sensitive (md_test_gui_child (editor, MD_TYPE_REMINDER_EDITOR, "save_button")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_true (md_test_gui_wait_toplevel (MD_TYPE_REMINDER_EDITOR, FALSE));

  reminders = md_diary_list_reminders (diary);
  g_assert_cmpuint (reminders->len, ==, 1);
  reminder = g_ptr_array_index (reminders, 0);
  g_assert_cmpstr (reminder->kind, ==, "check-in");
  g_assert_cmpstr (reminder->schedule, ==, "v1;daily;times=08:00;days=mon,tue,wed,thu,fri,sat,sun");
  g_assert_true (reminder->enabled);

  /* In the list, with when it comes next in words. */
  md_test_iterate (20);
  g_assert_cmpstr (visible_page (page), ==, "list");
  g_assert_cmpuint (n_rows (page), ==, 1);
  row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (md_reminders_page_get_list_box (page), 0));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Log your day");
  expected = g_strdup_printf ("Daily check-in · %s at 08:00",
                              g_date_time_get_hour (now) < 8 ? "Today" : "Tomorrow");
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, expected);

  /* Switched off: saved, and the row says so. */
  toggle = md_test_gui_find_widget (GTK_WIDGET (row), is_switch, NULL);
  g_assert_nonnull (toggle);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (toggle), ==, "Remind “Log your day”");
  gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
  md_test_iterate (20);
  g_clear_pointer (&reminders, g_ptr_array_unref);
  reminders = md_diary_list_reminders (diary);
  g_assert_false (((MdReminder *) g_ptr_array_index (reminders, 0))->enabled);
  row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (md_reminders_page_get_list_box (page), 0));
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "Daily check-in · Off");

  /* Deleted, with an undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "reminders.delete", "s",
                                             ((MdReminder *) g_ptr_array_index (reminders, 0))->uuid));
  md_test_iterate (20);
  g_assert_cmpuint (md_diary_count (diary, "reminders"), ==, 0);
  g_assert_cmpstr (visible_page (page), ==, "empty");

  toast = md_reminders_page_delete_reminder (page, "no-such-reminder");
  g_assert_null (toast);
  g_clear_pointer (&reminders, g_ptr_array_unref);

  /* Undo through the toast, as its button does. */
  {
    g_autoptr(MdReminder) again = md_reminder_new ();

    again->kind = g_strdup ("appointment");
    again->title = g_strdup ("Neurologist");
    again->schedule = g_strdup ("v1;once;at=2099-03-04T09:30;lead=86400");
    again->enabled = TRUE;
    g_assert_true (md_diary_save_reminder (diary, again, NULL));
    toast = md_reminders_page_delete_reminder (page, again->uuid);
  }
  g_assert_nonnull (toast);
  g_assert_cmpuint (md_diary_count (diary, "reminders"), ==, 0);
  g_signal_emit_by_name (toast, "button-clicked");
  md_test_iterate (20);
  g_assert_cmpuint (md_diary_count (diary, "reminders"), ==, 1);
  g_assert_cmpuint (n_rows (page), ==, 1);
  row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (md_reminders_page_get_list_box (page), 0));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Neurologist");

  md_test_gui_close_all (app);
}

static void
test_edit_keeps_schedule (void)
{
  MdRemindersPage *page = NULL;
  g_autoptr(MdApplication) app = app_with_diary (&page);
  MdDiary *diary = md_application_get_diary (app);
  g_autoptr(MdReminder) reminder = md_reminder_new ();
  g_autoptr(GPtrArray) reminders = NULL;
  MdReminderEditor *editor;

  reminder->kind = g_strdup ("check-in");
  reminder->title = g_strdup ("Weekdays");
  reminder->schedule = g_strdup ("v1;every;n=3;start=2026-01-30;times=07:30,21:00");
  reminder->enabled = TRUE;
  g_assert_true (md_diary_save_reminder (diary, reminder, NULL));

  editor = MD_REMINDER_EDITOR (md_reminders_page_edit_reminder (page, reminder->uuid));
  g_assert_nonnull (editor);
  md_test_iterate (20);
  g_assert_null (md_reminder_editor_get_problem (editor));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (md_test_gui_child (editor, MD_TYPE_REMINDER_EDITOR, "times_entry"))),
                   ==, "07:30,21:00");
  g_assert_true (md_reminder_editor_save (editor));

  reminders = md_diary_list_reminders (diary);
  g_assert_cmpuint (reminders->len, ==, 1);
  g_assert_cmpstr (((MdReminder *) g_ptr_array_index (reminders, 0))->schedule, ==,
                   "v1;every;n=3;start=2026-01-30;times=07:30,21:00");

  md_test_gui_close_all (app);
}

/* The words a row and a late notification use */
static void
test_reminder_text (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr(GDateTime) now = g_date_time_new (zone, 2026, 11, 25, 9, 30, 0);
  g_autoptr(GDateTime) tonight = g_date_time_new (zone, 2026, 11, 25, 20, 0, 0);
  g_autoptr(GDateTime) tomorrow = g_date_time_new (zone, 2026, 11, 26, 8, 0, 0);
  g_autoptr(GDateTime) yesterday = g_date_time_new (zone, 2026, 11, 24, 20, 0, 0);
  g_autofree char *a = md_reminder_describe_next (tonight, now);
  g_autofree char *b = md_reminder_describe_next (tomorrow, now);
  g_autoptr(GDateTime) earlier = g_date_time_add_hours (now, -1);
  g_autofree char *late_today = md_reminder_describe_late (earlier, now);
  g_autofree char *late_yesterday = md_reminder_describe_late (yesterday, now);

  g_assert_cmpstr (a, ==, "Today at 20:00");
  g_assert_cmpstr (b, ==, "Tomorrow at 08:00");
  g_assert_cmpstr (late_today, ==, "Missed at 08:30");
  g_assert_cmpstr (late_yesterday, ==, "Missed on 24 Nov at 20:00");
}

int
main (int   argc,
      char *argv[])
{
  md_test_init_gui (&argc, &argv);

  g_test_add_func ("/md/reminders-page/add-toggle-delete", test_add_toggle_delete);
  g_test_add_func ("/md/reminders-page/edit", test_edit_keeps_schedule);
  g_test_add_func ("/md/reminders-page/reminder-text", test_reminder_text);

  return g_test_run ();
}
