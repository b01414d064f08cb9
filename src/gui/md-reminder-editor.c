/* md-reminder-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A reminder: what it is for (a daily check-in, a medication, an
 * appointment) and when it comes. The form is turned into the schedule's
 * text form and checked by md_schedule_parse() and
 * md_schedule_validate(), whose sentence is shown above the form and
 * marks the field; Save waits until it is fixed.
 */

#define G_LOG_DOMAIN "md-reminder-editor"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "md-accessible.h"
#include "md-date-time-button.h"
#include "md-medication-chooser.h"
#include "md-editor-utils.h"
#include "md-context.h"
#include "md-reminder-editor.h"
#include "md-schedule.h"

/* The rows of the kind combo, in order. */
static const char * const kinds[] = { "check-in", "medication", "appointment" };

enum {
  REPEAT_WEEKDAYS,
  REPEAT_EVERY_N_DAYS,
};

enum {
  NOTICE_DAY,
  NOTICE_TWO_HOURS,
  NOTICE_CUSTOM,
};

struct _MdReminderEditor
{
  AdwWindow         parent_instance;

  /* Template widgets */
  GtkButton        *save_button;
  AdwEntryRow      *title_row;
  AdwComboRow      *kind_row;
  AdwActionRow     *medication_row;
  MdMedicationChooser *medication_chooser;
  AdwComboRow      *repeat_row;
  AdwActionRow     *times_row;
  GtkEntry         *times_entry;
  AdwPreferencesRow *days_row;
  GtkBox           *days_box;
  AdwActionRow     *every_row;
  GtkSpinButton    *every_spin;
  AdwActionRow     *start_row;
  MdDateTimeButton *start_button;
  AdwActionRow     *at_row;
  MdDateTimeButton *at_button;
  AdwComboRow      *notice_row;
  AdwActionRow     *custom_notice_row;
  GtkSpinButton    *notice_spin;
  GtkLabel         *problem_label;
  GtkRevealer      *problem_revealer;

  /* Borrowed */
  GtkToggleButton  *day_buttons[8]; /* by GDateWeekday, 1 = Monday */
  GtkWidget        *problem_row;

  /* Owned */
  MdContext        *context; /* the diary is the context's: never kept */
  MdReminder       *reminder;
  GtkFilterListModel *medications;
  char             *problem;
  char             *original_schedule;

  gboolean          loading;
};

G_DEFINE_FINAL_TYPE (MdReminderEditor, md_reminder_editor, ADW_TYPE_WINDOW)

static const char *
selected_kind (MdReminderEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  return kinds[MIN (selected, G_N_ELEMENTS (kinds) - 1)];
}

/* "8:00, 20:00" → "08:00,20:00"; the schedule refuses what is left wrong. */
static char *
normalize_times (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text, ", ;", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ',');
      if (strlen (parts[i]) == 4 && parts[i][1] == ':')
        g_string_append_c (out, '0');
      g_string_append (out, parts[i]);
    }

  return g_string_free (out, FALSE);
}

static char *
form_schedule (MdReminderEditor *self)
{
  g_autofree char *times = normalize_times (gtk_editable_get_text (GTK_EDITABLE (self->times_entry)));

  if (g_str_equal (selected_kind (self), "appointment"))
    {
      g_autofree char *at = g_date_time_format (md_date_time_button_get_date_time (self->at_button),
                                                "%Y-%m-%dT%H:%M");
      gint64 lead;

      switch (adw_combo_row_get_selected (self->notice_row))
        {
        case NOTICE_DAY:
          lead = 24 * 3600;
          break;

        case NOTICE_TWO_HOURS:
          lead = 2 * 3600;
          break;

        case NOTICE_CUSTOM:
        default:
          lead = (gint64) gtk_spin_button_get_value_as_int (self->notice_spin) * 3600;
          break;
        }

      return g_strdup_printf ("v1;once;at=%s;lead=%" G_GINT64_FORMAT, at, lead);
    }

  if (adw_combo_row_get_selected (self->repeat_row) == REPEAT_EVERY_N_DAYS)
    {
      g_autofree char *start = g_date_time_format (md_date_time_button_get_date_time (self->start_button),
                                                   "%Y-%m-%d");

      return g_strdup_printf ("v1;every;n=%d;start=%s;times=%s",
                              gtk_spin_button_get_value_as_int (self->every_spin), start, times);
    }
  else
    {
      static const char *names[] = { NULL, "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
      GString *out = g_string_new ("v1;daily;times=");

      g_string_append (out, times);
      g_string_append (out, ";days=");
      for (guint d = 1, first = TRUE; d <= 7; d++)
        if (gtk_toggle_button_get_active (self->day_buttons[d]))
          {
            g_string_append_printf (out, "%s%s", first ? "" : ",", names[d]);
            first = FALSE;
          }

      return g_string_free (out, FALSE);
    }
}

/* The row a schedule problem is about, from the field its sentence names. */
static GtkWidget *
problem_field (MdReminderEditor *self,
               const char       *problem)
{
  /* Translators: each must be the start of the field's problem sentences,
   * e.g. "Times: choose at least one time of day." */
  struct { const char *prefix; GtkWidget *row; } fields[] = {
    { _("Times:"), GTK_WIDGET (self->times_row) },
    { _("Days:"), GTK_WIDGET (self->days_row) },
    { _("Every:"), GTK_WIDGET (self->every_row) },
    { _("Start:"), GTK_WIDGET (self->start_row) },
    { _("At:"), GTK_WIDGET (self->at_row) },
    { _("Title:"), GTK_WIDGET (self->title_row) },
    { _("Medication:"), GTK_WIDGET (self->medication_row) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_has_prefix (problem, fields[i].prefix))
      return fields[i].row;

  return NULL;
}

static void
update_visibility (MdReminderEditor *self)
{
  const char *kind = selected_kind (self);
  gboolean once = g_str_equal (kind, "appointment");
  gboolean every = adw_combo_row_get_selected (self->repeat_row) == REPEAT_EVERY_N_DAYS;

  gtk_widget_set_visible (GTK_WIDGET (self->medication_row), g_str_equal (kind, "medication"));
  gtk_widget_set_visible (GTK_WIDGET (self->repeat_row), !once);
  gtk_widget_set_visible (GTK_WIDGET (self->times_row), !once);
  gtk_widget_set_visible (GTK_WIDGET (self->days_row), !once && !every);
  gtk_widget_set_visible (GTK_WIDGET (self->every_row), !once && every);
  gtk_widget_set_visible (GTK_WIDGET (self->start_row), !once && every);
  gtk_widget_set_visible (GTK_WIDGET (self->at_row), once);
  gtk_widget_set_visible (GTK_WIDGET (self->notice_row), once);
  gtk_widget_set_visible (GTK_WIDGET (self->custom_notice_row),
                          once && adw_combo_row_get_selected (self->notice_row) == NOTICE_CUSTOM);
}

static void
validate (MdReminderEditor *self)
{
  g_autofree char *schedule_text = form_schedule (self);
  g_autoptr(MdSchedule) schedule = NULL;
  g_autoptr(GDateTime) now = md_context_now_local (self->context);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  MdMedication *medication = md_medication_chooser_get_selected_item (self->medication_chooser);
  const char *kind = selected_kind (self);

  g_clear_pointer (&self->problem, g_free);

  /* A daily check-in is named by its kind; others need a title. */
  if (title[0] == '\0' && !g_str_equal (kind, "check-in"))
    self->problem = g_strdup (_("Title: give the reminder a title."));
  else if (g_str_equal (kind, "medication") && medication == NULL)
    self->problem = g_strdup (_("Medication: choose a medication from your list."));
  else if ((schedule = md_schedule_parse (schedule_text, &error)) == NULL ||
           !md_schedule_validate (schedule, now, &error))
    self->problem = g_strdup (error->message);

  if (self->problem_row != NULL)
    gtk_widget_remove_css_class (self->problem_row, "error");
  self->problem_row = self->problem != NULL ? problem_field (self, self->problem) : NULL;
  if (self->problem_row != NULL)
    md_editor_mark_field (self->problem_row, TRUE);

  md_editor_show_problem (self->problem_label, self->problem_revealer, self->problem);
  md_editor_update_save (GTK_WIDGET (self), self->problem == NULL);
}

static void
form_changed_cb (MdReminderEditor *self)
{
  if (self->reminder == NULL || self->loading)
    return;

  md_editor_mark_touched (GTK_WIDGET (self));
  validate (self);
}

static void
kind_changed_cb (MdReminderEditor *self)
{
  update_visibility (self);
  form_changed_cb (self);
}

/* Medications in use, and an archived one only if this reminder has it. */
static gboolean
offered (gpointer item,
         gpointer user_data)
{
  MdMedication *medication = item;

  return !medication->archived || g_strcmp0 (medication->uuid, user_data) == 0;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  md_reminder_editor_save (MD_REMINDER_EDITOR (widget));
}

static void
md_reminder_editor_dispose (GObject *object)
{
  MdReminderEditor *self = MD_REMINDER_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MD_TYPE_REMINDER_EDITOR);
  g_clear_object (&self->medications);
  g_clear_object (&self->context);
  g_clear_object (&self->reminder);
  g_clear_pointer (&self->problem, g_free);
  g_clear_pointer (&self->original_schedule, g_free);

  G_OBJECT_CLASS (md_reminder_editor_parent_class)->dispose (object);
}

static void
md_reminder_editor_class_init (MdReminderEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = md_reminder_editor_dispose;

  g_type_ensure (MD_TYPE_DATE_TIME_BUTTON);
  g_type_ensure (MD_TYPE_MEDICATION_CHOOSER);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/md-reminder-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, MdReminderEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, MdReminderEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, MdReminderEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, MdReminderEditor, medication_row);
  gtk_widget_class_bind_template_child (widget_class, MdReminderEditor, medication_chooser);
  gtk_widget_class_bind_template_child (widget_class, MdReminderEditor, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, MdReminderEditor, times_row);
  gtk_widget_class_bind_template_child (widget_class, MdReminderEditor, times_entry);
  gtk_widget_class_bind_template_child (widget_class, MdReminderEditor, days_row);
  gtk_widget_class_bind_template_child (widget_class, MdReminderEditor, days_box);
  gtk_widget_class_bind_template_child (widget_class, MdReminderEditor, every_row);
  gtk_widget_class_bind_template_child (widget_class, MdReminderEditor, every_spin);
  gtk_widget_class_bind_template_child (widget_class, MdReminderEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, MdReminderEditor, start_button);
  gtk_widget_class_bind_template_child (widget_class, MdReminderEditor, at_row);
  gtk_widget_class_bind_template_child (widget_class, MdReminderEditor, at_button);
  gtk_widget_class_bind_template_child (widget_class, MdReminderEditor, notice_row);
  gtk_widget_class_bind_template_child (widget_class, MdReminderEditor, custom_notice_row);
  gtk_widget_class_bind_template_child (widget_class, MdReminderEditor, notice_spin);
  gtk_widget_class_bind_template_child (widget_class, MdReminderEditor, problem_label);
  gtk_widget_class_bind_template_child (widget_class, MdReminderEditor, problem_revealer);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);

  md_editor_class_install_actions (widget_class, save_action);
}

static void
md_reminder_editor_init (MdReminderEditor *self)
{
  /* 2024-01-01 was a Monday: the locale names the weekdays. */
  g_autoptr(GDateTime) monday = g_date_time_new_utc (2024, 1, 1, 12, 0, 0);

  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  md_accessible_fix_names_when_mapped (GTK_WIDGET (self));
  md_editor_guard_scroll (GTK_WIDGET (self));

  for (guint d = 1; d <= 7; d++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (monday, d - 1);
      g_autofree char *short_name = g_date_time_format (day, "%a");
      g_autofree char *long_name = g_date_time_format (day, "%A");
      GtkWidget *button = gtk_toggle_button_new_with_label (short_name);

      gtk_widget_set_tooltip_text (button, long_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, long_name, -1);
      g_signal_connect_object (button, "toggled", G_CALLBACK (form_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->days_box, button);
      self->day_buttons[d] = GTK_TOGGLE_BUTTON (button);
    }
}

static GDateTime *
date_at (GDate *date,
         int    minutes)
{
  return g_date_time_new_local (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date),
                                minutes / 60, minutes % 60, 0);
}

static void
load_schedule (MdReminderEditor *self,
               const char       *text)
{
  g_autoptr(MdSchedule) schedule = md_schedule_parse (text, NULL);
  g_autofree char *times = NULL;
  GDate date;
  int minutes;
  gint64 lead;

  if (schedule == NULL)
    return;

  times = md_schedule_get_times (schedule);
  gtk_editable_set_text (GTK_EDITABLE (self->times_entry), times);

  switch (md_schedule_get_kind (schedule))
    {
    case MD_SCHEDULE_DAILY:
      adw_combo_row_set_selected (self->repeat_row, REPEAT_WEEKDAYS);
      for (guint d = 1; d <= 7; d++)
        gtk_toggle_button_set_active (self->day_buttons[d], (md_schedule_get_weekdays (schedule) & (1 << d)) != 0);
      break;

    case MD_SCHEDULE_EVERY_N_DAYS:
      adw_combo_row_set_selected (self->repeat_row, REPEAT_EVERY_N_DAYS);
      gtk_spin_button_set_value (self->every_spin, md_schedule_get_every (schedule, &date));
      if (g_date_valid (&date))
        {
          g_autoptr(GDateTime) start = date_at (&date, 12 * 60);

          md_date_time_button_set_date_time (self->start_button, start);
        }
      break;

    case MD_SCHEDULE_ONCE:
    default:
      lead = md_schedule_get_once (schedule, &date, &minutes);
      if (g_date_valid (&date))
        {
          g_autoptr(GDateTime) at = date_at (&date, minutes);

          md_date_time_button_set_date_time (self->at_button, at);
        }
      if (lead == 24 * 3600)
        adw_combo_row_set_selected (self->notice_row, NOTICE_DAY);
      else if (lead == 2 * 3600)
        adw_combo_row_set_selected (self->notice_row, NOTICE_TWO_HOURS);
      else
        {
          adw_combo_row_set_selected (self->notice_row, NOTICE_CUSTOM);
          gtk_spin_button_set_value (self->notice_spin, (double) lead / 3600);
        }
      break;
    }
}

/**
 * md_reminder_editor_new:
 * @reminder: (nullable): the reminder to edit, or %NULL for a new one
 */
MdReminderEditor *
md_reminder_editor_new (GtkWindow  *parent,
                        MdContext  *context,
                        MdReminder *reminder)
{
  MdReminderEditor *self;
  MdReminder *r;
  g_autoptr(GDateTime) now = md_context_now_local (context);
  g_autoptr(GDateTime) nine = NULL;
  g_autoptr(GDateTime) tomorrow = NULL;

  g_return_val_if_fail (MD_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (md_context_get_diary (context) != NULL, NULL);

  self = md_editor_new (MD_TYPE_REMINDER_EDITOR, parent, context);
  self->context = g_object_ref (context);
  md_date_time_button_set_context (self->start_button, context);
  md_date_time_button_set_context (self->at_button, context);
  self->reminder = reminder != NULL ? md_reminder_copy (reminder) : md_reminder_new ();
  r = self->reminder;

  self->medications = md_editor_offer_medications (self->medication_chooser, context, offered,
                                                   r->medication_uuid);

  md_medication_chooser_select_uuid (self->medication_chooser, r->medication_uuid);
  /* As before the chooser: a new one starts from the first offered. */
  if (md_medication_chooser_get_selected_item (self->medication_chooser) == NULL)
    md_medication_chooser_set_selected (self->medication_chooser, 0);

  /* A new reminder: every day at 20:00; an appointment tomorrow at 09:00. */
  nine = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                g_date_time_get_day_of_month (now), 9, 0, 0);
  tomorrow = g_date_time_add_days (nine, 1);
  md_date_time_button_set_date_time (self->at_button, tomorrow);
  md_date_time_button_set_date_time (self->start_button, now);
  gtk_editable_set_text (GTK_EDITABLE (self->times_entry), "20:00");
  for (guint d = 1; d <= 7; d++)
    gtk_toggle_button_set_active (self->day_buttons[d], TRUE);

  if (reminder != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
        if (g_strcmp0 (r->kind, kinds[i]) == 0)
          adw_combo_row_set_selected (self->kind_row, i);
      gtk_editable_set_text (GTK_EDITABLE (self->title_row), r->title != NULL ? r->title : "");
      load_schedule (self, r->schedule);
      self->original_schedule = g_strdup (r->schedule);
    }

  gtk_window_set_title (GTK_WINDOW (self), reminder != NULL ? _("Reminder") : _("New Reminder"));

  update_visibility (self);
  self->loading = FALSE;
  validate (self);

  return self;
}

/**
 * md_reminder_editor_get_problem:
 *
 * Returns: (nullable): what keeps the reminder from being saved
 */
const char *
md_reminder_editor_get_problem (MdReminderEditor *self)
{
  g_return_val_if_fail (MD_IS_REMINDER_EDITOR (self), NULL);

  return self->problem;
}

static gboolean
write_reminder (gpointer   data,
                GError   **error)
{
  MdReminderEditor *self = data;
  g_autoptr(GDateTime) now = md_context_now_local (self->context);
  MdReminder *r;
  MdMedication *medication;
  const char *kind;

  r = self->reminder;
  kind = selected_kind (self);
  medication = md_medication_chooser_get_selected_item (self->medication_chooser);

  g_free (r->kind);
  r->kind = g_strdup (kind);
  g_free (r->title);
  r->title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  if (r->title[0] == '\0')
    {
      g_free (r->title);
      r->title = g_strdup (md_catalogue_get_label (MD_CATALOGUE_REMINDER_KIND, kind));
    }
  g_free (r->schedule);
  r->schedule = form_schedule (self);
  g_free (r->medication_uuid);
  r->medication_uuid = g_str_equal (kind, "medication") && medication != NULL ? g_strdup (medication->uuid) : NULL;

  /* A new or moved schedule counts from now: its times already past
   * today are not "missed". */
  if (r->uuid == NULL || g_strcmp0 (r->schedule, self->original_schedule) != 0)
    {
      r->last_fired = g_date_time_to_unix (now);
      r->snoozed_until = 0;
    }
  if (r->uuid == NULL)
    r->enabled = TRUE;

  return md_diary_save_reminder (md_context_get_diary (self->context), r, error);
}

gboolean
md_reminder_editor_save (MdReminderEditor *self)
{
  g_return_val_if_fail (MD_IS_REMINDER_EDITOR (self), FALSE);

  return md_editor_save (GTK_WINDOW (self), (MdEditorValidateFunc) validate, write_reminder,
                         &self->problem, self->problem_label, self->problem_revealer);
}
