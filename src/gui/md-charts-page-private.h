/* md-charts-page-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the parts of the Charts view share: md-charts-page.c loads the
 * statistics and draws the charts; md-charts-page-cards.c writes the
 * summary cards.
 */

#pragma once

#include "md-chart.h"
#include "md-charts-page.h"

G_BEGIN_DECLS

void md_charts_page_fill_cards (GtkFlowBox              *cards,
                                const MdStats           *stats,
                                const MdStatsComparison *cmp);

G_END_DECLS
