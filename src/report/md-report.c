/* md-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report is a list of blocks (headings, paragraphs, tables, charts)
 * measured with Pango and placed on pages: a table breaks between rows
 * and repeats its header, a chart moves whole to the next page, and a
 * heading stays with what follows it. Every page ends with the footnote
 * and "Page X of Y". Layout uses device-independent metrics (no hinting),
 * so a page is the same on paper, in the PDF and in a preview.
 */

#define G_LOG_DOMAIN "md-report"

#include "config.h"

#include <langinfo.h>
#include <math.h>
#include <string.h>
#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "md-catalogue.h"
#include "md-chart-private.h"
#include "md-error.h"
#include "md-report.h"

#define BASE_SIZE 9.0
#define TABLE_SIZE 7.2
#define CELL_PAD 3.0
#define BLOCK_GAP 10.0

typedef enum
{
  BLOCK_TITLE,
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_NOTE,
  BLOCK_TABLE,
  BLOCK_FREQUENCY,
  BLOCK_PAIN,
  BLOCK_CALENDAR,
  BLOCK_BEFORE_AFTER,
} BlockKind;

typedef struct
{
  BlockKind   kind;
  char       *text;
  /* Tables */
  guint       n_columns;
  double     *widths;   /* the share of spare room each column gets */
  double     *column_widths; /* in points, from the content (size_columns) */
  gboolean   *break_words;   /* a column too narrow for its longest word */
  double      font_size;
  char      **header;
  GPtrArray  *rows;     /* char ** each, n_columns cells */
  double     *row_heights;
  double      header_height;
  /* Charts */
  double      height;
  int         first_month;
  int         n_months;
  int         treatment;  /* before/after: index into stats->treatments */
} Block;

typedef struct
{
  int     page;
  double  y;
  Block  *block;
  guint   row_from;
  guint   row_to;
  double  height;
} Placement;

struct _MdReport
{
  MdStatsData     *data;
  MdStatsSettings  settings;
  MdStats         *stats;
  int              first_day;
  int              last_day;
  char            *patient_name;
  gboolean         rtl;
  gint64           generated;
  gboolean         has_comparison;
  MdStatsTreatment comparison;

  double           width;
  double           height;
  double           margin;
  GPtrArray       *blocks;     /* Block */
  GArray          *placements; /* Placement */
  int              n_pages;
  cairo_surface_t *measure_surface;
  cairo_t         *measure;
};

static void
block_free (gpointer data)
{
  Block *b = data;

  g_free (b->text);
  g_free (b->widths);
  g_free (b->column_widths);
  g_free (b->break_words);
  g_strfreev (b->header);
  g_clear_pointer (&b->rows, g_ptr_array_unref);
  g_free (b->row_heights);
  g_free (b);
}

MdReport *
md_report_new (MdStatsData           *data,
               const MdStatsSettings *settings,
               int                    first_day,
               int                    last_day)
{
  MdReport *self;

  g_return_val_if_fail (data != NULL && data->finished, NULL);
  g_return_val_if_fail (first_day <= last_day, NULL);

  self = g_new0 (MdReport, 1);
  self->data = md_stats_data_ref (data);
  self->settings = *settings;
  self->first_day = first_day;
  self->last_day = last_day;
  self->stats = md_stats_compute (data, settings, first_day, last_day);
  self->generated = data->now;
  self->rtl = md_report_locale_is_rtl ();
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->placements = g_array_new (FALSE, TRUE, sizeof (Placement));
  self->measure_surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  self->measure = cairo_create (self->measure_surface);

  return self;
}

void
md_report_free (MdReport *self)
{
  if (self == NULL)
    return;

  md_stats_free (self->stats);
  md_stats_data_unref (self->data);
  g_free (self->patient_name);
  g_ptr_array_unref (self->blocks);
  g_array_unref (self->placements);
  cairo_destroy (self->measure);
  cairo_surface_destroy (self->measure_surface);
  g_free (self);
}

void
md_report_set_patient_name (MdReport   *self,
                            const char *name)
{
  g_free (self->patient_name);
  self->patient_name = name != NULL && *name != '\0' ? g_strdup (name) : NULL;
}

void
md_report_set_comparison (MdReport               *self,
                          const MdStatsTreatment *treatment)
{
  self->has_comparison = treatment != NULL;
  if (treatment != NULL)
    self->comparison = *treatment;
}

static char *format_day (int day);
static char *treatment_label (MdReport *self, const MdStatsTreatment *t);

/**
 * md_report_describe_scope:
 *
 * Returns: (transfer full): which period, and which treatment compared,
 *   the report covers, one per line, as its header says them
 */
char *
md_report_describe_scope (MdReport *self)
{
  g_autofree char *from = format_day (self->first_day);
  g_autofree char *to = format_day (self->last_day);
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, _("Period: %s – %s"), from, to);
  if (self->has_comparison)
    {
      g_autofree char *label = treatment_label (self, &self->comparison);
      g_autofree char *start = format_day (self->comparison.start_day);

      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Treatment compared: %s, from %s"), label, start);
    }

  return g_string_free (text, FALSE);
}

void
md_report_set_rtl (MdReport *self,
                   gboolean  rtl)
{
  self->rtl = rtl;
}

void
md_report_set_generated (MdReport *self,
                         gint64    unix_time)
{
  self->generated = unix_time;
}

/* Locale */

void
md_report_locale_paper (double *width,
                        double *height)
{
  int w_mm = 210, h_mm = 297;

#ifdef _NL_PAPER_WIDTH
  /* glibc returns the number itself in the pointer (see locale(5)). */
  union { char *string; unsigned int word; } w, h;

  w.string = nl_langinfo (_NL_PAPER_WIDTH);
  h.string = nl_langinfo (_NL_PAPER_HEIGHT);
  if (w.word > 0 && h.word > 0 && w.word < 1000 && h.word < 1000)
    {
      w_mm = (int) w.word;
      h_mm = (int) h.word;
    }
#endif

  /* Letter is 8.5 × 11 in; A4 is 210 × 297 mm. */
  if (w_mm == 216 && h_mm == 279)
    {
      *width = 612;
      *height = 792;
    }
  else
    {
      *width = w_mm / 25.4 * 72;
      *height = h_mm / 25.4 * 72;
    }
}

gboolean
md_report_locale_is_rtl (void)
{
  /* The same test GTK uses: translators set the direction of the
   * language through this message. */
  /* Translators: write "default:RTL" if your language is written right
   * to left, "default:LTR" otherwise; do not translate the words */
  const char *direction = C_("text direction", "default:LTR");

  return g_strcmp0 (direction, "default:RTL") == 0;
}

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

/* A date is read as one thing: its spaces become no-break spaces, so a
 * narrow column wraps around it, never through it. Takes @text. */
static char *
no_break (char *text)
{
  g_auto(GStrv) parts = g_strsplit (g_strstrip (text), " ", -1);

  g_free (text);

  return g_strjoinv ("\u00a0", parts);
}

static char *
format_day (int day)
{
  /* Translators: strftime format of a date in the report, e.g. "3 Mar 2026" */
  return no_break (md_chart_format_day (day, C_("report date", "%-d %b %Y")));
}

/* Blocks */

static Block *
add_block (MdReport   *self,
           BlockKind   kind,
           const char *text)
{
  Block *b = g_new0 (Block, 1);

  b->kind = kind;
  b->text = g_strdup (text);
  g_ptr_array_add (self->blocks, b);

  return b;
}

static Block *
add_table (MdReport         *self,
           const char * const *header,
           const double     *widths,
           guint             n_columns)
{
  Block *b = add_block (self, BLOCK_TABLE, NULL);

  b->n_columns = n_columns;
  b->widths = g_memdup2 (widths, sizeof (double) * n_columns);
  b->header = g_strdupv ((char **) header);
  b->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  return b;
}

static void
table_add_row (Block *table,
               ...)
{
  char **row = g_new0 (char *, table->n_columns + 1);
  va_list args;

  va_start (args, table);
  for (guint i = 0; i < table->n_columns; i++)
    {
      const char *cell = va_arg (args, const char *);
      row[i] = g_strdup (cell != NULL ? cell : "");
    }
  va_end (args);
  g_ptr_array_add (table->rows, row);
}

static char *
rate_cell (const MdStatsRate *rate)
{
  g_autofree char *value = NULL;
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;

  if (rate->n == 0)
    /* Translators: a rate with no doses to compute it from (n = 0) */
    return g_strdup (_("n = 0"));

  value = md_chart_format_percent (rate->value);
  low = md_chart_format_percent (rate->low);
  high = md_chart_format_percent (rate->high);

  /* Translators: a rate in a report table cell: value, 95% interval, n; "\n" is a line break */
  return md_chart_keep_together (g_strdup_printf (_("%s\n(%s–%s)\nn = %d"), value, low, high, rate->n));
}

/* What separates the items of a list: a comma is not every script's. */
static const char *
list_separator (void)
{
  /* Translators: what separates the items of a list in the report, e.g.
   * "nausea, light sensitivity": Japanese writes "、", Arabic "، ".
   * Keep a space after it where your language puts one. */
  return C_("list separator", ", ");
}

/* A pain level, or a dash where the reading is missing */
static const char *
pain_name (int pain)
{
  return pain >= 0 ? md_pain_level_get_label (pain) : C_("number", "–");
}

static char *
class_days_text (const MdStatsSpan *span)
{
  GString *text = g_string_new (NULL);

  for (guint k = 0; k < MD_STATS_N_CLASSES; k++)
    {
      const char *label;
      g_autofree char *days = NULL;

      if (span->class_days[k] == 0)
        continue;
      label = md_catalogue_get_label (MD_CATALOGUE_MEDICATION_CLASS, md_stats_class_to_key (k));
      days = md_chart_format_number (md_stats_span_rate (span, span->class_days[k]), 1);
      if (text->len > 0)
        g_string_append (text, list_separator ());

      /* Translators: medication days per class per 28 recorded days in the
       * report, e.g. "Triptan 6.0" */
      g_string_append_printf (text, C_("class days", "%s %s"), label, days);
    }

  return g_string_free (text, FALSE);
}

static char *
flags_text (const MdStatsSpan *span)
{
  GPtrArray *flags = g_ptr_array_new ();
  char *text;

  if (span->overuse)
    /* Translators: a flag in the report's window table */
    g_ptr_array_add (flags, (gpointer) _("medication-overuse pattern"));
  if (span->chronic)
    g_ptr_array_add (flags, (gpointer) _("chronic pattern"));
  if (span->early_notice && !span->overuse)
    g_ptr_array_add (flags, (gpointer) _("≥10 acute-medication days"));
  if (span->recorded == 0)
    /* Translators: a flag in the report's window table: no rate can be given */
    g_ptr_array_add (flags, (gpointer) _("no day recorded"));
  else if (span->incomplete)
    g_ptr_array_add (flags, (gpointer) _("incomplete"));
  g_ptr_array_add (flags, NULL);
  text = g_strjoinv (list_separator (), (char **) flags->pdata);
  g_ptr_array_free (flags, TRUE);

  return text;
}

static void
build_header (MdReport *self)
{
  const MdStats *stats = self->stats;
  g_autofree char *from = format_day (self->first_day);
  g_autofree char *to = format_day (self->last_day);
  g_autofree char *generated = NULL;
  g_autofree char *period = NULL;
  g_autofree char *recorded = NULL;
  g_autofree char *definitions = md_stats_settings_describe (&self->settings);
  g_autofree char *percent = md_chart_format_percent ((double) stats->total.recorded /
                                                      (self->last_day - self->first_day + 1));
  GString *lines = g_string_new (NULL);

  {
    g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (self->generated);
    /* Translators: strftime format of the date the report was made */
    g_autofree char *text = g_date_time_format (now, C_("report date", "%-d %b %Y"));
    generated = g_strdup (g_strstrip (text));
  }

  add_block (self, BLOCK_TITLE, _("Migraine Diary report"));

  if (self->patient_name != NULL)
    {
      /* Translators: report header */
      g_string_append_printf (lines, _("Patient: %s"), self->patient_name);
      g_string_append_c (lines, '\n');
    }
  /* Translators: report header: the period covered */
  period = g_strdup_printf (_("Period: %s – %s"), from, to);
  g_string_append (lines, period);
  g_string_append_c (lines, '\n');
  /* Translators: report header */
  g_string_append_printf (lines, _("Generated: %s"), generated);
  g_string_append_c (lines, '\n');
  if (self->has_comparison)
    {
      g_autofree char *label = treatment_label (self, &self->comparison);
      g_autofree char *start = format_day (self->comparison.start_day);

      /* Translators: report header: the treatment the frequency chart compares, and its first day */
      g_string_append_printf (lines, _("Treatment compared: %s, from %s"), label, start);
      g_string_append_c (lines, '\n');
    }
  /* Translators: report header: days with an entry, of all days, and the share */
  recorded = g_strdup_printf (ngettext ("Days recorded: %d of %d day (%s complete)",
                                        "Days recorded: %d of %d days (%s complete)",
                                        self->last_day - self->first_day + 1),
                              stats->total.recorded, self->last_day - self->first_day + 1, percent);
  g_string_append (lines, recorded);
  add_block (self, BLOCK_PARAGRAPH, lines->str);
  g_string_free (lines, TRUE);

  add_block (self, BLOCK_HEADING, _("Definitions used"));
  add_block (self, BLOCK_NOTE, definitions);
}

static void build_history (MdReport *self);

/* One row per treatment: a course and its infusion series together */
static char *
treatment_label (MdReport               *self,
                 const MdStatsTreatment *t)
{
  const char *name = g_array_index (self->data->medications, MdStatsMedication, t->medication).name;

  if (t->n_infusions == 0)
    return g_strdup (name);

  /* Translators: a treatment with its number of infusions, e.g.
   * "Magnesium sulfate IV 1 g (5 infusions)" */
  return g_strdup_printf (ngettext ("%s (%d infusion)", "%s (%d infusions)", t->n_infusions),
                          name, t->n_infusions);
}

static void
build_summary (MdReport *self)
{
  const MdStats *stats = self->stats;
  const char *header[] = {
    /* Translators: column headers of the report's table per 28-day window */
    C_("report column", "28 days from"), C_("report column", "Days recorded"),
    C_("report column", "Headache days"), C_("report column", "Migraine days"),
    C_("report column", "Moderate or severe days"), C_("report column", "Acute-medication days"),
    C_("report column", "Acute-medication days by class"), C_("report column", "Flags"), NULL,
  };
  const double widths[] = { 0.12, 0.09, 0.09, 0.09, 0.10, 0.11, 0.22, 0.18 };
  g_autofree char *total_h = md_chart_format_number (md_stats_span_rate (&stats->total, stats->total.headache), 1);
  g_autofree char *total_m = md_chart_format_number (md_stats_span_rate (&stats->total, stats->total.migraine), 1);
  g_autofree char *total_s = md_chart_format_number (md_stats_span_rate (&stats->total, stats->total.moderate_severe), 1);
  g_autofree char *total_a = md_chart_format_number (md_stats_span_rate (&stats->total, stats->total.acute), 1);
  g_autofree char *summary = NULL;
  Block *table;

  add_block (self, BLOCK_HEADING, _("Summary per 28 days"));
  /* Translators: the report's summary over the whole period; rates per 28 recorded days */
  summary = g_strdup_printf (_("Over the whole period, per 28 recorded days: %s headache days, %s migraine days, %s moderate or severe days, %s acute-medication days."),
                             total_h, total_m, total_s, total_a);
  add_block (self, BLOCK_PARAGRAPH, summary);

  /* The treatment history comes first after the summary: it is what the
   * neurologist decides the next treatment from. */
  build_history (self);

  add_block (self, BLOCK_HEADING, _("Per 28-day window"));
  add_block (self, BLOCK_NOTE, _("Each window as days per 28 recorded days. A window with fewer than 24 recorded days is marked incomplete and shown at its rate; a window with no recorded day has no rate."));

  table = add_table (self, header, widths, G_N_ELEMENTS (widths));
  for (guint i = 0; i < stats->windows->len; i++)
    {
      const MdStatsSpan *w = &g_array_index (stats->windows, MdStatsSpan, i);
      g_autofree char *from = format_day (w->first_day);
      /* Translators: recorded days of a 28-day window in the report, e.g. "20 / 28 recorded" */
      g_autofree char *recorded = g_strdup_printf (_("%d / %d recorded"), w->recorded, w->n_days);
      /* Rates, never raw counts: an incomplete window beside full ones
       * would otherwise look better than it was. */
      g_autofree char *h = md_chart_format_number (md_stats_span_rate (w, w->headache), 1);
      g_autofree char *m = md_chart_format_number (md_stats_span_rate (w, w->migraine), 1);
      g_autofree char *s = md_chart_format_number (md_stats_span_rate (w, w->moderate_severe), 1);
      g_autofree char *a = md_chart_format_number (md_stats_span_rate (w, w->acute), 1);
      g_autofree char *classes = class_days_text (w);
      g_autofree char *flags = flags_text (w);

      table_add_row (table, from, recorded, h, m, s, a, classes, flags);
    }
}

static void
build_flags (MdReport *self)
{
  const MdStats *stats = self->stats;
  GString *text = g_string_new (NULL);

  add_block (self, BLOCK_HEADING, _("Threshold patterns"));

  if (stats->overuse_run > 0)
    g_string_append_printf (text,
                            /* Translators: report; ICHD-3 8.2 thresholds; %d is a count of consecutive 28-day windows */
                            ngettext ("Medication-overuse pattern (ICHD-3 8.2 thresholds): met in %d consecutive 28-day window at most; ICHD-3 requires more than 3 months.",
                                      "Medication-overuse pattern (ICHD-3 8.2 thresholds): met in %d consecutive 28-day windows at most; ICHD-3 requires more than 3 months.",
                                      stats->overuse_run),
                            stats->overuse_run);
  else
    g_string_append (text, _("Medication-overuse pattern (ICHD-3 8.2 thresholds): not met in any 28-day window."));
  g_string_append_c (text, '\n');

  if (stats->chronic_run > 0)
    g_string_append_printf (text,
                            ngettext ("Chronic pattern (≥15 headache days with ≥8 migraine days): met in %d consecutive 28-day window at most; ICHD-3 1.3 requires at least 3.",
                                      "Chronic pattern (≥15 headache days with ≥8 migraine days): met in %d consecutive 28-day windows at most; ICHD-3 1.3 requires at least 3.",
                                      stats->chronic_run),
                            stats->chronic_run);
  else
    g_string_append (text, _("Chronic pattern (≥15 headache days with ≥8 migraine days): not met in any 28-day window."));
  g_string_append_c (text, '\n');

  g_string_append_printf (text,
                          ngettext ("Early notice (≥10 acute-medication days): %d window.",
                                    "Early notice (≥10 acute-medication days): %d windows.",
                                    stats->early_notice_windows),
                          stats->early_notice_windows);
  g_string_append_c (text, '\n');

  if (stats->status_migrainosus->len > 0)
    {
      g_string_append_printf (text,
                              ngettext ("Status migrainosus pattern (an attack over 72 h, breaks up to 12 h): %u attack:",
                                        "Status migrainosus pattern (an attack over 72 h, breaks up to 12 h): %u attacks:",
                                        stats->status_migrainosus->len),
                              stats->status_migrainosus->len);
      for (guint i = 0; i < stats->status_migrainosus->len; i++)
        {
          const MdStatsEpisode *e = &g_array_index (stats->status_migrainosus, MdStatsEpisode, i);
          g_autofree char *day = format_day (e->start_day);
          g_autofree char *hours = md_chart_format_number (e->hours, 0);
          /* Translators: one status migrainosus episode: its first day and its length in hours */
          g_autofree char *episode = g_strdup_printf (_(" %s (%s h)"), day, hours);

          /* The first after the colon with its space; then the separator's */
          if (i > 0)
            g_string_append (text, list_separator ());
          g_string_append (text, i > 0 ? g_strchug (episode) : episode);
        }
    }
  else
    g_string_append (text, _("Status migrainosus pattern (an attack over 72 h, breaks up to 12 h): none."));
  g_string_append_c (text, '\n');

  if (stats->cycles >= 3)
    {
      g_autofree char *peri = md_chart_format_percent (stats->perimenstrual_recorded > 0
                                                       ? (double) stats->perimenstrual_migraine / stats->perimenstrual_recorded : NAN);
      g_autofree char *other = md_chart_format_percent (stats->other_recorded > 0
                                                        ? (double) stats->other_migraine / stats->other_recorded : NAN);

      g_string_append_printf (text,
                              /* Translators: report; the perimenstrual window is day −2 to day +3 */
                              ngettext ("Menstrual pattern: %d cycle recorded; %d with a migraine day from day −2 to day +3. Migraine on %s of recorded perimenstrual days and on %s of other recorded days.",
                                        "Menstrual pattern: %d cycles recorded; %d with a migraine day from day −2 to day +3. Migraine on %s of recorded perimenstrual days and on %s of other recorded days.",
                                        stats->cycles),
                              stats->cycles, stats->cycles_with_migraine, peri, other);
    }
  else
    g_string_append_printf (text,
                            ngettext ("Menstrual pattern: shown from 3 recorded cycles (%d recorded).",
                                      "Menstrual pattern: shown from 3 recorded cycles (%d recorded).",
                                      stats->cycles),
                            stats->cycles);

  add_block (self, BLOCK_PARAGRAPH, text->str);
  g_string_free (text, TRUE);
}

static void
build_treatments (MdReport *self)
{
  const MdStats *stats = self->stats;
  g_autofree char *note = NULL;
  const char *header[6];
  const double widths[] = { 0.25, 0.11, 0.26, 0.16, 0.22 };
  Block *table;

  if (stats->treatments->len == 0)
    return;

  header[0] = C_("report column", "Treatment");
  header[1] = C_("report column", "Start");
  /* Translators: report column: the primary outcome, e.g. "8.0 → 4.0, −4.0 days, −50%" */
  header[2] = C_("report column", "Migraine days per 28 days");
  /* Translators: report column: recorded days of the baseline, then of the evaluation window */
  header[3] = C_("report column", "Days recorded");
  header[4] = C_("report column", "Responder");
  header[5] = NULL;

  add_block (self, BLOCK_HEADING, _("Before and after treatments"));
  note = g_strdup_printf (ngettext ("Migraine days per 28 recorded days in the %d day before each treatment → in weeks %d–%d after it; the change in days (the primary outcome), then in percent.",
                                    "Migraine days per 28 recorded days in the %d days before each treatment → in weeks %d–%d after it; the change in days (the primary outcome), then in percent.",
                                    self->settings.baseline_days),
                          self->settings.baseline_days, self->settings.evaluation_first_week,
                          self->settings.evaluation_last_week);
  add_block (self, BLOCK_NOTE, note);
  table = add_table (self, header, widths, G_N_ELEMENTS (widths));
  for (guint i = 0; i < stats->treatments->len; i++)
    {
      const MdStatsTreatment *t = &g_array_index (stats->treatments, MdStatsTreatment, i);
      MdStatsComparison cmp;
      gboolean latest_before = TRUE;
      g_autofree char *label = NULL;
      g_autofree char *start = NULL;
      g_autofree char *outcome = NULL;
      g_autofree char *recorded = NULL;
      g_autofree char *responder = NULL;

      /* The treatments started in the period, and the last one before it
       * for context: older ones belong in an older report. */
      for (guint j = 0; j < stats->treatments->len; j++)
        {
          const MdStatsTreatment *u = &g_array_index (stats->treatments, MdStatsTreatment, j);

          if (u->start_day > t->start_day && u->start_day < self->first_day)
            latest_before = FALSE;
        }
      if (t->start_day > self->last_day || (t->start_day < self->first_day && !latest_before))
        continue;

      start = format_day (t->start_day);
      md_stats_compare (stats, t, &cmp);
      label = treatment_label (self, t);
      outcome = md_chart_format_outcome (&cmp);
      /* Translators: recorded days of the baseline → of the evaluation
       * window, e.g. "28 / 28 → 21 / 28" */
      recorded = g_strdup_printf (_("%d / %d → %d / %d"), cmp.baseline.recorded, cmp.baseline.n_days,
                                  cmp.evaluation.recorded, cmp.evaluation.n_days);
      responder = md_chart_format_responder (&cmp);
      table_add_row (table, label, start, outcome, recorded, responder);
    }
}

static void
build_charts (MdReport *self)
{
  Block *b;
  guint n_months = self->stats->months->len;

  add_block (self, BLOCK_HEADING, _("Attack frequency"));
  b = add_block (self, BLOCK_FREQUENCY, NULL);
  b->height = 250;

  /* Pain beside frequency: a panel per treatment whose evaluation window
   * lies in the report's period. */
  for (guint i = 0; i < self->stats->treatments->len; i++)
    {
      const MdStatsTreatment *t = &g_array_index (self->stats->treatments, MdStatsTreatment, i);
      int eval_first = t->start_day + 7 * (self->settings.evaluation_first_week - 1);
      int eval_last = t->start_day + 7 * self->settings.evaluation_last_week - 1;
      g_autofree char *label = NULL;
      g_autofree char *heading = NULL;

      if (eval_first < self->first_day || eval_last > self->last_day)
        continue;
      label = treatment_label (self, t);
      /* Translators: report heading of the before/after panel of one treatment */
      heading = g_strdup_printf (_("Before and after: %s"), label);
      add_block (self, BLOCK_HEADING, heading);
      b = add_block (self, BLOCK_BEFORE_AFTER, NULL);
      b->treatment = (int) i;
      b->height = 175;
    }

  add_block (self, BLOCK_HEADING, _("Pain before and after treatment"));
  b = add_block (self, BLOCK_PAIN, NULL);
  b->height = 270;

  add_block (self, BLOCK_HEADING, _("Calendar"));
  for (guint m = 0; m < n_months; m += 12)
    {
      guint n = MIN (12, n_months - m);

      b = add_block (self, BLOCK_CALENDAR, NULL);
      b->first_month = (int) m;
      b->n_months = (int) n;
      b->height = 60 + 95 * ((n + 3) / 4);
    }
}

static void
build_response (MdReport *self)
{
  const MdStats *stats = self->stats;
  const char *header[] = {
    /* Translators: column headers of the report's acute response table */
    C_("report column", "Medication"), C_("report column", "Doses"),
    C_("report column", "Pain-free at 2 h"), C_("report column", "… treated at mild pain"),
    C_("report column", "… at moderate or severe pain"), C_("report column", "Relief at 2 h"),
    C_("report column", "Most bothersome symptom gone at 2 h"), C_("report column", "Sustained pain-free 24 h"),
    C_("report column", "Sustained pain-free 48 h"),
    C_("report column", "Recurrence within 48 h"), C_("report column", "Rescue medication"), NULL,
  };
  const double widths[] = { 0.13, 0.05, 0.09, 0.09, 0.09, 0.09, 0.09, 0.09, 0.09, 0.1, 0.09 };
  Block *table;

  add_block (self, BLOCK_HEADING, _("Acute treatment response"));
  add_block (self, BLOCK_NOTE, _("Per dose of an acute medication, with 95% Wilson intervals and n. Doses without a reading 2 hours later are left out, not counted as failures; another acute medication within 2 hours counts as a failure."));
  if (stats->medications->len == 0)
    {
      add_block (self, BLOCK_PARAGRAPH, _("No acute doses in this period."));
      return;
    }

  table = add_table (self, header, widths, G_N_ELEMENTS (widths));
  for (guint i = 0; i < stats->medications->len; i++)
    {
      const MdStatsMedicationResponse *m = &g_array_index (stats->medications, MdStatsMedicationResponse, i);
      const char *name = g_array_index (self->data->medications, MdStatsMedication, m->medication).name;
      g_autofree char *doses = g_strdup_printf ("%d", m->n_doses);
      g_autofree char *pf = rate_cell (&m->pain_free_2h);
      g_autofree char *mild = rate_cell (&m->pain_free_2h_mild);
      g_autofree char *modsev = rate_cell (&m->pain_free_2h_moderate_severe);
      g_autofree char *relief = rate_cell (&m->relief_2h);
      g_autofree char *mbs = rate_cell (&m->mbs_free_2h);
      g_autofree char *sustained = rate_cell (&m->sustained_24h);
      g_autofree char *sustained_48 = rate_cell (&m->sustained_48h);
      g_autofree char *recurrence = rate_cell (&m->recurrence);
      g_autofree char *rescue = rate_cell (&m->rescue);

      if (!isnan (m->median_recurrence_hours))
        {
          g_autofree char *hours = md_chart_format_number (m->median_recurrence_hours, 0);
          /* Translators: median time to recurrence in hours, added below the recurrence rate */
          g_autofree char *more = g_strdup_printf (_("%s\nmedian after %s h"), recurrence, hours);

          g_free (recurrence);
          recurrence = g_steal_pointer (&more);
        }
      table_add_row (table, name, doses, pf, mild, modsev, relief, mbs, sustained, sustained_48, recurrence, rescue);
    }
}

static const MdStatsDoseResponse *
response_for (const MdStats *stats,
              int            dose)
{
  for (guint i = 0; i < stats->responses->len; i++)
    if (g_array_index (stats->responses, MdStatsDoseResponse, i).dose == dose)
      return &g_array_index (stats->responses, MdStatsDoseResponse, i);

  return NULL;
}

static void
build_infusions (MdReport *self)
{
  MdStatsData *data = self->data;
  const char *header[] = {
    /* Translators: column headers of the report's infusion log */
    C_("report column", "Date"), C_("report column", "Medication and amount"),
    C_("report column", "Duration"), C_("report column", "Given with"),
    C_("report column", "Pain at 0 / 2 h / 24 h"), C_("report column", "Side effects"), NULL,
  };
  const double widths[] = { 0.12, 0.22, 0.1, 0.2, 0.16, 0.2 };
  Block *table = NULL;

  for (guint i = 0; i < data->doses->len; i++)
    {
      const MdStatsDose *d = &g_array_index (data->doses, MdStatsDose, i);
      const char *name = g_array_index (data->medications, MdStatsMedication, d->medication).name;
      const MdStatsDoseResponse *r;
      g_autofree char *date = NULL;
      g_autofree char *amount = NULL;
      g_autofree char *duration = NULL;
      g_autofree char *pain = NULL;
      g_autofree char *number = NULL;
      GString *effects;

      if (!d->infusion || d->day < self->first_day || d->day > self->last_day)
        continue;
      if (table == NULL)
        {
          add_block (self, BLOCK_HEADING, _("Infusion log"));
          table = add_table (self, header, widths, G_N_ELEMENTS (widths));
        }

      date = format_day (d->day);
      number = md_chart_format_number (d->amount, d->amount == floor (d->amount) ? 0 : 1);
      /* Translators: a medication with its amount and unit, e.g. "Magnesium sulfate 2 g" */
      amount = g_strdup_printf (_("%s, %s %s"), name, number, d->unit != NULL ? d->unit : "");
      duration = d->infusion_end > d->taken
                 /* Translators: an infusion's duration in minutes */
                 ? g_strdup_printf (_("%d min"), (int) ((d->infusion_end - d->taken) / 60))
                 : g_strdup (C_("number", "–"));
      r = response_for (self->stats, (int) i);
      pain = g_strdup_printf ("%s / %s / %s",
                              pain_name (r != NULL ? r->pain_at_dose : -1),
                              pain_name (r != NULL ? r->pain_2h : -1),
                              pain_name (r != NULL ? r->pain_24h : -1));
      effects = g_string_new (NULL);
      for (guint k = 0; d->side_effects != NULL && d->side_effects[k] != NULL; k++)
        {
          const char *label = md_catalogue_get_label (MD_CATALOGUE_SIDE_EFFECT, d->side_effects[k]);

          if (effects->len > 0)
            g_string_append (effects, list_separator ());
          g_string_append (effects, label != NULL ? label : d->side_effects[k]);
        }
      table_add_row (table, date, amount, duration,
                     d->co_administered != NULL && *d->co_administered ? d->co_administered : C_("number", "–"),
                     pain, effects->len > 0 ? effects->str : C_("number", "–"));
      g_string_free (effects, TRUE);
    }
}

/* Side effects recorded on a treatment's doses, e.g. "Flushing 3 of 5
 * infusions", and what they cost together. */
static void
treatment_doses_text (MdReport               *self,
                      const MdStatsTreatment *t,
                      char                  **out_effects,
                      char                  **out_cost)
{
  MdStatsData *data = self->data;
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (int));
  GString *text = g_string_new (NULL);
  int n = 0;
  gboolean all_infusions = TRUE;
  double cost = 0;

  for (guint i = 0; i < data->doses->len; i++)
    {
      const MdStatsDose *d = &g_array_index (data->doses, MdStatsDose, i);

      if (!md_stats_treatment_has_dose (self->stats, t, (int) i))
        continue;
      n++;
      all_infusions = all_infusions && d->infusion;
      if (d->cost > 0)
        cost += d->cost;
      for (guint k = 0; d->side_effects != NULL && d->side_effects[k] != NULL; k++)
        {
          guint slot = 0;

          while (slot < keys->len && !g_str_equal (g_ptr_array_index (keys, slot), d->side_effects[k]))
            slot++;
          if (slot == keys->len)
            {
              int zero = 0;

              g_ptr_array_add (keys, d->side_effects[k]);
              g_array_append_val (counts, zero);
            }
          g_array_index (counts, int, slot)++;
        }
    }

  for (guint k = 0; k < keys->len; k++)
    {
      const char *label = md_catalogue_get_label (MD_CATALOGUE_SIDE_EFFECT, g_ptr_array_index (keys, k));

      if (text->len > 0)
        g_string_append (text, list_separator ());
      g_string_append_printf (text,
                              all_infusions
                              /* Translators: a side effect on a treatment's infusions, e.g. "Flushing 3 of 5 infusions" */
                              ? ngettext ("%s %d of %d infusion", "%s %d of %d infusions", n)
                              /* Translators: a side effect on a treatment's doses, e.g. "Nausea 2 of 30 doses" */
                              : ngettext ("%s %d of %d dose", "%s %d of %d doses", n),
                              label != NULL ? label : (const char *) g_ptr_array_index (keys, k),
                              g_array_index (counts, int, k), n);
    }

  *out_effects = text->len > 0 ? g_string_free (text, FALSE)
                               : (g_string_free (text, TRUE), g_strdup (C_("number", "–")));
  *out_cost = cost > 0 ? md_chart_format_number (cost, 2) : g_strdup (C_("number", "–"));
}

/* Every preventive treatment tried, one row each: what a neurologist
 * needs to choose the next one (which, at what dose, for how long, did it
 * work, why it was stopped). The whole diary, not just the period. */
static void
build_history (MdReport *self)
{
  const MdStats *stats = self->stats;
  MdStatsData *data = self->data;
  const char *header[] = {
    /* Translators: column headers of the report's table of preventive treatments tried */
    C_("report column", "Preventive treatment"), C_("report column", "Dates"),
    C_("report column", "Taken"), C_("report column", "Migraine days per 28 days"),
    C_("report column", "Responder"), C_("report column", "Side effects recorded"),
    C_("report column", "Cost"), C_("report column", "Why it ended"), NULL,
  };
  const double widths[] = { 0.15, 0.14, 0.09, 0.16, 0.13, 0.13, 0.07, 0.13 };
  int today = md_stats_day_today (data->now);
  Block *table;

  if (stats->treatments->len == 0)
    return;

  add_block (self, BLOCK_HEADING, _("Preventive treatments tried"));
  table = add_table (self, header, widths, G_N_ELEMENTS (widths));
  for (guint i = 0; i < stats->treatments->len; i++)
    {
      const MdStatsTreatment *t = &g_array_index (stats->treatments, MdStatsTreatment, i);
      const MdStatsCourse *c = t->course >= 0 ? &g_array_index (data->courses, MdStatsCourse, t->course) : NULL;
      const char *name = g_array_index (data->medications, MdStatsMedication, t->medication).name;
      MdStatsComparison cmp;
      g_autofree char *label = NULL;
      g_autofree char *start = format_day (t->start_day);
      g_autofree char *end = NULL;
      g_autofree char *dates = NULL;
      g_autofree char *weeks = NULL;
      g_autofree char *infusions = NULL;
      g_autofree char *taken = NULL;
      g_autofree char *outcome = NULL;
      g_autofree char *responder = NULL;
      g_autofree char *effects = NULL;
      g_autofree char *cost = NULL;
      g_autofree char *why = NULL;
      int last = t->end_day == G_MAXINT ? MAX (today, t->start_day) : t->end_day;

      if (c != NULL && c->amount > 0)
        {
          g_autofree char *number = md_chart_format_number (c->amount, c->amount == floor (c->amount) ? 0 : 1);

          label = g_strdup_printf (_("%s, %s %s"), name, number, c->unit != NULL ? c->unit : "");
        }
      else
        label = g_strdup (name);

      /* Translators: the end of a preventive course that has not ended;
       * agrees with "preventive course" (feminine in Arabic) */
      end = t->end_day == G_MAXINT ? g_strdup (C_("preventive course", "ongoing")) : format_day (t->end_day);
      /* Translators: the first and the last day of a treatment */
      dates = g_strdup_printf (_("%s – %s"), start, end);

      if (c != NULL)
        {
          int n = (last - t->start_day + 1 + 3) / 7;

          /* Translators: how long a preventive course was taken */
          weeks = g_strdup_printf (ngettext ("%d week", "%d weeks", n), n);
        }
      if (t->n_infusions > 0)
        /* Translators: how many infusions a treatment had */
        infusions = g_strdup_printf (ngettext ("%d infusion", "%d infusions", t->n_infusions), t->n_infusions);
      taken = weeks != NULL && infusions != NULL ? g_strconcat (weeks, list_separator (), infusions, NULL)
                                                 : g_strdup (weeks != NULL ? weeks : infusions);

      md_stats_compare (stats, t, &cmp);
      outcome = md_chart_format_outcome (&cmp);
      responder = md_chart_format_responder (&cmp);
      treatment_doses_text (self, t, &effects, &cost);

      if (c == NULL)
        why = g_strdup (C_("number", "–"));
      else if (c->end_day == G_MAXINT)
        /* Translators: why a treatment ended: it did not, the patient takes it still */
        why = g_strdup (C_("why it ended", "Still taking"));
      else if (g_strcmp0 (c->end_reason, "not-effective") == 0)
        why = g_strdup (C_("why it ended", "Not effective"));
      else if (c->end_reason != NULL)
        {
          const char *reason = g_str_equal (c->end_reason, "side-effects")
                               ? C_("why it ended", "Side effects")
                               : C_("why it ended", "Another reason");

          why = c->end_reason_notes != NULL && *c->end_reason_notes != '\0'
                /* Translators: why a treatment ended, and what the patient wrote, e.g. "Side effects: tingling" */
                ? g_strdup_printf (_("%s: %s"), reason, c->end_reason_notes)
                : g_strdup (reason);
        }
      else
        why = g_strdup (C_("why it ended", "Not said"));

      table_add_row (table, label, dates, taken, outcome, responder, effects, cost, why);
    }
}

static void
build_attacks (MdReport *self)
{
  MdStatsData *data = self->data;
  const char *header[] = {
    /* Translators: column headers of the report's attack list */
    C_("report column", "Start"), C_("report column", "Duration"), C_("report column", "Peak pain"),
    C_("report column", "Features"), C_("report column", "Acute medication"), NULL,
  };
  const double widths[] = { 0.17, 0.11, 0.11, 0.33, 0.28 };
  g_autoptr(GPtrArray) meds = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  Block *table;
  guint shown = 0;

  for (guint i = 0; i < data->attacks->len; i++)
    g_ptr_array_add (meds, g_ptr_array_new ());
  for (guint i = 0; i < data->doses->len; i++)
    {
      const MdStatsDose *d = &g_array_index (data->doses, MdStatsDose, i);

      if (d->attack >= 0)
        g_ptr_array_add (g_ptr_array_index (meds, d->attack),
                         g_array_index (data->medications, MdStatsMedication, d->medication).name);
    }

  add_block (self, BLOCK_HEADING, _("Attacks"));
  table = add_table (self, header, widths, G_N_ELEMENTS (widths));
  for (guint i = 0; i < data->attacks->len; i++)
    {
      const MdStatsAttack *a = &g_array_index (data->attacks, MdStatsAttack, i);
      GPtrArray *names = g_ptr_array_index (meds, i);
      g_autoptr(GDateTime) start = NULL;
      g_autofree char *start_text = NULL;
      g_autofree char *duration = NULL;
      GString *features;
      g_autofree char *med_text = NULL;

      if (a->end_day < self->first_day || a->start_day > self->last_day)
        continue;
      shown++;

      {
        g_autoptr(GTimeZone) zone = g_time_zone_new_offset (a->start_offset);
        g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (a->start);

        start = g_date_time_to_timezone (utc, zone);
        /* Translators: strftime format of an attack start in the report, e.g. "3 Mar 2026 14:05" */
        start_text = no_break (g_date_time_format (start, C_("report date", "%-d %b %Y %H:%M")));
      }
      if (a->end != 0)
        {
          int minutes = (int) ((a->end - a->start) / 60);

          /* Translators: an attack's duration in hours and minutes, e.g. "5 h 20 min" */
          duration = g_strdup_printf (_("%d h %02d min"), minutes / 60, minutes % 60);
        }
      else
        /* Translators: the duration of an attack that has not ended;
         * agrees with "attack" (feminine in Arabic: مستمرة) */
        duration = g_strdup (C_("attack", "ongoing"));

      features = g_string_new (NULL);
#define FEATURE(bit, label) G_STMT_START { if (a->features & (bit)) { if (features->len) g_string_append (features, list_separator ()); g_string_append (features, label); } } G_STMT_END
      /* Translators: migraine features in the attack list */
      FEATURE (MD_STATS_ATTACK_UNILATERAL, _("one-sided"));
      FEATURE (MD_STATS_ATTACK_PULSATING, _("pulsating"));
      FEATURE (MD_STATS_ATTACK_ACTIVITY, _("worse with activity"));
      FEATURE (MD_STATS_ATTACK_NAUSEA, _("nausea or vomiting"));
      FEATURE (MD_STATS_ATTACK_PHOTOPHOBIA, _("light sensitivity"));
      FEATURE (MD_STATS_ATTACK_PHONOPHOBIA, _("sound sensitivity"));
#undef FEATURE
      if (a->aura)
        {
          if (features->len)
            g_string_append (features, list_separator ());
          g_string_append (features, _("aura"));
        }
      g_ptr_array_add (names, NULL);
      med_text = g_strjoinv (list_separator (), (char **) names->pdata);
      g_ptr_array_set_size (names, names->len - 1);

      table_add_row (table, start_text, duration, pain_name (a->peak_pain),
                     features->len > 0 ? features->str : C_("number", "–"),
                     *med_text != '\0' ? med_text : C_("number", "–"));
      g_string_free (features, TRUE);
    }
  if (shown == 0)
    {
      g_ptr_array_remove (self->blocks, table);
      add_block (self, BLOCK_PARAGRAPH, _("No attacks in this period."));
    }
}

static void
build (MdReport *self)
{
  g_ptr_array_set_size (self->blocks, 0);
  build_header (self);
  build_summary (self);
  build_flags (self);
  build_treatments (self);
  build_charts (self);
  build_response (self);
  build_infusions (self);
  build_attacks (self);
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

static double
measure_row (MdReport  *self,
             Block     *b,
             char     **cells,
             gboolean   bold)
{
  double height = 0;

  for (guint c = 0; c < b->n_columns; c++)
    {
      PangoLayout *layout = text_layout_full (self, self->measure, cells[c], b->font_size, bold,
                                              b->column_widths[c] - 2 * CELL_PAD, b->break_words[c]);
      PangoRectangle logical;

      pango_layout_get_extents (layout, NULL, &logical);
      height = MAX (height, logical.height / (double) PANGO_SCALE);
      g_object_unref (layout);
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
    case BLOCK_FREQUENCY:
    case BLOCK_PAIN:
    case BLOCK_CALENDAR:
    case BLOCK_BEFORE_AFTER:
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
  Placement p = { page, y, b, from, to, height };

  g_array_append_val (self->placements, p);
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

  build (self);
  g_array_set_size (self->placements, 0);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *b = g_ptr_array_index (self->blocks, i);

      if (b->kind == BLOCK_TABLE)
        {
          guint row = 0;

          size_columns (self, b);
          b->header_height = measure_row (self, b, b->header, TRUE);
          g_free (b->row_heights);
          b->row_heights = g_new (double, b->rows->len + 1);
          for (guint r = 0; r < b->rows->len; r++)
            b->row_heights[r] = measure_row (self, b, g_ptr_array_index (b->rows, r), FALSE);

          while (row < b->rows->len || (row == 0 && b->rows->len == 0))
            {
              double h = b->header_height;
              guint end = row;

              /* At least one row with its header per page: a row taller
               * than a page would otherwise never be placed. */
              if (b->rows->len > 0 && y + h + b->row_heights[row] > bottom && y > margin)
                {
                  page++;
                  y = margin;
                }
              while (end < b->rows->len && (end == row || y + h + b->row_heights[end] <= bottom))
                h += b->row_heights[end++];
              place (self, page, y, b, row, end, h);
              y += h + BLOCK_GAP;
              row = end;
              if (b->rows->len == 0)
                break;
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
      double x = 0;

      if (r >= 0 && r < (int) p->row_from)
        continue;
      cells = r < 0 ? b->header : g_ptr_array_index (b->rows, r);
      h = r < 0 ? b->header_height : b->row_heights[r];

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
          g_autoptr(PangoLayout) layout = text_layout_full (self, cr, cells[c], b->font_size, r < 0,
                                                            cw - 2 * CELL_PAD, b->break_words[c]);

          cairo_set_source_rgb (cr, 0, 0, 0);
          cairo_move_to (cr, cx + CELL_PAD, y + CELL_PAD);
          pango_cairo_show_layout (cr, layout);
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
  MdChartStyle style;
  MdStatsComparison cmp;
  double w = text_width (self);

  md_chart_style_init_print (&style);
  style.rtl = self->rtl;
  style.font_size = 7.5;

  cairo_save (cr);
  cairo_translate (cr, self->margin, p->y);
  switch (p->block->kind)
    {
    case BLOCK_FREQUENCY:
      {
        MdChartFrequencyModel model = { self->stats, FALSE, NULL };

        if (self->has_comparison)
          {
            md_stats_compare (self->stats, &self->comparison, &cmp);
            model.comparison = &cmp;
          }
        md_chart_frequency_render (&model, &style, cr, w, p->height);
      }
      break;
    case BLOCK_PAIN:
      {
        MdChartPainModel model = { self->stats };

        md_chart_pain_render (&model, &style, cr, w, p->height);
      }
      break;
    case BLOCK_BEFORE_AFTER:
      {
        const MdStatsTreatment *t = &g_array_index (self->stats->treatments, MdStatsTreatment,
                                                    p->block->treatment);
        g_autofree char *label = treatment_label (self, t);
        MdChartBeforeAfterModel model = { self->stats, &cmp, label };

        md_stats_compare (self->stats, t, &cmp);
        md_chart_before_after_render (&model, &style, cr, w, p->height);
      }
      break;
    case BLOCK_CALENDAR:
    default:
      {
        MdChartCalendarModel model = { self->stats, md_chart_locale_first_weekday (),
                                       p->block->first_month, p->block->n_months };

        md_chart_calendar_render (&model, &style, cr, w, p->height);
      }
      break;
    }
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
        case BLOCK_FREQUENCY:
        case BLOCK_PAIN:
        case BLOCK_CALENDAR:
        case BLOCK_BEFORE_AFTER:
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

/* Written to a temporary file and renamed: a failure leaves no partial PDF. */
gboolean
md_report_write_pdf (MdReport    *self,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(GBytes) pdf = md_report_to_pdf (self, error);
  g_autoptr(GError) local_error = NULL;
  gsize length;
  const char *contents;

  if (pdf == NULL)
    return FALSE;

  contents = g_bytes_get_data (pdf, &length);
  if (!g_file_set_contents_full (path, contents, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local_error))
    {
      g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_IO,
                   /* Translators: a file, then the system's reason */
                   _("Could not write “%s”: %s"), path, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* Command line */

/**
 * md_report_parse_date:
 * @option: the option the date was given to, for the message
 *
 * Accepts exactly YYYY-MM-DD, a real calendar date.
 */
gboolean
md_report_parse_date (const char  *text,
                      const char  *option,
                      int         *day,
                      GError     **error)
{
  gboolean shape = text != NULL && strlen (text) == 10 && text[4] == '-' && text[7] == '-';

  for (int i = 0; shape && i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      shape = FALSE;

  if (shape)
    *day = md_stats_day_from_iso (text);
  if (!shape || *day == G_MININT)
    {
      g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_INVALID,
                   /* Translators: %s is an option (--from or --to), then what was given */
                   _("%s: “%s” is not a date; write it as YYYY-MM-DD, for example 2026-03-01."),
                   option, text != NULL ? text : "");
      return FALSE;
    }

  return TRUE;
}

/**
 * md_report_export:
 * @from: (nullable): first day, YYYY-MM-DD; the diary's first entry when %NULL
 * @to: (nullable): last day, YYYY-MM-DD; today when %NULL
 *
 * The headless path of `--export-report`: no display needed.
 */
gboolean
md_report_export (const char            *database_path,
                  const char            *file,
                  const char            *from,
                  const char            *to,
                  const MdStatsSettings *settings,
                  const char            *patient_name,
                  GError               **error)
{
  g_autoptr(MdStatsData) data = NULL;
  g_autoptr(MdReport) report = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  int first = G_MININT, last = G_MININT;
  double width, height;

  if (from != NULL && !md_report_parse_date (from, "--from", &first, error))
    return FALSE;
  if (to != NULL && !md_report_parse_date (to, "--to", &last, error))
    return FALSE;
  if (from != NULL && to != NULL && first > last)
    {
      g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_INVALID,
                   /* Translators: both are dates as given on the command line */
                   _("The period starts (--from %s) after it ends (--to %s)."), from, to);
      return FALSE;
    }
  if (!g_file_test (database_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_NOT_FOUND,
                   /* Translators: %s is a file */
                   _("There is no diary at “%s” to report on."), database_path);
      return FALSE;
    }

  data = md_stats_data_load (database_path, now, error);
  if (data == NULL)
    return FALSE;

  if (last == G_MININT)
    last = MAX (md_stats_day_today (now), data->last_day);
  if (first == G_MININT)
    first = data->attacks->len + data->doses->len + data->days->len > 0 ? MIN (data->first_day, last) : last - 27;
  if (first > last)
    {
      g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_INVALID,
                   _("The period starts after it ends: choose a --from before %s."), to != NULL ? to : "");
      return FALSE;
    }

  report = md_report_new (data, settings, first, last);
  md_report_set_patient_name (report, patient_name);
  md_report_locale_paper (&width, &height);
  md_report_paginate (report, width, height, 42);

  return md_report_write_pdf (report, file, error);
}
