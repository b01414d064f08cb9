/* md-report-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the parts of the report share: md-report-content.c says what the
 * report contains, as a list of blocks; md-report-layout.c measures the
 * blocks, places them on pages, draws the pages and writes the PDF;
 * md-report.c is the public API around them.
 */

#pragma once

#include "md-chart.h"
#include "md-report.h"

G_BEGIN_DECLS

typedef enum
{
  BLOCK_TITLE,
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_NOTE,
  BLOCK_TABLE,
  BLOCK_CHART,
} BlockKind;

typedef struct
{
  BlockKind               kind;
  char                   *text;
  /* Tables */
  guint                   n_columns;
  double                 *widths;        /* the share of spare room each column gets */
  double                 *column_widths; /* in points, from the content (size_columns) */
  gboolean               *break_words;   /* a column too narrow for its longest word */
  double                  font_size;
  char                  **header;
  GPtrArray              *rows;          /* char ** each, n_columns cells */
  double                 *row_heights;
  double                  header_height;
  /* Charts */
  MdChartKind             chart;
  double                  height;
  int                     first_month;   /* calendar: a year of stats->months at most */
  int                     n_months;
  const MdStatsTreatment *compared;      /* the treatment the chart compares, or NULL */
} Block;

typedef struct
{
  int     page;
  double  y;
  Block  *block;
  guint   row_from;
  guint   row_to;
  double  height;
  /* A row taller than a page is split between lines: how much of
   * row_from an earlier page showed, and where row_to − 1 stops (−1:
   * at its end). */
  double  first_offset;
  double  last_limit;
} Placement;

struct _MdReport
{
  MdStatsData     *data;
  MdStatsSettings  settings;
  MdStats         *stats;
  int              first_day;
  int              last_day;
  int              asked_first;  /* the period asked for, when it was shortened */
  int              asked_last;
  char            *patient_name;
  gboolean         rtl;
  gint64           generated;
  gboolean         has_comparison;
  MdStatsTreatment comparison;

  double           width;
  double           height;
  double           margin;
  GPtrArray       *blocks;     /* Block */
  GArray          *placements; /* Placement */
  int              n_pages;
  cairo_surface_t *measure_surface;
  cairo_t         *measure;
};

/* md-report-content.c */
void  _md_report_build           (MdReport               *self);
void  _md_report_block_free      (gpointer                data);
char *_md_report_format_day      (int                     day);
char *_md_report_treatment_label (MdReport               *self,
                                  const MdStatsTreatment *t);

const MdStatsTreatment *_md_report_get_compared (MdReport *self);

G_END_DECLS
