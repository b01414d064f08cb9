/* md-chart-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drawing helpers shared by the chart renderers and the report.
 */

#pragma once

#include <pango/pangocairo.h>

#include "md-chart.h"

G_BEGIN_DECLS

typedef struct
{
  double x, y, width, height;
} MdChartRect;

void         md_chart_set_color   (cairo_t            *cr,
                                   const MdChartColor *color);
void         md_chart_set_color_alpha (cairo_t        *cr,
                                   const MdChartColor *color,
                                   double              alpha);
PangoLayout *md_chart_layout      (cairo_t            *cr,
                                   const MdChartStyle *style,
                                   const char         *text,
                                   double              scale,
                                   gboolean            bold);
PangoLayout *md_chart_fit_layout  (cairo_t            *cr,
                                   const MdChartStyle *style,
                                   const char         *text,
                                   double              width,
                                   int                 max_lines,
                                   double              scale,
                                   double              min_scale,
                                   gboolean            bold);
void         md_chart_show_layout (cairo_t            *cr,
                                   const MdChartStyle *style,
                                   PangoLayout        *layout,
                                   double              x,
                                   double              y,
                                   const MdChartColor *color);
double       md_chart_layout_height (PangoLayout      *layout);
/* Draws @text with (@xalign, @yalign) of its box at (@x, @y); returns
 * its width. */
double       md_chart_text        (cairo_t            *cr,
                                   const MdChartStyle *style,
                                   const char         *text,
                                   double              x,
                                   double              y,
                                   double              xalign,
                                   double              yalign,
                                   double              scale,
                                   gboolean            bold,
                                   const MdChartColor *color);
double       md_chart_text_width  (cairo_t            *cr,
                                   const MdChartStyle *style,
                                   const char         *text,
                                   double              scale,
                                   gboolean            bold);
void         md_chart_draw_empty  (cairo_t            *cr,
                                   const MdChartStyle *style,
                                   double              width,
                                   double              height,
                                   const char         *message);
void         md_chart_begin       (cairo_t            *cr,
                                   const MdChartStyle *style,
                                   double              width,
                                   double              height);
void         md_chart_fill_background (cairo_t        *cr,
                                   const MdChartStyle *style,
                                   double              width,
                                   double              height);
double       md_chart_nice_step   (double              max,
                                   int                 max_ticks);
cairo_pattern_t *md_chart_hatch   (const MdChartColor *fill,
                                   const MdChartColor *lines);
char        *md_chart_keep_together (char             *rate);
/* Mirrors an x position inside @rect for right-to-left layouts. */
double       md_chart_mirror      (const MdChartStyle *style,
                                   const MdChartRect  *rect,
                                   double              x);

cairo_t     *md_chart_measuring_context (void);

/* The table of each kind, for md_chart_class_for() */
extern const MdChartClass md_chart_frequency_class;
extern const MdChartClass md_chart_pain_class;
extern const MdChartClass md_chart_calendar_class;
extern const MdChartClass md_chart_before_after_class;

G_END_DECLS
