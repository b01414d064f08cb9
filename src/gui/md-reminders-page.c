/* md-reminders-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Reminders view: each reminder with what it is, when it comes next
 * in words, a switch, edit and delete (with undo); an empty state that
 * offers to add the first.
 */

#define G_LOG_DOMAIN "md-reminders-page"

#include "config.h"

#include <glib/gi18n.h>

#include "md-accessible.h"
#include "md-catalogue.h"
#include "md-reminder-editor.h"
#include "md-reminder-text.h"
#include "md-context.h"
#include "md-reminders-page.h"
#include "md-schedule.h"
#include "md-undo-toast.h"
#include "md-window.h"

struct _MdRemindersPage
{
  AdwBin      parent_instance;

  /* Template widgets */
  GtkStack   *stack;
  GtkListBox *list_box;

  /* Owned */
  MdContext      *context; /* followed: the page shows its diary */
  MdDiary    *diary;
  guint       refresh_source;
  guint       midnight_source;
};

G_DEFINE_FINAL_TYPE (MdRemindersPage, md_reminders_page, ADW_TYPE_BIN)

static MdReminder *
find_reminder (MdRemindersPage *self,
               const char      *uuid)
{
  g_autoptr(GPtrArray) reminders = md_diary_list_reminders (self->diary);

  for (guint i = 0; i < reminders->len; i++)
    {
      MdReminder *reminder = g_ptr_array_index (reminders, i);

      if (g_strcmp0 (reminder->uuid, uuid) == 0)
        return g_object_ref (reminder);
    }

  return NULL;
}

static char *
describe_next (MdReminder *reminder,
               GDateTime  *now)
{
  g_autoptr(MdSchedule) schedule = md_schedule_parse (reminder->schedule, NULL);
  g_autoptr(GDateTime) next = NULL;

  if (!reminder->enabled)
    /* Translators: a reminder that is switched off */
    return g_strdup (_("Off"));

  if (schedule != NULL)
    next = md_schedule_next_occurrence (schedule, now);
  if (reminder->snoozed_until > g_date_time_to_unix (now) &&
      (next == NULL || reminder->snoozed_until < g_date_time_to_unix (next)))
    {
      g_clear_pointer (&next, g_date_time_unref);
      next = g_date_time_new_from_unix_local (reminder->snoozed_until);
    }

  return md_reminder_describe_next (next, now);
}

static void
enabled_changed_cb (GtkSwitch       *toggle,
                    GParamSpec      *pspec,
                    MdRemindersPage *self)
{
  const char *uuid = g_object_get_data (G_OBJECT (toggle), "uuid");
  g_autoptr(MdReminder) reminder = find_reminder (self, uuid);
  g_autoptr(GError) error = NULL;

  if (reminder == NULL || reminder->enabled == gtk_switch_get_active (toggle))
    return;

  reminder->enabled = gtk_switch_get_active (toggle);
  /* Switched back on, it counts from now: nothing "missed" while off. */
  if (reminder->enabled)
    {
      reminder->last_fired = md_context_now (self->context);
      reminder->snoozed_until = 0;
    }

  if (!md_diary_save_reminder (self->diary, reminder, &error))
    md_save_error_show (GTK_WIDGET (self), error);
}

/* A flat icon button at the end of @row that runs @action on its
 * reminder; the one that @activates_row also runs when the row is. */
static void
add_row_button (GtkWidget  *row,
                const char *icon,
                const char *name,
                const char *action,
                const char *uuid,
                gboolean    activates_row)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", uuid);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  if (activates_row)
    adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  /* Named last: the row labels its activatable widget by its title. */
  md_accessible_set_name (button, name);
}

static GtkWidget *
create_row (MdRemindersPage *self,
            MdReminder      *reminder,
            GDateTime       *now)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();
  g_autofree char *title = g_markup_escape_text (reminder->title, -1);
  g_autofree char *next = describe_next (reminder, now);
  g_autofree char *subtitle = NULL;
  g_autofree char *switch_name = NULL;
  g_autofree char *edit_name = NULL;
  g_autofree char *delete_name = NULL;

  /* Translators: a reminder's kind and when it comes next, e.g.
   * "Medication · Tomorrow at 08:00" */
  subtitle = g_strdup_printf (_("%s · %s"),
                              md_catalogue_get_label (MD_CATALOGUE_REMINDER_KIND, reminder->kind),
                              next);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_name (row, reminder->uuid);

  /* Translators: the accessible name of a reminder's switch; %s is its title */
  switch_name = g_strdup_printf (_("Remind “%s”"), reminder->title);
  gtk_switch_set_active (GTK_SWITCH (toggle), reminder->enabled);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (toggle, switch_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, switch_name, -1);
  g_object_set_data_full (G_OBJECT (toggle), "uuid", g_strdup (reminder->uuid), g_free);
  g_signal_connect_object (toggle, "notify::active", G_CALLBACK (enabled_changed_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);

  /* Follow-ups are made from their dose; only switched off or deleted. */
  if (g_strcmp0 (reminder->kind, "follow-up") != 0)
    {
      /* Translators: the accessible name of a reminder's edit button; %s is its title */
      edit_name = g_strdup_printf (_("Edit “%s”"), reminder->title);
      add_row_button (row, "document-edit-symbolic", edit_name, "reminders.edit", reminder->uuid, TRUE);
    }

  /* Translators: the accessible name of a reminder's delete button; %s is its title */
  delete_name = g_strdup_printf (_("Delete “%s”"), reminder->title);
  add_row_button (row, "user-trash-symbolic", delete_name, "reminders.delete", reminder->uuid, FALSE);

  return row;
}

static void refresh (MdRemindersPage *self);

/* The idle after a change and the timer at midnight both rebuild the
 * rows; whichever runs, refresh() sets the next of each. */
static gboolean
refresh_cb (gpointer user_data)
{
  MdRemindersPage *self = user_data;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_handle_id (&self->midnight_source, g_source_remove);
  refresh (self);

  return G_SOURCE_REMOVE;
}

static void
refresh (MdRemindersPage *self)
{
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GDateTime) now = md_context_now_local (self->context);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  if (self->diary == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  reminders = md_diary_list_reminders (self->diary);
  for (guint i = 0; i < reminders->len; i++)
    gtk_list_box_append (self->list_box, create_row (self, g_ptr_array_index (reminders, i), now));

  gtk_stack_set_visible_child_name (self->stack, reminders->len > 0 ? "list" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reminders.add", TRUE);

  /* "Today" and "Tomorrow" change meaning at midnight: one timer then. */
  g_clear_handle_id (&self->midnight_source, g_source_remove);
  {
    g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
    g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (tomorrow),
                                                           g_date_time_get_month (tomorrow),
                                                           g_date_time_get_day_of_month (tomorrow), 0, 0, 1);
    GTimeSpan until = g_date_time_difference (midnight, now);

    self->midnight_source = g_timeout_add_seconds_full (G_PRIORITY_LOW, (guint) MAX (1, until / G_TIME_SPAN_SECOND),
                                                        refresh_cb, self, NULL);
  }
}

/* Rows are rebuilt once the change is over: the switch that saved the
 * change is still in its own signal handler. */
static void
queue_refresh (MdRemindersPage *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_cb, self, NULL);
}

/* reminders.add, and reminders.edit and reminders.delete with the uuid
 * of the reminder of the row whose button was pressed */
static void
reminder_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  MdRemindersPage *self = MD_REMINDERS_PAGE (widget);

  if (parameter == NULL)
    md_reminders_page_add_reminder (self);
  else if (g_str_equal (action_name, "reminders.edit"))
    md_reminders_page_edit_reminder (self, g_variant_get_string (parameter, NULL));
  else
    md_reminders_page_delete_reminder (self, g_variant_get_string (parameter, NULL));
}

static void
md_reminders_page_dispose (GObject *object)
{
  MdRemindersPage *self = MD_REMINDERS_PAGE (object);

  /* AdwBin unparents its child itself; the template must not do it too. */
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_handle_id (&self->midnight_source, g_source_remove);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->context);
  g_clear_object (&self->diary);

  G_OBJECT_CLASS (md_reminders_page_parent_class)->dispose (object);
}

static void
md_reminders_page_class_init (MdRemindersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* A part of the window, not an unnamed widget of some type. */
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GROUP);

  object_class->dispose = md_reminders_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/md-reminders-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MdRemindersPage, stack);
  gtk_widget_class_bind_template_child (widget_class, MdRemindersPage, list_box);

  gtk_widget_class_install_action (widget_class, "reminders.add", NULL, reminder_action);
  gtk_widget_class_install_action (widget_class, "reminders.edit", "s", reminder_action);
  gtk_widget_class_install_action (widget_class, "reminders.delete", "s", reminder_action);
}

static void
md_reminders_page_init (MdRemindersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  md_accessible_fix_names_when_mapped (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reminders.add", FALSE);
}

static void
set_diary (MdRemindersPage *self,
           MdDiary         *diary)
{
  g_return_if_fail (MD_IS_REMINDERS_PAGE (self));
  g_return_if_fail (diary == NULL || MD_IS_DIARY (diary));

  if (self->diary == diary)
    return;

  if (self->diary != NULL)
    g_signal_handlers_disconnect_by_data (self->diary, self);
  g_set_object (&self->diary, diary);

  /* Reminders change on their own (fired, follow-ups of a new dose) and
   * with the diary (a deleted dose, an undo). */
  if (diary != NULL)
    {
      g_signal_connect_object (diary, "reminders-changed", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (diary, "changed", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reminders.add", diary != NULL);
  refresh (self);
}

/**
 * md_reminders_page_get_list_box:
 *
 * Returns: (transfer none): the list of reminders, for tests
 */
GtkListBox *
md_reminders_page_get_list_box (MdRemindersPage *self)
{
  g_return_val_if_fail (MD_IS_REMINDERS_PAGE (self), NULL);

  return self->list_box;
}

static GtkWindow *
parent_window (MdRemindersPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/**
 * md_reminders_page_add_reminder:
 *
 * Returns: (transfer none): the editor it opened
 */
GtkWidget *
md_reminders_page_add_reminder (MdRemindersPage *self)
{
  MdReminderEditor *editor;

  g_return_val_if_fail (MD_IS_REMINDERS_PAGE (self), NULL);
  g_return_val_if_fail (self->diary != NULL, NULL);

  editor = md_reminder_editor_new (parent_window (self), self->context, NULL);
  gtk_window_present (GTK_WINDOW (editor));

  return GTK_WIDGET (editor);
}

/**
 * md_reminders_page_edit_reminder:
 *
 * Returns: (transfer none) (nullable): the editor it opened
 */
GtkWidget *
md_reminders_page_edit_reminder (MdRemindersPage *self,
                                 const char      *uuid)
{
  g_autoptr(MdReminder) reminder = NULL;
  MdReminderEditor *editor;

  g_return_val_if_fail (MD_IS_REMINDERS_PAGE (self), NULL);
  g_return_val_if_fail (self->diary != NULL, NULL);

  reminder = find_reminder (self, uuid);
  if (reminder == NULL)
    return NULL;

  editor = md_reminder_editor_new (parent_window (self), self->context, reminder);
  gtk_window_present (GTK_WINDOW (editor));

  return GTK_WIDGET (editor);
}

/* Undo of a delete, in the diary the page shows now. */
static void
undo_delete (gpointer     page,
             MdDiaryUndo *undo)
{
  MdRemindersPage *self = MD_REMINDERS_PAGE (page);
  g_autoptr(GError) error = NULL;

  if (self->diary != NULL && !md_diary_undo (self->diary, undo, &error))
    md_save_error_show (GTK_WIDGET (self), error);
  else
    queue_refresh (self);
}

/**
 * md_reminders_page_delete_reminder:
 *
 * Deletes the reminder and offers to undo it.
 *
 * Returns: (transfer none) (nullable): the toast with "Undo"
 */
AdwToast *
md_reminders_page_delete_reminder (MdRemindersPage *self,
                                   const char      *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdReminder) reminder = NULL;
  g_autofree char *title = NULL;
  MdDiaryUndo *undo;
  AdwToast *toast;

  g_return_val_if_fail (MD_IS_REMINDERS_PAGE (self), NULL);
  g_return_val_if_fail (self->diary != NULL, NULL);

  reminder = find_reminder (self, uuid);
  undo = md_diary_delete_reminder (self->diary, uuid, &error);
  if (undo == NULL)
    {
      md_save_error_show (GTK_WIDGET (self), error);
      return NULL;
    }

  /* Translators: a toast; %s is the title of the deleted reminder */
  title = g_strdup_printf (_("“%s” deleted"), reminder != NULL ? reminder->title : "");
  toast = md_undo_toast_new (title, self, undo, undo_delete);
  md_toast_show (GTK_WIDGET (self), toast);

  return toast;
}

static void
context_diary_changed_cb (MdRemindersPage *self)
{
  set_diary (self, self->context != NULL ? md_context_get_diary (self->context) : NULL);
}

/**
 * md_reminders_page_set_context:
 * @context: (nullable): what the page follows
 *
 * The page shows the context's diary, and the next one when another takes
 * its place (a restored backup): it keeps no diary of its own choosing.
 */
void
md_reminders_page_set_context (MdRemindersPage *self,
                               MdContext *context)
{
  g_return_if_fail (MD_IS_REMINDERS_PAGE (self));
  g_return_if_fail (context == NULL || MD_IS_CONTEXT (context));

  if (!md_context_follow (&self->context, context, self, G_CALLBACK (context_diary_changed_cb)))
    return;
  context_diary_changed_cb (self);
}
