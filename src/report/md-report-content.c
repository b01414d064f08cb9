/* md-report-content.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the report says: its blocks (title, headings, paragraphs, notes,
 * tables, charts) built from the statistics. Nothing here knows the
 * page: md-report-layout.c measures the blocks and places them.
 */

#define G_LOG_DOMAIN "md-report"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "md-catalogue.h"
#include "md-chart-private.h"
#include "md-report-private.h"

/* A date is read as one thing: its spaces become no-break spaces, so a
 * narrow column wraps around it, never through it. Takes @text. */
static char *
no_break (char *text)
{
  g_auto(GStrv) parts = g_strsplit (g_strstrip (text), " ", -1);

  g_free (text);

  return g_strjoinv ("\u00a0", parts);
}

char *
_md_report_format_day (int day)
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

static Block *
add_chart (MdReport    *self,
           MdChartKind  chart,
           double       height)
{
  Block *b = add_block (self, BLOCK_CHART, NULL);

  b->chart = chart;
  b->height = height;

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

void
_md_report_block_free (gpointer data)
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
  const MdStatsTreatment *compared = _md_report_get_compared (self);
  g_autofree char *from = _md_report_format_day (self->first_day);
  g_autofree char *to = _md_report_format_day (self->last_day);
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
  if (self->asked_first != self->first_day || self->asked_last != self->last_day)
    {
      g_autofree char *asked_from = _md_report_format_day (self->asked_first);
      g_autofree char *asked_to = _md_report_format_day (self->asked_last);

      /* Translators: report header, below "Period: …"; the period asked for, as two dates */
      g_string_append_printf (lines, _("Shortened from %s – %s: the diary has no entries outside the period."),
                              asked_from, asked_to);
      g_string_append_c (lines, '\n');
    }
  /* Translators: report header */
  g_string_append_printf (lines, _("Generated: %s"), generated);
  g_string_append_c (lines, '\n');
  if (compared != NULL)
    {
      g_autofree char *label = _md_report_treatment_label (self, compared);
      g_autofree char *start = _md_report_format_day (compared->start_day);

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
char *
_md_report_treatment_label (MdReport               *self,
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
      g_autofree char *from = _md_report_format_day (w->first_day);
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
          g_autofree char *day = _md_report_format_day (e->start_day);
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

      start = _md_report_format_day (t->start_day);
      md_stats_compare (stats, t, &cmp);
      label = _md_report_treatment_label (self, t);
      outcome = md_chart_format_outcome (&cmp);
      /* Translators: recorded days of the baseline → of the evaluation
       * window, e.g. "28 / 28 → 21 / 28" */
      recorded = g_strdup_printf (_("%d / %d → %d / %d"), cmp.baseline.recorded, cmp.baseline.n_days,
                                  cmp.evaluation.recorded, cmp.evaluation.n_days);
      responder = md_chart_format_responder (&cmp);
      table_add_row (table, label, start, outcome, recorded, responder);
    }
}

/* The treatment the frequency chart compares: the one chosen in the
 * window, or, exported without one (--export-report), the latest
 * treatment whose evaluation window lies in the period, as its
 * before/after panel does. */
const MdStatsTreatment *
_md_report_get_compared (MdReport *self)
{
  const MdStatsTreatment *latest = NULL;

  if (self->has_comparison)
    return &self->comparison;

  for (guint i = 0; self->stats != NULL && i < self->stats->treatments->len; i++)
    {
      const MdStatsTreatment *t = &g_array_index (self->stats->treatments, MdStatsTreatment, i);
      int eval_first = t->start_day + 7 * (self->settings.evaluation_first_week - 1);
      int eval_last = t->start_day + 7 * self->settings.evaluation_last_week - 1;

      if (eval_first >= self->first_day && eval_last <= self->last_day &&
          (latest == NULL || t->start_day > latest->start_day))
        latest = t;
    }

  return latest;
}

static void
build_charts (MdReport *self)
{
  Block *b;
  guint n_months = self->stats->months->len;

  add_block (self, BLOCK_HEADING, _("Attack frequency"));
  b = add_chart (self, MD_CHART_KIND_FREQUENCY, 250);
  b->compared = _md_report_get_compared (self);

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
      label = _md_report_treatment_label (self, t);
      /* Translators: report heading of the before/after panel of one treatment */
      heading = g_strdup_printf (_("Before and after: %s"), label);
      add_block (self, BLOCK_HEADING, heading);
      b = add_chart (self, MD_CHART_KIND_BEFORE_AFTER, 175);
      b->compared = t;
    }

  add_block (self, BLOCK_HEADING, _("Pain before and after treatment"));
  add_chart (self, MD_CHART_KIND_PAIN, 270);

  add_block (self, BLOCK_HEADING, _("Calendar"));
  for (guint m = 0; m < n_months; m += 12)
    {
      guint n = MIN (12, n_months - m);

      b = add_chart (self, MD_CHART_KIND_CALENDAR, 60 + 95 * ((n + 3) / 4));
      b->first_month = (int) m;
      b->n_months = (int) n;
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

      date = _md_report_format_day (d->day);
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
      g_autofree char *start = _md_report_format_day (t->start_day);
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
          g_autofree char *amount = g_strdup_printf ("%s %s", number, c->unit != NULL ? c->unit : "");

          /* The course's dose, unless the name already says it
           * ("Magnesium 400 mg (elemental)", not "…, 400 mg") */
          g_strstrip (amount);
          if (strstr (name, amount) != NULL)
            label = g_strdup (name);
          else
            /* Translators: a preventive treatment and its dose, e.g. "Topiramate, 50 mg" */
            label = g_strdup_printf (_("%s, %s"), name, amount);
        }
      else
        label = g_strdup (name);

      /* Translators: the end of a preventive course that has not ended;
       * agrees with "preventive course" (feminine in Arabic) */
      end = t->end_day == G_MAXINT ? g_strdup (C_("preventive course", "ongoing")) : _md_report_format_day (t->end_day);
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

void
_md_report_build (MdReport *self)
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

