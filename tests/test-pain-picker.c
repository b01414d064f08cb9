/* test-pain-picker.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "md-pain-picker.h"
#include "md-test-gui.h"
#include "md-test-utils.h"

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static GtkToggleButton *
level_button (MdPainPicker *picker,
              const char   *name)
{
  return GTK_TOGGLE_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (picker),
                                                           MD_TYPE_PAIN_PICKER, name));
}

static void
test_clicking_a_level_sets_pain_once (void)
{
  MdPainPicker *picker = MD_PAIN_PICKER (g_object_ref_sink (md_pain_picker_new ()));
  guint notified = 0;

  g_assert_cmpint (md_pain_picker_get_pain (picker), ==, MD_PAIN_UNSET);
  g_signal_connect (picker, "notify::pain", G_CALLBACK (count_notify_cb), &notified);

  /* What a click does. */
  gtk_toggle_button_set_active (level_button (picker, "moderate_button"), TRUE);
  g_assert_cmpint (md_pain_picker_get_pain (picker), ==, 2);
  g_assert_cmpuint (notified, ==, 1);

  gtk_toggle_button_set_active (level_button (picker, "severe_button"), TRUE);
  g_assert_cmpint (md_pain_picker_get_pain (picker), ==, 3);
  g_assert_false (gtk_toggle_button_get_active (level_button (picker, "moderate_button")));
  g_assert_cmpuint (notified, ==, 2);

  /* Setting the same value again is not a change. */
  md_pain_picker_set_pain (picker, 3);
  g_assert_cmpuint (notified, ==, 2);

  g_assert_finalize_object (picker);
}

static void
test_setting_pain_updates_buttons (void)
{
  MdPainPicker *picker = MD_PAIN_PICKER (g_object_ref_sink (md_pain_picker_new ()));

  md_pain_picker_set_pain (picker, 0);
  g_assert_true (gtk_toggle_button_get_active (level_button (picker, "none_button")));

  g_object_set (picker, "pain", 1, NULL);
  g_assert_true (gtk_toggle_button_get_active (level_button (picker, "mild_button")));
  g_assert_false (gtk_toggle_button_get_active (level_button (picker, "none_button")));

  md_pain_picker_set_pain (picker, MD_PAIN_UNSET);
  g_assert_false (gtk_toggle_button_get_active (level_button (picker, "mild_button")));

  g_assert_finalize_object (picker);
}

static void
test_number_is_kept_beside_never_converted (void)
{
  MdPainPicker *picker = MD_PAIN_PICKER (g_object_ref_sink (md_pain_picker_new ()));
  GtkToggleButton *nrs_toggle;
  GtkRange *nrs_scale;

  nrs_toggle = GTK_TOGGLE_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (picker),
                                                                 MD_TYPE_PAIN_PICKER, "nrs_toggle"));
  nrs_scale = GTK_RANGE (gtk_widget_get_template_child (GTK_WIDGET (picker),
                                                        MD_TYPE_PAIN_PICKER, "nrs_scale"));

  md_pain_picker_set_pain (picker, 1);
  g_assert_cmpint (md_pain_picker_get_nrs (picker), ==, MD_PAIN_UNSET);

  gtk_toggle_button_set_active (nrs_toggle, TRUE);
  gtk_range_set_value (nrs_scale, 8);
  g_assert_cmpint (md_pain_picker_get_nrs (picker), ==, 8);
  /* A high number does not move the four-point answer. */
  g_assert_cmpint (md_pain_picker_get_pain (picker), ==, 1);

  md_pain_picker_set_pain (picker, 3);
  g_assert_cmpint (md_pain_picker_get_nrs (picker), ==, 8);

  gtk_toggle_button_set_active (nrs_toggle, FALSE);
  g_assert_cmpint (md_pain_picker_get_nrs (picker), ==, MD_PAIN_UNSET);
  g_assert_cmpint (md_pain_picker_get_pain (picker), ==, 3);

  g_assert_finalize_object (picker);
}

static void
test_levels_are_labelled (void)
{
  MdPainPicker *picker = MD_PAIN_PICKER (g_object_ref_sink (md_pain_picker_new ()));
  const char *names[] = { "none_button", "mild_button", "moderate_button", "severe_button" };
  const char *labels[] = { "_None", "M_ild", "M_oderate", "Se_vere" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkButton *button = GTK_BUTTON (level_button (picker, names[i]));

      g_assert_cmpstr (gtk_button_get_label (button), ==, labels[i]);
      g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (button)), ==,
                       md_pain_level_get_meaning (i));
    }

  g_assert_finalize_object (picker);
}

static void
test_out_of_range_is_refused (void)
{
  MdPainPicker *picker = MD_PAIN_PICKER (g_object_ref_sink (md_pain_picker_new ()));

  g_test_expect_message ("md-pain-picker", G_LOG_LEVEL_CRITICAL, "*pain <= 3*");
  md_pain_picker_set_pain (picker, 4);
  g_test_assert_expected_messages ();
  g_assert_cmpint (md_pain_picker_get_pain (picker), ==, MD_PAIN_UNSET);

  g_test_expect_message ("md-pain-picker", G_LOG_LEVEL_CRITICAL, "*nrs <= 10*");
  md_pain_picker_set_nrs (picker, 11);
  g_test_assert_expected_messages ();

  g_assert_finalize_object (picker);
}

int
main (int   argc,
      char *argv[])
{
  md_test_init_gui (&argc, &argv);
  gtk_init ();

  g_test_add_func ("/md/pain-picker/click", test_clicking_a_level_sets_pain_once);
  g_test_add_func ("/md/pain-picker/set", test_setting_pain_updates_buttons);
  g_test_add_func ("/md/pain-picker/number", test_number_is_kept_beside_never_converted);
  g_test_add_func ("/md/pain-picker/labels", test_levels_are_labelled);
  g_test_add_func ("/md/pain-picker/range", test_out_of_range_is_refused);

  return g_test_run ();
}
