/* md-chart-before-after.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Before and after one treatment, pain beside frequency: for the baseline
 * and the evaluation window, paired bars of migraine, headache,
 * moderate-or-severe and acute-medication days per 28 days, the mean peak
 * pain of the attacks (IHS 0–3, and 0–10 where recorded) and their median
 * duration, each with its n and the change in units and in percent.
 *
 * Readable without colour: the baseline is a pale bar with an outline, the
 * evaluation window a solid dark one, and every value is written beside
 * its bar. The window, print, the PDF export and the tests draw it with
 * the same function.
 */

#define G_LOG_DOMAIN "md-chart-before-after"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "md-chart-private.h"

typedef struct
{
  const char *label;
  double      before;
  double      after;
  double      scale_max;
  int         decimals;
  char       *n_text;     /* e.g. "28 / 28 → 21 / 28 days recorded" */
} Row;

#define N_ROWS 7

/* The rows, in order; the 0–10 row only where a number was recorded. */
static guint
make_rows (const MdChartModel *model,
           Row                 rows[N_ROWS])
{
  const MdStatsComparison *cmp = model->comparison;
  const MdStatsSpan *b = &cmp->baseline, *e = &cmp->evaluation;
  const MdStatsAttackSummary *ba = &cmp->baseline_attacks, *ea = &cmp->evaluation_attacks;
  /* Translators: the recorded days of the baseline → of the evaluation
   * window on the before/after panel */
  g_autofree char *days = g_strdup_printf (_("%d / %d → %d / %d days recorded"),
                                           b->recorded, b->n_days, e->recorded, e->n_days);
  guint n = 0;

  rows[n++] = (Row) { _("Migraine days per 28 days"), md_stats_span_rate (b, b->migraine),
                      md_stats_span_rate (e, e->migraine), 28, 1, g_strdup (days) };
  rows[n++] = (Row) { _("Headache days per 28 days"), md_stats_span_rate (b, b->headache),
                      md_stats_span_rate (e, e->headache), 28, 1, g_strdup (days) };
  rows[n++] = (Row) { _("Moderate or severe days per 28 days"), md_stats_span_rate (b, b->moderate_severe),
                      md_stats_span_rate (e, e->moderate_severe), 28, 1, g_strdup (days) };
  rows[n++] = (Row) { _("Acute-medication days per 28 days"), md_stats_span_rate (b, b->acute),
                      md_stats_span_rate (e, e->acute), 28, 1, g_strdup (days) };
  rows[n++] = (Row) { _("Mean peak pain (0–3)"), ba->mean_pain, ea->mean_pain, 3, 1,
                      /* Translators: attacks of the baseline → of the evaluation window */
                      g_strdup_printf (_("n = %d → %d attacks"), ba->n, ea->n) };
  if (ba->n_nrs > 0 || ea->n_nrs > 0)
    rows[n++] = (Row) { _("Mean peak pain (0–10)"), ba->mean_nrs, ea->mean_nrs, 10, 1,
                        g_strdup_printf (_("n = %d → %d attacks"), ba->n_nrs, ea->n_nrs) };
  rows[n++] = (Row) { _("Median attack duration (hours)"), ba->median_hours, ea->median_hours,
                      MAX (1, MAX (isnan (ba->median_hours) ? 0 : ba->median_hours,
                                   isnan (ea->median_hours) ? 0 : ea->median_hours) * 1.1),
                      1, g_strdup_printf (_("n = %d → %d attacks"), ba->n_ended, ea->n_ended) };

  return n;
}

static void
free_rows (Row   *rows,
           guint  n)
{
  for (guint i = 0; i < n; i++)
    g_free (rows[i].n_text);
}

/* "−4.0 (−50%)"; the percentage only from a baseline above 0. */
static char *
change_text (const Row *row)
{
  double change = row->after - row->before;
  g_autofree char *units = md_chart_format_signed (change, row->decimals);
  g_autofree char *rounded = NULL;
  g_autofree char *size = NULL;
  const char *sign;

  if (isnan (change))
    return g_strdup (C_("number", "–"));
  if (!(row->before > 0))
    return g_steal_pointer (&units);

  rounded = md_chart_format_signed (100 * change / row->before, 0);
  size = md_chart_format_percent (fabs (change / row->before));
  sign = g_str_has_prefix (rounded, "−") ? "−" : rounded[0] == '+' ? "+" : "";

  /* Translators: a change in units, then in percent, e.g. "−4.0 (−50%)" */
  return g_strdup_printf (_("%s (%s%s)"), units, sign, size);
}

/* Fills the current path as a bar of the baseline (@before: pale, with
 * an outline) or of the evaluation window (solid): told apart without
 * colour, in the legend and in the rows alike. */
static void
fill_bar (cairo_t            *cr,
          const MdChartStyle *style,
          gboolean            before)
{
  if (before)
    {
      md_chart_set_color_alpha (cr, &style->muted, 0.25);
      cairo_fill_preserve (cr);
      md_chart_set_color (cr, &style->muted);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }
  else
    {
      md_chart_set_color (cr, &style->migraine);
      cairo_fill (cr);
    }
}

static char *
empty_message (const MdChartModel *model)
{
  const MdStatsComparison *cmp = model->comparison;
  const MdStatsSpan *e = &cmp->evaluation;
  int last = e->first_day + e->n_days - 1;

  if (last >= md_stats_day_today (model->stats->data->now))
    {
      /* Translators: strftime format of a date on the before/after panel, e.g. "26 Apr 2026" */
      g_autofree char *date = md_chart_format_day (last, C_("chart date", "%-d %b %Y"));

      /* Translators: the before/after panel cannot compare yet */
      return g_strdup_printf (_("Not yet evaluable: the evaluation window ends on %s."), g_strstrip (date));
    }
  if (cmp->baseline.recorded == 0)
    return g_strdup (_("Not evaluable: no day was recorded in the baseline before the treatment."));

  return g_strdup (_("Not evaluable: no day was recorded in the evaluation window."));
}

static void
before_after_render (const MdChartModel *model,
                     const MdChartStyle *style,
                     cairo_t            *cr,
                     double              width,
                     double              height)
{
  const MdStatsComparison *cmp;
  Row rows[N_ROWS];
  guint n;
  double fs = style->font_size;
  double legend_h, row_h, label_w, change_w, bars_x, bars_w, bar_h;
  MdChartRect all = { 0, 0, width, 0 };
  g_autofree char *before_label = NULL;
  g_autofree char *after_label = NULL;

  g_return_if_fail (model != NULL && model->stats != NULL);
  /* Without a treatment to compare, the panel has nothing to show. */
  if (model->comparison == NULL)
    return;
  cmp = model->comparison;
  all.height = height;

  if (!cmp->evaluable)
    {
      g_autofree char *message = empty_message (model);

      md_chart_draw_empty (cr, style, width, height, message);
      return;
    }

  md_chart_begin (cr, style, width, height);
  n = make_rows (model, rows);

  /* Translators: the legend of the before/after panel: the baseline, in days */
  before_label = g_strdup_printf (ngettext ("%d day before", "%d days before", cmp->baseline.n_days),
                                  cmp->baseline.n_days);
  /* Translators: the legend of the before/after panel: the evaluation window */
  after_label = g_strdup_printf (_("Weeks %d–%d after"), model->stats->settings.evaluation_first_week,
                                 model->stats->settings.evaluation_last_week);

  /* Legend */
  legend_h = fs * 1.8;
  {
    double x = 0, sw = fs * 1.3;
    const char *labels[] = { before_label, after_label };

    for (int k = 0; k < 2; k++)
      {
        double sx = md_chart_mirror (style, &all, x), tx;

        cairo_rectangle (cr, style->rtl ? sx - sw : sx, fs * 0.2, sw, fs);
        fill_bar (cr, style, k == 0);
        tx = md_chart_mirror (style, &all, x + sw + fs * 0.4);
        x += sw + fs * 0.4 + md_chart_text (cr, style, labels[k], tx, fs * 0.7, style->rtl ? 1 : 0, 0.5,
                                            0.9, FALSE, &style->foreground) + fs * 1.5;
      }
  }

  row_h = MAX (fs * 2.6, (height - legend_h) / n);
  label_w = 0;
  change_w = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *change = change_text (&rows[i]);

      label_w = MAX (label_w, md_chart_text_width (cr, style, rows[i].label, 0.9, TRUE));
      label_w = MAX (label_w, md_chart_text_width (cr, style, rows[i].n_text, 0.8, FALSE));
      change_w = MAX (change_w, md_chart_text_width (cr, style, change, 0.95, TRUE));
    }
  label_w = MIN (label_w + fs, width * 0.4);
  change_w += fs;
  bars_x = label_w;
  /* Room for the value written after the longest bar */
  bars_w = MAX (fs * 4, width - label_w - change_w - fs * 3);
  bar_h = MAX (2, MIN (fs * 1.0, row_h * 0.32));

  for (guint i = 0; i < n; i++)
    {
      const Row *r = &rows[i];
      double y = legend_h + i * row_h;
      double values[2] = { r->before, r->after };
      g_autofree char *change = change_text (r);

      if (i > 0)
        {
          md_chart_set_color (cr, &style->grid);
          cairo_set_line_width (cr, 1);
          cairo_move_to (cr, 0, round (y) + 0.5);
          cairo_line_to (cr, width, round (y) + 0.5);
          cairo_stroke (cr);
        }

      md_chart_text (cr, style, r->label, md_chart_mirror (style, &all, 0), y + row_h * 0.3,
                     style->rtl ? 1 : 0, 0.5, 0.9, TRUE, &style->foreground);
      md_chart_text (cr, style, r->n_text, md_chart_mirror (style, &all, 0), y + row_h * 0.68,
                     style->rtl ? 1 : 0, 0.5, 0.8, FALSE, &style->muted);

      for (int k = 0; k < 2; k++)
        {
          double by = y + row_h * 0.5 - bar_h - 1 + k * (bar_h + 2);
          double len = isnan (values[k]) ? 0 : bars_w * MIN (1, values[k] / r->scale_max);
          double x0 = md_chart_mirror (style, &all, bars_x);
          double x1 = md_chart_mirror (style, &all, bars_x + len);
          g_autofree char *value = md_chart_format_number (values[k], r->decimals);

          if (len > 0)
            {
              cairo_rectangle (cr, round (MIN (x0, x1)), round (by), MAX (1, round (fabs (x1 - x0))), round (bar_h));
              fill_bar (cr, style, k == 0);
            }
          md_chart_text (cr, style, value, md_chart_mirror (style, &all, bars_x + len + fs * 0.4),
                         by + bar_h / 2, style->rtl ? 1 : 0, 0.5, 0.8, k == 1, &style->foreground);
        }

      md_chart_text (cr, style, change, md_chart_mirror (style, &all, width), y + row_h * 0.5,
                     style->rtl ? 0 : 1, 0.5, 0.95, TRUE, &style->foreground);
    }

  free_rows (rows, n);
  cairo_restore (cr);
}

/* The numbers in words, for the accessible description and the report's
 * readers. */
static char *
before_after_describe (const MdChartModel *model)
{
  GString *text;
  Row rows[N_ROWS];
  guint n;

  g_return_val_if_fail (model != NULL, NULL);
  if (model->comparison == NULL)
    return NULL;

  text = g_string_new (NULL);

  /* Translators: accessible description of the before/after panel; %s is the treatment */
  g_string_append_printf (text, _("Before and after %s."), model->treatment_name != NULL ? model->treatment_name : "");
  if (!model->comparison->evaluable)
    {
      g_autofree char *message = empty_message (model);

      g_string_append_c (text, ' ');
      g_string_append (text, message);
      return g_string_free (text, FALSE);
    }

  n = make_rows (model, rows);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *before = md_chart_format_number (rows[i].before, rows[i].decimals);
      g_autofree char *after = md_chart_format_number (rows[i].after, rows[i].decimals);
      g_autofree char *change = change_text (&rows[i]);

      g_string_append_c (text, ' ');
      /* Translators: one row of the before/after panel in words, e.g.
       * "Migraine days per 28 days: 8.0 before, 4.0 after, change −4.0 (−50%), 28 / 28 → 21 / 28 days recorded." */
      g_string_append_printf (text, _("%s: %s before, %s after, change %s, %s."),
                              rows[i].label, before, after, change, rows[i].n_text);
    }
  free_rows (rows, n);

  return g_string_free (text, FALSE);
}

const MdChartClass md_chart_before_after_class = {
  .kind = MD_CHART_KIND_BEFORE_AFTER,
  .name = N_("Before and after the treatment"),
  /* Every number is written on the panel, and said by its description:
   * there is nothing more to tell under the pointer. */
  .render = before_after_render,
  .describe = before_after_describe,
};
