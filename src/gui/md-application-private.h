/* md-application-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the files of the application share: md-application.c (the
 * object, start-up), md-application-damage.c (opening the diary, and a
 * damaged, empty or cut-short one), md-application-options.c (the
 * command line), md-application-actions.c (app.* actions, restoring a
 * backup) and md-application-reminders.c (notifications and their
 * buttons).
 */

#pragma once

#include "md-application.h"

G_BEGIN_DECLS

/* The exit status for a command line that could not be understood, as
 * getopt-based tools use it. */
#define EXIT_USAGE 2

struct _MdApplication
{
  AdwApplication  parent_instance;

  /* Owned */
  GSettings      *settings;
  char           *database_path;
  MdContext      *context; /* holds the open diary and its reminder service */

  guint           activate_count;
  gboolean        background; /* started with --background, no window yet */
  gboolean        held_for_reminders;
  char           *quick_action; /* a desktop-file action to run instead of opening the window */
  gboolean        gtk_started; /* the display is open; see md_application_ensure_gtk() */
  GVariant       *pending_platform_data;
};

G_GNUC_INTERNAL
gboolean
md_application_local_command_line (GApplication   *application,
                                   char         ***arguments,
                                   int            *exit_status);

G_GNUC_INTERNAL
int
md_application_handle_local_options (GApplication *application,
                                     GVariantDict *options);

G_GNUC_INTERNAL
void
md_application_apply_color_scheme (MdApplication *self);

G_GNUC_INTERNAL
void
md_application_color_scheme_changed_cb (MdApplication *self,
                                        const char    *key,
                                        GSettings     *settings);

G_GNUC_INTERNAL
void
md_application_update_hold (MdApplication *self);

G_GNUC_INTERNAL
void
md_application_follow_up_setting_changed_cb (MdApplication *self);

G_GNUC_INTERNAL
void
md_application_diary_opened_cb (MdApplication *self);

G_GNUC_INTERNAL
void
md_application_add_options (MdApplication *self);

G_GNUC_INTERNAL
void
md_application_add_actions (MdApplication *self);

G_GNUC_INTERNAL
void
md_application_add_reminder_actions (MdApplication *self);

G_GNUC_INTERNAL
void
md_application_open_diary_or_explain (MdApplication *self,
                                      GtkWindow     *parent);

G_GNUC_INTERNAL
void
md_application_restore_backup_and_tell (MdApplication *self,
                                        const char    *backup_path);

G_GNUC_INTERNAL
void
md_application_confirm_restore (MdApplication *self,
                                const char    *backup_path);

G_GNUC_INTERNAL
void
md_application_show_notices (MdApplication *self,
                             gboolean       show);

G_GNUC_INTERNAL
void
md_application_print_notices (void);

G_END_DECLS
