/* md-schedule.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When a reminder comes, as pure arithmetic on local wall-clock time.
 * A reminder is set "at 08:00", not "every 86,400 seconds", so every day
 * is reckoned in the time zone of the moment asked about:
 *
 * - a time that does not exist that day (02:30 when clocks spring from
 *   02:00 to 03:00) comes at the first time that does (03:00);
 * - a time that happens twice (02:30 when clocks fall back) comes once,
 *   at its first occurrence.
 *
 * What is not set by the clock is an exact instant: a follow-up comes
 * two hours of real time after its dose, even across the night the
 * clocks change, to the second. Its time is written with seconds and the
 * UTC offset lived in, so it names one instant (an appointment's time,
 * without an offset, stays a wall-clock time).
 *
 * Text form, versioned so a later app can read an older diary:
 *
 *   v1;daily;times=08:00,20:00;days=mon,tue,wed,thu,fri,sat,sun
 *   v1;every;n=3;start=2026-11-01;times=08:00
 *   v1;once;at=2026-12-01T09:30;lead=86400
 *   v1;once;at=2026-10-25T02:31:47+01:00;lead=0   (an instant)
 */

#define G_LOG_DOMAIN "md-schedule"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <glib/gi18n.h>

#include "md-error.h"
#include "md-schedule.h"

#define MAX_TIMES 24

struct _MdSchedule
{
  MdScheduleKind kind;
  guint          n_times;
  int            times[MAX_TIMES]; /* minutes after midnight, sorted */
  guint8         weekdays;         /* bit 1 = Monday … bit 7 = Sunday */
  guint          every_n;
  GDate          start;
  GDate          once_date;
  int            once_time;
  gboolean       once_exact;       /* once_instant, not once_date and once_time */
  gint64         once_instant;     /* unix seconds */
  int            once_offset;      /* seconds east of UTC, as written */
  gint64         lead_seconds;
};

static const char *weekday_names[] = { NULL, "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

static gboolean
schedule_error (GError     **error,
                const char  *message)
{
  g_set_error_literal (error, MD_DIARY_ERROR, MD_DIARY_ERROR_INVALID, message);
  return FALSE;
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

static gboolean
parse_time (const char *text,
            int        *minutes)
{
  int h, m;
  char extra;

  if (sscanf (text, "%2d:%2d%c", &h, &m, &extra) != 2 || h < 0 || h > 23 || m < 0 || m > 59 ||
      strlen (text) != 5)
    return FALSE;

  *minutes = h * 60 + m;
  return TRUE;
}

static gboolean
parse_date (const char *text,
            GDate      *date)
{
  int y, mo, d;
  char extra;

  if (strlen (text) != 10 || sscanf (text, "%4d-%2d-%2d%c", &y, &mo, &d, &extra) != 3 ||
      !g_date_valid_dmy (d, mo, y))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, d, mo, y);
  return TRUE;
}

static gboolean
parse_times (MdSchedule  *self,
             const char  *value,
             GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (value, ",", -1);

  self->n_times = 0;
  for (guint i = 0; parts[i] != NULL; i++)
    {
      int minutes;

      if (!parse_time (parts[i], &minutes))
        return schedule_error (error, _("Times: each time must look like 08:00."));
      if (self->n_times == MAX_TIMES)
        return schedule_error (error, _("Times: a reminder can come at most 24 times a day."));

      self->times[self->n_times++] = minutes;
    }

  qsort (self->times, self->n_times, sizeof (int), compare_ints);
  return TRUE;
}

static GDateTime *
exact_time (const MdSchedule *self)
{
  g_autoptr(GTimeZone) offset = g_time_zone_new_offset (self->once_offset);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (self->once_instant);

  return g_date_time_to_timezone (utc, offset);
}

/* "2026-10-25T02:31:47+01:00": seconds and an offset, nothing less. */
static gboolean
parse_instant (MdSchedule *self,
               const char *value)
{
  g_autoptr(GDateTime) time = NULL;
  gsize length = strlen (value);
  int seconds;
  char extra;

  if (!((length == 25 && (value[19] == '+' || value[19] == '-')) || (length == 20 && value[19] == 'Z')) ||
      value[10] != 'T' || value[13] != ':' || value[16] != ':' ||
      sscanf (value + 17, "%2d%c", &seconds, &extra) != 2)
    return FALSE;

  time = g_date_time_new_from_iso8601 (value, NULL);
  if (time == NULL)
    return FALSE;

  self->once_exact = TRUE;
  self->once_instant = g_date_time_to_unix (time);
  self->once_offset = (int) (g_date_time_get_utc_offset (time) / G_TIME_SPAN_SECOND);
  g_date_clear (&self->once_date, 1);
  g_date_set_dmy (&self->once_date, g_date_time_get_day_of_month (time), g_date_time_get_month (time),
                  g_date_time_get_year (time));
  self->once_time = g_date_time_get_hour (time) * 60 + g_date_time_get_minute (time);

  return TRUE;
}

/**
 * md_schedule_new_instant:
 * @at: the instant, in the time zone lived in then
 *
 * Returns: (transfer full): a schedule that comes once, at exactly @at
 *   (to the second, whatever the clocks do meanwhile), without notice
 */
MdSchedule *
md_schedule_new_instant (GDateTime *at)
{
  MdSchedule *self;

  g_return_val_if_fail (at != NULL, NULL);

  self = g_new0 (MdSchedule, 1);
  self->kind = MD_SCHEDULE_ONCE;
  self->every_n = 1;
  g_date_clear (&self->start, 1);
  self->once_exact = TRUE;
  self->once_instant = g_date_time_to_unix (at);
  self->once_offset = (int) (g_date_time_get_utc_offset (at) / G_TIME_SPAN_SECOND);
  g_date_clear (&self->once_date, 1);
  g_date_set_dmy (&self->once_date, g_date_time_get_day_of_month (at), g_date_time_get_month (at),
                  g_date_time_get_year (at));
  self->once_time = g_date_time_get_hour (at) * 60 + g_date_time_get_minute (at);

  return self;
}

/**
 * md_schedule_parse:
 *
 * Returns: (transfer full) (nullable): the schedule, or %NULL with an
 *   error that says what is wrong
 */
MdSchedule *
md_schedule_parse (const char  *text,
                   GError     **error)
{
  g_autoptr(MdSchedule) self = g_new0 (MdSchedule, 1);
  g_auto(GStrv) fields = NULL;

  g_date_clear (&self->start, 1);
  g_date_clear (&self->once_date, 1);
  self->every_n = 1;

  if (text == NULL || !g_str_has_prefix (text, "v1;"))
    {
      schedule_error (error, _("Schedule: this is not a schedule this version of the app can read."));
      return NULL;
    }

  fields = g_strsplit (text, ";", -1);
  if (g_str_equal (fields[1], "daily"))
    self->kind = MD_SCHEDULE_DAILY;
  else if (g_str_equal (fields[1], "every"))
    self->kind = MD_SCHEDULE_EVERY_N_DAYS;
  else if (g_str_equal (fields[1], "once"))
    self->kind = MD_SCHEDULE_ONCE;
  else
    {
      schedule_error (error, _("Schedule: unknown kind of schedule."));
      return NULL;
    }

  for (guint i = 2; fields[i] != NULL; i++)
    {
      const char *eq = strchr (fields[i], '=');
      g_autofree char *key = NULL;
      const char *value;

      if (eq == NULL)
        {
          schedule_error (error, _("Schedule: a part has no value."));
          return NULL;
        }
      key = g_strndup (fields[i], eq - fields[i]);
      value = eq + 1;

      if (g_str_equal (key, "times"))
        {
          if (!parse_times (self, value, error))
            return NULL;
        }
      else if (g_str_equal (key, "days"))
        {
          g_auto(GStrv) days = g_strsplit (value, ",", -1);

          /* "days=" names none: valid text, refused by md_schedule_validate(). */
          self->weekdays = 0;
          for (guint d = 0; value[0] != '\0' && days[d] != NULL; d++)
            {
              guint w;

              for (w = 1; w <= 7; w++)
                if (g_str_equal (days[d], weekday_names[w]))
                  break;
              if (w > 7)
                {
                  schedule_error (error, _("Days: each day must be mon, tue, wed, thu, fri, sat or sun."));
                  return NULL;
                }
              self->weekdays |= 1 << w;
            }
        }
      else if (g_str_equal (key, "n"))
        {
          guint64 n;

          if (!g_ascii_string_to_unsigned (value, 10, 1, 366, &n, NULL))
            {
              schedule_error (error, _("Every: the number of days must be from 1 to 366."));
              return NULL;
            }
          self->every_n = (guint) n;
        }
      else if (g_str_equal (key, "start"))
        {
          if (!parse_date (value, &self->start))
            {
              schedule_error (error, _("Start: not a valid date (YYYY-MM-DD)."));
              return NULL;
            }
        }
      else if (g_str_equal (key, "at"))
        {
          g_autofree char *date = g_strndup (value, 10);

          gboolean wall_clock = strlen (value) == 16 && value[10] == 'T' &&
                                parse_date (date, &self->once_date) &&
                                parse_time (value + 11, &self->once_time);

          if (!wall_clock && !parse_instant (self, value))
            {
              schedule_error (error, _("At: not a valid date and time (YYYY-MM-DDTHH:MM)."));
              return NULL;
            }
        }
      else if (g_str_equal (key, "lead"))
        {
          guint64 lead;

          if (!g_ascii_string_to_unsigned (value, 10, 0, 366 * 86400, &lead, NULL))
            {
              schedule_error (error, _("Notice: the advance notice must be from 0 to 366 days."));
              return NULL;
            }
          self->lead_seconds = (gint64) lead;
        }
      else
        {
          schedule_error (error, _("Schedule: unknown part."));
          return NULL;
        }
    }

  if (self->kind == MD_SCHEDULE_DAILY && self->weekdays == 0 && g_strrstr (text, ";days=") == NULL)
    self->weekdays = 0xfe; /* every day when no days are named */

  return g_steal_pointer (&self);
}

static void
append_times (GString          *out,
              const MdSchedule *self)
{
  g_string_append (out, ";times=");
  for (guint i = 0; i < self->n_times; i++)
    g_string_append_printf (out, "%s%02d:%02d", i > 0 ? "," : "", self->times[i] / 60, self->times[i] % 60);
}

/**
 * md_schedule_to_string:
 *
 * Returns: (transfer full): the text form, which md_schedule_parse() reads
 */
char *
md_schedule_to_string (const MdSchedule *self)
{
  GString *out = g_string_new ("v1;");

  g_return_val_if_fail (self != NULL, NULL);

  switch (self->kind)
    {
    case MD_SCHEDULE_DAILY:
      g_string_append (out, "daily");
      append_times (out, self);
      g_string_append (out, ";days=");
      for (guint w = 1, first = TRUE; w <= 7; w++)
        if (self->weekdays & (1 << w))
          {
            g_string_append_printf (out, "%s%s", first ? "" : ",", weekday_names[w]);
            first = FALSE;
          }
      break;

    case MD_SCHEDULE_EVERY_N_DAYS:
      g_string_append_printf (out, "every;n=%u;start=%04d-%02d-%02d", self->every_n,
                              g_date_get_year (&self->start), g_date_get_month (&self->start),
                              g_date_get_day (&self->start));
      append_times (out, self);
      break;

    case MD_SCHEDULE_ONCE:
    default:
      if (self->once_exact)
        {
          g_autoptr(GDateTime) at = exact_time (self);
          g_autofree char *text = g_date_time_format (at, "%Y-%m-%dT%H:%M:%S%:z");

          g_string_append_printf (out, "once;at=%s;lead=%" G_GINT64_FORMAT, text, self->lead_seconds);
          break;
        }
      g_string_append_printf (out, "once;at=%04d-%02d-%02dT%02d:%02d;lead=%" G_GINT64_FORMAT,
                              g_date_get_year (&self->once_date), g_date_get_month (&self->once_date),
                              g_date_get_day (&self->once_date), self->once_time / 60,
                              self->once_time % 60, self->lead_seconds);
      break;
    }

  return g_string_free (out, FALSE);
}

void
md_schedule_free (MdSchedule *self)
{
  g_free (self);
}

MdScheduleKind
md_schedule_get_kind (const MdSchedule *self)
{
  g_return_val_if_fail (self != NULL, MD_SCHEDULE_DAILY);

  return self->kind;
}

/**
 * md_schedule_get_times:
 *
 * Returns: (transfer full): the times of day, "08:00,20:00", as the text
 *   form writes them; "" when there are none
 */
char *
md_schedule_get_times (const MdSchedule *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->n_times; i++)
    g_string_append_printf (out, "%s%02d:%02d", i > 0 ? "," : "", self->times[i] / 60, self->times[i] % 60);

  return g_string_free (out, FALSE);
}

/**
 * md_schedule_get_weekdays:
 *
 * Returns: the weekdays of a daily schedule, bit 1 for Monday to bit 7
 *   for Sunday, as #GDateWeekday numbers them
 */
guint
md_schedule_get_weekdays (const MdSchedule *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->weekdays;
}

/**
 * md_schedule_get_every:
 * @start: (out) (optional): the first day
 *
 * Returns: N of an every-N-days schedule
 */
guint
md_schedule_get_every (const MdSchedule *self,
                       GDate            *start)
{
  g_return_val_if_fail (self != NULL, 0);

  if (start != NULL)
    *start = self->start;

  return self->every_n;
}

/**
 * md_schedule_get_once:
 * @date: (out) (optional): the day of a once schedule
 * @minutes: (out) (optional): its time, in minutes after midnight
 *
 * Returns: its advance notice, in seconds
 */
gint64
md_schedule_get_once (const MdSchedule *self,
                      GDate            *date,
                      int              *minutes)
{
  g_return_val_if_fail (self != NULL, 0);

  if (date != NULL)
    *date = self->once_date;
  if (minutes != NULL)
    *minutes = self->once_time;

  return self->lead_seconds;
}

/**
 * md_schedule_is_instant:
 *
 * Returns: whether the schedule is one exact instant (a follow-up), not a
 *   time by the clock
 */
gboolean
md_schedule_is_instant (const MdSchedule *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->kind == MD_SCHEDULE_ONCE && self->once_exact;
}

/* The instant a wall-clock time of one local day happens: the first
 * valid minute when it falls in a spring-forward gap, the first of two
 * when clocks fall back. */
static GDateTime *
local_instant (GTimeZone *zone,
               GDate     *date,
               int        minutes)
{
  for (int m = minutes; m < minutes + 180 && m < 24 * 60; m++)
    {
      g_autoptr(GDateTime) candidate = g_date_time_new (zone, g_date_get_year (date),
                                                        g_date_get_month (date), g_date_get_day (date),
                                                        m / 60, m % 60, 0);
      g_autoptr(GDateTime) hour_earlier = NULL;

      if (candidate == NULL ||
          g_date_time_get_hour (candidate) != m / 60 || g_date_time_get_minute (candidate) != m % 60 ||
          g_date_time_get_day_of_month (candidate) != g_date_get_day (date))
        continue;

      /* Fall back: the same wall time an hour earlier is the first one. */
      hour_earlier = g_date_time_add_hours (candidate, -1);
      if (g_date_time_get_hour (hour_earlier) == m / 60 &&
          g_date_time_get_minute (hour_earlier) == m % 60 &&
          g_date_time_get_day_of_month (hour_earlier) == g_date_get_day (date))
        return g_steal_pointer (&hour_earlier);

      return g_steal_pointer (&candidate);
    }

  return NULL;
}

static gboolean
day_matches (const MdSchedule *self,
             GDate            *date)
{
  if (self->kind == MD_SCHEDULE_DAILY)
    return (self->weekdays & (1 << g_date_get_weekday (date))) != 0;

  if (self->kind == MD_SCHEDULE_EVERY_N_DAYS)
    {
      int days;

      if (!g_date_valid (&self->start))
        return FALSE;
      days = g_date_days_between (&self->start, date);
      return days >= 0 && days % self->every_n == 0;
    }

  return FALSE;
}

/**
 * md_schedule_next_occurrence:
 * @after: a time in the time zone the reminder lives in
 *
 * Returns: (transfer full) (nullable): the first time strictly after
 *   @after that the reminder comes, in @after's time zone; %NULL when it
 *   will not come again
 */
GDateTime *
md_schedule_next_occurrence (const MdSchedule *self,
                             GDateTime        *after)
{
  GTimeZone *zone;
  GDate day;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (after != NULL, NULL);

  zone = g_date_time_get_timezone (after);

  if (self->kind == MD_SCHEDULE_ONCE)
    {
      GDate date = self->once_date;
      g_autoptr(GDateTime) at = self->once_exact
                                ? g_date_time_new_from_unix_utc (self->once_instant)
                                : local_instant (zone, &date, self->once_time);
      g_autoptr(GDateTime) notice = at != NULL ? g_date_time_add_seconds (at, (gdouble) -self->lead_seconds) : NULL;

      if (notice != NULL && g_date_time_compare (notice, after) > 0)
        return g_date_time_to_timezone (notice, zone);
      return NULL;
    }

  if (self->n_times == 0)
    return NULL;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (after), g_date_time_get_month (after),
                  g_date_time_get_year (after));

  /* The longest wait is N days (every N days) or a week (one weekday). */
  for (guint i = 0; i <= MAX (self->every_n, 7) + 1; i++)
    {
      if (day_matches (self, &day))
        for (guint t = 0; t < self->n_times; t++)
          {
            g_autoptr(GDateTime) instant = local_instant (zone, &day, self->times[t]);

            if (instant != NULL && g_date_time_compare (instant, after) > 0)
              return g_steal_pointer (&instant);
          }

      g_date_add_days (&day, 1);
    }

  return NULL;
}

/**
 * md_schedule_validate:
 * @now: the present, in the reminder's time zone
 *
 * What the reminder editor refuses: no time, no weekday, or an
 * appointment already past.
 */
gboolean
md_schedule_validate (const MdSchedule  *self,
                      GDateTime         *now,
                      GError           **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  switch (self->kind)
    {
    case MD_SCHEDULE_DAILY:
      if (self->n_times == 0)
        return schedule_error (error, _("Times: choose at least one time of day."));
      if (self->weekdays == 0)
        return schedule_error (error, _("Days: choose at least one weekday."));
      return TRUE;

    case MD_SCHEDULE_EVERY_N_DAYS:
      if (self->n_times == 0)
        return schedule_error (error, _("Times: choose at least one time of day."));
      if (!g_date_valid (&self->start))
        return schedule_error (error, _("Start: choose the first day."));
      return TRUE;

    case MD_SCHEDULE_ONCE:
    default:
      {
        GDate date = self->once_date;
        g_autoptr(GDateTime) at = self->once_exact ? g_date_time_new_from_unix_utc (self->once_instant)
                                  : g_date_valid (&date)
                                  ? local_instant (g_date_time_get_timezone (now), &date, self->once_time)
                                  : NULL;

        if (at == NULL)
          return schedule_error (error, _("At: choose the date and time of the appointment."));
        if (g_date_time_compare (at, now) <= 0)
          return schedule_error (error, _("At: the appointment is in the past."));
        return TRUE;
      }
    }
}
