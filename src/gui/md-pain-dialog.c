/* md-pain-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "How bad is the pain?" — the one question asked when an attack starts.
 * Save stays disabled until a level is chosen; Escape cancels and
 * Ctrl+Enter saves, so it works from the keyboard alone.
 */

#define G_LOG_DOMAIN "md-pain-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "md-accessible.h"
#include "md-pain-dialog.h"
#include "md-pain-picker.h"

struct _MdPainDialog
{
  AdwWindow     parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  MdPainPicker   *picker;
  GtkButton      *save_button;
};

G_DEFINE_FINAL_TYPE (MdPainDialog, md_pain_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
pain_changed_cb (MdPainDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pain.save",
                                 md_pain_picker_get_pain (self->picker) != MD_PAIN_UNSET);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  md_pain_dialog_save (MD_PAIN_DIALOG (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* Enter on a level button chooses that level and saves: starting an
 * attack is one key press after the arrow keys. */
static gboolean
key_pressed_cb (MdPainDialog          *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  int level;

  if ((keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter) ||
      (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return GDK_EVENT_PROPAGATE;

  level = md_pain_picker_get_focus_level (self->picker);
  if (level == MD_PAIN_UNSET)
    return GDK_EVENT_PROPAGATE;

  md_pain_picker_set_pain (self->picker, level);
  md_pain_dialog_save (self);

  return GDK_EVENT_STOP;
}

/* The dialog opens on the pain levels, not on Cancel. */
static void
md_pain_dialog_map (GtkWidget *widget)
{
  MdPainDialog *self = MD_PAIN_DIALOG (widget);

  GTK_WIDGET_CLASS (md_pain_dialog_parent_class)->map (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->picker));
}

static void
md_pain_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), MD_TYPE_PAIN_DIALOG);

  G_OBJECT_CLASS (md_pain_dialog_parent_class)->dispose (object);
}

static void
md_pain_dialog_class_init (MdPainDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = md_pain_dialog_dispose;
  widget_class->map = md_pain_dialog_map;

  /**
   * MdPainDialog::saved:
   *
   * The patient chose a level and saved; read it with
   * md_pain_dialog_get_pain(). The dialog closes itself.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (MD_TYPE_PAIN_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/md-pain-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MdPainDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, MdPainDialog, picker);
  gtk_widget_class_bind_template_child (widget_class, MdPainDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, pain_changed_cb);

  gtk_widget_class_install_action (widget_class, "pain.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "pain.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "pain.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "pain.save", NULL);
}

static void
md_pain_dialog_init (MdPainDialog *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  md_accessible_fix_names_when_mapped (GTK_WIDGET (self));
  pain_changed_cb (self);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

MdPainDialog *
md_pain_dialog_new (GtkWindow  *parent,
                    const char *heading)
{
  MdPainDialog *self = g_object_new (MD_TYPE_PAIN_DIALOG,
                                     "transient-for", parent,
                                     "modal", TRUE,
                                     NULL);

  adw_window_title_set_title (self->window_title, heading);
  gtk_window_set_title (GTK_WINDOW (self), heading);

  return self;
}

int
md_pain_dialog_get_pain (MdPainDialog *self)
{
  g_return_val_if_fail (MD_IS_PAIN_DIALOG (self), MD_PAIN_UNSET);

  return md_pain_picker_get_pain (self->picker);
}

int
md_pain_dialog_get_nrs (MdPainDialog *self)
{
  g_return_val_if_fail (MD_IS_PAIN_DIALOG (self), MD_PAIN_UNSET);

  return md_pain_picker_get_nrs (self->picker);
}

/**
 * md_pain_dialog_save:
 *
 * What the Save button does: emits #MdPainDialog::saved and closes, once
 * a level is chosen.
 */
void
md_pain_dialog_save (MdPainDialog *self)
{
  g_return_if_fail (MD_IS_PAIN_DIALOG (self));

  if (md_pain_picker_get_pain (self->picker) == MD_PAIN_UNSET)
    return;

  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
}
