/* md-attack.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "md-attack"

#include "config.h"

#include "md-attack.h"

G_DEFINE_FINAL_TYPE (MdAttack, md_attack, G_TYPE_OBJECT)

static void
md_attack_finalize (GObject *object)
{
  MdAttack *self = MD_ATTACK (object);

  g_free (self->uuid);
  g_free (self->aura);
  g_free (self->side);
  g_free (self->quality);
  g_free (self->notes);
  g_strfreev (self->symptoms);
  g_strfreev (self->triggers);

  G_OBJECT_CLASS (md_attack_parent_class)->finalize (object);
}

static void
md_attack_class_init (MdAttackClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = md_attack_finalize;
}

static void
md_attack_init (MdAttack *self)
{
  self->peak_nrs = -1;
  self->aura_minutes = -1;
  self->worse_with_activity = -1;
  self->disability = -1;
}

MdAttack *
md_attack_new (void)
{
  return g_object_new (MD_TYPE_ATTACK, NULL);
}

/**
 * md_attack_copy:
 *
 * Returns: (transfer full): a deep copy, e.g. to edit without touching
 *   what a list shows
 */
MdAttack *
md_attack_copy (MdAttack *self)
{
  MdAttack *copy;

  g_return_val_if_fail (MD_IS_ATTACK (self), NULL);

  copy = md_attack_new ();
  copy->uuid = g_strdup (self->uuid);
  copy->start = self->start;
  copy->start_offset = self->start_offset;
  copy->end = self->end;
  copy->end_offset = self->end_offset;
  copy->peak_pain = self->peak_pain;
  copy->peak_nrs = self->peak_nrs;
  copy->aura = g_strdup (self->aura);
  copy->aura_minutes = self->aura_minutes;
  copy->side = g_strdup (self->side);
  copy->quality = g_strdup (self->quality);
  copy->worse_with_activity = self->worse_with_activity;
  copy->disability = self->disability;
  copy->notes = g_strdup (self->notes);
  copy->symptoms = g_strdupv (self->symptoms);
  copy->triggers = g_strdupv (self->triggers);

  return copy;
}
