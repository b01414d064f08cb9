/* md-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report of DESIGN.md §6: its lifetime and settings, the locale's
 * paper and direction, and the headless export of `--export-report`.
 * What it says is built in md-report-content.c; how it is laid on pages
 * and drawn, in md-report-layout.c.
 */

#define G_LOG_DOMAIN "md-report"

#include "config.h"

#include <langinfo.h>
#include <string.h>
#include <glib/gi18n.h>

#include "md-error.h"
#include "md-paths.h"
#include "md-report-private.h"

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
  self->asked_first = first_day;
  self->asked_last = last_day;
  self->stats = md_stats_compute (data, settings, first_day, last_day);
  self->generated = data->now;
  self->rtl = md_report_locale_is_rtl ();
  self->blocks = g_ptr_array_new_with_free_func (_md_report_block_free);
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

/**
 * md_report_describe_scope:
 *
 * Returns: (transfer full): which period, and which treatment compared,
 *   the report covers, one per line, as its header says them
 */
char *
md_report_describe_scope (MdReport *self)
{
  g_autofree char *from = _md_report_format_day (self->first_day);
  g_autofree char *to = _md_report_format_day (self->last_day);
  const MdStatsTreatment *compared = _md_report_get_compared (self);
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, _("Period: %s – %s"), from, to);
  if (compared != NULL)
    {
      g_autofree char *label = _md_report_treatment_label (self, compared);
      g_autofree char *start = _md_report_format_day (compared->start_day);

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

/* The days a report on this diary can say something about: from the
 * first of the month of its first entry (a report by months keeps its
 * months) to its last entry or today, whichever is later. */
static void
diary_span (MdStatsData *data,
            gint64       now,
            int         *first,
            int         *last)
{
  int today = md_stats_day_today (now);
  gboolean empty = data->attacks->len + data->doses->len + data->days->len == 0;
  GDate date;

  md_stats_day_to_date (empty ? today : data->first_day, &date);
  g_date_set_day (&date, 1);
  *first = md_stats_day_from_date (&date);
  *last = empty ? today : MAX (data->last_day, today);
}

/**
 * md_report_export:
 * @from: (nullable): first day, YYYY-MM-DD; the diary's first entry when %NULL
 * @to: (nullable): last day, YYYY-MM-DD; today when %NULL
 * @out_notice: (out) (optional): a sentence for the user when the period
 *   was shortened to the days the diary covers, or %NULL
 *
 * The headless path of `--export-report`: no display needed. A period
 * beyond the diary's entries (0001-01-01 to 9999-12-31) is shortened to
 * them, and the report's header says so: thousands of empty pages say
 * nothing and take minutes.
 */
gboolean
md_report_export (const char            *database_path,
                  const char            *file,
                  const char            *from,
                  const char            *to,
                  const MdStatsSettings *settings,
                  const char            *patient_name,
                  char                 **out_notice,
                  GError               **error)
{
  g_autoptr(MdStatsData) data = NULL;
  g_autoptr(MdReport) report = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  int first = G_MININT, last = G_MININT;
  int span_first, span_last;
  int asked_first, asked_last;
  double width, height;

  if (out_notice != NULL)
    *out_notice = NULL;
  if (!md_paths_check_output (database_path, file, error))
    return FALSE;
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

  asked_first = first;
  asked_last = last;
  diary_span (data, now, &span_first, &span_last);
  if (from != NULL || to != NULL)
    {
      first = MAX (first, span_first);
      last = MIN (last, span_last);
    }
  if (first > last)
    {
      g_autofree char *from_text = _md_report_format_day (asked_first);
      g_autofree char *to_text = _md_report_format_day (asked_last);

      g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_INVALID,
                   /* Translators: the period asked for on the command line, as dates */
                   _("The diary has no entries from %s to %s: choose a period with entries."),
                   from_text, to_text);
      return FALSE;
    }

  report = md_report_new (data, settings, first, last);
  md_report_set_patient_name (report, patient_name);
  if (first != asked_first || last != asked_last)
    {
      g_autofree char *from_text = _md_report_format_day (first);
      g_autofree char *to_text = _md_report_format_day (last);

      report->asked_first = asked_first;
      report->asked_last = asked_last;
      if (out_notice != NULL)
        /* Translators: on the command line after --export-report; two dates */
        *out_notice = g_strdup_printf (_("The period was shortened to %s – %s: the diary has no entries outside it."),
                                       from_text, to_text);
    }
  md_report_locale_paper (&width, &height);
  md_report_paginate (report, width, height, 42);

  return md_report_write_pdf (report, file, error);
}
