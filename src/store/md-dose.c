/* md-dose.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "md-dose"

#include "config.h"

#include "md-dose.h"

G_DEFINE_FINAL_TYPE (MdDose, md_dose, G_TYPE_OBJECT)

static void
md_dose_finalize (GObject *object)
{
  MdDose *self = MD_DOSE (object);

  g_free (self->uuid);
  g_free (self->medication_uuid);
  g_free (self->attack_uuid);
  g_free (self->unit);
  g_free (self->route);
  g_free (self->setting);
  g_free (self->co_administered);
  g_strfreev (self->side_effects);
  g_free (self->most_bothersome);
  g_free (self->notes);
  g_free (self->purpose);

  G_OBJECT_CLASS (md_dose_parent_class)->finalize (object);
}

static void
md_dose_class_init (MdDoseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = md_dose_finalize;
}

static void
md_dose_init (MdDose *self)
{
  self->cost = -1;
}

MdDose *
md_dose_new (void)
{
  return g_object_new (MD_TYPE_DOSE, NULL);
}

/**
 * md_dose_copy:
 *
 * Returns: (transfer full): a deep copy, e.g. to edit without touching
 *   what a list shows
 */
MdDose *
md_dose_copy (MdDose *self)
{
  MdDose *copy;

  g_return_val_if_fail (MD_IS_DOSE (self), NULL);

  copy = md_dose_new ();
  copy->uuid = g_strdup (self->uuid);
  copy->medication_uuid = g_strdup (self->medication_uuid);
  copy->attack_uuid = g_strdup (self->attack_uuid);
  copy->taken = self->taken;
  copy->taken_offset = self->taken_offset;
  copy->amount = self->amount;
  copy->unit = g_strdup (self->unit);
  copy->route = g_strdup (self->route);
  copy->setting = g_strdup (self->setting);
  copy->infusion_end = self->infusion_end;
  copy->co_administered = g_strdup (self->co_administered);
  copy->side_effects = g_strdupv (self->side_effects);
  copy->cost = self->cost;
  copy->most_bothersome = g_strdup (self->most_bothersome);
  copy->notes = g_strdup (self->notes);
  copy->purpose = g_strdup (self->purpose);

  return copy;
}

/**
 * md_dose_is_for_headache:
 *
 * Returns: whether the dose was taken for a headache (acute use), the
 *   only use with a pain response to follow up (CLINICAL.md)
 */
gboolean
md_dose_is_for_headache (MdDose *self)
{
  g_return_val_if_fail (MD_IS_DOSE (self), FALSE);

  return g_strcmp0 (self->purpose, "acute") == 0;
}
