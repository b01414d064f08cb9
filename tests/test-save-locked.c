/* test-save-locked.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saving from the window while another program holds the diary's write
 * lock: Save returns at once with a message that names the program, the
 * editor keeps what was typed, and Save works once the lock is gone.
 */

#include "config.h"

#include <string.h>

#include "md-attack-editor.h"
#include "md-diary-page.h"
#include "md-pain-picker.h"
#include "md-test-gui.h"
#include "md-test-lock.h"
#include "md-test-utils.h"

static void
test_save_while_locked (void)
{
  g_autofree char *path = NULL;
  g_autoptr(MdDiary) diary = md_test_new_diary (&path);
  g_autoptr(MdAttack) attack = md_attack_new ();
  g_autoptr(MdAttack) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) holder = NULL;
  g_autofree char *holder_name = NULL;
  MdContext *context = md_test_gui_context_for (diary);
  MdAttackEditor *editor;
  GtkWidget *save_button;
  GtkLabel *problem_label;

  attack->start = g_get_real_time () / G_USEC_PER_SEC - 3 * 3600;
  attack->start_offset = 3600;
  attack->peak_pain = 1;
  g_assert_true (md_diary_save_attack (diary, attack, &error));
  g_assert_no_error (error);

  /* The window's connection waits for a lock only briefly. */
  g_assert_cmpuint (md_database_get_lock_wait (md_diary_get_database (diary)), ==,
                    MD_DATABASE_LOCK_WAIT_INTERACTIVE);
  g_assert_cmpuint (MD_DATABASE_LOCK_WAIT_INTERACTIVE, <=, 100);

  editor = md_attack_editor_new (NULL, context, attack);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_window_present (GTK_WINDOW (editor));
  md_pain_picker_set_pain (md_test_gui_child (editor, MD_TYPE_ATTACK_EDITOR, "pain_picker"), 3);
  save_button = md_test_gui_find_widget (GTK_WIDGET (editor), md_test_gui_button_with_action, "editor.save");
  g_assert_nonnull (save_button);
  problem_label = md_test_gui_child (editor, MD_TYPE_ATTACK_EDITOR, "problem_label");

  holder = md_test_hold_lock (path, "BEGIN IMMEDIATE");
  holder_name = g_strdup_printf ("is in use by “md-hold-lock” (process %s), so nothing was saved",
                                 g_subprocess_get_identifier (holder));

  g_signal_emit_by_name (save_button, "clicked");
  md_test_iterate (10);

  /* Refused with the holder's name, the editor open with what was typed */
  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (problem_label)));
  g_test_message ("%s", gtk_label_get_label (problem_label));
  g_assert_nonnull (strstr (gtk_label_get_label (problem_label), path));
  g_assert_nonnull (strstr (gtk_label_get_label (problem_label), holder_name));
  g_assert_nonnull (strstr (gtk_label_get_label (problem_label), "Try again when that program has finished"));
  g_assert_cmpint (md_attack_editor_get_attack (editor)->peak_pain, ==, 3);
  g_assert_true (gtk_widget_is_sensitive (save_button));
  stored = md_diary_get_attack (diary, attack->uuid);
  g_assert_cmpint (stored->peak_pain, ==, 1);
  g_clear_object (&stored);

  /* The other program is done: Save again works and closes the editor. */
  md_test_release_lock (g_steal_pointer (&holder));

  g_signal_emit_by_name (save_button, "clicked");
  md_test_iterate (10);
  stored = md_diary_get_attack (diary, attack->uuid);
  g_assert_cmpint (stored->peak_pain, ==, 3);
  g_assert_true (editor == NULL || !gtk_widget_get_visible (GTK_WIDGET (editor)));
}

/* A diary that another program keeps to itself while the window opens
 * it: the window says who holds it and offers to try again, which
 * opens it once the program is done. */
static void
test_open_while_locked (void)
{
  g_autofree char *path = NULL;
  g_autoptr(MdApplication) app = md_test_gui_app_new ();
  g_autofree char *holder_name = NULL;
  GSubprocess *holder;
  AdwMessageDialog *dialog;

  g_object_unref (md_test_new_diary (&path));
  holder = md_test_hold_lock (path, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; SELECT count(*) FROM attacks;");
  holder_name = g_strdup_printf ("is in use by “md-hold-lock” (process %s), so it could not be opened",
                                 g_subprocess_get_identifier (holder));

  md_application_set_database_path (app, path);
  g_application_activate (G_APPLICATION (app));
  g_assert_true (md_test_gui_wait_toplevel (MD_TYPE_WINDOW, TRUE));
  g_assert_true (md_test_wait_for (md_test_gui_has_toplevel, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), 5000));
  dialog = ADW_MESSAGE_DIALOG (md_test_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_null (md_application_get_diary (app));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), holder_name));
  g_assert_true (adw_message_dialog_has_response (dialog, "retry"));
  g_assert_true (adw_message_dialog_has_response (dialog, "quit"));

  md_test_release_lock (holder);
  adw_message_dialog_response (dialog, "retry");
  g_assert_nonnull (md_application_get_diary (app));
  g_assert_cmpuint (md_database_get_lock_wait (md_diary_get_database (md_application_get_diary (app))), ==,
                    MD_DATABASE_LOCK_WAIT_INTERACTIVE);

  md_test_gui_close_all (app);
}

/* "No Headache Today" while another program holds the lock: the whole
 * message — who holds the diary and what to do — is shown in a dialog,
 * not cut off in a toast; once the lock is gone it is recorded. */
static void
test_quick_action_while_locked (void)
{
  g_autofree char *path = NULL;
  g_autoptr(MdDiary) diary = md_test_new_diary (&path);
  g_autoptr(MdApplication) app = NULL;
  g_autoptr(GSubprocess) holder = NULL;
  g_autofree char *holder_name = NULL;
  MdWindow *window;
  GtkWidget *page;
  AdwMessageDialog *dialog;

  g_clear_object (&diary);
  app = md_test_gui_app_with_diary (path);
  window = MD_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  page = md_window_get_diary_page (window);
  g_assert_nonnull (page);

  holder = md_test_hold_lock (path, "BEGIN IMMEDIATE");
  holder_name = g_strdup_printf ("is in use by “md-hold-lock” (process %s), so nothing was saved",
                                 g_subprocess_get_identifier (holder));

  g_assert_false (md_diary_page_record_headache_free_today (MD_DIARY_PAGE (page)));
  g_assert_true (md_test_wait_for (md_test_gui_has_toplevel, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), 5000));
  dialog = ADW_MESSAGE_DIALOG (md_test_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Changes Cannot Be Saved");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), holder_name));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Try again when that program has finished."));
  gtk_window_destroy (GTK_WINDOW (dialog));

  md_test_release_lock (g_steal_pointer (&holder));
  g_assert_true (md_diary_page_record_headache_free_today (MD_DIARY_PAGE (page)));

  md_test_gui_close_all (app);
}

int
main (int   argc,
      char *argv[])
{
  md_test_init_gui (&argc, &argv);
  adw_init ();

  g_test_add_func ("/md/save-locked/attack-editor", test_save_while_locked);
  g_test_add_func ("/md/save-locked/open", test_open_while_locked);
  g_test_add_func ("/md/save-locked/quick-action", test_quick_action_while_locked);

  return g_test_run ();
}
