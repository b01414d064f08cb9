/* md-application-reminders.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reminders as desktop notifications, and what their buttons do.
 */

#define G_LOG_DOMAIN "md-application"

#include "config.h"

#include <glib/gi18n.h>

#include "md-application-private.h"
#include "md-diary.h"
#include "md-diary-page.h"
#include "md-reminder-service.h"
#include "md-reminder-text.h"
#include "md-schedule.h"
#include "md-window.h"

/* Reminders ------------------------------------------------------------ */

#define SNOOZE_SECONDS (10 * 60)

static char *
notification_id (const char *uuid)
{
  return g_strconcat ("reminder-", uuid, NULL);
}

static MdReminder *
find_reminder (MdApplication *self,
               const char    *uuid)
{
  g_autoptr(GPtrArray) reminders = NULL;

  if (md_application_get_diary (self) == NULL)
    return NULL;

  reminders = md_diary_list_reminders (md_application_get_diary (self));
  for (guint i = 0; i < reminders->len; i++)
    {
      MdReminder *reminder = g_ptr_array_index (reminders, i);

      if (g_strcmp0 (reminder->uuid, uuid) == 0)
        return g_object_ref (reminder);
    }

  return NULL;
}

static void
withdraw_reminder (MdApplication *self,
                   const char    *uuid)
{
  g_autofree char *id = notification_id (uuid);

  g_application_withdraw_notification (G_APPLICATION (self), id);
}

/* The name of the medication a reminder is about, or %NULL: a
 * medication reminder's own, or that of the dose a follow-up asks about. */
static char *
reminder_medication_name (MdApplication *self,
                          MdReminder    *reminder)
{
  MdDiary *diary = md_application_get_diary (self);
  g_autoptr(MdDose) dose = NULL;
  g_autoptr(MdMedication) medication = NULL;
  const char *uuid = reminder->medication_uuid;

  if (uuid == NULL && reminder->dose_uuid != NULL)
    {
      dose = md_diary_get_dose (diary, reminder->dose_uuid);
      uuid = dose != NULL ? dose->medication_uuid : NULL;
    }
  if (uuid != NULL)
    medication = md_diary_get_medication (diary, uuid);

  return medication != NULL ? g_strdup (md_medication_get_display_name (medication)) : NULL;
}

/* An appointment's own time: the notice comes its lead before it. */
static GDateTime *
appointment_time (MdReminder *reminder,
                  GDateTime  *due)
{
  g_autoptr(MdSchedule) schedule = md_schedule_parse (reminder->schedule, NULL);

  if (schedule == NULL || md_schedule_get_kind (schedule) != MD_SCHEDULE_ONCE)
    return NULL;

  return g_date_time_add_seconds (due, (gdouble) md_schedule_get_once (schedule, NULL, NULL));
}

static void
send_reminder (MdApplication *self,
               MdReminder    *reminder,
               gint64         due,
               gboolean       late)
{
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GDateTime) due_time = g_date_time_new_from_unix_local (due);
  g_autoptr(GDateTime) now = md_context_now_local (self->context);
  g_autoptr(GDateTime) appointment = appointment_time (reminder, due_time);
  g_autofree char *medication = reminder_medication_name (self, reminder);
  g_autofree char *summary = NULL;
  g_autofree char *body = NULL;
  g_autofree char *id = notification_id (reminder->uuid);
  g_autoptr(GIcon) icon = g_themed_icon_new (APP_ID);
  gboolean check_in = g_strcmp0 (reminder->kind, "check-in") == 0;
  MdReminderNotice notice = {
    .kind = reminder->kind,
    .title = reminder->title,
    .medication = medication,
    .appointment = appointment,
    .due = due_time,
    .now = now,
    .late = late,
    /* A notification shows on the lock screen too. */
    .show_names = g_settings_get_boolean (self->settings, "show-medication-names"),
  };

  md_reminder_describe_notification (&notice, &summary, &body);
  notification = g_notification_new (summary);
  if (body != NULL)
    g_notification_set_body (notification, body);
  g_notification_set_icon (notification, icon);
  g_notification_set_default_action_and_target (notification, "app.open-reminder", "s", reminder->uuid);

  if (check_in)
    {
      g_autofree char *day = g_date_time_format (due_time, "%Y-%m-%d");

      g_notification_add_button_with_target (notification, _("No headache today"),
                                             "app.reminder-headache-free", "(ss)", reminder->uuid, day);
      g_notification_add_button_with_target (notification, _("Log…"),
                                             "app.reminder-log", "s", reminder->uuid);
    }
  else if (g_strcmp0 (reminder->kind, "medication") == 0 && reminder->medication_uuid != NULL)
    /* Translators: a button of a medication reminder: the dose was taken */
    g_notification_add_button_with_target (notification, C_("medication", "Taken"),
                                           "app.reminder-taken", "s", reminder->uuid);
  else if (g_strcmp0 (reminder->kind, "follow-up") == 0)
    g_notification_add_button_with_target (notification, _("Record Pain…"),
                                           "app.open-reminder", "s", reminder->uuid);
  else
    /* Translators: a button of an appointment reminder: seen, dismiss it */
    g_notification_add_button_with_target (notification, C_("reminder", "Done"),
                                           "app.reminder-done", "s", reminder->uuid);

  g_notification_add_button_with_target (notification, _("Snooze 10 min"),
                                         "app.snooze-reminder", "s", reminder->uuid);

  g_application_send_notification (G_APPLICATION (self), id, notification);
}

static void
reminder_due_cb (MdApplication     *self,
                 MdReminder        *reminder,
                 gint64             due,
                 gboolean           late,
                 MdReminderService *service)
{
  send_reminder (self, reminder, due, late);
}

/* With reminders on and the preference set, the app lives on without a
 * window; otherwise it ends with its last window, as before. */
void
md_application_update_hold (MdApplication *self)
{
  gboolean want = FALSE;

  if (md_application_get_diary (self) != NULL && self->settings != NULL &&
      g_settings_get_boolean (self->settings, "run-in-background"))
    {
      g_autoptr(GPtrArray) reminders = md_diary_list_reminders (md_application_get_diary (self));

      for (guint i = 0; i < reminders->len && !want; i++)
        want = ((MdReminder *) g_ptr_array_index (reminders, i))->enabled;
    }

  if (want == self->held_for_reminders)
    return;

  self->held_for_reminders = want;
  if (want)
    g_application_hold (G_APPLICATION (self));
  else
    g_application_release (G_APPLICATION (self));
}

void
md_application_follow_up_setting_changed_cb (MdApplication *self)
{
  if (md_context_get_reminder_service (self->context) != NULL)
    md_reminder_service_set_follow_up_day_after (md_context_get_reminder_service (self->context),
                                                 g_settings_get_boolean (self->settings, "follow-up-24h"));
}

/* The context makes one service per open diary (it goes with the diary
 * through a restored backup); the application shows what it says. */
void
md_application_diary_opened_cb (MdApplication *self)
{
  MdReminderService *service = md_context_get_reminder_service (self->context);

  if (service != NULL)
    {
      md_application_follow_up_setting_changed_cb (self);
      g_signal_connect_object (service, "reminder-due",
                               G_CALLBACK (reminder_due_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (md_application_get_diary (self), "reminders-changed",
                               G_CALLBACK (md_application_update_hold), self, G_CONNECT_SWAPPED);
      md_reminder_service_start (service);
    }

  md_application_update_hold (self);
}

static MdWindow *
present_window (MdApplication *self,
                const char    *view)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (self));
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (!MD_IS_WINDOW (window))
    return NULL;

  if (view != NULL)
    md_window_show_view (MD_WINDOW (window), view);

  return MD_WINDOW (window);
}

/* Notifications cannot show an error; a message is the least surprise. */
static void
tell_in_notification (MdApplication *self,
                      const char    *uuid,
                      const char    *title,
                      const char    *body)
{
  g_autoptr(GNotification) notification = g_notification_new (title);
  g_autofree char *id = notification_id (uuid);

  g_notification_set_body (notification, body);
  g_notification_set_default_action_and_target (notification, "app.open-reminder", "s", uuid);
  g_application_send_notification (G_APPLICATION (self), id, notification);
}

/* What a reminder's notification does once it is withdrawn; @target is
 * the reminder's UUID, or for a check-in the UUID and the day. */
typedef void (*ReminderActionFunc) (MdApplication *self,
                                    const char    *uuid,
                                    GVariant      *target);

static void
snooze_reminder (MdApplication *self,
                 const char    *uuid,
                 GVariant      *target)
{
  g_autoptr(GError) error = NULL;

  if (md_context_get_reminder_service (self->context) != NULL &&
      !md_reminder_service_snooze (md_context_get_reminder_service (self->context), uuid, SNOOZE_SECONDS, &error))
    g_message ("Could not snooze the reminder: %s", error->message);
}

/* "No headache today" of a check-in: the target is the reminder and the
 * day it asked about, which is not today when it is answered after
 * midnight or the next morning. */
static void
record_headache_free (MdApplication *self,
                      const char    *uuid,
                      GVariant      *target)
{
  const char *day;
  g_autoptr(GError) error = NULL;

  g_variant_get_child (target, 1, "&s", &day);
  if (md_application_get_diary (self) == NULL)
    return;

  if (!md_diary_record_headache_free_day (md_application_get_diary (self), day, &error))
    /* Translators: title of a notification when "No headache today" of a
     * check-in could not be saved */
    tell_in_notification (self, uuid, _("The Day Was Not Recorded"), error->message);
}

static void
show_diary (MdApplication *self,
            const char    *uuid,
            GVariant      *target)
{
  present_window (self, "diary");
}

static void
record_dose_taken (MdApplication *self,
                   const char    *uuid,
                   GVariant      *target)
{
  g_autoptr(MdReminder) reminder = find_reminder (self, uuid);
  g_autoptr(MdMedication) medication = NULL;
  g_autoptr(MdDose) dose = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;

  if (reminder == NULL || reminder->medication_uuid == NULL)
    return;

  medication = md_diary_get_medication (md_application_get_diary (self), reminder->medication_uuid);
  if (medication == NULL)
    return;

  now = md_context_now_local (self->context);
  dose = md_dose_new ();
  dose->medication_uuid = g_strdup (medication->uuid);
  dose->taken = g_date_time_to_unix (now);
  dose->taken_offset = (int) (g_date_time_get_utc_offset (now) / G_TIME_SPAN_SECOND);
  dose->amount = medication->default_amount;
  dose->unit = g_strdup (medication->unit);
  dose->route = g_strdup (medication->route);
  dose->setting = g_strdup ("home");

  if (!md_diary_save_dose (md_application_get_diary (self), dose, &error))
    tell_in_notification (self, uuid, _("The Dose Was Not Recorded"), error->message);
}

static void
open_reminder (MdApplication *self,
               const char    *uuid,
               GVariant      *target)
{
  g_autoptr(MdReminder) reminder = find_reminder (self, uuid);
  g_autoptr(MdDose) dose = NULL;
  MdWindow *window;

  if (reminder == NULL || g_strcmp0 (reminder->kind, "appointment") == 0)
    {
      present_window (self, "reminders");
      return;
    }

  window = present_window (self, "diary");
  if (window == NULL || g_strcmp0 (reminder->kind, "follow-up") != 0 || reminder->dose_uuid == NULL)
    return;

  /* "How is your pain now?" opens the pain-reading editor of the dose's attack. */
  dose = md_diary_get_dose (md_application_get_diary (self), reminder->dose_uuid);
  if (dose != NULL && dose->attack_uuid != NULL)
    md_diary_page_record_pain (MD_DIARY_PAGE (md_window_get_diary_page (window)), dose->attack_uuid);
}

static const struct
{
  const char         *name;
  ReminderActionFunc  run; /* or NULL: withdrawing is all it does */
} reminder_action_funcs[] = {
  { "snooze-reminder", snooze_reminder },
  { "reminder-done", NULL },
  { "reminder-headache-free", record_headache_free },
  { "reminder-log", show_diary },
  { "reminder-taken", record_dose_taken },
  { "open-reminder", open_reminder },
};

/* The reminder a notification's target names: the target itself, or
 * its first member. */
static const char *
target_reminder (GVariant *target)
{
  const char *uuid;

  if (g_variant_is_of_type (target, G_VARIANT_TYPE_STRING))
    return g_variant_get_string (target, NULL);

  g_variant_get_child (target, 0, "&s", &uuid);
  return uuid;
}

/* Every action of a reminder's notification withdraws it first. */
static void
reminder_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  MdApplication *self = user_data;
  const char *uuid = target_reminder (parameter);

  withdraw_reminder (self, uuid);

  for (guint i = 0; i < G_N_ELEMENTS (reminder_action_funcs); i++)
    if (g_str_equal (g_action_get_name (G_ACTION (action)), reminder_action_funcs[i].name))
      {
        if (reminder_action_funcs[i].run != NULL)
          reminder_action_funcs[i].run (self, uuid, parameter);
        return;
      }

  g_assert_not_reached ();
}

static void
test_notification_activated (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  MdApplication *self = user_data;
  g_autoptr(GNotification) notification = g_notification_new (_("Reminders Work"));
  g_autoptr(GIcon) icon = g_themed_icon_new (APP_ID);

  g_notification_set_body (notification, _("This is how your reminders will look."));
  g_notification_set_icon (notification, icon);
  g_notification_set_default_action_and_target (notification, "app.open-reminder", "s", "test");
  g_application_send_notification (G_APPLICATION (self), "reminder-test", notification);
}

/**
 * md_application_get_reminder_service:
 *
 * Returns: (transfer none) (nullable): the service of the open diary
 */
MdReminderService *
md_application_get_reminder_service (MdApplication *self)
{
  g_return_val_if_fail (MD_IS_APPLICATION (self), NULL);

  return md_context_get_reminder_service (self->context);
}

static const GActionEntry reminder_actions[] = {
  { .name = "snooze-reminder", .activate = reminder_activated, .parameter_type = "s" },
  { .name = "reminder-done", .activate = reminder_activated, .parameter_type = "s" },
  { .name = "reminder-headache-free", .activate = reminder_activated, .parameter_type = "(ss)" },
  { .name = "reminder-log", .activate = reminder_activated, .parameter_type = "s" },
  { .name = "reminder-taken", .activate = reminder_activated, .parameter_type = "s" },
  { .name = "open-reminder", .activate = reminder_activated, .parameter_type = "s" },
  { .name = "test-notification", .activate = test_notification_activated },
};

void
md_application_add_reminder_actions (MdApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), reminder_actions, G_N_ELEMENTS (reminder_actions),
                                   self);
}
