/* md-diary-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Diary view: one click to log that an attack started, one to record
 * a day without headache, and the attacks newest first in a virtualised
 * list whose rows are built only when they are on screen.
 */

#define G_LOG_DOMAIN "md-diary-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "md-accessible.h"
#include "md-attack-editor.h"
#include "md-catalogue.h"
#include "md-editor-utils.h"
#include "md-date-time-button.h"
#include "md-day-editor.h"
#include "md-dose-editor.h"
#include "md-context.h"
#include "md-diary-page.h"
#include "md-diary-row.h"
#include "md-stats.h"
#include "md-error.h"
#include "md-pain-dialog.h"
#include "md-pain-picker.h"
#include "md-timeline.h"
#include "md-window.h"

struct _MdDiaryPage
{
  AdwBin       parent_instance;

  /* Template widgets */
  GtkStack       *stack;
  GtkListView    *list_view;
  GtkSearchBar   *search_bar;
  GtkSearchEntry *search_entry;
  MdDateTimeButton *jump_button;

  /* Owned */
  MdContext      *context; /* followed: the page shows its diary */
  MdDiary        *diary;
  MdTimeline     *timeline;
  GtkNoSelection *selection;
};

G_DEFINE_FINAL_TYPE (MdDiaryPage, md_diary_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DIARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
add_toast (MdDiaryPage *self,
           AdwToast    *toast)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), MD_TYPE_WINDOW);

  if (window != NULL)
    md_window_add_toast (MD_WINDOW (window), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
toast_error (MdDiaryPage *self,
             GError      *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  add_toast (self, toast);
}

static void
update_visible_page (MdDiaryPage *self)
{
  gboolean empty = self->timeline == NULL ||
                   (g_list_model_get_n_items (G_LIST_MODEL (self->timeline)) == 0 &&
                    md_timeline_get_search (self->timeline) == NULL &&
                    !md_timeline_is_loading (self->timeline));

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              MdDiaryPage              *self)
{
  gtk_list_item_set_child (item, md_diary_row_new ());
  gtk_list_item_set_activatable (item, TRUE);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             MdDiaryPage              *self)
{
  GObject *object = gtk_list_item_get_item (item);

  gtk_list_item_set_activatable (item, !MD_IS_TIMELINE_HEADER (object));
  md_diary_row_bind (MD_DIARY_ROW (gtk_list_item_get_child (item)), self->diary, object);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               MdDiaryPage              *self)
{
  md_diary_row_bind (MD_DIARY_ROW (gtk_list_item_get_child (item)), NULL, NULL);
}

static void
items_changed_cb (MdDiaryPage *self)
{
  update_visible_page (self);
}

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

/* Gives the keyboard focus to the row of @uuid (an attack, a dose or a
 * day's date), if it is on screen. */
static gboolean
focus_entry (MdDiaryPage *self,
             const char  *uuid)
{
  GtkWidget *list = GTK_WIDGET (self->list_view);

  for (GtkWidget *item = gtk_widget_get_first_child (list);
       item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);

      if (MD_IS_DIARY_ROW (row) && gtk_widget_get_mapped (item) &&
          g_strcmp0 (md_diary_row_get_uuid (MD_DIARY_ROW (row)), uuid) == 0)
        return gtk_widget_grab_focus (item);
    }

  return FALSE;
}

typedef struct
{
  MdDiaryPage *page;
  char        *uuid;
} FocusReturn;

static void
focus_return_free (gpointer data)
{
  FocusReturn *focus = data;

  g_object_unref (focus->page);
  g_free (focus->uuid);
  g_free (focus);
}

static void
focus_return_notify (gpointer  data,
                     GClosure *closure)
{
  focus_return_free (data);
}

static gboolean
focus_return_cb (gpointer data)
{
  FocusReturn *focus = data;

  if (focus->uuid != NULL)
    focus_entry (focus->page, focus->uuid);

  return G_SOURCE_REMOVE;
}

static gboolean
editor_close_request_cb (GtkWindow   *editor,
                         FocusReturn *focus)
{
  FocusReturn *later = g_new0 (FocusReturn, 1);

  /* A dose logged on its own has its uuid once saved. */
  later->page = g_object_ref (focus->page);
  later->uuid = focus->uuid != NULL ? g_strdup (focus->uuid)
                : MD_IS_DOSE_EDITOR (editor) ? g_strdup (md_dose_editor_get_dose (MD_DOSE_EDITOR (editor))->uuid)
                : NULL;
  g_idle_add_full (G_PRIORITY_LOW, focus_return_cb, later, focus_return_free);

  return GDK_EVENT_PROPAGATE;
}

/* When an editor opened from the diary closes, the keyboard focus goes
 * back to the row it edited: not to whatever button the rebuilt row puts
 * first ("Attack Ended"), where the next Enter would end the attack. */
static void
return_focus_on_close (MdDiaryPage *self,
                       GtkWidget   *editor,
                       const char  *uuid)
{
  FocusReturn *focus = g_new0 (FocusReturn, 1);

  focus->page = g_object_ref (self);
  focus->uuid = g_strdup (uuid);
  g_signal_connect_data (editor, "close-request", G_CALLBACK (editor_close_request_cb), focus,
                         focus_return_notify, 0);
}

static FocusReturn *
entry_target (MdDiaryPage *self,
              const char  *uuid)
{
  FocusReturn *target = g_new0 (FocusReturn, 1);

  target->page = g_object_ref (self);
  target->uuid = g_strdup (uuid);

  return target;
}

static void
delete_attack_from_editor (gpointer data)
{
  FocusReturn *target = data;

  md_diary_page_delete_attack (target->page, target->uuid);
}

static void
delete_dose_from_editor (gpointer data)
{
  FocusReturn *target = data;

  gtk_widget_activate_action (GTK_WIDGET (target->page), "diary.delete-dose", "s", target->uuid);
}

/**
 * md_diary_page_edit_attack:
 *
 * Opens the attack editor for @uuid.
 *
 * Returns: (transfer none) (nullable): the editor
 */
GtkWidget *
md_diary_page_edit_attack (MdDiaryPage *self,
                           const char  *uuid)
{
  g_autoptr(MdAttack) attack = NULL;
  MdAttackEditor *editor;
  GtkRoot *root;

  g_return_val_if_fail (MD_IS_DIARY_PAGE (self), NULL);
  g_return_val_if_fail (self->diary != NULL, NULL);

  attack = md_diary_get_attack (self->diary, uuid);
  if (attack == NULL)
    return NULL;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  editor = md_attack_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->context, attack);
  return_focus_on_close (self, GTK_WIDGET (editor), uuid);
  /* Delete lives in the editor, with undo in the diary. */
  md_editor_offer_delete (GTK_WINDOW (editor), _("Delete Attack"), delete_attack_from_editor,
                          entry_target (self, uuid), focus_return_free);
  gtk_window_present (GTK_WINDOW (editor));

  return GTK_WIDGET (editor);
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
  return_focus_on_close (self, GTK_WIDGET (editor), attack_uuid);
  gtk_window_present (GTK_WINDOW (editor));

  return GTK_WIDGET (editor);
}

typedef struct
{
  MdDiaryPage *page;
  char        *attack_uuid;
} PainTarget;

static void
pain_target_free (gpointer  data,
                  GClosure *closure)
{
  PainTarget *target = data;

  g_object_unref (target->page);
  g_free (target->attack_uuid);
  g_free (target);
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
      toast_error (self, error);
      return FALSE;
    }

  add_toast (self, adw_toast_new (_("Pain recorded")));
  return TRUE;
}

static void
pain_now_saved_cb (MdPainDialog *dialog,
                   PainTarget   *target)
{
  md_diary_page_save_pain_now (target->page, target->attack_uuid,
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
  PainTarget *target = g_new0 (PainTarget, 1);
  MdPainDialog *dialog;
  GtkRoot *root;

  g_return_if_fail (MD_IS_DIARY_PAGE (self));

  target->page = g_object_ref (self);
  target->attack_uuid = g_strdup (attack_uuid);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = md_pain_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               _("How Is Your Pain Now?"));
  g_signal_connect_data (dialog, "saved", G_CALLBACK (pain_now_saved_cb), target,
                         pain_target_free, 0);
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

static void
edit_day (MdDiaryPage *self,
          const char  *date)
{
  g_autofree char *iso = g_strconcat (date, "T12:00:00", NULL);
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) day = g_date_time_new_from_iso8601 (iso, local);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *editor = GTK_WIDGET (md_day_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                     self->context, day));

  return_focus_on_close (self, editor, date);
  gtk_window_present (GTK_WINDOW (editor));
}

typedef struct
{
  MdDiaryPage *page;
  MdDiaryUndo *undo;
} UndoData;

static void
undo_data_free (gpointer data,
                GClosure *closure)
{
  UndoData *undo = data;

  g_object_unref (undo->page);
  md_diary_undo_free (undo->undo);
  g_free (undo);
}

static GtkWidget *
open_dose_editor (MdDiaryPage *self,
                  MdDose      *dose)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  MdDoseEditor *editor = md_dose_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                             self->context, dose);

  return_focus_on_close (self, GTK_WIDGET (editor), dose->uuid);
  if (dose->uuid != NULL)
    md_editor_offer_delete (GTK_WINDOW (editor), _("Delete Dose"), delete_dose_from_editor,
                            entry_target (self, dose->uuid), focus_return_free);
  gtk_window_present (GTK_WINDOW (editor));

  return GTK_WIDGET (editor);
}

static void
edit_dose_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  MdDiaryPage *self = MD_DIARY_PAGE (widget);
  g_autoptr(MdDose) dose = md_diary_get_dose (self->diary, g_variant_get_string (parameter, NULL));

  if (dose != NULL)
    open_dose_editor (self, dose);
}

static void
undo_dose_clicked_cb (AdwToast *toast,
                      UndoData *data)
{
  g_autoptr(GError) error = NULL;

  if (data->page->diary != NULL && !md_diary_undo (data->page->diary, data->undo, &error))
    toast_error (data->page, error);
}

static void
delete_dose_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  MdDiaryPage *self = MD_DIARY_PAGE (widget);
  g_autoptr(GError) error = NULL;
  MdDiaryUndo *undo = md_diary_delete_dose (self->diary, g_variant_get_string (parameter, NULL), &error);
  UndoData *data;
  AdwToast *toast;

  if (undo == NULL)
    {
      toast_error (self, error);
      return;
    }

  data = g_new0 (UndoData, 1);
  data->page = g_object_ref (self);
  data->undo = undo;
  toast = adw_toast_new (_("Dose deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_dose_clicked_cb), data,
                         undo_data_free, 0);
  add_toast (self, toast);
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

  return open_dose_editor (self, dose);
}

static void
edit_day_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  edit_day (MD_DIARY_PAGE (widget), g_variant_get_string (parameter, NULL));
}

static void
row_activated_cb (GtkListView *list_view,
                  guint        position,
                  MdDiaryPage *self)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->timeline), position);

  if (MD_IS_ATTACK (item))
    md_diary_page_edit_attack (self, MD_ATTACK (item)->uuid);
  else if (MD_IS_DAY (item))
    edit_day (self, MD_DAY (item)->date);
  else if (MD_IS_DOSE (item))
    open_dose_editor (self, MD_DOSE (item));
}

static void
search_changed_cb (MdDiaryPage *self)
{
  if (self->timeline != NULL)
    md_timeline_set_search (self->timeline, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
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

/**
 * md_diary_page_get_search_bar:
 *
 * Returns: (transfer none): the search bar, for the window's search button
 */
GtkSearchBar *
md_diary_page_get_search_bar (MdDiaryPage *self)
{
  g_return_val_if_fail (MD_IS_DIARY_PAGE (self), NULL);

  return self->search_bar;
}

static void
jump_date_changed_cb (MdDiaryPage *self)
{
  md_diary_page_go_to_date (self, md_date_time_button_get_date_time (self->jump_button));
}

static void
delete_attack_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  md_diary_page_delete_attack (MD_DIARY_PAGE (widget), g_variant_get_string (parameter, NULL));
}

static void
md_diary_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MdDiaryPage *self = MD_DIARY_PAGE (object);

  switch (prop_id)
    {
    case PROP_DIARY:
      g_value_set_object (value, self->diary);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_diary_page_dispose (GObject *object)
{
  MdDiaryPage *self = MD_DIARY_PAGE (object);

  /* AdwBin unparents its child itself; the template must not do it too. */
  g_clear_object (&self->selection);
  g_clear_object (&self->timeline);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->context);
  g_clear_object (&self->diary);

  G_OBJECT_CLASS (md_diary_page_parent_class)->dispose (object);
}

static void
md_diary_page_class_init (MdDiaryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* A part of the window, not an unnamed widget of some type. */
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GROUP);

  g_type_ensure (MD_TYPE_DATE_TIME_BUTTON);

  object_class->dispose = md_diary_page_dispose;
  object_class->get_property = md_diary_page_get_property;

  properties[PROP_DIARY] =
    g_param_spec_object ("diary", NULL, NULL,
                         MD_TYPE_DIARY,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/md-diary-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MdDiaryPage, stack);
  gtk_widget_class_bind_template_child (widget_class, MdDiaryPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, MdDiaryPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, MdDiaryPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MdDiaryPage, jump_button);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, jump_date_changed_cb);

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

static void
md_diary_page_init (MdDiaryPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  md_accessible_fix_names_when_mapped (GTK_WIDGET (self));
  /* Opening the search bar — its header-bar button or Ctrl+F — puts the
   * focus in the field; Escape closes it. */
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  g_signal_connect (self->list_view, "activate", G_CALLBACK (row_activated_cb), self);

  update_visible_page (self);
}

MdDiary *
md_diary_page_get_diary (MdDiaryPage *self)
{
  g_return_val_if_fail (MD_IS_DIARY_PAGE (self), NULL);

  return self->diary;
}

static void
set_diary (MdDiaryPage *self,
           MdDiary     *diary)
{
  g_return_if_fail (MD_IS_DIARY_PAGE (self));
  g_return_if_fail (diary == NULL || MD_IS_DIARY (diary));

  if (self->diary == diary)
    return;

  g_set_object (&self->diary, diary);
  g_clear_object (&self->selection);
  g_clear_object (&self->timeline);

  if (diary != NULL)
    {
      /* Large diaries fill the list from a thread: the window stays live. */
      self->timeline = md_timeline_new_in_background (diary, 20000);
      md_timeline_set_search (self->timeline, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
      self->selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->timeline)));
      g_signal_connect_object (self->timeline, "items-changed", G_CALLBACK (items_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  update_visible_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIARY]);
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
      toast_error (self, error);
      return FALSE;
    }

  add_toast (self, adw_toast_new (_("Attack logged. Add the details when you feel better.")));
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
      toast_error (self, error);
      return FALSE;
    }

  return TRUE;
}

static void
undo_clicked_cb (AdwToast *toast,
                 UndoData *data)
{
  g_autoptr(GError) error = NULL;

  if (data->page->diary != NULL && !md_diary_undo (data->page->diary, data->undo, &error))
    toast_error (data->page, error);
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
  UndoData *data;
  AdwToast *toast;

  g_return_val_if_fail (MD_IS_DIARY_PAGE (self), NULL);
  g_return_val_if_fail (self->diary != NULL, NULL);

  undo = md_diary_delete_attack (self->diary, uuid, &error);
  if (undo == NULL)
    {
      toast_error (self, error);
      return NULL;
    }

  data = g_new0 (UndoData, 1);
  data->page = g_object_ref (self);
  data->undo = undo;

  toast = adw_toast_new (_("Attack deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), data,
                         undo_data_free, 0);
  add_toast (self, toast);

  return toast;
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
        add_toast (self, adw_toast_new (error->message));
      else
        toast_error (self, error);
      return FALSE;
    }

  add_toast (self, adw_toast_new (_("Today is recorded as headache-free")));
  return TRUE;
}

/**
 * md_diary_page_get_list_view:
 *
 * Returns: (transfer none): the list, for tests and keyboard focus
 */
GtkListView *
md_diary_page_get_list_view (MdDiaryPage *self)
{
  g_return_val_if_fail (MD_IS_DIARY_PAGE (self), NULL);

  return self->list_view;
}

static void
context_diary_changed_cb (MdDiaryPage *self)
{
  set_diary (self, self->context != NULL ? md_context_get_diary (self->context) : NULL);
}

/**
 * md_diary_page_set_context:
 * @context: (nullable): what the page follows
 *
 * The page shows the context's diary, and the next one when another takes
 * its place (a restored backup): it keeps no diary of its own choosing.
 */
void
md_diary_page_set_context (MdDiaryPage *self,
                           MdContext *context)
{
  g_return_if_fail (MD_IS_DIARY_PAGE (self));
  g_return_if_fail (context == NULL || MD_IS_CONTEXT (context));

  if (self->context == context)
    return;

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_func (self->context, context_diary_changed_cb, self);
  g_set_object (&self->context, context);
  md_date_time_button_set_context (self->jump_button, context);
  if (context != NULL)
    g_signal_connect_object (context, "notify::diary", G_CALLBACK (context_diary_changed_cb), self,
                             G_CONNECT_SWAPPED);
  context_diary_changed_cb (self);
}
