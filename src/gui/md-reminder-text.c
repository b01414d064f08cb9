/* md-reminder-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How a reminder's times read, the same in the Reminders view and in its
 * notifications: the time of day in the locale's clock, and the next
 * occurrence in words ("Today at 20:00", "Wednesday at 08:00"); and what
 * a notification says, which names no medication unless the patient
 * chose so: a notification shows on the lock screen, where anyone can
 * read it.
 */

#define G_LOG_DOMAIN "md-reminder-text"

#include "config.h"

#include <langinfo.h>
#include <string.h>
#include <glib/gi18n.h>

#include "md-reminder-text.h"

/**
 * md_reminder_format_time_of_day:
 *
 * Returns: (transfer full): hours and minutes, on a 12-hour clock where
 *   the locale's time format is one
 */
char *
md_reminder_format_time_of_day (GDateTime *time)
{
  const char *locale_format = nl_langinfo (T_FMT);

  g_return_val_if_fail (time != NULL, NULL);

  if (strstr (locale_format, "%I") != NULL || strstr (locale_format, "%l") != NULL ||
      strstr (locale_format, "%r") != NULL)
    return g_date_time_format (time, "%-l:%M %p");

  return g_date_time_format (time, "%H:%M");
}

static int
days_between (GDateTime *from,
              GDateTime *to)
{
  GDate a, b;

  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  g_date_set_dmy (&a, g_date_time_get_day_of_month (from), g_date_time_get_month (from),
                  g_date_time_get_year (from));
  g_date_set_dmy (&b, g_date_time_get_day_of_month (to), g_date_time_get_month (to),
                  g_date_time_get_year (to));

  return g_date_days_between (&a, &b);
}

/**
 * md_reminder_describe_next:
 * @next: (nullable): the next occurrence, in @now's time zone
 *
 * Returns: (transfer full): when the reminder comes next, in words
 */
char *
md_reminder_describe_next (GDateTime *next,
                           GDateTime *now)
{
  g_autofree char *time = NULL;
  g_autofree char *date = NULL;
  int days;

  g_return_val_if_fail (now != NULL, NULL);

  if (next == NULL)
    /* Translators: a reminder that will not come again, e.g. a past appointment */
    return g_strdup (_("Not coming again"));

  time = md_reminder_format_time_of_day (next);
  days = days_between (now, next);

  if (days == 0)
    /* Translators: when a reminder comes next; %s is a time such as 20:00 */
    return g_strdup_printf (_("Today at %s"), time);
  if (days == 1)
    /* Translators: when a reminder comes next; %s is a time such as 08:00 */
    return g_strdup_printf (_("Tomorrow at %s"), time);
  if (days > 1 && days < 7)
    {
      /* Translators: a weekday, see the GDateTime docs for the codes */
      date = g_date_time_format (next, _("%A"));
      /* Translators: when a reminder comes next; the first %s is a
       * weekday, the second a time, e.g. "Wednesday at 08:00" */
      return g_strdup_printf (C_("next reminder", "%s at %s"), date, time);
    }

  if (g_date_time_get_year (next) == g_date_time_get_year (now))
    /* Translators: a date in this year, see the GDateTime docs for the codes */
    date = g_date_time_format (next, _("%a %-d %b"));
  else
    /* Translators: a date in another year, see the GDateTime docs for the codes */
    date = g_date_time_format (next, _("%a %-d %b %Y"));

  /* Translators: when a reminder comes next; the first %s is a date,
   * the second a time, e.g. "Mon 7 Dec at 08:00" */
  return g_strdup_printf (C_("next reminder", "%s at %s"), date, time);
}

/**
 * md_reminder_describe_late:
 * @due: when the reminder was due, in local time
 *
 * Returns: (transfer full): what a late notification says, e.g.
 *   "Missed at 20:00", or "Missed on 24 Nov at 20:00" for an earlier day
 */
char *
md_reminder_describe_late (GDateTime *due,
                           GDateTime *now)
{
  g_autofree char *time = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (due != NULL && now != NULL, NULL);

  time = md_reminder_format_time_of_day (due);
  if (g_date_time_get_year (due) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (due) == g_date_time_get_day_of_year (now))
    /* Translators: a reminder told late, after the computer slept or the
     * app was closed; %s is the time it was due, such as 20:00 */
    return g_strdup_printf (_("Missed at %s"), time);

  /* Translators: strftime format of the day a missed reminder was due, e.g. "24 Nov" */
  date = g_date_time_format (due, C_("missed reminder", "%-d %b"));
  /* Translators: a reminder missed on an earlier day: the day, then the time */
  return g_strdup_printf (_("Missed on %s at %s"), date, time);
}

/**
 * md_reminder_describe_check_in_day:
 * @day: any time on the local day a check-in asks about
 *
 * Returns: (transfer full): the check-in's question, naming the day, so
 *   that one answered the next morning says which day it records, e.g.
 *   "How was Sunday, 31 May?"
 */
char *
md_reminder_describe_check_in_day (GDateTime *day)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (day != NULL, NULL);

  /* Translators: strftime format of the day a daily check-in asks about,
   * e.g. "Sunday, 31 May"; see the GDateTime docs for the codes */
  date = g_date_time_format (day, C_("check-in day", "%A, %-d %B"));
  /* Translators: the question of a daily check-in; %s is the day it asks
   * about, e.g. "Sunday, 31 May" */
  return g_strdup_printf (_("How was %s?"), date);
}

/* "An appointment tomorrow": the day, with nothing of what it is for. */
static char *
describe_appointment_day (GDateTime *at,
                          GDateTime *now)
{
  g_autofree char *date = NULL;
  int days = days_between (now, at);

  if (days == 0)
    /* Translators: a notification's title, for an appointment reminder
     * when medication names are not shown */
    return g_strdup (_("An appointment today"));
  if (days == 1)
    /* Translators: a notification's title, for an appointment reminder
     * when medication names are not shown */
    return g_strdup (_("An appointment tomorrow"));

  /* Translators: strftime format of an appointment's day in a
   * notification, e.g. "Mon 7 Dec"; see the GDateTime docs for the codes */
  date = g_date_time_format (at, C_("appointment day", "%a %-d %b"));
  /* Translators: a notification's title, for an appointment reminder
   * when medication names are not shown; %s is a day such as "Mon 7 Dec" */
  return g_strdup_printf (_("An appointment on %s"), date);
}

/* What a notification says on time, beside its title. */
static char *
describe_on_time (const MdReminderNotice *notice)
{
  gboolean names = notice->show_names && notice->medication != NULL;

  if (g_str_equal (notice->kind, "medication"))
    {
      if (names)
        /* Translators: the text of a medication reminder; %s is the medication */
        return g_strdup_printf (_("Time to take %s."), notice->medication);
      /* The title says it all when it must not name the medication. */
      return notice->show_names ? g_strdup (_("Time to take your medication.")) : NULL;
    }

  if (g_str_equal (notice->kind, "follow-up"))
    {
      if (names)
        /* Translators: the text of the reminder two hours after a dose;
         * %s is the medication */
        return g_strdup_printf (_("Record your pain to see how %s worked."), notice->medication);
      return g_strdup (_("Record your pain to see how the dose worked."));
    }

  if (!notice->show_names && notice->appointment != NULL)
    {
      g_autofree char *time = md_reminder_format_time_of_day (notice->appointment);

      /* Translators: the text of an appointment reminder under the title
       * "An appointment tomorrow"; %s is its time, such as 09:00 */
      return g_strdup_printf (C_("appointment", "At %s"), time);
    }

  return g_strdup (_("Your appointment is coming up."));
}

/**
 * md_reminder_describe_notification:
 * @summary: (out) (transfer full): the notification's title
 * @body: (out) (transfer full) (nullable): its text
 *
 * What a reminder's notification says. Unless @notice->show_names, it
 * names no medication and shows no title the patient gave (a medication
 * reminder's title is often the medication): "Time for your medication",
 * "An appointment tomorrow". A follow-up's question and a check-in's
 * reveal nothing and stay as they are.
 */
void
md_reminder_describe_notification (const MdReminderNotice  *notice,
                                   char                   **summary,
                                   char                   **body)
{
  g_return_if_fail (notice != NULL && notice->kind != NULL && notice->title != NULL);
  g_return_if_fail (notice->due != NULL && notice->now != NULL);
  g_return_if_fail (summary != NULL && body != NULL);

  if (notice->show_names || g_str_equal (notice->kind, "check-in"))
    *summary = g_strdup (notice->title);
  else if (g_str_equal (notice->kind, "medication"))
    /* Translators: a notification's title, for a medication reminder
     * when medication names are not shown */
    *summary = g_strdup (_("Time for your medication"));
  else if (g_str_equal (notice->kind, "follow-up"))
    *summary = g_strdup (_("How is your pain now?"));
  else
    *summary = describe_appointment_day (notice->appointment != NULL ? notice->appointment : notice->due,
                                         notice->now);

  /* A check-in asks about the day it was due on, even when it is
   * answered the next morning: the question names the day. */
  if (g_str_equal (notice->kind, "check-in"))
    {
      g_autofree char *question = md_reminder_describe_check_in_day (notice->due);
      g_autofree char *detail = notice->late ? md_reminder_describe_late (notice->due, notice->now)
                                             : g_strdup (_("Nothing is in your diary for that day yet."));

      *body = g_strdup_printf ("%s\n%s", question, detail);
    }
  else if (notice->late)
    *body = md_reminder_describe_late (notice->due, notice->now);
  else
    *body = describe_on_time (notice);
}
