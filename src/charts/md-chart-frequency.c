/* md-chart-frequency.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Attack frequency: per period, headache days as bars with migraine days
 * hatched inside them, acute-medication days as a line, preventive
 * courses as shaded spans and infusions as ticks. With a treatment start,
 * the baseline and evaluation rates are drawn over their windows and the
 * change is written above the plot.
 *
 * Every period is drawn at its rate per 28 recorded days (CLINICAL.md:
 * a month is 28 days), so a period with untracked days is never a raw
 * count beside full ones: it is drawn pale, at its rate. A period with
 * no recorded day has no rate: a gap in the bars and the line, never 0.
 */

#define G_LOG_DOMAIN "md-chart-frequency"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "md-chart-private.h"

typedef struct
{
  MdChartRect plot;
  double      width;
  double      legend_height;
  double      summary_height;
  double      y_max;
  double      y_step;
  int         first_day;
  int         n_days;
  int         end_day;  /* first_day + n_days: the day after the last shown */
} Layout;

static GArray *
periods (const MdChartModel *model)
{
  return model->by_month ? model->stats->months : model->stats->windows;
}

static double
day_x (const MdChartStyle *style,
       const Layout       *layout,
       double              day)
{
  double x = layout->plot.x + (day - layout->first_day) / layout->n_days * layout->plot.width;

  return md_chart_mirror (style, &layout->plot, x);
}

static double
value_y (const Layout *layout,
         double        value)
{
  return layout->plot.y + layout->plot.height * (1 - value / layout->y_max);
}

/* What a period's bar or point shows: NaN without a recorded day. */
static inline double
rate (const MdStatsSpan *span,
      int                count)
{
  return md_stats_span_rate (span, count);
}

/* The primary outcome, with the responder result beside it. */
static char *
summary_text (const MdChartModel *model)
{
  const MdStatsComparison *cmp = model->comparison;
  g_autofree char *outcome = NULL;
  g_autofree char *responder = NULL;
  int first_week = model->stats->settings.evaluation_first_week;
  int last_week = model->stats->settings.evaluation_last_week;

  if (cmp == NULL)
    return NULL;

  outcome = md_chart_format_outcome (cmp);
  if (!cmp->evaluable)
    /* Translators: written on the frequency chart: the evaluation window's
     * weeks, then the outcome, e.g. "Migraine days per 28 days, before →
     * weeks 9–12: 8.0 → 4.0, −4.0 days, −50%; not yet evaluable" */
    return g_strdup_printf (_("Migraine days per 28 days, before → weeks %d–%d: %s; not yet evaluable"),
                            first_week, last_week, outcome);

  responder = md_chart_format_responder (cmp);
  /* Translators: written on the frequency chart: the evaluation window's
   * weeks, the outcome and the responder result, e.g. "Migraine days per
   * 28 days, before → weeks 9–12: 8.0 → 4.0, −4.0 days, −50%; responder
   * ≥50%: yes; ≥75%: no; 100%: no" */
  return g_strdup_printf (_("Migraine days per 28 days, before → weeks %d–%d: %s; responder %s"),
                          first_week, last_week, outcome, responder);
}

typedef struct
{
  int         kind;
  const char *label;
} LegendItem;

enum { LEGEND_HEADACHE, LEGEND_MIGRAINE, LEGEND_ACUTE, LEGEND_COURSE, LEGEND_INFUSION, LEGEND_INCOMPLETE };

static void
legend_items (LegendItem items[6])
{
  items[0] = (LegendItem) { LEGEND_HEADACHE, _("Headache days") };
  items[1] = (LegendItem) { LEGEND_MIGRAINE, _("Migraine days") };
  items[2] = (LegendItem) { LEGEND_ACUTE, _("Acute-medication days") };
  items[3] = (LegendItem) { LEGEND_COURSE, _("Preventive course") };
  items[4] = (LegendItem) { LEGEND_INFUSION, _("Infusion") };
  /* Translators: legend entry for pale bars */
  items[5] = (LegendItem) { LEGEND_INCOMPLETE, _("Pale: under 24 of 28 days recorded") };
}

/* Lays the legend out in rows; returns its height, and draws it when
 * @draw is set. */
static double
legend (cairo_t            *cr,
        const MdChartStyle *style,
        cairo_pattern_t    *hatch,
        double              width,
        gboolean            draw)
{
  LegendItem items[6];
  double fs = style->font_size;
  double swatch = fs * 1.3;
  double row_h = fs * 1.7;
  double x = 0, y = 0;

  legend_items (items);
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      double w = swatch + fs * 0.4 + md_chart_text_width (cr, style, items[i].label, 0.9, FALSE) + fs * 1.2;
      double sx, tx;

      if (x > 0 && x + w > width)
        {
          x = 0;
          y += row_h;
        }
      if (draw)
        {
          sx = style->rtl ? width - x - swatch : x;
          tx = style->rtl ? width - x - swatch - fs * 0.4 : x + swatch + fs * 0.4;
          /* Bars and spans as a box; the acute line and the infusion
           * mark in the shape they have on the chart. */
          cairo_save (cr);
          switch (items[i].kind)
            {
            case LEGEND_HEADACHE:
              md_chart_set_color (cr, &style->headache);
              cairo_rectangle (cr, sx, y + fs * 0.2, swatch, fs);
              break;
            case LEGEND_MIGRAINE:
              if (style->hatch)
                cairo_set_source (cr, hatch);
              else
                md_chart_set_color (cr, &style->migraine);
              cairo_rectangle (cr, sx, y + fs * 0.2, swatch, fs);
              break;
            case LEGEND_ACUTE:
              md_chart_set_color (cr, &style->acute);
              cairo_set_line_width (cr, 2);
              cairo_move_to (cr, sx, y + fs * 0.7);
              cairo_line_to (cr, sx + swatch, y + fs * 0.7);
              cairo_stroke (cr);
              cairo_rectangle (cr, sx + swatch / 2 - 3, y + fs * 0.7 - 3, 6, 6);
              break;
            case LEGEND_COURSE:
              md_chart_set_color (cr, &style->course);
              cairo_rectangle (cr, sx, y + fs * 0.2, swatch, fs);
              break;
            case LEGEND_INFUSION:
              md_chart_set_color (cr, &style->infusion);
              cairo_move_to (cr, sx + swatch / 2, y + fs * 0.15);
              cairo_line_to (cr, sx + swatch / 2 + fs * 0.5, y + fs * 1.15);
              cairo_line_to (cr, sx + swatch / 2 - fs * 0.5, y + fs * 1.15);
              cairo_close_path (cr);
              break;
            case LEGEND_INCOMPLETE:
            default:
              md_chart_set_color_alpha (cr, &style->headache, 0.4);
              cairo_rectangle (cr, sx, y + fs * 0.2, swatch, fs);
              break;
            }
          cairo_fill (cr);
          cairo_restore (cr);
          md_chart_text (cr, style, items[i].label, tx, y + fs * 0.7,
                         style->rtl ? 1 : 0, 0.5, 0.9, FALSE, &style->foreground);
        }
      x += w;
    }

  return y + row_h;
}

static void
compute_layout (const MdChartModel *model,
                const MdChartStyle *style,
                cairo_t            *cr,
                double              width,
                double              height,
                Layout             *layout)
{
  GArray *spans = periods (model);
  double fs = style->font_size;
  double y_label_w;
  g_autofree char *max_label = NULL;
  g_autofree char *summary = summary_text (model);
  double max = 1;

  for (guint i = 0; i < spans->len; i++)
    {
      const MdStatsSpan *s = &g_array_index (spans, MdStatsSpan, i);

      if (s->recorded > 0)
        max = MAX (max, MAX (rate (s, s->headache), rate (s, s->acute)));
    }
  /* A rate with no recorded days is NaN: it must not poison the scale. */
  if (model->comparison != NULL && !isnan (model->comparison->baseline_rate))
    max = MAX (max, model->comparison->baseline_rate);
  if (model->comparison != NULL && !isnan (model->comparison->evaluation_rate))
    max = MAX (max, model->comparison->evaluation_rate);

  layout->width = width;
  layout->first_day = model->stats->first_day;
  layout->n_days = model->stats->last_day - model->stats->first_day + 1;
  layout->end_day = layout->first_day + layout->n_days;
  layout->legend_height = legend (cr, style, NULL, width, FALSE);
  /* The comparison's sentence wraps in the chart's width (two lines at
   * most, then smaller) rather than run off its edge */
  if (summary != NULL)
    {
      g_autoptr(PangoLayout) text = md_chart_fit_layout (cr, style, summary, width, 2, 0.95, 0.75, TRUE);

      layout->summary_height = md_chart_layout_height (text) + fs * 0.6;
    }
  else
    layout->summary_height = 0;

  layout->plot.height = MAX (10, height - layout->legend_height - layout->summary_height - fs * 3.2);
  layout->y_step = md_chart_nice_step (max, MAX (2, (int) (layout->plot.height / (fs * 3.5))));
  /* Headroom above the tallest bar, so it never touches the frame */
  layout->y_max = ceil (max * 1.06 / layout->y_step) * layout->y_step;
  max_label = g_strdup_printf ("%.0f", layout->y_max);
  y_label_w = md_chart_text_width (cr, style, max_label, 0.85, FALSE) + fs * 0.8;

  layout->plot.x = style->rtl ? fs * 0.5 : y_label_w;
  layout->plot.y = layout->legend_height + layout->summary_height + fs * 0.6;
  layout->plot.width = MAX (10, width - y_label_w - fs * 0.5);
  /* Whole pixels: a clip to an aligned box needs no mask. */
  layout->plot.x = round (layout->plot.x);
  layout->plot.y = round (layout->plot.y);
  layout->plot.width = round (layout->plot.width);
  layout->plot.height = round (layout->plot.height);
}

static void
draw_axes (const MdChartModel *model,
           const MdChartStyle *style,
           cairo_t            *cr,
           const Layout       *layout)
{
  double fs = style->font_size;
  const MdChartRect *p = &layout->plot;
  double label_x = style->rtl ? p->x + p->width + fs * 0.4 : p->x - fs * 0.4;
  double month_px;
  int months_step;
  static const int steps[] = { 1, 2, 3, 6, 12, 24, 60, 120 };
  GDate date;
  g_autofree char *sample = NULL;

  cairo_save (cr);
  cairo_set_line_width (cr, 1);
  for (double v = 0; v <= layout->y_max + 0.001; v += layout->y_step)
    {
      g_autofree char *label = g_strdup_printf ("%.0f", v);
      double y = round (value_y (layout, v)) + 0.5;

      md_chart_set_color (cr, &style->grid);
      cairo_move_to (cr, p->x, y);
      cairo_line_to (cr, p->x + p->width, y);
      cairo_stroke (cr);
      md_chart_text (cr, style, label, label_x, y, style->rtl ? 0 : 1, 0.5, 0.85, FALSE, &style->muted);
    }

  /* Month labels, as many as fit. */
  month_px = p->width / MAX (1.0, layout->n_days / 30.44);
  sample = md_chart_format_day (layout->first_day, C_("chart month label", "%b %Y"));
  months_step = steps[G_N_ELEMENTS (steps) - 1];
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i] * month_px >= md_chart_text_width (cr, style, sample, 0.85, FALSE) + fs)
      {
        months_step = steps[i];
        break;
      }

  md_stats_day_to_date (layout->first_day, &date);
  g_date_set_day (&date, 1);
  for (int m = 0;; m++)
    {
      int d;
      double x;
      g_autofree char *label = NULL;

      if (m > 0)
        g_date_add_months (&date, 1);
      d = md_stats_day_from_date (&date);
      if (d > layout->end_day)
        break;
      if (d < layout->first_day)
        continue;
      if (((int) g_date_get_year (&date) * 12 + (int) g_date_get_month (&date) - 1) % months_step != 0)
        continue;

      x = round (day_x (style, layout, d)) + 0.5;
      label = md_chart_format_day (d, months_step >= 12
                                   ? C_("chart year label", "%Y")
                                   /* Translators: strftime format of a month label on a chart axis, e.g. "Mar 2026" */
                                   : C_("chart month label", "%b %Y"));
      /* A label that would run off the plot is left out, not cut. */
      if (style->rtl ? x - md_chart_text_width (cr, style, label, 0.85, FALSE) < p->x - fs * 0.5
                     : x + md_chart_text_width (cr, style, label, 0.85, FALSE) > p->x + p->width + fs * 0.5)
        continue;
      md_chart_set_color (cr, &style->muted);
      cairo_move_to (cr, x, p->y + p->height);
      cairo_line_to (cr, x, p->y + p->height + fs * 0.4);
      cairo_stroke (cr);
      md_chart_text (cr, style, label, x + (style->rtl ? -fs * 0.2 : fs * 0.2),
                     p->y + p->height + fs * 0.3, style->rtl ? 1 : 0, 0, 0.85, FALSE, &style->muted);
    }

  md_chart_set_color (cr, &style->muted);
  cairo_move_to (cr, p->x, round (p->y + p->height) + 0.5);
  cairo_line_to (cr, p->x + p->width, round (p->y + p->height) + 0.5);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Keeps what follows inside the plot, until cairo_restore(). */
static void
clip_to_plot (cairo_t           *cr,
              const MdChartRect *plot)
{
  cairo_save (cr);
  cairo_rectangle (cr, plot->x, plot->y, plot->width, plot->height);
  cairo_clip (cr);
}

static void
draw_courses (const MdChartModel *model,
              const MdChartStyle *style,
              cairo_t            *cr,
              const Layout       *layout)
{
  MdStatsData *data = model->stats->data;
  const MdChartRect *p = &layout->plot;
  double fs = style->font_size;

  clip_to_plot (cr, p);

  for (guint i = 0; i < data->courses->len; i++)
    {
      const MdStatsCourse *c = &g_array_index (data->courses, MdStatsCourse, i);
      int from = MAX (c->start_day, layout->first_day);
      int to = c->end_day == G_MAXINT ? layout->end_day : MIN (c->end_day + 1, layout->end_day);
      double x0, x1;
      const char *name = g_array_index (data->medications, MdStatsMedication, c->medication).name;

      if (to <= from)
        continue;
      x0 = day_x (style, layout, from);
      x1 = day_x (style, layout, to);
      md_chart_set_color (cr, &style->course);
      cairo_rectangle (cr, MIN (x0, x1), p->y, fabs (x1 - x0), p->height);
      cairo_fill (cr);
      if (fabs (x1 - x0) > md_chart_text_width (cr, style, name, 0.8, FALSE) + fs * 0.6)
        md_chart_text (cr, style, name, x0 + (style->rtl ? -fs * 0.3 : fs * 0.3), p->y + fs * 0.2,
                       style->rtl ? 1 : 0, 0, 0.8, FALSE, &style->muted);
    }

  cairo_restore (cr);
}

/* Infusion marks go on top of the bars, or most would hide behind them. */
static void
draw_infusions (const MdChartModel *model,
                const MdChartStyle *style,
                cairo_t            *cr,
                const Layout       *layout)
{
  GArray *doses = model->stats->data->doses;
  const MdChartRect *p = &layout->plot;
  double fs = style->font_size;

  clip_to_plot (cr, p);
  md_chart_set_color (cr, &style->infusion);
  for (guint i = 0; i < doses->len; i++)
    {
      const MdStatsDose *d = &g_array_index (doses, MdStatsDose, i);
      double x, base = p->y + p->height;

      if (!d->infusion || d->day < layout->first_day || d->day >= layout->end_day)
        continue;
      x = day_x (style, layout, d->day + 0.5);
      cairo_move_to (cr, x, base - fs * 0.9);
      cairo_line_to (cr, x + fs * 0.4, base);
      cairo_line_to (cr, x - fs * 0.4, base);
      cairo_close_path (cr);
    }
  cairo_fill (cr);
  cairo_restore (cr);
}

/* Adds one series' bars for the complete (or the @pale) periods to the
 * path: headache bars, 0.8 of a period wide, for every recorded period;
 * the narrower migraine bars inside them only where there was one. */
static void
add_bars (cairo_t            *cr,
          const MdChartStyle *style,
          const Layout       *layout,
          GArray             *spans,
          gboolean            pale,
          gboolean            migraine)
{
  double base = layout->plot.y + layout->plot.height;

  for (guint i = 0; i < spans->len; i++)
    {
      const MdStatsSpan *s = &g_array_index (spans, MdStatsSpan, i);
      double x0 = day_x (style, layout, s->first_day);
      double x1 = day_x (style, layout, s->first_day + s->n_days);
      double left = MIN (x0, x1), w = fabs (x1 - x0);
      double bar_w = MAX (1, w * (migraine ? 0.5 : 0.8));
      double top = value_y (layout, rate (s, migraine ? s->migraine : s->headache));

      /* Whole pixels: cairo fills aligned boxes without rasterising. */
      if (s->incomplete == pale && (migraine ? s->migraine > 0 : s->recorded > 0))
        cairo_rectangle (cr, round (left + (w - bar_w) / 2), round (top),
                         MAX (1, round (bar_w)), round (base) - round (top));
    }
}

static void
draw_periods (const MdChartModel *model,
              const MdChartStyle *style,
              cairo_t            *cr,
              cairo_pattern_t    *hatch,
              cairo_pattern_t    *hatch_pale,
              const Layout       *layout)
{
  GArray *spans = periods (model);

  /* Two passes, complete then pale periods, each one fill per series:
   * a fill per bar would cost more than the whole chart. */
  for (int pale = 0; pale <= 1; pale++)
    {
      cairo_pattern_t *pattern = pale ? hatch_pale : hatch;

      add_bars (cr, style, layout, spans, pale, FALSE);
      md_chart_set_color_alpha (cr, &style->headache, pale ? 0.4 : 1);
      cairo_fill (cr);

      add_bars (cr, style, layout, spans, pale, TRUE);
      if (style->hatch)
        cairo_set_source (cr, pattern);
      else
        md_chart_set_color_alpha (cr, &style->migraine, pale ? 0.4 : 1);
      cairo_fill (cr);
    }

  /* Acute-medication days: a line with square markers. */
  cairo_save (cr);
  md_chart_set_color (cr, &style->acute);
  cairo_set_line_width (cr, 2);
  /* Segment by segment: one stroke of the whole line would rasterise a
   * mask as large as the plot. Round caps close the joins. */
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint i = 1; i < spans->len; i++)
    {
      const MdStatsSpan *a = &g_array_index (spans, MdStatsSpan, i - 1);
      const MdStatsSpan *b = &g_array_index (spans, MdStatsSpan, i);

      /* An unrecorded period breaks the line. */
      if (a->recorded == 0 || b->recorded == 0)
        continue;
      cairo_move_to (cr, day_x (style, layout, a->first_day + a->n_days / 2.0),
                     value_y (layout, rate (a, a->acute)));
      cairo_line_to (cr, day_x (style, layout, b->first_day + b->n_days / 2.0),
                     value_y (layout, rate (b, b->acute)));
      cairo_stroke (cr);
    }
  /* Markers while they stay apart (a dense line reads better without),
   * and always for a period between two gaps, which has no line. */
  for (guint i = 0; i < spans->len; i++)
    {
      const MdStatsSpan *s = &g_array_index (spans, MdStatsSpan, i);
      gboolean alone = (i == 0 || g_array_index (spans, MdStatsSpan, i - 1).recorded == 0) &&
                       (i + 1 == spans->len || g_array_index (spans, MdStatsSpan, i + 1).recorded == 0);
      double x = day_x (style, layout, s->first_day + s->n_days / 2.0);

      if (s->recorded > 0 && (spans->len <= 60 || alone))
        cairo_rectangle (cr, round (x) - 3, round (value_y (layout, rate (s, s->acute))) - 3, 6, 6);
    }
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
draw_comparison (const MdChartModel *model,
                 const MdChartStyle *style,
                 cairo_t            *cr,
                 const Layout       *layout,
                 const char         *summary)
{
  const MdStatsComparison *cmp = model->comparison;
  const MdChartRect *p = &layout->plot;
  double fs = style->font_size;
  double dashes[] = { 6, 4 };
  double x;

  {
    g_autoptr(PangoLayout) text = md_chart_fit_layout (cr, style, summary, layout->width, 2, 0.95, 0.75, TRUE);

    /* At the start of its own direction: Pango mirrors "left" for a
     * right-to-left paragraph */
    pango_layout_set_alignment (text, PANGO_ALIGN_LEFT);
    md_chart_show_layout (cr, style, text, 0, layout->legend_height + fs * 0.2, &style->foreground);
  }

  clip_to_plot (cr, p);
  md_chart_set_color (cr, &style->foreground);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, dashes, 2, 0);
  if (cmp->treatment.start_day >= layout->first_day && cmp->treatment.start_day <= layout->end_day)
    {
      x = round (day_x (style, layout, cmp->treatment.start_day)) + 0.5;
      cairo_move_to (cr, x, p->y);
      cairo_line_to (cr, x, p->y + p->height);
      cairo_stroke (cr);
      /* Translators: labels either side of a treatment start on the chart */
      md_chart_text (cr, style, C_("chart", "Before"), x + (style->rtl ? fs * 0.4 : -fs * 0.4),
                     p->y + fs * 1.4, style->rtl ? 0 : 1, 0, 0.85, TRUE, &style->foreground);
      md_chart_text (cr, style, C_("chart", "After"), x + (style->rtl ? -fs * 0.4 : fs * 0.4),
                     p->y + fs * 1.4, style->rtl ? 1 : 0, 0, 0.85, TRUE, &style->foreground);
    }
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_width (cr, 3);
  if (!isnan (cmp->baseline_rate))
    {
      double y = value_y (layout, cmp->baseline_rate);

      cairo_move_to (cr, day_x (style, layout, cmp->baseline.first_day), y);
      cairo_line_to (cr, day_x (style, layout, cmp->baseline.first_day + cmp->baseline.n_days), y);
      cairo_stroke (cr);
    }
  if (!isnan (cmp->evaluation_rate))
    {
      double y = value_y (layout, cmp->evaluation_rate);

      cairo_move_to (cr, day_x (style, layout, cmp->evaluation.first_day), y);
      cairo_line_to (cr, day_x (style, layout, cmp->evaluation.first_day + cmp->evaluation.n_days), y);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static void
frequency_render (const MdChartModel *model,
                  const MdChartStyle *style,
                  cairo_t            *cr,
                  double              width,
                  double              height)
{
  Layout layout;
  cairo_pattern_t *hatch;
  cairo_pattern_t *hatch_pale;
  MdChartColor pale_fill, pale_lines;
  g_autofree char *summary = NULL;

  g_return_if_fail (model != NULL && model->stats != NULL);

  if (!md_chart_begin (cr, style, width, height,
                       model->stats->total.recorded == 0 ? _("No entries in this period") : NULL))
    return;
  compute_layout (model, style, cr, width, height, &layout);
  hatch = md_chart_hatch (&style->headache, &style->migraine);
  pale_fill = style->headache;
  pale_fill.a *= 0.4;
  pale_lines = style->migraine;
  pale_lines.a *= 0.4;
  hatch_pale = md_chart_hatch (&pale_fill, &pale_lines);

  legend (cr, style, hatch, width, TRUE);
  draw_courses (model, style, cr, &layout);
  draw_axes (model, style, cr, &layout);
  draw_periods (model, style, cr, hatch, hatch_pale, &layout);
  draw_infusions (model, style, cr, &layout);
  summary = summary_text (model);
  if (summary != NULL)
    draw_comparison (model, style, cr, &layout, summary);

  cairo_pattern_destroy (hatch);
  cairo_pattern_destroy (hatch_pale);
  cairo_restore (cr);
}

static int
frequency_hit_test (const MdChartModel *model,
                    const MdChartStyle *style,
                    double              width,
                    double              height,
                    double              x,
                    double              y)
{
  cairo_t *cr;
  Layout layout;
  GArray *spans;
  int hit = MD_CHART_NO_HIT;

  if (model->stats->total.recorded == 0)
    return MD_CHART_NO_HIT;

  cr = md_chart_measuring_context ();
  compute_layout (model, style, cr, width, height, &layout);
  cairo_destroy (cr);

  if (y < layout.plot.y || y > layout.plot.y + layout.plot.height ||
      x < layout.plot.x || x > layout.plot.x + layout.plot.width)
    return MD_CHART_NO_HIT;

  spans = periods (model);
  for (guint i = 0; i < spans->len && hit == MD_CHART_NO_HIT; i++)
    {
      const MdStatsSpan *s = &g_array_index (spans, MdStatsSpan, i);
      double x0 = day_x (style, &layout, s->first_day);
      double x1 = day_x (style, &layout, s->first_day + s->n_days);

      if (x >= MIN (x0, x1) && x < MAX (x0, x1))
        hit = (int) i;
    }

  return hit;
}

static char *
frequency_describe_period (const MdChartModel *model,
                           int                 index)
{
  GArray *spans = periods (model);
  const MdStatsSpan *s;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *days = NULL;
  g_autofree char *counts = NULL;

  g_return_val_if_fail (index >= 0 && (guint) index < spans->len, NULL);

  s = &g_array_index (spans, MdStatsSpan, index);
  /* Translators: strftime format of a date in a chart's details, e.g. "3 Mar 2026" */
  from = md_chart_format_day (s->first_day, C_("chart date", "%-d %b %Y"));
  to = md_chart_format_day (s->first_day + s->n_days - 1, C_("chart date", "%-d %b %Y"));
  if (s->recorded == 0)
    /* Translators: the details of a period on the frequency chart without
     * any entry: "<from> – <to>: no day recorded" */
    return g_strdup_printf (_("%s – %s: no day recorded"), g_strstrip (from), g_strstrip (to));

  days = g_strdup_printf (ngettext ("%d of %d day recorded", "%d of %d days recorded", s->n_days),
                          s->recorded, s->n_days);
  /* Translators: the details of one period on the frequency chart */
  counts = g_strdup_printf (_("headache days %d, migraine days %d, acute-medication days %d"),
                            s->headache, s->migraine, s->acute);
  if (s->recorded != 28)
    {
      g_autofree char *h = md_chart_format_number (rate (s, s->headache), 1);
      g_autofree char *m = md_chart_format_number (rate (s, s->migraine), 1);
      g_autofree char *a = md_chart_format_number (rate (s, s->acute), 1);
      g_autofree char *rates = NULL;
      char *both;

      /* Translators: the rates a period is drawn at, after its counts */
      rates = g_strdup_printf (_("per 28 recorded days: headache days %s, migraine days %s, acute-medication days %s"),
                               h, m, a);
      if (s->incomplete)
        /* Translators: a period with fewer than 24 of 28 days recorded;
         * %s are its counts, then its rates */
        both = g_strdup_printf (_("incomplete; %s; %s"), counts, rates);
      else
        both = g_strdup_printf ("%s; %s", counts, rates);
      g_free (counts);
      counts = both;
    }

  /* Translators: "<from> – <to>: <n of m days recorded>; <counts>" */
  return g_strdup_printf (_("%s – %s: %s; %s"), g_strstrip (from), g_strstrip (to), days, counts);
}

static char *
frequency_describe (const MdChartModel *model)
{
  const MdStats *stats = model->stats;
  GString *text = g_string_new (NULL);
  g_autofree char *from = md_chart_format_day (stats->first_day, C_("chart date", "%-d %b %Y"));
  g_autofree char *to = md_chart_format_day (stats->last_day, C_("chart date", "%-d %b %Y"));
  g_autofree char *headache = md_chart_format_number (md_stats_span_rate (&stats->total, stats->total.headache), 1);
  g_autofree char *migraine = md_chart_format_number (md_stats_span_rate (&stats->total, stats->total.migraine), 1);
  g_autofree char *acute = md_chart_format_number (md_stats_span_rate (&stats->total, stats->total.acute), 1);
  g_autofree char *summary = summary_text (model);

  if (stats->total.recorded == 0)
    {
      g_string_free (text, TRUE);
      /* Translators: accessible description of an empty chart */
      return g_strdup_printf (_("Attack frequency from %s to %s: no entries in this period."),
                              g_strstrip (from), g_strstrip (to));
    }

  g_string_append_printf (text,
                          model->by_month
                          /* Translators: accessible description of the frequency chart */
                          ? _("Attack frequency per calendar month from %s to %s.")
                          : _("Attack frequency per 28 days from %s to %s."),
                          g_strstrip (from), g_strstrip (to));
  g_string_append_c (text, ' ');
  g_string_append_printf (text, ngettext ("%d day recorded.", "%d days recorded.", stats->total.recorded),
                          stats->total.recorded);
  g_string_append_c (text, ' ');
  /* Translators: rates per 28 recorded days, in the accessible description */
  g_string_append_printf (text, _("Per 28 days: %s headache days, %s migraine days, %s acute-medication days."),
                          headache, migraine, acute);
  if (summary != NULL)
    {
      g_string_append_c (text, ' ');
      g_string_append (text, summary);
      g_string_append_c (text, '.');
    }

  return g_string_free (text, FALSE);
}

const MdChartClass md_chart_frequency_class = {
  .kind = MD_CHART_KIND_FREQUENCY,
  .name = N_("Attack frequency"),
  .render = frequency_render,
  .hit_test = frequency_hit_test,
  .describe_item = frequency_describe_period,
  .describe = frequency_describe,
};
