/* test-window-diary.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window and the diary file: opening, a damaged or too-new file,
 * CSV import and export from the window.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "md-cli.h"
#include "md-database-private.h"
#include "md-error.h"
#include "md-paths.h"
#include "md-medication-editor.h"
#include "md-preferences-window.h"
#include "md-test-gui.h"
#include "md-test-utils.h"
#include "md-window.h"

static void
test_window_opens_the_diary (void)
{
  g_autofree char *path = md_test_temp_path ("diary.db");
  g_autoptr(MdApplication) app = md_test_gui_app_for (path);
  GtkWidget *window = GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (app)));

  g_assert_nonnull (md_application_get_diary (app));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (gtk_widget_is_sensitive (window));

  md_test_gui_close_all (app);
}

static void
respond_to_dialog (const char *response)
{
  GtkWindow *dialog;

  g_assert_true (md_test_gui_wait_toplevel (ADW_TYPE_MESSAGE_DIALOG, TRUE));
  dialog = md_test_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), response));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (dialog);
  md_test_iterate (50);
}

static void
test_damaged_diary_offers_the_backup (void)
{
  g_autofree char *path = md_test_temp_path ("diary.db");
  g_autoptr(MdApplication) app = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;

  /* A diary with one attack, backed up, then overwritten with garbage. */
  {
    g_autoptr(MdDiary) diary = md_test_open_diary (path);

    md_test_save_attack (diary, 1700000000, 2);
    g_assert_true (md_database_backup_if_due (path, now, NULL, NULL));
  }
  g_assert_true (g_file_set_contents (path, "garbage, not a diary", -1, NULL));

  app = md_test_gui_app_for (path);
  g_assert_null (md_application_get_diary (app));
  respond_to_dialog ("restore");

  g_assert_nonnull (md_application_get_diary (app));
  g_assert_cmpint (md_diary_count (md_application_get_diary (app), "attacks"), ==, 1);

  md_test_gui_close_all (app);
}

static void
test_newer_diary_is_explained (void)
{
  g_autofree char *path = md_test_temp_path ("diary.db");
  g_autoptr(MdApplication) app = NULL;
  GtkWindow *dialog;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); PRAGMA user_version = 42;", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);

  app = md_test_gui_app_for (path);
  g_assert_null (md_application_get_diary (app));
  g_assert_true (md_test_gui_wait_toplevel (ADW_TYPE_MESSAGE_DIALOG, TRUE));
  dialog = md_test_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "newer version"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "quit"));
  g_assert_false (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "new"));

  md_test_gui_close_all (app);
}

static void
test_export_and_import_from_the_window (void)
{
  g_autofree char *path = md_test_temp_path ("diary.db");
  g_autofree char *other = md_test_temp_path ("diary.db");
  g_autofree char *dir = md_test_make_temp_dir ();
  g_autofree char *csv = g_build_filename (dir, "export.csv", NULL);
  g_autoptr(MdApplication) app = NULL;
  g_autoptr(MdApplication) second = NULL;
  g_autofree char *contents = NULL;
  MdWindow *window;

  {
    g_autoptr(MdDiary) diary = md_test_open_diary (path);

    md_test_save_attack (diary, 1700000000, 3);
  }

  app = md_test_gui_app_for (path);
  window = MD_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  md_window_export_csv (window, csv);
  g_assert_true (md_window_is_busy (window));
  g_assert_true (md_test_wait_for (md_test_gui_window_idle, window, 10000));
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "#migraine-diary-csv,2\n"));
  /* A toast (a widget with a title label) names the file. */
  g_assert_nonnull (md_test_gui_find_widget (GTK_WIDGET (window), md_test_gui_label_contains, "export.csv"));
  md_test_gui_close_all (app);

  second = md_test_gui_app_for (other);
  window = MD_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (second)));
  g_assert_cmpuint (g_list_model_get_n_items (md_diary_get_attacks (md_application_get_diary (second))), ==, 0);
  md_window_import_csv (window, csv);
  g_assert_true (md_test_wait_for (md_test_gui_window_idle, window, 10000));
  /* The window's own diary sees what the import thread wrote. */
  g_assert_cmpuint (g_list_model_get_n_items (md_diary_get_attacks (md_application_get_diary (second))), ==, 1);
  g_assert_nonnull (md_test_gui_find_widget (GTK_WIDGET (window), md_test_gui_label_contains, "Imported 1 new entry"));
  md_test_gui_close_all (second);
}

static gboolean
app_idle (gpointer user_data)
{
  return !g_application_get_is_busy (user_data);
}

static guint
count_attacks_in_file (const char *path)
{
  g_autoptr(MdDiary) diary = md_diary_open (path, NULL);

  return g_list_model_get_n_items (md_diary_get_attacks (diary));
}

/* Closing the window while a job runs: the job holds the application
 * (busy until it ends), never touches the closed window (a CRITICAL is
 * fatal here), and ends whole — an import is all or nothing, an export
 * and a report are complete files or none. */
static void
test_close_window_during_jobs (void)
{
  g_autofree char *source = md_test_generate_diary ((const char *[]) { "--years", "10", "--seed", "11", NULL });
  g_autofree char *path = md_test_temp_path ("diary.db");
  g_autofree char *dir = md_test_make_temp_dir ();
  g_autofree char *csv = g_build_filename (dir, "ten-years.csv", NULL);
  g_autofree char *exported = g_build_filename (dir, "exported.csv", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(MdApplication) app = NULL;
  g_autofree char *contents = NULL;
  MdWindow *window;
  guint total;
  guint imported;

  g_assert_true (md_cli_export_csv (source, csv, NULL));
  total = count_attacks_in_file (source);
  g_assert_cmpuint (total, >, 100);

  /* Import */
  app = md_test_gui_app_for (path);
  window = MD_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  md_window_import_csv (window, csv);
  g_assert_true (g_application_get_is_busy (G_APPLICATION (app)));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (md_test_wait_for (app_idle, app, 30000));
  imported = count_attacks_in_file (path);
  g_assert_true (imported == 0 || imported == total);
  g_assert_cmpuint (g_list_model_get_n_items (md_diary_get_attacks (md_application_get_diary (app))), ==, imported);

  /* Export */
  window = md_test_gui_open_window (app);
  md_window_export_csv (window, exported);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (md_test_wait_for (app_idle, app, 30000));
  g_assert_true (g_file_get_contents (exported, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "#migraine-diary-csv,"));
  {
    g_autofree char *again = g_build_filename (dir, "again.csv", NULL);
    g_autofree char *expected = NULL;

    g_assert_true (md_cli_export_csv (path, again, NULL));
    g_assert_true (g_file_get_contents (again, &expected, NULL, NULL));
    g_assert_cmpstr (contents, ==, expected);
    g_unlink (again);
  }

  /* Report */
  window = md_test_gui_open_window (app);
  md_window_export_report (window, pdf);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (md_test_wait_for (app_idle, app, 30000));
  if (g_file_test (pdf, G_FILE_TEST_EXISTS))
    {
      g_autofree char *report = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (pdf, &report, &length, NULL));
      g_assert_true (g_str_has_prefix (report, "%PDF"));
      g_assert_nonnull (g_strrstr_len (report, length, "%%EOF"));
    }

  md_test_gui_close_all (app);
  g_unlink (csv);
  g_unlink (exported);
  g_unlink (pdf);
}

/* Export PDF given the diary's own file: refused in a dialog, diary whole */
static void
test_report_refuses_the_diary_itself (void)
{
  g_autofree char *path = md_test_temp_path ("diary.db");
  g_autoptr(MdApplication) app = md_test_gui_app_for (path);
  MdWindow *window = MD_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  GtkWindow *dialog;

  md_window_export_report (window, path);
  g_assert_true (md_test_gui_wait_toplevel (ADW_TYPE_MESSAGE_DIALOG, TRUE));
  dialog = md_test_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "is the diary itself"));
  g_assert_false (md_window_is_busy (window));
  g_assert_cmpint (md_diary_count (md_application_get_diary (app), "attacks"), ==, 0);

  md_test_gui_close_all (app);
}

static void
test_bad_import_is_explained_and_changes_nothing (void)
{
  g_autofree char *path = md_test_temp_path ("diary.db");
  g_autofree char *dir = md_test_make_temp_dir ();
  g_autofree char *csv = g_build_filename (dir, "bad.csv", NULL);
  g_autoptr(MdApplication) app = md_test_gui_app_for (path);
  MdWindow *window = MD_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  GtkWindow *dialog;

  g_assert_true (g_file_set_contents (csv, "#migraine-diary-csv,1\nday,d1,2026-02-31,headache-free,0,\n", -1, NULL));
  md_window_import_csv (window, csv);
  g_assert_true (md_test_wait_for (md_test_gui_window_idle, window, 10000));

  g_assert_true (md_test_gui_wait_toplevel (ADW_TYPE_MESSAGE_DIALOG, TRUE));
  dialog = md_test_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "Line 2"));
  g_assert_cmpint (md_diary_count (md_application_get_diary (app), "days"), ==, 0);

  md_test_gui_close_all (app);
}

static void
test_restore_a_backup_from_preferences (void)
{
  g_autofree char *path = md_test_temp_path ("diary.db");
  g_autofree char *backup = NULL;
  g_autoptr(MdApplication) app = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(MdAttack) later = md_attack_new ();
  GtkWindow *preferences;
  GtkWidget *button;
  GVariant *target;
  MdDiary *old_diary;
  GtkWindow *editor;

  {
    g_autoptr(MdDiary) diary = md_test_open_diary (path);

    md_test_save_attack (diary, 1700000000, 2);
    g_assert_true (md_database_backup_if_due (path, now, &backup, NULL));
  }

  app = md_test_gui_app_for (path);
  later->start = 1700100000;
  later->peak_pain = 1;
  g_assert_true (md_diary_save_attack (md_application_get_diary (app), later, NULL));
  g_assert_cmpint (md_diary_count (md_application_get_diary (app), "attacks"), ==, 2);

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  g_assert_true (md_test_gui_wait_toplevel (MD_TYPE_PREFERENCES_WINDOW, TRUE));
  preferences = md_test_gui_find_toplevel (MD_TYPE_PREFERENCES_WINDOW);
  button = md_test_gui_find_widget (GTK_WIDGET (preferences), md_test_gui_button_with_action, "app.restore-backup");
  g_assert_nonnull (button);
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, backup);

  /* What the button does: ask first, then restore. */
  old_diary = md_application_get_diary (app);
  g_object_add_weak_pointer (G_OBJECT (old_diary), (gpointer *) &old_diary);
  g_action_group_activate_action (G_ACTION_GROUP (app), "restore-backup", target);
  respond_to_dialog ("restore");

  g_assert_cmpint (md_diary_count (md_application_get_diary (app), "attacks"), ==, 1);

  /* Nothing keeps the replaced diary: every view follows the context. */
  md_test_iterate (50);
  g_assert_null (old_diary);

  /* An edit made in Preferences after the restore lands in the restored
   * file: it is there when the file is opened again. */
  g_assert_true (md_test_gui_find_toplevel (MD_TYPE_PREFERENCES_WINDOW) == preferences);
  button = md_test_gui_find_widget (GTK_WIDGET (preferences), md_test_gui_button_with_tooltip, "Add Medication");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (md_test_wait_for (md_test_gui_has_toplevel, GSIZE_TO_POINTER (MD_TYPE_MEDICATION_EDITOR), 2000));
  editor = md_test_gui_find_toplevel (MD_TYPE_MEDICATION_EDITOR);
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (editor), MD_TYPE_MEDICATION_EDITOR,
                                                                      "name_row")),
                         "Saved after restore");
  g_assert_true (md_medication_editor_save (MD_MEDICATION_EDITOR (editor)));
  {
    g_autoptr(MdDiary) reopened = md_diary_open (path, NULL);
    GListModel *medications = md_diary_get_medications (reopened);
    gboolean found = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (medications); i++)
      {
        g_autoptr(MdMedication) medication = g_list_model_get_item (medications, i);

        found |= g_str_equal (medication->name, "Saved after restore");
      }
    g_assert_true (found);
  }
  {
    g_autofree char *dir = md_paths_get_backup_dir (path);
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;
    gboolean found = FALSE;

    while ((name = g_dir_read_name (listing)) != NULL)
      found |= g_str_has_prefix (name, "replaced-by-restore-");
    g_assert_true (found);
  }

  md_test_gui_close_all (app);
}

int
main (int   argc,
      char *argv[])
{
  md_test_init_gui (&argc, &argv);

  g_test_add_func ("/md/window-diary/opens", test_window_opens_the_diary);
  g_test_add_func ("/md/window-diary/damaged", test_damaged_diary_offers_the_backup);
  g_test_add_func ("/md/window-diary/newer", test_newer_diary_is_explained);
  g_test_add_func ("/md/window-diary/csv", test_export_and_import_from_the_window);
  g_test_add_func ("/md/window-diary/bad-import", test_bad_import_is_explained_and_changes_nothing);
  g_test_add_func ("/md/window-diary/report-refuses-the-diary", test_report_refuses_the_diary_itself);
  g_test_add_func ("/md/window-diary/close-during-jobs", test_close_window_during_jobs);
  g_test_add_func ("/md/window-diary/restore-backup", test_restore_a_backup_from_preferences);

  return g_test_run ();
}
