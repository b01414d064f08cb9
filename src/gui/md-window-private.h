/* md-window-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the files of the window share: md-window.c (the object, its
 * views, the win.* actions that act on the diary, the saved state) and
 * md-window-jobs.c (CSV import and export, the PDF report and printing:
 * the jobs that run against the window's cancellable).
 */

#pragma once

#include "md-charts-page.h"
#include "md-diary-page.h"
#include "md-reminders-page.h"
#include "md-window.h"

G_BEGIN_DECLS

struct _MdWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *stack;
  AdwViewSwitcherBar   *switcher_bar;
  AdwToastOverlay      *toast_overlay;
  GtkMenuButton        *primary_menu_button;
  GtkRevealer          *progress_revealer;
  GtkProgressBar       *progress_bar;
  GtkToggleButton      *search_button;
  MdDiaryPage          *diary_page;
  AdwBin               *charts_bin;
  AdwBin               *reminders_bin;

  /* Borrowed: built the first time they are needed, not at start-up */
  MdChartsPage         *charts_page;
  MdRemindersPage      *reminders_page;

  /* Owned */
  GSettings            *settings;
  GtkFileChooserNative   *file_chooser;
  GCancellable         *cancellable; /* cancelled when the window closes */

  /* A CSV import or export running in a thread */
  gboolean              busy;
  gint                  progress_permille; /* atomic, written by the thread */
  guint                 progress_source;
};

static inline MdApplication *
md_window_get_md_application (MdWindow *self)
{
  return MD_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

G_GNUC_INTERNAL
MdChartsPage *
md_window_ensure_charts_page (MdWindow *self);

G_GNUC_INTERNAL
void
md_window_update_actions (MdWindow *self);

G_GNUC_INTERNAL
void
md_window_class_init_jobs (GtkWidgetClass *widget_class);

G_END_DECLS
