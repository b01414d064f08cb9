/* md-application-damage.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening the diary when something is wrong with it, and saying so. A
 * damaged diary was moved aside by the store; the patient chooses
 * between recovering its entries (when its tables still read to the
 * end), restoring the newest backup that passes its check, and starting
 * a new diary. No choice fails into an empty diary: a recovery or a
 * restore that fails brings the same choices back with the reason. What
 * the store noticed while opening a diary that did open (an empty file,
 * a damaged journal) is shown in a dialog, or printed by the command
 * line.
 */

#define G_LOG_DOMAIN "md-application"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "md-application-private.h"
#include "md-context.h"
#include "md-database-recover.h"
#include "md-diary.h"
#include "md-error.h"
#include "md-undo-toast.h"
#include "md-window.h"

static void
add_toast (MdApplication *self,
           const char    *text)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (MD_IS_WINDOW (l->data))
      {
        md_window_add_toast (MD_WINDOW (l->data), adw_toast_new (text));
        return;
      }
}

static char *
restore_label (const char *backup)
{
  g_autofree char *described = md_database_describe_backup (backup);

  /* Translators: a button; %s is a backup, e.g. “diary-2026-05-01.db” (Friday 1 May 2026) */
  return g_strdup_printf (_("Restore _Backup %s"), described);
}

/* A diary on a read-only disk or file opens for reading: say at once
 * that changes cannot be saved, and why, rather than at the first Save. */
static void
explain_read_only (MdDiary   *diary,
                   GtkWindow *parent)
{
  g_autoptr(GError) error = NULL;

  if (!md_database_check_writable (md_diary_get_database (diary), &error))
    md_save_error_show (GTK_WIDGET (parent), error);
}

/* Opens the diary at its path and hands it to every view. This runs on
 * the main loop: a diary that another program holds is said at once
 * (with Try Again), never waited for. */
static gboolean
open_diary (MdApplication  *self,
            GtkWindow      *parent,
            GError        **error)
{
  g_autoptr(MdDiary) diary = md_diary_open_full (md_application_get_database_path (self),
                                                 MD_DATABASE_LOCK_WAIT_INTERACTIVE, error);

  if (diary == NULL)
    return FALSE;

  md_context_set_diary (self->context, diary);
  if (parent != NULL)
    explain_read_only (diary, parent);
  return TRUE;
}

static void
set_not_in_place_error (GError     **error,
                        const char  *path,
                        int          errno_value)
{
  g_set_error (error, MD_DIARY_ERROR, MD_DIARY_ERROR_IO,
               /* Translators: %s is the diary file, the second %s the system's reason */
               _("No diary could be put in place at “%s”: %s."),
               path, g_strerror (errno_value));
}

/* The damaged diary ---------------------------------------------------- */

typedef struct
{
  char *explanation;  /* the store's message: damaged, moved aside to … */
  char *moved_to;
  char *recovered;    /* the entries, recovered beside the diary, or NULL */
  char *backup;       /* the newest good backup, or NULL */
} DamagedChoice;

static void
damaged_choice_free (gpointer data)
{
  DamagedChoice *choice = data;

  if (choice->recovered != NULL)
    g_unlink (choice->recovered);
  g_free (choice->explanation);
  g_free (choice->moved_to);
  g_free (choice->recovered);
  g_free (choice->backup);
  g_free (choice);
}

static void show_damaged_dialog (MdApplication *self,
                                 GtkWindow     *parent,
                                 const char    *explanation,
                                 const char    *failure);

/* "1 attack, 2 doses and 3 pain readings" */
static char *
describe_recovery (const MdDatabaseRecovery *recovery)
{
  g_autofree char *attacks = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u attack", "%u attacks",
                                                           recovery->attacks),
                                              recovery->attacks);
  g_autofree char *doses = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u dose", "%u doses",
                                                         recovery->doses),
                                            recovery->doses);
  g_autofree char *readings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u pain reading",
                                                            "%u pain readings", recovery->pain_readings),
                                               recovery->pain_readings);

  /* Translators: what can be recovered from a damaged diary: "12 attacks",
   * "20 doses", "30 pain readings" */
  return g_strdup_printf (_("Its entries can still be read, and can be recovered into a new diary: %s, %s and %s."),
                          attacks, doses, readings);
}

static char *
describe_bad_backups (GPtrArray *bad)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < bad->len; i++)
    {
      g_autofree char *name = g_path_get_basename (g_ptr_array_index (bad, i));

      if (i > 0)
        g_string_append (names, ", ");
      /* Translators: a backup's file name in a list of them */
      g_string_append_printf (names, _("“%s”"), name);
    }

  /* Translators: %s is a backup's file name, or a list of them */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The backup %s is damaged too, so it is not offered.",
                                       "The backups %s are damaged too, so they are not offered.",
                                       bad->len),
                          names->str);
}

static void
damaged_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     MdApplication    *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  DamagedChoice *choice = g_object_get_data (G_OBJECT (dialog), "choice");
  const char *path = md_application_get_database_path (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;
  g_autofree char *moved_name = g_path_get_basename (choice->moved_to != NULL ? choice->moved_to : path);

  if (g_str_equal (response, "recover"))
    {
      /* Never over a diary that appeared meanwhile. */
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        set_not_in_place_error (&error, path, EEXIST);
      else if (g_rename (choice->recovered, path) != 0)
        set_not_in_place_error (&error, path, errno);
      else
        g_clear_pointer (&choice->recovered, g_free);

      /* Translators: %s is the file name of the damaged diary, kept aside */
      toast = g_strdup_printf (_("Entries recovered; the damaged diary is kept as “%s”"), moved_name);
    }
  else if (g_str_equal (response, "restore"))
    {
      g_autofree char *described = md_database_describe_backup (choice->backup);

      md_database_restore_backup (choice->backup, path, &error);
      /* Translators: %s is a backup, e.g. “diary-2026-05-01.db” (Friday 1 May 2026) */
      toast = g_strdup_printf (_("The backup %s was restored"), described);
    }
  else
    {
      /* Translators: %s is the file name of the damaged diary, kept aside */
      toast = g_strdup_printf (_("A new diary was started; the damaged one is kept as “%s”"), moved_name);
    }

  /* The dialog that comes back prepares its own recovery. */
  if (choice->recovered != NULL)
    {
      g_unlink (choice->recovered);
      g_clear_pointer (&choice->recovered, g_free);
    }

  /* A recovery or restore that failed leaves no diary at the path:
   * opening now would start an empty one in its place. */
  if (error == NULL && !g_str_equal (response, "new") && !g_file_test (path, G_FILE_TEST_EXISTS))
    set_not_in_place_error (&error, path, ENOENT);

  if (error == NULL)
    {
      if (open_diary (self, gtk_window_get_transient_for (GTK_WINDOW (dialog)), &error))
        {
          add_toast (self, toast);
          return;
        }

      /* What was put in place is damaged after all, and was moved aside
       * too: its own explanation replaces the first one. */
      if (g_error_matches (error, MD_DIARY_ERROR, MD_DIARY_ERROR_DAMAGED))
        {
          show_damaged_dialog (self, parent, error->message, NULL);
          return;
        }
    }

  show_damaged_dialog (self, parent, choice->explanation, error->message);
}

static void
show_damaged_dialog (MdApplication *self,
                     GtkWindow     *parent,
                     const char    *explanation,
                     const char    *failure)
{
  const char *path = md_application_get_database_path (self);
  g_autoptr(GPtrArray) bad = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) body = g_string_new (explanation);
  g_autoptr(GError) recover_error = NULL;
  DamagedChoice *choice = g_new0 (DamagedChoice, 1);
  MdDatabaseRecovery recovery = { 0, };
  AdwMessageDialog *dialog;
  const char *suggested = "new";

  choice->explanation = g_strdup (explanation);
  choice->moved_to = md_database_find_moved_aside (path);
  choice->backup = md_database_find_good_backup (path, NULL, bad);

  if (failure != NULL)
    g_string_append_printf (body, "\n\n%s", failure);

  if (choice->moved_to != NULL)
    {
      choice->recovered = g_strconcat (path, ".recovered", NULL);
      g_unlink (choice->recovered);
      if (!md_database_recover (choice->moved_to, choice->recovered, &recovery, &recover_error))
        g_clear_pointer (&choice->recovered, g_free);
    }

  if (choice->recovered != NULL)
    {
      g_autofree char *recoverable = describe_recovery (&recovery);

      g_string_append_printf (body, "\n\n%s", recoverable);
    }
  else if (recover_error != NULL)
    g_string_append_printf (body, "\n\n%s", recover_error->message);

  if (bad->len > 0)
    {
      g_autofree char *damaged = describe_bad_backups (bad);

      g_string_append_printf (body, "\n\n%s", damaged);
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Your Diary Is Damaged"), body->str));
  adw_message_dialog_add_response (dialog, "new", _("Start a _New Diary"));

  if (choice->backup != NULL)
    {
      g_autofree char *label = restore_label (choice->backup);

      adw_message_dialog_add_response (dialog, "restore", label);
      suggested = "restore";
    }

  if (choice->recovered != NULL)
    {
      adw_message_dialog_add_response (dialog, "recover", _("_Recover Entries"));
      suggested = "recover";
    }

  /* Closing the dialog keeps the most: the entries, else the backup. */
  if (!g_str_equal (suggested, "new"))
    adw_message_dialog_set_response_appearance (dialog, suggested, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, suggested);
  adw_message_dialog_set_close_response (dialog, suggested);

  g_object_set_data_full (G_OBJECT (dialog), "choice", choice, damaged_choice_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (damaged_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
problem_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     MdApplication    *self)
{
  if (g_str_equal (response, "retry"))
    md_application_open_diary_or_explain (self, gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  else
    g_application_quit (G_APPLICATION (self));
}

/**
 * md_application_open_diary_or_explain:
 *
 * Opens the diary; when it cannot, says why in one dialog: a damaged
 * diary with its choices, anything else with the reason and Quit.
 */
void
md_application_open_diary_or_explain (MdApplication *self,
                                      GtkWindow     *parent)
{
  const char *path = md_application_get_database_path (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *moved_to = NULL;
  AdwMessageDialog *dialog;

  /* Another run (the command line, the reminders at login) found the
   * diary damaged and moved it aside, and nothing took its place: offer
   * its entries and backups now, never an empty diary in its place. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS) &&
      (moved_to = md_database_find_moved_aside (path)) != NULL)
    {
      g_autofree char *explanation = NULL;

      /* Translators: the first %s is the diary file, the second where it was moved */
      explanation = g_strdup_printf (_("The diary “%s” was found damaged and moved aside to “%s”; nothing has taken its place yet."),
                                     path, moved_to);
      show_damaged_dialog (self, parent, explanation, NULL);
      return;
    }

  if (open_diary (self, parent, &error))
    return;

  if (g_error_matches (error, MD_DIARY_ERROR, MD_DIARY_ERROR_DAMAGED))
    {
      show_damaged_dialog (self, parent, error->message, NULL);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Your Diary Cannot Be Opened"),
                                                       error->message));
  adw_message_dialog_add_response (dialog, "quit", _("_Quit"));
  /* In use by another program: it can be opened once that one is done. */
  if (g_error_matches (error, MD_DIARY_ERROR, MD_DIARY_ERROR_BUSY))
    {
      adw_message_dialog_add_response (dialog, "retry", _("_Try Again"));
      adw_message_dialog_set_default_response (dialog, "retry");
    }
  adw_message_dialog_set_close_response (dialog, "quit");
  g_signal_connect_object (dialog, "response", G_CALLBACK (problem_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Restoring a backup of a diary that is open -------------------------- */

/* The "response" handler of every dialog that offers to restore a
 * backup: "restore" restores the one in the dialog's "backup-path". */
static void
restore_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     MdApplication    *self)
{
  if (g_str_equal (response, "restore"))
    md_application_restore_backup_and_tell (self, g_object_get_data (G_OBJECT (dialog), "backup-path"));
}

/**
 * md_application_confirm_restore:
 * @backup_path: one of the diary's backups
 *
 * Asks before restoring @backup_path in place of the open diary.
 */
void
md_application_confirm_restore (MdApplication *self,
                                const char    *backup_path)
{
  g_autofree char *name = g_path_get_basename (backup_path);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: %s is the file name of a backup, e.g. diary-2026-05-01.db */
  body = g_strdup_printf (_("Your diary will be replaced by the backup “%s”. Entries made after it "
                            "was taken will no longer be in the diary; the diary as it is now is "
                            "kept in the backup folder."),
                          name);
  dialog = adw_message_dialog_new (md_application_ensure_window_parent (self),
                                   _("Restore This Backup?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "backup-path", g_strdup (backup_path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * md_application_restore_backup_and_tell:
 *
 * Restores @backup_path in place of the open diary and says how it went:
 * a toast, or a dialog with the reason that offers the next good backup.
 */
void
md_application_restore_backup_and_tell (MdApplication *self,
                                        const char    *backup_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *next = NULL;
  g_autofree char *described = NULL;
  AdwMessageDialog *dialog;

  if (md_application_restore_backup (self, backup_path, &error))
    {
      described = md_database_describe_backup (backup_path);
      {
        g_autofree char *toast = g_strdup_printf (_("The backup %s was restored"), described);

        add_toast (self, toast);
      }
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                                       _("The Backup Was Not Restored"),
                                                       error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_close_response (dialog, "close");

  next = md_database_find_good_backup (md_application_get_database_path (self), backup_path, NULL);
  if (next != NULL)
    {
      g_autofree char *label = restore_label (next);

      adw_message_dialog_add_response (dialog, "restore", label);
      adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
      g_object_set_data_full (G_OBJECT (dialog), "backup-path", g_steal_pointer (&next), g_free);
    }

  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Notices ------------------------------------------------------------- */

typedef struct
{
  MdApplication        *self;
  MdDatabaseNoticeKind  kind;
  char                 *message;
} Notice;

static void
notice_free (gpointer data)
{
  Notice *notice = data;

  g_object_unref (notice->self);
  g_free (notice->message);
  g_free (notice);
}

static gboolean
show_notice_cb (gpointer data)
{
  Notice *notice = data;
  MdApplication *self = notice->self;
  AdwMessageDialog *dialog;

  /* --background without a window: its output is the place. */
  if (!self->gtk_started)
    {
      g_printerr ("migraine-diary: %s\n", notice->message);
      return G_SOURCE_REMOVE;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                                       NULL, notice->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_close_response (dialog, "close");

  if (notice->kind == MD_DATABASE_NOTICE_EMPTY_FILE)
    {
      g_autofree char *backup = md_database_find_good_backup (md_application_get_database_path (self),
                                                              NULL, NULL);

      adw_message_dialog_set_heading (dialog, _("Your Diary File Was Empty"));
      adw_message_dialog_set_response_label (dialog, "close", _("_Keep the New Diary"));
      if (backup != NULL)
        {
          g_autofree char *label = restore_label (backup);

          adw_message_dialog_add_response (dialog, "restore", label);
          adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
          adw_message_dialog_set_default_response (dialog, "restore");
          g_object_set_data_full (G_OBJECT (dialog), "backup-path", g_steal_pointer (&backup), g_free);
        }
    }
  else
    adw_message_dialog_set_heading (dialog, _("Recent Changes Are Missing"));

  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return G_SOURCE_REMOVE;
}

/* Called in whichever thread opened a diary: shown from the main loop. */
static void
notice_cb (MdDatabaseNoticeKind  kind,
           const char           *database_path,
           const char           *message,
           gpointer              user_data)
{
  Notice *notice = g_new0 (Notice, 1);

  notice->self = g_object_ref (user_data);
  notice->kind = kind;
  notice->message = g_strdup (message);
  g_idle_add_full (G_PRIORITY_DEFAULT, show_notice_cb, notice, notice_free);
}

static MdApplication *notice_application;

/**
 * md_application_show_notices:
 * @show: whether @self shows notices from now on, or no longer
 *
 * What opening a diary notices is shown in a dialog (or, without a
 * display, printed), from start-up to shutdown.
 */
void
md_application_show_notices (MdApplication *self,
                             gboolean       show)
{
  if (show)
    {
      notice_application = self;
      md_database_set_notice_func (notice_cb, self);
    }
  else if (notice_application == self)
    {
      notice_application = NULL;
      md_database_set_notice_func (NULL, NULL);
    }
}

static void
print_notice_cb (MdDatabaseNoticeKind  kind,
                 const char           *database_path,
                 const char           *message,
                 gpointer              user_data)
{
  g_printerr ("migraine-diary: %s\n", message);
}

/**
 * md_application_print_notices:
 *
 * For the command line: what opening a diary notices is printed, one
 * line each, to standard error.
 */
void
md_application_print_notices (void)
{
  md_database_set_notice_func (print_notice_cb, NULL);
}
