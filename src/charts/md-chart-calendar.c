/* md-chart-calendar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The paper-diary view: month grids, each day shaded by its peak pain,
 * with a dot for acute medication and a triangle for menstruation. Days
 * without an entry are only outlined: they are not headache-free.
 */

#define G_LOG_DOMAIN "md-chart-calendar"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "md-catalogue.h"
#include "md-chart-private.h"

typedef struct
{
  int    first_month; /* index into stats->months */
  int    n_months;
  int    columns;
  double cell;
  double month_w;
  double month_h;
  double gap;
  double legend_h;
} Layout;

static double
month_height (const MdChartStyle *style,
              double              cell)
{
  /* title, weekday row, six weeks */
  return style->font_size * 1.6 + cell * 0.9 + cell * 6;
}

static void
compute_layout (const MdChartModel *model,
                const MdChartStyle *style,
                double              width,
                double              height,
                Layout             *layout)
{
  int total = (int) model->stats->months->len;
  double fs = style->font_size;
  double min_cell = fs * 1.25;

  layout->gap = fs * 1.2;
  /* The legend is about 60 font sizes long; it wraps on narrow widths. */
  layout->legend_h = fs * 0.6 + fs * 1.6 * ceil (fs * 60 / MAX (width, fs * 10));
  height -= layout->legend_h;

  if (model->first_month >= 0)
    {
      layout->first_month = MIN (model->first_month, total);
      layout->n_months = CLAMP (model->n_months, 0, total - layout->first_month);
    }
  else
    {
      layout->first_month = 0;
      layout->n_months = total;
    }

  /* The largest cell at which the months fit; when even the smallest
   * readable cell does not fit them all, the newest months that fit. */
  for (;;)
    {
      double best = 0;
      int best_cols = 1;

      for (int cols = 1; cols <= MAX (1, layout->n_months); cols++)
        {
          int rows = (layout->n_months + cols - 1) / cols;
          double by_w = (width - layout->gap * (cols - 1)) / cols / 7;
          double by_h = (height - layout->gap * (rows - 1) - rows * fs * 1.6) / rows / 6.9;
          double cell = MIN (by_w, by_h);

          if (cell > best)
            {
              best = cell;
              best_cols = cols;
            }
        }
      best = MIN (best, fs * 3.2);
      if (best >= min_cell || layout->n_months <= 1)
        {
          layout->cell = MAX (best, 4);
          layout->columns = best_cols;
          break;
        }
      layout->first_month++;
      layout->n_months--;
    }

  layout->month_w = layout->cell * 7;
  layout->month_h = month_height (style, layout->cell);
}

static void
month_origin (const MdChartStyle *style,
              const Layout       *layout,
              double              width,
              int                 i,
              double             *x,
              double             *y)
{
  int col = i % layout->columns;
  int row = i / layout->columns;

  *x = col * (layout->month_w + layout->gap);
  if (style->rtl)
    *x = width - *x - layout->month_w;
  *y = row * (layout->month_h + layout->gap);
}

/* Column of a day in its week, mirrored right to left. */
static int
weekday_column (const MdChartModel *model,
                const MdChartStyle *style,
                GDateWeekday        weekday)
{
  int first = model->first_weekday >= 1 && model->first_weekday <= 7 ? model->first_weekday : G_DATE_MONDAY;
  int col = ((int) weekday - first + 7) % 7;

  return style->rtl ? 6 - col : col;
}

static gboolean
is_dark (const MdChartColor *c)
{
  return 0.2126 * c->r + 0.7152 * c->g + 0.0722 * c->b < 0.5;
}

static const MdChartColor *
day_fill (const MdChartStyle   *style,
          const MdStatsDayInfo *info)
{
  if (info == NULL || !(info->flags & MD_STATS_DAY_RECORDED))
    return NULL;
  if (!(info->flags & MD_STATS_DAY_IS_HEADACHE))
    return &style->pain[0];

  return &style->pain[info->peak_pain >= 1 ? info->peak_pain : 1];
}

/* Position of a day's cell; FALSE when the day is outside the month. */
static void
cell_origin (const MdChartModel *model,
             const MdChartStyle *style,
             const Layout       *layout,
             const MdStatsSpan  *month,
             double              ox,
             double              oy,
             int                 day,
             double             *x,
             double             *y)
{
  GDate first, date;
  int first_weekday = model->first_weekday >= 1 && model->first_weekday <= 7 ? model->first_weekday : G_DATE_MONDAY;
  int lead, week, col;

  md_stats_day_to_date (month->first_day, &first);
  md_stats_day_to_date (day, &date);
  lead = ((int) g_date_get_weekday (&first) - first_weekday + 7) % 7;
  week = (lead + day - month->first_day) / 7;
  col = weekday_column (model, style, g_date_get_weekday (&date));
  *x = round (ox + col * layout->cell);
  *y = round (oy + style->font_size * 1.6 + layout->cell * 0.9 + week * layout->cell);
}

enum { PASS_PAIN0, PASS_PAIN1, PASS_PAIN2, PASS_PAIN3, PASS_UNTRACKED, PASS_MEDICATION_LIGHT,
       PASS_MEDICATION_DARK, PASS_MENSTRUATION, N_PASSES };

/* One path per pass over all visible days, filled or stroked once: a
 * fill per cell would cost more than everything else on the chart. */
static void
draw_cells (const MdChartModel *model,
            const MdChartStyle *style,
            cairo_t            *cr,
            const Layout       *layout,
            double              width)
{
  double cell = layout->cell;
  double inset = MAX (1, round (cell * 0.06));
  double side = round (cell) - 2 * inset;

  for (int pass = 0; pass < N_PASSES; pass++)
    {
      for (int i = 0; i < layout->n_months; i++)
        {
          const MdStatsSpan *month = &g_array_index (model->stats->months, MdStatsSpan, layout->first_month + i);
          double ox, oy;

          month_origin (style, layout, width, i, &ox, &oy);
          for (int d = month->first_day; d < month->first_day + month->n_days; d++)
            {
              const MdStatsDayInfo *info = md_stats_get_day (model->stats, d);
              const MdChartColor *fill = day_fill (style, info);
              double x, y;

              switch (pass)
                {
                case PASS_PAIN0:
                case PASS_PAIN1:
                case PASS_PAIN2:
                case PASS_PAIN3:
                  if (fill != &style->pain[pass])
                    continue;
                  cell_origin (model, style, layout, month, ox, oy, d, &x, &y);
                  cairo_rectangle (cr, x + inset, y + inset, side, side);
                  break;
                case PASS_UNTRACKED:
                  if (fill != NULL)
                    continue;
                  cell_origin (model, style, layout, month, ox, oy, d, &x, &y);
                  cairo_rectangle (cr, x + inset + 0.5, y + inset + 0.5, side - 1, side - 1);
                  break;
                case PASS_MEDICATION_LIGHT:
                case PASS_MEDICATION_DARK:
                  if (info == NULL || !(info->flags & MD_STATS_DAY_ACUTE_MEDICATION) ||
                      (fill != NULL && is_dark (fill)) != (pass == PASS_MEDICATION_DARK))
                    continue;
                  cell_origin (model, style, layout, month, ox, oy, d, &x, &y);
                  cairo_new_sub_path (cr);
                  cairo_arc (cr, x + cell * 0.3, y + cell * 0.78, MAX (1.2, cell * 0.09), 0, 2 * G_PI);
                  break;
                case PASS_MENSTRUATION:
                default:
                  if (info == NULL || !(info->flags & MD_STATS_DAY_MENSTRUATION))
                    continue;
                  cell_origin (model, style, layout, month, ox, oy, d, &x, &y);
                  cairo_move_to (cr, x + inset + side, y + inset);
                  cairo_line_to (cr, x + inset + side, y + inset + cell * 0.35);
                  cairo_line_to (cr, x + inset + side - cell * 0.35, y + inset);
                  cairo_close_path (cr);
                  break;
                }
            }
        }

      switch (pass)
        {
        case PASS_UNTRACKED:
          cairo_save (cr);
          md_chart_set_color (cr, &style->untracked);
          cairo_set_line_width (cr, 1);
          cairo_stroke (cr);
          cairo_restore (cr);
          break;
        case PASS_MEDICATION_LIGHT:
          /* on light cells and on untracked ones */
          if (style->background.a > 0 && is_dark (&style->background))
            md_chart_set_color (cr, &style->foreground);
          else
            cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
          cairo_fill (cr);
          break;
        case PASS_MEDICATION_DARK:
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_fill (cr);
          break;
        case PASS_MENSTRUATION:
          md_chart_set_color (cr, &style->infusion);
          cairo_fill (cr);
          break;
        default:
          md_chart_set_color (cr, &style->pain[pass]);
          cairo_fill (cr);
          break;
        }
    }
}

static void
draw_month_text (const MdChartModel  *model,
                 const MdChartStyle  *style,
                 cairo_t             *cr,
                 const Layout        *layout,
                 PangoLayout        **weekdays,
                 const MdStatsSpan   *month,
                 double               ox,
                 double               oy)
{
  double fs = style->font_size;
  double cell = layout->cell;
  g_autofree char *title = NULL;

  /* Translators: strftime format of a month title in the calendar, e.g. "March 2026" */
  title = md_chart_format_day (month->first_day, C_("calendar month title", "%B %Y"));
  md_chart_text (cr, style, title, style->rtl ? ox + layout->month_w : ox, oy,
                 style->rtl ? 1 : 0, 0, 0.95, TRUE, &style->foreground);

  md_chart_set_color (cr, &style->muted);
  for (int w = 0; w < 7; w++)
    {
      int col = weekday_column (model, style, (GDateWeekday) (w + 1));
      PangoRectangle logical;

      pango_layout_get_extents (weekdays[w], NULL, &logical);
      cairo_move_to (cr, ox + cell * (col + 0.5) - logical.width / (2.0 * PANGO_SCALE),
                     oy + fs * 1.6 + cell * 0.45 - logical.height / (2.0 * PANGO_SCALE));
      pango_cairo_show_layout (cr, weekdays[w]);
    }

  if (cell >= fs * 1.5)
    for (int d = month->first_day; d < month->first_day + month->n_days; d++)
      {
        const MdStatsDayInfo *info = md_stats_get_day (model->stats, d);
        const MdChartColor *fill = day_fill (style, info);
        GDate date;
        double x, y;
        g_autofree char *number = NULL;
        MdChartColor text;

        md_stats_day_to_date (d, &date);
        cell_origin (model, style, layout, month, ox, oy, d, &x, &y);
        number = g_strdup_printf ("%d", g_date_get_day (&date));
        text = fill != NULL && is_dark (fill) ? (MdChartColor) { 1, 1, 1, 1 }
               : fill != NULL ? (MdChartColor) { 0.14, 0.12, 0.19, 1 } : style->muted;
        md_chart_text (cr, style, number, x + cell / 2, y + cell * 0.42, 0.5, 0.5, 0.68, FALSE, &text);
      }
}

static void
draw_legend (const MdChartStyle *style,
             cairo_t            *cr,
             double              width,
             double              y)
{
  double fs = style->font_size;
  double x = 0, s = fs * 1.0;
  const char *labels[] = {
    /* Translators: calendar legend: no headache on a recorded day */
    C_("calendar legend", "No headache"),
    md_pain_level_get_label (1), md_pain_level_get_label (2), md_pain_level_get_label (3),
    /* Translators: calendar legend: a day without any entry */
    C_("calendar legend", "No entry"),
    /* Translators: calendar legend: a dot marks acute medication */
    C_("calendar legend", "Acute medication"),
    /* Translators: calendar legend: a triangle marks menstruation */
    C_("calendar legend", "Menstruation"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      double w = s + fs * 0.3 + md_chart_text_width (cr, style, labels[i], 0.8, FALSE) + fs;
      double sx;

      /* Wrap rather than cut: every mark on the calendar is explained */
      if (x > 0 && x + w > width)
        {
          x = 0;
          y += s * 1.6;
        }
      sx = style->rtl ? width - x - s : x;
      cairo_save (cr);
      if (i < 4)
        {
          md_chart_set_color (cr, &style->pain[i]);
          cairo_rectangle (cr, sx, y, s, s);
          cairo_fill (cr);
        }
      else if (i == 4)
        {
          md_chart_set_color (cr, &style->untracked);
          cairo_set_line_width (cr, 1);
          cairo_rectangle (cr, sx + 0.5, y + 0.5, s - 1, s - 1);
          cairo_stroke (cr);
        }
      else if (i == 5)
        {
          md_chart_set_color (cr, &style->foreground);
          cairo_arc (cr, sx + s / 2, y + s / 2, s * 0.18, 0, 2 * G_PI);
          cairo_fill (cr);
        }
      else
        {
          md_chart_set_color (cr, &style->infusion);
          cairo_move_to (cr, sx + s, y);
          cairo_line_to (cr, sx + s, y + s * 0.6);
          cairo_line_to (cr, sx + s * 0.4, y);
          cairo_close_path (cr);
          cairo_fill (cr);
        }
      cairo_restore (cr);
      md_chart_text (cr, style, labels[i], style->rtl ? sx - fs * 0.3 : sx + s + fs * 0.3, y + s / 2,
                     style->rtl ? 1 : 0, 0.5, 0.8, FALSE, &style->foreground);
      x += w;
    }
}

static void
calendar_render (const MdChartModel *model,
                 const MdChartStyle *style,
                 cairo_t            *cr,
                 double              width,
                 double              height)
{
  Layout layout;
  double bottom = 0;
  PangoLayout *weekdays[7];

  g_return_if_fail (model != NULL && model->stats != NULL);

  if (model->stats->total.recorded == 0 && model->stats->cycles == 0)
    {
      md_chart_draw_empty (cr, style, width, height, _("No entries in this period"));
      return;
    }

  md_chart_begin (cr, style, width, height);
  compute_layout (model, style, width, height, &layout);

  /* Weekday names, shaped once: initials when the names do not fit. */
  {
    gboolean initials = FALSE;

    for (int w = 0; w < 7; w++)
      {
        /* 2024-01-01 was a Monday */
        g_autofree char *name = md_chart_format_day (md_stats_day_from_iso ("2024-01-01") + w, "%a");

        initials |= md_chart_text_width (cr, style, name, 0.7, FALSE) > layout.cell * 0.95;
      }
    for (int w = 0; w < 7; w++)
      {
        g_autofree char *name = md_chart_format_day (md_stats_day_from_iso ("2024-01-01") + w, "%a");
        g_autofree char *shown = initials ? g_utf8_substring (name, 0, 1) : g_strdup (name);

        weekdays[w] = md_chart_layout (cr, style, shown, 0.7, FALSE);
        /* the shared layout is reused: take a copy of its state */
        g_object_unref (weekdays[w]);
        weekdays[w] = pango_layout_copy (weekdays[w]);
      }
  }

  draw_cells (model, style, cr, &layout, width);
  for (int i = 0; i < layout.n_months; i++)
    {
      const MdStatsSpan *month = &g_array_index (model->stats->months, MdStatsSpan, layout.first_month + i);
      double ox, oy;

      month_origin (style, &layout, width, i, &ox, &oy);
      draw_month_text (model, style, cr, &layout, weekdays, month, ox, oy);
      bottom = MAX (bottom, oy + layout.month_h);
    }
  for (int w = 0; w < 7; w++)
    g_object_unref (weekdays[w]);
  draw_legend (style, cr, width, MIN (bottom + style->font_size * 0.6, height - layout.legend_h + style->font_size * 0.4));

  cairo_restore (cr);
}

static int
calendar_hit_test (const MdChartModel *model,
                   const MdChartStyle *style,
                   double              width,
                   double              height,
                   double              x,
                   double              y)
{
  Layout layout;

  if (model->stats->months->len == 0)
    return MD_CHART_NO_HIT;

  compute_layout (model, style, width, height, &layout);
  for (int i = 0; i < layout.n_months; i++)
    {
      const MdStatsSpan *month = &g_array_index (model->stats->months, MdStatsSpan, layout.first_month + i);
      double ox, oy, top;
      int week = 0;

      month_origin (style, &layout, width, i, &ox, &oy);
      top = oy + style->font_size * 1.6 + layout.cell * 0.9;
      if (x < ox || x >= ox + layout.month_w || y < top || y >= top + 6 * layout.cell)
        continue;

      for (int d = month->first_day; d < month->first_day + month->n_days; d++)
        {
          GDate date;
          int col;

          md_stats_day_to_date (d, &date);
          col = weekday_column (model, style, g_date_get_weekday (&date));
          if (d > month->first_day && col == weekday_column (model, style, (GDateWeekday) (model->first_weekday >= 1 ? model->first_weekday : 1)))
            week++;
          if (x >= ox + col * layout.cell && x < ox + (col + 1) * layout.cell &&
              y >= top + week * layout.cell && y < top + (week + 1) * layout.cell)
            return d;
        }
    }

  return MD_CHART_NO_HIT;
}

static char *
calendar_describe_day (const MdChartModel *model,
                       int                 day)
{
  const MdStatsDayInfo *info = md_stats_get_day (model->stats, day);
  /* Translators: strftime format of a full date in the calendar's details, e.g. "Tuesday, 3 March 2026" */
  g_autofree char *date = md_chart_format_day (day, C_("calendar date", "%A, %-d %B %Y"));
  GString *text = g_string_new (g_strstrip (date));

  g_string_append (text, ": ");
  if (info == NULL || !(info->flags & MD_STATS_DAY_RECORDED))
    /* Translators: calendar details of a day without entries */
    g_string_append (text, _("no entry"));
  else if (!(info->flags & MD_STATS_DAY_IS_HEADACHE))
    g_string_append (text, _("no headache"));
  else if (info->peak_pain >= 0)
    /* Translators: calendar details; %s is a pain level (mild, moderate, severe) */
    g_string_append_printf (text, _("headache, peak pain %s"), md_pain_level_get_label (info->peak_pain));
  else
    g_string_append (text, _("headache"));

  if (info != NULL && (info->flags & MD_STATS_DAY_MIGRAINE))
    g_string_append_printf (text, "; %s", _("migraine day"));
  if (info != NULL && (info->flags & MD_STATS_DAY_ACUTE_MEDICATION))
    g_string_append_printf (text, "; %s", _("acute medication"));
  if (info != NULL && (info->flags & MD_STATS_DAY_MENSTRUATION))
    g_string_append_printf (text, "; %s", _("menstruation"));

  return g_string_free (text, FALSE);
}

static char *
calendar_describe (const MdChartModel *model)
{
  const MdStats *stats = model->stats;
  int severe = 0, moderate = 0, mild = 0, free_days = 0;

  for (int d = stats->first_day; d <= stats->last_day; d++)
    {
      const MdStatsDayInfo *info = md_stats_get_day (stats, d);

      if (!(info->flags & MD_STATS_DAY_RECORDED))
        continue;
      if (!(info->flags & MD_STATS_DAY_IS_HEADACHE))
        free_days++;
      else if (info->peak_pain == 3)
        severe++;
      else if (info->peak_pain == 2)
        moderate++;
      else
        mild++;
    }

  /* Translators: accessible description of the calendar chart */
  return g_strdup_printf (ngettext ("Calendar of %u month: %d days without headache, %d with mild, %d with moderate and %d with severe headache; %d days without an entry.",
                                    "Calendar of %u months: %d days without headache, %d with mild, %d with moderate and %d with severe headache; %d days without an entry.",
                                    stats->months->len),
                          stats->months->len, free_days, mild, moderate, severe,
                          (stats->last_day - stats->first_day + 1) - stats->total.recorded);
}

const MdChartClass md_chart_calendar_class = {
  .kind = MD_CHART_KIND_CALENDAR,
  .name = N_("Calendar"),
  .render = calendar_render,
  .hit_test = calendar_hit_test,
  .describe_item = calendar_describe_day,
  .describe = calendar_describe,
};
