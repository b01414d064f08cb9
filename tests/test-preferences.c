/* test-preferences.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "md-preferences-window.h"
#include "md-test-gui.h"
#include "md-test-utils.h"
#include "md-window.h"

static MdApplication *app;

static MdPreferencesWindow *
open_preferences (void)
{
  GtkWindow *preferences;

  md_test_gui_open_window (app);

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  g_assert_true (md_test_gui_wait_toplevel (MD_TYPE_PREFERENCES_WINDOW, TRUE));

  preferences = md_test_gui_find_toplevel (MD_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  /* It belongs to the main window, like every dialog. */
  g_assert_true (MD_IS_WINDOW (gtk_window_get_transient_for (preferences)));

  return MD_PREFERENCES_WINDOW (preferences);
}

static void
test_preferences_open_and_close (void)
{
  MdPreferencesWindow *preferences = open_preferences ();

  gtk_window_close (GTK_WINDOW (preferences));
  g_assert_true (md_test_gui_wait_toplevel (MD_TYPE_PREFERENCES_WINDOW, FALSE));

  md_test_gui_close_all (app);
}

static void
test_color_scheme_applies_and_is_saved (void)
{
  MdPreferencesWindow *preferences = open_preferences ();
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  GSettings *settings = md_application_get_settings (app);
  AdwComboRow *row;

  row = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                      MD_TYPE_PREFERENCES_WINDOW,
                                                      "color_scheme_row"));
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==,
                   ADW_COLOR_SCHEME_DEFAULT);

  /* Chosen by the user: the row writes the setting, the app applies it. */
  adw_combo_row_set_selected (row, 2);
  g_assert_cmpint (g_settings_get_enum (settings, "color-scheme"), ==, 2);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==,
                   ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style_manager));

  adw_combo_row_set_selected (row, 1);
  g_assert_cmpint (g_settings_get_enum (settings, "color-scheme"), ==, 1);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==,
                   ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (adw_style_manager_get_dark (style_manager));

  /* Changed elsewhere (another window, dconf): the row follows. */
  g_settings_set_enum (settings, "color-scheme", 2);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 2);

  g_settings_reset (settings, "color-scheme");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==,
                   ADW_COLOR_SCHEME_DEFAULT);

  md_test_gui_close_all (app);
}

static void
test_preferences_rows_have_names (void)
{
  MdPreferencesWindow *preferences = open_preferences ();
  AdwComboRow *row;

  row = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                      MD_TYPE_PREFERENCES_WINDOW,
                                                      "color_scheme_row"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "_Style");
  g_assert_true (adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (row)));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (row)), ==, 3);

  md_test_gui_close_all (app);
}

static GtkSwitch *
switch_named (MdPreferencesWindow *preferences,
              const char          *name)
{
  return GTK_SWITCH (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                    MD_TYPE_PREFERENCES_WINDOW, name));
}

static void
test_reminder_switches (void)
{
  MdPreferencesWindow *preferences = open_preferences ();
  GSettings *settings = md_application_get_settings (app);
  g_autofree char *autostart = md_preferences_get_autostart_path ();
  g_autofree char *contents = NULL;
  GtkSwitch *toggle;

  /* Bound to their keys, both ways. */
  toggle = switch_named (preferences, "run_in_background_switch");
  g_assert_true (gtk_switch_get_active (toggle));
  gtk_switch_set_active (toggle, FALSE);
  g_assert_false (g_settings_get_boolean (settings, "run-in-background"));
  g_settings_reset (settings, "run-in-background");
  g_assert_true (gtk_switch_get_active (toggle));

  toggle = switch_named (preferences, "follow_up_switch");
  g_assert_false (gtk_switch_get_active (toggle));
  gtk_switch_set_active (toggle, TRUE);
  g_assert_true (g_settings_get_boolean (settings, "follow-up-24h"));
  g_settings_reset (settings, "follow-up-24h");

  /* Start at login is the autostart file. */
  toggle = switch_named (preferences, "autostart_switch");
  g_assert_false (g_file_test (autostart, G_FILE_TEST_EXISTS));
  g_assert_false (gtk_switch_get_active (toggle));
  gtk_switch_set_active (toggle, TRUE);
  g_assert_true (g_file_get_contents (autostart, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\nExec=migraine-diary --background\n"));
  g_assert_true (gtk_switch_get_state (toggle));
  gtk_switch_set_active (toggle, FALSE);
  g_assert_false (g_file_test (autostart, G_FILE_TEST_EXISTS));

  /* Start at login needs Run in background: turning it on turns that on,
   * and turning that off turns it off. */
  g_settings_set_boolean (settings, "run-in-background", FALSE);
  gtk_switch_set_active (toggle, TRUE);
  g_assert_true (g_file_test (autostart, G_FILE_TEST_EXISTS));
  g_assert_true (g_settings_get_boolean (settings, "run-in-background"));
  g_assert_true (gtk_switch_get_active (switch_named (preferences, "run_in_background_switch")));
  gtk_switch_set_active (switch_named (preferences, "run_in_background_switch"), FALSE);
  g_assert_false (g_settings_get_boolean (settings, "run-in-background"));
  g_assert_false (gtk_switch_get_active (toggle));
  g_assert_false (g_file_test (autostart, G_FILE_TEST_EXISTS));
  g_settings_reset (settings, "run-in-background");
  md_test_gui_close_all (app);

  /* A new window shows what is on disk. */
  g_assert_true (g_file_set_contents (autostart, contents, -1, NULL));
  preferences = open_preferences ();
  g_assert_true (gtk_switch_get_active (switch_named (preferences, "autostart_switch")));
  g_assert_cmpint (g_remove (autostart), ==, 0);

  md_test_gui_close_all (app);
}

static gboolean
medication_names_shown (gpointer settings)
{
  return g_settings_get_boolean (settings, "show-medication-names");
}

static gboolean
medication_names_hidden (gpointer settings)
{
  return !g_settings_get_boolean (settings, "show-medication-names");
}

static gboolean
row_titled (GtkWidget     *widget,
            gconstpointer  title)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* Off by default; the row, found by what it says, turns it on as a click
 * or its mnemonic would (the row activates its switch). */
static void
test_medication_names_switch (void)
{
  MdPreferencesWindow *preferences = open_preferences ();
  GSettings *settings = md_application_get_settings (app);
  GtkSwitch *toggle = switch_named (preferences, "medication_names_switch");
  GtkWidget *row = md_test_gui_find_widget (GTK_WIDGET (preferences), row_titled,
                                            "Show Me_dication Names in Notifications");

  g_assert_nonnull (row);
  g_assert_true (adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (row)));
  g_assert_true (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)) == GTK_WIDGET (toggle));
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (toggle), row));
  g_assert_true (gtk_widget_get_mapped (row));

  g_assert_false (g_settings_get_boolean (settings, "show-medication-names"));
  g_assert_false (gtk_switch_get_active (toggle));

  /* Without animations the switch is on as soon as it is activated;
   * with them, it waits for frames, which a loaded test machine may not
   * draw in time. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  adw_action_row_activate (ADW_ACTION_ROW (row));
  g_assert_true (md_test_wait_for (medication_names_shown, settings, 5000));
  g_assert_true (gtk_switch_get_active (toggle));

  adw_action_row_activate (ADW_ACTION_ROW (row));
  g_assert_true (md_test_wait_for (medication_names_hidden, settings, 5000));
  g_assert_false (gtk_switch_get_active (toggle));
  gtk_settings_reset_property (gtk_settings_get_default (), "gtk-enable-animations");

  /* Changed elsewhere: the switch follows. */
  g_settings_set_boolean (settings, "show-medication-names", TRUE);
  g_assert_true (gtk_switch_get_active (toggle));
  g_settings_reset (settings, "show-medication-names");
  g_assert_false (gtk_switch_get_active (toggle));

  md_test_gui_close_all (app);
}

/* Every label in @widget that shows text shows all of it; counts
 * those that show @value. */
static void
assert_nothing_cut_off (GtkWidget  *widget,
                        const char *where,
                        const char *value,
                        guint      *n_values)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget) && gtk_label_get_text (GTK_LABEL (widget))[0] != '\0')
    {
      PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (widget));

      if (pango_layout_is_ellipsized (layout))
        g_error ("“%s” is cut off in %s at %d px", gtk_label_get_text (GTK_LABEL (widget)), where,
                 gtk_widget_get_width (widget));
      if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), value) == 0)
        (*n_values)++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    assert_nothing_cut_off (child, where, value, n_values);
}

static GtkWidget *
find_popover (GtkWidget *widget)
{
  if (GTK_IS_POPOVER (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_popover (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static guint
window_width (gpointer window)
{
  return gtk_widget_get_width (window);
}

/* The combo rows show their whole value, whichever is
 * chosen, at the window's size and on a phone: today's 560 px cut the
 * migraine-day definition ("A: ICHD-3 criteria, prob…") and the gap
 * ("24 hours without heada…"), 360 px the style ("F…"). */
static void
test_combo_values_not_cut_off (void)
{
  MdPreferencesWindow *preferences = open_preferences ();
  GSettings *settings = md_application_get_settings (app);
  AdwComboRow *definition = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                                          MD_TYPE_PREFERENCES_WINDOW,
                                                                          "definition_row"));
  const char *rows[] = { "color_scheme_row", "definition_row", "duration_row", "baseline_row", "evaluation_row",
                         "gap_row" };
  const int widths[] = { 0, 360 };

  g_settings_reset (settings, "migraine-definition");

  for (guint k = 0; k < G_N_ELEMENTS (widths); k++)
    {
      if (widths[k] > 0)
        {
          gtk_window_set_default_size (GTK_WINDOW (preferences), widths[k], 700);
          g_assert_true (md_test_wait_for_count (window_width, preferences, widths[k], 5000));
        }
      /* Each choice of each row, as the user could pick it */
      for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
        {
          AdwComboRow *row = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                                           MD_TYPE_PREFERENCES_WINDOW, rows[r]));
          guint before = adw_combo_row_get_selected (row);
          guint n = g_list_model_get_n_items (adw_combo_row_get_model (row));

          adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (preferences),
                                                   ADW_PREFERENCES_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (row),
                                                                                                  ADW_TYPE_PREFERENCES_PAGE)));

          for (guint i = 0; i < n; i++)
            {
              g_autofree char *where = g_strdup_printf ("%s, choice %u, window %d px", rows[r], i,
                                                        gtk_widget_get_width (GTK_WIDGET (preferences)));
              const char *value;
              guint n_values = 0;

              adw_combo_row_set_selected (row, i);
              value = gtk_string_object_get_string (adw_combo_row_get_selected_item (row));
              md_test_iterate (100);
              assert_nothing_cut_off (GTK_WIDGET (row), where, value, &n_values);
              /* The value is on screen, once */
              g_assert_cmpuint (n_values, ==, 1);
            }
          adw_combo_row_set_selected (row, before);
        }
    }

  /* Its choices, in the list the row opens, are whole sentences too */
  {
    GtkWidget *popover = NULL;
    guint n_values = 0;

    gtk_widget_activate (GTK_WIDGET (definition));
    md_test_iterate (300);
    popover = find_popover (GTK_WIDGET (definition));
    g_assert_nonnull (popover);
    g_assert_true (gtk_widget_get_mapped (popover));
    assert_nothing_cut_off (popover, "the list of definitions",
                            "B: 30 minutes with 2 features and 1 symptom, aura, or migraine medication", &n_values);
    g_assert_cmpuint (n_values, ==, 1);
    gtk_popover_popdown (GTK_POPOVER (popover));
  }

  /* A definition is a sentence: it is the row's subtitle, said to a
   * screen reader with the row */
  adw_combo_row_set_selected (definition, 1);
  {
    g_autofree char *chosen = g_settings_get_string (settings, "migraine-definition");

    g_assert_cmpstr (chosen, ==, "definition-b");
  }
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (definition)), ==,
                   "B: 30 minutes with 2 features and 1 symptom, aura, or migraine medication");
  adw_combo_row_set_selected (definition, 0);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (definition)), ==,
                   "A: ICHD-3 criteria, probable migraine, aura, or relieved by a triptan");

  /* The resized window moved a widget with a tooltip under the pointer:
   * GTK 4.8's tooltip timer, left pending when its window is destroyed,
   * would then look for the pointer on a surface that is gone (a
   * CRITICAL). Let the tooltip come first. */
  md_test_iterate (700);
  md_test_gui_close_all (app);
}

int
main (int   argc,
      char *argv[])
{
  app = md_test_gui_init_app (&argc, &argv);

  g_test_add_func ("/md/preferences/open-close", test_preferences_open_and_close);
  g_test_add_func ("/md/preferences/color-scheme", test_color_scheme_applies_and_is_saved);
  g_test_add_func ("/md/preferences/row-names", test_preferences_rows_have_names);
  g_test_add_func ("/md/preferences/reminders", test_reminder_switches);
  g_test_add_func ("/md/preferences/medication-names", test_medication_names_switch);
  g_test_add_func ("/md/preferences/values-not-cut-off", test_combo_values_not_cut_off);

  return md_test_gui_run_app (&app);
}
