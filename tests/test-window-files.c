/* test-window-files.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The files the window reads and writes: Import From CSV refuses what is
 * not a CSV file before reading it, and every export, report and print
 * to file is the owner's only and leaves no temporary file behind.
 */

#include "config.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "md-file.h"
#include "md-test-gui.h"
#include "md-test-utils.h"
#include "md-window.h"

/* This process's peak memory in KiB (VmHWM), after @reset sets it back
 * to what is in use now. */
static long
peak_kib (gboolean reset)
{
  g_autofree char *status = NULL;
  const char *line;

  if (reset)
    {
      int fd = g_open ("/proc/self/clear_refs", O_WRONLY, 0);

      g_assert_cmpint (fd, >=, 0);
      g_assert_cmpint (write (fd, "5", 1), ==, 1);
      close (fd);
    }
  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  line = strstr (status, "VmHWM:");
  g_assert_nonnull (line);

  return atol (line + strlen ("VmHWM:"));
}

/* Import From CSV given a pipe no one writes to, /dev/zero and a sparse
 * 1 GiB file: each refused in a dialog that names the file, without
 * waiting for ever (the wait below is the watchdog) and without reading
 * the big file into memory. */
static void
test_import_refuses_what_is_not_a_csv_file (void)
{
  g_autofree char *dir = md_test_make_temp_dir ();
  g_autoptr(MdApplication) app = md_test_gui_app_with_diary (NULL);
  MdWindow *window = MD_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  MdTestRefusedFile cases[MD_TEST_N_REFUSED_FILES];

  md_test_make_refused_files (dir, cases);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *quoted = g_strdup_printf ("“%s”", cases[i].file);
      long before = peak_kib (TRUE);
      GtkWindow *dialog;
      const char *body;

      md_window_import_csv (window, cases[i].file);
      if (!md_test_wait_for (md_test_gui_window_idle, window, 20000))
        g_error ("importing %s did not end within 20 s", cases[i].file);
      g_assert_true (md_test_gui_wait_toplevel (ADW_TYPE_MESSAGE_DIALOG, TRUE));
      dialog = md_test_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
      body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
      if (strstr (body, quoted) == NULL || strstr (body, cases[i].message) == NULL)
        g_error ("%s: expected “%s %s”, got “%s”", cases[i].file, quoted, cases[i].message, body);
      /* Reading the file would take 64 MiB (the limit) to 1 GiB */
      g_assert_cmpint (peak_kib (FALSE) - before, <, 32 * 1024);
      gtk_window_destroy (dialog);
      md_test_iterate (20);
    }
  g_assert_cmpint (md_diary_count (md_application_get_diary (app), "attacks"), ==, 0);

  md_test_gui_close_all (app);
  md_test_remove_refused_files (cases);
}

/* Export as CSV, Export Report as PDF and Print to File, under umask 0:
 * each file is 0600, and the export removes a temporary file a killed
 * export left in the folder. */
static void
test_window_files_are_private (void)
{
  g_autofree char *dir = md_test_make_temp_dir ();
  g_autofree char *csv = g_build_filename (dir, "export.csv", NULL);
  g_autofree char *leftover = g_build_filename (dir, ".export.csv" MD_FILE_TEMP_INFIX "Qw12Er", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *printed = g_build_filename (dir, "printed.pdf", NULL);
  g_autoptr(MdApplication) app = md_test_gui_app_with_diary (NULL);
  MdWindow *window = MD_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  mode_t old_umask = umask (0);
  gboolean done = FALSE;

  g_signal_connect (window, "report-written", G_CALLBACK (md_test_gui_report_written_cb), &done);
  md_test_save_attack (md_application_get_diary (app), 1700000000, 2);

  g_assert_true (g_file_set_contents (leftover, "#migraine-diary-csv,2\n", -1, NULL));
  md_window_export_csv (window, csv);
  g_assert_true (md_test_wait_for (md_test_gui_window_idle, window, 10000));
  md_test_assert_private (csv);
  g_assert_false (g_file_test (leftover, G_FILE_TEST_EXISTS));

  md_window_export_report (window, pdf);
  g_assert_true (md_test_wait_for (md_test_flag_is_set, &done, 10000));
  md_test_assert_private (pdf);

  done = FALSE;
  md_window_print_report_to_file (window, printed);
  g_assert_true (md_test_wait_for (md_test_flag_is_set, &done, 10000));
  md_test_assert_private (printed);

  umask (old_umask);
  md_test_gui_close_all (app);
  g_unlink (csv);
  g_unlink (pdf);
  g_unlink (printed);
}

/* Export Report with a custom period of 2000-01-01 to 2030-12-31 on a
 * diary with one attack in November 2023: the report covers 1 Nov 2023
 * to today and says which period was asked for. */
static void
test_window_report_shortens_the_period (void)
{
  g_autofree char *dir = md_test_make_temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(MdApplication) app = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%-d %b %Y");
  g_autofree char *period = g_strdup_printf ("Period: 1 Nov 2023 – %s", today);
  g_autofree char *text = NULL;
  MdWindow *window;
  gboolean done = FALSE;

  g_settings_set_enum (settings, "charts-range", 4);
  g_settings_set_string (settings, "charts-from", "2000-01-01");
  g_settings_set_string (settings, "charts-to", "2030-12-31");
  app = md_test_gui_app_with_diary (NULL);
  window = MD_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_signal_connect (window, "report-written", G_CALLBACK (md_test_gui_report_written_cb), &done);
  /* 14 November 2023, and not ended */
  md_test_save_attack (md_application_get_diary (app), 1700000000, 2);

  md_window_export_report (window, pdf);
  g_assert_true (md_test_wait_for (md_test_flag_is_set, &done, 20000));
  text = md_test_pdf_text (pdf, 1, 1);
  if (strstr (text, period) == NULL ||
      strstr (text, "Shortened from 1 Jan 2000 – 31 Dec 2030: "
                    "the diary has no entries outside the period.") == NULL)
    g_error ("the header does not name the periods: %s", text);

  md_test_gui_close_all (app);
  g_settings_reset (settings, "charts-range");
  g_settings_reset (settings, "charts-from");
  g_settings_reset (settings, "charts-to");
  g_unlink (pdf);
}

int
main (int   argc,
      char *argv[])
{
  md_test_init_gui (&argc, &argv);

  g_test_add_func ("/md/window-files/import-refuses-non-files", test_import_refuses_what_is_not_a_csv_file);
  g_test_add_func ("/md/window-files/private", test_window_files_are_private);
  g_test_add_func ("/md/window-files/report-shortens-period", test_window_report_shortens_the_period);

  return g_test_run ();
}
