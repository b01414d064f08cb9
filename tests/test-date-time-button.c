/* test-date-time-button.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "md-date-time-button.h"
#include "md-test-gui.h"
#include "md-test-utils.h"

static GtkWidget *
child (MdDateTimeButton *button,
       const char       *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (button),
                                                    MD_TYPE_DATE_TIME_BUTTON, name));
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_starts_at_now_to_the_minute (void)
{
  MdDateTimeButton *button = MD_DATE_TIME_BUTTON (g_object_ref_sink (md_date_time_button_new ()));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDateTime *value = md_date_time_button_get_date_time (button);

  g_assert_cmpint (g_date_time_get_seconds (value), ==, 0);
  g_assert_cmpint (ABS (g_date_time_difference (now, value)), <, 61 * G_TIME_SPAN_SECOND);

  g_assert_finalize_object (button);
}

static void
test_spin_buttons_and_calendar_set_the_time (void)
{
  MdDateTimeButton *button = MD_DATE_TIME_BUTTON (g_object_ref_sink (md_date_time_button_new ()));
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) start = g_date_time_new (tz, 2026, 3, 14, 9, 5, 0);
  g_autoptr(GDateTime) other_day = g_date_time_new (tz, 2026, 3, 20, 0, 0, 0);
  GDateTime *value;
  guint notified = 0;

  md_date_time_button_set_date_time (button, start);
  g_signal_connect (button, "notify::date-time", G_CALLBACK (count_notify_cb), &notified);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child (button, "hour_spin")), 22);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child (button, "minute_spin")), 45);
  gtk_calendar_select_day (GTK_CALENDAR (child (button, "calendar")), other_day);

  value = md_date_time_button_get_date_time (button);
  g_assert_cmpint (g_date_time_get_year (value), ==, 2026);
  g_assert_cmpint (g_date_time_get_month (value), ==, 3);
  g_assert_cmpint (g_date_time_get_day_of_month (value), ==, 20);
  g_assert_cmpint (g_date_time_get_hour (value), ==, 22);
  g_assert_cmpint (g_date_time_get_minute (value), ==, 45);
  g_assert_cmpuint (notified, ==, 3);

  /* The label shows it, zero-padded minutes included. */
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (child (button, "label"))), "22:45"));

  g_assert_finalize_object (button);
}

static void
test_setting_updates_widgets (void)
{
  MdDateTimeButton *button = MD_DATE_TIME_BUTTON (g_object_ref_sink (md_date_time_button_new ()));
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) value = g_date_time_new (tz, 2024, 2, 29, 7, 3, 0);
  g_autoptr(GDateTime) shown = NULL;

  g_object_set (button, "date-time", value, NULL);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (child (button, "hour_spin"))), ==, 7);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (child (button, "minute_spin"))), ==, 3);
  shown = gtk_calendar_get_date (GTK_CALENDAR (child (button, "calendar")));
  g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 29);
  /* Another year shows its year. */
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (child (button, "label"))), "2024"));

  g_assert_finalize_object (button);
}

static void
test_nonexistent_local_time_is_not_taken (void)
{
  MdDateTimeButton *button = MD_DATE_TIME_BUTTON (g_object_ref_sink (md_date_time_button_new ()));
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) before = g_date_time_new (berlin, 2026, 3, 29, 1, 30, 0);
  GDateTime *value;

  /* 29 March 2026, 02:30 does not exist in Berlin (clocks go 02:00 → 03:00). */
  md_date_time_button_set_date_time (button, before);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child (button, "hour_spin")), 2);

  /* What is kept is a time that exists — never a local 02:xx that day —
   * and the widgets show that time, not the impossible one. */
  value = md_date_time_button_get_date_time (button);
  g_assert_cmpint (g_date_time_get_day_of_month (value), ==, 29);
  g_assert_cmpint (g_date_time_get_hour (value), !=, 2);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (child (button, "hour_spin"))), ==,
                   g_date_time_get_hour (value));

  g_assert_finalize_object (button);
}

int
main (int   argc,
      char *argv[])
{
  md_test_init_gui (&argc, &argv);
  gtk_init ();

  g_test_add_func ("/md/date-time-button/now", test_starts_at_now_to_the_minute);
  g_test_add_func ("/md/date-time-button/widgets-set-time", test_spin_buttons_and_calendar_set_the_time);
  g_test_add_func ("/md/date-time-button/set-updates-widgets", test_setting_updates_widgets);
  g_test_add_func ("/md/date-time-button/nonexistent-time", test_nonexistent_local_time_is_not_taken);

  return g_test_run ();
}
