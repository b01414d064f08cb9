/* md-chart.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The charts of DESIGN.md §5 as renderers over MdStats: each draws into
 * any cairo_t (a widget snapshot, an image, a PDF page, a printer) at the
 * size it is given, in a style that the caller chooses. A caller that
 * handles every kind alike goes through md_chart_class_for().
 */

#pragma once

#include <cairo.h>

#include "md-stats.h"

G_BEGIN_DECLS

typedef struct
{
  double r, g, b, a;
} MdChartColor;

typedef struct
{
  MdChartColor background;  /* alpha 0: leave the surface as it is */
  MdChartColor foreground;
  MdChartColor muted;       /* secondary text, axes */
  MdChartColor grid;
  MdChartColor headache;    /* bars: headache days */
  MdChartColor migraine;    /* bars: migraine days (hatched) */
  MdChartColor acute;       /* line: acute-medication days */
  MdChartColor course;      /* spans: preventive courses */
  MdChartColor infusion;    /* ticks: infusions */
  MdChartColor pain[4];     /* none, mild, moderate, severe */
  MdChartColor untracked;   /* calendar: days without an entry */
  double       font_size;   /* in user-space units (px or pt) */
  const char  *font_family;
  gboolean     rtl;         /* lay out right to left */
  gboolean     hatch;       /* hatch migraine bars (paper, greyscale) */
} MdChartStyle;

void md_chart_style_init_light (MdChartStyle *style);
void md_chart_style_init_dark  (MdChartStyle *style);
/* Light, and readable when printed in greyscale. */
void md_chart_style_init_print (MdChartStyle *style);

typedef enum
{
  MD_CHART_KIND_FREQUENCY,
  MD_CHART_KIND_PAIN,
  MD_CHART_KIND_CALENDAR,
  MD_CHART_KIND_BEFORE_AFTER,
} MdChartKind;

/* What a chart is drawn from: one model for every kind, each reading
 * what it needs. */
typedef struct
{
  const MdStats           *stats;          /* every kind but before/after's text */
  /* Frequency */
  gboolean                 by_month;       /* calendar months instead of 28-day windows */
  /* Frequency: a chosen treatment start, or NULL. Before/after: the
   * treatment compared (the panel draws nothing without it). */
  const MdStatsComparison *comparison;
  const char              *treatment_name; /* before/after */
  /* Calendar */
  int                      first_weekday;  /* 1 = Monday … 7 = Sunday (GDateWeekday) */
  int                      first_month;    /* index of the first month of stats->months to draw, or -1 for what fits, newest last */
  int                      n_months;       /* how many, when first_month ≥ 0 */
} MdChartModel;

/* What a chart's hit test returns where nothing is under the pointer */
#define MD_CHART_NO_HIT G_MININT

/* One chart kind, as the window and the report use it: a small table of
 * functions instead of a switch over the kind at every call site. */
typedef struct
{
  MdChartKind   kind;
  /* Its accessible name, untranslated: show it through gettext */
  const char   *name;
  void        (*render)        (const MdChartModel *model,
                                const MdChartStyle *style,
                                cairo_t            *cr,
                                double              width,
                                double              height);
  /* The item under (x, y) — a period, a medication (its index into
   * stats->medications), a day (days since 1970-01-01) — or
   * MD_CHART_NO_HIT; NULL when the chart has nothing to point at */
  int         (*hit_test)      (const MdChartModel *model,
                                const MdChartStyle *style,
                                double              width,
                                double              height,
                                double              x,
                                double              y);
  /* An item hit_test() found, in words (the tooltip) */
  char       *(*describe_item) (const MdChartModel *model,
                                int                 item);
  /* The chart's main numbers in words (its accessible description), or
   * NULL when it shows nothing */
  char       *(*describe)      (const MdChartModel *model);
} MdChartClass;

const MdChartClass *md_chart_class_for   (MdChartKind         kind);
/* What is under (x, y) in words, or NULL */
char               *md_chart_describe_at (const MdChartClass *klass,
                                          const MdChartModel *model,
                                          const MdChartStyle *style,
                                          double              width,
                                          double              height,
                                          double              x,
                                          double              y);
/* The height that stacks every medication's panel of the pain chart at @width */
double              md_chart_pain_natural_height (const MdChartModel *model,
                                          const MdChartStyle *style,
                                          double              width);

/* Shared helpers, also used by the report */
int    md_chart_locale_first_weekday (void);
char  *md_chart_format_day         (int                          day,
                                    const char                  *format);
char  *md_chart_format_percent     (double                       fraction);
char  *md_chart_format_percent_change (double                    percent);
char  *md_chart_format_rate        (const MdStatsRate           *rate);
char  *md_chart_format_signed      (double                       value,
                                    int                          decimals);
char  *md_chart_format_outcome     (const MdStatsComparison     *comparison);
char  *md_chart_format_responder   (const MdStatsComparison     *comparison);
char  *md_chart_format_number      (double                       value,
                                    int                          decimals);

G_END_DECLS
