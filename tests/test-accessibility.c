/* test-accessibility.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A screen reader announces a control by its name. GTK 4.8 has no public
 * getter for accessible properties, so this walks the widget tree and
 * accepts what GTK itself turns into a name: a label (own or child), a
 * tooltip, an accessible label set in the .ui, or a row title.
 */

#include "config.h"

#include "md-attack-editor.h"
#include "md-course-editor.h"
#include "md-day-editor.h"
#include "md-dose-editor.h"
#include "md-medication-editor.h"
#include "md-preferences-window.h"
#include "md-reminder-editor.h"
#include "md-test-gui.h"
#include "md-test-utils.h"
#include "md-window.h"

static MdApplication *app;

static gboolean
has_label_descendant (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), "") != 0)
        return TRUE;
      if (has_label_descendant (child))
        return TRUE;
    }

  return FALSE;
}

static gboolean
control_has_name (GtkWidget *widget)
{
  GtkWidget *row;

  if (gtk_widget_get_tooltip_text (widget) != NULL)
    return TRUE;

  /* A row's title names the switch or entry it holds. */
  row = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW);
  if (row != NULL && row != widget &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "") != 0)
    return TRUE;

  if (ADW_IS_PREFERENCES_ROW (widget))
    return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), "") != 0;

  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    return TRUE;

  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)) != NULL)
    return TRUE;

  return has_label_descendant (widget);
}

static gboolean
is_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) ||
         GTK_IS_MENU_BUTTON (widget) ||
         GTK_IS_SPIN_BUTTON (widget) ||
         GTK_IS_SWITCH (widget) ||
         GTK_IS_CHECK_BUTTON (widget) ||
         GTK_IS_TOGGLE_BUTTON (widget) ||
         ADW_IS_COMBO_ROW (widget) ||
         ADW_IS_ACTION_ROW (widget);
}

static void
collect_unnamed (GtkWidget *widget,
                 GPtrArray *unnamed,
                 guint     *n_controls)
{
  if (!gtk_widget_get_visible (widget))
    return;

  /* The window controls (close, minimize) come from GTK and are named there. */
  if (GTK_IS_WINDOW_CONTROLS (widget))
    return;

  if (is_control (widget))
    {
      (*n_controls)++;
      if (!control_has_name (widget))
        g_ptr_array_add (unnamed, g_strdup_printf ("%s (%s)",
                                                   G_OBJECT_TYPE_NAME (widget),
                                                   gtk_widget_get_name (widget)));

      /* A control's inner parts (a menu button's toggle) are presented
       * as the control itself. */
      if (!ADW_IS_PREFERENCES_ROW (widget))
        return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_unnamed (child, unnamed, n_controls);
}

static void
assert_all_controls_named (GtkWidget *root,
                           guint      min_controls)
{
  g_autoptr(GPtrArray) unnamed = g_ptr_array_new_with_free_func (g_free);
  guint n_controls = 0;

  collect_unnamed (root, unnamed, &n_controls);

  for (guint i = 0; i < unnamed->len; i++)
    g_test_message ("control without a name: %s", (char *) g_ptr_array_index (unnamed, i));

  g_assert_cmpuint (n_controls, >=, min_controls);
  g_assert_cmpuint (unnamed->len, ==, 0);
}

static void
test_main_window_controls_have_names (void)
{
  GtkWindow *window;

  window = GTK_WINDOW (md_test_gui_open_window (app));

  /* Wide: the view switcher in the header; narrow: the bottom bar. */
  gtk_window_set_default_size (window, 1000, 700);
  md_test_iterate (200);
  assert_all_controls_named (GTK_WIDGET (window), 4);

  gtk_window_set_default_size (window, 360, 700);
  md_test_iterate (200);
  assert_all_controls_named (GTK_WIDGET (window), 4);

  md_test_gui_close_all (app);
}

static void
test_preferences_controls_have_names (void)
{
  md_test_gui_open_window (app);

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  g_assert_true (md_test_gui_wait_toplevel (MD_TYPE_PREFERENCES_WINDOW, TRUE));

  assert_all_controls_named (GTK_WIDGET (md_test_gui_find_toplevel (MD_TYPE_PREFERENCES_WINDOW)), 1);

  md_test_gui_close_all (app);
}

static void
test_editors_controls_have_names (void)
{
  g_autoptr(MdDiary) diary = md_test_new_diary (NULL);
  g_autoptr(MdAttack) attack = md_attack_new ();
  g_autoptr(MdDose) dose = md_dose_new ();
  GtkWidget *editors[6];

  attack->start = g_get_real_time () / G_USEC_PER_SEC - 3600;
  attack->peak_pain = 2;
  g_assert_true (md_diary_save_attack (diary, attack, NULL));
  dose->attack_uuid = g_strdup (attack->uuid);
  dose->medication_uuid = g_strdup ("preset-magnesium-sulfate-iv-1g");
  dose->taken = attack->start + 60;

  editors[0] = GTK_WIDGET (md_attack_editor_new (NULL, md_test_gui_context_for (diary), attack));
  editors[1] = GTK_WIDGET (md_dose_editor_new (NULL, md_test_gui_context_for (diary), dose));
  editors[2] = GTK_WIDGET (md_day_editor_new (NULL, md_test_gui_context_for (diary), NULL));
  editors[3] = GTK_WIDGET (md_course_editor_new (NULL, md_test_gui_context_for (diary), NULL));
  editors[4] = GTK_WIDGET (md_medication_editor_new (NULL, md_test_gui_context_for (diary), NULL));
  editors[5] = GTK_WIDGET (md_reminder_editor_new (NULL, md_test_gui_context_for (diary), NULL));

  for (guint i = 0; i < G_N_ELEMENTS (editors); i++)
    {
      g_test_message ("editor: %s", G_OBJECT_TYPE_NAME (editors[i]));
      gtk_window_present (GTK_WINDOW (editors[i]));
      md_test_iterate (50);
      assert_all_controls_named (editors[i], 3);
      gtk_window_destroy (GTK_WINDOW (editors[i]));
    }
}

int
main (int   argc,
      char *argv[])
{
  app = md_test_gui_init_app (&argc, &argv);

  g_test_add_func ("/md/accessibility/main-window", test_main_window_controls_have_names);
  g_test_add_func ("/md/accessibility/preferences", test_preferences_controls_have_names);
  g_test_add_func ("/md/accessibility/editors", test_editors_controls_have_names);

  return md_test_gui_run_app (&app);
}
