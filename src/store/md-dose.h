/* md-dose.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define MD_TYPE_DOSE (md_dose_get_type ())

G_DECLARE_FINAL_TYPE (MdDose, md_dose, MD, DOSE, GObject)

/**
 * MdDose:
 *
 * One dose of a medication. A plain record: the repository (#MdDiary) reads and writes it;
 * the fields are public so editors and statistics read them directly.
 */
struct _MdDose
{
  GObject parent_instance;

  char     *uuid; /* stable identifier */
  char     *medication_uuid; /* the medication taken */
  char     *attack_uuid; /* the attack it treated, or NULL */
  gint64    taken; /* unix seconds, UTC; infusion start */
  int       taken_offset; /* UTC offset in seconds when entered */
  double    amount; /* > 0 */
  char     *unit; /* unit of @amount */
  char     *route; /* a route key */
  char     *setting; /* "home", "clinic" or "emergency-room" */
  gint64    infusion_end; /* unix seconds, UTC; 0 when not an infusion */
  char     *co_administered; /* other drugs given with it */
  char    **side_effects; /* side-effect keys */
  double    cost; /* what it cost, or -1 */
  char     *most_bothersome; /* the symptom that bothered most at dose time, or NULL */
  char     *notes; /* free text */
  char     *purpose; /* "acute" (for a headache) or "prevention"; NULL: md_diary_save_dose()
                      * picks the default, see md_diary_get_default_dose_purpose() */
};

MdDose *md_dose_new  (void);
MdDose *md_dose_copy (MdDose *self);
gboolean md_dose_is_for_headache (MdDose *self);

G_END_DECLS
