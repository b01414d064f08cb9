/* md-diary-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Diary view: one click to log that an attack started, one to record
 * a day without headache, and the attacks newest first in a virtualised
 * list whose rows are built only when they are on screen.
 *
 * This file holds the view: its list (rows are MdDiaryRow), the editors
 * it opens and where the focus goes when they close. What its actions
 * do is in md-diary-page-actions.c.
 */

#define G_LOG_DOMAIN "md-diary-page"

#include "config.h"

#include <glib/gi18n.h>

#include "md-accessible.h"
#include "md-attack-editor.h"
#include "md-editor-utils.h"
#include "md-date-time-button.h"
#include "md-day-editor.h"
#include "md-dose-editor.h"
#include "md-context.h"
#include "md-diary-page-private.h"
#include "md-diary-row.h"
#include "md-timeline.h"
#include "md-undo-toast.h"
#include "md-window.h"

G_DEFINE_FINAL_TYPE (MdDiaryPage, md_diary_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DIARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
md_diary_page_add_toast (MdDiaryPage *self,
                         AdwToast    *toast)
{
  md_toast_show (GTK_WIDGET (self), toast);
}

void
md_diary_page_show_error (MdDiaryPage *self,
                          GError      *error)
{
  md_save_error_show (GTK_WIDGET (self), error);
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
void
md_diary_page_return_focus_on_close (MdDiaryPage *self,
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
  md_diary_page_return_focus_on_close (self, GTK_WIDGET (editor), uuid);
  /* Delete lives in the editor, with undo in the diary. */
  md_editor_offer_delete (GTK_WINDOW (editor), _("Delete Attack"), delete_attack_from_editor,
                          entry_target (self, uuid), focus_return_free);
  gtk_window_present (GTK_WINDOW (editor));

  return GTK_WIDGET (editor);
}

void
md_diary_page_open_day_editor (MdDiaryPage *self,
          const char  *date)
{
  g_autofree char *iso = g_strconcat (date, "T12:00:00", NULL);
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) day = g_date_time_new_from_iso8601 (iso, local);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *editor = GTK_WIDGET (md_day_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                     self->context, day));

  md_diary_page_return_focus_on_close (self, editor, date);
  gtk_window_present (GTK_WINDOW (editor));
}

GtkWidget *
md_diary_page_open_dose_editor (MdDiaryPage *self,
                  MdDose      *dose)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  MdDoseEditor *editor = md_dose_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                             self->context, dose);

  md_diary_page_return_focus_on_close (self, GTK_WIDGET (editor), dose->uuid);
  if (dose->uuid != NULL)
    md_editor_offer_delete (GTK_WINDOW (editor), _("Delete Dose"), delete_dose_from_editor,
                            entry_target (self, dose->uuid), focus_return_free);
  gtk_window_present (GTK_WINDOW (editor));

  return GTK_WIDGET (editor);
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
    md_diary_page_open_day_editor (self, MD_DAY (item)->date);
  else if (MD_IS_DOSE (item))
    md_diary_page_open_dose_editor (self, MD_DOSE (item));
}

static void
search_changed_cb (MdDiaryPage *self)
{
  if (self->timeline != NULL)
    md_timeline_set_search (self->timeline, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
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

  md_diary_page_class_add_actions (widget_class);
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

  if (!md_context_follow (&self->context, context, self, G_CALLBACK (context_diary_changed_cb)))
    return;
  md_date_time_button_set_context (self->jump_button, context);
  context_diary_changed_cb (self);
}
