/* md-test-gui.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "md-application.h"
#include "md-window.h"

G_BEGIN_DECLS

/* The editor tests' fixture: a diary of their own with one attack */
typedef struct
{
  MdDiary  *diary;
  MdAttack *attack;
} MdTestAttackFixture;

typedef void (*MdTestAttackFunc) (MdTestAttackFixture *fixture,
                                  gconstpointer        data);

/* One test of an editor test program: its path and what it runs */
typedef struct
{
  const char       *path;
  MdTestAttackFunc  func;
} MdTestAttackCase;

void           md_test_attack_fixture_tear_down (MdTestAttackFixture *fixture,
                                                 gconstpointer        data);
int            md_test_run_attack_tests   (int                    *argc,
                                           char                 ***argv,
                                           MdTestAttackFunc        set_up,
                                           const MdTestAttackCase *cases,
                                           guint                   n_cases);

MdApplication *md_test_gui_app_new        (void);
GtkWindow     *md_test_gui_find_toplevel  (GType          type);
gboolean       md_test_gui_wait_toplevel  (GType          type,
                                           gboolean       visible);
GtkWindow     *md_test_gui_open_by_action (gpointer       widget,
                                           const char    *action,
                                           const char    *parameter,
                                           GType          type);
gboolean       md_test_gui_has_toplevel   (gpointer       type);
gboolean       md_test_gui_no_toplevel    (gpointer       type);
gboolean       md_test_gui_window_idle    (gpointer       window);
void           md_test_gui_report_written_cb (MdWindow   *window,
                                              const char *file,
                                              gboolean   *done);
void           md_test_gui_close_all      (MdApplication *app);
MdContext     *md_test_gui_context_for    (MdDiary       *diary);
/* A template child of @widget's own (final) type */
gpointer       md_test_gui_own_child      (gpointer       widget,
                                           const char    *name);
gpointer       md_test_gui_child          (gpointer       widget,
                                           GType          template_type,
                                           const char    *name);
MdApplication *md_test_gui_init_app       (int           *argc,
                                           char        ***argv);
int            md_test_gui_run_app        (MdApplication **app);
GtkWidget     *md_test_gui_find_widget    (GtkWidget     *root,
                                           gboolean     (*match) (GtkWidget    *widget,
                                                                  gconstpointer data),
                                           gconstpointer  data);
gboolean       md_test_gui_label_contains (GtkWidget     *widget,
                                           gconstpointer  text);
gboolean       md_test_gui_button_with_tooltip (GtkWidget     *widget,
                                                gconstpointer  tooltip);
gboolean       md_test_gui_button_with_action (GtkWidget     *widget,
                                               gconstpointer  action);
gboolean       md_test_gui_label_is       (GtkWidget     *widget,
                                           gconstpointer  text);
MdWindow      *md_test_gui_open_window    (MdApplication *app);
MdApplication *md_test_gui_app_with_diary (const char    *path);
MdApplication *md_test_gui_app_for        (const char    *path);

G_END_DECLS
