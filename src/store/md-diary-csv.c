/* md-diary-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The whole diary as one CSV file (the format is documented in README.md,
 * "CSV format"). Every record line starts with its type; a line starting
 * with `#` names the columns of the type that follows, so the file reads
 * well in a spreadsheet. Times are ISO 8601 with the UTC offset the
 * patient lived in, numbers are C-locale whatever the UI language, and
 * the output is deterministic: export, import into an empty diary and
 * export again gives the same bytes.
 */

#define G_LOG_DOMAIN "md-diary-csv"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "md-catalogue.h"
#include "md-csv.h"
#include "md-database-private.h"
#include "md-diary-csv.h"
#include "md-diary-private.h"
#include "md-error.h"

typedef enum
{
  RECORD_MEDICATION,
  RECORD_SYMPTOM,
  RECORD_TRIGGER,
  RECORD_ATTACK,
  RECORD_DOSE,
  RECORD_PAIN_READING,
  RECORD_DAY,
  RECORD_PREVENTIVE_COURSE,
  RECORD_REMINDER,
  N_RECORDS
} RecordType;

/* Columns are only ever added at the end of a record; v1_columns is how
 * many a version 1 file has (0: as many as today). */
static const struct {
  const char *name;
  const char *columns[16];
  guint       v1_columns;
} records[N_RECORDS] = {
  [RECORD_MEDICATION] = { "medication",
    { "uuid", "name", "class", "use", "default_amount", "unit", "route", "builtin_key", "archived" } },
  [RECORD_SYMPTOM] = { "symptom", { "key", "label" } },
  [RECORD_TRIGGER] = { "trigger", { "key", "label" } },
  [RECORD_ATTACK] = { "attack",
    { "uuid", "start", "end", "peak_pain", "peak_nrs", "aura", "aura_minutes", "side", "quality",
      "worse_with_activity", "disability", "symptoms", "triggers", "notes" } },
  [RECORD_DOSE] = { "dose",
    { "uuid", "medication", "attack", "taken", "amount", "unit", "route", "setting", "infusion_end",
      "co_administered", "side_effects", "cost", "most_bothersome", "notes", "purpose" }, 14 },
  [RECORD_PAIN_READING] = { "pain_reading",
    { "uuid", "attack", "dose", "time", "pain", "nrs", "most_bothersome_present" } },
  [RECORD_DAY] = { "day", { "uuid", "date", "status", "menstruation", "notes" } },
  [RECORD_PREVENTIVE_COURSE] = { "preventive_course",
    { "uuid", "medication", "start_date", "end_date", "amount", "unit", "notes", "end_reason",
      "end_reason_notes" }, 7 },
  [RECORD_REMINDER] = { "reminder",
    { "uuid", "kind", "title", "schedule", "medication", "dose", "enabled", "last_fired",
      "snoozed_until" } },
};

static guint
n_columns (RecordType type)
{
  guint n = 0;

  while (n < G_N_ELEMENTS (records[type].columns) && records[type].columns[n] != NULL)
    n++;

  return n;
}

/* The columns a file of format @version has. */
static guint
n_columns_in (RecordType type,
              int        version)
{
  if (version == 1 && records[type].v1_columns != 0)
    return records[type].v1_columns;

  return n_columns (type);
}

/* Writing -------------------------------------------------------------- */

static char *
format_time (gint64 unix_time,
             int    offset)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (unix_time == 0)
    return NULL;

  utc = g_date_time_new_from_unix_utc (unix_time);
  zone = g_time_zone_new_offset (offset);
  local = g_date_time_to_timezone (utc, zone);

  return g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
}

static char *
format_double (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (value < 0)
    return NULL;

  return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value));
}

static char *
format_int (int value)
{
  return value < 0 ? NULL : g_strdup_printf ("%d", value);
}

static char *
format_keys (char **keys)
{
  return keys != NULL ? g_strjoinv (";", keys) : g_strdup ("");
}

static void
write_header (GString    *out,
              RecordType  type)
{
  g_autofree char *first = g_strconcat ("#", records[type].name, NULL);
  const char *fields[17] = { first, };
  guint n = n_columns (type);

  for (guint i = 0; i < n; i++)
    fields[i + 1] = records[type].columns[i];

  md_csv_append_row (out, fields, n + 1);
}

/* Takes ownership of the strings in @values. */
static void
write_record (GString    *out,
              RecordType  type,
              char      **values)
{
  const char *fields[17] = { records[type].name, };
  guint n = n_columns (type);

  for (guint i = 0; i < n; i++)
    fields[i + 1] = values[i];

  md_csv_append_row (out, fields, n + 1);

  for (guint i = 0; i < n; i++)
    g_free (values[i]);
}

static gboolean
export_query (MdDiary      *self,
              GString      *out,
              RecordType    type,
              const char   *sql,
              GError      **error)
{
  MdDatabase *database = md_diary_get_database (self);
  sqlite3_stmt *stmt = md_database_prepare (database, sql, error);
  guint n = n_columns (type);
  int rc;

  if (stmt == NULL)
    return FALSE;

  write_header (out, type);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char *values[16] = { NULL, };

      for (guint i = 0; i < n; i++)
        {
          const unsigned char *text = sqlite3_column_text (stmt, i);

          values[i] = text != NULL ? g_strdup ((const char *) text) : NULL;
        }

      write_record (out, type, values);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      md_database_set_error_from_sqlite (database, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * md_diary_export_csv:
 *
 * Returns: (transfer full) (nullable): the whole diary as CSV
 */
GString *
md_diary_export_csv (MdDiary  *self,
                     GError  **error)
{
  g_autoptr(GString) out = g_string_new (MD_DIARY_CSV_SIGNATURE "\n");
  g_autoptr(GPtrArray) attacks = NULL;
  g_autoptr(GPtrArray) doses = NULL;
  MdDatabase *database;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MD_IS_DIARY (self), NULL);

  database = md_diary_get_database (self);

  /* Medications, and the patient's own symptoms and triggers: the built-in
   * ones are in every diary already. */
  if (!export_query (self, out, RECORD_MEDICATION,
                     "SELECT uuid, name, class, use, "
                     "CASE WHEN default_amount < 0 THEN NULL ELSE default_amount END, "
                     "unit, route, builtin_key, archived FROM medications ORDER BY uuid",
                     error) ||
      !export_query (self, out, RECORD_SYMPTOM,
                     "SELECT key, label FROM symptoms WHERE builtin = 0 ORDER BY key", error) ||
      !export_query (self, out, RECORD_TRIGGER,
                     "SELECT key, label FROM triggers WHERE builtin = 0 ORDER BY key", error))
    return NULL;

  /* Numbers go through g_ascii_dtostr, never the database's own text. */
  write_header (out, RECORD_ATTACK);
  attacks = md_diary_list_attacks (self, G_MININT64, G_MAXINT64);
  for (guint i = 0; i < attacks->len; i++)
    {
      MdAttack *a = g_ptr_array_index (attacks, i);
      char *values[] = {
        g_strdup (a->uuid), format_time (a->start, a->start_offset),
        format_time (a->end, a->end_offset), format_int (a->peak_pain), format_int (a->peak_nrs),
        g_strdup (a->aura), format_int (a->aura_minutes), g_strdup (a->side), g_strdup (a->quality),
        format_int (a->worse_with_activity), format_int (a->disability),
        format_keys (a->symptoms), format_keys (a->triggers), g_strdup (a->notes),
      };

      write_record (out, RECORD_ATTACK, values);
    }

  write_header (out, RECORD_DOSE);
  doses = md_diary_list_doses (self, G_MININT64, G_MAXINT64);
  for (guint i = 0; i < doses->len; i++)
    {
      MdDose *d = g_ptr_array_index (doses, i);
      char *values[] = {
        g_strdup (d->uuid), g_strdup (d->medication_uuid), g_strdup (d->attack_uuid),
        format_time (d->taken, d->taken_offset), format_double (d->amount), g_strdup (d->unit),
        g_strdup (d->route), g_strdup (d->setting), format_time (d->infusion_end, d->taken_offset),
        g_strdup (d->co_administered), format_keys (d->side_effects), format_double (d->cost),
        g_strdup (d->most_bothersome), g_strdup (d->notes), g_strdup (d->purpose),
      };

      write_record (out, RECORD_DOSE, values);
    }

  write_header (out, RECORD_PAIN_READING);
  stmt = md_database_prepare (database,
                              "SELECT uuid, attack_uuid, dose_uuid, time, time_offset, pain, nrs, "
                              "mbs_present FROM pain_readings ORDER BY time, uuid",
                              error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      char *values[] = {
        g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
        g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
        g_strdup ((const char *) sqlite3_column_text (stmt, 2)),
        format_time (sqlite3_column_int64 (stmt, 3), sqlite3_column_int (stmt, 4)),
        format_int (sqlite3_column_int (stmt, 5)),
        sqlite3_column_type (stmt, 6) == SQLITE_NULL ? NULL : format_int (sqlite3_column_int (stmt, 6)),
        sqlite3_column_type (stmt, 7) == SQLITE_NULL ? NULL : format_int (sqlite3_column_int (stmt, 7)),
      };

      write_record (out, RECORD_PAIN_READING, values);
    }
  sqlite3_reset (stmt);

  if (!export_query (self, out, RECORD_DAY,
                     "SELECT uuid, date, status, menstruation, notes FROM days ORDER BY date",
                     error))
    return NULL;

  write_header (out, RECORD_PREVENTIVE_COURSE);
  {
    g_autoptr(GPtrArray) courses = md_diary_list_preventive_courses (self);

    for (guint i = 0; i < courses->len; i++)
      {
        MdPreventiveCourse *c = g_ptr_array_index (courses, i);
        char *values[] = {
          g_strdup (c->uuid), g_strdup (c->medication_uuid), g_strdup (c->start_date),
          g_strdup (c->end_date), format_double (c->amount), g_strdup (c->unit), g_strdup (c->notes),
          g_strdup (c->end_reason), g_strdup (c->end_reason_notes),
        };

        write_record (out, RECORD_PREVENTIVE_COURSE, values);
      }
  }

  write_header (out, RECORD_REMINDER);
  {
    g_autoptr(GPtrArray) reminders = md_diary_list_reminders (self);

    for (guint i = 0; i < reminders->len; i++)
      {
        MdReminder *r = g_ptr_array_index (reminders, i);
        char *values[] = {
          g_strdup (r->uuid), g_strdup (r->kind), g_strdup (r->title), g_strdup (r->schedule),
          g_strdup (r->medication_uuid), g_strdup (r->dose_uuid), format_int (r->enabled),
          format_time (r->last_fired, 0), format_time (r->snoozed_until, 0),
        };

        write_record (out, RECORD_REMINDER, values);
      }
  }

  return g_steal_pointer (&out);
}

/* Reading -------------------------------------------------------------- */

typedef struct
{
  guint       line;
  GPtrArray  *fields;
  RecordType  type;
  GError    **error;
  GPtrArray  *undecided_doses; /* imported without a purpose */
} Row;

/* A column that an older file does not have is empty. */
static const char *
field (Row  *row,
       guint column)
{
  const char *value;

  if (column + 1 >= row->fields->len)
    return NULL;

  value = g_ptr_array_index (row->fields, column + 1);

  return value[0] != '\0' ? value : NULL;
}

static gboolean
field_error (Row        *row,
             guint       column,
             const char *reason)
{
  g_set_error (row->error, MD_DIARY_ERROR, MD_DIARY_ERROR_CSV,
               /* Translators: line, column, the column's name, then what is wrong */
               _("Line %u, column %u (%s): %s"),
               row->line, column + 2, records[row->type].columns[column], reason);
  return FALSE;
}

static gboolean
parse_time (Row    *row,
            guint   column,
            gint64 *out_time,
            int    *out_offset)
{
  const char *text = field (row, column);
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *written = NULL;
  g_autofree char *expected = NULL;
  int offset = 0;

  *out_time = 0;
  if (out_offset != NULL)
    *out_offset = 0;
  if (text == NULL)
    return TRUE;

  /* The offset is part of the record; a time without one is ambiguous.
   * And only the form the export writes is a time (Z standing for
   * +00:00): ISO 8601 has many ways to write one, and a file must mean
   * one thing. */
  parsed = g_date_time_new_from_iso8601 (text, NULL);
  if (parsed != NULL)
    {
      offset = (int) (g_date_time_get_utc_offset (parsed) / G_TIME_SPAN_SECOND);
      written = format_time (g_date_time_to_unix (parsed), offset);
      expected = g_str_has_suffix (text, "Z")
                 ? g_strdup_printf ("%.*s+00:00", (int) strlen (text) - 1, text)
                 : g_strdup (text);
    }
  if (parsed == NULL || g_strcmp0 (written, expected) != 0)
    return field_error (row, column, _("not a time with its UTC offset, such as 2026-03-04T21:15:00+01:00."));
  if (ABS (offset) > MD_DIARY_MAX_UTC_OFFSET)
    return field_error (row, column, _("the UTC offset must be from −18:00 to +18:00."));

  *out_time = g_date_time_to_unix (parsed);
  if (out_offset != NULL)
    *out_offset = offset;

  return TRUE;
}

static gboolean
parse_int (Row   *row,
           guint  column,
           int    min,
           int    max,
           int   *out)
{
  const char *text = field (row, column);
  gint64 value;

  *out = -1;
  if (text == NULL)
    return TRUE;

  if (!g_ascii_string_to_signed (text, 10, min, max, &value, NULL))
    {
      g_autofree char *reason = g_strdup_printf (_("not a whole number from %d to %d."), min, max);

      return field_error (row, column, reason);
    }

  *out = (int) value;
  return TRUE;
}

static gboolean
parse_double (Row    *row,
              guint   column,
              double *out)
{
  const char *text = field (row, column);
  char *end = NULL;

  *out = -1;
  if (text == NULL)
    return TRUE;

  *out = g_ascii_strtod (text, &end);
  /* Infinity and "not a number" are refused here: stored, they would
   * read as "inf g" or as nothing at all. */
  if (end == text || *end != '\0' || *out < 0 || !isfinite (*out))
    return field_error (row, column, _("not a number such as 2.5 (with a point, not a comma)."));

  return TRUE;
}

static char **
parse_keys (Row   *row,
            guint  column)
{
  const char *text = field (row, column);

  return text != NULL ? g_strsplit (text, ";", -1) : NULL;
}

static gboolean
required (Row   *row,
          guint  column)
{
  if (field (row, column) != NULL)
    return TRUE;

  return field_error (row, column, _("this field must not be empty."));
}

/* A record the diary refuses is named by its line, with the diary's
 * own sentence about which field is wrong. */
static gboolean
saved (Row      *row,
       gboolean  ok,
       GError  **save_error)
{
  if (ok)
    return TRUE;

  g_set_error (row->error, MD_DIARY_ERROR, MD_DIARY_ERROR_CSV,
               /* Translators: a line number, then the reason */
               _("Line %u: %s"), row->line, (*save_error)->message);
  g_clear_error (save_error);
  return FALSE;
}

static gboolean
import_row (MdDiary           *self,
            Row               *row,
            MdDiaryCsvSummary *summary,
            GPtrArray         *doses)
{
  GError *save_error = NULL;
  const char *uuid = field (row, 0);
  static const char *tables[N_RECORDS] = {
    "medications", "symptoms", "triggers", "attacks", "doses", "pain_readings", "days",
    "preventive_courses", "reminders"
  };
  int flag;

  if (!required (row, 0))
    return FALSE;

  /* Merge by identifier: what the diary has already stays as it is. */
  if (row->type == RECORD_SYMPTOM || row->type == RECORD_TRIGGER)
    {
      gboolean added;

      if (!required (row, 1) ||
          !saved (row, md_diary_add_custom_entry_with_key (self, tables[row->type], uuid, field (row, 1),
                                                           &added, &save_error),
                  &save_error))
        return FALSE;
      if (added)
        summary->added++;
      else
        summary->skipped++;
      return TRUE;
    }
  else if (md_diary_has_uuid (self, tables[row->type], uuid))
    {
      summary->skipped++;
      return TRUE;
    }

  switch (row->type)
    {
    case RECORD_MEDICATION:
      {
        g_autoptr(MdMedication) m = md_medication_new ();

        m->uuid = g_strdup (uuid);
        m->name = g_strdup (field (row, 1));
        m->med_class = g_strdup (field (row, 2));
        m->use = g_strdup (field (row, 3));
        m->unit = g_strdup (field (row, 5));
        m->route = g_strdup (field (row, 6));
        m->builtin_key = g_strdup (field (row, 7));
        if (!parse_double (row, 4, &m->default_amount) || !parse_int (row, 8, 0, 1, &flag))
          return FALSE;
        m->archived = flag == 1;
        if (!saved (row, md_diary_save_medication (self, m, &save_error), &save_error))
          return FALSE;
      }
      break;

    case RECORD_ATTACK:
      {
        g_autoptr(MdAttack) a = md_attack_new ();

        a->uuid = g_strdup (uuid);
        a->aura = g_strdup (field (row, 5));
        a->side = g_strdup (field (row, 7));
        a->quality = g_strdup (field (row, 8));
        a->symptoms = parse_keys (row, 11);
        a->triggers = parse_keys (row, 12);
        a->notes = g_strdup (field (row, 13));
        if (!required (row, 1) || !required (row, 3) ||
            !parse_time (row, 1, &a->start, &a->start_offset) ||
            !parse_time (row, 2, &a->end, &a->end_offset) ||
            !parse_int (row, 3, 0, 3, &a->peak_pain) ||
            !parse_int (row, 4, 0, 10, &a->peak_nrs) ||
            !parse_int (row, 6, 0, 100000, &a->aura_minutes) ||
            !parse_int (row, 9, 0, 1, &a->worse_with_activity) ||
            !parse_int (row, 10, 0, 3, &a->disability))
          return FALSE;
        if (!saved (row, md_diary_save_attack (self, a, &save_error), &save_error))
          return FALSE;
      }
      break;

    case RECORD_DOSE:
      {
        g_autoptr(MdDose) d = md_dose_new ();
        int end_offset;

        d->uuid = g_strdup (uuid);
        d->medication_uuid = g_strdup (field (row, 1));
        d->attack_uuid = g_strdup (field (row, 2));
        d->unit = g_strdup (field (row, 5));
        d->route = g_strdup (field (row, 6));
        d->setting = g_strdup (field (row, 7));
        d->co_administered = g_strdup (field (row, 9));
        d->side_effects = parse_keys (row, 10);
        d->most_bothersome = g_strdup (field (row, 12));
        d->notes = g_strdup (field (row, 13));
        d->purpose = g_strdup (field (row, 14));
        if (!required (row, 1) || !required (row, 3) || !required (row, 4) ||
            !parse_time (row, 3, &d->taken, &d->taken_offset) ||
            !parse_double (row, 4, &d->amount) ||
            !parse_time (row, 8, &d->infusion_end, &end_offset) ||
            !parse_double (row, 11, &d->cost))
          return FALSE;
        if (d->purpose == NULL)
          g_ptr_array_add (row->undecided_doses, g_strdup (uuid));
        if (!saved (row, md_diary_save_dose (self, d, &save_error), &save_error))
          return FALSE;
        g_ptr_array_add (doses, g_steal_pointer (&d));
      }
      break;

    case RECORD_PAIN_READING:
      {
        g_autoptr(MdPainReading) r = md_pain_reading_new ();

        r->uuid = g_strdup (uuid);
        r->attack_uuid = g_strdup (field (row, 1));
        r->dose_uuid = g_strdup (field (row, 2));
        if (!required (row, 3) || !required (row, 4) ||
            !parse_time (row, 3, &r->time, &r->time_offset) ||
            !parse_int (row, 4, 0, 3, &r->pain) ||
            !parse_int (row, 5, 0, 10, &r->nrs) ||
            !parse_int (row, 6, 0, 1, &r->mbs_present))
          return FALSE;
        if (!saved (row, md_diary_save_pain_reading (self, r, &save_error), &save_error))
          return FALSE;
      }
      break;

    case RECORD_DAY:
      {
        g_autoptr(MdDay) d = md_day_new ();
        g_autoptr(MdDay) existing = NULL;

        d->uuid = g_strdup (uuid);
        d->date = g_strdup (field (row, 1));
        d->status = g_strdup (field (row, 2));
        d->notes = g_strdup (field (row, 4));
        if (!required (row, 1) || !parse_int (row, 3, 0, 1, &flag))
          return FALSE;
        d->menstruation = flag == 1;

        /* A day is one row per date. The diary's own record of it is
         * completed with what only the file says; where they disagree,
         * the diary's stays, and the summary says so. */
        existing = md_diary_get_day (self, d->date);
        if (existing != NULL)
          {
            gboolean changed;

            if (md_day_merge (existing, d, &changed) != MD_DAY_CONFLICT_NONE &&
                summary->days_differing++ == 0)
              g_strlcpy (summary->first_differing, d->date, sizeof summary->first_differing);
            if (!changed)
              summary->skipped++;
            else if (saved (row, md_diary_save_day (self, existing, &save_error), &save_error))
              summary->days_completed++;
            else
              return FALSE;
            return TRUE;
          }
        if (!saved (row, md_diary_save_day (self, d, &save_error), &save_error))
          return FALSE;
      }
      break;

    case RECORD_PREVENTIVE_COURSE:
      {
        g_autoptr(MdPreventiveCourse) c = md_preventive_course_new ();

        c->uuid = g_strdup (uuid);
        c->medication_uuid = g_strdup (field (row, 1));
        c->start_date = g_strdup (field (row, 2));
        c->end_date = g_strdup (field (row, 3));
        c->unit = g_strdup (field (row, 5));
        c->notes = g_strdup (field (row, 6));
        c->end_reason = g_strdup (field (row, 7));
        c->end_reason_notes = g_strdup (field (row, 8));
        if (!parse_double (row, 4, &c->amount))
          return FALSE;
        if (!saved (row, md_diary_save_preventive_course (self, c, &save_error), &save_error))
          return FALSE;
      }
      break;

    case RECORD_REMINDER:
      {
        g_autoptr(MdReminder) r = md_reminder_new ();
        int offset;

        r->uuid = g_strdup (uuid);
        r->kind = g_strdup (field (row, 1));
        r->title = g_strdup (field (row, 2));
        r->schedule = g_strdup (field (row, 3));
        r->medication_uuid = g_strdup (field (row, 4));
        r->dose_uuid = g_strdup (field (row, 5));
        if (!parse_int (row, 6, 0, 1, &flag) ||
            !parse_time (row, 7, &r->last_fired, &offset) ||
            !parse_time (row, 8, &r->snoozed_until, &offset))
          return FALSE;
        r->enabled = flag != 0;
        if (!saved (row, md_diary_save_reminder (self, r, &save_error), &save_error))
          return FALSE;
      }
      break;

    case RECORD_SYMPTOM:
    case RECORD_TRIGGER:
    case N_RECORDS:
    default:
      g_assert_not_reached ();
    }

  summary->added++;
  return TRUE;
}

/* An imported dose is followed up as one saved in the app is: see
 * md_diary_follow_up_new_dose(). After all rows, so that a follow-up the
 * file brings for its dose is the one kept. */
static gboolean
follow_up_imported_doses (MdDiary           *self,
                          GPtrArray         *doses,
                          MdDiaryCsvSummary *summary,
                          GError           **error)
{
  for (guint i = 0; i < doses->len; i++)
    {
      gboolean added;

      if (!md_diary_follow_up_new_dose (self, g_ptr_array_index (doses, i), &added, error))
        return FALSE;
      if (added)
        summary->follow_ups++;
    }

  return TRUE;
}

static gboolean
read_all (MdDiary             *self,
          const char          *data,
          gsize                length,
          MdDiaryCsvProgress   progress,
          gpointer             progress_data,
          GCancellable        *cancellable,
          MdDiaryCsvSummary   *summary,
          GError             **error)
{
  g_autoptr(MdCsvReader) reader = md_csv_reader_new (data, length);
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) undecided_doses = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) doses = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *fields;
  guint count = 0;
  gint64 version;

  first = md_csv_reader_next (reader, error);
  if (first == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, MD_DIARY_ERROR, MD_DIARY_ERROR_CSV,
                             _("The file is empty."));
      return FALSE;
    }

  if (first->len != 2 ||
      g_strcmp0 (g_ptr_array_index (first, 0), "#migraine-diary-csv") != 0)
    {
      g_set_error_literal (error, MD_DIARY_ERROR, MD_DIARY_ERROR_CSV,
                           _("Line 1: this is not a Migraine Diary CSV file."));
      return FALSE;
    }
  if (!g_ascii_string_to_signed (g_ptr_array_index (first, 1), 10, 1, G_MAXINT, &version, NULL) ||
      version > MD_DIARY_CSV_VERSION)
    {
      g_set_error_literal (error, MD_DIARY_ERROR, MD_DIARY_ERROR_CSV,
                           _("Line 1: the file was written by a newer version of Migraine Diary."));
      return FALSE;
    }

  while ((fields = md_csv_reader_next (reader, error)) != NULL)
    {
      g_autoptr(GPtrArray) owned = fields;
      const char *kind = g_ptr_array_index (fields, 0);
      guint line = md_csv_reader_get_line (reader);
      Row row = { line, fields, N_RECORDS, error, undecided_doses };
      gboolean header = kind[0] == '#';

      /* A blank line is no record: editors and spreadsheets leave them,
       * at the end of a file above all. */
      if (fields->len == 1 && kind[0] == '\0')
        continue;

      for (guint t = 0; t < N_RECORDS; t++)
        if (g_str_equal (header ? kind + 1 : kind, records[t].name))
          row.type = t;

      if (row.type == N_RECORDS)
        {
          g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_CSV,
                       /* Translators: a line number and a record type found in a CSV file */
                       _("Line %u, column 1: “%s” is not a kind of diary entry."), line, kind);
          return FALSE;
        }

      if (fields->len != n_columns_in (row.type, (int) version) + 1)
        {
          g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_CSV,
                       /* Translators: a line number, a record type, two counts */
                       _("Line %u: a “%s” line needs %u fields but has %u."),
                       line, records[row.type].name, n_columns_in (row.type, (int) version) + 1,
                       fields->len);
          return FALSE;
        }

      if (header)
        {
          for (guint c = 0; c < n_columns_in (row.type, (int) version); c++)
            if (g_strcmp0 (g_ptr_array_index (fields, c + 1), records[row.type].columns[c]) != 0)
              {
                g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_CSV,
                             _("Line %u, column %u: expected the column “%s”."),
                             line, c + 2, records[row.type].columns[c]);
                return FALSE;
              }
          continue;
        }

      if (!import_row (self, &row, summary, doses))
        return FALSE;

      if ((++count % 256) == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (progress != NULL)
            progress (md_csv_reader_get_fraction (reader), progress_data);
        }
    }

  if (error != NULL && *error != NULL)
    return FALSE;

  /* A dose from a file that did not say why it was given gets the
   * default from the whole import: the courses and days that decide it
   * come after the doses in the file. */
  for (guint i = 0; i < undecided_doses->len; i++)
    if (!md_diary_apply_default_dose_purpose (self, g_ptr_array_index (undecided_doses, i), error))
      return FALSE;

  /* Follow-ups last, when every dose's purpose is known. */
  return follow_up_imported_doses (self, doses, summary, error);
}

/**
 * md_diary_csv_summary_describe_days:
 *
 * Returns: (transfer full) (nullable): what an import did to days the
 *   diary already had, in sentences, or %NULL when it left them alone
 */
char *
md_diary_csv_summary_describe_days (const MdDiaryCsvSummary *summary)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (summary != NULL, NULL);

  if (summary->days_completed > 0)
    g_string_append_printf (text,
                            /* Translators: after an import; %u is a number of days */
                            g_dngettext (GETTEXT_PACKAGE,
                                         "%u day already in the diary was completed from the file.",
                                         "%u days already in the diary were completed from the file.",
                                         summary->days_completed),
                            summary->days_completed);

  if (summary->days_differing > 0)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append_printf (text,
                              /* Translators: after an import; %u is a number of days, %s
                               * the first of them (YYYY-MM-DD) */
                              g_dngettext (GETTEXT_PACKAGE,
                                           "On %u day (%s), the file differs from the diary; the diary keeps its own record.",
                                           "On %u days (the first: %s), the file differs from the diary; the diary keeps its own records.",
                                           summary->days_differing),
                              summary->days_differing, summary->first_differing);
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/**
 * md_diary_import_csv:
 * @summary: (out): how many records were added and how many were there
 *   already
 *
 * Merges a CSV export into the diary, all or nothing: one transaction,
 * and on any error (which names the line and field) nothing changes.
 */
gboolean
md_diary_import_csv (MdDiary             *self,
                     const char          *data,
                     gsize                length,
                     MdDiaryCsvProgress   progress,
                     gpointer             progress_data,
                     GCancellable        *cancellable,
                     MdDiaryCsvSummary   *summary,
                     GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  MdDiaryCsvSummary counts = { 0, };

  g_return_val_if_fail (MD_IS_DIARY (self), FALSE);

  if (length > MD_CSV_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size_full (length, G_FORMAT_SIZE_LONG_FORMAT);
      g_autofree char *limit = g_format_size_full (MD_CSV_MAX_FILE_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_TOO_LARGE,
                   /* Translators: a file size, then the largest size accepted */
                   _("The file is %s; files up to %s can be imported."), size, limit);
      return FALSE;
    }

  if (!md_diary_begin (self, error))
    return FALSE;

  if (!read_all (self, data, length, progress, progress_data, cancellable, &counts, &local_error))
    {
      md_diary_rollback (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!md_diary_commit (self, error))
    return FALSE;

  if (progress != NULL)
    progress (1.0, progress_data);
  if (summary != NULL)
    *summary = counts;

  return TRUE;
}
