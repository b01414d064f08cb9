/* md-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "md-application"

#include "config.h"

#include <glib/gi18n.h>

#include "md-application-private.h"
#include "md-context.h"
#include "md-diary.h"
#include "md-error.h"
#include "md-paths.h"
#include "md-report.h"
#include "md-reminder-service.h"
#include "md-window.h"

/* How often --background tries again for a diary another program holds */
#define RETRY_BACKGROUND_SECONDS 10

G_DEFINE_FINAL_TYPE (MdApplication, md_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_DATABASE_PATH,
  PROP_DIARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


static void
context_diary_changed_cb (MdApplication *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIARY]);
}



/* What needs GTK and a display. Opening the display initialises
 * rendering (on X11, GDK prepares OpenGL to choose its visual: llvmpipe
 * threads and some 50 MiB on a machine without a GPU), which a reminder
 * service without a window does not need. */
static void
startup_gtk (MdApplication *self)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *diary_accels[] = { "<Alt>1", NULL };
  static const char *charts_accels[] = { "<Alt>2", NULL };
  static const char *reminders_accels[] = { "<Alt>3", NULL };
  static const char *attack_accels[] = { "<Control>n", NULL };
  static const char *headache_free_accels[] = { "<Control>d", NULL };

  G_APPLICATION_CLASS (md_application_parent_class)->startup (G_APPLICATION (self));
  self->gtk_started = TRUE;

  /* GTK takes its direction from its own catalogue, which some
   * distributions do not ship for every language (Debian has no Arabic
   * one): our catalogue says the direction of its language too. */
  if (md_report_locale_is_rtl ())
    gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);

  g_signal_connect_object (self->settings,
                           "changed::color-scheme",
                           G_CALLBACK (md_application_color_scheme_changed_cb),
                           self,
                           G_CONNECT_SWAPPED);
  md_application_apply_color_scheme (self);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-view::diary",
                                         diary_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-view::charts",
                                         charts_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-view::reminders",
                                         reminders_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.attack-started",
                                         attack_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.no-headache-today",
                                         headache_free_accels);
}

/**
 * md_application_ensure_gtk:
 *
 * Opens the display and sets up what windows need, once: at start-up,
 * or, for `--background`, when the first window or dialog is about to be
 * shown. The activation token of the request that asked for it still
 * reaches the window.
 */
void
md_application_ensure_gtk (MdApplication *self)
{
  g_autoptr(GVariant) platform_data = NULL;

  g_return_if_fail (MD_IS_APPLICATION (self));

  if (self->gtk_started)
    return;

  startup_gtk (self);

  platform_data = g_steal_pointer (&self->pending_platform_data);
  if (platform_data != NULL)
    G_APPLICATION_CLASS (md_application_parent_class)->before_emit (G_APPLICATION (self), platform_data);
}

/**
 * md_application_ensure_window_parent:
 *
 * Opens the display if needed (md_application_ensure_gtk()), for a
 * window or dialog about to be shown.
 *
 * Returns: (transfer none) (nullable): the window it opens over, if any
 */
GtkWindow *
md_application_ensure_window_parent (MdApplication *self)
{
  g_return_val_if_fail (MD_IS_APPLICATION (self), NULL);

  md_application_ensure_gtk (self);

  return gtk_application_get_active_window (GTK_APPLICATION (self));
}

static void
md_application_startup (GApplication *application)
{
  MdApplication *self = MD_APPLICATION (application);

  /* --background starts without a display (GApplication's own start-up,
   * not GTK's); md_application_ensure_gtk() runs GTK's when a window is
   * first needed. */
  if (self->background)
    G_APPLICATION_CLASS (g_type_class_peek (G_TYPE_APPLICATION))->startup (application);

  self->settings = g_settings_new (APP_ID);
  self->context = md_context_new (self->settings);
  /* The application's "diary" property follows the context's. */
  g_signal_connect_object (self->context, "notify::diary",
                           G_CALLBACK (context_diary_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::run-in-background",
                           G_CALLBACK (md_application_update_hold), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::follow-up-24h",
                           G_CALLBACK (md_application_follow_up_setting_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::diary", G_CALLBACK (md_application_diary_opened_cb), NULL);

  md_application_add_actions (self);
  md_application_add_reminder_actions (self);
  md_application_show_notices (self, TRUE);

  if (!self->background)
    startup_gtk (self);
}

/* Before a request from another process (a second launch, a desktop
 * action) is handled: GTK's handler needs the display, so without one
 * the request's platform data waits for md_application_ensure_gtk(). */
static void
md_application_before_emit (GApplication *application,
                            GVariant     *platform_data)
{
  MdApplication *self = MD_APPLICATION (application);

  if (self->gtk_started)
    {
      G_APPLICATION_CLASS (md_application_parent_class)->before_emit (application, platform_data);
      return;
    }

  g_clear_pointer (&self->pending_platform_data, g_variant_unref);
  self->pending_platform_data = g_variant_ref (platform_data);
}

static void
md_application_after_emit (GApplication *application,
                           GVariant     *platform_data)
{
  MdApplication *self = MD_APPLICATION (application);

  g_clear_pointer (&self->pending_platform_data, g_variant_unref);
  G_APPLICATION_CLASS (md_application_parent_class)->after_emit (application, platform_data);
}

static void
md_application_shutdown (GApplication *application)
{
  MdApplication *self = MD_APPLICATION (application);

  md_application_show_notices (self, FALSE);

  /* GTK's shutdown does not chain up when it never started. */
  if (self->gtk_started)
    G_APPLICATION_CLASS (md_application_parent_class)->shutdown (application);
  else
    G_APPLICATION_CLASS (g_type_class_peek (G_TYPE_APPLICATION))->shutdown (application);
}

static void
backup_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(MdApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (!md_database_backup_if_due_finish (result, &path, &error))
    g_warning ("Could not back up the diary: %s", error->message);
  else if (path != NULL)
    g_debug ("Backed up the diary to %s", path);

  g_application_release (G_APPLICATION (self));
}

/* The diary is opened once the window has drawn its first frame, and the
 * daily backup starts in a thread after that: the window appears as fast
 * as an empty one, whatever the size of the diary, and its views fill in
 * when the lists announce their rows. */
static void
first_frame_cb (GdkFrameClock *frame_clock,
                MdApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  g_signal_handlers_disconnect_by_func (frame_clock, first_frame_cb, self);

  if (md_application_get_diary (self) == NULL)
    md_application_open_diary_or_explain (self, window);

  /* A read-only diary does not change, and nothing can be written beside it. */
  if (md_application_get_diary (self) == NULL ||
      md_database_is_read_only (md_diary_get_database (md_application_get_diary (self))))
    return;

  g_application_hold (G_APPLICATION (self));
  md_database_backup_if_due_async (md_application_get_database_path (self), NULL,
                                   backup_done_cb, g_object_ref (self));
}

static void start_background (MdApplication *self);

static gboolean
retry_background_cb (gpointer user_data)
{
  MdApplication *self = user_data;

  start_background (self);
  g_application_release (G_APPLICATION (self));

  return G_SOURCE_REMOVE;
}

/* Opens the diary for the reminders; without an enabled reminder there
 * is nothing to do, and the app ends. A diary another program holds at
 * login is waited for: the reminders start once it is free. */
static void
start_background (MdApplication *self)
{
  g_autoptr(GError) error = NULL;

  if (md_application_get_diary (self) == NULL)
    {
      g_autoptr(MdDiary) diary = md_diary_open (md_application_get_database_path (self), &error);

      if (diary == NULL)
        {
          g_printerr ("migraine-diary: %s\n", error->message);
          if (g_error_matches (error, MD_DIARY_ERROR, MD_DIARY_ERROR_BUSY))
            {
              g_printerr ("migraine-diary: %s\n",
                          /* Translators: migraine-diary --background, when another program holds the diary */
                          _("The reminders will start once the diary is free; trying again every 10 seconds."));
              g_application_hold (G_APPLICATION (self));
              g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, RETRY_BACKGROUND_SECONDS, retry_background_cb,
                                          g_object_ref (self), g_object_unref);
            }
          return;
        }
      md_context_set_diary (self->context, diary);
    }
  if (!self->held_for_reminders)
    g_printerr ("migraine-diary: %s\n",
                /* Translators: migraine-diary --background, when no reminder is switched on */
                _("No reminder is on, so there is nothing to run in the background."));
}

static void
md_application_activate (GApplication *application)
{
  MdApplication *self = MD_APPLICATION (application);
  GtkWindow *window;
  gboolean first_window = FALSE;

  self->activate_count++;

  /* Started for a desktop-file action: that, and no window. */
  if (self->quick_action != NULL)
    {
      g_autofree char *action = g_steal_pointer (&self->quick_action);

      g_action_group_activate_action (G_ACTION_GROUP (self), action, NULL);
      return;
    }

  /* --background: the reminders, without a window. The diary is opened
   * now, as there is no first frame to wait for; without an enabled
   * reminder there is nothing to do, and the app ends. */
  if (self->background)
    {
      self->background = FALSE;

      /* Ending at once without a word would leave "Start at login"
       * silently doing nothing: say why, in one line. */
      if (!g_settings_get_boolean (self->settings, "run-in-background"))
        {
          g_printerr ("migraine-diary: %s\n",
                      /* Translators: migraine-diary --background, when the preference is off */
                      _("“Run in Background” is off in Preferences, so there are no reminders without a window."));
          return;
        }

      start_background (self);
      return;
    }

  window = md_application_ensure_window_parent (self);
  if (window == NULL)
    {
      window = GTK_WINDOW (md_window_new (self));
      first_window = TRUE;
    }

  gtk_window_present (window);

  if (first_window && md_application_get_diary (self) == NULL)
    g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                      G_CALLBACK (first_frame_cb), self);
}

static void
md_application_dispose (GObject *object)
{
  MdApplication *self = MD_APPLICATION (object);

  /* An application that never ran has no shutdown. */
  md_application_show_notices (self, FALSE);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->pending_platform_data, g_variant_unref);

  G_OBJECT_CLASS (md_application_parent_class)->dispose (object);
}

static void
md_application_finalize (GObject *object)
{
  MdApplication *self = MD_APPLICATION (object);

  g_clear_pointer (&self->database_path, g_free);
  g_clear_pointer (&self->quick_action, g_free);

  G_OBJECT_CLASS (md_application_parent_class)->finalize (object);
}

static void
md_application_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MdApplication *self = MD_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      g_value_set_string (value, md_application_get_database_path (self));
      break;

    case PROP_DIARY:
      g_value_set_object (value, md_application_get_diary (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_application_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  MdApplication *self = MD_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      md_application_set_database_path (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_application_class_init (MdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = md_application_dispose;
  object_class->finalize = md_application_finalize;
  object_class->get_property = md_application_get_property;
  object_class->set_property = md_application_set_property;

  app_class->local_command_line = md_application_local_command_line;
  app_class->handle_local_options = md_application_handle_local_options;
  app_class->startup = md_application_startup;
  app_class->shutdown = md_application_shutdown;
  app_class->before_emit = md_application_before_emit;
  app_class->after_emit = md_application_after_emit;
  app_class->activate = md_application_activate;

  /**
   * MdApplication:database-path:
   *
   * The diary file; %NULL until set means the default diary.
   */
  properties[PROP_DATABASE_PATH] =
    g_param_spec_string ("database-path", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * MdApplication:diary:
   *
   * The open diary; %NULL until the first window opened it, or while it
   * cannot be opened.
   */
  properties[PROP_DIARY] =
    g_param_spec_object ("diary", NULL, NULL,
                         MD_TYPE_DIARY,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
md_application_init (MdApplication *self)
{
  md_application_add_options (self);
}

MdApplication *
md_application_new (void)
{
  return g_object_new (MD_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", APP_PATH,
                       NULL);
}

/**
 * md_application_get_database_path:
 *
 * Returns: (transfer none): the diary file in use
 */
const char *
md_application_get_database_path (MdApplication *self)
{
  g_return_val_if_fail (MD_IS_APPLICATION (self), NULL);

  if (self->database_path == NULL)
    self->database_path = md_paths_get_default_database ();

  return self->database_path;
}

void
md_application_set_database_path (MdApplication *self,
                                  const char    *database_path)
{
  g_return_if_fail (MD_IS_APPLICATION (self));

  if (g_strcmp0 (self->database_path, database_path) == 0)
    return;

  g_free (self->database_path);
  self->database_path = g_strdup (database_path);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE_PATH]);
}

/**
 * md_application_get_diary:
 *
 * Returns: (transfer none) (nullable): the open diary
 */
MdDiary *
md_application_get_diary (MdApplication *self)
{
  g_return_val_if_fail (MD_IS_APPLICATION (self), NULL);

  return self->context != NULL ? md_context_get_diary (self->context) : NULL;
}

/**
 * md_application_get_context:
 *
 * Returns: (transfer none): the context every window and dialog follows
 */
MdContext *
md_application_get_context (MdApplication *self)
{
  g_return_val_if_fail (MD_IS_APPLICATION (self), NULL);

  return self->context;
}

/**
 * md_application_get_settings:
 *
 * Returns: (transfer none): the application's settings; valid after startup
 */
GSettings *
md_application_get_settings (MdApplication *self)
{
  g_return_val_if_fail (MD_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * md_application_get_activate_count:
 *
 * How often the application was activated, by this process or by a second
 * launch; lets tests see that a second instance reached the first.
 */
guint
md_application_get_activate_count (MdApplication *self)
{
  g_return_val_if_fail (MD_IS_APPLICATION (self), 0);

  return self->activate_count;
}
