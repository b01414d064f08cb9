/* test-read-only-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window on a diary on a read-only mount (a tmpfs in a namespace of
 * the test's own): the diary is shown, a dialog says at once that
 * changes cannot be saved and why, and a save is refused with the same
 * words.
 */

#include "config.h"

#include <string.h>

#include "md-error.h"
#include "md-test-gui.h"
#include "md-test-namespace.h"
#include "md-test-utils.h"

#define READ_ONLY_FS "is on a read-only file system, so changes cannot be saved"

static void
test_read_only_mount (void)
{
  g_autofree char *disk = md_test_mount_small_disk ("1m");
  g_autofree char *path = NULL;
  g_autoptr(MdApplication) app = NULL;
  g_autoptr(MdAttack) attack = md_attack_new ();
  g_autoptr(GError) error = NULL;
  MdDiary *diary;
  GtkWindow *dialog;

  if (disk == NULL)
    return;

  path = g_build_filename (disk, "diary.db", NULL);
  {
    g_autoptr(MdDiary) made = md_test_open_diary (path);

    md_test_save_attack (made, 1700000000, 2);
  }
  md_test_remount_read_only (disk);

  app = md_test_gui_app_with_diary (path);
  diary = md_application_get_diary (app);
  g_assert_cmpuint (g_list_model_get_n_items (md_diary_get_attacks (diary)), ==, 1);

  g_assert_true (md_test_gui_wait_toplevel (ADW_TYPE_MESSAGE_DIALOG, TRUE));
  dialog = md_test_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Changes Cannot Be Saved");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), path));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), READ_ONLY_FS));

  attack->start = 1700900000;
  attack->peak_pain = 1;
  g_assert_false (md_diary_save_attack (diary, attack, &error));
  g_assert_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_READ_ONLY);
  g_assert_cmpstr (error->message, ==, adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));

  md_test_gui_close_all (app);
  g_clear_object (&app);
  md_test_unmount_disk (disk);
}

int
main (int   argc,
      char *argv[])
{
  md_test_enter_namespace ();
  md_test_init_gui (&argc, &argv);
  adw_init ();

  g_test_add_func ("/md/read-only-window/mount", test_read_only_mount);

  return g_test_run ();
}
