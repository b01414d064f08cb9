/* test-query-plans.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The queries that run while the patient scrolls or opens the window
 * must use indexes: a full scan of attacks, doses or readings grows
 * with every year of the diary.
 */

#include "config.h"

#include "md-database-private.h"
#include "md-diary.h"
#include "md-test-utils.h"

static const char * const queries[] = {
  "SELECT rowid FROM attacks ORDER BY start_time DESC, uuid DESC",
  "SELECT * FROM attacks WHERE rowid = ?",
  "SELECT * FROM attacks WHERE uuid = ?",
  "SELECT * FROM attacks WHERE start_time < ? AND (end_time IS NULL OR end_time >= ?) ORDER BY start_time, uuid",
  "SELECT * FROM doses WHERE attack_uuid = ? ORDER BY taken_time, uuid",
  "SELECT * FROM doses WHERE taken_time >= ? AND taken_time < ? ORDER BY taken_time, uuid",
  "SELECT 1 FROM doses WHERE medication_uuid = ?",
  "SELECT * FROM pain_readings WHERE attack_uuid = ? ORDER BY time, uuid",
  "SELECT uuid FROM pain_readings WHERE dose_uuid = ?",
  "SELECT symptom_key FROM attack_symptoms WHERE attack_uuid = ? ORDER BY symptom_key",
  "SELECT * FROM days WHERE date >= ? AND date <= ? ORDER BY date",
};

static void
test_main_queries_use_indexes (void)
{
  g_autofree char *path = md_test_temp_path ("diary.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDiary) diary = md_diary_open (path, &error);
  sqlite3 *db;

  g_assert_no_error (error);
  db = md_database_get_handle (md_diary_get_database (diary));

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *sql = g_strconcat ("EXPLAIN QUERY PLAN ", queries[i], NULL);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *detail = (const char *) sqlite3_column_text (stmt, 3);

          g_test_message ("%s\n  → %s", queries[i], detail);
          /* "SCAN attacks" without an index is a full scan; "USING INDEX"
           * and "SEARCH" are fine. */
          if (g_str_has_prefix (detail, "SCAN ") && strstr (detail, "USING") == NULL &&
              (strstr (detail, "attacks") || strstr (detail, "doses") ||
               strstr (detail, "pain_readings")))
            g_error ("Full scan for “%s”: %s", queries[i], detail);
        }
      sqlite3_finalize (stmt);
    }
}

int
main (int   argc,
      char *argv[])
{
  md_test_init (&argc, &argv);

  g_test_add_func ("/md/query-plans/indexes", test_main_queries_use_indexes);

  return g_test_run ();
}
