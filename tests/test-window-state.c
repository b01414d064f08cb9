/* test-window-state.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "md-test-gui.h"
#include "md-test-utils.h"
#include "md-window.h"

static MdApplication *app;

static void
test_size_and_view_survive_restart (void)
{
  GSettings *settings;
  MdWindow *window;
  int width;
  int height;

  window = md_test_gui_open_window (app);
  settings = md_application_get_settings (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 812, 604);
  md_window_show_view (window, "reminders");
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (md_test_gui_wait_toplevel (MD_TYPE_WINDOW, FALSE));

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 812);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 604);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  g_assert_cmpstr (g_settings_get_string (settings, "last-view"), ==, "reminders");

  /* The next window comes back as it was left. */
  window = md_test_gui_open_window (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 812);
  g_assert_cmpint (height, ==, 604);
  g_assert_cmpstr (md_window_get_view_name (window), ==, "reminders");

  md_window_show_view (window, "diary");
  md_test_gui_close_all (app);
}

static void
test_tiny_size_is_clamped (void)
{
  GSettings *settings;
  MdWindow *window;

  window = md_test_gui_open_window (app);
  settings = md_application_get_settings (app);

  /* A corrupt or hand-edited size never makes the window unusable. */
  gtk_window_set_default_size (GTK_WINDOW (window), 10, 10);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (md_test_gui_wait_toplevel (MD_TYPE_WINDOW, FALSE));

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), >=, 360);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), >=, 294);

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  md_test_gui_close_all (app);
}

int
main (int   argc,
      char *argv[])
{
  app = md_test_gui_init_app (&argc, &argv);

  g_test_add_func ("/md/window-state/size-and-view", test_size_and_view_survive_restart);
  g_test_add_func ("/md/window-state/clamped", test_tiny_size_is_clamped);

  return md_test_gui_run_app (&app);
}
