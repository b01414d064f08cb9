/* md-diary-reminders.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The repository's reminders.
 */

#define G_LOG_DOMAIN "md-diary"

#include "config.h"

#include <glib/gi18n.h>

#include "md-catalogue.h"
#include "md-diary-private.h"
#include "md-error.h"

/* Reminders ------------------------------------------------------------ */

gboolean
md_diary_save_reminder (MdDiary     *self,
                        MdReminder  *reminder,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean owns;
  gboolean ok;

  g_return_val_if_fail (MD_IS_DIARY (self), FALSE);
  g_return_val_if_fail (MD_IS_REMINDER (reminder), FALSE);

  if (reminder->kind == NULL)
    return md_diary_invalid (error, _("Kind: choose what the reminder is for."));
  if (!md_diary_check_key (MD_CATALOGUE_REMINDER_KIND, reminder->kind, _("Kind"), error))
    return FALSE;
  if (reminder->title == NULL || reminder->title[0] == '\0')
    return md_diary_invalid (error, _("Title: give the reminder a title."));
  if (reminder->schedule == NULL || reminder->schedule[0] == '\0')
    return md_diary_invalid (error, _("Schedule: choose when the reminder comes."));
  if (reminder->medication_uuid != NULL &&
      !md_diary_has_uuid (self, "medications", reminder->medication_uuid))
    return md_diary_invalid (error, _("Medication: choose a medication from your list."));
  if (reminder->dose_uuid != NULL && !md_diary_has_uuid (self, "doses", reminder->dose_uuid))
    return md_diary_invalid (error, _("Dose: the dose of this reminder is no longer in your diary."));

  md_diary_ensure_uuid (&reminder->uuid);

  if (!md_diary_action_begin (self, &owns, error))
    return FALSE;

  stmt = md_database_prepare (self->database,
                              "INSERT INTO reminders (uuid, kind, title, schedule, medication_uuid, "
                              "dose_uuid, enabled, last_fired, snoozed_until) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                              "ON CONFLICT (uuid) DO UPDATE SET kind = excluded.kind, "
                              "title = excluded.title, schedule = excluded.schedule, "
                              "medication_uuid = excluded.medication_uuid, "
                              "dose_uuid = excluded.dose_uuid, enabled = excluded.enabled, "
                              "last_fired = excluded.last_fired, "
                              "snoozed_until = excluded.snoozed_until",
                              error);
  ok = stmt != NULL;
  if (ok)
    {
      md_diary_bind_text (stmt, 1, reminder->uuid);
      md_diary_bind_text (stmt, 2, reminder->kind);
      md_diary_bind_text (stmt, 3, reminder->title);
      md_diary_bind_text (stmt, 4, reminder->schedule);
      md_diary_bind_text (stmt, 5, reminder->medication_uuid);
      md_diary_bind_text (stmt, 6, reminder->dose_uuid);
      sqlite3_bind_int (stmt, 7, reminder->enabled);
      sqlite3_bind_int64 (stmt, 8, reminder->last_fired);
      sqlite3_bind_int64 (stmt, 9, reminder->snoozed_until);
      ok = md_diary_step_done (self, stmt, error);
    }

  if (!md_diary_action_end (self, owns, ok, error))
    return FALSE;

  g_signal_emit (self, md_diary_signals[REMINDERS_CHANGED], 0);
  return TRUE;
}

/**
 * md_diary_list_reminders:
 *
 * Returns: (transfer full) (element-type MdReminder): in the order made
 */
GPtrArray *
md_diary_list_reminders (MdDiary *self)
{
  GPtrArray *reminders = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MD_IS_DIARY (self), reminders);

  stmt = md_database_prepare (self->database,
                              "SELECT uuid, kind, title, schedule, medication_uuid, dose_uuid, "
                              "enabled, last_fired, snoozed_until FROM reminders ORDER BY rowid",
                              NULL);
  if (stmt == NULL)
    return reminders;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      MdReminder *reminder = md_reminder_new ();

      reminder->uuid = md_diary_column_text (stmt, 0);
      reminder->kind = md_diary_column_text (stmt, 1);
      reminder->title = md_diary_column_text (stmt, 2);
      reminder->schedule = md_diary_column_text (stmt, 3);
      reminder->medication_uuid = md_diary_column_text (stmt, 4);
      reminder->dose_uuid = md_diary_column_text (stmt, 5);
      reminder->enabled = sqlite3_column_int (stmt, 6) != 0;
      reminder->last_fired = sqlite3_column_int64 (stmt, 7);
      reminder->snoozed_until = sqlite3_column_int64 (stmt, 8);
      g_ptr_array_add (reminders, reminder);
    }
  sqlite3_reset (stmt);

  return reminders;
}

/**
 * md_diary_delete_reminder:
 *
 * Returns: (transfer full) (nullable): what md_diary_undo() needs
 */
MdDiaryUndo *
md_diary_delete_reminder (MdDiary     *self,
                          const char  *uuid,
                          GError     **error)
{
  MdDiaryUndo *undo;

  g_return_val_if_fail (MD_IS_DIARY (self), NULL);

  undo = md_diary_delete_row_with_undo (self, "reminders", uuid, error);
  if (undo != NULL)
    g_signal_emit (self, md_diary_signals[REMINDERS_CHANGED], 0);

  return undo;
}

/**
 * md_diary_save_follow_up:
 * @dose_uuid: the acute dose asked about
 * @at: unix seconds: the instant to ask, e.g. two hours after the dose
 * @zone: (nullable): the time zone lived in, whose offset at @at is
 *   written beside it; %NULL for the local one
 *
 * Saves a "How is your pain now?" reminder for exactly @at. Its schedule
 * is an instant, not a time by the clock (see md-schedule.c), so it comes
 * two hours of real time after the dose even on the night the clocks
 * change, to the second.
 */
gboolean
md_diary_save_follow_up (MdDiary     *self,
                         const char  *dose_uuid,
                         gint64       at,
                         GTimeZone   *zone,
                         GError     **error)
{
  g_autoptr(MdReminder) reminder = md_reminder_new ();
  g_autoptr(GTimeZone) local = zone == NULL ? g_time_zone_new_local () : NULL;
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (at);
  g_autoptr(GDateTime) lived = g_date_time_to_timezone (utc, zone != NULL ? zone : local);
  g_autofree char *instant = g_date_time_format (lived, "%Y-%m-%dT%H:%M:%S%:z");

  g_return_val_if_fail (MD_IS_DIARY (self), FALSE);
  g_return_val_if_fail (dose_uuid != NULL, FALSE);

  reminder->kind = g_strdup ("follow-up");
  /* Translators: the follow-up reminder after a dose for a migraine attack */
  reminder->title = g_strdup (_("How is your pain now?"));
  reminder->schedule = g_strdup_printf ("v1;once;at=%s;lead=0", instant);
  reminder->dose_uuid = g_strdup (dose_uuid);
  reminder->enabled = TRUE;
  reminder->last_fired = self->now_func (self->now_data);

  return md_diary_save_reminder (self, reminder, error);
}

/**
 * md_diary_follow_up_new_dose:
 * @added: (out): whether a follow-up was made
 *
 * What an import does for each dose it adds (a dose a doctor's export
 * lists from minutes ago, say): an acute dose whose 2-hour mark is still
 * ahead, by the diary's clock, gets its "How is your pain now?" at that
 * instant, unless it has a follow-up already. The running app does the
 * same for the doses saved in it (#MdReminderService).
 */
gboolean
md_diary_follow_up_new_dose (MdDiary   *self,
                             MdDose    *dose,
                             gboolean  *added,
                             GError   **error)
{
  g_autoptr(MdDose) saved = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  gint64 at;

  g_return_val_if_fail (MD_IS_DIARY (self), FALSE);
  g_return_val_if_fail (MD_IS_DOSE (dose), FALSE);
  g_return_val_if_fail (added != NULL, FALSE);

  *added = FALSE;
  at = dose->taken + MD_DIARY_FOLLOW_UP_SECONDS;
  if (at <= self->now_func (self->now_data))
    return TRUE;

  /* Only a dose taken for a headache has a 2-hour response to ask
   * about; its purpose as saved (an import decides undecided ones last). */
  saved = md_diary_get_dose (self, dose->uuid);
  if (saved == NULL || !md_dose_is_for_headache (saved))
    return TRUE;

  reminders = md_diary_list_reminders (self);
  for (guint i = 0; i < reminders->len; i++)
    if (g_strcmp0 (((MdReminder *) g_ptr_array_index (reminders, i))->dose_uuid, dose->uuid) == 0)
      return TRUE;

  if (!md_diary_save_follow_up (self, dose->uuid, at, NULL, error))
    return FALSE;

  *added = TRUE;
  return TRUE;
}
