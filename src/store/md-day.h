/* md-day.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define MD_TYPE_DAY (md_day_get_type ())

G_DECLARE_FINAL_TYPE (MdDay, md_day, MD, DAY, GObject)

/**
 * MdDay:
 *
 * An explicitly recorded calendar day. A plain record: the repository (#MdDiary) reads and writes it;
 * the fields are public so editors and statistics read them directly.
 */
struct _MdDay
{
  GObject parent_instance;

  char     *uuid; /* stable identifier */
  char     *date; /* local calendar day, YYYY-MM-DD */
  char     *status; /* "headache-free", "headache", or NULL when only other facts were recorded */
  gboolean  menstruation; /* bleeding on this day */
  char     *notes; /* free text */
};

/**
 * MdDayConflicts:
 * @MD_DAY_CONFLICT_NONE: the two records agree, or one fills the other
 * @MD_DAY_CONFLICT_STATUS: one says headache-free, the other headache
 * @MD_DAY_CONFLICT_NOTES: both have notes, and neither holds the other's
 *
 * Where two records of one calendar day say different things.
 */
typedef enum
{
  MD_DAY_CONFLICT_NONE   = 0,
  MD_DAY_CONFLICT_STATUS = 1 << 0,
  MD_DAY_CONFLICT_NOTES  = 1 << 1,
} MdDayConflicts;

MdDay          *md_day_new               (void);
MdDay          *md_day_copy              (MdDay       *self);
MdDayConflicts  md_day_merge             (MdDay       *self,
                                          MdDay       *other,
                                          gboolean    *out_changed);
gboolean        md_day_date_is_canonical (const char  *date);

G_END_DECLS
