/* md-day-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One calendar day: whether there was a headache, menstruation, notes.
 * Choosing a day that is already recorded loads what was recorded, so
 * the day is edited, never duplicated. Untracked days stay untracked:
 * only a day saved here (or with "No headache today") counts as
 * recorded.
 */

#define G_LOG_DOMAIN "md-day-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "md-accessible.h"
#include "md-editor-utils.h"

#include "md-date-time-button.h"
#include "md-context.h"
#include "md-day-editor.h"

struct _MdDayEditor
{
  AdwWindow         parent_instance;

  /* Template widgets */
  MdDateTimeButton *date_button;
  AdwComboRow      *status_row;
  GtkSwitch        *menstruation_switch;
  GtkTextView      *notes_view;
  GtkLabel         *problem_label;
  GtkRevealer      *problem_revealer;

  /* Owned */
  MdContext        *context; /* the diary is the context's: never kept */

  gboolean          loading;
};

G_DEFINE_FINAL_TYPE (MdDayEditor, md_day_editor, ADW_TYPE_WINDOW)

static const char *status_keys[] = { NULL, "headache-free", "headache" };

static void
load_day (MdDayEditor *self)
{
  g_autofree char *date = g_date_time_format (md_date_time_button_get_date_time (self->date_button),
                                              "%Y-%m-%d");
  g_autoptr(MdDay) day = md_diary_get_day (md_context_get_diary (self->context), date);
  guint status = 0;

  self->loading = TRUE;
  for (guint i = 1; day != NULL && i < G_N_ELEMENTS (status_keys); i++)
    if (g_strcmp0 (day->status, status_keys[i]) == 0)
      status = i;
  adw_combo_row_set_selected (self->status_row, status);
  gtk_switch_set_active (self->menstruation_switch, day != NULL && day->menstruation);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            day != NULL && day->notes != NULL ? day->notes : "", -1);
  self->loading = FALSE;
}

static void
date_changed_cb (MdDayEditor *self)
{
  if (self->context != NULL)
    load_day (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  md_day_editor_save (MD_DAY_EDITOR (widget));
}

static void
md_day_editor_dispose (GObject *object)
{
  MdDayEditor *self = MD_DAY_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MD_TYPE_DAY_EDITOR);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (md_day_editor_parent_class)->dispose (object);
}

static void
md_day_editor_class_init (MdDayEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = md_day_editor_dispose;

  g_type_ensure (MD_TYPE_DATE_TIME_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/md-day-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, MdDayEditor, date_button);
  gtk_widget_class_bind_template_child (widget_class, MdDayEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, MdDayEditor, menstruation_switch);
  gtk_widget_class_bind_template_child (widget_class, MdDayEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, MdDayEditor, problem_label);
  gtk_widget_class_bind_template_child (widget_class, MdDayEditor, problem_revealer);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);

  md_editor_class_install_actions (widget_class, save_action);
}

static void
md_day_editor_init (MdDayEditor *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  md_accessible_fix_names_when_mapped (GTK_WIDGET (self));
  /* No problem yet: the empty label stays out of the accessibility tree */
  md_editor_show_problem (self->problem_label, self->problem_revealer, NULL);
  md_editor_guard_scroll (GTK_WIDGET (self));

  gtk_string_list_append (statuses, C_("day", "Not noted"));
  gtk_string_list_append (statuses, _("No headache"));
  gtk_string_list_append (statuses, _("Headache"));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
}

MdDayEditor *
md_day_editor_new (GtkWindow *parent,
                   MdContext *context,
                   GDateTime *day)
{
  MdDayEditor *self;

  g_return_val_if_fail (MD_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (md_context_get_diary (context) != NULL, NULL);

  self = md_editor_new (MD_TYPE_DAY_EDITOR, parent, context);
  self->context = g_object_ref (context);
  md_date_time_button_set_context (self->date_button, context);
  if (day != NULL)
    md_date_time_button_set_date_time (self->date_button, day);
  load_day (self);

  return self;
}

/**
 * md_day_editor_set_day:
 *
 * Chooses the day, as the calendar does; loads what it already holds.
 */
void
md_day_editor_set_day (MdDayEditor *self,
                       GDateTime   *day)
{
  g_return_if_fail (MD_IS_DAY_EDITOR (self));

  md_date_time_button_set_date_time (self->date_button, day);
}

gboolean
md_day_editor_save (MdDayEditor *self)
{
  g_autoptr(MdDay) day = md_day_new ();
  g_autoptr(GError) error = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter from, to;

  g_return_val_if_fail (MD_IS_DAY_EDITOR (self), FALSE);

  gtk_text_buffer_get_bounds (buffer, &from, &to);
  day->date = g_date_time_format (md_date_time_button_get_date_time (self->date_button), "%Y-%m-%d");
  day->status = g_strdup (status_keys[adw_combo_row_get_selected (self->status_row)]);
  day->menstruation = gtk_switch_get_active (self->menstruation_switch);
  day->notes = gtk_text_buffer_get_text (buffer, &from, &to, FALSE);

  if (!md_diary_save_day (md_context_get_diary (self->context), day, &error))
    {
      md_editor_show_problem (self->problem_label, self->problem_revealer, error->message);
      return FALSE;
    }

  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}
