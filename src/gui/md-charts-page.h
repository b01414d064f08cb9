/* md-charts-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "md-chart-view.h"
#include "md-diary.h"

#include "md-context.h"

G_BEGIN_DECLS

#define MD_TYPE_CHARTS_PAGE (md_charts_page_get_type ())

G_DECLARE_FINAL_TYPE (MdChartsPage, md_charts_page, MD, CHARTS_PAGE, AdwBin)

GtkWidget *md_charts_page_new            (void);
void       md_charts_page_set_context    (MdChartsPage      *self,
                                          MdContext         *context);
MdStats   *md_charts_page_get_stats      (MdChartsPage      *self);
gboolean   md_charts_page_get_comparison (MdChartsPage      *self,
                                          MdStatsComparison *comparison);
GtkWidget *md_charts_page_get_chart      (MdChartsPage      *self,
                                          MdChartKind        kind);
void       md_charts_page_load_async     (MdChartsPage      *self,
                                          GCancellable      *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer           user_data);
gboolean   md_charts_page_load_finish    (MdChartsPage      *self,
                                          GAsyncResult      *result,
                                          GError           **error);
gboolean   md_charts_page_get_treatment  (MdChartsPage      *self,
                                          MdStatsTreatment  *treatment);

G_END_DECLS
