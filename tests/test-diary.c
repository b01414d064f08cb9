/* test-diary.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <sqlite3.h>

#include "md-database-private.h"
#include "md-diary-csv.h"
#include "md-diary.h"
#include "md-error.h"
#include "md-test-utils.h"

/* 2026-03-10 12:00:00 UTC: "now" for every test. */
#define NOW G_GINT64_CONSTANT (1773144000)
#define HOUR 3600

static gint64
fixed_now (gpointer user_data)
{
  return NOW;
}

static MdDiary *
new_diary (void)
{
  MdDiary *diary = md_test_new_diary (NULL);

  md_diary_set_now_func (diary, fixed_now, NULL);

  return diary;
}

static MdAttack *
make_attack (gint64 start,
             int    pain)
{
  MdAttack *attack = md_attack_new ();

  attack->start = start;
  attack->start_offset = 3600;
  attack->peak_pain = pain;

  return attack;
}

/* A diary closed under its holders (a restore replaced its file) fails
 * every save with a clear error and lists nothing; it never pretends. */
static void
test_closed_diary_refuses_writes (void)
{
  g_autoptr(MdDiary) diary = new_diary ();
  g_autoptr(MdAttack) attack = md_attack_new ();
  g_autoptr(GError) error = NULL;

  attack->start = 1772434800;
  attack->peak_pain = 2;
  g_assert_true (md_diary_save_attack (diary, attack, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (md_diary_get_attacks (diary)), ==, 1);

  md_diary_close (diary);
  g_assert_cmpuint (g_list_model_get_n_items (md_diary_get_attacks (diary)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (md_diary_get_medications (diary)), ==, 0);

  g_clear_pointer (&attack->uuid, g_free);
  g_assert_false (md_diary_save_attack (diary, attack, &error));
  g_assert_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "closed"));
}

static void
test_attack_round_trip (void)
{
  g_autoptr(MdDiary) diary = new_diary ();
  g_autoptr(MdAttack) attack = make_attack (NOW - 5 * HOUR, 3);
  g_autoptr(MdAttack) loaded = NULL;
  g_autoptr(GError) error = NULL;
  const char *symptoms[] = { "nausea", "photophobia", NULL };
  const char *triggers[] = { "stress", NULL };

  attack->end = NOW - HOUR;
  attack->end_offset = 3600;
  attack->peak_nrs = 8;
  attack->aura = g_strdup ("visual");
  attack->aura_minutes = 25;
  attack->side = g_strdup ("left");
  attack->quality = g_strdup ("pulsating");
  attack->worse_with_activity = 1;
  attack->disability = 2;
  attack->notes = g_strdup ("Started at work; \"bright\" office, 'quotes' too");
  attack->symptoms = g_strdupv ((char **) symptoms);
  attack->triggers = g_strdupv ((char **) triggers);

  g_assert_true (md_diary_save_attack (diary, attack, &error));
  g_assert_no_error (error);
  g_assert_nonnull (attack->uuid);

  loaded = md_diary_get_attack (diary, attack->uuid);
  g_assert_nonnull (loaded);
  g_assert_cmpint (loaded->start, ==, attack->start);
  g_assert_cmpint (loaded->start_offset, ==, 3600);
  g_assert_cmpint (loaded->end, ==, attack->end);
  g_assert_cmpint (loaded->peak_pain, ==, 3);
  g_assert_cmpint (loaded->peak_nrs, ==, 8);
  g_assert_cmpstr (loaded->aura, ==, "visual");
  g_assert_cmpint (loaded->aura_minutes, ==, 25);
  g_assert_cmpstr (loaded->side, ==, "left");
  g_assert_cmpstr (loaded->quality, ==, "pulsating");
  g_assert_cmpint (loaded->worse_with_activity, ==, 1);
  g_assert_cmpint (loaded->disability, ==, 2);
  g_assert_cmpstr (loaded->notes, ==, attack->notes);
  g_assert_cmpstrv (loaded->symptoms, symptoms);
  g_assert_cmpstrv (loaded->triggers, triggers);
}

static void
test_edit_keeps_uuid_and_announces_row (void)
{
  g_autoptr(MdDiary) diary = new_diary ();
  g_autoptr(MdAttack) older = make_attack (NOW - 48 * HOUR, 1);
  g_autoptr(MdAttack) newer = make_attack (NOW - 2 * HOUR, 2);
  g_autoptr(MdAttack) edited = NULL;
  g_autoptr(MdAttack) first = NULL;
  g_autofree char *uuid = NULL;
  GListModel *attacks = md_diary_get_attacks (diary);
  MdTestItemsChanged record = { 0, };

  g_signal_connect (attacks, "items-changed", G_CALLBACK (md_test_items_changed_cb), &record);

  g_assert_true (md_diary_save_attack (diary, older, NULL));
  g_assert_cmpuint (record.count, ==, 1);
  g_assert_cmpuint (record.position, ==, 0);
  g_assert_cmpuint (record.added, ==, 1);

  /* Newest first: the newer attack goes in front. */
  g_assert_true (md_diary_save_attack (diary, newer, NULL));
  g_assert_cmpuint (record.count, ==, 2);
  g_assert_cmpuint (record.position, ==, 0);
  g_assert_cmpuint (record.removed, ==, 0);
  g_assert_cmpuint (record.added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (attacks), ==, 2);
  first = g_list_model_get_item (attacks, 0);
  g_assert_cmpstr (first->uuid, ==, newer->uuid);

  /* Editing the older one: same UUID, its row is replaced in place. */
  uuid = g_strdup (older->uuid);
  edited = md_attack_copy (older);
  edited->peak_pain = 3;
  g_assert_true (md_diary_save_attack (diary, edited, NULL));
  g_assert_cmpstr (edited->uuid, ==, uuid);
  g_assert_cmpuint (record.count, ==, 3);
  g_assert_cmpuint (record.position, ==, 1);
  g_assert_cmpuint (record.removed, ==, 1);
  g_assert_cmpuint (record.added, ==, 1);
  g_assert_cmpint (md_diary_count (diary, "attacks"), ==, 2);
  g_clear_object (&first);
  first = g_list_model_get_item (attacks, 1);
  g_assert_cmpint (first->peak_pain, ==, 3);
}

static void
test_delete_and_undo_restores_everything (void)
{
  g_autoptr(MdDiary) diary = new_diary ();
  g_autoptr(MdAttack) attack = make_attack (NOW - 6 * HOUR, 2);
  g_autoptr(MdDose) dose = md_test_dose_new ("preset-sumatriptan-50mg", 50, "mg", "oral", "home", NOW - 5 * HOUR);
  g_autoptr(MdPainReading) reading = md_pain_reading_new ();
  g_autoptr(MdDiaryUndo) undo = NULL;
  g_autoptr(MdAttack) restored = NULL;
  g_autoptr(MdDose) restored_dose = NULL;
  g_autoptr(GPtrArray) readings = NULL;
  g_autoptr(GError) error = NULL;
  const char *symptoms[] = { "nausea", NULL };
  MdTestItemsChanged record = { 0, };

  attack->symptoms = g_strdupv ((char **) symptoms);
  g_assert_true (md_diary_save_attack (diary, attack, NULL));

  dose->attack_uuid = g_strdup (attack->uuid);
  g_assert_true (md_diary_save_dose (diary, dose, &error));
  g_assert_no_error (error);

  reading->attack_uuid = g_strdup (attack->uuid);
  reading->dose_uuid = g_strdup (dose->uuid);
  reading->time = NOW - 3 * HOUR;
  reading->pain = 0;
  g_assert_true (md_diary_save_pain_reading (diary, reading, &error));
  g_assert_no_error (error);

  g_signal_connect (md_diary_get_attacks (diary), "items-changed",
                    G_CALLBACK (md_test_items_changed_cb), &record);

  undo = md_diary_delete_attack (diary, attack->uuid, &error);
  g_assert_no_error (error);
  g_assert_nonnull (undo);
  g_assert_null (md_diary_get_attack (diary, attack->uuid));
  g_assert_cmpint (md_diary_count (diary, "pain_readings"), ==, 0);
  g_assert_cmpuint (record.removed, ==, 1);
  /* The dose was really taken: it stays, unlinked. */
  restored_dose = md_diary_get_dose (diary, dose->uuid);
  g_assert_null (restored_dose->attack_uuid);
  g_clear_object (&restored_dose);

  g_assert_true (md_diary_undo (diary, undo, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (record.added, ==, 1);

  restored = md_diary_get_attack (diary, attack->uuid);
  g_assert_nonnull (restored);
  g_assert_cmpint (restored->peak_pain, ==, 2);
  g_assert_cmpstrv (restored->symptoms, symptoms);
  readings = md_diary_list_pain_readings (diary, attack->uuid);
  g_assert_cmpuint (readings->len, ==, 1);
  g_assert_cmpstr (((MdPainReading *) g_ptr_array_index (readings, 0))->uuid, ==, reading->uuid);
  restored_dose = md_diary_get_dose (diary, dose->uuid);
  g_assert_cmpstr (restored_dose->attack_uuid, ==, attack->uuid);
}

typedef struct
{
  const char *name;
  void      (*break_it) (MdAttack *attack);
  const char *message_part;
} AttackCase;

static void break_end_before_start (MdAttack *a) { a->end = a->start - 60; }
static void break_pain_high (MdAttack *a) { a->peak_pain = 4; }
static void break_pain_negative (MdAttack *a) { a->peak_pain = -1; }
static void break_nrs (MdAttack *a) { a->peak_nrs = 11; }
static void break_future (MdAttack *a) { a->start = NOW + 120; }
static void break_future_end (MdAttack *a) { a->end = NOW + 3600; }
static void break_aura (MdAttack *a) { a->aura = g_strdup ("sparkles"); }
static void break_symptom (MdAttack *a) { a->symptoms = g_strsplit ("no-such-symptom", ",", -1); }
static void break_disability (MdAttack *a) { a->disability = 7; }
static void break_symptom_twice (MdAttack *a) { a->symptoms = g_strsplit ("nausea,photophobia,nausea", ",", -1); }
static void break_trigger_twice (MdAttack *a) { a->triggers = g_strsplit ("stress,stress", ",", -1); }
static void break_offset_day (MdAttack *a) { a->start_offset = 24 * HOUR; }
static void break_offset_west (MdAttack *a) { a->start_offset = -18 * HOUR - 60; }
static void break_end_offset (MdAttack *a) { a->end = a->start + HOUR; a->end_offset = 19 * HOUR; }

static void
test_attack_validation (void)
{
  const AttackCase cases[] = {
    { "end before start", break_end_before_start, "End:" },
    { "pain above 3", break_pain_high, "Peak pain:" },
    { "pain below 0", break_pain_negative, "Peak pain:" },
    { "number above 10", break_nrs, "0 to 10" },
    { "start in the future", break_future, "Start:" },
    { "end in the future", break_future_end, "End:" },
    { "unknown aura", break_aura, "Aura:" },
    { "unknown symptom", break_symptom, "Symptoms:" },
    { "disability", break_disability, "Disability:" },
    { "symptom twice", break_symptom_twice, "Symptoms: “nausea” is listed twice; list each symptom once." },
    { "trigger twice", break_trigger_twice, "Triggers: “stress” is listed twice; list each trigger once." },
    { "UTC offset +24:00", break_offset_day, "Start: the UTC offset must be from −18:00 to +18:00." },
    { "UTC offset −18:01", break_offset_west, "Start: the UTC offset must be from −18:00 to +18:00." },
    { "end's UTC offset +19:00", break_end_offset, "End: the UTC offset must be from −18:00 to +18:00." },
  };
  g_autoptr(MdDiary) diary = new_diary ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(MdAttack) attack = make_attack (NOW - 3 * HOUR, 2);
      g_autoptr(GError) error = NULL;

      g_test_message ("case: %s", cases[i].name);
      cases[i].break_it (attack);
      g_assert_false (md_diary_save_attack (diary, attack, &error));
      g_assert_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].message_part));
      /* Nothing half-saved. */
      g_assert_cmpint (md_diary_count (diary, "attacks"), ==, 0);
      g_assert_cmpint (md_diary_count (diary, "attack_symptoms"), ==, 0);
    }

  /* A minute ahead is a clock difference, not a mistake. */
  {
    g_autoptr(MdAttack) attack = make_attack (NOW + 59, 1);

    g_assert_true (md_diary_save_attack (diary, attack, NULL));
  }
}

static MdDose *
make_dose (void)
{
  MdDose *dose = md_test_dose_new ("preset-magnesium-sulfate-iv-1g", 1, "g", "iv", "clinic", NOW - 4 * HOUR);

  dose->infusion_end = NOW - 4 * HOUR + 20 * 60;

  return dose;
}

static void break_amount_zero (MdDose *d) { d->amount = 0; }
static void break_amount_negative (MdDose *d) { d->amount = -2; }
static void break_medication (MdDose *d) { g_free (d->medication_uuid); d->medication_uuid = g_strdup ("nope"); }
static void break_infusion (MdDose *d) { d->infusion_end = d->taken - 60; }
static void break_dose_future (MdDose *d) { d->taken = NOW + 600; }
static void break_setting (MdDose *d) { g_free (d->setting); d->setting = g_strdup ("garden"); }
static void break_side_effect (MdDose *d) { d->side_effects = g_strsplit ("flushing,itching-nose", ",", -1); }
static void break_purpose (MdDose *d) { d->purpose = g_strdup ("sleep"); }
static void break_amount_infinite (MdDose *d) { d->amount = INFINITY; }
static void break_amount_nan (MdDose *d) { d->amount = NAN; }
static void break_cost_nan (MdDose *d) { d->cost = NAN; }
static void break_cost_infinite (MdDose *d) { d->cost = INFINITY; }
static void break_dose_offset (MdDose *d) { d->taken_offset = -24 * HOUR; }

typedef struct
{
  const char *name;
  void      (*break_it) (MdDose *dose);
  const char *message_part;
} DoseCase;

static void
test_dose_validation (void)
{
  const DoseCase cases[] = {
    { "amount zero", break_amount_zero, "Amount:" },
    { "amount negative", break_amount_negative, "Amount:" },
    { "unknown medication", break_medication, "Medication:" },
    { "infusion ends before start", break_infusion, "Infusion end:" },
    { "taken in the future", break_dose_future, "Time taken:" },
    { "unknown setting", break_setting, "Setting:" },
    { "unknown side effect", break_side_effect, "Side effects:" },
    { "unknown purpose", break_purpose, "Taken for:" },
    { "amount infinite", break_amount_infinite, "Amount: “inf” is not a number that can be recorded" },
    { "amount not a number", break_amount_nan, "Amount: “nan” is not a number" },
    { "cost not a number", break_cost_nan, "Cost: “nan” is not a number" },
    { "cost infinite", break_cost_infinite, "Cost: “inf” is not a number" },
    { "UTC offset −24:00", break_dose_offset, "Time taken: the UTC offset must be from −18:00 to +18:00." },
  };
  g_autoptr(MdDiary) diary = new_diary ();
  g_autoptr(MdDose) good = make_dose ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(MdDose) dose = make_dose ();
      g_autoptr(GError) error = NULL;

      g_test_message ("case: %s", cases[i].name);
      cases[i].break_it (dose);
      g_assert_false (md_diary_save_dose (diary, dose, &error));
      g_assert_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].message_part));
      g_assert_cmpint (md_diary_count (diary, "doses"), ==, 0);
    }

  good->side_effects = g_strsplit ("flushing,warmth", ",", -1);
  g_assert_true (md_diary_save_dose (diary, good, NULL));
  g_assert_cmpint (md_diary_count (diary, "doses"), ==, 1);
}

/* A dose saved without a purpose gets the default (md-database.h), and
 * one the patient chose is kept. The diary: a course of IV magnesium 1 g
 * from 1 March; 8 March recorded "headache"; an attack on 7 March. */
static void
test_dose_default_purpose (void)
{
  const struct {
    const char *name;
    const char *medication;
    const char *route;
    const char *setting;
    const char *date;        /* at 10:00 UTC, offset 0 */
    gboolean    linked;      /* to the attack of 7 March */
    const char *chosen;
    const char *expected;
  } cases[] = {
    { "clinic infusion, no attack", "preset-magnesium-sulfate-iv-1g", "iv", "clinic", "2026-03-09", FALSE, NULL, "prevention" },
    { "clinic infusion for an attack", "preset-magnesium-sulfate-iv-1g", "iv", "clinic", "2026-03-07", TRUE, NULL, "acute" },
    { "course going on, day without headache", "preset-magnesium-sulfate-iv-1g", "iv", "home", "2026-03-09", FALSE, NULL, "prevention" },
    { "course going on, day recorded headache", "preset-magnesium-sulfate-iv-1g", "iv", "home", "2026-03-08", FALSE, NULL, "acute" },
    { "course going on, an attack that day", "preset-magnesium-sulfate-iv-1g", "iv", "home", "2026-03-07", FALSE, NULL, "acute" },
    { "before the course", "preset-magnesium-sulfate-iv-1g", "iv", "home", "2026-02-20", FALSE, NULL, "acute" },
    { "emergency room, no attack", "preset-magnesium-sulfate-iv-2g", "iv", "emergency-room", "2026-03-09", FALSE, NULL, "acute" },
    { "a preventive medication", "preset-magnesium-oral-400mg", "oral", "home", "2026-03-08", FALSE, NULL, "prevention" },
    { "an acute medication", "preset-ibuprofen-400mg", "oral", "home", "2026-03-09", FALSE, NULL, "acute" },
    { "the patient's choice", "preset-magnesium-sulfate-iv-1g", "iv", "clinic", "2026-03-09", FALSE, "acute", "acute" },
  };
  g_autoptr(MdDiary) diary = new_diary ();
  g_autoptr(MdPreventiveCourse) course = md_preventive_course_new ();
  g_autoptr(MdDay) headache_day = md_day_new ();
  g_autoptr(MdAttack) attack = make_attack (1772874000, 2); /* 2026-03-07 09:00 UTC */
  g_autoptr(GError) error = NULL;

  attack->start_offset = 0;
  attack->end = attack->start + 5 * HOUR;
  g_assert_true (md_diary_save_attack (diary, attack, &error));
  course->medication_uuid = g_strdup ("preset-magnesium-sulfate-iv-1g");
  course->start_date = g_strdup ("2026-03-01");
  g_assert_true (md_diary_save_preventive_course (diary, course, &error));
  headache_day->date = g_strdup ("2026-03-08");
  headache_day->status = g_strdup ("headache");
  g_assert_true (md_diary_save_day (diary, headache_day, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(MdDose) dose = make_dose ();
      g_autoptr(MdDose) stored = NULL;
      g_autofree char *iso = g_strdup_printf ("%sT10:00:00Z", cases[i].date);
      g_autoptr(GDateTime) taken = g_date_time_new_from_iso8601 (iso, NULL);

      g_test_message ("case: %s", cases[i].name);
      g_free (dose->medication_uuid);
      dose->medication_uuid = g_strdup (cases[i].medication);
      g_free (dose->route);
      dose->route = g_strdup (cases[i].route);
      g_free (dose->setting);
      dose->setting = g_strdup (cases[i].setting);
      dose->taken = g_date_time_to_unix (taken);
      dose->infusion_end = 0;
      dose->attack_uuid = cases[i].linked ? g_strdup (attack->uuid) : NULL;
      dose->purpose = g_strdup (cases[i].chosen);

      if (cases[i].chosen == NULL)
        g_assert_cmpstr (md_diary_get_default_dose_purpose (diary, dose), ==, cases[i].expected);
      g_assert_true (md_diary_save_dose (diary, dose, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (dose->purpose, ==, cases[i].expected);
      stored = md_diary_get_dose (diary, dose->uuid);
      g_assert_cmpstr (stored->purpose, ==, cases[i].expected);
    }
}

static void
test_reading_validation (void)
{
  g_autoptr(MdDiary) diary = new_diary ();
  g_autoptr(MdAttack) attack = make_attack (NOW - 3 * HOUR, 2);
  g_autoptr(MdPainReading) reading = md_pain_reading_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (md_diary_save_attack (diary, attack, NULL));
  reading->attack_uuid = g_strdup (attack->uuid);
  reading->time = NOW - HOUR;
  reading->pain = 5;
  g_assert_false (md_diary_save_pain_reading (diary, reading, &error));
  g_assert_nonnull (strstr (error->message, "Pain:"));
  g_clear_error (&error);

  reading->pain = 1;
  reading->nrs = 12;
  g_assert_false (md_diary_save_pain_reading (diary, reading, &error));
  g_assert_nonnull (strstr (error->message, "0 to 10"));
  g_clear_error (&error);

  reading->nrs = 4;
  reading->time_offset = 18 * HOUR + 1;
  g_assert_false (md_diary_save_pain_reading (diary, reading, &error));
  g_assert_cmpstr (error->message, ==, "Time: the UTC offset must be from −18:00 to +18:00.");
  g_clear_error (&error);

  reading->time_offset = 18 * HOUR;
  g_free (reading->attack_uuid);
  reading->attack_uuid = g_strdup ("gone");
  g_assert_false (md_diary_save_pain_reading (diary, reading, &error));
  g_assert_nonnull (strstr (error->message, "Attack:"));
  g_assert_cmpint (md_diary_count (diary, "pain_readings"), ==, 0);
}

static void
test_medication_with_doses_is_archived_not_deleted (void)
{
  g_autoptr(MdDiary) diary = new_diary ();
  g_autoptr(MdMedication) medication = md_medication_new ();
  g_autoptr(MdDose) dose = make_dose ();
  g_autoptr(GError) error = NULL;
  guint before;

  medication->name = g_strdup ("Rimegepant 75 mg");
  medication->med_class = g_strdup ("gepant");
  medication->use = g_strdup ("acute");
  medication->default_amount = 75;
  medication->unit = g_strdup ("mg");
  medication->route = g_strdup ("oral");

  before = g_list_model_get_n_items (md_diary_get_medications (diary));
  g_assert_true (md_diary_save_medication (diary, medication, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (md_diary_get_medications (diary)), ==, before + 1);

  g_free (dose->medication_uuid);
  dose->medication_uuid = g_strdup (medication->uuid);
  g_assert_true (md_diary_save_dose (diary, dose, NULL));

  g_assert_false (md_diary_delete_medication (diary, medication->uuid, &error));
  g_assert_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_IN_USE);
  g_clear_error (&error);

  medication->archived = TRUE;
  g_assert_true (md_diary_save_medication (diary, medication, &error));
  {
    g_autoptr(MdMedication) archived = md_diary_get_medication (diary, medication->uuid);

    g_assert_true (archived->archived);
  }

  /* An empty name is refused. */
  g_free (medication->name);
  medication->name = g_strdup ("   ");
  g_assert_false (md_diary_save_medication (diary, medication, &error));
  g_assert_nonnull (strstr (error->message, "Name:"));
}

/* Infinity and "not a number" are no amount: before, a medication's
 * usual amount of inf was shown as "inf mg" and a course's NaN was
 * stored as nothing. */
static void
test_non_finite_amounts_are_refused (void)
{
  g_autoptr(MdDiary) diary = new_diary ();
  g_autoptr(MdMedication) medication = md_medication_new ();
  g_autoptr(MdPreventiveCourse) course = md_preventive_course_new ();
  g_autoptr(GError) error = NULL;
  guint before = g_list_model_get_n_items (md_diary_get_medications (diary));
  const double bad[] = { INFINITY, -INFINITY, NAN };

  medication->name = g_strdup ("Rimegepant 75 mg");
  medication->med_class = g_strdup ("gepant");
  medication->use = g_strdup ("acute");
  medication->unit = g_strdup ("mg");
  medication->route = g_strdup ("oral");
  course->medication_uuid = g_strdup ("preset-magnesium-oral-400mg");
  course->start_date = g_strdup ("2026-01-01");
  course->unit = g_strdup ("mg");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      medication->default_amount = bad[i];
      g_assert_false (md_diary_save_medication (diary, medication, &error));
      g_assert_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "Amount: “"));
      g_assert_nonnull (strstr (error->message, "” is not a number that can be recorded; give one such as 2.5."));
      g_clear_error (&error);

      course->amount = bad[i];
      g_assert_false (md_diary_save_preventive_course (diary, course, &error));
      g_assert_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "Amount: “"));
      g_clear_error (&error);
    }
  g_assert_cmpuint (g_list_model_get_n_items (md_diary_get_medications (diary)), ==, before);
  g_assert_cmpint (md_diary_count (diary, "preventive_courses"), ==, 0);

  /* "No usual amount" is still -1, and a finite amount is saved. */
  medication->default_amount = -1;
  course->amount = 400;
  g_assert_true (md_diary_save_medication (diary, medication, &error));
  g_assert_no_error (error);
  g_assert_true (md_diary_save_preventive_course (diary, course, &error));
  g_assert_no_error (error);
}

static void
test_custom_symptoms_and_labels (void)
{
  g_autoptr(MdDiary) diary = new_diary ();
  g_autoptr(GError) error = NULL;
  g_autofree char *key = md_diary_add_custom_symptom (diary, "  Tingling lips ", &error);
  g_autofree char *same = md_diary_add_custom_symptom (diary, "Tingling lips", &error);
  g_autofree char *label = NULL;
  g_autofree char *builtin = NULL;
  g_autoptr(GPtrArray) keys = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (key, ==, same);
  label = md_diary_get_symptom_label (diary, key);
  g_assert_cmpstr (label, ==, "Tingling lips");
  builtin = md_diary_get_symptom_label (diary, "photophobia");
  g_assert_cmpstr (builtin, ==, "Sensitivity to light");

  keys = md_diary_list_symptom_keys (diary);
  g_assert_cmpstr (g_ptr_array_index (keys, 0), ==, "nausea");
  g_assert_cmpstr (g_ptr_array_index (keys, keys->len - 1), ==, key);

  g_assert_null (md_diary_add_custom_trigger (diary, "", &error));
  g_assert_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_INVALID);
}

static void
test_days_and_entries (void)
{
  g_autoptr(MdDiary) diary = new_diary ();
  g_autoptr(MdDay) day = md_day_new ();
  g_autoptr(MdDay) again = md_day_new ();
  g_autoptr(MdDay) loaded = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) march_3 = g_date_time_new (tz, 2026, 3, 3, 12, 0, 0);
  g_autoptr(GDateTime) march_4 = g_date_time_new (tz, 2026, 3, 4, 12, 0, 0);
  g_autoptr(GDateTime) march_5 = g_date_time_new (tz, 2026, 3, 5, 12, 0, 0);
  g_autoptr(MdAttack) night = NULL;
  g_autoptr(GDateTime) late = g_date_time_new (tz, 2026, 3, 4, 23, 30, 0);
  g_autoptr(GError) error = NULL;

  day->date = g_strdup ("2026-03-03");
  day->status = g_strdup ("headache-free");
  g_assert_true (md_diary_save_day (diary, day, &error));
  g_assert_no_error (error);

  /* The same day again is an update of the same row. */
  again->date = g_strdup ("2026-03-03");
  again->status = g_strdup ("headache-free");
  again->menstruation = TRUE;
  g_assert_true (md_diary_save_day (diary, again, NULL));
  g_assert_cmpstr (again->uuid, ==, day->uuid);
  loaded = md_diary_get_day (diary, "2026-03-03");
  g_assert_true (loaded->menstruation);
  g_assert_cmpint (md_diary_count (diary, "days"), ==, 1);

  g_free (again->date);
  again->date = g_strdup ("2026-02-30");
  g_assert_false (md_diary_save_day (diary, again, &error));
  g_assert_nonnull (strstr (error->message, "Day:"));

  /* An attack from 23:30 on the 4th into the 5th touches both days. */
  night = make_attack (g_date_time_to_unix (late), 2);
  night->end = night->start + 3 * HOUR;
  g_assert_true (md_diary_save_attack (diary, night, NULL));

  g_assert_true (md_diary_has_entry_on_day (diary, march_3));
  g_assert_true (md_diary_has_entry_on_day (diary, march_4));
  g_assert_true (md_diary_has_entry_on_day (diary, march_5));
  {
    g_autoptr(GDateTime) march_6 = g_date_time_add_days (march_5, 1);

    g_assert_false (md_diary_has_entry_on_day (diary, march_6));
  }
}

/* A day has one way to be written: "2024-01-+1", "2024-01- 1" and
 * " 2024-1-01" were read as 1 January and made a second record of it. */
static void
test_dates_are_written_one_way (void)
{
  g_autoptr(MdDiary) diary = new_diary ();
  g_autoptr(MdDay) day = md_day_new ();
  g_autoptr(MdPreventiveCourse) course = md_preventive_course_new ();
  g_autoptr(GError) error = NULL;
  const char *bad[] = { "2024-01-+1", "2024-01- 1", " 2024-1-01", "2024-1-01 ", "+2024-01-1",
                        "2024/01/01", "2024-02-30", "0000-01-01", "2024-01-01T00:00:00" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("date: “%s”", bad[i]);
      g_free (day->date);
      day->date = g_strdup (bad[i]);
      g_assert_false (md_diary_save_day (diary, day, &error));
      g_assert_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, "Day: not a valid date (YYYY-MM-DD).");
      g_clear_error (&error);
      g_assert_false (md_diary_record_headache_free_day (diary, bad[i], &error));
      g_assert_cmpstr (error->message, ==, "Day: not a valid date (YYYY-MM-DD).");
      g_clear_error (&error);

      course->medication_uuid = g_strdup ("preset-magnesium-oral-400mg");
      g_free (course->start_date);
      course->start_date = g_strdup (bad[i]);
      g_assert_false (md_diary_save_preventive_course (diary, course, &error));
      g_assert_cmpstr (error->message, ==, "Start: not a valid date (YYYY-MM-DD).");
      g_clear_error (&error);
      g_clear_pointer (&course->medication_uuid, g_free);
    }
  g_assert_cmpint (md_diary_count (diary, "days"), ==, 0);
  g_assert_cmpint (md_diary_count (diary, "preventive_courses"), ==, 0);

  g_free (day->date);
  day->date = g_strdup ("2024-02-29");
  g_assert_true (md_diary_save_day (diary, day, &error));
  g_assert_no_error (error);

  /* The schema refuses what the store would: a row written by another
   * program cannot bring a second 29 February back. */
  g_assert_false (md_database_exec (md_diary_get_database (diary),
                                    "INSERT INTO days (date, uuid) VALUES ('2024-02-+29', 'x')", &error));
  g_assert_nonnull (strstr (error->message, "days.date must be a day written YYYY-MM-DD"));
  g_clear_error (&error);
  g_assert_false (md_database_exec (md_diary_get_database (diary),
                                    "UPDATE days SET date = '2024-2-29 '", &error));
  g_clear_error (&error);
  g_assert_cmpint (md_diary_count (diary, "days"), ==, 1);
}

static char *
copy_fixture (const char *name)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autofree char *contents = NULL;
  char *path = md_test_temp_path ("diary.db");
  gsize length;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  return path;
}

/* Schema version 3: what versions 1 and 2 let in — several records of
 * one calendar day under dates written in different ways — becomes one
 * record per day, keeping everything: fields one left empty come from
 * the other, and where they contradict each other, a headache is kept
 * over headache-free and the notes say so. Symptom and trigger keys
 * with the CSV list separator in them are renamed. */
static void
test_migration_3_one_record_per_day (void)
{
  const char *fixtures[] = { "diary-v1.db", "diary-v2.db" };

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *path = copy_fixture (fixtures[i]);
      g_autoptr(MdDiary) diary = NULL;
      g_autoptr(MdDay) first = NULL;
      g_autoptr(MdDay) second = NULL;
      g_autoptr(MdDay) third = NULL;
      g_autoptr(GPtrArray) courses = NULL;
      g_autoptr(GPtrArray) attacks = NULL;
      g_autoptr(GString) csv = NULL;
      g_autoptr(MdDiary) copy = NULL;
      g_autofree char *label = NULL;
      g_autoptr(GError) error = NULL;
      MdAttack *attack;
      sqlite3 *db = NULL;
      gint64 days_before;

      g_test_message ("fixture: %s", fixtures[i]);
      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db,
        "INSERT INTO days (date, uuid, status, menstruation, notes) VALUES"
        /* 1 October: the canonical record, and one that fills it in */
        " ('2026-10-01', 'day-a', 'headache-free', 0, ''),"
        " ('2026-10- 1', 'day-b', NULL, 1, 'Cramps'),"
        /* 2 October, twice, neither canonical, contradicting each other */
        " ('2026-10-+2', 'day-c', 'headache', 0, 'Left side'),"
        " (' 2026-10-2', 'day-d', 'headache-free', 1, 'Slept well'),"
        /* 3 October, once, written the lenient way */
        " ('2026-10-+3', 'day-e', NULL, 1, ''),"
        /* no day at all: kept as it is */
        " ('sometime', 'day-f', NULL, 0, 'Unknown day');"
        "INSERT INTO preventive_courses (uuid, medication_uuid, start_date, end_date, amount, unit, notes)"
        " VALUES ('course-a', 'preset-topiramate-50mg', '2026-10- 1', '2026-10-+9', 50, 'mg', '');"
        /* keys an import let in that the CSV format cannot hold */
        "INSERT INTO symptoms (key, label, builtin) VALUES ('jaw;left', 'Jaw, left', 0),"
        " ('jaw-left', 'Jaw left', 0);"
        "INSERT INTO triggers (key, label, builtin) VALUES ('wine;cheese', 'Wine and cheese', 0);"
        "INSERT INTO attack_symptoms SELECT uuid, 'jaw;left' FROM attacks ORDER BY start_time LIMIT 1;"
        "INSERT INTO attack_triggers SELECT uuid, 'wine;cheese' FROM attacks ORDER BY start_time LIMIT 1;",
        NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);

      diary = md_diary_open (path, &error);
      g_assert_no_error (error);
      days_before = i == 0 ? 0 : 2; /* diary-v2.db has two days of its own */
      g_assert_cmpint (md_diary_count (diary, "days"), ==, days_before + 4);

      first = md_diary_get_day (diary, "2026-10-01");
      g_assert_cmpstr (first->uuid, ==, "day-a");
      g_assert_cmpstr (first->status, ==, "headache-free");
      g_assert_true (first->menstruation);
      g_assert_cmpstr (first->notes, ==, "Cramps");

      second = md_diary_get_day (diary, "2026-10-02");
      g_assert_cmpstr (second->uuid, ==, "day-c");
      g_assert_cmpstr (second->status, ==, "headache");
      g_assert_true (second->menstruation);
      g_assert_cmpstr (second->notes, ==,
                       "Left side\nSlept well\nThis day was also recorded as headache-free.");

      third = md_diary_get_day (diary, "2026-10-03");
      g_assert_cmpstr (third->uuid, ==, "day-e");
      g_assert_true (third->menstruation);

      g_assert_true (md_diary_has_uuid (diary, "days", "day-f"));
      g_assert_false (md_diary_has_uuid (diary, "days", "day-b"));
      g_assert_false (md_diary_has_uuid (diary, "days", "day-d"));

      /* The keys lose their ";" (and do not take a key that is there);
       * the attack keeps them, and the diary's export reads back. */
      attacks = md_diary_list_attacks (diary, G_MININT64, G_MAXINT64);
      attack = g_ptr_array_index (attacks, 0);
      g_assert_true (g_strv_contains ((const char * const *) attack->symptoms, "jaw-left-"));
      g_assert_true (g_strv_contains ((const char * const *) attack->triggers, "wine-cheese"));
      label = md_diary_get_symptom_label (diary, "jaw-left-");
      g_assert_cmpstr (label, ==, "Jaw, left");
      g_clear_pointer (&label, g_free);
      label = md_diary_get_symptom_label (diary, "jaw;left");
      g_assert_null (label);
      label = md_diary_get_symptom_label (diary, "jaw-left");
      g_assert_cmpstr (label, ==, "Jaw left");
      /* (The row that is no day, which no version of the app wrote,
       * would stop the file, rightly: it goes before the export.) */
      g_assert_true (md_database_exec (md_diary_get_database (diary),
                                       "DELETE FROM days WHERE uuid = 'day-f'", NULL));
      csv = md_diary_export_csv (diary, &error);
      g_assert_no_error (error);
      copy = md_test_new_diary (NULL);
      md_diary_import_csv (copy, csv->str, csv->len, NULL, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (md_diary_count (copy, "attack_symptoms"), ==, md_diary_count (diary, "attack_symptoms"));
      g_assert_cmpint (md_diary_count (copy, "attack_triggers"), ==, md_diary_count (diary, "attack_triggers"));

      courses = md_diary_list_preventive_courses (diary);
      g_assert_cmpuint (courses->len, ==, i == 0 ? 1 : 3);
      for (guint c = 0; c < courses->len; c++)
        {
          MdPreventiveCourse *course = g_ptr_array_index (courses, c);

          if (g_str_equal (course->uuid, "course-a"))
            {
              g_assert_cmpstr (course->start_date, ==, "2026-10-01");
              g_assert_cmpstr (course->end_date, ==, "2026-10-09");
            }
        }
    }
}

/* "No headache today" of a check-in answered later records the day it
 * asked about; never a day that has not happened, nor one with an
 * attack. */
static void
test_headache_free_day (void)
{
  g_autoptr(MdDiary) diary = new_diary ();
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (NOW);
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *today_date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *yesterday_date = g_date_time_format (yesterday, "%Y-%m-%d");
  g_autofree char *tomorrow_date = g_date_time_format (tomorrow, "%Y-%m-%d");
  g_autoptr(MdAttack) attack = make_attack (NOW - 3 * HOUR, 2);
  g_autoptr(MdDay) day = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (md_diary_record_headache_free_day (diary, yesterday_date, &error));
  g_assert_no_error (error);
  day = md_diary_get_day (diary, yesterday_date);
  g_assert_cmpstr (day->status, ==, "headache-free");
  g_assert_null (md_diary_get_day (diary, today_date));

  g_assert_false (md_diary_record_headache_free_day (diary, tomorrow_date, &error));
  g_assert_cmpstr (error->message, ==, "That day has not happened yet, so it was not recorded.");
  g_clear_error (&error);
  g_assert_null (md_diary_get_day (diary, tomorrow_date));

  g_assert_true (md_diary_save_attack (diary, attack, NULL));
  g_assert_false (md_diary_record_headache_free_today (diary, &error));
  g_assert_nonnull (strstr (error->message, "Today has an attack"));
  g_clear_error (&error);
}

static void
test_courses_and_reminders (void)
{
  g_autoptr(MdDiary) diary = new_diary ();
  g_autoptr(MdPreventiveCourse) course = md_preventive_course_new ();
  g_autoptr(MdReminder) reminder = md_reminder_new ();
  g_autoptr(GPtrArray) courses = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(MdDiaryUndo) undo = NULL;
  g_autoptr(GError) error = NULL;

  course->medication_uuid = g_strdup ("preset-magnesium-oral-400mg");
  course->start_date = g_strdup ("2026-01-01");
  course->end_date = g_strdup ("2025-12-01");
  g_assert_false (md_diary_save_preventive_course (diary, course, &error));
  g_assert_nonnull (strstr (error->message, "End:"));
  g_clear_error (&error);

  g_free (course->end_date);
  course->end_date = NULL;
  course->amount = 400;
  course->unit = g_strdup ("mg");
  g_assert_true (md_diary_save_preventive_course (diary, course, &error));
  courses = md_diary_list_preventive_courses (diary);
  g_assert_cmpuint (courses->len, ==, 1);

  reminder->kind = g_strdup ("medication");
  reminder->title = g_strdup ("Magnesium");
  reminder->schedule = g_strdup ("v1;daily;times=08:00,20:00");
  reminder->medication_uuid = g_strdup ("preset-magnesium-oral-400mg");
  g_assert_true (md_diary_save_reminder (diary, reminder, &error));
  g_assert_no_error (error);
  reminder->last_fired = NOW;
  g_assert_true (md_diary_save_reminder (diary, reminder, &error));
  reminders = md_diary_list_reminders (diary);
  g_assert_cmpuint (reminders->len, ==, 1);
  g_assert_cmpint (((MdReminder *) g_ptr_array_index (reminders, 0))->last_fired, ==, NOW);

  undo = md_diary_delete_reminder (diary, reminder->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (md_diary_count (diary, "reminders"), ==, 0);
  g_assert_true (md_diary_undo (diary, undo, &error));
  g_assert_cmpint (md_diary_count (diary, "reminders"), ==, 1);

  g_free (reminder->kind);
  reminder->kind = g_strdup ("horoscope");
  g_assert_false (md_diary_save_reminder (diary, reminder, &error));
  g_assert_nonnull (strstr (error->message, "Kind:"));
}

int
main (int   argc,
      char *argv[])
{
  md_test_init (&argc, &argv);

  g_test_add_func ("/md/diary/attack-round-trip", test_attack_round_trip);
  g_test_add_func ("/md/diary/closed-refuses-writes", test_closed_diary_refuses_writes);
  g_test_add_func ("/md/diary/edit-keeps-uuid", test_edit_keeps_uuid_and_announces_row);
  g_test_add_func ("/md/diary/delete-undo", test_delete_and_undo_restores_everything);
  g_test_add_func ("/md/diary/attack-validation", test_attack_validation);
  g_test_add_func ("/md/diary/dose-validation", test_dose_validation);
  g_test_add_func ("/md/diary/dose-default-purpose", test_dose_default_purpose);
  g_test_add_func ("/md/diary/reading-validation", test_reading_validation);
  g_test_add_func ("/md/diary/medication-archive", test_medication_with_doses_is_archived_not_deleted);
  g_test_add_func ("/md/diary/non-finite-amounts", test_non_finite_amounts_are_refused);
  g_test_add_func ("/md/diary/custom-symptoms", test_custom_symptoms_and_labels);
  g_test_add_func ("/md/diary/days", test_days_and_entries);
  g_test_add_func ("/md/diary/headache-free-day", test_headache_free_day);
  g_test_add_func ("/md/diary/dates-one-way", test_dates_are_written_one_way);
  g_test_add_func ("/md/diary/migration-3-one-record-per-day", test_migration_3_one_record_per_day);
  g_test_add_func ("/md/diary/courses-reminders", test_courses_and_reminders);

  return g_test_run ();
}
