/* md-chart-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "md-chart.h"

G_BEGIN_DECLS

#define MD_TYPE_CHART_VIEW (md_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (MdChartView, md_chart_view, MD, CHART_VIEW, GtkWidget)

GtkWidget   *md_chart_view_new          (MdChartKind              kind);
MdChartKind  md_chart_view_get_kind     (MdChartView             *self);
void         md_chart_view_set_stats    (MdChartView             *self,
                                         MdStats                 *stats,
                                         gboolean                 by_month,
                                         const MdStatsComparison *comparison);
void         md_chart_view_set_treatment_name (MdChartView       *self,
                                         const char              *name);
char        *md_chart_view_describe     (MdChartView             *self);
char        *md_chart_view_describe_at  (MdChartView             *self,
                                         double                   x,
                                         double                   y);
void         md_chart_view_get_style    (MdChartView             *self,
                                         MdChartStyle            *style);

G_END_DECLS
