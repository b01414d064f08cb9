/* test-reminder-service.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Driven by a test clock; times in Europe/Berlin (CET, UTC+1, in
 * November 2026).
 */

#include "config.h"

#include "md-reminder-service.h"
#include "md-test-utils.h"

/* 2026-11-25 00:00 CET in unix seconds. */
#define NOV_25 G_GINT64_CONSTANT (1796079600)
#define HOUR 3600
#define DAY (24 * HOUR)

typedef struct
{
  MdDiary   *diary;
  GTimeZone *zone;
  gint64     now;
  GPtrArray *fired; /* "title@due@late" */
} Fixture;

static gint64
test_now (gpointer user_data)
{
  return ((Fixture *) user_data)->now;
}

static void
reminder_due_cb (MdReminderService *service,
                 MdReminder        *reminder,
                 gint64             due,
                 gboolean           late,
                 Fixture           *fixture)
{
  g_ptr_array_add (fixture->fired, g_strdup_printf ("%s@%" G_GINT64_FORMAT "%s", reminder->title,
                                                    due, late ? "@late" : ""));
}

static MdReminderService *
new_service (Fixture *fixture)
{
  MdReminderService *service = md_reminder_service_new (fixture->diary);

  md_reminder_service_set_clock (service, test_now, fixture);
  md_reminder_service_set_time_zone (service, fixture->zone);
  g_signal_connect (service, "reminder-due", G_CALLBACK (reminder_due_cb), fixture);
  md_reminder_service_start (service);

  return service;
}

static void
add_reminder (Fixture    *fixture,
              const char *kind,
              const char *title,
              const char *schedule)
{
  g_autoptr(MdReminder) reminder = md_reminder_new ();

  reminder->kind = g_strdup (kind);
  reminder->title = g_strdup (title);
  reminder->schedule = g_strdup (schedule);
  g_assert_true (md_diary_save_reminder (fixture->diary, reminder, NULL));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *dir = md_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "diary.db", NULL);

  fixture->diary = md_diary_open (path, NULL);
  fixture->zone = g_time_zone_new_identifier ("Europe/Berlin");
  fixture->fired = g_ptr_array_new_with_free_func (g_free);
  md_diary_set_now_func (fixture->diary, test_now, fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->diary);
  g_clear_pointer (&fixture->zone, g_time_zone_unref);
  g_clear_pointer (&fixture->fired, g_ptr_array_unref);
}

static void
test_fires_once_on_time (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(MdReminderService) service = NULL;
  g_autofree char *expected = NULL;

  add_reminder (fixture, "medication", "Magnesium", "v1;daily;times=20:00");
  fixture->now = NOV_25 + 12 * HOUR;
  service = new_service (fixture);

  g_assert_cmpuint (fixture->fired->len, ==, 0);
  g_assert_true (md_reminder_service_is_armed (service));
  g_assert_cmpint (md_reminder_service_get_next_due (service), ==, NOV_25 + 20 * HOUR);

  fixture->now = NOV_25 + 20 * HOUR + 30;
  md_reminder_service_check (service);
  expected = g_strdup_printf ("Magnesium@%" G_GINT64_FORMAT, NOV_25 + 20 * HOUR);
  g_assert_cmpuint (fixture->fired->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->fired, 0), ==, expected);

  /* Never twice. */
  md_reminder_service_check (service);
  g_assert_cmpuint (fixture->fired->len, ==, 1);
  g_assert_cmpint (md_reminder_service_get_next_due (service), ==, NOV_25 + DAY + 20 * HOUR);
}

static void
test_suspend_across_two_reminders (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(MdReminderService) service = NULL;
  g_autofree char *first = g_strdup_printf ("Morning@%" G_GINT64_FORMAT "@late", NOV_25 + 8 * HOUR);
  g_autofree char *second = g_strdup_printf ("Mid-morning@%" G_GINT64_FORMAT "@late", NOV_25 + 9 * HOUR);

  add_reminder (fixture, "medication", "Morning", "v1;daily;times=08:00");
  add_reminder (fixture, "medication", "Mid-morning", "v1;daily;times=09:00");
  fixture->now = NOV_25 + 7 * HOUR;
  service = new_service (fixture);

  /* Three hours of sleep, then the wake-up check. */
  fixture->now = NOV_25 + 10 * HOUR;
  md_reminder_service_check (service);
  g_assert_cmpuint (fixture->fired->len, ==, 2);
  g_assert_true (g_ptr_array_find_with_equal_func (fixture->fired, first, g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (fixture->fired, second, g_str_equal, NULL));

  md_reminder_service_check (service);
  g_assert_cmpuint (fixture->fired->len, ==, 2);
}

static void
test_missed_while_not_running (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *expected = g_strdup_printf ("Log your day@%" G_GINT64_FORMAT "@late",
                                               NOV_25 + DAY + 20 * HOUR);

  add_reminder (fixture, "medication", "Log your day", "v1;daily;times=20:00");
  fixture->now = NOV_25 + 19 * HOUR;
  g_object_unref (new_service (fixture));

  /* The app was closed for two evenings: told once, for the latest. */
  fixture->now = NOV_25 + DAY + 21 * HOUR;
  g_object_unref (new_service (fixture));
  g_assert_cmpuint (fixture->fired->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->fired, 0), ==, expected);

  /* Another restart tells nothing more. */
  g_object_unref (new_service (fixture));
  g_assert_cmpuint (fixture->fired->len, ==, 1);
}

static void
test_snooze_survives_restart (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(MdReminderService) service = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  MdReminder *reminder;

  add_reminder (fixture, "medication", "Magnesium", "v1;daily;times=20:00");
  fixture->now = NOV_25 + 19 * HOUR;
  service = new_service (fixture);
  fixture->now = NOV_25 + 20 * HOUR;
  md_reminder_service_check (service);
  g_assert_cmpuint (fixture->fired->len, ==, 1);

  reminders = md_diary_list_reminders (fixture->diary);
  reminder = g_ptr_array_index (reminders, 0);
  g_assert_true (md_reminder_service_snooze (service, reminder->uuid, 10 * 60, NULL));
  g_clear_object (&service);

  fixture->now = NOV_25 + 20 * HOUR + 5 * 60;
  service = new_service (fixture);
  g_assert_cmpint (md_reminder_service_get_next_due (service), ==, NOV_25 + 20 * HOUR + 10 * 60);

  fixture->now = NOV_25 + 20 * HOUR + 11 * 60;
  md_reminder_service_check (service);
  g_assert_cmpuint (fixture->fired->len, ==, 2);
}

static void
test_check_in_quiet_when_day_has_entry (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(MdReminderService) service = NULL;
  g_autoptr(MdAttack) attack = md_attack_new ();

  add_reminder (fixture, "check-in", "How was today?", "v1;daily;times=21:00");
  fixture->now = NOV_25 + 8 * HOUR;
  service = new_service (fixture);

  fixture->now = NOV_25 + 11 * HOUR;
  attack->start = NOV_25 + 9 * HOUR;
  attack->end = NOV_25 + 10 * HOUR;
  attack->peak_pain = 2;
  g_assert_true (md_diary_save_attack (fixture->diary, attack, NULL));

  fixture->now = NOV_25 + 21 * HOUR + 10;
  md_reminder_service_check (service);
  g_assert_cmpuint (fixture->fired->len, ==, 0);

  /* The next evening has no entry: it asks. */
  fixture->now = NOV_25 + DAY + 21 * HOUR + 10;
  md_reminder_service_check (service);
  g_assert_cmpuint (fixture->fired->len, ==, 1);
}

static void
test_one_timer_for_many (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(MdReminderService) service = NULL;

  g_assert_true (md_diary_begin (fixture->diary, NULL));
  for (int i = 0; i < 1000; i++)
    {
      g_autofree char *schedule = g_strdup_printf ("v1;daily;times=%02d:%02d", 13 + i % 10, i % 60);

      add_reminder (fixture, "medication", "Many", schedule);
    }
  g_assert_true (md_diary_commit (fixture->diary, NULL));

  fixture->now = NOV_25 + 12 * HOUR;
  service = new_service (fixture);

  /* One GLib timeout, for the soonest of the thousand: 13:00. */
  g_assert_true (md_reminder_service_is_armed (service));
  g_assert_cmpint (md_reminder_service_get_next_due (service), ==, NOV_25 + 13 * HOUR);
}

int
main (int   argc,
      char *argv[])
{
  md_test_init (&argc, &argv);

  g_test_add ("/md/reminder-service/on-time", Fixture, NULL, fixture_set_up,
              test_fires_once_on_time, fixture_tear_down);
  g_test_add ("/md/reminder-service/suspend", Fixture, NULL, fixture_set_up,
              test_suspend_across_two_reminders, fixture_tear_down);
  g_test_add ("/md/reminder-service/missed", Fixture, NULL, fixture_set_up,
              test_missed_while_not_running, fixture_tear_down);
  g_test_add ("/md/reminder-service/snooze", Fixture, NULL, fixture_set_up,
              test_snooze_survives_restart, fixture_tear_down);
  g_test_add ("/md/reminder-service/check-in", Fixture, NULL, fixture_set_up,
              test_check_in_quiet_when_day_has_entry, fixture_tear_down);
  g_test_add ("/md/reminder-service/one-timer", Fixture, NULL, fixture_set_up,
              test_one_timer_for_many, fixture_tear_down);

  return g_test_run ();
}
