/* md-day.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "md-day"

#include "config.h"

#include <string.h>

#include "md-day.h"

G_DEFINE_FINAL_TYPE (MdDay, md_day, G_TYPE_OBJECT)

static void
md_day_finalize (GObject *object)
{
  MdDay *self = MD_DAY (object);

  g_free (self->uuid);
  g_free (self->date);
  g_free (self->status);
  g_free (self->notes);

  G_OBJECT_CLASS (md_day_parent_class)->finalize (object);
}

static void
md_day_class_init (MdDayClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = md_day_finalize;
}

static void
md_day_init (MdDay *self)
{
}

MdDay *
md_day_new (void)
{
  return g_object_new (MD_TYPE_DAY, NULL);
}

/**
 * md_day_copy:
 *
 * Returns: (transfer full): a deep copy, e.g. to edit without touching
 *   what a list shows
 */
MdDay *
md_day_copy (MdDay *self)
{
  MdDay *copy;

  g_return_val_if_fail (MD_IS_DAY (self), NULL);

  copy = md_day_new ();
  copy->uuid = g_strdup (self->uuid);
  copy->date = g_strdup (self->date);
  copy->status = g_strdup (self->status);
  copy->menstruation = self->menstruation;
  copy->notes = g_strdup (self->notes);

  return copy;
}

static gboolean
is_empty (const char *text)
{
  return text == NULL || text[0] == '\0';
}

/**
 * md_day_merge:
 * @self: the record that is kept
 * @other: another record of the same calendar day
 * @out_changed: (out) (optional): whether @self took anything from @other
 *
 * Fills in what @self leaves open from @other: the status, menstruation
 * (a day without it says nothing about it) and the notes. Where both say
 * something different, @self keeps its own and the conflict is returned,
 * for the caller to keep or to report: nothing is dropped silently.
 *
 * Returns: where the two records disagree
 */
MdDayConflicts
md_day_merge (MdDay    *self,
              MdDay    *other,
              gboolean *out_changed)
{
  MdDayConflicts conflicts = MD_DAY_CONFLICT_NONE;
  gboolean changed = FALSE;

  g_return_val_if_fail (MD_IS_DAY (self), MD_DAY_CONFLICT_NONE);
  g_return_val_if_fail (MD_IS_DAY (other), MD_DAY_CONFLICT_NONE);

  if (self->status == NULL && other->status != NULL)
    {
      self->status = g_strdup (other->status);
      changed = TRUE;
    }
  else if (other->status != NULL && g_strcmp0 (self->status, other->status) != 0)
    conflicts |= MD_DAY_CONFLICT_STATUS;

  if (!self->menstruation && other->menstruation)
    {
      self->menstruation = TRUE;
      changed = TRUE;
    }

  if (is_empty (self->notes) && !is_empty (other->notes))
    {
      g_free (self->notes);
      self->notes = g_strdup (other->notes);
      changed = TRUE;
    }
  else if (!is_empty (other->notes) && strstr (self->notes, other->notes) == NULL)
    conflicts |= MD_DAY_CONFLICT_NOTES;

  if (out_changed != NULL)
    *out_changed = changed;

  return conflicts;
}

/**
 * md_day_date_is_canonical:
 * @date: (nullable): a calendar day
 *
 * Whether @date is a real day written the one way the diary writes days,
 * YYYY-MM-DD: "2024-01-+1", "2024-01- 1" or " 2024-1-01" would make a
 * second record of the same day.
 */
gboolean
md_day_date_is_canonical (const char *date)
{
  guint year = 0;
  guint month = 0;
  guint day = 0;

  if (date == NULL || strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        continue;
      if (!g_ascii_isdigit (date[i]))
        return FALSE;
      if (i < 4)
        year = year * 10 + g_ascii_digit_value (date[i]);
      else if (i < 7)
        month = month * 10 + g_ascii_digit_value (date[i]);
      else
        day = day * 10 + g_ascii_digit_value (date[i]);
    }

  return g_date_valid_dmy (day, month, year);
}
