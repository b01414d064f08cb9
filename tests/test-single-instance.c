/* test-single-instance.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "md-test-gui.h"
#include "md-test-utils.h"
#include "md-window.h"

typedef struct
{
  gboolean done;
  int      exit_status;
} SubprocessWait;

static void
subprocess_exited_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  SubprocessWait *wait = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_wait_finish (G_SUBPROCESS (object), result, &error);
  g_assert_no_error (error);
  wait->exit_status = g_subprocess_get_exit_status (G_SUBPROCESS (object));
  wait->done = TRUE;
}

static gboolean
subprocess_done (gpointer user_data)
{
  SubprocessWait *wait = user_data;

  return wait->done;
}

static void
test_second_launch_presents_first_window (void)
{
  GTestDBus *bus;
  g_autoptr(MdApplication) app = NULL;
  g_autoptr(GSubprocess) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  SubprocessWait wait = { FALSE, -1 };
  GtkWindow *first_window;

  /* A private session bus, so the test never meets a real instance. */
  display = g_strdup (g_getenv ("DISPLAY"));
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  /* GTestDBus hides the display; this test needs both. */
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);

  app = md_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_application_get_is_remote (G_APPLICATION (app)));

  g_application_activate (G_APPLICATION (app));
  g_assert_true (md_test_gui_wait_toplevel (MD_TYPE_WINDOW, TRUE));
  first_window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_cmpuint (md_application_get_activate_count (app), ==, 1);

  /* The real executable, launched a second time, hands over and exits. */
  second = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error,
                             md_test_get_executable (), NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (second, NULL, subprocess_exited_cb, &wait);
  g_assert_true (md_test_wait_for (subprocess_done, &wait, 20000));
  g_assert_cmpint (wait.exit_status, ==, 0);

  md_test_iterate (100);
  g_assert_cmpuint (md_application_get_activate_count (app), ==, 2);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  g_assert_true (gtk_application_get_active_window (GTK_APPLICATION (app)) == first_window);

  md_test_gui_close_all (app);
  g_clear_object (&app);
  /* GLib's D-Bus worker keeps the connection until the process exits, so
   * g_test_dbus_down() would wait for it in vain: stop the daemon only, and
   * let the object go with the process. */
  g_test_dbus_stop (bus);
}

int
main (int   argc,
      char *argv[])
{
  md_test_init_gui (&argc, &argv);

  g_test_add_func ("/md/single-instance/second-launch", test_second_launch_presents_first_window);

  return g_test_run ();
}
