/* md-medication.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define MD_TYPE_MEDICATION (md_medication_get_type ())

G_DECLARE_FINAL_TYPE (MdMedication, md_medication, MD, MEDICATION, GObject)

/**
 * MdMedication:
 *
 * A medication in the catalogue. A plain record: the repository (#MdDiary) reads and writes it;
 * the fields are public so editors and statistics read them directly.
 */
struct _MdMedication
{
  GObject parent_instance;

  char     *uuid; /* stable identifier */
  char     *name; /* as the patient knows it */
  char     *med_class; /* a class key, see md_medication_class_get_label() */
  char     *use; /* "acute" or "preventive" */
  double    default_amount; /* prefilled in the dose editor */
  char     *unit; /* "mg", "g", "ml"…: IV magnesium in grams of salt, oral in mg elemental */
  char     *route; /* a route key, see md_route_get_label() */
  char     *builtin_key; /* the preset it came from, or NULL */
  gboolean  archived; /* hidden from pickers, kept for its doses */
};

MdMedication *md_medication_new  (void);
MdMedication *md_medication_copy (MdMedication *self);
const char   *md_medication_get_display_name (MdMedication *self);

G_END_DECLS
