/* md-diary-attacks.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The repository's attacks and their symptoms and triggers.
 */

#define G_LOG_DOMAIN "md-diary"

#include "config.h"

#include <glib/gi18n.h>

#include "md-catalogue.h"
#include "md-diary-private.h"
#include "md-error.h"

/* Attacks -------------------------------------------------------------- */

#define ATTACK_COLUMNS \
  "uuid, start_time, start_offset, end_time, end_offset, peak_pain, peak_nrs, aura, " \
  "aura_minutes, side, quality, worse_with_activity, disability, notes"

static char **
attack_keys (MdDiary    *self,
             const char *sql,
             const char *uuid)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  sqlite3_stmt *stmt = md_database_prepare (self->database, sql, NULL);

  if (stmt != NULL)
    {
      md_diary_bind_text (stmt, 1, uuid);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (keys, md_diary_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  g_ptr_array_add (keys, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&keys), FALSE);
}

static MdAttack *
attack_from_row (MdDiary      *self,
                 sqlite3_stmt *stmt)
{
  MdAttack *attack = md_attack_new ();

  attack->uuid = md_diary_column_text (stmt, 0);
  attack->start = sqlite3_column_int64 (stmt, 1);
  attack->start_offset = sqlite3_column_int (stmt, 2);
  attack->end = sqlite3_column_int64 (stmt, 3);
  attack->end_offset = sqlite3_column_int (stmt, 4);
  attack->peak_pain = sqlite3_column_int (stmt, 5);
  attack->peak_nrs = md_diary_column_int_or_unset (stmt, 6);
  attack->aura = md_diary_column_text (stmt, 7);
  attack->aura_minutes = md_diary_column_int_or_unset (stmt, 8);
  attack->side = md_diary_column_text (stmt, 9);
  attack->quality = md_diary_column_text (stmt, 10);
  attack->worse_with_activity = md_diary_column_int_or_unset (stmt, 11);
  attack->disability = md_diary_column_int_or_unset (stmt, 12);
  attack->notes = md_diary_column_text (stmt, 13);

  return attack;
}

static void
attack_load_keys (MdDiary  *self,
                  MdAttack *attack)
{
  attack->symptoms = attack_keys (self,
                                  "SELECT symptom_key FROM attack_symptoms WHERE attack_uuid = ? "
                                  "ORDER BY symptom_key",
                                  attack->uuid);
  attack->triggers = attack_keys (self,
                                  "SELECT trigger_key FROM attack_triggers WHERE attack_uuid = ? "
                                  "ORDER BY trigger_key",
                                  attack->uuid);
}

gpointer
md_diary_load_attack (gint64   rowid,
                      gpointer user_data)
{
  MdDiary *self = user_data;
  sqlite3_stmt *stmt;
  MdAttack *attack = NULL;

  stmt = md_database_prepare (self->database,
                              "SELECT " ATTACK_COLUMNS " FROM attacks WHERE rowid = ?", NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, rowid);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    attack = attack_from_row (self, stmt);
  sqlite3_reset (stmt);

  if (attack != NULL)
    attack_load_keys (self, attack);

  return attack;
}

/**
 * md_diary_get_attacks:
 *
 * Returns: (transfer none): every attack, newest first, built lazily
 */
GListModel *
md_diary_get_attacks (MdDiary *self)
{
  g_return_val_if_fail (MD_IS_DIARY (self), NULL);

  return G_LIST_MODEL (self->attacks);
}

/**
 * md_diary_get_attack:
 *
 * Returns: (transfer full) (nullable): the attack
 */
MdAttack *
md_diary_get_attack (MdDiary    *self,
                     const char *uuid)
{
  gint64 rowid;

  g_return_val_if_fail (MD_IS_DIARY (self), NULL);

  rowid = md_diary_rowid_of (self, "attacks", uuid);

  return rowid < 0 ? NULL : md_diary_load_attack (rowid, self);
}

static guint
first_index (char       **keys,
             const char  *key)
{
  guint i = 0;

  while (!g_str_equal (keys[i], key))
    i++;

  return i;
}

static gboolean
validate_attack (MdDiary   *self,
                 MdAttack  *attack,
                 GError   **error)
{
  if (attack->start <= 0)
    return md_diary_invalid (error, _("Start: choose when the attack started."));
  if (!md_diary_check_not_future (self, attack->start, _("Start"), error) ||
      !md_diary_check_offset (attack->start_offset, _("Start"), error))
    return FALSE;
  if (attack->end != 0 && attack->end < attack->start)
    return md_diary_invalid (error, _("End: the attack cannot end before it started."));
  if (attack->end != 0 && (!md_diary_check_not_future (self, attack->end, _("End"), error) ||
                           !md_diary_check_offset (attack->end_offset, _("End"), error)))
    return FALSE;
  if (!md_diary_check_pain (attack->peak_pain, _("Peak pain"), error) ||
      !md_diary_check_nrs (attack->peak_nrs, _("Peak pain from 0 to 10"), error) ||
      !md_diary_check_key (MD_CATALOGUE_AURA, attack->aura, _("Aura"), error) ||
      !md_diary_check_key (MD_CATALOGUE_SIDE, attack->side, _("Side"), error) ||
      !md_diary_check_key (MD_CATALOGUE_QUALITY, attack->quality, _("Quality"), error))
    return FALSE;
  if (attack->disability < -1 || attack->disability > 3)
    return md_diary_invalid (error, _("Disability: choose a level from 0 to 3."));
  if (attack->aura_minutes < -1)
    return md_diary_invalid (error, _("Aura: the duration cannot be negative."));

  for (guint i = 0; attack->symptoms != NULL && attack->symptoms[i] != NULL; i++)
    {
      if (!md_diary_row_exists (self, "SELECT 1 FROM symptoms WHERE key = ?", attack->symptoms[i]))
        return md_diary_invalid (error, _("Symptoms: “%s” is not a known symptom."), attack->symptoms[i]);
      if (first_index (attack->symptoms, attack->symptoms[i]) != i)
        return md_diary_invalid (error, _("Symptoms: “%s” is listed twice; list each symptom once."),
                                 attack->symptoms[i]);
    }

  for (guint i = 0; attack->triggers != NULL && attack->triggers[i] != NULL; i++)
    {
      if (!md_diary_row_exists (self, "SELECT 1 FROM triggers WHERE key = ?", attack->triggers[i]))
        return md_diary_invalid (error, _("Triggers: “%s” is not a known trigger."), attack->triggers[i]);
      if (first_index (attack->triggers, attack->triggers[i]) != i)
        return md_diary_invalid (error, _("Triggers: “%s” is listed twice; list each trigger once."),
                                 attack->triggers[i]);
    }

  return TRUE;
}

/**
 * md_diary_validate_attack:
 *
 * Checks @attack as md_diary_save_attack() would, without saving, so an
 * editor can say what is wrong while the patient types.
 */
gboolean
md_diary_validate_attack (MdDiary   *self,
                          MdAttack  *attack,
                          GError   **error)
{
  g_return_val_if_fail (MD_IS_DIARY (self), FALSE);
  g_return_val_if_fail (MD_IS_ATTACK (attack), FALSE);

  return validate_attack (self, attack, error);
}

static gboolean
write_attack_keys (MdDiary     *self,
                   const char  *delete_sql,
                   const char  *insert_sql,
                   const char  *uuid,
                   char       **keys,
                   GError     **error)
{
  sqlite3_stmt *stmt = md_database_prepare (self->database, delete_sql, error);

  if (stmt == NULL)
    return FALSE;
  md_diary_bind_text (stmt, 1, uuid);
  if (!md_diary_step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      stmt = md_database_prepare (self->database, insert_sql, error);
      if (stmt == NULL)
        return FALSE;
      md_diary_bind_text (stmt, 1, uuid);
      md_diary_bind_text (stmt, 2, keys[i]);
      if (!md_diary_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * md_diary_save_attack:
 * @attack: a new attack (no UUID yet: one is given) or an edited one
 *
 * Validates and saves the attack with its symptoms and triggers in one
 * transaction. Editing never changes the UUID.
 */
gboolean
md_diary_save_attack (MdDiary   *self,
                      MdAttack  *attack,
                      GError   **error)
{
  sqlite3_stmt *stmt;
  gboolean existed;
  gboolean owns;
  gboolean ok;

  g_return_val_if_fail (MD_IS_DIARY (self), FALSE);
  g_return_val_if_fail (MD_IS_ATTACK (attack), FALSE);

  if (!validate_attack (self, attack, error))
    return FALSE;

  md_diary_ensure_uuid (&attack->uuid);
  existed = md_diary_has_uuid (self, "attacks", attack->uuid);

  if (!md_diary_action_begin (self, &owns, error))
    return FALSE;

  stmt = md_database_prepare (self->database,
                              "INSERT INTO attacks (" ATTACK_COLUMNS ") "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                              "ON CONFLICT (uuid) DO UPDATE SET start_time = excluded.start_time, "
                              "start_offset = excluded.start_offset, end_time = excluded.end_time, "
                              "end_offset = excluded.end_offset, peak_pain = excluded.peak_pain, "
                              "peak_nrs = excluded.peak_nrs, aura = excluded.aura, "
                              "aura_minutes = excluded.aura_minutes, side = excluded.side, "
                              "quality = excluded.quality, "
                              "worse_with_activity = excluded.worse_with_activity, "
                              "disability = excluded.disability, notes = excluded.notes",
                              error);
  ok = stmt != NULL;
  if (ok)
    {
      md_diary_bind_text (stmt, 1, attack->uuid);
      sqlite3_bind_int64 (stmt, 2, attack->start);
      sqlite3_bind_int (stmt, 3, attack->start_offset);
      md_diary_bind_time_or_unset (stmt, 4, attack->end);
      if (attack->end == 0)
        sqlite3_bind_null (stmt, 5);
      else
        sqlite3_bind_int (stmt, 5, attack->end_offset);
      sqlite3_bind_int (stmt, 6, attack->peak_pain);
      md_diary_bind_int_or_unset (stmt, 7, attack->peak_nrs);
      md_diary_bind_text (stmt, 8, attack->aura);
      md_diary_bind_int_or_unset (stmt, 9, attack->aura_minutes);
      md_diary_bind_text (stmt, 10, attack->side);
      md_diary_bind_text (stmt, 11, attack->quality);
      md_diary_bind_int_or_unset (stmt, 12, attack->worse_with_activity);
      md_diary_bind_int_or_unset (stmt, 13, attack->disability);
      md_diary_bind_text (stmt, 14, attack->notes != NULL ? attack->notes : "");
      ok = md_diary_step_done (self, stmt, error);
    }

  ok = ok && write_attack_keys (self,
                                "DELETE FROM attack_symptoms WHERE attack_uuid = ?",
                                "INSERT INTO attack_symptoms (attack_uuid, symptom_key) VALUES (?, ?)",
                                attack->uuid, attack->symptoms, error);
  ok = ok && write_attack_keys (self,
                                "DELETE FROM attack_triggers WHERE attack_uuid = ?",
                                "INSERT INTO attack_triggers (attack_uuid, trigger_key) VALUES (?, ?)",
                                attack->uuid, attack->triggers, error);

  if (!md_diary_action_end (self, owns, ok, error))
    return FALSE;

  if (owns)
    {
      md_diary_reload_attacks (self);
      if (existed)
        md_diary_attack_row_changed (self, attack->uuid);
    }

  return TRUE;
}

/**
 * md_diary_list_attacks:
 * @from: unix seconds
 * @to: unix seconds
 *
 * Returns: (transfer full) (element-type MdAttack): the attacks that
 *   overlap [@from, @to), oldest first; an ongoing attack overlaps
 *   everything after its start
 */
GPtrArray *
md_diary_list_attacks (MdDiary *self,
                       gint64   from,
                       gint64   to)
{
  GPtrArray *attacks = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MD_IS_DIARY (self), attacks);

  stmt = md_database_prepare (self->database,
                              "SELECT " ATTACK_COLUMNS " FROM attacks "
                              "WHERE start_time < ? AND (end_time IS NULL OR end_time >= ?) "
                              "ORDER BY start_time, uuid",
                              NULL);
  if (stmt == NULL)
    return attacks;

  sqlite3_bind_int64 (stmt, 1, to);
  sqlite3_bind_int64 (stmt, 2, from);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (attacks, attack_from_row (self, stmt));
  sqlite3_reset (stmt);

  for (guint i = 0; i < attacks->len; i++)
    attack_load_keys (self, g_ptr_array_index (attacks, i));

  return attacks;
}
