/* md-charts-page-cards.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Charts view's summary cards: a figure each, with a sentence that
 * says where it comes from and what it means.
 */

#define G_LOG_DOMAIN "md-charts-page"

#include "config.h"

#include <glib/gi18n.h>

#include "md-accessible.h"
#include "md-charts-page-private.h"

static void
append_label (GtkWidget  *box,
              const char *text,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);
}

static GtkWidget *
card_new (const char *title,
          const char *value,
          const char *detail)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkLabel *label;

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "summary-card");

  append_label (box, title, "heading");
  append_label (box, value, "title-1");
  append_label (box, detail, "dim-label");
  label = GTK_LABEL (gtk_widget_get_last_child (box));
  /* Wrapping labels ask for their whole text's width otherwise, and the
   * cards would never sit three in a row. */
  gtk_label_set_max_width_chars (label, 28);
  gtk_label_set_width_chars (label, 20);

  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);

  return box;
}

/* The last 28-day window of the period with at least 24 days recorded,
 * or NULL: what the cards show when nothing was recorded lately. */
static const MdStatsSpan *
latest_complete_window (const MdStats *stats)
{
  for (guint i = stats->windows->len; i > 0; i--)
    {
      const MdStatsSpan *w = &g_array_index (stats->windows, MdStatsSpan, i - 1);

      if (w->n_days == 28 && w->recorded > 0 && !w->incomplete)
        return w;
    }

  return NULL;
}

/* "No day recorded in the last 28 days. Latest complete 28 days: …" */
static char *
describe_latest_window (const MdStatsSpan *w)
{
  /* Translators: strftime format of a date in the Charts view, e.g. "26 Apr 2026" */
  g_autofree char *from = md_chart_format_day (w->first_day, C_("chart date", "%-d %b %Y"));
  g_autofree char *to = md_chart_format_day (w->first_day + w->n_days - 1, C_("chart date", "%-d %b %Y"));

  /* Translators: summary card when the diary has nothing in the last 28
   * days; the figure above it is from the latest complete window, whose
   * first and last days are the two %s, e.g. "1 Oct 2026" and "28 Oct 2026" */
  return g_strdup_printf (_("No day recorded in the last 28 days. Latest complete 28 days: %s – %s."),
                          g_strstrip (from), g_strstrip (to));
}

/**
 * md_charts_page_fill_cards:
 * @cards: the page's flow box, emptied first
 * @cmp: (nullable): the chosen treatment's comparison
 *
 * The summary cards: migraine days, the treatment's outcome, acute
 * medication and pain-free at 2 hours.
 */
void
md_charts_page_fill_cards (GtkFlowBox              *cards,
                           const MdStats           *stats,
                           const MdStatsComparison *cmp)
{
  int recent_first = MAX (stats->first_day, stats->last_day - 27);
  MdStatsSpan recent;
  GtkWidget *child;
  g_autofree char *migraine = NULL;
  g_autofree char *migraine_detail = NULL;
  g_autofree char *acute = NULL;
  const char *acute_detail;
  g_autofree char *acute_text = NULL;
  GString *pain_free = g_string_new (NULL);
  g_autofree char *pooled = NULL;
  int successes = 0, n = 0;
  const MdStatsSpan *latest = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (cards))) != NULL)
    gtk_flow_box_remove (cards, child);

  md_stats_count_span (stats, recent_first, stats->last_day - recent_first + 1, &recent);

  migraine = md_chart_format_number (md_stats_span_rate (&recent, recent.migraine), 1);
  if (cmp != NULL)
    {
      g_autofree char *baseline = md_chart_format_number (cmp->baseline_rate, 1);

      /* Translators: summary card; %s is a rate, %d the baseline length in days */
      migraine_detail = g_strdup_printf (ngettext ("In the last 28 days. Baseline: %s (the %d day before the treatment).",
                                                   "In the last 28 days. Baseline: %s (the %d days before the treatment).",
                                                   cmp->baseline.n_days),
                                         baseline, cmp->baseline.n_days);
    }
  else
    {
      g_autofree char *whole = md_chart_format_number (md_stats_span_rate (&stats->total, stats->total.migraine), 1);

      /* Translators: summary card; %s is a rate over the whole chosen period */
      migraine_detail = g_strdup_printf (_("In the last 28 days. Over the whole period: %s."), whole);
    }
  if (recent.recorded == 0 && (latest = latest_complete_window (stats)) != NULL)
    {
      /* Nothing lately (the diary stopped weeks ago): the latest complete
       * figure with its dates, rather than a bare "–". */
      g_free (migraine);
      migraine = md_chart_format_number (md_stats_span_rate (latest, latest->migraine), 1);
      g_free (migraine_detail);
      migraine_detail = describe_latest_window (latest);
    }
  else if (recent.incomplete)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("Only %d of %d day recorded.", "Only %d of %d days recorded.",
                                                         recent.n_days),
                                               recent.recorded, recent.n_days);
      g_autofree char *joined = g_strconcat (migraine_detail, " ", more, NULL);

      g_free (migraine_detail);
      migraine_detail = g_steal_pointer (&joined);
    }
  gtk_flow_box_append (cards, card_new (_("Migraine days per 28 days"), migraine, migraine_detail));

  /* The primary outcome of the chosen treatment, the responder result beside it */
  if (cmp != NULL)
    {
      g_autofree char *outcome = md_chart_format_outcome (cmp);
      g_autofree char *responder = md_chart_format_responder (cmp);
      g_autofree char *windows = NULL;
      g_autofree char *detail = NULL;

      /* Translators: summary card under the treatment's result: the
       * baseline length in days and the evaluation window's weeks */
      windows = g_strdup_printf (ngettext ("Migraine days per 28 days, the %d day before → weeks %d–%d after.",
                                           "Migraine days per 28 days, the %d days before → weeks %d–%d after.",
                                           cmp->baseline.n_days),
                                 cmp->baseline.n_days, stats->settings.evaluation_first_week,
                                 stats->settings.evaluation_last_week);
      /* Translators: summary card: the first %s says which windows, the
       * second is the responder result, e.g. "≥50%: yes; ≥75%: no; 100%: no" */
      detail = g_strdup_printf (_("%s Responder: %s."), windows, responder);
      gtk_flow_box_append (cards, card_new (_("Before and after the treatment"), outcome, detail));
    }

  acute = md_chart_format_number (md_stats_span_rate (&recent, recent.acute), 1);
  if (recent.overuse)
    acute_detail = _("In the last 28 days, medication use reached the ICHD-3 medication-overuse threshold. Please discuss it with your doctor.");
  else if (recent.early_notice)
    acute_detail = _("10 or more days in the last 28 days: frequent acute medication can make headaches more frequent. Consider discussing it with your doctor.");
  else
    acute_detail = _("In the last 28 days; under 10 days is below the overuse thresholds.");
  acute_text = g_strdup (acute_detail);
  if (latest != NULL)
    {
      g_autofree char *when = describe_latest_window (latest);

      g_free (acute);
      acute = md_chart_format_number (md_stats_span_rate (latest, latest->acute), 1);
      g_free (acute_text);
      if (latest->overuse || latest->early_notice)
        /* Translators: summary card, after "No day recorded in the last 28 days. Latest complete 28 days: …" */
        acute_text = g_strconcat (when, " ", _("Medication use then reached 10 days or more."), NULL);
      else
        acute_text = g_steal_pointer (&when);
    }
  gtk_flow_box_append (cards, card_new (_("Acute-medication days per 28 days"), acute, acute_text));

  for (guint i = 0; i < stats->medications->len && i < 3; i++)
    {
      const MdStatsMedicationResponse *m = &g_array_index (stats->medications, MdStatsMedicationResponse, i);
      const char *name = g_array_index (stats->data->medications, MdStatsMedication, m->medication).name;
      g_autofree char *with_interval = md_chart_format_rate (&m->pain_free_2h);

      if (pain_free->len > 0)
        g_string_append_c (pain_free, '\n');

      /* Translators: one line of the pain-free card, e.g. "Sumatriptan 50 mg: 42% (21%–64%), n = 12" */
      g_string_append_printf (pain_free, C_("pain-free card", "%s: %s"), name, with_interval);
    }
  for (guint i = 0; i < stats->medications->len; i++)
    {
      const MdStatsMedicationResponse *m = &g_array_index (stats->medications, MdStatsMedicationResponse, i);

      successes += m->pain_free_2h.successes;
      n += m->pain_free_2h.n;
    }
  if (n > 0)
    {
      MdStatsRate all;
      g_autofree char *with_interval = NULL;

      md_stats_rate_init (&all, successes, n);
      with_interval = md_chart_format_rate (&all);
      pooled = md_chart_format_percent (all.value);
      /* Translators: first line of the pain-free card: every acute dose together */
      g_string_prepend (pain_free, "\n");
      {
        g_autofree char *line = g_strdup_printf (_("All acute doses: %s"), with_interval);
        g_string_prepend (pain_free, line);
      }
    }
  if (pain_free->len == 0)
    g_string_append (pain_free, _("No acute doses with a reading 2 hours later in this period."));
  gtk_flow_box_append (cards, card_new (_("Pain-free 2 hours after a dose"),
                                              pooled != NULL ? pooled : C_("number", "–"),
                                              pain_free->str));
  g_string_free (pain_free, TRUE);
  md_accessible_fix_names (GTK_WIDGET (cards));
}
