/* md-print-operation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printing draws the same pages as the PDF export: the report is laid
 * out for the paper and margins of the print context when printing
 * begins, and each page is drawn by md_report_draw_page(). The page setup
 * is remembered in GSettings.
 */

#define G_LOG_DOMAIN "md-print-operation"

#include "config.h"

#include <glib/gi18n.h>

#include "md-file.h"
#include "md-paths.h"
#include "md-print-operation.h"

#define MARGIN 42.0

struct _MdPrintOperation
{
  GtkPrintOperation  parent_instance;

  /* Owned */
  MdReport          *report;
  GSettings         *settings;
  char              *database_path;
  GError            *refusal;
};

G_DEFINE_FINAL_TYPE (MdPrintOperation, md_print_operation, GTK_TYPE_PRINT_OPERATION)

/**
 * md_print_operation_check_output:
 *
 * Checks the file that "Print to File" was given in the print dialog:
 * never the diary itself (GTK's own "Replace?" question would let it be
 * overwritten with the PDF), never a device or a pipe; and the PDF is
 * the owner's only, as every file with diary data.
 *
 * Returns: %TRUE if printing may go on
 */
gboolean
md_print_operation_check_output (MdPrintOperation  *self,
                                 GError           **error)
{
  GtkPrintSettings *settings;
  const char *uri;
  g_autofree char *path = NULL;

  g_return_val_if_fail (MD_IS_PRINT_OPERATION (self), FALSE);

  settings = gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (self));
  uri = settings != NULL ? gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI) : NULL;
  path = uri != NULL ? g_filename_from_uri (uri, NULL, NULL) : NULL;
  if (path == NULL)
    return TRUE;

  if (self->database_path != NULL && !md_paths_check_output (self->database_path, path, error))
    return FALSE;

  /* GTK replaces the file keeping its mode. */
  return md_file_create_private (path, error);
}

static void
md_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  MdPrintOperation *self = MD_PRINT_OPERATION (operation);
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);
  int pages;

  if (!md_print_operation_check_output (self, &self->refusal))
    {
      gtk_print_operation_cancel (operation);
      return;
    }

  /* The operation draws on the whole page (full-page mode): the report
   * keeps its own margins, at least the printer's hard margins. */
  pages = md_report_paginate (self->report,
                              gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS),
                              gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS),
                              MAX (MARGIN, MAX (gtk_page_setup_get_top_margin (setup, GTK_UNIT_POINTS),
                                                gtk_page_setup_get_left_margin (setup, GTK_UNIT_POINTS))));
  gtk_print_operation_set_n_pages (operation, pages);
  g_settings_set_value (self->settings, "page-setup", gtk_page_setup_to_gvariant (setup));
}

static void
md_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page_nr)
{
  MdPrintOperation *self = MD_PRINT_OPERATION (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);
  double scale = gtk_print_context_get_width (context) /
                 gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS);

  /* Context units are device units: draw in points. */
  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  md_report_draw_page (self->report, cr, page_nr);
  cairo_restore (cr);
}

/* The dialog's "Report" tab says which period and treatment it prints. */
static GtkWidget *
md_print_operation_create_custom_widget (GtkPrintOperation *operation)
{
  MdPrintOperation *self = MD_PRINT_OPERATION (operation);
  g_autofree char *scope = md_report_describe_scope (self->report);
  GtkWidget *label = gtk_label_new (scope);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);

  return label;
}

static void
md_print_operation_finalize (GObject *object)
{
  MdPrintOperation *self = MD_PRINT_OPERATION (object);

  g_clear_pointer (&self->report, md_report_free);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->database_path, g_free);
  g_clear_error (&self->refusal);

  G_OBJECT_CLASS (md_print_operation_parent_class)->finalize (object);
}

static void
md_print_operation_class_init (MdPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *print_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = md_print_operation_finalize;
  print_class->begin_print = md_print_operation_begin_print;
  print_class->draw_page = md_print_operation_draw_page;
  print_class->create_custom_widget = md_print_operation_create_custom_widget;
}

static void
md_print_operation_init (MdPrintOperation *self)
{
  g_autoptr(GVariant) saved = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;

  self->settings = g_settings_new (APP_ID);
  saved = g_settings_get_value (self->settings, "page-setup");
  if (g_variant_n_children (saved) > 0)
    setup = gtk_page_setup_new_from_gvariant (saved);
  if (setup == NULL)
    {
      double width, height;
      g_autoptr(GtkPaperSize) paper = NULL;

      md_report_locale_paper (&width, &height);
      paper = gtk_paper_size_new (width == 612 ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);
      setup = gtk_page_setup_new ();
      gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
    }
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
  gtk_print_operation_set_use_full_page (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), TRUE);
  /* Translators: the print job's name */
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), _("Migraine Diary report"));
}

/**
 * md_print_operation_new:
 * @report: (transfer full): the report to print
 */
MdPrintOperation *
md_print_operation_new (MdReport *report)
{
  MdPrintOperation *self = g_object_new (MD_TYPE_PRINT_OPERATION, NULL);

  self->report = report;
  /* Translators: the print dialog's tab that says what the report covers */
  gtk_print_operation_set_custom_tab_label (GTK_PRINT_OPERATION (self), C_("print dialog", "Report"));

  return self;
}

/**
 * md_print_operation_set_database_path:
 *
 * The open diary, which "Print to File" must never write over.
 */
void
md_print_operation_set_database_path (MdPrintOperation *self,
                                      const char       *database_path)
{
  g_return_if_fail (MD_IS_PRINT_OPERATION (self));

  g_free (self->database_path);
  self->database_path = g_strdup (database_path);
}

/**
 * md_print_operation_get_refusal:
 *
 * Returns: (nullable): why printing was cancelled before it began (the
 *   file chosen in the dialog), or %NULL
 */
const GError *
md_print_operation_get_refusal (MdPrintOperation *self)
{
  g_return_val_if_fail (MD_IS_PRINT_OPERATION (self), NULL);

  return self->refusal;
}
