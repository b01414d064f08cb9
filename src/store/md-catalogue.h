/* md-catalogue.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * MdCatalogue:
 *
 * The fixed vocabularies of the diary. Entries are stored by key, which
 * never changes, and shown by their translated label.
 */
typedef enum
{
  MD_CATALOGUE_MEDICATION_CLASS,
  MD_CATALOGUE_ROUTE,
  MD_CATALOGUE_SETTING,
  MD_CATALOGUE_SYMPTOM,
  MD_CATALOGUE_TRIGGER,
  MD_CATALOGUE_SIDE_EFFECT,
  MD_CATALOGUE_AURA,
  MD_CATALOGUE_SIDE,
  MD_CATALOGUE_QUALITY,
  MD_CATALOGUE_DAY_STATUS,
  MD_CATALOGUE_USE,
  MD_CATALOGUE_REMINDER_KIND,
  MD_N_CATALOGUES
} MdCatalogue;

typedef struct
{
  const char *key;
  const char *label;   /* untranslated; use md_catalogue_get_label() */
  const char *context; /* of the label's message, where the same word
                        * needs another translation elsewhere; or NULL */
} MdCatalogueEntry;

const MdCatalogueEntry *md_catalogue_get_entries (MdCatalogue  catalogue,
                                                  guint       *n_entries);
gboolean                md_catalogue_has_key     (MdCatalogue  catalogue,
                                                  const char  *key);
const char             *md_catalogue_get_label   (MdCatalogue  catalogue,
                                                  const char  *key);
const char             *md_catalogue_get_name    (MdCatalogue  catalogue);
const char             *md_catalogue_get_key_at  (MdCatalogue  catalogue,
                                                  guint        position);
guint                   md_catalogue_get_position (MdCatalogue catalogue,
                                                  const char  *key);

const char             *md_catalogue_get_preset_name (const char *builtin_key);
const char             *md_medication_name_shown (const char  *name,
                                                  const char  *builtin_key);

const char             *md_pain_level_get_label  (int          pain);

G_END_DECLS
