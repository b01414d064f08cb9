/* test-notification-texts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What each kind of reminder says on screen, with medication names shown
 * and not: a notification shows on the lock screen, so unless the
 * patient chose otherwise it names no medication and shows none of the
 * titles they gave their reminders (a medication reminder's title is
 * often the medication). test-notifications.sh shows the same through a
 * real notification server.
 */

#include "config.h"

#include "md-reminder-text.h"
#include "md-test-utils.h"

typedef struct
{
  const char *kind;
  const char *medication;
  gboolean    late;
  gboolean    show_names;
  const char *summary;
  const char *body;
} Case;

/* Due Monday 30 November 2026 at 20:00, told at 20:00:30 (on time) or
 * the next morning at 08:00 (late); an appointment's own time is the
 * next day at 09:30. */
static const Case cases[] = {
  { "medication", "Topiramate 50 mg", FALSE, FALSE, "Time for your medication", NULL },
  { "medication", "Topiramate 50 mg", FALSE, TRUE, "Topiramate evening", "Time to take Topiramate 50 mg." },
  { "medication", NULL, FALSE, TRUE, "Topiramate evening", "Time to take your medication." },
  { "medication", "Topiramate 50 mg", TRUE, FALSE, "Time for your medication", "Missed on 30 Nov at 20:00" },
  { "medication", "Topiramate 50 mg", TRUE, TRUE, "Topiramate evening", "Missed on 30 Nov at 20:00" },
  { "appointment", NULL, FALSE, FALSE, "An appointment tomorrow", "At 09:30" },
  { "appointment", NULL, FALSE, TRUE, "Topiramate evening", "Your appointment is coming up." },
  /* Told the next morning: the appointment is now today. */
  { "appointment", NULL, TRUE, FALSE, "An appointment today", "Missed on 30 Nov at 20:00" },
  { "follow-up", "Sumatriptan 50 mg", FALSE, FALSE, "How is your pain now?",
    "Record your pain to see how the dose worked." },
  { "follow-up", "Sumatriptan 50 mg", FALSE, TRUE, "Topiramate evening",
    "Record your pain to see how Sumatriptan 50 mg worked." },
  { "follow-up", NULL, FALSE, TRUE, "Topiramate evening", "Record your pain to see how the dose worked." },
  /* A check-in reveals nothing: the same either way. */
  { "check-in", NULL, FALSE, FALSE, "Topiramate evening",
    "How was Monday, 30 November?\nNothing is in your diary for that day yet." },
  { "check-in", NULL, TRUE, TRUE, "Topiramate evening",
    "How was Monday, 30 November?\nMissed on 30 Nov at 20:00" },
};

static void
test_every_kind (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) due = g_date_time_new (zone, 2026, 11, 30, 20, 0, 0);
  g_autoptr(GDateTime) on_time = g_date_time_add_seconds (due, 30);
  g_autoptr(GDateTime) next_morning = g_date_time_new (zone, 2026, 12, 1, 8, 0, 0);
  g_autoptr(GDateTime) appointment = g_date_time_new (zone, 2026, 12, 1, 9, 30, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      MdReminderNotice notice = {
        .kind = c->kind,
        .title = "Topiramate evening",
        .medication = c->medication,
        .appointment = g_str_equal (c->kind, "appointment") ? appointment : NULL,
        .due = due,
        .now = c->late ? next_morning : on_time,
        .late = c->late,
        .show_names = c->show_names,
      };
      g_autofree char *summary = NULL;
      g_autofree char *body = NULL;

      md_reminder_describe_notification (&notice, &summary, &body);
      g_test_message ("%s%s, names %s: %s | %s", c->kind, c->late ? " (late)" : "",
                      c->show_names ? "shown" : "hidden", summary, body);
      g_assert_cmpstr (summary, ==, c->summary);
      g_assert_cmpstr (body, ==, c->body);

      /* Hidden names leave nothing of the medication or the title. */
      if (!c->show_names && !g_str_equal (c->kind, "check-in"))
        {
          g_assert_null (strstr (summary, "Topiramate"));
          g_assert_true (body == NULL || strstr (body, "Topiramate") == NULL);
          g_assert_true (body == NULL || strstr (body, "Sumatriptan") == NULL);
        }
    }
}

/* An appointment further ahead is named by its day. */
static void
test_appointment_days_ahead (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) due = g_date_time_new (zone, 2026, 11, 30, 20, 0, 0);
  g_autoptr(GDateTime) appointment = g_date_time_new (zone, 2026, 12, 7, 8, 0, 0);
  MdReminderNotice notice = {
    .kind = "appointment",
    .title = "Magnesium infusion",
    .appointment = appointment,
    .due = due,
    .now = due,
  };
  g_autofree char *summary = NULL;
  g_autofree char *body = NULL;

  md_reminder_describe_notification (&notice, &summary, &body);
  g_assert_cmpstr (summary, ==, "An appointment on Mon 7 Dec");
  g_assert_cmpstr (body, ==, "At 08:00");
}

int
main (int   argc,
      char *argv[])
{
  md_test_init (&argc, &argv);

  g_test_add_func ("/md/notification-texts/every-kind", test_every_kind);
  g_test_add_func ("/md/notification-texts/appointment-days-ahead", test_appointment_days_ahead);

  return g_test_run ();
}
