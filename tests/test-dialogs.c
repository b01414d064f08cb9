/* test-dialogs.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "md-test-gui.h"
#include "md-test-utils.h"
#include "md-window.h"

static MdApplication *app;

static void
test_shortcuts_window_opens_and_closes (void)
{
  MdWindow *window = md_test_gui_open_window (app);
  GtkWindow *shortcuts;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  g_assert_true (md_test_gui_wait_toplevel (GTK_TYPE_SHORTCUTS_WINDOW, TRUE));

  shortcuts = md_test_gui_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (window));

  gtk_window_close (shortcuts);
  g_assert_true (md_test_gui_wait_toplevel (GTK_TYPE_SHORTCUTS_WINDOW, FALSE));

  md_test_gui_close_all (app);
}

static void
test_about_window_shows_version_and_licence (void)
{
  MdWindow *window = md_test_gui_open_window (app);
  AdwAboutWindow *about;
  const char * const *developers;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  g_assert_true (md_test_gui_wait_toplevel (ADW_TYPE_ABOUT_WINDOW, TRUE));

  about = ADW_ABOUT_WINDOW (md_test_gui_find_toplevel (ADW_TYPE_ABOUT_WINDOW));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (about)) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "Migraine Diary");
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_application_icon (about), ==, APP_ID);
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (adw_about_window_get_website (about), ==, PACKAGE_WEBSITE);
  g_assert_cmpstr (adw_about_window_get_issue_url (about), ==, PACKAGE_BUGREPORT);
  g_assert_nonnull (adw_about_window_get_translator_credits (about));
  developers = adw_about_window_get_developers (about);
  g_assert_nonnull (developers);
  g_assert_nonnull (developers[0]);

  gtk_window_close (GTK_WINDOW (about));
  g_assert_true (md_test_gui_wait_toplevel (ADW_TYPE_ABOUT_WINDOW, FALSE));

  md_test_gui_close_all (app);
}

static void
test_primary_menu_lists_the_actions (void)
{
  MdWindow *window = md_test_gui_open_window (app);
  GtkMenuButton *button;
  GMenuModel *menu;
  const char *expected[] = { "win.log-dose", "win.record-day", "win.print", "win.export-pdf",
                             "win.import-csv", "win.export-csv",
                             "app.preferences", "win.show-help-overlay", "app.about" };
  guint n_checked = 0;

  button = GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (window), MD_TYPE_WINDOW,
                                                           "primary_menu_button"));
  menu = gtk_menu_button_get_menu_model (button);
  g_assert_nonnull (menu);
  g_assert_true (gtk_menu_button_get_primary (button));

  for (int s = 0; s < g_menu_model_get_n_items (menu); s++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

      for (int i = 0; i < g_menu_model_get_n_items (section); i++)
        {
          g_autofree char *action = NULL;
          g_autofree char *label = NULL;

          g_assert_true (g_menu_model_get_item_attribute (section, i, "action", "s", &action));
          g_assert_cmpstr (action, ==, expected[n_checked]);
          g_assert_true (g_menu_model_get_item_attribute (section, i, "label", "s", &label));
          /* Every item has a mnemonic. */
          g_assert_nonnull (strchr (label, '_'));
          n_checked++;
        }
    }
  g_assert_cmpuint (n_checked, ==, G_N_ELEMENTS (expected));

  md_test_gui_close_all (app);
}

static gboolean
diary_open (gpointer user_data)
{
  return md_application_get_diary (user_data) != NULL;
}

/* Each file action asks for its file in the window's chooser, titled for
 * what it does and, when saving, with a dated name; cancelling starts
 * nothing. */
static void
test_file_choosers (void)
{
  MdWindow *window = md_test_gui_open_window (app);
  const struct
  {
    const char *action;
    const char *title;
    const char *name_prefix;
  } choosers[] = {
    { "win.import-csv", "Import From CSV", NULL },
    { "win.export-csv", "Export as CSV", "migraine-diary-" },
    { "win.export-pdf", "Export Report as PDF", "migraine-report-" },
  };

  g_assert_true (md_test_wait_for (diary_open, app, 5000));

  for (guint i = 0; i < G_N_ELEMENTS (choosers); i++)
    {
      GtkWindow *dialog;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), choosers[i].action, NULL));
      g_assert_true (md_test_gui_wait_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, TRUE));
      dialog = md_test_gui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
      g_assert_cmpstr (gtk_window_get_title (dialog), ==, choosers[i].title);
      if (choosers[i].name_prefix != NULL)
        {
          g_autofree char *name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (dialog));

          g_assert_true (g_str_has_prefix (name, choosers[i].name_prefix));
        }

      gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
      g_assert_true (md_test_gui_wait_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, FALSE));
      g_assert_false (md_window_is_busy (window));
    }

  md_test_gui_close_all (app);
}

int
main (int   argc,
      char *argv[])
{
  app = md_test_gui_init_app (&argc, &argv);

  g_test_add_func ("/md/dialogs/shortcuts", test_shortcuts_window_opens_and_closes);
  g_test_add_func ("/md/dialogs/about", test_about_window_shows_version_and_licence);
  g_test_add_func ("/md/dialogs/primary-menu", test_primary_menu_lists_the_actions);
  g_test_add_func ("/md/dialogs/file-choosers", test_file_choosers);

  return md_test_gui_run_app (&app);
}
