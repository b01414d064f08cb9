/* test-reminder-service.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Driven by a test clock; times in Europe/Berlin (CET, UTC+1, in
 * November 2026).
 */

#include "config.h"

#include "md-reminder-service.h"
#include "md-schedule.h"
#include "md-test-utils.h"

/* 2026-11-25 00:00 CET in unix seconds. */
#define NOV_25 G_GINT64_CONSTANT (1795561200)
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
  fixture->diary = md_test_new_diary (NULL);
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

static gint64
unix_at (const char *iso)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (time);
  return g_date_time_to_unix (time);
}

typedef struct
{
  const char *zone;
  const char *schedule;
  const char *start;     /* when the service starts */
  const char *expected[3]; /* the next firings, as UTC instants */
} DstCase;

/* Clocks change under a running service: each reminder fires once, at
 * the wall-clock time it was set for (or the first valid minute after a
 * spring-forward gap), never twice when an hour repeats. */
static const DstCase dst_cases[] = {
  /* Europe/Berlin: 29 March 2026 02:00 CET → 03:00 CEST. */
  { "Europe/Berlin", "v1;daily;times=02:30", "2026-03-28T12:00:00Z",
    { "2026-03-29T01:00:00Z", "2026-03-30T00:30:00Z", "2026-03-31T00:30:00Z" } },
  { "Europe/Berlin", "v1;daily;times=08:00", "2026-03-28T12:00:00Z",
    { "2026-03-29T06:00:00Z", "2026-03-30T06:00:00Z", "2026-03-31T06:00:00Z" } },
  /* 25 October 2026 03:00 CEST → 02:00 CET: 02:30 happens twice. */
  { "Europe/Berlin", "v1;daily;times=02:30", "2026-10-24T12:00:00Z",
    { "2026-10-25T00:30:00Z", "2026-10-26T01:30:00Z", "2026-10-27T01:30:00Z" } },
  /* America/New_York: 8 March 2026 02:00 EST → 03:00 EDT. */
  { "America/New_York", "v1;daily;times=02:30", "2026-03-07T12:00:00Z",
    { "2026-03-08T07:00:00Z", "2026-03-09T06:30:00Z", "2026-03-10T06:30:00Z" } },
  /* 1 November 2026 02:00 EDT → 01:00 EST: 01:30 happens twice. */
  { "America/New_York", "v1;daily;times=01:30", "2026-10-31T12:00:00Z",
    { "2026-11-01T05:30:00Z", "2026-11-02T06:30:00Z", "2026-11-03T06:30:00Z" } },
  { "America/New_York", "v1;daily;times=20:00", "2026-10-31T12:00:00Z",
    { "2026-11-01T00:00:00Z", "2026-11-02T01:00:00Z", "2026-11-03T01:00:00Z" } },
  /* Every 3 days across the ends of November and December. */
  { "Europe/Berlin", "v1;every;n=3;start=2026-11-29;times=08:00", "2026-11-28T12:00:00Z",
    { "2026-11-29T07:00:00Z", "2026-12-02T07:00:00Z", "2026-12-05T07:00:00Z" } },
  { "Europe/Berlin", "v1;every;n=5;start=2026-12-28;times=21:00", "2026-12-27T12:00:00Z",
    { "2026-12-28T20:00:00Z", "2027-01-02T20:00:00Z", "2027-01-07T20:00:00Z" } },
};

/* Walks the clock minute by minute from @from to @to, checking at each
 * minute as a wake-up would, and returns what fired. */
static void
walk_clock (Fixture           *fixture,
            MdReminderService *service,
            gint64             to)
{
  while (fixture->now < to)
    {
      fixture->now += 60;
      md_reminder_service_check (service);
    }
}

static void
test_dst_and_month_ends (Fixture       *fixture,
                         gconstpointer  data)
{
  for (guint c = 0; c < G_N_ELEMENTS (dst_cases); c++)
    {
      const DstCase *dst = &dst_cases[c];
      g_autoptr(MdReminderService) service = NULL;
      g_autoptr(GPtrArray) reminders = NULL;

      g_test_message ("%s %s", dst->zone, dst->schedule);

      /* A fresh reminder each time, in the case's time zone. */
      reminders = md_diary_list_reminders (fixture->diary);
      for (guint i = 0; i < reminders->len; i++)
        md_diary_undo_free (md_diary_delete_reminder (fixture->diary,
                                                      ((MdReminder *) g_ptr_array_index (reminders, i))->uuid,
                                                      NULL));
      g_ptr_array_set_size (fixture->fired, 0);
      g_time_zone_unref (fixture->zone);
      fixture->zone = g_time_zone_new_identifier (dst->zone);

      add_reminder (fixture, "medication", "Dose", dst->schedule);
      fixture->now = unix_at (dst->start);
      service = new_service (fixture);

      for (guint i = 0; i < G_N_ELEMENTS (dst->expected); i++)
        {
          gint64 expected = unix_at (dst->expected[i]);
          g_autofree char *fired = g_strdup_printf ("Dose@%" G_GINT64_FORMAT, expected);

          /* The timer is armed for exactly that instant… */
          g_assert_cmpint (md_reminder_service_get_next_due (service), ==, expected);

          /* …nothing fires a minute before, it fires once on time, and
           * nothing more in the hour after (the repeated hour). */
          walk_clock (fixture, service, expected - 60);
          g_assert_cmpuint (fixture->fired->len, ==, i);
          fixture->now = expected;
          md_reminder_service_check (service);
          g_assert_cmpuint (fixture->fired->len, ==, i + 1);
          g_assert_cmpstr (g_ptr_array_index (fixture->fired, i), ==, fired);
          walk_clock (fixture, service, expected + 2 * HOUR);
          g_assert_cmpuint (fixture->fired->len, ==, i + 1);
        }
    }
}

static MdMedication *
add_medication (Fixture    *fixture,
                const char *name,
                const char *med_class,
                const char *use)
{
  MdMedication *medication = md_medication_new ();
  g_autoptr(GError) error = NULL;

  medication->name = g_strdup (name);
  medication->med_class = g_strdup (med_class);
  medication->use = g_strdup (use);
  medication->default_amount = 50;
  medication->unit = g_strdup ("mg");
  medication->route = g_strdup ("oral");
  md_diary_save_medication (fixture->diary, medication, &error);
  g_assert_no_error (error);

  return medication;
}

static MdDose *
add_dose (Fixture      *fixture,
          MdMedication *medication,
          gint64        taken)
{
  MdDose *dose = md_dose_new ();
  g_autoptr(GError) error = NULL;

  dose->medication_uuid = g_strdup (medication->uuid);
  dose->taken = taken;
  dose->taken_offset = 3600;
  dose->amount = 50;
  dose->unit = g_strdup ("mg");
  dose->route = g_strdup ("oral");
  dose->setting = g_strdup ("home");
  md_diary_save_dose (fixture->diary, dose, &error);
  g_assert_no_error (error);

  return dose;
}

static GPtrArray *
follow_ups (Fixture    *fixture,
            const char *dose_uuid)
{
  g_autoptr(GPtrArray) reminders = md_diary_list_reminders (fixture->diary);
  GPtrArray *schedules = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < reminders->len; i++)
    {
      MdReminder *reminder = g_ptr_array_index (reminders, i);

      if (g_str_equal (reminder->kind, "follow-up") && g_strcmp0 (reminder->dose_uuid, dose_uuid) == 0)
        {
          g_assert_cmpstr (reminder->title, ==, "How is your pain now?");
          g_assert_true (reminder->enabled);
          g_ptr_array_add (schedules, g_strdup (reminder->schedule));
        }
    }

  return schedules;
}

static void
test_follow_ups (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(MdReminderService) service = NULL;
  g_autoptr(MdMedication) triptan = add_medication (fixture, "Sumatriptan", "triptan", "acute");
  g_autoptr(MdMedication) magnesium = add_medication (fixture, "Magnesium", "magnesium-oral", "preventive");
  g_autoptr(MdDose) acute = NULL;
  g_autoptr(MdDose) acute_2 = NULL;
  g_autoptr(MdDose) preventive = NULL;
  g_autoptr(MdDiaryUndo) undo = NULL;
  g_autoptr(GPtrArray) schedules = NULL;
  g_autofree char *expected = NULL;

  fixture->now = NOV_25 + 10 * HOUR;
  service = new_service (fixture);

  /* An acute dose: asked two hours later (12:00 CET). */
  acute = add_dose (fixture, triptan, NOV_25 + 10 * HOUR);
  schedules = follow_ups (fixture, acute->uuid);
  g_assert_cmpuint (schedules->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (schedules, 0), ==, "v1;once;at=2026-11-25T12:00:00+01:00;lead=0");
  g_assert_cmpint (md_reminder_service_get_next_due (service), ==, NOV_25 + 12 * HOUR);
  g_clear_pointer (&schedules, g_ptr_array_unref);

  /* Saved again unchanged: still one. */
  g_assert_true (md_diary_save_dose (fixture->diary, acute, NULL));
  schedules = follow_ups (fixture, acute->uuid);
  g_assert_cmpuint (schedules->len, ==, 1);
  g_clear_pointer (&schedules, g_ptr_array_unref);

  /* A preventive dose is not followed up. */
  preventive = add_dose (fixture, magnesium, NOV_25 + 10 * HOUR);
  schedules = follow_ups (fixture, preventive->uuid);
  g_assert_cmpuint (schedules->len, ==, 0);
  g_clear_pointer (&schedules, g_ptr_array_unref);

  /* With "Ask again after 24 hours": two hours and a day after. */
  md_reminder_service_set_follow_up_day_after (service, TRUE);
  acute_2 = add_dose (fixture, triptan, NOV_25 + 10 * HOUR);
  schedules = follow_ups (fixture, acute_2->uuid);
  g_assert_cmpuint (schedules->len, ==, 2);
  g_assert_true (g_ptr_array_find_with_equal_func (schedules, "v1;once;at=2026-11-25T12:00:00+01:00;lead=0",
                                                   g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (schedules, "v1;once;at=2026-11-26T10:00:00+01:00;lead=0",
                                                   g_str_equal, NULL));
  g_clear_pointer (&schedules, g_ptr_array_unref);

  /* It fires at 12:00 with its question. */
  fixture->now = NOV_25 + 12 * HOUR;
  md_reminder_service_check (service);
  expected = g_strdup_printf ("How is your pain now?@%" G_GINT64_FORMAT, NOV_25 + 12 * HOUR);
  g_assert_cmpuint (fixture->fired->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (fixture->fired, 0), ==, expected);

  /* A deleted dose takes its follow-ups with it; undo brings them back. */
  undo = md_diary_delete_dose (fixture->diary, acute_2->uuid, NULL);
  g_assert_nonnull (undo);
  schedules = follow_ups (fixture, acute_2->uuid);
  g_assert_cmpuint (schedules->len, ==, 0);
  g_clear_pointer (&schedules, g_ptr_array_unref);
  g_assert_true (md_diary_undo (fixture->diary, undo, NULL));
  schedules = follow_ups (fixture, acute_2->uuid);
  g_assert_cmpuint (schedules->len, ==, 2);
  g_clear_pointer (&schedules, g_ptr_array_unref);

  /* A dose logged long after it was taken asks nothing: the time passed. */
  fixture->now = NOV_25 + 20 * HOUR;
  g_clear_object (&acute);
  acute = add_dose (fixture, triptan, NOV_25 + 15 * HOUR);
  schedules = follow_ups (fixture, acute->uuid);
  g_assert_cmpuint (schedules->len, ==, 1); /* only the one a day after */
}

typedef struct
{
  const char *zone;
  const char *taken;     /* the dose, with the offset lived in */
  const char *follow_up; /* its follow-up as written, two hours of real time later */
} FollowUpCase;

/* A dose on the nights the clocks change, worked out by hand: the
 * follow-up comes 7,200 s after the dose, to the second, whatever the
 * clock on the wall says then. */
static const FollowUpCase follow_up_cases[] = {
  /* Europe/Berlin, 29 March 2026: 02:00 CET → 03:00 CEST (01:00 UTC). */
  { "Europe/Berlin", "2026-03-29T01:31:47+01:00", "2026-03-29T04:31:47+02:00" },
  /* 25 October 2026: 03:00 CEST → 02:00 CET (01:00 UTC); 02:00–03:00
   * happens twice. A dose before it, in its first and in its second
   * hour. */
  { "Europe/Berlin", "2026-10-25T01:31:47+02:00", "2026-10-25T02:31:47+01:00" },
  { "Europe/Berlin", "2026-10-25T02:31:47+02:00", "2026-10-25T03:31:47+01:00" },
  { "Europe/Berlin", "2026-10-25T02:31:47+01:00", "2026-10-25T04:31:47+01:00" },
  /* America/New_York, 8 March 2026: 02:00 EST → 03:00 EDT (07:00 UTC). */
  { "America/New_York", "2026-03-08T01:31:47-05:00", "2026-03-08T04:31:47-04:00" },
  /* 1 November 2026: 02:00 EDT → 01:00 EST (06:00 UTC); 01:00–02:00
   * happens twice. */
  { "America/New_York", "2026-11-01T00:31:47-04:00", "2026-11-01T01:31:47-05:00" },
  { "America/New_York", "2026-11-01T01:31:47-04:00", "2026-11-01T02:31:47-05:00" },
  { "America/New_York", "2026-11-01T01:31:47-05:00", "2026-11-01T03:31:47-05:00" },
};

static void
test_follow_ups_on_clock_change_nights (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(MdMedication) triptan = add_medication (fixture, "Sumatriptan", "triptan", "acute");

  for (guint c = 0; c < G_N_ELEMENTS (follow_up_cases); c++)
    {
      const FollowUpCase *fc = &follow_up_cases[c];
      g_autoptr(MdReminderService) service = NULL;
      g_autoptr(GDateTime) taken = g_date_time_new_from_iso8601 (fc->taken, NULL);
      g_autoptr(MdDose) dose = NULL;
      g_autoptr(GPtrArray) schedules = NULL;
      g_autofree char *expected_schedule = g_strdup_printf ("v1;once;at=%s;lead=0", fc->follow_up);
      g_autofree char *expected_fired = NULL;
      gint64 due;

      g_test_message ("%s: a dose at %s", fc->zone, fc->taken);
      g_ptr_array_set_size (fixture->fired, 0);
      g_time_zone_unref (fixture->zone);
      fixture->zone = g_time_zone_new_identifier (fc->zone);

      /* Logged 10 s after it was taken. */
      fixture->now = g_date_time_to_unix (taken) + 10;
      service = new_service (fixture);
      dose = add_dose (fixture, triptan, g_date_time_to_unix (taken));
      due = g_date_time_to_unix (taken) + 2 * HOUR;
      expected_fired = g_strdup_printf ("How is your pain now?@%" G_GINT64_FORMAT, due);

      schedules = follow_ups (fixture, dose->uuid);
      g_assert_cmpuint (schedules->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (schedules, 0), ==, expected_schedule);
      g_assert_cmpint (md_reminder_service_get_next_due (service), ==, due);

      /* Not a second early, then once, on time. */
      fixture->now = due - 1;
      md_reminder_service_check (service);
      g_assert_cmpuint (fixture->fired->len, ==, 0);
      fixture->now = due;
      md_reminder_service_check (service);
      g_assert_cmpuint (fixture->fired->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (fixture->fired, 0), ==, expected_fired);

      /* Snoozed: ten minutes of real time, across the change too. */
      {
        g_autoptr(GPtrArray) reminders = md_diary_list_reminders (fixture->diary);

        for (guint i = 0; i < reminders->len; i++)
          {
            MdReminder *reminder = g_ptr_array_index (reminders, i);

            if (g_strcmp0 (reminder->dose_uuid, dose->uuid) == 0)
              g_assert_true (md_reminder_service_snooze (service, reminder->uuid, 10 * 60, NULL));
          }
      }
      g_assert_cmpint (md_reminder_service_get_next_due (service), ==, due + 10 * 60);
      walk_clock (fixture, service, due + 3 * HOUR);
      g_assert_cmpuint (fixture->fired->len, ==, 2);
    }
}

/* A follow-up an older version wrote by the wall clock is still read,
 * and kept when its dose is saved again. */
static void
test_follow_up_old_form (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(MdReminderService) service = NULL;
  g_autoptr(MdMedication) triptan = add_medication (fixture, "Sumatriptan", "triptan", "acute");
  g_autoptr(MdDose) dose = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GPtrArray) schedules = NULL;
  MdReminder *follow_up;

  fixture->now = NOV_25 + 10 * HOUR;
  service = new_service (fixture);
  dose = add_dose (fixture, triptan, NOV_25 + 10 * HOUR);
  reminders = md_diary_list_reminders (fixture->diary);
  g_assert_cmpuint (reminders->len, ==, 1);
  follow_up = g_ptr_array_index (reminders, 0);
  g_free (follow_up->schedule);
  follow_up->schedule = g_strdup ("v1;once;at=2026-11-25T12:00;lead=0");
  g_assert_true (md_diary_save_reminder (fixture->diary, follow_up, NULL));

  g_assert_true (md_diary_save_dose (fixture->diary, dose, NULL));
  schedules = follow_ups (fixture, dose->uuid);
  g_assert_cmpuint (schedules->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (schedules, 0), ==, "v1;once;at=2026-11-25T12:00;lead=0");
  g_assert_cmpint (md_reminder_service_get_next_due (service), ==, NOV_25 + 12 * HOUR);
}

/* The timer of the service on the system clock, as the kernel describes
 * it: "clockid: 0" (CLOCK_REALTIME), "settime flags: 03" (absolute, and
 * cancelled when the clock is set), and the seconds left. */
static gboolean
find_wall_clock_timer (gint64 *seconds_left)
{
  g_autoptr(GDir) fds = g_dir_open ("/proc/self/fdinfo", 0, NULL);
  const char *name;

  while (fds != NULL && (name = g_dir_read_name (fds)) != NULL)
    {
      g_autofree char *path = g_build_filename ("/proc/self/fdinfo", name, NULL);
      g_autofree char *info = NULL;
      const char *value;

      if (!g_file_get_contents (path, &info, NULL, NULL) || strstr (info, "clockid: 0\n") == NULL ||
          strstr (info, "settime flags: 03\n") == NULL || (value = strstr (info, "it_value: (")) == NULL)
        continue;

      *seconds_left = g_ascii_strtoll (value + strlen ("it_value: ("), NULL, 10);
      return TRUE;
    }

  return FALSE;
}

static gboolean
fired_or_gave_up (gpointer user_data)
{
  Fixture *fixture = user_data;

  return fixture->fired->len > 0 || fixture->now < 0;
}

static gboolean
give_up_cb (gpointer user_data)
{
  ((Fixture *) user_data)->now = -1;
  return G_SOURCE_REMOVE;
}

/* On the system clock, the next reminder is armed as an absolute time of
 * the wall clock, which keeps counting while the machine sleeps (a
 * monotonic timeout does not): without logind, a reminder due during a
 * suspend fires on resume. Here it fires on time, to the second, from
 * the GLib fd source, with one wake-up. */
static void
test_wall_clock_timer (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(MdReminderService) service = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now (fixture->zone);
  g_autoptr(GDateTime) at = g_date_time_add_seconds (now, 3 - g_date_time_get_microsecond (now) / 1e6);
  g_autoptr(MdSchedule) schedule = md_schedule_new_instant (at);
  g_autofree char *text = md_schedule_to_string (schedule);
  g_autofree char *expected = g_strdup_printf ("Clinic@%" G_GINT64_FORMAT, g_date_time_to_unix (at));
  gint64 seconds_left = -1;
  guint give_up;

  md_diary_set_now_func (fixture->diary, NULL, NULL);
  add_reminder (fixture, "appointment", "Clinic", text);
  service = md_reminder_service_new (fixture->diary);
  md_reminder_service_set_time_zone (service, fixture->zone);
  g_signal_connect (service, "reminder-due", G_CALLBACK (reminder_due_cb), fixture);
  md_reminder_service_start (service);

  g_assert_cmpint (md_reminder_service_get_next_due (service), ==, g_date_time_to_unix (at));
  g_assert_true (find_wall_clock_timer (&seconds_left));
  g_assert_cmpint (seconds_left, >=, 0);
  g_assert_cmpint (seconds_left, <=, 3);

  fixture->now = 0;
  give_up = g_timeout_add_seconds (30, give_up_cb, fixture);
  while (!fired_or_gave_up (fixture))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (give_up);

  g_assert_cmpuint (fixture->fired->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->fired, 0), ==, expected);
  g_assert_cmpint (g_get_real_time () / G_USEC_PER_SEC, >=, g_date_time_to_unix (at));
  g_assert_cmpuint (md_reminder_service_get_n_wakeups (service), ==, 1);

  /* Nothing more to come: disarmed, not polling. */
  g_assert_false (md_reminder_service_is_armed (service));
  g_assert_false (find_wall_clock_timer (&seconds_left));
}

/* Proves the service never polls: over a day with three reminders, the
 * one timer wakes exactly three times. The timer's deadline is reached
 * by moving the test clock to it and letting the real GSource dispatch. */
static void
test_no_polling (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(MdReminderService) service = NULL;

  add_reminder (fixture, "medication", "Morning", "v1;daily;times=08:00");
  add_reminder (fixture, "check-in", "Evening", "v1;daily;times=21:00");
  add_reminder (fixture, "appointment", "Clinic", "v1;once;at=2026-11-25T15:00;lead=7200");
  fixture->now = NOV_25;
  service = new_service (fixture);

  while (md_reminder_service_get_next_due (service) < NOV_25 + DAY)
    {
      guint wakeups = md_reminder_service_get_n_wakeups (service);

      fixture->now = md_reminder_service_get_next_due (service);
      md_reminder_service_expire_timer (service);
      while (md_reminder_service_get_n_wakeups (service) == wakeups)
        g_main_context_iteration (NULL, TRUE);
    }

  g_assert_cmpuint (md_reminder_service_get_n_wakeups (service), ==, 3);
  g_assert_cmpuint (fixture->fired->len, ==, 3);
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
  g_test_add ("/md/reminder-service/dst-and-month-ends", Fixture, NULL, fixture_set_up,
              test_dst_and_month_ends, fixture_tear_down);
  g_test_add ("/md/reminder-service/follow-ups", Fixture, NULL, fixture_set_up,
              test_follow_ups, fixture_tear_down);
  g_test_add ("/md/reminder-service/follow-ups-clock-change", Fixture, NULL, fixture_set_up,
              test_follow_ups_on_clock_change_nights, fixture_tear_down);
  g_test_add ("/md/reminder-service/follow-up-old-form", Fixture, NULL, fixture_set_up,
              test_follow_up_old_form, fixture_tear_down);
  g_test_add ("/md/reminder-service/wall-clock-timer", Fixture, NULL, fixture_set_up,
              test_wall_clock_timer, fixture_tear_down);
  g_test_add ("/md/reminder-service/no-polling", Fixture, NULL, fixture_set_up,
              test_no_polling, fixture_tear_down);

  return g_test_run ();
}
