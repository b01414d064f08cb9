/* md-pain-reading.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define MD_TYPE_PAIN_READING (md_pain_reading_get_type ())

G_DECLARE_FINAL_TYPE (MdPainReading, md_pain_reading, MD, PAIN_READING, GObject)

/**
 * MdPainReading:
 *
 * How much pain at one moment of an attack. A plain record: the repository (#MdDiary) reads and writes it;
 * the fields are public so editors and statistics read them directly.
 */
struct _MdPainReading
{
  GObject parent_instance;

  char     *uuid; /* stable identifier */
  char     *attack_uuid; /* the attack */
  char     *dose_uuid; /* the dose it follows up, or NULL */
  gint64    time; /* unix seconds, UTC */
  int       time_offset; /* UTC offset in seconds when entered */
  int       pain; /* IHS 0–3 */
  int       nrs; /* 0–10, or -1 when not given */
  int       mbs_present; /* most bothersome symptom present: 1, 0, or -1 when not asked */
};

MdPainReading *md_pain_reading_new  (void);
MdPainReading *md_pain_reading_copy (MdPainReading *self);

G_END_DECLS
