/* md-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "md-window"

#include "config.h"

#include <glib/gi18n.h>

#include "md-window.h"

struct _MdWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *stack;
  AdwViewSwitcherBar   *switcher_bar;
  AdwToastOverlay      *toast_overlay;
  GtkMenuButton        *primary_menu_button;

  /* Owned */
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (MdWindow, md_window, ADW_TYPE_APPLICATION_WINDOW)

static gboolean
is_known_view (const char *view_name)
{
  return g_strcmp0 (view_name, "diary") == 0 ||
         g_strcmp0 (view_name, "charts") == 0 ||
         g_strcmp0 (view_name, "reminders") == 0;
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  md_window_show_view (MD_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
restore_state (MdWindow *self)
{
  g_autofree char *view = NULL;
  int width;
  int height;

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  view = g_settings_get_string (self->settings, "last-view");
  md_window_show_view (self, view);
}

static void
save_state (MdWindow *self)
{
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));

  /* The default size of a maximized window is the size it returns to. */
  if (!maximized)
    {
      int width;
      int height;

      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      g_settings_set_int (self->settings, "window-width", MAX (width, 360));
      g_settings_set_int (self->settings, "window-height", MAX (height, 294));
    }

  g_settings_set_boolean (self->settings, "window-maximized", maximized);
  g_settings_set_string (self->settings, "last-view", md_window_get_view_name (self));
}

static gboolean
md_window_close_request (GtkWindow *window)
{
  save_state (MD_WINDOW (window));

  return GTK_WINDOW_CLASS (md_window_parent_class)->close_request (window);
}

static void
md_window_constructed (GObject *object)
{
  MdWindow *self = MD_WINDOW (object);

  G_OBJECT_CLASS (md_window_parent_class)->constructed (object);

  restore_state (self);
}

static void
md_window_dispose (GObject *object)
{
  MdWindow *self = MD_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MD_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (md_window_parent_class)->dispose (object);
}

static void
md_window_class_init (MdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = md_window_constructed;
  object_class->dispose = md_window_dispose;
  window_class->close_request = md_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/md-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MdWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, primary_menu_button);

  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
}

static void
md_window_init (MdWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
}

MdWindow *
md_window_new (MdApplication *application)
{
  g_return_val_if_fail (MD_IS_APPLICATION (application), NULL);

  return g_object_new (MD_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/**
 * md_window_get_view_name:
 *
 * Returns: the name of the visible view: "diary", "charts" or "reminders"
 */
const char *
md_window_get_view_name (MdWindow *self)
{
  g_return_val_if_fail (MD_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

void
md_window_show_view (MdWindow   *self,
                     const char *view_name)
{
  g_return_if_fail (MD_IS_WINDOW (self));

  if (!is_known_view (view_name))
    {
      g_warning ("Unknown view “%s”", view_name);
      return;
    }

  adw_view_stack_set_visible_child_name (self->stack, view_name);
}

void
md_window_add_toast (MdWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (MD_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
