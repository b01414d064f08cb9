/* test-csv-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <sys/wait.h>

#include "md-database-private.h"
#include "md-csv.h"
#include "md-diary-csv.h"
#include "md-error.h"
#include "md-test-utils.h"

static GString *
export (MdDiary *diary)
{
  g_autoptr(GError) error = NULL;
  GString *csv = md_diary_export_csv (diary, &error);

  g_assert_no_error (error);

  return csv;
}

/* Adds what the generator does not write, so every record type is in
 * the file: a custom symptom and trigger, a reminder, a formula-like note. */
static void
add_every_kind (MdDiary *diary)
{
  g_autoptr(MdReminder) reminder = md_reminder_new ();
  g_autoptr(MdAttack) attack = md_attack_new ();
  g_autofree char *symptom = md_diary_add_custom_symptom (diary, "Jaw pain, left", NULL);
  g_autofree char *trigger = md_diary_add_custom_trigger (diary, "=cmd|' /C calc'!A0", NULL);
  g_autoptr(GError) error = NULL;
  char *symptoms[] = { symptom, NULL };
  char *triggers[] = { trigger, NULL };

  reminder->kind = g_strdup ("medication");
  reminder->title = g_strdup ("Magnesium, \"evening\"");
  reminder->schedule = g_strdup ("v1;daily;times=20:00");
  reminder->medication_uuid = g_strdup ("preset-magnesium-oral-400mg");
  reminder->last_fired = 1700000000;
  g_assert_true (md_diary_save_reminder (diary, reminder, &error));
  g_assert_no_error (error);

  attack->start = 1600000000;
  attack->start_offset = -5 * 3600;
  attack->peak_pain = 2;
  attack->notes = g_strdup ("-started after =SUM(1;2)\nsecond line, with comma");
  attack->symptoms = g_strdupv (symptoms);
  attack->triggers = g_strdupv (triggers);
  g_assert_true (md_diary_save_attack (diary, attack, &error));
  g_assert_no_error (error);
}

static void
test_round_trip_is_identical (void)
{
  g_autofree char *path = md_test_generate_diary ((const char *[]) { "--years", "2", "--seed", "7", NULL });
  g_autoptr(MdDiary) source = md_test_open_diary (path);
  g_autoptr(MdDiary) target = md_test_new_diary (NULL);
  g_autoptr(GString) first = NULL;
  g_autoptr(GString) second = NULL;
  g_autoptr(GError) error = NULL;
  MdDiaryCsvSummary summary;
  const char *kinds[] = { "\nmedication,", "\nsymptom,", "\ntrigger,", "\nattack,", "\ndose,",
                          "\npain_reading,", "\nday,", "\npreventive_course,", "\nreminder," };

  add_every_kind (source);
  first = export (source);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    g_assert_nonnull (strstr (first->str, kinds[i]));
  /* The spreadsheet formula is defused, and times keep their offsets. */
  g_assert_nonnull (strstr (first->str, ",'=cmd|"));
  g_assert_nonnull (strstr (first->str, "2020-09-13T07:26:40-05:00"));

  g_assert_true (md_diary_import_csv (target, first->str, first->len, NULL, NULL, NULL,
                                      &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, >, 1000);

  second = export (target);
  g_assert_cmpstr (first->str, ==, second->str);

  /* The same file again adds nothing. */
  g_assert_true (md_diary_import_csv (target, first->str, first->len, NULL, NULL, NULL,
                                      &summary, &error));
  g_assert_cmpuint (summary.added, ==, 0);
}

static void
test_import_merges_with_existing_entries (void)
{
  g_autofree char *path = md_test_generate_diary ((const char *[]) { "--years", "1", "--seed", "7", NULL });
  g_autoptr(MdDiary) source = md_test_open_diary (path);
  g_autoptr(MdDiary) target = md_test_new_diary (NULL);
  g_autoptr(MdAttack) own = md_attack_new ();
  g_autoptr(GString) csv = export (source);
  g_autoptr(GError) error = NULL;
  gint64 source_attacks = md_diary_count (source, "attacks");
  MdDiaryCsvSummary summary;

  own->start = 1500000000;
  own->peak_pain = 3;
  g_assert_true (md_diary_save_attack (target, own, NULL));

  g_assert_true (md_diary_import_csv (target, csv->str, csv->len, NULL, NULL, NULL, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpint (md_diary_count (target, "attacks"), ==, source_attacks + 1);
  g_assert_nonnull (md_diary_get_attack (target, own->uuid));
  g_object_unref (md_diary_get_attack (target, own->uuid));
}

static gint64
ten_o_clock (gpointer user_data)
{
  return G_GINT64_CONSTANT (1795597200); /* 2026-11-25 10:00 CET */
}

/* An acute dose taken minutes ago gets its "How is your pain now?" at
 * exactly its 2-hour mark; a dose past it, a preventive dose and a dose
 * the file brings a follow-up for get none; the summary counts it. */
static void
test_import_follows_up_recent_doses (void)
{
  g_autoptr(MdDiary) diary = md_test_new_diary (NULL);
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GError) error = NULL;
  MdDiaryCsvSummary summary;
  const char *csv =
    "#migraine-diary-csv,1\n"
    "dose,d-recent,preset-sumatriptan-50mg,,2026-11-25T09:40:12+01:00,50,mg,oral,home,,,,,,\n"
    "dose,d-old,preset-sumatriptan-50mg,,2026-11-25T07:30:00+01:00,50,mg,oral,home,,,,,,\n"
    "dose,d-preventive,preset-magnesium-oral-400mg,,2026-11-25T09:40:00+01:00,400,mg,oral,home,,,,,,\n"
    "dose,d-followed,preset-sumatriptan-50mg,,2026-11-25T09:50:00+01:00,50,mg,oral,home,,,,,,\n"
    "reminder,r-1,follow-up,How is your pain now?,\"v1;once;at=2026-11-25T11:50:00+01:00;lead=0\",,"
    "d-followed,1,,\n";

  md_diary_set_now_func (diary, ten_o_clock, NULL);
  g_assert_true (md_diary_import_csv (diary, csv, strlen (csv), NULL, NULL, NULL, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 5);
  g_assert_cmpuint (summary.follow_ups, ==, 1);

  reminders = md_diary_list_reminders (diary);
  g_assert_cmpuint (reminders->len, ==, 2);
  for (guint i = 0; i < reminders->len; i++)
    {
      MdReminder *reminder = g_ptr_array_index (reminders, i);

      g_assert_cmpstr (reminder->kind, ==, "follow-up");
      if (g_str_equal (reminder->dose_uuid, "d-recent"))
        g_assert_cmpstr (reminder->schedule, ==, "v1;once;at=2026-11-25T11:40:12+01:00;lead=0");
      else
        g_assert_cmpstr (reminder->uuid, ==, "r-1");
    }

  /* Again: nothing new, no follow-up more. */
  g_assert_true (md_diary_import_csv (diary, csv, strlen (csv), NULL, NULL, NULL, &summary, &error));
  g_assert_cmpuint (summary.added, ==, 0);
  g_assert_cmpuint (summary.follow_ups, ==, 0);
  g_assert_cmpint (md_diary_count (diary, "reminders"), ==, 2);
}

typedef struct
{
  const char *name;
  const char *csv;
  const char *message;
} BadFile;

static void
test_malformed_file_changes_nothing (void)
{
  const BadFile cases[] = {
    { "not ours", "uuid,start\n", "Line 1: this is not a Migraine Diary CSV file." },
    { "newer format", "#migraine-diary-csv,3\n", "Line 1: the file was written by a newer version" },
    { "version 2 without the purpose column",
      "#migraine-diary-csv,2\n"
      "dose,x1,preset-ibuprofen-400mg,,2026-01-04T11:00:00+01:00,400,mg,oral,home,,,,,,\n",
      "Line 2: a “dose” line needs 16 fields but has 15." },
    { "unknown purpose",
      "#migraine-diary-csv,2\n"
      "dose,x1,preset-ibuprofen-400mg,,2026-01-04T11:00:00+01:00,400,mg,oral,home,,,,,,,sleep\n",
      "Line 2: Taken for: choose a headache or prevention." },
    { "unknown type",
      "#migraine-diary-csv,1\nmood,x\n", "Line 2, column 1: “mood” is not a kind of diary entry." },
    { "wrong field count",
      "#migraine-diary-csv,1\nday,u1,2026-01-01\n", "Line 2: a “day” line needs 6 fields but has 3." },
    { "bad time",
      "#migraine-diary-csv,1\nattack,a1,2026-13-40T00:00:00+01:00,,2,,,,,,,,,,\n",
      "Line 2, column 3 (start): not a time with its UTC offset" },
    { "time without offset",
      "#migraine-diary-csv,1\nattack,a1,2026-01-04T10:00:00,,2,,,,,,,,,,\n",
      "Line 2, column 3 (start): not a time with its UTC offset" },
    { "pain out of range",
      "#migraine-diary-csv,1\nattack,a1,2026-01-04T10:00:00+01:00,,7,,,,,,,,,,\n",
      "Line 2, column 5 (peak_pain): not a whole number from 0 to 3." },
    { "unknown medication, after good lines",
      "#migraine-diary-csv,1\n"
      "day,d1,2026-01-01,headache-free,0,\n"
      "attack,a1,2026-01-04T10:00:00+01:00,,2,,,,,,,,,,\n"
      "dose,x1,no-such-medication,a1,2026-01-04T11:00:00+01:00,50,mg,oral,home,,,,,,\n",
      "Line 4: Medication: choose a medication from your list." },
    { "decimal comma",
      "#migraine-diary-csv,1\n"
      "dose,x1,preset-zolmitriptan-2-5mg,,2026-01-04T11:00:00+01:00,\"2,5\",mg,oral,home,,,,,,\n",
      "Line 2, column 6 (amount): not a number" },
    { "infinite amount",
      "#migraine-diary-csv,1\n"
      "dose,x1,preset-ibuprofen-400mg,,2026-01-04T11:00:00+01:00,inf,mg,oral,home,,,,,,\n",
      "Line 2, column 6 (amount): not a number such as 2.5" },
    { "amount too large to be a number",
      "#migraine-diary-csv,1\n"
      "dose,x1,preset-ibuprofen-400mg,,2026-01-04T11:00:00+01:00,1e400,mg,oral,home,,,,,,\n",
      "Line 2, column 6 (amount): not a number such as 2.5" },
    { "amount as a C hexadecimal float",
      "#migraine-diary-csv,1\n"
      "dose,x1,preset-ibuprofen-400mg,,2026-01-04T11:00:00+01:00,0x1p3,mg,oral,home,,,,,,\n",
      "Line 2, column 6 (amount): not a number such as 2.5" },
    { "amount with a leading space",
      "#migraine-diary-csv,1\n"
      "dose,x1,preset-ibuprofen-400mg,,2026-01-04T11:00:00+01:00, 400,mg,oral,home,,,,,,\n",
      "Line 2, column 6 (amount): not a number such as 2.5" },
    { "cost not a number",
      "#migraine-diary-csv,1\n"
      "dose,x1,preset-ibuprofen-400mg,,2026-01-04T11:00:00+01:00,400,mg,oral,home,,,,nan,,\n",
      "Line 2, column 13 (cost): not a number such as 2.5" },
    { "usual amount infinite",
      "#migraine-diary-csv,1\n"
      "medication,m1,Rimegepant,gepant,acute,INF,mg,oral,,0\n",
      "Line 2, column 6 (default_amount): not a number such as 2.5" },
    { "course amount not a number",
      "#migraine-diary-csv,1\n"
      "preventive_course,c1,preset-topiramate-50mg,2026-01-01,,NaN,mg,\n",
      "Line 2, column 6 (amount): not a number such as 2.5" },
    { "day written with a sign",
      "#migraine-diary-csv,1\nday,d1,2024-01-+1,headache-free,0,\n",
      "Line 2: Day: not a valid date (YYYY-MM-DD)." },
    { "day written with a space",
      "#migraine-diary-csv,1\nday,d1,2024-01- 1,headache-free,0,\n",
      "Line 2: Day: not a valid date (YYYY-MM-DD)." },
    { "day with a one-digit month",
      "#migraine-diary-csv,1\nday,d1, 2024-1-01,headache-free,0,\n",
      "Line 2: Day: not a valid date (YYYY-MM-DD)." },
    { "course start written with a sign",
      "#migraine-diary-csv,1\npreventive_course,c1,preset-topiramate-50mg,2026-01-+5,,50,mg,\n",
      "Line 2: Start: not a valid date (YYYY-MM-DD)." },
    { "time with a fraction of a second",
      "#migraine-diary-csv,1\nattack,a1,2026-01-04T10:00:00.5+01:00,,2,,,,,,,,,,\n",
      "Line 2, column 3 (start): not a time with its UTC offset" },
    { "time with an offset without colon",
      "#migraine-diary-csv,1\nattack,a1,2026-01-04T10:00:00+0100,,2,,,,,,,,,,\n",
      "Line 2, column 3 (start): not a time with its UTC offset" },
    { "time as a week date",
      "#migraine-diary-csv,1\nattack,a1,2026-W01-7T10:00:00+01:00,,2,,,,,,,,,,\n",
      "Line 2, column 3 (start): not a time with its UTC offset" },
    { "time as a day of the year",
      "#migraine-diary-csv,1\nattack,a1,2026-004T10:00:00+01:00,,2,,,,,,,,,,\n",
      "Line 2, column 3 (start): not a time with its UTC offset" },
    { "time without seconds",
      "#migraine-diary-csv,1\nattack,a1,2026-01-04T10:00+01:00,,2,,,,,,,,,,\n",
      "Line 2, column 3 (start): not a time with its UTC offset" },
    { "UTC offset of a whole day",
      "#migraine-diary-csv,1\nattack,a1,2026-01-04T10:00:00+24:00,,2,,,,,,,,,,\n",
      "Line 2, column 3 (start): the UTC offset must be from −18:00 to +18:00." },
    { "UTC offset beyond 18 hours",
      "#migraine-diary-csv,1\nattack,a1,2026-01-04T10:00:00+05:00,2026-01-04T11:00:00-18:30,2,,,,,,,,,,\n",
      "Line 2, column 4 (end): the UTC offset must be from −18:00 to +18:00." },
    { "UTC offset of a pain reading",
      "#migraine-diary-csv,1\n"
      "attack,a1,2026-01-04T10:00:00+01:00,,2,,,,,,,,,,\n"
      "pain_reading,p1,a1,,2026-01-04T12:00:00+19:00,1,,\n",
      "Line 3, column 5 (time): the UTC offset must be from −18:00 to +18:00." },
    { "the same symptom twice in one attack",
      "#migraine-diary-csv,1\nattack,a1,2026-01-04T10:00:00+01:00,,2,,,,,,,,nausea;vomiting;nausea,,\n",
      "Line 2: Symptoms: “nausea” is listed twice; list each symptom once." },
    { "the same trigger twice in one attack",
      "#migraine-diary-csv,1\nattack,a1,2026-01-04T10:00:00+01:00,,2,,,,,,,,,sleep;sleep,\n",
      "Line 2: Triggers: “sleep” is listed twice; list each trigger once." },
    { "a symptom key with the list separator",
      "#migraine-diary-csv,1\nsymptom,jaw;left,Jaw pain on the left\n",
      "Line 2: Key: “jaw;left” contains “;”, which separates the symptoms and triggers of an attack" },
    { "a trigger key with the list separator",
      "#migraine-diary-csv,1\ntrigger,\"red wine;cheese\",Red wine and cheese\n",
      "Line 2: Key: “red wine;cheese” contains “;”" },
    { "broken quoting",
      "#migraine-diary-csv,1\nday,d1,2026-01-01,headache-free,0,\"unclosed\n",
      "Line 2, column 6: a quoted field is not closed." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(MdDiary) diary = md_test_new_diary (NULL);
      g_autoptr(GString) before = export (diary);
      g_autoptr(GString) after = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("case: %s", cases[i].name);
      g_assert_false (md_diary_import_csv (diary, cases[i].csv, strlen (cases[i].csv),
                                           NULL, NULL, NULL, NULL, &error));
      g_assert_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_CSV);
      g_assert_nonnull (strstr (error->message, cases[i].message));

      after = export (diary);
      g_assert_cmpstr (before->str, ==, after->str);
      g_assert_cmpint (md_diary_count (diary, "days"), ==, 0);
      g_assert_cmpint (md_diary_count (diary, "attacks"), ==, 0);
    }
}

static char **
keys_of (GPtrArray *keys)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < keys->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (keys, i), "custom-") ||
        strstr (g_ptr_array_index (keys, i), "own") != NULL)
      g_strv_builder_add (builder, g_ptr_array_index (keys, i));

  return g_strv_builder_end (builder);
}

/* Every custom symptom and trigger a diary can hold comes back from its
 * own export: the ones typed in the window (any label: the key is made
 * for it) and the ones another diary's file brought, whatever their
 * key, with every attack that has them. */
static void
test_every_custom_key_round_trips (void)
{
  g_autoptr(MdDiary) source = md_test_new_diary (NULL);
  g_autoptr(MdDiary) target = md_test_new_diary (NULL);
  g_autoptr(MdAttack) attack = md_attack_new ();
  g_autoptr(MdAttack) saved = NULL;
  g_autoptr(MdAttack) imported = NULL;
  g_autoptr(GPtrArray) symptom_keys = NULL;
  g_autoptr(GPtrArray) trigger_keys = NULL;
  g_autoptr(GString) first = NULL;
  g_autoptr(GString) second = NULL;
  g_autoptr(GError) error = NULL;
  const char *labels[] = { "Jaw pain; left side", "Tingling, \"hands\"", "=1+1", "'quoted",
                           "two\nlines", "-minus", "@at", " spaced ", "頭痛 Ünïcödé", "a;b;c", ";" };
  const char *file =
    "#migraine-diary-csv,2\n"
    "symptom,own key with spaces,Spaces\n"
    "symptom,\"own,comma\",Comma\n"
    "symptom,'=own formula,Formula\n"
    "symptom,''own quote,Quote\n"
    "symptom,\"own\nline\",Line\n"
    "trigger,ownкириллица,Cyrillic\n"
    "trigger,\"own \"\"quoted\"\"\",Quoted\n";

  g_assert_true (md_diary_import_csv (source, file, strlen (file), NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autofree char *symptom = md_diary_add_custom_symptom (source, labels[i], &error);
      g_autofree char *trigger = md_diary_add_custom_trigger (source, labels[i], &error);

      g_assert_no_error (error);
      g_assert_null (strchr (symptom, ';'));
      g_assert_null (strchr (trigger, ';'));
    }

  symptom_keys = md_diary_list_symptom_keys (source);
  trigger_keys = md_diary_list_trigger_keys (source);
  attack->start = 1600000000;
  attack->start_offset = 3600;
  attack->peak_pain = 2;
  attack->symptoms = keys_of (symptom_keys);
  attack->triggers = keys_of (trigger_keys);
  g_assert_cmpuint (g_strv_length (attack->symptoms), ==, G_N_ELEMENTS (labels) + 5);
  g_assert_cmpuint (g_strv_length (attack->triggers), ==, G_N_ELEMENTS (labels) + 2);
  g_assert_true (md_diary_save_attack (source, attack, &error));
  g_assert_no_error (error);

  first = export (source);
  g_assert_true (md_diary_import_csv (target, first->str, first->len, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  second = export (target);
  g_assert_cmpstr (first->str, ==, second->str);

  saved = md_diary_get_attack (source, attack->uuid);
  imported = md_diary_get_attack (target, attack->uuid);
  g_assert_nonnull (imported);
  g_assert_cmpuint (g_strv_length (saved->symptoms), ==, g_strv_length (attack->symptoms));
  g_assert_cmpstrv (imported->symptoms, saved->symptoms);
  g_assert_cmpstrv (imported->triggers, saved->triggers);
  for (guint i = 0; attack->symptoms[i] != NULL; i++)
    {
      g_autofree char *want = md_diary_get_symptom_label (source, attack->symptoms[i]);
      g_autofree char *got = md_diary_get_symptom_label (target, attack->symptoms[i]);

      g_assert_cmpstr (got, ==, want);
    }
  for (guint i = 0; attack->triggers[i] != NULL; i++)
    {
      g_autofree char *want = md_diary_get_trigger_label (source, attack->triggers[i]);
      g_autofree char *got = md_diary_get_trigger_label (target, attack->triggers[i]);

      g_assert_cmpstr (got, ==, want);
    }
}

/* A blank line at the end — or several, or one between records, with
 * LF or CRLF — is no record: before, it was "“” is not a kind of diary
 * entry". */
static void
test_blank_lines_are_no_records (void)
{
  const char *endings[] = {
    "day,d2,2026-01-02,headache,0,\n\n",
    "day,d2,2026-01-02,headache,0,\n\n\n\n",
    "day,d2,2026-01-02,headache,0,\r\n\r\n\r\n",
    "\nday,d2,2026-01-02,headache,0,\n",
    "day,d2,2026-01-02,headache,0,\n\"\"\n",
    "day,d2,2026-01-02,headache,0,\n  \n",
    "day,d2,2026-01-02,headache,0,\n\t \r\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (endings); i++)
    {
      g_autoptr(MdDiary) diary = md_test_new_diary (NULL);
      g_autofree char *file = g_strconcat ("#migraine-diary-csv,2\n"
                                           "#day,uuid,date,status,menstruation,notes\n"
                                           "day,d1,2026-01-01,headache-free,0,\n",
                                           endings[i], NULL);
      g_autoptr(GError) error = NULL;
      MdDiaryCsvSummary summary;

      g_test_message ("ending %u", i);
      g_assert_true (md_diary_import_csv (diary, file, strlen (file), NULL, NULL, NULL, &summary, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (summary.added, ==, 2);
      g_assert_cmpint (md_diary_count (diary, "days"), ==, 2);
    }
}

static void
assert_summary (const MdDiaryCsvSummary *summary,
                guint                    added,
                guint                    skipped,
                guint                    days_completed,
                guint                    days_differing)
{
  g_assert_cmpuint (summary->added, ==, added);
  g_assert_cmpuint (summary->skipped, ==, skipped);
  g_assert_cmpuint (summary->days_completed, ==, days_completed);
  g_assert_cmpuint (summary->days_differing, ==, days_differing);
}

/* Another diary's record of a day this one has: what only the file says
 * (menstruation, notes, a status) completes the day; where both say
 * something, the diary keeps its own and the summary names the day.
 * Before, the file's record was dropped and counted as "already in the
 * diary". */
static void
test_days_merge_or_say_how_they_differ (void)
{
  g_autoptr(MdDiary) diary = md_test_new_diary (NULL);
  g_autoptr(MdDay) plain = md_day_new ();
  g_autoptr(MdDay) headache = md_day_new ();
  g_autoptr(MdDay) first = NULL;
  g_autoptr(MdDay) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *said = NULL;
  g_autofree char *said_again = NULL;
  MdDiaryCsvSummary summary;
  const char *file =
    "#migraine-diary-csv,2\n"
    "day,other-1,2026-01-01,headache-free,1,Cramps\n"
    "day,other-2,2026-01-02,headache-free,0,Slept well\n"
    "day,other-3,2026-01-03,,1,\n";

  plain->date = g_strdup ("2026-01-01");
  plain->status = g_strdup ("headache-free");
  g_assert_true (md_diary_save_day (diary, plain, &error));
  headache->date = g_strdup ("2026-01-02");
  headache->status = g_strdup ("headache");
  headache->notes = g_strdup ("Left side");
  g_assert_true (md_diary_save_day (diary, headache, &error));
  g_assert_no_error (error);

  g_assert_true (md_diary_import_csv (diary, file, strlen (file), NULL, NULL, NULL, &summary, &error));
  g_assert_no_error (error);
  assert_summary (&summary, 1, 1, 1, 1);
  said = md_diary_csv_summary_describe_days (&summary);
  g_assert_cmpstr (said, ==,
                   "1 day already in the diary was completed from the file. "
                   "On 1 day (2026-01-02), the file differs from the diary; the diary keeps its own record.");

  first = md_diary_get_day (diary, "2026-01-01");
  g_assert_cmpstr (first->uuid, ==, plain->uuid);
  g_assert_cmpstr (first->status, ==, "headache-free");
  g_assert_true (first->menstruation);
  g_assert_cmpstr (first->notes, ==, "Cramps");
  second = md_diary_get_day (diary, "2026-01-02");
  g_assert_cmpstr (second->status, ==, "headache");
  g_assert_false (second->menstruation);
  g_assert_cmpstr (second->notes, ==, "Left side");
  g_assert_cmpint (md_diary_count (diary, "days"), ==, 3);

  /* Again: nothing left to complete; the difference is still told. */
  g_assert_true (md_diary_import_csv (diary, file, strlen (file), NULL, NULL, NULL, &summary, &error));
  assert_summary (&summary, 0, 3, 0, 1);
  said_again = md_diary_csv_summary_describe_days (&summary);
  g_assert_cmpstr (said_again, ==,
                   "On 1 day (2026-01-02), the file differs from the diary; the diary keeps its own record.");
}

/* The export's own form of a time is read, and Z as +00:00. */
static void
test_time_in_utc_is_read (void)
{
  g_autoptr(MdDiary) diary = md_test_new_diary (NULL);
  g_autoptr(GString) csv = NULL;
  g_autoptr(GError) error = NULL;
  const char *file =
    "#migraine-diary-csv,2\n"
    "attack,a1,2026-01-04T09:00:00Z,2026-01-04T12:30:00-03:30,2,,,,,,,,,,\n";

  g_assert_true (md_diary_import_csv (diary, file, strlen (file), NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  csv = export (diary);
  g_assert_nonnull (strstr (csv->str, "\nattack,a1,2026-01-04T09:00:00+00:00,2026-01-04T12:30:00-03:30,2,"));
}

static void
test_too_large_is_refused (void)
{
  g_autoptr(MdDiary) diary = md_test_new_diary (NULL);
  g_autoptr(GError) error = NULL;

  /* The length is checked before a byte is read. */
  g_assert_false (md_diary_import_csv (diary, "", (gsize) MD_CSV_MAX_FILE_SIZE + 1,
                                       NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_TOO_LARGE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "67.1"));
  g_assert_nonnull (strstr (error->message, "can be imported"));
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  *last = fraction;
}

/* Drops the columns that version 2 added from an export, so that it can be
 * compared with a version 1 file. */
static char *
as_version_1 (const char *csv)
{
  g_auto(GStrv) lines = g_strsplit (csv, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      const char *line = lines[i];

      if (i == 0)
        g_string_append (out, "#migraine-diary-csv,1");
      else if (g_str_has_prefix (line, "dose,") || g_str_has_prefix (line, "#dose,"))
        g_string_append_len (out, line, strrchr (line, ',') - line);
      else if (g_str_has_prefix (line, "preventive_course,") ||
               g_str_has_prefix (line, "#preventive_course,"))
        {
          const char *second = strrchr (line, ',');
          const char *first = g_strrstr_len (line, second - line, ",");

          g_string_append_len (out, line, first - line);
        }
      else
        g_string_append (out, line);
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

/* A file written by version 1 (tests/fixtures/diary-v1.csv, exported
 * before doses had a purpose) imports unchanged, and its doses get the
 * default purpose from the whole file: the course and the days that
 * decide it come after the doses. */
static void
test_version_1_file_imports_unchanged (void)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "fixtures", "diary-v1.csv", NULL);
  g_autoptr(MdDiary) diary = md_test_new_diary (NULL);
  g_autofree char *contents = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GString) exported = NULL;
  g_autoptr(GError) error = NULL;
  MdDiaryCsvSummary summary;
  gsize length;
  const struct {
    const char *uuid;
    const char *purpose;
  } expected[] = {
    { "a0000000-0000-4000-8000-000000000001", "prevention" }, /* IV at the clinic */
    { "a0000000-0000-4000-8000-000000000002", "prevention" }, /* course, headache-free day */
    { "a0000000-0000-4000-8000-000000000003", "acute" },      /* course, day with headache */
    { "a0000000-0000-4000-8000-000000000004", "prevention" }, /* oral magnesium */
    { "a0000000-0000-4000-8000-000000000005", "acute" },      /* ibuprofen */
    { "5759f789-6bf8-45ed-82be-903470b96463", "acute" },      /* linked to an attack */
  };

  g_assert_true (g_file_get_contents (source, &contents, &length, &error));
  g_assert_true (g_str_has_prefix (contents, "#migraine-diary-csv,1\n"));
  g_assert_true (md_diary_import_csv (diary, contents, length, NULL, NULL, NULL, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpint (md_diary_count (diary, "attacks"), ==, 30);
  g_assert_cmpint (md_diary_count (diary, "doses"), ==, 8);
  g_assert_cmpint (md_diary_count (diary, "days"), ==, 2);
  g_assert_cmpint (md_diary_count (diary, "preventive_courses"), ==, 1);

  /* Every field of the file comes back as it was. */
  exported = export (diary);
  g_assert_true (g_str_has_prefix (exported->str, MD_DIARY_CSV_SIGNATURE "\n"));
  again = as_version_1 (exported->str);
  g_assert_cmpstr (again, ==, contents);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *purpose = md_test_dose_purpose (diary, expected[i].uuid);

      g_assert_cmpstr (purpose, ==, expected[i].purpose);
    }
}

/* What the patient chose, even against the default, survives export and
 * import; so does why a course ended. */
static void
test_purpose_round_trips (void)
{
  g_autoptr(MdDiary) source = md_test_new_diary (NULL);
  g_autoptr(MdDiary) target = md_test_new_diary (NULL);
  g_autoptr(MdDose) clinic = md_test_dose_new ("preset-magnesium-sulfate-iv-2g", 2, "g", "iv", "clinic", 1780000000);
  g_autoptr(MdDose) home = md_test_dose_new ("preset-naproxen-500mg", 500, "mg", "oral", "home", 1780100000);
  g_autoptr(MdPreventiveCourse) course = md_preventive_course_new ();
  g_autoptr(GPtrArray) courses = NULL;
  g_autoptr(GString) first = NULL;
  g_autoptr(GString) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *clinic_purpose = NULL;
  g_autofree char *home_purpose = NULL;
  MdPreventiveCourse *imported;

  /* An infusion at the clinic, for a headache (the default says prevention) */
  clinic->taken_offset = 7200;
  clinic->purpose = g_strdup ("acute");
  g_assert_true (md_diary_save_dose (source, clinic, &error));
  g_assert_no_error (error);
  /* A tablet of naproxen taken as prevention (the default says acute) */
  home->taken_offset = 7200;
  home->purpose = g_strdup ("prevention");
  g_assert_true (md_diary_save_dose (source, home, &error));
  g_assert_no_error (error);
  course->medication_uuid = g_strdup ("preset-topiramate-50mg");
  course->start_date = g_strdup ("2026-01-05");
  course->end_date = g_strdup ("2026-02-20");
  course->end_reason = g_strdup ("side-effects");
  course->end_reason_notes = g_strdup ("tingling, \"word-finding\"");
  g_assert_true (md_diary_save_preventive_course (source, course, &error));
  g_assert_no_error (error);

  first = export (source);
  g_assert_nonnull (strstr (first->str, ",acute\n"));
  g_assert_nonnull (strstr (first->str, ",prevention\n"));
  g_assert_nonnull (strstr (first->str, ",side-effects,\"tingling, \"\"word-finding\"\"\"\n"));
  g_assert_true (md_diary_import_csv (target, first->str, first->len, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  clinic_purpose = md_test_dose_purpose (target, clinic->uuid);
  home_purpose = md_test_dose_purpose (target, home->uuid);
  g_assert_cmpstr (clinic_purpose, ==, "acute");
  g_assert_cmpstr (home_purpose, ==, "prevention");
  courses = md_diary_list_preventive_courses (target);
  g_assert_cmpuint (courses->len, ==, 1);
  imported = g_ptr_array_index (courses, 0);
  g_assert_cmpstr (imported->end_reason, ==, "side-effects");
  g_assert_cmpstr (imported->end_reason_notes, ==, "tingling, \"word-finding\"");

  second = export (target);
  g_assert_cmpstr (first->str, ==, second->str);
}

static void
test_progress_and_cancel (void)
{
  g_autofree char *path = md_test_generate_diary ((const char *[]) { "--years", "2", "--seed", "7", NULL });
  g_autoptr(MdDiary) source = md_test_open_diary (path);
  g_autoptr(MdDiary) target = md_test_new_diary (NULL);
  g_autoptr(GString) csv = export (source);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  double last = 0;

  g_assert_true (md_diary_import_csv (target, csv->str, csv->len, progress_cb, &last, NULL,
                                      NULL, &error));
  g_assert_cmpfloat (last, ==, 1.0);

  g_clear_object (&target);
  target = md_test_new_diary (NULL);
  g_cancellable_cancel (cancellable);
  g_assert_false (md_diary_import_csv (target, csv->str, csv->len, NULL, NULL, cancellable,
                                       NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (md_diary_count (target, "attacks"), ==, 0);
}

/* A killed import leaves all of it or none of it, never a damaged file. */
static void
test_killed_import_is_all_or_nothing (void)
{
  g_autofree char *path = md_test_generate_diary ((const char *[]) { "--attacks", "60000", "--seed", "7", NULL });
  g_autofree char *dir = md_test_make_temp_dir ();
  g_autofree char *csv_path = g_build_filename (dir, "big.csv", NULL);
  g_autoptr(GString) csv = NULL;
  gint64 expected;

  {
    g_autoptr(MdDiary) source = md_test_open_diary (path);

    csv = export (source);
    expected = md_diary_count (source, "attacks");
    g_assert_true (g_file_set_contents (csv_path, csv->str, csv->len, NULL));
  }

  for (guint round = 0; round < 4; round++)
    {
      g_autofree char *target = g_strdup_printf ("%s/target-%u.db", dir, round);
      const char *argv[] = { md_test_get_executable (), "--database", target,
                             "--import-csv", csv_path, NULL };
      g_autoptr(GError) error = NULL;
      g_autoptr(MdDiary) diary = NULL;
      sqlite3_stmt *stmt;
      GPid pid;
      int status;
      gint64 count;

      g_assert_true (g_spawn_async (NULL, (char **) argv, NULL,
                                    G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                                    G_SPAWN_STDERR_TO_DEV_NULL,
                                    NULL, NULL, &pid, &error));
      g_usleep (g_test_rand_int_range (50, 900) * 1000);
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);
      g_spawn_close_pid (pid);

      if (!g_file_test (target, G_FILE_TEST_EXISTS))
        continue;

      diary = md_test_open_diary (target);
      stmt = md_database_prepare (md_diary_get_database (diary), "PRAGMA integrity_check", NULL);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
      sqlite3_reset (stmt);

      count = md_diary_count (diary, "attacks");
      g_test_message ("round %u: %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT " attacks",
                      round, count, expected);
      g_assert_true (count == 0 || count == expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  md_test_init (&argc, &argv);

  g_test_add_func ("/md/csv-import/round-trip", test_round_trip_is_identical);
  g_test_add_func ("/md/csv-import/merge", test_import_merges_with_existing_entries);
  g_test_add_func ("/md/csv-import/follow-ups", test_import_follows_up_recent_doses);
  g_test_add_func ("/md/csv-import/malformed", test_malformed_file_changes_nothing);
  g_test_add_func ("/md/csv-import/version-1", test_version_1_file_imports_unchanged);
  g_test_add_func ("/md/csv-import/purpose-round-trip", test_purpose_round_trips);
  g_test_add_func ("/md/csv-import/utc-time", test_time_in_utc_is_read);
  g_test_add_func ("/md/csv-import/day-merge", test_days_merge_or_say_how_they_differ);
  g_test_add_func ("/md/csv-import/blank-lines", test_blank_lines_are_no_records);
  g_test_add_func ("/md/csv-import/custom-keys", test_every_custom_key_round_trips);
  g_test_add_func ("/md/csv-import/too-large", test_too_large_is_refused);
  g_test_add_func ("/md/csv-import/progress-cancel", test_progress_and_cancel);
  g_test_add_func ("/md/csv-import/killed", test_killed_import_is_all_or_nothing);

  return g_test_run ();
}
