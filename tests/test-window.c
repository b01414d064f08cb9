/* test-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "md-charts-page.h"
#include "md-diary-page.h"
#include "md-reminders-page.h"
#include "md-test-gui.h"
#include "md-test-utils.h"
#include "md-window.h"

static MdApplication *app;

static void
test_window_has_title_and_three_views (void)
{
  MdWindow *window = md_test_gui_open_window (app);
  AdwViewStack *stack;
  g_autoptr(GtkSelectionModel) pages = NULL;
  const char *expected[] = { "diary", "charts", "reminders" };

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Migraine Diary");

  stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                         MD_TYPE_WINDOW, "stack"));
  pages = adw_view_stack_get_pages (stack);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), ==, 3);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkWidget *child = adw_view_stack_page_get_child (page);

      g_assert_cmpstr (adw_view_stack_page_get_name (page), ==, expected[i]);
      g_assert_nonnull (adw_view_stack_page_get_title (page));
      if (i == 0)
        {
          g_assert_true (MD_IS_DIARY_PAGE (child));
          continue;
        }
      /* The other views are built when first shown */
      g_assert_true (ADW_IS_BIN (child));
      g_assert_null (adw_bin_get_child (ADW_BIN (child)));
      adw_view_stack_set_visible_child_name (stack, expected[i]);
      if (i == 1)
        g_assert_true (MD_IS_CHARTS_PAGE (adw_bin_get_child (ADW_BIN (child))));
      else
        g_assert_true (MD_IS_REMINDERS_PAGE (adw_bin_get_child (ADW_BIN (child))));
    }

  md_test_gui_close_all (app);
}

static void
test_switch_views_through_actions (void)
{
  MdWindow *window = md_test_gui_open_window (app);
  AdwViewStack *stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                       MD_TYPE_WINDOW, "stack"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "charts"));
  g_assert_cmpstr (md_window_get_view_name (window), ==, "charts");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "charts");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "reminders"));
  g_assert_cmpstr (md_window_get_view_name (window), ==, "reminders");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "diary"));
  g_assert_cmpstr (md_window_get_view_name (window), ==, "diary");

  /* An unknown name is refused with a warning and changes nothing. */
  g_test_expect_message ("md-window", G_LOG_LEVEL_WARNING, "*Unknown view*");
  md_window_show_view (window, "settings");
  g_test_assert_expected_messages ();
  g_assert_cmpstr (md_window_get_view_name (window), ==, "diary");

  md_test_gui_close_all (app);
}

static void
test_shortcuts_are_registered (void)
{
  struct {
    const char *action;
    const char *accel;
  } expected[] = {
    { "app.quit", "<Control>q" },
    { "app.preferences", "<Control>comma" },
    { "win.show-view::diary", "<Alt>1" },
    { "win.show-view::charts", "<Alt>2" },
    { "win.show-view::reminders", "<Alt>3" },
    { "win.show-help-overlay", "<Control>question" },
  };

  md_test_gui_open_window (app);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                    expected[i].action);

      g_assert_nonnull (accels);
      g_assert_true (g_strv_contains ((const char * const *) accels, expected[i].accel));
    }

  md_test_gui_close_all (app);
}

typedef struct
{
  AdwViewSwitcherBar   *bar;
  AdwViewSwitcherTitle *title;
  gboolean              narrow;
} SwitcherWait;

static gboolean
switcher_state_reached (gpointer user_data)
{
  SwitcherWait *wait = user_data;

  return adw_view_switcher_bar_get_reveal (wait->bar) == wait->narrow &&
         adw_view_switcher_title_get_title_visible (wait->title) == wait->narrow;
}

static void
test_narrow_window_uses_bottom_bar (void)
{
  MdWindow *window = md_test_gui_open_window (app);
  SwitcherWait wait;

  wait.bar = ADW_VIEW_SWITCHER_BAR (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                   MD_TYPE_WINDOW,
                                                                   "switcher_bar"));
  wait.title = ADW_VIEW_SWITCHER_TITLE (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                       MD_TYPE_WINDOW,
                                                                       "switcher_title"));

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  wait.narrow = FALSE;
  g_assert_true (md_test_wait_for (switcher_state_reached, &wait, 5000));

  /* A phone: the switcher moves to the bottom bar. */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  wait.narrow = TRUE;
  g_assert_true (md_test_wait_for (switcher_state_reached, &wait, 5000));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);

  md_test_gui_close_all (app);
}

static void
test_quit_closes_windows (void)
{
  md_test_gui_open_window (app);

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  md_test_iterate (50);

  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (app)));
}

int
main (int   argc,
      char *argv[])
{
  app = md_test_gui_init_app (&argc, &argv);

  g_test_add_func ("/md/window/title-and-views", test_window_has_title_and_three_views);
  g_test_add_func ("/md/window/switch-views", test_switch_views_through_actions);
  g_test_add_func ("/md/window/shortcuts", test_shortcuts_are_registered);
  g_test_add_func ("/md/window/narrow", test_narrow_window_uses_bottom_bar);
  g_test_add_func ("/md/window/quit", test_quit_closes_windows);

  return md_test_gui_run_app (&app);
}
