/* md-reminder.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "md-reminder"

#include "config.h"

#include "md-reminder.h"

G_DEFINE_FINAL_TYPE (MdReminder, md_reminder, G_TYPE_OBJECT)

static void
md_reminder_finalize (GObject *object)
{
  MdReminder *self = MD_REMINDER (object);

  g_free (self->uuid);
  g_free (self->kind);
  g_free (self->title);
  g_free (self->schedule);
  g_free (self->medication_uuid);
  g_free (self->dose_uuid);

  G_OBJECT_CLASS (md_reminder_parent_class)->finalize (object);
}

static void
md_reminder_class_init (MdReminderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = md_reminder_finalize;
}

static void
md_reminder_init (MdReminder *self)
{
  self->enabled = TRUE;
}

MdReminder *
md_reminder_new (void)
{
  return g_object_new (MD_TYPE_REMINDER, NULL);
}

/**
 * md_reminder_copy:
 *
 * Returns: (transfer full): a deep copy, e.g. to edit without touching
 *   what a list shows
 */
MdReminder *
md_reminder_copy (MdReminder *self)
{
  MdReminder *copy;

  g_return_val_if_fail (MD_IS_REMINDER (self), NULL);

  copy = md_reminder_new ();
  copy->uuid = g_strdup (self->uuid);
  copy->kind = g_strdup (self->kind);
  copy->title = g_strdup (self->title);
  copy->schedule = g_strdup (self->schedule);
  copy->medication_uuid = g_strdup (self->medication_uuid);
  copy->dose_uuid = g_strdup (self->dose_uuid);
  copy->enabled = self->enabled;
  copy->last_fired = self->last_fired;
  copy->snoozed_until = self->snoozed_until;

  return copy;
}
