/* md-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "md-application"

#include "config.h"

#include <glib/gi18n.h>

#include "md-application.h"
#include "md-cli.h"
#include "md-diary.h"
#include "md-error.h"
#include "md-pain-dialog.h"
#include "md-paths.h"
#include "md-preferences-window.h"
#include "md-report.h"
#include "md-diary-page.h"
#include "md-reminder-service.h"
#include "md-reminder-text.h"
#include "md-window.h"

/* The exit status for a command line that could not be understood, as
 * getopt-based tools use it. */
#define EXIT_USAGE 2

struct _MdApplication
{
  AdwApplication  parent_instance;

  /* Owned */
  GSettings      *settings;
  char           *database_path;
  MdDiary        *diary;
  MdReminderService *reminder_service;

  guint           activate_count;
  gboolean        background; /* started with --background, no window yet */
  gboolean        held_for_reminders;
  char           *quick_action; /* a desktop-file action to run instead of opening the window */
};

G_DEFINE_FINAL_TYPE (MdApplication, md_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_DATABASE_PATH,
  PROP_DIARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const GOptionEntry main_entries[] = {
  { "database", 'd', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the diary file PATH instead of the default one"),
    /* Translators: placeholder in --help output */
    N_("PATH") },
  { "export-csv", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the whole diary to FILE as CSV, without opening the window"),
    /* Translators: placeholder in --help output */
    N_("FILE") },
  { "import-csv", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Add the entries of a CSV export in FILE that the diary does not have yet"),
    N_("FILE") },
  { "export-report", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the clinical report for your doctor to FILE as PDF, without opening the window"),
    N_("FILE") },
  { "from", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("With --export-report: the first day of the report (default: the first entry)"),
    /* Translators: placeholder in --help output; keep the letters as they are */
    N_("YYYY-MM-DD") },
  { "to", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("With --export-report: the last day of the report (default: today)"),
    N_("YYYY-MM-DD") },
  { "background", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Run without a window, only to show reminders"), NULL },
  { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  /* The desktop file's actions, see "Desktop-file actions" below. */
  { "attack-started", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Log an attack starting now, asking only the pain"), NULL },
  { "no-headache-today", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Record today as headache-free"), NULL },
  { NULL }
};

static GOptionContext *
create_option_context (gpointer *storage)
{
  GOptionContext *context;
  GOptionEntry *entries;
  guint n_entries = G_N_ELEMENTS (main_entries);

  /* Translators: shown after "Usage: migraine-diary [OPTION…]" in --help */
  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Keep a diary of migraine attacks and treatments. "
                                  "Without options, opens the diary window."));
  g_option_context_set_help_enabled (context, TRUE);

  entries = g_new0 (GOptionEntry, n_entries);
  for (guint i = 0; i < n_entries; i++)
    {
      entries[i] = main_entries[i];
      if (entries[i].long_name != NULL)
        entries[i].arg_data = &storage[i];
    }

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_free (entries);

  return context;
}

static void
free_option_storage (gpointer *storage)
{
  for (guint i = 0; i < G_N_ELEMENTS (main_entries); i++)
    {
      switch (main_entries[i].arg)
        {
        case G_OPTION_ARG_STRING:
        case G_OPTION_ARG_FILENAME:
          g_free (storage[i]);
          break;

        case G_OPTION_ARG_STRING_ARRAY:
        case G_OPTION_ARG_FILENAME_ARRAY:
          g_strfreev (storage[i]);
          break;

        case G_OPTION_ARG_NONE:
        case G_OPTION_ARG_INT:
        case G_OPTION_ARG_CALLBACK:
        case G_OPTION_ARG_DOUBLE:
        case G_OPTION_ARG_INT64:
        default:
          break;
        }
    }
}

/* GApplication reports an unknown option with exit status 1, the same as
 * any other failure. Scripts need to tell a mistyped command line apart,
 * so parse a copy first and answer a usage error with status 2. The help
 * text is printed from here too, so it has our translated summary. */
static gboolean
md_application_local_command_line (GApplication   *application,
                                   char         ***arguments,
                                   int            *exit_status)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) copy = g_strdupv (*arguments);
  gpointer storage[G_N_ELEMENTS (main_entries)] = { NULL, };
  gboolean ok;

  context = create_option_context (storage);
  ok = g_option_context_parse_strv (context, &copy, &error);
  free_option_storage (storage);

  if (!ok)
    {
      /* Translators: %s is the reason, as GLib words it; the second line
       * names the command that shows the options */
      g_printerr (_("migraine-diary: %s\nRun “migraine-diary --help” to see the options.\n"),
                  error->message);
      *exit_status = EXIT_USAGE;
      return TRUE;
    }

  if (copy != NULL && copy[0] != NULL && copy[1] != NULL)
    {
      g_printerr (_("migraine-diary: unexpected argument “%s”.\n"
                    "Run “migraine-diary --help” to see the options.\n"),
                  copy[1]);
      *exit_status = EXIT_USAGE;
      return TRUE;
    }

  return G_APPLICATION_CLASS (md_application_parent_class)->local_command_line (application,
                                                                                 arguments,
                                                                                 exit_status);
}

static int
md_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  MdApplication *self = MD_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL;
  g_autofree char *file = NULL;

  if (g_variant_dict_lookup (options, "database", "^ay", &database))
    {
      g_autofree char *absolute = g_canonicalize_filename (database, NULL);

      if (!md_paths_ensure_parent_directory (absolute, &error))
        {
          g_printerr ("migraine-diary: %s\n", error->message);
          return EXIT_FAILURE;
        }

      md_application_set_database_path (self, absolute);

      /* Another diary is another instance: a window on the default diary
       * must not be handed a second file it did not open. */
      g_application_set_flags (application,
                               g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);
    }

  if (g_variant_dict_lookup (options, "export-report", "^ay", &file))
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      g_autofree char *patient = g_settings_get_string (settings, "patient-name");
      MdStatsSettings stats_settings;

      g_variant_dict_lookup (options, "from", "s", &from);
      g_variant_dict_lookup (options, "to", "s", &to);
      md_stats_settings_load (&stats_settings, settings);
      if (!md_report_export (md_application_get_database_path (self), file, from, to,
                             &stats_settings, patient, &error))
        {
          g_printerr ("migraine-diary: %s\n", error->message);
          return g_error_matches (error, MD_DIARY_ERROR, MD_DIARY_ERROR_INVALID) ? 2 : EXIT_FAILURE;
        }

      /* Translators: %s is a file */
      g_print (_("The report was written to “%s”.\n"), file);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_contains (options, "from") || g_variant_dict_contains (options, "to"))
    {
      g_printerr ("migraine-diary: %s\n", _("--from and --to go with --export-report."));
      return 2;
    }

  if (g_variant_dict_lookup (options, "export-csv", "^ay", &file))
    {
      if (!md_cli_export_csv (md_application_get_database_path (self), file, &error))
        {
          g_printerr ("migraine-diary: %s\n", error->message);
          return EXIT_FAILURE;
        }

      /* Translators: %s is a file */
      g_print (_("The diary was exported to “%s”.\n"), file);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_lookup (options, "import-csv", "^ay", &file))
    {
      MdDiaryCsvSummary summary = { 0, 0 };
      g_autofree char *added = NULL;

      if (!md_cli_import_csv (md_application_get_database_path (self), file, &summary, &error))
        {
          g_printerr ("migraine-diary: %s\n", error->message);
          return EXIT_FAILURE;
        }

      added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Imported %u new entry from “%s”",
                                            "Imported %u new entries from “%s”",
                                            summary.added),
                               summary.added, file);
      /* Translators: the first %s is "Imported N new entries from FILE" */
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "%s; %u entry was already in the diary.\n",
                            "%s; %u entries were already in the diary.\n",
                            summary.skipped),
               added, summary.skipped);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  /* Desktop-file actions: a running instance does them; otherwise this
   * one does, without opening the diary's window. */
  if (g_variant_dict_contains (options, "attack-started") ||
      g_variant_dict_contains (options, "no-headache-today"))
    {
      const char *action = g_variant_dict_contains (options, "attack-started")
                           ? "quick-attack-started" : "quick-no-headache-today";

      if (!g_application_register (application, NULL, &error))
        {
          g_printerr ("migraine-diary: %s\n", error->message);
          return EXIT_FAILURE;
        }

      if (g_application_get_is_remote (application))
        {
          g_action_group_activate_action (G_ACTION_GROUP (application), action, NULL);
          return EXIT_SUCCESS;
        }

      self->quick_action = g_strdup (action);
    }

  if (g_variant_dict_contains (options, "background"))
    {
      if (!g_application_register (application, NULL, &error))
        {
          g_printerr ("migraine-diary: %s\n", error->message);
          return EXIT_FAILURE;
        }

      /* The running app already shows the reminders. */
      if (g_application_get_is_remote (application))
        return EXIT_SUCCESS;

      self->background = TRUE;
    }

  return -1;
}

static void
apply_color_scheme (MdApplication *self)
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

static void
color_scheme_changed_cb (MdApplication *self,
                         const char    *key,
                         GSettings     *settings)
{
  apply_color_scheme (self);
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
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  MdPreferencesWindow *preferences;

  preferences = md_preferences_window_new (self->settings, md_application_get_database_path (self),
                                           self->diary);
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
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = {
    "The Migraine Diary developers",
    NULL
  };

  adw_show_about_window (parent,
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
  const char *path;
  gboolean ok;

  g_return_val_if_fail (MD_IS_APPLICATION (self), FALSE);

  path = md_application_get_database_path (self);

  /* Every view lets go of the diary before its file is replaced. */
  if (self->diary != NULL)
    {
      g_clear_object (&self->diary);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIARY]);
    }

  ok = md_database_restore_backup (backup_path, path, error);

  self->diary = md_diary_open (path, &open_error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIARY]);

  if (ok && self->diary == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&open_error));
      return FALSE;
    }

  return ok;
}

static void
restore_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     MdApplication    *self)
{
  const char *backup = g_object_get_data (G_OBJECT (dialog), "backup-path");
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  if (!g_str_equal (response, "restore"))
    return;

  if (!md_application_restore_backup (self, backup, &error))
    {
      GtkWidget *failed = adw_message_dialog_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                                  _("The Backup Was Not Restored"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (failed), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (failed));
      return;
    }

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (MD_IS_WINDOW (l->data))
      {
        window = l->data;
        md_window_add_toast (MD_WINDOW (window), adw_toast_new (_("The backup was restored")));
        break;
      }
}

static void
restore_backup_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  MdApplication *self = user_data;
  const char *backup = g_variant_get_string (parameter, NULL);
  g_autofree char *name = g_path_get_basename (backup);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: %s is the file name of a backup, e.g. diary-2026-05-01.db */
  body = g_strdup_printf (_("Your diary will be replaced by the backup “%s”. Entries made after it "
                            "was taken will no longer be in the diary; the diary as it is now is "
                            "kept in the backup folder."),
                          name);
  dialog = adw_message_dialog_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                   _("Restore This Backup?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "backup-path", g_strdup (backup), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Reminders ------------------------------------------------------------ */

#define SNOOZE_SECONDS (10 * 60)

static char *
notification_id (const char *uuid)
{
  return g_strconcat ("reminder-", uuid, NULL);
}

static MdReminder *
find_reminder (MdApplication *self,
               const char    *uuid)
{
  g_autoptr(GPtrArray) reminders = NULL;

  if (self->diary == NULL)
    return NULL;

  reminders = md_diary_list_reminders (self->diary);
  for (guint i = 0; i < reminders->len; i++)
    {
      MdReminder *reminder = g_ptr_array_index (reminders, i);

      if (g_strcmp0 (reminder->uuid, uuid) == 0)
        return g_object_ref (reminder);
    }

  return NULL;
}

static void
withdraw_reminder (MdApplication *self,
                   const char    *uuid)
{
  g_autofree char *id = notification_id (uuid);

  g_application_withdraw_notification (G_APPLICATION (self), id);
}

/* What a notification says on time, beside its title. */
static char *
reminder_body (MdApplication *self,
               MdReminder    *reminder,
               GDateTime     *due)
{
  if (g_strcmp0 (reminder->kind, "check-in") == 0)
    return g_strdup (_("Nothing is in your diary for today yet."));

  if (g_strcmp0 (reminder->kind, "medication") == 0)
    {
      g_autoptr(MdMedication) medication = NULL;

      if (reminder->medication_uuid != NULL)
        medication = md_diary_get_medication (self->diary, reminder->medication_uuid);
      if (medication != NULL)
        /* Translators: the text of a medication reminder; %s is the medication */
        return g_strdup_printf (_("Time to take %s."), medication->name);
      return g_strdup (_("Time to take your medication."));
    }

  if (g_strcmp0 (reminder->kind, "follow-up") == 0)
    return g_strdup (_("Record your pain to see how the dose worked."));

  return g_strdup (_("Your appointment is coming up."));
}

static void
send_reminder (MdApplication *self,
               MdReminder    *reminder,
               gint64         due,
               gboolean       late)
{
  g_autoptr(GNotification) notification = g_notification_new (reminder->title);
  g_autoptr(GDateTime) due_time = g_date_time_new_from_unix_local (due);
  g_autofree char *body = NULL;
  g_autofree char *id = notification_id (reminder->uuid);
  g_autoptr(GIcon) icon = g_themed_icon_new (APP_ID);

  if (late)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      body = md_reminder_describe_late (due_time, now);
    }
  else
    body = reminder_body (self, reminder, due_time);
  g_notification_set_body (notification, body);
  g_notification_set_icon (notification, icon);
  g_notification_set_default_action_and_target (notification, "app.open-reminder", "s", reminder->uuid);

  if (g_strcmp0 (reminder->kind, "check-in") == 0)
    {
      g_notification_add_button_with_target (notification, _("No headache today"),
                                             "app.reminder-headache-free", "s", reminder->uuid);
      g_notification_add_button_with_target (notification, _("Log…"),
                                             "app.reminder-log", "s", reminder->uuid);
    }
  else if (g_strcmp0 (reminder->kind, "medication") == 0 && reminder->medication_uuid != NULL)
    /* Translators: a button of a medication reminder: the dose was taken */
    g_notification_add_button_with_target (notification, C_("medication", "Taken"),
                                           "app.reminder-taken", "s", reminder->uuid);
  else if (g_strcmp0 (reminder->kind, "follow-up") == 0)
    g_notification_add_button_with_target (notification, _("Record Pain…"),
                                           "app.open-reminder", "s", reminder->uuid);
  else
    /* Translators: a button of an appointment reminder: seen, dismiss it */
    g_notification_add_button_with_target (notification, C_("reminder", "Done"),
                                           "app.reminder-done", "s", reminder->uuid);

  g_notification_add_button_with_target (notification, _("Snooze 10 min"),
                                         "app.snooze-reminder", "s", reminder->uuid);

  g_application_send_notification (G_APPLICATION (self), id, notification);
}

static void
reminder_due_cb (MdApplication     *self,
                 MdReminder        *reminder,
                 gint64             due,
                 gboolean           late,
                 MdReminderService *service)
{
  send_reminder (self, reminder, due, late);
}

/* With reminders on and the preference set, the app lives on without a
 * window; otherwise it ends with its last window, as before. */
static void
update_hold (MdApplication *self)
{
  gboolean want = FALSE;

  if (self->diary != NULL && self->settings != NULL &&
      g_settings_get_boolean (self->settings, "run-in-background"))
    {
      g_autoptr(GPtrArray) reminders = md_diary_list_reminders (self->diary);

      for (guint i = 0; i < reminders->len && !want; i++)
        want = ((MdReminder *) g_ptr_array_index (reminders, i))->enabled;
    }

  if (want == self->held_for_reminders)
    return;

  self->held_for_reminders = want;
  if (want)
    g_application_hold (G_APPLICATION (self));
  else
    g_application_release (G_APPLICATION (self));
}

static void
follow_up_setting_changed_cb (MdApplication *self)
{
  if (self->reminder_service != NULL)
    md_reminder_service_set_follow_up_day_after (self->reminder_service,
                                                 g_settings_get_boolean (self->settings, "follow-up-24h"));
}

/* One service per open diary: it follows the diary through a restored
 * backup, and stops with it. */
static void
diary_opened_cb (MdApplication *self)
{
  if (self->reminder_service != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->reminder_service, self);
      g_clear_object (&self->reminder_service);
    }

  if (self->diary != NULL)
    {
      self->reminder_service = md_reminder_service_new (self->diary);
      follow_up_setting_changed_cb (self);
      g_signal_connect_object (self->reminder_service, "reminder-due",
                               G_CALLBACK (reminder_due_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->diary, "reminders-changed",
                               G_CALLBACK (update_hold), self, G_CONNECT_SWAPPED);
      md_reminder_service_start (self->reminder_service);
    }

  update_hold (self);
}

static MdWindow *
present_window (MdApplication *self,
                const char    *view)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (self));
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (!MD_IS_WINDOW (window))
    return NULL;

  if (view != NULL)
    md_window_show_view (MD_WINDOW (window), view);

  return MD_WINDOW (window);
}

static void
snooze_reminder_activated (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  MdApplication *self = user_data;
  const char *uuid = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;

  withdraw_reminder (self, uuid);
  if (self->reminder_service != NULL &&
      !md_reminder_service_snooze (self->reminder_service, uuid, SNOOZE_SECONDS, &error))
    g_message ("Could not snooze the reminder: %s", error->message);
}

static void
reminder_done_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  withdraw_reminder (user_data, g_variant_get_string (parameter, NULL));
}

/* Notifications cannot show an error; a message is the least surprise. */
static void
tell_in_notification (MdApplication *self,
                      const char    *uuid,
                      const char    *title,
                      const char    *body)
{
  g_autoptr(GNotification) notification = g_notification_new (title);
  g_autofree char *id = notification_id (uuid);

  g_notification_set_body (notification, body);
  g_notification_set_default_action_and_target (notification, "app.open-reminder", "s", uuid);
  g_application_send_notification (G_APPLICATION (self), id, notification);
}

static void
reminder_headache_free_activated (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  MdApplication *self = user_data;
  const char *uuid = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;

  withdraw_reminder (self, uuid);
  if (self->diary == NULL)
    return;

  if (!md_diary_record_headache_free_today (self->diary, &error))
    tell_in_notification (self, uuid, _("Today Was Not Recorded"), error->message);
}

static void
reminder_log_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  MdApplication *self = user_data;

  withdraw_reminder (self, g_variant_get_string (parameter, NULL));
  present_window (self, "diary");
}

static void
reminder_taken_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  MdApplication *self = user_data;
  const char *uuid = g_variant_get_string (parameter, NULL);
  g_autoptr(MdReminder) reminder = find_reminder (self, uuid);
  g_autoptr(MdMedication) medication = NULL;
  g_autoptr(MdDose) dose = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;

  withdraw_reminder (self, uuid);
  if (reminder == NULL || reminder->medication_uuid == NULL)
    return;

  medication = md_diary_get_medication (self->diary, reminder->medication_uuid);
  if (medication == NULL)
    return;

  now = g_date_time_new_now_local ();
  dose = md_dose_new ();
  dose->medication_uuid = g_strdup (medication->uuid);
  dose->taken = g_date_time_to_unix (now);
  dose->taken_offset = (int) (g_date_time_get_utc_offset (now) / G_TIME_SPAN_SECOND);
  dose->amount = medication->default_amount;
  dose->unit = g_strdup (medication->unit);
  dose->route = g_strdup (medication->route);
  dose->setting = g_strdup ("home");

  if (!md_diary_save_dose (self->diary, dose, &error))
    tell_in_notification (self, uuid, _("The Dose Was Not Recorded"), error->message);
}

static void
open_reminder_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  MdApplication *self = user_data;
  const char *uuid = g_variant_get_string (parameter, NULL);
  g_autoptr(MdReminder) reminder = NULL;
  g_autoptr(MdDose) dose = NULL;
  MdWindow *window;

  withdraw_reminder (self, uuid);
  reminder = find_reminder (self, uuid);

  if (reminder == NULL || g_strcmp0 (reminder->kind, "appointment") == 0)
    {
      present_window (self, "reminders");
      return;
    }

  window = present_window (self, "diary");
  if (window == NULL || g_strcmp0 (reminder->kind, "follow-up") != 0 || reminder->dose_uuid == NULL)
    return;

  /* "How is your pain now?" opens the pain-reading editor of the dose's attack. */
  dose = md_diary_get_dose (self->diary, reminder->dose_uuid);
  if (dose != NULL && dose->attack_uuid != NULL)
    md_diary_page_record_pain (MD_DIARY_PAGE (md_window_get_diary_page (window)), dose->attack_uuid);
}

static void
test_notification_activated (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  MdApplication *self = user_data;
  g_autoptr(GNotification) notification = g_notification_new (_("Reminders Work"));
  g_autoptr(GIcon) icon = g_themed_icon_new (APP_ID);

  g_notification_set_body (notification, _("This is how your reminders will look."));
  g_notification_set_icon (notification, icon);
  g_notification_set_default_action_and_target (notification, "app.open-reminder", "s", "test");
  g_application_send_notification (G_APPLICATION (self), "reminder-test", notification);
}

/**
 * md_application_get_reminder_service:
 *
 * Returns: (transfer none) (nullable): the service of the open diary
 */
MdReminderService *
md_application_get_reminder_service (MdApplication *self)
{
  g_return_val_if_fail (MD_IS_APPLICATION (self), NULL);

  return self->reminder_service;
}

/* ---- Desktop-file actions -------------------------------------------
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

  if (self->diary != NULL)
    return TRUE;

  self->diary = md_diary_open (md_application_get_database_path (self), &error);
  if (self->diary == NULL)
    {
      g_printerr ("migraine-diary: %s\n", error->message);
      return FALSE;
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIARY]);

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
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;

  attack->start = g_date_time_to_unix (now);
  attack->start_offset = (int) (g_date_time_get_utc_offset (now) / G_TIME_SPAN_SECOND);
  attack->peak_pain = md_pain_dialog_get_pain (dialog);
  attack->peak_nrs = md_pain_dialog_get_nrs (dialog);

  if (!md_diary_save_attack (self->diary, attack, &error))
    /* Translators: a notification's title when "Attack Started" from the app's icon failed */
    quick_tell (self, _("Attack Not Logged"), error->message);
}

static GtkWindow *
quick_main_window (MdApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (MD_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

static void
quick_attack_started_activated (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  MdApplication *self = user_data;
  GtkWindow *window = quick_main_window (self);
  MdPainDialog *dialog;

  if (window != NULL)
    {
      gtk_window_present (window);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.attack-started", NULL);
      return;
    }

  if (!quick_ensure_diary (self))
    return;

  /* Its own window: the app lives while it is open. */
  dialog = md_pain_dialog_new (NULL, _("Attack Started"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (quick_attack_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
quick_no_headache_today_activated (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  MdApplication *self = user_data;
  GtkWindow *window = quick_main_window (self);
  g_autoptr(GError) error = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.no-headache-today", NULL);
      return;
    }

  if (!quick_ensure_diary (self))
    return;

  if (md_diary_record_headache_free_today (self->diary, &error))
    /* Translators: a notification after "No Headache Today" from the app's icon */
    quick_tell (self, _("No Headache Today"), _("Today is recorded as headache-free."));
  else
    quick_tell (self, _("Today Was Not Recorded"), error->message);
}

/* ---- End of desktop-file actions ------------------------------------ */

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_activated },
  { .name = "restore-backup", .activate = restore_backup_activated, .parameter_type = "s" },
  { .name = "preferences", .activate = preferences_activated },
  { .name = "about", .activate = about_activated },
  { .name = "snooze-reminder", .activate = snooze_reminder_activated, .parameter_type = "s" },
  { .name = "reminder-done", .activate = reminder_done_activated, .parameter_type = "s" },
  { .name = "reminder-headache-free", .activate = reminder_headache_free_activated, .parameter_type = "s" },
  { .name = "reminder-log", .activate = reminder_log_activated, .parameter_type = "s" },
  { .name = "reminder-taken", .activate = reminder_taken_activated, .parameter_type = "s" },
  { .name = "open-reminder", .activate = open_reminder_activated, .parameter_type = "s" },
  { .name = "test-notification", .activate = test_notification_activated },
  { .name = "quick-attack-started", .activate = quick_attack_started_activated },
  { .name = "quick-no-headache-today", .activate = quick_no_headache_today_activated },
};

static void
md_application_startup (GApplication *application)
{
  MdApplication *self = MD_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *diary_accels[] = { "<Alt>1", NULL };
  static const char *charts_accels[] = { "<Alt>2", NULL };
  static const char *reminders_accels[] = { "<Alt>3", NULL };
  static const char *attack_accels[] = { "<Control>n", NULL };
  static const char *headache_free_accels[] = { "<Control>d", NULL };

  G_APPLICATION_CLASS (md_application_parent_class)->startup (application);

  /* GTK takes its direction from its own catalogue, which some
   * distributions do not ship for every language (Debian has no Arabic
   * one): our catalogue says the direction of its language too. */
  if (md_report_locale_is_rtl ())
    gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings,
                           "changed::color-scheme",
                           G_CALLBACK (color_scheme_changed_cb),
                           self,
                           G_CONNECT_SWAPPED);
  apply_color_scheme (self);
  g_signal_connect_object (self->settings, "changed::run-in-background",
                           G_CALLBACK (update_hold), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::follow-up-24h",
                           G_CALLBACK (follow_up_setting_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::diary", G_CALLBACK (diary_opened_cb), NULL);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions,
                                   G_N_ELEMENTS (app_actions),
                                   self);

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

static void open_diary_or_explain (MdApplication *self,
                                   GtkWindow     *parent);

static void
problem_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     MdApplication    *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  const char *path = md_application_get_database_path (self);

  if (g_str_equal (response, "quit"))
    {
      g_application_quit (G_APPLICATION (self));
      return;
    }

  if (g_str_equal (response, "restore"))
    {
      g_autofree char *backup = md_database_find_newest_backup (path);
      g_autoptr(GError) error = NULL;

      if (backup != NULL && !md_database_restore_backup (backup, path, &error))
        g_warning ("Could not restore %s: %s", backup, error->message);
    }

  open_diary_or_explain (self, parent);
}

/* Opens the diary; when it cannot, says why in one dialog and offers
 * what can be done: restore the newest backup of a damaged diary, or
 * start a new one (the damaged file stays aside, untouched). */
static void
open_diary_or_explain (MdApplication *self,
                       GtkWindow     *parent)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  AdwMessageDialog *dialog;
  const char *path = md_application_get_database_path (self);

  self->diary = md_diary_open (path, &error);
  if (self->diary != NULL)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIARY]);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, NULL, error->message));

  if (g_error_matches (error, MD_DIARY_ERROR, MD_DIARY_ERROR_DAMAGED))
    {
      backup = md_database_find_newest_backup (path);
      adw_message_dialog_set_heading (dialog, _("Your Diary Is Damaged"));
      adw_message_dialog_add_response (dialog, "new", _("Start a _New Diary"));
      if (backup != NULL)
        {
          adw_message_dialog_add_response (dialog, "restore", _("_Restore Backup"));
          adw_message_dialog_set_response_appearance (dialog, "restore",
                                                      ADW_RESPONSE_SUGGESTED);
          adw_message_dialog_set_default_response (dialog, "restore");
        }
    }
  else
    {
      adw_message_dialog_set_heading (dialog, _("Your Diary Cannot Be Opened"));
      adw_message_dialog_add_response (dialog, "quit", _("_Quit"));
    }

  if (g_error_matches (error, MD_DIARY_ERROR, MD_DIARY_ERROR_DAMAGED))
    adw_message_dialog_set_close_response (dialog, backup != NULL ? "restore" : "new");
  else
    adw_message_dialog_set_close_response (dialog, "quit");
  g_signal_connect_object (dialog, "response", G_CALLBACK (problem_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
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

  if (self->diary == NULL)
    open_diary_or_explain (self, window);

  if (self->diary == NULL)
    return;

  g_application_hold (G_APPLICATION (self));
  md_database_backup_if_due_async (md_application_get_database_path (self), NULL,
                                   backup_done_cb, g_object_ref (self));
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
      g_autoptr(GError) error = NULL;

      self->background = FALSE;
      if (self->diary == NULL)
        {
          self->diary = md_diary_open (md_application_get_database_path (self), &error);
          if (self->diary == NULL)
            {
              g_printerr ("migraine-diary: %s\n", error->message);
              return;
            }
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIARY]);
        }
      return;
    }

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    {
      window = GTK_WINDOW (md_window_new (self));
      first_window = TRUE;
    }

  gtk_window_present (window);

  if (first_window && self->diary == NULL)
    g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                      G_CALLBACK (first_frame_cb), self);
}

static void
md_application_dispose (GObject *object)
{
  MdApplication *self = MD_APPLICATION (object);

  if (self->reminder_service != NULL)
    g_signal_handlers_disconnect_by_data (self->reminder_service, self);
  g_clear_object (&self->reminder_service);
  g_clear_object (&self->settings);
  g_clear_object (&self->diary);

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
      g_value_set_object (value, self->diary);
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
  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
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

  return self->diary;
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
