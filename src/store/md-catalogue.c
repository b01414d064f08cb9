/* md-catalogue.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "md-catalogue"

#include "config.h"

#include <glib/gi18n.h>

#include "md-catalogue.h"

/* Classes follow CLINICAL.md: by product, not molecule — aspirin +
 * paracetamol + caffeine is a combination analgesic; ibuprofen +
 * paracetamol without an adjuvant is a non-opioid analgesic. No label
 * has a comma: labels are listed with commas in the report.
 *
 * "Other" is one word in English only: it agrees with what it stands
 * for (Polish "Inna klasa", "Inne działanie"), so each catalogue gives
 * it its own context. */
static const MdCatalogueEntry medication_classes[] = {
  { "triptan", N_("Triptan") },
  { "ergot", N_("Ergot") },
  { "opioid", N_("Opioid") },
  { "combination-analgesic", N_("Combination analgesic") },
  { "non-opioid-analgesic", N_("Non-opioid analgesic") },
  { "gepant", N_("Gepant") },
  { "ditan", N_("Ditan") },
  { "antiemetic", N_("Antiemetic") },
  { "magnesium-iv", N_("Intravenous magnesium") },
  { "magnesium-oral", N_("Oral magnesium") },
  { "corticosteroid", N_("Corticosteroid") },
  /* Translators: a medication class */
  { "other", NC_("medication class", "Other"), "medication class" },
};

static const MdCatalogueEntry routes[] = {
  { "oral", N_("By mouth") },
  { "iv", N_("Intravenous") },
  { "nasal", N_("Nasal spray") },
  { "subcutaneous", N_("Injection under the skin") },
  { "intramuscular", N_("Injection into a muscle") },
  { "rectal", N_("Rectal") },
  /* Translators: a route of administration */
  { "other", NC_("route", "Other"), "route" },
};

static const MdCatalogueEntry settings[] = {
  { "home", N_("Home") },
  { "clinic", N_("Clinic") },
  { "emergency-room", N_("Emergency room") },
};

static const MdCatalogueEntry symptoms[] = {
  { "nausea", N_("Nausea") },
  { "vomiting", N_("Vomiting") },
  { "photophobia", N_("Sensitivity to light") },
  { "phonophobia", N_("Sensitivity to sound") },
  { "osmophobia", N_("Sensitivity to smell") },
  { "dizziness", N_("Dizziness") },
  { "neck-pain", N_("Neck pain") },
  { "fatigue", N_("Fatigue") },
  { "difficulty-concentrating", N_("Difficulty concentrating") },
};

static const MdCatalogueEntry triggers[] = {
  { "stress", N_("Stress") },
  { "sleep", N_("Too little or too much sleep") },
  { "menstruation", N_("Menstruation") },
  { "alcohol", N_("Alcohol") },
  { "skipped-meal", N_("Skipped meal") },
  { "weather", N_("Weather") },
  { "bright-light", N_("Bright light") },
  { "screen-time", N_("Screen time") },
  { "dehydration", N_("Not drinking enough") },
  { "exercise", N_("Physical exertion") },
};

static const MdCatalogueEntry side_effects[] = {
  { "flushing", N_("Flushing") },
  { "warmth", N_("Feeling of warmth") },
  { "infusion-site-burning", N_("Burning at the infusion site") },
  { "dizziness", N_("Dizziness") },
  { "nausea", N_("Nausea") },
  { "low-blood-pressure", N_("Low blood pressure") },
  { "chest-tightness", N_("Chest tightness") },
  { "drowsiness", N_("Drowsiness") },
  /* Translators: a side effect */
  { "other", NC_("side effect", "Other"), "side effect" },
};

static const MdCatalogueEntry auras[] = {
  { "visual", N_("Visual") },
  { "sensory", N_("Sensory") },
  { "speech", N_("Speech or language") },
  { "motor", N_("Motor") },
  { "brainstem", N_("Brainstem") },
  { "retinal", N_("Retinal") },
};

static const MdCatalogueEntry sides[] = {
  { "left", N_("Left") },
  { "right", N_("Right") },
  { "both", N_("Both sides") },
  { "shifting", N_("Shifting sides") },
};

static const MdCatalogueEntry qualities[] = {
  { "pulsating", N_("Pulsating") },
  { "pressing", N_("Pressing") },
  /* Translators: a quality of headache pain (not pulsating, not pressing) */
  { "other", NC_("pain quality", "Other"), "pain quality" },
};

static const MdCatalogueEntry day_statuses[] = {
  { "headache-free", N_("No headache") },
  { "headache", N_("Headache") },
};

static const MdCatalogueEntry uses[] = {
  { "acute", N_("Acute") },
  { "preventive", N_("Preventive") },
};

static const MdCatalogueEntry reminder_kinds[] = {
  { "check-in", N_("Daily check-in") },
  { "medication", N_("Medication") },
  { "appointment", N_("Appointment") },
  { "follow-up", N_("Pain follow-up") },
};

/* The preset medications as the first migration seeds them
 * (md-database.c), by builtin_key. Their names are stored in English,
 * so that the diary and its CSV read the same in every language, and
 * shown translated until the patient renames them. */
static const MdCatalogueEntry presets[] = {
  /* Translators: the preset medications. Use the generic names (INN)
   * and the way your country writes a product, e.g. German
   * "ASS + Paracetamol + Coffein", "Magnesiumsulfat i.v. 1 g"; keep the
   * amounts and units. IV magnesium is grams of magnesium sulfate salt,
   * oral magnesium milligrams of elemental magnesium. */
  { "magnesium-sulfate-iv-1g", N_("Magnesium sulfate IV 1 g") },
  { "magnesium-sulfate-iv-2g", N_("Magnesium sulfate IV 2 g") },
  { "magnesium-oral-400mg", N_("Magnesium 400 mg (elemental)") },
  { "magnesium-oral-600mg", N_("Magnesium 600 mg (elemental)") },
  { "sumatriptan-50mg", N_("Sumatriptan 50 mg") },
  { "sumatriptan-6mg-sc", N_("Sumatriptan 6 mg injection") },
  { "rizatriptan-10mg", N_("Rizatriptan 10 mg") },
  { "zolmitriptan-2-5mg", N_("Zolmitriptan 2.5 mg") },
  { "eletriptan-40mg", N_("Eletriptan 40 mg") },
  { "ibuprofen-400mg", N_("Ibuprofen 400 mg") },
  { "naproxen-500mg", N_("Naproxen 500 mg") },
  { "aspirin-1000mg", N_("Aspirin 1000 mg") },
  { "diclofenac-50mg", N_("Diclofenac 50 mg") },
  { "paracetamol-1000mg", N_("Paracetamol 1000 mg") },
  { "aspirin-paracetamol-caffeine", N_("Aspirin + paracetamol + caffeine") },
  { "metoclopramide-10mg", N_("Metoclopramide 10 mg") },
  { "propranolol-80mg", N_("Propranolol 80 mg") },
  { "topiramate-50mg", N_("Topiramate 50 mg") },
};

static const struct {
  const MdCatalogueEntry *entries;
  guint                   n_entries;
  const char             *name;
} catalogues[MD_N_CATALOGUES] = {
  [MD_CATALOGUE_MEDICATION_CLASS] = { medication_classes, G_N_ELEMENTS (medication_classes), N_("medication class") },
  [MD_CATALOGUE_ROUTE] = { routes, G_N_ELEMENTS (routes), N_("route") },
  [MD_CATALOGUE_SETTING] = { settings, G_N_ELEMENTS (settings), N_("setting") },
  [MD_CATALOGUE_SYMPTOM] = { symptoms, G_N_ELEMENTS (symptoms), N_("symptom") },
  [MD_CATALOGUE_TRIGGER] = { triggers, G_N_ELEMENTS (triggers), N_("trigger") },
  [MD_CATALOGUE_SIDE_EFFECT] = { side_effects, G_N_ELEMENTS (side_effects), N_("side effect") },
  [MD_CATALOGUE_AURA] = { auras, G_N_ELEMENTS (auras), N_("aura") },
  [MD_CATALOGUE_SIDE] = { sides, G_N_ELEMENTS (sides), N_("side") },
  [MD_CATALOGUE_QUALITY] = { qualities, G_N_ELEMENTS (qualities), N_("pain quality") },
  [MD_CATALOGUE_DAY_STATUS] = { day_statuses, G_N_ELEMENTS (day_statuses), N_("day status") },
  [MD_CATALOGUE_USE] = { uses, G_N_ELEMENTS (uses), N_("use") },
  [MD_CATALOGUE_REMINDER_KIND] = { reminder_kinds, G_N_ELEMENTS (reminder_kinds), N_("reminder kind") },
};

const MdCatalogueEntry *
md_catalogue_get_entries (MdCatalogue  catalogue,
                          guint       *n_entries)
{
  g_return_val_if_fail (catalogue < MD_N_CATALOGUES, NULL);

  if (n_entries != NULL)
    *n_entries = catalogues[catalogue].n_entries;

  return catalogues[catalogue].entries;
}

gboolean
md_catalogue_has_key (MdCatalogue  catalogue,
                      const char  *key)
{
  return md_catalogue_get_label (catalogue, key) != NULL;
}

/**
 * md_catalogue_get_label:
 *
 * Returns: (nullable): the translated label of @key, or %NULL when
 *   @key is not a built-in entry
 */
const char *
md_catalogue_get_label (MdCatalogue  catalogue,
                        const char  *key)
{
  g_return_val_if_fail (catalogue < MD_N_CATALOGUES, NULL);

  if (key == NULL)
    return NULL;

  for (guint i = 0; i < catalogues[catalogue].n_entries; i++)
    {
      const MdCatalogueEntry *entry = &catalogues[catalogue].entries[i];

      if (g_str_equal (entry->key, key))
        return entry->context != NULL ? g_dpgettext2 (NULL, entry->context, entry->label) : _(entry->label);
    }

  return NULL;
}

/**
 * md_catalogue_get_name:
 *
 * Returns: what the catalogue holds, translated, for error messages
 */
const char *
md_catalogue_get_name (MdCatalogue catalogue)
{
  g_return_val_if_fail (catalogue < MD_N_CATALOGUES, NULL);

  return _(catalogues[catalogue].name);
}

/**
 * md_catalogue_get_key_at:
 *
 * Returns: (nullable): the key of the @position-th entry, in the order of
 *   md_catalogue_get_entries()
 */
const char *
md_catalogue_get_key_at (MdCatalogue catalogue,
                         guint       position)
{
  g_return_val_if_fail (catalogue < MD_N_CATALOGUES, NULL);

  return position < catalogues[catalogue].n_entries ? catalogues[catalogue].entries[position].key : NULL;
}

/**
 * md_catalogue_get_position:
 *
 * Returns: the position of @key, or 0 (the first entry) when unknown
 */
guint
md_catalogue_get_position (MdCatalogue  catalogue,
                           const char  *key)
{
  g_return_val_if_fail (catalogue < MD_N_CATALOGUES, 0);

  for (guint i = 0; i < catalogues[catalogue].n_entries; i++)
    if (g_strcmp0 (catalogues[catalogue].entries[i].key, key) == 0)
      return i;

  return 0;
}

/**
 * md_catalogue_get_preset_name:
 * @builtin_key: (nullable): a medication's builtin_key
 *
 * Returns: (nullable): the English name the preset was seeded with,
 *   untranslated, or %NULL when @builtin_key is not a preset
 */
const char *
md_catalogue_get_preset_name (const char *builtin_key)
{
  if (builtin_key == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    if (g_str_equal (presets[i].key, builtin_key))
      return presets[i].label;

  return NULL;
}

/**
 * md_medication_name_shown:
 * @name: a medication's name as stored
 * @builtin_key: (nullable): its builtin_key
 *
 * A preset keeps the English name it was seeded with until the patient
 * renames it; until then it is shown in the patient's language. A name
 * the patient gave is shown as it is.
 *
 * Returns: the name to show
 */
const char *
md_medication_name_shown (const char *name,
                          const char *builtin_key)
{
  const char *preset = md_catalogue_get_preset_name (builtin_key);

  if (preset != NULL && g_strcmp0 (name, preset) == 0)
    return _(preset);

  return name;
}

/**
 * md_pain_level_get_label:
 * @pain: 0–3
 *
 * Returns: the translated name of an IHS pain level
 */
const char *
md_pain_level_get_label (int pain)
{
  switch (pain)
    {
    /* Translators: IHS pain scale level 0 */
    case 0: return C_("pain", "None");
    /* Translators: IHS pain scale level 1 */
    case 1: return C_("pain", "Mild");
    /* Translators: IHS pain scale level 2 */
    case 2: return C_("pain", "Moderate");
    /* Translators: IHS pain scale level 3 */
    case 3: return C_("pain", "Severe");
    default: return C_("pain", "Not given");
    }
}
