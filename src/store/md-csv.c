/* md-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RFC 4180 CSV, strictly: fields separated by commas, records by LF or
 * CRLF, fields with a comma, quote or line break in double quotes, a
 * quote inside written twice. Errors name the line and column where the
 * reader gave up.
 *
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage
 * return) as a formula, so the writer puts a single quote in front of
 * such a cell — and of a cell that already starts with a quote, so that
 * the reader can always remove exactly one and nothing is lost.
 */

#define G_LOG_DOMAIN "md-csv"

#include "config.h"

#include <glib/gi18n.h>

#include "md-csv.h"
#include "md-error.h"

struct _MdCsvReader
{
  const char *data;
  gsize       length;
  gsize       pos;
  guint       line;        /* line of the next character */
  guint       record_line; /* line where the last record started */
};

MdCsvReader *
md_csv_reader_new (const char *data,
                   gsize       length)
{
  MdCsvReader *reader = g_new0 (MdCsvReader, 1);

  reader->data = data;
  reader->length = length;
  reader->line = 1;

  /* A byte order mark, as some spreadsheets write, is not data. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    reader->pos = 3;

  return reader;
}

void
md_csv_reader_free (MdCsvReader *reader)
{
  g_free (reader);
}

/**
 * md_csv_reader_get_line:
 *
 * Returns: the 1-based line on which the last record returned began
 */
guint
md_csv_reader_get_line (MdCsvReader *reader)
{
  return reader->record_line;
}

double
md_csv_reader_get_fraction (MdCsvReader *reader)
{
  return reader->length > 0 ? (double) reader->pos / reader->length : 1.0;
}

/* Sets @error and returns %NULL, for `return csv_error (…);`. */
static gpointer
csv_error (GError     **error,
           guint        line,
           guint        column,
           const char  *reason)
{
  g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_CSV,
               /* Translators: a position in a CSV file, then what is wrong there */
               _("Line %u, column %u: %s"), line, column, reason);
  return NULL;
}

static char *
finish_field (GString *field)
{
  /* Undo the formula guard: exactly one leading quote. */
  if (field->len > 0 && field->str[0] == '\'')
    g_string_erase (field, 0, 1);

  return g_string_free (field, FALSE);
}

/**
 * md_csv_reader_next:
 *
 * Returns: (transfer full) (nullable) (element-type utf8): the fields of
 *   the next record; %NULL at the end of the data, or on an error
 */
GPtrArray *
md_csv_reader_next (MdCsvReader  *reader,
                    GError      **error)
{
  g_autoptr(GPtrArray) fields = NULL;
  GString *field = NULL;
  gboolean quoted = FALSE;
  gboolean after_quote = FALSE;
  guint column = 1;
  gsize field_start;
  guint quote_line = 0;

  if (reader->pos >= reader->length)
    return NULL;

  fields = g_ptr_array_new_with_free_func (g_free);
  field = g_string_new (NULL);
  reader->record_line = reader->line;
  field_start = reader->pos;

  while (TRUE)
    {
      char c;

      if (reader->pos >= reader->length)
        {
          if (quoted && !after_quote)
            {
              g_string_free (field, TRUE);
              return csv_error (error, quote_line, column,
                                _("a quoted field is not closed."));
            }
          break;
        }

      c = reader->data[reader->pos];

      if (quoted && !after_quote)
        {
          reader->pos++;
          if (c == '"')
            after_quote = TRUE;
          else
            {
              if (c == '\n')
                reader->line++;
              g_string_append_c (field, c);
            }
        }
      else if (after_quote && c == '"')
        {
          /* A doubled quote inside quotes is one quote. */
          reader->pos++;
          after_quote = FALSE;
          g_string_append_c (field, '"');
        }
      else if (c == ',')
        {
          reader->pos++;
          if (!g_utf8_validate (field->str, field->len, NULL))
            {
              g_string_free (field, TRUE);
              return csv_error (error, reader->record_line, column,
                                _("the text is not valid UTF-8."));
            }
          g_ptr_array_add (fields, finish_field (field));
          field = g_string_new (NULL);
          quoted = after_quote = FALSE;
          column++;
          field_start = reader->pos;
          if (fields->len >= MD_CSV_MAX_FIELDS)
            {
              g_string_free (field, TRUE);
              return csv_error (error, reader->record_line, column,
                                _("the line has too many fields."));
            }
        }
      else if (c == '\n' || c == '\r')
        {
          reader->pos++;
          if (c == '\r')
            {
              if (reader->pos < reader->length && reader->data[reader->pos] == '\n')
                reader->pos++;
              else
                {
                  g_string_free (field, TRUE);
                  return csv_error (error, reader->record_line, column,
                                    _("a carriage return is not followed by a line feed."));
                }
            }
          reader->line++;
          break;
        }
      else if (c == '"' && reader->pos == field_start)
        {
          reader->pos++;
          quoted = TRUE;
          quote_line = reader->line;
        }
      else if (c == '"' || after_quote)
        {
          g_string_free (field, TRUE);
          return csv_error (error, reader->line, column,
                            after_quote ? _("text follows the closing quote of a field.")
                                        : _("a quote appears inside a field that is not quoted."));
        }
      else
        {
          reader->pos++;
          g_string_append_c (field, c);
        }

      if (field->len > MD_CSV_MAX_FIELD_SIZE)
        {
          g_string_free (field, TRUE);
          return csv_error (error, reader->record_line, column,
                            _("a field is longer than one megabyte."));
        }
    }

  if (!g_utf8_validate (field->str, field->len, NULL))
    {
      g_string_free (field, TRUE);
      return csv_error (error, reader->record_line, column,
                        _("the text is not valid UTF-8."));
    }
  g_ptr_array_add (fields, finish_field (field));

  return g_steal_pointer (&fields);
}

static gboolean
needs_guard (const char *field)
{
  return field[0] == '=' || field[0] == '+' || field[0] == '-' || field[0] == '@' ||
         field[0] == '\t' || field[0] == '\r' || field[0] == '\'';
}

/**
 * md_csv_append_row:
 * @out: where the line goes
 * @fields: the fields; %NULL is written as an empty field
 *
 * Appends one record and its LF, quoting only where RFC 4180 needs it.
 */
void
md_csv_append_row (GString            *out,
                   const char * const *fields,
                   guint               n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      const char *field = fields[i] != NULL ? fields[i] : "";
      gboolean guard = needs_guard (field);

      if (i > 0)
        g_string_append_c (out, ',');

      if (strpbrk (field, ",\"\r\n") != NULL)
        {
          g_string_append_c (out, '"');
          if (guard)
            g_string_append_c (out, '\'');
          for (const char *p = field; *p != '\0'; p++)
            {
              if (*p == '"')
                g_string_append_c (out, '"');
              g_string_append_c (out, *p);
            }
          g_string_append_c (out, '"');
        }
      else
        {
          if (guard)
            g_string_append_c (out, '\'');
          g_string_append (out, field);
        }
    }

  g_string_append_c (out, '\n');
}
