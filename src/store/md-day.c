/* md-day.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "md-day"

#include "config.h"

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
