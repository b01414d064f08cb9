/* md-generate-diary.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes a realistic, deterministic synthetic diary through the app's own
 * store, for tests and benchmarks:
 *
 *   md-generate-diary --years N [--seed S] [--end YYYY-MM-DD] FILE
 *   md-generate-diary --attacks N [--seed S] FILE      (a stress diary)
 *
 * The patient: roughly ten migraine attacks a month at baseline, with a
 * seasonal swing, more around menstruation, some attacks over midnight,
 * a few untracked weeks a year. After 60 % of the span, oral magnesium is
 * started as a preventive course and attacks become about half as
 * frequent. Most attacks are treated (a triptan, an NSAID or a
 * combination analgesic; a few severe ones with IV magnesium at a
 * clinic), with pain at dose time, usually at 2 h and sometimes at 24 h,
 * and now and then a rescue dose.
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "md-diary.h"
#include "md-test-utils.h"

#define DAY (24 * 3600)
#define HOUR 3600

typedef struct
{
  MdDiary   *diary;
  GRand     *rand;
  GTimeZone *zone;
  guint      attacks;
  guint      doses;
  guint      readings;
  guint      days;
} Generator;

static void
save_or_die (gboolean    ok,
             GError     *error,
             const char *what)
{
  if (!ok)
    {
      g_printerr ("md-generate-diary: could not save %s: %s\n", what, error->message);
      exit (1);
    }
}

static int
offset_at (Generator *gen,
           gint64     unix_time)
{
  g_autoptr(GDateTime) t = g_date_time_new_from_unix_local (unix_time);
  g_autoptr(GDateTime) zoned = g_date_time_to_timezone (t, gen->zone);

  return (int) (g_date_time_get_utc_offset (zoned) / G_TIME_SPAN_SECOND);
}

static void
add_reading (Generator  *gen,
             const char *attack_uuid,
             const char *dose_uuid,
             gint64      time,
             int         pain)
{
  g_autoptr(MdPainReading) reading = md_pain_reading_new ();
  GError *error = NULL;

  reading->attack_uuid = g_strdup (attack_uuid);
  reading->dose_uuid = g_strdup (dose_uuid);
  reading->time = time;
  reading->time_offset = offset_at (gen, time);
  reading->pain = pain;
  reading->mbs_present = dose_uuid != NULL ? (pain >= 2) : -1;
  save_or_die (md_diary_save_pain_reading (gen->diary, reading, &error), error, "a pain reading");
  gen->readings++;
}

static MdDose *
add_dose (Generator  *gen,
          const char *medication,
          double      amount,
          const char *unit,
          const char *route,
          const char *setting,
          const char *attack_uuid,
          gint64      taken)
{
  MdDose *dose = md_test_dose_new (medication, amount, unit, route, setting, taken);
  GError *error = NULL;

  dose->attack_uuid = g_strdup (attack_uuid);
  dose->taken_offset = offset_at (gen, taken);
  if (g_str_equal (route, "iv"))
    {
      dose->infusion_end = taken + 20 * 60;
      dose->co_administered = g_strdup ("Metoclopramide 10 mg IV");
      if (g_rand_double (gen->rand) < 0.4)
        dose->side_effects = g_strsplit ("warmth,flushing", ",", -1);
    }
  save_or_die (md_diary_save_dose (gen->diary, dose, &error), error, "a dose");
  gen->doses++;

  return dose;
}

static void
treat (Generator *gen,
       MdAttack  *attack,
       gboolean   preventive_on)
{
  GRand *r = gen->rand;
  double choice = g_rand_double (r);
  gint64 taken = attack->start + g_rand_int_range (r, 20, 150) * 60;
  int eased = attack->peak_pain - (g_rand_double (r) < 0.35 ? 1 : 0);
  int pain_at_dose = CLAMP (eased, 1, 3);
  g_autoptr(MdDose) dose = NULL;
  double pain_free_chance;
  int pain_2h;

  if (attack->end != 0 && taken > attack->end)
    taken = attack->start + 10 * 60;

  if (attack->peak_pain == 3 && choice < 0.12)
    {
      dose = add_dose (gen, "preset-magnesium-sulfate-iv-1g", 1, "g", "iv",
                       g_rand_double (r) < 0.5 ? "clinic" : "emergency-room",
                       attack->uuid, taken + 2 * HOUR);
      pain_free_chance = 0.3;
    }
  else if (choice < 0.6)
    {
      dose = add_dose (gen, "preset-sumatriptan-50mg", 50, "mg", "oral", "home", attack->uuid, taken);
      /* Treating at mild pain roughly doubles the pain-free rate. */
      pain_free_chance = pain_at_dose == 1 ? 0.6 : 0.3;
    }
  else if (choice < 0.85)
    {
      dose = add_dose (gen, "preset-ibuprofen-400mg", 400, "mg", "oral", "home", attack->uuid, taken);
      pain_free_chance = pain_at_dose == 1 ? 0.4 : 0.15;
    }
  else
    {
      dose = add_dose (gen, "preset-aspirin-paracetamol-caffeine", 1, "tablet", "oral", "home",
                       attack->uuid, taken);
      pain_free_chance = pain_at_dose == 1 ? 0.45 : 0.2;
    }

  if (preventive_on)
    pain_free_chance += 0.05;

  add_reading (gen, attack->uuid, dose->uuid, dose->taken, pain_at_dose);

  pain_2h = g_rand_double (r) < pain_free_chance ? 0 : g_rand_int_range (r, 1, pain_at_dose + 1);

  /* Some follow-ups are never answered: missing, not failure. */
  if (g_rand_double (r) < 0.8 && dose->taken + 2 * HOUR <= (attack->end ? attack->end + DAY : dose->taken + 2 * HOUR))
    add_reading (gen, attack->uuid, dose->uuid, dose->taken + 2 * HOUR + g_rand_int_range (r, -10, 11) * 60, pain_2h);

  if (pain_2h >= 1 && g_rand_double (r) < 0.8)
    {
      g_autoptr(MdDose) rescue = add_dose (gen, "preset-ibuprofen-400mg", 400, "mg", "oral", "home",
                                           attack->uuid, dose->taken + 3 * HOUR);
    }

  if (g_rand_double (r) < 0.3 && attack->end != 0 && attack->end > dose->taken + 24 * HOUR - 1)
    add_reading (gen, attack->uuid, dose->uuid, dose->taken + 24 * HOUR, pain_2h > 0 ? 1 : 0);
}

/* Returns when the attack ended: a new one starts only after a day free. */
static gint64
add_attack (Generator *gen,
            gint64     start,
            gboolean   preventive_on,
            gboolean   full_details)
{
  GRand *r = gen->rand;
  g_autoptr(MdAttack) attack = md_attack_new ();
  g_autoptr(GPtrArray) symptoms = g_ptr_array_new ();
  GError *error = NULL;
  int hours = g_rand_int_range (r, 3, 20);

  attack->start = start;
  attack->start_offset = offset_at (gen, start);
  attack->end = start + hours * HOUR + g_rand_int_range (r, 0, 60) * 60;
  attack->end_offset = offset_at (gen, attack->end);
  attack->peak_pain = g_rand_double (r) < 0.15 ? 1 : (g_rand_double (r) < 0.6 ? 2 : 3);

  if (full_details)
    {
      int disability;

      attack->side = g_strdup (g_rand_double (r) < 0.6 ? "left" : "both");
      attack->quality = g_strdup (g_rand_double (r) < 0.7 ? "pulsating" : "pressing");
      attack->worse_with_activity = g_rand_double (r) < 0.75;
      disability = attack->peak_pain - g_rand_int_range (r, 0, 2);
      attack->disability = CLAMP (disability, 0, 3);
      if (g_rand_double (r) < 0.2)
        {
          attack->aura = g_strdup ("visual");
          attack->aura_minutes = g_rand_int_range (r, 10, 50);
        }
      if (g_rand_double (r) < 0.6)
        g_ptr_array_add (symptoms, "nausea");
      if (g_rand_double (r) < 0.75)
        g_ptr_array_add (symptoms, "photophobia");
      if (g_rand_double (r) < 0.65)
        g_ptr_array_add (symptoms, "phonophobia");
      g_ptr_array_add (symptoms, NULL);
      attack->symptoms = g_strdupv ((char **) symptoms->pdata);
    }

  save_or_die (md_diary_save_attack (gen->diary, attack, &error), error, "an attack");
  gen->attacks++;

  if (full_details && g_rand_double (r) < 0.9)
    treat (gen, attack, preventive_on);

  return attack->end;
}

static void
add_day (Generator  *gen,
         GDateTime  *day,
         const char *status,
         gboolean    menstruation)
{
  g_autoptr(MdDay) record = md_day_new ();
  GError *error = NULL;

  record->date = g_date_time_format (day, "%Y-%m-%d");
  record->status = g_strdup (status);
  record->menstruation = menstruation;
  save_or_die (md_diary_save_day (gen->diary, record, &error), error, "a day");
  gen->days++;
}

static void
generate_years (Generator  *gen,
                int         years,
                GDateTime  *end)
{
  g_autoptr(GDateTime) start = g_date_time_add_years (end, -years);
  int n_days = (int) (g_date_time_difference (end, start) / G_TIME_SPAN_DAY);
  int preventive_day = n_days * 6 / 10;
  int next_period = g_rand_int_range (gen->rand, 0, 28);
  gint64 busy_until = 0;
  int gap_left = 0;
  GError *error = NULL;

  for (int d = 0; d < n_days; d++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (start, d);
      double season = 1.0 + 0.25 * sin (2 * G_PI * g_date_time_get_day_of_year (day) / 365.0);
      gboolean preventive_on = d >= preventive_day;
      double rate = (preventive_on ? 12.0 : 24.0) / 28.0 * season;
      int cycle_day = d - next_period; /* 0 = first day of bleeding */
      gboolean menstruating = cycle_day >= 0 && cycle_day < 5;
      gboolean attack_today = FALSE;

      if (cycle_day >= 27)
        next_period = d + 1 + g_rand_int_range (gen->rand, -2, 3);
      if (cycle_day >= -2 && cycle_day <= 2)
        rate *= 2.2;

      /* A few untracked stretches a year: nothing is written for them. */
      if (gap_left > 0)
        {
          gap_left--;
          continue;
        }
      if (g_rand_double (gen->rand) < 3.0 / 365.0)
        {
          gap_left = g_rand_int_range (gen->rand, 7, 20);
          continue;
        }

      if (g_date_time_to_unix (day) >= busy_until && g_rand_double (gen->rand) < rate)
        {
          gint64 attack_start = g_date_time_to_unix (day) + g_rand_int_range (gen->rand, 5, 23) * HOUR;

          busy_until = add_attack (gen, attack_start, preventive_on, TRUE) + 24 * HOUR;
          attack_today = TRUE;
        }

      if (menstruating || (!attack_today && g_date_time_to_unix (day) >= busy_until - 24 * HOUR &&
                           g_rand_double (gen->rand) < 0.8))
        add_day (gen, day, attack_today ? NULL : "headache-free", menstruating);

      if (d == preventive_day)
        {
          g_autoptr(MdPreventiveCourse) course = md_preventive_course_new ();

          course->medication_uuid = g_strdup ("preset-magnesium-oral-400mg");
          course->start_date = g_date_time_format (day, "%Y-%m-%d");
          course->amount = 400;
          course->unit = g_strdup ("mg");
          course->notes = g_strdup ("Magnesium citrate, 400 mg elemental a day");
          save_or_die (md_diary_save_preventive_course (gen->diary, course, &error), error,
                       "a preventive course");
        }
    }
}

static void
generate_stress (Generator *gen,
                 guint      n_attacks,
                 GDateTime *end)
{
  /* Far more attacks than any patient has, packed four hours apart so
   * that 100,000 of them still start after 1970. */
  gint64 t = g_date_time_to_unix (end) - (gint64) n_attacks * 4 * HOUR;

  for (guint i = 0; i < n_attacks; i++)
    {
      add_attack (gen, t, FALSE, i % 10 == 0);
      t += 4 * HOUR;
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDiary) diary = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *end_text = NULL;
  Generator gen = { 0, };
  int years = 0;
  int attacks = 0;
  int seed = 1;
  gint64 started;
  GOptionEntry entries[] = {
    { "years", 0, 0, G_OPTION_ARG_INT, &years, "Years of diary", "N" },
    { "attacks", 0, 0, G_OPTION_ARG_INT, &attacks, "A stress diary of N attacks", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Random seed", "S" },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end_text, "Last day (default 2026-11-01)", "YYYY-MM-DD" },
    { NULL }
  };

  context = g_option_context_new ("FILE");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 ||
      (years <= 0 && attacks <= 0))
    {
      g_printerr ("usage: md-generate-diary (--years N | --attacks N) [--seed S] FILE\n");
      return 2;
    }

  gen.zone = g_time_zone_new_identifier ("Europe/Berlin");
  if (end_text != NULL)
    {
      g_autofree char *iso = g_strconcat (end_text, "T00:00:00", NULL);

      end = g_date_time_new_from_iso8601 (iso, gen.zone);
    }
  else
    end = g_date_time_new (gen.zone, 2026, 11, 1, 0, 0, 0);
  if (end == NULL)
    {
      g_printerr ("md-generate-diary: --end needs YYYY-MM-DD\n");
      return 2;
    }

  diary = md_diary_open (argv[1], &error);
  if (diary == NULL)
    {
      g_printerr ("md-generate-diary: %s\n", error->message);
      return 1;
    }

  gen.diary = diary;
  gen.rand = g_rand_new_with_seed (seed);
  started = g_get_monotonic_time ();

  if (!md_diary_begin (diary, &error))
    {
      g_printerr ("md-generate-diary: %s\n", error->message);
      return 1;
    }

  if (attacks > 0)
    generate_stress (&gen, attacks, end);
  else
    generate_years (&gen, years, end);

  if (!md_diary_commit (diary, &error))
    {
      g_printerr ("md-generate-diary: %s\n", error->message);
      return 1;
    }

  g_printerr ("md-generate-diary: %u attacks, %u doses, %u pain readings, %u days in %.2f s\n",
              gen.attacks, gen.doses, gen.readings, gen.days,
              (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);

  g_rand_free (gen.rand);
  g_time_zone_unref (gen.zone);

  return 0;
}
