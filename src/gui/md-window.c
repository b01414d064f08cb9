/* md-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "md-window"

#include "config.h"

#include <glib/gi18n.h>

#include "md-accessible.h"
#include "md-cli.h"
#include "md-diary-csv.h"
#include "md-day-editor.h"
#include "md-charts-page.h"
#include "md-diary-page.h"
#include "md-print-operation.h"
#include "md-report.h"
#include "md-reminders-page.h"
#include "md-window.h"

struct _MdWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *stack;
  AdwViewSwitcherBar   *switcher_bar;
  AdwToastOverlay      *toast_overlay;
  GtkMenuButton        *primary_menu_button;
  GtkRevealer          *progress_revealer;
  GtkProgressBar       *progress_bar;
  GtkToggleButton      *search_button;
  MdDiaryPage          *diary_page;
  AdwBin               *charts_bin;
  AdwBin               *reminders_bin;

  /* Borrowed: built the first time they are needed, not at start-up */
  MdChartsPage         *charts_page;
  MdRemindersPage      *reminders_page;

  /* Owned */
  GSettings            *settings;
  GtkFileChooserNative   *file_chooser;
  GCancellable         *cancellable; /* cancelled when the window closes */

  /* A CSV import or export running in a thread */
  gboolean              busy;
  gint                  progress_permille; /* atomic, written by the thread */
  guint                 progress_source;
};

G_DEFINE_FINAL_TYPE (MdWindow, md_window, ADW_TYPE_APPLICATION_WINDOW)

static gboolean
is_known_view (const char *view_name)
{
  return g_strcmp0 (view_name, "diary") == 0 ||
         g_strcmp0 (view_name, "charts") == 0 ||
         g_strcmp0 (view_name, "reminders") == 0;
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  md_window_show_view (MD_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static MdApplication *
get_application (MdWindow *self)
{
  return MD_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

/* The Charts and Reminders views are built when first shown (or needed
 * by the report): a window that opens on the diary does not pay for them
 * before its first frame. */
static MdChartsPage *
ensure_charts_page (MdWindow *self)
{
  if (self->charts_page == NULL)
    {
      MdApplication *app = get_application (self);

      self->charts_page = MD_CHARTS_PAGE (md_charts_page_new ());
      adw_bin_set_child (self->charts_bin, GTK_WIDGET (self->charts_page));
      if (app != NULL)
        md_charts_page_set_context (self->charts_page, md_application_get_context (app));
    }

  return self->charts_page;
}

static MdRemindersPage *
ensure_reminders_page (MdWindow *self)
{
  if (self->reminders_page == NULL)
    {
      MdApplication *app = get_application (self);

      self->reminders_page = g_object_new (MD_TYPE_REMINDERS_PAGE, NULL);
      adw_bin_set_child (self->reminders_bin, GTK_WIDGET (self->reminders_page));
      if (app != NULL)
        md_reminders_page_set_context (self->reminders_page, md_application_get_context (app));
    }

  return self->reminders_page;
}

static void
visible_view_changed_cb (MdWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->stack);

  /* Search searches the diary: it is offered in the Diary view. */
  gtk_widget_set_visible (GTK_WIDGET (self->search_button), g_strcmp0 (name, "diary") == 0);

  if (g_strcmp0 (name, "charts") == 0)
    ensure_charts_page (self);
  else if (g_strcmp0 (name, "reminders") == 0)
    ensure_reminders_page (self);
}

/* The one place that decides which window actions can run. */
static void
update_actions (MdWindow *self)
{
  MdApplication *app = get_application (self);
  gboolean have_diary = app != NULL && md_application_get_diary (app) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-csv", have_diary && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-csv", have_diary && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.attack-started", have_diary);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.no-headache-today", have_diary);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.record-day", have_diary);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.log-dose", have_diary);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", have_diary && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf", have_diary && !self->busy);
}

static void
log_dose_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  MdWindow *self = MD_WINDOW (widget);

  md_window_show_view (self, "diary");
  md_diary_page_log_dose (self->diary_page);
}

static void
record_day_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  MdWindow *self = MD_WINDOW (widget);
  MdContext *context = md_application_get_context (get_application (self));
  g_autoptr(GDateTime) now = md_context_now_local (context);

  gtk_window_present (GTK_WINDOW (md_day_editor_new (GTK_WINDOW (self), context, now)));
}

static void
attack_started_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  MdWindow *self = MD_WINDOW (widget);

  md_window_show_view (self, "diary");
  md_diary_page_start_attack (self->diary_page);
}

static void
no_headache_today_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  MdWindow *self = MD_WINDOW (widget);

  md_window_show_view (self, "diary");
  md_diary_page_record_headache_free_today (self->diary_page);
}

/* Ctrl+F anywhere in the window searches the diary. */
static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MdWindow *self = MD_WINDOW (widget);

  md_window_show_view (self, "diary");
  gtk_widget_activate_action (GTK_WIDGET (self->diary_page), "diary.search", NULL);
}

/* "Took Medication", "Pain Now" and "Attack Ended" from the keyboard act
 * on the ongoing attack, as its row's buttons do; with none ongoing they
 * do nothing. */
static void
ongoing_attack_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  MdWindow *self = MD_WINDOW (widget);
  g_autofree char *uuid = md_diary_page_dup_ongoing_attack (self->diary_page);

  if (uuid == NULL)
    return;

  md_window_show_view (self, "diary");
  if (g_str_equal (action_name, "win.took-medication"))
    md_diary_page_add_dose (self->diary_page, uuid);
  else if (g_str_equal (action_name, "win.pain-now"))
    md_diary_page_record_pain (self->diary_page, uuid);
  else
    md_diary_page_end_attack (self->diary_page, uuid);
}

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

  update_actions (self);
}

static void
show_error (MdWindow   *self,
            const char *heading,
            GError     *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
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

typedef struct
{
  char              *database_path;
  char              *file;
  MdDiaryCsvSummary  summary;
  gint              *progress_permille;
  GApplication      *application; /* held */
} CsvJob;

static void
csv_job_free (gpointer data)
{
  CsvJob *job = data;

  g_free (job->database_path);
  g_free (job->file);
  g_clear_pointer (&job->application, release_application);
  g_free (job);
}

static void
import_progress_cb (double   fraction,
                    gpointer user_data)
{
  CsvJob *job = user_data;

  g_atomic_int_set (job->progress_permille, (int) (fraction * 1000));
}

/* Runs in a thread, on its own connection to the diary. */
static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  CsvJob *job = task_data;
  g_autoptr(MdDiary) diary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (job->file, &contents, &length, &error) ||
      (diary = md_diary_open (job->database_path, &error)) == NULL ||
      !md_diary_import_csv (diary, contents, length, import_progress_cb, job, cancellable,
                            &job->summary, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  MdWindow *self = MD_WINDOW (object);
  CsvJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);
  MdDiary *diary = md_application_get_diary (MD_APPLICATION (job->application));

  /* Whatever became of the window, the diary shows what was imported. */
  if (ok && diary != NULL)
    md_diary_reload (diary);

  if (window_closed (self))
    return;

  set_busy (self, NULL);

  if (!ok)
    {
      show_error (self, _("Nothing Was Imported"), error);
      return;
    }

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
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  CsvJob *job = task_data;
  g_autoptr(GError) error = NULL;

  if (!md_cli_export_csv (job->database_path, job->file, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  MdWindow *self = MD_WINDOW (object);
  CsvJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  if (window_closed (self))
    return;

  set_busy (self, NULL);

  if (!ok)
    {
      show_error (self, _("The Diary Was Not Exported"), error);
      return;
    }

  name = g_path_get_basename (job->file);
  /* Translators: %s is a file name */
  title = g_strdup_printf (_("Diary exported to “%s”"), name);
  md_window_add_toast (self, adw_toast_new (title));
}

static void
run_csv_job (MdWindow            *self,
             const char          *file,
             GTaskThreadFunc      thread_func,
             GAsyncReadyCallback  done,
             const char          *progress_text)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, done, NULL);
  CsvJob *job = g_new0 (CsvJob, 1);

  job->database_path = g_strdup (md_application_get_database_path (get_application (self)));
  job->file = g_strdup (file);
  job->progress_permille = &self->progress_permille;
  job->application = hold_application (G_APPLICATION (get_application (self)));
  g_task_set_task_data (task, job, csv_job_free);
  /* The done callbacks tell a finished job from a cancelled one. */
  g_task_set_check_cancellable (task, FALSE);

  set_busy (self, progress_text);
  g_task_run_in_thread (task, thread_func);
}

static void
file_chooser_response_cb (MdWindow           *self,
                          int                 response,
                          GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  gboolean importing;

  importing = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_OPEN;
  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = g_file_get_path (file);
    }
  g_clear_object (&self->file_chooser);

  if (path == NULL)
    return;

  if (importing)
    run_csv_job (self, path, import_thread, import_done_cb, _("Importing…"));
  else
    run_csv_job (self, path, export_thread, export_done_cb, _("Exporting…"));
}

static void
open_file_chooser (MdWindow             *self,
                   GtkFileChooserAction  action)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  gboolean importing = action == GTK_FILE_CHOOSER_ACTION_OPEN;

  gtk_file_filter_set_name (filter, _("CSV Files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");

  g_clear_object (&self->file_chooser);
  self->file_chooser = gtk_file_chooser_native_new (importing ? _("Import From CSV")
                                                              : _("Export as CSV"),
                                                    GTK_WINDOW (self),
                                                    action,
                                                    importing ? _("_Import") : _("_Export"),
                                                    _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->file_chooser), filter);

  if (!importing)
    {
      g_autoptr(GDateTime) now = md_context_now_local (md_application_get_context (get_application (self)));
      /* Translators: the suggested file name of an export; keep the date code */
      g_autofree char *name = g_date_time_format (now, _("migraine-diary-%Y-%m-%d.csv"));

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->file_chooser), name);
    }

  g_signal_connect_object (self->file_chooser, "response",
                           G_CALLBACK (file_chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->file_chooser));
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

  run_csv_job (self, file, import_thread, import_done_cb, _("Importing…"));
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

  run_csv_job (self, file, export_thread, export_done_cb, _("Exporting…"));
}

/* The report: printed and exported from what the Charts view shows —
 * its period, its definitions and its chosen treatment. */

typedef struct
{
  char         *path;     /* PDF to write, or NULL to print */
  gboolean      to_file;  /* print through the print operation into @path */
  MdReport     *report;
  GApplication *application; /* held */
} ReportJob;

static void
report_job_free (gpointer data)
{
  ReportJob *job = data;

  g_free (job->path);
  g_clear_pointer (&job->report, md_report_free);
  g_clear_pointer (&job->application, release_application);
  g_free (job);
}

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
  MdReport *report = md_report_new (stats->data, &stats->settings, stats->first_day, stats->last_day);

  md_report_set_patient_name (report, patient);
  md_report_set_rtl (report, gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL);
  if (md_charts_page_get_treatment (self->charts_page, &treatment))
    md_report_set_comparison (report, &treatment);

  /* Laid out where it goes: on the locale's paper when written as PDF,
   * on the print context's paper when printed. */
  return report;
}

static void
write_report_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  ReportJob *job = task_data;
  GError *error = NULL;

  if (md_report_write_pdf (job->report, job->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
write_report_done_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  MdWindow *self = MD_WINDOW (source);
  ReportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  if (window_closed (self))
    return;

  set_busy (self, NULL);
  if (!ok)
    {
      show_error (self, _("The Report Could Not Be Saved"), error);
      return;
    }

  {
    g_autofree char *name = g_path_get_basename (job->path);

    /* Translators: %s is a file name */
    text = g_strdup_printf (_("Report saved as “%s”"), name);
  }
  show_toast (self, text);
  g_signal_emit_by_name (self, "report-written", job->path);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               MdWindow                *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
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
  ReportJob *job = g_task_get_task_data (outer);
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
      g_autoptr(GTask) task = g_task_new (self, self->cancellable, write_report_done_cb, NULL);
      ReportJob *write = g_new0 (ReportJob, 1);

      write->path = g_strdup (job->path);
      write->report = report_from_charts (self);
      write->application = hold_application (job->application);
      g_task_set_task_data (task, write, report_job_free);
      g_task_set_check_cancellable (task, FALSE);
      g_task_run_in_thread (task, write_report_thread);
    }
  else
    {
      g_autoptr(MdPrintOperation) operation = md_print_operation_new (report_from_charts (self));
      GtkPrintOperationResult print_result;

      set_busy (self, NULL);

      if (job->to_file)
        {
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
  g_autoptr(GTask) task = g_task_new (self, NULL, NULL, NULL);
  ReportJob *job = g_new0 (ReportJob, 1);

  job->path = g_strdup (path);
  job->to_file = to_file;
  job->application = hold_application (G_APPLICATION (get_application (self)));
  g_task_set_task_data (task, job, report_job_free);
  if (path != NULL && !to_file)
    set_busy (self, _("Writing the report…"));
  md_charts_page_load_async (ensure_charts_page (self), NULL, report_loaded_cb, g_steal_pointer (&task));
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
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = g_file_get_path (file);
    }
  g_clear_object (&self->file_chooser);

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
  g_autoptr(GDateTime) now = md_context_now_local (md_application_get_context (get_application (self)));
  /* Translators: the suggested file name of the report; keep the date code */
  g_autofree char *name = g_date_time_format (now, _("migraine-report-%Y-%m-%d.pdf"));

  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_pattern (filter, "*.pdf");

  g_clear_object (&self->file_chooser);
  self->file_chooser = gtk_file_chooser_native_new (_("Export Report as PDF"), GTK_WINDOW (self),
                                                    GTK_FILE_CHOOSER_ACTION_SAVE,
                                                    _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->file_chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->file_chooser), name);
  g_signal_connect_object (self->file_chooser, "response",
                           G_CALLBACK (pdf_chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->file_chooser));
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

static void
diary_changed_cb (MdWindow *self)
{
  update_actions (self);
}

static void
restore_state (MdWindow *self)
{
  g_autofree char *view = NULL;
  int width;
  int height;

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  view = g_settings_get_string (self->settings, "last-view");
  md_window_show_view (self, view);
}

static void
save_state (MdWindow *self)
{
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));

  /* The default size of a maximized window is the size it returns to. */
  if (!maximized)
    {
      int width;
      int height;

      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      g_settings_set_int (self->settings, "window-width", MAX (width, 360));
      g_settings_set_int (self->settings, "window-height", MAX (height, 294));
    }

  g_settings_set_boolean (self->settings, "window-maximized", maximized);
  g_settings_set_string (self->settings, "last-view", md_window_get_view_name (self));
}

static gboolean
md_window_close_request (GtkWindow *window)
{
  save_state (MD_WINDOW (window));

  return GTK_WINDOW_CLASS (md_window_parent_class)->close_request (window);
}

static void
md_window_constructed (GObject *object)
{
  MdWindow *self = MD_WINDOW (object);

  G_OBJECT_CLASS (md_window_parent_class)->constructed (object);

  restore_state (self);
}

static void
md_window_dispose (GObject *object)
{
  MdWindow *self = MD_WINDOW (object);

  /* Jobs of this window end with it (they hold the application, not
   * the window's widgets). */
  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), MD_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->file_chooser);
  g_clear_handle_id (&self->progress_source, g_source_remove);

  G_OBJECT_CLASS (md_window_parent_class)->dispose (object);
}

/* A destroyed window is unrealized at once, but disposed only when its
 * jobs let go of it: they are cancelled here. */
static void
md_window_unrealize (GtkWidget *widget)
{
  g_cancellable_cancel (MD_WINDOW (widget)->cancellable);

  GTK_WIDGET_CLASS (md_window_parent_class)->unrealize (widget);
}

/* The cancellable outlives dispose: a job that ends after the window
 * closed still asks it whether the window is gone. */
static void
md_window_finalize (GObject *object)
{
  MdWindow *self = MD_WINDOW (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (md_window_parent_class)->finalize (object);
}

static void
md_window_class_init (MdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = md_window_constructed;
  object_class->dispose = md_window_dispose;
  object_class->finalize = md_window_finalize;
  widget_class->unrealize = md_window_unrealize;
  window_class->close_request = md_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/md-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MdWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, diary_page);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, charts_bin);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, reminders_bin);

  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.import-csv", NULL, import_csv_action);
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "win.attack-started", NULL, attack_started_action);
  gtk_widget_class_install_action (widget_class, "win.no-headache-today", NULL,
                                   no_headache_today_action);
  gtk_widget_class_install_action (widget_class, "win.record-day", NULL, record_day_action);
  gtk_widget_class_install_action (widget_class, "win.log-dose", NULL, log_dose_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_install_action (widget_class, "win.took-medication", NULL, ongoing_attack_action);
  gtk_widget_class_install_action (widget_class, "win.pain-now", NULL, ongoing_attack_action);
  gtk_widget_class_install_action (widget_class, "win.attack-ended", NULL, ongoing_attack_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "win.took-medication", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.pain-now", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_P, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.pain-now", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.attack-ended", NULL);

  /**
   * MdWindow::report-written:
   * @file: the PDF
   *
   * A report was exported or printed to a file.
   */
  g_signal_new ("report-written", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
md_window_init (MdWindow *self)
{
  g_type_ensure (MD_TYPE_DIARY_PAGE);

  gtk_widget_init_template (GTK_WIDGET (self));
  md_accessible_fix_names_when_mapped (GTK_WIDGET (self));
  g_signal_connect_object (self->stack, "notify::visible-child-name",
                           G_CALLBACK (visible_view_changed_cb), self, G_CONNECT_SWAPPED);
  g_object_bind_property (self->search_button, "active",
                          md_diary_page_get_search_bar (self->diary_page), "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  visible_view_changed_cb (self);

  self->settings = g_settings_new (APP_ID);
  self->cancellable = g_cancellable_new ();
}

MdWindow *
md_window_new (MdApplication *application)
{
  MdWindow *self;

  g_return_val_if_fail (MD_IS_APPLICATION (application), NULL);

  self = g_object_new (MD_TYPE_WINDOW,
                       "application", application,
                       NULL);

  /* "application" is set after construction, so follow its context from
   * here; the pages follow it themselves. */
  md_diary_page_set_context (self->diary_page, md_application_get_context (application));
  g_signal_connect_object (md_application_get_context (application), "notify::diary",
                           G_CALLBACK (diary_changed_cb), self, G_CONNECT_SWAPPED);
  diary_changed_cb (self);

  return self;
}

/**
 * md_window_get_view_name:
 *
 * Returns: the name of the visible view: "diary", "charts" or "reminders"
 */
const char *
md_window_get_view_name (MdWindow *self)
{
  g_return_val_if_fail (MD_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

void
md_window_show_view (MdWindow   *self,
                     const char *view_name)
{
  g_return_if_fail (MD_IS_WINDOW (self));

  if (!is_known_view (view_name))
    {
      g_warning ("Unknown view “%s”", view_name);
      return;
    }

  adw_view_stack_set_visible_child_name (self->stack, view_name);
}

void
md_window_add_toast (MdWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (MD_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  md_accessible_add_toast (self->toast_overlay, toast);
}

/**
 * md_window_get_diary_page:
 *
 * Returns: (transfer none): the Diary view
 */
GtkWidget *
md_window_get_diary_page (MdWindow *self)
{
  g_return_val_if_fail (MD_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->diary_page);
}

/**
 * md_window_get_reminders_page:
 *
 * Returns: (transfer none): the Reminders view
 */
GtkWidget *
md_window_get_reminders_page (MdWindow *self)
{
  g_return_val_if_fail (MD_IS_WINDOW (self), NULL);

  return GTK_WIDGET (ensure_reminders_page (self));
}

/**
 * md_window_get_charts_page:
 *
 * Returns: (transfer none): the Charts view, built now if it was not yet
 */
GtkWidget *
md_window_get_charts_page (MdWindow *self)
{
  g_return_val_if_fail (MD_IS_WINDOW (self), NULL);

  return GTK_WIDGET (ensure_charts_page (self));
}
