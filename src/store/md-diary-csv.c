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
#include <string.h>

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

/* A custom symptom or trigger, as a record of the file: an object like
 * the others, so every record is made, read, written and freed alike. */
#define MD_TYPE_CSV_CUSTOM_ENTRY (md_csv_custom_entry_get_type ())
G_DECLARE_FINAL_TYPE (MdCsvCustomEntry, md_csv_custom_entry, MD, CSV_CUSTOM_ENTRY, GObject)

struct _MdCsvCustomEntry
{
  GObject parent_instance;

  char *key;
  char *label;
};

G_DEFINE_FINAL_TYPE (MdCsvCustomEntry, md_csv_custom_entry, G_TYPE_OBJECT)

static void
md_csv_custom_entry_finalize (GObject *object)
{
  MdCsvCustomEntry *self = MD_CSV_CUSTOM_ENTRY (object);

  g_free (self->key);
  g_free (self->label);

  G_OBJECT_CLASS (md_csv_custom_entry_parent_class)->finalize (object);
}

static void
md_csv_custom_entry_class_init (MdCsvCustomEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = md_csv_custom_entry_finalize;
}

static void
md_csv_custom_entry_init (MdCsvCustomEntry *self)
{
}

/* How a column is written and read, and the field of the record it
 * holds. */
typedef enum
{
  COLUMN_TEXT,        /* char *; empty is NULL */
  COLUMN_KEYS,        /* char **, joined by ";" */
  COLUMN_INT,         /* int from min to max; empty is -1 */
  COLUMN_FLAG,        /* gboolean, 0 or 1; empty is min */
  COLUMN_NUMBER,      /* double ≥ 0, in its shortest form; empty is -1 */
  COLUMN_NUMBER_SQL,  /* the same, written as SQLite writes a REAL ("400.0") */
  COLUMN_TIME,        /* gint64 unix time, with its UTC offset in the int at offset_field */
  COLUMN_TIME_ALONG,  /* the same, written with the offset of another column, which it leaves */
  COLUMN_TIME_UTC,    /* gint64 unix time, written in UTC */
} ColumnKind;

typedef struct
{
  const char *name;
  ColumnKind  kind;
  gboolean    required;
  gsize       field;         /* G_STRUCT_OFFSET of the record's field */
  gsize       offset_field;  /* times: of the UTC offset */
  int         min;
  int         max;
} Column;

#define REQUIRED TRUE
#define OPTIONAL FALSE
#define TEXT(name, T, f, req) { name, COLUMN_TEXT, req, G_STRUCT_OFFSET (T, f), 0, 0, 0 }
#define KEYS(name, T, f) { name, COLUMN_KEYS, FALSE, G_STRUCT_OFFSET (T, f), 0, 0, 0 }
#define INT(name, T, f, req, min, max) { name, COLUMN_INT, req, G_STRUCT_OFFSET (T, f), 0, min, max }
#define FLAG(name, T, f, empty) { name, COLUMN_FLAG, FALSE, G_STRUCT_OFFSET (T, f), 0, empty, 1 }
#define NUMBER(name, T, f, req) { name, COLUMN_NUMBER, req, G_STRUCT_OFFSET (T, f), 0, 0, 0 }
#define NUMBER_AS_SQL(name, T, f) { name, COLUMN_NUMBER_SQL, FALSE, G_STRUCT_OFFSET (T, f), 0, 0, 0 }
#define TIME(name, kind, T, f, o, req) { name, kind, req, G_STRUCT_OFFSET (T, f), G_STRUCT_OFFSET (T, o), 0, 0 }
#define UTC_TIME(name, T, f) { name, COLUMN_TIME_UTC, FALSE, G_STRUCT_OFFSET (T, f), 0, 0, 0 }

/* The columns of each kind of record, in the order of the file (README,
 * "CSV format"); import and export both read this table. A new column
 * goes at the end of its record, and the file format's version goes up. */
static const Column medication_columns[] = {
  TEXT ("uuid", MdMedication, uuid, REQUIRED),
  TEXT ("name", MdMedication, name, OPTIONAL),
  TEXT ("class", MdMedication, med_class, OPTIONAL),
  TEXT ("use", MdMedication, use, OPTIONAL),
  NUMBER_AS_SQL ("default_amount", MdMedication, default_amount),
  TEXT ("unit", MdMedication, unit, OPTIONAL),
  TEXT ("route", MdMedication, route, OPTIONAL),
  TEXT ("builtin_key", MdMedication, builtin_key, OPTIONAL),
  FLAG ("archived", MdMedication, archived, FALSE),
};

static const Column custom_entry_columns[] = {
  TEXT ("key", MdCsvCustomEntry, key, REQUIRED),
  TEXT ("label", MdCsvCustomEntry, label, REQUIRED),
};

static const Column attack_columns[] = {
  TEXT ("uuid", MdAttack, uuid, REQUIRED),
  TIME ("start", COLUMN_TIME, MdAttack, start, start_offset, REQUIRED),
  TIME ("end", COLUMN_TIME, MdAttack, end, end_offset, OPTIONAL),
  INT ("peak_pain", MdAttack, peak_pain, REQUIRED, 0, 3),
  INT ("peak_nrs", MdAttack, peak_nrs, OPTIONAL, 0, 10),
  TEXT ("aura", MdAttack, aura, OPTIONAL),
  INT ("aura_minutes", MdAttack, aura_minutes, OPTIONAL, 0, 100000),
  TEXT ("side", MdAttack, side, OPTIONAL),
  TEXT ("quality", MdAttack, quality, OPTIONAL),
  INT ("worse_with_activity", MdAttack, worse_with_activity, OPTIONAL, 0, 1),
  INT ("disability", MdAttack, disability, OPTIONAL, 0, 3),
  KEYS ("symptoms", MdAttack, symptoms),
  KEYS ("triggers", MdAttack, triggers),
  TEXT ("notes", MdAttack, notes, OPTIONAL),
};

static const Column dose_columns[] = {
  TEXT ("uuid", MdDose, uuid, REQUIRED),
  TEXT ("medication", MdDose, medication_uuid, REQUIRED),
  TEXT ("attack", MdDose, attack_uuid, OPTIONAL),
  TIME ("taken", COLUMN_TIME, MdDose, taken, taken_offset, REQUIRED),
  NUMBER ("amount", MdDose, amount, REQUIRED),
  TEXT ("unit", MdDose, unit, OPTIONAL),
  TEXT ("route", MdDose, route, OPTIONAL),
  TEXT ("setting", MdDose, setting, OPTIONAL),
  TIME ("infusion_end", COLUMN_TIME_ALONG, MdDose, infusion_end, taken_offset, OPTIONAL),
  TEXT ("co_administered", MdDose, co_administered, OPTIONAL),
  KEYS ("side_effects", MdDose, side_effects),
  NUMBER ("cost", MdDose, cost, OPTIONAL),
  TEXT ("most_bothersome", MdDose, most_bothersome, OPTIONAL),
  TEXT ("notes", MdDose, notes, OPTIONAL),
  TEXT ("purpose", MdDose, purpose, OPTIONAL), /* version 2 */
};

static const Column pain_reading_columns[] = {
  TEXT ("uuid", MdPainReading, uuid, REQUIRED),
  TEXT ("attack", MdPainReading, attack_uuid, OPTIONAL),
  TEXT ("dose", MdPainReading, dose_uuid, OPTIONAL),
  TIME ("time", COLUMN_TIME, MdPainReading, time, time_offset, REQUIRED),
  INT ("pain", MdPainReading, pain, REQUIRED, 0, 3),
  INT ("nrs", MdPainReading, nrs, OPTIONAL, 0, 10),
  INT ("most_bothersome_present", MdPainReading, mbs_present, OPTIONAL, 0, 1),
};

static const Column day_columns[] = {
  TEXT ("uuid", MdDay, uuid, REQUIRED),
  TEXT ("date", MdDay, date, REQUIRED),
  TEXT ("status", MdDay, status, OPTIONAL),
  FLAG ("menstruation", MdDay, menstruation, FALSE),
  TEXT ("notes", MdDay, notes, OPTIONAL),
};

static const Column preventive_course_columns[] = {
  TEXT ("uuid", MdPreventiveCourse, uuid, REQUIRED),
  TEXT ("medication", MdPreventiveCourse, medication_uuid, OPTIONAL),
  TEXT ("start_date", MdPreventiveCourse, start_date, OPTIONAL),
  TEXT ("end_date", MdPreventiveCourse, end_date, OPTIONAL),
  NUMBER ("amount", MdPreventiveCourse, amount, OPTIONAL),
  TEXT ("unit", MdPreventiveCourse, unit, OPTIONAL),
  TEXT ("notes", MdPreventiveCourse, notes, OPTIONAL),
  TEXT ("end_reason", MdPreventiveCourse, end_reason, OPTIONAL), /* version 2 */
  TEXT ("end_reason_notes", MdPreventiveCourse, end_reason_notes, OPTIONAL), /* version 2 */
};

static const Column reminder_columns[] = {
  TEXT ("uuid", MdReminder, uuid, REQUIRED),
  TEXT ("kind", MdReminder, kind, OPTIONAL),
  TEXT ("title", MdReminder, title, OPTIONAL),
  TEXT ("schedule", MdReminder, schedule, OPTIONAL),
  TEXT ("medication", MdReminder, medication_uuid, OPTIONAL),
  TEXT ("dose", MdReminder, dose_uuid, OPTIONAL),
  FLAG ("enabled", MdReminder, enabled, TRUE),
  UTC_TIME ("last_fired", MdReminder, last_fired),
  UTC_TIME ("snoozed_until", MdReminder, snoozed_until),
};

typedef struct
{
  const char   *name;        /* the first field of its lines */
  const char   *table;       /* where its first column identifies it */
  GType       (*get_type) (void);
  const Column *columns;
  guint         n_columns;
  guint         v1_columns;  /* in a version 1 file (0: all) */
} Record;

#define RECORD(name, table, get_type, columns, v1) \
  { name, table, get_type, columns, G_N_ELEMENTS (columns), v1 }

static const Record records[N_RECORDS] = {
  [RECORD_MEDICATION] = RECORD ("medication", "medications", md_medication_get_type, medication_columns, 0),
  [RECORD_SYMPTOM] = RECORD ("symptom", "symptoms", md_csv_custom_entry_get_type, custom_entry_columns, 0),
  [RECORD_TRIGGER] = RECORD ("trigger", "triggers", md_csv_custom_entry_get_type, custom_entry_columns, 0),
  [RECORD_ATTACK] = RECORD ("attack", "attacks", md_attack_get_type, attack_columns, 0),
  [RECORD_DOSE] = RECORD ("dose", "doses", md_dose_get_type, dose_columns, 14),
  [RECORD_PAIN_READING] = RECORD ("pain_reading", "pain_readings", md_pain_reading_get_type,
                                  pain_reading_columns, 0),
  [RECORD_DAY] = RECORD ("day", "days", md_day_get_type, day_columns, 0),
  [RECORD_PREVENTIVE_COURSE] = RECORD ("preventive_course", "preventive_courses",
                                       md_preventive_course_get_type, preventive_course_columns, 7),
  [RECORD_REMINDER] = RECORD ("reminder", "reminders", md_reminder_get_type, reminder_columns, 0),
};

/* The columns a file of format @version has. */
static guint
n_columns_in (RecordType type,
              int        version)
{
  if (version == 1 && records[type].v1_columns != 0)
    return records[type].v1_columns;

  return records[type].n_columns;
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

static char *
format_sql_real (double value)
{
  char *text;
  char *copy;

  if (value < 0)
    return NULL;

  text = sqlite3_mprintf ("%!.15g", value);
  copy = g_strdup (text);
  sqlite3_free (text);

  return copy;
}

static char *
write_column (const Column *column,
              gpointer      record)
{
  gpointer field = G_STRUCT_MEMBER_P (record, column->field);

  switch (column->kind)
    {
    case COLUMN_TEXT:
      return g_strdup (*(char **) field);
    case COLUMN_KEYS:
      return format_keys (*(char ***) field);
    case COLUMN_INT:
    case COLUMN_FLAG:
      return format_int (*(int *) field);
    case COLUMN_NUMBER:
      return format_double (*(double *) field);
    case COLUMN_NUMBER_SQL:
      return format_sql_real (*(double *) field);
    case COLUMN_TIME:
    case COLUMN_TIME_ALONG:
      return format_time (*(gint64 *) field, G_STRUCT_MEMBER (int, record, column->offset_field));
    case COLUMN_TIME_UTC:
      return format_time (*(gint64 *) field, 0);
    default:
      g_assert_not_reached ();
    }
}

/* A header line, "#kind,column,…", or a record's line. */
static void
write_line (GString    *out,
            RecordType  type,
            gpointer    record)
{
  const Record *kind = &records[type];
  g_autofree char *first = g_strconcat ("#", kind->name, NULL);
  const char *fields[MD_CSV_MAX_FIELDS] = { record != NULL ? kind->name : first, };
  char *values[MD_CSV_MAX_FIELDS] = { NULL, };

  g_assert (kind->n_columns < MD_CSV_MAX_FIELDS);

  for (guint i = 0; i < kind->n_columns; i++)
    {
      if (record != NULL)
        values[i] = write_column (&kind->columns[i], record);
      fields[i + 1] = record != NULL ? values[i] : kind->columns[i].name;
    }

  md_csv_append_row (out, fields, kind->n_columns + 1);

  for (guint i = 0; i < kind->n_columns; i++)
    g_free (values[i]);
}

static int
compare_medication_uuids (gconstpointer a,
                          gconstpointer b)
{
  return strcmp ((*(MdMedication **) a)->uuid, (*(MdMedication **) b)->uuid);
}

/* The patient's own symptoms or triggers: the built-in ones are in every
 * diary already. */
static GPtrArray *
list_custom_entries (MdDiary     *self,
                     RecordType   type,
                     GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT key, label FROM %s WHERE builtin = 0 ORDER BY key",
                                          records[type].table);
  MdDatabase *database = md_diary_get_database (self);
  sqlite3_stmt *stmt = md_database_prepare (database, sql, error);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MdCsvCustomEntry *entry = g_object_new (MD_TYPE_CSV_CUSTOM_ENTRY, NULL);

      entry->key = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      entry->label = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      g_ptr_array_add (entries, entry);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      md_database_set_error_from_sqlite (database, error);
      return NULL;
    }

  return g_steal_pointer (&entries);
}

/* Every record of a kind, in the order of the file. */
static GPtrArray *
list_records (MdDiary     *self,
              RecordType   type,
              GError     **error)
{
  GListModel *medications;
  GPtrArray *list;

  switch (type)
    {
    case RECORD_MEDICATION:
      medications = md_diary_get_medications (self);
      list = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < g_list_model_get_n_items (medications); i++)
        g_ptr_array_add (list, g_list_model_get_item (medications, i));
      g_ptr_array_sort (list, compare_medication_uuids);
      return list;
    case RECORD_SYMPTOM:
    case RECORD_TRIGGER:
      return list_custom_entries (self, type, error);
    case RECORD_ATTACK:
      return md_diary_list_attacks (self, G_MININT64, G_MAXINT64);
    case RECORD_DOSE:
      return md_diary_list_doses (self, G_MININT64, G_MAXINT64);
    case RECORD_PAIN_READING:
      return md_diary_list_every_pain_reading (self);
    case RECORD_DAY:
      return md_diary_list_days (self, NULL, NULL);
    case RECORD_PREVENTIVE_COURSE:
      return md_diary_list_preventive_courses (self);
    case RECORD_REMINDER:
      return md_diary_list_reminders (self);
    case N_RECORDS:
    default:
      g_assert_not_reached ();
    }
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

  g_return_val_if_fail (MD_IS_DIARY (self), NULL);

  for (RecordType type = 0; type < N_RECORDS; type++)
    {
      g_autoptr(GPtrArray) list = list_records (self, type, error);

      if (list == NULL)
        return NULL;

      write_line (out, type, NULL);
      for (guint i = 0; i < list->len; i++)
        write_line (out, type, g_ptr_array_index (list, i));
    }

  return g_steal_pointer (&out);
}

/* Reading -------------------------------------------------------------- */

/* One import, from the first line to the last. */
typedef struct
{
  MdDiary            *diary;
  MdDiaryCsvProgress  progress;
  gpointer            progress_data;
  GCancellable       *cancellable;
  MdDiaryCsvSummary  *summary;
  GPtrArray          *undecided_doses; /* UUIDs of doses imported without a purpose */
  GPtrArray          *doses;           /* every dose imported, for its follow-up */
} Import;

typedef struct
{
  guint       line;
  GPtrArray  *fields;
  RecordType  type;
  GError    **error;
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
               row->line, column + 2, records[row->type].columns[column].name, reason);
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
   * read as "inf g" or as nothing at all; so is anything but the plain
   * decimals the export writes (C's "0x1p3" would be 8). */
  if (end == text || *end != '\0' || *out < 0 || !isfinite (*out) ||
      !(g_ascii_isdigit (text[0]) || text[0] == '.') ||
      text[strspn (text, "0123456789.eE+-")] != '\0')
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

/* Reads one column of @row into its field of @record. */
static gboolean
read_column (Row      *row,
             guint     column,
             gpointer  record)
{
  const Column *c = &records[row->type].columns[column];
  gpointer field_p = G_STRUCT_MEMBER_P (record, c->field);
  int value;

  if (c->required && !required (row, column))
    return FALSE;

  switch (c->kind)
    {
    case COLUMN_TEXT:
      g_free (*(char **) field_p);
      *(char **) field_p = g_strdup (field (row, column));
      return TRUE;
    case COLUMN_KEYS:
      g_strfreev (*(char ***) field_p);
      *(char ***) field_p = parse_keys (row, column);
      return TRUE;
    case COLUMN_INT:
      return parse_int (row, column, c->min, c->max, field_p);
    case COLUMN_FLAG:
      if (!parse_int (row, column, 0, 1, &value))
        return FALSE;
      *(gboolean *) field_p = value < 0 ? c->min : value;
      return TRUE;
    case COLUMN_NUMBER:
    case COLUMN_NUMBER_SQL:
      return parse_double (row, column, field_p);
    case COLUMN_TIME:
      return parse_time (row, column, field_p, G_STRUCT_MEMBER_P (record, c->offset_field));
    case COLUMN_TIME_ALONG:
    case COLUMN_TIME_UTC:
      return parse_time (row, column, field_p, NULL);
    default:
      g_assert_not_reached ();
    }
}

/* Whether the diary has the record: by UUID, or by key for a symptom or
 * trigger; what it has stays as it is. */
static gboolean
is_in_diary (MdDiary *self,
             Row     *row)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE %s = ?", records[row->type].table,
                                          records[row->type].columns[0].name);

  return md_diary_row_exists (self, sql, field (row, 0));
}

/* A day is one row per date. The diary's own record of it is completed
 * with what only the file says; where they disagree, the diary's stays,
 * and the summary says so. FALSE in @out_new when the date is new. */
static gboolean
merge_day (Import    *import,
           Row       *row,
           MdDay     *day,
           gboolean  *out_new)
{
  g_autoptr(MdDay) existing = md_diary_get_day (import->diary, day->date);
  MdDiaryCsvSummary *summary = import->summary;
  GError *save_error = NULL;
  gboolean changed;

  *out_new = existing == NULL;
  if (existing == NULL)
    return TRUE;

  if (md_day_merge (existing, day, &changed) != MD_DAY_CONFLICT_NONE &&
      summary->days_differing++ == 0)
    g_strlcpy (summary->first_differing, day->date, sizeof summary->first_differing);
  if (!changed)
    {
      summary->skipped++;
      return TRUE;
    }

  summary->days_completed++;
  return saved (row, md_diary_save_day (import->diary, existing, &save_error), &save_error);
}

static gboolean
save_record (Import   *import,
             Row      *row,
             gpointer  record)
{
  MdDiary *self = import->diary;
  GError *save_error = NULL;
  MdCsvCustomEntry *entry = record;
  gboolean ok = FALSE;
  gboolean is_new;

  switch (row->type)
    {
    case RECORD_MEDICATION:
      ok = md_diary_save_medication (self, record, &save_error);
      break;
    case RECORD_SYMPTOM:
    case RECORD_TRIGGER:
      ok = md_diary_add_custom_entry_with_key (self, records[row->type].table, entry->key, entry->label,
                                               &is_new, &save_error);
      break;
    case RECORD_ATTACK:
      ok = md_diary_save_attack (self, record, &save_error);
      break;
    case RECORD_DOSE:
      /* A dose without its purpose gets the default of the whole file,
       * and every dose is followed up once all are in: see read_all(). */
      if (MD_DOSE (record)->purpose == NULL)
        g_ptr_array_add (import->undecided_doses, g_strdup (MD_DOSE (record)->uuid));
      ok = md_diary_save_dose (self, record, &save_error);
      if (ok)
        g_ptr_array_add (import->doses, g_object_ref (record));
      break;
    case RECORD_PAIN_READING:
      ok = md_diary_save_pain_reading (self, record, &save_error);
      break;
    case RECORD_DAY:
      if (!merge_day (import, row, record, &is_new))
        return FALSE;
      if (!is_new)
        return TRUE;
      ok = md_diary_save_day (self, record, &save_error);
      break;
    case RECORD_PREVENTIVE_COURSE:
      ok = md_diary_save_preventive_course (self, record, &save_error);
      break;
    case RECORD_REMINDER:
      ok = md_diary_save_reminder (self, record, &save_error);
      break;
    case N_RECORDS:
    default:
      g_assert_not_reached ();
    }

  ok = saved (row, ok, &save_error);
  if (ok)
    import->summary->added++;

  return ok;
}

static gboolean
import_row (Import *import,
            Row    *row)
{
  g_autoptr(GObject) record = NULL;

  if (!required (row, 0))
    return FALSE;

  if (is_in_diary (import->diary, row))
    {
      import->summary->skipped++;
      return TRUE;
    }

  record = g_object_new (records[row->type].get_type (), NULL);
  for (guint c = 0; c < records[row->type].n_columns; c++)
    if (!read_column (row, c, record))
      return FALSE;

  return save_record (import, row, record);
}

/* An imported dose is followed up as one saved in the app is: see
 * md_diary_follow_up_new_dose(). After all rows, so that a follow-up the
 * file brings for its dose is the one kept. */
static gboolean
follow_up_imported_doses (Import  *import,
                          GError **error)
{
  for (guint i = 0; i < import->doses->len; i++)
    {
      gboolean added;

      if (!md_diary_follow_up_new_dose (import->diary, g_ptr_array_index (import->doses, i), &added, error))
        return FALSE;
      if (added)
        import->summary->follow_ups++;
    }

  return TRUE;
}

static gboolean
read_all (Import      *import,
          const char  *data,
          gsize        length,
          GError     **error)
{
  g_autoptr(MdCsvReader) reader = md_csv_reader_new (data, length);
  g_autoptr(GPtrArray) first = NULL;
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
      Row row = { line, fields, N_RECORDS, error };
      gboolean header = kind[0] == '#';

      /* A blank line is no record: editors and spreadsheets leave them,
       * at the end of a file above all, sometimes with spaces or tabs
       * that nobody sees. */
      if (fields->len == 1 && kind[strspn (kind, " \t")] == '\0')
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
            if (g_strcmp0 (g_ptr_array_index (fields, c + 1), records[row.type].columns[c].name) != 0)
              {
                g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_CSV,
                             _("Line %u, column %u: expected the column “%s”."),
                             line, c + 2, records[row.type].columns[c].name);
                return FALSE;
              }
          continue;
        }

      if (!import_row (import, &row))
        return FALSE;

      if ((++count % 256) == 0)
        {
          if (g_cancellable_set_error_if_cancelled (import->cancellable, error))
            return FALSE;
          if (import->progress != NULL)
            import->progress (md_csv_reader_get_fraction (reader), import->progress_data);
        }
    }

  if (error != NULL && *error != NULL)
    return FALSE;

  /* A dose from a file that did not say why it was given gets the
   * default from the whole import: the courses and days that decide it
   * come after the doses in the file. */
  for (guint i = 0; i < import->undecided_doses->len; i++)
    if (!md_diary_apply_default_dose_purpose (import->diary, g_ptr_array_index (import->undecided_doses, i),
                                              error))
      return FALSE;

  /* Follow-ups last, when every dose's purpose is known. */
  return follow_up_imported_doses (import, error);
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
  g_autoptr(GPtrArray) undecided_doses = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) doses = g_ptr_array_new_with_free_func (g_object_unref);
  MdDiaryCsvSummary counts = { 0, };
  Import import = { self, progress, progress_data, cancellable, &counts, undecided_doses, doses };

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

  if (!read_all (&import, data, length, &local_error))
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
