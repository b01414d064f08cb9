/* md-course-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A course of a preventive treatment — daily oral magnesium, say — with
 * the day it started, the day it ended (or that it goes on) and why, and
 * the dose. Its start is what the before/after comparison is measured
 * from; why it ended is what a neurologist asks before the next one.
 */

#define G_LOG_DOMAIN "md-course-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "md-accessible.h"
#include "md-editor-utils.h"

#include "md-context.h"
#include "md-course-editor.h"
#include "md-date-time-button.h"
#include "md-medication-chooser.h"

struct _MdCourseEditor
{
  AdwWindow           parent_instance;

  /* Template widgets */
  MdMedicationChooser *medication_chooser;
  MdDateTimeButton   *start_button;
  GtkSwitch          *ongoing_switch;
  AdwActionRow       *end_row;
  MdDateTimeButton   *end_button;
  AdwComboRow        *end_reason_row;
  AdwActionRow       *end_reason_notes_row;
  GtkEntry           *end_reason_notes_entry;
  GtkSpinButton      *amount_spin;
  GtkEntry           *unit_entry;
  GtkEntry           *notes_entry;
  GtkLabel           *problem_label;
  GtkRevealer        *problem_revealer;

  /* Owned */
  MdContext          *context; /* the diary is the context's: never kept */
  MdPreventiveCourse *course;
  GtkFilterListModel *medications;
  char               *problem;

  gboolean            loading;
};

G_DEFINE_FINAL_TYPE (MdCourseEditor, md_course_editor, ADW_TYPE_WINDOW)

/* The rows of end_reason_row; the first is "not said". */
static const char *end_reason_keys[] = { NULL, "not-effective", "side-effects", "other" };

static void
read_form (MdCourseEditor *self)
{
  MdPreventiveCourse *c = self->course;
  MdMedication *medication = md_medication_chooser_get_selected_item (self->medication_chooser);

  g_free (c->medication_uuid);
  c->medication_uuid = g_strdup (medication != NULL ? medication->uuid : NULL);
  g_free (c->start_date);
  c->start_date = g_date_time_format (md_date_time_button_get_date_time (self->start_button), "%Y-%m-%d");
  g_free (c->end_date);
  c->end_date = gtk_switch_get_active (self->ongoing_switch)
                ? NULL
                : g_date_time_format (md_date_time_button_get_date_time (self->end_button), "%Y-%m-%d");
  c->amount = gtk_spin_button_get_value (self->amount_spin) > 0 ? gtk_spin_button_get_value (self->amount_spin) : -1;
  g_free (c->unit);
  c->unit = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->unit_entry))));
  g_free (c->notes);
  c->notes = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->notes_entry)));

  /* Why it ended belongs to a course that ended. */
  g_free (c->end_reason);
  g_free (c->end_reason_notes);
  c->end_reason = NULL;
  c->end_reason_notes = NULL;
  if (c->end_date != NULL)
    {
      guint reason = MIN (adw_combo_row_get_selected (self->end_reason_row), G_N_ELEMENTS (end_reason_keys) - 1);

      c->end_reason = g_strdup (end_reason_keys[reason]);
      if (c->end_reason != NULL && !g_str_equal (c->end_reason, "not-effective"))
        c->end_reason_notes = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->end_reason_notes_entry))));
    }
}

static void
validate (MdCourseEditor *self)
{
  read_form (self);

  g_clear_pointer (&self->problem, g_free);
  if (self->course->medication_uuid == NULL)
    self->problem = g_strdup (_("Medication: choose a medication from your list."));
  else if (self->course->end_date != NULL && g_strcmp0 (self->course->end_date, self->course->start_date) < 0)
    self->problem = g_strdup (_("End: the course cannot end before it started."));

  gtk_widget_set_sensitive (GTK_WIDGET (self->end_row), !gtk_switch_get_active (self->ongoing_switch));
  gtk_widget_set_visible (GTK_WIDGET (self->end_reason_row), !gtk_switch_get_active (self->ongoing_switch));
  gtk_widget_set_visible (GTK_WIDGET (self->end_reason_notes_row),
                          self->course->end_reason != NULL &&
                          !g_str_equal (self->course->end_reason, "not-effective"));
  if (g_strcmp0 (self->course->end_reason, "side-effects") == 0)
    {
      /* Translators: which side effects made the patient stop a treatment */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->end_reason_notes_row), _("Which S_ide Effects"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->end_reason_notes_entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Which side effects"), -1);
    }
  else
    {
      /* Translators: the other reason a treatment was stopped */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->end_reason_notes_row), _("W_hat Reason"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->end_reason_notes_entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("What reason"), -1);
    }
  md_editor_show_problem (self->problem_label, self->problem_revealer, self->problem);
  md_editor_update_save (GTK_WIDGET (self), self->problem == NULL);
}

static gboolean
write_course (gpointer   data,
              GError   **error)
{
  MdCourseEditor *self = data;

  return md_diary_save_preventive_course (md_context_get_diary (self->context), self->course, error);
}

static void
form_changed_cb (MdCourseEditor *self)
{
  if (self->course == NULL || self->loading)
    return;

  md_editor_mark_touched (GTK_WIDGET (self));
  validate (self);
}

/* Preventive medications, and archived ones only if this course used it. */
static gboolean
offered (gpointer item,
         gpointer user_data)
{
  MdMedication *medication = item;

  /* IV magnesium is given as a preventive series as well as for attacks. */
  return (!medication->archived && (g_strcmp0 (medication->use, "preventive") == 0 ||
                                    g_strcmp0 (medication->med_class, "magnesium-iv") == 0)) ||
         g_strcmp0 (medication->uuid, user_data) == 0;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  md_course_editor_save (MD_COURSE_EDITOR (widget));
}

static void
md_course_editor_dispose (GObject *object)
{
  MdCourseEditor *self = MD_COURSE_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MD_TYPE_COURSE_EDITOR);
  g_clear_object (&self->medications);
  g_clear_object (&self->context);
  g_clear_object (&self->course);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (md_course_editor_parent_class)->dispose (object);
}

static void
md_course_editor_class_init (MdCourseEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = md_course_editor_dispose;

  g_type_ensure (MD_TYPE_DATE_TIME_BUTTON);
  g_type_ensure (MD_TYPE_MEDICATION_CHOOSER);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/md-course-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, MdCourseEditor, medication_chooser);
  gtk_widget_class_bind_template_child (widget_class, MdCourseEditor, start_button);
  gtk_widget_class_bind_template_child (widget_class, MdCourseEditor, ongoing_switch);
  gtk_widget_class_bind_template_child (widget_class, MdCourseEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, MdCourseEditor, end_button);
  gtk_widget_class_bind_template_child (widget_class, MdCourseEditor, end_reason_row);
  gtk_widget_class_bind_template_child (widget_class, MdCourseEditor, end_reason_notes_row);
  gtk_widget_class_bind_template_child (widget_class, MdCourseEditor, end_reason_notes_entry);
  gtk_widget_class_bind_template_child (widget_class, MdCourseEditor, amount_spin);
  gtk_widget_class_bind_template_child (widget_class, MdCourseEditor, unit_entry);
  gtk_widget_class_bind_template_child (widget_class, MdCourseEditor, notes_entry);
  gtk_widget_class_bind_template_child (widget_class, MdCourseEditor, problem_label);
  gtk_widget_class_bind_template_child (widget_class, MdCourseEditor, problem_revealer);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);

  md_editor_class_install_actions (widget_class, save_action);
}

static void
md_course_editor_init (MdCourseEditor *self)
{
  g_autoptr(GtkStringList) reasons = gtk_string_list_new (NULL);

  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Translators: why a preventive treatment ended: the patient did not say */
  gtk_string_list_append (reasons, C_("why it ended", "Not said"));
  gtk_string_list_append (reasons, C_("why it ended", "Not effective"));
  gtk_string_list_append (reasons, C_("why it ended", "Side effects"));
  gtk_string_list_append (reasons, C_("why it ended", "Another reason"));
  adw_combo_row_set_model (self->end_reason_row, G_LIST_MODEL (reasons));
  md_accessible_fix_names_when_mapped (GTK_WIDGET (self));
  md_editor_guard_scroll (GTK_WIDGET (self));
}

static GDateTime *
parse_date (const char *date)
{
  g_autofree char *iso = g_strconcat (date, "T12:00:00", NULL);
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();

  return g_date_time_new_from_iso8601 (iso, local);
}

/**
 * md_course_editor_new:
 * @course: (nullable): the course to edit, or %NULL for a new one
 */
MdCourseEditor *
md_course_editor_new (GtkWindow          *parent,
                      MdContext          *context,
                      MdPreventiveCourse *course)
{
  MdCourseEditor *self;
  MdPreventiveCourse *c;

  g_return_val_if_fail (MD_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (md_context_get_diary (context) != NULL, NULL);

  self = md_editor_new (MD_TYPE_COURSE_EDITOR, parent, context);
  self->context = g_object_ref (context);
  md_date_time_button_set_context (self->start_button, context);
  md_date_time_button_set_context (self->end_button, context);
  self->course = course != NULL ? md_preventive_course_copy (course) : md_preventive_course_new ();
  c = self->course;

  self->medications = md_editor_offer_medications (self->medication_chooser, context, offered,
                                                   c->medication_uuid);

  md_medication_chooser_select_uuid (self->medication_chooser, c->medication_uuid);
  /* As before the chooser: a new one starts from the first offered. */
  if (md_medication_chooser_get_selected_item (self->medication_chooser) == NULL)
    md_medication_chooser_set_selected (self->medication_chooser, 0);

  if (c->start_date != NULL)
    {
      g_autoptr(GDateTime) start = parse_date (c->start_date);

      if (start != NULL)
        md_date_time_button_set_date_time (self->start_button, start);
    }
  gtk_switch_set_active (self->ongoing_switch, c->end_date == NULL);
  if (c->end_date != NULL)
    {
      g_autoptr(GDateTime) end = parse_date (c->end_date);

      if (end != NULL)
        md_date_time_button_set_date_time (self->end_button, end);
    }
  gtk_spin_button_set_value (self->amount_spin, c->amount > 0 ? c->amount : 0);
  gtk_editable_set_text (GTK_EDITABLE (self->unit_entry), c->unit != NULL ? c->unit : "mg");
  gtk_editable_set_text (GTK_EDITABLE (self->notes_entry), c->notes != NULL ? c->notes : "");
  for (guint i = 1; i < G_N_ELEMENTS (end_reason_keys); i++)
    if (g_strcmp0 (c->end_reason, end_reason_keys[i]) == 0)
      adw_combo_row_set_selected (self->end_reason_row, i);
  gtk_editable_set_text (GTK_EDITABLE (self->end_reason_notes_entry),
                         c->end_reason_notes != NULL ? c->end_reason_notes : "");
  gtk_window_set_title (GTK_WINDOW (self), course != NULL ? _("Preventive Treatment")
                                                          : _("New Preventive Treatment"));

  self->loading = FALSE;
  validate (self);

  return self;
}

const char *
md_course_editor_get_problem (MdCourseEditor *self)
{
  g_return_val_if_fail (MD_IS_COURSE_EDITOR (self), NULL);

  return self->problem;
}

gboolean
md_course_editor_save (MdCourseEditor *self)
{
  g_return_val_if_fail (MD_IS_COURSE_EDITOR (self), FALSE);

  return md_editor_save (GTK_WINDOW (self), (MdEditorValidateFunc) validate, write_course,
                         &self->problem, self->problem_label, self->problem_revealer);
}
