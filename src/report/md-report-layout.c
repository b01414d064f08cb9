/* md-report-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report is a list of blocks (headings, paragraphs, tables, charts)
 * measured with Pango and placed on pages: a table breaks between rows
 * and repeats its header, a chart moves whole to the next page, and a
 * heading stays with what follows it. Every page ends with the footnote
 * and "Page X of Y". Layout uses device-independent metrics (no hinting),
 * so a page is the same on paper, in the PDF and in a preview.
 *
 * This file lays out, draws and writes the PDF; the blocks come from
 * md-report-content.c.
 */

#define G_LOG_DOMAIN "md-report"

#include "config.h"

#include <math.h>
#include <string.h>
#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "md-chart-private.h"
#include "md-error.h"
#include "md-file.h"
#include "md-report-private.h"

#define BASE_SIZE 9.0
#define TABLE_SIZE 7.2
#define CELL_PAD 3.0
#define BLOCK_GAP 10.0

/* Text */

/* Text wraps at word boundaries: Pango has no hyphenation
 * dictionaries, so a word broken anywhere else is broken wrongly
 * ("Soulageme|nt"). With @break_words, a word longer than @width is
 * broken rather than let run over: the last resort of a table column
 * narrower than its longest word, and of text across the page. Table
 * columns are sized so that their words fit; they wrap at word
 * boundaries only. */
static PangoLayout *
text_layout_full (MdReport   *self,
                  cairo_t    *cr,
                  const char *text,
                  double      size,
                  gboolean    bold,
                  double      width,
                  gboolean    break_words)
{
  MdChartStyle style;
  PangoLayout *layout;

  md_chart_style_init_print (&style);
  style.font_size = size;
  layout = md_chart_layout (cr, &style, text, 1.0, bold);
  pango_layout_set_width (layout, width > 0 ? (int) (width * PANGO_SCALE) : -1);
  pango_layout_set_wrap (layout, break_words ? PANGO_WRAP_WORD_CHAR : PANGO_WRAP_WORD);
  if (width > 0)
    {
      /* Pango swaps left and right for a paragraph whose own direction
       * differs from the context's (left to right): undo that swap. */
      gboolean right = self->rtl;

      /* Deprecated for general use, but exactly Pango's own test here */
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      if (pango_find_base_dir (text, -1) == PANGO_DIRECTION_RTL)
        right = !right;
      G_GNUC_END_IGNORE_DEPRECATIONS
      pango_layout_set_alignment (layout, right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
    }

  return layout;
}

/* Text across the page: a line breaks inside a word only for a word
 * longer than the line, which would otherwise run off the page. */
static PangoLayout *
text_layout (MdReport   *self,
             cairo_t    *cr,
             const char *text,
             double      size,
             gboolean    bold,
             double      width)
{
  return text_layout_full (self, cr, text, size, bold, width, TRUE);
}

static double
text_height (MdReport   *self,
             const char *text,
             double      size,
             gboolean    bold,
             double      width)
{
  g_autoptr(PangoLayout) layout = text_layout (self, self->measure, text, size, bold, width);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);

  return logical.height / (double) PANGO_SCALE;
}

static void
draw_text (MdReport   *self,
           cairo_t    *cr,
           const char *text,
           double      x,
           double      y,
           double      size,
           gboolean    bold,
           double      width,
           double      grey)
{
  g_autoptr(PangoLayout) layout = text_layout (self, cr, text, size, bold, width);

  cairo_set_source_rgb (cr, grey, grey, grey);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static double
text_width (MdReport *self)
{
  return self->width - 2 * self->margin;
}

/* Layout */

static double
footer_height (void)
{
  return BASE_SIZE * 2.6;
}

/* The widest word of @text (what it needs not to break inside a word)
 * and its widest line unwrapped, at @size. */
static void
measure_cell (MdReport   *self,
              const char *text,
              double      size,
              gboolean    bold,
              double      known_min,
              double     *min_width,
              double     *max_width)
{
  PangoLayout *layout = text_layout_full (self, self->measure, text, size, bold, -1, FALSE);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  *max_width = logical.width / (double) PANGO_SCALE;
  *min_width = *max_width;
  /* A cell no wider than the column's widest word so far cannot widen
   * it: only longer cells are laid out word by word. */
  if (*max_width > known_min && strpbrk (text, " \n") != NULL)
    {
      pango_layout_set_width (layout, 1);
      pango_layout_get_extents (layout, NULL, &logical);
      *min_width = logical.width / (double) PANGO_SCALE;
    }
  g_object_unref (layout);
}

/* Columns sized from their content, as browsers lay out tables: each
 * column at least as wide as its longest word, so that text wraps at
 * word boundaries only; the room left goes to the columns that still
 * wrap, in proportion to how much more they would take. When even the
 * longest words do not fit, the table's text shrinks, down to 80%; only
 * beyond that does a column break inside words. */
static void
size_columns (MdReport *self,
              Block    *b)
{
  double w = text_width (self);
  g_autofree double *min = g_new0 (double, b->n_columns);
  g_autofree double *max = g_new0 (double, b->n_columns);
  double sum_min = 0, sum_max = 0, sum_hint = 0, scale = 1;

  for (guint c = 0; c < b->n_columns; c++)
    {
      double lo, hi;

      measure_cell (self, b->header[c], TABLE_SIZE, TRUE, 0, &lo, &hi);
      min[c] = lo;
      max[c] = hi;
      for (guint r = 0; r < b->rows->len; r++)
        {
          char **cells = g_ptr_array_index (b->rows, r);

          measure_cell (self, cells[c], TABLE_SIZE, FALSE, min[c], &lo, &hi);
          min[c] = MAX (min[c], lo);
          max[c] = MAX (max[c], hi);
        }
      sum_min += min[c];
      sum_max += max[c];
      sum_hint += b->widths[c];
    }

  /* Without hinting, text widths scale with the font size. */
  if (sum_min + b->n_columns * 2 * CELL_PAD > w)
    scale = MAX (0.8, (w - b->n_columns * 2 * CELL_PAD) / sum_min);
  b->font_size = TABLE_SIZE * scale;

  g_free (b->column_widths);
  g_free (b->break_words);
  b->column_widths = g_new0 (double, b->n_columns);
  b->break_words = g_new0 (gboolean, b->n_columns);
  for (guint c = 0; c < b->n_columns; c++)
    {
      min[c] = min[c] * scale + 2 * CELL_PAD;
      max[c] = max[c] * scale + 2 * CELL_PAD;
    }
  sum_min = sum_min * scale + b->n_columns * 2 * CELL_PAD;
  sum_max = sum_max * scale + b->n_columns * 2 * CELL_PAD;

  if (sum_max <= w)
    {
      /* Everything fits unwrapped: the rest as the table asks */
      for (guint c = 0; c < b->n_columns; c++)
        b->column_widths[c] = max[c] + (w - sum_max) * (sum_hint > 0 ? b->widths[c] / sum_hint : 1.0 / b->n_columns);
    }
  else if (sum_min <= w)
    {
      /* A column that needs little more than its longest word (a date,
       * a count) gets all of it while that is no more than its fair
       * share of the room; the rest goes to the long columns in
       * proportion to what they would take. */
      double room = w - sum_min, want = 0;
      guint left = b->n_columns;
      gboolean granted;

      for (guint c = 0; c < b->n_columns; c++)
        b->column_widths[c] = -1;
      do
        {
          granted = FALSE;
          for (guint c = 0; c < b->n_columns; c++)
            if (b->column_widths[c] < 0 && max[c] - min[c] <= room / left)
              {
                b->column_widths[c] = max[c];
                room -= max[c] - min[c];
                left--;
                granted = TRUE;
              }
        }
      while (granted && left > 0);
      for (guint c = 0; c < b->n_columns; c++)
        if (b->column_widths[c] < 0)
          want += max[c] - min[c];
      for (guint c = 0; c < b->n_columns; c++)
        if (b->column_widths[c] < 0)
          b->column_widths[c] = min[c] + room * (max[c] - min[c]) / want;
    }
  else
    {
      for (guint c = 0; c < b->n_columns; c++)
        {
          b->column_widths[c] = min[c] * w / sum_min;
          b->break_words[c] = TRUE;
        }
    }
}

/* A table cell, laid out in its column */
static PangoLayout *
cell_layout (MdReport *self,
             cairo_t  *cr,
             Block    *b,
             char    **cells,
             guint     c,
             gboolean  bold)
{
  return text_layout_full (self, cr, cells[c], b->font_size, bold,
                           b->column_widths[c] - 2 * CELL_PAD, b->break_words[c]);
}

static double
measure_row (MdReport  *self,
             Block     *b,
             char     **cells,
             gboolean   bold)
{
  double height = 0;

  for (guint c = 0; c < b->n_columns; c++)
    {
      g_autoptr(PangoLayout) layout = cell_layout (self, self->measure, b, cells, c, bold);
      PangoRectangle logical;

      pango_layout_get_extents (layout, NULL, &logical);
      height = MAX (height, logical.height / (double) PANGO_SCALE);
    }

  return height + 2 * CELL_PAD;
}

static double
block_height (MdReport *self,
              Block    *b)
{
  switch (b->kind)
    {
    case BLOCK_TITLE:
      return text_height (self, b->text, BASE_SIZE * 2, TRUE, text_width (self));
    case BLOCK_HEADING:
      return text_height (self, b->text, BASE_SIZE * 1.3, TRUE, text_width (self));
    case BLOCK_PARAGRAPH:
      return text_height (self, b->text, BASE_SIZE, FALSE, text_width (self));
    case BLOCK_NOTE:
      return text_height (self, b->text, BASE_SIZE * 0.85, FALSE, text_width (self));
    case BLOCK_CHART:
      return b->height;
    case BLOCK_TABLE:
    default:
      return 0;
    }
}

static void
place (MdReport *self,
       int       page,
       double    y,
       Block    *b,
       guint     from,
       guint     to,
       double    height)
{
  Placement p = { page, y, b, from, to, height, 0, -1 };

  g_array_append_val (self->placements, p);
}

/* Calls @func for each line of @layout, with its top and bottom in the
 * layout and its logical extents and baseline in Pango units. */
typedef void (*LineFunc) (PangoLayoutIter *iter,
                          double           top,
                          double           bottom,
                          gpointer         user_data);

static void
foreach_line (PangoLayout *layout,
              LineFunc     func,
              gpointer     user_data)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      func (iter, logical.y / (double) PANGO_SCALE,
            (logical.y + logical.height) / (double) PANGO_SCALE, user_data);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

typedef struct
{
  GArray *bottoms; /* double: where a line ends, in the row */
  GArray *lines;   /* double pairs: top and bottom of every line */
} RowLines;

static void
collect_line_cb (PangoLayoutIter *iter,
                 double           top,
                 double           bottom,
                 gpointer         user_data)
{
  RowLines *lines = user_data;

  top += CELL_PAD;
  bottom += CELL_PAD;
  g_array_append_val (lines->bottoms, bottom);
  g_array_append_val (lines->lines, top);
  g_array_append_val (lines->lines, bottom);
}

/* Where a row too tall for the page is cut, between @from and @limit
 * (offsets in the row): the lowest point that cuts no line of any cell,
 * so that every line is printed whole on one page. */
static double
row_cut (MdReport *self,
         Block    *b,
         guint     row,
         double    from,
         double    limit)
{
  char **cells = g_ptr_array_index (b->rows, row);
  RowLines lines = { g_array_new (FALSE, FALSE, sizeof (double)), g_array_new (FALSE, FALSE, sizeof (double)) };
  double cut = limit;
  double best = from;

  for (guint c = 0; c < b->n_columns; c++)
    {
      g_autoptr(PangoLayout) layout = cell_layout (self, self->measure, b, cells, c, FALSE);

      foreach_line (layout, collect_line_cb, &lines);
    }

  for (guint i = 0; i < lines.bottoms->len; i++)
    {
      double candidate = g_array_index (lines.bottoms, double, i);
      gboolean clean = candidate > best && candidate <= limit;

      for (guint j = 0; clean && j < lines.lines->len; j += 2)
        if (g_array_index (lines.lines, double, j) < candidate - 0.01 &&
            g_array_index (lines.lines, double, j + 1) > candidate + 0.01)
          clean = FALSE;
      if (clean)
        best = candidate;
    }
  /* Only a single line taller than the page has no clean cut. */
  if (best > from)
    cut = best;

  g_array_unref (lines.bottoms);
  g_array_unref (lines.lines);

  return cut;
}

/* Room for a few lines: less than this at the foot of a page, and a
 * row to be split starts on the next one. */
#define MIN_SPLIT_ROOM 40.0

/* Places a table's rows from @row on, under its header: as many whole
 * rows as fit, or the part of a row too tall for any page that fits.
 * Returns the row to continue from; @offset is how much of it is placed. */
static guint
place_rows (MdReport *self,
            Block    *b,
            int       page,
            double    y,
            double    bottom,
            guint     row,
            double   *offset,
            double   *out_height)
{
  double page_room = bottom - self->margin - b->header_height;
  Placement p = { page, y, b, row, row, b->header_height, *offset, -1 };

  while (row < b->rows->len)
    {
      double rest = b->row_heights[row] - *offset;
      double room = bottom - y - p.height;

      if (rest <= room)
        {
          p.height += rest;
          row++;
          *offset = 0;
          continue;
        }
      if (row == p.row_from || (rest > page_room && room >= MIN_SPLIT_ROOM))
        {
          double cut = row_cut (self, b, row, *offset, *offset + room);

          p.height += cut - *offset;
          p.last_limit = cut;
          *offset = cut;
        }
      break;
    }
  p.row_to = p.last_limit >= 0 ? row + 1 : row;
  g_array_append_val (self->placements, p);
  *out_height = p.height;

  return row;
}

int
md_report_paginate (MdReport *self,
                    double    width,
                    double    height,
                    double    margin)
{
  double bottom;
  double y;
  int page = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (width > 4 * margin && height > 4 * margin, 0);

  self->width = width;
  self->height = height;
  self->margin = margin;
  bottom = height - margin - footer_height ();
  y = margin;

  _md_report_build (self);
  g_array_set_size (self->placements, 0);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *b = g_ptr_array_index (self->blocks, i);

      if (b->kind == BLOCK_TABLE)
        {
          guint row = 0;
          double offset = 0;

          size_columns (self, b);
          b->header_height = measure_row (self, b, b->header, TRUE);
          g_free (b->row_heights);
          b->row_heights = g_new (double, b->rows->len + 1);
          for (guint r = 0; r < b->rows->len; r++)
            b->row_heights[r] = measure_row (self, b, g_ptr_array_index (b->rows, r), FALSE);

          if (b->rows->len == 0)
            {
              place (self, page, y, b, 0, 0, b->header_height);
              y += b->header_height + BLOCK_GAP;
            }
          while (row < b->rows->len)
            {
              double rest = b->row_heights[row] - offset;
              double room = bottom - y - b->header_height;
              double h;

              /* A row (or what is left of it) that fits on a new page
               * starts there; one taller than a page is split. */
              if (y > margin && rest > room &&
                  (rest <= bottom - margin - b->header_height || room < MIN_SPLIT_ROOM))
                {
                  page++;
                  y = margin;
                }
              row = place_rows (self, b, page, y, bottom, row, &offset, &h);
              y += h + BLOCK_GAP;
              if (row < b->rows->len)
                {
                  page++;
                  y = margin;
                }
            }
          continue;
        }

      {
        double h = block_height (self, b);
        double keep = h;

        /* A heading stays with the start of what follows it. */
        if (b->kind == BLOCK_HEADING && i + 1 < self->blocks->len)
          {
            Block *next = g_ptr_array_index (self->blocks, i + 1);

            keep += next->kind == BLOCK_TABLE ? 60 : block_height (self, next);
          }
        if (y + keep > bottom && y > margin)
          {
            page++;
            y = margin;
          }
        if (b->kind == BLOCK_HEADING && y > margin)
          y += BLOCK_GAP * 0.6;
        place (self, page, y, b, 0, 0, h);
        y += h + (b->kind == BLOCK_HEADING ? 4 : BLOCK_GAP);
      }
    }

  self->n_pages = page + 1;

  return self->n_pages;
}

int
md_report_get_n_pages (MdReport *self)
{
  return self->n_pages;
}

typedef struct
{
  cairo_t *cr;
  double   x;
  double   y;      /* where the row's top would be on the page */
  double   from;   /* the part of the row shown, in the row */
  double   to;
} LinesShown;

static void
show_line_cb (PangoLayoutIter *iter,
              double           top,
              double           bottom,
              gpointer         user_data)
{
  LinesShown *shown = user_data;
  PangoRectangle logical;

  if (top + CELL_PAD < shown->from - 0.01 || bottom + CELL_PAD > shown->to + 0.01)
    return;
  pango_layout_iter_get_line_extents (iter, NULL, &logical);
  cairo_move_to (shown->cr, shown->x + logical.x / (double) PANGO_SCALE,
                 shown->y + CELL_PAD + pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE);
  pango_cairo_show_layout_line (shown->cr, pango_layout_iter_get_line_readonly (iter));
}

static void
draw_table (MdReport        *self,
            cairo_t         *cr,
            const Placement *p)
{
  Block *b = p->block;
  double w = text_width (self);
  double y = p->y;

  for (int r = -1; r < (int) p->row_to; r++)
    {
      char **cells;
      double h;
      double from = 0;
      double x = 0;

      if (r >= 0 && r < (int) p->row_from)
        continue;
      cells = r < 0 ? b->header : g_ptr_array_index (b->rows, r);
      h = r < 0 ? b->header_height : b->row_heights[r];
      /* A row split between pages shows the part of it that is here */
      if (r == (int) p->row_from)
        from = p->first_offset;
      if (r == (int) p->row_to - 1 && p->last_limit >= 0)
        h = p->last_limit;
      h -= from;

      if (r < 0)
        {
          cairo_set_source_rgb (cr, 0.9, 0.9, 0.9);
          cairo_rectangle (cr, self->margin, y, w, h);
          cairo_fill (cr);
        }
      else if ((r - p->row_from) % 2 == 1)
        {
          cairo_set_source_rgb (cr, 0.965, 0.965, 0.965);
          cairo_rectangle (cr, self->margin, y, w, h);
          cairo_fill (cr);
        }

      for (guint c = 0; c < b->n_columns; c++)
        {
          double cw = b->column_widths[c];
          double cx = self->rtl ? self->margin + w - x - cw : self->margin + x;
          g_autoptr(PangoLayout) layout = cell_layout (self, cr, b, cells, c, r < 0);

          cairo_set_source_rgb (cr, 0, 0, 0);
          if (from == 0 && h == (r < 0 ? b->header_height : b->row_heights[r]))
            {
              cairo_move_to (cr, cx + CELL_PAD, y + CELL_PAD);
              pango_cairo_show_layout (cr, layout);
            }
          else
            {
              LinesShown shown = { cr, cx + CELL_PAD, y - from, from, from + h };

              foreach_line (layout, show_line_cb, &shown);
            }
          x += cw;
        }
      cairo_set_source_rgb (cr, 0.75, 0.75, 0.75);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, self->margin, y + h);
      cairo_line_to (cr, self->margin + w, y + h);
      cairo_stroke (cr);
      y += h;
    }
}

static void
draw_chart (MdReport        *self,
            cairo_t         *cr,
            const Placement *p)
{
  const Block *b = p->block;
  MdChartStyle style;
  MdStatsComparison cmp;
  MdChartModel model = {
    .stats = self->stats,
    .first_weekday = md_chart_locale_first_weekday (),
    .first_month = b->first_month,
    .n_months = b->n_months,
  };
  g_autofree char *label = NULL;
  double w = text_width (self);

  if (b->compared != NULL)
    {
      md_stats_compare (self->stats, b->compared, &cmp);
      label = _md_report_treatment_label (self, b->compared);
      model.comparison = &cmp;
      model.treatment_name = label;
    }

  md_chart_style_init_print (&style);
  style.rtl = self->rtl;
  style.font_size = 7.5;

  cairo_save (cr);
  cairo_translate (cr, self->margin, p->y);
  md_chart_class_for (b->chart)->render (&model, &style, cr, w, p->height);
  cairo_restore (cr);
}

void
md_report_draw_page (MdReport *self,
                     cairo_t  *cr,
                     int       page)
{
  double w;
  g_autofree char *page_text = NULL;
  const char *footnote = _("Descriptive statistics from a patient diary; not a diagnosis.");

  g_return_if_fail (self != NULL && self->n_pages > 0);
  g_return_if_fail (page >= 0 && page < self->n_pages);

  w = text_width (self);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, self->width, self->height);
  cairo_fill (cr);

  for (guint i = 0; i < self->placements->len; i++)
    {
      const Placement *p = &g_array_index (self->placements, Placement, i);
      Block *b = p->block;

      if (p->page != page)
        continue;

      switch (b->kind)
        {
        case BLOCK_TITLE:
          draw_text (self, cr, b->text, self->margin, p->y, BASE_SIZE * 2, TRUE, w, 0);
          break;
        case BLOCK_HEADING:
          draw_text (self, cr, b->text, self->margin, p->y, BASE_SIZE * 1.3, TRUE, w, 0);
          break;
        case BLOCK_PARAGRAPH:
          draw_text (self, cr, b->text, self->margin, p->y, BASE_SIZE, FALSE, w, 0);
          break;
        case BLOCK_NOTE:
          draw_text (self, cr, b->text, self->margin, p->y, BASE_SIZE * 0.85, FALSE, w, 0.3);
          break;
        case BLOCK_TABLE:
          draw_table (self, cr, p);
          break;
        case BLOCK_CHART:
        default:
          draw_chart (self, cr, p);
          break;
        }
    }

  /* Footer: the footnote and the page number, on every page */
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, self->margin, self->height - self->margin - footer_height () + 4);
  cairo_line_to (cr, self->margin + w, self->height - self->margin - footer_height () + 4);
  cairo_stroke (cr);
  /* Translators: the page number in the report's footer */
  page_text = g_strdup_printf (_("Page %d of %d"), page + 1, self->n_pages);
  {
    double y = self->height - self->margin - footer_height () + 8;
    g_autoptr(PangoLayout) number = text_layout (self, cr, page_text, BASE_SIZE * 0.8, FALSE, -1);
    PangoRectangle logical;
    double nw;

    pango_layout_get_extents (number, NULL, &logical);
    nw = logical.width / (double) PANGO_SCALE;
    draw_text (self, cr, footnote, self->rtl ? self->margin + nw + 12 : self->margin, y,
               BASE_SIZE * 0.8, FALSE, w - nw - 12, 0.25);
    draw_text (self, cr, page_text, self->rtl ? self->margin : self->margin + w - nw, y,
               BASE_SIZE * 0.8, FALSE, -1, 0.25);
  }
  cairo_restore (cr);
}

/* PDF */

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

GBytes *
md_report_to_pdf (MdReport  *self,
                  GError   **error)
{
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->n_pages == 0)
    {
      double w, h;

      md_report_locale_paper (&w, &h);
      md_report_paginate (self, w, h, 42);
    }

  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, self->width, self->height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Migraine Diary report"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Migraine Diary " PACKAGE_VERSION);
  cr = cairo_create (surface);
  for (int page = 0; page < self->n_pages; page++)
    {
      md_report_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_byte_array_unref (bytes);
      g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_IO,
                   _("The report could not be drawn: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (bytes);
}

/* Whole or not at all, and readable by its owner only (md-file.c) */
gboolean
md_report_write_pdf (MdReport    *self,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(GBytes) pdf = md_report_to_pdf (self, error);
  gsize length;
  const char *contents;

  if (pdf == NULL)
    return FALSE;

  contents = g_bytes_get_data (pdf, &length);

  return md_file_write_private (path, contents, length, error);
}
