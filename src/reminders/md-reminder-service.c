/* md-reminder-service.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fires reminders on time with one timer, armed for the next reminder
 * due across all of them and re-armed after each firing and after any
 * change to the diary: the app's own, and another program's (a command
 * line import adding a reminder), which the diary announces the same way
 * once the application's context has noticed it
 * (md_diary_reload_if_changed_elsewhere()).
 *
 * The timer is a timerfd on the wall clock (CLOCK_REALTIME), armed for
 * the due time itself (TFD_TIMER_ABSTIME) and watched as a GLib fd
 * source. A relative timeout counts the monotonic clock, which stops
 * while the machine sleeps: a reminder due during a suspend would come
 * late by the time that was left. The wall clock keeps counting, so the
 * timer fires on resume. With TFD_TIMER_CANCEL_ON_SET the kernel also
 * tells when the wall clock is set (by hand, by NTP, or on resume), the
 * way GNOME's wall clock notices it, and the service checks again.
 * logind's PrepareForSleep, when a system bus is there, also makes it
 * check on waking. Nothing polls: an idle day wakes it once per
 * reminder.
 *
 * What came due while the machine slept or the app was not running
 * fires once, marked late, for the latest missed time: last_fired is
 * saved before the signal goes out, so it never fires twice, and it is
 * never skipped silently. A daily check-in stays quiet on a day that
 * already has an entry.
 *
 * It also keeps the follow-ups of acute doses: "How is your pain now?"
 * two hours after the dose, and a day after when asked for. They follow
 * the dose when it is saved again, and go with it when it is deleted
 * (the diary's ON DELETE CASCADE).
 */

#define G_LOG_DOMAIN "md-reminder-service"

#include "config.h"

#include <errno.h>
#include <unistd.h>
#include <sys/timerfd.h>
#include <glib/gi18n.h>
#include <glib-unix.h>

#include "md-error.h"
#include "md-reminder-service.h"
#include "md-schedule.h"

/* Later than this after its time, a reminder is "missed at …". */
#define LATE_AFTER_SECONDS 90

#define FOLLOW_UP_DAY_AFTER_SECONDS (24 * 3600)

struct _MdReminderService
{
  GObject         parent_instance;

  /* Owned */
  MdDiary        *diary;
  GTimeZone      *zone;
  GDBusConnection *system_bus;

  MdDiaryNowFunc  now;
  gpointer        now_data;
  int             timer_fd;       /* -1 where there is no timerfd */
  guint           timer_source;
  gboolean        timer_armed;
  guint           timeout_id;     /* without a timerfd: a relative timeout */
  guint           sleep_subscription;
  gint64          next_due;
  guint           n_wakeups;
  gboolean        checking;
  gboolean        follow_up_day_after;
};

G_DEFINE_FINAL_TYPE (MdReminderService, md_reminder_service, G_TYPE_OBJECT)

enum {
  REMINDER_DUE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gint64
system_now (gpointer user_data)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static GDateTime *
local_time (MdReminderService *self,
            gint64             unix_time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);

  return g_date_time_to_timezone (utc, self->zone);
}

/* The next time @reminder comes after @after: its schedule, or its
 * snooze when that is sooner. 0 when it will not come again. */
static gint64
next_time (MdReminderService *self,
           MdReminder        *reminder,
           gint64             after)
{
  g_autoptr(MdSchedule) schedule = md_schedule_parse (reminder->schedule, NULL);
  g_autoptr(GDateTime) from = local_time (self, after);
  g_autoptr(GDateTime) next = NULL;
  gint64 due = 0;

  if (schedule != NULL)
    next = md_schedule_next_occurrence (schedule, from);
  if (next != NULL)
    due = g_date_time_to_unix (next);

  if (reminder->snoozed_until > after && (due == 0 || reminder->snoozed_until < due))
    due = reminder->snoozed_until;

  return due;
}

static gboolean timeout_cb (gpointer user_data);

/* Arms the one timer for @due, unix seconds by the service's clock (0:
 * nothing to come). A test clock's time is carried over to the real wall
 * clock at the same distance from now. */
static void
set_timer (MdReminderService *self,
           gint64             due,
           gint64             now)
{
  struct itimerspec spec = { { 0, 0 }, { 0, 0 } };

  g_clear_handle_id (&self->timeout_id, g_source_remove);

  if (self->timer_fd < 0)
    {
      if (due > 0)
        self->timeout_id = g_timeout_add_seconds ((guint) CLAMP (due - now, 0, G_MAXINT32 / 2),
                                                  timeout_cb, self);
      return;
    }

  if (due > 0)
    spec.it_value.tv_sec = self->now == system_now ? due : g_get_real_time () / G_USEC_PER_SEC + (due - now);
  if (timerfd_settime (self->timer_fd, due > 0 ? TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET : 0, &spec,
                       NULL) != 0)
    g_warning ("Could not arm the reminder timer: %s", g_strerror (errno));
  self->timer_armed = due > 0;
}

static void
arm (MdReminderService *self)
{
  g_autoptr(GPtrArray) reminders = md_diary_list_reminders (self->diary);
  gint64 now = self->now (self->now_data);
  gint64 soonest = 0;

  for (guint i = 0; i < reminders->len; i++)
    {
      MdReminder *reminder = g_ptr_array_index (reminders, i);
      gint64 due;

      if (!reminder->enabled)
        continue;

      due = next_time (self, reminder, MAX (reminder->last_fired, now - 1));
      if (due > 0 && (soonest == 0 || due < soonest))
        soonest = due;
    }

  self->next_due = soonest;
  set_timer (self, soonest, now);
}

/**
 * md_reminder_service_check:
 *
 * Fires every reminder that is due now — each once, the latest missed
 * time of a reminder that was missed several times — and arms the timer
 * for the next one. The timer, resume from suspend and tests call it.
 */
void
md_reminder_service_check (MdReminderService *self)
{
  g_autoptr(GPtrArray) reminders = NULL;
  gint64 now;

  g_return_if_fail (MD_IS_REMINDER_SERVICE (self));

  reminders = md_diary_list_reminders (self->diary);
  now = self->now (self->now_data);

  /* Its own saves of last_fired need no re-arming each. */
  self->checking = TRUE;

  for (guint i = 0; i < reminders->len; i++)
    {
      MdReminder *reminder = g_ptr_array_index (reminders, i);
      gint64 due = 0;
      gint64 next;
      gboolean quiet = FALSE;

      if (!reminder->enabled)
        continue;

      /* Walk the missed times up to now; only the latest is told. */
      for (next = next_time (self, reminder, reminder->last_fired);
           next > 0 && next <= now;
           next = next_time (self, reminder, next))
        due = next;

      if (due == 0)
        continue;

      if (g_str_equal (reminder->kind, "check-in"))
        {
          g_autoptr(GDateTime) day = local_time (self, due);

          quiet = md_diary_has_entry_on_day (self->diary, day);
        }

      /* Saved first: a crash after this point can only miss the
       * notification, never repeat it. */
      reminder->last_fired = now;
      reminder->snoozed_until = 0;
      if (!md_diary_save_reminder (self->diary, reminder, NULL))
        continue;

      if (!quiet)
        g_signal_emit (self, signals[REMINDER_DUE], 0, reminder, due, now - due > LATE_AFTER_SECONDS);
    }

  self->checking = FALSE;
  arm (self);
}

static gboolean
timeout_cb (gpointer user_data)
{
  MdReminderService *self = user_data;

  self->timeout_id = 0;
  self->n_wakeups++;
  md_reminder_service_check (self);

  return G_SOURCE_REMOVE;
}

static gboolean
timer_fd_cb (int          fd,
             GIOCondition condition,
             gpointer     user_data)
{
  MdReminderService *self = user_data;
  guint64 expirations;
  ssize_t n = read (fd, &expirations, sizeof expirations);

  if (n == sizeof expirations)
    {
      self->timer_armed = FALSE;
      self->n_wakeups++;
      md_reminder_service_check (self);
    }
  else if (n < 0 && errno == ECANCELED)
    /* The wall clock was set, or the machine woke: what is due now is
     * not what the timer was armed for. */
    md_reminder_service_check (self);

  /* Otherwise re-armed since it became readable: nothing to do. */
  return G_SOURCE_CONTINUE;
}

static void
prepare_for_sleep_cb (GDBusConnection *connection,
                      const char      *sender,
                      const char      *path,
                      const char      *interface,
                      const char      *signal,
                      GVariant        *parameters,
                      gpointer         user_data)
{
  gboolean going_to_sleep;

  g_variant_get (parameters, "(b)", &going_to_sleep);

  /* On waking, the wall clock has moved on while the timeout slept. */
  if (!going_to_sleep)
    md_reminder_service_check (user_data);
}

static void
diary_changed_cb (MdReminderService *self)
{
  if (!self->checking)
    arm (self);
}

/* The instant a follow-up asks, whichever way its schedule was written
 * (an instant, or a time by the clock as older versions wrote it); 0
 * when it cannot be read. */
static gint64
follow_up_instant (MdReminderService *self,
                   MdReminder        *reminder)
{
  g_autoptr(MdSchedule) schedule = md_schedule_parse (reminder->schedule, NULL);
  g_autoptr(GDateTime) beginning = local_time (self, 0);
  g_autoptr(GDateTime) at = schedule != NULL ? md_schedule_next_occurrence (schedule, beginning) : NULL;

  return at != NULL ? g_date_time_to_unix (at) : 0;
}

/* Makes the dose's follow-ups what they should be: one for each time
 * still to come, if the medication is an acute one. A follow-up already
 * made for the same instant is kept as it is, fired or snoozed. */
static void
dose_saved_cb (MdReminderService *self,
               MdDose            *dose)
{
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GArray) wanted = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  gint64 now = self->now (self->now_data);
  gint64 at;
  gboolean acute;

  /* Only a dose taken for a headache (not a preventive one, whatever
   * the medication) has a pain response to follow up. */
  acute = md_dose_is_for_headache (dose);

  at = dose->taken + MD_DIARY_FOLLOW_UP_SECONDS;
  if (acute && at > now)
    g_array_append_val (wanted, at);
  at = dose->taken + FOLLOW_UP_DAY_AFTER_SECONDS;
  if (acute && self->follow_up_day_after && at > now)
    g_array_append_val (wanted, at);

  reminders = md_diary_list_reminders (self->diary);
  for (guint i = 0; i < reminders->len; i++)
    {
      MdReminder *reminder = g_ptr_array_index (reminders, i);
      gint64 instant;
      guint index;

      if (g_strcmp0 (reminder->dose_uuid, dose->uuid) != 0 || !g_str_equal (reminder->kind, "follow-up"))
        continue;

      instant = follow_up_instant (self, reminder);
      for (index = 0; index < wanted->len; index++)
        if (g_array_index (wanted, gint64, index) == instant)
          break;

      if (index < wanted->len)
        g_array_remove_index (wanted, index);
      else
        md_diary_undo_free (md_diary_delete_reminder (self->diary, reminder->uuid, NULL));
    }

  for (guint i = 0; i < wanted->len; i++)
    if (!md_diary_save_follow_up (self->diary, dose->uuid, g_array_index (wanted, gint64, i), self->zone,
                                  &error))
      {
        g_message ("No follow-up for the dose: %s", error->message);
        g_clear_error (&error);
      }
}

static void
md_reminder_service_dispose (GObject *object)
{
  MdReminderService *self = MD_REMINDER_SERVICE (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_handle_id (&self->timer_source, g_source_remove);
  if (self->timer_fd >= 0)
    close (self->timer_fd);
  self->timer_fd = -1;
  if (self->sleep_subscription != 0)
    g_dbus_connection_signal_unsubscribe (self->system_bus, self->sleep_subscription);
  self->sleep_subscription = 0;
  g_clear_object (&self->system_bus);
  g_clear_object (&self->diary);
  g_clear_pointer (&self->zone, g_time_zone_unref);

  G_OBJECT_CLASS (md_reminder_service_parent_class)->dispose (object);
}

static void
md_reminder_service_class_init (MdReminderServiceClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = md_reminder_service_dispose;

  /**
   * MdReminderService::reminder-due:
   * @reminder: the reminder, already saved as fired
   * @due: unix seconds of the time it was due
   * @late: whether it is told later than its time ("missed at …")
   */
  signals[REMINDER_DUE] = g_signal_new ("reminder-due", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                        MD_TYPE_REMINDER, G_TYPE_INT64, G_TYPE_BOOLEAN);
}

static void
md_reminder_service_init (MdReminderService *self)
{
  self->now = system_now;
  self->zone = g_time_zone_new_local ();

  self->timer_fd = timerfd_create (CLOCK_REALTIME, TFD_NONBLOCK | TFD_CLOEXEC);
  if (self->timer_fd >= 0)
    self->timer_source = g_unix_fd_add (self->timer_fd, G_IO_IN, timer_fd_cb, self);
  else
    g_warning ("No timerfd (%s): reminders due during a suspend will come late", g_strerror (errno));
}

MdReminderService *
md_reminder_service_new (MdDiary *diary)
{
  MdReminderService *self;

  g_return_val_if_fail (MD_IS_DIARY (diary), NULL);

  self = g_object_new (MD_TYPE_REMINDER_SERVICE, NULL);
  self->diary = g_object_ref (diary);

  return self;
}

/**
 * md_reminder_service_set_clock:
 * @now: (nullable): the wall clock; %NULL for the system's
 */
void
md_reminder_service_set_clock (MdReminderService *self,
                               MdDiaryNowFunc     now,
                               gpointer           user_data)
{
  g_return_if_fail (MD_IS_REMINDER_SERVICE (self));

  self->now = now != NULL ? now : system_now;
  self->now_data = user_data;
}

void
md_reminder_service_set_time_zone (MdReminderService *self,
                                   GTimeZone         *zone)
{
  g_return_if_fail (MD_IS_REMINDER_SERVICE (self));
  g_return_if_fail (zone != NULL);

  g_time_zone_unref (self->zone);
  self->zone = g_time_zone_ref (zone);
}

/**
 * md_reminder_service_start:
 *
 * Fires what was missed while the app was not running, arms the timer,
 * and follows the diary and the system's sleep from now on.
 */
void
md_reminder_service_start (MdReminderService *self)
{
  g_autoptr(GPtrArray) reminders = NULL;
  gint64 now;

  g_return_if_fail (MD_IS_REMINDER_SERVICE (self));

  /* A reminder never fired counts from now: nothing before it existed. */
  reminders = md_diary_list_reminders (self->diary);
  now = self->now (self->now_data);
  for (guint i = 0; i < reminders->len; i++)
    {
      MdReminder *reminder = g_ptr_array_index (reminders, i);

      if (reminder->last_fired == 0)
        {
          reminder->last_fired = now;
          md_diary_save_reminder (self->diary, reminder, NULL);
        }
    }

  g_signal_connect_object (self->diary, "changed", G_CALLBACK (diary_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->diary, "reminders-changed", G_CALLBACK (diary_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->diary, "dose-saved", G_CALLBACK (dose_saved_cb), self,
                           G_CONNECT_SWAPPED);

  self->system_bus = g_bus_get_sync (G_BUS_TYPE_SYSTEM, NULL, NULL);
  if (self->system_bus != NULL)
    self->sleep_subscription = g_dbus_connection_signal_subscribe (self->system_bus,
                                                                   "org.freedesktop.login1",
                                                                   "org.freedesktop.login1.Manager",
                                                                   "PrepareForSleep",
                                                                   "/org/freedesktop/login1",
                                                                   NULL,
                                                                   G_DBUS_SIGNAL_FLAGS_NONE,
                                                                   prepare_for_sleep_cb,
                                                                   self, NULL);

  md_reminder_service_check (self);
}

/**
 * md_reminder_service_get_next_due:
 *
 * Returns: unix seconds of the next reminder, or 0 when none will come
 */
gint64
md_reminder_service_get_next_due (MdReminderService *self)
{
  g_return_val_if_fail (MD_IS_REMINDER_SERVICE (self), 0);

  return self->next_due;
}

/**
 * md_reminder_service_is_armed:
 *
 * Returns: whether the one timer is armed
 */
gboolean
md_reminder_service_is_armed (MdReminderService *self)
{
  g_return_val_if_fail (MD_IS_REMINDER_SERVICE (self), FALSE);

  return self->timer_armed || self->timeout_id != 0;
}

/**
 * md_reminder_service_snooze:
 *
 * Brings the reminder back @seconds from now; saved, so a restart keeps
 * the snooze.
 */
gboolean
md_reminder_service_snooze (MdReminderService  *self,
                            const char         *uuid,
                            gint64              seconds,
                            GError            **error)
{
  g_autoptr(GPtrArray) reminders = NULL;

  g_return_val_if_fail (MD_IS_REMINDER_SERVICE (self), FALSE);

  reminders = md_diary_list_reminders (self->diary);
  for (guint i = 0; i < reminders->len; i++)
    {
      MdReminder *reminder = g_ptr_array_index (reminders, i);

      if (g_strcmp0 (reminder->uuid, uuid) == 0)
        {
          reminder->snoozed_until = self->now (self->now_data) + seconds;
          if (!md_diary_save_reminder (self->diary, reminder, error))
            return FALSE;
          arm (self);
          return TRUE;
        }
    }

  g_set_error_literal (error, MD_DIARY_ERROR, MD_DIARY_ERROR_NOT_FOUND,
                       _("This reminder is no longer in your diary."));
  return FALSE;
}

/**
 * md_reminder_service_set_follow_up_day_after:
 *
 * Whether an acute dose is followed up a day later too, besides two
 * hours after; the preference "follow-up-24h".
 */
void
md_reminder_service_set_follow_up_day_after (MdReminderService *self,
                                             gboolean           follow_up_day_after)
{
  g_return_if_fail (MD_IS_REMINDER_SERVICE (self));

  self->follow_up_day_after = !!follow_up_day_after;
}

/**
 * md_reminder_service_get_n_wakeups:
 *
 * Returns: how often the timer woke the service, for the benchmark that
 *   proves it does not poll
 */
guint
md_reminder_service_get_n_wakeups (MdReminderService *self)
{
  g_return_val_if_fail (MD_IS_REMINDER_SERVICE (self), 0);

  return self->n_wakeups;
}

/**
 * md_reminder_service_expire_timer:
 *
 * Makes the armed timer due at once, as if its time had come; with a test
 * clock moved to md_reminder_service_get_next_due(), the main loop then
 * runs the real wake-up. For tests and benchmarks.
 */
void
md_reminder_service_expire_timer (MdReminderService *self)
{
  /* A time long past: an absolute timer expires at once. */
  struct itimerspec spec = { { 0, 0 }, { 0, 1 } };
  GSource *source;

  g_return_if_fail (MD_IS_REMINDER_SERVICE (self));

  if (self->timer_armed)
    timerfd_settime (self->timer_fd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &spec, NULL);

  if (self->timeout_id == 0)
    return;

  source = g_main_context_find_source_by_id (NULL, self->timeout_id);
  if (source != NULL)
    g_source_set_ready_time (source, 0);
}
