/* md-diary-page-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the Diary view does: an attack started or ended, a dose taken,
 * the pain now, a day without headache, search and go to a date, and
 * deleting with undo — the diary.* actions and the functions the
 * window's actions call.
 */

#define G_LOG_DOMAIN "md-diary-page"

#include "config.h"

#include <glib/gi18n.h>

#include "md-diary-page-private.h"
#include "md-dose-editor.h"
#include "md-error.h"
#include "md-pain-dialog.h"
#include "md-undo-toast.h"

/**
 * md_diary_page_dup_ongoing_attack:
 *
 * Returns: (transfer full) (nullable): the uuid of the newest attack if
 *   it has not ended
 */
char *
md_diary_page_dup_ongoing_attack (MdDiaryPage *self)
{
  g_autoptr(MdAttack) attack = NULL;

  g_return_val_if_fail (MD_IS_DIARY_PAGE (self), NULL);

  if (self->diary == NULL || g_list_model_get_n_items (md_diary_get_attacks (self->diary)) == 0)
    return NULL;

  attack = g_list_model_get_item (md_diary_get_attacks (self->diary), 0);
  return attack->end == 0 ? g_strdup (attack->uuid) : NULL;
}

static void
end_attack_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  md_diary_page_end_attack (MD_DIARY_PAGE (widget), g_variant_get_string (parameter, NULL));
}

/* The medication of the most recent dose: usually the one taken again.
 * Before the first dose nothing is guessed: the patient chooses. */
static char *
last_medication (MdDiary *diary,
                 gint64   now)
{
  g_autoptr(GPtrArray) doses = md_diary_list_doses (diary, now - 365 * 24 * 3600, now + 60);

  if (doses->len > 0)
    return g_strdup (((MdDose *) g_ptr_array_index (doses, doses->len - 1))->medication_uuid);

  return NULL;
}

/**
 * md_diary_page_add_dose:
 * @attack_uuid: the attack the dose treats
 *
 * What "Took medication" does: a dose editor for a dose taken now, with
 * the last medication used and the pain now asked.
 *
 * Returns: (transfer none) (nullable): the editor
 */
GtkWidget *
md_diary_page_add_dose (MdDiaryPage *self,
                        const char  *attack_uuid)
{
  g_autoptr(MdDose) dose = md_dose_new ();
  g_autoptr(GDateTime) now = md_context_now_local (self->context);
  MdDoseEditor *editor;
  GtkRoot *root;

  g_return_val_if_fail (MD_IS_DIARY_PAGE (self), NULL);
  g_return_val_if_fail (self->diary != NULL, NULL);

  dose->attack_uuid = g_strdup (attack_uuid);
  dose->medication_uuid = last_medication (self->diary, md_context_now (self->context));
  /* To the second, as the attack's start: a dose taken in the minute the
   * attack started is after it, and its follow-up reminder counts two
   * hours from when it was really taken. */
  dose->taken = g_date_time_to_unix (now);
  dose->taken_offset = (int) (g_date_time_get_utc_offset (now) / G_TIME_SPAN_SECOND);
  dose->setting = g_strdup ("home");

  root = gtk_widget_get_root (GTK_WIDGET (self));
  editor = md_dose_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->context, dose);
  md_diary_page_return_focus_on_close (self, GTK_WIDGET (editor), attack_uuid);
  gtk_window_present (GTK_WINDOW (editor));

  return GTK_WIDGET (editor);
}

/**
 * md_diary_page_save_pain_now:
 * @attack_uuid: the attack
 * @pain: IHS 0–3
 * @nrs: 0–10 or -1
 *
 * Saves a pain reading taken now, linked to the attack's latest dose
 * before it (the 2-hour and 24-hour readings that say whether a
 * treatment worked).
 */
gboolean
md_diary_page_save_pain_now (MdDiaryPage *self,
                             const char  *attack_uuid,
                             int          pain,
                             int          nrs)
{
  g_autoptr(MdPainReading) reading = md_pain_reading_new ();
  g_autoptr(GPtrArray) doses = NULL;
  g_autoptr(GDateTime) now = md_context_now_local (self->context);
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (MD_IS_DIARY_PAGE (self), FALSE);
  g_return_val_if_fail (self->diary != NULL, FALSE);

  reading->attack_uuid = g_strdup (attack_uuid);
  reading->time = g_date_time_to_unix (now);
  reading->time_offset = (int) (g_date_time_get_utc_offset (now) / G_TIME_SPAN_SECOND);
  reading->pain = pain;
  reading->nrs = nrs;

  doses = md_diary_list_doses_for_attack (self->diary, attack_uuid);
  for (guint i = 0; i < doses->len; i++)
    {
      MdDose *dose = g_ptr_array_index (doses, i);

      if (dose->taken <= reading->time)
        {
          g_free (reading->dose_uuid);
          reading->dose_uuid = g_strdup (dose->uuid);
        }
    }

  if (!md_diary_save_pain_reading (self->diary, reading, &error))
    {
      md_diary_page_show_error (self, error);
      return FALSE;
    }

  md_diary_page_add_toast (self, adw_toast_new (_("Pain recorded")));
  return TRUE;
}

static void
pain_now_saved_cb (MdPainDialog *dialog,
                   MdDiaryPage  *self)
{
  md_diary_page_save_pain_now (self, g_object_get_data (G_OBJECT (dialog), "attack-uuid"),
                               md_pain_dialog_get_pain (dialog), md_pain_dialog_get_nrs (dialog));
}

/**
 * md_diary_page_record_pain:
 *
 * "How is your pain now?" for an attack.
 */
void
md_diary_page_record_pain (MdDiaryPage *self,
                           const char  *attack_uuid)
{
  MdPainDialog *dialog;
  GtkRoot *root;

  g_return_if_fail (MD_IS_DIARY_PAGE (self));

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = md_pain_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               _("How Is Your Pain Now?"));
  /* The dialog carries the attack it asks about. */
  g_object_set_data_full (G_OBJECT (dialog), "attack-uuid", g_strdup (attack_uuid), g_free);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (pain_now_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_dose_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  md_diary_page_add_dose (MD_DIARY_PAGE (widget), g_variant_get_string (parameter, NULL));
}

static void
record_pain_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  md_diary_page_record_pain (MD_DIARY_PAGE (widget), g_variant_get_string (parameter, NULL));
}

static void
edit_attack_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  md_diary_page_edit_attack (MD_DIARY_PAGE (widget), g_variant_get_string (parameter, NULL));
}

/* Undo of a delete: in the diary the page shows now (another may have
 * been restored since). */
static void
undo_delete (gpointer     page,
             MdDiaryUndo *undo)
{
  MdDiaryPage *self = MD_DIARY_PAGE (page);
  g_autoptr(GError) error = NULL;

  if (self->diary != NULL && !md_diary_undo (self->diary, undo, &error))
    md_diary_page_show_error (self, error);
}

/* What a delete ends with: a toast whose Undo puts @undo back, or why
 * nothing was deleted. Returns the toast, or %NULL. */
static AdwToast *
deleted (MdDiaryPage      *self,
         MdDiaryUndo      *undo,
         GError           *error,
         const char       *title,
         AdwToastPriority  priority)
{
  AdwToast *toast;

  if (undo == NULL)
    {
      md_diary_page_show_error (self, error);
      return NULL;
    }

  toast = md_undo_toast_new (title, self, undo, undo_delete);
  adw_toast_set_priority (toast, priority);
  md_diary_page_add_toast (self, toast);

  return toast;
}

static void
edit_dose_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  MdDiaryPage *self = MD_DIARY_PAGE (widget);
  g_autoptr(MdDose) dose = md_diary_get_dose (self->diary, g_variant_get_string (parameter, NULL));

  if (dose != NULL)
    md_diary_page_open_dose_editor (self, dose);
}

static void
delete_dose_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  MdDiaryPage *self = MD_DIARY_PAGE (widget);
  g_autoptr(GError) error = NULL;
  MdDiaryUndo *undo = md_diary_delete_dose (self->diary, g_variant_get_string (parameter, NULL), &error);

  deleted (self, undo, error, _("Dose deleted"), ADW_TOAST_PRIORITY_NORMAL);
}

/**
 * md_diary_page_log_dose:
 *
 * A dose on its own — a daily preventive, or a dose not tied to an
 * attack — taken now.
 *
 * Returns: (transfer none) (nullable): the editor
 */
GtkWidget *
md_diary_page_log_dose (MdDiaryPage *self)
{
  g_autoptr(MdDose) dose = md_dose_new ();
  g_autoptr(GDateTime) now = md_context_now_local (self->context);

  g_return_val_if_fail (MD_IS_DIARY_PAGE (self), NULL);
  g_return_val_if_fail (self->diary != NULL, NULL);

  dose->medication_uuid = last_medication (self->diary, md_context_now (self->context));
  dose->taken = g_date_time_to_unix (now);
  dose->taken_offset = (int) (g_date_time_get_utc_offset (now) / G_TIME_SPAN_SECOND);
  dose->setting = g_strdup ("home");

  return md_diary_page_open_dose_editor (self, dose);
}

static void
edit_day_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  md_diary_page_open_day_editor (MD_DIARY_PAGE (widget), g_variant_get_string (parameter, NULL));
}

/**
 * md_diary_page_go_to_date:
 * @date: any time on the day to show
 *
 * Scrolls the diary to that day, or the nearest earlier entry.
 */
void
md_diary_page_go_to_date (MdDiaryPage *self,
                          GDateTime   *date)
{
  g_autofree char *text = NULL;
  guint position;

  g_return_if_fail (MD_IS_DIARY_PAGE (self));

  if (self->timeline == NULL)
    return;

  text = g_date_time_format (date, "%Y-%m-%d");
  position = md_timeline_find_date (self->timeline, text);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MdDiaryPage *self = MD_DIARY_PAGE (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
delete_attack_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  md_diary_page_delete_attack (MD_DIARY_PAGE (widget), g_variant_get_string (parameter, NULL));
}

/**
 * md_diary_page_log_attack_now:
 * @pain: IHS 0–3
 * @nrs: 0–10, or -1
 *
 * Saves an attack that starts now, with the pain given.
 */
gboolean
md_diary_page_log_attack_now (MdDiaryPage *self,
                              int          pain,
                              int          nrs)
{
  g_autoptr(MdAttack) attack = md_attack_new ();
  g_autoptr(GDateTime) now = md_context_now_local (self->context);
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (MD_IS_DIARY_PAGE (self), FALSE);
  g_return_val_if_fail (self->diary != NULL, FALSE);

  attack->start = g_date_time_to_unix (now);
  attack->start_offset = (int) (g_date_time_get_utc_offset (now) / G_TIME_SPAN_SECOND);
  attack->peak_pain = pain;
  attack->peak_nrs = nrs;

  if (!md_diary_save_attack (self->diary, attack, &error))
    {
      md_diary_page_show_error (self, error);
      return FALSE;
    }

  md_diary_page_add_toast (self, adw_toast_new (_("Attack logged. Add the details when you feel better.")));
  return TRUE;
}

static void
pain_saved_cb (MdPainDialog *dialog,
               MdDiaryPage  *self)
{
  md_diary_page_log_attack_now (self, md_pain_dialog_get_pain (dialog), md_pain_dialog_get_nrs (dialog));
}

/**
 * md_diary_page_start_attack:
 *
 * What "Attack started" does: asks only for the pain, then saves.
 */
void
md_diary_page_start_attack (MdDiaryPage *self)
{
  MdPainDialog *dialog;
  GtkRoot *root;

  g_return_if_fail (MD_IS_DIARY_PAGE (self));

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = md_pain_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               _("Attack Started"));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (pain_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
md_diary_page_end_attack (MdDiaryPage *self,
                          const char  *uuid)
{
  g_autoptr(MdAttack) attack = NULL;
  g_autoptr(GDateTime) now = md_context_now_local (self->context);
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (MD_IS_DIARY_PAGE (self), FALSE);
  g_return_val_if_fail (self->diary != NULL, FALSE);

  attack = md_diary_get_attack (self->diary, uuid);
  if (attack == NULL)
    return FALSE;

  attack->end = MAX (g_date_time_to_unix (now), attack->start);
  attack->end_offset = (int) (g_date_time_get_utc_offset (now) / G_TIME_SPAN_SECOND);

  if (!md_diary_save_attack (self->diary, attack, &error))
    {
      md_diary_page_show_error (self, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * md_diary_page_delete_attack:
 *
 * Deletes an attack with a toast whose Undo puts it back, same UUID.
 *
 * Returns: (transfer none) (nullable): the toast, or %NULL when nothing
 *   was deleted
 */
AdwToast *
md_diary_page_delete_attack (MdDiaryPage *self,
                             const char  *uuid)
{
  g_autoptr(GError) error = NULL;
  MdDiaryUndo *undo;

  g_return_val_if_fail (MD_IS_DIARY_PAGE (self), NULL);
  g_return_val_if_fail (self->diary != NULL, NULL);

  undo = md_diary_delete_attack (self->diary, uuid, &error);

  return deleted (self, undo, error, _("Attack deleted"), ADW_TOAST_PRIORITY_HIGH);
}

/**
 * md_diary_page_record_headache_free_today:
 *
 * What "No headache today" does. A day with an attack is not recorded as
 * headache-free: the diary must not contradict itself.
 */
gboolean
md_diary_page_record_headache_free_today (MdDiaryPage *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (MD_IS_DIARY_PAGE (self), FALSE);
  g_return_val_if_fail (self->diary != NULL, FALSE);

  if (!md_diary_record_headache_free_today (self->diary, &error))
    {
      /* An attack that day is a fact to mention, not a failure. */
      if (g_error_matches (error, MD_DIARY_ERROR, MD_DIARY_ERROR_INVALID))
        md_diary_page_add_toast (self, adw_toast_new (error->message));
      else
        md_diary_page_show_error (self, error);
      return FALSE;
    }

  md_diary_page_add_toast (self, adw_toast_new (_("Today is recorded as headache-free")));
  return TRUE;
}

/* The diary.* actions, installed on the page's class: the rows' buttons
 * and the window's shortcuts reach them by name. */
void
md_diary_page_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "diary.end-attack", "s", end_attack_action);
  gtk_widget_class_install_action (widget_class, "diary.delete-attack", "s", delete_attack_action);
  gtk_widget_class_install_action (widget_class, "diary.edit-attack", "s", edit_attack_action);
  gtk_widget_class_install_action (widget_class, "diary.edit-day", "s", edit_day_action);
  gtk_widget_class_install_action (widget_class, "diary.edit-dose", "s", edit_dose_action);
  gtk_widget_class_install_action (widget_class, "diary.delete-dose", "s", delete_dose_action);
  gtk_widget_class_install_action (widget_class, "diary.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "diary.search", NULL);
  gtk_widget_class_install_action (widget_class, "diary.add-dose", "s", add_dose_action);
  gtk_widget_class_install_action (widget_class, "diary.record-pain", "s", record_pain_action);
}
