/* md-test-gui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "md-test-gui"

#include "config.h"

#include <string.h>

#include "md-test-gui.h"
#include "md-test-utils.h"

/* A registered, non-unique application: it starts GTK and libadwaita like
 * the real one but never talks to another instance on the session bus. */
MdApplication *
md_test_gui_app_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *app_id = NULL;
  MdApplication *app = md_application_new ();
  static guint n_apps;

  /* A test may make several applications; each needs its own D-Bus path. */
  app_id = g_strdup_printf ("%s.Test%u", APP_ID, n_apps++);
  g_application_set_application_id (G_APPLICATION (app), app_id);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  return app;
}

GtkWindow *
md_test_gui_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

typedef struct
{
  GType    type;
  gboolean visible;
} ToplevelWait;

static gboolean
toplevel_state_reached (gpointer user_data)
{
  ToplevelWait *wait = user_data;
  GtkWindow *window = md_test_gui_find_toplevel (wait->type);

  if (wait->visible)
    return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));

  return window == NULL || !gtk_widget_get_visible (GTK_WIDGET (window));
}

/* Waits until a toplevel of @type is mapped (or gone, when !@visible). */
gboolean
md_test_gui_wait_toplevel (GType    type,
                           gboolean visible)
{
  ToplevelWait wait = { type, visible };

  return md_test_wait_for (toplevel_state_reached, &wait, 5000);
}

/* Activates @action of @widget, with the string @parameter unless it is
 * %NULL, as a button would; returns the window of @type it put on
 * screen. */
GtkWindow *
md_test_gui_open_by_action (gpointer    widget,
                            const char *action,
                            const char *parameter,
                            GType       type)
{
  if (parameter != NULL)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (widget), action, "s", parameter));
  else
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (widget), action, NULL));
  g_assert_true (md_test_gui_wait_toplevel (type, TRUE));

  return md_test_gui_find_toplevel (type);
}

/* For md_test_wait_for(): a toplevel of the type GSIZE_TO_POINTER
 * (@type) is there, shown or not yet. */
gboolean
md_test_gui_has_toplevel (gpointer type)
{
  return md_test_gui_find_toplevel (GPOINTER_TO_SIZE (type)) != NULL;
}

/* For md_test_wait_for(): no toplevel of the type GSIZE_TO_POINTER
 * (@type) is left, not even a hidden one. */
gboolean
md_test_gui_no_toplevel (gpointer type)
{
  return md_test_gui_find_toplevel (GPOINTER_TO_SIZE (type)) == NULL;
}

/* For md_test_wait_for(): the MdWindow @window runs no job */
gboolean
md_test_gui_window_idle (gpointer window)
{
  return !md_window_is_busy (window);
}

/* For MdWindow::report-written: sets the gboolean @done */
void
md_test_gui_report_written_cb (MdWindow   *window,
                               const char *file,
                               gboolean   *done)
{
  *done = TRUE;
}

void
md_test_gui_close_all (MdApplication *app)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }

  md_test_iterate (20);
}

/* The context that an editor or a page under test follows: one per
 * diary, kept until the test program ends. */
MdContext *
md_test_gui_context_for (MdDiary *diary)
{
  static GHashTable *contexts;
  MdContext *context;

  if (contexts == NULL)
    contexts = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);

  context = g_hash_table_lookup (contexts, diary);
  if (context == NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);

      context = md_context_new (settings);
      md_context_set_diary (context, diary);
      g_hash_table_insert (contexts, diary, context);
    }

  return context;
}

/* The object @name of the template of @template_type that built @widget. */
gpointer
md_test_gui_child (gpointer    widget,
                   GType       template_type,
                   const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (widget), template_type, name);
}

gpointer
md_test_gui_own_child (gpointer    widget,
                       const char *name)
{
  return md_test_gui_child (widget, G_OBJECT_TYPE (widget), name);
}

void
md_test_attack_fixture_tear_down (MdTestAttackFixture *fixture,
                                  gconstpointer        data)
{
  g_clear_object (&fixture->attack);
  g_clear_object (&fixture->diary);
}

/* The main() of an editor test program: runs each of @cases on a fresh
 * fixture made by @set_up. */
int
md_test_run_attack_tests (int                    *argc,
                          char                 ***argv,
                          MdTestAttackFunc        set_up,
                          const MdTestAttackCase *cases,
                          guint                   n_cases)
{
  md_test_init_gui (argc, argv);
  adw_init ();

  for (guint i = 0; i < n_cases; i++)
    g_test_add_vtable (cases[i].path, sizeof (MdTestAttackFixture), NULL,
                       (GTestFixtureFunc) set_up,
                       (GTestFixtureFunc) cases[i].func,
                       (GTestFixtureFunc) md_test_attack_fixture_tear_down);

  return g_test_run ();
}

/* Starts a widget test program whose tests share one application; run
 * them with md_test_gui_run_app(). */
MdApplication *
md_test_gui_init_app (int    *argc,
                      char ***argv)
{
  md_test_init_gui (argc, argv);

  return md_test_gui_app_new ();
}

/* Runs the tests added, then drops the application they shared. */
int
md_test_gui_run_app (MdApplication **app)
{
  int status = g_test_run ();

  g_clear_object (app);

  return status;
}

/* Activates @app and returns its main window once it is on screen. */
MdWindow *
md_test_gui_open_window (MdApplication *app)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (app));
  g_assert_true (md_test_gui_wait_toplevel (MD_TYPE_WINDOW, TRUE));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (MD_IS_WINDOW (window));

  return MD_WINDOW (window);
}

static gboolean
diary_opened (gpointer user_data)
{
  return md_application_get_diary (user_data) != NULL;
}

/* A new application on the diary at @path (a new one in a fresh
 * temporary folder when %NULL), with its window on screen and the diary
 * open (the window opens it after its first frame). */
MdApplication *
md_test_gui_app_with_diary (const char *path)
{
  MdApplication *app = md_test_gui_app_new ();
  g_autofree char *dir = path == NULL ? md_test_make_temp_dir () : NULL;
  g_autofree char *new_path = path == NULL ? g_build_filename (dir, "diary.db", NULL) : NULL;

  md_application_set_database_path (app, path != NULL ? path : new_path);
  md_test_gui_open_window (app);
  g_assert_true (md_test_wait_for (diary_opened, app, 5000));

  return app;
}

static gboolean
diary_or_dialog (gpointer user_data)
{
  return md_application_get_diary (user_data) != NULL ||
         md_test_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

/* A new application on the diary at @path, with its window on screen,
 * once the window opened the diary (after its first frame) or said in a
 * dialog why it could not. */
MdApplication *
md_test_gui_app_for (const char *path)
{
  MdApplication *app = md_test_gui_app_new ();

  md_application_set_database_path (app, path);
  md_test_gui_open_window (app);
  g_assert_true (md_test_wait_for (diary_or_dialog, app, 10000));

  return app;
}

/* The first widget below @root (depth first, @root excluded) that
 * @match says yes to, or %NULL. */
GtkWidget *
md_test_gui_find_widget (GtkWidget      *root,
                         gboolean      (*match) (GtkWidget    *widget,
                                                 gconstpointer data),
                         gconstpointer   data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (match (child, data))
        return child;
      if ((found = md_test_gui_find_widget (child, match, data)) != NULL)
        return found;
    }

  return NULL;
}

/* For md_test_gui_find_widget(): a label that shows @text */
gboolean
md_test_gui_label_contains (GtkWidget     *widget,
                            gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL;
}

/* For md_test_gui_find_widget(): a button whose tooltip is @tooltip */
gboolean
md_test_gui_button_with_tooltip (GtkWidget     *widget,
                                 gconstpointer  tooltip)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

/* For md_test_gui_find_widget(): a button that runs @action */
gboolean
md_test_gui_button_with_action (GtkWidget     *widget,
                                gconstpointer  action)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

/* For md_test_gui_find_widget(): a label with exactly @text */
gboolean
md_test_gui_label_is (GtkWidget     *widget,
                      gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}
