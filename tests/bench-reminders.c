/* bench-reminders.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reminder service figures: the time to arm the one timer over 1,000
 * reminders (re-armed after a change, and a full wake-up check), and the
 * number of timer wake-ups over a simulated day, which must equal the
 * number of reminders due: the service never polls. Printed beside their
 * budgets; benchmarks never fail on time.
 */

#include "config.h"

#include <stdio.h>

#include "md-reminder-service.h"

#define RUNS 51
#define HOUR 3600

/* 2026-11-25 00:00 CET */
#define NOV_25 G_GINT64_CONSTANT (1795561200)

static gint64 fake_now;

static gint64
test_now (gpointer user_data)
{
  return fake_now;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *values,
            double  p)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, (guint) ((values->len - 1) * p + 0.5));
}

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
add_reminder (MdDiary    *diary,
              const char *kind,
              const char *schedule)
{
  g_autoptr(MdReminder) reminder = md_reminder_new ();
  g_autoptr(GError) error = NULL;

  reminder->kind = g_strdup (kind);
  reminder->title = g_strdup (kind);
  reminder->schedule = g_strdup (schedule);
  reminder->enabled = TRUE;
  if (!md_diary_save_reminder (diary, reminder, &error))
    g_error ("%s", error->message);
}

static MdDiary *
new_diary (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  MdDiary *diary = md_diary_open (path, &error);

  g_assert_no_error (error);
  md_diary_set_now_func (diary, test_now, NULL);
  return diary;
}

static guint n_fired;

static void
reminder_due_cb (MdReminderService *service,
                 MdReminder        *reminder,
                 gint64             due,
                 gboolean           late)
{
  n_fired++;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("md-bench-reminders-XXXXXX", NULL);
  g_autoptr(GArray) arm_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) check_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(MdDiary) many = new_diary (dir, "many.db");
  g_autoptr(MdDiary) day = new_diary (dir, "day.db");
  g_autoptr(MdReminderService) service = NULL;
  guint n_due = 0;
  guint wakeups;

  /* 1,000 reminders of every kind, none due at noon. */
  fake_now = NOV_25 + 12 * HOUR;
  g_assert_true (md_diary_begin (many, NULL));
  for (int i = 0; i < 1000; i++)
    {
      g_autofree char *schedule = NULL;

      if (i % 3 == 0)
        schedule = g_strdup_printf ("v1;daily;times=%02d:%02d,%02d:%02d;days=mon,wed,fri",
                                    13 + i % 10, i % 60, 6 + i % 5, i % 60);
      else if (i % 3 == 1)
        schedule = g_strdup_printf ("v1;every;n=%d;start=2026-01-%02d;times=%02d:%02d",
                                    1 + i % 14, 1 + i % 28, 14 + i % 9, i % 60);
      else
        schedule = g_strdup_printf ("v1;once;at=2027-%02d-%02dT09:30;lead=86400", 1 + i % 12, 1 + i % 28);
      add_reminder (many, i % 3 == 0 ? "medication" : i % 3 == 1 ? "check-in" : "appointment", schedule);
    }
  g_assert_true (md_diary_commit (many, NULL));

  service = md_reminder_service_new (many);
  md_reminder_service_set_clock (service, test_now, NULL);
  md_reminder_service_set_time_zone (service, zone);
  md_reminder_service_start (service);

  for (int r = 0; r < RUNS; r++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      /* What a saved reminder does: the service re-arms. */
      g_signal_emit_by_name (many, "reminders-changed");
      ms = elapsed_ms (start);
      g_array_append_val (arm_ms, ms);
      g_assert_true (md_reminder_service_is_armed (service));

      start = g_get_monotonic_time ();
      md_reminder_service_check (service);
      ms = elapsed_ms (start);
      g_array_append_val (check_ms, ms);
    }
  g_clear_object (&service);

  /* A simulated day with five reminders: the clock jumps to each
   * deadline the timer was armed for, and the real GSource dispatches. */
  add_reminder (day, "medication", "v1;daily;times=08:00,20:00");
  add_reminder (day, "check-in", "v1;daily;times=21:00");
  add_reminder (day, "medication", "v1;every;n=3;start=2026-11-22;times=12:30");
  add_reminder (day, "appointment", "v1;once;at=2026-11-25T17:00;lead=7200");
  add_reminder (day, "appointment", "v1;once;at=2026-12-24T09:00;lead=86400");
  n_due = 5; /* 08:00, 12:30, 15:00, 20:00, 21:00 */

  fake_now = NOV_25;
  service = md_reminder_service_new (day);
  md_reminder_service_set_clock (service, test_now, NULL);
  md_reminder_service_set_time_zone (service, zone);
  g_signal_connect (service, "reminder-due", G_CALLBACK (reminder_due_cb), NULL);
  md_reminder_service_start (service);

  while (md_reminder_service_get_next_due (service) < NOV_25 + 24 * HOUR)
    {
      wakeups = md_reminder_service_get_n_wakeups (service);
      fake_now = md_reminder_service_get_next_due (service);
      md_reminder_service_expire_timer (service);
      while (md_reminder_service_get_n_wakeups (service) == wakeups)
        g_main_context_iteration (NULL, TRUE);
    }
  wakeups = md_reminder_service_get_n_wakeups (service);

  printf ("%-44s %12s %12s %10s\n", "reminder service", "median", "p90", "budget");
  printf ("%-44s %9.3f ms %9.3f ms %7s ms\n", "arm the timer, 1,000 reminders",
          percentile (arm_ms, 0.5), percentile (arm_ms, 0.9), "5");
  printf ("%-44s %9.3f ms %9.3f ms %10s\n", "wake-up check, 1,000 reminders",
          percentile (check_ms, 0.5), percentile (check_ms, 0.9), "-");
  printf ("%-44s %12u %12s %10u\n", "timer wake-ups over a day (5 due)", wakeups, "", n_due);
  printf ("%-44s %12u %12s %10u\n", "reminders told over that day", n_fired, "", n_due);

  g_clear_object (&service);
  g_clear_object (&many);
  g_clear_object (&day);

  /* Polling would show as more wake-ups than reminders due. */
  return wakeups == n_due && n_fired == n_due ? 0 : 1;
}
