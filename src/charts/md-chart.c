/* md-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Styles and drawing helpers. Colours are the Okabe–Ito palette, safe for
 * the common colour-vision deficiencies; every series also differs in
 * shape or pattern (bars, hatched bars, a line with markers, spans,
 * triangles), and pain levels are a sequential ramp that stays ordered in
 * greyscale.
 */

#define G_LOG_DOMAIN "md-chart"

#include "config.h"

#include <langinfo.h>
#include <math.h>
#include <glib/gi18n.h>

#include "md-chart-private.h"

#define RGB(hex, alpha) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, (alpha) }

void
md_chart_style_init_light (MdChartStyle *style)
{
  const MdChartStyle light = {
    .background = RGB (0xffffff, 0),
    .foreground = RGB (0x241f31, 1),
    .muted = RGB (0x5e5c64, 1),
    .grid = RGB (0x241f31, 0.12),
    .headache = RGB (0x56b4e9, 1),
    .migraine = RGB (0x0072b2, 1),
    .acute = RGB (0xd55e00, 1),
    .course = RGB (0x009e73, 0.16),
    .infusion = RGB (0xcc79a7, 1),
    .pain = { RGB (0xe8eef4, 1), RGB (0xfdcc8a, 1), RGB (0xfc8d59, 1), RGB (0xb7281a, 1) },
    .untracked = RGB (0x241f31, 0.25),
    .font_size = 13,
    .font_family = "Cantarell, Noto Sans, Noto Sans Arabic, Noto Sans CJK JP, sans-serif",
    .rtl = FALSE,
  };

  *style = light;
}

void
md_chart_style_init_dark (MdChartStyle *style)
{
  const MdChartStyle dark = {
    .background = RGB (0x000000, 0),
    .foreground = RGB (0xffffff, 1),
    .muted = RGB (0xc0bfbc, 1),
    .grid = RGB (0xffffff, 0.14),
    .headache = RGB (0x56b4e9, 1),
    .migraine = RGB (0x2f8fd8, 1),
    .acute = RGB (0xf08a3c, 1),
    .course = RGB (0x009e73, 0.2),
    .infusion = RGB (0xe29bc2, 1),
    .pain = { RGB (0x3a3f47, 1), RGB (0xc79a4b, 1), RGB (0xe0703c, 1), RGB (0xff4f3a, 1) },
    .untracked = RGB (0xffffff, 0.25),
    .font_size = 13,
    .font_family = "Cantarell, Noto Sans, Noto Sans Arabic, Noto Sans CJK JP, sans-serif",
    .rtl = FALSE,
  };

  *style = dark;
}

void
md_chart_style_init_print (MdChartStyle *style)
{
  md_chart_style_init_light (style);
  style->background = (MdChartColor) RGB (0xffffff, 1);
  style->foreground = (MdChartColor) RGB (0x000000, 1);
  style->muted = (MdChartColor) RGB (0x404040, 1);
  style->grid = (MdChartColor) RGB (0x000000, 0.18);
  /* Lighter and darker enough apart to stay two greys on paper. */
  style->headache = (MdChartColor) RGB (0x9fd3f2, 1);
  style->migraine = (MdChartColor) RGB (0x0072b2, 1);
  style->course = (MdChartColor) RGB (0x009e73, 0.18);
  style->pain[0] = (MdChartColor) RGB (0xf0f0f0, 1);
  style->font_size = 8.5;
  /* On paper colour may be lost: the migraine bars carry a hatch. On
   * screen they differ by colour, lightness and width. */
  style->hatch = TRUE;
}

void
md_chart_set_color (cairo_t            *cr,
                    const MdChartColor *color)
{
  cairo_set_source_rgba (cr, color->r, color->g, color->b, color->a);
}

void
md_chart_set_color_alpha (cairo_t            *cr,
                          const MdChartColor *color,
                          double              alpha)
{
  cairo_set_source_rgba (cr, color->r, color->g, color->b, color->a * alpha);
}

typedef struct
{
  PangoLayout          *layout;
  PangoFontDescription *base;
  char                 *family;
  double                size;    /* of the font set on the layout */
  gboolean              bold;
} TextCache;

static const cairo_user_data_key_t text_cache_key;

static void
text_cache_free (gpointer data)
{
  TextCache *cache = data;

  g_object_unref (cache->layout);
  pango_font_description_free (cache->base);
  g_free (cache->family);
  g_free (cache);
}

/* One layout per cairo_t, reused for every label: creating a Pango
 * context per label would cost more than drawing the whole chart. */
PangoLayout *
md_chart_layout (cairo_t            *cr,
                 const MdChartStyle *style,
                 const char         *text,
                 double              scale,
                 gboolean            bold)
{
  TextCache *cache = cairo_get_user_data (cr, &text_cache_key);
  PangoFontDescription *desc;

  if (cache == NULL || g_strcmp0 (cache->family, style->font_family) != 0)
    {
      PangoContext *context;
      cairo_font_options_t *options = cairo_font_options_create ();

      cache = g_new0 (TextCache, 1);
      cache->layout = pango_cairo_create_layout (cr);
      cache->family = g_strdup (style->font_family);
      cache->base = pango_font_description_from_string (style->font_family);
      context = pango_layout_get_context (cache->layout);
      /* Metrics that do not depend on the device: the same layout on
       * screen, in a PDF and on paper. */
      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
      pango_cairo_context_set_font_options (context, options);
      cairo_font_options_destroy (options);
      pango_cairo_context_set_resolution (context, 72.0);
      pango_layout_context_changed (cache->layout);
      pango_layout_set_auto_dir (cache->layout, TRUE);
      cairo_set_user_data (cr, &text_cache_key, cache, text_cache_free);
    }

  /* Setting a font invalidates the layout: only when it changes. */
  if (cache->size != style->font_size * scale || cache->bold != bold)
    {
      desc = pango_font_description_copy_static (cache->base);
      pango_font_description_set_absolute_size (desc, style->font_size * scale * PANGO_SCALE);
      pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
      pango_layout_set_font_description (cache->layout, desc);
      pango_font_description_free (desc);
      cache->size = style->font_size * scale;
      cache->bold = bold;
    }
  /* Wrapping is set per use (md_chart_fit_layout, the report's text):
   * every other use gets one unwrapped line. */
  pango_layout_set_width (cache->layout, -1);
  pango_layout_set_height (cache->layout, -1);
  pango_layout_set_ellipsize (cache->layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_wrap (cache->layout, PANGO_WRAP_WORD);
  pango_layout_set_alignment (cache->layout, PANGO_ALIGN_LEFT);
  pango_layout_set_text (cache->layout, text, -1);

  return g_object_ref (cache->layout);
}

static gboolean
layout_fits (PangoLayout *layout,
             double       width,
             int          max_lines)
{
  PangoRectangle logical;

  if (max_lines > 0 && pango_layout_get_line_count (layout) > max_lines)
    return FALSE;
  /* A word longer than the width overflows a word-wrapped line. */
  pango_layout_get_extents (layout, NULL, &logical);

  return logical.width <= width * PANGO_SCALE + PANGO_SCALE / 4;
}

/**
 * md_chart_fit_layout:
 * @width: the width of the box
 * @max_lines: at most this many lines, or 0 for any number
 * @scale: the size to use when the text fits (a fraction of the font size)
 * @min_scale: the smallest size to shrink to when it does not
 *
 * Lays @text out in a box @width wide, centred: wrapped at word
 * boundaries (never inside a word) into at most @max_lines lines at
 * @scale; when it does not fit, at a smaller size, down to @min_scale in
 * steps of 5%. Only when even that does not fit is it broken inside
 * words and, beyond @max_lines, ellipsized: a translation never runs
 * into its neighbour.
 *
 * Returns: (transfer full): the shared layout (see md_chart_layout()),
 *   valid until the next call on @cr
 */
PangoLayout *
md_chart_fit_layout (cairo_t            *cr,
                     const MdChartStyle *style,
                     const char         *text,
                     double              width,
                     int                 max_lines,
                     double              scale,
                     double              min_scale,
                     gboolean            bold)
{
  PangoLayout *layout = NULL;
  int steps = MAX (0, (int) ceil ((scale - min_scale) / (scale * 0.05) - 1e-6));

  width = MAX (width, 1);
  for (int i = 0; i <= steps; i++)
    {
      double s = MAX (min_scale, scale * (1 - 0.05 * i));

      g_clear_object (&layout);
      layout = md_chart_layout (cr, style, text, s, bold);
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      if (layout_fits (layout, width, max_lines))
        return layout;
    }

  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (max_lines > 0)
    {
      pango_layout_set_height (layout, -max_lines);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }

  return layout;
}

/* Draws a layout with the top left of its box at (@x, @y). */
void
md_chart_show_layout (cairo_t            *cr,
                      const MdChartStyle *style,
                      PangoLayout        *layout,
                      double              x,
                      double              y,
                      const MdChartColor *color)
{
  md_chart_set_color (cr, color != NULL ? color : &style->foreground);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

double
md_chart_layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);

  return logical.height / (double) PANGO_SCALE;
}

double
md_chart_text_width (cairo_t            *cr,
                     const MdChartStyle *style,
                     const char         *text,
                     double              scale,
                     gboolean            bold)
{
  g_autoptr(PangoLayout) layout = md_chart_layout (cr, style, text, scale, bold);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);

  return logical.width / (double) PANGO_SCALE;
}

double
md_chart_text (cairo_t            *cr,
               const MdChartStyle *style,
               const char         *text,
               double              x,
               double              y,
               double              xalign,
               double              yalign,
               double              scale,
               gboolean            bold,
               const MdChartColor *color)
{
  g_autoptr(PangoLayout) layout = md_chart_layout (cr, style, text, scale, bold);
  PangoRectangle logical;
  double w, h;

  pango_layout_get_extents (layout, NULL, &logical);
  w = logical.width / (double) PANGO_SCALE;
  h = logical.height / (double) PANGO_SCALE;

  md_chart_set_color (cr, color != NULL ? color : &style->foreground);
  cairo_move_to (cr, x - xalign * w - logical.x / (double) PANGO_SCALE, y - yalign * h);
  pango_cairo_show_layout (cr, layout);

  return w;
}

/* How every renderer starts: the state saved (end with cairo_restore()),
 * drawing kept inside the chart's box, and its background painted. */
void
md_chart_begin (cairo_t            *cr,
                const MdChartStyle *style,
                double              width,
                double              height)
{
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  md_chart_fill_background (cr, style, width, height);
}

void
md_chart_fill_background (cairo_t            *cr,
                          const MdChartStyle *style,
                          double              width,
                          double              height)
{
  if (style->background.a <= 0)
    return;

  md_chart_set_color (cr, &style->background);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
}

void
md_chart_draw_empty (cairo_t            *cr,
                     const MdChartStyle *style,
                     double              width,
                     double              height,
                     const char         *message)
{
  md_chart_fill_background (cr, style, width, height);
  cairo_save (cr);
  md_chart_set_color (cr, &style->grid);
  cairo_set_line_width (cr, 1);
  cairo_rectangle (cr, 0.5, 0.5, width - 1, height - 1);
  cairo_stroke (cr);
  md_chart_text (cr, style, message, width / 2, height / 2, 0.5, 0.5, 1.1, FALSE, &style->muted);
  cairo_restore (cr);
}

/* 1, 2 or 5 × 10ⁿ, so that max fits in at most @max_ticks steps. */
double
md_chart_nice_step (double max,
                    int    max_ticks)
{
  double raw, magnitude, residual;

  if (max <= 0 || max_ticks < 1)
    return 1;

  raw = max / max_ticks;
  magnitude = pow (10, floor (log10 (raw)));
  residual = raw / magnitude;
  if (residual <= 1)
    return MAX (1, magnitude);
  if (residual <= 2)
    return MAX (1, 2 * magnitude);
  if (residual <= 5)
    return MAX (1, 5 * magnitude);

  return MAX (1, 10 * magnitude);
}

cairo_pattern_t *
md_chart_hatch (const MdChartColor *fill,
                const MdChartColor *lines)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 8, 8);
  cairo_t *cr = cairo_create (surface);
  cairo_pattern_t *pattern;

  md_chart_set_color (cr, fill);
  cairo_paint (cr);
  md_chart_set_color (cr, lines);
  cairo_set_line_width (cr, 1.6);
  /* one diagonal per tile, wrapped at the corners so it tiles seamlessly */
  cairo_move_to (cr, -1, 9);
  cairo_line_to (cr, 9, -1);
  cairo_move_to (cr, -1, 1);
  cairo_line_to (cr, 1, -1);
  cairo_move_to (cr, 7, 9);
  cairo_line_to (cr, 9, 7);
  cairo_stroke (cr);
  cairo_destroy (cr);

  pattern = cairo_pattern_create_for_surface (surface);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  cairo_pattern_set_filter (pattern, CAIRO_FILTER_NEAREST);
  cairo_surface_destroy (surface);

  return pattern;
}

double
md_chart_mirror (const MdChartStyle *style,
                 const MdChartRect  *rect,
                 double              x)
{
  if (!style->rtl)
    return x;

  return rect->x + rect->width - (x - rect->x);
}

/* The first day of the week of the user's locale, as GDateWeekday. */
int
md_chart_locale_first_weekday (void)
{
#ifdef _NL_TIME_FIRST_WEEKDAY
  /* glibc: the weekday of week_1stday (a Sunday or Monday) plus
   * first_weekday − 1; see locale(5). */
  union { unsigned int word; char *string; } week_1stday;
  int first_weekday = nl_langinfo (_NL_TIME_FIRST_WEEKDAY)[0];
  int week_origin;

  week_1stday.string = nl_langinfo (_NL_TIME_WEEK_1STDAY);
  week_origin = week_1stday.word;
  if (week_origin == 19971130) /* a Sunday */
    week_origin = 0;
  else if (week_origin == 19971201) /* a Monday */
    week_origin = 1;
  else
    return G_DATE_MONDAY;

  /* 0 = Sunday … 6 = Saturday → GDateWeekday 1 = Monday … 7 = Sunday */
  first_weekday = (week_origin + first_weekday - 1) % 7;
  return first_weekday == 0 ? G_DATE_SUNDAY : first_weekday;
#else
  return G_DATE_MONDAY;
#endif
}

char *
md_chart_format_day (int         day,
                     const char *format)
{
  GDate date;
  g_autoptr(GDateTime) dt = NULL;

  md_stats_day_to_date (day, &date);
  dt = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                            g_date_get_day (&date), 12, 0, 0);

  return g_date_time_format (dt, format);
}

/* Numbers go through printf after setlocale(), so they carry the
 * locale's decimal separator. */
char *
md_chart_format_number (double value,
                        int    decimals)
{
  if (isnan (value))
    /* Translators: shown where a number cannot be computed (no data) */
    return g_strdup (C_("number", "–"));

  return g_strdup_printf ("%.*f", decimals, value);
}

/* Replaces every @from in @text (which it takes) with @to. */
static char *
replace (char       *text,
         const char *from,
         const char *to)
{
  g_auto(GStrv) parts = g_strsplit (text, from, -1);

  g_free (text);

  return g_strjoinv (to, parts);
}

/* A number and its sign are one word: the spaces in a translated
 * number format ("%.0f %%") become no-break spaces, so "17" and "%"
 * never end up on two lines, whatever space the translator typed. */
static char *
no_break_spaces (char *text)
{
  return replace (text, " ", "\u00a0");
}

char *
md_chart_format_percent (double fraction)
{
  if (isnan (fraction))
    return g_strdup (C_("number", "–"));

  /* Translators: a percentage; %.0f is the number, %% the percent sign.
   * Write it as your language does: "%.0f%%", or with a no-break space
   * (U+00A0) or a narrow no-break space (U+202F) where your language
   * puts a space, e.g. German "%.0f %%", French "%.0f %%"; never an
   * ordinary space, which lets a line break between number and sign. */
  return no_break_spaces (g_strdup_printf (C_("percent", "%.0f%%"), fraction * 100));
}

char *
md_chart_format_percent_change (double percent)
{
  if (isnan (percent))
    return g_strdup (C_("number", "–"));

  /* Translators: a change in percent with its sign, e.g. "−50%"; write
   * it as "percent" above, with a no-break space where your language
   * puts a space */
  return no_break_spaces (g_strdup_printf (C_("percent change", "%+.0f%%"), percent));
}

/**
 * md_chart_keep_together:
 *
 * Where a rate is laid out in a narrow space: its interval
 * ("(17%–69%)") and its "n = 10" stay on one line each; the line may
 * break between the value, the interval and n. Takes @rate.
 */
char *
md_chart_keep_together (char *rate)
{
  /* U+2060 WORD JOINER: no break beside the dash, and nothing drawn */
  rate = replace (rate, "–", "\u2060–\u2060");

  return replace (rate, " = ", "\u00a0=\u00a0");
}

/* A change with its sign, a real minus for a fall: "−4.0", "+1.5", "0.0". */
char *
md_chart_format_signed (double value,
                        int    decimals)
{
  g_autofree char *number = NULL;

  if (isnan (value))
    return g_strdup (C_("number", "–"));

  number = g_strdup_printf ("%.*f", decimals, fabs (value));
  if (round (value * pow (10, decimals)) == 0)
    return g_steal_pointer (&number);

  return g_strconcat (value < 0 ? "−" : "+", number, NULL);
}

/**
 * md_chart_format_outcome:
 *
 * The primary outcome of a treatment (CLINICAL.md), wherever a result is
 * shown: migraine days per 28 days at baseline → in the evaluation
 * window, the change in days, then in percent.
 *
 * Returns: (transfer full): e.g. "8.0 → 4.0, −4.0 days, −50%"
 */
char *
md_chart_format_outcome (const MdStatsComparison *cmp)
{
  g_autofree char *before = md_chart_format_number (cmp->baseline_rate, 1);
  g_autofree char *after = md_chart_format_number (cmp->evaluation_rate, 1);
  g_autofree char *change = md_chart_format_signed (cmp->change, 1);
  g_autofree char *percent = NULL;

  if (isnan (cmp->percent_change))
    percent = g_strdup (C_("number", "–"));
  else
    {
      g_autofree char *size = md_chart_format_percent (fabs (cmp->percent_change) / 100);
      g_autofree char *rounded = md_chart_format_signed (cmp->percent_change, 0);
      const char *sign = g_str_has_prefix (rounded, "−") ? "−" : rounded[0] == '+' ? "+" : "";

      /* The sign of the rounded number, then the locale's way of writing
       * a percentage ("50%", "50 %") */
      percent = g_strconcat (sign, size, NULL);
    }

  /* Translators: the primary outcome of a treatment: migraine days per 28
   * days before → after it, the change in days and in percent, e.g.
   * "8.0 → 4.0, −4.0 days, −50%" */
  return g_strdup_printf (_("%s → %s, %s days, %s"), before, after, change, percent);
}

/**
 * md_chart_format_responder:
 *
 * Returns: (transfer full): the responder results beside the outcome,
 *   e.g. "≥50%: yes; ≥75%: no; 100%: no", or that the evaluation window
 *   cannot tell yet
 */
char *
md_chart_format_responder (const MdStatsComparison *cmp)
{
  if (!cmp->evaluable)
    /* Translators: the evaluation window (e.g. weeks 9–12) has not ended or has no entries */
    return g_strdup (_("not yet evaluable"));

  /* Translators: responder result: threshold and yes/no for ≥50%, ≥75%, 100% */
  return g_strdup_printf (_("≥%d%%: %s; ≥75%%: %s; 100%%: %s"), cmp->responder_threshold,
                          cmp->responder ? _("yes") : _("no"),
                          cmp->responder_75 ? _("yes") : _("no"),
                          cmp->responder_100 ? _("yes") : _("no"));
}

char *
md_chart_format_rate (const MdStatsRate *rate)
{
  g_autofree char *value = NULL;
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;

  if (rate->n == 0)
    /* Translators: a rate that has no doses to be computed from */
    return g_strdup (_("no data (n = 0)"));

  value = md_chart_format_percent (rate->value);
  low = md_chart_format_percent (rate->low);
  high = md_chart_format_percent (rate->high);

  /* Translators: a rate with its 95% confidence interval and its number
   * of doses, e.g. "50% (15%–85%), n = 4" */
  return g_strdup_printf (_("%s (%s–%s), n = %d"), value, low, high, rate->n);
}

/**
 * md_chart_class_for:
 *
 * Returns: the functions that draw and describe a chart of @kind
 */
const MdChartClass *
md_chart_class_for (MdChartKind kind)
{
  static const MdChartClass *classes[] = {
    [MD_CHART_KIND_FREQUENCY] = &md_chart_frequency_class,
    [MD_CHART_KIND_PAIN] = &md_chart_pain_class,
    [MD_CHART_KIND_CALENDAR] = &md_chart_calendar_class,
    [MD_CHART_KIND_BEFORE_AFTER] = &md_chart_before_after_class,
  };

  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (classes), &md_chart_calendar_class);

  return classes[kind];
}

char *
md_chart_describe_at (const MdChartClass *klass,
                      const MdChartModel *model,
                      const MdChartStyle *style,
                      double              width,
                      double              height,
                      double              x,
                      double              y)
{
  int item;

  g_return_val_if_fail (klass != NULL, NULL);

  if (klass->hit_test == NULL)
    return NULL;

  item = klass->hit_test (model, style, width, height, x, y);

  return item != MD_CHART_NO_HIT ? klass->describe_item (model, item) : NULL;
}

/**
 * md_chart_measuring_context:
 *
 * Returns: (transfer full): a context to measure text with, where a
 *   chart is laid out but not drawn (a hit test)
 */
cairo_t *
md_chart_measuring_context (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);

  /* The context keeps the surface. */
  cairo_surface_destroy (surface);

  return cr;
}
