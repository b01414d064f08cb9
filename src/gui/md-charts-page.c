/* md-charts-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Charts view: a period, a treatment to compare before and after,
 * three summary cards and the three charts. The diary is read and the
 * statistics computed in a worker thread on its own SQLite connection,
 * so the view never stalls a frame; a change of period or treatment
 * recomputes from the snapshot already read.
 */

#define G_LOG_DOMAIN "md-charts-page"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "md-accessible.h"
#include "md-chart-view.h"
#include "md-context.h"
#include "md-charts-page-private.h"
#include "md-database.h"
#include "md-date-time-button.h"

#define RELOAD_DELAY_MS 250

struct _MdChartsPage
{
  AdwBin             parent_instance;

  /* Template widgets */
  GtkStack          *stack;
  GtkSpinner        *spinner;
  GtkDropDown       *range_dropdown;
  GtkDropDown       *period_dropdown;
  GtkDropDown       *treatment_dropdown;
  MdDateTimeButton  *from_button;
  MdDateTimeButton  *to_button;
  GtkLabel          *range_error;
  GtkLabel          *treatment_note;
  GtkFlowBox        *cards;
  GtkBox            *frequency_box;
  GtkBox            *pain_box;
  GtkBox            *calendar_box;
  GtkLabel          *definitions_label;

  /* Owned */
  MdContext      *context; /* followed: the page shows its diary */
  MdDiary           *diary;
  GSettings         *settings;
  MdStatsData       *data;
  MdStats           *stats;
  GCancellable      *cancellable;
  GtkStringList     *treatment_names;
  GArray            *treatments;   /* MdStatsTreatment shown in the picker, after "none" */
  guint              reload_source;

  /* Borrowed */
  MdChartView       *frequency;
  MdChartView       *before_after; /* under the frequency chart while a treatment is chosen */
  MdChartView       *pain;
  MdChartView       *calendar;

  GPtrArray         *waiting;      /* GTask, for md_charts_page_load_async() */
  gboolean           dirty;
  gboolean           updating;
  gboolean           forced;
};

G_DEFINE_FINAL_TYPE (MdChartsPage, md_charts_page, ADW_TYPE_BIN)

static void reload (MdChartsPage *self);
static GDateTime *day_to_date_time (int day);

static void
return_waiting (MdChartsPage *self,
                const GError *error)
{
  g_autoptr(GPtrArray) waiting = g_steal_pointer (&self->waiting);

  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; waiting != NULL && i < waiting->len; i++)
    {
      GTask *task = g_ptr_array_index (waiting, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else if (self->stats == NULL)
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "%s",
                                 _("The first day of the period is after its last day."));
      else
        g_task_return_boolean (task, TRUE);
    }
}

/* The period the settings ask for, as local days. */
static gboolean
get_range (MdChartsPage *self,
           int          *first,
           int          *last,
           GError      **error)
{
  int today = md_stats_day_today (self->data != NULL ? self->data->now
                                 : self->context != NULL ? md_context_now (self->context)
                                 : g_get_real_time () / G_USEC_PER_SEC);
  GDate date;

  switch (g_settings_get_enum (self->settings, "charts-range"))
    {
    case 0:
    case 1:
    case 2:
      {
        static const int months[] = { 3, 6, 12 };

        md_stats_day_to_date (today, &date);
        g_date_subtract_months (&date, months[g_settings_get_enum (self->settings, "charts-range")]);
        *first = md_stats_day_from_date (&date) + 1;
        *last = today;
      }
      break;
    case 3:
      *first = self->data != NULL && (self->data->attacks->len + self->data->doses->len + self->data->days->len) > 0
               ? MIN (self->data->first_day, today) : today - 27;
      *last = MAX (today, self->data != NULL ? self->data->last_day : today);
      break;
    case 4:
    default:
      {
        g_autofree char *from = g_settings_get_string (self->settings, "charts-from");
        g_autofree char *to = g_settings_get_string (self->settings, "charts-to");

        *first = md_stats_day_from_iso (from);
        *last = md_stats_day_from_iso (to);
        if (*first == G_MININT || *last == G_MININT)
          {
            *first = today - 27;
            *last = today;
          }
        if (*first > *last)
          {
            g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                                 _("The first day of the period is after its last day."));
            return FALSE;
          }
      }
      break;
    }

  return TRUE;
}

static char *
treatment_label (MdStatsData            *data,
                 const MdStatsTreatment *t)
{
  const char *name = g_array_index (data->medications, MdStatsMedication, t->medication).name;
  /* Translators: strftime format of a treatment start in the picker, e.g. "3 Mar 2026" */
  g_autofree char *date = md_chart_format_day (t->start_day, C_("treatment start", "%-d %b %Y"));

  if (t->kind == MD_STATS_TREATMENT_INFUSIONS)
    /* Translators: a series of infusions as a treatment start, e.g. "Magnesium sulfate IV 1 g, infusions from 3 Mar 2026" */
    return g_strdup_printf (_("%s, infusions from %s"), name, g_strstrip (date));

  /* Translators: a preventive course as a treatment start, e.g. "Magnesium 400 mg from 3 Mar 2026" */
  return g_strdup_printf (_("%s from %s"), name, g_strstrip (date));
}

/* How a treatment is remembered between runs: its first day and its
 * medication, which stay the same while the diary grows. */
static char *
treatment_key (MdStatsData            *data,
               const MdStatsTreatment *t)
{
  g_autofree char *day = md_stats_day_to_iso (t->start_day);

  return g_strdup_printf ("%s %s", day, g_array_index (data->medications, MdStatsMedication, t->medication).uuid);
}

static const MdStatsTreatment *
selected_treatment (MdChartsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->treatment_dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > self->treatments->len)
    return NULL;

  return &g_array_index (self->treatments, MdStatsTreatment, selected - 1);
}

/* Draws everything from self->data: called on new data and on any
 * change of period, treatment or statistics setting. */
static void
recompute (MdChartsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdStats) old = NULL;
  MdStatsSettings settings;
  MdStatsComparison comparison;
  const MdStatsTreatment *treatment;
  gboolean by_month;
  g_autofree char *definitions = NULL;
  int first, last;

  if (self->data == NULL)
    return;

  if (!get_range (self, &first, &last, &error))
    {
      gtk_label_set_text (self->range_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->range_error), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->range_error), FALSE);

  md_stats_settings_load (&settings, self->settings);
  old = g_steal_pointer (&self->stats);
  self->stats = md_stats_compute (self->data, &settings, first, last);

  /* The treatments come from the whole diary; the picker is rebuilt only
   * when they change, keeping the choice when it is still there. */
  if (self->treatments->len != self->stats->treatments->len ||
      (self->treatments->len > 0 &&
       memcmp (self->treatments->data, self->stats->treatments->data,
               sizeof (MdStatsTreatment) * self->treatments->len) != 0))
    {
      const MdStatsTreatment *previous = selected_treatment (self);
      MdStatsTreatment keep = { 0 };
      guint select = 0;
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      /* The choice of the last run, until there is one in this run */
      g_autofree char *saved = g_settings_get_string (self->settings, "charts-treatment");

      if (previous != NULL)
        keep = *previous;
      g_array_set_size (self->treatments, 0);
      g_ptr_array_add (names, g_strdup (_("No before/after comparison")));
      for (guint i = 0; i < self->stats->treatments->len; i++)
        {
          const MdStatsTreatment *t = &g_array_index (self->stats->treatments, MdStatsTreatment, i);

          g_array_append_val (self->treatments, *t);
          g_ptr_array_add (names, treatment_label (self->data, t));
          if (previous != NULL && t->start_day == keep.start_day && t->medication == keep.medication)
            select = i + 1;
          else if (previous == NULL && *saved != '\0')
            {
              g_autofree char *key = treatment_key (self->data, t);

              if (g_str_equal (key, saved))
                select = i + 1;
            }
        }
      g_ptr_array_add (names, NULL);
      self->updating = TRUE;
      gtk_string_list_splice (self->treatment_names, 0,
                              g_list_model_get_n_items (G_LIST_MODEL (self->treatment_names)),
                              (const char * const *) names->pdata);
      gtk_drop_down_set_selected (self->treatment_dropdown, select);
      self->updating = FALSE;
    }
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->treatment_dropdown)), self->treatments->len > 0);

  treatment = selected_treatment (self);
  if (treatment != NULL)
    md_stats_compare (self->stats, treatment, &comparison);

  by_month = g_settings_get_boolean (self->settings, "charts-by-month");
  md_chart_view_set_stats (self->frequency, self->stats, by_month, treatment != NULL ? &comparison : NULL);
  /* Pain beside frequency for the chosen treatment */
  if (treatment != NULL)
    {
      g_autofree char *name = treatment_label (self->data, treatment);

      md_chart_view_set_treatment_name (self->before_after, name);
    }
  md_chart_view_set_stats (self->before_after, self->stats, by_month, treatment != NULL ? &comparison : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->before_after), treatment != NULL);
  md_chart_view_set_stats (self->pain, self->stats, by_month, NULL);
  md_chart_view_set_stats (self->calendar, self->stats, by_month, NULL);
  md_charts_page_fill_cards (self->cards, self->stats, treatment != NULL ? &comparison : NULL);

  definitions = md_stats_settings_describe (&settings);
  {
    g_autofree char *text = g_strconcat (definitions, "\n",
                                         _("Descriptive statistics from a patient diary; not a diagnosis."),
                                         NULL);
    gtk_label_set_text (self->definitions_label, text);
  }

  gtk_stack_set_visible_child_name (self->stack,
                                    self->data->attacks->len + self->data->doses->len + self->data->days->len > 0
                                    ? "charts" : "empty");
}

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(MdChartsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  MdStatsData *data = md_stats_data_load_finish (result, &error);

  /* A superseded load leaves the spinner and the waiting tasks to the
   * load that replaced it (dispose returns them if there is none). */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_spinner_stop (self->spinner);
  if (data == NULL)
    {
      g_warning ("Cannot read the diary for the charts: %s", error->message);
      return_waiting (self, error);
      return;
    }

  g_clear_pointer (&self->data, md_stats_data_unref);
  self->data = data;
  recompute (self);
  return_waiting (self, NULL);
}

static void
reload (MdChartsPage *self)
{
  g_clear_handle_id (&self->reload_source, g_source_remove);

  if (self->diary == NULL)
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) && !self->forced)
    {
      self->dirty = TRUE;
      return;
    }

  self->dirty = FALSE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  if (self->data == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      gtk_spinner_start (self->spinner);
    }
  md_stats_data_load_async (md_database_get_path (md_diary_get_database (self->diary)),
                            self->cancellable, load_cb, g_object_ref (self));
}

static gboolean
reload_timeout_cb (gpointer user_data)
{
  MdChartsPage *self = user_data;

  self->reload_source = 0;
  reload (self);

  return G_SOURCE_REMOVE;
}

/* Several changes in a row (an import, typing) load once. */
static void
diary_changed_cb (MdChartsPage *self)
{
  if (self->reload_source == 0)
    self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_timeout_cb, self);
}

static void
settings_changed_cb (MdChartsPage *self,
                     const char   *key)
{
  int range = g_settings_get_enum (self->settings, "charts-range");

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->range_dropdown, range);
  if (range == 4)
    {
      /* The buttons show the saved custom period, not today. */
      g_autofree char *from = g_settings_get_string (self->settings, "charts-from");
      g_autofree char *to = g_settings_get_string (self->settings, "charts-to");
      int first = md_stats_day_from_iso (from), last = md_stats_day_from_iso (to);

      if (first != G_MININT && last != G_MININT)
        {
          g_autoptr(GDateTime) f = day_to_date_time (first);
          g_autoptr(GDateTime) t = day_to_date_time (last);

          md_date_time_button_set_date_time (self->from_button, f);
          md_date_time_button_set_date_time (self->to_button, t);
        }
    }
  gtk_drop_down_set_selected (self->period_dropdown, g_settings_get_boolean (self->settings, "charts-by-month"));
  /* The flow box wraps each control in a child of its own: hide that,
   * or an empty slot stays. */
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->from_button)), range == 4);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->to_button)), range == 4);
  self->updating = FALSE;

  recompute (self);
}

static GDateTime *
day_to_date_time (int day)
{
  GDate date;

  md_stats_day_to_date (day, &date);

  return g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 12, 0, 0);
}

static void
range_selected_cb (MdChartsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->range_dropdown);

  if (self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (selected == 4 && self->stats != NULL)
    {
      /* Start a custom period from what is shown now. */
      g_autofree char *from = md_stats_day_to_iso (self->stats->first_day);
      g_autofree char *to = md_stats_day_to_iso (self->stats->last_day);

      g_settings_set_string (self->settings, "charts-from", from);
      g_settings_set_string (self->settings, "charts-to", to);
      {
        g_autoptr(GDateTime) f = day_to_date_time (self->stats->first_day);
        g_autoptr(GDateTime) t = day_to_date_time (self->stats->last_day);

        self->updating = TRUE;
        md_date_time_button_set_date_time (self->from_button, f);
        md_date_time_button_set_date_time (self->to_button, t);
        self->updating = FALSE;
      }
    }
  g_settings_set_enum (self->settings, "charts-range", selected);
}

static void
custom_date_changed_cb (MdChartsPage *self)
{
  GDateTime *from = md_date_time_button_get_date_time (self->from_button);
  GDateTime *to = md_date_time_button_get_date_time (self->to_button);

  if (self->updating || from == NULL || to == NULL)
    return;

  {
    g_autofree char *f = g_date_time_format (from, "%Y-%m-%d");
    g_autofree char *t = g_date_time_format (to, "%Y-%m-%d");

    g_settings_set_string (self->settings, "charts-from", f);
    g_settings_set_string (self->settings, "charts-to", t);
  }
}

static void
period_selected_cb (MdChartsPage *self)
{
  if (!self->updating)
    g_settings_set_boolean (self->settings, "charts-by-month",
                            gtk_drop_down_get_selected (self->period_dropdown) == 1);
}

/* Choosing a treatment makes the period cover its baseline and its
 * evaluation window, as far as today; a window still going on is said in
 * one line. */
static void
cover_treatment (MdChartsPage           *self,
                 const MdStatsTreatment *t)
{
  MdStatsSettings settings;
  int today = md_stats_day_today (self->data->now);
  int first, last, base_first, eval_last;

  md_stats_settings_load (&settings, self->settings);
  base_first = t->start_day - settings.baseline_days;
  eval_last = t->start_day + 7 * settings.evaluation_last_week - 1;

  if (eval_last > today)
    {
      /* Translators: strftime format of a date in the Charts view, e.g. "26 Apr 2026" */
      g_autofree char *date = md_chart_format_day (eval_last, C_("treatment start", "%-d %b %Y"));
      g_autofree char *note = NULL;

      /* Translators: why the period cannot cover a chosen treatment's evaluation window */
      note = g_strdup_printf (_("The evaluation window ends on %s: the period shows it as far as today."),
                              g_strstrip (date));
      gtk_label_set_text (self->treatment_note, note);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->treatment_note), eval_last > today);

  if (get_range (self, &first, &last, NULL) && first <= base_first && last >= MIN (eval_last, today))
    return;

  {
    g_autofree char *from = md_stats_day_to_iso (base_first);
    g_autofree char *to = md_stats_day_to_iso (MIN (eval_last, today));

    /* The custom days first: they only count once the range is custom */
    g_settings_set_string (self->settings, "charts-from", from);
    g_settings_set_string (self->settings, "charts-to", to);
    g_settings_set_enum (self->settings, "charts-range", 4);
  }
}

static void
treatment_selected_cb (MdChartsPage *self)
{
  const MdStatsTreatment *treatment;
  g_autofree char *key = NULL;

  if (self->updating || self->data == NULL)
    return;

  treatment = selected_treatment (self);
  key = treatment != NULL ? treatment_key (self->data, treatment) : g_strdup ("");
  gtk_widget_set_visible (GTK_WIDGET (self->treatment_note), FALSE);
  if (treatment != NULL)
    {
      MdStatsTreatment chosen = *treatment;

      g_settings_set_string (self->settings, "charts-treatment", key);
      cover_treatment (self, &chosen);
    }
  else
    g_settings_set_string (self->settings, "charts-treatment", key);
  recompute (self);
}

static void
md_charts_page_map (GtkWidget *widget)
{
  MdChartsPage *self = MD_CHARTS_PAGE (widget);

  GTK_WIDGET_CLASS (md_charts_page_parent_class)->map (widget);

  if (self->dirty || (self->data == NULL && self->diary != NULL))
    reload (self);
}

static void
md_charts_page_dispose (GObject *object)
{
  MdChartsPage *self = MD_CHARTS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->waiting != NULL && self->waiting->len > 0)
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                     "The charts were closed");

      return_waiting (self, error);
    }
  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->diary != NULL)
    g_signal_handlers_disconnect_by_data (self->diary, self);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->context);
  g_clear_object (&self->diary);
  g_clear_object (&self->settings);
  g_clear_object (&self->treatment_names);
  g_clear_pointer (&self->treatments, g_array_unref);
  g_clear_pointer (&self->waiting, g_ptr_array_unref);

  G_OBJECT_CLASS (md_charts_page_parent_class)->dispose (object);
}

static void
md_charts_page_finalize (GObject *object)
{
  MdChartsPage *self = MD_CHARTS_PAGE (object);

  g_clear_pointer (&self->stats, md_stats_free);
  g_clear_pointer (&self->data, md_stats_data_unref);

  G_OBJECT_CLASS (md_charts_page_parent_class)->finalize (object);
}

static void
md_charts_page_class_init (MdChartsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* A part of the window, not an unnamed widget of some type. */
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GROUP);

  object_class->dispose = md_charts_page_dispose;
  object_class->finalize = md_charts_page_finalize;
  widget_class->map = md_charts_page_map;

  g_type_ensure (MD_TYPE_DATE_TIME_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/md-charts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MdChartsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, MdChartsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, MdChartsPage, range_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MdChartsPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MdChartsPage, treatment_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MdChartsPage, from_button);
  gtk_widget_class_bind_template_child (widget_class, MdChartsPage, to_button);
  gtk_widget_class_bind_template_child (widget_class, MdChartsPage, range_error);
  gtk_widget_class_bind_template_child (widget_class, MdChartsPage, treatment_note);
  gtk_widget_class_bind_template_child (widget_class, MdChartsPage, cards);
  gtk_widget_class_bind_template_child (widget_class, MdChartsPage, frequency_box);
  gtk_widget_class_bind_template_child (widget_class, MdChartsPage, pain_box);
  gtk_widget_class_bind_template_child (widget_class, MdChartsPage, calendar_box);
  gtk_widget_class_bind_template_child (widget_class, MdChartsPage, definitions_label);
}

static GtkWidget *
add_chart (GtkBox      *box,
           MdChartKind  kind,
           int          height)
{
  GtkWidget *view = md_chart_view_new (kind);

  gtk_widget_set_size_request (view, 280, height);
  gtk_widget_set_hexpand (view, TRUE);
  gtk_box_append (box, view);

  return view;
}

static void
md_charts_page_init (MdChartsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  md_accessible_fix_names_when_mapped (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
  self->treatments = g_array_new (FALSE, FALSE, sizeof (MdStatsTreatment));
  self->treatment_names = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->treatment_dropdown, G_LIST_MODEL (self->treatment_names));

  self->frequency = MD_CHART_VIEW (add_chart (self->frequency_box, MD_CHART_KIND_FREQUENCY, 380));
  self->before_after = MD_CHART_VIEW (add_chart (self->frequency_box, MD_CHART_KIND_BEFORE_AFTER, 300));
  gtk_widget_set_margin_top (GTK_WIDGET (self->before_after), 12);
  gtk_widget_set_visible (GTK_WIDGET (self->before_after), FALSE);
  self->pain = MD_CHART_VIEW (add_chart (self->pain_box, MD_CHART_KIND_PAIN, 380));
  self->calendar = MD_CHART_VIEW (add_chart (self->calendar_box, MD_CHART_KIND_CALENDAR, 440));

  settings_changed_cb (self, NULL);
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->range_dropdown, "notify::selected", G_CALLBACK (range_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->period_dropdown, "notify::selected", G_CALLBACK (period_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->treatment_dropdown, "notify::selected", G_CALLBACK (treatment_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->from_button, "notify::date-time", G_CALLBACK (custom_date_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->to_button, "notify::date-time", G_CALLBACK (custom_date_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
md_charts_page_new (void)
{
  return g_object_new (MD_TYPE_CHARTS_PAGE, NULL);
}

static void
set_diary (MdChartsPage *self,
           MdDiary      *diary)
{
  g_return_if_fail (MD_IS_CHARTS_PAGE (self));

  if (self->diary == diary)
    return;

  if (self->diary != NULL)
    g_signal_handlers_disconnect_by_data (self->diary, self);
  g_set_object (&self->diary, diary);
  /* The views borrow the statistics: let go of them first. */
  md_chart_view_set_stats (self->frequency, NULL, FALSE, NULL);
  md_chart_view_set_stats (self->before_after, NULL, FALSE, NULL);
  md_chart_view_set_stats (self->pain, NULL, FALSE, NULL);
  md_chart_view_set_stats (self->calendar, NULL, FALSE, NULL);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  g_clear_pointer (&self->stats, md_stats_free);
  g_clear_pointer (&self->data, md_stats_data_unref);
  if (diary != NULL)
    {
      g_signal_connect_swapped (diary, "changed", G_CALLBACK (diary_changed_cb), self);
      g_signal_connect_swapped (diary, "attack-changed", G_CALLBACK (diary_changed_cb), self);
    }
  else if (self->waiting->len > 0)
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No diary is open."));

      g_cancellable_cancel (self->cancellable);
      gtk_spinner_stop (self->spinner);
      return_waiting (self, error);
    }
  reload (self);
}

/**
 * md_charts_page_get_stats:
 *
 * Returns: (nullable) (transfer none): the statistics drawn now
 */
MdStats *
md_charts_page_get_stats (MdChartsPage *self)
{
  g_return_val_if_fail (MD_IS_CHARTS_PAGE (self), NULL);

  return self->stats;
}

/**
 * md_charts_page_get_comparison:
 *
 * Returns: whether a treatment is chosen; fills @comparison then
 */
gboolean
md_charts_page_get_comparison (MdChartsPage      *self,
                               MdStatsComparison *comparison)
{
  const MdStatsTreatment *treatment;

  g_return_val_if_fail (MD_IS_CHARTS_PAGE (self), FALSE);

  treatment = self->stats != NULL ? selected_treatment (self) : NULL;
  if (treatment == NULL)
    return FALSE;

  md_stats_compare (self->stats, treatment, comparison);
  return TRUE;
}

GtkWidget *
md_charts_page_get_chart (MdChartsPage *self,
                          MdChartKind   kind)
{
  g_return_val_if_fail (MD_IS_CHARTS_PAGE (self), NULL);

  return GTK_WIDGET (kind == MD_CHART_KIND_FREQUENCY ? self->frequency
                     : kind == MD_CHART_KIND_BEFORE_AFTER ? self->before_after
                     : kind == MD_CHART_KIND_PAIN ? self->pain : self->calendar);
}

/**
 * md_charts_page_load_async:
 *
 * Makes sure the statistics of the chosen period are there (the report
 * prints what the Charts view shows), reading the diary if the view was
 * never shown.
 */
void
md_charts_page_load_async (MdChartsPage        *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_return_if_fail (MD_IS_CHARTS_PAGE (self));

  if (self->stats != NULL && !self->dirty && self->reload_source == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (self->diary == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s", _("No diary is open."));
      return;
    }

  g_ptr_array_add (self->waiting, g_steal_pointer (&task));
  self->forced = TRUE;
  reload (self);
  self->forced = FALSE;
}

gboolean
md_charts_page_load_finish (MdChartsPage  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
md_charts_page_get_treatment (MdChartsPage     *self,
                              MdStatsTreatment *treatment)
{
  const MdStatsTreatment *t;

  g_return_val_if_fail (MD_IS_CHARTS_PAGE (self), FALSE);

  t = self->stats != NULL ? selected_treatment (self) : NULL;
  if (t == NULL)
    return FALSE;

  *treatment = *t;
  return TRUE;
}

static void
context_diary_changed_cb (MdChartsPage *self)
{
  set_diary (self, self->context != NULL ? md_context_get_diary (self->context) : NULL);
}

/**
 * md_charts_page_set_context:
 * @context: (nullable): what the page follows
 *
 * The page shows the context's diary, and the next one when another takes
 * its place (a restored backup): it keeps no diary of its own choosing.
 */
void
md_charts_page_set_context (MdChartsPage *self,
                            MdContext *context)
{
  g_return_if_fail (MD_IS_CHARTS_PAGE (self));
  g_return_if_fail (context == NULL || MD_IS_CONTEXT (context));

  if (self->context == context)
    return;

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_func (self->context, context_diary_changed_cb, self);
  g_set_object (&self->context, context);
  md_date_time_button_set_context (self->from_button, context);
  md_date_time_button_set_context (self->to_button, context);
  if (context != NULL)
    g_signal_connect_object (context, "notify::diary", G_CALLBACK (context_diary_changed_cb), self,
                             G_CONNECT_SWAPPED);
  context_diary_changed_cb (self);
}
