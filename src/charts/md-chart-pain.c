/* md-chart-pain.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pain before and after treatment: one panel per acute medication, with
 * a line per dose from its pain at dose time to its pain at 2 h (and at
 * 24 h when recorded), and the group's n, pain-free and relief at 2 h.
 * Lines are offset a little within a band so that many identical doses
 * show as a thick band rather than one line. Panels that do not fit side
 * by side stack in rows, as many as the height has room for: the Charts
 * view asks for that height (md_chart_pain_natural_height()), so on a
 * phone every medication has its panel, one under the other.
 */

#define G_LOG_DOMAIN "md-chart-pain"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "md-catalogue.h"
#include "md-chart-private.h"

#define MIN_PANEL_WIDTH 12.0 /* in font sizes */
#define MIN_PLOT_HEIGHT 6.0  /* in font sizes: below it a row is not drawn */
#define PLOT_HEIGHT     12.0 /* in font sizes: what a row asks for */

typedef struct
{
  double axis_w;
  double legend_h;
  double plot_top;  /* of the first row */
  double plot_h;
  double caption_h;
  double row_h;     /* from one row's plot_top to the next */
  int    n_panels;  /* shown */
  int    n_columns;
  int    n_rows;
  double panel_w;
} Layout;

static int
visible_panels (const MdChartModel *model,
                const MdChartStyle *style,
                double              width,
                double              axis_w)
{
  int fit = (int) floor ((width - axis_w) / (style->font_size * MIN_PANEL_WIDTH));

  return CLAMP (fit, 1, (int) model->stats->medications->len);
}

/* What the line colours mean, and how many medications did not fit;
 * flows into as many rows as the width needs. Returns its height. */
static double
legend (const MdChartModel *model,
        const MdChartStyle *style,
        cairo_t            *cr,
        double              width,
        int                 n_panels,
        gboolean            draw)
{
  double fs = style->font_size;
  g_autofree char *more = NULL;
  int hidden = (int) model->stats->medications->len - n_panels;
  const char *labels[5] = {
    /* Translators: pain chart legend */
    _("Pain-free at 2 h"), _("Less pain"), _("No better"),
    /* Translators: pain chart legend: what the width of a line means */
    _("Line width and label: number of doses"), NULL,
  };
  const MdChartColor *colors[] = { &style->migraine, &style->headache, &style->acute, NULL, NULL };
  double x = 0, y = 0, row = fs * 1.3;

  if (hidden > 0)
    /* Translators: on the pain chart when the window is too narrow for every medication */
    labels[4] = more = g_strdup_printf (ngettext ("%d more medication: widen the window, or see the report",
                                                  "%d more medications: widen the window, or see the report",
                                                  hidden), hidden);

  for (guint i = 0; i < G_N_ELEMENTS (labels) && labels[i] != NULL; i++)
    {
      double w = (colors[i] != NULL ? fs * 1.8 : 0) + md_chart_text_width (cr, style, labels[i], 0.85, FALSE);

      if (x > 0 && x + w > width)
        {
          x = 0;
          y += row;
        }
      if (draw)
        {
          double sx = style->rtl ? width - x : x;

          if (colors[i] != NULL)
            {
              md_chart_set_color (cr, colors[i]);
              cairo_rectangle (cr, style->rtl ? sx - fs * 1.4 : sx, y + fs * 0.35, fs * 1.4, fs * 0.5);
              cairo_fill (cr);
              sx = style->rtl ? sx - fs * 1.8 : sx + fs * 1.8;
            }
          md_chart_text (cr, style, labels[i], sx, y + fs * 0.6, style->rtl ? 1 : 0, 0.5, 0.85, FALSE,
                         colors[i] != NULL ? &style->foreground : &style->muted);
        }
      x += w + fs * 1.4;
    }

  return y + row;
}

/* Medications sorted by number of doses, most first. */
static int
compare_by_doses (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const MdStats *stats = user_data;
  const MdStatsMedicationResponse *x = &g_array_index (stats->medications, MdStatsMedicationResponse, *(const int *) a);
  const MdStatsMedicationResponse *y = &g_array_index (stats->medications, MdStatsMedicationResponse, *(const int *) b);

  if (x->n_doses != y->n_doses)
    return y->n_doses - x->n_doses;

  return *(const int *) a - *(const int *) b;
}

static int *
panel_order (const MdStats *stats)
{
  int *order = g_new (int, stats->medications->len + 1);

  for (guint i = 0; i < stats->medications->len; i++)
    order[i] = (int) i;
  g_qsort_with_data (order, stats->medications->len, sizeof (int), compare_by_doses, (gpointer) stats);

  return order;
}

static double
panel_x (const MdChartStyle *style,
         const Layout       *layout,
         double              width,
         int                 panel,
         double              fraction)
{
  double x = layout->axis_w + layout->panel_w * (panel % layout->n_columns + fraction);

  return style->rtl ? width - x : x;
}

/* The top of the plot of the row that @panel is in */
static double
row_top (const Layout *layout,
         int           panel)
{
  return layout->plot_top + layout->row_h * (panel / layout->n_columns);
}

static double
pain_y (const Layout *layout,
        int           panel,
        double        pain)
{
  return row_top (layout, panel) + layout->plot_h * (1 - pain / 3.0);
}

/* Doses of one medication by pain at dose time and at 2 h, and by pain at
 * 2 h and at 24 h; returns how many have both the first readings. */
static int
count_steps (const MdStats *stats,
             int            medication,
             int            to_2h[4][4],
             int            to_24h[4][4])
{
  MdStatsData *data = stats->data;
  int drawn = 0;

  memset (to_2h, 0, sizeof (int) * 16);
  memset (to_24h, 0, sizeof (int) * 16);
  for (guint i = 0; i < stats->responses->len; i++)
    {
      const MdStatsDoseResponse *r = &g_array_index (stats->responses, MdStatsDoseResponse, i);

      if (g_array_index (data->doses, MdStatsDose, r->dose).medication != medication)
        continue;
      if (r->pain_at_dose >= 0 && r->pain_2h >= 0)
        {
          to_2h[r->pain_at_dose][r->pain_2h]++;
          drawn++;
          if (r->pain_24h >= 0)
            to_24h[r->pain_2h][r->pain_24h]++;
        }
    }

  return drawn;
}

/* The caption below a panel: name, n, pain-free and relief at 2 h, each
 * laid out in the panel's width (wrapped, then shrunk a little) so that
 * no language runs into the next panel. Returns its height. */
static double
caption (const MdChartModel *model,
         const MdChartStyle *style,
         cairo_t            *cr,
         const Layout       *layout,
         double              width,
         int                 panel,
         int                 med_index,
         double              top,
         gboolean            draw)
{
  const MdStats *stats = model->stats;
  const MdStatsMedicationResponse *m = &g_array_index (stats->medications, MdStatsMedicationResponse, med_index);
  const char *name = g_array_index (stats->data->medications, MdStatsMedication, m->medication).name;
  double fs = style->font_size;
  double box = MAX (fs, layout->panel_w - fs * 0.6);
  double left = panel_x (style, layout, width, panel, 0.5) - box / 2;
  double y = top;
  int to_2h[4][4], to_24h[4][4];
  int drawn = count_steps (stats, m->medication, to_2h, to_24h);
  g_autofree char *pf = md_chart_keep_together (md_chart_format_rate (&m->pain_free_2h));
  g_autofree char *rl = md_chart_keep_together (md_chart_format_rate (&m->relief_2h));
  char *lines[4];
  const MdChartColor *colors[4] = { &style->foreground, &style->muted, &style->foreground, &style->foreground };
  const double scales[4] = { 0.95, 0.8, 0.8, 0.8 };

  lines[0] = g_strdup (name);
  /* Translators: number of doses in a group of the pain chart, and how many have readings at dose time and at 2 h */
  lines[1] = g_strdup_printf (ngettext ("%d dose, %d with readings", "%d doses, %d with readings", m->n_doses),
                              m->n_doses, drawn);
  /* Translators: on the pain chart, e.g. "Pain-free at 2 h: 40% (17%–69%), n = 10" */
  lines[2] = g_strdup_printf (_("Pain-free at 2 h: %s"), pf);
  /* Translators: on the pain chart, e.g. "Relief at 2 h: 60% (31%–83%), n = 8" */
  lines[3] = g_strdup_printf (_("Relief at 2 h: %s"), rl);

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      /* Two lines each at the chart's size, then down to three quarters
       * of it; only a panel too narrow for that breaks words (panels
       * are at least 12 font sizes wide: see visible_panels) */
      g_autoptr(PangoLayout) text = md_chart_fit_layout (cr, style, lines[i], box, 2, scales[i],
                                                         scales[i] * 0.75, i == 0);

      if (draw)
        md_chart_show_layout (cr, style, text, left, y, colors[i]);
      y += md_chart_layout_height (text) + (i == 0 ? fs * 0.15 : i == 1 ? fs * 0.3 : fs * 0.05);
    }
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    g_free (lines[i]);

  return y - top;
}

static void
compute_layout (const MdChartModel *model,
                const MdChartStyle *style,
                cairo_t            *cr,
                double              width,
                double              height,
                Layout             *layout)
{
  double fs = style->font_size;
  int n = (int) model->stats->medications->len;
  int wanted, fit;

  layout->axis_w = 0;
  for (int p = 0; p <= 3; p++)
    layout->axis_w = MAX (layout->axis_w, md_chart_text_width (cr, style, md_pain_level_get_label (p), 0.85, FALSE));
  layout->axis_w += fs;
  layout->n_columns = visible_panels (model, style, width, layout->axis_w);
  layout->panel_w = (width - layout->axis_w) / layout->n_columns;
  layout->n_rows = 1;
  layout->n_panels = n;
  /* Every panel's caption gets the height of the tallest: captions wrap
   * in long languages, and the plots stay aligned. */
  {
    g_autofree int *order = panel_order (model->stats);

    layout->caption_h = 0;
    for (int p = 0; p < n; p++)
      layout->caption_h = MAX (layout->caption_h, caption (model, style, cr, layout, width, p, order[p], 0, FALSE));
    layout->caption_h += fs * 0.9;
  }

  /* As many rows as the medications need and the height has room for */
  layout->legend_h = legend (model, style, cr, width, n, FALSE);
  wanted = (n + layout->n_columns - 1) / layout->n_columns;
  fit = (int) floor ((height - layout->legend_h) / (fs * (2.6 + MIN_PLOT_HEIGHT + 0.3) + layout->caption_h));
  layout->n_rows = CLAMP (fit, 1, wanted);
  layout->n_panels = MIN (n, layout->n_rows * layout->n_columns);
  if (layout->n_panels < n)
    layout->legend_h = legend (model, style, cr, width, layout->n_panels, FALSE);

  layout->row_h = (height - layout->legend_h) / layout->n_rows;
  layout->plot_top = layout->legend_h + fs * 2.6;
  layout->plot_h = MAX (10, layout->row_h - fs * 2.6 - layout->caption_h - fs * 0.3);
}

/**
 * md_chart_pain_natural_height:
 *
 * Returns: the height that gives every medication its panel at @width,
 *   stacking in rows those that do not fit side by side
 */
double
md_chart_pain_natural_height (const MdChartModel *model,
                              const MdChartStyle *style,
                              double              width)
{
  cairo_t *cr;
  Layout layout;
  double fs = style->font_size;
  double height;

  if (model->stats == NULL || model->stats->medications->len == 0)
    return 0;

  cr = md_chart_measuring_context ();
  /* Laid out for one row: the caption and legend heights do not depend on the rows */
  compute_layout (model, style, cr, width, G_MAXINT / 2, &layout);
  cairo_destroy (cr);

  height = layout.legend_h;
  height += ((model->stats->medications->len + layout.n_columns - 1) / layout.n_columns)
            * (fs * (2.6 + PLOT_HEIGHT + 0.3) + layout.caption_h);

  return ceil (height);
}

static void
draw_panel (const MdChartModel *model,
            const MdChartStyle *style,
            cairo_t            *cr,
            const Layout       *layout,
            double              width,
            int                 panel,
            int                 med_index)
{
  const MdStats *stats = model->stats;
  const MdStatsMedicationResponse *m = &g_array_index (stats->medications, MdStatsMedicationResponse, med_index);
  const char *columns[3];
  double fs = style->font_size;
  double cx[3] = { 0, 0, 0 };

  /* Panel separator */
  cairo_save (cr);
  md_chart_set_color (cr, &style->grid);
  cairo_set_line_width (cr, 1);
  {
    double sx = round (panel_x (style, layout, width, panel, 0)) + 0.5;

    cairo_move_to (cr, sx, row_top (layout, panel) - fs * 1.6);
    cairo_line_to (cr, sx, row_top (layout, panel) + layout->plot_h + layout->caption_h);
    cairo_stroke (cr);
  }
  cairo_restore (cr);

  /* Doses with the same pain at dose time and at 2 h share one line,
   * as wide as their number, labelled with it; the same from 2 h to 24 h.
   * Sixteen lines per step stay readable with thousands of doses. */
  {
    int to_2h[4][4];
    int to_24h[4][4];
    int most = 1;
    gboolean has_24h = FALSE;
    int n_columns;

    count_steps (stats, m->medication, to_2h, to_24h);
    for (int a = 0; a < 4; a++)
      for (int b = 0; b < 4; b++)
        {
          most = MAX (most, MAX (to_2h[a][b], to_24h[a][b]));
          has_24h |= to_24h[a][b] > 0;
        }

    /* Translators: the three time points on the pain chart */
    columns[0] = C_("time point", "At dose");
    columns[1] = C_("time point", "2 h");
    columns[2] = C_("time point", "24 h");
    n_columns = has_24h ? 3 : 2;
    for (int c = 0; c < n_columns; c++)
      cx[c] = panel_x (style, layout, width, panel, has_24h ? 0.15 + 0.35 * c : 0.2 + 0.6 * c);
    for (int c = 0; c < n_columns; c++)
      {
        /* Each label in the room between its neighbours' centres */
        double room = layout->panel_w * (has_24h ? 0.3 : 0.4) - fs * 0.3;
        g_autoptr(PangoLayout) label = md_chart_fit_layout (cr, style, columns[c], room, 2, 0.8, 0.6, FALSE);
        double h = md_chart_layout_height (label);

        md_chart_show_layout (cr, style, label, cx[c] - room / 2, row_top (layout, panel) - fs * 0.5 - h, &style->muted);
      }
    cairo_save (cr);
    cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
    for (int step = 0; step < 2; step++)
      for (int a = 0; a < 4; a++)
        for (int b = 0; b < 4; b++)
          {
            int n = step == 0 ? to_2h[a][b] : to_24h[a][b];
            double x0 = cx[step], x1 = cx[step + 1];
            double y0 = pain_y (layout, panel, a), y1 = pain_y (layout, panel, b);
            const MdChartColor *color = b == 0 ? &style->migraine : b < a ? &style->headache : &style->acute;
            g_autofree char *count = NULL;

            if (n == 0)
              continue;
            md_chart_set_color_alpha (cr, color, 0.8);
            cairo_set_line_width (cr, 1.5 + fs * 0.8 * n / most);
            cairo_move_to (cr, x0, y0);
            cairo_line_to (cr, x1, y1);
            cairo_stroke (cr);
          }
    /* Counts on top of all lines, on a small plate so crossings stay legible */
    for (int step = 0; step < (has_24h ? 2 : 1); step++)
      for (int a = 0; a < 4; a++)
        for (int b = 0; b < 4; b++)
          {
            int n = step == 0 ? to_2h[a][b] : to_24h[a][b];
            double x0 = cx[step], x1 = cx[step + 1];
            double y0 = pain_y (layout, panel, a), y1 = pain_y (layout, panel, b);
            double t = a == b ? 0.5 : 0.25 + 0.12 * b;
            double tx = x0 + (x1 - x0) * t, ty = y0 + (y1 - y0) * t;
            g_autofree char *count = NULL;
            double w;

            if (n == 0)
              continue;
            count = g_strdup_printf ("%d", n);
            w = md_chart_text_width (cr, style, count, 0.75, TRUE) + fs * 0.5;
            if (style->background.a > 0)
              md_chart_set_color (cr, &style->background);
            else
              md_chart_set_color_alpha (cr, &style->pain[0], 0.9);
            cairo_rectangle (cr, tx - w / 2, ty - fs * 0.55, w, fs * 1.1);
            cairo_fill (cr);
            md_chart_text (cr, style, count, tx, ty, 0.5, 0.5, 0.75, TRUE, &style->foreground);
          }
    cairo_restore (cr);
  }


  caption (model, style, cr, layout, width, panel, med_index, row_top (layout, panel) + layout->plot_h + fs * 0.9, TRUE);
}

static void
pain_render (const MdChartModel *model,
             const MdChartStyle *style,
             cairo_t            *cr,
             double              width,
             double              height)
{
  Layout layout;
  g_autofree int *order = NULL;
  double fs = style->font_size;
  double label_x;

  g_return_if_fail (model != NULL && model->stats != NULL);

  if (model->stats->medications->len == 0)
    {
      md_chart_draw_empty (cr, style, width, height, _("No acute doses in this period"));
      return;
    }

  md_chart_begin (cr, style, width, height);
  compute_layout (model, style, cr, width, height, &layout);
  order = panel_order (model->stats);

  /* Pain levels: grid lines and labels */
  label_x = style->rtl ? width - layout.axis_w + fs * 0.5 : layout.axis_w - fs * 0.5;
  cairo_save (cr);
  cairo_set_line_width (cr, 1);
  for (int r = 0; r < layout.n_rows; r++)
    for (int p = 0; p <= 3; p++)
      {
        double y = round (pain_y (&layout, r * layout.n_columns, p)) + 0.5;

        md_chart_set_color (cr, &style->grid);
        cairo_move_to (cr, style->rtl ? 0 : layout.axis_w, y);
        cairo_line_to (cr, style->rtl ? width - layout.axis_w : width, y);
        cairo_stroke (cr);
        md_chart_text (cr, style, md_pain_level_get_label (p), label_x, y, style->rtl ? 0 : 1, 0.5, 0.85, FALSE, &style->muted);
      }
  cairo_restore (cr);

  for (int p = 0; p < layout.n_panels; p++)
    draw_panel (model, style, cr, &layout, width, p, order[p]);

  legend (model, style, cr, width, layout.n_panels, TRUE);

  cairo_restore (cr);
}

static int
pain_hit_test (const MdChartModel *model,
               const MdChartStyle *style,
               double              width,
               double              height,
               double              x,
               double              y)
{
  cairo_t *cr;
  Layout layout;
  g_autofree int *order = NULL;
  int panel;

  if (model->stats->medications->len == 0)
    return MD_CHART_NO_HIT;

  cr = md_chart_measuring_context ();
  compute_layout (model, style, cr, width, height, &layout);
  cairo_destroy (cr);

  if (style->rtl)
    x = width - x;
  if (x < layout.axis_w || y < 0 || y > height)
    return MD_CHART_NO_HIT;
  {
    int column = (int) floor ((x - layout.axis_w) / layout.panel_w);
    int row = (int) floor ((y - layout.legend_h) / layout.row_h);

    if (column < 0 || column >= layout.n_columns || row < 0 || row >= layout.n_rows)
      return MD_CHART_NO_HIT;
    panel = row * layout.n_columns + column;
  }
  if (panel >= layout.n_panels)
    return MD_CHART_NO_HIT;

  order = panel_order (model->stats);

  return order[panel];
}

static char *
pain_describe_group (const MdChartModel *model,
                     int                 index)
{
  const MdStats *stats = model->stats;
  const MdStatsMedicationResponse *m;
  const char *name;
  g_autofree char *pf = NULL;
  g_autofree char *pf_mild = NULL;
  g_autofree char *pf_modsev = NULL;
  g_autofree char *relief = NULL;
  g_autofree char *doses = NULL;

  g_return_val_if_fail (index >= 0 && (guint) index < stats->medications->len, NULL);

  m = &g_array_index (stats->medications, MdStatsMedicationResponse, index);
  name = g_array_index (stats->data->medications, MdStatsMedication, m->medication).name;
  pf = md_chart_format_rate (&m->pain_free_2h);
  pf_mild = md_chart_format_rate (&m->pain_free_2h_mild);
  pf_modsev = md_chart_format_rate (&m->pain_free_2h_moderate_severe);
  relief = md_chart_format_rate (&m->relief_2h);
  doses = g_strdup_printf (ngettext ("%d dose", "%d doses", m->n_doses), m->n_doses);

  /* Translators: details of one medication on the pain chart */
  return g_strdup_printf (_("%s, %s: pain-free at 2 h %s (treated at mild pain %s, at moderate or severe pain %s); relief at 2 h %s."),
                          name, doses, pf, pf_mild, pf_modsev, relief);
}

static char *
pain_describe (const MdChartModel *model)
{
  const MdStats *stats = model->stats;
  GString *text;
  g_autofree int *order = NULL;

  if (stats->medications->len == 0)
    /* Translators: accessible description of the empty pain chart */
    return g_strdup (_("Pain before and after treatment: no acute doses in this period."));

  text = g_string_new (NULL);
  g_string_append_printf (text,
                          /* Translators: accessible description of the pain chart */
                          ngettext ("Pain before and after treatment for %d medication.",
                                    "Pain before and after treatment for %d medications.",
                                    stats->medications->len),
                          (int) stats->medications->len);
  order = panel_order (stats);
  for (guint i = 0; i < stats->medications->len; i++)
    {
      g_autofree char *group = pain_describe_group (model, order[i]);

      g_string_append_c (text, ' ');
      g_string_append (text, group);
    }

  return g_string_free (text, FALSE);
}

const MdChartClass md_chart_pain_class = {
  .kind = MD_CHART_KIND_PAIN,
  .name = N_("Pain before and after treatment"),
  .render = pain_render,
  .hit_test = pain_hit_test,
  .describe_item = pain_describe_group,
  .describe = pain_describe,
};
