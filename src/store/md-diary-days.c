/* md-diary-days.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The repository's recorded days.
 */

#define G_LOG_DOMAIN "md-diary"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "md-catalogue.h"
#include "md-diary-private.h"
#include "md-error.h"

/* Days ----------------------------------------------------------------- */

static MdDay *
day_from_row (sqlite3_stmt *stmt)
{
  MdDay *day = md_day_new ();

  day->uuid = md_diary_column_text (stmt, 0);
  day->date = md_diary_column_text (stmt, 1);
  day->status = md_diary_column_text (stmt, 2);
  day->menstruation = sqlite3_column_int (stmt, 3) != 0;
  day->notes = md_diary_column_text (stmt, 4);

  return day;
}

/**
 * md_diary_save_day:
 *
 * Records facts about one calendar day. A day has one row: saving a day
 * that is already recorded updates it and keeps its UUID.
 */
gboolean
md_diary_save_day (MdDiary  *self,
                   MdDay    *day,
                   GError  **error)
{
  g_autoptr(MdDay) existing = NULL;
  sqlite3_stmt *stmt;
  gboolean owns;
  gboolean ok;

  g_return_val_if_fail (MD_IS_DIARY (self), FALSE);
  g_return_val_if_fail (MD_IS_DAY (day), FALSE);

  if (!md_diary_check_date (day->date, _("Day"), error) ||
      !md_diary_check_key (MD_CATALOGUE_DAY_STATUS, day->status, _("Headache"), error))
    return FALSE;

  existing = md_diary_get_day (self, day->date);
  if (existing != NULL)
    {
      g_free (day->uuid);
      day->uuid = g_strdup (existing->uuid);
    }
  md_diary_ensure_uuid (&day->uuid);

  if (!md_diary_action_begin (self, &owns, error))
    return FALSE;

  stmt = md_database_prepare (self->database,
                              "INSERT INTO days (uuid, date, status, menstruation, notes) "
                              "VALUES (?, ?, ?, ?, ?) "
                              "ON CONFLICT (date) DO UPDATE SET status = excluded.status, "
                              "menstruation = excluded.menstruation, notes = excluded.notes",
                              error);
  ok = stmt != NULL;
  if (ok)
    {
      md_diary_bind_text (stmt, 1, day->uuid);
      md_diary_bind_text (stmt, 2, day->date);
      md_diary_bind_text (stmt, 3, day->status);
      sqlite3_bind_int (stmt, 4, day->menstruation);
      md_diary_bind_text (stmt, 5, day->notes != NULL ? day->notes : "");
      ok = md_diary_step_done (self, stmt, error);
    }

  if (!md_diary_action_end (self, owns, ok, error))
    return FALSE;

  if (owns)
    g_signal_emit (self, md_diary_signals[CHANGED], 0);

  return TRUE;
}

/**
 * md_diary_get_day:
 * @date: YYYY-MM-DD
 *
 * Returns: (transfer full) (nullable): the recorded day
 */
MdDay *
md_diary_get_day (MdDiary    *self,
                  const char *date)
{
  g_autoptr(GPtrArray) days = NULL;

  g_return_val_if_fail (MD_IS_DIARY (self), NULL);

  days = md_diary_list_days (self, date, date);

  return days->len > 0 ? g_object_ref (g_ptr_array_index (days, 0)) : NULL;
}

/**
 * md_diary_list_days:
 * @from_date: (nullable): YYYY-MM-DD, included; %NULL with @to_date
 *   %NULL for every day
 * @to_date: (nullable): YYYY-MM-DD, included
 *
 * Returns: (transfer full) (element-type MdDay): oldest first
 */
GPtrArray *
md_diary_list_days (MdDiary    *self,
                    const char *from_date,
                    const char *to_date)
{
  GPtrArray *days = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean every = from_date == NULL && to_date == NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MD_IS_DIARY (self), days);

  stmt = md_database_prepare (self->database,
                              every
                              ? "SELECT uuid, date, status, menstruation, notes FROM days ORDER BY date"
                              : "SELECT uuid, date, status, menstruation, notes FROM days "
                                "WHERE date >= ? AND date <= ? ORDER BY date",
                              NULL);
  if (stmt == NULL)
    return days;

  if (!every)
    {
      md_diary_bind_text (stmt, 1, from_date);
      md_diary_bind_text (stmt, 2, to_date);
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (days, day_from_row (stmt));
  sqlite3_reset (stmt);

  return days;
}

/**
 * md_diary_has_entry_on_day:
 * @day: any time on the local calendar day to look at
 *
 * Whether anything was logged for that day — an attack touching it, a
 * dose, or a recorded day — so the daily check-in can stay quiet.
 */
gboolean
md_diary_has_entry_on_day (MdDiary   *self,
                           GDateTime *day)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *date = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MD_IS_DIARY (self), FALSE);

  start = g_date_time_new (g_date_time_get_timezone (day),
                           g_date_time_get_year (day),
                           g_date_time_get_month (day),
                           g_date_time_get_day_of_month (day),
                           0, 0, 0);
  end = g_date_time_add_days (start, 1);
  date = g_date_time_format (day, "%Y-%m-%d");

  if (md_diary_row_exists (self, "SELECT 1 FROM days WHERE date = ?", date))
    return TRUE;

  stmt = md_database_prepare (self->database,
                              "SELECT 1 WHERE EXISTS (SELECT 1 FROM attacks WHERE start_time < ?1 "
                              "AND (end_time IS NULL OR end_time >= ?2)) "
                              "OR EXISTS (SELECT 1 FROM doses WHERE taken_time >= ?2 AND taken_time < ?1)",
                              NULL);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, g_date_time_to_unix (end));
  sqlite3_bind_int64 (stmt, 2, g_date_time_to_unix (start));

  return md_diary_step_found (stmt);
}

/**
 * md_diary_record_headache_free_day:
 * @date: the local calendar day, YYYY-MM-DD
 *
 * What "No headache today" does, from the window or from a reminder: the
 * day becomes a headache-free day, keeping what else was recorded for
 * it. A check-in answered the next morning records the day it asked
 * about, never one that has not happened. A day with an attack is
 * refused: the diary must not contradict itself.
 */
gboolean
md_diary_record_headache_free_day (MdDiary     *self,
                                   const char  *date,
                                   GError     **error)
{
  g_autoptr(MdDay) day = md_day_new ();
  g_autoptr(MdDay) existing = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) next_midnight = NULL;
  g_autoptr(GPtrArray) attacks = NULL;
  g_autofree char *today = NULL;
  int y, m, d;

  g_return_val_if_fail (MD_IS_DIARY (self), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  now = g_date_time_new_from_unix_local (self->now_func (self->now_data));
  today = g_date_time_format (now, "%Y-%m-%d");
  if (!md_diary_check_date (date, _("Day"), error))
    return FALSE;
  if (strcmp (date, today) > 0)
    return md_diary_invalid (error, "%s", _("That day has not happened yet, so it was not recorded."));

  sscanf (date, "%4d-%2d-%2d", &y, &m, &d);
  midnight = g_date_time_new_local (y, m, d, 0, 0, 0);
  next_midnight = g_date_time_add_days (midnight, 1);
  attacks = md_diary_list_attacks (self, g_date_time_to_unix (midnight), g_date_time_to_unix (next_midnight));
  if (attacks->len > 0 && strcmp (date, today) == 0)
    return md_diary_invalid (error, "%s", _("Today has an attack in your diary, so it was not recorded as headache-free."));
  if (attacks->len > 0)
    return md_diary_invalid (error, "%s", _("That day has an attack in your diary, so it was not recorded as headache-free."));

  day->date = g_strdup (date);
  existing = md_diary_get_day (self, day->date);
  if (existing != NULL)
    {
      day->menstruation = existing->menstruation;
      day->notes = g_strdup (existing->notes);
    }
  day->status = g_strdup ("headache-free");

  return md_diary_save_day (self, day, error);
}

/**
 * md_diary_record_headache_free_today:
 *
 * md_diary_record_headache_free_day() for today, by the diary's clock and
 * in local time.
 */
gboolean
md_diary_record_headache_free_today (MdDiary  *self,
                                     GError  **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (MD_IS_DIARY (self), FALSE);

  now = g_date_time_new_from_unix_local (self->now_func (self->now_data));
  today = g_date_time_format (now, "%Y-%m-%d");

  return md_diary_record_headache_free_day (self, today, error);
}
