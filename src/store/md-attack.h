/* md-attack.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define MD_TYPE_ATTACK (md_attack_get_type ())

G_DECLARE_FINAL_TYPE (MdAttack, md_attack, MD, ATTACK, GObject)

/**
 * MdAttack:
 *
 * One migraine attack. A plain record: the repository (#MdDiary) reads and writes it;
 * the fields are public so editors and statistics read them directly.
 */
struct _MdAttack
{
  GObject parent_instance;

  char     *uuid; /* stable identifier */
  gint64    start; /* unix seconds, UTC */
  int       start_offset; /* UTC offset in seconds when entered */
  gint64    end; /* unix seconds, UTC; 0 while the attack is ongoing */
  int       end_offset; /* UTC offset in seconds when entered */
  int       peak_pain; /* IHS 0–3 */
  int       peak_nrs; /* 0–10, or -1 when not given */
  char     *aura; /* an aura key, or NULL for none */
  int       aura_minutes; /* duration of the aura, or -1 */
  char     *side; /* "left", "right", "both", "shifting" or NULL */
  char     *quality; /* "pulsating", "pressing", "other" or NULL */
  int       worse_with_activity; /* 1 yes, 0 no, -1 not given */
  int       disability; /* 0–3, or -1 when not given */
  char     *notes; /* free text */
  char    **symptoms; /* symptom keys */
  char    **triggers; /* trigger keys */
};

MdAttack *md_attack_new  (void);
MdAttack *md_attack_copy (MdAttack *self);

G_END_DECLS
