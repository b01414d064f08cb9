/* md-report.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The clinical report of DESIGN.md §6, laid out once into pages of any
 * size and drawn with Cairo and Pango: the same pages go to a printer
 * (GtkPrintOperation), to a PDF from the window and to a PDF from the
 * command line.
 */

#pragma once

#include <cairo.h>

#include "md-stats.h"

G_BEGIN_DECLS

typedef struct _MdReport MdReport;

MdReport *md_report_new            (MdStatsData           *data,
                                    const MdStatsSettings *settings,
                                    int                    first_day,
                                    int                    last_day);
void      md_report_free           (MdReport              *self);
void      md_report_set_patient_name (MdReport            *self,
                                    const char            *name);
void      md_report_set_comparison (MdReport              *self,
                                    const MdStatsTreatment *treatment);
char     *md_report_describe_scope (MdReport              *self);
void      md_report_set_rtl        (MdReport              *self,
                                    gboolean               rtl);
void      md_report_set_generated  (MdReport              *self,
                                    gint64                 unix_time);
/* Lays the report out on pages of @width × @height points with
 * @margin points on every side; returns the number of pages. */
int       md_report_paginate       (MdReport              *self,
                                    double                 width,
                                    double                 height,
                                    double                 margin);
int       md_report_get_n_pages    (MdReport              *self);
void      md_report_draw_page      (MdReport              *self,
                                    cairo_t               *cr,
                                    int                    page);
gboolean  md_report_write_pdf      (MdReport              *self,
                                    const char            *path,
                                    GError               **error);
GBytes   *md_report_to_pdf         (MdReport              *self,
                                    GError               **error);

gboolean  md_report_parse_date     (const char            *text,
                                    const char            *option,
                                    int                   *day,
                                    GError               **error);
gboolean  md_report_export         (const char            *database_path,
                                    const char            *file,
                                    const char            *from,
                                    const char            *to,
                                    const MdStatsSettings *settings,
                                    const char            *patient_name,
                                    char                 **out_notice,
                                    GError               **error);

/* The locale's paper (LC_PAPER), in points: A4 or US Letter. */
void      md_report_locale_paper   (double                *width,
                                    double                *height);
gboolean  md_report_locale_is_rtl  (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MdReport, md_report_free)

G_END_DECLS
