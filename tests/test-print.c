/* test-print.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report from the window: Export PDF, and the print path — the
 * GtkPrintOperation run with an export file name — which must give the
 * same pages as the headless export.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "md-print-operation.h"
#include "md-report.h"
#include "md-test-gui.h"
#include "md-test-utils.h"
#include "md-window.h"

static char *
page_text (const char *pdf,
           int         page)
{
  char *out = md_test_pdf_text (pdf, page, page);

  /* pdftotext separates blocks by a blank line where their gap is
   * large: the patient's line, which moves what follows down, may add
   * or remove one. The words and their order are what must match. */
  {
    char *w = out;

    for (const char *r = out; *r != '\0'; r++)
      if (!(*r == '\n' && r[1] == '\n'))
        *w++ = *r;
    *w = '\0';
  }

  return out;
}

static int
page_count (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *out = NULL;
  const char *line;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, NULL));
  line = strstr (out, "Pages:");
  g_assert_nonnull (line);

  return atoi (line + strlen ("Pages:"));
}

static void
test_print_matches_export (void)
{
  g_autofree char *dir = md_test_make_temp_dir ();
  g_autofree char *db = md_test_generate_diary ((const char *[]) { "--years", "1", "--seed", "5", NULL });
  g_autofree char *exported = g_build_filename (dir, "exported.pdf", NULL);
  g_autofree char *printed = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *headless = g_build_filename (dir, "headless.pdf", NULL);
  g_autoptr(MdApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  MdWindow *window;
  gboolean done = FALSE;
  int pages;

  g_settings_set_string (settings, "patient-name", "Jan Kowalski");
  g_settings_set_enum (settings, "charts-range", 3);

  app = md_test_gui_app_with_diary (db);
  window = MD_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_signal_connect (window, "report-written", G_CALLBACK (md_test_gui_report_written_cb), &done);

  /* Export PDF, from the Diary view: the report reads the diary itself */
  md_window_export_report (window, exported);
  g_assert_true (md_test_wait_for (md_test_flag_is_set, &done, 10000));
  g_assert_true (g_file_test (exported, G_FILE_TEST_EXISTS));

  /* The print operation, exporting to a file */
  done = FALSE;
  md_window_print_report_to_file (window, printed);
  g_assert_true (md_test_wait_for (md_test_flag_is_set, &done, 10000));
  g_assert_true (g_file_test (printed, G_FILE_TEST_EXISTS));

  /* And the command line, with the same whole-diary period */
  {
    g_autoptr(MdStatsData) data = md_stats_data_load (db, g_get_real_time () / G_USEC_PER_SEC, &error);
    g_autofree char *from = md_stats_day_to_iso (data->first_day);
    g_autofree char *to = md_stats_day_to_iso (MAX (data->last_day, md_stats_day_today (data->now)));
    const char *args[] = { "--database", db, "--export-report", headless, "--from", from, "--to", to, NULL };

    g_assert_cmpint (md_test_spawn_app (args, NULL, NULL), ==, 0);
  }

  pages = page_count (exported);
  g_assert_cmpint (pages, >, 2);
  g_assert_cmpint (page_count (printed), ==, pages);
  g_assert_cmpint (page_count (headless), ==, pages);
  for (int p = 1; p <= pages; p++)
    {
      g_autofree char *a = page_text (exported, p);
      g_autofree char *b = page_text (printed, p);
      g_autofree char *c = page_text (headless, p);

      g_assert_cmpstr (a, ==, b);
      if (p == 1)
        {
          /* The command line runs with its own (memory) settings: no name */
          char *line = strstr (a, "Patient: Jan Kowalski\n");

          g_assert_nonnull (line);
          memmove (line, line + strlen ("Patient: Jan Kowalski\n"), strlen (line + strlen ("Patient: Jan Kowalski\n")) + 1);
        }
      g_assert_cmpstr (a, ==, c);
    }

  md_test_gui_close_all (app);
}

/* The print dialog says which period and treatment it prints, in a tab
 * of its own. */
static void
test_dialog_says_what_it_prints (void)
{
  MdStatsData *data = md_stats_data_new (1780000000);
  MdStatsSettings settings;
  MdStatsTreatment treatment = { MD_STATS_TREATMENT_COURSE, 0, 0, 0, 0, -1, G_MAXINT };
  MdReport *report;
  g_autoptr(MdPrintOperation) operation = NULL;
  GObject *widget = NULL;
  g_autofree char *tab = NULL;
  int mg = md_stats_data_add_medication (data, "Magnesium 400 mg", MD_STATS_CLASS_MAGNESIUM_ORAL, FALSE);

  treatment.medication = mg;
  treatment.start_day = md_stats_day_from_iso ("2026-03-02");
  md_stats_data_add_course (data, mg, treatment.start_day, G_MAXINT);
  md_stats_data_finish (data);
  md_stats_settings_init_default (&settings);
  report = md_report_new (data, &settings, md_stats_day_from_iso ("2026-02-02"), md_stats_day_from_iso ("2026-05-24"));
  md_report_set_comparison (report, &treatment);
  operation = md_print_operation_new (report);

  g_object_get (operation, "custom-tab-label", &tab, NULL);
  g_assert_cmpstr (tab, ==, "Report");
  g_signal_emit_by_name (operation, "create-custom-widget", &widget);
  g_assert_true (GTK_IS_LABEL (widget));
  g_object_ref_sink (widget);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (widget)), ==,
                   /* report dates never break: no-break spaces */
                   "Period: 2\u00a0Feb\u00a02026 – 24\u00a0May\u00a02026\n"
                   "Treatment compared: Magnesium 400 mg, from 2\u00a0Mar\u00a02026");
  g_object_unref (widget);
  md_stats_data_unref (data);
}

/* "Print to File" in the print dialog, given the diary itself (GTK asks
 * "Replace?" and would write the PDF over it) or a pipe, is refused
 * before anything is drawn; another file is made the owner's only. */
static void
test_print_to_file_refuses_the_diary (void)
{
  g_autofree char *diary_path = md_test_temp_path ("diary.db");
  g_autoptr(MdDiary) diary = md_test_open_diary (diary_path);
  g_autofree char *dir = g_path_get_dirname (diary_path);
  g_autofree char *fifo = g_build_filename (dir, "pipe", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  const char *outputs[] = { diary_path, fifo, pdf };
  GStatBuf st;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      MdStatsData *data = md_stats_data_new (1780000000);
      MdStatsSettings stats_settings;
      g_autoptr(MdPrintOperation) operation = NULL;
      g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
      g_autofree char *uri = g_filename_to_uri (outputs[i], NULL, NULL);
      g_autoptr(GError) error = NULL;
      gboolean allowed;

      md_stats_data_finish (data);
      md_stats_settings_init_default (&stats_settings);
      operation = md_print_operation_new (md_report_new (data, &stats_settings,
                                                         md_stats_day_from_iso ("2026-02-02"),
                                                         md_stats_day_from_iso ("2026-05-24")));
      md_print_operation_set_database_path (operation, diary_path);
      gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
      gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (operation), settings);

      allowed = md_print_operation_check_output (operation, &error);
      if (i < 2)
        {
          g_assert_false (allowed);
          g_assert_nonnull (error);
          g_assert_true (strstr (error->message, i == 0 ? "is the diary itself" : "is not a regular file") != NULL);
        }
      else
        {
          g_assert_no_error (error);
          g_assert_true (allowed);
          g_assert_cmpint (g_stat (pdf, &st), ==, 0);
          g_assert_cmpint (st.st_mode & 0777, ==, 0600);
        }
      md_stats_data_unref (data);
    }

  g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  g_unlink (fifo);
  g_unlink (pdf);
}

int
main (int   argc,
      char *argv[])
{
  md_test_init_gui (&argc, &argv);

  g_test_add_func ("/md/print/print-matches-export", test_print_matches_export);
  g_test_add_func ("/md/print/dialog-says-what-it-prints", test_dialog_says_what_it_prints);
  g_test_add_func ("/md/print/print-to-file-refuses-the-diary", test_print_to_file_refuses_the_diary);

  return g_test_run ();
}
