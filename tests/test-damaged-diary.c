/* test-damaged-diary.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window and a damaged, empty or cut-short diary: every choice the
 * dialogs offer is pressed, and what the patient then has is checked.
 * No path ends in an empty diary in place of one that exists.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "md-database-private.h"
#include "md-database-recover.h"
#include "md-error.h"
#include "md-paths.h"
#include "md-test-gui.h"
#include "md-test-utils.h"
#include "md-window.h"

static AdwMessageDialog *
wait_for_dialog (const char *heading)
{
  AdwMessageDialog *dialog;

  g_assert_true (md_test_gui_wait_toplevel (ADW_TYPE_MESSAGE_DIALOG, TRUE));
  dialog = ADW_MESSAGE_DIALOG (md_test_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);

  return dialog;
}

/* Presses @response, as a click on its button does. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_assert_true (adw_message_dialog_has_response (dialog, response));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  g_object_ref (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  md_test_iterate (50);
}

static gboolean
body_contains (AdwMessageDialog *dialog,
               const char       *text)
{
  return strstr (adw_message_dialog_get_body (dialog), text) != NULL;
}

/* A diary at @path with one attack backed up on 1 May 2026 and a second
 * one backed up on 2 May, whose backup is then damaged. */
static void
two_backups_newest_damaged (const char  *path,
                            char       **out_older,
                            char       **out_newer)
{
  g_autoptr(MdDiary) diary = md_test_open_diary (path);
  g_autoptr(GDateTime) older_day = g_date_time_new_local (2026, 5, 1, 12, 0, 0);
  g_autoptr(GDateTime) newer_day = g_date_time_new_local (2026, 5, 2, 12, 0, 0);

  md_test_save_attack (diary, 1700000000, 2);
  g_assert_true (md_database_backup_if_due (path, older_day, out_older, NULL));
  md_test_save_attack (diary, 1700100000, 3);
  g_assert_true (md_database_backup_if_due (path, newer_day, out_newer, NULL));
  md_test_damage_page (*out_newer, 2);
}

static guint
attacks_in_window (MdApplication *app)
{
  return g_list_model_get_n_items (md_diary_get_attacks (md_application_get_diary (app)));
}

static gboolean
toast_says (MdApplication *app,
            const char    *text)
{
  GtkWidget *window = GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (app)));

  return md_test_gui_find_widget (window, md_test_gui_label_contains, text) != NULL;
}

/* A damaged index: the entries are recovered, every one of them. The
 * damaged newest backup is named and not offered; the good older one is. */
static void
test_recover_entries (void)
{
  g_autofree char *path = md_test_generate_diary ((const char *[]) { "--years", "2", "--seed", "5", NULL });
  g_autofree char *older = NULL;
  g_autofree char *newer = NULL;
  g_autoptr(MdApplication) app = NULL;
  AdwMessageDialog *dialog;
  int attacks;
  int doses;

  two_backups_newest_damaged (path, &older, &newer);
  attacks = md_test_query_int (path, "SELECT count(*) FROM attacks");
  doses = md_test_query_int (path, "SELECT count(*) FROM doses");
  md_test_damage_page (path, md_test_query_int (path, "SELECT rootpage FROM sqlite_master WHERE name = 'attacks_by_start'"));

  app = md_test_gui_app_for (path);
  g_assert_null (md_application_get_diary (app));
  dialog = wait_for_dialog ("Your Diary Is Damaged");
  g_assert_true (body_contains (dialog, "moved aside"));
  g_assert_true (body_contains (dialog, "can be recovered into a new diary"));
  {
    g_autofree char *counts = g_strdup_printf ("%d attacks, %d doses", attacks, doses);

    g_assert_true (body_contains (dialog, counts));
  }
  g_assert_true (body_contains (dialog, "The backup “diary-2026-05-02.db” is damaged too"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "restore"), ==,
                   "Restore _Backup “diary-2026-05-01.db” (Friday 1 May 2026)");
  g_assert_true (adw_message_dialog_has_response (dialog, "new"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "recover");

  respond (dialog, "recover");
  g_assert_nonnull (md_application_get_diary (app));
  g_assert_cmpuint (attacks_in_window (app), ==, attacks);
  g_assert_cmpint (md_test_query_int (path, "SELECT count(*) FROM doses"), ==, doses);
  g_assert_cmpint (md_test_query_int (path, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"),
                   ==, 0);
  g_assert_true (toast_says (app, "Entries recovered"));

  md_test_gui_close_all (app);
}

/* The backups of two_backups_newest_damaged(), and a diary of garbage
 * that no entry can be recovered from, in a window. */
/* The command line (or the reminders at login) found the diary damaged
 * and moved it aside: the next window offers its entries, and does not
 * start an empty diary in its place. */
static void
test_moved_aside_by_another_run (void)
{
  g_autofree char *path = md_test_generate_diary ((const char *[]) { "--years", "1", "--seed", "7", NULL });
  g_autofree char *csv = md_test_temp_path ("export.csv");
  g_autofree char *errors = NULL;
  const char *args[] = { "--database", path, "--export-csv", csv, NULL };
  g_autoptr(MdApplication) app = NULL;
  AdwMessageDialog *dialog;
  int attacks;

  attacks = md_test_query_int (path, "SELECT count(*) FROM attacks");
  md_test_damage_page (path, md_test_query_int (path, "SELECT rootpage FROM sqlite_master WHERE name = 'attacks_by_start'"));
  g_assert_cmpint (md_test_spawn_app (args, NULL, &errors), ==, 1);
  g_assert_nonnull (strstr (errors, "moved aside"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  app = md_test_gui_app_for (path);
  dialog = wait_for_dialog ("Your Diary Is Damaged");
  g_assert_null (md_application_get_diary (app));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (body_contains (dialog, "was found damaged and moved aside"));
  g_assert_true (body_contains (dialog, "can be recovered into a new diary"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "recover");

  respond (dialog, "recover");
  g_assert_nonnull (md_application_get_diary (app));
  g_assert_cmpuint (attacks_in_window (app), ==, attacks);

  md_test_gui_close_all (app);
}

static MdApplication *
garbage_diary_app (const char  *path,
                   char       **out_older)
{
  g_autofree char *newer = NULL;

  two_backups_newest_damaged (path, out_older, &newer);
  g_assert_true (g_file_set_contents (path, "garbage, not a diary", -1, NULL));

  return md_test_gui_app_for (path);
}

/* A diary of garbage cannot be recovered: the older good backup is
 * restored, with its entry. */
static void
test_restore_older_good_backup (void)
{
  g_autofree char *path = md_test_temp_path ("diary.db");
  g_autofree char *older = NULL;
  g_autoptr(MdApplication) app = garbage_diary_app (path, &older);
  AdwMessageDialog *dialog = wait_for_dialog ("Your Diary Is Damaged");
  g_assert_false (adw_message_dialog_has_response (dialog, "recover"));
  g_assert_true (body_contains (dialog, "No entries can be recovered"));
  g_assert_true (body_contains (dialog, "“diary-2026-05-02.db” is damaged too"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "restore");

  respond (dialog, "restore");
  g_assert_nonnull (md_application_get_diary (app));
  g_assert_cmpuint (attacks_in_window (app), ==, 1);
  g_assert_true (toast_says (app, "diary-2026-05-01.db"));

  md_test_gui_close_all (app);
}

/* The offered backup is damaged by the time it is chosen: the choice
 * comes back with the reason, and no diary, empty or not, takes the
 * damaged one's place until the patient chooses a new one. */
static void
test_failed_restore_never_opens_an_empty_diary (void)
{
  g_autofree char *path = md_test_temp_path ("diary.db");
  g_autofree char *older = NULL;
  g_autofree char *moved = NULL;
  g_autoptr(MdApplication) app = garbage_diary_app (path, &older);
  AdwMessageDialog *dialog = wait_for_dialog ("Your Diary Is Damaged");
  md_test_damage_page (older, 2);
  respond (dialog, "restore");

  g_assert_null (md_application_get_diary (app));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  dialog = wait_for_dialog ("Your Diary Is Damaged");
  g_assert_true (body_contains (dialog, "moved aside"));
  g_assert_true (body_contains (dialog, "“diary-2026-05-01.db” is damaged"));
  g_assert_true (body_contains (dialog, "cannot be restored"));
  g_assert_false (adw_message_dialog_has_response (dialog, "restore"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "new");

  /* Only the patient's own choice starts a new diary; the damaged one
   * stays aside, and the toast says where. */
  respond (dialog, "new");
  g_assert_nonnull (md_application_get_diary (app));
  g_assert_cmpuint (attacks_in_window (app), ==, 0);
  moved = md_database_find_moved_aside (path);
  g_assert_nonnull (moved);
  {
    g_autofree char *contents = NULL;
    g_autofree char *name = g_path_get_basename (moved);

    g_assert_true (g_file_get_contents (moved, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "garbage, not a diary");
    g_assert_true (toast_says (app, name));
  }

  md_test_gui_close_all (app);
}

/* An empty diary file is not opened as new without a word: the dialog
 * names it and offers the backup. */
static void
test_empty_file_offers_the_backup (void)
{
  g_autofree char *path = md_test_temp_path ("diary.db");
  g_autoptr(GDateTime) day = g_date_time_new_local (2026, 5, 1, 12, 0, 0);
  g_autoptr(MdApplication) app = NULL;
  AdwMessageDialog *dialog;

  {
    g_autoptr(MdDiary) diary = md_test_open_diary (path);

    md_test_save_attack (diary, 1700000000, 2);
    md_test_save_attack (diary, 1700200000, 1);
    g_assert_true (md_database_backup_if_due (path, day, NULL, NULL));
  }
  g_assert_true (g_file_set_contents (path, "", 0, NULL));

  app = md_test_gui_app_for (path);
  dialog = wait_for_dialog ("Your Diary File Was Empty");
  g_assert_true (body_contains (dialog, path));
  g_assert_true (body_contains (dialog, "empty file (0 bytes)"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "close"), ==, "_Keep the New Diary");
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "restore"), ==,
                   "Restore _Backup “diary-2026-05-01.db” (Friday 1 May 2026)");

  respond (dialog, "restore");
  g_assert_cmpuint (attacks_in_window (app), ==, 2);

  md_test_gui_close_all (app);
}

/* A journal with one bad frame: the window says what is missing and
 * where the journal was kept. */
static void
test_damaged_journal_is_shown (void)
{
  g_autofree char *path = md_test_diary_with_journal (20);
  g_autoptr(MdApplication) app = NULL;
  AdwMessageDialog *dialog;

  md_test_damage_journal_frame (path, 4);

  app = md_test_gui_app_for (path);
  dialog = wait_for_dialog ("Recent Changes Are Missing");
  g_assert_true (body_contains (dialog, "missing from the diary"));
  g_assert_true (body_contains (dialog, ".kept-"));
  g_assert_nonnull (md_application_get_diary (app));
  respond (dialog, "close");

  md_test_gui_close_all (app);
}

static gboolean
file_exists (gpointer user_data)
{
  return g_file_test (user_data, G_FILE_TEST_EXISTS);
}

/* Preferences' Restore on a damaged backup: refused with the reason,
 * the diary untouched, and the next good backup (today's, made when the
 * window opened) offered and restored. */
static void
test_preferences_restore_offers_the_next_backup (void)
{
  g_autofree char *path = md_test_temp_path ("diary.db");
  g_autofree char *older = NULL;
  g_autofree char *newer = NULL;
  g_autofree char *today = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(MdApplication) app = NULL;
  AdwMessageDialog *dialog;

  two_backups_newest_damaged (path, &older, &newer);
  {
    g_autoptr(MdDiary) diary = md_test_open_diary (path);

    md_test_save_attack (diary, 1700300000, 1);
  }

  app = md_test_gui_app_for (path);
  g_assert_cmpuint (attacks_in_window (app), ==, 3);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *name = g_date_time_format (now, "diary-%Y-%m-%d.db");
    g_autofree char *backup_dir = md_paths_get_backup_dir (path);
    g_autofree char *described = NULL;

    today = g_build_filename (backup_dir, name, NULL);
    g_assert_true (md_test_wait_for (file_exists, today, 10000));
    described = md_database_describe_backup (today);
    expected = g_strdup_printf ("Restore _Backup %s", described);
  }
  g_action_group_activate_action (G_ACTION_GROUP (app), "restore-backup", g_variant_new_string (newer));
  dialog = wait_for_dialog ("Restore This Backup?");
  respond (dialog, "restore");

  dialog = wait_for_dialog ("The Backup Was Not Restored");
  g_assert_true (body_contains (dialog, "“diary-2026-05-02.db” is damaged"));
  g_assert_cmpuint (attacks_in_window (app), ==, 3);
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "restore"), ==, expected);

  /* Today's backup has all three attacks; the window shows the diary it
   * put in place, and says so. */
  respond (dialog, "restore");
  g_assert_nonnull (md_application_get_diary (app));
  g_assert_cmpuint (attacks_in_window (app), ==, 3);
  g_assert_true (toast_says (app, "was restored"));

  md_test_gui_close_all (app);
}

int
main (int   argc,
      char *argv[])
{
  md_test_init_gui (&argc, &argv);

  g_test_add_func ("/md/damaged-diary/recover", test_recover_entries);
  g_test_add_func ("/md/damaged-diary/moved-aside-by-another-run", test_moved_aside_by_another_run);
  g_test_add_func ("/md/damaged-diary/restore-older", test_restore_older_good_backup);
  g_test_add_func ("/md/damaged-diary/failed-restore", test_failed_restore_never_opens_an_empty_diary);
  g_test_add_func ("/md/damaged-diary/empty-file", test_empty_file_offers_the_backup);
  g_test_add_func ("/md/damaged-diary/journal", test_damaged_journal_is_shown);
  g_test_add_func ("/md/damaged-diary/preferences-restore", test_preferences_restore_offers_the_next_backup);

  return g_test_run ();
}
