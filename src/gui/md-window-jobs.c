/* md-window-jobs.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's jobs: CSV import and export, the PDF report and printing.
 * Each runs against the window's cancellable and holds the application
 * until it ends.
 */

#define G_LOG_DOMAIN "md-window"

#include "config.h"

#include <glib/gi18n.h>

#include "md-accessible.h"
#include "md-cli.h"
#include "md-csv.h"
#include "md-diary-csv.h"
#include "md-file.h"
#include "md-print-operation.h"
#include "md-undo-toast.h"
#include "md-report.h"
#include "md-paths.h"
#include "md-window-private.h"

static gboolean
progress_tick_cb (gpointer user_data)
{
  MdWindow *self = user_data;
  int permille = g_atomic_int_get (&self->progress_permille);

  gtk_progress_bar_set_fraction (self->progress_bar, permille / 1000.0);

  return G_SOURCE_CONTINUE;
}

static void
set_busy (MdWindow   *self,
          const char *text)
{
  self->busy = text != NULL;
  g_atomic_int_set (&self->progress_permille, 0);

  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  /* Announced by what it is doing; gone from the tree when idle. */
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), self->busy);
  if (self->busy)
    md_accessible_set_name (GTK_WIDGET (self->progress_bar), text);
  gtk_revealer_set_reveal_child (self->progress_revealer, self->busy);

  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (self->busy)
    self->progress_source = g_timeout_add (100, progress_tick_cb, self);

  md_window_update_actions (self);
}

static void
show_error (MdWindow     *self,
            const char   *heading,
            const GError *error)
{
  md_error_dialog_show (GTK_WIDGET (self), heading, error);
}

/* A job started from a window holds the application until it ends, so it
 * is never cut off at exit; if the window closes first, the job is
 * cancelled (an import rolls back whole), or finishes without the window
 * (an export is written whole, through a temporary file). */
static gboolean
window_closed (MdWindow *self)
{
  return g_cancellable_is_cancelled (self->cancellable);
}

static GApplication *
hold_application (GApplication *application)
{
  g_application_hold (application);
  g_application_mark_busy (application);

  return g_object_ref (application);
}

static void
release_application (GApplication *application)
{
  g_application_unmark_busy (application);
  g_application_release (application);
  g_object_unref (application);
}

typedef struct _Job Job;

/* A kind of job: what it does in its thread, then whatever became of the
 * window, then only while the window is still open. */
typedef struct
{
  gboolean    (*run)       (Job           *job,
                            GCancellable  *cancellable,
                            GError       **error);
  void        (*ended)     (Job           *job,
                            gboolean       ok);
  void        (*succeeded) (MdWindow      *self,
                            Job           *job);
  const char   *progress_text;  /* untranslated */
  const char   *failed_heading; /* untranslated */
} JobKind;

struct _Job
{
  const JobKind     *kind;
  char              *database_path;
  char              *path;     /* the CSV file; the PDF to write, or NULL to print */
  gboolean           to_file;  /* print through the print operation into @path */
  MdDiaryCsvSummary  summary;
  gint              *progress_permille;
  MdReport          *report;
  GApplication      *application; /* held */
};

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->database_path);
  g_free (job->path);
  g_clear_pointer (&job->report, md_report_free);
  g_clear_pointer (&job->application, release_application);
  g_free (job);
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;

  if (job->kind->run (job, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* What every job does when it ends: nothing more once the window is
 * gone; otherwise the window is idle again, and a failure is shown. */
static void
job_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  MdWindow *self = MD_WINDOW (object);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  if (job->kind->ended != NULL)
    job->kind->ended (job, ok);

  if (window_closed (self))
    return;

  set_busy (self, NULL);

  if (ok)
    job->kind->succeeded (self, job);
  else
    show_error (self, _(job->kind->failed_heading), error);
}

/* Runs @job in a thread against the window's cancellable, holding the
 * application until it ends. */
static void
run_job (MdWindow *self,
         Job      *job)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, job_done_cb, NULL);

  job->application = hold_application (G_APPLICATION (md_window_get_md_application (self)));
  g_task_set_task_data (task, job, job_free);
  /* job_done_cb tells a finished job from a cancelled one. */
  g_task_set_check_cancellable (task, FALSE);

  g_task_run_in_thread (task, job_thread);
}

static void
import_progress_cb (double   fraction,
                    gpointer user_data)
{
  Job *job = user_data;

  g_atomic_int_set (job->progress_permille, (int) (fraction * 1000));
}

/* Runs in a thread, on its own connection to the diary. */
static gboolean
import_run (Job           *job,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(MdDiary) diary = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  return md_file_read_regular (job->path, MD_CSV_MAX_FILE_SIZE, &contents, &length, error) &&
         (diary = md_diary_open (job->database_path, error)) != NULL &&
         md_diary_import_csv (diary, contents, length, import_progress_cb, job, cancellable,
                              &job->summary, error);
}

/* Whatever became of the window, the diary shows what was imported. */
static void
import_ended (Job      *job,
              gboolean  ok)
{
  MdDiary *diary = md_application_get_diary (MD_APPLICATION (job->application));

  if (ok && diary != NULL)
    md_diary_reload (diary);
}

static void
import_succeeded (MdWindow *self,
                  Job      *job)
{
  g_autofree char *title = NULL;
  g_autofree char *days = NULL;

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "Imported %u new entry",
                                        "Imported %u new entries",
                                        job->summary.added),
                           job->summary.added);
  md_window_add_toast (self, adw_toast_new (title));

  if (job->summary.follow_ups > 0)
    {
      g_autofree char *follow_ups = NULL;

      /* Translators: a toast after an import, for acute doses taken less
       * than two hours ago; %u is how many */
      follow_ups = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "“How is your pain now?” will be asked 2 hours after %u imported dose",
                                                 "“How is your pain now?” will be asked 2 hours after each of %u imported doses",
                                                 job->summary.follow_ups),
                                    job->summary.follow_ups);
      md_window_add_toast (self, adw_toast_new (follow_ups));
    }

  days = md_diary_csv_summary_describe_days (&job->summary);
  if (days != NULL)
    md_window_add_toast (self, adw_toast_new (days));
}

static const JobKind import_job = {
  import_run, import_ended, import_succeeded, N_("Importing…"), N_("Nothing Was Imported")
};

static gboolean
export_run (Job           *job,
            GCancellable  *cancellable,
            GError       **error)
{
  return md_cli_export_csv (job->database_path, job->path, error);
}

static void
export_succeeded (MdWindow *self,
                  Job      *job)
{
  g_autofree char *name = g_path_get_basename (job->path);
  /* Translators: %s is a file name */
  g_autofree char *title = g_strdup_printf (_("Diary exported to “%s”"), name);

  md_window_add_toast (self, adw_toast_new (title));
}

static const JobKind export_job = {
  export_run, NULL, export_succeeded, N_("Exporting…"), N_("The Diary Was Not Exported")
};

static void
run_csv_job (MdWindow      *self,
             const char    *file,
             const JobKind *kind)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->database_path = g_strdup (md_application_get_database_path (md_window_get_md_application (self)));
  job->path = g_strdup (file);
  job->progress_permille = &self->progress_permille;

  set_busy (self, _(kind->progress_text));
  run_job (self, job);
}

/* The file the user chose in the window's file chooser, or %NULL when
 * they cancelled; the chooser is done with. */
static char *
take_chosen_path (MdWindow             *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = g_file_get_path (file);
    }
  g_clear_object (&self->file_chooser);

  return path;
}

/* Shows the window's one file chooser, offering the files @filter
 * keeps; @response_cb gets the window first. */
static void
show_file_chooser (MdWindow             *self,
                   const char           *title,
                   GtkFileChooserAction  action,
                   const char           *accept_label,
                   GtkFileFilter        *filter,
                   const char           *current_name,
                   GCallback             response_cb)
{
  g_clear_object (&self->file_chooser);
  self->file_chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action,
                                                    accept_label, _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->file_chooser), filter);
  if (current_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->file_chooser), current_name);
  g_signal_connect_object (self->file_chooser, "response", response_cb, self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->file_chooser));
}

static void
file_chooser_response_cb (MdWindow           *self,
                          int                 response,
                          GtkFileChooserNative *chooser)
{
  gboolean importing = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_OPEN;
  g_autofree char *path = take_chosen_path (self, response, chooser);

  if (path == NULL)
    return;

  if (importing)
    run_csv_job (self, path, &import_job);
  else
    run_csv_job (self, path, &export_job);
}

static void
open_file_chooser (MdWindow             *self,
                   GtkFileChooserAction  action)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  gtk_file_filter_set_name (filter, _("CSV Files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");

  if (action == GTK_FILE_CHOOSER_ACTION_OPEN)
    {
      show_file_chooser (self, _("Import From CSV"), action, _("_Import"), filter, NULL,
                         G_CALLBACK (file_chooser_response_cb));
    }
  else
    {
      g_autoptr(GDateTime) now = md_context_now_local (md_application_get_context (md_window_get_md_application (self)));

      /* Translators: the suggested file name of an export; keep the date code */
      name = g_date_time_format (now, _("migraine-diary-%Y-%m-%d.csv"));
      show_file_chooser (self, _("Export as CSV"), action, _("_Export"), filter, name,
                         G_CALLBACK (file_chooser_response_cb));
    }
}

static void
import_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  open_file_chooser (MD_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  open_file_chooser (MD_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SAVE);
}

/**
 * md_window_import_csv:
 * @file: a CSV export
 *
 * Imports @file in a thread with the progress bar showing, then a toast;
 * what the Import action does once the file is chosen.
 */
void
md_window_import_csv (MdWindow   *self,
                      const char *file)
{
  g_return_if_fail (MD_IS_WINDOW (self));

  run_csv_job (self, file, &import_job);
}

/**
 * md_window_export_csv:
 * @file: where to write
 */
void
md_window_export_csv (MdWindow   *self,
                      const char *file)
{
  g_return_if_fail (MD_IS_WINDOW (self));

  run_csv_job (self, file, &export_job);
}

/* The report: printed and exported from what the Charts view shows —
 * its period, its definitions and its chosen treatment. */

static void
show_toast (MdWindow   *self,
            const char *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 5);
  md_accessible_add_toast (self->toast_overlay, toast);
}

static MdReport *
report_from_charts (MdWindow *self)
{
  MdStats *stats = md_charts_page_get_stats (self->charts_page);
  g_autofree char *patient = g_settings_get_string (self->settings, "patient-name");
  MdStatsTreatment treatment;
  MdReport *report = md_report_new_within_diary (stats->data, &stats->settings, stats->first_day, stats->last_day);

  md_report_set_patient_name (report, patient);
  md_report_set_rtl (report, gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL);
  if (md_charts_page_get_treatment (self->charts_page, &treatment))
    md_report_set_comparison (report, &treatment);

  /* Laid out where it goes: on the locale's paper when written as PDF,
   * on the print context's paper when printed. */
  return report;
}

static gboolean
write_report_run (Job           *job,
                  GCancellable  *cancellable,
                  GError       **error)
{
  return md_report_write_pdf (job->report, job->path, error);
}

static void
write_report_succeeded (MdWindow *self,
                        Job      *job)
{
  g_autofree char *name = g_path_get_basename (job->path);
  /* Translators: %s is a file name */
  g_autofree char *text = g_strdup_printf (_("Report saved as “%s”"), name);

  show_toast (self, text);
  g_signal_emit_by_name (self, "report-written", job->path);
}

static const JobKind write_report_job = {
  write_report_run, NULL, write_report_succeeded, N_("Writing the report…"), N_("The Report Could Not Be Saved")
};

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               MdWindow                *self)
{
  g_autoptr(GError) error = NULL;
  const GError *refusal = md_print_operation_get_refusal (MD_PRINT_OPERATION (operation));

  if (refusal != NULL)
    show_error (self, _("The Report Could Not Be Printed"), refusal);
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      show_toast (self, error != NULL ? error->message : _("The report could not be printed."));
    }
}

static void
report_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  MdWindow *self = g_task_get_source_object (outer);
  Job *job = g_task_get_task_data (outer);
  g_autoptr(GError) error = NULL;

  if (window_closed (self))
    {
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The window was closed");
      return;
    }

  if (!md_charts_page_load_finish (MD_CHARTS_PAGE (source), result, &error))
    {
      set_busy (self, NULL);
      show_toast (self, error->message);
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }

  if (job->path != NULL && !job->to_file)
    {
      Job *write = g_new0 (Job, 1);

      /* The window is busy with it since start_report() */
      write->kind = &write_report_job;
      write->path = g_strdup (job->path);
      write->report = report_from_charts (self);
      run_job (self, write);
    }
  else
    {
      g_autoptr(MdPrintOperation) operation = md_print_operation_new (report_from_charts (self));
      GtkPrintOperationResult print_result;

      md_print_operation_set_database_path (operation,
                                            md_application_get_database_path (md_window_get_md_application (self)));

      set_busy (self, NULL);

      if (job->to_file)
        {
          /* GTK writes the file itself: made private first, it keeps
           * that mode when GTK empties and fills it. */
          if (!md_file_create_private (job->path, &error))
            {
              show_error (self, _("The Report Could Not Be Printed"), error);
              g_task_return_boolean (outer, TRUE);
              return;
            }
          gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), job->path);
          print_result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                                  GTK_PRINT_OPERATION_ACTION_EXPORT,
                                                  GTK_WINDOW (self), &error);
          if (print_result == GTK_PRINT_OPERATION_RESULT_ERROR)
            show_error (self, _("The Report Could Not Be Printed"), error);
          else
            g_signal_emit_by_name (self, "report-written", job->path);
        }
      else
        {
          gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), TRUE);
          g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
          gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                   GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                   GTK_WINDOW (self), &error);
          if (error != NULL)
            show_toast (self, error->message);
        }
    }
  g_task_return_boolean (outer, TRUE);
}

static void
start_report (MdWindow   *self,
              const char *path,
              gboolean    to_file)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Job *job;

  /* Never a report written over the diary itself */
  if (path != NULL &&
      !md_paths_check_output (md_application_get_database_path (md_window_get_md_application (self)),
                              path, &error))
    {
      show_error (self, _("The Report Could Not Be Saved"), error);
      return;
    }

  task = g_task_new (self, NULL, NULL, NULL);
  job = g_new0 (Job, 1);
  job->path = g_strdup (path);
  job->to_file = to_file;
  job->application = hold_application (G_APPLICATION (md_window_get_md_application (self)));
  g_task_set_task_data (task, job, job_free);
  if (path != NULL && !to_file)
    set_busy (self, _(write_report_job.progress_text));
  md_charts_page_load_async (md_window_ensure_charts_page (self), NULL, report_loaded_cb, g_steal_pointer (&task));
}

/**
 * md_window_export_report:
 * @file: the PDF to write
 *
 * What Export PDF does once the file is chosen; emits
 * #MdWindow::report-written when done.
 */
void
md_window_export_report (MdWindow   *self,
                         const char *file)
{
  g_return_if_fail (MD_IS_WINDOW (self));

  start_report (self, file, FALSE);
}

/**
 * md_window_print_report_to_file:
 * @file: the PDF the print operation exports to
 *
 * Runs the print operation with an export file name: the print path,
 * without a printer or a dialog.
 */
void
md_window_print_report_to_file (MdWindow   *self,
                                const char *file)
{
  g_return_if_fail (MD_IS_WINDOW (self));

  start_report (self, file, TRUE);
}

static void
pdf_chooser_response_cb (MdWindow             *self,
                         int                   response,
                         GtkFileChooserNative *chooser)
{
  g_autofree char *path = take_chosen_path (self, response, chooser);

  if (path != NULL)
    md_window_export_report (self, path);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  MdWindow *self = MD_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GDateTime) now = md_context_now_local (md_application_get_context (md_window_get_md_application (self)));
  /* Translators: the suggested file name of the report; keep the date code */
  g_autofree char *name = g_date_time_format (now, _("migraine-report-%Y-%m-%d.pdf"));

  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_pattern (filter, "*.pdf");

  show_file_chooser (self, _("Export Report as PDF"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                     filter, name, G_CALLBACK (pdf_chooser_response_cb));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  start_report (MD_WINDOW (widget), NULL, FALSE);
}

/**
 * md_window_is_busy:
 *
 * Returns: whether an import or export is running
 */
gboolean
md_window_is_busy (MdWindow *self)
{
  g_return_val_if_fail (MD_IS_WINDOW (self), FALSE);

  return self->busy;
}

void
md_window_class_init_jobs (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import-csv", NULL, import_csv_action);
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
}
