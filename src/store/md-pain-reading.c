/* md-pain-reading.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "md-pain-reading"

#include "config.h"

#include "md-pain-reading.h"

G_DEFINE_FINAL_TYPE (MdPainReading, md_pain_reading, G_TYPE_OBJECT)

static void
md_pain_reading_finalize (GObject *object)
{
  MdPainReading *self = MD_PAIN_READING (object);

  g_free (self->uuid);
  g_free (self->attack_uuid);
  g_free (self->dose_uuid);

  G_OBJECT_CLASS (md_pain_reading_parent_class)->finalize (object);
}

static void
md_pain_reading_class_init (MdPainReadingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = md_pain_reading_finalize;
}

static void
md_pain_reading_init (MdPainReading *self)
{
  self->nrs = -1;
  self->mbs_present = -1;
}

MdPainReading *
md_pain_reading_new (void)
{
  return g_object_new (MD_TYPE_PAIN_READING, NULL);
}

/**
 * md_pain_reading_copy:
 *
 * Returns: (transfer full): a deep copy, e.g. to edit without touching
 *   what a list shows
 */
MdPainReading *
md_pain_reading_copy (MdPainReading *self)
{
  MdPainReading *copy;

  g_return_val_if_fail (MD_IS_PAIN_READING (self), NULL);

  copy = md_pain_reading_new ();
  copy->uuid = g_strdup (self->uuid);
  copy->attack_uuid = g_strdup (self->attack_uuid);
  copy->dose_uuid = g_strdup (self->dose_uuid);
  copy->time = self->time;
  copy->time_offset = self->time_offset;
  copy->pain = self->pain;
  copy->nrs = self->nrs;
  copy->mbs_present = self->mbs_present;

  return copy;
}
