/* test-schedule.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Expected instants were worked out by hand from the zones' rules and are
 * written in UTC beside each case.
 */

#include "config.h"

#include "md-error.h"
#include "md-schedule.h"
#include "md-test-utils.h"

typedef struct
{
  const char *name;
  const char *zone;
  const char *schedule;
  const char *after;    /* local, in zone */
  const char *expected; /* UTC, or NULL for "never again" */
} Case;

static const Case cases[] = {
  /* Europe/Berlin springs from 02:00 CET to 03:00 CEST on 29 March 2026:
   * 02:30 does not exist and comes at 03:00 CEST = 01:00 UTC. */
  { "berlin spring gap", "Europe/Berlin", "v1;daily;times=02:30", "2026-03-29T00:00:00", "2026-03-29T01:00:00Z" },
  { "berlin day after spring", "Europe/Berlin", "v1;daily;times=02:30", "2026-03-29T03:00:00", "2026-03-30T00:30:00Z" },
  /* Falls back from 03:00 CEST to 02:00 CET on 25 October 2026: 02:30
   * happens at 00:30 and 01:30 UTC; the first one only. */
  { "berlin fall first", "Europe/Berlin", "v1;daily;times=02:30", "2026-10-25T00:00:00", "2026-10-25T00:30:00Z" },
  { "berlin fall not twice", "Europe/Berlin", "v1;daily;times=02:30", "2026-10-25T02:31:00", "2026-10-26T01:30:00Z" },
  /* America/New_York: 8 March 2026 02:00 EST → 03:00 EDT (07:00 UTC). */
  { "new york spring gap", "America/New_York", "v1;daily;times=02:30", "2026-03-08T00:00:00", "2026-03-08T07:00:00Z" },
  /* 1 November 2026 02:00 EDT → 01:00 EST: 01:30 at 05:30 and 06:30 UTC. */
  { "new york fall first", "America/New_York", "v1;daily;times=01:30", "2026-11-01T00:00:00", "2026-11-01T05:30:00Z" },
  { "new york fall not twice", "America/New_York", "v1;daily;times=01:30", "2026-11-01T01:40:00", "2026-11-02T06:30:00Z" },
  /* Every 3 days from 30 January: 30 Jan, 2 Feb (08:00 CET = 07:00 UTC). */
  { "every 3 days over month end", "Europe/Berlin", "v1;every;n=3;start=2026-01-30;times=08:00",
    "2026-01-31T00:00:00", "2026-02-02T07:00:00Z" },
  /* Every 2 days from 27 February 2028, a leap year: 29 February. */
  { "every 2 days leap day", "Europe/Berlin", "v1;every;n=2;start=2028-02-27;times=08:00",
    "2028-02-28T00:00:00", "2028-02-29T07:00:00Z" },
  /* Not before the start date. */
  { "every n before start", "Europe/Berlin", "v1;every;n=7;start=2026-12-01;times=09:00",
    "2026-11-25T12:00:00", "2026-12-01T08:00:00Z" },
  /* Monday and Wednesday at 20:00; Wednesday 25 November 2026 21:00 has
   * passed, so Monday 30 November 20:00 CET = 19:00 UTC. */
  { "weekdays", "Europe/Berlin", "v1;daily;times=20:00;days=mon,wed", "2026-11-25T21:00:00", "2026-11-30T19:00:00Z" },
  /* Two times a day: the evening one comes next. */
  { "two times", "Europe/Berlin", "v1;daily;times=20:00,08:00", "2026-11-25T09:00:00", "2026-11-25T19:00:00Z" },
  /* An appointment on 1 December 09:30 CET, a day's notice: 30 November 08:30 UTC. */
  { "appointment notice", "Europe/Berlin", "v1;once;at=2026-12-01T09:30;lead=86400",
    "2026-11-25T12:00:00", "2026-11-30T08:30:00Z" },
  { "appointment over", "Europe/Berlin", "v1;once;at=2026-12-01T09:30;lead=86400",
    "2026-11-30T10:00:00", NULL },
  /* An instant (a follow-up) in the repeated hour of 25 October 2026 is
   * that one instant, the second 02:31:47 = 01:31:47 UTC, with its
   * seconds; asked in another zone it is still the same instant. */
  { "instant in second repeated hour", "Europe/Berlin", "v1;once;at=2026-10-25T02:31:47+01:00;lead=0",
    "2026-10-25T02:40:00+02:00", "2026-10-25T01:31:47Z" },
  { "instant in first repeated hour", "Europe/Berlin", "v1;once;at=2026-10-25T02:31:47+02:00;lead=0",
    "2026-10-25T02:00:00+02:00", "2026-10-25T00:31:47Z" },
  { "instant elsewhere", "America/New_York", "v1;once;at=2026-10-25T02:31:47+01:00;lead=0",
    "2026-10-24T12:00:00", "2026-10-25T01:31:47Z" },
  { "instant past", "Europe/Berlin", "v1;once;at=2026-10-25T02:31:47+01:00;lead=0",
    "2026-10-25T02:31:47+01:00", NULL },
  { "instant in utc", "Europe/Berlin", "v1;once;at=2026-10-25T01:31:47Z;lead=0",
    "2026-10-25T00:00:00", "2026-10-25T01:31:47Z" },
};

static void
test_next_occurrences (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (cases[i].zone);
      g_autoptr(GDateTime) after = g_date_time_new_from_iso8601 (cases[i].after, zone);
      g_autoptr(GError) error = NULL;
      g_autoptr(MdSchedule) schedule = md_schedule_parse (cases[i].schedule, &error);
      g_autoptr(GDateTime) next = NULL;
      g_autofree char *got = NULL;

      g_test_message ("case: %s", cases[i].name);
      g_assert_no_error (error);
      g_assert_nonnull (zone);
      g_assert_nonnull (after);

      next = md_schedule_next_occurrence (schedule, after);
      if (cases[i].expected == NULL)
        {
          g_assert_null (next);
          continue;
        }

      g_assert_nonnull (next);
      {
        g_autoptr(GDateTime) utc = g_date_time_to_utc (next);

        got = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
      }
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

static void
test_text_round_trip (void)
{
  const char *texts[] = {
    "v1;daily;times=08:00,20:00;days=mon,tue,wed,thu,fri,sat,sun",
    "v1;daily;times=07:15;days=sat,sun",
    "v1;every;n=3;start=2026-11-01;times=08:00",
    "v1;once;at=2026-12-01T09:30;lead=7200",
    "v1;once;at=2026-10-25T02:31:47+01:00;lead=0",
    "v1;once;at=2026-11-01T01:31:47-04:00;lead=0",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MdSchedule) schedule = md_schedule_parse (texts[i], &error);
      g_autofree char *again = NULL;

      g_assert_no_error (error);
      again = md_schedule_to_string (schedule);
      g_assert_cmpstr (again, ==, texts[i]);
    }

  /* Times are kept sorted; no days named means every day. */
  {
    g_autoptr(MdSchedule) schedule = md_schedule_parse ("v1;daily;times=20:00,08:00", NULL);
    g_autofree char *text = md_schedule_to_string (schedule);

    g_assert_cmpstr (text, ==, "v1;daily;times=08:00,20:00;days=mon,tue,wed,thu,fri,sat,sun");
  }
}

static void
test_parse_errors (void)
{
  const struct { const char *text; const char *message; } cases_[] = {
    { "v2;daily;times=08:00", "Schedule:" },
    { "v1;hourly;times=08:00", "Schedule: unknown kind" },
    { "v1;daily;times=25:00", "Times:" },
    { "v1;daily;times=8:00", "Times:" },
    { "v1;daily;times=08:00;days=mon,funday", "Days:" },
    { "v1;every;n=0;start=2026-01-01;times=08:00", "Every:" },
    { "v1;every;n=3;start=2026-02-30;times=08:00", "Start:" },
    { "v1;once;at=2026-12-01 09:30", "At:" },
    { "v1;once;at=2026-10-25T02:31:47;lead=0", "At:" },
    { "v1;once;at=2026-10-25T02:31+01:00;lead=0", "At:" },
    { "v1;once;at=2026-10-25T02:31:47+1:00;lead=0", "At:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases_); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MdSchedule) schedule = md_schedule_parse (cases_[i].text, &error);

      g_test_message ("case: %s", cases_[i].text);
      g_assert_null (schedule);
      g_assert_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases_[i].message));
    }
}

static void
test_validation (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) now = g_date_time_new (zone, 2026, 11, 25, 12, 0, 0);
  const struct { const char *text; const char *message; } cases_[] = {
    { "v1;daily;times=08:00;days=", "Days: choose at least one weekday." },
    { "v1;daily;days=mon", "Times: choose at least one time of day." },
    { "v1;once;at=2026-11-25T11:00;lead=0", "At: the appointment is in the past." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases_); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MdSchedule) schedule = md_schedule_parse (cases_[i].text, &error);

      g_assert_no_error (error);
      g_assert_false (md_schedule_validate (schedule, now, &error));
      g_assert_cmpstr (error->message, ==, cases_[i].message);
    }

  {
    g_autoptr(MdSchedule) schedule = md_schedule_parse ("v1;once;at=2026-11-25T13:00;lead=3600", NULL);

    g_assert_true (md_schedule_validate (schedule, now, NULL));
  }
}

static void
test_instant (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) at = g_date_time_new (zone, 2026, 10, 25, 2, 31, 47);
  g_autoptr(GDateTime) first = g_date_time_add_hours (at, -1);
  g_autoptr(MdSchedule) schedule = md_schedule_new_instant (at);
  g_autoptr(MdSchedule) first_schedule = md_schedule_new_instant (first);
  g_autofree char *text = md_schedule_to_string (schedule);
  g_autofree char *first_text = md_schedule_to_string (first_schedule);
  g_autoptr(MdSchedule) wall_clock = md_schedule_parse ("v1;once;at=2026-10-25T02:31;lead=0", NULL);

  /* GLib takes the second of two 02:31:47; an hour before is the first. */
  g_assert_cmpstr (text, ==, "v1;once;at=2026-10-25T02:31:47+01:00;lead=0");
  g_assert_cmpstr (first_text, ==, "v1;once;at=2026-10-25T02:31:47+02:00;lead=0");
  g_assert_true (md_schedule_is_instant (schedule));
  g_assert_false (md_schedule_is_instant (wall_clock));
}

int
main (int   argc,
      char *argv[])
{
  md_test_init (&argc, &argv);

  g_test_add_func ("/md/schedule/next", test_next_occurrences);
  g_test_add_func ("/md/schedule/round-trip", test_text_round_trip);
  g_test_add_func ("/md/schedule/parse-errors", test_parse_errors);
  g_test_add_func ("/md/schedule/validation", test_validation);
  g_test_add_func ("/md/schedule/instant", test_instant);

  return g_test_run ();
}
