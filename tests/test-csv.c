/* test-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "md-csv.h"
#include "md-error.h"
#include "md-test-utils.h"

static GPtrArray *
read_all_records (const char  *data,
                  GError     **error)
{
  g_autoptr(MdCsvReader) reader = md_csv_reader_new (data, strlen (data));
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *fields;

  while ((fields = md_csv_reader_next (reader, error)) != NULL)
    g_ptr_array_add (records, fields);

  return records;
}

static const char *
cell (GPtrArray *records,
      guint      record,
      guint      field)
{
  GPtrArray *fields = g_ptr_array_index (records, record);

  return g_ptr_array_index (fields, field);
}

static void
test_quoting_round_trip (void)
{
  const char *fields[] = {
    "plain", "with, comma", "with \"quotes\"", "two\nlines", "", "ünïcödé ✓", "crlf\r\nkept",
  };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  md_csv_append_row (out, fields, G_N_ELEMENTS (fields));
  md_csv_append_row (out, fields, 2);
  g_assert_cmpstr (out->str, ==,
                   "plain,\"with, comma\",\"with \"\"quotes\"\"\",\"two\nlines\",,ünïcödé ✓,\"crlf\r\nkept\"\n"
                   "plain,\"with, comma\"\n");

  records = read_all_records (out->str, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_assert_cmpstr (cell (records, 0, i), ==, fields[i]);
  g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (records, 1))->len, ==, 2);
}

static void
test_line_endings_and_bom (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = read_all_records ("\xef\xbb\xbf" "a,b\r\nc,d\r\n\"e\"\n", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 3);
  g_assert_cmpstr (cell (records, 0, 0), ==, "a");
  g_assert_cmpstr (cell (records, 1, 1), ==, "d");
  g_assert_cmpstr (cell (records, 2, 0), ==, "e");
}

static void
test_formula_cells_are_neutralised_and_restored (void)
{
  const char *fields[] = { "=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "\tTab", "'quoted", "a=b" };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  md_csv_append_row (out, fields, G_N_ELEMENTS (fields));
  /* Nothing a spreadsheet would run: each dangerous cell starts with a quote. */
  g_assert_cmpstr (out->str, ==, "\"'=HYPERLINK(\"\"x\"\")\",'+1,'-2,'@SUM(A1),'\tTab,''quoted,a=b\n");

  records = read_all_records (out->str, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_assert_cmpstr (cell (records, 0, i), ==, fields[i]);
}

typedef struct
{
  const char *input;
  const char *message;
} Malformed;

static void
test_malformed_input_names_line_and_column (void)
{
  const Malformed cases[] = {
    { "a,b\nc,\"open\n", "Line 2, column 2: a quoted field is not closed." },
    { "a,b\nc,d\"e\n", "Line 2, column 2: a quote appears inside a field that is not quoted." },
    { "a,\"b\"x\n", "Line 1, column 2: text follows the closing quote of a field." },
    { "ok\nbad,\xff\xfe\n", "Line 2, column 2: the text is not valid UTF-8." },
    { "a\rb\n", "Line 1, column 1: a carriage return is not followed by a line feed." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) records = read_all_records (cases[i].input, &error);

      g_assert_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_CSV);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_too_many_fields (void)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;

  for (guint i = 0; i < MD_CSV_MAX_FIELDS + 5; i++)
    g_string_append (line, "x,");
  g_string_append (line, "x\n");

  records = read_all_records (line->str, &error);
  g_assert_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_CSV);
  g_assert_nonnull (strstr (error->message, "too many fields"));
}

static void
test_position_is_reported (void)
{
  g_autoptr(MdCsvReader) reader = md_csv_reader_new ("a\n\"b\nc\"\nd\n", 10);
  g_autoptr(GPtrArray) first = md_csv_reader_next (reader, NULL);
  g_autoptr(GPtrArray) second = md_csv_reader_next (reader, NULL);
  g_autoptr(GPtrArray) third = NULL;

  g_assert_cmpuint (md_csv_reader_get_line (reader), ==, 2);
  third = md_csv_reader_next (reader, NULL);
  /* The quoted line break moved the record onto line 4. */
  g_assert_cmpuint (md_csv_reader_get_line (reader), ==, 4);
  g_assert_cmpstr (g_ptr_array_index (third, 0), ==, "d");
  g_assert_null (md_csv_reader_next (reader, NULL));
  g_assert_cmpfloat (md_csv_reader_get_fraction (reader), ==, 1.0);
}

int
main (int   argc,
      char *argv[])
{
  md_test_init (&argc, &argv);

  g_test_add_func ("/md/csv/quoting", test_quoting_round_trip);
  g_test_add_func ("/md/csv/line-endings", test_line_endings_and_bom);
  g_test_add_func ("/md/csv/formulas", test_formula_cells_are_neutralised_and_restored);
  g_test_add_func ("/md/csv/malformed", test_malformed_input_names_line_and_column);
  g_test_add_func ("/md/csv/too-many-fields", test_too_many_fields);
  g_test_add_func ("/md/csv/position", test_position_is_reported);

  return g_test_run ();
}
