/* md-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "md-window"

#include "config.h"

#include <glib/gi18n.h>

#include "md-accessible.h"
#include "md-day-editor.h"
#include "md-window-private.h"


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

/* The Charts and Reminders views are built when first shown (or needed
 * by the report): a window that opens on the diary does not pay for them
 * before its first frame. */
MdChartsPage *
md_window_ensure_charts_page (MdWindow *self)
{
  if (self->charts_page == NULL)
    {
      MdApplication *app = md_window_get_md_application (self);

      self->charts_page = MD_CHARTS_PAGE (md_charts_page_new ());
      adw_bin_set_child (self->charts_bin, GTK_WIDGET (self->charts_page));
      if (app != NULL)
        md_charts_page_set_context (self->charts_page, md_application_get_context (app));
    }

  return self->charts_page;
}

static MdRemindersPage *
ensure_reminders_page (MdWindow *self)
{
  if (self->reminders_page == NULL)
    {
      MdApplication *app = md_window_get_md_application (self);

      self->reminders_page = g_object_new (MD_TYPE_REMINDERS_PAGE, NULL);
      adw_bin_set_child (self->reminders_bin, GTK_WIDGET (self->reminders_page));
      if (app != NULL)
        md_reminders_page_set_context (self->reminders_page, md_application_get_context (app));
    }

  return self->reminders_page;
}

static void
visible_view_changed_cb (MdWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->stack);

  /* Search searches the diary: it is offered in the Diary view. */
  gtk_widget_set_visible (GTK_WIDGET (self->search_button), g_strcmp0 (name, "diary") == 0);

  if (g_strcmp0 (name, "charts") == 0)
    md_window_ensure_charts_page (self);
  else if (g_strcmp0 (name, "reminders") == 0)
    ensure_reminders_page (self);
}

/* The one place that decides which window actions can run. */
void
md_window_update_actions (MdWindow *self)
{
  MdApplication *app = md_window_get_md_application (self);
  gboolean have_diary = app != NULL && md_application_get_diary (app) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-csv", have_diary && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-csv", have_diary && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.attack-started", have_diary);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.no-headache-today", have_diary);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.record-day", have_diary);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.log-dose", have_diary);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", have_diary && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf", have_diary && !self->busy);
}

static void
log_dose_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  MdWindow *self = MD_WINDOW (widget);

  md_window_show_view (self, "diary");
  md_diary_page_log_dose (self->diary_page);
}

static void
record_day_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  MdWindow *self = MD_WINDOW (widget);
  MdContext *context = md_application_get_context (md_window_get_md_application (self));
  g_autoptr(GDateTime) now = md_context_now_local (context);

  gtk_window_present (GTK_WINDOW (md_day_editor_new (GTK_WINDOW (self), context, now)));
}

static void
attack_started_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  MdWindow *self = MD_WINDOW (widget);

  md_window_show_view (self, "diary");
  md_diary_page_start_attack (self->diary_page);
}

static void
no_headache_today_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  MdWindow *self = MD_WINDOW (widget);

  md_window_show_view (self, "diary");
  md_diary_page_record_headache_free_today (self->diary_page);
}

/* Ctrl+F anywhere in the window searches the diary. */
static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MdWindow *self = MD_WINDOW (widget);

  md_window_show_view (self, "diary");
  gtk_widget_activate_action (GTK_WIDGET (self->diary_page), "diary.search", NULL);
}

/* "Took Medication", "Pain Now" and "Attack Ended" from the keyboard act
 * on the ongoing attack, as its row's buttons do; with none ongoing they
 * do nothing. */
static void
ongoing_attack_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  MdWindow *self = MD_WINDOW (widget);
  g_autofree char *uuid = md_diary_page_dup_ongoing_attack (self->diary_page);

  if (uuid == NULL)
    return;

  md_window_show_view (self, "diary");
  if (g_str_equal (action_name, "win.took-medication"))
    md_diary_page_add_dose (self->diary_page, uuid);
  else if (g_str_equal (action_name, "win.pain-now"))
    md_diary_page_record_pain (self->diary_page, uuid);
  else
    md_diary_page_end_attack (self->diary_page, uuid);
}


static void
diary_changed_cb (MdWindow *self)
{
  md_window_update_actions (self);
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

  /* Jobs of this window end with it (they hold the application, not
   * the window's widgets). */
  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), MD_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->file_chooser);
  g_clear_handle_id (&self->progress_source, g_source_remove);

  G_OBJECT_CLASS (md_window_parent_class)->dispose (object);
}

/* A destroyed window is unrealized at once, but disposed only when its
 * jobs let go of it: they are cancelled here. */
static void
md_window_unrealize (GtkWidget *widget)
{
  g_cancellable_cancel (MD_WINDOW (widget)->cancellable);

  GTK_WIDGET_CLASS (md_window_parent_class)->unrealize (widget);
}

/* The cancellable outlives dispose: a job that ends after the window
 * closed still asks it whether the window is gone. */
static void
md_window_finalize (GObject *object)
{
  MdWindow *self = MD_WINDOW (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (md_window_parent_class)->finalize (object);
}

static void
md_window_class_init (MdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = md_window_constructed;
  object_class->dispose = md_window_dispose;
  object_class->finalize = md_window_finalize;
  widget_class->unrealize = md_window_unrealize;
  window_class->close_request = md_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/md-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MdWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, diary_page);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, charts_bin);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, reminders_bin);

  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.attack-started", NULL, attack_started_action);
  gtk_widget_class_install_action (widget_class, "win.no-headache-today", NULL,
                                   no_headache_today_action);
  gtk_widget_class_install_action (widget_class, "win.record-day", NULL, record_day_action);
  gtk_widget_class_install_action (widget_class, "win.log-dose", NULL, log_dose_action);
  md_window_class_init_jobs (widget_class);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_install_action (widget_class, "win.took-medication", NULL, ongoing_attack_action);
  gtk_widget_class_install_action (widget_class, "win.pain-now", NULL, ongoing_attack_action);
  gtk_widget_class_install_action (widget_class, "win.attack-ended", NULL, ongoing_attack_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "win.took-medication", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.pain-now", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_P, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.pain-now", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.attack-ended", NULL);

  /**
   * MdWindow::report-written:
   * @file: the PDF
   *
   * A report was exported or printed to a file.
   */
  g_signal_new ("report-written", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
md_window_init (MdWindow *self)
{
  g_type_ensure (MD_TYPE_DIARY_PAGE);

  gtk_widget_init_template (GTK_WIDGET (self));
  md_accessible_fix_names_when_mapped (GTK_WIDGET (self));
  g_signal_connect_object (self->stack, "notify::visible-child-name",
                           G_CALLBACK (visible_view_changed_cb), self, G_CONNECT_SWAPPED);
  g_object_bind_property (self->search_button, "active",
                          md_diary_page_get_search_bar (self->diary_page), "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  visible_view_changed_cb (self);

  self->settings = g_settings_new (APP_ID);
  self->cancellable = g_cancellable_new ();
}

MdWindow *
md_window_new (MdApplication *application)
{
  MdWindow *self;

  g_return_val_if_fail (MD_IS_APPLICATION (application), NULL);

  self = g_object_new (MD_TYPE_WINDOW,
                       "application", application,
                       NULL);

  /* "application" is set after construction, so follow its context from
   * here; the pages follow it themselves. */
  md_diary_page_set_context (self->diary_page, md_application_get_context (application));
  g_signal_connect_object (md_application_get_context (application), "notify::diary",
                           G_CALLBACK (diary_changed_cb), self, G_CONNECT_SWAPPED);
  diary_changed_cb (self);

  return self;
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

  md_accessible_add_toast (self->toast_overlay, toast);
}

/**
 * md_window_get_diary_page:
 *
 * Returns: (transfer none): the Diary view
 */
GtkWidget *
md_window_get_diary_page (MdWindow *self)
{
  g_return_val_if_fail (MD_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->diary_page);
}

/**
 * md_window_get_reminders_page:
 *
 * Returns: (transfer none): the Reminders view
 */
GtkWidget *
md_window_get_reminders_page (MdWindow *self)
{
  g_return_val_if_fail (MD_IS_WINDOW (self), NULL);

  return GTK_WIDGET (ensure_reminders_page (self));
}

/**
 * md_window_get_charts_page:
 *
 * Returns: (transfer none): the Charts view, built now if it was not yet
 */
GtkWidget *
md_window_get_charts_page (MdWindow *self)
{
  g_return_val_if_fail (MD_IS_WINDOW (self), NULL);

  return GTK_WIDGET (md_window_ensure_charts_page (self));
}
