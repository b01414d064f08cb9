/* md-application-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The app.* actions: quit, preferences, about, the colour scheme, and restoring a backup.
 */

#define G_LOG_DOMAIN "md-application"

#include "config.h"

#include <glib/gi18n.h>

#include "md-application-private.h"
#include "md-pain-dialog.h"
#include "md-context.h"
#include "md-database-recover.h"
#include "md-diary.h"
#include "md-preferences-window.h"
#include "md-window.h"

void
md_application_apply_color_scheme (MdApplication *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  AdwColorScheme scheme;

  switch (g_settings_get_enum (self->settings, "color-scheme"))
    {
    case 1:
      scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
      break;

    case 2:
      scheme = ADW_COLOR_SCHEME_FORCE_DARK;
      break;

    case 0:
    default:
      scheme = ADW_COLOR_SCHEME_DEFAULT;
      break;
    }

  adw_style_manager_set_color_scheme (style_manager, scheme);
}

void
md_application_color_scheme_changed_cb (MdApplication *self,
                         const char    *key,
                         GSettings     *settings)
{
  md_application_apply_color_scheme (self);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  MdApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Close windows first so each saves its state. */
  for (GList *iter = windows; iter != NULL; iter = iter->next)
    gtk_window_close (GTK_WINDOW (iter->data));
  g_list_free (windows);

  g_application_quit (G_APPLICATION (self));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  MdApplication *self = user_data;
  GtkWindow *parent = md_application_ensure_window_parent (self);
  MdPreferencesWindow *preferences = md_preferences_window_new (self->context,
                                                                md_application_get_database_path (self));

  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_set_modal (GTK_WINDOW (preferences), parent != NULL);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  MdApplication *self = user_data;
  static const char *developers[] = {
    "The Migraine Diary developers",
    NULL
  };

  adw_show_about_window (md_application_ensure_window_parent (self),
                         "application-name", _("Migraine Diary"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Migraine Diary developers"),
                         "developers", developers,
                         "copyright", "© 2026 The Migraine Diary developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "website", PACKAGE_WEBSITE,
                         "issue-url", PACKAGE_BUGREPORT,
                         /* Translators: put your names here, one per line, to be credited
                          * in the About window, e.g. "Jane Doe <jane@example.org>" */
                         "translator-credits", _("translator-credits"),
                         "comments", _("A private diary of migraine attacks and treatments. "
                                       "It describes patterns; it never makes a diagnosis."),
                         NULL);
}

/**
 * md_application_restore_backup:
 * @backup_path: one of the diary's backups
 *
 * Closes the diary, puts the backup in its place (keeping the replaced
 * diary beside the backups) and opens it again.
 */
gboolean
md_application_restore_backup (MdApplication  *self,
                               const char     *backup_path,
                               GError        **error)
{
  g_autoptr(GError) open_error = NULL;
  g_autoptr(MdDiary) diary = NULL;
  const char *path;
  gboolean ok;

  g_return_val_if_fail (MD_IS_APPLICATION (self), FALSE);

  path = md_application_get_database_path (self);

  /* A damaged backup is refused while the diary is still open. */
  if (!md_database_check_backup (backup_path, error))
    return FALSE;

  /* The diary is closed before its file is replaced: every view follows
   * the context and lets go of it, editors of its records close, and
   * anything that still holds it can no longer write to it. */
  {
    g_autoptr(MdDiary) old = NULL;

    if (md_application_get_diary (self) != NULL)
      old = g_object_ref (md_application_get_diary (self));
    md_context_set_diary (self->context, NULL);
    if (old != NULL)
      md_diary_close (old);
  }

  ok = md_database_restore_backup (backup_path, path, error);

  diary = md_diary_open (path, &open_error);
  md_context_set_diary (self->context, diary);

  if (ok && diary == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&open_error));
      return FALSE;
    }

  return ok;
}

static void
restore_backup_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  md_application_confirm_restore (user_data, g_variant_get_string (parameter, NULL));
}

/* Desktop-file actions -------------------------------------------------
 *
 * "Attack Started" and "No Headache Today" from the menu of the app's
 * icon (dock, app grid): with the window open they do what its buttons
 * do; with it closed, "Attack Started" shows only the pain dialog and
 * "No Headache Today" records the day and says so in a notification.
 * The app ends when nothing is left open.
 */

static gboolean
quick_ensure_diary (MdApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDiary) diary = NULL;

  if (md_application_get_diary (self) != NULL)
    return TRUE;

  diary = md_diary_open (md_application_get_database_path (self), &error);
  if (diary == NULL)
    {
      g_printerr ("migraine-diary: %s\n", error->message);
      return FALSE;
    }
  md_context_set_diary (self->context, diary);

  return TRUE;
}

static void
quick_tell (MdApplication *self,
            const char    *title,
            const char    *body)
{
  g_autoptr(GNotification) notification = g_notification_new (title);

  g_notification_set_body (notification, body);
  g_application_send_notification (G_APPLICATION (self), "quick-action", notification);
}

static void
quick_attack_saved_cb (MdPainDialog  *dialog,
                       MdApplication *self)
{
  g_autoptr(MdAttack) attack = md_attack_new ();
  g_autoptr(GDateTime) now = md_context_now_local (self->context);
  g_autoptr(GError) error = NULL;
  MdDiary *diary = md_application_get_diary (self);

  attack->start = g_date_time_to_unix (now);
  attack->start_offset = (int) (g_date_time_get_utc_offset (now) / G_TIME_SPAN_SECOND);
  attack->peak_pain = md_pain_dialog_get_pain (dialog);
  attack->peak_nrs = md_pain_dialog_get_nrs (dialog);

  if (diary == NULL || !md_diary_save_attack (diary, attack, &error))
    /* Translators: a notification's title when "Attack Started" from the app's icon failed */
    quick_tell (self, _("Attack Not Logged"), error != NULL ? error->message : "");
}

static GtkWindow *
quick_main_window (MdApplication *self)
{
  if (!self->gtk_started)
    return NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (MD_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

/* Without the window: the pain dialog, its own window, so the app lives
 * while it is open. */
static void
quick_attack_started (MdApplication *self)
{
  MdPainDialog *dialog;

  md_application_ensure_gtk (self);
  dialog = md_pain_dialog_new (NULL, _("Attack Started"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (quick_attack_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Without the window: records the day and says so in a notification. */
static void
quick_no_headache_today (MdApplication *self)
{
  g_autoptr(GError) error = NULL;

  if (md_diary_record_headache_free_today (md_application_get_diary (self), &error))
    /* Translators: a notification after "No Headache Today" from the app's icon */
    quick_tell (self, _("No Headache Today"), _("Today is recorded as headache-free."));
  else
    /* Translators: a notification's title when "No Headache Today" from the app's icon failed */
    quick_tell (self, _("Today Was Not Recorded"), error->message);
}

static const struct
{
  const char *name;          /* the app.* action */
  const char *window_action; /* what it does with the window open */
  void      (*without_window) (MdApplication *self);
} quick_actions[] = {
  { "quick-attack-started", "win.attack-started", quick_attack_started },
  { "quick-no-headache-today", "win.no-headache-today", quick_no_headache_today },
};

static void
quick_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  MdApplication *self = user_data;
  const char *name = g_action_get_name (G_ACTION (action));
  GtkWindow *window = quick_main_window (self);

  for (guint i = 0; i < G_N_ELEMENTS (quick_actions); i++)
    {
      if (!g_str_equal (name, quick_actions[i].name))
        continue;

      if (window != NULL)
        {
          gtk_window_present (window);
          gtk_widget_activate_action (GTK_WIDGET (window), quick_actions[i].window_action, NULL);
        }
      else if (quick_ensure_diary (self))
        {
          quick_actions[i].without_window (self);
        }
      return;
    }

  g_assert_not_reached ();
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_activated },
  { .name = "restore-backup", .activate = restore_backup_activated, .parameter_type = "s" },
  { .name = "preferences", .activate = preferences_activated },
  { .name = "about", .activate = about_activated },
  { .name = "quick-attack-started", .activate = quick_activated },
  { .name = "quick-no-headache-today", .activate = quick_activated },
};

void
md_application_add_actions (MdApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
}
