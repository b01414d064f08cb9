/* md-medication.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "md-medication"

#include "config.h"

#include "md-catalogue.h"
#include "md-medication.h"

G_DEFINE_FINAL_TYPE (MdMedication, md_medication, G_TYPE_OBJECT)

static void
md_medication_finalize (GObject *object)
{
  MdMedication *self = MD_MEDICATION (object);

  g_free (self->uuid);
  g_free (self->name);
  g_free (self->med_class);
  g_free (self->use);
  g_free (self->unit);
  g_free (self->route);
  g_free (self->builtin_key);

  G_OBJECT_CLASS (md_medication_parent_class)->finalize (object);
}

static void
md_medication_class_init (MdMedicationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = md_medication_finalize;
}

static void
md_medication_init (MdMedication *self)
{
}

MdMedication *
md_medication_new (void)
{
  return g_object_new (MD_TYPE_MEDICATION, NULL);
}

/**
 * md_medication_copy:
 *
 * Returns: (transfer full): a deep copy, e.g. to edit without touching
 *   what a list shows
 */
MdMedication *
md_medication_copy (MdMedication *self)
{
  MdMedication *copy;

  g_return_val_if_fail (MD_IS_MEDICATION (self), NULL);

  copy = md_medication_new ();
  copy->uuid = g_strdup (self->uuid);
  copy->name = g_strdup (self->name);
  copy->med_class = g_strdup (self->med_class);
  copy->use = g_strdup (self->use);
  copy->default_amount = self->default_amount;
  copy->unit = g_strdup (self->unit);
  copy->route = g_strdup (self->route);
  copy->builtin_key = g_strdup (self->builtin_key);
  copy->archived = self->archived;

  return copy;
}

/**
 * md_medication_get_display_name:
 *
 * Returns: the name to show: a preset's in the patient's language until
 *   it is renamed (see md_medication_name_shown()); never for the CSV
 */
const char *
md_medication_get_display_name (MdMedication *self)
{
  g_return_val_if_fail (MD_IS_MEDICATION (self), NULL);

  return md_medication_name_shown (self->name, self->builtin_key);
}
