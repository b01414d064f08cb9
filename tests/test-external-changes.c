/* test-external-changes.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window open on a diary that another program changes: a command
 * line import in a second process shows in the diary list without
 * reopening anything, a reminder added or switched off elsewhere re-arms
 * the reminder service, and the diary's own saves are not read twice.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "md-diary-page.h"
#include "md-reminder-service.h"
#include "md-test-gui.h"
#include "md-test-utils.h"
#include "md-window.h"

typedef struct
{
  char          *dir;
  char          *path;
  MdApplication *app;
  MdDiary       *diary;    /* the window's */
  GtkListView   *list;     /* the diary page's list */
  guint          n_changed; /* "changed" of the window's diary */
} Fixture;

static void
changed_cb (MdDiary *diary,
            Fixture *f)
{
  f->n_changed++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  MdWindow *window;

  f->dir = md_test_make_temp_dir ();
  f->path = g_build_filename (f->dir, "diary.db", NULL);
  f->app = md_test_gui_app_with_diary (f->path);
  f->diary = md_application_get_diary (f->app);
  window = MD_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (f->app)));
  f->list = md_diary_page_get_list_view (MD_DIARY_PAGE (md_window_get_diary_page (window)));
  g_signal_connect (f->diary, "changed", G_CALLBACK (changed_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_signal_handlers_disconnect_by_func (f->diary, changed_cb, f);
  md_test_gui_close_all (f->app);
  g_clear_object (&f->app);
  g_free (f->path);
  g_free (f->dir);
}

/* The attacks the diary page lists, as a user would count its rows. */
static guint
attacks_listed (gpointer user_data)
{
  Fixture *f = user_data;
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (f->list));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      n += MD_IS_ATTACK (item);
    }

  return n;
}

static gboolean
wait_for_attacks_listed (Fixture *f,
                         guint    n)
{
  /* Generous: the change is seen through a file monitor. */
  return md_test_wait_for_count (attacks_listed, f, n, 20000);
}

/* `migraine-diary --database PATH --import-csv FILE`, in its own process. */
static void
import_in_another_process (Fixture    *f,
                           const char *csv)
{
  g_autofree char *file = g_build_filename (f->dir, "import.csv", NULL);
  g_autofree char *err = NULL;
  const char *args[] = { "--database", f->path, "--import-csv", file, NULL };

  g_assert_true (g_file_set_contents (file, csv, -1, NULL));
  g_assert_cmpint (md_test_spawn_app (args, NULL, &err), ==, 0);
  g_unlink (file);
}

static void
test_import_shows_without_reopening (Fixture       *f,
                                     gconstpointer  data)
{
  g_assert_cmpuint (attacks_listed (f), ==, 0);

  import_in_another_process (f,
                             "#migraine-diary-csv,1\n"
                             "attack,ext-1,2026-01-04T10:00:00+01:00,2026-01-04T14:00:00+01:00,2,,,,,,,,,,\n"
                             "attack,ext-2,2026-01-09T18:30:00+01:00,,3,,,,,,,,,,\n");
  g_assert_true (wait_for_attacks_listed (f, 2));
  g_assert_cmpint (md_diary_count (f->diary, "attacks"), ==, 2);

  /* And again: the window keeps following. */
  import_in_another_process (f,
                             "#migraine-diary-csv,1\n"
                             "attack,ext-3,2026-02-01T07:00:00+01:00,2026-02-01T09:00:00+01:00,1,,,,,,,,,,\n");
  g_assert_true (wait_for_attacks_listed (f, 3));
}

/* The diary's own save is announced once, by the save; its write to the
 * file is not read back as someone else's. Another connection's save,
 * made after it, shows the check had run: exactly two announcements. */
static void
test_own_saves_are_not_read_twice (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(MdDiary) other = NULL;

  md_test_save_attack (f->diary, 1767000000, 2);
  g_assert_cmpuint (f->n_changed, ==, 1);
  /* Nothing to read: the save was ours. */
  g_assert_false (md_diary_reload_if_changed_elsewhere (f->diary));
  g_assert_true (wait_for_attacks_listed (f, 1));

  other = md_diary_open (f->path, NULL);
  g_assert_nonnull (other);
  md_test_save_attack (other, 1767100000, 3);
  g_assert_true (wait_for_attacks_listed (f, 2));
  g_assert_cmpuint (f->n_changed, ==, 2);

  /* Read once; asking again finds nothing new. */
  g_assert_false (md_diary_reload_if_changed_elsewhere (f->diary));
  g_assert_cmpuint (f->n_changed, ==, 2);
}

/* An import from the window runs on its own connection in a thread and
 * the window re-reads when it ends: the file's change is not read again. */
static void
test_window_import_is_read_once (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(MdDiary) other = NULL;

  /* What the window's import does once its thread has committed. */
  other = md_diary_open (f->path, NULL);
  md_test_save_attack (other, 1767000000, 2);
  md_diary_reload (f->diary);
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_false (md_diary_reload_if_changed_elsewhere (f->diary));
  g_assert_cmpuint (attacks_listed (f), ==, 1);

  md_test_save_attack (other, 1767100000, 2);
  g_assert_true (wait_for_attacks_listed (f, 2));
  g_assert_cmpuint (f->n_changed, ==, 2);
}

static gboolean
next_due_set (gpointer user_data)
{
  return md_reminder_service_get_next_due (user_data) != 0;
}

static gboolean
next_due_unset (gpointer user_data)
{
  return md_reminder_service_get_next_due (user_data) == 0;
}

static void
test_reminder_service_rearms (Fixture       *f,
                              gconstpointer  data)
{
  MdReminderService *service = md_application_get_reminder_service (f->app);
  g_autoptr(MdDiary) other = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  MdReminder *reminder;

  g_assert_nonnull (service);
  g_assert_cmpint (md_reminder_service_get_next_due (service), ==, 0);
  g_assert_false (md_reminder_service_is_armed (service));

  /* Added by the command line: the timer is armed for it. */
  import_in_another_process (f,
                             "#migraine-diary-csv,1\n"
                             "reminder,ext-r,medication,Evening tablet,\"v1;daily;times=20:00\",,,1,,\n");
  g_assert_true (md_test_wait_for (next_due_set, service, 20000));
  g_assert_true (md_reminder_service_is_armed (service));
  {
    g_autoptr(GDateTime) due = g_date_time_new_from_unix_local (md_reminder_service_get_next_due (service));

    g_assert_cmpint (g_date_time_get_hour (due), ==, 20);
    g_assert_cmpint (g_date_time_get_minute (due), ==, 0);
  }

  /* Switched off elsewhere: nothing is armed any more. */
  other = md_diary_open (f->path, NULL);
  reminders = md_diary_list_reminders (other);
  g_assert_cmpuint (reminders->len, ==, 1);
  reminder = g_ptr_array_index (reminders, 0);
  reminder->enabled = FALSE;
  g_assert_true (md_diary_save_reminder (other, reminder, NULL));
  g_assert_true (md_test_wait_for (next_due_unset, service, 20000));
  g_assert_false (md_reminder_service_is_armed (service));
}

int
main (int   argc,
      char *argv[])
{
  md_test_init_gui (&argc, &argv);

  g_test_add ("/md/external-changes/command-line-import", Fixture, NULL, fixture_set_up,
              test_import_shows_without_reopening, fixture_tear_down);
  g_test_add ("/md/external-changes/own-saves-read-once", Fixture, NULL, fixture_set_up,
              test_own_saves_are_not_read_twice, fixture_tear_down);
  g_test_add ("/md/external-changes/window-import-read-once", Fixture, NULL, fixture_set_up,
              test_window_import_is_read_once, fixture_tear_down);
  g_test_add ("/md/external-changes/reminders-rearm", Fixture, NULL, fixture_set_up,
              test_reminder_service_rearms, fixture_tear_down);

  return g_test_run ();
}
